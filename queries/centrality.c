/*
 * queries/centrality.c - centralities per actor, on igraph where it has them, with the
 * conventions of NetworkX where the two differ (normalised betweenness, eigenvector scale).
 * Betweenness, the costly one, has its own parallel code in betweenness.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "queries_internal.h"

static const char *const measure_names[ECO_MEASURE_COUNT] = {
    "degree",      "strength",   "betweenness", "betweenness_norm", "harmonic",
    "closeness",   "eigenvector", "pagerank",   "coreness",         "clustering",
    "constraint",  "effective_size", "efficiency", "hierarchy"};

const char *eco_measure_name(eco_measure measure)
{
    return (unsigned)measure < ECO_MEASURE_COUNT ? measure_names[measure] : NULL;
}

int eco_measure_from_name(eco_measure *out, const char *name)
{
    if (!name)
        return ECO_EUSAGE;
    for (int m = 0; m < ECO_MEASURE_COUNT; m++) {
        if (strcasecmp(name, measure_names[m]) == 0) {
            *out = (eco_measure)m;
            return 0;
        }
    }
    if (strcasecmp(name, "weighted_degree") == 0) {
        *out = ECO_MEASURE_STRENGTH;
        return 0;
    }
    return ECO_EUSAGE;
}

/* Copies an integer result into out. */
static void from_ints(double *out, const igraph_vector_int_t *v)
{
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); i++)
        out[i] = (double)VECTOR(*v)[i];
}

static igraph_error_t integer_measure(const eco_i_view *view, eco_measure measure, double *out)
{
    igraph_vector_int_t v;
    igraph_error_t ierr;

    IGRAPH_CHECK(igraph_vector_int_init(&v, 0));
    if (measure == ECO_MEASURE_DEGREE)
        ierr = igraph_degree(&view->graph, &v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
    else
        ierr = igraph_coreness(&view->graph, &v, IGRAPH_ALL);
    if (ierr == IGRAPH_SUCCESS)
        from_ints(out, &v);
    igraph_vector_int_destroy(&v);
    return ierr;
}

/* The leading eigenvector with unit Euclidean length, as NetworkX scales it. */
static igraph_error_t eigenvector(const eco_i_view *view, igraph_vector_t *res)
{
    igraph_arpack_options_t options;
    igraph_real_t value, norm = 0;

    igraph_arpack_options_init(&options);
    IGRAPH_CHECK(igraph_eigenvector_centrality(&view->graph, res, &value, view->directed, 1,
                                               eco_i_view_weights(view), &options));
    for (igraph_integer_t i = 0; i < igraph_vector_size(res); i++)
        norm += VECTOR(*res)[i] * VECTOR(*res)[i];
    if (norm > 0)
        igraph_vector_scale(res, 1.0 / sqrt(norm));
    return IGRAPH_SUCCESS;
}

/* Local clustering on the undirected, unweighted map. */
static igraph_error_t clustering(const eco_i_view *view, igraph_vector_t *res)
{
    igraph_t undirected;
    igraph_error_t ierr;

    if (!view->directed)
        return igraph_transitivity_local_undirected(&view->graph, res, igraph_vss_all(),
                                                    IGRAPH_TRANSITIVITY_ZERO);
    IGRAPH_CHECK(igraph_copy(&undirected, &view->graph));
    ierr = igraph_to_undirected(&undirected, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL);
    if (ierr == IGRAPH_SUCCESS)
        ierr = igraph_transitivity_local_undirected(&undirected, res, igraph_vss_all(),
                                                    IGRAPH_TRANSITIVITY_ZERO);
    igraph_destroy(&undirected);
    return ierr;
}

static igraph_error_t real_measure(const eco_i_view *view, eco_measure measure, igraph_vector_t *res)
{
    const igraph_t *g = &view->graph;
    igraph_neimode_t towards = view->directed ? IGRAPH_IN : IGRAPH_ALL;

    switch (measure) {
    case ECO_MEASURE_STRENGTH:
        return igraph_strength(g, res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                               &view->weights);
    case ECO_MEASURE_HARMONIC:
        return igraph_harmonic_centrality(g, res, igraph_vss_all(), towards,
                                          eco_i_view_lengths(view), 0);
    case ECO_MEASURE_CLOSENESS:
        /* igraph's normalised closeness is 1 / mean distance to the reachable: (r-1)/sum. */
        return igraph_closeness(g, res, NULL, NULL, igraph_vss_all(), towards,
                                eco_i_view_lengths(view), 1);
    case ECO_MEASURE_EIGENVECTOR:
        return eigenvector(view, res);
    case ECO_MEASURE_PAGERANK:
        return igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, res, NULL, igraph_vss_all(),
                               view->directed, 0.85, eco_i_view_weights(view), NULL);
    case ECO_MEASURE_CLUSTERING:
        return clustering(view, res);
    default:
        return IGRAPH_EINVAL;
    }
}

