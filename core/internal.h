/*
 * core/internal.h - what core/ shares with the other modules of ecomap but not with users:
 * growable arrays, the string pool, integer-keyed hash maps, and the igraph view of a graph.
 * Names here start with eco_i_.
 */
#ifndef ECOMAP_CORE_INTERNAL_H
#define ECOMAP_CORE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <igraph.h>

#include "ecomap/graph.h"

/* ---- Options ---------------------------------------------------------------------------- */

/*
 * Every public options struct starts with `unsigned int version` (include/ecomap/common.h).
 * 0 when opt is NULL or of a version from 1 to current (a later library reads the structs
 * of earlier headers); else ECO_EUSAGE, with err saying "TYPE of version N; this library
 * knows CURRENT", TYPE being the struct's name.
 */
int eco_i_options_check(const void *opt, unsigned int current, const char *type, eco_error *err);

/* ---- Growable arrays -------------------------------------------------------------------- */

/* Makes room for at least need elements of size elem in *items, whose capacity is *cap,
 * growing it geometrically.  0 or ECO_ENOMEM.  Inline, so that the common case, room
 * enough, costs a comparison and no call: arrays grow an element at a time, millions of
 * times an import. */
int eco_i_reserve_grow(void *items, size_t *cap, size_t need, size_t elem);

static inline int eco_i_reserve(void *items, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? 0 : eco_i_reserve_grow(items, cap, need, elem);
}

/* ---- Files ------------------------------------------------------------------------------ */

/* Reads the whole file at path into *out (malloc'd, ending in a '\0' not counted in *len).
 * 0, or ECO_ENOINPUT, ECO_EIO or ECO_ENOMEM with err set, naming path. */
int eco_i_read_file(const char *path, char **out, size_t *len, eco_error *err);

/* ---- Lists of strings ------------------------------------------------------------------- */

/* Strings a list owns, in the order added: what a reader gathers (a record's topics, the
 * items of a '|' list) before it hands them on as an array. */
typedef struct eco_i_strings {
    char **items; /* each NUL-terminated (owned) */
    size_t count; /* items held */
    size_t cap;   /* items allocated */
} eco_i_strings;

/* Adds a copy of the len bytes at s, NUL-terminated.  0 or ECO_ENOMEM.  O(len). */
int eco_i_strings_add(eco_i_strings *l, const char *s, size_t len);

/* Frees the items and the array, leaving l empty. */
void eco_i_strings_free(eco_i_strings *l);

/* ---- String pool ------------------------------------------------------------------------ */

/* Every distinct string is stored once, so equal strings are equal pointers and a pooled
 * string lives as long as the pool. */
typedef struct eco_i_pool eco_i_pool;

int eco_i_pool_new(eco_i_pool **out);
void eco_i_pool_free(eco_i_pool *pool);

/* The pooled copy of s (NULL for NULL), or NULL with *rc = ECO_ENOMEM (also for a string
 * of 4 GiB or more). */
const char *eco_i_pool_intern(eco_i_pool *pool, const char *s, int *rc);
const char *eco_i_pool_intern_n(eco_i_pool *pool, const char *s, size_t len, int *rc);

/* The pooled copy of s, or NULL when s was never pooled. */
const char *eco_i_pool_find(const eco_i_pool *pool, const char *s);

/* The number of distinct strings pooled.  O(1). */
size_t eco_i_pool_count(const eco_i_pool *pool);

/* ---- Large blocks ----------------------------------------------------------------------- */

/*
 * bytes of memory for a table or an arena, to be given back with free(); NULL when memory
 * runs out.  From 2 MiB on, it is asked for on huge pages where the system has them (a hint:
 * small pages work too).  Fresh memory costs a fault a page when first touched, and on a
 * virtual machine a fault of a 4 KiB page can cost 20 microseconds: the tables of a large
 * import, on small pages, took a tenth of its time in faults.
 */
void *eco_i_alloc_large(size_t bytes);

/* count zeroed elements of size bytes (eco_i_alloc_large), zeroed by writing, or NULL.  A
 * table that is probed before it is written, taken from calloc, maps the shared zero page
 * on the first read of each page and faults again on the first write. */
void *eco_i_alloc_zeroed(size_t count, size_t size);

/* ---- Maps from 64-bit keys to indices --------------------------------------------------- */

/* A key and its value side by side, so that a lookup reads one cache line, not two. */
typedef struct eco_i_map_slot {
    uint64_t key; /* stored as key + 1, so that 0 marks a free slot */
    size_t value; /* the key's value */
} eco_i_map_slot;

typedef struct eco_i_map {
    eco_i_map_slot *slots; /* open addressing */
    size_t capacity;       /* a power of two, or 0 */
    size_t count;          /* keys stored */
} eco_i_map;

