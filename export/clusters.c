/*
 * export/clusters.c - boxes of actors for a page: each group laid out on its own, then the
 * groups packed.
 *
 * fdp draws clusters at any size, but it leaves wide gaps between its boxes: with the 50
 * most central actors of all the sample records in boxes by country, its drawing was two
 * and a half times a page and the names shrank to 4 pt.  Here each group is laid out as a
 * graph of its own (neato, overlaps removed, short ties), so it takes the room its names
 * need and no more; then each group, as a box of that size, is a node of one more graph
 * whose ties are the ties between groups, so that groups tied to each other stand side by
 * side, and overlap removal packs the boxes.  The places found are given to Graphviz as
 * they are (neato -n), with each cluster's box, and the ties are drawn across.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "diagram_internal.h"

#define BOX_MARGIN 4    /* points between a box and the names inside it */
#define LABEL_POINTS 10 /* a cluster's label, as diagram.c sets it */
#define GAP "+4"        /* points overlap removal leaves between boxes */

typedef struct group {
    Agraph_t *cluster;      /* the cluster subgraph, or NULL for an actor in none */
    double low[2], high[2]; /* its members' extent in its own layout, in points */
    double size[2];         /* its box, label included, in points */
    double at[2];           /* its box's centre on the page */
} group;

typedef struct packing {
    Agraph_t *root;   /* the diagram's graph */
    group *groups;    /* the clusters first, then each actor in none */
    size_t count;     /* entries in groups */
    size_t *group_of; /* per node, by AGSEQ: its group */
    double *local;    /* per node, by AGSEQ: x, y in its group's own layout */
    double frame[3];  /* the page's width and height, and the legend's height */
} packing;

static int oom(eco_error *err)
{
    return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
}

/* ---- One group on its own --------------------------------------------------------------- */

/* Declares in `to` every attribute of kind that `from` declares, with its default, so that
 * agcopyattr can copy an object's values across. */
static int declare_like(Agraph_t *to, Agraph_t *from, int kind)
{
    for (Agsym_t *sym = agnxtattr(from, kind, NULL); sym; sym = agnxtattr(from, kind, sym))
        if (!agattr(to, kind, sym->name, sym->defval))
            return ECO_ENOMEM;
    return 0;
}

/* A copy of the actors of groups first to last - 1 and the ties within each group, styled
 * as in the diagram. */
static int copy_groups(Agraph_t **out, const packing *p, size_t first, size_t last)
{
    Agraph_t *root = p->root, *copy = agopen("groups", Agdirected, NULL);

    *out = copy;
    if (!copy || declare_like(copy, root, AGNODE) < 0 || declare_like(copy, root, AGEDGE) < 0)
        return ECO_ENOMEM;
    for (Agnode_t *v = agfstnode(root); v; v = agnxtnode(root, v)) {
        Agnode_t *c;
        if (p->group_of[AGSEQ(v)] < first || p->group_of[AGSEQ(v)] >= last)
            continue;
        if (!(c = agnode(copy, agnameof(v), 1)) || agcopyattr(v, c) != 0)
            return ECO_ENOMEM;
    }
    for (Agnode_t *v = agfstnode(copy); v; v = agnxtnode(copy, v)) {
        Agnode_t *original = agnode(root, agnameof(v), 0);
        for (Agedge_t *e = agfstout(root, original); e; e = agnxtout(root, e)) {
            Agedge_t *c;
            if (p->group_of[AGSEQ(aghead(e))] != p->group_of[AGSEQ(original)])
                continue;
            if (!(c = agedge(copy, v, agnode(copy, agnameof(aghead(e)), 0), NULL, 1)) ||
                agcopyattr(e, c) != 0)
                return ECO_ENOMEM;
        }
    }
    /* Overlaps removed, a few points apart, and the same drawing run after run. */
    if (eco_i_diagram_set(copy, "overlap", "prism") < 0 ||
        eco_i_diagram_set(copy, "sep", "+3") < 0 || eco_i_diagram_set(copy, "start", "1") < 0 ||
        eco_i_diagram_set(copy, "splines", "false") < 0)
        return ECO_ENOMEM;
    return 0;
}

/* The width of the widest line of a cluster's label, in points, as a sans-serif face sets
 * it on average: the box must be at least that wide. */
static double label_width(Agraph_t *cluster, double *lines)
{
    const char *label = agget(cluster, "label");
    size_t widest = 0, line = 0;

    *lines = 1;
    for (const char *p = label ? label : ""; *p; p++) {
        if (p[0] == '\\' && p[1] == 'n') {
            *lines += 1, line = 0, p++;
            continue;
        }
        if (((unsigned char)*p & 0xC0) != 0x80 && ++line > widest)
            widest = line;
    }
    return 0.6 * LABEL_POINTS * (double)widest;
}

