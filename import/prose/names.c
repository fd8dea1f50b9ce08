/*
 * import/prose/names.c - the organisations a sentence names.  (How two of them are tied is
 * import/prose/cues.c's; what type a name says, core's vocabulary.)
 *
 * A sentence is cut into tokens; runs of capitalised words joined by "of", "de", "and",
 * commas and the like form chains; a chain is cut into items at commas, "and", "&", "/"
 * and dashes, and items are put back together where they are one name: "Ministry of
 * Economy, Development and Tourism" (a list inside a name's complement), "Tax and Customs
 * Authority" (modifiers sharing a head).  A name is kept when it has an organisation's head
 * word, is known (gazetteer, alias file, the record's own names), is coined like "LabX",
 * is an acronym listed with other names, or follows a phrase that announces organisations.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "prose.h"
#include "spans.h"
#include "tokens.h"

#define MAX_NAME_TOKENS 24

enum { SEP_NONE, SEP_COMMA, SEP_AND, SEP_SLASH, SEP_DASH, SEP_GAP };

/* ---- Chains and items ------------------------------------------------------------------- */

typedef struct item {
    size_t a, b;       /* tokens [a, b) after trimming */
    size_t raw_a;      /* the first token before trimming */
    int sep;           /* SEP_* before this item */
    int det;           /* began with "the" */
    int head_first;    /* its first word is a head word ("Ministry of ...") */
    int head_last;     /* its last word is a head word ("... Agency") */
    int head_of;       /* its only heads are inside an "of" complement */
    int has_head;      /* any singular head word */
    int plural;        /* a plural head: a category */
    int complement;    /* a head followed by "of", "for", "de" ... */
    int has_of;        /* holds "of", "for", "de" ... at all */
    int generic;       /* a generic marker precedes it */
    size_t own_b;      /* the end of its own words, before a lower-case word that attaches
                          what follows ("Reforms | under the Administration of ..."); b
                          when there is none */
    int own_head;      /* a head word among its own words, before any "of" */
} item;

typedef struct extraction {
    const eco_i_extractor *x;
    eco_i_sentence *st;
    eco_i_mentions *out;
    char lower[1024]; /* the sentence in ASCII lower case, for phrase tests */
    int list_licensed;  /* licensed_at of the list the last chain began, carried on ... */
    size_t list_next;   /* ... from this token, past that chain and its bracket */
    size_t key_start, key_end; /* the bytes try_known hashed last, which the name that */
    uint64_t key;              /* follows it most often spans: their eco_i_fold_hash */
} extraction;

/* Nouns for organisations: "partners such as X" lists organisations, "cities such as X" or
 * "indices (e.g. X, Y)" does not. */
static const char *const organisation_nouns[] = {
    "organisations", "organizations", "organisation", "organization", "partners", "partner",
    "institutions", "institution", "agencies", "agency", "ministries", "companies", "company",
    "firms", "ngos", "csos", "universities", "donors", "funders", "entities", "stakeholders",
    "bodies", "actors", "governments", "labs", "laboratories", "networks", "foundations",
    "banks", "startups", "start-ups", "businesses", "associations", "cooperatives", "clubs",
    "club", "institutes", "councils", "municipalities", "offices", "sponsors", "members", "allies",
    "organismos", "instituciones", "entidades", "socios", "empresas", "organizaciones",
    "organismes", "partenaires", "entreprises", "parceiros", "instituicoes",
    "organiza\xC3\xA7\xC3\xB5" "es", "institui\xC3\xA7\xC3\xB5" "es", NULL};

/* Phrases that introduce examples: what they license depends on the noun before them, and
 * after any other word, on the phrase ("this, like SIRC and SAGO" names organisations). */
static const struct example_phrase {
    eco_i_phrase phrase;
    int licenses; /* after a word that is no plural noun */
} example_phrases[] = {{ECO_I_PHRASE("such as"), 1},     {ECO_I_PHRASE("like"), 1},
                       {ECO_I_PHRASE("e.g."), 0},        {ECO_I_PHRASE("e.g.,"), 0},
                       {ECO_I_PHRASE("eg."), 0},         {ECO_I_PHRASE("for example"), 0},
                       {ECO_I_PHRASE("for instance"), 0}, {ECO_I_PHRASE("including"), 1},
                       {ECO_I_PHRASE("namely"), 0},       {ECO_I_PHRASE("incluyendo"), 1},
                       {ECO_I_PHRASE("como"), 0},         {ECO_I_PHRASE("tels que"), 1},
                       {ECO_I_PHRASE("telles que"), 1},   {ECO_I_PHRASE("comme"), 0},
                       {ECO_I_PHRASE("notamment"), 0}};

static size_t skip_back(const char *lower, size_t end, const char *marks)
{
    while (end > 0 && strchr(marks, lower[end - 1]))
        end--;
    return end;
}

/* Words ending in "s" that are no plural nouns. */
static const char *const not_plurals[] = {"this", "thus", "its", "his", "was", "has", "does",
                                          "is", "as", "us", "various", "previous", "less",
                                          "across", "plus", "always", "perhaps", NULL};

/* 1 when the word of lower that ends at end names organisations; -1 when it is another
 * plural noun ("areas", "indices", "experts"); 0 when it is neither, or there is none.
 * text is the sentence lower was made from: a plural acronym there ("ESOs", "SMEs",
 * "CSOs") names kinds of organisation. */
static int organisation_noun_before(const char *text, const char *lower, size_t end)
{
    size_t start, capitals = 0;

    end = skip_back(lower, end, " ,(:");
    start = end;
    while (start > 0 && !strchr(" ,(:;/", lower[start - 1]))
        start--;
    if (start == end)
        return 0;
    for (size_t k = start; k + 1 < end; k++)
        capitals += text[k] >= 'A' && text[k] <= 'Z';
    if (end - start >= 3 && capitals == end - start - 1 && text[end - 1] == 's')
        return 1;
    for (size_t i = 0; organisation_nouns[i]; i++)
        if (eco_i_is_word(lower + start, end - start, organisation_nouns[i]))
            return 1;
    if (end - start < 4 || lower[end - 1] != 's')
        return 0;
    for (size_t i = 0; not_plurals[i]; i++)
        if (eco_i_is_word(lower + start, end - start, not_plurals[i]))
            return 0;
    return -1;
}

