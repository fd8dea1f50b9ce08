/* The readers of each record kind: what they take from a record's structure, and that each
 * kind is told from its content. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hub.h"
#include "rules_import.h"

static eco_graph *g;

static int setup(void **state)
{
    (void)state;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    eco_graph_free(g);
    g = NULL;
    return 0;
}

/* Imports text as the map g, replacing the one before. */
static void import(const char *text, const char *source)
{
    eco_error err = {0};
    eco_graph_free(g);
    g = NULL;
    assert_int_equal(import_by_rules(&g, text, strlen(text), source, &err), 0);
}

static size_t actor(const char *name, const char *country)
{
    size_t i;
    assert_int_equal(eco_graph_find_actor(&i, g, name, country), 0);
    return i;
}

static int tied(size_t a, size_t b, eco_tie_kind kind)
{
    size_t t;
    return eco_graph_find_tie(&t, g, a, b, kind) == 0;
}

static size_t tie_of(size_t a, size_t b, eco_tie_kind kind)
{
    size_t t;
    assert_int_equal(eco_graph_find_tie(&t, g, a, b, kind), 0);
    return t;
}

/* ---- Detection -------------------------------------------------------------------------- */

/* The format eco_import_detect names, or "(none)": a test that fails, not one that crashes. */
static const char *detect(const char *data, size_t len)
{
    const char *name = eco_import_detect(data, len);
    return name ? name : "(none)";
}

static void each_kind_is_told_from_its_content(void **state)
{
    static const char undp[] = "# A plan\n\n[[year:2022]]\n[[country:Chad]]\n## Title\n";
    static const char participedia[] =
        "Data\n\nGeneral Issues\nHealth\nLocation\nChile\nScope of Influence\nNational\nLinks\n"
        "Start Date\nOngoing\nYes\nPurpose/Goal\nX\nApproach\nY\nCASE\n\nA case\n";
    static const char video[] = "---\ntitle: A talk\nvideoId: abc\n---\n\nFrom: [[someone]]\n";
    static const char opsi[] = "A case study\n\nCountries\n\nChile\n\nOrganisation name X Agency\n";
    static const char csv[] = "source,target\nA,B\n";
    (void)state;
    assert_string_equal(detect(undp, sizeof(undp) - 1), "undp");
    assert_string_equal(detect(participedia, sizeof(participedia) - 1), "participedia");
    assert_string_equal(detect(video, sizeof(video) - 1), "video");
    assert_string_equal(detect(opsi, sizeof(opsi) - 1), "opsi");
    assert_string_equal(detect(csv, sizeof(csv) - 1), "csv");
    assert_string_equal(detect("{\"actors\": []}", 14), "json");
    static const char minutes[] = "Minutes of the board: the agency and the ministry agreed.";
    assert_string_equal(detect(minutes, sizeof(minutes) - 1), "text");
    assert_string_equal(detect("\x01\x02\x00\x03", 4), "(none)");
}

/* ---- UNDP Accelerator Lab records ------------------------------------------------------- */

static const char plan[] =
    "# Thinkia: citizen lab\r\n\r\n[[year:2022]]\r\n[[country:Dominican Republic]]\r\n"
    "## Partners\r\n\r\n"
    "<div class=\"group\">\r\n\r\n> Please state the name of the Parter:\r\n\r\n"
    "Ministry of Water &amp; Sanitation (national level)\r\n\r\n</div>\r\n"
    "<div class=\"group\">\r\n\r\n> Please provide a brief description of the collaboration.\r\n\r\n"
    "Thinkia is managed together with the Water Users Association.\r\n\r\n</div>\r\n"
    "<div class=\"group\">\r\n\r\n> Please state the name of the Parter:\r\n\r\n"
    "Datalat and OpenlabEC\r\n\r\n</div>\r\n"
    "<div class=\"group\">\r\n\r\n> Please provide a brief description of the collaboration.\r\n\r\n"
    "Thinkia is managed together with the Water Users Association.\r\n\r\n</div>\r\n";

