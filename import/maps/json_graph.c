/*
 * import/maps/json_graph.c - one node or one edge of a graph in JSON, as NetworkX's
 * node-link, Cytoscape.js and Kumu's project JSON give them (import/maps/node_link.c,
 * cytoscape.c, kumu_json.c).
 *
 * ecomap's own export comes back as it was written: node ids are actor ids, "aliases" and
 * "records" are lists, "attribute:KEY" is the attribute KEY, edges carry their evidence.
 * Another tool's file has none of that: its nodes are then seen in the file's record, node
 * ids that are not slugs give way to ids made from the names, and each edge's evidence is
 * the file, with the edge's other attributes as its text (ties have no attributes).
 */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

/* ---- JSON values as text ---------------------------------------------------------------- */

static int is_scalar(json_t *v)
{
    return json_is_string(v) || json_is_number(v) || json_is_boolean(v);
}

/* A JSON scalar as text (owned): strings as they are, numbers and booleans as JSON writes
 * them; NULL for null, and for anything else when scalar_only.  NULL for a scalar means
 * that memory ran out. */
static char *scalar_text(json_t *v)
{
    char buf[40];

    if (json_is_string(v))
        return strdup(json_string_value(v));
    if (json_is_real(v)) {
        /* The shortest decimal that reads back as the same number: Kumu's computed metrics
         * (0.9, not 0.90000000000000002). */
        double x = json_real_value(v);
        for (int digits = 15; digits <= 17; digits++) {
            snprintf(buf, sizeof(buf), "%.*g", digits, x);
            if (strtod(buf, NULL) == x)
                break;
        }
        return strdup(buf);
    }
    if (json_is_number(v) || json_is_boolean(v))
        return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    return NULL;
}

static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (eco_i_reserve(buf, cap, *len + n + 1, 1) < 0)
        return ECO_ENOMEM;
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

/* An attribute's value as text (owned): a list of strings joined with '|' (escaping '|'
 * and '\'), any other array or object as compact JSON.  NULL for null or no memory. */
static char *value_text(json_t *v)
{
    json_t *item;
    size_t i, len = 0, cap = 0;
    char *buf = NULL;

    if (!json_is_array(v))
        return json_is_object(v) ? json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS) : scalar_text(v);
    json_array_foreach(v, i, item)
    {
        if (!json_is_string(item)) {
            free(buf);
            return json_dumps(v, JSON_COMPACT);
        }
        if (i && append(&buf, &len, &cap, "|", 1) < 0)
            goto fail;
        for (const char *s = json_string_value(item); *s; s++)
            if (((*s == '|' || *s == '\\') && append(&buf, &len, &cap, "\\", 1) < 0) ||
                append(&buf, &len, &cap, s, 1) < 0)
                goto fail;
    }
    return buf ? buf : strdup("");
fail:
    free(buf);
    return NULL;
}

/* ---- Errors at a place in the text ------------------------------------------------------ */

typedef struct place {
    const eco_i_input *in;
    eco_i_json_where *where; /* the input's positions */
    eco_error *err;
    eco_i_json_step path[8];
    size_t depth;
} place;

static void place_init(place *p, eco_i_mapper *m, eco_error *err, const eco_i_json_step *path,
                       size_t depth)
{
    p->in = m->in;
    p->where = &m->where;
    p->err = err;
    p->depth = depth < 7 ? depth : 7;
    memcpy(p->path, path, p->depth * sizeof(*path));
}

/* Reports an error (or, with warn, a warning) at the value under key of the object p is
 * at (the object itself when key is NULL). */
static int place_say(place *p, const char *key, int warn, const char *fmt, ...)
{
    int line, column, depth = (int)p->depth;
    char text[256];
    va_list ap;

    if (key)
        p->path[depth++] = (eco_i_json_step){key, 0};
    /* a key the text lacks, or one a reader made up (Kumu's "from" read as "source"), is
     * located at its object */
    eco_i_json_where_find(p->where, p->path, (size_t)depth, &line, &column);
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    if (warn)
        return eco_i_warn(p->in->opt, p->err, p->in->source, line, column, "%s", text);
    return eco_error_set(p->err, ECO_EDATA, p->in->source, line, column, "%s", text);
}

