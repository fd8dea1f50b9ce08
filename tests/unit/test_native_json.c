/* The native map: what is saved loads back exactly, and a bad map is pointed at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ecomap.h"

/* Writes g in format to memory; the caller frees the text. */
static char *export_text(const eco_graph *g, eco_export_format format)
{
    char *text = NULL;
    size_t len = 0;
    eco_error err = {0};
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    assert_int_equal(eco_export_stream(g, format, NULL, fp, "memory", &err), 0);
    fclose(fp);
    return text;
}

/* Loads text as eco_graph_load loads a saved map: through a file, nothing resolved. */
static eco_graph *load_text(const char *text)
{
    char path[] = "/tmp/ecomap-map-XXXXXX";
    eco_error err = {0};
    eco_graph *g = NULL;
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    assert_int_equal(close(fd), 0);
    assert_int_equal(eco_graph_load(&g, path, &err), 0);
    unlink(path);
    return g;
}

/* Imports text as a map: read, then resolved.  NULL after an error. */
static eco_graph *import_text(const char *text, eco_error *err)
{
    eco_graph *g = NULL;
    return eco_import_buffer(&g, text, strlen(text), "map.json", NULL, err) < 0 ? NULL : g;
}

static eco_graph *sample_graph(void)
{
    eco_graph *g;
    size_t labx, ama, nesta, edu_pt, edu_cl;
    eco_record rec = {"003_case.txt", "records/003_case.txt", "opsi", "LabX", "Portugal", 2019,
                      NULL, 0};
    eco_evidence hosted = {"003_case.txt", "records/003_case.txt", 12, "LabX is a unit of AMA."};
    eco_evidence no_text = {"ties.csv", NULL, 0, NULL};

    assert_int_equal(eco_graph_new(&g), 0);
    assert_int_equal(eco_graph_add_record(NULL, g, &rec), 0);
    assert_int_equal(eco_graph_add_actor(&labx, g, NULL, "LabX", ECO_TYPE_LAB, "Portugal"), 0);
    assert_int_equal(eco_graph_add_actor(&ama, g, NULL, "AMA – Agência \"Modernização\"",
                                         ECO_TYPE_GOVERNMENT, "Portugal"), 0);
    assert_int_equal(eco_graph_add_actor(&nesta, g, NULL, "Nesta", ECO_TYPE_UNKNOWN, NULL), 0);
    assert_int_equal(eco_graph_add_actor(&edu_pt, g, NULL, "Ministry of Education", ECO_TYPE_GOVERNMENT, "Portugal"), 0);
    assert_int_equal(eco_graph_add_actor(&edu_cl, g, NULL, "Ministry of Education", ECO_TYPE_GOVERNMENT, "Chile"), 0);
    assert_int_equal(eco_graph_add_alias(g, labx, "LabX – Centre for Innovation in the Public Sector"), 0);
    assert_int_equal(eco_graph_add_alias(g, labx, "Laboratório de Experimentação"), 0);
    assert_int_equal(eco_graph_set_attribute(g, labx, "website", "https://labx.gov.pt"), 0);
    assert_int_equal(eco_graph_set_attribute(g, labx, "founded", "2017"), 0);
    assert_int_equal(eco_graph_add_actor_record(g, labx, "003_case.txt"), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, ama, labx, ECO_TIE_HOSTING, 1, 1, &hosted), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, nesta, labx, ECO_TIE_SUPPORT, 1, 0.25, &no_text), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, labx, edu_pt, ECO_TIE_PARTNERSHIP, 0, 3, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, labx, edu_pt, ECO_TIE_RELATED, 0, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, edu_cl, edu_pt, ECO_TIE_RELATED, 0, 1, NULL), 0);
    return g;
}

static void a_saved_map_loads_back_byte_for_byte(void **state)
{
    eco_graph *g = sample_graph(), *back;
    char *first, *second;
    (void)state;

    first = export_text(g, ECO_EXPORT_JSON);
    back = load_text(first);
    assert_non_null(back);
    second = export_text(back, ECO_EXPORT_JSON);
    assert_string_equal(first, second);

    /* Everything came back: actors with aliases and attributes, ties with evidence. */
    assert_int_equal(eco_graph_actor_count(back), 5);
    assert_int_equal(eco_graph_tie_count(back), 5);
    assert_int_equal(eco_graph_record_count(back), 1);
    size_t labx;
    assert_int_equal(eco_graph_find_actor(&labx, back, "Laboratório de Experimentação", NULL), 0);
    assert_string_equal(eco_graph_attribute(back, labx, "website"), "https://labx.gov.pt");
    assert_int_equal(eco_graph_actor(back, labx)->alias_count, 2);
    assert_non_null(strstr(first, "\"weight\": 0.25"));
    assert_non_null(strstr(first, "\"text\": \"LabX is a unit of AMA.\""));
    assert_non_null(strstr(first, "\\\"Modernização\\\""));
    free(first);
    free(second);
    eco_graph_free(g);
    eco_graph_free(back);
}

