/*
 * export/overview.c - a map too big to draw actor by actor, drawn group by group.
 *
 * Each type, country or community becomes one actor, named by the group, its size and its
 * two most central members, so that a reader knows what a community is about; a tie
 * between two groups weighs as many ties as join their actors.  The overview is an
 * ordinary map, so that it is drawn, fitted and captioned like any other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_internal.h"
#include "internal.h"

typedef struct group_pair {
    size_t a, b; /* the two groups, a < b */
} group_pair;

static int by_pair(const void *x, const void *y)
{
    const group_pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* Each actor's group index into member_of, and the groups' names into names (which point
 * into g or into the literal "no country"); returns the number of groups. */
static size_t assign_groups(size_t *member_of, const char **names, const eco_graph *g,
                            eco_cluster_by by, const eco_communities *c)
{
    size_t n = eco_graph_actor_count(g), count = 0;

    for (size_t i = 0; i < n; i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        const char *name;
        if (by == ECO_CLUSTER_COMMUNITY) {
            member_of[i] = c->membership[i];
            if (member_of[i] + 1 > count)
                count = member_of[i] + 1;
            continue;
        }
        name = by == ECO_CLUSTER_TYPE ? (a->type ? eco_actor_type_name(a->type) : "type unknown")
                                      : (a->country ? a->country : "no country");
        size_t k = 0;
        while (k < count && strcmp(names[k], name) != 0)
            k++; /* types and countries are few: a list will do */
        if (k == count)
            names[count++] = name;
        member_of[i] = k;
    }
    return count;
}

/* The most central actor of group k that is not `not`, or SIZE_MAX. */
static size_t leading_member(const size_t *member_of, const double *score, size_t n, size_t k,
                             size_t not)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        if (member_of[i] == k && i != not && (best == SIZE_MAX || score[i] > score[best]))
            best = i;
    return best;
}

static int add_group(eco_graph *out, const eco_graph *g, const size_t *member_of,
                     const double *score, size_t k, const char *name, eco_cluster_by by)
{
    size_t n = eco_graph_actor_count(g), members = 0, index, first, second;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    char label[600], id[64], count[32];

    for (size_t i = 0; i < n; i++)
        members += member_of[i] == k;
    first = leading_member(member_of, score, n, k, SIZE_MAX);
    second = leading_member(member_of, score, n, k, first);
    if (by == ECO_CLUSTER_TYPE && first != SIZE_MAX)
        type = eco_graph_actor(g, first)->type;
    if (by == ECO_CLUSTER_COMMUNITY)
        snprintf(label, sizeof(label), "Community %zu (%zu): %s%s%s%s", k + 1, members,
                 eco_graph_actor(g, first)->name, second != SIZE_MAX ? ", " : "",
                 second != SIZE_MAX ? eco_graph_actor(g, second)->name : "",
                 members > 2 ? "..." : "");
    else
        snprintf(label, sizeof(label), "%s (%zu): %s%s", name, members,
                 eco_graph_actor(g, first)->name, members > 1 ? "..." : "");
    snprintf(id, sizeof(id), "group-%zu", k + 1);
    snprintf(count, sizeof(count), "%zu", members);
    if (eco_graph_add_actor(&index, out, id, label, type, NULL) < 0 ||
        eco_graph_set_attribute(out, index, "actors", count) < 0)
        return ECO_ENOMEM;
    return 0;
}

/* Ties between groups, summed: each pair of groups once, weighing the ties between them. */
static int add_group_ties(eco_graph *out, const eco_graph *g, const size_t *member_of)
{
    size_t m = eco_graph_tie_count(g), count = 0;
    group_pair *pairs = malloc((m + 1) * sizeof(*pairs));
    int rc = 0;

    if (!pairs)
        return ECO_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        size_t a = member_of[t->source], b = member_of[t->target];
        if (a != b)
            pairs[count++] = (group_pair){a < b ? a : b, a < b ? b : a};
    }
    qsort(pairs, count, sizeof(*pairs), by_pair);
    for (size_t i = 0, run; rc == 0 && i < count; i += run) {
        for (run = 1; i + run < count && by_pair(&pairs[i], &pairs[i + run]) == 0;)
            run++;
        rc = eco_graph_add_tie(NULL, out, pairs[i].a, pairs[i].b, ECO_TIE_PARTNERSHIP, 0,
                               (double)run, NULL);
    }
    free(pairs);
    return rc < 0 ? ECO_ENOMEM : 0;
}

int eco_i_overview(eco_graph **out, const eco_graph *g, eco_cluster_by by, eco_measure measure,
                   eco_error *err)
{
    size_t n = eco_graph_actor_count(g), groups;
    size_t *member_of = malloc((n + 1) * sizeof(size_t));
    const char **names = calloc(n + 1, sizeof(char *));
    double *score = malloc((n + 1) * sizeof(double));
    eco_communities *c = NULL;
    eco_graph *view = NULL;
    int rc = ECO_ENOMEM;

    if (!member_of || !names || !score || eco_graph_new(&view) < 0)
        goto cleanup;
    int estimated;
    if ((rc = eco_i_size_measure(score, &estimated, g, measure, err)) < 0 ||
        (by == ECO_CLUSTER_COMMUNITY &&
         (rc = eco_query_communities(&c, g, ECO_COMMUNITY_LEIDEN, NULL, err)) < 0))
        goto cleanup;
    rc = ECO_ENOMEM;
    groups = assign_groups(member_of, names, g, by, c);
    for (size_t k = 0; k < groups; k++)
        if (add_group(view, g, member_of, score, k, names[k], by) < 0)
            goto cleanup;
    if (add_group_ties(view, g, member_of) < 0)
        goto cleanup;
    *out = view;
    view = NULL;
    rc = 0;
cleanup:
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, NULL, 0, 0, "out of memory drawing the overview");
    eco_graph_free(view);
    eco_communities_free(c);
    free(member_of);
    free(names);
    free(score);
    return rc;
}
