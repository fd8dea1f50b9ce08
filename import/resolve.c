/*
 * import/resolve.c - entity resolution across all imported records.
 *
 * Each record resolves its names as it is read; what only the whole import can see is done
 * here: an acronym one record defines ("Agency for Administrative Modernisation (AMA)")
 * that another uses as a name, a shorter form of a long name in the same country, and the
 * user's alias file.  Merges are planned by actor id, which merging does not change, and
 * then carried out, so that shifting indices never mislead the plan.
 */
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

typedef struct merge {
    const char *kept, *absorbed; /* actor ids */
} merge;

typedef struct plan {
    merge *items;
    size_t count, cap;
} plan;

static int plan_add(plan *p, const char *kept, const char *absorbed)
{
    if (kept == absorbed || strcmp(kept, absorbed) == 0)
        return 0;
    if (eco_i_reserve(&p->items, &p->cap, p->count + 1, sizeof(*p->items)) < 0)
        return ECO_ENOMEM;
    p->items[p->count].kept = kept;
    p->items[p->count++].absorbed = absorbed;
    return 0;
}

static int is_acronym(const char *s)
{
    size_t n = strlen(s), caps = 0;
    if (n < 2 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        caps += s[i] >= 'A' && s[i] <= 'Z';
    }
    return caps >= 2;
}

/* Folded words of a name, without the small words; at most 16. */
static size_t content_words(const char *name, char words[16][32])
{
    static const char *const small[] = {"of", "for", "the", "and", "de", "la", "del", "du",
                                        "des", "do", "da", "y", "e", "et", NULL};
    char folded[256];
    size_t n = 0;
    eco_name_fold(folded, sizeof(folded), name);
    for (char *w = strtok(folded, " "); w && n < 16; w = strtok(NULL, " ")) {
        int skip = strlen(w) >= 32;
        for (size_t i = 0; small[i] && !skip; i++)
            skip = strcmp(w, small[i]) == 0;
        /* the head words of the languages records mix: "Instituto de High Studies" */
        static const char *const same[][2] = {{"instituto", "institute"}, {"institut", "institute"},
                                              {"universidad", "university"},
                                              {"universidade", "university"},
                                              {"ministerio", "ministry"}, {"agencia", "agency"},
                                              {"secretaria", "secretariat"}, {NULL, NULL}};
        for (size_t i = 0; same[i][0] && !skip; i++)
            if (strcmp(w, same[i][0]) == 0)
                w = (char *)same[i][1];
        if (!skip)
            strcpy(words[n++], w);
    }
    return n;
}

/* 1 when every word of a is among b's. */
static int words_within(char a[16][32], size_t an, char b[16][32], size_t bn)
{
    for (size_t i = 0; i < an; i++) {
        size_t j = 0;
        while (j < bn && strcmp(a[i], b[j]) != 0)
            j++;
        if (j == bn)
            return 0;
    }
    return 1;
}

/* "Secretariat of Higher Education and Innovation" within "Secretariat of Higher Education,
 * Science, Technology and Innovation": same country, same head, four words or more. */
static int shorter_form(const eco_actor *a, const eco_actor *b)
{
    char wa[16][32], wb[16][32];
    size_t na, nb;
    if (!a->country || !b->country || strcmp(a->country, b->country) != 0 ||
        a->type != b->type || a->type == ECO_TYPE_UNKNOWN)
        return 0;
    na = content_words(a->name, wa);
    nb = content_words(b->name, wb);
    if (na < 3 || nb < na)
        return 0;
    if (na == nb) /* the same words in another order: "Agency for Administrative Modernisation" */
        return words_within(wa, na, wb, nb);
    return strcmp(wa[0], wb[0]) == 0 && words_within(wa, na, wb, nb);
}

static uint64_t acronym_key(const char *acronym, const char *country)
{
    return eco_i_hash(acronym, strlen(acronym)) ^
           (country ? eco_i_hash(country, strlen(country)) * 31 : 0);
}

/* An actor named by an acronym that another actor of its country holds as an alias. */
static int plan_acronyms(plan *p, const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g), owner;
    eco_i_map holders = {0};
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        for (size_t k = 0; k < a->alias_count && rc == 0 && !is_acronym(a->name); k++)
            if (is_acronym(a->aliases[k]))
                rc = eco_i_map_put(&holders, acronym_key(a->aliases[k], a->country), i);
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *b = eco_graph_actor(g, i);
        if (!is_acronym(b->name))
            continue;
        if ((eco_i_map_get(&holders, acronym_key(b->name, b->country), &owner) ||
             (b->country && eco_i_map_get(&holders, acronym_key(b->name, NULL), &owner))) &&
            owner != i)
            rc = plan_add(p, eco_graph_actor(g, owner)->id, b->id);
    }
    eco_i_map_free(&holders);
    return rc;
}

