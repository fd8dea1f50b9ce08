/*
 * import/resolve.c - entity resolution across all that one import read, run once by the
 * importer's finish, after both wings of readers.
 *
 * Each record resolves its names as it is read; what only the whole import can see is done
 * here: an acronym one record defines ("Agency for Administrative Modernisation (AMA)")
 * that another uses as a name, an acronym that spells the initials of a name its record
 * uses, a company with and without its legal form, "Portuguese X" and "X" in Portugal, a
 * shorter form of a long name in the same country, and the user's alias file.  Elements of
 * another tool's map (Kumu, GraphML, node-link, Cytoscape) are joined by no rule of names:
 * the map kept them apart by their ids.  Merges are
 * planned by actor id, which merging does not change, and then carried out together, so
 * that shifting indices never mislead the plan.  Around them, each actor's name (by the
 * records' votes), id and place are decided again by rules that ignore the order the
 * records were read in.  It lives in the hub because it reads what both wings made, and
 * needs only core, the importer's votes and its alias file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corrections.h"
#include "hub.h"

typedef struct merge {
    const char *kept, *absorbed; /* actor ids */
} merge;

typedef struct plan {
    merge *items;
    size_t count, cap;
} plan;

static int plan_add(plan *p, const char *kept, const char *absorbed)
{
    if (kept == absorbed || strcmp(kept, absorbed) == 0)
        return 0;
    if (eco_i_reserve(&p->items, &p->cap, p->count + 1, sizeof(*p->items)) < 0)
        return ECO_ENOMEM;
    p->items[p->count].kept = kept;
    p->items[p->count++].absorbed = absorbed;
    return 0;
}

static int is_acronym(const char *s)
{
    size_t n = strlen(s), caps = 0;
    if (n < 2 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        caps += s[i] >= 'A' && s[i] <= 'Z';
    }
    return caps >= 2;
}

/* "sports" as "sport", so that "Ministry of Youth and Sports" meets "…Sport"; not "business",
 * "campus" or "analysis", whose s is no plural. */
static void singular(char *w)
{
    size_t n = strlen(w);
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        w[n - 1] = '\0';
}

/* Folded words of a name, without the small words, in the singular; at most 16. */
static size_t content_words(const char *name, char words[16][32])
{
    static const char *const small[] = {"of", "for", "the", "and", "de", "la", "del", "du",
                                        "des", "do", "da", "y", "e", "et", "l", "d", "le",
                                        "les", "el", "los", "las", "a", "an", "in", "on", NULL};
    char folded[256], *rest = NULL;
    size_t n = 0;
    eco_name_fold(folded, sizeof(folded), name);
    for (char *w = strtok_r(folded, " ", &rest); w && n < 16; w = strtok_r(NULL, " ", &rest)) {
        size_t len = strlen(w);
        int skip = len >= 32;
        /* the small words have three letters or fewer: a longer word is compared with none
         * (a name's words, every pair of a bucket: a million strcmp an import) */
        for (size_t i = 0; len <= 3 && small[i] && !skip; i++)
            skip = w[0] == small[i][0] && strcmp(w, small[i]) == 0;
        /* the head words of the languages records mix: "Instituto de High Studies" */
        static const char *const same[][2] = {{"instituto", "institute"}, {"institut", "institute"},
                                              {"universidad", "university"},
                                              {"universidade", "university"},
                                              {"ministerio", "ministry"}, {"agencia", "agency"},
                                              {"secretaria", "secretariat"}, {NULL, NULL}};
        for (size_t i = 0; same[i][0] && !skip; i++) /* a first letter rules out most */
            if (w[0] == same[i][0][0] && strcmp(w, same[i][0]) == 0)
                w = (char *)same[i][1];
        if (!skip)
            singular(strcpy(words[n++], w));
    }
    return n;
}

/* 1 when every word of a is among b's. */
static int words_within(char a[16][32], size_t an, char b[16][32], size_t bn)
{
    for (size_t i = 0; i < an; i++) {
        size_t j = 0;
        while (j < bn && strcmp(a[i], b[j]) != 0)
            j++;
        if (j == bn)
            return 0;
    }
    return 1;
}

/* "Secretariat of Higher Education and Innovation" within "Secretariat of Higher Education,
 * Science, Technology and Innovation": same country, same head, four words or more. */
static int shorter_form(const eco_actor *a, const eco_actor *b)
{
    char wa[16][32], wb[16][32];
    size_t na, nb;
    if (!a->country || !b->country || strcmp(a->country, b->country) != 0 ||
        a->type != b->type || a->type == ECO_TYPE_UNKNOWN)
        return 0;
    na = content_words(a->name, wa);
    nb = content_words(b->name, wb);
    if (na < 3 || nb < na)
        return 0;
    if (na == nb) /* the same words in another order: "Agency for Administrative Modernisation" */
        return words_within(wa, na, wb, nb);
    return strcmp(wa[0], wb[0]) == 0 && words_within(wa, na, wb, nb);
}

/*
 * Shorter forms among all actors.  Comparing every pair would cost actors squared; but a
 * shorter form's first content word is among the longer name's words, and both share a
 * country and a type.  So actors are put in buckets by country, type and first word, each
 * name's words are hashed once, and a name looks only in the buckets of its own words.
 * The hashes only choose which pairs to compare: shorter_form decides on the words.
 */
