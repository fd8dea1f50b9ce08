/*
 * ecomap.h - everything ecomap offers, in one include.
 *
 * import -> graph -> query -> export: records and maps are imported into an eco_graph,
 * queried, and exported.  See docs/DESIGN.md for the picture and each header for details.
 */
#ifndef ECOMAP_H
#define ECOMAP_H

#include "ecomap/common.h"
#include "ecomap/diff.h"
#include "ecomap/diagram.h"
#include "ecomap/error.h"
#include "ecomap/export.h"
#include "ecomap/graph.h"
#include "ecomap/import.h"
#include "ecomap/query.h"
#include "ecomap/version.h"

#endif
