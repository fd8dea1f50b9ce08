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

static int print_ranking(const eco_graph *g, const cli_query *q, const eco_measure *measures,
                         size_t count, double *const *values, unsigned types, size_t top)
{
    size_t n = eco_graph_actor_count(g), rows = 0;
    size_t *order = malloc((n + 1) * sizeof(*order));
    static const char *const people_columns[] = {"#", "actor", "type"};
    static const char *const machine_columns[] = {"id", "name", "type"};
    const char *columns[3 + MAX_MEASURES];
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
    if (top && rows > top)
        rows = top;
    /* People read a rank and a name; machines get the id instead of the rank. */
    for (size_t k = 0; k < 3; k++)
        columns[k] = (people ? people_columns : machine_columns)[k];
    for (size_t m = 0; m < count; m++)
        columns[3 + m] = eco_measure_name(measures[m]);
    if (!(t = cli_table_new(columns, 3 + count, rows))) {
        free(order);
        return 71;
    }
    for (size_t row = 0; row < rows; row++) {
        const eco_actor *a = eco_graph_actor(g, order[row]);
        if (people)
            cli_table_number(t, row, 0, (double)(row + 1), 0);
        else
            cli_table_text(t, row, 0, a->id);
        cli_table_text(t, row, 1, a->name);
        cli_table_text(t, row, 2, cli_type_label(a->type));
        for (size_t m = 0; m < count; m++)
            cli_table_number(t, row, 3 + m, values[m][order[row]], whole_valued(measures[m]) ? 0 : 4);
    }
    cli_table_print(t, q->output, stdout);
    cli_table_free(t);
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
    eco_graph *g = NULL;
    eco_error err = {0};
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    for (size_t m = 0; m < a.count && status == 0; m++) {
        if (!(values[m] = malloc((eco_graph_actor_count(g) + 1) * sizeof(double))))
            status = 71;
        else if (measure_into(values[m], g, a.measures[m], &q, &err) < 0)
            status = cli_fail(&err);
    }
    if (status == 0)
        status = print_ranking(g, &q, a.measures, a.count, values, a.types, (size_t)a.top);
    for (size_t m = 0; m < a.count; m++)
        free(values[m]);
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
