/* The estimate that promises the top k (eco_query_betweenness_top), as a specification: with
 * probability 1 - delta every exact value lies in its interval; then the exact top k are
 * among the candidates (upper end at or above the k-th highest lower end) and every actor
 * called sure (lower end above the (k+1)-th highest upper end) is in the exact top k; the
 * answer is the same on any number of threads; a map whose top k stand far apart stops
 * drawing early, and one whose top k cannot be told apart draws past r but stops at the cost
 * cap.  Misses are allowed with probability delta; on these maps and seeds there are none. */
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

/* ---- The promise, checked against the exact values -------------------------------------- */

/* The exact k-th largest value. */
static double kth_largest(const double *values, size_t n, size_t k)
{
    double *copy = malloc(n * sizeof(*copy)), kth;
    assert_non_null(copy);
    memcpy(copy, values, n * sizeof(*copy));
    /* a selection by repeated maximum: n is small here */
    for (size_t i = 0; i < k; i++) {
        size_t best = i;
        for (size_t j = i + 1; j < n; j++)
            if (copy[j] > copy[best])
                best = j;
        kth = copy[best];
        copy[best] = copy[i];
        copy[i] = kth;
    }
    kth = copy[k - 1];
    free(copy);
    return kth;
}

/* Checks what eco_top_promise says against the intervals it came from and the exact values:
 * every interval holds, every actor at or above the exact k-th value is a candidate, every
 * sure actor is at least the exact k-th and has fewer than k actors strictly above it. */
static void check_promise(const eco_top_promise *p, const double *exact, const double *est,
                          const double *lower, const double *upper, size_t n, size_t k)
{
    double kth = kth_largest(exact, n, k);
    size_t candidates = 0, sure = 0;

    for (size_t v = 0; v < n; v++) {
        if (!(lower[v] <= exact[v] * (1 + 1e-12) && exact[v] <= upper[v] * (1 + 1e-12)))
            fail_msg("actor %zu: exact %.17g outside [%.17g, %.17g]", v, exact[v], lower[v],
                     upper[v]);
        assert_true(lower[v] <= est[v] && est[v] <= upper[v]);
        candidates += upper[v] >= p->top_floor;
        sure += lower[v] > p->rest_ceiling;
        if (exact[v] >= kth * (1 - 1e-12) && !(upper[v] >= p->top_floor))
                fail_msg("actor %zu of the exact top %zu is not a candidate", v, k);
        if (lower[v] > p->rest_ceiling) {
            size_t above = 0;
            for (size_t u = 0; u < n; u++)
                above += exact[u] > exact[v] * (1 + 1e-12);
            if (above >= k)
                fail_msg("actor %zu called sure has %zu above it", v, above);
        }
    }
    assert_int_equal(candidates, p->candidates);
    assert_int_equal(sure, p->sure);
    assert_true(p->candidates >= k && p->sure <= k);
    assert_int_equal(p->capped, p->candidates != k);
}

static void check_map(const shape *s, uint64_t map_seed, int threads)
{
    eco_graph *g = random_map(s, map_seed);
    size_t n = eco_graph_actor_count(g);
    double *exact = malloc(n * sizeof(double)), *est = malloc(n * sizeof(double));
    double *lower = malloc(n * sizeof(double)), *upper = malloc(n * sizeof(double));
    double *again = malloc(n * sizeof(double));
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT, one = ECO_QUERY_OPTIONS_INIT;
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_top_promise promise, again_promise;
    eco_error err = {0};

    assert_true(exact && est && lower && upper && again);
    opt.threads = threads;
    one.threads = 1;
    approx.epsilon = 0.05;
    approx.seed = map_seed;
    assert_int_equal(eco_query_measure(exact, g, ECO_MEASURE_BETWEENNESS_NORM, &opt, &err), 0);
    assert_int_equal(eco_query_betweenness_top(est, lower, upper, &promise, g,
                                               ECO_MEASURE_BETWEENNESS_NORM, K, &approx, &opt, &err),
                     0);
    assert_true(promise.samples > 0);
    check_promise(&promise, exact, est, lower, upper, n, K);
    /* the same bits, and the same promise, on one thread */
    assert_int_equal(eco_query_betweenness_top(again, NULL, NULL, &again_promise, g,
                                               ECO_MEASURE_BETWEENNESS_NORM, K, &approx, &one, &err),
                     0);
    assert_memory_equal(est, again, n * sizeof(double));
    assert_int_equal(promise.samples, again_promise.samples);
    assert_memory_equal(&promise.top_floor, &again_promise.top_floor, sizeof(double));
    assert_memory_equal(&promise.rest_ceiling, &again_promise.rest_ceiling, sizeof(double));
    assert_int_equal(promise.candidates, again_promise.candidates);
    assert_int_equal(promise.sure, again_promise.sure);
    assert_int_equal(promise.capped, again_promise.capped);
    free(exact);
    free(est);
    free(lower);
    free(upper);
    free(again);
    eco_graph_free(g);
}

static void candidates_hold_the_exact_top_k(void **state)
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

/* ---- Maps whose answer is known --------------------------------------------------------- */

static size_t add_actor(eco_graph *g, const char *name)
{
    size_t id;
    assert_int_equal(eco_graph_add_actor(&id, g, NULL, name, ECO_TYPE_UNKNOWN, NULL), 0);
    return id;
}

