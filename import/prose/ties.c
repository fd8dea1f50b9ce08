/*
 * import/prose/ties.c - how the organisations one sentence names are tied: who does what to
 * whom.
 *
 * Direction is the grammar's: the labelled records hold too few directed ties (29) for a
 * model to learn which way one points, so the rules decide every directed tie.  The rules read the
 * sentence's cue phrases (core's vocabulary) and where each name stands against them: the name
 * before an active cue acts ("The OECD supported ..."), the name after a passive one ("funded by
 * the IDB", "with support from X"); a sentence about its subject ties the subject when no other
 * name acts ("Backed by X, the lab ..."); "X's Y" and "Y of X" make X the host of Y when both are
 * bodies; what a record says of a partner in the description of that partnership is the lab's
 * support when it speaks of support.  Where the rules do not tie the passage's subject to a body
 * the sentence names, the tie model decides whether it ties them as partners ("We worked with X" in
 * the answer about government partners): its features are the cues between and around the two
 * names, the words between them, their roles and types and where the sentence stands.  Without a
 * model the rules decide alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spans.h"
#include "ties.h"

#define MAX_CUES 16
#define MAX_PARTIES 8

/* The classes of the tie model: a kind, the direction of a directed one ('>' when the first
 * of the pair acts on the second), or none. */
static const char *const verdict_names[] = {"none",        "partnership", "funding>", "funding<",
                                            "hosting>",    "hosting<",    "support>", "support<",
                                            "membership>", "membership<"};

enum { NONE = 0, VERDICT_COUNT = 10 };

static int verdict_of(eco_tie_kind kind, int forward)
{
    switch (kind) {
    case ECO_TIE_PARTNERSHIP:
        return 1;
    case ECO_TIE_FUNDING:
        return forward ? 2 : 3;
    case ECO_TIE_HOSTING:
        return forward ? 4 : 5;
    case ECO_TIE_SUPPORT:
        return forward ? 6 : 7;
    case ECO_TIE_MEMBERSHIP:
        return forward ? 8 : 9;
    default:
        return NONE;
    }
}

static eco_tie_kind kind_of(int verdict)
{
    static const eco_tie_kind kinds[VERDICT_COUNT] = {
        ECO_TIE_RELATED,    ECO_TIE_PARTNERSHIP, ECO_TIE_FUNDING, ECO_TIE_FUNDING,
        ECO_TIE_HOSTING,    ECO_TIE_HOSTING,     ECO_TIE_SUPPORT, ECO_TIE_SUPPORT,
        ECO_TIE_MEMBERSHIP, ECO_TIE_MEMBERSHIP};
    return kinds[verdict];
}

/* ---- The sentence's parties ------------------------------------------------------------- */

/* A party to the sentence's ties: an actor it names, or the subject it is about. */
typedef struct party {
    size_t actor;      /* its actor */
    size_t start, end; /* its bytes in the sentence; start == end for the subject unnamed */
    int named;         /* 0 for the subject when the sentence does not name it */
} party;

typedef struct reading {
    const eco_i_said *s;
    eco_i_cue cues[MAX_CUES];
    size_t ncues;
    party parties[MAX_PARTIES];
    size_t count;
    int rule[MAX_PARTIES][MAX_PARTIES]; /* the rules' verdict on (i, j), i before j */
} reading;

static void add_party(reading *rd, size_t actor, size_t start, size_t end, int named)
{
    for (size_t i = 0; i < rd->count; i++)
        if (rd->parties[i].actor == actor)
            return;
    if (rd->count < MAX_PARTIES && actor != ECO_I_NONE)
        rd->parties[rd->count++] = (party){actor, start, end, named};
}

/* Sets the rules' verdict on actors a and b, a acting on b for a directed kind. */
static void rule(reading *rd, size_t a, size_t b, eco_tie_kind kind)
{
    size_t i = rd->count, j = rd->count;
    for (size_t k = 0; k < rd->count; k++) {
        if (rd->parties[k].actor == a)
            i = k;
        if (rd->parties[k].actor == b)
            j = k;
    }
    if (i == rd->count || j == rd->count || i == j)
        return;
    rd->rule[i < j ? i : j][i < j ? j : i] = verdict_of(kind, i < j);
}

/* ---- The rules -------------------------------------------------------------------------- */

