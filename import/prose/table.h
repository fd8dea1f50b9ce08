/*
 * import/prose/table.h - tables of records: a CSV or a JSON array of objects whose rows
 * are records (a platform's export of solutions, a catalogue of public services, a
 * user's spreadsheet).  What the files of tables share: the roles columns play, known by
 * their headers (import/prose/table_columns.c) or named in a --columns file, and the row
 * that becomes one record (import/prose/table.c), whether it came from a CSV or from JSON
 * (import/prose/table_json.c).
 */
#ifndef ECOMAP_IMPORT_TABLE_H
#define ECOMAP_IMPORT_TABLE_H

#include "prose.h"

/* What a column holds, for the record its row becomes. */
typedef enum eco_i_column_role {
    ECO_I_COLUMN_OTHER,        /* read by no one */
    ECO_I_COLUMN_ID,           /* the row's key: part of its record's id */
    ECO_I_COLUMN_TITLE,        /* the record's title */
    ECO_I_COLUMN_COUNTRY,      /* the record's country */
    ECO_I_COLUMN_YEAR,         /* a date whose year is the record's */
    ECO_I_COLUMN_TEXT,         /* free text, read through the prose extractor */
    ECO_I_COLUMN_ORGANISATION, /* an organisation's name: an actor, read directly */
    ECO_I_COLUMN_TYPE,         /* the type (category, sector) of the organisation owner names */
    ECO_I_COLUMN_ROLE,         /* its role in the record: the actor's attribute "role" */
    ECO_I_COLUMN_ORG_COUNTRY,  /* its country */
    ECO_I_COLUMN_CODE,         /* ISO codes, tag ids, coordinates: never an actor */
    ECO_I_COLUMN_TOPICS        /* what the record is about: a list of the record's topics */
} eco_i_column_role;

/* Between the items of a list cell whose items may hold any other character: a JSON array
 * in a topics column ("Arts, culture" stays one topic).  A cell without it is split at ',',
 * ';' and '|', as people write lists in a cell of a CSV. */
#define ECO_I_TABLE_ITEM '\x1f'

/* The roles of a table's columns, one for each. */
typedef struct eco_i_table_layout {
    eco_i_column_role *role; /* per column (owned) */
    size_t *owner;           /* per column: for TYPE, ROLE and ORG_COUNTRY, the index of the
                                organisation column described; else ECO_I_NONE (owned) */
    size_t count;            /* columns */
    size_t organisations;    /* columns of role ORGANISATION */
    size_t texts;            /* columns of role TEXT */
} eco_i_table_layout;

void eco_i_table_layout_free(eco_i_table_layout *layout);

/*
 * The roles of the count columns called names, from their headers alone: the layouts of
 * UNDP's platform export, the JRC catalogue of public service innovations, Participedia's
 * exports and tables like them (docs/FORMAT.md lists the names).  0 or ECO_ENOMEM.
 * O(count).
 */
int eco_i_table_layout_guess(eco_i_table_layout *out, const char *const *names, size_t count);

/* 1 when a layout is one of a table of records: a key or a title, and a column of text or
 * of organisations (or, for JSON, a key and any column of a record). */
int eco_i_table_layout_is_records(const eco_i_table_layout *layout, int loose);

/*
 * The layout a --columns file (opt->columns, read into cols) gives the columns called
 * names: ECO_I_COLUMN_OTHER for the columns it does not name.  0 when it names none of
 * them (the table is then read by its headers), 1 when it does, or ECO_ENOMEM.  A column
 * it names that the table lacks is a warning (an error under --strict) naming source.
 */
struct eco_i_column_map;
int eco_i_table_layout_mapped(eco_i_table_layout *out, const struct eco_i_column_map *cols,
                              const char *const *names, size_t count, const eco_i_input *in,
                              eco_error *err);

/* One row of a table: the cells of its columns, where each starts, and where it is. */
typedef struct eco_i_table_row {
    char *const *cells; /* per column, NUL-terminated; cleaned in place when read */
    const int *lines;   /* the line each cell starts on */
    size_t count;       /* cells; fewer than the layout's columns when the row is short */
    int line;           /* the line the row starts on */
    size_t number;      /* 1 for the first row of records (the header is row 0) */
    const char *const *keys; /* JSON: each column's key, for a cell's place "#/INDEX/KEY";
                                NULL for a CSV, whose cells are "#cell=ROW,COL" */
} eco_i_table_row;

/* A table being read into records: one per row. */
typedef struct eco_i_table {
    eco_graph *g;
    const eco_i_input *in;         /* the file the table is */
    const char *format;            /* its records' format: "table" or "table-json" */
    eco_i_table_layout layout;     /* its columns' roles */
    eco_i_map ids;                 /* eco_i_hash of the ids of rows read so far */
} eco_i_table;

/* Starts a table of in with the count columns called names, by the --columns file when it
 * names them, else by their headers; warns when no column names an organisation nor holds
 * text.  0, or an ECO_E* code with err set.  eco_i_table_end is NULL-safe on a zeroed one. */
int eco_i_table_begin(eco_i_table *t, eco_graph *g, const eco_i_input *in, const char *format,
                      const char *const *names, size_t count, eco_error *err);
void eco_i_table_end(eco_i_table *t);

/* The first year from 1000 to 2999 written in text ("2021-03-04", "FY 2019"), as a whole
 * number; 0 when none.  O(length of text). */
int eco_i_table_year(const char *text);

/* Told of one topic: its len bytes at topic, not NUL-terminated.  0 or an ECO_E* code. */
typedef int (*eco_i_topic_fn)(const char *topic, size_t len, void *ctx);

/*
 * Gives add each topic of a list cell of len bytes, in the order written: the items between
 * ECO_I_TABLE_ITEM marks when the cell has one, else between ',', ';' and '|', spaces
 * around each trimmed, empty items and "NULL" left out.  Every reader of a cell of topics
 * splits it here, so that one cell gives the same topics whichever table holds it.  0, or
 * the first error add returns.  O(len).
 */
int eco_i_table_topics_each(const char *cell, size_t len, eco_i_topic_fn add, void *ctx);

/* Reads one row into a record of its own.  0, or an ECO_E* code with err set. */
int eco_i_table_row_read(eco_i_table *t, const eco_i_table_row *row, eco_error *err);

#endif
