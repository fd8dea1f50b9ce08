/*
 * import/import_internal.h - what the readers of import/ share: one reader per format,
 * each taking a whole input in memory, and the warning channel.
 */
#ifndef ECOMAP_IMPORT_INTERNAL_H
#define ECOMAP_IMPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ecomap/import.h"
#include "internal.h"
#include "vocabulary.h"

/* The names records vote for (import/session.c): each record votes once for each spelling
 * it resolves as a name, and resolution names an actor by the spelling with most votes.
 * Names are keyed by their pooled copy in the graph being read. */
typedef struct eco_i_votes {
    eco_graph *graph;     /* the graph being read, whose pool holds the names voted for */
    eco_i_map last_voter; /* pooled name -> the pooled record that voted for it last */
    eco_i_map count;      /* pooled name -> records that voted for it */
} eco_i_votes;

/* What one import shares across its inputs, owned by the importer (import/importer.c):
 * the options, the user's alias file read once, the names records voted for, and what
 * each wing of readers keeps from input to input. */
typedef struct eco_i_session {
    const eco_import_options *opt;   /* never NULL */
    const eco_i_lexicon *user;       /* opt->aliases, read once; NULL when none */
    eco_i_votes votes;               /* the spellings records named actors by */
    struct eco_i_prose_cache *prose; /* the prose readers' memory of names and prompts */
    struct eco_i_maps_cache *maps;   /* the map readers' memory: Kumu's stand-ins */
} eco_i_session;

/* One input, read whole. */
typedef struct eco_i_input {
    const char *data;              /* its bytes, NUL-terminated (len excludes the NUL) */
    size_t len;                    /* bytes in data */
    const char *source;            /* path as the user gave it, or "<stdin>" */
    const char *record_id;         /* the file's name, used as the id of its record */
    const eco_import_options *opt; /* never NULL */
    const eco_i_lexicon *user;     /* names from opt->aliases; NULL when none */
    eco_i_session *session;        /* the import it belongs to; never NULL */
} eco_i_input;

/* A reader adds what in holds to g.  0, or an ECO_E* code with err set. */
typedef int (*eco_i_reader)(eco_graph *g, const eco_i_input *in, eco_error *err);

