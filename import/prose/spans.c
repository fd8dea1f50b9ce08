/*
 * import/prose/spans.c - deciding which spans of a sentence are names, and their types,
 * with the models learned from labelled records.
 *
 * Candidates are the rules' names and every span of a chain that starts on a capitalised
 * word and ends on a capitalised word or a numeral, at most MAX_SPAN words long.  Each gets the
 * features below; the actor model scores it; the spans kept are taken in order of score, each above
 * THRESHOLD and overlapping none taken before.  A span the rules also found keeps what they learned
 * of it (its acronym, its gazetteer entry); a new one becomes a name of its own.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "span_rules.h"
#include "spans.h"

#define MAX_SPAN 10 /* words in a candidate */
#define MAX_CANDIDATES 512
#define THRESHOLD 0.5      /* the probability a span must pass to be kept */
#define TYPE_THRESHOLD 0.4 /* the probability a type must pass to be given */
/* The probability enough for a name that opens a sentence of an answer to "which partners
 * of this sector did you work with": the question says what the sentence is about.
 * Cross-validated, 0.3 finds 6 more of UNDP's partners and costs no precision on
 * annotated-24; lower finds no more. */
#define SUBJECT_THRESHOLD 0.3
/* ... and for one the sentence tells what it did ("Open-Seneca provided ..."), or a line
 * that is one name ending on its head word: the words around say more than the model. */
#define ACTING_SUBJECT_THRESHOLD 0.1
#define ONE_BODY_ALONE_THRESHOLD 0.1

/* A candidate: a span of tokens, the name it would be, and the rules' name for it. */
typedef struct candidate {
    size_t a, b;       /* tokens [a, b) */
    size_t start, end; /* bytes of the name: the possessive of its last word left out */
    size_t rule;       /* index in out of the rules' name for the same bytes, or ECO_I_NONE */
    int licensed;      /* of its chain */
    double p;          /* the actor model's probability */
    int kept;          /* 1 once chosen */
    uint64_t key;      /* eco_i_fold_hash of its name once scored, else 0 */
} candidate;

/* What the features of one sentence read: the sentence, its tokens' places, the context. */
typedef struct reading {
    const eco_i_extractor *x;
    const eco_i_span_context *ctx;
    const eco_i_sentence *st;
    unsigned char place[ECO_I_MAX_TOKENS]; /* PLACE_* of each token in a chain */
} reading;

enum { PLACE_COUNTRY = 1, PLACE_DEMONYM = 2, PLACE_DONE = 4 };

const char *eco_i_field_name(eco_i_field field)
{
    static const char *const names[] = {"prose", "title", "partners", "sector", "description"};
    return field < ECO_I_FIELD_COUNT ? names[field] : "prose";
}

/* ---- Words as features ------------------------------------------------------------------ */

/* Whether n bytes at w name a country or its people: the country table's answer,
 * remembered across the import, since the same words come back in every record. */
static unsigned place_of_word(const eco_i_span_context *ctx, const char *w, size_t n)
{
    uint64_t key = eco_i_hash(w, n);
    size_t known;

    if (ctx->places && eco_i_map_get(ctx->places, key, &known))
        return (unsigned)known;
    unsigned place = eco_i_country_name(w, n)         ? PLACE_COUNTRY
                     : eco_i_country_of_demonym(w, n) ? PLACE_DEMONYM
                                                      : 0;
    if (ctx->places) /* a memory that cannot grow costs time, not correctness */
        (void)eco_i_map_put(ctx->places, key, place);
    return place;
}

static unsigned place_of(reading *rd, size_t k)
{
    const eco_i_token *t = &rd->st->tokens[k];
    if (!(rd->place[k] & PLACE_DONE)) {
        rd->place[k] = PLACE_DONE;
        if (t->word && t->cap)
            rd->place[k] |=
                place_of_word(rd->ctx, rd->st->text + t->start, t->end - t->start - t->poss);
    }
    return rd->place[k];
}

/* A word's shape: "X" all capitals, "Xx" capitalised, "d" led by a digit, "x" small,
 * "p" punctuation. */
static const char *shape(const eco_i_token *t, const char *text)
{
    if (!t->word)
        return "p";
    if (text[t->start] >= '0' && text[t->start] <= '9')
        return "d";
    return t->upper ? "X" : t->cap ? "Xx" : "x";
}

/* What a word is to a name, as the word lists say: "" when it is on none. */
static const char *word_role(const eco_i_token *t)
{
    if (t->head == 1)
        return "head";
    if (t->head == 2)
        return "heads";
    if (t->cls & W_CONN)
        return "conn";
    if (t->cls & W_STOP)
        return "stop";
    if (t->cls & W_GENERIC)
        return "generic";
    if (t->cls & W_WORK)
        return "work";
    if (t->cls & W_REGION)
        return "region";
    if (t->cls & W_NOT_ACRONYM)
        return "topic";
    if (t->cls & W_MARKER)
        return "marker";
    return t->coined ? "coined" : "";
}

/* A word next to a span, as a feature: a small word as itself (small words are no names),
 * punctuation as itself, a capitalised word by its shape, and "^" or "$" for none. */
