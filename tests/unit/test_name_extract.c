/* The name extractor: which spans of a sentence name organisations, and what it learns about
 * each (acronym, type, generic use). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hub.h"

static eco_i_mentions found;

static int teardown(void **state)
{
    (void)state;
    eco_i_mentions_free(&found);
    return 0;
}

/* The names found in text, joined with " | ". */
static const char *names(const char *text)
{
    static char joined[1024];
    eco_i_extractor x = {{eco_i_gazetteer(), NULL}, NULL, NULL, 0, NULL};
    size_t n = 0;

    eco_i_mentions_clear(&found);
    assert_int_equal(eco_i_find_mentions(&found, &x, text, strlen(text)), 0);
    joined[0] = '\0';
    for (size_t i = 0; i < found.count; i++)
        n += (size_t)snprintf(joined + n, sizeof(joined) - n, "%s%s", i ? " | " : "",
                              found.items[i].name);
    return joined;
}

static void head_words_make_names_in_four_languages(void **state)
{
    (void)state;
    assert_string_equal(names("It was managed by the Ministry of Economy, Development and "
                              "Tourism."), "Ministry of Economy, Development and Tourism");
    assert_string_equal(names("Firmó con la Secretaría de Salud y el Instituto Nacional de "
                              "Estadística."), "Secretaría de Salud | Instituto Nacional de Estadística");
    assert_string_equal(names("Avec le Ministère de la Santé Publique du Tchad."),
                        "Ministère de la Santé Publique du Tchad");
    assert_string_equal(names("We met the Hebron Leather and Shoe Cluster, the Emerging "
                              "Business Factory and the Gender Justice Initiative."),
                        "Hebron Leather and Shoe Cluster | Emerging Business Factory | "
                        "Gender Justice Initiative");
    /* a number of one or two digits after a name numbers it; a year or a figure does not */
    assert_string_equal(names("Avec l'Agence Territoriale de Développement Agricole du Pôle 7."),
                        "Agence Territoriale de Développement Agricole du Pôle 7");
    assert_string_equal(names("The Ministry of Planning 2030 agenda and the Medo Innovation Lab "
                              "2.5 report."), "Ministry of Planning | Medo Innovation Lab");
    /* French writes a ministry in small letters */
    assert_string_equal(names("En lien avec le ministère de l'Agriculture et le ministère de "
                              "la Santé."), "Ministère de l'Agriculture | Ministère de la Santé");
    assert_string_equal(names("Le ministère a signé."), "");
    /* a ministry named by what it is in charge of: four small words join its words */
    assert_string_equal(names("Un projet du Ministère en charge de l'Élevage."),
                        "Ministère en charge de l'Élevage");
    assert_string_equal(names("Em parceria com a Fundação Getulio Vargas."),
                        "Fundação Getulio Vargas");
    /* French, Spanish and Portuguese write a head word before the name's adjectives */
    assert_string_equal(names("Con la Pontificia Universidad Católica Argentina y la Agence "
                              "Française Développement Local."),
                        "Pontificia Universidad Católica Argentina | Agence Française "
                        "Développement Local");
    assert_string_equal(names("The Public Innovators Network met the Medo Innovation Lab."),
                        "Public Innovators Network | Medo Innovation Lab");
}

