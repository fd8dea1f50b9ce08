/* The splitter of partner fields: how the answer to "name your partners" becomes a list of
 * organisations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hub.h"

typedef struct split {
    eco_i_partner *p;
    size_t n;
} split;

static split split_field(const char *text)
{
    split s = {NULL, 0};
    assert_int_equal(eco_i_split_partners(&s.p, &s.n, text, strlen(text), NULL), 0);
    return s;
}

static void names_equal(split s, const char *const *expected)
{
    size_t n = 0;
    while (expected[n])
        n++;
    for (size_t i = 0; i < s.n && i < n; i++)
        assert_string_equal(s.p[i].name, expected[i]);
    assert_int_equal(s.n, n);
    eco_i_partners_free(s.p, s.n);
}

static void and_separates_names_but_not_inside_a_name(void **state)
{
    (void)state;
    /* names listed before a head word in the plural share it */
    names_equal(split_field("CECI and IES Foundations"),
                (const char *const[]){"CECI Foundation", "IES Foundation", NULL});
    names_equal(split_field("Brahin and Khoiniki executive committees"),
                (const char *const[]){"Brahin executive committee", "Khoiniki executive committee",
                                      NULL});
    names_equal(split_field("Lusaka, Ndola and Kitwe municipal councils"),
                (const char *const[]){"Lusaka municipal council", "Ndola municipal council",
                                      "Kitwe municipal council", NULL});
    names_equal(split_field("Health and Education Ministries"),
                (const char *const[]){"Health Ministry", "Education Ministry", NULL});
    /* a name pasted twice is one name */
    names_equal(split_field("Fundación Blockchain Argentina Fundación Blockchain Argentina"),
                (const char *const[]){"Fundación Blockchain Argentina", NULL});
    /* a web name keeps its dot */
    names_equal(split_field("Nemolchi.uz, Safavvy.org (startup)"),
                (const char *const[]){"Nemolchi.uz", "Safavvy.org", NULL});
    names_equal(split_field("Datalat (open data) and OpenlabEC (open culture)"),
                (const char *const[]){"Datalat", "OpenlabEC", NULL});
    names_equal(split_field("Ministry of Housing and Municipal Services"),
                (const char *const[]){"Ministry of Housing and Municipal Services", NULL});
    names_equal(split_field("Tax and Customs Authority"),
                (const char *const[]){"Tax and Customs Authority", NULL});
    names_equal(split_field("Social and Peace Influencers"),
                (const char *const[]){"Social and Peace Influencers", NULL});
}

static void a_head_word_in_what_an_item_attaches_starts_no_name_of_its_own(void **state)
{
    (void)state;
    names_equal(split_field("Center for Economic Research and Reforms under the Administration "
                            "of the President of the Republic of Uzbekistan, Ministry of "
                            "Employment and Poverty Reduction, Agency for Strategic Reforms"),
                (const char *const[]){"Center for Economic Research and Reforms under the "
                                      "Administration of the President of the Republic of "
                                      "Uzbekistan",
                                      "Ministry of Employment and Poverty Reduction",
                                      "Agency for Strategic Reforms", NULL});
    /* a head word among the item's own words is a body of its own */
    names_equal(split_field("Ministry of Health and National Institute of Public Health"),
                (const char *const[]){"Ministry of Health", "National Institute of Public Health",
                                      NULL});
}

static void ampersand_commas_and_slashes_separate_names(void **state)
{
    (void)state;
    names_equal(split_field("School of Government of the High Studies Institute & FLACSO Science, "
                            "Technology and Society Lab"),
                (const char *const[]){"School of Government of the High Studies Institute",
                                      "FLACSO Science, Technology and Society Lab", NULL});
    names_equal(split_field("Ministère de la Santé Publique, Airtel Tchad, Moov Africa, ENASS"),
                (const char *const[]){"Ministère de la Santé Publique", "Airtel Tchad",
                                      "Moov Africa", "ENASS", NULL});
    /* a long list is still a list, not a sentence */
    names_equal(split_field("Ministry of Public Health, Airtel Chad, Moov Africa, ENASS, Order "
                            "of Physicians of Chad, Chamber of Commerce"),
                (const char *const[]){"Ministry of Public Health", "Airtel Chad", "Moov Africa",
                                      "ENASS", "Order of Physicians of Chad",
                                      "Chamber of Commerce", NULL});
    names_equal(split_field("Airtel Tchad, L'ordre des M\xC3\xA9" "decins du Tchad, Moov Africa"),
                (const char *const[]){"Airtel Tchad", "Ordre des M\xC3\xA9" "decins du Tchad",
                                      "Moov Africa", NULL});
    names_equal(split_field("Ministry of Energy / Ministry of Water"),
                (const char *const[]){"Ministry of Energy", "Ministry of Water", NULL});
}

