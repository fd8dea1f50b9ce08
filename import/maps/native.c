/*
 * import/maps/native.c - ecomap's own JSON map (docs/FORMAT.md) into a graph.
 *
 * The map is read into a fresh graph first and then absorbed into the caller's, so that a
 * map imported into an empty graph comes back exactly as it was saved, ids and all, and a
 * map imported beside others joins them through the usual name resolution.
 *
 * Most maps are read by the one-pass scan (native_scan.c); this reader, on jansson's tree,
 * reads what the scan declines, and is the one that explains what is wrong with a map.
 */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

#define MAX_DEPTH 6

typedef struct reader {
    const eco_i_input *in;
    eco_error *err;
    eco_i_json_step path[MAX_DEPTH]; /* where the value being read stands */
    size_t depth;
} reader;

static void enter_key(reader *r, const char *key)
{
    r->path[r->depth++] = (eco_i_json_step){key, 0};
}

static void enter_index(reader *r, size_t index)
{
    r->path[r->depth++] = (eco_i_json_step){NULL, index};
}

static void leave(reader *r, size_t depth)
{
    r->depth = depth;
}

/* An error about the value at r's path, pointing at where it stands in the text. */
static int fail(reader *r, int code, const char *fmt, ...)
{
    int line, column;
    va_list ap;

    eco_i_json_locate(r->in->data, r->in->len, r->path, r->depth, &line, &column);
    va_start(ap, fmt);
    eco_error_setv(r->err, code, r->in->source, line, column, fmt, ap);
    va_end(ap);
    return code;
}

static int oom(reader *r)
{
    return eco_error_set(r->err, ECO_ENOMEM, r->in->source, 0, 0, "out of memory reading the map");
}

/* Member key of object as a string: *out NULL when absent or null (and optional). */
static int get_string(reader *r, json_t *object, const char *key, int required, const char **out)
{
    json_t *v = json_object_get(object, key);
    size_t depth = r->depth;
    int rc = 0;

    *out = NULL;
    enter_key(r, key);
    if (json_is_string(v) && json_string_length(v) > 0)
        *out = json_string_value(v);
    else if (required)
        rc = fail(r, ECO_EDATA, "\"%s\" must be a non-empty string", key);
    else if (v && !json_is_null(v) && !json_is_string(v))
        rc = fail(r, ECO_EDATA, "\"%s\" must be a string or null", key);
    leave(r, depth);
    return rc;
}

/* Member key of object as an array (empty when absent). */
static int get_array(reader *r, json_t *object, const char *key, json_t **out)
{
    json_t *v = json_object_get(object, key);
    *out = v;
    if (!v || json_is_array(v))
        return 0;
    enter_key(r, key);
    return fail(r, ECO_EDATA, "\"%s\" must be an array", key);
}

/* ---- Records ---------------------------------------------------------------------------- */

/* A record's topics, an array of non-empty strings, into *out (malloc'd, NULL when there
 * are none); the graph keeps each once. */
static int read_topics(reader *r, json_t *item, const char ***out)
{
    json_t *topics, *topic;
    size_t i;
    int rc;

    *out = NULL;
    if ((rc = get_array(r, item, "topics", &topics)) < 0 || json_array_size(topics) == 0)
        return rc;
    if (!(*out = malloc(json_array_size(topics) * sizeof(**out))))
        return oom(r);
    json_array_foreach(topics, i, topic) {
        if (!json_is_string(topic) || !*json_string_value(topic)) {
            free(*out);
            *out = NULL;
            enter_key(r, "topics");
            enter_index(r, i);
            return fail(r, ECO_EDATA, "a topic must be a string that is not empty");
        }
        (*out)[i] = json_string_value(topic);
    }
    return 0;
}

