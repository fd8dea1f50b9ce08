/* Name folding: the spellings of one organisation meet, different names stay apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"

static void assert_folds_to(const char *name, const char *expected)
{
    char buf[256];
    size_t need = eco_name_fold(buf, sizeof(buf), name);
    assert_string_equal(buf, expected);
    assert_int_equal(need, strlen(expected));
}

static void assert_same_fold(const char *a, const char *b)
{
    char fa[256], fb[256];
    eco_name_fold(fa, sizeof(fa), a);
    eco_name_fold(fb, sizeof(fb), b);
    assert_string_equal(fa, fb);
}

static void assert_different_fold(const char *a, const char *b)
{
    char fa[256], fb[256];
    eco_name_fold(fa, sizeof(fa), a);
    eco_name_fold(fb, sizeof(fb), b);
    assert_string_not_equal(fa, fb);
}

static void case_and_spaces_fold_away(void **state)
{
    (void)state;
    assert_folds_to("  Ministry   of EDUCATION ", "ministry of education");
}

static void accents_fold_to_their_letters(void **state)
{
    (void)state;
    assert_folds_to("Secretaría Nacional de Educación", "secretaria nacional de educacion");
    assert_folds_to("Ministério da Saúde", "ministerio da saude");
    assert_same_fold("Agence française", "Agence francaise");
    assert_folds_to("Straße", "strasse");
    /* Decomposed accents (a letter then a combining mark) fold the same way. */
    assert_same_fold("Educacio\xCC\x81n", "Educación");
}

static void every_latin_script_folds_like_french_and_spanish(void **state)
{
    (void)state;
    assert_folds_to("Politechnika Łódzka", "politechnika lodzka");             /* Polish */
    assert_folds_to("Ankara Büyükşehir Belediyesi", "ankara buyuksehir belediyesi"); /* Turkish */
    assert_folds_to("İSTANBUL ÜNİVERSİTESİ", "istanbul universitesi");
    assert_folds_to("Bộ Tài nguyên và Môi trường", "bo tai nguyen va moi truong"); /* Vietnamese */
    assert_folds_to("Đại học Quốc gia", "dai hoc quoc gia");
    assert_folds_to("Școala Națională", "scoala nationala");                   /* Romanian */
    assert_same_fold("Şcoala Naţională", "Școala Națională"); /* cedilla or comma below */
    assert_folds_to("Københavns Universitet", "kobenhavns universitet");
    assert_folds_to("Œuvre d'Orient", "oeuvre dorient");
}

static void compatibility_forms_meet_their_plain_letters(void **state)
{
    (void)state;
    assert_same_fold("ＵＮＤＰ", "UNDP"); /* fullwidth, common in CJK documents */
    assert_same_fold("ﬁnance lab", "finance lab");
    assert_same_fold("ΥΠΟΥΡΓΕΙΟ", "υπουργειο");
    assert_same_fold("МИНИСТЕРСТВО", "министерство");
    assert_folds_to("Acme™ Labs", "acme labs");
}

static void every_dash_is_a_separator(void **state)
{
    (void)state;
    assert_same_fold("AMA – Administrative Modernisation Agency", "AMA - Administrative Modernisation Agency");
    assert_same_fold("LabX—Center", "LabX - Center");
    assert_same_fold("LabX-Center", "LabX \xE2\x80\x90 Center"); /* U+2010 hyphen */
}

static void apostrophes_vanish(void **state)
{
    (void)state;
    assert_folds_to("Ombudsman's Office", "ombudsmans office");
    assert_same_fold("Ombudsman’s Office", "Ombudsman's Office");
    assert_same_fold("UNDP´s Acc Lab", "UNDP's Acc Lab");
}

static void ampersand_reads_and(void **state)
{
    (void)state;
    assert_same_fold("Science & Technology", "Science and Technology");
    assert_folds_to("R&D Office", "r and d office");
}

static void british_spellings_meet_american_ones(void **state)
{
    (void)state;
    assert_same_fold("Administrative Modernisation Agency", "Administrative Modernization Agency");
    assert_same_fold("Centre for Innovation", "Center for Innovation");
    assert_same_fold("Development Programme", "Development Program");
    assert_same_fold("Labour Organisation", "Labor Organization");
    assert_same_fold("Behavioural Insights Team", "Behavioral Insights Team");
    assert_same_fold("Digitalised Services", "Digitalized Services");
    assert_same_fold("Ministry of Defence", "Ministry of Defense");
}

static void leading_the_is_dropped(void **state)
{
    (void)state;
    assert_same_fold("The Government Laboratory of Chile", "Government Laboratory of Chile");
    assert_folds_to("The", "the");
    /* Only a leading "the": one in the middle is part of the name. */
    assert_folds_to("Ministry of the Presidency", "ministry of the presidency");
}

static void different_names_stay_apart(void **state)
{
    (void)state;
    assert_different_fold("Ministry of Education", "Ministry of Economy");
    assert_different_fold("Rise Foundation", "Rize Foundation");
    assert_different_fold("UNDP", "UNEP");
}

static void other_scripts_are_kept(void **state)
{
    (void)state;
    assert_folds_to("葡萄牙", "葡萄牙");
    assert_same_fold("МИНИСТЕРСТВО", "министерство");
}

static void invalid_utf8_does_not_break_folding(void **state)
{
    (void)state;
    assert_folds_to("Lab\xFF\xFEX", "lab x");
}

static void short_buffers_truncate_like_snprintf(void **state)
{
    char buf[6];
    (void)state;
    assert_int_equal(eco_name_fold(buf, sizeof(buf), "Ministry"), 8);
    assert_string_equal(buf, "minis");
    assert_int_equal(eco_name_fold(NULL, 0, "Ministry"), 8);
}

static void long_words_pass_through_whole(void **state)
{
    char name[300], buf[300];
    (void)state;
    memset(name, 'A', 200);
    name[200] = '\0';
    assert_int_equal(eco_name_fold(buf, sizeof(buf), name), 200);
    assert_int_equal(buf[0], 'a');
    assert_int_equal(buf[199], 'a');
}

static void slugs_are_ascii_words_joined_by_dashes(void **state)
{
    char buf[128];
    (void)state;
    eco_name_slug(buf, sizeof(buf), "AMA – Administrative Modernisation Agency");
    assert_string_equal(buf, "ama-administrative-modernisation-agency");
    eco_name_slug(buf, sizeof(buf), "Ministério da Saúde");
    assert_string_equal(buf, "ministerio-da-saude");
    eco_name_slug(buf, sizeof(buf), "葡萄牙");
    assert_string_equal(buf, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_and_spaces_fold_away),
        cmocka_unit_test(accents_fold_to_their_letters),
        cmocka_unit_test(every_latin_script_folds_like_french_and_spanish),
        cmocka_unit_test(compatibility_forms_meet_their_plain_letters),
        cmocka_unit_test(every_dash_is_a_separator),
        cmocka_unit_test(apostrophes_vanish),
        cmocka_unit_test(ampersand_reads_and),
        cmocka_unit_test(british_spellings_meet_american_ones),
        cmocka_unit_test(leading_the_is_dropped),
        cmocka_unit_test(different_names_stay_apart),
        cmocka_unit_test(other_scripts_are_kept),
        cmocka_unit_test(invalid_utf8_does_not_break_folding),
        cmocka_unit_test(short_buffers_truncate_like_snprintf),
        cmocka_unit_test(long_words_pass_through_whole),
        cmocka_unit_test(slugs_are_ascii_words_joined_by_dashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
