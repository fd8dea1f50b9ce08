/* The importer object: inputs added as buffers and paths are read once, in the order of
 * their contents, and always resolved; a finished importer can only be freed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ecomap.h"

static char folder[] = "/tmp/ecomap-importer-XXXXXX";

/* Writes text to folder/name; returns the path, valid until the next call. */
static const char *write_file(const char *name, const char *text)
{
    static char path[600];
    FILE *fp;

    snprintf(path, sizeof(path), "%s/%s", folder, name);
    assert_non_null(fp = fopen(path, "wb"));
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
    return path;
}

static size_t actor(const eco_graph *g, const char *name)
{
    size_t i;
    if (eco_graph_find_actor(&i, g, name, NULL) != 0)
        fail_msg("no actor is called \"%s\"", name);
    return i;
}

static void buffers_and_paths_are_read_and_resolved_together(void **state)
{
    static const char ties[] = "source,target\nURECA LLC,Open Data Lab\n";
    eco_importer *imp = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;

    assert_int_equal(eco_importer_new(&imp, NULL, &err), 0);
    assert_int_equal(eco_importer_add_buffer(imp, ties, sizeof(ties) - 1, "mem/ties.csv", &err), 0);
    assert_int_equal(
        eco_importer_add_path(imp, write_file("more.csv", "source,target\nURECA,Nesta\n"), &err),
        0);
    assert_int_equal(eco_importer_finish(imp, &g, &err), 0);
    eco_importer_free(imp);
    /* a company with and without its legal form is one: only resolution merges them */
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_int_equal(actor(g, "URECA"), actor(g, "URECA LLC"));
    assert_string_equal(eco_graph_actor(g, actor(g, "URECA"))->name, "URECA LLC");
    assert_int_equal(eco_graph_record_count(g), 2);
    /* the map is in the order it is saved in: actors by id */
    for (size_t i = 1; i < eco_graph_actor_count(g); i++)
        assert_true(strcmp(eco_graph_actor(g, i - 1)->id, eco_graph_actor(g, i)->id) < 0);
    eco_graph_free(g);
}

static void a_finished_importer_can_only_be_freed(void **state)
{
    static const char ties[] = "source,target\nA Agency,B Agency\n";
    eco_importer *imp = NULL;
    eco_graph *g = NULL, *again = NULL;
    eco_error err = {0};
    (void)state;

    assert_int_equal(eco_importer_new(&imp, NULL, &err), 0);
    assert_int_equal(eco_importer_add_buffer(imp, ties, sizeof(ties) - 1, "t.csv", &err), 0);
    assert_int_equal(eco_importer_finish(imp, &g, &err), 0);
    assert_int_equal(eco_importer_finish(imp, &again, &err), ECO_EUSAGE);
    assert_null(again);
    assert_int_equal(err.code, ECO_EUSAGE);
    assert_non_null(strstr(err.text, "finished"));
    err = (eco_error){0};
    assert_int_equal(eco_importer_add_buffer(imp, ties, sizeof(ties) - 1, "u.csv", &err),
                     ECO_EUSAGE);
    err = (eco_error){0};
    assert_int_equal(eco_importer_add_path(imp, folder, &err), ECO_EUSAGE);
    eco_importer_free(imp);
    eco_importer_free(NULL); /* NULL-safe */
    assert_int_equal(eco_graph_actor_count(g), 2);
    eco_graph_free(g);
}

static void a_failed_finish_leaves_an_importer_to_free(void **state)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    static const char bad[] = "source,target\nA,\n";
    eco_importer *imp = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;

    opt.format = "csv";
    assert_int_equal(eco_importer_new(&imp, &opt, &err), 0);
    assert_int_equal(eco_importer_add_buffer(imp, bad, sizeof(bad) - 1, "bad.csv", &err), 0);
    assert_int_equal(eco_importer_finish(imp, &g, &err), ECO_EDATA);
    assert_null(g);
    assert_string_equal(err.source, "bad.csv");
    err = (eco_error){0};
    assert_int_equal(eco_importer_finish(imp, &g, &err), ECO_EUSAGE);
    eco_importer_free(imp);
}

static void the_alias_file_is_read_once_when_the_importer_is_made(void **state)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    static const char ties[] = "source,target\nSenescyt,Ministry of Education\n";
    char aliases[600];
    eco_importer *imp = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;

    snprintf(aliases, sizeof(aliases), "%s",
             write_file("aliases.csv", "Senescyt,Secretariat of Higher Education,government\n"));
    opt.aliases = aliases;
    assert_int_equal(eco_importer_new(&imp, &opt, &err), 0);
    /* what the file says now comes too late: recognising names and merging them both use
     * what it said when the importer was made */
    write_file("aliases.csv", "\"not closed\n");
    assert_int_equal(eco_importer_add_buffer(imp, ties, sizeof(ties) - 1, "t.csv", &err), 0);
    assert_int_equal(eco_importer_finish(imp, &g, &err), 0);
    eco_importer_free(imp);
    unlink(aliases);
    size_t i = actor(g, "Senescyt");
    assert_string_equal(eco_graph_actor(g, i)->name, "Secretariat of Higher Education");
    assert_int_equal(eco_graph_actor(g, i)->type, ECO_TYPE_GOVERNMENT);
    eco_graph_free(g);
}

