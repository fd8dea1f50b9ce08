/* Countries: every form ISO 3166 and its translations give names one country, with its
 * English short name and alpha-3 code; what ISO lacks comes from data/countries.tsv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "vocabulary.h"

static void assert_names(const char *form, const char *country)
{
    const char *got = eco_i_country_name(form, strlen(form));
    if (!got)
        fail_msg("\"%s\" names no country; expected %s", form, country);
    assert_string_equal(got, country);
}

static void assert_names_none(const char *form)
{
    const char *got = eco_i_country_name(form, strlen(form));
    if (got)
        fail_msg("\"%s\" names %s; expected no country", form, got);
}

static void assert_code(const char *name, const char *code)
{
    const char *got = eco_i_country_code(name);
    assert_non_null(got);
    assert_string_equal(got, code);
}

static void every_iso_country_is_known(void **state)
{
    (void)state;
    assert_names("Maldives", "Maldives");
    assert_names("Gambia", "Gambia");
    assert_names("The Gambia", "Gambia");
    assert_names("Republic of Maldives", "Maldives");
    assert_names("Tuvalu", "Tuvalu");
}

static void the_two_congos_stay_apart(void **state)
{
    (void)state;
    assert_names("Democratic Republic of the Congo", "Democratic Republic of the Congo");
    assert_names("DRC", "Democratic Republic of the Congo");
    assert_names("République démocratique du Congo", "Democratic Republic of the Congo");
    assert_names("Congo", "Republic of the Congo");
    assert_names("Republic of the Congo", "Republic of the Congo");
    assert_code("Democratic Republic of the Congo", "COD");
    assert_code("Republic of the Congo", "COG");
}

static void translations_in_every_language_name_the_country(void **state)
{
    (void)state;
    assert_names("Deutschland", "Germany");
    assert_names("Belgio", "Belgium");
    assert_names("España", "Spain");
    assert_names("Brasil", "Brazil");
    assert_names("Italia", "Italy");
    assert_names("Polska", "Poland");
    assert_names("葡萄牙", "Portugal");
    assert_names("Türkiye", "Turkey");
}

static void display_names_are_common_english_short_names(void **state)
{
    (void)state;
    assert_names("Plurinational State of Bolivia", "Bolivia");
    assert_names("United Republic of Tanzania", "Tanzania");
    assert_names("Cabo Verde", "Cape Verde");
    assert_names("Cape Verde", "Cape Verde");
    assert_names("Lao People's Democratic Republic", "Laos");
}

static void every_country_carries_its_alpha_3_code(void **state)
{
    (void)state;
    assert_code("Bolivia", "BOL");
    assert_code("Cape Verde", "CPV");
    assert_code("Germany", "DEU");
    assert_code("Kosovo", "XKX"); /* ISO lacks it: the code the UN and the EU use */
    assert_null(eco_i_country_code("Atlantis"));
    assert_null(eco_i_country_code(NULL));
}

static void a_country_column_may_hold_either_iso_code(void **state)
{
    (void)state;
    assert_string_equal(eco_i_country_as_written("DEU"), "Germany");
    assert_string_equal(eco_i_country_as_written("deu"), "Germany");
    assert_string_equal(eco_i_country_as_written("MX"), "Mexico");
    assert_string_equal(eco_i_country_as_written("CV"), "Cape Verde");
    /* two small letters are a word, not a code */
    assert_null(eco_i_country_of_code("mx"));
    assert_string_equal(eco_i_country_as_written("Atlantis"), "Atlantis");
}

static void english_words_and_short_translations_name_no_country(void **state)
{
    (void)state;
    assert_names_none("Island"); /* Iceland, in some language */
    assert_names_none("End");
    assert_names_none("Sip"); /* Vietnamese "Síp", Cyprus, is also an acronym */
    assert_names_none("Man");
}

static void a_name_names_the_longest_country_it_ends_with(void **state)
{
    (void)state;
    assert_string_equal(eco_i_country_in_name("UNDP Accelerator Lab Democratic Republic of the Congo"),
                        "Democratic Republic of the Congo");
    assert_string_equal(eco_i_country_in_name("Ministry of Health of the Democratic Republic of "
                                              "the Congo"),
                        "Democratic Republic of the Congo");
    assert_string_equal(eco_i_country_in_name("Democratic Republic of the Congo"),
                        "Democratic Republic of the Congo");
    assert_string_equal(eco_i_country_in_name("Government of the Republic of the Congo"),
                        "Republic of the Congo");
    assert_string_equal(eco_i_country_in_name("Directorate of the Republic of Slovenia"), "Slovenia");
    assert_string_equal(eco_i_country_in_name("Swedish Energy Agency"), "Sweden");
    assert_null(eco_i_country_in_name("Mexico City Council"));
    assert_null(eco_i_country_in_name("American University in Cairo"));
    assert_null(eco_i_country_in_name("American University of Central Asia"));
    assert_null(eco_i_country_in_name("American Chamber of Commerce"));
}

static void demonyms_name_their_country(void **state)
{
    (void)state;
    assert_string_equal(eco_i_country_of_demonym("Gambian", 7), "Gambia");
    assert_string_equal(eco_i_country_of_demonym("Portuguese", 10), "Portugal");
    assert_null(eco_i_country_of_demonym("Atlantean", 9));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_iso_country_is_known),
        cmocka_unit_test(the_two_congos_stay_apart),
        cmocka_unit_test(translations_in_every_language_name_the_country),
        cmocka_unit_test(display_names_are_common_english_short_names),
        cmocka_unit_test(every_country_carries_its_alpha_3_code),
        cmocka_unit_test(a_country_column_may_hold_either_iso_code),
        cmocka_unit_test(english_words_and_short_translations_name_no_country),
        cmocka_unit_test(a_name_names_the_longest_country_it_ends_with),
        cmocka_unit_test(demonyms_name_their_country),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
