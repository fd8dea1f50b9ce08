/* cli/cmd_render.c - ecomap render: the map as a diagram, laid out by Graphviz. */
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "render.h"

/* Parses a whole number from min to max for option name into *out: 1, or -1 after a usage
 * error, as an option taker answers. */
static int take_count(size_t *out, const char *command, const char *name, const char *arg,
                      long min, long max)
{
    long n;

    if (cli_parse_count(command, name, arg, min, max, &n) < 0)
        return -1;
    *out = (size_t)n;
    return 1;
}

/* Parses type, country or community for option name into *out: 1, or -1 after a usage
 * error. */
static int take_grouping(eco_cluster_by *out, const char *command, const char *name,
                         const char *arg)
{
    if (strcmp(arg, "type") == 0)
        *out = ECO_CLUSTER_TYPE;
    else if (strcmp(arg, "country") == 0)
        *out = ECO_CLUSTER_COUNTRY;
    else if (strcmp(arg, "community") == 0)
        *out = ECO_CLUSTER_COMMUNITY;
    else {
        cli_usage_error(command, "--%s: expected type, country or community, not \"%s\"", name,
                        arg);
        return -1;
    }
    return 1;
}

/* Parses a label size in points, from 4 to 72. */
static int take_points(double *out, const char *command, const char *arg)
{
    char *end;
    double points = strtod(arg, &end);

    if (end == arg || *end || !(points >= 4 && points <= 72)) {
        cli_usage_error(command, "--label-size: expected points from 4 to 72, not \"%s\"", arg);
        return -1;
    }
    *out = points;
    return 1;
}

