/* cli/cmd_render.c - ecomap render: the map as a diagram, laid out by Graphviz. */
#include <string.h>

#include "query.h"
#include "render.h"

int cli_diagram_option(eco_diagram_options *d, const char *command, int c, const char *arg)
{
    long n;
    switch (c) {
    case 'T':
        d->title = arg;
        return 1;
    case 's':
        if (eco_measure_from_name(&d->size_by, arg) < 0) {
            cli_usage_error(command, "--size-by: unknown measure \"%s\" (see 'ecomap help rank')", arg);
            return -1;
        }
        return 1;
    case 'c':
        if (strcmp(arg, "type") == 0)
            d->cluster = ECO_CLUSTER_TYPE;
        else if (strcmp(arg, "country") == 0)
            d->cluster = ECO_CLUSTER_COUNTRY;
        else if (strcmp(arg, "community") == 0)
            d->cluster = ECO_CLUSTER_COMMUNITY;
        else {
            cli_usage_error(command, "--cluster: expected type, country or community, not \"%s\"", arg);
            return -1;
        }
        return 1;
    case 't':
        if (cli_parse_count(command, "top", arg, 0, 100000000, &n) < 0)
            return -1;
        d->top = (size_t)n;
        return 1;
    case 'F':
        d->focus = arg;
        return 1;
    case 'H':
        if (cli_parse_count(command, "hops", arg, 1, 1000000, &n) < 0)
            return -1;
        d->hops = (size_t)n;
        return 1;
    case 'L':
        d->layout = arg;
        return 1;
    case 'R':
        d->hide_related = 1;
        return 1;
    default:
        return 0;
    }
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'}, CLI_DIAGRAM_OPTIONS, CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    eco_diagram_options diagram = ECO_DIAGRAM_OPTIONS_INIT;
    cli_input in = {ECO_IMPORT_OPTIONS_INIT, 0};
    const char *output = NULL, *format = NULL;
    eco_graph *g = NULL;
    eco_error err = {0};
    int c, taken, status;

    while ((c = getopt_long(argc, argv, ":o:f:hq", options, NULL)) != -1) {
        if (cli_input_option(&in, c, optarg))
            continue;
        if ((taken = cli_diagram_option(&diagram, "render", c, optarg)) != 0) {
            if (taken < 0)
                return EXIT_USAGE;
            continue;
        }
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'h':
            return cli_print_help(&cli_render);
        default:
            return cli_bad_option("render", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("render", "no input: name a map or records");
    if (!output)
        return cli_usage_error("render", "name the image with -o, such as -o map.svg");
    if ((status = cli_read_inputs(&g, argv + optind, argc - optind, &in)) != 0)
        return status;
    if (diagram.focus && (status = cli_find_actor(NULL, g, "render", diagram.focus)) != 0)
        ; /* cli_find_actor said which names come close */
    else if (eco_diagram_render(g, &diagram, format, output, &err) < 0)
        status = cli_fail(&err);
    eco_graph_free(g);
    return status;
}

const cli_command cli_render = {
    "render", run, "draw the map as SVG, PNG, PDF or DOT, ready for a report",
    "usage: ecomap render MAP_OR_RECORDS... -o map.svg|map.png|map.pdf|map.dot [options]\n"
    "\n"
    "Draws the map with Graphviz: shape and colour by actor type (Okabe and Ito's\n"
    "colour-blind-safe palette), node size by a measure, line width by tie weight, line style\n"
    "by tie kind (related ties dashed and light), wrapped labels, a title and a legend of\n"
    "every type and kind drawn. The layout is dot up to 150 actors, sfdp with overlap removal\n"
    "above. The format comes from the file name's extension, or --format.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE        the image to write\n"
    "  -f, --format F           svg, png, pdf or dot\n" CLI_DIAGRAM_HELP
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};

/* ---- ecomap report ---------------------------------------------------------------------- */

static int report_run(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"brokers", required_argument, NULL, 'b'}, {"help", no_argument, NULL, 'h'},
        CLI_DIAGRAM_OPTIONS, CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    eco_report_options report = {ECO_REPORT_HTML, NULL, 0, ECO_DIAGRAM_OPTIONS_INIT};
    cli_input in = {ECO_IMPORT_OPTIONS_INIT, 0};
    const char *output = "report.html";
    eco_graph *g = NULL;
    eco_error err = {0};
    long brokers;
    int c, taken, status;

    while ((c = getopt_long(argc, argv, ":o:f:hq", options, NULL)) != -1) {
        if (cli_input_option(&in, c, optarg))
            continue;
        if ((taken = cli_diagram_option(&report.diagram, "report", c, optarg)) != 0) {
            if (taken < 0)
                return EXIT_USAGE;
            continue;
        }
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "html") == 0)
                report.format = ECO_REPORT_HTML;
            else if (strcmp(optarg, "md") == 0 || strcmp(optarg, "markdown") == 0)
                report.format = ECO_REPORT_MARKDOWN;
            else
                return cli_usage_error("report", "--format: expected html or md, not \"%s\"", optarg);
            break;
        case 'b':
            if (cli_parse_count("report", "brokers", optarg, 1, 100000, &brokers) < 0)
                return EXIT_USAGE;
            report.top = (size_t)brokers;
            break;
        case 'h':
            return cli_print_help(&cli_report);
        default:
            return cli_bad_option("report", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("report", "no input: name records or a map");
    report.title = report.diagram.title;
    if ((status = cli_read_inputs(&g, argv + optind, argc - optind, &in)) != 0)
        return status;
    if (report.diagram.focus && (status = cli_find_actor(NULL, g, "report", report.diagram.focus)) != 0)
        ; /* cli_find_actor said which names come close */
    else if (eco_report_write(g, &report, output, &err) < 0)
        status = cli_fail(&err);
    else if (!in.quiet && strcmp(output, "-") != 0)
        fprintf(stderr, "%s: report on %zu actors and %zu ties\n", output, eco_graph_actor_count(g),
                eco_graph_tie_count(g));
    eco_graph_free(g);
    return status;
}

const cli_command cli_report = {
    "report", report_run, "write a self-contained HTML (or Markdown) report on the map",
    "usage: ecomap report RECORDS_OR_MAP... [-o report.html] [--format html|md] [options]\n"
    "\n"
    "Writes one report: what was imported (records by kind, actors by type, ties by kind),\n"
    "the diagram, the key brokers (betweenness, constraint, effective size, brokerage roles)\n"
    "with their ties and the passages behind them, the communities, the cut-points and the\n"
    "bridges. The HTML file holds everything inline (SVG, CSS), runs no script and fetches\n"
    "nothing; it prints well to PDF. Markdown writes the diagram as an SVG beside the file.\n"
    "Text from the records is always escaped.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE        the report (default report.html)\n"
    "  -f, --format F           html (default) or md\n"
    "      --brokers N          brokers listed (default 15)\n" CLI_DIAGRAM_HELP
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
