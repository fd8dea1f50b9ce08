/*
 * import/import_internal.h - what the readers of import/ share: one reader per format,
 * each taking a whole input in memory, and the warning channel.
 */
#ifndef ECOMAP_IMPORT_INTERNAL_H
#define ECOMAP_IMPORT_INTERNAL_H

#include <stddef.h>

#include "ecomap/import.h"

/* One input, read whole. */
typedef struct eco_i_input {
    const char *data;              /* its bytes, NUL-terminated (len excludes the NUL) */
    size_t len;                    /* bytes in data */
    const char *source;            /* path as the user gave it, or "<stdin>" */
    const char *record_id;         /* the file's name, used as the id of its record */
    const eco_import_options *opt; /* never NULL */
} eco_i_input;

/* A reader adds what in holds to g.  0, or an ECO_E* code with err set. */
typedef int (*eco_i_reader)(eco_graph *g, const eco_i_input *in, eco_error *err);

int eco_i_read_native(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_ties_csv(eco_graph *g, const eco_i_input *in, eco_error *err);

/*
 * Reports a problem that spoils part of an input but not the rest: a warning handed to
 * opt->warn, or, when opt->strict, an error in err.  Returns 0 after a warning and
 * ECO_EDATA after an error, so callers can write `if ((rc = eco_i_warn(...)) < 0)`.
 */
int eco_i_warn(const eco_import_options *opt, eco_error *err, const char *source, int line,
               int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* ---- CSV -------------------------------------------------------------------------------- */

/* A reader of RFC 4180 CSV: quoted fields with commas, quotes ("") and new lines, CRLF
 * or LF, an optional UTF-8 byte-order mark.  Fields are NUL-terminated copies. */
typedef struct eco_i_csv_field {
    char *text;    /* the field's text, unquoted; valid until the next row is read */
    size_t offset; /* where text starts in the row's storage, while the row is read */
    int line;      /* where the field starts, 1-based */
    int column;    /* in characters, 1-based */
} eco_i_csv_field;

typedef struct eco_i_csv {
    const char *data, *end;  /* the input */
    const char *at;          /* next byte to read */
    int line, column;        /* position of at, 1-based; column counts characters */
    char delimiter;          /* ',' or ';' or '\t', from the first line */
    eco_i_csv_field *fields; /* the row just read */
    size_t count, cap;       /* fields in the row; room in fields */
    char *text;             /* storage for the row's fields */
    size_t text_len, text_cap;
    int row_line;           /* line the row starts on */
} eco_i_csv;

void eco_i_csv_init(eco_i_csv *csv, const char *data, size_t len);
void eco_i_csv_free(eco_i_csv *csv);

/* Reads the next row: 1 when there is one, 0 at the end, ECO_EDATA or ECO_ENOMEM with err
 * set (naming source) when the text is not CSV. */
int eco_i_csv_row(eco_i_csv *csv, const char *source, eco_error *err);

/* ---- JSON positions --------------------------------------------------------------------- */

/* A step into a JSON document: a key of an object, or (key NULL) an index of an array. */
typedef struct eco_i_json_step {
    const char *key;
    size_t index;
} eco_i_json_step;

/* Finds where the value at path (depth steps) starts in the JSON text, which must be
 * valid JSON.  Fills *line and *column (1-based; column in characters); both 0 when the
 * path is not in the text. */
void eco_i_json_locate(const char *text, size_t len, const eco_i_json_step *path, size_t depth,
                       int *line, int *column);

#endif
