/* Betweenness: the parallel Brandes against igraph_betweenness on random maps of every kind,
 * and the sampled estimate against exact values known in closed form. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "internal.h"
#include "random_map.h"

/* ---- igraph's answer, on the map read as the view reads it ------------------------------ */

/* The link a -> b (a - b undirected) of the simple graph, its weight summed. */
static void add_link(igraph_vector_int_t *ends, igraph_vector_t *weights, size_t a, size_t b,
                     double weight, int directed)
{
    if (!directed && b < a) {
        size_t t = a;
        a = b;
        b = t;
    }
    for (igraph_integer_t e = 0; e < igraph_vector_size(weights); e++) {
        if ((size_t)VECTOR(*ends)[2 * e] == a && (size_t)VECTOR(*ends)[2 * e + 1] == b) {
            VECTOR(*weights)[e] += weight;
            return;
        }
    }
    assert_int_equal(igraph_vector_int_push_back(ends, (igraph_integer_t)a), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_push_back(ends, (igraph_integer_t)b), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_push_back(weights, weight), IGRAPH_SUCCESS);
}

static void igraph_answer(double *out, const eco_graph *g, const eco_query_options *opt)
{
    igraph_vector_int_t ends;
    igraph_vector_t weights, res;
    igraph_t graph;

    assert_int_equal(igraph_vector_int_init(&ends, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_init(&weights, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_init(&res, 0), IGRAPH_SUCCESS);
    for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        add_link(&ends, &weights, t->source, t->target, t->weight, opt->directed);
        if (opt->directed && !t->directed)
            add_link(&ends, &weights, t->target, t->source, t->weight, 1);
    }
    for (igraph_integer_t e = 0; e < igraph_vector_size(&weights); e++)
        VECTOR(weights)[e] = 1.0 / VECTOR(weights)[e];
    assert_int_equal(igraph_create(&graph, &ends, (igraph_integer_t)eco_graph_actor_count(g),
                                   opt->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED),
                     IGRAPH_SUCCESS);
    assert_int_equal(igraph_betweenness(&graph, &res, igraph_vss_all(), opt->directed,
                                        opt->weighted ? &weights : NULL),
                     IGRAPH_SUCCESS);
    memcpy(out, VECTOR(res), sizeof(double) * eco_graph_actor_count(g));
    igraph_destroy(&graph);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&weights);
    igraph_vector_int_destroy(&ends);
}

/* ---- Exact betweenness equals igraph's -------------------------------------------------- */

static void assert_equal_to_igraph(const shape *s, uint64_t seed)
{
    eco_graph *g = random_map(s, seed);
    size_t n = eco_graph_actor_count(g);
    double *ours = calloc(n + 1, sizeof(double)), *theirs = calloc(n + 1, sizeof(double));
    double *norm = calloc(n + 1, sizeof(double));
    static const int thread_counts[] = {1, 2, 3, 0};
    eco_error err = {0};

    assert_non_null(ours);
    assert_non_null(theirs);
    assert_non_null(norm);
    for (int directed = 0; directed <= 1; directed++) {
        eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
        opt.directed = directed;
        opt.weighted = s->weighted;
        igraph_answer(theirs, g, &opt);
        for (size_t k = 0; k < sizeof(thread_counts) / sizeof(*thread_counts); k++) {
            opt.threads = thread_counts[k];
            assert_int_equal(eco_query_measure(ours, g, ECO_MEASURE_BETWEENNESS, &opt, &err), 0);
            assert_int_equal(eco_query_measure(norm, g, ECO_MEASURE_BETWEENNESS_NORM, &opt, &err),
                             0);
            double scale = (directed ? 1.0 : 2.0) / ((double)(n - 1) * (double)(n - 2));
            for (size_t v = 0; v < n; v++) {
                double tolerance = 1e-9 * fmax(1.0, fabs(theirs[v]));
                if (fabs(ours[v] - theirs[v]) > tolerance ||
                    fabs(norm[v] - theirs[v] * scale) > tolerance)
                    fail_msg("seed %llu, %zu actors, %s, %s, %d threads: actor %zu has %.17g, "
                             "igraph %.17g",
                             (unsigned long long)seed, n, directed ? "directed" : "undirected",
                             s->weighted ? "weighted" : "unweighted", thread_counts[k], v, ours[v],
                             theirs[v]);
            }
        }
    }
    free(ours);
    free(theirs);
    free(norm);
    eco_graph_free(g);
}

