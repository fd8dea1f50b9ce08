/* NetworkX node-link JSON: ecomap's own export and other tools' files, and which JSON is which. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

static int import(eco_graph **g, const char *text, eco_error *err)
{
    *g = NULL;
    return eco_import_buffer(g, text, strlen(text), "graphs/g.json", NULL, err);
}

static void json_kinds_are_told_apart(void **state)
{
    static const struct {
        const char *text, *kind;
    } cases[] = {
        {"{\"format\": \"ecomap\", \"version\": 1}", "json"},
        {"{\"nodes\": [{\"id\": 0}], \"links\": []}", "node-link"},
        {"{\"nodes\": [], \"links\": []}", "json"}, /* says nothing: not taken for a graph */
        {"{\"directed\": true, \"nodes\": [{\"id\": 1}], \"edges\": []}", "node-link"},
        {"{\"elements\": {\"nodes\": [], \"edges\": []}}", "cytoscape"},
        {"[{\"data\": {\"id\": \"a\"}}]", "cytoscape"},
        {"{\"elements\": [], \"connections\": []}", "kumu-json"},
        {"{\"nodes\": [", "json"}, /* broken: the native reader says where */
    };
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_string_equal(eco_import_detect(cases[i].text, strlen(cases[i].text)), cases[i].kind);
    assert_string_equal(eco_import_detect("{\"hello\": 1}", 12), "json");
}

static void a_json_file_of_no_known_kind_is_an_error(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    char line[700];
    (void)state;

    assert_int_equal(import(&g, "  {\"hello\": [1, 2]}", &err), ECO_EDATA);
    assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)),
                        "graphs/g.json:1:3: error: a JSON file that is not an ecomap map: it has "
                        "no \"format\": \"ecomap\"");
    eco_graph_free(g);
}

static void ecomap_nodes_and_edges_come_back_as_written(void **state)
{
    const char *text =
        "{\"directed\": false, \"multigraph\": false, \"graph\": {\"generator\": \"ecomap\"},"
        " \"nodes\": [{\"id\": \"ama\", \"name\": \"AMA\", \"type\": \"government\", \"country\": "
        "\"Portugal\", \"aliases\": [\"A|M\"], \"records\": [\"r.txt\"], \"attribute:name\": \"x\","
        " \"website\": \"w\"},"
        " {\"id\": \"labx\", \"name\": \"LabX\", \"type\": null, \"country\": null, \"aliases\": "
        "[],"
        " \"records\": []}],"
        " \"edges\": [{\"source\": \"ama\", \"target\": \"labx\", \"kind\": \"hosting\", "
        "\"directed\": true, \"weight\": 2.5, \"evidence\": [{\"record\": \"r.txt\", \"source\": "
        "\"r/r.txt\", \"line\": 4, \"text\": \"AMA hosts LabX.\"}, {\"record\": null, \"source\":"
        " null, \"line\": null, \"text\": \"again\"}]}]}";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t ama, labx, t;
    (void)state;

    assert_int_equal(import(&g, text, &err), 0);
    assert_int_equal(eco_graph_record_count(g), 0); /* nodes say their records themselves */
    assert_int_equal(eco_graph_find_actor_by_id(&ama, g, "ama"), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&labx, g, "labx"), 0);
    const eco_actor *a = eco_graph_actor(g, ama);
    assert_int_equal(a->type, ECO_TYPE_GOVERNMENT);
    assert_string_equal(a->country, "Portugal");
    assert_string_equal(a->aliases[0], "A|M");
    assert_string_equal(a->records[0], "r.txt");
    assert_string_equal(eco_graph_attribute(g, ama, "name"), "x");
    assert_string_equal(eco_graph_attribute(g, ama, "website"), "w");
    assert_int_equal(eco_graph_actor(g, labx)->record_count, 0);
    assert_int_equal(eco_graph_find_tie(&t, g, ama, labx, ECO_TIE_HOSTING), 0);
    const eco_tie *tie = eco_graph_tie(g, t);
    assert_true(tie->weight == 2.5);
    assert_int_equal(tie->evidence_count, 2);
    assert_int_equal(tie->evidence[1].line, 4);
    assert_string_equal(tie->evidence[1].source, "r/r.txt");
    eco_graph_free(g);
}

