/* core/util.c - growable arrays, the string pool, integer maps, UTF-8, number parsing and a
 * byte search. */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE, which POSIX leaves out */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

/* ---- Growable arrays -------------------------------------------------------------------- */

#define HUGE_PAGE ((size_t)2 << 20)

int eco_i_reserve_grow(void *items, size_t *cap, size_t need, size_t elem)
{
    void **p = items;
    size_t n = *cap ? *cap : 4;
    void *grown;

    if (need <= *cap)
        return 0;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return ECO_ENOMEM;
        n *= 2;
    }
    if (n > SIZE_MAX / elem)
        return ECO_ENOMEM;
    if (n * elem < HUGE_PAGE) {
        grown = realloc(*p, n * elem);
    } else if ((grown = eco_i_alloc_large(n * elem))) {
        /* a large array (the ties of 10,000 plans, 19 MB) on huge pages: realloc grew it on
         * small ones, and each faulted when first written, at 20 microseconds a fault */
        if (*p)
            memcpy(grown, *p, *cap * elem);
        free(*p);
    }
    if (!grown)
        return ECO_ENOMEM;
    *p = grown;
    *cap = n;
    return 0;
}

/* ---- Large blocks ----------------------------------------------------------------------- */

void *eco_i_alloc_large(size_t bytes)
{
    void *p = NULL;

    if (bytes < HUGE_PAGE)
        return malloc(bytes ? bytes : 1);
    /* aligned, so that whole huge pages lie inside the block */
    if (posix_memalign(&p, HUGE_PAGE, bytes) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, bytes, MADV_HUGEPAGE); /* a hint: small pages work too */
#endif
    return p;
}

void *eco_i_alloc_zeroed(size_t count, size_t size)
{
    void *p;

    if (size && count > SIZE_MAX / size)
        return NULL;
    if ((p = eco_i_alloc_large(count * size)))
        memset(p, 0, count * size);
    return p;
}

/* ---- Lists of strings ------------------------------------------------------------------- */

int eco_i_strings_add(eco_i_strings *l, const char *s, size_t len)
{
    char *copy;

    if (eco_i_reserve(&l->items, &l->cap, l->count + 1, sizeof(*l->items)) < 0 ||
        !(copy = malloc(len + 1)))
        return ECO_ENOMEM;
    memcpy(copy, s, len);
    copy[len] = '\0';
    l->items[l->count++] = copy;
    return 0;
}

void eco_i_strings_free(eco_i_strings *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    *l = (eco_i_strings){0};
}

/* ---- Hashing ---------------------------------------------------------------------------- */

