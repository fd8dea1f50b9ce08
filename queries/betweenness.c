/*
 * queries/betweenness.c - exact betweenness: Brandes' algorithm over the compact layout
 * (csr.c), the sources shared among threads (pool.c), each thread summing into its own
 * accumulator.
 *
 * Unweighted maps are searched sixty-four sources at a time (brandes_batch.c), weighted ones
 * one source at a time with Dijkstra (dijkstra.c).  The backward pass pulls instead of
 * pushing: a vertex sums what its successors (the neighbours one step further from the
 * source) pass back, so no predecessor lists are kept and directed maps need no in-links.
 * Each worker owns its arrays, and only the vertices a search reached are reset after it.
 */
#include <stdlib.h>

#include "queries_internal.h"

/* ---- The weighted backward pass --------------------------------------------------------- */

static void accumulate_dijkstra(const eco_i_csr *g, eco_i_search *s, int32_t reached)
{
    const int32_t *start = g->out_start, *target = g->out_target;
    const double *length = g->out_length, *sigma = s->sigma;
    double *coef = s->coef, *score = s->score;

    for (int32_t i = reached - 1; i > 0; i--) {
        int32_t v = s->order[i];
        double sum = 0;
        for (int32_t e = start[v]; e < start[v + 1]; e++)
            if (eco_i_dijkstra_on_path(s, v, target[e], length[e]))
                sum += coef[target[e]];
        double dependency = sigma[v] * sum;
        score[v] += dependency;
        coef[v] = (1 + dependency) / sigma[v];
    }
    eco_i_dijkstra_reset(s, reached);
}

/* ---- Brandes' algorithm ----------------------------------------------------------------- */

/* Each worker has a Dijkstra search on weighted maps, a batch of searches on unweighted
 * ones; a task is one source, or one batch of sources. */
typedef struct brandes {
    const eco_i_csr *g;
    eco_i_search *searches;
    eco_i_batch *batches;
} brandes;

static int brandes_sources(void *shared, size_t worker, size_t first, size_t end)
{
    brandes *b = shared;

    for (size_t task = first; task < end; task++) {
        if (b->searches) {
            eco_i_search *s = &b->searches[worker];
            int32_t reached = eco_i_dijkstra(b->g, s, (int32_t)task, -1);
            accumulate_dijkstra(b->g, s, reached);
        } else {
            int32_t source = (int32_t)(task * ECO_I_BATCH), left = b->g->n - source;
            if (eco_i_batch_run(b->g, &b->batches[worker], source,
                                left < ECO_I_BATCH ? left : ECO_I_BATCH) < 0)
                return ECO_ENOMEM;
        }
    }
    return 0;
}

static double *worker_score(const brandes *b, size_t worker)
{
    return b->searches ? b->searches[worker].score : b->batches[worker].score;
}

static void brandes_free(brandes *b, size_t ready)
{
    for (size_t k = 0; k < ready; k++) {
        if (b->searches)
            eco_i_search_free(&b->searches[k]);
        else
            eco_i_batch_free(&b->batches[k]);
    }
    free(b->searches);
    free(b->batches);
}

/* One search, or batch of searches, for each worker: 0 or ECO_ENOMEM; *ready counts those
 * made. */
static int brandes_init(brandes *b, size_t workers, size_t *ready)
{
    if (b->g->out_length ? !(b->searches = calloc(workers, sizeof(*b->searches)))
                         : !(b->batches = calloc(workers, sizeof(*b->batches))))
        return ECO_ENOMEM;
    for (*ready = 0; *ready < workers; ++*ready) {
        int rc = b->searches ? eco_i_search_init(&b->searches[*ready], b->g->n)
                             : eco_i_batch_init(&b->batches[*ready], b->g->n);
        if (rc < 0)
            return rc; /* the one that failed freed itself */
    }
    return 0;
}

int eco_i_betweenness(double *out, const eco_i_view *view, int normalised,
                      const eco_query_options *opt)
{
    eco_i_csr g;
    brandes b = {&g, NULL, NULL};
    size_t workers = 0, ready = 0, tasks;
    double n, scale;
    int rc;

    if ((rc = eco_i_csr_build(&g, view, 0)) < 0)
        return rc;
    n = (double)g.n;
    tasks = g.out_length ? (size_t)g.n : ((size_t)g.n + ECO_I_BATCH - 1) / ECO_I_BATCH;
    workers = eco_i_worker_count(opt, tasks, n * (double)g.out_start[g.n]);
    if ((rc = brandes_init(&b, workers, &ready)) < 0 ||
        (rc = eco_i_parallel_for(workers, tasks, brandes_sources, &b, opt)) < 0)
        goto cleanup;
    /* Undirected, every pair was counted from both of its ends. */
    scale = view->directed ? 1.0 : 0.5;
    if (normalised)
        scale = n > 2 ? scale * (view->directed ? 1.0 : 2.0) / ((n - 1) * (n - 2)) : 0.0;
    for (int32_t v = 0; v < g.n; v++) {
        double sum = 0;
        for (size_t k = 0; k < workers; k++)
            sum += worker_score(&b, k)[v];
        out[g.actor[v]] = sum * scale;
    }
cleanup:
    brandes_free(&b, ready);
    eco_i_csr_free(&g);
    return rc;
}
