/*
 * export/diagram.c - the map as a Graphviz graph, styled for reports.
 *
 * The graph is built with cgraph, never printed as DOT by hand, so that Graphviz does the
 * quoting.  What it cannot know is done here: label text escaped for DOT's own label
 * escapes (a backslash or "\N" in a name must show as written) and for HTML-like labels.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "diagram_internal.h"
#include "internal.h"

/* ---- Style ------------------------------------------------------------------------------ */

/* Okabe and Ito's colour-blind-safe palette, one colour and one shape per actor type. */
static const struct {
    const char *fill, *font, *shape;
} type_style[ECO_ACTOR_TYPE_COUNT] = {
    [ECO_TYPE_UNKNOWN] = {"#DDDDDD", "#000000", "ellipse"},
    [ECO_TYPE_GOVERNMENT] = {"#0072B2", "#FFFFFF", "box"},
    [ECO_TYPE_LAB] = {"#E69F00", "#000000", "hexagon"},
    [ECO_TYPE_ACADEMIA] = {"#009E73", "#FFFFFF", "tab"},
    [ECO_TYPE_CIVIL_SOCIETY] = {"#CC79A7", "#000000", "ellipse"},
    [ECO_TYPE_INTERNATIONAL] = {"#56B4E9", "#000000", "doubleoctagon"},
    [ECO_TYPE_PRIVATE] = {"#D55E00", "#FFFFFF", "parallelogram"},
    [ECO_TYPE_NETWORK] = {"#F0E442", "#000000", "octagon"},
};

static const struct {
    const char *style, *color, *arrowhead, *legend; /* legend: the line as text */
} kind_style[ECO_TIE_KIND_COUNT] = {
    [ECO_TIE_PARTNERSHIP] = {"solid", "#444444", "none", "&#9472;&#9472;&#9472;"},
    [ECO_TIE_FUNDING] = {"bold", "#009E73", "normal", "&#9473;&#9473;&#9654;"},
    [ECO_TIE_HOSTING] = {"solid", "#0072B2", "odiamond", "&#9472;&#9472;&#9671;"},
    [ECO_TIE_SUPPORT] = {"solid", "#D55E00", "vee", "&#9472;&#9472;&#10148;"},
    [ECO_TIE_MEMBERSHIP] = {"dotted", "#CC79A7", "dot", "&#183;&#183;&#183;&#9679;"},
    [ECO_TIE_RELATED] = {"dashed", "#BBBBBB", "none", "- - -"},
};

#define WRAP_WIDTH 20   /* characters a label line holds before it wraps */
#define DOT_LIMIT 150   /* actors up to which the layered dot layout reads well */

/* ---- Graphviz's errors ------------------------------------------------------------------ */

static char graphviz_message[256];

static int keep_graphviz_message(char *message)
{
    /* Graphviz reports in pieces ("Error: ", then the text); keep the first whole line. */
    size_t len = strlen(graphviz_message);
    if (len && graphviz_message[len - 1] == '\n')
        return 0;
    snprintf(graphviz_message + len, sizeof(graphviz_message) - len, "%s", message);
    return 0;
}

void eco_i_graphviz_begin(void)
{
    graphviz_message[0] = '\0';
    agseterrf(keep_graphviz_message);
    agseterr(AGWARN);
}

const char *eco_i_graphviz_message(void)
{
    char *text = graphviz_message;

    text[strcspn(text, "\n")] = '\0';
    if (strncmp(text, "Error: ", 7) == 0 || strncmp(text, "Warning: ", 9) == 0)
        text = strchr(text, ' ') + 1;
    return text[0] ? text : "Graphviz failed";
}

/* ---- Text ------------------------------------------------------------------------------- */

/* Appends the UTF-8 character at s (len bytes left) to buf, or U+FFFD for a byte that is
 * not UTF-8 and a space for a control character; returns the bytes consumed. */
static size_t append_char(eco_i_buf *buf, const char *s, size_t len, int *rc)
{
    uint32_t c;
    size_t step = eco_i_utf8_decode(s, len, &c);

    if (step == 0) {
        *rc |= eco_i_buf_puts(buf, "\xEF\xBF\xBD");
        return 1;
    }
    if (c < 0x20 || c == 0x7F)
        *rc |= eco_i_buf_puts(buf, " ");
    else
        *rc |= eco_i_buf_append(buf, s, step);
    return step;
}

/* Appends name for a DOT label: wrapped at spaces near WRAP_WIDTH characters (and at the
 * name's own line breaks), backslashes doubled so that DOT's escapes stay inert. */
