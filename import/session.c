/*
 * import/session.c - what every reader of one import may use, whatever its format: the
 * channel for warnings, and the votes records cast for the spellings of names.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"

int eco_i_warn(const eco_import_options *opt, eco_error *err, const char *source, int line,
               int column, const char *fmt, ...)
{
    eco_error warning = {0};
    va_list ap;

    va_start(ap, fmt);
    if (opt->strict) {
        eco_error_setv(err, ECO_EDATA, source, line, column, fmt, ap);
        va_end(ap);
        return ECO_EDATA;
    }
    eco_error_setv(&warning, ECO_EDATA, source, line, column, fmt, ap);
    va_end(ap);
    if (opt->warn)
        opt->warn(&warning, opt->warn_context);
    return 0;
}

void eco_i_notice(const eco_import_options *opt, const char *source, int line, int column,
                  const char *fmt, ...)
{
    eco_error note = {0};
    va_list ap;

    if (!opt || !opt->warn)
        return;
    va_start(ap, fmt);
    eco_error_setv(&note, ECO_EDATA, source, line, column, fmt, ap);
    va_end(ap);
    opt->warn(&note, opt->warn_context);
}

/* ---- Votes for names -------------------------------------------------------------------- */

void eco_i_votes_init(eco_i_votes *v, eco_graph *graph)
{
    memset(v, 0, sizeof(*v));
    v->graph = graph;
}

void eco_i_votes_free(eco_i_votes *v)
{
    if (!v)
        return;
    eco_i_map_free(&v->tally_of);
    free(v->tallies);
}

int eco_i_vote(eco_i_votes *v, const char *name, const char *record)
{
    int rc = 0;
    const char *pooled = eco_i_graph_intern(v->graph, name, &rc);
    size_t at;

    /* the records of a reader vote in turn: the one that voted last is most often voting */
    if (!record)
        record = "";
    if (!v->voter || strcmp(v->voter, record) != 0)
        v->voter = eco_i_graph_intern(v->graph, record, &rc);
    const char *voter = v->voter;

    if (rc < 0 || !pooled || !voter)
        return rc < 0 ? rc : ECO_EUSAGE;
    if (eco_i_reserve(&v->tallies, &v->tally_cap, v->tally_count + 1, sizeof(*v->tallies)) < 0 ||
        (rc = eco_i_map_get_or_put(&v->tally_of, eco_i_ptr_key(pooled), v->tally_count, &at)) < 0)
        return ECO_ENOMEM;
    if (rc == 0) { /* the first vote for this spelling */
        v->tallies[v->tally_count++] = (eco_i_tally){voter, 1};
        return 0;
    }
    /* A record is read whole before the next: the record that voted last for a spelling is
     * the only one that can be voting again. */
    if (v->tallies[at].last_voter != voter) {
        v->tallies[at].last_voter = voter;
        v->tallies[at].count++;
    }
    return 0;
}

size_t eco_i_votes_for(const eco_i_votes *v, const char *name)
{
    const char *pooled = v && v->graph ? eco_i_pool_find(eco_i_graph_pool(v->graph), name) : NULL;
    size_t at;

    return pooled && eco_i_map_get(&v->tally_of, eco_i_ptr_key(pooled), &at) ? v->tallies[at].count
                                                                             : 0;
}
