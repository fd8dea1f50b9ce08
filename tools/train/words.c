/*
 * tools/train/words.c - the words records write in small letters, counted by record.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "tokens.h"
#include "words.h"

#define MIN_RECORDS 3 /* records that write a word in small letters for it to be common */

typedef struct record_words {
    char *name;    /* the record's file name: its id, for its fold (owned) */
    size_t *words; /* indexes in words.texts of the words it writes small, each once (owned) */
    size_t count, cap;
} record_words;

struct words {
    char **texts; /* every word seen, folded (owned) */
    size_t text_count, text_cap;
    eco_i_map index_of; /* eco_i_hash of a folded word -> its index in texts */
    record_words *records;
    size_t record_count, record_cap;
    eco_i_sentence *st; /* room to cut lines into tokens */
};

void words_free(words *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->text_count; i++)
        free(w->texts[i]);
    for (size_t i = 0; i < w->record_count; i++) {
        free(w->records[i].name);
        free(w->records[i].words);
    }
    free(w->texts);
    free(w->records);
    free(w->st);
    eco_i_map_free(&w->index_of);
    free(w);
}

/* The index of a folded word, added when new; (size_t)-1 when memory ran out. */
static size_t word_index(words *w, const char *folded)
{
    uint64_t key = eco_i_hash(folded, strlen(folded));
    size_t at;

    if (eco_i_map_get(&w->index_of, key, &at))
        return at;
    if (eco_i_reserve(&w->texts, &w->text_cap, w->text_count + 1, sizeof(*w->texts)) < 0 ||
        !(w->texts[w->text_count] = strdup(folded)) ||
        eco_i_map_put(&w->index_of, key, w->text_count) < 0)
        return (size_t)-1;
    return w->text_count++;
}

/* Whether a folded word is letters, as names' words are: "2030" and "covid19" are not. */
static int is_letter_word(const char *folded)
{
    if (!*folded)
        return 0;
    for (const char *c = folded; *c; c++)
        if (*c >= '0' && *c <= '9')
            return 0;
    return 1;
}

/* Adds to r each word of the len bytes at text written in small letters, once. */
static int small_words_of(words *w, record_words *r, eco_i_map *seen, const char *text, size_t len)
{
    while (len > 0) {
        eco_i_tokenize(w->st, text, len, 1);
        if (w->st->count == 0)
            break;
        for (size_t k = 0; k < w->st->count; k++) {
            const eco_i_token *t = &w->st->tokens[k];
            size_t at, found;
            int was;
            if (!t->word || t->cap || t->upper || !is_letter_word(t->folded))
                continue;
            if ((at = word_index(w, t->folded)) == (size_t)-1 ||
                (was = eco_i_map_get_or_put(seen, at, at, &found)) < 0)
                return ECO_ENOMEM;
            if (was)
                continue; /* written before in this record */
            if (eco_i_reserve(&r->words, &r->cap, r->count + 1, sizeof(*r->words)) < 0)
                return ECO_ENOMEM;
            r->words[r->count++] = at;
        }
        size_t done = w->st->tokens[w->st->count - 1].end; /* a line of more tokens than fit */
        text += done;
        len -= done;
    }
    return 0;
}

