/*
 * queries/csr.c - the compact layout the betweenness searches walk: the view as compressed
 * sparse rows with int32 indices, vertices numbered by falling degree, each row sorted; and
 * the same numbered again in breadth-first order, for the batches of unweighted sources.
 */
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

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

/* ---- Numbering by search ---------------------------------------------------------------- */

/* The vertices in breadth-first order from vertex 0 (the highest degree), each component
 * after the one before from its lowest-numbered vertex: order[new] = old. */
static void search_order(const eco_i_csr *csr, int32_t *order, int32_t *place)
{
    int32_t head = 0, tail = 0;

    for (int32_t v = 0; v < csr->n; v++)
        place[v] = -1;
    for (int32_t root = 0; root < csr->n; root++) {
        if (place[root] >= 0)
            continue;
        place[root] = tail;
        order[tail++] = root;
        for (; head < tail; head++) {
            int32_t v = order[head];
            for (int32_t e = csr->out_start[v]; e < csr->out_start[v + 1]; e++) {
                int32_t w = csr->out_target[e];
                if (place[w] < 0) {
                    place[w] = tail;
                    order[tail++] = w;
                }
            }
        }
    }
}

int eco_i_csr_renumber_by_search(eco_i_csr *csr)
{
    int32_t n = csr->n, links = csr->out_start[n];
    int32_t *order = malloc(sizeof(*order) * ((size_t)n + 1));
    int32_t *place = malloc(sizeof(*place) * ((size_t)n + 1));
    int32_t *start = malloc(sizeof(*start) * ((size_t)n + 1));
    int32_t *target = malloc(sizeof(*target) * ((size_t)links + 1));
    int32_t *actor = malloc(sizeof(*actor) * ((size_t)n + 1));
    double *length = csr->out_length ? malloc(sizeof(*length) * ((size_t)links + 1)) : NULL;
    int rc = ECO_ENOMEM;

    if (!order || !place || !start || !target || !actor || (csr->out_length && !length) ||
        csr->in_start)
        goto cleanup;
    search_order(csr, order, place);
    start[0] = 0;
    for (int32_t v = 0; v < n; v++) {
        int32_t old = order[v], k = start[v];
        actor[v] = csr->actor[old];
        for (int32_t e = csr->out_start[old]; e < csr->out_start[old + 1]; e++, k++) {
            target[k] = place[csr->out_target[e]];
            if (length)
                length[k] = csr->out_length[e];
        }
        start[v + 1] = k;
        sort_row(target + start[v], length ? length + start[v] : NULL, k - start[v]);
    }
    free(csr->out_start);
    free(csr->out_target);
    free(csr->out_length);
    free(csr->actor);
    csr->out_start = start;
    csr->out_target = target;
    csr->out_length = length;
    csr->actor = actor;
    start = target = actor = NULL;
    length = NULL;
    rc = 0;
cleanup:
    free(order);
    free(place);
    free(start);
    free(target);
    free(actor);
    free(length);
    return rc;
}
