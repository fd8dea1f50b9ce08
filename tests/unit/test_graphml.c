/* GraphML, and the small XML tokenizer under it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

static void tokens_decode_entities_cdata_and_attributes(void **state)
{
    const char *text = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY y \"z\">]>\n"
                       "<!-- a <comment> -->\n<a k='1 &amp;\n2' j=\"&#x263A;\">t&lt;&#233;"
                       "<![CDATA[<raw> & ]]><b/></a>\n";
    eco_i_xml x;
    eco_error err = {0};
    (void)state;

    eco_i_xml_init(&x, text, strlen(text));
    assert_int_equal(eco_i_xml_next(&x, "t.xml", &err), ECO_I_XML_OPEN);
    assert_string_equal(x.name, "a");
    assert_int_equal(x.token_line, 4);
    assert_string_equal(eco_i_xml_attribute(&x, "k"), "1 & 2"); /* a new line is a space */
    assert_string_equal(eco_i_xml_attribute(&x, "j"), "\xE2\x98\xBA");
    assert_int_equal(eco_i_xml_next(&x, "t.xml", &err), ECO_I_XML_TEXT);
    assert_string_equal(x.text, "t<\xC3\xA9");
    assert_int_equal(eco_i_xml_next(&x, "t.xml", &err), ECO_I_XML_TEXT);
    assert_string_equal(x.text, "<raw> & ");
    assert_int_equal(eco_i_xml_next(&x, "t.xml", &err), ECO_I_XML_OPEN);
    assert_int_equal(eco_i_xml_next(&x, "t.xml", &err), ECO_I_XML_CLOSE);
    assert_string_equal(x.name, "b");
    assert_int_equal(eco_i_xml_next(&x, "t.xml", &err), ECO_I_XML_CLOSE);
    assert_int_equal(eco_i_xml_next(&x, "t.xml", &err), ECO_I_XML_END);
    eco_i_xml_free(&x);
}

static void malformed_xml_is_reported_where_it_breaks(void **state)
{
    static const struct {
        const char *text, *error;
    } cases[] = {
        {"<graphml>\n  <graph>\n  </graphml>",
         "g.graphml:3:3: error: closing tag </graphml> does not match <graph>"},
        {"<graphml>\n<node id=\"a\">", "g.graphml:2:14: error: element <node> is never closed"},
        {"<graphml a=b/>", "g.graphml:1:12: error: an attribute value must be quoted"},
        {"<graphml>&nbsp;</graphml>", "g.graphml:1:10: error: unknown entity \"&nbsp;\""},
        {"<graphml>a & b</graphml>",
         "g.graphml:1:12: error: '&' starts no entity: write \"&amp;\" for an ampersand"},
        {"<graphml></graphml>\n<graphml/>",
         "g.graphml:2:1: error: a second root element <graphml>: an XML document has one"},
        {"<graphml><!-- never",
         "g.graphml:1:10: error: comment is never closed: \"-->\" is missing"},
        {"<graphml><key for=\"node\"/></graphml>", "g.graphml:1:10: error: <key> has no id"},
    };
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        eco_graph *g = NULL;
        eco_error err = {0};
        char line[700];
        eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
        opt.format = "graphml";
        assert_int_equal(
            eco_import_buffer(&g, cases[i].text, strlen(cases[i].text), "g.graphml", &opt, &err),
            ECO_EDATA);
        assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)), cases[i].error);
        eco_graph_free(g);
    }
}

static void keys_defaults_and_data_make_actors_and_ties(void **state)
{
    const char *text =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\r\n"
        "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\r\n"
        "  <key id=\"d1\" for=\"node\" attr.name=\"sector\" attr.type=\"string\">"
        "<default>Government</default></key>\r\n"
        "  <key id=\"d2\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\r\n"
        "  <key id=\"d3\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\r\n"
        "  <graph edgedefault=\"directed\">\r\n"
        "    <edge source=\"n0\" target=\"n1\"><data key=\"d2\">1.5</data>"
        "<data key=\"d3\">Grant</data></edge>\r\n"
        "    <node id=\"n0\"><data key=\"d0\">Fund &amp; Co</data></node>\r\n"
        "    <node id=\"n1\"><data key=\"d0\"><![CDATA[Lab <One>]]></data>"
        "<data key=\"d1\">civic</data></node>\r\n"
        "  </graph>\r\n</graphml>\r\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t fund, lab, t;
    (void)state;

    assert_string_equal(eco_import_detect(text, strlen(text)), "graphml");
    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "in/g.graphml", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor(&fund, g, "Fund & Co", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&lab, g, "Lab <One>", NULL), 0);
    assert_string_equal(eco_graph_attribute(g, fund, "sector"), "Government"); /* the default */
    assert_string_equal(eco_graph_attribute(g, lab, "sector"), "civic");
    assert_string_equal(eco_graph_actor(g, fund)->id, "n0");
    assert_int_equal(eco_graph_find_tie(&t, g, fund, lab, ECO_TIE_FUNDING), 0);
    const eco_tie *tie = eco_graph_tie(g, t);
    assert_true(tie->directed);
    assert_true(tie->weight == 1.5);
    assert_string_equal(tie->evidence[0].record, "g.graphml");
    assert_int_equal(tie->evidence[0].line, 8);
    assert_string_equal(tie->evidence[0].text, "relation: Grant");
    eco_graph_free(g);
}

