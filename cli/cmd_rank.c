/* cli/cmd_rank.c - ecomap rank: actors ordered by one or more centralities. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

#define MAX_MEASURES ECO_MEASURE_COUNT

typedef struct ranking {
    const eco_graph *g;
    const double *key; /* the first measure, which orders the rows */
    int ascending;     /* low constraint and hierarchy mark brokers: they rank first */
} ranking;

static ranking *current; /* qsort has no context in C11; rank runs one sort at a time */

static int by_key(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    double x = current->key[i], y = current->key[j];
    if (isnan(x) != isnan(y))
        return isnan(x) ? 1 : -1; /* undefined values last */
    if (!isnan(x) && x != y)
        return (x < y) == current->ascending ? -1 : 1;
    return strcmp(eco_graph_actor(current->g, i)->name, eco_graph_actor(current->g, j)->name);
}

/* Measures that are whole numbers, shown without decimals. */
static int whole_valued(eco_measure m)
{
    return m == ECO_MEASURE_DEGREE || m == ECO_MEASURE_CORENESS;
}

static int parse_measures(const char *list, eco_measure *out, size_t *count)
{
    char *copy = strdup(list), *save = NULL;
    int rc = 0;

    *count = 0;
    for (char *item = copy ? strtok_r(copy, ",", &save) : NULL; item; item = strtok_r(NULL, ",", &save)) {
        if (*count == MAX_MEASURES || eco_measure_from_name(&out[*count], item) < 0) {
            rc = cli_usage_error("rank", "--by: unknown measure \"%s\"; expected degree, strength, "
                                         "betweenness, betweenness_norm, harmonic, closeness, "
                                         "eigenvector, pagerank, coreness, clustering, constraint, "
                                         "effective_size, efficiency or hierarchy",
                                 item);
            break;
        }
        (*count)++;
    }
    free(copy);
    if (rc == 0 && *count == 0)
        rc = cli_usage_error("rank", "--by needs a measure");
    return rc;
}

/* What rank prints about the first measure when it is an estimated betweenness. */
typedef struct rank_estimate {
    cli_estimate estimate; /* whether estimated, and what it promises */
    double *lower, *upper; /* per actor: the first measure's interval */
    int verdict;           /* 1 to show "in top N" and the actors that may also be in it */
} rank_estimate;

/* The columns: rank or id, name, type, then each measure; an estimated first measure is
 * followed by its interval (one column for people, two for machines) and, unless actors are
 * filtered by type, whether it is in the top N.  header holds "in top N".  Returns the count. */
static size_t rank_columns(const char **columns, char *header, size_t size, const cli_query *q,
                           const eco_measure *measures, size_t count, const rank_estimate *e,
                           size_t named)
{
    static const char *const people_columns[] = {"#", "actor", "type"};
    static const char *const machine_columns[] = {"id", "name", "type"};
    static const char *const low_names[] = {"betweenness_low", "betweenness_norm_low"};
    static const char *const high_names[] = {"betweenness_high", "betweenness_norm_high"};
    int people = q->output == CLI_TEXT, norm = measures[0] == ECO_MEASURE_BETWEENNESS_NORM;
    size_t c = 0;

    for (size_t k = 0; k < 3; k++)
        columns[c++] = (people ? people_columns : machine_columns)[k];
    columns[c++] = eco_measure_name(measures[0]);
    if (e->estimate.estimated && people) {
        columns[c++] = "interval";
    } else if (e->estimate.estimated) {
        columns[c++] = low_names[norm];
        columns[c++] = high_names[norm];
    }
    if (e->estimate.estimated && e->verdict) {
        snprintf(header, size, "in top %zu", named);
        columns[c++] = people ? header : "in_top";
    }
    for (size_t m = 1; m < count; m++)
        columns[c++] = eco_measure_name(measures[m]);
    return c;
}

static void rank_row(cli_table *t, size_t row, size_t actor, const eco_graph *g, int people,
                     const eco_measure *measures, size_t count, double *const *values,
                     const rank_estimate *e)
{
    const eco_actor *a = eco_graph_actor(g, actor);
    size_t c = 3;

    cli_actor_cells(t, row, a, people);
    for (size_t m = 0; m < count; m++) {
        cli_table_number(t, row, c++, values[m][actor], whole_valued(measures[m]) ? 0 : 4);
        if (m > 0 || !e->estimate.estimated)
            continue;
        c = cli_interval_cells(t, row, c, e->lower[actor], e->upper[actor], 4, people);
        if (e->verdict)
            cli_table_text(t, row, c++,
                           cli_estimate_verdict(&e->estimate, e->lower[actor], e->upper[actor]));
    }
}

