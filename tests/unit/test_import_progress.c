/* Progress of a long import: told in whole percents of the input's bytes, from 0 to 100,
 * never going back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"

typedef struct seen {
    double percent[128];
    size_t count;
} seen;

static void note(double percent, void *context)
{
    seen *s = context;
    if (s->count < 128)
        s->percent[s->count++] = percent;
}

static const char *source_dir(void)
{
    const char *dir = getenv("ECOMAP_SOURCE_DIR");
    return dir ? dir : ".";
}

static void an_import_reports_from_0_to_100_never_going_back(void **state)
{
    char paths[2][512];
    const char *list[2] = {paths[0], paths[1]};
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_error err = {0};
    eco_graph *g = NULL;
    seen s = {{0}, 0};

    (void)state;
    snprintf(paths[0], sizeof(paths[0]), "%s/tests/data/ties.csv", source_dir());
    snprintf(paths[1], sizeof(paths[1]), "%s/examples/records", source_dir());
    opt.progress = note;
    opt.progress_context = &s;
    assert_int_equal(eco_import_paths(&g, list, 2, &opt, &err), 0);
    assert_true(s.count >= 3); /* the records are several files of some size */
    assert_true(s.percent[0] == 0);
    assert_true(s.percent[s.count - 1] == 100);
    for (size_t i = 1; i < s.count; i++)
        assert_true(s.percent[i] > s.percent[i - 1]);
    eco_graph_free(g);
}

static void without_a_callback_nothing_is_told(void **state)
{
    char path[512];
    const char *list[1] = {path};
    eco_error err = {0};
    eco_graph *g = NULL;

    (void)state;
    snprintf(path, sizeof(path), "%s/tests/data/ties.csv", source_dir());
    assert_int_equal(eco_import_paths(&g, list, 1, NULL, &err), 0);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_import_reports_from_0_to_100_never_going_back),
        cmocka_unit_test(without_a_callback_nothing_is_told),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
