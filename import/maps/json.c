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

typedef struct cursor {
    const char *at, *end;
    int line, column;
} cursor;

static void step(cursor *c)
{
    unsigned char ch = (unsigned char)*c->at++;
    if (ch == '\n')
        c->line++, c->column = 1;
    else if ((ch & 0xC0) != 0x80)
        c->column++;
}

static void skip_space(cursor *c)
{
    while (c->at < c->end && strchr(" \t\r\n", *c->at) && *c->at)
        step(c);
}

/* Skips a string at c (which starts at its quote); copies up to n-1 bytes of its raw
 * contents to out when out is not NULL. */
static void skip_string(cursor *c, char *out, size_t n)
{
    size_t len = 0;
    step(c);
    while (c->at < c->end && *c->at != '"') {
        if (*c->at == '\\' && c->at + 1 < c->end) {
            if (out && len + 1 < n)
                out[len++] = *c->at;
            step(c);
        }
        if (out && len + 1 < n)
            out[len++] = *c->at;
        step(c);
    }
    if (c->at < c->end)
        step(c);
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
            step(c);
            if (depth == 0 && ch != '{' && ch != '[' && ch != '}' && ch != ']') {
                /* a scalar: run to its end */
                while (c->at < c->end && !strchr(",]} \t\r\n", *c->at))
                    step(c);
                return;
            }
        }
        skip_space(c);
    } while (depth > 0);
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
    step(c);
    for (;;) {
        skip_space(c);
        if (c->at >= c->end || *c->at == '}' || *c->at == ']')
            return 0;
        if (is_object) {
            skip_string(c, key, sizeof(key));
            skip_space(c);
            if (c->at < c->end && *c->at == ':')
                step(c);
            skip_space(c);
            if (strcmp(key, s->key) == 0)
                return 1;
        } else if (index++ == s->index) {
            return 1;
        }
        skip_value(c);
        skip_space(c);
        if (c->at < c->end && *c->at == ',')
            step(c);
    }
}

void eco_i_json_locate(const char *text, size_t len, const eco_i_json_step *path, size_t depth,
                       int *line, int *column)
{
    cursor c = {text, text + len, 1, 1};

    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        c.at += 3;
    *line = *column = 0;
    skip_space(&c);
    for (size_t i = 0; i < depth; i++) {
        cursor container = c;
        if (!enter(&c, &path[i])) {
            c = container;
            break;
        }
        skip_space(&c);
    }
    *line = c.line;
    *column = c.column;
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
