/*
 * import/importer.c - the importer: one object for one import, from the inputs added to it
 * to the resolved map it finishes into.
 *
 * It owns what reading the inputs shares: the options, the user's alias file (read once,
 * when it is made), the list of inputs and their bytes (import/inputs.c), the spellings
 * records vote for, and the memory each wing of readers keeps from input to input (Kumu's
 * stand-ins, the names already resolved, what each UNDP prompt asks).  Finishing reads the
 * inputs in the order of their contents, hands each to the reader of its format, and then
 * resolves the map (import/resolve.c): no caller can forget to.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "corrections.h"
#include "hub.h"
#include "learning.h"

enum { OPEN, FINISHED };

struct eco_importer {
    eco_import_options opt; /* a copy of the caller's, with strings of its own */
    char *format;           /* opt.format's copy (owned) */
    char *aliases;          /* opt.aliases's copy (owned) */
    char *fix_path;         /* opt.fix's copy (owned) */
    eco_i_column_map *columns; /* opt.columns, read when the importer was made */
    eco_i_lexicon *user;    /* opt.aliases, read when the importer was made */
    eco_i_corrections *fix; /* opt.fix, read when the importer was made */
    eco_i_models *models;   /* the extractor's models, read when the importer was made */
    eco_graph *graph;       /* what the inputs are read into (owned until finished) */
    eco_i_session session;  /* what the readers see of the importer */
    eco_i_inputs inputs;    /* every input listed, with its bytes */
    int state;              /* OPEN, or FINISHED once eco_importer_finish ran */
};

static char *copy_or_null(const char *s, int *rc)
{
    char *copy = s ? malloc(strlen(s) + 1) : NULL;
    if (s && !copy)
        *rc = ECO_ENOMEM;
    return copy ? strcpy(copy, s) : NULL;
}

/* An importer; with_models 0 leaves it to read records with the rules alone, for
 * tools/train-extractor, which must read them before any model exists. */
static int importer_new(eco_importer **out, const eco_import_options *opt, int with_models,
                        eco_error *err)
{
    static const eco_import_options defaults = ECO_IMPORT_OPTIONS_INIT;
    eco_importer *imp;
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_IMPORT_OPTIONS_VERSION, "eco_import_options", err)) < 0)
        return rc;
    if (!(imp = calloc(1, sizeof(*imp))))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
    imp->opt = defaults;
    if (opt) /* a struct of version 1 ends before fix, one of version 2 before columns */
        memcpy(&imp->opt, opt,
               opt->version >= 3   ? sizeof(*opt)
               : opt->version == 2 ? offsetof(eco_import_options, columns)
                                   : offsetof(eco_import_options, fix));
    imp->fix_path = copy_or_null(imp->opt.fix, &rc);
    imp->opt.fix = imp->fix_path;
    imp->format = copy_or_null(imp->opt.format, &rc);
    imp->aliases = copy_or_null(imp->opt.aliases, &rc);
    imp->opt.format = imp->format;
    imp->opt.aliases = imp->aliases;
    if (rc < 0 || (rc = eco_graph_new(&imp->graph)) < 0 ||
        (rc = eco_i_prose_cache_new(&imp->session.prose)) < 0 ||
        (rc = eco_i_maps_cache_new(&imp->session.maps)) < 0) {
        rc = eco_error_set(err, rc, NULL, 0, 0, "out of memory");
        goto cleanup;
    }
    if (imp->aliases && (rc = eco_i_aliases_load(&imp->user, imp->aliases, err)) < 0)
        goto cleanup;
    if (imp->fix_path &&
        (rc = eco_i_corrections_load(&imp->fix, imp->fix_path, &imp->opt, err)) < 0)
        goto cleanup;
    if (imp->opt.columns && (rc = eco_i_column_map_load(&imp->columns, imp->opt.columns, err)) < 0)
        goto cleanup;
    imp->opt.columns = NULL; /* read: the caller's string need not outlive this call */
    imp->session.columns = imp->inputs.columns = imp->columns;
    if (with_models && (rc = eco_i_models_load(&imp->models, imp->opt.model, err)) < 0)
        goto cleanup;
    imp->opt.model = NULL; /* read: the caller's string need not outlive this call */
    imp->inputs.models = imp->models;
    imp->session.opt = &imp->opt;
    imp->session.user = imp->user;
    eco_i_votes_init(&imp->session.votes, imp->graph);
    *out = imp;
    imp = NULL;
