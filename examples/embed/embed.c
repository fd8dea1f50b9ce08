/* embed.c - ecomap from another program: import records, list the best-connected actors.
 *
 * usage: embed PATH...  (files or folders of records, or maps)
 * Prints the map's size, then its five best-connected actors, each after its degree: the
 * number of others it is tied to, ties between two actors counted once whatever their
 * kinds. */
#include <ecomap.h>
#include <stdio.h>
#include <stdlib.h>

#define TOP 5

int main(int argc, char **argv)
{
    eco_importer *imp = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    double *degree = NULL;
    char line[600];
    int rc;

    /* One importer for every path: names are resolved across all of them when it finishes. */
    if ((rc = eco_importer_new(&imp, NULL, &err)) < 0)
        goto cleanup;
    for (int i = 1; i < argc; i++)
        if ((rc = eco_importer_add_path(imp, argv[i], &err)) < 0)
            goto cleanup;
    if ((rc = eco_importer_finish(imp, &g, &err)) < 0)
        goto cleanup;
    printf("ecomap %s: %zu actors, %zu ties\n", eco_version(), eco_graph_actor_count(g),
           eco_graph_tie_count(g));
    if (!(degree = malloc((eco_graph_actor_count(g) + 1) * sizeof(*degree)))) {
        rc = eco_error_set(&err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
        goto cleanup;
    }
    if ((rc = eco_query_measure(degree, g, ECO_MEASURE_DEGREE, NULL, &err)) < 0)
        goto cleanup;
    /* the highest degree left, TOP times: the first of equals in map order */
    for (int shown = 0; shown < TOP; shown++) {
        size_t best = eco_graph_actor_count(g);
        for (size_t i = 0; i < eco_graph_actor_count(g); i++)
            if (degree[i] >= 0 && (best == eco_graph_actor_count(g) || degree[i] > degree[best]))
                best = i;
        if (best == eco_graph_actor_count(g))
            break;
        printf("  %3.0f  %s\n", degree[best], eco_graph_actor(g, best)->name);
        degree[best] = -1;
    }
cleanup:
    if (rc < 0)
        fprintf(stderr, "%s\n", eco_error_format(&err, "error", line, sizeof(line)));
    free(degree);
    eco_graph_free(g);
    eco_importer_free(imp);
    return rc < 0 ? eco_error_exit_status(rc) : 0;
}
