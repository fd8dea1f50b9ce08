/* The other formats: each writer's escaping and structure, and files written all or none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <dirent.h>

#include "ecomap.h"

/* ---- Helpers ---------------------------------------------------------------------------- */

static char *export_text(const eco_graph *g, eco_export_format format)
{
    char *text = NULL;
    size_t len = 0;
    eco_error err = {0};
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    assert_int_equal(eco_export_stream(g, format, NULL, fp, "memory", &err), 0);
    assert_int_equal(fclose(fp), 0);
    return text;
}

static size_t count(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static int starts_with(const char *text, const char *prefix)
{
    return strncmp(text, prefix, strlen(prefix)) == 0;
}

static char *read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *text = calloc(1, 1 << 16);
    assert_non_null(fp);
    assert_non_null(text);
    assert_true(fread(text, 1, (1 << 16) - 1, fp) > 0);
    fclose(fp);
    return text;
}

/*
 * Names and values that each format must escape: markup, quotes, commas, line breaks, the
 * list separator, a control character and a byte that is not UTF-8.  Two ties join LabX and
 * AMA, so graph formats must keep both.
 */
static eco_graph *tricky_graph(void)
{
    eco_graph *g;
    size_t labx, ama, nesta, cfa;
    eco_evidence hosted = {"003_case.txt", "records/003_case.txt", 12, "LabX | AMA; \"unit\""};
    eco_evidence bare = {NULL, NULL, 0, NULL};

    assert_int_equal(eco_graph_new(&g), 0);
    assert_int_equal(eco_graph_add_actor(&labx, g, "labx", "LabX", ECO_TYPE_LAB, "Portugal"), 0);
    assert_int_equal(eco_graph_add_actor(&ama, g, "ama", "AMA <Agência> & \"Co\", Lda",
                                         ECO_TYPE_GOVERNMENT, "Portugal"),
                     0);
    assert_int_equal(eco_graph_add_actor(&nesta, g, "nesta", "Nesta\x01", ECO_TYPE_UNKNOWN, NULL),
                     0);
    assert_int_equal(eco_graph_add_actor(&cfa, g, "cfa", "Code for All", ECO_TYPE_NETWORK, NULL),
                     0);
    assert_int_equal(eco_graph_add_alias(g, labx, "Lab|X"), 0);
    assert_int_equal(eco_graph_add_alias(g, labx, "Lab\\X"), 0);
    assert_int_equal(eco_graph_set_attribute(g, labx, "description", "line one,\nline two"), 0);
    assert_int_equal(eco_graph_set_attribute(g, labx, "name", "not the name"), 0);
    assert_int_equal(eco_graph_set_attribute(g, labx, "source:url", "https://labx.gov.pt/?a=1&b=2"),
                     0);
    assert_int_equal(eco_graph_add_tie(NULL, g, ama, labx, ECO_TIE_HOSTING, 1, 2, &hosted), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, ama, labx, ECO_TIE_PARTNERSHIP, 0, 0.25, &bare), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, labx, cfa, ECO_TIE_MEMBERSHIP, 1, 1, NULL), 0);
    return g;
}

/* ---- Names ------------------------------------------------------------------------------ */

static void every_listed_format_has_a_writer(void **state)
{
    const char *const *names = eco_export_formats();
    eco_graph *g = tricky_graph();
    eco_export_format format;
    size_t n = 0;
    (void)state;

    for (; names[n]; n++) {
        assert_int_equal(eco_export_format_from_name(&format, names[n]), 0);
        free(export_text(g, format)); /* each writes without error */
    }
    assert_int_equal(n, 8); /* json, node-link, cytoscape, graphml, gexf, kumu, neo4j, dot */
    assert_int_equal(eco_export_format_from_name(&format, "gexf"), 0);
    assert_int_equal(format, ECO_EXPORT_GEXF);
    assert_int_equal(eco_export_format_from_name(&format, "GraphML"), ECO_EUSAGE);
    assert_int_equal(eco_export_format_from_name(&format, NULL), ECO_EUSAGE);
    eco_graph_free(g);
}

/* ---- GraphML ---------------------------------------------------------------------------- */

