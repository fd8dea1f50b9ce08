/*
 * import/prose/small_letters.c - names that writers leave partly in small letters, read with
 * the capitals a name would have: "the university of Hargeisa", "Ministry of Higher
 * education", "Zanzibar fisheries institute", "Ministry of the interior".  The tokenizer
 * calls it once a sentence is cut into words, so the rules and the models see one reading.
 */
#include <string.h>

#include "prose.h"
#include "tokens.h"

/* Whether the n bytes at w are a ministry's or a university's first word, which writers
 * often leave in small letters; 2 for French "ministère", whose complement may be small
 * too ("le ministère de l'agriculture"). */
static int small_institution(const char *w, size_t n)
{
    static const char *const words[] = {"ministry", "ministerio", "ministério", "university",
                                        "universidad", "universidade", "université",
                                        "universite", NULL};

    if ((n == 10 && memcmp(w, "ministère", 10) == 0) || (n == 9 && memcmp(w, "ministere", 9) == 0))
        return 2;
    for (size_t i = 0; words[i]; i++)
        if (eco_i_is_word(w, n, words[i]))
            return 1;
    return 0;
}

/* "le ministère de l'Agriculture", "the university of Hargeisa": a ministry or a university
 * written in small letters before its connectors and a name is read with the capitals of a
 * name; French "ministère" raises its complement's first word too. */
static void raise_small_institutions(eco_i_sentence *st)
{
    for (size_t k = 0; k + 2 < st->count; k++) {
        eco_i_token *t = &st->tokens[k];
        size_t next = k + 1;
        int kind;
        if (!t->word || t->cap || !(st->tokens[k + 1].cls & W_CONN) ||
            !(kind = small_institution(st->text + t->start, t->end - t->start)))
            continue;
        while (next < st->count && st->tokens[next].word && (st->tokens[next].cls & W_CONN))
            next++;
        if (next == k + 1 || next >= st->count || !st->tokens[next].word ||
            (kind == 1 && (!st->tokens[next].cap || (st->tokens[next].cls & W_STOP))))
            continue;
        eco_i_raise_word(st, k);
        if (kind == 2)
            eco_i_raise_word(st, next);
    }
}

/* Head words that name a body even in small letters; "network", "society" or "initiative"
 * in small letters are as often what something is as what it is called. */
const char *const eco_i_small_bodies[] = {
    "office", "institute", "university", "school", "ministry", "agency", "authority",
    "department", "directorate", "council", "committee", "association", "foundation",
    "bureau", "commission", "municipality", "college", "academy", "federation",
    "cooperative", "chamber", "secretariat", NULL};

/* Whether the n bytes at w are a word of list, whose words have the class bit: the class
 * rules out most words in one look-up, the list rules out a hash that only collides. */
static int listed(const char *w, size_t n, const char *const *list, unsigned bit)
{
    if (!(eco_i_word_class_n(w, n) & bit))
        return 0;
    for (size_t i = 0; list[i]; i++)
        if (eco_i_is_word(w, n, list[i]))
            return 1;
    return 0;
}

static int body_in_small_letters(const eco_i_sentence *st, size_t k)
{
    const eco_i_token *t = &st->tokens[k];
    return listed(st->text + t->start, t->end - t->start, eco_i_small_bodies, W_BODY_SMALL);
}

/* Whether one of the three words before token k starts with a capital: most small words
 * follow small words, and are left at that. */
static int capital_shortly_before(const eco_i_sentence *st, size_t k)
{
    for (size_t j = k; j-- > 0 && k - j <= 3;)
        if (st->tokens[j].word && st->tokens[j].cap)
            return 1;
    return 0;
}

/* "Zanzibar fisheries institute", "Lasta woreda civil service office": a capitalised word,
 * at most two small words and a small head word are one name; the small words are read
 * with a name's capitals. */
static void raise_small_heads(eco_i_sentence *st)
{
    for (size_t k = 1; k < st->count; k++) {
        const eco_i_token *t = &st->tokens[k];
        size_t first = k;
        if (!t->word || t->cap || t->poss || !capital_shortly_before(st, k) ||
            !body_in_small_letters(st, k))
            continue;
        while (first > 0 && k - first < 2 && st->tokens[first - 1].word &&
               !st->tokens[first - 1].cap &&
               !(eco_i_class_of(st, first - 1) & (W_CONN | W_AND | W_STOP | W_MARKER | W_HEAD)))
            first--;
        if (first == 0 || !st->tokens[first - 1].word || !st->tokens[first - 1].cap ||
            (st->tokens[first - 1].cls & W_STOP) || st->tokens[first - 1].poss)
            continue;
        for (size_t j = first; j <= k; j++)
            eco_i_raise_word(st, j);
    }
}

/* Nouns a body's remit ends on, which writers leave in small letters after an adjective or
 * "and": "Ministry of Higher education", "Agency for Medium and Small-scaled enterprises",
 * "Ministry of Agriculture and environment". */