static int read_record(reader *r, eco_graph *g, json_t *item)
{
    const char **topics = NULL;
    eco_record rec = {0};
    json_t *year = json_object_get(item, "year");
    int rc;

    if (!json_is_object(item))
        return fail(r, ECO_EDATA, "a record must be an object");
    if ((rc = get_string(r, item, "id", 1, &rec.id)) < 0 ||
        (rc = get_string(r, item, "path", 0, &rec.path)) < 0 ||
        (rc = get_string(r, item, "format", 0, &rec.format)) < 0 ||
        (rc = get_string(r, item, "title", 0, &rec.title)) < 0 ||
        (rc = get_string(r, item, "country", 0, &rec.country)) < 0)
        return rc;
    if (year && !json_is_null(year)) {
        json_int_t y = json_is_integer(year) ? json_integer_value(year) : -1;
        if (y < 0 || y > 9999) {
            enter_key(r, "year");
            return fail(r, ECO_EDATA, "\"year\" must be a whole number from 0 to 9999 or null");
        }
        rec.year = (int)y;
    }
    if (eco_graph_find_record(NULL, g, rec.id) == 0) {
        enter_key(r, "id");
        return fail(r, ECO_EDATA, "record id \"%s\" appears twice", rec.id);
    }
    if ((rc = read_topics(r, item, &topics)) < 0)
        return rc;
    rec.topics = topics;
    rec.topic_count = json_array_size(json_object_get(item, "topics"));
    rc = eco_graph_add_record(NULL, g, &rec) < 0 ? oom(r) : 0;
    free(topics);
    return rc;
}

/* ---- Actors ----------------------------------------------------------------------------- */

/* Reads an array of strings under key and hands each to add. */
static int read_strings(reader *r, eco_graph *g, size_t actor, json_t *item, const char *key,
                        int (*add)(eco_graph *, size_t, const char *))
{
    json_t *list, *v;
    size_t i, depth = r->depth;
    int rc;

    if ((rc = get_array(r, item, key, &list)) < 0)
        return rc;
    enter_key(r, key);
    json_array_foreach(list, i, v) {
        enter_index(r, i);
        if (!json_is_string(v) || json_string_length(v) == 0)
            return fail(r, ECO_EDATA, "entries of \"%s\" must be non-empty strings", key);
        if (add(g, actor, json_string_value(v)) < 0)
            return oom(r);
        leave(r, depth + 1);
    }
    leave(r, depth);
    return 0;
}

static int read_attributes(reader *r, eco_graph *g, size_t actor, json_t *item)
{
    json_t *attributes = json_object_get(item, "attributes"), *v;
    const char *key;

    if (!attributes || json_is_null(attributes))
        return 0;
    enter_key(r, "attributes");
    if (!json_is_object(attributes))
        return fail(r, ECO_EDATA, "\"attributes\" must be an object of strings");
    json_object_foreach(attributes, key, v) {
        if (!json_is_string(v)) {
            enter_key(r, key);
            return fail(r, ECO_EDATA, "attribute \"%s\" must be a string", key);
        }
        if (!*key)
            return fail(r, ECO_EDATA, "an attribute has an empty name");
        if (eco_graph_set_attribute(g, actor, key, json_string_value(v)) < 0)
            return oom(r);
    }
    r->depth--;
    return 0;
}

static int read_actor(reader *r, eco_graph *g, json_t *item)
{
    const char *id, *name, *type_name, *country;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    size_t actor;
    int rc;

    if (!json_is_object(item))
        return fail(r, ECO_EDATA, "an actor must be an object");
    if ((rc = get_string(r, item, "id", 1, &id)) < 0 ||
        (rc = get_string(r, item, "name", 1, &name)) < 0 ||
        (rc = get_string(r, item, "type", 0, &type_name)) < 0 ||
        (rc = get_string(r, item, "country", 0, &country)) < 0)
        return rc;
    if (type_name && eco_actor_type_from_name(&type, type_name) < 0) {
        enter_key(r, "type");
        return fail(r, ECO_EDATA,
                    "unknown actor type \"%s\"; expected government, lab, academia, "
                    "civil_society, international, private, network or null",
                    type_name);
    }
    if (eco_graph_find_actor_by_id(NULL, g, id) == 0) {
        enter_key(r, "id");
        return fail(r, ECO_EDATA, "actor id \"%s\" appears twice", id);
    }
    if (eco_graph_add_actor(&actor, g, id, name, type, country) < 0)
        return oom(r);
    if ((rc = read_strings(r, g, actor, item, "aliases", eco_graph_add_alias)) < 0 ||
        (rc = read_strings(r, g, actor, item, "records", eco_graph_add_actor_record)) < 0 ||
        (rc = read_attributes(r, g, actor, item)) < 0)
        return rc;
    return 0;
}

