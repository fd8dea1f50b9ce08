/* queries/communities.c - groups of actors more tied among themselves than to the rest. */
#include <stdlib.h>

#include "queries_internal.h"

void eco_communities_free(eco_communities *c)
{
    if (!c)
        return;
    free(c->membership);
    free(c);
}

typedef struct community_size {
    size_t label, size, first; /* igraph's label, members, lowest member */
} community_size;

static int by_size(const void *a, const void *b)
{
    const community_size *x = a, *y = b;
    if (x->size != y->size)
        return x->size < y->size ? 1 : -1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Renumbers communities: 0 the largest, ties broken by the lowest actor index, so that the
 * numbers do not depend on the algorithm's labels. */
static int relabel(eco_communities *c, const igraph_vector_int_t *membership, size_t count)
{
    community_size *sizes = calloc(count ? count : 1, sizeof(*sizes));
    size_t *rank = malloc((count ? count : 1) * sizeof(*rank));

    if (!sizes || !rank) {
        free(sizes);
        free(rank);
        return ECO_ENOMEM;
    }
    for (size_t k = 0; k < count; k++)
        sizes[k] = (community_size){k, 0, (size_t)-1};
    for (size_t i = 0; i < c->actor_count; i++) {
        community_size *s = &sizes[VECTOR(*membership)[i]];
        if (s->size++ == 0)
            s->first = i;
    }
    qsort(sizes, count, sizeof(*sizes), by_size);
    for (size_t k = 0; k < count; k++)
        rank[sizes[k].label] = k;
    for (size_t i = 0; i < c->actor_count; i++)
        c->membership[i] = rank[VECTOR(*membership)[i]];
    free(sizes);
    free(rank);
    return 0;
}

static igraph_error_t detect(const eco_i_view *view, eco_community_method method,
                             igraph_vector_int_t *membership)
{
    const igraph_vector_t *weights = eco_i_view_weights(view);
    igraph_vector_t strength;
    igraph_integer_t clusters;
    igraph_real_t total = 0;
    igraph_error_t ierr;

    if (igraph_ecount(&view->graph) == 0) {
        /* Nothing ties any actor to another: each is its own community.  (igraph's Leiden
         * never settles on a map without ties.) */
        IGRAPH_CHECK(igraph_vector_int_resize(membership, igraph_vcount(&view->graph)));
        for (igraph_integer_t i = 0; i < igraph_vcount(&view->graph); i++)
            VECTOR(*membership)[i] = i;
        return IGRAPH_SUCCESS;
    }
    if (method == ECO_COMMUNITY_LOUVAIN)
        return igraph_community_multilevel(&view->graph, weights, 1.0, membership, NULL, NULL);
    /* Leiden optimises modularity when node weights are strengths and the resolution is
     * 1 / (2m), m the total weight (igraph's documentation). */
    IGRAPH_CHECK(igraph_vector_init(&strength, 0));
    ierr = igraph_strength(&view->graph, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                           weights);
    for (igraph_integer_t i = 0; ierr == IGRAPH_SUCCESS && i < igraph_vector_size(&strength); i++)
        total += VECTOR(strength)[i];
    if (ierr == IGRAPH_SUCCESS)
        ierr = igraph_community_leiden(&view->graph, weights, &strength, total > 0 ? 1.0 / total : 1,
                                       0.01, 0, -1, membership, &clusters, NULL);
    igraph_vector_destroy(&strength);
    return ierr;
}

static int query_communities(eco_communities **out, const eco_graph *g, eco_community_method method,
                             const eco_query_options *opt, eco_error *err)
{
    eco_query_options undirected = opt ? *opt : (eco_query_options)ECO_QUERY_OPTIONS_INIT;
    eco_communities *c = calloc(1, sizeof(*c));
    igraph_vector_int_t membership;
    eco_i_view view;
    igraph_error_t ierr;
    int rc;

    if (!c)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
    undirected.directed = 0;
    if ((rc = eco_i_view_build(&view, g, &undirected, err)) < 0) {
        free(c);
        return rc;
    }
    c->actor_count = eco_graph_actor_count(g);
    if ((ierr = igraph_vector_int_init(&membership, 0)) == IGRAPH_SUCCESS) {
        igraph_rng_seed(igraph_rng_default(), 20261124); /* the same map, the same communities */
        ierr = detect(&view, method, &membership);
        /* Modularity is undefined without ties (igraph gives NaN); 0 says "no structure"
         * and keeps every output a number. */
        if (ierr == IGRAPH_SUCCESS && igraph_ecount(&view.graph) > 0)
            ierr = igraph_modularity(&view.graph, &membership, eco_i_view_weights(&view), 1.0, 0,
                                     &c->modularity);
        if (ierr == IGRAPH_SUCCESS) {
            c->count = c->actor_count ? (size_t)igraph_vector_int_max(&membership) + 1 : 0;
            c->membership = malloc((c->actor_count + 1) * sizeof(size_t));
            rc = c->membership ? relabel(c, &membership, c->count) : ECO_ENOMEM;
        }
        igraph_vector_int_destroy(&membership);
    }
    eco_i_view_destroy(&view);
    if (ierr != IGRAPH_SUCCESS || rc < 0) {
        eco_communities_free(c);
        return ierr != IGRAPH_SUCCESS ? eco_i_igraph_error(ierr, err)
                                      : eco_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    *out = c;
    return 0;
}

int eco_query_communities(eco_communities **out, const eco_graph *g, eco_community_method method,
                          const eco_query_options *opt, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = query_communities(out, g, method, opt, err);
    eco_i_dependencies_unlock();
    return rc;
}
