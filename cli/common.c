/* cli/common.c - what the subcommands share: errors, help, parsing arguments, reading inputs. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "query.h"

/* Whether a progress bar stands on the terminal's last line, to be cleared first. */
static int bar_shown;

void cli_show_progress(double percent, void *context)
{
    int filled = (int)(percent / 100.0 * 30);

    (void)context;
    if (percent >= 100) {
        fputs("\r\033[K", stderr);
        bar_shown = 0;
        return;
    }
    fprintf(stderr, "\r[%-30.*s] %3.0f%%", filled, "##############################", percent);
    fflush(stderr);
    bar_shown = 1;
}

void cli_error_line(const char *fmt, ...)
{
    char line[1024];
    va_list ap;

    if (bar_shown) { /* a warning in the middle of an import: not after the bar */
        fputs("\r\033[K", stderr);
        bar_shown = 0;
    }

    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    /* A name or a path may hold line breaks or other controls; the message stays one line
     * that a terminal shows as it is. */
    cli_put_text(stderr, line);
    fputc('\n', stderr);
}

int cli_fail(const eco_error *err)
{
    char line[700];
    cli_error_line("%s", eco_error_format(err, "error", line, sizeof(line)));
    return eco_error_exit_status(err->code ? err->code : ECO_EINTERNAL);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    char text[700];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    cli_error_line("ecomap %s: error: %s (see 'ecomap help %s')", command, text, command);
    return EXIT_USAGE;
}

int cli_bad_option(const char *command, int c, char **argv)
{
    const char *option = argv[optind - 1];
    if (c == ':')
        return cli_usage_error(command, "option '%s' needs a value", option);
    if (optopt && strncmp(option, "--", 2) != 0)
        return cli_usage_error(command, "unknown option '-%c'", optopt);
    return cli_usage_error(command, "unknown option '%s'", option);
}

int cli_print_help(const cli_command *command)
{
    fputs(command->help, stdout);
    return 0;
}

int cli_input_option(cli_input *in, int c, const char *arg)
{
    switch (c) {
    case 'S':
        in->import.strict = 1;
        return 1;
    case 'I':
        in->import.format = arg;
        return 1;
    case 'q':
        in->quiet = 1;
        return 1;
    case 'A':
        in->import.aliases = arg;
        return 1;
    case 'M':
        in->import.model = arg;
        return 1;
    case 0x121:
        in->import.fix = arg;
        return 1;
    case 0x122:
        in->import.columns = arg;
        return 1;
    case 0x120:
        in->cache = arg; /* "" keeps nothing, as an empty ECOMAP_CACHE does */
        return 1;
    default:
        return 0;
    }
}

/* Offers c to the options every command shares: 1 when taken, 0 when not one of them, -1
 * after a usage error. */
static int take_shared_option(const cli_parser *p, int c, const char *arg)
{
    if (p->query)
        return cli_query_option(p->query, c, arg);
    return p->input ? cli_input_option(p->input, c, arg) : 0;
}

/* Takes argv's options and counts its operands: -1 when the command can go on, else the
 * exit status it returns at once. */
static int parse_options(int argc, char **argv, const cli_parser *p)
{
    char short_options[32];
    const char *own = p->short_options ? p->short_options : "";
    int c, taken, operands;

    if (p->query)
        cli_query_init(p->query, p->command->name);
    else if (p->input)
        *p->input = (cli_input){ECO_IMPORT_OPTIONS_INIT, 0, NULL};
    /* The leading ':' makes getopt return ':' for a missing value instead of '?', so that
     * cli_bad_option can tell the two apart. */
    snprintf(short_options, sizeof(short_options), ":%shq", own);
    while ((c = getopt_long(argc, argv, short_options, p->options, NULL)) != -1) {
        if ((taken = take_shared_option(p, c, optarg)) == 0 && p->own_option)
            taken = p->own_option(p->context, c, optarg);
        if (taken < 0)
            return EXIT_USAGE;
        if (taken > 0)
            continue;
        if (c == 'h')
            return cli_print_help(p->command);
        return cli_bad_option(p->command->name, c, argv);
    }
    if (p->undirected && p->query && p->query->options.directed)
        return cli_usage_error(p->command->name,
                               "--directed does not apply: %s reads every tie as undirected",
                               p->command->name);
    operands = argc - optind;
    if (operands < p->min_operands || (p->max_operands && operands > p->max_operands))
        return cli_usage_error(p->command->name, "%s", p->missing);
    return -1;
}

int cli_parse_args(int *first, int *status, int argc, char **argv, const cli_parser *p)
{
    int stop = parse_options(argc, argv, p);

    *status = stop < 0 ? 0 : stop;
    *first = optind;
    return stop < 0;
}

int cli_parse_and_read(eco_graph **out, int *status, int argc, char **argv, const cli_parser *p)
{
    cli_input *in = p->query ? &p->query->input : p->input;
    int first;

    if (!cli_parse_args(&first, status, argc, argv, p))
        return 0;
    *status = cli_read_inputs(out, argv + first, argc - first, in);
    return *status == 0;
}

int cli_output_option(void *context, int c, const char *arg)
{
    if (c != 'o')
        return 0;
    *(const char **)context = arg;
    return 1;
}

static void print_warning(const eco_error *warning, void *context)
{
    char line[700];
    (void)context;
    cli_error_line("%s", eco_error_format(warning, "warning", line, sizeof(line)));
}

int cli_read_inputs(eco_graph **out, char **paths, int count, cli_input *in)
{
    eco_error err = {0};
    const char *cache = in->cache ? in->cache : getenv("ECOMAP_CACHE");

    if (!in->quiet)
        in->import.warn = print_warning;
    /* Long imports show progress to a person at a terminal, never to a pipe or a log. */
    if (!in->quiet && cli_stderr_is_terminal())
        in->import.progress = cli_show_progress;
    if (eco_import_paths(out, (const char *const *)paths, (size_t)count, &in->import, &err) < 0)
        return cli_fail(&err);
    /* an empty name is no folder: the variable set to nothing keeps nothing */
    if (cache && *cache && eco_query_cache_folder(*out, cache, &err) < 0) {
        eco_graph_free(*out);
        *out = NULL;
        return cli_fail(&err);
    }
    return 0;
}

int cli_parse_count(const char *command, const char *name, const char *text, long min, long max,
                    long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (errno || end == text || *end != '\0' || v < min || v > max) {
        cli_usage_error(command, "--%s takes a whole number from %ld to %ld, not \"%s\"", name,
                        min, max, text);
        return -1;
    }
    *out = v;
    return 0;
}

/* Characters in the first n bytes of UTF-8 text. */
static int utf8_chars(const char *s, size_t n)
{
    int chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}

void cli_print_cell(const char *s, int width)
{
    size_t len = strlen(s), cut = len;
    int chars = utf8_chars(s, len);

    if (chars > width) {
        /* Keep width - 3 characters, ending on a character boundary. */
        int kept = 0;
        for (cut = 0; cut < len; cut++) {
            if (((unsigned char)s[cut] & 0xC0) != 0x80 && kept++ == width - 3)
                break;
        }
        cli_put_text_n(stdout, s, cut);
        fputs("...", stdout);
        return;
    }
    cli_put_text_n(stdout, s, len);
    printf("%*s", width - chars, "");
}

int cli_list_option(void *context, int c, const char *arg)
{
    cli_list_args *a = context;
    switch (c) {
    case 'j':
        a->json = 1;
        return 1;
    case 't':
        return cli_parse_count(a->command, "top", arg, 0, a->max_top, &a->top) < 0 ? -1 : 1;
    default:
        return 0;
    }
}
