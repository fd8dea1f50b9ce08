/*
 * core/lexicon.c - organisations known by name: the gazetteer shipped with ecomap, and
 * lexicons built from the alias files users write (import/aliases.c reads those).
 *
 * The gazetteer is data/gazetteer.tsv, compiled into the library at build time so that it
 * works without installing.  Each form is hashed once after folding, so a lookup is one
 * fold and one probe.  Short forms in capitals ("UN", "EU", "OGP") match only in capitals:
 * "Eu" and "un" are words.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vocabulary.h"

extern const unsigned char eco_i_gazetteer_text[];
extern const size_t eco_i_gazetteer_len;

struct eco_i_lexicon {
    eco_i_known *entries; /* canonical entries */
    size_t count, cap;
    char **forms;         /* every alias, in entry order, for eco_i_lexicon_each */
    size_t *form_entry;   /* the entry of each form */
    size_t form_count, form_cap, entry_cap;
    eco_i_map folded;     /* folded form -> entry */
    eco_i_map exact;      /* short capitals form, as written -> entry */
    eco_i_map by_name;    /* eco_i_hash of an entry's name -> the entry */
    eco_i_pool *pool;     /* the strings */
};

int eco_i_lexicon_new(eco_i_lexicon **out)
{
    eco_i_lexicon *lex = calloc(1, sizeof(*lex));
    if (!lex || eco_i_pool_new(&lex->pool) < 0) {
        free(lex);
        return ECO_ENOMEM;
    }
    *out = lex;
    return 0;
}

void eco_i_lexicon_free(eco_i_lexicon *lex)
{
    if (!lex)
        return;
    free(lex->entries);
    free(lex->forms);
    free(lex->form_entry);
    eco_i_map_free(&lex->folded);
    eco_i_map_free(&lex->exact);
    eco_i_map_free(&lex->by_name);
    eco_i_pool_free(lex->pool);
    free(lex);
}

/* Short and in capitals: an acronym, which must match as written. */
static int is_short_capitals(const char *s, size_t len)
{
    if (len > 5)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '+'))
            return 0;
    return 1;
}

int eco_i_lexicon_add_form(eco_i_lexicon *lex, const char *form, size_t len, size_t entry)
{
    int rc = 0;
    const char *pooled;
    uint64_t key;

    while (len && form[0] == ' ')
        form++, len--;
    while (len && form[len - 1] == ' ')
        len--;
    if (len == 0)
        return 0;
    if (!(pooled = eco_i_pool_intern_n(lex->pool, form, len, &rc)))
        return rc;
    if (eco_i_reserve(&lex->forms, &lex->form_cap, lex->form_count + 1, sizeof(*lex->forms)) < 0)
        return ECO_ENOMEM;
    if (eco_i_reserve(&lex->form_entry, &lex->entry_cap, lex->form_count + 1, sizeof(size_t)) < 0)
        return ECO_ENOMEM;
    lex->forms[lex->form_count] = (char *)pooled;
    lex->form_entry[lex->form_count++] = entry;
    if (is_short_capitals(form, len))
        return eco_i_map_put(&lex->exact, eco_i_hash(form, len), entry);
    if ((key = eco_i_fold_hash(form, len)) == 0)
        return 0;
    return eco_i_map_put(&lex->folded, key, entry);
}

int eco_i_lexicon_add_entry(eco_i_lexicon *lex, size_t *out, const char *name,
                            eco_actor_type type, const char *country)
{
    size_t len = strlen(name);
    int rc = 0;
    eco_i_known *e;

    /* An alias file may name one canonical organisation on many lines: found by its hash,
     * so that 100,000 lines cost 100,000 probes, not five billion comparisons. */
    uint64_t key = eco_i_hash(name, len);
    if (eco_i_map_get(&lex->by_name, key, out) && strcmp(lex->entries[*out].name, name) == 0) {
        if (type != ECO_TYPE_UNKNOWN)
            lex->entries[*out].type = type;
        return 0;
    }
    if (eco_i_reserve(&lex->entries, &lex->cap, lex->count + 1, sizeof(*lex->entries)) < 0)
        return ECO_ENOMEM;
    e = &lex->entries[lex->count];
    if (!(e->name = eco_i_pool_intern_n(lex->pool, name, len, &rc)))
        return rc;
    e->type = type;
    e->worldwide = 0;
    e->country = country ? eco_i_pool_intern(lex->pool, country, &rc) : NULL;
    if (country && !e->country)
        return rc;
    *out = lex->count++;
    if (!eco_i_map_get(&lex->by_name, key, NULL) && eco_i_map_put(&lex->by_name, key, *out) < 0)
        return ECO_ENOMEM;
    return eco_i_lexicon_add_form(lex, name, len, *out);
}

/* ---- The gazetteer ---------------------------------------------------------------------- */