const char *const eco_i_remits[] = {
    "education", "resources", "enterprises", "environment", "change", "reduction",
    "development", "affairs", "protection", "security", "planning", "training", "industry",
    "industries", "trade", "finance", "economy", "energy", "transport", "infrastructure",
    "tourism", "culture", "sports", "sport", "youth", "agriculture", "fisheries", "forestry",
    "water", "sanitation", "health", "employment", "labour", "labor", "justice", "research",
    "innovation", "technology", "communications", "statistics", "housing", "interior", NULL};

static int is_remit(const char *w, size_t n)
{
    return listed(w, n, eco_i_remits, W_REMIT);
}

/* Whether a capitalised head word and its "of" or "for" open the words before token k, all
 * capitalised or connectors: the remit of a body being named. */
static int remit_of_body_before(const eco_i_sentence *st, size_t k)
{
    for (size_t j = k; j-- > 0 && k - j <= 8;) {
        const eco_i_token *t = &st->tokens[j];
        if (!t->word || !(t->cap || (t->cls & (W_CONN | W_AND))))
            return 0;
        if (t->cap && t->head == 1 && j + 1 < k && (st->tokens[j + 1].cls & W_CONN))
            return 1;
    }
    return 0;
}

const char *const eco_i_remit_connectors[] = {"of",  "for", "the", "de", "del", "du",
                                               "des", "la",  "l",   "d",  NULL};

/* Whether token k, a connector, follows a capitalised head word through "of", "for" and
 * articles only: "Ministry of | the interior", not "academy on | finance". */
static int connects_a_head(const eco_i_sentence *st, size_t k)
{
    /* the folded word's class: one test, where it took up to ten strcmp */
    for (; k > 0 && st->tokens[k].word && !st->tokens[k].cap; k--)
        if (!(st->tokens[k].cls & W_REMIT_CONNECTOR))
            return 0;
    return st->tokens[k].word && st->tokens[k].cap && st->tokens[k].head == 1;
}

/* "Ministry of Higher education": a remit noun in small letters after a capitalised word
 * that is no remit itself, or after "and" and a capitalised word, ends the body's name;
 * right after a head word and its connectors it is the name's remit ("Ministry of the
 * interior"). */
static void raise_small_remits(eco_i_sentence *st)
{
    for (size_t k = 2; k < st->count; k++) {
        const eco_i_token *t = &st->tokens[k], *p = &st->tokens[k - 1];
        size_t n = t->end - t->start, before = k - 1;
        if (!t->word || t->cap || !p->word ||
            !(p->cap || ((p->cls & W_AND) && st->tokens[k - 2].cap) ||
              ((p->cls & W_CONN) && connects_a_head(st, k - 1))) ||
            !is_remit(st->text + t->start, n))
            continue;
        if ((p->cls & W_CONN) && !p->cap) {
            eco_i_raise_word(st, k);
            continue;
        }
        if (p->cls & W_AND)
            before = k - 2;
        else if (!p->cap || p->upper || p->head || is_remit(p->folded, strlen(p->folded)) ||
                 eco_i_country_name(st->text + p->start, p->end - p->start))
            continue; /* "Ministry of Finance of Chile works with": a verb after a place */
        if (!st->tokens[before].word || !st->tokens[before].cap ||
            !remit_of_body_before(st, before + 1))
            continue;
        eco_i_raise_word(st, k);
    }
}

/* "De La Salle University", "El Wafa Center", "La Caja Verde": a particle of Spanish,
 * French, Italian, Dutch or Arabic names, with a capital inside a sentence and a capital
 * after it (past another particle), starts a name as any capitalised word does.  At the
 * sentence's start it is an article, and left so. */
static void raise_name_particles(eco_i_sentence *st)
{
    static const char *const particles[] = {"de", "del", "la", "las", "los", "el", "le", "les",
                                            "al", "du", "des", "da", "di", "van", "von", NULL};

    for (size_t k = 1; k + 1 < st->count; k++) {
        eco_i_token *t = &st->tokens[k];
        size_t next = k + 1, i;
        if (!t->word || !t->cap || t->upper || !(t->cls & W_STOP))
            continue;
        for (i = 0; particles[i] && strcmp(t->folded, particles[i]) != 0; i++)
            ;
        if (!particles[i])
            continue;
        if (next + 1 < st->count && st->tokens[next].word && st->tokens[next].cap &&
            (st->tokens[next].cls & W_STOP))
            next++; /* "De La" */
        if (st->tokens[next].word && st->tokens[next].cap && !(st->tokens[next].cls & W_STOP))
            for (size_t j = k; j < next; j++)
                st->tokens[j].cls &= ~(unsigned)W_STOP;
    }
}

void eco_i_read_small_letters(eco_i_sentence *st)
{
    raise_name_particles(st);
    raise_small_institutions(st);
    raise_small_heads(st);
    raise_small_remits(st);
}
