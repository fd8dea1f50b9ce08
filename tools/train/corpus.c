/*
 * tools/train/corpus.c - reading the labelled records once, labelling what the importer
 * weighs in them, and training and cross-validating the models on those examples.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"
#include "learn.h"
#include "learning.h"

enum { MODEL_ACTOR, MODEL_TYPE, MODEL_TIE, MODEL_COUNT };

static const char *const model_names[MODEL_COUNT] = {"actor", "type", "tie"};

static const char *const actor_classes[] = {"no", "yes"};

/* Whether a sentence ties two actors as partners; which way a directed tie points is the
 * rules' to say (import/prose/ties.c). */
static const char *const tie_classes[] = {"no", "partners"};

/* The types of eco_actor_type, in its order, without UNKNOWN. */
static const char *const type_classes[] = {"government",    "lab",     "academia", "civil_society",
                                           "international", "private", "network"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct gold_ref {
    const gold_file *file;
    size_t actor; /* index in file */
} gold_ref;

typedef struct record {
    char *name;         /* its file name: the record's id (owned) */
    char path[4096];    /* where it is */
    int fully_labelled; /* some gold file lists every organisation it names */
    gold_ref *actors;   /* the gold actors of every file that name it (owned) */
    size_t actor_count;
} record;

typedef struct example {
    char *span;        /* the text of the span or pair, for --dump (owned) */
    size_t record;     /* index in records */
    int model;         /* MODEL_* */
    long label;        /* index in the model's classes; UNLABELLED until the record is read */
    char *texts;       /* the features' texts, each ending in '\0' (owned) */
    size_t count;      /* features */
    size_t sentence;   /* the sentence it is in: a count of sentences seen */
    size_t start, end; /* its bytes in the sentence */
} example;

#define UNLABELLED (-1)

struct corpus {
    record *records; /* in order of name */
    size_t record_count;
    example *examples;
    size_t example_count, example_cap;
    size_t current;       /* the record being read */
    size_t sentence_count; /* sentences the observer has seen spans of */
    int failed; /* memory ran out in the observer */
};

/* ---- Records ---------------------------------------------------------------------------- */

static record *record_named(corpus *c, const char *name)
{
    for (size_t i = 0; i < c->record_count; i++)
        if (strcmp(c->records[i].name, name) == 0)
            return &c->records[i];
    return NULL;
}

static int add_record(corpus *c, const gold_file *g, const gold_record *gr)
{
    record *r = record_named(c, gr->name);
    gold_ref *grown;

    if (!r) {
        record *more = realloc(c->records, (c->record_count + 1) * sizeof(*more));
        if (!more)
            return ECO_ENOMEM;
        c->records = more;
        r = &c->records[c->record_count];
        memset(r, 0, sizeof(*r));
        if (!(r->name = strdup(gr->name)))
            return ECO_ENOMEM;
        c->record_count++;
    }
    r->fully_labelled |= gr->fully_labelled;
    if (!(grown = realloc(r->actors, (r->actor_count + gr->actor_count) * sizeof(*grown))))
        return ECO_ENOMEM;
    r->actors = grown;
    for (size_t i = 0; i < gr->actor_count; i++)
        r->actors[r->actor_count++] = (gold_ref){g, gr->actors[i]};
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const record *)a)->name, ((const record *)b)->name);
}

/* The gold actor of r a span's text names: its forms, folded, hold the text folded. */
static const gold_ref *ref_named(const record *r, const char *text, size_t len)
{
    char name[512], folded[512];
    size_t n = len < sizeof(name) - 1 ? len : sizeof(name) - 1;

    memcpy(name, text, n);
    name[n] = '\0';
    gold_fold(folded, sizeof(folded), name);
    for (size_t i = 0; i < r->actor_count && *folded; i++) {
        const gold_actor *a = &r->actors[i].file->actors[r->actors[i].actor];
        for (size_t k = 0; k < a->form_count; k++)
            if (strcmp(a->forms[k], folded) == 0)
                return &r->actors[i];
    }
    return NULL;
}

