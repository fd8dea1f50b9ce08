/*
 * export/report.c - a report on a map that goes into a document as it is: one HTML file
 * with everything inline (or Markdown with the diagram beside it).
 *
 * The HTML carries no script at all and a Content-Security-Policy that forbids scripts and
 * every fetch, so even text that escaped escaping could neither run nor call out.  All text
 * from the records is escaped all the same.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_internal.h"
#include "internal.h"

/* ---- What the report shows -------------------------------------------------------------- */

typedef struct report {
    const eco_graph *g;
    const eco_report_options *opt;
    eco_stats stats;
    double *betweenness, *constraint, *effective_size;
    eco_brokerage *roles;
    eco_communities *communities;
    eco_cuts *cuts;
    size_t *brokers;       /* actor indices, highest betweenness first */
    size_t broker_count;   /* how many are listed */
    int estimated;         /* 1: betweenness estimated by sampling (big maps) */
    char *svg;             /* the diagram */
    size_t svg_len;
} report;

static void report_free(report *r)
{
    free(r->betweenness);
    free(r->constraint);
    free(r->effective_size);
    eco_brokerage_free(r->roles);
    eco_communities_free(r->communities);
    eco_cuts_free(r->cuts);
    free(r->brokers);
    free(r->svg);
}

/* An actor with its score beside it, as qsort has no context argument in C11 (a static
 * pointer to the scores would be shared by two reports written at once). */
typedef struct scored {
    size_t actor; /* its index */
    double score; /* its betweenness */
} scored;

/* Highest score first, then lowest index. */
static int by_score(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

static int compute(report *r, eco_error *err)
{
    size_t n = eco_graph_actor_count(r->g);
    scored *order;
    int rc;

    if (!(r->betweenness = malloc((n + 1) * sizeof(double))) ||
        !(r->constraint = malloc((n + 1) * sizeof(double))) ||
        !(r->effective_size = malloc((n + 1) * sizeof(double))) ||
        !(r->brokers = malloc((n + 1) * sizeof(size_t))))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory writing the report");
    if ((rc = eco_query_stats(&r->stats, r->g, err)) < 0 ||
        (rc = eco_i_size_measure(r->betweenness, &r->estimated, r->g, ECO_MEASURE_BETWEENNESS,
                                 err)) < 0 ||
        (rc = eco_query_measure(r->constraint, r->g, ECO_MEASURE_CONSTRAINT, NULL, err)) < 0 ||
        (rc = eco_query_measure(r->effective_size, r->g, ECO_MEASURE_EFFECTIVE_SIZE, NULL, err)) < 0 ||
        (rc = eco_query_brokerage(&r->roles, r->g, "type", NULL, err)) < 0 ||
        (rc = eco_query_communities(&r->communities, r->g, ECO_COMMUNITY_LEIDEN, NULL, err)) < 0 ||
        (rc = eco_query_cuts(&r->cuts, r->g, NULL, err)) < 0 ||
        (rc = eco_diagram_render_data(&r->svg, &r->svg_len, r->g, &r->opt->diagram, "svg", err)) < 0)
        return rc;
    if (!(order = malloc((n + 1) * sizeof(*order))))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory writing the report");
    for (size_t i = 0; i < n; i++)
        order[i] = (scored){i, r->betweenness[i]};
    qsort(order, n, sizeof(*order), by_score);
    for (size_t i = 0; i < n; i++)
        r->brokers[i] = order[i].actor;
    free(order);
    r->broker_count = n < (r->opt->top ? r->opt->top : 15) ? n : (r->opt->top ? r->opt->top : 15);
    return 0;
}

/* The Graphviz SVG without its XML prologue and doctype, which HTML does not want. */
static const char *svg_element(const report *r)
{
    const char *start = strstr(r->svg, "<svg");
    return start ? start : "";
}

/* ---- Writing: the two forms share one outline ------------------------------------------- */

typedef struct writer {
    FILE *fp;
    int markdown;
} writer;

/* Text from the map, escaped for the form. */
static void text(const writer *w, const char *s)
{
    if (!s)
        return;
    if (!w->markdown) {
        eco_i_xml_text(w->fp, s, 0);
        return;
    }
    /* Markdown passes HTML through, so markup characters become entities, and its own
     * marks are escaped so that a name cannot turn into a link or a table cell. */
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", w->fp); break;
        case '>': fputs("&gt;", w->fp); break;
        case '&': fputs("&amp;", w->fp); break;
        case '\n': case '\r': fputc(' ', w->fp); break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
        case '!': case '(': case ')': case '{': case '}':
            fputc('\\', w->fp);
            fputc(*s, w->fp);
            break;
        default: fputc(*s, w->fp);
        }
    }
}