/* Whether the n bytes of phrase end lower at end, as whole words. */
static int ends_with_phrase(const char *lower, size_t end, const char *phrase, size_t n)
{
    return n <= end && memcmp(lower + end - n, phrase, n) == 0 &&
           (n == end || lower[end - n - 1] == ' ');
}

/*
 * Does the chain start after a phrase that announces organisations?  1 when it does, 2
 * when it gives examples of a noun for organisations ("startups including Davaam"), whose
 * names of one unknown word count too; -1 when it follows examples of something else
 * ("urban areas such as Port of Spain", "indices (e.g. NDVI, EVI)"), whose names are no
 * organisations unless known or headed; 0 otherwise.
 */
static int licensed_at(const extraction *e, size_t byte)
{
#define P ECO_I_PHRASE
    static const eco_i_phrase phrases[] = {
        P("partnership with"), P("collaboration with"), P("together with"), P("partnered with"),
        P("partnerships with"), P("collaborations with"), P("collaborated with"),
        P("worked with"), P("working with"), P("work with"), P("funded by"), P("financed by"),
        P("supported by"), P("initiative of"), P("led by"), P("managed by"), P("member of"),
        P("members of"), P("partners:"), P("partenaires:"), P("partners are"),
        P("partners include"), P("collaboration of"), P("cooperation with"), P("alliance with"),
        P("agreement with"), P("sponsored by"), P("hosted by"), P("run by"),
        P("coordinated by"), P("en alianza con"), P("en colaboracion con"), P("junto con"),
        P("en partenariat avec"), P("en collaboration avec"), P("em parceria com"),
        P("com o apoio"), P("con el apoyo de"), P("avec le soutien de"), P("partners"),
        P("partner")};
#undef P
    size_t end = byte < sizeof(e->lower) ? byte : sizeof(e->lower) - 1;

    end = skip_back(e->lower, end, " ");
    if (end >= 4 && memcmp(e->lower + end - 4, " the", 4) == 0)
        end -= 4;
    end = skip_back(e->lower, end, " ");
    for (size_t i = 0; i < sizeof(example_phrases) / sizeof(example_phrases[0]); i++) {
        const char *phrase = example_phrases[i].phrase.text;
        size_t n = example_phrases[i].phrase.len;
        if (n <= end && memcmp(e->lower + end - n, phrase, n) == 0 &&
            (n == end || strchr(" (", e->lower[end - n - 1]))) {
            int noun = organisation_noun_before(e->st->text, e->lower, end - n);
            return noun > 0 ? 2 : noun < 0 ? noun : example_phrases[i].licenses;
        }
    }
    /* "a social club (Club Centenario)", "local health councils (Consejos de Salud)": a
     * bracket after a noun for organisations names them */
    if (end > 0 && e->lower[end - 1] == '(' &&
        organisation_noun_before(e->st->text, e->lower, end - 1) > 0)
        return 1;
    /* "partners : Smart Trash": French typography sets a space before a colon */
    size_t before_colon = end;
    if (end >= 2 && e->lower[end - 1] == ':' && e->lower[end - 2] == ' ')
        before_colon = skip_back(e->lower, end - 1, " ");
    for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++) {
        size_t n = phrases[i].len;
        if (ends_with_phrase(e->lower, end, phrases[i].text, n) ||
            (before_colon < end && phrases[i].text[n - 1] == ':' &&
             ends_with_phrase(e->lower, before_colon, phrases[i].text, n - 1)))
            return 1;
    }
    return 0;
}

/* The end of the chain that starts at token a: capitalised words, joined by connectors,
 * commas, "&", "/" and dashes that are followed by another capitalised word. */
/* "Agence ... du Pôle 7", "Local Council 1": a number of one or two digits right after a
 * name's last capitalised word numbers it, where a year ("Agenda 2030") or a figure
 * ("Lab 2.5") does not.  The tokens it takes: 1 or 0. */
static size_t number_ending_name(const eco_i_sentence *st, size_t b)
{
    const eco_i_token *t = &st->tokens[b];
    size_t n;

    if (b == 0 || b >= st->count || !st->tokens[b - 1].word || !st->tokens[b - 1].cap ||
        t->start != st->tokens[b - 1].end + 1 || (n = t->end - t->start) > 2)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (st->text[t->start + k] < '0' || st->text[t->start + k] > '9')
            return 0;
    const eco_i_token *after = b + 1 < st->count ? &st->tokens[b + 1] : NULL;
    if (after && after->start == t->end && after->end < st->len && st->text[after->end] >= '0' &&
        st->text[after->end] <= '9')
        return 0; /* "2.5", "1,000", "19-20" */
    return 1;
}

static size_t chain_end(const eco_i_sentence *st, size_t a, int names_only)
{
    size_t b = a + 1;
    for (;;) {
        size_t j = b, conn = 0;
        /* four small words at most: "Ministère en charge de l'Agriculture" */
        while (j < st->count && conn < 4 &&
               (eco_i_is_conn(&st->tokens[j]) || eco_i_campus_in(st, j) ||
                (st->tokens[j].punct && strchr(",&/-", st->tokens[j].punct))))
            j++, conn++;
        if (j < st->count && st->tokens[j].word &&
            (st->tokens[j].cap || (names_only && !(st->tokens[j].cls & W_STOP))) &&
            !(j > b && st->tokens[j - 1].punct == ',' && st->tokens[j].poss)) {
            b = j + 1;
            continue;
        }
        if (names_only && b < st->count && st->tokens[b].word) {
            b++;
            continue;
        }
        return b + number_ending_name(st, b);
    }
}

