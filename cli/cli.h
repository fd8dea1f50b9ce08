/*
 * cli/cli.h - the ecomap command line: a table of subcommands and what they share.
 */
#ifndef ECOMAP_CLI_H
#define ECOMAP_CLI_H

#include <getopt.h>

#include "ecomap.h"

/* sysexits.h codes, named here so the CLI does not depend on a BSD header. */
enum { EXIT_USAGE = 64, EXIT_DATA = 65 };

typedef struct cli_command {
    const char *name;                /* as typed after "ecomap" */
    int (*run)(int argc, char **argv); /* argv[0] is the command's name; returns the exit status */
    const char *summary;             /* one line for "ecomap --help" */
    const char *help;                /* the whole text of "ecomap help NAME" */
} cli_command;

extern const cli_command cli_import, cli_export, cli_stats;
extern const cli_command cli_merge, cli_diff, cli_check;

/* Runs command in a child process (cli/child.c): what Graphviz, Pango or GLib end the
 * process with when memory runs out becomes one error line and exit 71.  Returns the exit
 * status. */
int cli_run_in_child(const cli_command *command, int argc, char **argv);

/* Whether standard error is a terminal (asked once: in a child it is a pipe to the
 * parent, which passes a progress bar on to the terminal). */
int cli_stderr_is_terminal(void);

/* Prints err as the one line the user reads, and returns the exit status it calls for. */
/* A progress bar on standard error, redrawn in place; cleared at 100 %.  An eco_progress_fn. */
void cli_show_progress(double percent, void *context);

/* Prints one line to standard error, control characters shown as spaces (and a progress
 * bar cleared first). */
void cli_error_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cli_fail(const eco_error *err);

/* Prints "ecomap COMMAND: error: TEXT" about a misused command; returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Reports what getopt_long returned for an option it could not take (c is '?' or ':',
 * the option string starting with ':'); returns EXIT_USAGE. */
int cli_bad_option(const char *command, int c, char **argv);

/* Prints a command's help text to standard output; returns 0. */
int cli_print_help(const cli_command *command);

/* The options every command that reads input takes. */
typedef struct cli_input {
    eco_import_options import; /* strict, format, warnings */
    int quiet;                 /* no warnings, no summary */
    const char *cache;         /* --cache: the folder measures are kept in; else ECOMAP_CACHE */
} cli_input;

/* Long options for cli_input, to be placed in each command's option table, and the code
 * that handles them: cli_input_option returns 1 when it took option c, 0 when c is not one
 * of them. */
#define CLI_INPUT_OPTIONS                                                                         \
    {"strict", no_argument, NULL, 'S'}, {"input-format", required_argument, NULL, 'I'},            \
        {"quiet", no_argument, NULL, 'q'}, {"aliases", required_argument, NULL, 'A'},              \
        {"model", required_argument, NULL, 'M'}, {"cache", required_argument, NULL, 0x120},        \
        {"fix", required_argument, NULL, 0x121}, {"columns", required_argument, NULL, 0x122}
int cli_input_option(cli_input *in, int c, const char *arg);

/* ---- Parsing a command's arguments ------------------------------------------------------ */

struct cli_query;

/* Takes a command's own option c (what getopt_long returned) with its value arg into
 * context: 1 when it took c, 0 when c is not one of its options, -1 after a usage error. */
typedef int (*cli_option_fn)(void *context, int c, const char *arg);

/* What a command's arguments are: its options, who takes them, and how many operands. */
typedef struct cli_parser {
    const cli_command *command;   /* whose help --help prints and whose name errors carry */
    const char *short_options;    /* its own one-letter options as getopt spells them ("o:f:",
                                     at most 28 characters); -h and -q are added */
    const struct option *options; /* every long option it takes, "help" and the shared ones too */
    cli_input *input;             /* takes CLI_INPUT_OPTIONS; NULL when query takes them */
    struct cli_query *query;      /* takes CLI_QUERY_OPTIONS (and CLI_BETWEENNESS_OPTIONS), the
                                     input options among them; NULL for the other commands.
                                     The parser sets either to its defaults first */
    cli_option_fn own_option;     /* takes the command's own options; NULL when it has none */
    void *context;                /* handed to own_option */
    int min_operands;             /* the fewest operands (inputs, actors) the command needs */
    int max_operands;             /* the most it takes; 0 for no limit */
    const char *missing;          /* the usage error when there are too few or too many */
    int undirected;               /* 1 when the command reads every tie as undirected, so
                                     that --directed, which it cannot honour, is a usage error */
} cli_parser;

/* Parses the options in argv (argv[0] being the command's name) as parser says: the shared
 * options, --help, then the command's own; an unknown option, a missing value or a wrong
 * number of operands is one usage error.  Returns 1 when the command goes on, with *first
 * the index of its first operand and *status 0; 0 when it is done, with *status the exit
 * status to return at once: 0 after --help, EXIT_USAGE after a usage error. */
int cli_parse_args(int *first, int *status, int argc, char **argv, const cli_parser *parser);

/* cli_parse_args, then cli_read_inputs on every operand, for the commands whose operands
 * are all inputs: 1 with *out the map and *status 0, or 0 with *status the exit status. */
int cli_parse_and_read(eco_graph **out, int *status, int argc, char **argv,
                       const cli_parser *parser);

/* An own_option for the commands whose one option is -o/--output: context is the
 * const char * it sets. */
int cli_output_option(void *context, int c, const char *arg);

/* Reads every input path (files, folders, "-") into a new graph, whose actors named alike
 * across them are resolved (eco_import_paths), and keeps its costly measures in the folder
 * --cache or else ECOMAP_CACHE names, when either does (eco_query_cache_folder).  Prints
 * warnings unless quiet.  0, or an exit status after printing the error. */
int cli_read_inputs(eco_graph **out, char **paths, int count, cli_input *in);

/* Prints s in a column width characters wide (not bytes: names are UTF-8), cut short with
 * "..." when longer. */
void cli_print_cell(const char *s, int width);


/* Parses a whole number from min to max for option name; -1 after a usage error. */
int cli_parse_count(const char *command, const char *name, const char *text, long min, long max,
                    long *out);

/* The options of a command that prints a ranked list as a table or as JSON. */
typedef struct cli_list_args {
    const char *command; /* its name, for usage errors */
    int json;            /* --json */
    long top;            /* --top N: how many to print */
    long max_top;        /* the largest N it takes */
} cli_list_args;

/* A cli_parser own_option for --json ('j') and --top ('t'); context is a cli_list_args. */
int cli_list_option(void *context, int c, const char *arg);

#endif
