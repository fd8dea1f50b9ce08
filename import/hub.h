/*
 * import/hub.h - what the files of the importer's hub share (import/importer.c,
 * import/inputs.c, import/detect.c, import/resolve.c, import/aliases.c): the list of inputs
 * an import reads, the table of formats, and the steps of finishing.  The readers never see
 * it.
 */
#ifndef ECOMAP_IMPORT_HUB_H
#define ECOMAP_IMPORT_HUB_H

#include <stddef.h>
#include <stdint.h>

#include "import_internal.h"

/* ---- Formats (import/detect.c) ---------------------------------------------------------- */

/* The reader of the format called name, or NULL when there is none.  O(formats). */
eco_i_reader eco_i_format_reader(const char *name);

/* The static name of the format called name (as eco_import_formats lists it), or NULL. */
const char *eco_i_format_name(const char *name);

/* Why data matches no format, in words for the user.  O(len). */
const char *eco_i_unrecognised(const char *data, size_t len);

/* ---- Inputs (import/inputs.c) ----------------------------------------------------------- */

/* The bytes of an input, NUL-terminated, lone CRs read as LFs: a file's in a block of kept
 * bytes (import/inputs.c says why), standard input's and a buffer's malloc'd. */
typedef struct eco_i_bytes {
    char *data;   /* NULL when not held: not kept when listed, or already read */
    size_t block; /* 1 + the index of the block data lies in; 0 when data is malloc'd */
} eco_i_bytes;

/* Pages that files' bytes are kept in, one after another. */
typedef struct eco_i_block {
    char *base;  /* the mapping */
    size_t size; /* its bytes */
    size_t used; /* bytes handed out */
    size_t live; /* inputs whose bytes it still holds: 0 lets it go */
} eco_i_block;

/* One input, listed: read whole to hash it and tell its format. */
typedef struct eco_i_listed {
    char *path;         /* as given, or a folder's path joined to an entry's name; a buffer's
                           source (owned) */
    const char *source; /* what messages and evidence call it: path, or "<stdin>" */
    uint64_t hash;      /* a hash of its bytes that is the same on every machine */
    size_t len;         /* its length in bytes */
    eco_i_bytes bytes;  /* its bytes, kept from listing to reading unless over the limit */
    int rank;           /* read before inputs of a higher rank: Kumu's sheets last */
    int is_buffer;      /* 1: added as a buffer, never the same input as a file */
    const char *format; /* its format's name, as detected when it was listed (static) */
} eco_i_listed;

typedef struct eco_i_inputs {
    eco_i_listed *items; /* every input listed so far */
    size_t count, cap;
    eco_i_block *blocks; /* where files' bytes are kept */
    size_t block_count, block_cap;
    size_t kept;         /* bytes of files kept from listing to reading */
    int read_stdin;      /* 1 once "-" was listed: standard input is read once */
} eco_i_inputs;

/* Lists path and every file below it (see eco_importer_add_path).  A path that gives
 * nothing to read is ECO_EDATA.  0, or an ECO_E* code with err set. */
int eco_i_inputs_add_path(eco_i_inputs *list, const char *path, const eco_import_options *opt,
                          eco_error *err);

/* Lists a copy of len bytes of data read from source.  0, or an ECO_E* code with err set. */
int eco_i_inputs_add_buffer(eco_i_inputs *list, const char *data, size_t len, const char *source,
                            const eco_import_options *opt, eco_error *err);

/* Drops the second listing of a file named and also below a folder named, then puts the
 * inputs in the order they are read: by their contents, not their names.  O(n log n). */
void eco_i_inputs_order(eco_i_inputs *list);

/* Makes sure the bytes of f, an input of list, are held, reading its file again when they
 * were not kept.  0, or an ECO_E* code with err set. */
int eco_i_listed_bytes(eco_i_inputs *list, eco_i_listed *f, eco_error *err);

/* Lets the bytes of f, an input of list, go once it has been read. */
void eco_i_listed_release(eco_i_inputs *list, eco_i_listed *f);

void eco_i_inputs_free(eco_i_inputs *list);

#endif
