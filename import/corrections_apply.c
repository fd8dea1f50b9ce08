/*
 * import/corrections_apply.c - the corrections file applied to a resolved map, and its
 * veto over the merges resolution plans.
 *
 * A line names actors by id or by any name or alias, folded.  An index from each folded
 * name and each id to the actors that hold it is built once, so a line costs the length of
 * its names, never a walk over the actors.  Lines designate actors by id before anything
 * changes, and merges forward an absorbed id to the id that absorbed it, so that later
 * lines find an actor wherever joins have put it.
 *
 * Keep-apart has to act where merges are decided, since a merge cannot be undone: which
 * ties and records came from which side is lost.  So resolution hands its plan to
 * eco_i_corrections_veto before carrying it out, and joins of the file pass the same test.
 * Merges made while records are read (two spellings that fold alike, an alias a reader
 * matched) happen before any plan; an apart line whose two names are one actor already says
 * so in a warning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corrections.h"

/* ---- Names to actors -------------------------------------------------------------------- */

typedef struct name_entry {
    size_t actor; /* index in the graph the index was built on */
    size_t next;  /* the entry of the same key before it, or ECO_I_NONE */
} name_entry;

typedef struct name_index {
    eco_i_map heads;     /* key of a folded name or an id -> its last entry */
    name_entry *entries; /* chains of actors per key */
    size_t count, cap;   /* entries; room */
} name_index;

static uint64_t id_key(const char *id)
{
    return eco_i_hash(id, strlen(id)) ^ 0x5BD1E9955BD1E995ULL; /* apart from folded names */
}

static uint64_t fold_key(const char *name)
{
    return eco_i_fold_hash(name, strlen(name));
}

static int index_add(name_index *x, uint64_t key, size_t actor)
{
    size_t head = ECO_I_NONE;

    if (!key)
        return 0; /* a name that folds to nothing, or too long to fold */
    if (eco_i_map_get(&x->heads, key, &head) && x->entries[head].actor == actor)
        return 0; /* two forms of one actor that fold alike */
    if (eco_i_reserve(&x->entries, &x->cap, x->count + 1, sizeof(*x->entries)) < 0)
        return ECO_ENOMEM;
    x->entries[x->count] = (name_entry){actor, head};
    return eco_i_map_put(&x->heads, key, x->count++);
}

static int index_build(name_index *x, const eco_graph *g)
{
    int rc = 0;

    for (size_t i = 0; i < eco_graph_actor_count(g) && rc == 0; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        if ((rc = index_add(x, id_key(a->id), i)) == 0)
            rc = index_add(x, fold_key(a->name), i);
        for (size_t k = 0; k < a->alias_count && rc == 0; k++)
            rc = index_add(x, fold_key(a->aliases[k]), i);
    }
    return rc;
}

static void index_free(name_index *x)
{
    eco_i_map_free(&x->heads);
    free(x->entries);
}

/* The first entry of the actors name designates: the actor with that id, else every actor
 * that holds the name; ECO_I_NONE for none.  *one says that no further entry counts. */
static size_t index_first(const name_index *x, const eco_graph *g, const char *name, int *one)
{
    size_t e;

    *one = 1;
    if (eco_i_map_get(&x->heads, id_key(name), &e) &&
        strcmp(eco_graph_actor(g, x->entries[e].actor)->id, name) == 0)
        return e;
    *one = 0;
    return eco_i_map_get(&x->heads, fold_key(name), &e) ? e : ECO_I_NONE;
}

static size_t index_next(const name_index *x, size_t e, int one)
{
    return one ? ECO_I_NONE : x->entries[e].next;
}

/* ---- Telling the user ------------------------------------------------------------------- */

/* ---- Keeping apart: actors united so far, and the apart lines each holds a side of ------ */

typedef struct side {
    size_t line; /* the apart line */
    int which;   /* its first name (0) or its second (1) */
    size_t next; /* the next side the same group holds, or ECO_I_NONE */
} side;

typedef struct groups {
    size_t *parent; /* union-find over actors */
    size_t *sides;  /* a group's first side, at its root; ECO_I_NONE for none */
    side *items;    /* the sides */
    size_t count, cap;
} groups;

