/*
 * The extractor's models (import/prose/model.h, spans.h): a model file reads as
 * docs/FORMAT.md says, predicts what its weights add up to, and any file that is not one
 * is an error that says where; the built-in models are there, and a folder of models that
 * lacks one is refused, never replaced by less; what no model may make a name is never one.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ecomap.h"
#include "learning.h"
#include "prose/model.h"

static eco_i_model *parse(const char *text, eco_error *err)
{
    eco_i_model *m = NULL;
    eco_error_clear(err);
    if (eco_i_model_parse(&m, text, strlen(text), "m.model", err) < 0)
        return NULL;
    return m;
}

static void a_binary_model_adds_up_its_weights(void **state)
{
    static const char text[] = "ecomap-model 1 actor\nclasses no yes\nbias -1\n"
                               "2\thead=last\n0.5\tprev=w:with\n-3\tstop\n";
    eco_error err;
    eco_i_model *m = parse(text, &err);
    eco_i_features f = {0};
    (void)state;

    assert_non_null(m);
    assert_string_equal(eco_i_model_name(m), "actor");
    assert_int_equal(eco_i_model_class_index(m, "yes"), 1);
    eco_i_feature_s(&f, "head", "last");
    eco_i_feature_s(&f, "prev", "w:with");
    eco_i_feature_s(&f, "never-seen", "x"); /* weighs nothing */
    assert_true(fabs(eco_i_model_yes(m, &f) - 1 / (1 + exp(-1.5))) < 1e-12);
    eco_i_features_reset(&f);
    eco_i_feature_s(&f, "stop", NULL);
    assert_true(fabs(eco_i_model_yes(m, &f) - 1 / (1 + exp(4.0))) < 1e-12);
    eco_i_model_free(m);
}

static void a_model_of_several_classes_gives_each_its_share(void **state)
{
    static const char text[] = "ecomap-model 1 type\nclasses government private network\n"
                               "bias 0 0 0\n3 0 0\tword=ministry\n0 1 0\tlegal\n";
    eco_error err;
    eco_i_model *m = parse(text, &err);
    eco_i_features f = {0};
    double p[3];
    (void)state;

    assert_non_null(m);
    eco_i_feature_s(&f, "word", "ministry");
    eco_i_model_predict(m, &f, p);
    assert_true(p[0] > p[1] && p[0] > p[2]);
    assert_true(fabs(p[0] + p[1] + p[2] - 1) < 1e-12);
    assert_true(fabs(p[0] - exp(3) / (exp(3) + 2)) < 1e-12);
    eco_i_model_free(m);
}

/* The features a program adds and the texts written in the model meet on the same keys,
 * whichever way they were spelt out. */
static void a_feature_has_one_key_however_it_is_made(void **state)
{
    eco_i_features a = {0}, b = {0};
    (void)state;
    b.keep_names = 1;
    eco_i_feature(&a, "bounds", "sep|cap", 7);
    eco_i_feature_pair(&b, "bounds", "sep", '|', "cap");
    assert_int_equal(a.keys[0], b.keys[0]);
    assert_string_equal(b.names, "bounds=sep|cap");
    eco_i_features_free(&b);
}

