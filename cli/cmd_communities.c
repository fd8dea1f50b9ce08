/* cli/cmd_communities.c - ecomap communities: groups more tied within than without. */
#include <stdlib.h>
#include <string.h>

#include "query.h"

static void print_text(const eco_graph *g, const eco_communities *c, const char *method)
{
    printf("%zu %s (%s), modularity %.4f\n", c->count, c->count == 1 ? "community" : "communities",
           method, c->modularity);
    for (size_t k = 0; k < c->count; k++) {
        size_t size = 0;
        for (size_t i = 0; i < c->actor_count; i++)
            size += c->membership[i] == k;
        printf("\n%zu. %zu actor%s\n", k + 1, size, size == 1 ? "" : "s");
        for (size_t i = 0; i < c->actor_count; i++)
            if (c->membership[i] == k)
                printf("   %s (%s)\n", eco_graph_actor(g, i)->name,
                       cli_type_label(eco_graph_actor(g, i)->type));
    }
}

static int print_table(const eco_graph *g, const eco_communities *c, cli_output form)
{
    static const char *const columns[] = {"community", "id", "name", "type"};
    cli_table *t = cli_table_new(columns, 4, c->actor_count);
    size_t row = 0;

    if (!t)
        return 71;
    for (size_t k = 0; k < c->count; k++) {
        for (size_t i = 0; i < c->actor_count; i++) {
            if (c->membership[i] != k)
                continue;
            cli_table_number(t, row, 0, (double)(k + 1), 0);
            cli_table_text(t, row, 1, eco_graph_actor(g, i)->id);
            cli_table_text(t, row, 2, eco_graph_actor(g, i)->name);
            cli_table_text(t, row, 3, cli_type_label(eco_graph_actor(g, i)->type));
            row++;
        }
    }
    if (form == CLI_JSON) {
        printf("{\"communities\": %zu, \"modularity\": %.17g, \"actors\": ", c->count, c->modularity);
        cli_table_print(t, form, stdout);
        printf("}\n");
    } else {
        cli_table_print(t, form, stdout);
    }
    cli_table_free(t);
    return 0;
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"method", required_argument, NULL, 'm'}, {"help", no_argument, NULL, 'h'},
        CLI_QUERY_OPTIONS, {NULL, 0, NULL, 0}};
    eco_community_method method = ECO_COMMUNITY_LEIDEN;
    eco_communities *found = NULL;
    cli_query q;
    eco_graph *g = NULL;
    eco_error err = {0};
    int c, taken, status;

    cli_query_init(&q, "communities");
    while ((c = getopt_long(argc, argv, ":hq", options, NULL)) != -1) {
        if ((taken = cli_query_option(&q, c, optarg)) != 0) {
            if (taken < 0)
                return EXIT_USAGE;
            continue;
        }
        switch (c) {
        case 'm':
            if (strcmp(optarg, "leiden") == 0)
                method = ECO_COMMUNITY_LEIDEN;
            else if (strcmp(optarg, "louvain") == 0)
                method = ECO_COMMUNITY_LOUVAIN;
            else
                return cli_usage_error("communities", "--method: expected leiden or louvain, not \"%s\"",
                                       optarg);
            break;
        case 'h':
            return cli_print_help(&cli_communities);
        default:
            return cli_bad_option("communities", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("communities", "no input: name a map or records");
    if ((status = cli_read_inputs(&g, argv + optind, argc - optind, &q.input)) != 0)
        return status;
    if (eco_query_communities(&found, g, method, &q.options, &err) < 0)
        status = cli_fail(&err);
    else if (q.output == CLI_TEXT)
        print_text(g, found, method == ECO_COMMUNITY_LEIDEN ? "Leiden" : "Louvain");
    else
        status = print_table(g, found, q.output);
    eco_communities_free(found);
    eco_graph_free(g);
    return status;
}

const cli_command cli_communities = {
    "communities", run, "groups of actors more tied among themselves (Leiden, Louvain)",
    "usage: ecomap communities MAP_OR_RECORDS... [--method leiden|louvain]\n"
    "\n"
    "Splits the map into communities that maximise Newman's modularity, on the undirected\n"
    "map (weighted with --weighted), and prints them largest first with the modularity\n"
    "reached. A fixed random seed makes runs repeat.\n"
    "\n"
    "options:\n"
    "      --method M           leiden (default) or louvain\n" CLI_QUERY_HELP};