int cli_diagram_option(eco_diagram_options *d, const char *command, int c, const char *arg)
{
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
        return take_grouping(&d->cluster, command, "cluster", arg);
    case 'O':
        return take_grouping(&d->overview, command, "overview", arg);
    case 'P':
        d->page = arg;
        return 1;
    case 'Z':
        return take_points(&d->label_points, command, arg);
    case 'Y': /* --all */
        d->keep_small = 1;
        return 1;
    case 't':
        return take_count(&d->top, command, "top", arg, 0, 100000000);
    case 'F':
        d->focus = arg;
        return 1;
    case 'H':
        return take_count(&d->hops, command, "hops", arg, 1, 1000000);
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

/* --hops says how far around --focus to draw: alone, it would be ignored without a word. */
static int check_focus(const eco_diagram_options *d, const char *command)
{
    if (d->hops && !d->focus)
        return cli_usage_error(command, "--hops needs --focus: it says how far around the "
                                        "focus actor to draw");
    return 0;
}

typedef struct render_args {
    eco_diagram_options diagram; /* CLI_DIAGRAM_OPTIONS */
    const char *output;          /* --output */
    const char *format;          /* --format; NULL: the output's extension says */
} render_args;

static int render_option(void *context, int c, const char *arg)
{
    render_args *a = context;
    switch (c) {
    case 'o':
        a->output = arg;
        return 1;
    case 'f':
        a->format = arg;
        return 1;
    default:
        return cli_diagram_option(&a->diagram, "render", c, arg);
    }
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'}, CLI_DIAGRAM_OPTIONS, CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    cli_input in;
    render_args a = {ECO_DIAGRAM_OPTIONS_INIT, NULL, NULL};
    const cli_parser parser = {.command = &cli_render, .short_options = "o:f:",
                               .options = options, .input = &in, .own_option = render_option,
                               .context = &a, .min_operands = 1,
                               .missing = "no input: name a map or records"};
    eco_graph *g = NULL;
    eco_error err = {0};
    int first, status;

    if (!cli_parse_args(&first, &status, argc, argv, &parser))
        return status;
    if ((status = check_focus(&a.diagram, "render")) != 0)
        return status;
    if (!a.output)
        return cli_usage_error("render", "name the image with -o, such as -o map.svg");
    if ((status = cli_read_inputs(&g, argv + first, argc - first, &in)) != 0)
        return status;
    if (a.diagram.focus && (status = cli_find_actor(NULL, g, "render", a.diagram.focus)) != 0)
        ; /* cli_find_actor said which names come close */
    else if (eco_diagram_render(g, &a.diagram, a.format, a.output, &err) < 0)
        status = cli_fail(&err);
    eco_graph_free(g);
    return status;
}

const cli_command cli_render = {
    "render", run, "draw the map as SVG, PNG, PDF or DOT, ready for a report",
    "usage: ecomap render MAP_OR_RECORDS... -o map.svg|map.png|map.pdf|map.dot [options]\n"
    "\n"
    "Draws the map with Graphviz for a page (A4 unless --page says otherwise): shape and\n"
    "colour by actor type (Okabe and Ito's colour-blind-safe palette), node size by a\n"
    "measure, line width by tie weight, line style by tie kind (related ties dashed and\n"
    "light), wrapped labels, a title, a legend of every type and kind drawn, and a caption\n"
    "that says what was left out. Isolated actors and pairs are left out of a whole map;\n"
    "the most central actors are named, as many as fit with labels of 8 points or more, and\n"
    "the actors that join them are drawn as dots. Only what is drawn is laid out (neato, or\n"
    "fdp with --cluster). A PDF is the whole sheet; SVG and PNG (144 dpi) are the drawing.\n"
    "The format comes from the file name's extension, or --format.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE        the image to write\n"
    "  -f, --format F           svg, png, pdf or dot\n" CLI_DIAGRAM_HELP
    "      --strict, --input-format NAME, -q/--quiet, --cache DIR   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};

/* ---- ecomap report ---------------------------------------------------------------------- */

typedef struct report_args {
    eco_report_options report; /* --format, --brokers and CLI_DIAGRAM_OPTIONS */
    const char *output;        /* --output */
} report_args;

static int parse_report_format(const char *arg, eco_report_format *out)
{
    if (strcmp(arg, "html") == 0)
        *out = ECO_REPORT_HTML;
    else if (strcmp(arg, "md") == 0 || strcmp(arg, "markdown") == 0)
        *out = ECO_REPORT_MARKDOWN;
    else {
        cli_usage_error("report", "--format: expected html or md, not \"%s\"", arg);
        return -1;
    }
    return 1;
}

static int report_option(void *context, int c, const char *arg)
{
    report_args *a = context;
    switch (c) {
    case 'o':
        a->output = arg;
        return 1;
    case 'f':
        return parse_report_format(arg, &a->report.format);
    case 'b':
        return take_count(&a->report.top, "report", "brokers", arg, 1, 100000);
    case 'd':
        a->report.diagram_path = arg;
        return 1;
    default:
        return cli_diagram_option(&a->report.diagram, "report", c, arg);
    }
}

static int report_run(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"brokers", required_argument, NULL, 'b'}, {"diagram", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        CLI_DIAGRAM_OPTIONS, CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    cli_input in;
    report_args a = {ECO_REPORT_OPTIONS_INIT, "report.html"};
    const cli_parser parser = {.command = &cli_report, .short_options = "o:f:",
                               .options = options, .input = &in, .own_option = report_option,
                               .context = &a, .min_operands = 1,
                               .missing = "no input: name records or a map"};
    eco_report_options *report = &a.report;
    eco_graph *g = NULL;
    eco_error err = {0};
    int first, status;

    if (!cli_parse_args(&first, &status, argc, argv, &parser))
        return status;
    if ((status = check_focus(&report->diagram, "report")) != 0 ||
        (status = cli_read_inputs(&g, argv + first, argc - first, &in)) != 0)
        return status;
    report->title = report->diagram.title;
    if (report->diagram.focus &&
        (status = cli_find_actor(NULL, g, "report", report->diagram.focus)) != 0)
        ; /* cli_find_actor said which names come close */
    else if (eco_report_write(g, report, a.output, &err) < 0)
        status = cli_fail(&err);
    else if (!in.quiet && strcmp(a.output, "-") != 0)
        fprintf(stderr, "%s: report on %zu actors and %zu ties\n", a.output,
                eco_graph_actor_count(g), eco_graph_tie_count(g));
    eco_graph_free(g);
    return status;
}

const cli_command cli_report = {
    "report", report_run, "write a self-contained HTML (or Markdown) report on the map",
    "usage: ecomap report RECORDS_OR_MAP... [-o report.html] [--format html|md] [options]\n"
    "\n"
    "Writes one report for a programme team: a table of contents; what was imported\n"
    "(records by kind, actors by type, ties by kind); the diagram, made for the page that A4\n"
    "and letter share (and the communities drawn one node each on big maps); what each\n"
    "measure means; the key actors, each with a profile (type, country, records, measures,\n"
    "brokerage roles) and every tie with the passages behind it; communities of two or more,\n"
    "largest first; cut-points and bridges by how many actors they cut off; the source\n"
    "records; and what the data lacks. Everything is printed open. The HTML file holds\n"
    "everything inline (SVG, CSS), runs no script and fetches nothing; it prints to PDF on A4\n"
    "and letter. Markdown writes the diagram as NAME.svg beside NAME.md, and never over a\n"
    "file that an earlier report of that name did not write (--diagram names another).\n"
    "Text from the records is always escaped.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE        the report (default report.html)\n"
    "  -f, --format F           html (default) or md\n"
    "      --brokers N          key actors profiled (default 15)\n"
    "      --diagram FILE       Markdown: write the diagram to FILE, replacing it if it exists\n"
    CLI_DIAGRAM_HELP
    "      --strict, --input-format NAME, -q/--quiet, --cache DIR   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};

/* ---- ecomap view ------------------------------------------------------------------------ */

typedef struct view_args {
    eco_view_options view; /* --title, --size-by */
    const char *output;    /* --output */
} view_args;

static int view_option(void *context, int c, const char *arg)
{
    view_args *a = context;
    switch (c) {
    case 'o':
        a->output = arg;
        return 1;
    case 'T':
        a->view.title = arg;
        return 1;
    case 's':
        if (eco_measure_from_name(&a->view.size_by, arg) < 0) {
            cli_usage_error("view", "--size-by: unknown measure \"%s\" (see 'ecomap help rank')", arg);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

static int view_run(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"title", required_argument, NULL, 'T'},
        {"size-by", required_argument, NULL, 's'}, {"help", no_argument, NULL, 'h'},
        CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    cli_input in;
    view_args a = {ECO_VIEW_OPTIONS_INIT, NULL};
    const cli_parser parser = {.command = &cli_view, .short_options = "o:", .options = options,
                               .input = &in, .own_option = view_option, .context = &a,
                               .min_operands = 1, .missing = "no input: name a map or records"};
    eco_graph *g = NULL;
    eco_error err = {0};
    int first, status;

    if (!cli_parse_args(&first, &status, argc, argv, &parser))
        return status;
    if (!a.output)
        return cli_usage_error("view", "name the page with -o, such as -o map.html");
    if ((status = cli_read_inputs(&g, argv + first, argc - first, &in)) != 0)
        return status;
    if (eco_view_write(g, &a.view, a.output, &err) < 0)
        status = cli_fail(&err);
    else if (!in.quiet && strcmp(a.output, "-") != 0)
        fprintf(stderr, "%s: interactive map of %zu actors and %zu ties\n", a.output,
                eco_graph_actor_count(g), eco_graph_tie_count(g));
    eco_graph_free(g);
    return status;
}

const cli_command cli_view = {
    "view", view_run, "write the map as one interactive HTML page that works offline",
    "usage: ecomap view MAP_OR_RECORDS... -o map.html [options]\n"
    "\n"
    "Writes one self-contained HTML file: the map laid out by Graphviz beforehand, to pan and\n"
    "zoom; search by any name or alias; filters by actor type, tie kind, country and year;\n"
    "click an actor to see its ties, the sentences that state them and the records they come\n"
    "from, with its neighbourhood highlighted; and the legend. It fetches nothing, and its\n"
    "Content-Security-Policy lets only its own script run: text from the records is shown as\n"
    "text, never run.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE        the page to write\n"
    "      --title TEXT         the page's title (default \"Ecosystem map\")\n"
    "      --size-by MEASURE    what an actor's size shows (default betweenness)\n"
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
