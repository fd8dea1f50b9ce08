/*
 * core/vocabulary.h - what ecomap knows of words: the countries records name, the words
 * that say an actor's type or a tie's kind, and the organisations known by name.  Every
 * module may use it; the importer's readers and the public classifier (eco_name_classify)
 * read types from the same tables, so that they give a name the same type.
 */
#ifndef ECOMAP_CORE_VOCABULARY_H
#define ECOMAP_CORE_VOCABULARY_H

#include <stddef.h>
#include <stdint.h>

#include "ecomap/graph.h"

/* Organisations and the forms they are named by (core/lexicon.c, below).  Short
 * all-capital forms ("UN", "EU") match only as written; others match after folding. */
typedef struct eco_i_lexicon eco_i_lexicon;

/* ---- Words across languages (core/vocabulary.c) ----------------------------------------- */

/* The English word of a folded word of Spanish, French or Portuguese that names what a body
 * is or does, where the two differ in their first six letters ("hacienda" -> "finance",
 * "camara" -> "chamber", "comercio" -> "commerce"); the word itself otherwise ("ministerio",
 * whose first six letters are already "ministry"'s).  Two names of one body in two
 * languages, compared word by word on six letters, then share their words.  O(log words). */
const char *eco_i_english_word(const char *folded);

/* ---- Countries (core/countries.c) -------------------------------------------------------- */

/* The English short name of the country that len bytes of text name, in any of its common
 * forms and scripts ("葡萄牙", "Portugal", "Tchad"); NULL when it names none.  O(len). */
const char *eco_i_country_name(const char *text, size_t len);

/* The country whose demonym ("Portuguese") len bytes of text are; NULL when none.  O(len). */
const char *eco_i_country_of_demonym(const char *text, size_t len);

/* The country that len bytes of text name a province, region or district of, as ISO 3166-2
 * names it ("Kumanovo", "Chiang Rai", "Querétaro"); NULL when they name none.  O(len). */
const char *eco_i_subdivision_country(const char *text, size_t len);

/* The ISO 3166-1 alpha-3 code of the country name names in any form ("Bolivia", "BOL" is
 * not a form), "XKX" for Kosovo; NULL when it names none.  O(length of name). */
const char *eco_i_country_code(const char *name);

/* The display name of the country whose ISO 3166-1 alpha-3 code is code, in either case
 * ("DEU", "deu"), or whose alpha-2 code it is in capitals ("DE"); NULL when none is.
 * O(log countries) for three letters, O(countries) for two. */
const char *eco_i_country_of_code(const char *code);

/* A country a file writes, as ecomap names countries: "Deutschland", "Belgio" and "DEU" are
 * Germany, Belgium and Germany; a place no table knows is written as the file writes it;
 * NULL for NULL or "".  O(length). */
const char *eco_i_country_as_written(const char *written);

/* The country a name names: "Government of Singapore", "Swedish Energy Agency", the longest
 * country it ends with ("... of the Democratic Republic of the Congo").  NULL when it names
 * none, names one only inside a longer place ("Mexico City"), or has a nationality word and
 * says where it is ("American University in Cairo").  O(length of
 * name). */
const char *eco_i_country_in_name(const char *name);

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

/* The bytes of the possessive that ends the n bytes of word w: 2 for "'s", 3 for "´s", 4 for
 * "’s" (an "S" as well as an "s"), 0 when it has none or nothing before it.  The one rule
 * of possessives: "UNDP's Bureau" is classified as "UNDP Bureau", and "OECD's Observatory"
 * is found in the gazetteer as "OECD Observatory".  O(1). */
size_t eco_i_possessive_length(const char *w, size_t n);

/* ---- Types of names (core/classify.c) -------------------------------------------------- */

/* The type the words of a name vote for, alone: head words, with "public" and "European"
 * turning a body the state's or international (the first half of eco_name_classify).
 * Readers use it where a name's words must speak for themselves ("the partners such as
 * ..." before a list).  O(length of name). */
eco_actor_type eco_i_classify_words(const char *name);

/* The type of a body named name that the importer meets for the first time: given when the
 * record says it (UNKNOWN when not), else what the words say; then the rules of whole names
 * (core/classify.c): the type of a known body the name begins with (in the gazetteer, or in
 * known when not NULL), an institute named for its nation the state's, "UN ..."
 * international, and, for a guessed type, a body named for a country that country's.
 * eco_name_classify(name) is eco_i_name_type(name, ECO_TYPE_UNKNOWN, NULL).
 * O(length of name ^ 2) at worst: a lookup for each prefix. */