/* Reads the record at path, named name, line by line. */
static int add_record(words *w, const char *path, const char *name, eco_error *err)
{
    eco_i_map seen = {0};
    record_words *r;
    char *text = NULL;
    size_t len = 0;
    int rc;

    if ((rc = eco_i_read_file(path, &text, &len, err)) < 0)
        return rc;
    if (eco_i_reserve(&w->records, &w->record_cap, w->record_count + 1, sizeof(*r)) < 0) {
        free(text);
        return eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
    }
    r = &w->records[w->record_count];
    memset(r, 0, sizeof(*r));
    if (!(r->name = strdup(name)))
        rc = ECO_ENOMEM;
    else
        w->record_count++;
    for (size_t i = 0; rc == 0 && i < len;) {
        const char *end = memchr(text + i, '\n', len - i);
        size_t n = end ? (size_t)(end - (text + i)) : len - i;
        if (!memchr(text + i, '@', n)) /* people's names, in an address in small letters */
            rc = small_words_of(w, r, &seen, text + i, n);
        i += n + 1;
    }
    eco_i_map_free(&seen);
    free(text);
    return rc < 0 ? eco_error_set(err, rc, path, 0, 0, "out of memory") : 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Adds every file of the folder dir, in order of name. */
static int add_folder(words *w, const char *dir, eco_error *err)
{
    struct dirent **entries = NULL;
    char path[4096];
    struct stat st;
    int count = scandir(dir, &entries, NULL, by_name), rc = 0;

    if (count < 0)
        return eco_error_set(err, ECO_ENOINPUT, dir, 0, 0, "cannot read the folder: %s",
                             strerror(errno));
    for (int i = 0; i < count; i++) {
        int fits =
            snprintf(path, sizeof(path), "%s/%s", dir, entries[i]->d_name) < (int)sizeof(path);
        if (rc == 0 && fits && entries[i]->d_name[0] != '.' && stat(path, &st) == 0 &&
            S_ISREG(st.st_mode))
            rc = add_record(w, path, entries[i]->d_name, err);
        free(entries[i]);
    }
    free(entries);
    return rc;
}

int words_read(words **out, const char *shared, eco_error *err)
{
    words *w = calloc(1, sizeof(*w));
    struct dirent **kinds = NULL;
    char dir[4096];
    int count, rc = 0;

    *out = NULL;
    if (!w || !(w->st = malloc(sizeof(*w->st)))) {
        words_free(w);
        return eco_error_set(err, ECO_ENOMEM, shared, 0, 0, "out of memory");
    }
    snprintf(dir, sizeof(dir), "%s/records", shared);
    if ((count = scandir(dir, &kinds, NULL, by_name)) < 0) {
        words_free(w);
        return eco_error_set(err, ECO_ENOINPUT, dir, 0, 0, "cannot read the folder: %s",
                             strerror(errno));
    }
    for (int i = 0; i < count; i++) {
        char sub[4096];
        struct stat st;
        int fits = snprintf(sub, sizeof(sub), "%s/%s", dir, kinds[i]->d_name) < (int)sizeof(sub);
        if (rc == 0 && fits && kinds[i]->d_name[0] != '.' && stat(sub, &st) == 0 &&
            S_ISDIR(st.st_mode))
            rc = add_folder(w, sub, err);
        free(kinds[i]);
    }
    free(kinds);
    if (rc < 0) {
        words_free(w);
        return rc;
    }
    *out = w;
    return 0;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int words_write(const words *w, fold_fn fold, int held_out, int folds, const char *dir,
                eco_error *err)
{
    size_t *records = calloc(w->text_count + 1, sizeof(*records)), n = 0;
    const char **common = malloc((w->text_count + 1) * sizeof(*common));
    char path[4096];
    FILE *out = NULL;
    int rc = 0;

    snprintf(path, sizeof(path), "%s/common.words", dir);
    if (!records || !common) {
        rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < w->record_count; i++)
        if (!fold || fold(w->records[i].name, folds) != held_out)
            for (size_t k = 0; k < w->records[i].count; k++)
                records[w->records[i].words[k]]++;
    for (size_t i = 0; i < w->text_count; i++)
        if (records[i] >= MIN_RECORDS)
            common[n++] = w->texts[i];
    qsort(common, n, sizeof(*common), by_text);
    if (!(out = fopen(path, "w"))) {
        rc = eco_error_set(err, ECO_ECANTCREAT, path, 0, 0, "cannot write: %s", strerror(errno));
        goto cleanup;
    }
    fprintf(out, "ecomap-words 1 common\n");
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s\n", common[i]);
    if (ferror(out) | (fclose(out) != 0))
        rc = eco_error_set(err, ECO_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    printf("%s: %zu words\n", path, n);
cleanup:
    free(records);
    free(common);
    return rc;
}
