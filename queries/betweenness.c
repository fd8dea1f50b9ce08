/*
 * queries/betweenness.c - exact betweenness: Brandes' algorithm over compressed sparse rows,
 * the sources shared among threads, each thread summing into its own accumulator.
 *
 * The backward pass pulls instead of pushing: a vertex sums what its successors (the
 * neighbours one step further from the source) pass back, so no predecessor lists are
 * kept and directed maps need no in-links.  Nothing is allocated per source: each worker
 * owns its arrays, and only the vertices a search reached are reset after it.
 */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "queries_internal.h"

/* ---- The compact layout ----------------------------------------------------------------- */

typedef struct row_link {
    int32_t target;
    double length;
} row_link;

static int by_target(const void *a, const void *b)
{
    const row_link *x = a, *y = b;
    return (x->target > y->target) - (x->target < y->target);
}

/* Sorts a row by target: insertion sort for the short rows most vertices have, qsort for
 * the hubs'.  The order only speeds the searches up, so a row left unsorted for want of
 * memory is no error. */
static void sort_row(int32_t *target, double *length, int32_t count)
{
    if (count > 32) {
        row_link *row = malloc(sizeof(*row) * (size_t)count);
        if (!row)
            return;
        for (int32_t i = 0; i < count; i++)
            row[i] = (row_link){target[i], length ? length[i] : 0};
        qsort(row, (size_t)count, sizeof(*row), by_target);
        for (int32_t i = 0; i < count; i++) {
            target[i] = row[i].target;
            if (length)
                length[i] = row[i].length;
        }
        free(row);
        return;
    }
    for (int32_t i = 1; i < count; i++) {
        int32_t t = target[i], j = i;
        double len = length ? length[i] : 0;
        for (; j > 0 && target[j - 1] > t; j--) {
            target[j] = target[j - 1];
            if (length)
                length[j] = length[j - 1];
        }
        target[j] = t;
        if (length)
            length[j] = len;
    }
}

/* Fills start/target/length with the links of `ends` grouped by their first end (by their
 * second when reverse): a counting sort, O(n + m). */