static void what_is_not_a_model_says_where(void **state)
{
    static const struct {
        const char *text;
        int line, column;
        const char *says;
    } bad[] = {
        {"", 0, 1, "not an ecomap model"},
        {"a model\n", 1, 1, "not an ecomap model"},
        {"ecomap-model 2 actor\n", 1, 14, "version"},
        {"ecomap-model 1 actor\nclasses yes\n", 2, 1, "two classes"},
        {"ecomap-model 1 actor\nclasses no yes\nbias x\n", 3, 6, "finite number"},
        {"ecomap-model 1 actor\nclasses no yes\nbias 0\n1 rule\n", 4, 1, "a tab"},
        {"ecomap-model 1 actor\nclasses no yes\nbias 0\nnan\trule\n", 4, 1, "finite number"},
        {"ecomap-model 1 actor\nclasses no yes\nbias 0\n1\trule\n2\trule\n", 5, 3, "twice"},
        {"ecomap-model 1 type\nclasses a b c\nbias 0 0 0\n1 2\tword\n", 4, 4, "weight"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        eco_error err;
        assert_null(parse(bad[i].text, &err));
        assert_int_equal(err.code, ECO_EDATA);
        assert_string_equal(err.source, "m.model");
        if (err.line != bad[i].line || err.column != bad[i].column ||
            !strstr(err.text, bad[i].says))
            fail_msg("case %zu: %d:%d: %s", i, err.line, err.column, err.text);
    }
}

static void the_built_in_models_are_there(void **state)
{
    eco_i_models *m = NULL;
    eco_error err = {0};
    (void)state;
    assert_int_equal(eco_i_models_load(&m, NULL, &err), 0);
    assert_int_equal(eco_i_model_class_count(m->actor), 2);
    assert_int_equal(eco_i_model_class_count(m->type), 7);
    assert_int_equal(eco_i_model_class_index(m->type, "civil_society"), 3);
    eco_i_models_free(m);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Removes the folder of models dir and the four files it may hold. */
static void remove_models(const char *dir)
{
    char path[128];
    for (const char *const *n = (const char *const[]){"actor", "type", "tie", NULL}; *n; n++) {
        snprintf(path, sizeof(path), "%s/%s.model", dir, *n);
        unlink(path);
    }
    snprintf(path, sizeof(path), "%s/common.words", dir);
    unlink(path);
    rmdir(dir);
}

/* A folder of models must hold all three, each under its own name: a missing or corrupt
 * file stops the import with its name, and no import falls back to the built-in ones. */
static void a_folder_of_models_lacking_one_is_refused(void **state)
{
    char dir[] = "/tmp/ecomap-models-XXXXXX", path[128];
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;

    assert_non_null(mkdtemp(dir));
    opt.model = dir;
    snprintf(path, sizeof(path), "%s/actor.model", dir);
    write_file(path, "ecomap-model 1 actor\nclasses no yes\nbias 0\n");
    assert_int_equal(eco_import_buffer(&g, "# A\n\nText.\n", 10, "a.md", &opt, &err),
                     ECO_ENOINPUT);
    assert_non_null(strstr(err.source, "type.model"));
    snprintf(path, sizeof(path), "%s/type.model", dir);
    write_file(path, "ecomap-model 1 tie\nclasses no partners\nbias 0\n");
    snprintf(path, sizeof(path), "%s/tie.model", dir);
    write_file(path, "ecomap-model 1 tie\nclasses no partners\nbias 0\n");
    eco_error_clear(&err);
    assert_int_equal(eco_import_buffer(&g, "# A\n\nText.\n", 10, "a.md", &opt, &err), ECO_EDATA);
    assert_non_null(strstr(err.text, "holds the tie model, not the type model"));
    assert_null(g);
    /* the list of common words is one of them */
    snprintf(path, sizeof(path), "%s/type.model", dir);
    write_file(path, "ecomap-model 1 type\nclasses government private\nbias 0 1\n");
    eco_error_clear(&err);
    assert_int_equal(eco_import_buffer(&g, "# A\n\nText.\n", 10, "a.md", &opt, &err),
                     ECO_ENOINPUT);
    assert_non_null(strstr(err.source, "common.words"));
    snprintf(path, sizeof(path), "%s/common.words", dir);
    write_file(path, "ecomap-words 1 common\nanalysis\n\nmajor\n");
    eco_error_clear(&err);
    assert_int_equal(eco_import_buffer(&g, "# A\n\nText.\n", 10, "a.md", &opt, &err), ECO_EDATA);
    assert_int_equal(err.line, 3);
    write_file(path, "analysis\nmajor\n");
    eco_error_clear(&err);
    assert_int_equal(eco_import_buffer(&g, "# A\n\nText.\n", 10, "a.md", &opt, &err), ECO_EDATA);
    assert_non_null(strstr(err.text, "not a list of common words"));
    assert_null(g);
    remove_models(dir);
}

/* Whatever the models weigh, a kind of body in capitals, alone, is no candidate name. */
static void a_kind_of_body_alone_is_never_an_actor(void **state)
{
    const char *text = "# Partners\n\nGeoIndigena is an indigenous NGO that works with the "
                       "Ministry of Environment.\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t at;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "plan.md", NULL, &err), 0);
    assert_int_not_equal(eco_graph_find_actor(&at, g, "NGO", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&at, g, "Ministry of Environment", NULL), 0);
    eco_graph_free(g);
}

/* A rules' name long with small words is kept whole by the built-in models, each kind of
 * word counting once against a span; "X du Y" then makes the ministry the agency's host. */
static void a_name_long_with_small_words_is_kept_whole(void **state)
{
    const char *text = "# Plan\n\nL\xE2\x80\x99" "Agence R\xC3\xA9gionale du P\xC3\xB4le 3 du "
                       "Minist\xC3\xA8re de l\xE2\x80\x99" "Eau, de l\xE2\x80\x99" "Energie et de "
                       "l\xE2\x80\x99" "Assainissement en charge des forages.\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t ministry, agency, t;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "plan.md", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor(&ministry, g,
                                          "Minist\xC3\xA8re de l\xE2\x80\x99" "Eau, de "
                                          "l\xE2\x80\x99" "Energie et de l\xE2\x80\x99"
                                          "Assainissement",
                                          NULL),
                     0);
    assert_int_equal(eco_graph_find_actor(&agency, g, "Agence R\xC3\xA9gionale du P\xC3\xB4le 3", NULL), 0);
    assert_int_equal(eco_graph_find_tie(&t, g, ministry, agency, ECO_TIE_HOSTING), 0);
    assert_int_equal(eco_graph_tie(g, t)->source, ministry);
    eco_graph_free(g);
}

