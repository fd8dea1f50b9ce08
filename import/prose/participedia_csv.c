/*
 * import/prose/participedia_csv.c - Participedia's CSV export of cases, methods and
 * organizations (participedia.net, "Download CSV"; the columns of participedia/api's
 * create-csv-data-dump and its successor): a header with id, type and title, one entry a
 * row.
 *
 * An organization becomes an actor typed by its sector (for_profit, government,
 * non_profit_non_gov, higher_ed, or their labels).  A case's organizers (primary_organizer,
 * written as a Postgres row literal such as (5678,organization,"Name") or an array of them,
 * or primary_organizer_title) and funders (funder, free text) become actors typed by
 * organizer_types and funder_types; each funder funds each organizer, and co-organizers are
 * partners, with the case's row as the evidence.  Methods name no organisations.
 *
 * Every row is a record of its own, whose topics are its general_issues and specific_topics.
 *
 * Multi-valued fields come as one column ("sector") or several ("sector_1" .. "sector_3"),
 * their values with a leading space, codes or labels, sometimes as "{a,b}" literals.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "table.h"

#define MAX_NAMES 16

/* ---- Detection -------------------------------------------------------------------------- */

static const char *const participedia_columns[] = {"primary_organizer",
                                                   "primary_organizer_title",
                                                   "organizer_types",
                                                   "funder",
                                                   "funder_types",
                                                   "sector",
                                                   "method_types",
                                                   "specific_methods_tools_techniques",
                                                   "general_issues",
                                                   "implementers_of_change",
                                                   NULL};

/* The header's cell in column f, trimmed, lower case, without a "_N" suffix, into buf. */
static void base_name(char *buf, size_t n, const char *cell)
{
    size_t len = 0;
    cell += strspn(cell, " \t");
    for (; *cell && len + 1 < n; cell++)
        buf[len++] = (char)(*cell >= 'A' && *cell <= 'Z' ? *cell + 32 : *cell);
    while (len && (buf[len - 1] == ' ' || buf[len - 1] == '\t'))
        len--;
    buf[len] = '\0';
    char *under = strrchr(buf, '_');
    if (under && under[1] >= '1' && under[1] <= '9' &&
        strspn(under + 1, "0123456789") == strlen(under + 1))
        *under = '\0';
}

int eco_i_is_participedia_csv(const char *data, size_t len)
{
    eco_i_csv csv;
    eco_error err = {0};
    int id = 0, type = 0, title = 0, ours = 0, rc;
    char name[64];

    eco_i_csv_init(&csv, data, len);
    if ((rc = eco_i_csv_row(&csv, "", &err)) == ECO_ENOMEM)
        eco_i_watch_note(); /* the importer asks after detecting */
    if (rc > 0)
        for (size_t f = 0; f < csv.count; f++) {
            base_name(name, sizeof(name), csv.fields[f].text);
            id |= strcmp(name, "id") == 0;
            type |= strcmp(name, "type") == 0;
            title |= strcmp(name, "title") == 0;
            for (size_t k = 0; participedia_columns[k]; k++)
                ours |= strcmp(name, participedia_columns[k]) == 0;
        }
    eco_i_csv_free(&csv);
    return id && type && title && ours;
}

/* ---- Cells ------------------------------------------------------------------------------ */

typedef struct sheet {
    eco_graph *g;
    const eco_i_input *in;
    eco_error *err;
    eco_i_csv csv;
    char **columns; /* header cells as base names (owned) */
    size_t column_count;
    char record[512]; /* the id of the row's record: "FILE#ID" */
} sheet;

static int oom(sheet *s)
{
    return eco_error_set(s->err, ECO_ENOMEM, s->in->source, s->csv.row_line, 0, "out of memory");
}

/* The first non-empty cell of the row in a column whose base name is name, trimmed. */
static const char *value(sheet *s, const char *name)
{
    for (size_t f = 0; f < s->column_count && f < s->csv.count; f++)
        if (strcmp(s->columns[f], name) == 0) {
            eco_i_csv_trim(s->csv.fields[f].text);
            if (*s->csv.fields[f].text)
                return s->csv.fields[f].text;
        }
    return "";
}

/* The type that the values of a multi-valued type column agree on: each code or label of
 * name, name_1, name_2... ("local", " Local Government", "{national,local}"); UNKNOWN when
 * there is none or they disagree. */