/* Words before byte offset at: a name among the first words is what the sentence is about. */
static size_t words_before(const char *text, size_t at)
{
    size_t words = 0;
    for (size_t i = 0; i < at; i++)
        words += text[i] == ' ' && i + 1 < at && text[i + 1] != ' ';
    return words;
}

/* The n bytes between two names hold only white space and one of the words given. */
static int joined_by(const char *text, size_t from, size_t to, const char *const *words)
{
    while (from < to && text[from] == ' ')
        from++;
    while (to > from && text[to - 1] == ' ')
        to--;
    for (size_t k = 0; words[k]; k++)
        if (to - from == strlen(words[k]) && strncmp(text + from, words[k], to - from) == 0)
            return 1;
    return 0;
}

/* "The OECD's Observatory ...", "the Agency of the Ministry ...": the possessor, or the body
 * the "of" names, hosts the other, when both are bodies the sentence names. */
static void nesting_rules(reading *rd)
{
    static const char *const of[] = {
        "of the", "of",         "du",     "de la",     "de l'",      "de l’",         "del",
        "de",     "within the", "within", "under the", "au sein du", "au sein de la", NULL};
    const eco_i_said *s = rd->s;

    for (size_t i = 0; i + 1 < s->names->count; i++) {
        const eco_i_mention *a = &s->names->items[i], *b = &s->names->items[i + 1];
        size_t x = s->actors[i], y = s->actors[i + 1];
        if (x == ECO_I_NONE || y == ECO_I_NONE || x == y)
            continue;
        /* the mention's end leaves the possessive out: "OECD" of "OECD's", and what it holds
         * comes next */
        static const char *const holds[] = {"'s", "\xE2\x80\x99s", NULL};
        if (joined_by(s->text, a->end, b->start, holds))
            rule(rd, x, y, ECO_TIE_HOSTING);
        else if (joined_by(s->text, a->end, b->start, of))
            rule(rd, y, x, ECO_TIE_HOSTING);
    }
}

/* The mention of the first name of the sentence, when it comes before its first cue: the
 * one that acts.  names->count when there is none. */
static size_t first_agent(const reading *rd)
{
    const eco_i_said *s = rd->s;
    for (size_t i = 0; i < s->names->count; i++)
        if (s->actors[i] != ECO_I_NONE && s->names->items[i].start < rd->cues[0].start &&
            words_before(s->text, s->names->items[i].start) <= 6)
            return i;
    return s->names->count;
}

/* Name i and the names after it that "and" joins to it, or a comma too when commas may
 * join them ("the Accelerator Labs in Ghana, Togo and Benin"; not the comma that closes
 * "Backed by X, the lab"): the index past the last of them. */
static size_t listed_with(const eco_i_said *s, size_t i, int commas)
{
    static const char *const ands[] = {"and", "and the", ", and", ", and the", "et",  "et la",
                                       "et le", "et l'", "y",       "y el",     "y la", NULL};
    static const char *const comma[] = {",", NULL};
    while (i + 1 < s->names->count &&
           (joined_by(s->text, s->names->items[i].end, s->names->items[i + 1].start, ands) ||
            (commas && joined_by(s->text, s->names->items[i].end, s->names->items[i + 1].start,
                                 comma))))
        i++;
    return i + 1;
}

/* "Backed by X, Y ...", "Funded by X and Z, the labs in Y and W ...": a sentence that opens
 * with a passive cue names who act right after it, the names listed together, and then what
 * they act on, the next name and those listed with it (or is about its subject).  1 when
 * the sentence opens so. */
static int opening_passive(reading *rd)
{
    const eco_i_said *s = rd->s;
    const eco_i_cue *c = &rd->cues[0];
    size_t first = s->names->count;

    if (c->role != ECO_I_CUE_PATIENT || words_before(s->text, c->start) > 1)
        return 0;
    for (size_t i = 0; i < s->names->count && first == s->names->count; i++)
        if (s->actors[i] != ECO_I_NONE && s->names->items[i].start >= c->end)
            first = i;
    if (first == s->names->count)
        return 0;
    size_t acting = listed_with(s, first, 0), patients = acting;
    while (patients < s->names->count && s->actors[patients] == ECO_I_NONE)
        patients++;
    size_t end = patients < s->names->count ? listed_with(s, patients, 1) : patients;
    for (size_t a = first; a < acting; a++) {
        if (patients == end && s->subject != ECO_I_NONE)
            rule(rd, s->actors[a], s->subject, c->kind);
        for (size_t p = patients; p < end; p++)
            if (s->actors[p] != ECO_I_NONE)
                rule(rd, s->actors[a], s->actors[p], c->kind);
    }
    return 1;
}

