/*
 * export/fit.c - a diagram made for a page.
 *
 * Graphviz lays a graph out at its natural size, where a label of 8 points is 8 points; a
 * drawing bigger than the page would have to shrink, and its labels with it.  So the
 * diagram is never shrunk: it draws fewer actors instead.  The first try draws as many as
 * the page's area suggests, and each further try draws fewer, by the share of the page
 * the last layout overran, until the drawing fits.  Only what is drawn is laid out, which
 * keeps a 20,000-actor map as quick to draw as a 200-actor one.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "diagram_internal.h"
#include "internal.h"

#define MIN_CENTRAL 50     /* the most central actors a whole-map diagram always labels */
#define AREA_PER_LABEL 5200 /* square points a labelled actor takes on a page, room around it
                               included: a first guess that the layouts then correct */
#define MAX_TRIES 7        /* layouts tried before the smallest allowed drawing is taken */
#define MARGIN 36          /* points of white round the printable area: half an inch */

/* ---- Options and pages ------------------------------------------------------------------ */

void eco_i_diagram_options_complete(eco_diagram_options *out, const eco_diagram_options *opt)
{
    static const eco_diagram_options defaults = ECO_DIAGRAM_OPTIONS_INIT;

    *out = defaults;
    if (!opt)
        return;
    /* Version 1 ended where version 2's page begins. */
    memcpy(out, opt, opt->version >= 2 ? sizeof(*out) : offsetof(eco_diagram_options, page));
    out->version = ECO_DIAGRAM_OPTIONS_VERSION;
}

/* The smallest name the page may show, in points. */
static double label_points(const eco_i_diagram *d)
{
    return d->opt.label_points > 0 ? d->opt.label_points : 8;
}

static const struct {
    const char *name;     /* as written in --page */
    double width, height; /* the sheet, portrait, in points */
} sheets[] = {
    {"a4", 595.28, 841.89},
    {"letter", 612, 792},
    {"a3", 841.89, 1190.55},
    {"any", 595.28, 792}, /* what A4 and letter both hold: A4's width, letter's height */
};

int eco_i_page_parse(double *width, double *height, double paper[2], int *turnable,
                     const char *page, eco_error *err)
{
    const char *comma;
    size_t len;

    *width = *height = paper[0] = paper[1] = 0;
    *turnable = 0;
    if (!page)
        page = "a4";
    if (strcasecmp(page, "none") == 0)
        return 0;
    comma = strchr(page, ',');
    len = comma ? (size_t)(comma - page) : strlen(page);
    if (comma && strcasecmp(comma + 1, "landscape") != 0 && strcasecmp(comma + 1, "portrait") != 0)
        goto bad;
    for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++) {
        if (strlen(sheets[i].name) != len || strncasecmp(page, sheets[i].name, len) != 0)
            continue;
        int landscape = comma && strcasecmp(comma + 1, "landscape") == 0;
        paper[0] = landscape ? sheets[i].height : sheets[i].width;
        paper[1] = landscape ? sheets[i].width : sheets[i].height;
        *width = paper[0] - 2 * MARGIN;
        *height = paper[1] - 2 * MARGIN;
        *turnable = !comma;
        return 0;
    }
bad:
    return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0,
                         "unknown page \"%s\": expected a4, letter, a3 or any (fits A4 and "
                         "letter), with ,landscape or ,portrait if wanted, or none",
                         page);
}

/* ---- Sizes ------------------------------------------------------------------------------ */

int eco_i_size_measure(double *out, int *estimated, const eco_graph *g, eco_measure measure,
                       eco_error *err)
{
    double work = (double)eco_graph_actor_count(g) * (double)eco_graph_tie_count(g);
    eco_approx_options approx = ECO_APPROX_OPTIONS_INIT;

    *estimated = 0;
    if ((measure != ECO_MEASURE_BETWEENNESS && measure != ECO_MEASURE_BETWEENNESS_NORM) ||
        work <= ECO_I_ESTIMATE_ABOVE)
        return eco_query_measure(out, g, measure, NULL, err);
    *estimated = 1;
    return eco_query_betweenness_approx(out, NULL, g, measure, &approx, NULL, err);
}

/* ---- What the diagram is of ------------------------------------------------------------- */

