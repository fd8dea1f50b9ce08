/*
 * tools/train/gold.c - reading the labelled records of ../shared/gold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "gold.h"

static char *copy(const char *s)
{
    char *c = s ? malloc(strlen(s) + 1) : NULL;
    if (c)
        strcpy(c, s);
    return c;
}

void gold_fold(char *buf, size_t n, const char *name)
{
    eco_name_fold(buf, n, name);
    if (strncmp(buf, "the ", 4) == 0)
        memmove(buf, buf + 4, strlen(buf + 4) + 1);
}

static const char *string_of(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int add_form(gold_actor *a, const char *form)
{
    char folded[512];
    char **grown;

    if (!form || !*form)
        return 0;
    gold_fold(folded, sizeof(folded), form);
    if (!*folded)
        return 0;
    if (!(grown = realloc(a->forms, (a->form_count + 1) * sizeof(*grown))))
        return ECO_ENOMEM;
    a->forms = grown;
    return (a->forms[a->form_count++] = copy(folded)) ? 0 : ECO_ENOMEM;
}

static gold_record *record_named(gold_file *g, const char *name)
{
    gold_record *grown;

    for (size_t i = 0; i < g->record_count; i++)
        if (strcmp(g->records[i].name, name) == 0)
            return &g->records[i];
    if (!(grown = realloc(g->records, (g->record_count + 1) * sizeof(*grown))))
        return NULL;
    g->records = grown;
    gold_record *r = &g->records[g->record_count];
    memset(r, 0, sizeof(*r));
    r->fully_labelled = g->fully_labelled;
    if (!(r->name = copy(name)))
        return NULL;
    g->record_count++;
    return r;
}

static int read_actor(gold_file *g, const json_t *o, size_t index)
{
    gold_actor *a = &g->actors[index];
    const json_t *aliases = json_object_get(o, "aliases"), *records = json_object_get(o, "records");
    const char *type = string_of(o, "type");
    size_t i;
    json_t *v;
    int rc;

    memset(a, 0, sizeof(*a));
    if (!(a->name = copy(string_of(o, "name"))))
        return ECO_EDATA;
    a->country = copy(string_of(o, "country"));
    a->core = json_is_true(json_object_get(o, "core"));
    if (type && eco_actor_type_from_name(&a->type, type) < 0)
        a->type = ECO_TYPE_UNKNOWN;
    if ((rc = add_form(a, a->name)) < 0)
        return rc;
    json_array_foreach(aliases, i, v) if ((rc = add_form(a, json_string_value(v))) < 0) return rc;
    json_array_foreach(records, i, v)
    {
        gold_record *r = json_is_string(v) ? record_named(g, json_string_value(v)) : NULL;
        size_t *grown;
        if (!r || !(grown = realloc(r->actors, (r->actor_count + 1) * sizeof(*grown))))
            return ECO_ENOMEM;
        r->actors = grown;
        r->actors[r->actor_count++] = index;
    }
    return 0;
}

/* The actor a tie names: its "key" when the file has one ("Name @ Country"), else its name. */
static long actor_named(const gold_file *g, const json_t *actors, const char *name,
                        const char *country)
{
    char key[600];
    snprintf(key, sizeof(key), "%s @ %s", name, country ? country : "");
    for (size_t i = 0; i < g->actor_count; i++) {
        const char *k = string_of(json_array_get(actors, i), "key");
        if ((country && k && strcmp(k, key) == 0) ||
            (!country && strcmp(g->actors[i].name, name) == 0))
            return (long)i;
    }
    return -1;
}

static int read_ties(gold_file *g, const json_t *actors, const json_t *ties)
{
    size_t i;
    json_t *t;

    if (!(g->ties = calloc(json_array_size(ties) + 1, sizeof(*g->ties))))
        return ECO_ENOMEM;
    json_array_foreach(ties, i, t)
    {
        const char *kind = string_of(t, "kind");
        long a = actor_named(g, actors, string_of(t, "a") ? string_of(t, "a") : "",
                             string_of(t, "a_country"));
        long b = actor_named(g, actors, string_of(t, "b") ? string_of(t, "b") : "",
                             string_of(t, "b_country"));
        gold_tie *gt = &g->ties[g->tie_count];
        if (a < 0 || b < 0 || !kind || eco_tie_kind_from_name(&gt->kind, kind) < 0)
            continue;
        gt->a = (size_t)a;
        gt->b = (size_t)b;
        gt->directed = json_is_true(json_object_get(t, "directed"));
        gt->core = json_is_true(json_object_get(t, "core"));
        g->tie_count++;
    }
    return 0;
}

int gold_load(gold_file *out, const char *path, int fully_labelled, eco_error *err)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr), *actors, *ties;
    size_t i;
    json_t *o;
    int rc = 0;

    memset(out, 0, sizeof(*out));
    if (!root)
        return eco_error_set(err, ECO_EDATA, path, jerr.line, jerr.column, "%s", jerr.text);
    actors = json_object_get(root, "actors");
    ties = json_object_get(root, "ties");
    out->fully_labelled = fully_labelled;
    if (!json_is_array(actors) || (ties && !json_is_array(ties))) {
        rc = eco_error_set(err, ECO_EDATA, path, 1, 1, "gold file without an \"actors\" array");
        goto cleanup;
    }
    if (!(out->path = copy(path)) ||
        !(out->actors = calloc(json_array_size(actors) + 1, sizeof(*out->actors)))) {
        rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
        goto cleanup;
    }
    json_array_foreach(actors, i, o)
    {
        out->actor_count = i + 1;
        if ((rc = read_actor(out, o, i)) < 0) {
            eco_error_set(err, rc, path, 0, 0, "actor %zu has no name, or memory ran out", i + 1);
            goto cleanup;
        }
    }
    if (ties && (rc = read_ties(out, actors, ties)) < 0)
        eco_error_set(err, rc, path, 0, 0, "out of memory");
cleanup:
    json_decref(root);
    if (rc < 0)
        gold_free(out);
    return rc;
}

void gold_free(gold_file *g)
{
    for (size_t i = 0; i < g->actor_count; i++) {
        for (size_t k = 0; k < g->actors[i].form_count; k++)
            free(g->actors[i].forms[k]);
        free(g->actors[i].forms);
        free(g->actors[i].name);
        free(g->actors[i].country);
    }
    for (size_t i = 0; i < g->record_count; i++) {
        free(g->records[i].name);
        free(g->records[i].actors);
    }
    free(g->actors);
    free(g->ties);
    free(g->records);
    free(g->path);
    memset(g, 0, sizeof(*g));
}

long gold_match(const gold_file *g, const gold_record *r, const char *folded)
{
    for (size_t i = 0; i < r->actor_count; i++) {
        const gold_actor *a = &g->actors[r->actors[i]];
        for (size_t k = 0; k < a->form_count; k++)
            if (strcmp(a->forms[k], folded) == 0)
                return (long)r->actors[i];
    }
    return -1;
}
