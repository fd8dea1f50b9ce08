/*
 * core/countries_table.h - the shape of the table tools/gen_countries.c makes at build time
 * from ISO 3166 (iso-codes), its translations and data/countries.tsv.
 */
#ifndef ECOMAP_CORE_COUNTRIES_TABLE_H
#define ECOMAP_CORE_COUNTRIES_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct eco_i_country_row {
    const char *code;    /* ISO 3166-1 alpha-3 ("XKX" for Kosovo, which ISO lacks) */
    const char *alpha2;  /* ISO 3166-1 alpha-2; "" where ISO has none */
    const char *display; /* the English short name actors and records carry */
    const char *demonym; /* English adjective; "" when none is common */
} eco_i_country_row;

typedef struct eco_i_country_key {
    uint64_t key; /* eco_i_fold_hash of a form */
    int row;      /* the row in eco_i_country_rows it names; -1 for a form that names none */
} eco_i_country_key;

/* In code order, ended by a row of NULLs. */
extern const eco_i_country_row eco_i_country_rows[];
extern const size_t eco_i_country_count; /* rows before the NULLs */
/* Every form of every country, in any language or script, and the English demonyms; each
 * sorted by key. */
extern const eco_i_country_key eco_i_country_forms[], eco_i_country_demonyms[];
extern const size_t eco_i_country_forms_count, eco_i_country_demonyms_count;
/* The names of ISO 3166-2's subdivisions and the rows of their countries, sorted by key. */
extern const eco_i_country_key eco_i_subdivision_forms[];
extern const size_t eco_i_subdivision_forms_count;

#endif
