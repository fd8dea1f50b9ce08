/*
 * export/gexf.c - GEXF 1.3 (https://gexf.net/), Gephi's own format, with the viz module so
 * that Gephi shows actor types and who is central as soon as the file opens.
 *
 * Nodes are coloured by type from the Okabe-Ito palette, which stays distinct under the
 * common forms of colour blindness, and sized by degree, the number of ties an actor has:
 * 10 + 10 * sqrt(degree), so that a node's area, not its width, grows with its ties.
 * Attributes are declared in <attributes>; lists are joined with '|' as in GraphML.  The
 * graph's default edge type is undirected and each directed tie's edge says type="directed",
 * which Gephi reads as a mixed graph with arrows where the ties have a direction.  NetworkX
 * holds no mixed graph and refuses such a file, so each edge's "directed" attribute says it
 * too.  docs/FORMAT.md lists every attribute.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "vocabulary.h"

/* Okabe & Ito (2008), "Color Universal Design": eight colours, one per type and one for
 * an unknown type, indexed by eco_actor_type. */
static const unsigned char palette[ECO_ACTOR_TYPE_COUNT][3] = {
    {221, 221, 221}, /* unknown: light grey, as in diagrams (black read as a type of its own) */
    {0, 114, 178},   /* government: blue */
    {230, 159, 0},   /* lab: orange */
    {0, 158, 115},   /* academia: bluish green */
    {204, 121, 167}, /* civil_society: reddish purple */
    {86, 180, 233},  /* international: sky blue */
    {213, 94, 0},    /* private: vermillion */
    {240, 228, 66},  /* network: yellow */
};

/* ---- Pieces ----------------------------------------------------------------------------- */

static int write_attribute(FILE *fp, const char *id, const char *title, const char *type)
{
    int failed = fprintf(fp, "      <attribute id=\"%s\" title=\"", id) < 0;
    failed |= eco_i_xml_text(fp, title, 1) < 0;
    failed |= fprintf(fp, "\" type=\"%s\"/>\n", type) < 0;
    return failed ? -1 : 0;
}

static int write_declarations(FILE *fp, const char *const *keys, size_t key_count)
{
    char id[32];
    int failed = fputs("    <attributes class=\"node\" mode=\"static\">\n", fp) == EOF;

    failed |= write_attribute(fp, "type", "type", "string") < 0;
    failed |= write_attribute(fp, "country", "country", "string") < 0;
    failed |= write_attribute(fp, "country_code", "country_code", "string") < 0;
    failed |= write_attribute(fp, "aliases", "aliases", "string") < 0;
    failed |= write_attribute(fp, "records", "records", "string") < 0;
    failed |= write_attribute(fp, "degree", "degree", "integer") < 0;
    for (size_t i = 0; i < key_count; i++) {
        /* A free attribute is declared under its own name, which may clash with one above
         * only in its title; NetworkX keys values by title, so such a one is renamed. */
        int clash = strcmp(keys[i], "type") == 0 || strcmp(keys[i], "country") == 0 ||
                    strcmp(keys[i], "country_code") == 0 ||
                    strcmp(keys[i], "aliases") == 0 || strcmp(keys[i], "records") == 0 ||
                    strcmp(keys[i], "degree") == 0 || strcmp(keys[i], "label") == 0;
        snprintf(id, sizeof(id), "attribute%zu", i);
        failed |=
            fprintf(fp, "      <attribute id=\"%s\" title=\"%s", id, clash ? "attribute:" : "") < 0;
        failed |= eco_i_xml_text(fp, keys[i], 1) < 0;
        failed |= fputs("\" type=\"string\"/>\n", fp) == EOF;
    }
    failed |= fputs("    </attributes>\n"
                    "    <attributes class=\"edge\" mode=\"static\">\n",
                    fp) == EOF;
    failed |= write_attribute(fp, "kind", "kind", "string") < 0;
    failed |= write_attribute(fp, "directed", "directed", "boolean") < 0;
    failed |= write_attribute(fp, "evidence", "evidence", "string") < 0;
    failed |= fputs("    </attributes>\n", fp) == EOF;
    return failed ? -1 : 0;
}

/* <attvalue for="ID" value="VALUE"/>, or nothing when value is NULL or empty. */
static int write_value(FILE *fp, const char *id, const char *value)
{
    int failed;

    if (!value || !*value)
        return 0;
    failed = fprintf(fp, "          <attvalue for=\"%s\" value=\"", id) < 0;
    failed |= eco_i_xml_text(fp, value, 1) < 0;
    failed |= fputs("\"/>\n", fp) == EOF;
    return failed ? -1 : 0;
}

