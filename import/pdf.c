/*
 * import/pdf.c - a PDF (a nomination, a report) read as a record: its text, page by page,
 * through Poppler, then by the reader of records its text calls for (import/drawn.c).
 *
 * A PDF holds lines as they were laid out, broken wherever the width ran out: a name broken
 * over two lines would be two pieces of a name to the prose reader.  So the lines of a page
 * are put back into paragraphs by where Poppler says their characters stand: the next line
 * of a paragraph starts close under the last, in the same size of type; a bigger gap, a
 * change of size, a jump up (a new column) or a bullet starts a paragraph.  A word
 * hyphenated at a line's end is joined.  Each paragraph is a line of the text, and its
 * evidence is the page and the line on the page where it starts.
 *
 * A PDF with no text layer (a scan) gives no text: a warning that says so, not an empty
 * record.
 */
#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "hub.h"

/* ---- Lines of a page -------------------------------------------------------------------- */

typedef struct pdf_line {
    const char *text;   /* in the page's text */
    size_t len;         /* bytes, without the '\n' */
    double top, bottom; /* of its characters; both 0 when not known */
} pdf_line;

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
            return 0;
    return 1;
}

/* A bullet Poppler gives as a character: "•" "◦" "▪" "·", or "-" and "–" before a space. */
static size_t bullet_length(const char *s, size_t n)
{
    static const char *const marks[] = {
        "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xC2\xB7", "- ", "\xE2\x80\x93 ", NULL};
    for (size_t i = 0; marks[i]; i++) {
        size_t k = strlen(marks[i]);
        if (n >= k && memcmp(s, marks[i], k) == 0)
            return k;
    }
    return 0;
}

/* Whether line b goes on the paragraph of line a. */
static int continues(const pdf_line *a, const pdf_line *b)
{
    double height = a->bottom - a->top, next = b->bottom - b->top;
    if (is_blank(a->text, a->len) || bullet_length(b->text, b->len))
        return 0;
    if (height <= 0 || next <= 0)
        return 0; /* without positions, a line is a paragraph */
    return b->top >= a->top && b->top - a->bottom < 0.6 * height && next < 1.2 * height &&
           height < 1.2 * next;
}

/* Splits a page's text into lines, each with where its characters stand (rects, one per
 * character of text, when Poppler gave them so). */
static pdf_line *page_lines(const char *text, const PopplerRectangle *rects, guint count,
                            size_t *out_count)
{
    size_t n = 1, k = 0;
    guint ch = 0;
    int placed = rects && count == (guint)g_utf8_strlen(text, -1);
    pdf_line *lines;

    for (const char *p = text; *p; p++)
        n += *p == '\n';
    if (!(lines = calloc(n, sizeof(*lines))))
        return NULL;
    for (const char *p = text;; k++) {
        const char *eol = strchr(p, '\n');
        lines[k].text = p;
        lines[k].len = eol ? (size_t)(eol - p) : strlen(p);
        for (const char *c = p; placed && c < p + lines[k].len; c = g_utf8_next_char(c), ch++) {
            if (*c == ' ')
                continue;
            const PopplerRectangle *r = &rects[ch];
            if (lines[k].bottom == 0 || r->y1 < lines[k].top)
                lines[k].top = r->y1;
            if (r->y2 > lines[k].bottom)
                lines[k].bottom = r->y2;
        }
        ch += eol != NULL; /* the '\n' has its rectangle too */
        if (!eol)
            break;
        p = eol + 1;
    }
    *out_count = k + 1;
    return lines;
}

/* Adds line to the paragraph being written: a word hyphenated at the end of the last line
 * is joined ("organisa-" "tion"), other lines are joined by a space. */
static void join(eco_i_drawn *t, const pdf_line *line, int first)
{
    size_t skip = bullet_length(line->text, line->len);
    const char *s = line->text + skip;
    size_t n = line->len - skip;

    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    if (skip)
        eco_i_drawn_put(t, "- ", 2);
    else if (!first && t->len >= 2 && t->text[t->len - 1] == '-' &&
             g_unichar_isalpha(g_utf8_get_char(g_utf8_prev_char(t->text + t->len - 1))) && n &&
             g_unichar_islower(g_utf8_get_char(s)))
        t->len--;
    else if (!first)
        eco_i_drawn_put(t, " ", 1);
    eco_i_drawn_put(t, s, n);
}

static void put_page(eco_i_drawn *t, PopplerPage *page, int number)
{
    PopplerRectangle *rects = NULL;
    guint count = 0;
    char *text = poppler_page_get_text(page);
    pdf_line *lines;
    size_t n = 0;

    if (!text)
        return;
    if (!poppler_page_get_text_layout(page, &rects, &count))
        rects = NULL;
    if (!(lines = page_lines(text, rects, count, &n)))
        t->failed = 1;
    for (size_t i = 0; i < n && !t->failed; i++) {
        if (is_blank(lines[i].text, lines[i].len))
            continue;
        int first = i == 0 || !continues(&lines[i - 1], &lines[i]);
        if (first && t->lines) {
            eco_i_drawn_put(t, "\n\n", 2); /* a blank line between paragraphs, as in a text file */
            eco_i_drawn_start_line(t, t->page[t->lines - 1], t->line[t->lines - 1]);
        }
        if (first)
            eco_i_drawn_start_line(t, number, (int)i + 1);
        join(t, &lines[i], first);
    }
    free(lines);
    g_free(rects);
    g_free(text);
}

/* ---- The document ----------------------------------------------------------------------- */

int eco_i_read_pdf(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    GBytes *bytes = g_bytes_new_static(in->data, in->len);
    GError *failure = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &failure);
    eco_i_drawn t = {0};
    int rc, pages;

    t.paged = 1;
    if (!doc) {
        int locked = failure && failure->code == POPPLER_ERROR_ENCRYPTED;
        rc = eco_error_set(err, ECO_EDATA, in->source, 1, 1, "%s%s",
                           locked ? "PDF is encrypted: remove its password (qpdf --decrypt) "
                                    "and import it again"
                                  : "not a PDF Poppler can read: ",
                           locked || !failure ? "" : failure->message);
        goto cleanup;
    }
    pages = poppler_document_get_n_pages(doc);
    for (int i = 0; i < pages && !t.failed; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        if (page) {
            put_page(&t, page, i + 1);
            g_object_unref(page);
        }
    }
    if (t.failed)
        rc = eco_error_set(err, ECO_ENOMEM, in->source, 0, 0, "out of memory");
    else if (t.lines == 0)
        rc = eco_i_warn(in->opt, err, in->source, 1, 1,
                        "PDF has no text layer (scanned pages?): nothing read; run OCR on it "
                        "(ocrmypdf) and import it again");
    else
        rc = eco_i_read_drawn(g, in, &t, "pdf", err);
cleanup:
    if (doc)
        g_object_unref(doc);
    if (failure)
        g_error_free(failure);
    g_bytes_unref(bytes);
    eco_i_drawn_free(&t);
    return rc;
}