void eco_i_map_clear(eco_i_map *map); /* forgets all keys, keeps the memory */
void eco_i_map_free(eco_i_map *map);
int eco_i_map_put(eco_i_map *map, uint64_t key, size_t value); /* 0 or ECO_ENOMEM */
int eco_i_map_get(const eco_i_map *map, uint64_t key, size_t *value); /* 1 found, 0 not */

/* key's value into *value when key is there (1); else key is added with value (0), or
 * ECO_ENOMEM.  One probe where a get and a put make two. */
int eco_i_map_get_or_put(eco_i_map *map, uint64_t key, size_t value, size_t *found);

/* Grows map until count keys fill at most a quarter of it.  A small map looked up far
 * more often than it is filled, mostly for keys it lacks (a model's features), takes a probe
 * or two a look-up where three quarters full took five.  0 or ECO_ENOMEM. */
int eco_i_map_reserve(eco_i_map *map, size_t count);

/* The next key after slot *at, in no order a caller may rely on, with its value: 1, or 0
 * when there is none.  for (size_t at = 0; eco_i_map_next(map, &at, &key, &value);) ... */
int eco_i_map_next(const eco_i_map *map, size_t *at, uint64_t *key, size_t *value);

static inline uint64_t eco_i_ptr_key(const void *p) { return (uint64_t)(uintptr_t)p; }

/* An actor and its score, for qsort with eco_i_by_falling_score: highest score first, NaN
 * last, equal scores in index order, so that the order is one on every run. */
typedef struct eco_i_scored {
    size_t actor;
    double score;
} eco_i_scored;

int eco_i_by_falling_score(const void *a, const void *b);

/*
 * The hash of len bytes, for the pool and for keys of text.  It takes eight bytes a step:
 * the importer hashes every sentence it keeps and every name it looks up, and a byte at a
 * time was a tenth of its time.  Never stored: the value may differ between machines.
 */
/* The last len (< 8) bytes of a string as one word, the value a memcpy into a zeroed word
 * gives on a little-endian machine (core/countries_table.h keeps hashes made so), in two
 * loads at most: a memcpy of a variable length cost a quarter of hashing a short word. */
static inline uint64_t eco_i_tail8(const char *s, size_t len)
{
    uint32_t lo, hi;

    if (len >= 4) { /* two loads that overlap agree on the bytes they share */
        memcpy(&lo, s, 4);
        memcpy(&hi, s + len - 4, 4);
        return lo | (uint64_t)hi << (8 * (len - 4));
    }
    if (len == 0)
        return 0;
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << (8 * (len / 2)) |
           (uint64_t)(unsigned char)s[len - 1] << (8 * (len - 1));
}