static int place_oom(place *p)
{
    return eco_error_set(p->err, ECO_ENOMEM, p->in->source, 0, 0, "out of memory");
}

/* ---- Nodes ------------------------------------------------------------------------------ */

static const char *const node_fields[] = {"id",      "name",    "type", "country", "country_code",
                                          "aliases", "records", NULL};

static const char *string_member(json_t *object, const char *key)
{
    json_t *v = json_object_get(object, key);
    return json_is_string(v) && json_string_length(v) ? json_string_value(v) : NULL;
}

/* The first of keys that object holds as a non-empty string; *which receives its key. */
static const char *first_string(json_t *object, const char *const *keys, const char **which)
{
    for (size_t i = 0; keys[i]; i++) {
        const char *s = string_member(object, keys[i]);
        if (s) {
            *which = keys[i];
            return s;
        }
    }
    *which = NULL;
    return NULL;
}

/* Adds each string of the list under key: an array, or one string. */
static int node_list(eco_i_mapper *m, size_t actor, json_t *node, const char *key,
                     int (*add)(eco_graph *, size_t, const char *))
{
    json_t *v = json_object_get(node, key), *item;
    size_t i;

    if (json_is_string(v))
        return json_string_length(v) ? add(m->map, actor, json_string_value(v)) : 0;
    json_array_foreach(v, i,
                       item) if (json_is_string(item) && json_string_length(item) &&
                                 add(m->map, actor, json_string_value(item)) < 0) return ECO_ENOMEM;
    return 0;
}

static int skipped(const char *key, const char *const *skip)
{
    for (size_t i = 0; skip && skip[i]; i++)
        if (strcmp(key, skip[i]) == 0)
            return 1;
    return 0;
}

int eco_i_json_graph_node(eco_i_mapper *m, json_t *node, const char *const *skip,
                          const eco_i_json_step *path, size_t depth, eco_error *err)
{
    static const char *const name_keys[] = {"name", "label", "title", "Label", "Name", NULL};
    const char *name_key, *name, *type_text = string_member(node, "type"), *key, *country;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    char *id = NULL, *text;
    json_t *v;
    size_t actor;
    place p;
    int rc = 0;

    place_init(&p, m, err, path, depth);
    if (!json_is_object(node))
        return place_say(&p, NULL, 0, "a node must be an object");
    if (!(id = scalar_text(v = json_object_get(node, "id"))) || !*id) {
        rc = !id && is_scalar(v) ? place_oom(&p) : place_say(&p, NULL, 0, "node has no \"id\"");
        free(id);
        return rc;
    }
    name = first_string(node, name_keys, &name_key);
    /* NetworkX's cytoscape_data writes the id as "name" when the node has none: a label
     * says more. */
    if (name && strcmp(name, id) == 0 && string_member(node, "label")) {
        name_key = "label";
        name = string_member(node, "label");
    }
    if (type_text && eco_actor_type_from_name(&type, type_text) < 0)
        type = eco_i_type_from_text(type_text);
    else
        type_text = NULL; /* one of ecomap's: nothing to keep */
    country = string_member(node, "country");
    rc = eco_i_mapper_node(m, &actor, id, name, type,
                           country ? country : string_member(node, "country_code"));
    if (rc == ECO_EDATA)
        rc = place_say(&p, "id", 0, "node id \"%s\" appears twice", id);
    free(id);
    if (rc < 0)
        return rc == ECO_ENOMEM ? place_oom(&p) : rc;
    if (node_list(m, actor, node, "aliases", eco_graph_add_alias) < 0 ||
        (json_object_get(node, "records")
             ? node_list(m, actor, node, "records", eco_graph_add_actor_record)
             : eco_i_mapper_seen(m, actor)) < 0 ||
        (type_text && eco_graph_set_attribute(m->map, actor, "type", type_text) < 0))
        return place_oom(&p);
    json_object_foreach(node, key, v)
    {
        if (skipped(key, node_fields) || skipped(key, skip) || (name_key && !strcmp(key, name_key)))
            continue;
        text = value_text(v);
        rc = text ? eco_i_mapper_attribute(m, actor, key, text, node_fields)
                  : json_is_null(v) ? 0 : ECO_ENOMEM;
        free(text);
        if (rc < 0)
            return place_oom(&p);
    }
    return 0;
}

