/*
 * ecomap/diff.h - what changed between two maps, told by actor names.
 *
 * Two maps made by different people, or from different records, give the same
 * organisation different ids; a diff by id would report every actor as removed and added.
 * eco_graph_diff matches actors as the importer does, by name and alias (folded, and
 * country-aware), and reports what is left over and what differs.
 */
#ifndef ECOMAP_DIFF_H
#define ECOMAP_DIFF_H

#include <stddef.h>

#include "ecomap/common.h"
#include "ecomap/error.h"
#include "ecomap/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum eco_diff_change {
    ECO_DIFF_ACTOR_ADDED = 0, /* in the new map only */
    ECO_DIFF_ACTOR_REMOVED,   /* in the old map only */
    ECO_DIFF_ACTOR_TYPE,      /* in both, with another type */
    ECO_DIFF_TIE_ADDED,       /* in the new map only */
    ECO_DIFF_TIE_REMOVED,     /* in the old map only */
    ECO_DIFF_TIE_WEIGHT       /* in both, with another weight */
} eco_diff_change;

typedef struct eco_diff_entry {
    eco_diff_change change;  /* what this entry reports */
    const eco_actor *actor;  /* the actor; for a tie, its source */
    const eco_actor *target; /* a tie's target; NULL for an actor */
    eco_tie_kind kind;       /* ties only */
    int directed;            /* ties only: 1 when source -> target has a direction */
    eco_actor_type old_type; /* ECO_DIFF_ACTOR_TYPE: the type in the old map */
    eco_actor_type new_type; /* ECO_DIFF_ACTOR_TYPE: the type in the new map */
    double old_weight;       /* ties: the weight in the old map, 0 when added */
    double new_weight;       /* ties: the weight in the new map, 0 when removed */
} eco_diff_entry;

typedef struct eco_diff eco_diff;

/*
 * Compares old_map with new_map.  Each actor of new_map is matched to the actor of old_map
 * that one of its names (canonical or alias) designates, as eco_graph_find_actor finds it,
 * each old actor being matched once at most; ties are matched through their matched ends
 * and kind.  Entries are sorted by change, then by actor names, then kind.  The actors an
 * entry points to are new_map's for added and changed entries and old_map's for removed
 * ones; they stay valid while both maps stay unchanged.  *out belongs to the caller
 * (eco_diff_free).  O((actors + ties) * (names + degree) + entries log entries).
 */
ECO_EXPORT int eco_graph_diff(eco_diff **out, const eco_graph *old_map, const eco_graph *new_map,
                              eco_error *err);

/* The number of entries; 0 when the maps hold the same actors, types, ties and weights. */
ECO_EXPORT size_t eco_diff_count(const eco_diff *diff);

/* Entry i, or NULL when i is out of range.  O(1). */
ECO_EXPORT const eco_diff_entry *eco_diff_entry_at(const eco_diff *diff, size_t i);

/* Frees diff.  NULL-safe. */
ECO_EXPORT void eco_diff_free(eco_diff *diff);

#ifdef __cplusplus
}
#endif

#endif
