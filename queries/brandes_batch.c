/*
 * queries/brandes_batch.c - Brandes' algorithm from sixty-four unweighted sources at once:
 * the breadth-first searches side by side, a bit of a word for each source, then the backward
 * pass that sums each vertex's dependencies on the batch's sources.
 */
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

void eco_i_batch_free(eco_i_batch *b)
{
    free(b->seen);
    free(b->fresh);
    free(b->value);
    free(b->visits);
    free(b->level_start);
    memset(b, 0, sizeof(*b));
}

int eco_i_batch_init(eco_i_batch *b, int32_t n)
{
    size_t count = (size_t)n + 1;

    memset(b, 0, sizeof(*b));
    b->seen = calloc(count, sizeof(*b->seen));
    b->fresh = calloc(count, sizeof(*b->fresh));
    b->value = calloc(count * ECO_I_BATCH, sizeof(*b->value));
    b->visit_capacity = 4 * count + ECO_I_BATCH;
    b->visits = malloc(b->visit_capacity * sizeof(*b->visits));
    b->level_capacity = 64;
    b->level_start = malloc(b->level_capacity * sizeof(*b->level_start));
    if (!b->seen || !b->fresh || !b->value || !b->visits || !b->level_start) {
        eco_i_batch_free(b);
        return ECO_ENOMEM;
    }
    return 0;
}

/* items with room for twice *capacity items of `size` bytes, *capacity doubled; NULL, with
 * items and *capacity untouched, when memory runs out. */
static void *grow(void *items, size_t *capacity, size_t size)
{
    void *grown = realloc(items, 2 * *capacity * size);

    if (grown)
        *capacity *= 2;
    return grown;
}

static int add_visit(eco_i_batch *b, int32_t vertex, uint64_t sources)
{
    if (b->visit_count == b->visit_capacity) {
        eco_i_visit *grown = grow(b->visits, &b->visit_capacity, sizeof(*grown));
        if (!grown)
            return ECO_ENOMEM;
        b->visits = grown;
    }
    b->visits[b->visit_count++] = (eco_i_visit){vertex, sources};
    return 0;
}

/* Closes the level being built: its visits end here. */
static int end_level(eco_i_batch *b)
{
    if (b->level_count + 1 == b->level_capacity) {
        size_t *grown = grow(b->level_start, &b->level_capacity, sizeof(*grown));
        if (!grown)
            return ECO_ENOMEM;
        b->level_start = grown;
    }
    b->level_start[++b->level_count] = b->visit_count;
    return 0;
}

/* Follows the links of one visit: each source that reaches a neighbour first at the next
 * level adds its paths there. */
static int follow_visit(const eco_i_csr *g, eco_i_batch *b, int32_t v, uint64_t sources)
{
    const double *from = b->value + (size_t)v * ECO_I_BATCH;

    for (int32_t e = g->out_start[v]; e < g->out_start[v + 1]; e++) {
        int32_t w = g->out_target[e];
        uint64_t first = sources & ~b->seen[w];
        if (!first)
            continue;
        /* The visit's sources are filled in once the level is complete. */
        if (!b->fresh[w] && add_visit(b, w, 0) < 0)
            return ECO_ENOMEM;
        b->fresh[w] |= first;
        double *to = b->value + (size_t)w * ECO_I_BATCH;
        for (; first; first &= first - 1)
            to[__builtin_ctzll(first)] += from[__builtin_ctzll(first)];
    }
    return 0;
}

/* The searches from vertices first .. first + count - 1, level by level, counting shortest
 * paths. */
static int search_batch(const eco_i_csr *g, eco_i_batch *b, int32_t first, int32_t count)
{
    b->visit_count = b->level_count = 0;
    b->level_start[0] = 0;
    for (int32_t k = 0; k < count; k++) {
        b->seen[first + k] = (uint64_t)1 << k;
        b->value[(size_t)(first + k) * ECO_I_BATCH + k] = 1;
        add_visit(b, first + k, (uint64_t)1 << k); /* within the initial capacity */
    }
    if (end_level(b) < 0)
        return ECO_ENOMEM;
    for (size_t level = 0; b->level_start[level] < b->level_start[level + 1]; level++) {
        size_t begin = b->level_start[level], end = b->level_start[level + 1];
        for (size_t i = begin; i < end; i++)
            if (follow_visit(g, b, b->visits[i].vertex, b->visits[i].sources) < 0)
                return ECO_ENOMEM;
        for (size_t i = end; i < b->visit_count; i++) {
            int32_t w = b->visits[i].vertex;
            b->visits[i].sources = b->fresh[w];
            b->seen[w] |= b->fresh[w];
            b->fresh[w] = 0;
        }
        if (end_level(b) < 0)
            return ECO_ENOMEM;
    }
    return 0;
}

/* Sums one visit's dependencies: for each of its sources, the coefficients of the
 * neighbours that source reaches at the next level (marked in fresh), which are final. */
static void gather_visit(const eco_i_csr *g, eco_i_batch *b, int32_t v, uint64_t sources,
                         double *score)
{
    double sum[ECO_I_BATCH], *value = b->value + (size_t)v * ECO_I_BATCH, total = 0;

    for (uint64_t left = sources; left; left &= left - 1)
        sum[__builtin_ctzll(left)] = 0;
    for (int32_t e = g->out_start[v]; e < g->out_start[v + 1]; e++) {
        int32_t w = g->out_target[e];
        const double *next = b->value + (size_t)w * ECO_I_BATCH;
        for (uint64_t on = sources & b->fresh[w]; on; on &= on - 1)
            sum[__builtin_ctzll(on)] += next[__builtin_ctzll(on)];
    }
    for (uint64_t left = sources; left; left &= left - 1) {
        int k = __builtin_ctzll(left);
        double dependency = value[k] * sum[k];
        total += dependency;
        value[k] = (1 + dependency) / value[k];
    }
    score[v] += total;
}

static void mark_level(eco_i_batch *b, size_t level, int on)
{
    for (size_t i = b->level_start[level]; i < b->level_start[level + 1]; i++)
        b->fresh[b->visits[i].vertex] = on ? b->visits[i].sources : 0;
}

/* Sums dependencies back from the farthest level; the sources themselves, at level 0, get
 * none.  Then clears what the searches touched. */
static void accumulate_batch(const eco_i_csr *g, eco_i_batch *b, double *score)
{
    for (size_t level = b->level_count - 1; level > 0; level--) {
        if (level + 1 < b->level_count)
            mark_level(b, level + 1, 1);
        for (size_t i = b->level_start[level]; i < b->level_start[level + 1]; i++)
            gather_visit(g, b, b->visits[i].vertex, b->visits[i].sources, score);
        if (level + 1 < b->level_count)
            mark_level(b, level + 1, 0);
    }
    for (size_t i = 0; i < b->visit_count; i++) {
        double *value = b->value + (size_t)b->visits[i].vertex * ECO_I_BATCH;
        b->seen[b->visits[i].vertex] = 0;
        for (uint64_t left = b->visits[i].sources; left; left &= left - 1)
            value[__builtin_ctzll(left)] = 0;
    }
}

int eco_i_batch_run(const eco_i_csr *g, eco_i_batch *b, int32_t first, int32_t count, double *score)
{
    if (search_batch(g, b, first, count) < 0)
        return ECO_ENOMEM;
    accumulate_batch(g, b, score);
    return 0;
}
