/*
 * ecomap/query.h - what a graph says: counts, structure and the actors that hold it
 * together.  Queries read a graph and never change it.
 */
#ifndef ECOMAP_QUERY_H
#define ECOMAP_QUERY_H

#include <stddef.h>

#include "ecomap/error.h"
#include "ecomap/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct eco_stats {
    size_t actors;                              /* actors in the graph */
    size_t ties;                                /* ties in the graph */
    size_t records;                             /* records the graph was built from */
    size_t actors_by_type[ECO_ACTOR_TYPE_COUNT]; /* indexed by eco_actor_type */
    size_t ties_by_kind[ECO_TIE_KIND_COUNT];    /* indexed by eco_tie_kind */
    size_t evidence;                            /* evidence passages over all ties */
    size_t components;                          /* connected components, ties undirected */
    size_t largest_component;                   /* actors in the largest component */
    size_t isolates;                            /* actors with no tie */
    double density;                             /* linked pairs / all pairs; 0 below 2 actors */
} eco_stats;

/*
 * Counts actors by type and ties by kind, and finds the connected components (ties taken
 * as undirected, parallel ties of different kinds as one link) and the density: the share
 * of actor pairs that are linked, n(n-1)/2 pairs for n actors.  O(actors + ties).
 */
int eco_query_stats(eco_stats *out, const eco_graph *g, eco_error *err);

/*
 * Betweenness centrality of every actor, ties taken as undirected and unweighted, raw
 * (not normalised): the number of shortest paths between other pairs that pass through
 * it, each pair counted once.  out must hold eco_graph_actor_count(g) values.
 * O(actors * ties).
 */
int eco_query_betweenness(double *out, const eco_graph *g, eco_error *err);

#ifdef __cplusplus
}
#endif

#endif
