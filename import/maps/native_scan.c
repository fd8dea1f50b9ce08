/*
 * import/maps/native_scan.c - ecomap's own map (docs/FORMAT.md) read in one pass over its
 * text: the reader every command goes through first.
 *
 * Each record, actor and tie is read into small buffers kept from object to object and
 * added to the graph when its closing brace is read, so that its keys may come in any order
 * and no tree of the document is ever held.  The scan reads what it is sure of and nothing
 * else: anything a map must not hold (a syntax error, a value of the wrong kind, a duplicate,
 * a tie to an unknown actor, a key it does not know) makes it decline, and native.c then
 * reads the text with jansson, which finds the first fault and says where it is.  A map the
 * scan reads gives the graph that native.c's reading gives, call for call.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

/* ---- What one object holds until it is added -------------------------------------------- */

enum { NONE = -1 };

/* Strings one after another in one buffer, each ending in its NUL (no string of a map may
 * hold a NUL), so that a list of them costs no allocation per item. */
typedef struct strings {
    eco_i_json_text bytes; /* the strings and their NULs */
    size_t count;          /* strings held */
} strings;

/* One piece of evidence: offsets of its strings in the reader's evidence strings. */
typedef struct piece {
    long record, source, text; /* offsets, or NONE for null or empty */
    int line;                  /* 0 when null */
} piece;

/* The most string members an object has, counted by the key indexes below (0 to 7). */
#define FIELDS 8

typedef struct reader {
    eco_i_json_scan s;         /* the text */
    eco_graph *map;            /* what it holds so far */
    eco_i_json_text field[FIELDS]; /* the string members of the object being read */
    int present[FIELDS];           /* whether each field holds a non-empty string */
    strings aliases, records;  /* an actor's lists */
    strings topics;            /* a record's topics */
    strings attributes;        /* an actor's attributes: key, value, key, value... */
    strings evidence;          /* a tie's evidence strings */
    piece *pieces;             /* a tie's evidence */
    size_t piece_count, piece_cap;
    int year;                  /* a record's year, 0 when null */
    eco_i_json_number weight;  /* a tie's weight */
    int directed;              /* a tie's "directed": 0, 1, or NONE when absent */
} reader;

static void reader_free(reader *r)
{
    eco_i_json_scan_free(&r->s);
    for (size_t k = 0; k < FIELDS; k++)
        free(r->field[k].text);
    free(r->aliases.bytes.text);
    free(r->records.bytes.text);
    free(r->topics.bytes.text);
    free(r->attributes.bytes.text);
    free(r->evidence.bytes.text);
    free(r->pieces);
}

static void strings_clear(strings *l)
{
    l->bytes.len = 0;
    l->count = 0;
}

/* Adds the string the scan just read, with its NUL. */
static int strings_add(strings *l, const eco_i_json_text *t)
{
    l->count++;
    return eco_i_json_text_append(&l->bytes, t->text, t->len + 1);
}

/* The string after s in a list, which ends in its NUL. */
static const char *strings_next(const char *s)
{
    return s + strlen(s) + 1;
}

/* ---- Members ---------------------------------------------------------------------------- */

/* Reads the key of a member and its colon; *index is its place in keys (NULL-terminated),
 * and a key not in keys, or one seen before in the object (a bit of *seen each), declines. */
static int member(reader *r, const char *const *keys, unsigned *seen, int *index)
{
    int rc;

    if ((rc = eco_i_json_scan_string(&r->s)) != 0)
        return rc;
    for (int k = 0; keys[k]; k++) {
        if (strcmp(r->s.string.text, keys[k]) == 0) {
            if (*seen & (1u << k))
                return ECO_I_SCAN_DECLINED;
            *seen |= 1u << k;
            *index = k;
            return eco_i_json_scan_char(&r->s, ':');
        }
    }
    return ECO_I_SCAN_DECLINED;
}

/* A string or null into field k: present[k] says whether it is a non-empty string, which
 * is how native.c's get_string reads an optional member. */