/* The map the diagram is of: g, the neighbourhood of the focus, or the overview. */
static int choose_base(eco_i_diagram *d, const eco_graph *g, eco_error *err)
{
    size_t center;
    int rc;

    d->base = g;
    if (d->opt.overview != ECO_CLUSTER_NONE) {
        if ((rc = eco_i_overview(&d->owned_base, g, d->opt.overview, d->opt.size_by, err)) < 0)
            return rc;
        d->base = d->owned_base;
        d->caption.overview = 1;
        d->opt.keep_small = 1;
        d->opt.cluster = ECO_CLUSTER_NONE;
        return 0;
    }
    if (!d->opt.focus)
        return 0;
    if (eco_graph_find_actor(&center, g, d->opt.focus, NULL) < 0 &&
        eco_graph_find_actor_by_id(&center, g, d->opt.focus) < 0)
        return eco_error_set(err, ECO_ENOTFOUND, NULL, 0, 0, "no actor is called \"%s\"",
                             d->opt.focus);
    if ((rc = eco_query_ego(&d->owned_base, g, center, d->opt.hops ? d->opt.hops : 1, NULL,
                            err)) < 0)
        return rc;
    d->base = d->owned_base;
    d->opt.keep_small = 1; /* a neighbourhood is one component: nothing in it is small */
    return 0;
}

static unsigned drawn_kinds(const eco_diagram_options *opt)
{
    unsigned all = (1u << ECO_TIE_KIND_COUNT) - 1;
    return opt->hide_related ? all & ~(1u << ECO_TIE_RELATED) : all;
}

/* The engine: the one asked for; on a page neato, or fdp, which draws clusters; without a
 * page the layered dot while it reads well, sfdp above. */
static const char *engine_for(const eco_i_diagram *d, size_t drawn)
{
    if (d->opt.layout)
        return d->opt.layout;
    if (d->opt.cluster != ECO_CLUSTER_NONE)
        return drawn <= 150 && !d->page_width ? "dot" : "fdp";
    if (d->page_width)
        return drawn <= 2000 ? "neato" : "sfdp";
    return drawn <= 150 ? "dot" : "sfdp";
}

/* ---- One try ---------------------------------------------------------------------------- */

typedef struct fitting {
    const double *size;       /* the size measure of every actor of the base */
    const size_t *community;  /* every base actor's community, or NULL */
    eco_i_selection sel;      /* the candidates, ranked */
    unsigned char *drawn;     /* per base actor */
    unsigned char *labelled;  /* per base actor */
} fitting;

static double overrun(eco_i_diagram *d);
static int reshape(eco_i_diagram *d, eco_error *err);

/* Draws the actors flagged in f->drawn, labelled as f->labelled says, and lays them out. */
static int try_drawing(eco_i_diagram *d, fitting *f, int label_joiners, eco_error *err)
{
    size_t n = eco_graph_actor_count(d->base), k = 0;
    int rc;

    eco_i_diagram_unbuild(d);
    eco_graph_free(d->owned);
    d->owned = NULL;
    if ((rc = eco_i_subgraph(&d->owned, d->base, f->drawn, drawn_kinds(&d->opt), 0, err)) < 0)
        return rc;
    d->map = d->owned;
    d->max_size = 0;
    d->caption.labelled = d->caption.central = 0;
    for (size_t i = 0; i < n; i++) {
        if (!f->drawn[i])
            continue;
        d->size[k] = f->size[i];
        d->labelled[k] = label_joiners || f->labelled[i];
        d->caption.labelled += d->labelled[k];
        d->caption.central += f->labelled[i];
        if (d->community)
            d->community[k] = f->community[i];
        if (d->size[k] == d->size[k] && d->size[k] > d->max_size)
            d->max_size = d->size[k];
        k++;
    }
    d->caption.drawn = k;
    d->caption.ranked_out = f->sel.candidate_count > k ? f->sel.candidate_count - k : 0;
    d->engine = engine_for(d, k);
    if ((rc = eco_i_diagram_build(d, err)) < 0)
        return rc;
    /* The force layout's places are a start for reshape(): prism spreads the actors over
     * both axes, which VPSC alone would not, and scales no further than it must. */
    if (d->page_width && !d->opt.layout &&
        (eco_i_diagram_set(d->graph, "overlap", "prism") < 0 ||
         eco_i_diagram_set(d->graph, "overlap_scaling", "0") < 0))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    /* On a page, clusters are laid out one by one and packed (export/clusters.c). */
    if (d->page_width && !d->opt.layout && d->opt.cluster != ECO_CLUSTER_NONE)
        return eco_i_clusters_lay_out(d, err);
    if ((rc = eco_i_diagram_lay_out(d, err)) < 0)
        return rc;
    if (d->page_width && !d->opt.layout &&
        (strcmp(d->engine, "neato") == 0 || strcmp(d->engine, "sfdp") == 0))
        return reshape(d, err);
    return 0;
}