static int plan_rules(plan *p, const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g), j;
    int rc = plan_acronyms(p, g);

    /* "Portuguese Tax and Customs Authority" is the Tax and Customs Authority of Portugal */
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        const char *space = strchr(a->name, ' '), *of;
        if (!a->country || !space ||
            !(of = eco_i_country_of_demonym(a->name, (size_t)(space - a->name))) ||
            strcmp(of, a->country) != 0 || eco_graph_find_actor(&j, g, space + 1, a->country) < 0 ||
            j == i)
            continue;
        rc = plan_add(p, eco_graph_actor(g, j)->id, a->id);
    }
    /* shorter forms; names are compared within a country only, in buckets of one head word */
    for (size_t i = 0; i < n && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        if (!a->country || a->type == ECO_TYPE_UNKNOWN)
            continue;
        for (size_t k = 0; k < n && rc == 0; k++) {
            const eco_actor *b = eco_graph_actor(g, k);
            if (k != i && b->country == a->country && strlen(b->name) > strlen(a->name) &&
                shorter_form(a, b))
                rc = plan_add(p, b->id, a->id);
            if (k != i && b->country == a->country && strlen(b->name) == strlen(a->name) && k > i &&
                shorter_form(a, b))
                rc = plan_add(p, a->id, b->id);
        }
        if (n > 4000)
            break; /* quadratic: left to alias files in very large maps */
    }
    return rc;
}

static int carry_out(eco_graph *g, const plan *p)
{
    int rc = 0;
    for (size_t i = 0; i < p->count && rc == 0; i++) {
        size_t kept, absorbed, out;
        if (eco_graph_find_actor_by_id(&kept, g, p->items[i].kept) < 0 ||
            eco_graph_find_actor_by_id(&absorbed, g, p->items[i].absorbed) < 0 || kept == absorbed)
            continue; /* already merged into another */
        rc = eco_graph_merge_actors(&out, g, kept, absorbed);
    }
    return rc;
}

/* ---- The user's alias file -------------------------------------------------------------- */

typedef struct alias_ctx {
    eco_graph *g;
} alias_ctx;

static int apply_alias(const char *alias, const eco_i_known *entry, void *ctx)
{
    alias_ctx *ac = ctx;
    size_t canonical, other, out, renamed = SIZE_MAX;
    int rc = 0;

    for (;;) {
        int have_canonical = eco_graph_find_actor(&canonical, ac->g, entry->name, entry->country) == 0;
        int have_alias = eco_graph_find_actor(&other, ac->g, alias, entry->country) == 0;
        if (!have_canonical && renamed != SIZE_MAX) {
            /* A name that finds nothing once given (not UTF-8, or folding to nothing). */
            canonical = renamed;
            break;
        }
        if (!have_alias && !have_canonical)
            return 0;
        if (!have_canonical) {
            canonical = renamed = other;
            if ((rc = eco_graph_set_actor_name(ac->g, canonical, entry->name)) < 0)
                return rc;
            continue;
        }
        if (have_alias && other != canonical) {
            if ((rc = eco_graph_merge_actors(&out, ac->g, canonical, other)) < 0)
                return rc;
            continue;
        }
        break;
    }
    if ((rc = eco_graph_set_actor_name(ac->g, canonical, entry->name)) < 0 ||
        (rc = eco_graph_add_alias(ac->g, canonical, alias)) < 0)
        return rc;
    if (entry->type != ECO_TYPE_UNKNOWN && (rc = eco_graph_set_actor_type(ac->g, canonical, entry->type)) < 0)
        return rc;
    if (entry->country)
        rc = eco_graph_set_actor_country(ac->g, canonical, entry->country);
    return rc;
}

int eco_import_resolve(eco_graph *g, const eco_import_options *opt, eco_error *err)
{
    plan p = {NULL, 0, 0};
    eco_i_lexicon *user = NULL;
    static const eco_import_options defaults = ECO_IMPORT_OPTIONS_INIT;
    alias_ctx ac = {g};
    int rc;

    /* First, before any merge carries a stand-in's mark to another actor. */
    if ((rc = eco_i_kumu_stand_ins(g, opt ? opt : &defaults, err)) < 0)
        goto cleanup;
    if ((rc = plan_rules(&p, g)) < 0 || (rc = carry_out(g, &p)) < 0) {
        eco_error_set(err, rc, NULL, 0, 0, "out of memory merging actors");
        goto cleanup;
    }
    if (opt && opt->aliases) {
        if ((rc = eco_i_lexicon_load(&user, opt->aliases, err)) < 0)
            goto cleanup;
        if ((rc = eco_i_lexicon_each(user, apply_alias, &ac)) < 0)
            eco_error_set(err, rc, opt->aliases, 0, 0, "aliases cannot be applied");
    }
cleanup:
    free(p.items);
    eco_i_lexicon_free(user);
    return rc;
}