static int write_node(FILE *fp, const eco_actor *a, size_t degree, const char *const *keys)
{
    const unsigned char *rgb = palette[a->type < ECO_ACTOR_TYPE_COUNT ? a->type : 0];
    eco_i_buf aliases = {0}, records = {0};
    char id[32], count[32], size[64];
    int failed;

    if (eco_i_join(&aliases, a->aliases, a->alias_count, 1) < 0 ||
        eco_i_join(&records, a->records, a->record_count, 1) < 0) {
        eco_i_buf_free(&aliases);
        eco_i_buf_free(&records);
        return ECO_ENOMEM;
    }
    snprintf(count, sizeof(count), "%zu", degree);
    failed = fputs("      <node id=\"", fp) == EOF || eco_i_xml_text(fp, a->id, 1) < 0 ||
             fputs("\" label=\"", fp) == EOF || eco_i_xml_text(fp, a->name, 1) < 0 ||
             fputs("\">\n        <attvalues>\n", fp) == EOF ||
             write_value(fp, "type", eco_actor_type_name(a->type)) < 0 ||
             write_value(fp, "country", a->country) < 0 ||
             write_value(fp, "country_code", eco_i_country_code(a->country)) < 0 ||
             write_value(fp, "aliases", aliases.data) < 0 ||
             write_value(fp, "records", records.data) < 0 || write_value(fp, "degree", count) < 0;
    /* Both lists are sorted by key: one pass pairs each attribute with its declaration. */
    for (size_t k = 0, col = 0; !failed && k < a->attribute_count; k++) {
        while (strcmp(keys[col], a->attributes[k].key) != 0)
            col++;
        snprintf(id, sizeof(id), "attribute%zu", col);
        failed = write_value(fp, id, a->attributes[k].value) < 0;
    }
    /* One decimal is as fine as a size on screen gets. */
    eco_i_format_number(size, sizeof(size), round(100.0 + 100.0 * sqrt((double)degree)) / 10.0);
    failed = failed || fprintf(fp,
                               "        </attvalues>\n"
                               "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n"
                               "        <viz:size value=\"%s\"/>\n"
                               "      </node>\n",
                               rgb[0], rgb[1], rgb[2], size) < 0;
    eco_i_buf_free(&aliases);
    eco_i_buf_free(&records);
    return failed ? ECO_EIO : 0;
}

static int write_edge(FILE *fp, const eco_graph *g, const eco_tie *t, size_t n)
{
    const char *kind = eco_tie_kind_name(t->kind);
    eco_i_buf evidence = {0};
    char weight[64];
    int failed;

    if (eco_i_evidence_text(&evidence, t, 1) < 0) {
        eco_i_buf_free(&evidence); /* what it held before memory ran out */
        return ECO_ENOMEM;
    }
    eco_i_format_number(weight, sizeof(weight), t->weight);
    failed =
        fprintf(fp, "      <edge id=\"%zu\" source=\"", n) < 0 ||
        eco_i_xml_text(fp, eco_graph_actor(g, t->source)->id, 1) < 0 ||
        fputs("\" target=\"", fp) == EOF ||
        eco_i_xml_text(fp, eco_graph_actor(g, t->target)->id, 1) < 0 ||
        fprintf(fp, "\" label=\"%s\"%s weight=\"%s\">\n        <attvalues>\n", kind,
                t->directed ? " type=\"directed\"" : "", weight) < 0 ||
        write_value(fp, "kind", kind) < 0 ||
        write_value(fp, "directed", t->directed ? "true" : "false") < 0 ||
        write_value(fp, "evidence", evidence.data) < 0 ||
        fputs("        </attvalues>\n      </edge>\n", fp) == EOF;
    eco_i_buf_free(&evidence);
    return failed ? ECO_EIO : 0;
}

/* ---- The document ----------------------------------------------------------------------- */

static int write_header(FILE *fp, const char *const *keys, size_t key_count)
{
    int failed =
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
              "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
              "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
              "    version=\"1.3\">\n"
              "  <meta>\n    <creator>ecomap</creator>\n  </meta>\n"
              "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n",
              fp) == EOF;
    return failed || write_declarations(fp, keys, key_count) < 0 ? -1 : 0;
}

int eco_i_write_gexf(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                     const char *destination, eco_error *err)
{
    size_t *actors = NULL, *ties = NULL, *degrees = NULL, key_count = 0;
    const char **keys = NULL;
    int rc;

    (void)opt;
    if ((rc = eco_i_sorted_actors(g, &actors)) < 0 || (rc = eco_i_sorted_ties(g, &ties)) < 0 ||
        (rc = eco_i_degrees(g, &degrees)) < 0 ||
        (rc = eco_i_attribute_keys(g, &keys, &key_count)) < 0)
        goto cleanup;
    if (write_header(fp, keys, key_count) < 0 || fputs("    <nodes>\n", fp) == EOF)
        rc = ECO_EIO;
    for (size_t i = 0; rc == 0 && i < eco_graph_actor_count(g); i++)
        rc = write_node(fp, eco_graph_actor(g, actors[i]), degrees[actors[i]], keys);
    if (rc == 0 && fputs("    </nodes>\n    <edges>\n", fp) == EOF)
        rc = ECO_EIO;
    for (size_t i = 0; rc == 0 && i < eco_graph_tie_count(g); i++)
        rc = write_edge(fp, g, eco_graph_tie(g, ties[i]), i);
    if (rc == 0 && fputs("    </edges>\n  </graph>\n</gexf>\n", fp) == EOF)
        rc = ECO_EIO;
cleanup:
    free(actors);
    free(ties);
    free(degrees);
    free(keys);
    if (rc == ECO_ENOMEM)
        return eco_error_set(err, rc, destination, 0, 0, "out of memory building the map");
    if (rc < 0)
        return eco_error_set(err, ECO_EIO, destination, 0, 0, "cannot write the map");
    return 0;
}
