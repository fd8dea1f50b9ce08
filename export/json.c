/*
 * export/json.c - the JSON writers: ecomap's native map (docs/FORMAT.md) and NetworkX
 * node-link JSON, and the nodes and edges that cytoscape.c wraps.  Both are built as jansson
 * trees in the shared order and dumped with preserved key order, so the same graph always
 * gives the same bytes.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"

#define FORMAT_VERSION 1

/* ---- Building values -------------------------------------------------------------------- */

/* Each helper returns 0 or -1; a NULL value from a constructor counts as a failure, and
 * json_object_set_new takes ownership even when it fails. */
static int put(json_t *object, const char *key, json_t *value)
{
    return value ? json_object_set_new(object, key, value) : -1;
}

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *number(double v)
{
    /* Whole weights print as integers, as people write them. */
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *string_array(const char *const *items, size_t n)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < n; i++) {
        if (json_array_append_new(array, json_string(items[i])) < 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

static json_t *evidence_array(const eco_tie *t)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < t->evidence_count; i++) {
        const eco_evidence *ev = &t->evidence[i];
        json_t *item = json_object();
        if (!item || put(item, "record", string_or_null(ev->record)) < 0 ||
            put(item, "source", string_or_null(ev->source)) < 0 ||
            put(item, "line", ev->line ? json_integer(ev->line) : json_null()) < 0 ||
            put(item, "text", string_or_null(ev->text)) < 0 ||
            json_array_append_new(array, item) < 0) {
            json_decref(item);
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

static json_t *attribute_object(const eco_actor *a)
{
    json_t *object = json_object();
    for (size_t i = 0; object && i < a->attribute_count; i++) {
        if (put(object, a->attributes[i].key, json_string(a->attributes[i].value)) < 0) {
            json_decref(object);
            return NULL;
        }
    }
    return object;
}

/* The fields an actor has in every JSON format, in this order. */
static int put_actor_fields(json_t *item, const eco_actor *a)
{
    if (put(item, "id", json_string(a->id)) < 0 || put(item, "name", json_string(a->name)) < 0 ||
        put(item, "type", string_or_null(eco_actor_type_name(a->type))) < 0 ||
        put(item, "country", string_or_null(a->country)) < 0 ||
        put(item, "aliases", string_array(a->aliases, a->alias_count)) < 0)
        return -1;
    return 0;
}

/* The fields a tie has in every JSON format, after its ends. */
static int put_tie_fields(json_t *item, const eco_tie *t)
{
    if (put(item, "kind", json_string(eco_tie_kind_name(t->kind))) < 0 ||
        put(item, "directed", json_boolean(t->directed)) < 0 ||
        put(item, "weight", number(t->weight)) < 0 ||
        put(item, "evidence", evidence_array(t)) < 0)
        return -1;
    return 0;
}

int eco_i_json_dump(json_t *root, FILE *fp, const char *destination, eco_error *err)
{
    int failed = !root || json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 ||
                 fputc('\n', fp) == EOF;
    json_decref(root);
    if (failed)
        return eco_error_set(err, root ? ECO_EIO : ECO_ENOMEM, destination, 0, 0,
                             root ? "cannot write the map" : "out of memory building the map");
    return 0;
}

/* ---- Native map ------------------------------------------------------------------------- */

static json_t *native_records(const eco_graph *g)
{
    json_t *array = json_array();
    size_t *order = NULL;

    if (eco_i_sorted_records(g, &order) < 0) {
        json_decref(array);
        return NULL;
    }
    for (size_t i = 0; array && i < eco_graph_record_count(g); i++) {
        const eco_record *r = eco_graph_record(g, order[i]);
        json_t *item = json_object();
        if (!item || put(item, "id", json_string(r->id)) < 0 ||
            put(item, "path", string_or_null(r->path)) < 0 ||
            put(item, "format", string_or_null(r->format)) < 0 ||
            put(item, "title", string_or_null(r->title)) < 0 ||
            put(item, "country", string_or_null(r->country)) < 0 ||
            put(item, "year", r->year ? json_integer(r->year) : json_null()) < 0 ||
            json_array_append_new(array, item) < 0) {
            json_decref(item);
            json_decref(array);
            array = NULL;
        }
    }
    free(order);
    return array;
}

static json_t *native_actors(const eco_graph *g, const size_t *order)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < eco_graph_actor_count(g); i++) {
        const eco_actor *a = eco_graph_actor(g, order[i]);
        json_t *item = json_object();
        if (!item || put_actor_fields(item, a) < 0 ||
            put(item, "attributes", attribute_object(a)) < 0 ||
            put(item, "records", string_array(a->records, a->record_count)) < 0 ||
            json_array_append_new(array, item) < 0) {
            json_decref(item);
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

json_t *eco_i_json_edge(const eco_graph *g, const eco_tie *t, const char *id, int keyed)
{
    json_t *item = json_object();
    if (!item || (id && put(item, "id", json_string(id)) < 0) ||
        put(item, "source", json_string(eco_graph_actor(g, t->source)->id)) < 0 ||
        put(item, "target", json_string(eco_graph_actor(g, t->target)->id)) < 0 ||
        (keyed && put(item, "key", json_string(eco_tie_kind_name(t->kind))) < 0) ||
        put_tie_fields(item, t) < 0) {
        json_decref(item);
        return NULL;
    }
    return item;
}

static json_t *tie_array(const eco_graph *g, const size_t *order, int node_link)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < eco_graph_tie_count(g); i++) {
        if (json_array_append_new(array, eco_i_json_edge(g, eco_graph_tie(g, order[i]), NULL,
                                                         node_link)) < 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

int eco_i_write_native(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                       const char *destination, eco_error *err)
{
    size_t *actors = NULL, *ties = NULL;
    json_t *root = NULL;

    (void)opt;
    if (eco_i_sorted_actors(g, &actors) < 0 || eco_i_sorted_ties(g, &ties) < 0)
        goto oom;
    if (!(root = json_object()) || put(root, "format", json_string("ecomap")) < 0 ||
        put(root, "version", json_integer(FORMAT_VERSION)) < 0 ||
        put(root, "records", native_records(g)) < 0 ||
        put(root, "actors", native_actors(g, actors)) < 0 ||
        put(root, "ties", tie_array(g, ties, 0)) < 0)
        goto oom;
    free(actors);
    free(ties);
    return eco_i_json_dump(root, fp, destination, err);
oom:
    json_decref(root);
    free(actors);
    free(ties);
    return eco_error_set(err, ECO_ENOMEM, destination, 0, 0, "out of memory building the map");
}

/* ---- NetworkX node-link ----------------------------------------------------------------- */

static const char *const node_fields[] = {"id", "name", "type", "country", "aliases", "records",
                                          NULL};

/* A node's free attributes become its own keys, as NetworkX keeps them; one that would
 * overwrite a field of the contract is written "attribute:KEY" instead. */
static int put_node_attributes(json_t *item, const eco_actor *a)
{
    for (size_t i = 0; i < a->attribute_count; i++) {
        const char *key = a->attributes[i].key;
        char renamed[300];
        for (size_t f = 0; node_fields[f]; f++) {
            if (strcmp(key, node_fields[f]) == 0) {
                snprintf(renamed, sizeof(renamed), "attribute:%s", key);
                key = renamed;
                break;
            }
        }
        if (put(item, key, json_string(a->attributes[i].value)) < 0)
            return -1;
    }
    return 0;
}

json_t *eco_i_json_node(const eco_actor *a)
{
    json_t *item = json_object();
    if (!item || put_actor_fields(item, a) < 0 ||
        put(item, "records", string_array(a->records, a->record_count)) < 0 ||
        put_node_attributes(item, a) < 0) {
        json_decref(item);
        return NULL;
    }
    return item;
}

static json_t *node_array(const eco_graph *g, const size_t *order)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < eco_graph_actor_count(g); i++) {
        if (json_array_append_new(array, eco_i_json_node(eco_graph_actor(g, order[i]))) < 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

int eco_i_write_node_link(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                          const char *destination, eco_error *err)
{
    size_t *actors = NULL, *ties = NULL;
    json_t *root = NULL, *graph = NULL;
    size_t pairs;
    int multigraph;

    if (eco_i_sorted_actors(g, &actors) < 0 || eco_i_sorted_ties(g, &ties) < 0)
        goto oom;
    /* Two ties between one pair (of different kinds) make a multigraph for NetworkX: a
     * simple graph would keep only the last of them. */
    if (eco_i_count_linked_pairs(g, &pairs) < 0)
        goto oom;
    multigraph = pairs < eco_graph_tie_count(g);
    if (!(root = json_object()) || put(root, "directed", json_false()) < 0 ||
        put(root, "multigraph", json_boolean(multigraph)) < 0 ||
        put(root, "graph", graph = json_object()) < 0 ||
        put(graph, "generator", json_string("ecomap")) < 0 ||
        put(root, "nodes", node_array(g, actors)) < 0 ||
        put(root, opt->node_link_links ? "links" : "edges", tie_array(g, ties, multigraph)) < 0)
        goto oom;
    free(actors);
    free(ties);
    return eco_i_json_dump(root, fp, destination, err);
oom:
    json_decref(root);
    free(actors);
    free(ties);
    return eco_error_set(err, ECO_ENOMEM, destination, 0, 0, "out of memory building the map");
}
