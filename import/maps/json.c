/*
 * import/maps/json.c - JSON texts: loading them, telling which map one holds, and where a
 * value stands in one.
 *
 * jansson reports the position of syntax errors but keeps none for the values it parsed.
 * When a well-formed map says something wrong ("tie 3 names an unknown actor"), this walks
 * the text once more along the value's path to point the user at the line and column.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

/* ---- Loading ---------------------------------------------------------------------------- */

json_t *eco_i_json_load(const eco_i_input *in, size_t flags, eco_error *err)
{
    size_t skip = in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    json_error_t jerr;
    json_t *root;
    const char *text = jerr.text;

    eco_i_watch_jansson();
    root = json_loadb(in->data + skip, in->len - skip, flags, &jerr);
    if (eco_i_watch_failed()) {
        json_decref(root); /* it may even be whole, but a string short of a byte */
        eco_error_set(err, ECO_ENOMEM, in->source, 0, 0, "out of memory reading JSON");
        return NULL;
    }
    if (root)
        return root;
    /* jansson names its own flag here; the user needs to know what the file holds */
    if (strstr(jerr.text, "JSON_ALLOW_NUL"))
        text = "a string holds \\u0000, a NUL character, which no name or value may hold";
    eco_error_set(err, ECO_EDATA, in->source, jerr.line > 0 ? jerr.line : 1,
                  jerr.column > 0 ? jerr.column + (jerr.line == 1 && skip ? 1 : 0) : 1, "%s", text);
    return NULL;
}

/* ---- Positions -------------------------------------------------------------------------- */

/* A place in the text; lines and columns come from the input's map of positions. */
typedef struct cursor {
    const char *at, *end;
} cursor;

static void skip_space(cursor *c)
{
    while (c->at < c->end && (*c->at == ' ' || *c->at == '\t' || *c->at == '\r' || *c->at == '\n'))
        c->at++;
}

/* Skips a string at c (which starts at its quote); copies up to n-1 bytes of its raw
 * contents to out when out is not NULL. */
static void skip_string(cursor *c, char *out, size_t n)
{
    size_t len = 0;
    c->at++;
    while (c->at < c->end && *c->at != '"') {
        if (*c->at == '\\' && c->at + 1 < c->end) {
            if (out && len + 1 < n)
                out[len++] = *c->at;
            c->at++;
        }
        if (out && len + 1 < n)
            out[len++] = *c->at;
        c->at++;
    }
    if (c->at < c->end)
        c->at++;
    if (out)
        out[len] = '\0';
}

/* Skips one value of any kind. */
static void skip_value(cursor *c)
{
    int depth = 0;
    skip_space(c);
    do {
        if (c->at >= c->end)
            return;
        char ch = *c->at;
        if (ch == '"') {
            skip_string(c, NULL, 0);
        } else {
            if (ch == '{' || ch == '[')
                depth++;
            else if (ch == '}' || ch == ']')
                depth--;
            c->at++;
            if (depth == 0 && ch != '{' && ch != '[' && ch != '}' && ch != ']') {
                /* a scalar: run to its end */
                while (c->at < c->end && !strchr(",]} \t\r\n", *c->at))
                    c->at++;
                return;
            }
        }
        skip_space(c);
    } while (depth > 0);
}

/* Moves c past the separator after a member or an item; 0 at the container's end. */
static int next_member(cursor *c)
{
    skip_value(c);
    skip_space(c);
    if (c->at < c->end && *c->at == ',')
        c->at++;
    skip_space(c);
    return c->at < c->end && *c->at != '}' && *c->at != ']';
}

/* Moves c into the container value at c, onto the member that s names; 0 if absent. */
static int enter(cursor *c, const eco_i_json_step *s)
{
    char key[256];
    size_t index = 0;

    skip_space(c);
    if (c->at >= c->end || (*c->at != '{' && *c->at != '['))
        return 0;
    int is_object = *c->at == '{';
    if (is_object != (s->key != NULL))
        return 0;
    c->at++;
    skip_space(c);
    if (c->at >= c->end || *c->at == '}' || *c->at == ']')
        return 0;
    for (;;) {
        if (is_object) {
            skip_string(c, key, sizeof(key));
            skip_space(c);
            if (c->at < c->end && *c->at == ':')
                c->at++;
            skip_space(c);
            if (strcmp(key, s->key) == 0)
                return 1;
        } else if (index++ == s->index) {
            return 1;
        }
        if (!next_member(c))
            return 0;
    }
}

/* Walks c along depth steps of path; stops at the container that lacks a step. */
static void walk(cursor *c, const eco_i_json_step *path, size_t depth)
{
    skip_space(c);
    for (size_t i = 0; i < depth; i++) {
        cursor container = *c;
        if (!enter(c, &path[i])) {
            *c = container;
            return;
        }
        skip_space(c);
    }
}

static int same_steps(const eco_i_json_where *w, const eco_i_json_step *path, size_t depth)
{
    if (!w->indexed || depth != w->prefix_depth)
        return 0;
    for (size_t i = 0; i < depth; i++)
        if ((path[i].key == NULL) != (w->prefix[i] == NULL) ||
            (path[i].key ? strcmp(path[i].key, w->prefix[i]) != 0
                         : path[i].index != w->prefix_index[i]))
            return 0;
    return 1;
}

/* Notes where each item of the array at c starts, for the path that led there; gives up
 * quietly (every question then walks) when memory runs out. */
