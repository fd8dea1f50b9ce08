/*
 * queries/brandes_batch.c - Brandes' algorithm from sixty-four unweighted sources at once:
 * what a batch holds, and the choice of the code that runs its two passes (brandes_lanes.c).
 */
#define _DEFAULT_SOURCE /* madvise */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "queries_internal.h"

/* The path counts, zeroed: 512 bytes a vertex, read at random by every link followed.  An
 * array of 2 MiB or more goes on 2 MiB pages where the system gives them, so that a link
 * followed seldom costs a walk of the page tables beside its cache miss: at 20,000 actors the
 * counts span 10 MB, 2,500 pages of 4 KiB, far more than the first-level TLB holds. */
static double *alloc_values(size_t count)
{
    size_t bytes = count * sizeof(double), huge = (size_t)2 << 20;

#ifdef MADV_HUGEPAGE
    if (bytes >= huge) {
        void *values;
        bytes = (bytes + huge - 1) / huge * huge;
        if (posix_memalign(&values, huge, bytes) != 0)
            return NULL;
        /* Only advice: refused, the pages stay small and the counts as right. */
        (void)madvise(values, bytes, MADV_HUGEPAGE);
        return memset(values, 0, bytes);
    }
#endif
    return calloc(count, sizeof(double));
}

void eco_i_batch_free(eco_i_batch *b)
{
    free(b->seen);
    free(b->fresh);
    free(b->touched);
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
    b->touched = calloc(count / 64 + 1, sizeof(*b->touched));
    b->value = alloc_values(count * ECO_I_BATCH);
    b->visit_capacity = 4 * count + ECO_I_BATCH;
    b->visits = malloc(b->visit_capacity * sizeof(*b->visits));
    b->level_capacity = 64;
    b->level_start = malloc(b->level_capacity * sizeof(*b->level_start));
    if (!b->seen || !b->fresh || !b->touched || !b->value || !b->visits || !b->level_start) {
        eco_i_batch_free(b);
        return ECO_ENOMEM;
    }
    return 0;
}

eco_i_batch_passes_fn eco_i_batch_passes_chosen(void)
{
#ifdef ECO_I_HAVE_AVX512
    if (__builtin_cpu_supports("avx512f"))
        return eco_i_batch_passes_avx512;
#endif
    return eco_i_batch_passes;
}

int eco_i_batch_run(const eco_i_csr *g, eco_i_batch *b, int32_t first, int32_t count, double *score)
{
    return eco_i_batch_passes_chosen()(g, b, first, count, score);
}
