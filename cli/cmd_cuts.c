/* cli/cmd_cuts.c - ecomap cuts: the actors and ties that alone hold parts of the map on. */
#include <math.h>
#include <stdlib.h>

#include "query.h"

static int print_cuts(const eco_graph *g, const eco_cuts *cuts, cli_output form)
{
    static const char *const columns[] = {"what", "actor", "other", "separated"};
    cli_table *t = cli_table_new(columns, 4, cuts->cut_point_count + cuts->bridge_count);

    if (!t)
        return 71;
    for (size_t k = 0; k < cuts->cut_point_count; k++) {
        cli_table_text(t, k, 0, "cut-point");
        cli_table_text(t, k, 1, eco_graph_actor(g, cuts->cut_points[k])->name);
        cli_table_text(t, k, 2, "");
        cli_table_number(t, k, 3, (double)cuts->separated[k], 0);
    }
    for (size_t k = 0; k < cuts->bridge_count; k++) {
        size_t row = cuts->cut_point_count + k;
        cli_table_text(t, row, 0, "bridge");
        cli_table_text(t, row, 1, eco_graph_actor(g, cuts->bridges[2 * k])->name);
        cli_table_text(t, row, 2, eco_graph_actor(g, cuts->bridges[2 * k + 1])->name);
        cli_table_number(t, row, 3, NAN, 0);
    }
    cli_table_print(t, form, stdout);
    cli_table_free(t);
    return 0;
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {{"help", no_argument, NULL, 'h'}, CLI_QUERY_OPTIONS,
                                            {NULL, 0, NULL, 0}};
    cli_query q;
    const cli_parser parser = {.command = &cli_cuts, .options = options, .query = &q,
                               .min_operands = 1, .missing = "no input: name a map or records",
                               .undirected = 1};
    eco_cuts *cuts = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    if (eco_query_cuts(&cuts, g, &q.options, &err) < 0)
        status = cli_fail(&err);
    else
        status = print_cuts(g, cuts, q.output);
    eco_cuts_free(cuts);
    eco_graph_free(g);
    return status;
}

const cli_command cli_cuts = {
    "cuts", run, "cut-points and bridges: what alone holds parts of the map on",
    "usage: ecomap cuts MAP_OR_RECORDS...\n"
    "\n"
    "Lists the cut-points (actors whose removal splits their part of the map), most critical\n"
    "first, each with the number of actors that would lose their way to the largest part\n"
    "left, and the bridges (ties whose removal does the same). Ties are read as undirected.\n"
    "\n"
    "options:\n" CLI_QUERY_HELP};
