/*
 * ecomap/diagram.h - diagrams and reports that go into documents as they are, and the
 * interactive map.
 *
 * A diagram is built as a Graphviz graph: shape and colour by actor type from one
 * colour-blind-safe palette (Okabe and Ito), node size by a measure, pen width by tie
 * weight, line style by tie kind, a title, a legend of every type and kind drawn, and a
 * caption that says what was left out.  A diagram is made for a page: it draws what fits
 * with every label at least a stated size, and lays out only what it draws.
 * Files are written atomically, as every ecomap output is.
 *
 * Unlike the rest of ecomap, these functions may end the process when memory runs out:
 * Graphviz does not check its own allocations (cgraph crashes, gvc exits by design), so
 * ECO_ENOMEM is returned only for ecomap's own.
 */
#ifndef ECOMAP_DIAGRAM_H
#define ECOMAP_DIAGRAM_H

#include <stddef.h>
#include <stdio.h>

#include "ecomap/common.h"
#include "ecomap/error.h"
#include "ecomap/graph.h"
#include "ecomap/query.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum eco_cluster_by {
    ECO_CLUSTER_NONE = 0,
    ECO_CLUSTER_TYPE,      /* a box around each actor type */
    ECO_CLUSTER_COUNTRY,   /* a box around each country (none for actors without one) */
    ECO_CLUSTER_COMMUNITY  /* a box around each Leiden community */
} eco_cluster_by;

/* Options start from ECO_DIAGRAM_OPTIONS_INIT, or ECO_REPORT_OPTIONS_INIT for reports,
 * which set their versions: a function refuses options of a version it does not know with
 * ECO_EUSAGE (ecomap/common.h). */
#define ECO_DIAGRAM_OPTIONS_VERSION 2

typedef struct eco_diagram_options {
    unsigned int version;   /* ECO_DIAGRAM_OPTIONS_VERSION */
    const char *title;      /* drawn above the legend; NULL for none */
    eco_measure size_by;    /* what node size shows, and which actors matter most;
                               ECO_MEASURE_BETWEENNESS by default */
    eco_cluster_by cluster; /* boxes around groups of actors */
    size_t top;             /* draw the top actors by size_by, and the actors on the shortest
                               paths that join them; 0 for as many as the page holds */
    const char *focus;      /* draw only this actor (any name or alias) and its neighbours */
    size_t hops;            /* how far around focus; 1 when 0 */
    const char *layout;     /* Graphviz engine; NULL: neato for a page (fdp with clusters),
                               dot up to 150 actors and sfdp above without one */
    int hide_related;       /* 1: leave out `related` ties */
    /* Version 2 */
    const char *page;       /* "a4", "letter" or "a3", with ",landscape" for the long side
                               across, or "none" to draw everything at its natural size;
                               NULL for "a4" */
    double label_points;    /* the smallest label on the page, in points; 0 for 8 */
    int keep_small;         /* 1: draw isolated actors and components of two on a whole-map
                               diagram too; 0 leaves them out and counts them in the caption */
    eco_cluster_by overview; /* not NONE: one node per type, country or community, with the
                                ties between groups summed, instead of one per actor */
} eco_diagram_options;

#define ECO_DIAGRAM_OPTIONS_INIT                                                                   \
    {ECO_DIAGRAM_OPTIONS_VERSION, NULL, ECO_MEASURE_BETWEENNESS, ECO_CLUSTER_NONE, 0, NULL, 0,     \
     NULL, 0, NULL, 0, 0, ECO_CLUSTER_NONE}

/*
 * What a diagram draws, for a page (opt->page; NULL is A4 portrait).  A whole-map diagram
 * leaves out isolated actors and components of two (unless opt->keep_small), ranks the rest
 * by opt->size_by, and draws the most central actors with labels and the actors on the
 * shortest paths that join them, fewer and fewer until the laid-out drawing fits the page
 * with no label below opt->label_points, but never fewer than the 50 most central (or
 * opt->top) and the ties among them; the actors that join them go unlabelled, as dots, when
 * their labels do not fit.  The caption says how many actors are drawn of how many, and
 * what was left out.  With a focus, the neighbourhood is drawn whole.  Every name is
 * escaped: quotes, backslashes, <, >, & and new lines in a name show as written.
 *
 * Writes the diagram of g as DOT text, built with Graphviz's cgraph, to out.  destination
 * names out in messages.  opt may be NULL.  Time: the size measure on the whole map, O(top
 * * (actors + ties)) to join the most central actors, and a few layouts of what is drawn
 * (a page holds a few hundred actors at most), whatever the size of the map.
 */