static const gold_actor *actor_named(const record *r, const char *text, size_t len)
{
    const gold_ref *ref = ref_named(r, text, len);
    return ref ? &ref->file->actors[ref->actor] : NULL;
}

/* ---- Examples --------------------------------------------------------------------------- */

static void keep(corpus *c, int model, long label, const eco_i_features *f, const char *span,
                 size_t len)
{
    example *e;
    char *texts = NULL, *copy = NULL;

    if (c->failed || f->failed ||
        eco_i_reserve(&c->examples, &c->example_cap, c->example_count + 1, sizeof(*e)) < 0 ||
        !(texts = malloc(f->names_len + 1)) || !(copy = strndup(span, len))) {
        free(texts);
        c->failed = 1;
        return;
    }
    memcpy(texts, f->names, f->names_len);
    c->examples[c->example_count++] =
        (example){copy, c->current, model, label, texts, f->count, c->sentence_count, 0, 0};
}

/* A span the importer weighed: an organisation when it names a gold actor of the record
 * (and then an example of its type), none when the record is fully labelled, unlabelled
 * until the record is read otherwise (label_boundaries). */
static void on_span(void *ctx, const eco_i_observed_span *s)
{
    corpus *c = ctx;
    const record *r = &c->records[c->current];
    const char *text = s->sentence + s->start;
    size_t len = s->end - s->start;
    const gold_actor *a = actor_named(r, text, len);

    if (s->first)
        c->sentence_count++;
    keep(c, MODEL_ACTOR, a ? 1 : r->fully_labelled ? 0 : UNLABELLED, s->actor, text, len);
    if (!c->failed) {
        c->examples[c->example_count - 1].start = s->start;
        c->examples[c->example_count - 1].end = s->end;
    }
    if (a && a->type != ECO_TYPE_UNKNOWN)
        keep(c, MODEL_TYPE, (long)a->type - 1, s->type, text, len);
}

/*
 * In a record of partners only, a span that is no partner may be an organisation the
 * curators left out, and is not learned from; but a span that overlaps a partner's name
 * without being one cuts that name wrong ("Maroc Numeric Cluster FIWARE", where the
 * partners are "Maroc Numeric Cluster" and "FIWARE"), and is learned as none.
 */
/* Whether the rules kept the span of e as a name (its feature "rule=..."). */
static int rules_kept(const example *e)
{
    const char *t = e->texts;
    for (size_t k = 0; k < e->count; k++, t += strlen(t) + 1)
        if (strncmp(t, "rule=", 5) == 0)
            return 1;
    return 0;
}

static void label_boundaries(corpus *c, size_t first)
{
    for (size_t i = first; i < c->example_count; i++) {
        example *e = &c->examples[i];
        if (e->model != MODEL_ACTOR || e->label != UNLABELLED || rules_kept(e))
            continue;
        for (size_t k = first; k < c->example_count && e->label == UNLABELLED; k++) {
            const example *p = &c->examples[k];
            if (p->model == MODEL_ACTOR && p->label == 1 && p->sentence == e->sentence &&
                p->start < e->end && e->start < p->end)
                e->label = 0;
        }
    }
}

/* 1 when the gold file of x and y ties them as partners, UNLABELLED when it ties them in
 * another way (which the rules, not the model, decide), 0 when it does not tie them. */
static long tie_label(const gold_ref *x, const gold_ref *y)
{
    const gold_file *g = x->file;

    if (y->file != g)
        return 0;
    for (size_t i = 0; i < g->tie_count; i++) {
        const gold_tie *t = &g->ties[i];
        if ((t->a == x->actor && t->b == y->actor) || (t->a == y->actor && t->b == x->actor))
            return t->kind == ECO_TIE_PARTNERSHIP ? 1 : t->kind == ECO_TIE_RELATED ? 0 : UNLABELLED;
    }
    return 0;
}

/* A pair of actors a sentence names (or is about): its gold tie, when both are gold actors
 * of the record; no tie is learned from only where the record is fully labelled. */