static void a_plan_yields_its_lab_its_initiative_and_its_partners(void **state)
{
    (void)state;
    import(plan, "plan.md");
    const eco_record *rec = eco_graph_record(g, 0);
    assert_string_equal(rec->format, "undp");
    assert_string_equal(rec->country, "Dominican Republic");
    assert_int_equal(rec->year, 2022);
    size_t lab = actor("UNDP Accelerator Lab Dominican Republic", "Dominican Republic");
    assert_int_equal(eco_graph_actor(g, lab)->type, ECO_TYPE_INTERNATIONAL);
    size_t water = actor("Ministry of Water & Sanitation", "Dominican Republic");
    assert_true(tied(lab, water, ECO_TIE_PARTNERSHIP));
    assert_true(tied(lab, actor("Datalat", NULL), ECO_TIE_PARTNERSHIP));
    assert_true(tied(lab, actor("OpenlabEC", NULL), ECO_TIE_PARTNERSHIP));
    /* the plan is named for a lab it builds */
    size_t thinkia = actor("Thinkia", NULL);
    assert_int_equal(eco_graph_actor(g, thinkia)->type, ECO_TYPE_LAB);
    size_t users = actor("Water Users Association", NULL);
    size_t t;
    assert_int_equal(eco_graph_find_tie(&t, g, thinkia, users, ECO_TIE_PARTNERSHIP), 0);
    /* pasted into two groups, the description is one piece of evidence */
    assert_int_equal(eco_graph_tie(g, t)->evidence_count, 1);
    assert_int_equal(eco_graph_tie(g, t)->evidence[0].line, 18);
}

static const char sectors[] =
    "# Roads\n\n[[country:Peru]]\n## Partners\n"
    "> Please state the name of the partner:\nRoadSense\n"
    "> What sector does our partner belong to?\n- Private Sector\n"
    "> Please state the name of the partner:\nCatholic University of Lima\n"
    "> What sector does our partner belong to?\n- Government\n";

static void a_sector_answer_types_the_partner_its_name_does_not(void **state)
{
    (void)state;
    import(sectors, "s.md");
    assert_int_equal(eco_graph_actor(g, actor("RoadSense", "Peru"))->type, ECO_TYPE_PRIVATE);
    /* the name says more than a form filled in haste */
    assert_int_equal(eco_graph_actor(g, actor("Catholic University of Lima", "Peru"))->type,
                     ECO_TYPE_ACADEMIA);
}

static const char plan_fr[] =
    "# Santé\n\n[[country:Chad]]\n## Partenaires\n"
    "> Veuillez indiquer le nom du partenaire :\nMinistère de la Santé Publique, Moov Africa\n"
    "> Quel est le secteur de ce partenaire ?\nSecteur privé\n";

static void a_template_in_french_is_read_the_same(void **state)
{
    (void)state;
    import(plan_fr, "fr.md");
    size_t lab = actor("UNDP Accelerator Lab Chad", "Chad");
    assert_true(tied(lab, actor("Ministère de la Santé Publique", "Chad"), ECO_TIE_PARTNERSHIP));
    size_t moov = actor("Moov Africa", "Chad");
    assert_true(tied(lab, moov, ECO_TIE_PARTNERSHIP));
    assert_int_equal(eco_graph_actor(g, moov)->type, ECO_TYPE_PRIVATE);
}

/* The lab, its country's UNDP office (which hosts it) and UNDP itself are three actors. */
static void the_country_office_hosts_the_lab_in_every_language(void **state)
{
    (void)state;
    import("# Digital\n\n[[country:Peru]]\n## Background\n> Background\n"
           "Fortalecer las capacidades digitales dentro de la Oficina de Pa\xC3\xADs y con el "
           "Ministerio de Salud.\n", "es.md");
    size_t lab = actor("UNDP Accelerator Lab Peru", "Peru");
    size_t office = actor("UNDP Peru Country Office", "Peru");
    assert_int_not_equal(office, lab);
    assert_int_equal(actor("Oficina de Pa\xC3\xADs", "Peru"), office); /* an alias of it */
    assert_int_equal(actor("UNDP Peru", "Peru"), office);
    assert_true(tied(office, lab, ECO_TIE_HOSTING));
    assert_int_equal(eco_graph_tie(g, tie_of(office, lab, ECO_TIE_HOSTING))->source, office);
    /* a part of the office, named as a partner, is the office too */
    import("# Test\n\n[[type:experiment]]\n[[country:Peru]]\n## Overview\n"
           "> Please list the names of partners mentioned in the previous question:\n"
           "Country office programmatic areas\n## Design\n", "exp.md");
    assert_int_equal(actor("Country office programmatic areas", "Peru"),
                     actor("UNDP Peru Country Office", "Peru"));
    /* a record of no lab has no office: "UNDP" there is UNDP */
    import("# Notes\n\nThe Ministry of Health worked with UNDP.\n", "n.md");
    assert_int_equal(eco_graph_find_actor(NULL, g, "UNDP Peru Country Office", NULL),
                     ECO_ENOTFOUND);
}