static int append_dot_label(eco_i_buf *buf, const char *name)
{
    size_t len = strlen(name), line = 0;
    int rc = 0;

    for (size_t i = 0; i < len;) {
        if (name[i] == '\n' || (name[i] == ' ' && line >= WRAP_WIDTH * 3 / 4 &&
                                i + 1 < len && strcspn(name + i + 1, " \n") + line > WRAP_WIDTH)) {
            rc |= eco_i_buf_puts(buf, "\\n");
            line = 0;
            i++;
            continue;
        }
        if (name[i] == '\\') {
            rc |= eco_i_buf_puts(buf, "\\\\"); /* quotes are cgraph's to escape, not ours */
            i++;
        } else if (name[i] == '\r') {
            i++;
            continue;
        } else {
            i += append_char(buf, name + i, len - i, &rc);
        }
        line++;
    }
    return rc ? ECO_ENOMEM : 0;
}

int eco_i_append_html(eco_i_buf *buf, const char *text)
{
    size_t len = text ? strlen(text) : 0;
    int rc = 0;

    for (size_t i = 0; i < len;) {
        switch (text[i]) {
        case '&': rc |= eco_i_buf_puts(buf, "&amp;"); break;
        case '<': rc |= eco_i_buf_puts(buf, "&lt;"); break;
        case '>': rc |= eco_i_buf_puts(buf, "&gt;"); break;
        case '"': rc |= eco_i_buf_puts(buf, "&quot;"); break;
        case '\'': rc |= eco_i_buf_puts(buf, "&#39;"); break;
        default: i += append_char(buf, text + i, len - i, &rc); continue;
        }
        i++;
    }
    return rc ? ECO_ENOMEM : 0;
}

/* 1 when s is made of DOT's numeral characters but is not a numeral, such as "-." or
 * "1-2": Graphviz 2.43 writes those unquoted and then cannot read them back. */
static int misread_as_numeral(const char *s)
{
    const char *p = s;
    int digits = 0;

    if (!*s || s[strspn(s, "-.0123456789")] != '\0')
        return 0;
    p += *p == '-';
    while (*p >= '0' && *p <= '9')
        p++, digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    return *p != '\0' || digits == 0;
}

/* Sets attribute name of obj to value, which cgraph copies. */
static int set(void *obj, const char *name, const char *value)
{
    char *quoted = NULL;
    int rc;

    if (!value)
        value = ""; /* an empty buffer: a name of nothing but carriage returns */
    /* A trailing space makes cgraph quote such a value; in a label it shows as nothing. */
    if (misread_as_numeral(value)) {
        if (!(quoted = malloc(strlen(value) + 2)))
            return ECO_ENOMEM;
        strcpy(quoted, value);
        strcat(quoted, " ");
        value = quoted;
    }
    rc = agsafeset(obj, (char *)name, (char *)value, "") == 0 ? 0 : ECO_ENOMEM;
    free(quoted);
    return rc;
}

static int setf(void *obj, const char *name, const char *fmt, ...)
{
    char value[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof(value), fmt, ap);
    va_end(ap);
    return set(obj, name, value);
}

/* ---- Which actors, and how big ---------------------------------------------------------- */

static void diagram_free(eco_i_diagram *d)
{
    if (!d)
        return;
    eco_graph_free(d->owned);
    free(d->degree);
    free(d->leaves);
    free(d->size);
    free(d->group);
    eco_communities_free(d->communities);
}

/* Narrows g to what opt asks to draw: the neighbourhood of the focus, the top actors, and
 * the kinds of tie shown.  d->map is g itself when nothing is left out. */
static int select_actors(eco_i_diagram *d, const eco_graph *g, const eco_diagram_options *opt,
                         eco_error *err)
{
    eco_graph *step = NULL;
    size_t center;
    int rc;

    d->map = g;
    if (opt->focus) {
        if (eco_graph_find_actor(&center, g, opt->focus, NULL) < 0 &&
            eco_graph_find_actor_by_id(&center, g, opt->focus) < 0)
            return eco_error_set(err, ECO_ENOTFOUND, NULL, 0, 0, "no actor is called \"%s\"",
                                 opt->focus);
        if ((rc = eco_query_ego(&step, d->map, center, opt->hops ? opt->hops : 1, NULL, err)) < 0)
            return rc;
        d->map = d->owned = step;
    }
    if (opt->top && opt->top < eco_graph_actor_count(d->map)) {
        if ((rc = eco_query_top(&step, d->map, opt->size_by, opt->top, NULL, err)) < 0)
            return rc;
        eco_graph_free(d->owned);
        d->map = d->owned = step;
    }
    if (opt->hide_related) {
        eco_filter f = ECO_FILTER_INIT;
        f.kinds = ((1u << ECO_TIE_KIND_COUNT) - 1) & ~(1u << ECO_TIE_RELATED);
        if ((rc = eco_query_filter(&step, d->map, &f, err)) < 0)
            return rc;
        eco_graph_free(d->owned);
        d->map = d->owned = step;
    }
    return 0;
}

