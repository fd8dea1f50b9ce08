/* cli/table.c - one table, three forms: aligned text, JSON and CSV. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

typedef struct cell {
    char *text;   /* a text cell, or NULL for a number */
    double value; /* a number cell */
    int decimals; /* places to show in text */
} cell;

struct cli_table {
    const char *const *columns;
    size_t column_count, row_count;
    cell *cells; /* row-major */
};

cli_table *cli_table_new(const char *const *columns, size_t column_count, size_t rows)
{
    cli_table *t = calloc(1, sizeof(*t));
    if (!t || !(t->cells = calloc(column_count * rows + 1, sizeof(cell)))) {
        free(t);
        return NULL;
    }
    t->columns = columns;
    t->column_count = column_count;
    t->row_count = rows;
    return t;
}

void cli_table_free(cli_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->column_count * t->row_count; i++)
        free(t->cells[i].text);
    free(t->cells);
    free(t);
}

int cli_table_text(cli_table *t, size_t row, size_t column, const char *text)
{
    cell *c = &t->cells[row * t->column_count + column];
    free(c->text);
    c->text = strdup(text ? text : "");
    return c->text ? 0 : -1;
}

void cli_table_number(cli_table *t, size_t row, size_t column, double value, int decimals)
{
    cell *c = &t->cells[row * t->column_count + column];
    free(c->text);
    c->text = NULL;
    c->value = value;
    c->decimals = decimals;
}

/* ---- Text ------------------------------------------------------------------------------- */

/* The length of the control character at u[i] (C0, DEL, or C1 in UTF-8), or 0. */
static size_t control_at(const unsigned char *u, size_t n, size_t i)
{
    if (u[i] < 0x20 || u[i] == 0x7F)
        return 1;
    return u[i] == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F ? 2 : 0;
}

void cli_put_text_n(FILE *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t from = 0, control;

    for (size_t i = 0; i < n;) {
        if (!(control = control_at(u, n, i))) {
            i++;
            continue;
        }
        fwrite(s + from, 1, i - from, out);
        fputc(' ', out);
        from = i += control;
    }
    fwrite(s + from, 1, n - from, out);
}

void cli_put_text(FILE *out, const char *s) { cli_put_text_n(out, s, strlen(s)); }

static size_t display_width(const char *s)
{
    size_t chars = 0;
    for (; *s; s++)
        chars += ((unsigned char)*s & 0xC0) != 0x80; /* UTF-8: count characters */
    return chars;
}

static void format_number(char *buf, size_t n, const cell *c)
{
    if (isnan(c->value))
        snprintf(buf, n, "-");
    else if (c->decimals == 0 && c->value == floor(c->value) && fabs(c->value) < 1e15)
        snprintf(buf, n, "%.0f", c->value);
    else
        snprintf(buf, n, "%.*f", c->decimals ? c->decimals : 4, c->value);
}

static void print_text(const cli_table *t, FILE *out)
{
    size_t *width = calloc(t->column_count + 1, sizeof(*width));
    char number[64];

    if (!width)
        return;
    for (size_t j = 0; j < t->column_count; j++)
        width[j] = display_width(t->columns[j]);
    for (size_t i = 0; i < t->row_count; i++) {
        for (size_t j = 0; j < t->column_count; j++) {
            const cell *c = &t->cells[i * t->column_count + j];
            format_number(number, sizeof(number), c);
            size_t w = display_width(c->text ? c->text : number);
            if (w > width[j])
                width[j] = w;
        }
    }
    for (size_t i = 0; i <= t->row_count; i++) {
        for (size_t j = 0; j < t->column_count; j++) {
            const cell *c = i ? &t->cells[(i - 1) * t->column_count + j] : NULL;
            int right = c && !c->text; /* numbers line up on the right */
            if (right)
                format_number(number, sizeof(number), c);
            const char *s = !c ? t->columns[j] : c->text ? c->text : number;
            size_t pad = width[j] - display_width(s);
            if (right)
                fprintf(out, "%*s", (int)pad, "");
            cli_put_text(out, s);
            if (!right && j + 1 < t->column_count)
                fprintf(out, "%*s", (int)pad, "");
            fputs(j + 1 < t->column_count ? "  " : "\n", out);
        }
    }
    free(width);
}

/* ---- JSON and CSV ----------------------------------------------------------------------- */

void cli_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void print_json(const cli_table *t, FILE *out)
{
    fputc('[', out);
    for (size_t i = 0; i < t->row_count; i++) {
        fputs(i ? ",\n  {" : "\n  {", out);
        for (size_t j = 0; j < t->column_count; j++) {
            const cell *c = &t->cells[i * t->column_count + j];
            if (j)
                fputs(", ", out);
            cli_json_string(out, t->columns[j]);
            fputs(": ", out);
            if (c->text)
                cli_json_string(out, c->text);
            else if (isnan(c->value) || isinf(c->value))
                fputs("null", out);
            else
                fprintf(out, "%.17g", c->value);
        }
        fputc('}', out);
    }
    fputs(t->row_count ? "\n]\n" : "]\n", out);
}

static void csv_cell(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void print_csv(const cli_table *t, FILE *out)
{
    for (size_t j = 0; j < t->column_count; j++) {
        csv_cell(out, t->columns[j]);
        fputs(j + 1 < t->column_count ? "," : "\r\n", out);
    }
    for (size_t i = 0; i < t->row_count; i++) {
        for (size_t j = 0; j < t->column_count; j++) {
            const cell *c = &t->cells[i * t->column_count + j];
            if (c->text)
                csv_cell(out, c->text);
            else if (!isnan(c->value) && !isinf(c->value))
                fprintf(out, "%.17g", c->value);
            fputs(j + 1 < t->column_count ? "," : "\r\n", out);
        }
    }
}

void cli_table_print(const cli_table *t, cli_output form, FILE *out)
{
    if (form == CLI_JSON)
        print_json(t, out);
    else if (form == CLI_CSV)
        print_csv(t, out);
    else
        print_text(t, out);
}