static void heading(const writer *w, const char *title)
{
    if (w->markdown)
        fprintf(w->fp, "\n## %s\n\n", title);
    else
        fprintf(w->fp, "<h2>%s</h2>\n", title);
}

/* A table of counts: label, number. */
static void count_table(const writer *w, const char *what, const char *const *labels,
                        const size_t *counts, size_t n)
{
    if (w->markdown)
        fprintf(w->fp, "| %s | count |\n| --- | ---: |\n", what);
    else
        fprintf(w->fp, "<table><thead><tr><th>%s</th><th class=\"n\">count</th></tr></thead><tbody>\n", what);
    for (size_t i = 0; i < n; i++) {
        if (!counts[i])
            continue;
        fputs(w->markdown ? "| " : "<tr><td>", w->fp);
        text(w, labels[i]);
        fprintf(w->fp, w->markdown ? " | %zu |\n" : "</td><td class=\"n\">%zu</td></tr>\n", counts[i]);
    }
    fputs(w->markdown ? "\n" : "</tbody></table>\n", w->fp);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void section_imported(const writer *w, const report *r)
{
    const char *type_labels[ECO_ACTOR_TYPE_COUNT], *kind_labels[ECO_TIE_KIND_COUNT];
    size_t n = eco_graph_record_count(r->g), kinds = 0;
    const char **formats = malloc((n + 1) * sizeof(*formats));
    size_t *counts = calloc(n + 1, sizeof(*counts));

    heading(w, "What was imported");
    fprintf(w->fp, w->markdown ? "%zu records, %zu actors, %zu ties, %zu evidence passages.\n\n"
                               : "<p>%zu records, %zu actors, %zu ties, %zu evidence passages.</p>\n",
            r->stats.records, r->stats.actors, r->stats.ties, r->stats.evidence);
    if (formats && counts) {
        for (size_t i = 0; i < n; i++)
            formats[i] = eco_graph_record(r->g, i)->format ? eco_graph_record(r->g, i)->format : "unknown";
        qsort(formats, n, sizeof(*formats), by_name);
        for (size_t i = 0; i < n; i++) {
            if (kinds == 0 || strcmp(formats[kinds - 1], formats[i]) != 0)
                formats[kinds++] = formats[i];
            counts[kinds - 1]++;
        }
        count_table(w, "records by kind", formats, counts, kinds);
    }
    for (int t = 0; t < ECO_ACTOR_TYPE_COUNT; t++)
        type_labels[t] = t ? eco_actor_type_name((eco_actor_type)t) : "unknown";
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++)
        kind_labels[k] = eco_tie_kind_name((eco_tie_kind)k);
    count_table(w, "actors by type", type_labels, r->stats.actors_by_type, ECO_ACTOR_TYPE_COUNT);
    count_table(w, "ties by kind", kind_labels, r->stats.ties_by_kind, ECO_TIE_KIND_COUNT);
    free(formats);
    free(counts);
}