static void groups_free(groups *u)
{
    free(u->parent);
    free(u->sides);
    free(u->items);
}

static size_t root_of(groups *u, size_t a)
{
    while (u->parent[a] != a)
        a = u->parent[a] = u->parent[u->parent[a]];
    return a;
}

/* Every actor in its own group, holding the sides of the apart lines its names designate. */
static int groups_init(groups *u, const eco_i_corrections *fix, const name_index *x,
                       const eco_graph *g)
{
    size_t n = eco_graph_actor_count(g);

    memset(u, 0, sizeof(*u));
    if (!(u->parent = malloc((n + 1) * sizeof(size_t))) ||
        !(u->sides = malloc((n + 1) * sizeof(size_t))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        u->parent[i] = i;
        u->sides[i] = ECO_I_NONE;
    }
    for (size_t l = 0; l < fix->count; l++) {
        for (int w = 0; w < 2 && fix->lines[l].verb == ECO_FIX_APART; w++) {
            int one;
            for (size_t e = index_first(x, g, fix->lines[l].operand[w], &one); e != ECO_I_NONE;
                 e = index_next(x, e, one)) {
                size_t a = x->entries[e].actor;
                if (eco_i_reserve(&u->items, &u->cap, u->count + 1, sizeof(*u->items)) < 0)
                    return ECO_ENOMEM;
                u->items[u->count] = (side){l, w, u->sides[a]};
                u->sides[a] = u->count++;
            }
        }
    }
    return 0;
}

/* Unites the groups of a and b, unless one holds a side of an apart line whose other side
 * the other holds: then that line's index, and nothing changes. */
static size_t unite(groups *u, size_t a, size_t b)
{
    size_t ra = root_of(u, a), rb = root_of(u, b), *tail;

    if (ra == rb)
        return ECO_I_NONE;
    for (size_t s = u->sides[ra]; s != ECO_I_NONE; s = u->items[s].next)
        for (size_t t = u->sides[rb]; t != ECO_I_NONE; t = u->items[t].next)
            if (u->items[s].line == u->items[t].line && u->items[s].which != u->items[t].which)
                return u->items[s].line;
    for (tail = &u->sides[ra]; *tail != ECO_I_NONE; tail = &u->items[*tail].next)
        ;
    *tail = u->sides[rb];
    u->parent[rb] = ra;
    return ECO_I_NONE;
}

static int has_apart(const eco_i_corrections *fix)
{
    for (size_t l = 0; fix && l < fix->count; l++)
        if (fix->lines[l].verb == ECO_FIX_APART)
            return 1;
    return 0;
}

int eco_i_corrections_veto(eco_i_corrections *fix, const eco_graph *g, size_t *kept,
                           size_t *absorbed, size_t *count)
{
    name_index x = {0};
    groups u = {0};
    size_t n = 0;
    int rc;

    if (!has_apart(fix) || *count == 0)
        return 0;
    if ((rc = index_build(&x, g)) < 0 || (rc = groups_init(&u, fix, &x, g)) < 0)
        goto cleanup;
    for (size_t p = 0; p < *count; p++) {
        size_t line = unite(&u, kept[p], absorbed[p]);
        if (line == ECO_I_NONE) {
            kept[n] = kept[p];
            absorbed[n++] = absorbed[p];
            continue;
        }
        eco_i_fix_line *l = &fix->lines[line];
        fix->kept_apart++;
        eco_i_notice(fix->opt, fix->source, l->line, l->column[0],
                     "kept apart \"%s\" and \"%s\", which resolution would have joined",
                     eco_graph_actor(g, absorbed[p])->name, eco_graph_actor(g, kept[p])->name);
    }
    *count = n;
cleanup:
    groups_free(&u);
    index_free(&x);
    return rc;
}

/* ---- Applying: what the lines designate ------------------------------------------------- */

typedef struct applying {
    eco_i_corrections *fix;
    eco_graph *g;
    eco_error *err;
    name_index index;  /* names of g as resolution left it */
    eco_i_map forward; /* pooled id of an actor a join absorbed -> the id that absorbed it */
    eco_i_map claimed; /* a verb and an actor's id -> the line that set its type, country or name */
    size_t joined, dropped_actors, dropped_ties, changed_ties, changed_actors;
} applying;

static size_t names_of(eco_i_fix_verb verb)
{
    return verb == ECO_FIX_NOT_ACTOR || verb == ECO_FIX_TYPE || verb == ECO_FIX_COUNTRY ||
                   verb == ECO_FIX_NAME
               ? 1
               : 2;
}

/* Notes the ids of the actors each name of line l designates, warning of a name that
 * designates none. */
static int designate(applying *ap, eco_i_fix_line *l)
{
    eco_i_corrections *fix = ap->fix;
    int rc = 0;

    for (size_t w = 0; w < names_of(l->verb) && rc == 0; w++) {
        int one;
        l->first[w] = fix->designated_count;
        for (size_t e = index_first(&ap->index, ap->g, l->operand[w], &one); e != ECO_I_NONE;
             e = index_next(&ap->index, e, one)) {
            if (eco_i_reserve(&fix->designated, &fix->designated_cap, fix->designated_count + 1,
                              sizeof(*fix->designated)) < 0)
                return ECO_ENOMEM;
            fix->designated[fix->designated_count++] =
                eco_graph_actor(ap->g, ap->index.entries[e].actor)->id;
        }
        l->found[w] = fix->designated_count - l->first[w];
        if (l->found[w] == 0)
            rc = eco_i_warn(fix->opt, ap->err, fix->source, l->line, l->column[w + 1],
                            "no actor is called \"%s\"", l->operand[w]);
    }
    return rc;
}

/* Where the actor of id is now that joins have run: its index, or ECO_I_NONE. */
static size_t now(const applying *ap, const char *id)
{
    size_t to, i;

    while (eco_i_map_get(&ap->forward, eco_i_ptr_key(id), &to))
        id = (const char *)(uintptr_t)to;
    return eco_graph_find_actor_by_id(&i, ap->g, id) == 0 ? i : ECO_I_NONE;
}

/* The one actor name w of line l designates, or ECO_I_NONE, with a warning when it
 * designates several (one name in several countries): the line must choose by id. */
static size_t the_one(applying *ap, eco_i_fix_line *l, size_t w, int *rc)
{
    if (l->found[w] == 0) /* designated may be NULL then: no offset into it */
        return ECO_I_NONE;
    const char **ids = ap->fix->designated + l->first[w];

    if (l->found[w] == 1)
        return now(ap, ids[0]);
    if (l->found[w] > 1)
        *rc = eco_i_warn(ap->fix->opt, ap->err, ap->fix->source, l->line, l->column[w + 1],
                         "\"%s\" names %zu actors; name one by its id (%s, %s%s)", l->operand[w],
                         l->found[w], ids[0], ids[1], l->found[w] > 2 ? ", ..." : "");
    return ECO_I_NONE;
}

/* ---- Joins ------------------------------------------------------------------------------ */

/* Refuses the file when its joins, with each other and resolution's merges, would make one
 * actor of what an apart line keeps apart. */
static int check_joins(applying *ap)
{
    eco_i_corrections *fix = ap->fix;
    groups u;
    int rc = groups_init(&u, fix, &ap->index, ap->g);

    for (size_t i = 0; i < fix->count && rc == 0; i++) {
        eco_i_fix_line *l = &fix->lines[i];
        size_t a, b, line;
        if (l->verb != ECO_FIX_JOIN || l->found[0] != 1 || l->found[1] != 1 ||
            eco_graph_find_actor_by_id(&a, ap->g, fix->designated[l->first[0]]) < 0 ||
            eco_graph_find_actor_by_id(&b, ap->g, fix->designated[l->first[1]]) < 0 ||
            (line = unite(&u, b, a)) == ECO_I_NONE)
            continue;
        rc = eco_error_set(ap->err, ECO_EDATA, fix->source, l->line, l->column[0],
                           "this join, with the joins before it, makes one actor of what line "
                           "%d keeps apart", fix->lines[line].line);
    }
    groups_free(&u);
    return rc;
}

static int join(applying *ap, eco_i_fix_line *l)
{
    int rc = 0;
    size_t a = the_one(ap, l, 0, &rc), b = rc == 0 ? the_one(ap, l, 1, &rc) : ECO_I_NONE, out;

    if (a == ECO_I_NONE || b == ECO_I_NONE)
        return rc;
    if (a != b) {
        const char *absorbed = eco_graph_actor(ap->g, a)->id, *kept = eco_graph_actor(ap->g, b)->id;
        if ((rc = eco_graph_merge_actors(&out, ap->g, b, a)) < 0 ||
            (rc = eco_i_map_put(&ap->forward, eco_i_ptr_key(absorbed),
                                (size_t)(uintptr_t)kept)) < 0)
            return rc;
        b = out;
        ap->joined++;
    }
    /* named as the line writes the second name, unless that is the actor's id */
    if (strcmp(eco_graph_actor(ap->g, b)->id, l->operand[1]) != 0)
        rc = eco_graph_set_actor_name(ap->g, b, l->operand[1]);
    return rc;
}

/* An apart line whose two names are one actor after all: merged as the records were read,
 * or by the alias file, where no veto reaches. */
static int check_apart(applying *ap, eco_i_fix_line *l)
{
    int rc = 0;
    size_t a = the_one(ap, l, 0, &rc), b = rc == 0 ? the_one(ap, l, 1, &rc) : ECO_I_NONE;

    if (a == ECO_I_NONE || b == ECO_I_NONE)
        return rc;
    if (a != b)
        return 0;
    return eco_i_warn(ap->fix->opt, ap->err, ap->fix->source, l->line, l->column[0],
                      "\"%s\" and \"%s\" are one actor as the records or the alias file name it; "
                      "apart only refuses merges that resolution plans",
                      l->operand[0], l->operand[1]);
}

/* ---- Types, countries, names ------------------------------------------------------------ */

/* Fails when an earlier line set what line l sets of actor i to something else: two names
 * of one actor given two types, say. */
static int claim(applying *ap, eco_i_fix_line *l, size_t i)
{
    const char *id = eco_graph_actor(ap->g, i)->id;
    uint64_t key = eco_i_ptr_key(id) * 31 + (uint64_t)l->verb;
    size_t earlier;

    if (eco_i_map_get_or_put(&ap->claimed, key, (size_t)(l - ap->fix->lines), &earlier) == 0)
        return 0;
    const eco_i_fix_line *e = &ap->fix->lines[earlier];
    int same = l->verb == ECO_FIX_TYPE      ? e->value == l->value
               : l->verb == ECO_FIX_COUNTRY ? (e->country == l->country ||
                                               (e->country && l->country &&
                                                strcmp(e->country, l->country) == 0))
                                            : strcmp(e->operand[1], l->operand[1]) == 0;
    if (same)
        return 0;
    return eco_error_set(ap->err, ECO_EDATA, ap->fix->source, l->line, l->column[0],
                         "line %d, by another of its names, says otherwise of \"%s\"", e->line,
                         eco_graph_actor(ap->g, i)->name);
}

static int set_actor(applying *ap, eco_i_fix_line *l, size_t i)
{
    int rc;

    if ((rc = claim(ap, l, i)) < 0)
        return rc;
    ap->changed_actors++;
    if (l->verb == ECO_FIX_TYPE)
        return eco_graph_set_actor_type(ap->g, i, (eco_actor_type)l->value);
    if (l->verb == ECO_FIX_COUNTRY)
        return eco_graph_set_actor_country(ap->g, i, l->country);
    return eco_graph_set_actor_name(ap->g, i, l->operand[1]);
}

/* type and country set every actor the name designates; a new name wants one actor. */
static int actor_line(applying *ap, eco_i_fix_line *l)
{
    int rc = 0;

    if (l->verb == ECO_FIX_NAME) {
        size_t i = the_one(ap, l, 0, &rc);
        return i == ECO_I_NONE ? rc : set_actor(ap, l, i);
    }
    for (size_t k = 0; k < l->found[0] && rc == 0; k++) {
        size_t i = now(ap, ap->fix->designated[l->first[0] + k]);
        if (i != ECO_I_NONE)
            rc = set_actor(ap, l, i);
    }
    return rc;
}

/* ---- Ties ------------------------------------------------------------------------------- */

/* The ties between actors a and b, either way, of any kind: at most two per kind. */
static size_t ties_between(const eco_graph *g, size_t a, size_t b,
                           size_t out[2 * ECO_TIE_KIND_COUNT])
{
    size_t n = 0, t;

    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++) {
        if (eco_graph_find_tie(&t, g, a, b, (eco_tie_kind)k) == 0)
            out[n++] = t;
        if (eco_graph_find_tie(&t, g, b, a, (eco_tie_kind)k) == 0 && (n == 0 || out[n - 1] != t))
            out[n++] = t;
    }
    return n;
}

