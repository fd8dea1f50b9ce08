/* Cue phrases and the ties a sentence states: which kind, in which direction, between whom,
 * and with the sentence and line as evidence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hub.h"
#include "rules_import.h"

static eco_tie_kind cue(const char *text, eco_i_cue_role *role)
{
    eco_i_cue c[4];
    assert_true(eco_i_find_cues(c, 4, text, strlen(text)) >= 1);
    *role = c[0].role;
    return c[0].kind;
}

static void phrases_give_kinds_and_the_side_that_acts(void **state)
{
    eco_i_cue_role role;
    (void)state;
    assert_int_equal(cue("The lab is funded by the ESF", &role), ECO_TIE_FUNDING);
    assert_int_equal(role, ECO_I_CUE_PATIENT);
    assert_int_equal(cue("Financiado por el BID", &role), ECO_TIE_FUNDING);
    assert_int_equal(cue("AMA is supervised by the Ministry", &role), ECO_TIE_HOSTING);
    assert_int_equal(cue("a unit of the Agency", &role), ECO_TIE_HOSTING);
    assert_int_equal(cue("LabX trained the team", &role), ECO_TIE_SUPPORT);
    assert_int_equal(role, ECO_I_CUE_AGENT);
    assert_int_equal(cue("offered technical assistance", &role), ECO_TIE_SUPPORT);
    assert_int_equal(role, ECO_I_CUE_NOUN);
    assert_int_equal(cue("It is a member of the network", &role), ECO_TIE_MEMBERSHIP);
    assert_int_equal(cue("made in partnership with OPSI", &role), ECO_TIE_PARTNERSHIP);
    assert_int_equal(role, ECO_I_CUE_MUTUAL);
    assert_int_equal(cue("en partenariat avec la mairie", &role), ECO_TIE_PARTNERSHIP);
}

static void longer_phrases_win_and_words_must_be_whole(void **state)
{
    eco_i_cue c[4];
    eco_i_cue_role role;
    (void)state;
    /* "co-leads" is a partnership, not "leads" */
    assert_int_equal(cue("LabX co-leads with Belgium", &role), ECO_TIE_PARTNERSHIP);
    assert_int_equal(eco_i_find_cues(c, 4, "The understanding grew.", 23), 0); /* not "under" */
    assert_int_equal(eco_i_find_cues(c, 4, "The sun rose.", 13), 0);
}

/* ---- Ties from whole records ------------------------------------------------------------ */

static eco_graph *import_text(const char *text)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    assert_int_equal(import_by_rules(&g, text, strlen(text), "note.md", &err), 0);
    return g;
}

static const eco_tie *tie_between(const eco_graph *g, const char *a, const char *b,
                                  eco_tie_kind kind)
{
    size_t i, j, t;
    assert_int_equal(eco_graph_find_actor(&i, g, a, NULL), 0);
    assert_int_equal(eco_graph_find_actor(&j, g, b, NULL), 0);
    if (eco_graph_find_tie(&t, g, i, j, kind) != 0)
        return NULL;
    return eco_graph_tie(g, t);
}

static void the_actor_after_a_passive_cue_acts(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Agency for Digital Government is supervised by "
                               "the Ministry of Finance since 2019.\n");
    const eco_tie *t = tie_between(g, "Ministry of Finance", "Agency for Digital Government",
                                   ECO_TIE_HOSTING);
    (void)state;
    assert_non_null(t);
    assert_true(t->directed);
    assert_string_equal(eco_graph_actor(g, t->source)->name, "Ministry of Finance");
    assert_int_equal(t->evidence[0].line, 3);
    assert_non_null(strstr(t->evidence[0].text, "supervised by"));
    eco_graph_free(g);
}

static void a_partnership_joins_the_subject_to_each_partner(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Rosario Innovation Lab works together with the "
                               "Ministry of Health and the Red Cross Foundation.\n");
    (void)state;
    assert_non_null(tie_between(g, "Rosario Innovation Lab", "Ministry of Health",
                                ECO_TIE_PARTNERSHIP));
    assert_non_null(tie_between(g, "Rosario Innovation Lab", "Red Cross Foundation",
                                ECO_TIE_PARTNERSHIP));
    eco_graph_free(g);
}

