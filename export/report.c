/*
 * export/report.c - a report on a map that a programme team shares: one HTML file with
 * everything inline (or Markdown with the diagram beside it), a table of contents, the
 * diagram made for the page, and sections (report_sections.c) printed open.
 *
 * The HTML carries no script at all and a Content-Security-Policy that forbids scripts and
 * every fetch, so even text that escaped escaping could neither run nor call out.  All text
 * from the records is escaped all the same.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"

#define KEY_ACTORS 15 /* actors profiled when the options do not say */

/* ---- What the report shows -------------------------------------------------------------- */

static void report_free(report *r)
{
    free(r->betweenness);
    free(r->constraint);
    free(r->effective_size);
    eco_brokerage_free(r->roles);
    eco_communities_free(r->communities);
    eco_cuts_free(r->cuts);
    eco_doubts_free(r->doubts);
    free(r->bridge_cut);
    free(r->bridge_order);
    free(r->brokers);
    free(r->svg);
    free(r->overview_svg);
}

/* The actors by falling betweenness, each sorted with its score beside it: qsort has no
 * context argument in C11, and a static pointer to the scores would be shared by two
 * reports written at once. */
static int rank_brokers(report *r)
{
    size_t n = eco_graph_actor_count(r->g), top = r->opt.top ? r->opt.top : KEY_ACTORS;
    eco_i_scored *order = malloc((n + 1) * sizeof(*order));

    if (!order)
        return ECO_ENOMEM;
    for (size_t i = 0; i < n; i++)
        order[i] = (eco_i_scored){i, r->betweenness[i]};
    qsort(order, n, sizeof(*order), eco_i_by_falling_score);
    for (size_t i = 0; i < n; i++)
        r->brokers[i] = order[i].actor;
    free(order);
    r->broker_count = n < top ? n : top;
    return 0;
}

/* The report's diagram is made for the printable area that A4 and letter share, portrait,
 * unless the options name a page. */
static int diagrams(report *r, eco_error *err)
{
    eco_diagram_options overview = r->opt.diagram;
    int rc;

    if (!r->opt.diagram.page)
        r->opt.diagram.page = "any,portrait";
    if ((rc = eco_diagram_render_data(&r->svg, &r->svg_len, r->g, &r->opt.diagram, "svg",
                                      err)) < 0)
        return rc;
    /* A map the page shows less than half of gets its communities drawn as well. */
    if (r->opt.diagram.focus || r->stats.actors <= 2 * 100)
        return 0;
    overview.page = r->opt.diagram.page;
    overview.overview = ECO_CLUSTER_COMMUNITY;
    return eco_diagram_render_data(&r->overview_svg, &r->overview_len, r->g, &overview, "svg", err);
}

static int compute(report *r, eco_error *err)
{
    size_t n = eco_graph_actor_count(r->g);
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
        (rc = eco_query_doubts(&r->doubts, &r->doubt_count, r->g, err)) < 0 ||
        (rc = diagrams(r, err)) < 0)
        return rc;
    if (rank_brokers(r) < 0 || eco_i_report_bridge_sizes(r) < 0)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory writing the report");
    return 0;
}

/* The Graphviz SVG without its XML prologue and doctype, which HTML does not want. */
static const char *svg_element(const char *svg)
{
    const char *start = svg ? strstr(svg, "<svg") : NULL;
    return start ? start : "";
}

/* ---- Writing: the two forms share one outline ------------------------------------------- */

void eco_i_report_text(const writer *w, const char *s)
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

void eco_i_report_heading(const writer *w, int level, const char *id, const char *title)
{
    if (w->markdown)
        fprintf(w->fp, "\n%s %s\n\n", level == 2 ? "##" : "###", title);
    else
        fprintf(w->fp, "<h%d id=\"%s\">%s</h%d>\n", level, id, title, level);
}

void eco_i_report_para(const writer *w, const char *words)
{
    fprintf(w->fp, w->markdown ? "%s\n\n" : "<p>%s</p>\n", words);
}

