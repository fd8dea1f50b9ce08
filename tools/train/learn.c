/*
 * tools/train/learn.c - from examples to a model file, through LIBLINEAR.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linear.h>

#include "learn.h"

struct examples {
    char *name; /* the model's name */
    char *classes[ECO_I_MAX_CLASSES];
    size_t class_count;
    char **texts; /* feature texts; feature k has LIBLINEAR index k + 1 */
    size_t text_count, text_cap;
    eco_i_map index_of;         /* eco_i_hash of a text -> 1 + its index in texts */
    struct feature_node **rows; /* one an example, ending in index -1 (owned) */
    double *labels;             /* class of each example */
    size_t count, cap;          /* examples; room in rows and in labels */
};

static char *copy(const char *s)
{
    char *c = malloc(strlen(s) + 1);
    if (c)
        strcpy(c, s);
    return c;
}

int examples_new(examples **out, const char *name, const char *const *classes, size_t count)
{
    examples *e = calloc(1, sizeof(*e));

    *out = NULL;
    if (!e || count < 2 || count > ECO_I_MAX_CLASSES || !(e->name = copy(name))) {
        examples_free(e);
        return count < 2 || count > ECO_I_MAX_CLASSES ? ECO_EUSAGE : ECO_ENOMEM;
    }
    for (size_t k = 0; k < count; k++)
        if (!(e->classes[e->class_count++] = copy(classes[k]))) {
            examples_free(e);
            return ECO_ENOMEM;
        }
    *out = e;
    return 0;
}

void examples_free(examples *e)
{
    if (!e)
        return;
    for (size_t k = 0; k < e->class_count; k++)
        free(e->classes[k]);
    for (size_t i = 0; i < e->text_count; i++)
        free(e->texts[i]);
    for (size_t i = 0; i < e->count; i++)
        free(e->rows[i]);
    free(e->texts);
    free(e->rows);
    free(e->labels);
    free(e->name);
    eco_i_map_free(&e->index_of);
    free(e);
}

/* The LIBLINEAR index of a feature's text, adding it when new; 0 when memory ran out. */
static int index_of(examples *e, const char *text)
{
    uint64_t key = eco_i_hash(text, strlen(text));
    size_t found;

    if (eco_i_map_get(&e->index_of, key, &found))
        return (int)found;
    if (eco_i_reserve(&e->texts, &e->text_cap, e->text_count + 1, sizeof(*e->texts)) < 0 ||
        !(e->texts[e->text_count] = copy(text)))
        return 0;
    if (eco_i_map_put(&e->index_of, key, ++e->text_count) < 0)
        return 0;
    return (int)e->text_count;
}

static int by_index(const void *a, const void *b)
{
    int x = ((const struct feature_node *)a)->index, y = ((const struct feature_node *)b)->index;
    return (x > y) - (x < y);
}

/* LIBLINEAR wants each index once and in order: a feature added twice counts twice. */
static size_t merge_repeats(struct feature_node *row, size_t n)
{
    size_t out = 0;
    qsort(row, n, sizeof(*row), by_index);
    for (size_t i = 0; i < n; i++) {
        if (out && row[out - 1].index == row[i].index)
            row[out - 1].value += row[i].value;
        else
            row[out++] = row[i];
    }
    return out;
}

int examples_add(examples *e, const eco_i_features *f, size_t label)
{
    struct feature_node *row = malloc((f->count + 1) * sizeof(*row));
    const char *text = f->names;
    size_t n = 0;

    size_t label_cap = e->cap;

    if (!row || f->failed || label >= e->class_count ||
        eco_i_reserve(&e->labels, &label_cap, e->count + 1, sizeof(*e->labels)) < 0 ||
        eco_i_reserve(&e->rows, &e->cap, e->count + 1, sizeof(*e->rows)) < 0) {
        free(row);
        return ECO_ENOMEM;
    }
    for (size_t i = 0; i < f->count; i++, text += strlen(text) + 1) {
        int index = index_of(e, text);
        if (index == 0) {
            free(row);
            return ECO_ENOMEM;
        }
        row[n++] = (struct feature_node){index, 1.0};
    }
    n = merge_repeats(row, n);
    row[n].index = -1;
    e->rows[e->count] = row;
    e->labels[e->count++] = (double)label;
    return 0;
}

void examples_counts(const examples *e, size_t *counts)
{
    memset(counts, 0, e->class_count * sizeof(*counts));
    for (size_t i = 0; i < e->count; i++)
        counts[(size_t)e->labels[i]]++;
}

/* ---- Writing the model ------------------------------------------------------------------ */

static void quiet(const char *text)
{
    (void)text;
}

/* The weight of feature k (0-based; text_count is the bias) for class c, as a column of the
 * file: for two classes, the decision value of the second class. */
