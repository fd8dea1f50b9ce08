/*
 * export/diagram_internal.h - the styled Graphviz graph that DOT export, rendering, the
 * report and the interactive view share, and how it is fitted to a page.
 */
#ifndef ECOMAP_DIAGRAM_INTERNAL_H
#define ECOMAP_DIAGRAM_INTERNAL_H

#include "ecomap/diagram.h"
#include "export_internal.h"

/* What a whole-map diagram may draw, ranked (export/select.c). */
typedef struct eco_i_selection {
    size_t actor_count;      /* actors of the map chosen from */
    size_t *offsets, *links; /* undirected adjacency as compressed rows */
    unsigned char *candidate; /* 1: in a component big enough to draw */
    size_t *order;           /* the candidates, most central first */
    size_t candidate_count;  /* entries in order */
    size_t small_actors;     /* actors left out as isolated or in pairs */
    size_t small_components; /* the components they make */
    size_t joiner_count;     /* actors drawn by the last choice only to join others */
    size_t *parent, *queue;  /* the searches' scratch */
    unsigned char *in_tree;  /* the last choice's actors */
} eco_i_selection;

/* Finds the components of g over ties of the kinds in `kinds` (bits), marks the actors of
 * components of three or more (all with keep_small) and ranks them by size, highest first.
 * eco_i_selection_free either way.  O(n log n + m). */
int eco_i_selection_init(eco_i_selection *s, const eco_graph *g, const double *size,
                         unsigned kinds, int keep_small);

/* The k most central candidates (labelled) and the actors on the shortest paths that join
 * them within their components (drawn): two arrays of actor_count flags.  O(k (n + m)). */
int eco_i_selection_choose(eco_i_selection *s, size_t k, unsigned char *drawn,
                           unsigned char *labelled);
void eco_i_selection_free(eco_i_selection *s);

/* What a caption says about what was left out. */
typedef struct eco_i_caption {
    size_t total;            /* actors in the map the diagram is of */
    size_t drawn;            /* actors drawn */
    size_t labelled;         /* actors drawn with their names */
    size_t small_actors;     /* actors left out as isolated or in pairs */
    size_t small_components; /* the components they make */
    size_t ranked_out;       /* actors of bigger components left out for want of room */
    int overview;            /* 1: each node is a group */
    int estimated;           /* 1: betweenness was estimated by sampling (eco_i_size_measure) */
    size_t central;          /* of the labelled, the most central (the rest join them) */
    double shrunk_points;    /* 0, or the size names shrank to when the fewest actors a
                                diagram draws overran the page at the stated size */
} eco_i_caption;

typedef struct eco_i_diagram {
    eco_diagram_options opt;      /* the options, completed to this version's */
    const eco_graph *base;        /* what the diagram is of: the map, the focus's
                                     neighbourhood, or the overview of groups */
    eco_graph *owned_base;        /* base when this diagram made it */
    const eco_graph *map;         /* what is drawn: base, or the part of it chosen */
    eco_graph *owned;             /* map when this diagram made it; freed with it */
    double *size;                 /* each drawn actor's size_by value, measured on base */
    double max_size;              /* the largest of them (0 when none is positive) */
    unsigned char *labelled;      /* 1: the drawn actor shows its name; 0: a dot */
    const char **group;           /* each drawn actor's cluster label, or NULL */
    size_t *community;            /* each drawn actor's community (clusters by community) */
    const char *engine;           /* the layout engine to use */
    size_t *degree;               /* ties at each drawn actor */
    size_t *leaves;               /* leaf neighbours placed so far, per actor */
    double page_width;            /* the printable width in points; 0 for no page */
    double page_height;           /* the printable height in points */
    double page_paper[2];         /* the whole sheet, width and height in points */
    int page_turnable;            /* 1: no orientation was named, so the page is turned the
                                     way the drawing fits best */
    eco_i_caption caption;        /* what the caption says */
    struct Agraph_s *graph;       /* the cgraph graph */
    int laid_out;                 /* 1 once Graphviz has laid graph out */
    unsigned start;               /* the seed of a force layout's random start; 0 for 1 */
} eco_i_diagram;

/* Above this many actors times ties, pictures and reports estimate betweenness by sampling
 * (eco_query_betweenness_approx, with its default error) instead of computing it: which
 * actors to name does not need the last digit, and the exact measure takes half a minute
 * on a 20,000-actor map. */
#define ECO_I_ESTIMATE_ABOVE 2e8

/* measure of every actor of g into out, estimated (and *estimated set) as above. */
int eco_i_size_measure(double *out, int *estimated, const eco_graph *g, eco_measure measure,
                       eco_error *err);

