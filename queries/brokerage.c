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

/*
 * The roles are counted without visiting each two-path.  For broker v, the pairs (a, b) of
 * an arc a -> v and an arc v -> b fall into roles by the groups of a and b alone, so counts
 * of v's in- and out-contacts by group give every role at once, in time that grows with v's
 * contacts and not with the number of groups.  From those pairs leave a == b (a contact
 * linked both ways) and the closed ones, a -> b an arc too: those are triangles of contacts,
 * each visited once (contacts.c).
 */
typedef struct roles {
    const eco_i_contacts *c; /* the contacts, an arc each way marked by a weight of 0 or more */
    const size_t *group;     /* each actor's group */
    double *count;           /* actor_count x ECO_ROLE_COUNT, as eco_brokerage holds it */
} roles;

static void add_role(roles *r, int32_t v, size_t group_a, size_t group_b, double times)
{
    eco_role role = role_of(group_a, r->group[v], group_b);
    r->count[(size_t)v * ECO_ROLE_COUNT + role] += times;
    r->count[(size_t)v * ECO_ROLE_COUNT + ECO_ROLE_TOTAL] += times;
}

/* v's pairs of an in-arc and an out-arc, by role; in and out are zeroed counts per group,
 * left zeroed; touched has room for v's contacts. */
static void open_pairs(roles *r, int32_t v, double *in, double *out, size_t *touched)
{
    const eco_i_contacts *c = r->c;
    size_t gv = r->group[v], seen = 0;
    double in_total = 0, out_total = 0, same = 0;

    for (int32_t e = c->start[v]; e < c->start[v + 1]; e++) {
        size_t g = r->group[c->other[e]];
        if (in[g] == 0 && out[g] == 0)
            touched[seen++] = g;
        if (c->in_weight[e] >= 0)
            in[g]++, in_total++;
        if (c->out_weight[e] >= 0)
            out[g]++, out_total++;
    }
    for (size_t k = 0; k < seen; k++)
        if (touched[k] != gv)
            same += in[touched[k]] * out[touched[k]];
    double *row = r->count + (size_t)v * ECO_ROLE_COUNT;
    row[ECO_ROLE_COORDINATOR] += in[gv] * out[gv];
    row[ECO_ROLE_ITINERANT] += same;
    row[ECO_ROLE_REPRESENTATIVE] += in[gv] * (out_total - out[gv]);
    row[ECO_ROLE_GATEKEEPER] += (in_total - in[gv]) * out[gv];
    row[ECO_ROLE_LIAISON] += (in_total - in[gv]) * (out_total - out[gv]) - same;
    row[ECO_ROLE_TOTAL] += in_total * out_total;
    for (size_t k = 0; k < seen; k++)
        in[touched[k]] = out[touched[k]] = 0;
    /* a contact linked both ways is no pair with itself */
    for (int32_t e = c->start[v]; e < c->start[v + 1]; e++)
        if (c->in_weight[e] >= 0 && c->out_weight[e] >= 0)
            add_role(r, v, r->group[c->other[e]], r->group[c->other[e]], -1);
}

/* For the broker at the entry pair (va: v's entry for a, vb: v's entry for b), the path
 * a -> v -> b when it is one, which the arc a -> b (ab: a's entry for b) closes. */
static void closed_path(roles *r, int32_t va, int32_t vb, int32_t ab)
{
    const eco_i_contacts *c = r->c;
    if (c->in_weight[va] >= 0 && c->out_weight[vb] >= 0 && c->out_weight[ab] >= 0)
        add_role(r, c->other[c->twin[va]], r->group[c->other[va]], r->group[c->other[vb]], -1);
}

static void close_triangle(void *context, int32_t uv, int32_t vw, int32_t uw)
{
    roles *r = context;
    const int32_t *twin = r->c->twin;
    int32_t vu = twin[uv], wv = twin[vw], wu = twin[uw];

    closed_path(r, vu, vw, uw); /* u -> v -> w */
    closed_path(r, vw, vu, wu); /* w -> v -> u */
    closed_path(r, uv, uw, vw); /* v -> u -> w */
    closed_path(r, uw, uv, wv); /* w -> u -> v */
    closed_path(r, wu, wv, uv); /* u -> w -> v */
    closed_path(r, wv, wu, vu); /* v -> w -> u */
}

