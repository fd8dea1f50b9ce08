/*
 * export/text.c - what the text writers share: numbers that read back exactly, XML and CSV
 * escaping, '|'-joined lists, the attribute columns of a map, and degrees.
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"

/* ---- Growable strings ------------------------------------------------------------------- */

int eco_i_buf_append(eco_i_buf *buf, const char *s, size_t len)
{
    if (eco_i_reserve(&buf->data, &buf->cap, buf->len + len + 1, 1) < 0)
        return ECO_ENOMEM;
    memcpy(buf->data + buf->len, s, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return 0;
}

int eco_i_buf_puts(eco_i_buf *buf, const char *s)
{
    return eco_i_buf_append(buf, s ? s : "", s ? strlen(s) : 0);
}

void eco_i_buf_free(eco_i_buf *buf)
{
    free(buf->data);
    memset(buf, 0, sizeof(*buf));
}

/* ---- Numbers ---------------------------------------------------------------------------- */

void eco_i_format_number(char *buf, size_t n, double v)
{
    const char *point = localeconv()->decimal_point;
    char *found;

    /* Whole weights print as integers, as people write them (%g would give 1e+02). */
    if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        snprintf(buf, n, "%.0f", v);
        return;
    }
    /* %.17g always reads back exactly but writes 0.1 as 0.10000000000000001; the first
     * shorter precision that reads back is what a person would have written. */
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, n, "%.*g", precision, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    /* A program that embeds ecomap may have set a locale that writes "0,25"; every format
     * written here wants "0.25". */
    if (point[0] != '.' && point[0] && (found = strchr(buf, point[0])))
        *found = '.';
}

/* ---- XML -------------------------------------------------------------------------------- */

static int xml_allowed(uint32_t cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

int eco_i_xml_text(FILE *fp, const char *s, int attribute)
{
    size_t len = s ? strlen(s) : 0;

    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t step = eco_i_utf8_decode(s + i, len - i, &cp);
        const char *out = NULL;

        if (step == 0 || !xml_allowed(cp)) {
            out = "\xEF\xBF\xBD"; /* U+FFFD: the document must stay well-formed */
            step = step ? step : 1;
        } else if (cp == '&') {
            out = "&amp;";
        } else if (cp == '<') {
            out = "&lt;";
        } else if (cp == '>') {
            out = "&gt;";
        } else if (cp == '"' && attribute) {
            out = "&quot;";
        } else if (cp == '\r') {
            out = "&#13;"; /* parsers turn a raw CR into LF */
        } else if ((cp == '\n' || cp == '\t') && attribute) {
            out = cp == '\n' ? "&#10;" : "&#9;"; /* attribute values are normalised to spaces */
        }
        if (out ? fputs(out, fp) == EOF : fwrite(s + i, 1, step, fp) != step)
            return -1;
        i += step;
    }
    return 0;
}

/* ---- CSV -------------------------------------------------------------------------------- */

int eco_i_csv_write_cell(FILE *fp, const char *s)
{
    /* "=HYPERLINK(...)" from a record must not run in the spreadsheet that opens the file */
    const char *neutral = eco_i_csv_formula(s ? s : "") ? "'" : "";

    if (!s || !*s)
        return 0;
    if (!strpbrk(s, ",\"\r\n"))
        return fputs(neutral, fp) == EOF || fputs(s, fp) == EOF ? -1 : 0;
    if (fputc('"', fp) == EOF || fputs(neutral, fp) == EOF)
        return -1;
    for (const char *p = s; *p; p++)
        if ((*p == '"' && fputc('"', fp) == EOF) || fputc(*p, fp) == EOF)
            return -1;
    return fputc('"', fp) == EOF ? -1 : 0;
}

int eco_i_csv_write_row(FILE *fp, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((i && fputc(',', fp) == EOF) || eco_i_csv_write_cell(fp, cells[i]) < 0)
            return -1;
    return fputs("\r\n", fp) == EOF ? -1 : 0;
}

/* ---- Lists ------------------------------------------------------------------------------ */

static int append_item(eco_i_buf *buf, const char *item, int escape)
{
    for (const char *p = item ? item : ""; *p; p++) {
        if (escape && (*p == '\\' || *p == '|') && eco_i_buf_append(buf, "\\", 1) < 0)
            return ECO_ENOMEM;
        if (eco_i_buf_append(buf, p, 1) < 0)
            return ECO_ENOMEM;
    }
    return 0;
}

int eco_i_join(eco_i_buf *buf, const char *const *items, size_t n, int escape)
{
    for (size_t i = 0; i < n; i++)
        if ((i && eco_i_buf_append(buf, "|", 1) < 0) || append_item(buf, items[i], escape) < 0)
            return ECO_ENOMEM;
    /* An empty list is an empty string, not NULL, so that callers can print it. */
    return eco_i_buf_append(buf, "", 0);
}