static void on_pair(void *ctx, const char *record_id, const char *a, const char *b,
                    const eco_i_features *tie)
{
    corpus *c = ctx;
    const record *r = &c->records[c->current];
    const gold_ref *x = ref_named(r, a, strlen(a)), *y = ref_named(r, b, strlen(b));
    char both[600];
    long label;

    (void)record_id;
    if (!x || !y || x == y)
        return;
    label = tie_label(x, y);
    if (label == UNLABELLED || (label == 0 && !r->fully_labelled))
        return;
    snprintf(both, sizeof(both), "%s | %s", a, b);
    keep(c, MODEL_TIE, label, tie, both, strlen(both));
}

/* Reads record i alone, with the rules alone, showing every decision to the observer. */
static int read_record(corpus *c, size_t i, eco_error *err)
{
    eco_i_observer observer = {on_span, on_pair, c};
    eco_importer *imp = NULL;
    eco_graph *g = NULL;
    int rc;

    size_t first = c->example_count;

    c->current = i;
    if ((rc = eco_i_importer_new_untrained(&imp, NULL, err)) == 0) {
        eco_i_importer_observe(imp, &observer);
        if ((rc = eco_importer_add_path(imp, c->records[i].path, err)) == 0)
            rc = eco_importer_finish(imp, &g, err);
    }
    eco_graph_free(g);
    eco_importer_free(imp);
    label_boundaries(c, first);
    if (rc == 0 && c->failed)
        rc = eco_error_set(err, ECO_ENOMEM, c->records[i].path, 0, 0, "out of memory");
    return rc;
}

int corpus_read(corpus **out, const gold_file *gold, size_t n, const char *shared, find_fn find,
                eco_error *err)
{
    corpus *c = calloc(1, sizeof(*c));
    int rc = 0;

    *out = NULL;
    if (!c)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t s = 0; s < n && rc == 0; s++)
        for (size_t i = 0; i < gold[s].record_count && rc == 0; i++)
            rc = add_record(c, &gold[s], &gold[s].records[i]);
    if (rc < 0) {
        corpus_free(c);
        return eco_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    qsort(c->records, c->record_count, sizeof(*c->records), by_name);
    for (size_t i = 0; i < c->record_count && rc == 0; i++) {
        record *r = &c->records[i];
        if (find(shared, r->name, r->path, sizeof(r->path)) < 0)
            rc = eco_error_set(err, ECO_ENOINPUT, shared, 0, 0,
                               "no file of %s/records is the record %s", shared, r->name);
        else
            rc = read_record(c, i, err);
    }
    if (rc < 0) {
        corpus_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

void corpus_free(corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->record_count; i++) {
        free(c->records[i].name);
        free(c->records[i].actors);
    }
    for (size_t i = 0; i < c->example_count; i++) {
        free(c->examples[i].texts);
        free(c->examples[i].span);
    }
    free(c->records);
    free(c->examples);
    free(c);
}

/* ---- Training --------------------------------------------------------------------------- */

static int make_dir(const char *dir, eco_error *err)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s", dir);
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0777);
            *p = '/';
        }
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return eco_error_set(err, ECO_ECANTCREAT, dir, 0, 0, "cannot make the folder: %s",
                             strerror(errno));
    return 0;
}

/* How much a span that is no organisation weighs against one that is. */
static double negative_weight = 1.0;

void corpus_set_negative_weight(double w)
{
    negative_weight = w;
}

static int train_one(const corpus *c, int model, fold_fn fold, int held_out, int folds, double cost,
                     const char *dir, eco_error *err)
{
    static const char *const *classes[MODEL_COUNT] = {actor_classes, type_classes, tie_classes};
    static const size_t class_counts[MODEL_COUNT] = {COUNT(actor_classes), COUNT(type_classes),
                                                     COUNT(tie_classes)};
    examples *ex = NULL;
    size_t counts[16] = {0};
    char path[4096];
    int rc;

    snprintf(path, sizeof(path), "%s/%s.model", dir, model_names[model]);
    if ((rc = examples_new(&ex, model_names[model], classes[model], class_counts[model])) < 0)
        return eco_error_set(err, rc, path, 0, 0, "out of memory");
    for (size_t i = 0; i < c->example_count && rc == 0; i++) {
        const example *e = &c->examples[i];
        if (e->model != model || e->label == UNLABELLED ||
            (fold && fold(c->records[e->record].name, folds) == held_out))
            continue;
        eco_i_features f = {.count = e->count, .keep_names = 1, .names = e->texts};
        rc = examples_add(ex, &f, (size_t)e->label);
    }
    if (rc < 0)
        rc = eco_error_set(err, rc, path, 0, 0, "out of memory");
    else
        rc = examples_train(ex, cost, model == MODEL_ACTOR ? negative_weight : 1.0, path, err);
    examples_counts(ex, counts);
    printf("%s:", path);
    for (size_t k = 0; k < class_counts[model]; k++)
        printf(" %s %zu", classes[model][k], counts[k]);
    printf("\n");
    examples_free(ex);
    return rc;
}