static void fill_rows(int32_t *start, int32_t *target, double *length, int32_t n,
                      const igraph_vector_int_t *ends, const igraph_vector_t *lengths,
                      int both_ways, int reverse)
{
    igraph_integer_t m = igraph_vector_int_size(ends) / 2;

    memset(start, 0, sizeof(*start) * ((size_t)n + 1));
    for (igraph_integer_t e = 0; e < m; e++) {
        int32_t a = (int32_t)VECTOR(*ends)[2 * e], b = (int32_t)VECTOR(*ends)[2 * e + 1];
        start[(reverse ? b : a) + 1]++;
        if (both_ways)
            start[(reverse ? a : b) + 1]++;
    }
    for (int32_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    for (igraph_integer_t e = 0; e < m; e++) {
        int32_t a = (int32_t)VECTOR(*ends)[2 * e], b = (int32_t)VECTOR(*ends)[2 * e + 1];
        double len = lengths ? VECTOR(*lengths)[e] : 1.0;
        int32_t from = reverse ? b : a, to = reverse ? a : b;
        /* start[v] runs ahead as v's row fills; it is moved back below. */
        target[start[from]] = to;
        if (length)
            length[start[from]] = len;
        start[from]++;
        if (both_ways) {
            target[start[to]] = from;
            if (length)
                length[start[to]] = len;
            start[to]++;
        }
    }
    for (int32_t v = n; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
    /* Rows in increasing order walk the per-vertex arrays forwards; lengths ride along. */
    for (int32_t v = 0; v < n; v++)
        sort_row(target + start[v], length ? length + start[v] : NULL, start[v + 1] - start[v]);
}

static int alloc_rows(int32_t **start, int32_t **target, double **length, int32_t n, size_t links,
                      int weighted)
{
    *start = malloc(sizeof(**start) * ((size_t)n + 1));
    *target = malloc(sizeof(**target) * (links + 1));
    *length = weighted ? malloc(sizeof(**length) * (links + 1)) : NULL;
    return *start && *target && (*length || !weighted) ? 0 : ECO_ENOMEM;
}

typedef struct ranked {
    int32_t degree, actor;
} ranked;

static int by_falling_degree(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->degree != y->degree)
        return x->degree > y->degree ? -1 : 1;
    return (x->actor > y->actor) - (x->actor < y->actor);
}

/* Numbers the vertices by falling degree, rewriting ends in the new numbers. */
static int renumber(int32_t **actor, igraph_vector_int_t *ends, int32_t n)
{
    igraph_integer_t count = igraph_vector_int_size(ends);
    ranked *rank = calloc((size_t)n + 1, sizeof(*rank));
    int32_t *vertex = malloc(sizeof(*vertex) * ((size_t)n + 1));

    *actor = malloc(sizeof(**actor) * ((size_t)n + 1));
    if (!rank || !vertex || !*actor) {
        free(rank);
        free(vertex);
        return ECO_ENOMEM;
    }
    for (int32_t v = 0; v < n; v++)
        rank[v].actor = v;
    for (igraph_integer_t k = 0; k < count; k++)
        rank[VECTOR(*ends)[k]].degree++;
    qsort(rank, (size_t)n, sizeof(*rank), by_falling_degree);
    for (int32_t v = 0; v < n; v++) {
        (*actor)[v] = rank[v].actor;
        vertex[rank[v].actor] = v;
    }
    for (igraph_integer_t k = 0; k < count; k++)
        VECTOR(*ends)[k] = vertex[VECTOR(*ends)[k]];
    free(rank);
    free(vertex);
    return 0;
}

int eco_i_csr_build(eco_i_csr *csr, const eco_i_view *view, int with_in)
{
    igraph_vector_int_t ends;
    const igraph_vector_t *lengths = eco_i_view_lengths(view);
    igraph_integer_t n = igraph_vcount(&view->graph), m = igraph_ecount(&view->graph);
    size_t links = (size_t)m * (view->directed ? 1 : 2);
    int rc = ECO_ENOMEM;

    memset(csr, 0, sizeof(*csr));
    /* int32 indices halve the memory a search walks; maps beyond them are out of reach. */
    if (n >= INT32_MAX || links >= INT32_MAX)
        return ECO_ENOMEM;
    if (igraph_vector_int_init(&ends, 0) != IGRAPH_SUCCESS)
        return ECO_ENOMEM;
    if (igraph_get_edgelist(&view->graph, &ends, 0) != IGRAPH_SUCCESS)
        goto cleanup;
    csr->n = (int32_t)n;
    csr->directed = view->directed;
    if (renumber(&csr->actor, &ends, csr->n) < 0)
        goto cleanup;
    if (alloc_rows(&csr->out_start, &csr->out_target, &csr->out_length, csr->n, links,
                   lengths != NULL) < 0)
        goto cleanup;
    fill_rows(csr->out_start, csr->out_target, csr->out_length, csr->n, &ends, lengths,
              !view->directed, 0);
    if (with_in && view->directed) {
        if (alloc_rows(&csr->in_start, &csr->in_target, &csr->in_length, csr->n, links,
                       lengths != NULL) < 0)
            goto cleanup;
        fill_rows(csr->in_start, csr->in_target, csr->in_length, csr->n, &ends, lengths, 0, 1);
    }
    rc = 0;
cleanup:
    igraph_vector_int_destroy(&ends);
    if (rc < 0)
        eco_i_csr_free(csr);
    return rc;
}

void eco_i_csr_free(eco_i_csr *csr)
{
    free(csr->out_start);
    free(csr->out_target);
    free(csr->out_length);
    free(csr->in_start);
    free(csr->in_target);
    free(csr->in_length);
    free(csr->actor);
    memset(csr, 0, sizeof(*csr));
}

int eco_i_length_cmp(double a, double b)
{
    /* igraph_cmp_epsilon with IGRAPH_SHORTEST_PATH_EPSILON: the same ties as igraph. */
    const double eps = 1e-10;
    double diff = a - b, sum = fabs(a) + fabs(b);

    if (a == b)
        return 0;
    if (a == 0 || b == 0 || sum < DBL_MIN)
        return fabs(diff) < eps * DBL_MIN ? 0 : (diff < 0 ? -1 : 1);
    if (!isfinite(sum))
        return fabs(diff) < eps * fabs(a) ? 0 : (diff < 0 ? -1 : 1);
    return fabs(diff) / sum < eps ? 0 : (diff < 0 ? -1 : 1);
}

/* ---- Sharing work among threads --------------------------------------------------------- */

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
     * cost more than it saves, and one thread sums in one order, so small maps give the same
     * digits everywhere. */
    if (work < 2e6 && !(opt && opt->threads > 0))
        threads = 1;
    if (threads > tasks)
        threads = tasks ? tasks : 1;
    return threads > 256 ? 256 : threads;
}