static void describe_item(const eco_i_sentence *st, item *it)
{
    int after_of = 0;
    it->has_head = it->plural = it->head_first = it->head_last = it->complement = it->has_of = 0;
    it->head_of = 1;
    for (size_t k = it->a; k < it->b; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (t->word && !t->cap && (strcmp(t->folded, "of") == 0 || strcmp(t->folded, "for") == 0 ||
                                   strcmp(t->folded, "de") == 0 || strcmp(t->folded, "du") == 0 ||
                                   strcmp(t->folded, "des") == 0 || strcmp(t->folded, "del") == 0 ||
                                   strcmp(t->folded, "da") == 0 || strcmp(t->folded, "do") == 0)) {
            if (it->has_head && !after_of)
                it->complement = 1;
            after_of = 1;
            it->has_of = 1;
        }
        if (t->head == 1) {
            it->has_head = 1;
            if (!after_of)
                it->head_of = 0;
            if (k == it->a)
                it->head_first = 1;
            if (k + 1 == it->b)
                it->head_last = 1;
        } else if (t->head == 2) {
            it->plural = 1;
        }
    }
    if (!it->has_head)
        it->head_of = 0;
    it->own_b = it->b;
    it->own_head = 0;
    for (size_t k = it->a; k < it->b; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (k > it->a && t->word && !t->cap && !t->upper && !eco_i_is_conn(t)) {
            it->own_b = k;
            break;
        }
        if (eco_i_is_conn(t))
            break; /* past "of": heads there are in a complement */
        it->own_head |= t->head == 1;
    }
}

/* Trims words that cannot start or end a name, and notes a generic marker before it. */
static void trim_item(const eco_i_sentence *st, item *it, size_t sentence_start)
{
    size_t before = it->a;
    while (it->a < it->b) {
        const eco_i_token *t = &st->tokens[it->a];
        if (t->word && ((t->cap && (t->cls & W_STOP) && !t->upper) || eco_i_is_conn(t))) {
            if (strcmp(t->folded, "the") == 0 || strcmp(t->folded, "la") == 0 ||
                strcmp(t->folded, "el") == 0 || strcmp(t->folded, "le") == 0)
                it->det = 1;
            if (t->cls & W_MARKER)
                it->generic = 1;
            it->a++;
            continue;
        }
        /* "Portugal's Center", "Ecuador's Open Government Partnership": a country owns it */
        if (t->word && t->poss && it->a + 1 < it->b) {
            size_t n = t->end - t->start - t->poss;
            if (eco_i_country_name(st->text + t->start, n) ||
                eco_i_country_name(t->folded, strlen(t->folded) - 1)) {
                it->a++;
                continue;
            }
        }
        break;
    }
    while (it->b > it->a && (eco_i_is_conn(&st->tokens[it->b - 1]) || !st->tokens[it->b - 1].word))
        it->b--;
    /* the word before the chain: "a Citizen Innovation Lab", "the first Government Lab" */
    if (before > sentence_start) {
        const eco_i_token *p = &st->tokens[before - 1];
        if (p->word && (p->cls & W_MARKER))
            it->generic = 1;
    }
}

/* ---- Deciding what a name is ------------------------------------------------------------ */

static int all_capitalised(const eco_i_sentence *st, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (!st->tokens[k].word || !st->tokens[k].cap || (st->tokens[k].cls & W_STOP))
            return 0;
    return 1;
}

static int all_generic(const eco_i_sentence *st, size_t a, size_t b)
{
    size_t heads_seen = 0;
    int after_of = 0, secretary = 0;
    for (size_t k = a; k < b; k++) {
        const eco_i_token *t = &st->tokens[k];
        /* "Government Laboratory of Chile", "Ministry of Youth", "Ministry of Local
         * Government": a capitalised word in the complement names what the body is for.
         * A "Secretary" of generic words is as often the person ("the Secretary of Women
         * who works ..."), and a country is needed to make it one body. */
        if (after_of && t->word && t->cap && !(t->cls & W_STOP) && !eco_i_is_conn(t) &&
            (!secretary || eco_i_country_name(st->text + t->start, t->end - t->start)))
            return 0;
        secretary |= !after_of && t->head == 1 && strcmp(t->folded, "secretary") == 0;
        if (eco_i_is_conn(t) && (strcmp(t->folded, "of") == 0 || strcmp(t->folded, "de") == 0 ||
                           strcmp(t->folded, "du") == 0 || strcmp(t->folded, "do") == 0 ||
                           strcmp(t->folded, "da") == 0 || strcmp(t->folded, "del") == 0))
            after_of = 1;
        /* "Ombudsman's Office": two head words make a name */
        if (t->head == 1 && ++heads_seen >= 2)
            return 0;
        if (!t->word || eco_i_is_conn(t) || t->head == 1 || (t->cls & W_GENERIC))
            continue;
        if (t->cap && eco_i_country_name(st->text + t->start, t->end - t->start)) {
            /* "Fiji Women Fund", "Kenya Youth Council": a country's name before a
             * body's words begins a name, where "Fijian" or "the Fiji" describes one */
            if (k == a && b - a >= 3 && all_capitalised(st, a, b))
                return 0;
            continue;
        }
        if (t->cap && eco_i_country_of_demonym(st->text + t->start, t->end - t->start))
            continue;
        return 0;
    }
    return 1;
}

static const eco_i_known *lexicon_find_key(const eco_i_extractor *x, const char *s, size_t n,
                                           uint64_t key)
{
    const eco_i_known *k = NULL;
    for (size_t i = 0; i < 2 && !k; i++)
        k = eco_i_lexicon_find_key(x->lexicons[1 - i], s, n, key);
    return k;
}

static const eco_i_known *lexicon_find(const eco_i_extractor *x, const char *s, size_t n)
{
    return lexicon_find_key(x, s, n, eco_i_fold_hash(s, n));
}

/* The caller's name for a span, if any: 1 with *actor set. */
static int caller_knows(const eco_i_extractor *x, const char *s, size_t n, uint64_t key,
                        size_t *actor)
{
    return x->known && key && x->known(s, n, key, actor, x->known_ctx);
}

