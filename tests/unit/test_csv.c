/* CSV: the row reader, and the CSV of ties read into a graph. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

/* ---- Rows ------------------------------------------------------------------------------- */

static void quoted_fields_hold_commas_quotes_and_new_lines(void **state)
{
    const char *text = "\xEF\xBB\xBFname,note\r\n\"Acme, Inc.\",\"said \"\"hi\"\"\nthen left\"\r\nx,\n";
    eco_i_csv csv;
    eco_error err = {0};
    (void)state;

    eco_i_csv_init(&csv, text, strlen(text));
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), 1);
    assert_int_equal(csv.count, 2);
    assert_string_equal(csv.fields[0].text, "name"); /* the byte-order mark is not part of it */
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), 1);
    assert_string_equal(csv.fields[0].text, "Acme, Inc.");
    assert_string_equal(csv.fields[1].text, "said \"hi\"\nthen left");
    assert_int_equal(csv.fields[1].line, 2);
    assert_int_equal(csv.fields[1].column, 14);
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), 1);
    assert_int_equal(csv.row_line, 4);
    assert_int_equal(csv.count, 2);
    assert_string_equal(csv.fields[1].text, "");
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), 0);
    eco_i_csv_free(&csv);
}

static void semicolons_and_tabs_are_delimiters_too(void **state)
{
    eco_i_csv csv;
    eco_error err = {0};
    (void)state;

    eco_i_csv_init(&csv, "a;b;c\n1;2,5;3\n", 14);
    assert_int_equal(csv.delimiter, ';');
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), 1);
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), 1);
    assert_string_equal(csv.fields[1].text, "2,5");
    eco_i_csv_free(&csv);

    eco_i_csv_init(&csv, "a\tb\n", 4);
    assert_int_equal(csv.delimiter, '\t');
    eco_i_csv_free(&csv);
}

static void an_unclosed_quote_is_reported_where_it_opens(void **state)
{
    const char *text = "a,b\nx,\"never closed\ny,z\n";
    eco_i_csv csv;
    eco_error err = {0};
    (void)state;

    eco_i_csv_init(&csv, text, strlen(text));
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), 1);
    assert_int_equal(eco_i_csv_row(&csv, "t.csv", &err), ECO_EDATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 3);
    eco_i_csv_free(&csv);
}

/* ---- Ties ------------------------------------------------------------------------------- */

/* A new map of text, read and resolved; NULL after an error. */
static int import(eco_graph **g, const char *text, const eco_import_options *opt, eco_error *err)
{
    *g = NULL;
    return eco_import_buffer(g, text, strlen(text), "data/ties.csv", opt, err);
}

