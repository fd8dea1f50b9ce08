/*
 * tools/train/corpus.h - what the labelled records teach: every span and pair the importer
 * weighed in each record, with the label the gold files give it.
 */
#ifndef ECOMAP_TOOLS_TRAIN_CORPUS_H
#define ECOMAP_TOOLS_TRAIN_CORPUS_H

#include <stddef.h>

#include "ecomap.h"
#include "gold.h"

typedef struct corpus corpus;

/* A record's fold, given the number of folds. */
typedef int (*fold_fn)(const char *record, int folds);

/* Finds the file of the record called name below shared: 0 with path filled, or -1. */
typedef int (*find_fn)(const char *shared, const char *name, char *path, size_t n);

/*
 * Reads every record the n gold files name, once each, with the rules alone, and keeps the
 * examples of each model it gives: *out belongs to the caller (corpus_free).  A record no
 * file of shared holds is an error.  0, or an ECO_E* code with err set.
 */
int corpus_read(corpus **out, const gold_file *gold, size_t n, const char *shared, find_fn find,
                eco_error *err);
void corpus_free(corpus *c);

/*
 * Trains the three models on every record whose fold (of folds) is not held_out, or on
 * every record when fold is NULL, and writes actor.model, type.model and tie.model into
 * dir, which is made when missing.  Prints the count of examples of each class.  0, or an
 * ECO_E* code with err set.
 */
int corpus_train(const corpus *c, fold_fn fold, int held_out, int folds, double cost,
                 const char *dir, eco_error *err);

/* Writes every example, a line each: model, record, label, span, then its features, all
 * separated by tabs (for looking at what the models learn from).  0, or ECO_ECANTCREAT or
 * ECO_EIO with err set. */
int corpus_dump(const corpus *c, const char *path, eco_error *err);

/* How many times an example of "no organisation" weighs one of "organisation" (1). */
void corpus_set_negative_weight(double w);

/*
 * For each of the n gold files, imports its records into one map, each record with the
 * models of its own fold (read from OUT/fold-K), and writes the map as NetworkX node-link
 * JSON to OUT/NAME.json, NAME being the gold file's name without ".json".  0, or an ECO_E*
 * code with err set.
 */
int corpus_cross_maps(const corpus *c, const gold_file *gold, size_t n, fold_fn fold, int folds,
                      const char *out, eco_error *err);

#endif
