/*
 * queries/betweenness.c - exact betweenness: Brandes' algorithm over the compact layout
 * (csr.c), its sources cut into blocks that threads share (pool.c), the blocks' sums added
 * in block order (block_sum.c), so that every thread count gives the same bits.
 *
 * A block is the sixty-four sources of one batch: unweighted maps search them side by side
 * (brandes_batch.c), weighted ones one after another with Dijkstra (dijkstra.c).  The size
 * is fixed, whatever the thread count, so that each block's sum, and the order the blocks
 * are added in, depend on the map alone.  Adding a block costs n additions, a small share of
 * its sixty-four searches.  The backward pass pulls instead of pushing: a vertex sums what
 * its successors (the neighbours one step further from the source) pass back, so no
 * predecessor lists are kept and directed maps need no in-links.
 */
#include <stdlib.h>

#include "queries_internal.h"

/* Accumulators in flight per worker: enough that a worker rarely waits for a slower one's
 * block to be added before it can start its next (see block_sum.c), at 8 bytes per actor
 * each, beside the 528 of a batch. */
enum { SLOTS_PER_WORKER = 4 };

/* What one worker searches with: a batch on unweighted maps; on weighted ones a Dijkstra
 * search and the coefficients its pass back hands on. */
typedef struct brandes_worker {
    eco_i_batch batch;   /* unweighted maps */
    eco_i_search search; /* weighted maps */
    double *coef;        /* weighted maps: (1 + dependency) / sigma, what a vertex passes back */
} brandes_worker;

typedef struct brandes {
    const eco_i_csr *g;      /* the map */
    brandes_worker *workers; /* one per worker */
    eco_i_block_sum sums;    /* each block's dependencies, added up in block order */
} brandes;

/* ---- The weighted backward pass --------------------------------------------------------- */

/* Adds into score the dependencies of the vertices the last search reached, farthest first. */
static void accumulate_dijkstra(const eco_i_csr *g, eco_i_search *s, double *coef, int32_t reached,
                                double *score)
{
    const int32_t *start = g->out_start, *target = g->out_target;
    const double *length = g->out_length, *sigma = s->sigma;

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

/* ---- Blocks of sources ------------------------------------------------------------------ */

/* Adds into score the dependencies on the sources of one block, in source order. */
static int run_block(const eco_i_csr *g, brandes_worker *w, size_t block, double *score)
{
    int32_t first = (int32_t)(block * ECO_I_BATCH), left = g->n - first;
    int32_t count = left < ECO_I_BATCH ? left : ECO_I_BATCH;

    if (!g->out_length)
        return eco_i_batch_run(g, &w->batch, first, count, score);
    for (int32_t source = first; source < first + count; source++) {
        int32_t reached = eco_i_dijkstra(g, &w->search, source, -1);
        accumulate_dijkstra(g, &w->search, w->coef, reached, score);
    }
    return 0;
}

static int brandes_blocks(void *shared, size_t worker, size_t first, size_t end)
{
    brandes *b = shared;

    for (size_t block = first; block < end; block++) {
        double *score;
        int rc = eco_i_block_sum_open(&score, &b->sums, block);
        /* A failure wakes the workers waiting for a slot, or they would wait forever. */
        if (rc == 0 && (rc = run_block(b->g, &b->workers[worker], block, score)) < 0)
            eco_i_block_sum_fail(&b->sums, rc);
        if (rc < 0)
            return rc;
        eco_i_block_sum_close(&b->sums, block);
    }
    return 0;
}

/* ---- Brandes' algorithm ----------------------------------------------------------------- */

static void brandes_free(brandes *b, size_t workers)
{
    for (size_t k = 0; b->workers && k < workers; k++) {
        eco_i_batch_free(&b->workers[k].batch);
        eco_i_search_free(&b->workers[k].search);
        free(b->workers[k].coef);
    }
    free(b->workers);
    eco_i_block_sum_free(&b->sums);
}

/* The searches of each worker and the block sums: 0 or ECO_ENOMEM. */
static int brandes_init(brandes *b, size_t workers)
{
    int32_t n = b->g->n;
    int rc;

    if ((rc = eco_i_block_sum_init(&b->sums, (size_t)n, SLOTS_PER_WORKER * workers)) < 0)
        return rc;
    if (!(b->workers = calloc(workers, sizeof(*b->workers))))
        return ECO_ENOMEM;
    for (size_t k = 0; k < workers; k++) {
        brandes_worker *w = &b->workers[k];
        if (!b->g->out_length)
            rc = eco_i_batch_init(&w->batch, n);
        else if ((rc = eco_i_search_init(&w->search, n)) == 0)
            rc = (w->coef = calloc((size_t)n + 1, sizeof(*w->coef))) ? 0 : ECO_ENOMEM;
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* out[actor] from each vertex's summed dependencies: halved undirected, where every pair was
 * counted from both of its ends; normalised as NetworkX normalises. */
static void write_scores(double *out, const eco_i_csr *g, const double *total, int normalised)
{
    double n = (double)g->n, scale = g->directed ? 1.0 : 0.5;

    if (normalised)
        scale = n > 2 ? scale * (g->directed ? 1.0 : 2.0) / ((n - 1) * (n - 2)) : 0.0;
    for (int32_t v = 0; v < g->n; v++)
        out[g->actor[v]] = total[v] * scale;
}

int eco_i_betweenness(double *out, const eco_i_view *view, int normalised,
                      const eco_query_options *opt)
{
    eco_i_csr g;
    brandes b = {.g = &g};
    size_t workers = 0, blocks;
    int rc;

    if ((rc = eco_i_csr_build(&g, view, 0)) < 0)
        return rc;
    /* Numbered in breadth-first order, neighbours lie near each other, so the rows of path
     * counts a batch's links touch at one level share pages and cache lines. */
    if (!g.out_length && (rc = eco_i_csr_renumber_by_search(&g)) < 0)
        goto cleanup;
    blocks = ((size_t)g.n + ECO_I_BATCH - 1) / ECO_I_BATCH;
    workers = eco_i_worker_count(opt, blocks, (double)g.n * (double)g.out_start[g.n]);
    /* One block at a time, so that blocks start in order and a worker never holds blocks
     * it has not started while others wait for their turn to be added. */
    if ((rc = brandes_init(&b, workers)) < 0 ||
        (rc = eco_i_parallel_for(workers, blocks, 1, brandes_blocks, &b, opt)) < 0)
        goto cleanup;
    write_scores(out, &g, b.sums.total, normalised);
cleanup:
    brandes_free(&b, workers);
    eco_i_csr_free(&g);
    return rc;
}
