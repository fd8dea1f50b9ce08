/*
 * export/export_internal.h - what the writers of export/ share: files that appear whole or
 * not at all, and the deterministic order of actors and ties.
 */
#ifndef ECOMAP_EXPORT_INTERNAL_H
#define ECOMAP_EXPORT_INTERNAL_H

#include <stdio.h>

#include "ecomap/export.h"

/* An output file being written: a temporary file beside the destination until commit. */
typedef struct eco_i_output {
    FILE *fp;          /* where to write */
    char *path;        /* the destination, or NULL for standard output */
    char *temp_path;   /* the temporary file, or NULL for standard output */
    const char *name;  /* the destination as shown in messages */
} eco_i_output;

/* Opens a temporary file in path's folder, or standard output when path is "-". */
int eco_i_output_open(eco_i_output *out, const char *path, eco_error *err);

/* Flushes, syncs and renames the temporary file over the destination; on any failure the
 * temporary file is removed and the destination left as it was. */
int eco_i_output_commit(eco_i_output *out, eco_error *err);

/* Removes the temporary file.  NULL-safe and safe after commit. */
void eco_i_output_abort(eco_i_output *out);

/* Actor indices sorted by id, and tie indices sorted by their ends' ids, kind and
 * direction: the order every writer uses.  Both arrays belong to the caller (free()). */
int eco_i_sorted_actors(const eco_graph *g, size_t **out);
int eco_i_sorted_ties(const eco_graph *g, size_t **out);

/* The writers, each writing g to fp. */
int eco_i_write_native(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                       const char *destination, eco_error *err);
int eco_i_write_node_link(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                          const char *destination, eco_error *err);

#endif
