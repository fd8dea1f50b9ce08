/* cli/cmd_brokers.c - ecomap brokers: one table of what makes an actor a broker. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

typedef struct broker_data {
    double *betweenness, *constraint, *effective_size;
    double *lower, *upper; /* per actor: betweenness's interval (itself when exact) */
    cli_estimate estimate; /* whether betweenness is estimated, and how surely */
    eco_brokerage *roles;
    eco_cuts *cuts;
    size_t *separated; /* per actor: actors it alone connects, 0 when not a cut-point */
    int *is_cut;       /* per actor: whether it is a cut-point */
} broker_data;

static void broker_data_free(broker_data *d)
{
    free(d->betweenness);
    free(d->lower);
    free(d->upper);
    free(d->constraint);
    free(d->effective_size);
    eco_brokerage_free(d->roles);
    eco_cuts_free(d->cuts);
    free(d->separated);
    free(d->is_cut);
}

static int compute(broker_data *d, const eco_graph *g, const cli_query *q, const char *group_by,
                   size_t top, eco_error *err)
{
    size_t n = eco_graph_actor_count(g) + 1;
    int rc;

    if (!(d->betweenness = malloc(n * sizeof(double))) || !(d->constraint = malloc(n * sizeof(double))) ||
        !(d->effective_size = malloc(n * sizeof(double))) || !(d->separated = calloc(n, sizeof(size_t))) ||
        !(d->is_cut = calloc(n, sizeof(int))) || !(d->lower = malloc(n * sizeof(double))) ||
        !(d->upper = malloc(n * sizeof(double))))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
    /* an estimate promises the rows shown: the top N told apart from the rest */
    if ((rc = cli_query_betweenness_top(d->betweenness, d->lower, d->upper, &d->estimate, g,
                                        ECO_MEASURE_BETWEENNESS, top && top < n - 1 ? top : n - 1,
                                        q, err)) < 0 ||
        (rc = eco_query_measure(d->constraint, g, ECO_MEASURE_CONSTRAINT, &q->options, err)) < 0 ||
        (rc = eco_query_measure(d->effective_size, g, ECO_MEASURE_EFFECTIVE_SIZE, &q->options, err)) < 0 ||
        (rc = eco_query_brokerage(&d->roles, g, group_by, &q->options, err)) < 0 ||
        (rc = eco_query_cuts(&d->cuts, g, &q->options, err)) < 0)
        return rc;
    for (size_t k = 0; k < d->cuts->cut_point_count; k++) {
        d->is_cut[d->cuts->cut_points[k]] = 1;
        d->separated[d->cuts->cut_points[k]] = d->cuts->separated[k];
    }
    return 0;
}

static const double *sort_key;

static int by_betweenness(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (sort_key[i] != sort_key[j])
        return sort_key[i] < sort_key[j] ? 1 : -1;
    return i < j ? -1 : i > j;
}

static const char *const people_columns[] = {
    "#", "actor", "type", "betweenness", "constraint", "eff. size", "coord.", "itin.",
    "repr.", "gatek.", "liaison", "cut-point"};
static const char *const machine_columns[] = {
    "id", "name", "type", "betweenness", "constraint", "effective_size", "coordinator",
    "itinerant", "representative", "gatekeeper", "liaison", "cut_point",
    "coordinator_z", "itinerant_z", "representative_z", "gatekeeper_z", "liaison_z"};
/* When betweenness is estimated, its interval follows it (one column for people, two for
 * machines), then whether the actor is in the top N: "sure", "maybe" (the sample cannot tell
 * it from the N-th) or "no".  The people's header names N (in_top_header). */
static const char *const people_columns_estimated[] = {
    "#", "actor", "type", "betweenness", "interval", "in top N", "constraint", "eff. size",
    "coord.", "itin.", "repr.", "gatek.", "liaison", "cut-point"};