static void numbered_lists_lines_and_wide_gaps_separate_names(void **state)
{
    (void)state;
    names_equal(split_field("1. Ministry of Energy\n2) Loden Foundation\n- Mzuzu University"),
                (const char *const[]){"Ministry of Energy", "Loden Foundation", "Mzuzu University",
                                      NULL});
    names_equal(split_field("Ministry of Labour 2.      Bhutan Board for Counselors"),
                (const char *const[]){"Ministry of Labour", "Bhutan Board for Counselors", NULL});
    names_equal(split_field("Legal Design Turkey  Ministry of Justice"),
                (const char *const[]){"Legal Design Turkey", "Ministry of Justice", NULL});
}

static void run_together_names_end_at_their_head_word(void **state)
{
    (void)state;
    names_equal(split_field("Africa Borderlands Centre Livingstone City Council"),
                (const char *const[]){"Africa Borderlands Centre", "Livingstone City Council",
                                      NULL});
}

static void qualifiers_are_dropped_acronyms_kept_sectors_typed(void **state)
{
    split s = split_field("Institute for Biodiversity and Protected Areas (IBAP)\n"
                          "Ombudsman's Office (national level)\nKwadat Kente (Private partner)");
    (void)state;
    assert_int_equal(s.n, 3);
    assert_string_equal(s.p[0].name, "Institute for Biodiversity and Protected Areas");
    assert_string_equal(s.p[0].alias, "IBAP");
    assert_string_equal(s.p[1].name, "Ombudsman's Office");
    assert_null(s.p[1].alias);
    assert_int_equal(s.p[2].type, ECO_TYPE_PRIVATE);
    eco_i_partners_free(s.p, s.n);
}

/* A short name in brackets after a long one is its alias, unless it names a body of its own
 * kind, which holds the first. */
static void a_short_name_in_brackets_is_the_long_name_s_alias(void **state)
{
    split s = split_field("Asociación Colombiana de Empresas de Innovación (Colombia Fintech)\n"
                          "Benue Agri-business Innovation Hub (BAI Hub)\n"
                          "Southern African Food Lab (Stellenbosch University)\n"
                          "Ministry of Health (Sierra Leone)");
    (void)state;
    assert_int_equal(s.n, 4);
    assert_string_equal(s.p[0].name, "Asociación Colombiana de Empresas de Innovación");
    assert_string_equal(s.p[0].alias, "Colombia Fintech");
    assert_string_equal(s.p[1].alias, "BAI Hub");
    assert_null(s.p[2].alias);
    assert_null(s.p[3].alias);
    eco_i_partners_free(s.p, s.n);
}

static void a_name_then_what_it_is_keeps_the_name(void **state)
{
    split s = split_field("Everimpact- partner listed in Digital X Solution (Primary partner)\n"
                          "Digital Transformation Centre (UNDP)\n"
                          "USAID: Is the initial partner of the project and provided the funding\n"
                          "American University of Central Asia - official partner of Create4\n"
                          "LxLEM - Experimentation Lab");
    (void)state;
    assert_int_equal(s.n, 5);
    assert_string_equal(s.p[0].name, "Everimpact");
    assert_string_equal(s.p[1].name, "Digital Transformation Centre");
    assert_null(s.p[1].alias); /* the body it belongs to is no name of it */
    assert_string_equal(s.p[2].name, "USAID");
    assert_true(s.p[2].written == NULL || strcmp(s.p[2].written, "USAID") == 0);
    assert_string_equal(s.p[3].name, "American University of Central Asia");
    assert_string_equal(s.p[4].written, "LxLEM - Experimentation Lab"); /* one name */
    eco_i_partners_free(s.p, s.n);
}

/* "Rights Lab, University of Nottingham" is how the answer names the lab: written so, it
 * is a name of the unit, whichever comes first; two bodies side by side are two names. */
static void a_unit_and_its_body_written_together_name_the_unit(void **state)
{
    split s = split_field("Zorbix Lab, University of Nottingham\n"
                          "University of Nigeria, Nsuka Campus\n"
                          "UNICEF, Zorbix Foundation");
    (void)state;
    assert_int_equal(s.n, 6);
    assert_string_equal(s.p[0].name, "Zorbix Lab");
    assert_non_null(s.p[0].written);
    assert_string_equal(s.p[0].written, "Zorbix Lab, University of Nottingham");
    assert_null(s.p[1].written);
    assert_null(s.p[2].written);
    assert_string_equal(s.p[3].name, "Nsuka Campus");
    assert_non_null(s.p[3].written);
    assert_string_equal(s.p[3].written, "University of Nigeria, Nsuka Campus");
    assert_null(s.p[4].written);
    assert_null(s.p[5].written);
    eco_i_partners_free(s.p, s.n);
}

