/*
 * queries/block_sum.c - per-block sums added in block order, whatever order the blocks
 * finish in, so that a sum shared among threads comes out the same to the last bit on any
 * number of threads and under any schedule.
 *
 * Floating-point addition is not associative: a total depends on the order of its terms.
 * Work is therefore cut into blocks of a fixed size, whatever the thread count; each block
 * sums into an accumulator of its own, from zero, in an order that depends on the block
 * alone; and the accumulators are added into the total in block order, block 0 first.
 *
 * Holding one accumulator per block for the whole run would cost a value per vertex per
 * block, blocks x n in all.  A fixed tree of partial sums (pairwise over blocks) would hold
 * log2(blocks) of them when blocks finish in order, but more when they do not, and would
 * still need a rule for a worker that runs too far ahead.  A reorder buffer is simpler and
 * bounded: a ring of `window` accumulators, block k in slot k % window.  A finished block
 * waits in its slot until the blocks before it are added; a worker whose next block's slot
 * is still taken waits for it to be freed.  Blocks are handed out in order and cost about
 * the same, so they finish nearly in order and the waits are rare: the caller sizes the
 * window at a few blocks per worker.  Memory is window x n values, however many blocks.
 *
 * Locking a default mutex that init made cannot fail, so those results are not checked.
 */
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

void eco_i_block_sum_free(eco_i_block_sum *s)
{
    if (s->synchronised) {
        pthread_cond_destroy(&s->turn);
        pthread_mutex_destroy(&s->lock);
    }
    free(s->total);
    free(s->slots);
    free(s->finished);
    memset(s, 0, sizeof(*s));
}

int eco_i_block_sum_init(eco_i_block_sum *s, size_t n, size_t window)
{
    int rc = ECO_ENOMEM;

    memset(s, 0, sizeof(*s));
    s->n = n;
    s->window = window;
    s->total = calloc(n + 1, sizeof(*s->total));
    s->slots = calloc(n * window + 1, sizeof(*s->slots));
    s->finished = calloc(window + 1, sizeof(*s->finished));
    if (!s->total || !s->slots || !s->finished || pthread_mutex_init(&s->lock, NULL) != 0)
        goto cleanup;
    if (pthread_cond_init(&s->turn, NULL) != 0) {
        pthread_mutex_destroy(&s->lock);
        goto cleanup;
    }
    s->synchronised = 1;
    rc = 0;
cleanup:
    if (rc < 0)
        eco_i_block_sum_free(s);
    return rc;
}

int eco_i_block_sum_open(double **out, eco_i_block_sum *s, size_t block)
{
    int rc;

    pthread_mutex_lock(&s->lock);
    /* The block `window` places back holds the slot until it is added. */
    while (s->failure == 0 && block >= s->added + s->window)
        pthread_cond_wait(&s->turn, &s->lock);
    rc = s->failure;
    pthread_mutex_unlock(&s->lock);
    *out = s->slots + (block % s->window) * s->n;
    return rc;
}

/* Adds slot into the total and clears it for the block that will use it next. */
static void add_slot(eco_i_block_sum *s, size_t slot)
{
    double *from = s->slots + slot * s->n;

    for (size_t v = 0; v < s->n; v++) {
        s->total[v] += from[v];
        from[v] = 0;
    }
}

void eco_i_block_sum_close(eco_i_block_sum *s, size_t block)
{
    size_t was;

    pthread_mutex_lock(&s->lock);
    was = s->added;
    s->finished[block % s->window] = 1;
    /* Under the lock: n additions beside a block's searches are a small share of its
     * work, and the order is fixed, so no two threads could add at once anyway. */
    while (s->finished[s->added % s->window]) {
        s->finished[s->added % s->window] = 0;
        add_slot(s, s->added % s->window);
        s->added++;
    }
    if (s->added != was)
        pthread_cond_broadcast(&s->turn);
    pthread_mutex_unlock(&s->lock);
}

void eco_i_block_sum_fail(eco_i_block_sum *s, int rc)
{
    pthread_mutex_lock(&s->lock);
    if (s->failure == 0)
        s->failure = rc;
    pthread_cond_broadcast(&s->turn);
    pthread_mutex_unlock(&s->lock);
}
