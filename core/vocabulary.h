/*
 * core/vocabulary.h - what ecomap knows of words: the countries records name, the words
 * that say an actor's type or a tie's kind, and the organisations known by name.  Every
 * module may use it; the importer's readers and the public classifier (eco_name_classify)
 * read types from the same tables, so that they give a name the same type.
 */
#ifndef ECOMAP_CORE_VOCABULARY_H
#define ECOMAP_CORE_VOCABULARY_H

#include <stddef.h>

#include "ecomap/graph.h"

/* ---- Countries (core/countries.c) -------------------------------------------------------- */

/* The English short name of the country that len bytes of text name, in any of its common
 * forms and scripts ("葡萄牙", "Portugal", "Tchad"); NULL when it names none.  O(len). */
const char *eco_i_country_name(const char *text, size_t len);

/* The country whose demonym ("Portuguese") len bytes of text are; NULL when none.  O(len). */
const char *eco_i_country_of_demonym(const char *text, size_t len);

/* ---- Words of names (core/vocabulary.c) ------------------------------------------------ */

/* A word or phrase of a name that votes for a type; core/classify.c weighs the votes. */
typedef struct eco_i_keyword {
    const char *words;   /* folded words, space separated */
    eco_actor_type type; /* the type it votes for */
    int strength;        /* how sure the vote is: an ECO_I_* strength below, give or take */
} eco_i_keyword;

/* How sure a keyword's vote is: a weak word ("government") loses to a head word
 * ("ministry"), a school to a lab, and anything to a body named for itself ("undp"). */
enum { ECO_I_WEAK = 20, ECO_I_HEAD = 50, ECO_I_SCHOOL = 55, ECO_I_LAB = 60, ECO_I_OWN_NAME = 100 };

#define ECO_I_NAME_KEYWORDS_MAX 512

extern const eco_i_keyword eco_i_name_keywords[]; /* ends with a NULL words */
extern const size_t eco_i_name_keyword_count;     /* entries before the NULL */

/* Words that make a company, bank or institute part of the state; NULL-terminated. */
extern const char *const eco_i_state_words[];

/* ---- Free-text types, relations and sector labels (core/vocabulary.c) ------------------- */

/* The actor type a free-text type names, in English, Spanish, Portuguese or French
 * ("Ministry", "Universidad", "NGO", "International organisation", "for_profit"), or
 * UNKNOWN when it names none.  O(length of text * phrases). */
eco_actor_type eco_i_type_from_text(const char *text);

/* The tie kind a free-text relation names ("Funding", "Member of", "Parceria"): 1 with
 * *out set when it names one, 0 when not.  O(length of text * phrases). */
int eco_i_kind_from_text(eco_tie_kind *out, const char *text);

/* The actor type a sector label names ("Private Sector", "academia", "ONG", "UN agency"),
 * or UNKNOWN.  Expected O(len). */
eco_actor_type eco_i_sector_type(const char *text, size_t len);

#endif