typedef struct word_hashes {
    uint64_t word[16];
    size_t count; /* 0 for an actor that cannot take part: no country, no type, < 3 words */
} word_hashes;

typedef struct form_pair {
    size_t shorter, longer; /* actor indices, in the order shorter_form takes them */
} form_pair;

static uint64_t bucket_key(const eco_actor *a, uint64_t word)
{
    return word ^ eco_i_hash(a->country, strlen(a->country)) * 0x9E3779B97F4A7C15ULL ^
           (uint64_t)a->type << 56;
}

static void hash_words(word_hashes *h, const eco_actor *a)
{
    char words[16][32];

    h->count = 0;
    if (!a->country || a->type == ECO_TYPE_UNKNOWN)
        return;
    size_t n = content_words(a->name, words);
    if (n < 3)
        return; /* shorter_form needs three words or more */
    for (size_t w = 0; w < n; w++)
        h->word[h->count++] = eco_i_hash(words[w], strlen(words[w]));
}

static int hashes_within(const word_hashes *a, const word_hashes *b)
{
    for (size_t i = 0; i < a->count; i++) {
        size_t j = 0;
        while (j < b->count && a->word[i] != b->word[j])
            j++;
        if (j == b->count)
            return 0;
    }
    return 1;
}

static int pair_order(const void *x, const void *y)
{
    const form_pair *p = x, *q = y;
    if (p->shorter != q->shorter)
        return p->shorter < q->shorter ? -1 : 1;
    return p->longer < q->longer ? -1 : p->longer > q->longer;
}

/* Whether the loop over every pair would plan actors i and k, i as the shorter form: k's
 * name is longer, or as long and listed after i, and shorter_form holds. */
static int is_pair(const eco_graph *g, const word_hashes *h, size_t i, size_t k)
{
    const eco_actor *a = eco_graph_actor(g, i), *b = eco_graph_actor(g, k);

    if (i == k || a->country != b->country || h[i].count > h[k].count ||
        (h[i].count < h[k].count && h[i].word[0] != h[k].word[0]) || !hashes_within(&h[i], &h[k]))
        return 0;
    size_t la = strlen(a->name), lb = strlen(b->name);
    return (lb > la || (lb == la && k > i)) && shorter_form(a, b);
}

/* The pairs whose shorter name is in the bucket of one of longer's words. */
static int find_pairs(const eco_graph *g, const word_hashes *h, const size_t *next,
                      const eco_i_map *heads, size_t longer, form_pair **pairs, size_t *count,
                      size_t *cap)
{
    const eco_actor *b = eco_graph_actor(g, longer);

    for (size_t w = 0; w < h[longer].count; w++) {
        size_t i = ECO_I_NONE;
        if (!eco_i_map_get(heads, bucket_key(b, h[longer].word[w]), &i))
            continue;
        for (; i != ECO_I_NONE; i = next[i]) {
            if (!is_pair(g, h, i, longer))
                continue;
            if (eco_i_reserve(pairs, cap, *count + 1, sizeof(**pairs)) < 0)
                return ECO_ENOMEM;
            (*pairs)[(*count)++] = (form_pair){i, longer};
        }
    }
    return 0;
}

/* Plans the merges of shorter forms, in the order of a loop over every pair (shorter,
 * longer), so that the plan is what comparing every pair would give. */
static int plan_shorter_forms(plan *p, const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g), count = 0, cap = 0, head;
    word_hashes *h = malloc((n + 1) * sizeof(*h));
    size_t *next = malloc((n + 1) * sizeof(*next));
    form_pair *pairs = NULL;
    eco_i_map heads = {0};
    int rc = h && next ? 0 : ECO_ENOMEM;

    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        hash_words(&h[i], a);
        next[i] = ECO_I_NONE;
        if (h[i].count == 0)
            continue;
        uint64_t key = bucket_key(a, h[i].word[0]);
        if (eco_i_map_get(&heads, key, &head))
            next[i] = head;
        rc = eco_i_map_put(&heads, key, i);
    }
    for (size_t k = 0; k < n && rc == 0; k++)
        rc = find_pairs(g, h, next, &heads, k, &pairs, &count, &cap);
    if (count > 1)
        qsort(pairs, count, sizeof(*pairs), pair_order);
    for (size_t i = 0; i < count && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, pairs[i].shorter);
        const eco_actor *b = eco_graph_actor(g, pairs[i].longer);
        if (i > 0 && pair_order(&pairs[i - 1], &pairs[i]) == 0)
            continue; /* met twice: the longer name repeats a word ("... and Labour") */
        rc = strlen(b->name) > strlen(a->name) ? plan_add(p, b->id, a->id)
                                               : plan_add(p, a->id, b->id);
    }
    free(pairs);
    free(next);
    free(h);
    eco_i_map_free(&heads);
    return rc;
}

static uint64_t acronym_key(const char *acronym, const char *country)
{
    return eco_i_hash(acronym, strlen(acronym)) ^
           (country ? eco_i_hash(country, strlen(country)) * 31 : 0);
}

