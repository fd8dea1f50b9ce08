/* cli/cmd_import.c - ecomap import: records and maps in, one native map out. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
        CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    cli_input in;
    const char *output = "-";
    const cli_parser parser = {.command = &cli_import, .short_options = "o:", .options = options,
                               .input = &in, .own_option = cli_output_option, .context = &output,
                               .min_operands = 1,
                               .missing = "no input: name files or folders of records or maps"};
    eco_graph *g = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    if (eco_graph_save(g, output, &err) < 0) {
        eco_graph_free(g);
        return cli_fail(&err);
    }
    if (!in.quiet && strcmp(output, "-") != 0)
        fprintf(stderr, "%s: %zu records, %zu actors, %zu ties\n", output,
                eco_graph_record_count(g), eco_graph_actor_count(g), eco_graph_tie_count(g));
    eco_graph_free(g);
    return 0;
}

const cli_command cli_import = {
    "import", run, "read records and maps into one native map",
    "usage: ecomap import PATH... [-o MAP.json] [--strict] [--input-format FORMAT] [--quiet]\n"
    "\n"
    "Reads files, and every file below folders, detects each one's format from its content,\n"
    "and writes the actors, ties and evidence they hold as one native ecomap map. Actors\n"
    "named alike in several inputs become one, named by the spelling most records use.\n"
    "The map depends on what the inputs hold, not on their order or file names. PATH \"-\"\n"
    "reads standard input.\n"
    "\n"
    "Formats read: ecomap JSON maps; CSV files of ties whose header names a source and a\n"
    "target column (optional: kind, weight, directed, evidence, source_type, target_type,\n"
    "source_country, target_country, country); Kumu spreadsheets (an elements sheet with a\n"
    "Label column, a connections sheet with From and To, and the records sheet ecomap\n"
    "writes beside them: name all three, or their folder, in any order, to get an exported\n"
    "map back whole; a connection to an element no sheet has is a warning);\n"
    "Kumu project JSON; NetworkX node-link JSON; Cytoscape.js JSON; GraphML; GEXF (Gephi);\n"
    "Graphviz DOT; Participedia's CSV export of cases, methods and organizations; web pages\n"
    "and PDFs, read as records.\n"
    "Tables of records: a CSV or JSON array whose rows are records (UNDP's platform export,\n"
    "the JRC catalogue of public service innovations, Participedia's JSON exports, any\n"
    "table through --columns): one record a row, organisation columns read as actors,\n"
    "text columns read as prose.\n"
    "Records read: UNDP Accelerator Lab plans, experiments and solutions, Participedia\n"
    "entries, OECD OPSI case studies, UN Public Service Awards nominations, video summaries,\n"
    "and any other text, as text, a saved web page or a PDF; their organisations, types\n"
    "and ties are extracted, each tie with the sentence that states it.\n"
    "\n"
    "options:\n"
    "  -o, --output MAP.json    where to write the map (default \"-\": standard output); an\n"
    "                           existing file is replaced only when the whole run succeeds\n"
    "      --strict             what would be a warning is an error: a file that cannot be\n"
    "                           read, parsed or recognised, a row ignored, a missing Kumu\n"
    "                           element\n"
    "      --input-format NAME  read every input as NAME (json, csv, kumu, kumu-json,\n"
    "                           node-link, cytoscape, graphml, gexf, dot, participedia-csv,\n"
    "                           table, table-json, undp, participedia, opsi, unpsa, video,\n"
    "                           text, html, pdf)\n"
    "                           instead of detecting\n"
    "      --aliases FILE       CSV of alias,canonical[,type,country]: names to recognise in\n"
    "                           records and to merge into one actor\n"
    "      --fix FILE           the analyst's corrections, applied after resolution: join,\n"
    "                           apart, not-actor, type, country, name, drop-tie, kind,\n"
    "                           direction (docs/FORMAT.md; ecomap check suggests lines)\n"
    "      --columns FILE       which columns of a table of records hold its id, title,\n"
    "                           country, year, text and organisations (ROLE = COLUMN lines;\n"
    "                           docs/FORMAT.md)\n"
    "      --model DIR          read records with the extractor's models in DIR (actor.model,\n"
    "                           type.model, tie.model, common.words, as\n"
    "                           tools/train-extractor writes them)\n"
    "                           instead of the built-in ones\n"
    "  -q, --quiet              print no warnings and no summary\n"
    "      --cache DIR          (commands that compute measures) keep betweenness and\n"
    "                           closeness in DIR, named by a hash of the map, and read them\n"
    "                           there instead of computing them again; ECOMAP_CACHE=DIR does\n"
    "                           the same. Without either, nothing is kept between runs\n"
    "  -h, --help               show this help\n"};
