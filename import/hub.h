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

#include "input.h"
#include "maps/maps.h"
#include "prose/prose.h"

/* ---- The user's alias file (import/aliases.c) -------------------------------------------- */

/* Loads a user's alias file (CSV "alias,canonical[,type,country]") into a new lexicon that
 * belongs to the caller.  0, or an ECO_E* code with err naming the file and line. */
int eco_i_aliases_load(eco_i_lexicon **out, const char *path, eco_error *err);

/* Adds the lines of an alias file, len bytes of text read from source, to lex, every name
 * of a body (through any chain of lines) a form of the body's entry.  A line that would
 * make two names each other's alias, or give an alias to a second body, is an error naming
 * the line.  Expected O(length of text). */
int eco_i_aliases_parse(eco_i_lexicon *lex, const char *text, size_t len, const char *source,
                        eco_error *err);

/* Applies the alias file lex to g, as resolution does last: each line, in order, merges the
 * actors its alias and canonical name designate, then names the result, gives it the
 * alias and the line's type and country.  The merges are carried out together.  0 or
 * ECO_ENOMEM.  Expected O(forms + actors + ties + the merged actors' names). */
int eco_i_aliases_apply(eco_graph *g, const eco_i_lexicon *lex);

/* ---- Resolution (import/resolve.c) ------------------------------------------------------ */

/*
 * Entity resolution across everything read into g, run once after the last input (the
 * importer's finish): each actor takes the spelling that most records voted for (votes may
 * be NULL: none); ids made from names are made again, and g is put in the order the native
 * map is written in; actors that are one body under several names become one actor (an
 * acronym defined for one and used as the other's name, "Portuguese X" and "X" in Portugal,
 * a shorter form of a long name in one country, initials, a legal form); then every line of
 * aliases, when not NULL, merges the actors its alias and canonical name designate, renames
 * the result and sets its type and country; then ids and order once more.  Actors of
 * different countries are never merged.  fix, when not NULL, refuses the rules' merges its
 * apart lines forbid (eco_i_corrections_veto) and is applied after the aliases
 * (eco_i_corrections_apply).  What the rules decline to merge (an acronym two bodies
 * hold) is told to opt's warning channel.  0, or an ECO_E* code with err set (naming aliases_source when
 * applying the aliases failed).  O(actors * aliases + ties log ties)
 * expected.
 */
struct eco_i_corrections;
int eco_i_resolve(eco_graph *g, const eco_i_votes *votes, const eco_i_lexicon *aliases,
                  const char *aliases_source, struct eco_i_corrections *fix,
                  const eco_import_options *opt, eco_error *err);

/*
 * Which of n spellings of one actor is its name: a spelling that is not an acronym before
 * one that is ("Tax and Customs Authority" before "AT"), then the one most records used
 * (votes[i]), then the one with the most characters, then the first in byte order.  The
 * index of the winner; 0 when n is 0.  O(n * length of the spellings).
 */
size_t eco_i_best_spelling(const char *const *forms, const size_t *votes, size_t n);

/* ---- Texts drawn from files that are not text (import/drawn.c, html.c, pdf.c) ----------- */

/* A saved web page and a PDF, read as records: their text drawn out, then read as
 * eco_i_read_drawn says.  0, or an ECO_E* code with err set.  O(length of the file), then
 * the reader of its text. */
int eco_i_read_html(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_pdf(eco_graph *g, const eco_i_input *in, eco_error *err);

/* A text drawn from a file, and where each of its lines stands in the file. */
typedef struct eco_i_drawn {
    char *text;           /* NUL-terminated once anything is put; NULL before */
    size_t len, cap;      /* bytes in text; room in it */
    int *line, *page;     /* per line of text: its line in the file, or on its page; its page */
    size_t lines;         /* lines started */
    size_t line_cap, page_cap;
    int paged;            /* 1 when the file has pages (a PDF) */
    int failed;           /* 1 once memory ran out: what was put since is lost */
} eco_i_drawn;

/* Appends n bytes of s to the text. */
void eco_i_drawn_put(eco_i_drawn *t, const char *s, size_t n);

/* Notes that the next line of the text starts on line of page (0 when the file has none). */
void eco_i_drawn_start_line(eco_i_drawn *t, int page, int line);

void eco_i_drawn_free(eco_i_drawn *t);

/* Reads the text drawn from in's file as a record of in whose format is format ("html",
 * "pdf"), by the reader of records that eco_import_detect finds for the text (plain text
 * when it finds none, or one of maps), its lines placed in the file for the evidence and
 * for an error.  0, or an ECO_E* code with err set. */
int eco_i_read_drawn(eco_graph *g, const eco_i_input *in, const eco_i_drawn *text,
                     const char *format, eco_error *err);

/* ---- Formats (import/detect.c) ---------------------------------------------------------- */

/* The reader of the format called name, or NULL when there is none.  O(formats). */
eco_i_reader eco_i_format_reader(const char *name);

/* The static name of the format called name (as eco_import_formats lists it), or NULL. */
const char *eco_i_format_name(const char *name);

/* The format of data, as eco_import_detect tells it, a table that cols (may be NULL) names
 * the columns of being a table of records.  O(len). */
const char *eco_i_detect(const char *data, size_t len, const struct eco_i_column_map *cols);

/* What a structured file that no reader reads looks like ("an SVG drawing", "ecomap's own
 * Markdown report"), for a warning; NULL when data does not look structured.  Such a file
 * is never read as prose (import/detect_refused.c).  O(first lines). */
const char *eco_i_refused(const char *data, size_t len);

/* What ecomap's own report or interactive view page (n bytes at p, past any white space) is,
 * in words for the user: they are web pages, but hold no records.  NULL for any other text.
 * O(n), at most 64 KB read. */
const char *eco_i_own_page(const char *p, size_t n);

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
    const struct eco_i_models *models; /* what its prose is read with; NULL: the rules alone */
    int in_folder;      /* 1: found below a folder, so that failing to read it is a warning */
    const char *record_id; /* the id of its record: its name, or as much of its path as
                              tells it from another input's of the same name (owned when
                              not its name) */
} eco_i_listed;

typedef struct eco_i_inputs {
    eco_i_listed *items; /* every input listed so far */
    size_t count, cap;
    eco_i_block *blocks; /* where files' bytes are kept */
    size_t block_count, block_cap;
    size_t kept;         /* bytes of files kept from listing to reading */
    int read_stdin;      /* 1 once "-" was listed: standard input is read once */
    const struct eco_i_models *models; /* given to each input listed from now on */
    const struct eco_i_column_map *columns; /* the --columns file, which tells tables apart */
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

/* Gives each input of list the id of its record: its file's name, or, for inputs that share
 * a name, as many of the folders above it as tell them apart ("a/plan.md", "b/plan.md").
 * Inputs that nothing tells apart are a warning naming both (an error when opt->strict).
 * 0, or an ECO_E* code with err set.  O(n log n) and O(n^2) in inputs of one name. */
int eco_i_inputs_name_records(eco_i_inputs *list, const eco_import_options *opt, eco_error *err);

/* Makes sure the bytes of f, an input of list, are held, reading its file again when they
 * were not kept.  0, or an ECO_E* code with err set. */
int eco_i_listed_bytes(eco_i_inputs *list, eco_i_listed *f, eco_error *err);

/* Lets the bytes of f, an input of list, go once it has been read. */
void eco_i_listed_release(eco_i_inputs *list, eco_i_listed *f);

void eco_i_inputs_free(eco_i_inputs *list);

#endif