int eco_i_owner_without_possessive(eco_i_mentions *list, eco_i_mention *m, const eco_i_extractor *x,
                                   const eco_i_sentence *st, size_t a, size_t b)
{
    const eco_i_token *first = &st->tokens[a];
    size_t start = first->start, owner = first->end - first->poss - start;

    if (b - a < 2 || !first->poss || m->alias || !lexicon_find(x, st->text + start, owner))
        return 0;
    if (!(m->alias = eco_i_mentions_squeeze(list, m->name, strlen(m->name))))
        return ECO_ENOMEM;
    memmove(m->name + owner, m->name + owner + first->poss,
            strlen(m->name + owner + first->poss) + 1);
    m->key = eco_i_fold_hash(m->name, strlen(m->name));
    return 0;
}

static int mention_add(extraction *e, size_t a, size_t b, const eco_i_known *known, size_t actor,
                       int is_actor, int generic)
{
    const eco_i_sentence *st = e->st;
    size_t start = st->tokens[a].start, end = st->tokens[b - 1].end;
    eco_i_mention *m;

    if (!known && !is_actor && eco_i_is_post(st, a, b))
        return 0; /* "Member of Parliament for ...": a person, however the name was found */
    end -= st->tokens[b - 1].poss; /* "King Saud University's team" */
    if (eco_i_reserve(&e->out->items, &e->out->cap, e->out->count + 1, sizeof(*m)) < 0)
        return ECO_ENOMEM;
    m = &e->out->items[e->out->count];
    memset(m, 0, sizeof(*m));
    if (!(m->name = eco_i_mentions_squeeze(e->out, st->text + start, end - start)) ||
        (!known && !is_actor && eco_i_owner_without_possessive(e->out, m, e->x, st, a, b) < 0))
        return ECO_ENOMEM;
    if (eco_i_takes_a_capital(st, a))
        m->name[0] = (char)(m->name[0] - 32);
    /* a capital folds as its small letter: the name has try_known's key when squeezing and
     * the possessive (which gives an alias) left its bytes as they were */
    size_t n = strlen(m->name);
    m->key = e->key && start == e->key_start && end == e->key_end && n == end - start && !m->alias
                 ? e->key
                 : eco_i_fold_hash(m->name, n);
    m->start = start;
    m->end = end;
    m->known = known;
    m->type = known ? known->type : ECO_TYPE_UNKNOWN;
    m->actor = actor;
    m->is_actor = is_actor;
    m->generic = generic;
    e->out->count++;
    return 0;
}

/* Looks tokens [a, b) up among the caller's names and the lexicons, and adds the mention
 * when found.  Returns 1 when found, 0 when not, ECO_ENOMEM. */
static int try_known(extraction *e, size_t a, size_t b, int generic)
{
    const eco_i_sentence *st = e->st;
    size_t start = st->tokens[a].start, end = st->tokens[b - 1].end, actor;
    const eco_i_known *k;
    int rc;

    end -= st->tokens[b - 1].poss;
    uint64_t key = eco_i_fold_hash(st->text + start, end - start);
    e->key_start = start;
    e->key_end = end;
    e->key = key;
    if (caller_knows(e->x, st->text + start, end - start, key, &actor))
        return (rc = mention_add(e, a, b, NULL, actor, 1, generic)) < 0 ? rc : 1;
    if ((k = lexicon_find_key(e->x, st->text + start, end - start, key)))
        return (rc = mention_add(e, a, b, k, 0, 0, generic)) < 0 ? rc : 1;
    /* "OECD's Observatory of Public Sector Innovation" is its name with a possessive */
    char plain[256];
    size_t n = 0;
    int possessive = 0;
    for (size_t t = a; t < b && n < sizeof(plain) - 64; t++) {
        const eco_i_token *tk = &st->tokens[t];
        size_t len = tk->end - tk->start;
        if (tk->poss && t + 1 < b) {
            len -= tk->poss;
            possessive = 1;
        }
        if (t > a)
            plain[n++] = ' ';
        if (len > sizeof(plain) - 64 - n)
            return 0;
        memcpy(plain + n, st->text + tk->start, len);
        n += len;
    }
    if (possessive && (k = lexicon_find(e->x, plain, n)))
        return (rc = mention_add(e, a, b, k, 0, 0, generic)) < 0 ? rc : 1;
    return 0;
}

/* Known names inside tokens [a, b), longest first from each start. */
static int known_inside(extraction *e, size_t a, size_t b, int generic)
{
    int rc;
    for (size_t s = a; s < b;) {
        size_t found = 0;
        if (e->st->tokens[s].word && e->st->tokens[s].cap) {
            size_t last = b - s > 6 ? s + 6 : b;
            for (size_t t = last; t > s && !found; t--) {
                if (!e->st->tokens[t - 1].word || !e->st->tokens[t - 1].cap)
                    continue;
                if ((rc = try_known(e, s, t, generic)) < 0)
                    return rc;
                if (rc)
                    found = t;
            }
        }
        s = found ? found : s + 1;
    }
    return 0;
}

/* A single word that may stand as a name when listed with others or announced: not a
 * sentence word, a country, a demonym or a generic word. */
static int may_stand_alone(const eco_i_sentence *st, size_t a, size_t b)
{
    const eco_i_token *t = &st->tokens[a];
    if (b - a == 1 && (t->cls & (W_STOP | W_GENERIC | W_REGION | W_NOT_ACRONYM)))
        return 0;
    if (eco_i_country_name(st->text + t->start, st->tokens[b - 1].end - t->start) ||
        (b - a == 1 && eco_i_country_of_demonym(st->text + t->start, t->end - t->start)))
        return 0;
    if (t->head == 2 || all_generic(st, a, b))
        return 0;
    return 1;
}

/* "Study for ...", "... Regulations", "Small Grants Programme": the head noun of the span,
 * its last word or the word before its first "of" or "for", is a work product. */
static int work_product(const eco_i_sentence *st, size_t a, size_t b)
{
    if ((st->tokens[a].cls & W_WORK) || (st->tokens[b - 1].cls & W_WORK))
        return 1;
    for (size_t k = a + 1; k < b; k++)
        if (eco_i_is_conn(&st->tokens[k]) && (strcmp(st->tokens[k].folded, "of") == 0 ||
                                         strcmp(st->tokens[k].folded, "for") == 0))
            return (st->tokens[k - 1].cls & W_WORK) != 0;
    return 0;
}

