/*
 * tools/gen_countries.c - ecomap's table of countries, made at build time from ISO 3166.
 *
 * usage: gen_countries ISO_JSON LOCALE_DIR EXTRA_TSV OUT_C [SUBDIVISIONS_JSON]
 *
 * ISO_JSON is iso-codes' iso_3166-1.json, LOCALE_DIR the folder whose LANG/LC_MESSAGES hold
 * iso_3166-1.mo, the names' translations in every language iso-codes has, and EXTRA_TSV is
 * data/countries.tsv: display names, demonyms and the forms ISO lacks.  OUT_C defines
 * eco_i_country_rows, one row per country in code order, and eco_i_country_forms and
 * eco_i_country_demonyms: the keys of the folded forms (eco_i_fold_hash, core/fold.c, which
 * this tool is built with) and the rows they name, sorted, so that a lookup is a binary
 * search and nothing is built when ecomap starts.  SUBDIVISIONS_JSON, iso-codes'
 * iso_3166-2.json, gives eco_i_subdivision_forms: the names of the provinces, regions and
 * districts countries divide themselves into, with the row of their country.
 *
 * A row's names (its display name, ISO's English names and the hand-written forms) win over
 * any translation; a translation that two countries
 * share, or that is three bytes or shorter, is left out, because it would name the wrong
 * country or an English word more often than the right one.  Output is sorted, so the same
 * inputs always give the same file.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

#define MAX_COUNTRIES 300

typedef struct form {
    char *text;
    int country;
} form;

typedef struct forms {
    form *items;
    size_t count, cap;
} forms;

typedef struct country {
    char code[4];
    char alpha2[3]; /* ISO's two-letter code; "" for the forms ISO lacks (Kosovo) */
    char *iso_name, *display, *demonym;
    forms names; /* English and hand-written: every one kept */
} country;

static country countries[MAX_COUNTRIES];
static int country_count;
static forms translations; /* every language's, before the ambiguous ones are dropped */
static forms english;      /* ISO's English names, sorted, to find their translations */
static char *not_forms;
static forms subdivisions; /* ISO 3166-2's names, each with its country */

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "gen_countries: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static char *copy(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (!c)
        die("out of memory", NULL);
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

static void add_form(forms *f, const char *text, size_t n, int country_index)
{
    if (n == 0)
        return;
    if (f->count == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 256;
        if (!(f->items = realloc(f->items, f->cap * sizeof(*f->items))))
            die("out of memory", NULL);
    }
    f->items[f->count++] = (form){copy(text, n), country_index};
}

static int by_text(const void *a, const void *b)
{
    const form *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    return c ? c : x->country - y->country;
}

/* ISO's English names are each one country's, so the text alone finds it. */
static int by_text_alone(const void *a, const void *b)
{
    return strcmp(((const form *)a)->text, ((const form *)b)->text);
}

static int find_code(const char *code)
{
    for (int i = 0; i < country_count; i++)
        if (strcmp(countries[i].code, code) == 0)
            return i;
    return -1;
}

static int new_country(const char *code, const char *iso_name)
{
    if (country_count == MAX_COUNTRIES)
        die("too many countries", NULL);
    country *c = &countries[country_count];
    snprintf(c->code, sizeof(c->code), "%s", code);
    c->iso_name = iso_name ? copy(iso_name, strlen(iso_name)) : NULL;
    return country_count++;
}

/* ---- ISO 3166-1 ------------------------------------------------------------------------- */

