/* Which spelling names an actor, and which actor gets which id, follow rules that do not
 * depend on the order in which records are read: an actor's name is the spelling most
 * records use (acronyms last, then the longest, then byte order), colliding ids go to
 * actors in order of country, and an alias file still has the last word.  (A name without
 * a country that matches actors of several countries still joins the first one read: the
 * importer reads files in an order of their contents for that.) */
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

/* The winner of forms with votes, checked to be the same in every rotation of the list. */
static const char *best(const char *const *forms, const size_t *votes, size_t n)
{
    const char *winner = NULL;
    for (size_t shift = 0; shift < n; shift++) {
        const char *f[8];
        size_t v[8];
        for (size_t i = 0; i < n; i++) {
            f[i] = forms[(i + shift) % n];
            v[i] = votes[(i + shift) % n];
        }
        const char *w = f[eco_i_best_spelling(f, v, n)];
        if (winner)
            assert_string_equal(w, winner);
        winner = w;
    }
    return winner;
}

static void the_spelling_most_records_use_wins(void **state)
{
    (void)state;
    const char *forms[] = {"AMA – Administrative Modernization Agency",
                           "AMA - Administrative Modernisation Agency",
                           "Agency for Administrative Modernisation"};
    size_t votes[] = {1, 3, 2};
    assert_string_equal(best(forms, votes, 3), "AMA - Administrative Modernisation Agency");
}

static void an_acronym_is_the_name_only_when_nothing_else_is(void **state)
{
    (void)state;
    const char *forms[] = {"AT", "Tax and Customs Authority", "ATA"};
    size_t votes[] = {9, 1, 4};
    assert_string_equal(best(forms, votes, 3), "Tax and Customs Authority");
    assert_string_equal(best((const char *[]){"AT", "ATA"}, (size_t[]){1, 2}, 2), "ATA");
}

static void equal_votes_go_to_the_longest_then_to_byte_order(void **state)
{
    (void)state;
    const char *truncated[] = {"Ministry of Labor and Human",
                               "Ministry of Labour and Human Resources"};
    assert_string_equal(best(truncated, (size_t[]){2, 2}, 2),
                        "Ministry of Labour and Human Resources");
    /* characters, not bytes: "é" is one */
    const char *accents[] = {"Ministerio de Educacion!", "Ministerio de Educación"};
    assert_string_equal(best(accents, (size_t[]){1, 1}, 2), "Ministerio de Educacion!");
    const char *spellings[] = {"Administrative Modernization Agency",
                               "Administrative Modernisation Agency"};
    assert_string_equal(best(spellings, (size_t[]){1, 1}, 2),
                        "Administrative Modernisation Agency");
    assert_int_equal(eco_i_best_spelling(spellings, (size_t[]){1, 1}, 1), 0);
}

/* ---- Whole imports in every order -------------------------------------------------------- */

static const char *const files[][2] = {
    {"a.csv", "source,target,source_country,target_country\n"
              "AMA – Administrative Modernization Agency,LabX,Portugal,Portugal\n"
              "Ministry of Education,LabX,Portugal,Portugal\n"},
    {"b.csv", "source,target,source_country,target_country\n"
              "AMA - Administrative Modernisation Agency,Nesta,Portugal,United Kingdom\n"
              "Ministry of Education,Nesta,Peru,United Kingdom\n"},
    {"c.csv", "source,target,source_country,target_country\n"
              "AMA - Administrative Modernisation Agency,LabX,Portugal,Portugal\n"
              "Ministry of Education,Thinkia,Chile,Ecuador\n"},
};

static char *alias_path;

/* Imports the three files, added in the order of perm, the k-th added with k blank lines
 * after it: an importer reads in the order of the contents, and blank lines change that
 * order without changing what the files say, so that the six orders of perm are read in
 * several orders too.  The map is the caller's. */
