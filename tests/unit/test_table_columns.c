/* Tables of records: which column is what, by headers and by a --columns file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"
#include "prose/table.h"

static const char *const undp[] = {
    "pad_id", "contributor_id", "title", "created_at", "updated_at", "status",
    "source_pad_id", "template", "iso3", "rights", "email", "country", "snippet", "vignette",
    "content", "location-1-country", "location-1-iso3", "location-1-lat", "location-1-lng",
    "sdgs-tag-1", "thematic_areas-tag-1", "auto_thematic-tag-1"};

static const char *const jrc[] = {
    "entry_type", "cid", "id", "rtype", "name", "url", "contact", "description", "geoextent",
    "geocoverage", "geocoverage_codes", "lead_organisation_name", "lead_organisation_category",
    "start_date", "active", "end_date", "primary_sector", "secondary_sector", "technology",
    "uptake", "cross_border", "cross_sector", "type", "status"};

#define COUNT(a) (sizeof(a) / sizeof(a[0]))

static size_t column(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    fail_msg("no column %s", name);
    return 0;
}

static void undp_export_columns_are_known(void **state)
{
    eco_i_table_layout l;
    (void)state;

    assert_int_equal(eco_i_table_layout_guess(&l, undp, COUNT(undp)), 0);
    assert_int_equal(l.role[column(undp, COUNT(undp), "pad_id")], ECO_I_COLUMN_ID);
    assert_int_equal(l.role[column(undp, COUNT(undp), "title")], ECO_I_COLUMN_TITLE);
    assert_int_equal(l.role[column(undp, COUNT(undp), "country")], ECO_I_COLUMN_COUNTRY);
    assert_int_equal(l.role[column(undp, COUNT(undp), "created_at")], ECO_I_COLUMN_YEAR);
    assert_int_equal(l.role[column(undp, COUNT(undp), "content")], ECO_I_COLUMN_TEXT);
    /* the snippet repeats the start of the content: not read twice */
    assert_int_equal(l.role[column(undp, COUNT(undp), "snippet")], ECO_I_COLUMN_OTHER);
    assert_int_equal(l.texts, 1);
    assert_int_equal(l.organisations, 0);
    for (size_t c = 0; c < COUNT(undp); c++)
        if (strstr(undp[c], "iso3") || strstr(undp[c], "-tag-") || strstr(undp[c], "-la") ||
            strstr(undp[c], "-lng"))
            assert_int_equal(l.role[c], ECO_I_COLUMN_CODE);
    assert_true(eco_i_table_layout_is_records(&l, 0));
    eco_i_table_layout_free(&l);
}

static void jrc_lead_organisation_is_typed_by_its_category(void **state)
{
    eco_i_table_layout l;
    size_t name = column(jrc, COUNT(jrc), "lead_organisation_name");
    size_t category = column(jrc, COUNT(jrc), "lead_organisation_category");
    (void)state;

    assert_int_equal(eco_i_table_layout_guess(&l, jrc, COUNT(jrc)), 0);
    assert_int_equal(l.role[name], ECO_I_COLUMN_ORGANISATION);
    assert_int_equal(l.role[category], ECO_I_COLUMN_TYPE);
    assert_int_equal(l.owner[category], name);
    assert_int_equal(l.role[column(jrc, COUNT(jrc), "id")], ECO_I_COLUMN_ID);
    assert_int_equal(l.role[column(jrc, COUNT(jrc), "cid")], ECO_I_COLUMN_OTHER);
    assert_int_equal(l.role[column(jrc, COUNT(jrc), "name")], ECO_I_COLUMN_TITLE);
    assert_int_equal(l.role[column(jrc, COUNT(jrc), "geocoverage_codes")], ECO_I_COLUMN_CODE);
    assert_int_equal(l.organisations, 1);
    eco_i_table_layout_free(&l);
}

static void prose_is_no_table(void **state)
{
    static const char prose[] =
        "The lab, which the ministry hosts, works with schools, parents and teachers.\n"
        "In 2021 it tested three ideas.\n";
    (void)state;
    assert_false(eco_i_is_table_csv(prose, strlen(prose), NULL));
    assert_string_equal(eco_import_detect(prose, strlen(prose)), "text");
}

static void a_columns_file_maps_any_table(void **state)
{
    static const char file[] = "# grants\nid = Grant no.\norganisation = Grantee\n"
                               "type = Grantee kind\n\ntext = Summary\n";
    static const char *const names[] = {"Grant no.", "Grantee", "Grantee kind", "Summary", "ISO"};
    eco_i_column_map *cols = NULL;
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_i_session session = {&opt, NULL, {0}, NULL, NULL, NULL, NULL};
    eco_i_input in = {"", 0, "grants.csv", "grants.csv", &opt, NULL, &session, NULL, NULL, NULL};
    eco_i_table_layout l;
    eco_error err = {0};
    (void)state;

    assert_int_equal(eco_i_column_map_parse(&cols, file, strlen(file), "cols.txt", &err), 0);
    assert_true(eco_i_column_map_names_any(cols, names, 5));
    assert_int_equal(eco_i_table_layout_mapped(&l, cols, names, 5, &in, &err), 1);
    assert_int_equal(l.role[0], ECO_I_COLUMN_ID);
    assert_int_equal(l.role[1], ECO_I_COLUMN_ORGANISATION);
    assert_int_equal(l.role[2], ECO_I_COLUMN_TYPE);
    assert_int_equal(l.owner[2], 1);
    assert_int_equal(l.role[3], ECO_I_COLUMN_TEXT);
    assert_int_equal(l.role[4], ECO_I_COLUMN_OTHER);
    eco_i_table_layout_free(&l);
    eco_i_column_map_free(cols);
}

static void a_bad_columns_line_is_pointed_at(void **state)
{
    static const struct {
        const char *text;
        int line, column;
    } bad[] = {{"id = key\n  funder = x\n", 2, 3},
               {"title\n", 1, 1},
               {"role = x\norganisation = y\n", 1, 1},
               {"text =   \n", 1, 10},
               {"# nothing\n", 0, 0}};
    (void)state;

    for (size_t i = 0; i < COUNT(bad); i++) {
        eco_i_column_map *cols = NULL;
        eco_error err = {0};
        assert_int_equal(eco_i_column_map_parse(&cols, bad[i].text, strlen(bad[i].text), "c.txt",
                                                &err),
                         ECO_EDATA);
        assert_null(cols);
        assert_string_equal(err.source, "c.txt");
        assert_int_equal(err.line, bad[i].line);
        assert_int_equal(err.column, bad[i].column);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(undp_export_columns_are_known),
        cmocka_unit_test(jrc_lead_organisation_is_typed_by_its_category),
        cmocka_unit_test(prose_is_no_table),
        cmocka_unit_test(a_columns_file_maps_any_table),
        cmocka_unit_test(a_bad_columns_line_is_pointed_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
