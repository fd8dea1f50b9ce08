/* cli/cmd_diff.c - ecomap diff: what changed between two maps, told by actor names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table.h"

/* diff(1)'s convention, so that scripts can ask "did the map change?". */
enum { EXIT_SAME = 0, EXIT_DIFFERENT = 1 };

static const char *type_label(eco_actor_type t)
{
    return t == ECO_TYPE_UNKNOWN ? "unknown" : eco_actor_type_name(t);
}

/* The shortest text that reads back as w: weights are counts, but a CSV may give any. */
static void print_weight(double w)
{
    char text[64];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(text, sizeof(text), "%.*g", precision, w);
        if (strtod(text, NULL) == w)
            break;
    }
    fputs(text, stdout);
}

/* ---- Names that need their country ------------------------------------------------------ */
/* "Ministry of Education" may be Portugal's in one line and Chile's in the next: a name that
 * actors of different countries bear, in either map, is printed with its country. */

typedef struct named {
    const char *name, *country; /* an actor's */
} named;

static int compare_text(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int by_name_then_country(const void *x, const void *y)
{
    const named *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    return c ? c : compare_text(a->country, b->country);
}

static int by_name(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

/* The names shared by actors of different countries, sorted; the caller frees the array. */
static int shared_names(const char ***out, size_t *count, const eco_graph *a, const eco_graph *b)
{
    size_t na = eco_graph_actor_count(a), n = na + eco_graph_actor_count(b), kept = 0;
    named *all = malloc((n ? n : 1) * sizeof(*all));
    const char **names = malloc((n ? n : 1) * sizeof(*names));

    if (!all || !names) {
        free(all);
        free(names);
        return ECO_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        const eco_actor *actor = i < na ? eco_graph_actor(a, i) : eco_graph_actor(b, i - na);
        all[i] = (named){actor->name, actor->country};
    }
    qsort(all, n, sizeof(*all), by_name_then_country);
    for (size_t i = 1; i < n; i++)
        if (strcmp(all[i].name, all[i - 1].name) == 0 &&
            compare_text(all[i].country, all[i - 1].country) != 0 &&
            (kept == 0 || strcmp(names[kept - 1], all[i].name) != 0))
            names[kept++] = all[i].name;
    free(all);
    *out = names;
    *count = kept;
    return 0;
}

typedef struct printer {
    const char **shared; /* from shared_names */
    size_t shared_count; /* entries in shared */
} printer;

static void print_name(const printer *p, const eco_actor *a)
{
    cli_put_text(stdout, a->name);
    if (a->country && bsearch(a->name, p->shared, p->shared_count, sizeof(*p->shared), by_name)) {
        fputs(" [", stdout);
        cli_put_text(stdout, a->country);
        fputc(']', stdout);
    }
}

/* ---- Text ------------------------------------------------------------------------------- */

static void print_tie_text(const printer *p, char sign, const eco_diff_entry *e)
{
    printf("%c tie ", sign);
    print_name(p, e->actor);
    fputs(e->directed ? " -> " : " -- ", stdout);
    print_name(p, e->target);
    printf(": %s, weight ", eco_tie_kind_name(e->kind));
    if (e->change == ECO_DIFF_TIE_WEIGHT) {
        print_weight(e->old_weight);
        fputs(" -> ", stdout);
    }
    print_weight(e->change == ECO_DIFF_TIE_REMOVED ? e->old_weight : e->new_weight);
    putchar('\n');
}

static void print_actor_text(const printer *p, char sign, const eco_diff_entry *e)
{
    printf("%c actor ", sign);
    print_name(p, e->actor);
    if (e->change == ECO_DIFF_ACTOR_TYPE)
        printf(": type %s -> %s\n", type_label(e->old_type), type_label(e->new_type));
    else
        printf(" (%s)\n", type_label(e->actor->type));
}

static void print_text(const printer *p, const eco_diff *diff)
{
    static const char signs[] = "+-~+-~"; /* indexed by eco_diff_change */

    for (size_t i = 0; i < eco_diff_count(diff); i++) {
        const eco_diff_entry *e = eco_diff_entry_at(diff, i);
        if (e->change <= ECO_DIFF_ACTOR_TYPE)
            print_actor_text(p, signs[e->change], e);
        else
            print_tie_text(p, signs[e->change], e);
    }
}

/* ---- JSON ------------------------------------------------------------------------------- */

/* s as a JSON string; names are UTF-8 and pass through, control characters are escaped. */
static void print_json_string(const char *s)
{
    if (!s) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void print_json_entry(const eco_diff_entry *e)
{
    if (e->change <= ECO_DIFF_ACTOR_TYPE) {
        fputs("{\"name\": ", stdout);
        print_json_string(e->actor->name);
        fputs(", \"country\": ", stdout);
        print_json_string(e->actor->country);
        if (e->change == ECO_DIFF_ACTOR_TYPE) {
            fputs(", \"old_type\": ", stdout);
            print_json_string(eco_actor_type_name(e->old_type));
            fputs(", \"new_type\": ", stdout);
            print_json_string(eco_actor_type_name(e->new_type));
        } else {
            fputs(", \"type\": ", stdout);
            print_json_string(eco_actor_type_name(e->actor->type));
        }
        putchar('}');
        return;
    }
    fputs("{\"source\": ", stdout);
    print_json_string(e->actor->name);
    fputs(", \"source_country\": ", stdout);
    print_json_string(e->actor->country);
    fputs(", \"target\": ", stdout);
    print_json_string(e->target->name);
    fputs(", \"target_country\": ", stdout);
    print_json_string(e->target->country);
    printf(", \"kind\": \"%s\", \"directed\": %s", eco_tie_kind_name(e->kind),
           e->directed ? "true" : "false");
    if (e->change == ECO_DIFF_TIE_WEIGHT) {
        fputs(", \"old_weight\": ", stdout);
        print_weight(e->old_weight);
        fputs(", \"new_weight\": ", stdout);
        print_weight(e->new_weight);
    } else {
        fputs(", \"weight\": ", stdout);
        print_weight(e->change == ECO_DIFF_TIE_REMOVED ? e->old_weight : e->new_weight);
    }
    putchar('}');
}

static void print_json(const eco_diff *diff)
{
    static const char *const lists[] = {"actors_added", "actors_removed", "types_changed",
                                        "ties_added",   "ties_removed",   "weights_changed"};
    size_t i = 0, n = eco_diff_count(diff);

    printf("{\n  \"same\": %s", n ? "false" : "true");
    /* Entries come sorted by change: each list is one run of them. */
    for (int change = ECO_DIFF_ACTOR_ADDED; change <= ECO_DIFF_TIE_WEIGHT; change++) {
        int first = 1;
        printf(",\n  \"%s\": [", lists[change]);
        for (; i < n && (int)eco_diff_entry_at(diff, i)->change == change; i++) {
            fputs(first ? "\n    " : ",\n    ", stdout);
            print_json_entry(eco_diff_entry_at(diff, i));
            first = 0;
        }
        fputs(first ? "]" : "\n  ]", stdout);
    }
    fputs("\n}\n", stdout);
}

/* ---- The command ------------------------------------------------------------------------ */

static int json_option(void *context, int c, const char *arg)
{
    (void)arg;
    if (c != 'j')
        return 0;
    *(int *)context = 1;
    return 1;
}

static int run(int argc, char **argv)
{
    static const struct option options[] = {{"json", no_argument, NULL, 'j'},
                                            {"help", no_argument, NULL, 'h'},
                                            CLI_INPUT_OPTIONS,
                                            {NULL, 0, NULL, 0}};
    cli_input in;
    int json = 0;
    const cli_parser parser = {.command = &cli_diff, .options = options, .input = &in,
                               .own_option = json_option, .context = &json, .min_operands = 2,
                               .max_operands = 2,
                               .missing = "name two maps: the old one, then the new one"};
    eco_graph *old_map = NULL, *new_map = NULL;
    eco_diff *diff = NULL;
    eco_error err = {0};
    printer p = {NULL, 0};
    int first, status;

    if (!cli_parse_args(&first, &status, argc, argv, &parser))
        return status;
    if ((status = cli_read_inputs(&old_map, &argv[first], 1, &in)) != 0 ||
        (status = cli_read_inputs(&new_map, &argv[first + 1], 1, &in)) != 0)
        goto cleanup;
    if (eco_graph_diff(&diff, old_map, new_map, &err) < 0 ||
        (!json && shared_names(&p.shared, &p.shared_count, old_map, new_map) < 0 &&
         eco_error_set(&err, ECO_ENOMEM, NULL, 0, 0, "out of memory") < 0)) {
        status = cli_fail(&err);
        goto cleanup;
    }
    if (json)
        print_json(diff);
    else
        print_text(&p, diff);
    status = eco_diff_count(diff) ? EXIT_DIFFERENT : EXIT_SAME;
    /* A diff cut short by a full disk or a closed pipe must not pass for the whole one. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        eco_error_set(&err, ECO_EIO, "<stdout>", 0, 0, "cannot write");
        status = cli_fail(&err);
    }
cleanup:
    free(p.shared);
    eco_diff_free(diff);
    eco_graph_free(old_map);
    eco_graph_free(new_map);
    return status;
}

const cli_command cli_diff = {
    "diff", run, "show actors and ties added, removed or changed between two maps",
    "usage: ecomap diff OLD NEW [--json]\n"
    "\n"
    "Compares two maps (or records, imported on the fly) by actor names, not ids: an actor\n"
    "of NEW is the actor of OLD that its name or one of its aliases names, folded as the\n"
    "importer folds names, within one country. Ties are compared through their actors and\n"
    "kind. One line a change, sorted by change and names; a name that actors of different\n"
    "countries bear is followed by the country, as in \"Ministry of Education [Chile]\":\n"
    "\n"
    "  + actor NAME (TYPE)                          in NEW only\n"
    "  - actor NAME (TYPE)                          in OLD only\n"
    "  ~ actor NAME: type OLD -> NEW                in both, another type\n"
    "  + tie SOURCE -> TARGET: KIND, weight W       in NEW only ('--' when undirected)\n"
    "  - tie SOURCE -- TARGET: KIND, weight W       in OLD only\n"
    "  ~ tie SOURCE -- TARGET: KIND, weight A -> B  in both, another weight\n"
    "\n"
    "Nothing is printed when the maps hold the same actors, types, ties and weights.\n"
    "\n"
    "exit status, as diff(1): 0 when the maps are the same, 1 when they differ, and the\n"
    "usual codes (64 usage, 65 bad data, 66 no input...) when they cannot be compared.\n"
    "\n"
    "options:\n"
    "      --json               print one JSON object: \"same\", and the lists actors_added,\n"
    "                           actors_removed, types_changed, ties_added, ties_removed and\n"
    "                           weights_changed, with names and countries\n"
    "      --strict, --input-format NAME, -q/--quiet   as for 'ecomap import'\n"
    "  -h, --help               show this help\n"};
