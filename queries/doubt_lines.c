/*
 * queries/doubt_lines.c - a doubt in words, and the lines of a corrections file that settle
 * it: what `ecomap check` prints and the report's data-quality section lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecomap/graph.h"
#include "ecomap/query.h"

/* ---- Lines of the corrections file ------------------------------------------------------ */

/* Writes s quoted as the corrections file reads it: a quote doubled, and a control character
 * (a line break in someone's map) as a space, which folding reads as one anyway. */
static void put_quoted(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputs("\"\"", out);
        else
            fputc((unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s, out);
    }
    fputc('"', out);
}

/* Names actor i as a line should: by its name, unless the name finds another actor first or
 * is the very name in doubt (two actors of one name), then by its id. */
static void put_actor(FILE *out, const eco_graph *g, size_t i, int by_id)
{
    const eco_actor *a = eco_graph_actor(g, i);
    size_t found;

    if (by_id || eco_graph_find_actor(&found, g, a->name, NULL) < 0 || found != i)
        fputs(a->id, out);
    else
        put_quoted(out, a->name);
}

/* A fragment is rejected by naming the actor as it is named: a line that changes nothing,
 * but says the name was read and kept. */
char *eco_doubt_settle(const eco_graph *g, const eco_doubt *d, int accept)
{
    const char *guess = eco_actor_type_name(eco_name_classify(eco_graph_actor(g, d->actor)->name));
    int by_id = d->kind == ECO_DOUBT_SAME_NAME; /* their names are no help */
    char *text = NULL;
    size_t len = 0;
    FILE *out;

    if (!(out = open_memstream(&text, &len)))
        return NULL;
    switch (d->kind) {
    case ECO_DOUBT_WEAK_MERGE:
        fputs(accept ? "join " : "apart ", out);
        put_quoted(out, d->form);
        fputc(' ', out);
        put_actor(out, g, d->actor, 0);
        break;
    case ECO_DOUBT_FRAGMENT:
        fputs(accept ? "not-actor " : "name ", out);
        put_actor(out, g, d->actor, 0);
        if (!accept) {
            fputc(' ', out);
            put_quoted(out, eco_graph_actor(g, d->actor)->name);
        }
        break;
    case ECO_DOUBT_NO_TYPE:
        fputs("type ", out);
        put_actor(out, g, d->actor, 0);
        fprintf(out, " %s", !accept ? "unknown" : guess ? guess : "TYPE");
        break;
    case ECO_DOUBT_NO_COUNTRY:
        fputs("country ", out);
        put_actor(out, g, d->actor, 0);
        fputs(accept ? " COUNTRY" : " none", out);
        break;
    default: /* a pair: the actor in doubt, the one with fewer records, joins the other */
        fputs(accept ? "join " : "apart ", out);
        put_actor(out, g, d->actor, by_id);
        fputc(' ', out);
        put_actor(out, g, d->other, by_id);
        break;
    }
    fclose(out);
    return text;
}

/* ---- What a doubt is -------------------------------------------------------------------- */

static void put_plain(FILE *out, const char *s)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s, out);
}

/* "NAME" (id, country, N records) */
static void put_described(FILE *out, const eco_graph *g, size_t i)
{
    const eco_actor *a = eco_graph_actor(g, i);

    fputc('"', out);
    put_plain(out, a->name);
    fprintf(out, "\" (%s, ", a->id);
    put_plain(out, a->country ? a->country : "no country");
    fprintf(out, ", %zu record%s)", a->record_count, a->record_count == 1 ? "" : "s");
}

static void describe(FILE *out, const eco_graph *g, const eco_doubt *d)
{
    static const char *const why[ECO_DOUBT_KIND_COUNT] = {
        "names that fold alike",
        "names alike but for a plural or possessive",
        "an acronym that spells the other's initials",
        "",
        "the same words in another order",
        "a name that looks cut short",
        "no type",
        "no country",
        "the same name in another language or spelling"};

    put_described(out, g, d->actor);
    if (d->other != (size_t)-1) {
        fputs(" and ", out);
        put_described(out, g, d->other);
    }
    if (d->kind == ECO_DOUBT_SAME_NAME && d->form) {
        fputs(": both called \"", out);
        put_plain(out, d->form);
        fputs("\", folded", out);
    } else if (d->kind == ECO_DOUBT_WEAK_MERGE) {
        fputs(": its alias \"", out);
        put_plain(out, d->form);
        fputs("\" spells none of its names, a merge on the acronym alone", out);
    } else {
        fprintf(out, ": %s", why[d->kind]);
    }
}

char *eco_doubt_describe(const eco_graph *g, const eco_doubt *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (!out)
        return NULL;
    describe(out, g, d);
    fclose(out);
    return text;
}