static void graphml_escapes_and_declares_every_key(void **state)
{
    eco_graph *g = tricky_graph();
    char *xml;
    (void)state;

    /* Bytes that are not UTF-8 should never reach a graph, but XML must stay well-formed
     * even then (the JSON writers refuse them). */
    assert_int_equal(
        eco_graph_add_actor(NULL, g, "stray", "Stray \xff byte", ECO_TYPE_UNKNOWN, NULL), 0);
    xml = export_text(g, ECO_EXPORT_GRAPHML);
    assert_non_null(strstr(xml, "<data key=\"name\">Stray \xEF\xBF\xBD byte</data>"));
    assert_non_null(strstr(xml, "<data key=\"name\">AMA &lt;Agência&gt; &amp; \"Co\", Lda</data>"));
    /* A control character, which XML 1.0 cannot hold, becomes U+FFFD. */
    assert_non_null(strstr(xml, "<data key=\"name\">Nesta\xEF\xBF\xBD</data>"));
    /* Lists joined with '|', a '|' or '\' inside an item escaped. */
    assert_non_null(strstr(xml, "<data key=\"aliases\">Lab\\\\X|Lab\\|X</data>"));
    assert_non_null(strstr(xml, "<data key=\"evidence\">003_case.txt:12: LabX \\| AMA; \"unit\""));
    /* A free attribute named like a fixed key is renamed; every attribute has its key. */
    assert_non_null(strstr(xml, "attr.name=\"attribute:name\""));
    assert_non_null(strstr(xml, "attr.name=\"source:url\""));
    assert_non_null(strstr(xml, "attr.name=\"description\""));
    assert_non_null(strstr(xml, ">https://labx.gov.pt/?a=1&amp;b=2<"));
    assert_non_null(strstr(xml, "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" "
                                "attr.type=\"double\"/>"));
    assert_non_null(strstr(xml, "<data key=\"weight\">0.25</data>"));
    /* Null type and country have no <data>; both ties between AMA and LabX are there. */
    assert_int_equal(count(xml, "<data key=\"type\">"), 3);
    assert_int_equal(count(xml, "source=\"ama\" target=\"labx\""), 2);
    assert_int_equal(count(xml, "<edge "), 3);
    assert_int_equal(count(xml, "<node "), 5);
    assert_non_null(strstr(xml, "edgedefault=\"undirected\""));
    free(xml);
    eco_graph_free(g);
}

/* ---- GEXF ------------------------------------------------------------------------------- */

static void gexf_colours_types_and_sizes_by_degree(void **state)
{
    eco_graph *g = tricky_graph();
    char *xml = export_text(g, ECO_EXPORT_GEXF);
    const char *labx, *nesta, *type;
    (void)state;

    assert_non_null(strstr(xml, "<gexf xmlns=\"http://gexf.net/1.3\" "
                                "xmlns:viz=\"http://gexf.net/1.3/viz\""));
    assert_non_null(strstr(xml, "version=\"1.3\""));
    /* LabX: a lab (Okabe-Ito orange) with three ties: 10 + 10 * sqrt(3). */
    assert_non_null(labx = strstr(xml, "<node id=\"labx\" label=\"LabX\">"));
    assert_non_null(strstr(labx, "<viz:color r=\"230\" g=\"159\" b=\"0\"/>"));
    assert_non_null(strstr(labx, "<viz:size value=\"27.3\"/>"));
    assert_non_null(strstr(labx, "<attvalue for=\"degree\" value=\"3\"/>"));
    /* Nesta: unknown type (black), no ties, escaped label. */
    assert_non_null(nesta = strstr(xml, "<node id=\"nesta\" label=\"Nesta\xEF\xBF\xBD\">"));
    assert_non_null(strstr(nesta, "<viz:color r=\"221\" g=\"221\" b=\"221\"/>"));
    assert_non_null(strstr(nesta, "<viz:size value=\"10\"/>"));
    type = strstr(nesta, "<attvalue for=\"type\"");
    assert_true(!type || type > strstr(nesta, "</node>")); /* an unknown type is left out */
    /* A line break inside an attribute value survives as a character reference. */
    assert_non_null(strstr(xml, "value=\"line one,&#10;line two\""));
    assert_non_null(strstr(xml, "label=\"AMA &lt;Agência&gt; &amp; &quot;Co&quot;, Lda\""));
    assert_non_null(strstr(xml, "weight=\"0.25\""));
    assert_int_equal(count(xml, "<attribute id="), 9 + 3); /* 6 fixed, 3 free; 3 for edges */
    free(xml);
    eco_graph_free(g);
}

