/*
 * import/prose/table_columns.c - which column of a table of records is what: by their
 * headers for the layouts ecomap knows, or by a --columns file for any other table.
 *
 * Headers are compared trimmed and in any case.  A key column is pad_id before id before
 * cid; a title is title before name; text is content, description, body, summary,
 * abstract or text, and snippet or vignette only when no other column holds text (they
 * repeat the start of content).  An organisation column is organisation, organization,
 * their _name forms, or any column ending so (lead_organisation_name); its type, role and
 * country are the columns of its prefix ending _category, _type or _sector, _role, and
 * _country.  Topics are issues, topics, themes, keywords, tags and the like, every such
 * column.  Codes (iso3, lat, lng, numbered tags, *_codes) are marked so that nothing ever
 * reads one as a name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "table.h"

#define NAME_MAX_LEN 128

/* A column's header, trimmed and lower case, into buf. */
static void header_name(char *buf, size_t n, const char *cell)
{
    size_t len = 0;
    cell += strspn(cell, " \t\r\n\"");
    for (; *cell && len + 1 < n; cell++)
        buf[len++] = (char)(*cell >= 'A' && *cell <= 'Z' ? *cell + 32 : *cell);
    while (len && strchr(" \t\r\n\"", buf[len - 1]))
        len--;
    buf[len] = '\0';
}

static int ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

/* 1 when name is in the NULL-terminated list. */
static int one_of(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

/* ---- Layouts known by their headers ----------------------------------------------------- */

static int is_code(const char *n)
{
    static const char *const codes[] = {"iso3", "iso2", "iso", "iso_code", "country_code",
                                        "lat", "lng", "lon", "latitude", "longitude",
                                        "contributor_id", "source_pad_id", "email", "url",
                                        NULL};
    return one_of(n, codes) || ends_with(n, "-iso3") || ends_with(n, "-lat") ||
           ends_with(n, "-lng") || ends_with(n, "_codes") || ends_with(n, "_code") ||
           strstr(n, "-tag-") != NULL;
}

/* How strongly name claims a role of a record (0: not at all). */
static int rank_for(const char *n, eco_i_column_role role)
{
    static const char *const texts[] = {"content", "description", "body", "summary",
                                        "abstract", "text", NULL};
    static const char *const years[] = {"year", "start_date", "post_date", "created_at",
                                        "date", "published_at", "start_year", NULL};
    /* what a record is about; not Participedia's "sector", which says what kind of body
     * organised a case (government, non-profit), a type rather than a topic */
    static const char *const topics[] = {"topics", "topic",  "issues",
                                         "general_issues", "specific_topics", "themes",
                                         "theme",  "keywords", "tags",
                                         "primary_sector", "secondary_sector", NULL};
    switch (role) {
    case ECO_I_COLUMN_ID:
        return strcmp(n, "pad_id") == 0 ? 3 : strcmp(n, "id") == 0 ? 2 : strcmp(n, "cid") == 0;
    case ECO_I_COLUMN_TITLE:
        return strcmp(n, "title") == 0 ? 2 : strcmp(n, "name") == 0;
    case ECO_I_COLUMN_COUNTRY:
        return strcmp(n, "country") == 0 || strcmp(n, "country_name") == 0 ? 3
               : strcmp(n, "location-1-country") == 0                      ? 2
                                                                            : strcmp(n, "geocoverage") == 0;
    case ECO_I_COLUMN_YEAR:
        for (int i = 0; years[i]; i++)
            if (strcmp(n, years[i]) == 0)
                return 10 - i;
        return 0;
    case ECO_I_COLUMN_TEXT:
        return one_of(n, texts) ? 2 : strcmp(n, "snippet") == 0 || strcmp(n, "vignette") == 0;
    case ECO_I_COLUMN_TOPICS:
        return one_of(n, topics);
    default:
        return 0;
    }
}

/* The prefix an organisation column gives its type, role and country columns ("lead" of
 * "lead_organisation_name"), into buf; 0 when name is no organisation column. */
static int organisation_prefix(const char *n, char *buf, size_t size)
{
    static const char *const ends[] = {"organisation_name", "organization_name", "organisation",
                                       "organization", "org_name", NULL};
    for (int i = 0; ends[i]; i++)
        if (ends_with(n, ends[i])) {
            size_t keep = strlen(n) - strlen(ends[i]);
            if (keep && n[keep - 1] != '_')
                return 0; /* "reorganisation" */
            snprintf(buf, size, "%.*s%s", (int)keep, n, "organisation");
            return 1;
        }
    return 0;
}

/* The stem of a describing column ("lead_organisation" of "lead_organisation_category"),
 * organization spelt organisation, into buf. */
static void describing_stem(char *buf, size_t size, const char *n, size_t len)
{
    snprintf(buf, size, "%.*s", (int)len, n);
    if (ends_with(buf, "organization"))
        memcpy(buf + strlen(buf) - 3, "sat", 3);
}

/* The organisation column that a column named n describes, by its prefix, and the role it
 * plays for it; ECO_I_NONE when none. */
static size_t described(const eco_i_table_layout *l, char names[][NAME_MAX_LEN], const char *n,
                        eco_i_column_role *role)
{
    static const struct {
        const char *end;
        eco_i_column_role role;
    } ends[] = {{"_category", ECO_I_COLUMN_TYPE}, {"_type", ECO_I_COLUMN_TYPE},
                {"_sector", ECO_I_COLUMN_TYPE},   {"_role", ECO_I_COLUMN_ROLE},
                {"_country", ECO_I_COLUMN_ORG_COUNTRY}};
    char prefix[NAME_MAX_LEN], stem[NAME_MAX_LEN], longer[NAME_MAX_LEN + 16];

    for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
        if (!ends_with(n, ends[e].end))
            continue;
        describing_stem(stem, sizeof(stem), n, strlen(n) - strlen(ends[e].end));
        snprintf(longer, sizeof(longer), "%s_organisation", stem); /* lead_type */
        for (size_t k = 0; k < l->count; k++)
            if (l->role[k] == ECO_I_COLUMN_ORGANISATION &&
                organisation_prefix(names[k], prefix, sizeof(prefix)) &&
                (strcmp(prefix, stem) == 0 || strcmp(prefix, longer) == 0)) {
                *role = ends[e].role;
                return k;
            }
    }
    return ECO_I_NONE;
}

