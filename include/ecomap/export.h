/*
 * ecomap/export.h - writing a graph out.
 *
 * Files are written to a temporary file in the destination's folder, flushed and renamed
 * over the destination only when all went well: a failed export leaves no partial file and
 * never alters a file that was there before.
 */
#ifndef ECOMAP_EXPORT_H
#define ECOMAP_EXPORT_H

#include <stdio.h>

#include "ecomap/common.h"
#include "ecomap/error.h"
#include "ecomap/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum eco_export_format {
    ECO_EXPORT_JSON = 0,  /* ecomap's native map, docs/FORMAT.md */
    ECO_EXPORT_NODE_LINK, /* NetworkX node-link JSON */
    ECO_EXPORT_CYTOSCAPE, /* Cytoscape.js elements JSON, also read by NetworkX */
    ECO_EXPORT_GRAPHML,   /* GraphML, lists joined with '|' */
    ECO_EXPORT_GEXF,      /* GEXF 1.3 with viz colour by type and size by degree, for Gephi */
    ECO_EXPORT_KUMU,      /* Kumu's spreadsheet CSV: elements, connections, records files */
    ECO_EXPORT_NEO4J,     /* neo4j-admin import CSV: nodes and relationships files */
    ECO_EXPORT_DOT        /* Graphviz DOT, styled as eco_diagram_dot draws it */
} eco_export_format;

/* Options start from ECO_EXPORT_OPTIONS_INIT, which sets their version: an export refuses
 * options of a version it does not know with ECO_EUSAGE (ecomap/common.h). */
#define ECO_EXPORT_OPTIONS_VERSION 1

typedef struct eco_export_options {
    unsigned int version; /* ECO_EXPORT_OPTIONS_VERSION */
    int node_link_links;  /* node-link: name the tie list "links", as older NetworkX wants */
} eco_export_options;

#define ECO_EXPORT_OPTIONS_INIT {ECO_EXPORT_OPTIONS_VERSION, 0}

/* Parses a format name as listed by eco_export_formats.  ECO_EUSAGE for any other name. */
ECO_EXPORT int eco_export_format_from_name(eco_export_format *out, const char *name);

/* The names eco_export_format_from_name accepts, as a NULL-terminated array. */
ECO_EXPORT const char *const *eco_export_formats(void);

/*
 * Writes g in format to out.  destination names out in error messages.  opt may be NULL.
 * Output is deterministic: actors sorted by id, ties by their actors' ids and kind, so the
 * same graph always gives the same bytes.  A format of several files (kumu, neo4j) writes
 * its tables one after another, each after two empty rows but the first, as Kumu reads
 * sections of one sheet.  O((actors + ties + evidence) log(actors + ties)).
 */
ECO_EXPORT int eco_export_stream(const eco_graph *g, eco_export_format format,
                                 const eco_export_options *opt, FILE *out, const char *destination,
                                 eco_error *err);

/*
 * Writes g in format to path ("-" for standard output), atomically as said above.  A format
 * of several files writes each table to path with a final ".csv" cut off and the table's
 * suffix appended ("map.csv" gives "map.elements.csv", "map.connections.csv" and
 * "map.records.csv" for kumu; "map.nodes.csv" and "map.relationships.csv" for neo4j); all
 * of them are replaced together or none is.  docs/FORMAT.md describes each format.
 */
ECO_EXPORT int eco_export_file(const eco_graph *g, eco_export_format format,
                               const eco_export_options *opt, const char *path, eco_error *err);

/* Saves g as a native map; the same as eco_export_file with ECO_EXPORT_JSON. */
ECO_EXPORT int eco_graph_save(const eco_graph *g, const char *path, eco_error *err);

/*
 * For programs: makes SIGINT, SIGTERM and SIGHUP remove the temporary files of every output
 * being written (".NAME.XXXXXX" beside NAME), then end the process as the signal would
 * have.  A signal that is ignored when this is called stays ignored.  A library does not
 * change how its process handles signals unless asked, so nothing calls this but main().
 * Returns 0, or ECO_EINTERNAL when the system refuses a handler.  O(1).
 */
ECO_EXPORT int eco_export_catch_signals(void);

/*
 * For a process whose end another process reports (ecomap draws in a child): makes
 * SIGABRT, SIGTRAP, SIGSEGV and SIGBUS, with which Graphviz, Pango and GLib end a process
 * when memory runs out, remove the temporary files of every output being written, then end
 * the process as the signal would have.  Sanitizers want these signals for themselves, so
 * only such a child calls it.  Returns 0, or ECO_EINTERNAL.  O(1).
 */
ECO_EXPORT int eco_export_catch_crashes(void);

#ifdef __cplusplus
}
#endif

#endif