static void test_unweighted(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        shape s = {60 + seed * 7, 150 + seed * 30, 0, 0, 1};
        assert_equal_to_igraph(&s, seed);
    }
}

static void test_weighted(void **state)
{
    (void)state;
    for (uint64_t seed = 11; seed <= 16; seed++) {
        shape s = {50 + seed, 160, 0, 1, 1};
        assert_equal_to_igraph(&s, seed);
    }
}

static void test_directed_ties(void **state)
{
    (void)state;
    for (uint64_t seed = 21; seed <= 26; seed++) {
        shape s = {70, 220, 1, (int)(seed % 2), 1};
        assert_equal_to_igraph(&s, seed);
    }
}

static void test_disconnected(void **state)
{
    (void)state;
    for (uint64_t seed = 31; seed <= 36; seed++) {
        /* Four pieces, sparse enough to leave isolated actors too. */
        shape s = {80, 90, (int)(seed % 2), (int)(seed % 3 == 0), 4};
        assert_equal_to_igraph(&s, seed);
    }
}

static void test_large_enough_for_threads(void **state)
{
    (void)state;
    /* Big enough that the default thread count uses every core. */
    shape s = {600, 2400, 1, 1, 2};
    assert_equal_to_igraph(&s, 41);
    s.weighted = 0;
    assert_equal_to_igraph(&s, 42);
}

/* ---- The estimate stays within epsilon where the answer is known ------------------------ */

typedef enum known_shape { STAR, PATH, BIPARTITE } known_shape;

