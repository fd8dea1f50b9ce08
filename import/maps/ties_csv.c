/*
 * import/maps/ties_csv.c - the plain CSV of ties: a header naming its columns, source and
 * target required, the rest optional: kind, weight, directed, evidence, source_type,
 * target_type, source_country, target_country, country.  Each row is one tie and its own
 * piece of evidence, and the file is the record that votes for the names it gives.
 */
#include <string.h>
#include <strings.h>

#include "maps.h"

enum column {
    COL_SOURCE, COL_TARGET, COL_KIND, COL_WEIGHT, COL_DIRECTED, COL_EVIDENCE, COL_SOURCE_TYPE,
    COL_TARGET_TYPE, COL_SOURCE_COUNTRY, COL_TARGET_COUNTRY, COL_COUNTRY, COL_COUNT
};

/* Header names of each column, lower case; the first is the documented one. */
static const char *const column_names[COL_COUNT][4] = {
    {"source", "from", NULL},          {"target", "to", NULL},
    {"kind", "type", "relation", NULL}, {"weight", "strength", NULL},
    {"directed", "direction", NULL},   {"evidence", "text", "passage", NULL},
    {"source_type", "from_type", NULL}, {"target_type", "to_type", NULL},
    {"source_country", "from_country", NULL}, {"target_country", "to_country", NULL},
    {"country", NULL}};

/* A header that names a column twice is refused at the second: which one counts would be
 * left to chance. */
static int repeated_column(const eco_i_csv *csv, const eco_i_input *in, eco_error *err)
{
    size_t first, second;
    int rc = eco_i_csv_repeated(csv, &first, &second);

    if (rc < 0)
        return eco_error_set(err, rc, in->source, 1, 0, "out of memory");
    if (rc == 0)
        return 0;
    return eco_error_set(err, ECO_EDATA, in->source, csv->fields[second].line,
                         csv->fields[second].column,
                         "column \"%s\" is named twice in the header (columns %zu and %zu)",
                         csv->fields[second].text, first + 1, second + 1);
}

static int map_header(eco_i_csv *csv, int where[COL_COUNT], const eco_i_input *in,
                      eco_error *err)
{
    for (int c = 0; c < COL_COUNT; c++)
        where[c] = -1;
    for (size_t f = 0; f < csv->count; f++) {
        eco_i_csv_trim(csv->fields[f].text);
        for (int c = 0; c < COL_COUNT; c++)
            for (int k = 0; column_names[c][k]; k++)
                if (where[c] < 0 && strcasecmp(csv->fields[f].text, column_names[c][k]) == 0)
                    where[c] = (int)f;
    }
    if (repeated_column(csv, in, err) < 0)
        return err->code;
    if (where[COL_SOURCE] < 0 || where[COL_TARGET] < 0)
        return eco_error_set(err, ECO_EDATA, in->source, 1, 1,
                             "the header names no %s column; a CSV of ties needs source and target",
                             where[COL_SOURCE] < 0 ? "source" : "target");
    return 0;
}

typedef struct row_context {
    eco_i_csv *csv;
    const int *where;
    const eco_i_input *in;
} row_context;

/* The row's text in column c, trimmed; "" when the column is absent or the row short. */
static const char *cell(const row_context *r, int c)
{
    int f = r->where[c];
    if (f < 0 || (size_t)f >= r->csv->count)
        return "";
    eco_i_csv_trim(r->csv->fields[f].text);
    return r->csv->fields[f].text;
}

static int cell_error(const row_context *r, int c, eco_error *err, const char *fmt, const char *value)
{
    int f = r->where[c];
    int ok = f >= 0 && (size_t)f < r->csv->count;
    return eco_error_set(err, ECO_EDATA, r->in->source, ok ? r->csv->fields[f].line : r->csv->row_line,
                         ok ? r->csv->fields[f].column : 1, fmt, value);
}

static int parse_directed(const char *s, int *out)
{
    static const char *const yes[] = {"1", "true", "yes", "directed", NULL};
    static const char *const no[] = {"0", "false", "no", "undirected", NULL};
    for (int i = 0; yes[i]; i++)
        if (strcasecmp(s, yes[i]) == 0)
            return *out = 1, 0;
    for (int i = 0; no[i]; i++)
        if (strcasecmp(s, no[i]) == 0)
            return *out = 0, 0;
    return ECO_EDATA;
}