static const char *const machine_columns_estimated[] = {
    "id", "name", "type", "betweenness", "betweenness_low", "betweenness_high", "in_top",
    "constraint", "effective_size", "coordinator", "itinerant", "representative", "gatekeeper",
    "liaison", "cut_point", "coordinator_z", "itinerant_z", "representative_z", "gatekeeper_z",
    "liaison_z"};

static void fill_row(cli_table *t, size_t row, size_t actor, const eco_graph *g,
                     const broker_data *d, int people)
{
    const eco_actor *a = eco_graph_actor(g, actor);
    const double *count = &d->roles->count[actor * ECO_ROLE_COUNT];
    const double *z = &d->roles->z[actor * ECO_ROLE_COUNT];
    size_t at = 4; /* the column after betweenness and what an estimate adds */

    cli_actor_cells(t, row, a, people);
    cli_table_number(t, row, 3, d->betweenness[actor], 1);
    if (d->estimate.estimated) {
        at = cli_interval_cells(t, row, at, d->lower[actor], d->upper[actor], 1, people);
        cli_table_text(t, row, at++, cli_estimate_verdict(&d->estimate, d->lower[actor],
                                                          d->upper[actor]));
    }
    cli_table_number(t, row, at, d->constraint[actor], 3);
    cli_table_number(t, row, at + 1, d->effective_size[actor], 2);
    for (int r = 0; r < ECO_ROLE_TOTAL; r++)
        cli_table_number(t, row, at + 2 + (size_t)r, count[r], 0);
    /* A cut-point shows how many actors hang on it; others show nothing. */
    cli_table_number(t, row, at + 7, d->is_cut[actor] ? (double)d->separated[actor] : NAN, 0);
    if (!people)
        for (int r = 0; r < ECO_ROLE_TOTAL; r++)
            cli_table_number(t, row, at + 8 + (size_t)r, z[r], 4);
}

static int print_brokers(const eco_graph *g, const broker_data *d, const cli_query *q, size_t top)
{
    size_t n = eco_graph_actor_count(g), named = top && top < n ? top : n, rows;
    size_t *order = malloc((n + 1) * sizeof(*order));
    int people = q->output == CLI_TEXT;
    const char *columns[20];
    char in_top_header[40];
    cli_table *t;

    if (!order)
        return 71;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_key = d->betweenness;
    qsort(order, n, sizeof(*order), by_betweenness);
    rows = cli_estimate_rows(order, &d->estimate, d->upper, n, named);
    if (!d->estimate.estimated) {
        t = people ? cli_table_new(people_columns, 12, rows)
                   : cli_table_new(machine_columns, 17, rows);
    } else if (people) {
        memcpy(columns, people_columns_estimated, sizeof(people_columns_estimated));
        snprintf(in_top_header, sizeof(in_top_header), "in top %zu", named);
        columns[5] = in_top_header;
        t = cli_table_new(columns, 14, rows);
    } else {
        t = cli_table_new(machine_columns_estimated, 20, rows);
    }
    if (!t) {
        free(order);
        return 71;
    }
    for (size_t row = 0; row < rows; row++)
        fill_row(t, row, order[row], g, d, people);
    cli_table_print(t, q->output, stdout);
    cli_table_free(t);
    /* what an estimate promises, after the table it is about (standard error for JSON and
     * CSV, so that what a program reads stays one document) */
    if (d->estimate.estimated && rows > 0 && !(q->input.quiet && !people))
        cli_estimate_print(people ? stdout : stderr, &d->estimate, q, "betweenness", named, rows);
    free(order);
    return 0;
}

typedef struct brokers_args {
    long top;             /* --top */
    const char *group_by; /* --group-by */
} brokers_args;

static int brokers_option(void *context, int c, const char *arg)
{
    brokers_args *a = context;
    switch (c) {
    case 't':
        return cli_parse_count("brokers", "top", arg, 0, 100000000, &a->top) < 0 ? -1 : 1;
    case 'g':
        a->group_by = arg;
        return 1;
    default:
        return 0;
    }
}

