/* Entity resolution across records: one body under several names becomes one actor, bodies
 * of different countries never do, and a user's alias file has the last word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "hub.h"

static eco_graph *g;

static int setup(void **state)
{
    (void)state;
    return eco_graph_new(&g);
}

static int teardown(void **state)
{
    (void)state;
    eco_graph_free(g);
    g = NULL;
    return 0;
}

static size_t add(const char *name, eco_actor_type type, const char *country)
{
    size_t i;
    assert_int_equal(eco_graph_add_actor(&i, g, NULL, name, type, country), 0);
    return i;
}

/* The warnings resolution gave, one a line. */
static char told[1024];

static void tell(const eco_error *warning, void *context)
{
    (void)context;
    size_t n = strlen(told);
    snprintf(told + n, sizeof(told) - n, "%s\n", warning->text);
}

/* Resolves the hand-built g as an importer's finish does, with opt's alias file. */
static void resolve(const eco_import_options *opt)
{
    eco_error err = {0};
    eco_i_lexicon *aliases = NULL;
    eco_import_options told_to = {0};
    if (opt && opt->aliases)
        assert_int_equal(eco_i_aliases_load(&aliases, opt->aliases, &err), 0);
    told_to.warn = tell;
    told[0] = '\0';
    assert_int_equal(
        eco_i_resolve(g, NULL, aliases, opt ? opt->aliases : NULL, NULL, &told_to, &err), 0);
    eco_i_lexicon_free(aliases);
}

static const char *canonical(const char *name, const char *country)
{
    size_t i;
    assert_int_equal(eco_graph_find_actor(&i, g, name, country), 0);
    return eco_graph_actor(g, i)->name;
}

static void an_acronym_one_record_defines_merges_the_actor_another_names_by_it(void **state)
{
    (void)state;
    size_t a = add("Agency for Administrative Modernisation", ECO_TYPE_GOVERNMENT, "Portugal");
    assert_int_equal(eco_graph_add_alias(g, a, "AMA"), 0);
    add("AMA", ECO_TYPE_UNKNOWN, "Portugal");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 1);
    assert_string_equal(canonical("AMA", "Portugal"), "Agency for Administrative Modernisation");
}

static size_t add_in(const char *name, const char *country, const char *record)
{
    size_t i = add(name, ECO_TYPE_UNKNOWN, country);
    assert_int_equal(eco_graph_add_actor_record(g, i, record), 0);
    return i;
}

static void an_acronym_spelling_the_initials_of_a_name_in_its_record_is_that_body(void **state)
{
    (void)state;
    add_in("Ministry of Natural Resources and Environment", "Samoa", "plan.md");
    add_in("MNRE", "Samoa", "plan.md");
    add_in("Minist\xC3\xA8re de la Justice et des Droits de l'Homme", "Ivory Coast", "justice.md");
    add_in("MJDH", "Ivory Coast", "justice.md");
    /* initials alone, met in another record, are no proof */
    add_in("National Research Agency", "Chad", "one.md");
    add_in("NRA", "Chad", "two.md");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 4);
    assert_string_equal(canonical("MNRE", "Samoa"), "Ministry of Natural Resources and Environment");
    assert_string_equal(canonical("MJDH", "Ivory Coast"),
                        "Minist\xC3\xA8re de la Justice et des Droits de l'Homme");
    assert_string_equal(canonical("NRA", "Chad"), "NRA");
}

static void a_numbered_acronym_spells_the_initials_before_its_unit_and_number(void **state)
{
    (void)state;
    add_in("Agence Territoriale de D\xC3\xA9veloppement Agricole du P\xC3\xB4le 7", "Benin",
           "plan.md");
    add_in("ATDA 7", "Benin", "plan.md");
    add_in("Agence Territoriale de D\xC3\xA9veloppement Agricole du P\xC3\xB4le 8", "Benin",
           "plan.md");
    add_in("ATDA 9", "Benin", "plan.md"); /* no agency of that number in the record */
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_string_equal(canonical("ATDA 7", "Benin"),
                        "Agence Territoriale de D\xC3\xA9veloppement Agricole du P\xC3\xB4le 7");
    assert_string_equal(canonical("ATDA 9", "Benin"), "ATDA 9");
}

static int an_actor_is_named(const char *name)
{
    for (size_t i = 0; i < eco_graph_actor_count(g); i++)
        if (strcmp(eco_graph_actor(g, i)->name, name) == 0)
            return 1;
    return 0;
}

