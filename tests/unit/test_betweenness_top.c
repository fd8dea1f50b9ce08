/* The estimate that promises the top k (eco_query_betweenness_top): every exact value lies
 * in its interval, an actor called sure is among the exact top k, the answer is the same on
 * any number of threads, and a map whose top k stand far apart stops drawing early. */
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

enum { K = 10 };

static const double *sort_key;

static int by_value(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (sort_key[i] != sort_key[j])
        return sort_key[i] < sort_key[j] ? 1 : -1;
    return i < j ? -1 : i > j;
}

/* Actors by falling value: the caller frees. */
static size_t *ranking(const double *values, size_t n)
{
    size_t *order = malloc(n * sizeof(*order));
    assert_non_null(order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_key = values;
    qsort(order, n, sizeof(*order), by_value);
    return order;
}

static void check_map(const shape *s, uint64_t map_seed, int threads)
{
    eco_graph *g = random_map(s, map_seed);
    size_t n = eco_graph_actor_count(g), samples = 0, sure = 0, again_samples, again_sure;
    double *exact = malloc(n * sizeof(double)), *est = malloc(n * sizeof(double));
    double *lower = malloc(n * sizeof(double)), *upper = malloc(n * sizeof(double));
    double *again = malloc(n * sizeof(double));
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT, one = ECO_QUERY_OPTIONS_INIT;
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_error err = {0};
    size_t *exact_order, *est_order;

    assert_true(exact && est && lower && upper && again);
    opt.threads = threads;
    one.threads = 1;
    approx.epsilon = 0.05;
    approx.seed = map_seed;
    assert_int_equal(eco_query_measure(exact, g, ECO_MEASURE_BETWEENNESS_NORM, &opt, &err), 0);
    assert_int_equal(eco_query_betweenness_top(est, lower, upper, &samples, &sure, g,
                                               ECO_MEASURE_BETWEENNESS_NORM, K, &approx, &opt, &err),
                     0);
    assert_true(samples > 0);
    /* a miss is allowed with probability delta; on these maps and seeds there is none */
    for (size_t v = 0; v < n; v++) {
        if (!(lower[v] <= exact[v] + 1e-12 && exact[v] <= upper[v] + 1e-12))
            fail_msg("actor %zu: exact %.17g outside [%.17g, %.17g]", v, exact[v], lower[v],
                     upper[v]);
        assert_true(lower[v] <= est[v] && est[v] <= upper[v]);
    }
    exact_order = ranking(exact, n);
    est_order = ranking(est, n);
    /* the sure ones are among the first K estimates and among the exact top K */
    for (size_t i = 0, found = 0; i < K && found < sure; i++) {
        size_t v = est_order[i];
        int others_above = 0;
        for (size_t u = 0; u < n; u++)
            others_above += u != v && upper[u] >= lower[v];
        if (others_above >= K)
            continue;
        found++;
        int in_exact = 0;
        for (size_t j = 0; j < K; j++)
            in_exact |= exact_order[j] == v;
        assert_true(in_exact);
    }
    /* the same bits on one thread */
    assert_int_equal(eco_query_betweenness_top(again, NULL, NULL, &again_samples, &again_sure, g,
                                               ECO_MEASURE_BETWEENNESS_NORM, K, &approx, &one, &err),
                     0);
    assert_memory_equal(est, again, n * sizeof(double));
    assert_int_equal(samples, again_samples);
    assert_int_equal(sure, again_sure);
    free(exact_order);
    free(est_order);
    free(exact);
    free(est);
    free(lower);
    free(upper);
    free(again);
    eco_graph_free(g);
}

static void intervals_cover_the_exact_values(void **state)
{
    static const shape plain = {600, 2400, 0, 0, 1}, directed = {500, 2000, 1, 0, 1},
                       weighted = {400, 1600, 0, 1, 2};
    (void)state;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        check_map(&plain, seed, 2);
        check_map(&directed, seed, 3);
        check_map(&weighted, seed, 2);
    }
}

/* A star of stars: three hubs far above everyone else are told apart in the first round. */
static void separated_top_stops_early(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    size_t samples = 0, sure = 0, full = 0, n;
    double *est, *lower, *upper;
    char name[32];

    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    for (int h = 0; h < 3; h++) {
        size_t hub, leaf;
        snprintf(name, sizeof(name), "Hub %d", h);
        assert_int_equal(eco_graph_add_actor(&hub, g, NULL, name, ECO_TYPE_UNKNOWN, NULL), 0);
        for (int l = 0; l < 60; l++) {
            snprintf(name, sizeof(name), "Leaf %d %d", h, l);
            assert_int_equal(eco_graph_add_actor(&leaf, g, NULL, name, ECO_TYPE_UNKNOWN, NULL), 0);
            assert_int_equal(eco_graph_add_tie(NULL, g, hub, leaf, ECO_TIE_PARTNERSHIP, 0, 1, NULL),
                             0);
        }
    }
    assert_int_equal(eco_graph_add_tie(NULL, g, 0, 61, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, 61, 122, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    n = eco_graph_actor_count(g);
    est = malloc(n * sizeof(double));
    lower = malloc(n * sizeof(double));
    upper = malloc(n * sizeof(double));
    approx.epsilon = 0.01;
    assert_int_equal(eco_query_betweenness_approx(est, &full, g, ECO_MEASURE_BETWEENNESS, &approx,
                                                  NULL, &err),
                     0);
    assert_int_equal(eco_query_betweenness_top(est, lower, upper, &samples, &sure, g,
                                               ECO_MEASURE_BETWEENNESS, 3, &approx, NULL, &err),
                     0);
    assert_int_equal(sure, 3);
    assert_true(samples * 8 <= full);
    free(est);
    free(lower);
    free(upper);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(intervals_cover_the_exact_values),
        cmocka_unit_test(separated_top_stops_early),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