static void context_word(eco_i_features *f, const char *name, const reading *rd, size_t k,
                         int exists)
{
    const eco_i_sentence *st = rd->st;
    char buf[32];

    if (!eco_i_feature_wanted(f, name))
        return;
    if (!exists) {
        eco_i_feature_c(f, name, name[0] == 'p' ? "^" : "$");
        return;
    }
    const eco_i_token *t = &st->tokens[k];
    size_t n = t->end - t->start;
    if (t->word && !t->cap && n < 24) {
        buf[0] = 'w';
        buf[1] = ':';
        eco_i_lower_ascii(buf + 2, st->text + t->start, n);
        eco_i_feature(f, name, buf, n + 2);
    } else if (!t->word) {
        buf[0] = 'p';
        buf[1] = ':';
        buf[2] = t->punct;
        eco_i_feature(f, name, buf, 3);
    } else {
        eco_i_feature_pair(f, name, "s", ':', shape(t, st->text));
    }
}

/* ---- The actor model's features --------------------------------------------------------- */

/* What the lexicons and the record know of the n bytes at s: KNOWN_LEXICON when the
 * gazetteer or the user's alias file name an organisation so, KNOWN_RECORD when the record
 * already holds an actor of that name (its title, a partner field, a defined acronym). */
enum { KNOWN_LEXICON = 1, KNOWN_RECORD = 2 };

static unsigned knowledge(const reading *rd, const candidate *c)
{
    const eco_i_extractor *x = rd->x;
    const char *s = rd->st->text + c->start;
    size_t n = c->end - c->start;
    uint64_t key = c->key ? c->key : eco_i_fold_hash(s, n);
    unsigned known = 0;
    size_t actor;

    if (!key)
        return 0;
    for (size_t i = 0; i < 2 && !known; i++)
        if (x->lexicons[i] && eco_i_lexicon_find_key(x->lexicons[i], s, n, key))
            known = KNOWN_LEXICON;
    if (x->known && x->known(s, n, key, &actor, x->known_ctx))
        known |= KNOWN_RECORD;
    return known;
}

/* The words of the span: their shapes at its ends, their roles, places and punctuation. */
static void inside_features(eco_i_features *f, reading *rd, const candidate *c)
{
    const eco_i_sentence *st = rd->st;
    size_t words = 0, small = 0, countries = 0;
    int all_caps = 1, generic_only = 1;

    for (size_t k = c->a; k < c->b; k++) {
        const eco_i_token *t = &st->tokens[k];
        const char *role = word_role(t);
        if (t->word) {
            words++;
            small += !t->cap && !(t->cls & W_CONN);
            all_caps &= t->upper;
            countries += (place_of(rd, k) & (PLACE_COUNTRY | PLACE_DEMONYM)) != 0;
            if (!(t->head == 1 || (t->cls & (W_GENERIC | W_CONN | W_STOP)) ||
                  (place_of(rd, k) & (PLACE_COUNTRY | PLACE_DEMONYM))))
                generic_only = 0;
        } else {
            eco_i_feature(f, "punct", &t->punct, 1);
        }
        /* each role once: a name's many small words ("de l'Agriculture, de l'Elevage et de
         * la Pêche") say no more against it than one does; word_role answers a role with
         * one literal, so that a pointer tells it */
        int seen = !*role;
        for (size_t j = c->a; j < k && !seen; j++)
            seen = word_role(&st->tokens[j]) == role;
        if (!seen)
            eco_i_feature_c(f, "role", role);
    }
    static const char *const counts[] = {"0", "1", "2", "3", "4", "5", "6"};
    eco_i_feature_c(f, "words", counts[words < 6 ? words : 6]);
    eco_i_feature_c(f, "first.shape", shape(&st->tokens[c->a], st->text));
    eco_i_feature_c(f, "last.shape", shape(&st->tokens[c->b - 1], st->text));
    eco_i_feature_c(f, "first.role", word_role(&st->tokens[c->a]));
    eco_i_feature_c(f, "last.role", word_role(&st->tokens[c->b - 1]));
    if (words == 1)
        eco_i_feature_c(f, "single", shape(&st->tokens[c->a], st->text));
    if (all_caps)
        eco_i_feature_c(f, "all-capitals", NULL);
    if (small)
        eco_i_feature_c(f, "small-words", small > 1 ? "2+" : "1");
    if (generic_only)
        eco_i_feature_c(f, "generic-only", NULL);
    if (countries)
        eco_i_feature_c(f, countries == words ? "is-place" : "has-place", NULL);
    if (st->tokens[c->b - 1].poss)
        eco_i_feature_c(f, "possessive", NULL);
}

enum { BOUND_EDGE, BOUND_SEP, BOUND_CAP, BOUND_WORD, BOUND_MARK };

/* What stands at one side of a span: "edge" (the sentence's end), "sep" (a separator of
 * a list: ",", ";", "/", "&", "and", a bracket, a colon or a dash), "cap" (a capitalised
 * word: the span cuts a run of them), "word" (a small word) or "mark" (other punctuation). */
static int bound(const eco_i_sentence *st, size_t k, int exists)
{
    if (!exists)
        return BOUND_EDGE;
    const eco_i_token *t = &st->tokens[k];
    if (t->word)
        return eco_i_is_and(t) ? BOUND_SEP : t->cap || t->upper ? BOUND_CAP : BOUND_WORD;
    return strchr(",;/&():-", t->punct) ? BOUND_SEP : BOUND_MARK;
}

/* The bounds at a span's two sides, "left|right", each pair one constant: the features of
 * constants are remembered (eco_i_feature_c), where one built in a buffer is hashed again
 * for every candidate. */
#define BOUNDS_FROM(left)                                                                         \
    { left "|edge", left "|sep", left "|cap", left "|word", left "|mark" }
static const char *const bounds[5][5] = {BOUNDS_FROM("edge"), BOUNDS_FROM("sep"),
                                         BOUNDS_FROM("cap"), BOUNDS_FROM("word"),
                                         BOUNDS_FROM("mark")};

