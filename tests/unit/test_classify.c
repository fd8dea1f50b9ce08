/* Actor types from names: head words in four languages; unknown when the name does not tell. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ecomap.h"

typedef struct example {
    const char *name;
    eco_actor_type type;
} example;

static void assert_types(const example *examples)
{
    for (const example *e = examples; e->name; e++) {
        eco_actor_type got = eco_name_classify(e->name);
        if (got != e->type)
            fail_msg("\"%s\": expected %s, got %s", e->name,
                     e->type ? eco_actor_type_name(e->type) : "unknown",
                     got ? eco_actor_type_name(got) : "unknown");
    }
}

static void ministries_agencies_and_municipalities_are_government(void **state)
{
    static const example examples[] = {
        {"Ministry of Economy, Development and Tourism", ECO_TYPE_GOVERNMENT},
        {"Ministerio de Salud Pública", ECO_TYPE_GOVERNMENT},
        {"Ministério da Educação", ECO_TYPE_GOVERNMENT},
        {"Ministère de l'Économie", ECO_TYPE_GOVERNMENT},
        {"Secretaría de Innovación", ECO_TYPE_GOVERNMENT},
        {"Agência para a Modernização Administrativa", ECO_TYPE_GOVERNMENT},
        {"Tax and Customs Authority", ECO_TYPE_GOVERNMENT},
        {"Municipality of Skopje", ECO_TYPE_GOVERNMENT},
        {"Prefeitura de São Paulo", ECO_TYPE_GOVERNMENT},
        {"Ombudsman's Office", ECO_TYPE_GOVERNMENT},
        {"Municipal Public Company for Management and Competitiveness", ECO_TYPE_GOVERNMENT},
        {"National Institute for Rehabilitation", ECO_TYPE_GOVERNMENT},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
}

static void labs_win_over_the_body_that_hosts_them(void **state)
{
    static const example examples[] = {
        {"Government Laboratory of Chile", ECO_TYPE_LAB},
        {"Laboratorio de Gobierno", ECO_TYPE_LAB},
        {"Experimentation Municipal Lab of the City Council of Lisbon", ECO_TYPE_LAB},
        {"Laboratoire d'innovation publique", ECO_TYPE_LAB},
        {"LabX", ECO_TYPE_LAB},
        {"Santalab", ECO_TYPE_LAB},
        {"MindLab", ECO_TYPE_LAB},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
}

static void schools_and_universities_are_academia(void **state)
{
    static const example examples[] = {
        {"University of Lisbon", ECO_TYPE_ACADEMIA},
        {"Universidad de Chile", ECO_TYPE_ACADEMIA},
        {"Universidade de São Paulo", ECO_TYPE_ACADEMIA},
        {"Université de Montréal", ECO_TYPE_ACADEMIA},
        {"School of Government and Public Administration", ECO_TYPE_ACADEMIA},
        {"Instituto de Altos Estudios", ECO_TYPE_ACADEMIA},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
}

static void foundations_and_associations_are_civil_society(void **state)
{
    static const example examples[] = {
        {"Fundación Ciudadanía Inteligente", ECO_TYPE_CIVIL_SOCIETY},
        {"Associação Portuguesa de Deficientes", ECO_TYPE_CIVIL_SOCIETY},
        {"Fondation de France", ECO_TYPE_CIVIL_SOCIETY},
        {"Rockefeller Foundation", ECO_TYPE_CIVIL_SOCIETY},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
}

static void un_bodies_and_development_banks_are_international(void **state)
{
    static const example examples[] = {
        {"UNDP Accelerator Lab Ecuador", ECO_TYPE_INTERNATIONAL},
        {"OECD Observatory of Public Sector Innovation", ECO_TYPE_INTERNATIONAL},
        {"World Bank", ECO_TYPE_INTERNATIONAL},
        {"Inter-American Development Bank", ECO_TYPE_INTERNATIONAL},
        {"European Commission", ECO_TYPE_INTERNATIONAL},
        {"Programa de las Naciones Unidas para el Desarrollo", ECO_TYPE_INTERNATIONAL},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
}

static void companies_are_private_unless_public(void **state)
{
    static const example examples[] = {
        {"Acme Technologies Ltd", ECO_TYPE_PRIVATE},
        {"Empresa Eléctrica Quito", ECO_TYPE_PRIVATE},
        {"Banco Pichincha", ECO_TYPE_PRIVATE},
        {"State Oil Company", ECO_TYPE_GOVERNMENT},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
}

static void networks_in_four_languages(void **state)
{
    static const example examples[] = {
        {"Public Innovators Network", ECO_TYPE_NETWORK},
        {"Red de Innovadores Públicos", ECO_TYPE_NETWORK},
        {"Rede Nacional de Administração Aberta", ECO_TYPE_NETWORK},
        {"Réseau des laboratoires", ECO_TYPE_NETWORK},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
}

static void missions_boards_and_national_programmes_are_government(void **state)
{
    (void)state;
    assert_int_equal(eco_name_classify("Atal Innovation Mission"), ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_name_classify("Tourism Board of Jamaica"), ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_name_classify("National Statistics Bureau"), ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_name_classify("National Program for Small and Medium Enterprises"),
                     ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_name_classify("National Social Security Fund"), ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_name_classify("Centre National de la Propri\xC3\xA9t\xC3\xA9 Intellectuelle"),
                     ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_name_classify("National Centre for Statistics"), ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_name_classify("Ordre des M\xC3\xA9" "decins du Tchad"),
                     ECO_TYPE_CIVIL_SOCIETY);
    /* a possessive does not hide the body that owns the unit */
    assert_int_equal(eco_name_classify("UNDP\xE2\x80\x99s Bureau of External Relations"),
                     ECO_TYPE_INTERNATIONAL);
    assert_int_equal(eco_name_classify("UNDP's Crowdfunding Academy"), ECO_TYPE_INTERNATIONAL);
}

