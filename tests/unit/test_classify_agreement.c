/* On a name alone, with no prompt and no context, the public classifier (eco_name_classify)
 * and the importer give the same type: checked on every name and alias of the analysts' gold
 * actors (every JSON file of ../shared/gold beside the source tree, else
 * tests/extraction/seeds.json), through both wings of the importer.  Context may still
 * change the importer's answer: a sector label, a prompt, a country. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "hub.h"

#define MAX_NAMES 4096

typedef struct names {
    char *items[MAX_NAMES]; /* every name and alias once (owned) */
    size_t count;           /* names in items */
} names;

static void add_name(names *n, const char *name)
{
    for (size_t i = 0; i < n->count; i++)
        if (strcmp(n->items[i], name) == 0)
            return;
    assert_true(n->count < MAX_NAMES);
    assert_non_null(n->items[n->count++] = strdup(name));
}

static void add_gold_file(names *n, const char *path)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr), *actor, *alias;
    size_t i, k;

    if (!root)
        fail_msg("%s: %s", path, jerr.text);
    json_array_foreach(json_object_get(root, "actors"), i, actor)
    {
        add_name(n, json_string_value(json_object_get(actor, "name")));
        json_array_foreach(json_object_get(actor, "aliases"), k, alias)
            add_name(n, json_string_value(alias));
    }
    json_decref(root);
}

/* The gold names: every JSON file of ../shared/gold, else the copy of the seeds' gold. */
static void gold_names(names *n)
{
    const char *source = getenv("ECOMAP_SOURCE_DIR") ? getenv("ECOMAP_SOURCE_DIR") : ".";
    char dir[512], path[1024];
    struct dirent *e;
    DIR *d;

    snprintf(dir, sizeof(dir), "%s/../shared/gold", source);
    if ((d = opendir(dir))) {
        while ((e = readdir(d)))
            if (strlen(e->d_name) > 5 && strcmp(e->d_name + strlen(e->d_name) - 5, ".json") == 0) {
                snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
                add_gold_file(n, path);
            }
        closedir(d);
    }
    if (n->count == 0) {
        snprintf(path, sizeof(path), "%s/tests/extraction/seeds.json", source);
        add_gold_file(n, path);
    }
    assert_true(n->count > 0);
}

/* The maps wing: a CSV of ties that names the name and gives nothing else about it. */
static eco_actor_type type_from_a_csv_of_ties(const char *name)
{
    char csv[2048], *w = csv;
    eco_graph *g = NULL;
    eco_error err = {0};
    eco_actor_type type;
    size_t i;

    w += sprintf(w, "source,target\n\"");
    for (const char *c = name; *c && w < csv + sizeof(csv) - 64; c++)
        w += *c == '"' ? sprintf(w, "\"\"") : sprintf(w, "%c", *c);
    w += sprintf(w, "\",Zz Placeholder Body\n");
    assert_int_equal(eco_import_buffer(&g, csv, (size_t)(w - csv), "gold.csv", NULL, &err), 0);
    if (eco_graph_find_actor(&i, g, name, NULL) != 0)
        fail_msg("\"%s\": the CSV of ties made no actor of it", name);
    type = eco_graph_actor(g, i)->type;
    eco_graph_free(g);
    return type;
}

/* The prose wing: the record builder meets the name for the first time, in a record of no
 * country, with no type and no alias file. */
static eco_actor_type type_from_a_record(const char *name)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_i_session session = {&opt, NULL, {0}, NULL, NULL, NULL, NULL};
    eco_i_input in = {"", 0, "gold.md", "gold.md", &opt, NULL, &session, NULL, NULL, NULL};
    eco_i_record *r = NULL;
    eco_graph *g = NULL;
    eco_actor_type type;
    size_t i;

    assert_int_equal(eco_graph_new(&g), 0);
    eco_i_votes_init(&session.votes, g);
    assert_int_equal(eco_i_prose_cache_new(&session.prose), 0);
    assert_int_equal(eco_i_record_new(&r, g, &in, "text"), 0);
    assert_int_equal(eco_i_record_actor(r, &i, name, ECO_TYPE_UNKNOWN, NULL), 0);
    type = eco_graph_actor(g, i)->type;
    eco_i_record_free(r);
    eco_i_prose_cache_free(session.prose);
    eco_i_votes_free(&session.votes);
    eco_graph_free(g);
    return type;
}

static const char *type_name(eco_actor_type type)
{
    return type == ECO_TYPE_UNKNOWN ? "unknown" : eco_actor_type_name(type);
}

static void a_name_alone_gets_one_type_from_the_classifier_and_the_importer(void **state)
{
    names n = {{NULL}, 0};
    size_t disagreements = 0;
    (void)state;

    gold_names(&n);
    for (size_t i = 0; i < n.count; i++) {
        const char *name = n.items[i];
        eco_actor_type public_type = eco_name_classify(name);
        eco_actor_type csv = type_from_a_csv_of_ties(name), record = type_from_a_record(name);
        if (csv != public_type || record != public_type) {
            print_message("\"%s\": eco_name_classify %s, a CSV of ties %s, a record %s\n", name,
                          type_name(public_type), type_name(csv), type_name(record));
            disagreements++;
        }
    }
    for (size_t i = 0; i < n.count; i++)
        free(n.items[i]);
    if (disagreements)
        fail_msg("%zu of %zu names typed differently", disagreements, n.count);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_name_alone_gets_one_type_from_the_classifier_and_the_importer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