static eco_actor_type agreed_type(sheet *s, const char *name)
{
    eco_actor_type agreed = ECO_TYPE_UNKNOWN;
    char item[128];

    for (size_t f = 0; f < s->column_count && f < s->csv.count; f++) {
        if (strcmp(s->columns[f], name) != 0)
            continue;
        const char *p = s->csv.fields[f].text;
        while (*p) {
            size_t n = strcspn(p, ",{}");
            if (n && n < sizeof(item)) {
                memcpy(item, p, n);
                item[n] = '\0';
                eco_i_csv_trim(item);
                eco_actor_type t = eco_i_type_from_text(item);
                if (t != ECO_TYPE_UNKNOWN && agreed != ECO_TYPE_UNKNOWN && t != agreed)
                    return ECO_TYPE_UNKNOWN;
                if (t != ECO_TYPE_UNKNOWN)
                    agreed = t;
            }
            p += n + (p[n] != '\0');
        }
    }
    return agreed;
}

/* ---- Postgres literals ------------------------------------------------------------------ */

/* Reads one field of a row or array literal at *p: quoted ("" or \ escapes) or bare up to
 * one of stops.  Writes it to out (of n bytes) and moves *p past it. */
static void literal_field(const char **p, const char *stops, char *out, size_t n)
{
    size_t w = 0;
    const char *s = *p;

    if (*s == '"') {
        for (s++; *s; s++) {
            if (*s == '\\' && s[1])
                s++;
            else if (*s == '"' && s[1] == '"')
                s++;
            else if (*s == '"')
                break;
            if (w + 1 < n)
                out[w++] = *s;
        }
        if (*s == '"')
            s++;
    } else {
        for (; *s && !strchr(stops, *s); s++)
            if (w + 1 < n)
                out[w++] = *s;
    }
    out[w] = '\0';
    *p = s;
}

/* Copies s into out of size n, cut short when longer: titles are far shorter than n, and
 * a cut through a character is repaired when the name enters the graph. */
static void copy_cut(char *out, size_t n, const char *s)
{
    size_t len = strlen(s);
    if (len >= n)
        len = n - 1;
    memcpy(out, s, len);
    out[len] = '\0';
}

/* The title of a linked entry: the third field of "(4328,organization,"Name")", or the
 * text itself when it is no row literal. */
static void entry_title(const char *entry, char *out, size_t n)
{
    char field[1024];
    const char *p = entry;

    if (*p != '(') {
        copy_cut(out, n, entry);
        eco_i_csv_trim(out);
        return;
    }
    p++;
    for (int i = 0; i < 3 && *p && *p != ')'; i++) {
        literal_field(&p, ",)", field, sizeof(field));
        if (i == 2)
            copy_cut(out, n, field);
        if (*p == ',')
            p++;
    }
    eco_i_csv_trim(out);
}

/* Splits a cell of linked entries ("{"(1,organization,\"A\")",...}", one row literal, or a
 * plain name) into titles; returns how many, at most max. */
static size_t linked_titles(const char *cell, char titles[][512], size_t max)
{
    char element[1024];
    size_t count = 0;
    const char *p = cell;

    titles[0][0] = '\0';
    if (*p != '{') {
        entry_title(cell, titles[0], sizeof(titles[0]));
        return titles[0][0] ? 1 : 0;
    }
    for (p++; *p && *p != '}' && count < max;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p || *p == '}')
            break;
        literal_field(&p, ",}", element, sizeof(element));
        entry_title(element, titles[count], sizeof(titles[count]));
        if (titles[count][0] && strcasecmp(titles[count], "NULL") != 0)
            count++;
    }
    return count;
}

/* ---- Rows ------------------------------------------------------------------------------- */

static int seen(sheet *s, size_t actor)
{
    return eco_graph_add_actor_record(s->g, actor, s->record) < 0 ? oom(s) : 0;
}

static int organization_row(sheet *s)
{
    const char *title = value(s, "title"), *country = eco_i_country_as_written(value(s, "country"));
    const char *id = value(s, "id"), *url = value(s, "url");
    size_t actor;

    if (!*title)
        return eco_i_warn(s->in->opt, s->err, s->in->source, s->csv.row_line, 1,
                          "organization without a title ignored");
    if (eco_graph_resolve_actor(&actor, s->g, title, agreed_type(s, "sector"), country) < 0 ||
        (*id && eco_graph_set_attribute(s->g, actor, "participedia_id", id) < 0) ||
        (*url && eco_graph_set_attribute(s->g, actor, "url", url) < 0))
        return oom(s);
    return seen(s, actor);
}

