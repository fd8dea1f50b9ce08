/* cli/common.c - what the subcommands share: errors, help, and reading inputs. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_error_line(const char *fmt, ...)
{
    char line[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    /* A name or a path may hold line breaks or other controls; the message stays one line
     * that a terminal shows as it is. */
    for (unsigned char *p = (unsigned char *)line; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            *p = ' ';
    fprintf(stderr, "%s\n", line);
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
    default:
        return 0;
    }
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
    eco_graph *g = NULL;
    int rc;

    if (!in->quiet)
        in->import.warn = print_warning;
    if ((rc = eco_graph_new(&g)) < 0) {
        eco_error_set(&err, rc, NULL, 0, 0, "out of memory");
        return cli_fail(&err);
    }
    if ((rc = eco_import_paths(g, (const char *const *)paths, (size_t)count, &in->import, &err)) <
        0) {
        eco_graph_free(g);
        return cli_fail(&err);
    }
    if ((rc = eco_import_resolve(g, &in->import, &err)) < 0) {
        eco_graph_free(g);
        return cli_fail(&err);
    }
    *out = g;
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
        fwrite(s, 1, cut, stdout);
        fputs("...", stdout);
        return;
    }
    fwrite(s, 1, len, stdout);
    printf("%*s", width - chars, "");
}