static void names_without_a_head_word_stay_unknown(void **state)
{
    static const example examples[] = {
        {"Thinkia", ECO_TYPE_UNKNOWN},
        {"Simplex", ECO_TYPE_UNKNOWN},
        {"Datalat", ECO_TYPE_UNKNOWN},
        {"Labour Day", ECO_TYPE_UNKNOWN},
        {"", ECO_TYPE_UNKNOWN},
        {NULL, ECO_TYPE_UNKNOWN}};
    (void)state;
    assert_types(examples);
    assert_int_equal(eco_name_classify(NULL), ECO_TYPE_UNKNOWN);
}

static void type_names_round_trip(void **state)
{
    (void)state;
    for (int t = 1; t < ECO_ACTOR_TYPE_COUNT; t++) {
        eco_actor_type parsed;
        assert_int_equal(eco_actor_type_from_name(&parsed, eco_actor_type_name((eco_actor_type)t)), 0);
        assert_int_equal(parsed, t);
    }
    assert_null(eco_actor_type_name(ECO_TYPE_UNKNOWN));
    eco_actor_type parsed;
    assert_int_equal(eco_actor_type_from_name(&parsed, "Civil Society"), 0);
    assert_int_equal(parsed, ECO_TYPE_CIVIL_SOCIETY);
    assert_int_equal(eco_actor_type_from_name(&parsed, "martian"), ECO_EDATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ministries_agencies_and_municipalities_are_government),
        cmocka_unit_test(labs_win_over_the_body_that_hosts_them),
        cmocka_unit_test(schools_and_universities_are_academia),
        cmocka_unit_test(foundations_and_associations_are_civil_society),
        cmocka_unit_test(un_bodies_and_development_banks_are_international),
        cmocka_unit_test(companies_are_private_unless_public),
        cmocka_unit_test(networks_in_four_languages),
        cmocka_unit_test(missions_boards_and_national_programmes_are_government),
        cmocka_unit_test(names_without_a_head_word_stay_unknown),
        cmocka_unit_test(type_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