static void ministries_one_record_names_with_the_same_first_portfolio_are_one(void **state)
{
    (void)state;
    add_in("Ministry of Housing and Utilities", "Belarus", "plan.md");
    add_in("Ministry of Housing and Municipal Services", "Belarus", "plan.md");
    add_in("Ministerio de Vivienda", "Colombia", "vivienda.md");
    add_in("Ministerio de Vivienda, Ciudad y Territorio", "Colombia", "vivienda.md");
    add_in("Minist\xC3\xA8re de l\xE2\x80\x99" "Agriculture, de l\xE2\x80\x99" "Elevage et de la "
           "P\xC3\xAA" "che", "Benin", "agriculture.md");
    add_in("Minist\xC3\xA8re en charge de l'Agriculture", "Benin", "agriculture.md");
    /* another portfolio leads, or another record names it: no proof of one body */
    add_in("Ministry of Higher Education", "Belarus", "plan.md");
    add_in("Ministry of Education", "Belarus", "plan.md");
    add_in("Ministry of Housing and Construction", "Belarus", "other.md");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 6);
    assert_string_equal(canonical("Minist\xC3\xA8re en charge de l'Agriculture", "Benin"),
                        canonical("Minist\xC3\xA8re de l\xE2\x80\x99" "Agriculture, de "
                                  "l\xE2\x80\x99" "Elevage et de la P\xC3\xAA" "che",
                                  "Benin"));
    assert_string_equal(canonical("Ministry of Housing and Municipal Services", "Belarus"),
                        canonical("Ministry of Housing and Utilities", "Belarus"));
    assert_string_equal(canonical("Ministerio de Vivienda", "Colombia"),
                        canonical("Ministerio de Vivienda, Ciudad y Territorio", "Colombia"));
    assert_true(an_actor_is_named("Ministry of Higher Education"));
    assert_true(an_actor_is_named("Ministry of Education"));
    assert_true(an_actor_is_named("Ministry of Housing and Construction"));
}

static void an_acronym_of_no_country_joins_only_a_body_its_record_names(void **state)
{
    (void)state;
    size_t space = add_in("Canadian Space Agency", NULL, "space.md");
    assert_int_equal(eco_graph_add_alias(g, space, "CSA"), 0);
    add_in("CSA", NULL, "cyber.md"); /* another record, no country: no proof */
    size_t academy = add_in("Royal Academy of Engineering", NULL, "academy.md");
    assert_int_equal(eco_graph_add_alias(g, academy, "RAE"), 0);
    add_in("RAE", NULL, "academy.md"); /* the record that defined it */
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_true(an_actor_is_named("CSA"));
    assert_false(an_actor_is_named("RAE"));
    assert_string_equal(canonical("RAE", NULL), "Royal Academy of Engineering");
}

static void an_acronym_two_bodies_hold_is_told_and_joins_neither(void **state)
{
    (void)state;
    size_t agency = add_in("Eswatini Investment Promotion Authority", "Eswatini", "a.md");
    size_t institute = add_in("Eswatini Institute of Public Administration", "Eswatini", "b.md");
    assert_int_equal(eco_graph_add_alias(g, agency, "EIPA"), 0);
    assert_int_equal(eco_graph_add_alias(g, institute, "EIPA"), 0);
    add_in("EIPA", "Eswatini", "c.md");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_true(an_actor_is_named("EIPA"));
    assert_non_null(strstr(told, "\"EIPA\" is an acronym of"));
    assert_non_null(strstr(told, "joined to neither"));
}

static void an_acronym_that_starts_one_longer_name_of_its_record_is_that_body(void **state)
{
    (void)state;
    add_in("MAJAL Berkane Local Development Company", "Morocco", "city.md");
    add_in("MAJAL", "Morocco", "city.md");
    /* two names of the record start with it: it is no one's */
    add_in("ACME Water Services Board", "Kenya", "water.md");
    add_in("ACME Water Services Trust", "Kenya", "water.md");
    add_in("ACME", "Kenya", "water.md");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 4);
    assert_false(an_actor_is_named("MAJAL"));
    assert_true(an_actor_is_named("ACME"));
}

static void a_company_is_one_with_or_without_its_legal_form(void **state)
{
    (void)state;
    add_in("URECA LLC", "Mongolia", "a.md");
    add_in("URECA", "Mongolia", "b.md");
    add_in("Acme Ltd.", "Kenya", "a.md");
    add_in("Acme", "Peru", "b.md"); /* another country: another company */
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_string_equal(canonical("URECA", "Mongolia"), canonical("URECA LLC", "Mongolia"));
}

