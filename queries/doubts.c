/*
 * queries/doubts.c - what an analyst should look at again in a map (ecomap check).
 *
 * Likely duplicates are pairs, and a map of n actors has n^2 pairs; so each actor's names
 * give keys (the folded name, the name without plural or possessive endings, its words
 * sorted, those words in English and cut to their first letters, its initials) and two actors are a pair only when they share a key within one
 * country (or one of them has none).  Each key remembers the first actor that held it, so a
 * key that k actors share gives k - 1 pairs, each with that first one: enough to show the
 * analyst the group.  Pairs are looked for kind by kind, most serious first, and a pair met
 * again under a lesser kind is not listed twice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecomap/query.h"
#include "internal.h"
#include "vocabulary.h"

#define NONE ((size_t)-1)

static const char *const kind_names[ECO_DOUBT_KIND_COUNT] = {
    "same-name", "variant", "acronym", "weak-merge", "word-order", "fragment", "no-type",
    "no-country", "translation"};

/* How much each kind weighs against the others: duplicates first, missing facts last. */
static const double kind_weight[ECO_DOUBT_KIND_COUNT] = {8, 7, 6, 5, 4, 3, 2, 1, 3.5};

const char *eco_doubt_kind_name(eco_doubt_kind kind)
{
    return (unsigned)kind < ECO_DOUBT_KIND_COUNT ? kind_names[kind] : NULL;
}

/* ---- Words of a name -------------------------------------------------------------------- */

typedef struct words {
    char folded[256]; /* the folded name, its words cut apart by NULs */
    char *word[32];   /* the words */
    size_t count;
} words;

static int is_small(const char *w)
{
    static const char *const small[] = {"of",  "for", "the", "and", "de",  "la", "del", "du",
                                        "des", "do",  "da",  "dos", "das", "y",  "e",   "et",
                                        "l",   "d",   "le",  "les", "el",  "los", "las", "a",
                                        "an",  "in",  "on",  "to",  "at",  "with", "en", "au",
                                        "aux", "para", "pour", NULL};
    for (size_t i = 0; small[i]; i++)
        if (strcmp(w, small[i]) == 0)
            return 1;
    return 0;
}

/* 0 when the name folds to nothing or to more than a buffer holds. */
static size_t split(words *w, const char *name)
{
    size_t n = eco_name_fold(w->folded, sizeof(w->folded), name);
    char *rest = NULL;

    w->count = 0;
    if (n == 0 || n >= sizeof(w->folded))
        return 0;
    for (char *t = strtok_r(w->folded, " ", &rest); t && w->count < 32;
         t = strtok_r(NULL, " ", &rest))
        w->word[w->count++] = t;
    return w->count;
}

/* The word without a plural or possessive ending, into out: folding drops the apostrophe,
 * so "University's" is "universitys", and "Sports", "Ministries" lose theirs too. */
