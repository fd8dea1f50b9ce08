/*
 * import/maps/kumu_json.c - a whole Kumu project exported as JSON: {"elements": [...],
 * "connections": [...], "attributes"?: [...], "maps"?: [...]}.
 *
 * Kumu writes an element as {"_id": "elem-...", "attributes": {"label": ..., "element
 * type": ..., "description": ..., "tags": [...], ...}}; older exports and hand-made files put
 * "id", "label" and the fields beside "attributes", or leave "attributes" out.  A
 * connection is {"_id", "from", "to", "direction"?, "reversed"?, "delayed"?, "attributes":
 * {"connection type": ...}}, whose from and to are element ids (or, in hand-made files,
 * labels); a reversed one is drawn from "to" to "from".  Each element and connection is
 * turned into the node or edge node-link JSON would hold, and read as one
 * (import/maps/json_graph.c): the project's file is the record every element is seen in,
 * and each connection's evidence is the file, with its other fields as text.
 */
#include <jansson.h>
#include <string.h>
#include <strings.h>

#include "maps.h"

/* The fields of an element or connection: its "attributes", then what lies beside them
 * (Kumu's own "_id", "from", "to", "direction" among them), the first found winning. */
static json_t *flatten(json_t *item)
{
    json_t *out = json_object(), *attributes = json_object_get(item, "attributes"), *v;
    const char *key;

    if (!out)
        return NULL;
    if (json_is_object(attributes))
        json_object_foreach(attributes, key, v) if (json_object_set(out, key, v) < 0) goto fail;
    json_object_foreach(item, key, v) if (strcmp(key, "attributes") != 0 &&
                                          !json_object_get(out, key) &&
                                          json_object_set(out, key, v) < 0) goto fail;
    return out;
fail:
    json_decref(out);
    return NULL;
}

/* Moves the value under from to key to (when to is free), dropping from. */
static int rename_key(json_t *object, const char *from, const char *to)
{
    json_t *v = json_object_get(object, from);
    if (!v || strcmp(from, to) == 0)
        return 0;
    if (!json_object_get(object, to) && json_object_set(object, to, v) < 0)
        return -1;
    return json_object_del(object, from);
}

static int element_node(json_t *node)
{
    if (rename_key(node, "_id", "id") < 0 || rename_key(node, "label", "name") < 0 ||
        rename_key(node, "element type", "type") < 0)
        return -1;
    /* An element with no id is named by its label, as connections then name it. */
    if (!json_object_get(node, "id") && json_object_get(node, "name") &&
        json_object_set(node, "id", json_object_get(node, "name")) < 0)
        return -1;
    return 0;
}

static int connection_edge(json_t *edge)
{
    const char *direction = json_string_value(json_object_get(edge, "direction"));

    if (rename_key(edge, "from", "source") < 0 || rename_key(edge, "to", "target") < 0 ||
        rename_key(edge, "connection type", "type") < 0 ||
        rename_key(edge, "strength", "weight") < 0)
        return -1;
    /* A reversed connection is drawn from "to" to "from".  Without both ends there is
     * nothing to turn round, and the reader says which is missing. */
    json_t *source = json_object_get(edge, "source"), *target = json_object_get(edge, "target");
    if (json_is_true(json_object_get(edge, "reversed")) && source && target) {
        json_incref(source);
        int failed = json_object_set(edge, "source", target) < 0;
        /* json_object_set_new takes the reference to source even when it fails. */
        failed |= json_object_set_new(edge, "target", source) < 0;
        if (failed)
            return -1;
    }
    /* Kumu's ids of connections and its drawing flags say nothing about the tie: absent is
     * fine. */
    (void)json_object_del(edge, "_id");
    (void)json_object_del(edge, "id");
    (void)json_object_del(edge, "reversed");
    (void)json_object_del(edge, "delayed");
    if (direction) {
        int directed = strcasecmp(direction, "directed") == 0;
        if (json_object_set_new(edge, "directed", json_boolean(directed)) < 0)
            return -1;
        (void)json_object_del(edge, "direction");
    }
    return 0;
}

static int read_items(eco_i_mapper *m, json_t *root, const char *key, eco_error *err)
{
    json_t *item, *flat;
    eco_i_json_step path[2] = {{key, 0}, {NULL, 0}};
    size_t i;
    int rc = 0, edges = strcmp(key, "connections") == 0;

    json_array_foreach(json_object_get(root, key), i, item)
    {
        path[1].index = i;
        if (!json_is_object(item))
            return eco_i_json_graph_node(m, item, NULL, path, 2, err); /* says what is wrong */
        if (!(flat = flatten(item)) || (edges ? connection_edge(flat) : element_node(flat)) < 0) {
            json_decref(flat);
            return eco_error_set(err, ECO_ENOMEM, m->in->source, 0, 0, "out of memory");
        }
        rc = edges ? eco_i_json_graph_edge(m, flat, 0, path, 2, err)
                   : eco_i_json_graph_node(m, flat, NULL, path, 2, err);
        json_decref(flat);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int eco_i_read_kumu_json(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    json_t *root = eco_i_json_load(in, 0, err);
    eco_i_mapper m = {0};
    int rc;

    if (!root)
        return eco_i_watch_failed() ? ECO_ENOMEM : ECO_EDATA;
    if (!json_is_array(json_object_get(root, "elements"))) {
        rc = eco_error_set(err, ECO_EDATA, in->source, 1, 1,
                           "a Kumu project needs an \"elements\" array");
        goto cleanup;
    }
    if ((rc = eco_i_mapper_open(&m, in, "kumu-json", err)) < 0 ||
        (rc = read_items(&m, root, "elements", err)) < 0 ||
        (rc = read_items(&m, root, "connections", err)) < 0)
        goto cleanup;
    rc = eco_i_mapper_finish(&m, g, err);
cleanup:
    eco_i_mapper_close(&m);
    json_decref(root);
    return rc;
}
