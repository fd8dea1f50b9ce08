/* The readers of issue 18's other files: GEXF and DOT maps (import/maps/gexf.c, dot.c),
 * web pages and PDFs read as records (import/html.c, pdf.c), their detection by content
 * (import/detect.c) and the placing of a drawn text's lines in its file (positions.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

static void each_format_is_told_by_its_content(void **state)
{
    static const struct {
        const char *text, *format;
    } cases[] = {
        {"%PDF-1.7\n%\xE2\xE3\n1 0 obj", "pdf"},
        {"<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">", "gexf"},
        {"<!DOCTYPE html>\n<html><body><p>The City Lab works with the ministry.</p>", "html"},
        {"<!-- saved -->\n<HTML lang=en><p>The City Lab works with the ministry.</p>", "html"},
        {"/* map */\n// drawn\nstrict digraph \"x y\" {\n a -> b\n}\n", "dot"},
        {"graph{a--b}", "dot"},
        /* prose that starts with the word is prose */
        {"Graphs of partners show how the City Lab works with the ministry and others.", "text"},
        {"<graphml><graph/></graphml>", "graphml"},
    };
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
        assert_string_equal(eco_import_detect(cases[i].text, strlen(cases[i].text)),
                            cases[i].format);
}

static void a_drawn_line_is_placed_in_its_file(void **state)
{
    static const int line[] = {4, 4, 9}, page[] = {1, 1, 2};
    eco_i_origin html = {"html", line, NULL, 3}, pdf = {"pdf", line, page, 3};
    const char *where;
    char buf[64];
    int at;
    (void)state;

    at = 3;
    eco_i_origin_place(&html, "case.html", &at, &where, buf, sizeof(buf));
    assert_int_equal(at, 9);
    assert_string_equal(where, "case.html");
    at = 3;
    eco_i_origin_place(&pdf, "plan.pdf", &at, &where, buf, sizeof(buf));
    assert_int_equal(at, 9);
    assert_string_equal(where, "plan.pdf#page=2");
    at = 70; /* past what origin covers: the last line's place */
    eco_i_origin_place(&pdf, "plan.pdf", &at, &where, buf, sizeof(buf));
    assert_int_equal(at, 9);
    at = 2;
    eco_i_origin_place(NULL, "plain.txt", &at, &where, buf, sizeof(buf));
    assert_int_equal(at, 2);
    assert_string_equal(where, "plain.txt");
}

/* A Gephi file: defaults, a colour, an undirected edge in a directed graph, a relation. */
static void gexf_nodes_edges_and_attributes(void **state)
{
    const char *text =
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
        "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""
        " version=\"1.2\">\n<graph defaultedgetype=\"directed\">\n"
        "<attributes class=\"node\"><attribute id=\"0\" title=\"type\" type=\"string\"/>"
        "<attribute id=\"1\" title=\"Sector\" type=\"string\"><default>public</default></attribute>"
        "</attributes>\n"
        "<attributes class=\"edge\"><attribute id=\"r\" title=\"relation\" "
        "type=\"string\"/></attributes>\n"
        "<nodes><node id=\"f\" label=\"Future Fund\"><attvalues><attvalue for=\"0\" "
        "value=\"Foundation\"/>"
        "</attvalues><viz:color r=\"255\" g=\"0\" b=\"16\"/><viz:size value=\"4.5\"/></node>\n"
        "<node id=\"l\" label=\"City Lab\"/></nodes>\n"
        "<edges><edge source=\"f\" target=\"l\"><attvalues><attvalue for=\"r\" value=\"Grant\"/>"
        "</attvalues></edge>\n<edge source=\"l\" target=\"f\" type=\"undirected\"/></edges>\n"
        "</graph></gexf>\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t fund, lab, t;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "g.gexf", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&fund, g, "f"), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&lab, g, "l"), 0);
    assert_string_equal(eco_graph_actor(g, fund)->name, "Future Fund");
    assert_int_equal(eco_graph_actor(g, fund)->type, ECO_TYPE_CIVIL_SOCIETY);
    assert_string_equal(eco_graph_attribute(g, fund, "color"), "#ff0010");
    assert_string_equal(eco_graph_attribute(g, fund, "size"), "4.5");
    assert_string_equal(eco_graph_attribute(g, lab, "Sector"), "public"); /* the default */
    assert_int_equal(eco_graph_find_tie(&t, g, fund, lab, ECO_TIE_FUNDING), 0);
    assert_true(eco_graph_tie(g, t)->directed);
    assert_int_equal(eco_graph_find_tie(&t, g, lab, fund, ECO_TIE_PARTNERSHIP), 0);
    assert_false(eco_graph_tie(g, t)->directed);
    assert_int_equal(eco_graph_tie(g, t)->evidence[0].line, 8);
    eco_graph_free(g);
}

