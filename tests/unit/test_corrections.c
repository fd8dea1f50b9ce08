/* The analyst's corrections file (--fix): what each line does to a resolved map, what it
 * says when it designates nothing, and which files it refuses, where. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "corrections.h"
#include "hub.h"

static eco_graph *g;
static char told[16][256]; /* the warnings of the last run, formatted */
static size_t told_count;

static void keep_warning(const eco_error *warning, void *context)
{
    (void)context;
    if (told_count < 16)
        eco_error_format(warning, "warning", told[told_count++], sizeof(told[0]));
}

static eco_import_options options = {ECO_IMPORT_OPTIONS_VERSION, 0, NULL, keep_warning, NULL,
                                     NULL, NULL, NULL, NULL, NULL, NULL};

static int setup(void **state)
{
    (void)state;
    told_count = 0;
    options.strict = 0;
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

static void tie(const char *a, const char *b, eco_tie_kind kind)
{
    size_t x, y;
    assert_int_equal(eco_graph_find_actor(&x, g, a, NULL), 0);
    assert_int_equal(eco_graph_find_actor(&y, g, b, NULL), 0);
    assert_int_equal(
        eco_graph_add_tie(NULL, g, x, y, kind, eco_tie_kind_is_directed(kind), 1, NULL), 0);
}

/* Resolves g as an import's finish does, with the corrections in text: the return code,
 * with err holding the error. */
static int resolve_with(const char *text, eco_error *err)
{
    eco_i_corrections *fix = NULL;
    int rc = eco_i_corrections_parse(&fix, text, strlen(text), "fix.txt", &options, err);
    if (rc == 0)
        rc = eco_i_resolve(g, NULL, NULL, NULL, fix, NULL, err);
    eco_i_corrections_free(fix);
    return rc;
}

static void resolve(const char *text)
{
    eco_error err = {0};
    assert_int_equal(resolve_with(text, &err), 0);
}

/* The error line reading len bytes of text gives, or "" when it reads. */
static const char *refusal_of(const char *text, size_t len)
{
    static char line[300];
    eco_error err = {0};
    eco_i_corrections *fix = NULL;
    line[0] = '\0';
    if (eco_i_corrections_parse(&fix, text, len, "fix.txt", &options, &err) < 0)
        eco_error_format(&err, "error", line, sizeof(line));
    eco_i_corrections_free(fix);
    return line;
}

static const char *refusal(const char *text)
{
    return refusal_of(text, strlen(text));
}

static const eco_actor *actor(const char *name)
{
    size_t i;
    if (eco_graph_find_actor(&i, g, name, NULL) < 0)
        return NULL;
    return eco_graph_actor(g, i);
}

static int told_of(const char *text)
{
    for (size_t i = 0; i < told_count; i++)
        if (strstr(told[i], text))
            return 1;
    return 0;
}

/* ---- join ------------------------------------------------------------------------------- */

static void join_makes_one_actor_named_as_the_second_name_with_both_ties(void **state)
{
    (void)state;
    add("UNDP", ECO_TYPE_UNKNOWN, NULL);
    add("United Nations Development Programme", ECO_TYPE_INTERNATIONAL, NULL);
    add("LabX", ECO_TYPE_LAB, "Portugal");
    add("Nesta", ECO_TYPE_CIVIL_SOCIETY, NULL);
    tie("UNDP", "LabX", ECO_TIE_FUNDING);
    tie("United Nations Development Programme", "Nesta", ECO_TIE_PARTNERSHIP);
    resolve("join UNDP \"United Nations Development Programme\"\n");
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_ptr_equal(actor("UNDP"), actor("United Nations Development Programme"));
    assert_string_equal(actor("UNDP")->name, "United Nations Development Programme");
    assert_int_equal(eco_graph_tie_count(g), 2);
    assert_true(told_of("fix.txt: warning: corrections applied: 1 actor joined into another"));
}

static void names_are_found_by_id_or_any_alias_folded_as_ecomap_folds_them(void **state)
{
    (void)state;
    size_t a = add("Administrative Modernisation Agency", ECO_TYPE_GOVERNMENT, "Portugal");
    assert_int_equal(eco_graph_add_alias(g, a, "AMA"), 0);
    add("Agência X", ECO_TYPE_UNKNOWN, NULL);
    /* "ama" is the alias, lower-cased; "agencia-x" the other's id; accents fold away */
    resolve("join agencia-x ama\ntype \"AGENCIA x\" government\n");
    assert_int_equal(eco_graph_actor_count(g), 1);
    assert_string_equal(eco_graph_actor(g, 0)->name, "ama");
    assert_int_equal(eco_graph_actor(g, 0)->type, ECO_TYPE_GOVERNMENT);
}

static void a_join_names_the_actor_by_its_id_only_when_the_line_gives_no_name(void **state)
{
    (void)state;
    add("Cabinet Office", ECO_TYPE_GOVERNMENT, NULL);
    add("CO", ECO_TYPE_UNKNOWN, NULL);
    resolve("join CO cabinet-office\n");
    assert_int_equal(eco_graph_actor_count(g), 1);
    assert_string_equal(eco_graph_actor(g, 0)->name, "Cabinet Office");
}

/* ---- apart ------------------------------------------------------------------------------ */

static void apart_refuses_a_merge_the_rules_would_make(void **state)
{
    (void)state;
    add("URECA LLC", ECO_TYPE_PRIVATE, NULL);
    add("URECA", ECO_TYPE_UNKNOWN, NULL);
    resolve("apart \"URECA LLC\" URECA\n");
    assert_int_equal(eco_graph_actor_count(g), 2);
    assert_true(told_of("fix.txt:1:1: warning: kept apart \"URECA\" and \"URECA LLC\", which "
                        "resolution would have joined"));
}

static void without_apart_the_same_rules_merge(void **state)
{
    (void)state;
    add("URECA LLC", ECO_TYPE_PRIVATE, NULL);
    add("URECA", ECO_TYPE_UNKNOWN, NULL);
    resolve("# nothing to keep apart\n");
    assert_int_equal(eco_graph_actor_count(g), 1);
}

static void a_join_that_makes_one_actor_of_what_apart_keeps_apart_is_an_error(void **state)
{
    (void)state;
    eco_error err = {0};
    add("Alpha Agency", ECO_TYPE_GOVERNMENT, NULL);
    add("Beta Agency", ECO_TYPE_GOVERNMENT, NULL);
    add("Gamma Agency", ECO_TYPE_GOVERNMENT, NULL);
    assert_int_equal(resolve_with("apart \"Alpha Agency\" \"Gamma Agency\"\n"
                                  "join \"Alpha Agency\" \"Beta Agency\"\n"
                                  "join \"Beta Agency\" \"Gamma Agency\"\n", &err),
                     ECO_EDATA);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.text, "this join, with the joins before it, makes one actor of what "
                                  "line 1 keeps apart");
}

