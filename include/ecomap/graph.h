/*
 * ecomap/graph.h - the typed ecosystem graph: actors, ties, evidence and records.
 *
 * An eco_graph owns every string and array it hands out, and every string in it is UTF-8:
 * a byte of the input that is not becomes U+FFFD.  Actors, ties and records are
 * addressed by index; an index stays valid until an actor or tie is removed or merged,
 * after which indices above the removed one move down by one.  The structs below are
 * read-only views: change a graph only through the functions of this header.
 *
 * Threads.  Calls that only read a graph (those that take it as `const eco_graph *`:
 * counts, finds, queries, exports, diagrams, reports) may run at once in any number of
 * threads on one graph, as long as none changes it meanwhile; a call that changes a graph
 * (eco_graph_add_*, _set_*, _merge_*, _remove_*, eco_graph_absorb into it, an import into
 * it) must have it to itself.  Calls on different graphs may run at once.
 *
 * igraph (as Debian 12 builds it, without IGRAPH_THREAD_SAFE) and Graphviz keep state for
 * the whole process, so every call that uses them (all queries except eco_query_filter,
 * _project and _similar_names; diagrams, reports, DOT export) holds one lock of the
 * process while it does: such calls are safe together but take turns, on one graph or on
 * several.  The igraph view that a graph keeps for queries, built on first use after a
 * change, is built under that lock too, so several threads may make the first query of a
 * fresh graph at once.  A progress callback runs in the calling thread with the lock held:
 * it must not wait for another thread's ecomap call.  Tables built on first use are built
 * once (pthread_once).  Two imports, each with its own eco_importer, may run at once.
 *
 * For the whole process, ecomap makes igraph report errors instead of aborting, in every
 * thread that calls it, and makes its own allocator jansson's, once, unless the program
 * chose one before its first eco_graph_new; a program that calls igraph or Graphviz itself
 * must not do so while another thread is in ecomap.  eco_export_catch_signals is for
 * main() alone.
 */
#ifndef ECOMAP_GRAPH_H
#define ECOMAP_GRAPH_H

#include <stddef.h>

#include "ecomap/common.h"
#include "ecomap/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct eco_graph eco_graph;

/* Called now and then during a long import or computation with the share done, 0 to 100,
 * from the calling thread only. */
typedef void (*eco_progress_fn)(double percent, void *context);

/* ---- Actor types and tie kinds ---------------------------------------------------------- */

typedef enum eco_actor_type {
    ECO_TYPE_UNKNOWN = 0, /* not known: exported as null, never guessed */
    ECO_TYPE_GOVERNMENT,  /* ministries, agencies, secretariats, municipalities, public companies */
    ECO_TYPE_LAB,         /* public-sector innovation and citizen labs */
    ECO_TYPE_ACADEMIA,    /* universities, schools, research institutes */
    ECO_TYPE_CIVIL_SOCIETY, /* NGOs, foundations, associations, civic-tech groups */
    ECO_TYPE_INTERNATIONAL, /* UN agencies, OECD, EU bodies, development banks */
    ECO_TYPE_PRIVATE,     /* companies, banks, start-ups */
    ECO_TYPE_NETWORK      /* networks and communities of practice */
} eco_actor_type;

#define ECO_ACTOR_TYPE_COUNT 8

typedef enum eco_tie_kind {
    ECO_TIE_PARTNERSHIP = 0, /* undirected */
    ECO_TIE_FUNDING,         /* funder -> funded */
    ECO_TIE_HOSTING,         /* parent -> unit it hosts, manages or supervises */
    ECO_TIE_SUPPORT,         /* supporter -> supported (training, mentoring, assistance) */
    ECO_TIE_MEMBERSHIP,      /* member -> network */
    ECO_TIE_RELATED,         /* named together with no stated relation; undirected */
    ECO_TIE_UNSPECIFIED      /* a map joins the two and claims no kind (an untyped Kumu
                                connection); a tie like any other to every measure */
} eco_tie_kind;

#define ECO_TIE_KIND_COUNT 7

/* "government", "lab", ...; NULL for ECO_TYPE_UNKNOWN or a value out of range. */
ECO_EXPORT const char *eco_actor_type_name(eco_actor_type type);

/* Parses a type name as written by eco_actor_type_name, ignoring case, and also the common
 * spellings "civil society", "civil-society" and "ngo".  ECO_EDATA if it is none of them. */