static eco_graph *import_in_order(const int perm[3], const char *aliases)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_importer *imp = NULL;
    eco_error err = {0};
    eco_graph *g = NULL;
    char text[512];

    opt.aliases = aliases;
    assert_int_equal(eco_importer_new(&imp, &opt, &err), 0);
    for (int i = 0; i < 3; i++) {
        const char *const *f = files[perm[i]];
        int n = snprintf(text, sizeof(text), "%s%.*s", f[1], i, "\n\n");
        assert_int_equal(eco_importer_add_buffer(imp, text, (size_t)n, f[0], &err), 0);
    }
    assert_int_equal(eco_importer_finish(imp, &g, &err), 0);
    eco_importer_free(imp);
    return g;
}

/* The actor with id, which must exist. */
static const eco_actor *by_id(const eco_graph *g, const char *id)
{
    size_t i;
    assert_int_equal(eco_graph_find_actor_by_id(&i, g, id), 0);
    return eco_graph_actor(g, i);
}

static const int perms[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

static void every_order_of_files_gives_the_same_names_ids_and_order(void **state)
{
    (void)state;
    eco_graph *first = import_in_order(perms[0], NULL);
    for (int p = 0; p < 6; p++) {
        eco_graph *g = import_in_order(perms[p], NULL);
        /* two files of three spell the agency "AMA - ... Modernisation ..." */
        const eco_actor *ama = by_id(g, "ama-administrative-modernisation-agency");
        assert_string_equal(ama->name, "AMA - Administrative Modernisation Agency");
        assert_int_equal(ama->alias_count, 1);
        /* three ministries of one name: the plain id, then the country's, by country */
        assert_string_equal(by_id(g, "ministry-of-education")->country, "Chile");
        assert_string_equal(by_id(g, "ministry-of-education-peru")->country, "Peru");
        assert_string_equal(by_id(g, "ministry-of-education-portugal")->country, "Portugal");
        /* actors, ties and records in the same order, ties between the same ends */
        assert_int_equal(eco_graph_actor_count(g), eco_graph_actor_count(first));
        assert_int_equal(eco_graph_tie_count(g), eco_graph_tie_count(first));
        for (size_t i = 0; i < eco_graph_actor_count(g); i++) {
            assert_string_equal(eco_graph_actor(g, i)->id, eco_graph_actor(first, i)->id);
            assert_string_equal(eco_graph_actor(g, i)->name, eco_graph_actor(first, i)->name);
            if (i > 0)
                assert_true(strcmp(eco_graph_actor(g, i - 1)->id, eco_graph_actor(g, i)->id) < 0);
        }
        for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
            const eco_tie *t = eco_graph_tie(g, i), *u = eco_graph_tie(first, i);
            assert_int_equal(t->source, u->source);
            assert_int_equal(t->target, u->target);
            assert_int_equal(t->kind, u->kind);
            assert_true(t->directed || t->source < t->target);
        }
        for (size_t i = 0; i < eco_graph_record_count(g); i++)
            assert_string_equal(eco_graph_record(g, i)->id, eco_graph_record(first, i)->id);
        eco_graph_free(g);
    }
    eco_graph_free(first);
}

static void an_alias_file_wins_over_the_votes(void **state)
{
    (void)state;
    for (int p = 0; p < 6; p++) {
        eco_graph *g = import_in_order(perms[p], alias_path);
        const eco_actor *ama = by_id(g, "agencia-para-a-modernizacao-administrativa");
        assert_string_equal(ama->name, "Agência para a Modernização Administrativa");
        assert_int_equal(ama->alias_count, 2);
        eco_graph_free(g);
    }
}

int main(void)
{
    static char path[] = "/tmp/ecomap-aliases-XXXXXX";
    static const char text[] =
        "AMA – Administrative Modernization Agency,Agência para a Modernização Administrativa\n";
    int fd = mkstemp(path), rc;

    if (fd < 0 || write(fd, text, sizeof(text) - 1) != (ssize_t)(sizeof(text) - 1) || close(fd) < 0)
        return 1;
    alias_path = path;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_spelling_most_records_use_wins),
        cmocka_unit_test(an_acronym_is_the_name_only_when_nothing_else_is),
        cmocka_unit_test(equal_votes_go_to_the_longest_then_to_byte_order),
        cmocka_unit_test(every_order_of_files_gives_the_same_names_ids_and_order),
        cmocka_unit_test(an_alias_file_wins_over_the_votes),
    };
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    unlink(path);
    return rc;
}