/* Whether the span holds every word of its sentence: "- Tigo." is a name alone. */
static int alone(const eco_i_sentence *st, const candidate *c)
{
    for (size_t k = 0; k < st->count; k++)
        if (st->tokens[k].word && (k < c->a || k >= c->b))
            return 0;
    return 1;
}

/* The words around the span, and where it stands in the sentence. */
static void around_features(eco_i_features *f, const reading *rd, const candidate *c)
{
    const eco_i_sentence *st = rd->st;
    size_t n = st->count;

    context_word(f, "prev", rd, c->a - 1, c->a > 0);
    context_word(f, "next", rd, c->b, c->b < n);
    context_word(f, "prev2", rd, c->a - 2, c->a > 1);
    context_word(f, "next2", rd, c->b + 1, c->b + 1 < n);
    if (c->a > 0 && st->tokens[c->a - 1].word && st->tokens[c->a - 1].cap)
        eco_i_feature_c(f, "cuts-left", NULL);
    if (c->b < n && st->tokens[c->b].word && st->tokens[c->b].cap)
        eco_i_feature_c(f, "cuts-right", NULL);
    if (alone(st, c))
        eco_i_feature_c(f, "whole", NULL);
    if (c->b + 2 < n && st->tokens[c->b].punct == '(' && st->tokens[c->b + 1].upper &&
        st->tokens[c->b + 2].punct == ')')
        eco_i_feature_c(f, "acronym-follows", NULL);
    if (c->licensed)
        eco_i_feature_c(f, "announced", c->licensed > 0 ? "yes" : "examples");
    /* a whole item of a list reads differently from a piece of a run of capitals */
    const char *field = eco_i_field_name(rd->ctx->field);
    const char *sides = bounds[bound(st, c->a - 1, c->a > 0)][bound(st, c->b, c->b < n)];
    eco_i_feature_c(f, "bounds", sides);
    eco_i_feature_pair(f, "field.bounds", field, ':', sides);
    /* the field crossed with what matters most in it */
    eco_i_feature_pair(f, "field.at", field, ':', c->a == 0 ? "first" : "later");
    eco_i_feature_pair(f, "field.last", field, ':', word_role(&st->tokens[c->b - 1]));
}

static void actor_features(eco_i_features *f, reading *rd, const candidate *c,
                           const eco_i_mention *rule)
{
    eco_i_features_reset(f);
    eco_i_feature_c(f, "field", eco_i_field_name(rd->ctx->field));
    eco_i_feature_c(f, "format", rd->ctx->format ? rd->ctx->format : "");
    if (rule) {
        eco_i_feature_c(f, "rule", rd->x->names_only ? "list" : "prose");
        if (rule->alias)
            eco_i_feature_c(f, "rule.alias", rule->acronym_defined ? "acronym" : "other");
    }
    unsigned known = knowledge(rd, c);
    if (known & KNOWN_LEXICON)
        eco_i_feature_c(f, "gazetteer", NULL);
    if (known & KNOWN_RECORD)
        eco_i_feature_c(f, "record-knows", NULL);
    inside_features(f, rd, c);
    around_features(f, rd, c);
}

/* ---- The type model's features ---------------------------------------------------------- */

/* What a name alone says of its type (eco_i_name_type), remembered across the import: the
 * same names come back in record after record, and the answer costs a lookup a prefix. */
static eco_actor_type name_type(const eco_i_span_context *ctx, const char *name, uint64_t key)
{
    size_t known;

    if (ctx->name_types && key && eco_i_map_get(ctx->name_types, key, &known))
        return (eco_actor_type)known;
    eco_actor_type type = eco_i_name_type(name, ECO_TYPE_UNKNOWN, NULL);
    if (ctx->name_types && key) /* a cache that cannot grow costs time, not correctness */
        (void)eco_i_map_put(ctx->name_types, key, (size_t)type);
    return type;
}

static void type_features(eco_i_features *f, reading *rd, const candidate *c,
                          const eco_i_mention *m, eco_actor_type label)
{
    const eco_i_sentence *st = rd->st;
    char name[256];
    size_t n = c->end - c->start < sizeof(name) - 1 ? c->end - c->start : sizeof(name) - 1;

    eco_i_features_reset(f);
    memcpy(name, st->text + c->start, n);
    name[n] = '\0';
    eco_i_feature_c(f, "field", eco_i_field_name(rd->ctx->field));
    if (rd->ctx->sector != ECO_TYPE_UNKNOWN)
        eco_i_feature_c(f, "sector", eco_actor_type_name(rd->ctx->sector));
    if (label != ECO_TYPE_UNKNOWN)
        eco_i_feature_c(f, "label", eco_actor_type_name(label));
    if (m && m->known && m->known->type != ECO_TYPE_UNKNOWN)
        eco_i_feature_c(f, "gazetteer", eco_actor_type_name(m->known->type));
    /* scoring hashed the name already, unless it is cut short here */
    size_t len = strlen(name);
    uint64_t key = c->key && len == c->end - c->start ? c->key : eco_i_fold_hash(name, len);
    eco_actor_type whole = name_type(rd->ctx, name, key);
    eco_i_feature_c(f, "name", whole ? eco_actor_type_name(whole) : "none");
    for (size_t k = c->a; k < c->b; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (t->word && (t->head || (t->cls & (W_GENERIC | W_REGION))) && t->folded[0])
            eco_i_feature_s(f, "word", t->folded);
        if (place_of(rd, k) & (PLACE_COUNTRY | PLACE_DEMONYM))
            eco_i_feature_c(f, "place", NULL);
    }
    if (c->b - c->a == 1)
        eco_i_feature_c(f, "single", shape(&st->tokens[c->a], st->text));
    context_word(f, "prev", rd, c->a - 1, c->a > 0);
    context_word(f, "next", rd, c->b, c->b < st->count);
}