ECO_EXPORT int eco_actor_type_from_name(eco_actor_type *out, const char *name);

/* "partnership", "funding", ...; NULL for a value out of range. */
ECO_EXPORT const char *eco_tie_kind_name(eco_tie_kind kind);

/* Parses a tie kind name, ignoring case.  ECO_EDATA if it is none of them. */
ECO_EXPORT int eco_tie_kind_from_name(eco_tie_kind *out, const char *name);

/* 1 if ties of this kind have a direction by default (funding, hosting, support,
 * membership), 0 otherwise. */
ECO_EXPORT int eco_tie_kind_is_directed(eco_tie_kind kind);

/* ---- Read-only views -------------------------------------------------------------------- */

typedef struct eco_attribute {
    const char *key;   /* unique within its actor */
    const char *value; /* free text */
} eco_attribute;

typedef struct eco_actor {
    const char *id;                  /* stable slug of the canonical name, unique in the graph */
    const char *name;                /* canonical name */
    eco_actor_type type;             /* ECO_TYPE_UNKNOWN when not known */
    const char *country;             /* NULL when unknown */
    const char *const *aliases;      /* other surface forms seen, sorted bytewise */
    size_t alias_count;              /* entries in aliases */
    const eco_attribute *attributes; /* free attributes, sorted by key */
    size_t attribute_count;          /* entries in attributes */
    const char *const *records;      /* ids of the records it was seen in, sorted */
    size_t record_count;             /* entries in records */
} eco_actor;

typedef struct eco_evidence {
    const char *record; /* id of the record that states the tie; NULL when none */
    const char *source; /* path of the file it was read from; NULL when none */
    int line;           /* 1-based line of the passage; 0 when unknown */
    const char *text;   /* the passage that states the tie; NULL when none */
} eco_evidence;

/* The largest weight a tie may have: a reader refuses a weight above it, and weights that
 * add up past it stop there, so that no sum overflows to infinity and every map written
 * can be read again (docs/FORMAT.md). */
#define ECO_WEIGHT_MAX 1e12

typedef struct eco_tie {
    size_t source;                /* actor index; the tail when directed */
    size_t target;                /* actor index; the head when directed */
    eco_tie_kind kind;            /* what the relation is */
    int directed;                 /* 1 when source -> target has a direction */
    double weight;                /* number of independent records that support it */
    const eco_evidence *evidence; /* sorted by record, line and text */
    size_t evidence_count;        /* entries in evidence */
} eco_tie;

typedef struct eco_record {
    const char *id;      /* unique within the graph, usually the file name */
    const char *path;    /* where it was read from; NULL when not known */
    const char *format;  /* detected format, such as "csv"; NULL when not known */
    const char *title;   /* NULL when not known */
    const char *country; /* NULL when not known */
    int year;            /* 0 when not known */
    const char *const *topics; /* what it is about ("governance"), each once, as written;
                                  NULL when topic_count is 0 */
    size_t topic_count;  /* entries in topics */
} eco_record;

/* ---- Life cycle ------------------------------------------------------------------------- */

/* Creates an empty graph.  ECO_ENOMEM when memory runs out.  The graph belongs to the
 * caller, who frees it with eco_graph_free. */
ECO_EXPORT int eco_graph_new(eco_graph **out);

/* Frees g and everything it handed out.  NULL-safe. */
ECO_EXPORT void eco_graph_free(eco_graph *g);

/* ---- Reading ---------------------------------------------------------------------------- */

ECO_EXPORT size_t eco_graph_actor_count(const eco_graph *g);
ECO_EXPORT size_t eco_graph_tie_count(const eco_graph *g);
ECO_EXPORT size_t eco_graph_record_count(const eco_graph *g);

/* The actor, tie or record at index i, valid until g next changes; NULL when i is out of
 * range.  O(1). */
ECO_EXPORT const eco_actor *eco_graph_actor(const eco_graph *g, size_t i);
ECO_EXPORT const eco_tie *eco_graph_tie(const eco_graph *g, size_t i);
ECO_EXPORT const eco_record *eco_graph_record(const eco_graph *g, size_t i);

/*
 * Finds the actor whose name or alias folds (eco_name_fold) to the same text as name.
 * When several actors share that name, as "Ministry of Education" does across countries,
 * the one whose country equals country wins, then one without a country; when country is
 * NULL, an actor without a country wins, then the first added.  A candidate whose country
 * differs from a given country never matches.  ECO_ENOTFOUND when none matches.
 * Expected O(length of name).
 */