ECO_EXPORT int eco_diagram_dot(const eco_graph *g, const eco_diagram_options *opt, FILE *out,
                               const char *destination, eco_error *err);

/*
 * Lays out and renders the diagram of g with Graphviz to path ("-" for standard output), in
 * format "svg", "png" or "pdf", or writes it unlaid as "dot" (NULL: from path's
 * extension).  What is drawn, and the time, are eco_diagram_dot's; with opt->page "none",
 * everything is laid out, which for dot grows faster than the number of actors.  The
 * drawing is at its natural size (1 point of layout is 1 point on the page), at most the
 * page's printable area; PNG is at 96 dots per inch.
 */
ECO_EXPORT int eco_diagram_render(const eco_graph *g, const eco_diagram_options *opt,
                                  const char *format, const char *path, eco_error *err);

/* Renders the diagram into memory: *out receives *len bytes that belong to the caller
 * (free()), NUL-terminated. */
ECO_EXPORT int eco_diagram_render_data(char **out, size_t *len, const eco_graph *g,
                                       const eco_diagram_options *opt, const char *format,
                                       eco_error *err);

typedef enum eco_report_format {
    ECO_REPORT_HTML = 0, /* one self-contained file: inline SVG and CSS, no script */
    ECO_REPORT_MARKDOWN  /* Markdown, with the diagram as an SVG file beside it */
} eco_report_format;

#define ECO_REPORT_OPTIONS_VERSION 2

typedef struct eco_report_options {
    unsigned int version;        /* ECO_REPORT_OPTIONS_VERSION */
    eco_report_format format;    /* HTML or Markdown */
    const char *title;           /* the report's title; NULL for "Ecosystem map" */
    size_t top;                  /* brokers listed; 0 for 15 */
    eco_diagram_options diagram; /* how the diagram is drawn */
    /* Version 2 */
    const char *diagram_path;    /* Markdown: where the diagram goes; NULL for NAME.svg beside
                                    NAME.md, which is never written over unless an earlier
                                    report of that name wrote it */
} eco_report_options;

#define ECO_REPORT_OPTIONS_INIT                                                                    \
    {ECO_REPORT_OPTIONS_VERSION, ECO_REPORT_HTML, NULL, 0, ECO_DIAGRAM_OPTIONS_INIT, NULL}

/*
 * Writes a report on g to path: what was imported (records by kind, actors by type, ties by
 * kind), the diagram, the key brokers (centralities, roles, constraint), the communities,
 * the cut-points, and for each tie in the tables its evidence and records.  Text from the
 * records is always escaped.  Markdown reports write the diagram beside path as
 * NAME.svg.  Files appear whole or not at all.
 */
ECO_EXPORT int eco_report_write(const eco_graph *g, const eco_report_options *opt, const char *path,
                                eco_error *err);

/* ---- The interactive map ---------------------------------------------------------------- */

#define ECO_VIEW_OPTIONS_VERSION 1

typedef struct eco_view_options {
    unsigned int version; /* ECO_VIEW_OPTIONS_VERSION */
    const char *title;    /* the page's title; NULL for "Ecosystem map" */
    eco_measure size_by;  /* what an actor's size shows */
} eco_view_options;

#define ECO_VIEW_OPTIONS_INIT {ECO_VIEW_OPTIONS_VERSION, NULL, ECO_MEASURE_BETWEENNESS}

/*
 * Writes the interactive map of g to path: one self-contained HTML file that works offline
 * and fetches nothing, with every actor placed by Graphviz beforehand (neato up to 2,000
 * actors, sfdp above), pan and zoom, search by any name or alias, filters by type, tie
 * kind, country and year, and a panel that shows a clicked actor's ties, the sentences
 * that state them and their records, with its neighbourhood highlighted.  Its
 * Content-Security-Policy allows its own script and style only; record text is data, shown
 * as text, never run.  opt may be NULL.  Time: the size measure, then the layout (sfdp:
 * about O(n log n) per iteration), then O(actors + ties + evidence) to write.
 */
ECO_EXPORT int eco_view_write(const eco_graph *g, const eco_view_options *opt, const char *path,
                              eco_error *err);

#ifdef __cplusplus
}
#endif

#endif