/* The actors a plan whose only text is body names. */
static int names_actor(const char *body, const char *name)
{
    char text[512];
    eco_graph *g = NULL;
    eco_error err = {0};
    snprintf(text, sizeof(text), "# Plan\n\n%s\n", body);
    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "plan.md", NULL, &err), 0);
    int found = eco_graph_find_actor(NULL, g, name, NULL) == 0;
    eco_graph_free(g);
    return found;
}

static void a_programme_and_a_post_are_no_bodies(void **state)
{
    (void)state;
    /* a name a work noun follows, with no head word of its own, names a programme */
    assert_false(names_actor("The missions had significant funding from the European "
                             "Commission Horizon 2020 program.",
                             "European Commission Horizon"));
    assert_false(names_actor("We worked with the Rangkaian Urban Green Space RUGS project.",
                             "RUGS"));
    /* ... and its owner, whose name it starts with, is a body */
    assert_true(names_actor("The event had support from the Alpha Institute and the European "
                            "Commission Horizon 2020 program.",
                            "European Commission"));
    /* a body's own programme names the body */
    assert_true(names_actor("The plan follows the Global Institute for Innovation Districts "
                            "model.",
                            "Global Institute for Innovation Districts"));
    /* a person's post */
    assert_false(names_actor("The Member of Parliament for Ketu South is a strong influencer.",
                             "Member of Parliament for Ketu South"));
}

/* "the Millicom company", "a private company Watergunz": the capitals beside a small
 * "company" name it, though the name is one word no model knows, and the word is not part
 * of the name. */
static void a_name_before_the_word_company_is_a_company(void **state)
{
    (void)state;
    assert_true(names_actor("Tigo is the commercial brand of the Millicom company and has been "
                            "present since 1992.",
                            "Millicom"));
    assert_false(names_actor("Tigo is the commercial brand of the Millicom company and has been "
                             "present since 1992.",
                             "Millicom company"));
    assert_true(names_actor("Tigo is the commercial brand of the Zorbix firm in Peru.", "Zorbix"));
    assert_true(names_actor("We hired a private company Zorbix to run a campaign for us.",
                            "Zorbix"));
    assert_false(names_actor("We hired a private company Zorbix to run a campaign for us.",
                             "company Zorbix"));
}