ECO_EXPORT int eco_graph_find_actor(size_t *out, const eco_graph *g, const char *name,
                                    const char *country);

/* Finds an actor by its id.  ECO_ENOTFOUND when there is none.  Expected O(length of id). */
ECO_EXPORT int eco_graph_find_actor_by_id(size_t *out, const eco_graph *g, const char *id);

/* Finds the tie of that kind between a and b, in that direction when the kind is
 * directed, in either when it is not.  ECO_ENOTFOUND when there is none.  O(degree of a). */
ECO_EXPORT int eco_graph_find_tie(size_t *out, const eco_graph *g, size_t a, size_t b,
                                  eco_tie_kind kind);

/* Finds a record by id.  ECO_ENOTFOUND when there is none.  Expected O(length of id). */
ECO_EXPORT int eco_graph_find_record(size_t *out, const eco_graph *g, const char *id);

/* ---- Changing actors -------------------------------------------------------------------- */

/*
 * Adds an actor.  id may be NULL, in which case it is made from the name (eco_name_slug),
 * with the country's slug and then a number appended while it is taken.  A given id that
 * is taken is ECO_EDATA; an empty name or id is ECO_EUSAGE.  country may be NULL.
 * *out, when out is not NULL, receives the new actor's index.  Expected O(length of name).
 */
ECO_EXPORT int eco_graph_add_actor(size_t *out, eco_graph *g, const char *id, const char *name,
                                   eco_actor_type type, const char *country);

/*
 * The importer's entry point: finds the actor that name and country designate (as
 * eco_graph_find_actor does) or adds a new one.  A found actor gains name as an alias, and
 * type and country when it had none.  *out receives its index.
 */
ECO_EXPORT int eco_graph_resolve_actor(size_t *out, eco_graph *g, const char *name,
                                       eco_actor_type type, const char *country);

/* Adds a surface form to actor i, so that eco_graph_find_actor finds it by that name too.
 * The canonical name and forms already held are not added twice; forms that differ only
 * in spelling ("Modernisation", "Modernization") are all kept.  An empty alias is
 * ECO_EUSAGE.  O(aliases of i + length of alias). */
ECO_EXPORT int eco_graph_add_alias(eco_graph *g, size_t i, const char *alias);

/* Changes actor i's canonical name; the old name becomes an alias.  Its id does not change,
 * so that references to it stay valid. */
ECO_EXPORT int eco_graph_set_actor_name(eco_graph *g, size_t i, const char *name);

ECO_EXPORT int eco_graph_set_actor_type(eco_graph *g, size_t i, eco_actor_type type);

/* country may be NULL to forget it. */
ECO_EXPORT int eco_graph_set_actor_country(eco_graph *g, size_t i, const char *country);

/* Sets (or, with value NULL, removes) a free attribute of actor i. */
ECO_EXPORT int eco_graph_set_attribute(eco_graph *g, size_t i, const char *key, const char *value);

/* The value of attribute key of actor i, or NULL. */
ECO_EXPORT const char *eco_graph_attribute(const eco_graph *g, size_t i, const char *key);

/* Notes that actor i was seen in record record_id (once, however often it is called). */
ECO_EXPORT int eco_graph_add_actor_record(eco_graph *g, size_t i, const char *record_id);

/*
 * Merges actor absorbed into actor kept: the absorbed names become aliases, attributes the
 * kept actor lacks are copied, records are united, and every tie follows; ties that become
 * the same tie add their weights and unite their evidence, ties between the two vanish.
 * Type and country are taken from absorbed only where kept has none.  absorbed is then
 * removed, so indices above it move down; *out receives kept's new index.  O(actors + ties).
 */
ECO_EXPORT int eco_graph_merge_actors(size_t *out, eco_graph *g, size_t kept, size_t absorbed);

/* Removes actor i and its ties.  Indices above i move down by one.  O(actors + ties). */
ECO_EXPORT int eco_graph_remove_actor(eco_graph *g, size_t i);

/* ---- Changing ties ---------------------------------------------------------------------- */