/*
 * A force layout has the shape its ties give it, often twice as wide as high, and leaves
 * room between actors that a page cannot spare.  So the actors' places are squeezed into a
 * fraction of the page's own shape and overlap removal (VPSC: each actor moves as little as
 * it must) opens them up again, keeping who stands beside whom.
 */
/* Places every actor at its coordinates in place, times f, and lays the graph out again
 * from there with overlaps removed. */
static int place(eco_i_diagram *d, const double *place, double f, eco_error *err)
{
    double both[2] = {f, f};
    int rc = eco_i_graphviz_place(d->graph, place, both, err);

    d->engine = "nop";
    d->laid_out = rc == 0;
    return rc;
}

static int reshape(eco_i_diagram *d, eco_error *err)
{
    static const double squeezes[] = {0.5, 0.4, 0.3};
    size_t n = (size_t)agnnodes(d->graph), k = 0, best = 0;
    double low[2] = {HUGE_VAL, HUGE_VAL}, high[2] = {-HUGE_VAL, -HUGE_VAL}, legend = 0;
    double *at = malloc((2 * n + 2) * sizeof(double)), least = HUGE_VAL;
    int rc = 0;

    if (!at)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    for (Agnode_t *v = agfstnode(d->graph); v; v = agnxtnode(d->graph, v), k++) {
        at[2 * k] = ND_coord(v).x, at[2 * k + 1] = ND_coord(v).y;
        low[0] = fmin(low[0], at[2 * k]), high[0] = fmax(high[0], at[2 * k]);
        low[1] = fmin(low[1], at[2 * k + 1]), high[1] = fmax(high[1], at[2 * k + 1]);
    }
    if (GD_label(d->graph))
        legend = GD_label(d->graph)->dimen.y;
    /* One factor for both axes: squeezing one more than the other makes VPSC stack the
     * actors in a column, since a label is wider than high.  Each squeeze is tried, and the
     * one that needs the least page kept. */
    double area = d->page_width * fmax(d->page_height - legend, 72);
    double spread = sqrt(area / ((high[0] - low[0] + 1) * (high[1] - low[1] + 1)));
    for (size_t i = 0; rc == 0 && i < sizeof(squeezes) / sizeof(squeezes[0]); i++) {
        if ((rc = place(d, at, fmin(1, squeezes[i] * spread), err)) == 0 && overrun(d) < least)
            least = overrun(d), best = i;
    }
    if (rc == 0 && best != sizeof(squeezes) / sizeof(squeezes[0]) - 1)
        rc = place(d, at, fmin(1, squeezes[best] * spread), err);
    free(at);
    return rc;
}

/* How much of the page the laid-out drawing needs: above 1 it does not fit.  A page whose
 * orientation was not named is turned the way the drawing fits it best. */
static double overrun(eco_i_diagram *d)
{
    double width, height, upright, across;

    eco_i_diagram_extent(d, &width, &height);
    upright = fmax(width / d->page_width, height / d->page_height);
    across = fmax(width / d->page_height, height / d->page_width);
    if (!d->page_turnable || upright <= across)
        return upright;
    double swap = d->page_width;
    d->page_width = d->page_height, d->page_height = swap;
    swap = d->page_paper[0];
    d->page_paper[0] = d->page_paper[1], d->page_paper[1] = swap;
    return across;
}

/* ---- The search ------------------------------------------------------------------------- */

/* The smallest text drawn, in points before Graphviz shrinks the drawing to the page: the
 * actors' names, and the legend's and caption's type, which shrink with them. */
static double smallest_name(eco_i_diagram *d)
{
    const char *legend = agget(d->graph, "fontsize");
    double least = legend && *legend ? strtod(legend, NULL) : HUGE_VAL;

    for (Agnode_t *v = agfstnode(d->graph); v; v = agnxtnode(d->graph, v)) {
        const char *label = agget(v, "label"), *points = agget(v, "fontsize");
        if (label && *label && points && *points)
            least = fmin(least, strtod(points, NULL));
    }
    return least == HUGE_VAL ? label_points(d) : least;
}

