/* The one-pass reader of native maps (import/maps/native_scan.c) gives the graph that
 * jansson's reading gives, call for call, and leaves to it every text it is not sure of. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hub.h"
#include "random_map.h"

/* Reads text with the scan alone (declined: 1) or with jansson alone (scan 0). */
static int read_with(eco_graph **out, const char *text, int scan)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_i_session session = {&opt, NULL, {0}, NULL, NULL, NULL, NULL};
    eco_i_input in = {text, strlen(text), "map.json", "map.json", &opt,
                      NULL, &session,     NULL,       NULL,       NULL};
    eco_error err = {0};
    int rc;

    assert_int_equal(eco_graph_new(out), 0);
    rc = scan ? eco_i_native_scan(*out, &in, &err) : eco_i_read_native_checked(*out, &in, &err);
    if (rc == ECO_I_SCAN_DECLINED)
        assert_int_equal(eco_graph_actor_count(*out) + eco_graph_tie_count(*out), 0);
    return rc;
}

static int same_string(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Every field of every actor, tie and record, in index order, weights to the bit. */
static void assert_same_graph(const eco_graph *a, const eco_graph *b)
{
    assert_int_equal(eco_graph_actor_count(a), eco_graph_actor_count(b));
    assert_int_equal(eco_graph_tie_count(a), eco_graph_tie_count(b));
    assert_int_equal(eco_graph_record_count(a), eco_graph_record_count(b));
    for (size_t i = 0; i < eco_graph_actor_count(a); i++) {
        const eco_actor *x = eco_graph_actor(a, i), *y = eco_graph_actor(b, i);
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->name, y->name);
        assert_int_equal(x->type, y->type);
        assert_true(same_string(x->country, y->country));
        assert_int_equal(x->alias_count, y->alias_count);
        for (size_t k = 0; k < x->alias_count; k++)
            assert_string_equal(x->aliases[k], y->aliases[k]);
        assert_int_equal(x->record_count, y->record_count);
        for (size_t k = 0; k < x->record_count; k++)
            assert_string_equal(x->records[k], y->records[k]);
        assert_int_equal(x->attribute_count, y->attribute_count);
        for (size_t k = 0; k < x->attribute_count; k++) {
            assert_string_equal(x->attributes[k].key, y->attributes[k].key);
            assert_string_equal(x->attributes[k].value, y->attributes[k].value);
        }
    }
    for (size_t i = 0; i < eco_graph_tie_count(a); i++) {
        const eco_tie *x = eco_graph_tie(a, i), *y = eco_graph_tie(b, i);
        assert_int_equal(x->source, y->source);
        assert_int_equal(x->target, y->target);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->directed, y->directed);
        assert_memory_equal(&x->weight, &y->weight, sizeof(double));
        assert_int_equal(x->evidence_count, y->evidence_count);
        for (size_t k = 0; k < x->evidence_count; k++) {
            assert_true(same_string(x->evidence[k].record, y->evidence[k].record));
            assert_true(same_string(x->evidence[k].source, y->evidence[k].source));
            assert_true(same_string(x->evidence[k].text, y->evidence[k].text));
            assert_int_equal(x->evidence[k].line, y->evidence[k].line);
        }
    }
    for (size_t i = 0; i < eco_graph_record_count(a); i++) {
        const eco_record *x = eco_graph_record(a, i), *y = eco_graph_record(b, i);
        assert_string_equal(x->id, y->id);
        assert_true(same_string(x->path, y->path));
        assert_true(same_string(x->format, y->format));
        assert_true(same_string(x->title, y->title));
        assert_true(same_string(x->country, y->country));
        assert_int_equal(x->year, y->year);
        assert_int_equal(x->topic_count, y->topic_count);
        for (size_t k = 0; k < x->topic_count; k++)
            assert_string_equal(x->topics[k], y->topics[k]);
    }
}

