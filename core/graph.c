/*
 * core/graph.c - the eco_graph: actors, ties, evidence and records in side tables, with
 * the indices that find them (ids, folded names, tie keys) and an igraph view for queries.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* ---- Types ------------------------------------------------------------------------------ */

typedef struct actor {
    eco_actor view;                    /* handed out by eco_graph_actor; points below */
    const char **aliases;              /* pooled, sorted */
    size_t alias_cap;                  /* capacity of aliases */
    eco_attribute *attributes;         /* pooled strings, sorted by key */
    size_t attribute_cap;              /* capacity of attributes */
    const char **records;              /* pooled record ids, sorted unless records_later */
    size_t record_cap;                 /* capacity of records */
    const char *last_record;           /* the record added last: a record names an actor
                                          many times over, one after the other */
    int records_later;                 /* records appended, to be sorted at the end */
} actor;

typedef struct tie {
    eco_tie view;           /* handed out by eco_graph_tie; points below */
    eco_evidence *evidence; /* pooled strings, sorted unless appended */
    size_t evidence_cap;    /* capacity of evidence */
    const char *appended;   /* the record of the passage appended last (eco_i_graph_add_said_tie),
                               while the evidence waits to be sorted; NULL when sorted */
} tie;

#define EVIDENCE_SIZES 12 /* arrays of 1 to 2,048 passages (64 KiB) are cut from blocks */

/* Where the ties' arrays of passages lie (see "Evidence's memory" below). */
typedef struct evidence_memory {
    char **blocks;                       /* the blocks small arrays are cut from (owned) */
    size_t block_count, block_cap;       /* blocks, and room for them */
    size_t used, size;                   /* bytes cut from the last block, and its size */
    eco_evidence *spare[EVIDENCE_SIZES]; /* arrays given back, by size; each holds the next */
} evidence_memory;

/* A result a query keeps on the graph (eco_i_graph_keep). */
typedef struct kept_result {
    char *what;     /* what was computed (owned) */
    double *values; /* its values (owned) */
    size_t count;   /* how many */
} kept_result;

enum { KEPT_MAX = 32 };

typedef struct name_entry {
    size_t actor; /* actor that carries the name */
    size_t next;  /* next entry with the same folded name, or SIZE_MAX */
} name_entry;

struct eco_graph {
    eco_i_pool *pool;         /* every string of the graph */
    actor *actors;            /* in the order they were added */
    size_t actor_count, actor_cap;
    tie *ties;                /* in the order they were added */
    size_t tie_count, tie_cap;
    eco_record *records;      /* pooled strings, in the order they were added */
    size_t record_count, record_cap;
    eco_i_map ids;            /* pooled actor id -> actor index */
    eco_i_map record_ids;     /* pooled record id -> record index */
    eco_i_map names;          /* pooled folded name -> first name_entry */
    name_entry *name_entries; /* chains of actors sharing a folded name */
    size_t name_entry_count, name_entry_cap;
    eco_i_map tie_keys;       /* tie_key() -> tie index */
    evidence_memory passages; /* where the ties' arrays of passages lie */
    unsigned char shapes[ECO_TIE_KIND_COUNT][2]; /* 1 once a tie of that kind, undirected (0)
                                                    or directed (1), was added */
    const char *latest_record; /* a pooled record id no record id of an actor or of a tie's
                                  evidence comes after (strcmp), or NULL */
    eco_i_map evidence_records; /* pooled record id of every passage -> its rank among them,
                                   once eco_i_graph_sort_evidence ranked them */
    const char *said_record;  /* the record whose passages are being appended, or NULL */
    const char *actor_record; /* the record id pooled last for an actor's records, or NULL */
    int said_first;           /* 1 when no passage of said_record was added before its run */
    int evidence_later;       /* some tie's evidence waits for eco_i_graph_sort_evidence */
    int records_later;        /* some actor's records wait for eco_i_graph_sort_records */
    igraph_t igraph;          /* undirected view, valid when igraph_ready */
    int igraph_ready;         /* 1 when igraph matches the ties */
    kept_result kept[KEPT_MAX]; /* results queries keep until the ties change, oldest first */
    size_t kept_count;        /* results in kept */
    char *measure_folder;     /* where measures are kept across runs (owned), or NULL */
};

#define NO_ENTRY SIZE_MAX

/* ---- Small helpers ---------------------------------------------------------------------- */

/* The kept results no longer hold: a weight changed, or more. */
static void forget_results(eco_graph *g)
{
    for (size_t k = 0; k < g->kept_count; k++) {
        free(g->kept[k].what);
        free(g->kept[k].values);
    }
    g->kept_count = 0;
}

/* The view no longer matches.  Destroying it touches no state igraph shares between
 * graphs, so it needs no lock: whoever changes g has it to itself. */
static void changed(eco_graph *g)
{
    forget_results(g);
    if (g->igraph_ready) {
        igraph_destroy(&g->igraph);
        g->igraph_ready = 0;
    }
}

static void sync_actor(actor *a)
{
    a->view.aliases = a->aliases;
    a->view.attributes = a->attributes;
    a->view.records = a->records;
}

/* The length of s once every byte that is not UTF-8 becomes U+FFFD; 0 when s is UTF-8. */
static size_t repaired_length(const char *s, size_t len)
{
    size_t out = 0, bad = 0, i = 0;
    uint32_t c;

    /* most text is ASCII: skip it eight bytes a step (every sentence pooled comes here) */
    for (uint64_t w; i + 8 <= len; i += 8, out += 8) {
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
    }
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) { /* skip ASCII without decoding */
            i++, out++;
            continue;
        }
        size_t step = eco_i_utf8_decode(s + i, len - i, &c);
        if (step == 0) {
            bad++;
            out += 3;
            i++;
        } else {
            out += step;
            i += step;
        }
    }
    return bad ? out : 0;
}

/*
 * Pools s.  Every string in a graph is UTF-8, whatever the input held: a byte that is not
 * becomes U+FFFD, so that no writer (JSON, XML, DOT) meets text it cannot encode.
 */
static const char *intern(eco_graph *g, const char *s, int *rc)
{
    size_t len = s ? strlen(s) : 0, fixed = s ? repaired_length(s, len) : 0;
    const char *pooled;
    char *copy;
    uint32_t c;

    if (!fixed) /* valid UTF-8 (or NULL): pooled at the length already measured */
        return eco_i_pool_intern_n(g->pool, s, len, rc);
    if (!(copy = malloc(fixed + 1))) {
        *rc = ECO_ENOMEM;
        return NULL;
    }
    for (size_t i = 0, o = 0; i < len;) {
        size_t step = eco_i_utf8_decode(s + i, len - i, &c);
        if (step == 0) {
            memcpy(copy + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(copy + o, s + i, step);
            o += step;
            i += step;
        }
    }
    copy[fixed] = '\0';
    pooled = eco_i_pool_intern_n(g->pool, copy, fixed, rc);
    free(copy);
    return pooled;
}

/* Folds s into the pool (intern) or only looks it up (find); NULL when absent or on error. */
static const char *folded(const eco_graph *g, const char *s, int do_intern, int *rc)
{
    char small[256], *buf = small;
    const char *result;
    size_t need = eco_name_fold(small, sizeof(small), s);

    if (need >= sizeof(small)) { /* a rare long name: fold it again at its length */
        if (!(buf = malloc(need + 1))) {
            *rc = ECO_ENOMEM;
            return NULL;
        }
        eco_name_fold(buf, need + 1, s);
    }
    result = do_intern ? eco_i_pool_intern(g->pool, buf, rc) : eco_i_pool_find(g->pool, buf);
    if (buf != small)
        free(buf);
    return result;
}

static int str_cmp_null(const char *a, const char *b)
{
    if (a == b)
        return 0;
    if (!a)
        return -1;
    if (!b)
        return 1;
    return strcmp(a, b);
}

/* Keeps latest_record after pooled, a record id the graph now holds.  Records are mostly
 * read in order of id, so that the record being read is the latest: comparing ids with it,
 * then, needs no read of the other id (a cache miss in a large graph). */
static void note_record(eco_graph *g, const char *pooled)
{
    if (pooled && pooled != g->latest_record &&
        (!g->latest_record || strcmp(pooled, g->latest_record) > 0))
        g->latest_record = pooled;
}

/* Inserts pooled s into the sorted array *items (count *n, capacity *cap) unless present. */
static int sorted_insert(const char ***items, size_t *n, size_t *cap, const char *s)
{
    size_t lo = 0, hi = *n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp((*items)[mid], s);
        if (c == 0)
            return 0;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (eco_i_reserve(items, cap, *n + 1, sizeof(**items)) < 0)
        return ECO_ENOMEM;
    memmove(*items + lo + 1, *items + lo, (*n - lo) * sizeof(**items));
    (*items)[lo] = s;
    (*n)++;
    return 0;
}

/* ---- Names and types -------------------------------------------------------------------- */

static const char *const type_names[ECO_ACTOR_TYPE_COUNT] = {
    NULL, "government", "lab", "academia", "civil_society", "international", "private", "network"};

static const char *const kind_names[ECO_TIE_KIND_COUNT] = {
    "partnership", "funding", "hosting", "support", "membership", "related", "unspecified"};

const char *eco_actor_type_name(eco_actor_type type)
{
    return (unsigned)type < ECO_ACTOR_TYPE_COUNT ? type_names[type] : NULL;
}

int eco_actor_type_from_name(eco_actor_type *out, const char *name)
{
    if (!name)
        return ECO_EDATA;
    for (int t = 1; t < ECO_ACTOR_TYPE_COUNT; t++) {
        if (strcasecmp(name, type_names[t]) == 0) {
            *out = (eco_actor_type)t;
            return 0;
        }
    }
    if (strcasecmp(name, "civil society") == 0 || strcasecmp(name, "civil-society") == 0 ||
        strcasecmp(name, "ngo") == 0) {
        *out = ECO_TYPE_CIVIL_SOCIETY;
        return 0;
    }
    return ECO_EDATA;
}

const char *eco_tie_kind_name(eco_tie_kind kind)
{
    return (unsigned)kind < ECO_TIE_KIND_COUNT ? kind_names[kind] : NULL;
}

int eco_tie_kind_from_name(eco_tie_kind *out, const char *name)
{
    if (!name)
        return ECO_EDATA;
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++) {
        if (strcasecmp(name, kind_names[k]) == 0) {
            *out = (eco_tie_kind)k;
            return 0;
        }
    }
    return ECO_EDATA;
}

