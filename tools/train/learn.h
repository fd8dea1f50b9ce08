/*
 * tools/train/learn.h - examples for one of the extractor's models, trained with LIBLINEAR
 * and written as an ecomap model file (import/prose/model.h).
 */
#ifndef ECOMAP_TOOLS_TRAIN_LEARN_H
#define ECOMAP_TOOLS_TRAIN_LEARN_H

#include <stddef.h>

#include "ecomap.h"
#include "model.h"

typedef struct examples examples;

/* A new set of examples for the model name, of the classes given (at least two). */
int examples_new(examples **out, const char *name, const char *const *classes, size_t count);
void examples_free(examples *e);

/* Adds an example of class label (an index into the classes) with the features f, whose
 * texts must have been kept (f->keep_names).  0 or ECO_ENOMEM. */
int examples_add(examples *e, const eco_i_features *f, size_t label);

/* How many examples of each class: counts[k] for class k. */
void examples_counts(const examples *e, size_t *counts);

/*
 * Trains an L1-regularised logistic regression (LIBLINEAR's solver 6, cost C, a bias term,
 * the examples of the first class weighing first_weight times the others)
 * and writes the model to path, its features in byte order and only those of weight other
 * than 0, so that the same examples give the same file byte for byte.  With no examples,
 * every weight is 0.  0, or an ECO_E* code with err set.
 */
int examples_train(const examples *e, double cost, double first_weight, const char *path,
                   eco_error *err);

#endif