/* ---- Cytoscape.js ----------------------------------------------------------------------- */

static void cytoscape_gives_edges_ids_of_their_own(void **state)
{
    eco_graph *g = tricky_graph();
    char *json = export_text(g, ECO_EXPORT_CYTOSCAPE);
    (void)state;

    assert_non_null(strstr(json, "\"elements\": {\n    \"nodes\": ["));
    assert_non_null(strstr(json, "\"id\": \"ama->labx:hosting\""));
    assert_non_null(strstr(json, "\"id\": \"ama--labx:partnership\""));
    assert_non_null(strstr(json, "\"value\": \"labx\""));
    /* Two ties of one pair: a multigraph, each edge keyed by its kind. */
    assert_non_null(strstr(json, "\"multigraph\": true"));
    assert_non_null(strstr(json, "\"key\": \"partnership\""));
    assert_int_equal(count(json, "\"data\": {"), 1 + 4 + 3);
    free(json);
    eco_graph_free(g);
}

/* ---- Kumu ------------------------------------------------------------------------------- */

static void kumu_quotes_cells_and_keeps_lists_apart(void **state)
{
    static const char *const topics[] = {"water", "rivers|lakes"};
    eco_record about = {"plan.md", NULL, "text", NULL, NULL, 2021, topics, 2};
    eco_graph *g = tricky_graph();
    char *csv;
    (void)state;

    assert_int_equal(eco_graph_add_record(NULL, g, &about), 0);
    csv = export_text(g, ECO_EXPORT_KUMU);

    assert_true(starts_with(csv, "ID,Label,Type,Description,Tags,Country,Country Code,Aliases,"
                                 "Records,name,source:url\r\n"));
    assert_non_null(strstr(csv, "\r\nama,\"AMA <Agência> & \"\"Co\"\", Lda\",government,,,Portugal,"
                                "PRT,,,,\r\n"));
    assert_non_null(strstr(csv, "\r\nlabx,LabX,lab,\"line one,\nline two\",,Portugal,PRT,"
                                "Lab\\\\X|Lab\\|X,,not the name,https://labx.gov.pt/?a=1&b=2\r\n"));
    /* Tables follow each other after two empty rows. */
    assert_non_null(strstr(csv, "\r\n\r\n\r\nFrom,To,Type,Direction,Weight,Evidence,"
                                "Evidence records,Evidence sources,Evidence lines\r\n"));
    /* Evidence: one item per piece in each list; a line is always there ("0" unknown), so
     * no evidence (labx -> cfa) and one piece with nothing known (the partnership) differ. */
    assert_non_null(strstr(csv, "\r\nama,labx,hosting,directed,2,\"LabX \\| AMA; \"\"unit\"\"\","
                                "003_case.txt,records/003_case.txt,12\r\n"));
    assert_non_null(strstr(csv, "\r\nama,labx,partnership,undirected,0.25,,,,0\r\n"));
    assert_non_null(strstr(csv, "\r\nlabx,cfa,membership,directed,1,,,,\r\n"));
    assert_non_null(
        strstr(csv, "\r\n\r\n\r\nRecord,Path,Format,Title,Country,Country Code,Year,Tags\r\n"));
    /* A record's topics are Kumu's Tags, '|' between them, a '|' of their own escaped. */
    assert_non_null(strstr(csv, "\r\nplan.md,,text,,,,2021,water|rivers\\|lakes\r\n"));
    free(csv);
    eco_graph_free(g);
}

/* ---- Neo4j ------------------------------------------------------------------------------ */

static void neo4j_headers_carry_roles_and_types(void **state)
{
    eco_graph *g = tricky_graph();
    char *csv = export_text(g, ECO_EXPORT_NEO4J);
    (void)state;

    assert_true(starts_with(csv, "id:ID,name,:LABEL,type,country,country_code,aliases:string[],"
                                 "records:string[],description,attribute_name,source_url\r\n"));
    assert_non_null(strstr(csv, "\r\ncfa,Code for All,Actor|Network,network,,,,,,,\r\n"));
    assert_non_null(strstr(csv, "\r\nnesta,Nesta\x01,Actor,,,,,,,,\r\n"));
    assert_non_null(strstr(csv, ":START_ID,:END_ID,:TYPE,kind,directed:boolean,weight:double,"
                                "evidence:string[]\r\n"));
    assert_non_null(strstr(csv, "\r\nama,labx,HOSTING,hosting,true,2,"
                                "\"003_case.txt:12: LabX | AMA; \"\"unit\"\"\"\r\n"));
    assert_non_null(strstr(csv, "\r\nama,labx,PARTNERSHIP,partnership,false,0.25,\r\n"));
    free(csv);
    eco_graph_free(g);
}