static int print_ranking(const eco_graph *g, const cli_query *q, const eco_measure *measures,
                         size_t count, double *const *values, const rank_estimate *e,
                         unsigned types, size_t top)
{
    size_t n = eco_graph_actor_count(g), rows = 0, named;
    size_t *order = malloc((n + 1) * sizeof(*order));
    const char *columns[8 + MAX_MEASURES];
    char header[40];
    int people = q->output == CLI_TEXT;
    ranking r = {g, values[0], measures[0] == ECO_MEASURE_CONSTRAINT || measures[0] == ECO_MEASURE_HIERARCHY};
    cli_table *t;

    if (!order)
        return 71;
    for (size_t i = 0; i < n; i++)
        if (!types || (types & (1u << eco_graph_actor(g, i)->type)))
            order[rows++] = i;
    current = &r;
    qsort(order, rows, sizeof(*order), by_key);
    current = NULL;
    named = top && rows > top ? top : rows;
    rows = e->verdict ? cli_estimate_rows(order, &e->estimate, e->upper, rows, named) : named;
    if (!(t = cli_table_new(columns,
                            rank_columns(columns, header, sizeof(header), q, measures, count, e,
                                         named),
                            rows))) {
        free(order);
        return 71;
    }
    for (size_t row = 0; row < rows; row++)
        rank_row(t, row, order[row], g, people, measures, count, values, e);
    cli_table_print(t, q->output, stdout);
    cli_table_free(t);
    if (e->estimate.estimated && e->verdict && rows > 0 && !(q->input.quiet && !people))
        cli_estimate_print(people ? stdout : stderr, &e->estimate, q, eco_measure_name(measures[0]),
                           named, rows);
    else if (e->estimate.estimated && rows > 0 && !(q->input.quiet && !people))
        fprintf(people ? stdout : stderr,
                "%s estimated from %zu sampled shortest paths: with probability %g, every exact "
                "value lies in its interval (which actors of a type are its top ones is not "
                "promised)\n",
                eco_measure_name(measures[0]), e->estimate.promise.samples, 1 - q->approx.delta);
    free(order);
    return 0;
}

/* Betweenness through cli_query_betweenness, which may estimate it; the rest directly. */
static int measure_into(double *out, const eco_graph *g, eco_measure measure, const cli_query *q,
                        eco_error *err)
{
    if (measure == ECO_MEASURE_BETWEENNESS || measure == ECO_MEASURE_BETWEENNESS_NORM)
        return cli_query_betweenness(out, g, measure, q, err);
    return eco_query_measure(out, g, measure, &q->options, err);
}

typedef struct rank_args {
    eco_measure measures[MAX_MEASURES]; /* --by */
    size_t count;                       /* measures given */
    unsigned types;                     /* --type, a bit per actor type; 0 for all */
    long top;                           /* --top */
} rank_args;

/* The first measure, which orders the rows: an estimated betweenness comes with its
 * intervals and what they promise about the top N (eco_query_betweenness_top). */
static int first_measure(double *out, rank_estimate *e, const eco_graph *g, const rank_args *a,
                         const cli_query *q, eco_error *err)
{
    size_t n = eco_graph_actor_count(g), named = a->top && (size_t)a->top < n ? (size_t)a->top : n;
    eco_measure m = a->measures[0];

    if (m != ECO_MEASURE_BETWEENNESS && m != ECO_MEASURE_BETWEENNESS_NORM)
        return eco_query_measure(out, g, m, &q->options, err);
    if (!(e->lower = malloc((n + 1) * sizeof(double))) ||
        !(e->upper = malloc((n + 1) * sizeof(double))))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
    /* the top N of actors filtered by type are not the top N the promise is about */
    e->verdict = !a->types;
    return cli_query_betweenness_top(out, e->lower, e->upper, &e->estimate, g, m, named, q, err);
}