/* Whether the name of mention m runs on into a programme's: "the European Commission
 * Horizon 2020 program".  Support from a programme is its owner's money. */
static int owns_programme_named_after(const eco_i_said *s, const eco_i_mention *m)
{
    static const char *const programmes[] = {"program", "programme", "programa", NULL};
    size_t i = m->end, words = 0;

    while (i < s->len && words < 4) {
        while (i < s->len && s->text[i] == ' ')
            i++;
        size_t start = i;
        while (i < s->len && s->text[i] != ' ' && s->text[i] != ',' && s->text[i] != '.')
            i++;
        if (i == start)
            return 0;
        for (size_t k = 0; programmes[k]; k++)
            if (eco_i_is_word(s->text + start, i - start, programmes[k]))
                return words > 0;
        char c = s->text[start];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return 0;
        words++;
    }
    return 0;
}

/* The kind a cue gives name i's tie: support from a programme named after its owner is
 * the owner's funding. */
static eco_tie_kind kind_for(const reading *rd, size_t i, const eco_i_cue *c)
{
    if (c->kind == ECO_TIE_SUPPORT && c->role == ECO_I_CUE_PATIENT &&
        owns_programme_named_after(rd->s, &rd->s->names->items[i]))
        return ECO_TIE_FUNDING;
    return c->kind;
}

static void cue_rules(reading *rd)
{
    const eco_i_said *s = rd->s;
    size_t first = first_agent(rd), others = 0, agent = ECO_I_NONE, agents = first;

    if (first < s->names->count) {
        agent = s->actors[first];
        /* "OECD and the Slovenian Presidency: ... support from X": the names listed with
         * the first act with it */
        agents = listed_with(s, first, 0);
        while (agents > first + 1 && s->names->items[agents - 1].end > rd->cues[0].start)
            agents--;
    }
    if (agent == ECO_I_NONE && opening_passive(rd))
        return;
    if (agent == ECO_I_NONE)
        agent = s->subject;
    /* "the role of ESF financial support": the name just before a noun cue provides */
    for (size_t i = 0; i < s->names->count; i++)
        for (size_t k = 0; k < rd->ncues && s->actors[i] != ECO_I_NONE; k++) {
            const eco_i_mention *m = &s->names->items[i];
            if (rd->cues[k].role == ECO_I_CUE_NOUN && m->end <= rd->cues[k].start &&
                rd->cues[k].start - m->end <= 3 && s->subject != ECO_I_NONE &&
                s->actors[i] != s->subject) {
                rule(rd, s->actors[i], s->subject, rd->cues[k].kind);
                return;
            }
        }
    for (size_t i = 0; i < s->names->count; i++) {
        const eco_i_mention *m = &s->names->items[i];
        const eco_i_cue *c = &rd->cues[0];
        if (s->actors[i] == ECO_I_NONE || s->actors[i] == agent)
            continue;
        for (size_t k = 0; k < rd->ncues; k++)
            if (rd->cues[k].end <= m->start)
                c = &rd->cues[k];
        /* names before the cue, with the first: "The OECD and the WEF contributed to it" */
        if (c == &rd->cues[0] && m->end <= c->start)
            continue;
        others++;
        size_t acting_count = first < s->names->count ? agents - first : 1;
        for (size_t g = 0; g < acting_count; g++) {
            size_t acting = first < s->names->count ? s->actors[first + g] : agent;
            if (acting == ECO_I_NONE || acting == s->actors[i])
                continue;
            if (c->role == ECO_I_CUE_PATIENT)
                rule(rd, s->actors[i], acting, kind_for(rd, i, c));
            else
                rule(rd, acting, s->actors[i], c->kind);
        }
    }
    /* "In 2016, the Ministry ... launched the challenge": the subject is the object, of
     * every name that acts before the cue */
    if (others == 0 && s->subject != ECO_I_NONE && rd->cues[0].role != ECO_I_CUE_PATIENT)
        for (size_t i = 0; i < s->names->count; i++)
            if (s->actors[i] != ECO_I_NONE && s->names->items[i].end <= rd->cues[0].start)
                rule(rd, s->actors[i], s->subject, rd->cues[0].kind);
}