/* The kind of body, a small word with at most three words describing it, set right before
 * or after capitals names them: "the public policy research organization Zorbix MK",
 * "Zorbix Analytics data analytics company".  A place so described is no body, nor is a
 * thing before a word wider than a kind of body ("Wi-Fi network"). */
static void a_name_beside_the_kind_of_body_it_is_is_a_body(void **state)
{
    (void)state;
    assert_true(names_actor("We designed the focus groups with the public policy research "
                            "organization Zorbix MK.",
                            "Zorbix MK"));
    assert_true(names_actor("We cooperated with Zorbix Analytics data analytics company "
                            "operating in the region.",
                            "Zorbix Analytics"));
    assert_true(names_actor("Kolbex, Zorbix consulting companies assessed the market.", "Zorbix"));
    assert_false(names_actor("We worked with a Nairobi based company on this.", "Nairobi"));
    assert_false(names_actor("We presented the work in the Lebanese feminist coalition.",
                             "Lebanese"));
    assert_false(names_actor("UNDP hired Tigo to provide a Wi-Fi network in the park.", "Wi-Fi"));
}

/* "DG" and a remit in capitals is one of the European Commission's directorates-general,
 * held by the Commission when written with its possessive; "the DG of WHO" is a post. */
static void a_directorate_general_is_a_body_of_the_commission(void **state)
{
    const char *text = "# Notes\n\nThe European Commission's DG Research & Innovation "
                       "launched five missions in September.\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t commission, dg, t;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "notes.md", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor(&dg, g, "DG Research & Innovation", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&commission, g, "European Commission", NULL), 0);
    assert_int_equal(eco_graph_find_tie(&t, g, commission, dg, ECO_TIE_HOSTING), 0);
    assert_int_equal(eco_graph_tie(g, t)->source, commission);
    eco_graph_free(g);
    assert_false(names_actor("We met the DG of the World Health Organization.", "DG"));
}

/* Imports text with models that weigh nothing but a bias: every candidate name scores p. */
static eco_graph *import_with_flat_models(const char *text, double p)
{
    char dir[] = "/tmp/ecomap-models-XXXXXX", path[128], actor[128];
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_graph *g = NULL;
    eco_error err = {0};

    assert_non_null(mkdtemp(dir));
    opt.model = dir;
    snprintf(actor, sizeof(actor), "ecomap-model 1 actor\nclasses no yes\nbias %.6f\n",
             log(p / (1 - p)));
    snprintf(path, sizeof(path), "%s/actor.model", dir);
    write_file(path, actor);
    snprintf(path, sizeof(path), "%s/type.model", dir);
    write_file(path, "ecomap-model 1 type\nclasses government private\nbias 0 1\n");
    snprintf(path, sizeof(path), "%s/tie.model", dir);
    write_file(path, "ecomap-model 1 tie\nclasses no partners\nbias 0\n");
    snprintf(path, sizeof(path), "%s/common.words", dir);
    write_file(path, "ecomap-words 1 common\nanalysis\nmanagement\nparticipants\nwaste\n");
    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "plan.md", &opt, &err), 0);
    remove_models(dir);
    return g;
}

/* Imports one answer to "what private sector partners did you work with" with flat models
 * at p. */
static eco_graph *import_sector_answer(const char *answer, double p)
{
    char text[512];

    snprintf(text, sizeof(text),
             "# Barrio\n\n[[country:Mexico]]\n## Partners\n> If applicable, what private sector "
             "partners did you actually work with and what did you do with them?\n\n%s\n",
             answer);
    return import_with_flat_models(text, p);
}

/* An answer to "which private sector partners did you work with" is about the name that
 * opens its sentence: that name needs less of the model than others (0.3, not 0.5). */