/* Whether tokens [a, b) name a person: a title before them ("Dr. Ana Ruiz") or a role
 * after them ("Rebecca Santos, an advisor with ..."). */
static int names_a_person(const eco_i_sentence *st, size_t a, size_t b)
{
    static const char *const titles[] = {"dr", "mr", "mrs", "ms", "prof", "sr", "sra", "mme",
                                         "dra", NULL};
    static const char *const roles[] = {
        "advisor", "adviser", "director", "consultant", "officer", "manager", "coordinator",
        "specialist", "expert", "professor", "researcher", "minister", "head", "founder",
        "ceo", "president", "chair", "member", "analyst", "lead", "representative",
        "economist", "designer", "journalist", "fellow", "activist", "entrepreneur", NULL};
    size_t k = b;

    if (a > 0) {
        size_t t = a - 1;
        if (t > 0 && st->tokens[t].punct == '.')
            t--;
        for (size_t i = 0; titles[i]; i++)
            if (st->tokens[t].word && strcmp(st->tokens[t].folded, titles[i]) == 0)
                return 1;
    }
    if (k >= st->count || st->tokens[k].punct != ',')
        return 0;
    k++;
    if (k < st->count && st->tokens[k].word &&
        (strcmp(st->tokens[k].folded, "a") == 0 || strcmp(st->tokens[k].folded, "an") == 0 ||
         strcmp(st->tokens[k].folded, "the") == 0 || strcmp(st->tokens[k].folded, "our") == 0))
        k++;
    /* "senior advisor", "project manager": the role is within two words */
    for (size_t end = k + 2; k < end && k < st->count && st->tokens[k].word; k++)
        for (size_t i = 0; roles[i]; i++)
            if (strcmp(st->tokens[k].folded, roles[i]) == 0)
                return 1;
    return 0;
}

/* Whether tokens [a, b) of a partner field, which hold no head word, describe an activity
 * rather than name a body: a lone "-ing" word ("Collecting") or a capital followed only by
 * small words ("Waste sorting").  "Erdenet city government" names one. */
static int describes_an_activity(const eco_i_sentence *st, size_t a, size_t b)
{
    static const char *const bodies[] = {"government", "gobierno", "governo", "gouvernement",
                                         "council", "administration", "office", NULL};
    const eco_i_token *last = &st->tokens[b - 1];
    size_t n = last->end - last->start;

    if (b - a == 1)
        return !st->tokens[a].upper && n > 5 && memcmp(st->text + last->end - 3, "ing", 3) == 0;
    for (size_t k = a + 1; k < b; k++)
        if (!st->tokens[k].word || st->tokens[k].cap || eco_i_is_conn(&st->tokens[k]))
            return 0;
    for (size_t i = 0; bodies[i]; i++)
        if (strcmp(last->folded, bodies[i]) == 0)
            return 0;
    return 1;
}

/* Whether a list's licence takes item it as a name of one unknown word: examples of a noun
 * for organisations ("startups including Davaam"), or names before a sector's label, but not
 * a place after a slash in a complement ("City Council of Loulé/Algarve"). */
static int one_word_licensed(const item *it, int licensed)
{
    return licensed > 1 && it->sep != SEP_SLASH;
}

/* Decides about one name, tokens [a, b): adds a mention or not. */
static int consider(extraction *e, const item *it, size_t a, size_t b, int in_list_of_names,
                    int licensed)
{
    const eco_i_sentence *st = e->st;
    int rc;

    if (a >= b)
        return 0;
    if ((rc = try_known(e, a, b, it->generic)) != 0)
        return rc < 0 ? rc : 0;
    if ((it->plural && !it->has_head) || eco_i_is_landform(st, a, b) ||
        eco_i_is_activity(st, a, b))
        return 0;
    /* "the Portuguese government", "Government of Chile" */
    if (b - a == 2 && eco_i_country_of_demonym(st->text + st->tokens[a].start,
                                               st->tokens[a].end - st->tokens[a].start) &&
        (strcmp(st->tokens[a + 1].folded, "government") == 0 ||
         strcmp(st->tokens[a + 1].folded, "gobierno") == 0 ||
         strcmp(st->tokens[a + 1].folded, "governo") == 0))
        return mention_add(e, a, b, NULL, 0, 0, 0);
    if (!e->x->names_only && work_product(st, a, b))
        return known_inside(e, a, b, it->generic);
    if (it->has_head && b - a >= 2 && !all_generic(st, a, b) && b - a <= MAX_NAME_TOKENS)
        return mention_add(e, a, b, NULL, 0, 0, it->generic);
    if (b - a == 1 && st->tokens[a].coined)
        return mention_add(e, a, b, NULL, 0, 0, it->generic);
    if (names_a_person(st, a, b) || (e->x->names_only && describes_an_activity(st, a, b)))
        return 0;
    if (e->x->names_only ||
        (((licensed && (b - a > 1 || st->tokens[a].upper || one_word_licensed(it, licensed))) ||
          (in_list_of_names && b - a == 1 && st->tokens[a].upper)) &&
         may_stand_alone(st, a, b) && b - a <= 6))
        return may_stand_alone(st, a, b) ? mention_add(e, a, b, NULL, 0, 0, 0) : 0;
    return known_inside(e, a, b, it->generic);
}

/* ---- Putting items back together -------------------------------------------------------- */

static int starts_known(const extraction *e, const item *it)
{
    const eco_i_token *t;
    size_t actor;
    uint64_t key;

    if (it->a >= it->b)
        return 0;
    t = &e->st->tokens[it->a];
    key = eco_i_fold_hash(e->st->text + t->start, t->end - t->start);
    if (lexicon_find_key(e->x, e->st->text + t->start, t->end - t->start, key))
        return 1;
    return caller_knows(e->x, e->st->text + t->start, t->end - t->start, key, &actor);
}

