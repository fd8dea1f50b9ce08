/* cli/cmd_ego.c - ecomap ego: an actor and everyone within a few links of it. */
#include <stdlib.h>
#include <string.h>

#include "query.h"

/* Hops from center to every actor of the ego map, by rounds over its ties. */
static size_t *hops_from(const eco_graph *ego, size_t center)
{
    size_t n = eco_graph_actor_count(ego), *hops = malloc((n + 1) * sizeof(*hops));
    int grew = 1;

    if (!hops)
        return NULL;
    for (size_t i = 0; i < n; i++)
        hops[i] = i == center ? 0 : (size_t)-1;
    for (size_t round = 0; grew; round++) {
        grew = 0;
        for (size_t i = 0; i < eco_graph_tie_count(ego); i++) {
            const eco_tie *t = eco_graph_tie(ego, i);
            size_t ends[2] = {t->source, t->target};
            for (int e = 0; e < 2; e++)
                if (hops[ends[e]] == round && hops[ends[!e]] == (size_t)-1) {
                    hops[ends[!e]] = round + 1;
                    grew = 1;
                }
        }
    }
    return hops;
}

static int print_ego(const eco_graph *ego, size_t center, cli_output form)
{
    static const char *const people[] = {"hops", "actor", "type", "country"};
    static const char *const machines[] = {"hops", "id", "name", "type", "country"};
    size_t n = eco_graph_actor_count(ego), *hops = hops_from(ego, center), row = 0;
    int machine = form != CLI_TEXT;
    cli_table *t = cli_table_new(machine ? machines : people, machine ? 5 : 4, n);

    if (!hops || !t) {
        free(hops);
        cli_table_free(t);
        return 71;
    }
    for (size_t h = 0; row < n; h++) { /* nearest first, then in map order */
        for (size_t i = 0; i < n; i++) {
            if (hops[i] != h)
                continue;
            const eco_actor *a = eco_graph_actor(ego, i);
            size_t col = 0;
            cli_table_number(t, row, col++, (double)h, 0);
            if (machine)
                cli_table_text(t, row, col++, a->id);
            cli_table_text(t, row, col++, a->name);
            cli_table_text(t, row, col++, cli_type_label(a->type));
            cli_table_text(t, row, col, a->country ? a->country : "");
            row++;
        }
    }
    cli_table_print(t, form, stdout);
    cli_table_free(t);
    free(hops);
    return 0;
}

typedef struct ego_args {
    long hops;          /* --hops */
    cli_map_output map; /* the ego map's file and format; no file: list the actors instead */
} ego_args;

static int ego_option(void *context, int c, const char *arg)
{
    ego_args *a = context;
    switch (c) {
    case 'n':
        return cli_parse_count("ego", "hops", arg, 0, 1000000, &a->hops) < 0 ? -1 : 1;
    default:
        return cli_map_output_option(&a->map, "ego", c, arg);
    }
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"hops", required_argument, NULL, 'n'}, {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
        CLI_QUERY_OPTIONS, {NULL, 0, NULL, 0}};
    ego_args a = {1, {NULL, ECO_EXPORT_JSON}};
    cli_query q;
    const cli_parser parser = {.command = &cli_ego, .short_options = "o:f:", .options = options,
                               .query = &q, .own_option = ego_option, .context = &a,
                               .min_operands = 2,
                               .missing = "name a map (or records) and an actor"};
    eco_graph *g = NULL, *ego = NULL;
    size_t center, ego_center;
    eco_error err = {0};
    int first, status;

    if (!cli_parse_args(&first, &status, argc, argv, &parser))
        return status;
    if ((status = cli_read_inputs(&g, argv + first, argc - first - 1, &q.input)) != 0)
        return status;
    if ((status = cli_find_actor(&center, g, "ego", argv[argc - 1])) == 0) {
        if (eco_query_ego(&ego, g, center, (size_t)a.hops, &q.options, &err) < 0 ||
            eco_graph_find_actor_by_id(&ego_center, ego, eco_graph_actor(g, center)->id) < 0)
            status = cli_fail(&err);
        else if (a.map.path && eco_export_file(ego, a.map.format, NULL, a.map.path, &err) < 0)
            status = cli_fail(&err);
        else if (!a.map.path)
            status = print_ego(ego, ego_center, q.output);
    }
    eco_graph_free(ego);
    eco_graph_free(g);
    return status;
}

const cli_command cli_ego = {
    "ego", run, "an actor and everyone within N links of it",
    "usage: ecomap ego MAP_OR_RECORDS... ACTOR [--hops N] [-o MAP.json [--format FORMAT]]\n"
    "\n"
    "Lists ACTOR and every actor within N links of it (ties read both ways), nearest first;\n"
    "with -o, writes that part of the map, with every tie among those actors and its\n"
    "evidence, instead.\n"
    "\n"
    "options:\n"
    "      --hops N             how far to go (default 1)\n"
    "  -o, --output FILE        write the ego map instead of listing it\n"
    "  -f, --format FORMAT      the format of the ego map (as for 'ecomap export')\n" CLI_QUERY_HELP};