static int size_and_group(eco_i_diagram *d, const eco_diagram_options *opt, eco_error *err)
{
    size_t n = eco_graph_actor_count(d->map);
    int rc;

    if (!(d->size = calloc(n + 1, sizeof(double))) || !(d->group = calloc(n + 1, sizeof(char *))))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    if (eco_i_degrees(d->map, &d->degree) < 0 || !(d->leaves = calloc(n + 1, sizeof(size_t))))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    if ((rc = eco_query_measure(d->size, d->map, opt->size_by, NULL, err)) < 0)
        return rc;
    for (size_t i = 0; i < n; i++)
        if (!isnan(d->size[i]) && d->size[i] > d->max_size)
            d->max_size = d->size[i];
    if (opt->cluster == ECO_CLUSTER_COMMUNITY &&
        (rc = eco_query_communities(&d->communities, d->map, ECO_COMMUNITY_LEIDEN, NULL, err)) < 0)
        return rc;
    for (size_t i = 0; i < n; i++) {
        const eco_actor *a = eco_graph_actor(d->map, i);
        if (opt->cluster == ECO_CLUSTER_TYPE && a->type != ECO_TYPE_UNKNOWN)
            d->group[i] = eco_actor_type_name(a->type);
        else if (opt->cluster == ECO_CLUSTER_COUNTRY)
            d->group[i] = a->country;
    }
    return 0;
}

/* ---- Building the cgraph graph ---------------------------------------------------------- */

/* The legend, as an HTML-like label: the title, every type and kind drawn, what size means. */
static int legend(eco_i_buf *b, const eco_i_diagram *d, const eco_diagram_options *opt)
{
    int types[ECO_ACTOR_TYPE_COUNT] = {0}, kinds[ECO_TIE_KIND_COUNT] = {0}, rc = 0;

    for (size_t i = 0; i < eco_graph_actor_count(d->map); i++)
        types[eco_graph_actor(d->map, i)->type] = 1;
    for (size_t i = 0; i < eco_graph_tie_count(d->map); i++)
        kinds[eco_graph_tie(d->map, i)->kind] = 1;
    rc |= eco_i_buf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
    if (opt->title) {
        rc |= eco_i_buf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\"><B>");
        rc |= eco_i_append_html(b, opt->title);
        rc |= eco_i_buf_puts(b, "</B></FONT></TD></TR>");
    }
    rc |= eco_i_buf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>");
    for (int t = 1; t <= ECO_ACTOR_TYPE_COUNT; t++) {
        int type = t % ECO_ACTOR_TYPE_COUNT; /* unknown last */
        if (!types[type])
            continue;
        char row[300];
        snprintf(row, sizeof(row), "<TR><TD BGCOLOR=\"%s\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">%s (%s)</TD></TR>",
                 type_style[type].fill, type ? eco_actor_type_name((eco_actor_type)type) : "type unknown",
                 type_style[type].shape);
        rc |= eco_i_buf_puts(b, row);
    }
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++) {
        if (!kinds[k])
            continue;
        char row[300];
        snprintf(row, sizeof(row), "<TR><TD><FONT COLOR=\"%s\">%s</FONT></TD><TD ALIGN=\"LEFT\">%s</TD></TR>",
                 kind_style[k].color, kind_style[k].legend, eco_tie_kind_name((eco_tie_kind)k));
        rc |= eco_i_buf_puts(b, row);
    }
    rc |= eco_i_buf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Size: ");
    rc |= eco_i_buf_puts(b, eco_measure_name(opt->size_by));
    rc |= eco_i_buf_puts(b, "; line width: tie weight</TD></TR></TABLE>");
    return rc ? ECO_ENOMEM : 0;
}

