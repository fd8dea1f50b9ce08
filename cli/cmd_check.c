/* cli/cmd_check.c - ecomap check: the doubts an analyst should review, each with the lines
 * of a corrections file (--fix) that settle it one way or the other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table.h"

/* ---- Output ----------------------------------------------------------------------------- */

static void print_text(const eco_graph *g, const eco_doubt *d, size_t count, size_t top)
{
    size_t by_kind[ECO_DOUBT_KIND_COUNT] = {0};

    for (size_t i = 0; i < count; i++)
        by_kind[d[i].kind]++;
    printf("%zu doubt%s about %zu actors", count, count == 1 ? "" : "s",
           eco_graph_actor_count(g));
    for (int k = 0, first = 1; k < ECO_DOUBT_KIND_COUNT; k++)
        if (by_kind[k]) {
            printf("%s%zu %s", first ? ": " : ", ", by_kind[k], eco_doubt_kind_name(k));
            first = 0;
        }
    if (top < count)
        printf("; the first %zu (--top N for more)", top);
    printf("\n");
    for (size_t i = 0; i < count && i < top; i++) {
        char *accept = eco_doubt_settle(g, &d[i], 1), *reject = eco_doubt_settle(g, &d[i], 0);
        char *why = eco_doubt_describe(g, &d[i]);
        printf("\n%zu. %s: %s", i + 1, eco_doubt_kind_name(d[i].kind), why ? why : "-");
        printf("\n   accept: %s\n   reject: %s\n", accept ? accept : "-", reject ? reject : "-");
        free(accept);
        free(reject);
        free(why);
    }
}

static void put_json_text(const char *s)
{
    if (s)
        cli_json_string(stdout, s);
    else
        fputs("null", stdout);
}

static void put_json_actor(const eco_graph *g, size_t i)
{
    const eco_actor *a = eco_graph_actor(g, i);
    printf("{\"id\": ");
    cli_json_string(stdout, a->id);
    printf(", \"name\": ");
    cli_json_string(stdout, a->name);
    printf("}");
}

static void print_json(const eco_graph *g, const eco_doubt *d, size_t count, size_t top)
{
    printf("[");
    for (size_t i = 0; i < count && i < top; i++) {
        char *accept = eco_doubt_settle(g, &d[i], 1), *reject = eco_doubt_settle(g, &d[i], 0);
        char *why = eco_doubt_describe(g, &d[i]);
        printf("%s\n  {\"rank\": %zu, \"doubt\": \"%s\", \"score\": %.2f, \"actors\": [",
               i ? "," : "", i + 1, eco_doubt_kind_name(d[i].kind), d[i].score);
        put_json_actor(g, d[i].actor);
        if (d[i].other != (size_t)-1) {
            printf(", ");
            put_json_actor(g, d[i].other);
        }
        printf("], \"form\": ");
        put_json_text(d[i].form);
        printf(", \"why\": ");
        put_json_text(why);
        printf(", \"accept\": ");
        put_json_text(accept);
        printf(", \"reject\": ");
        put_json_text(reject);
        printf("}");
        free(accept);
        free(reject);
        free(why);
    }
    printf("%s]\n", count && top ? "\n" : "");
}

/* Whether a line of fix already settles d, accepted or rejected. */
static int settled(const eco_corrections *fix, const eco_graph *g, const eco_doubt *d)
{
    const size_t one = (size_t)-1;

    switch (d->kind) {
    case ECO_DOUBT_WEAK_MERGE:
        return eco_corrections_names(fix, g, "join", d->actor, one, d->form) ||
               eco_corrections_names(fix, g, "apart", d->actor, one, d->form);
    case ECO_DOUBT_FRAGMENT:
        return eco_corrections_names(fix, g, "not-actor", d->actor, one, NULL) ||
               eco_corrections_names(fix, g, "name", d->actor, one, NULL);
    case ECO_DOUBT_NO_TYPE:
        return eco_corrections_names(fix, g, "type", d->actor, one, NULL);
    case ECO_DOUBT_NO_COUNTRY:
        return eco_corrections_names(fix, g, "country", d->actor, one, NULL);
    default:
        return eco_corrections_names(fix, g, "join", d->actor, d->other, NULL) ||
               eco_corrections_names(fix, g, "apart", d->actor, d->other, NULL);
    }
}

/* Leaves out of the count doubts those fix settles; returns how many stay. */
static size_t leave_out_settled(const eco_corrections *fix, const eco_graph *g, eco_doubt *d,
                                size_t count)
{
    size_t kept = 0;

    for (size_t i = 0; i < count; i++)
        if (!fix || !settled(fix, g, &d[i]))
            d[kept++] = d[i];
    return kept;
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {
        {"json", no_argument, NULL, 'j'}, {"top", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'}, CLI_INPUT_OPTIONS, {NULL, 0, NULL, 0}};
    cli_input in;
    cli_list_args a = {"check", 0, 50, 100000000};
    const cli_parser parser = {.command = &cli_check, .options = options, .input = &in,
                               .own_option = cli_list_option, .context = &a, .min_operands = 1,
                               .missing = "no input: name a map or records"};
    eco_graph *g = NULL;
    eco_corrections *fix = NULL;
    eco_doubt *doubts = NULL;
    eco_error err = {0};
    size_t count = 0;
    int status;

    if (!cli_parse_and_read(&g, &status, argc, argv, &parser))
        return status;
    /* read once more, alone: the import applied it, and now it says what it settled */
    if ((in.import.fix && eco_corrections_load(&fix, in.import.fix, &err) < 0) ||
        eco_query_doubts(&doubts, &count, g, &err) < 0)
        status = cli_fail(&err);
    else if ((count = leave_out_settled(fix, g, doubts, count)), a.json)
        print_json(g, doubts, count, (size_t)a.top);
    else
        print_text(g, doubts, count, (size_t)a.top);
    eco_doubts_free(doubts);
    eco_corrections_free(fix);
    eco_graph_free(g);
    return status;
}

const cli_command cli_check = {
    "check", run, "list the doubts an analyst should review, with the corrections to settle them",
    "usage: ecomap check MAP_OR_RECORDS... [--top N] [--json]\n"
    "\n"
    "Lists what in the map may be wrong, most serious first: likely duplicates (names that\n"
    "fold alike, alike but for a plural or possessive, an acronym that spells another\n"
    "actor's initials, the same words in another order), merges made on an acronym alone\n"
    "(an alias that spells none of the actor's names), names that look cut short (one\n"
    "lower-case word, a last word such as \"of\" or \"de\"), and actors without a type or a\n"
    "country. Each comes with two lines for the corrections file (ecomap import --fix):\n"
    "\"accept\" when the doubt is right, \"reject\" when the map is; COUNTRY and TYPE are\n"
    "for you to fill in. Pairs are only sought within one country. With --fix FILE, the map\n"
    "is imported with those corrections and the doubts a line of FILE already settles, by\n"
    "accepting or rejecting them, are left out.\n"
    "\n"
    "options:\n"
    "      --top N              how many doubts to list (default 50)\n"
    "      --json               print a JSON array instead of text\n"
    "      --strict, --input-format NAME, --aliases FILE, --fix FILE, -q/--quiet\n"
    "                           as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
