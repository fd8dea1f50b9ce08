/*
 * export/diagram_internal.h - the styled Graphviz graph that DOT export, rendering and the
 * report share.
 */
#ifndef ECOMAP_DIAGRAM_INTERNAL_H
#define ECOMAP_DIAGRAM_INTERNAL_H

#include "ecomap/diagram.h"
#include "export_internal.h"

typedef struct eco_i_diagram {
    const eco_graph *map;           /* what is drawn: the map, or the part of it selected */
    eco_graph *owned;               /* map when this diagram made it; freed with it */
    double *size;                   /* each actor's size_by value */
    double max_size;                /* the largest of them (0 when none is positive) */
    const char **group;             /* each actor's cluster label, or NULL */
    eco_communities *communities;   /* when clustering by community */
    const char *engine;             /* the layout engine to use */
    size_t *degree;                 /* ties at each actor */
    size_t *leaves;                 /* leaf neighbours placed so far, per actor */
    struct Agraph_s *graph;         /* the cgraph graph */
} eco_i_diagram;

/* Builds the styled graph of g as opt asks.  On error, close it all the same. */
int eco_i_diagram_build(eco_i_diagram *d, const eco_graph *g, const eco_diagram_options *opt,
                        eco_error *err);
void eco_i_diagram_close(eco_i_diagram *d);

/* Routes Graphviz's error messages to eco_i_graphviz_message rather than standard error. */
void eco_i_graphviz_begin(void);
const char *eco_i_graphviz_message(void);

/* Appends text escaped for HTML and for Graphviz's HTML-like labels: & < > " ' as entities,
 * bytes that are not UTF-8 as U+FFFD, control characters as spaces.  0 or ECO_ENOMEM. */
int eco_i_append_html(eco_i_buf *buf, const char *text);

#endif