int eco_i_parallel_for(size_t workers, size_t tasks, eco_i_work_fn work, void *shared,
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
    j.chunk = tasks / (workers * 64) + 1;
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

/* ---- Brandes' algorithm ----------------------------------------------------------------- */

typedef struct brandes {
    const eco_i_csr *g;     /* the map */
    eco_i_search *searches; /* one per worker */
} brandes;

void eco_i_search_free(eco_i_search *s)
{
    free(s->order);
    free(s->hop);
    free(s->successor);
    free(s->dist);
    free(s->sigma);
    free(s->coef);
    free(s->score);
    free(s->heap);
    free(s->slot);
}

int eco_i_search_init(eco_i_search *s, int32_t n, size_t links, int weighted)
{
    size_t count = (size_t)n + 1;

    memset(s, 0, sizeof(*s));
    s->order = malloc(count * sizeof(int32_t));
    s->score = calloc(count, sizeof(double));
    if (weighted) {
        s->dist = calloc(count, sizeof(double));
        s->sigma = malloc(count * sizeof(double));
        s->coef = calloc(count, sizeof(double));
        s->heap = malloc(count * sizeof(int32_t));
        s->slot = malloc(count * sizeof(int32_t));
    } else {
        s->hop = malloc(count * sizeof(*s->hop));
        s->successor = malloc((links + 1) * sizeof(int32_t));
    }
    if (!s->order || !s->score ||
        (weighted ? !s->dist || !s->sigma || !s->coef || !s->heap || !s->slot
                  : !s->hop || !s->successor)) {
        eco_i_search_free(s);
        return ECO_ENOMEM;
    }
    for (int32_t v = 0; v < n; v++) {
        if (weighted)
            s->slot[v] = -1;
        else
            s->hop[v] = (eco_i_hop){0, -1, 0};
    }
    return 0;
}

/* x when keep, else 0, without a branch the processor could not predict; unlike x * keep,
 * never NaN. */
static inline double masked(double x, int keep)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof(bits));
    bits &= (uint64_t)0 - (uint64_t)keep;
    memcpy(&x, &bits, sizeof(x));
    return x;
}

/* Breadth-first search from source, counting shortest paths; returns the vertices reached.
 * Each vertex's successors (its neighbours one level further) are written where its row of
 * links lies, so that the way back reads only them, in order. */
