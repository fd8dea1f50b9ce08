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
    [ECO_TIE_UNSPECIFIED] = {"solid", "#888888", "none", "&#9472;&#9472;&#9472;"},
};

#define WRAP_WIDTH 20      /* characters a label line holds before it wraps */
#define PAGE_WRAP_WIDTH 14 /* on a page: squarer labels pack closer than long ones */

const char *eco_i_type_fill(eco_actor_type type)
{
    return type_style[type < ECO_ACTOR_TYPE_COUNT ? type : 0].fill;
}

const char *eco_i_type_font(eco_actor_type type)
{
    return type_style[type < ECO_ACTOR_TYPE_COUNT ? type : 0].font;
}

const char *eco_i_kind_color(eco_tie_kind kind)
{
    return kind_style[kind < ECO_TIE_KIND_COUNT ? kind : 0].color;
}

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

/* Appends name for a DOT label: wrapped at spaces near width characters (and at the name's
 * own line breaks), backslashes doubled so that DOT's escapes stay inert. */
static int append_wrapped(eco_i_buf *buf, const char *name, size_t width)
{
    size_t len = strlen(name), line = 0;
    int rc = 0;

    for (size_t i = 0; i < len;) {
        if (name[i] == '\n' || (name[i] == ' ' && line >= width * 3 / 4 && i + 1 < len &&
                                 strcspn(name + i + 1, " \n") + line > width)) {
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

static int append_dot_label(eco_i_buf *buf, const char *name)
{
    return append_wrapped(buf, name, WRAP_WIDTH);
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

/*
 * s as cgraph can write and read back: its writer escapes a quote but not a backslash, and
 * its reader takes a backslash before a quote, a line break or the closing quote as an
 * escape, so an odd run of backslashes there ends the string early or is lost.  Such a run
 * gets one backslash more; anywhere else a backslash reads back as written.  NULL when s
 * needs nothing (or no memory: *rc says which).
 */
static char *dot_safe(const char *s, int *rc)
{
    eco_i_buf buf = {0};
    size_t run = 0;

    for (const char *p = s;; p++) {
        if (*p == '\\') {
            run++;
            continue;
        }
        if (run % 2 && (*p == '"' || *p == '\n' || *p == '\0'))
            break;
        run = 0;
        if (!*p)
            return NULL;
    }
    run = 0;
    for (const char *p = s;; p++) {
        if (run % 2 && (*p == '"' || *p == '\n' || *p == '\0'))
            *rc |= eco_i_buf_puts(&buf, "\\");
        run = *p == '\\' ? run + 1 : 0;
        if (!*p)
            break;
        *rc |= eco_i_buf_append(&buf, p, 1);
    }
    if (*rc) {
        eco_i_buf_free(&buf);
        return NULL;
    }
    return buf.data;
}

/* The node of id in g, made when make is 1; the id as dot_safe writes it. */
static Agnode_t *node_of(Agraph_t *g, const char *id, int make)
{
    int rc = 0;
    char *safe = dot_safe(id, &rc);
    Agnode_t *node = rc ? NULL : agnode(g, (char *)(safe ? safe : id), make);

    free(safe);
    return node;
}

/* Sets attribute name of obj to value, which cgraph copies. */
int eco_i_diagram_set(void *obj, const char *name, const char *value)
{
    char *quoted = NULL;
    int rc = 0;

    if (!value)
        value = ""; /* an empty buffer: a name of nothing but carriage returns */
    /* A trailing space makes cgraph quote such a value; in a label it shows as nothing. */
    if (misread_as_numeral(value)) {
        if (!(quoted = malloc(strlen(value) + 2)))
            return ECO_ENOMEM;
        strcpy(quoted, value);
        strcat(quoted, " ");
        value = quoted;
    } else if ((quoted = dot_safe(value, &rc))) {
        value = quoted;
    }
    if (rc == 0)
        rc = agsafeset(obj, (char *)name, (char *)value, "") == 0 ? 0 : ECO_ENOMEM;
    free(quoted);
    return rc;
}

#define set eco_i_diagram_set

/* Sets an HTML-like label, which cgraph writes between angle brackets as it is. */
static int set_html(Agraph_t *g, const char *name, const char *html)
{
    char *value = agstrdup_html(g, (char *)html);
    int rc = value && agsafeset(g, (char *)name, value, "") == 0 ? 0 : ECO_ENOMEM;

    if (value)
        agstrfree(g, value);
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

/* ---- The legend and the caption ------------------------------------------------------- */

/* Each kind as the legend reads it: for a directed kind, which end the arrow marks. */
static const char *const kind_reading[ECO_TIE_KIND_COUNT] = {
    [ECO_TIE_PARTNERSHIP] = "partnership",
    [ECO_TIE_FUNDING] = "funding: funder to funded",
    [ECO_TIE_HOSTING] = "hosting: host to hosted unit",
    [ECO_TIE_SUPPORT] = "support: supporter to supported",
    [ECO_TIE_MEMBERSHIP] = "membership: member to network",
    [ECO_TIE_RELATED] = "related: named together",
    [ECO_TIE_UNSPECIFIED] = "unspecified: a map's tie of no stated kind",
};

const char *eco_i_kind_reading(eco_tie_kind kind)
{
    return kind_reading[kind < ECO_TIE_KIND_COUNT ? kind : 0];
}

#define LEGEND_POINTS 9    /* the legend's and caption's type: above the smallest label */
#define MIN_CENTRAL_NAMED 50 /* the most central actors a page names without clusters (fit.c) */
#define CAPTION_WIDTH 85   /* characters a caption line holds, so that it fits a page's width */

/* Opens a legend row when column starts one and closes it after `per_row` cells. */
static int cell_row(eco_i_buf *b, int column, int per_row, int closing)
{
    if (closing)
        return column ? eco_i_buf_puts(b, "</TR>") : 0;
    if (column % per_row == 0)
        return eco_i_buf_puts(b, column ? "</TR><TR>" : "<TR>");
    return 0;
}

static int legend_types(eco_i_buf *b, const eco_i_diagram *d)
{
    int types[ECO_ACTOR_TYPE_COUNT] = {0}, rc = 0, column = 0;
    char cell[400];

    for (size_t i = 0; i < eco_graph_actor_count(d->map) && !d->caption.overview; i++)
        types[eco_graph_actor(d->map, i)->type] = 1;
    for (int t = 1; t <= ECO_ACTOR_TYPE_COUNT; t++) {
        int type = t % ECO_ACTOR_TYPE_COUNT; /* unknown last */
        if (!types[type])
            continue;
        rc |= cell_row(b, column, 4, 0);
        snprintf(cell, sizeof(cell),
                 "<TD BGCOLOR=\"%s\" WIDTH=\"14\"> </TD>"
                 "<TD ALIGN=\"LEFT\">%s</TD>",
                 type_style[type].fill,
                 type ? eco_actor_type_name((eco_actor_type)type) : "type unknown");
        rc |= eco_i_buf_puts(b, cell);
        column++;
    }
    rc |= cell_row(b, column, 4, 1);
    return rc;
}

static int legend_kinds(eco_i_buf *b, const eco_i_diagram *d)
{
    int kinds[ECO_TIE_KIND_COUNT] = {0}, rc = 0, column = 0;
    char cell[500];

    for (size_t i = 0; i < eco_graph_tie_count(d->map) && !d->caption.overview; i++)
        kinds[eco_graph_tie(d->map, i)->kind] = 1;
    for (int k = 0; k < ECO_TIE_KIND_COUNT; k++) {
        if (!kinds[k])
            continue;
        rc |= cell_row(b, column, 2, 0);
        snprintf(cell, sizeof(cell),
                 "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT></TD>"
                 "<TD ALIGN=\"LEFT\" COLSPAN=\"%d\">%s</TD>",
                 kind_style[k].color, kind_style[k].legend, 1 + 2 * (column % 2), kind_reading[k]);
        rc |= eco_i_buf_puts(b, cell);
        column++;
    }
    rc |= cell_row(b, column, 2, 1);
    return rc;
}

/* Appends text in lines of at most CAPTION_WIDTH characters, broken at spaces. */
static int append_lines(eco_i_buf *b, const char *text)
{
    size_t len = strlen(text), start = 0;
    int rc = 0;

    while (start < len) {
        size_t end = len - start <= CAPTION_WIDTH ? len : start + CAPTION_WIDTH;
        while (end < len && end > start && text[end] != ' ')
            end--;
        if (end == start)
            end = start + CAPTION_WIDTH < len ? start + CAPTION_WIDTH : len;
        rc |= eco_i_buf_append(b, text + start, end - start);
        rc |= eco_i_buf_puts(b, "<BR ALIGN=\"LEFT\"/>");
        start = end + (end < len && text[end] == ' ');
    }
    return rc;
}

/* What was drawn of how much, and what was left out: a diagram never hides that it chose. */
static int caption(eco_i_buf *b, const eco_i_diagram *d)
{
    const eco_i_caption *c = &d->caption;
    const char *unit = c->overview ? "groups" : "actors";
    char text[900];
    size_t used;

    if (c->drawn == c->total && c->labelled == c->drawn)
        used = (size_t)snprintf(text, sizeof(text), "All %zu %s drawn.", c->total, unit);
    else
        used = (size_t)snprintf(text, sizeof(text), "%zu of %zu %s drawn: the %zu most central by "
                                "%s%s are named%s.", c->drawn, c->total, unit, c->central,
                                eco_measure_name(d->opt.size_by),
                                c->estimated ? " (estimated by sampling)" : "",
                                c->drawn > c->labelled ? ", and the dots join them"
                                : c->labelled > c->central ? ", with the actors that join them"
                                                           : "");
    if (c->shrunk_points > 0 && used < sizeof(text))
        used += (size_t)snprintf(text + used, sizeof(text) - used,
                                 " They do not fit the page with names of %g pt: the "
                                 "smallest is %.1f pt.",
                                 d->opt.label_points > 0 ? d->opt.label_points : 8,
                                 c->shrunk_points);
    if (d->page_width && d->opt.cluster != ECO_CLUSTER_NONE && !c->overview &&
        c->central < MIN_CENTRAL_NAMED && c->central < c->total && used < sizeof(text))
        used += (size_t)snprintf(text + used, sizeof(text) - used,
                                 " Boxes take room: without --cluster the page names at least "
                                 "the %d most central.", MIN_CENTRAL_NAMED);
    if (c->small_actors && used < sizeof(text))
        used += (size_t)snprintf(text + used, sizeof(text) - used,
                                 " Left out: %zu %s alone or in pairs (%zu components).",
                                 c->small_actors, unit, c->small_components);
    if (c->ranked_out && used < sizeof(text))
        snprintf(text + used, sizeof(text) - used,
                 " %zu less central %s did not fit the page with names of %g pt or more: the "
                 "report and 'ecomap view' show them all.",
                 c->ranked_out, unit, d->opt.label_points > 0 ? d->opt.label_points : 8);
    int rc = eco_i_buf_puts(b, "<TR><TD COLSPAN=\"8\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
    rc |= append_lines(b, text);
    return rc | eco_i_buf_puts(b, "</TD></TR>");
}

/* The legend and caption, as an HTML-like label: the title, every type and kind drawn, what
 * size means, and what was left out. */
static int legend(eco_i_buf *b, const eco_i_diagram *d)
{
    char line[300];
    int rc = 0;

    rc |= eco_i_buf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" "
                            "CELLPADDING=\"1\">");
    if (d->opt.title) {
        snprintf(line, sizeof(line), "<TR><TD COLSPAN=\"8\" ALIGN=\"LEFT\"><FONT "
                 "POINT-SIZE=\"%d\"><B>", LEGEND_POINTS + 7);
        rc |= eco_i_buf_puts(b, line);
        rc |= eco_i_append_html(b, d->opt.title);
        rc |= eco_i_buf_puts(b, "</B></FONT></TD></TR>");
    }
    rc |= legend_types(b, d);
    rc |= legend_kinds(b, d);
    snprintf(line, sizeof(line),
             "<TR><TD COLSPAN=\"8\" ALIGN=\"LEFT\">Size: %s; line width: tie weight.</TD></TR>",
             d->caption.overview ? "actors in the group; lines: ties between groups, summed"
                                 : eco_measure_name(d->opt.size_by));
    rc |= eco_i_buf_puts(b, line);
    rc |= caption(b, d);
    rc |= eco_i_buf_puts(b, "</TABLE>");
    return rc ? ECO_ENOMEM : 0;
}

/* ---- Building the cgraph graph ---------------------------------------------------------- */

int eco_i_diagram_relabel(eco_i_diagram *d, eco_error *err)
{
    eco_i_buf label = {0};
    int rc = legend(&label, d);

    if (rc == 0)
        rc = set_html(d->graph, "label", label.data);
    eco_i_buf_free(&label);
    if (rc < 0)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    eco_i_diagram_unlay(d);
    return eco_i_diagram_lay_out(d, err);
}

static int graph_attributes(Agraph_t *root, const eco_i_diagram *d)
{
    eco_i_buf label = {0};
    int rc;

    if ((rc = legend(&label, d)) < 0)
        goto done;
    /* Graphviz declares a node label default in the first layout of the process, which
     * every later graph inherits: declared here, the DOT text is the same from the first. */
    if (!agattr(root, AGNODE, (char *)"label", (char *)"\\N")) {
        rc = ECO_ENOMEM;
        goto done;
    }
    rc = set_html(root, "label", label.data);
    rc |= set(root, "labelloc", "t");
    rc |= set(root, "labeljust", "l");
    rc |= set(root, "fontname", "Helvetica");
    rc |= setf(root, "fontsize", "%d", LEGEND_POINTS);
    rc |= set(root, "pad", "0.1");
    rc |= set(root, "outputorder", "edgesfirst");
    /* Nodes may not overlap each other's labels: prism removes overlaps in force layouts,
     * and leaves a few points between them. */
    rc |= set(root, "overlap", d->page_width ? "vpsc" : "prism");
    rc |= set(root, "overlap_scaling", "2");
    /* a force layout starts from random places: a fixed seed draws one map one way, run
     * after run (without it, sfdp's drawing of a large map changed from run to run) */
    rc |= setf(root, "start", "%u", d->start ? d->start : 1);
    rc |= set(root, "sep", "+3");
    rc |= set(root, "pack", "8");
    rc |= set(root, "nodesep", "0.3");
    rc |= set(root, "ranksep", "0.6");
    rc |= set(root, "bgcolor", "white");
    if (d->page_width)
        rc |= setf(root, "size", "%.3f,%.3f", d->page_width / 72, d->page_height / 72);
done:
    eco_i_buf_free(&label);
    return rc ? ECO_ENOMEM : 0;
}

/* The subgraph a node belongs in: a cluster of its group, or root. */
static Agraph_t *home_of(Agraph_t *root, const eco_i_diagram *d, size_t i)
{
    char name[64];
    const char *label = d->group ? d->group[i] : NULL;
    Agraph_t *sub;

    if (d->community) {
        snprintf(name, sizeof(name), "cluster_%zu", d->community[i] + 1);
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
        snprintf(community, sizeof(community), "Community %zu", d->community[i] + 1);
        label = community;
    }
    if (append_dot_label(&text, label) < 0 || set(sub, "label", text.data) < 0 ||
        set(sub, "style", "rounded") < 0 || set(sub, "color", "#999999") < 0 ||
        set(sub, "fontname", "Helvetica") < 0 || setf(sub, "fontsize", "%d", LEGEND_POINTS + 1) < 0)
        sub = NULL;
    eco_i_buf_free(&text);
    return sub;
}

/* The smallest label, in points: the page's floor, or a little more without a page. */
static double label_floor(const eco_i_diagram *d)
{
    return d->opt.label_points > 0 ? d->opt.label_points : 8;
}

static int style_node(Agnode_t *node, const eco_i_diagram *d, size_t i, const eco_actor *a,
                      double scale)
{
    double points = label_floor(d) + 4 * scale;
    int rc = 0;

    if (!d->labelled[i])
        rc |= set(node, "shape", "circle");
    else if (d->page_width)
        /* On a page a box holds its name in the least room: a polygon of more sides grows by
         * half again round its label.  Colour tells the type, and a government's box is the
         * only square one. */
        rc |= set(node, "shape", "box");
    else
        rc |= set(node, "shape", type_style[a->type].shape);
    rc |= set(node, "style", !a->type                                     ? "rounded,filled,dashed"
                             : d->page_width && a->type != ECO_TYPE_GOVERNMENT ? "rounded,filled"
                                                                             : "filled");
    rc |= set(node, "fillcolor", type_style[a->type].fill);
    rc |= set(node, "fontcolor", type_style[a->type].font);
    rc |= set(node, "color", "#333333");
    rc |= set(node, "fontname", "Helvetica");
    if (!d->labelled[i]) {
        /* A dot: the actor is there, its name is in the tooltip and the interactive map. */
        rc |= set(node, "label", "");
        rc |= set(node, "fixedsize", "true");
        rc |= setf(node, "width", "%.2f", 0.09 + 0.1 * scale);
        rc |= set(node, "penwidth", "0.5");
        return rc;
    }
    rc |= setf(node, "fontsize", "%.1f", points);
    rc |= setf(node, "width", "%.2f", d->page_width ? 0.2 + 0.3 * scale : 0.6 + 1.2 * scale);
    rc |= setf(node, "height", "%.2f", d->page_width ? 0.15 + 0.15 * scale : 0.4 + 0.6 * scale);
    rc |= set(node, "margin", d->page_width ? "0.03,0.01" : "0.08,0.04");
    return rc;
}

static int add_node(Agraph_t *root, const eco_i_diagram *d, size_t i)
{
    const eco_actor *a = eco_graph_actor(d->map, i);
    double scale = d->max_size > 0 && d->size[i] == d->size[i] && d->size[i] > 0
                       ? sqrt(d->size[i] / d->max_size)
                       : 0;
    Agraph_t *home = home_of(root, d, i);
    Agnode_t *node;
    eco_i_buf label = {0}, tooltip = {0};
    int rc;

    if (!home || !(node = node_of(home, a->id, 1)))
        return ECO_ENOMEM;
    rc = append_wrapped(&label, a->name, d->page_width ? PAGE_WRAP_WIDTH : WRAP_WIDTH);
    rc |= append_dot_label(&tooltip, a->name);
    rc |= eco_i_buf_puts(&tooltip, a->type ? " (" : "");
    rc |= eco_i_buf_puts(&tooltip, a->type ? eco_actor_type_name(a->type) : "");
    rc |= eco_i_buf_puts(&tooltip, a->type ? ")" : "");
    if (rc == 0) {
        rc |= set(node, "label", label.data);
        rc |= set(node, "tooltip", tooltip.data);
        rc |= set(node, "id", a->id);
        /* the data, for a reader of the DOT file: the label is wrapped, the type a colour */
        rc |= set(node, "name", a->name);
        rc |= set(node, "type", a->type ? eco_actor_type_name(a->type) : "");
        rc |= set(node, "country", a->country ? a->country : "");
        rc |= style_node(node, d, i, a, scale);
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
    Agnode_t *from = node_of(root, eco_graph_actor(d->map, t->source)->id, 0);
    Agnode_t *to = node_of(root, eco_graph_actor(d->map, t->target)->id, 0);
    Agedge_t *edge;
    char key[32];
    eco_i_buf tooltip = {0}, evidence = {0};
    int rc = 0;

    snprintf(key, sizeof(key), "t%zu", i); /* a key per tie: two kinds draw two lines */
    if (!from || !to || !(edge = agedge(root, from, to, key, 1)))
        return ECO_ENOMEM;
    rc |= eco_i_buf_puts(&tooltip, eco_tie_kind_name(t->kind));
    if (t->evidence_count && t->evidence[0].text) {
        rc |= eco_i_buf_puts(&tooltip, ": ");
        rc |= append_dot_label(&tooltip, t->evidence[0].text);
    }
    /* data, as the node's: its kind, and its evidence as ecomap's GraphML writes it */
    rc |= set(edge, "kind", eco_tie_kind_name(t->kind));
    rc |= eco_i_evidence_text(&evidence, t, 1) < 0;
    rc |= set(edge, "evidence", evidence.data ? evidence.data : "");
    rc |= set(edge, "style", kind_style[t->kind].style);
    rc |= set(edge, "color", kind_style[t->kind].color);
    rc |= set(edge, "dir", t->directed ? "forward" : "none");
    rc |= set(edge, "arrowhead", kind_style[t->kind].arrowhead);
    rc |= set(edge, "arrowsize", d->page_width ? "0.6" : "1");
    if (d->page_width)
        rc |= set(edge, "len", "0.3"); /* neato: let overlap removal, not ties, set the room */
    rc |= setf(edge, "penwidth", "%.2f",
               fmin(1 + 1.5 * log2(1 + t->weight), 6) * (d->page_width ? 0.6 : 1));
    rc |= set(edge, "tooltip", tooltip.data ? tooltip.data : "");
    rc |= stagger_leaf(edge, d, t);
    eco_i_buf_free(&tooltip);
    eco_i_buf_free(&evidence);
    return rc ? ECO_ENOMEM : 0;
}

/* Each drawn actor's cluster label and degree. */
static int groups_and_degrees(eco_i_diagram *d)
{
    size_t n = eco_graph_actor_count(d->map);

    free(d->group);
    free(d->degree);
    free(d->leaves);
    d->group = NULL;
    d->leaves = NULL;
    if (eco_i_degrees(d->map, &d->degree) < 0 || !(d->leaves = calloc(n + 1, sizeof(size_t))) ||
        !(d->group = calloc(n + 1, sizeof(char *))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const eco_actor *a = eco_graph_actor(d->map, i);
        if (d->opt.cluster == ECO_CLUSTER_TYPE && a->type != ECO_TYPE_UNKNOWN)
            d->group[i] = eco_actor_type_name(a->type);
        else if (d->opt.cluster == ECO_CLUSTER_COUNTRY)
            d->group[i] = a->country;
    }
    return 0;
}

int eco_i_diagram_build(eco_i_diagram *d, eco_error *err)
{
    Agraph_t *root;
    int rc = ECO_ENOMEM;

    if (groups_and_degrees(d) < 0 || !(root = agopen("ecomap", Agdirected, NULL)))
        goto oom;
    d->graph = root;
    if (graph_attributes(root, d) < 0)
        goto oom;
    for (size_t i = 0; i < eco_graph_actor_count(d->map); i++)
        if (add_node(root, d, i) < 0)
            goto oom;
    for (size_t i = 0; i < eco_graph_tie_count(d->map); i++)
        if (add_edge(root, d, i) < 0)
            goto oom;
    return 0;
oom:
    return eco_error_set(err, rc, NULL, 0, 0, "out of memory drawing the map");
}

void eco_i_diagram_extent(const eco_i_diagram *d, double *width, double *height)
{
    boxf bb = GD_bb(d->graph);
    double pad = 2 * 0.1 * 72; /* the graph's pad, on both sides */

    *width = bb.UR.x - bb.LL.x + pad;
    *height = bb.UR.y - bb.LL.y + pad;
}

void eco_i_diagram_close(eco_i_diagram *d)
{
    eco_i_diagram_unbuild(d);
    eco_graph_free(d->owned);
    eco_graph_free(d->owned_base);
    free(d->degree);
    free(d->leaves);
    free(d->size);
    free(d->labelled);
    free(d->group);
    free(d->community);
    memset(d, 0, sizeof(*d));
}

/* ---- DOT -------------------------------------------------------------------------------- */

static int diagram_dot(const eco_graph *g, const eco_diagram_options *opt, FILE *out,
                       const char *destination, eco_error *err)
{
    eco_i_diagram d;
    int rc;

    /* What a DOT file holds was chosen by laying it out for the page; it is written unlaid,
     * as it was before the layout, for Graphviz to lay out again as the reader wishes. */
    if ((rc = eco_i_diagram_fit(&d, g, opt, err)) == 0) {
        eco_i_diagram_unlay(&d);
        if (agwrite(d.graph, out) != 0)
            rc = eco_error_set(err, ECO_EIO, destination, 0, 0, "cannot write: %s",
                               eco_i_graphviz_message());
    }
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
