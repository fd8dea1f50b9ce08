/* Cytoscape.js JSON in its three layouts, and Kumu's project JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

static int import(eco_graph **g, const char *text, const char *source, eco_error *err)
{
    *g = NULL;
    return eco_import_buffer(g, text, strlen(text), source, NULL, err);
}

static void check_two_nodes_one_edge(eco_graph *g)
{
    size_t lab, ngo, t;
    assert_int_equal(eco_graph_actor_count(g), 2);
    assert_int_equal(eco_graph_find_actor(&lab, g, "Open Lab", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&ngo, g, "Civic <Group> & Co", NULL), 0);
    assert_int_equal(eco_graph_actor(g, lab)->type, ECO_TYPE_LAB);
    assert_int_equal(eco_graph_find_tie(&t, g, ngo, lab, ECO_TIE_SUPPORT), 0);
    assert_true(eco_graph_tie(g, t)->weight == 2.0);
}

static void every_layout_reads_the_same(void **state)
{
    static const char *const layouts[] = {
        /* cy.json() and ecomap: elements as an object of nodes and edges */
        "{\"elements\": {\"nodes\": [{\"data\": {\"id\": \"lab\", \"name\": \"Open Lab\", "
        "\"type\": \"lab\", \"value\": \"lab\"}}, {\"data\": {\"id\": \"ngo\", \"name\": "
        "\"Civic <Group> & Co\"}}], \"edges\": [{\"data\": {\"id\": \"e\", \"source\": \"ngo\", "
        "\"target\": \"lab\", \"kind\": \"support\", \"weight\": 2}}]}}",
        /* elements as one array, an edge before its nodes */
        "{\"elements\": [{\"group\": \"edges\", \"data\": {\"source\": \"ngo\", \"target\": "
        "\"lab\", "
        "\"interaction\": \"mentoring\", \"weight\": 2}}, {\"group\": \"nodes\", \"data\": "
        "{\"id\": "
        "\"lab\", \"label\": \"Open Lab\", \"type\": \"Innovation lab\"}}, {\"data\": {\"id\": "
        "\"ngo\", \"name\": \"Civic <Group> & Co\"}}]}",
        /* a bare array; edges known by their source and target */
        "[{\"data\": {\"id\": \"lab\", \"name\": \"Open Lab\", \"type\": \"Lab\"}}, {\"data\": "
        "{\"id\": \"ngo\", \"name\": \"Civic <Group> & Co\"}}, {\"data\": {\"id\": \"e1\", "
        "\"source\": \"ngo\", \"target\": \"lab\", \"kind\": \"support\", \"weight\": \"2\"}}]",
    };
    (void)state;

    for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
        eco_graph *g = NULL;
        eco_error err = {0};
        assert_string_equal(eco_import_detect(layouts[i], strlen(layouts[i])), "cytoscape");
        assert_int_equal(import(&g, layouts[i], "c.cyjs", &err), 0);
        check_two_nodes_one_edge(g);
        /* "value" is NetworkX's copy of the id, not an attribute. */
        assert_null(eco_graph_attribute(g, 0, "value"));
        eco_graph_free(g);
    }
}

static void cytoscape_without_elements_is_refused(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    (void)state;

    opt.format = "cytoscape";
    assert_int_equal(eco_import_buffer(&g, "{\"data\": {}}", 12, "c.cyjs", &opt, &err), ECO_EDATA);
    assert_string_equal(err.text, "Cytoscape.js JSON needs \"elements\", or an array of elements");
    eco_graph_free(g);
}

static void kumu_projects_give_types_attributes_and_connections(void **state)
{
    const char *text =
        "{\"elements\": [{\"_id\": \"elem-a1\", \"attributes\": {\"label\": \"Ministry of "
        "Science\","
        " \"element type\": \"Government agency\", \"description\": \"Funds\", \"tags\": [\"x\", "
        "\"y\"], \"founded\": 1999}},"
        " {\"_id\": \"elem-b2\", \"attributes\": {\"label\": \"Open Lab\", \"element type\": "
        "\"Lab\"}},"
        " {\"id\": \"elem-c3\", \"label\": \"Civic Network\", \"element type\": \"Network\"}],"
        " \"connections\": [{\"_id\": \"conn-1\", \"from\": \"elem-a1\", \"to\": \"elem-b2\", "
        "\"direction\": \"directed\", \"attributes\": {\"connection type\": \"Funding\", "
        "\"strength\": 2}},"
        " {\"_id\": \"conn-2\", \"from\": \"Open Lab\", \"to\": \"elem-c3\", \"attributes\": "
        "{\"connection type\": \"Member of\"}},"
        " {\"_id\": \"conn-3\", \"from\": \"elem-c3\", \"to\": \"elem-a1\", \"direction\": "
        "\"directed\", \"reversed\": true, \"delayed\": false, \"attributes\": "
        "{\"connection type\": \"Support\", \"tags\": [\"t\"]}}], \"attributes\": [], \"maps\": "
        "[]}";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t ms, lab, net, t;
    (void)state;

    assert_string_equal(eco_import_detect(text, strlen(text)), "kumu-json");
    assert_int_equal(import(&g, text, "project.json", &err), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&ms, g, "elem-a1"), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&lab, g, "elem-b2"), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&net, g, "elem-c3"), 0);
    assert_string_equal(eco_graph_actor(g, ms)->name, "Ministry of Science");
    assert_int_equal(eco_graph_actor(g, ms)->type, ECO_TYPE_GOVERNMENT);
    assert_string_equal(eco_graph_attribute(g, ms, "type"), "Government agency");
    assert_string_equal(eco_graph_attribute(g, ms, "tags"), "x|y");
    assert_string_equal(eco_graph_attribute(g, ms, "founded"), "1999");
    assert_int_equal(eco_graph_actor(g, lab)->type, ECO_TYPE_LAB);
    assert_int_equal(eco_graph_actor(g, net)->type, ECO_TYPE_NETWORK);
    assert_int_equal(eco_graph_find_tie(&t, g, ms, lab, ECO_TIE_FUNDING), 0);
    assert_true(eco_graph_tie(g, t)->weight == 2.0);
    assert_int_equal(eco_graph_find_tie(NULL, g, lab, net, ECO_TIE_MEMBERSHIP), 0);
    /* Reversed: drawn from "to" to "from"; Kumu's drawing flags are not evidence. */
    assert_int_equal(eco_graph_find_tie(&t, g, ms, net, ECO_TIE_SUPPORT), 0);
    assert_true(eco_graph_tie(g, t)->directed);
    assert_string_equal(eco_graph_tie(g, t)->evidence[0].text, "tags: t; type: Support");
    assert_string_equal(eco_graph_record(g, 0)->format, "kumu-json");
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_layout_reads_the_same),
        cmocka_unit_test(cytoscape_without_elements_is_refused),
        cmocka_unit_test(kumu_projects_give_types_attributes_and_connections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