static void a_name_that_opens_a_sector_answer_is_a_partner(void **state)
{
    static const char answer[] =
        "# Barrio\n\n[[country:Mexico]]\n## Partners\n> If applicable, what private sector "
        "partners did you actually work with and what did you do with them?\n\n"
        "Zorbix Estudio collaborated with Kalpa Works on the physical interventions.\n";
    eco_graph *g = import_with_flat_models(answer, 0.4);
    (void)state;

    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix Estudio", NULL), 0);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Kalpa Works", NULL), ECO_ENOTFOUND);
    eco_graph_free(g);
    /* a name cut on a small word is no name */
    g = import_with_flat_models("# Barrio\n\n[[country:Mexico]]\n## Partners\n> If applicable, "
                                "what civil society organisations did you actually work with "
                                "and what did you do with them?\n\nZorbix League For women in "
                                "Business\n", 0.4);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix League For", NULL), ECO_ENOTFOUND);
    eco_graph_free(g);
    /* below it, or in prose, the model alone decides */
    g = import_with_flat_models("# Barrio\n\n[[country:Mexico]]\n## Partners\n> If applicable, "
                                "what private sector partners did you actually work with and "
                                "what did you do with them?\n\nZorbix Estudio is where we met "
                                "Kalpa Works.\n",
                                0.25);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix Estudio", NULL), ECO_ENOTFOUND);
    eco_graph_free(g);
    g = import_with_flat_models("# Notes\n\nZorbix Estudio collaborated with Kalpa Works.\n", 0.4);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix Estudio", NULL), ECO_ENOTFOUND);
    eco_graph_free(g);
}

/* A name that opens a sector answer whose sentence tells what it did is a partner on much
 * less: "Zorbix provided mobile sensors", "Zorbix which uses ...". */
static void a_name_the_sector_answer_says_acted_is_a_partner(void **state)
{
    static const char *const answers[] = {"Zorbix provided mobile sensors and training.",
                                          "Zorbix which uses simple technology for data.",
                                          "Zorbix got interested in the project."};
    (void)state;

    for (size_t i = 0; i < sizeof(answers) / sizeof(*answers); i++) {
        eco_graph *g = import_sector_answer(answers[i], 0.15);
        assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix", NULL), 0);
        eco_graph_free(g);
        g = import_sector_answer(answers[i], 0.05);
        assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix", NULL), ECO_ENOTFOUND);
        eco_graph_free(g);
    }
    /* a name ends on a capital: "Tested the" is no subject of "developed" */
    eco_graph *g = import_sector_answer("Tested the developed course with Zorbix.", 0.15);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Tested the", NULL), ECO_ENOTFOUND);
    eco_graph_free(g);
}

/* A sector answer that is one name ending on its head word, and nothing else, names that
 * body whole, over the pieces of it the model may like better; two names run together or
 * joined by "and" after a head are not one. */
static void a_whole_answer_naming_one_body_is_that_body(void **state)
{
    static const struct {
        const char *answer, *name;
        int found;
    } cases[] = {
        {"Lasta woreda Justice and Zorbix’s Office", "Lasta woreda Justice and Zorbix’s Office", 1},
        {"The Zorbix and tourism office", "Zorbix and tourism office", 1},
        {"Zorbix Association and Kolbex Student Association",
         "Zorbix Association and Kolbex Student Association", 0},
        {"Maroc Numeric Cluster Zorbix Business Factory",
         "Maroc Numeric Cluster Zorbix Business Factory", 0},
    };
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        eco_graph *g = import_sector_answer(cases[i].answer, 0.15);
        assert_int_equal(eco_graph_find_actor(NULL, g, cases[i].name, NULL),
                         cases[i].found ? 0 : ECO_ENOTFOUND);
        eco_graph_free(g);
    }
}

/* A whole name set beside what kind of body it is, "Zorbix, an international organisation",
 * is a body, whatever the model makes of one unknown word; "the" after a comma goes on with
 * the sentence, and a name that runs on into capitals or an "and" is not whole. */
