/*
 * core/countries.c - country names in the forms records use.
 *
 * Records name countries in English, Spanish, French and Portuguese, in Chinese (award
 * forms give the member state as 葡萄牙), and through demonyms ("the Portuguese
 * government").  Every form maps to one English short name, which is what actors and
 * records carry, so that "Portugal", "葡萄牙" and "Portuguese" meet, and to its ISO 3166
 * code.  The forms are ISO's, in every language iso-codes translates them to, and the few
 * ISO lacks (data/countries.tsv); tools/gen_countries.c joins them at build time.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "countries_table.h"
#include "internal.h"
#include "vocabulary.h"

/* ---- Lookup ----------------------------------------------------------------------------- */

/* Folded forms are hashed once, on first use, so that looking up a word costs one fold and
 * one probe whatever the size of the table. */
static eco_i_map by_form, by_demonym;
static int lookup_ready;
static pthread_once_t lookup_once = PTHREAD_ONCE_INIT;

static void put_form(eco_i_map *map, const char *form, size_t len, size_t index)
{
    uint64_t key = eco_i_fold_hash(form, len);
    if (key && eco_i_map_put(map, key, index) < 0)
        lookup_ready = -1;
}

/* A form that names no country claims its key first, so that no translation takes it. */
#define NOT_A_COUNTRY ((size_t)-1)

static void build_lookup(void)
{
    lookup_ready = 1;
    for (const char *f = eco_i_country_not_forms; *f;) {
        size_t len = strcspn(f, "|");
        put_form(&by_form, f, len, NOT_A_COUNTRY);
        f += len + (f[len] == '|');
    }
    for (size_t i = 0; eco_i_country_forms[i].text; i++) {
        const eco_i_country_form *f = &eco_i_country_forms[i];
        size_t found;
        uint64_t key = eco_i_fold_hash(f->text, strlen(f->text));
        if (key && eco_i_map_get_or_put(&by_form, key, (size_t)f->row, &found) < 0)
            lookup_ready = -1;
    }
    for (size_t i = 0; eco_i_country_rows[i].code; i++) {
        const char *demonym = eco_i_country_rows[i].demonym;
        if (*demonym)
            put_form(&by_demonym, demonym, strlen(demonym), i);
    }
}

/* The row of the country len bytes of text name in map, or NULL. */
static const eco_i_country_row *lookup(const eco_i_map *map, const char *text, size_t len)
{
    size_t index;
    uint64_t key;

    if (pthread_once(&lookup_once, build_lookup) != 0 || lookup_ready < 0)
        return NULL;
    if (len == 0 || len >= 128 || (key = eco_i_fold_hash(text, len)) == 0)
        return NULL;
    if (!eco_i_map_get(map, key, &index) || index == NOT_A_COUNTRY)
        return NULL;
    return &eco_i_country_rows[index];
}

const char *eco_i_country_name(const char *text, size_t len)
{
    const eco_i_country_row *row = lookup(&by_form, text, len);
    return row ? row->display : NULL;
}

const char *eco_i_country_of_demonym(const char *text, size_t len)
{
    const eco_i_country_row *row = lookup(&by_demonym, text, len);
    return row ? row->display : NULL;
}

const char *eco_i_country_code(const char *name)
{
    const eco_i_country_row *row = name ? lookup(&by_form, name, strlen(name)) : NULL;
    return row ? row->code : NULL;
}

static int by_code(const void *key, const void *row)
{
    return strcmp(key, ((const eco_i_country_row *)row)->code);
}

const char *eco_i_country_of_code(const char *code)
{
    char upper[4];
    const eco_i_country_row *row;

    if (!code || strlen(code) != 3)
        return NULL;
    for (size_t i = 0; i < 3; i++)
        upper[i] = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 32) : code[i];
    upper[3] = '\0';
    row = bsearch(upper, eco_i_country_rows, eco_i_country_count, sizeof(*row), by_code);
    return row ? row->display : NULL;
}

const char *eco_i_country_in_name(const char *name)
{
    const char *space = strchr(name, ' '), *c, *of;

    if (space && (c = eco_i_country_of_demonym(name, (size_t)(space - name))))
        return c;
    for (of = strstr(name, " of "); of; of = strstr(of + 1, " of ")) {
        const char *rest = of + 4;
        if (strncmp(rest, "the ", 4) == 0)
            rest += 4;
        if ((c = eco_i_country_name(rest, strlen(rest))))
            return c;
    }
    return NULL;
}