eco_actor_type eco_i_name_type(const char *name, eco_actor_type given, const eco_i_lexicon *known);

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

/* ---- Cue phrases (core/vocabulary.c) ----------------------------------------------------- */

/* Which side of a cue phrase acts. */
typedef enum eco_i_cue_role {
    ECO_I_CUE_MUTUAL,  /* "together with": no direction */
    ECO_I_CUE_AGENT,   /* "X funds / hosts / trains Y": the actor before acts on the one after */
    ECO_I_CUE_PATIENT, /* "X is funded / hosted / trained by Y": the actor after acts */
    ECO_I_CUE_NOUN     /* "Y's financial support", "training from Y": the actor next to the
                          phrase acts on the one the sentence is about */
} eco_i_cue_role;

/* A phrase that says how two organisations in a sentence are tied. */
typedef struct eco_i_cue_phrase {
    const char *text;    /* lower case; matched at word boundaries */
    eco_tie_kind kind;   /* the tie it states */
    eco_i_cue_role role; /* which side acts */
} eco_i_cue_phrase;

#define ECO_I_CUE_PHRASES_MAX 255 /* the matcher indexes them by a byte */

/* English, Spanish, French and Portuguese, in the order they are tried. */
extern const eco_i_cue_phrase eco_i_cue_phrases[]; /* ends with a NULL text */
extern const size_t eco_i_cue_phrase_count;        /* entries before the NULL */

/* ---- Known organisations (core/lexicon.c) ----------------------------------------------- */

typedef struct eco_i_known {
    const char *name;    /* canonical name */
    eco_actor_type type; /* ECO_TYPE_UNKNOWN when not given */
    const char *country; /* NULL when international or not given */
    int worldwide;       /* 1 for the gazetteer's bodies, which without a country have none */
} eco_i_known;

/* The gazetteer shipped with ecomap (data/gazetteer.tsv, compiled in), built on first use;
 * NULL when memory ran out. */
const eco_i_lexicon *eco_i_gazetteer(void);

/* A new, empty lexicon that belongs to the caller; 0 or ECO_ENOMEM. */
int eco_i_lexicon_new(eco_i_lexicon **out);
void eco_i_lexicon_free(eco_i_lexicon *lex); /* NULL-safe */

/* Finds the entry named name, or adds one with type and country; a type other than UNKNOWN
 * replaces the type of an entry found.  *out receives its index.  0 or ECO_ENOMEM.
 * Expected O(length of name). */
int eco_i_lexicon_add_entry(eco_i_lexicon *lex, size_t *out, const char *name,
                            eco_actor_type type, const char *country);

/* The number of organisations lex holds. */
size_t eco_i_lexicon_entry_count(const eco_i_lexicon *lex);

/* Makes the len bytes of form (spaces around them aside) a name of entry.  0 or
 * ECO_ENOMEM.  Expected O(len). */
int eco_i_lexicon_add_form(eco_i_lexicon *lex, const char *form, size_t len, size_t entry);

/* The organisation that len bytes of text name in lex; NULL when none, or when lex is
 * NULL.  Expected O(len). */
const eco_i_known *eco_i_lexicon_find(const eco_i_lexicon *lex, const char *text, size_t len);

/* Whether the body a name names works beyond any one country, so that no record's country
 * places it: one the gazetteer knows so; a unit whose name starts or ends with one ("UN
 * Human Rights Council", "Gender Unit of UNDP", "UNDP's Bureau of ..."); a name that starts
 * with "World" or "Global".  Not an office named with its country ("WWF Pakistan"). */
int eco_i_works_worldwide(const char *name);

/* The same, given the text's eco_i_fold_hash key (0: none). */
const eco_i_known *eco_i_lexicon_find_key(const eco_i_lexicon *lex, const char *text, size_t len,
                                          uint64_t key);

/* Calls fn for each form of lex, in the order they were added, with its entry; stops at
 * fn's first value below 0 and returns it.  O(forms). */
typedef int (*eco_i_lexicon_fn)(const char *alias, const eco_i_known *entry, void *ctx);
int eco_i_lexicon_each(const eco_i_lexicon *lex, eco_i_lexicon_fn fn, void *ctx);

#endif
