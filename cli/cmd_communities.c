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
            if (c->membership[i] == k) {
                fputs("   ", stdout);
                cli_put_text(stdout, eco_graph_actor(g, i)->name);
                printf(" (%s)\n", cli_type_label(eco_graph_actor(g, i)->type));
            }
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

static int method_option(void *context, int c, const char *arg)
{
    eco_community_method *method = context;

    if (c != 'm')
        return 0;
    if (strcmp(arg, "leiden") == 0)
        *method = ECO_COMMUNITY_LEIDEN;
    else if (strcmp(arg, "louvain") == 0)
        *method = ECO_COMMUNITY_LOUVAIN;
    else {
        cli_usage_error("communities", "--method: expected leiden or louvain, not \"%s\"", arg);
        return -1;
    }
    return 1;
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"method", required_argument, NULL, 'm'}, {"help", no_argument, NULL, 'h'},
        CLI_QUERY_OPTIONS, {NULL, 0, NULL, 0}};
    eco_community_method method = ECO_COMMUNITY_LEIDEN;
    cli_query q;
    const cli_parser parser = {.command = &cli_communities, .options = options, .query = &q,
                               .own_option = method_option, .context = &method,
                               .min_operands = 1, .missing = "no input: name a map or records",
                               .undirected = 1};
    eco_communities *found = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
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