static void a_unit_of_a_known_body_has_its_type(void **state)
{
    (void)state;
    import("# Plastics\n\n[[country:Cape Verde]]\n## Partners\n"
           "> Please state the name of the partner:\n"
           "Global Environment Facility Small Grants Programme\n", "cv.md");
    size_t sgp = actor("Global Environment Facility Small Grants Programme", NULL);
    assert_int_equal(eco_graph_actor(g, sgp)->type, ECO_TYPE_INTERNATIONAL);
}

/* A unit of a body that works worldwide is not placed by the record's country. */
static void a_unit_of_a_worldwide_body_takes_no_country_from_the_record(void **state)
{
    (void)state;
    import("# Hate speech\n\n[[country:Syria]]\n## Overview\n"
           "> What did you do?\n"
           "We briefed the UN Human Rights Council and the Gender Unit of UNDP, with the "
           "Ministry of Education and the World Resources Institute.\n", "sy.md");
    assert_null(eco_graph_actor(g, actor("World Resources Institute", NULL))->country);
    assert_null(eco_graph_actor(g, actor("UN Human Rights Council", NULL))->country);
    assert_null(eco_graph_actor(g, actor("Gender Unit of UNDP", NULL))->country);
    assert_string_equal(eco_graph_actor(g, actor("Ministry of Education", "Syria"))->country,
                        "Syria");
}

/* "the Chief Digital Office" of a UNDP record is the office UNDP's Chief Digital Officer
 * leads, at its headquarters: the "UNDP Digital Office", of no country. */
static void an_office_named_after_its_post_is_a_unit_of_undp_headquarters(void **state)
{
    (void)state;
    import("# Digital\n\n[[country:Peru]]\n## Background\n> Background\n"
           "A team within UNDP Peru, along with the Chief Digital Office, works with the "
           "Ministry of Health. The UNDP Digital Office selected eHospital.\n", "pe.md");
    size_t unit = actor("UNDP Digital Office", NULL);
    assert_null(eco_graph_actor(g, unit)->country);
    assert_int_equal(eco_graph_actor(g, unit)->type, ECO_TYPE_INTERNATIONAL);
    assert_int_equal(actor("Chief Digital Office", NULL), unit); /* as written, an alias */
    /* named in an answer about government partners, it is still UNDP's */
    import("# Digital\n\n[[country:Peru]]\n## Partners\n> If applicable, what government "
           "partners (and related institutions) did you actually work with and what did you do "
           "with them?\n\nThe Chief Digital Office of UNDP trained the team of the Ministry of "
           "Health.\n", "pe.md");
    assert_int_equal(eco_graph_actor(g, actor("UNDP Digital Office", NULL))->type,
                     ECO_TYPE_INTERNATIONAL);
    /* outside a UNDP record the post names no one's unit */
    import("# Notes\n\nThe Ministry of Health worked with the Chief Digital Office.\n", "n.md");
    assert_int_equal(eco_graph_find_actor(NULL, g, "UNDP Digital Office", NULL), ECO_ENOTFOUND);
}

/* A body and its own unit are one organisation: the lab a UNDP record is about is no
 * partner of the UNDP a partner answer names, as it is of the ministry. */
static void a_body_and_its_own_unit_are_no_partners(void **state)
{
    (void)state;
    import("# Plastics\n\n[[country:Peru]]\n## Partners\n"
           "> Please state the name of the partner:\nUNDP\nMinistry of Health\n", "pe.md");
    size_t lab = actor("UNDP Accelerator Lab Peru", "Peru");
    assert_true(tied(lab, actor("Ministry of Health", "Peru"), ECO_TIE_PARTNERSHIP));
    assert_false(tied(lab, actor("UNDP", NULL), ECO_TIE_PARTNERSHIP));
}

