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
 *
 * The sums over w add something only where w is a contact of both u and v: a triangle.
 * So each triangle of contacts (contacts.c) adds its six terms, one per ordered pair of its
 * corners, into a sum kept per entry (u, v); then each actor reads its own entries.  The
 * cost is the triangles', O(m sqrt m) at worst, where a sum over every pair of contacts cost
 * the square of a hub's degree.
 */
#include <math.h>
#include <stdlib.h>

#include "queries_internal.h"

typedef struct holes {
    eco_i_contacts c;   /* the contacts, with the weight each way */
    double *mutual;     /* per entry (u, v): a(u,v) + a(v,u) */
    double *sum, *max;  /* per actor: sum and maximum of its mutual weights */
    double *indirect;   /* per entry (u, v): sum over w of p(u,w) p(w,v) */
    double *redundancy; /* per entry (u, v): sum over w of p(u,w) m(v,w) */
} holes;

static void holes_free(holes *h)
{
    eco_i_contacts_free(&h->c);
    free(h->mutual);
    free(h->sum);
    free(h->max);
    free(h->indirect);
    free(h->redundancy);
}

/* p(u, v) for the entry e of u's run pointing at v. */
static double p(const holes *h, int32_t u, int32_t e)
{
    return h->sum[u] > 0 ? h->mutual[e] / h->sum[u] : 0;
}

static double m(const holes *h, int32_t u, int32_t e)
{
    return h->max[u] > 0 ? h->mutual[e] / h->max[u] : 0;
}

/* The terms of the ordered pair (x, y) of a triangle whose third corner is z: xz is x's
 * entry for z, zy z's entry for y, yz y's entry for z. */
static void add_pair(holes *h, int32_t xy, int32_t xz, int32_t zy, int32_t yz)
{
    const eco_i_contacts *c = &h->c;
    int32_t x = c->other[c->twin[xy]], y = c->other[xy], z = c->other[xz];
    double pxz = p(h, x, xz);

    h->indirect[xy] += pxz * p(h, z, zy);
    h->redundancy[xy] += pxz * m(h, y, yz);
}

static void add_triangle(void *context, int32_t uv, int32_t vw, int32_t uw)
{
    holes *h = context;
    const int32_t *twin = h->c.twin;
    int32_t vu = twin[uv], wv = twin[vw], wu = twin[uw];

    add_pair(h, uv, uw, wv, vw);
    add_pair(h, vu, vw, wu, uw);
    add_pair(h, uw, uv, vw, wv);
    add_pair(h, wu, wv, vu, uv);
    add_pair(h, vw, vu, uw, wu);
    add_pair(h, wv, wu, uv, vu);
}

static int holes_init(holes *h, const eco_i_view *view)
{
    int32_t n, entries;
    int rc;

    if ((rc = eco_i_contacts_build(&h->c, view, view->weighted)) < 0)
        return rc;
    n = h->c.n;
    entries = h->c.start[n];
    h->mutual = malloc(((size_t)entries + 1) * sizeof(double));
    h->indirect = calloc((size_t)entries + 1, sizeof(double));
    h->redundancy = calloc((size_t)entries + 1, sizeof(double));
    h->sum = calloc((size_t)n + 1, sizeof(double));
    h->max = calloc((size_t)n + 1, sizeof(double));
    if (!h->mutual || !h->indirect || !h->redundancy || !h->sum || !h->max)
        return ECO_ENOMEM;
    for (int32_t u = 0; u < n; u++)
        for (int32_t e = h->c.start[u]; e < h->c.start[u + 1]; e++) {
            double w = (h->c.out_weight[e] > 0 ? h->c.out_weight[e] : 0) +
                       (h->c.in_weight[e] > 0 ? h->c.in_weight[e] : 0);
            h->mutual[e] = w;
            h->sum[u] += w;
            if (w > h->max[u])
                h->max[u] = w;
        }
    return eco_i_contacts_triangles(&h->c, add_triangle, h);
}

static double local_constraint(const holes *h, int32_t u, int32_t e)
{
    double c = p(h, u, e) + h->indirect[e];
    return c * c;
}

static double constraint_or_hierarchy(const holes *h, int32_t u, int hierarchy)
{
    int32_t first = h->c.start[u], end = h->c.start[u + 1], n = end - first;
    double total = 0, sum = 0;

    for (int32_t e = first; e < end; e++)
        total += local_constraint(h, u, e);
    if (!hierarchy)
        return total;
    if (n < 2 || total <= 0)
        return NAN;
    for (int32_t e = first; e < end; e++) {
        double r = local_constraint(h, u, e) / (total / (double)n);
        if (r > 0)
            sum += r * log(r);
    }
    return sum / ((double)n * log((double)n));
}

static double effective_size(const holes *h, int32_t u)
{
    double size = 0;
    for (int32_t e = h->c.start[u]; e < h->c.start[u + 1]; e++)
        size += 1 - h->redundancy[e];
    return size;
}

static double measure_of(const holes *h, int32_t u, eco_measure measure)
{
    int32_t n = h->c.start[u + 1] - h->c.start[u];

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
        for (int32_t u = 0; u < h.c.n; u++)
            out[u] = measure_of(&h, u, measure);
    holes_free(&h);
    eco_i_view_destroy(&view);
    return rc < 0 ? eco_error_set(err, rc, NULL, 0, 0, "out of memory computing %s",
                                  eco_measure_name(measure))
                  : 0;
}
