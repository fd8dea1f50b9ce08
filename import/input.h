/*
 * import/input.h - what the importer's hub (import/) and both wings of readers
 * (import/maps/, import/prose/) share, and nothing else: an input and the reader of one,
 * the importer's state a reader may use (the options, the alias file, the votes for names,
 * each wing's memory across inputs), the warning channel, and the CSV reader.
 */
#ifndef ECOMAP_IMPORT_INPUT_H
#define ECOMAP_IMPORT_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ecomap/import.h"
#include "internal.h"
#include "vocabulary.h"

/* No index: an actor not found, a name that is no actor. */
#define ECO_I_NONE ((size_t)-1)

/* ---- An input and the importer's state (import/session.c) -------------------------------- */

/* The names records vote for (import/session.c): each record votes once for each spelling
 * it resolves as a name, and resolution names an actor by the spelling with most votes.
 * Names are keyed by their pooled copy in the graph being read. */
/* The votes for one spelling. */
typedef struct eco_i_tally {
    const char *last_voter; /* the pooled record that voted for it last */
    size_t count;           /* records that voted for it */
} eco_i_tally;

typedef struct eco_i_votes {
    eco_graph *graph;     /* the graph being read, whose pool holds the names voted for */
    eco_i_map tally_of;   /* pooled name -> its tally in tallies: one probe a vote, where a
                             map of last voters and one of counts took four */
    eco_i_tally *tallies; /* in the order the names were first voted for */
    size_t tally_count, tally_cap;
    const char *voter; /* the pooled record that voted last, or NULL */
} eco_i_votes;

/* What one import shares across its inputs, owned by the importer (import/importer.c):
 * the options, the user's alias file read once, the names records voted for, and what
 * each wing of readers keeps from input to input (opaque here: each wing's header says). */
typedef struct eco_i_session {
    const eco_import_options *opt;   /* never NULL */
    const eco_i_lexicon *user;       /* opt->aliases, read once; NULL when none */
    eco_i_votes votes;               /* the spellings records named actors by */
    struct eco_i_prose_cache *prose; /* the prose readers' memory of names and prompts */
    struct eco_i_maps_cache *maps;   /* the map readers' memory: Kumu's stand-ins */
    const struct eco_i_observer *observer; /* shown every decision of the prose readers, to
                                              learn from (tools/train-extractor); or NULL */
    const struct eco_i_column_map *columns; /* opt->columns, read once; NULL when none */
} eco_i_session;

/* Where the lines of a text drawn from another file (a web page's text, a PDF's) stand in
 * that file, so that evidence points at the file the user has (import/positions.c). */
typedef struct eco_i_origin {
    const char *format; /* the file's format ("html", "pdf"): its record's */
    const int *line;    /* per line of the text, from 0: its line in the file, or on its page */
    const int *page;    /* per line of the text: its page, from 1; NULL when the file has none */
    size_t lines;       /* lines of the text that line (and page) cover */
} eco_i_origin;

/* One input, read whole. */
typedef struct eco_i_input {
    const char *data;              /* its bytes, NUL-terminated (len excludes the NUL) */
    size_t len;                    /* bytes in data */
    const char *source;            /* path as the user gave it, or "<stdin>" */
    const char *record_id;         /* the file's name, used as the id of its record */
    const eco_import_options *opt; /* never NULL */
    const eco_i_lexicon *user;     /* names from opt->aliases; NULL when none */
    eco_i_session *session;        /* the import it belongs to; never NULL */
    const struct eco_i_models *models; /* the models its prose is read with; NULL: the rules
                                          alone (import/prose/spans.h) */
    const eco_i_origin *origin;    /* when the text was drawn from another file: where its
                                      lines stand there; NULL for a file read as it is */
    char *spare;                   /* data itself, when the reader may write over it (the
                                      import lets a file's bytes go once it is read); NULL
                                      otherwise, and in an input made from another */
} eco_i_input;

/* A reader adds what in holds to g.  0, or an ECO_E* code with err set. */
typedef int (*eco_i_reader)(eco_graph *g, const eco_i_input *in, eco_error *err);

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

/* Tells opt's warning channel what the importer decided, whatever opt->strict says: it is
 * no fault of the input ("an acronym names two bodies: not merged"). */