int corpus_train(const corpus *c, fold_fn fold, int held_out, int folds, double cost,
                 const char *dir, eco_error *err)
{
    int rc = make_dir(dir, err);
    for (int model = 0; model < MODEL_COUNT && rc == 0; model++)
        rc = train_one(c, model, fold, held_out, folds, cost, dir, err);
    return rc;
}

/* ---- Cross-validated maps --------------------------------------------------------------- */

/* The map of one gold file's records, each read with the models of its fold. */
static int cross_map(const corpus *c, const gold_file *g, eco_i_models **models, fold_fn fold,
                     int folds, const char *path, eco_error *err)
{
    eco_importer *imp = NULL;
    eco_graph *map = NULL;
    int rc;

    if ((rc = eco_i_importer_new_untrained(&imp, NULL, err)) < 0)
        return rc;
    for (size_t i = 0; i < c->record_count && rc == 0; i++) {
        const record *r = &c->records[i];
        int in_file = 0;
        for (size_t k = 0; k < g->record_count && !in_file; k++)
            in_file = strcmp(g->records[k].name, r->name) == 0;
        if (!in_file)
            continue;
        eco_i_importer_use_models(imp, models[fold(r->name, folds)]);
        rc = eco_importer_add_path(imp, r->path, err);
    }
    if (rc == 0 && (rc = eco_importer_finish(imp, &map, err)) == 0)
        rc = eco_export_file(map, ECO_EXPORT_NODE_LINK, NULL, path, err);
    eco_graph_free(map);
    eco_importer_free(imp);
    return rc;
}

int corpus_cross_maps(const corpus *c, const gold_file *gold, size_t n, fold_fn fold, int folds,
                      const char *out, eco_error *err)
{
    eco_i_models **models = calloc((size_t)folds, sizeof(*models));
    char path[4096];
    int rc = models ? 0 : eco_error_set(err, ECO_ENOMEM, out, 0, 0, "out of memory");

    for (int k = 0; k < folds && rc == 0; k++) {
        snprintf(path, sizeof(path), "%s/fold-%d", out, k);
        rc = eco_i_models_load(&models[k], path, err);
    }
    for (size_t s = 0; s < n && rc == 0; s++) {
        const char *base = strrchr(gold[s].path, '/');
        base = base ? base + 1 : gold[s].path;
        snprintf(path, sizeof(path), "%s/%.*s.json", out, (int)(strlen(base) - 5), base);
        rc = cross_map(c, &gold[s], models, fold, folds, path, err);
    }
    for (int k = 0; models && k < folds; k++)
        eco_i_models_free(models[k]);
    free(models);
    return rc;
}

int corpus_dump(const corpus *c, const char *path, eco_error *err)
{
    FILE *out = fopen(path, "w");

    if (!out)
        return eco_error_set(err, ECO_ECANTCREAT, path, 0, 0, "cannot write: %s", strerror(errno));
    for (size_t i = 0; i < c->example_count; i++) {
        const example *e = &c->examples[i];
        const char *t = e->texts;
        fprintf(out, "%s\t%s\t%ld\t%s", model_names[e->model], c->records[e->record].name, e->label,
                e->span);
        for (size_t k = 0; k < e->count; k++, t += strlen(t) + 1)
            fprintf(out, "\t%s", t);
        fputc('\n', out);
    }
    return fclose(out) == 0 ? 0 : eco_error_set(err, ECO_EIO, path, 0, 0, "cannot write");
}
