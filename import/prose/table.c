/*
 * import/prose/table.c - tables of records: each row of a CSV (or of a JSON array of
 * objects, import/prose/table_json.c) becomes a record of its own.
 *
 * A row's record is "FILE#KEY", its key from the key column (the row's number when there
 * is none, or the cell is empty), so that rows never merge with each other nor with the
 * records of other files.  Its title, country and year come from the columns that hold
 * them, its topics from the columns that list them.  Organisation columns are actors as
 * written, typed by the column that gives their category when there is one, and are what
 * the row's text is about; several in one row are partners.  Text columns go through the
 * prose extractor, each cell at its own line and with its own place ("FILE#cell=ROW,COL",
 * "FILE#/INDEX/KEY"), so that evidence points at the row and the cell.  Code columns are
 * never read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "table.h"

/* ---- Starting and ending ---------------------------------------------------------------- */

/* Names what a table without organisations gives, as a warning: a file that yields
 * records and no actor looks broken to whoever reads the map. */
static int warn_no_organisations(const eco_i_table *t, eco_error *err)
{
    if (t->layout.organisations || t->layout.texts)
        return 0;
    return eco_i_warn(t->in->opt, err, t->in->source, 1, 1,
                      "names no organisations: its rows become records with no actors "
                      "(--columns names the columns to read)");
}

int eco_i_table_begin(eco_i_table *t, eco_graph *g, const eco_i_input *in, const char *format,
                      const char *const *names, size_t count, eco_error *err)
{
    const eco_i_column_map *cols = in->session->columns;
    int rc = 0;

    *t = (eco_i_table){g, in, format, {0}, {0}};
    if (cols)
        rc = eco_i_table_layout_mapped(&t->layout, cols, names, count, in, err);
    if (rc == 0)
        rc = eco_i_table_layout_guess(&t->layout, names, count);
    if (rc == ECO_ENOMEM)
        return eco_error_set(err, rc, in->source, 1, 0, "out of memory");
    return rc < 0 ? rc : warn_no_organisations(t, err);
}

void eco_i_table_end(eco_i_table *t)
{
    eco_i_table_layout_free(&t->layout);
    eco_i_map_free(&t->ids);
}

/* ---- Cells ------------------------------------------------------------------------------ */

/* The cell of the first column of role in row, trimmed; "" when none. */
static const char *cell_of(const eco_i_table *t, const eco_i_table_row *row,
                           eco_i_column_role role, size_t *column)
{
    for (size_t c = 0; c < row->count && c < t->layout.count; c++)
        if (t->layout.role[c] == role) {
            eco_i_csv_trim(row->cells[c]);
            if (column)
                *column = c;
            return row->cells[c];
        }
    return "";
}

/* The cell of row in the column of role that describes organisation column org; "". */
static const char *described_cell(const eco_i_table *t, const eco_i_table_row *row, size_t org,
                                  eco_i_column_role role)
{
    for (size_t c = 0; c < row->count && c < t->layout.count; c++)
        if (t->layout.role[c] == role && t->layout.owner[c] == org) {
            eco_i_csv_trim(row->cells[c]);
            return row->cells[c];
        }
    return "";
}

int eco_i_table_year(const char *text)
{
    for (const char *p = text; *p; p++) {
        size_t digits = strspn(p, "0123456789");
        if (digits == 4 && (p[0] == '1' || p[0] == '2'))
            return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        p += digits ? digits - 1 : 0;
    }
    return 0;
}

/* ---- A row's record --------------------------------------------------------------------- */

/* The id of row's record into buf: the file's record id, '#', and the row's key, or its
 * number when the key is empty or was another row's. */
static int row_id(eco_i_table *t, const eco_i_table_row *row, char *buf, size_t n,
                  eco_error *err)
{
    const char *key = cell_of(t, row, ECO_I_COLUMN_ID, NULL);
    size_t seen;
    int rc;

    if (*key)
        snprintf(buf, n, "%s#%s", t->in->record_id, key);
    else
        snprintf(buf, n, "%s#%zu", t->in->record_id, row->number);
    uint64_t hash = eco_i_hash(buf, strlen(buf));
    if (eco_i_map_get(&t->ids, hash, &seen)) {
        if ((rc = eco_i_warn(t->in->opt, err, t->in->source, row->line, 1,
                             "row %zu repeats the key \"%s\" of row %zu: read as row %zu",
                             row->number, key, seen, row->number)) < 0)
            return rc;
        snprintf(buf, n, "%s#%zu", t->in->record_id, row->number);
        hash = eco_i_hash(buf, strlen(buf));
    }
    return eco_i_map_put(&t->ids, hash, row->number);
}