static void names_written_partly_in_small_letters(void **state)
{
    (void)state;
    /* a ministry or a university in small letters before "of" and a name, shown with the
     * capital a name starts with */
    assert_string_equal(names("We worked with the university of Hargeisa on the data."),
                        "University of Hargeisa");
    assert_string_equal(names("We collaborated with the ministry of Youth in Hargeisa."),
                        "Ministry of Youth");
    assert_string_equal(names("Puis avec l'université de Ouahigouya."), "Université de Ouahigouya");
    assert_string_equal(names("The ministry of the interior did not answer."), "");
    /* a remit in small letters after an adjective or "and" ends the name */
    assert_string_equal(names("It joined the Ministry of Higher education and the Agency for "
                              "Medium and Small-scaled enterprises."),
                        "Ministry of Higher education | Agency for Medium and Small-scaled "
                        "enterprises");
    assert_string_equal(names("Trainees came from the Ministry of Agriculture and environment."),
                        "Ministry of Agriculture and environment");
    assert_string_equal(names("Talks with the Ministry of Education staff went well."),
                        "Ministry of Education");
    assert_string_equal(names("We met the Ministry of the interior and the Ministry of "
                              "environment."),
                        "Ministry of the interior | Ministry of environment");
    assert_string_equal(names("We worked with the Crowdfunding Academy on finance."),
                        "Crowdfunding Academy");
    assert_string_equal(names("The Municipality of Lima works with the Ministry of Finance of "
                              "Chile."), "Municipality of Lima | Ministry of Finance of Chile");
    assert_string_equal(names("The Agency for Development of Ghana trade fair opened."),
                        "Agency for Development of Ghana");
    /* a head word in small letters after a capitalised word and up to two small words */
    assert_string_equal(names("With the Ministry of Blue Economy and the Zanzibar fisheries "
                              "institute."),
                        "Ministry of Blue Economy | Zanzibar fisheries institute");
    assert_string_equal(names("We built a Wi-Fi network for the town."), "");
    /* a possessive after the name's head word is no part of it */
    assert_string_equal(names("We met the King Saud University\xE2\x80\x99s team."),
                        "King Saud University");
    /* a known body's possessive before a name of its own unit is written as others do */
    assert_string_equal(names("We joined UNDP\xE2\x80\x99s Crowdfunding Academy."),
                        "UNDP Crowdfunding Academy");
    assert_string_equal(found.items[0].alias, "UNDP\xE2\x80\x99s Crowdfunding Academy");
    /* a plural's possessive is a word of the name */
    assert_string_equal(names("It works with the Seychelles Farmers' Association."),
                        "Seychelles Farmers' Association");
    /* sentences run together at a dot stay apart; a web name keeps its dot */
    assert_string_equal(names("It was written by the Universidad Nacional de las Artes.They met."),
                        "Universidad Nacional de las Artes");
}

/* A particle with a capital inside a sentence starts the name it precedes; at the start of a
 * sentence it is an article. */
static void particles_of_names_are_kept(void **state)
{
    (void)state;
    assert_string_equal(names("We worked with De La Salle University on the survey."),
                        "De La Salle University");
    assert_string_equal(names("Interviews with El Wafa Center staff went well."),
                        "El Wafa Center");
    assert_string_equal(names("La Universidad Nacional de Asunción joined."),
                        "Universidad Nacional de Asunción");
    /* an elided article typed with a space after its apostrophe is still one */
    assert_string_equal(names("Avec l'Association Verte et Protection de L' Environnement."),
                        "Association Verte et Protection de L' Environnement");
}

static void places_topics_and_shouted_words_are_no_bodies(void **state)
{
    (void)state;
    assert_string_equal(names("They sailed to Union Island and the Ferghana Valley."), "");
    assert_string_equal(names("It met the Mekong River Commission."), "Mekong River Commission");
    /* a head word and a word in -ing after it name an activity or an event */
    assert_string_equal(names("Trust Building and Network Building were led by the Alpha "
                              "Foundation."), "Alpha Foundation");
    /* and so do a word in -ing and what it acts on, but for a head word or an acronym */
    assert_string_equal(names("Signing MOUs with the Alpha Foundation took a year."),
                        "Alpha Foundation");
    assert_string_equal(names("We met the Mining Company of Zorbia."), "Mining Company of Zorbia");
    /* a long word in capitals that ends as nouns of ideas do is shouted, no acronym */
    assert_string_equal(names("Our partners are EDUCATION, INTEGRITY and UNICEF."),
                        "UNICEF");
    assert_string_equal(names("Our partners are SCALING, SDG7 and UNICEF."), "UNICEF");
    /* the jargon of development work, file formats and pollutants are topics, no acronyms */
    assert_string_equal(names("Work on DRR, HIV, TVET and SWOT with UNICEF."), "UNICEF");
    assert_string_equal(names("Files in MP3 and AVI on PM10 and NO2 from UNICEF."), "UNICEF");
}

/* A name ends at its head word, or at the area of the state it names, when capitals run on
 * into another name. */
static void names_run_together_part_at_a_head_or_an_area(void **state)
{
    (void)state;
    assert_string_equal(names("Maroc Numeric Cluster Zorbix Emerging Business Factory"),
                        "Maroc Numeric Cluster | Zorbix Emerging Business Factory");
    assert_string_equal(names("Food waste mapping in Waterburg District World Wide Fund for "
                              "Nature - Behaviour change campaign"),
                        "World Wide Fund for Nature");
}

