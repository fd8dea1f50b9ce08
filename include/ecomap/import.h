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

#include "ecomap/common.h"
#include "ecomap/error.h"
#include "ecomap/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Called once for each warning (a file skipped, a row ignored); the warning is only valid
 * during the call. */
typedef void (*eco_warning_fn)(const eco_error *warning, void *context);

#define ECO_IMPORT_OPTIONS_VERSION 3

typedef struct eco_import_options {
    unsigned int version;   /* ECO_IMPORT_OPTIONS_VERSION */
    int strict;             /* 1: what would be a warning is an error instead */
    const char *format;     /* NULL to detect each input's format; else its name */
    eco_warning_fn warn;    /* receives warnings; NULL to drop them */
    void *warn_context;     /* handed to warn */
    const char *aliases;    /* CSV "alias,canonical[,type,country]" or NULL: names to
                               recognise in records, and to merge when the import ends */
    eco_progress_fn progress; /* NULL for none; else told the share of the input bytes read */
    void *progress_context;   /* handed to progress */
    const char *model;        /* NULL for the extractor's built-in models; else a folder of
                                 models trained on other labelled records by
                                 tools/train-extractor (docs/FORMAT.md) */
    const char *fix;          /* version 2: NULL, or the analyst's corrections file
                                 (docs/FORMAT.md), applied when resolution is done */
    const char *columns;      /* version 3: NULL, or a file naming which columns of a table of
                                 records hold its id, title, text, organisations... (docs/FORMAT.md) */
} eco_import_options;