static int rank_option(void *context, int c, const char *arg)
{
    rank_args *a = context;
    switch (c) {
    case 'b':
        return parse_measures(arg, a->measures, &a->count) != 0 ? -1 : 1;
    case 't':
        return cli_parse_count("rank", "top", arg, 0, 100000000, &a->top) < 0 ? -1 : 1;
    case 'T':
        return cli_parse_types("rank", "type", arg, &a->types) < 0 ? -1 : 1;
    default:
        return 0;
    }
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"by", required_argument, NULL, 'b'},   {"top", required_argument, NULL, 't'},
        {"type", required_argument, NULL, 'T'}, {"help", no_argument, NULL, 'h'},
        CLI_QUERY_OPTIONS,                      CLI_BETWEENNESS_OPTIONS,
        {NULL, 0, NULL, 0}};
    rank_args a = {{ECO_MEASURE_BETWEENNESS}, 1, 0, 20};
    cli_query q;
    const cli_parser parser = {.command = &cli_rank, .options = options, .query = &q,
                               .own_option = rank_option, .context = &a, .min_operands = 1,
                               .missing = "no input: name a map or records"};
    double *values[MAX_MEASURES] = {NULL};
    rank_estimate e = {0};
    eco_graph *g = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    for (size_t m = 0; m < a.count && status == 0; m++) {
        if (!(values[m] = malloc((eco_graph_actor_count(g) + 1) * sizeof(double))))
            status = 71;
        else if ((m == 0 ? first_measure(values[m], &e, g, &a, &q, &err)
                         : measure_into(values[m], g, a.measures[m], &q, &err)) < 0)
            status = cli_fail(&err);
    }
    if (status == 0)
        status = print_ranking(g, &q, a.measures, a.count, values, &e, a.types, (size_t)a.top);
    for (size_t m = 0; m < a.count; m++)
        free(values[m]);
    free(e.lower);
    free(e.upper);
    eco_graph_free(g);
    return status;
}

const cli_command cli_rank = {
    "rank", run, "order actors by centralities or Burt's measures",
    "usage: ecomap rank MAP_OR_RECORDS... [--by MEASURE[,MEASURE...]] [--top N] [--type T,...]\n"
    "\n"
    "Prints the actors ordered by the first measure, highest first (lowest first for\n"
    "constraint and hierarchy, where low marks a broker), with every measure asked for.\n"
    "Undefined values print as \"-\" (null in JSON) and sort last.\n"
    "\n"
    "When betweenness is estimated and orders the rows, it promises its top N as 'ecomap\n"
    "help brokers' says: each value with its interval, \"in top N\" (in_top) marking the\n"
    "actors surely among the exact top N and those that may be, the N highest estimates\n"
    "followed by the actors the sample cannot tell from the N-th, and lines after the table.\n"
    "With --type only the intervals are promised.\n"
    "\n"
    "measures (the map is read as a simple graph: several ties between two actors are one\n"
    "link whose weight is the sum of theirs):\n"
    "  degree            linked actors\n"
    "  strength          sum of link weights (weighted degree)\n"
    "  betweenness       shortest paths between other actors through this one, raw; each\n"
    "                    pair counted once when undirected\n"
    "  betweenness_norm  betweenness * 2/((n-1)(n-2)) undirected, 1/((n-1)(n-2)) directed,\n"
    "                    as NetworkX normalises\n"
    "  harmonic          sum of 1/distance from every other actor (0 when unreachable):\n"
    "                    closeness that works on a map in pieces\n"
    "  closeness         (r-1)/(sum of distances) over the r-1 actors that reach it, within\n"
    "                    its component, without Wasserman-Faust scaling\n"
    "  eigenvector       leading eigenvector, unit length (in-links when --directed)\n"
    "  pagerank          PageRank, damping 0.85\n"
    "  coreness          the deepest k-core the actor belongs to\n"
    "  clustering        share of an actor's neighbour pairs that are linked (undirected,\n"
    "                    unweighted)\n"
    "  constraint, effective_size, efficiency, hierarchy\n"
    "                    Burt's structural holes, with NetworkX's formulas for the first\n"
    "                    three; efficiency = effective size / contacts; undefined for\n"
    "                    actors without ties (hierarchy: below two contacts)\n"
    "\n"
    "options:\n"
    "      --by M[,M...]        the measures (default betweenness)\n"
    "      --top N              print the first N actors (default 20; 0 for all)\n"
    "      --type T[,T...]      print only actors of these types (the measures are still\n"
    "                           computed on the whole map)\n" CLI_BETWEENNESS_HELP CLI_QUERY_HELP};
