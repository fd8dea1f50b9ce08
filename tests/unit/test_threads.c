/*
 * What include/ecomap/graph.h promises of threads: queries, exports and diagrams run from
 * several threads at once, on one map or on a map each, give what one thread gives;
 * among them the first query after a change, which builds the map's igraph view.  Imports
 * into a map each too.  Before igraph and Graphviz were used under one lock, this test
 * ended in igraph's "Corrupt finally stack" abort, crashes in Graphviz, or other results.
 */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"

#define THREADS 6
#define ROUNDS 3
#define ACTORS 120

/* ---- A map, and everything computed on it ----------------------------------------------- */

static eco_graph *make_map(void)
{
    eco_graph *g = NULL;
    uint64_t state = 20240611;
    char name[32];

    assert_int_equal(eco_graph_new(&g), 0);
    for (size_t i = 0; i < ACTORS; i++) {
        snprintf(name, sizeof(name), "Agency %zu", i);
        assert_int_equal(eco_graph_add_actor(NULL, g, NULL, name, (eco_actor_type)(i % 8), NULL),
                         0);
    }
    for (size_t k = 0; k < 3 * ACTORS; k++) {
        size_t a, b;
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        a = (size_t)(state >> 33) % ACTORS;
        b = (size_t)(state >> 13) % ACTORS;
        if (a != b)
            assert_int_equal(eco_graph_add_tie(NULL, g, a, b, (eco_tie_kind)(k % 6), k % 2,
                                               1 + (double)(k % 3), NULL), 0);
    }
    return g;
}

typedef struct results {
    eco_stats stats;
    double measures[4][ACTORS]; /* closeness, PageRank, betweenness, constraint */
    size_t membership[ACTORS];  /* Leiden communities */
    size_t cut_points;
    size_t path_count;
    size_t path_actors[3][ACTORS];
    char *dot;  /* eco_diagram_dot's text */
    char *json; /* eco_export_stream's native map */
} results;

static const eco_measure measures[4] = {ECO_MEASURE_CLOSENESS, ECO_MEASURE_PAGERANK,
                                        ECO_MEASURE_BETWEENNESS, ECO_MEASURE_CONSTRAINT};

