/*
 * export/kumu.c - CSV in Kumu's spreadsheet convention (docs.kumu.io, "Structure your data
 * for Kumu"): an elements table whose first columns are ID and Label, a connections table
 * whose first columns are From and To, and '|' between the values of one cell.
 *
 * Kumu reads a CSV file as one sheet, so the tables are separate files; a third, records,
 * holds what Kumu has no place for but ecomap needs to read the map back whole.  Lists that
 * ecomap must split again (aliases, records, evidence) put a '\' before a '|' or '\' inside
 * an item.  docs/FORMAT.md, "Other formats", gives the exact layout the importer reads.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export_internal.h"
#include "vocabulary.h"

/* ---- Elements --------------------------------------------------------------------------- */

static const char *const element_columns[] = {"ID",      "Label",        "Type",
                                              "Description", "Tags",     "Country",
                                              "Country Code", "Aliases", "Records"};
#define ELEMENT_COLUMNS (sizeof(element_columns) / sizeof(element_columns[0]))

/* A free attribute's column: "description" and "tags" fill Kumu's columns of those names;
 * any other key is the header of its own, or "attribute:KEY" when the key would be taken
 * for one of the fixed columns (Kumu ignores case in column names). */
static int column_name(eco_i_buf *buf, const char *key)
{
    if (strcmp(key, "description") == 0 || strcmp(key, "tags") == 0)
        return 1;
    for (size_t i = 0; i < ELEMENT_COLUMNS; i++)
        if (strcasecmp(key, element_columns[i]) == 0 && eco_i_buf_puts(buf, "attribute:") < 0)
            return ECO_ENOMEM;
    return eco_i_buf_puts(buf, key);
}

static int element_row(FILE *fp, const eco_graph *g, size_t actor, eco_i_columns *c)
{
    const eco_actor *a = eco_graph_actor(g, actor);
    eco_i_buf aliases = {0}, records = {0};
    int rc = 0;

    if (eco_i_join(&aliases, a->aliases, a->alias_count, 1) < 0 ||
        eco_i_join(&records, a->records, a->record_count, 1) < 0) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    c->row[0] = a->id;
    c->row[1] = a->name;
    c->row[2] = eco_actor_type_name(a->type);
    c->row[3] = eco_graph_attribute(g, actor, "description");
    c->row[4] = eco_graph_attribute(g, actor, "tags");
    c->row[5] = a->country;
    c->row[6] = eco_i_country_code(a->country);
    c->row[7] = aliases.data;
    c->row[8] = records.data;
    eco_i_columns_fill(c, g, actor);
    if (eco_i_csv_write_row(fp, c->row, ELEMENT_COLUMNS + c->count) < 0)
        rc = ECO_EIO;
cleanup:
    eco_i_buf_free(&aliases);
    eco_i_buf_free(&records);
    return rc;
}

static int write_elements(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                          const char *destination, eco_error *err)
{
    (void)opt;
    return eco_i_write_actor_table(g, fp, destination, element_columns, ELEMENT_COLUMNS,
                                   column_name, element_row, err);
}

/* ---- Connections ------------------------------------------------------------------------ */

static const char *const connection_columns[] = {"From",
                                                 "To",
                                                 "Type",
                                                 "Direction",
                                                 "Weight",
                                                 "Evidence",
                                                 "Evidence records",
                                                 "Evidence sources",
                                                 "Evidence lines"};
#define CONNECTION_COLUMNS (sizeof(connection_columns) / sizeof(connection_columns[0]))

/* The evidence as four lists, one item per piece of evidence in each, so that the i-th
 * items belong together.  A line is always written ("0" when unknown): the item count of
 * that column tells no evidence from one piece with nothing known. */
static int evidence_lists(eco_i_buf lists[4], const eco_tie *t)
{
    for (size_t i = 0; i < t->evidence_count; i++) {
        const eco_evidence *ev = &t->evidence[i];
        const char *fields[3] = {ev->text, ev->record, ev->source};
        char line[32];

        snprintf(line, sizeof(line), "%d", ev->line);
        for (size_t k = 0; k < 4; k++) {
            const char *item = k < 3 ? fields[k] : line;
            if ((i && eco_i_buf_append(&lists[k], "|", 1) < 0) ||
                eco_i_join(&lists[k], &item, item ? 1 : 0, 1) < 0)
                return ECO_ENOMEM;
        }
    }
    for (size_t k = 0; k < 4; k++)
        if (eco_i_buf_append(&lists[k], "", 0) < 0)
            return ECO_ENOMEM;
    return 0;
}