/* ---- Candidates ------------------------------------------------------------------------- */

/* Whether a token can start, or end, a name. */
static int may_start(const eco_i_token *t)
{
    return t->word && (t->cap || t->upper) && (!(t->cls & W_STOP) || t->upper);
}

static int may_end(const eco_i_token *t, const char *text)
{
    return t->word && (t->cap || t->upper || (text[t->start] >= '0' && text[t->start] <= '9'));
}

/* Whether a name may start at token k of a chain, or end before it: at a separator (a
 * comma, "and", a bracket, a dash), after a head word ("... Cluster | FIWARE"), where the
 * case changes ("Maroc Numeric Cluster | FIWARE | Kiwi"), or at a possessive.  Names do not
 * start or end inside a run of words of one case ("Ministry of | Health"). */
static int seam(const eco_i_sentence *st, size_t k)
{
    const eco_i_token *before = &st->tokens[k - 1], *t = &st->tokens[k];

    if (k >= st->count || !before->word || !t->word)
        return 1;
    if (eco_i_is_and(before) || eco_i_is_and(t) || before->poss ||
        eco_i_article_opens_a_name(st, k))
        return 1;
    if (eco_i_campus_in(st, k))
        return 0;
    /* "... Administration and the | European Commission" */
    if (k >= 2 && eco_i_is_conn(before) && eco_i_is_and(&st->tokens[k - 2]))
        return 1;
    /* "... Cluster | FIWARE", but "Ministry of Health" is one name, and so is "Universidad
     * Católica ...": French, Spanish and Portuguese write a head before its adjectives */
    if (before->head == 1 || (before->cls & W_AREA))
        return t->cap && !eco_i_is_conn(t) && !(before->cls & W_ADJECTIVES_AFTER);
    return before->upper != t->upper;
}

/* The bytes a span of tokens names, as mention_add of names.c cuts them. */
static void name_bytes(const eco_i_sentence *st, size_t a, size_t b, size_t *start, size_t *end)
{
    *start = st->tokens[a].start;
    *end = st->tokens[b - 1].end;
    *end -= st->tokens[b - 1].poss;
}

/* The tokens [a, b) whose bytes are [start, end), or 0 when no tokens are. */
static int tokens_of(const eco_i_sentence *st, size_t start, size_t end, size_t *a, size_t *b)
{
    size_t k = 0;
    while (k < st->count && st->tokens[k].start < start)
        k++;
    if (k == st->count || st->tokens[k].start != start)
        return 0;
    *a = k;
    while (k < st->count && st->tokens[k].end < end)
        k++;
    if (k == st->count)
        return 0;
    *b = k + 1;
    return 1;
}

#define SEEN_SLOTS 2048 /* a power of two, four times MAX_CANDIDATES */

typedef struct candidates {
    candidate items[MAX_CANDIDATES];
    size_t count;
    uint32_t seen[SEEN_SLOTS];        /* 1 + the index of the candidate of a span's bytes, or 0 */
    uint16_t seen_at[MAX_CANDIDATES]; /* the slot of seen each candidate took */
} candidates;

static void add_candidate(candidates *cs, const eco_i_sentence *st, size_t a, size_t b, size_t rule,
                          int licensed)
{
    size_t start, end;

    if (cs->count == MAX_CANDIDATES)
        return;
    name_bytes(st, a, b, &start, &end);
    size_t slot = (start * 31 + end) & (SEEN_SLOTS - 1);
    for (; cs->seen[slot]; slot = (slot + 1) & (SEEN_SLOTS - 1))
        if (cs->items[cs->seen[slot] - 1].start == start &&
            cs->items[cs->seen[slot] - 1].end == end)
            return;
    cs->seen[slot] = (uint32_t)cs->count + 1;
    cs->seen_at[cs->count] = (uint16_t)slot;
    cs->items[cs->count++] = (candidate){a, b, start, end, rule, licensed, 0, 0, 0};
}

/* A small word that may go on a name written partly in small letters: no connector, no
 * word that starts sentences, a word of letters. */
static int small_word(const eco_i_token *t)
{
    return t->word && !t->cap && !t->upper && !(t->cls & (W_CONN | W_STOP | W_MARKER));
}

/* Spans of a chain that go on in small letters after it: "Ministry of environment", "Office
 * for Common Affairs of Bosnia and Herzegovina state institutions", "Zanzibar fisheries
 * institute" - up to two small words after a connector, or up to two ending on a head. */
static void small_tails(candidates *cs, const eco_i_sentence *st, const eco_i_chain *ch)
{
    size_t b = ch->b, n = st->count, end = 0;

    if (b + 1 < n && eco_i_is_conn(&st->tokens[b]) && small_word(&st->tokens[b + 1]))
        end = b + 2 < n && small_word(&st->tokens[b + 2]) ? b + 3 : b + 2;
    else if (b < n && small_word(&st->tokens[b]))
        for (size_t k = b; k < n && k < b + 2 && small_word(&st->tokens[k]); k++)
            if (st->tokens[k].head)
                end = k + 1;
    for (size_t e = b + 1; end && e <= end; e++)
        for (size_t i = ch->a; i < ch->b && e - i <= MAX_SPAN; i++)
            if (may_start(&st->tokens[i]))
                add_candidate(cs, st, i, e, ECO_I_NONE, ch->licensed);
}

