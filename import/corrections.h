/*
 * import/corrections.h - the analyst's corrections file (--fix FILE): lines a person
 * writes to overrule what resolution decided, read once when the importer is made and
 * applied on every import after resolution (docs/FORMAT.md, "The corrections file").
 *
 * Reading (import/corrections.c) checks the file alone: its syntax, and lines that
 * contradict each other.  Applying (import/corrections_apply.c) needs the map: a line that
 * designates no actor or tie there is a warning, not an error, since records change and a
 * file written for last month's map must still import.
 */
#ifndef ECOMAP_IMPORT_CORRECTIONS_H
#define ECOMAP_IMPORT_CORRECTIONS_H

#include <stddef.h>

#include "input.h"

typedef enum eco_i_fix_verb {
    ECO_FIX_JOIN,      /* join A B: one actor, named B */
    ECO_FIX_APART,     /* apart A B: resolution never makes them one actor */
    ECO_FIX_NOT_ACTOR, /* not-actor A: no organisation; the actor and its ties go */
    ECO_FIX_TYPE,      /* type A TYPE */
    ECO_FIX_COUNTRY,   /* country A COUNTRY */
    ECO_FIX_NAME,      /* name A NEW */
    ECO_FIX_DROP_TIE,  /* drop-tie A B [KIND] */
    ECO_FIX_KIND,      /* kind A B KIND */
    ECO_FIX_DIRECTION, /* direction A B directed|undirected */
    ECO_FIX_VERB_COUNT
} eco_i_fix_verb;

/* One line of the file. */
typedef struct eco_i_fix_line {
    eco_i_fix_verb verb; /* what it asks */
    int line;            /* 1-based */
    int column[4];       /* of the verb, then of each operand */
    char *operand[3];    /* the operands, unquoted (owned); NULL past operands */
    size_t operands;     /* how many it has */
    int value;           /* the type, kind or direction (1 directed) its last operand says;
                            the kind's index + 1 for drop-tie, 0 for any kind */
    const char *country; /* country: the country's English name, or NULL for none */
    size_t first[2];     /* where the actors its names designate start in the designations */
    size_t found[2];     /* how many each designates */
} eco_i_fix_line;

typedef struct eco_i_corrections {
    char *source;                  /* the file's path, for messages (owned) */
    eco_i_fix_line *lines;         /* every correction, in the file's order */
    size_t count, cap;             /* lines held; room */
    const eco_import_options *opt; /* where warnings go (the importer's; outlives this) */
    const char **designated;       /* actor ids the lines' names designate, when applied */
    size_t designated_count, designated_cap;
    size_t kept_apart;             /* merges resolution planned that apart lines refused */
} eco_i_corrections;

/* Reads the corrections file at path into a new eco_i_corrections that belongs to the
 * caller, who frees it with eco_i_corrections_free; opt receives its warnings when it is
 * applied.  0, or ECO_ENOINPUT, ECO_EIO, ECO_ENOMEM or ECO_EDATA with err naming the file,
 * line and column (a line of no known verb, a missing or extra operand, an unclosed quote,
 * bytes that are not UTF-8 text, two lines that contradict each other).  O(size of the file)
 * expected. */
int eco_i_corrections_load(eco_i_corrections **out, const char *path,
                           const eco_import_options *opt, eco_error *err);

/* The same for len bytes of text read from source. */
int eco_i_corrections_parse(eco_i_corrections **out, const char *text, size_t len,
                            const char *source, const eco_import_options *opt, eco_error *err);

void eco_i_corrections_free(eco_i_corrections *fix); /* NULL-safe */

/*
 * Resolution's veto: of the count merges it planned (kept[p] absorbing absorbed[p], indices
 * into g before any of them), leaves out those that would make one actor of the two sides of
 * an apart line, directly or through other merges, and tells opt's warning channel of each.
 * *count becomes the number kept, in order.  fix may be NULL.  0 or ECO_ENOMEM.
 * O(names in g + count * apart lines that designate the actors merged) expected.
 */
int eco_i_corrections_veto(eco_i_corrections *fix, const eco_graph *g, size_t *kept,
                           size_t *absorbed, size_t *count);

/*
 * Applies every line to g, which resolution has finished: joins, then names, types and
 * countries, then ties, then actors that are no actors; tells opt's warning channel of each
 * line that designates nothing (an error with opt->strict) and, in one line, what was
 * merged, dropped and changed.  A join that would make one actor of what an apart line
 * keeps apart is ECO_EDATA.  fix may be NULL.  0, or an ECO_E* code with err set.
 * O(names in g + lines * (operand length + degree) + joins * (actors + ties)) expected.
 */
int eco_i_corrections_apply(eco_i_corrections *fix, eco_graph *g, eco_error *err);

#endif
