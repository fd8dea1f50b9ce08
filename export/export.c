/* export/export.c - choosing a writer, the shared order of actors and ties, and files. */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

typedef int (*writer)(const eco_graph *, const eco_export_options *, FILE *, const char *,
                      eco_error *);

static const struct {
    const char *name;
    eco_export_format format;
    writer write;
} writers[] = {
    {"json", ECO_EXPORT_JSON, eco_i_write_native},
    {"node-link", ECO_EXPORT_NODE_LINK, eco_i_write_node_link},
};

#define WRITER_COUNT (sizeof(writers) / sizeof(writers[0]))

const char *const *eco_export_formats(void)
{
    static const char *const names[] = {"json", "node-link", NULL};
    return names;
}

int eco_export_format_from_name(eco_export_format *out, const char *name)
{
    for (size_t i = 0; name && i < WRITER_COUNT; i++) {
        if (strcmp(writers[i].name, name) == 0) {
            *out = writers[i].format;
            return 0;
        }
    }
    return ECO_EUSAGE;
}

int eco_export_stream(const eco_graph *g, eco_export_format format, const eco_export_options *opt,
                      FILE *out, const char *destination, eco_error *err)
{
    static const eco_export_options defaults = ECO_EXPORT_OPTIONS_INIT;

    for (size_t i = 0; i < WRITER_COUNT; i++)
        if (writers[i].format == format)
            return writers[i].write(g, opt ? opt : &defaults, out, destination, err);
    return eco_error_set(err, ECO_EUSAGE, destination, 0, 0, "unknown export format");
}

int eco_export_file(const eco_graph *g, eco_export_format format, const eco_export_options *opt,
                    const char *path, eco_error *err)
{
    eco_i_output out;
    int rc;

    if ((rc = eco_i_output_open(&out, path, err)) < 0)
        return rc;
    if ((rc = eco_export_stream(g, format, opt, out.fp, out.name, err)) < 0) {
        eco_i_output_abort(&out);
        return rc;
    }
    return eco_i_output_commit(&out, err);
}

int eco_graph_save(const eco_graph *g, const char *path, eco_error *err)
{
    return eco_export_file(g, ECO_EXPORT_JSON, NULL, path, err);
}

/* ---- Order ------------------------------------------------------------------------------ */
/* Sort keys are copied out of the graph, as qsort has no context argument in C11. */

typedef struct sort_key {
    const char *first, *second; /* actor id; or a tie's source and target ids */
    int kind, directed;         /* ties only */
    size_t index;               /* the actor or tie */
} sort_key;

static int compare_keys(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    int c;

    if ((c = strcmp(x->first, y->first)) != 0)
        return c;
    if (x->second && (c = strcmp(x->second, y->second)) != 0)
        return c;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->directed - y->directed;
}

static int sort_indices(sort_key *keys, size_t n, size_t **out)
{
    size_t *order = malloc((n ? n : 1) * sizeof(*order));

    if (!keys || !order) {
        free(keys);
        free(order);
        return ECO_ENOMEM;
    }
    qsort(keys, n, sizeof(*keys), compare_keys);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].index;
    free(keys);
    *out = order;
    return 0;
}

int eco_i_sorted_actors(const eco_graph *g, size_t **out)
{
    size_t n = eco_graph_actor_count(g);
    sort_key *keys = malloc((n ? n : 1) * sizeof(*keys));

    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (sort_key){eco_graph_actor(g, i)->id, NULL, 0, 0, i};
    return sort_indices(keys, n, out);
}

int eco_i_sorted_ties(const eco_graph *g, size_t **out)
{
    size_t n = eco_graph_tie_count(g);
    sort_key *keys = malloc((n ? n : 1) * sizeof(*keys));

    for (size_t i = 0; keys && i < n; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        keys[i] = (sort_key){eco_graph_actor(g, t->source)->id, eco_graph_actor(g, t->target)->id,
                             (int)t->kind, t->directed, i};
    }
    return sort_indices(keys, n, out);
}