static void a_name_described_as_a_body_is_a_body(void **state)
{
    static const struct {
        const char *text, *name;
        int found;
    } cases[] = {
        {"We also worked with Zorbix, an international organisation working on water.", "Zorbix", 1},
        {"Kalpa Works - a non-profit that works with farmers, gave us data.", "Kalpa Works", 1},
        {"We interviewed a local recycling company, Zorbix, on its prices.", "Zorbix", 1},
        {"Zorbix (the incubator) played a key role in the sessions.", "Zorbix", 1},
        {"Regardless, the consulting firm has struggled with the data.", "Regardless", 0},
        {"We read Zorbix and Kalpa.com (the most popular networks) every day.",
         "Zorbix and Kalpa.com", 0},
        {"We also worked with Zorbix, a city in the south of the country.", "Zorbix", 0},
        {"We met the municipality of Zorbix, a university city in the south.", "Zorbix", 0},
        {"Kalpa- a startup was new and unusual for us.", "Kalpa", 1},
        {"Zorbix is an urban design firm based in Tokyo.", "Zorbix", 1},
        {"Zorbix is a city with a university and a port.", "Zorbix", 0},
    };
    (void)state;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[256];
        snprintf(text, sizeof(text), "# Notes\n\n%s\n", cases[i].text);
        eco_graph *g = import_with_flat_models(text, 0.2);
        int found = eco_graph_find_actor(NULL, g, cases[i].name, NULL) == 0;
        eco_graph_free(g);
        if (found != cases[i].found)
            fail_msg("\"%s\" in \"%s\": %s", cases[i].name, cases[i].text,
                     found ? "an actor" : "no actor");
    }
}

/* "l'université de Zorbix": the name starts with a capital without its article, and the
 * name as written, article and all, is one of its names, in prose and in an answer about
 * partners alike. */
static void a_name_after_an_elided_article_keeps_it_as_written(void **state)
{
    static const char *const texts[] = {
        "# Plan\n\nLe promoteur est professeur \xC3\xA0 l'universit\xC3\xA9 de Zorbix.\n",
        "# Plan\n\n## Partners\n> If applicable, what academic partners (and related "
        "institutions) did you actually work with and what did you do with them?\n\n"
        "Le promoteur est professeur \xC3\xA0 l'universit\xC3\xA9 de Zorbix\n"};
    (void)state;

    for (size_t i = 0; i < 2; i++) {
        eco_graph *g = import_with_flat_models(texts[i], 0.6);
        size_t by_name, as_written;
        assert_int_equal(eco_graph_find_actor(&by_name, g, "Universit\xC3\xA9 de Zorbix", NULL), 0);
        assert_int_equal(eco_graph_find_actor(&as_written, g, "l'universit\xC3\xA9 de Zorbix", NULL),
                         0);
        assert_int_equal(as_written, by_name);
        eco_graph_free(g);
    }
}

/* A phrase shouted in capitals is no name, however sure the model is: two of its words make
 * sentences, not names.  A name in capitals stays one. */
static void a_phrase_shouted_in_capitals_is_no_body(void **state)
{
    eco_graph *g = import_with_flat_models(
        "# Lessons\n\n(4) IT'S NOT ABOUT PLASTIC USAGE, IT'S ABOUT PLASTIC USERS: when devising "
        "strategies we met DOCTORS WITHOUT BORDERS and WHO.\n", 0.9);
    (void)state;

    assert_int_equal(eco_graph_find_actor(NULL, g, "IT'S NOT ABOUT PLASTIC USAGE", NULL),
                     ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "IT'S ABOUT PLASTIC USERS", NULL),
                     ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "DOCTORS WITHOUT BORDERS", NULL), 0);
    assert_int_equal(eco_graph_find_actor(NULL, g, "WHO", NULL), 0);
    eco_graph_free(g);
}

/* Words in small letters with no head word among them are how a sentence goes on around a
 * name, however sure the model is; a head word written small still heads a name. */
