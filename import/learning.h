/*
 * import/learning.h - what tools/train-extractor needs of the importer beyond its public
 * API: reading inputs with other models than the built-in ones (a fold's, when
 * cross-validating), and seeing every decision the prose readers make, to learn from.
 */
#ifndef ECOMAP_IMPORT_LEARNING_H
#define ECOMAP_IMPORT_LEARNING_H

#include "ecomap/import.h"
#include "prose/spans.h"

/* An importer that reads records with the rules alone until eco_i_importer_use_models says
 * otherwise: it loads no model, so that models can be learned before there is any. */
int eco_i_importer_new_untrained(eco_importer **out, const eco_import_options *opt,
                                 eco_error *err);

/* Reads the inputs added from now on with models (not owned: they must outlive the
 * importer's finish), or with the rules alone when models is NULL. */
void eco_i_importer_use_models(eco_importer *imp, const eco_i_models *models);

/* Shows observer (not owned) every candidate span and pair the prose readers weigh. */
void eco_i_importer_observe(eco_importer *imp, const eco_i_observer *observer);

#endif
