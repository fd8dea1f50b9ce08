/*
 * cli/query.h - what the query commands (rank, brokers, path, ego, communities, cuts,
 * filter) share: how they read the map, how they print, and how they find an actor.
 */
#ifndef ECOMAP_CLI_QUERY_H
#define ECOMAP_CLI_QUERY_H

#include "cli.h"
#include "table.h"

extern const cli_command cli_rank, cli_brokers, cli_path, cli_ego, cli_communities, cli_cuts,
    cli_filter;

typedef struct cli_query {
    cli_input input;           /* how inputs are read */
    eco_query_options options; /* how the map is read as a graph */
    cli_output output;         /* text, JSON or CSV */
    const char *command;       /* for messages */
    eco_approx_options approx; /* --approx, --delta, --seed */
    int estimate;              /* 1: --approx; -1: --exact; 0: estimate on maps too big for
                                  exact betweenness (CLI_EXACT_LIMIT) */
} cli_query;

/* Above this many actors times ties, exact betweenness would take more than about ten
 * seconds on two cores, and rank and brokers estimate it instead (with a note). */
#define CLI_EXACT_LIMIT 2.5e9

/* The error rank and brokers allow when they switch to estimates by themselves. */
#define CLI_AUTO_EPSILON 0.002

/* Long options every query command takes; cli_query_option handles them, returning 1 when it
 * took c, 0 when c is not one of them, and -1 after a usage error. */
#define CLI_QUERY_OPTIONS                                                                         \
    CLI_INPUT_OPTIONS, {"directed", no_argument, NULL, 'D'}, {"weighted", no_argument, NULL, 'W'}, \
        {"kinds", required_argument, NULL, 'K'}, {"json", no_argument, NULL, 'J'},                 \
        {"csv", no_argument, NULL, 'C'}
#define CLI_QUERY_HELP                                                                            \
    "      --directed           follow the direction of ties (funding, hosting, support and\n"    \
    "                           membership point one way; others count both ways)\n"             \
    "      --weighted           let tie weights count: a tie of weight 2 is twice as short\n"    \
    "      --kinds K,K...       use only ties of these kinds (partnership, funding, hosting,\n"  \
    "                           support, membership, related)\n"                                  \
    "      --json, --csv        print JSON or CSV instead of a table\n"                          \
    "      --strict, --input-format NAME, -q/--quiet, --cache DIR   as for 'ecomap import'\n"  \
    "  -h, --help               show this help\n"

/* Options of the commands that compute betweenness (rank, brokers); cli_query_option
 * handles them too. */
#define CLI_BETWEENNESS_OPTIONS                                                                   \
    {"threads", required_argument, NULL, 0x100}, {"approx", required_argument, NULL, 0x101},      \
        {"delta", required_argument, NULL, 0x102}, {"seed", required_argument, NULL, 0x103},      \
        {"exact", no_argument, NULL, 0x104}
#define CLI_BETWEENNESS_HELP                                                                      \
    "      --threads N          threads for betweenness (default: one per core)\n"               \
    "      --approx EPS         estimate betweenness from sampled shortest paths, as many\n"    \
    "                           as put every normalised value within EPS of the exact\n"       \
    "                           one with probability 1 - DELTA (fewer or more when the\n"      \
    "                           top N are to be told apart).  On maps of more than 2.5e9\n"     \
    "                           actors x ties this is the default, with EPS 0.002\n"            \
    "      --delta DELTA        the chance the estimate may miss by more (default 0.1)\n"       \
    "      --seed S             the sampler's seed (default 1): a seed gives one answer\n"      \
    "      --exact              compute betweenness exactly, however large the map\n"

void cli_query_init(cli_query *q, const char *command);
int cli_query_option(cli_query *q, int c, const char *arg);

/* Betweenness (measure ECO_MEASURE_BETWEENNESS or _NORM) as the options ask: exact, or
 * estimated when asked or when the map is too big, saying so on standard error. */
int cli_query_betweenness(double *out, const eco_graph *g, eco_measure measure,
                          const cli_query *q, eco_error *err);

/* What cli_query_betweenness_top says about an estimate. */
typedef struct cli_estimate {
    int estimated;           /* 1 when the values are estimates, 0 when exact */
    eco_top_promise promise; /* when estimated: what was drawn, and what it promises */
} cli_estimate;

/* As cli_query_betweenness, but an estimate promises the k largest
 * (eco_query_betweenness_top): lower and upper receive each actor's interval, and *est
 * what was drawn and which actors may be or surely are in the top k.  Exact values are
 * their own interval. */
int cli_query_betweenness_top(double *out, double *lower, double *upper, cli_estimate *est,
                              const eco_graph *g, eco_measure measure, size_t k,
                              const cli_query *q, eco_error *err);

/* What an estimate promises about one actor (interval lower to upper) and the top k:
 * "sure" (surely in the exact top k), "maybe" (the sample cannot tell it from the k-th) or
 * "no"; exact values are "sure" or "no" alike by their own interval. */
const char *cli_estimate_verdict(const cli_estimate *est, double lower, double upper);

/* Fills a ranking's first three cells of row: the rank (for people) or the id, the name
 * and the type. */
void cli_actor_cells(cli_table *t, size_t row, const eco_actor *a, int people);

/* Fills the cells of an estimated value's interval from column on, as "lower to upper" for
 * people or as two numbers, with decimals; returns the column after them. */
size_t cli_interval_cells(cli_table *t, size_t row, size_t column, double lower, double upper,
                          int decimals, int people);

/* The rows to show of actors in order (highest first): the first named, then, when
 * estimated, the others that may be in the top named (upper end at or above the promise's
 * floor), moved up after them in order.  Returns how many. */
size_t cli_estimate_rows(size_t *order, const cli_estimate *est, const double *upper, size_t n,
                         size_t named);

/* The lines that say what an estimate of `measure` drew and promises about the top named,
 * after a table of `rows` rows: the candidates, the sure ones, and the cost cap. */
void cli_estimate_print(FILE *out, const cli_estimate *est, const cli_query *q,
                        const char *measure, size_t named, size_t rows);

/* Parses a comma-separated list of tie kinds or actor types into a bit mask.  -1 after a
 * usage error naming option. */
int cli_parse_kinds(const char *command, const char *option, const char *list, unsigned *out);
int cli_parse_types(const char *command, const char *option, const char *list, unsigned *out);

/* Where the commands that make a map (ego, filter) write it. */
typedef struct cli_map_output {
    const char *path;         /* -o/--output */
    eco_export_format format; /* -f/--format */
} cli_map_output;

/* Takes -o/--output and -f/--format into out: 1 when it took c, 0 when c is neither, -1
 * after a usage error. */
int cli_map_output_option(cli_map_output *out, const char *command, int c, const char *arg);

/* Finds the actor a user named (by any name or alias, or id).  When there is none, prints
 * an error that suggests the closest names and returns the exit status; 0 when found. */
int cli_find_actor(size_t *out, const eco_graph *g, const char *command, const char *name);

/* The label of an actor type for people: its name, or "unknown". */
const char *cli_type_label(eco_actor_type type);

#endif