static void names_without_a_cue_are_only_related(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Ministry of Health and the Rosario Innovation Lab "
                               "appear in the annual report.\n");
    (void)state;
    assert_non_null(tie_between(g, "Ministry of Health", "Rosario Innovation Lab",
                                ECO_TIE_RELATED));
    assert_null(tie_between(g, "Ministry of Health", "Rosario Innovation Lab",
                            ECO_TIE_PARTNERSHIP));
    eco_graph_free(g);
}

static void a_provider_named_before_a_noun_cue_provides(void **state)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t lab, fund, t;
    static const char plan[] =
        "# Water meters\n\n[[country:Peru]]\n\n> Challenge statement: What is your challenge?\n\n"
        "The lab relied on World Bank financial support for two years.\n";
    (void)state;
    assert_int_equal(import_by_rules(&g, plan, sizeof(plan) - 1, "p.md", &err), 0);
    assert_int_equal(eco_graph_find_actor(&lab, g, "UNDP Accelerator Lab Peru", "Peru"), 0);
    assert_int_equal(eco_graph_find_actor(&fund, g, "World Bank", NULL), 0);
    assert_int_equal(eco_graph_find_tie(&t, g, fund, lab, ECO_TIE_FUNDING), 0);
    eco_graph_free(g);
}

/* ---- Who does what to whom -------------------------------------------------------------- */

/* The one that acts is the source of a directed tie. */
static void directed(const eco_graph *g, const char *source, const char *target,
                     eco_tie_kind kind)
{
    const eco_tie *t = tie_between(g, source, target, kind);
    if (!t)
        fail_msg("no %s tie between %s and %s", eco_tie_kind_name(kind), source, target);
    assert_true(t->directed);
    assert_string_equal(eco_graph_actor(g, t->source)->name, source);
}

static void a_body_within_another_is_hosted_by_it(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Agency for Digital Government is nested in the "
                               "Ministry of Finance.\nThe proposal goes to the Public Governance "
                               "Committee within the Organisation for Economic Development.\n");
    (void)state;
    directed(g, "Ministry of Finance", "Agency for Digital Government", ECO_TIE_HOSTING);
    directed(g, "Organisation for Economic Development", "Public Governance Committee",
             ECO_TIE_HOSTING);
    eco_graph_free(g);
}

/* A partner written "X under the Y" names two bodies, the second hosting the first, which
 * is the partner; the name as written stays its alias. */
static void a_partner_named_under_its_host_is_hosted_by_it(void **state)
{
    eco_graph *g = import_text("# Work\n\n[[country:Uzbekistan]]\n## Partners\n"
                               "> Please state the name of the partner:\n"
                               "Center for Economic Research under the Administration of the "
                               "President, Agency for Strategic Reforms\n");
    size_t whole, center;
    (void)state;
    directed(g, "Administration of the President", "Center for Economic Research",
             ECO_TIE_HOSTING);
    assert_non_null(tie_between(g, "Center for Economic Research", "UNDP Accelerator Lab Uzbekistan",
                                ECO_TIE_PARTNERSHIP));
    assert_null(tie_between(g, "Administration of the President", "UNDP Accelerator Lab Uzbekistan",
                            ECO_TIE_PARTNERSHIP));
    assert_int_equal(eco_graph_find_actor(&whole, g, "Center for Economic Research under the "
                                          "Administration of the President", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&center, g, "Center for Economic Research", NULL), 0);
    assert_int_equal(whole, center);
    eco_graph_free(g);
}

/* "X is a brand of Y", "a subsidiary of Y": Y owns X, as a host. */
static void a_brand_is_hosted_by_the_company_that_owns_it(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Lima Water Company is a subsidiary of the Aqua "
                               "Holding Corporation.\nKolibri Bank is the commercial brand of "
                               "Millicom Corporation since 1992.\n");
    (void)state;
    directed(g, "Aqua Holding Corporation", "Lima Water Company", ECO_TIE_HOSTING);
    directed(g, "Millicom Corporation", "Kolibri Bank", ECO_TIE_HOSTING);
    eco_graph_free(g);
}

