/*
 * export/report_internal.h - what the report's outline (report.c) and its sections
 * (report_sections.c) share: the figures computed once, and a writer for HTML or Markdown.
 */
#ifndef ECOMAP_REPORT_INTERNAL_H
#define ECOMAP_REPORT_INTERNAL_H

#include <stdio.h>

#include "diagram_internal.h"

typedef struct report {
    const eco_graph *g;             /* the map reported on */
    eco_report_options opt;         /* the options, completed to this version's */
    eco_stats stats;                /* counts and components */
    double *betweenness;            /* per actor */
    double *constraint;             /* per actor; NaN without ties */
    double *effective_size;         /* per actor; NaN without ties */
    eco_brokerage *roles;           /* Gould and Fernandez's roles by type */
    eco_communities *communities;   /* Leiden */
    eco_cuts *cuts;                 /* cut-points and bridges */
    size_t *bridge_cut;             /* per bridge: the actors it alone joins to the rest */
    size_t *bridge_order;           /* bridges, most cut off first */
    eco_doubt *doubts;              /* what ecomap check lists, most serious first */
    size_t doubt_count;             /* entries in doubts */
    size_t *brokers;                /* actor indices, highest betweenness first */
    size_t broker_count;            /* how many are profiled */
    int estimated;                  /* 1: betweenness estimated by sampling (big maps) */
    char *svg;                      /* the diagram */
    size_t svg_len;                 /* its bytes */
    char *overview_svg;             /* the communities' overview, or NULL */
    size_t overview_len;            /* its bytes */
} report;

typedef struct writer {
    FILE *fp;     /* where the report goes */
    int markdown; /* 1: Markdown; 0: HTML */
} writer;

/* Text from the map, escaped for the form. */
void eco_i_report_text(const writer *w, const char *s);

/* A section heading with its anchor (id), level 2 or 3. */
void eco_i_report_heading(const writer *w, int level, const char *id, const char *title);

/* A paragraph of the report's own words, written as they are (no record text in them). */
void eco_i_report_para(const writer *w, const char *words);

/* The sections, in the order of the table of contents. */
void eco_i_report_imported(const writer *w, const report *r);
void eco_i_report_measures(const writer *w, const report *r);
void eco_i_report_key_actors(const writer *w, const report *r);
void eco_i_report_communities(const writer *w, const report *r);
void eco_i_report_cuts(const writer *w, const report *r);
void eco_i_report_records(const writer *w, const report *r);
void eco_i_report_quality(const writer *w, const report *r);

/* The bridges' sizes: how many actors each alone joins to the rest, by one depth-first
 * search (r->bridge_cut and ->bridge_order).  O(n + m + bridges log bridges). */
int eco_i_report_bridge_sizes(report *r);

#endif
