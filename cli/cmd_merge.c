/* cli/cmd_merge.c - ecomap merge: several maps into one, actors joined by name. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* A tie whose two ends are one actor in the merged map cannot be kept: said, not lost. */
static void tie_dropped(const eco_graph *src, size_t i, void *ctx)
{
    const eco_tie *t = eco_graph_tie(src, i);
    const char *path = ctx;

    cli_error_line("%s: warning: tie between \"%s\" and \"%s\" (%s) left out: the two are "
                   "one actor in the merged map",
                   path, eco_graph_actor(src, t->source)->name,
                   eco_graph_actor(src, t->target)->name,
                   eco_tie_kind_name(t->kind));
}

/* Reads each input on its own, so that each map is whole before it meets the others, and
 * absorbs it into *out.  *matched counts the actors found in a map merged before. */
static int merge_inputs(eco_graph **out, size_t *matched, char **paths, int count, cli_input *in)
{
    eco_graph *merged = NULL, *part = NULL;
    eco_error err = {0};
    int status = 0;

    *matched = 0;
    for (int i = 0; i < count && status == 0; i++) {
        size_t before;
        if ((status = cli_read_inputs(&part, &paths[i], 1, in)) != 0)
            break;
        if (!merged) {
            merged = part;
            part = NULL;
            continue;
        }
        before = eco_graph_actor_count(merged);
        if (eco_graph_absorb_told(merged, part, in->quiet ? NULL : tie_dropped, paths[i], &err) < 0)
            status = cli_fail(&err);
        else
            *matched += before + eco_graph_actor_count(part) - eco_graph_actor_count(merged);
        eco_graph_free(part);
        part = NULL;
    }
    if (status == 0) {
        *out = merged;
        merged = NULL;
    }
    eco_graph_free(merged);
    return status;
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {{"output", required_argument, NULL, 'o'},
                                            {"help", no_argument, NULL, 'h'},
                                            CLI_INPUT_OPTIONS,
                                            {NULL, 0, NULL, 0}};
    cli_input in;
    const char *output = "-";
    const cli_parser parser = {.command = &cli_merge, .short_options = "o:", .options = options,
                               .input = &in, .own_option = cli_output_option, .context = &output,
                               .min_operands = 2, .missing = "name at least two maps to merge"};
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t matched;
    int first, status;

    if (!cli_parse_args(&first, &status, argc, argv, &parser))
        return status;
    if ((status = merge_inputs(&g, &matched, argv + first, argc - first, &in)) != 0)
        return status;
    if (eco_graph_save(g, output, &err) < 0)
        status = cli_fail(&err);
    else if (!in.quiet && strcmp(output, "-") != 0)
        fprintf(stderr, "%s: %d maps merged: %zu actors (%zu found in more than one), %zu ties\n",
                output, argc - first, eco_graph_actor_count(g), matched, eco_graph_tie_count(g));
    eco_graph_free(g);
    return status;
}

const cli_command cli_merge = {
    "merge", run, "merge maps into one, joining actors by name and alias",
    "usage: ecomap merge MAP MAP... [-o MAP.json] [--strict] [--input-format FORMAT] [--quiet]\n"
    "\n"
    "Reads each MAP (a native map, or records imported on the fly) on its own, then merges\n"
    "them in the order given into one native map. An actor of a later map joins the actor\n"
    "of an earlier one that has its id, or its name or one of its aliases (folded as the\n"
    "importer folds names: case, accents, punctuation, British and American spelling);\n"
    "a name never joins actors of two different countries. A joined actor keeps every name\n"
    "as an alias, the first map's type and country (a later map fills them only when\n"
    "unknown), the attributes of all maps (the first map's value when they disagree) and\n"
    "all records. Ties that become one add their weights and unite their evidence.\n"
    "\n"
    "options:\n"
    "  -o, --output MAP.json    where to write the merged map (default \"-\": standard output);\n"
    "                           an existing file is replaced only when the whole run succeeds\n"
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