/* The scan reads text, and to the graph jansson reads. */
static void assert_scanned_alike(const char *text)
{
    eco_graph *scanned = NULL, *checked = NULL;

    if (read_with(&scanned, text, 1) != 0)
        fail_msg("the scan did not read: %s", text);
    assert_int_equal(read_with(&checked, text, 0), 0);
    assert_same_graph(scanned, checked);
    eco_graph_free(scanned);
    eco_graph_free(checked);
}

static void maps_read_alike(void **state)
{
    static const char *const maps[] = {
        "{\"format\": \"ecomap\", \"version\": 1}",
        "\xEF\xBB\xBF{\"format\":\"ecomap\",\"version\":1,\"records\":[],\"actors\":[],\"ties\":[]}",
        /* keys in any order, sections in any order, whitespace of every kind */
        "{\"ties\": [], \"actors\": [{\"records\": [\"r1\", \"r0\"], \"name\": \"B\", \"id\": \"b\"},"
        " {\"aliases\": [\"Bee\", \"A\"], \"id\": \"a\", \"name\": \"A\", \"type\": \"LAB\"}],\r\n"
        "\t\"records\": [{\"year\": 2019, \"id\": \"r1\", \"title\": \"\", \"path\": null}],"
        " \"version\": 1, \"format\": \"ecomap\"}",
        /* escapes, surrogate pairs, and UTF-8 as it is */
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"x\", \"name\": "
        "\"Line\\nbreak \\\"q\\\" \\\\ \\/ \\b\\f\\r\\t \\u00e9\\u20AC \\ud83d\\ude00 é€😀\","
        " \"country\": \"Portugal\", \"attributes\": {\"k\\u0041\": \"\", \"z\": \"v\"}},"
        " {\"id\": \"y\", \"name\": \"Y\", \"attributes\": null, \"type\": null}],"
        " \"ties\": [{\"source\": \"y\", \"target\": \"x\", \"kind\": \"Funding\", \"weight\": 0.25,"
        " \"evidence\": [{\"record\": \"r\", \"source\": \"s.txt\", \"line\": 12, \"text\": \"T\"},"
        " {\"record\": null, \"source\": \"\", \"line\": null, \"text\": null}, {}]},"
        " {\"source\": \"x\", \"target\": \"y\", \"kind\": \"related\", \"directed\": true,"
        " \"weight\": -0}, {\"target\": \"y\", \"source\": \"x\", \"kind\": \"related\","
        " \"directed\": false, \"weight\": 1e2}, {\"source\": \"y\", \"target\": \"x\","
        " \"kind\": \"support\", \"directed\": false, \"weight\": 123456789012},"
        " {\"source\": \"y\", \"target\": \"x\", \"kind\": \"hosting\", \"weight\": 2.5E-3}]}",
        /* topics in their order, a repeat kept once, none as an empty list */
        "{\"format\": \"ecomap\", \"version\": 1, \"records\": [{\"id\": \"r\", \"topics\":"
        " [\"health\", \"Arts, culture\", \"health\", \"\\u00e9nergie\"]},"
        " {\"topics\": [], \"id\": \"s\"}]}",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(maps) / sizeof(*maps); i++)
        assert_scanned_alike(maps[i]);
}