static int32_t count_paths_bfs(const eco_i_csr *g, eco_i_search *s, int32_t source)
{
    const int32_t *start = g->out_start, *target = g->out_target;
    eco_i_hop *hop = s->hop;
    int32_t *order = s->order;
    int32_t head = 0, tail = 0;

    hop[source] = (eco_i_hop){1, 0, 0};
    order[tail++] = source;
    while (head < tail) {
        int32_t v = order[head++], next = hop[v].level + 1, found = 0;
        int32_t *successor = s->successor + start[v];
        double paths = hop[v].value;
        for (int32_t e = start[v]; e < start[v + 1]; e++) {
            eco_i_hop *w = &hop[target[e]];
            if (w->level < 0) {
                *w = (eco_i_hop){0, next, 0};
                order[tail++] = target[e];
            }
            /* Written always, kept only when w is a successor: no branch to mispredict. */
            int on = w->level == next;
            w->value += masked(paths, on);
            successor[found] = target[e];
            found += on;
        }
        hop[v].successors = found;
    }
    return tail;
}

/* Sums dependencies back from the farthest vertices: a vertex gathers the coefficient of
 * each successor, which the reverse order has already finished, and then its own
 * coefficient, (1 + dependency) / paths, replaces its path count. */
static void accumulate_bfs(const eco_i_csr *g, eco_i_search *s, int32_t reached)
{
    const int32_t *start = g->out_start, *order = s->order;
    eco_i_hop *hop = s->hop;
    double *score = s->score;

    for (int32_t i = reached - 1; i > 0; i--) {
        int32_t v = order[i], count = hop[v].successors, k = 0;
        const int32_t *successor = s->successor + start[v];
        /* Two sums, so that each addition need not wait for the one before. */
        double sum0 = 0, sum1 = 0;
        for (; k + 1 < count; k += 2) {
            sum0 += hop[successor[k]].value;
            sum1 += hop[successor[k + 1]].value;
        }
        if (k < count)
            sum0 += hop[successor[k]].value;
        double dependency = hop[v].value * (sum0 + sum1);
        score[v] += dependency;
        hop[v].value = (1 + dependency) / hop[v].value;
    }
    for (int32_t i = 0; i < reached; i++)
        hop[order[i]].level = -1;
}

/* ---- The weighted search: Dijkstra on a binary heap ------------------------------------- */

static void heap_place(eco_i_search *s, int32_t at, int32_t v)
{
    s->heap[at] = v;
    s->slot[v] = at;
}

static void heap_up(eco_i_search *s, int32_t at)
{
    int32_t v = s->heap[at];
    while (at > 0) {
        int32_t parent = (at - 1) / 2;
        if (s->dist[s->heap[parent]] <= s->dist[v])
            break;
        heap_place(s, at, s->heap[parent]);
        at = parent;
    }
    heap_place(s, at, v);
}

static int32_t heap_pop(eco_i_search *s, int32_t *size)
{
    int32_t top = s->heap[0], v = s->heap[--*size], at = 0;

    while (2 * at + 1 < *size) {
        int32_t child = 2 * at + 1;
        if (child + 1 < *size && s->dist[s->heap[child + 1]] < s->dist[s->heap[child]])
            child++;
        if (s->dist[v] <= s->dist[s->heap[child]])
            break;
        heap_place(s, at, s->heap[child]);
        at = child;
    }
    if (*size > 0)
        heap_place(s, at, v);
    s->slot[top] = -2;
    return top;
}

int32_t eco_i_dijkstra(const eco_i_csr *g, eco_i_search *s, int32_t source, int32_t stop)
{
    const int32_t *start = g->out_start, *target = g->out_target;
    const double *length = g->out_length;
    double *dist = s->dist, *sigma = s->sigma;
    int32_t size = 0, reached = 0;

    dist[source] = 1.0;
    sigma[source] = 1;
    heap_place(s, size++, source);
    while (size > 0) {
        int32_t v = heap_pop(s, &size);
        s->order[reached++] = v;
        if (v == stop) {
            /* What waits in the heap lies on no path to stop: forget it now. */
            for (int32_t k = 0; k < size; k++) {
                s->dist[s->heap[k]] = 0;
                s->slot[s->heap[k]] = -1;
            }
            break;
        }
        for (int32_t e = start[v]; e < start[v + 1]; e++) {
            int32_t w = target[e];
            double through = dist[v] + length[e];
            int cmp = dist[w] == 0 ? -1 : eco_i_length_cmp(through, dist[w]);
            if (cmp < 0 && s->slot[w] != -2) {
                dist[w] = through;
                sigma[w] = sigma[v];
                if (s->slot[w] < 0)
                    heap_place(s, size++, w);
                heap_up(s, s->slot[w]);
            } else if (cmp == 0 && s->slot[w] != -2) {
                sigma[w] += sigma[v];
            }
        }
    }
    return reached;
}

