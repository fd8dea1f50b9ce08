/*
 * core/diff.c - what changed between two maps, matched by names as the importer matches
 * them, so that two maps of the same ecosystem with different ids compare as they should.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ecomap/diff.h"
#include "internal.h"

#define UNMATCHED SIZE_MAX

struct eco_diff {
    eco_diff_entry *entries; /* sorted as eco_graph_diff says */
    size_t count;            /* entries used */
    size_t cap;              /* entries allocated */
};

static int add_entry(eco_diff *d, const eco_diff_entry *e)
{
    if (eco_i_reserve(&d->entries, &d->cap, d->count + 1, sizeof(*d->entries)) < 0)
        return ECO_ENOMEM;
    d->entries[d->count++] = *e;
    return 0;
}

/* ---- Matching actors -------------------------------------------------------------------- */

/* The old actor that one of a's names designates and that is not matched yet. */
static size_t match_actor(const eco_graph *old_map, const eco_actor *a, const unsigned char *taken)
{
    size_t i;

    if (eco_graph_find_actor(&i, old_map, a->name, a->country) == 0 && !taken[i])
        return i;
    for (size_t k = 0; k < a->alias_count; k++)
        if (eco_graph_find_actor(&i, old_map, a->aliases[k], a->country) == 0 && !taken[i])
            return i;
    return UNMATCHED;
}

static int diff_actors(eco_diff *d, size_t *to_old, const eco_graph *old_map,
                       const eco_graph *new_map)
{
    size_t old_count = eco_graph_actor_count(old_map);
    unsigned char *taken = calloc(old_count ? old_count : 1, 1);
    int rc = 0;

    if (!taken)
        return ECO_ENOMEM;
    for (size_t i = 0; rc == 0 && i < eco_graph_actor_count(new_map); i++) {
        const eco_actor *a = eco_graph_actor(new_map, i);
        eco_diff_entry e = {ECO_DIFF_ACTOR_ADDED, a, NULL, 0, 0, 0, 0, 0, 0};

        to_old[i] = match_actor(old_map, a, taken);
        if (to_old[i] == UNMATCHED) {
            rc = add_entry(d, &e);
            continue;
        }
        taken[to_old[i]] = 1;
        e.old_type = eco_graph_actor(old_map, to_old[i])->type;
        e.new_type = a->type;
        if (e.old_type != e.new_type) {
            e.change = ECO_DIFF_ACTOR_TYPE;
            rc = add_entry(d, &e);
        }
    }
    for (size_t i = 0; rc == 0 && i < old_count; i++) {
        eco_diff_entry e = {
            ECO_DIFF_ACTOR_REMOVED, eco_graph_actor(old_map, i), NULL, 0, 0, 0, 0, 0, 0};
        if (!taken[i])
            rc = add_entry(d, &e);
    }
    free(taken);
    return rc;
}

/* ---- Matching ties ---------------------------------------------------------------------- */

static int diff_ties(eco_diff *d, const size_t *to_old, const eco_graph *old_map,
                     const eco_graph *new_map)
{
    size_t old_count = eco_graph_tie_count(old_map), k;
    unsigned char *seen = calloc(old_count ? old_count : 1, 1);
    int rc = 0;

    if (!seen)
        return ECO_ENOMEM;
    for (size_t i = 0; rc == 0 && i < eco_graph_tie_count(new_map); i++) {
        const eco_tie *t = eco_graph_tie(new_map, i);
        size_t s = to_old[t->source], e = to_old[t->target];
        eco_diff_entry entry = {ECO_DIFF_TIE_ADDED,
                                eco_graph_actor(new_map, t->source),
                                eco_graph_actor(new_map, t->target),
                                t->kind,
                                t->directed,
                                0,
                                0,
                                0,
                                t->weight};

        if (s != UNMATCHED && e != UNMATCHED &&
            eco_graph_find_tie(&k, old_map, s, e, t->kind) == 0) {
            seen[k] = 1;
            entry.old_weight = eco_graph_tie(old_map, k)->weight;
            if (entry.old_weight == t->weight)
                continue;
            entry.change = ECO_DIFF_TIE_WEIGHT;
        }
        rc = add_entry(d, &entry);
    }
    for (size_t i = 0; rc == 0 && i < old_count; i++) {
        const eco_tie *t = eco_graph_tie(old_map, i);
        eco_diff_entry entry = {ECO_DIFF_TIE_REMOVED,
                                eco_graph_actor(old_map, t->source),
                                eco_graph_actor(old_map, t->target),
                                t->kind,
                                t->directed,
                                0,
                                0,
                                t->weight,
                                0};
        if (!seen[i])
            rc = add_entry(d, &entry);
    }
    free(seen);
    return rc;
}

/* ---- Order ------------------------------------------------------------------------------ */

static int compare_text(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* Name, then country and id, so that two actors of one name still sort the same way. */
static int compare_actors(const eco_actor *a, const eco_actor *b)
{
    int c;

    if (!a || !b)
        return (a != NULL) - (b != NULL);
    if ((c = strcmp(a->name, b->name)) != 0 || (c = compare_text(a->country, b->country)) != 0)
        return c;
    return strcmp(a->id, b->id);
}

static int compare_entries(const void *x, const void *y)
{
    const eco_diff_entry *a = x, *b = y;
    int c;

    if (a->change != b->change)
        return a->change < b->change ? -1 : 1;
    if ((c = compare_actors(a->actor, b->actor)) != 0 ||
        (c = compare_actors(a->target, b->target)) != 0)
        return c;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->directed - b->directed;
}

/* ---- The diff --------------------------------------------------------------------------- */

int eco_graph_diff(eco_diff **out, const eco_graph *old_map, const eco_graph *new_map,
                   eco_error *err)
{
    size_t n = eco_graph_actor_count(new_map);
    size_t *to_old = malloc((n ? n : 1) * sizeof(*to_old));
    eco_diff *d = calloc(1, sizeof(*d));
    int rc = 0;

    if (!to_old || !d) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    if ((rc = diff_actors(d, to_old, old_map, new_map)) < 0 ||
        (rc = diff_ties(d, to_old, old_map, new_map)) < 0)
        goto cleanup;
    if (d->count)
        qsort(d->entries, d->count, sizeof(*d->entries), compare_entries);
    *out = d;
    d = NULL;
cleanup:
    free(to_old);
    eco_diff_free(d);
    if (rc < 0)
        return eco_error_set(err, rc, NULL, 0, 0, "out of memory comparing maps");
    return 0;
}

size_t eco_diff_count(const eco_diff *diff)
{
    return diff ? diff->count : 0;
}

const eco_diff_entry *eco_diff_entry_at(const eco_diff *diff, size_t i)
{
    return diff && i < diff->count ? &diff->entries[i] : NULL;
}

void eco_diff_free(eco_diff *diff)
{
    if (!diff)
        return;
    free(diff->entries);
    free(diff);
}
