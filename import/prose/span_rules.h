/*
 * import/prose/span_rules.h - what the words around a span of a sentence say of it, whatever
 * the actor model makes of the span's own features.  Each reads tokens [a, b) of st, a
 * candidate name (import/prose/spans.c), and the words beside it.  O(words near the span).
 */
#ifndef ECOMAP_IMPORT_PROSE_SPAN_RULES_H
#define ECOMAP_IMPORT_PROSE_SPAN_RULES_H

#include <stddef.h>

#include "prose.h"
#include "tokens.h"

/* Whether token k is a small "company", "firm" or "startup": what a name is, not part of it. */
int eco_i_is_word_for_a_company(const eco_i_sentence *st, size_t k);

/* "the Millicom company", "a private company Watergunz", "the public policy research
 * organization Analytica MK": capitals set right beside a small word for the kind of body
 * they are, with at most three describing words between, name that body. */
int eco_i_named_beside_its_kind(const eco_i_sentence *st, size_t a, size_t b);

/* "WaterAid, an international organisation", "Rikolto - a non-profit", "a local recycling
 * company, Recimetal", "Sotonoba is an urban design firm", "KivuTech (the incubator)": a
 * whole name set beside what kind of body it is. */
int eco_i_described_as_a_body(const eco_i_sentence *st, size_t a, size_t b);

/* "DG Research & Innovation": one of the European Commission's directorates-general. */
int eco_i_names_a_directorate_general(const eco_i_sentence *st, size_t a, size_t b);

/* A name of two words or more that opens its sentence, after "The" at most: what the
 * sentence is about. */
int eco_i_opens_the_sentence(const eco_i_sentence *st, size_t a, size_t b);

/* A name that opens its sentence, which goes on to tell what it did: "Open-Seneca
 * provided mobile sensors". */
int eco_i_acts_in_the_sentence(const eco_i_sentence *st, size_t a, size_t b);

/* A whole answer that names one body and ends on its head word: "The Culture and tourism
 * office". */
int eco_i_names_one_body_alone(const eco_i_sentence *st, size_t a, size_t b);

/* "IT'S NOT ABOUT PLASTIC USAGE": a phrase shouted in capitals, no name. */
int eco_i_is_shouted(const eco_i_sentence *st, size_t a, size_t b);

#endif
