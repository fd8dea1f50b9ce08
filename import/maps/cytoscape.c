/*
 * import/maps/cytoscape.c - Cytoscape.js JSON in its three layouts: {"elements": {"nodes":
 * [...], "edges": [...]}} (cy.json(), Cytoscape's .cyjs, ecomap's export), {"elements":
 * [...]} and a bare array of elements, where each element says its "group" or is an edge by
 * having a source and a target.  Each element's "data" is read as a node-link node or edge
 * is (import/maps/json_graph.c); "value", NetworkX's copy of the id, is dropped.
 */
#include <jansson.h>
#include <string.h>

#include "maps.h"

static const char *const skipped_node_keys[] = {"value", NULL};

/* 1 when element is an edge: group "edges", or data with a source and a target. */
static int is_edge(json_t *element)
{
    const char *group = json_string_value(json_object_get(element, "group"));
    json_t *data = json_object_get(element, "data");
    if (group)
        return strcmp(group, "edges") == 0;
    return json_object_get(data, "source") && json_object_get(data, "target");
}

/* Reads the elements of list, nodes first (pass 0) then edges (pass 1), since an edge may
 * come before the nodes it joins. */
static int read_list(eco_i_mapper *m, json_t *list, int pass, int only, int directed,
                     eco_i_json_step *path, size_t depth, eco_error *err)
{
    json_t *element;
    size_t i;
    int rc;

    json_array_foreach(list, i, element)
    {
        int edge = only >= 0 ? only : is_edge(element);
        if (edge != pass)
            continue;
        path[depth] = (eco_i_json_step){NULL, i};
        path[depth + 1] = (eco_i_json_step){"data", 0};
        json_t *data = json_object_get(element, "data");
        if (!json_is_object(data))
            return eco_i_json_graph_node(m, data, NULL, path, depth + 1, err);
        rc = edge ? eco_i_json_graph_edge(m, data, directed, path, depth + 2, err)
                  : eco_i_json_graph_node(m, data, skipped_node_keys, path, depth + 2, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int eco_i_read_cytoscape(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    json_t *root = eco_i_json_load(in, 0, err), *elements;
    eco_i_mapper m = {0};
    eco_i_json_step path[4];
    int rc, directed;

    if (!root)
        return eco_i_watch_failed() ? ECO_ENOMEM : ECO_EDATA;
    elements = json_is_array(root) ? root : json_object_get(root, "elements");
    if (!json_is_array(elements) && !json_is_object(elements)) {
        rc = eco_error_set(err, ECO_EDATA, in->source, 1, 1,
                           "Cytoscape.js JSON needs \"elements\", or an array of elements");
        goto cleanup;
    }
    if ((rc = eco_i_mapper_open(&m, in, "cytoscape", err)) < 0)
        goto cleanup;
    directed = json_is_true(json_object_get(root, "directed"));
    if (json_is_array(elements)) {
        size_t depth = elements == root ? 0 : 1;
        path[0] = (eco_i_json_step){"elements", 0};
        for (int pass = 0; pass < 2 && rc == 0; pass++)
            rc = read_list(&m, elements, pass, -1, directed, path, depth, err);
    } else {
        static const char *const groups[] = {"nodes", "edges"};
        path[0] = (eco_i_json_step){"elements", 0};
        for (int pass = 0; pass < 2 && rc == 0; pass++) {
            path[1] = (eco_i_json_step){groups[pass], 0};
            rc = read_list(&m, json_object_get(elements, groups[pass]), pass, pass, directed, path,
                           2, err);
        }
    }
    if (rc == 0)
        rc = eco_i_mapper_finish(&m, g, err);
cleanup:
    eco_i_mapper_close(&m);
    json_decref(root);
    return rc;
}
