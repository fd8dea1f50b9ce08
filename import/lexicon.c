/*
 * import/lexicon.c - organisations known by name: the gazetteer shipped with ecomap and
 * the alias files users write.
 *
 * The gazetteer is data/gazetteer.tsv, compiled into the library at build time so that it
 * works without installing; users extend it with `--aliases FILE`, whose names are
 * recognised in text the same way.  Each form is hashed once after folding, so a lookup is
 * one fold and one probe.  Short forms in capitals ("UN", "EU", "OGP") match only in
 * capitals: "Eu" and "un" are words.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

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

static int add_form(eco_i_lexicon *lex, const char *form, size_t len, size_t entry)
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

static int add_entry(eco_i_lexicon *lex, size_t *out, const char *name, size_t len,
                     eco_actor_type type, const char *country)
{
    int rc = 0;
    eco_i_known *e;

    if (eco_i_reserve(&lex->entries, &lex->cap, lex->count + 1, sizeof(*lex->entries)) < 0)
        return ECO_ENOMEM;
    e = &lex->entries[lex->count];
    if (!(e->name = eco_i_pool_intern_n(lex->pool, name, len, &rc)))
        return rc;
    e->type = type;
    e->country = country ? eco_i_pool_intern(lex->pool, country, &rc) : NULL;
    if (country && !e->country)
        return rc;
    *out = lex->count++;
    return add_form(lex, name, len, *out);
}

/* ---- Parsing ---------------------------------------------------------------------------- */

/* Splits a line into at most max fields at sep; CSV quotes are honoured when csv.  Returns
 * the number of fields, or 0 when a quote is not closed on the line. */
