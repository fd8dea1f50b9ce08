/* Kumu spreadsheets: elements, connections and records tables, detected from their headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

typedef struct warnings {
    int count;
    char last[700];
} warnings;

static void keep_warning(const eco_error *w, void *context)
{
    warnings *ws = context;
    ws->count++;
    eco_error_format(w, "warning", ws->last, sizeof(ws->last));
}

/* Imports n texts, named by sources, as one import into the new map *g; warnings go to ws. */
static int import_all(eco_graph **g, const char *const *texts, const char *const *sources,
                      size_t n, warnings *ws, eco_error *err)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_importer *imp = NULL;
    int rc;

    opt.warn = keep_warning;
    opt.warn_context = ws;
    *g = NULL;
    if ((rc = eco_importer_new(&imp, &opt, err)) < 0)
        return rc;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = eco_importer_add_buffer(imp, texts[i], strlen(texts[i]), sources[i], err);
    if (rc == 0)
        rc = eco_importer_finish(imp, g, err);
    eco_importer_free(imp);
    return rc;
}

static int import(eco_graph **g, const char *text, const char *source, warnings *ws,
                  eco_error *err)
{
    return import_all(g, &text, &source, 1, ws, err);
}

static size_t actor(const eco_graph *g, const char *name)
{
    size_t i;
    assert_int_equal(eco_graph_find_actor(&i, g, name, NULL), 0);
    return i;
}

static const char *elements =
    "\xEF\xBB\xBF"
    "Label,Type,Description,Tags,Website\r\n"
    "Ministério da Saúde,Ministry,\"Health, \"\"public\"\"\nsecond line\",a|b,https://x\r\n"
    "Acme,Company,,,\r\n"
    "Verde,Organização não governamental,,,\r\n"
    "Odd one,Person,,,\r\n";

static void tables_are_told_apart_by_their_headers(void **state)
{
    (void)state;
    assert_string_equal(eco_import_detect(elements, strlen(elements)), "kumu");
    assert_int_equal(eco_i_kumu_table(elements, strlen(elements)), ECO_I_KUMU_ELEMENTS);
    const char *connections = "From,To,Type,Direction\nA,B,Funding,directed\n";
    assert_int_equal(eco_i_kumu_table(connections, strlen(connections)), ECO_I_KUMU_CONNECTIONS);
    const char *records = "Record,Path,Format,Title,Country,Year\n";
    assert_int_equal(eco_i_kumu_table(records, strlen(records)), ECO_I_KUMU_RECORDS);
    /* A From/To sheet that the CSV of ties reads whole stays a CSV of ties. */
    const char *ties = "From,To,Type,Weight,Evidence\nA,B,hosting,,x\n";
    assert_string_equal(eco_import_detect(ties, strlen(ties)), "csv");
}

