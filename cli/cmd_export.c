/* cli/cmd_export.c - ecomap export: a map, or records, written in another format. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"links", no_argument, NULL, 'L'},        {"help", no_argument, NULL, 'h'},
        CLI_INPUT_OPTIONS,                        {NULL, 0, NULL, 0}};
    cli_input in = {ECO_IMPORT_OPTIONS_INIT, 0};
    eco_export_options export_options = ECO_EXPORT_OPTIONS_INIT;
    eco_export_format format = ECO_EXPORT_JSON;
    const char *output = "-";
    eco_graph *g = NULL;
    eco_error err = {0};
    int c, status;

    while ((c = getopt_long(argc, argv, ":f:o:hq", options, NULL)) != -1) {
        if (cli_input_option(&in, c, optarg))
            continue;
        switch (c) {
        case 'f':
            if (eco_export_format_from_name(&format, optarg) < 0)
                return cli_usage_error("export",
                                       "unknown format \"%s\"; expected json, node-link, "
                                       "cytoscape, graphml, gexf, kumu, neo4j or dot",
                                       optarg);
            break;
        case 'o':
            output = optarg;
            break;
        case 'L':
            export_options.node_link_links = 1;
            break;
        case 'h':
            return cli_print_help(&cli_export);
        default:
            return cli_bad_option("export", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("export", "no input: name a map or records");
    if ((status = cli_read_inputs(&g, argv + optind, argc - optind, &in)) != 0)
        return status;
    if (eco_export_file(g, format, &export_options, output, &err) < 0)
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
    "  dot         Graphviz DOT, built with cgraph and styled as 'ecomap render' draws it\n"
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