typedef struct names {
    size_t actors[MAX_NAMES];
    size_t count;
} names;

static int add_name(sheet *s, names *out, const char *name, eco_actor_type type,
                    const char *country)
{
    size_t actor;
    if (out->count >= MAX_NAMES || !*name)
        return 0;
    if (type == ECO_TYPE_UNKNOWN)
        type = eco_name_classify(name);
    if (eco_graph_resolve_actor(&actor, s->g, name, type, country) < 0)
        return oom(s);
    for (size_t i = 0; i < out->count; i++)
        if (out->actors[i] == actor)
            return 0;
    out->actors[out->count++] = actor;
    return seen(s, actor);
}

static int organizers(sheet *s, names *out, const char *country)
{
    char titles[MAX_NAMES][512];
    eco_actor_type type = agreed_type(s, "organizer_types");
    const char *cell = value(s, "primary_organizer");
    size_t n = linked_titles(*cell ? cell : value(s, "primary_organizer_title"), titles, MAX_NAMES);
    int rc;

    for (size_t i = 0; i < n; i++)
        if ((rc = add_name(s, out, titles[i], n == 1 ? type : ECO_TYPE_UNKNOWN, country)) < 0)
            return rc;
    return 0;
}

static int funders(sheet *s, names *out, const char *country)
{
    const char *cell = value(s, "funder");
    eco_actor_type type = agreed_type(s, "funder_types");
    eco_i_partner *list = NULL;
    size_t count = 0;
    int rc = 0;

    if (!*cell)
        return 0;
    /* A name the map knows whole ("Atlantic Philanthropies, The") is not a list. */
    if (eco_graph_find_actor(NULL, s->g, cell, NULL) == 0)
        return add_name(s, out, cell, type, country);
    if (eco_i_split_partners(&list, &count, cell, strlen(cell), NULL) < 0)
        return oom(s);
    for (size_t i = 0; i < count && rc == 0; i++)
        rc = add_name(s, out, list[i].name,
                      list[i].type != ECO_TYPE_UNKNOWN ? list[i].type
                      : count == 1                     ? type
                                                       : ECO_TYPE_UNKNOWN,
                      country);
    eco_i_partners_free(list, count);
    return rc;
}

static int case_row(sheet *s)
{
    const char *title = value(s, "title"), *id = value(s, "id");
    names org = {{0}, 0}, fund = {{0}, 0};
    char text[768];
    int rc;

    /* where a case took place says nothing of where its organisers and funders are from
     * (Stanford's Center for Deliberative Democracy runs polls in China) */
    if ((rc = organizers(s, &org, NULL)) < 0 || (rc = funders(s, &fund, NULL)) < 0)
        return rc;
    snprintf(text, sizeof(text), "Case %s \"%s\"%s%s", id, title,
             *value(s, "funder") ? ", funded by " : "", value(s, "funder"));
    eco_evidence ev = {s->record, s->in->source, s->csv.row_line, text};
    for (size_t i = 0; i < fund.count; i++)
        for (size_t k = 0; k < org.count; k++)
            if (fund.actors[i] != org.actors[k] &&
                eco_graph_add_tie(NULL, s->g, fund.actors[i], org.actors[k], ECO_TIE_FUNDING, 1, 1,
                                  &ev) < 0)
                return oom(s);
    for (size_t i = 0; i < org.count; i++)
        for (size_t k = i + 1; k < org.count; k++)
            if (eco_graph_add_tie(NULL, s->g, org.actors[i], org.actors[k], ECO_TIE_PARTNERSHIP, 0,
                                  1, &ev) < 0)
                return oom(s);
    return 0;
}

/* ---- Topics ----------------------------------------------------------------------------- */

/* What an entry is about, in the order written: the broad issues, then the specific topics
 * within them.  Not "sector": it says what kind of body organised a case, a type. */
static const char *const topic_columns[] = {"general_issues", "specific_topics", NULL};

static int add_topic(const char *topic, size_t len, void *list)
{
    return eco_i_strings_add(list, topic, len);
}

/* A "{a,\"b, c\"}" array literal as a list cell whose items are marked apart
 * (ECO_I_TABLE_ITEM), as a JSON array's are, so that a quoted item keeps its commas; *out is
 * malloc'd (NULL when memory runs out), no longer than the literal. */