static int graph_attributes(Agraph_t *root, const eco_i_diagram *d, const eco_diagram_options *opt)
{
    eco_i_buf label = {0};
    int rc;

    if ((rc = legend(&label, d, opt)) < 0)
        goto done;
    rc = set(root, "label", agstrdup_html(root, label.data));
    rc |= set(root, "labelloc", "t");
    rc |= set(root, "labeljust", "l");
    rc |= set(root, "fontname", "Helvetica");
    rc |= set(root, "pad", "0.3");
    rc |= set(root, "outputorder", "edgesfirst");
    /* Nodes may not overlap each other's labels: prism removes overlaps in force layouts. */
    rc |= set(root, "overlap", "prism");
    rc |= set(root, "overlap_scaling", "2");
    /* a force layout starts from random places: a fixed seed draws one map one way, run
     * after run (without it, sfdp's drawing of a large map changed from run to run) */
    rc |= set(root, "start", "1");
    rc |= set(root, "nodesep", "0.3");
    rc |= set(root, "ranksep", "0.6");
    rc |= set(root, "bgcolor", "white");
done:
    eco_i_buf_free(&label);
    return rc ? ECO_ENOMEM : 0;
}

/* The subgraph a node belongs in: a cluster of its group, or root. */
static Agraph_t *home_of(Agraph_t *root, const eco_i_diagram *d, size_t i)
{
    char name[64];
    const char *label = d->group[i];
    Agraph_t *sub;

    if (d->communities) {
        snprintf(name, sizeof(name), "cluster_%zu", d->communities->membership[i] + 1);
        label = NULL;
    } else if (!label) {
        return root;
    } else {
        /* Clusters are named by a hash of the group, a name Graphviz takes as it is. */
        uint64_t h = 1469598103934665603ULL;
        for (const char *p = label; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        snprintf(name, sizeof(name), "cluster_%016llx", (unsigned long long)h);
    }
    if ((sub = agsubg(root, name, 0)))
        return sub;
    if (!(sub = agsubg(root, name, 1)))
        return NULL;
    eco_i_buf text = {0};
    char community[64];
    if (!label) {
        snprintf(community, sizeof(community), "Community %zu", d->communities->membership[i] + 1);
        label = community;
    }
    if (append_dot_label(&text, label) < 0 || set(sub, "label", text.data) < 0 ||
        set(sub, "style", "rounded") < 0 || set(sub, "color", "#999999") < 0 ||
        set(sub, "fontname", "Helvetica") < 0)
        sub = NULL;
    eco_i_buf_free(&text);
    return sub;
}

static int add_node(Agraph_t *root, const eco_i_diagram *d, size_t i)
{
    const eco_actor *a = eco_graph_actor(d->map, i);
    double scale = d->max_size > 0 && !isnan(d->size[i]) ? sqrt(d->size[i] / d->max_size) : 0;
    Agraph_t *home = home_of(root, d, i);
    Agnode_t *node;
    eco_i_buf label = {0}, tooltip = {0};
    int rc;

    if (!home || !(node = agnode(home, (char *)a->id, 1)))
        return ECO_ENOMEM;
    rc = append_dot_label(&label, a->name);
    rc |= append_dot_label(&tooltip, a->name);
    rc |= eco_i_buf_puts(&tooltip, a->type ? " (" : "");
    rc |= eco_i_buf_puts(&tooltip, a->type ? eco_actor_type_name(a->type) : "");
    rc |= eco_i_buf_puts(&tooltip, a->type ? ")" : "");
    if (rc == 0) {
        rc |= set(node, "label", label.data);
        rc |= set(node, "tooltip", tooltip.data);
        rc |= set(node, "id", a->id);
        rc |= set(node, "shape", type_style[a->type].shape);
        rc |= set(node, "style", a->type ? "filled" : "filled,dashed");
        rc |= set(node, "fillcolor", type_style[a->type].fill);
        rc |= set(node, "fontcolor", type_style[a->type].font);
        rc |= set(node, "color", "#333333");
        rc |= set(node, "fontname", "Helvetica");
        rc |= setf(node, "fontsize", "%.1f", 10 + 6 * scale);
        rc |= setf(node, "width", "%.2f", 0.6 + 1.2 * scale);
        rc |= setf(node, "height", "%.2f", 0.4 + 0.6 * scale);
        rc |= set(node, "margin", "0.08,0.04");
    }
    eco_i_buf_free(&label);
    eco_i_buf_free(&tooltip);
    return rc ? ECO_ENOMEM : 0;
}

/*
 * A hub with many leaves (a lab and its partners) puts them all on one rank in dot, a row
 * too wide for a page.  As Graphviz's unflatten does, its leaf ties get lengths 1, 2, 3 in
 * turn, so that the leaves stand in three staggered rows.
 */
static int stagger_leaf(Agedge_t *edge, const eco_i_diagram *d, const eco_tie *t)
{
    size_t hub, leaf;

    if (strcmp(d->engine, "dot") != 0)
        return 0;
    hub = d->degree[t->source] == 1 ? t->target : t->source;
    leaf = hub == t->source ? t->target : t->source;
    if (d->degree[leaf] != 1 || d->degree[hub] < 6)
        return 0;
    return setf(edge, "minlen", "%zu", 1 + d->leaves[hub]++ % 3);
}

static int add_edge(Agraph_t *root, const eco_i_diagram *d, size_t i)
{
    const eco_tie *t = eco_graph_tie(d->map, i);
    Agnode_t *from = agnode(root, (char *)eco_graph_actor(d->map, t->source)->id, 0);
    Agnode_t *to = agnode(root, (char *)eco_graph_actor(d->map, t->target)->id, 0);
    Agedge_t *edge;
    char key[32];
    eco_i_buf tooltip = {0};
    int rc = 0;

    snprintf(key, sizeof(key), "t%zu", i); /* a key per tie: two kinds draw two lines */
    if (!from || !to || !(edge = agedge(root, from, to, key, 1)))
        return ECO_ENOMEM;
    rc |= eco_i_buf_puts(&tooltip, eco_tie_kind_name(t->kind));
    if (t->evidence_count && t->evidence[0].text) {
        rc |= eco_i_buf_puts(&tooltip, ": ");
        rc |= append_dot_label(&tooltip, t->evidence[0].text);
    }
    rc |= set(edge, "style", kind_style[t->kind].style);
    rc |= set(edge, "color", kind_style[t->kind].color);
    rc |= set(edge, "dir", t->directed ? "forward" : "none");
    rc |= set(edge, "arrowhead", kind_style[t->kind].arrowhead);
    rc |= setf(edge, "penwidth", "%.2f", fmin(1 + 1.5 * log2(1 + t->weight), 6));
    rc |= set(edge, "tooltip", tooltip.data ? tooltip.data : "");
    rc |= stagger_leaf(edge, d, t);
    eco_i_buf_free(&tooltip);
    return rc ? ECO_ENOMEM : 0;
}

int eco_i_diagram_build(eco_i_diagram *d, const eco_graph *g, const eco_diagram_options *opt,
                        eco_error *err)
{
    static const eco_diagram_options defaults = ECO_DIAGRAM_OPTIONS_INIT;
    Agraph_t *root;
    int rc;

    memset(d, 0, sizeof(*d));
    if (!opt)
        opt = &defaults;
    eco_i_graphviz_begin();
    if ((rc = select_actors(d, g, opt, err)) < 0 || (rc = size_and_group(d, opt, err)) < 0)
        return rc;
    d->engine = opt->layout ? opt->layout : eco_graph_actor_count(d->map) <= DOT_LIMIT ? "dot" : "sfdp";
    if (!(root = agopen("ecomap", Agdirected, NULL)))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    d->graph = root;
    if ((rc = graph_attributes(root, d, opt)) < 0)
        goto oom;
    for (size_t i = 0; i < eco_graph_actor_count(d->map); i++)
        if ((rc = add_node(root, d, i)) < 0)
            goto oom;
    for (size_t i = 0; i < eco_graph_tie_count(d->map); i++)
        if ((rc = add_edge(root, d, i)) < 0)
            goto oom;
    return 0;
oom:
    return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
}

void eco_i_diagram_close(eco_i_diagram *d)
{
    if (d->graph)
        agclose(d->graph);
    d->graph = NULL;
    diagram_free(d);
}

/* ---- DOT -------------------------------------------------------------------------------- */

static int diagram_dot(const eco_graph *g, const eco_diagram_options *opt, FILE *out,
                       const char *destination, eco_error *err)
{
    eco_i_diagram d;
    int rc;

    if ((rc = eco_i_diagram_build(&d, g, opt, err)) == 0 && agwrite(d.graph, out) != 0)
        rc = eco_error_set(err, ECO_EIO, destination, 0, 0, "cannot write: %s",
                           eco_i_graphviz_message());
    eco_i_diagram_close(&d);
    return rc;
}

int eco_diagram_dot(const eco_graph *g, const eco_diagram_options *opt, FILE *out,
                    const char *destination, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_DIAGRAM_OPTIONS_VERSION, "eco_diagram_options",
                                  err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = diagram_dot(g, opt, out, destination, err);
    eco_i_dependencies_unlock();
    return rc;
}
