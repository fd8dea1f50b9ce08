/* cli/main.c - ecomap: the table of subcommands, and help and version. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "query.h"
#include "render.h"

static const cli_command *const commands[] = {
    &cli_import, &cli_export, &cli_stats, &cli_rank, &cli_brokers, &cli_path, &cli_ego,
    &cli_communities, &cli_cuts, &cli_filter, &cli_render, &cli_report, &cli_view, &cli_merge, &cli_diff, &cli_check, NULL};

static void print_overview(FILE *out)
{
    fprintf(out, "usage: ecomap COMMAND [OPTIONS] [ARGS]\n"
                 "\n"
                 "ecomap turns raw records about an innovation ecosystem into a typed graph of\n"
                 "actors and their collaborations, with the sentence behind every tie.\n"
                 "\n"
                 "commands:\n");
    for (size_t i = 0; commands[i]; i++)
        fprintf(out, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(out, "  %-12s %s\n", "help", "show the help of a command");
    fprintf(out, "\n"
                 "'ecomap help COMMAND' or 'ecomap COMMAND --help' tells more of each;\n"
                 "'ecomap --version' prints the version.\n");
}

static const cli_command *find_command(const char *name)
{
    for (size_t i = 0; commands[i]; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}


/* A mistyped command gets the nearest one suggested, when one is within two edits. */
static int unknown_command(const char *name)
{
    const char *closest = NULL;
    size_t best = 3;

    for (size_t i = 0; commands[i]; i++) {
        size_t d = eco_name_distance(name, commands[i]->name);
        if (d < best)
            best = d, closest = commands[i]->name;
    }
    if (eco_name_distance(name, "help") < best)
        closest = "help";
    if (closest)
        cli_error_line("ecomap: error: unknown command '%s'; did you mean '%s'? (see 'ecomap "
                       "--help')",
                       name, closest);
    else
        cli_error_line("ecomap: error: unknown command '%s' (see 'ecomap --help')", name);
    return EXIT_USAGE;
}

static int help(int argc, char **argv)
{
    const cli_command *command;

    if (argc < 2) {
        print_overview(stdout);
        return 0;
    }
    if (strcmp(argv[1], "help") == 0) {
        printf("usage: ecomap help [COMMAND]\n"
               "\n"
               "Lists the commands, or tells more of COMMAND (as 'ecomap COMMAND --help' does).\n");
        return 0;
    }
    if (!(command = find_command(argv[1])))
        return unknown_command(argv[1]);
    return cli_print_help(command);
}

/* The file -o (or --output) names, when it exists and another argument names it too: an
 * input, an alias file.  Writing there would replace what the command reads, so it is
 * refused before anything is read.  1 after the error line, else 0. */
static int writes_over_input(int argc, char **argv)
{
    for (int i = 2; i < argc; i++) {
        const char *output = NULL;
        struct stat out, in;
        int skip = i;
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            output = argv[skip = i + 1];
        else if (strncmp(argv[i], "--output=", 9) == 0)
            output = argv[i] + 9;
        else if (strncmp(argv[i], "-o", 2) == 0 && argv[i][2])
            output = argv[i] + 2;
        if (!output || strcmp(output, "-") == 0 || stat(output, &out) != 0 || !S_ISREG(out.st_mode))
            continue;
        for (int k = 2; k < argc; k++)
            if (k != i && k != skip && stat(argv[k], &in) == 0 && in.st_dev == out.st_dev &&
                in.st_ino == out.st_ino) {
                cli_error_line("ecomap %s: error: -o %s would write over the input %s; a "
                               "command never writes over what it reads",
                               argv[1], output, argv[k]);
                return 1;
            }
    }
    return 0;
}

int main(int argc, char **argv)
{
    const cli_command *command;

    opterr = 0; /* each command reports bad options in its own one-line form */
    /* Ctrl-C or a kill in the middle of a write leaves no temporary file behind. */
    if (eco_export_catch_signals() < 0)
        fprintf(stderr, "ecomap: warning: an interrupted write may leave a temporary file\n");
    if (argc < 2) {
        print_overview(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return help(1, argv);
    if (strcmp(argv[1], "--version") == 0) {
        printf("ecomap %s\n", eco_version());
        return 0;
    }
    if (strcmp(argv[1], "help") == 0)
        return help(argc - 1, argv + 1);
    if (!(command = find_command(argv[1])))
        return unknown_command(argv[1]);
    if (writes_over_input(argc, argv))
        return EXIT_USAGE;
    /* What draws with Graphviz runs in a child, whose death by Graphviz, Pango or GLib on
     * running out of memory is then an error like any other. */
    if (command == &cli_render || command == &cli_report || command == &cli_view)
        return cli_run_in_child(command, argc - 1, argv + 1);
    return command->run(argc - 1, argv + 1);
}