/* Spans that start on a head word in small letters, as French and Spanish write them after
 * an article: "l'université de N'Djaména", "la Direction Générale du secteur informel",
 * "l'association des innovateurs du Burkina Faso". */
static void small_heads(candidates *cs, const eco_i_sentence *st, const eco_i_chain *ch)
{
    for (size_t k = ch->a; k-- > 0 && ch->a - k <= 5;) {
        const eco_i_token *t = &st->tokens[k];
        if (t->word && !t->cap && t->head == 1) {
            for (size_t e = ch->a + 1; e <= ch->b && e - k <= MAX_SPAN; e++)
                if (may_end(&st->tokens[e - 1], st->text))
                    add_candidate(cs, st, k, e, ECO_I_NONE, ch->licensed);
            return;
        }
        if (!(eco_i_is_conn(t) || small_word(t)))
            return;
    }
}

/* The rules' names first, so that a span of the same bytes is theirs; then every span of
 * every chain, and the spans that go on before or after it in small letters. */
static void gather(candidates *cs, const eco_i_mentions *out, size_t from, const eco_i_sentence *st,
                   const eco_i_chain *chains, size_t count)
{
    size_t a, b;

    /* the last sentence's slots only: zeroing all of seen was 1 % of an import */
    for (size_t i = 0; i < cs->count; i++)
        cs->seen[cs->seen_at[i]] = 0;
    cs->count = 0;
    for (size_t i = from; i < out->count; i++) {
        const eco_i_mention *m = &out->items[i];
        if (!m->is_actor && !m->generic && tokens_of(st, m->start, m->end, &a, &b))
            add_candidate(cs, st, a, b, i, 0);
    }
    for (size_t c = 0; c < count; c++)
        for (size_t i = chains[c].a; i < chains[c].b; i++) {
            if (!may_start(&st->tokens[i]) || (i > chains[c].a && !seam(st, i)))
                continue;
            size_t last = chains[c].b - i > MAX_SPAN ? i + MAX_SPAN : chains[c].b;
            /* "an indigenous NGO": a kind of body in capitals, alone, names none */
            for (size_t j = i + 1; j <= last; j++)
                if (may_end(&st->tokens[j - 1], st->text) && (j == chains[c].b || seam(st, j)) &&
                    !(j == i + 1 && st->tokens[i].head && st->tokens[i].upper))
                    add_candidate(cs, st, i, j, ECO_I_NONE, chains[c].licensed);
        }
    for (size_t c = 0; c < count; c++) {
        small_tails(cs, st, &chains[c]);
        small_heads(cs, st, &chains[c]);
    }
}

/* ---- Deciding --------------------------------------------------------------------------- */

/* Whether candidate c names a programme: a work noun right after it, or after a number
 * ("Horizon Europe program", "European Commission Horizon 2020 program"), no body the
 * lexicons know ("the UNDP programme" is UNDP's), and no head word that ends a name in it:
 * one last, or before its complement ("the Global Institute for Innovation Districts
 * model" is the institute's), not one another word runs on from ("Commission Horizon"). */
static int names_a_programme(const reading *rd, const candidate *c)
{
    const eco_i_sentence *st = rd->st;
    size_t k = c->b;

    if (k < st->count && st->tokens[k].word && isdigit((unsigned char)st->text[st->tokens[k].start]))
        k++;
    if (k >= st->count || !st->tokens[k].word || st->tokens[k].cap || !(st->tokens[k].cls & W_WORK))
        return 0;
    for (size_t h = c->a; h < c->b; h++)
        if (st->tokens[h].head && (h + 1 == c->b || eco_i_is_conn(&st->tokens[h + 1])))
            return 0;
    return !(knowledge(rd, c) & KNOWN_LEXICON);
}

/* "the European Commission Horizon 2020 program": a programme named after its owner names
 * the owner, a body, whatever the model makes of a span that cuts a run of capitals. */
static void keep_programme_owners(const reading *rd, candidates *cs)
{
    const eco_i_sentence *st = rd->st;

    for (size_t i = 0; i < cs->count; i++) {
        const candidate *c = &cs->items[i];
        size_t h = c->a;
        if (!names_a_programme(rd, c))
            continue;
        while (h + 1 < c->b && !(st->tokens[h].head == 1 && st->tokens[h + 1].cap))
            h++;
        for (size_t j = 0; h + 1 < c->b && j < cs->count; j++)
            if (cs->items[j].a == c->a && cs->items[j].b == h + 1 && cs->items[j].p < THRESHOLD)
                cs->items[j].p = THRESHOLD;
    }
}

/* Whether candidate c starts on a word in small letters and holds no head word: how the
 * text goes on around a name ("investigation of TTWeSafe", "in Puntland", "also have
 * UNESCO", "20 CSOs"), not a name.  A word with a capital inside, or letters after a
 * numeral, is coined ("iSpani", "2scale"); a name that takes a capital
 * (eco_i_takes_a_capital) is its reader's. */
static int starts_small_without_a_head(const eco_i_sentence *st, const candidate *c)
{
    const eco_i_token *first = &st->tokens[c->a];
    int numeral = isdigit((unsigned char)st->text[first->start]);

    if (!first->word || first->cap || first->upper || eco_i_takes_a_capital(st, c->a))
        return 0;
    for (size_t i = first->start; i < first->end; i++)
        if ((st->text[i] >= 'A' && st->text[i] <= 'Z') ||
            (numeral && st->text[i] >= 'a' && st->text[i] <= 'z'))
            return 0;
    for (size_t k = c->a; k < c->b; k++)
        if (st->tokens[k].head)
            return 0;
    return 1;
}

