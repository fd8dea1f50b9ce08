/*
 * queries/approx.c - betweenness estimated from random shortest paths, with Riondato and
 * Kornaropoulos' guarantee ("Fast approximation of betweenness centrality through
 * sampling", Data Min. Knowl. Disc. 30, 2016).
 *
 * Each sample draws an ordered pair of distinct actors and one of the shortest paths between
 * them uniformly at random, and counts one for each actor inside the path.  The number of
 * samples depends on epsilon, delta and a bound on the actors a shortest path can hold, not
 * on the size of the map, which is what makes huge maps cheap.  Sample i draws its numbers
 * from a generator seeded by (seed, i), and counts are whole numbers, so the estimate is the
 * same whatever the number of threads.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "queries_internal.h"

/* ---- Random numbers --------------------------------------------------------------------- */

/* splitmix64: small, fast, and good enough to seed and to draw from. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* A double in [0, 1). */
static double uniform(uint64_t *state)
{
    return (double)(next_random(state) >> 11) * 0x1.0p-53;
}

/* A whole number in [0, n), without modulo bias worth speaking of for n below 2^32. */
static int32_t below(uint64_t *state, int32_t n)
{
    return (int32_t)(((next_random(state) >> 32) * (uint64_t)n) >> 32);
}

/* ---- Per worker ------------------------------------------------------------------------- */

/* One side of a bidirectional search. */
typedef struct side {
    uint32_t *mark; /* == tag when this side reached the vertex in this sample */
    int32_t *level; /* hops from this side's end */
    double *sigma;  /* shortest paths from this side's end */
    int32_t *queue; /* reached vertices, level by level */
    int32_t head;   /* the current frontier is queue[head, tail) */
    int32_t tail;
    double cost; /* links leaving the frontier: the price of expanding it */
} side;

typedef struct sampler {
    side forward, backward; /* from the pair's first actor, and to its second */
    uint32_t tag;           /* this sample's mark */
    eco_i_search search;    /* weighted maps: Dijkstra */
    uint32_t *count;        /* paths through each vertex, this worker's share */
    uint64_t scans;         /* links scanned, this worker's share: what the cost cap counts */
} sampler;

typedef struct approx_job {
    const eco_i_csr *g; /* the map, with in-links when directed */
    sampler *samplers;  /* one per worker */
    uint64_t seed;      /* eco_approx_options.seed */
    size_t offset;      /* index of this round's first sample: rounds continue one sequence */
} approx_job;

static void side_free(side *s)
{
    free(s->mark);
    free(s->level);
    free(s->sigma);
    free(s->queue);
}

static int side_init(side *s, int32_t n)
{
    size_t count = (size_t)n + 1;
    s->mark = calloc(count, sizeof(*s->mark));
    s->level = malloc(count * sizeof(*s->level));
    s->sigma = malloc(count * sizeof(*s->sigma));
    s->queue = malloc(count * sizeof(*s->queue));
    return s->mark && s->level && s->sigma && s->queue ? 0 : ECO_ENOMEM;
}

static void sampler_free(sampler *s)
{
    side_free(&s->forward);
    side_free(&s->backward);
    eco_i_search_free(&s->search);
    free(s->count);
}

static int sampler_init(sampler *s, const eco_i_csr *g)
{
    memset(s, 0, sizeof(*s));
    if (!(s->count = calloc((size_t)g->n + 1, sizeof(*s->count))))
        return ECO_ENOMEM;
    if (g->out_length)
        return eco_i_search_init(&s->search, g->n);
    if (side_init(&s->forward, g->n) < 0 || side_init(&s->backward, g->n) < 0)
        return ECO_ENOMEM;
    return 0;
}

/* ---- Unweighted: a balanced bidirectional search ---------------------------------------- */

static void side_start(side *s, const int32_t *start, int32_t v, uint32_t tag)
{
    s->mark[v] = tag;
    s->level[v] = 0;
    s->sigma[v] = 1;
    s->queue[0] = v;
    s->head = 0;
    s->tail = 1;
    s->cost = start[v + 1] - start[v];
}

typedef struct contact {
    int32_t near, far; /* a link from the expanded side's vertex to the other side's */
    double total;      /* shortest paths through the contacts seen so far */
} contact;

/* Expands one level of `s` along start/target; a link into a vertex `other` reached ends the
 * search, and one such link is kept, drawn with probability proportional to the shortest
 * paths through it (reservoir sampling, so that none are stored). */