static void stem(const char *word, char *out, size_t size)
{
    size_t n = strlen(word);

    snprintf(out, size, "%s", word);
    if (n > 4 && strcmp(word + n - 3, "ies") == 0)
        snprintf(out + n - 3, size - (n - 3), "y");
    else if (n > 3 && word[n - 1] == 's' && word[n - 2] != 's' && n - 1 < size)
        out[n - 1] = '\0';
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

enum { KEY_SAME, KEY_VARIANT, KEY_ORDER, KEY_TRANSLATION, KEY_INITIALS };

#define COGNATE 6 /* letters two words of two languages share when one is the other's */

/* The key of name of type which: 0 when the name has none (too few words for word order or
 * initials). */
static uint64_t name_key(const char *name, int which)
{
    char text[512], stems[32][64], *sorted[32];
    words w;
    size_t at = 0, n = 0;

    if (split(&w, name) == 0)
        return 0;
    for (size_t i = 0; i < w.count; i++) {
        if (which >= KEY_ORDER && is_small(w.word[i]))
            continue;
        /* "Camara de Comercio" is "Chamber of Commerce"; "productiva", "productive" */
        stem(which == KEY_TRANSLATION ? eco_i_english_word(w.word[i]) : w.word[i], stems[n],
             sizeof(stems[n]));
        if (which == KEY_TRANSLATION)
            stems[n][COGNATE] = '\0';
        sorted[n] = which == KEY_SAME ? w.word[i] : stems[n];
        n++;
    }
    if (which >= KEY_ORDER && n < 2)
        return 0;
    if (which == KEY_ORDER || which == KEY_TRANSLATION)
        qsort(sorted, n, sizeof(*sorted), by_text);
    for (size_t i = 0; i < n && at < sizeof(text) - 1; i++) {
        if (which == KEY_INITIALS)
            text[at++] = sorted[i][0];
        else
            at += (size_t)snprintf(text + at, sizeof(text) - at, "%s%s", i ? " " : "", sorted[i]);
    }
    at = at < sizeof(text) ? at : sizeof(text) - 1;
    return eco_i_hash(text, at) ^ ((uint64_t)which + 1) * 0x9E3779B97F4A7C15ULL;
}

/* A bare acronym: two to ten letters and digits, two capitals or more, no small letter. */
static int is_acronym(const char *s)
{
    size_t n = strlen(s), caps = 0;

    if (n < 2 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
        caps += s[i] >= 'A' && s[i] <= 'Z';
    }
    return caps >= 2;
}

/* The key an acronym has as initials: its letters, lowered, as name_key spells initials. */
static uint64_t acronym_key(const char *acronym)
{
    char letters[16];
    size_t n = 0;

    for (const char *c = acronym; *c && n < sizeof(letters); c++)
        if (*c >= 'A' && *c <= 'Z')
            letters[n++] = (char)(*c - 'A' + 'a');
    return eco_i_hash(letters, n) ^ ((uint64_t)KEY_INITIALS + 1) * 0x9E3779B97F4A7C15ULL;
}

/* ---- Collecting doubts ------------------------------------------------------------------ */

typedef struct finder {
    const eco_graph *g;
    eco_i_map first; /* a key within a country -> the first actor that holds it */
    eco_i_map pairs; /* pairs already listed */
    eco_doubt *items;
    size_t count, cap;
} finder;

static uint64_t within(uint64_t key, const char *country)
{
    return key ^ (country ? eco_i_hash(country, strlen(country)) * 0xBF58476D1CE4E5B9ULL : 0);
}

/* Whether a, rather than b, should give a joined pair its name: more records, then not an
 * acronym, then the shorter name ("University" before "University's"). */
static int keeps_name(const eco_actor *a, const eco_actor *b)
{
    size_t la = strlen(a->name), lb = strlen(b->name);

    if (a->record_count != b->record_count)
        return a->record_count > b->record_count;
    if (is_acronym(a->name) != is_acronym(b->name))
        return !is_acronym(a->name);
    return la < lb;
}

static int add(finder *f, eco_doubt_kind kind, size_t actor, size_t other, const char *form)
{
    const eco_actor *a = eco_graph_actor(f->g, actor);
    size_t records = a->record_count;

    if (other != NONE) {
        const eco_actor *b = eco_graph_actor(f->g, other);
        size_t low = actor < other ? actor : other, high = actor < other ? other : actor;
        int seen = eco_i_map_get_or_put(&f->pairs, (uint64_t)low * 0x9E3779B97F4A7C15ULL ^ high,
                                        0, NULL);
        if (seen != 0)
            return seen < 0 ? ECO_ENOMEM : 0; /* 1: listed under a more serious kind */
        if (keeps_name(a, b)) { /* the one in doubt joins the other, named as the other */
            size_t t = actor;
            actor = other;
            other = t;
        }
        records += b->record_count;
    }
    if (eco_i_reserve(&f->items, &f->cap, f->count + 1, sizeof(*f->items)) < 0)
        return ECO_ENOMEM;
    f->items[f->count++] = (eco_doubt){kind, actor, other, form,
                                       kind_weight[kind] + (records < 99 ? records : 99) / 100.0};
    return 0;
}

/* The key of one form of actor i: first notes it, then (second pass) pairs i with the
 * first actor that held it in its country, or in none. */
static int pair_by_key(finder *f, eco_doubt_kind kind, size_t i, uint64_t key, int pairing,
                       const char *form)
{
    const eco_actor *a = eco_graph_actor(f->g, i);
    size_t first;
    int rc = 0;

    if (!key)
        return 0;
    if (!pairing)
        return eco_i_map_get_or_put(&f->first, within(key, a->country), i, NULL) < 0 ? ECO_ENOMEM
                                                                                    : 0;
    if (eco_i_map_get(&f->first, within(key, a->country), &first) && first != i)
        rc = add(f, kind, i, first, form);
    if (rc == 0 && a->country && eco_i_map_get(&f->first, within(key, NULL), &first) &&
        first != i)
        rc = add(f, kind, i, first, form);
    return rc;
}

/* Every form (name and aliases) of every actor under one kind of key, in two passes. */
static int pairs_of_kind(finder *f, eco_doubt_kind kind, int which)
{
    size_t n = eco_graph_actor_count(f->g);
    int rc = 0;

    eco_i_map_clear(&f->first);
    for (int pairing = 0; pairing < 2 && rc == 0; pairing++)
        for (size_t i = 0; i < n && rc == 0; i++) {
            const eco_actor *a = eco_graph_actor(f->g, i);
            for (size_t k = 0; k <= a->alias_count && rc == 0; k++) {
                const char *form = k == 0 ? a->name : a->aliases[k - 1];
                if (which == KEY_SAME || !is_acronym(form))
                    rc = pair_by_key(f, kind, i, name_key(form, which), pairing,
                                     kind == ECO_DOUBT_SAME_NAME ? form : NULL);
            }
        }
    return rc;
}

/* An actor named by an acronym, and the actor whose name's initials it spells. */
static int acronym_pairs(finder *f)
{
    size_t n = eco_graph_actor_count(f->g);
    int rc = 0;

    eco_i_map_clear(&f->first);
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(f->g, i);
        if (!is_acronym(a->name))
            rc = pair_by_key(f, ECO_DOUBT_ACRONYM, i, name_key(a->name, KEY_INITIALS), 0, NULL);
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(f->g, i);
        if (is_acronym(a->name))
            rc = pair_by_key(f, ECO_DOUBT_ACRONYM, i, acronym_key(a->name), 1, NULL);
    }
    return rc;
}