/* A text the scan declines is left to jansson, whatever jansson then makes of it. */
static void doubtful_texts_are_declined(void **state)
{
    static const char *const texts[] = {
        "", "[]", "{}", "{\"format\": \"ecomap\"}", "{\"format\": \"other\", \"version\": 1}",
        "{\"format\": \"ecomap\", \"version\": 2}", "{\"format\": \"ecomap\", \"version\": 1.0}",
        "{\"format\": \"ecomap\", \"version\": 1} x",
        "{\"format\": \"ecomap\", \"version\": 1, \"version\": 1}",
        "{\"format\": \"ecomap\", \"version\": 1, \"extra\": 1}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": null}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\\u0000\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\\ud800\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\x01\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\xC3\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\","
        " \"type\": \"robot\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"a\", \"name\": \"B\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\","
        " \"aliases\": [\"\"]}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"records\": [{\"id\": \"r\","
        " \"topics\": [\"\"]}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"records\": [{\"id\": \"r\","
        " \"topics\": \"a\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"records\": [{\"id\": \"r\","
        " \"topics\": [1]}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"records\": [{\"id\": \"r\","
        " \"topics\": null}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\","
        " \"attributes\": {\"k\": 1}}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\","
        " \"attributes\": {\"k\": \"1\", \"k\": \"2\"}}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\", \"weight\": 1}], \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\"}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\", \"weight\": 1e999}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\", \"weight\": 1234567890123456789012}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\", \"weight\": 2e12}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\", \"weight\": 1}, {\"source\": \"b\", \"target\": \"a\","
        " \"kind\": \"related\", \"weight\": 1}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\", \"weight\": 01}]}",
        "{\"format\": \"ecomap\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"},"
        " {\"id\": \"b\", \"name\": \"B\"}], \"ties\": [{\"source\": \"a\", \"target\": \"b\","
        " \"kind\": \"related\", \"weight\": 1, \"evidence\": [{\"line\": 0}]}]}",
    };
    eco_graph *g = NULL;

    (void)state;
    for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
        if (read_with(&g, texts[i], 1) != ECO_I_SCAN_DECLINED)
            fail_msg("the scan read: %s", texts[i]);
        eco_graph_free(g);
    }
}

/* Writes g as the native map, into a string the caller frees. */
static char *native_text(const eco_graph *g)
{
    char *text = NULL;
    size_t len = 0;
    eco_error err = {0};
    FILE *fp = open_memstream(&text, &len);

    assert_non_null(fp);
    assert_int_equal(eco_export_stream(g, ECO_EXPORT_JSON, NULL, fp, "memory", &err), 0);
    fclose(fp);
    return text;
}

/* Large random maps, written by ecomap, read alike; then read into a graph that already
 * holds a map, which the scan joins as the importer joins maps. */
static void written_maps_read_alike(void **state)
{
    static const shape shapes[] = {{300, 900, 1, 1, 3}, {2000, 6000, 0, 0, 1}};

    (void)state;
    for (size_t s = 0; s < sizeof(shapes) / sizeof(*shapes); s++) {
        eco_graph *g = random_map(&shapes[s], 7 + s), *first = NULL, *second = NULL;
        char *text = native_text(g);
        eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
        eco_i_session session = {&opt, NULL, {0}, NULL, NULL, NULL, NULL};
        eco_i_input in = {text, strlen(text), "map.json", "map.json", &opt,
                          NULL, &session,     NULL,       NULL,       NULL};
        eco_error err = {0};

        assert_scanned_alike(text);
        assert_int_equal(read_with(&first, text, 1), 0);
        assert_int_equal(read_with(&second, text, 0), 0);
        assert_int_equal(eco_i_native_scan(first, &in, &err), 0);
        assert_int_equal(eco_i_read_native_checked(second, &in, &err), 0);
        assert_same_graph(first, second);
        eco_graph_free(first);
        eco_graph_free(second);
        free(text);
        eco_graph_free(g);
    }
}

/* A map of the sample records, with evidence, aliases, records and titles, reads alike. */
static void imported_records_read_alike(void **state)
{
    const char *root = getenv("ECOMAP_SOURCE_DIR");
    char path[4096];
    const char *paths[] = {path};
    eco_graph *g = NULL;
    eco_error err = {0};
    char *text;

    (void)state;
    assert_non_null(root);
    snprintf(path, sizeof(path), "%s/examples/records", root);
    assert_int_equal(eco_import_paths(&g, paths, 1, NULL, &err), 0);
    assert_true(eco_graph_tie_count(g) > 10);
    text = native_text(g);
    assert_scanned_alike(text);
    free(text);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(maps_read_alike),
        cmocka_unit_test(doubtful_texts_are_declined),
        cmocka_unit_test(written_maps_read_alike),
        cmocka_unit_test(imported_records_read_alike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