static int string_field(reader *r, int k)
{
    int rc, value;

    r->present[k] = 0;
    if (eco_i_json_scan_peek(&r->s) == 'n')
        return (rc = eco_i_json_scan_literal(&r->s, &value)) != 0 ? rc
               : value == NONE                                 ? 0
                                                               : ECO_I_SCAN_DECLINED;
    if ((rc = eco_i_json_scan_string_into(&r->s, &r->field[k])) != 0)
        return rc;
    r->present[k] = r->field[k].len > 0;
    return 0;
}

static const char *field_or_null(const reader *r, int k)
{
    return r->present[k] ? r->field[k].text : NULL;
}

/* A whole number from min to max, or null (*out 0). */
static int whole_or_null(reader *r, long long min, long long max, int *out)
{
    eco_i_json_number number;
    int rc, value;

    if (eco_i_json_scan_peek(&r->s) == 'n') {
        *out = 0;
        return (rc = eco_i_json_scan_literal(&r->s, &value)) != 0 ? rc
               : value == NONE                                 ? 0
                                                               : ECO_I_SCAN_DECLINED;
    }
    if ((rc = eco_i_json_scan_number(&r->s, &number)) != 0)
        return rc;
    if (!number.integer || number.whole < min || number.whole > max)
        return ECO_I_SCAN_DECLINED;
    *out = (int)number.whole;
    return 0;
}

/* An array of non-empty strings into l. */
static int string_list(reader *r, strings *l)
{
    int rc, more;

    strings_clear(l);
    if ((rc = eco_i_json_scan_char(&r->s, '[')) != 0)
        return rc;
    if (eco_i_json_scan_peek(&r->s) == ']')
        return eco_i_json_scan_next(&r->s, ']', &more);
    do {
        if ((rc = eco_i_json_scan_string(&r->s)) != 0)
            return rc;
        if (r->s.string.len == 0)
            return ECO_I_SCAN_DECLINED;
        if ((rc = strings_add(l, &r->s.string)) < 0 || (rc = eco_i_json_scan_next(&r->s, ']', &more)) != 0)
            return rc;
    } while (more);
    return 0;
}

/* Calls item(r) on each item of an array. */
static int each_item(reader *r, int (*item)(reader *))
{
    int rc, more;

    if ((rc = eco_i_json_scan_char(&r->s, '[')) != 0)
        return rc;
    if (eco_i_json_scan_peek(&r->s) == ']')
        return eco_i_json_scan_next(&r->s, ']', &more);
    do {
        if ((rc = item(r)) != 0 || (rc = eco_i_json_scan_next(&r->s, ']', &more)) != 0)
            return rc;
    } while (more);
    return 0;
}

/* Calls value(r, index) on each member of an object whose keys are among keys. */
static int each_member(reader *r, const char *const *keys, int (*value)(reader *, int))
{
    unsigned seen = 0;
    int rc, more, index;

    if ((rc = eco_i_json_scan_char(&r->s, '{')) != 0)
        return rc;
    if (eco_i_json_scan_peek(&r->s) == '}')
        return eco_i_json_scan_next(&r->s, '}', &more);
    do {
        if ((rc = member(r, keys, &seen, &index)) != 0 || (rc = value(r, index)) != 0 ||
            (rc = eco_i_json_scan_next(&r->s, '}', &more)) != 0)
            return rc;
    } while (more);
    return 0;
}

/* ---- Records ---------------------------------------------------------------------------- */

/* country_code is written for other tools and read past: the country's name says it. */
enum { RECORD_ID, RECORD_PATH, RECORD_FORMAT, RECORD_TITLE, RECORD_COUNTRY, RECORD_YEAR,
       RECORD_COUNTRY_CODE, RECORD_TOPICS };
static const char *const record_keys[] = {"id",   "path",         "format", "title", "country",
                                          "year", "country_code", "topics", NULL};

static int record_member(reader *r, int k)
{
    return k == RECORD_YEAR     ? whole_or_null(r, 0, 9999, &r->year)
           : k == RECORD_TOPICS ? string_list(r, &r->topics)
                                : string_field(r, k);
}

/* The record's topics as the array eco_record holds, into *out (malloc'd; NULL when there
 * are none). */
static int topic_array(const reader *r, const char ***out)
{
    const char *s = r->topics.bytes.text;

    *out = NULL;
    if (r->topics.count == 0)
        return 0;
    if (!(*out = malloc(r->topics.count * sizeof(**out))))
        return ECO_ENOMEM;
    for (size_t k = 0; k < r->topics.count; k++, s = strings_next(s))
        (*out)[k] = s;
    return 0;
}