static void read_iso(const char *path)
{
    static const char *const keys[] = {"name", "common_name", "official_name"};
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error), *list, *entry;
    size_t i;

    if (!root || !(list = json_object_get(root, "3166-1")) || !json_is_array(list))
        die("cannot read ISO 3166-1", root ? path : error.text);
    json_array_foreach(list, i, entry) {
        const char *code = json_string_value(json_object_get(entry, "alpha_3"));
        if (!code)
            die("an ISO 3166-1 entry has no alpha_3", path);
        int c = new_country(code, json_string_value(json_object_get(entry, "name")));
        const char *two = json_string_value(json_object_get(entry, "alpha_2"));
        if (two && strlen(two) == 2)
            memcpy(countries[c].alpha2, two, 3);
        for (size_t k = 0; k < 3; k++) {
            const char *name = json_string_value(json_object_get(entry, keys[k]));
            if (!name)
                continue;
            add_form(&countries[c].names, name, strlen(name), c);
            add_form(&english, name, strlen(name), c);
            if (k == 1 || (k == 0 && !json_object_get(entry, "common_name")))
                countries[c].display = copy(name, strlen(name));
        }
    }
    json_decref(root);
    qsort(english.items, english.count, sizeof(form), by_text);
}

/* The names of ISO 3166-2's subdivisions, each with the country its code starts with. */
static void read_subdivisions(const char *path)
{
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error), *list, *entry;
    size_t i;

    if (!root || !(list = json_object_get(root, "3166-2")) || !json_is_array(list))
        die("cannot read ISO 3166-2", root ? path : error.text);
    json_array_foreach(list, i, entry) {
        const char *code = json_string_value(json_object_get(entry, "code"));
        const char *name = json_string_value(json_object_get(entry, "name"));
        if (!code || !name || strlen(code) < 4 || code[2] != '-')
            die("an ISO 3166-2 entry has no code or no name", path);
        for (int c = 0; c < country_count; c++)
            if (strncmp(countries[c].alpha2, code, 2) == 0) {
                add_form(&subdivisions, name, strlen(name), c);
                break;
            }
    }
    json_decref(root);
}

/* ---- Translations: GNU gettext's .mo files ---------------------------------------------- */

static uint32_t word_at(const unsigned char *p, int swap)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return swap ? __builtin_bswap32(w) : w;
}

/* The string of the table entry at off, or NULL when it lies outside the file. */
static const char *mo_string(const unsigned char *mo, size_t size, uint32_t table, uint32_t i,
                             int swap, uint32_t *len)
{
    if ((size_t)table + 8 * (size_t)i + 8 > size)
        return NULL;
    *len = word_at(mo + table + 8 * i, swap);
    uint32_t off = word_at(mo + table + 8 * i + 4, swap);
    return (size_t)off + *len < size ? (const char *)mo + off : NULL;
}

/* "Síp", "Mỹ", "Cad": three letters of a Latin script or fewer, which prose shares with
 * acronyms and English words.  Two Chinese characters name a country well ("中国"). */
static int is_short_latin(const char *s, size_t len)
{
    size_t letters = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xCA) /* a lead byte past U+027F: another script */
            return 0;
        letters += (c & 0xC0) != 0x80;
    }
    return letters <= 3;
}

static void add_translation(const char *msgid, uint32_t id_len, const char *msgstr,
                            uint32_t str_len)
{
    form key = {copy(msgid, id_len), -1};
    form *hit = bsearch(&key, english.items, english.count, sizeof(form), by_text_alone);

    free(key.text);
    if (!hit || is_short_latin(msgstr, str_len))
        return;
    add_form(&translations, msgstr, str_len, hit->country);
    /* "Congo, République démocratique du": the part before the comma, if no one else's */
    const char *comma = memchr(msgstr, ',', str_len);
    if (comma && comma - msgstr > 3)
        add_form(&translations, msgstr, (size_t)(comma - msgstr), hit->country);
}

static void read_mo(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *mo = NULL;
    long size;

    if (!f)
        die("cannot open", path);
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 28 || fseek(f, 0, SEEK_SET) != 0 ||
        !(mo = malloc((size_t)size)) || fread(mo, 1, (size_t)size, f) != (size_t)size)
        die("cannot read", path);
    fclose(f);
    uint32_t magic = word_at(mo, 0);
    int swap = magic == 0xde120495u;
    if (!swap && magic != 0x950412deu)
        die("not a gettext catalogue", path);
    uint32_t n = word_at(mo + 8, swap), ids = word_at(mo + 12, swap), strs = word_at(mo + 16, swap);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t id_len, str_len;
        const char *id = mo_string(mo, (size_t)size, ids, i, swap, &id_len);
        const char *str = mo_string(mo, (size_t)size, strs, i, swap, &str_len);
        if (!id || !str)
            die("a catalogue entry lies outside the file", path);
        if (id_len > 0)
            add_translation(id, id_len, str, str_len);
    }
    free(mo);
}