int eco_i_evidence_text(eco_i_buf *buf, const eco_tie *t, int escape)
{
    for (size_t i = 0; i < t->evidence_count; i++) {
        const eco_evidence *ev = &t->evidence[i];
        const char *where = ev->record ? ev->record : ev->source;
        eco_i_buf item = {0};
        char line[32] = "";
        int rc;

        if (ev->line > 0)
            snprintf(line, sizeof(line), ":%d", ev->line);
        rc = eco_i_buf_puts(&item, where);
        if (rc == 0 && where)
            rc = eco_i_buf_puts(&item, line);
        if (rc == 0 && where && ev->text)
            rc = eco_i_buf_puts(&item, ": ");
        if (rc == 0)
            rc = eco_i_buf_puts(&item, ev->text);
        /* Evidence with nothing known says nothing to a reader of these formats, and an
         * empty item could not be told from an empty list. */
        if (rc == 0 && item.len && buf->len)
            rc = eco_i_buf_append(buf, "|", 1);
        if (rc == 0 && item.len)
            rc = append_item(buf, item.data, escape);
        eco_i_buf_free(&item);
        if (rc < 0)
            return rc;
    }
    return eco_i_buf_append(buf, "", 0);
}

/* ---- Columns and degrees ---------------------------------------------------------------- */

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int eco_i_attribute_keys(const eco_graph *g, const char ***out, size_t *count)
{
    size_t total = 0, n = 0;
    const char **keys;

    for (size_t i = 0; i < eco_graph_actor_count(g); i++)
        total += eco_graph_actor(g, i)->attribute_count;
    if (!(keys = malloc((total ? total : 1) * sizeof(*keys))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < eco_graph_actor_count(g); i++) {
        const eco_actor *a = eco_graph_actor(g, i);
        for (size_t k = 0; k < a->attribute_count; k++)
            keys[n++] = a->attributes[k].key;
    }
    qsort(keys, n, sizeof(*keys), compare_strings);
    total = 0;
    for (size_t i = 0; i < n; i++)
        if (total == 0 || strcmp(keys[total - 1], keys[i]) != 0)
            keys[total++] = keys[i];
    *out = keys;
    *count = total;
    return 0;
}

void eco_i_columns_free(eco_i_columns *c)
{
    for (size_t i = 0; c->names && i < c->count; i++)
        eco_i_buf_free(&c->names[i]);
    free(c->names);
    free(c->keys);
    free(c->row);
    memset(c, 0, sizeof(*c));
}

int eco_i_write_actor_table(const eco_graph *g, FILE *fp, const char *destination,
                            const char *const *fixed, size_t fixed_count, eco_i_column_name name,
                            eco_i_actor_row row, eco_error *err)
{
    size_t *order = NULL;
    eco_i_columns c;
    int rc;

    if ((rc = eco_i_columns_init(&c, g, fixed, fixed_count, name)) < 0 ||
        (rc = eco_i_sorted_actors(g, &order)) < 0)
        goto cleanup;
    if (eco_i_csv_write_row(fp, c.row, fixed_count + c.count) < 0)
        rc = ECO_EIO;
    for (size_t i = 0; rc == 0 && i < eco_graph_actor_count(g); i++)
        rc = row(fp, g, order[i], &c);
cleanup:
    eco_i_columns_free(&c);
    free(order);
    if (rc < 0)
        return eco_error_set(err, rc, destination, 0, 0,
                             rc == ECO_ENOMEM ? "out of memory" : "cannot write");
    return 0;
}

int eco_i_columns_init(eco_i_columns *c, const eco_graph *g, const char *const *fixed,
                       size_t fixed_count, eco_i_column_name name)
{
    size_t all, kept = 0;
    int rc;

    memset(c, 0, sizeof(*c));
    c->fixed = fixed_count;
    if ((rc = eco_i_attribute_keys(g, &c->keys, &all)) < 0)
        return rc;
    if (!(c->names = calloc(all ? all : 1, sizeof(*c->names))))
        return ECO_ENOMEM;
    for (size_t i = 0; i < all; i++) {
        if ((rc = name(&c->names[kept], c->keys[i])) < 0) {
            eco_i_buf_free(&c->names[kept]);
            return rc;
        }
        if (rc == 0)
            c->keys[kept++] = c->keys[i];
        c->count = kept; /* so that eco_i_columns_free frees what was named */
    }
    if (!(c->row = malloc((fixed_count + kept) * sizeof(*c->row))))
        return ECO_ENOMEM;
    memcpy(c->row, fixed, fixed_count * sizeof(*c->row));
    for (size_t i = 0; i < kept; i++)
        c->row[fixed_count + i] = c->names[i].data;
    return 0;
}

void eco_i_columns_fill(eco_i_columns *c, const eco_graph *g, size_t actor)
{
    for (size_t i = 0; i < c->count; i++)
        c->row[c->fixed + i] = eco_graph_attribute(g, actor, c->keys[i]);
}

int eco_i_degrees(const eco_graph *g, size_t **out)
{
    size_t n = eco_graph_actor_count(g);
    size_t *degrees = calloc(n ? n : 1, sizeof(*degrees));

    if (!degrees)
        return ECO_ENOMEM;
    for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        degrees[t->source]++;
        degrees[t->target]++;
    }
    *out = degrees;
    return 0;
}
