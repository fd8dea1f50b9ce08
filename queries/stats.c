/* queries/stats.c - counts, components and density. */
#include <stdlib.h>
#include <string.h>

#include "ecomap/query.h"
#include "internal.h"

static int query_stats(eco_stats *out, const eco_graph *g, eco_error *err)
{
    const igraph_t *ig;
    igraph_vector_int_t sizes;
    igraph_integer_t components = 0;
    igraph_error_t ierr;
    size_t pairs;
    int rc;

    memset(out, 0, sizeof(*out));
    out->actors = eco_graph_actor_count(g);
    out->ties = eco_graph_tie_count(g);
    out->records = eco_graph_record_count(g);
    for (size_t i = 0; i < out->actors; i++)
        out->actors_by_type[eco_graph_actor(g, i)->type]++;
    for (size_t i = 0; i < out->ties; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        out->ties_by_kind[t->kind]++;
        out->evidence += t->evidence_count;
    }
    if ((rc = eco_i_count_linked_pairs(g, &pairs)) < 0)
        return eco_error_set(err, rc, NULL, 0, 0, "out of memory while counting ties");
    if (out->actors > 1)
        out->density = (double)pairs / ((double)out->actors * (double)(out->actors - 1) / 2.0);

    if ((rc = eco_i_graph_igraph(&ig, g, err)) < 0)
        return rc;
    if ((ierr = igraph_vector_int_init(&sizes, 0)) != IGRAPH_SUCCESS)
        return eco_i_igraph_error(ierr, err);
    ierr = igraph_connected_components(ig, NULL, &sizes, &components, IGRAPH_WEAK);
    if (ierr == IGRAPH_SUCCESS) {
        out->components = (size_t)components;
        for (igraph_integer_t c = 0; c < components; c++) {
            size_t size = (size_t)VECTOR(sizes)[c];
            if (size > out->largest_component)
                out->largest_component = size;
            if (size == 1)
                out->isolates++;
        }
    }
    igraph_vector_int_destroy(&sizes);
    return ierr == IGRAPH_SUCCESS ? 0 : eco_i_igraph_error(ierr, err);
}

int eco_query_stats(eco_stats *out, const eco_graph *g, eco_error *err)
{
    int rc;

    if ((rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = query_stats(out, g, err);
    eco_i_dependencies_unlock();
    return rc;
}