/* A university named by its city keeps "in" and the city: they are part of its name. */
static void a_university_s_city_is_part_of_its_name(void **state)
{
    (void)state;
    assert_string_equal(names("Interviews at Zorbix University in Tashkent and the Ministry of "
                              "Labour."), "Zorbix University in Tashkent | Ministry of Labour");
    assert_string_equal(names("ZORBIX V UNIVERSITY IN RABAT"), "ZORBIX V UNIVERSITY IN RABAT");
    /* after no name, "in" says where a university is */
    assert_string_equal(names("We met the University in Lusaka."), "");
    assert_string_equal(names("We met UNICEF in Lusaka."), "UNICEF");
}

/* "The" after a capitalised word opens a new name where the text left out a full stop. */
static void the_in_capitals_opens_a_name(void **state)
{
    (void)state;
    assert_string_equal(names("Technological University of Panama The Center of Hydraulic "
                              "Studies joined."),
                        "Technological University of Panama | Center of Hydraulic Studies");
    /* after a connector it is the name's own article */
    assert_string_equal(names("We met the University of The West Indies."),
                        "University of The West Indies");
}

/* Museums, hospitals, clubs, unions and the collectives of four languages are bodies. */
static void museums_clubs_unions_and_collectives_are_bodies(void **state)
{
    (void)state;
    assert_string_equal(names("We met the Silesian Museum, the Coordinadora de Organizaciones "
                              "del Bañado and the Escola do Mar."),
                        "Silesian Museum | Coordinadora de Organizaciones del Bañado | "
                        "Escola do Mar");
    assert_string_equal(names("Trabajamos con el Club Atlético Rivera y el Sindicato de "
                              "Trabajadoras Domésticas."),
                        "Club Atlético Rivera | Sindicato de Trabajadoras Domésticas");
    /* "collective" in English is as often what a method is */
    assert_string_equal(names("We used Collective Intelligence methods."), "");
}

/* A country's name before a body's words begins a name; its people's adjective describes. */
static void a_country_before_a_body_begins_its_name(void **state)
{
    (void)state;
    assert_string_equal(names("We interviewed the Fiji Women Fund on their grants."),
                        "Fiji Women Fund");
    assert_string_equal(names("We interviewed the Fijian Women Fund on their grants."), "");
}

/* A bracket after a noun for organisations names them, as "such as" would. */
static void a_bracket_after_a_noun_for_organisations_names_them(void **state)
{
    (void)state;
    assert_string_equal(names("We partnered with a social club (Club Centenario) to find them."),
                        "Club Centenario");
    assert_string_equal(names("The winners were two individuals/companies (Riversdale Dairy "
                              "and Tobago Youth Bicycle Trails)."),
                        "Riversdale Dairy | Tobago Youth Bicycle Trails");
    /* after another noun, a bracket holds what the noun is */
    assert_string_equal(names("We mapped two rivers (Rio Verde and Rio Claro)."), "");
}

/* Examples of a noun for organisations are organisations, one word each as well; a place
 * after a slash in a name's complement is none. */
static void examples_of_a_noun_for_organisations_are_names_of_one_word_too(void **state)
{
    (void)state;
    assert_string_equal(names("We partnered with local startups including Davaam, Zorbix and "
                              "LUMS."),
                        "Davaam | Zorbix | LUMS");
    assert_string_equal(names("We visited places such as Davaam and Zorbix."), "");
    assert_string_equal(names("It helps laboratories (like the Experimental Lab of the City "
                              "Council of Loule/Algarve) to start."),
                        "Experimental Lab of the City Council of Loule");
}

/* Partnerships and collaborations announce their partners, in the plural as well. */
static void partnerships_with_announce_names(void **state)
{
    (void)state;
    assert_string_equal(names("We secured strategic partnerships with Zorbix Education "
                              "(Kazakhstan), IT Park (Uzbekistan) and Quantix Era (Ukraine)."),
                        "Zorbix Education | IT Park | Quantix Era");
    assert_string_equal(names("We collaborated with Zorbix Education on the survey."),
                        "Zorbix Education");
}

/* A list that a bracket interrupts goes on naming what it named before the bracket. */
static void a_list_goes_on_after_a_bracket(void **state)
{
    (void)state;
    assert_string_equal(names("We work with organisations such as Keur Thiossane (Fab Lab), "
                              "OpenStreetMap Senegal and GRET."),
                        "Keur Thiossane | Fab Lab | OpenStreetMap Senegal | GRET");
    /* and examples of something else stay so */
    assert_string_equal(names("We visited cities such as Dakar (Senegal), Thies Region."), "");
}