/* Whether two actors were seen in one record; their records are sorted.  O(records). */
static int share_a_record(const eco_actor *a, const eco_actor *b)
{
    for (size_t i = 0, k = 0; i < a->record_count && k < b->record_count;) {
        int c = strcmp(a->records[i], b->records[k]);
        if (c == 0)
            return 1;
        c < 0 ? i++ : k++;
    }
    return 0;
}

/* The actors that hold each acronym as an alias, by acronym and country: one, or a clash
 * of two bodies that spell it alike. */
typedef struct clash {
    uint64_t key;
    size_t one, other;
} clash;

typedef struct holders {
    eco_i_map owner; /* key -> the actor that holds it, or CLASHED */
    clash *clashes;
    size_t clash_count, clash_cap;
} holders;

#define CLASHED ((size_t)-1)

static int holders_put(holders *h, const char *acronym, const char *country, size_t actor)
{
    uint64_t key = acronym_key(acronym, country);
    size_t first;
    int rc = eco_i_map_get_or_put(&h->owner, key, actor, &first);

    if (rc <= 0 || first == actor || first == CLASHED)
        return rc < 0 ? rc : 0;
    if (eco_i_reserve(&h->clashes, &h->clash_cap, h->clash_count + 1, sizeof(*h->clashes)) < 0)
        return ECO_ENOMEM;
    h->clashes[h->clash_count++] = (clash){key, first, actor};
    return eco_i_map_put(&h->owner, key, CLASHED);
}

/* The holder of acronym in country (1), or 0; *c is its clash when two hold it. */
static int holders_get(const holders *h, const char *acronym, const char *country,
                       size_t *owner, const clash **c)
{
    uint64_t key = acronym_key(acronym, country);
    *c = NULL;
    if (!eco_i_map_get(&h->owner, key, owner))
        return 0;
    for (size_t k = 0; *owner == CLASHED && k < h->clash_count; k++)
        if (h->clashes[k].key == key)
            *c = &h->clashes[k];
    return 1;
}

/*
 * An actor named by an acronym that another actor holds as an alias ("AMA" and "Agency for
 * Administrative Modernisation (AMA)"), where the acronym stays in its context: both of the
 * country their records name, or both seen in one record.  Across unrelated records,
 * initials collide too often ("CSA" is the Canadian Space Agency and a Cyber Security
 * Agency).  An acronym two bodies of one context hold is told to opt, and not merged.
 */
static int plan_acronyms(plan *p, const eco_graph *g, const eco_import_options *opt)
{
    size_t n = eco_graph_actor_count(g), owner;
    holders h = {{0}, NULL, 0, 0};
    const clash *c;
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        for (size_t k = 0; k < a->alias_count && rc == 0 && !is_acronym(a->name); k++)
            if (is_acronym(a->aliases[k]))
                rc = holders_put(&h, a->aliases[k], a->country, i);
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *b = eco_graph_actor(g, i);
        if (!is_acronym(b->name))
            continue;
        int found = b->country && holders_get(&h, b->name, b->country, &owner, &c);
        /* a holder of no country: only where one record names both */
        if (!found && (found = holders_get(&h, b->name, NULL, &owner, &c)) && !c)
            found = share_a_record(eco_graph_actor(g, owner), b);
        if (found && c)
            eco_i_notice(opt, NULL, 0, 0,
                         "\"%s\" is an acronym of \"%s\" and of \"%s\": joined to neither "
                         "(a corrections file can join it)",
                         b->name, eco_graph_actor(g, c->one)->name,
                         eco_graph_actor(g, c->other)->name);
        else if (found && owner != i)
            rc = plan_add(p, eco_graph_actor(g, owner)->id, b->id);
    }
    eco_i_map_free(&h.owner);
    free(h.clashes);
    return rc;
}

/* 1 when w is a number: "7" of "Pôle 7". */
static int is_number(const char *w)
{
    size_t n = strspn(w, "0123456789");
    return n > 0 && w[n] == '\0';
}

/* The initials of name's content words, lowered, a number whole: "Comité de Concertation
 * Etat-Secteur privé" gives "ccesp", "Agence Territoriale de Développement Agricole du Pôle
 * 7" gives "atdap7"; "" for fewer than two words.  With unit_dropped, a word before a
 * closing number is left out: "atda7", as the acronym "ATDA 7" spells that agency, a unit
 * word ("Pôle", "Zone", "District") being no part of what its initials abbreviate. */
static void initials(const char *name, int unit_dropped, char *out, size_t size)
{
    char words[16][32], split[256];
    size_t n, k = 0, dropped = SIZE_MAX;

    /* "l'Homme" is two words here, though folding joins them */
    snprintf(split, sizeof(split), "%s", name);
    for (char *c = split; *c; c++) {
        if (*c == '\'')
            *c = ' ';
        else if (strncmp(c, "\xE2\x80\x99", 3) == 0)
            memset(c, ' ', 3);
    }
    n = content_words(split, words);
    if (unit_dropped) {
        if (n < 4 || !is_number(words[n - 1]) || is_number(words[n - 2])) {
            out[0] = '\0';
            return;
        }
        dropped = n - 2;
    }
    for (size_t i = 0; i < n && k + 1 < size; i++) {
        if (i == dropped)
            continue;
        if (is_number(words[i]))
            for (const char *d = words[i]; *d && k + 1 < size; d++)
                out[k++] = *d;
        else
            out[k++] = words[i][0];
    }
    out[n >= 2 ? k : 0] = '\0';
}

