/*
 * import/prose/summaries.c - summaries of videos and meetings, and any other text.
 *
 * A video summary has a YAML header (title, videoId), names its channel as
 * "From: [[channel]]", and is cut by "##" headings, often one per organisation presenting
 * ("## LabX: Portugal's Center for Innovation").  The channel is one actor, found in the
 * gazetteer or the alias file when its handle spells a known name; a heading that names an
 * organisation makes it the subject of its section.  Plain text and Markdown of any other kind is
 * read the same way, without the header.
 */
#include <stdlib.h>
#include <string.h>

#include "prose.h"

/* Folded and without spaces or trailing digits: "oecdobservatoryofpublicsec3116" ->
 * "oecdobservatoryofpublicsec", to compare a channel handle with names. */
static void squash(char *out, size_t n, const char *s)
{
    char folded[256];
    size_t w = 0;
    eco_name_fold(folded, sizeof(folded), s);
    for (size_t i = 0; folded[i] && w + 1 < n; i++)
        if (folded[i] != ' ')
            out[w++] = folded[i];
    while (w && out[w - 1] >= '0' && out[w - 1] <= '9')
        w--;
    out[w] = '\0';
}

typedef struct channel_match {
    char handle[128];
    const eco_i_known *best;
} channel_match;

static int match_channel(const char *alias, const eco_i_known *entry, void *ctx)
{
    channel_match *cm = ctx;
    char s[256];
    size_t hn = strlen(cm->handle);
    squash(s, sizeof(s), alias);
    if (hn >= 10 && strncmp(s, cm->handle, hn) == 0)
        cm->best = entry;
    return 0;
}

static int channel_actor(eco_i_record *r, const eco_i_input *in, const char *handle, size_t *out)
{
    channel_match cm;
    int rc;

    memset(&cm, 0, sizeof(cm));
    squash(cm.handle, sizeof(cm.handle), handle);
    if ((rc = eco_i_lexicon_each(eco_i_gazetteer(), match_channel, &cm)) < 0 ||
        (rc = eco_i_lexicon_each(in->user, match_channel, &cm)) < 0)
        return rc;
    if (cm.best) {
        if ((rc = eco_i_record_actor(r, out, cm.best->name, cm.best->type, cm.best->country)) < 0)
            return rc;
        return eco_graph_add_alias(eco_i_record_graph(r), *out, handle);
    }
    return eco_i_record_actor(r, out, handle, ECO_TYPE_UNKNOWN, NULL);
}

/* "LabX: Portugal's Center ..." - the country a heading gives its organisation. */
static const char *heading_country(const char *heading)
{
    for (const char *p = heading; *p; p++) {
        if (*p != '\'' && strncmp(p, "\xE2\x80\x99", 3) != 0)
            continue;
        const char *start = p;
        while (start > heading && start[-1] != ' ' && start[-1] != ':')
            start--;
        const char *c = eco_i_country_name(start, (size_t)(p - start));
        if (c)
            return c;
    }
    return NULL;
}

/* The bold label of a bullet, "*   **Agile Nations Network:** An intergovernmental ...":
 * its text in label (empty when the line has none) and the bullet's indent. */
static size_t bullet_label(const char *line, char *label, size_t n)
{
    size_t indent = strspn(line, " "), k;
    const char *p = line + indent, *close;

    label[0] = '\0';
    if ((*p != '*' && *p != '-') || p[1] != ' ')
        return indent;
    p += 1 + strspn(p + 1, " ");
    if (strncmp(p, "**", 2) != 0 || !(close = strstr(p + 2, "**")))
        return indent;
    k = (size_t)(close - p - 2);
    if (k && p[2 + k - 1] == ':')
        k--;
    if (k && k < n) {
        memcpy(label, p + 2, k);
        label[k] = '\0';
    }
    return indent;
}

static int read_body(eco_i_record *r, const eco_i_input *in, const eco_i_doc *doc, size_t from)
{
    size_t section = ECO_I_NONE, bullet = ECO_I_NONE, bullet_indent = 0;
    const char *section_country = NULL;
    char label[200];
    int rc = 0;

    for (size_t i = from; i < doc->count && rc == 0; i++) {
        const char *line = doc->lines[i];
        if (eco_i_starts(line, "From: ")) {
            const char *h = line + 6;
            size_t n = strcspn(h, " <");
            char handle[128];
            size_t channel;
            if (n > 0 && n < sizeof(handle)) {
                memcpy(handle, h, n);
                handle[n] = '\0';
                rc = channel_actor(r, in, handle, &channel);
            }
            continue;
        }
        if (eco_i_starts(line, "## ") || eco_i_starts(line, "# ")) {
            const char *heading = line + strspn(line, "#") + 1;
            size_t actor = ECO_I_NONE;
            section_country = heading_country(heading);
            if ((rc = eco_i_record_title_actor(r, &actor, heading, section_country)) < 0)
                break;
            section = actor;
            bullet = ECO_I_NONE;
            continue;
        }
        if (*line == '#' || *line == '\0' || eco_i_starts(line, "---"))
            continue;
        /* a bullet labelled with a body's name is about it, and so are the bullets under it */
        size_t indent = bullet_label(line, label, sizeof(label)), about;
        if (bullet != ECO_I_NONE && indent <= bullet_indent)
            bullet = ECO_I_NONE;
        if (*label && bullet == ECO_I_NONE) {
            if ((rc = eco_i_record_title_actor(r, &about, label, section_country)) < 0)
                break;
            if (about != ECO_I_NONE)
                bullet = about, bullet_indent = indent;
        }
        rc = eco_i_record_prose(r, line, strlen(line), (int)i + 1,
                                bullet != ECO_I_NONE ? bullet : section, section_country,
                                ECO_I_FIELD_PROSE, ECO_TYPE_UNKNOWN);
    }
    return rc;
}

static int read_summary(eco_graph *g, const eco_i_input *in, const char *format, eco_error *err)
{
    eco_i_record *r = NULL;
    eco_i_doc doc;
    size_t body = 0;
    int rc;

    memset(&doc, 0, sizeof(doc));
    if ((rc = eco_i_record_new(&r, g, in, format)) < 0 || (rc = eco_i_doc_open(&doc, in)) < 0)
        goto cleanup;
    if (doc.count > 0 && strcmp(doc.lines[0], "---") == 0) {
        for (body = 1; body < doc.count && strcmp(doc.lines[body], "---") != 0; body++)
            if (eco_i_starts(doc.lines[body], "title: ") &&
                (rc = eco_i_record_set_title(r, doc.lines[body] + 7,
                                             strlen(doc.lines[body] + 7))) < 0)
                goto cleanup;
        body++;
    } else {
        for (size_t i = 0; i < doc.count; i++)
            if (*doc.lines[i]) {
                const char *t = doc.lines[i] + (doc.lines[i][0] == '#' ? strspn(doc.lines[i], "# ") : 0);
                if ((rc = eco_i_record_set_title(r, t, strlen(t))) < 0)
                    goto cleanup;
                break;
            }
    }
    if ((rc = read_body(r, in, &doc, body)) < 0)
        goto cleanup;
    rc = eco_i_record_finish(r, err);
    goto done;
cleanup:
    eco_error_set(err, rc, in->source, 0, 0, "out of memory reading the record");
done:
    eco_i_doc_close(&doc);
    eco_i_record_free(r);
    return rc;
}

int eco_i_read_video(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    return read_summary(g, in, "video", err);
}

int eco_i_read_text(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    return read_summary(g, in, "text", err);
}