static void expand(side *s, const side *other, const int32_t *start, const int32_t *target,
                   uint32_t tag, contact *c, uint64_t *random, uint64_t *scans)
{
    int32_t end = s->tail;

    s->cost = 0;
    for (int32_t i = s->head; i < end; i++) {
        int32_t x = s->queue[i], next = s->level[x] + 1;
        *scans += (uint64_t)(start[x + 1] - start[x]);
        for (int32_t e = start[x]; e < start[x + 1]; e++) {
            int32_t y = target[e];
            if (other->mark[y] == tag) {
                double paths = s->sigma[x] * other->sigma[y];
                c->total += paths;
                if (uniform(random) * c->total < paths) {
                    c->near = x;
                    c->far = y;
                }
            } else if (s->mark[y] != tag) {
                s->mark[y] = tag;
                s->level[y] = next;
                s->sigma[y] = s->sigma[x];
                s->queue[s->tail++] = y;
                s->cost += start[y + 1] - start[y];
            } else if (s->level[y] == next) {
                s->sigma[y] += s->sigma[x];
            }
        }
    }
    s->head = end;
}

/* Walks from x back to its side's end, choosing each step's predecessor with probability
 * proportional to its shortest paths (along start/target, the links that lead into x on
 * this side), and counts the vertices passed, the end excluded. */
static void walk_back(const side *s, const int32_t *start, const int32_t *target, int32_t x,
                      uint32_t tag, uint32_t *count, uint64_t *random)
{
    while (s->level[x] > 0) {
        double pick = uniform(random) * s->sigma[x];
        int32_t chosen = -1;
        count[x]++;
        for (int32_t e = start[x]; e < start[x + 1]; e++) {
            int32_t p = target[e];
            if (s->mark[p] != tag || s->level[p] != s->level[x] - 1)
                continue;
            chosen = p;
            if ((pick -= s->sigma[p]) < 0)
                break;
        }
        x = chosen;
    }
}

static void sample_unweighted(const eco_i_csr *g, sampler *s, int32_t u, int32_t v,
                              uint64_t *random)
{
    const int32_t *in_start = g->in_start ? g->in_start : g->out_start;
    const int32_t *in_target = g->in_target ? g->in_target : g->out_target;
    contact c = {-1, -1, 0};
    uint32_t tag = ++s->tag;

    if (tag == 0) { /* the marks wrapped around: start them afresh */
        memset(s->forward.mark, 0, sizeof(uint32_t) * (size_t)g->n);
        memset(s->backward.mark, 0, sizeof(uint32_t) * (size_t)g->n);
        tag = s->tag = 1;
    }
    side_start(&s->forward, g->out_start, u, tag);
    side_start(&s->backward, in_start, v, tag);
    while (c.total == 0 && s->forward.head < s->forward.tail &&
           s->backward.head < s->backward.tail) {
        /* Expand the cheaper side: on short-path maps the two meet after few links. */
        if (s->forward.cost <= s->backward.cost)
            expand(&s->forward, &s->backward, g->out_start, g->out_target, tag, &c, random,
                   &s->scans);
        else
            expand(&s->backward, &s->forward, in_start, in_target, tag, &c, random, &s->scans);
    }
    if (c.total == 0)
        return; /* v cannot be reached from u */
    /* c.near is on whichever side expanded last; put the forward end first. */
    int32_t x = c.near, y = c.far;
    if (s->backward.mark[x] == tag && s->forward.mark[x] != tag) {
        x = c.far;
        y = c.near;
    }
    walk_back(&s->forward, in_start, in_target, x, tag, s->count, random);
    walk_back(&s->backward, g->out_start, g->out_target, y, tag, s->count, random);
}

/* ---- Weighted: Dijkstra stopped at the target ------------------------------------------- */

static void sample_weighted(const eco_i_csr *g, sampler *s, int32_t u, int32_t v, uint64_t *random)
{
    const int32_t *in_start = g->in_start ? g->in_start : g->out_start;
    const int32_t *in_target = g->in_target ? g->in_target : g->out_target;
    const double *in_length = g->in_length ? g->in_length : g->out_length;
    eco_i_search *d = &s->search;
    int32_t reached = eco_i_dijkstra(g, d, u, v), w = v;

    /* each vertex settled scanned its out-links */
    for (int32_t i = 0; i < reached; i++)
        s->scans += (uint64_t)(g->out_start[d->order[i] + 1] - g->out_start[d->order[i]]);
    if (d->slot[v] == -2) {
        while (w != u) {
            double pick = uniform(random) * d->sigma[w];
            int32_t chosen = -1;
            if (w != v)
                s->count[w]++;
            for (int32_t e = in_start[w]; e < in_start[w + 1]; e++) {
                int32_t p = in_target[e];
                if (!eco_i_dijkstra_on_path(d, p, w, in_length[e]))
                    continue;
                chosen = p;
                if ((pick -= d->sigma[p]) < 0)
                    break;
            }
            w = chosen;
        }
    }
    eco_i_dijkstra_reset(d, reached);
}