/* An acronym folded to its letters and digits: "ATDA 7" and "ATDA-7" give "atda7". */
static int acronym_letters(const char *acronym, char *out, size_t size)
{
    char folded[64];
    size_t k = 0;

    if (eco_name_fold(folded, sizeof(folded), acronym) >= sizeof(folded))
        return 0;
    for (const char *c = folded; *c && k + 1 < size; c++)
        if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'))
            out[k++] = *c;
    out[k] = '\0';
    return k > 0;
}

static uint64_t initials_key(const char *letters, const char *record)
{
    return eco_i_hash(letters, strlen(letters)) ^ eco_i_ptr_key(record) * 0x9E3779B97F4A7C15ULL;
}

#define AMBIGUOUS ((size_t)-1)         /* a key two actors of one record hold */
#define LEADING 0xA5A5A5A5A5A5A5A5ULL /* keys of leading acronyms, apart from initials' */

/* Joins actor i, named by an acronym, to the actor that holds text (xored with salt) in the
 * first of i's records where one does, when their countries agree. */
static int join_in_a_record(plan *p, const eco_graph *g, const eco_i_map *held,
                            const char *text, uint64_t salt, size_t i)
{
    const eco_actor *b = eco_graph_actor(g, i), *a;
    size_t owner;

    for (size_t r = 0; r < b->record_count; r++) {
        if (!eco_i_map_get(held, initials_key(text, b->records[r]) ^ salt, &owner) ||
            owner == i || owner == AMBIGUOUS)
            continue;
        a = eco_graph_actor(g, owner);
        if (!a->country || !b->country || strcmp(a->country, b->country) == 0)
            return plan_add(p, a->id, b->id);
        return 0;
    }
    return 0;
}

/* An acronym that spells the initials of a name the same record uses: "MNRE" beside
 * "Ministry of Natural Resources and Environment".  One record naming both is what makes
 * the guess safe; across records, initials collide too often. */
static int plan_initials(plan *p, const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g);
    eco_i_map spelled = {0};
    char letters[32];
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        if (is_acronym(a->name))
            continue;
        for (int unit_dropped = 0; unit_dropped < 2 && rc == 0; unit_dropped++) {
            initials(a->name, unit_dropped, letters, sizeof(letters));
            for (size_t r = 0; letters[0] && r < a->record_count && rc == 0; r++)
                rc = eco_i_map_put(&spelled, initials_key(letters, a->records[r]), i);
        }
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *b = eco_graph_actor(g, i);
        if (!is_acronym(b->name) || !acronym_letters(b->name, letters, sizeof(letters)))
            continue;
        rc = join_in_a_record(p, g, &spelled, letters, 0, i);
    }
    eco_i_map_free(&spelled);
    return rc;
}

/* The first word of name when it is an acronym and more than two words follow, into buf:
 * "MAJAL" of "MAJAL Berkane Local Development Company"; NULL otherwise. */
static const char *leading_acronym(const char *name, char *buf, size_t size)
{
    const char *space = strchr(name, ' ');
    size_t n = space ? (size_t)(space - name) : 0, words = 1;

    if (!space || n >= size)
        return NULL;
    for (const char *c = space; *c; c++)
        words += c[0] == ' ' && c[1] && c[1] != ' ';
    memcpy(buf, name, n);
    buf[n] = '\0';
    return words >= 4 && is_acronym(buf) ? buf : NULL;
}

/* An acronym that is the first word of one longer name the same record uses: "MAJAL" beside
 * "MAJAL Berkane Local Development Company", a body's own short name.  When the record's
 * names start with it twice, it is no one's; when the gazetteer knows it, it is a body of
 * its own, whose units carry its name. */
static int plan_leading_acronyms(plan *p, const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g), owner;
    eco_i_map led = {0};
    char word[32];
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        const char *lead = leading_acronym(a->name, word, sizeof(word));
        for (size_t r = 0; lead && r < a->record_count && rc == 0; r++) {
            uint64_t key = initials_key(lead, a->records[r]) ^ LEADING;
            if ((rc = eco_i_map_get_or_put(&led, key, i, &owner)) == 1)
                rc = owner == i ? 0 : eco_i_map_put(&led, key, AMBIGUOUS);
        }
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *b = eco_graph_actor(g, i);
        /* "OECD" of "OECD Observatory of ...": a body known on its own is the host */
        if (!is_acronym(b->name) || eco_i_lexicon_find(eco_i_gazetteer(), b->name, strlen(b->name)))
            continue;
        rc = join_in_a_record(p, g, &led, b->name, LEADING, i);
    }
    eco_i_map_free(&led);
    return rc;
}

/* The name without the legal form that ends it ("URECA LLC", "Acme Ltd."), in buf; NULL
 * when it has none.  A company is the same body with or without it. */
