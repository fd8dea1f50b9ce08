/*
 * queries/contacts.c - each actor's contacts (linked either way) in sorted runs, with the
 * link's weight each way, and the triangles among them: what Burt's measures (holes.c) and
 * the brokerage roles (brokerage.c) read.
 *
 * Both sum over pairs of an actor's contacts, and a pair adds something only where its two
 * contacts are linked too: a triangle.  Enumerating each triangle once, from the end of
 * lower degree (Chiba and Nishizeki's order), costs O(m sqrt m) at worst and far less on
 * ecosystem maps, where a hub tied to half the others costs its ties, not their square, as
 * a hash lookup for every pair of its contacts did.
 */
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

void eco_i_contacts_free(eco_i_contacts *c)
{
    free(c->start);
    free(c->other);
    free(c->out_weight);
    free(c->in_weight);
    free(c->twin);
    memset(c, 0, sizeof(*c));
}

/* One end's view of a link, before the ends are sorted and joined. */
typedef struct half {
    int32_t owner, other; /* the actor whose run it joins, and its contact */
    double out, in;       /* weight owner -> other and other -> owner; -1 when no such arc */
} half;

/* Sorts halves by owner, then other, in O(count + n): counted out by other, then stably by
 * owner.  by_other has room for count halves. */
static int sort_halves(half **items, size_t count, int32_t n)
{
    size_t *slots = calloc((size_t)n + 1, sizeof(*slots));
    half *by_other = malloc((count ? count : 1) * sizeof(*by_other)), *h = *items;

    if (!slots || !by_other) {
        free(slots);
        free(by_other);
        return ECO_ENOMEM;
    }
    for (size_t i = 0; i < count; i++)
        slots[h[i].other + 1]++;
    for (int32_t v = 0; v < n; v++)
        slots[v + 1] += slots[v];
    for (size_t i = 0; i < count; i++)
        by_other[slots[h[i].other]++] = h[i];
    memset(slots, 0, ((size_t)n + 1) * sizeof(*slots));
    for (size_t i = 0; i < count; i++)
        slots[by_other[i].owner + 1]++;
    for (int32_t v = 0; v < n; v++)
        slots[v + 1] += slots[v];
    for (size_t i = 0; i < count; i++)
        h[slots[by_other[i].owner]++] = by_other[i];
    free(slots);
    free(by_other);
    return 0;
}

/* The halves of every arc of the view, two per arc. */
static int halves_of(half **out, size_t *count, const eco_i_view *view, int weighted)
{
    igraph_integer_t m = igraph_ecount(&view->graph);
    half *h;

    if ((size_t)m > (size_t)INT32_MAX / 2 || !(h = malloc(((size_t)m * 2 + 1) * sizeof(*h))))
        return ECO_ENOMEM;
    for (igraph_integer_t e = 0; e < m; e++) {
        int32_t a = (int32_t)IGRAPH_FROM(&view->graph, e), b = (int32_t)IGRAPH_TO(&view->graph, e);
        double w = weighted ? VECTOR(view->weights)[e] : 1.0;
        /* an undirected link is an arc each way, as NetworkX's mutual weight reads it */
        double back = view->directed ? -1 : w;
        h[2 * e] = (half){a, b, w, back};
        h[2 * e + 1] = (half){b, a, back, w};
    }
    *out = h;
    *count = (size_t)m * 2;
    return 0;
}

/* Joins the halves of one pair (both arcs of a directed pair) into one entry. */
static size_t join_halves(half *h, size_t count)
{
    size_t kept = 0;
    for (size_t i = 0; i < count; i++) {
        if (kept && h[kept - 1].owner == h[i].owner && h[kept - 1].other == h[i].other) {
            if (h[i].out >= 0)
                h[kept - 1].out = h[i].out;
            if (h[i].in >= 0)
                h[kept - 1].in = h[i].in;
            continue;
        }
        h[kept++] = h[i];
    }
    return kept;
}