static int run_samples(void *shared, size_t worker, size_t first, size_t end)
{
    approx_job *job = shared;
    sampler *s = &job->samplers[worker];
    int32_t n = job->g->n;

    for (size_t i = first + job->offset; i < end + job->offset; i++) {
        uint64_t random = job->seed ^ (0x9E3779B97F4A7C15ull * (i + 1));
        int32_t u, v;
        next_random(&random);
        u = below(&random, n);
        v = below(&random, n - 1);
        if (v >= u)
            v++;
        if (job->g->out_length)
            sample_weighted(job->g, s, u, v, &random);
        else
            sample_unweighted(job->g, s, u, v, &random);
    }
    return 0;
}

/* ---- The bound on the actors a shortest path holds -------------------------------------- */

/*
 * Undirected and unweighted, a shortest path within a component has at most 2e + 1 actors,
 * e the eccentricity of any actor of that component; elsewhere the component's size is all
 * that bounds it (components taken with links read both ways).  O(n + m).
 */
static int vertex_diameter(int32_t *out, const eco_i_csr *g)
{
    int32_t *level = malloc(sizeof(int32_t) * ((size_t)g->n + 1));
    int32_t *queue = malloc(sizeof(int32_t) * ((size_t)g->n + 1));
    int exact_hops = !g->directed && !g->out_length;
    int32_t best = 0;

    if (!level || !queue) {
        free(level);
        free(queue);
        return ECO_ENOMEM;
    }
    for (int32_t v = 0; v < g->n; v++)
        level[v] = -1;
    for (int32_t root = 0; root < g->n; root++) {
        int32_t head = 0, tail = 0, eccentricity = 0;
        if (level[root] >= 0)
            continue;
        level[root] = 0;
        queue[tail++] = root;
        while (head < tail) {
            int32_t x = queue[head++];
            for (int pass = 0; pass < (g->in_start ? 2 : 1); pass++) {
                const int32_t *start = pass ? g->in_start : g->out_start;
                const int32_t *target = pass ? g->in_target : g->out_target;
                for (int32_t e = start[x]; e < start[x + 1]; e++) {
                    if (level[target[e]] < 0) {
                        level[target[e]] = level[x] + 1;
                        eccentricity = level[x] + 1;
                        queue[tail++] = target[e];
                    }
                }
            }
        }
        int32_t bound =
            exact_hops && 2 * (int64_t)eccentricity + 1 < tail ? 2 * eccentricity + 1 : tail;
        if (bound > best)
            best = bound;
    }
    free(level);
    free(queue);
    *out = best;
    return 0;
}

/* ---- The promise about the k largest ---------------------------------------------------- */

/* What eco_query_betweenness_top asks beyond the estimate, or NULL for the fixed count. */
typedef struct top_request {
    size_t k;                 /* how many of the largest must be told apart */
    double *lower;            /* per actor, the interval's ends (NULL for none) */
    double *upper;
    eco_top_promise *promise; /* what was drawn and promised (NULL for none) */
} top_request;

/* Rounds of r/64, r/32, ..., r paths, then 2r, ..., 64r while the cap allows: each round's
 * intervals hold with probability 1 - delta/ROUNDS, so that all of them, and the one
 * drawing stops at, hold together with probability 1 - delta whichever round that is. */
enum { ROUND_OF_R = 6, ROUNDS = 13 };

/* Beyond r, the links all samples scan stay within this share of the n * arcs that exact
 * betweenness's n searches scan forward: a sampled path's search pays about 1.5 times as
 * much a link as a batch of sixty-four exact searches does (bench/README.md, "The
 * estimate's promise"), so that drawing more costs under about two fifths of computing
 * exactly. */
#define COST_CAP_SHARE 0.25

static size_t round_target(double r, size_t round)
{
    if (round <= ROUND_OF_R)
        return (size_t)ceil(r / (double)(1u << (ROUND_OF_R - round)));
    return (size_t)r << (round - ROUND_OF_R);
}

