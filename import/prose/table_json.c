/*
 * import/prose/table_json.c - a JSON array of objects as a table of records (Participedia's
 * JSON exports of cases, methods and organisations, a platform's export as JSON): each
 * key a column, in the order keys first appear, each object a row.
 *
 * A string is its cell; a number or a boolean is written out; an array of strings and
 * numbers is its items joined by "; " (Participedia's sectors), or, in a column of topics
 * (Participedia's issues), kept apart as items of a list; null, objects and deeper arrays
 * are empty cells.  jansson keeps no positions, so each object's line
 * comes from one scan of the text for where the array's items start (item_offsets), and
 * each cell's from one scan of its object (member_lines).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

/* ---- Where each item starts ------------------------------------------------------------- */

/* The offsets of the first count items of the array that starts at text[at]: one pass,
 * strings skipped, brackets counted. */
static void item_offsets(const char *text, size_t len, size_t at, size_t *offsets, size_t count)
{
    size_t n = 0;
    int depth = 0, in_string = 0, expect = 1;

    for (; at < len && n < count; at++) {
        char ch = text[at];
        if (in_string) {
            if (ch == '\\')
                at++;
            else if (ch == '"')
                in_string = 0;
            continue;
        }
        if (depth == 1 && expect && !strchr(" \t\r\n,]", ch))
            offsets[n++] = at, expect = 0;
        if (ch == '"')
            in_string = 1;
        else if (ch == '[' || ch == '{')
            depth++;
        else if (ch == ']' || ch == '}')
            depth--;
        else if (ch == ',' && depth == 1)
            expect = 1;
    }
    for (; n < count; n++)
        offsets[n] = len;
}

/* The index just past the string whose opening quote is text[at]. */
static size_t string_end(const char *text, size_t len, size_t at)
{
    for (at++; at < len && text[at] != '"'; at++)
        if (text[at] == '\\')
            at++;
    return at < len ? at + 1 : len;
}

/* The column called the key text[from..to), written without escapes; count when none. */
static size_t column_of_key(const char *text, size_t from, size_t to, const char *const *names,
                            size_t count)
{
    size_t c = 0;
    while (c < count && (strlen(names[c]) != to - from || memcmp(names[c], text + from, to - from)))
        c++;
    return c;
}

/* The line each member's value starts on, for the object that starts at text[at] on line:
 * lines[c] for the key names[c], the object's own line for a key it lacks or writes with
 * escapes.  One pass over the object: JSON strings hold no raw line break, so every '\n'
 * met is a line of the file. */
static void member_lines(const char *text, size_t len, size_t at, int line,
                         const char *const *names, size_t count, int *lines)
{
    int depth = 0, expect_key = 1;

    for (size_t c = 0; c < count; c++)
        lines[c] = line;
    if (at >= len || text[at] != '{')
        return; /* an item that is no object is skipped, its cells unread */
    for (; at < len; at++) {
        char ch = text[at];
        if (ch == '"') {
            size_t end = string_end(text, len, at), c, value = end;
            if (depth == 1 && expect_key) {
                while (value < len && text[value] && strchr(" \t\r\n:", text[value]))
                    line += text[value++] == '\n';
                if ((c = column_of_key(text, at + 1, end - 1, names, count)) < count)
                    lines[c] = line;
                expect_key = 0;
                end = value;
            }
            at = end - 1;
        } else if (ch == '\n') {
            line++;
        } else if (ch == '{' || ch == '[') {
            depth++;
        } else if (ch == '}' || ch == ']') {
            if (--depth == 0)
                return;
        } else if (ch == ',' && depth == 1) {
            expect_key = 1;
        }
    }
}

/* ---- Columns and cells ------------------------------------------------------------------ */

typedef struct json_table {
    const char **names; /* every key of every object, in the order they first appear */
    size_t count, cap;
    char **cells;       /* the row being read, one per name (owned strings) */
    int *lines;         /* and their lines */
} json_table;

static int add_names(json_table *jt, json_t *root)
{
    size_t i;
    json_t *item;

    json_array_foreach(root, i, item) {
        const char *key;
        json_t *value;
        json_object_foreach(item, key, value) {
            size_t c = 0;
            while (c < jt->count && strcmp(jt->names[c], key) != 0)
                c++;
            if (c < jt->count)
                continue;
            if (eco_i_reserve(&jt->names, &jt->cap, jt->count + 1, sizeof(*jt->names)) < 0)
                return ECO_ENOMEM;
            jt->names[jt->count++] = key;
        }
    }
    return 0;
}

/* A scalar written out into buf; "" for null, objects and arrays. */
static const char *scalar(json_t *v, char *buf, size_t n)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v))
        snprintf(buf, n, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, n, "%g", json_real_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, n, "%s", json_is_true(v) ? "true" : "false");
    else
        buf[0] = '\0';
    return buf;
}

/* The cell of value v, malloc'd; NULL when memory runs out.  An array's items are joined
 * by "; ", or, for a list read item by item (list), each followed by ECO_I_TABLE_ITEM, so
 * that even one item says it is a list whose commas are its own. */
