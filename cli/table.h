/*
 * cli/table.h - tables the query commands print: aligned text for people, JSON and CSV
 * for machines, from one description.
 */
#ifndef ECOMAP_CLI_TABLE_H
#define ECOMAP_CLI_TABLE_H

#include <stddef.h>
#include <stdio.h>

typedef enum cli_output { CLI_TEXT = 0, CLI_JSON, CLI_CSV } cli_output;

typedef struct cli_table cli_table;

/* A table with the given column names (used as JSON keys and the CSV header) and room for
 * rows rows.  NULL when memory runs out. */
cli_table *cli_table_new(const char *const *columns, size_t column_count, size_t rows);
void cli_table_free(cli_table *t);

/* Fills a cell.  Text is copied.  A number prints with `decimals` places in text (none
 * when it is whole and decimals is 0) and in full in JSON and CSV; NaN prints as "-" in
 * text, null in JSON and empty in CSV. */
int cli_table_text(cli_table *t, size_t row, size_t column, const char *text);
void cli_table_number(cli_table *t, size_t row, size_t column, double value, int decimals);

/* Prints the table to out in the given form. */
void cli_table_print(const cli_table *t, cli_output form, FILE *out);

/* Writes the first n bytes of s, a string from a map, for a terminal: control characters
 * (line breaks and tabs, escape, C1 controls) become spaces, so that a name can neither
 * break a table's lines nor send the terminal a command.  Each stays one character wide. */
void cli_put_text_n(FILE *out, const char *s, size_t n);
void cli_put_text(FILE *out, const char *s);

/* Writes s as a JSON string, quoted and escaped. */
void cli_json_string(FILE *out, const char *s);

#endif