static int read_record(reader *r)
{
    const char **topics;
    int rc;

    memset(r->present, 0, sizeof(r->present));
    r->year = 0;
    strings_clear(&r->topics);
    if ((rc = each_member(r, record_keys, record_member)) != 0 ||
        (rc = topic_array(r, &topics)) < 0)
        return rc;
    eco_record rec = {field_or_null(r, RECORD_ID),     field_or_null(r, RECORD_PATH),
                      field_or_null(r, RECORD_FORMAT),  field_or_null(r, RECORD_TITLE),
                      field_or_null(r, RECORD_COUNTRY), r->year,
                      topics,                           r->topics.count};
    if (!rec.id || eco_graph_find_record(NULL, r->map, rec.id) == 0)
        rc = ECO_I_SCAN_DECLINED;
    else
        rc = eco_graph_add_record(NULL, r->map, &rec);
    free(topics);
    return rc;
}

/* ---- Actors ----------------------------------------------------------------------------- */

enum { ACTOR_ID, ACTOR_NAME, ACTOR_TYPE, ACTOR_COUNTRY, ACTOR_ALIASES, ACTOR_RECORDS,
       ACTOR_ATTRIBUTES, ACTOR_COUNTRY_CODE };
static const char *const actor_keys[] = {"id",      "name",       "type",         "country",
                                         "aliases", "records",    "attributes",   "country_code",
                                         NULL};

/* An object of strings (or null) into r->attributes: key, value, key, value...  Keys are
 * unique by then: jansson refuses a key twice, and eco_graph_attribute finds one that is
 * not when it is added. */
static int attribute_object(reader *r)
{
    int rc, more, value;

    strings_clear(&r->attributes);
    if (eco_i_json_scan_peek(&r->s) == 'n')
        return (rc = eco_i_json_scan_literal(&r->s, &value)) != 0 ? rc
               : value == NONE                                 ? 0
                                                               : ECO_I_SCAN_DECLINED;
    if ((rc = eco_i_json_scan_char(&r->s, '{')) != 0)
        return rc;
    if (eco_i_json_scan_peek(&r->s) == '}')
        return eco_i_json_scan_next(&r->s, '}', &more);
    do {
        if ((rc = eco_i_json_scan_string(&r->s)) != 0)
            return rc;
        if (r->s.string.len == 0)
            return ECO_I_SCAN_DECLINED;
        if ((rc = strings_add(&r->attributes, &r->s.string)) < 0 ||
            (rc = eco_i_json_scan_char(&r->s, ':')) != 0 ||
            (rc = eco_i_json_scan_string(&r->s)) != 0 ||
            (rc = strings_add(&r->attributes, &r->s.string)) < 0 ||
            (rc = eco_i_json_scan_next(&r->s, '}', &more)) != 0)
            return rc;
    } while (more);
    return 0;
}

static int actor_member(reader *r, int k)
{
    switch (k) {
    case ACTOR_ALIASES:
        return string_list(r, &r->aliases);
    case ACTOR_RECORDS:
        return string_list(r, &r->records);
    case ACTOR_ATTRIBUTES:
        return attribute_object(r);
    default:
        return string_field(r, k);
    }
}

/* Adds the actor read, as native.c's read_actor does: the actor, then its aliases, records
 * and attributes in the order the text gives them. */