static void other_tools_nodes_keep_their_attributes(void **state)
{
    const char *text =
        "{\"directed\": true, \"nodes\": [{\"id\": 1, \"label\": \"Ministry of Health\", \"size\": "
        "3.5,"
        " \"tags\": [\"a\", \"b|c\"], \"extra\": {\"k\": 1}}, {\"id\": \"x y\", \"name\": \"Acme\","
        " \"type\": \"Company\"}],"
        " \"links\": [{\"source\": 1, \"target\": \"x y\", \"relation\": \"funds\", \"since\": "
        "2019},"
        " {\"source\": \"x y\", \"target\": 9}]}";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t health, acme, t;
    (void)state;

    assert_int_equal(import(&g, text, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 3); /* node 9 is made up, with a warning */
    assert_int_equal(eco_graph_find_actor(&health, g, "Ministry of Health", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&acme, g, "Acme", NULL), 0);
    assert_string_equal(eco_graph_actor(g, health)->id, "1");
    assert_string_equal(eco_graph_actor(g, acme)->id, "acme"); /* "x y" is no id */
    assert_int_equal(eco_graph_actor(g, acme)->type, ECO_TYPE_PRIVATE);
    assert_string_equal(eco_graph_attribute(g, acme, "type"), "Company");
    assert_string_equal(eco_graph_attribute(g, health, "size"), "3.5");
    assert_string_equal(eco_graph_attribute(g, health, "tags"), "a|b\\|c");
    assert_string_equal(eco_graph_attribute(g, health, "extra"), "{\"k\":1}");
    assert_string_equal(eco_graph_actor(g, health)->records[0], "g.json");
    assert_int_equal(eco_graph_find_tie(&t, g, health, acme, ECO_TIE_FUNDING), 0);
    assert_true(eco_graph_tie(g, t)->directed);
    assert_string_equal(eco_graph_tie(g, t)->evidence[0].text, "relation: funds; since: 2019");
    eco_graph_free(g);
}

static void bad_graphs_are_refused_where_they_go_wrong(void **state)
{
    static const struct {
        const char *text, *error;
    } cases[] = {
        {"{\"nodes\": [{\"id\": \"a\"},\n {\"name\": \"b\"}], \"edges\": []}",
         "graphs/g.json:2:2: error: node has no \"id\""},
        {"{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"edges\": []}",
         "graphs/g.json:1:32: error: node id \"a\" appears twice"},
        {"{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"edges\": [{\"source\": \"a\", "
         "\"target\": \"b\", \"weight\": -2}]}",
         "graphs/g.json:2:53: error: \"weight\" must be a number from 0 to 1e12"},
        {"{\"nodes\": [], \"edges\": [}", "graphs/g.json:1:25: error: unexpected token near '}'"},
    };
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        eco_graph *g = NULL;
        eco_error err = {0};
        char line[700];
        eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
        opt.format = "node-link";
        assert_int_equal(
            eco_import_buffer(&g, cases[i].text, strlen(cases[i].text), "graphs/g.json", &opt, &err),
            ECO_EDATA);
        assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)), cases[i].error);
        eco_graph_free(g);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_kinds_are_told_apart),
        cmocka_unit_test(a_json_file_of_no_known_kind_is_an_error),
        cmocka_unit_test(ecomap_nodes_and_edges_come_back_as_written),
        cmocka_unit_test(other_tools_nodes_keep_their_attributes),
        cmocka_unit_test(bad_graphs_are_refused_where_they_go_wrong),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