/* "avec l'appui de X": X supports the body that acts before it. */
static void support_written_in_french_is_the_supporter_s(void **state)
{
    eco_graph *g = import_text("# Notes\n\nUn projet mené par le Ministère en charge de "
                               "l'Élevage avec l'appui de la Fondation Alpha a commencé.\n");
    (void)state;
    directed(g, "Fondation Alpha", "Ministère en charge de l'Élevage", ECO_TIE_SUPPORT);
    eco_graph_free(g);
}

/* "financial support from X", "backed by X": X gives it. */
static void support_from_a_body_is_that_body_s(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Rosario Innovation Lab grew with financial support "
                               "from the Inter-American Development Bank.\nBacked by the Open "
                               "Knowledge Foundation, the Rosario Innovation Lab trained staff.\n");
    (void)state;
    directed(g, "Inter-American Development Bank", "Rosario Innovation Lab", ECO_TIE_FUNDING);
    directed(g, "Open Knowledge Foundation", "Rosario Innovation Lab", ECO_TIE_SUPPORT);
    eco_graph_free(g);
}

/* "The OECD's Observatory ...": a known body's possessive on a body known by itself names
 * two bodies, the first holding the second, though the gazetteer writes them as one name. */
static void a_known_body_s_own_unit_is_hosted_by_it(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe OECD's Observatory of Public Sector Innovation "
                               "works on anticipatory innovation.\n");
    (void)state;
    directed(g, "OECD", "OECD Observatory of Public Sector Innovation", ECO_TIE_HOSTING);
    eco_graph_free(g);
}

/* A possessive makes a host of what it holds, not of a body named further on. */
static void a_possessive_holds_only_the_name_it_precedes(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Ministry of Health's annual report thanks the "
                               "Red Cross Foundation.\n");
    (void)state;
    assert_null(tie_between(g, "Ministry of Health", "Red Cross Foundation", ECO_TIE_HOSTING));
    eco_graph_free(g);
}

/* "the Accelerator Labs in Peru and Chile": each country's lab, the record's own and
 * another's; a sentence that opens "Backed by X," has X act on every name listed together
 * after it, and on nothing named further on. */
static void the_labs_of_countries_listed_are_each_a_lab(void **state)
{
    static const char plan[] =
        "# Water meters\n\n[[country:Peru]]\n\n> Challenge statement: What is your challenge?\n\n"
        "Backed by the Open Knowledge Foundation, the Accelerator Labs in Peru and Chile are "
        "working with partners, including the Lima Water Agency.\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t chile;
    (void)state;
    assert_int_equal(import_by_rules(&g, plan, sizeof(plan) - 1, "p.md", &err), 0);
    assert_int_equal(eco_graph_find_actor(&chile, g, "UNDP Accelerator Lab Chile", "Chile"), 0);
    directed(g, "Open Knowledge Foundation", "UNDP Accelerator Lab Peru", ECO_TIE_SUPPORT);
    directed(g, "Open Knowledge Foundation", "UNDP Accelerator Lab Chile", ECO_TIE_SUPPORT);
    assert_null(tie_between(g, "Open Knowledge Foundation", "Lima Water Agency", ECO_TIE_SUPPORT));
    eco_graph_free(g);
}

/* "X and Y ... with support from Z": Z supports both; support from a programme named after
 * its owner is the owner's funding. */
static void support_from_reaches_every_body_listed_first(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Alpha Agency and the Beta Council ran the "
                               "event with support from the Gamma Institute and the European "
                               "Commission Horizon Europe programme.\n");
    (void)state;
    directed(g, "Gamma Institute", "Alpha Agency", ECO_TIE_SUPPORT);
    directed(g, "Gamma Institute", "Beta Council", ECO_TIE_SUPPORT);
    directed(g, "European Commission", "Alpha Agency", ECO_TIE_FUNDING);
    directed(g, "European Commission", "Beta Council", ECO_TIE_FUNDING);
    eco_graph_free(g);
}

/* "Funded by X and Y, the lab ...": both fund it. */
static void every_body_listed_after_an_opening_passive_cue_acts(void **state)
{
    eco_graph *g = import_text("# Notes\n\nFunded by the Alpha Foundation and the Beta Bank, "
                               "the Rosario Innovation Lab opened in 2019.\n");
    (void)state;
    directed(g, "Alpha Foundation", "Rosario Innovation Lab", ECO_TIE_FUNDING);
    directed(g, "Beta Bank", "Rosario Innovation Lab", ECO_TIE_FUNDING);
    eco_graph_free(g);
}