/* An initial's dot inside a name is no end of it. */
static void an_initial_inside_a_name_keeps_the_name_whole(void **state)
{
    (void)state;
    assert_string_equal(names("Intellysis D. Corp is the developer of the platform."),
                        "Intellysis D. Corp");
}

/* A legal form after a comma ends the company's name before it; alone it names nothing. */
static void a_legal_form_after_a_comma_ends_the_name(void **state)
{
    (void)state;
    assert_string_equal(names("Zorbotics, Lda, a private company, built the drones."),
                        "Zorbotics, Lda");
    assert_string_equal(names("We hired Zorbix Ltd and Acme Widgets, Inc."),
                        "Zorbix Ltd | Acme Widgets, Inc");
    /* after a comma, a capitalised word that is no legal form is the next item */
    assert_string_equal(names("We met Zorbix Institute, Acme Foundation and UNICEF."),
                        "Zorbix Institute | Acme Foundation | UNICEF");
}

static void lists_and_modifiers_share_a_head(void **state)
{
    (void)state;
    assert_string_equal(names("It works with the Tax and Customs Authority."),
                        "Tax and Customs Authority");
    assert_string_equal(names("They met the Commission for Citizenship and Gender Equality, the "
                              "High Commissioner for Migration and the National Institute for "
                              "Rehabilitation."),
                        "Commission for Citizenship and Gender Equality | High Commissioner for "
                        "Migration | National Institute for Rehabilitation");
}

static void acronyms_defined_in_the_text_are_aliases(void **state)
{
    (void)state;
    assert_string_equal(names("Taxpayers and the Tax and Customs Authority (AT) talked."),
                        "Tax and Customs Authority");
    assert_string_equal(found.items[0].alias, "AT");
    assert_true(found.items[0].acronym_defined);
    /* acronyms coined of capitals and small letters, but no acronym's plural */
    assert_string_equal(names("The Zorbian Meteorological Agency (ZiMET) warned."),
                        "Zorbian Meteorological Agency");
    assert_string_equal(found.items[0].alias, "ZiMET");
    assert_string_equal(names("The Ministry of Zorbian Waters (MoZW) met."),
                        "Ministry of Zorbian Waters");
    assert_string_equal(found.items[0].alias, "MoZW");
    assert_string_equal(names("The Zorbia Business Council (SMEs) met."), "Zorbia Business Council");
    assert_null(found.items[0].alias);
    /* a known body in brackets is a second name, not an acronym */
    assert_string_equal(names("A kit made in partnership with OPSI (OECD)."), "OPSI | OECD");
    assert_null(found.items[0].alias);
}

static void appositions_give_the_long_form(void **state)
{
    (void)state;
    assert_string_equal(names("It helped LxLEM – Experimentation Municipal Lab of the City Council "
                              "of Lisbon to start."), "LxLEM");
    assert_string_equal(found.items[0].alias,
                        "LxLEM – Experimentation Municipal Lab of the City Council of Lisbon");
    assert_int_equal(found.items[0].type, ECO_TYPE_LAB);
    assert_string_equal(names("Organisation name AMA – Administrative Modernisation Agency"),
                        "Administrative Modernisation Agency");
    assert_string_equal(found.items[0].alias, "AMA");
    /* a kind of body alone before the dash says what the name after it is */
    assert_string_equal(names("One Bank - Zambia National Commercial Bank - is part of the "
                              "steering committee."), "Zambia National Commercial Bank");
    assert_null(found.items[0].alias);
}

static void gazetteer_names_and_coined_lab_names(void **state)
{
    (void)state;
    assert_string_equal(names("Training was promoted by NESTA and the World Bank."),
                        "NESTA | World Bank");
    assert_int_equal(found.items[0].known->type, ECO_TYPE_CIVIL_SOCIETY);
    assert_string_equal(found.items[0].known->country, "United Kingdom");
    assert_string_equal(names("We worked with the OECD's Observatory of Public Sector Innovation."),
                        "OECD's Observatory of Public Sector Innovation");
    assert_string_equal(found.items[0].known->name, "OECD Observatory of Public Sector Innovation");
    assert_string_equal(names("So far, LabX has run 25 projects with Santalab."), "LabX | Santalab");
}