/* The row's organisation columns as actors, the first the subject of its text, each one
 * a partner of the others. */
static int row_organisations(eco_i_table *t, eco_i_record *r, const eco_i_table_row *row)
{
    size_t actors[16], count = 0;
    char said[600];

    for (size_t c = 0; c < row->count && c < t->layout.count && count < 16; c++) {
        if (t->layout.role[c] != ECO_I_COLUMN_ORGANISATION)
            continue;
        eco_i_csv_trim(row->cells[c]);
        const char *name = row->cells[c], *category = described_cell(t, row, c, ECO_I_COLUMN_TYPE);
        const char *country = described_cell(t, row, c, ECO_I_COLUMN_ORG_COUNTRY);
        const char *role = described_cell(t, row, c, ECO_I_COLUMN_ROLE);
        eco_actor_type type = *category ? eco_i_type_from_text(category) : ECO_TYPE_UNKNOWN;
        if (!*name || strcasecmp(name, "NULL") == 0)
            continue;
        if (eco_i_record_actor(r, &actors[count], name,
                               type != ECO_TYPE_UNKNOWN ? type : eco_name_classify(name),
                               *country ? eco_i_country_as_written(country) : NULL) < 0 ||
            (*role && eco_graph_set_attribute(t->g, actors[count], "role", role) < 0))
            return ECO_ENOMEM;
        if (count == 0)
            eco_i_record_set_subject(r, actors[0]);
        for (size_t k = 0; k < count; k++) {
            snprintf(said, sizeof(said), "row %zu names %s and %s", row->number,
                     eco_graph_actor(t->g, actors[k])->name, name);
            if (actors[k] != actors[count] &&
                eco_i_record_tie(r, actors[k], actors[count], ECO_TIE_PARTNERSHIP,
                                 row->lines[c], said, strlen(said)) < 0)
                return ECO_ENOMEM;
        }
        count++;
    }
    return 0;
}

/* ---- Where a cell is -------------------------------------------------------------------- */

/* Whether byte ch may stand in a URI's fragment as it is (RFC 3986: unreserved, sub-delims,
 * ':', '@', '/', '?'); any other is percent-encoded. */
static int fragment_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           (ch && strchr("-._~!$&'()*+,;=:@/?", ch));
}

/* Appends key to out as a JSON Pointer's reference token in a URI fragment (RFC 6901,
 * sections 3 and 6): '~' as "~0" and '/' as "~1" first, then every byte a fragment may
 * not hold as %XX, so "a/b c" is "a~1b%20c". */
static char *pointer_token(char *out, const char *key)
{
    for (const unsigned char *k = (const unsigned char *)key; *k; k++)
        if (*k == '~' || *k == '/')
            out += sprintf(out, "~%c", *k == '~' ? '0' : '1');
        else if (fragment_byte(*k))
            *out++ = (char)*k;
        else
            out += sprintf(out, "%%%02X", *k);
    *out = '\0';
    return out;
}

/* Where cell c of row is, as a source with a fragment, malloc'd (NULL when memory runs
 * out): a CSV's "FILE#cell=ROW,COL" (RFC 7111: rows and columns from 1, the header row 1,
 * so a row of records is its number plus one), a JSON array's "FILE#/INDEX/KEY" (a JSON
 * Pointer, RFC 6901: the item's index from 0 and its key).  A viewer that knows the
 * fragment opens the file at the cell; the evidence's line says where it is for others. */