static int layout_alloc(eco_i_table_layout *l, size_t count)
{
    *l = (eco_i_table_layout){calloc(count + 1, sizeof(*l->role)),
                              malloc((count + 1) * sizeof(*l->owner)), count, 0, 0};
    if (!l->role || !l->owner) {
        eco_i_table_layout_free(l);
        return ECO_ENOMEM;
    }
    for (size_t c = 0; c < count; c++)
        l->owner[c] = ECO_I_NONE;
    return 0;
}

void eco_i_table_layout_free(eco_i_table_layout *layout)
{
    free(layout->role);
    free(layout->owner);
    layout->role = NULL;
    layout->owner = NULL;
    layout->count = 0;
}

/* Gives role to the one column that claims it most strongly, if any; for text and topics,
 * to every column that claims it as strongly as the strongest. */
static void assign_best(eco_i_table_layout *l, char names[][NAME_MAX_LEN], eco_i_column_role role)
{
    int best = 0;
    for (size_t c = 0; c < l->count; c++)
        if (l->role[c] == ECO_I_COLUMN_OTHER && rank_for(names[c], role) > best)
            best = rank_for(names[c], role);
    for (size_t c = 0; best && c < l->count; c++)
        if (l->role[c] == ECO_I_COLUMN_OTHER && rank_for(names[c], role) == best) {
            l->role[c] = role;
            l->texts += role == ECO_I_COLUMN_TEXT;
            if (role != ECO_I_COLUMN_TEXT && role != ECO_I_COLUMN_TOPICS)
                return;
        }
}