static void a_clause_is_no_name(void **state)
{
    (void)state;
    names_equal(split_field("UN-TV have shared our Olympiad, UNICEF"),
                (const char *const[]){"UNICEF", NULL});
    /* a subject and its verb make a sentence, whatever the names in it */
    names_equal(split_field("We worked with the Science and Technology Foundation in Erdenet"),
                (const char *const[]){"Science and Technology Foundation", NULL});
    /* ... and so do a verb in the past and the small words around it */
    names_equal(split_field("Also, the Alpha Agency in Iraq supported the Beta Office on building"),
                (const char *const[]){"Alpha Agency", "Beta Office", NULL});
}

static void descriptions_after_a_colon_or_dash_are_dropped(void **state)
{
    split s = split_field("Municipality of Las Terrenas: key public sector partner\n"
                          "Universidade de Cabo Verde - UNI-CV\n"
                          "Ministère de l'Agriculture - Secteur Gouvernemental : fixe les données");
    (void)state;
    assert_int_equal(s.n, 3);
    assert_string_equal(s.p[0].name, "Municipality of Las Terrenas");
    assert_string_equal(s.p[1].name, "Universidade de Cabo Verde");
    assert_string_equal(s.p[1].alias, "UNI-CV");
    assert_string_equal(s.p[2].name, "Ministère de l'Agriculture");
    assert_int_equal(s.p[2].type, ECO_TYPE_GOVERNMENT);
    eco_i_partners_free(s.p, s.n);
}

/* The letters of an acronym are often those of the name in another language. */
static void an_acronym_glossed_in_brackets_is_the_name_s_alias(void **state)
{
    split s = split_field("ISTU (Salvadoran Institute of Tourism). ISTU is the entity that "
                          "manages the parks.\nUNDP (Regional Hub), Tigo");
    (void)state;
    assert_int_equal(s.n, 3);
    assert_string_equal(s.p[0].name, "Salvadoran Institute of Tourism");
    assert_string_equal(s.p[0].alias, "ISTU");
    assert_string_equal(s.p[1].name, "UNDP"); /* the gazetteer knows it: a qualifier follows */
    assert_null(s.p[1].alias);
    assert_string_equal(s.p[2].name, "Tigo");
    eco_i_partners_free(s.p, s.n);
}

static void a_name_alone_in_its_first_sentence_is_kept_without_what_follows(void **state)
{
    (void)state;
    names_equal(split_field("- Tigo. Tigo is the commercial brand of the Millicom company.\n"
                            "- Eurolatina. Eurolatina was hired to carry out the measurements"),
                (const char *const[]){"Tigo", "Eurolatina", NULL});
}

/* A name written in capitals reads as it would in mixed case: "IN" and "OF" are small words. */
static void a_name_in_capitals_is_read_as_in_mixed_case(void **state)
{
    (void)state;
    names_equal(split_field("MINISTRY OF YOUTH AND SPORTS"),
                (const char *const[]){"MINISTRY OF YOUTH AND SPORTS", NULL});
    names_equal(split_field("Mohammed V University in Rabat"),
                (const char *const[]){"Mohammed V University in Rabat", NULL});
    names_equal(split_field("MOHAMMED V UNIVERSITY IN RABAT"),
                (const char *const[]){"MOHAMMED V UNIVERSITY IN RABAT", NULL});
}

static void a_category_label_types_the_names_after_it(void **state)
{
    split s = split_field("Municipalities: Kumanovo, Centar, Kriva Palanka");
    (void)state;
    assert_int_equal(s.n, 3);
    assert_string_equal(s.p[2].name, "Kriva Palanka");
    assert_int_equal(s.p[0].type, ECO_TYPE_GOVERNMENT);
    eco_i_partners_free(s.p, s.n);
    /* a sector's label before a dash or a colon: the name after it is of that sector */
    s = split_field("Local Government - Zorbix Council 1\nPrivate Sector: Zorbotics");
    assert_int_equal(s.n, 2);
    assert_string_equal(s.p[0].name, "Zorbix Council 1");
    assert_int_equal(s.p[0].type, ECO_TYPE_GOVERNMENT);
    assert_string_equal(s.p[1].name, "Zorbotics");
    assert_int_equal(s.p[1].type, ECO_TYPE_PRIVATE);
    eco_i_partners_free(s.p, s.n);
}

