/*
 * export/report_sections.c - the sections of the report, each for HTML and Markdown alike:
 * what was imported, what the measures mean, the key actors, communities, cut-points and
 * bridges, the records, and what the data lacks.  Everything is printed open: a printed
 * report cannot unfold a section.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"

#define DOUBT_LIMIT 25 /* doubts of ecomap check listed before "ecomap check --top N" */
#define LIST_LIMIT 40 /* names listed in a community, or cut-points and bridges, before "more" */

/* ---- Small pieces ----------------------------------------------------------------------- */

static const char *type_label(eco_actor_type type)
{
    return type ? eco_actor_type_name(type) : "type unknown";
}

/* A table of counts: label, number; rows with no count are left out. */
static void count_table(const writer *w, const char *what, const char *const *labels,
                        const size_t *counts, size_t n)
{
    if (w->markdown)
        fprintf(w->fp, "| %s | count |\n| --- | ---: |\n", what);
    else
        fprintf(w->fp, "<table><thead><tr><th>%s</th><th class=\"n\">count</th></tr></thead>"
                       "<tbody>\n", what);
    for (size_t i = 0; i < n; i++) {
        if (!counts[i])
            continue;
        fputs(w->markdown ? "| " : "<tr><td>", w->fp);
        eco_i_report_text(w, labels[i]);
        fprintf(w->fp, w->markdown ? " | %zu |\n" : "</td><td class=\"n\">%zu</td></tr>\n", counts[i]);
    }
    fputs(w->markdown ? "\n" : "</tbody></table>\n", w->fp);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Opens and closes a list item, and a list. */
static void item(const writer *w, int open)
{
    fputs(open ? (w->markdown ? "- " : "<li>") : (w->markdown ? "\n" : "</li>\n"), w->fp);
}

static void list(const writer *w, int open, const char *cls)
{
    if (w->markdown)
        fputs(open ? "" : "\n", w->fp);
    else if (open)
        fprintf(w->fp, "<ul%s%s%s>\n", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    else
        fputs("</ul>\n", w->fp);
}

/* ---- What was imported ------------------------------------------------------------------ */

void eco_i_report_imported(const writer *w, const report *r)
{
    const char *type_labels[ECO_ACTOR_TYPE_COUNT], *kind_labels[ECO_TIE_KIND_COUNT];
    size_t n = eco_graph_record_count(r->g), kinds = 0;
    const char **formats = malloc((n + 1) * sizeof(*formats));
    size_t *counts = calloc(n + 1, sizeof(*counts));

    eco_i_report_heading(w, 2, "imported", "What was imported");
    fprintf(w->fp, w->markdown ? "%zu records, %zu actors, %zu ties, %zu evidence passages.\n\n"
                               : "<p>%zu records, %zu actors, %zu ties, %zu evidence passages.</p>\n",
            r->stats.records, r->stats.actors, r->stats.ties, r->stats.evidence);
    if (formats && counts) {
        for (size_t i = 0; i < n; i++)
            formats[i] = eco_graph_record(r->g, i)->format ? eco_graph_record(r->g, i)->format
                                                             : "unknown";
        qsort(formats, n, sizeof(*formats), by_name);
        for (size_t i = 0; i < n; i++) {
            if (kinds == 0 || strcmp(formats[kinds - 1], formats[i]) != 0)
                formats[kinds++] = formats[i];
            counts[kinds - 1]++;
        }
        count_table(w, "records by kind", formats, counts, kinds);
    }
    for (int t = 0; t < ECO_ACTOR_TYPE_COUNT; t++)
        type_labels[t] = type_label((eco_actor_type)t);
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++)
        kind_labels[k] = eco_tie_kind_name((eco_tie_kind)k);
    count_table(w, "actors by type", type_labels, r->stats.actors_by_type, ECO_ACTOR_TYPE_COUNT);
    count_table(w, "ties by kind", kind_labels, r->stats.ties_by_kind, ECO_TIE_KIND_COUNT);
    free(formats);
    free(counts);
}

/* ---- What the measures mean ------------------------------------------------------------- */

static const char *const measure_words[][2] = {
    {"Betweenness", "how many shortest paths between other actors pass through an actor: high "
                    "for the brokers that join parts of the ecosystem which would otherwise be "
                    "far apart."},
    {"Constraint (Burt)", "how much an actor's contacts are tied to each other: low constraint "
                          "means contacts who do not know one another, an actor with room to "
                          "broker; from 0 to 1 and above."},
    {"Effective size (Burt)", "the number of an actor's contacts less their redundancy: how "
                              "many separate groups it reaches."},
    {"Brokerage roles (Gould and Fernandez)", "for each pair of contacts an actor links that "
                                             "are not linked themselves, by actor type: a "
                                             "coordinator links two of its own type, an "
                                             "itinerant two of another type, a representative "
                                             "passes from its type out, a gatekeeper lets "
                                             "others in to its type, a liaison joins two types "
                                             "neither of which is its own."},
    {"Community (Leiden)", "a group of actors more tied to each other than to the rest, found "
                           "by optimising modularity; modularity near 0.3 and above means "
                           "marked groups."},
    {"Cut-point and bridge", "an actor, or a tie, without which part of the map comes apart: "
                             "the number says how many actors it alone joins to the rest."},
    {"Weight", "the number of separate records that state a tie."},
};

void eco_i_report_measures(const writer *w, const report *r)
{
    eco_i_report_heading(w, 2, "measures", "What the measures mean");
    fputs(w->markdown ? "" : "<dl>\n", w->fp);
    for (size_t i = 0; i < sizeof(measure_words) / sizeof(measure_words[0]); i++)
        fprintf(w->fp, w->markdown ? "- **%s**: %s\n" : "<dt>%s</dt><dd>%s</dd>\n",
                measure_words[i][0], measure_words[i][1]);
    fputs(w->markdown ? "\n" : "</dl>\n", w->fp);
    if (r->estimated)
        eco_i_report_para(w, "This map is big enough that betweenness is estimated by sampling "
                             "shortest paths (Riondato and Kornaropoulos), to within 0.01 of "
                             "its normalised value for every actor with 90% confidence; the "
                             "order of the key actors is that of the estimate.");
}

/* ---- Key actors ------------------------------------------------------------------------- */

/* One tie of actor a, with every passage that states it and its record. */
static void tie_with_evidence(const writer *w, const report *r, size_t a, const eco_tie *t)
{
    size_t other = t->source == a ? t->target : t->source;

    item(w, 1);
    fputs(!t->directed ? "\xE2\x80\x94 " : t->source == a ? "\xE2\x86\x92 " : "\xE2\x86\x90 ",
          w->fp);
    fputs(w->markdown ? "**" : "<b>", w->fp);
    eco_i_report_text(w, eco_graph_actor(r->g, other)->name);
    fputs(w->markdown ? "**" : "</b>", w->fp);
    fprintf(w->fp, w->markdown ? " (%s, weight %g)\n" : " <span class=\"kind\">%s, weight %g</span>"
                                                         "<ul class=\"evidence\">\n",
            eco_tie_kind_name(t->kind), t->weight);
    for (size_t e = 0; e < t->evidence_count; e++) {
        const eco_evidence *ev = &t->evidence[e];
        fputs(w->markdown ? "  - " : "<li>", w->fp);
        fputs(ev->text ? (w->markdown ? "\xE2\x80\x9C" : "<q>") : "(no passage)", w->fp);
        eco_i_report_text(w, ev->text);
        fputs(ev->text ? (w->markdown ? "\xE2\x80\x9D" : "</q>") : "", w->fp);
        fputs(w->markdown ? " \xE2\x80\x94 " : " <span class=\"source\">", w->fp);
        eco_i_report_text(w, ev->record ? ev->record : ev->source);
        if (ev->line)
            fprintf(w->fp, ", line %d", ev->line);
        fputs(w->markdown ? "\n" : "</span></li>\n", w->fp);
    }
    fputs(w->markdown ? "" : "</ul>", w->fp);
    item(w, 0);
}

static void profile(const writer *w, const report *r, size_t rank, size_t a)
{
    const eco_actor *actor = eco_graph_actor(r->g, a);
    const double *roles = &r->roles->count[a * ECO_ROLE_COUNT];
    char id[64];

    snprintf(id, sizeof(id), "actor-%zu", rank + 1);
    if (w->markdown)
        fprintf(w->fp, "### %zu. ", rank + 1);
    else
        fprintf(w->fp, "<section class=\"actor\" id=\"%s\"><h3>%zu. ", id, rank + 1);
    eco_i_report_text(w, actor->name);
    fputs(w->markdown ? "\n\n" : "</h3>\n<p class=\"facts\">", w->fp);
    fprintf(w->fp, "%s", type_label(actor->type));
    if (actor->country) {
        fputs(" \xC2\xB7 ", w->fp);
        eco_i_report_text(w, actor->country);
    }
    fprintf(w->fp, " \xC2\xB7 betweenness %.1f \xC2\xB7 constraint ", r->betweenness[a]);
    fprintf(w->fp, isnan(r->constraint[a]) ? "\xE2\x80\x93" : "%.3f", r->constraint[a]);
    fputs(" \xC2\xB7 effective size ", w->fp);
    fprintf(w->fp, isnan(r->effective_size[a]) ? "\xE2\x80\x93" : "%.2f", r->effective_size[a]);
    fputs(" \xC2\xB7 roles:", w->fp);
    for (int role = 0; role < ECO_ROLE_TOTAL; role++)
        fprintf(w->fp, " %s %.0f", eco_role_name((eco_role)role), roles[role]);
    fputs(w->markdown ? "\n\n" : "</p>\n", w->fp);
    if (actor->record_count) {
        fputs(w->markdown ? "Records: " : "<p class=\"records\">Records: ", w->fp);
        for (size_t k = 0; k < actor->record_count; k++) {
            fputs(k ? ", " : "", w->fp);
            eco_i_report_text(w, actor->records[k]);
        }
        fputs(w->markdown ? "\n\n" : "</p>\n", w->fp);
    }
    list(w, 1, "ties");
    for (size_t i = 0; i < eco_graph_tie_count(r->g); i++) {
        const eco_tie *t = eco_graph_tie(r->g, i);
        if (t->source == a || t->target == a)
            tie_with_evidence(w, r, a, t);
    }
    list(w, 0, NULL);
    fputs(w->markdown ? "" : "</section>\n", w->fp);
}

void eco_i_report_key_actors(const writer *w, const report *r)
{
    static const char *const columns[] = {"#", "actor", "type", "betweenness", "constraint",
                                          "eff. size", "coord.", "itin.", "repr.", "gatek.",
                                          "liaison"};
    size_t ncol = sizeof(columns) / sizeof(columns[0]);

    eco_i_report_heading(w, 2, "key-actors", "Key actors");
    eco_i_report_para(w, "The actors with the highest betweenness, each with its profile and "
                         "every tie it has, with the passages that state them.");
    fputs(w->markdown ? "|" : "<table><thead><tr>", w->fp);
    for (size_t c = 0; c < ncol; c++) {
        if (w->markdown)
            fprintf(w->fp, " %s |", columns[c]);
        else
            fprintf(w->fp, "<th%s>%s</th>", c > 2 || c == 0 ? " class=\"n\"" : "", columns[c]);
    }
    if (w->markdown) {
        fputs("\n|", w->fp);
        for (size_t c = 0; c < ncol; c++)
            fputs(c > 2 || c == 0 ? " ---: |" : " --- |", w->fp);
    }
    fputs(w->markdown ? "\n" : "</tr></thead><tbody>\n", w->fp);
    for (size_t k = 0; k < r->broker_count; k++) {
        size_t i = r->brokers[k];
        const double *count = &r->roles->count[i * ECO_ROLE_COUNT];
        char constraint[32], size[32];
        if (w->markdown)
            fprintf(w->fp, "| %zu | ", k + 1);
        else
            fprintf(w->fp, "<tr><td class=\"n\">%zu</td><td><a href=\"#actor-%zu\">", k + 1, k + 1);
        eco_i_report_text(w, eco_graph_actor(r->g, i)->name);
        /* Burt's measures say nothing of an actor without ties: a dash, not a zero. */
        snprintf(constraint, sizeof(constraint), isnan(r->constraint[i]) ? "\xE2\x80\x93" : "%.3f",
                 r->constraint[i]);
        snprintf(size, sizeof(size), isnan(r->effective_size[i]) ? "\xE2\x80\x93" : "%.2f",
                 r->effective_size[i]);
        fprintf(w->fp, w->markdown ? " | %s | %.1f | %s | %s"
                                   : "</a></td><td>%s</td><td class=\"n\">%.1f</td><td class=\"n\">%s"
                                     "</td><td class=\"n\">%s</td>",
                type_label(eco_graph_actor(r->g, i)->type), r->betweenness[i], constraint, size);
        for (int role = 0; role < ECO_ROLE_TOTAL; role++)
            fprintf(w->fp, w->markdown ? " | %.0f" : "<td class=\"n\">%.0f</td>", count[role]);
        fputs(w->markdown ? " |\n" : "</tr>\n", w->fp);
    }
    fputs(w->markdown ? "\n" : "</tbody></table>\n", w->fp);
    for (size_t k = 0; k < r->broker_count; k++)
        profile(w, r, k, r->brokers[k]);
}

/* ---- Communities ------------------------------------------------------------------------ */

void eco_i_report_communities(const writer *w, const report *r)
{
    const eco_communities *c = r->communities;
    size_t *size = calloc(c->count + 1, sizeof(size_t)), shown = 0, alone = 0;
    char line[200];

    eco_i_report_heading(w, 2, "communities", "Communities");
    for (size_t i = 0; size && i < c->actor_count; i++)
        size[c->membership[i]]++;
    for (size_t k = 0; size && k < c->count; k++)
        size[k] >= 2 ? shown++ : alone++;
    snprintf(line, sizeof(line), "%zu communities of two actors or more (Leiden), largest first; "
             "modularity %.3f. %zu actors form no community with others.", shown,
             isnan(c->modularity) ? 0 : c->modularity, alone);
    eco_i_report_para(w, line);
    fputs(w->markdown ? "" : "<ol class=\"communities\">\n", w->fp);
    /* Communities are numbered largest first, so their order is already by size. */
    for (size_t k = 0; size && k < c->count && size[k] >= 2; k++) {
        size_t listed = 0;
        if (w->markdown)
            fprintf(w->fp, "%zu. **%zu actors:** ", k + 1, size[k]);
        else
            fprintf(w->fp, "<li><b>%zu actors:</b> ", size[k]);
        for (size_t i = 0; i < c->actor_count && listed < LIST_LIMIT; i++) {
            if (c->membership[i] != k)
                continue;
            fputs(listed++ ? ", " : "", w->fp);
            eco_i_report_text(w, eco_graph_actor(r->g, i)->name);
        }
        if (size[k] > listed)
            fprintf(w->fp, " and %zu more", size[k] - listed);
        fputs(w->markdown ? "\n" : "</li>\n", w->fp);
    }
    fputs(w->markdown ? "\n" : "</ol>\n", w->fp);
    free(size);
}

/* ---- Cut-points and bridges ------------------------------------------------------------- */

void eco_i_report_cuts(const writer *w, const report *r)
{
    const eco_cuts *cuts = r->cuts;
    char line[200];

    eco_i_report_heading(w, 2, "cuts", "Cut-points and bridges");
    snprintf(line, sizeof(line), "%zu actors and %zu ties hold part of the map on alone; those "
             "that cut off the most come first.", cuts->cut_point_count, cuts->bridge_count);
    eco_i_report_para(w, line);
    eco_i_report_heading(w, 3, "cut-points", "Cut-points");
    list(w, 1, NULL);
    for (size_t k = 0; k < cuts->cut_point_count && k < LIST_LIMIT; k++) {
        item(w, 1);
        eco_i_report_text(w, eco_graph_actor(r->g, cuts->cut_points[k])->name);
        fprintf(w->fp, ": alone joins %zu actor%s to the rest", cuts->separated[k],
                cuts->separated[k] == 1 ? "" : "s");
        item(w, 0);
    }
    list(w, 0, NULL);
    if (cuts->cut_point_count > LIST_LIMIT)
        fprintf(w->fp, w->markdown ? "And %zu more.\n\n" : "<p>And %zu more.</p>\n",
                cuts->cut_point_count - LIST_LIMIT);
    eco_i_report_heading(w, 3, "bridges", "Bridges");
    list(w, 1, NULL);
    for (size_t k = 0; k < cuts->bridge_count && k < LIST_LIMIT; k++) {
        size_t b = r->bridge_order[k];
        item(w, 1);
        eco_i_report_text(w, eco_graph_actor(r->g, cuts->bridges[2 * b])->name);
        fputs(" \xE2\x80\x94 ", w->fp);
        eco_i_report_text(w, eco_graph_actor(r->g, cuts->bridges[2 * b + 1])->name);
        fprintf(w->fp, ": alone joins %zu actor%s to the rest", r->bridge_cut[b],
                r->bridge_cut[b] == 1 ? "" : "s");
        item(w, 0);
    }
    list(w, 0, NULL);
    if (cuts->bridge_count > LIST_LIMIT)
        fprintf(w->fp, w->markdown ? "And %zu more, each joining fewer.\n\n"
                                   : "<p>And %zu more, each joining fewer.</p>\n",
                cuts->bridge_count - LIST_LIMIT);
}

/* ---- Records ---------------------------------------------------------------------------- */

/* A record's topics, in their order, as one cell a reader scans: "water, health". */
static void topics_cell(const writer *w, const eco_record *rec)
{
    fputs(w->markdown ? "| " : "<td>", w->fp);
    for (size_t t = 0; t < rec->topic_count; t++) {
        if (t)
            fputs(", ", w->fp);
        eco_i_report_text(w, rec->topics[t]);
    }
    fputs(w->markdown ? " |\n" : "</td></tr>\n", w->fp);
}

void eco_i_report_records(const writer *w, const report *r)
{
    size_t *order = NULL;

    eco_i_report_heading(w, 2, "records", "Source records");
    if (eco_i_sorted_records(r->g, &order) < 0)
        return;
    fputs(w->markdown ? "| record | format | country | year | title | topics |\n"
                        "| --- | --- | --- | ---: | --- | --- |\n"
                      : "<table class=\"records\"><thead><tr><th>record</th><th>format</th>"
                        "<th>country</th><th class=\"n\">year</th><th>title</th><th>topics</th>"
                        "</tr></thead><tbody>\n",
          w->fp);
    for (size_t k = 0; k < eco_graph_record_count(r->g); k++) {
        const eco_record *rec = eco_graph_record(r->g, order[k]);
        const char *cells[] = {rec->id, rec->format, rec->country};
        for (size_t c = 0; c < 3; c++) {
            fputs(w->markdown ? "| " : "<td>", w->fp);
            eco_i_report_text(w, cells[c] ? cells[c] : "\xE2\x80\x93");
            fputs(w->markdown ? " " : "</td>", w->fp);
        }
        if (rec->year)
            fprintf(w->fp, w->markdown ? "| %d " : "<td class=\"n\">%d</td>", rec->year);
        else
            fputs(w->markdown ? "| \xE2\x80\x93 " : "<td class=\"n\">\xE2\x80\x93</td>", w->fp);
        fputs(w->markdown ? "| " : "<td>", w->fp);
        eco_i_report_text(w, rec->title ? rec->title : "");
        fputs(w->markdown ? " " : "</td>", w->fp);
        topics_cell(w, rec);
    }
    fputs(w->markdown ? "\n" : "</tbody></table>\n", w->fp);
    free(order);
}

/* ---- Data quality ----------------------------------------------------------------------- */

/* A line of the corrections file, as code in HTML, as an escaped item of a sub-list in
 * Markdown (an indented line alone would run into the sentence above it). */
static void correction(const writer *w, const char *label, const char *line)
{
    fprintf(w->fp, w->markdown ? "   - %s: " : "<br>%s: <code>", label);
    eco_i_report_text(w, line ? line : "-");
    fputs(w->markdown ? "\n" : "</code>", w->fp);
}

/* The doubts of `ecomap check`, most serious first, each with the lines that settle it. */
static void doubts(const writer *w, const report *r)
{
    size_t by_kind[ECO_DOUBT_KIND_COUNT] = {0};
    size_t shown = r->doubt_count < DOUBT_LIMIT ? r->doubt_count : DOUBT_LIMIT;
    char line[400];
    int used;

    if (!r->doubt_count)
        return;
    for (size_t i = 0; i < r->doubt_count; i++)
        by_kind[r->doubts[i].kind]++;
    eco_i_report_heading(w, 3, "doubts", "Doubts to review");
    used = snprintf(line, sizeof(line), "ecomap check finds %zu doubts:", r->doubt_count);
    for (int k = 0, first = 1; k < ECO_DOUBT_KIND_COUNT && used < (int)sizeof(line); k++)
        if (by_kind[k]) {
            used += snprintf(line + used, sizeof(line) - (size_t)used, "%s %zu %s",
                             first ? "" : ",", by_kind[k], eco_doubt_kind_name(k));
            first = 0;
        }
    if (used < (int)sizeof(line) - 1)
        strcat(line, ".");
    eco_i_report_para(w, line);
    snprintf(line, sizeof(line), "The %zu most serious follow, each with the line to paste into "
             "the corrections file (ecomap import --fix FILE) to accept it or to reject it; TYPE "
             "and COUNTRY are yours to fill in.%s", shown,
             shown < r->doubt_count ? " 'ecomap check MAP --top N' lists them all." : "");
    eco_i_report_para(w, line);
    fputs(w->markdown ? "" : "<ol class=\"doubts\">\n", w->fp);
    for (size_t i = 0; i < shown; i++) {
        const eco_doubt *d = &r->doubts[i];
        char *why = eco_doubt_describe(r->g, d), *accept = eco_doubt_settle(r->g, d, 1);
        char *reject = eco_doubt_settle(r->g, d, 0);
        if (w->markdown)
            fprintf(w->fp, "%zu. **%s**: ", i + 1, eco_doubt_kind_name(d->kind));
        else
            fprintf(w->fp, "<li><b>%s</b>: ", eco_doubt_kind_name(d->kind));
        eco_i_report_text(w, why ? why : "-");
        fputs(w->markdown ? "\n" : "", w->fp);
        correction(w, "accept", accept);
        correction(w, "reject", reject);
        fputs(w->markdown ? "\n" : "</li>\n", w->fp);
        free(why), free(accept), free(reject);
    }
    fputs(w->markdown ? "" : "</ol>\n", w->fp);
}

void eco_i_report_quality(const writer *w, const report *r)
{
    size_t untyped = r->stats.actors_by_type[ECO_TYPE_UNKNOWN], no_country = 0, no_passage = 0;
    size_t listed = 0, undated = 0;
    char line[300];

    for (size_t i = 0; i < eco_graph_actor_count(r->g); i++)
        no_country += !eco_graph_actor(r->g, i)->country;
    for (size_t i = 0; i < eco_graph_tie_count(r->g); i++) {
        const eco_tie *t = eco_graph_tie(r->g, i);
        int has = 0;
        for (size_t e = 0; e < t->evidence_count; e++)
            has |= t->evidence[e].text != NULL;
        no_passage += !has;
    }
    for (size_t k = 0; k < eco_graph_record_count(r->g); k++)
        undated += !eco_graph_record(r->g, k)->year;
    eco_i_report_heading(w, 2, "quality", "Data quality");
    snprintf(line, sizeof(line), "%zu actors have no type and %zu no country; %zu ties have no "
             "passage that states them; %zu records have no year; %zu actors are tied to no one.",
             untyped, no_country, no_passage, undated, r->stats.isolates);
    eco_i_report_para(w, line);
    doubts(w, r);
    if (!untyped)
        return;
    eco_i_report_heading(w, 3, "untyped", "Actors without a type");
    eco_i_report_para(w, "The importer leaves a type unknown rather than guess: an alias file "
                         "(--aliases, with a type column) settles them.");
    list(w, 1, "untyped");
    for (size_t i = 0; i < eco_graph_actor_count(r->g) && listed < LIST_LIMIT * 5; i++) {
        if (eco_graph_actor(r->g, i)->type != ECO_TYPE_UNKNOWN)
            continue;
        item(w, 1);
        eco_i_report_text(w, eco_graph_actor(r->g, i)->name);
        item(w, 0);
        listed++;
    }
    list(w, 0, NULL);
    if (untyped > listed)
        fprintf(w->fp, w->markdown ? "And %zu more.\n\n" : "<p>And %zu more.</p>\n", untyped - listed);
}