int eco_i_table_layout_guess(eco_i_table_layout *out, const char *const *names, size_t count)
{
    char (*lower)[NAME_MAX_LEN] = malloc((count + 1) * sizeof(*lower));
    char prefix[NAME_MAX_LEN];
    int rc = lower ? layout_alloc(out, count) : ECO_ENOMEM;

    if (rc < 0) {
        free(lower);
        return rc;
    }
    for (size_t c = 0; c < count; c++) {
        header_name(lower[c], NAME_MAX_LEN, names[c]);
        if (is_code(lower[c]))
            out->role[c] = ECO_I_COLUMN_CODE;
        else if (organisation_prefix(lower[c], prefix, sizeof(prefix)))
            out->role[c] = ECO_I_COLUMN_ORGANISATION, out->organisations++;
    }
    for (size_t c = 0; c < count; c++) {
        eco_i_column_role role;
        size_t owner;
        if (out->role[c] == ECO_I_COLUMN_OTHER &&
            (owner = described(out, lower, lower[c], &role)) != ECO_I_NONE)
            out->role[c] = role, out->owner[c] = owner;
    }
    assign_best(out, lower, ECO_I_COLUMN_ID);
    assign_best(out, lower, ECO_I_COLUMN_TITLE);
    assign_best(out, lower, ECO_I_COLUMN_COUNTRY);
    assign_best(out, lower, ECO_I_COLUMN_YEAR);
    assign_best(out, lower, ECO_I_COLUMN_TEXT);
    assign_best(out, lower, ECO_I_COLUMN_TOPICS);
    free(lower);
    return 0;
}

static int has_role(const eco_i_table_layout *l, eco_i_column_role role)
{
    for (size_t c = 0; c < l->count; c++)
        if (l->role[c] == role)
            return 1;
    return 0;
}

int eco_i_table_layout_is_records(const eco_i_table_layout *l, int loose)
{
    int key = has_role(l, ECO_I_COLUMN_ID), title = has_role(l, ECO_I_COLUMN_TITLE);
    int said = l->texts || l->organisations;

    if (loose) /* a JSON array of objects: nothing else reads it */
        return key && (said || title || has_role(l, ECO_I_COLUMN_COUNTRY) ||
                       has_role(l, ECO_I_COLUMN_YEAR));
    return (key || title) && said && l->count >= 3;
}

/* ---- The --columns file ----------------------------------------------------------------- */

typedef struct column_line {
    eco_i_column_role role; /* what the column holds */
    char *column;           /* its header, lower case (owned) */
    int line, column_at;    /* where the file names it */
    size_t owner;           /* TYPE, ROLE, ORG_COUNTRY: the index of its organisation line */
} column_line;

struct eco_i_column_map {
    char *source;         /* the file's path (owned) */
    column_line *lines;   /* in the file's order */
    size_t count, cap;
};

static const struct {
    const char *word;
    eco_i_column_role role;
} role_words[] = {{"id", ECO_I_COLUMN_ID},
                  {"title", ECO_I_COLUMN_TITLE},
                  {"country", ECO_I_COLUMN_COUNTRY},
                  {"year", ECO_I_COLUMN_YEAR},
                  {"text", ECO_I_COLUMN_TEXT},
                  {"organisation", ECO_I_COLUMN_ORGANISATION},
                  {"organization", ECO_I_COLUMN_ORGANISATION},
                  {"type", ECO_I_COLUMN_TYPE},
                  {"role", ECO_I_COLUMN_ROLE},
                  {"organisation-country", ECO_I_COLUMN_ORG_COUNTRY},
                  {"organization-country", ECO_I_COLUMN_ORG_COUNTRY},
                  {"topics", ECO_I_COLUMN_TOPICS},
                  {"topic", ECO_I_COLUMN_TOPICS},
                  {"code", ECO_I_COLUMN_CODE}};

