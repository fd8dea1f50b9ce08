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
        cmocka_unit_test(one_record_adds_weight_once_however_often_it_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