int eco_tie_kind_is_directed(eco_tie_kind kind)
{
    return kind == ECO_TIE_FUNDING || kind == ECO_TIE_HOSTING || kind == ECO_TIE_SUPPORT ||
           kind == ECO_TIE_MEMBERSHIP;
}

/* ---- Evidence's memory ------------------------------------------------------------------
 *
 * A tie's passages lie in an array of a power of two of them.  Arrays up to EVIDENCE_SIZES
 * sizes are cut from blocks the graph keeps (growing to 4 MiB, on huge pages from 2 MiB),
 * and one a tie outgrows waits on a list of its size for the next tie that grows to it;
 * larger arrays are malloc'd.  Each of the 150,000 ties of 10,000 plans grew its own array
 * with malloc and realloc: half a million calls, and 19 MB of fresh heap that faulted in a
 * 4 KiB page at a time, some 20 microseconds a fault on a virtual machine.
 */

#define EVIDENCE_BLOCK ((size_t)64 << 10)    /* the first block; each next one twice as large */
#define EVIDENCE_BLOCK_MAX ((size_t)4 << 20) /* ... up to this */

/* The list of arrays of cap passages, cap a power of two; EVIDENCE_SIZES or more for one
 * too large for the lists. */
static size_t evidence_size(size_t cap)
{
    size_t k = 0;
    while (k < EVIDENCE_SIZES && ((size_t)1 << k) < cap)
        k++;
    return k;
}

/* An array of cap passages, cap a power of two, or NULL when memory runs out. */
static eco_evidence *evidence_take(evidence_memory *m, size_t cap)
{
    size_t k = evidence_size(cap), bytes = cap * sizeof(eco_evidence);
    eco_evidence *array;
    char *block;

    if (k == EVIDENCE_SIZES)
        return cap <= SIZE_MAX / sizeof(eco_evidence) ? malloc(bytes) : NULL;
    if ((array = m->spare[k])) {
        memcpy(&m->spare[k], array, sizeof(array)); /* the next on the list */
        return array;
    }
    if (m->used + bytes > m->size) {
        size_t size = !m->size                      ? EVIDENCE_BLOCK
                      : m->size < EVIDENCE_BLOCK_MAX ? 2 * m->size
                                                     : m->size;
        if (eco_i_reserve(&m->blocks, &m->block_cap, m->block_count + 1, sizeof(block)) < 0 ||
            !(block = eco_i_alloc_large(size)))
            return NULL;
        m->blocks[m->block_count++] = block;
        m->used = 0;
        m->size = size;
    }
    array = (eco_evidence *)(m->blocks[m->block_count - 1] + m->used);
    m->used += bytes;
    return array;
}

/* Gives back array (NULL or one of cap passages from evidence_take). */
static void evidence_give(evidence_memory *m, eco_evidence *array, size_t cap)
{
    size_t k = evidence_size(cap);

    if (!array)
        return;
    if (k == EVIDENCE_SIZES) {
        free(array);
        return;
    }
    memcpy(array, &m->spare[k], sizeof(m->spare[k]));
    m->spare[k] = array;
}

static void evidence_memory_free(evidence_memory *m)
{
    for (size_t i = 0; i < m->block_count; i++)
        free(m->blocks[i]);
    free(m->blocks);
    memset(m, 0, sizeof(*m));
}

/* ---- Life cycle ------------------------------------------------------------------------- */

int eco_graph_new(eco_graph **out)
{
    eco_graph *g = calloc(1, sizeof(*g));

    eco_i_igraph_init();
    eco_i_watch_install();
    if (!g)
        return ECO_ENOMEM;
    if (eco_i_pool_new(&g->pool) < 0) {
        free(g);
        return ECO_ENOMEM;
    }
    *out = g;
    return 0;
}

static void actor_free(actor *a)
{
    free(a->aliases);
    free(a->attributes);
    free(a->records);
}

void eco_graph_free(eco_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->actor_count; i++)
        actor_free(&g->actors[i]);
    for (size_t i = 0; i < g->tie_count; i++)
        evidence_give(&g->passages, g->ties[i].evidence, g->ties[i].evidence_cap);
    evidence_memory_free(&g->passages);
    for (size_t i = 0; i < g->record_count; i++)
        free((void *)g->records[i].topics);
    free(g->actors);
    free(g->ties);
    free(g->records);
    free(g->name_entries);
    eco_i_map_free(&g->ids);
    eco_i_map_free(&g->record_ids);
    eco_i_map_free(&g->names);
    eco_i_map_free(&g->tie_keys);
    eco_i_map_free(&g->evidence_records);
    changed(g);
    free(g->measure_folder);
    eco_i_pool_free(g->pool);
    free(g);
}

const char *eco_i_graph_intern(eco_graph *g, const char *s, int *rc)
{
    return intern(g, s, rc);
}

eco_i_pool *eco_i_graph_pool(eco_graph *g)
{
    return g->pool;
}

/* ---- Reading ---------------------------------------------------------------------------- */

size_t eco_graph_actor_count(const eco_graph *g) { return g->actor_count; }
size_t eco_graph_tie_count(const eco_graph *g) { return g->tie_count; }
size_t eco_graph_record_count(const eco_graph *g) { return g->record_count; }

const eco_actor *eco_graph_actor(const eco_graph *g, size_t i)
{
    return i < g->actor_count ? &g->actors[i].view : NULL;
}

const eco_tie *eco_graph_tie(const eco_graph *g, size_t i)
{
    return i < g->tie_count ? &g->ties[i].view : NULL;
}

const eco_record *eco_graph_record(const eco_graph *g, size_t i)
{
    return i < g->record_count ? &g->records[i] : NULL;
}

int eco_graph_find_actor_by_id(size_t *out, const eco_graph *g, const char *id)
{
    const char *pooled = eco_i_pool_find(g->pool, id);
    size_t i;

    if (!pooled || !eco_i_map_get(&g->ids, eco_i_ptr_key(pooled), &i))
        return ECO_ENOTFOUND;
    if (out)
        *out = i;
    return 0;
}

int eco_graph_find_record(size_t *out, const eco_graph *g, const char *id)
{
    const char *pooled = eco_i_pool_find(g->pool, id);
    size_t i;

    if (!pooled || !eco_i_map_get(&g->record_ids, eco_i_ptr_key(pooled), &i))
        return ECO_ENOTFOUND;
    if (out)
        *out = i;
    return 0;
}

/*
 * How well actor i suits a wanted country: 2 the same country, 1 no country on one side,
 * 0 a different country (never a match).
 */
static int country_fit(const eco_graph *g, size_t i, const char *country)
{
    const char *has = g->actors[i].view.country;
    if (!country)
        return has ? 1 : 2;
    if (!has)
        return 1;
    return strcasecmp(has, country) == 0 ? 2 : 0;
}

/* eco_graph_find_actor among the actors with an index below limit. */
static int find_actor_below(size_t *out, const eco_graph *g, const char *name, const char *country,
                            size_t limit)
{
    int rc = 0, best_fit = 0;
    size_t entry, best = NO_ENTRY;
    const char *key = folded(g, name, 0, &rc);

    if (rc < 0)
        return rc;
    if (!key || !eco_i_map_get(&g->names, eco_i_ptr_key(key), &entry))
        return ECO_ENOTFOUND;
    for (; entry != NO_ENTRY; entry = g->name_entries[entry].next) {
        size_t i = g->name_entries[entry].actor;
        int fit = i < limit ? country_fit(g, i, country) : 0;
        if (fit > best_fit || (fit == best_fit && fit > 0 && i < best)) {
            best = i;
            best_fit = fit;
        }
    }
    if (best == NO_ENTRY)
        return ECO_ENOTFOUND;
    if (out)
        *out = best;
    return 0;
}

