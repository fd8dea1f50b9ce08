/*
 * tools/train/words.h - the words records write in small letters: "analysis", "participants",
 * "environment".  A word many records write so is a word of the language, and alone and
 * capitalised it starts a sentence or a title rather than naming a body (import/prose/spans.c).
 *
 * The list is learned from the text of every record under ../shared/records, labelled or not,
 * and no label; cross-validating, a fold's list leaves out the records it is scored on.
 */
#ifndef ECOMAP_TOOLS_TRAIN_WORDS_H
#define ECOMAP_TOOLS_TRAIN_WORDS_H

#include <stddef.h>

#include "corpus.h"
#include "ecomap.h"

typedef struct words words;

/* Reads every file of shared/records/ANY/ and keeps the words each writes in small letters.
 * *out belongs to the caller (words_free).  0, or an ECO_E* code with err set. */
int words_read(words **out, const char *shared, eco_error *err);
void words_free(words *w);

/* Writes dir/common.words: the words written in small letters by at least MIN_RECORDS of the
 * records whose fold is not held_out (of every record when fold is NULL), folded, sorted, one
 * a line.  0, or an ECO_E* code with err set. */
int words_write(const words *w, fold_fn fold, int held_out, int folds, const char *dir,
                eco_error *err);

#endif