static const char *without_legal_form(const char *name, char *buf, size_t size)
{
    static const char *const forms[] = {" llc", " ltd", " ltda", " inc", " plc", " gmbh",
                                        " sarl", " srl", " s a", " sa", " sas", " corp",
                                        " pty ltd", " co ltd", NULL};
    size_t n = eco_name_fold(buf, size, name);

    if (n >= size)
        return NULL;
    for (size_t i = 0; forms[i]; i++) {
        size_t f = strlen(forms[i]);
        if (n > f && strcmp(buf + n - f, forms[i]) == 0) {
            buf[n - f] = '\0';
            return buf;
        }
    }
    return NULL;
}

/*
 * The body a name gives without its country, when its country is the actor's: "Portuguese
 * Tax and Customs Authority" and "Tax and Customs Authority of Portugal" are both "Tax and
 * Customs Authority" in Portugal, and so is "Directorate for Public Procurement of the
 * Republic of Slovenia" beside "Slovenian Directorate for Public Procurement".  Copied
 * into buf; NULL when the name carries no country of its own.
 */
static const char *without_country(const eco_actor *a, char *buf, size_t size)
{
    const char *space = strchr(a->name, ' '), *of, *country;
    size_t len = strlen(a->name);

    if (!a->country || !space)
        return NULL;
    if ((country = eco_i_country_of_demonym(a->name, (size_t)(space - a->name))) &&
        strcmp(country, a->country) == 0) {
        snprintf(buf, size, "%s", space + 1);
        return buf;
    }
    for (of = strstr(a->name, " of "); of; of = strstr(of + 1, " of ")) {
        const char *rest = of + 4;
        if ((country = eco_i_country_name(rest, len - (size_t)(rest - a->name))) &&
            strcmp(country, a->country) == 0 && of > a->name && (size_t)(of - a->name) < size) {
            memcpy(buf, a->name, (size_t)(of - a->name));
            buf[of - a->name] = '\0';
            return buf;
        }
    }
    return NULL;
}

static int by_word(const void *x, const void *y) { return strcmp(x, y); }

/* A body's words in any order ("Public Procurement Directorate", "Directorate for Public
 * Procurement"), in its country; 0 for a name of fewer than two content words. */
static uint64_t body_key(const char *name, const char *country)
{
    char words[16][32];
    size_t n = content_words(name, words);
    uint64_t key = eco_i_hash(country, strlen(country)) * 31;

    if (n < 2)
        return 0;
    qsort(words, n, sizeof(words[0]), by_word);
    for (size_t i = 0; i < n; i++)
        key = key * 0x100000001B3ULL ^ eco_i_hash(words[i], strlen(words[i]));
    return key ? key : 1;
}

/* Names that carry their country join the actor named by the rest in that country, or,
 * when there is none, the first other name of the same body: the same words, in any order,
 * of two or more. */
static int plan_country_forms(plan *p, const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g), j;
    eco_i_map bodies = {0};
    char buf[256];
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        const char *body = without_country(a, buf, sizeof(buf));
        uint64_t key;
        if (!body || !*body)
            continue;
        if (eco_graph_find_actor(&j, g, body, a->country) == 0 && j != i)
            rc = plan_add(p, eco_graph_actor(g, j)->id, a->id);
        else if ((key = body_key(body, a->country)) &&
                 (rc = eco_i_map_get_or_put(&bodies, key, i, &j)) == 1)
            rc = plan_add(p, eco_graph_actor(g, j)->id, a->id);
    }
    eco_i_map_free(&bodies);
    return rc < 0 ? rc : 0;
}

/* The first portfolio of a ministry's name, folded, into buf: "housing" of "Ministry of
 * Housing and Utilities", "vivienda" of "Ministerio de Vivienda, Ciudad y Territorio", and
 * "agriculture" of "Ministère en charge de l'Agriculture" (the ministry in charge of it);
 * NULL for a name that is not a ministry's or names nothing after its head. */
static const char *lead_portfolio(const char *name, char *buf, size_t size)
{
    static const char *const heads[] = {"ministry of ",          "ministry in charge of ",
                                        "ministerio de ",        "ministerio do ",
                                        "ministerio da ",
                                        "ministere de ",         "ministere en charge de ",
                                        "ministere charge de ",  NULL};
    static const char *const joints[] = {",", " and ", " y ", " et ", " e ", NULL};
    static const char *const articles[] = {"the ", "la ", "le ", "les ", "el ", "a ", "o ", NULL};
    char lead[256];
    const char *rest = NULL;
    size_t n = strlen(name);

    /* cut where the first portfolio ends, before folding drops the commas */
    for (size_t i = 0; joints[i]; i++) {
        const char *at = strstr(name, joints[i]);
        if (at && (size_t)(at - name) < n)
            n = (size_t)(at - name);
    }
    if (n >= sizeof(lead))
        return NULL;
    memcpy(lead, name, n);
    lead[n] = '\0';
    if (eco_name_fold(buf, size, lead) >= size)
        return NULL;
    for (size_t i = 0; heads[i] && !rest; i++)
        if (strncmp(buf, heads[i], strlen(heads[i])) == 0)
            rest = buf + strlen(heads[i]);
    if (!rest)
        return NULL;
    for (size_t i = 0; articles[i]; i++)
        if (strncmp(rest, articles[i], strlen(articles[i])) == 0)
            rest += strlen(articles[i]);
    return *rest ? rest : NULL;
}