/* ---- Edges ------------------------------------------------------------------------------ */

/* The actor of an edge's end, by node id, then by name; a node the file does not list is
 * added, with a warning, as NetworkX adds it. */
static int edge_end(eco_i_mapper *m, place *p, json_t *edge, const char *key, size_t *out)
{
    json_t *v = json_object_get(edge, key);
    char *id = scalar_text(v);
    /* A Kumu project says "from" and "to", "connection" and "element": say it its way. */
    int kumu = m->format && strcmp(m->format, "kumu-json") == 0;
    const char *said = kumu ? (strcmp(key, "source") == 0 ? "from" : "to") : key;
    int rc = 0;

    if (!id || !*id) {
        rc = !id && is_scalar(v)
                 ? place_oom(p)
                 : place_say(p, NULL, 0, kumu ? "connection has no \"%s\"" : "edge has no \"%s\"",
                             said);
        free(id);
        return rc;
    }
    /* Hand-made files name nodes by their names, too. */
    if (!eco_i_mapper_find(m, id, out) && eco_graph_find_actor(out, m->map, id, NULL) < 0) {
        if ((rc = place_say(p, said, 1,
                            kumu ? "connection to \"%s\", which no element names"
                                 : "edge to \"%s\", which no node names",
                            id)) == 0 &&
            ((rc = eco_i_mapper_node(m, out, id, NULL, ECO_TYPE_UNKNOWN, NULL)) < 0 ||
             (rc = eco_i_mapper_seen(m, *out)) < 0))
            rc = place_oom(p);
    }
    free(id);
    return rc;
}

static const char *const edge_fields[] = {"source",   "target", "kind", "directed", "weight",
                                          "evidence", "key",    "id",   NULL};

/* The kind an edge states: "kind" as ecomap writes it, else a relation in words under one
 * of the keys other tools use; *said receives text to keep when it is not ecomap's.  An
 * edge that states none is untyped: a Kumu connection claims no kind (unspecified), other
 * tools' edges are partnerships, as FORMAT says. */
static eco_tie_kind edge_kind(json_t *edge, eco_tie_kind untyped, const char **said)
{
    static const char *const keys[] = {"kind",        "type",  "relation", "relationship",
                                       "interaction", "label", NULL};
    const char *which, *text = first_string(edge, keys, &which);
    eco_tie_kind kind = untyped;

    *said = NULL;
    if (!text || eco_tie_kind_from_name(&kind, text) == 0)
        return kind;
    if (!eco_i_kind_from_text(&kind, text))
        kind = ECO_TIE_RELATED;
    *said = which;
    return kind;
}

/* Another tool's edge attributes, as the text of its evidence: "key: value; ...", into *out
 * (NULL when there are none).  0 or ECO_ENOMEM. */
static int edge_text(char **out, json_t *edge)
{
    size_t len = 0, cap = 0;
    char *buf = NULL;
    const char *key;
    json_t *v;

    *out = NULL;
    json_object_foreach(edge, key, v)
    {
        char *text;
        if (skipped(key, edge_fields) || json_is_null(v))
            continue;
        if (!(text = value_text(v))) {
            free(buf);
            return ECO_ENOMEM;
        }
        if (!*text) { /* Kumu writes "label": "" for a connection without one */
            free(text);
            continue;
        }
        int failed = (len && append(&buf, &len, &cap, "; ", 2) < 0) ||
                     append(&buf, &len, &cap, key, strlen(key)) < 0 ||
                     append(&buf, &len, &cap, ": ", 2) < 0 ||
                     append(&buf, &len, &cap, text, strlen(text)) < 0;
        free(text);
        if (failed) {
            free(buf);
            return ECO_ENOMEM;
        }
    }
    *out = buf;
    return 0;
}