static int by_falling_index(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? 1 : a > b ? -1 : 0;
}

/* Tie t again as kind, directed or not, from a to b when directed (or as it ran, when a
 * direction line leaves it undirected): removed and added, so that it joins a tie of that
 * kind already there, weights added and evidence united. */
static int remake_tie(eco_graph *g, size_t t, size_t a, eco_tie_kind kind, int directed)
{
    const eco_tie *tie = eco_graph_tie(g, t);
    size_t n = tie->evidence_count, source = tie->source, target = tie->target, made;
    double weight = tie->weight;
    eco_evidence *ev = malloc((n + 1) * sizeof(*ev));
    int rc;

    if (!ev)
        return ECO_ENOMEM;
    if (n) /* its strings live in the graph's pool */
        memcpy(ev, tie->evidence, n * sizeof(*ev));
    if (directed && source != a) {
        target = source;
        source = a;
    }
    if ((rc = eco_graph_remove_tie(g, t)) == 0)
        rc = eco_graph_add_tie(&made, g, source, target, kind, directed, weight, n ? ev : NULL);
    for (size_t e = 1; e < n && rc == 0; e++)
        rc = eco_graph_add_tie_evidence(g, made, &ev[e]);
    free(ev);
    return rc;
}

static int tie_line(applying *ap, eco_i_fix_line *l)
{
    size_t ties[2 * ECO_TIE_KIND_COUNT], n = 0;
    int rc = 0;
    size_t a = the_one(ap, l, 0, &rc), b = rc == 0 ? the_one(ap, l, 1, &rc) : ECO_I_NONE;

    if (a == ECO_I_NONE || b == ECO_I_NONE)
        return rc;
    size_t found = ties_between(ap->g, a, b, ties);
    for (size_t k = 0; k < found; k++) /* drop-tie KIND drops that kind alone */
        if (l->verb != ECO_FIX_DROP_TIE || l->value == 0 ||
            eco_graph_tie(ap->g, ties[k])->kind == (eco_tie_kind)(l->value - 1))
            ties[n++] = ties[k];
    if (n == 0)
        return eco_i_warn(ap->fix->opt, ap->err, ap->fix->source, l->line, l->column[0],
                          "no tie joins \"%s\" and \"%s\"%s%s", l->operand[0], l->operand[1],
                          l->verb == ECO_FIX_DROP_TIE && l->value ? " of kind " : "",
                          l->verb == ECO_FIX_DROP_TIE && l->value ? l->operand[2] : "");
    qsort(ties, n, sizeof(*ties), by_falling_index); /* removing one moves those above it */
    for (size_t k = 0; k < n && rc == 0; k++) {
        const eco_tie *tie = eco_graph_tie(ap->g, ties[k]);
        if (l->verb == ECO_FIX_DROP_TIE)
            rc = eco_graph_remove_tie(ap->g, ties[k]);
        else if (l->verb == ECO_FIX_KIND)
            rc = remake_tie(ap->g, ties[k], a, (eco_tie_kind)l->value,
                            eco_tie_kind_is_directed((eco_tie_kind)l->value));
        else
            rc = remake_tie(ap->g, ties[k], a, tie->kind, l->value);
    }
    *(l->verb == ECO_FIX_DROP_TIE ? &ap->dropped_ties : &ap->changed_ties) += n;
    return rc;
}

