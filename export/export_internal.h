/*
 * export/export_internal.h - what the writers of export/ share: files that appear whole or
 * not at all, and the deterministic order of actors and ties.
 */
#ifndef ECOMAP_EXPORT_INTERNAL_H
#define ECOMAP_EXPORT_INTERNAL_H

#include <stdio.h>

#include "ecomap/export.h"

/* An output file being written: a temporary file beside the destination until commit. */
typedef struct eco_i_output {
    FILE *fp;          /* where to write */
    char *path;        /* the destination, or NULL for standard output */
    char *temp_path;   /* the temporary file, or NULL for standard output */
    const char *name;  /* the destination as shown in messages */
    int live;          /* its slot plus one among the files a signal removes, or 0 */
} eco_i_output;

/* Opens a temporary file in path's folder, or standard output when path is "-". */
int eco_i_output_open(eco_i_output *out, const char *path, eco_error *err);

/* Flushes, syncs and renames the temporary file over the destination; on any failure the
 * temporary file is removed and the destination left as it was. */
int eco_i_output_commit(eco_i_output *out, eco_error *err);

/* Removes the temporary file.  NULL-safe and safe after commit. */
void eco_i_output_abort(eco_i_output *out);

/* Commits n outputs as one: all are flushed and synced before the first is renamed, so a
 * failure to write any of them leaves every destination as it was.  On failure all
 * temporary files are removed. */
int eco_i_output_commit_all(eco_i_output *outs, size_t n, eco_error *err);

/* Actor indices sorted by id, tie indices sorted by their ends' ids, kind and direction,
 * record indices by id: the order every writer uses, so that output does not depend on
 * the order the inputs came in.  The arrays belong to the caller (free()). */
int eco_i_sorted_actors(const eco_graph *g, size_t **out);
int eco_i_sorted_ties(const eco_graph *g, size_t **out);
int eco_i_sorted_records(const eco_graph *g, size_t **out); /* by id */

/* ---- Shared by the writers (export/text.c) ---------------------------------------------- */

/* A growable, NUL-terminated string; {0} is an empty one. */
typedef struct eco_i_buf {
    char *data; /* NULL until something is appended */
    size_t len; /* bytes, NUL aside */
    size_t cap; /* bytes allocated */
} eco_i_buf;

int eco_i_buf_append(eco_i_buf *buf, const char *s, size_t len); /* 0 or ECO_ENOMEM */
int eco_i_buf_puts(eco_i_buf *buf, const char *s);                /* s may be NULL */
void eco_i_buf_free(eco_i_buf *buf);

/* Writes v as the shortest decimal text that reads back as the same double ("2", "0.25"). */
void eco_i_format_number(char *buf, size_t n, double v);

/* Writes s to fp as XML character data, or as an attribute value when attribute is set:
 * markup characters escaped, line breaks in attributes kept as character references, and
 * what XML 1.0 cannot hold (control characters, bytes that are not UTF-8) replaced by
 * U+FFFD.  0, or -1 when writing failed. */
int eco_i_xml_text(FILE *fp, const char *s, int attribute);

/* Writes s as one RFC 4180 cell: quoted, with quotes doubled, when it holds a comma, a
 * quote or a line break; a cell a spreadsheet would take for a formula
 * (eco_i_csv_formula) has a single quote put before it.  NULL is an empty cell.  0 or -1. */
int eco_i_csv_write_cell(FILE *fp, const char *s);

/* Writes n cells as one row ending in CRLF, as RFC 4180 has it.  0 or -1. */
int eco_i_csv_write_row(FILE *fp, const char *const *cells, size_t n);

/* Joins items with '|' into buf.  With escape, a '\' or '|' inside an item is written with a
 * '\' before it, so that the list can be split again exactly.  0 or ECO_ENOMEM. */
int eco_i_join(eco_i_buf *buf, const char *const *items, size_t n, int escape);

/* The evidence of t as items "RECORD:LINE: TEXT" (the parts not known left out; the source
 * path when there is no record) joined as eco_i_join does: how formats without lists of
 * objects carry it; evidence with nothing known is left out.  buf starts empty.  0 or
 * ECO_ENOMEM. */