static void read_locales(const char *dir)
{
    struct dirent **langs;
    char path[4096];
    int n = scandir(dir, &langs, NULL, alphasort);

    if (n < 0)
        die("cannot list", dir);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s/LC_MESSAGES/iso_3166-1.mo", dir, langs[i]->d_name);
        FILE *probe = langs[i]->d_name[0] != '.' ? fopen(path, "rb") : NULL;
        if (probe) {
            fclose(probe);
            read_mo(path);
        }
        free(langs[i]);
    }
    free(langs);
}

/* ---- What ISO lacks --------------------------------------------------------------------- */

static char *field(char **line)
{
    char *start = *line, *tab = strchr(start, '\t');
    if (tab)
        *tab = '\0', *line = tab + 1;
    else
        *line = start + strlen(start);
    start[strcspn(start, "\r\n")] = '\0';
    return start;
}

static void add_hand_forms(int c, const char *list)
{
    while (*list) {
        size_t n = strcspn(list, "|");
        add_form(&countries[c].names, list, n, c);
        list += n + (list[n] == '|');
    }
}

static void read_extra(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[4096];

    if (!f)
        die("cannot open", path);
    while (fgets(line, sizeof(line), f)) {
        char *rest = line, *code, *display, *demonym, *list;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        code = field(&rest), display = field(&rest), demonym = field(&rest), list = field(&rest);
        if (strcmp(code, "-") == 0) {
            not_forms = copy(list, strlen(list));
            continue;
        }
        int c = find_code(code);
        if (c < 0) /* a country ISO lacks */
            c = new_country(code, NULL);
        if (strcmp(display, "-") != 0) {
            free(countries[c].display);
            countries[c].display = copy(display, strlen(display));
            add_form(&countries[c].names, display, strlen(display), c);
        }
        if (strcmp(demonym, "-") != 0)
            countries[c].demonym = copy(demonym, strlen(demonym));
        if (strcmp(list, "-") != 0)
            add_hand_forms(c, list);
    }
    fclose(f);
}

/* ---- Output ----------------------------------------------------------------------------- */

static void put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static int is_shared(const forms *f, size_t i)
{
    const form *x = &f->items[i];
    for (size_t j = i; j > 0 && strcmp(f->items[j - 1].text, x->text) == 0; j--)
        if (f->items[j - 1].country != x->country)
            return 1;
    for (size_t j = i + 1; j < f->count && strcmp(f->items[j].text, x->text) == 0; j++)
        if (f->items[j].country != x->country)
            return 1;
    return 0;
}

/* A folded form's key and the row it names (-1: no country), in the order they claim it. */
typedef struct key_row {
    uint64_t key;
    int row;
    size_t claim;
} key_row;

typedef struct keys {
    key_row *items;
    size_t count, cap;
} keys;

static void add_key(keys *k, const char *text, size_t len, int row)
{
    uint64_t key = eco_i_fold_hash(text, len);
    if (!key)
        return;
    if (k->count == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 1024;
        if (!(k->items = realloc(k->items, k->cap * sizeof(*k->items))))
            die("out of memory", NULL);
    }
    k->items[k->count] = (key_row){key, row, k->count};
    k->count++;
}

/* Adds the forms of the sorted list f, with drop_shared leaving out a text two countries
 * share. */
static void add_keys(keys *k, const forms *f, const int *row_of, int drop_shared)
{
    for (size_t i = 0; i < f->count; i++)
        if (!drop_shared || !is_shared(f, i))
            add_key(k, f->items[i].text, strlen(f->items[i].text), row_of[f->items[i].country]);
}

static int by_key_then_claim(const void *a, const void *b)
{
    const key_row *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->claim < y->claim ? -1 : x->claim > y->claim;
}