#define ECO_IMPORT_OPTIONS_INIT                                                                    \
    {ECO_IMPORT_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/*
 * An import: the inputs listed so far, and what reading them shares (the alias file, the
 * spellings records use for each name, what one input leaves for the next to find).  Make
 * one, add every input, and finish it into a map:
 *
 *     eco_importer *imp = NULL;
 *     eco_graph *map = NULL;
 *     if ((rc = eco_importer_new(&imp, &opt, &err)) == 0 &&
 *         (rc = eco_importer_add_path(imp, "records", &err)) == 0)
 *         rc = eco_importer_finish(imp, &map, &err);
 *     eco_importer_free(imp);
 *
 * Inputs are listed when added and read when the import finishes, in an order that depends
 * on their contents alone (a hash of their bytes, then their length, then their path;
 * Kumu's elements sheets before its connections sheets), so that the order of paths,
 * folders against files, the order of a folder's entries and the files' names change
 * nothing but the record ids and sources that name the files.  A file is read when it is
 * listed, and its bytes are kept until its turn (past 512 MB of files, a file is read again
 * in its turn instead, so that memory stays bounded).
 */
typedef struct eco_importer eco_importer;

/*
 * Makes an importer with the options opt (NULL for the defaults; copied, so opt may go
 * away), reading opt->aliases and opt->fix now.  *out belongs to the caller, who frees it with
 * eco_importer_free.  0, or an ECO_E* code with err set (an alias or corrections file that
 * cannot be read or holds a bad line).  O(size of the alias file).
 */
ECO_EXPORT int eco_importer_new(eco_importer **out, const eco_import_options *opt,
                                eco_error *err);

/*
 * Lists a file, every file below a folder (recursively: hidden entries, folders nested
 * over 64 deep and links back to a folder the walk is in skipped, the last two with a
 * warning), or standard input for "-", reading each file to tell its format and hash it.
 * A file named twice, or named and below a folder named, is imported once; standard input
 * is read once, however often it is named.  In a folder, a file of no known format is a
 * warning and is skipped (an error when opt->strict); a path that gives nothing to read is
 * an error.  0, or an ECO_E* code with err set.  O(bytes listed).
 */
ECO_EXPORT int eco_importer_add_path(eco_importer *imp, const char *path, eco_error *err);

/* Lists len bytes of data, copied, as an input read from source (a name used in messages,
 * evidence and as its record's id).  0, or an ECO_E* code with err set (data of no known
 * format).  O(len). */
ECO_EXPORT int eco_importer_add_buffer(eco_importer *imp, const char *data, size_t len,
                                       const char *source, eco_error *err);

/*
 * Reads every input listed, in the order of their contents, into a new graph, then
 * resolves it: actors that are one body under several names become one actor (an acronym
 * defined for one and used as the other's name; "Portuguese X" and "X" in Portugal; a
 * shorter form of a long name in the same country; initials; a legal form); then every line
 * of opt->aliases merges the actors its alias and canonical name designate, renames the
 * result to the canonical name, and sets its type and country when the line gives them.
 * Actors of different countries are never merged.  Each actor takes the spelling that most
 * records named it by (not an acronym unless all are; then the longest; then the first in
 * byte order), ids made from names are made again from the final names, in order of
 * country where names collide, and the graph is put in the order the native map is written
 * in, so that the map does not depend on the order inputs were read in.  The corrections
 * file (opt->fix) has the last word: its apart lines refuse the merges the rules plan, and
 * its other lines apply after the alias file; a line that designates nothing is a warning.
 * *out receives the graph, which belongs to the caller.  Afterwards, whether it succeeded
 * or not, the importer can only be freed: a second call is ECO_EUSAGE.  0, or an ECO_E*
 * code with err set (lines of the corrections file that contradict each other in this
 * map: ECO_EDATA).  O(bytes + actors * aliases + ties log ties) expected.
 */
ECO_EXPORT int eco_importer_finish(eco_importer *imp, eco_graph **out, eco_error *err);

/* Frees an importer, every input it holds, and its map when it never finished.  NULL-safe.
 * O(inputs + size of the map). */
ECO_EXPORT void eco_importer_free(eco_importer *imp);

/* An import of n paths: eco_importer_new, eco_importer_add_path for each (in name order,
 * so that the first error does not depend on the order of the paths; a path given twice is
 * listed once), and eco_importer_finish.  opt may be NULL.  *out receives a new graph, the
 * caller's.  0, or an ECO_E* code with err set.  The time of the calls it makes. */
ECO_EXPORT int eco_import_paths(eco_graph **out, const char *const *paths, size_t n,
                                const eco_import_options *opt, eco_error *err);

/* An import of one buffer: eco_importer_new, eco_importer_add_buffer and
 * eco_importer_finish.  opt may be NULL.  *out receives a new graph, the caller's.  0, or
 * an ECO_E* code with err set.  The time of the calls it makes. */
ECO_EXPORT int eco_import_buffer(eco_graph **out, const char *data, size_t len,
                                 const char *source, const eco_import_options *opt,
                                 eco_error *err);

/* The name of the format that data looks like ("json", "csv"), or NULL when none fits. */
ECO_EXPORT const char *eco_import_detect(const char *data, size_t len);

/* The formats this version reads, as a NULL-terminated array of names. */
ECO_EXPORT const char *const *eco_import_formats(void);

/* ---- The analyst's corrections file, read alone ---------------------------------------- */

/* A corrections file (docs/FORMAT.md, "The corrections file"), to ask what it decides
 * about: ecomap check leaves out the doubts it settles.  An import applies one through
 * eco_import_options.fix instead. */
typedef struct eco_corrections eco_corrections;

/* Reads the corrections file at path into a new eco_corrections that belongs to the caller
 * (eco_corrections_free).  0, or an ECO_E* code with err naming the file, line and column,
 * as an import with it would.  Expected O(size of the file). */
ECO_EXPORT int eco_corrections_load(eco_corrections **out, const char *path, eco_error *err);

ECO_EXPORT void eco_corrections_free(eco_corrections *fix); /* NULL-safe */

/*
 * 1 when a line of fix whose verb is verb ("join", "apart", "not-actor", "type",
 * "country", "name", "drop-tie", "kind", "direction") names actor a of g, by its id or any
 * of its names and aliases (folded), and also actor b when b is not (size_t)-1, or the name
 * form when form is not NULL; with neither, a line about a alone.  Else 0.  Expected
 * O(names of a and b), whatever the size of the file.
 */
ECO_EXPORT int eco_corrections_names(const eco_corrections *fix, const eco_graph *g,
                                     const char *verb, size_t a, size_t b, const char *form);

/* Loads a native map from path ("-" for standard input) into a new graph that belongs to
 * the caller, exactly as it was saved: nothing is resolved.  A file of any other format is
 * ECO_EDATA.  O(size of the file). */
ECO_EXPORT int eco_graph_load(eco_graph **out, const char *path, eco_error *err);

#ifdef __cplusplus
}
#endif

#endif