/* Groups by an attribute no actor has would put everyone in one group and print roles
 * that mean nothing: a misspelt --group-by is a usage error instead. */
static int check_group_by(const eco_graph *g, const char *group_by)
{
    size_t n = eco_graph_actor_count(g);

    if (strcmp(group_by, "type") == 0 || strcmp(group_by, "country") == 0 || n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (eco_graph_attribute(g, i, group_by))
            return 0;
    return cli_usage_error("brokers",
                           "--group-by: no actor has the attribute \"%s\"; group by type, "
                           "country or an attribute the map holds",
                           group_by);
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"top", required_argument, NULL, 't'}, {"group-by", required_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'},      CLI_QUERY_OPTIONS, CLI_BETWEENNESS_OPTIONS,
        {NULL, 0, NULL, 0}};
    brokers_args a = {20, "type"};
    cli_query q;
    const cli_parser parser = {.command = &cli_brokers, .options = options, .query = &q,
                               .own_option = brokers_option, .context = &a, .min_operands = 1,
                               .missing = "no input: name a map or records"};
    broker_data d = {0};
    eco_graph *g = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    if ((status = check_group_by(g, a.group_by)) != 0)
        ;
    else if (compute(&d, g, &q, a.group_by, (size_t)a.top, &err) < 0)
        status = cli_fail(&err);
    else
        status = print_brokers(g, &d, &q, (size_t)a.top);
    broker_data_free(&d);
    eco_graph_free(g);
    return status;
}

const cli_command cli_brokers = {
    "brokers", run, "the key brokers: betweenness, Burt's measures, brokerage roles, cut-points",
    "usage: ecomap brokers MAP_OR_RECORDS... [--top N] [--group-by type|country|ATTRIBUTE]\n"
    "\n"
    "Prints one table, highest betweenness first: betweenness (raw), Burt's constraint and\n"
    "effective size, the counts of Gould and Fernandez's brokerage roles, and for\n"
    "cut-points the number of actors that only they connect to the rest.\n"
    "\n"
    "Roles, for each path a -> v -> b where a and b are not linked, by the groups of a, v, b:\n"
    "  coordinator     all three in one group\n"
    "  itinerant       a and b in one group, v in another\n"
    "  representative  a and v in one group, b in another\n"
    "  gatekeeper      v and b in one group, a in another\n"
    "  liaison         three groups\n"
    "Undirected ties are read both ways, as R's sna::brokerage reads a symmetric matrix: a\n"
    "path a - v - b counts as a -> v -> b and b -> v -> a. --json and --csv add each role's\n"
    "z-score under sna::brokerage's model.\n"
    "\n"
    "When betweenness is estimated (--approx, or a map of more than 2.5e9 actors x ties),\n"
    "each estimate is shown with its interval: with probability 1 - DELTA every exact value\n"
    "lies in its own.  Then the exact top N are among the actors whose upper end reaches the\n"
    "N-th highest lower end: the table shows the N highest estimates, then those others the\n"
    "sample cannot tell from the N-th, and the column \"in top N\" (in_top) says \"sure\"\n"
    "for an actor surely among the exact top N (its lower end above all but N upper ends)\n"
    "and \"maybe\" for the rest.  Sampling, in rounds, stops as soon as the top N are told\n"
    "apart from the rest, and otherwise goes on past what --approx asks until it has read a\n"
    "quarter of the links exact betweenness reads.  Lines after the table (on standard\n"
    "error with --json or --csv) say what was drawn and what it promises.\n"
    "\n"
    "options:\n"
    "      --top N              print the first N actors (default 20; 0 for all)\n"
    "      --group-by G         groups for the roles: type (default), country, or the name\n"
    "                           of an attribute\n" CLI_BETWEENNESS_HELP CLI_QUERY_HELP};