/* Splits a line into at most max fields at tabs; the last takes the rest of the line.
 * Returns the number of fields. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;

    fields[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    return n;
}

/* One line of data/gazetteer.tsv: "canonical<TAB>type<TAB>country or -<TAB>names|...". */
static int gazetteer_line(eco_i_lexicon *lex, char *line)
{
    char *f[4] = {NULL, NULL, NULL, NULL};
    size_t n = split_tabs(line, f, 4), entry;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    const char *country = NULL;
    int rc;

    if (!*f[0] || (n > 1 && *f[1] && strcmp(f[1], "-") != 0 &&
                   eco_actor_type_from_name(&type, f[1]) < 0))
        return ECO_EDATA;
    if (n > 2 && *f[2] && strcmp(f[2], "-") != 0 &&
        !(country = eco_i_country_name(f[2], strlen(f[2]))))
        country = f[2];
    if ((rc = eco_i_lexicon_add_entry(lex, &entry, f[0], type, country)) < 0)
        return rc;
    lex->entries[entry].worldwide = 1;
    for (char *a = n > 3 ? f[3] : NULL; a && *a;) {
        size_t len = strcspn(a, "|");
        if ((rc = eco_i_lexicon_add_form(lex, a, len, entry)) < 0)
            return rc;
        a += len + (a[len] == '|');
    }
    return 0;
}

static eco_i_lexicon *gazetteer;
static pthread_once_t gazetteer_once = PTHREAD_ONCE_INIT;

/* Builds the gazetteer from the compiled-in text; leaves it NULL when memory runs out. */
static void build_gazetteer(void)
{
    const char *text = (const char *)eco_i_gazetteer_text;
    size_t len = eco_i_gazetteer_len, at = 0;
    eco_i_lexicon *lex = NULL;
    char line[2048];
    int rc;

    if (eco_i_lexicon_new(&lex) < 0)
        return;
    for (rc = 0; at < len && rc == 0;) {
        const char *eol = memchr(text + at, '\n', len - at);
        size_t n = (size_t)((eol ? eol : text + len) - (text + at));
        if (n >= sizeof(line))
            rc = ECO_EDATA;
        else {
            memcpy(line, text + at, n);
            while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
                n--;
            line[n] = '\0';
            if (n > 0 && line[0] != '#')
                rc = gazetteer_line(lex, line);
        }
        at = eol ? (size_t)(eol - text) + 1 : len;
    }
    if (rc < 0) {
        eco_i_lexicon_free(lex);
        return;
    }
    gazetteer = lex;
}

const eco_i_lexicon *eco_i_gazetteer(void)
{
    if (pthread_once(&gazetteer_once, build_gazetteer) != 0)
        return NULL;
    return gazetteer;
}

/* ---- Lookup ----------------------------------------------------------------------------- */

const eco_i_known *eco_i_lexicon_find_key(const eco_i_lexicon *lex, const char *text, size_t len,
                                          uint64_t key)
{
    size_t entry;

    if (!lex || len == 0)
        return NULL;
    if (is_short_capitals(text, len))
        return eco_i_map_get(&lex->exact, eco_i_hash(text, len), &entry) ? &lex->entries[entry]
                                                                         : NULL;
    if (len > 200 || key == 0)
        return NULL;
    return eco_i_map_get(&lex->folded, key, &entry) ? &lex->entries[entry] : NULL;
}

const eco_i_known *eco_i_lexicon_find(const eco_i_lexicon *lex, const char *text, size_t len)
{
    if (!lex || len == 0 || len > 200)
        return NULL;
    return eco_i_lexicon_find_key(lex, text, len,
                                  is_short_capitals(text, len) ? 0 : eco_i_fold_hash(text, len));
}

size_t eco_i_lexicon_entry_count(const eco_i_lexicon *lex)
{
    return lex ? lex->count : 0;
}

int eco_i_lexicon_each(const eco_i_lexicon *lex, eco_i_lexicon_fn fn, void *ctx)
{
    int rc;
    for (size_t i = 0; lex && i < lex->form_count; i++)
        if ((rc = fn(lex->forms[i], &lex->entries[lex->form_entry[i]], ctx)) < 0)
            return rc;
    return 0;
}

/* A body the gazetteer knows to work worldwide, with no country of its own. */
static int worldwide_entry(const char *text, size_t len)
{
    const eco_i_known *k = eco_i_lexicon_find(eco_i_gazetteer(), text, len);
    return k && k->worldwide && !k->country;
}

int eco_i_works_worldwide(const char *name)
{
    const char *last = strrchr(name, ' ');
    size_t first = strcspn(name, " ");

    if (worldwide_entry(name, strlen(name)))
        return 1;
    /* "WWF Pakistan", "Unilever Pakistan": its office in a country, which the name says */
    if (!last || eco_i_country_name(last + 1, strlen(last + 1)))
        return 0;
    if ((first == 5 && strncmp(name, "World", 5) == 0) ||
        (first == 6 && strncmp(name, "Global", 6) == 0))
        return 1;
    first -= eco_i_possessive_length(name, first);
    return worldwide_entry(name, first) || worldwide_entry(last + 1, strlen(last + 1));
}