/* Two ministries of one country that one record names with the same first portfolio are
 * one ministry under its older and newer, or short and full, names: "Ministry of Housing and
 * Utilities" and "Ministry of Housing and Municipal Services".  A government has one
 * ministry led by a portfolio at a time; across records, the names may be of two times. */
static int plan_lead_portfolios(plan *p, const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g), j;
    eco_i_map ministries = {0};
    char buf[128];
    const char *lead;
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        if (!a->country || !(lead = lead_portfolio(a->name, buf, sizeof(buf))))
            continue;
        uint64_t in_country = eco_i_hash(a->country, strlen(a->country)) * 0xC2B2AE3D27D4EB4FULL;
        for (size_t r = 0; r < a->record_count && rc == 0; r++) {
            uint64_t key = initials_key(lead, a->records[r]) ^ in_country;
            rc = eco_i_map_get_or_put(&ministries, key, i, &j);
            if (rc == 1)
                rc = j == i ? 0 : plan_add(p, eco_graph_actor(g, j)->id, a->id);
        }
    }
    eco_i_map_free(&ministries);
    return rc < 0 ? rc : 0;
}

static int plan_rules(plan *p, const eco_graph *g, const eco_import_options *opt)
{
    size_t n = eco_graph_actor_count(g), j;
    int rc = plan_acronyms(p, g, opt);
    char bare[256];

    if (rc == 0)
        rc = plan_initials(p, g);
    if (rc == 0)
        rc = plan_leading_acronyms(p, g);
    /* "URECA LLC" is URECA */
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        const char *name = without_legal_form(a->name, bare, sizeof(bare));
        if (name && eco_graph_find_actor(&j, g, name, a->country) == 0 && j != i)
            rc = plan_add(p, a->id, eco_graph_actor(g, j)->id);
    }

    if (rc == 0)
        rc = plan_country_forms(p, g);
    if (rc == 0)
        rc = plan_shorter_forms(p, g);
    if (rc == 0)
        rc = plan_lead_portfolios(p, g);
    return rc;
}

/* Whether actor i is an element of another tool's map: a map names its elements apart by
 * their ids, so no rule of names may join one to anything (only an exact name, when the
 * map is absorbed, or the user's alias file). */
static int from_a_map(const eco_graph *g, size_t i)
{
    static const char *const map_formats[] = {"kumu",      "kumu-json", "graphml",
                                              "node-link", "cytoscape", NULL};
    const eco_actor *a = eco_graph_actor(g, i);
    size_t r;

    for (size_t k = 0; k < a->record_count; k++) {
        const char *format = eco_graph_find_record(&r, g, a->records[k]) == 0
                                 ? eco_graph_record(g, r)->format
                                 : NULL;
        for (size_t f = 0; format && map_formats[f]; f++)
            if (strcmp(format, map_formats[f]) == 0)
                return 1;
    }
    return 0;
}

/* Carries out the plan's merges at once: one rebuild of ties and indices for them all. */
static int carry_out(eco_graph *g, const plan *p, eco_i_corrections *fix)
{
    size_t *kept = malloc((p->count + 1) * sizeof(*kept));
    size_t *absorbed = malloc((p->count + 1) * sizeof(*absorbed)), count = 0;
    int rc = kept && absorbed ? 0 : ECO_ENOMEM;

    for (size_t i = 0; i < p->count && rc == 0; i++)
        if (eco_graph_find_actor_by_id(&kept[count], g, p->items[i].kept) == 0 &&
            eco_graph_find_actor_by_id(&absorbed[count], g, p->items[i].absorbed) == 0 &&
            !from_a_map(g, kept[count]) && !from_a_map(g, absorbed[count]))
            count++;
    if (rc == 0) /* the analyst's apart lines have the last word */
        rc = eco_i_corrections_veto(fix, g, kept, absorbed, &count);
    if (rc == 0)
        rc = eco_i_graph_merge_pairs(g, kept, absorbed, count);
    free(kept);
    free(absorbed);
    return rc;
}

/* ---- Names, ids and order that do not depend on the order of inputs --------------------- */
/*
 * Readers name an actor after the first spelling they meet, number ids in the order actors
 * come ("ministry-of-education", then "-peru", then "-2"), and add actors, ties and records
 * in the order of reading.  Here each is decided again from what the whole import saw.
 */

/* Characters of UTF-8 text. */
static size_t characters(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

size_t eco_i_best_spelling(const char *const *forms, const size_t *votes, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++) {
        int c = is_acronym(forms[best]) - is_acronym(forms[i]);
        if (c == 0)
            c = votes[i] > votes[best] ? 1 : votes[i] < votes[best] ? -1 : 0;
        if (c == 0) {
            size_t a = characters(forms[i]), b = characters(forms[best]);
            c = a > b ? 1 : a < b ? -1 : 0;
        }
        if (c == 0)
            c = strcmp(forms[i], forms[best]) < 0;
        if (c > 0)
            best = i;
    }
    return best;
}

