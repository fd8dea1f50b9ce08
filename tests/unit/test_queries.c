/* Queries worked out by hand: brokerage roles by path pattern, Burt's measures, cuts,
 * paths, communities, filters and projections. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"

/* ---- Building small maps ---------------------------------------------------------------- */

/* A map of actors named "a", "b", ... whose attribute "group" is the letter in groups[i],
 * and ties written "ab ac" (undirected) or "a>b" (directed). */
static eco_graph *build(const char *groups, const char *ties)
{
    eco_graph *g;
    assert_int_equal(eco_graph_new(&g), 0);
    for (size_t i = 0; groups[i]; i++) {
        char name[2] = {(char)('a' + i), '\0'}, group[2] = {groups[i], '\0'};
        assert_int_equal(eco_graph_add_actor(NULL, g, NULL, name, ECO_TYPE_UNKNOWN, NULL), 0);
        assert_int_equal(eco_graph_set_attribute(g, i, "group", group), 0);
    }
    for (const char *p = ties; *p;) {
        if (*p == ' ') {
            p++;
            continue;
        }
        int directed = p[1] == '>';
        size_t a = (size_t)(p[0] - 'a'), b = (size_t)(p[directed ? 2 : 1] - 'a');
        assert_int_equal(eco_graph_add_tie(NULL, g, a, b, directed ? ECO_TIE_FUNDING : ECO_TIE_PARTNERSHIP,
                                           directed, 1, NULL), 0);
        p += directed ? 3 : 2;
    }
    return g;
}

static const eco_query_options directed = {.version = ECO_QUERY_OPTIONS_VERSION, .directed = 1};
static const eco_query_options undirected = ECO_QUERY_OPTIONS_INIT;

/* Asserts the role counts of actor v, in eco_role order. */
static void assert_roles(const char *groups, const char *ties, const eco_query_options *opt,
                         size_t v, const double expected[5])
{
    eco_graph *g = build(groups, ties);
    eco_brokerage *b = NULL;
    eco_error err = {0};
    double total = 0;

    assert_int_equal(eco_query_brokerage(&b, g, "group", opt, &err), 0);
    for (int r = 0; r < 5; r++) {
        if (b->count[v * ECO_ROLE_COUNT + (size_t)r] != expected[r])
            fail_msg("%s, %s: %s of %c is %g, expected %g", groups, ties, eco_role_name((eco_role)r),
                     (char)('a' + v), b->count[v * ECO_ROLE_COUNT + (size_t)r], expected[r]);
        total += expected[r];
    }
    assert_true(b->count[v * ECO_ROLE_COUNT + ECO_ROLE_TOTAL] == total);
    eco_brokerage_free(b);
    eco_graph_free(g);
}

/* ---- Brokerage roles, by path pattern --------------------------------------------------- */

static void coordinator_is_a_broker_inside_its_own_group(void **state)
{
    (void)state;
    assert_roles("XXX", "a>b b>c", &directed, 1, (double[]){1, 0, 0, 0, 0});
    /* Undirected, the path is read both ways. */
    assert_roles("XXX", "ab bc", &undirected, 1, (double[]){2, 0, 0, 0, 0});
}

static void itinerant_links_two_of_another_group(void **state)
{
    (void)state;
    assert_roles("XYX", "a>b b>c", &directed, 1, (double[]){0, 1, 0, 0, 0});
    assert_roles("XYX", "ab bc", &undirected, 1, (double[]){0, 2, 0, 0, 0});
}

static void representative_carries_its_group_out(void **state)
{
    (void)state;
    /* a -> v -> b with a and v in X, b in Y. */
    assert_roles("XXY", "a>b b>c", &directed, 1, (double[]){0, 0, 1, 0, 0});
    /* Undirected, the way back is Y -> X -> X: a gatekeeper's path. */
    assert_roles("XXY", "ab bc", &undirected, 1, (double[]){0, 0, 1, 1, 0});
}

static void gatekeeper_lets_another_group_in(void **state)
{
    (void)state;
    /* a -> v -> b with a in X, v and b in Y. */
    assert_roles("XYY", "a>b b>c", &directed, 1, (double[]){0, 0, 0, 1, 0});
    assert_roles("XYY", "ab bc", &undirected, 1, (double[]){0, 0, 1, 1, 0});
}

static void liaison_joins_three_groups(void **state)
{
    (void)state;
    assert_roles("XYZ", "a>b b>c", &directed, 1, (double[]){0, 0, 0, 0, 1});
    assert_roles("XYZ", "ab bc", &undirected, 1, (double[]){0, 0, 0, 0, 2});
}