void eco_i_notice(const eco_import_options *opt, const char *source, int line, int column,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* ---- Votes for names (import/session.c) -------------------------------------------------- */

/* Starts votes on the names of graph; frees them.  eco_i_votes_free is NULL-safe. */
void eco_i_votes_init(eco_i_votes *v, eco_graph *graph);
void eco_i_votes_free(eco_i_votes *v);

/* Counts a vote of record (may be NULL) for name as the name of the actor it designates.
 * A record votes once for a spelling, its votes coming together (readers read one record
 * at a time).  0 or ECO_ENOMEM.  Expected O(length of name). */
int eco_i_vote(eco_i_votes *v, const char *name, const char *record);

/* The number of records that voted for name; 0 for a name none voted for, or v NULL.
 * Expected O(length of name). */
size_t eco_i_votes_for(const eco_i_votes *v, const char *name);

/* ---- CSV (import/csv.c) ------------------------------------------------------------------ */

/* A reader of RFC 4180 CSV: quoted fields with commas, quotes ("") and new lines, CRLF
 * or LF, an optional UTF-8 byte-order mark.  Fields are NUL-terminated copies; a field
 * that starts with a single quote before what a spreadsheet would run ("'=SUM(A1)",
 * eco_i_csv_formula) loses that quote, as ecomap's CSV exports put it there. */
typedef struct eco_i_csv_field {
    char *text;    /* the field's text, unquoted; valid until the next row is read */
    size_t offset; /* where text starts in the row's storage, while the row is read */
    int line;      /* where the field starts, 1-based */
    int column;    /* in characters, 1-based */
} eco_i_csv_field;

typedef struct eco_i_csv {
    const char *data, *end;    /* the input */
    const char *at;            /* next byte to read */
    int line, column;          /* position of at, 1-based; column counts characters */
    char delimiter;            /* ',' or ';' or '\t', from the first line; may be set after
                                  eco_i_csv_init */
    eco_i_csv_field *fields;   /* the row just read */
    size_t count, cap;         /* fields in the row; room in fields */
    char *text;                /* storage for the row's fields */
    size_t text_len, text_cap; /* bytes used in text; room in it */
    int row_line;              /* line the row starts on */
} eco_i_csv;

/* Starts reading the len bytes of data, which must outlive the reader.  O(first line). */
void eco_i_csv_init(eco_i_csv *csv, const char *data, size_t len);
void eco_i_csv_free(eco_i_csv *csv);

/* Reads the next row: 1 when there is one, 0 at the end, ECO_EDATA or ECO_ENOMEM with err
 * set (naming source) when the text is not CSV.  O(length of the row). */
int eco_i_csv_row(eco_i_csv *csv, const char *source, eco_error *err);

/* Strips the spaces, tabs and line breaks around a cell's text, in place. */
void eco_i_csv_trim(char *cell);

/* Whether two fields of the row just read (a header, its cells trimmed) are the same name,
 * ASCII case aside: 1 with *first and *second their indices, 0 when none is, or
 * ECO_ENOMEM.  A header that names a column twice leaves which one counts to chance.
 * Expected O(length of the row). */
int eco_i_csv_repeated(const eco_i_csv *csv, size_t *first, size_t *second);

/* ---- Positions in a text (import/positions.c) ------------------------------------------- */

/*
 * Where a byte offset stands in a text, as a line and a column for a message: built once
 * per input in one pass, then asked any number of times at a bounded cost each, so that a
 * file with 20,000 warnings is not walked 20,000 times.  Lines are counted at '\n'; a
 * column counts characters (UTF-8 lead bytes), 1-based; a UTF-8 byte-order mark at the
 * start takes no column.  Any reader that finds a byte offset to report may use it (the
 * JSON readers do).
 */
typedef struct eco_i_text_map {
    const char *text;    /* the text, which must outlive the map */
    size_t len;          /* its bytes */
    size_t skip;         /* 3 after a byte-order mark, else 0 */
    int *block_line;     /* the line at the start of each block of ECO_I_TEXT_BLOCK bytes */
    int *block_column;   /* and the column */
    size_t blocks;       /* how many blocks */
} eco_i_text_map;

enum { ECO_I_TEXT_BLOCK = 4096 };

/* Maps the len bytes of text.  0 or ECO_ENOMEM.  O(len). */
int eco_i_text_map_init(eco_i_text_map *map, const char *text, size_t len);
void eco_i_text_map_free(eco_i_text_map *map); /* on a zeroed or initialised map */

/*
 * Where line (1-based) of a text drawn from another file stands in that file: *line set to
 * its line there, and *source to source itself, or, for a file of pages, to
 * "SOURCE#page=N" written into buf (the fragment of RFC 8118, which PDF viewers open at that
 * page).  A line past what origin covers keeps the last line's place.  O(1).
 */
void eco_i_origin_place(const eco_i_origin *origin, const char *source, int *line,
                        const char **where, char *buf, size_t size);

/* The line and column of the byte at offset (the end of the text past it).  O(ECO_I_TEXT_BLOCK). */
void eco_i_text_map_find(const eco_i_text_map *map, size_t offset, int *line, int *column);

#endif