static void a_name_carrying_its_country_joins_the_body_in_any_word_order(void **state)
{
    (void)state;
    add("Directorate for Public Procurement of the Republic of Slovenia", ECO_TYPE_GOVERNMENT,
        "Slovenia");
    add("Slovenian Directorate for Public Procurement", ECO_TYPE_GOVERNMENT, "Slovenia");
    add("Slovenian Public Procurement Directorate", ECO_TYPE_GOVERNMENT, "Slovenia");
    add("Ministry of Health of Portugal", ECO_TYPE_GOVERNMENT, "Portugal");
    add("Ministry of Health", ECO_TYPE_GOVERNMENT, "Portugal");
    add("Ministry of Health", ECO_TYPE_GOVERNMENT, "Chile"); /* Chile's stays Chile's */
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_string_equal(canonical("Slovenian Public Procurement Directorate", "Slovenia"),
                        canonical("Slovenian Directorate for Public Procurement", "Slovenia"));
    assert_string_equal(
        canonical("Directorate for Public Procurement of the Republic of Slovenia", "Slovenia"),
        canonical("Slovenian Directorate for Public Procurement", "Slovenia"));
    assert_string_equal(canonical("Ministry of Health of Portugal", "Portugal"),
                        canonical("Ministry of Health", "Portugal"));
}

static void plurals_of_one_name_in_one_country_join(void **state)
{
    (void)state;
    add("Ministry of Youth and Sport", ECO_TYPE_GOVERNMENT, "Belarus");
    add("Ministry of Youth and Sports", ECO_TYPE_GOVERNMENT, "Belarus");
    add("Ministry of Youth and Sports", ECO_TYPE_GOVERNMENT, "Chile");
    add("Business Analysis Campus", ECO_TYPE_ACADEMIA, "Chile"); /* an s that is no plural */
    add("Business Analysi Campu", ECO_TYPE_ACADEMIA, "Chile");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 4);
    assert_string_equal(canonical("Ministry of Youth and Sport", "Belarus"),
                        canonical("Ministry of Youth and Sports", "Belarus"));
}

static void a_demonym_names_the_same_body_in_its_country(void **state)
{
    (void)state;
    add("Tax and Customs Authority", ECO_TYPE_GOVERNMENT, "Portugal");
    add("Portuguese Tax and Customs Authority", ECO_TYPE_GOVERNMENT, "Portugal");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 1);
}

static void a_shorter_form_of_a_long_name_merges_into_it(void **state)
{
    (void)state;
    add("Secretariat of Higher Education, Science, Technology and Innovation",
        ECO_TYPE_GOVERNMENT, "Ecuador");
    add("Secretariat of Higher Education and Innovation", ECO_TYPE_GOVERNMENT, "Ecuador");
    add("Administrative Modernisation Agency", ECO_TYPE_GOVERNMENT, "Portugal");
    add("Agency for Administrative Modernisation", ECO_TYPE_GOVERNMENT, "Portugal");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 2);
    assert_string_equal(canonical("Secretariat of Higher Education and Innovation", "Ecuador"),
                        "Secretariat of Higher Education, Science, Technology and Innovation");
}

static void shorter_forms_merge_however_many_actors_the_map_holds(void **state)
{
    (void)state;
    /* A national map: thousands of bodies, and two pairs far apart among them. */
    add("Secretariat of Higher Education and Innovation", ECO_TYPE_GOVERNMENT, "Ecuador");
    for (size_t i = 0; i < 6000; i++) {
        char name[64];
        snprintf(name, sizeof(name), "Agency %zu for Rural Water and Roads", i);
        add(name, ECO_TYPE_GOVERNMENT, i % 2 ? "Ecuador" : "Chile");
    }
    add("Administrative Modernisation Agency", ECO_TYPE_GOVERNMENT, "Portugal");
    add("Secretariat of Higher Education, Science, Technology and Innovation",
        ECO_TYPE_GOVERNMENT, "Ecuador");
    add("Agency for Administrative Modernisation", ECO_TYPE_GOVERNMENT, "Portugal");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 6002);
    assert_string_equal(canonical("Secretariat of Higher Education and Innovation", "Ecuador"),
                        "Secretariat of Higher Education, Science, Technology and Innovation");
    /* the same words in another order: the longer spelling is kept */
    assert_string_equal(canonical("Administrative Modernisation Agency", "Portugal"),
                        "Agency for Administrative Modernisation");
}

static void head_words_of_other_languages_meet(void **state)
{
    (void)state;
    add("School of Government of the High Studies Institute", ECO_TYPE_ACADEMIA, "Ecuador");
    add("School of Government of the Instituto de High Studies", ECO_TYPE_ACADEMIA, "Ecuador");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 1);
}

static void bodies_of_different_countries_stay_apart(void **state)
{
    (void)state;
    add("Ministry of Education", ECO_TYPE_GOVERNMENT, "Chile");
    add("Ministry of Education", ECO_TYPE_GOVERNMENT, "Portugal");
    add("National Institute of Statistics and Census", ECO_TYPE_GOVERNMENT, "Chile");
    add("National Institute of Statistics", ECO_TYPE_GOVERNMENT, "Peru");
    size_t a = add("Agency for Digital Government", ECO_TYPE_GOVERNMENT, "Chile");
    assert_int_equal(eco_graph_add_alias(g, a, "ADG"), 0);
    add("ADG", ECO_TYPE_UNKNOWN, "Peru");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 6);
}