/* The native map (diagram 0) or the diagram's DOT (1) as text; NULL on failure. */
static char *to_text(const eco_graph *g, int diagram)
{
    eco_error err = {0};
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    int rc;

    if (!fp)
        return NULL;
    rc = diagram ? eco_diagram_dot(g, NULL, fp, "memory", &err)
                 : eco_export_stream(g, ECO_EXPORT_JSON, NULL, fp, "memory", &err);
    if (fclose(fp) != 0 || rc != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* Computes everything into r: NULL, or the name of what failed.  Threads call it, and
 * cmocka's checks may run on the test's own thread only. */
static const char *compute(results *r, const eco_graph *g)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_error err = {0};
    eco_communities *c = NULL;
    eco_cuts *cuts = NULL;
    eco_path *paths = NULL;

    opt.threads = 1;
    memset(r, 0, sizeof(*r));
    if (eco_query_stats(&r->stats, g, &err) != 0)
        return "stats";
    for (size_t m = 0; m < 4; m++)
        if (eco_query_measure(r->measures[m], g, measures[m], &opt, &err) != 0)
            return eco_measure_name(measures[m]);
    if (eco_query_communities(&c, g, ECO_COMMUNITY_LEIDEN, &opt, &err) != 0)
        return "communities";
    memcpy(r->membership, c->membership, sizeof(r->membership));
    eco_communities_free(c);
    if (eco_query_cuts(&cuts, g, &opt, &err) != 0)
        return "cuts";
    r->cut_points = cuts->cut_point_count;
    eco_cuts_free(cuts);
    if (eco_query_paths(&paths, &r->path_count, g, 0, ACTORS - 1, 3, &opt, &err) != 0)
        return "paths";
    for (size_t p = 0; p < r->path_count && p < 3; p++)
        memcpy(r->path_actors[p], paths[p].actors, (paths[p].length + 1) * sizeof(size_t));
    eco_paths_free(paths, r->path_count);
    if (!(r->dot = to_text(g, 1)))
        return "DOT";
    if (!(r->json = to_text(g, 0)))
        return "JSON";
    return NULL;
}

/* 0 when a and b agree to the bit; else a message naming the first difference. */
static const char *differ(const results *a, const results *b)
{
    if (memcmp(&a->stats, &b->stats, sizeof(a->stats)) != 0)
        return "stats";
    for (size_t m = 0; m < 4; m++)
        for (size_t i = 0; i < ACTORS; i++)
            if (!(a->measures[m][i] == b->measures[m][i] ||
                  (isnan(a->measures[m][i]) && isnan(b->measures[m][i]))))
                return eco_measure_name(measures[m]);
    if (memcmp(a->membership, b->membership, sizeof(a->membership)) != 0)
        return "communities";
    if (a->cut_points != b->cut_points)
        return "cut-points";
    if (a->path_count != b->path_count ||
        memcmp(a->path_actors, b->path_actors, sizeof(a->path_actors)) != 0)
        return "paths";
    if (strcmp(a->dot, b->dot) != 0)
        return "DOT";
    if (strcmp(a->json, b->json) != 0)
        return "JSON";
    return NULL;
}

static void results_free(results *r)
{
    free(r->dot);
    free(r->json);
}

/* ---- Threads ---------------------------------------------------------------------------- */

typedef struct worker {
    const results *expected;
    const eco_graph *map; /* the map this thread reads, its own or one they share */
    pthread_barrier_t *start;
    const char *wrong;    /* what failed or came out different, or NULL */
} worker;

static void *run(void *arg)
{
    worker *w = arg;
    results got;

    /* All start together, so that the first query after a change races if it can. */
    pthread_barrier_wait(w->start);
    if (!(w->wrong = compute(&got, w->map)))
        w->wrong = differ(&got, w->expected);
    results_free(&got);
    return NULL;
}

static void run_together(const results *expected, eco_graph *const maps[THREADS])
{
    pthread_t threads[THREADS];
    worker workers[THREADS];
    pthread_barrier_t start;

    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (size_t t = 0; t < THREADS; t++) {
        workers[t] = (worker){expected, maps[t], &start, NULL};
        assert_int_equal(pthread_create(&threads[t], NULL, run, &workers[t]), 0);
    }
    for (size_t t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    pthread_barrier_destroy(&start);
    for (size_t t = 0; t < THREADS; t++)
        if (workers[t].wrong)
            fail_msg("thread %zu: %s failed or differs from one thread's", t, workers[t].wrong);
}

/* ---- Tests ------------------------------------------------------------------------------ */

static void one_map_read_by_many_threads(void **state)
{
    eco_graph *maps[THREADS];
    results expected;
    eco_graph *reference = make_map();
    (void)state;

    assert_null(compute(&expected, reference));
    eco_graph_free(reference);
    for (size_t round = 0; round < ROUNDS; round++) {
        /* A fresh map each round: its igraph view is built by whichever thread comes first. */
        eco_graph *g = make_map();
        for (size_t t = 0; t < THREADS; t++)
            maps[t] = g;
        run_together(&expected, maps);
        eco_graph_free(g);
    }
    results_free(&expected);
}

static void a_map_each(void **state)
{
    eco_graph *maps[THREADS];
    results expected;
    eco_graph *reference = make_map();
    (void)state;

    assert_null(compute(&expected, reference));
    eco_graph_free(reference);
    for (size_t round = 0; round < ROUNDS; round++) {
        for (size_t t = 0; t < THREADS; t++)
            maps[t] = make_map();
        run_together(&expected, maps);
        for (size_t t = 0; t < THREADS; t++)
            eco_graph_free(maps[t]);
    }
    results_free(&expected);
}

/* Imports into a map each, all at once: the importer's tables, built on first use, are
 * built by whichever thread comes first (this test runs first, so that none is built). */
typedef struct importer {
    const char *path;         /* what to import */
    pthread_barrier_t *start; /* all start together */
    char *json;               /* the map imported, as native JSON; NULL on failure */
} importer;

static void *import_one(void *arg)
{
    importer *im = arg;
    eco_graph *g = NULL;
    eco_error err = {0};

    pthread_barrier_wait(im->start);
    if (eco_import_paths(&g, &im->path, 1, NULL, &err) == 0)
        im->json = to_text(g, 0);
    eco_graph_free(g);
    return NULL;
}

static void imports_into_a_map_each(void **state)
{
    pthread_t threads[THREADS];
    importer importers[THREADS];
    pthread_barrier_t start;
    char path[4096];
    const char *source = getenv("ECOMAP_SOURCE_DIR");
    (void)state;

    snprintf(path, sizeof(path), "%s/examples/records", source ? source : ".");
    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (size_t t = 0; t < THREADS; t++) {
        importers[t] = (importer){path, &start, NULL};
        assert_int_equal(pthread_create(&threads[t], NULL, import_one, &importers[t]), 0);
    }
    for (size_t t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    pthread_barrier_destroy(&start);
    for (size_t t = 0; t < THREADS; t++) {
        if (!importers[t].json)
            fail_msg("thread %zu: the import failed", t);
        if (strcmp(importers[t].json, importers[0].json) != 0)
            fail_msg("thread %zu: the map differs from thread 0's", t);
    }
    assert_non_null(strstr(importers[0].json, "\"actors\""));
    for (size_t t = 0; t < THREADS; t++)
        free(importers[t].json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(imports_into_a_map_each),
        cmocka_unit_test(one_map_read_by_many_threads),
        cmocka_unit_test(a_map_each),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