static int add_actor(reader *r)
{
    const char *id = field_or_null(r, ACTOR_ID), *name = field_or_null(r, ACTOR_NAME);
    const char *type_name = field_or_null(r, ACTOR_TYPE), *s;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    size_t actor, k;
    int rc;

    if (!id || !name || (type_name && eco_actor_type_from_name(&type, type_name) < 0))
        return ECO_I_SCAN_DECLINED;
    rc = eco_graph_add_actor(&actor, r->map, id, name, type, field_or_null(r, ACTOR_COUNTRY));
    if (rc < 0)
        return rc == ECO_EDATA ? ECO_I_SCAN_DECLINED : rc; /* an id taken: jansson says where */
    for (k = 0, s = r->aliases.bytes.text; k < r->aliases.count; k++, s = strings_next(s))
        if ((rc = eco_graph_add_alias(r->map, actor, s)) < 0)
            return rc;
    for (k = 0, s = r->records.bytes.text; k < r->records.count; k++, s = strings_next(s))
        if ((rc = eco_graph_add_actor_record(r->map, actor, s)) < 0)
            return rc;
    for (k = 0, s = r->attributes.bytes.text; k < r->attributes.count; k += 2) {
        const char *value = strings_next(s);
        if (eco_graph_attribute(r->map, actor, s))
            return ECO_I_SCAN_DECLINED;
        if ((rc = eco_graph_set_attribute(r->map, actor, s, value)) < 0)
            return rc;
        s = strings_next(value);
    }
    return 0;
}

static int read_actor(reader *r)
{
    int rc;

    memset(r->present, 0, sizeof(r->present));
    strings_clear(&r->aliases);
    strings_clear(&r->records);
    strings_clear(&r->attributes);
    if ((rc = each_member(r, actor_keys, actor_member)) != 0)
        return rc;
    return add_actor(r);
}

/* ---- Ties ------------------------------------------------------------------------------- */

enum { TIE_SOURCE, TIE_TARGET, TIE_KIND, TIE_WEIGHT, TIE_DIRECTED, TIE_EVIDENCE };
static const char *const tie_keys[] = {"source",   "target",   "kind", "weight",
                                       "directed", "evidence", NULL};
enum { EVIDENCE_RECORD, EVIDENCE_SOURCE, EVIDENCE_TEXT, EVIDENCE_LINE };
static const char *const evidence_keys[] = {"record", "source", "text", "line", NULL};

/* Field 4, which no tie member uses, holds each string of a piece of evidence in turn. */
enum { EVIDENCE_FIELD = 4 };

static int evidence_member(reader *r, int k)
{
    piece *p = &r->pieces[r->piece_count];
    long *at = k == EVIDENCE_RECORD ? &p->record : k == EVIDENCE_SOURCE ? &p->source : &p->text;
    int rc;

    if (k == EVIDENCE_LINE)
        return whole_or_null(r, 1, INT32_MAX, &p->line);
    if ((rc = string_field(r, EVIDENCE_FIELD)) != 0)
        return rc;
    *at = NONE;
    if (!r->present[EVIDENCE_FIELD])
        return 0;
    *at = (long)r->evidence.bytes.len;
    return strings_add(&r->evidence, &r->field[EVIDENCE_FIELD]);
}

static int read_piece(reader *r)
{
    int rc;

    if (r->piece_count == r->piece_cap &&
        eco_i_reserve(&r->pieces, &r->piece_cap, r->piece_count + 1, sizeof(*r->pieces)) < 0)
        return ECO_ENOMEM;
    r->pieces[r->piece_count] = (piece){NONE, NONE, NONE, 0};
    if ((rc = each_member(r, evidence_keys, evidence_member)) != 0)
        return rc;
    r->piece_count++;
    return 0;
}

static int tie_member(reader *r, int k)
{
    switch (k) {
    case TIE_WEIGHT:
        return eco_i_json_scan_number(&r->s, &r->weight);
    case TIE_DIRECTED: {
        int rc = eco_i_json_scan_literal(&r->s, &r->directed);
        return rc != 0 ? rc : r->directed == NONE ? ECO_I_SCAN_DECLINED : 0;
    }
    case TIE_EVIDENCE:
        return each_item(r, read_piece);
    default: /* source, target and kind, in fields 0 to 2 */
        return string_field(r, k);
    }
}

static const char *evidence_string(const reader *r, long at)
{
    return at == NONE ? NULL : r->evidence.bytes.text + at;
}

