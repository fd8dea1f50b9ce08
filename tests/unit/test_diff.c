/* eco_graph_diff: two maps compared by actor names, not ids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"

static size_t actor(eco_graph *g, const char *id, const char *name, eco_actor_type type,
                    const char *country)
{
    size_t i;
    assert_int_equal(eco_graph_add_actor(&i, g, id, name, type, country), 0);
    return i;
}

static void tie(eco_graph *g, size_t a, size_t b, eco_tie_kind kind, double weight)
{
    assert_int_equal(
        eco_graph_add_tie(NULL, g, a, b, kind, eco_tie_kind_is_directed(kind), weight, NULL), 0);
}

/* The old map: the agency under its acronym, with its long name as an alias. */
static eco_graph *old_map(void)
{
    eco_graph *g;
    size_t ama, labx, nesta, edu, thinkia;

    assert_int_equal(eco_graph_new(&g), 0);
    ama = actor(g, "agency", "AMA", ECO_TYPE_GOVERNMENT, "Portugal");
    assert_int_equal(eco_graph_add_alias(g, ama, "Agency for Administrative Modernisation"), 0);
    labx = actor(g, "labx", "LabX", ECO_TYPE_LAB, "Portugal");
    nesta = actor(g, "nesta", "Nesta", ECO_TYPE_UNKNOWN, NULL);
    edu = actor(g, "edu", "Ministry of Education", ECO_TYPE_GOVERNMENT, "Portugal");
    thinkia = actor(g, "thinkia", "Thinkia", ECO_TYPE_PRIVATE, NULL);
    tie(g, ama, labx, ECO_TIE_HOSTING, 1);
    tie(g, nesta, labx, ECO_TIE_SUPPORT, 1);
    tie(g, labx, edu, ECO_TIE_PARTNERSHIP, 2);
    tie(g, thinkia, labx, ECO_TIE_PARTNERSHIP, 1);
    return g;
}

/* The new map, written by someone else: other ids, the agency's name spelt the American
 * way, LabX retyped, Nesta gone, the ministry now Chile's, a funder added. */
static eco_graph *new_map(void)
{
    eco_graph *g;
    size_t ama, labx, edu, undp, thinkia;

    assert_int_equal(eco_graph_new(&g), 0);
    undp = actor(g, "undp", "UNDP Accelerator Lab", ECO_TYPE_INTERNATIONAL, NULL);
    labx = actor(g, "lab-x", "LabX", ECO_TYPE_GOVERNMENT, NULL);
    ama = actor(g, "ama-pt", "Agency for Administrative Modernization", ECO_TYPE_GOVERNMENT,
                "Portugal");
    edu = actor(g, "edu", "Ministry of Education", ECO_TYPE_GOVERNMENT, "Chile");
    thinkia = actor(g, "thinkia", "Thinkia", ECO_TYPE_PRIVATE, NULL);
    tie(g, ama, labx, ECO_TIE_HOSTING, 3);
    tie(g, undp, labx, ECO_TIE_FUNDING, 0.5);
    tie(g, labx, edu, ECO_TIE_PARTNERSHIP, 2);
    tie(g, labx, thinkia, ECO_TIE_PARTNERSHIP, 1); /* undirected: the same tie, ends swapped */
    return g;
}

static void expect_actor(const eco_diff *d, size_t i, eco_diff_change change, const char *name,
                         const char *country)
{
    const eco_diff_entry *e = eco_diff_entry_at(d, i);
    assert_non_null(e);
    assert_int_equal(e->change, change);
    assert_string_equal(e->actor->name, name);
    if (country)
        assert_string_equal(e->actor->country, country);
    assert_null(e->target);
}

static void expect_tie(const eco_diff *d, size_t i, eco_diff_change change, const char *source,
                       const char *target, eco_tie_kind kind, double old_weight, double new_weight)
{
    const eco_diff_entry *e = eco_diff_entry_at(d, i);
    assert_non_null(e);
    assert_int_equal(e->change, change);
    assert_string_equal(e->actor->name, source);
    assert_string_equal(e->target->name, target);
    assert_int_equal(e->kind, kind);
    assert_true(e->old_weight == old_weight);
    assert_true(e->new_weight == new_weight);
}

