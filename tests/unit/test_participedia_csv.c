/* Participedia's CSV export: organizations typed by sector, cases' organizers and funders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

static const char *organizations =
    "id,type,title,url,country,sector_1,sector_2,general_issues\r\n"
    "5678,organization,Department of the Taoiseach,https://participedia.net/organization/5678,"
    "Ireland, government,,governance\r\n"
    "99,organization,\"Atlantic Philanthropies, The\",,, non_profit_non_gov,,\r\n"
    "100,organization,Trinity College Dublin,,Ireland, Higher Education or Research,,\r\n"
    "101,organization,Acme,,, for_profit, government,\r\n";

static const char *cases =
    "id,type,title,country,primary_organizer,organizer_types_1,funder,funder_types_1,"
    "specific_methods_tools_techniques\n"
    "4501,case,Citizens' Assembly,Ireland,\"{\"\"(5678,organization,\\\"\"Department of the "
    "Taoiseach\\\"\")\"\",\"\"(100,organization,\\\"\"Trinity College Dublin\\\"\")\"\"}\", "
    "national,"
    "\"Atlantic Philanthropies, The\", philanthropic,\"{\"\"(4328,method,\\\"\"Information "
    "…\\\"\")\"\"}\"\n"
    "4502,case,Budget Jam,Portugal,\"(77,organization,\"\"LabX, Portugal\"\")\", local,,,\n"
    "4503,case,Nobody,,,,,,\n";

static void organizations_are_actors_typed_by_sector(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t i;
    (void)state;

    assert_string_equal(eco_import_detect(organizations, strlen(organizations)),
                        "participedia-csv");
    assert_int_equal(
        eco_import_buffer(&g, organizations, strlen(organizations), "orgs.csv", NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 4);
    assert_int_equal(eco_graph_find_actor(&i, g, "Department of the Taoiseach", "Ireland"), 0);
    assert_int_equal(eco_graph_actor(g, i)->type, ECO_TYPE_GOVERNMENT);
    assert_string_equal(eco_graph_attribute(g, i, "participedia_id"), "5678");
    assert_int_equal(eco_graph_find_actor(&i, g, "Atlantic Philanthropies, The", NULL), 0);
    assert_int_equal(eco_graph_actor(g, i)->type, ECO_TYPE_CIVIL_SOCIETY);
    assert_int_equal(eco_graph_find_actor(&i, g, "Trinity College Dublin", NULL), 0);
    assert_int_equal(eco_graph_actor(g, i)->type, ECO_TYPE_ACADEMIA);
    /* Two sectors that disagree say nothing sure. */
    assert_int_equal(eco_graph_find_actor(&i, g, "Acme", NULL), 0);
    assert_int_equal(eco_graph_actor(g, i)->type, ECO_TYPE_UNKNOWN);
    eco_graph_free(g);
}

static void cases_tie_funders_to_organizers(void **state)
{
    eco_importer *imp = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t taoiseach, trinity, atlantic, labx, t;
    (void)state;

    assert_string_equal(eco_import_detect(cases, strlen(cases)), "participedia-csv");
    assert_int_equal(eco_importer_new(&imp, NULL, &err), 0);
    assert_int_equal(
        eco_importer_add_buffer(imp, organizations, strlen(organizations), "orgs.csv", &err), 0);
    assert_int_equal(eco_importer_add_buffer(imp, cases, strlen(cases), "cases.csv", &err), 0);
    assert_int_equal(eco_importer_finish(imp, &g, &err), 0);
    eco_importer_free(imp);
    assert_int_equal(eco_graph_actor_count(g), 5); /* "LabX, Portugal" joins the four */
    assert_int_equal(eco_graph_find_actor(&taoiseach, g, "Department of the Taoiseach", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&trinity, g, "Trinity College Dublin", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&atlantic, g, "Atlantic Philanthropies, The", NULL), 0);
    assert_int_equal(eco_graph_find_tie(&t, g, atlantic, taoiseach, ECO_TIE_FUNDING), 0);
    const eco_tie *tie = eco_graph_tie(g, t);
    assert_string_equal(tie->evidence[0].record, "cases.csv#4501");
    assert_int_equal(eco_graph_record_count(g), 4 + 3); /* a record a row */
    assert_int_equal(tie->evidence[0].line, 2);
    assert_non_null(strstr(tie->evidence[0].text, "Citizens' Assembly"));
    assert_int_equal(eco_graph_find_tie(NULL, g, atlantic, trinity, ECO_TIE_FUNDING), 0);
    assert_int_equal(eco_graph_find_tie(NULL, g, taoiseach, trinity, ECO_TIE_PARTNERSHIP), 0);
    assert_int_equal(eco_graph_find_actor(&labx, g, "LabX, Portugal", NULL), 0);
    assert_int_equal(eco_graph_actor(g, labx)->type, ECO_TYPE_GOVERNMENT); /* "local" */
    /* the case took place in Portugal, which says nothing of where its organiser is from */
    assert_null(eco_graph_actor(g, labx)->country);
    assert_int_equal(eco_graph_tie_count(g), 3);
    eco_graph_free(g);
}

