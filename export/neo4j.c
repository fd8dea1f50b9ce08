/*
 * export/neo4j.c - CSV for Neo4j's bulk import (neo4j-admin database import full): a nodes
 * file and a relationships file whose headers carry Neo4j's column roles and types
 * (id:ID, :LABEL, :START_ID, :END_ID, :TYPE, weight:double, evidence:string[]).
 *
 * Arrays and labels are separated by '|', not Neo4j's default ';', because evidence
 * sentences hold semicolons; the import then needs --array-delimiter="|", and
 * --multiline-fields=true for passages that span lines.  docs/FORMAT.md gives the command.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export_internal.h"
#include "vocabulary.h"

/* ---- Nodes ------------------------------------------------------------------------------ */

static const char *const node_columns[] = {
    "id:ID",   "name", ":LABEL", "type", "country", "country_code", "aliases:string[]",
    "records:string[]"};
#define NODE_COLUMNS (sizeof(node_columns) / sizeof(node_columns[0]))

/* Node labels: every actor is an Actor, and also its type in Neo4j's CamelCase. */
static const char *const labels[ECO_ACTOR_TYPE_COUNT] = {
    "Actor",          "Actor|Government",   "Actor|Lab",
    "Actor|Academia", "Actor|CivilSociety", "Actor|International",
    "Actor|Private",  "Actor|Network"};

/* A free attribute's column: its key with ':' (which would start a type) made '_', and
 * "attribute_" before it when it would be taken for a fixed column. */
static int column_name(eco_i_buf *buf, const char *key)
{
    static const char *const taken[] = {"id",           "name",    "type",   "country",
                                        "country_code", "aliases", "records"};
    size_t start;

    for (size_t i = 0; i < sizeof(taken) / sizeof(taken[0]); i++)
        if (strcasecmp(key, taken[i]) == 0 && eco_i_buf_puts(buf, "attribute_") < 0)
            return ECO_ENOMEM;
    start = buf->len;
    if (eco_i_buf_puts(buf, key) < 0)
        return ECO_ENOMEM;
    for (size_t i = start; i < buf->len; i++)
        if (buf->data[i] == ':')
            buf->data[i] = '_';
    return 0;
}

static int node_row(FILE *fp, const eco_graph *g, size_t actor, eco_i_columns *t)
{
    const eco_actor *a = eco_graph_actor(g, actor);
    eco_i_buf aliases = {0}, records = {0};
    int rc = 0;

    /* Neo4j has no escape for the array delimiter: items are written as they are. */
    if (eco_i_join(&aliases, a->aliases, a->alias_count, 0) < 0 ||
        eco_i_join(&records, a->records, a->record_count, 0) < 0) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    t->row[0] = a->id;
    t->row[1] = a->name;
    t->row[2] = labels[a->type < ECO_ACTOR_TYPE_COUNT ? a->type : 0];
    t->row[3] = eco_actor_type_name(a->type);
    t->row[4] = a->country;
    t->row[5] = eco_i_country_code(a->country);
    t->row[6] = aliases.data;
    t->row[7] = records.data;
    eco_i_columns_fill(t, g, actor);
    if (eco_i_csv_write_row(fp, t->row, NODE_COLUMNS + t->count) < 0)
        rc = ECO_EIO;
cleanup:
    eco_i_buf_free(&aliases);
    eco_i_buf_free(&records);
    return rc;
}

static int write_nodes(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                       const char *destination, eco_error *err)
{
    (void)opt;
    return eco_i_write_actor_table(g, fp, destination, node_columns, NODE_COLUMNS, column_name,
                                   node_row, err);
}

/* ---- Relationships ---------------------------------------------------------------------- */

static int relationship_row(FILE *fp, const eco_graph *g, const eco_tie *t)
{
    const char *kind = eco_tie_kind_name(t->kind);
    eco_i_buf evidence = {0};
    char type[32], weight[64];
    int rc = 0;

    /* Relationship types are written in upper case in Neo4j: PARTNERSHIP, FUNDING... */
    for (size_t i = 0; i + 1 < sizeof(type); i++)
        if (!(type[i] = (char)toupper((unsigned char)kind[i])))
            break;
    type[sizeof(type) - 1] = '\0';
    eco_i_format_number(weight, sizeof(weight), t->weight);
    if (eco_i_evidence_text(&evidence, t, 0) < 0) {
        rc = ECO_ENOMEM;
    } else {
        const char *row[] = {eco_graph_actor(g, t->source)->id,
                             eco_graph_actor(g, t->target)->id,
                             type,
                             kind,
                             t->directed ? "true" : "false",
                             weight,
                             evidence.data};
        if (eco_i_csv_write_row(fp, row, sizeof(row) / sizeof(row[0])) < 0)
            rc = ECO_EIO;
    }
    eco_i_buf_free(&evidence);
    return rc;
}

static int write_relationships(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                               const char *destination, eco_error *err)
{
    static const char *const header[] = {
        ":START_ID",     ":END_ID",          ":TYPE", "kind", "directed:boolean",
        "weight:double", "evidence:string[]"};
    size_t *order = NULL;
    int rc;

    (void)opt;
    if ((rc = eco_i_sorted_ties(g, &order)) < 0)
        goto cleanup;
    if (eco_i_csv_write_row(fp, header, sizeof(header) / sizeof(header[0])) < 0)
        rc = ECO_EIO;
    for (size_t i = 0; rc == 0 && i < eco_graph_tie_count(g); i++)
        rc = relationship_row(fp, g, eco_graph_tie(g, order[i]));
cleanup:
    free(order);
    if (rc < 0)
        return eco_error_set(err, rc, destination, 0, 0,
                             rc == ECO_ENOMEM ? "out of memory" : "cannot write");
    return 0;
}

const eco_i_table eco_i_neo4j_tables[] = {
    {".nodes.csv", write_nodes},
    {".relationships.csv", write_relationships},
    {NULL, NULL},
};