static const struct {
    const char *id, *title; /* anchor and heading */
} contents[] = {
    {"imported", "What was imported"}, {"map", "The map"},
    {"measures", "What the measures mean"}, {"key-actors", "Key actors"},
    {"communities", "Communities"}, {"cuts", "Cut-points and bridges"},
    {"records", "Source records"}, {"quality", "Data quality"},
};

/* The table of contents: Markdown anchors are the headings as GitHub makes them. */
static void table_of_contents(const writer *w)
{
    fputs(w->markdown ? "## Contents\n\n" : "<nav class=\"toc\"><h2>Contents</h2><ol>\n", w->fp);
    for (size_t i = 0; i < sizeof(contents) / sizeof(contents[0]); i++) {
        if (!w->markdown) {
            fprintf(w->fp, "<li><a href=\"#%s\">%s</a></li>\n", contents[i].id, contents[i].title);
            continue;
        }
        fprintf(w->fp, "%zu. [%s](#", i + 1, contents[i].title);
        for (const char *p = contents[i].title; *p; p++)
            fputc(*p == ' ' ? '-' : *p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p, w->fp);
        fputs(")\n", w->fp);
    }
    fputs(w->markdown ? "\n" : "</ol></nav>\n", w->fp);
}

static void section_map(const writer *w, const report *r, const char *svg_name)
{
    eco_i_report_heading(w, 2, "map", "The map");
    if (w->markdown) {
        fputs("![The map](", w->fp);
        eco_i_report_text(w, svg_name);
        fputs(")\n\nThe caption under the legend says which actors are drawn and which were "
              "left out; `ecomap view` shows them all.\n", w->fp);
        return;
    }
    fprintf(w->fp, "<figure class=\"diagram\">%s<figcaption>The most central actors; the "
                   "caption in the drawing says what was left out. <code>ecomap view</code> "
                   "shows every actor.</figcaption></figure>\n", svg_element(r->svg));
    if (r->overview_svg)
        fprintf(w->fp, "<figure class=\"diagram\">%s<figcaption>The communities: one node per "
                       "community, named by its most central members, and the ties between "
                       "communities summed.</figcaption></figure>\n", svg_element(r->overview_svg));
}

static const char style[] =
    "body{font:15px/1.45 Helvetica,Arial,sans-serif;color:#222;max-width:60em;margin:2em auto;padding:0 1em;"
    "overflow-wrap:anywhere}"
    "h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;margin-top:2em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:.9em}"
    "th,td{padding:.25em .5em;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}"
    "th.n,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    /* Long record names may break anywhere; a table's words and numbers may not. */
    "th,td{overflow-wrap:normal}"
    ".diagram{margin:1em 0}.diagram svg{display:block;max-width:100%;height:auto}"
    "figcaption{color:#555;font-size:.9em}dt{font-weight:bold}dd{margin:0 0 .5em 1.5em}"
    ".kind,.source,.facts,.records{color:#555;font-size:.9em}q{font-style:italic}"
    ".evidence{margin:.1em 0 .4em}.doubts>li{margin:.4em 0}.doubts code{overflow-wrap:anywhere}"
    ".ties>li{margin:.3em 0}.toc ol{columns:2}"
    /* The diagrams are drawn for the printable area A4 and letter share with half-inch
     * margins (export/fit.c, page "any"), so that they print at their size, labels of 8 pt
     * at 8 pt. */
    "@page{size:auto;margin:12.7mm}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
    "h2{break-after:avoid;break-before:page}.toc h2,h2#imported{break-before:auto}h3{break-after:avoid}"
    /* The diagram fills its page: its heading would push it onto the next and leave a
     * page with a heading alone, and the drawing carries its own title. */
    "h2#map{display:none}"
    ".diagram{break-inside:avoid;break-before:page;margin:0}.diagram svg{width:auto;height:auto}"
    "figcaption{display:none}"
    /* a list or table that runs over a page takes four of its lines with it, never one */
    "tr,li{break-inside:avoid}li:nth-last-child(-n+3),tr:nth-last-child(-n+3){break-before:avoid}"
    "a{color:inherit;text-decoration:none}}";

