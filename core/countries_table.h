/*
 * core/countries_table.h - the shape of the table tools/gen_countries.c makes at build time
 * from ISO 3166 (iso-codes), its translations and data/countries.tsv.
 */
#ifndef ECOMAP_CORE_COUNTRIES_TABLE_H
#define ECOMAP_CORE_COUNTRIES_TABLE_H

#include <stddef.h>

typedef struct eco_i_country_row {
    const char *code;    /* ISO 3166-1 alpha-3 ("XKX" for Kosovo, which ISO lacks) */
    const char *display; /* the English short name actors and records carry */
    const char *demonym; /* English adjective; "" when none is common */
} eco_i_country_row;

typedef struct eco_i_country_form {
    const char *text; /* a name of the country, in any language or script */
    int row;          /* its row in eco_i_country_rows */
} eco_i_country_form;

/* In code order, ended by a row of NULLs. */
extern const eco_i_country_row eco_i_country_rows[];
extern const size_t eco_i_country_count; /* rows before the NULLs */
/* The names first, then the translations; the first row a folded form finds is its. */
extern const eco_i_country_form eco_i_country_forms[];
/* '|'-separated forms that name no country: English words some language's name shares. */
extern const char eco_i_country_not_forms[];

#endif