/* One tie with its evidence: expandable in HTML, a nested list in Markdown. */
static void tie_with_evidence(const writer *w, const report *r, size_t i)
{
    const eco_tie *t = eco_graph_tie(r->g, i);

    fputs(w->markdown ? "- " : "<details><summary>", w->fp);
    text(w, eco_graph_actor(r->g, t->source)->name);
    fputs(t->directed ? " \xE2\x86\x92 " : " \xE2\x80\x94 ", w->fp);
    text(w, eco_graph_actor(r->g, t->target)->name);
    fprintf(w->fp, w->markdown ? " (%s, weight %g)\n" : " <span class=\"kind\">%s, weight %g</span></summary><ul>\n",
            eco_tie_kind_name(t->kind), t->weight);
    for (size_t e = 0; e < t->evidence_count; e++) {
        const eco_evidence *ev = &t->evidence[e];
        fputs(w->markdown ? "  - " : "<li>", w->fp);
        if (ev->text) {
            fputs(w->markdown ? "\xE2\x80\x9C" : "<q>", w->fp);
            text(w, ev->text);
            fputs(w->markdown ? "\xE2\x80\x9D" : "</q>", w->fp);
        } else {
            fputs("(no passage)", w->fp);
        }
        fputs(w->markdown ? " \xE2\x80\x94 " : " <span class=\"source\">", w->fp);
        text(w, ev->record ? ev->record : ev->source);
        if (ev->line)
            fprintf(w->fp, ", line %d", ev->line);
        fputs(w->markdown ? "\n" : "</span></li>\n", w->fp);
    }
    fputs(w->markdown ? "" : "</ul></details>\n", w->fp);
}

static void section_brokers(const writer *w, const report *r)
{
    static const char *const columns[] = {"actor", "type", "betweenness", "constraint",
                                          "eff. size", "coord.", "itin.", "repr.", "gatek.",
                                          "liaison"};
    size_t ncol = sizeof(columns) / sizeof(columns[0]);

    heading(w, "Key brokers");
    if (w->markdown) {
        fputs("Highest betweenness first; roles are Gould and Fernandez's, by actor type: "
              "coordinator, itinerant, representative, gatekeeper, liaison.\n\n|", w->fp);
        for (size_t c = 0; c < ncol; c++)
            fprintf(w->fp, " %s |", columns[c]);
        fputs("\n|", w->fp);
        for (size_t c = 0; c < ncol; c++)
            fputs(c > 1 ? " ---: |" : " --- |", w->fp);
        fputs("\n", w->fp);
    } else {
        fputs("<p>Highest betweenness first; roles are Gould and Fernandez's, by actor type:"
              " coordinator, itinerant, representative, gatekeeper, liaison.</p>\n"
              "<table><thead><tr>", w->fp);
        for (size_t c = 0; c < ncol; c++)
            fprintf(w->fp, "<th%s>%s</th>", c > 1 ? " class=\"n\"" : "", columns[c]);
        fputs("</tr></thead><tbody>\n", w->fp);
    }
    for (size_t k = 0; k < r->broker_count; k++) {
        size_t i = r->brokers[k];
        const eco_actor *a = eco_graph_actor(r->g, i);
        const double *count = &r->roles->count[i * ECO_ROLE_COUNT];
        fputs(w->markdown ? "| " : "<tr><td>", w->fp);
        text(w, a->name);
        char constraint[32], size[32];
        /* Burt's measures say nothing of an actor without ties: a dash, not a zero. */
        snprintf(constraint, sizeof(constraint), isnan(r->constraint[i]) ? "\xE2\x80\x93" : "%.3f",
                 r->constraint[i]);
        snprintf(size, sizeof(size), isnan(r->effective_size[i]) ? "\xE2\x80\x93" : "%.2f",
                 r->effective_size[i]);
        fprintf(w->fp, w->markdown ? " | %s | %.1f | %s | %s" : "</td><td>%s</td><td class=\"n\">%.1f</td><td class=\"n\">%s</td><td class=\"n\">%s</td>",
                a->type ? eco_actor_type_name(a->type) : "unknown", r->betweenness[i], constraint, size);
        for (int role = 0; role < ECO_ROLE_TOTAL; role++)
            fprintf(w->fp, w->markdown ? " | %.0f" : "<td class=\"n\">%.0f</td>", count[role]);
        fputs(w->markdown ? " |\n" : "</tr>\n", w->fp);
    }
    fputs(w->markdown ? "\n" : "</tbody></table>\n", w->fp);
    /* Why each broker is where it is: its ties, with the sentences behind them. */
    fputs(w->markdown ? "### Their ties and the evidence\n\n" : "<h3>Their ties and the evidence</h3>\n", w->fp);
    for (size_t k = 0; k < r->broker_count && k < 5; k++) {
        size_t b = r->brokers[k];
        fputs(w->markdown ? "**" : "<h4>", w->fp);
        text(w, eco_graph_actor(r->g, b)->name);
        fputs(w->markdown ? "**\n\n" : "</h4>\n", w->fp);
        for (size_t i = 0; i < eco_graph_tie_count(r->g); i++)
            if (eco_graph_tie(r->g, i)->source == b || eco_graph_tie(r->g, i)->target == b)
                tie_with_evidence(w, r, i);
        fputs(w->markdown ? "\n" : "", w->fp);
    }
}