static void apart_warns_when_the_records_already_made_one_actor_of_both(void **state)
{
    (void)state;
    size_t a = add("Canadian Space Agency", ECO_TYPE_GOVERNMENT, NULL);
    assert_int_equal(eco_graph_add_alias(g, a, "Cyber Security Agency"), 0);
    resolve("apart \"Canadian Space Agency\" \"Cyber Security Agency\"\n");
    assert_true(told_of("fix.txt:1:1: warning: \"Canadian Space Agency\" and \"Cyber Security "
                        "Agency\" are one actor"));
}

/* ---- not-actor -------------------------------------------------------------------------- */

static void not_actor_drops_the_actor_and_its_ties_and_says_so(void **state)
{
    (void)state;
    add("LabX", ECO_TYPE_LAB, NULL);
    add("Environmental Monitoring", ECO_TYPE_UNKNOWN, NULL);
    add("Nesta", ECO_TYPE_UNKNOWN, NULL);
    tie("LabX", "Environmental Monitoring", ECO_TIE_RELATED);
    tie("Nesta", "Environmental Monitoring", ECO_TIE_RELATED);
    tie("LabX", "Nesta", ECO_TIE_PARTNERSHIP);
    resolve("not-actor \"environmental monitoring\"\n");
    assert_null(actor("Environmental Monitoring"));
    assert_int_equal(eco_graph_tie_count(g), 1);
    assert_true(told_of("1 actor dropped as no actor, 2 ties dropped"));
}

/* ---- type, country, name ---------------------------------------------------------------- */

static void type_country_and_name_set_what_they_say(void **state)
{
    (void)state;
    add("World Bank", ECO_TYPE_PRIVATE, "Nepal");
    resolve("type \"World Bank\" international\ncountry \"World Bank\" none\n"
            "name \"World Bank\" \"The World Bank Group\"\n");
    const eco_actor *a = actor("The World Bank Group");
    assert_non_null(a);
    assert_int_equal(a->type, ECO_TYPE_INTERNATIONAL);
    assert_null(a->country);
    assert_ptr_equal(actor("World Bank"), a); /* the old name stays an alias */
}

