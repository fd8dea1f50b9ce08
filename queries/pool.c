/*
 * queries/pool.c - sharing a query's tasks among threads: chunks handed out one at a time
 * from a shared counter, the calling thread working as worker 0 and alone reporting progress.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "queries_internal.h"

typedef struct job {
    atomic_size_t next;           /* the first task not yet handed out */
    atomic_size_t done;           /* tasks finished */
    atomic_int failure;           /* the first error a worker met, or 0 */
    size_t tasks;                 /* tasks in all */
    size_t chunk;                 /* tasks handed out at a time */
    eco_i_work_fn work;           /* what a worker does with a chunk */
    void *shared;                 /* handed to work */
    const eco_query_options *opt; /* progress reports */
} job;

typedef struct worker_slot {
    job *job;     /* shared by all workers */
    size_t index; /* 0 for the calling thread */
} worker_slot;

static void report(const eco_query_options *opt, double percent)
{
    if (opt && opt->progress)
        opt->progress(percent, opt->progress_context);
}

/* Takes chunks until none is left.  Handing chunks out one at a time, instead of a fixed
 * share per thread, keeps both cores busy when one search costs more than another, or when
 * another program takes a core for a while. */
static void *work_loop(void *arg)
{
    worker_slot *w = arg;
    job *j = w->job;
    int shown = 0; /* eco_i_parallel_for has shown 0 % */

    while (atomic_load(&j->failure) == 0) {
        size_t first = atomic_fetch_add(&j->next, j->chunk), end;
        int rc;
        if (first >= j->tasks)
            break;
        end = first + j->chunk < j->tasks ? first + j->chunk : j->tasks;
        if ((rc = j->work(j->shared, w->index, first, end)) < 0) {
            int none = 0;
            atomic_compare_exchange_strong(&j->failure, &none, rc);
            break;
        }
        size_t done = atomic_fetch_add(&j->done, end - first) + (end - first);
        /* One thread reports, so that the callback never runs twice at once. */
        int percent = (int)(100.0 * (double)done / (double)j->tasks);
        if (w->index == 0 && percent != shown && percent < 100) {
            report(j->opt, percent);
            shown = percent;
        }
    }
    return NULL;
}

size_t eco_i_worker_count(const eco_query_options *opt, size_t tasks, double work)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads =
        opt && opt->threads > 0 ? (size_t)opt->threads : (cores > 0 ? (size_t)cores : 1);

    /* Small jobs stay on one thread unless threads were asked for: starting threads would
     * cost more than it saves.  (The result is the same either way.) */
    if (work < 2e6 && !(opt && opt->threads > 0))
        threads = 1;
    if (threads > tasks)
        threads = tasks ? tasks : 1;
    return threads > 256 ? 256 : threads;
}

int eco_i_parallel_for(size_t workers, size_t tasks, size_t chunk, eco_i_work_fn work, void *shared,
                       const eco_query_options *opt)
{
    job j = {.tasks = tasks, .work = work, .shared = shared, .opt = opt};
    worker_slot *each = calloc(workers, sizeof(*each));
    pthread_t *threads = calloc(workers, sizeof(*threads));
    size_t started = 1;
    int rc = ECO_ENOMEM;

    if (!each || !threads)
        goto cleanup;
    atomic_init(&j.next, 0);
    atomic_init(&j.done, 0);
    atomic_init(&j.failure, 0);
    /* Chunks small enough to balance the load, large enough that handing them out is free. */
    j.chunk = chunk ? chunk : tasks / (workers * 64) + 1;
    if (j.chunk > 256)
        j.chunk = 256;
    for (size_t k = 0; k < workers; k++)
        each[k] = (worker_slot){&j, k};
    /* A thread that cannot start leaves its share to the others: the result is the same. */
    for (; started < workers; started++)
        if (pthread_create(&threads[started], NULL, work_loop, &each[started]) != 0)
            break;
    report(opt, 0);
    work_loop(&each[0]);
    for (size_t k = 1; k < started; k++)
        pthread_join(threads[k], NULL);
    rc = atomic_load(&j.failure);
    if (rc == 0)
        report(opt, 100);
cleanup:
    free(each);
    free(threads);
    return rc;
}
