/*
 * import/csv.c - the one reader of CSV: rows of RFC 4180 fields (quoted fields with commas,
 * quotes and line breaks), CRLF or LF, a UTF-8 byte-order mark, and ',', ';' or a tab as
 * the delimiter the first line uses most.  The CSV of ties and Kumu's sheets (maps wing),
 * Participedia's export (prose wing) and the alias file all read their rows with it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"

void eco_i_csv_init(eco_i_csv *csv, const char *data, size_t len)
{
    memset(csv, 0, sizeof(*csv));
    csv->data = data;
    csv->end = data + len;
    csv->at = data;
    csv->line = 1;
    csv->column = 1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        csv->at += 3;
    /* The delimiter is whichever of , ; and tab the first line uses most. */
    size_t counts[3] = {0};
    for (const char *p = csv->at; p < csv->end && *p != '\n'; p++)
        counts[0] += *p == ',', counts[1] += *p == ';', counts[2] += *p == '\t';
    csv->delimiter = counts[1] > counts[0] && counts[1] >= counts[2] ? ';'
                     : counts[2] > counts[0]                         ? '\t'
                                                                     : ',';
}

void eco_i_csv_free(eco_i_csv *csv)
{
    free(csv->fields);
    free(csv->text);
}

static void advance(eco_i_csv *csv)
{
    unsigned char c = (unsigned char)*csv->at++;
    if (c == '\n') {
        csv->line++;
        csv->column = 1;
    } else if ((c & 0xC0) != 0x80) {
        csv->column++; /* continuation bytes of UTF-8 are not characters */
    }
}

static int text_put(eco_i_csv *csv, char c)
{
    if (eco_i_reserve(&csv->text, &csv->text_cap, csv->text_len + 1, 1) < 0)
        return ECO_ENOMEM;
    csv->text[csv->text_len++] = c;
    return 0;
}

static int field_start(eco_i_csv *csv)
{
    if (eco_i_reserve(&csv->fields, &csv->cap, csv->count + 1, sizeof(*csv->fields)) < 0)
        return ECO_ENOMEM;
    /* An offset until the row is done: the storage may move as it grows. */
    csv->fields[csv->count++] = (eco_i_csv_field){NULL, csv->text_len, csv->line, csv->column};
    return 0;
}

/* Reads one field; *row_done says the row ended after it. */
static int read_field(eco_i_csv *csv, const char *source, eco_error *err, int *row_done)
{
    int rc;

    if ((rc = field_start(csv)) < 0)
        return rc;
    if (csv->at < csv->end && *csv->at == '"') {
        int line = csv->line, column = csv->column;
        advance(csv);
        for (;;) {
            if (csv->at >= csv->end)
                return eco_error_set(err, ECO_EDATA, source, line, column,
                                     "quoted field is never closed: a \" is missing");
            if (*csv->at == '"') {
                if (csv->at + 1 < csv->end && csv->at[1] == '"') {
                    advance(csv);
                } else {
                    advance(csv);
                    break;
                }
            }
            if ((rc = text_put(csv, *csv->at)) < 0)
                return rc;
            advance(csv);
        }
        if (csv->at < csv->end && *csv->at != csv->delimiter && *csv->at != '\n' &&
            *csv->at != '\r')
            return eco_error_set(err, ECO_EDATA, source, csv->line, csv->column,
                                 "text after a closing quote; write \"\" for a quote inside a "
                                 "quoted field");
    } else {
        while (csv->at < csv->end && *csv->at != csv->delimiter && *csv->at != '\n') {
            if (*csv->at == '\r' && (csv->at + 1 == csv->end || csv->at[1] == '\n')) {
                advance(csv);
                continue;
            }
            if ((rc = text_put(csv, *csv->at)) < 0)
                return rc;
            advance(csv);
        }
    }
    if ((rc = text_put(csv, '\0')) < 0)
        return rc;
    if (csv->at < csv->end && *csv->at == '\r')
        advance(csv);
    *row_done = csv->at >= csv->end || *csv->at == '\n';
    if (csv->at < csv->end)
        advance(csv);
    return 0;
}

int eco_i_csv_row(eco_i_csv *csv, const char *source, eco_error *err)
{
    int rc, done = 0;

    csv->count = 0;
    csv->text_len = 0;
    if (csv->at >= csv->end)
        return 0;
    csv->row_line = csv->line;
    while (!done)
        if ((rc = read_field(csv, source, err, &done)) < 0)
            return rc == ECO_ENOMEM
                       ? eco_error_set(err, rc, source, csv->line, 0, "out of memory reading CSV")
                       : rc;
    for (size_t i = 0; i < csv->count; i++) {
        char *text = csv->text + csv->fields[i].offset;
        /* the quote ecomap's writers put before what a spreadsheet would run */
        csv->fields[i].text = text[0] == '\'' && eco_i_csv_formula(text) ? text + 1 : text;
    }
    return 1;
}

void eco_i_csv_trim(char *cell)
{
    size_t len = strlen(cell), start = strspn(cell, " \t\r\n");
    while (len > start && strchr(" \t\r\n", cell[len - 1]))
        len--;
    memmove(cell, cell + start, len - start);
    cell[len - start] = '\0';
}

/* The hash of text with ASCII capitals made small. */
static uint64_t caseless_hash(const char *text)
{
    char small[256];
    size_t n = 0;

    for (; text[n] && n < sizeof(small); n++)
        small[n] = (char)(text[n] >= 'A' && text[n] <= 'Z' ? text[n] + 32 : text[n]);
    return eco_i_hash(small, n) ^ eco_i_hash(text + n, strlen(text + n));
}

int eco_i_csv_repeated(const eco_i_csv *csv, size_t *first, size_t *second)
{
    eco_i_map seen = {0};
    int rc = 0;

    for (size_t f = 0; f < csv->count && rc == 0; f++) {
        size_t earlier;
        if (!*csv->fields[f].text)
            continue; /* blank headers name nothing */
        rc = eco_i_map_get_or_put(&seen, caseless_hash(csv->fields[f].text), f, &earlier);
        if (rc == 1 && strcasecmp(csv->fields[earlier].text, csv->fields[f].text) != 0)
            rc = 0; /* two names of one hash: not the same name */
        if (rc == 1)
            *first = earlier, *second = f;
    }
    eco_i_map_free(&seen);
    return rc;
}