static void a_country_in_any_form_becomes_its_english_name(void **state)
{
    (void)state;
    add("Stadt Köln", ECO_TYPE_GOVERNMENT, NULL);
    resolve("country \"Stadt Köln\" Deutschland\n");
    assert_string_equal(actor("Stadt Köln")->country, "Germany");
}

static void type_sets_every_actor_of_that_name_one_per_country(void **state)
{
    (void)state;
    add("Ministry of Planning", ECO_TYPE_UNKNOWN, "Peru");
    add("Ministry of Planning", ECO_TYPE_UNKNOWN, "Chile");
    resolve("type \"Ministry of Planning\" government\n");
    assert_int_equal(eco_graph_actor(g, 0)->type, ECO_TYPE_GOVERNMENT);
    assert_int_equal(eco_graph_actor(g, 1)->type, ECO_TYPE_GOVERNMENT);
}

static void a_join_or_a_name_of_an_actor_in_several_countries_wants_its_id(void **state)
{
    (void)state;
    add("Ministry of Planning", ECO_TYPE_GOVERNMENT, "Peru");
    add("Ministry of Planning", ECO_TYPE_GOVERNMENT, "Chile");
    add("MinPlan", ECO_TYPE_UNKNOWN, "Chile");
    resolve("join MinPlan \"Ministry of Planning\"\n");
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_true(told_of("fix.txt:1:14: warning: \"Ministry of Planning\" names 2 actors; name "
                        "one by its id"));
}

static void two_names_of_one_actor_given_two_types_is_an_error(void **state)
{
    (void)state;
    eco_error err = {0};
    size_t a = add("Cabinet Office", ECO_TYPE_UNKNOWN, NULL);
    assert_int_equal(eco_graph_add_alias(g, a, "CO"), 0);
    assert_int_equal(resolve_with("type CO government\ntype \"Cabinet Office\" lab\n", &err),
                     ECO_EDATA);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.text, "line 1, by another of its names, says otherwise of "
                                  "\"Cabinet Office\"");
}

/* ---- ties ------------------------------------------------------------------------------- */

static void drop_tie_drops_every_tie_of_the_pair_or_those_of_one_kind(void **state)
{
    (void)state;
    add("Camden Council", ECO_TYPE_GOVERNMENT, NULL);
    add("Royal Academy of Engineering", ECO_TYPE_ACADEMIA, NULL);
    add("Nesta", ECO_TYPE_UNKNOWN, NULL);
    tie("Camden Council", "Royal Academy of Engineering", ECO_TIE_PARTNERSHIP);
    tie("Camden Council", "Royal Academy of Engineering", ECO_TIE_RELATED);
    tie("Nesta", "Camden Council", ECO_TIE_FUNDING);
    tie("Nesta", "Camden Council", ECO_TIE_RELATED);
    resolve("drop-tie \"Royal Academy of Engineering\" \"Camden Council\"\n"
            "drop-tie \"Camden Council\" Nesta related\n");
    assert_int_equal(eco_graph_tie_count(g), 1);
    assert_int_equal(eco_graph_tie(g, 0)->kind, ECO_TIE_FUNDING);
}

static void kind_gives_the_kind_and_its_direction_from_the_first_actor(void **state)
{
    (void)state;
    add("LabX", ECO_TYPE_LAB, NULL);
    add("Nesta", ECO_TYPE_UNKNOWN, NULL);
    tie("LabX", "Nesta", ECO_TIE_PARTNERSHIP);
    tie("LabX", "Nesta", ECO_TIE_RELATED);
    resolve("kind Nesta LabX funding\n");
    assert_int_equal(eco_graph_tie_count(g), 1);
    const eco_tie *t = eco_graph_tie(g, 0);
    assert_int_equal(t->kind, ECO_TIE_FUNDING);
    assert_true(t->directed);
    assert_string_equal(eco_graph_actor(g, t->source)->name, "Nesta");
    assert_true(t->weight == 2); /* the two ties, now one, add their weights */
}

static void direction_turns_a_tie_or_takes_its_direction_away(void **state)
{
    (void)state;
    add("LabX", ECO_TYPE_LAB, NULL);
    add("Nesta", ECO_TYPE_UNKNOWN, NULL);
    add("AMA", ECO_TYPE_GOVERNMENT, NULL);
    tie("LabX", "Nesta", ECO_TIE_SUPPORT);
    tie("LabX", "AMA", ECO_TIE_HOSTING);
    resolve("direction Nesta LabX directed\ndirection AMA LabX undirected\n");
    for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (t->kind == ECO_TIE_SUPPORT) {
            assert_true(t->directed);
            assert_string_equal(eco_graph_actor(g, t->source)->name, "Nesta");
        } else {
            assert_int_equal(t->kind, ECO_TIE_HOSTING);
            assert_false(t->directed);
        }
    }
}