static uint64_t hash_u64(uint64_t x)
{
    /* splitmix64's finaliser: pointers and packed indices have few varying low bits. */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* ---- String pool ------------------------------------------------------------------------ */

/* The arena's first block; each next one is twice as large, up to POOL_BLOCK << 6 (4 MiB),
 * so that a small graph keeps a small pool, and a large one's strings lie on huge pages. */
#define POOL_BLOCK 65536
#define POOL_BLOCK_DOUBLINGS 6

/* A slot keeps part of its string's hash and its length, so that a probe reads a string only
 * when both agree, and then compares it with memcmp: the strings are scattered over the
 * arena, and reading each was a cache miss. */
typedef struct pool_slot_t {
    char *s;       /* NULL is free */
    uint32_t hash; /* the low half of eco_i_hash: it places the slot too */
    uint32_t len;  /* the string's length: a pooled string is shorter than 4 GiB */
} pool_slot_t;

struct eco_i_pool {
    pool_slot_t *slots; /* open addressing */
    size_t capacity;   /* a power of two */
    size_t count;      /* strings stored */
    char **blocks;     /* arena blocks the strings live in */
    size_t block_count, block_cap;
    size_t block_used; /* bytes used in the last block */
    size_t block_size; /* size of the last block */
};

int eco_i_pool_new(eco_i_pool **out)
{
    eco_i_pool *pool = calloc(1, sizeof(*pool));
    if (!pool)
        return ECO_ENOMEM;
    pool->capacity = 256;
    pool->slots = eco_i_alloc_zeroed(pool->capacity, sizeof(*pool->slots));
    if (!pool->slots) {
        free(pool);
        return ECO_ENOMEM;
    }
    *out = pool;
    return 0;
}

void eco_i_pool_free(eco_i_pool *pool)
{
    if (!pool)
        return;
    for (size_t i = 0; i < pool->block_count; i++)
        free(pool->blocks[i]);
    free(pool->blocks);
    free(pool->slots);
    free(pool);
}

static size_t pool_slot(const pool_slot_t *slots, size_t capacity, const char *s, size_t len,
                        uint32_t hash)
{
    size_t i = hash & (capacity - 1);
    while (slots[i].s &&
           (slots[i].hash != hash || slots[i].len != len || memcmp(slots[i].s, s, len) != 0))
        i = (i + 1) & (capacity - 1);
    return i;
}

static int pool_grow(eco_i_pool *pool)
{
    size_t capacity = pool->capacity * 2;
    pool_slot_t *slots = eco_i_alloc_zeroed(capacity, sizeof(*slots));
    if (!slots)
        return ECO_ENOMEM;
    for (size_t i = 0; i < pool->capacity; i++) {
        if (pool->slots[i].s) {
            size_t k = pool->slots[i].hash & (capacity - 1);
            while (slots[k].s)
                k = (k + 1) & (capacity - 1);
            slots[k] = pool->slots[i];
        }
    }
    free(pool->slots);
    pool->slots = slots;
    pool->capacity = capacity;
    return 0;
}

static char *pool_store(eco_i_pool *pool, const char *s, size_t len)
{
    if (!pool->block_count || pool->block_size - pool->block_used < len + 1) {
        size_t doublings = pool->block_count < POOL_BLOCK_DOUBLINGS ? pool->block_count
                                                                      : POOL_BLOCK_DOUBLINGS;
        size_t size = POOL_BLOCK << doublings;
        char *block;
        if (len + 1 > size)
            size = len + 1;
        block = eco_i_alloc_large(size);
        if (!block || eco_i_reserve(&pool->blocks, &pool->block_cap, pool->block_count + 1,
                                    sizeof(*pool->blocks)) < 0) {
            free(block);
            return NULL;
        }
        pool->blocks[pool->block_count++] = block;
        pool->block_used = 0;
        pool->block_size = size;
    }
    char *copy = pool->blocks[pool->block_count - 1] + pool->block_used;
    memcpy(copy, s, len);
    copy[len] = '\0';
    pool->block_used += len + 1;
    return copy;
}

const char *eco_i_pool_intern_n(eco_i_pool *pool, const char *s, size_t len, int *rc)
{
    if (!s)
        return NULL;
    if (len > UINT32_MAX || (pool->count + 1 > pool->capacity / 2 && pool_grow(pool) < 0))
        goto oom;
    uint32_t hash = (uint32_t)eco_i_hash(s, len);
    size_t i = pool_slot(pool->slots, pool->capacity, s, len, hash);
    if (!pool->slots[i].s) {
        char *copy = pool_store(pool, s, len);
        if (!copy)
            goto oom;
        pool->slots[i] = (pool_slot_t){copy, hash, (uint32_t)len};
        pool->count++;
    }
    return pool->slots[i].s;
oom:
    if (rc)
        *rc = ECO_ENOMEM;
    return NULL;
}

const char *eco_i_pool_intern(eco_i_pool *pool, const char *s, int *rc)
{
    return s ? eco_i_pool_intern_n(pool, s, strlen(s), rc) : NULL;
}

const char *eco_i_pool_find(const eco_i_pool *pool, const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s);
    if (len > UINT32_MAX)
        return NULL;
    return pool->slots[pool_slot(pool->slots, pool->capacity, s, len, (uint32_t)eco_i_hash(s, len))].s;
}

size_t eco_i_pool_count(const eco_i_pool *pool)
{
    return pool->count;
}

/* ---- Orders ---------------------------------------------------------------------------- */