static void no_one_brokers_a_pair_already_linked(void **state)
{
    (void)state;
    assert_roles("XYZ", "a>b b>c a>c", &directed, 1, (double[]){0, 0, 0, 0, 0});
    assert_roles("XXX", "ab bc ca", &undirected, 1, (double[]){0, 0, 0, 0, 0});
    /* c -> a is no help to a -> c: direction matters. */
    assert_roles("XXX", "a>b b>c c>a", &directed, 1, (double[]){1, 0, 0, 0, 0});
}

static void brokerage_expectations_follow_sna(void **state)
{
    /* Five actors, groups X X X Y Y, ties a-b b-c c-d d-e (8 arcs): d = 8/20. */
    eco_graph *g = build("XXXYY", "ab bc cd de");
    eco_brokerage *b = NULL;
    eco_error err = {0};
    double d = 0.4, a = d * d * (1 - d);
    (void)state;

    assert_int_equal(eco_query_brokerage(&b, g, "group", NULL, &err), 0);
    assert_int_equal(b->group_count, 2);
    /* For an actor of X (n = 3, N = 5): coordinator (n-1)(n-2) a, itinerant n_Y(n_Y-1) a. */
    assert_true(fabs(b->expected[0 * ECO_ROLE_COUNT + ECO_ROLE_COORDINATOR] - 2 * a) < 1e-12);
    assert_true(fabs(b->expected[0 * ECO_ROLE_COUNT + ECO_ROLE_ITINERANT] - 2 * a) < 1e-12);
    assert_true(fabs(b->expected[0 * ECO_ROLE_COUNT + ECO_ROLE_REPRESENTATIVE] - 2 * 2 * a) < 1e-12);
    assert_true(fabs(b->expected[0 * ECO_ROLE_COUNT + ECO_ROLE_LIAISON]) < 1e-12);
    assert_true(fabs(b->expected[0 * ECO_ROLE_COUNT + ECO_ROLE_TOTAL] - 4 * 3 * a) < 1e-12);
    /* c (X) between b (X) and d (Y): representative and gatekeeper once each. */
    assert_true(b->count[2 * ECO_ROLE_COUNT + ECO_ROLE_REPRESENTATIVE] == 1);
    assert_true(b->count[2 * ECO_ROLE_COUNT + ECO_ROLE_GATEKEEPER] == 1);
    assert_false(isnan(b->z[2 * ECO_ROLE_COUNT + ECO_ROLE_REPRESENTATIVE]));
    eco_brokerage_free(b);
    eco_graph_free(g);
}

/* ---- Burt's structural holes ------------------------------------------------------------ */

static double measure(eco_graph *g, eco_measure m, size_t actor, const eco_query_options *opt)
{
    double *values = malloc(eco_graph_actor_count(g) * sizeof(double)), v;
    eco_error err = {0};
    assert_int_equal(eco_query_measure(values, g, m, opt, &err), 0);
    v = values[actor];
    free(values);
    return v;
}

static void a_star_centre_is_unconstrained(void **state)
{
    eco_graph *g = build("XXXX", "ab ac ad");
    (void)state;
    assert_true(fabs(measure(g, ECO_MEASURE_CONSTRAINT, 0, NULL) - 1.0 / 3) < 1e-12);
    assert_true(fabs(measure(g, ECO_MEASURE_EFFECTIVE_SIZE, 0, NULL) - 3) < 1e-12);
    assert_true(fabs(measure(g, ECO_MEASURE_EFFICIENCY, 0, NULL) - 1) < 1e-12);
    assert_true(fabs(measure(g, ECO_MEASURE_HIERARCHY, 0, NULL)) < 1e-12);
    /* A leaf has one contact: constraint 1, and no hierarchy to speak of. */
    assert_true(fabs(measure(g, ECO_MEASURE_CONSTRAINT, 1, NULL) - 1) < 1e-12);
    assert_true(isnan(measure(g, ECO_MEASURE_HIERARCHY, 1, NULL)));
    eco_graph_free(g);
}

