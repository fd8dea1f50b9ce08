/* cli/query.c - options, progress and actor lookup shared by the query commands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "query.h"

void cli_query_init(cli_query *q, const char *command)
{
    memset(q, 0, sizeof(*q));
    q->input.import = (eco_import_options)ECO_IMPORT_OPTIONS_INIT;
    q->options = (eco_query_options)ECO_QUERY_OPTIONS_INIT;
    q->approx = (eco_approx_options)ECO_APPROX_OPTIONS_INIT;
    q->command = command;
    /* Long runs show progress to a person at a terminal, never to a pipe or a log. */
    if (cli_stderr_is_terminal())
        q->options.progress = cli_show_progress;
}

/* Parses a number strictly between 0 and 1 for option name; -1 after a usage error. */
static int parse_fraction(const char *command, const char *name, const char *text, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(text, &end);
    if (errno || end == text || *end != '\0' || !(v > 0 && v < 1)) {
        cli_usage_error(command, "--%s takes a number between 0 and 1, not \"%s\"", name, text);
        return -1;
    }
    *out = v;
    return 0;
}

static int betweenness_option(cli_query *q, int c, const char *arg)
{
    long value;

    switch (c) {
    case 0x100:
        if (cli_parse_count(q->command, "threads", arg, 0, 256, &value) < 0)
            return -1;
        q->options.threads = (int)value;
        return 1;
    case 0x101:
        q->estimate = 1;
        return parse_fraction(q->command, "approx", arg, &q->approx.epsilon) < 0 ? -1 : 1;
    case 0x102:
        return parse_fraction(q->command, "delta", arg, &q->approx.delta) < 0 ? -1 : 1;
    case 0x103:
        if (cli_parse_count(q->command, "seed", arg, 0, 2147483647L, &value) < 0)
            return -1;
        q->approx.seed = (unsigned long)value;
        return 1;
    case 0x104:
        q->estimate = -1;
        return 1;
    default:
        return 0;
    }
}

int cli_query_option(cli_query *q, int c, const char *arg)
{
    if (cli_input_option(&q->input, c, arg)) {
        if (q->input.quiet)
            q->options.progress = NULL;
        return 1;
    }
    switch (c) {
    case 'D':
        q->options.directed = 1;
        return 1;
    case 'W':
        q->options.weighted = 1;
        return 1;
    case 'K':
        return cli_parse_kinds(q->command, "kinds", arg, &q->options.kinds) < 0 ? -1 : 1;
    case 'J':
        q->output = CLI_JSON;
        return 1;
    case 'C':
        q->output = CLI_CSV;
        return 1;
    default:
        return betweenness_option(q, c, arg);
    }
}

/* Whether betweenness is estimated, and with what options: 1, or 0 for exact.  Says so on
 * standard error when the map's size decided it. */
static int estimating(eco_approx_options *approx, const eco_graph *g, const cli_query *q)
{
    size_t actors = eco_graph_actor_count(g), ties = eco_graph_tie_count(g);

    *approx = q->approx;
    if (q->estimate < 0 || (q->estimate == 0 && (double)actors * (double)ties <= CLI_EXACT_LIMIT))
        return 0;
    if (q->estimate == 0) {
        approx->epsilon = CLI_AUTO_EPSILON;
        if (!q->input.quiet)
            fprintf(stderr,
                    "ecomap %s: note: %zu actors and %zu ties: betweenness is estimated from "
                    "sampled paths (--approx %g, --delta %g); --exact computes it exactly\n",
                    q->command, actors, ties, approx->epsilon, approx->delta);
    }
    return 1;
}

int cli_query_betweenness(double *out, const eco_graph *g, eco_measure measure,
                          const cli_query *q, eco_error *err)
{
    eco_approx_options approx;

    if (!estimating(&approx, g, q))
        return eco_query_measure(out, g, measure, &q->options, err);
    return eco_query_betweenness_approx(out, NULL, g, measure, &approx, &q->options, err);
}

int cli_query_betweenness_top(double *out, double *lower, double *upper, cli_estimate *est,
                              const eco_graph *g, eco_measure measure, size_t k,
                              const cli_query *q, eco_error *err)
{
    size_t n = eco_graph_actor_count(g);
    eco_approx_options approx;
    int rc;

    memset(est, 0, sizeof(*est));
    if (!estimating(&approx, g, q)) {
        if ((rc = eco_query_measure(out, g, measure, &q->options, err)) < 0)
            return rc;
        memcpy(lower, out, n * sizeof(*out));
        memcpy(upper, out, n * sizeof(*out));
        return 0;
    }
    est->estimated = 1;
    return eco_query_betweenness_top(out, lower, upper, &est->promise, g, measure, k, &approx,
                                     &q->options, err);
}

const char *cli_estimate_verdict(const cli_estimate *est, double lower, double upper)
{
    if (lower > est->promise.rest_ceiling)
        return "sure";
    return upper >= est->promise.top_floor ? "maybe" : "no";
}

void cli_actor_cells(cli_table *t, size_t row, const eco_actor *a, int people)
{
    if (people)
        cli_table_number(t, row, 0, (double)(row + 1), 0);
    else
        cli_table_text(t, row, 0, a->id);
    cli_table_text(t, row, 1, a->name);
    cli_table_text(t, row, 2, cli_type_label(a->type));
}

size_t cli_interval_cells(cli_table *t, size_t row, size_t column, double lower, double upper,
                          int decimals, int people)
{
    if (people) {
        char interval[80];
        snprintf(interval, sizeof(interval), "%.*f to %.*f", decimals, lower, decimals, upper);
        cli_table_text(t, row, column, interval);
        return column + 1;
    }
    cli_table_number(t, row, column, lower, decimals);
    cli_table_number(t, row, column + 1, upper, decimals);
    return column + 2;
}

