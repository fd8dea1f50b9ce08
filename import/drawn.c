/*
 * import/drawn.c - a text drawn from a file that is not text (a web page, a PDF), read as a
 * record: by the prose reader its text calls for, detected as a text file's would be (a
 * saved OPSI case study is read as OPSI's, a printed UNDP learning plan as UNDP's), with
 * its evidence and errors placed in the file the user has.  Only a reader of records reads
 * it: a page whose text looks like a sheet or a map is still prose.
 */
#include <stdlib.h>
#include <string.h>

#include "hub.h"

static const char *const prose_formats[] = {"undp", "unpsa", "participedia", "opsi", "video", NULL};

void eco_i_drawn_put(eco_i_drawn *t, const char *s, size_t n)
{
    if (t->failed || eco_i_reserve(&t->text, &t->cap, t->len + n + 1, 1) < 0) {
        t->failed = 1;
        return;
    }
    memcpy(t->text + t->len, s, n);
    t->len += n;
    t->text[t->len] = '\0';
}

void eco_i_drawn_start_line(eco_i_drawn *t, int page, int line)
{
    if (t->failed || eco_i_reserve(&t->line, &t->line_cap, t->lines + 1, sizeof(int)) < 0 ||
        eco_i_reserve(&t->page, &t->page_cap, t->lines + 1, sizeof(int)) < 0) {
        t->failed = 1;
        return;
    }
    t->line[t->lines] = line;
    t->page[t->lines++] = page;
}

void eco_i_drawn_free(eco_i_drawn *t)
{
    free(t->text);
    free(t->line);
    free(t->page);
}

int eco_i_read_drawn(eco_graph *g, const eco_i_input *in, const eco_i_drawn *text,
                     const char *format, eco_error *err)
{
    const char *data = text->text ? text->text : "";
    const char *detected = eco_import_detect(data, text->len);
    eco_i_origin origin = {format, text->line, text->paged ? text->page : NULL, text->lines};
    eco_i_reader read = eco_i_read_text;
    eco_i_input drawn = *in;
    char where[1100];
    int rc;

    for (size_t i = 0; detected && prose_formats[i]; i++)
        if (strcmp(detected, prose_formats[i]) == 0)
            read = eco_i_format_reader(detected);
    drawn.data = data;
    drawn.len = text->len;
    drawn.origin = &origin;
    drawn.spare = NULL;
    if ((rc = read(g, &drawn, err)) < 0 && strcmp(err->source, in->source) == 0) {
        const char *source;
        eco_i_origin_place(&origin, in->source, &err->line, &source, where, sizeof(where));
        err->column = 0; /* a column of the drawn text is none of the file's */
    }
    return rc;
}