void eco_i_column_map_free(eco_i_column_map *cols)
{
    if (!cols)
        return;
    for (size_t i = 0; i < cols->count; i++)
        free(cols->lines[i].column);
    free(cols->lines);
    free(cols->source);
    free(cols);
}

/* The role a word of the file names; OTHER when none. */
static eco_i_column_role role_word(const char *word, size_t n)
{
    for (size_t i = 0; i < sizeof(role_words) / sizeof(role_words[0]); i++)
        if (strlen(role_words[i].word) == n && strncasecmp(word, role_words[i].word, n) == 0)
            return role_words[i].role;
    return ECO_I_COLUMN_OTHER;
}

/* The index of the last organisation line, or ECO_I_NONE. */
static size_t last_organisation(const eco_i_column_map *cols)
{
    for (size_t i = cols->count; i-- > 0;)
        if (cols->lines[i].role == ECO_I_COLUMN_ORGANISATION)
            return i;
    return ECO_I_NONE;
}

static int bad_line(const eco_i_column_map *cols, eco_error *err, int line, int column,
                    const char *text)
{
    return eco_error_set(err, ECO_EDATA, cols->source, line, column, "%s", text);
}

/* Reads one line "ROLE = COLUMN" (at text, n bytes, line number line). */
static int parse_line(eco_i_column_map *cols, const char *text, size_t n, int line, eco_error *err)
{
    const char *eq = memchr(text, '=', n), *word = text, *end;
    size_t lead = strspn(text, " \t");
    eco_i_column_role role;
    char name[NAME_MAX_LEN];

    if (lead == n || text[lead] == '#')
        return 0;
    if (!eq)
        return bad_line(cols, err, line, (int)lead + 1,
                        "expected ROLE = COLUMN (roles: id, title, country, year, text, "
                        "topics, organisation, type, role, organisation-country, code)");
    word += lead;
    for (end = eq; end > word && (end[-1] == ' ' || end[-1] == '\t');)
        end--;
    if ((role = role_word(word, (size_t)(end - word))) == ECO_I_COLUMN_OTHER)
        return bad_line(cols, err, line, (int)lead + 1,
                        "unknown role: expected id, title, country, year, text, topics, "
                        "organisation, type, role, organisation-country or code");
    size_t at = (size_t)(eq - text) + 1, len;
    at += strspn(text + at, " \t");
    for (len = n - at; len && strchr(" \t\r", text[at + len - 1]);)
        len--;
    if (len == 0 || len >= sizeof(name))
        return bad_line(cols, err, line, (int)at + 1,
                        len ? "column name too long" : "no column named after '='");
    memcpy(name, text + at, len);
    name[len] = '\0';
    size_t owner = last_organisation(cols);
    if ((role == ECO_I_COLUMN_TYPE || role == ECO_I_COLUMN_ROLE ||
         role == ECO_I_COLUMN_ORG_COUNTRY) && owner == ECO_I_NONE)
        return bad_line(cols, err, line, (int)lead + 1,
                        "describes no organisation: put it after an organisation line");
    if (eco_i_reserve(&cols->lines, &cols->cap, cols->count + 1, sizeof(*cols->lines)) < 0)
        return eco_error_set(err, ECO_ENOMEM, cols->source, line, 0, "out of memory");
    column_line *l = &cols->lines[cols->count];
    *l = (column_line){role, malloc(len + 1), line, (int)at + 1, owner};
    if (!l->column)
        return eco_error_set(err, ECO_ENOMEM, cols->source, line, 0, "out of memory");
    header_name(l->column, len + 1, name);
    cols->count++;
    return 0;
}

