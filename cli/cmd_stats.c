/* cli/cmd_stats.c - ecomap stats: what a map holds, how it hangs together, who brokers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table.h"

typedef struct ranked {
    size_t actor;
    double score;
} ranked;

static int by_score(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

/* The actors ordered by betweenness, highest first; the caller frees it. */
static int rank_brokers(const eco_graph *g, ranked **out, eco_error *err)
{
    size_t n = eco_graph_actor_count(g);
    double *scores = malloc((n ? n : 1) * sizeof(*scores));
    ranked *order = malloc((n ? n : 1) * sizeof(*order));
    int rc;

    if (!scores || !order) {
        rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if ((rc = eco_query_measure(scores, g, ECO_MEASURE_BETWEENNESS, NULL, err)) < 0)
        goto fail;
    for (size_t i = 0; i < n; i++)
        order[i] = (ranked){i, scores[i]};
    qsort(order, n, sizeof(*order), by_score);
    free(scores);
    *out = order;
    return 0;
fail:
    free(scores);
    free(order);
    return rc;
}

static const char *type_label(eco_actor_type t)
{
    return t == ECO_TYPE_UNKNOWN ? "unknown" : eco_actor_type_name(t);
}

static void print_text(const eco_graph *g, const eco_stats *s, const ranked *brokers, size_t top)
{
    printf("%zu records, %zu actors, %zu ties (%zu evidence passages)\n\n", s->records, s->actors,
           s->ties, s->evidence);
    printf("Actors by type\n");
    for (int t = 1; t <= ECO_ACTOR_TYPE_COUNT; t++) {
        eco_actor_type type = (eco_actor_type)(t % ECO_ACTOR_TYPE_COUNT); /* unknown last */
        if (s->actors_by_type[type])
            printf("  %-15s %6zu\n", type_label(type), s->actors_by_type[type]);
    }
    printf("\nTies by kind\n");
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++)
        if (s->ties_by_kind[k])
            printf("  %-15s %6zu\n", eco_tie_kind_name((eco_tie_kind)k), s->ties_by_kind[k]);
    printf("\nStructure\n");
    printf("  %-15s %6zu (largest: %zu actors; isolated actors: %zu)\n", "components",
           s->components, s->largest_component, s->isolates);
    printf("  %-15s %6.4f\n", "density", s->density);
    if (top == 0 || s->actors == 0)
        return;
    printf("\nKey brokers (betweenness: shortest paths between others that pass through)\n");
    for (size_t i = 0; i < top && i < s->actors; i++) {
        const eco_actor *a = eco_graph_actor(g, brokers[i].actor);
        printf("  %2zu. ", i + 1);
        cli_print_cell(a->name, 50);
        printf(" %-14s %10.1f\n", type_label(a->type), brokers[i].score);
    }
}

static void print_json(const eco_graph *g, const eco_stats *s, const ranked *brokers, size_t top)
{
    printf("{\n  \"records\": %zu,\n  \"actors\": %zu,\n  \"ties\": %zu,\n  \"evidence\": %zu,\n",
           s->records, s->actors, s->ties, s->evidence);
    printf("  \"actors_by_type\": {");
    for (int t = 0; t < ECO_ACTOR_TYPE_COUNT; t++)
        printf("%s\"%s\": %zu", t ? ", " : "", type_label((eco_actor_type)t), s->actors_by_type[t]);
    printf("},\n  \"ties_by_kind\": {");
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++)
        printf("%s\"%s\": %zu", k ? ", " : "", eco_tie_kind_name((eco_tie_kind)k), s->ties_by_kind[k]);
    printf("},\n  \"components\": %zu,\n  \"largest_component\": %zu,\n  \"isolates\": %zu,\n",
           s->components, s->largest_component, s->isolates);
    printf("  \"density\": %.6f,\n  \"brokers\": [", s->density);
    for (size_t i = 0; i < top && i < s->actors; i++) {
        /* ids from other tools' maps keep their own spelling, quotes and all */
        printf("%s\n    {\"id\": ", i ? "," : "");
        cli_json_string(stdout, eco_graph_actor(g, brokers[i].actor)->id);
        printf(", \"betweenness\": %.6f}", brokers[i].score);
    }
    printf("%s]\n}\n", top && s->actors ? "\n  " : "");
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"json", no_argument, NULL, 'j'}, {"top", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'}, CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    cli_input in;
    cli_list_args a = {"stats", 0, 5, 1000000};
    const cli_parser parser = {.command = &cli_stats, .options = options, .input = &in,
                               .own_option = cli_list_option, .context = &a, .min_operands = 1,
                               .missing = "no input: name a map or records"};
    eco_graph *g = NULL;
    eco_error err = {0};
    eco_stats stats;
    ranked *brokers = NULL;
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    if (eco_query_stats(&stats, g, &err) < 0 || rank_brokers(g, &brokers, &err) < 0) {
        status = cli_fail(&err);
    } else if (a.json) {
        print_json(g, &stats, brokers, (size_t)a.top);
    } else {
        print_text(g, &stats, brokers, (size_t)a.top);
    }
    free(brokers);
    eco_graph_free(g);
    return status;
}

const cli_command cli_stats = {
    "stats", run, "count actors and ties, describe the structure, name key brokers",
    "usage: ecomap stats MAP_OR_RECORDS... [--top N] [--json]\n"
    "\n"
    "Prints how many records, actors (by type) and ties (by kind) the map holds, its\n"
    "connected components and density, and the N actors with the highest betweenness: those\n"
    "on the most shortest paths between others, the likeliest brokers.\n"
    "\n"
    "Components treat ties as undirected. Density is the share of actor pairs joined by at\n"
    "least one tie, of n(n-1)/2. Betweenness is raw (not normalised) on the undirected map,\n"
    "each pair of actors counted once, several ties between two actors counted as one.\n"
    "\n"
    "options:\n"
    "      --top N              how many brokers to list (default 5; 0 for none)\n"
    "      --json               print one JSON object instead of text\n"
    "      --strict, --input-format NAME, -q/--quiet, --cache DIR   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
