/*
 * import/maps/named.c - a node or an edge given as a list of named values, as GEXF's
 * attvalues and DOT's attributes give them: the fields ecomap writes (name, type, country,
 * aliases, records; kind, directed, weight, evidence) are read as what they are, the rest
 * kept as attributes of a node or as the text of an edge's evidence.  One place, so that the
 * readers of both formats read ecomap's own exports back the same way.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "maps.h"

const char *eco_i_named_value(const eco_i_named *v, const char *name)
{
    for (size_t i = 0; i < v->count; i++)
        if (v->values[i] && strcmp(v->names[i], name) == 0)
            return v->values[i];
    return NULL;
}

/* The first of names that v holds with a value that is not empty; *which its name. */
static const char *first_of(const eco_i_named *v, const char *const *names, const char **which)
{
    for (size_t i = 0; names[i]; i++) {
        const char *value = eco_i_named_value(v, names[i]);
        if (value && *value) {
            if (which)
                *which = names[i];
            return value;
        }
    }
    return NULL;
}

static int listed(const char *const *list, const char *name)
{
    for (size_t i = 0; list && list[i]; i++)
        if (strcmp(list[i], name) == 0)
            return 1;
    return 0;
}

static int error_at(const eco_i_mapper *m, const eco_i_named *v, eco_error *err, int code,
                    const char *fmt, const char *value)
{
    return eco_error_set(err, code, m->in->source, v->line, v->column, fmt, value);
}

/* ---- Nodes ------------------------------------------------------------------------------ */

static const char *const node_fields[] = {"id",           "name",    "type",    "country",
                                          "country_code", "aliases", "records", NULL};
static const char *const name_fields[] = {"name", "label", "Label", "title", "Name", NULL};

/* Whether field is one of the node's own: "name" is not when the format names the node
 * elsewhere (GEXF's label), and is then an attribute like any other. */
static int node_field(const char *field, const char *given_name)
{
    return listed(node_fields, field) && !(given_name && strcmp(field, "name") == 0);
}

int eco_i_named_node(eco_i_mapper *m, const char *key, const char *given_name, const eco_i_named *v,
                     const char *const *skip, eco_error *err)
{
    const char *name_key = NULL;
    const char *name = given_name && *given_name ? given_name : first_of(v, name_fields, &name_key);
    const char *type_text = eco_i_named_value(v, "type");
    const char *country = eco_i_named_value(v, "country");
    const char *aliases = eco_i_named_value(v, "aliases");
    const char *records = eco_i_named_value(v, "records");
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    size_t actor;
    int rc;

    if (type_text && *type_text && eco_actor_type_from_name(&type, type_text) < 0)
        type = eco_i_type_from_text(type_text); /* another tool's word, kept as said */
    else
        type_text = NULL;
    rc = eco_i_mapper_node(m, &actor, key, name, type,
                           country && *country ? country : eco_i_named_value(v, "country_code"));
    if (rc == ECO_EDATA)
        return error_at(m, v, err, ECO_EDATA, "node id \"%s\" appears twice", key);
    if (rc < 0)
        goto oom;
    if ((aliases && eco_i_list_add(m->map, actor, eco_graph_add_alias, aliases) < 0) ||
        (records ? eco_i_list_add(m->map, actor, eco_graph_add_actor_record, records) /* "": none */
                 : eco_i_mapper_seen(m, actor)) < 0 ||
        (type_text && eco_graph_set_attribute(m->map, actor, "type", type_text) < 0))
        goto oom;
    for (size_t i = 0; i < v->count; i++) {
        const char *field = v->names[i];
        if (!v->values[i] || node_field(field, given_name) || listed(skip, field) ||
            (name_key && strcmp(field, name_key) == 0))
            continue;
        if (eco_i_mapper_attribute(m, actor, field, v->values[i], node_fields) < 0)
            goto oom;
    }
    return 0;
oom:
    return error_at(m, v, err, ECO_ENOMEM, "out of memory%s", "");
}

/* ---- Edges ------------------------------------------------------------------------------ */

static const char *const edge_fields[] = {"kind", "directed", "weight", "evidence", NULL};
static const char *const kind_fields[] = {"kind",        "type",  "relation", "relationship",
                                          "interaction", "label", NULL};

/* Another tool's edge values, as the text of its evidence: "name: value; ...". */
static char *values_text(const eco_i_named *v, const char *const *skip)
{
    size_t len = 0, cap = 0;
    char *text = NULL;

    for (size_t i = 0; i < v->count; i++) {
        if (!v->values[i] || !*v->values[i] || listed(edge_fields, v->names[i]) ||
            listed(skip, v->names[i]))
            continue;
        size_t n = strlen(v->names[i]), k = strlen(v->values[i]);
        if (eco_i_reserve(&text, &cap, len + n + k + 5, 1) < 0) {
            free(text);
            return NULL;
        }
        len += (size_t)sprintf(text + len, "%s%s: %s", len ? "; " : "", v->names[i], v->values[i]);
    }
    return text ? text : strdup("");
}

int eco_i_named_edge(eco_i_mapper *m, const char *source, const char *target, int directed,
                     const eco_i_named *v, const char *const *skip, eco_error *err)
{
    const char *kind_text = first_of(v, kind_fields, NULL);
    const char *weight = eco_i_named_value(v, "weight");
    const char *said_directed = eco_i_named_value(v, "directed");
    const char *evidence = eco_i_named_value(v, "evidence");
    eco_tie t = {0, 0, ECO_TIE_PARTNERSHIP, 0, 1, NULL, 0};
    char *text;
    eco_evidence ev;
    int rc;

    if (kind_text && eco_tie_kind_from_name(&t.kind, kind_text) < 0 &&
        !eco_i_kind_from_text(&t.kind, kind_text))
        t.kind = ECO_TIE_RELATED; /* a relation of another tool's words: named together */
    t.directed = directed >= 0 ? directed : eco_tie_kind_is_directed(t.kind);
    if (said_directed && *said_directed)
        t.directed = strcasecmp(said_directed, "true") == 0 || strcmp(said_directed, "1") == 0;
    if (weight && *weight &&
        (eco_i_parse_double(weight, &t.weight) < 0 || !eco_i_weight_ok(t.weight)))
        return error_at(m, v, err, ECO_EDATA, "weight \"%s\" is not " ECO_I_WEIGHT_RANGE, weight);
    if ((rc = eco_i_mapper_end(m, &t.source, source, v->line, v->column, err)) < 0 ||
        (rc = eco_i_mapper_end(m, &t.target, target, v->line, v->column, err)) < 0)
        return rc;
    if (t.source == t.target)
        return eco_i_warn(m->in->opt, err, m->in->source, v->line, v->column,
                          "edge from \"%s\" to itself ignored", source);
    if (evidence) /* ecomap's own: "RECORD:LINE: TEXT" items, or "" for none */
        return eco_i_mapper_tie_items(m, &t, evidence) < 0
                   ? error_at(m, v, err, ECO_ENOMEM, "out of memory%s", "")
                   : 0;
    if (!(text = values_text(v, skip)))
        return error_at(m, v, err, ECO_ENOMEM, "out of memory%s", "");
    rc = eco_i_mapper_evidence(m, &ev, v->line, *text ? text : kind_text);
    if (rc == 0)
        rc = eco_graph_add_tie(NULL, m->map, t.source, t.target, t.kind, t.directed, t.weight, &ev);
    free(text);
    return rc < 0 ? error_at(m, v, err, ECO_ENOMEM, "out of memory%s", "") : 0;
}
