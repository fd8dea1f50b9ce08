/* The doubts ecomap check lists: which pairs and which actors each kind takes, and the
 * order they come in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"

static eco_graph *g;
static eco_doubt *doubts;
static size_t count;

static int setup(void **state)
{
    (void)state;
    doubts = NULL;
    count = 0;
    return eco_graph_new(&g);
}

static int teardown(void **state)
{
    (void)state;
    eco_doubts_free(doubts);
    eco_graph_free(g);
    return 0;
}

static size_t add(const char *name, eco_actor_type type, const char *country)
{
    size_t i;
    assert_int_equal(eco_graph_add_actor(&i, g, NULL, name, type, country), 0);
    return i;
}

static void list(void)
{
    eco_error err = {0};
    assert_int_equal(eco_query_doubts(&doubts, &count, g, &err), 0);
}

/* How many doubts of kind name actor a (and b, when not -1, as the pair's other). */
static size_t doubts_of(eco_doubt_kind kind, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        if (doubts[i].kind == kind &&
            ((doubts[i].actor == a && doubts[i].other == b) ||
             (b != (size_t)-1 && doubts[i].actor == b && doubts[i].other == a)))
            n++;
    return n;
}

static void possessives_and_plurals_are_variants_of_one_name(void **state)
{
    (void)state;
    size_t a = add("King Saud University", ECO_TYPE_ACADEMIA, "Saudi Arabia");
    size_t b = add("King Saud University\xE2\x80\x99s", ECO_TYPE_ACADEMIA, "Saudi Arabia");
    size_t c = add("Ministry of Youth and Sport", ECO_TYPE_GOVERNMENT, "Saudi Arabia");
    size_t d = add("Ministry of Youth and Sports", ECO_TYPE_GOVERNMENT, "Saudi Arabia");
    list();
    assert_int_equal(doubts_of(ECO_DOUBT_VARIANT, a, b), 1);
    assert_int_equal(doubts_of(ECO_DOUBT_VARIANT, c, d), 1);
}

static void the_same_words_in_another_order_are_a_pair(void **state)
{
    (void)state;
    size_t a = add("National Institute of Statistics", ECO_TYPE_GOVERNMENT, "Peru");
    size_t b = add("National Statistics Institute", ECO_TYPE_ACADEMIA, "Peru");
    list();
    assert_int_equal(doubts_of(ECO_DOUBT_WORD_ORDER, a, b), 1);
}

static void one_name_in_two_languages_is_a_pair(void **state)
{
    (void)state;
    size_t a = add("C\xC3\xA1mara de Comercio de Bogot\xC3\xA1", ECO_TYPE_PRIVATE, "Colombia");
    size_t b = add("Bogot\xC3\xA1 Chamber of Commerce", ECO_TYPE_PRIVATE, "Colombia");
    size_t c = add("Laboratorio Social de Inclusi\xC3\xB3n Productiva", ECO_TYPE_LAB, "Colombia");
    size_t d = add("Productive Inclusion Social Lab", ECO_TYPE_LAB, "Colombia");
    size_t e = add("Minist\xC3\xA8re de la Sant\xC3\xA9", ECO_TYPE_GOVERNMENT, "Colombia");
    size_t f = add("Ministry of Education", ECO_TYPE_GOVERNMENT, "Colombia");
    list();
    assert_int_equal(doubts_of(ECO_DOUBT_TRANSLATION, a, b), 1);
    assert_int_equal(doubts_of(ECO_DOUBT_TRANSLATION, c, d), 1);
    assert_int_equal(doubts_of(ECO_DOUBT_TRANSLATION, e, f), 0); /* health is not education */
    assert_string_equal(eco_doubt_kind_name(ECO_DOUBT_TRANSLATION), "translation");
}

static void an_acronym_that_spells_another_actors_initials_is_a_pair(void **state)
{
    (void)state;
    size_t a = add("Ministry of Natural Resources and Environment", ECO_TYPE_GOVERNMENT, "Samoa");
    size_t b = add("MNRE", ECO_TYPE_UNKNOWN, "Samoa");
    list();
    assert_int_equal(doubts_of(ECO_DOUBT_ACRONYM, a, b), 1);
}

static void actors_of_two_countries_are_never_a_pair(void **state)
{
    (void)state;
    size_t a = add("Ministry of Youth and Sport", ECO_TYPE_GOVERNMENT, "Peru");
    size_t b = add("Ministry of Youth and Sports", ECO_TYPE_GOVERNMENT, "Chile");
    size_t c = add("MYS", ECO_TYPE_GOVERNMENT, "Chile");
    list();
    assert_int_equal(doubts_of(ECO_DOUBT_VARIANT, a, b), 0);
    assert_int_equal(doubts_of(ECO_DOUBT_ACRONYM, a, c), 0);
}