static void each_row_is_a_tie_with_its_evidence(void **state)
{
    const char *text =
        "From,To,Type,Weight,Evidence\n"
        "LabX,AMA,hosting,,LabX is a unit of AMA.\n"
        "Nesta,LabX,support,2.5,\n"
        "LabX,Ministry of Education,,,\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t labx, ama, t;
    (void)state;

    assert_int_equal(import(&g, text, NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 4);
    assert_int_equal(eco_graph_tie_count(g), 3);
    assert_int_equal(eco_graph_find_actor(&labx, g, "labx", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&ama, g, "AMA", NULL), 0);
    assert_int_equal(eco_graph_find_tie(&t, g, labx, ama, ECO_TIE_HOSTING), 0);
    const eco_tie *tie = eco_graph_tie(g, t);
    assert_true(tie->directed); /* hosting has a direction unless the file says otherwise */
    assert_true(tie->weight == 1.0);
    assert_string_equal(tie->evidence[0].text, "LabX is a unit of AMA.");
    assert_string_equal(tie->evidence[0].record, "ties.csv");
    assert_int_equal(tie->evidence[0].line, 2);
    /* No kind means partnership; types come from the names. */
    size_t edu;
    assert_int_equal(eco_graph_find_actor(&edu, g, "Ministry of Education", NULL), 0);
    assert_int_equal(eco_graph_find_tie(NULL, g, edu, labx, ECO_TIE_PARTNERSHIP), 0);
    assert_int_equal(eco_graph_actor(g, edu)->type, ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_graph_record_count(g), 1);
    eco_graph_free(g);
}

static void types_countries_and_direction_can_be_given(void **state)
{
    const char *text = "source,target,kind,directed,source_type,target_country\n"
                       "Thinkia,Ministry of Education,partnership,true,lab,Ecuador\n"
                       "Thinkia,Ministry of Education,partnership,true,lab,Chile\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;

    assert_int_equal(import(&g, text, NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 3); /* two ministries: two countries */
    size_t thinkia;
    assert_int_equal(eco_graph_find_actor(&thinkia, g, "Thinkia", NULL), 0);
    assert_int_equal(eco_graph_actor(g, thinkia)->type, ECO_TYPE_LAB);
    assert_true(eco_graph_tie(g, 0)->directed);
    eco_graph_free(g);
}

typedef struct bad_csv {
    const char *text;
    int line, column;
    const char *message;
} bad_csv;

static void bad_rows_are_pointed_at(void **state)
{
    static const bad_csv cases[] = {
        {"source,target\nA,\n", 2, 3, "empty target actor"},
        {"source,target\n  ,B\n", 2, 1, "empty source actor"},
        {"source,target,kind\nA,B,friendship\n", 2, 5, "unknown tie kind \"friendship\""},
        {"source,target,weight\nA,B,heavy\n", 2, 5, "weight \"heavy\""},
        {"source,target,weight\nA,B,-1\n", 2, 5, "weight \"-1\""},
        {"source,target,directed\nA,B,maybe\n", 2, 5, "directed \"maybe\""},
        {"source,target,source_type\nA,B,alien\n", 2, 5, "unknown actor type"},
        {"source,target\n\"A,B\n", 2, 1, "never closed"},
        {"source,target\n\"A\"x,B\n", 2, 4, "after a closing quote"},
        {NULL, 0, 0, NULL}};
    (void)state;

    for (const bad_csv *c = cases; c->text; c++) {
        eco_graph *g = NULL;
        eco_error err = {0};
        assert_int_equal(import(&g, c->text, NULL, &err), ECO_EDATA);
        if (!strstr(err.text, c->message) || err.line != c->line || err.column != c->column)
            fail_msg("expected %d:%d \"%s\", got %d:%d \"%s\"", c->line, c->column, c->message,
                     err.line, err.column, err.text);
        eco_graph_free(g);
    }
}

static void warning_count(const eco_error *warning, void *context)
{
    (void)warning;
    (*(int *)context)++;
}

static void a_self_tie_is_a_warning_unless_strict(void **state)
{
    const char *text = "source,target\nLabX,LABX\nLabX,AMA\n";
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_graph *g = NULL;
    eco_error err = {0};
    int warnings = 0;
    (void)state;

    opt.warn = warning_count;
    opt.warn_context = &warnings;
    assert_int_equal(import(&g, text, &opt, &err), 0);
    assert_int_equal(warnings, 1);
    assert_int_equal(eco_graph_tie_count(g), 1);
    eco_graph_free(g);

    opt.strict = 1;
    assert_int_equal(import(&g, text, &opt, &err), ECO_EDATA);
    assert_int_equal(err.line, 2);
    eco_graph_free(g);
}

static void detection_reads_content_not_names(void **state)
{
    (void)state;
    static const char *const csv[] = {"source,target\nA,B\n", "\xEF\xBB\xBF\"From\";\"To\"\n",
                                      "Source\tTarget\tKind\n", NULL};
    for (size_t i = 0; csv[i]; i++)
        assert_string_equal(eco_import_detect(csv[i], strlen(csv[i])), "csv");
    assert_string_equal(eco_import_detect("  {\"format\": \"ecomap\"}", 22), "json");
    assert_null(eco_import_detect("name,age\nBob,3\n", 15));
    assert_null(eco_import_detect("", 0));
    assert_null(eco_import_detect("source,target\0", 14)); /* a NUL byte: binary */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quoted_fields_hold_commas_quotes_and_new_lines),
        cmocka_unit_test(semicolons_and_tabs_are_delimiters_too),
        cmocka_unit_test(an_unclosed_quote_is_reported_where_it_opens),
        cmocka_unit_test(each_row_is_a_tie_with_its_evidence),
        cmocka_unit_test(types_countries_and_direction_can_be_given),
        cmocka_unit_test(bad_rows_are_pointed_at),
        cmocka_unit_test(a_self_tie_is_a_warning_unless_strict),
        cmocka_unit_test(detection_reads_content_not_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