/* Relative entropy of Bernoulli(p) from Bernoulli(q), for 0 <= p <= 1 and 0 < q < 1. */
static double bernoulli_kl(double p, double q)
{
    double d = 0;
    if (p > 0)
        d += p * log(p / q);
    if (p < 1)
        d += (1 - p) * log((1 - p) / (1 - q));
    return d;
}

/* The q between p and `to` farthest from p with r KL(p || q) <= limit: by bisection, which
 * keeps the bound on its safe side. */
static double kl_end(double p, double r, double limit, double to)
{
    double in = p, out = to;
    if (r * bernoulli_kl(p, to > p ? nextafter(to, 0) : nextafter(to, 1)) <= limit)
        return to;
    for (int step = 0; step < 60; step++) {
        double mid = 0.5 * (in + out);
        if (r * bernoulli_kl(p, mid) <= limit)
            in = mid;
        else
            out = mid;
    }
    return out; /* the side just outside: the interval may only grow */
}

static int by_falling(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The i-th largest of n values (i from 0), values reordered.  O(n log n). */
static double largest(double *values, int32_t n, size_t i)
{
    qsort(values, (size_t)n, sizeof(*values), by_falling);
    return values[i];
}

/* What the intervals lo and hi of n vertices promise about the k largest, 1 <= k <= n.
 * scratch holds n values.  O(n log n). */
static void promise_of(eco_top_promise *p, const double *lo, const double *hi, double *scratch,
                       int32_t n, size_t k)
{
    memcpy(scratch, lo, (size_t)n * sizeof(*lo));
    p->top_floor = largest(scratch, n, k - 1);
    memcpy(scratch, hi, (size_t)n * sizeof(*hi));
    p->rest_ceiling = k < (size_t)n ? largest(scratch, n, k) : -1;
    p->candidates = p->sure = 0;
    for (int32_t v = 0; v < n; v++) {
        p->candidates += hi[v] >= p->top_floor;
        p->sure += lo[v] > p->rest_ceiling;
    }
}

/* From counts of r samples, each vertex's interval (lo, hi, as shares) holding with
 * probability 1 - delta_round for all vertices at once, and what they promise.  O(n log n). */
static void settle(eco_top_promise *p, double *lo, double *hi, double *scratch,
                   const uint64_t *through, size_t r, int32_t n, size_t k, double delta_round)
{
    double limit = log(2.0 * (double)n / delta_round), rr = (double)r;

    for (int32_t v = 0; v < n; v++) {
        double share = (double)through[v] / rr;
        lo[v] = share > 0 ? kl_end(share, rr, limit, 0) : 0;
        hi[v] = share < 1 ? kl_end(share, rr, limit, 1) : 1;
    }
    promise_of(p, lo, hi, scratch, n, k);
}

/* ---- The estimate ----------------------------------------------------------------------- */

static double sample_count(int32_t n, int32_t diameter, const eco_approx_options *approx)
{
    /* The guarantee is on NetworkX's normalisation, 1/((n-1)(n-2)) per ordered pair; the
     * paper's is 1/(n(n-1)), so its epsilon is smaller by (n-2)/n. */
    double e = approx->epsilon * (double)(n - 2) / (double)n;
    if (diameter < 3)
        return 0; /* no shortest path has an inside */
    return ceil(0.5 / (e * e) * (floor(log2((double)diameter - 2)) + 1 + log(1 / approx->delta)));
}

/* The samplers, and what they have drawn so far. */
typedef struct tally {
    approx_job job;    /* the map, the samplers, the seed */
    size_t workers;    /* samplers */
    size_t ready;      /* samplers initialised, to free */
    size_t done;       /* paths drawn so far */
    uint64_t scans;    /* links scanned so far */
    uint64_t *through; /* per vertex: paths through it so far */
} tally;

static void tally_free(tally *t)
{
    for (size_t w = 0; w < t->ready; w++)
        sampler_free(&t->job.samplers[w]);
    free(t->job.samplers);
    free(t->through);
}

static int tally_init(tally *t, const eco_i_csr *g, double r, const eco_approx_options *approx,
                      const eco_query_options *opt)
{
    memset(t, 0, sizeof(*t));
    t->job = (approx_job){g, NULL, (uint64_t)approx->seed, 0};
    t->workers = eco_i_worker_count(opt, (size_t)r, r * 1000);
    if (!(t->job.samplers = calloc(t->workers, sizeof(*t->job.samplers))) ||
        !(t->through = calloc((size_t)g->n + 1, sizeof(*t->through))))
        return ECO_ENOMEM;
    for (; t->ready < t->workers; t->ready++)
        if (sampler_init(&t->job.samplers[t->ready], g) < 0) {
            t->ready++;
            return ECO_ENOMEM;
        }
    return 0;
}

/* Draws samples done..target-1 of the one sequence, and sums the workers' counts (whole
 * numbers, so the sums do not depend on how the samples were shared). */
static int tally_draw(tally *t, size_t target, const eco_query_options *opt)
{
    const eco_i_csr *g = t->job.g;
    int rc;

    t->job.offset = t->done;
    if ((rc = eco_i_parallel_for(t->workers, target - t->done, 0, run_samples, &t->job, opt)) < 0)
        return rc;
    t->done = target;
    t->scans = 0;
    for (size_t w = 0; w < t->workers; w++)
        t->scans += t->job.samplers[w].scans;
    for (int32_t v = 0; v < g->n; v++) {
        uint64_t sum = 0;
        for (size_t w = 0; w < t->workers; w++)
            sum += t->job.samplers[w].count[v];
        t->through[v] = sum;
    }
    return 0;
}

/* Whether drawing up to target paths stays within the cost cap, judged by the links the
 * paths so far scanned on average, and within the workers' 32-bit counts. */
static int within_cap(const tally *t, size_t target)
{
    const eco_i_csr *g = t->job.g;
    double per_path = (double)t->scans / (double)t->done;
    double cap = COST_CAP_SHARE * (double)g->n * (double)g->out_start[g->n];

    return target <= UINT32_MAX && per_path * (double)target <= cap;
}

/* Draws rounds until the k largest are told apart, r is drawn and the next round would pass
 * the cap, or 64 r is drawn; leaves in lo and hi the intervals (as shares) of the last. */
static int draw_top(tally *t, eco_top_promise *p, double *lo, double *hi, double *scratch,
                    double r, size_t k, const eco_approx_options *approx,
                    const eco_query_options *opt)
{
    int32_t n = t->job.g->n;
    int rc;

    for (size_t round = 0; round < ROUNDS; round++) {
        size_t target = round_target(r, round);
        if (target <= t->done)
            continue;
        if (round > ROUND_OF_R && !within_cap(t, target))
            break;
        if ((rc = tally_draw(t, target, opt)) < 0)
            return rc;
        settle(p, lo, hi, scratch, t->through, t->done, n, k, approx->delta / ROUNDS);
        if (p->candidates == k)
            break;
    }
    return 0;
}

/* The estimate, and with top the intervals and their promise, from shares to the measure's
 * units; the promise is taken again from the intervals as given, so that it agrees with
 * them to the last bit. */
static void report(double *out, const top_request *top, const tally *t, double *lo, double *hi,
                   double *scratch, size_t k, int normalised)
{
    const eco_i_csr *g = t->job.g;
    double n = (double)g->n;
    /* The share of paths through v estimates sum sigma_st(v)/sigma_st / (n(n-1)). */
    double scale = normalised ? n / (n - 2) : n * (n - 1) / (g->directed ? 1.0 : 2.0);
    eco_top_promise promise = {0};

    for (int32_t v = 0; v < g->n; v++) {
        double share = t->done > 0 ? (double)t->through[v] / (double)t->done : 0;
        out[g->actor[v]] = share * scale;
    }
    if (!top)
        return;
    for (int32_t v = 0; v < g->n; v++) {
        lo[v] *= scale;
        hi[v] *= scale;
        if (top->lower)
            top->lower[g->actor[v]] = lo[v];
        if (top->upper)
            top->upper[g->actor[v]] = hi[v];
    }
    promise_of(&promise, lo, hi, scratch, g->n, k);
    promise.samples = t->done;
    promise.capped = t->done > 0 && promise.candidates != k;
    if (top->promise)
        *top->promise = promise;
}

static int estimate(double *out, size_t *samples, const eco_i_csr *g, int normalised,
                    const eco_approx_options *approx, const eco_query_options *opt,
                    const top_request *top)
{
    size_t bytes = ((size_t)g->n + 1) * sizeof(double);
    size_t k = !top || top->k == 0 ? 1 : top->k < (size_t)g->n ? top->k : (size_t)g->n;
    double *lo = NULL, *hi = NULL, *scratch = NULL, r;
    eco_top_promise promise = {0};
    int32_t diameter;
    tally t;
    int rc;

    if ((rc = vertex_diameter(&diameter, g)) < 0)
        return rc;
    r = sample_count(g->n, diameter, approx);
    if (r > (double)UINT32_MAX)
        return ECO_EUSAGE;
    if ((rc = tally_init(&t, g, r, approx, opt)) < 0)
        goto cleanup;
    if (top && (!(lo = calloc(1, bytes)) || !(hi = calloc(1, bytes)) || !(scratch = malloc(bytes))))
        rc = ECO_ENOMEM;
    else if (top)
        rc = draw_top(&t, &promise, lo, hi, scratch, r, k, approx, opt);
    else if (r > 0)
        rc = tally_draw(&t, (size_t)r, opt);
    if (rc < 0)
        goto cleanup;
    report(out, top, &t, lo, hi, scratch, k, normalised);
    if (samples)
        *samples = t.done;
cleanup:
    tally_free(&t);
    free(lo);
    free(hi);
    free(scratch);
    return rc;
}

static int query_betweenness_approx(double *out, size_t *samples, const eco_graph *g,
                                    eco_measure measure, const eco_approx_options *approx,
                                    const eco_query_options *opt, const top_request *top,
                                    eco_error *err)
{
    static const eco_approx_options defaults = ECO_APPROX_OPTIONS_INIT;
    eco_i_view view;
    eco_i_csr csr = {0};
    size_t n = eco_graph_actor_count(g);
    int rc;

    if (!approx)
        approx = &defaults;
    if (measure != ECO_MEASURE_BETWEENNESS && measure != ECO_MEASURE_BETWEENNESS_NORM)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "only betweenness can be estimated");
    if (!(approx->epsilon > 0 && approx->epsilon < 1 && approx->delta > 0 && approx->delta < 1))
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0,
                             "epsilon and delta must lie between 0 and 1");
    if (samples)
        *samples = 0;
    if (n < 3) {
        /* No actor lies between two others: all are the top k, and none is above another. */
        for (size_t v = 0; v < n; v++) {
            out[v] = 0;
            if (top && top->lower)
                top->lower[v] = 0;
            if (top && top->upper)
                top->upper[v] = 0;
        }
        if (top && top->promise) {
            int all = top->k >= n;
            *top->promise = (eco_top_promise){0, 0, n, all ? -1 : 0, all ? n : 0, 0};
        }
        return 0;
    }
    if ((rc = eco_i_view_build(&view, g, opt, err)) < 0)
        return rc;
    if ((rc = eco_i_csr_build(&csr, &view, 1)) == 0)
        rc = estimate(out, samples, &csr, measure == ECO_MEASURE_BETWEENNESS_NORM, approx, opt,
                      top);
    eco_i_csr_free(&csr);
    eco_i_view_destroy(&view);
    if (rc == ECO_EUSAGE)
        return eco_error_set(err, rc, NULL, 0, 0,
                             "an error bound of %g needs over 2^32 samples; allow a larger one",
                             approx->epsilon);
    return rc < 0 ? eco_error_set(err, rc, NULL, 0, 0, "out of memory estimating betweenness") : 0;
}