/* Chooses what to draw of g for opt's page, builds the styled graph and lays it out, again
 * with fewer actors while it does not fit (export/fit.c).  On error, close it all the
 * same. */
int eco_i_diagram_fit(eco_i_diagram *d, const eco_graph *g, const eco_diagram_options *opt,
                      eco_error *err);

/* Builds the styled graph of d->map (export/diagram.c); d->size, ->labelled and the rest
 * are set.  0 or ECO_ENOMEM, with err set. */
int eco_i_diagram_build(eco_i_diagram *d, eco_error *err);

/* Frees the cgraph graph and its layout, but not what was chosen; NULL-safe. */
void eco_i_diagram_unbuild(eco_i_diagram *d);

/* Frees the layout and keeps the graph, as it was before the layout. */
void eco_i_diagram_unlay(eco_i_diagram *d);
/* Writes the legend and caption again (after d->caption changed) and lays the graph out
 * again from its places. */
int eco_i_diagram_relabel(eco_i_diagram *d, eco_error *err);

void eco_i_diagram_close(eco_i_diagram *d);

/* Lays graph out with engine in the process's one Graphviz context, and frees the layout
 * (render.c). */
int eco_i_graphviz_lay_out(struct Agraph_s *graph, const char *engine, eco_error *err);
void eco_i_graphviz_unlay(struct Agraph_s *graph);

/* Lays d->graph out with d->engine in the process's one Graphviz context (render.c). */
int eco_i_diagram_lay_out(eco_i_diagram *d, eco_error *err);

/* Lays d->graph out for a page with its clusters (export/clusters.c): each cluster's actors
 * on their own (neato), then the clusters as boxes, tied where their actors are, packed by
 * overlap removal; the places are kept with neato -n (d->engine becomes "nop").  O(the
 * layouts of the clusters and of the graph of boxes). */
int eco_i_clusters_lay_out(eco_i_diagram *d, eco_error *err);

/* Places graph's nodes, in order, at (at[2k] f[0], at[2k+1] f[1]), a hundredth of a point
 * apart per place so that overlap removal does the same run after run, and lays graph out
 * again from there (neato -n) with its overlaps removed (VPSC). */
int eco_i_graphviz_place(struct Agraph_s *graph, const double *at, const double f[2],
                         eco_error *err);

/* The bounding box of the laid-out drawing, legend and caption included, in points. */
void eco_i_diagram_extent(const eco_i_diagram *d, double *width, double *height);

/* opt completed to this version: a struct of an earlier version is copied as far as it
 * goes, and the fields it lacks take their defaults. */
void eco_i_diagram_options_complete(eco_diagram_options *out, const eco_diagram_options *opt);

/* Parses a page ("a4", "letter,landscape", "none"; NULL is "a4") into the printable width
 * and height and the sheet's, in points (0 for none), portrait unless landscape is named;
 * *turnable is 1 when no orientation was named.  ECO_EUSAGE with err set. */
int eco_i_page_parse(double *width, double *height, double paper[2], int *turnable,
                     const char *page, eco_error *err);

/* The overview of g: one actor per group (type, country or community), named by the group
 * and its most central members, with a tie between two groups weighing the ties between
 * their actors (export/overview.c).  The result belongs to the caller. */
int eco_i_overview(eco_graph **out, const eco_graph *g, eco_cluster_by by, eco_measure measure,
                   eco_error *err);

/* The style of a type and a kind, shared by diagrams and the interactive view. */
const char *eco_i_type_fill(eco_actor_type type);
const char *eco_i_type_font(eco_actor_type type);
const char *eco_i_kind_color(eco_tie_kind kind);
/* The kind as the legend reads it: for a directed kind, which end the arrow marks. */
const char *eco_i_kind_reading(eco_tie_kind kind);

/* Sets attribute name of a cgraph object (graph, node or edge) to value: the one place that
 * casts away const for Graphviz's setters.  0 or ECO_ENOMEM. */
int eco_i_diagram_set(void *obj, const char *name, const char *value);

/* Routes Graphviz's error messages to eco_i_graphviz_message rather than standard error. */
void eco_i_graphviz_begin(void);
const char *eco_i_graphviz_message(void);

/* Appends text escaped for HTML and for Graphviz's HTML-like labels: & < > " ' as entities,
 * bytes that are not UTF-8 as U+FFFD, control characters as spaces.  0 or ECO_ENOMEM. */
int eco_i_append_html(eco_i_buf *buf, const char *text);

/* A new graph of the actors of g with keep[i] set, in their order, and the ties among them
 * of the kinds in `kinds` (0: all) of at least min_weight (queries/filter.c). */
int eco_i_subgraph(eco_graph **out, const eco_graph *g, const unsigned char *keep, unsigned kinds,
                   double min_weight, eco_error *err);

#endif