static void actors_and_ties_are_matched_by_names(void **state)
{
    eco_graph *a = old_map(), *b = new_map();
    eco_error err = {0};
    eco_diff *d = NULL;
    (void)state;

    assert_int_equal(eco_graph_diff(&d, a, b, &err), 0);
    /* Sorted by change, then names.  The agency matched through the old map's alias, and
     * the ministry did not: a candidate of another country never matches. */
    expect_actor(d, 0, ECO_DIFF_ACTOR_ADDED, "Ministry of Education", "Chile");
    expect_actor(d, 1, ECO_DIFF_ACTOR_ADDED, "UNDP Accelerator Lab", NULL);
    expect_actor(d, 2, ECO_DIFF_ACTOR_REMOVED, "Ministry of Education", "Portugal");
    expect_actor(d, 3, ECO_DIFF_ACTOR_REMOVED, "Nesta", NULL);
    expect_actor(d, 4, ECO_DIFF_ACTOR_TYPE, "LabX", NULL);
    assert_int_equal(eco_diff_entry_at(d, 4)->old_type, ECO_TYPE_LAB);
    assert_int_equal(eco_diff_entry_at(d, 4)->new_type, ECO_TYPE_GOVERNMENT);
    expect_tie(d, 5, ECO_DIFF_TIE_ADDED, "LabX", "Ministry of Education", ECO_TIE_PARTNERSHIP, 0,
               2);
    expect_tie(d, 6, ECO_DIFF_TIE_ADDED, "UNDP Accelerator Lab", "LabX", ECO_TIE_FUNDING, 0, 0.5);
    expect_tie(d, 7, ECO_DIFF_TIE_REMOVED, "LabX", "Ministry of Education", ECO_TIE_PARTNERSHIP, 2,
               0);
    expect_tie(d, 8, ECO_DIFF_TIE_REMOVED, "Nesta", "LabX", ECO_TIE_SUPPORT, 1, 0);
    /* A changed tie is told by the new map's names. */
    expect_tie(d, 9, ECO_DIFF_TIE_WEIGHT, "Agency for Administrative Modernization", "LabX",
               ECO_TIE_HOSTING, 1, 3);
    assert_true(eco_diff_entry_at(d, 9)->directed);
    /* Thinkia -- LabX is the same undirected tie in both maps: no entry. */
    assert_int_equal(eco_diff_count(d), 10);
    assert_null(eco_diff_entry_at(d, 10));
    eco_diff_free(d);
    eco_graph_free(a);
    eco_graph_free(b);
}

static void a_map_has_no_difference_with_itself(void **state)
{
    eco_graph *a = old_map();
    eco_error err = {0};
    eco_diff *d = NULL;
    (void)state;

    assert_int_equal(eco_graph_diff(&d, a, a, &err), 0);
    assert_int_equal(eco_diff_count(d), 0);
    eco_diff_free(d);
    eco_diff_free(NULL);
    eco_graph_free(a);
}

static void one_old_actor_matches_one_new_actor_only(void **state)
{
    eco_graph *a, *b;
    eco_error err = {0};
    eco_diff *d = NULL;
    size_t ama;
    (void)state;

    /* The old map knew the agency by both names; the new one holds them as two actors.
     * One of them is the old actor, the other is new. */
    assert_int_equal(eco_graph_new(&a), 0);
    ama = actor(a, "ama", "AMA", ECO_TYPE_GOVERNMENT, NULL);
    assert_int_equal(eco_graph_add_alias(a, ama, "Administrative Modernisation Agency"), 0);
    assert_int_equal(eco_graph_new(&b), 0);
    actor(b, "ama", "AMA", ECO_TYPE_GOVERNMENT, NULL);
    actor(b, "agency", "Administrative Modernization Agency", ECO_TYPE_GOVERNMENT, NULL);
    assert_int_equal(eco_graph_diff(&d, a, b, &err), 0);
    assert_int_equal(eco_diff_count(d), 1);
    expect_actor(d, 0, ECO_DIFF_ACTOR_ADDED, "Administrative Modernization Agency", NULL);
    eco_diff_free(d);
    eco_graph_free(a);
    eco_graph_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(actors_and_ties_are_matched_by_names),
        cmocka_unit_test(a_map_has_no_difference_with_itself),
        cmocka_unit_test(one_old_actor_matches_one_new_actor_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