/* Whether candidate c ends on small words that hold an article or a preposition: how the
 * sentence goes on after a name ("Solidarité Des Jeunes Pour le Développement in the
 * collection", "Steering Committee for the development", "Environment Day to share
 * knowledge").  Small words a name ends on may name its remit ("Ministry of Environment and
 * natural resources", "Youth Collective for peace and sustainable development"), and a name
 * with one capitalised word may be written in small letters after it ("Parley for the
 * oceans"). */
static int ends_as_the_sentence_goes_on(const eco_i_sentence *st, const candidate *c)
{
    static const char *const glue[] = {"the", "a", "an", "to", "in", "with", "by", "from", "on",
                                       "at", "into", NULL};
    size_t k = c->b;

    while (k > c->a && st->tokens[k - 1].word && !st->tokens[k - 1].cap &&
           !st->tokens[k - 1].upper && !isdigit((unsigned char)st->text[st->tokens[k - 1].start]))
        k--;
    size_t capitalised = 0;
    for (size_t j = c->a; j < k; j++)
        capitalised += st->tokens[j].word && (st->tokens[j].cap || st->tokens[j].upper);
    if (capitalised < 2)
        return 0; /* a name written mostly in small letters: "Parley for the oceans" */
    for (; k < c->b; k++)
        for (size_t i = 0; glue[i]; i++)
            if (strcmp(st->tokens[k].folded, glue[i]) == 0)
                return 1;
    return 0;
}

/* Whether candidate c, which the model would keep, names a province, a region or a district
 * (ISO 3166-2: "Kumanovo", "Eastern Province"): a place, not a body.  A name in capitals
 * may be an acronym ("FALCON"), one with a head word is a body's, and so is one the sentence
 * says is a body ("Brava is a private organization"). */
static int names_a_subdivision(const reading *rd, const candidate *c)
{
    int capitals = 1;

    if (c->p < ACTING_SUBJECT_THRESHOLD)
        return 0; /* a lookup for a candidate no rule would keep is time lost */
    for (size_t k = c->a; k < c->b; k++) {
        const eco_i_token *t = &rd->st->tokens[k];
        if (t->head)
            return 0;
        capitals &= !t->word || t->upper;
    }
    return !capitals && !eco_i_described_as_a_body(rd->st, c->a, c->b) &&
           eco_i_subdivision_country(rd->st->text + c->start, c->end - c->start);
}

/* Whether records write word t, capitalised here, in small letters. */
static int is_common_word(const reading *rd, const eco_i_token *t)
{
    size_t found;

    return t->cap && !t->upper && t->folded[0] &&
           eco_i_map_get(&rd->ctx->models->common, eco_i_hash(t->folded, strlen(t->folded)),
                         &found);
}

/* Whether candidate c is capitalised words that records write in small letters: one
 * ("Participants", "Analysis", "Major challenges ...") is a word of the language at the start
 * of a sentence or in a title; several are a topic ("Climate Change", "Primary Health Care",
 * "Artificial Intelligence"), in a text and in a sentence that answers about a sector's
 * partners, though not in a list of partners nor as a whole line of such an answer ("-
 * Waste Management").  Neither is a name unless the lexicons or the record know it so, or
 * the sentence says what body it is ("Participate, an Indonesian CSO"). */
static int is_in_common_words(const reading *rd, const candidate *c)
{
    size_t words = 0;

    if (c->b - c->a > 1 && (rd->ctx->field == ECO_I_FIELD_PARTNERS ||
                            (rd->ctx->field == ECO_I_FIELD_SECTOR && alone(rd->st, c))))
        return 0;
    for (size_t k = c->a; k < c->b; k++) {
        const eco_i_token *t = &rd->st->tokens[k];
        if (t->word && !eco_i_is_conn(t) && !eco_i_is_and(t)) {
            if (!is_common_word(rd, t) || (t->head && c->b - c->a > 1))
                return 0;
            words++;
        } else if (!t->word) {
            return 0;
        }
    }
    return words > 0 && !knowledge(rd, c) &&
           !eco_i_described_as_a_body(rd->st, c->a, c->b);
}

/* Whether candidate c is no body whatever the rules or the model make of it: a legal form
 * alone ("Lda"), a person's post, a programme, a place, an activity, what a name is rather
 * than the name, a shouted phrase, how the sentence goes on around a name, a common word or
 * a topic.  None of these reads the model's score. */
static int never_a_body(const reading *rd, const candidate *c)
{
    return (c->b - c->a == 1 && (rd->st->tokens[c->a].cls & W_LEGAL_FORM)) ||
           eco_i_is_post(rd->st, c->a, c->b) || names_a_programme(rd, c) ||
           eco_i_is_landform(rd->st, c->a, c->b) || eco_i_is_activity(rd->st, c->a, c->b) ||
           eco_i_is_word_for_a_company(rd->st, c->a) || eco_i_is_shouted(rd->st, c->a, c->b) ||
           starts_small_without_a_head(rd->st, c) || ends_as_the_sentence_goes_on(rd->st, c) ||
           (rd->ctx->models && is_in_common_words(rd, c));
}