/* Gives actor i the spelling records voted for most (eco_i_best_spelling among the name and
 * the aliases that have votes, a national adjective before a voted name counting as that
 * name); an actor no record voted for keeps its name. */
static int choose_name(eco_graph *g, const eco_i_votes *ballots, size_t i)
{
    const eco_actor *a = eco_graph_actor(g, i);
    const char **forms = malloc((a->alias_count + 1) * sizeof(*forms));
    size_t *votes = malloc((a->alias_count + 1) * sizeof(*votes)), n = 0, best;
    int rc = 0;

    if (!forms || !votes) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    for (size_t k = 0; k <= a->alias_count; k++) {
        const char *form = k == 0 ? a->name : a->aliases[k - 1];
        size_t v = eco_i_votes_for(ballots, form);
        if (v > 0) {
            forms[n] = form;
            votes[n++] = v;
        }
    }
    /* "Portuguese Tax and Customs Authority" is "Tax and Customs Authority" of Portugal, as
     * plan_rules merges them: its votes go to the shorter form when that is voted too */
    for (size_t k = 0; k < n && a->country; k++) {
        const char *space = strchr(forms[k], ' '), *of;
        if (!space || !(of = eco_i_country_of_demonym(forms[k], (size_t)(space - forms[k]))) ||
            strcmp(of, a->country) != 0)
            continue;
        for (size_t j = 0; j < n; j++) {
            if (j != k && strcmp(forms[j], space + 1) == 0) {
                votes[j] += votes[k];
                forms[k] = forms[--n];
                votes[k--] = votes[n];
                break;
            }
        }
    }
    if (n > 0 && forms[best = eco_i_best_spelling(forms, votes, n)] != a->name)
        rc = eco_graph_set_actor_name(g, i, forms[best]);
cleanup:
    free(forms);
    free(votes);
    return rc;
}

/* The slug an id of name starts with (eco_name_slug, "actor" when empty), malloc'd. */
static char *base_id(const char *name)
{
    size_t n = eco_name_slug(NULL, 0, name);
    char *buf = malloc(n + 8);
    if (buf) {
        eco_name_slug(buf, n + 1, name);
        if (!buf[0])
            strcpy(buf, "actor"); /* a name in a script ids cannot hold */
    }
    return buf;
}

/* 1 when s is "" or "-" followed by digits (the number eco_graph_add_actor adds). */
static int number_suffix(const char *s)
{
    if (!*s)
        return 1;
    if (*s++ != '-' || !*s)
        return 0;
    while (*s >= '0' && *s <= '9')
        s++;
    return *s == '\0';
}

/* 1 when id is one eco_graph_add_actor would make for the actor: its name's slug, then
 * the country's, then a number. */
static int made_id(const char *id, const eco_actor *a)
{
    char *base = base_id(a->name), *country = a->country ? base_id(a->country) : NULL;
    size_t n = base ? strlen(base) : 0;
    int made = 0;

    if (base && strncmp(id, base, n) == 0) {
        const char *rest = id + n;
        made = number_suffix(rest);
        if (!made && country && rest[0] == '-' && strncmp(rest + 1, country, strlen(country)) == 0)
            made = number_suffix(rest + 1 + strlen(country));
    }
    free(base);
    free(country);
    return made;
}

typedef struct actor_key {
    char *base;         /* the slug its id is made from (owned); NULL: its id stays */
    const eco_actor *a; /* the actor */
    size_t index;       /* its index before canonicalise */
    const char *id;     /* its id after: base's buffer once made, else a's id */
} actor_key;

static int str_null_cmp(const char *x, const char *y)
{
    return x == y ? 0 : !x ? -1 : !y ? 1 : strcmp(x, y);
}

/* Actors that want one id take it in this order: no country first, then by country, name,
 * type, first record, and (never reached in practice) id. */
static int by_claim(const void *p, const void *q)
{
    const actor_key *x = p, *y = q;
    int c;
    if ((c = strcmp(x->base, y->base)) != 0 ||
        (c = str_null_cmp(x->a->country, y->a->country)) != 0 ||
        (c = strcmp(x->a->name, y->a->name)) != 0)
        return c;
    if (x->a->type != y->a->type)
        return x->a->type < y->a->type ? -1 : 1;
    if ((c = str_null_cmp(x->a->record_count ? x->a->records[0] : NULL,
                          y->a->record_count ? y->a->records[0] : NULL)) != 0)
        return c;
    return strcmp(x->a->id, y->a->id);
}

static int by_new_id(const void *p, const void *q)
{
    return strcmp(((const actor_key *)p)->id, ((const actor_key *)q)->id);
}

/* Hash of an id that made_id held for the actor's, so that its id is made again once merges
 * and the alias file have renamed it. */
static uint64_t id_key(const char *id)
{
    return eco_i_hash(id, strlen(id));
}

/* Assigns every actor its id: one made from its name (made ids, in by_claim order, taking
 * the first free of slug, slug-country, slug[-country]-2, -3 ...), or the id it has. */
