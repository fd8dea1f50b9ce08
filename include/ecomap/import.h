/*
 * ecomap/import.h - reading maps and records into a graph.
 *
 * The format of each input is detected from its content, never from its file name.  This
 * version reads ecomap's native JSON and plain CSV files of ties.
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
} eco_import_options;

#define ECO_IMPORT_OPTIONS_INIT {0, NULL, NULL, NULL}

/*
 * Imports a file, every file below a folder (recursively, in name order), or standard input
 * when path is "-", into g.  In a folder, a file of no known format is a warning and is
 * skipped (an error when opt->strict).  opt may be NULL.  On error err says where, and g may
 * hold part of the input: import into a fresh graph to keep a good one intact.
 */
int eco_import_path(eco_graph *g, const char *path, const eco_import_options *opt,
                    eco_error *err);

/* Imports len bytes of data read from source (a name used in messages and evidence). */
int eco_import_buffer(eco_graph *g, const char *data, size_t len, const char *source,
                      const eco_import_options *opt, eco_error *err);

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