static inline uint64_t eco_i_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (len * 0xFF51AFD7ED558CCDULL), w;
    for (; len >= 8; s += 8, len -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    w = eco_i_tail8(s, len);
    h = (h ^ w) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

/* A hash of a stream of 64-bit words in two lanes (128 bits), the same on every machine
 * since it reads values, not memory: for keys that are stored, such as the measure cache's
 * (queries/measure_cache.c).  Not for an adversary: it only tells contents apart. */
typedef struct eco_i_hasher {
    uint64_t a, b; /* the two lanes */
} eco_i_hasher;

static inline void eco_i_hasher_init(eco_i_hasher *h)
{
    h->a = 0x243F6A8885A308D3ULL;
    h->b = 0x13198A2E03707344ULL;
}

static inline void eco_i_hasher_add(eco_i_hasher *h, uint64_t word)
{
    h->a = (h->a ^ word) * 0xBF58476D1CE4E5B9ULL;
    h->a ^= h->a >> 31;
    h->b = (h->b + word) * 0x94D049BB133111EBULL;
    h->b ^= h->b >> 29;
    h->b = (h->b ^ h->a) * 0xFF51AFD7ED558CCDULL;
}

/* ---- Graph internals -------------------------------------------------------------------- */

/* The graph's pool, for modules that build strings to hand to it. */
eco_i_pool *eco_i_graph_pool(eco_graph *g);

/* Pools s in g's pool as g pools the strings it holds: repaired to UTF-8, so that the copy
 * is the one an actor named s would hold.  NULL for NULL, or with *rc = ECO_ENOMEM. */
const char *eco_i_graph_intern(eco_graph *g, const char *s, int *rc);

/*
 * Adds the passage ev, read in record ev->record, to the tie of kind between a and b, made
 * (directed as its kind is) when there is none; the tie weighs 1 more when ev is its first
 * passage of the record: weight counts records, not sentences.  ev's strings are the
 * graph's own already (eco_i_graph_intern): the importer pools a record's id once a record
 * and a sentence once for all the ties it states.  A record's passages are appended, and
 * are put in order among the others by eco_i_graph_sort_evidence, which a reader's caller
 * runs once every input is read: until then a tie's evidence may be out of order.  0,
 * ECO_EUSAGE or ECO_ENOMEM.  O(1) but for a record read again, which takes a search.
 */
int eco_i_graph_add_said_tie(eco_graph *g, size_t a, size_t b, eco_tie_kind kind,
                             const eco_evidence *ev);

/* Puts in order every tie's evidence that eco_i_graph_add_said_tie appended to.
 * O(ties + passages log passages) for the ties appended to, O(1) when none was. */
void eco_i_graph_sort_evidence(eco_graph *g);

/*
 * The graph as an undirected igraph_t, vertex i being actor i and one edge per tie
 * (parallel edges where two ties join the same pair).  Built on first use after a change,
 * under eco_i_dependencies_lock, and owned by g; the caller reads it under that lock too,
 * as igraph's functions may write to the graph's cache of properties.  0, or
 * ECO_ENOMEM/ECO_EINTERNAL with err set.
 */
int eco_i_graph_igraph(const igraph_t **out, const eco_graph *g, eco_error *err);

/*
 * What queries keep on a graph until it changes in any way that a measure reads (an actor
 * or tie added, removed or moved, a weight changed): results of eco_query_measure, under a
 * description of what was computed ("measure betweenness directed=0 ..."), so that a
 * report and the diagram in it compute each measure once.  Like the igraph view, it is a
 * cache on a graph handed out read-only: callers hold eco_i_dependencies_lock.
 * eco_i_graph_recall copies count values into out and returns 1 when what is kept with
 * that many values, else 0; eco_i_graph_keep keeps a copy (0 or ECO_ENOMEM), the oldest
 * going past 32 results.
 */
int eco_i_graph_recall(const eco_graph *g, const char *what, double *out, size_t count);
int eco_i_graph_keep(const eco_graph *g, const char *what, const double *values, size_t count);

/* The folder measures of g are kept in across runs (eco_query_cache_folder), or NULL. */
const char *eco_i_graph_measure_folder(const eco_graph *g);
int eco_i_graph_set_measure_folder(eco_graph *g, const char *folder); /* 0 or ECO_ENOMEM */

/* A hash of what measures read: the number of actors, and each tie's ends, kind, direction
 * and weight, in order.  Any change a measure would see changes it.  O(ties). */
void eco_i_graph_content_hash(const eco_graph *g, uint64_t out[2]);

/* Hands everything src holds to dst when dst has never held anything (no actor, tie,
 * record or pooled string, so that no one holds a pointer into it), leaving src empty: 0.
 * 1, with both untouched, when dst is not so.  A reader that reads a map into a graph of
 * its own gives it to the import's graph this way when it is the first, instead of copying
 * it.  O(1). */
int eco_i_graph_take(eco_graph *dst, eco_graph *src);

/* Copies actor i of src into dst under the same id (a new actor: the id must be free in
 * dst), with its aliases, attributes and records; *out receives its index in dst. */
int eco_i_graph_copy_actor(size_t *out, eco_graph *dst, const eco_graph *src, size_t i);

/* Copies tie i of src into dst between dst's actors source and target, adding its weight
 * and evidence to a tie already there. */
int eco_i_graph_copy_tie(eco_graph *dst, const eco_graph *src, size_t i, size_t source,
                         size_t target);

/* eco_graph_add_actor_record without keeping actor i's records in order: the reader of raw
 * records meets records in an order of their contents, and one sort per actor at the end
 * costs less than an insertion in order for each record that names it, which moves the
 * whole list for an actor most records name.  The list is in order again after
 * eco_i_graph_sort_records, or before eco_graph_add_actor_record adds to it. */
int eco_i_graph_append_actor_record(eco_graph *g, size_t i, const char *record_id);

/* Puts in order the records of every actor eco_i_graph_append_actor_record added to.
 * Importers call it once all their inputs are read.  O(records log records). */
void eco_i_graph_sort_records(eco_graph *g);

/* Merges absorbed[p] into kept[p] for each pair in turn, as eco_graph_merge_actors would,
 * with indices as they are before any of the merges; a pair one of whose actors an earlier
 * pair absorbed is left out.  Ties and indices are rebuilt once at the end: 0, ECO_EUSAGE
 * or ECO_ENOMEM.  O(actors + ties + the merged actors' names and records). */
int eco_i_graph_merge_pairs(eco_graph *g, const size_t *kept, const size_t *absorbed,
                            size_t count);

/* Puts actor order[k] at index k, with id ids[k] when ids and ids[k] are not NULL (ids
 * must stay distinct); then gives an undirected tie's lower index as its source, sorts
 * ties by source, target, kind and direction, and records by id.  Strings are not copied.
 * 0 or ECO_ENOMEM.  O(actors + ties log ties + records log records + names). */
int eco_i_graph_reorder(eco_graph *g, const size_t *order, const char *const *ids);

/* The number of actor pairs joined by at least one tie, direction and kind aside.
 * 0 or ECO_ENOMEM.  Expected O(ties). */
int eco_i_count_linked_pairs(const eco_graph *g, size_t *out);

/* Installs ecomap's igraph error handler for the calling thread, once: igraph errors are
 * recorded, not fatal.  eco_i_dependencies_lock does it too.  eco_i_igraph_error fills err
 * with the last igraph message and returns its ecomap code. */
void eco_i_igraph_init(void);
int eco_i_igraph_error(igraph_error_t code, eco_error *err);

/*
 * igraph as Debian 12 builds it (IGRAPH_THREAD_SAFE 0) and Graphviz in any build keep
 * process-wide state: igraph its stack of temporaries to free on error, its handlers and
 * its random numbers; cgraph and gvc their error reporting, plugins and more.  Two threads
 * in them at once corrupt it (igraph then ends the process: "Corrupt finally stack").  So
 * every public function that calls igraph or Graphviz holds this lock while it does, and
 * such calls take turns across the process.  It is recursive: a function that holds it may
 * call another that takes it.  Taking it installs the igraph handlers for the thread.
 * 0, or ECO_EINTERNAL with err set.  Calls that only destroy an igraph object of their own
 * (igraph_destroy of a map's view) touch no shared state and do not take it.
 */
int eco_i_dependencies_lock(eco_error *err);
void eco_i_dependencies_unlock(void);

/* ---- Watched allocations ---------------------------------------------------------------- */

/* An allocator for a dependency that does not always say when memory ran out (jansson:
 * see core/watch.c), and a note for code that cannot return the failure itself.
 * eco_i_watch_failed says whether memory ran out on this thread since eco_i_watch_clear. */
void *eco_i_watched_malloc(size_t size);
void eco_i_watched_free(void *p);
void eco_i_watch_note(void);
void eco_i_watch_clear(void);
int eco_i_watch_failed(void);
/* Makes eco_i_watched_malloc jansson's allocator, once per process, unless the program
 * chose another (eco_i_watch_install, which eco_graph_new calls); eco_i_watch_jansson also
 * clears the note: to call before jansson parses or dumps. */
void eco_i_watch_install(void);
void eco_i_watch_jansson(void);

/* ---- Text helpers ----------------------------------------------------------------------- */

/* Decodes one UTF-8 character at s (of at most len bytes) into *cp, returning its length
 * (1 to 4), or 0 when the bytes are not valid UTF-8. */
size_t eco_i_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Writes the UTF-8 form of code point cp (1 to 4 bytes, no NUL) to out and returns its
 * length; 0 for NUL, a surrogate or a value past Unicode. */
size_t eco_i_utf8_encode(uint32_t cp, char out[4]);

/* The first m bytes of needle within the n bytes at hay, or NULL.  O(n * m) at worst. */
const char *eco_i_memmem(const char *hay, size_t n, const char *needle, size_t m);

/* The hash (eco_i_hash) of the folded form of len bytes of text (eco_name_fold); 0 when the
 * folded form is empty or longer than 255 bytes.  Names are looked up by it in the
 * gazetteer, the country table and a record's own names.  O(len). */
uint64_t eco_i_fold_hash(const char *text, size_t len);

/* Parses a whole string as a decimal integer or a finite number; 0 or ECO_EDATA. */
int eco_i_parse_long(const char *s, long min, long max, long *out);
int eco_i_parse_double(const char *s, double *out);

/* 1 when a CSV cell of text s would be read by a spreadsheet as a formula once a quote is
 * taken off: it starts, after any single quotes, with '=', '+', '-', '@', a tab or a
 * carriage return (OWASP's advice on CSV injection).  ecomap writes such a cell with one
 * more single quote before it, which spreadsheets show as text, and its CSV reader takes
 * one off a cell that starts with a quote and is such a cell, so that what it wrote reads
 * back as it was (docs/FORMAT.md). */
static inline int eco_i_csv_formula(const char *s)
{
    while (*s == '\'')
        s++;
    return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

/* 1 when w may be a tie's weight: a finite number from 0 to ECO_WEIGHT_MAX. */
static inline int eco_i_weight_ok(double w)
{
    return w >= 0 && w <= ECO_WEIGHT_MAX; /* false for NaN too */
}

/* Two weights added, stopping at ECO_WEIGHT_MAX: records that each give a tie 1e308 make
 * it as strong as a tie can be, never infinite. */
static inline double eco_i_weight_add(double a, double b)
{
    return a + b < ECO_WEIGHT_MAX ? a + b : ECO_WEIGHT_MAX;
}

/* A weight as text, for a reader's message: "weight \"%s\" is not ..." ends so. */
#define ECO_I_WEIGHT_RANGE "a number from 0 to 1e12"

#endif