static void a_span_starting_small_without_a_head_is_no_body(void **state)
{
    static const char *const answers[][2] = {
        {"Discussions and investigation of Zorbix.", "investigation of Zorbix"},
        {"Zorbix Foundation, in Puntland", "in Puntland"},
        {"Zorbix Foundation, also have UNESCO", "also have UNESCO"},
    };
    (void)state;

    for (size_t i = 0; i < sizeof(answers) / sizeof(answers[0]); i++) {
        eco_graph *g = import_sector_answer(answers[i][0], 0.9);
        assert_int_equal(eco_graph_find_actor(NULL, g, answers[i][1], NULL), ECO_ENOTFOUND);
        eco_graph_free(g);
    }
    eco_graph *g = import_sector_answer("We worked with the ministry of Youth.", 0.9);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Ministry of Youth", NULL), 0);
    eco_graph_free(g);
}

/* A capitalised word in -ing and what it acts on is an activity, however sure the model is,
 * unless an acronym after it says it is a name (its head word misspelt). */
static void an_activity_is_no_body_but_an_acronym_says_a_name(void **state)
{
    eco_graph *g = import_with_flat_models("# Notes\n\nSigning MOUs took a year. We met the "
                                           "Engineering Insitute of Zorbia (EIZ).\n",
                                           0.9);
    (void)state;

    assert_int_equal(eco_graph_find_actor(NULL, g, "Signing MOUs", NULL), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Engineering Insitute of Zorbia", NULL), 0);
    eco_graph_free(g);
}

/* Small words after a name that hold an article or a preposition are how the sentence goes
 * on, unless the name is one capitalised word written on in small letters. */
static void a_name_ends_before_the_sentence_goes_on(void **state)
{
    eco_graph *g = import_sector_answer("Zorbix Youth Solidarity in the collection.", 0.9);
    (void)state;

    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix Youth Solidarity in the collection",
                                          NULL),
                     ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix Youth Solidarity", NULL), 0);
    eco_graph_free(g);
    g = import_sector_answer("Parley for the oceans.", 0.9);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Parley for the oceans", NULL), 0);
    eco_graph_free(g);
}

/* A province, a region or a district (ISO 3166-2) is a place, however sure the model is,
 * unless the sentence says it is a body. */
static void a_subdivision_of_a_country_is_no_body(void **state)
{
    eco_graph *g = import_sector_answer("- Kumanovo\n- Chiang Rai\n- Zorbix\n- Brava; Brava is a "
                                        "private organization.", 0.9);
    (void)state;

    assert_int_equal(eco_graph_find_actor(NULL, g, "Kumanovo", NULL), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Chiang Rai", NULL), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix", NULL), 0);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Brava", NULL), 0);
    eco_graph_free(g);
}

/* Capitalised words that records write in small letters: one is a word of the language at the
 * start of a sentence or in a title, however sure the model is: "Participants" is no body,
 * unless the sentence says it is one; "Zorbix" is.  Several are a text's topic. */
static void common_words_capitalised_are_no_body(void **state)
{
    eco_graph *g = import_with_flat_models("# Notes\n\nTypes of Interaction Among Participants\n\n"
                                           "Participants met Zorbix in May.\n",
                                           0.9);
    (void)state;

    assert_int_equal(eco_graph_find_actor(NULL, g, "Participants", NULL), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix", NULL), 0);
    eco_graph_free(g);
    /* unless the sentence says what body it is */
    g = import_with_flat_models("# Notes\n\nUNDP then partnered with Participants, an "
                                "Indonesian CSO, to run the study.\n",
                                0.2);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Participants", NULL), 0);
    eco_graph_free(g);
    /* several such words in a text are its topic, and in a sentence about a sector's
     * partners too; a whole line of such an answer lists a name */
    g = import_with_flat_models("# Notes\n\nWaste Management was the theme Zorbix chose.\n", 0.9);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Waste Management", NULL), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix", NULL), 0);
    eco_graph_free(g);
    g = import_sector_answer("Zorbix taught Waste Management to the pickers.", 0.9);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Waste Management", NULL), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Zorbix", NULL), 0);
    eco_graph_free(g);
    g = import_sector_answer("- Waste Management\n- Zorbix", 0.9);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Waste Management", NULL), 0);
    eco_graph_free(g);
}