static void a_file_is_read_when_it_is_listed_and_not_again(void **state)
{
    char path[600];
    eco_importer *imp = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;

    snprintf(path, sizeof(path), "%s", write_file("gone.csv", "source,target\nAlpha Lab,Beta Lab\n"));
    assert_int_equal(eco_importer_new(&imp, NULL, &err), 0);
    assert_int_equal(eco_importer_add_path(imp, path, &err), 0);
    unlink(path); /* its bytes were kept when it was listed */
    assert_int_equal(eco_importer_finish(imp, &g, &err), 0);
    eco_importer_free(imp);
    assert_int_equal(eco_graph_actor_count(g), 2);
    assert_string_equal(eco_graph_record(g, 0)->path, path);
    eco_graph_free(g);
}

/* A sheet of elements then connections (ecomap's way of writing all three tables to one
 * stream), one of whose connections names an element of another elements sheet.  Both
 * sheets are read elements first, in an order of their contents: padding varies it, and
 * whichever comes first, the element (its ID kept) replaces the stand-in made for it, with
 * no warning. */
static void an_element_read_later_takes_its_stand_ins_place(void **state)
{
    static const char other[] = "ID,Label,Type\nhc-1,Harbour Council,Municipality\n";
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    char first[200];
    (void)state;

    opt.strict = 1; /* a connection to a missing element would be an error */
    for (int pad = 0; pad < 10; pad++) { /* with 7, a.csv is read first */
        eco_importer *imp = NULL;
        eco_graph *g = NULL;
        eco_error err = {0};
        char *saved = NULL;
        size_t len = 0;
        int n = snprintf(first, sizeof(first), "Label,Type\nCity Lab,Lab\n%.*s\n\nFrom,To,Type\n"
                                               "City Lab,Harbour Council,Partner\n",
                         pad, "          ");
        assert_int_equal(eco_importer_new(&imp, &opt, &err), 0);
        assert_int_equal(eco_importer_add_buffer(imp, first, (size_t)n, "a.csv", &err), 0);
        assert_int_equal(eco_importer_add_buffer(imp, other, sizeof(other) - 1, "b.csv", &err), 0);
        assert_int_equal(eco_importer_finish(imp, &g, &err), 0);
        eco_importer_free(imp);
        assert_int_equal(eco_graph_actor_count(g), 2);
        const eco_actor *council = eco_graph_actor(g, actor(g, "Harbour Council"));
        assert_int_equal(council->type, ECO_TYPE_GOVERNMENT);
        assert_string_equal(council->id, "hc-1");
        assert_int_equal(eco_graph_tie_count(g), 1);
        /* nothing of the stand-in's mark reaches a saved map */
        FILE *fp = open_memstream(&saved, &len);
        assert_int_equal(eco_export_stream(g, ECO_EXPORT_JSON, NULL, fp, "mem", &err), 0);
        fclose(fp);
        assert_null(strstr(saved, "stand-in"));
        free(saved);
        eco_graph_free(g);
    }
}

static void one_call_imports_paths_and_buffers_too(void **state)
{
    static const char ties[] = "source,target\nLabX,Nesta\n";
    const char *paths[2];
    char a[600], b[600];
    eco_graph *g = NULL;
    eco_error err = {0};
    (void)state;

    snprintf(a, sizeof(a), "%s", write_file("a.csv", "source,target\nLabX,Thinkia\n"));
    snprintf(b, sizeof(b), "%s", write_file("b.csv", "source,target\nThinkia,Nesta\n"));
    paths[0] = b, paths[1] = a;
    assert_int_equal(eco_import_paths(&g, paths, 2, NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_int_equal(eco_graph_tie_count(g), 2);
    eco_graph_free(g);
    g = NULL;
    assert_int_equal(eco_import_buffer(&g, ties, sizeof(ties) - 1, "t.csv", NULL, &err), 0);
    assert_int_equal(eco_graph_tie_count(g), 1);
    eco_graph_free(g);
    unlink(a);
    unlink(b);
}

static int make_folder(void **state)
{
    (void)state;
    return mkdtemp(folder) ? 0 : -1;
}

static int remove_folder(void **state)
{
    char path[600];
    static const char *const names[] = {"more.csv", "aliases.csv", "a.csv", "b.csv", NULL};
    (void)state;
    for (size_t i = 0; names[i]; i++) {
        snprintf(path, sizeof(path), "%s/%s", folder, names[i]);
        unlink(path);
    }
    return rmdir(folder);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buffers_and_paths_are_read_and_resolved_together),
        cmocka_unit_test(a_finished_importer_can_only_be_freed),
        cmocka_unit_test(a_failed_finish_leaves_an_importer_to_free),
        cmocka_unit_test(the_alias_file_is_read_once_when_the_importer_is_made),
        cmocka_unit_test(a_file_is_read_when_it_is_listed_and_not_again),
        cmocka_unit_test(an_element_read_later_takes_its_stand_ins_place),
        cmocka_unit_test(one_call_imports_paths_and_buffers_too),
    };
    return cmocka_run_group_tests(tests, make_folder, remove_folder);
}