static char *literal_items(const char *cell, size_t len, char **out)
{
    const char *p = cell + 1;
    size_t w = 0;

    if (!(*out = malloc(len + 1)))
        return NULL;
    while (*p && *p != '}') {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p || *p == '}')
            break;
        literal_field(&p, ",}", *out + w, len + 1 - w);
        w += strlen(*out + w);
        (*out)[w++] = ECO_I_TABLE_ITEM;
    }
    (*out)[w] = '\0';
    return *out;
}

/* The topics of the row's topic columns, in their order: each cell split as any table's
 * cell of topics is (eco_i_table_topics_each), a "{a,b}" literal item by item.  Repeats
 * are left to eco_graph_add_record, which keeps each topic once. */
static int row_topics(sheet *s, eco_i_strings *out)
{
    int rc = 0;

    for (size_t k = 0; topic_columns[k]; k++)
        for (size_t f = 0; f < s->column_count && f < s->csv.count && rc == 0; f++) {
            char *cell = s->csv.fields[f].text, *items = NULL;
            if (strcmp(s->columns[f], topic_columns[k]) != 0)
                continue;
            eco_i_csv_trim(cell);
            if (*cell == '{' && !literal_items(cell, strlen(cell), &items))
                return ECO_ENOMEM;
            if (items)
                cell = items;
            rc = eco_i_table_topics_each(cell, strlen(cell), add_topic, out);
            free(items);
        }
    return rc;
}

/* ---- The file --------------------------------------------------------------------------- */

static int read_header(sheet *s)
{
    char name[128];

    if (!(s->columns = calloc(s->csv.count ? s->csv.count : 1, sizeof(*s->columns))))
        return oom(s);
    for (; s->column_count < s->csv.count; s->column_count++) {
        base_name(name, sizeof(name), s->csv.fields[s->column_count].text);
        if (!(s->columns[s->column_count] = strdup(name)))
            return oom(s);
    }
    return 0;
}

/* The row's own record, as every table of records has one a row (import/prose/table.h):
 * "FILE#ID", its title, the country it took place in, the year it was posted, and what it
 * is about. */
static int row_record(sheet *s, size_t number)
{
    const char *id = value(s, "id"), *country = value(s, "country"), *title = value(s, "title");
    int year = eco_i_table_year(value(s, "start_date"));
    eco_record record = {s->record, s->in->source, "participedia-csv", *title ? title : NULL,
                         eco_i_country_name(country, strlen(country)), 0, NULL, 0};
    eco_i_strings about = {0};
    int rc = 0;

    record.year = year ? year : eco_i_table_year(value(s, "post_date"));
    if (*id)
        snprintf(s->record, sizeof(s->record), "%s#%s", s->in->record_id, id);
    else
        snprintf(s->record, sizeof(s->record), "%s#%zu", s->in->record_id, number);
    if (row_topics(s, &about) < 0)
        rc = oom(s);
    record.topics = (const char *const *)about.items;
    record.topic_count = about.count;
    if (rc == 0 && eco_graph_add_record(NULL, s->g, &record) < 0)
        rc = oom(s);
    eco_i_strings_free(&about);
    return rc;
}

int eco_i_read_participedia_csv(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    sheet s = {g, in, err, {0}, NULL, 0, ""};
    size_t number = 0;
    int rc;

    eco_i_csv_init(&s.csv, in->data, in->len);
    if ((rc = eco_i_csv_row(&s.csv, in->source, err)) <= 0) {
        if (rc == 0)
            rc = eco_error_set(err, ECO_EDATA, in->source, 0, 0, "file is empty");
        goto cleanup;
    }
    if ((rc = read_header(&s)) < 0)
        goto cleanup;
    while ((rc = eco_i_csv_row(&s.csv, in->source, err)) > 0) {
        const char *type = value(&s, "type");
        if (s.csv.count == 1 && !*s.csv.fields[0].text)
            continue; /* a blank line */
        if ((rc = row_record(&s, ++number)) < 0)
            break;
        if (strcmp(type, "organization") == 0)
            rc = organization_row(&s);
        else if (strcmp(type, "case") == 0)
            rc = case_row(&s);
        if (rc < 0)
            break;
    }
cleanup:
    for (size_t i = 0; i < s.column_count; i++)
        free(s.columns[i]);
    free(s.columns);
    eco_i_csv_free(&s.csv);
    return rc < 0 ? rc : 0;
}