static void sector_labels_in_brackets_type_the_names_before_them(void **state)
{
    (void)state;
    assert_string_equal(names("The team has Datalat and OpenlabEc (civil society)."),
                        "Datalat | OpenlabEc");
    assert_int_equal(found.items[0].type, ECO_TYPE_CIVIL_SOCIETY);
    assert_int_equal(found.items[1].type, ECO_TYPE_CIVIL_SOCIETY);
}

static void generic_phrases_topics_and_places_are_not_names(void **state)
{
    (void)state;
    assert_string_equal(names("The Government and civil society organisations met."), "");
    assert_string_equal(names("Public entities and the National Government agreed."), "");
    assert_string_equal(names("Government laboratories in Latin America use AI and SDG data."), "");
    assert_string_equal(names("The Behavioural Study for the Waste Charity Movement ended."), "");
    assert_string_equal(names("Portugal and Ecuador signed in January."), "");
    assert_string_equal(names("The Laboratory was created in 2014."), "");
}

/* A capitalised word after "of" names what a body is for, however common the word:
 * "the Ministry" alone is generic, "the Ministry of Youth" is one ministry. */
static void a_complement_in_capitals_makes_a_generic_head_a_name(void **state)
{
    (void)state;
    assert_string_equal(names("We worked with the Ministry of Youth on this."), "Ministry of Youth");
    assert_string_equal(names("We worked with the Ministry of Local Government on this."),
                        "Ministry of Local Government");
    assert_string_equal(names("We worked with the Department of Social Development."),
                        "Department of Social Development");
    assert_string_equal(names("We worked with the Ministry and local government."), "");
    /* a "Secretary" is as often the person: a country makes it the body */
    assert_string_equal(names("We met the Secretary of Women who works on it."), "");
    assert_string_equal(names("We met the Secretary of Women of Peru."), "Secretary of Women of Peru");
}

static void a_person_s_post_is_no_body(void **state)
{
    (void)state;
    assert_string_equal(names("The Member of Parliament for Ketu South is an influencer."), "");
    assert_string_equal(names("An Advisor to the Ministry of Health joined."),
                        "Ministry of Health");
}

static void a_name_used_as_a_common_noun_is_marked_generic(void **state)
{
    (void)state;
    assert_string_equal(names("They set up a Water Innovation Lab."), "Water Innovation Lab");
    assert_true(found.items[0].generic);
    assert_string_equal(names("Then the Water Innovation Lab opened."), "Water Innovation Lab");
    assert_false(found.items[0].generic);
}

static void announced_acronyms_are_names(void **state)
{
    (void)state;
    assert_string_equal(names("The lab works together with EPICO and the Ombudsman's Office."),
                        "EPICO | Ombudsman's Office");
    assert_string_equal(names("The pilot was run together with Mottum."), "");
    /* a colon announces as well after a space, as French writes it */
    assert_string_equal(names("New to the list of partners : ZRBX, daily collectors."), "ZRBX");
    assert_string_equal(names("Nos partenaires : ZRBX et KLPA."), "ZRBX | KLPA");
}

static void examples_of_other_things_are_not_organisations(void **state)
{
    (void)state;
    /* the noun before "such as" or "e.g." says what the examples are */
    assert_string_equal(names("Congestion grew in urban areas such as Port of Spain and San "
                              "Fernando."), "");
    assert_string_equal(names("Which indices (e.g. NDVI, EVI, MSAVI) correlate best?"), "");
    assert_string_equal(names("Experts such as Maria Lopez and John Smith spoke."), "");
    assert_string_equal(names("It is managed by Rebecca Santos, an advisor with the Ministry of "
                              "Economy."), "Ministry of Economy");
    assert_string_equal(names("The pilot was led by Dr. Ana Ruiz."), "");
    assert_string_equal(names("Partners such as Code for Africa and ACME joined."),
                        "Code for Africa | ACME");
    assert_string_equal(names("Many entities work on this, like SIRC, SAGO and SFDA."),
                        "SIRC | SAGO | SFDA");
    /* a plural acronym names a kind of organisation: "ESOs", "SMEs", "CSOs" */
    assert_string_equal(names("We work with ESOs like Makers Asylum."), "Makers Asylum");
    /* "including", "namely" and their French and Spanish kin say what the examples are too */
    assert_string_equal(names("We partnered with local startups including Zorbam Verde."),
                        "Zorbam Verde");
    assert_string_equal(names("Il collabore avec des organisations telles que Zorbam Verde."),
                        "Zorbam Verde");
    assert_string_equal(names("We visited cities including Zorbam Verde and Kivoo Azul."), "");
    assert_string_equal(names("Visitamos ciudades como Zorbam Verde."), "");
    /* a head word or a known name is an organisation whatever the list */
    assert_string_equal(names("Cities such as Lisbon and the Municipality of Porto took part."),
                        "Municipality of Porto");
}