size_t cli_estimate_rows(size_t *order, const cli_estimate *est, const double *upper, size_t n,
                         size_t named)
{
    size_t rows = named;

    if (!est->estimated)
        return rows;
    for (size_t i = named; i < n; i++)
        if (upper[order[i]] >= est->promise.top_floor)
            order[rows++] = order[i];
    return rows;
}

/* "1st", "2nd", "3rd", "4th", ..., "11th", ..., "21st". */
static const char *ordinal(char *buf, size_t size, size_t n)
{
    static const char *const suffix[] = {"th", "st", "nd", "rd"};
    size_t last = n % 10;
    snprintf(buf, size, "%zu%s", n, n % 100 / 10 == 1 || last > 3 ? "th" : suffix[last]);
    return buf;
}

void cli_estimate_print(FILE *out, const cli_estimate *est, const cli_query *q,
                        const char *measure, size_t named, size_t rows)
{
    const eco_top_promise *p = &est->promise;
    char nth[32];

    ordinal(nth, sizeof(nth), named);
    fprintf(out,
            "%s estimated from %zu sampled shortest paths: with probability %g, every exact "
            "value lies in its interval, and then\n",
            measure, p->samples, 1 - q->approx.delta);
    if (rows == named && p->candidates <= named && named == 1)
        fprintf(out, "- the row above is the actor with the highest %s\n", measure);
    else if (rows == named && p->candidates <= named)
        fprintf(out, "- the %zu rows above are the %zu actors with the highest %s (their order "
                     "may still differ)\n", named, named, measure);
    else
        fprintf(out,
                "- the %zu actors with the highest %s are among the %zu marked sure or maybe: "
                "the %zu highest estimates and %zu more that the sample cannot tell from the %s "
                "(upper ends at or above %.*f, the %s highest lower end)\n",
                named, measure, p->candidates, named, p->candidates - named, nth,
                p->top_floor < 1 ? 6 : 1, p->top_floor, nth);
    if (p->sure < named)
        fprintf(out, "- %zu of the %zu highest estimates %s surely among them (marked sure)\n",
                p->sure, named, p->sure == 1 ? "is" : "are");
    if (p->capped)
        fprintf(out, "- sampling stopped at its cost cap before telling them apart; --exact "
                     "computes betweenness exactly\n");
}

/* Parses a comma-separated list with parse_one, setting a bit for each value. */
static int parse_list(const char *command, const char *option, const char *list, unsigned *out,
                      int (*parse_one)(const char *, int *), const char *expected)
{
    char *copy = strdup(list), *save = NULL;
    int rc = 0;

    if (!copy)
        return -1;
    *out = 0;
    for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        int value;
        if (parse_one(item, &value) < 0) {
            cli_usage_error(command, "--%s: unknown value \"%s\"; expected %s", option, item, expected);
            rc = -1;
            break;
        }
        *out |= 1u << value;
    }
    if (rc == 0 && *out == 0) {
        cli_usage_error(command, "--%s needs at least one value", option);
        rc = -1;
    }
    free(copy);
    return rc;
}

static int parse_kind(const char *s, int *out)
{
    eco_tie_kind kind;
    if (eco_tie_kind_from_name(&kind, s) < 0)
        return -1;
    *out = (int)kind;
    return 0;
}

static int parse_type(const char *s, int *out)
{
    eco_actor_type type;
    if (strcmp(s, "unknown") == 0) {
        *out = ECO_TYPE_UNKNOWN;
        return 0;
    }
    if (eco_actor_type_from_name(&type, s) < 0)
        return -1;
    *out = (int)type;
    return 0;
}

int cli_parse_kinds(const char *command, const char *option, const char *list, unsigned *out)
{
    return parse_list(command, option, list, out, parse_kind,
                      "partnership, funding, hosting, support, membership or related");
}

int cli_parse_types(const char *command, const char *option, const char *list, unsigned *out)
{
    return parse_list(command, option, list, out, parse_type,
                      "government, lab, academia, civil_society, international, private, network "
                      "or unknown");
}

int cli_map_output_option(cli_map_output *out, const char *command, int c, const char *arg)
{
    switch (c) {
    case 'o':
        out->path = arg;
        return 1;
    case 'f':
        if (eco_export_format_from_name(&out->format, arg) == 0)
            return 1;
        cli_usage_error(command, "unknown format \"%s\"", arg);
        return -1;
    default:
        return 0;
    }
}

int cli_find_actor(size_t *out, const eco_graph *g, const char *command, const char *name)
{
    size_t close[3], found;
    char line[700];
    int n;

    if (eco_graph_find_actor(out, g, name, NULL) == 0 || eco_graph_find_actor_by_id(out, g, name) == 0)
        return 0;
    found = eco_query_similar_names(close, 3, g, name);
    n = snprintf(line, sizeof(line), "ecomap %s: error: no actor is called \"%s\"", command, name);
    for (size_t i = 0; i < found && n > 0 && (size_t)n < sizeof(line); i++)
        n += snprintf(line + n, sizeof(line) - (size_t)n, "%s\"%s\"", i ? ", " : "; closest: ",
                      eco_graph_actor(g, close[i])->name);
    cli_error_line("%s", line);
    return EXIT_DATA;
}

const char *cli_type_label(eco_actor_type type)
{
    return type == ECO_TYPE_UNKNOWN ? "unknown" : eco_actor_type_name(type);
}