int eco_graph_find_actor(size_t *out, const eco_graph *g, const char *name, const char *country)
{
    if (!name || !*name)
        return ECO_ENOTFOUND;
    return find_actor_below(out, g, name, country, g->actor_count);
}

/* Packs a tie's identity into a map key; undirected ties forget their order. */
static uint64_t tie_key(size_t source, size_t target, eco_tie_kind kind, int directed)
{
    if (!directed && target < source) {
        size_t t = source;
        source = target;
        target = t;
    }
    return ((uint64_t)source << 34) | ((uint64_t)target << 4) | ((uint64_t)kind << 1) |
           (directed ? 1u : 0u);
}

int eco_graph_find_tie(size_t *out, const eco_graph *g, size_t a, size_t b, eco_tie_kind kind)
{
    size_t i;

    if (a >= g->actor_count || b >= g->actor_count || (unsigned)kind >= ECO_TIE_KIND_COUNT)
        return ECO_ENOTFOUND;
    /* a look-up in the map of every tie is a cache miss: none for a shape never added */
    if (!(g->shapes[kind][1] && eco_i_map_get(&g->tie_keys, tie_key(a, b, kind, 1), &i)) &&
        !(g->shapes[kind][0] && eco_i_map_get(&g->tie_keys, tie_key(a, b, kind, 0), &i)))
        return ECO_ENOTFOUND;
    if (out)
        *out = i;
    return 0;
}

/* ---- Indices ---------------------------------------------------------------------------- */

/* Files name under actor i in the folded-name index, unless it is there already. */
static int index_name(eco_graph *g, size_t i, const char *name)
{
    int rc = 0;
    size_t head = NO_ENTRY;
    const char *key = folded(g, name, 1, &rc);

    if (!key)
        return rc < 0 ? rc : ECO_ENOMEM;
    if (!*key)
        return 0; /* a name of punctuation only cannot be looked up */
    if (eco_i_map_get(&g->names, eco_i_ptr_key(key), &head)) {
        for (size_t e = head; e != NO_ENTRY; e = g->name_entries[e].next) {
            if (g->name_entries[e].actor == i)
                return 0;
        }
    }
    if (eco_i_reserve(&g->name_entries, &g->name_entry_cap, g->name_entry_count + 1,
                      sizeof(*g->name_entries)) < 0)
        return ECO_ENOMEM;
    g->name_entries[g->name_entry_count] = (name_entry){i, head};
    if (eco_i_map_put(&g->names, eco_i_ptr_key(key), g->name_entry_count) < 0)
        return ECO_ENOMEM;
    g->name_entry_count++;
    return 0;
}

/* Rebuilds the id and name indices after actors moved. */
static int reindex_actors(eco_graph *g)
{
    int rc;

    eco_i_map_clear(&g->ids);
    eco_i_map_clear(&g->names);
    g->name_entry_count = 0;
    for (size_t i = 0; i < g->actor_count; i++) {
        const actor *a = &g->actors[i];
        if ((rc = eco_i_map_put(&g->ids, eco_i_ptr_key(a->view.id), i)) < 0 ||
            (rc = index_name(g, i, a->view.name)) < 0)
            return rc;
        for (size_t k = 0; k < a->view.alias_count; k++)
            if ((rc = index_name(g, i, a->aliases[k])) < 0)
                return rc;
    }
    return 0;
}

/* ---- Actors ----------------------------------------------------------------------------- */

/* A free id made from name: its slug, then with the country's slug, then numbered. */
static const char *make_id(eco_graph *g, const char *name, const char *country, int *rc)
{
    size_t name_len = eco_name_slug(NULL, 0, name);
    size_t country_len = country ? eco_name_slug(NULL, 0, country) : 0;
    size_t cap = name_len + country_len + 32;
    char *buf = malloc(cap);
    const char *id = NULL;

    if (!buf) {
        *rc = ECO_ENOMEM;
        return NULL;
    }
    eco_name_slug(buf, cap, name);
    if (!buf[0])
        strcpy(buf, "actor"); /* a name in a script ids cannot hold */
    if (eco_graph_find_actor_by_id(NULL, g, buf) == 0 && country_len) {
        strcat(buf, "-");
        eco_name_slug(buf + strlen(buf), cap - strlen(buf), country);
    }
    size_t base = strlen(buf);
    for (unsigned long n = 2; eco_graph_find_actor_by_id(NULL, g, buf) == 0; n++)
        snprintf(buf + base, cap - base, "-%lu", n);
    id = intern(g, buf, rc);
    free(buf);
    return id;
}

int eco_graph_add_actor(size_t *out, eco_graph *g, const char *id, const char *name,
                        eco_actor_type type, const char *country)
{
    int rc = 0;
    actor *a;

    if (!name || !*name || (id && !*id) || (unsigned)type >= ECO_ACTOR_TYPE_COUNT)
        return ECO_EUSAGE;
    if (g->actor_count >= ((size_t)1 << 30))
        return ECO_ENOMEM; /* tie keys hold 30 bits an actor */
    if (id && eco_graph_find_actor_by_id(NULL, g, id) == 0)
        return ECO_EDATA;
    if (eco_i_reserve(&g->actors, &g->actor_cap, g->actor_count + 1, sizeof(*g->actors)) < 0)
        return ECO_ENOMEM;
    a = &g->actors[g->actor_count];
    memset(a, 0, sizeof(*a));
    a->view.id = id ? intern(g, id, &rc) : make_id(g, name, country, &rc);
    a->view.name = intern(g, name, &rc);
    a->view.country = country && *country ? intern(g, country, &rc) : NULL;
    a->view.type = type;
    if (rc < 0)
        return rc;
    if ((rc = eco_i_map_put(&g->ids, eco_i_ptr_key(a->view.id), g->actor_count)) < 0 ||
        (rc = index_name(g, g->actor_count, name)) < 0) {
        eco_i_map_clear(&g->ids); /* leave the indices as they were */
        reindex_actors(g);
        return rc;
    }
    if (out)
        *out = g->actor_count;
    g->actor_count++;
    changed(g);
    return 0;
}

int eco_graph_add_alias(eco_graph *g, size_t i, const char *alias)
{
    int rc;
    const char *pooled;
    actor *a;

    if (i >= g->actor_count || !alias || !*alias)
        return ECO_EUSAGE;
    a = &g->actors[i];
    rc = 0;
    if (!(pooled = intern(g, alias, &rc)))
        return rc;
    if (pooled == a->view.name)
        return 0;
    /* Every surface form is kept, "Modernisation" beside "Modernization"; the name index
     * holds each folded form once. */
    if ((rc = sorted_insert(&a->aliases, &a->view.alias_count, &a->alias_cap, pooled)) < 0)
        return rc;
    sync_actor(a);
    return index_name(g, i, alias);
}

int eco_graph_resolve_actor(size_t *out, eco_graph *g, const char *name, eco_actor_type type,
                            const char *country)
{
    size_t i;
    int rc;

    if (!name || !*name)
        return ECO_EUSAGE;
    if (eco_graph_find_actor(&i, g, name, country) != 0)
        return eco_graph_add_actor(out, g, NULL, name, type, country);
    if ((rc = eco_graph_add_alias(g, i, name)) < 0)
        return rc;
    if (g->actors[i].view.type == ECO_TYPE_UNKNOWN && (rc = eco_graph_set_actor_type(g, i, type)) < 0)
        return rc;
    if (!g->actors[i].view.country && country && (rc = eco_graph_set_actor_country(g, i, country)) < 0)
        return rc;
    if (out)
        *out = i;
    return 0;
}

int eco_graph_set_actor_name(eco_graph *g, size_t i, const char *name)
{
    int rc = 0;
    actor *a;
    const char *pooled, *old;

    if (i >= g->actor_count || !name || !*name)
        return ECO_EUSAGE;
    a = &g->actors[i];
    if (!(pooled = intern(g, name, &rc)))
        return rc;
    old = a->view.name;
    if (old == pooled)
        return 0;
    for (size_t k = 0; k < a->view.alias_count; k++) {
        if (a->aliases[k] == pooled) {
            memmove(&a->aliases[k], &a->aliases[k + 1],
                    (a->view.alias_count - k - 1) * sizeof(*a->aliases));
            a->view.alias_count--;
            break;
        }
    }
    a->view.name = pooled;
    if ((rc = sorted_insert(&a->aliases, &a->view.alias_count, &a->alias_cap, old)) < 0)
        return rc;
    sync_actor(a);
    /* the old name stays an alias, indexed as it was: only the new one may be missing (a
     * rebuild of every actor's index here made an alias file of n renames cost n^2) */
    return index_name(g, i, name);
}

int eco_graph_set_actor_type(eco_graph *g, size_t i, eco_actor_type type)
{
    if (i >= g->actor_count || (unsigned)type >= ECO_ACTOR_TYPE_COUNT)
        return ECO_EUSAGE;
    g->actors[i].view.type = type;
    return 0;
}

int eco_graph_set_actor_country(eco_graph *g, size_t i, const char *country)
{
    int rc = 0;
    if (i >= g->actor_count)
        return ECO_EUSAGE;
    g->actors[i].view.country = country && *country ? intern(g, country, &rc) : NULL;
    return rc;
}

