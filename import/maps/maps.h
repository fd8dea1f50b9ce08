/*
 * import/maps/maps.h - the wing of the importer that reads other tools' maps and ecomap's
 * own: Kumu's sheets and project JSON, NetworkX node-link, Cytoscape.js, GraphML, CSV files
 * of ties, native maps.  What its files share: the mapper that reads a map into a graph of
 * its own, JSON and XML texts, and the '|' lists ecomap writes into other formats.  Only
 * the hub (import/) and this wing see it; the prose wing never does.
 */
#ifndef ECOMAP_IMPORT_MAPS_H
#define ECOMAP_IMPORT_MAPS_H

#include "input.h"

struct json_t;

/* ---- What the hub calls ----------------------------------------------------------------- */

/* The readers: a map is read into a graph of its own and joined to the import's
 * (import/maps/mapper.c); a CSV of ties is read row by row into the import's graph. */
int eco_i_read_native(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_ties_csv(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_kumu(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_kumu_json(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_node_link(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_cytoscape(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_graphml(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_gexf(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_dot(eco_graph *g, const eco_i_input *in, eco_error *err);

/* Which of ecomap's Kumu tables a CSV header names (import/maps/kumu_sheets.c): 0 when
 * none.  O(length of the first rows). */
enum { ECO_I_KUMU_ELEMENTS = 1, ECO_I_KUMU_CONNECTIONS, ECO_I_KUMU_RECORDS };

/* The most connections one row of a Kumu connections sheet may make (its From names times
 * its To names); a row that would make more is an error (docs/FORMAT.md). */
enum { ECO_I_KUMU_ROW_TIES = 10000 };
int eco_i_kumu_table(const char *data, size_t len);

/* The name of the kind of JSON map data holds (import/maps/json.c): "kumu-json",
 * "node-link" (a "nodes" array that is not empty, or beside NetworkX's "directed"),
 * "cytoscape", else "json", so that the native reader says what is wrong with it.  O(len). */
const char *eco_i_json_kind(const char *data, size_t len);

/* The map readers' memory across the inputs of one import (import/maps/kumu_sheets.c):
 * which actors stand in for Kumu elements no sheet read so far holds.  Made and freed by
 * the importer. */
typedef struct eco_i_maps_cache eco_i_maps_cache;
int eco_i_maps_cache_new(eco_i_maps_cache **out); /* 0 or ECO_ENOMEM */
void eco_i_maps_cache_free(eco_i_maps_cache *c);  /* NULL-safe */

/* Ends the Kumu part of an import, once every input is read: warns of each connection to an
 * element that no table held (in the order of the files and positions, whatever the order
 * they were read in) when any element was read.  0, or below 0 with err set (an error
 * instead of a warning when the options are strict).  O(actors log actors). */
int eco_i_kumu_stand_ins(eco_graph *g, eco_i_session *session, eco_error *err);

/* ---- Lists and evidence items (import/maps/lists.c) -------------------------------------- */

/* Calls fn with each item of a '|' list (docs/FORMAT.md); with escaped, "\|" and "\\"
 * stand for '|' and '\\'.  An empty text is an empty list.  Stops at fn's first value
 * below 0 and returns it; 0, or ECO_ENOMEM.  O(length of text). */
typedef int (*eco_i_item_fn)(const char *item, void *ctx);
int eco_i_list_each(const char *text, int escaped, eco_i_item_fn fn, void *ctx);

/* Gives actor of g each item of text, an escaped '|' list, through add
 * (eco_graph_add_alias, eco_graph_add_actor_record); empty items are skipped.  0 or
 * ECO_ENOMEM.  O(length of text). */
int eco_i_list_add(eco_graph *g, size_t actor, int (*add)(eco_graph *, size_t, const char *),
                   const char *text);

/* Reads one "RECORD:LINE: TEXT" evidence item (docs/FORMAT.md) in place into ev, whose
 * strings point into item.  An item without ": " or ":LINE" is a record when it holds no
 * space, else a passage.  O(length of item). */
void eco_i_evidence_parse(eco_evidence *ev, char *item);

/* ---- JSON texts (import/maps/json.c) ------------------------------------------------------ */

/* Parses the JSON of in with jansson's flags, past a UTF-8 byte-order mark; NULL with err
 * set (the position in the file, and what is wrong in words a user can act on), and
 * eco_i_watch_failed() true when memory ran out, whatever jansson called it. */
struct json_t *eco_i_json_load(const eco_i_input *in, size_t flags, eco_error *err);

/* A step into a JSON document: a key of an object, or (key NULL) an index of an array. */
typedef struct eco_i_json_step {
    const char *key; /* the member's key, or NULL for an item of an array */
    size_t index;    /* the item's index when key is NULL */
} eco_i_json_step;

/* Finds where the value at path (depth steps) starts in the JSON text, which must be
 * valid JSON.  Fills *line and *column (1-based; column in characters).  A member the text
 * lacks ("weight" missing from a tie) is located at the object or array that lacks it.
 * O(len). */
void eco_i_json_locate(const char *text, size_t len, const eco_i_json_step *path, size_t depth,
                       int *line, int *column);

/*
 * The same for many questions about one text, each at a bounded cost once the first is
 * answered: the text's positions are mapped once (eco_i_text_map), and the items of the
 * last array a path went through an index of are noted, so that warnings about 20,000
 * edges cost one walk of the text, not 20,000.  Memory that runs out only makes questions
 * walk the text again.  Paths ask about arrays whose first step of an index is the same
 * ("edges", i, ...) at the speed of a lookup.
 */
typedef struct eco_i_json_where {
    const char *text;      /* the JSON text, which must outlive this */
    size_t len;            /* its bytes */
    eco_i_text_map lines;  /* its positions, once mapped */
    int mapped;            /* 1 once lines is made */
    char *prefix[8];       /* the keys of the steps to the indexed array (NULL: an index) */
    size_t prefix_index[8]; /* the indices of those steps */
    size_t prefix_depth;   /* how many steps */
    int indexed;           /* 1 when items holds that array's items */
    size_t array;          /* where the array starts */
    size_t *items;         /* where each of its items starts */
    size_t item_count, item_cap;
} eco_i_json_where;

void eco_i_json_where_init(eco_i_json_where *w, const char *text, size_t len);
void eco_i_json_where_free(eco_i_json_where *w); /* forgets the index of items only */
void eco_i_json_where_end(eco_i_json_where *w);  /* frees all; NULL-safe fields */
void eco_i_json_where_find(eco_i_json_where *w, const eco_i_json_step *path, size_t depth,
                           int *line, int *column);

/* ---- JSON in one pass (import/maps/json_scan.c) ----------------------------------------- */

/*
 * A reader of JSON one token at a time, straight from the text, for the readers that must
 * be fast on large maps.  It accepts only what jansson would read to the same values and
 * explains nothing: every function returns 0, ECO_ENOMEM, or ECO_I_SCAN_DECLINED when the
 * text is not what the caller expects there (a syntax error, or a value of another kind),
 * and the caller then reads the text again with jansson, which says what is wrong and where.
 * Whitespace before a token is skipped.  Each call is O(length of the token).
 */
enum { ECO_I_SCAN_DECLINED = 1 };

/* The version of the native map format this ecomap reads and writes (docs/FORMAT.md). */
enum { ECO_I_NATIVE_VERSION = 1 };

typedef struct eco_i_json_text {
    char *text; /* the string decoded, NUL-terminated (owned); NULL before the first */
    size_t len; /* its bytes, without the NUL */
    size_t cap; /* room in text */
} eco_i_json_text;

typedef struct eco_i_json_scan {
    const char *at, *end;   /* what is left of the text, which must end in a NUL */
    eco_i_json_text string; /* the last string eco_i_json_scan_string read */
    int dot_locale;         /* 1 when strtod reads '.' as the decimal point */
} eco_i_json_scan;

typedef struct eco_i_json_number {
    int integer;    /* 1 when written without a fraction or an exponent */
    long long whole; /* the value when integer */
    double value;   /* the value as a double, as json_number_value gives it */
} eco_i_json_number;

/* Starts a scan of len bytes of text (past a UTF-8 byte-order mark); frees what it holds. */
void eco_i_json_scan_init(eco_i_json_scan *s, const char *text, size_t len);
void eco_i_json_scan_free(eco_i_json_scan *s);

/* The next byte after whitespace, not taken; -1 at the end of the text. */
int eco_i_json_scan_peek(eco_i_json_scan *s);

/* Takes the character c ('{', ':', ...). */
int eco_i_json_scan_char(eco_i_json_scan *s, char c);

/* After an item of an object or array closed by close ('}' or ']'): takes a ',' (*more 1)
 * or close (*more 0). */
int eco_i_json_scan_next(eco_i_json_scan *s, char close, int *more);

/* A string, decoded into s->string or into t. */
int eco_i_json_scan_string(eco_i_json_scan *s);
int eco_i_json_scan_string_into(eco_i_json_scan *s, eco_i_json_text *t);

/* Appends n bytes to t, keeping it NUL-terminated.  0 or ECO_ENOMEM. */
int eco_i_json_text_append(eco_i_json_text *t, const char *bytes, size_t n);

/* A number. */
int eco_i_json_scan_number(eco_i_json_scan *s, eco_i_json_number *out);

/* null, false or true: *out -1, 0 or 1. */
int eco_i_json_scan_literal(eco_i_json_scan *s, int *out);

/* 0 when only whitespace is left. */
int eco_i_json_scan_end(eco_i_json_scan *s);

/* ecomap's own map read in one pass (import/maps/native_scan.c) into g: 0, ECO_ENOMEM with
 * err set, or ECO_I_SCAN_DECLINED with g as it was when the text is not a map this reader
 * takes whole (then the checking reader, native.c, reads it, or says what is wrong).
 * O(length of the text) expected. */
int eco_i_native_scan(eco_graph *g, const eco_i_input *in, eco_error *err);

/* The native map read through jansson's tree alone (import/maps/native.c), as
 * eco_i_read_native reads what the scan declines: for the tests that hold the two to the
 * same graph.  0, or an ECO_E* code with err set.  O(length of the text). */
int eco_i_read_native_checked(eco_graph *g, const eco_i_input *in, eco_error *err);

/* ---- The mapper (import/maps/mapper.c) --------------------------------------------------- */

/*
 * What the readers of other tools' graphs share: the input is read into a fresh graph,
 * its nodes found again by the keys the file gives them, and the graph absorbed into the
 * import's at the end, so that ids written by ecomap come back as they were.
 */
typedef struct eco_i_mapper {
    eco_graph *map;        /* what the input holds, so far */
    const eco_i_input *in; /* the input */
    const char *format;    /* its format's name, for its record */
    eco_i_map node_of;     /* pooled node key -> actor index in map */
    int has_record;        /* 1 once the input's own record is in map */
    eco_i_json_where where; /* positions in a JSON input, for its messages */
} eco_i_mapper;

int eco_i_mapper_open(eco_i_mapper *m, const eco_i_input *in, const char *format, eco_error *err);
void eco_i_mapper_close(eco_i_mapper *m);

/* Adds a node: an actor named name (key when NULL) with key as its id when key is free
 * as one; *out receives its index.  country is a country's name in any form or its ISO
 * alpha-3 code (a reader passes the map's country code when it has no country).  A key
 * seen before is ECO_EDATA with err unset. */
int eco_i_mapper_node(eco_i_mapper *m, size_t *out, const char *key, const char *name,
                      eco_actor_type type, const char *country);

/* The actor of node key: 1 with *out set, 0 when no node has that key. */
int eco_i_mapper_find(const eco_i_mapper *m, const char *key, size_t *out);

/* Notes that actor was seen in the input itself, adding the input's record. */
int eco_i_mapper_seen(eco_i_mapper *m, size_t actor);

/* Evidence that points at the input: its record, source and line, and text (may be NULL). */
int eco_i_mapper_evidence(eco_i_mapper *m, eco_evidence *out, int line, const char *text);

/* Joins the graph read into g.  0 or an ECO_E* code with err set.  O(size of the map read). */
int eco_i_mapper_finish(eco_i_mapper *m, eco_graph *g, eco_error *err);

/* The actor of an edge's end keyed key, where (line, column) the edge stands: a node the
 * file does not declare is added, with a warning (an error when strict).  0, or an ECO_E*
 * code with err set. */
int eco_i_mapper_end(eco_i_mapper *m, size_t *out, const char *key, int line, int column,
                     eco_error *err);

/* Adds the tie between tie's ends (of its kind, direction and weight) with each item of
 * items, a '|' list of "RECORD:LINE: TEXT" evidence as ecomap writes it; an empty list
 * gives a tie with no evidence.  0 or ECO_ENOMEM. */
int eco_i_mapper_tie_items(eco_i_mapper *m, const eco_tie *tie, const char *items);

/* Adds a free attribute from a value of another tool: keys "attribute:KEY" lose their
 * prefix when KEY is one of taken (a NULL-terminated list), so that what ecomap renamed to
 * fit comes back under its own name. */
int eco_i_mapper_attribute(eco_i_mapper *m, size_t actor, const char *key, const char *value,
                           const char *const *taken);

/* ---- Nodes and edges as named values (import/maps/named.c) ------------------------------ */

/* A node or an edge as GEXF's attvalues and DOT's attributes give it: names and values
 * side by side, where it starts in the file (0 when not known). */
typedef struct eco_i_named {
    const char *const *names;  /* each value's name */
    const char *const *values; /* the values; NULL: absent */
    size_t count;              /* names and values */
    int line, column;          /* where the node or edge starts, 1-based; 0 when not known */
} eco_i_named;

/* The value called name, or NULL.  O(count). */
const char *eco_i_named_value(const eco_i_named *v, const char *name);

/* Adds the node keyed key: its name given_name when not NULL (GEXF's label; a value called
 * "name" is then an attribute), else from "name" or "label"; its type, country, aliases and
 * records as ecomap writes them (records "": none; absent: the file); every other value but those in skip (NULL-terminated, or
 * NULL) as an attribute.  A key seen before is ECO_EDATA.  0, or an ECO_E* code with err set.
 * O(count). */
int eco_i_named_node(eco_i_mapper *m, const char *key, const char *given_name,
                     const eco_i_named *v, const char *const *skip, eco_error *err);

/* Adds the edge from source to target: its kind from "kind", "type", ... or "label" (another
 * tool's word for a relation is read as a kind when it names one, else "related"), its
 * weight, its direction (directed 1 or 0 as the file says, -1: as its kind is), its evidence
 * as ecomap writes it ("": none) or, when absent, the line and its other values but skip as
 * text.  An end that
 * no node names is added, with a warning (an error when strict).  0, or an ECO_E* code with
 * err set.  O(count). */
int eco_i_named_edge(eco_i_mapper *m, const char *source, const char *target, int directed,
                     const eco_i_named *v, const char *const *skip, eco_error *err);

/* ---- Nodes and edges in JSON (import/maps/json_graph.c) --------------------------------- */

/* Node-link, Cytoscape.js and Kumu's project JSON share their nodes and edges: node reads
 * one node object (id, name or label, type, country, aliases, records, other keys as
 * attributes, those in skip aside); edge one edge object (source, target, kind or type,
 * directed, weight, evidence), directed by default when the graph is.  path and depth say
 * where the object stands, for errors.  O(size of the object). */
int eco_i_json_graph_node(eco_i_mapper *m, struct json_t *node, const char *const *skip,
                          const eco_i_json_step *path, size_t depth, eco_error *err);
int eco_i_json_graph_edge(eco_i_mapper *m, struct json_t *edge, int graph_directed,
                          const eco_i_json_step *path, size_t depth, eco_error *err);

/* ---- XML (import/maps/xml.c) ------------------------------------------------------------- */

/*
 * A small, strict reader of XML 1.0 documents, enough for GraphML: elements, attributes,
 * text with the five named entities and character references decoded, CDATA, comments,
 * processing instructions and a DOCTYPE skipped.  Tags must nest; every error names its
 * line and column.  Names keep their prefixes ("y:ShapeNode"); eco_i_xml_local drops one.
 */
typedef enum eco_i_xml_token {
    ECO_I_XML_END = 0, /* the document is over */
    ECO_I_XML_OPEN,    /* <name attr="value"...>, and <name/> (a CLOSE follows) */
    ECO_I_XML_CLOSE,   /* </name> */
    ECO_I_XML_TEXT     /* character data between tags, decoded */
} eco_i_xml_token;

/* The most attributes one tag may have (a GraphML tag needs a handful). */
enum { ECO_I_XML_MAX_ATTRIBUTES = 1000 };

typedef struct eco_i_xml {
    const char *at, *end;         /* what is left of the document */
    int line, column;             /* of at, 1-based; column in characters */
    int token_line, token_column; /* where the token just read starts */
    char *name;                   /* OPEN and CLOSE: the element's name (owned) */
    char **attributes;            /* OPEN: name, value, name, value... (owned) */
    size_t attribute_count;       /* pairs in attributes */
    size_t attribute_cap;         /* strings attributes has room for */
    char *text;                   /* TEXT: the text, NUL-terminated (owned) */
    size_t text_len, text_cap;    /* bytes in text; room in it */
    char **open;                  /* names of the elements open, outermost first (owned) */
    size_t depth, open_cap;       /* elements open; room in open */
    int close_pending;            /* 1 after <name/>: its CLOSE comes next */
    int seen_root;                /* 1 once the root element opened */
} eco_i_xml;

void eco_i_xml_init(eco_i_xml *x, const char *data, size_t len);
void eco_i_xml_free(eco_i_xml *x);

/* Reads the next token: an eco_i_xml_token, or ECO_EDATA / ECO_ENOMEM with err set
 * (naming source).  O(length of the token). */
int eco_i_xml_next(eco_i_xml *x, const char *source, eco_error *err);

/* The value of attribute name of the OPEN just read, or NULL. */
const char *eco_i_xml_attribute(const eco_i_xml *x, const char *name);

/* The text of the element just opened, up to its close; the text of elements inside is
 * read too, and *has_markup says there were some (yEd's graphics), whose text is not a
 * value.  *out (the caller's to free) is "" for an element with no text.  0, or ECO_EDATA /
 * ECO_ENOMEM with err set.  O(length of the element). */
int eco_i_xml_element_text(eco_i_xml *x, const char *source, char **out, int *has_markup,
                           eco_error *err);

/* name without its namespace prefix. */
const char *eco_i_xml_local(const char *name);

#endif