int eco_i_graphviz_place(Agraph_t *graph, const double *at, const double f[2], eco_error *err)
{
    char pos[64];
    size_t k = 0;
    int rc = 0;

    for (Agnode_t *n = agfstnode(graph); n && rc == 0; n = agnxtnode(graph, n), k++) {
        /* VPSC breaks ties between equal coordinates by the nodes' addresses, which differ
         * from run to run (the measure's threads leave the heap in another state): a
         * hundredth of a point per actor, in order, makes every coordinate different, so
         * the same map gives the same drawing. */
        snprintf(pos, sizeof(pos), "%.4f,%.4f", at[2 * k] * f[0] + 0.01 * (double)k,
                 at[2 * k + 1] * f[1] + 0.01 * (double)k);
        rc = eco_i_diagram_set(n, "pos", pos);
    }
    if (rc < 0 || eco_i_diagram_set(graph, "overlap", "vpsc") < 0)
        return oom(err);
    eco_i_graphviz_unlay(graph);
    return eco_i_graphviz_lay_out(graph, "nop", err); /* neato -n: overlaps removed */
}

/* How much of a page (frame[0] by frame[1], either way round, frame[2] of its height taken
 * by the legend) the laid-out graph needs. */
static double laid_overrun(Agraph_t *graph, const double frame[3])
{
    boxf bb = GD_bb(graph);
    double w = bb.UR.x - bb.LL.x, h = bb.UR.y - bb.LL.y;
    return fmin(fmax(w / frame[0], h / fmax(frame[1] - frame[2], 72)),
                fmax(w / frame[1], h / fmax(frame[0] - frame[2], 72)));
}

/* A force layout leaves room between actors that a page cannot spare: the laid-out graph's
 * places are squeezed towards each other and overlap removal opens them up again, keeping
 * who stands beside whom.  Squeezes round the one at which the nodes would fill half the
 * box are tried, evenly and, when uneven, more across or more down (which makes overlap
 * removal put a small box above a big one rather than beside it), and the one that needs
 * the least of the page is kept. */
static int squeeze(Agraph_t *graph, const double frame[3], int uneven, eco_error *err)
{
    static const double tries[][2] = {{1.4, 1.4},   {1, 1},       {0.7, 0.7}, {0.5, 0.5},
                                      {0.35, 0.35}, {0.25, 0.25}, {0.3, 1},   {1, 0.3}};
    size_t n = (size_t)agnnodes(graph), k = 0, best = 0, count = uneven ? 8 : 6;
    double *at = malloc((2 * n + 2) * sizeof(double)), area = 0, low[2], high[2], f[2];
    double least = HUGE_VAL;
    int rc = 0;

    if (!at)
        return oom(err);
    low[0] = low[1] = HUGE_VAL, high[0] = high[1] = -HUGE_VAL;
    for (Agnode_t *v = agfstnode(graph); v; v = agnxtnode(graph, v), k++) {
        at[2 * k] = ND_coord(v).x, at[2 * k + 1] = ND_coord(v).y;
        area += ND_width(v) * ND_height(v) * 72 * 72;
        low[0] = fmin(low[0], at[2 * k]), high[0] = fmax(high[0], at[2 * k]);
        low[1] = fmin(low[1], at[2 * k + 1]), high[1] = fmax(high[1], at[2 * k + 1]);
    }
    double fill = sqrt(2 * area / ((high[0] - low[0] + 1) * (high[1] - low[1] + 1)));
    for (size_t i = 0; n > 1 && rc == 0 && i < count; i++) {
        f[0] = fmin(1, tries[i][0] * fill), f[1] = fmin(1, tries[i][1] * fill);
        if ((rc = eco_i_graphviz_place(graph, at, f, err)) == 0 &&
            laid_overrun(graph, frame) < least)
            least = laid_overrun(graph, frame), best = i;
    }
    f[0] = fmin(1, tries[best][0] * fill), f[1] = fmin(1, tries[best][1] * fill);
    if (n > 1 && rc == 0 && best != count - 1)
        rc = eco_i_graphviz_place(graph, at, f, err);
    free(at);
    return rc;
}

/* Records the place of v (laid out as c) in its group's own layout, and widens the group's
 * extent by its box. */
static void take_place(packing *p, Agnode_t *v, Agnode_t *c, double x, double y)
{
    group *g = &p->groups[p->group_of[AGSEQ(v)]];
    double half_w = ND_width(c) * 36, half_h = ND_height(c) * 36;

    p->local[2 * AGSEQ(v)] = x, p->local[2 * AGSEQ(v) + 1] = y;
    g->low[0] = fmin(g->low[0], x - half_w), g->high[0] = fmax(g->high[0], x + half_w);
    g->low[1] = fmin(g->low[1], y - half_h), g->high[1] = fmax(g->high[1], y + half_h);
}

