/* Acronyms a record defines as things: the words before the bracket spell them in lower
 * case and name no organisation, or name a study or a document, so they are never the
 * record's actors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hub.h"

/* Whether text defines acronym as a thing. */
static int defines_a_thing(const char *text, const char *acronym)
{
    eco_i_map things = {0};
    size_t flag;

    assert_int_equal(eco_i_note_thing_acronyms(text, strlen(text), &things), 0);
    int found = eco_i_map_get(&things, eco_i_fold_hash(acronym, strlen(acronym)), &flag);
    eco_i_map_free(&things);
    return found;
}

static void words_in_lower_case_that_spell_it_make_an_acronym_a_thing(void **state)
{
    (void)state;
    assert_true(defines_a_thing("The free, prior, and informed consent (FPIC) process was "
                                "crucial.", "FPIC"));
    assert_true(defines_a_thing("It ends violence against women and girls (VAWG).", "VAWG"));
}

static void words_headed_by_a_study_or_a_document_make_an_acronym_a_thing(void **state)
{
    (void)state;
    /* in English the head is last, or before "of" */
    assert_true(defines_a_thing("a new Country Programme Document (CPD), which", "CPD"));
    assert_true(defines_a_thing("the Multidimensional Poverty Index (MPI) of", "MPI"));
    assert_true(defines_a_thing("a Rapid Assessment of Local Needs (RALN).", "RALN"));
    /* in French, Spanish and Portuguese it is first */
    assert_true(defines_a_thing("La méthode des « Essais Contrôlés Randomisés (ECR) »", "ECR"));
    assert_true(defines_a_thing("Sources : Enquête Nationale de la Pauvreté (ENP)", "ENP"));
    /* a study's name before the bracket makes its acronym a thing, spelled or not */
    assert_true(defines_a_thing("in the framework of the Progress Assessment of the ESF Support "
                                "to Public Administration (PAPA).", "PAPA"));
    /* a hyphen may join two parts of the acronym */
    assert_true(defines_a_thing("Analyse Globale de la Vulnérabilité, de la Sécurité "
                                "Alimentaire et nutritionnelle et des Systèmes Alimentaire "
                                "(AGVSAN-SA)", "AGVSAN-SA"));
}

static void a_name_in_capitals_or_with_a_head_word_stays_a_possible_body(void **state)
{
    (void)state;
    /* a name, though no head word says it is a body's */
    assert_false(defines_a_thing("un accord avec le Programme Alimentaire Mondial (PAM).", "PAM"));
    /* a head word names an organisation */
    assert_false(defines_a_thing("with the national statistics office (NSO).", "NSO"));
    /* a body's name before the bracket, spelling it or not */
    assert_false(defines_a_thing("with the Ministry of Public Health and Sanitation (MOH).",
                                 "MOH"));
    /* words that do not spell it */
    assert_false(defines_a_thing("stage 1 of the Crowdfunding Academy (CFA) organised by",
                                 "CFA"));
    /* a programme or a network is as often a body as a work */
    assert_false(defines_a_thing("the United Nations Development Programme (UNDP) and",
                                 "UNDP"));
    /* a hyphen joins two parts, it neither opens nor closes one */
    assert_false(defines_a_thing("the study of habits (-SH)", "-SH"));
    /* the spelling may not reach into the sentence before */
    assert_false(defines_a_thing("We met. Prior consent (FPIC) mattered.", "FPIC"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_in_lower_case_that_spell_it_make_an_acronym_a_thing),
        cmocka_unit_test(words_headed_by_a_study_or_a_document_make_an_acronym_a_thing),
        cmocka_unit_test(a_name_in_capitals_or_with_a_head_word_stays_a_possible_body),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
