/* cli/cmd_export.c - ecomap export: a map, or records, written in another format. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct export_args {
    eco_export_format format;   /* --format */
    eco_export_options options; /* --links */
    const char *output;         /* --output */
} export_args;

static int export_option(void *context, int c, const char *arg)
{
    export_args *a = context;
    switch (c) {
    case 'f':
        if (eco_export_format_from_name(&a->format, arg) == 0)
            return 1;
        cli_usage_error("export",
                        "unknown format \"%s\"; expected json, node-link, cytoscape, graphml, "
                        "gexf, kumu, neo4j or dot",
                        arg);
        return -1;
    case 'o':
        a->output = arg;
        return 1;
    case 'L':
        a->options.node_link_links = 1;
        return 1;
    default:
        return 0;
    }
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"links", no_argument, NULL, 'L'},        {"help", no_argument, NULL, 'h'},
        CLI_INPUT_OPTIONS,                        {NULL, 0, NULL, 0}};
    cli_input in;
    export_args a = {ECO_EXPORT_JSON, ECO_EXPORT_OPTIONS_INIT, "-"};
    const cli_parser parser = {.command = &cli_export, .short_options = "f:o:", .options = options,
                               .input = &in, .own_option = export_option, .context = &a,
                               .min_operands = 1, .missing = "no input: name a map or records"};
    eco_graph *g = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    if (eco_export_file(g, a.format, &a.options, a.output, &err) < 0)
        status = cli_fail(&err);
    eco_graph_free(g);
    return status;
}

const cli_command cli_export = {
    "export", run, "write a map in another format (json, node-link, gexf, kumu, ...)",
    "usage: ecomap export MAP_OR_RECORDS... [--format FORMAT] [-o OUTPUT] [--links]\n"
    "\n"
    "Writes the map in FORMAT. Inputs may be maps or raw records, imported on the fly as\n"
    "'ecomap import' would.\n"
    "\n"
    "formats:\n"
    "  json        ecomap's native map (the default); see docs/FORMAT.md\n"
    "  node-link   NetworkX node-link JSON: nodes with id, name, type, country, aliases;\n"
    "              edges with source, target, kind, directed, weight, evidence. Read it with\n"
    "              networkx.node_link_graph(data, edges=\"edges\")\n"
    "  cytoscape   Cytoscape.js JSON: {\"elements\": {\"nodes\": [...], \"edges\": [...]}};\n"
    "              also read by networkx.cytoscape_graph\n"
    "  graphml     GraphML for NetworkX, igraph, Gephi and yEd; lists joined with '|'\n"
    "  gexf        GEXF 1.3 for Gephi: nodes coloured by type (Okabe-Ito palette) and\n"
    "              sized by degree\n"
    "  kumu        Kumu's spreadsheet CSV, three files: -o map.csv writes\n"
    "              map.elements.csv and map.connections.csv (for Kumu) and\n"
    "              map.records.csv (for ecomap to read the map back whole)\n"
    "  neo4j       neo4j-admin import CSV, two files: -o map.csv writes map.nodes.csv and\n"
    "              map.relationships.csv; import with --array-delimiter=\"|\"\n"
    "  dot         Graphviz DOT, built with cgraph and styled as 'ecomap render' draws it,\n"
    "              every actor, with its name, type and country and each tie's kind and\n"
    "              evidence as attributes, for 'ecomap import' to read back\n"
    "\n"
    "A format of several files writes all of them or, on failure, none; to standard\n"
    "output it writes the tables one after another, two empty rows between them.\n"
    "docs/FORMAT.md describes every format.\n"
    "\n"
    "options:\n"
    "  -f, --format FORMAT      one of the formats above (default json)\n"
    "  -o, --output FILE        where to write (default \"-\": standard output); an existing\n"
    "                           file is replaced only when the whole run succeeds\n"
    "      --links              node-link: call the edge list \"links\", as NetworkX before 3.4\n"
    "                           expects by default\n"
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