/* How far the names fall short of the stated size once the drawing is shrunk to the page:
 * above 1 they are too small.  A drawing may overrun the page a little when its smallest
 * name is bigger than the floor. */
static double shortfall(eco_i_diagram *d)
{
    return overrun(d) * label_points(d) / smallest_name(d);
}

/* Fewer labelled actors for the next try, from how far the last one overran. */
static size_t next_count(size_t k, double over, size_t floor)
{
    size_t next = (size_t)((double)k * 0.92 / (over * over));

    if (next >= k)
        next = k - 1;
    return next < floor ? floor : next;
}

/* How the actors that only join the most central ones are drawn. */
enum { JOINERS_LEFT_OUT, JOINERS_AS_DOTS, JOINERS_NAMED };

/* Chooses the k most central actors and draws them, with their joiners as asked. */
static int draw_top(eco_i_diagram *d, fitting *f, size_t k, int joiners, eco_error *err)
{
    int rc = eco_i_selection_choose(&f->sel, k, f->drawn, f->labelled);

    if (rc < 0)
        return eco_error_set(err, rc, NULL, 0, 0, "out of memory drawing the map");
    if (joiners == JOINERS_LEFT_OUT)
        memcpy(f->drawn, f->labelled, f->sel.actor_count);
    return try_drawing(d, f, joiners == JOINERS_NAMED || f->sel.joiner_count == 0, err);
}

/* The floor overran the page: a force layout starts from random places, and another
 * start often packs the same actors tighter.  The start that needs the least page is kept,
 * and the floor is drawn even when none fits. */
static int floor_from_other_starts(eco_i_diagram *d, fitting *f, size_t k, int joiners,
                                   eco_error *err)
{
    double least = shortfall(d);
    unsigned best = d->start;
    int rc;

    for (unsigned start = 2; start <= 4 && least > 1; start++) {
        d->start = start;
        if ((rc = draw_top(d, f, k, joiners, err)) < 0)
            return rc;
        if (shortfall(d) < least)
            least = shortfall(d), best = start;
    }
    if (d->start == best)
        return 0;
    d->start = best;
    return draw_top(d, f, k, joiners, err);
}

/*
 * Fewer actors, by the share of the page the last drawing overran, until one fits; then,
 * while tries are left, halfway back towards the smallest count that did not fit, so that
 * the page names as many as it holds.  The actors that only join others lose their names
 * before the least central actors go, and at the floor they go too: the floor's actors
 * and the ties among them are what must be drawn.
 */
static int fit_to_page(eco_i_diagram *d, fitting *f, eco_error *err)
{
    size_t candidates = f->sel.candidate_count, fits = 0, fails = 0;
    size_t floor = d->opt.top && d->opt.top < MIN_CENTRAL ? d->opt.top : MIN_CENTRAL;
    /* Boxes take room that names cannot share: with clusters the names keep their size and
     * the floor gives way (the caption says so), since a box of one country round each lab
     * leaves the 50 most central of a star-shaped map at 6 pt on A4. */
    if (d->opt.cluster != ECO_CLUSTER_NONE && !d->opt.layout)
        floor = 1;
    /* The floor is of actors: an overview's groups, named by their members, keep 8 pt. */
    if (d->caption.overview)
        floor = 1;
    size_t k = (size_t)(d->page_width * d->page_height / AREA_PER_LABEL);
    int rc, joiners = JOINERS_NAMED, fitting_joiners = JOINERS_NAMED;

    if (d->opt.top && k > d->opt.top)
        k = d->opt.top;
    k = k < floor ? floor : k;
    k = k > candidates ? candidates : k;
    floor = floor > candidates ? candidates : floor;
    /* Without the floor to stop at, boxes may need a few more tries to come under the page. */
    for (int tries = 0; tries < (floor == 1 ? 2 * MAX_TRIES : MAX_TRIES); tries++) {
        if ((rc = draw_top(d, f, k, joiners, err)) < 0)
            return rc;
        double over = shortfall(d);
        if (over <= 1) {
            fits = k, fitting_joiners = joiners;
            if (!fails || fails - k <= 2)
                return 0;
            k = (k + fails) / 2;
        } else if (joiners == JOINERS_NAMED && f->sel.joiner_count > 0) {
            joiners = JOINERS_AS_DOTS;
        } else if (k <= floor && !fits) {
            if (joiners == JOINERS_LEFT_OUT || f->sel.joiner_count == 0)
                return floor_from_other_starts(d, f, k, joiners, err);
            joiners = JOINERS_LEFT_OUT;
        } else {
            fails = k;
            k = fits ? (fits + fails) / 2 : next_count(k, over, floor);
        }
        if (fits && k == fits)
            break;
    }
    /* The last try overran: draw the last one that fitted again. */
    return fits ? draw_top(d, f, fits, fitting_joiners, err) : 0;
}

