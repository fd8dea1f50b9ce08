/* The block sums behind exact betweenness (queries/block_sum.c) on the pool's threads
 * (queries/pool.c): blocks that finish out of order are still added in block order, bit for
 * bit, and a block that fails releases the workers waiting for a slot instead of leaving
 * them waiting for ever. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "queries_internal.h"

enum { VALUES = 5, BLOCKS = 60 };

typedef struct sum_job {
    eco_i_block_sum sums; /* what is tested */
    size_t failing;       /* the block whose work fails; BLOCKS for none */
    atomic_int unclean;   /* a block's accumulator did not start from zero (cmocka's
                             asserts belong to the main thread) */
} sum_job;

/* Block k's term for value v: magnitudes far apart, so that another order of addition
 * rounds differently. */
static double term(size_t block, size_t v)
{
    static const double scale[] = {1e16, 1.0, 3e-3, 7e8, 1e-9};
    return scale[(block + v) % 5] * (1.0 + (double)((block * 7919 + v * 104729) % 1000) / 997.0);
}

/* A pause that differs from block to block, so that blocks finish out of order. */
static void pause_for(size_t block)
{
    struct timespec wait = {0, (long)((block * 2654435761u) % 3000000)};
    nanosleep(&wait, NULL);
}

static int sum_blocks(void *shared, size_t worker, size_t first, size_t end)
{
    sum_job *job = shared;
    (void)worker;

    for (size_t block = first; block < end; block++) {
        double *acc;
        int rc = eco_i_block_sum_open(&acc, &job->sums, block);
        if (rc < 0)
            return rc;
        for (size_t v = 0; v < VALUES; v++)
            if (acc[v] != 0)
                atomic_store(&job->unclean, 1);
        pause_for(block);
        if (block == job->failing) {
            eco_i_block_sum_fail(&job->sums, ECO_ENOMEM);
            return ECO_ENOMEM;
        }
        for (size_t v = 0; v < VALUES; v++)
            acc[v] += term(block, v);
        eco_i_block_sum_close(&job->sums, block);
    }
    return 0;
}

static void test_block_order(void **state)
{
    double expected[VALUES] = {0};
    (void)state;

    for (size_t block = 0; block < BLOCKS; block++)
        for (size_t v = 0; v < VALUES; v++)
            expected[v] += term(block, v);
    for (size_t workers = 1; workers <= 8; workers++) {
        /* A window of one block a worker makes workers wait for one another often. */
        for (size_t window = workers; window <= 3 * workers; window += 2 * workers) {
            sum_job job = {.failing = BLOCKS};
            assert_int_equal(eco_i_block_sum_init(&job.sums, VALUES, window), 0);
            assert_int_equal(eco_i_parallel_for(workers, BLOCKS, 1, sum_blocks, &job, NULL), 0);
            assert_int_equal(job.sums.added, BLOCKS);
            assert_int_equal(atomic_load(&job.unclean), 0);
            assert_memory_equal(job.sums.total, expected, sizeof(expected));
            eco_i_block_sum_free(&job.sums);
        }
    }
}

static void test_failure_releases_waiters(void **state)
{
    (void)state;
    /* A hang would be the failure here: the alarm ends the test instead. */
    alarm(120);
    for (size_t workers = 2; workers <= 6; workers += 2) {
        sum_job job = {.failing = 3};
        assert_int_equal(eco_i_block_sum_init(&job.sums, VALUES, workers), 0);
        assert_int_equal(eco_i_parallel_for(workers, BLOCKS, 1, sum_blocks, &job, NULL),
                         ECO_ENOMEM);
        assert_true(job.sums.added <= 3);
        eco_i_block_sum_free(&job.sums);
    }
    alarm(0);
}

static void test_free_twice(void **state)
{
    eco_i_block_sum sums;
    (void)state;

    assert_int_equal(eco_i_block_sum_init(&sums, VALUES, 4), 0);
    eco_i_block_sum_free(&sums);
    eco_i_block_sum_free(&sums); /* zeroed by the first: nothing left to free */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_block_order),
        cmocka_unit_test(test_failure_releases_waiters),
        cmocka_unit_test(test_free_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
