/*
 * queries/brokerage.c - Gould and Fernandez's brokerage roles, counted and tested as R's
 * sna::brokerage does.
 *
 * For every two-path a -> v -> b (a, v, b distinct) with no link a -> b, v brokers; the
 * groups of a, v and b say how.  Roles are named here by their path pattern (see
 * eco_role), not by sna's column labels, whose documentation has swapped two of them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

static const char *const role_names[ECO_ROLE_COUNT] = {
    "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"};

const char *eco_role_name(eco_role role)
{
    return (unsigned)role < ECO_ROLE_COUNT ? role_names[role] : NULL;
}

void eco_brokerage_free(eco_brokerage *b)
{
    if (!b)
        return;
    free(b->group);
    free(b->count);
    free(b->expected);
    free(b->z);
    free(b);
}

/* ---- Groups ----------------------------------------------------------------------------- */

static const char *group_of(const eco_graph *g, size_t i, const char *group_by)
{
    const eco_actor *a = eco_graph_actor(g, i);
    const char *group;

    if (strcmp(group_by, "type") == 0)
        group = eco_actor_type_name(a->type);
    else if (strcmp(group_by, "country") == 0)
        group = a->country;
    else
        group = eco_graph_attribute(g, i, group_by);
    return group ? group : "";
}

/* Numbers the groups: *ids receives each actor's group number, *sizes each group's size.
 * Group names are the graph's pooled strings (or static type names), so equal names are
 * equal pointers. */
static int number_groups(const char **group, size_t n, size_t *ids, double **sizes, size_t *count)
{
    double *size = calloc(n ? n : 1, sizeof(*size));
    eco_i_map seen = {0};
    size_t distinct = 0;

    if (!size)
        return ECO_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!eco_i_map_get(&seen, eco_i_ptr_key(group[i]), &ids[i])) {
            ids[i] = distinct++;
            if (eco_i_map_put(&seen, eco_i_ptr_key(group[i]), ids[i]) < 0) {
                eco_i_map_free(&seen);
                free(size);
                return ECO_ENOMEM;
            }
        }
        size[ids[i]]++;
    }
    eco_i_map_free(&seen);
    *sizes = size;
    *count = distinct;
    return 0;
}

/* ---- Counts ----------------------------------------------------------------------------- */

/* The role of v in a -> v -> b, given the three actors' groups. */
static eco_role role_of(size_t group_a, size_t group_v, size_t group_b)
{
    if (group_a == group_v)
        return group_b == group_v ? ECO_ROLE_COORDINATOR : ECO_ROLE_REPRESENTATIVE;
    if (group_v == group_b)
        return ECO_ROLE_GATEKEEPER;
    return group_a == group_b ? ECO_ROLE_ITINERANT : ECO_ROLE_LIAISON;
}

/* Counts every actor's roles into count; *arc_count receives the number of arcs. */
static int count_roles(const eco_i_view *view, const size_t *group, double *count, double *arc_count)
{
    igraph_adjlist_t out;
    eco_i_map arcs = {0};
    igraph_integer_t n = igraph_vcount(&view->graph);
    int rc = 0;

    /* An undirected link is two arcs, as in the symmetric matrix sna is given. */
    if (igraph_adjlist_init(&view->graph, &out, view->directed ? IGRAPH_OUT : IGRAPH_ALL,
                            IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE) != IGRAPH_SUCCESS)
        return ECO_ENOMEM;
    *arc_count = 0;
    for (igraph_integer_t a = 0; a < n && rc == 0; a++) {
        igraph_vector_int_t *next = igraph_adjlist_get(&out, a);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(next) && rc == 0; k++, (*arc_count)++)
            rc = eco_i_map_put(&arcs, ((uint64_t)a << 32) | (uint64_t)VECTOR(*next)[k], 0);
    }
    for (igraph_integer_t a = 0; a < n && rc == 0; a++) {
        igraph_vector_int_t *to_v = igraph_adjlist_get(&out, a);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(to_v); i++) {
            igraph_integer_t v = VECTOR(*to_v)[i];
            igraph_vector_int_t *to_b = igraph_adjlist_get(&out, v);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(to_b); j++) {
                igraph_integer_t b = VECTOR(*to_b)[j];
                if (b == a || eco_i_map_get(&arcs, ((uint64_t)a << 32) | (uint64_t)b, NULL))
                    continue;
                eco_role role = role_of(group[a], group[v], group[b]);
                count[(size_t)v * ECO_ROLE_COUNT + role]++;
                count[(size_t)v * ECO_ROLE_COUNT + ECO_ROLE_TOTAL]++;
            }
        }
    }
    eco_i_map_free(&arcs);
    igraph_adjlist_destroy(&out);
    return rc;
}

/* ---- Expectations under sna's model ----------------------------------------------------- */

static double choose2(double x)
{
    return x * (x - 1) / 2;
}