static void index_items(eco_i_json_where *w, cursor c, const eco_i_json_step *path, size_t depth)
{
    eco_i_json_where_free(w);
    if (depth > sizeof(w->prefix) / sizeof(w->prefix[0]))
        return;
    for (size_t i = 0; i < depth; i++) {
        w->prefix_index[i] = path[i].index;
        if (path[i].key && !(w->prefix[i] = strdup(path[i].key))) {
            eco_i_json_where_free(w);
            return;
        }
    }
    w->prefix_depth = depth;
    w->array = (size_t)(c.at - w->text);
    if (c.at < c.end && *c.at == '[') {
        c.at++;
        skip_space(&c);
        for (int more = c.at < c.end && *c.at != ']'; more; more = next_member(&c)) {
            if (eco_i_reserve(&w->items, &w->item_cap, w->item_count + 1, sizeof(size_t)) < 0) {
                eco_i_json_where_free(w);
                return;
            }
            w->items[w->item_count++] = (size_t)(c.at - w->text);
        }
    }
    w->indexed = 1;
}

void eco_i_json_where_init(eco_i_json_where *w, const char *text, size_t len)
{
    memset(w, 0, sizeof(*w));
    w->text = text;
    w->len = len;
}

void eco_i_json_where_free(eco_i_json_where *w)
{
    for (size_t i = 0; i < sizeof(w->prefix) / sizeof(w->prefix[0]); i++) {
        free(w->prefix[i]);
        w->prefix[i] = NULL;
    }
    free(w->items);
    w->items = NULL;
    w->item_count = w->item_cap = 0;
    w->prefix_depth = 0;
    w->indexed = 0;
}

void eco_i_json_where_end(eco_i_json_where *w)
{
    eco_i_json_where_free(w);
    eco_i_text_map_free(&w->lines);
    w->mapped = 0;
}

/* The line and column of offset: from the map of positions, made on the first question. */
static void position(eco_i_json_where *w, size_t offset, int *line, int *column)
{
    if (!w->mapped && eco_i_text_map_init(&w->lines, w->text, w->len) == 0)
        w->mapped = 1;
    if (w->mapped) {
        eco_i_text_map_find(&w->lines, offset, line, column);
        return;
    }
    /* out of memory: the whole text as one block, counted from its start */
    int first_line = 1, first_column = 1;
    eco_i_text_map whole = {w->text, w->len, 0, &first_line, &first_column, 1};
    whole.skip = w->len >= 3 && memcmp(w->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    eco_i_text_map_find(&whole, offset, line, column);
}

void eco_i_json_where_find(eco_i_json_where *w, const eco_i_json_step *path, size_t depth,
                           int *line, int *column)
{
    cursor c = {w->text, w->text + w->len};
    size_t k = 0;

    if (w->len >= 3 && memcmp(w->text, "\xEF\xBB\xBF", 3) == 0)
        c.at += 3;
    while (k < depth && path[k].key)
        k++;
    if (k < depth) { /* an item of an array: found through the array's index of items */
        if (!same_steps(w, path, k)) {
            cursor array = c;
            walk(&array, path, k);
            index_items(w, array, path, k);
        }
        if (same_steps(w, path, k)) {
            c.at = w->text + w->array;
            if (path[k].index < w->item_count) {
                c.at = w->text + w->items[path[k].index];
                walk(&c, path + k + 1, depth - k - 1);
            }
            position(w, (size_t)(c.at - w->text), line, column);
            return;
        }
    }
    walk(&c, path, depth);
    position(w, (size_t)(c.at - w->text), line, column);
}

void eco_i_json_locate(const char *text, size_t len, const eco_i_json_step *path, size_t depth,
                       int *line, int *column)
{
    eco_i_json_where w;
    eco_i_json_where_init(&w, text, len);
    eco_i_json_where_find(&w, path, depth, line, column);
    eco_i_json_where_end(&w);
}

/* ---- Which map a JSON text holds -------------------------------------------------------- */

static const char *array_kind(json_t *root)
{
    json_t *first = json_array_get(root, 0);
    if (json_is_object(first) && json_is_object(json_object_get(first, "data")))
        return "cytoscape";
    return NULL;
}

const char *eco_i_json_kind(const char *data, size_t len)
{
    json_t *root, *elements;
    const char *kind = NULL;

    /* ecomap writes "format" first: a map is known without parsing it twice. */
    if (eco_i_memmem(data, len < 256 ? len : 256, "\"format\"", 8))
        return "json";
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, len -= 3;
    eco_i_watch_jansson(); /* the importer asks eco_i_watch_failed after detecting */
    if (!(root = json_loadb(data, len, 0, NULL)))
        return "json";
    elements = json_object_get(root, "elements");
    if (json_is_array(root))
        kind = array_kind(root);
    else if (json_object_get(root, "format"))
        kind = "json";
    else if (json_object_get(root, "connections") ||
             (json_is_array(elements) && json_is_object(json_array_get(elements, 0)) &&
              json_is_object(json_object_get(json_array_get(elements, 0), "attributes"))))
        kind = "kumu-json";
    else if (json_is_object(elements) || json_is_array(elements))
        kind = "cytoscape";
    else if (json_array_size(json_object_get(root, "nodes")) > 0 ||
             (json_is_array(json_object_get(root, "nodes")) && json_object_get(root, "directed")))
        kind = "node-link";
    json_decref(root);
    /* Any other JSON is read as a map, so that the native reader says what it lacks. */
    return kind ? kind : "json";
}