/* twin[e] for every entry: runs are sorted, so the owners below v meet v's entries in order. */
static int link_twins(eco_i_contacts *c)
{
    int32_t *cursor = malloc(((size_t)c->n + 1) * sizeof(*cursor));

    if (!cursor)
        return ECO_ENOMEM;
    memcpy(cursor, c->start, (size_t)c->n * sizeof(*cursor));
    for (int32_t u = 0; u < c->n; u++)
        for (int32_t e = c->start[u]; e < c->start[u + 1]; e++) {
            int32_t v = c->other[e];
            if (v > u) {
                int32_t back = cursor[v]++;
                c->twin[e] = back;
                c->twin[back] = e;
            }
        }
    free(cursor);
    return 0;
}

int eco_i_contacts_build(eco_i_contacts *c, const eco_i_view *view, int weighted)
{
    half *h = NULL;
    size_t count = 0, entries;
    int rc;

    memset(c, 0, sizeof(*c));
    c->n = (int32_t)igraph_vcount(&view->graph);
    if ((rc = halves_of(&h, &count, view, weighted)) < 0 || (rc = sort_halves(&h, count, c->n)) < 0)
        goto cleanup;
    entries = join_halves(h, count);
    c->start = calloc((size_t)c->n + 1, sizeof(*c->start));
    c->other = malloc((entries + 1) * sizeof(*c->other));
    c->out_weight = malloc((entries + 1) * sizeof(*c->out_weight));
    c->in_weight = malloc((entries + 1) * sizeof(*c->in_weight));
    c->twin = malloc((entries + 1) * sizeof(*c->twin));
    if (!c->start || !c->other || !c->out_weight || !c->in_weight || !c->twin) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    for (size_t e = 0; e < entries; e++) {
        c->start[h[e].owner + 1]++;
        c->other[e] = h[e].other;
        c->out_weight[e] = h[e].out; /* -1: no arc that way */
        c->in_weight[e] = h[e].in;
    }
    for (int32_t v = 0; v < c->n; v++)
        c->start[v + 1] += c->start[v];
    rc = link_twins(c);
cleanup:
    free(h);
    if (rc < 0)
        eco_i_contacts_free(c);
    return rc;
}

/* ---- Triangles -------------------------------------------------------------------------- */

/* Whether v comes after u in the order triangles are found in: by degree, then index. */
static int later(const eco_i_contacts *c, int32_t u, int32_t v)
{
    int32_t du = c->start[u + 1] - c->start[u], dv = c->start[v + 1] - c->start[v];
    return du < dv || (du == dv && u < v);
}

int eco_i_contacts_triangles(const eco_i_contacts *c, eco_i_triangle_fn fn, void *context)
{
    int32_t n = c->n, entries = c->start[n];
    int32_t *forward_start = malloc(((size_t)n + 1) * sizeof(*forward_start));
    int32_t *forward = malloc(((size_t)entries + 1) * sizeof(*forward));
    int32_t *mark = calloc((size_t)n + 1, sizeof(*mark));

    if (!forward_start || !forward || !mark) {
        free(forward_start);
        free(forward);
        free(mark);
        return ECO_ENOMEM;
    }
    /* each vertex's entries towards the vertices after it: a hub's list is its few
     * neighbours of higher degree, never its whole run */
    forward_start[0] = 0;
    for (int32_t u = 0, at = 0; u < n; u++) {
        for (int32_t e = c->start[u]; e < c->start[u + 1]; e++)
            if (later(c, u, c->other[e]))
                forward[at++] = e;
        forward_start[u + 1] = at;
    }
    for (int32_t u = 0; u < n; u++) {
        for (int32_t i = forward_start[u]; i < forward_start[u + 1]; i++)
            mark[c->other[forward[i]]] = forward[i] + 1;
        for (int32_t i = forward_start[u]; i < forward_start[u + 1]; i++) {
            int32_t uv = forward[i], v = c->other[uv];
            for (int32_t k = forward_start[v]; k < forward_start[v + 1]; k++) {
                int32_t vw = forward[k], uw = mark[c->other[vw]] - 1;
                if (uw >= 0)
                    fn(context, uv, vw, uw);
            }
        }
        for (int32_t i = forward_start[u]; i < forward_start[u + 1]; i++)
            mark[c->other[forward[i]]] = 0;
    }
    free(forward_start);
    free(forward);
    free(mark);
    return 0;
}