/* Counts every actor's roles into count; *arc_count receives the number of arcs. */
static int count_roles(const eco_i_view *view, const size_t *group, size_t groups, double *count,
                       double *arc_count)
{
    eco_i_contacts c;
    double *in = NULL, *out = NULL;
    size_t *touched = NULL;
    roles r = {&c, group, count};
    int rc;

    if ((rc = eco_i_contacts_build(&c, view, 0)) < 0)
        return rc;
    in = calloc(groups + 1, sizeof(*in));
    out = calloc(groups + 1, sizeof(*out));
    touched = malloc(((size_t)c.start[c.n] + 1) * sizeof(*touched));
    if (!in || !out || !touched) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    *arc_count = 0;
    for (int32_t e = 0; e < c.start[c.n]; e++)
        *arc_count += c.out_weight[e] >= 0;
    for (int32_t v = 0; v < c.n; v++)
        open_pairs(&r, v, in, out, touched);
    rc = eco_i_contacts_triangles(&c, close_triangle, &r);
cleanup:
    free(in);
    free(out);
    free(touched);
    eco_i_contacts_free(&c);
    return rc;
}

/* ---- Expectations under sna's model ----------------------------------------------------- */

static double choose2(double x)
{
    return x * (x - 1) / 2;
}

/* Sums over all groups that the expectations of every group subtract their own term from,
 * so that each group's costs O(1) and the whole O(n + groups), where a sum over the other
 * groups for each actor cost n x groups. */
typedef struct group_sums {
    double pairs;    /* sum of n_k (n_k - 1) */
    double triples;  /* sum of n_k (n_k - 1) (n_k - 2) */
    double sum, sq;  /* sum of n_k, and of n_k^2 */
    double liaison0; /* sum of n_k (A_k^2 - A_k), A_k = N - n_k */
    double liaison1; /* sum of n_k A_k */
} group_sums;

static group_sums sums_of(double N, const double *n, size_t groups)
{
    group_sums t = {0, 0, 0, 0, 0, 0};
    for (size_t k = 0; k < groups; k++) {
        double a = N - n[k];
        t.pairs += n[k] * (n[k] - 1);
        t.triples += n[k] * (n[k] - 1) * (n[k] - 2);
        t.sum += n[k];
        t.sq += n[k] * n[k];
        t.liaison0 += n[k] * (a * a - a);
        t.liaison1 += n[k] * a;
    }
    return t;
}

/*
 * Expected count and variance of each role for an actor of group g, as sna::brokerage
 * computes them: d is the density, N the actors, ng the group's size, t the sums over all
 * groups.  sna's sum over the other groups k of n_k C(N - n_k - ng, 2) is, with
 * A_k = N - n_k, half of sum n_k (A_k^2 - A_k) - 2 ng sum n_k A_k + (ng^2 + ng) sum n_k.
 */
static void expectations(double d, double N, double ng, const group_sums *t, double *mean,
                         double *var)
{
    double a = d * d * (1 - d), b = d * d * d * (1 - d) * (1 - d) * (1 - d), own = N - ng;
    double others_pairs = t->pairs - ng * (ng - 1);
    double others_triples = t->triples - ng * (ng - 1) * (ng - 2);
    double others_sum = t->sum - ng, others_sq = t->sq - ng * ng;
    double liaison_var = ((t->liaison0 - ng * (own * own - own)) -
                          2 * ng * (t->liaison1 - ng * own) + (ng * ng + ng) * others_sum) / 2;

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
    group_sums t = sums_of(N, sizes, b->group_count);

    for (size_t i = 0; i < b->actor_count; i++) {
        double mean[ECO_ROLE_COUNT], var[ECO_ROLE_COUNT];
        expectations(d, N, sizes[group_id[i]], &t, mean, var);
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
    rc = count_roles(&view, group_id, b->group_count, b->count, &arcs);
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