static size_t split_fields(char *line, char sep, int csv, char **fields, size_t max)
{
    size_t n = 0;
    char *w = line, *r = line;

    fields[n++] = w;
    while (*r) {
        if (csv && *r == '"') {
            for (r++; *r && !(*r == '"' && r[1] != '"'); r++)
                *w++ = *r == '"' ? *++r : *r;
            if (!*r)
                return 0; /* an alias file holds one alias a line: no quoted line breaks */
            r++;
            continue;
        }
        if (*r == sep && n < max) {
            *w++ = '\0';
            r++;
            fields[n++] = w;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
    return n;
}

static int same_name(const char *a, const char *b)
{
    char fa[256], fb[256];
    eco_name_fold(fa, sizeof(fa), a);
    eco_name_fold(fb, sizeof(fb), b);
    return strcmp(fa, fb) == 0;
}

/*
 * Refuses a line that would make alias a name of canonical when canonical already is, by
 * earlier lines, a name of alias (directly or through others): "A,B" then "B,A" leaves no
 * name to call the body by.  Walks from canonical to the body it names, at most once per
 * entry, so a long chain costs lines, not more.
 */
static int check_cycle(const eco_i_lexicon *lex, const char *alias, const char *canonical,
                       const char *source, int line_no, eco_error *err)
{
    const char *name = canonical;

    for (size_t steps = 0; steps <= lex->count; steps++) {
        const eco_i_known *e = eco_i_lexicon_find(lex, name, strlen(name));
        if (!e || same_name(e->name, name))
            return 0;
        if (same_name(e->name, alias))
            return eco_error_set(err, ECO_EDATA, source, line_no, 1,
                                 "aliases go round in a circle: \"%s\" is already a name of "
                                 "\"%s\"; keep one of the two lines",
                                 canonical, alias);
        name = e->name;
    }
    return 0;
}

static int parse_line(eco_i_lexicon *lex, char *line, int csv, const char *source, int line_no,
                      eco_error *err)
{
    char *f[4] = {NULL, NULL, NULL, NULL};
    size_t n = split_fields(line, csv ? ',' : '\t', csv, f, 4);
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    const char *type_name = csv ? (n > 2 ? f[2] : "") : (n > 1 ? f[1] : "");
    const char *country_field = csv ? (n > 3 ? f[3] : "") : (n > 2 ? f[2] : "");
    const char *canonical = csv && n > 1 && *f[1] ? f[1] : f[0];
    const char *country = NULL;
    size_t entry;
    int rc;

    if (n == 0)
        return eco_error_set(err, ECO_EDATA, source, line_no, 1, "quote not closed on this line");
    if (!*canonical)
        return eco_error_set(err, ECO_EDATA, source, line_no, 1, "alias line has no name");
    if (*type_name && strcmp(type_name, "-") != 0 && eco_actor_type_from_name(&type, type_name) < 0)
        return eco_error_set(err, ECO_EDATA, source, line_no, 1, "unknown actor type \"%s\"",
                             type_name);
    if (*country_field && strcmp(country_field, "-") != 0) {
        country = eco_i_country_name(country_field, strlen(country_field));
        if (!country)
            country = country_field;
    }
    if (csv && *f[0] && (rc = check_cycle(lex, f[0], canonical, source, line_no, err)) < 0)
        return rc;
    /* An alias file may name one canonical organisation on many lines. */
    for (entry = 0; entry < lex->count; entry++)
        if (strcmp(lex->entries[entry].name, canonical) == 0)
            break;
    if (entry == lex->count &&
        (rc = add_entry(lex, &entry, canonical, strlen(canonical), type, country)) < 0)
        return rc;
    if (type != ECO_TYPE_UNKNOWN)
        lex->entries[entry].type = type;
    if (csv)
        return add_form(lex, f[0], strlen(f[0]), entry);
    for (char *a = n > 3 ? f[3] : NULL; a && *a;) {
        size_t len = strcspn(a, "|");
        if ((rc = add_form(lex, a, len, entry)) < 0)
            return rc;
        a += len + (a[len] == '|');
    }
    return 0;
}

int eco_i_lexicon_parse(eco_i_lexicon *lex, const char *text, size_t len, int csv,
                        const char *source, eco_error *err)
{
    size_t at = 0;
    int line_no = 0, rc = 0;
    char *line = NULL;

    while (at < len && rc == 0) {
        const char *eol = memchr(text + at, '\n', len - at);
        size_t n = (size_t)((eol ? eol : text + len) - (text + at));
        line_no++;
        if (!(line = malloc(n + 1)))
            return eco_error_set(err, ECO_ENOMEM, source, line_no, 0, "out of memory");
        memcpy(line, text + at, n);
        line[n] = '\0';
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        at = eol ? (size_t)(eol - text) + 1 : len;
        if (n > 0 && line[0] != '#' &&
            !(csv && line_no == 1 && strncmp(line, "alias,", 6) == 0))
            rc = parse_line(lex, line, csv, source, line_no, err);
        free(line);
    }
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, source, line_no, 0, "out of memory");
    return rc;
}

/* ---- The gazetteer ---------------------------------------------------------------------- */

static eco_i_lexicon *gazetteer;
static pthread_once_t gazetteer_once = PTHREAD_ONCE_INIT;

static void build_gazetteer(void)
{
    eco_error err = {0};
    eco_i_lexicon *lex = NULL;

    if (eco_i_lexicon_new(&lex) < 0)
        return;
    if (eco_i_lexicon_parse(lex, (const char *)eco_i_gazetteer_text, eco_i_gazetteer_len, 0, "gazetteer",
                            &err) < 0) {
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

/* ---- Alias files ------------------------------------------------------------------------ */

int eco_i_lexicon_load(eco_i_lexicon **out, const char *path, eco_error *err)
{
    FILE *fp = fopen(path, "rb");
    eco_i_lexicon *lex = NULL;
    char *text = NULL;
    size_t len = 0, cap = 0;
    int rc = 0;

    if (!fp) /* fopen allocates: it can fail for want of memory too */
        return eco_error_set(err, errno == ENOMEM ? ECO_ENOMEM : ECO_ENOINPUT, path, 0, 0,
                             "cannot open: %s", strerror(errno));
    for (;;) {
        if (eco_i_reserve(&text, &cap, len + 4097, 1) < 0) {
            rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
            goto cleanup;
        }
        size_t got = fread(text + len, 1, 4096, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        rc = eco_error_set(err, ECO_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
        goto cleanup;
    }
    if ((rc = eco_i_lexicon_new(&lex)) < 0) {
        eco_error_set(err, rc, path, 0, 0, "out of memory");
        goto cleanup;
    }
    if ((rc = eco_i_lexicon_parse(lex, text, len, 1, path, err)) < 0)
        goto cleanup;
    *out = lex;
    lex = NULL;
cleanup:
    eco_i_lexicon_free(lex);
    free(text);
    fclose(fp);
    return rc;
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

int eco_i_lexicon_each(const eco_i_lexicon *lex, eco_i_lexicon_fn fn, void *ctx)
{
    int rc;
    for (size_t i = 0; lex && i < lex->form_count; i++)
        if ((rc = fn(lex->forms[i], &lex->entries[lex->form_entry[i]], ctx)) < 0)
            return rc;
    return 0;
}
