/* Unit tests of the record importer: partner fields, names in prose, cue phrases, the
 * readers of each format, and entity resolution. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "import_internal.h"

/* ---- Partner fields --------------------------------------------------------------------- */

static eco_i_partner *split(const char *text, size_t *n)
{
    eco_i_partner *p = NULL;
    assert_int_equal(eco_i_split_partners(&p, n, text, strlen(text)), 0);
    return p;
}

static void partner_field_splits_at_and_but_keeps_names_whole(void **state)
{
    size_t n;
    eco_i_partner *p = split("Datalat (open data) and OpenlabEC (open culture)", &n);
    (void)state;
    assert_int_equal(n, 2);
    assert_string_equal(p[0].name, "Datalat");
    assert_string_equal(p[1].name, "OpenlabEC");
    eco_i_partners_free(p, n);
    p = split("Ministry of Housing and Municipal Services", &n);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].name, "Ministry of Housing and Municipal Services");
    eco_i_partners_free(p, n);
}

static void partner_field_reads_numbered_lists_and_qualifiers(void **state)
{
    size_t n;
    eco_i_partner *p = split("1. Ministry of Energy\n2. Institute for Biodiversity (IBAP)\n"
                             "3. Ombudsman's Office (national level)\nN/A", &n);
    (void)state;
    assert_int_equal(n, 3);
    assert_string_equal(p[0].name, "Ministry of Energy");
    assert_string_equal(p[1].name, "Institute for Biodiversity");
    assert_non_null(p[1].alias);
    assert_string_equal(p[1].alias, "IBAP");
    assert_string_equal(p[2].name, "Ombudsman's Office");
    eco_i_partners_free(p, n);
}

static void partner_field_takes_sector_labels_as_types(void **state)
{
    size_t n;
    eco_i_partner *p = split("Kwadat Kente (Private partner)", &n);
    (void)state;
    assert_int_equal(n, 1);
    assert_int_equal(p[0].type, ECO_TYPE_PRIVATE);
    eco_i_partners_free(p, n);
}

/* ---- Names in prose --------------------------------------------------------------------- */

static size_t mentions(eco_i_mentions *m, const char *text)
{
    eco_i_extractor x = {{eco_i_gazetteer(), NULL}, NULL, NULL, 0};
    eco_i_mentions_clear(m);
    assert_int_equal(eco_i_find_mentions(m, &x, text, strlen(text)), 0);
    return m->count;
}

static void names_with_head_words_and_lists_inside_them(void **state)
{
    eco_i_mentions m = {0};
    (void)state;
    assert_int_equal(mentions(&m, "The Laboratory was managed by the Ministry of Economy, "
                                  "Development and Tourism."), 1);
    assert_string_equal(m.items[0].name, "Ministry of Economy, Development and Tourism");
    assert_int_equal(mentions(&m, "It works with the Tax and Customs Authority (AT)."), 1);
    assert_string_equal(m.items[0].name, "Tax and Customs Authority");
    assert_string_equal(m.items[0].alias, "AT");
    eco_i_mentions_free(&m);
}

static void generic_phrases_are_not_actors(void **state)
{
    eco_i_mentions m = {0};
    (void)state;
    assert_int_equal(mentions(&m, "The Government and civil society organisations met."), 0);
    assert_int_equal(mentions(&m, "Public entities and the national government agreed."), 0);
    assert_int_equal(mentions(&m, "They set up a Water Innovation Lab."), 1);
    assert_true(m.items[0].generic);
    assert_int_equal(mentions(&m, "Then the Water Innovation Lab opened."), 1);
    assert_false(m.items[0].generic);
    eco_i_mentions_free(&m);
}

static void gazetteer_names_are_found_and_typed(void **state)
{
    eco_i_mentions m = {0};
    (void)state;
    assert_int_equal(mentions(&m, "A kit made in partnership with OPSI and Nesta."), 2);
    assert_string_equal(m.items[0].known->name, "OECD Observatory of Public Sector Innovation");
    assert_int_equal(m.items[1].known->type, ECO_TYPE_CIVIL_SOCIETY);
    eco_i_mentions_free(&m);
}

/* ---- Cue phrases ------------------------------------------------------------------------ */

static eco_tie_kind first_cue(const char *text, eco_i_cue_role *role)
{
    eco_i_cue c[4];
    assert_true(eco_i_find_cues(c, 4, text, strlen(text)) >= 1);
    *role = c[0].role;
    return c[0].kind;
}