int eco_i_column_map_parse(eco_i_column_map **out, const char *text, size_t len, const char *source,
                        eco_error *err)
{
    eco_i_column_map *cols = calloc(1, sizeof(*cols));
    int rc = 0, line = 1;

    if (!cols || !(cols->source = strdup(source))) {
        free(cols);
        return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory");
    }
    for (size_t at = 0; at < len && rc == 0; line++) {
        const char *eol = memchr(text + at, '\n', len - at);
        size_t n = (size_t)((eol ? eol : text + len) - (text + at));
        if (memchr(text + at, '\0', n))
            rc = bad_line(cols, err, line, 1, "binary data: expected lines of ROLE = COLUMN");
        else
            rc = parse_line(cols, text + at, n, line, err);
        at += n + 1;
    }
    if (rc == 0 && cols->count == 0)
        rc = bad_line(cols, err, 0, 0, "names no column: expected lines of ROLE = COLUMN");
    if (rc < 0) {
        eco_i_column_map_free(cols);
        return rc;
    }
    *out = cols;
    return 0;
}

int eco_i_column_map_load(eco_i_column_map **out, const char *path, eco_error *err)
{
    FILE *fp = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0, cap = 0;
    int rc;

    if (!fp)
        return eco_error_set(err, ECO_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
    for (;;) {
        if (eco_i_reserve(&text, &cap, len + 4097, 1) < 0) {
            fclose(fp);
            free(text);
            return eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
        }
        size_t got = fread(text + len, 1, 4096, fp);
        len += got;
        if (got < 4096)
            break;
    }
    rc = ferror(fp) ? eco_error_set(err, ECO_EIO, path, 0, 0, "cannot read: %s", strerror(errno))
                    : eco_i_column_map_parse(out, text, len, path, err);
    fclose(fp);
    free(text);
    return rc;
}

/* The index of the column called name among names; ECO_I_NONE when none. */
static size_t column_named(char names[][NAME_MAX_LEN], size_t count, const char *name)
{
    for (size_t c = 0; c < count; c++)
        if (strcmp(names[c], name) == 0)
            return c;
    return ECO_I_NONE;
}

int eco_i_table_layout_mapped(eco_i_table_layout *out, const eco_i_column_map *cols,
                              const char *const *names, size_t count, const eco_i_input *in,
                              eco_error *err)
{
    char (*lower)[NAME_MAX_LEN] = malloc((count + 1) * sizeof(*lower));
    size_t *at = malloc((cols->count + 1) * sizeof(*at)), found = 0;
    int rc = lower && at ? layout_alloc(out, count) : ECO_ENOMEM;

    for (size_t c = 0; rc == 0 && c < count; c++)
        header_name(lower[c], NAME_MAX_LEN, names[c]);
    for (size_t i = 0; rc == 0 && i < cols->count; i++)
        found += (at[i] = column_named(lower, count, cols->lines[i].column)) != ECO_I_NONE;
    for (size_t i = 0; rc == 0 && found && i < cols->count; i++) {
        const column_line *l = &cols->lines[i];
        if (at[i] == ECO_I_NONE) {
            rc = eco_i_warn(in->opt, err, in->source, 1, 0, "has no column \"%s\" (%s:%d)",
                            l->column, cols->source, l->line);
            continue;
        }
        out->role[at[i]] = l->role;
        out->organisations += l->role == ECO_I_COLUMN_ORGANISATION;
        out->texts += l->role == ECO_I_COLUMN_TEXT;
        if (l->owner != ECO_I_NONE)
            out->owner[at[i]] = at[l->owner];
    }
    free(lower);
    free(at);
    if (rc < 0 || !found)
        eco_i_table_layout_free(out);
    return rc < 0 ? rc : found > 0;
}

int eco_i_column_map_names_any(const eco_i_column_map *cols, const char *const *names, size_t count)
{
    char name[NAME_MAX_LEN];
    for (size_t c = 0; cols && c < count; c++) {
        header_name(name, sizeof(name), names[c]);
        for (size_t i = 0; i < cols->count; i++)
            if (strcmp(cols->lines[i].column, name) == 0 &&
                (cols->lines[i].role == ECO_I_COLUMN_TEXT ||
                 cols->lines[i].role == ECO_I_COLUMN_ORGANISATION))
                return 1;
    }
    return 0;
}