/* In the description of a partnership, support or funding the sentence speaks of is the
 * lab's to the partner described, whatever else it says. */
static void description_rules(reading *rd)
{
    const eco_i_said *s = rd->s;

    for (size_t k = 0; k < rd->ncues; k++)
        if ((rd->cues[k].kind == ECO_TIE_SUPPORT || rd->cues[k].kind == ECO_TIE_FUNDING) &&
            rd->cues[k].role != ECO_I_CUE_PATIENT) {
            for (size_t i = 0; i < s->names->count; i++)
                if (s->actors[i] != ECO_I_NONE && s->actors[i] != s->lab)
                    rule(rd, s->lab, s->actors[i], rd->cues[k].kind);
            if (s->partner != ECO_I_NONE)
                rule(rd, s->lab, s->partner, rd->cues[k].kind);
            return;
        }
}

static void read_sentence(reading *rd, const eco_i_said *s)
{
    memset(rd, 0, sizeof(*rd));
    rd->s = s;
    rd->ncues = eco_i_find_cues(rd->cues, MAX_CUES, s->text, s->len);
    for (size_t i = 0; i < s->names->count; i++)
        add_party(rd, s->actors[i], s->names->items[i].start, s->names->items[i].end, 1);
    add_party(rd, s->subject, 0, 0, 0);
    if (s->field == ECO_I_FIELD_DESCRIPTION)
        add_party(rd, s->partner, 0, 0, 0);
    if (rd->ncues)
        cue_rules(rd);
    if (s->field == ECO_I_FIELD_DESCRIPTION && s->lab != ECO_I_NONE)
        description_rules(rd);
    nesting_rules(rd); /* last: what names say of each other is surer than any cue */
}

/* ---- The tie model's features ----------------------------------------------------------- */

static const char *type_name(eco_actor_type type)
{
    return type == ECO_TYPE_UNKNOWN ? "none" : eco_actor_type_name(type);
}

static const char *role_of(const eco_i_said *s, size_t actor)
{
    if (actor == s->lab)
        return "lab";
    if (actor == s->subject)
        return "subject";
    return actor == s->partner ? "partner" : "other";
}

/* Where cue k stands against the pair: before both, between them, after both. */
static const char *cue_place(const eco_i_cue *c, const party *x, const party *y)
{
    if (!x->named || !y->named)
        return c->end <= (x->named ? x->start : y->start) ? "before" : "after";
    if (c->end <= x->start)
        return "before";
    return c->start >= y->end ? "after" : "between";
}

static void between_words(eco_i_features *f, const char *text, size_t from, size_t to)
{
    size_t words = 0;
    char buf[40];

    for (size_t i = from; i < to && words < 8;) {
        while (i < to && !(text[i] >= 'a' && text[i] <= 'z'))
            i++;
        size_t start = i;
        while (i < to && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '\''))
            i++;
        if (i > start && i - start < sizeof(buf) - 1 &&
            (start == 0 || !(text[start - 1] >= 'A' && text[start - 1] <= 'Z'))) {
            memcpy(buf, text + start, i - start);
            eco_i_feature(f, "between", buf, i - start);
            words++;
        }
    }
}

static void pair_features(eco_i_features *f, const reading *rd, const eco_graph *g, size_t i,
                          size_t j)
{
    const eco_i_said *s = rd->s;
    const party *x = &rd->parties[i], *y = &rd->parties[j];
    char buf[96];

    eco_i_features_reset(f);
    eco_i_feature_c(f, "rule", verdict_names[rd->rule[i][j]]);
    eco_i_feature_c(f, "field", eco_i_field_name(s->field));
    eco_i_feature_pair(f, "roles", role_of(s, x->actor), '>', role_of(s, y->actor));
    eco_i_feature_pair(f, "types", type_name(eco_graph_actor(g, x->actor)->type), '>',
                       type_name(eco_graph_actor(g, y->actor)->type));
    eco_i_feature_c(f, "named", x->named && y->named ? "both" : x->named ? "first" : "second");
    for (size_t k = 0; k < rd->ncues && eco_i_feature_wanted(f, "cue"); k++) {
        snprintf(buf, sizeof(buf), "%s:%s/%d", cue_place(&rd->cues[k], x, y),
                 eco_tie_kind_name(rd->cues[k].kind), (int)rd->cues[k].role);
        eco_i_feature_s(f, "cue", buf);
    }
    if (x->named && y->named) {
        size_t gap = y->start > x->end ? y->start - x->end : 0;
        eco_i_feature_c(f, "gap", gap < 4 ? "0" : gap < 20 ? "short" : gap < 80 ? "mid" : "far");
        if (gap < 120 && eco_i_feature_wanted(f, "between"))
            between_words(f, s->text, x->end, y->start);
    }
}