int eco_i_evidence_text(eco_i_buf *buf, const eco_tie *t, int escape);

/* Every attribute key of any actor, distinct and sorted bytewise; the caller frees the
 * array (not the strings, which belong to g).  0 or ECO_ENOMEM. */
int eco_i_attribute_keys(const eco_graph *g, const char ***out, size_t *count);

/* The cells of a CSV table of actors: fixed columns, then one per free attribute key. */
typedef struct eco_i_columns {
    const char **keys; /* the attribute keys that have a column, sorted */
    eco_i_buf *names;  /* the headers of their columns */
    size_t count;      /* entries in keys and names */
    size_t fixed;      /* the fixed columns before them */
    const char **row;  /* a row's cells: the fixed ones, then one per key */
} eco_i_columns;

/* Writes the header of key's column into buf and returns 0, or returns 1 when key gets no
 * column of its own (or ECO_ENOMEM). */
typedef int (*eco_i_column_name)(eco_i_buf *buf, const char *key);

/* Finds the columns of g's attribute keys and leaves the header in c->row: the fixed_count
 * fixed headers, then the names.  0 or ECO_ENOMEM; eco_i_columns_free either way. */
int eco_i_columns_init(eco_i_columns *c, const eco_graph *g, const char *const *fixed,
                       size_t fixed_count, eco_i_column_name name);

/* Puts actor's attribute values (NULL where it has none) after the fixed cells of c->row. */
void eco_i_columns_fill(eco_i_columns *c, const eco_graph *g, size_t actor);

void eco_i_columns_free(eco_i_columns *c);

/* Writes one actor's row; c->row holds its attribute cells after eco_i_columns_fill. */
typedef int (*eco_i_actor_row)(FILE *fp, const eco_graph *g, size_t actor, eco_i_columns *c);

/* Writes a CSV table of actors sorted by id: the header (fixed columns, then one per
 * attribute key that name gives a column), then a row per actor from row. */
int eco_i_write_actor_table(const eco_graph *g, FILE *fp, const char *destination,
                            const char *const *fixed, size_t fixed_count, eco_i_column_name name,
                            eco_i_actor_row row, eco_error *err);

/* The number of ties each actor is an end of, indexed like the actors; free() it.
 * 0 or ECO_ENOMEM. */
int eco_i_degrees(const eco_graph *g, size_t **out);

/* ---- JSON pieces (export/json.c), for the JSON writers ----------------------------------- */

struct json_t; /* jansson's, kept out of sight of the files that do not write JSON */

/* An actor as a node-link node: id, name, type, country, aliases, records, then its free
 * attributes as keys of their own.  NULL when memory runs out. */
struct json_t *eco_i_json_node(const eco_actor *a);

/* A tie as a node-link edge: id (when not NULL), source, target, key (the kind, when
 * keyed), kind, directed, weight, evidence.  NULL when memory runs out. */
struct json_t *eco_i_json_edge(const eco_graph *g, const eco_tie *t, const char *id, int keyed);

/* Dumps root (which may be NULL after a failed build) to fp with a final new line, and
 * frees it. */
int eco_i_json_dump(struct json_t *root, FILE *fp, const char *destination, eco_error *err);

/* ---- Writers ---------------------------------------------------------------------------- */

typedef int (*eco_i_writer)(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                            const char *destination, eco_error *err);

/* One file of a format that needs several (Kumu's and Neo4j's CSV): written to the output
 * path with its ".csv" cut off and suffix appended.  Lists end with {NULL, NULL}. */
typedef struct eco_i_table {
    const char *suffix;  /* ".elements.csv" */
    eco_i_writer write;  /* writes this table */
} eco_i_table;

extern const eco_i_table eco_i_kumu_tables[];
extern const eco_i_table eco_i_neo4j_tables[];

/* The writers, each writing g to fp. */
int eco_i_write_native(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                       const char *destination, eco_error *err);
int eco_i_write_node_link(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                          const char *destination, eco_error *err);
int eco_i_write_cytoscape(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                          const char *destination, eco_error *err);
int eco_i_write_graphml(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                        const char *destination, eco_error *err);
int eco_i_write_gexf(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                     const char *destination, eco_error *err);

#endif