static void add_tie(eco_graph *g, size_t a, size_t b)
{
    assert_int_equal(eco_graph_add_tie(NULL, g, a, b, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
}

/* A hub with `leaves` leaves of its own, tied to `centre`; returns the hub. */
static size_t add_hub(eco_graph *g, size_t centre, int h, int leaves)
{
    char name[32];
    size_t hub;

    snprintf(name, sizeof(name), "Hub %d", h);
    hub = add_actor(g, name);
    for (int l = 0; l < leaves; l++) {
        snprintf(name, sizeof(name), "Leaf %d %d", h, l);
        add_tie(g, hub, add_actor(g, name));
    }
    if (centre != (size_t)-1)
        add_tie(g, centre, hub);
    return hub;
}

/* Three hubs in a row, far above everyone else, are told apart in the first round. */
static void separated_top_stops_early(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_top_promise promise;
    size_t full = 0, n, first, middle;
    double *est, *exact, *lower, *upper;

    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    first = add_hub(g, (size_t)-1, 0, 60);
    middle = add_hub(g, first, 1, 60);
    add_hub(g, middle, 2, 60);
    n = eco_graph_actor_count(g);
    est = malloc(n * sizeof(double));
    exact = malloc(n * sizeof(double));
    lower = malloc(n * sizeof(double));
    upper = malloc(n * sizeof(double));
    approx.epsilon = 0.01;
    assert_int_equal(eco_query_betweenness_approx(est, &full, g, ECO_MEASURE_BETWEENNESS, &approx,
                                                  NULL, &err),
                     0);
    assert_int_equal(eco_query_measure(exact, g, ECO_MEASURE_BETWEENNESS, NULL, &err), 0);
    assert_int_equal(eco_query_betweenness_top(est, lower, upper, &promise, g,
                                               ECO_MEASURE_BETWEENNESS, 3, &approx, NULL, &err),
                     0);
    check_promise(&promise, exact, est, lower, upper, n, 3);
    assert_int_equal(promise.candidates, 3);
    assert_int_equal(promise.sure, 3);
    assert_int_equal(promise.capped, 0);
    assert_true(promise.samples * 8 <= full);
    free(est);
    free(exact);
    free(lower);
    free(upper);
    eco_graph_free(g);
}

/*
 * A centre tied to four equal hubs: the exact top 3 are the centre and any two of the hubs,
 * which no sample can tell apart.  The candidates are the centre and all four hubs, the
 * centre alone is sure, and drawing goes past r (the count for epsilon) to stop at the cost
 * cap.
 */
static void tied_hubs_are_all_candidates(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_top_promise promise, again_promise;
    size_t full = 0, n, centre;
    double *est, *exact, *lower, *upper, *again;

    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    centre = add_actor(g, "Centre");
    for (int h = 0; h < 4; h++)
        add_hub(g, centre, h, 200);
    n = eco_graph_actor_count(g);
    est = malloc(n * sizeof(double));
    exact = malloc(n * sizeof(double));
    lower = malloc(n * sizeof(double));
    upper = malloc(n * sizeof(double));
    again = malloc(n * sizeof(double));
    approx.epsilon = 0.1;
    assert_int_equal(eco_query_betweenness_approx(est, &full, g, ECO_MEASURE_BETWEENNESS, &approx,
                                                  NULL, &err),
                     0);
    assert_int_equal(eco_query_measure(exact, g, ECO_MEASURE_BETWEENNESS, NULL, &err), 0);
    assert_int_equal(eco_query_betweenness_top(est, lower, upper, &promise, g,
                                               ECO_MEASURE_BETWEENNESS, 3, &approx, NULL, &err),
                     0);
    check_promise(&promise, exact, est, lower, upper, n, 3);
    assert_int_equal(promise.candidates, 5);
    assert_int_equal(promise.sure, 1);
    assert_true(lower[centre] > promise.rest_ceiling);
    assert_int_equal(promise.capped, 1);
    assert_true(promise.samples > full && promise.samples <= 64 * full);
    /* past r, where the cap decides, the same bits on three threads */
    opt.threads = 3;
    assert_int_equal(eco_query_betweenness_top(again, NULL, NULL, &again_promise, g,
                                               ECO_MEASURE_BETWEENNESS, 3, &approx, &opt, &err),
                     0);
    assert_memory_equal(est, again, n * sizeof(double));
    assert_int_equal(promise.samples, again_promise.samples);
    free(again);
    free(est);
    free(exact);
    free(lower);
    free(upper);
    eco_graph_free(g);
}

/* k of every actor or more: all are the top k, all sure, nothing to draw past the first. */
static void k_of_every_actor_is_sure(void **state)
{
    static const shape small = {40, 120, 0, 0, 1};
    eco_graph *g = random_map(&small, 7);
    size_t n = eco_graph_actor_count(g);
    double *est = malloc(n * sizeof(double));
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_top_promise promise;
    eco_error err = {0};

    (void)state;
    assert_int_equal(eco_query_betweenness_top(est, NULL, NULL, &promise, g,
                                               ECO_MEASURE_BETWEENNESS, n + 5, &approx, NULL, &err),
                     0);
    assert_int_equal(promise.candidates, n);
    assert_int_equal(promise.sure, n);
    assert_true(promise.rest_ceiling < 0);
    assert_int_equal(promise.capped, 0);
    free(est);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(candidates_hold_the_exact_top_k),
        cmocka_unit_test(separated_top_stops_early),
        cmocka_unit_test(tied_hubs_are_all_candidates),
        cmocka_unit_test(k_of_every_actor_is_sure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