static char *cell_place(const eco_i_table *t, const eco_i_table_row *row, size_t c)
{
    const char *source = t->in->source, *key = row->keys ? row->keys[c] : "";
    size_t n = strlen(source) + 3 * strlen(key) + 48;
    char *place = malloc(n), *at;

    if (!place)
        return NULL;
    if (!row->keys) {
        snprintf(place, n, "%s#cell=%zu,%zu", source, row->number + 1, c + 1);
        return place;
    }
    at = place + snprintf(place, n, "%s#/%zu/", source, row->number - 1);
    pointer_token(at, key);
    return place;
}

/* The row's text cells, cleaned of markup, as prose at their own lines and cells. */
static int row_texts(eco_i_table *t, eco_i_record *r, const eco_i_table_row *row)
{
    for (size_t c = 0; c < row->count && c < t->layout.count; c++) {
        if (t->layout.role[c] != ECO_I_COLUMN_TEXT)
            continue;
        size_t len = eco_i_text_clean(row->cells[c], strlen(row->cells[c]));
        char *place = cell_place(t, row, c);
        int rc = place ? eco_i_record_set_place(r, place) : ECO_ENOMEM;
        free(place);
        if (rc < 0 || eco_i_record_prose(r, row->cells[c], len, row->lines[c], ECO_I_NONE, NULL,
                                         ECO_I_FIELD_PROSE, ECO_TYPE_UNKNOWN) < 0)
            return ECO_ENOMEM;
    }
    return eco_i_record_set_place(r, NULL);
}

int eco_i_table_topics_each(const char *cell, size_t len, eco_i_topic_fn add, void *ctx)
{
    const char *separators = memchr(cell, ECO_I_TABLE_ITEM, len) ? "\x1f" : ",;|";
    const char *end = cell + len;
    int rc = 0;

    while (cell < end && rc == 0) {
        const char *item = cell;
        size_t n = 0;
        while (cell + n < end && !strchr(separators, cell[n]))
            n++;
        cell += n + (cell + n < end);
        while (n && strchr(" \t\r\n", *item))
            item++, n--;
        while (n && strchr(" \t\r\n", item[n - 1]))
            n--;
        /* NULL is how a database dump writes a list with nothing in it */
        if (n && !(n == 4 && strncasecmp(item, "NULL", 4) == 0))
            rc = add(item, n, ctx);
    }
    return rc;
}

static int record_topic(const char *topic, size_t len, void *record)
{
    return eco_i_record_add_topic(record, topic, len);
}

/* The row's topics: the items of its topics columns, column after column. */
static int row_topics(eco_i_table *t, eco_i_record *r, const eco_i_table_row *row)
{
    int rc = 0;
    for (size_t c = 0; c < row->count && c < t->layout.count && rc == 0; c++)
        if (t->layout.role[c] == ECO_I_COLUMN_TOPICS)
            rc = eco_i_table_topics_each(row->cells[c], strlen(row->cells[c]), record_topic, r);
    return rc;
}

/* The row's title, country and year. */
static int row_facts(eco_i_table *t, eco_i_record *r, const eco_i_table_row *row)
{
    const char *title = cell_of(t, row, ECO_I_COLUMN_TITLE, NULL);
    const char *country = cell_of(t, row, ECO_I_COLUMN_COUNTRY, NULL);

    if (*country)
        eco_i_record_set_country(r, country, strlen(country));
    eco_i_record_set_year(r, eco_i_table_year(cell_of(t, row, ECO_I_COLUMN_YEAR, NULL)));
    return *title ? eco_i_record_set_title(r, title, strlen(title)) : 0;
}

int eco_i_table_row_read(eco_i_table *t, const eco_i_table_row *row, eco_error *err)
{
    char id[512];
    eco_i_input in = *t->in;
    eco_i_record *r = NULL;
    int rc;

    if ((rc = row_id(t, row, id, sizeof(id), err)) < 0)
        return rc == ECO_ENOMEM ? eco_error_set(err, rc, in.source, row->line, 0, "out of memory")
                                : rc;
    in.record_id = id;
    in.spare = NULL; /* the table's bytes hold its other rows */
    if ((rc = eco_i_record_new(&r, t->g, &in, t->format)) == 0 &&
        (rc = row_facts(t, r, row)) == 0 && (rc = row_topics(t, r, row)) == 0 &&
        (rc = row_organisations(t, r, row)) == 0 &&
        (rc = row_texts(t, r, row)) == 0)
        rc = eco_i_record_finish(r, err);
    else if (rc < 0)
        rc = eco_error_set(err, rc, in.source, row->line, 0, "out of memory");
    eco_i_record_free(r);
    return rc;
}