/* ---- Names that are no actors ----------------------------------------------------------- */

static int not_actor(applying *ap, eco_i_fix_line *l)
{
    int rc = 0;

    for (size_t k = 0; k < l->found[0] && rc == 0; k++) {
        size_t i = now(ap, ap->fix->designated[l->first[0] + k]), ties = eco_graph_tie_count(ap->g);
        if (i == ECO_I_NONE)
            continue; /* another not-actor line, by another name, took it */
        rc = eco_graph_remove_actor(ap->g, i);
        ap->dropped_actors++;
        ap->dropped_ties += ties - eco_graph_tie_count(ap->g);
    }
    return rc;
}

/* ---- All of it -------------------------------------------------------------------------- */

static void tell_summary(const applying *ap)
{
    const struct {
        size_t count;
        const char *one, *many;
    } parts[] = {{ap->joined, "actor joined into another", "actors joined into others"},
                 {ap->dropped_actors, "actor dropped as no actor", "actors dropped as no actors"},
                 {ap->dropped_ties, "tie dropped", "ties dropped"},
                 {ap->changed_ties, "tie changed", "ties changed"},
                 {ap->changed_actors, "type, country or name set", "types, countries or names set"},
                 {ap->fix->kept_apart, "merge of resolution refused",
                  "merges of resolution refused"}};
    char text[300] = "";
    size_t at = 0;

    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
        if (parts[i].count && at < sizeof(text))
            at += (size_t)snprintf(text + at, sizeof(text) - at, "%s%zu %s", at ? ", " : "",
                                   parts[i].count,
                                   parts[i].count == 1 ? parts[i].one : parts[i].many);
    if (at)
        eco_i_notice(ap->fix->opt, ap->fix->source, 0, 0, "corrections applied: %s", text);
}