static void output_does_not_depend_on_insertion_order(void **state)
{
    eco_graph *a, *b;
    char *ta, *tb;
    (void)state;

    assert_int_equal(eco_graph_new(&a), 0);
    assert_int_equal(eco_graph_new(&b), 0);
    assert_int_equal(eco_graph_add_actor(NULL, a, NULL, "Zeta Lab", ECO_TYPE_LAB, NULL), 0);
    assert_int_equal(eco_graph_add_actor(NULL, a, NULL, "Alpha Agency", ECO_TYPE_GOVERNMENT, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, a, 0, 1, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    assert_int_equal(eco_graph_add_actor(NULL, b, NULL, "Alpha Agency", ECO_TYPE_GOVERNMENT, NULL), 0);
    assert_int_equal(eco_graph_add_actor(NULL, b, NULL, "Zeta Lab", ECO_TYPE_LAB, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, b, 1, 0, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    ta = export_text(a, ECO_EXPORT_JSON);
    tb = export_text(b, ECO_EXPORT_JSON);
    assert_true(strstr(ta, "alpha-agency") < strstr(ta, "zeta-lab"));
    free(ta);
    free(tb);
    eco_graph_free(a);
    eco_graph_free(b);
}

static void node_link_has_the_contract_fields(void **state)
{
    eco_graph *g = sample_graph();
    char *text = export_text(g, ECO_EXPORT_NODE_LINK);
    (void)state;

    assert_non_null(strstr(text, "\"directed\": false"));
    assert_non_null(strstr(text, "\"multigraph\": true")); /* labx-edu has two kinds of tie */
    assert_non_null(strstr(text, "\"nodes\": ["));
    assert_non_null(strstr(text, "\"edges\": ["));
    assert_non_null(strstr(text, "\"key\": \"partnership\""));
    assert_non_null(strstr(text, "\"website\": \"https://labx.gov.pt\""));
    free(text);
    eco_graph_free(g);
}

typedef struct bad_map {
    const char *text;     /* the map */
    int line, column;     /* where the error must point */
    const char *message;  /* a part of the message */
} bad_map;

static void bad_maps_are_pointed_at(void **state)
{
    static const bad_map cases[] = {
        {"{\"format\": \"ecomap\", \"version\": 1, \"actors\": [", 1, 46, "end of file"},
        {"[1, 2]", 1, 1, "not an ecomap map"},
        {"{\"nodes\": []}", 1, 1, "not an ecomap map"},
        {"{\"format\": \"ecomap\",\n \"version\": 9}", 2, 13, "newer ecomap"},
        {"{\"format\": \"ecomap\", \"version\": 1,\n \"actors\": [{\"id\": \"a\", \"name\": \"A\"}],\n"
         " \"ties\": [{\"source\": \"a\",\n   \"target\": \"b\", \"kind\": \"partnership\", \"weight\": 1}]}",
         4, 14, "unknown actor \"b\""},
        {"{\"format\": \"ecomap\", \"version\": 1,\n \"actors\": [{\"id\": \"a\", \"name\": \"A\"},\n"
         "  {\"id\": \"a\", \"name\": \"B\"}]}",
         3, 10, "appears twice"},
        {"{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"\"}]}", 1, 67,
         "non-empty string"},
        {"{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\", "
         "\"type\": \"alien\"}]}",
         1, 80, "unknown actor type"},
        {"{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}, "
         "{\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\", "
         "\"kind\": \"related\", \"weight\": -2}]}",
         1, 169, "weight"},
        {"{\"format\": \"ecomap\", \"version\": 1, \"a\": 1, \"a\": 2}", 1, 46, "duplicate"},
        {NULL, 0, 0, NULL}};
    (void)state;

    for (const bad_map *c = cases; c->text; c++) {
        eco_error err = {0};
        eco_graph *g = import_text(c->text, &err);
        assert_null(g);
        assert_int_equal(err.code, ECO_EDATA);
        assert_string_equal(err.source, "map.json");
        if (!strstr(err.text, c->message) || err.line != c->line || err.column != c->column)
            fail_msg("expected %d:%d \"%s\", got %d:%d \"%s\"", c->line, c->column, c->message,
                     err.line, err.column, err.text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_saved_map_loads_back_byte_for_byte),
        cmocka_unit_test(output_does_not_depend_on_insertion_order),
        cmocka_unit_test(node_link_has_the_contract_fields),
        cmocka_unit_test(bad_maps_are_pointed_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
