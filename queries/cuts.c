/* queries/cuts.c - the actors and links that alone hold parts of the map together. */
#include <stdlib.h>

#include "queries_internal.h"

void eco_cuts_free(eco_cuts *cuts)
{
    if (!cuts)
        return;
    free(cuts->cut_points);
    free(cuts->separated);
    free(cuts->bridges);
    free(cuts);
}

/*
 * The actors that lose their way to the rest when cut is removed: every piece of cut's
 * component left without it, but the largest.  Breadth-first from each neighbour of cut.
 */
static size_t separated_by(const igraph_adjlist_t *adj, size_t cut, size_t n, int *mark,
                           igraph_integer_t *queue)
{
    igraph_vector_int_t *around = igraph_adjlist_get(adj, cut);
    size_t total = 0, largest = 0;

    for (size_t i = 0; i < n; i++)
        mark[i] = 0;
    mark[cut] = 1;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(around); k++) {
        igraph_integer_t start = VECTOR(*around)[k], head = 0, tail = 0;
        if (mark[start])
            continue;
        mark[start] = 1;
        queue[tail++] = start;
        while (head < tail) {
            igraph_vector_int_t *next = igraph_adjlist_get(adj, queue[head++]);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(next); j++)
                if (!mark[VECTOR(*next)[j]]) {
                    mark[VECTOR(*next)[j]] = 1;
                    queue[tail++] = VECTOR(*next)[j];
                }
        }
        total += (size_t)tail;
        if ((size_t)tail > largest)
            largest = (size_t)tail;
    }
    return total - largest;
}


typedef struct cut_order {
    size_t actor, separated;
} cut_order;

static int compare_cuts(const void *a, const void *b)
{
    const cut_order *x = a, *y = b;
    if (x->separated != y->separated)
        return x->separated < y->separated ? 1 : -1;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

static int find_cut_points(eco_cuts *cuts, const eco_i_view *view, size_t n)
{
    igraph_vector_int_t points;
    igraph_adjlist_t adj;
    int *mark = malloc((n ? n : 1) * sizeof(*mark));
    igraph_integer_t *queue = malloc((n ? n : 1) * sizeof(*queue));
    cut_order *order = NULL;
    int rc = ECO_ENOMEM;

    if (!mark || !queue || igraph_vector_int_init(&points, 0) != IGRAPH_SUCCESS)
        goto done;
    if (igraph_articulation_points(&view->graph, &points) != IGRAPH_SUCCESS ||
        igraph_adjlist_init(&view->graph, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE) !=
            IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&points);
        goto done;
    }
    cuts->cut_point_count = (size_t)igraph_vector_int_size(&points);
    order = malloc((cuts->cut_point_count + 1) * sizeof(*order));
    cuts->cut_points = malloc((cuts->cut_point_count + 1) * sizeof(size_t));
    cuts->separated = malloc((cuts->cut_point_count + 1) * sizeof(size_t));
    if (order && cuts->cut_points && cuts->separated) {
        for (size_t i = 0; i < cuts->cut_point_count; i++) {
            size_t actor = (size_t)VECTOR(points)[i];
            order[i] = (cut_order){actor, separated_by(&adj, actor, n, mark, queue)};
        }
        qsort(order, cuts->cut_point_count, sizeof(*order), compare_cuts);
        for (size_t i = 0; i < cuts->cut_point_count; i++) {
            cuts->cut_points[i] = order[i].actor;
            cuts->separated[i] = order[i].separated;
        }
        rc = 0;
    }
    igraph_adjlist_destroy(&adj);
    igraph_vector_int_destroy(&points);
done:
    free(order);
    free(mark);
    free(queue);
    return rc;
}

static int find_bridges(eco_cuts *cuts, const eco_i_view *view)
{
    igraph_vector_int_t edges;
    int rc = ECO_ENOMEM;

    if (igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS)
        return rc;
    if (igraph_bridges(&view->graph, &edges) == IGRAPH_SUCCESS) {
        igraph_vector_int_sort(&edges); /* in the order the links were made */
        cuts->bridge_count = (size_t)igraph_vector_int_size(&edges);
        cuts->bridges = malloc((2 * cuts->bridge_count + 1) * sizeof(size_t));
        if (cuts->bridges) {
            for (size_t i = 0; i < cuts->bridge_count; i++) {
                size_t a = (size_t)IGRAPH_FROM(&view->graph, VECTOR(edges)[i]);
                size_t b = (size_t)IGRAPH_TO(&view->graph, VECTOR(edges)[i]);
                cuts->bridges[2 * i] = a < b ? a : b; /* the actor added first, first */
                cuts->bridges[2 * i + 1] = a < b ? b : a;
            }
            rc = 0;
        }
    }
    igraph_vector_int_destroy(&edges);
    return rc;
}

static int query_cuts(eco_cuts **out, const eco_graph *g, const eco_query_options *opt,
                      eco_error *err)
{
    eco_query_options undirected = opt ? *opt : (eco_query_options)ECO_QUERY_OPTIONS_INIT;
    eco_cuts *cuts = calloc(1, sizeof(*cuts));
    eco_i_view view;
    int rc;

    if (!cuts)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory finding cut-points");
    undirected.directed = 0; /* cut-points are about reaching at all, whatever the direction */
    if ((rc = eco_i_view_build(&view, g, &undirected, err)) < 0) {
        eco_cuts_free(cuts);
        return rc;
    }
    if ((rc = find_cut_points(cuts, &view, eco_graph_actor_count(g))) == 0)
        rc = find_bridges(cuts, &view);
    eco_i_view_destroy(&view);
    if (rc < 0) {
        eco_cuts_free(cuts);
        return eco_error_set(err, rc, NULL, 0, 0, "out of memory finding cut-points");
    }
    *out = cuts;
    return 0;
}

int eco_query_cuts(eco_cuts **out, const eco_graph *g, const eco_query_options *opt, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = query_cuts(out, g, opt, err);
    eco_i_dependencies_unlock();
    return rc;
}
