/*
 * export/cytoscape.c - Cytoscape.js JSON: {"elements": {"nodes": [{"data": {...}}],
 * "edges": [{"data": {...}}]}}, which cy.json() and Cytoscape's "cyjs" import read.
 *
 * Each data object holds what the node-link writer puts in a node or edge.  Two additions
 * serve readers: nodes carry "value" (their id), which NetworkX's cytoscape_graph uses as
 * the node key, and edges carry an "id" of their own, which Cytoscape.js requires to be
 * unique among nodes and edges alike.
 */
#include <jansson.h>
#include <stdlib.h>

#include "export_internal.h"
#include "internal.h"

/* "ama->labx:hosting" or "labx--ministry-of-education:partnership": unique, as a map holds
 * one tie per ends, kind and direction, and never an actor id, as slugs hold no ':'. */
static int edge_id(eco_i_buf *buf, const eco_graph *g, const eco_tie *t)
{
    if (eco_i_buf_puts(buf, eco_graph_actor(g, t->source)->id) < 0 ||
        eco_i_buf_puts(buf, t->directed ? "->" : "--") < 0 ||
        eco_i_buf_puts(buf, eco_graph_actor(g, t->target)->id) < 0 ||
        eco_i_buf_puts(buf, ":") < 0 || eco_i_buf_puts(buf, eco_tie_kind_name(t->kind)) < 0)
        return ECO_ENOMEM;
    return 0;
}

/* {"data": data}, taking data; NULL when either is NULL. */
static json_t *wrap(json_t *data)
{
    json_t *element = data ? json_object() : NULL;
    if (!element) {
        json_decref(data);
        return NULL;
    }
    if (json_object_set_new(element, "data", data) < 0) { /* which takes data even then */
        json_decref(element);
        return NULL;
    }
    return element;
}

static json_t *nodes(const eco_graph *g, const size_t *order)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < eco_graph_actor_count(g); i++) {
        const eco_actor *a = eco_graph_actor(g, order[i]);
        json_t *data = eco_i_json_node(a);
        if (data && json_object_set_new(data, "value", json_string(a->id)) < 0) {
            json_decref(data);
            data = NULL;
        }
        if (json_array_append_new(array, wrap(data)) < 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

static json_t *edges(const eco_graph *g, const size_t *order, int keyed)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, order[i]);
        eco_i_buf id = {0};
        json_t *data = edge_id(&id, g, t) < 0 ? NULL : eco_i_json_edge(g, t, id.data, keyed);
        eco_i_buf_free(&id);
        if (json_array_append_new(array, wrap(data)) < 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

int eco_i_write_cytoscape(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                          const char *destination, eco_error *err)
{
    size_t *actors = NULL, *ties = NULL, pairs = 0;
    json_t *root = NULL, *elements = NULL, *graph = NULL;
    int multigraph, failed;

    (void)opt;
    failed = eco_i_sorted_actors(g, &actors) < 0 || eco_i_sorted_ties(g, &ties) < 0 ||
             eco_i_count_linked_pairs(g, &pairs) < 0;
    /* As in node-link: two ties of different kinds between one pair need a multigraph, or
     * NetworkX keeps only the last. */
    multigraph = pairs < eco_graph_tie_count(g);
    if (!failed) {
        failed = !(root = json_object()) ||
                 json_object_set_new(root, "data", graph = json_object()) < 0 ||
                 json_object_set_new(graph, "generator", json_string("ecomap")) < 0 ||
                 json_object_set_new(root, "directed", json_false()) < 0 ||
                 json_object_set_new(root, "multigraph", json_boolean(multigraph)) < 0 ||
                 json_object_set_new(root, "elements", elements = json_object()) < 0 ||
                 json_object_set_new(elements, "nodes", nodes(g, actors)) < 0 ||
                 json_object_set_new(elements, "edges", edges(g, ties, multigraph)) < 0;
    }
    free(actors);
    free(ties);
    if (failed) {
        json_decref(root);
        return eco_error_set(err, ECO_ENOMEM, destination, 0, 0, "out of memory building the map");
    }
    return eco_i_json_dump(root, fp, destination, err);
}
