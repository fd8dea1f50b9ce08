/*
 * queries/holes.c - Burt's structural holes: constraint, effective size, efficiency and
 * hierarchy, with the formulas NetworkX uses for the first three (its
 * normalized_mutual_weight), so that the numbers can be checked against it.
 *
 * For actor u with contacts N(u) (linked either way), the mutual weight of u and v is
 * a(u,v) + a(v,u), a being the link's weight (or 1) in that direction; p(u,v) is that
 * divided by the sum of u's mutual weights, m(u,v) by their maximum.  Then
 *   constraint(u)     = sum over v of c(u,v), c(u,v) = (p(u,v) + sum_w p(u,w) p(w,v))^2
 *   effective_size(u) = sum over v of (1 - sum_w p(u,w) m(v,w))
 *   efficiency(u)     = effective_size(u) / |N(u)|
 *   hierarchy(u)      = sum_v r ln r / (|N| ln |N|), r = c(u,v) / (constraint(u) / |N|)
 */
#include <math.h>
#include <stdlib.h>

#include "queries_internal.h"

typedef struct holes {
    const eco_i_view *view;
    eco_i_map arcs;      /* (from << 32 | to) -> edge, each direction of an undirected link */
    igraph_adjlist_t contacts; /* N(u): linked either way, each once */
    int contacts_ready;        /* whether contacts was initialised */
    double *sum, *max;   /* per actor: sum and maximum of its mutual weights */
} holes;

static double arc_weight(const holes *h, size_t from, size_t to)
{
    size_t e;
    if (!eco_i_map_get(&h->arcs, ((uint64_t)from << 32) | to, &e))
        return 0;
    return h->view->weighted ? VECTOR(h->view->weights)[e] : 1.0;
}

static double mutual(const holes *h, size_t u, size_t v)
{
    return arc_weight(h, u, v) + arc_weight(h, v, u);
}

static double p(const holes *h, size_t u, size_t v)
{
    return h->sum[u] > 0 ? mutual(h, u, v) / h->sum[u] : 0;
}

static double m(const holes *h, size_t u, size_t v)
{
    return h->max[u] > 0 ? mutual(h, u, v) / h->max[u] : 0;
}

static int holes_init(holes *h, const eco_i_view *view)
{
    igraph_integer_t n = igraph_vcount(&view->graph);

    h->view = view;
    h->sum = calloc((size_t)n + 1, sizeof(double));
    h->max = calloc((size_t)n + 1, sizeof(double));
    if (!h->sum || !h->max)
        return ECO_ENOMEM;
    for (igraph_integer_t e = 0; e < igraph_ecount(&view->graph); e++) {
        uint64_t a = (uint64_t)IGRAPH_FROM(&view->graph, e), b = (uint64_t)IGRAPH_TO(&view->graph, e);
        if (eco_i_map_put(&h->arcs, (a << 32) | b, (size_t)e) < 0 ||
            (!view->directed && eco_i_map_put(&h->arcs, (b << 32) | a, (size_t)e) < 0))
            return ECO_ENOMEM;
    }
    if (igraph_adjlist_init(&view->graph, &h->contacts, IGRAPH_ALL, IGRAPH_NO_LOOPS,
                            IGRAPH_NO_MULTIPLE) != IGRAPH_SUCCESS)
        return ECO_ENOMEM;
    h->contacts_ready = 1;
    for (igraph_integer_t u = 0; u < n; u++) {
        igraph_vector_int_t *nu = igraph_adjlist_get(&h->contacts, u);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(nu); k++) {
            double w = mutual(h, (size_t)u, (size_t)VECTOR(*nu)[k]);
            h->sum[u] += w;
            if (w > h->max[u])
                h->max[u] = w;
        }
    }
    return 0;
}

static void holes_destroy(holes *h)
{
    eco_i_map_free(&h->arcs);
    if (h->contacts_ready)
        igraph_adjlist_destroy(&h->contacts);
    free(h->sum);
    free(h->max);
}

static double local_constraint(const holes *h, size_t u, size_t v)
{
    const igraph_vector_int_t *nu = igraph_adjlist_get(&h->contacts, u);
    double indirect = 0;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(nu); k++) {
        size_t w = (size_t)VECTOR(*nu)[k];
        indirect += p(h, u, w) * p(h, w, v);
    }
    double c = p(h, u, v) + indirect;
    return c * c;
}

static double effective_size(const holes *h, size_t u)
{
    const igraph_vector_int_t *nu = igraph_adjlist_get(&h->contacts, u);
    double size = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(nu); i++) {
        size_t v = (size_t)VECTOR(*nu)[i];
        double redundancy = 0;
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(nu); k++) {
            size_t w = (size_t)VECTOR(*nu)[k];
            redundancy += p(h, u, w) * m(h, v, w);
        }
        size += 1 - redundancy;
    }
    return size;
}

static double constraint_or_hierarchy(const holes *h, size_t u, int hierarchy)
{
    const igraph_vector_int_t *nu = igraph_adjlist_get(&h->contacts, u);
    igraph_integer_t n = igraph_vector_int_size(nu);
    double total = 0, sum = 0;

    for (igraph_integer_t i = 0; i < n; i++)
        total += local_constraint(h, u, (size_t)VECTOR(*nu)[i]);
    if (!hierarchy)
        return total;
    if (n < 2 || total <= 0)
        return NAN;
    for (igraph_integer_t i = 0; i < n; i++) {
        double r = local_constraint(h, u, (size_t)VECTOR(*nu)[i]) / (total / (double)n);
        if (r > 0)
            sum += r * log(r);
    }
    return sum / ((double)n * log((double)n));
}

static double measure_of(const holes *h, size_t u, eco_measure measure)
{
    igraph_integer_t n = igraph_vector_int_size(igraph_adjlist_get(&h->contacts, u));

    if (n == 0)
        return NAN; /* Burt's measures say nothing of an actor without contacts */
    switch (measure) {
    case ECO_MEASURE_CONSTRAINT:
        return constraint_or_hierarchy(h, u, 0);
    case ECO_MEASURE_HIERARCHY:
        return constraint_or_hierarchy(h, u, 1);
    case ECO_MEASURE_EFFECTIVE_SIZE:
        return effective_size(h, u);
    default:
        return effective_size(h, u) / (double)n;
    }
}

int eco_i_structural_holes(double *out, const eco_graph *g, eco_measure measure,
                           const eco_query_options *opt, eco_error *err)
{
    eco_i_view view;
    holes h = {0};
    int rc;

    if ((rc = eco_i_view_build(&view, g, opt, err)) < 0)
        return rc;
    if ((rc = holes_init(&h, &view)) == 0)
        for (size_t u = 0; u < eco_graph_actor_count(g); u++)
            out[u] = measure_of(&h, u, measure);
    holes_destroy(&h);
    eco_i_view_destroy(&view);
    return rc < 0 ? eco_error_set(err, rc, NULL, 0, 0, "out of memory computing %s",
                                  eco_measure_name(measure))
                  : 0;
}
