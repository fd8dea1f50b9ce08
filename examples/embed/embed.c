/* embed.c - ecomap from another program: import records, list the best-connected actors. */
#include <ecomap.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    char line[600];
    int status = 0;

    if (eco_graph_new(&g) < 0)
        return 71;
    for (int i = 1; i < argc && status == 0; i++)
        if (eco_import_path(g, argv[i], NULL, &err) < 0)
            status = eco_error_exit_status(err.code);
    if (status == 0) {
        printf("ecomap %s: %zu actors, %zu ties\n", eco_version(), eco_graph_actor_count(g),
               eco_graph_tie_count(g));
        for (size_t i = 0; i < eco_graph_actor_count(g); i++)
            printf("  %s\n", eco_graph_actor(g, i)->name);
    } else {
        fprintf(stderr, "%s\n", eco_error_format(&err, "error", line, sizeof(line)));
    }
    eco_graph_free(g);
    return status;
}
