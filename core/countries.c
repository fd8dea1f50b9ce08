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
#include <stdlib.h>
#include <string.h>

#include "countries_table.h"
#include "internal.h"
#include "vocabulary.h"

/* ---- Lookup ----------------------------------------------------------------------------- */

static int by_key(const void *key, const void *entry)
{
    uint64_t k = *(const uint64_t *)key, e = ((const eco_i_country_key *)entry)->key;
    return k < e ? -1 : k > e;
}

/* The row of the country len bytes of text name among keys, or NULL: one fold and a binary
 * search, whatever the size of the table (made at build time by tools/gen_countries.c). */
static const eco_i_country_row *lookup(const eco_i_country_key *keys, size_t count,
                                       const char *text, size_t len)
{
    const eco_i_country_key *hit;
    uint64_t key;

    if (len == 0 || len >= 128 || (key = eco_i_fold_hash(text, len)) == 0)
        return NULL;
    hit = bsearch(&key, keys, count, sizeof(*keys), by_key);
    return hit && hit->row >= 0 ? &eco_i_country_rows[hit->row] : NULL;
}

const char *eco_i_country_name(const char *text, size_t len)
{
    const eco_i_country_row *row = lookup(eco_i_country_forms, eco_i_country_forms_count, text,
                                          len);
    return row ? row->display : NULL;
}

const char *eco_i_country_of_demonym(const char *text, size_t len)
{
    const eco_i_country_row *row = lookup(eco_i_country_demonyms, eco_i_country_demonyms_count,
                                          text, len);
    return row ? row->display : NULL;
}

const char *eco_i_subdivision_country(const char *text, size_t len)
{
    const eco_i_country_row *row = lookup(eco_i_subdivision_forms,
                                          eco_i_subdivision_forms_count, text, len);
    return row ? row->display : NULL;
}

const char *eco_i_country_code(const char *name)
{
    const eco_i_country_row *row =
        name ? lookup(eco_i_country_forms, eco_i_country_forms_count, name, strlen(name)) : NULL;
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

    if (code && strlen(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
        code[1] <= 'Z') { /* "MX": in capitals only, so that "in" or "us" is never a country */
        for (size_t i = 0; i < eco_i_country_count; i++)
            if (strcmp(eco_i_country_rows[i].alpha2, code) == 0)
                return eco_i_country_rows[i].display;
        return NULL;
    }
    if (!code || strlen(code) != 3)
        return NULL;
    for (size_t i = 0; i < 3; i++)
        upper[i] = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 32) : code[i];
    upper[3] = '\0';
    row = bsearch(upper, eco_i_country_rows, eco_i_country_count, sizeof(*row), by_code);
    return row ? row->display : NULL;
}

const char *eco_i_country_as_written(const char *written)
{
    const char *known;

    if (!written || !*written)
        return NULL;
    if ((known = eco_i_country_name(written, strlen(written))) ||
        (known = eco_i_country_of_code(written)))
        return known;
    return written;
}

/* The start of the word up to `words` words before at, within name. */
static const char *words_before(const char *name, const char *at, int words)
{
    const char *p = at;
    while (words-- > 0 && p > name) {
        p--; /* the space before the word */
        while (p > name && p[-1] != ' ')
            p--;
    }
    return p;
}

const char *eco_i_country_in_name(const char *name)
{
    const char *space = strchr(name, ' '), *c, *of, *end = name + strlen(name);

    /* "Swedish Energy Agency", a state's body, is Sweden's; but a nationality is only a
     * name for a university, a chamber or a company: "American University of Central
     * Asia", "American Chamber of Commerce" in Azerbaijan, "American University in Cairo"
     * are where their records are, whatever their founders' nationality */
    if (space && !strstr(name, " in ") &&
        (c = eco_i_country_of_demonym(name, (size_t)(space - name))) &&
        eco_i_classify_words(name) == ECO_TYPE_GOVERNMENT)
        return c;
    /* The country after "of", taking in the words before it that its name holds, longest
     * first: "... of the Democratic Republic of the Congo" is not the Republic of the Congo. */
    for (of = strstr(name, " of "); of; of = strstr(of + 1, " of ")) {
        for (int back = 3; back >= 1; back--) {
            const char *from = words_before(name, of, back);
            if ((from == name || from[-1] == ' ') &&
                (c = eco_i_country_name(from, (size_t)(end - from))))
                return c;
        }
        if ((c = eco_i_country_name(of + 4, (size_t)(end - of - 4))))
            return c;
    }
    return NULL;
}