static int resolve_end(eco_graph *g, const row_context *r, int name_col, int type_col,
                       int country_col, size_t *out, eco_error *err)
{
    const char *name = cell(r, name_col), *type_name = cell(r, type_col);
    const char *country = *cell(r, country_col) ? cell(r, country_col) : cell(r, COL_COUNTRY);
    eco_actor_type type;
    int rc;

    if (!*name)
        return cell_error(r, name_col, err, "tie has an empty %s actor",
                          name_col == COL_SOURCE ? "source" : "target");
    if (!*type_name)
        type = eco_name_classify(name);
    else if (eco_actor_type_from_name(&type, type_name) < 0)
        return cell_error(r, type_col, err,
                          "unknown actor type \"%s\"; expected government, lab, academia, "
                          "civil_society, international, private or network",
                          type_name);
    if ((rc = eco_graph_resolve_actor(out, g, name, type, *country ? country : NULL)) < 0 ||
        (rc = eco_graph_add_actor_record(g, *out, r->in->record_id)) < 0 ||
        (rc = eco_i_vote(&r->in->session->votes, name, r->in->record_id)) < 0)
        return eco_error_set(err, rc, r->in->source, r->csv->row_line, 1, "out of memory");
    return 0;
}

static int read_tie_row(eco_graph *g, const row_context *r, eco_error *err)
{
    const char *kind_name = cell(r, COL_KIND), *weight_text = cell(r, COL_WEIGHT);
    const char *directed_text = cell(r, COL_DIRECTED);
    eco_tie_kind kind = ECO_TIE_PARTNERSHIP;
    double weight = 1;
    int directed, rc;
    size_t source, target;

    if (*kind_name && eco_tie_kind_from_name(&kind, kind_name) < 0)
        return cell_error(r, COL_KIND, err,
                          "unknown tie kind \"%s\"; expected partnership, funding, hosting, "
                          "support, membership or related",
                          kind_name);
    if (*weight_text && (eco_i_parse_double(weight_text, &weight) < 0 || !eco_i_weight_ok(weight)))
        return cell_error(r, COL_WEIGHT, err, "weight \"%s\" is not " ECO_I_WEIGHT_RANGE,
                          weight_text);
    directed = eco_tie_kind_is_directed(kind);
    if (*directed_text && parse_directed(directed_text, &directed) < 0)
        return cell_error(r, COL_DIRECTED, err, "directed \"%s\" is not true or false",
                          directed_text);
    if ((rc = resolve_end(g, r, COL_SOURCE, COL_SOURCE_TYPE, COL_SOURCE_COUNTRY, &source, err)) < 0 ||
        (rc = resolve_end(g, r, COL_TARGET, COL_TARGET_TYPE, COL_TARGET_COUNTRY, &target, err)) < 0)
        return rc;
    if (source == target)
        return eco_i_warn(r->in->opt, err, r->in->source, r->csv->row_line, 1,
                          "tie from \"%s\" to itself ignored", cell(r, COL_SOURCE));
    eco_evidence ev = {r->in->record_id, r->in->source, r->csv->row_line,
                       *cell(r, COL_EVIDENCE) ? cell(r, COL_EVIDENCE) : NULL};
    if ((rc = eco_graph_add_tie(NULL, g, source, target, kind, directed, weight, &ev)) < 0)
        return eco_error_set(err, rc, r->in->source, r->csv->row_line, 1, "out of memory");
    return 0;
}

int eco_i_read_ties_csv(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    eco_i_csv csv;
    int where[COL_COUNT], rc;
    eco_record record = {in->record_id, in->source, "csv", NULL, NULL, 0, NULL, 0};
    row_context r = {&csv, where, in};

    eco_i_csv_init(&csv, in->data, in->len);
    if ((rc = eco_i_csv_row(&csv, in->source, err)) <= 0) {
        if (rc == 0)
            rc = eco_error_set(err, ECO_EDATA, in->source, 0, 0, "file is empty");
        goto cleanup;
    }
    if ((rc = map_header(&csv, where, in, err)) < 0)
        goto cleanup;
    if ((rc = eco_graph_add_record(NULL, g, &record)) < 0) {
        rc = eco_error_set(err, rc, in->source, 0, 0, "out of memory");
        goto cleanup;
    }
    while ((rc = eco_i_csv_row(&csv, in->source, err)) > 0) {
        if (csv.count == 1 && csv.fields[0].text[0] == '\0')
            continue; /* a blank line */
        if ((rc = read_tie_row(g, &r, err)) < 0)
            break;
    }
cleanup:
    eco_i_csv_free(&csv);
    return rc < 0 ? rc : 0;
}
