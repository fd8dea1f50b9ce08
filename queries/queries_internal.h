/*
 * queries/queries_internal.h - the graph as the queries read it: a simple igraph_t with
 * summed weights, directed or not, built from an eco_graph for one query.
 */
#ifndef ECOMAP_QUERIES_INTERNAL_H
#define ECOMAP_QUERIES_INTERNAL_H

#include <pthread.h>
#include <stdint.h>

#include "ecomap/query.h"
#include "internal.h"

typedef struct eco_i_view {
    igraph_t graph;          /* vertex i is actor i; one edge per linked pair (per direction) */
    igraph_vector_t weights; /* each edge's weight: the sum of its ties' weights */
    igraph_vector_t lengths; /* each edge's length for paths: 1/weight */
    int directed;            /* whether graph is directed */
    int weighted;            /* whether weights count (opt->weighted) */
} eco_i_view;

/* Builds the view of g that opt asks for.  0, or an error with err set. */
int eco_i_view_build(eco_i_view *view, const eco_graph *g, const eco_query_options *opt,
                     eco_error *err);
void eco_i_view_destroy(eco_i_view *view);

/* The weights to hand igraph: NULL when the view is unweighted. */
const igraph_vector_t *eco_i_view_weights(const eco_i_view *view);
const igraph_vector_t *eco_i_view_lengths(const eco_i_view *view);

/* Burt's constraint, effective size, efficiency or hierarchy of every actor into out. */
int eco_i_structural_holes(double *out, const eco_graph *g, eco_measure measure,
                           const eco_query_options *opt, eco_error *err);

/* A new graph holding the actors of g with keep[i] set (same ids), the ties among them of
 * the kinds in `kinds` (0: all) weighing at least min_weight, and all of g's records. */
int eco_i_subgraph(eco_graph **out, const eco_graph *g, const unsigned char *keep, unsigned kinds,
                   double min_weight, eco_error *err);

/* Installs opt's progress callback as igraph's progress handler for the scope of a query;
 * eco_i_progress_end puts back what was there. */
void eco_i_progress_begin(const eco_query_options *opt);
void eco_i_progress_end(void);

/* ---- The compact layout (csr.c) --------------------------------------------------------- */

/*
 * The view as compressed sparse rows: vertex v's out-links are out_target[out_start[v]] to
 * out_target[out_start[v + 1] - 1], with their lengths beside them when weighted.  int32
 * indices and flat arrays keep a search's working set small enough for the caches.
 */
typedef struct eco_i_csr {
    int32_t n;            /* vertices */
    int directed;         /* whether in-links differ from out-links */
    int32_t *out_start;   /* n + 1 offsets into out_target */
    int32_t *out_target;  /* each vertex's out-neighbours, one run per vertex */
    double *out_length;   /* each out-link's length (1/weight); NULL when unweighted */
    int32_t *in_start;    /* the same for in-links; the out arrays when undirected or not asked */
    int32_t *in_target;   /* in-neighbours */
    double *in_length;    /* in-link lengths; NULL when unweighted */
    int32_t *actor;       /* the actor each vertex stands for: vertices are numbered by
                             falling degree, so that the hubs most links lead to share
                             cache lines (or in breadth-first order: see below) */
} eco_i_csr;

/* Builds the layout of view, with in-links too when with_in and the view is directed.
 * 0 or ECO_ENOMEM (also when the map is beyond int32 indices).  O(n + m). */
int eco_i_csr_build(eco_i_csr *csr, const eco_i_view *view, int with_in);
void eco_i_csr_free(eco_i_csr *csr);
/* Numbers the vertices of csr, built without in-links, again in breadth-first order along
 * out-links: from vertex 0 (the highest degree), then each part not reached from its
 * lowest-numbered vertex; rows sorted again.  0 or ECO_ENOMEM (csr then as it was).
 * O(n + m), and a sort of each row. */
int eco_i_csr_renumber_by_search(eco_i_csr *csr);

/* ---- Measures computed once (measure_cache.c) ------------------------------------------ */

/* Describes into buf a computation of what ("measure betweenness", ...) with the options
 * that change its result (direction, weights, kinds; not threads or progress). */
void eco_i_measure_what(char *buf, size_t size, const char *what, const eco_query_options *opt);

/* Fills out with count values of what, kept on g or, when on_disk, in g's measure folder:
 * 1; 0 when neither holds them.  The caller holds eco_i_dependencies_lock.  O(count), and
 * O(ties) to hash the map when the folder is read. */
int eco_i_measure_recall(const eco_graph *g, const char *what, double *out, size_t count,
                         int on_disk);

/* Keeps count values of what on g and, when on_disk, in g's measure folder (never failing
 * for the folder).  0 or ECO_ENOMEM.  The caller holds eco_i_dependencies_lock. */
int eco_i_measure_keep(const eco_graph *g, const char *what, const double *values, size_t count,
                       int on_disk);

/* ---- Contacts and triangles (contacts.c) ------------------------------------------------ */