/* 1 when the whole item is a name the lexicons or the caller know. */
static int whole_known(const extraction *e, const item *it)
{
    const eco_i_sentence *st = e->st;
    size_t start = st->tokens[it->a].start, end = st->tokens[it->b - 1].end, actor;
    uint64_t key = eco_i_fold_hash(st->text + start, end - start);
    if (lexicon_find_key(e->x, st->text + start, end - start, key))
        return 1;
    return caller_knows(e->x, st->text + start, end - start, key, &actor);
}

/* How many items from i on form one name: 1 when item i stands alone. */
static size_t name_span(const extraction *e, const item *items, size_t n, size_t i)
{
    const item *it = &items[i];
    size_t k, last = i;

    if (it->a >= it->b)
        return 1; /* trimmed to nothing: no name, and none it could join */
    if ((it->has_head && !it->head_of && (it->complement || it->head_first)) ||
        (e->x->names_only && !it->has_head && it->has_of)) {
        /* "Ministry of Economy, Development and Tourism" */
        for (k = i + 1; k < n; k++) {
            const item *f = &items[k];
            /* an item trimmed to nothing ends the name: it has no first token to look at;
             * a head only in what an item attaches after its own words names no body of
             * its own ("Center for Economic Research and Reforms under the Administration
             * of ...") */
            if (f->a >= f->b || (f->sep != SEP_COMMA && f->sep != SEP_AND) ||
                (f->own_head || (f->has_head && !f->head_of && f->own_b == f->b)) ||
                f->plural || starts_known(e, f) || e->st->tokens[f->a].coined ||
                (f->det && f->has_head) || f->own_b - f->a > 8)
                break;
            if (f->sep == SEP_AND)
                last = k;
        }
        return last - i + 1;
    }
    /* A partner field's "Social and Peace Influencers": a lone common adjective before "and"
     * modifies the name after it */
    if (e->x->names_only && !it->has_head && it->b - it->a == 1 &&
        (e->st->tokens[it->a].cls & W_GENERIC) && i + 1 < n && items[i + 1].sep == SEP_AND &&
        !items[i + 1].has_head && !items[i + 1].det && !items[i + 1].plural &&
        items[i + 1].b - items[i + 1].a >= 2)
        return 2;
    if (!it->has_head) {
        /* "Tax and Customs Authority", "Science, Technology and Society Lab" */
        for (k = i + 1; k < n; k++) {
            const item *f = &items[k];
            if (f->a >= f->b || (f->sep != SEP_COMMA && f->sep != SEP_AND))
                break;
            if (f->has_head) {
                /* "... and Society Lab": a compound head word counts as one */
                if (f->sep == SEP_AND && f->head_last && !f->det && f->b - f->a >= 2 &&
                    (!f->head_first || f->b - f->a == 2))
                    last = k;
                break;
            }
            if (f->det || f->b - f->a > 2 || e->st->tokens[f->a].upper || e->st->tokens[f->a].coined)
                break;
        }
        for (k = i; k < last; k++)
            if (items[k].b - items[k].a > 2 || whole_known(e, &items[k]) ||
                e->st->tokens[items[k].a].coined ||
                (k > i && e->st->tokens[items[k].a].upper))
                return 1;
        return last - i + 1;
    }
    return 1;
}

/* Whether token t is written as an acronym: in capitals ("IBAP"), or coined of capitals
 * and small letters ("MoHESR", "NiMET", "MiAmbiente"), but no acronym's plural ("SDGs"). */