int eco_i_by_falling_score(const void *a, const void *b)
{
    const eco_i_scored *x = a, *y = b;
    int xn = isnan(x->score), yn = isnan(y->score);

    if (xn != yn)
        return xn - yn;
    if (!xn && x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

/* ---- Maps from 64-bit keys to indices --------------------------------------------------- */

void eco_i_map_clear(eco_i_map *map)
{
    if (map->slots)
        memset(map->slots, 0, map->capacity * sizeof(*map->slots));
    map->count = 0;
}

void eco_i_map_free(eco_i_map *map)
{
    free(map->slots);
    memset(map, 0, sizeof(*map));
}

static size_t map_slot(const eco_i_map *map, uint64_t stored)
{
    size_t i = hash_u64(stored) & (map->capacity - 1);
    while (map->slots[i].key && map->slots[i].key != stored)
        i = (i + 1) & (map->capacity - 1);
    return i;
}

/* Whether one more key would fill more than three quarters of the slots.  Linear probing
 * stays short up to there (two probes a hit, under five a miss on average), and a map of
 * every tie of a large map is its biggest table after the ties: at half full it took a
 * quarter of the memory of loading a map (bench/README.md). */
static int map_full(const eco_i_map *map)
{
    return (map->count + 1) * 4 > map->capacity * 3;
}

static int map_grow(eco_i_map *map)
{
    eco_i_map grown = {0};
    grown.capacity = map->capacity ? map->capacity * 2 : 64;
    if (!(grown.slots = eco_i_alloc_zeroed(grown.capacity, sizeof(*grown.slots))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < map->capacity; i++)
        if (map->slots[i].key)
            grown.slots[map_slot(&grown, map->slots[i].key)] = map->slots[i];
    grown.count = map->count;
    eco_i_map_free(map);
    *map = grown;
    return 0;
}

int eco_i_map_get_or_put(eco_i_map *map, uint64_t key, size_t value, size_t *found)
{
    if (map_full(map) && map_grow(map) < 0)
        return ECO_ENOMEM;
    eco_i_map_slot *slot = &map->slots[map_slot(map, key + 1)];
    if (slot->key) {
        if (found)
            *found = slot->value;
        return 1;
    }
    *slot = (eco_i_map_slot){key + 1, value};
    map->count++;
    return 0;
}

int eco_i_map_put(eco_i_map *map, uint64_t key, size_t value)
{
    if (map_full(map) && map_grow(map) < 0)
        return ECO_ENOMEM;
    eco_i_map_slot *slot = &map->slots[map_slot(map, key + 1)];
    if (!slot->key) {
        slot->key = key + 1;
        map->count++;
    }
    slot->value = value;
    return 0;
}

int eco_i_map_reserve(eco_i_map *map, size_t count)
{
    if (count > SIZE_MAX / 4)
        return ECO_ENOMEM;
    while (map->capacity < 4 * count)
        if (map_grow(map) < 0)
            return ECO_ENOMEM;
    return 0;
}

int eco_i_map_next(const eco_i_map *map, size_t *at, uint64_t *key, size_t *value)
{
    for (; *at < map->capacity; ++*at) {
        const eco_i_map_slot *slot = &map->slots[*at];
        if (slot->key) {
            *key = slot->key - 1;
            *value = slot->value;
            ++*at;
            return 1;
        }
    }
    return 0;
}

int eco_i_map_get(const eco_i_map *map, uint64_t key, size_t *value)
{
    if (!map->capacity)
        return 0;
    const eco_i_map_slot *slot = &map->slots[map_slot(map, key + 1)];
    if (!slot->key)
        return 0;
    if (value)
        *value = slot->value;
    return 1;
}

/* ---- UTF-8 and numbers ------------------------------------------------------------------ */

size_t eco_i_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n;
    uint32_t c;

    if (len == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    } else if ((u[0] & 0xE0) == 0xC0) {
        n = 2, c = u[0] & 0x1F;
    } else if ((u[0] & 0xF0) == 0xE0) {
        n = 3, c = u[0] & 0x0F;
    } else if ((u[0] & 0xF8) == 0xF0) {
        n = 4, c = u[0] & 0x07;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past Unicode are not UTF-8. */
    if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
        (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        return 0;
    *cp = c;
    return n;
}

size_t eco_i_utf8_encode(uint32_t cp, char out[4])
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int eco_i_parse_long(const char *s, long min, long max, long *out)
{
    char *end;
    long v;

    if (!s || !*s)
        return ECO_EDATA;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || *end != '\0' || v < min || v > max)
        return ECO_EDATA;
    *out = v;
    return 0;
}

int eco_i_parse_double(const char *s, double *out)
{
    char *end;
    double v;

    if (!s || !*s)
        return ECO_EDATA;
    errno = 0;
    v = strtod(s, &end);
    if (errno || *end != '\0' || !isfinite(v))
        return ECO_EDATA;
    *out = v;
    return 0;
}

const char *eco_i_memmem(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m == 0)
        return hay;
    for (const char *p = hay; m <= n && (p = memchr(p, needle[0], n - m + 1 - (size_t)(p - hay)));
         p++)
        if (memcmp(p, needle, m) == 0)
            return p;
    return NULL;
}
