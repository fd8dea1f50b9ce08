/*
 * ecomap/diagram.h - diagrams and reports that go into documents as they are.
 *
 * A diagram is built as a Graphviz graph: shape and colour by actor type from one
 * colour-blind-safe palette (Okabe and Ito), node size by a measure, pen width by tie
 * weight, line style by tie kind, a title, and a legend of every type and kind drawn.
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
#define ECO_DIAGRAM_OPTIONS_VERSION 1

typedef struct eco_diagram_options {
    unsigned int version;   /* ECO_DIAGRAM_OPTIONS_VERSION */
    const char *title;      /* drawn above the legend; NULL for none */
    eco_measure size_by;    /* what node size shows; ECO_MEASURE_BETWEENNESS by default */
    eco_cluster_by cluster; /* boxes around groups of actors */
    size_t top;             /* draw only the top actors by size_by, and the ties among them;
                               0 for all */
    const char *focus;      /* draw only this actor (any name or alias) and its neighbours */
    size_t hops;            /* how far around focus; 1 when 0 */
    const char *layout;     /* Graphviz engine; NULL: dot up to 150 actors, sfdp above */
    int hide_related;       /* 1: leave out `related` ties */
} eco_diagram_options;

#define ECO_DIAGRAM_OPTIONS_INIT                                                                   \
    {ECO_DIAGRAM_OPTIONS_VERSION, NULL, ECO_MEASURE_BETWEENNESS, ECO_CLUSTER_NONE, 0, NULL, 0,     \
     NULL, 0}

/* Writes the diagram of g as DOT text, built with Graphviz's cgraph, to out.  destination
 * names out in messages.  opt may be NULL.  Every name is escaped: quotes, backslashes,
 * <, >, & and new lines in a name show as written and cannot break the output. */
ECO_EXPORT int eco_diagram_dot(const eco_graph *g, const eco_diagram_options *opt, FILE *out,
                               const char *destination, eco_error *err);

/*
 * Lays out and renders the diagram of g with Graphviz to path ("-" for standard output), in
 * format "svg", "png" or "pdf", or writes it unlaid as "dot" (NULL: from path's
 * extension).  The layout engine is opt->layout, or chosen by size.  O(layout), which for
 * dot grows faster than the number of actors.
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

#define ECO_REPORT_OPTIONS_VERSION 1

typedef struct eco_report_options {
    unsigned int version;        /* ECO_REPORT_OPTIONS_VERSION */
    eco_report_format format;    /* HTML or Markdown */
    const char *title;           /* the report's title; NULL for "Ecosystem map" */
    size_t top;                  /* brokers listed; 0 for 15 */
    eco_diagram_options diagram; /* how the diagram is drawn */
} eco_report_options;

#define ECO_REPORT_OPTIONS_INIT                                                                    \
    {ECO_REPORT_OPTIONS_VERSION, ECO_REPORT_HTML, NULL, 0, ECO_DIAGRAM_OPTIONS_INIT}

/*
 * Writes a report on g to path: what was imported (records by kind, actors by type, ties by
 * kind), the diagram, the key brokers (centralities, roles, constraint), the communities,
 * the cut-points, and for each tie in the tables its evidence and records.  Text from the
 * records is always escaped.  Markdown reports write the diagram beside path as
 * NAME.svg.  Files appear whole or not at all.
 */
ECO_EXPORT int eco_report_write(const eco_graph *g, const eco_report_options *opt, const char *path,
                                eco_error *err);

#ifdef __cplusplus
}
#endif

#endif