static void a_label_or_a_kind_before_examples_is_no_name(void **state)
{
    (void)state;
    names_equal(split_field("Range of partners - ESOs like Makers Asylum, School of Social "
                            "Entrepreneurs, Climate Collective etc."),
                (const char *const[]){"Makers Asylum", "School of Social Entrepreneurs",
                                      "Climate Collective", NULL});
    /* a capitalised particle inside the list is the name's own */
    names_equal(split_field("EcoAndina, 500RPM, La Caja Verde, among others"),
                (const char *const[]){"EcoAndina", "500RPM", "La Caja Verde", NULL});
    /* a numeral run into small letters is a coined name, not small words */
    names_equal(split_field("Translait, CAB Demeso, 2scale"),
                (const char *const[]){"Translait", "CAB Demeso", "2scale", NULL});
}

static void a_bracket_after_a_noun_for_bodies_lists_them(void **state)
{
    (void)state;
    names_equal(split_field("Winners: three individuals/companies (Zorbix Dairy, Habitats for "
                            "Ocean Life and Ocean Systems, and Acme Bicycle Trails) + GEF SGP"),
                (const char *const[]){"Zorbix Dairy", "Habitats for Ocean Life and Ocean Systems",
                                      "Acme Bicycle Trails", "GEF SGP", NULL});
    names_equal(split_field("Associations (FALCON, Zorbix Farmers Association)"),
                (const char *const[]){"FALCON", "Zorbix Farmers Association", NULL});
    /* after a name, a bracket says more of it; after another noun, what the noun is */
    names_equal(split_field("Ministry of Health (MINSA, Peru)"),
                (const char *const[]){"Ministry of Health", NULL});
    names_equal(split_field("Workshops in two cities (Lima, Quito) with the Ministry of Health"),
                (const char *const[]){"Ministry of Health", NULL});
}

static void a_kind_before_a_quoted_name_types_it(void **state)
{
    (void)state;
    split s = split_field("4- Start-up \"Groupe Service Universel\";");
    assert_int_equal(s.n, 1);
    assert_string_equal(s.p[0].name, "Groupe Service Universel");
    assert_int_equal(s.p[0].type, ECO_TYPE_PRIVATE);
    eco_i_partners_free(s.p, s.n);
}

static void empty_answers_and_generic_phrases_name_no_one(void **state)
{
    (void)state;
    /* activities, not bodies; a city government is a body */
    names_equal(split_field("Waste sorting, Collecting, Erdenet city government"),
                (const char *const[]){"Erdenet city government", NULL});
    names_equal(split_field("N/A"), (const char *const[]){NULL});
    names_equal(split_field("Not applicable\nNone\nyes"), (const char *const[]){NULL});
    names_equal(split_field("community leaders, among others"), (const char *const[]){NULL});
    /* small letters with accents are small letters */
    names_equal(split_field("sélectionnés, Tadamon"), (const char *const[]){"Tadamon", NULL});
    names_equal(split_field("Private sector"), (const char *const[]){NULL});
    names_equal(split_field("Bar Associations"), (const char *const[]){NULL});
    names_equal(split_field("https://example.org/partners"), (const char *const[]){NULL});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(and_separates_names_but_not_inside_a_name),
        cmocka_unit_test(a_head_word_in_what_an_item_attaches_starts_no_name_of_its_own),
        cmocka_unit_test(ampersand_commas_and_slashes_separate_names),
        cmocka_unit_test(a_bracket_after_a_noun_for_bodies_lists_them),
        cmocka_unit_test(a_unit_and_its_body_written_together_name_the_unit),
        cmocka_unit_test(numbered_lists_lines_and_wide_gaps_separate_names),
        cmocka_unit_test(run_together_names_end_at_their_head_word),
        cmocka_unit_test(qualifiers_are_dropped_acronyms_kept_sectors_typed),
        cmocka_unit_test(descriptions_after_a_colon_or_dash_are_dropped),
        cmocka_unit_test(a_name_then_what_it_is_keeps_the_name),
        cmocka_unit_test(a_clause_is_no_name),
        cmocka_unit_test(an_acronym_glossed_in_brackets_is_the_name_s_alias),
        cmocka_unit_test(a_short_name_in_brackets_is_the_long_name_s_alias),
        cmocka_unit_test(a_name_alone_in_its_first_sentence_is_kept_without_what_follows),
        cmocka_unit_test(a_name_in_capitals_is_read_as_in_mixed_case),
        cmocka_unit_test(a_category_label_types_the_names_after_it),
        cmocka_unit_test(a_label_or_a_kind_before_examples_is_no_name),
        cmocka_unit_test(a_kind_before_a_quoted_name_types_it),
        cmocka_unit_test(empty_answers_and_generic_phrases_name_no_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
