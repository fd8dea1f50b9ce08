/*
 * import/aliases.c - the user's alias file (--aliases): CSV lines "alias,canonical[,type,
 * country]", read into a lexicon of known organisations (core/lexicon.c) once per import.
 * Each line is one row of the CSV reader (import/csv.c), so a quoted field ends on its line.
 * The records' readers recognise its names in text, as they do the gazetteer's, and
 * resolution merges and renames the actors its lines designate.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hub.h"

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

/* Reads the n bytes of line as one CSV row, into csv: a quoted field ends on its line.  0,
 * or ECO_EDATA or ECO_ENOMEM with err naming the line. */
static int read_row(eco_i_csv *csv, const char *line, size_t n, const char *source, int line_no,
                    eco_error *err)
{
    eco_error row_err = {0};
    int rc;

    eco_i_csv_init(csv, line, n);
    csv->delimiter = ','; /* whatever the line holds most of */
    if ((rc = eco_i_csv_row(csv, source, &row_err)) > 0)
        return 0;
    if (rc == ECO_ENOMEM)
        return eco_error_set(err, rc, source, line_no, 0, "out of memory");
    if (strstr(row_err.text, "never closed"))
        return eco_error_set(err, ECO_EDATA, source, line_no, 1, "quote not closed on this line");
    return eco_error_set(err, ECO_EDATA, source, line_no, row_err.column, "%s", row_err.text);
}

/* One line "alias,canonical[,type,country]" of an alias file; fields past the fourth are
 * left out. */
static int parse_line(eco_i_lexicon *lex, const char *line, size_t len, const char *source,
                      int line_no, eco_error *err)
{
    eco_i_csv csv;
    const char *f[4] = {"", "", "", ""};
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    const char *country = NULL;
    size_t entry;
    int rc;

    if ((rc = read_row(&csv, line, len, source, line_no, err)) < 0)
        goto cleanup;
    for (size_t i = 0; i < csv.count && i < 4; i++)
        f[i] = csv.fields[i].text;
    const char *canonical = *f[1] ? f[1] : f[0];
    if (!*canonical) {
        rc = eco_error_set(err, ECO_EDATA, source, line_no, 1, "alias line has no name");
        goto cleanup;
    }
    if (*f[2] && strcmp(f[2], "-") != 0 && eco_actor_type_from_name(&type, f[2]) < 0) {
        rc = eco_error_set(err, ECO_EDATA, source, line_no, 1, "unknown actor type \"%s\"", f[2]);
        goto cleanup;
    }
    if (*f[3] && strcmp(f[3], "-") != 0 && !(country = eco_i_country_name(f[3], strlen(f[3]))))
        country = f[3];
    if ((*f[0] && (rc = check_cycle(lex, f[0], canonical, source, line_no, err)) < 0) ||
        (rc = eco_i_lexicon_add_entry(lex, &entry, canonical, type, country)) < 0)
        goto cleanup;
    rc = eco_i_lexicon_add_form(lex, f[0], strlen(f[0]), entry);
cleanup:
    eco_i_csv_free(&csv);
    return rc;
}

int eco_i_aliases_parse(eco_i_lexicon *lex, const char *text, size_t len, const char *source,
                        eco_error *err)
{
    size_t at = 0;
    int line_no = 0, rc = 0;

    while (at < len && rc == 0) {
        const char *line = text + at, *eol = memchr(line, '\n', len - at);
        size_t n = (size_t)((eol ? eol : text + len) - line);
        line_no++;
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            n--;
        at = eol ? (size_t)(eol - text) + 1 : len;
        if (n > 0 && line[0] != '#' && !(line_no == 1 && n >= 6 && strncmp(line, "alias,", 6) == 0))
            rc = parse_line(lex, line, n, source, line_no, err);
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
