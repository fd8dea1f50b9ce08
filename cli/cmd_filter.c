/* cli/cmd_filter.c - ecomap filter: the part of a map that matters, or its projection. */
#include <stdlib.h>
#include <string.h>

#include "query.h"

/* Parses "2020", "2019-2022", "2019-" or "-2022" into a year range. */
static int parse_years(const char *text, eco_filter *f)
{
    const char *dash = strchr(text, '-');
    char from[16] = "", to[16] = "";
    long y;

    if (!dash && strlen(text) < sizeof(from)) { /* one year */
        strcpy(from, text);
        strcpy(to, text);
    } else if (!dash || (size_t)(dash - text) >= sizeof(from) || strlen(dash + 1) >= sizeof(to)) {
        return cli_usage_error("filter", "--years takes YEAR, FROM-TO, FROM- or -TO, not \"%s\"",
                               text);
    } else {
        memcpy(from, text, (size_t)(dash - text));
        strcpy(to, dash + 1);
    }
    if (*from) {
        if (cli_parse_count("filter", "years", from, 1, 9999, &y) < 0)
            return EXIT_USAGE;
        f->year_from = (int)y;
    }
    if (*to) {
        if (cli_parse_count("filter", "years", to, 1, 9999, &y) < 0)
            return EXIT_USAGE;
        f->year_to = (int)y;
    }
    if (f->year_from && f->year_to && f->year_from > f->year_to)
        return cli_usage_error("filter", "--years %s: the range ends before it starts", text);
    return 0;
}

typedef struct filter_args {
    eco_filter filter;
    const char *project; /* NULL, "records", or KEY=VALUE */
    int newman;          /* Newman weighting for projections */
    cli_map_output map;  /* where to write, in which format */
} filter_args;

/* Parses --min-weight: a number of 0 or more. */
static int parse_min_weight(const char *text, eco_filter *f)
{
    char *end;

    f->min_weight = strtod(text, &end);
    if (end == text || *end || !(f->min_weight >= 0))
        return cli_usage_error("filter", "--min-weight takes a number of 0 or more, not \"%s\"",
                               text);
    return 0;
}

/* Takes --topic: no record has an empty topic, so an empty one is a mistake to name rather
 * than a filter that keeps nothing. */
static int parse_topic(const char *text, eco_filter *f)
{
    if (!*text)
        return cli_usage_error("filter", "--topic takes a topic, not an empty text");
    f->topic = text;
    return 0;
}

static int filter_option(void *context, int c, const char *arg)
{
    filter_args *a = context;
    switch (c) {
    case 'T':
        return cli_parse_types("filter", "type", arg, &a->filter.types) < 0 ? -1 : 1;
    case 'c':
        a->filter.country = arg;
        return 1;
    case 'y':
        return parse_years(arg, &a->filter) ? -1 : 1;
    case 't':
        return parse_topic(arg, &a->filter) ? -1 : 1;
    case 'w':
        return parse_min_weight(arg, &a->filter) ? -1 : 1;
    case 'i':
        a->filter.drop_isolates = 1;
        return 1;
    case 'p':
        a->project = arg;
        return 1;
    case 'N':
        a->newman = 1;
        return 1;
    default:
        return cli_map_output_option(&a->map, "filter", c, arg);
    }
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"type", required_argument, NULL, 'T'},   {"country", required_argument, NULL, 'c'},
        {"years", required_argument, NULL, 'y'},  {"topic", required_argument, NULL, 't'},
        {"min-weight", required_argument, NULL, 'w'},
        {"drop-isolates", no_argument, NULL, 'i'}, {"project", required_argument, NULL, 'p'},
        {"newman", no_argument, NULL, 'N'},       {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
        CLI_QUERY_OPTIONS,                        {NULL, 0, NULL, 0}};
    filter_args a = {ECO_FILTER_INIT, NULL, 0, {"-", ECO_EXPORT_JSON}};
    cli_query q;
    const cli_parser parser = {.command = &cli_filter, .short_options = "o:f:",
                               .options = options, .query = &q, .own_option = filter_option,
                               .context = &a, .min_operands = 1,
                               .missing = "no input: name a map or records"};
    eco_graph *g = NULL, *view = NULL, *projected = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    a.filter.kinds = q.options.kinds; /* --kinds is a query option, taken by cli_query_option */
    if (eco_query_filter(&view, g, &a.filter, &err) < 0 ||
        (a.project && eco_query_project(&projected, view, strcmp(a.project, "records") ? a.project : NULL,
                                        a.newman ? ECO_PROJECT_NEWMAN : ECO_PROJECT_COUNT, &err) < 0) ||
        eco_export_file(projected ? projected : view, a.map.format, NULL, a.map.path, &err) < 0)
        status = cli_fail(&err);
    eco_graph_free(projected);
    eco_graph_free(view);
    eco_graph_free(g);
    return status;
}

const cli_command cli_filter = {
    "filter", run, "keep part of a map (by type, country, year, topic, kind, weight) or project it",
    "usage: ecomap filter MAP_OR_RECORDS... [-o OUT] [filters] [--project records|KEY=VALUE]\n"
    "\n"
    "Writes the part of the map that passes every filter given: actors, then the ties whose\n"
    "ends both stayed. With --project, that part is then projected onto actors: two actors\n"
    "seen in one record (--project records), or tied to one initiative (--project KEY=VALUE:\n"
    "the actors whose attribute KEY, or type, is VALUE), get a `related` tie.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE        where to write (default \"-\": standard output)\n"
    "  -f, --format FORMAT      json (default) or node-link\n"
    "      --type T[,T...]      keep actors of these types\n"
    "      --country C[,C...]   keep actors of these countries\n"
    "      --years FROM-TO      keep what records of these years support (YEAR for one,\n"
    "                           FROM- or -TO for open ranges): actors seen in one of them,\n"
    "                           ties stated in one\n"
    "      --topic T            keep what records about T support: records one of whose\n"
    "                           topics is T (case, accents and spelling folded); with\n"
    "                           --years, records of those years about T\n"
    "      --kinds K[,K...]     keep ties of these kinds\n"
    "      --min-weight W       keep ties at least this heavy\n"
    "      --drop-isolates      drop actors left without ties\n"
    "      --project P          records, or KEY=VALUE (type=network, say)\n"
    "      --newman             weigh projected ties by Newman's 1/(members - 1) instead of\n"
    "                           counting shared initiatives\n"
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
