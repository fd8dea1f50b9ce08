/* cli/cmd_path.c - ecomap path: how two actors are connected, and the sentences that say so. */
#include <stdio.h>
#include <stdlib.h>

#include "query.h"

/* Prints the ties between a and b, each with its evidence, as text. */
static void print_hop_text(const eco_graph *g, size_t a, size_t b)
{
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++) {
        size_t i;
        if (eco_graph_find_tie(&i, g, a, b, (eco_tie_kind)k) != 0 &&
            eco_graph_find_tie(&i, g, b, a, (eco_tie_kind)k) != 0)
            continue;
        const eco_tie *t = eco_graph_tie(g, i);
        printf("      %s%s, weight %g\n", eco_tie_kind_name(t->kind),
               t->directed ? (t->source == a ? " (->)" : " (<-)") : "", t->weight);
        for (size_t e = 0; e < t->evidence_count; e++) {
            const eco_evidence *ev = &t->evidence[e];
            fputs("        ", stdout);
            cli_put_text(stdout, ev->source ? ev->source : ev->record ? ev->record : "");
            if (ev->line)
                printf(":%d", ev->line);
            fputs(": ", stdout);
            cli_put_text(stdout, ev->text ? ev->text : "(no passage)");
            putchar('\n');
        }
    }
}

static void print_not_connected(const eco_graph *g, size_t from, size_t to)
{
    cli_put_text(stdout, eco_graph_actor(g, from)->name);
    fputs(" and ", stdout);
    cli_put_text(stdout, eco_graph_actor(g, to)->name);
    fputs(" are not connected\n", stdout);
}

static void print_text(const eco_graph *g, const eco_path *paths, size_t count)
{
    for (size_t p = 0; p < count; p++) {
        printf("%sPath %zu: %zu hop%s\n", p ? "\n" : "", p + 1, paths[p].length,
               paths[p].length == 1 ? "" : "s");
        for (size_t h = 0; h <= paths[p].length; h++) {
            const eco_actor *a = eco_graph_actor(g, paths[p].actors[h]);
            fputs("  ", stdout);
            cli_put_text(stdout, a->name);
            printf(" (%s)\n", cli_type_label(a->type));
            if (h < paths[p].length)
                print_hop_text(g, paths[p].actors[h], paths[p].actors[h + 1]);
        }
    }
}

static void print_evidence_json(const eco_tie *t)
{
    printf("\"evidence\": [");
    for (size_t e = 0; e < t->evidence_count; e++) {
        const eco_evidence *ev = &t->evidence[e];
        printf("%s{\"record\": ", e ? ", " : "");
        ev->record ? cli_json_string(stdout, ev->record) : (void)fputs("null", stdout);
        printf(", \"line\": ");
        ev->line ? (void)printf("%d", ev->line) : (void)fputs("null", stdout);
        printf(", \"text\": ");
        ev->text ? cli_json_string(stdout, ev->text) : (void)fputs("null", stdout);
        printf("}");
    }
    printf("]");
}

static void print_json(const eco_graph *g, const eco_path *paths, size_t count)
{
    printf("[");
    for (size_t p = 0; p < count; p++) {
        printf("%s\n  {\"hops\": %zu, \"cost\": %.17g, \"actors\": [", p ? "," : "", paths[p].length,
               paths[p].cost);
        for (size_t h = 0; h <= paths[p].length; h++) {
            printf("%s", h ? ", " : "");
            cli_json_string(stdout, eco_graph_actor(g, paths[p].actors[h])->id);
        }
        printf("],\n   \"ties\": [");
        int first = 1;
        for (size_t h = 0; h < paths[p].length; h++) {
            size_t a = paths[p].actors[h], b = paths[p].actors[h + 1], i;
            for (int k = 0; k < ECO_TIE_KIND_COUNT; k++) {
                if (eco_graph_find_tie(&i, g, a, b, (eco_tie_kind)k) != 0 &&
                    eco_graph_find_tie(&i, g, b, a, (eco_tie_kind)k) != 0)
                    continue;
                const eco_tie *t = eco_graph_tie(g, i);
                printf("%s\n     {\"hop\": %zu, \"source\": ", first ? "" : ",", h + 1);
                cli_json_string(stdout, eco_graph_actor(g, t->source)->id);
                printf(", \"target\": ");
                cli_json_string(stdout, eco_graph_actor(g, t->target)->id);
                printf(", \"kind\": \"%s\", \"weight\": %.17g, ", eco_tie_kind_name(t->kind), t->weight);
                print_evidence_json(t);
                printf("}");
                first = 0;
            }
        }
        printf("]}");
    }
    printf("%s]\n", count ? "\n" : "");
}

static int k_option(void *context, int c, const char *arg)
{
    if (c != 'k')
        return 0;
    return cli_parse_count("path", "k", arg, 1, 1000, context) < 0 ? -1 : 1;
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"k", required_argument, NULL, 'k'}, {"help", no_argument, NULL, 'h'},
        CLI_QUERY_OPTIONS, {NULL, 0, NULL, 0}};
    long k = 1;
    cli_query q;
    const cli_parser parser = {.command = &cli_path, .options = options, .query = &q,
                               .own_option = k_option, .context = &k, .min_operands = 3,
                               .missing = "name a map (or records) and two actors"};
    eco_graph *g = NULL;
    eco_path *paths = NULL;
    size_t count = 0, from, to;
    eco_error err = {0};
    int first, status;

    if (!cli_parse_args(&first, &status, argc, argv, &parser))
        return status;
    if ((status = cli_read_inputs(&g, argv + first, argc - first - 2, &q.input)) != 0)
        return status;
    if ((status = cli_find_actor(&from, g, "path", argv[argc - 2])) == 0 &&
        (status = cli_find_actor(&to, g, "path", argv[argc - 1])) == 0) {
        if (eco_query_paths(&paths, &count, g, from, to, (size_t)k, &q.options, &err) < 0)
            status = cli_fail(&err);
        else if (q.output == CLI_JSON)
            print_json(g, paths, count);
        else if (count == 0)
            print_not_connected(g, from, to);
        else
            print_text(g, paths, count);
    }
    eco_paths_free(paths, count);
    eco_graph_free(g);
    return status;
}

const cli_command cli_path = {
    "path", run, "the shortest paths between two actors, with the evidence for every hop",
    "usage: ecomap path MAP_OR_RECORDS... ACTOR_A ACTOR_B [--k N]\n"
    "\n"
    "Prints the shortest path from ACTOR_A to ACTOR_B (or the N shortest, --k N), each hop\n"
    "with its ties and the passages from the records that state them. Actors are named by any\n"
    "of their names or aliases, folded as the importer folds them, or by id; an unknown name\n"
    "is an error that suggests the closest names. Ties are read both ways unless --directed.\n"
    "\n"
    "options:\n"
    "      --k N                the N shortest paths (default 1)\n" CLI_QUERY_HELP};