/* A star of `size` leaves, a path of `size` actors, or K(size, size / 2 + 1). */
static eco_graph *known_map(known_shape kind, size_t size, int directed, double *exact_norm)
{
    eco_graph *g;
    size_t a = size, b = size / 2 + 1;
    size_t n = kind == STAR ? size + 1 : kind == PATH ? size : a + b;
    double pairs = (double)(n - 1) * (double)(n - 2) / (directed ? 1.0 : 2.0);

    assert_int_equal(eco_graph_new(&g), 0);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof(id), "v%zu", i);
        assert_int_equal(eco_graph_add_actor(NULL, g, id, id, ECO_TYPE_UNKNOWN, NULL), 0);
    }
    for (size_t i = 0; i < n; i++) {
        double raw = 0;
        if (kind == STAR && i > 0)
            assert_int_equal(eco_graph_add_tie(NULL, g, 0, i, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
        if (kind == STAR && i == 0)
            raw = (double)size * (double)(size - 1) / 2;
        if (kind == PATH && i + 1 < n)
            assert_int_equal(eco_graph_add_tie(NULL, g, i, i + 1,
                                               directed ? ECO_TIE_FUNDING : ECO_TIE_PARTNERSHIP,
                                               directed, 2, NULL),
                             0);
        if (kind == PATH)
            raw = (double)i * (double)(n - 1 - i);
        if (kind == BIPARTITE && i < a) {
            for (size_t j = a; j < n; j++)
                assert_int_equal(eco_graph_add_tie(NULL, g, i, j, ECO_TIE_PARTNERSHIP, 0, 1, NULL),
                                 0);
            raw = (double)b * (double)(b - 1) / (2.0 * (double)a);
        }
        if (kind == BIPARTITE && i >= a)
            raw = (double)a * (double)(a - 1) / (2.0 * (double)b);
        exact_norm[i] = raw / pairs;
    }
    return g;
}

/* Runs the estimate with seeds 1..runs; returns how many runs missed by more than eps, after
 * checking that exact betweenness agrees with the closed form. */
static int misses(known_shape kind, size_t size, int directed, int weighted, double eps, int runs)
{
    double exact[64], estimate[64], computed[64];
    eco_graph *g = known_map(kind, size, directed, exact);
    size_t n = eco_graph_actor_count(g), samples = 0;
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_error err = {0};
    int missed = 0;

    opt.directed = directed;
    opt.weighted = weighted;
    approx.epsilon = eps;
    assert_int_equal(eco_query_measure(computed, g, ECO_MEASURE_BETWEENNESS_NORM, &opt, &err), 0);
    for (size_t v = 0; v < n; v++)
        assert_true(fabs(computed[v] - exact[v]) < 1e-12);
    for (int run = 1; run <= runs; run++) {
        double worst = 0;
        approx.seed = (unsigned long)run;
        opt.threads = run % 3;
        assert_int_equal(eco_query_betweenness_approx(estimate, &samples, g,
                                                      ECO_MEASURE_BETWEENNESS_NORM, &approx, &opt,
                                                      &err),
                         0);
        assert_true(samples > 0);
        for (size_t v = 0; v < n; v++)
            worst = fmax(worst, fabs(estimate[v] - exact[v]));
        missed += worst > eps;
    }
    eco_graph_free(g);
    return missed;
}

/* Exact betweenness of a known shape equals its closed form, on one thread and on three. */
static void assert_exact(known_shape kind, size_t size, int directed, int weighted)
{
    size_t n = kind == STAR ? size + 1 : kind == PATH ? size : size + size / 2 + 1;
    double *exact = calloc(n, sizeof(double)), *computed = calloc(n, sizeof(double));
    eco_graph *g = known_map(kind, size, directed, exact);
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_error err = {0};

    assert_non_null(exact);
    assert_non_null(computed);
    opt.directed = directed;
    opt.weighted = weighted;
    for (opt.threads = 1; opt.threads <= 3; opt.threads += 2) {
        assert_int_equal(eco_query_measure(computed, g, ECO_MEASURE_BETWEENNESS_NORM, &opt, &err),
                         0);
        for (size_t v = 0; v < n; v++)
            if (fabs(computed[v] - exact[v]) > 1e-12)
                fail_msg("actor %zu of %zu: %.17g, not %.17g", v, n, computed[v], exact[v]);
    }
    free(exact);
    free(computed);
    eco_graph_free(g);
}

static void test_exact_on_known_shapes(void **state)
{
    (void)state;
    /* Searches from one batch of sources that reach each actor at a level of its own: more
     * levels, and more visits, than a batch starts with room for. */
    assert_exact(PATH, 300, 0, 0);
    assert_exact(PATH, 300, 1, 0);
    assert_exact(PATH, 300, 0, 1);
    /* One actor that every source of a batch reaches at once. */
    assert_exact(STAR, 200, 0, 0);
    assert_exact(BIPARTITE, 130, 0, 0);
}

static void test_estimate_within_epsilon(void **state)
{
    (void)state;
    /* delta = 0.1: over ten seeds, one miss is what chance allows; the bound is loose, so
     * in practice there are none, and more than two would mean a broken estimate. */
    assert_in_range(misses(STAR, 30, 0, 0, 0.05, 10), 0, 2);
    assert_in_range(misses(PATH, 40, 0, 0, 0.05, 10), 0, 2);
    assert_in_range(misses(PATH, 40, 1, 0, 0.05, 10), 0, 2);
    assert_in_range(misses(PATH, 40, 0, 1, 0.05, 10), 0, 2);
    assert_in_range(misses(BIPARTITE, 20, 0, 0, 0.05, 10), 0, 2);
    assert_in_range(misses(BIPARTITE, 20, 0, 1, 0.05, 10), 0, 2);
}

static void test_estimate_repeats(void **state)
{
    double first[64], again[64];
    eco_graph *g = known_map(BIPARTITE, 20, 0, first);
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_error err = {0};
    (void)state;

    approx.epsilon = 0.05;
    opt.threads = 1;
    assert_int_equal(
        eco_query_betweenness_approx(first, NULL, g, ECO_MEASURE_BETWEENNESS, &approx, &opt, &err),
        0);
    /* Another number of threads, the same seed: the same digits. */
    opt.threads = 3;
    assert_int_equal(
        eco_query_betweenness_approx(again, NULL, g, ECO_MEASURE_BETWEENNESS, &approx, &opt, &err),
        0);
    assert_memory_equal(first, again, sizeof(double) * eco_graph_actor_count(g));
    approx.epsilon = 0;
    assert_int_equal(
        eco_query_betweenness_approx(again, NULL, g, ECO_MEASURE_BETWEENNESS, &approx, &opt, &err),
        ECO_EUSAGE);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unweighted),
        cmocka_unit_test(test_weighted),
        cmocka_unit_test(test_directed_ties),
        cmocka_unit_test(test_disconnected),
        cmocka_unit_test(test_large_enough_for_threads),
        cmocka_unit_test(test_exact_on_known_shapes),
        cmocka_unit_test(test_estimate_within_epsilon),
        cmocka_unit_test(test_estimate_repeats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