static void cue_phrases_give_tie_kinds_and_sides(void **state)
{
    eco_i_cue_role role;
    eco_i_cue c[4];
    (void)state;
    assert_int_equal(first_cue("The lab is funded by the ESF", &role), ECO_TIE_FUNDING);
    assert_int_equal(role, ECO_I_CUE_PATIENT);
    assert_int_equal(first_cue("AMA is supervised by the Ministry", &role), ECO_TIE_HOSTING);
    assert_int_equal(first_cue("LabX trained the team", &role), ECO_TIE_SUPPORT);
    assert_int_equal(role, ECO_I_CUE_AGENT);
    assert_int_equal(first_cue("It is a member of the network", &role), ECO_TIE_MEMBERSHIP);
    assert_int_equal(first_cue("made in partnership with OPSI", &role), ECO_TIE_PARTNERSHIP);
    assert_int_equal(first_cue("LabX co-leads with Belgium", &role), ECO_TIE_PARTNERSHIP);
    assert_int_equal(eco_i_find_cues(c, 4, "The sun rose.", 13), 0);
}

/* ---- Readers and resolution ------------------------------------------------------------- */

static const char undp_plan[] =
    "# Better water\n\n[[year:2022]]\n[[country:Ecuador]]\n## Partners\n\n"
    "<div class=\"group\">\n\n> Please state the name of the Parter:\n\n"
    "Ministry of Water &amp; Sanitation (national level)\n\n</div>\n"
    "> Please provide a brief description of the collaboration.\n\n"
    "The lab worked with the Ministry of Water and Sanitation on meters.\n";

static void undp_record_yields_its_lab_and_partners(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t lab, partner, tie;
    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    assert_string_equal(eco_import_detect(undp_plan, sizeof(undp_plan) - 1), "undp");
    assert_int_equal(eco_import_buffer(g, undp_plan, sizeof(undp_plan) - 1, "plan.md", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor(&lab, g, "UNDP Accelerator Lab Ecuador", "Ecuador"), 0);
    assert_int_equal(eco_graph_find_actor(&partner, g, "Ministry of Water & Sanitation", "Ecuador"), 0);
    assert_int_equal(eco_graph_actor(g, partner)->type, ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_graph_find_tie(&tie, g, lab, partner, ECO_TIE_PARTNERSHIP), 0);
    assert_true(eco_graph_tie(g, tie)->evidence[0].line > 0);
    eco_graph_free(g);
}

static const char unpsa_form[] =
    "Basic Info\n\n\xE8\x81\x94\xE5\x90\x88\xE5\x9B\xBD\xE6\x88\x90\xE5\x91\x98\xE5\x9B\xBD "
    "\xE8\x91\xA1\xE8\x90\x84\xE7\x89\x99\n"
    "\xE6\x9C\xBA\xE6\x9E\x84\xE5\x90\x8D\xE7\xA7\xB0 Tax Agency\n\n"
    "The agency is supervised by the Ministry of Finance, which sets its budget every year.\n";

static void award_form_reads_member_state_in_chinese(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t agency, ministry, tie;
    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    assert_string_equal(eco_import_detect(unpsa_form, sizeof(unpsa_form) - 1), "unpsa");
    assert_int_equal(eco_import_buffer(g, unpsa_form, sizeof(unpsa_form) - 1, "f.txt", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor(&agency, g, "Tax Agency", "Portugal"), 0);
    assert_int_equal(eco_graph_find_actor(&ministry, g, "Ministry of Finance", "Portugal"), 0);
    assert_int_equal(eco_graph_find_tie(&tie, g, ministry, agency, ECO_TIE_HOSTING), 0);
    eco_graph_free(g);
}

static void resolution_merges_acronyms_and_keeps_countries_apart(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t a, b, x;
    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    assert_int_equal(eco_graph_add_actor(&a, g, NULL, "Agency for Modernisation", ECO_TYPE_GOVERNMENT, "Portugal"), 0);
    assert_int_equal(eco_graph_add_alias(g, a, "AMA"), 0);
    assert_int_equal(eco_graph_add_actor(&b, g, NULL, "AMA", ECO_TYPE_UNKNOWN, "Portugal"), 0);
    assert_int_equal(eco_graph_add_actor(NULL, g, NULL, "Ministry of Education", ECO_TYPE_GOVERNMENT, "Chile"), 0);
    assert_int_equal(eco_graph_add_actor(NULL, g, NULL, "Ministry of Education", ECO_TYPE_GOVERNMENT, "Portugal"), 0);
    assert_int_equal(eco_import_resolve(g, NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_int_equal(eco_graph_find_actor(&x, g, "AMA", "Portugal"), 0);
    assert_string_equal(eco_graph_actor(g, x)->name, "Agency for Modernisation");
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(partner_field_splits_at_and_but_keeps_names_whole),
        cmocka_unit_test(partner_field_reads_numbered_lists_and_qualifiers),
        cmocka_unit_test(partner_field_takes_sector_labels_as_types),
        cmocka_unit_test(names_with_head_words_and_lists_inside_them),
        cmocka_unit_test(generic_phrases_are_not_actors),
        cmocka_unit_test(gazetteer_names_are_found_and_typed),
        cmocka_unit_test(cue_phrases_give_tie_kinds_and_sides),
        cmocka_unit_test(undp_record_yields_its_lab_and_partners),
        cmocka_unit_test(award_form_reads_member_state_in_chinese),
        cmocka_unit_test(resolution_merges_acronyms_and_keeps_countries_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
