/* tests/unit/random_map.c - random maps for the betweenness tests (random_map.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "random_map.h"

static uint64_t lcg(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return *state >> 33;
}

eco_graph *random_map(const shape *s, uint64_t seed)
{
    eco_graph *g;
    uint64_t state = seed;
    size_t piece = s->actors / s->pieces;

    assert_int_equal(eco_graph_new(&g), 0);
    for (size_t i = 0; i < s->actors; i++) {
        char id[32];
        snprintf(id, sizeof(id), "a%zu", i);
        assert_int_equal(eco_graph_add_actor(NULL, g, id, id, ECO_TYPE_UNKNOWN, NULL), 0);
    }
    for (size_t k = 0; k < s->ties; k++) {
        size_t part = (size_t)lcg(&state) % s->pieces;
        size_t a = part * piece + (size_t)lcg(&state) % piece;
        size_t b = part * piece + (size_t)lcg(&state) % piece;
        eco_tie_kind kind = (eco_tie_kind)(lcg(&state) % ECO_TIE_KIND_COUNT);
        int directed = s->directed_ties && eco_tie_kind_is_directed(kind);
        double weight = s->weighted ? (double)(1u << (lcg(&state) % 4)) : 1;
        size_t found;
        if (a == b || eco_graph_find_tie(&found, g, a, b, kind) == 0 ||
            eco_graph_find_tie(&found, g, b, a, kind) == 0)
            continue;
        assert_int_equal(eco_graph_add_tie(NULL, g, a, b, kind, directed, weight, NULL), 0);
    }
    return g;
}