/* Adds the tie read, as native.c's read_tie does. */
static int add_tie(reader *r)
{
    const char *kind_name = field_or_null(r, TIE_KIND);
    size_t source, target, tie, before = eco_graph_tie_count(r->map);
    eco_tie_kind kind;
    int rc;

    if (!r->present[TIE_SOURCE] || !r->present[TIE_TARGET] || !kind_name ||
        eco_graph_find_actor_by_id(&source, r->map, r->field[TIE_SOURCE].text) < 0 ||
        eco_graph_find_actor_by_id(&target, r->map, r->field[TIE_TARGET].text) < 0 ||
        eco_tie_kind_from_name(&kind, kind_name) < 0 || source == target ||
        !eco_i_weight_ok(r->weight.value))
        return ECO_I_SCAN_DECLINED;
    int directed = r->directed != NONE ? r->directed : eco_tie_kind_is_directed(kind);
    if ((rc = eco_graph_add_tie(&tie, r->map, source, target, kind, directed, 0, NULL)) < 0)
        return rc;
    if (eco_graph_tie_count(r->map) == before)
        return ECO_I_SCAN_DECLINED; /* the same tie twice */
    eco_graph_set_tie_weight(r->map, tie, r->weight.value);
    for (size_t k = 0; k < r->piece_count; k++) {
        const piece *p = &r->pieces[k];
        eco_evidence ev = {evidence_string(r, p->record), evidence_string(r, p->source), p->line,
                           evidence_string(r, p->text)};
        if ((rc = eco_graph_add_tie_evidence(r->map, tie, &ev)) < 0)
            return rc;
    }
    return 0;
}

static int read_tie(reader *r)
{
    int rc;

    memset(r->present, 0, sizeof(r->present));
    strings_clear(&r->evidence);
    r->piece_count = 0;
    r->directed = NONE;
    r->weight.value = -1; /* a tie without a weight declines, as one with a negative weight */
    if ((rc = each_member(r, tie_keys, tie_member)) != 0)
        return rc;
    return add_tie(r);
}

/* ---- The map ---------------------------------------------------------------------------- */

enum { MAP_FORMAT, MAP_VERSION, MAP_RECORDS, MAP_ACTORS, MAP_TIES };
static const char *const map_keys[] = {"format", "version", "records", "actors", "ties", NULL};

static int map_member(reader *r, int k)
{
    eco_i_json_number version;
    int rc;

    switch (k) {
    case MAP_FORMAT:
        if ((rc = eco_i_json_scan_string(&r->s)) != 0)
            return rc;
        return strcmp(r->s.string.text, "ecomap") == 0 ? 0 : ECO_I_SCAN_DECLINED;
    case MAP_VERSION:
        if ((rc = eco_i_json_scan_number(&r->s, &version)) != 0)
            return rc;
        return version.integer && version.whole >= 1 && version.whole <= ECO_I_NATIVE_VERSION
                   ? 0
                   : ECO_I_SCAN_DECLINED;
    case MAP_RECORDS:
        return each_item(r, read_record);
    case MAP_ACTORS:
        return each_item(r, read_actor);
    default:
        return each_item(r, read_tie);
    }
}

static int read_map(reader *r)
{
    unsigned seen = 0;
    int rc, more, index;

    if ((rc = eco_i_json_scan_char(&r->s, '{')) != 0)
        return rc;
    if (eco_i_json_scan_peek(&r->s) == '}')
        return ECO_I_SCAN_DECLINED; /* not a map: it has no "format" */
    do {
        if ((rc = member(r, map_keys, &seen, &index)) != 0 || (rc = map_member(r, index)) != 0 ||
            (rc = eco_i_json_scan_next(&r->s, '}', &more)) != 0)
            return rc;
    } while (more);
    if ((seen & 3u) != 3u) /* "format" and "version" */
        return ECO_I_SCAN_DECLINED;
    return eco_i_json_scan_end(&r->s);
}

int eco_i_native_scan(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    reader r;
    int rc;

    memset(&r, 0, sizeof(r));
    eco_i_json_scan_init(&r.s, in->data, in->len);
    if ((rc = eco_graph_new(&r.map)) < 0 || (rc = read_map(&r)) < 0)
        goto cleanup;
    if (rc == ECO_I_SCAN_DECLINED)
        goto cleanup;
    /* Read into an empty graph, the map is the graph: it is handed over whole instead of
     * being copied into it. */
    if (eco_i_graph_take(g, r.map) != 0)
        rc = eco_graph_absorb(g, r.map, err);
cleanup:
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, in->source, 0, 0, "out of memory reading the map");
    eco_graph_free(r.map);
    reader_free(&r);
    return rc;
}
