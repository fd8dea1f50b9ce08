/* Betweenness the same to the last bit whatever the number of threads and however they are
 * scheduled: each map is computed on 1, 2, 3 and 16 threads, several times each, and every
 * answer compared byte for byte with the first.  Before the sums were made in block order,
 * the threads' sums were added in whatever order the threads took the sources, and these
 * comparisons failed in the last bits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "random_map.h"

static const int thread_counts[] = {1, 2, 3, 16};
enum { RUNS = 3 }; /* runs per thread count: the schedule differs from run to run */

/* 1,280 actors: 20 blocks of sixty-four sources, so that sixteen threads all get work, and
 * 5,000 ties in two pieces, so that blocks differ in cost and finish out of order. */
static const shape big = {1280, 5000, 0, 0, 2};

/* Fails with the first actor whose bits differ. */
static void assert_same_bits(const double *expected, const double *got, size_t n, const char *what,
                             int threads, int run)
{
    if (memcmp(expected, got, sizeof(double) * n) == 0)
        return;
    for (size_t v = 0; v < n; v++)
        if (memcmp(&expected[v], &got[v], sizeof(double)) != 0)
            fail_msg("%s, %d threads, run %d: actor %zu has %.17g, one thread %.17g", what, threads,
                     run, v, got[v], expected[v]);
}

/* Computes into out with opt, exactly or by the estimate. */
static void compute(double *out, const eco_graph *g, const eco_query_options *opt, int estimate)
{
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_error err = {0};

    approx.epsilon = 0.1;
    approx.seed = 7;
    if (estimate)
        assert_int_equal(
            eco_query_betweenness_approx(out, NULL, g, ECO_MEASURE_BETWEENNESS, &approx, opt, &err),
            0);
    else
        assert_int_equal(eco_query_measure(out, g, ECO_MEASURE_BETWEENNESS, opt, &err), 0);
}

static void assert_repeats(int directed, int weighted, int estimate)
{
    shape s = big;
    eco_graph *g;
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    size_t n;
    double *first, *again;
    char what[64];

    s.directed_ties = directed;
    s.weighted = weighted;
    g = random_map(&s, 51 + (uint64_t)(2 * directed + weighted));
    n = eco_graph_actor_count(g);
    first = calloc(n, sizeof(double));
    again = calloc(n, sizeof(double));
    assert_non_null(first);
    assert_non_null(again);
    snprintf(what, sizeof(what), "%s%s, %s", estimate ? "estimate, " : "",
             directed ? "directed" : "undirected", weighted ? "weighted" : "unweighted");
    opt.directed = directed;
    opt.weighted = weighted;
    opt.threads = 1;
    compute(first, g, &opt, estimate);
    for (size_t k = 0; k < sizeof(thread_counts) / sizeof(*thread_counts); k++) {
        opt.threads = thread_counts[k];
        for (int run = 1; run <= RUNS; run++) {
            memset(again, 0xff, sizeof(double) * n);
            compute(again, g, &opt, estimate);
            assert_same_bits(first, again, n, what, opt.threads, run);
        }
    }
    free(first);
    free(again);
    eco_graph_free(g);
}

static void test_exact_unweighted(void **state)
{
    (void)state;
    assert_repeats(0, 0, 0);
}

static void test_exact_weighted(void **state)
{
    (void)state;
    assert_repeats(0, 1, 0);
}

static void test_exact_directed(void **state)
{
    (void)state;
    assert_repeats(1, 0, 0);
    assert_repeats(1, 1, 0);
}

static void test_estimate(void **state)
{
    (void)state;
    assert_repeats(0, 0, 1);
    assert_repeats(0, 1, 1);
    assert_repeats(1, 0, 1);
    assert_repeats(1, 1, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_unweighted),
        cmocka_unit_test(test_exact_weighted),
        cmocka_unit_test(test_exact_directed),
        cmocka_unit_test(test_estimate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