static void an_actor_of_no_country_pairs_with_one_of_any(void **state)
{
    (void)state;
    size_t a = add("World Bank", ECO_TYPE_INTERNATIONAL, NULL);
    size_t b = add("WB", ECO_TYPE_UNKNOWN, "Uzbekistan");
    list();
    assert_int_equal(doubts_of(ECO_DOUBT_ACRONYM, a, b), 1);
    assert_int_equal(doubts[0].actor, b); /* the one in doubt: fewer records, then index */
}

static void an_alias_acronym_none_of_the_names_spells_is_a_weak_merge(void **state)
{
    (void)state;
    size_t a = add("Canadian Space Agency", ECO_TYPE_GOVERNMENT, "Canada");
    size_t b = add("United Nations Development Programme", ECO_TYPE_INTERNATIONAL, NULL);
    assert_int_equal(eco_graph_add_alias(g, a, "CSA"), 0);
    assert_int_equal(eco_graph_add_alias(g, a, "EIPA"), 0);
    assert_int_equal(eco_graph_add_alias(g, b, "UNDP"), 0);
    list();
    size_t weak = 0;
    for (size_t i = 0; i < count; i++)
        if (doubts[i].kind == ECO_DOUBT_WEAK_MERGE) {
            weak++;
            assert_int_equal(doubts[i].actor, a);
            assert_string_equal(doubts[i].form, "EIPA");
        }
    assert_int_equal(weak, 1);
}

static void one_lower_case_word_or_a_last_connector_looks_cut(void **state)
{
    (void)state;
    size_t a = add("cooperatives", ECO_TYPE_CIVIL_SOCIETY, "Mali");
    size_t b = add("Ministry of", ECO_TYPE_GOVERNMENT, "Mali");
    size_t c = add("Nesta", ECO_TYPE_CIVIL_SOCIETY, "United Kingdom");
    size_t d = add("Banco de", ECO_TYPE_PRIVATE, "Mali");
    list();
    assert_int_equal(doubts_of(ECO_DOUBT_FRAGMENT, a, (size_t)-1), 1);
    assert_int_equal(doubts_of(ECO_DOUBT_FRAGMENT, b, (size_t)-1), 1);
    assert_int_equal(doubts_of(ECO_DOUBT_FRAGMENT, c, (size_t)-1), 0);
    assert_int_equal(doubts_of(ECO_DOUBT_FRAGMENT, d, (size_t)-1), 1);
}

static void missing_types_and_countries_come_last_and_global_bodies_need_no_country(void **state)
{
    (void)state;
    size_t a = add("Some Lab", ECO_TYPE_UNKNOWN, "Peru");
    size_t b = add("OECD", ECO_TYPE_INTERNATIONAL, NULL);
    size_t c = add("Acme Holdings", ECO_TYPE_PRIVATE, NULL);
    size_t d = add("King Saud University", ECO_TYPE_ACADEMIA, "Saudi Arabia");
    size_t e = add("King Saud University\xE2\x80\x99s", ECO_TYPE_ACADEMIA, "Saudi Arabia");
    size_t f = add("World Resources Institute", ECO_TYPE_ACADEMIA, NULL);
    size_t u = add("Gender Unit of UNDP", ECO_TYPE_UNKNOWN, NULL);
    list();
    /* nor do a body whose name says it works worldwide and a worldwide body's unit */
    assert_int_equal(doubts_of(ECO_DOUBT_NO_COUNTRY, f, (size_t)-1), 0);
    assert_int_equal(doubts_of(ECO_DOUBT_NO_COUNTRY, u, (size_t)-1), 0);
    assert_int_equal(doubts_of(ECO_DOUBT_NO_TYPE, a, (size_t)-1), 1);
    assert_int_equal(doubts_of(ECO_DOUBT_NO_COUNTRY, b, (size_t)-1), 0);
    assert_int_equal(doubts_of(ECO_DOUBT_NO_COUNTRY, c, (size_t)-1), 1);
    assert_int_equal(doubts_of(ECO_DOUBT_VARIANT, d, e), 1);
    assert_int_equal(doubts[0].kind, ECO_DOUBT_VARIANT);
    assert_int_equal(doubts[count - 1].kind, ECO_DOUBT_NO_COUNTRY);
    assert_string_equal(eco_doubt_kind_name(ECO_DOUBT_WEAK_MERGE), "weak-merge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(possessives_and_plurals_are_variants_of_one_name),
        T(the_same_words_in_another_order_are_a_pair),
        T(one_name_in_two_languages_is_a_pair),
        T(an_acronym_that_spells_another_actors_initials_is_a_pair),
        T(actors_of_two_countries_are_never_a_pair),
        T(an_actor_of_no_country_pairs_with_one_of_any),
        T(an_alias_acronym_none_of_the_names_spells_is_a_weak_merge),
        T(one_lower_case_word_or_a_last_connector_looks_cut),
        T(missing_types_and_countries_come_last_and_global_bodies_need_no_country),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