static int query_measure(double *out, const eco_graph *g, eco_measure measure,
                         const eco_query_options *opt, eco_error *err)
{
    eco_i_view view;
    igraph_vector_t res;
    igraph_error_t ierr;
    int rc;

    if ((unsigned)measure >= ECO_MEASURE_COUNT)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "unknown measure");
    if (measure >= ECO_MEASURE_CONSTRAINT)
        return eco_i_structural_holes(out, g, measure, opt, err);
    if ((rc = eco_i_view_build(&view, g, opt, err)) < 0)
        return rc;
    if (measure == ECO_MEASURE_BETWEENNESS || measure == ECO_MEASURE_BETWEENNESS_NORM) {
        /* Our own Brandes (betweenness.c): threads, and no igraph allocation per source. */
        rc = eco_i_betweenness(out, &view, measure == ECO_MEASURE_BETWEENNESS_NORM, opt);
        eco_i_view_destroy(&view);
        return rc < 0 ? eco_error_set(err, rc, NULL, 0, 0, "out of memory computing betweenness")
                      : 0;
    }
    eco_i_progress_begin(opt);
    if (measure == ECO_MEASURE_DEGREE || measure == ECO_MEASURE_CORENESS) {
        ierr = integer_measure(&view, measure, out);
    } else if ((ierr = igraph_vector_init(&res, 0)) == IGRAPH_SUCCESS) {
        ierr = real_measure(&view, measure, &res);
        if (ierr == IGRAPH_SUCCESS)
            memcpy(out, VECTOR(res), sizeof(double) * (size_t)igraph_vector_size(&res));
        igraph_vector_destroy(&res);
    }
    eco_i_progress_end();
    eco_i_view_destroy(&view);
    return ierr == IGRAPH_SUCCESS ? 0 : eco_i_igraph_error(ierr, err);
}

/* The measures that cost actors x ties, worth a file in the measure folder; the others are
 * kept on the graph for the run only. */
static int costly(eco_measure measure)
{
    return measure == ECO_MEASURE_BETWEENNESS || measure == ECO_MEASURE_BETWEENNESS_NORM ||
           measure == ECO_MEASURE_HARMONIC || measure == ECO_MEASURE_CLOSENESS;
}

int eco_query_measure(double *out, const eco_graph *g, eco_measure measure,
                      const eco_query_options *opt, eco_error *err)
{
    size_t n = eco_graph_actor_count(g);
    char what[160] = "", name[40];
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    if ((unsigned)measure < ECO_MEASURE_COUNT) {
        snprintf(name, sizeof(name), "measure %s", eco_measure_name(measure));
        eco_i_measure_what(what, sizeof(what), name, opt);
        if (eco_i_measure_recall(g, what, out, n, costly(measure)))
            goto unlock;
    }
    /* a result that cannot be kept is still the result: only the next call pays again */
    if ((rc = query_measure(out, g, measure, opt, err)) == 0 && *what)
        eco_i_measure_keep(g, what, out, n, costly(measure));
unlock:
    eco_i_dependencies_unlock();
    return rc;
}