static void accumulate_dijkstra(const eco_i_csr *g, eco_i_search *s, int32_t reached)
{
    const int32_t *start = g->out_start, *target = g->out_target;
    const double *length = g->out_length, *dist = s->dist, *sigma = s->sigma;
    double *coef = s->coef, *score = s->score;

    for (int32_t i = reached - 1; i > 0; i--) {
        int32_t v = s->order[i];
        double sum = 0;
        for (int32_t e = start[v]; e < start[v + 1]; e++) {
            int32_t w = target[e];
            /* w follows v on a shortest path: it was finished after v, at v's distance
             * plus the link. */
            if (s->slot[w] == -2 && dist[w] > dist[v] &&
                eco_i_length_cmp(dist[v] + length[e], dist[w]) == 0)
                sum += coef[w];
        }
        double dependency = sigma[v] * sum;
        score[v] += dependency;
        coef[v] = (1 + dependency) / sigma[v];
    }
    eco_i_dijkstra_reset(s, reached);
}

void eco_i_dijkstra_reset(eco_i_search *s, int32_t reached)
{
    for (int32_t i = 0; i < reached; i++) {
        s->dist[s->order[i]] = 0;
        s->slot[s->order[i]] = -1;
    }
}

static int brandes_sources(void *shared, size_t worker, size_t first, size_t end)
{
    brandes *b = shared;
    eco_i_search *s = &b->searches[worker];

    for (size_t source = first; source < end; source++) {
        if (b->g->out_length) {
            int32_t reached = eco_i_dijkstra(b->g, s, (int32_t)source, -1);
            accumulate_dijkstra(b->g, s, reached);
        } else {
            int32_t reached = count_paths_bfs(b->g, s, (int32_t)source);
            accumulate_bfs(b->g, s, reached);
        }
    }
    return 0;
}

int eco_i_betweenness(double *out, const eco_i_view *view, int normalised,
                      const eco_query_options *opt)
{
    eco_i_csr g;
    brandes b = {&g, NULL};
    size_t workers = 0, ready = 0;
    double n, scale;
    int rc;

    if ((rc = eco_i_csr_build(&g, view, 0)) < 0)
        return rc;
    n = (double)g.n;
    workers = eco_i_worker_count(opt, (size_t)g.n, n * (double)g.out_start[g.n]);
    if (!(b.searches = calloc(workers, sizeof(*b.searches)))) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    for (; ready < workers; ready++)
        if ((rc = eco_i_search_init(&b.searches[ready], g.n, (size_t)g.out_start[g.n],
                                    g.out_length != NULL)) < 0)
            goto cleanup;
    if ((rc = eco_i_parallel_for(workers, (size_t)g.n, brandes_sources, &b, opt)) < 0)
        goto cleanup;
    /* Undirected, every pair was counted from both of its ends. */
    scale = view->directed ? 1.0 : 0.5;
    if (normalised)
        scale = n > 2 ? scale * (view->directed ? 1.0 : 2.0) / ((n - 1) * (n - 2)) : 0.0;
    for (int32_t v = 0; v < g.n; v++) {
        double sum = 0;
        for (size_t k = 0; k < workers; k++)
            sum += b.searches[k].score[v];
        out[g.actor[v]] = sum * scale;
    }
cleanup:
    for (size_t k = 0; k < ready; k++)
        eco_i_search_free(&b.searches[k]);
    free(b.searches);
    eco_i_csr_free(&g);
    return rc;
}