/* ---- Deciding --------------------------------------------------------------------------- */

/* Whether the tie model decides pair (i, j): the rules see no tie between them, and one of
 * them is what the passage is about.  Two other bodies named side by side are seldom
 * partners for that alone, and measured so, the model's guesses there cost more precision
 * than they gained. */
static int model_decides(const reading *rd, size_t i, size_t j)
{
    return rd->rule[i][j] == NONE && rd->s->subject != ECO_I_NONE &&
           (rd->parties[i].actor == rd->s->subject || rd->parties[j].actor == rd->s->subject);
}

/* The verdict on pair (i, j): the rules', or where the model decides, partners or not. */
static int decide(const reading *rd, const eco_i_span_context *ctx, const eco_i_features *f,
                  size_t i, size_t j)
{
    if (!ctx || !ctx->models || !f || !model_decides(rd, i, j))
        return rd->rule[i][j];
    return eco_i_model_yes(ctx->models->tie, f) >= 0.5 ? 1 : NONE;
}

static const char *party_name(const reading *rd, const eco_graph *g, size_t i)
{
    const eco_i_said *s = rd->s;
    for (size_t k = 0; k < s->names->count; k++)
        if (rd->parties[i].named && s->actors[k] == rd->parties[i].actor)
            return s->names->items[k].name;
    return eco_graph_actor(g, rd->parties[i].actor)->name;
}

/* A tie with the sentence as its evidence, which *said keeps once made: a sentence of
 * many names gives many ties. */
static int tie(eco_i_record *r, size_t a, size_t b, eco_tie_kind kind, const eco_i_said *s,
               const char **said)
{
    return eco_i_record_tie_said(r, a, b, kind, s->line, s->text, s->len, said);
}

int eco_i_tie_sentence(eco_i_record *r, const eco_i_said *s, const eco_i_span_context *ctx)
{
    eco_graph *g = eco_i_record_graph(r);
    eco_i_features *f = ctx && ctx->features ? &ctx->features[ECO_I_TIE_FEATURES] : NULL;
    reading *rd = malloc(sizeof(*rd));
    const char *said = NULL;
    size_t related = 0;
    int rc = 0;

    if (!rd)
        return ECO_ENOMEM;
    read_sentence(rd, s);
    if (f) /* training reads every feature; importing, those with weights */
        eco_i_features_use(f, ctx->observer || !ctx->models ? NULL : ctx->models->tie,
                           ctx->observer != NULL);
    for (size_t i = 0; i < rd->count && rc == 0; i++)
        for (size_t j = i + 1; j < rd->count && rc == 0; j++) {
            const party *x = &rd->parties[i], *y = &rd->parties[j];
            int modelled = model_decides(rd, i, j);
            if (modelled && f && (ctx->models || ctx->observer))
                pair_features(f, rd, g, i, j);
            if (modelled && f && ctx->observer)
                ctx->observer->pair(ctx->observer->ctx, ctx->record, party_name(rd, g, i),
                                    party_name(rd, g, j), f);
            int v = decide(rd, ctx, f, i, j);
            if (v != NONE)
                rc = v == 1 || v % 2 == 0 /* partnership, or the first acts on the second */
                         ? tie(r, x->actor, y->actor, kind_of(v), s, &said)
                         : tie(r, y->actor, x->actor, kind_of(v), s, &said);
            /* names set side by side and no more: "related", the weakest of ties */
            else if (rd->ncues == 0 && x->named && y->named && related++ < 15)
                rc = tie(r, x->actor, y->actor, ECO_TIE_RELATED, s, &said);
        }
    rc = rc == 0 && f && f->failed ? ECO_ENOMEM : rc;
    free(rd);
    return rc;
}