static void a_triangle_is_redundant(void **state)
{
    eco_graph *g = build("XXX", "ab bc ca");
    (void)state;
    /* Each contact: (1/2 + 1/2 * 1/2)^2 = 9/16, twice. */
    assert_true(fabs(measure(g, ECO_MEASURE_CONSTRAINT, 0, NULL) - 18.0 / 16) < 1e-12);
    assert_true(fabs(measure(g, ECO_MEASURE_EFFECTIVE_SIZE, 0, NULL) - 1) < 1e-12);
    assert_true(fabs(measure(g, ECO_MEASURE_EFFICIENCY, 0, NULL) - 0.5) < 1e-12);
    eco_graph_free(g);
}

static void hierarchy_measures_uneven_constraint(void **state)
{
    eco_graph *g = build("XXX", "");
    eco_query_options weighted = {.version = ECO_QUERY_OPTIONS_VERSION, .weighted = 1};
    (void)state;
    assert_int_equal(eco_graph_add_tie(NULL, g, 0, 1, ECO_TIE_PARTNERSHIP, 0, 3, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, 0, 2, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    /* c = 9/16 and 1/16; r = c / (C/N) = 1.8 and 0.2. */
    double expected = (1.8 * log(1.8) + 0.2 * log(0.2)) / (2 * log(2.0));
    assert_true(fabs(measure(g, ECO_MEASURE_HIERARCHY, 0, &weighted) - expected) < 1e-12);
    assert_true(fabs(measure(g, ECO_MEASURE_CONSTRAINT, 0, &weighted) - 10.0 / 16) < 1e-12);
    /* Unweighted, both contacts weigh the same: no hierarchy. */
    assert_true(fabs(measure(g, ECO_MEASURE_HIERARCHY, 0, NULL)) < 1e-12);
    eco_graph_free(g);
}

static void an_isolated_actor_has_no_burt_measures(void **state)
{
    eco_graph *g = build("XXX", "ab");
    (void)state;
    assert_true(isnan(measure(g, ECO_MEASURE_CONSTRAINT, 2, NULL)));
    assert_true(isnan(measure(g, ECO_MEASURE_EFFECTIVE_SIZE, 2, NULL)));
    assert_true(measure(g, ECO_MEASURE_DEGREE, 2, NULL) == 0);
    assert_true(isnan(measure(g, ECO_MEASURE_CLOSENESS, 2, NULL)));
    assert_true(measure(g, ECO_MEASURE_HARMONIC, 2, NULL) == 0);
    eco_graph_free(g);
}

static void parallel_ties_are_one_link(void **state)
{
    eco_graph *g = build("XXX", "ab bc");
    eco_query_options kinds = {.version = ECO_QUERY_OPTIONS_VERSION, .kinds = 1u << ECO_TIE_FUNDING};
    (void)state;
    assert_int_equal(eco_graph_add_tie(NULL, g, 0, 1, ECO_TIE_FUNDING, 1, 2, NULL), 0);
    assert_true(measure(g, ECO_MEASURE_DEGREE, 1, NULL) == 2);
    assert_true(measure(g, ECO_MEASURE_STRENGTH, 0, NULL) == 3); /* 1 + 2 on one link */
    assert_true(measure(g, ECO_MEASURE_BETWEENNESS, 1, NULL) == 1);
    /* Only funding ties: b no longer lies between a and c. */
    assert_true(measure(g, ECO_MEASURE_BETWEENNESS, 1, &kinds) == 0);
    eco_graph_free(g);
}

/* ---- Cut-points, paths, ego networks ---------------------------------------------------- */

static void cut_points_say_how_many_they_alone_connect(void **state)
{
    /* a - b - c - d, and a triangle d e f. */
    eco_graph *g = build("XXXXXX", "ab bc cd de ef fd");
    eco_cuts *cuts = NULL;
    eco_error err = {0};
    (void)state;

    assert_int_equal(eco_query_cuts(&cuts, g, NULL, &err), 0);
    assert_int_equal(cuts->cut_point_count, 3);
    assert_int_equal(cuts->cut_points[0], 2); /* c: cuts off a and b */
    assert_int_equal(cuts->separated[0], 2);
    assert_int_equal(cuts->cut_points[1], 3); /* d: cuts off e and f */
    assert_int_equal(cuts->separated[1], 2);
    assert_int_equal(cuts->cut_points[2], 1); /* b: cuts off a */
    assert_int_equal(cuts->separated[2], 1);
    assert_int_equal(cuts->bridge_count, 3);
    assert_int_equal(cuts->bridges[0], 0);
    assert_int_equal(cuts->bridges[1], 1);
    eco_cuts_free(cuts);
    eco_graph_free(g);
}

static void k_shortest_paths_come_shortest_first(void **state)
{
    /* a - b - d and a - c - e - d: two ways from a to d. */
    eco_graph *g = build("XXXXX", "ab bd ac ce ed");
    eco_path *paths = NULL;
    size_t count = 0;
    eco_error err = {0};
    (void)state;

    assert_int_equal(eco_query_paths(&paths, &count, g, 0, 3, 5, NULL, &err), 0);
    assert_int_equal(count, 2);
    assert_int_equal(paths[0].length, 2);
    assert_int_equal(paths[0].actors[1], 1);
    assert_int_equal(paths[1].length, 3);
    assert_true(paths[1].cost == 3);
    eco_paths_free(paths, count);
    /* Directed, funding only runs one way. */
    eco_graph_free(g);
    g = build("XXX", "a>b b>c");
    assert_int_equal(eco_query_paths(&paths, &count, g, 2, 0, 1, &directed, &err), 0);
    assert_int_equal(count, 0);
    eco_paths_free(paths, count);
    assert_int_equal(eco_query_paths(&paths, &count, g, 2, 0, 1, NULL, &err), 0);
    assert_int_equal(count, 1);
    eco_paths_free(paths, count);
    eco_graph_free(g);
}

static void the_ego_network_keeps_ties_among_its_actors(void **state)
{
    eco_graph *g = build("XXXXX", "ab bc cd ac"), *ego = NULL;
    eco_error err = {0};
    size_t i;
    (void)state;

    assert_int_equal(eco_query_ego(&ego, g, 0, 1, NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(ego), 3); /* a, b, c */
    assert_int_equal(eco_graph_tie_count(ego), 3);   /* ab, bc, ac */
    assert_int_equal(eco_graph_find_actor_by_id(&i, ego, "c"), 0);
    assert_int_equal(eco_graph_find_actor_by_id(NULL, ego, "d"), ECO_ENOTFOUND);
    eco_graph_free(ego);
    eco_graph_free(g);
}

static void similar_names_are_suggested(void **state)
{
    eco_graph *g;
    size_t found[2];
    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    assert_int_equal(eco_graph_add_actor(NULL, g, NULL, "Ministry of Education", 0, NULL), 0);
    assert_int_equal(eco_graph_add_actor(NULL, g, NULL, "Nesta", 0, NULL), 0);
    assert_int_equal(eco_graph_add_actor(NULL, g, NULL, "LabX", 0, NULL), 0);
    assert_int_equal(eco_query_similar_names(found, 2, g, "Lab X"), 2);
    assert_int_equal(found[0], 2);
    assert_int_equal(eco_query_similar_names(found, 1, g, "ministry of educaton"), 1);
    assert_int_equal(found[0], 0);
    eco_graph_free(g);
}

/* ---- Communities, filters, projections -------------------------------------------------- */

static void two_cliques_make_two_communities(void **state)
{
    eco_graph *g = build("XXXXXXXX", "ab ac ad bc bd cd ef eg eh fg fh gh de");
    eco_communities *c = NULL;
    eco_error err = {0};
    (void)state;

    for (int method = 0; method < 2; method++) {
        assert_int_equal(eco_query_communities(&c, g, (eco_community_method)method, NULL, &err), 0);
        assert_int_equal(c->count, 2);
        for (size_t i = 1; i < 4; i++)
            assert_int_equal(c->membership[i], c->membership[0]);
        assert_int_not_equal(c->membership[4], c->membership[0]);
        assert_true(c->modularity > 0.35 && c->modularity < 0.5);
        eco_communities_free(c);
    }
    eco_graph_free(g);
}

static void filters_keep_what_passes(void **state)
{
    eco_graph *g = build("XXXX", "ab bc"), *out = NULL;
    eco_filter f = ECO_FILTER_INIT;
    eco_error err = {0};
    (void)state;

    assert_int_equal(eco_graph_set_actor_type(g, 0, ECO_TYPE_LAB), 0);
    assert_int_equal(eco_graph_set_actor_type(g, 1, ECO_TYPE_LAB), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, 0, 1, ECO_TIE_SUPPORT, 1, 3, NULL), 0);
    f.types = 1u << ECO_TYPE_LAB;
    assert_int_equal(eco_query_filter(&out, g, &f, &err), 0);
    assert_int_equal(eco_graph_actor_count(out), 2);
    assert_int_equal(eco_graph_tie_count(out), 2);
    eco_graph_free(out);

    f = (eco_filter)ECO_FILTER_INIT;
    f.min_weight = 2;
    f.drop_isolates = 1;
    assert_int_equal(eco_query_filter(&out, g, &f, &err), 0);
    assert_int_equal(eco_graph_actor_count(out), 2);
    assert_int_equal(eco_graph_tie_count(out), 1);
    assert_int_equal(eco_graph_tie(out, 0)->kind, ECO_TIE_SUPPORT);
    eco_graph_free(out);
    eco_graph_free(g);
}

/* A filter of version 1 was built before topic existed: its topic is not read, even when
 * the bytes where it would be hold something. */
static void a_filter_of_version_1_chooses_no_topic(void **state)
{
    static const char *const topics[] = {"water"};
    eco_record about = {"rivers.csv#1", NULL, "table", NULL, NULL, 0, topics, 1};
    eco_graph *g = build("XX", "ab"), *out = NULL;
    eco_filter f = ECO_FILTER_INIT;
    eco_error err = {0};
    (void)state;

    assert_int_equal(eco_graph_add_record(NULL, g, &about), 0);
    assert_int_equal(eco_graph_add_actor_record(g, 0, "rivers.csv#1"), 0);
    f.topic = "WATER";
    assert_int_equal(eco_query_filter(&out, g, &f, &err), 0);
    assert_int_equal(eco_graph_actor_count(out), 1); /* b is in no record about water */
    eco_graph_free(out);
    f.version = 1;
    assert_int_equal(eco_query_filter(&out, g, &f, &err), 0);
    assert_int_equal(eco_graph_actor_count(out), 2);
    eco_graph_free(out);
    eco_graph_free(g);
}

static void projection_links_actors_of_one_initiative(void **state)
{
    /* d and e are initiatives: a, b, c work in d; c works in e with a. */
    eco_graph *g = build("XXXPP", "ad bd cd ce ae"), *out = NULL;
    eco_error err = {0};
    size_t t;
    (void)state;

    assert_int_equal(eco_query_project(&out, g, "group=P", ECO_PROJECT_COUNT, &err), 0);
    assert_int_equal(eco_graph_actor_count(out), 3);
    assert_int_equal(eco_graph_find_tie(&t, out, 0, 2, ECO_TIE_RELATED), 0);
    assert_true(eco_graph_tie(out, t)->weight == 2); /* a and c share d and e */
    assert_int_equal(eco_graph_find_tie(&t, out, 0, 1, ECO_TIE_RELATED), 0);
    assert_true(eco_graph_tie(out, t)->weight == 1);
    eco_graph_free(out);

    assert_int_equal(eco_query_project(&out, g, "group=P", ECO_PROJECT_NEWMAN, &err), 0);
    assert_int_equal(eco_graph_find_tie(&t, out, 0, 2, ECO_TIE_RELATED), 0);
    assert_true(fabs(eco_graph_tie(out, t)->weight - (0.5 + 1.0)) < 1e-12);
    eco_graph_free(out);
    assert_int_equal(eco_query_project(&out, g, "group", ECO_PROJECT_COUNT, &err), ECO_EUSAGE);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(coordinator_is_a_broker_inside_its_own_group),
        cmocka_unit_test(itinerant_links_two_of_another_group),
        cmocka_unit_test(representative_carries_its_group_out),
        cmocka_unit_test(gatekeeper_lets_another_group_in),
        cmocka_unit_test(liaison_joins_three_groups),
        cmocka_unit_test(no_one_brokers_a_pair_already_linked),
        cmocka_unit_test(brokerage_expectations_follow_sna),
        cmocka_unit_test(a_star_centre_is_unconstrained),
        cmocka_unit_test(a_triangle_is_redundant),
        cmocka_unit_test(hierarchy_measures_uneven_constraint),
        cmocka_unit_test(an_isolated_actor_has_no_burt_measures),
        cmocka_unit_test(parallel_ties_are_one_link),
        cmocka_unit_test(cut_points_say_how_many_they_alone_connect),
        cmocka_unit_test(k_shortest_paths_come_shortest_first),
        cmocka_unit_test(the_ego_network_keeps_ties_among_its_actors),
        cmocka_unit_test(similar_names_are_suggested),
        cmocka_unit_test(two_cliques_make_two_communities),
        cmocka_unit_test(filters_keep_what_passes),
        cmocka_unit_test(a_filter_of_version_1_chooses_no_topic),
        cmocka_unit_test(projection_links_actors_of_one_initiative),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