/* Each verb in its turn: joins first, so that later lines find the joined actor; actors
 * dropped last, so that a tie line may still name them. */
static int apply_all(applying *ap)
{
    static const eco_i_fix_verb order[] = {ECO_FIX_JOIN, ECO_FIX_APART, ECO_FIX_NAME,
                                           ECO_FIX_TYPE, ECO_FIX_COUNTRY, ECO_FIX_KIND,
                                           ECO_FIX_DIRECTION, ECO_FIX_DROP_TIE, ECO_FIX_NOT_ACTOR};
    eco_i_corrections *fix = ap->fix;
    int rc = 0;

    for (size_t i = 0; i < fix->count && rc == 0; i++)
        rc = designate(ap, &fix->lines[i]);
    if (rc == 0)
        rc = check_joins(ap);
    for (size_t v = 0; v < sizeof(order) / sizeof(order[0]) && rc == 0; v++) {
        for (size_t i = 0; i < fix->count && rc == 0; i++) {
            eco_i_fix_line *l = &fix->lines[i];
            if (l->verb != order[v])
                continue;
            switch (l->verb) {
            case ECO_FIX_JOIN: rc = join(ap, l); break;
            case ECO_FIX_APART: rc = check_apart(ap, l); break;
            case ECO_FIX_NOT_ACTOR: rc = not_actor(ap, l); break;
            case ECO_FIX_NAME:
            case ECO_FIX_TYPE:
            case ECO_FIX_COUNTRY: rc = actor_line(ap, l); break;
            default: rc = tie_line(ap, l); break;
            }
        }
    }
    return rc;
}

int eco_i_corrections_apply(eco_i_corrections *fix, eco_graph *g, eco_error *err)
{
    applying ap = {.fix = fix, .g = g, .err = err};
    int rc;

    if (!fix)
        return 0;
    fix->designated_count = 0;
    if ((rc = index_build(&ap.index, g)) == 0)
        rc = apply_all(&ap);
    if (rc == 0)
        tell_summary(&ap);
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, fix->source, 0, 0, "out of memory applying the corrections");
    index_free(&ap.index);
    eco_i_map_free(&ap.forward);
    eco_i_map_free(&ap.claimed);
    return rc;
}
