/*
 * import/prose/ties.h - the ties one sentence states (import/prose/ties.c).
 */
#ifndef ECOMAP_IMPORT_PROSE_TIES_H
#define ECOMAP_IMPORT_PROSE_TIES_H

#include "prose.h"

struct eco_i_span_context;

/* One sentence, as the tie decisions read it. */
typedef struct eco_i_said {
    const char *text;            /* the sentence */
    size_t len;                  /* its bytes */
    int line;                    /* its line in the file */
    const eco_i_mentions *names; /* the names it holds, in order */
    const size_t *actors;        /* the actor of each name, or ECO_I_NONE */
    size_t subject;              /* the actor its passage is about, or ECO_I_NONE */
    size_t lab;                  /* the record's lab (a UNDP record's), or ECO_I_NONE */
    size_t partner;              /* the partner a description describes, or ECO_I_NONE */
    eco_i_field field;           /* where it stands in the record */
} eco_i_said;

/*
 * Adds to r the ties sentence s states between the actors it names and its subject: the
 * rules' ties, and partnerships the tie model (ctx's) sees where they see none (ties.c);
 * names side by side with no cue phrase are "related".  The observer of ctx, if any, is
 * shown every pair the model would decide.  0 or ECO_ENOMEM.  O(names^2 + length of the sentence).
 */
int eco_i_tie_sentence(eco_i_record *r, const eco_i_said *s, const struct eco_i_span_context *ctx);

#endif