static const char experiment[] =
    "# Market test\n\n[[type:experiment]]\n[[country:Zambia]]\n## Overview\n"
    "> Prepared by (Name of the experimenter)\nJane Doe\n"
    "> Which sector are you partnering with for this activity? Please select all that apply\n"
    "- Private Sector\n"
    "> Please list the names of partners mentioned in the previous question:\n"
    "Village Savers\nMobile Money Zambia\n## Design\n";

static void an_experiment_types_partners_by_its_one_sector(void **state)
{
    (void)state;
    import(experiment, "exp.md");
    size_t lab = actor("UNDP Accelerator Lab Zambia", "Zambia");
    size_t savers = actor("Village Savers", "Zambia");
    assert_true(tied(lab, savers, ECO_TIE_PARTNERSHIP));
    assert_int_equal(eco_graph_actor(g, savers)->type, ECO_TYPE_PRIVATE);
    assert_int_not_equal(eco_graph_find_actor(&lab, g, "Jane Doe", NULL), 0);
}

static const char form_2023[] =
    "# Waste carts\n\n[[year:2023]]\n[[country:Ethiopia]]\n## Partners\n"
    "> If applicable, what civil society organisations did you actually work with and what did "
    "you do with them?\nNA\n"
    "> If applicable, what government partners (and related institutions) did you actually work "
    "with and what did you do with them?\nYes  Addis Ababa Solid Waste Agency,  Adama "
    "municipality - we worked with them on the pilot.\n";

static void the_2023_form_reads_partners_by_sector(void **state)
{
    (void)state;
    import(form_2023, "f.md");
    size_t lab = actor("UNDP Accelerator Lab Ethiopia", "Ethiopia");
    size_t agency = actor("Addis Ababa Solid Waste Agency", "Ethiopia");
    assert_true(tied(lab, agency, ECO_TIE_PARTNERSHIP));
    assert_int_equal(eco_graph_actor(g, agency)->type, ECO_TYPE_GOVERNMENT);
}

/* ---- Cases, case studies, nominations, summaries ---------------------------------------- */

static const char participedia[] =
    "Data\n\nGeneral Issues\nHealth\nLocation\nChile\nScope of Influence\nNational\nLinks\n"
    "https://example.org\nStart Date\nOngoing\nYes\nPurpose/Goal\nX\nApproach\nY\n\nCASE\n\n"
    "The Health Laboratory of Chile\n\nMay 2, 2020 Participedia Team\nGeneral Issues\nHealth\n"
    "Location\nChile\n\nThis lab is a space that brings together officials and citizens for "
    "better health services.\n\nOrganizing, Supporting, and Funding Entities\n\n"
    "The Laboratory was initially managed by the Ministry of Health of Chile.\n\nSee Also\n\n"
    "Mendoza Lab: Mendoza's Public Innovation Laboratory\n\nReferences\n\nThe Ministry of Sport "
    "published a report about it in the year 2019 for everyone.\n";

static void a_participedia_case_is_its_subject(void **state)
{
    (void)state;
    import(participedia, "case.txt");
    size_t lab = actor("Health Laboratory of Chile", "Chile");
    assert_int_equal(eco_graph_actor(g, lab)->type, ECO_TYPE_LAB);
    size_t ministry = actor("Ministry of Health of Chile", "Chile");
    assert_true(tied(ministry, lab, ECO_TIE_HOSTING));
    /* See Also names another case, of no country; References are not read */
    size_t other = actor("Mendoza Lab", NULL);
    assert_null(eco_graph_actor(g, other)->country);
    assert_int_not_equal(eco_graph_find_actor(&other, g, "Ministry of Sport", NULL), 0);
}

static const char opsi[] =
    "LabZ – experimentation laboratory for the public administration\n\nCountries\n\nPortugal\n\n"
    "Organisation name AMX – Administrative Modernisation Agency\n\nContact person: A B\n\n"
    "LabZ developed a kit in partnership with the Ministry of Education.\n\nNo results found.\n\n"
    "The Ministry of Culture wrote in partnership with the Ministry of Sport.\n";

