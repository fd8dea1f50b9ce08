/*
 * bench/import-time.c - times the importer alone: eco_import_paths on a folder of records
 * (listing, reading and resolving), without writing the map (which `ecomap import -o` also does, and
 * which costs as much again for a large map).  Prints the records read, the seconds of wall
 * time and of processor time (the same on an idle machine; on a shared one, processor time
 * is what the importer itself costs), and the actors and ties of the map.
 *
 * usage: import-time FOLDER
 */
#include <stdio.h>
#include <time.h>

#include "ecomap.h"

static double seconds(clockid_t clock)
{
    struct timespec t;
    if (clock_gettime(clock, &t) != 0)
        return 0;
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    eco_graph *g = NULL;
    eco_error err = {0};
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    char line[700];
    double start, cpu;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: import-time FOLDER\n");
        return 64;
    }
    start = seconds(CLOCK_MONOTONIC);
    cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
    if ((rc = eco_import_paths(&g, (const char *const *)argv + 1, 1, &opt, &err)) < 0) {
        fprintf(stderr, "%s\n", eco_error_format(&err, "error", line, sizeof(line)));
        return eco_error_exit_status(rc);
    }
    printf("%zu %.3f %.3f %zu %zu\n", eco_graph_record_count(g), seconds(CLOCK_MONOTONIC) - start,
           seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu, eco_graph_actor_count(g),
           eco_graph_tie_count(g));
    eco_graph_free(g);
    return 0;
}
