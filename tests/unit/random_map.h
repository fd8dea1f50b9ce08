/* tests/unit/random_map.h - random maps of every kind for the betweenness tests: ties inside
 * groups of actors, one way or both, weighted or not, several kinds between one pair. */
#ifndef ECOMAP_TESTS_RANDOM_MAP_H
#define ECOMAP_TESTS_RANDOM_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "ecomap.h"

typedef struct shape {
    size_t actors, ties;
    int directed_ties; /* some ties point one way */
    int weighted;      /* weights 1, 2, 4 or 8 (powers of two, so lengths add exactly) */
    size_t pieces;     /* ties stay inside this many groups of actors: a map in pieces */
} shape;

/* A random map of shape s, the same for the same seed; pairs often get several ties of
 * different kinds, which the view merges.  Fails the test on error. */
eco_graph *random_map(const shape *s, uint64_t seed);

#endif