/* Creating, launching or establishing something hosts nothing. */
static void launching_is_not_hosting(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Ministry of Health launched the Rosario "
                               "Innovation Lab challenge with the Red Cross Foundation.\n");
    (void)state;
    assert_null(tie_between(g, "Ministry of Health", "Red Cross Foundation", ECO_TIE_HOSTING));
    eco_graph_free(g);
}

/* Two bodies that act before the cue both act on what the passage is about: here the
 * network a labelled bullet names, for the bullets under it. */
static void every_name_before_a_cue_acts_on_the_subject(void **state)
{
    static const char summary[] =
        "---\ntitle: Networks\nvideoId: abc\n---\n\n## Networks\n"
        "*   **Agile Nations Network:** An intergovernmental network on rulemaking.\n"
        "    *   The OECD and the World Economic Forum contributed to its creation.\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;
    assert_int_equal(import_by_rules(&g, summary, sizeof(summary) - 1, "v.md", &err), 0);
    directed(g, "OECD", "Agile Nations Network", ECO_TIE_SUPPORT);
    directed(g, "World Economic Forum", "Agile Nations Network", ECO_TIE_SUPPORT);
    eco_graph_free(g);
}

/* What a lab's record says in the description of a partnership is about that partner: the
 * support it speaks of is the lab's, though the sentence names no one. */
static void a_description_speaks_of_the_lab_s_support_to_its_partner(void **state)
{
    static const char plan[] =
        "# Cities\n\n[[country:Morocco]]\n## Partners\n"
        "> Please state the name of the partner:\nBerkane Province\n"
        "> Please provide a brief description of the partnership.\n"
        "This partnership has involved offering technical\n\nassistance to its staff.\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;
    assert_int_equal(import_by_rules(&g, plan, sizeof(plan) - 1, "p.md", &err), 0);
    directed(g, "UNDP Accelerator Lab Morocco", "Berkane Province", ECO_TIE_SUPPORT);
    eco_graph_free(g);
}

static void one_record_adds_weight_once_however_often_it_says_so(void **state)
{
    eco_graph *g = import_text("# Notes\n\nThe Alpha Agency works with the Beta Foundation.\n"
                               "Again, the Alpha Agency works with the Beta Foundation.\n");
    const eco_tie *t = tie_between(g, "Alpha Agency", "Beta Foundation", ECO_TIE_PARTNERSHIP);
    (void)state;
    assert_non_null(t);
    assert_true(t->weight == 1.0);
    assert_int_equal(t->evidence_count, 2);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phrases_give_kinds_and_the_side_that_acts),
        cmocka_unit_test(longer_phrases_win_and_words_must_be_whole),
        cmocka_unit_test(the_actor_after_a_passive_cue_acts),
        cmocka_unit_test(a_partnership_joins_the_subject_to_each_partner),
        cmocka_unit_test(names_without_a_cue_are_only_related),
        cmocka_unit_test(a_provider_named_before_a_noun_cue_provides),
        cmocka_unit_test(a_body_within_another_is_hosted_by_it),
        cmocka_unit_test(support_from_a_body_is_that_body_s),
        cmocka_unit_test(a_partner_named_under_its_host_is_hosted_by_it),
        cmocka_unit_test(a_brand_is_hosted_by_the_company_that_owns_it),
        cmocka_unit_test(support_from_reaches_every_body_listed_first),
        cmocka_unit_test(support_written_in_french_is_the_supporter_s),
        cmocka_unit_test(a_known_body_s_own_unit_is_hosted_by_it),
        cmocka_unit_test(a_possessive_holds_only_the_name_it_precedes),
        cmocka_unit_test(the_labs_of_countries_listed_are_each_a_lab),
        cmocka_unit_test(every_body_listed_after_an_opening_passive_cue_acts),
        cmocka_unit_test(launching_is_not_hosting),
        cmocka_unit_test(every_name_before_a_cue_acts_on_the_subject),
        cmocka_unit_test(a_description_speaks_of_the_lab_s_support_to_its_partner),
        cmocka_unit_test(one_record_adds_weight_once_however_often_it_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