static char *cell_text(json_t *v, int list)
{
    char buf[64], *out;
    size_t len = 0, i;
    json_t *item;

    if (!json_is_array(v))
        return strdup(scalar(v, buf, sizeof(buf)));
    json_array_foreach(v, i, item) len += strlen(scalar(item, buf, sizeof(buf))) + 2;
    if (!(out = malloc(len + 1)))
        return NULL;
    out[0] = '\0';
    len = 0;
    json_array_foreach(v, i, item) {
        const char *s = scalar(item, buf, sizeof(buf));
        if (*s && list)
            len += (size_t)sprintf(out + len, "%s%c", s, ECO_I_TABLE_ITEM);
        else if (*s)
            len += (size_t)sprintf(out + len, "%s%s", len ? "; " : "", s);
    }
    return out;
}

static void cells_clear(json_table *jt)
{
    for (size_t c = 0; jt->cells && c < jt->count; c++) {
        free(jt->cells[c]);
        jt->cells[c] = NULL;
    }
}

/* ---- Detection and reading -------------------------------------------------------------- */

/* The array of objects data holds, or NULL (nothing allocated is left). */
static json_t *object_array(const char *data, size_t len)
{
    json_t *root;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, len -= 3;
    eco_i_watch_jansson();
    root = json_loadb(data, len, 0, NULL);
    if (json_is_array(root) && json_is_object(json_array_get(root, 0)))
        return root;
    json_decref(root);
    return NULL;
}

int eco_i_is_table_json(const char *data, size_t len, const eco_i_column_map *cols)
{
    json_t *root = object_array(data, len);
    json_table jt = {0};
    eco_i_table_layout layout = {0};
    int is = 0, rc = root ? add_names(&jt, root) : 0;

    if (root && rc == 0) {
        is = eco_i_column_map_names_any(cols, jt.names, jt.count);
        if (!is && (rc = eco_i_table_layout_guess(&layout, jt.names, jt.count)) == 0)
            is = eco_i_table_layout_is_records(&layout, 1);
    }
    if (rc == ECO_ENOMEM)
        eco_i_watch_note(); /* the importer asks after detecting */
    eco_i_table_layout_free(&layout);
    free(jt.names);
    json_decref(root);
    return is;
}

static int json_rows(eco_i_table *t, json_table *jt, json_t *root, eco_error *err)
{
    size_t n = json_array_size(root), *offsets = malloc((n + 1) * sizeof(*offsets));
    const char *text = t->in->data;
    eco_i_text_map map = {0};
    int rc = 0, line, column;

    if (!offsets || eco_i_text_map_init(&map, text, t->in->len) < 0) {
        free(offsets);
        return eco_error_set(err, ECO_ENOMEM, t->in->source, 0, 0, "out of memory");
    }
    item_offsets(text, t->in->len, (size_t)(strchr(text, '[') - text), offsets, n);
    for (size_t i = 0; i < n && rc == 0; i++) {
        json_t *item = json_array_get(root, i);
        eco_i_text_map_find(&map, offsets[i], &line, &column);
        cells_clear(jt);
        member_lines(text, t->in->len, offsets[i], line, jt->names, jt->count, jt->lines);
        for (size_t c = 0; c < jt->count && rc == 0; c++) {
            int list = c < t->layout.count && t->layout.role[c] == ECO_I_COLUMN_TOPICS;
            if (!(jt->cells[c] = cell_text(json_object_get(item, jt->names[c]), list)))
                rc = eco_error_set(err, ECO_ENOMEM, t->in->source, line, 0, "out of memory");
        }
        eco_i_table_row row = {jt->cells, jt->lines, jt->count, line, i + 1, jt->names};
        if (rc == 0 && !json_is_object(item))
            rc = eco_i_warn(t->in->opt, err, t->in->source, line, column,
                            "item %zu is no object of a record: skipped", i + 1);
        else if (rc == 0)
            rc = eco_i_table_row_read(t, &row, err);
    }
    cells_clear(jt);
    eco_i_text_map_free(&map);
    free(offsets);
    return rc;
}

int eco_i_read_table_json(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    json_t *root = NULL;
    json_table jt = {0};
    eco_i_table t = {0};
    int rc = 0;

    size_t skip = in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    json_error_t bad;

    eco_i_watch_clear();
    root = json_loadb(in->data + skip, in->len - skip, 0, &bad);
    if (eco_i_watch_failed()) {
        rc = eco_error_set(err, ECO_ENOMEM, in->source, 0, 0, "out of memory reading JSON");
        goto cleanup;
    }
    if (!root) {
        rc = eco_error_set(err, ECO_EDATA, in->source, bad.line > 0 ? bad.line : 1,
                           bad.column > 0 ? bad.column : 1, "%s", bad.text);
        goto cleanup;
    }
    if (!json_is_array(root)) {
        rc = eco_error_set(err, ECO_EDATA, in->source, 1, 1,
                           "expected a JSON array of records, one object each");
        goto cleanup;
    }
    if (add_names(&jt, root) < 0 || !(jt.cells = calloc(jt.count + 1, sizeof(*jt.cells))) ||
        !(jt.lines = calloc(jt.count + 1, sizeof(*jt.lines)))) {
        rc = eco_error_set(err, ECO_ENOMEM, in->source, 0, 0, "out of memory");
        goto cleanup;
    }
    if ((rc = eco_i_table_begin(&t, g, in, "table-json", jt.names, jt.count, err)) == 0)
        rc = json_rows(&t, &jt, root, err);
cleanup:
    eco_i_table_end(&t);
    free(jt.cells);
    free(jt.lines);
    free(jt.names);
    json_decref(root);
    return rc;
}