/* Writes the keys sorted, each once, with the row of its first claim. */
static void put_keys(FILE *out, const char *name, keys *k)
{
    size_t written = 0;
    qsort(k->items, k->count, sizeof(*k->items), by_key_then_claim);
    fprintf(out, "const eco_i_country_key %s[] = {\n", name);
    for (size_t i = 0; i < k->count; i++) {
        if (i > 0 && k->items[i].key == k->items[i - 1].key)
            continue;
        fprintf(out, "    {0x%016llxULL, %d},\n", (unsigned long long)k->items[i].key,
                k->items[i].row);
        written++;
    }
    fprintf(out, "    {0, 0}};\nconst size_t %s_count = %zu;\n\n", name, written);
}

static int by_code(const void *a, const void *b)
{
    return strcmp(((const country *)a)->code, ((const country *)b)->code);
}

static void write_table(const char *path, const char *iso, const char *extra)
{
    FILE *out = fopen(path, "w");
    forms names = {0};
    int row_of[MAX_COUNTRIES];
    country sorted[MAX_COUNTRIES];

    if (!out)
        die("cannot write", path);
    memcpy(sorted, countries, sizeof(country) * (size_t)country_count);
    qsort(sorted, (size_t)country_count, sizeof(country), by_code);
    for (int i = 0; i < country_count; i++)
        row_of[find_code(sorted[i].code)] = i;
    for (int i = 0; i < country_count; i++)
        for (size_t k = 0; k < countries[i].names.count; k++)
            add_form(&names, countries[i].names.items[k].text,
                     strlen(countries[i].names.items[k].text), i);
    qsort(names.items, names.count, sizeof(form), by_text);
    qsort(translations.items, translations.count, sizeof(form), by_text);

    fprintf(out, "/* Generated by tools/gen_countries.c from %s, its translations and %s. */\n"
                 "#include <stddef.h>\n\n#include \"countries_table.h\"\n\n"
                 "const eco_i_country_row eco_i_country_rows[] = {\n",
            iso, extra);
    for (int i = 0; i < country_count; i++) {
        country *c = &sorted[i];
        fprintf(out, "    {\"%s\", \"%s\", ", c->code, c->alpha2);
        put_string(out, c->display ? c->display : c->iso_name);
        fputs(", ", out);
        put_string(out, c->demonym ? c->demonym : "");
        fputs("},\n", out);
    }
    fprintf(out, "    {NULL, NULL, NULL, NULL}};\n\nconst size_t eco_i_country_count = %d;\n\n",
            country_count);

    /* what names no country first, then the names, then the translations: first claim wins */
    keys forms_keys = {0}, demonym_keys = {0};
    for (const char *f = not_forms ? not_forms : ""; *f;) {
        size_t len = strcspn(f, "|");
        add_key(&forms_keys, f, len, -1);
        f += len + (f[len] == '|');
    }
    add_keys(&forms_keys, &names, row_of, 0);
    add_keys(&forms_keys, &translations, row_of, 1);
    for (int i = 0; i < country_count; i++)
        if (sorted[i].demonym)
            add_key(&demonym_keys, sorted[i].demonym, strlen(sorted[i].demonym), i);
    fputs("/* Folded forms (eco_i_fold_hash) and the rows they name, -1 for none, by key. */\n",
          out);
    put_keys(out, "eco_i_country_forms", &forms_keys);
    put_keys(out, "eco_i_country_demonyms", &demonym_keys);
    keys subdivision_keys = {0};
    add_keys(&subdivision_keys, &subdivisions, row_of, 0);
    put_keys(out, "eco_i_subdivision_forms", &subdivision_keys);
    if (fclose(out) != 0)
        die("cannot write", path);
}

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: gen_countries ISO_JSON LOCALE_DIR EXTRA_TSV OUT_C "
                        "[SUBDIVISIONS_JSON]\n");
        return 64;
    }
    read_iso(argv[1]);
    read_locales(argv[2]);
    read_extra(argv[3]);
    if (argc == 6)
        read_subdivisions(argv[5]);
    write_table(argv[4], argv[1], argv[3]);
    return 0;
}