/* The options' versions checked, and the dependencies locked for the caller. */
static int check_and_lock(const eco_approx_options *approx, const eco_query_options *opt,
                          eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(approx, ECO_APPROX_OPTIONS_VERSION, "eco_approx_options",
                                  err)) < 0 ||
        (rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0)
        return rc;
    return eco_i_dependencies_lock(err);
}

int eco_query_betweenness_approx(double *out, size_t *samples, const eco_graph *g,
                                 eco_measure measure, const eco_approx_options *approx,
                                 const eco_query_options *opt, eco_error *err)
{
    int rc;

    if ((rc = check_and_lock(approx, opt, err)) < 0)
        return rc;
    rc = query_betweenness_approx(out, samples, g, measure, approx, opt, NULL, err);
    eco_i_dependencies_unlock();
    return rc;
}

int eco_query_betweenness_top(double *out, double *lower, double *upper, eco_top_promise *promise,
                              const eco_graph *g, eco_measure measure, size_t k,
                              const eco_approx_options *approx, const eco_query_options *opt,
                              eco_error *err)
{
    top_request top = {k, lower, upper, promise};
    int rc;

    if ((rc = check_and_lock(approx, opt, err)) < 0)
        return rc;
    rc = query_betweenness_approx(out, NULL, g, measure, approx, opt, &top, err);
    eco_i_dependencies_unlock();
    return rc;
}