cleanup:
    eco_importer_free(imp);
    return rc;
}

int eco_importer_new(eco_importer **out, const eco_import_options *opt, eco_error *err)
{
    return importer_new(out, opt, 1, err);
}

void eco_importer_free(eco_importer *imp)
{
    if (!imp)
        return;
    eco_i_inputs_free(&imp->inputs);
    eco_i_votes_free(&imp->session.votes);
    eco_i_prose_cache_free(imp->session.prose);
    eco_i_maps_cache_free(imp->session.maps);
    eco_i_lexicon_free(imp->user);
    eco_i_corrections_free(imp->fix);
    eco_i_column_map_free(imp->columns);
    free(imp->fix_path);
    eco_i_models_free(imp->models);
    eco_graph_free(imp->graph);
    free(imp->format);
    free(imp->aliases);
    free(imp);
}

static int check_open(const eco_importer *imp, eco_error *err)
{
    if (!imp)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "no importer");
    if (imp->state != OPEN)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0,
                             "the import has finished: its importer can only be freed");
    return 0;
}

int eco_importer_add_path(eco_importer *imp, const char *path, eco_error *err)
{
    int rc;

    if ((rc = check_open(imp, err)) < 0)
        return rc;
    if (!path || !*path)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "empty input path");
    return eco_i_inputs_add_path(&imp->inputs, path, &imp->opt, err);
}

int eco_importer_add_buffer(eco_importer *imp, const char *data, size_t len, const char *source,
                            eco_error *err)
{
    int rc;

    if ((rc = check_open(imp, err)) < 0)
        return rc;
    if ((!data && len) || !source)
        return eco_error_set(err, ECO_EUSAGE, source, 0, 0, "no data or no source");
    return eco_i_inputs_add_buffer(&imp->inputs, data ? data : "", len, source, &imp->opt, err);
}

/* ---- Learning (tools/train-extractor) ---------------------------------------------------- */

int eco_i_importer_new_untrained(eco_importer **out, const eco_import_options *opt,
                                 eco_error *err)
{
    return importer_new(out, opt, 0, err);
}

void eco_i_importer_use_models(eco_importer *imp, const eco_i_models *models)
{
    imp->inputs.models = models;
}

void eco_i_importer_observe(eco_importer *imp, const eco_i_observer *observer)
{
    imp->session.observer = observer;
}

/* ---- Reading ---------------------------------------------------------------------------- */

/* Hands one input to the reader of its format, and lets its bytes go.  A file of a folder
 * that fails to read or parse is a warning, and the import goes on (--strict: the error);
 * what its reader added before the error stays. */
static int read_listed(eco_importer *imp, eco_i_listed *f, eco_error *err)
{
    eco_error failed = {0};
    int rc;

    if ((rc = eco_i_listed_bytes(&imp->inputs, f, &failed)) == 0) {
        /* the bytes go once read: the reader may clean them in place (spare) */
        eco_i_input in = {f->bytes.data, f->len,        f->source, f->record_id, &imp->opt,
                          imp->user,     &imp->session, f->models, NULL,         f->bytes.data};
        rc = eco_i_format_reader(f->format)(imp->graph, &in, &failed);
        eco_i_listed_release(&imp->inputs, f);
    }
    if (rc == 0)
        return 0;
    if (f->in_folder && !imp->opt.strict && (rc == ECO_EDATA || rc == ECO_EIO))
        return eco_i_warn(&imp->opt, err, failed.source, failed.line, failed.column,
                          "%s (the file is read no further)", failed.text);
    *err = failed;
    return rc;
}

/* Reads every listed input in order, telling opt->progress the share of bytes read as it
 * grows by a whole percent: by files, a folder of a few large records would jump. */