/* ---- Doubts about one actor ------------------------------------------------------------- */

/* Whether acronym spells the initials of name, of all its words or its content words, or
 * is a word of it ("AMA – Administrative Modernisation Agency"). */
static int acronym_of(const char *acronym, const char *name)
{
    words w;
    char all[33], content[33], letters[16];
    size_t na = 0, nc = 0, nl = 0;

    if (split(&w, name) == 0)
        return 0;
    for (const char *c = acronym; *c && nl < sizeof(letters) - 1; c++)
        if (*c >= 'A' && *c <= 'Z')
            letters[nl++] = (char)(*c - 'A' + 'a');
    letters[nl] = '\0';
    for (size_t i = 0; i < w.count; i++) {
        if (strcmp(w.word[i], letters) == 0)
            return 1;
        all[na++] = w.word[i][0];
        if (!is_small(w.word[i]))
            content[nc++] = w.word[i][0];
    }
    all[na] = content[nc] = '\0';
    return strcmp(all, letters) == 0 || strcmp(content, letters) == 0;
}

/* An acronym among the actor's aliases that none of its other names spells: the merge that
 * brought it rests on the acronym alone. */
static int weak_merges(finder *f, size_t i)
{
    const eco_actor *a = eco_graph_actor(f->g, i);
    int rc = 0;

    for (size_t k = 0; k < a->alias_count && rc == 0; k++) {
        int spelled = is_acronym(a->name) || !is_acronym(a->aliases[k]) ||
                      acronym_of(a->aliases[k], a->name);
        for (size_t j = 0; j < a->alias_count && !spelled; j++)
            spelled = !is_acronym(a->aliases[j]) && acronym_of(a->aliases[k], a->aliases[j]);
        if (!spelled)
            rc = add(f, ECO_DOUBT_WEAK_MERGE, i, NONE, a->aliases[k]);
    }
    return rc;
}