static void element_types_in_words_map_to_types(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    warnings ws = {0};
    (void)state;

    assert_int_equal(import(&g, elements, "plain/elements.csv", &ws, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 4);
    size_t ms = actor(g, "Ministério da Saúde");
    assert_int_equal(eco_graph_actor(g, ms)->type, ECO_TYPE_GOVERNMENT);
    /* Kumu's own words are kept, since ecomap's type says less. */
    assert_string_equal(eco_graph_attribute(g, ms, "type"), "Ministry");
    assert_string_equal(eco_graph_attribute(g, ms, "description"),
                        "Health, \"public\"\nsecond line");
    assert_string_equal(eco_graph_attribute(g, ms, "tags"), "a|b");
    assert_string_equal(eco_graph_attribute(g, ms, "Website"), "https://x");
    assert_int_equal(eco_graph_actor(g, actor(g, "Acme"))->type, ECO_TYPE_PRIVATE);
    assert_int_equal(eco_graph_actor(g, actor(g, "Verde"))->type, ECO_TYPE_CIVIL_SOCIETY);
    size_t odd = actor(g, "Odd one");
    assert_int_equal(eco_graph_actor(g, odd)->type, ECO_TYPE_UNKNOWN);
    assert_string_equal(eco_graph_attribute(g, odd, "type"), "Person");
    /* The sheet is the record its elements were seen in. */
    assert_int_equal(eco_graph_record_count(g), 1);
    assert_string_equal(eco_graph_actor(g, odd)->records[0], "elements.csv");
    assert_int_equal(ws.count, 0);
    eco_graph_free(g);
}

static void connections_map_kinds_and_warn_of_missing_elements(void **state)
{
    const char *connections = "From,To,Type,Direction,Strength,Description\n"
                              "Ministério da Saúde,Acme,Funding,,3,Yearly grant\n"
                              "Acme,Ghost,Member of,,,\n"
                              "Verde,Acme,Mentoring,mutual,,\n"
                              "Acme,Verde,Gossip,,,\n";
    const char *texts[] = {elements, connections}, *sources[] = {"elements.csv", "connections.csv"};
    eco_graph *g = NULL;
    eco_error err = {0};
    warnings ws = {0};
    size_t t;
    (void)state;

    /* The warning waits until the import is whole: the element may come in a later file. */
    assert_int_equal(import_all(&g, texts, sources, 2, &ws, &err), 0);
    assert_int_equal(ws.count, 1);
    assert_string_equal(
        ws.last, "connections.csv:3:6: warning: connection to \"Ghost\", which no element names");
    size_t ms = actor(g, "Ministério da Saúde"), acme = actor(g, "Acme"), verde = actor(g, "Verde");
    assert_int_equal(eco_graph_find_tie(&t, g, ms, acme, ECO_TIE_FUNDING), 0);
    assert_true(eco_graph_tie(g, t)->directed);
    assert_true(eco_graph_tie(g, t)->weight == 3.0);
    assert_string_equal(eco_graph_tie(g, t)->evidence[0].text, "Yearly grant");
    assert_int_equal(eco_graph_tie(g, t)->evidence[0].line, 2);
    assert_int_equal(eco_graph_find_tie(NULL, g, acme, actor(g, "Ghost"), ECO_TIE_MEMBERSHIP), 0);
    assert_int_equal(eco_graph_find_tie(&t, g, verde, acme, ECO_TIE_SUPPORT), 0);
    assert_false(eco_graph_tie(g, t)->directed); /* mutual */
    /* A relation in no known words is "related", its words kept in the evidence. */
    assert_int_equal(eco_graph_find_tie(&t, g, acme, verde, ECO_TIE_RELATED), 0);
    assert_string_equal(eco_graph_tie(g, t)->evidence[0].text, "Gossip");
    eco_graph_free(g);
}

/* Kumu's sheets as people and spreadsheets write them (Kumu's guide "Structure your data"):
 * headers in any case and order, optional columns missing, an ID column first in both
 * sheets, connections by ID or by label, several elements in one To cell, a Strength in
 * words.  Every way gives the same actors, types and ties. */
static void every_sheet_layout_gives_the_same_map(void **state)
{
    static const char *const layouts[][2] = {
        {"Label,Type\nCity Lab,Lab\nSea Fund,Foundation\nHarbour Council,Municipality\n",
         "From,To,Type,Strength\nSea Fund,City Lab|Harbour Council,Grant,Strong\n"},
        {"\xEF\xBB\xBFtype,DESCRIPTION,label\r\nLab,,City Lab\r\nFoundation,\"A fund,\nold\","
         "Sea Fund\r\nMunicipality,,Harbour Council\r\n",
         "TYPE,to,FROM\r\nGrant,City Lab | Harbour Council,Sea Fund\r\n"},
        {"ID,Label,Type,Image\nelem-1,City Lab,Lab,x.png\nelem-2,Sea Fund,Foundation,\n"
         "elem-3,Harbour Council,Municipality,\n",
         "ID,From,To,Type,Direction\nconn-1,elem-2,elem-1,Grant,directed\n"
         "conn-2,Sea Fund,elem-3,Grant,directed\n"},
    };

    for (size_t k = 0; k < sizeof(layouts) / sizeof(layouts[0]); k++) {
        for (int connections_first = 0; connections_first < 2; connections_first++) {
            eco_graph *g = NULL;
            eco_error err = {0};
            warnings ws = {0};
            const char *texts[2], *sources[2];
            (void)state;

            for (int f = 0; f < 2; f++) {
                int which = connections_first ? 1 - f : f;
                texts[f] = layouts[k][which];
                sources[f] = which ? "c.csv" : "e.csv";
            }
            assert_int_equal(import_all(&g, texts, sources, 2, &ws, &err), 0);
            assert_int_equal(ws.count, 0);
            assert_int_equal(eco_graph_actor_count(g), 3);
            size_t lab = actor(g, "City Lab"), fund = actor(g, "Sea Fund");
            size_t council = actor(g, "Harbour Council");
            assert_int_equal(eco_graph_actor(g, lab)->type, ECO_TYPE_LAB);
            assert_int_equal(eco_graph_actor(g, fund)->type, ECO_TYPE_CIVIL_SOCIETY);
            assert_int_equal(eco_graph_actor(g, council)->type, ECO_TYPE_GOVERNMENT);
            assert_int_equal(eco_graph_tie_count(g), 2);
            assert_int_equal(eco_graph_find_tie(NULL, g, fund, lab, ECO_TIE_FUNDING), 0);
            assert_int_equal(eco_graph_find_tie(NULL, g, fund, council, ECO_TIE_FUNDING), 0);
            eco_graph_free(g);
        }
    }
}

static void ecomap_tables_come_back_whole_in_any_order(void **state)
{
    const char *els =
        "ID,Label,Type,Description,Tags,Country,Aliases,Records,attribute:Type,founded\r\n"
        "ama,AMA,government,,,Portugal,A\\|M\\\\A|Agency,r1.txt,odd,\r\n"
        "labx,LabX,lab,\"A lab, \"\"x\"\"\",,Portugal,,r1.txt|r2.txt,,2017\r\n";
    const char *cons =
        "From,To,Type,Direction,Weight,Evidence,Evidence records,Evidence sources,"
        "Evidence lines\r\n"
        "ama,labx,hosting,directed,2,AMA hosts LabX.|LabX \\| AMA,|r1.txt,|r/r1.txt,0|12\r\n"
        "labx,ama,support,undirected,0.25,,,,\r\n"
        "labx,ama,partnership,undirected,1,,r2.txt,,0\r\n";
    const char *recs =
        "Record,Path,Format,Title,Country,Year\r\nr1.txt,r/r1.txt,opsi,\"T, t\",,2019\r\n"
        "r2.txt,,,,,\r\n";
    const char *in_order[] = {els, cons, recs}, *backwards[] = {recs, cons, els};
    const char *names[] = {"k.elements.csv", "k.connections.csv", "k.records.csv"};
    const char *names_backwards[] = {"k.records.csv", "k.connections.csv", "k.elements.csv"};
    eco_graph *a = NULL, *b = NULL;
    eco_error err = {0};
    warnings ws = {0};
    size_t ama, labx, t;
    (void)state;

    assert_int_equal(import_all(&a, in_order, names, 3, &ws, &err), 0);
    assert_int_equal(import_all(&b, backwards, names_backwards, 3, &ws, &err), 0);
    assert_int_equal(ws.count, 0);
    for (int k = 0; k < 2; k++) {
        eco_graph *g = k ? b : a;
        assert_int_equal(eco_graph_actor_count(g), 2);
        assert_int_equal(eco_graph_record_count(g), 2);
        assert_int_equal(eco_graph_find_actor_by_id(&ama, g, "ama"), 0);
        assert_int_equal(eco_graph_find_actor_by_id(&labx, g, "labx"), 0);
        const eco_actor *x = eco_graph_actor(g, ama);
        assert_string_equal(x->name, "AMA");
        assert_int_equal(x->alias_count, 2);
        assert_string_equal(x->aliases[1], "A|M\\A"); /* sorted bytewise: '|' after 'g' */
        assert_string_equal(eco_graph_attribute(g, ama, "Type"), "odd");
        assert_string_equal(eco_graph_attribute(g, labx, "description"), "A lab, \"x\"");
        assert_int_equal(eco_graph_actor(g, labx)->record_count, 2);
        assert_int_equal(eco_graph_find_tie(&t, g, ama, labx, ECO_TIE_HOSTING), 0);
        const eco_tie *tie = eco_graph_tie(g, t);
        assert_true(tie->weight == 2.0);
        assert_int_equal(tie->evidence_count, 2);
        assert_null(tie->evidence[0].record);
        assert_string_equal(tie->evidence[0].text, "AMA hosts LabX.");
        assert_string_equal(tie->evidence[1].text, "LabX | AMA");
        assert_int_equal(tie->evidence[1].line, 12);
        assert_int_equal(eco_graph_find_tie(&t, g, labx, ama, ECO_TIE_SUPPORT), 0);
        assert_int_equal(eco_graph_tie(g, t)->evidence_count, 0);
        assert_false(eco_graph_tie(g, t)->directed);
        assert_int_equal(eco_graph_find_tie(&t, g, labx, ama, ECO_TIE_PARTNERSHIP), 0);
        assert_int_equal(eco_graph_tie(g, t)->evidence_count,
                         1); /* one piece, nothing but a record */
        assert_string_equal(eco_graph_tie(g, t)->evidence[0].record, "r2.txt");
        assert_null(eco_graph_tie(g, t)->evidence[0].text);
        assert_int_equal(eco_graph_record(g, 0)->year, 2019);
        assert_string_equal(eco_graph_record(g, 0)->title, "T, t");
        assert_null(eco_graph_record(g, 1)->path);
    }
    eco_graph_free(a);
    eco_graph_free(b);
}

static void bad_sheets_get_one_error_with_its_place(void **state)
{
    static const struct {
        const char *text, *error;
    } cases[] = {
        {"Label,Type\n\"Acme, Inc,Company\n",
         "s.csv:2:1: error: quoted field is never closed: a \" is missing"},
        {"From,To,Direction\nA,B,sideways\n",
         "s.csv:2:5: error: direction \"sideways\" is none of directed, undirected or mutual"},
        {"From,To,Direction,Weight\nA,B,,-1\n",
         "s.csv:2:6: error: weight \"-1\" is not a number from 0 to 1e12"},
        {"From,To,Direction\n,B,\n", "s.csv:2:1: error: connection has no From"},
        {"ID,Label\nx,A\nx,B\n", "s.csv:3:1: error: element ID \"x\" appears twice"},
        {"From,To,Type,Direction,Weight,Evidence,Evidence records,Evidence sources,Evidence lines\n"
         "a,b,related,undirected,1,one|two,,,0\n",
         "s.csv:2:26: error: Evidence has another number of items than \"Evidence lines\""},
        {"From,To,Type,Direction,Weight,Evidence lines\na,b,related,undirected,1,0|0\n",
         "s.csv:2:1: error: Evidence has another number of items than \"Evidence lines\""},
    };
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        eco_graph *g = NULL;
        eco_error err = {0};
        warnings ws = {0};
        char line[700];
        eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
        opt.format = "kumu";
        opt.warn = keep_warning;
        opt.warn_context = &ws;
        assert_int_equal(
            eco_import_buffer(&g, cases[i].text, strlen(cases[i].text), "s.csv", &opt, &err),
            ECO_EDATA);
        assert_null(g);
        assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)), cases[i].error);
        eco_graph_free(g);
    }
}

static void lists_split_on_unescaped_bars(void **state)
{
    char item[] = "003_case.txt:12: LabX: a unit of AMA";
    eco_evidence ev;
    (void)state;

    eco_i_evidence_parse(&ev, item);
    assert_string_equal(ev.record, "003_case.txt");
    assert_int_equal(ev.line, 12);
    assert_string_equal(ev.text, "LabX: a unit of AMA");
    char only_text[] = "Named together in a report";
    eco_i_evidence_parse(&ev, only_text);
    assert_null(ev.record);
    assert_string_equal(ev.text, "Named together in a report");
    char only_record[] = "partners.csv";
    eco_i_evidence_parse(&ev, only_record);
    assert_string_equal(ev.record, "partners.csv");
    assert_null(ev.text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tables_are_told_apart_by_their_headers),
        cmocka_unit_test(element_types_in_words_map_to_types),
        cmocka_unit_test(connections_map_kinds_and_warn_of_missing_elements),
        cmocka_unit_test(every_sheet_layout_gives_the_same_map),
        cmocka_unit_test(ecomap_tables_come_back_whole_in_any_order),
        cmocka_unit_test(bad_sheets_get_one_error_with_its_place),
        cmocka_unit_test(lists_split_on_unescaped_bars),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