/* ---- Lines that designate nothing ------------------------------------------------------- */

static void a_line_that_designates_nothing_is_a_warning_at_its_name(void **state)
{
    (void)state;
    add("LabX", ECO_TYPE_LAB, NULL);
    add("Nesta", ECO_TYPE_UNKNOWN, NULL);
    resolve("\n  join \"Ghost Lab\" LabX\ndrop-tie LabX Nesta\n");
    assert_int_equal(told_count, 2);
    assert_string_equal(told[0], "fix.txt:2:8: warning: no actor is called \"Ghost Lab\"");
    assert_string_equal(told[1], "fix.txt:3:1: warning: no tie joins \"LabX\" and \"Nesta\"");
    assert_int_equal(eco_graph_actor_count(g), 2);
}

static void with_strict_a_line_that_designates_nothing_is_an_error(void **state)
{
    (void)state;
    eco_error err = {0};
    options.strict = 1;
    add("LabX", ECO_TYPE_LAB, NULL);
    assert_int_equal(resolve_with("type Ghost lab\n", &err), ECO_EDATA);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 6);
}

/* ---- Files refused, and where ----------------------------------------------------------- */

static void contradicting_lines_are_refused_at_the_second(void **state)
{
    (void)state;
    assert_string_equal(refusal("join A B\n# then\napart b \"a\"\n"),
                        "fix.txt:3:1: error: line 1 says otherwise of these two actors: join and "
                        "apart contradict");
    assert_string_equal(refusal("type X lab\ntype x government\n"),
                        "fix.txt:2:1: error: line 1 gives this actor another type: an actor "
                        "has one");
    assert_string_equal(refusal("country X Peru\ncountry X Chile\n"),
                        "fix.txt:2:1: error: line 1 gives this actor another country: an actor "
                        "has one");
    assert_string_equal(refusal("direction A B directed\ndirection B A directed\n"),
                        "fix.txt:2:1: error: line 1 gives this tie another direction");
    assert_string_equal(refusal("not-actor X\njoin X Y\n"),
                        "fix.txt:2:1: error: line 1 says this name is no actor: it cannot be "
                        "joined");
    /* saying one thing twice contradicts nothing */
    assert_string_equal(refusal("join A B\njoin B A\ntype X lab\ntype x LAB\nnot-actor Z\n"
                                "not-actor z\ncountry X Peru\ncountry X Perú\n"),
                        "");
}

static void lines_that_are_not_corrections_are_refused_where_they_go_wrong(void **state)
{
    (void)state;
    assert_string_equal(refusal("merge A B\n"),
                        "fix.txt:1:1: error: unknown correction \"merge\" (join, apart, not-actor, "
                        "type, country, name, drop-tie, kind, direction)");
    assert_string_equal(refusal("join  \"Café Nova\"\n"),
                        "fix.txt:1:18: error: missing operand: two actors");
    assert_string_equal(refusal("join Ministry of Education\n"),
                        "fix.txt:1:18: error: one operand too many: two actors; quote a name "
                        "that has spaces");
    assert_string_equal(refusal("join A B\njoin \"Café B\n"),
                        "fix.txt:2:6: error: quote not closed on this line");
    assert_string_equal(refusal("join \"A\"B C\n"),
                        "fix.txt:1:9: error: text right after a closing quote: put a space first");
    assert_string_equal(refusal("type X boat\n"),
                        "fix.txt:1:8: error: unknown actor type \"boat\" (government, lab, "
                        "academia, civil_society, international, private, network or unknown)");
    assert_string_equal(refusal("kind X Y friendship\n"),
                        "fix.txt:1:10: error: unknown tie kind \"friendship\" (partnership, "
                        "funding, hosting, support, membership or related)");
    assert_string_equal(refusal("join \"\" B\n"), "fix.txt:1:6: error: an empty operand");
    /* a byte-order mark is no character of the first line */
    assert_string_equal(refusal("\xEF\xBB\xBFjoin A\n"), "fix.txt:1:7: error: missing operand: "
                                                        "two actors");
    assert_string_equal(refusal_of("join A B\n\x7F" "ELF\x01\x00\x02", 16),
                        "fix.txt:2:6: error: not text: a corrections file is UTF-8 without NUL "
                        "bytes");
    assert_string_equal(refusal("join A B\n# Caf\xE9 in Latin-1\n"),
                        "fix.txt:2:6: error: not text: a corrections file is UTF-8 without NUL "
                        "bytes");
}

