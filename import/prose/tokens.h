/*
 * import/prose/tokens.h - a sentence cut into words and punctuation, each word described
 * once: its case, its folded form, and what it is to a name (a head word, a connector, a
 * word that starts sentences, a generic word ...).  The rules that find names
 * (import/prose/names.c) and the features the learned models read (import/prose/spans.c)
 * look at the same tokens.
 */
#ifndef ECOMAP_IMPORT_PROSE_TOKENS_H
#define ECOMAP_IMPORT_PROSE_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#define ECO_I_MAX_TOKENS 400

/* What a folded word is, as bits: every word is looked up once, in one hash, rather than
 * compared with each list (a sentence of 30 words against 500 list words was most of the
 * importer's time). */
enum {
    W_HEAD = 1, W_PLURAL = 2, W_GENERIC = 4, W_STOP = 8, W_CONN = 16, W_AND = 32, W_MARKER = 64,
    W_REGION = 128, W_NOT_ACRONYM = 256, W_WORK = 512, W_ADJECTIVES_AFTER = 1024,
    W_LANDFORM = 2048, W_ROLE = 4096, W_BODY_SMALL = 8192, W_REMIT = 16384,
    W_REMIT_CONNECTOR = 32768, W_AREA = 65536, W_LEGAL_FORM = 131072
};

/* The W_* bits of a folded word; 0 for a word of no list.  Expected O(length). */
unsigned eco_i_word_class(const char *folded);

/* The same for the n bytes at w as they are: a word of one of small_letters.c's lists has
 * its bit (W_BODY_SMALL, W_REMIT) only when written as the list writes it, so that a word
 * of no list, most words, costs one look-up and not a comparison with each.  Expected O(n). */
unsigned eco_i_word_class_n(const char *w, size_t n);

/* Those lists (import/prose/small_letters.c), NULL-terminated, and the words between a
 * head and its remit (W_REMIT_CONNECTOR, a class of the folded word as the others are). */
extern const char *const eco_i_small_bodies[], *const eco_i_remits[],
    *const eco_i_remit_connectors[];

typedef struct eco_i_token {
    size_t start, end;     /* bytes in the sentence */
    char folded[48];       /* folded word; "" for punctuation or words too long */
    unsigned char word;    /* 1 for a word, 0 for punctuation */
    unsigned char cap;     /* starts with a capital letter */
    unsigned char upper;   /* two or more letters, all capitals */
    unsigned char poss;    /* bytes of a possessive ending, 's or ’s (eco_i_possessive_length) */
    unsigned char head;    /* 1 head word, 2 plural head */
    unsigned char coined;  /* a coined lab name: LabX, Santalab, GovLab */
    unsigned cls;          /* W_* bits of the folded word */
    char punct;            /* the punctuation: ',' '&' '/' '-' '(' ')' ':' '"' or '.' */
} eco_i_token;

typedef struct eco_i_sentence {
    const char *text;         /* the sentence, not owned */
    size_t len;               /* its bytes */
    eco_i_token tokens[ECO_I_MAX_TOKENS];
    size_t count;             /* tokens read, at most ECO_I_MAX_TOKENS */
} eco_i_sentence;

/* Cuts len bytes of text into tokens (at most ECO_I_MAX_TOKENS).  Apostrophes and hyphens
 * inside a word stay in it ("Ombudsman's", "Guinea-Bissau"); web addresses are skipped
 * whole.  names_only: the text is a list of names (a partner field), whose long small
 * words are described too.  O(len). */
void eco_i_tokenize(eco_i_sentence *st, const char *text, size_t len, int names_only);

/* Whether token k is the "in" of a university's name that ends on its city, after a name:
 * "INHA University in Tashkent", "MOHAMMED V UNIVERSITY IN RABAT"; "the University in
 * Lusaka" is a university of a city, no name. */
int eco_i_campus_in(const eco_i_sentence *st, size_t k);

/* Whether tokens [a, b) name a person's post, not a body: a role only a person holds, then
 * "of", "for" or "to" ("Member of Parliament for Ketu South", "Advisor to the Minister").
 * A minister, a director or a head may stand for the office they lead, so they are not
 * among the roles. */
int eco_i_is_post(const eco_i_sentence *st, size_t a, size_t b);

/* Reads token k as a word with a capital, its class looked up again. */
void eco_i_raise_word(eco_i_sentence *st, size_t k);

/* The W_* bits of word k, looked up even where the tokenizer skipped a long small word. */
unsigned eco_i_class_of(const eco_i_sentence *st, size_t k);

/* Raises the words of st that a name written partly in small letters holds
 * (import/prose/small_letters.c).  O(tokens). */
void eco_i_read_small_letters(eco_i_sentence *st);

/* Whether tokens [a, b) name a place by the landform they end on, not a body: "Union
 * Island", "Ferghana Valley" ("Mekong River Commission" ends on its head word). */
int eco_i_is_landform(const eco_i_sentence *st, size_t a, size_t b);

/* Whether tokens [a, b) name an activity or an event, not a body: a body's head word and a
 * word in -ing after it ("Network Building", "Board Meeting"), or a capitalised word in -ing
 * and what it acts on, with no head word ("Signing MOUs", "Restoring the Ecosystem"). */
int eco_i_is_activity(const eco_i_sentence *st, size_t a, size_t b);

/* Whether the name that starts at token a, written in small letters, takes a capital: after
 * an elided article ("l'ordre des Médecins") or on a head word the reader raised ("the
 * ministry of Youth").  Other small first words ("collaboration", "in Puntland") are how
 * the text goes on, and the checks after know them by their small letter. */
int eco_i_takes_a_capital(const eco_i_sentence *st, size_t a);

/* Whether token k is "The" after a capitalised word that is not a connector: a name that
 * starts where the text left out a full stop ("Municipality of Tonosí The Ministry of ...").
 * "The" only: "Fundación La Caixa" keeps its "La". */
int eco_i_article_opens_a_name(const eco_i_sentence *st, size_t k);

static inline int eco_i_is_conn(const eco_i_token *t)
{
    return t->word && !t->cap && (t->cls & W_CONN);
}

static inline int eco_i_is_and(const eco_i_token *t)
{
    return t->word && !t->cap && (t->cls & W_AND);
}

#endif