static int written_as_acronym(const eco_i_sentence *st, const eco_i_token *t)
{
    const char *w = st->text + t->start;
    size_t n = t->end - t->start, capitals = 0;

    if (t->upper)
        return 1;
    if (!t->cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        capitals += w[i] >= 'A' && w[i] <= 'Z';
    return capitals >= 2 && !(w[n - 1] == 's' && capitals == n - 1);
}

int eco_i_bracketed_acronym(const eco_i_extractor *x, const eco_i_sentence *st, size_t open)
{
    const eco_i_token *t = open + 2 < st->count ? &st->tokens[open + 1] : NULL;

    return t && st->tokens[open].punct == '(' && st->tokens[open + 2].punct == ')' && t->word &&
           written_as_acronym(st, t) && t->end - t->start <= 12 &&
           !lexicon_find(x, st->text + t->start, t->end - t->start);
}

/* A "(...)" right after token b - 1: an acronym the text defines, or a sector label.  The
 * token after it; ECO_I_NONE when memory ran out. */
static size_t parenthesis(const extraction *e, size_t b, eco_i_mention *m, size_t from_mention)
{
    const eco_i_sentence *st = e->st;
    size_t close = b + 1;

    if (b >= st->count || st->tokens[b].punct != '(')
        return b;
    while (close < st->count && st->tokens[close].punct != ')' && close - b < 8)
        close++;
    if (close >= st->count || st->tokens[close].punct != ')' || close == b + 1)
        return b;
    size_t s = st->tokens[b + 1].start, t = st->tokens[close - 1].end;
    eco_actor_type type = eco_i_sector_type(st->text + s, t - s);
    if (type != ECO_TYPE_UNKNOWN) {
        for (size_t k = from_mention; k < e->out->count; k++)
            e->out->items[k].type = type;
        return close + 1;
    }
    if (m && close == b + 2 && !m->alias && !m->known && eco_i_bracketed_acronym(e->x, st, b)) {
        if (!(m->alias = eco_i_mentions_squeeze(e->out, st->text + s, t - s)))
            return ECO_I_NONE;
        m->acronym_defined = 1;
        return close + 1;
    }
    return b;
}

/* "Datalat and OpenlabEc (civil society)": a sector label in brackets after the chain says
 * its names are organisations. */
static int sector_label_follows(const eco_i_sentence *st, size_t b)
{
    size_t close = b + 1;

    if (b + 2 >= st->count || st->tokens[b].punct != '(')
        return 0;
    while (close < st->count && st->tokens[close].punct != ')' && close - b < 5)
        close++;
    /* "()" holds no label: close - 1 would be the opening bracket itself */
    return close > b + 1 && close < st->count && st->tokens[close].punct == ')' &&
           eco_i_sector_type(st->text + st->tokens[b + 1].start,
                             st->tokens[close - 1].end - st->tokens[b + 1].start) !=
               ECO_TYPE_UNKNOWN;
}

/* The separator token t stands for, SEP_NONE for none. */
static int separator(const eco_i_token *t)
{
    if (t->punct == ',')
        return SEP_COMMA;
    if (t->punct == '&' || eco_i_is_and(t))
        return SEP_AND;
    if (t->punct == '/')
        return SEP_SLASH;
    return t->punct == '-' ? SEP_DASH : SEP_NONE;
}

/* Cuts tokens [a, b) into items at separators; returns how many (at most 64). */
static size_t cut_items(const eco_i_sentence *st, size_t a, size_t b, item items[64])
{
    size_t s = a, n = 0;
    int sep = SEP_NONE;

    for (size_t k = a; k <= b && n < 64; k++) {
        int here = k < b ? separator(&st->tokens[k]) : SEP_NONE;
        /* "Africa Borderlands Centre Village Savers", "Waterburg District World Wide Fund
         * for Nature": a name ends at its head word, or at the area it names */
        if (k < b && here == SEP_NONE && k > s + 1 && k + 1 < b &&
            (st->tokens[k - 1].head == 1 || (st->tokens[k - 1].cls & W_AREA)) &&
            !(st->tokens[k - 1].cls & W_ADJECTIVES_AFTER) &&
            st->tokens[k].word && st->tokens[k].cap &&
            !st->tokens[k].head && !eco_i_is_conn(&st->tokens[k]) && !eco_i_campus_in(st, k) &&
            !st->tokens[k - 2].head &&
            st->tokens[k - 2].word && !eco_i_is_conn(&st->tokens[k - 2]))
            here = SEP_GAP;
        if (k < b && here == SEP_NONE && k > s && eco_i_article_opens_a_name(st, k))
            here = SEP_GAP;
        if (k < b && here == SEP_NONE)
            continue;
        if (k > s) {
            item *it = &items[n++];
            memset(it, 0, sizeof(*it));
            it->a = it->raw_a = s;
            it->b = k;
            it->sep = sep;
            trim_item(st, it, 0);
            describe_item(st, it);
            sep = SEP_NONE;
        }
        if (here == SEP_AND && sep == SEP_COMMA)
            sep = SEP_AND; /* ", and" */
        else if (here != SEP_NONE)
            sep = here;
        s = here == SEP_GAP ? k : k + 1;
    }
    return n;
}

/* "LabX – Centre for ...", "AMA – Administrative Modernisation Agency": one name, the other
 * its alias (an acronym is the alias of the long form), and the long form its type.  A
 * kind of body alone before the dash only says what the name after it is: "One Bank -
 * Zambia National Commercial Bank - is ...". */
static int apposition(extraction *e, const item *whole, const item *second)
{
    const eco_i_sentence *st = e->st;
    int alone = whole->b - whole->a == 1, rc;
    int acronym = alone && st->tokens[whole->a].upper;
    if (alone && st->tokens[whole->a].head == 1 && !acronym)
        return consider(e, second, second->a, second->b, 0, 1);
    const item *named = acronym ? second : whole;
    size_t from = st->tokens[whole->a].start, to = st->tokens[second->b - 1].end;
    eco_i_mention *m;

    if ((rc = try_known(e, whole->a, whole->b, 0)) < 0)
        return rc;
    if (rc == 0 && (rc = mention_add(e, named->a, named->b, NULL, 0, 0, 0)) < 0)
        return rc;
    m = &e->out->items[e->out->count - 1];
    if (m->type == ECO_TYPE_UNKNOWN && !m->known && eco_i_classify_words(m->name) == ECO_TYPE_UNKNOWN) {
        char *described = eco_i_squeeze(st->text + st->tokens[second->a].start,
                                        to - st->tokens[second->a].start);
        if (!described)
            return ECO_ENOMEM;
        m->type = eco_i_classify_words(described);
        free(described);
    }
    if (!m->alias && !(m->alias = eco_i_mentions_squeeze(e->out, st->text + from, to - from)))
        return ECO_ENOMEM;
    if (acronym && !m->is_actor) {
        char *full = m->alias;
        m->alias = eco_i_mentions_squeeze(e->out, st->text + st->tokens[whole->a].start,
                                          st->tokens[whole->a].end - st->tokens[whole->a].start);
        if (!m->alias) {
            m->alias = full;
            return ECO_ENOMEM;
        }
        m->acronym_defined = 1;
    }
    return 0;
}

/* Tokens [a, b) of items, put back together where they are one name. */
static item joined(const item *items, size_t i, size_t span)
{
    item whole = items[i];
    whole.b = items[i + span - 1].b;
    if (span > 1) {
        whole.has_head = 1;
        whole.plural = 0;
    }
    return whole;
}

/* Whether only a list's separators stand in tokens [from, a): a chain there goes on with
 * the list before it, whose bracket ended that chain ("such as Keur Thiossane (Fab Lab),
 * Inond'actions, GRET"), and names what that list names. */
static int continues_the_list(const eco_i_sentence *st, size_t from, size_t a)
{
    if (from == ECO_I_NONE || from >= a)
        return 0;
    for (size_t k = from; k < a; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (t->word ? !eco_i_is_and(t) : !strchr(",;)", t->punct))
            return 0;
    }
    return 1;
}

/* Extracts the names of the chain of tokens [a, b). */
static int chain(extraction *e, size_t a, size_t b, size_t *next, eco_i_chain *found)
{
    const eco_i_sentence *st = e->st;
    item items[64];
    size_t n, first_mention = e->out->count;
    int licensed = licensed_at(e, st->tokens[a].start), examples_of_other;
    int rc;

    if (licensed == 0 && continues_the_list(st, e->list_next, a))
        licensed = e->list_licensed;
    examples_of_other = licensed < 0;
    if (examples_of_other)
        licensed = 0;
    if (sector_label_follows(st, b))
        licensed = 2;
    *found = (eco_i_chain){a, b, examples_of_other ? -1 : licensed};
    n = cut_items(st, a, b, items);
    int listed = n > 1 && !examples_of_other;
    for (size_t i = 0; i < n;) {
        size_t span = name_span(e, items, n, i);
        item whole = joined(items, i, span);
        if (whole.a < whole.b && i + span < n && items[i + span].sep == SEP_DASH &&
            items[i + span].has_head) {
            size_t span2 = name_span(e, items, n, i + span);
            item second = joined(items, i + span, span2);
            if ((rc = apposition(e, &whole, &second)) < 0)
                return rc;
            i += span + span2;
            continue;
        }
        if (whole.a < whole.b && (rc = consider(e, &whole, whole.a, whole.b, listed, licensed)) < 0)
            return rc;
        i += span;
    }
    eco_i_mention *last = e->out->count > first_mention ? &e->out->items[e->out->count - 1] : NULL;
    *next = parenthesis(e, b, last, first_mention);
    /* a bracket's own chain ("(Fab Lab)") leaves the list around it as it was */
    if (!(a > 0 && st->tokens[a - 1].punct == '(' && licensed == 0))
        e->list_licensed = found->licensed;
    e->list_next = *next;
    return *next == ECO_I_NONE ? ECO_ENOMEM : 0;
}

/* ---- Mentions' names -------------------------------------------------------------------- */

/* The first block of a list's names, in bytes with its head: a sentence's names fit, and
 * malloc keeps blocks of this size at hand. */
#define NAME_BLOCK 512
#define NAME_BLOCK_MAX 16384

struct eco_i_name_block {
    struct eco_i_name_block *next; /* the block filled before it, or NULL */
    size_t size, used;             /* bytes of text; bytes of it handed out */
    char text[];
};

/* len + 1 bytes among list's names, or NULL. */
static char *name_room(eco_i_mentions *list, size_t len)
{
    struct eco_i_name_block *b = list->names;
    char *room;

    if (!b || b->size - b->used <= len) {
        size_t size = b ? 2 * (b->size + sizeof(*b)) : NAME_BLOCK;
        if (size > NAME_BLOCK_MAX)
            size = NAME_BLOCK_MAX;
        size = size - sizeof(*b) > len ? size - sizeof(*b) : len + 1;
        if (!(b = malloc(sizeof(*b) + size)))
            return NULL;
        *b = (struct eco_i_name_block){list->names, size, 0};
        list->names = b;
    }
    room = b->text + b->used;
    b->used += len + 1;
    return room;
}

char *eco_i_mentions_squeeze(eco_i_mentions *list, const char *text, size_t len)
{
    char *room = name_room(list, len);

    if (room)
        eco_i_squeeze_into(room, text, len);
    return room;
}

/* Gives back every block of list's names but the newest, whose bytes are to be used again
 * when keep, all of them when not. */
static void free_names(eco_i_mentions *list, int keep)
{
    struct eco_i_name_block *b = list->names, *next;

    if (b && keep) {
        b->used = 0;
        next = b->next;
        b->next = NULL;
        b = next;
    } else {
        list->names = NULL;
    }
    for (; b; b = next) {
        next = b->next;
        free(b);
    }
}

void eco_i_mentions_clear(eco_i_mentions *m)
{
    free_names(m, 1);
    m->count = 0;
}

void eco_i_mentions_free(eco_i_mentions *m)
{
    free_names(m, 0);
    free(m->items);
    m->items = NULL;
    m->count = m->cap = 0;
}

/* 0 when the sentence cannot name an organisation: no capital (or non-ASCII letter, which
 * may be one) after its first letter, and a first word that only starts sentences ("The",
 * "We").  Most sentences are like that, and are spared tokenizing. */
static int may_name(const char *text, size_t len)
{
    char first[16];
    size_t n = 0, i = 1;

    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        if (eco_i_capitals8(w) | eco_i_lead_bytes8(w))
            return 1;
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c >= 'A' && c <= 'Z') || c >= 0xC3)
            return 1;
    }
    while (n < len && n < sizeof(first) - 1 &&
           ((text[n] >= 'a' && text[n] <= 'z') || (text[n] >= 'A' && text[n] <= 'Z'))) {
        first[n] = (char)(text[n] >= 'A' && text[n] <= 'Z' ? text[n] + 32 : text[n]);
        n++;
    }
    first[n] = '\0';
    return !(n > 0 && n < len && (eco_i_word_class(first) & (W_STOP | W_CONN)));
}

