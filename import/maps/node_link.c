/*
 * import/maps/node_link.c - NetworkX node-link JSON ({"nodes": [...], "edges" or "links":
 * [...]}): each node and edge read as import/maps/json_graph.c reads them.
 */
#include <jansson.h>

#include "maps.h"

int eco_i_read_node_link(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    json_t *root = eco_i_json_load(in, 0, err), *list, *item;
    const char *edges_key;
    eco_i_mapper m = {0};
    eco_i_json_step path[2];
    size_t i;
    int rc, directed;

    if (!root)
        return eco_i_watch_failed() ? ECO_ENOMEM : ECO_EDATA;
    edges_key = json_object_get(root, "edges") ? "edges" : "links";
    if (!json_is_array(json_object_get(root, "nodes"))) {
        rc = eco_error_set(err, ECO_EDATA, in->source, 1, 1,
                           "node-link JSON needs a \"nodes\" array");
        goto cleanup;
    }
    if ((rc = eco_i_mapper_open(&m, in, "node-link", err)) < 0)
        goto cleanup;
    directed = json_is_true(json_object_get(root, "directed"));
    path[0] = (eco_i_json_step){"nodes", 0};
    json_array_foreach(json_object_get(root, "nodes"), i, item)
    {
        path[1] = (eco_i_json_step){NULL, i};
        if ((rc = eco_i_json_graph_node(&m, item, NULL, path, 2, err)) < 0)
            goto cleanup;
    }
    list = json_object_get(root, edges_key);
    path[0] = (eco_i_json_step){edges_key, 0};
    json_array_foreach(list, i, item)
    {
        path[1] = (eco_i_json_step){NULL, i};
        if ((rc = eco_i_json_graph_edge(&m, item, directed, path, 2, err)) < 0)
            goto cleanup;
    }
    rc = eco_i_mapper_finish(&m, g, err);
cleanup:
    eco_i_mapper_close(&m);
    json_decref(root);
    return rc;
}