static void web_addresses_and_words_holding_lab_are_not_names(void **state)
{
    (void)state;
    assert_string_equal(names("See https://smn.example.org/Seguimiento/MSM20240630.pdf and "
                              "www.Example.org/LabX for the data."), "");
    assert_string_equal(names("Scalability and Replicability. Available at the office."), "");
    assert_string_equal(names("We met GovLab, Santalab and OpenlabEC."), "GovLab | Santalab | OpenlabEC");
}

static void sector_labels_read_in_several_languages(void **state)
{
    (void)state;
    assert_int_equal(eco_i_sector_type("Private Sector", 14), ECO_TYPE_PRIVATE);
    assert_int_equal(eco_i_sector_type("academia", 8), ECO_TYPE_ACADEMIA);
    assert_int_equal(eco_i_sector_type("ONG", 3), ECO_TYPE_CIVIL_SOCIETY);
    assert_int_equal(eco_i_sector_type("Secteur public", 14), ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_i_sector_type("UN agency", 9), ECO_TYPE_INTERNATIONAL);
    assert_int_equal(eco_i_sector_type("open data", 9), ECO_TYPE_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(head_words_make_names_in_four_languages, teardown),
        cmocka_unit_test_teardown(names_written_partly_in_small_letters, teardown),
        cmocka_unit_test_teardown(particles_of_names_are_kept, teardown),
        cmocka_unit_test_teardown(places_topics_and_shouted_words_are_no_bodies, teardown),
        cmocka_unit_test_teardown(names_run_together_part_at_a_head_or_an_area, teardown),
        cmocka_unit_test_teardown(a_university_s_city_is_part_of_its_name, teardown),
        cmocka_unit_test_teardown(the_in_capitals_opens_a_name, teardown),
        cmocka_unit_test_teardown(museums_clubs_unions_and_collectives_are_bodies, teardown),
        cmocka_unit_test_teardown(a_country_before_a_body_begins_its_name, teardown),
        cmocka_unit_test_teardown(a_bracket_after_a_noun_for_organisations_names_them, teardown),
        cmocka_unit_test_teardown(examples_of_a_noun_for_organisations_are_names_of_one_word_too,
                                  teardown),
        cmocka_unit_test_teardown(partnerships_with_announce_names, teardown),
        cmocka_unit_test_teardown(a_list_goes_on_after_a_bracket, teardown),
        cmocka_unit_test_teardown(an_initial_inside_a_name_keeps_the_name_whole, teardown),
        cmocka_unit_test_teardown(a_legal_form_after_a_comma_ends_the_name, teardown),
        cmocka_unit_test_teardown(lists_and_modifiers_share_a_head, teardown),
        cmocka_unit_test_teardown(acronyms_defined_in_the_text_are_aliases, teardown),
        cmocka_unit_test_teardown(appositions_give_the_long_form, teardown),
        cmocka_unit_test_teardown(gazetteer_names_and_coined_lab_names, teardown),
        cmocka_unit_test_teardown(sector_labels_in_brackets_type_the_names_before_them, teardown),
        cmocka_unit_test_teardown(generic_phrases_topics_and_places_are_not_names, teardown),
        cmocka_unit_test_teardown(a_complement_in_capitals_makes_a_generic_head_a_name, teardown),
        cmocka_unit_test_teardown(a_person_s_post_is_no_body, teardown),
        cmocka_unit_test_teardown(a_name_used_as_a_common_noun_is_marked_generic, teardown),
        cmocka_unit_test_teardown(announced_acronyms_are_names, teardown),
        cmocka_unit_test_teardown(examples_of_other_things_are_not_organisations, teardown),
        cmocka_unit_test_teardown(web_addresses_and_words_holding_lab_are_not_names, teardown),
        cmocka_unit_test(sector_labels_read_in_several_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
