/*
 * ecomap/common.h - what every public header shares: the mark of a public function.
 *
 * libecomap is built with -fvisibility=hidden, so that the functions its modules share
 * (eco_i_*) stay inside the library; a function is exported only when its declaration in
 * a public header starts with ECO_EXPORT:
 *
 *     ECO_EXPORT int eco_graph_new(eco_graph **out);
 *
 * Options structs follow one rule too: `unsigned int version` comes first, set by the
 * struct's _INIT macro to its version macro (ECO_QUERY_OPTIONS_VERSION, ECO_FILTER_VERSION,
 * ...), and a function refuses, with ECO_EUSAGE, a struct of a version it does not know,
 * so that a program built against other headers than the library it runs with fails
 * cleanly instead of misreading fields.
 */
#ifndef ECOMAP_COMMON_H
#define ECOMAP_COMMON_H

#if defined(__GNUC__) /* GCC and Clang */
#define ECO_EXPORT __attribute__((visibility("default")))
#else
#define ECO_EXPORT
#endif

#endif