/* Scores every candidate, showing each to the observer when there is one. */
static void score_all(reading *rd, candidates *cs, const eco_i_mentions *out, eco_i_features *actor,
                      eco_i_features *type)
{
    const eco_i_span_context *ctx = rd->ctx;

    for (size_t i = 0; i < cs->count; i++) {
        candidate *c = &cs->items[i];
        const eco_i_mention *rule = c->rule != ECO_I_NONE ? &out->items[c->rule] : NULL;
        int never = never_a_body(rd, c);
        c->p = 0;
        /* the model's features cost more than the checks that make its score moot: a
         * candidate they drop is scored only for an observer, which sees every one */
        if (!never || ctx->observer) {
            /* hashed once for the lexicons here and the type model's name later */
            c->key = eco_i_fold_hash(rd->st->text + c->start, c->end - c->start);
            actor_features(actor, rd, c, rule);
            if (ctx->observer) {
                eco_i_observed_span seen = {ctx->record, rd->st->text, rd->st->len, i == 0,
                                            c->start,    c->end,       actor,       type};
                type_features(type, rd, c, rule,
                              rule && !rule->known ? rule->type : ECO_TYPE_UNKNOWN);
                ctx->observer->span(ctx->observer->ctx, &seen);
            }
            c->p = ctx->models ? eco_i_model_yes(ctx->models->actor, actor) : rule != NULL;
        }
        if (never || names_a_subdivision(rd, c))
            c->p = 0;
        else if (c->p < THRESHOLD && (eco_i_named_beside_its_kind(rd->st, c->a, c->b) ||
                                      eco_i_names_a_directorate_general(rd->st, c->a, c->b) ||
                                      eco_i_described_as_a_body(rd->st, c->a, c->b)))
            c->p = THRESHOLD;
        else if (ctx->field == ECO_I_FIELD_SECTOR && c->p >= ONE_BODY_ALONE_THRESHOLD &&
                 eco_i_names_one_body_alone(rd->st, c->a, c->b))
            c->p = 1; /* over the pieces of it the model likes better */
        else if (ctx->field == ECO_I_FIELD_SECTOR && c->p < THRESHOLD &&
                 ((c->p >= SUBJECT_THRESHOLD && eco_i_opens_the_sentence(rd->st, c->a, c->b)) ||
                  (c->p >= ACTING_SUBJECT_THRESHOLD &&
                   eco_i_acts_in_the_sentence(rd->st, c->a, c->b))))
            c->p = THRESHOLD;
    }
    keep_programme_owners(rd, cs);
}