int eco_i_read_native(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_ties_csv(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_undp(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_participedia(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_opsi(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_unpsa(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_video(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_text(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_kumu(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_kumu_json(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_node_link(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_cytoscape(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_graphml(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_participedia_csv(eco_graph *g, const eco_i_input *in, eco_error *err);

/*
 * Reports a problem that spoils part of an input but not the rest: a warning handed to
 * opt->warn, or, when opt->strict, an error in err.  Returns 0 after a warning and
 * ECO_EDATA after an error, so callers can write `if ((rc = eco_i_warn(...)) < 0)`.
 */
int eco_i_warn(const eco_import_options *opt, eco_error *err, const char *source, int line,
               int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Starts votes on the names of graph; frees them.  eco_i_votes_free is NULL-safe. */
void eco_i_votes_init(eco_i_votes *v, eco_graph *graph);
void eco_i_votes_free(eco_i_votes *v);

/* Counts a vote of record (may be NULL) for name as the name of the actor it designates.
 * A record votes once for a spelling, its votes coming together (readers read one record
 * at a time).  0 or ECO_ENOMEM.  Expected O(length of name). */
int eco_i_vote(eco_i_votes *v, const char *name, const char *record);

/* The number of records that voted for name; 0 for a name none voted for, or v NULL.
 * Expected O(length of name). */
size_t eco_i_votes_for(const eco_i_votes *v, const char *name);

/* ---- CSV -------------------------------------------------------------------------------- */

/* A reader of RFC 4180 CSV: quoted fields with commas, quotes ("") and new lines, CRLF
 * or LF, an optional UTF-8 byte-order mark.  Fields are NUL-terminated copies. */
typedef struct eco_i_csv_field {
    char *text;    /* the field's text, unquoted; valid until the next row is read */
    size_t offset; /* where text starts in the row's storage, while the row is read */
    int line;      /* where the field starts, 1-based */
    int column;    /* in characters, 1-based */
} eco_i_csv_field;

typedef struct eco_i_csv {
    const char *data, *end;  /* the input */
    const char *at;          /* next byte to read */
    int line, column;        /* position of at, 1-based; column counts characters */
    char delimiter;          /* ',' or ';' or '\t', from the first line */
    eco_i_csv_field *fields; /* the row just read */
    size_t count, cap;       /* fields in the row; room in fields */
    char *text;             /* storage for the row's fields */
    size_t text_len, text_cap;
    int row_line;           /* line the row starts on */
} eco_i_csv;

void eco_i_csv_init(eco_i_csv *csv, const char *data, size_t len);
void eco_i_csv_free(eco_i_csv *csv);

/* Reads the next row: 1 when there is one, 0 at the end, ECO_EDATA or ECO_ENOMEM with err
 * set (naming source) when the text is not CSV. */
int eco_i_csv_row(eco_i_csv *csv, const char *source, eco_error *err);

/* Strips the spaces, tabs and line breaks around a cell's text, in place. */
void eco_i_csv_trim(char *cell);

/* ---- Maps from other tools (import/kumu.c, nodelink.c, cytoscape.c, graphml.c) ---------- */

/* Which of ecomap's Kumu tables a CSV header names (import/kumu.c): 0 when none. */
enum { ECO_I_KUMU_ELEMENTS = 1, ECO_I_KUMU_CONNECTIONS, ECO_I_KUMU_RECORDS };
int eco_i_kumu_table(const char *data, size_t len);

/* The map readers' memory across the inputs of one import (import/kumu.c): which actors
 * stand in for Kumu elements no sheet read so far holds.  Made and freed by the importer. */
typedef struct eco_i_maps_cache eco_i_maps_cache;
int eco_i_maps_cache_new(eco_i_maps_cache **out); /* 0 or ECO_ENOMEM */
void eco_i_maps_cache_free(eco_i_maps_cache *c);  /* NULL-safe */

/* Ends the Kumu part of an import (import/kumu.c), once every input is read: warns of each
 * connection to an element that no table held (in the order of the files and positions,
 * whatever the order they were read in) when any element was read.  0, or below 0 with err
 * set (an error instead of a warning when the options are strict).  O(actors log actors). */
int eco_i_kumu_stand_ins(eco_graph *g, eco_i_session *session, eco_error *err);

/* 1 when a CSV header is Participedia's export of cases, methods or organizations. */
int eco_i_is_participedia_csv(const char *data, size_t len);

/* The name of the kind of JSON map data holds: "kumu-json", "node-link" (a "nodes" array
 * that is not empty, or beside NetworkX's "directed"), "cytoscape", else "json", so that
 * the native reader says what is wrong with it.  O(len). */
const char *eco_i_json_kind(const char *data, size_t len);

/* Calls fn with each item of a '|' list (docs/FORMAT.md); with escaped, "\|" and "\\"
 * stand for '|' and '\\'.  An empty text is an empty list.  Stops at fn's first value
 * below 0 and returns it; 0, or ECO_ENOMEM. */
typedef int (*eco_i_item_fn)(const char *item, void *ctx);
int eco_i_list_each(const char *text, int escaped, eco_i_item_fn fn, void *ctx);

/* Reads one "RECORD:LINE: TEXT" evidence item (docs/FORMAT.md) in place into ev, whose
 * strings point into item.  An item without ": " or ":LINE" is a record when it holds no
 * space, else a passage. */
void eco_i_evidence_parse(eco_evidence *ev, char *item);

/*
 * What the readers of other tools' graphs share: the input is read into a fresh graph,
 * its nodes found again by the keys the file gives them, and the graph absorbed into the
 * caller's at the end, so that ids written by ecomap come back as they were.
 */
typedef struct eco_i_mapper {
    eco_graph *map;          /* what the input holds, so far */
    const eco_i_input *in;   /* the input */
    const char *format;      /* its format's name, for its record */
    eco_i_map node_of;       /* pooled node key -> actor index in map */
    int has_record;          /* 1 once the input's own record is in map */
} eco_i_mapper;

int eco_i_mapper_open(eco_i_mapper *m, const eco_i_input *in, const char *format, eco_error *err);
void eco_i_mapper_close(eco_i_mapper *m);

/* Adds a node: an actor named name (key when NULL) with key as its id when key is free
 * as one; *out receives its index.  A key seen before is ECO_EDATA with err unset. */
int eco_i_mapper_node(eco_i_mapper *m, size_t *out, const char *key, const char *name,
                      eco_actor_type type, const char *country);

/* The actor of node key: 1 with *out set, 0 when no node has that key. */
int eco_i_mapper_find(const eco_i_mapper *m, const char *key, size_t *out);

/* Notes that actor was seen in the input itself, adding the input's record. */
int eco_i_mapper_seen(eco_i_mapper *m, size_t actor);

/* Evidence that points at the input: its record, source and line, and text (may be NULL). */
int eco_i_mapper_evidence(eco_i_mapper *m, eco_evidence *out, int line, const char *text);

/* Joins the graph read into g.  0 or an ECO_E* code with err set. */
int eco_i_mapper_finish(eco_i_mapper *m, eco_graph *g, eco_error *err);

/* Adds a free attribute from a value of another tool: keys "attribute:KEY" lose their
 * prefix when KEY is one of taken (a NULL-terminated list), so that what ecomap renamed to
 * fit comes back under its own name. */
int eco_i_mapper_attribute(eco_i_mapper *m, size_t actor, const char *key, const char *value,
                           const char *const *taken);

/* Node-link and Cytoscape.js share their nodes and edges (import/nodelink.c): node reads
 * one node object (id, name or label, type, country, aliases, records, other keys as
 * attributes); edge one edge object (source, target, kind or type, directed, weight,
 * evidence), directed by default when the graph is.  path and depth say where the object
 * stands, for errors. */
struct json_t;
struct eco_i_json_step;
int eco_i_json_graph_node(eco_i_mapper *m, struct json_t *node, const char *const *skip,
                          const struct eco_i_json_step *path, size_t depth, eco_error *err);
int eco_i_json_graph_edge(eco_i_mapper *m, struct json_t *edge, int graph_directed,
                          const struct eco_i_json_step *path, size_t depth, eco_error *err);

/* ---- XML (import/xml.c) ---------------------------------------------------------------- */

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

typedef struct eco_i_xml {
    const char *at, *end;     /* what is left of the document */
    int line, column;         /* of at, 1-based; column in characters */
    int token_line, token_column; /* where the token just read starts */
    char *name;               /* OPEN and CLOSE: the element's name (owned) */
    char **attributes;        /* OPEN: name, value, name, value... (owned) */
    size_t attribute_count;   /* pairs in attributes */
    size_t attribute_cap;     /* strings attributes has room for */
    char *text;               /* TEXT: the text, NUL-terminated (owned) */
    size_t text_len, text_cap;
    char **open;              /* names of the elements open, outermost first (owned) */
    size_t depth, open_cap;
    int close_pending;        /* 1 after <name/>: its CLOSE comes next */
    int seen_root;            /* 1 once the root element opened */
} eco_i_xml;

void eco_i_xml_init(eco_i_xml *x, const char *data, size_t len);
void eco_i_xml_free(eco_i_xml *x);

/* Reads the next token: an eco_i_xml_token, or ECO_EDATA / ECO_ENOMEM with err set
 * (naming source).  O(length of the token). */
int eco_i_xml_next(eco_i_xml *x, const char *source, eco_error *err);

/* The value of attribute name of the OPEN just read, or NULL. */
const char *eco_i_xml_attribute(const eco_i_xml *x, const char *name);

/* name without its namespace prefix. */
const char *eco_i_xml_local(const char *name);

/* ---- JSON texts ------------------------------------------------------------------------- */

struct json_t;


/* Parses the JSON of in with jansson's flags, past a UTF-8 byte-order mark; NULL with err
 * set (the position in the file, and what is wrong in words a user can act on), and
 * eco_i_watch_failed() true when memory ran out, whatever jansson called it. */
struct json_t *eco_i_json_load(const eco_i_input *in, size_t flags, eco_error *err);

/* A step into a JSON document: a key of an object, or (key NULL) an index of an array. */
typedef struct eco_i_json_step {
    const char *key;
    size_t index;
} eco_i_json_step;

/* Finds where the value at path (depth steps) starts in the JSON text, which must be
 * valid JSON.  Fills *line and *column (1-based; column in characters).  A member the text
 * lacks ("weight" missing from a tie) is located at the object or array that lacks it. */
void eco_i_json_locate(const char *text, size_t len, const eco_i_json_step *path, size_t depth,
                       int *line, int *column);

/* ---- Text clean-up (import/text.c) ------------------------------------------------------- */

/*
 * Cleans raw record text in place, line by line, so that line numbers stay those of the
 * file: CRLF and lone CR become LF, HTML entities are decoded, non-breaking and other odd
 * spaces become plain spaces, HTML tags are dropped (timestamp links with their text),
 * "[[target | alias]]" becomes "alias" and "[[target]]" "target".  Bytes that are not
 * UTF-8 become spaces.  Returns the new length.  O(len).
 */
size_t eco_i_text_clean(char *text, size_t len);

/* Splits text into sentences; calls fn for each with
 * its 0-based offset from text.  Sentences end at ". ", "? ", "! ", ";" and line ends;
 * "e.g." and initials do not end them.  Stops and returns what fn returns when below 0. */
typedef int (*eco_i_sentence_fn)(const char *sentence, size_t len, size_t offset, void *ctx);
int eco_i_sentences(const char *text, size_t len, eco_i_sentence_fn fn, void *ctx);

/* Copies text with runs of white space as one space and no space at the ends. */
char *eco_i_squeeze(const char *text, size_t len);

typedef struct eco_i_record eco_i_record;

/* A record's text, cleaned, cut into lines (1-based numbers are index + 1). */
typedef struct eco_i_doc {
    char *text;    /* cleaned copy (owned) */
    size_t len;
    char **lines;  /* each NUL-terminated, trailing spaces removed */
    size_t count;
} eco_i_doc;

int eco_i_doc_open(eco_i_doc *doc, const char *data, size_t len);
void eco_i_doc_close(eco_i_doc *doc);

/* 1 when line starts with prefix.  Inline, and without strlen: the readers test every
 * line against lists of prefixes. */
static inline int eco_i_starts(const char *line, const char *prefix)
{
    while (*prefix && *line == *prefix)
        line++, prefix++;
    return *prefix == '\0';
}

/* 1 when the n bytes at s are word, whole.  For lists of words tested against every word
 * of a text: a first byte that differs costs one comparison, and no strlen. */
static inline int eco_i_is_word(const char *s, size_t n, const char *word)
{
    size_t k = 0;
    while (k < n && word[k] && word[k] == s[k])
        k++;
    return k == n && word[n] == '\0';
}

/* Eight bytes at a time, for the scans every sentence goes through.  Each byte of w is
 * tested alone (w | high keeps a subtraction from borrowing across bytes); the result has
 * 0x80 in each byte that passes.  capitals: 'A' to 'Z'; lead bytes: 0xC3 and above, which
 * start the accented letters of the Latin, Greek and Cyrillic alphabets. */
#define ECO_I_HIGH8 0x8080808080808080ULL
#define ECO_I_BYTES8(b) (0x0101010101010101ULL * (b))

static inline uint64_t eco_i_capitals8(uint64_t w)
{
    return ((w | ECO_I_HIGH8) - ECO_I_BYTES8(0x41)) & ~((w | ECO_I_HIGH8) - ECO_I_BYTES8(0x5B)) &
           ~w & ECO_I_HIGH8;
}

static inline uint64_t eco_i_lead_bytes8(uint64_t w)
{
    return ((w | ECO_I_HIGH8) - ECO_I_BYTES8(0x43)) & w & ECO_I_HIGH8;
}

/* Copies n bytes of s to out with 'A' to 'Z' lowered; other bytes stay. */
static inline void eco_i_lower_ascii(char *out, const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        w |= eco_i_capitals8(w) >> 2; /* 0x80 >> 2 is the 0x20 between 'A' and 'a' */
        memcpy(out + i, &w, 8);
    }
    for (; i < n; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
}

/* A constant phrase and its length, for lists matched against the end of a text. */
typedef struct eco_i_phrase {
    const char *text;
    size_t len;
} eco_i_phrase;

#define ECO_I_PHRASE(s) {s, sizeof(s) - 1}

/* Splits "X: Y", "X – Y" or "X - Y" once; 1 when it did, with X and Y trimmed. */
int eco_i_split_title(const char *title, const char **x, size_t *xn, const char **y, size_t *yn);

/* Adds the actor a title or heading names, when it names one: "Thinkia: citizen lab",
 * "LabX – experimentation laboratory", "Medo Innovation Lab".  *out is ECO_I_NONE when
 * the title names no organisation. */
int eco_i_record_title_actor(eco_i_record *r, size_t *out, const char *title, const char *country);

/* ---- The user's alias file (import/aliases.c) -------------------------------------------- */

/* Loads a user's alias file (CSV "alias,canonical[,type,country]") into a new lexicon that
 * belongs to the caller.  0, or an ECO_E* code with err naming the file and line. */
int eco_i_aliases_load(eco_i_lexicon **out, const char *path, eco_error *err);

/* Adds the lines of an alias file, len bytes of text read from source, to lex.  A line that
 * would make two names each other's alias is an error.  O(lines * entries). */
int eco_i_aliases_parse(eco_i_lexicon *lex, const char *text, size_t len, const char *source,
                        eco_error *err);

/* ---- Names in text (import/extract.c) ---------------------------------------------------- */

/* Decides whether a span of text is an organisation the caller already knows: a name of
 * the record, or a form that stands for the record's own lab.  key is the span's
 * eco_i_fold_hash, which the caller has already made.  Returns 1 and fills *actor when it
 * is, 0 when not. */
typedef int (*eco_i_known_fn)(const char *text, size_t len, uint64_t key, size_t *actor,
                              void *ctx);

typedef struct eco_i_mention {
    size_t start, end;      /* where the name is in the sentence, in bytes */
    char *name;             /* the name as written, cleaned of qualifiers (owned) */
    uint64_t key;           /* eco_i_fold_hash of name, made once: every step looks it up */
    char *alias;            /* another form given with it: acronym or appositive; or NULL */
    eco_actor_type type;    /* from a sector label or a known entry; else UNKNOWN */
    const eco_i_known *known; /* gazetteer or alias-file entry; or NULL */
    size_t actor;           /* the record's actor when is_actor */
    int is_actor;           /* 1: a name the caller's known_fn recognised */
    int generic;            /* 1: used as a common noun ("a Citizen Lab"), not a name */
    int acronym_defined;    /* 1: alias is an acronym the text defines, "Name (ACR)" */
    size_t same_as;         /* 1 + index of an earlier mention of the sentence that this one
                               names again ("LabX stands for ..."); 0 when none */
} eco_i_mention;

typedef struct eco_i_mentions {
    eco_i_mention *items; /* in order of start */
    size_t count, cap;
} eco_i_mentions;

void eco_i_mentions_clear(eco_i_mentions *m); /* frees the names, keeps the array */
void eco_i_mentions_free(eco_i_mentions *m);

typedef struct eco_i_extractor {
    const eco_i_lexicon *lexicons[2]; /* gazetteer, then the user's; either may be NULL */
    eco_i_known_fn known;             /* the caller's names; may be NULL */
    void *known_ctx;                  /* handed to known */
    int names_only;                   /* 1: the text is a list of names (a partner field) */
} eco_i_extractor;

/*
 * Finds the organisations named in one sentence: capitalised spans with an organisation's
 * head word (Ministry of ..., ... Agency, Fundación ..., ... Lab), names the lexicons or
 * the caller know, names coined like "LabX" or "Santalab", acronyms listed with other names
 * or defined in the text ("Tax and Customs Authority (AT)"), and, right after a phrase that
 * announces organisations ("in partnership with", "funded by"), any capitalised name.
 * Generic phrases ("the government", "public entities", "a citizen lab") are left out or
 * marked generic.  Appends to out.  0 or ECO_ENOMEM.  O(length of sentence).
 */
int eco_i_find_mentions(eco_i_mentions *out, const eco_i_extractor *x, const char *sentence,
                        size_t len);

/* ---- Cue phrases ------------------------------------------------------------------------- */

typedef struct eco_i_cue {
    size_t start, end;  /* where the phrase is in the sentence */
    eco_tie_kind kind;  /* what tie it states */
    eco_i_cue_role role;
} eco_i_cue;

/* Finds the cue phrases of a sentence, in order, at most max; returns how many.  Phrases
 * are English, Spanish, French and Portuguese.  O(length of sentence * phrases). */
size_t eco_i_find_cues(eco_i_cue *out, size_t max, const char *sentence, size_t len);

/* ---- Partner fields ---------------------------------------------------------------------- */

typedef struct eco_i_partner {
    char *name;          /* one organisation (owned) */
    char *alias;         /* its acronym or other-language name, or NULL (owned) */
    eco_actor_type type; /* from a sector label written with it, else UNKNOWN */
} eco_i_partner;

/*
 * Splits the answer to "name your partners" into organisations: numbered and bulleted
 * lists, lines, ";", ",", "and", "&", "/" and wide gaps separate names, except inside a
 * name ("Ministry of Housing and Municipal Services"); qualifiers in brackets are
 * dropped ("(national level)") or kept as aliases ("(IPDJ)") or types ("(academia)"); a
 * description after ":" or " - " is dropped; "N/A", "none", "yes" and generic phrases
 * yield nothing.  *out (owned by the caller, freed with eco_i_partners_free) receives the
 * names.  0 or ECO_ENOMEM.  O(length of text).
 */
int eco_i_split_partners(eco_i_partner **out, size_t *count, const char *text, size_t len);
void eco_i_partners_free(eco_i_partner *p, size_t count);

/* ---- Resolution (import/resolve.c) ------------------------------------------------------ */

/*
 * Entity resolution across everything read into g, run once after the last input (the
 * importer's finish): each actor takes the spelling that most records voted for (votes may
 * be NULL: none); ids made from names are made again, and g is put in the order the native
 * map is written in; actors that are one body under several names become one actor (an
 * acronym defined for one and used as the other's name, "Portuguese X" and "X" in Portugal,
 * a shorter form of a long name in one country, initials, a legal form); then every line of
 * aliases, when not NULL, merges the actors its alias and canonical name designate, renames
 * the result and sets its type and country; then ids and order once more.  Actors of
 * different countries are never merged.  0, or ECO_ENOMEM with err set (naming
 * aliases_source when applying the aliases failed).  O(actors * aliases + ties log ties)
 * expected.
 */
int eco_i_resolve(eco_graph *g, const eco_i_votes *votes, const eco_i_lexicon *aliases,
                  const char *aliases_source, eco_error *err);

/*
 * Which of n spellings of one actor is its name: a spelling that is not an acronym before
 * one that is ("Tax and Customs Authority" before "AT"), then the one most records used
 * (votes[i]), then the one with the most characters, then the first in byte order.  The
 * index of the winner; 0 when n is 0.  O(n * length of the spellings).
 */
size_t eco_i_best_spelling(const char *const *forms, const size_t *votes, size_t n);

/* ---- Records (import/record.c) ----------------------------------------------------------- */

/* The prose readers' memory across the inputs of one import, made and freed by the
 * importer: which actor a name and country were resolved to (checked against the graph on
 * every use, so that a graph changed in between is never misread), and what each prompt of
 * a UNDP form asks (import/undp.c). */
typedef struct eco_i_prose_cache {
    eco_i_map actor_of;   /* hash of folded name and country -> actor index */
    eco_i_map actor_name; /* same key -> the actor's pooled name when cached */
    eco_i_map prompts;    /* hash of a form's prompt -> what it asks (import/undp.c) */
} eco_i_prose_cache;

int eco_i_prose_cache_new(eco_i_prose_cache **out); /* 0 or ECO_ENOMEM */
void eco_i_prose_cache_free(eco_i_prose_cache *c);  /* NULL-safe */

/*
 * What every reader of documents shares: the record being read, its actors, and the
 * passages of prose whose organisations and ties are extracted when the record is done.
 */
#define ECO_I_NONE ((size_t)-1)

int eco_i_record_new(eco_i_record **out, eco_graph *g, const eco_i_input *in, const char *format);
void eco_i_record_free(eco_i_record *r);

/* Sets the record's title (0 or ECO_ENOMEM), country (any form: it is normalised) and year. */
int eco_i_record_set_title(eco_i_record *r, const char *title, size_t len);
void eco_i_record_set_country(eco_i_record *r, const char *country, size_t len);
void eco_i_record_set_year(eco_i_record *r, int year);
const char *eco_i_record_country(const eco_i_record *r);

/* Adds (or finds) an actor named in the record, with the record's country unless it is
 * international or country is given; *out receives its index.  The name becomes known in
 * the record, so that prose naming it again finds it. */
int eco_i_record_actor(eco_i_record *r, size_t *out, const char *name, eco_actor_type type,
                       const char *country);

/* Makes name (and alias, if not NULL) stand for actor in the record's prose. */
int eco_i_record_know(eco_i_record *r, const char *name, size_t actor);

/* The record's subject: the actor its prose is about when no other is named. */
void eco_i_record_set_subject(eco_i_record *r, size_t actor);

/* Adds a tie with evidence from this record (line, text). */
int eco_i_record_tie(eco_i_record *r, size_t a, size_t b, eco_tie_kind kind, int line,
                     const char *text, size_t len);

/* Country to pass to eco_i_record_actor for an actor of no country at all, such as another
 * case a page links to. */
#define ECO_I_NO_COUNTRY ""

/* Queues a passage of prose from line on; subject is the actor it is about (ECO_I_NONE for
 * the record's subject), country its country (NULL for the record's).  A passage equal to
 * one already queued is skipped: text pasted into several answers is one piece of evidence. */
int eco_i_record_prose(eco_i_record *r, const char *text, size_t len, int line, size_t subject,
                       const char *country);

/* Reads a partner field: each name it holds becomes an actor tied to partner_of (a
 * partnership), typed by sector when its name does not say; evidence is the field. */
int eco_i_record_partners(eco_i_record *r, const char *text, size_t len, int line,
                          size_t partner_of, eco_actor_type sector);

/* Gives the partners of the last partner field the type a sector answer names, where their
 * names did not tell. */
int eco_i_record_type_last_partners(eco_i_record *r, eco_actor_type type);

/* Extracts the queued prose and adds the record to the graph.  0 or an ECO_E* code with err
 * set. */
int eco_i_record_finish(eco_i_record *r, eco_error *err);

/* The UNDP record's lab: forms such as "UNDP", "Acc Lab" and "Accelerator Lab" in its prose
 * stand for it. */
int eco_i_record_set_lab(eco_i_record *r, size_t actor);

/* The graph the record is read into. */
eco_graph *eco_i_record_graph(eco_i_record *r);

/* 1 when line is one of the labels of a Participedia entry's facet block. */
int eco_i_participedia_label(const char *line);

#endif