static void section_communities(const writer *w, const report *r)
{
    heading(w, "Communities");
    fprintf(w->fp, w->markdown ? "%zu communities (Leiden), modularity %.3f.\n\n"
                               : "<p>%zu communities (Leiden), modularity %.3f.</p>\n<ol>\n",
            r->communities->count, isnan(r->communities->modularity) ? 0 : r->communities->modularity);
    for (size_t k = 0; k < r->communities->count; k++) {
        int first = 1;
        fputs(w->markdown ? "1. " : "<li>", w->fp);
        for (size_t i = 0; i < r->communities->actor_count; i++) {
            if (r->communities->membership[i] != k)
                continue;
            fputs(first ? "" : ", ", w->fp);
            text(w, eco_graph_actor(r->g, i)->name);
            first = 0;
        }
        fputs(w->markdown ? "\n" : "</li>\n", w->fp);
    }
    fputs(w->markdown ? "" : "</ol>\n", w->fp);
}

static void section_cuts(const writer *w, const report *r)
{
    heading(w, "Cut-points and bridges");
    if (!r->cuts->cut_point_count)
        fputs(w->markdown ? "No actor alone holds part of the map on.\n" : "<p>No actor alone holds part of the map on.</p>\n", w->fp);
    fputs(w->markdown ? "" : "<ul>\n", w->fp);
    for (size_t k = 0; k < r->cuts->cut_point_count; k++) {
        fputs(w->markdown ? "- " : "<li>", w->fp);
        text(w, eco_graph_actor(r->g, r->cuts->cut_points[k])->name);
        fprintf(w->fp, w->markdown ? ": alone connects %zu actors to the rest\n"
                                   : ": alone connects %zu actors to the rest</li>\n",
                r->cuts->separated[k]);
    }
    fputs(w->markdown ? "\n### Bridges\n\n" : "</ul>\n<h3>Bridges</h3>\n", w->fp);
    for (size_t k = 0; k < r->cuts->bridge_count; k++) {
        for (int kind = 0; kind < ECO_TIE_KIND_COUNT; kind++) {
            size_t a = r->cuts->bridges[2 * k], b = r->cuts->bridges[2 * k + 1], i;
            if (eco_graph_find_tie(&i, r->g, a, b, (eco_tie_kind)kind) == 0 ||
                eco_graph_find_tie(&i, r->g, b, a, (eco_tie_kind)kind) == 0)
                tie_with_evidence(w, r, i);
        }
    }
}

