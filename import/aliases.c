/*
 * import/aliases.c - the user's alias file (--aliases): CSV lines "alias,canonical[,type,
 * country]", read into a lexicon of known organisations (core/lexicon.c) once per import.
 * The records' readers recognise its names in text, as they do the gazetteer's, and
 * resolution merges and renames the actors its lines designate.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

/* Splits a line into at most max fields at commas, honouring CSV quotes.  Returns the number
 * of fields, or 0 when a quote is not closed on the line. */
static size_t split_fields(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *w = line, *r = line;

    fields[n++] = w;
    while (*r) {
        if (*r == '"') {
            for (r++; *r && !(*r == '"' && r[1] != '"'); r++)
                *w++ = *r == '"' ? *++r : *r;
            if (!*r)
                return 0; /* an alias file holds one alias a line: no quoted line breaks */
            r++;
            continue;
        }
        if (*r == ',' && n < max) {
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

    for (size_t steps = 0; steps <= eco_i_lexicon_entry_count(lex); steps++) {
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

/* One line "alias,canonical[,type,country]" of an alias file. */
static int parse_line(eco_i_lexicon *lex, char *line, const char *source, int line_no,
                      eco_error *err)
{
    char *f[4] = {NULL, NULL, NULL, NULL};
    size_t n = split_fields(line, f, 4);
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    const char *type_name = n > 2 ? f[2] : "", *country_field = n > 3 ? f[3] : "";
    const char *canonical = n > 1 && *f[1] ? f[1] : f[0];
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
    if (*f[0] && (rc = check_cycle(lex, f[0], canonical, source, line_no, err)) < 0)
        return rc;
    if ((rc = eco_i_lexicon_add_entry(lex, &entry, canonical, type, country)) < 0)
        return rc;
    return eco_i_lexicon_add_form(lex, f[0], strlen(f[0]), entry);
}

int eco_i_aliases_parse(eco_i_lexicon *lex, const char *text, size_t len, const char *source,
                        eco_error *err)
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
            !(line_no == 1 && strncmp(line, "alias,", 6) == 0))
            rc = parse_line(lex, line, source, line_no, err);
        free(line);
    }
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, source, line_no, 0, "out of memory");
    return rc;
}

/* ---- Files ------------------------------------------------------------------------------ */

int eco_i_aliases_load(eco_i_lexicon **out, const char *path, eco_error *err)
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
    if ((rc = eco_i_aliases_parse(lex, text, len, path, err)) < 0)
        goto cleanup;
    *out = lex;
    lex = NULL;
cleanup:
    eco_i_lexicon_free(lex);
    free(text);
    fclose(fp);
    return rc;
}
