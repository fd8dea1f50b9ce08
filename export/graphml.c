/*
 * export/graphml.c - GraphML (http://graphml.graphdrawing.org/), as NetworkX's read_graphml,
 * igraph's Graph.Read_GraphML, Gephi, yEd and Cytoscape read it.
 *
 * Every attribute is declared by a <key> with its type.  GraphML values are scalars, so
 * the lists of a map are joined with '|' (a '|' or '\' inside an item gets a '\' before
 * it), and evidence is written as "RECORD:LINE: TEXT" items.  A value that is null or an
 * empty list has no <data> at all.  The graph is undirected, as a mixed graph is not
 * something NetworkX or igraph can read; each edge says in "directed" whether it has a
 * direction, source to target.  docs/FORMAT.md lists every key.
 */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "vocabulary.h"

/* The node keys every map has; a free attribute of one of these names (or "id", which
 * igraph takes for the node's id) is written as "attribute:NAME" instead. */
static const char *const node_keys[] = {"name",    "type",    "country", "country_code",
                                        "aliases", "records", NULL};

static int reserved(const char *key)
{
    if (strcmp(key, "id") == 0)
        return 1;
    for (size_t i = 0; node_keys[i]; i++)
        if (strcmp(key, node_keys[i]) == 0)
            return 1;
    return 0;
}

/* ---- Pieces ----------------------------------------------------------------------------- */

static int write_key(FILE *fp, const char *id, const char *domain, const char *name,
                     const char *type)
{
    int failed = fprintf(fp, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s", id, domain,
                         reserved(name) && strcmp(domain, "node") == 0 ? "attribute:" : "") < 0;
    failed |= eco_i_xml_text(fp, name, 1) < 0;
    failed |= fprintf(fp, "\" attr.type=\"%s\"/>\n", type) < 0;
    return failed ? -1 : 0;
}

/* <data key="KEY">VALUE</data>, or nothing when value is NULL or empty. */
static int write_data(FILE *fp, const char *key, const char *value)
{
    int failed;

    if (!value || !*value)
        return 0;
    failed = fprintf(fp, "      <data key=\"%s\">", key) < 0;
    failed |= eco_i_xml_text(fp, value, 0) < 0;
    failed |= fputs("</data>\n", fp) == EOF;
    return failed ? -1 : 0;
}

static int write_keys(FILE *fp, const char *const *attributes, size_t attribute_count)
{
    char id[32];
    int failed = 0;

    for (size_t i = 0; node_keys[i]; i++)
        failed |= fprintf(fp,
                          "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" "
                          "attr.type=\"string\"/>\n",
                          node_keys[i], node_keys[i]) < 0;
    for (size_t i = 0; i < attribute_count; i++) {
        snprintf(id, sizeof(id), "attribute%zu", i);
        failed |= write_key(fp, id, "node", attributes[i], "string") < 0;
    }
    failed |= write_key(fp, "kind", "edge", "kind", "string") < 0;
    failed |= write_key(fp, "directed", "edge", "directed", "boolean") < 0;
    failed |= write_key(fp, "weight", "edge", "weight", "double") < 0;
    failed |= write_key(fp, "evidence", "edge", "evidence", "string") < 0;
    return failed ? -1 : 0;
}

