/*
 * queries/dijkstra.c - the weighted search that exact betweenness and its estimate share:
 * Dijkstra on a binary heap over the compact layout, counting shortest paths with igraph's
 * tolerance for lengths equal up to rounding.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

int eco_i_length_cmp(double a, double b)
{
    /* igraph_cmp_epsilon with IGRAPH_SHORTEST_PATH_EPSILON: the same ties as igraph. */
    const double eps = 1e-10;
    double diff = a - b, sum = fabs(a) + fabs(b);

    if (a == b)
        return 0;
    if (a == 0 || b == 0 || sum < DBL_MIN)
        return fabs(diff) < eps * DBL_MIN ? 0 : (diff < 0 ? -1 : 1);
    if (!isfinite(sum))
        return fabs(diff) < eps * fabs(a) ? 0 : (diff < 0 ? -1 : 1);
    return fabs(diff) / sum < eps ? 0 : (diff < 0 ? -1 : 1);
}

void eco_i_search_free(eco_i_search *s)
{
    free(s->order);
    free(s->dist);
    free(s->sigma);
    free(s->heap);
    free(s->slot);
    memset(s, 0, sizeof(*s));
}

int eco_i_search_init(eco_i_search *s, int32_t n)
{
    size_t count = (size_t)n + 1;

    memset(s, 0, sizeof(*s));
    s->order = malloc(count * sizeof(*s->order));
    s->dist = calloc(count, sizeof(*s->dist));
    s->sigma = malloc(count * sizeof(*s->sigma));
    s->heap = malloc(count * sizeof(*s->heap));
    s->slot = malloc(count * sizeof(*s->slot));
    if (!s->order || !s->dist || !s->sigma || !s->heap || !s->slot) {
        eco_i_search_free(s);
        return ECO_ENOMEM;
    }
    for (int32_t v = 0; v < n; v++)
        s->slot[v] = -1;
    return 0;
}

static void heap_place(eco_i_search *s, int32_t at, int32_t v)
{
    s->heap[at] = v;
    s->slot[v] = at;
}

static void heap_up(eco_i_search *s, int32_t at)
{
    int32_t v = s->heap[at];
    while (at > 0) {
        int32_t parent = (at - 1) / 2;
        if (s->dist[s->heap[parent]] <= s->dist[v])
            break;
        heap_place(s, at, s->heap[parent]);
        at = parent;
    }
    heap_place(s, at, v);
}

static int32_t heap_pop(eco_i_search *s, int32_t *size)
{
    int32_t top = s->heap[0], v = s->heap[--*size], at = 0;

    while (2 * at + 1 < *size) {
        int32_t child = 2 * at + 1;
        if (child + 1 < *size && s->dist[s->heap[child + 1]] < s->dist[s->heap[child]])
            child++;
        if (s->dist[v] <= s->dist[s->heap[child]])
            break;
        heap_place(s, at, s->heap[child]);
        at = child;
    }
    if (*size > 0)
        heap_place(s, at, v);
    s->slot[top] = -2;
    return top;
}

int32_t eco_i_dijkstra(const eco_i_csr *g, eco_i_search *s, int32_t source, int32_t stop)
{
    const int32_t *start = g->out_start, *target = g->out_target;
    const double *length = g->out_length;
    double *dist = s->dist, *sigma = s->sigma;
    int32_t size = 0, reached = 0;

    dist[source] = 1.0;
    sigma[source] = 1;
    heap_place(s, size++, source);
    while (size > 0) {
        int32_t v = heap_pop(s, &size);
        s->order[reached++] = v;
        if (v == stop) {
            /* What waits in the heap lies on no path to stop: forget it now. */
            for (int32_t k = 0; k < size; k++) {
                s->dist[s->heap[k]] = 0;
                s->slot[s->heap[k]] = -1;
            }
            break;
        }
        for (int32_t e = start[v]; e < start[v + 1]; e++) {
            int32_t w = target[e];
            double through = dist[v] + length[e];
            int cmp = dist[w] == 0 ? -1 : eco_i_length_cmp(through, dist[w]);
            if (cmp < 0 && s->slot[w] != -2) {
                dist[w] = through;
                sigma[w] = sigma[v];
                if (s->slot[w] < 0)
                    heap_place(s, size++, w);
                heap_up(s, s->slot[w]);
            } else if (cmp == 0 && s->slot[w] != -2) {
                sigma[w] += sigma[v];
            }
        }
    }
    return reached;
}

void eco_i_dijkstra_reset(eco_i_search *s, int32_t reached)
{
    for (int32_t i = 0; i < reached; i++) {
        s->dist[s->order[i]] = 0;
        s->slot[s->order[i]] = -1;
    }
}