/*
 * Each actor's contacts, the actors linked to it either way, in one sorted run per actor,
 * with the link's weight each way.  Burt's measures and the brokerage roles read them.
 */
typedef struct eco_i_contacts {
    int32_t n;          /* actors */
    int32_t *start;     /* n + 1 offsets: actor v's entries are start[v] .. start[v + 1] - 1 */
    int32_t *other;     /* each entry's contact, rising within a run */
    double *out_weight; /* the weight of the arc actor -> contact (1 unweighted); -1: none */
    double *in_weight;  /* the weight of the arc contact -> actor; -1: none */
    int32_t *twin;      /* the entry of the same pair in the contact's run */
} eco_i_contacts;

/* Builds c from view, weights as the view holds them when weighted, else 1.  0 or
 * ECO_ENOMEM (also beyond int32 entries), c freed.  O(n + m). */
int eco_i_contacts_build(eco_i_contacts *c, const eco_i_view *view, int weighted);
void eco_i_contacts_free(eco_i_contacts *c);

/* Calls fn once for every triangle u, v, w of contacts, with the entries u -> v, v -> w and
 * u -> w (twin gives the others), in an order fixed by the map.  0 or ECO_ENOMEM.
 * O(m sqrt m) at worst; O(m d) with d the largest degree among an actor's later contacts,
 * small on maps with few hubs. */
typedef void (*eco_i_triangle_fn)(void *context, int32_t uv, int32_t vw, int32_t uw);
int eco_i_contacts_triangles(const eco_i_contacts *c, eco_i_triangle_fn fn, void *context);

/* ---- Sharing work among threads (pool.c) ------------------------------------------------ */

/*
 * Runs work(shared, worker, first, end) over tasks [0, tasks), handed out in increasing
 * order, `chunk` tasks at a time (0: a size the pool chooses), to `workers` workers; worker
 * 0 is the calling thread, and it alone calls opt's progress callback.  0, or the first
 * negative value a work call returned.  eco_i_worker_count gives the number of workers for
 * `tasks` tasks costing `work` steps in all: opt->threads, or one per core for large jobs.
 */
typedef int (*eco_i_work_fn)(void *shared, size_t worker, size_t first, size_t end);
size_t eco_i_worker_count(const eco_query_options *opt, size_t tasks, double work);
int eco_i_parallel_for(size_t workers, size_t tasks, size_t chunk, eco_i_work_fn work, void *shared,
                       const eco_query_options *opt);

/* ---- Sums in block order (block_sum.c) -------------------------------------------------- */

/* Per-block accumulators of n values, added into a total in block order whatever order the
 * blocks finish in, at most `window` blocks in progress or waiting at once. */
typedef struct eco_i_block_sum {
    pthread_mutex_t lock;    /* guards added, finished and failure */
    pthread_cond_t turn;     /* broadcast when added moves on, or on failure */
    int synchronised;        /* whether lock and turn were made */
    double *total;           /* n values: blocks 0 .. added - 1, added in that order */
    double *slots;           /* window accumulators of n values; block k's is slot k % window */
    unsigned char *finished; /* per slot: its block is complete and waits for its turn */
    size_t n;                /* values an accumulator holds */
    size_t window;           /* slots */
    size_t added;            /* blocks added into total so far */
    int failure;             /* the error that ended the sum, or 0 */
} eco_i_block_sum;

/* 0 or ECO_ENOMEM.  O(n window). */
int eco_i_block_sum_init(eco_i_block_sum *s, size_t n, size_t window);
/* Also safe on a sum that was zeroed and never made. */
void eco_i_block_sum_free(eco_i_block_sum *s);

/* Points *out at block's accumulator, all zeros, once the block `window` places before it
 * has been added; 0, or the error eco_i_block_sum_fail was given, at once. */
int eco_i_block_sum_open(double **out, eco_i_block_sum *s, size_t block);
/* Marks block finished; adds it and the finished blocks after it, in order, as soon as the
 * blocks before them are added.  O(n) for each block added. */
void eco_i_block_sum_close(eco_i_block_sum *s, size_t block);
/* Gives up: the workers waiting in eco_i_block_sum_open return rc. */
void eco_i_block_sum_fail(eco_i_block_sum *s, int rc);

/* ---- The weighted search (dijkstra.c) --------------------------------------------------- */

/* Compares path lengths as igraph does (IGRAPH_SHORTEST_PATH_EPSILON, relative), so that
 * lengths equal up to rounding count as one length: -1, 0 or 1. */
int eco_i_length_cmp(double a, double b);

/* What one Dijkstra search works with: allocated once, reset after each source by walking
 * only the vertices that search reached. */
typedef struct eco_i_search {
    int32_t *order; /* vertices in the order their distance became final */
    double *dist;   /* 1 + length from the source, 0 when not reached (igraph's convention,
                       so that the tolerance compares the same numbers) */
    double *sigma;  /* shortest paths from the source */
    int32_t *heap;  /* the vertices waiting, a binary heap on dist */
    int32_t *slot;  /* each vertex's place in heap; -1 none yet, -2 done */
} eco_i_search;