static void an_opsi_case_study_ties_the_organisation_to_its_project(void **state)
{
    (void)state;
    import(opsi, "opsi.txt");
    size_t labz = actor("LabZ", "Portugal");
    size_t agency = actor("AMX", "Portugal");
    assert_string_equal(eco_graph_actor(g, agency)->name, "Administrative Modernisation Agency");
    assert_true(tied(agency, labz, ECO_TIE_HOSTING));
    assert_true(tied(labz, actor("Ministry of Education", "Portugal"), ECO_TIE_PARTNERSHIP));
    /* nothing after the page's end */
    assert_int_not_equal(eco_graph_find_actor(&labz, g, "Ministry of Sport", NULL), 0);
}

static const char nomination[] =
    "Basic Info\n\n\xE8\x81\x94\xE5\x90\x88\xE5\x9B\xBD\xE6\x88\x90\xE5\x91\x98\xE5\x9B\xBD "
    "\xE8\x91\xA1\xE8\x90\x84\xE7\x89\x99\n"
    "\xE6\x9C\xBA\xE6\x9E\x84\xE5\x90\x8D\xE7\xA7\xB0 Tax Agency\n\n"
    "The agency is supervised by the Ministry of Finance, which sets its budget every year.\n";

static void a_nomination_reads_its_member_state_in_chinese(void **state)
{
    (void)state;
    import(nomination, "n.txt");
    assert_string_equal(eco_graph_record(g, 0)->country, "Portugal");
    size_t agency = actor("Tax Agency", "Portugal");
    assert_true(tied(actor("Ministry of Finance", "Portugal"), agency, ECO_TIE_HOSTING));
}

static const char summary[] =
    "---\ntitle: Labs in government\nvideoId: x1\n---\n\n"
    "From: [[oecdobservatoryofpublicsec3116]] <br/>\n\n"
    "## Kappa Lab: Belgium's experimentation unit\n\n"
    "Kappa Lab works with the [[public procurement | Federal Procurement Agency]] on tenders "
    "<a class=\"yt-timestamp\" data-t=\"00:09:33\">[00:09:33]</a>.\n";

static void a_video_summary_finds_its_channel_and_section_subjects(void **state)
{
    (void)state;
    import(summary, "v.md");
    size_t channel = actor("oecdobservatoryofpublicsec3116", NULL);
    assert_string_equal(eco_graph_actor(g, channel)->name,
                        "OECD Observatory of Public Sector Innovation");
    size_t kappa = actor("Kappa Lab", "Belgium");
    size_t agency = actor("Federal Procurement Agency", "Belgium");
    size_t t;
    assert_int_equal(eco_graph_find_tie(&t, g, kappa, agency, ECO_TIE_PARTNERSHIP), 0);
    assert_null(strstr(eco_graph_tie(g, t)->evidence[0].text, "yt-timestamp"));
    assert_null(strstr(eco_graph_tie(g, t)->evidence[0].text, "[["));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_kind_is_told_from_its_content),
        cmocka_unit_test_setup_teardown(a_plan_yields_its_lab_its_initiative_and_its_partners,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_sector_answer_types_the_partner_its_name_does_not, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_template_in_french_is_read_the_same, setup, teardown),
        cmocka_unit_test_setup_teardown(the_country_office_hosts_the_lab_in_every_language, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_unit_of_a_known_body_has_its_type, setup, teardown),
        cmocka_unit_test_setup_teardown(an_office_named_after_its_post_is_a_unit_of_undp_headquarters,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_body_and_its_own_unit_are_no_partners, setup, teardown),
        cmocka_unit_test_setup_teardown(a_unit_of_a_worldwide_body_takes_no_country_from_the_record,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(an_experiment_types_partners_by_its_one_sector, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_2023_form_reads_partners_by_sector, setup, teardown),
        cmocka_unit_test_setup_teardown(a_participedia_case_is_its_subject, setup, teardown),
        cmocka_unit_test_setup_teardown(an_opsi_case_study_ties_the_organisation_to_its_project,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_nomination_reads_its_member_state_in_chinese, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_video_summary_finds_its_channel_and_section_subjects,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