static void broken_maps_say_where(void **state)
{
    static const struct {
        const char *text, *error;
    } cases[] = {
        {"digraph {\n  a -> b;\n  a -> ;\n}\n", "g:3:8: error: DOT syntax error at ';'"},
        {"<gexf><graph><nodes><node id=\"a\"><attvalues>\n<attvalue for=\"x\" value=\"1\"/>",
         "g:2:1: error: <attvalue> names no <attribute> declared before it: \"x\""},
        {"<gexf><graph><edges>\n  <edge source=\"a\"/>",
         "g:2:3: error: <edge> needs a source and a target"},
    };
    char line[512];
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        eco_graph *g = NULL;
        eco_error err = {0};
        assert_int_equal(
            eco_import_buffer(&g, cases[i].text, strlen(cases[i].text), "g", NULL, &err),
            ECO_EDATA);
        assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)), cases[i].error);
        assert_null(g);
    }
    /* after an error, cgraph reads the next file as if none had happened */
    eco_graph *g = NULL;
    eco_error err = {0};
    const char *good = "graph { a -- b [kind=membership] }";
    assert_int_equal(eco_import_buffer(&g, good, strlen(good), "g.dot", NULL, &err), 0);
    assert_int_equal(eco_graph_tie_count(g), 1);
    assert_int_equal(eco_graph_tie(g, 0)->kind, ECO_TIE_MEMBERSHIP);
    eco_graph_free(g);
}

/* What a reader would not read as the page's content names no actor. */
static void a_page_s_navigation_and_scripts_are_left_out(void **state)
{
    const char *text =
        "<!DOCTYPE html><html><head><title>Site | The City Lab</title>"
        "<script>var org = 'Ministry of Finance';</script></head><body>\n"
        "<nav><a href=\"/\">World Bank partners</a></nav>\n"
        "<main><h1>The City Lab</h1>\n<p>The City Lab works with the Ministry of Health on\n"
        "clinics.</p></main><footer>United Nations Development Programme</footer></body></html>\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t health, lab, t;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "p.html", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor(&health, g, "Ministry of Health", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&lab, g, "City Lab", NULL), 0);
    assert_int_not_equal(eco_graph_find_actor(&t, g, "Ministry of Finance", NULL), 0);
    assert_int_not_equal(eco_graph_find_actor(&t, g, "World Bank", NULL), 0);
    assert_int_not_equal(eco_graph_find_actor(&t, g, "United Nations Development Programme", NULL),
                         0);
    assert_string_equal(eco_graph_record(g, 0)->format, "html");
    assert_string_equal(eco_graph_record(g, 0)->title, "The City Lab");
    assert_true(eco_graph_tie_count(g) >= 1);
    assert_int_equal(eco_graph_tie(g, 0)->evidence[0].line, 4); /* the page's line */
    eco_graph_free(g);
}

/* cgraph's writer escapes a quote but not a backslash, so a backslash before a quote, a line
 * break or the end would end the string early: the DOT export doubles such a backslash, and
 * every other reads back as written. */
static void a_backslash_in_a_name_reads_back_from_the_dot_export(void **state)
{
    static const struct {
        const char *name, *read_back;
    } names[] = {
        {"Lab \\", "Lab \\\\"},
        {"Office \\\"Q\\\"", "Office \\\\\"Q\\\\\""},
        {"Fund \\b", "Fund \\b"},
    };
    eco_graph *g = NULL, *back = NULL;
    eco_error err = {0};
    char *dot = NULL;
    size_t len = 0, at[3];
    FILE *fp = open_memstream(&dot, &len);
    (void)state;

    assert_int_equal(eco_graph_new(&g), 0);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(eco_graph_add_actor(&at[i], g, names[i].name, names[i].name,
                                             ECO_TYPE_LAB, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, at[0], at[1], ECO_TIE_SUPPORT, 1, 1, NULL), 0);
    assert_int_equal(eco_diagram_dot(g, NULL, fp, "m.dot", &err), 0);
    fclose(fp);
    assert_int_equal(eco_import_buffer(&back, dot, len, "m.dot", NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(back), 3);
    for (size_t i = 0; i < 3; i++) {
        size_t found;
        assert_int_equal(eco_graph_find_actor(&found, back, names[i].read_back, NULL), 0);
    }
    assert_int_equal(eco_graph_tie_count(back), 1);
    eco_graph_free(back);
    eco_graph_free(g);
    free(dot);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_format_is_told_by_its_content),
        cmocka_unit_test(a_drawn_line_is_placed_in_its_file),
        cmocka_unit_test(gexf_nodes_edges_and_attributes),
        cmocka_unit_test(broken_maps_say_where),
        cmocka_unit_test(a_page_s_navigation_and_scripts_are_left_out),
        cmocka_unit_test(a_backslash_in_a_name_reads_back_from_the_dot_export),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
