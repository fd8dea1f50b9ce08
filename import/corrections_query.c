/*
 * import/corrections_query.c - a corrections file read alone, to ask which actors and pairs
 * its lines are about (eco_corrections_names in ecomap/import.h): ecomap check leaves out
 * the doubts a file already settles, accepted or rejected.
 *
 * The operands of every line are keyed by their folded form once, when the file is read,
 * so a question costs the names of the actors asked about, never a walk over the lines.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corrections.h"

typedef struct operand_entry {
    size_t line; /* index of the line */
    size_t slot; /* which of its names: 0 or 1 */
    size_t next; /* the entry of the same key before it, or ECO_I_NONE */
} operand_entry;

struct eco_corrections {
    eco_i_corrections *fix; /* the lines */
    eco_i_map heads;        /* key of a folded operand -> its last entry */
    operand_entry *entries; /* chains of the lines that name each key */
    size_t count, cap;      /* entries; room */
};

static uint64_t key_of(const char *name)
{
    uint64_t h = eco_i_fold_hash(name, strlen(name));
    return h ? h : eco_i_hash(name, strlen(name)); /* too long to fold, or folding to nothing */
}

/* Whether verb takes two names (a pair) or one. */
static size_t names_taken(eco_i_fix_verb verb)
{
    return verb == ECO_FIX_NOT_ACTOR || verb == ECO_FIX_TYPE || verb == ECO_FIX_COUNTRY ||
                   verb == ECO_FIX_NAME
               ? 1
               : 2;
}

static int index_operands(eco_corrections *c)
{
    for (size_t l = 0; l < c->fix->count; l++) {
        for (size_t w = 0; w < names_taken(c->fix->lines[l].verb); w++) {
            uint64_t key = key_of(c->fix->lines[l].operand[w]);
            size_t head = ECO_I_NONE;
            eco_i_map_get(&c->heads, key, &head);
            if (eco_i_reserve(&c->entries, &c->cap, c->count + 1, sizeof(*c->entries)) < 0)
                return ECO_ENOMEM;
            c->entries[c->count] = (operand_entry){l, w, head};
            if (eco_i_map_put(&c->heads, key, c->count++) < 0)
                return ECO_ENOMEM;
        }
    }
    return 0;
}

int eco_corrections_load(eco_corrections **out, const char *path, eco_error *err)
{
    eco_corrections *c = calloc(1, sizeof(*c));
    int rc;

    if (!c)
        return eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
    if ((rc = eco_i_corrections_load(&c->fix, path, NULL, err)) == 0 &&
        (rc = index_operands(c)) < 0)
        eco_error_set(err, rc, path, 0, 0, "out of memory");
    if (rc < 0) {
        eco_corrections_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

void eco_corrections_free(eco_corrections *c)
{
    if (!c)
        return;
    eco_i_corrections_free(c->fix);
    eco_i_map_free(&c->heads);
    free(c->entries);
    free(c);
}

/* Whether name, folded, is the id or one of the names of actor i. */
static int is_name_of(const eco_graph *g, size_t i, const char *name)
{
    const eco_actor *a = eco_graph_actor(g, i);
    uint64_t key = key_of(name);

    if (strcmp(a->id, name) == 0 || key_of(a->name) == key)
        return 1;
    for (size_t k = 0; k < a->alias_count; k++)
        if (key_of(a->aliases[k]) == key)
            return 1;
    return 0;
}

/* Whether line l, met through its name in slot, is what the question asks. */
static int answers(const eco_corrections *c, const eco_graph *g, size_t l, size_t slot,
                   size_t b, const char *form)
{
    const eco_i_fix_line *line = &c->fix->lines[l];

    if (names_taken(line->verb) == 1)
        return b == (size_t)-1 && !form;
    const char *other = line->operand[1 - slot];
    if (form)
        return key_of(other) == key_of(form);
    return b != (size_t)-1 && is_name_of(g, b, other);
}

/* The lines met through key that ask what verb, b and form say. */
static int through_key(const eco_corrections *c, const eco_graph *g, eco_i_fix_verb verb,
                       uint64_t key, size_t b, const char *form)
{
    size_t e = ECO_I_NONE;

    if (!eco_i_map_get(&c->heads, key, &e))
        return 0;
    for (; e != ECO_I_NONE; e = c->entries[e].next)
        if (c->fix->lines[c->entries[e].line].verb == verb &&
            answers(c, g, c->entries[e].line, c->entries[e].slot, b, form))
            return 1;
    return 0;
}

int eco_corrections_names(const eco_corrections *c, const eco_graph *g, const char *verb,
                          size_t a, size_t b, const char *form)
{
    static const char *const verbs[ECO_FIX_VERB_COUNT] = {
        "join", "apart", "not-actor", "type", "country", "name", "drop-tie", "kind", "direction"};
    const eco_actor *actor;
    int v = 0;

    if (!c || !g || !verb || !(actor = eco_graph_actor(g, a)) ||
        (b != (size_t)-1 && !eco_graph_actor(g, b)))
        return 0;
    while (v < ECO_FIX_VERB_COUNT && strcasecmp(verbs[v], verb) != 0)
        v++;
    if (v == ECO_FIX_VERB_COUNT)
        return 0;
    if (through_key(c, g, (eco_i_fix_verb)v, key_of(actor->id), b, form) ||
        through_key(c, g, (eco_i_fix_verb)v, key_of(actor->name), b, form))
        return 1;
    for (size_t k = 0; k < actor->alias_count; k++)
        if (through_key(c, g, (eco_i_fix_verb)v, key_of(actor->aliases[k]), b, form))
            return 1;
    return 0;
}