/*
 * Adds a tie of the given kind from source to target, or strengthens the one that exists
 * (eco_graph_find_tie): weight is added to its weight unless ev is evidence it already
 * holds, and ev joins its evidence.  directed says whether the tie has a direction
 * (eco_tie_kind_is_directed gives the usual answer).  ev may be NULL.  A tie from an actor
 * to itself, or a weight that is negative, not finite or above ECO_WEIGHT_MAX, is
 * ECO_EUSAGE; a sum past ECO_WEIGHT_MAX is ECO_WEIGHT_MAX.  *out, when out is not NULL,
 * receives the tie's index.  O(degree of source + evidence of the tie).
 */
ECO_EXPORT int eco_graph_add_tie(size_t *out, eco_graph *g, size_t source, size_t target,
                                 eco_tie_kind kind, int directed, double weight,
                                 const eco_evidence *ev);

/* Adds ev to tie i without changing its weight; a copy of evidence it holds is ignored. */
ECO_EXPORT int eco_graph_add_tie_evidence(eco_graph *g, size_t i, const eco_evidence *ev);

/* Sets tie i's weight.  A weight outside 0 to ECO_WEIGHT_MAX is ECO_EUSAGE. */
ECO_EXPORT int eco_graph_set_tie_weight(eco_graph *g, size_t i, double weight);

/* Removes tie i.  Indices above i move down by one.  O(ties). */
ECO_EXPORT int eco_graph_remove_tie(eco_graph *g, size_t i);

/* ---- Records ---------------------------------------------------------------------------- */

/* Adds a record, copying its strings.  A record whose id is already present is not added
 * again: *out receives the existing one's index.  An empty id is ECO_EUSAGE.  Its topics
 * are kept in their order, each once (a repeat, NULL or "" is left out).  O(length of its
 * strings + topic_count²). */
ECO_EXPORT int eco_graph_add_record(size_t *out, eco_graph *g, const eco_record *record);

/* ---- Whole graphs ----------------------------------------------------------------------- */

/*
 * Adds everything in src to dst: each actor of src is matched to an actor of dst by id,
 * then by name and aliases (the importer's resolution), or added; aliases, attributes and
 * records are united, and ties add their weights and unite their evidence.  On error dst
 * may hold part of src.  O((actors + ties of src) * average degree).
 */
ECO_EXPORT int eco_graph_absorb(eco_graph *dst, const eco_graph *src, eco_error *err);

/* Told of each tie of src (by index) that eco_graph_absorb_told leaves out because both its
 * ends became one actor of dst; ctx is the caller's. */
typedef void (*eco_absorb_fn)(const eco_graph *src, size_t tie, void *ctx);

/* eco_graph_absorb, calling dropped (when not NULL) for each tie of src left out because
 * its two ends became one actor, so that a caller can say so instead of losing it without
 * a word.  Same cost. */
ECO_EXPORT int eco_graph_absorb_told(eco_graph *dst, const eco_graph *src, eco_absorb_fn dropped,
                                     void *ctx, eco_error *err);

/* ---- Names ------------------------------------------------------------------------------ */

/*
 * Folds a name into the form used for matching: accents dropped, letters lowered,
 * apostrophes dropped, every other punctuation mark and dash a single space, "&" as "and",
 * British spellings as American (-isation, -ise, centre, programme, labour...), and a
 * leading "the" dropped.  Writes at most n bytes, NUL included, to buf and returns the
 * length the whole folded name needs, as snprintf does.  O(length of name).
 */
ECO_EXPORT size_t eco_name_fold(char *buf, size_t n, const char *name);

/* Makes an id from a name: the folded name with runs of anything but ASCII letters and
 * digits turned into one '-'.  Same buffer rules as eco_name_fold. */
ECO_EXPORT size_t eco_name_slug(char *buf, size_t n, const char *name);

/* The edit distance between two names (insertions, deletions and substitutions of bytes),
 * to tell "rnak" from "rank" or a misspelt actor; (size_t)-1 when memory runs out.
 * O(length of a × length of b) time, O(length of b) memory. */
ECO_EXPORT size_t eco_name_distance(const char *a, const char *b);

/*
 * Guesses an actor's type from its name alone, with head words in English, Spanish,
 * Portuguese and French ("Ministry", "Ministerio", "Universidade", "Fondation", "Lab",
 * "Red", ...).  ECO_TYPE_UNKNOWN when the name does not tell.  O(length of name).
 */
ECO_EXPORT eco_actor_type eco_name_classify(const char *name);

#ifdef __cplusplus
}
#endif

#endif