/* ---- Files ------------------------------------------------------------------------------ */

static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    assert_non_null(d);
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void several_files_appear_together_or_not_at_all(void **state)
{
    char dir[] = "/tmp/ecomap-test-XXXXXX", path[300], old[300], blocked[300];
    eco_graph *g = tricky_graph();
    eco_error err = {0};
    FILE *fp;
    char *text;
    (void)state;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/map.csv", dir);
    assert_int_equal(eco_export_file(g, ECO_EXPORT_NEO4J, NULL, path, &err), 0);
    snprintf(old, sizeof(old), "%s/map.nodes.csv", dir);
    text = read_file(old);
    assert_true(starts_with(text, "id:ID,"));
    free(text);
    snprintf(old, sizeof(old), "%s/map.relationships.csv", dir);
    assert_int_equal(access(old, F_OK), 0);
    assert_int_equal(access(path, F_OK), -1); /* no file by the name given */

    /* A folder where one of Kumu's files should go: the run fails, and the file that was
     * there before the others keeps its old text. */
    snprintf(old, sizeof(old), "%s/map.elements.csv", dir);
    assert_non_null(fp = fopen(old, "w"));
    fputs("precious\n", fp);
    fclose(fp);
    snprintf(blocked, sizeof(blocked), "%s/map.connections.csv", dir);
    assert_int_equal(mkdir(blocked, 0700), 0);
    assert_int_equal(eco_export_file(g, ECO_EXPORT_KUMU, NULL, path, &err), ECO_ECANTCREAT);
    assert_string_equal(err.source, blocked);
    text = read_file(old);
    assert_string_equal(text, "precious\n");
    free(text);
    snprintf(old, sizeof(old), "%s/map.records.csv", dir);
    assert_int_equal(access(old, F_OK), -1);

    /* Nothing else in the folder: no temporary file was left behind. */
    assert_int_equal(entries(dir), 4);
    assert_int_equal(rmdir(blocked), 0);
    for (size_t i = 0; i < 3; i++) {
        static const char *const left[] = {"nodes", "relationships", "elements"};
        snprintf(old, sizeof(old), "%s/map.%s.csv", dir, left[i]);
        assert_int_equal(unlink(old), 0);
    }
    assert_int_equal(rmdir(dir), 0);
    eco_graph_free(g);
}

/* Graphviz 2.42's pango plugin kept the last font's name as a pointer into the context that
 * measured it, so a second layout in one process read freed memory when each layout had
 * a context of its own (AddressSanitizer sees it; the sanitizer build runs this test). */
static void a_process_lays_out_many_diagrams(void **state)
{
    eco_graph *g = tricky_graph();
    eco_error err = {0};
    char *first = NULL;
    (void)state;

    for (int i = 0; i < 3; i++) {
        char *svg = NULL;
        size_t len = 0;
        if (eco_diagram_render_data(&svg, &len, g, NULL, "svg", &err) != 0)
            fail_msg("layout %d: %s", i, err.text);
        if (first)
            assert_string_equal(svg, first);
        else
            first = svg, svg = NULL;
        free(svg);
    }
    free(first);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_listed_format_has_a_writer),
        cmocka_unit_test(graphml_escapes_and_declares_every_key),
        cmocka_unit_test(gexf_colours_types_and_sizes_by_degree),
        cmocka_unit_test(cytoscape_gives_edges_ids_of_their_own),
        cmocka_unit_test(kumu_quotes_cells_and_keeps_lists_apart),
        cmocka_unit_test(neo4j_headers_carry_roles_and_types),
        cmocka_unit_test(several_files_appear_together_or_not_at_all),
        cmocka_unit_test(a_process_lays_out_many_diagrams),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