int eco_i_find_mentions(eco_i_mentions *out, const eco_i_extractor *x, const char *text,
                        size_t len)
{
    eco_i_sentence whole, *st = &whole; /* some 30 KB: on the stack, not the heap, per sentence */
    eco_i_chain chains[64], spare;
    size_t chain_count = 0, from = out->count;
    extraction e;
    int rc = 0;

    if (!x->names_only && !may_name(text, len))
        return 0;
    eco_i_tokenize(st, text, len, x->names_only);
    e.x = x;
    e.st = st;
    e.out = out;
    e.key = 0;
    e.list_licensed = 0;
    e.list_next = ECO_I_NONE;
    size_t lowered = len < sizeof(e.lower) - 1 ? len : sizeof(e.lower) - 1;
    eco_i_lower_ascii(e.lower, text, lowered);
    e.lower[lowered] = '\0';
    for (size_t i = 0; i < st->count;) {
        const eco_i_token *t = &st->tokens[i];
        if (!t->word || !(t->cap || x->names_only) || (t->upper && t->end - t->start > 40)) {
            i++;
            continue;
        }
        size_t b = chain_end(st, i, x->names_only), next = b;
        if ((rc = chain(&e, i, b, &next, chain_count < 64 ? &chains[chain_count++] : &spare)) < 0)
            break;
        i = next > i ? next : i + 1;
    }
    return rc < 0 ? rc : eco_i_decide_spans(out, from, x, st, chains, chain_count);
}