/* One word, no capital ("cooperatives"), or a last word that joins ("Ministry of"). */
static int looks_cut(const char *name)
{
    words w;

    if (split(&w, name) == 0)
        return 0;
    if (w.count == 1) {
        for (const char *c = name; *c; c++)
            if ((*c >= 'A' && *c <= 'Z') || (unsigned char)*c >= 0x80)
                return 0; /* a capital, or a letter this test cannot judge */
        return 1;
    }
    return is_small(w.word[w.count - 1]);
}

/* Whether the gazetteer knows a, as a body of no one country (GIZ, Google, Oxfam). */
static int single_doubts(finder *f)
{
    int rc = 0;

    for (size_t i = 0; i < eco_graph_actor_count(f->g) && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(f->g, i);
        if ((rc = weak_merges(f, i)) < 0)
            break;
        if (looks_cut(a->name) && (rc = add(f, ECO_DOUBT_FRAGMENT, i, NONE, NULL)) < 0)
            break;
        if (a->type == ECO_TYPE_UNKNOWN && (rc = add(f, ECO_DOUBT_NO_TYPE, i, NONE, NULL)) < 0)
            break;
        if (!a->country && a->type != ECO_TYPE_INTERNATIONAL && a->type != ECO_TYPE_NETWORK &&
            !eco_i_works_worldwide(a->name))
            rc = add(f, ECO_DOUBT_NO_COUNTRY, i, NONE, NULL);
    }
    return rc;
}

/* ---- All of them, ranked ---------------------------------------------------------------- */

static int by_rank(const void *x, const void *y)
{
    const eco_doubt *a = x, *b = y;

    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->actor != b->actor)
        return a->actor < b->actor ? -1 : 1;
    if (a->other != b->other)
        return a->other < b->other ? -1 : 1;
    return a->form && b->form ? strcmp(a->form, b->form) : 0;
}

int eco_query_doubts(eco_doubt **out, size_t *count, const eco_graph *g, eco_error *err)
{
    finder f = {.g = g};
    int rc;

    if ((rc = pairs_of_kind(&f, ECO_DOUBT_SAME_NAME, KEY_SAME)) == 0 &&
        (rc = pairs_of_kind(&f, ECO_DOUBT_VARIANT, KEY_VARIANT)) == 0 &&
        (rc = acronym_pairs(&f)) == 0 &&
        (rc = pairs_of_kind(&f, ECO_DOUBT_WORD_ORDER, KEY_ORDER)) == 0 &&
        (rc = pairs_of_kind(&f, ECO_DOUBT_TRANSLATION, KEY_TRANSLATION)) == 0)
        rc = single_doubts(&f);
    eco_i_map_free(&f.first);
    eco_i_map_free(&f.pairs);
    if (rc < 0) {
        free(f.items);
        return eco_error_set(err, rc, NULL, 0, 0, "out of memory listing doubts");
    }
    if (f.count > 1)
        qsort(f.items, f.count, sizeof(*f.items), by_rank);
    *out = f.items;
    *count = f.count;
    return 0;
}

void eco_doubts_free(eco_doubt *doubts)
{
    free(doubts);
}