/* The layouts Participedia's exporter has written (participedia/api create-csv-data-dump.js):
 * a BOM, quoted headers, primary_organizer as _id/_title/_url, FIELD_N columns; and what a
 * spreadsheet makes of them: columns moved, headers in capitals, CRLF, optional columns gone. */
static void every_layout_gives_the_same_organizations_and_ties(void **state)
{
    static const char *const layouts[] = {
        /* json2csv, as the exporter writes it */
        "\xEF\xBB\xBF\"id\",\"type\",\"title\",\"country\",\"sector\",\"primary_organizer_id\","
        "\"primary_organizer_title\",\"primary_organizer_url\",\"organizer_types_1\","
        "\"organizer_types_2\",\"funder\",\"funder_types_1\",\"body\"\n"
        "7,\"organization\",\"Harbour Council\",\"Portugal\",\"government\",,,,,,,,\"\"\n"
        "8,\"organization\",\"Sea Fund\",\"Portugal\",\"non_profit_non_gov\",,,,,,,,\"\"\n"
        "9,\"case\",\"Youth Budget\",\"Portugal\",,7,\"Harbour Council\","
        "\"https://participedia.net/organization/7\",\"local_government\",,\"Sea Fund\","
        "\"philanthropic\",\"Line one\nline \"\"two\"\"\"\n",
        /* re-saved by a spreadsheet: CRLF, capitals, columns moved, optional ones dropped */
        "TITLE,Type,ID,Funder,Country,Primary_Organizer_Title,Sector,Organizer_Types_1\r\n"
        "Harbour Council,organization,7,,Portugal,,government,\r\n"
        "Sea Fund,organization,8,,Portugal,, non_profit_non_gov,\r\n"
        "Youth Budget,case,9,Sea Fund,Portugal,Harbour Council,, local_government\r\n",
        NULL};

    for (size_t k = 0; layouts[k]; k++) {
        eco_graph *g = NULL;
        eco_error err = {0};
        size_t council, fund;
        (void)state;

        assert_string_equal(eco_import_detect(layouts[k], strlen(layouts[k])), "participedia-csv");
        assert_int_equal(eco_import_buffer(&g, layouts[k], strlen(layouts[k]), "p.csv", NULL, &err),
                         0);
        assert_int_equal(eco_graph_actor_count(g), 2);
        assert_int_equal(eco_graph_find_actor(&council, g, "Harbour Council", NULL), 0);
        assert_int_equal(eco_graph_find_actor(&fund, g, "Sea Fund", NULL), 0);
        assert_int_equal(eco_graph_actor(g, council)->type, ECO_TYPE_GOVERNMENT);
        assert_int_equal(eco_graph_actor(g, fund)->type, ECO_TYPE_CIVIL_SOCIETY);
        assert_string_equal(eco_graph_actor(g, fund)->country, "Portugal");
        assert_int_equal(eco_graph_tie_count(g), 1);
        assert_int_equal(eco_graph_find_tie(NULL, g, fund, council, ECO_TIE_FUNDING), 0);
        eco_graph_free(g);
    }
}

static void an_unclosed_quote_is_an_error(void **state)
{
    const char *text = "id,type,title,sector\n1,organization,\"Never closed, ok\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    char line[700];
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "o.csv", NULL, &err), ECO_EDATA);
    assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)),
                        "o.csv:2:16: error: quoted field is never closed: a \" is missing");
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(organizations_are_actors_typed_by_sector),
        cmocka_unit_test(cases_tie_funders_to_organizers),
        cmocka_unit_test(every_layout_gives_the_same_organizations_and_ties),
        cmocka_unit_test(an_unclosed_quote_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