static void quotes_comments_blank_lines_and_crlf_read_as_a_person_writes_them(void **state)
{
    (void)state;
    add("The \"Good\" Lab", ECO_TYPE_LAB, NULL);
    add("Nesta", ECO_TYPE_UNKNOWN, NULL);
    resolve("\xEF\xBB\xBF# corrections, a lone \" in a comment too\r\n\r\n"
            "\tjoin   Nesta \"The \"\"Good\"\" Lab\"  \r\n  # indented comment\n");
    assert_int_equal(eco_graph_actor_count(g), 1);
    assert_string_equal(eco_graph_actor(g, 0)->name, "The \"Good\" Lab");
}

/* ---- Read alone ------------------------------------------------------------------------- */

static void a_file_read_alone_says_which_actors_and_pairs_its_lines_name(void **state)
{
    (void)state;
    eco_error err = {0};
    eco_corrections *fix = NULL;
    char path[] = "/tmp/ecomap-fix-XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    assert_non_null(fp);
    fputs("apart \"King Saud University's\" ksu\ntype cooperatives civil_society\n"
          "join EIPA \"canadian space agency\"\n", fp);
    fclose(fp);
    size_t a = add("King Saud University", ECO_TYPE_ACADEMIA, NULL);
    size_t b = add("King Saud University\xE2\x80\x99s", ECO_TYPE_ACADEMIA, NULL);
    size_t c = add("Cooperatives", ECO_TYPE_UNKNOWN, NULL);
    size_t d = add("Canadian Space Agency", ECO_TYPE_GOVERNMENT, NULL);
    assert_int_equal(eco_graph_add_alias(g, a, "KSU"), 0);
    assert_int_equal(eco_corrections_load(&fix, path, &err), 0);
    unlink(path);
    assert_true(eco_corrections_names(fix, g, "apart", a, b, NULL)); /* by an alias, folded */
    assert_true(eco_corrections_names(fix, g, "apart", b, a, NULL)); /* either way round */
    assert_false(eco_corrections_names(fix, g, "join", a, b, NULL));
    assert_true(eco_corrections_names(fix, g, "type", c, (size_t)-1, NULL));
    assert_false(eco_corrections_names(fix, g, "country", c, (size_t)-1, NULL));
    assert_true(eco_corrections_names(fix, g, "join", d, (size_t)-1, "EIPA"));
    assert_false(eco_corrections_names(fix, g, "join", d, (size_t)-1, "CSA"));
    eco_corrections_free(fix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(join_makes_one_actor_named_as_the_second_name_with_both_ties),
        T(names_are_found_by_id_or_any_alias_folded_as_ecomap_folds_them),
        T(a_join_names_the_actor_by_its_id_only_when_the_line_gives_no_name),
        T(apart_refuses_a_merge_the_rules_would_make),
        T(without_apart_the_same_rules_merge),
        T(a_join_that_makes_one_actor_of_what_apart_keeps_apart_is_an_error),
        T(apart_warns_when_the_records_already_made_one_actor_of_both),
        T(not_actor_drops_the_actor_and_its_ties_and_says_so),
        T(type_country_and_name_set_what_they_say),
        T(a_country_in_any_form_becomes_its_english_name),
        T(type_sets_every_actor_of_that_name_one_per_country),
        T(a_join_or_a_name_of_an_actor_in_several_countries_wants_its_id),
        T(two_names_of_one_actor_given_two_types_is_an_error),
        T(drop_tie_drops_every_tie_of_the_pair_or_those_of_one_kind),
        T(kind_gives_the_kind_and_its_direction_from_the_first_actor),
        T(direction_turns_a_tie_or_takes_its_direction_away),
        T(a_line_that_designates_nothing_is_a_warning_at_its_name),
        T(with_strict_a_line_that_designates_nothing_is_an_error),
        T(contradicting_lines_are_refused_at_the_second),
        T(lines_that_are_not_corrections_are_refused_where_they_go_wrong),
        T(quotes_comments_blank_lines_and_crlf_read_as_a_person_writes_them),
        T(a_file_read_alone_says_which_actors_and_pairs_its_lines_name),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