static int read_all(eco_importer *imp, eco_error *err)
{
    const eco_import_options *opt = &imp->opt;
    double total = 0, done = 0;
    int shown = -1, rc = 0;

    eco_i_inputs_order(&imp->inputs);
    if ((rc = eco_i_inputs_name_records(&imp->inputs, opt, err)) < 0)
        return rc;
    for (size_t i = 0; i < imp->inputs.count; i++)
        total += (double)imp->inputs.items[i].len + 1;
    for (size_t i = 0; i < imp->inputs.count && rc == 0; i++) {
        int percent = (int)(100 * done / total);
        if (opt->progress && percent != shown)
            opt->progress(shown = percent, opt->progress_context);
        rc = read_listed(imp, &imp->inputs.items[i], err);
        done += (double)imp->inputs.items[i].len + 1;
    }
    if (opt->progress && rc == 0 && imp->inputs.count)
        opt->progress(100, opt->progress_context);
    /* readers append records to actors, and passages to ties, in the order of reading: one
     * sort at the end */
    eco_i_graph_sort_records(imp->graph);
    eco_i_graph_sort_evidence(imp->graph);
    return rc;
}

int eco_importer_finish(eco_importer *imp, eco_graph **out, eco_error *err)
{
    int rc;

    if ((rc = check_open(imp, err)) < 0)
        return rc;
    imp->state = FINISHED;
    /* Kumu's stand-ins first, before any merge takes a stand-in's actor elsewhere. */
    if ((rc = read_all(imp, err)) < 0 ||
        (rc = eco_i_kumu_stand_ins(imp->graph, &imp->session, err)) < 0 ||
        (rc = eco_i_resolve(imp->graph, &imp->session.votes, imp->user, imp->aliases, imp->fix,
                            &imp->opt, err)) < 0)
        return rc;
    *out = imp->graph;
    imp->graph = NULL;
    imp->session.votes.graph = NULL;
    return 0;
}

/* ---- One call ---------------------------------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int eco_import_paths(eco_graph **out, const char *const *paths, size_t n,
                     const eco_import_options *opt, eco_error *err)
{
    eco_importer *imp = NULL;
    const char **given = NULL;
    int rc;

    if ((rc = eco_importer_new(&imp, opt, err)) < 0)
        goto cleanup;
    if (imp->opt.format && !eco_i_format_name(imp->opt.format)) {
        rc = eco_error_set(err, ECO_EUSAGE, n ? paths[0] : NULL, 0, 0,
                           "unknown input format \"%s\"", imp->opt.format);
        goto cleanup;
    }
    if (n && !(given = malloc(n * sizeof(*given)))) {
        rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory listing the inputs");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        if (!paths[i] || !*paths[i]) {
            rc = eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "empty input path");
            goto cleanup;
        }
        given[i] = paths[i];
    }
    /* in name order, so that the first error does not depend on the order of the paths */
    if (n > 1)
        qsort(given, n, sizeof(*given), compare_names);
    for (size_t i = 0; i < n && rc == 0; i++)
        if (i == 0 || strcmp(given[i], given[i - 1]) != 0)
            rc = eco_importer_add_path(imp, given[i], err);
    if (rc == 0)
        rc = eco_importer_finish(imp, out, err);
cleanup:
    free(given);
    eco_importer_free(imp);
    return rc;
}

int eco_import_buffer(eco_graph **out, const char *data, size_t len, const char *source,
                      const eco_import_options *opt, eco_error *err)
{
    eco_importer *imp = NULL;
    int rc;

    if ((rc = eco_importer_new(&imp, opt, err)) == 0 &&
        (rc = eco_importer_add_buffer(imp, data, len, source, err)) == 0)
        rc = eco_importer_finish(imp, out, err);
    eco_importer_free(imp);
    return rc;
}

int eco_graph_load(eco_graph **out, const char *path, eco_error *err)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_importer *imp = NULL;
    int rc;

    opt.format = "json";
    if ((rc = importer_new(&imp, &opt, 0, err)) < 0) /* a map holds no prose to read */
        return rc;
    /* a map comes back as it was saved: read, and nothing resolved */
    if ((rc = eco_importer_add_path(imp, path, err)) == 0 && (rc = read_all(imp, err)) == 0) {
        *out = imp->graph;
        imp->graph = NULL;
    }
    eco_importer_free(imp);
    return rc;
}