static const char style[] =
    "body{font:15px/1.45 Helvetica,Arial,sans-serif;color:#222;max-width:60em;margin:2em auto;padding:0 1em}"
    "h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;margin-top:2em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:.9em}"
    "th,td{padding:.25em .5em;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}"
    "th.n,td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".diagram svg{max-width:100%;height:auto}details{margin:.3em 0}summary{cursor:pointer}"
    ".kind,.source{color:#666;font-size:.9em}q{font-style:italic}"
    "@media print{body{max-width:none;margin:0}h2{break-after:avoid}.diagram,table{break-inside:avoid}}";

static void write_all(const writer *w, const report *r, const char *svg_name)
{
    const char *title = r->opt->title ? r->opt->title : "Ecosystem map";

    if (w->markdown) {
        fputs("# ", w->fp);
        text(w, title);
        fputs("\n", w->fp);
    } else {
        fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; img-src data:\">\n<title>", w->fp);
        text(w, title);
        fprintf(w->fp, "</title>\n<style>%s</style>\n</head><body>\n<h1>", style);
        text(w, title);
        fputs("</h1>\n", w->fp);
    }
    section_imported(w, r);
    heading(w, "The map");
    if (w->markdown) {
        fputs("![The map](", w->fp);
        text(w, svg_name);
        fputs(")\n", w->fp);
    } else {
        fprintf(w->fp, "<div class=\"diagram\">%s</div>\n", svg_element(r));
    }
    section_brokers(w, r);
    section_communities(w, r);
    section_cuts(w, r);
    fputs(w->markdown ? "\n" : "</body></html>\n", w->fp);
}

/* ---- Files ------------------------------------------------------------------------------ */

/* PATH.md -> PATH.svg: the diagram that stands beside a Markdown report. */
static char *svg_path_for(const char *path)
{
    size_t len = strlen(path);
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : len;
    char *out = malloc(stem + 5);
    if (out) {
        memcpy(out, path, stem);
        strcpy(out + stem, ".svg");
    }
    return out;
}

int eco_report_write(const eco_graph *g, const eco_report_options *opt, const char *path,
                     eco_error *err)
{
    static const eco_report_options defaults = ECO_REPORT_OPTIONS_INIT;
    report r = {.g = g, .opt = opt ? opt : &defaults};
    eco_i_output outs[2];
    size_t n_outs = 0;
    char *svg_path = NULL;
    int rc, markdown;

    if ((rc = eco_i_options_check(opt, ECO_REPORT_OPTIONS_VERSION, "eco_report_options", err)) < 0 ||
        (rc = eco_i_options_check(&r.opt->diagram, ECO_DIAGRAM_OPTIONS_VERSION,
                                  "eco_diagram_options", err)) < 0)
        return rc;
    markdown = r.opt->format == ECO_REPORT_MARKDOWN;
    if (markdown && strcmp(path, "-") == 0)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0,
                             "a Markdown report needs a file name: its diagram goes beside it");
    if ((rc = compute(&r, err)) < 0)
        goto done;
    if ((rc = eco_i_output_open(&outs[0], path, err)) < 0)
        goto done;
    n_outs = 1;
    if (markdown) {
        if (!(svg_path = svg_path_for(path))) {
            rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
            goto done;
        }
        if ((rc = eco_i_output_open(&outs[1], svg_path, err)) < 0)
            goto done;
        n_outs = 2;
        fwrite(r.svg, 1, r.svg_len, outs[1].fp);
    }
    const char *slash = svg_path ? strrchr(svg_path, '/') : NULL;
    writer w = {outs[0].fp, markdown};
    write_all(&w, &r, svg_path ? (slash ? slash + 1 : svg_path) : NULL);
    rc = eco_i_output_commit_all(outs, n_outs, err);
    n_outs = 0;
done:
    for (size_t i = 0; i < n_outs; i++)
        eco_i_output_abort(&outs[i]);
    free(svg_path);
    report_free(&r);
    return rc;
}