static void write_all(const writer *w, const report *r, const char *svg_name)
{
    const char *title = r->opt.title ? r->opt.title : "Ecosystem map";

    if (w->markdown) {
        fputs("# ", w->fp);
        eco_i_report_text(w, title);
        fputs("\n\n", w->fp);
    } else {
        fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; img-src data:\">\n<title>", w->fp);
        eco_i_report_text(w, title);
        fprintf(w->fp, "</title>\n<style>%s</style>\n</head><body>\n<h1>", style);
        eco_i_report_text(w, title);
        fputs("</h1>\n", w->fp);
    }
    table_of_contents(w);
    eco_i_report_imported(w, r);
    section_map(w, r, svg_name);
    eco_i_report_measures(w, r);
    eco_i_report_key_actors(w, r);
    eco_i_report_communities(w, r);
    eco_i_report_cuts(w, r);
    eco_i_report_records(w, r);
    eco_i_report_quality(w, r);
    fputs(w->markdown ? "\n" : "</body></html>\n", w->fp);
}

/* ---- Bridges -------------------------------------------------------------------------- */

/* The undirected adjacency as compressed rows; *offsets and *links belong to the caller. */
static int rows(const eco_graph *g, size_t **offsets, size_t **links)
{
    size_t n = eco_graph_actor_count(g), m = eco_graph_tie_count(g), *fill;

    if (!(*offsets = calloc(n + 2, sizeof(size_t))) || !(*links = malloc((2 * m + 1) * sizeof(size_t))) ||
        !(fill = malloc((n + 1) * sizeof(size_t))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < m; i++)
        (*offsets)[eco_graph_tie(g, i)->source + 1]++, (*offsets)[eco_graph_tie(g, i)->target + 1]++;
    for (size_t i = 0; i < n; i++)
        (*offsets)[i + 1] += (*offsets)[i];
    memcpy(fill, *offsets, n * sizeof(size_t));
    for (size_t i = 0; i < m; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        (*links)[fill[t->source]++] = t->target;
        (*links)[fill[t->target]++] = t->source;
    }
    free(fill);
    return 0;
}

/* A bridge is a tie of every search tree: below it hang below[child] actors of a component
 * of `size`, and it alone joins the smaller side to the rest. */
int eco_i_report_bridge_sizes(report *r)
{
    size_t n = eco_graph_actor_count(r->g), b = r->cuts->bridge_count, *offsets = NULL, *links = NULL;
    size_t *parent = malloc((n + 1) * sizeof(size_t)), *order = malloc((n + 1) * sizeof(size_t));
    size_t *below = malloc((n + 1) * sizeof(size_t)), *root = malloc((n + 1) * sizeof(size_t));
    int rc = ECO_ENOMEM;

    if (!parent || !order || !below || !root || rows(r->g, &offsets, &links) < 0 ||
        !(r->bridge_cut = malloc((b + 1) * sizeof(size_t))) ||
        !(r->bridge_order = malloc((b + 1) * sizeof(size_t))))
        goto cleanup;
    /* Breadth-first order gives every actor after its parent: sizes add up in reverse. */
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        parent[i] = SIZE_MAX;
    for (size_t s = 0; s < n; s++) {
        if (parent[s] != SIZE_MAX)
            continue;
        size_t head = count;
        parent[s] = s, root[s] = s, order[count++] = s;
        while (head < count) {
            size_t v = order[head++];
            for (size_t k = offsets[v]; k < offsets[v + 1]; k++)
                if (parent[links[k]] == SIZE_MAX)
                    parent[links[k]] = v, root[links[k]] = s, order[count++] = links[k];
        }
    }
    for (size_t i = 0; i < n; i++)
        below[i] = 1;
    for (size_t k = n; k-- > 0;)
        if (parent[order[k]] != order[k])
            below[parent[order[k]]] += below[order[k]];
    for (size_t k = 0; k < b; k++) {
        size_t x = r->cuts->bridges[2 * k], y = r->cuts->bridges[2 * k + 1];
        size_t child = parent[y] == x ? y : x, size = below[root[child]];
        r->bridge_cut[k] = below[child] < size - below[child] ? below[child] : size - below[child];
        r->bridge_order[k] = k;
    }
    /* Most cut off first, then in the map's order: insertion sort keeps it stable and
     * needs no context pointer. */
    for (size_t k = 1; k < b; k++) {
        size_t v = r->bridge_order[k], j = k;
        for (; j > 0 && r->bridge_cut[r->bridge_order[j - 1]] < r->bridge_cut[v]; j--)
            r->bridge_order[j] = r->bridge_order[j - 1];
        r->bridge_order[j] = v;
    }
    rc = 0;
cleanup:
    free(parent), free(order), free(below), free(root), free(offsets), free(links);
    return rc;
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

/* The mark a report's diagram carries, so that the next report of that name may replace it
 * and no other file: "<!-- ecomap report diagram: NAME -->". */
static int write_mark(FILE *fp, const char *report_name)
{
    return fprintf(fp, "<!-- ecomap report diagram: %s -->\n", report_name) < 0 ? -1 : 0;
}

/* 0 when the diagram may be written at svg_path: the user named it, or nothing is there, or
 * an earlier report of this name wrote it; else ECO_ECANTCREAT. */
static int may_write_diagram(const char *svg_path, const char *report_name, int named,
                             eco_error *err)
{
    char head[600], mark[600];
    FILE *fp;
    size_t got;

    if (named || !(fp = fopen(svg_path, "rb")))
        return 0;
    got = fread(head, 1, sizeof(head) - 1, fp);
    fclose(fp);
    head[got] = '\0';
    snprintf(mark, sizeof(mark), "<!-- ecomap report diagram: %s -->", report_name);
    if (strstr(head, mark))
        return 0;
    return eco_error_set(err, ECO_ECANTCREAT, svg_path, 0, 0,
                         "exists, and no report of that name wrote it: the diagram of a "
                         "Markdown report goes there; remove it, or name another with --diagram");
}

/* The options completed to this version's: version 1 had no diagram_path, and its diagram
 * options are completed as a diagram's are. */
static void complete(eco_report_options *out, const eco_report_options *opt)
{
    static const eco_report_options defaults = ECO_REPORT_OPTIONS_INIT;

    *out = defaults;
    if (!opt)
        return;
    memcpy(out, opt, offsetof(eco_report_options, diagram));
    eco_i_diagram_options_complete(&out->diagram, &opt->diagram);
    out->diagram_path = opt->version >= 2 ? opt->diagram_path : NULL;
    out->version = ECO_REPORT_OPTIONS_VERSION;
}

int eco_report_write(const eco_graph *g, const eco_report_options *opt, const char *path,
                     eco_error *err)
{
    report r = {.g = g};
    eco_i_output outs[2];
    size_t n_outs = 0;
    char *svg_path = NULL;
    const char *name;
    int rc, markdown;

    if ((rc = eco_i_options_check(opt, ECO_REPORT_OPTIONS_VERSION, "eco_report_options", err)) < 0 ||
        (opt && (rc = eco_i_options_check(&opt->diagram, ECO_DIAGRAM_OPTIONS_VERSION,
                                          "eco_diagram_options", err)) < 0))
        return rc;
    complete(&r.opt, opt);
    markdown = r.opt.format == ECO_REPORT_MARKDOWN;
    if (markdown && strcmp(path, "-") == 0)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0,
                             "a Markdown report needs a file name: its diagram goes beside it");
    name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    if (markdown) {
        svg_path = r.opt.diagram_path ? strdup(r.opt.diagram_path) : svg_path_for(path);
        if (!svg_path) {
            rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
            goto done;
        }
        if ((rc = may_write_diagram(svg_path, name, r.opt.diagram_path != NULL, err)) < 0)
            goto done;
    }
    if ((rc = compute(&r, err)) < 0 || (rc = eco_i_output_open(&outs[0], path, err)) < 0)
        goto done;
    n_outs = 1;
    if (markdown) {
        if ((rc = eco_i_output_open(&outs[1], svg_path, err)) < 0)
            goto done;
        n_outs = 2;
        /* The mark goes after the XML prologue, which must come first. */
        const char *body = strstr(r.svg, "<!DOCTYPE");
        body = body ? body : r.svg;
        fwrite(r.svg, 1, (size_t)(body - r.svg), outs[1].fp);
        write_mark(outs[1].fp, name);
        fputs(body, outs[1].fp);
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
