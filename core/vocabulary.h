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

#endif