static int write_node(FILE *fp, const eco_actor *a, const char *const *attributes)
{
    eco_i_buf aliases = {0}, records = {0};
    char id[32];
    int failed;

    if (eco_i_join(&aliases, a->aliases, a->alias_count, 1) < 0 ||
        eco_i_join(&records, a->records, a->record_count, 1) < 0) {
        eco_i_buf_free(&aliases);
        eco_i_buf_free(&records);
        return ECO_ENOMEM;
    }
    failed = fputs("    <node id=\"", fp) == EOF || eco_i_xml_text(fp, a->id, 1) < 0 ||
             fputs("\">\n", fp) == EOF || write_data(fp, "name", a->name) < 0 ||
             write_data(fp, "type", eco_actor_type_name(a->type)) < 0 ||
             write_data(fp, "country", a->country) < 0 ||
             write_data(fp, "country_code", eco_i_country_code(a->country)) < 0 ||
             write_data(fp, "aliases", aliases.data) < 0 ||
             write_data(fp, "records", records.data) < 0;
    /* Both lists are sorted by key: one pass pairs each attribute with its column. */
    for (size_t k = 0, col = 0; !failed && k < a->attribute_count; k++) {
        while (strcmp(attributes[col], a->attributes[k].key) != 0)
            col++;
        snprintf(id, sizeof(id), "attribute%zu", col);
        failed = write_data(fp, id, a->attributes[k].value) < 0;
    }
    failed = failed || fputs("    </node>\n", fp) == EOF;
    eco_i_buf_free(&aliases);
    eco_i_buf_free(&records);
    return failed ? ECO_EIO : 0;
}

static int write_edge(FILE *fp, const eco_graph *g, const eco_tie *t, size_t n)
{
    eco_i_buf evidence = {0};
    char weight[64];
    int failed;

    if (eco_i_evidence_text(&evidence, t, 1) < 0) {
        eco_i_buf_free(&evidence); /* what it held before memory ran out */
        return ECO_ENOMEM;
    }
    eco_i_format_number(weight, sizeof(weight), t->weight);
    failed = fprintf(fp, "    <edge id=\"e%zu\" source=\"", n) < 0 ||
             eco_i_xml_text(fp, eco_graph_actor(g, t->source)->id, 1) < 0 ||
             fputs("\" target=\"", fp) == EOF ||
             eco_i_xml_text(fp, eco_graph_actor(g, t->target)->id, 1) < 0 ||
             fputs("\">\n", fp) == EOF || write_data(fp, "kind", eco_tie_kind_name(t->kind)) < 0 ||
             write_data(fp, "directed", t->directed ? "true" : "false") < 0 ||
             write_data(fp, "weight", weight) < 0 ||
             write_data(fp, "evidence", evidence.data) < 0 || fputs("    </edge>\n", fp) == EOF;
    eco_i_buf_free(&evidence);
    return failed ? ECO_EIO : 0;
}

/* ---- The document ----------------------------------------------------------------------- */

int eco_i_write_graphml(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                        const char *destination, eco_error *err)
{
    size_t *actors = NULL, *ties = NULL, key_count = 0;
    const char **keys = NULL;
    int rc;

    (void)opt;
    if ((rc = eco_i_sorted_actors(g, &actors)) < 0 || (rc = eco_i_sorted_ties(g, &ties)) < 0 ||
        (rc = eco_i_attribute_keys(g, &keys, &key_count)) < 0)
        goto cleanup;
    rc = fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
               "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
               "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
               fp) == EOF
             ? ECO_EIO
             : 0;
    if (rc == 0 && write_keys(fp, keys, key_count) < 0)
        rc = ECO_EIO;
    if (rc == 0 && fputs("  <graph id=\"ecomap\" edgedefault=\"undirected\">\n", fp) == EOF)
        rc = ECO_EIO;
    for (size_t i = 0; rc == 0 && i < eco_graph_actor_count(g); i++)
        rc = write_node(fp, eco_graph_actor(g, actors[i]), keys);
    for (size_t i = 0; rc == 0 && i < eco_graph_tie_count(g); i++)
        rc = write_edge(fp, g, eco_graph_tie(g, ties[i]), i);
    if (rc == 0 && fputs("  </graph>\n</graphml>\n", fp) == EOF)
        rc = ECO_EIO;
cleanup:
    free(actors);
    free(ties);
    free(keys);
    if (rc == ECO_ENOMEM)
        return eco_error_set(err, rc, destination, 0, 0, "out of memory building the map");
    if (rc < 0)
        return eco_error_set(err, ECO_EIO, destination, 0, 0, "cannot write the map");
    return 0;
}