/* Allocates a search of n vertices.  0 or ECO_ENOMEM, s freed. */
int eco_i_search_init(eco_i_search *s, int32_t n);
/* Leaves s zeroed, so that freeing it again does nothing. */
void eco_i_search_free(eco_i_search *s);

/* Dijkstra from source on the out-links, counting shortest paths into s->sigma with
 * igraph's rule (a path as long as the best up to the tolerance adds its count, a shorter
 * one replaces it), stopping once `stop` is final (-1: never).  Returns how many vertices
 * s->order holds; eco_i_dijkstra_reset(s, that) makes s ready for the next search. */
int32_t eco_i_dijkstra(const eco_i_csr *g, eco_i_search *s, int32_t source, int32_t stop);
void eco_i_dijkstra_reset(eco_i_search *s, int32_t reached);

/* Whether the link from -> to, of that length, lies on a shortest path of the last search:
 * both ends final, and to as far as from plus the link, up to the tolerance.  Brandes' pass
 * back asks it of a vertex's successors, the estimate's walk back of its predecessors. */
static inline int eco_i_dijkstra_on_path(const eco_i_search *s, int32_t from, int32_t to,
                                         double length)
{
    return s->slot[from] == -2 && s->slot[to] == -2 && s->dist[from] < s->dist[to] &&
           eco_i_length_cmp(s->dist[from] + length, s->dist[to]) == 0;
}

/* ---- Sixty-four unweighted sources at once (brandes_batch.c) ---------------------------- */

/*
 * Sixty-four breadth-first searches run side by side, a bit of a word for each source.  A
 * vertex's row of links is read once for all the sources that reach the vertex at the same
 * level, instead of once per source, and the path counts of a vertex for all the sources lie
 * together, so that a link followed touches one or two cache lines instead of one per
 * source.  On the generated maps of bench/ the sources of a batch reach a vertex at about
 * four levels, so a row of links is read four times per batch instead of sixty-four.
 */
enum { ECO_I_BATCH = 64 };

typedef struct eco_i_visit {
    int32_t vertex;   /* a vertex reached */
    uint64_t sources; /* the batch's sources that reach vertex at this visit's level */
} eco_i_visit;

typedef struct eco_i_batch {
    uint64_t *seen;        /* per vertex: the sources that have reached it */
    uint64_t *fresh;       /* per vertex: the sources that reach it at the level being built
                              (on the way back: at the level after the one being summed) */
    double *value;         /* ECO_I_BATCH per vertex: shortest paths from each source; then,
                              on the way back, the coefficient (1 + dependency) / paths;
                              what a lane holds counts only once its source reaches the vertex
                              in this batch (earlier batches leave theirs behind) */
    uint64_t *touched;     /* a bit per vertex: reached at the level being built */
    eco_i_visit *visits;   /* the searches' visits, level by level, each in vertex order */
    size_t visit_count;    /* visits held */
    size_t visit_capacity; /* visits there is room for */
    size_t *level_start;   /* where each level's visits begin; one more for the end */
    size_t level_count;    /* levels held */
    size_t level_capacity; /* level starts there is room for */
} eco_i_batch;

/* Allocates a batch of n vertices.  0 or ECO_ENOMEM, b freed. */
int eco_i_batch_init(eco_i_batch *b, int32_t n);
/* Leaves b zeroed, so that freeing it again does nothing. */
void eco_i_batch_free(eco_i_batch *b);

/* Adds into score[v] each vertex's dependencies on the sources first .. first + count - 1
 * (count at most ECO_I_BATCH), in an order fixed by those sources and the map alone, and
 * leaves b ready for the next batch.  0 or ECO_ENOMEM.  O(count m) at worst, far less when
 * the sources reach vertices at the same levels. */
int eco_i_batch_run(const eco_i_csr *g, eco_i_batch *b, int32_t first, int32_t count,
                    double *score);
/* eco_i_batch_run's two passes (brandes_lanes.c): one bit at a time, or eight lanes at a time
 * with AVX-512 (compiled only where the compiler can; run only where the processor can).
 * Both give the same bits. */
int eco_i_batch_passes(const eco_i_csr *g, eco_i_batch *b, int32_t first, int32_t count,
                       double *score);
int eco_i_batch_passes_avx512(const eco_i_csr *g, eco_i_batch *b, int32_t first, int32_t count,
                              double *score);
/* The passes eco_i_batch_run runs on this processor: eco_i_batch_passes_avx512 where it was
 * compiled and the processor has AVX-512, else eco_i_batch_passes. */
typedef int (*eco_i_batch_passes_fn)(const eco_i_csr *g, eco_i_batch *b, int32_t first,
                                     int32_t count, double *score);
eco_i_batch_passes_fn eco_i_batch_passes_chosen(void);

/* ---- Exact betweenness (betweenness.c) -------------------------------------------------- */

/* Exact betweenness (Brandes) of every vertex of view into out, raw or normalised as
 * NetworkX normalises.  0 or ECO_ENOMEM. */
int eco_i_betweenness(double *out, const eco_i_view *view, int normalised,
                      const eco_query_options *opt);

#endif