static void ecomap_graphml_lists_come_back(void **state)
{
    const char *text =
        "<graphml>\n"
        "<key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        "<key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
        "<key id=\"records\" for=\"node\" attr.name=\"records\" attr.type=\"string\"/>\n"
        "<key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "<key id=\"directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
        "<key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
        "<graph edgedefault=\"undirected\">\n"
        "<node id=\"ama\"><data key=\"name\">AMA</data><data key=\"aliases\">A\\|M|Agency</data>"
        "<data key=\"records\">r1.txt|r2.txt</data></node>\n"
        "<node id=\"labx\"><data key=\"name\">LabX</data></node>\n"
        "<edge id=\"e0\" source=\"ama\" target=\"labx\"><data key=\"kind\">hosting</data>"
        "<data key=\"directed\">false</data><data key=\"evidence\">r1.txt:12: AMA hosts "
        "LabX\\|Y.|r2.txt</data></edge>\n"
        "</graph></graphml>\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t ama, labx, t;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "m.graphml", NULL, &err), 0);
    assert_int_equal(eco_graph_record_count(g), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&ama, g, "ama"), 0);
    assert_int_equal(eco_graph_find_actor_by_id(&labx, g, "labx"), 0);
    assert_string_equal(eco_graph_actor(g, ama)->aliases[1], "A|M"); /* sorted bytewise */
    assert_int_equal(eco_graph_actor(g, ama)->record_count, 2);
    assert_int_equal(eco_graph_actor(g, labx)->record_count, 0); /* an empty list, not unknown */
    assert_int_equal(eco_graph_find_tie(&t, g, ama, labx, ECO_TIE_HOSTING), 0);
    const eco_tie *tie = eco_graph_tie(g, t);
    assert_false(tie->directed);
    assert_int_equal(tie->evidence_count, 2);
    assert_string_equal(tie->evidence[0].text, "AMA hosts LabX|Y.");
    assert_int_equal(tie->evidence[0].line, 12);
    assert_string_equal(tie->evidence[1].record, "r2.txt");
    eco_graph_free(g);
}

static void markup_in_data_and_nested_graphs_are_read_flat(void **state)
{
    const char *text =
        "<graphml xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
        "<key id=\"d0\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
        "<key id=\"d1\" for=\"node\" attr.name=\"label\"/>\n"
        "<graph edgedefault=\"undirected\">\n"
        "<node id=\"outer\"><data key=\"d1\">Outer Network</data>\n"
        "  <data key=\"d0\"><y:ShapeNode><y:NodeLabel>drawn</y:NodeLabel></y:ShapeNode></data>\n"
        "  <graph id=\"inner\"><node id=\"inner-a\"><data key=\"d1\">Inner "
        "A</data></node></graph>\n"
        "</node>\n"
        "<edge source=\"outer\" target=\"inner-a\"/>\n"
        "</graph></graphml>\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t outer, inner;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "y.graphml", NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 2);
    assert_int_equal(eco_graph_find_actor(&outer, g, "Outer Network", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&inner, g, "Inner A", NULL), 0);
    assert_int_equal(eco_graph_actor(g, outer)->attribute_count, 0); /* yEd's drawing is not data */
    assert_int_equal(eco_graph_find_tie(NULL, g, outer, inner, ECO_TIE_PARTNERSHIP), 0);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokens_decode_entities_cdata_and_attributes),
        cmocka_unit_test(malformed_xml_is_reported_where_it_breaks),
        cmocka_unit_test(keys_defaults_and_data_make_actors_and_ties),
        cmocka_unit_test(ecomap_graphml_lists_come_back),
        cmocka_unit_test(markup_in_data_and_nested_graphs_are_read_flat),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