static void short_generic_names_are_not_merged_into_longer_ones(void **state)
{
    (void)state;
    add("Ministry of Education", ECO_TYPE_GOVERNMENT, "Chile");
    add("Ministry of Education and Culture", ECO_TYPE_GOVERNMENT, "Chile");
    resolve(NULL);
    assert_int_equal(eco_graph_actor_count(g), 2);
}

static char alias_path[64];

static const char *write_aliases(const char *text)
{
    int fd;
    snprintf(alias_path, sizeof(alias_path), "/tmp/ecomap-aliases-XXXXXX");
    assert_true((fd = mkstemp(alias_path)) >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return alias_path;
}

static void the_alias_file_merges_renames_and_types(void **state)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    (void)state;
    add("Senescyt", ECO_TYPE_UNKNOWN, "Ecuador");
    add("Secretariat of Higher Education, Science, Technology and Innovation",
        ECO_TYPE_GOVERNMENT, "Ecuador");
    /* a comma inside a name needs CSV quotes */
    opt.aliases = write_aliases("alias,canonical,type,country\n\"Secretariat of Higher Education, "
                                "Science, Technology and Innovation\",Senescyt,government,"
                                "Ecuador\n");
    resolve(&opt);
    unlink(alias_path);
    assert_int_equal(eco_graph_actor_count(g), 1);
    size_t i;
    assert_int_equal(eco_graph_find_actor(&i, g, "Senescyt", "Ecuador"), 0);
    assert_string_equal(eco_graph_actor(g, i)->name, "Senescyt");
    assert_int_equal(eco_graph_actor(g, i)->type, ECO_TYPE_GOVERNMENT);
}

static void names_in_the_alias_file_are_recognised_in_records(void **state)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_error err = {0};
    static const char text[] = "# Notes\n\nThe pilot was funded by Kiva Trust Partners.\n";
    size_t i;
    (void)state;
    opt.aliases = write_aliases("Kiva Trust Partners,Kiva,civil_society\n");
    eco_graph_free(g);
    g = NULL;
    assert_int_equal(eco_import_buffer(&g, text, sizeof(text) - 1, "n.md", &opt, &err), 0);
    unlink(alias_path);
    assert_int_equal(eco_graph_find_actor(&i, g, "Kiva", NULL), 0);
    assert_int_equal(eco_graph_actor(g, i)->type, ECO_TYPE_CIVIL_SOCIETY);
}

static void a_bad_alias_file_is_an_error_that_names_its_line(void **state)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_importer *imp = NULL;
    eco_error err = {0};
    (void)state;
    opt.aliases = write_aliases("alias,canonical,type\nX,Y,charity\n");
    assert_int_equal(eco_importer_new(&imp, &opt, &err), ECO_EDATA);
    assert_null(imp);
    unlink(alias_path);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.text, "charity"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            an_acronym_one_record_defines_merges_the_actor_another_names_by_it, setup, teardown),
        cmocka_unit_test_setup_teardown(
            an_acronym_spelling_the_initials_of_a_name_in_its_record_is_that_body, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            a_numbered_acronym_spells_the_initials_before_its_unit_and_number, setup, teardown),
        cmocka_unit_test_setup_teardown(
            ministries_one_record_names_with_the_same_first_portfolio_are_one, setup, teardown),
        cmocka_unit_test_setup_teardown(
            an_acronym_of_no_country_joins_only_a_body_its_record_names, setup, teardown),
        cmocka_unit_test_setup_teardown(an_acronym_two_bodies_hold_is_told_and_joins_neither,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            an_acronym_that_starts_one_longer_name_of_its_record_is_that_body, setup, teardown),
        cmocka_unit_test_setup_teardown(a_company_is_one_with_or_without_its_legal_form, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            a_name_carrying_its_country_joins_the_body_in_any_word_order, setup, teardown),
        cmocka_unit_test_setup_teardown(plurals_of_one_name_in_one_country_join, setup, teardown),
        cmocka_unit_test_setup_teardown(a_demonym_names_the_same_body_in_its_country, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_shorter_form_of_a_long_name_merges_into_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(shorter_forms_merge_however_many_actors_the_map_holds,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(head_words_of_other_languages_meet, setup, teardown),
        cmocka_unit_test_setup_teardown(bodies_of_different_countries_stay_apart, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(short_generic_names_are_not_merged_into_longer_ones,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(the_alias_file_merges_renames_and_types, setup, teardown),
        cmocka_unit_test_setup_teardown(names_in_the_alias_file_are_recognised_in_records, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_bad_alias_file_is_an_error_that_names_its_line, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