/* Lays the actors of groups first to last - 1 out, each group on its own when it is one
 * cluster, and takes their places and the groups' extents and boxes.  Actors in no cluster
 * are laid out together only for Graphviz to size them: each is a group of its own. */
static int lay_out_groups(packing *p, size_t first, size_t last, eco_error *err)
{
    Agraph_t *copy = NULL;
    int rc;

    if ((rc = copy_groups(&copy, p, first, last)) < 0) {
        rc = oom(err);
        goto cleanup;
    }
    if ((rc = eco_i_graphviz_lay_out(copy, "neato", err)) < 0 ||
        (last == first + 1 && (rc = squeeze(copy, p->frame, 0, err)) < 0))
        goto cleanup;
    for (Agnode_t *c = agfstnode(copy); c; c = agnxtnode(copy, c)) {
        Agnode_t *v = agnode(p->root, agnameof(c), 0);
        int alone = p->groups[p->group_of[AGSEQ(v)]].cluster == NULL;
        take_place(p, v, c, alone ? 0 : ND_coord(c).x, alone ? 0 : ND_coord(c).y);
    }
    for (size_t i = first; i < last; i++) {
        group *g = &p->groups[i];
        double lines = 0, label = g->cluster ? label_width(g->cluster, &lines) : 0;
        double margin = g->cluster ? BOX_MARGIN : 0;
        g->size[0] = fmax(g->high[0] - g->low[0], label) + 2 * margin;
        g->size[1] = g->high[1] - g->low[1] + 2 * margin + lines * LABEL_POINTS * 1.2;
    }
cleanup:
    if (copy) {
        eco_i_graphviz_unlay(copy); /* a no-op where no layout was made */
        agclose(copy);
    }
    return rc;
}

/* ---- The groups packed ------------------------------------------------------------------ */

/* Lays the groups out as boxes, tied where their actors are, and takes their centres. */
static int pack_groups(packing *p, eco_error *err)
{
    Agraph_t *boxes = agopen("groups", Agstrictundirected, NULL);
    Agnode_t **node = calloc(p->count + 1, sizeof(Agnode_t *));
    char name[32];
    int rc = ECO_ENOMEM;

    if (!boxes || !node || eco_i_diagram_set(boxes, "overlap", "prism") < 0 ||
        eco_i_diagram_set(boxes, "sep", GAP) < 0 || eco_i_diagram_set(boxes, "start", "1") < 0 ||
        eco_i_diagram_set(boxes, "splines", "false") < 0)
        goto cleanup;
    for (size_t i = 0; i < p->count; i++) {
        char size[32];
        snprintf(name, sizeof(name), "g%zu", i);
        if (!(node[i] = agnode(boxes, name, 1)) || eco_i_diagram_set(node[i], "shape", "box") < 0 ||
            eco_i_diagram_set(node[i], "fixedsize", "true") < 0 ||
            eco_i_diagram_set(node[i], "label", "") < 0)
            goto cleanup;
        snprintf(size, sizeof(size), "%.3f", p->groups[i].size[0] / 72);
        rc = eco_i_diagram_set(node[i], "width", size);
        snprintf(size, sizeof(size), "%.3f", p->groups[i].size[1] / 72);
        if ((rc |= eco_i_diagram_set(node[i], "height", size)) < 0)
            goto cleanup;
        rc = ECO_ENOMEM;
    }
    for (Agnode_t *v = agfstnode(p->root); v; v = agnxtnode(p->root, v))
        for (Agedge_t *e = agfstout(p->root, v); e; e = agnxtout(p->root, e)) {
            size_t a = p->group_of[AGSEQ(v)], b = p->group_of[AGSEQ(aghead(e))];
            if (a != b && !agedge(boxes, node[a], node[b], NULL, 1))
                goto cleanup;
        }
    if ((rc = eco_i_graphviz_lay_out(boxes, "neato", err)) < 0 ||
        (rc = squeeze(boxes, p->frame, 1, err)) < 0)
        goto cleanup;
    for (size_t i = 0; i < p->count; i++)
        p->groups[i].at[0] = ND_coord(node[i]).x, p->groups[i].at[1] = ND_coord(node[i]).y;
cleanup:
    if (rc == ECO_ENOMEM)
        rc = oom(err);
    free(node);
    if (boxes) {
        eco_i_graphviz_unlay(boxes);
        agclose(boxes);
    }
    return rc;
}

