/*
 * ecomap/import.h - reading maps and records into a graph.
 *
 * The format of each input is detected from its content, never from its file name.  This
 * version reads ecomap's native JSON, plain CSV files of ties, and records: UNDP
 * Accelerator Lab plans, experiments and solutions ("undp"), Participedia entries
 * ("participedia"), OECD OPSI case studies ("opsi"), UN Public Service Awards nominations
 * ("unpsa"), video and meeting summaries ("video"), and any other text ("text"), from which
 * organisations, their types, and the ties between them are extracted with the sentence
 * that states each tie.  It also reads other tools' maps: Kumu spreadsheets ("kumu") and
 * project JSON ("kumu-json"), NetworkX node-link ("node-link"), Cytoscape.js
 * ("cytoscape"), GraphML ("graphml") and Participedia's CSV export ("participedia-csv").
 * eco_import_formats lists them all.
 */
#ifndef ECOMAP_IMPORT_H
#define ECOMAP_IMPORT_H

#include <stddef.h>

#include "ecomap/error.h"
#include "ecomap/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Called once for each warning (a file skipped, a row ignored); the warning is only valid
 * during the call. */
typedef void (*eco_warning_fn)(const eco_error *warning, void *context);

typedef struct eco_import_options {
    int strict;             /* 1: what would be a warning is an error instead */
    const char *format;     /* NULL to detect each input's format; else its name */
    eco_warning_fn warn;    /* receives warnings; NULL to drop them */
    void *warn_context;     /* handed to warn */
    const char *aliases;    /* CSV "alias,canonical[,type,country]" or NULL: names to
                               recognise in records, and to merge by eco_import_resolve */
    eco_progress_fn progress; /* NULL for none; else told the share of the input bytes read */
    void *progress_context;   /* handed to progress */
} eco_import_options;

#define ECO_IMPORT_OPTIONS_INIT {0, NULL, NULL, NULL, NULL, NULL, NULL}

/*
 * Imports files, every file below folders (recursively), and standard input for a path
 * "-", into g.  Every file is listed first, and a file named twice (or named and below a
 * folder named) is read once; then they are read in an order that depends on their
 * contents alone (a hash of their bytes, then their length, then their path; Kumu's
 * elements sheets before its connections sheets), so that
 * the order of paths, folders against files, the order of a folder's entries and the
 * files' names change nothing but the record ids and sources that name the files.  In a
 * folder, a file of no known format is a warning and is skipped (an error when
 * opt->strict); a path that gives nothing to read is an error.  opt may be NULL.  On error
 * err says where, and g may hold part of the input: import into a fresh graph to keep a
 * good one intact.  Each file is read twice: to list it, and to import it.
 */
int eco_import_paths(eco_graph *g, const char *const *paths, size_t n,
                     const eco_import_options *opt, eco_error *err);

/* eco_import_paths of one path. */
int eco_import_path(eco_graph *g, const char *path, const eco_import_options *opt,
                    eco_error *err);

/* Imports len bytes of data read from source (a name used in messages and evidence). */
int eco_import_buffer(eco_graph *g, const char *data, size_t len, const char *source,
                      const eco_import_options *opt, eco_error *err);

/*
 * Entity resolution across everything imported into g, to run once after the last input:
 * actors that are one body under several names become one actor holding all the names as
 * aliases (an acronym defined for one and used as the other's name; "Portuguese X" and
 * "X" in Portugal; a shorter form of a long name in the same country, "Secretariat of
 * Higher Education and Innovation"); then every line of opt->aliases, when given, merges
 * the actors its alias and canonical name designate, renames the result to the canonical
 * name, and sets its type and country when the line gives them.  Actors of different
 * countries are never merged.  Before merging, each actor takes the spelling that most
 * records named it by (not an acronym unless all are; then the longest; then the first in
 * byte order); and after it, ids made from names are made again from the final names, in
 * order of country where names collide, and g is put in the order the native map is
 * written in, so that names, ids and order do not depend on the order inputs were read in.
 * opt may be NULL.  O(actors * aliases + ties log ties) expected.
 */
int eco_import_resolve(eco_graph *g, const eco_import_options *opt, eco_error *err);

/* The name of the format that data looks like ("json", "csv"), or NULL when none fits. */
const char *eco_import_detect(const char *data, size_t len);

/* The formats this version reads, as a NULL-terminated array of names. */
const char *const *eco_import_formats(void);

/* Loads a native map from path ("-" for standard input) into a new graph that belongs to
 * the caller.  A file of any other format is ECO_EDATA. */
int eco_graph_load(eco_graph **out, const char *path, eco_error *err);

#ifdef __cplusplus
}
#endif

#endif