static size_t attribute_position(const actor *a, const char *key, int *found)
{
    size_t lo = 0, hi = a->view.attribute_count;
    *found = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(a->attributes[mid].key, key);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int eco_graph_set_attribute(eco_graph *g, size_t i, const char *key, const char *value)
{
    int rc = 0, found;
    actor *a;
    size_t at;

    if (i >= g->actor_count || !key || !*key)
        return ECO_EUSAGE;
    a = &g->actors[i];
    at = attribute_position(a, key, &found);
    if (!value) {
        if (found) {
            memmove(&a->attributes[at], &a->attributes[at + 1],
                    (a->view.attribute_count - at - 1) * sizeof(*a->attributes));
            a->view.attribute_count--;
        }
        return 0;
    }
    eco_attribute attribute = {intern(g, key, &rc), intern(g, value, &rc)};
    if (rc < 0)
        return rc;
    if (!found) {
        if (eco_i_reserve(&a->attributes, &a->attribute_cap, a->view.attribute_count + 1,
                          sizeof(*a->attributes)) < 0)
            return ECO_ENOMEM;
        memmove(&a->attributes[at + 1], &a->attributes[at],
                (a->view.attribute_count - at) * sizeof(*a->attributes));
        a->view.attribute_count++;
    }
    a->attributes[at] = attribute;
    sync_actor(a);
    return 0;
}

const char *eco_graph_attribute(const eco_graph *g, size_t i, const char *key)
{
    int found;
    size_t at;

    if (i >= g->actor_count || !key)
        return NULL;
    at = attribute_position(&g->actors[i], key, &found);
    return found ? g->actors[i].attributes[at].value : NULL;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts actor a's records and drops repeats: pooled, equal ids are one pointer. */
static void sort_records(actor *a)
{
    size_t kept = 0;

    qsort(a->records, a->view.record_count, sizeof(*a->records), by_string);
    for (size_t k = 0; k < a->view.record_count; k++)
        if (kept == 0 || a->records[kept - 1] != a->records[k])
            a->records[kept++] = a->records[k];
    a->view.record_count = kept;
    a->records_later = 0;
}

void eco_i_graph_sort_records(eco_graph *g)
{
    if (!g->records_later)
        return;
    for (size_t i = 0; i < g->actor_count; i++)
        if (g->actors[i].records_later)
            sort_records(&g->actors[i]);
    g->records_later = 0;
}

/* Adds record_id to actor i's records: in order, or after the others when later. */
static int add_actor_record(eco_graph *g, size_t i, const char *record_id, int later)
{
    int rc = 0;
    const char *pooled;
    actor *a;

    if (i >= g->actor_count || !record_id || !*record_id)
        return ECO_EUSAGE;
    a = &g->actors[i];
    /* a record names its actors one after another: its id is then the one pooled last, and
     * a strcmp of two short strings saves hashing it and probing the pool (a cache miss) */
    if (g->actor_record && strcmp(g->actor_record, record_id) == 0)
        pooled = g->actor_record;
    else if (!(pooled = intern(g, record_id, &rc)))
        return rc;
    g->actor_record = pooled;
    if (pooled == a->last_record)
        return 0;
    note_record(g, pooled);
    if (!later) {
        if (a->records_later)
            sort_records(a);
        rc = sorted_insert(&a->records, &a->view.record_count, &a->record_cap, pooled);
    } else if (eco_i_reserve(&a->records, &a->record_cap, a->view.record_count + 1,
                             sizeof(*a->records)) < 0) {
        rc = ECO_ENOMEM;
    } else {
        size_t n = a->view.record_count;
        if (n > 0 && !a->records_later && pooled != g->latest_record &&
            strcmp(a->records[n - 1], pooled) > 0)
            a->records_later = g->records_later = 1;
        a->records[a->view.record_count++] = pooled;
    }
    if (rc == 0)
        a->last_record = pooled;
    sync_actor(a);
    return rc;
}

int eco_graph_add_actor_record(eco_graph *g, size_t i, const char *record_id)
{
    return add_actor_record(g, i, record_id, 0);
}

int eco_i_graph_append_actor_record(eco_graph *g, size_t i, const char *record_id)
{
    return add_actor_record(g, i, record_id, 1);
}

/* ---- Ties ------------------------------------------------------------------------------- */

static int evidence_cmp(const eco_evidence *a, const eco_evidence *b)
{
    int c;
    if ((c = str_cmp_null(a->record, b->record)) != 0)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if ((c = str_cmp_null(a->text, b->text)) != 0)
        return c;
    return str_cmp_null(a->source, b->source);
}

/* evidence_cmp(last, ev), where last is of a record no later than latest_record. */
static int evidence_cmp_last(const eco_graph *g, const eco_evidence *last, const eco_evidence *ev)
{
    if (last->record != ev->record && ev->record && ev->record == g->latest_record)
        return -1; /* another record's: one before the latest */
    return evidence_cmp(last, ev);
}

static int by_evidence(const void *a, const void *b)
{
    return evidence_cmp(a, b);
}

/* Puts in order the evidence of t, which passages were appended to.  No two of its passages
 * are equal (eco_i_graph_add_said_tie), so that the order is the one insertion keeps. */
static void sort_evidence(tie *t)
{
    qsort(t->evidence, t->view.evidence_count, sizeof(*t->evidence), by_evidence);
    t->appended = NULL;
}

/* Room in t for one more passage: arrays double, from one passage, since nine ties in ten
 * hold one (10,000 plans: 135,530 of 149,923).  0 or ECO_ENOMEM. */
static int evidence_room(eco_graph *g, tie *t)
{
    size_t n = t->view.evidence_count, cap = t->evidence_cap ? 2 * t->evidence_cap : 1;
    eco_evidence *grown;

    if (n < t->evidence_cap)
        return 0;
    if (!(grown = evidence_take(&g->passages, cap)))
        return ECO_ENOMEM;
    if (n > 0)
        memcpy(grown, t->evidence, n * sizeof(*grown));
    evidence_give(&g->passages, t->evidence, t->evidence_cap);
    t->evidence = grown;
    t->evidence_cap = cap;
    return 0;
}

/* Adds ev (with pooled strings) to t of g in order; *added says whether it was new. */
static int tie_add_evidence(eco_graph *g, tie *t, const eco_evidence *ev, int *added)
{
    size_t lo = 0, hi = t->view.evidence_count;
    int rc;

    *added = 0;
    if (t->appended)
        sort_evidence(t);
    /* a passage added in order may follow a run's passages: the run's ties no longer say
     * by their last passage alone whether they hold its record */
    g->said_record = NULL;
    if (ev->record &&
        (rc = eco_i_map_put(&g->evidence_records, eco_i_ptr_key(ev->record), 0)) < 0)
        return rc;
    note_record(g, ev->record);
    /* records are read in order, and a record's sentences in order of line: most evidence
     * goes last, which one comparison with the last says without a search of the tie's
     * thousands of passages (a cache miss each step) */
    if (hi > 0) {
        int c = evidence_cmp_last(g, &t->evidence[hi - 1], ev);
        if (c == 0)
            return 0;
        if (c < 0)
            lo = hi;
        else
            hi--;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = evidence_cmp(&t->evidence[mid], ev);
        if (c == 0)
            return 0;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (evidence_room(g, t) < 0)
        return ECO_ENOMEM;
    memmove(&t->evidence[lo + 1], &t->evidence[lo],
            (t->view.evidence_count - lo) * sizeof(*t->evidence));
    t->evidence[lo] = *ev;
    t->view.evidence_count++;
    t->view.evidence = t->evidence;
    *added = 1;
    return 0;
}

/* A string of evidence as a tie keeps it: NULL when empty, else pooled (already_pooled: it is
 * the graph's own, from eco_i_graph_intern). */
static const char *evidence_string(eco_graph *g, const char *s, int already_pooled, int *rc)
{
    if (!s || !*s)
        return NULL;
    return already_pooled ? s : intern(g, s, rc);
}

static int pool_evidence(eco_graph *g, const eco_evidence *ev, int already_pooled,
                         eco_evidence *out)
{
    int rc = 0;
    out->record = evidence_string(g, ev->record, already_pooled, &rc);
    out->source = evidence_string(g, ev->source, already_pooled, &rc);
    out->text = evidence_string(g, ev->text, already_pooled, &rc);
    out->line = ev->line > 0 ? ev->line : 0;
    return rc;
}

static int add_tie(size_t *out, eco_graph *g, size_t source, size_t target, eco_tie_kind kind,
                   int directed, double weight, const eco_evidence *ev, int already_pooled)
{
    eco_evidence pooled;
    int rc, added = 1;
    size_t i;
    uint64_t key;

    if (source >= g->actor_count || target >= g->actor_count || source == target ||
        (unsigned)kind >= ECO_TIE_KIND_COUNT || !eco_i_weight_ok(weight))
        return ECO_EUSAGE;
    directed = directed != 0;
    if (ev && (rc = pool_evidence(g, ev, already_pooled, &pooled)) < 0)
        return rc;
    key = tie_key(source, target, kind, directed);
    if (eco_i_reserve(&g->ties, &g->tie_cap, g->tie_count + 1, sizeof(*g->ties)) < 0 ||
        (rc = eco_i_map_get_or_put(&g->tie_keys, key, g->tie_count, &i)) < 0)
        return ECO_ENOMEM;
    if (rc == 0) {
        i = g->tie_count++;
        memset(&g->ties[i], 0, sizeof(g->ties[i]));
        g->ties[i].view = (eco_tie){source, target, kind, directed, 0, NULL, 0};
        g->shapes[kind][directed] = 1;
        changed(g);
    }
    if (ev && (rc = tie_add_evidence(g, &g->ties[i], &pooled, &added)) < 0)
        return rc;
    if (added && weight != 0) {
        g->ties[i].view.weight = eco_i_weight_add(g->ties[i].view.weight, weight);
        forget_results(g);
    }
    if (out)
        *out = i;
    return 0;
}

int eco_graph_add_tie(size_t *out, eco_graph *g, size_t source, size_t target, eco_tie_kind kind,
                      int directed, double weight, const eco_evidence *ev)
{
    return add_tie(out, g, source, target, kind, directed, weight, ev, 0);
}

int eco_graph_add_tie_evidence(eco_graph *g, size_t i, const eco_evidence *ev)
{
    eco_evidence pooled;
    int rc, added;

    if (i >= g->tie_count || !ev)
        return ECO_EUSAGE;
    if ((rc = pool_evidence(g, ev, 0, &pooled)) < 0)
        return rc;
    return tie_add_evidence(g, &g->ties[i], &pooled, &added);
}

/* Whether t holds a passage of record (pooled), searched in order.  O(log evidence). */
static int holds_record(const eco_graph *g, tie *t, const char *record)
{
    size_t lo = 0, hi = t->view.evidence_count;

    if (t->appended)
        sort_evidence(t);
    if (hi > 0) { /* a record read after every other one is answered by the last passage */
        const char *last = t->evidence[hi - 1].record;
        if (last == record)
            return 1;
        int c = record == g->latest_record ? -1 : str_cmp_null(last, record);
        if (c == 0)
            return 1;
        if (c < 0)
            return 0; /* every passage is of an earlier record */
        hi--;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = str_cmp_null(t->evidence[mid].record, record);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/*
 * Said passages.  Records are read one after another, in an order of their contents, not
 * of their ids: placing each passage among a tie's passages sorted by record took a search
 * of the tie's evidence (a cache miss a step), then a move of the passages after it.  A
 * record's passages are appended instead, in a run, and each tie's evidence is sorted once
 * reading is done (eco_i_graph_sort_evidence).  While a run's record had no passage before
 * the run (said_first), a tie holds a passage of it exactly when its last appended passage
 * is of it (appended), and its passages of it are its last ones: whether the tie weighs one
 * more, and whether a passage is there already, are told without a search.  Any other
 * passage added ends the run; a record read again (two files of one name, a table's rows)
 * takes the search.
 */

/* Starts a run of record's passages, unless it is the one running.  0 or ECO_ENOMEM. */
static int begin_said_run(eco_graph *g, const char *record)
{
    int seen;

    if (record == g->said_record)
        return 0;
    seen = eco_i_map_get_or_put(&g->evidence_records, eco_i_ptr_key(record), 0, NULL);
    if (seen < 0)
        return seen;
    note_record(g, record);
    g->said_record = record;
    g->said_first = !seen;
    return 0;
}

/* Appends ev to t, in order among the passages of its record appended last, unless it is
 * one of them already (*added 0). */
static int append_said(eco_graph *g, tie *t, const eco_evidence *ev, int *added)
{
    size_t n = t->view.evidence_count, at = n;

    *added = 0;
    for (; t->appended == ev->record && at > 0 && t->evidence[at - 1].record == ev->record;
         at--) {
        int c = evidence_cmp(&t->evidence[at - 1], ev);
        if (c == 0)
            return 0;
        if (c < 0)
            break;
    }
    if (evidence_room(g, t) < 0)
        return ECO_ENOMEM;
    memmove(&t->evidence[at + 1], &t->evidence[at], (n - at) * sizeof(*t->evidence));
    t->evidence[at] = *ev;
    t->view.evidence_count++;
    t->view.evidence = t->evidence;
    t->appended = ev->record;
    g->evidence_later = 1;
    *added = 1;
    return 0;
}

/* A passage of a record read before, or of a tie the other way round than its kind: the
 * tie found holds it when it holds the record, else the tie of the kind's direction. */
static int add_said_in_order(eco_graph *g, int found, size_t i, size_t a, size_t b,
                             eco_tie_kind kind, const eco_evidence *ev)
{
    int added;

    if (found && holds_record(g, &g->ties[i], ev->record))
        return tie_add_evidence(g, &g->ties[i], ev, &added);
    return add_tie(NULL, g, a, b, kind, eco_tie_kind_is_directed(kind), 1.0, ev, 1);
}

int eco_i_graph_add_said_tie(eco_graph *g, size_t a, size_t b, eco_tie_kind kind,
                             const eco_evidence *said)
{
    int directed = eco_tie_kind_is_directed(kind), found, holds, added, rc;
    eco_evidence ev;
    size_t i;
    tie *t;

    if ((rc = pool_evidence(g, said, 1, &ev)) < 0)
        return rc;
    found = eco_graph_find_tie(&i, g, a, b, kind) == 0;
    if (!ev.record)
        return add_said_in_order(g, found, i, a, b, kind, &ev);
    if ((rc = begin_said_run(g, ev.record)) < 0)
        return rc;
    if (!g->said_first || (found && g->ties[i].view.directed != directed))
        return add_said_in_order(g, found, i, a, b, kind, &ev);
    if (!found && (rc = add_tie(&i, g, a, b, kind, directed, 0, NULL, 1)) < 0)
        return rc;
    t = &g->ties[i];
    holds = t->appended == ev.record;
    if ((rc = append_said(g, t, &ev, &added)) < 0)
        return rc;
    if (added && !holds) { /* weight counts records: a second sentence adds only evidence */
        t->view.weight = eco_i_weight_add(t->view.weight, 1.0);
        forget_results(g);
    }
    return 0;
}

/*
 * Sorting appended passages.  A tie's passages of one record lie together and in order
 * (those of a record had none before its run, and were placed in order among the run's),
 * so that sorting them by their record's rank alone, keeping the order they are in, puts
 * them in the order of evidence_cmp.  The ranks come from one sort of the records; sorting
 * every tie with strcmp instead took a twentieth of an import.
 */

static int by_pooled_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Gives every record of a passage its rank among them, from 1, as its value in
 * evidence_records.  0 or ECO_ENOMEM. */
static int rank_evidence_records(eco_graph *g)
{
    size_t n = g->evidence_records.count, k = 0, value;
    const char **records = malloc((n + 1) * sizeof(*records));
    uint64_t key;
    int rc = 0;

    if (!records)
        return ECO_ENOMEM;
    for (size_t at = 0; eco_i_map_next(&g->evidence_records, &at, &key, &value);)
        records[k++] = (const char *)(uintptr_t)key;
    qsort(records, k, sizeof(*records), by_pooled_string);
    for (size_t r = 0; r < k && rc == 0; r++)
        rc = eco_i_map_put(&g->evidence_records, eco_i_ptr_key(records[r]), r + 1);
    free(records);
    return rc;
}

/* Sorts t's passages by their record's rank, with keys and spare room for as many. */
static void sort_ranked(const eco_graph *g, tie *t, uint64_t *keys, eco_evidence *spare)
{
    size_t n = t->view.evidence_count, rank;

    for (size_t k = 0; k < n; k++) {
        const char *record = t->evidence[k].record;
        rank = 0; /* no record: first, as str_cmp_null has it */
        if (record)
            eco_i_map_get(&g->evidence_records, eco_i_ptr_key(record), &rank);
        keys[k] = ((uint64_t)rank << 32) | k;
    }
    qsort(keys, n, sizeof(*keys), by_key);
    for (size_t k = 0; k < n; k++)
        spare[k] = t->evidence[keys[k] & 0xFFFFFFFFu];
    memcpy(t->evidence, spare, n * sizeof(*spare));
    t->appended = NULL;
}

void eco_i_graph_sort_evidence(eco_graph *g)
{
    size_t most = 0;
    uint64_t *keys = NULL;
    eco_evidence *spare = NULL;

    g->said_record = NULL; /* in order, the ties' last passages say nothing of the run */
    if (!g->evidence_later)
        return;
    for (size_t i = 0; i < g->tie_count; i++)
        if (g->ties[i].appended && g->ties[i].view.evidence_count > most)
            most = g->ties[i].view.evidence_count;
    /* short of memory, or of ranks that fit beside an index, the slower sort does as well */
    if (most <= UINT32_MAX && g->evidence_records.count < UINT32_MAX &&
        (keys = malloc((most + 1) * sizeof(*keys))) &&
        (spare = malloc((most + 1) * sizeof(*spare))) && rank_evidence_records(g) == 0) {
        for (size_t i = 0; i < g->tie_count; i++)
            if (g->ties[i].appended)
                sort_ranked(g, &g->ties[i], keys, spare);
    }
    for (size_t i = 0; i < g->tie_count; i++)
        if (g->ties[i].appended)
            sort_evidence(&g->ties[i]);
    free(keys);
    free(spare);
    g->evidence_later = 0;
}

int eco_graph_set_tie_weight(eco_graph *g, size_t i, double weight)
{
    if (i >= g->tie_count || !eco_i_weight_ok(weight))
        return ECO_EUSAGE;
    g->ties[i].view.weight = weight;
    forget_results(g);
    return 0;
}

/*
 * Rebuilds the tie table once actors have moved: moved_to[i] is actor i's new index, or
 * NO_ENTRY when its ties are dropped.  Ties that become the same tie are merged into the
 * first of them, ties that become loops vanish, and the others keep their order.
 */
static int rebuild_ties(eco_graph *g, const size_t *moved_to)
{
    size_t kept = 0;
    int rc = 0, added;

    eco_i_map_clear(&g->tie_keys);
    for (size_t i = 0; i < g->tie_count; i++) {
        tie t = g->ties[i];
        size_t source = moved_to[t.view.source], target = moved_to[t.view.target], into;
        if (source == NO_ENTRY || target == NO_ENTRY || source == target) {
            evidence_give(&g->passages, t.evidence, t.evidence_cap);
            continue;
        }
        uint64_t key = tie_key(source, target, t.view.kind, t.view.directed);
        if (eco_i_map_get(&g->tie_keys, key, &into)) {
            g->ties[into].view.weight = eco_i_weight_add(g->ties[into].view.weight, t.view.weight);
            for (size_t k = 0; k < t.view.evidence_count && rc == 0; k++)
                rc = tie_add_evidence(g, &g->ties[into], &t.evidence[k], &added);
            evidence_give(&g->passages, t.evidence, t.evidence_cap);
            continue;
        }
        t.view.source = source;
        t.view.target = target;
        g->ties[kept] = t;
        if (rc == 0)
            rc = eco_i_map_put(&g->tie_keys, key, kept);
        kept++;
    }
    g->tie_count = kept;
    changed(g);
    return rc;
}

/*
 * Settles the actors once some have left: into[i] is i for an actor that stays, the actor
 * that takes the ties of one that leaves (which may itself have left for another), or
 * NO_ENTRY when its ties leave with it; chains are shortened in place.  The ones that stay
 * keep their order.  One pass over ties and actors, however many leave.
 */
static int settle_actors(eco_graph *g, size_t *into)
{
    size_t n = g->actor_count, stay = 0;
    size_t *moved_to = malloc((n + 1) * sizeof(*moved_to));
    int rc;

    if (!moved_to)
        return ECO_ENOMEM;
    for (size_t i = 0; i < n; i++)
        moved_to[i] = into[i] == i ? stay++ : NO_ENTRY;
    for (size_t i = 0; i < n; i++) {
        size_t holder = i, next;
        while (holder != NO_ENTRY && into[holder] != holder)
            holder = into[holder];
        /* Chains point straight at their holder now: a long one is walked once. */
        for (size_t k = i; k != holder && k != NO_ENTRY; k = next) {
            next = into[k];
            into[k] = holder;
        }
        moved_to[i] = holder == NO_ENTRY ? NO_ENTRY : moved_to[holder];
    }
    rc = rebuild_ties(g, moved_to);
    free(moved_to);
    stay = 0;
    for (size_t i = 0; i < n; i++) {
        if (into[i] != i) {
            actor_free(&g->actors[i]);
            continue;
        }
        g->actors[stay] = g->actors[i];
        sync_actor(&g->actors[stay++]);
    }
    g->actor_count = stay;
    /* Indexed even after a failure, so that the graph stays one that can be freed or read. */
    int indexed = reindex_actors(g);
    return rc < 0 ? rc : indexed;
}

/* An array of the actors' indices, each its own holder. */
static size_t *holders_new(const eco_graph *g)
{
    size_t *into = malloc((g->actor_count + 1) * sizeof(*into));
    for (size_t i = 0; into && i < g->actor_count; i++)
        into[i] = i;
    return into;
}

int eco_graph_remove_actor(eco_graph *g, size_t i)
{
    size_t *into;
    int rc;

    if (i >= g->actor_count)
        return ECO_EUSAGE;
    if (!(into = holders_new(g)))
        return ECO_ENOMEM;
    into[i] = NO_ENTRY;
    rc = settle_actors(g, into);
    free(into);
    return rc;
}

/* What merging absorbed into kept does before the ties follow: names, attributes,
 * records, and type and country where kept has none. */
static int merge_actor_fields(eco_graph *g, size_t kept, size_t absorbed)
{
    actor *a = &g->actors[kept], *b = &g->actors[absorbed];
    int rc;

    if ((rc = eco_graph_add_alias(g, kept, b->view.name)) < 0)
        return rc;
    for (size_t k = 0; k < b->view.alias_count; k++)
        if ((rc = eco_graph_add_alias(g, kept, b->aliases[k])) < 0)
            return rc;
    for (size_t k = 0; k < b->view.attribute_count; k++)
        if (!eco_graph_attribute(g, kept, b->attributes[k].key) &&
            (rc = eco_graph_set_attribute(g, kept, b->attributes[k].key, b->attributes[k].value)) < 0)
            return rc;
    for (size_t k = 0; k < b->view.record_count; k++)
        if ((rc = eco_graph_add_actor_record(g, kept, b->records[k])) < 0)
            return rc;
    if (a->view.type == ECO_TYPE_UNKNOWN)
        a->view.type = b->view.type;
    if (!a->view.country)
        a->view.country = b->view.country;
    return 0;
}

int eco_i_graph_merge_pairs(eco_graph *g, const size_t *kept, const size_t *absorbed,
                            size_t count)
{
    size_t *into;
    int rc = 0;

    for (size_t p = 0; p < count; p++)
        if (kept[p] >= g->actor_count || absorbed[p] >= g->actor_count)
            return ECO_EUSAGE;
    if (count == 0)
        return 0; /* resolution of a map that needs no merge: nothing to rebuild */
    if (!(into = holders_new(g)))
        return ECO_ENOMEM;
    for (size_t p = 0; p < count && rc == 0; p++) {
        size_t k = kept[p], a = absorbed[p];
        if (k == a || into[k] != k || into[a] != a)
            continue; /* one of them was merged into another already */
        rc = merge_actor_fields(g, k, a);
        into[a] = k;
    }
    if (rc == 0)
        rc = settle_actors(g, into);
    free(into);
    return rc;
}

int eco_graph_merge_actors(size_t *out, eco_graph *g, size_t kept, size_t absorbed)
{
    int rc;

    if (kept >= g->actor_count || absorbed >= g->actor_count || kept == absorbed)
        return ECO_EUSAGE;
    if ((rc = eco_i_graph_merge_pairs(g, &kept, &absorbed, 1)) < 0)
        return rc;
    if (out)
        *out = kept > absorbed ? kept - 1 : kept;
    return 0;
}

int eco_graph_remove_tie(eco_graph *g, size_t i)
{
    if (i >= g->tie_count)
        return ECO_EUSAGE;
    evidence_give(&g->passages, g->ties[i].evidence, g->ties[i].evidence_cap);
    memmove(&g->ties[i], &g->ties[i + 1], (g->tie_count - i - 1) * sizeof(*g->ties));
    g->tie_count--;
    eco_i_map_clear(&g->tie_keys);
    for (size_t k = 0; k < g->tie_count; k++) {
        const eco_tie *t = &g->ties[k].view;
        if (eco_i_map_put(&g->tie_keys, tie_key(t->source, t->target, t->kind, t->directed), k) < 0)
            return ECO_ENOMEM;
    }
    changed(g);
    return 0;
}

/* ---- Records ---------------------------------------------------------------------------- */

/* Gives record r the topics it does not hold yet, pooled, in their order: pooled strings
 * are equal when their pointers are, so a repeat is found without comparing text.  A
 * record has a few topics, so the quadratic search costs less than a map would. */
static int add_topics(eco_graph *g, eco_record *r, const char *const *topics, size_t count)
{
    const char **kept;
    size_t n = 0;
    int rc = 0;

    if (count == 0)
        return 0;
    if (!(kept = malloc(count * sizeof(*kept))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < count && rc == 0; i++) {
        const char *pooled = topics[i] && *topics[i] ? intern(g, topics[i], &rc) : NULL;
        size_t k = 0;
        while (k < n && kept[k] != pooled)
            k++;
        if (pooled && k == n)
            kept[n++] = pooled;
    }
    if (rc < 0 || n == 0) {
        free(kept);
        return rc;
    }
    r->topics = kept;
    r->topic_count = n;
    return 0;
}

int eco_graph_add_record(size_t *out, eco_graph *g, const eco_record *record)
{
    int rc = 0;
    eco_record *r;

    if (!record || !record->id || !*record->id)
        return ECO_EUSAGE;
    if (eco_graph_find_record(out, g, record->id) == 0)
        return 0;
    if (eco_i_reserve(&g->records, &g->record_cap, g->record_count + 1, sizeof(*g->records)) < 0)
        return ECO_ENOMEM;
    r = &g->records[g->record_count];
    r->id = intern(g, record->id, &rc);
    r->path = intern(g, record->path, &rc);
    r->format = intern(g, record->format, &rc);
    r->title = intern(g, record->title, &rc);
    r->country = intern(g, record->country, &rc);
    r->year = record->year;
    r->topics = NULL;
    r->topic_count = 0;
    if (rc == 0)
        rc = add_topics(g, r, record->topics, record->topic_count);
    if (rc == 0)
        rc = eco_i_map_put(&g->record_ids, eco_i_ptr_key(r->id), g->record_count);
    if (rc < 0) {
        free((void *)r->topics); /* the record is not counted: nothing else frees them */
        return rc;
    }
    if (out)
        *out = g->record_count;
    g->record_count++;
    return 0;
}

/* ---- Whole graphs ----------------------------------------------------------------------- */

/* The actor of dst that src's actor a is, among dst's first `before` actors, or NO_ENTRY. */
static size_t match_actor(const eco_graph *dst, const eco_actor *a, size_t before)
{
    size_t i;
    /* The same id in another country is another body that happens to share a slug, such as
     * two maps' "ministry-of-education". */
    if (eco_graph_find_actor_by_id(&i, dst, a->id) == 0 && country_fit(dst, i, a->country) > 0)
        return i;
    if (find_actor_below(&i, dst, a->name, a->country, before) == 0)
        return i;
    for (size_t k = 0; k < a->alias_count; k++)
        if (find_actor_below(&i, dst, a->aliases[k], a->country, before) == 0)
            return i;
    return NO_ENTRY;
}

/* Adds a's aliases, the attributes dst's actor i lacks, and a's records to actor i. */
static int unite_actor(eco_graph *dst, size_t i, const eco_actor *a)
{
    int rc;
    for (size_t k = 0; k < a->alias_count; k++)
        if ((rc = eco_graph_add_alias(dst, i, a->aliases[k])) < 0)
            return rc;
    for (size_t k = 0; k < a->attribute_count; k++)
        if (!eco_graph_attribute(dst, i, a->attributes[k].key) &&
            (rc = eco_graph_set_attribute(dst, i, a->attributes[k].key, a->attributes[k].value)) < 0)
            return rc;
    for (size_t k = 0; k < a->record_count; k++)
        if ((rc = eco_graph_add_actor_record(dst, i, a->records[k])) < 0)
            return rc;
    return 0;
}

static int absorb_actor(eco_graph *dst, const eco_actor *a, size_t before, size_t *out)
{
    size_t i = match_actor(dst, a, before);
    int rc;

    if (i == NO_ENTRY) {
        const char *id = eco_graph_find_actor_by_id(NULL, dst, a->id) == 0 ? NULL : a->id;
        if ((rc = eco_graph_add_actor(&i, dst, id, a->name, a->type, a->country)) < 0)
            return rc;
    } else {
        if (dst->actors[i].view.type == ECO_TYPE_UNKNOWN)
            dst->actors[i].view.type = a->type;
        if (!dst->actors[i].view.country && a->country &&
            (rc = eco_graph_set_actor_country(dst, i, a->country)) < 0)
            return rc;
        if ((rc = eco_graph_add_alias(dst, i, a->name)) < 0)
            return rc;
    }
    if ((rc = unite_actor(dst, i, a)) < 0)
        return rc;
    *out = i;
    return 0;
}

int eco_i_graph_take(eco_graph *dst, eco_graph *src)
{
    eco_graph held;

    if (dst->actor_count || dst->tie_count || dst->record_count || eco_i_pool_count(dst->pool))
        return 1;
    changed(dst);
    changed(src);
    held = *dst;
    *dst = *src;
    *src = held;
    /* where each keeps its measures stays its own: it is not part of what a graph holds */
    src->measure_folder = dst->measure_folder;
    dst->measure_folder = held.measure_folder;
    return 0;
}

int eco_i_graph_copy_actor(size_t *out, eco_graph *dst, const eco_graph *src, size_t i)
{
    const eco_actor *a = &src->actors[i].view;
    int rc;

    if ((rc = eco_graph_add_actor(out, dst, a->id, a->name, a->type, a->country)) < 0)
        return rc;
    return unite_actor(dst, *out, a);
}

int eco_i_graph_copy_tie(eco_graph *dst, const eco_graph *src, size_t i, size_t source,
                         size_t target)
{
    const eco_tie *t = &src->ties[i].view;
    size_t into;
    int rc;

    if ((rc = eco_graph_add_tie(&into, dst, source, target, t->kind, t->directed, 0, NULL)) < 0)
        return rc;
    dst->ties[into].view.weight = eco_i_weight_add(dst->ties[into].view.weight, t->weight);
    forget_results(dst);
    for (size_t k = 0; k < t->evidence_count; k++)
        if ((rc = eco_graph_add_tie_evidence(dst, into, &t->evidence[k])) < 0)
            return rc;
    return 0;
}

int eco_graph_absorb(eco_graph *dst, const eco_graph *src, eco_error *err)
{
    return eco_graph_absorb_told(dst, src, NULL, NULL, err);
}

int eco_graph_absorb_told(eco_graph *dst, const eco_graph *src, eco_absorb_fn dropped, void *ctx,
                          eco_error *err)
{
    size_t *to = NULL, before = dst->actor_count;
    int rc = 0;

    if (src->actor_count && !(to = malloc(src->actor_count * sizeof(*to))))
        goto oom;
    for (size_t r = 0; r < src->record_count; r++)
        if ((rc = eco_graph_add_record(NULL, dst, &src->records[r])) < 0)
            goto cleanup;
    for (size_t i = 0; i < src->actor_count; i++)
        if ((rc = absorb_actor(dst, &src->actors[i].view, before, &to[i])) < 0)
            goto cleanup;
    for (size_t i = 0; i < src->tie_count; i++) {
        const eco_tie *t = &src->ties[i].view;
        if (to[t->source] == to[t->target]) { /* both ends turned out to be one actor */
            if (dropped)
                dropped(src, i, ctx);
            continue;
        }
        if ((rc = eco_i_graph_copy_tie(dst, src, i, to[t->source], to[t->target])) < 0)
            goto cleanup;
    }
cleanup:
    free(to);
    if (rc == ECO_ENOMEM)
        goto oom;
    if (rc < 0)
        return eco_error_set(err, rc, NULL, 0, 0, "cannot merge maps");
    return 0;
oom: /* to is freed or was never allocated */
    return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory while merging maps");
}

int eco_i_count_linked_pairs(const eco_graph *g, size_t *out)
{
    eco_i_map pairs = {0};
    int rc = 0;

    for (size_t i = 0; i < g->tie_count && rc == 0; i++) {
        const eco_tie *t = &g->ties[i].view;
        size_t lo = t->source < t->target ? t->source : t->target;
        size_t hi = t->source < t->target ? t->target : t->source;
        rc = eco_i_map_put(&pairs, ((uint64_t)lo << 32) | hi, 0);
    }
    *out = pairs.count;
    eco_i_map_free(&pairs);
    return rc;
}

static int tie_order(const tie *p, const tie *q)
{
    const eco_tie *x = &p->view, *y = &q->view;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->directed - y->directed;
}

static int record_order(const void *p, const void *q)
{
    return strcmp(((const eco_record *)p)->id, ((const eco_record *)q)->id);
}

/* Moves item k of items (of `size` bytes each) to place k of perm's inverse, in place:
 * items[k] becomes what items[perm[k]] was.  perm is left as the identity.  O(n). */
static void permute(void *items, size_t size, size_t *perm, size_t n, void *spare)
{
    char *base = items;
    for (size_t k = 0; k < n; k++) {
        if (perm[k] == k)
            continue;
        /* follow the cycle through k, one spare item's room for the first */
        memcpy(spare, base + k * size, size);
        size_t at = k;
        while (perm[at] != k) {
            size_t from = perm[at];
            memcpy(base + at * size, base + from * size, size);
            perm[at] = at;
            at = from;
        }
        memcpy(base + at * size, spare, size);
        perm[at] = at;
    }
}

/* Puts into out the indices in `in` (n of them) in stable order of key(tie): a counting
 * sort over `buckets` keys, count having room for buckets + 1. */
static void count_out(const eco_graph *g, const size_t *in, size_t *out, size_t n, size_t *count,
                      size_t buckets, int by_source)
{
    memset(count, 0, (buckets + 1) * sizeof(*count));
    for (size_t i = 0; i < n; i++) {
        const eco_tie *t = &g->ties[in ? in[i] : i].view;
        count[(by_source ? t->source : t->target) + 1]++;
    }
    for (size_t b = 0; b < buckets; b++)
        count[b + 1] += count[b];
    for (size_t i = 0; i < n; i++) {
        size_t k = in ? in[i] : i;
        const eco_tie *t = &g->ties[k].view;
        out[count[by_source ? t->source : t->target]++] = k;
    }
}

/*
 * Sorts the ties by tie_order, in place and in time that grows with ties and actors alone,
 * however many ties one actor has: counted out by target, then (stably) by source, then each
 * run of ties between one pair (a kind and direction each, so a handful) by insertion.
 * Returns 1 when any tie moved, 0 when they were in order, or ECO_ENOMEM.
 */
static int sort_ties(eco_graph *g)
{
    size_t m = g->tie_count, n = g->actor_count, sorted = 1;
    size_t *count, *by_target, *perm;
    tie spare;

    for (size_t i = 1; i < m && sorted; i++)
        sorted = tie_order(&g->ties[i - 1], &g->ties[i]) <= 0;
    if (sorted)
        return 0; /* a map read from a file that ecomap wrote */
    count = malloc((n + 1) * sizeof(*count));
    by_target = malloc(m * sizeof(*by_target));
    perm = malloc(m * sizeof(*perm));
    if (!count || !by_target || !perm) {
        free(count);
        free(by_target);
        free(perm);
        return ECO_ENOMEM;
    }
    count_out(g, NULL, by_target, m, count, n, 0);
    count_out(g, by_target, perm, m, count, n, 1);
    for (size_t i = 1; i < m; i++) {
        size_t moved = perm[i], k = i;
        for (; k > 0 && tie_order(&g->ties[perm[k - 1]], &g->ties[moved]) > 0; k--)
            perm[k] = perm[k - 1];
        perm[k] = moved;
    }
    permute(g->ties, sizeof(*g->ties), perm, m, &spare);
    free(count);
    free(by_target);
    free(perm);
    return 1;
}

/* The actors moved from old index i to to[i]: the name index follows them without folding
 * every name again, and the id index is made again.  0 or ECO_ENOMEM. */
static int reindex_moved_actors(eco_graph *g, const size_t *to)
{
    int rc = 0;

    for (size_t e = 0; e < g->name_entry_count; e++)
        g->name_entries[e].actor = to[g->name_entries[e].actor];
    eco_i_map_clear(&g->ids);
    for (size_t i = 0; i < g->actor_count && rc == 0; i++)
        rc = eco_i_map_put(&g->ids, eco_i_ptr_key(g->actors[i].view.id), i);
    return rc;
}

/* Puts actor order[k] at index k with id ids[k] (when given); *moved receives whether any
 * actor moved or changed its id.  to[i] receives actor i's new index. */
static int reorder_actors(eco_graph *g, const size_t *order, const char *const *ids, size_t *to,
                          int *moved)
{
    size_t n = g->actor_count;
    actor *placed;
    int rc = 0;

    *moved = 0;
    for (size_t k = 0; k < n; k++) {
        to[order[k]] = k;
        if (order[k] != k || (ids && ids[k] && strcmp(ids[k], g->actors[order[k]].view.id) != 0))
            *moved = 1;
    }
    if (!*moved)
        return 0;
    if (!(placed = malloc(n * sizeof(*placed))))
        return ECO_ENOMEM;
    for (size_t k = 0; k < n && rc == 0; k++) {
        placed[k] = g->actors[order[k]];
        if (ids && ids[k] && !(placed[k].view.id = intern(g, ids[k], &rc)))
            break;
    }
    if (rc == 0) {
        memcpy(g->actors, placed, n * sizeof(*placed));
        for (size_t k = 0; k < n; k++)
            sync_actor(&g->actors[k]);
    }
    free(placed);
    return rc;
}

int eco_i_graph_reorder(eco_graph *g, const size_t *order, const char *const *ids)
{
    size_t *to = g->actor_count ? malloc(g->actor_count * sizeof(*to)) : NULL;
    int rc, moved, ties_moved = 0, records_sorted = 1;

    if (g->actor_count && !to)
        return ECO_ENOMEM;
    if ((rc = reorder_actors(g, order, ids, to, &moved)) < 0) {
        free(to);
        return rc;
    }
    for (size_t i = 0; i < g->tie_count; i++) {
        eco_tie *t = &g->ties[i].view;
        size_t source = to[t->source], target = to[t->target];
        if (!t->directed && target < source) {
            size_t swap = source;
            source = target;
            target = swap;
        }
        ties_moved |= source != t->source || target != t->target;
        t->source = source;
        t->target = target;
    }
    if (moved)
        rc = reindex_moved_actors(g, to);
    free(to);
    /* A map read from a file ecomap wrote is in this order already: nothing moves, and the
     * indices stay as they are.  They are made again whatever failed before, so that the
     * graph stays one that can be read and freed. */
    int sorted = rc < 0 ? 0 : sort_ties(g);
    if (sorted < 0)
        rc = sorted;
    ties_moved |= sorted > 0;
    for (size_t i = 1; i < g->record_count && records_sorted; i++)
        records_sorted = record_order(&g->records[i - 1], &g->records[i]) < 0;
    if (!records_sorted) {
        int indexed = 0;
        qsort(g->records, g->record_count, sizeof(*g->records), record_order);
        eco_i_map_clear(&g->record_ids);
        for (size_t i = 0; i < g->record_count && indexed == 0; i++)
            indexed = eco_i_map_put(&g->record_ids, eco_i_ptr_key(g->records[i].id), i);
        rc = rc < 0 ? rc : indexed;
    }
    if (ties_moved) {
        int indexed = 0;
        eco_i_map_clear(&g->tie_keys);
        for (size_t i = 0; i < g->tie_count && indexed == 0; i++) {
            const eco_tie *t = &g->ties[i].view;
            indexed = eco_i_map_put(&g->tie_keys, tie_key(t->source, t->target, t->kind, t->directed), i);
        }
        rc = rc < 0 ? rc : indexed;
    }
    if (moved || ties_moved)
        changed(g);
    return rc;
}

/* ---- What queries keep ------------------------------------------------------------------ */

int eco_i_graph_recall(const eco_graph *g, const char *what, double *out, size_t count)
{
    for (size_t k = 0; k < g->kept_count; k++)
        if (g->kept[k].count == count && strcmp(g->kept[k].what, what) == 0) {
            memcpy(out, g->kept[k].values, count * sizeof(*out));
            return 1;
        }
    return 0;
}

int eco_i_graph_keep(const eco_graph *cg, const char *what, const double *values, size_t count)
{
    eco_graph *g = (eco_graph *)cg; /* a cache: keeping a result changes nothing seen */
    kept_result r = {malloc(strlen(what) + 1), malloc((count ? count : 1) * sizeof(double)), count};

    if (!r.what || !r.values) {
        free(r.what);
        free(r.values);
        return ECO_ENOMEM;
    }
    strcpy(r.what, what);
    memcpy(r.values, values, count * sizeof(double));
    if (g->kept_count == KEPT_MAX) {
        free(g->kept[0].what);
        free(g->kept[0].values);
        memmove(&g->kept[0], &g->kept[1], (KEPT_MAX - 1) * sizeof(*g->kept));
        g->kept_count--;
    }
    g->kept[g->kept_count++] = r;
    return 0;
}

const char *eco_i_graph_measure_folder(const eco_graph *g)
{
    return g->measure_folder;
}

int eco_i_graph_set_measure_folder(eco_graph *g, const char *folder)
{
    char *copy = folder ? malloc(strlen(folder) + 1) : NULL;

    if (folder && !copy)
        return ECO_ENOMEM;
    free(g->measure_folder);
    g->measure_folder = copy ? strcpy(copy, folder) : NULL;
    return 0;
}

void eco_i_graph_content_hash(const eco_graph *g, uint64_t out[2])
{
    eco_i_hasher h;

    eco_i_hasher_init(&h);
    eco_i_hasher_add(&h, g->actor_count);
    eco_i_hasher_add(&h, g->tie_count);
    for (size_t i = 0; i < g->tie_count; i++) {
        const eco_tie *t = &g->ties[i].view;
        uint64_t weight;
        memcpy(&weight, &t->weight, sizeof(weight));
        eco_i_hasher_add(&h, t->source);
        eco_i_hasher_add(&h, t->target);
        eco_i_hasher_add(&h, ((uint64_t)t->kind << 1) | (uint64_t)t->directed);
        eco_i_hasher_add(&h, weight);
    }
    out[0] = h.a;
    out[1] = h.b;
}

/* ---- The igraph view -------------------------------------------------------------------- */

int eco_i_graph_igraph(const igraph_t **out, const eco_graph *cg, eco_error *err)
{
    eco_graph *g = (eco_graph *)cg; /* the view is a cache: building it changes nothing seen */
    igraph_vector_int_t edges;
    igraph_error_t ierr;
    int rc;

    /* Threads that read one map may all come here first: the first builds the view under
     * the lock that igraph_create needs anyway, and the others find it built. */
    if ((rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    if (g->igraph_ready)
        goto done;
    ierr = igraph_vector_int_init(&edges, 2 * (igraph_integer_t)g->tie_count);
    if (ierr != IGRAPH_SUCCESS) {
        rc = eco_i_igraph_error(ierr, err);
        goto unlock;
    }
    for (size_t i = 0; i < g->tie_count; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)g->ties[i].view.source;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)g->ties[i].view.target;
    }
    ierr = igraph_create(&g->igraph, &edges, (igraph_integer_t)g->actor_count, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (ierr != IGRAPH_SUCCESS) {
        rc = eco_i_igraph_error(ierr, err);
        goto unlock;
    }
    g->igraph_ready = 1;
done:
    *out = &g->igraph;
unlock:
    eco_i_dependencies_unlock();
    return rc;
}