/* An acronym in brackets after a kept name is that body's other name, never a body of its
 * own, whatever the model makes of it: "Zorbix Kalpa (QRT)". */
static void an_acronym_after_a_name_is_no_body_of_its_own(void **state)
{
    eco_graph *g = import_with_flat_models("# Plan\n\nWe raised funds via the guidance of "
                                           "Zorbix Kalpa (QRT) in May.\n", 0.6);
    size_t kalpa, qrt;
    (void)state;

    assert_int_equal(eco_graph_find_actor(&kalpa, g, "Zorbix Kalpa", NULL), 0);
    assert_int_equal(eco_graph_find_actor(&qrt, g, "QRT", NULL), 0);
    assert_int_equal(qrt, kalpa);
    eco_graph_free(g);
}

/* A global company's office named with its country is that country's, though the company's
 * units are placed in none. */
static void a_global_body_s_office_named_with_its_country_is_there(void **state)
{
    const char *text = "# Plastics\n\n[[country:Pakistan]]\n## Partners\n> If applicable, what "
                       "private sector partners did you actually work with?\n"
                       "Unilever Pakistan, UNDP Crowdfunding Academy\n";
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t at;
    (void)state;

    assert_int_equal(eco_import_buffer(&g, text, strlen(text), "pk.md", NULL, &err), 0);
    assert_int_equal(eco_graph_find_actor(&at, g, "Unilever Pakistan", "Pakistan"), 0);
    assert_int_equal(eco_graph_find_actor(&at, g, "UNDP Crowdfunding Academy", NULL), 0);
    assert_null(eco_graph_actor(g, at)->country);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_binary_model_adds_up_its_weights),
        cmocka_unit_test(a_model_of_several_classes_gives_each_its_share),
        cmocka_unit_test(a_feature_has_one_key_however_it_is_made),
        cmocka_unit_test(what_is_not_a_model_says_where),
        cmocka_unit_test(the_built_in_models_are_there),
        cmocka_unit_test(a_folder_of_models_lacking_one_is_refused),
        cmocka_unit_test(a_kind_of_body_alone_is_never_an_actor),
        cmocka_unit_test(a_name_long_with_small_words_is_kept_whole),
        cmocka_unit_test(a_programme_and_a_post_are_no_bodies),
        cmocka_unit_test(a_name_before_the_word_company_is_a_company),
        cmocka_unit_test(a_name_beside_the_kind_of_body_it_is_is_a_body),
        cmocka_unit_test(a_directorate_general_is_a_body_of_the_commission),
        cmocka_unit_test(a_name_that_opens_a_sector_answer_is_a_partner),
        cmocka_unit_test(a_name_the_sector_answer_says_acted_is_a_partner),
        cmocka_unit_test(a_whole_answer_naming_one_body_is_that_body),
        cmocka_unit_test(a_name_described_as_a_body_is_a_body),
        cmocka_unit_test(a_name_after_an_elided_article_keeps_it_as_written),
        cmocka_unit_test(a_phrase_shouted_in_capitals_is_no_body),
        cmocka_unit_test(a_span_starting_small_without_a_head_is_no_body),
        cmocka_unit_test(an_activity_is_no_body_but_an_acronym_says_a_name),
        cmocka_unit_test(a_name_ends_before_the_sentence_goes_on),
        cmocka_unit_test(a_subdivision_of_a_country_is_no_body),
        cmocka_unit_test(common_words_capitalised_are_no_body),
        cmocka_unit_test(an_acronym_after_a_name_is_no_body_of_its_own),
        cmocka_unit_test(a_global_body_s_office_named_with_its_country_is_there),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
