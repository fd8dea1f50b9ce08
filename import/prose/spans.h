/*
 * import/prose/spans.h - the learned half of extraction: which spans of a sentence name
 * organisations, of what type, and how two named in one sentence are tied.
 *
 * The rules of names.c propose: every name they would keep, and every span of a chain of
 * capitalised words that starts and ends on a word that could start and end a name.  Three
 * linear models trained on labelled records (tools/train-extractor, import/prose/model.h)
 * dispose: the actor model gives each span the probability that it is an organisation's
 * name, whole; the spans kept are the likeliest that do not overlap; the type model types
 * them; the tie model reads each pair a sentence names.  Their features are what the rules
 * know (head words in four languages, the gazetteer, word shapes, the field a span answers,
 * cue phrases and the side of them a name stands on, the rules' own verdict), never a name.
 */
#ifndef ECOMAP_IMPORT_PROSE_SPANS_H
#define ECOMAP_IMPORT_PROSE_SPANS_H

#include "model.h"
#include "prose.h"
#include "tokens.h"

/* The three models of one import (or, when cross-validating, of one fold), and the words
 * records write in small letters, learned with them. */
typedef struct eco_i_models {
    eco_i_model *actor; /* two classes: "no", "yes" */
    eco_i_model *type;  /* one class per actor type, named as eco_actor_type_name names them */
    eco_i_model *tie;   /* "none", then each kind, directed kinds once per direction */
    eco_i_map common;   /* eco_i_hash of each folded word of common.words */
} eco_i_models;

/*
 * Reads the models from a folder holding actor.model, type.model, tie.model and
 * common.words, or, for dir NULL, the ones compiled into the library (data/model/).  *out belongs to the
 * caller (eco_i_models_free).  A missing or malformed file is an error naming it.  0, or an
 * ECO_E* code with err set.  O(size of the models).
 */
int eco_i_models_load(eco_i_models **out, const char *dir, eco_error *err);
void eco_i_models_free(eco_i_models *m); /* NULL-safe */

/* The name of a field, as the features spell it. */
const char *eco_i_field_name(eco_i_field field);

/* A candidate span, as tools/train-extractor is shown it to learn from. */
typedef struct eco_i_observed_span {
    const char *record;          /* the record's id */
    const char *sentence;        /* the sentence it is in */
    size_t sentence_len;         /* the sentence's bytes */
    int first;                   /* 1 for the first span of a sentence: pieces of a partner
                                  * field are read from one buffer, so the text's address
                                  * does not tell sentences apart */
    size_t start, end;           /* the span's bytes in the sentence */
    const eco_i_features *actor; /* its features for the actor model */
    const eco_i_features *type;  /* its features for the type model */
} eco_i_observed_span;

/* What tools/train-extractor is told of each decision, to learn from: every candidate
 * span, kept or not; for a pair, the two spans and the features of the tie model. */
typedef struct eco_i_observer {
    void (*span)(void *ctx, const eco_i_observed_span *span);
    void (*pair)(void *ctx, const char *record, const char *a, const char *b,
                 const eco_i_features *tie);
    void *ctx; /* handed to both */
} eco_i_observer;

/* What the decisions of one sentence depend on besides its words. */
typedef struct eco_i_span_context {
    const eco_i_models *models;     /* NULL: the rules decide alone */
    const eco_i_observer *observer; /* NULL unless training */
    const char *record;             /* the record's id, for the observer */
    const char *format;             /* the record's format ("undp", "video" ...): a literal */
    eco_i_field field;              /* where the sentence stands */
    eco_actor_type sector;          /* the sector the question names, or UNKNOWN */
    eco_i_map *name_types;          /* the import's memory of the types names say, or NULL */
    eco_i_map *places;              /* and of the words that name countries, or NULL */
    eco_i_features *features;       /* the import's room for the features of one decision:
                                       ECO_I_FEATURE_SETS of them (spans.c, ties.c) */
    struct eco_i_span_room **room;  /* the import's room for one sentence's candidates,
                                       made on first use (freed with the prose cache) */
} eco_i_span_context;

/* A chain of capitalised words that names.c cut a sentence into, and whether a phrase that
 * announces organisations ("in partnership with") comes before it. */
typedef struct eco_i_chain {
    size_t a, b;  /* tokens [a, b) */
    int licensed; /* names.c's licensed_at: 1 announced, 2 examples of organisations or
                     names before a sector's label, -1 examples of something else */
} eco_i_chain;

/*
 * Decides which names of one tokenized sentence stand: out->items[from ...] are the names
 * the rules kept; every span of chains that could be a name is scored with them, and the
 * likeliest that do not overlap replace them, typed by the type model.  Names the caller
 * knows (is_actor) and names used as common nouns (generic) stay as the rules left them.
 * With no models, the rules' names stand; with an observer, every candidate is shown to it
 * first.  0 or ECO_ENOMEM.  O(candidates * features).
 */
int eco_i_decide_spans(eco_i_mentions *out, size_t from, const eco_i_extractor *x,
                       const eco_i_sentence *st, const eco_i_chain *chains, size_t count);

#endif
