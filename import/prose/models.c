/*
 * import/prose/models.c - the extractor's three models, from the library or from a folder.
 *
 * The models and the list of common words tools/train-extractor writes into data/model/
 * are compiled into the library
 * (CMakeLists.txt, eco_embed), as the gazetteer is, so that an installed or embedded ecomap
 * needs no file at run time; a folder given instead is read whole.  Either way a model that
 * is missing or malformed is an error that names it: extraction never falls back to less
 * without saying so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spans.h"

extern const unsigned char eco_i_model_actor_text[], eco_i_model_type_text[],
    eco_i_model_tie_text[], eco_i_model_words_text[];
extern const size_t eco_i_model_actor_len, eco_i_model_type_len, eco_i_model_tie_len,
    eco_i_model_words_len;

static const struct builtin {
    const char *name;          /* the model, and its file: NAME.model */
    const unsigned char *text; /* compiled in from data/model/NAME.model */
    const size_t *len;
} builtins[] = {{"actor", eco_i_model_actor_text, &eco_i_model_actor_len},
                {"type", eco_i_model_type_text, &eco_i_model_type_len},
                {"tie", eco_i_model_tie_text, &eco_i_model_tie_len}};

void eco_i_models_free(eco_i_models *m)
{
    if (!m)
        return;
    eco_i_model_free(m->actor);
    eco_i_model_free(m->type);
    eco_i_model_free(m->tie);
    eco_i_map_free(&m->common);
    free(m);
}

/* Model k of the folder dir, or of the library when dir is NULL. */
static int load_one(eco_i_model **out, const char *dir, size_t k, eco_error *err)
{
    const struct builtin *b = &builtins[k];
    char path[4096], *data = NULL;
    size_t len = 0;
    int rc;

    if (!dir) {
        snprintf(path, sizeof(path), "data/model/%s.model (built in)", b->name);
        if (*b->len == 0)
            return eco_error_set(err, ECO_EINTERNAL, path, 0, 0,
                                 "this ecomap was built without its %s model: run "
                                 "tools/train-extractor and build again",
                                 b->name);
        return eco_i_model_parse(out, (const char *)b->text, *b->len, path, err);
    }
    snprintf(path, sizeof(path), "%s/%s.model", dir, b->name);
    if ((rc = eco_i_read_file(path, &data, &len, err)) < 0)
        return rc;
    rc = eco_i_model_parse(out, data, len, path, err);
    free(data);
    if (rc == 0 && strcmp(eco_i_model_name(*out), b->name) != 0) {
        rc = eco_error_set(err, ECO_EDATA, path, 1, 1, "holds the %s model, not the %s model",
                           eco_i_model_name(*out), b->name);
        eco_i_model_free(*out);
        *out = NULL;
    }
    return rc;
}

/* Parses common.words: its first line names it, then one folded word a line, as
 * eco_name_fold folds it. */
static int parse_words(eco_i_map *common, const char *text, size_t len, const char *source,
                       eco_error *err)
{
    static const char header[] = "ecomap-words 1 common\n";
    int line = 2;

    if (len < sizeof(header) - 1 || memcmp(text, header, sizeof(header) - 1) != 0)
        return eco_error_set(err, ECO_EDATA, source, 1, 1,
                             "not a list of common words: it must start \"ecomap-words 1 "
                             "common\"");
    for (size_t i = sizeof(header) - 1; i < len; line++) {
        const char *end = memchr(text + i, '\n', len - i);
        size_t n = end ? (size_t)(end - (text + i)) : len - i;
        if (n == 0) /* a word folds to words and spaces: "bottom-up", "bottom up" */
            return eco_error_set(err, ECO_EDATA, source, line, 1,
                                 "a line of the list must hold a word");
        if (eco_i_map_put(common, eco_i_hash(text + i, n), 1) < 0)
            return eco_error_set(err, ECO_ENOMEM, source, line, 1, "out of memory");
        i += n + 1;
    }
    return 0;
}

/* The common words of the folder dir, or of the library when dir is NULL. */
static int load_words(eco_i_map *common, const char *dir, eco_error *err)
{
    char path[4096], *data = NULL;
    size_t len = 0;
    int rc;

    if (!dir) {
        if (eco_i_model_words_len == 0)
            return eco_error_set(err, ECO_EINTERNAL, "data/model/common.words (built in)", 0, 0,
                                 "this ecomap was built without its common words: run "
                                 "tools/train-extractor and build again");
        return parse_words(common, (const char *)eco_i_model_words_text, eco_i_model_words_len,
                           "data/model/common.words (built in)", err);
    }
    snprintf(path, sizeof(path), "%s/common.words", dir);
    if ((rc = eco_i_read_file(path, &data, &len, err)) < 0)
        return rc;
    rc = parse_words(common, data, len, path, err);
    free(data);
    return rc;
}

int eco_i_models_load(eco_i_models **out, const char *dir, eco_error *err)
{
    eco_i_models *m = calloc(1, sizeof(*m));
    eco_i_model **slots[] = {NULL, NULL, NULL};
    int rc = 0;

    *out = NULL;
    if (!m)
        return eco_error_set(err, ECO_ENOMEM, dir, 0, 0, "out of memory reading the models");
    slots[0] = &m->actor, slots[1] = &m->type, slots[2] = &m->tie;
    for (size_t k = 0; k < 3 && rc == 0; k++)
        rc = load_one(slots[k], dir, k, err);
    if (rc == 0)
        rc = load_words(&m->common, dir, err);
    if (rc == 0 &&
        (eco_i_model_class_count(m->actor) != 2 || eco_i_model_class_index(m->actor, "yes") != 1))
        rc = eco_error_set(err, ECO_EDATA, dir ? dir : "data/model", 0, 0,
                           "the actor model must have the classes \"no\" and \"yes\"");
    if (rc < 0) {
        eco_i_models_free(m);
        return rc;
    }
    *out = m;
    return 0;
}
