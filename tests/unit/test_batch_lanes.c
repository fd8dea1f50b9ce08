/* The batch of sixty-four unweighted sources (queries/brandes_batch.c, brandes_lanes.c).  Its
 * rows of path counts are not zeroed between batches, so each block's sums must be the same
 * bits whatever blocks ran on the batch before it; and the passes the processor gets (with
 * AVX-512 where it has it) must give the same bits as the plain ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "queries_internal.h"
#include "random_map.h"

/* 700 actors, eleven blocks, some ties one way, in three pieces, so that the searches of a
 * block reach some vertices and not others and leave different rows behind. */
static const shape map_shape = {700, 2600, 1, 0, 3};

typedef struct layout {
    eco_graph *map;
    eco_i_view view;
    eco_i_csr csr;
    size_t blocks;
} layout;

static int setup(void **state)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_error err = {0};
    layout *l = calloc(1, sizeof(*l));

    assert_non_null(l);
    l->map = random_map(&map_shape, 21);
    assert_int_equal(eco_i_view_build(&l->view, l->map, &opt, &err), 0);
    assert_int_equal(eco_i_csr_build(&l->csr, &l->view, 0), 0);
    assert_int_equal(eco_i_csr_renumber_by_search(&l->csr), 0);
    l->blocks = ((size_t)l->csr.n + ECO_I_BATCH - 1) / ECO_I_BATCH;
    *state = l;
    return 0;
}

static int teardown(void **state)
{
    layout *l = *state;

    eco_i_csr_free(&l->csr);
    eco_i_view_destroy(&l->view);
    eco_graph_free(l->map);
    free(l);
    return 0;
}

enum { ONE_BATCH, ONE_BATCH_REVERSED, FRESH_BATCHES };

/* Every block's sums, n values each: the blocks run one after another on one batch, in
 * block order or reversed, or each on a batch of its own, all zeros. */
static double *run_blocks(const layout *l, eco_i_batch_passes_fn passes, int how)
{
    size_t n = (size_t)l->csr.n;
    double *sums = calloc(l->blocks * n, sizeof(*sums));
    eco_i_batch b;

    assert_non_null(sums);
    assert_int_equal(eco_i_batch_init(&b, l->csr.n), 0);
    for (size_t i = 0; i < l->blocks; i++) {
        size_t block = how == ONE_BATCH_REVERSED ? l->blocks - 1 - i : i;
        int32_t first = (int32_t)(block * ECO_I_BATCH), left = l->csr.n - first;
        if (how == FRESH_BATCHES && i > 0) {
            eco_i_batch_free(&b);
            assert_int_equal(eco_i_batch_init(&b, l->csr.n), 0);
        }
        assert_int_equal(
            passes(&l->csr, &b, first, left < ECO_I_BATCH ? left : ECO_I_BATCH, sums + block * n),
            0);
    }
    eco_i_batch_free(&b);
    return sums;
}

static void test_blocks_forget_the_batch_before(void **state)
{
    const layout *l = *state;
    size_t bytes = l->blocks * (size_t)l->csr.n * sizeof(double);
    double *fresh = run_blocks(l, eco_i_batch_passes, FRESH_BATCHES);
    double *forward = run_blocks(l, eco_i_batch_passes, ONE_BATCH);
    double *backward = run_blocks(l, eco_i_batch_passes, ONE_BATCH_REVERSED);

    assert_memory_equal(fresh, forward, bytes);
    assert_memory_equal(fresh, backward, bytes);
    free(fresh);
    free(forward);
    free(backward);
}

static void test_chosen_passes_give_the_same_bits(void **state)
{
    const layout *l = *state;
    eco_i_batch_passes_fn chosen = eco_i_batch_passes_chosen();
    double *plain = run_blocks(l, eco_i_batch_passes, ONE_BATCH);
    double *fast = run_blocks(l, chosen, ONE_BATCH_REVERSED);

    if (chosen == eco_i_batch_passes)
        printf("the plain passes are the ones this processor runs\n");
    assert_memory_equal(plain, fast, l->blocks * (size_t)l->csr.n * sizeof(double));
    free(plain);
    free(fast);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_forget_the_batch_before),
        cmocka_unit_test(test_chosen_passes_give_the_same_bits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
