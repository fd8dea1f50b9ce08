/*
 * queries/queries_internal.h - the graph as the queries read it: a simple igraph_t with
 * summed weights, directed or not, built from an eco_graph for one query.
 */
#ifndef ECOMAP_QUERIES_INTERNAL_H
#define ECOMAP_QUERIES_INTERNAL_H

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

#endif
