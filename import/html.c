/*
 * import/html.c - a saved web page (a case study, a nomination's page) read as a record: its
 * text through libxml2's HTML parser, which reads pages as browsers do (unclosed tags,
 * entities, a declared charset), then by the reader of records its text calls for
 * (import/drawn.c).
 *
 * What a reader of the page would not read as its content is left out: scripts, styles,
 * navigation, headers, footers, forms, asides.  The record's title comes first, from the
 * first <h1> (a page's <title> often carries the site's name too), else the <title>.  Each
 * block (a paragraph, a heading, an item of a list, a cell) is a paragraph of the text, an
 * item starting "- " as in Markdown, and every line of the text remembers the line of the
 * page it came from, for the evidence.
 */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hub.h"

typedef struct page_text {
    eco_i_drawn out;      /* the text so far, each line's line in the page */
    int at_start;         /* 1 when the next character starts a line */
    int space;            /* 1 when a space is due before the next character */
    int last_line;        /* the page's line of the last text added */
    const xmlNode *title; /* the element the title was taken from, not read again */
} page_text;

static void put(page_text *t, const char *s, size_t n)
{
    eco_i_drawn_put(&t->out, s, n);
}

static void start_line(page_text *t, int line)
{
    eco_i_drawn_start_line(&t->out, 0, line);
    t->at_start = 0;
}

/* Ends the line, and with blank, leaves a blank line after it as between paragraphs. */
static void end_line(page_text *t, int blank)
{
    if (!t->at_start) {
        put(t, "\n", 1);
        t->at_start = 1;
    }
    if (blank && t->out.len >= 2 && t->out.text[t->out.len - 2] != '\n') {
        start_line(t, t->last_line);
        put(t, "\n", 1);
        t->at_start = 1;
    }
    t->space = 0;
}

/* Text as a browser shows it: runs of white space are one space. */
static void put_words(page_text *t, const char *s, int line)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
            t->space = !t->at_start;
            continue;
        }
        if (t->at_start)
            start_line(t, line);
        else if (t->space)
            put(t, " ", 1);
        t->space = 0;
        t->last_line = line;
        put(t, s, 1);
    }
}

/* ---- Which elements are what ------------------------------------------------------------ */

static int named(const xmlNode *n, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (strcasecmp((const char *)n->name, names[i]) == 0)
            return 1;
    return 0;
}

static const char *const left_out[] = {
    "head", "script", "style",  "noscript", "template", "nav",    "header", "footer", "aside",
    "form", "button", "select", "svg",      "iframe",   "object", "canvas", "dialog", NULL};

static const char *const blocks[] = {
    "p",          "div",     "section", "article", "main",    "h1",   "h2",         "h3",
    "h4",         "h5",      "h6",      "ul",      "ol",      "li",   "dl",         "dt",
    "dd",         "table",   "tr",      "td",      "th",      "pre",  "blockquote", "figure",
    "figcaption", "address", "hr",      "details", "summary", "body", NULL};

static const xmlNode *find_element(const xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        const xmlNode *found;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcasecmp((const char *)n->name, name) == 0)
            return n;
        if (!named(n, left_out) && (found = find_element(n->children, name)))
            return found;
    }
    return NULL;
}

/* ---- Walking the page ------------------------------------------------------------------- */

static void put_element(page_text *t, const xmlNode *n, int depth);

/* The line a text node starts on: libxml2 notes the line where the text ended, so its line
 * breaks are counted back, never before the line of the element that holds it. */
static int text_line(const xmlNode *text, int parent_line)
{
    long line = xmlGetLineNo(text);
    for (const char *s = (const char *)text->content; s && *s; s++)
        line -= *s == '\n';
    return line > parent_line ? (int)line : parent_line;
}

static void put_children(page_text *t, const xmlNode *n, int depth)
{
    int line = (int)xmlGetLineNo(n);
    for (const xmlNode *c = n->children; c && !t->out.failed; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            put_words(t, (const char *)c->content, text_line(c, line));
        else if (c->type == XML_ELEMENT_NODE)
            put_element(t, c, depth + 1);
    }
}

static void put_element(page_text *t, const xmlNode *n, int depth)
{
    int block = named(n, blocks);

    /* a page nested past any real one is a hostile page: its depth is not followed */
    if (n == t->title || named(n, left_out) || depth > 256)
        return;
    if (strcasecmp((const char *)n->name, "br") == 0) {
        end_line(t, 0);
        return;
    }
    if (block)
        end_line(t, strcasecmp((const char *)n->name, "li") != 0);
    if (strcasecmp((const char *)n->name, "li") == 0)
        put_words(t, "-", (int)xmlGetLineNo(n)), t->space = 1;
    put_children(t, n, depth);
    if (block)
        end_line(t, strcasecmp((const char *)n->name, "li") != 0);
}

/* The title first: the first <h1>, else the <title>. */
static void put_title(page_text *t, const xmlNode *root)
{
    const xmlNode *title = find_element(root, "h1");

    if (!title) {
        const xmlNode *head = find_element(root, "head");
        title = head ? find_element(head->children, "title") : NULL;
    }
    if (!title)
        return;
    t->title = title;
    put_children(t, title, 0);
    end_line(t, 1);
}

/* libxml2 reads a page without a declared charset as Latin-1, as HTML 4 said; pages saved
 * today are UTF-8. */
static const char *charset(const char *data, size_t len)
{
    size_t head = len < 4096 ? len : 4096;
    return eco_i_memmem(data, head, "charset", 7) || eco_i_memmem(data, head, "CHARSET", 7)
               ? NULL
               : "UTF-8";
}

int eco_i_read_html(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    /* blank text is kept: the space between two inline elements parts their words */
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    page_text t = {0};
    htmlDocPtr doc;
    int rc;

    t.at_start = 1;
    if (in->len > (size_t)INT32_MAX)
        return eco_error_set(err, ECO_EDATA, in->source, 0, 0, "web page over 2 GB");
    xmlInitParser();
    if (!(doc = htmlReadMemory(in->data, (int)in->len, in->source, charset(in->data, in->len),
                               options)))
        return eco_error_set(err, ECO_EDATA, in->source, 1, 1, "not a web page libxml2 can read");
    const xmlNode *root = xmlDocGetRootElement(doc);
    put_title(&t, root);
    if (root)
        put_element(&t, root, 0);
    rc = t.out.failed ? eco_error_set(err, ECO_ENOMEM, in->source, 0, 0, "out of memory")
                      : eco_i_read_drawn(g, in, &t.out, "html", err);
    xmlFreeDoc(doc);
    eco_i_drawn_free(&t.out);
    return rc;
}
