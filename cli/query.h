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
} cli_query;

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
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"                \
    "  -h, --help               show this help\n"

void cli_query_init(cli_query *q, const char *command);
int cli_query_option(cli_query *q, int c, const char *arg);

/* Parses a comma-separated list of tie kinds or actor types into a bit mask.  -1 after a
 * usage error naming option. */
int cli_parse_kinds(const char *command, const char *option, const char *list, unsigned *out);
int cli_parse_types(const char *command, const char *option, const char *list, unsigned *out);

/* Finds the actor a user named (by any name or alias, or id).  When there is none, prints
 * an error that suggests the closest names and returns the exit status; 0 when found. */
int cli_find_actor(size_t *out, const eco_graph *g, const char *command, const char *name);

/* The label of an actor type for people: its name, or "unknown". */
const char *cli_type_label(eco_actor_type type);

#endif
