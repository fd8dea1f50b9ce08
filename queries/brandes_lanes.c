/*
 * queries/brandes_lanes.c - the two passes of a batch of sixty-four unweighted sources
 * (brandes_batch.c): the breadth-first searches side by side, a bit of a word for each
 * source, then the pass back that sums each vertex's dependencies on the batch's sources.
 *
 * Compiled twice: as it is, and with AVX-512 by brandes_lanes_avx512.c, whose row
 * operations add eight lanes at a time under a mask.  Both add the same numbers in the same
 * order in every lane, so they give the same bits; eco_i_batch_run picks one by the
 * processor it runs on.
 */
#include <stdlib.h>

#include "queries_internal.h"

#ifdef ECO_I_LANES_AVX512
#include <immintrin.h>
#define ECO_I_BATCH_PASSES eco_i_batch_passes_avx512
#else
#define ECO_I_BATCH_PASSES eco_i_batch_passes
#endif

/* ---- Rows of path counts ---------------------------------------------------------------- */

/* Each source k in `sources` passes its paths from one row to another: to[k] += from[k]
 * where `held` says to[k] holds paths already at this level, to[k] = from[k] where it does
 * not (the same number: 0 + x is x), so that a row need not be zeroed before a batch. */
#ifdef ECO_I_LANES_AVX512
/* Eight masked additions of eight lanes: no branch on how many bits the masks hold. */
static inline void row_add(double *to, const double *from, uint64_t sources, uint64_t held)
{
    for (int c = 0; c < 8; c++) {
        __mmask8 m = (__mmask8)(sources >> (8 * c)), h = (__mmask8)((sources & held) >> (8 * c));
        __m512d sum = _mm512_add_pd(_mm512_maskz_loadu_pd(h, to + 8 * c),
                                    _mm512_maskz_loadu_pd(m, from + 8 * c));
        _mm512_mask_storeu_pd(to + 8 * c, m, sum);
    }
}
#else
static inline void row_add(double *to, const double *from, uint64_t sources, uint64_t held)
{
    for (uint64_t k = sources & ~held; k; k &= k - 1)
        to[__builtin_ctzll(k)] = from[__builtin_ctzll(k)];
    for (uint64_t k = sources & held; k; k &= k - 1)
        to[__builtin_ctzll(k)] += from[__builtin_ctzll(k)];
}
#endif

/* ---- The searches ---------------------------------------------------------------------- */

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
 * level adds its paths there, and the neighbour is marked for the next level's visits. */
static void follow_visit(const eco_i_csr *g, eco_i_batch *b, int32_t v, uint64_t sources)
{
    const double *from = b->value + (size_t)v * ECO_I_BATCH;

    for (int32_t e = g->out_start[v]; e < g->out_start[v + 1]; e++) {
        int32_t w = g->out_target[e];
        uint64_t first = sources & ~b->seen[w];
        if (!first)
            continue;
        uint64_t held = b->fresh[w];
        b->touched[w >> 6] |= (uint64_t)1 << (w & 63);
        b->fresh[w] = held | first;
        row_add(b->value + (size_t)w * ECO_I_BATCH, from, first, held);
    }
}

/* The visits of the level just built, in vertex order, so that the next level, and the
 * pass back, walk the rows of path counts from low addresses to high. */
static int collect_level(eco_i_batch *b, int32_t n)
{
    for (int32_t word = 0; word <= n >> 6; word++) {
        for (uint64_t bits = b->touched[word]; bits; bits &= bits - 1) {
            int32_t w = (word << 6) + __builtin_ctzll(bits);
            if (add_visit(b, w, b->fresh[w]) < 0)
                return ECO_ENOMEM;
            b->seen[w] |= b->fresh[w];
            b->fresh[w] = 0;
        }
        b->touched[word] = 0;
    }
    return end_level(b);
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
        for (size_t i = b->level_start[level]; i < b->level_start[level + 1]; i++)
            follow_visit(g, b, b->visits[i].vertex, b->visits[i].sources);
        if (collect_level(b, g->n) < 0)
            return ECO_ENOMEM;
    }
    return 0;
}

/* Sums one visit's dependencies: for each of its sources, the coefficients of the
 * neighbours that source reaches at the next level (marked in fresh), which are final. */
#ifdef ECO_I_LANES_AVX512
static void gather_visit(const eco_i_csr *g, eco_i_batch *b, int32_t v, uint64_t sources,
                         double *score)
{
    double *value = b->value + (size_t)v * ECO_I_BATCH, dependency[ECO_I_BATCH], total = 0;
    __m512d sum[8];

    for (int c = 0; c < 8; c++)
        sum[c] = _mm512_setzero_pd();
    for (int32_t e = g->out_start[v]; e < g->out_start[v + 1]; e++) {
        int32_t w = g->out_target[e];
        const double *next = b->value + (size_t)w * ECO_I_BATCH;
        uint64_t on = sources & b->fresh[w];
        for (int c = 0; c < 8; c++)
            sum[c] = _mm512_add_pd(sum[c],
                                   _mm512_maskz_loadu_pd((__mmask8)(on >> (8 * c)), next + 8 * c));
    }
    for (int c = 0; c < 8; c++) {
        __mmask8 m = (__mmask8)(sources >> (8 * c));
        __m512d paths = _mm512_maskz_loadu_pd(m, value + 8 * c);
        __m512d d = _mm512_mul_pd(paths, sum[c]);
        _mm512_storeu_pd(dependency + 8 * c, d);
        __m512d coef = _mm512_div_pd(_mm512_add_pd(d, _mm512_set1_pd(1)), paths);
        _mm512_mask_storeu_pd(value + 8 * c, m, coef);
    }
    for (uint64_t left = sources; left; left &= left - 1)
        total += dependency[__builtin_ctzll(left)];
    score[v] += total;
}
#else
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
#endif

static void mark_level(eco_i_batch *b, size_t level, int on)
{
    for (size_t i = b->level_start[level]; i < b->level_start[level + 1]; i++)
        b->fresh[b->visits[i].vertex] = on ? b->visits[i].sources : 0;
}

/* Sums dependencies back from the farthest level; the sources themselves, at level 0, get
 * none.  Then clears the marks of the vertices reached; their rows are written before they
 * are read in the next batch. */
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
    for (size_t i = 0; i < b->visit_count; i++)
        b->seen[b->visits[i].vertex] = 0;
}

int ECO_I_BATCH_PASSES(const eco_i_csr *g, eco_i_batch *b, int32_t first, int32_t count,
                       double *score)
{
    if (search_batch(g, b, first, count) < 0)
        return ECO_ENOMEM;
    accumulate_batch(g, b, score);
    return 0;
}
