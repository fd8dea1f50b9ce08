/*
 * Options structs carry their version first: every function that takes one reads a struct
 * of a version it knows, and refuses any other with ECO_EUSAGE and one line that names the
 * struct and both versions, before it reads a field or writes a file.
 */
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

/* ---- The map and the calls -------------------------------------------------------------- */

/* Four actors in a path with a branch, so that every query has something to compute. */
static eco_graph *small_map(void)
{
    eco_graph *g = NULL;
    size_t a, b, c, d;

    assert_int_equal(eco_graph_new(&g), 0);
    assert_int_equal(eco_graph_add_actor(&a, g, NULL, "Ministry of Planning", ECO_TYPE_GOVERNMENT,
                                         NULL), 0);
    assert_int_equal(eco_graph_add_actor(&b, g, NULL, "LabX", ECO_TYPE_LAB, NULL), 0);
    assert_int_equal(eco_graph_add_actor(&c, g, NULL, "Open Data Network", ECO_TYPE_NETWORK,
                                         NULL), 0);
    assert_int_equal(eco_graph_add_actor(&d, g, NULL, "University of Lima", ECO_TYPE_ACADEMIA,
                                         NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, a, b, ECO_TIE_HOSTING, 1, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, b, c, ECO_TIE_MEMBERSHIP, 1, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, b, d, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    return g;
}

/* One call of a function that takes options, with the struct at `version`.  path is a file
 * name in a scratch folder for the calls that write files. */
typedef int (*call_fn)(const eco_graph *g, unsigned version, const char *path, eco_error *err);

static int measure(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    double out[4];
    (void)path;
    opt.version = version;
    return eco_query_measure(out, g, ECO_MEASURE_DEGREE, &opt, err);
}

static int approx_query(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    double out[4];
    (void)path;
    opt.version = version;
    return eco_query_betweenness_approx(out, NULL, g, ECO_MEASURE_BETWEENNESS, NULL, &opt, err);
}

static int approx_approx(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;
    double out[4];
    (void)path;
    approx.version = version;
    return eco_query_betweenness_approx(out, NULL, g, ECO_MEASURE_BETWEENNESS, &approx, NULL, err);
}

static int brokerage(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_brokerage *b = NULL;
    int rc;
    (void)path;
    opt.version = version;
    rc = eco_query_brokerage(&b, g, "type", &opt, err);
    eco_brokerage_free(b);
    return rc;
}

static int cuts(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_cuts *c = NULL;
    int rc;
    (void)path;
    opt.version = version;
    rc = eco_query_cuts(&c, g, &opt, err);
    eco_cuts_free(c);
    return rc;
}

static int paths(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_path *p = NULL;
    size_t count = 0;
    int rc;
    (void)path;
    opt.version = version;
    rc = eco_query_paths(&p, &count, g, 0, 2, 1, &opt, err);
    eco_paths_free(p, count);
    return rc;
}

static int ego(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_graph *sub = NULL;
    int rc;
    (void)path;
    opt.version = version;
    rc = eco_query_ego(&sub, g, 1, 1, &opt, err);
    eco_graph_free(sub);
    return rc;
}

static int communities(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_communities *c = NULL;
    int rc;
    (void)path;
    opt.version = version;
    rc = eco_query_communities(&c, g, ECO_COMMUNITY_LOUVAIN, &opt, err);
    eco_communities_free(c);
    return rc;
}

static int top(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_query_options opt = ECO_QUERY_OPTIONS_INIT;
    eco_graph *sub = NULL;
    int rc;
    (void)path;
    opt.version = version;
    rc = eco_query_top(&sub, g, ECO_MEASURE_DEGREE, 2, &opt, err);
    eco_graph_free(sub);
    return rc;
}

static int filter(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_filter f = ECO_FILTER_INIT;
    eco_graph *sub = NULL;
    int rc;
    (void)path;
    f.version = version;
    rc = eco_query_filter(&sub, g, &f, err);
    eco_graph_free(sub);
    return rc;
}

static int export_stream(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_export_options opt = ECO_EXPORT_OPTIONS_INIT;
    FILE *fp = fopen(path, "w");
    int rc;
    assert_non_null(fp);
    opt.version = version;
    rc = eco_export_stream(g, ECO_EXPORT_NODE_LINK, &opt, fp, path, err);
    assert_int_equal(fclose(fp), 0);
    return rc;
}

static int export_file(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_export_options opt = ECO_EXPORT_OPTIONS_INIT;
    opt.version = version;
    return eco_export_file(g, ECO_EXPORT_NODE_LINK, &opt, path, err);
}

static int diagram_dot(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_diagram_options opt = ECO_DIAGRAM_OPTIONS_INIT;
    FILE *fp = fopen(path, "w");
    int rc;
    assert_non_null(fp);
    opt.version = version;
    rc = eco_diagram_dot(g, &opt, fp, path, err);
    assert_int_equal(fclose(fp), 0);
    return rc;
}

static int diagram_render(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_diagram_options opt = ECO_DIAGRAM_OPTIONS_INIT;
    opt.version = version;
    return eco_diagram_render(g, &opt, "dot", path, err);
}

static int diagram_data(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_diagram_options opt = ECO_DIAGRAM_OPTIONS_INIT;
    char *data = NULL;
    size_t len = 0;
    int rc;
    (void)path;
    opt.version = version;
    rc = eco_diagram_render_data(&data, &len, g, &opt, "svg", err);
    free(data);
    return rc;
}

static int report(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_report_options opt = ECO_REPORT_OPTIONS_INIT;
    opt.version = version;
    return eco_report_write(g, &opt, path, err);
}

/* The diagram's options inside a report's are checked too, before anything is computed. */
static int report_diagram(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_report_options opt = ECO_REPORT_OPTIONS_INIT;
    opt.diagram.version = version;
    return eco_report_write(g, &opt, path, err);
}

/* The importer reads its options when it is made; the one-call imports make one. */
static int importer(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_importer *imp = NULL;
    int rc;
    (void)g, (void)path;
    opt.version = version;
    rc = eco_importer_new(&imp, &opt, err);
    eco_importer_free(imp);
    return rc;
}

static int import_buffer(const eco_graph *g, unsigned version, const char *path, eco_error *err)
{
    static const char ties[] = "source,target\nLabX,Nesta\n";
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_graph *map = NULL;
    int rc;
    (void)g, (void)path;
    opt.version = version;
    rc = eco_import_buffer(&map, ties, sizeof(ties) - 1, "ties.csv", &opt, err);
    eco_graph_free(map);
    return rc;
}

static const struct {
    const char *name;     /* the case, for messages */
    call_fn call;         /* the call */
    const char *type;     /* the struct the message names */
    unsigned current;     /* its version in these headers */
    int writes;           /* 1 when the call writes path itself, so a refusal leaves none */
} cases[] = {
    {"eco_importer_new", importer, "eco_import_options", ECO_IMPORT_OPTIONS_VERSION, 0},
    {"eco_import_buffer", import_buffer, "eco_import_options", ECO_IMPORT_OPTIONS_VERSION, 0},
    {"eco_query_measure", measure, "eco_query_options", ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_betweenness_approx (query)", approx_query, "eco_query_options",
     ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_betweenness_approx (approx)", approx_approx, "eco_approx_options",
     ECO_APPROX_OPTIONS_VERSION, 0},
    {"eco_query_brokerage", brokerage, "eco_query_options", ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_cuts", cuts, "eco_query_options", ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_paths", paths, "eco_query_options", ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_ego", ego, "eco_query_options", ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_communities", communities, "eco_query_options", ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_top", top, "eco_query_options", ECO_QUERY_OPTIONS_VERSION, 0},
    {"eco_query_filter", filter, "eco_filter", ECO_FILTER_VERSION, 0},
    {"eco_export_stream", export_stream, "eco_export_options", ECO_EXPORT_OPTIONS_VERSION, 0},
    {"eco_export_file", export_file, "eco_export_options", ECO_EXPORT_OPTIONS_VERSION, 1},
    {"eco_diagram_dot", diagram_dot, "eco_diagram_options", ECO_DIAGRAM_OPTIONS_VERSION, 0},
    {"eco_diagram_render", diagram_render, "eco_diagram_options", ECO_DIAGRAM_OPTIONS_VERSION, 1},
    {"eco_diagram_render_data", diagram_data, "eco_diagram_options", ECO_DIAGRAM_OPTIONS_VERSION,
     0},
    {"eco_report_write", report, "eco_report_options", ECO_REPORT_OPTIONS_VERSION, 1},
    {"eco_report_write (diagram)", report_diagram, "eco_diagram_options",
     ECO_DIAGRAM_OPTIONS_VERSION, 1},
};

#define CASE_COUNT (sizeof(cases) / sizeof(cases[0]))

/* ---- Tests ------------------------------------------------------------------------------ */

static char scratch[] = "/tmp/ecomap-options-XXXXXX";

static int make_scratch(void **state)
{
    (void)state;
    return mkdtemp(scratch) ? 0 : -1;
}

static int remove_scratch(void **state)
{
    (void)state;
    return rmdir(scratch);
}

static void the_current_version_is_read(void **state)
{
    eco_graph *g = small_map();
    char path[64];
    (void)state;

    snprintf(path, sizeof(path), "%s/out", scratch);
    for (size_t i = 0; i < CASE_COUNT; i++) {
        eco_error err = {0};
        int rc = cases[i].call(g, cases[i].current, path, &err);
        if (rc != 0)
            fail_msg("%s: %s", cases[i].name, err.text);
        unlink(path);
    }
    eco_graph_free(g);
}

static void an_unknown_version_is_refused_with_one_line(void **state)
{
    const unsigned unknown[] = {0, 1, 4000000000u}; /* 1: one above the current version */
    eco_graph *g = small_map();
    char path[64], expected[160];
    (void)state;

    snprintf(path, sizeof(path), "%s/out", scratch);
    for (size_t i = 0; i < CASE_COUNT; i++) {
        for (size_t k = 0; k < sizeof(unknown) / sizeof(unknown[0]); k++) {
            eco_error err = {0};
            unsigned version = unknown[k] == 1 ? cases[i].current + 1 : unknown[k];
            int rc = cases[i].call(g, version, path, &err);
            snprintf(expected, sizeof(expected), "%s of version %u; this library knows %u",
                     cases[i].type, version, cases[i].current);
            if (rc != ECO_EUSAGE || err.code != ECO_EUSAGE || strcmp(err.text, expected) != 0)
                fail_msg("%s, version %u: returned %d, \"%s\"; wanted \"%s\"", cases[i].name,
                         version, rc, err.text, expected);
            if (cases[i].writes && access(path, F_OK) == 0)
                fail_msg("%s, version %u: left %s behind", cases[i].name, version, path);
            unlink(path);
        }
    }
    eco_graph_free(g);
}

/* NULL stays the way to ask for the defaults. */
static void null_options_are_the_defaults(void **state)
{
    eco_graph *g = small_map();
    eco_error err = {0};
    eco_graph *sub = NULL;
    double out[4];
    (void)state;

    assert_int_equal(eco_query_measure(out, g, ECO_MEASURE_DEGREE, NULL, &err), 0);
    assert_int_equal(eco_query_betweenness_approx(out, NULL, g, ECO_MEASURE_BETWEENNESS, NULL,
                                                  NULL, &err), 0);
    assert_int_equal(eco_query_top(&sub, g, ECO_MEASURE_DEGREE, 1, NULL, &err), 0);
    assert_int_equal(eco_graph_actor_count(sub), 1);
    eco_graph_free(sub);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_current_version_is_read),
        cmocka_unit_test(an_unknown_version_is_refused_with_one_line),
        cmocka_unit_test(null_options_are_the_defaults),
    };
    return cmocka_run_group_tests(tests, make_scratch, remove_scratch);
}