/* ---- CSV -------------------------------------------------------------------------------- */

/* The header's cells as an array of names (pointing into csv's row, which the caller
 * copies before reading on). */
static int header_names(const eco_i_csv *csv, char ***out)
{
    char **names = malloc((csv->count + 1) * sizeof(*names));
    if (!names)
        return ECO_ENOMEM;
    for (size_t c = 0; c < csv->count; c++)
        if (!(names[c] = strdup(csv->fields[c].text))) {
            while (c-- > 0)
                free(names[c]);
            free(names);
            return ECO_ENOMEM;
        }
    *out = names;
    return 0;
}

static void names_free(char **names, size_t count)
{
    for (size_t c = 0; names && c < count; c++)
        free(names[c]);
    free(names);
}

int eco_i_is_table_csv(const char *data, size_t len, const eco_i_column_map *cols)
{
    eco_i_csv csv;
    eco_error err = {0};
    eco_i_table_layout layout = {0};
    char **names = NULL;
    int is = 0, rc;

    eco_i_csv_init(&csv, data, len);
    if ((rc = eco_i_csv_row(&csv, "", &err)) > 0 && csv.count > 1 &&
        (rc = header_names(&csv, &names)) == 0) {
        is = eco_i_column_map_names_any(cols, (const char *const *)names, csv.count);
        if (!is && (rc = eco_i_table_layout_guess(&layout, (const char *const *)names,
                                                  csv.count)) == 0)
            is = eco_i_table_layout_is_records(&layout, 0);
        names_free(names, csv.count);
    }
    if (rc == ECO_ENOMEM)
        eco_i_watch_note(); /* the importer asks after detecting */
    eco_i_table_layout_free(&layout);
    eco_i_csv_free(&csv);
    return is;
}

/* Reads the rows after the header, each cell where the CSV reader found it. */
static int csv_rows(eco_i_table *t, eco_i_csv *csv, eco_error *err)
{
    int *lines = NULL;
    char **cells = NULL;
    size_t cap_lines = 0, cap_cells = 0, number = 0;
    int rc;

    while ((rc = eco_i_csv_row(csv, t->in->source, err)) > 0) {
        if (csv->count == 1 && !*csv->fields[0].text)
            continue; /* a blank line */
        if (eco_i_reserve(&lines, &cap_lines, csv->count, sizeof(*lines)) < 0 ||
            eco_i_reserve(&cells, &cap_cells, csv->count, sizeof(*cells)) < 0) {
            rc = eco_error_set(err, ECO_ENOMEM, t->in->source, csv->row_line, 0, "out of memory");
            break;
        }
        for (size_t c = 0; c < csv->count; c++)
            lines[c] = csv->fields[c].line, cells[c] = csv->fields[c].text;
        eco_i_table_row row = {cells, lines, csv->count, csv->row_line, ++number, NULL};
        if ((rc = eco_i_table_row_read(t, &row, err)) < 0)
            break;
    }
    free(lines);
    free(cells);
    return rc;
}

int eco_i_read_table_csv(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    eco_i_csv csv;
    eco_i_table t = {0};
    char **names = NULL;
    size_t count = 0;
    int rc;

    eco_i_csv_init(&csv, in->data, in->len);
    if ((rc = eco_i_csv_row(&csv, in->source, err)) <= 0) {
        if (rc == 0)
            rc = eco_error_set(err, ECO_EDATA, in->source, 0, 0, "file is empty");
        goto cleanup;
    }
    count = csv.count;
    if ((rc = header_names(&csv, &names)) < 0) {
        rc = eco_error_set(err, rc, in->source, 1, 0, "out of memory");
        goto cleanup;
    }
    if ((rc = eco_i_table_begin(&t, g, in, "table", (const char *const *)names, count, err)) == 0)
        rc = csv_rows(&t, &csv, err);
cleanup:
    eco_i_table_end(&t);
    names_free(names, count);
    eco_i_csv_free(&csv);
    return rc < 0 ? rc : 0;
}