/* ---- Ties ------------------------------------------------------------------------------- */

static int read_evidence(reader *r, json_t *item, eco_evidence *ev)
{
    json_t *line = json_object_get(item, "line");
    int rc;

    memset(ev, 0, sizeof(*ev));
    if (!json_is_object(item))
        return fail(r, ECO_EDATA, "evidence must be an object");
    if ((rc = get_string(r, item, "record", 0, &ev->record)) < 0 ||
        (rc = get_string(r, item, "source", 0, &ev->source)) < 0 ||
        (rc = get_string(r, item, "text", 0, &ev->text)) < 0)
        return rc;
    if (line && !json_is_null(line)) {
        json_int_t n = json_is_integer(line) ? json_integer_value(line) : -1;
        if (n < 1 || n > INT32_MAX) {
            enter_key(r, "line");
            return fail(r, ECO_EDATA, "\"line\" must be a whole number from 1 up, or null");
        }
        ev->line = (int)n;
    }
    return 0;
}

static int read_tie_end(reader *r, eco_graph *g, json_t *item, const char *key, size_t *out)
{
    const char *id;
    int rc;

    if ((rc = get_string(r, item, key, 1, &id)) < 0)
        return rc;
    if (eco_graph_find_actor_by_id(out, g, id) == 0)
        return 0;
    enter_key(r, key);
    return fail(r, ECO_EDATA, "tie names unknown actor \"%s\"", id);
}

static int read_tie(reader *r, eco_graph *g, json_t *item)
{
    const char *kind_name;
    json_t *weight = json_object_get(item, "weight"), *directed, *list, *v;
    eco_tie_kind kind;
    size_t source, target, tie, i, depth = r->depth;
    int rc;

    if (!json_is_object(item))
        return fail(r, ECO_EDATA, "a tie must be an object");
    if ((rc = read_tie_end(r, g, item, "source", &source)) < 0 ||
        (rc = read_tie_end(r, g, item, "target", &target)) < 0 ||
        (rc = get_string(r, item, "kind", 1, &kind_name)) < 0)
        return rc;
    if (eco_tie_kind_from_name(&kind, kind_name) < 0) {
        enter_key(r, "kind");
        return fail(r, ECO_EDATA,
                    "unknown tie kind \"%s\"; expected partnership, funding, hosting, support, "
                    "membership or related",
                    kind_name);
    }
    if (source == target) {
        enter_key(r, "target");
        return fail(r, ECO_EDATA, "tie joins actor \"%s\" to itself", eco_graph_actor(g, source)->id);
    }
    if (!json_is_number(weight) || !eco_i_weight_ok(json_number_value(weight))) {
        enter_key(r, "weight");
        return fail(r, ECO_EDATA, weight ? "\"weight\" must be " ECO_I_WEIGHT_RANGE
                                       : "a tie needs a \"weight\": " ECO_I_WEIGHT_RANGE);
    }
    directed = json_object_get(item, "directed");
    if (directed && !json_is_boolean(directed)) {
        enter_key(r, "directed");
        return fail(r, ECO_EDATA, "\"directed\" must be true or false");
    }
    int is_directed = directed ? json_is_true(directed) : eco_tie_kind_is_directed(kind);
    size_t before = eco_graph_tie_count(g);
    if (eco_graph_add_tie(&tie, g, source, target, kind, is_directed, 0, NULL) < 0)
        return oom(r);
    if (eco_graph_tie_count(g) == before)
        return fail(r, ECO_EDATA, "the same tie appears twice; a map holds each tie once");
    eco_graph_set_tie_weight(g, tie, json_number_value(weight));
    if ((rc = get_array(r, item, "evidence", &list)) < 0)
        return rc;
    enter_key(r, "evidence");
    json_array_foreach(list, i, v) {
        eco_evidence ev;
        enter_index(r, i);
        if ((rc = read_evidence(r, v, &ev)) < 0)
            return rc;
        if (eco_graph_add_tie_evidence(g, tie, &ev) < 0)
            return oom(r);
        leave(r, depth + 1);
    }
    leave(r, depth);
    return 0;
}

