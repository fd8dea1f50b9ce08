/*
 * import/maps/mapper.c - what every reader of another tool's graph shares: the mapper, which
 * reads the input into a graph of its own, finds its nodes again by the keys the file gives
 * them, and joins that graph to the import's at the end, so that ids written by ecomap come
 * back as they were.
 */
#include <stdlib.h>
#include <string.h>

#include "maps.h"

int eco_i_mapper_open(eco_i_mapper *m, const eco_i_input *in, const char *format, eco_error *err)
{
    memset(m, 0, sizeof(*m));
    m->in = in;
    m->format = format;
    eco_i_json_where_init(&m->where, in->data, in->len);
    if (eco_graph_new(&m->map) < 0)
        return eco_error_set(err, ECO_ENOMEM, in->source, 0, 0, "out of memory");
    return 0;
}

void eco_i_mapper_close(eco_i_mapper *m)
{
    eco_graph_free(m->map);
    eco_i_map_free(&m->node_of);
    eco_i_json_where_end(&m->where);
    m->map = NULL;
}

/* 1 when key is already an id as ecomap makes them: ASCII letters, digits and '-'. */
static int is_slug(const char *key)
{
    char slug[256];
    size_t n = eco_name_slug(slug, sizeof(slug), key);
    return n > 0 && n < sizeof(slug) && strcmp(slug, key) == 0;
}

int eco_i_mapper_node(eco_i_mapper *m, size_t *out, const char *key, const char *name,
                      eco_actor_type type, const char *country)
{
    int rc = 0;
    const char *pooled = eco_i_pool_intern(eco_i_graph_pool(m->map), key, &rc);
    const char *id = NULL;
    size_t seen;

    if (!pooled)
        return ECO_ENOMEM;
    if (eco_i_map_get(&m->node_of, eco_i_ptr_key(pooled), &seen))
        return ECO_EDATA;
    if (is_slug(key) && eco_graph_find_actor_by_id(NULL, m->map, key) < 0)
        id = key;
    if ((rc = eco_graph_add_actor(out, m->map, id, name && *name ? name : key, type,
                                  eco_i_country_as_written(country))) < 0)
        return rc;
    return eco_i_map_put(&m->node_of, eco_i_ptr_key(pooled), *out);
}

int eco_i_mapper_find(const eco_i_mapper *m, const char *key, size_t *out)
{
    const char *pooled = eco_i_pool_find(eco_i_graph_pool(m->map), key);
    return pooled && eco_i_map_get(&m->node_of, eco_i_ptr_key(pooled), out);
}

static int mapper_record(eco_i_mapper *m)
{
    eco_record record = {m->in->record_id, m->in->source, m->format, NULL, NULL, 0, NULL, 0};
    if (m->has_record)
        return 0;
    m->has_record = 1;
    return eco_graph_add_record(NULL, m->map, &record);
}

int eco_i_mapper_seen(eco_i_mapper *m, size_t actor)
{
    int rc = mapper_record(m);
    return rc < 0 ? rc : eco_graph_add_actor_record(m->map, actor, m->in->record_id);
}

int eco_i_mapper_evidence(eco_i_mapper *m, eco_evidence *out, int line, const char *text)
{
    *out = (eco_evidence){m->in->record_id, m->in->source, line, text && *text ? text : NULL};
    return mapper_record(m);
}

int eco_i_mapper_finish(eco_i_mapper *m, eco_graph *g, eco_error *err)
{
    return eco_graph_absorb(g, m->map, err);
}

int eco_i_mapper_attribute(eco_i_mapper *m, size_t actor, const char *key, const char *value,
                           const char *const *taken)
{
    if (strncmp(key, "attribute:", 10) == 0)
        for (size_t i = 0; taken && taken[i]; i++)
            if (strcmp(key + 10, taken[i]) == 0) {
                key += 10;
                break;
            }
    return *key && value && *value ? eco_graph_set_attribute(m->map, actor, key, value) : 0;
}

int eco_i_mapper_end(eco_i_mapper *m, size_t *out, const char *key, int line, int column,
                     eco_error *err)
{
    int rc;
    if (eco_i_mapper_find(m, key, out))
        return 0;
    if ((rc = eco_i_warn(m->in->opt, err, m->in->source, line, column,
                         "edge to \"%s\", which no node names", key)) < 0)
        return rc;
    if (eco_i_mapper_node(m, out, key, NULL, ECO_TYPE_UNKNOWN, NULL) < 0 ||
        eco_i_mapper_seen(m, *out) < 0)
        return eco_error_set(err, ECO_ENOMEM, m->in->source, line, 0, "out of memory");
    return 0;
}

typedef struct tie_items {
    eco_graph *map;
    const eco_tie *tie; /* the tie's ends, kind, direction and weight */
    size_t index;       /* the tie, once added */
    size_t added;       /* items added */
} tie_items;

static int add_item(const char *text, void *ctx)
{
    tie_items *t = ctx;
    char *piece = strdup(text);
    eco_evidence ev;
    int rc;

    if (!piece)
        return ECO_ENOMEM;
    eco_i_evidence_parse(&ev, piece);
    rc = t->added++ == 0 ? eco_graph_add_tie(&t->index, t->map, t->tie->source, t->tie->target,
                                             t->tie->kind, t->tie->directed, t->tie->weight, &ev)
                         : eco_graph_add_tie_evidence(t->map, t->index, &ev);
    free(piece);
    return rc;
}

int eco_i_mapper_tie_items(eco_i_mapper *m, const eco_tie *tie, const char *items)
{
    tie_items t = {m->map, tie, 0, 0};
    int rc = eco_i_list_each(items, 1, add_item, &t);
    if (rc == 0 && t.added == 0)
        rc = eco_graph_add_tie(NULL, m->map, tie->source, tie->target, tie->kind, tie->directed,
                               tie->weight, NULL);
    return rc;
}
