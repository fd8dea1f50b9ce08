/*
 * bench/betweenness.c - times one betweenness computation on a map, for bench/run.
 *
 * usage: betweenness MAP.json ecomap|approx|top|igraph [THREADS] [EPSILON] [SEED]
 *
 * Loads the map, then times only the computation: ecomap's eco_query_measure (exact, with
 * THREADS threads, 0 for one per core), eco_query_betweenness_approx (EPSILON, delta 0.1,
 * seed 1 or SEED), eco_query_betweenness_top for the top 20 (the same, printing also what
 * it promises and every actor's interval), or igraph's own igraph_betweenness on the same
 * simple undirected graph (parallel ties merged, as ecomap's view merges them).  Prints one
 * JSON line: the seconds (wall, and but for igraph the processor time of all threads) and
 * the ids of the 20 actors with the highest betweenness; with top also the paths drawn, the promise (eco_top_promise) and "intervals", each actor's id
 * with [lower, estimate, upper].
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <igraph.h>

#include "ecomap.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Processor time of the whole process, all threads: what a busy machine does not inflate. */
static double processor_time(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int igraph_scores(double *out, const eco_graph *g, double *seconds)
{
    size_t m = eco_graph_tie_count(g);
    igraph_vector_int_t ends;
    igraph_vector_t res;
    igraph_t graph;
    double start;
    int rc = 1;

    if (igraph_vector_int_init(&ends, (igraph_integer_t)(2 * m)) != IGRAPH_SUCCESS)
        return 1;
    for (size_t i = 0; i < m; i++) {
        VECTOR(ends)[2 * i] = (igraph_integer_t)eco_graph_tie(g, i)->source;
        VECTOR(ends)[2 * i + 1] = (igraph_integer_t)eco_graph_tie(g, i)->target;
    }
    if (igraph_create(&graph, &ends, (igraph_integer_t)eco_graph_actor_count(g),
                      IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        goto cleanup;
    if (igraph_simplify(&graph, 1, 1, NULL) == IGRAPH_SUCCESS &&
        igraph_vector_init(&res, 0) == IGRAPH_SUCCESS) {
        start = now();
        if (igraph_betweenness(&graph, &res, igraph_vss_all(), 0, NULL) == IGRAPH_SUCCESS) {
            *seconds = now() - start;
            memcpy(out, VECTOR(res), sizeof(double) * (size_t)igraph_vector_size(&res));
            rc = 0;
        }
        igraph_vector_destroy(&res);
    }
    igraph_destroy(&graph);
cleanup:
    igraph_vector_int_destroy(&ends);
    return rc;
}

static const double *sort_key;

static int by_score(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (sort_key[i] != sort_key[j])
        return sort_key[i] < sort_key[j] ? 1 : -1;
    return i < j ? -1 : 1;
}

int main(int argc, char **argv)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    eco_graph *g = NULL;
    eco_error err = {0};
    double *scores = NULL, *lower = NULL, *upper = NULL, seconds = 0, start, cpu = 0;
    size_t *order = NULL, n;
    eco_top_promise promise = {0};
    int top = argc > 2 && strcmp(argv[2], "top") == 0;
    int rc = 1;

    if (argc < 3) {
        fprintf(stderr, "usage: betweenness MAP.json ecomap|approx|top|igraph [THREADS] [EPSILON] "
                        "[SEED]\n");
        return 64;
    }
    opt.threads = argc > 3 ? atoi(argv[3]) : 0;
    if (argc > 4)
        approx.epsilon = strtod(argv[4], NULL);
    if (argc > 5)
        approx.seed = strtoul(argv[5], NULL, 10);
    if (eco_graph_load(&g, argv[1], &err) < 0) {
        fprintf(stderr, "%s: %s\n", argv[1], err.text);
        return 66;
    }
    n = eco_graph_actor_count(g);
    if (!(scores = calloc(n + 1, sizeof(double))) || !(order = malloc((n + 1) * sizeof(size_t))) ||
        !(lower = calloc(n + 1, sizeof(double))) || !(upper = calloc(n + 1, sizeof(double))))
        goto cleanup;
    if (strcmp(argv[2], "igraph") == 0) {
        if (igraph_scores(scores, g, &seconds) != 0)
            goto cleanup;
    } else {
        start = now();
        cpu = processor_time();
        if ((top ? eco_query_betweenness_top(scores, lower, upper, &promise, g,
                                             ECO_MEASURE_BETWEENNESS, 20, &approx, &opt, &err)
             : strcmp(argv[2], "approx") == 0
                 ? eco_query_betweenness_approx(scores, NULL, g, ECO_MEASURE_BETWEENNESS, &approx,
                                                &opt, &err)
                 : eco_query_measure(scores, g, ECO_MEASURE_BETWEENNESS, &opt, &err)) < 0) {
            fprintf(stderr, "%s\n", err.text);
            goto cleanup;
        }
        seconds = now() - start;
        cpu = processor_time() - cpu;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_key = scores;
    qsort(order, n, sizeof(*order), by_score);
    printf("{\"seconds\": %.6f, \"processor_seconds\": %.6f, \"top\": [", seconds, cpu);
    for (size_t i = 0; i < n && i < 20; i++)
        printf("%s\"%s\"", i ? ", " : "", eco_graph_actor(g, order[i])->id);
    printf("]");
    if (top) {
        printf(", \"samples\": %zu, \"top_floor\": %.17g, \"candidates\": %zu, "
               "\"rest_ceiling\": %.17g, \"sure\": %zu, \"capped\": %d, \"intervals\": {",
               promise.samples, promise.top_floor, promise.candidates, promise.rest_ceiling,
               promise.sure, promise.capped);
        for (size_t i = 0; i < n; i++)
            printf("%s\"%s\": [%.17g, %.17g, %.17g]", i ? ", " : "", eco_graph_actor(g, i)->id,
                   lower[i], scores[i], upper[i]);
        printf("}");
    }
    printf("}\n");
    rc = 0;
cleanup:
    free(scores);
    free(lower);
    free(upper);
    free(order);
    eco_graph_free(g);
    return rc;
}
