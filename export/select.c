/*
 * export/select.c - which actors a diagram draws.
 *
 * A page holds a few hundred labelled actors at most, and Graphviz's layouts cost far more
 * than linear time, so a diagram of a big map must choose before it lays anything out.  It
 * leaves out what says little on a picture of the whole (isolated actors and pairs on their
 * own), ranks the rest by the size measure, and joins the most central actors by the
 * shortest paths between them, so that hubs that are tied through others stay tied on the
 * page.
 */
#include <stdlib.h>
#include <string.h>

#include "diagram_internal.h"
#include "internal.h"

/* Components smaller than this are left out of whole-map diagrams unless asked for. */
#define SMALL_COMPONENT 3

/* ---- Adjacency -------------------------------------------------------------------------- */

/* Undirected adjacency as compressed rows: the neighbours of i are links[offsets[i] ..
 * offsets[i + 1]); a pair tied by several kinds appears several times, which a search
 * does not mind. */
static int build_rows(eco_i_selection *s, const eco_graph *g, unsigned kinds)
{
    size_t n = eco_graph_actor_count(g), m = eco_graph_tie_count(g), *fill;

    if (!(s->offsets = calloc(n + 2, sizeof(size_t))) ||
        !(s->links = malloc((2 * m + 1) * sizeof(size_t))) ||
        !(fill = malloc((n + 1) * sizeof(size_t))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (kinds & (1u << t->kind)) {
            s->offsets[t->source + 1]++;
            s->offsets[t->target + 1]++;
        }
    }
    for (size_t i = 0; i < n; i++)
        s->offsets[i + 1] += s->offsets[i];
    memcpy(fill, s->offsets, n * sizeof(size_t));
    for (size_t i = 0; i < m; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (kinds & (1u << t->kind)) {
            s->links[fill[t->source]++] = t->target;
            s->links[fill[t->target]++] = t->source;
        }
    }
    free(fill);
    return 0;
}

/* Visits the component of start breadth first when no earlier visit reached it: its actors
 * are then s->queue[0 ... the count returned); 0 when it was visited before.  Call
 * forget_components first. */
static size_t visit_component(eco_i_selection *s, size_t start)
{
    size_t head = 0, tail = 0;

    if (s->parent[start] != SIZE_MAX)
        return 0;
    s->parent[start] = start;
    s->queue[tail++] = start;
    while (head < tail) {
        size_t v = s->queue[head++];
        for (size_t k = s->offsets[v]; k < s->offsets[v + 1]; k++)
            if (s->parent[s->links[k]] == SIZE_MAX) {
                s->parent[s->links[k]] = v;
                s->queue[tail++] = s->links[k];
            }
    }
    return tail;
}

static void forget_components(eco_i_selection *s)
{
    for (size_t i = 0; i < s->actor_count; i++)
        s->parent[i] = SIZE_MAX;
}

/* The size of the largest component. */
static size_t largest_component(eco_i_selection *s)
{
    size_t largest = 0, size;

    forget_components(s);
    for (size_t start = 0; start < s->actor_count; start++)
        if ((size = visit_component(s, start)) > largest)
            largest = size;
    return largest;
}

/* Marks the actors of components of at least SMALL_COMPONENT actors as candidates and
 * counts the others (all are candidates with keep_small, and on a map of nothing but small
 * components, which would leave nothing to draw). */
static void mark_components(eco_i_selection *s, int keep_small)
{
    size_t size;

    if (largest_component(s) < SMALL_COMPONENT)
        keep_small = 1;
    forget_components(s);
    for (size_t start = 0; start < s->actor_count; start++) {
        if (!(size = visit_component(s, start)))
            continue;
        int keep = keep_small || size >= SMALL_COMPONENT;
        for (size_t k = 0; k < size; k++)
            s->candidate[s->queue[k]] = (unsigned char)keep;
        if (!keep) {
            s->small_actors += size;
            s->small_components++;
        }
    }
}

/* ---- Ranking ---------------------------------------------------------------------------- */

static int rank_candidates(eco_i_selection *s, const double *size)
{
    eco_i_scored *r = malloc((s->actor_count + 1) * sizeof(*r));
    size_t count = 0;

    if (!r)
        return ECO_ENOMEM;
    for (size_t i = 0; i < s->actor_count; i++)
        if (s->candidate[i])
            r[count++] = (eco_i_scored){i, size[i]};
    qsort(r, count, sizeof(*r), eco_i_by_falling_score);
    for (size_t k = 0; k < count; k++)
        s->order[k] = r[k].actor;
    s->candidate_count = count;
    free(r);
    return 0;
}

int eco_i_selection_init(eco_i_selection *s, const eco_graph *g, const double *size,
                         unsigned kinds, int keep_small)
{
    size_t n = eco_graph_actor_count(g);

    memset(s, 0, sizeof(*s));
    s->actor_count = n;
    if (build_rows(s, g, kinds) < 0 || !(s->parent = malloc((n + 1) * sizeof(size_t))) ||
        !(s->queue = malloc((n + 1) * sizeof(size_t))) ||
        !(s->order = malloc((n + 1) * sizeof(size_t))) || !(s->candidate = calloc(n + 1, 1)) ||
        !(s->in_tree = calloc(n + 1, 1)))
        return ECO_ENOMEM;
    mark_components(s, keep_small);
    return rank_candidates(s, size);
}

void eco_i_selection_free(eco_i_selection *s)
{
    if (!s)
        return;
    free(s->offsets);
    free(s->links);
    free(s->parent);
    free(s->queue);
    free(s->order);
    free(s->candidate);
    free(s->in_tree);
    memset(s, 0, sizeof(*s));
}

/* ---- Joining the most central actors ---------------------------------------------------- */

/*
 * Searches breadth-first from every actor of the tree at once for the nearest wanted actor
 * not yet in it, and adds the path to the tree: one step of Takahashi and Matsuyama's
 * heuristic for the Steiner tree, whose total length is at most twice the shortest.
 * Returns the actor reached, or SIZE_MAX when no wanted actor is in reach.
 */
static size_t grow_tree(eco_i_selection *s, const unsigned char *wanted)
{
    size_t head = 0, tail = 0, n = s->actor_count;

    for (size_t i = 0; i < n; i++) {
        s->parent[i] = SIZE_MAX;
        if (s->in_tree[i]) {
            s->parent[i] = i;
            s->queue[tail++] = i;
        }
    }
    while (head < tail) {
        size_t v = s->queue[head++];
        for (size_t k = s->offsets[v]; k < s->offsets[v + 1]; k++) {
            size_t w = s->links[k];
            if (s->parent[w] != SIZE_MAX || !s->candidate[w])
                continue;
            s->parent[w] = v;
            if (wanted[w]) {
                for (size_t u = w; !s->in_tree[u]; u = s->parent[u])
                    s->in_tree[u] = 1;
                return w;
            }
            s->queue[tail++] = w;
        }
    }
    return SIZE_MAX;
}

int eco_i_selection_choose(eco_i_selection *s, size_t k, unsigned char *drawn,
                           unsigned char *labelled)
{
    unsigned char *wanted = calloc(s->actor_count + 1, 1);
    size_t left;

    if (!wanted)
        return ECO_ENOMEM;
    k = k < s->candidate_count ? k : s->candidate_count;
    memset(s->in_tree, 0, s->actor_count);
    for (size_t r = 0; r < k; r++)
        wanted[s->order[r]] = 1;
    /* Each tree starts at the most central actor not yet joined, and grows until no wanted
     * actor is within reach: the rest lie in other components. */
    left = k;
    for (size_t r = 0; r < k && left > 0; r++) {
        size_t start = s->order[r];
        if (s->in_tree[start])
            continue;
        s->in_tree[start] = 1;
        wanted[start] = 0;
        left--;
        for (size_t got; left > 0 && (got = grow_tree(s, wanted)) != SIZE_MAX; left--)
            wanted[got] = 0;
    }
    s->joiner_count = 0;
    for (size_t i = 0; i < s->actor_count; i++) {
        drawn[i] = s->in_tree[i];
        labelled[i] = 0;
    }
    for (size_t r = 0; r < k; r++)
        labelled[s->order[r]] = 1;
    for (size_t i = 0; i < s->actor_count; i++)
        s->joiner_count += drawn[i] && !labelled[i];
    free(wanted);
    return 0;
}
