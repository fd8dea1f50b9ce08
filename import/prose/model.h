/*
 * import/prose/model.h - the linear classifiers the extractor learned from labelled records.
 *
 * A model scores a set of features, each a short text ("prev=w:with", "head=last"), with
 * one weight per feature and class: a logistic regression trained by tools/train-extractor
 * with LIBLINEAR.  Importing only adds up weights, so the library needs no learner.  Model
 * files are text, so that a change to a model reads as a diff (docs/FORMAT.md):
 *
 *     ecomap-model 1 NAME
 *     classes CLASS...
 *     bias WEIGHT...
 *     WEIGHT...<TAB>FEATURE
 *
 * A model of two classes has one column of weights, the decision value of its second class;
 * a model of more has one column per class.
 */
#ifndef ECOMAP_IMPORT_PROSE_MODEL_H
#define ECOMAP_IMPORT_PROSE_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "ecomap/error.h"
#include "internal.h"

#define ECO_I_MODEL_VERSION 1
#define ECO_I_MAX_FEATURES 96 /* features of one candidate; more are dropped */
#define ECO_I_MAX_CLASSES 16

typedef struct eco_i_model eco_i_model;

/*
 * The features of one example: the hash of each feature's text, and the texts themselves
 * when keep_names is set (training writes them into the model file; importing needs only
 * the hashes).  Start from {0}; add with eco_i_feature; a feature added twice counts twice.
 * With reader set (eco_i_features_use), a feature whose name the model gives no weight is
 * not added: it could not change the score, and most names of a sparse model are such.
 */
#define ECO_I_CONSTANT_SLOTS 256
#define ECO_I_REMEMBERED_SLOTS 256

typedef struct eco_i_features {
    uint64_t keys[ECO_I_MAX_FEATURES]; /* eco_i_hash of each feature's text */
    size_t count;                      /* features in keys */
    size_t rows[ECO_I_MAX_FEATURES];   /* with a reader: its row of weights of each feature of
                                          keys it weighs, in keys' order (eco_i_model_predict
                                          adds them without a look-up) */
    size_t row_count;                  /* rows used */
    int keep_names;                    /* 1: keep each feature's text in names */
    char *names;                       /* the texts, each ending in '\0' (owned), or NULL */
    size_t names_len, names_cap;       /* bytes used and allocated in names */
    int failed;                        /* 1 once memory ran out keeping a text */
    const eco_i_model *reader;         /* the model the features are for, or NULL: all */
    /* the constant strings met last (feature names, literal values), by their address, with
     * their lengths and hashes: the same few come back for every candidate */
    struct {
        const char *text;
        size_t len;
        uint64_t key;
        int weighs; /* as a name: whether the reader gives a feature of that name a weight */
    } constants[ECO_I_CONSTANT_SLOTS];
    /* the features of constants met last (eco_i_feature_c, eco_i_feature_pair), by the
     * addresses of their name and values: most features are such (model.c) */
    struct {
        const char *name, *a, *b; /* the name, its value or the two joined (b NULL: one) */
        char sep;                 /* what joins them */
        int weighs;   /* whether the reader weighs a feature of name: else none is added */
        uint64_t key; /* the feature's key */
        size_t row;   /* 1 + the reader's row of the key, or 0 when it has none */
    } remembered[ECO_I_REMEMBERED_SLOTS];
} eco_i_features;

/* The sets of features an import keeps room for, one a model. */
enum { ECO_I_ACTOR_FEATURES, ECO_I_TYPE_FEATURES, ECO_I_TIE_FEATURES, ECO_I_FEATURE_SETS };

/* Empties f for features read by model m (NULL: by any model, as training needs), keeping
 * their texts when keep_names is set.  f may serve example after example: it remembers the
 * constant strings it met while m stays its reader. */
void eco_i_features_use(eco_i_features *f, const eco_i_model *m, int keep_names);

/* Whether a feature called name can count: for a value that costs something to build. */
int eco_i_feature_wanted(eco_i_features *f, const char *name);

/* Empties f for the next example, keeping its memory; eco_i_features_free frees it. */
void eco_i_features_reset(eco_i_features *f);
void eco_i_features_free(eco_i_features *f);

/* Adds the feature "name=value" (value is n bytes; NULL for a feature without one).  A
 * value longer than 120 bytes is cut there.  O(length). */
void eco_i_feature(eco_i_features *f, const char *name, const char *value, size_t n);

/* Adds the feature "name=a<sep>b", two values joined: "bounds=sep|cap".  a and b are
 * constants, as eco_i_feature_c's is: the feature is remembered by their addresses. */
void eco_i_feature_pair(eco_i_features *f, const char *name, const char *a, char sep,
                        const char *b);

/* The same with a value that is a C string. */
void eco_i_feature_s(eco_i_features *f, const char *name, const char *value);

/* The same with a value that never changes at its address, a literal ("head", "Xx") or NULL:
 * its hash is remembered, as the names' are.  Never a buffer that is written again. */
void eco_i_feature_c(eco_i_features *f, const char *name, const char *constant);

/*
 * Reads a model from len bytes of text.  *out belongs to the caller (eco_i_model_free).
 * Errors name source, the line and the column: a wrong header, version or class count, a
 * weight that is no finite number, a feature given twice.  0, ECO_EDATA or ECO_ENOMEM.
 * Expected O(len).
 */
int eco_i_model_parse(eco_i_model **out, const char *text, size_t len, const char *source,
                      eco_error *err);
void eco_i_model_free(eco_i_model *m);

const char *eco_i_model_name(const eco_i_model *m);
size_t eco_i_model_class_count(const eco_i_model *m);
const char *eco_i_model_class(const eco_i_model *m, size_t k);

/* The class named name, or -1. */
int eco_i_model_class_index(const eco_i_model *m, const char *name);

/*
 * The probability of each class given f, into p[0..class_count) (a softmax of the decision
 * values; for two classes, the logistic of the one column).  Features the model never saw
 * weigh nothing.  Expected O(f->count * classes).
 */
void eco_i_model_predict(const eco_i_model *m, const eco_i_features *f, double *p);

/* For a model of two classes: the probability of its second class. */
double eco_i_model_yes(const eco_i_model *m, const eco_i_features *f);

#endif