static int connection_row(FILE *fp, const eco_graph *g, const eco_tie *t)
{
    eco_i_buf lists[4] = {{0}};
    const char *row[CONNECTION_COLUMNS];
    char weight[64];
    int rc = 0;

    if (evidence_lists(lists, t) < 0) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    eco_i_format_number(weight, sizeof(weight), t->weight);
    row[0] = eco_graph_actor(g, t->source)->id;
    row[1] = eco_graph_actor(g, t->target)->id;
    row[2] = eco_tie_kind_name(t->kind);
    row[3] = t->directed ? "directed" : "undirected";
    row[4] = weight;
    for (size_t k = 0; k < 4; k++)
        row[5 + k] = lists[k].data;
    if (eco_i_csv_write_row(fp, row, CONNECTION_COLUMNS) < 0)
        rc = ECO_EIO;
cleanup:
    for (size_t k = 0; k < 4; k++)
        eco_i_buf_free(&lists[k]);
    return rc;
}

static int write_connections(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                             const char *destination, eco_error *err)
{
    size_t *order = NULL;
    int rc;

    (void)opt;
    if ((rc = eco_i_sorted_ties(g, &order)) < 0)
        goto cleanup;
    if (eco_i_csv_write_row(fp, connection_columns, CONNECTION_COLUMNS) < 0)
        rc = ECO_EIO;
    for (size_t i = 0; rc == 0 && i < eco_graph_tie_count(g); i++)
        rc = connection_row(fp, g, eco_graph_tie(g, order[i]));
cleanup:
    free(order);
    if (rc < 0)
        return eco_error_set(err, rc, destination, 0, 0,
                             rc == ECO_ENOMEM ? "out of memory" : "cannot write");
    return 0;
}

/* ---- Records ---------------------------------------------------------------------------- */

static const char *const record_columns[] = {"Record",  "Path",         "Format", "Title",
                                             "Country", "Country Code", "Year",   "Tags"};
#define RECORD_COLUMNS (sizeof(record_columns) / sizeof(record_columns[0]))

/* A record's topics go in Kumu's own Tags column, where Kumu looks for what an item is
 * about, '|' between them; escaped as ecomap's other lists are, so that a topic holding a
 * '|' (a JSON array's item may) reads back whole. */
static int record_row(FILE *fp, const eco_record *r)
{
    eco_i_buf tags = {0};
    char year[32] = "";
    int rc = 0;

    if (r->year)
        snprintf(year, sizeof(year), "%d", r->year);
    if (eco_i_join(&tags, r->topics, r->topic_count, 1) < 0)
        return ECO_ENOMEM;
    const char *row[RECORD_COLUMNS] = {r->id,      r->path,
                                       r->format,  r->title,
                                       r->country, eco_i_country_code(r->country),
                                       year,       tags.data};
    if (eco_i_csv_write_row(fp, row, RECORD_COLUMNS) < 0)
        rc = ECO_EIO;
    eco_i_buf_free(&tags);
    return rc;
}

static int write_records(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                         const char *destination, eco_error *err)
{
    int rc = eco_i_csv_write_row(fp, record_columns, RECORD_COLUMNS) < 0 ? ECO_EIO : 0;

    (void)opt;
    /* Records keep the order they were added in, as the native map does. */
    for (size_t i = 0; rc == 0 && i < eco_graph_record_count(g); i++)
        rc = record_row(fp, eco_graph_record(g, i));
    if (rc < 0)
        return eco_error_set(err, rc, destination, 0, 0,
                             rc == ECO_ENOMEM ? "out of memory" : "cannot write");
    return 0;
}

const eco_i_table eco_i_kumu_tables[] = {
    {".elements.csv", write_elements},
    {".connections.csv", write_connections},
    {".records.csv", write_records},
    {NULL, NULL},
};