/* ---- The map ---------------------------------------------------------------------------- */

/* Reads every item of the array under key with read_item. */
static int read_section(reader *r, eco_graph *g, json_t *root, const char *key,
                        int (*read_item)(reader *, eco_graph *, json_t *))
{
    json_t *list, *item;
    size_t i;
    int rc;

    if ((rc = get_array(r, root, key, &list)) < 0)
        return rc;
    json_array_foreach(list, i, item) {
        r->depth = 0;
        enter_key(r, key);
        enter_index(r, i);
        if ((rc = read_item(r, g, item)) < 0)
            return rc;
    }
    r->depth = 0;
    return 0;
}

static int check_header(reader *r, json_t *root)
{
    json_t *format = json_object_get(root, "format"), *version = json_object_get(root, "version");

    if (!json_is_object(root))
        return fail(r, ECO_EDATA, "a JSON file that is not an ecomap map: expected an object");
    if (!json_is_string(format) || strcmp(json_string_value(format), "ecomap") != 0)
        return fail(r, ECO_EDATA,
                    "a JSON file that is not an ecomap map: it has no \"format\": \"ecomap\"");
    enter_key(r, "version");
    if (!json_is_integer(version) || json_integer_value(version) < 1)
        return fail(r, ECO_EDATA, "\"version\" must be a whole number from 1 up");
    if (json_integer_value(version) > ECO_I_NATIVE_VERSION)
        return fail(r, ECO_EDATA,
                    "map written by a newer ecomap (format version %lld); this one reads "
                    "version %d: upgrade ecomap",
                    (long long)json_integer_value(version), ECO_I_NATIVE_VERSION);
    r->depth = 0;
    return 0;
}

/* The map read with jansson, which says where the first fault is.  Only what the scan
 * declined (native_scan.c) comes here. */
int eco_i_read_native_checked(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    json_t *root;
    eco_graph *map = NULL;
    reader r = {in, err, {{0}}, 0};
    int rc;

    root = eco_i_json_load(in, JSON_REJECT_DUPLICATES, err);
    if (!root)
        return eco_i_watch_failed() ? ECO_ENOMEM : ECO_EDATA;
    if ((rc = check_header(&r, root)) < 0)
        goto cleanup;
    if ((rc = eco_graph_new(&map)) < 0) {
        rc = oom(&r);
        goto cleanup;
    }
    if ((rc = read_section(&r, map, root, "records", read_record)) < 0 ||
        (rc = read_section(&r, map, root, "actors", read_actor)) < 0 ||
        (rc = read_section(&r, map, root, "ties", read_tie)) < 0)
        goto cleanup;
    if ((rc = eco_graph_absorb(g, map, err)) < 0)
        goto cleanup;
cleanup:
    eco_graph_free(map);
    json_decref(root);
    return rc;
}

int eco_i_read_native(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    int rc = eco_i_native_scan(g, in, err);
    return rc == ECO_I_SCAN_DECLINED ? eco_i_read_native_checked(g, in, err) : rc;
}