/* Without a page, everything chosen is drawn and labelled. */
static int draw_all(eco_i_diagram *d, fitting *f, eco_error *err)
{
    size_t n = eco_graph_actor_count(d->base), k = f->sel.candidate_count;

    if (d->opt.top && d->opt.top < k && !d->opt.focus) {
        int rc = eco_i_selection_choose(&f->sel, d->opt.top, f->drawn, f->labelled);
        if (rc < 0)
            return eco_error_set(err, rc, NULL, 0, 0, "out of memory drawing the map");
    } else {
        for (size_t i = 0; i < n; i++)
            f->drawn[i] = f->labelled[i] = f->sel.candidate[i];
    }
    return try_drawing(d, f, 1, err);
}

/* ---- The whole ------------------------------------------------------------------------- */

static int prepare(eco_i_diagram *d, fitting *f, double **size, eco_communities **communities,
                   eco_error *err)
{
    size_t n = eco_graph_actor_count(d->base);
    int rc;

    if (!(*size = malloc((n + 1) * sizeof(double))) || !(f->drawn = calloc(n + 1, 1)) ||
        !(f->labelled = calloc(n + 1, 1)) || !(d->size = calloc(n + 1, sizeof(double))) ||
        !(d->labelled = calloc(n + 1, 1)))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    if (d->caption.overview) {
        /* A group is as big as the actors in it. */
        for (size_t i = 0; i < n; i++)
            (*size)[i] = strtod(eco_graph_attribute(d->base, i, "actors"), NULL);
    } else if ((rc = eco_i_size_measure(*size, &d->caption.estimated, d->base, d->opt.size_by,
                                        err)) < 0) {
        return rc;
    }
    f->size = *size;
    if (d->opt.cluster == ECO_CLUSTER_COMMUNITY) {
        if ((rc = eco_query_communities(communities, d->base, ECO_COMMUNITY_LEIDEN, NULL, err)) < 0)
            return rc;
        if (!(d->community = calloc(n + 1, sizeof(size_t))))
            return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
        f->community = (*communities)->membership;
    }
    if ((rc = eco_i_selection_init(&f->sel, d->base, *size, drawn_kinds(&d->opt),
                                   d->opt.keep_small)) < 0)
        return eco_error_set(err, rc, NULL, 0, 0, "out of memory drawing the map");
    d->caption.total = n;
    d->caption.small_actors = f->sel.small_actors;
    d->caption.small_components = f->sel.small_components;
    return 0;
}

int eco_i_diagram_fit(eco_i_diagram *d, const eco_graph *g, const eco_diagram_options *opt,
                      eco_error *err)
{
    fitting f = {0};
    double *size = NULL;
    eco_communities *communities = NULL;
    int rc;

    memset(d, 0, sizeof(*d));
    eco_i_diagram_options_complete(&d->opt, opt);
    eco_i_graphviz_begin();
    if ((rc = eco_i_page_parse(&d->page_width, &d->page_height, d->page_paper,
                               &d->page_turnable, d->opt.page, err)) < 0 ||
        (rc = choose_base(d, g, err)) < 0 || (rc = prepare(d, &f, &size, &communities, err)) < 0)
        goto cleanup;
    if (d->page_width) {
        /* The floor is drawn even when it overruns: then Graphviz shrinks it to the page,
         * and the caption must say how small its names became. */
        rc = fit_to_page(d, &f, err);
        if (rc == 0 && shortfall(d) > 1.001) {
            d->caption.shrunk_points = smallest_name(d) / overrun(d);
            rc = eco_i_diagram_relabel(d, err);
        }
    } else
        rc = draw_all(d, &f, err);
cleanup:
    eco_i_selection_free(&f.sel);
    free(f.drawn);
    free(f.labelled);
    free(size);
    eco_communities_free(communities);
    return rc;
}
