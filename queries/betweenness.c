/*
 * queries/betweenness.c - exact betweenness: Brandes' algorithm over compressed sparse rows,
 * the sources shared among threads, each thread summing into its own accumulator.
 *
 * Unweighted maps are searched sixty-four sources at a time, weighted ones one source at a
 * time with Dijkstra.  The backward pass pulls instead of pushing: a vertex sums what its
 * successors (the neighbours one step further from the source) pass back, so no
 * predecessor lists are kept and directed maps need no in-links.  Each worker owns its
 * arrays, and only the vertices a search reached are reset after it.
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

/* ---- The unweighted search: sixty-four sources at once ---------------------------------- */

/*
 * Sixty-four breadth-first searches run side by side, a bit of a word for each source.  A
 * vertex's row of links is read once for all the sources that reach the vertex at the same
 * level, instead of once per source, and the path counts of a vertex for all the sources lie
 * together, so that a link followed touches one or two cache lines instead of one per
 * source.  On the generated maps of bench/ the sources of a batch reach a vertex at about
 * four levels, so a row of links is read four times per batch instead of sixty-four.
 */
enum { BATCH = 64 };

typedef struct visit {
    int32_t vertex;
    uint64_t sources; /* the batch's sources that reach vertex at this visit's level */
} visit;

typedef struct batch {
    uint64_t *seen;      /* per vertex: the sources that have reached it */
    uint64_t *fresh;     /* per vertex: the sources that reach it at the level being built
                            (on the way back: at the level after the one being summed) */
    double *value;       /* BATCH per vertex: shortest paths from each source; then, on the
                            way back, the coefficient (1 + dependency) / paths */
    double *score;       /* this worker's sum of dependencies */
    visit *visits;       /* the searches' visits, level by level */
    size_t visit_count, visit_capacity;
    size_t *level_start; /* where each level's visits begin; one more for the end */
    size_t level_count, level_capacity;
} batch;

static void batch_free(batch *b)
{
    free(b->seen);
    free(b->fresh);
    free(b->value);
    free(b->score);
    free(b->visits);
    free(b->level_start);
}

static int batch_init(batch *b, int32_t n)
{
    size_t count = (size_t)n + 1;

    memset(b, 0, sizeof(*b));
    b->seen = calloc(count, sizeof(*b->seen));
    b->fresh = calloc(count, sizeof(*b->fresh));
    b->value = calloc(count * BATCH, sizeof(*b->value));
    b->score = calloc(count, sizeof(*b->score));
    b->visit_capacity = 4 * count + BATCH;
    b->visits = malloc(b->visit_capacity * sizeof(*b->visits));
    b->level_capacity = 64;
    b->level_start = malloc(b->level_capacity * sizeof(*b->level_start));
    if (!b->seen || !b->fresh || !b->value || !b->score || !b->visits || !b->level_start) {
        batch_free(b);
        return ECO_ENOMEM;
    }
    return 0;
}

static int add_visit(batch *b, int32_t vertex, uint64_t sources)
{
    if (b->visit_count == b->visit_capacity) {
        size_t capacity = 2 * b->visit_capacity;
        visit *grown = realloc(b->visits, capacity * sizeof(*grown));
        if (!grown)
            return ECO_ENOMEM;
        b->visits = grown;
        b->visit_capacity = capacity;
    }
    b->visits[b->visit_count++] = (visit){vertex, sources};
    return 0;
}

/* Closes the level being built: its visits end here. */
static int end_level(batch *b)
{
    if (b->level_count + 1 == b->level_capacity) {
        size_t capacity = 2 * b->level_capacity;
        size_t *grown = realloc(b->level_start, capacity * sizeof(*grown));
        if (!grown)
            return ECO_ENOMEM;
        b->level_start = grown;
        b->level_capacity = capacity;
    }
    b->level_start[++b->level_count] = b->visit_count;
    return 0;
}

/* Follows the links of one visit: each source that reaches a neighbour first at the next
 * level adds its paths there. */
static int follow_visit(const eco_i_csr *g, batch *b, int32_t v, uint64_t sources)
{
    const double *from = b->value + (size_t)v * BATCH;

    for (int32_t e = g->out_start[v]; e < g->out_start[v + 1]; e++) {
        int32_t w = g->out_target[e];
        uint64_t first = sources & ~b->seen[w];
        if (!first)
            continue;
        /* The visit's sources are filled in once the level is complete. */
        if (!b->fresh[w] && add_visit(b, w, 0) < 0)
            return ECO_ENOMEM;
        b->fresh[w] |= first;
        double *to = b->value + (size_t)w * BATCH;
        for (; first; first &= first - 1)
            to[__builtin_ctzll(first)] += from[__builtin_ctzll(first)];
    }
    return 0;
}

/* The searches from vertices first .. first + count - 1, level by level, counting shortest
 * paths. */