/* Gives every actor its place on the page and every cluster its box, for neato -n. */
static int set_places(packing *p)
{
    char value[96];
    int rc = 0;

    for (Agnode_t *v = agfstnode(p->root); v; v = agnxtnode(p->root, v)) {
        const group *g = &p->groups[p->group_of[AGSEQ(v)]];
        double x = g->at[0] + p->local[2 * AGSEQ(v)] - (g->low[0] + g->high[0]) / 2;
        double y = g->at[1] + p->local[2 * AGSEQ(v) + 1] - (g->low[1] + g->high[1]) / 2;
        if (g->cluster) /* the label's room is at the top of the box */
            y -= (g->size[1] - (g->high[1] - g->low[1]) - 2 * BOX_MARGIN) / 2;
        snprintf(value, sizeof(value), "%.2f,%.2f", x, y);
        rc |= eco_i_diagram_set(v, "pos", value);
    }
    for (size_t i = 0; i < p->count; i++) {
        const group *g = &p->groups[i];
        if (!g->cluster)
            continue;
        double left = g->at[0] - g->size[0] / 2, top = g->at[1] + g->size[1] / 2;
        snprintf(value, sizeof(value), "%.2f,%.2f,%.2f,%.2f", left, g->at[1] - g->size[1] / 2,
                 g->at[0] + g->size[0] / 2, top);
        rc |= eco_i_diagram_set(g->cluster, "bb", value);
        snprintf(value, sizeof(value), "%.2f,%.2f", g->at[0],
                 top - BOX_MARGIN / 2 -
                     (g->size[1] - (g->high[1] - g->low[1]) - 2 * BOX_MARGIN) / 2);
        rc |= eco_i_diagram_set(g->cluster, "lp", value);
    }
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(agnameof(((const group *)a)->cluster), agnameof(((const group *)b)->cluster));
}

/* The groups: one per cluster subgraph, by name, then one per actor in no cluster. */
static int find_groups(packing *p, size_t *clusters_out, size_t nodes)
{
    size_t clusters = 0, k = 0;

    for (Agraph_t *s = agfstsubg(p->root); s; s = agnxtsubg(s))
        clusters++;
    if (!(p->groups = calloc(clusters + nodes + 1, sizeof(group))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < nodes + 1; i++)
        p->group_of[i] = SIZE_MAX;
    /* cgraph orders subgraphs by the address of their names' strings, which differs from
     * run to run: by name, the same map packs the same way. */
    for (Agraph_t *s = agfstsubg(p->root); s; s = agnxtsubg(s))
        p->groups[k++].cluster = s;
    qsort(p->groups, clusters, sizeof(group), by_name);
    for (k = 0; k < clusters; k++)
        for (Agnode_t *v = agfstnode(p->groups[k].cluster); v;
             v = agnxtnode(p->groups[k].cluster, v))
            p->group_of[AGSEQ(v)] = k;
    for (Agnode_t *v = agfstnode(p->root); v; v = agnxtnode(p->root, v)) {
        if (p->group_of[AGSEQ(v)] != SIZE_MAX)
            continue;
        p->group_of[AGSEQ(v)] = k++;
    }
    p->count = k;
    *clusters_out = clusters;
    for (size_t i = 0; i < k; i++)
        p->groups[i].low[0] = p->groups[i].low[1] = HUGE_VAL,
        p->groups[i].high[0] = p->groups[i].high[1] = -HUGE_VAL;
    return 0;
}

int eco_i_clusters_lay_out(eco_i_diagram *d, eco_error *err)
{
    packing p = {.root = d->graph, .frame = {d->page_width, d->page_height, 0}};
    size_t nodes = 0, clusters = 0;
    int rc = 0;

    for (Agnode_t *v = agfstnode(d->graph); v; v = agnxtnode(d->graph, v))
        nodes = nodes > (size_t)AGSEQ(v) ? nodes : (size_t)AGSEQ(v);
    if (!(p.group_of = malloc((nodes + 1) * sizeof(size_t))) ||
        !(p.local = calloc(2 * (nodes + 1), sizeof(double))) ||
        find_groups(&p, &clusters, nodes) < 0) {
        rc = oom(err);
        goto cleanup;
    }
    for (size_t i = 0; i < clusters && rc == 0; i++)
        rc = lay_out_groups(&p, i, i + 1, err);
    if (rc < 0 || (clusters < p.count && (rc = lay_out_groups(&p, clusters, p.count, err)) < 0))
        goto cleanup;
    /* The legend's height is known once the graph is laid out: the boxes are packed again
     * into the room it leaves. */
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        if ((rc = pack_groups(&p, err)) < 0)
            goto cleanup;
        eco_i_diagram_unlay(d);
        if (set_places(&p) < 0 || eco_i_diagram_set(d->graph, "overlap", "true") < 0) {
            rc = oom(err);
            goto cleanup;
        }
        d->engine = "nop"; /* neato -n: the places as given, each cluster in its box */
        rc = eco_i_diagram_lay_out(d, err);
        if (rc == 0 && GD_label(d->graph))
            p.frame[2] = GD_label(d->graph)->dimen.y;
    }
cleanup:
    free(p.groups);
    free(p.group_of);
    free(p.local);
    return rc;
}