static int by_score(const void *x, const void *y)
{
    const candidate *a = *(candidate *const *)x, *b = *(candidate *const *)y;
    if (a->p != b->p)
        return a->p > b->p ? -1 : 1;
    if (a->start != b->start) /* equal scores: the earlier, then the longer, for one order */
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

static int overlaps(size_t s, size_t e, const size_t (*taken)[2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s < taken[i][1] && taken[i][0] < e)
            return 1;
    return 0;
}

/* "UNDP's Crowdfunding Academy (CFA)": an acronym in brackets right after a kept name is
 * that name's other name (new_mention gives it), not a body of its own. */
static void drop_acronyms_of_kept_names(const reading *rd, candidates *cs)
{
    for (size_t i = 0; i < cs->count; i++) {
        candidate *c = &cs->items[i];
        if (!c->kept || c->b - c->a != 1 || c->a < 2 ||
            !eco_i_bracketed_acronym(rd->x, rd->st, c->a - 1))
            continue;
        for (size_t j = 0; j < cs->count; j++)
            if (cs->items[j].kept && cs->items[j].b == c->a - 1)
                c->kept = 0;
    }
}

/* Keeps the likeliest candidates that overlap neither each other nor a name the caller
 * knows. */
static void choose(candidates *cs, const eco_i_mentions *out, size_t from)
{
    candidate *order[MAX_CANDIDATES];
    size_t taken[MAX_CANDIDATES + 64][2], n = 0;

    for (size_t i = from; i < out->count && n < 64; i++)
        if (out->items[i].is_actor) {
            taken[n][0] = out->items[i].start;
            taken[n++][1] = out->items[i].end;
        }
    for (size_t i = 0; i < cs->count; i++)
        order[i] = &cs->items[i];
    qsort(order, cs->count, sizeof(*order), by_score);
    for (size_t i = 0; i < cs->count && order[i]->p >= THRESHOLD; i++) {
        candidate *c = order[i];
        if (overlaps(c->start, c->end, (const size_t(*)[2])taken, n))
            continue;
        c->kept = 1;
        taken[n][0] = c->start;
        taken[n++][1] = c->end;
    }
}

/* Whether an elided article is glued before candidate c: "l'université de N'Djaména". */
static int elided_article(const eco_i_sentence *st, const candidate *c)
{
    return c->a > 0 && st->tokens[c->a - 1].word && st->tokens[c->a - 1].end == c->start;
}

/* The name as written, its elided article and all, is another of its names: without the
 * article, the name starts with a capital. */
static int with_its_article(eco_i_mentions *out, eco_i_mention *m, const eco_i_sentence *st,
                            const candidate *c)
{
    if (m->alias || !elided_article(st, c))
        return 0;
    size_t at = st->tokens[c->a - 1].start;
    return (m->alias = eco_i_mentions_squeeze(out, st->text + at, c->end - at)) ? 0 : ECO_ENOMEM;
}

/* A name of its own for a candidate the rules did not keep: m, of out. */
static int new_mention(eco_i_mentions *out, eco_i_mention *m, const reading *rd, const candidate *c)
{
    const eco_i_sentence *st = rd->st;

    memset(m, 0, sizeof(*m));
    if (!(m->name = eco_i_mentions_squeeze(out, st->text + c->start, c->end - c->start)))
        return ECO_ENOMEM;
    if (eco_i_takes_a_capital(st, c->a))
        m->name[0] = (char)(m->name[0] - 32); /* "Université de N'Djaména" */
    if (with_its_article(out, m, st, c) < 0)
        return ECO_ENOMEM;
    if (eco_i_owner_without_possessive(out, m, rd->x, st, c->a, c->b) < 0)
        return ECO_ENOMEM;
    if (!m->alias && eco_i_bracketed_acronym(rd->x, st, c->b)) {
        const eco_i_token *acronym = &st->tokens[c->b + 1];
        if (!(m->alias = eco_i_mentions_squeeze(out, st->text + acronym->start,
                                                acronym->end - acronym->start)))
            return ECO_ENOMEM;
        m->acronym_defined = 1;
    }
    m->key = eco_i_fold_hash(m->name, strlen(m->name));
    m->start = c->start;
    m->end = c->end;
    m->type = ECO_TYPE_UNKNOWN;
    for (size_t i = 0; i < 2 && !m->known; i++)
        if (rd->x->lexicons[1 - i])
            m->known =
                eco_i_lexicon_find_key(rd->x->lexicons[1 - i], m->name, strlen(m->name), m->key);
    if (m->known)
        m->type = m->known->type;
    return 0;
}

/* The type model's type for a kept name, when it is sure enough. */
static void give_type(reading *rd, eco_i_mention *m, const candidate *c, eco_i_features *f)
{
    const eco_i_model *model = rd->ctx->models->type;
    double p[ECO_I_MAX_CLASSES];
    size_t best = 0;
    eco_actor_type type;

    type_features(f, rd, c, m, m->known ? ECO_TYPE_UNKNOWN : m->type);
    eco_i_model_predict(model, f, p);
    for (size_t k = 1; k < eco_i_model_class_count(model); k++)
        if (p[k] > p[best])
            best = k;
    if (p[best] >= TYPE_THRESHOLD &&
        eco_actor_type_from_name(&type, eco_i_model_class(model, best)) == 0)
        m->type = type;
}

static int by_start(const void *x, const void *y)
{
    const eco_i_mention *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Puts the kept names in place of the rules' in out->items[from ...], in order of start. */
static int rebuild(eco_i_mentions *out, size_t from, reading *rd, candidates *cs, eco_i_features *f)
{
    size_t w = from, rules = out->count;
    int rc = 0;

    for (size_t i = 0; i < cs->count; i++) /* a rule's name that is not kept is dropped */
        if (cs->items[i].rule != ECO_I_NONE && !cs->items[i].kept) {
            eco_i_mention *m = &out->items[cs->items[i].rule];
            m->name = m->alias = NULL; /* their bytes go with out's names */
        }
    for (size_t i = from; i < rules; i++)
        if (out->items[i].name)
            out->items[w++] = out->items[i];
    out->count = w;
    for (size_t i = 0; i < cs->count && rc == 0; i++) {
        candidate *c = &cs->items[i];
        eco_i_mention *m = NULL;
        if (!c->kept)
            continue;
        if (c->rule == ECO_I_NONE) {
            if (eco_i_reserve(&out->items, &out->cap, out->count + 1, sizeof(*m)) < 0)
                return ECO_ENOMEM;
            m = &out->items[out->count];
            if ((rc = new_mention(out, m, rd, c)) == 0)
                out->count++;
        } else {
            for (size_t k = from; k < out->count && !m; k++) /* the rule's, where it moved */
                if (out->items[k].start == c->start && out->items[k].end == c->end &&
                    !out->items[k].is_actor && !out->items[k].generic)
                    m = &out->items[k];
            if (m)
                rc = with_its_article(out, m, rd->st, c);
        }
        if (m && rc == 0)
            give_type(rd, m, c, f);
    }
    if (out->count > from + 1)
        qsort(out->items + from, out->count - from, sizeof(*out->items), by_start);
    return rc;
}

/* What deciding one sentence works in: large (the candidates are most of it), so made once
 * an import and kept, where a malloc and free a sentence cost more than the deciding of a
 * short one. */
struct eco_i_span_room {
    candidates cs;
    reading rd;
};

static struct eco_i_span_room *span_room(const eco_i_span_context *ctx)
{
    if (!*ctx->room) /* zeroed: gather clears only the slots of the candidates before */
        *ctx->room = calloc(1, sizeof(**ctx->room));
    return *ctx->room;
}

int eco_i_decide_spans(eco_i_mentions *out, size_t from, const eco_i_extractor *x,
                       const eco_i_sentence *st, const eco_i_chain *chains, size_t count)
{
    const eco_i_span_context *ctx = x->spans;
    struct eco_i_span_room *room;
    eco_i_features *actor, *type;
    candidates *cs;
    reading *rd;
    int rc;

    if (!ctx || (!ctx->models && !ctx->observer) || (count == 0 && out->count == from))
        return 0;
    if (!(room = span_room(ctx)))
        return ECO_ENOMEM;
    cs = &room->cs;
    rd = &room->rd;
    *rd = (reading){x, ctx, st, {0}};
    /* training reads every feature; importing, those with weights */
    actor = &ctx->features[ECO_I_ACTOR_FEATURES];
    type = &ctx->features[ECO_I_TYPE_FEATURES];
    eco_i_features_use(actor, ctx->observer ? NULL : ctx->models->actor, ctx->observer != NULL);
    eco_i_features_use(type, ctx->observer ? NULL : ctx->models->type, ctx->observer != NULL);
    gather(cs, out, from, st, chains, count);
    score_all(rd, cs, out, actor, type);
    rc = actor->failed || type->failed ? ECO_ENOMEM : 0;
    if (rc == 0 && ctx->models) {
        choose(cs, out, from);
        drop_acronyms_of_kept_names(rd, cs);
        rc = rebuild(out, from, rd, cs, type);
    }
    return rc;
}