static int search_batch(const eco_i_csr *g, batch *b, int32_t first, int32_t count)
{
    b->visit_count = b->level_count = 0;
    b->level_start[0] = 0;
    for (int32_t k = 0; k < count; k++) {
        b->seen[first + k] = (uint64_t)1 << k;
        b->value[(size_t)(first + k) * BATCH + k] = 1;
        add_visit(b, first + k, (uint64_t)1 << k); /* within the initial capacity */
    }
    if (end_level(b) < 0)
        return ECO_ENOMEM;
    for (size_t level = 0; b->level_start[level] < b->level_start[level + 1]; level++) {
        size_t begin = b->level_start[level], end = b->level_start[level + 1];
        for (size_t i = begin; i < end; i++)
            if (follow_visit(g, b, b->visits[i].vertex, b->visits[i].sources) < 0)
                return ECO_ENOMEM;
        for (size_t i = end; i < b->visit_count; i++) {
            int32_t w = b->visits[i].vertex;
            b->visits[i].sources = b->fresh[w];
            b->seen[w] |= b->fresh[w];
            b->fresh[w] = 0;
        }
        if (end_level(b) < 0)
            return ECO_ENOMEM;
    }
    return 0;
}

/* Sums one visit's dependencies: for each of its sources, the coefficients of the
 * neighbours that source reaches at the next level (marked in fresh), which are final. */
static void gather_visit(const eco_i_csr *g, batch *b, int32_t v, uint64_t sources)
{
    double sum[BATCH], *value = b->value + (size_t)v * BATCH, total = 0;

    for (uint64_t left = sources; left; left &= left - 1)
        sum[__builtin_ctzll(left)] = 0;
    for (int32_t e = g->out_start[v]; e < g->out_start[v + 1]; e++) {
        int32_t w = g->out_target[e];
        const double *next = b->value + (size_t)w * BATCH;
        for (uint64_t on = sources & b->fresh[w]; on; on &= on - 1)
            sum[__builtin_ctzll(on)] += next[__builtin_ctzll(on)];
    }
    for (uint64_t left = sources; left; left &= left - 1) {
        int k = __builtin_ctzll(left);
        double dependency = value[k] * sum[k];
        total += dependency;
        value[k] = (1 + dependency) / value[k];
    }
    b->score[v] += total;
}

static void mark_level(batch *b, size_t level, int on)
{
    for (size_t i = b->level_start[level]; i < b->level_start[level + 1]; i++)
        b->fresh[b->visits[i].vertex] = on ? b->visits[i].sources : 0;
}

/* Sums dependencies back from the farthest level; the sources themselves, at level 0, get
 * none.  Then clears what the searches touched. */
static void accumulate_batch(const eco_i_csr *g, batch *b)
{
    for (size_t level = b->level_count - 1; level > 0; level--) {
        if (level + 1 < b->level_count)
            mark_level(b, level + 1, 1);
        for (size_t i = b->level_start[level]; i < b->level_start[level + 1]; i++)
            gather_visit(g, b, b->visits[i].vertex, b->visits[i].sources);
        if (level + 1 < b->level_count)
            mark_level(b, level + 1, 0);
    }
    for (size_t i = 0; i < b->visit_count; i++) {
        double *value = b->value + (size_t)b->visits[i].vertex * BATCH;
        b->seen[b->visits[i].vertex] = 0;
        for (uint64_t left = b->visits[i].sources; left; left &= left - 1)
            value[__builtin_ctzll(left)] = 0;
    }
}

/* ---- The weighted search: Dijkstra on a binary heap ------------------------------------- */

void eco_i_search_free(eco_i_search *s)
{
    free(s->order);
    free(s->dist);
    free(s->sigma);
    free(s->coef);
    free(s->score);
    free(s->heap);
    free(s->slot);
}

int eco_i_search_init(eco_i_search *s, int32_t n)
{
    size_t count = (size_t)n + 1;

    memset(s, 0, sizeof(*s));
    s->order = malloc(count * sizeof(*s->order));
    s->dist = calloc(count, sizeof(*s->dist));
    s->sigma = malloc(count * sizeof(*s->sigma));
    s->coef = calloc(count, sizeof(*s->coef));
    s->score = calloc(count, sizeof(*s->score));
    s->heap = malloc(count * sizeof(*s->heap));
    s->slot = malloc(count * sizeof(*s->slot));
    if (!s->order || !s->dist || !s->sigma || !s->coef || !s->score || !s->heap || !s->slot) {
        eco_i_search_free(s);
        return ECO_ENOMEM;
    }
    for (int32_t v = 0; v < n; v++)
        s->slot[v] = -1;
    return 0;
}

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

/* ---- Brandes' algorithm ----------------------------------------------------------------- */

/* Each worker has a Dijkstra search on weighted maps, a batch of searches on unweighted
 * ones; a task is one source, or one batch of sources. */
typedef struct brandes {
    const eco_i_csr *g;
    eco_i_search *searches;
    batch *batches;
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
            int32_t source = (int32_t)(task * BATCH), left = b->g->n - source;
            if (search_batch(b->g, &b->batches[worker], source, left < BATCH ? left : BATCH) < 0)
                return ECO_ENOMEM;
            accumulate_batch(b->g, &b->batches[worker]);
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
            batch_free(&b->batches[k]);
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
                             : batch_init(&b->batches[*ready], b->g->n);
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
    tasks = g.out_length ? (size_t)g.n : ((size_t)g.n + BATCH - 1) / BATCH;
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
