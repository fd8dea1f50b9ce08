/* queries/view.c - the eco_graph as a simple igraph graph, for one query. */
#include <stdlib.h>

#include "queries_internal.h"

static int kind_used(const eco_query_options *opt, eco_tie_kind kind)
{
    return !opt->kinds || (opt->kinds & (1u << kind));
}

/* Adds weight to the link a -> b (a - b when undirected), creating it if need be. */
static int add_link(eco_i_map *links, igraph_vector_int_t *ends, igraph_vector_t *weights,
                    size_t a, size_t b, int directed, double weight)
{
    size_t at;
    if (!directed && b < a) {
        size_t t = a;
        a = b;
        b = t;
    }
    uint64_t key = ((uint64_t)a << 32) | b;
    if (eco_i_map_get(links, key, &at)) {
        VECTOR(*weights)[at] += weight;
        return 0;
    }
    if (eco_i_map_put(links, key, (size_t)igraph_vector_size(weights)) < 0 ||
        igraph_vector_int_push_back(ends, (igraph_integer_t)a) != IGRAPH_SUCCESS ||
        igraph_vector_int_push_back(ends, (igraph_integer_t)b) != IGRAPH_SUCCESS ||
        igraph_vector_push_back(weights, weight) != IGRAPH_SUCCESS)
        return ECO_ENOMEM;
    return 0;
}

int eco_i_view_build(eco_i_view *view, const eco_graph *g, const eco_query_options *opt,
                     eco_error *err)
{
    static const eco_query_options defaults = ECO_QUERY_OPTIONS_INIT;
    igraph_vector_int_t ends;
    eco_i_map links = {0};
    int rc = 0;
    igraph_error_t ierr;

    eco_i_igraph_init();
    if (!opt)
        opt = &defaults;
    view->directed = opt->directed != 0;
    view->weighted = opt->weighted != 0;
    if (igraph_vector_int_init(&ends, 0) != IGRAPH_SUCCESS)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory building the graph");
    if (igraph_vector_init(&view->weights, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&ends);
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory building the graph");
    }
    for (size_t i = 0; i < eco_graph_tie_count(g) && rc == 0; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (!kind_used(opt, t->kind))
            continue;
        rc = add_link(&links, &ends, &view->weights, t->source, t->target, view->directed, t->weight);
        /* In a directed reading an undirected tie runs both ways. */
        if (rc == 0 && view->directed && !t->directed)
            rc = add_link(&links, &ends, &view->weights, t->target, t->source, 1, t->weight);
    }
    eco_i_map_free(&links);
    if (rc < 0)
        goto fail;
    ierr = igraph_create(&view->graph, &ends, (igraph_integer_t)eco_graph_actor_count(g),
                         view->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    if (ierr != IGRAPH_SUCCESS) {
        rc = eco_i_igraph_error(ierr, err);
        goto fail;
    }
    if (igraph_vector_init(&view->lengths, igraph_vector_size(&view->weights)) != IGRAPH_SUCCESS) {
        igraph_destroy(&view->graph);
        rc = ECO_ENOMEM;
        goto fail;
    }
    for (igraph_integer_t e = 0; e < igraph_vector_size(&view->weights); e++) {
        double w = VECTOR(view->weights)[e];
        /* A tie of weight 0 is known but unsupported: the longest step there is. */
        VECTOR(view->lengths)[e] = w > 0 ? 1.0 / w : 1e300;
    }
    igraph_vector_int_destroy(&ends);
    return 0;
fail:
    igraph_vector_int_destroy(&ends);
    igraph_vector_destroy(&view->weights);
    /* An igraph error has set err already; the first error wins. */
    return eco_error_set(err, rc, NULL, 0, 0, "out of memory building the graph");
}

void eco_i_view_destroy(eco_i_view *view)
{
    igraph_destroy(&view->graph);
    igraph_vector_destroy(&view->weights);
    igraph_vector_destroy(&view->lengths);
}

const igraph_vector_t *eco_i_view_weights(const eco_i_view *view)
{
    return view->weighted ? &view->weights : NULL;
}

const igraph_vector_t *eco_i_view_lengths(const eco_i_view *view)
{
    return view->weighted ? &view->lengths : NULL;
}

/* ---- Progress --------------------------------------------------------------------------- */

static const eco_query_options *progress_options;
static igraph_progress_handler_t *previous_handler;

static igraph_error_t forward_progress(const char *message, igraph_real_t percent, void *data)
{
    (void)message;
    (void)data;
    if (progress_options && progress_options->progress)
        progress_options->progress(percent, progress_options->progress_context);
    return IGRAPH_SUCCESS;
}

void eco_i_progress_begin(const eco_query_options *opt)
{
    if (!opt || !opt->progress)
        return;
    progress_options = opt;
    previous_handler = igraph_set_progress_handler(forward_progress);
}

void eco_i_progress_end(void)
{
    if (!progress_options)
        return;
    igraph_set_progress_handler(previous_handler);
    progress_options = NULL;
}