static double weight(const examples *e, const struct model *m, size_t k, size_t c)
{
    if (!m)
        return 0;
    if (e->class_count == 2) {
        double w = m->w[k];
        return m->label[0] == 1 ? w : -w;
    }
    for (int p = 0; p < m->nr_class; p++)
        if ((size_t)m->label[p] == c)
            return m->w[k * (size_t)m->nr_class + (size_t)p];
    return k == e->text_count ? -30.0 : 0.0; /* a class no example had: never chosen */
}

static int by_text(const void *a, const void *b, void *texts)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return strcmp(((char **)texts)[x], ((char **)texts)[y]);
}

static void write_weights(FILE *out, const examples *e, const struct model *m, size_t k)
{
    size_t columns = e->class_count == 2 ? 1 : e->class_count;
    for (size_t c = 0; c < columns; c++)
        fprintf(out, "%s%.6g", c ? " " : "", weight(e, m, k, e->class_count == 2 ? 1 : c) + 0.0);
}

static int nonzero(const examples *e, const struct model *m, size_t k)
{
    size_t columns = e->class_count == 2 ? 1 : e->class_count;
    for (size_t c = 0; c < columns; c++)
        if (fabs(weight(e, m, k, e->class_count == 2 ? 1 : c)) >= 5e-7)
            return 1;
    return 0;
}

static int write_model(const examples *e, const struct model *m, const char *path, eco_error *err)
{
    size_t *order = malloc((e->text_count + 1) * sizeof(*order));
    FILE *out = fopen(path, "w");
    int rc = 0;

    if (!order || !out) {
        rc = eco_error_set(err, out ? ECO_ENOMEM : ECO_ECANTCREAT, path, 0, 0, "cannot write: %s",
                           out ? "out of memory" : strerror(errno));
        goto cleanup;
    }
    for (size_t k = 0; k < e->text_count; k++)
        order[k] = k;
    qsort_r(order, e->text_count, sizeof(*order), by_text, e->texts);
    fprintf(out, "ecomap-model %d %s\nclasses", ECO_I_MODEL_VERSION, e->name);
    for (size_t c = 0; c < e->class_count; c++)
        fprintf(out, " %s", e->classes[c]);
    fprintf(out, "\nbias ");
    write_weights(out, e, m, e->text_count);
    fputc('\n', out);
    for (size_t i = 0; i < e->text_count; i++) {
        if (!nonzero(e, m, order[i]))
            continue;
        write_weights(out, e, m, order[i]);
        fprintf(out, "\t%s\n", e->texts[order[i]]);
    }
    if (ferror(out))
        rc = eco_error_set(err, ECO_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
cleanup:
    if (out && fclose(out) != 0 && rc == 0)
        rc = eco_error_set(err, ECO_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    free(order);
    return rc;
}

/* The rows with the bias feature (index text_count + 1) added, as LIBLINEAR wants it. */
static struct feature_node **rows_with_bias(const examples *e)
{
    struct feature_node **rows = calloc(e->count + 1, sizeof(*rows));
    for (size_t i = 0; rows && i < e->count; i++) {
        size_t n = 0;
        while (e->rows[i][n].index != -1)
            n++;
        if (!(rows[i] = malloc((n + 2) * sizeof(**rows)))) {
            for (size_t k = 0; k < i; k++)
                free(rows[k]);
            free(rows);
            return NULL;
        }
        memcpy(rows[i], e->rows[i], n * sizeof(**rows));
        rows[i][n] = (struct feature_node){(int)e->text_count + 1, 1.0};
        rows[i][n + 1].index = -1;
    }
    return rows;
}

int examples_train(const examples *e, double cost, double first_weight, const char *path,
                   eco_error *err)
{
    int first_label = 0;
    struct parameter param = {L1R_LR, 0.01, cost, 1, &first_label, &first_weight, 0.1, NULL};
    struct problem prob = {(int)e->count, (int)e->text_count + 1, e->labels, NULL, 1.0};
    struct model *m = NULL;
    const char *wrong;
    int rc = 0;

    if (e->count == 0) /* the model of a decision no example has shown yet: all weights 0 */
        return write_model(e, NULL, path, err);
    if (!(prob.x = rows_with_bias(e)))
        return eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory training the model");
    set_print_string_function(quiet);
    if ((wrong = check_parameter(&prob, &param))) {
        rc = eco_error_set(err, ECO_EINTERNAL, path, 0, 0, "LIBLINEAR: %s", wrong);
        goto cleanup;
    }
    srand(1); /* the solver shuffles with rand(): the same seed, the same model */
    if (!(m = train(&prob, &param))) {
        rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory training the model");
        goto cleanup;
    }
    rc = write_model(e, m, path, err);
cleanup:
    free_and_destroy_model(&m);
    for (size_t i = 0; i < e->count; i++)
        free(prob.x[i]);
    free(prob.x);
    return rc;
}
