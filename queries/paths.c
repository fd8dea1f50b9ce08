/* queries/paths.c - shortest paths between actors, ego networks, and names that come close. */
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

void eco_paths_free(eco_path *paths, size_t count)
{
    for (size_t i = 0; paths && i < count; i++)
        free(paths[i].actors);
    free(paths);
}

/* Copies igraph's vertex and edge lists into our paths. */
static int copy_paths(eco_path **out, size_t *count, const eco_i_view *view,
                      const igraph_vector_int_list_t *vertices, const igraph_vector_int_list_t *edges)
{
    size_t n = (size_t)igraph_vector_int_list_size(vertices);
    eco_path *paths = calloc(n ? n : 1, sizeof(*paths));

    if (!paths)
        return ECO_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const igraph_vector_int_t *v = igraph_vector_int_list_get_ptr(vertices, (igraph_integer_t)i);
        const igraph_vector_int_t *e = igraph_vector_int_list_get_ptr(edges, (igraph_integer_t)i);
        size_t len = (size_t)igraph_vector_int_size(v);
        if (!(paths[i].actors = malloc((len ? len : 1) * sizeof(size_t)))) {
            eco_paths_free(paths, i);
            return ECO_ENOMEM;
        }
        for (size_t k = 0; k < len; k++)
            paths[i].actors[k] = (size_t)VECTOR(*v)[k];
        paths[i].length = len ? len - 1 : 0;
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(e); k++)
            paths[i].cost += view->weighted ? VECTOR(view->lengths)[VECTOR(*e)[k]] : 1.0;
    }
    *out = paths;
    *count = n;
    return 0;
}

static int query_paths(eco_path **out, size_t *count, const eco_graph *g, size_t from, size_t to,
                       size_t k, const eco_query_options *opt, eco_error *err)
{
    igraph_vector_int_list_t vertices, edges;
    eco_i_view view;
    igraph_error_t ierr;
    int rc;

    if (from >= eco_graph_actor_count(g) || to >= eco_graph_actor_count(g) || k == 0)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "no such actors, or no paths asked for");
    if ((rc = eco_i_view_build(&view, g, opt, err)) < 0)
        return rc;
    if ((ierr = igraph_vector_int_list_init(&vertices, 0)) != IGRAPH_SUCCESS) {
        eco_i_view_destroy(&view);
        return eco_i_igraph_error(ierr, err);
    }
    if ((ierr = igraph_vector_int_list_init(&edges, 0)) == IGRAPH_SUCCESS) {
        ierr = igraph_get_k_shortest_paths(&view.graph, eco_i_view_lengths(&view), &vertices, &edges,
                                           (igraph_integer_t)k, (igraph_integer_t)from,
                                           (igraph_integer_t)to, IGRAPH_OUT);
        if (ierr == IGRAPH_SUCCESS && (rc = copy_paths(out, count, &view, &vertices, &edges)) < 0)
            eco_error_set(err, rc, NULL, 0, 0, "out of memory finding paths");
        igraph_vector_int_list_destroy(&edges);
    }
    igraph_vector_int_list_destroy(&vertices);
    eco_i_view_destroy(&view);
    if (ierr != IGRAPH_SUCCESS)
        return eco_i_igraph_error(ierr, err);
    return rc;
}

int eco_query_paths(eco_path **out, size_t *count, const eco_graph *g, size_t from, size_t to,
                    size_t k, const eco_query_options *opt, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = query_paths(out, count, g, from, to, k, opt, err);
    eco_i_dependencies_unlock();
    return rc;
}

/* ---- Ego networks ----------------------------------------------------------------------- */

static int query_ego(eco_graph **out, const eco_graph *g, size_t center, size_t hops,
                     const eco_query_options *opt, eco_error *err)
{
    eco_query_options undirected = opt ? *opt : (eco_query_options)ECO_QUERY_OPTIONS_INIT;
    igraph_vector_int_list_t reach;
    eco_i_view view;
    igraph_error_t ierr;
    unsigned char *keep = NULL;
    int rc;

    if (center >= eco_graph_actor_count(g))
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "no such actor");
    undirected.directed = 0; /* a neighbourhood is whoever is linked, whichever way */
    if ((rc = eco_i_view_build(&view, g, &undirected, err)) < 0)
        return rc;
    if ((ierr = igraph_vector_int_list_init(&reach, 0)) == IGRAPH_SUCCESS) {
        ierr = igraph_neighborhood(&view.graph, &reach, igraph_vss_1((igraph_integer_t)center),
                                   (igraph_integer_t)(hops > 1000000 ? 1000000 : hops), IGRAPH_ALL, 0);
        if (ierr == IGRAPH_SUCCESS && (keep = calloc(eco_graph_actor_count(g) + 1, 1))) {
            const igraph_vector_int_t *members = igraph_vector_int_list_get_ptr(&reach, 0);
            for (igraph_integer_t i = 0; i < igraph_vector_int_size(members); i++)
                keep[VECTOR(*members)[i]] = 1;
        }
        igraph_vector_int_list_destroy(&reach);
    }
    eco_i_view_destroy(&view);
    if (ierr != IGRAPH_SUCCESS)
        return eco_i_igraph_error(ierr, err);
    if (!keep)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
    rc = eco_i_subgraph(out, g, keep, undirected.kinds, 0, err);
    free(keep);
    return rc;
}

int eco_query_ego(eco_graph **out, const eco_graph *g, size_t center, size_t hops,
                  const eco_query_options *opt, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = query_ego(out, g, center, hops, opt, err);
    eco_i_dependencies_unlock();
    return rc;
}

/* ---- Names that come close -------------------------------------------------------------- */

/* How far name is from actor i: the smallest edit distance to any of its folded names, or
 * 1 for a name that holds the query whole (a word of a long name). */
static size_t distance_to(const eco_graph *g, size_t i, const char *folded_query)
{
    const eco_actor *a = eco_graph_actor(g, i);
    size_t best = (size_t)-1;
    char folded[512];

    for (size_t k = 0; k <= a->alias_count; k++) {
        eco_name_fold(folded, sizeof(folded), k == 0 ? a->name : a->aliases[k - 1]);
        size_t d = *folded_query && strstr(folded, folded_query)
                       ? 1
                       : eco_name_distance(folded, folded_query);
        if (d < best)
            best = d;
    }
    return best;
}

typedef struct candidate {
    size_t actor, distance;
} candidate;

static int by_distance(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

size_t eco_query_similar_names(size_t *out, size_t max, const eco_graph *g, const char *name)
{
    size_t n = eco_graph_actor_count(g), found;
    candidate *all = malloc((n ? n : 1) * sizeof(*all));
    char query[512];

    if (!all)
        return 0;
    eco_name_fold(query, sizeof(query), name);
    for (size_t i = 0; i < n; i++)
        all[i] = (candidate){i, distance_to(g, i, query)};
    qsort(all, n, sizeof(*all), by_distance);
    found = n < max ? n : max;
    for (size_t i = 0; i < found; i++)
        out[i] = all[i].actor;
    free(all);
    return found;
}