static int assign_ids(actor_key *keys, size_t n, eco_i_map *made)
{
    eco_i_map taken = {0};
    char *buf = NULL;
    size_t cap = 0;
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++)
        if (!keys[i].base)
            rc = eco_i_map_put(&taken, id_key(keys[i].id), i);
    for (size_t i = 0; i < n && rc == 0; i++) {
        const actor_key *k = &keys[i];
        if (!k->base)
            continue;
        size_t need = strlen(k->base) + (k->a->country ? strlen(k->a->country) * 4 : 0) + 32;
        if (eco_i_reserve(&buf, &cap, need, 1) < 0) {
            rc = ECO_ENOMEM;
            break;
        }
        strcpy(buf, k->base);
        if (eco_i_map_get(&taken, id_key(buf), NULL) && k->a->country) {
            char *country = base_id(k->a->country);
            if (!country) {
                rc = ECO_ENOMEM;
                break;
            }
            strcat(strcat(buf, "-"), country);
            free(country);
        }
        size_t end = strlen(buf);
        for (unsigned long number = 2; eco_i_map_get(&taken, id_key(buf), NULL); number++)
            snprintf(buf + end, cap - end, "-%lu", number);
        /* the key's base buffer becomes its id */
        char *id = realloc(keys[i].base, strlen(buf) + 1);
        if (!id) {
            rc = ECO_ENOMEM;
            break;
        }
        keys[i].base = strcpy(id, buf);
        keys[i].id = id;
        if ((rc = eco_i_map_put(&taken, id_key(id), i)) == 0)
            rc = eco_i_map_put(made, id_key(id), 0);
    }
    free(buf);
    eco_i_map_free(&taken);
    return rc;
}

/*
 * Puts g in the order the native map is written in, with ids made from names where they
 * were made from names (made holds such ids once made here): actors by id, an undirected
 * tie's ends in id order, ties by their ends' ids, kind and direction, records by id; so
 * that a command that imports records on the fly sees the graph it would load.
 * O(actors log actors + ties log ties + names).
 */
static int canonicalise(eco_graph *g, eco_i_map *made)
{
    size_t na = eco_graph_actor_count(g), made_count = 0;
    actor_key *keys = calloc(na ? na : 1, sizeof(*keys));
    size_t *order = malloc((na ? na : 1) * sizeof(*order));
    const char **ids = malloc((na ? na : 1) * sizeof(*ids));
    int rc = 0;

    if (!keys || !order || !ids)
        goto oom;
    for (size_t i = 0; i < na; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        keys[i] = (actor_key){NULL, a, i, a->id};
        if (eco_i_map_get(made, id_key(a->id), NULL) || made_id(a->id, a)) {
            if (!(keys[i].base = base_id(a->name)))
                goto oom;
            made_count++;
        }
    }
    /* the actors whose ids are made first, so that assign_ids claims them in order */
    for (size_t i = 0, front = 0; i < na; i++)
        if (keys[i].base) {
            actor_key t = keys[front];
            keys[front++] = keys[i];
            keys[i] = t;
        }
    qsort(keys, made_count, sizeof(*keys), by_claim);
    if ((rc = assign_ids(keys, na, made)) < 0)
        goto cleanup;
    qsort(keys, na, sizeof(*keys), by_new_id);
    for (size_t k = 0; k < na; k++) {
        order[k] = keys[k].index;
        ids[k] = keys[k].base; /* NULL: the id stays */
    }
    rc = eco_i_graph_reorder(g, order, ids);
    goto cleanup;
oom:
    rc = ECO_ENOMEM;
cleanup:
    for (size_t i = 0; keys && i < na; i++)
        free(keys[i].base);
    free(keys);
    free(order);
    free(ids);
    return rc;
}

int eco_i_resolve(eco_graph *g, const eco_i_votes *votes, const eco_i_lexicon *aliases,
                  const char *aliases_source, eco_i_corrections *fix,
                  const eco_import_options *opt, eco_error *err)
{
    plan p = {NULL, 0, 0};
    eco_i_map made = {0};
    int rc = 0;

    /* names by vote, then ids and order, so that merges are planned on a graph that does
     * not depend on the order of reading; ids and order again after merging and renaming */
    for (size_t i = 0; i < eco_graph_actor_count(g) && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        if (made_id(a->id, a))
            rc = eco_i_map_put(&made, id_key(a->id), 0);
    }
    for (size_t i = 0; i < eco_graph_actor_count(g) && rc == 0; i++)
        rc = choose_name(g, votes, i);
    if (rc < 0 || (rc = canonicalise(g, &made)) < 0 || (rc = plan_rules(&p, g, opt)) < 0 ||
        (rc = carry_out(g, &p, fix)) < 0) {
        eco_error_set(err, rc, NULL, 0, 0, "out of memory merging actors");
        goto cleanup;
    }
    if (aliases && (rc = eco_i_aliases_apply(g, aliases)) < 0) {
        eco_error_set(err, rc, aliases_source, 0, 0, "aliases cannot be applied");
        goto cleanup;
    }
    if ((rc = eco_i_corrections_apply(fix, g, err)) < 0)
        goto cleanup;
    if ((rc = canonicalise(g, &made)) < 0)
        eco_error_set(err, rc, NULL, 0, 0, "out of memory ordering the map");
cleanup:
    free(p.items);
    eco_i_map_free(&made);
    return rc;
}
