/*
 * tools/train/gold.h - the labelled records the extractor learns from (../shared/gold).
 *
 * A gold file lists actors (a name, other names, a type, a country, whether an importer must
 * find it, the records that name it) and ties between them.  A fully labelled file names
 * every organisation of its records, so a span that matches none of them is no actor; a
 * file of partners only (UNDP's curated partners) says what is an actor and of which type,
 * but not what is not.
 */
#ifndef ECOMAP_TOOLS_TRAIN_GOLD_H
#define ECOMAP_TOOLS_TRAIN_GOLD_H

#include <stddef.h>

#include "ecomap.h"

typedef struct gold_actor {
    char *name;            /* as the file spells it (owned) */
    char **forms;          /* name and aliases, folded (owned) */
    size_t form_count;
    eco_actor_type type;   /* UNKNOWN when the file gives none */
    char *country;         /* NULL when none (owned) */
    int core;              /* 1: an importer must find it */
} gold_actor;

typedef struct gold_tie {
    size_t a, b;           /* actor indices in the file; a is the funder, host ... when directed */
    eco_tie_kind kind;
    int directed;          /* 1 when the file says which way it points */
    int core;
} gold_tie;

typedef struct gold_record {
    char *name;            /* the record's file name (owned) */
    size_t *actors;        /* indices of the actors that name it (owned) */
    size_t actor_count;
    int fully_labelled;    /* 1 when every organisation it names is listed */
} gold_record;

typedef struct gold_file {
    char *path;            /* (owned) */
    int fully_labelled;    /* 1 for annotated-24 and the seeds; 0 for partners only */
    gold_actor *actors;
    size_t actor_count;
    gold_tie *ties;
    size_t tie_count;
    gold_record *records;
    size_t record_count;
} gold_file;

/* Reads a gold file.  0, or an ECO_E* code with err set. */
int gold_load(gold_file *out, const char *path, int fully_labelled, eco_error *err);
void gold_free(gold_file *g);

/* The folded form of a name as the scorer folds it: case, accents, punctuation and a
 * leading "the" aside.  Writes at most n bytes into buf. */
void gold_fold(char *buf, size_t n, const char *name);

/* The index of the actor of record r whose forms hold the folded text, or -1. */
long gold_match(const gold_file *g, const gold_record *r, const char *folded);

#endif