/* One piece of evidence: an object as ecomap writes it, or a "RECORD:LINE: TEXT" string. */
static int evidence_item(place *p, json_t *item, eco_evidence *ev, char **owned)
{
    json_t *line = json_object_get(item, "line");

    *owned = NULL;
    if (json_is_string(item)) {
        if (!(*owned = strdup(json_string_value(item))))
            return place_oom(p);
        eco_i_evidence_parse(ev, *owned);
        return 0;
    }
    if (!json_is_object(item))
        return place_say(p, "evidence", 0, "evidence must be objects or strings");
    *ev = (eco_evidence){string_member(item, "record"), string_member(item, "source"), 0,
                         string_member(item, "text")};
    if (json_is_integer(line) && json_integer_value(line) > 0 &&
        json_integer_value(line) <= 2147483647)
        ev->line = (int)json_integer_value(line);
    return 0;
}

static int edge_evidence(eco_i_mapper *m, place *p, json_t *edge, size_t a, size_t b,
                         eco_tie_kind kind, int directed, double weight, const char *said)
{
    json_t *list = json_object_get(edge, "evidence"), *item;
    size_t i, tie = 0;
    eco_evidence ev;
    char *owned = NULL;
    int rc = 0;

    if (!json_is_array(list)) {
        /* The edge's own line makes it a piece of evidence of its own, so that two edges
         * between the same ends add their weights, as two rows of a CSV of ties do. */
        int line, column;
        char *text;
        eco_i_json_where_find(p->where, p->path, p->depth, &line, &column);
        if ((rc = edge_text(&text, edge)) == 0 &&
            (rc = eco_i_mapper_evidence(m, &ev, line, text ? text : said)) == 0)
            rc = eco_graph_add_tie(NULL, m->map, a, b, kind, directed, weight, &ev);
        free(text);
        return rc < 0 ? place_oom(p) : 0;
    }
    if (json_array_size(list) == 0)
        return eco_graph_add_tie(NULL, m->map, a, b, kind, directed, weight, NULL) < 0
                   ? place_oom(p)
                   : 0;
    json_array_foreach(list, i, item)
    {
        if ((rc = evidence_item(p, item, &ev, &owned)) < 0)
            return rc;
        rc = i == 0 ? eco_graph_add_tie(&tie, m->map, a, b, kind, directed, weight, &ev)
                    : eco_graph_add_tie_evidence(m->map, tie, &ev);
        free(owned);
        if (rc < 0)
            return place_oom(p);
    }
    return 0;
}

int eco_i_json_graph_edge(eco_i_mapper *m, json_t *edge, int graph_directed,
                          const eco_i_json_step *path, size_t depth, eco_error *err)
{
    json_t *weight_v, *directed_v;
    const char *said;
    eco_tie_kind kind;
    double weight = 1;
    int directed, rc;
    size_t a, b;
    place p;

    place_init(&p, m, err, path, depth);
    if (!json_is_object(edge))
        return place_say(&p, NULL, 0, "an edge must be an object");
    kind = edge_kind(edge,
                     strcmp(m->format, "kumu-json") == 0 ? ECO_TIE_UNSPECIFIED : ECO_TIE_PARTNERSHIP,
                     &said);
    directed_v = json_object_get(edge, "directed");
    directed = json_is_boolean(directed_v) ? json_is_true(directed_v)
               : graph_directed            ? 1
                                           : eco_tie_kind_is_directed(kind);
    weight_v = json_object_get(edge, "weight");
    if (weight_v && !json_is_null(weight_v)) {
        weight = json_is_number(weight_v) ? json_number_value(weight_v) : -1;
        if (json_is_string(weight_v) &&
            eco_i_parse_double(json_string_value(weight_v), &weight) < 0)
            weight = -1;
        if (!eco_i_weight_ok(weight))
            return place_say(&p, "weight", 0, "\"weight\" must be " ECO_I_WEIGHT_RANGE);
    }
    if ((rc = edge_end(m, &p, edge, "source", &a)) < 0 ||
        (rc = edge_end(m, &p, edge, "target", &b)) < 0)
        return rc;
    if (a == b)
        return place_say(&p, NULL, 1, "edge from \"%s\" to itself ignored",
                         eco_graph_actor(m->map, a)->name);
    return edge_evidence(m, &p, edge, a, b, kind, directed, weight,
                         said ? string_member(edge, said) : NULL);
}
