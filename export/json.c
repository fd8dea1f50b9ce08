/*
 * export/json.c - the JSON writers: ecomap's native map (docs/FORMAT.md) and NetworkX
 * node-link JSON, and the nodes and edges that cytoscape.c wraps.  Values are built with
 * jansson in the shared order and dumped with preserved key order, so the same graph always
 * gives the same bytes; the two maps are dumped item by item (see "Writing a large document").
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"
#include "vocabulary.h"

#define FORMAT_VERSION 1

/* ---- Building values -------------------------------------------------------------------- */

/* Each helper returns 0 or -1; a NULL value from a constructor counts as a failure, and
 * json_object_set_new takes ownership even when it fails.  Every string of a map is UTF-8
 * (core/graph.c repairs what is not as it pools it), keys and values alike, so none is
 * checked again for each of the map's half a million passages. */
static int put(json_t *object, const char *key, json_t *value)
{
    return value ? json_object_set_new_nocheck(object, key, value) : -1;
}

static json_t *text(const char *s)
{
    return json_string_nocheck(s);
}

static json_t *string_or_null(const char *s)
{
    return s ? text(s) : json_null();
}

static json_t *number(double v)
{
    /* Whole weights print as integers, as people write them. */
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *string_array(const char *const *items, size_t n)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < n; i++) {
        if (json_array_append_new(array, text(items[i])) < 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

static json_t *evidence_array(const eco_tie *t)
{
    json_t *array = json_array();
    for (size_t i = 0; array && i < t->evidence_count; i++) {
        const eco_evidence *ev = &t->evidence[i];
        json_t *item = json_object();
        if (!item || put(item, "record", string_or_null(ev->record)) < 0 ||
            put(item, "source", string_or_null(ev->source)) < 0 ||
            put(item, "line", ev->line ? json_integer(ev->line) : json_null()) < 0 ||
            put(item, "text", string_or_null(ev->text)) < 0 ||
            json_array_append_new(array, item) < 0) {
            json_decref(item);
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

static json_t *attribute_object(const eco_actor *a)
{
    json_t *object = json_object();
    for (size_t i = 0; object && i < a->attribute_count; i++) {
        if (put(object, a->attributes[i].key, text(a->attributes[i].value)) < 0) {
            json_decref(object);
            return NULL;
        }
    }
    return object;
}

/* The fields an actor has in every JSON format, in this order. */
static int put_actor_fields(json_t *item, const eco_actor *a)
{
    if (put(item, "id", text(a->id)) < 0 || put(item, "name", text(a->name)) < 0 ||
        put(item, "type", string_or_null(eco_actor_type_name(a->type))) < 0 ||
        put(item, "country", string_or_null(a->country)) < 0 ||
        put(item, "country_code", string_or_null(eco_i_country_code(a->country))) < 0 ||
        put(item, "aliases", string_array(a->aliases, a->alias_count)) < 0)
        return -1;
    return 0;
}

/* The fields a tie has in every JSON format, after its ends, but its evidence. */
static int put_tie_fields(json_t *item, const eco_tie *t)
{
    if (put(item, "kind", text(eco_tie_kind_name(t->kind))) < 0 ||
        put(item, "directed", json_boolean(t->directed)) < 0 ||
        put(item, "weight", number(t->weight)) < 0)
        return -1;
    return 0;
}

/*
 * Output goes through a buffer: jansson hands its text over a few bytes at a time, and
 * json_dumpf made each piece an fwrite, which for a large map cost more than building the
 * text.  indent shifts every line jansson starts, so that a value dumped on its own lands
 * where it would sit inside the whole document.
 */
typedef struct dump_buffer {
    FILE *fp;
    size_t used;
    size_t indent;
    char bytes[1 << 16];
} dump_buffer;

/* A growing buffer for one value's text, kept from one tie to the next. */
typedef struct scratch {
    char *bytes;
    size_t len, cap;
} scratch;

static int dump_flush(dump_buffer *b)
{
    int ok = b->used == 0 || fwrite(b->bytes, 1, b->used, b->fp) == b->used;
    b->used = 0;
    return ok ? 0 : -1;
}

static int dump_bytes(dump_buffer *b, const char *text, size_t size)
{
    if (size > sizeof(b->bytes) - b->used) {
        if (dump_flush(b) < 0)
            return -1;
        if (size > sizeof(b->bytes))
            return fwrite(text, 1, size, b->fp) == size ? 0 : -1;
    }
    memcpy(b->bytes + b->used, text, size);
    b->used += size;
    return 0;
}

static int dump_piece(const char *text, size_t size, void *data)
{
    static const char spaces[] = "                ";
    dump_buffer *b = data;
    const char *eol;

    /* JSON strings escape their line breaks, so every '\n' here starts a line */
    while (b->indent && (eol = memchr(text, '\n', size))) {
        size_t line = (size_t)(eol - text) + 1;
        if (dump_bytes(b, text, line) < 0 || dump_bytes(b, spaces, b->indent) < 0)
            return -1;
        text += line, size -= line;
    }
    return dump_bytes(b, text, size);
}

/* Dumps value, which it owns: 0, ECO_ENOMEM, or ECO_EIO when writing failed. */
static int dump_value(dump_buffer *b, json_t *value, size_t indent)
{
    int rc;
    b->indent = indent;
    eco_i_watch_jansson();
    rc = value ? json_dump_callback(value, dump_piece, b,
                                    JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)
               : -1;
    json_decref(value);
    return rc == 0 ? 0 : !value || eco_i_watch_failed() ? ECO_ENOMEM : ECO_EIO;
}

/* ---- Evidence, written by hand ---------------------------------------------------------- */

/*
 * A map of 10,000 records holds half a million passages of evidence, and building a jansson
 * value of each only to write it was most of the time of writing the map.  They are written
 * here, byte for byte as json_dump_callback writes them with JSON_INDENT(2): strings escaped
 * as jansson escapes them (quote, backslash, control characters; UTF-8 as it is, which
 * every string of a map is), each passage an object of record, source, line and text.
 */
static int json_text(dump_buffer *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *run;

    if (!s)
        return dump_bytes(b, "null", 4);
    if (dump_bytes(b, "\"", 1) < 0)
        return -1;
    for (run = s; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        size_t n = 2;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default: n = 6; /* \u00XX */
        }
        if (dump_bytes(b, run, (size_t)(s - run)) < 0 || dump_bytes(b, esc, n) < 0)
            return -1;
        run = s + 1;
    }
    return dump_bytes(b, run, (size_t)(s - run)) < 0 || dump_bytes(b, "\"", 1) < 0 ? -1 : 0;
}

/* Writes a string literal s, a line break in it starting a line at b's indentation. */
#define DUMP_LITERAL(b, s) dump_piece((s), sizeof(s) - 1, (b))

/* The evidence of t as the last member of its object, and the object's close, at the
 * indentation b holds. */
static int json_evidence(dump_buffer *b, const eco_tie *t)
{
    char line[32];

    if (t->evidence_count == 0)
        return DUMP_LITERAL(b, ",\n  \"evidence\": []\n}");
    if (DUMP_LITERAL(b, ",\n  \"evidence\": [") < 0)
        return -1;
    for (size_t i = 0; i < t->evidence_count; i++) {
        const eco_evidence *ev = &t->evidence[i];
        int n = snprintf(line, sizeof(line), "%d", ev->line);
        if ((i && DUMP_LITERAL(b, ",") < 0) || DUMP_LITERAL(b, "\n    {\n      \"record\": ") < 0 ||
            json_text(b, ev->record) < 0 || DUMP_LITERAL(b, ",\n      \"source\": ") < 0 ||
            json_text(b, ev->source) < 0 || DUMP_LITERAL(b, ",\n      \"line\": ") < 0 ||
            (ev->line ? dump_bytes(b, line, (size_t)n) : dump_bytes(b, "null", 4)) < 0 ||
            DUMP_LITERAL(b, ",\n      \"text\": ") < 0 || json_text(b, ev->text) < 0 ||
            DUMP_LITERAL(b, "\n    }") < 0)
            return -1;
    }
    return DUMP_LITERAL(b, "\n  ]\n}");
}

/* A json_dump_callback that gathers the text in a scratch buffer. */
static int to_scratch(const char *text, size_t size, void *data)
{
    scratch *sc = data;
    if (sc->len + size > sc->cap) {
        size_t cap = sc->cap ? sc->cap : 1024;
        while (cap < sc->len + size)
            cap *= 2;
        char *grown = realloc(sc->bytes, cap);
        if (!grown)
            return -1;
        sc->bytes = grown;
        sc->cap = cap;
    }
    memcpy(sc->bytes + sc->len, text, size);
    sc->len += size;
    return 0;
}

int eco_i_json_dump(json_t *root, FILE *fp, const char *destination, eco_error *err)
{
    dump_buffer *b = NULL;
    int rc = 0;

    if (!root || !(b = malloc(sizeof(*b)))) {
        json_decref(root);
        rc = ECO_ENOMEM;
    } else {
        b->fp = fp;
        b->used = 0;
        if ((rc = dump_value(b, root, 0)) == 0 && (dump_bytes(b, "\n", 1) < 0 || dump_flush(b) < 0))
            rc = ECO_EIO;
    }
    free(b);
    if (rc < 0)
        return eco_error_set(err, rc, destination, 0, 0,
                             rc == ECO_EIO ? "cannot write the map" : "out of memory building the map");
    return 0;
}

/* ---- Writing a large document piece by piece -------------------------------------------- */

/*
 * The native and node-link maps are an object of a few members whose arrays hold every
 * record, actor and tie.  Built whole, the jansson tree of a large map took more time and
 * memory than the map itself; instead each member and each array item is built and dumped
 * on its own, at the indentation it has in the whole, so the bytes equal a whole dump.
 */
typedef struct stream {
    dump_buffer b;
    size_t members;
    scratch fields; /* a tie's fields, before its evidence */
    int rc;         /* the first failure */
} stream;

typedef struct items {
    const eco_graph *g;
    const size_t *order; /* the items in writing order */
    size_t count;
    int keyed;           /* node-link edges carry their kind as a key */
    json_t *(*make)(const struct items *items, size_t i); /* an item as a value, or */
    int (*write)(stream *st, const struct items *items, size_t i); /* written whole */
} items;

static void stream_bytes(stream *st, const char *text)
{
    if (st->rc == 0 && dump_bytes(&st->b, text, strlen(text)) < 0)
        st->rc = ECO_EIO;
}

/* Dumps value, which it owns, at the indentation of a member's value or an array's item. */
static void stream_value(stream *st, json_t *value, size_t indent)
{
    if (!value && st->rc == 0)
        st->rc = ECO_ENOMEM;
    if (st->rc == 0)
        st->rc = dump_value(&st->b, value, indent);
    else
        json_decref(value);
}

/* Starts the next member of the top-level object; its key needs no escaping. */
static void stream_key(stream *st, const char *key)
{
    stream_bytes(st, st->members++ ? ",\n  \"" : "{\n  \"");
    stream_bytes(st, key);
    stream_bytes(st, "\": ");
}

static void stream_member(stream *st, const char *key, json_t *value)
{
    stream_key(st, key);
    stream_value(st, value, 2);
}

static void stream_array(stream *st, const char *key, const items *list)
{
    stream_key(st, key);
    for (size_t i = 0; i < list->count && st->rc == 0; i++) {
        stream_bytes(st, i ? ",\n    " : "[\n    ");
        if (list->write && st->rc == 0)
            st->rc = list->write(st, list, i);
        else
            stream_value(st, list->make(list, i), 4);
    }
    stream_bytes(st, list->count ? "\n  ]" : "[]");
}

static int stream_finish(stream *st, const char *destination, eco_error *err)
{
    free(st->fields.bytes);
    st->fields = (scratch){NULL, 0, 0};
    stream_bytes(st, "\n}\n");
    if (st->rc == 0 && dump_flush(&st->b) < 0)
        st->rc = ECO_EIO;
    if (st->rc < 0)
        return eco_error_set(err, st->rc, destination, 0, 0,
                             st->rc == ECO_EIO ? "cannot write the map" : "out of memory building the map");
    return 0;
}

/* ---- Native map ------------------------------------------------------------------------- */

static json_t *record_item(const items *list, size_t i)
{
    const eco_record *r = eco_graph_record(list->g, list->order[i]);
    json_t *item = json_object();
    if (!item || put(item, "id", text(r->id)) < 0 ||
        put(item, "path", string_or_null(r->path)) < 0 ||
        put(item, "format", string_or_null(r->format)) < 0 ||
        put(item, "title", string_or_null(r->title)) < 0 ||
        put(item, "country", string_or_null(r->country)) < 0 ||
        put(item, "country_code", string_or_null(eco_i_country_code(r->country))) < 0 ||
        put(item, "year", r->year ? json_integer(r->year) : json_null()) < 0 ||
        /* only a record that has topics says so: the maps of files without any keep the
         * bytes they always had */
        (r->topic_count && put(item, "topics", string_array(r->topics, r->topic_count)) < 0)) {
        json_decref(item);
        return NULL;
    }
    return item;
}

static json_t *actor_item(const items *list, size_t i)
{
    const eco_actor *a = eco_graph_actor(list->g, list->order[i]);
    json_t *item = json_object();
    if (!item || put_actor_fields(item, a) < 0 ||
        put(item, "attributes", attribute_object(a)) < 0 ||
        put(item, "records", string_array(a->records, a->record_count)) < 0) {
        json_decref(item);
        return NULL;
    }
    return item;
}

/* A tie's fields but its evidence, which comes last. */
static json_t *edge_but_evidence(const eco_graph *g, const eco_tie *t, const char *id, int keyed)
{
    json_t *item = json_object();
    if (!item || (id && put(item, "id", text(id)) < 0) ||
        put(item, "source", text(eco_graph_actor(g, t->source)->id)) < 0 ||
        put(item, "target", text(eco_graph_actor(g, t->target)->id)) < 0 ||
        (keyed && put(item, "key", text(eco_tie_kind_name(t->kind))) < 0) ||
        put_tie_fields(item, t) < 0) {
        json_decref(item);
        return NULL;
    }
    return item;
}

json_t *eco_i_json_edge(const eco_graph *g, const eco_tie *t, const char *id, int keyed)
{
    json_t *item = edge_but_evidence(g, t, id, keyed);
    if (item && put(item, "evidence", evidence_array(t)) < 0) {
        json_decref(item);
        return NULL;
    }
    return item;
}

/* A tie whole: its fields through jansson, its evidence by hand (json_evidence below). */
static int write_tie(stream *st, const items *list, size_t i)
{
    const eco_tie *t = eco_graph_tie(list->g, list->order[i]);
    json_t *edge = edge_but_evidence(list->g, t, NULL, list->keyed);
    scratch *sc = &st->fields;
    int rc;

    if (!edge)
        return ECO_ENOMEM;
    sc->len = 0;
    eco_i_watch_jansson();
    rc = json_dump_callback(edge, to_scratch, sc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(edge);
    if (rc != 0 || sc->len < 2)
        return ECO_ENOMEM; /* the scratch buffer or jansson ran out of memory */
    st->b.indent = 4;
    /* its fields without the object's closing "\n}", then the evidence and the close */
    if (dump_piece(sc->bytes, sc->len - 2, &st->b) < 0 || json_evidence(&st->b, t) < 0)
        return ECO_EIO;
    return 0;
}

/* The sorted records, actors and ties of g, for writing; 0 or ECO_ENOMEM. */
static int sorted_items(const eco_graph *g, items *records, items *actors, items *ties)
{
    size_t *order[3] = {NULL, NULL, NULL};
    if ((records && eco_i_sorted_records(g, &order[0]) < 0) ||
        eco_i_sorted_actors(g, &order[1]) < 0 || eco_i_sorted_ties(g, &order[2]) < 0) {
        for (size_t i = 0; i < 3; i++)
            free(order[i]);
        return ECO_ENOMEM;
    }
    if (records)
        *records = (items){g, order[0], eco_graph_record_count(g), 0, record_item, NULL};
    *actors = (items){g, order[1], eco_graph_actor_count(g), 0, actor_item, NULL};
    *ties = (items){g, order[2], eco_graph_tie_count(g), 0, NULL, write_tie};
    return 0;
}

static void free_items(items *records, items *actors, items *ties)
{
    if (records)
        free((size_t *)records->order);
    free((size_t *)actors->order);
    free((size_t *)ties->order);
}

int eco_i_write_native(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                       const char *destination, eco_error *err)
{
    items records, actors, ties;
    stream *st = malloc(sizeof(*st));
    int rc;

    (void)opt;
    if (!st || sorted_items(g, &records, &actors, &ties) < 0) {
        free(st);
        return eco_error_set(err, ECO_ENOMEM, destination, 0, 0, "out of memory building the map");
    }
    *st = (stream){.b = {.fp = fp}};
    stream_member(st, "format", text("ecomap"));
    stream_member(st, "version", json_integer(FORMAT_VERSION));
    stream_array(st, "records", &records);
    stream_array(st, "actors", &actors);
    stream_array(st, "ties", &ties);
    rc = stream_finish(st, destination, err);
    free_items(&records, &actors, &ties);
    free(st);
    return rc;
}

/* ---- NetworkX node-link ----------------------------------------------------------------- */

static const char *const node_fields[] = {"id",      "name",    "type", "country", "country_code",
                                          "aliases", "records", NULL};

/* A node's free attributes become its own keys, as NetworkX keeps them; one that would
 * overwrite a field of the contract is written "attribute:KEY" instead. */
static int put_node_attributes(json_t *item, const eco_actor *a)
{
    for (size_t i = 0; i < a->attribute_count; i++) {
        const char *key = a->attributes[i].key;
        char renamed[300];
        for (size_t f = 0; node_fields[f]; f++) {
            if (strcmp(key, node_fields[f]) == 0) {
                snprintf(renamed, sizeof(renamed), "attribute:%s", key);
                key = renamed;
                break;
            }
        }
        if (put(item, key, text(a->attributes[i].value)) < 0)
            return -1;
    }
    return 0;
}

json_t *eco_i_json_node(const eco_actor *a)
{
    json_t *item = json_object();
    if (!item || put_actor_fields(item, a) < 0 ||
        put(item, "records", string_array(a->records, a->record_count)) < 0 ||
        put_node_attributes(item, a) < 0) {
        json_decref(item);
        return NULL;
    }
    return item;
}

static json_t *node_item(const items *list, size_t i)
{
    return eco_i_json_node(eco_graph_actor(list->g, list->order[i]));
}

int eco_i_write_node_link(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                          const char *destination, eco_error *err)
{
    items actors, ties;
    stream *st = malloc(sizeof(*st));
    json_t *graph = json_object();
    size_t pairs;
    int rc;

    if (!st || !graph || put(graph, "generator", text("ecomap")) < 0 ||
        eco_i_count_linked_pairs(g, &pairs) < 0 || sorted_items(g, NULL, &actors, &ties) < 0) {
        free(st);
        json_decref(graph);
        return eco_error_set(err, ECO_ENOMEM, destination, 0, 0, "out of memory building the map");
    }
    /* Two ties between one pair (of different kinds) make a multigraph for NetworkX: a
     * simple graph would keep only the last of them. */
    ties.keyed = pairs < eco_graph_tie_count(g);
    actors.make = node_item;
    *st = (stream){.b = {.fp = fp}};
    stream_member(st, "directed", json_false());
    stream_member(st, "multigraph", json_boolean(ties.keyed));
    stream_member(st, "graph", graph);
    stream_array(st, "nodes", &actors);
    stream_array(st, opt->node_link_links ? "links" : "edges", &ties);
    rc = stream_finish(st, destination, err);
    free_items(NULL, &actors, &ties);
    free(st);
    return rc;
}