/*
 * Expected count and variance of each role for an actor of group g, as sna::brokerage
 * computes them: d is the density, N the actors, n[] the group sizes.
 */
static void expectations(double d, double N, const double *n, size_t groups, size_t g,
                         double *mean, double *var)
{
    double a = d * d * (1 - d), b = d * d * d * (1 - d) * (1 - d) * (1 - d);
    double ng = n[g], others_pairs = 0, others_triples = 0, others_sum = 0, others_sq = 0,
           liaison_var = 0;

    for (size_t k = 0; k < groups; k++) {
        if (k == g)
            continue;
        others_pairs += n[k] * (n[k] - 1);
        others_triples += n[k] * (n[k] - 1) * (n[k] - 2);
        others_sum += n[k];
        others_sq += n[k] * n[k];
        liaison_var += n[k] * choose2(N - n[k] - ng);
    }
    mean[ECO_ROLE_COORDINATOR] = a * (ng - 1) * (ng - 2);
    var[ECO_ROLE_COORDINATOR] = mean[0] * (1 - a) + 2 * (ng - 1) * (ng - 2) * (ng - 3) * b;
    mean[ECO_ROLE_ITINERANT] = a * others_pairs;
    var[ECO_ROLE_ITINERANT] = mean[1] * (1 - a) + 2 * others_triples * b;
    mean[ECO_ROLE_REPRESENTATIVE] = a * (N - ng) * (ng - 1);
    var[ECO_ROLE_REPRESENTATIVE] =
        mean[2] * (1 - a) + 2 * ((ng - 1) * choose2(N - ng) + (N - ng) * choose2(ng - 1)) * b;
    mean[ECO_ROLE_GATEKEEPER] = mean[ECO_ROLE_REPRESENTATIVE];
    var[ECO_ROLE_GATEKEEPER] = var[ECO_ROLE_REPRESENTATIVE];
    mean[ECO_ROLE_LIAISON] = a * (others_sum * others_sum - others_sq);
    var[ECO_ROLE_LIAISON] = mean[4] * (1 - a) + 4 * liaison_var * b;
    mean[ECO_ROLE_TOTAL] = a * (N - 1) * (N - 2);
    var[ECO_ROLE_TOTAL] = mean[5] * (1 - a) + 2 * (N - 1) * (N - 2) * (N - 3) * b;
}

static void score(eco_brokerage *b, const size_t *group_id, const double *sizes, double arcs)
{
    double N = (double)b->actor_count;
    double d = N > 1 ? arcs / (N * (N - 1)) : 0;

    for (size_t i = 0; i < b->actor_count; i++) {
        double mean[ECO_ROLE_COUNT], var[ECO_ROLE_COUNT];
        expectations(d, N, sizes, b->group_count, group_id[i], mean, var);
        for (int r = 0; r < ECO_ROLE_COUNT; r++) {
            size_t at = i * ECO_ROLE_COUNT + (size_t)r;
            double sd = sqrt(var[r]);
            b->expected[at] = mean[r];
            b->z[at] = sd > 0 ? (b->count[at] - mean[r]) / sd : NAN;
        }
    }
}

static int query_brokerage(eco_brokerage **out, const eco_graph *g, const char *group_by,
                           const eco_query_options *opt, eco_error *err)
{
    size_t n = eco_graph_actor_count(g), cells = (n ? n : 1) * ECO_ROLE_COUNT;
    eco_brokerage *b = calloc(1, sizeof(*b));
    size_t *group_id = malloc((n ? n : 1) * sizeof(*group_id));
    double *sizes = NULL, arcs;
    eco_i_view view;
    int rc = ECO_ENOMEM;

    if (!b || !group_id || !(b->group = malloc((n ? n : 1) * sizeof(*b->group))) ||
        !(b->count = calloc(cells, sizeof(double))) || !(b->expected = calloc(cells, sizeof(double))) ||
        !(b->z = calloc(cells, sizeof(double))))
        goto fail;
    b->actor_count = n;
    for (size_t i = 0; i < n; i++)
        b->group[i] = group_of(g, i, group_by ? group_by : "type");
    if (number_groups(b->group, n, group_id, &sizes, &b->group_count) < 0)
        goto fail;
    if ((rc = eco_i_view_build(&view, g, opt, err)) < 0)
        goto fail;
    rc = count_roles(&view, group_id, b->count, &arcs);
    eco_i_view_destroy(&view);
    if (rc < 0)
        goto fail;
    score(b, group_id, sizes, arcs);
    free(group_id);
    free(sizes);
    *out = b;
    return 0;
fail:
    free(group_id);
    free(sizes);
    eco_brokerage_free(b);
    return eco_error_set(err, rc, NULL, 0, 0, "out of memory counting brokerage roles");
}

int eco_query_brokerage(eco_brokerage **out, const eco_graph *g, const char *group_by,
                        const eco_query_options *opt, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = query_brokerage(out, g, group_by, opt, err);
    eco_i_dependencies_unlock();
    return rc;
}
