/*
 * import/maps/kumu_sheets.c - spreadsheets in Kumu's convention: an elements table (Label,
 * Type, Description, Tags, any other column an attribute), a connections table (From, To,
 * Type, Direction, Weight...), and the records table ecomap writes beside them.
 *
 * ecomap's own Kumu export (docs/FORMAT.md, "kumu (CSV)") reads back into the same map:
 * its IDs become actor ids, its Aliases, Records and four Evidence columns, and a record's
 * Tags (its topics), are '|' lists with '\' escapes, and neither table adds a record of
 * its own.  A plain Kumu sheet has
 * none of those columns: its file is then the record that every element and connection is
 * seen in, and each connection's evidence is its row.  Types and relations in words are
 * core's vocabulary (core/vocabulary.c); '|' lists are import/maps/lists.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "maps.h"

/* ---- Headers ---------------------------------------------------------------------------- */

enum column {
    C_ID,
    C_LABEL,
    C_TYPE,
    C_DESCRIPTION,
    C_TAGS,
    C_COUNTRY,
    C_COUNTRY_CODE,
    C_ALIASES,
    C_RECORDS,
    C_FROM,
    C_TO,
    C_DIRECTION,
    C_WEIGHT,
    C_EVIDENCE,
    C_EV_RECORDS,
    C_EV_SOURCES,
    C_EV_LINES,
    C_RECORD,
    C_PATH,
    C_FORMAT,
    C_TITLE,
    C_YEAR,
    C_COUNT
};

/* Header names, lower case; a header is matched ignoring case. */
static const char *const column_names[C_COUNT][3] = {
    [C_ID] = {"id", NULL},
    [C_LABEL] = {"label", "name", NULL},
    [C_TYPE] = {"type", NULL},
    [C_DESCRIPTION] = {"description", NULL},
    [C_TAGS] = {"tags", NULL},
    [C_COUNTRY] = {"country", NULL},
    [C_COUNTRY_CODE] = {"country code", "country_code", NULL},
    [C_ALIASES] = {"aliases", NULL},
    [C_RECORDS] = {"records", NULL},
    [C_FROM] = {"from", NULL},
    [C_TO] = {"to", NULL},
    [C_DIRECTION] = {"direction", NULL},
    [C_WEIGHT] = {"weight", "strength", NULL},
    [C_EVIDENCE] = {"evidence", NULL},
    [C_EV_RECORDS] = {"evidence records", NULL},
    [C_EV_SOURCES] = {"evidence sources", NULL},
    [C_EV_LINES] = {"evidence lines", NULL},
    [C_RECORD] = {"record", NULL},
    [C_PATH] = {"path", NULL},
    [C_FORMAT] = {"format", NULL},
    [C_TITLE] = {"title", NULL},
    [C_YEAR] = {"year", NULL},
};

/* Columns the CSV of ties (import/csv.c) knows: a From/To sheet with only these is one,
 * unless its values are in Kumu's words (kumu_words). */
static const char *const ties_csv_columns[] = {
    "source",       "from",           "target",     "to",          "kind",     "type",
    "relation",     "weight",         "strength",   "directed",    "evidence", "text",
    "passage",      "source_type",    "from_type",  "target_type", "to_type",  "source_country",
    "from_country", "target_country", "to_country", "country",     NULL};

typedef struct header {
    int where[C_COUNT]; /* field index of each column, -1 when absent */
    int unknown;        /* columns that are none of ours */
    int ties_unknown;   /* columns the CSV of ties does not know */
    int label;          /* 1 when a column is named "Label", as Kumu names it */
} header;

static int column_of(const char *name)
{
    for (int c = 0; c < C_COUNT; c++)
        for (int k = 0; column_names[c][k]; k++)
            if (strcasecmp(name, column_names[c][k]) == 0)
                return c;
    return -1;
}

static void read_header(header *h, eco_i_csv *csv)
{
    memset(h, 0, sizeof(*h));
    for (int c = 0; c < C_COUNT; c++)
        h->where[c] = -1;
    for (size_t f = 0; f < csv->count; f++) {
        int c, known = 0;
        eco_i_csv_trim(csv->fields[f].text);
        c = column_of(csv->fields[f].text);
        if (c >= 0 && h->where[c] < 0)
            h->where[c] = (int)f;
        h->unknown += c < 0;
        for (int k = 0; ties_csv_columns[k]; k++)
            known |= strcasecmp(csv->fields[f].text, ties_csv_columns[k]) == 0;
        h->ties_unknown += !known;
        h->label |= strcasecmp(csv->fields[f].text, "label") == 0;
    }
}

static int table_of(const header *h, int detecting);

/* ---- Reading a sheet -------------------------------------------------------------------- */

typedef struct sheet {
    eco_graph *g;          /* the caller's graph */
    const eco_i_input *in; /* the file */
    eco_error *err;
    eco_i_csv csv; /* its rows */
    header h;      /* the current table's columns */
    int table;     /* ECO_I_KUMU_* of the current table */
    char **names;  /* the current header's cells, trimmed (owned) */
    size_t name_count;
    int has_record; /* 1 once the file's own record is in g */
} sheet;

/* The trimmed text of column c in the row just read; "" when absent. */
static const char *cell(sheet *s, int c)
{
    int f = s->h.where[c];
    if (f < 0 || (size_t)f >= s->csv.count)
        return "";
    eco_i_csv_trim(s->csv.fields[f].text);
    return s->csv.fields[f].text;
}

static int cell_error(sheet *s, int c, const char *fmt, const char *value)
{
    int f = c >= 0 ? s->h.where[c] : -1;
    int ok = f >= 0 && (size_t)f < s->csv.count;
    return eco_error_set(s->err, ECO_EDATA, s->in->source,
                         ok ? s->csv.fields[f].line : s->csv.row_line,
                         ok ? s->csv.fields[f].column : 1, fmt, value);
}

static int oom(sheet *s)
{
    return eco_error_set(s->err, ECO_ENOMEM, s->in->source, s->csv.row_line, 0, "out of memory");
}

static int blank_row(const eco_i_csv *csv)
{
    for (size_t f = 0; f < csv->count; f++)
        if (csv->fields[f].text[strspn(csv->fields[f].text, " \t")])
            return 0;
    return 1;
}

static void forget_header(sheet *s)
{
    for (size_t i = 0; i < s->name_count; i++)
        free(s->names[i]);
    free(s->names);
    s->names = NULL;
    s->name_count = 0;
}

/* Takes the row just read as the header of a new table. */
static int take_header(sheet *s)
{
    forget_header(s);
    read_header(&s->h, &s->csv);
    s->table = table_of(&s->h, 0);
    if (!s->table)
        return eco_error_set(s->err, ECO_EDATA, s->in->source, s->csv.row_line, 1,
                             "not a Kumu sheet: the header names no Label column (elements), "
                             "no From and To (connections), and no Record, Path and Format "
                             "(records)");
    size_t first, second;
    int rc = eco_i_csv_repeated(&s->csv, &first, &second);
    if (rc < 0)
        return oom(s);
    if (rc == 1)
        return eco_error_set(s->err, ECO_EDATA, s->in->source, s->csv.fields[second].line,
                             s->csv.fields[second].column,
                             "column \"%s\" is named twice in the header (columns %zu and %zu)",
                             s->csv.fields[second].text, first + 1, second + 1);
    if (!(s->names = calloc(s->csv.count, sizeof(*s->names))))
        return oom(s);
    for (; s->name_count < s->csv.count; s->name_count++)
        if (!(s->names[s->name_count] = strdup(s->csv.fields[s->name_count].text)))
            return oom(s);
    return 0;
}

/*
 * Reads the next row of the current table: 1 when there is one, 0 at the end of the file,
 * 2 when a new table's header follows blank rows (ecomap writes its three tables to
 * standard output that way), below 0 on error.
 */
static int next_row(sheet *s)
{
    int rc, after_blank = 0;

    while ((rc = eco_i_csv_row(&s->csv, s->in->source, s->err)) > 0) {
        if (blank_row(&s->csv)) {
            after_blank = 1;
            continue;
        }
        if (after_blank) {
            header probe;
            read_header(&probe, &s->csv);
            int t = table_of(&probe, 0);
            if (t && t != s->table)
                return 2;
        }
        return 1;
    }
    return rc;
}

/* Adds the file's own record to g, once. */
static int file_record(sheet *s, eco_graph *g)
{
    eco_record record = {s->in->record_id, s->in->source, "kumu", NULL, NULL, 0, NULL, 0};
    if (eco_graph_add_record(NULL, g, &record) < 0)
        return oom(s);
    s->has_record = 1;
    return 0;
}

/* ---- Elements ---------------------------------------------------------------------------- */

/* The fixed columns of ecomap's elements table, whose names an attribute of the same name
 * (ignoring case) was written under with "attribute:" before it. */
static const char *const element_columns[] = {
    "ID", "Label", "Type", "Description", "Tags", "Country", "Aliases", "Records", NULL};

typedef struct actor_ctx {
    eco_graph *g;
    size_t actor;
} actor_ctx;

static int add_alias(const char *item, void *ctx)
{
    actor_ctx *a = ctx;
    return *item ? eco_graph_add_alias(a->g, a->actor, item) : 0;
}

static int add_record(const char *item, void *ctx)
{
    actor_ctx *a = ctx;
    return *item ? eco_graph_add_actor_record(a->g, a->actor, item) : 0;
}

/* The attribute key a column holds, or NULL when the column is one of the fixed ones. */
static const char *attribute_key(sheet *s, size_t f)
{
    const char *name = s->names[f];
    int c = column_of(name);

    if (c >= 0 && s->h.where[c] == (int)f) {
        if (c == C_DESCRIPTION)
            return "description";
        if (c == C_TAGS)
            return "tags";
        if (c == C_ID || c == C_LABEL || c == C_TYPE || c == C_COUNTRY || c == C_COUNTRY_CODE ||
            c == C_ALIASES || c == C_RECORDS)
            return NULL;
    }
    if (strncmp(name, "attribute:", 10) == 0)
        for (size_t i = 0; element_columns[i]; i++)
            if (strcasecmp(name + 10, element_columns[i]) == 0)
                return name + 10;
    return *name ? name : NULL;
}

static int element_attributes(sheet *s, eco_graph *map, size_t actor, const char *kumu_type)
{
    if (kumu_type && eco_graph_set_attribute(map, actor, "type", kumu_type) < 0)
        return oom(s);
    for (size_t f = 0; f < s->csv.count && f < s->name_count; f++) {
        const char *key = attribute_key(s, f), *value = s->csv.fields[f].text;
        if (key && *value && eco_graph_set_attribute(map, actor, key, value) < 0)
            return oom(s);
    }
    return 0;
}

static int element_row(sheet *s, eco_graph *map)
{
    const char *id = cell(s, C_ID), *label = cell(s, C_LABEL), *type_text = cell(s, C_TYPE);
    const char *country = *cell(s, C_COUNTRY) ? cell(s, C_COUNTRY) : cell(s, C_COUNTRY_CODE);
    const char *kumu_type = NULL;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    actor_ctx a = {map, 0};
    int rc;

    if (!*label && !*id)
        return eco_i_warn(s->in->opt, s->err, s->in->source, s->csv.row_line, 1,
                          "element without a label or an ID ignored");
    if (!*label)
        label = id;
    if (*type_text && eco_actor_type_from_name(&type, type_text) < 0) {
        type = eco_i_type_from_text(type_text); /* Kumu's types are free text: keep it */
        kumu_type = type_text;
    }
    if (*id && eco_graph_find_actor_by_id(NULL, map, id) == 0)
        return cell_error(s, C_ID, "element ID \"%s\" appears twice", id);
    country = eco_i_country_as_written(country);
    rc = *id ? eco_graph_add_actor(&a.actor, map, id, label, type, country)
             : eco_graph_resolve_actor(&a.actor, map, label, type, country);
    if (rc < 0)
        return oom(s);
    if (eco_i_list_each(cell(s, C_ALIASES), 1, add_alias, &a) < 0)
        return oom(s);
    if (s->h.where[C_RECORDS] >= 0)
        rc = eco_i_list_each(cell(s, C_RECORDS), 1, add_record, &a);
    else if ((rc = file_record(s, map)) == 0)
        rc = eco_graph_add_actor_record(map, a.actor, s->in->record_id);
    if (rc < 0)
        return oom(s);
    return element_attributes(s, map, a.actor, kumu_type);
}

/* ---- Stand-ins ---------------------------------------------------------------------------
 *
 * A connection may name an element that no table read so far holds: its elements file may
 * come later (in a folder, "x.connections.csv" sorts before "x.elements.csv"), or never.
 * The connection then makes a stand-in actor, which the importer's memory of Kumu sheets
 * (eco_i_maps_cache, below) marks with where it was first named (the least of all
 * references, so that it does not depend on the order of the files).  An element read
 * later that the stand-in names (by its ID or its label) takes its place: the stand-in is
 * removed and its ties, records and aliases go to the element, so the map is the one the
 * elements-first order gives.  eco_i_kumu_stand_ins, run once when the whole import is
 * read, warns of the stand-ins no element claimed.  Marks are kept by actor id, which
 * reading never changes, and never in the graph: a map saved from it holds none.
 */

typedef struct position {
    long line, column;
    const char *source;
} position;

static int position_compare(const position *a, const position *b)
{
    int c = strcmp(a->source, b->source);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->column < b->column ? -1 : a->column > b->column;
}

typedef struct stand_in {
    const char *id;  /* the actor's id, pooled in the graph read into */
    position first;  /* where a connection first named it; its source is owned */
    int active;      /* 0 once an element took its place, or the import warned of it */
} stand_in;

struct eco_i_maps_cache {
    stand_in *items; /* every actor ever marked, by first marking */
    size_t count, cap;
    eco_i_map of_id; /* pooled id -> index in items */
};

int eco_i_maps_cache_new(eco_i_maps_cache **out)
{
    return (*out = calloc(1, sizeof(**out))) ? 0 : ECO_ENOMEM;
}

void eco_i_maps_cache_free(eco_i_maps_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        free((char *)c->items[i].first.source);
    free(c->items);
    eco_i_map_free(&c->of_id);
    free(c);
}

/* The stand-in actor i of g is, or NULL when it is none. */
static stand_in *stand_in_at(const eco_i_maps_cache *c, const eco_graph *g, size_t i)
{
    size_t k;
    if (!eco_i_map_get(&c->of_id, eco_i_ptr_key(eco_graph_actor(g, i)->id), &k))
        return NULL;
    return c->items[k].active ? &c->items[k] : NULL;
}

static int is_stand_in(const eco_i_maps_cache *c, const eco_graph *g, size_t i)
{
    return stand_in_at(c, g, i) != NULL;
}

/* Forgets that actor i of g is a stand-in. */
static void stand_in_clear(eco_i_maps_cache *c, const eco_graph *g, size_t i)
{
    stand_in *st = stand_in_at(c, g, i);
    if (st)
        st->active = 0;
}

/* Marks actor i of s->g a stand-in first named at column c of the row just read, keeping
 * the least position when it is one already. */
static int stand_in_mark(sheet *s, size_t i, int c)
{
    eco_i_maps_cache *cache = s->in->session->maps;
    int f = s->h.where[c];
    position now = {s->csv.fields[f].line, s->csv.fields[f].column, s->in->source};
    const char *id = eco_graph_actor(s->g, i)->id;
    stand_in *st = stand_in_at(cache, s->g, i);
    size_t k;
    char *source;

    if (st && position_compare(&st->first, &now) <= 0)
        return 0;
    if (!(source = strdup(now.source)))
        return oom(s);
    if (!eco_i_map_get(&cache->of_id, eco_i_ptr_key(id), &k)) {
        if (eco_i_reserve(&cache->items, &cache->cap, cache->count + 1, sizeof(*cache->items)) <
                0 ||
            eco_i_map_put(&cache->of_id, eco_i_ptr_key(id), cache->count) < 0) {
            free(source);
            return oom(s);
        }
        k = cache->count++;
        cache->items[k] = (stand_in){id, {0, 0, NULL}, 0};
    }
    st = &cache->items[k];
    free((char *)st->first.source);
    st->first = (position){now.line, now.column, source};
    st->active = 1;
    return 0;
}

/* A tie set aside while the stand-in at one of its ends is replaced. */
typedef struct parked {
    const char *source, *target; /* ids, pooled in the caller's graph */
    eco_tie_kind kind;
    int directed;
    double weight;
    eco_evidence *evidence; /* owned copy of the array; its strings are pooled */
    size_t evidence_count;
} parked;

/* A stand-in removed for an element: what of it goes to the element's actor. */
typedef struct claim {
    const char *id;     /* the stand-in's id, pooled in the caller's graph */
    size_t element;     /* the element's index in the table's own graph */
    const char **names; /* its aliases and records, pooled (owned array) */
    size_t alias_count, record_count;
} claim;

typedef struct parking {
    parked *items;
    size_t count, cap;
    claim *claims;
    size_t claim_count, claim_cap;
    eco_i_map claim_of; /* pooled stand-in id -> its index in claims */
} parking;

static void parking_free(parking *p)
{
    for (size_t i = 0; i < p->count; i++)
        free(p->items[i].evidence);
    for (size_t i = 0; i < p->claim_count; i++)
        free(p->claims[i].names);
    free(p->items);
    free(p->claims);
    eco_i_map_free(&p->claim_of);
}

/* Sets aside the ties, aliases and records of stand-in i of g and removes it, so that the
 * element of the table's graph at index element can take its place with nothing of the
 * stand-in's name left behind (not even as an alias).  The rest comes back through
 * unpark. */
static int park(parking *p, eco_i_maps_cache *cache, eco_graph *g, size_t i, size_t element)
{
    const eco_actor *a = eco_graph_actor(g, i);
    claim *c;

    if (eco_i_reserve(&p->claims, &p->claim_cap, p->claim_count + 1, sizeof(*p->claims)) < 0)
        return ECO_ENOMEM;
    if (eco_i_map_put(&p->claim_of, eco_i_ptr_key(a->id), p->claim_count) < 0)
        return ECO_ENOMEM;
    c = &p->claims[p->claim_count++];
    *c = (claim){a->id, element, NULL, a->alias_count, a->record_count};
    if (a->alias_count + a->record_count) {
        if (!(c->names = malloc((a->alias_count + a->record_count) * sizeof(*c->names))))
            return ECO_ENOMEM;
        for (size_t k = 0; k < a->alias_count; k++)
            c->names[k] = a->aliases[k];
        for (size_t k = 0; k < a->record_count; k++)
            c->names[a->alias_count + k] = a->records[k];
    }
    for (size_t t = 0; t < eco_graph_tie_count(g); t++) {
        const eco_tie *tie = eco_graph_tie(g, t);
        if (tie->source != i && tie->target != i)
            continue;
        if (eco_i_reserve(&p->items, &p->cap, p->count + 1, sizeof(*p->items)) < 0)
            return ECO_ENOMEM;
        parked *k = &p->items[p->count];
        *k = (parked){eco_graph_actor(g, tie->source)->id,
                      eco_graph_actor(g, tie->target)->id,
                      tie->kind,
                      tie->directed,
                      tie->weight,
                      NULL,
                      tie->evidence_count};
        if (k->evidence_count) {
            if (!(k->evidence = malloc(k->evidence_count * sizeof(*k->evidence))))
                return ECO_ENOMEM;
            memcpy(k->evidence, tie->evidence, k->evidence_count * sizeof(*k->evidence));
        }
        p->count++;
    }
    stand_in_clear(cache, g, i); /* its id may come back as the element's */
    return eco_graph_remove_actor(g, i);
}

/* The index in g of the actor that id names: a claimed stand-in's element, or its own. */
static int unpark_end(const parking *p, const eco_graph *g, const eco_graph *map, const char *id,
                      size_t *out)
{
    size_t i;

    /* Ids are pooled in g, so that one string is one pointer. */
    if (eco_i_map_get(&p->claim_of, eco_i_ptr_key(id), &i)) {
        const eco_actor *e = eco_graph_actor(map, p->claims[i].element);
        /* eco_graph_absorb joins an element by id, then by name. */
        if (eco_graph_find_actor_by_id(out, g, e->id) == 0 ||
            eco_graph_find_actor(out, g, e->name, e->country) == 0)
            return 0;
        return ECO_EINTERNAL;
    }
    return eco_graph_find_actor_by_id(out, g, id) == 0 ? 0 : ECO_EINTERNAL;
}

static int unpark(const parking *p, eco_graph *g, const eco_graph *map)
{
    int rc;

    for (size_t i = 0; i < p->claim_count; i++) {
        const claim *c = &p->claims[i];
        size_t a;
        if ((rc = unpark_end(p, g, map, c->id, &a)) < 0)
            return rc;
        for (size_t k = 0; k < c->alias_count; k++)
            if ((rc = eco_graph_add_alias(g, a, c->names[k])) < 0)
                return rc;
        for (size_t k = 0; k < c->record_count; k++)
            if ((rc = eco_graph_add_actor_record(g, a, c->names[c->alias_count + k])) < 0)
                return rc;
    }
    for (size_t i = 0; i < p->count; i++) {
        const parked *k = &p->items[i];
        size_t a, b, t;
        if ((rc = unpark_end(p, g, map, k->source, &a)) < 0 ||
            (rc = unpark_end(p, g, map, k->target, &b)) < 0)
            return rc;
        if (a == b)
            continue; /* both ends were stand-ins for one element */
        if ((rc = eco_graph_add_tie(&t, g, a, b, k->kind, k->directed, k->weight,
                                    k->evidence_count ? &k->evidence[0] : NULL)) < 0)
            return rc;
        for (size_t e = 1; e < k->evidence_count; e++)
            if ((rc = eco_graph_add_tie_evidence(g, t, &k->evidence[e])) < 0)
                return rc;
    }
    return 0;
}

/* A stand-in of g that element i of map replaces: one named by its ID (as an id, or as a
 * name), or by its label. */
static int stand_in_of(size_t *out, const eco_i_maps_cache *c, const eco_graph *g,
                       const eco_graph *map, size_t i)
{
    const eco_actor *e = eco_graph_actor(map, i);
    size_t j;

    if ((eco_graph_find_actor_by_id(&j, g, e->id) == 0 && is_stand_in(c, g, j)) ||
        (eco_graph_find_actor(&j, g, e->id, NULL) == 0 && is_stand_in(c, g, j)) ||
        (eco_graph_find_actor(&j, g, e->name, NULL) == 0 && is_stand_in(c, g, j))) {
        *out = j;
        return 1;
    }
    return 0;
}

/* Whether eco_graph_absorb, joining element e to stand-in a, leaves what reading the element
 * first gives: the same id and name, and nothing of a's own that e would not override.  The
 * stand-in is then kept, which saves removing an actor (O(actors + ties)) per element of a
 * plain sheet named by its label. */
static int same_actor(const eco_actor *a, const eco_actor *e)
{
    return strcmp(a->id, e->id) == 0 && strcmp(a->name, e->name) == 0 &&
           a->type == ECO_TYPE_UNKNOWN && !a->country;
}

/* The elements are read into a graph of their own and joined to the caller's, as a native
 * map is, so that their IDs come back as actor ids. */
static int read_elements(sheet *s)
{
    eco_i_maps_cache *cache = s->in->session->maps;
    eco_graph *map = NULL;
    parking p = {0};
    int rc, more;

    if ((rc = eco_graph_new(&map)) < 0)
        return oom(s);
    while ((more = next_row(s)) == 1)
        if ((rc = element_row(s, map)) < 0)
            goto cleanup;
    if ((rc = more) < 0)
        goto cleanup;
    for (size_t i = 0; i < eco_graph_actor_count(map); i++) {
        size_t j;
        while (stand_in_of(&j, cache, s->g, map, i)) {
            rc = 0;
            if (same_actor(eco_graph_actor(s->g, j), eco_graph_actor(map, i)))
                stand_in_clear(cache, s->g, j); /* absorbed in place */
            else
                rc = park(&p, cache, s->g, j, i);
            if (rc < 0) {
                rc = oom(s);
                goto cleanup;
            }
        }
    }
    if ((rc = eco_graph_absorb(s->g, map, s->err)) < 0)
        goto cleanup;
    if ((rc = unpark(&p, s->g, map)) < 0)
        rc = eco_error_set(s->err, rc, s->in->source, 0, 0, "out of memory");
cleanup:
    parking_free(&p);
    eco_graph_free(map);
    return rc < 0 ? rc : more;
}

/* ---- Connections ------------------------------------------------------------------------- */

/* Finds the actor that name, one of the names in column c (From or To), designates: by id,
 * then by name; else adds a stand-in for the element that should hold it (see Stand-ins). */
static int connection_end(sheet *s, int c, const char *name, int ecomap, size_t *out)
{
    int rc;

    if (eco_graph_find_actor_by_id(out, s->g, name) == 0 ||
        eco_graph_find_actor(out, s->g, name, NULL) == 0) {
        if (is_stand_in(s->in->session->maps, s->g, *out) && (rc = stand_in_mark(s, *out, c)) < 0)
            return rc;
        /* A plain sheet is a record its connections' actors are seen in; ecomap's says
         * its actors' records in the elements table. */
        if (!ecomap && eco_graph_add_actor_record(s->g, *out, s->in->record_id) < 0)
            return oom(s);
        return 0;
    }
    /* ecomap's own tables name actors by id: keep it as the id, as the element has it. */
    rc = ecomap ? eco_graph_add_actor(out, s->g, name, name, ECO_TYPE_UNKNOWN, NULL)
                : eco_graph_resolve_actor(out, s->g, name, ECO_TYPE_UNKNOWN, NULL);
    if (rc == 0 && !ecomap)
        rc = eco_graph_add_actor_record(s->g, *out, s->in->record_id);
    if (rc < 0)
        return oom(s);
    return stand_in_mark(s, *out, c);
}

static int collect(const char *item, void *list)
{
    return eco_i_strings_add(list, item, strlen(item));
}

/* Splits one of the four evidence columns into want items: an empty cell is one empty item
 * when one piece of evidence is expected (a piece whose passage is unknown), else none. */
static int evidence_column(sheet *s, int c, size_t want, eco_i_strings *out)
{
    static const char *const headers[C_COUNT] = {[C_EVIDENCE] = "Evidence",
                                                 [C_EV_RECORDS] = "Evidence records",
                                                 [C_EV_SOURCES] = "Evidence sources"};
    const char *text = cell(s, c);
    int rc = *text || want != 1 ? eco_i_list_each(text, 1, collect, out) : collect("", out);

    if (rc < 0)
        return oom(s);
    if (out->count != want && (*text || want))
        return cell_error(s, c, "%s has another number of items than \"Evidence lines\"",
                          headers[c]);
    return 0;
}

/* ecomap's four evidence columns: the i-th items of each make one piece of evidence. */
static int add_ecomap_tie(sheet *s, size_t a, size_t b, eco_tie_kind kind, int directed,
                          double weight)
{
    eco_i_strings lines = {0}, texts = {0}, records = {0}, sources = {0};
    size_t tie;
    int rc;

    if (eco_i_list_each(cell(s, C_EV_LINES), 1, collect, &lines) < 0) {
        rc = oom(s);
        goto cleanup;
    }
    if ((rc = evidence_column(s, C_EVIDENCE, lines.count, &texts)) < 0 ||
        (rc = evidence_column(s, C_EV_RECORDS, lines.count, &records)) < 0 ||
        (rc = evidence_column(s, C_EV_SOURCES, lines.count, &sources)) < 0)
        goto cleanup;
    for (size_t i = 0; i < lines.count || i == 0; i++) {
        eco_evidence ev = {0};
        long line = 0;
        if (i < lines.count) {
            if (eco_i_parse_long(lines.items[i], 0, 2147483647L, &line) < 0) {
                rc = cell_error(s, C_EV_LINES, "evidence line \"%s\" is not a whole number",
                                lines.items[i]);
                goto cleanup;
            }
            ev = (eco_evidence){*records.items[i] ? records.items[i] : NULL,
                                *sources.items[i] ? sources.items[i] : NULL, (int)line,
                                *texts.items[i] ? texts.items[i] : NULL};
        }
        rc = i == 0 ? eco_graph_add_tie(&tie, s->g, a, b, kind, directed, weight,
                                        lines.count ? &ev : NULL)
                    : eco_graph_add_tie_evidence(s->g, tie, &ev);
        if (rc < 0) {
            rc = oom(s);
            goto cleanup;
        }
    }
cleanup:
    eco_i_strings_free(&lines);
    eco_i_strings_free(&texts);
    eco_i_strings_free(&records);
    eco_i_strings_free(&sources);
    return rc;
}

/* A plain Kumu connection: its row is the evidence; words that say more than ecomap's kind
 * (a type that is not one of ecomap's kinds, a Strength in words) are kept before the
 * passage, since ties have no attributes to hold them. */
static int add_plain_tie(sheet *s, size_t a, size_t b, eco_tie_kind kind, int directed,
                         double weight, const char *kumu_type, const char *strength)
{
    const char *said = *cell(s, C_DESCRIPTION) ? cell(s, C_DESCRIPTION) : cell(s, C_LABEL);
    char *text = NULL;
    int rc;

    if (kumu_type || strength) {
        size_t n = (kumu_type ? strlen(kumu_type) : 0) + (strength ? strlen(strength) : 0) +
                   strlen(said) + 16;
        if (!(text = malloc(n)))
            return oom(s);
        snprintf(text, n, "%s%s%s%s%s", kumu_type ? kumu_type : "",
                 kumu_type && strength ? ", " : "", strength ? strength : "", *said ? ": " : "",
                 said);
    }
    eco_evidence ev = {s->in->record_id, s->in->source, s->csv.row_line,
                       text    ? text
                       : *said ? said
                               : NULL};
    if ((rc = s->has_record ? 0 : file_record(s, s->g)) == 0 &&
        eco_graph_add_tie(NULL, s->g, a, b, kind, directed, weight, &ev) < 0)
        rc = oom(s);
    free(text);
    return rc;
}

/* What a connection row says, the ends aside. */
typedef struct connection {
    eco_tie_kind kind;
    int directed;
    double weight;
    const char *kumu_type; /* the Type when it is not one of ecomap's kinds, or NULL */
    const char *strength;  /* a Strength in words ("Strong"), or NULL */
    int ecomap;            /* 1: ecomap's own table, with its four evidence columns */
} connection;

/* One tie of the row, between the elements named a_name and b_name. */
static int connection_tie(sheet *s, const connection *k, const char *a_name, const char *b_name)
{
    size_t a, b;
    int rc;

    if ((rc = connection_end(s, C_FROM, a_name, k->ecomap, &a)) < 0 ||
        (rc = connection_end(s, C_TO, b_name, k->ecomap, &b)) < 0)
        return rc;
    if (a == b)
        return eco_i_warn(s->in->opt, s->err, s->in->source, s->csv.row_line, 1,
                          "connection from \"%s\" to itself ignored", a_name);
    return k->ecomap
               ? add_ecomap_tie(s, a, b, k->kind, k->directed, k->weight)
               : add_plain_tie(s, a, b, k->kind, k->directed, k->weight, k->kumu_type, k->strength);
}

/* The names a From or To cell holds: one, or in a plain sheet several separated by '|'
 * (Kumu draws a connection to each). */
static int connection_names(sheet *s, int c, int ecomap, eco_i_strings *out)
{
    const char *text = cell(s, c);

    if (!*text)
        return cell_error(s, c, "connection has no %s", c == C_FROM ? "From" : "To");
    if (ecomap || !strchr(text, '|'))
        return collect(text, out) < 0 ? oom(s) : 0;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "|");
        char name[1024];
        if (n < sizeof(name)) {
            memcpy(name, p, n);
            name[n] = '\0';
            eco_i_csv_trim(name);
            if (*name && collect(name, out) < 0)
                return oom(s);
        }
        p += n + (p[n] == '|');
    }
    return out->count ? 0 : cell_error(s, c, "connection has no %s", c == C_FROM ? "From" : "To");
}

/* A row of n names in From and m in To is n * m connections: a 46 KB row of 2,000 and
 * 2,000 made four million ties and took a minute.  Past ECO_I_KUMU_ROW_TIES it is an error
 * at the row, before any tie is made. */
static int cross_product_bound(sheet *s, size_t from, size_t to)
{
    char said[96];

    if (from <= ECO_I_KUMU_ROW_TIES / to)
        return 0;
    snprintf(said, sizeof(said), "%zu names in From and %zu in To", from, to);
    return cell_error(s, C_FROM,
                      "connection row makes more than 10,000 connections (%s); split it into "
                      "rows of fewer names",
                      said);
}

static int connection_row(sheet *s)
{
    const char *type_text = cell(s, C_TYPE), *direction = cell(s, C_DIRECTION);
    const char *weight_text = cell(s, C_WEIGHT);
    /* a connection with no type claims no kind; ecomap's own sheets always write one */
    connection k = {ECO_TIE_UNSPECIFIED, 0, 1, NULL, NULL, s->h.where[C_EV_LINES] >= 0};
    eco_i_strings from = {0}, to = {0};
    int rc;

    if (*type_text && eco_tie_kind_from_name(&k.kind, type_text) < 0) {
        if (!eco_i_kind_from_text(&k.kind, type_text))
            k.kind = ECO_TIE_RELATED;
        k.kumu_type = type_text;
    }
    k.directed = eco_tie_kind_is_directed(k.kind);
    if (strcasecmp(direction, "directed") == 0)
        k.directed = 1;
    else if (strcasecmp(direction, "undirected") == 0 || strcasecmp(direction, "mutual") == 0)
        k.directed = 0;
    else if (*direction)
        return cell_error(s, C_DIRECTION,
                          "direction \"%s\" is none of directed, undirected or mutual", direction);
    if (*weight_text &&
        (eco_i_parse_double(weight_text, &k.weight) < 0 || !eco_i_weight_ok(k.weight))) {
        /* Kumu's Strength is any field: "Strong" is kept as words.  A Weight is a number. */
        if (k.ecomap || strcasecmp(s->names[s->h.where[C_WEIGHT]], "strength") != 0)
            return cell_error(s, C_WEIGHT, "weight \"%s\" is not " ECO_I_WEIGHT_RANGE,
                              weight_text);
        k.weight = 1;
        k.strength = weight_text;
    }
    if ((rc = connection_names(s, C_FROM, k.ecomap, &from)) == 0 &&
        (rc = connection_names(s, C_TO, k.ecomap, &to)) == 0 &&
        (rc = cross_product_bound(s, from.count, to.count)) == 0)
        for (size_t i = 0; i < from.count && rc >= 0; i++)
            for (size_t j = 0; j < to.count && rc >= 0; j++)
                rc = connection_tie(s, &k, from.items[i], to.items[j]);
    eco_i_strings_free(&from);
    eco_i_strings_free(&to);
    return rc;
}

static int read_connections(sheet *s)
{
    int rc, more;

    while ((more = next_row(s)) == 1)
        if ((rc = connection_row(s)) < 0)
            return rc;
    return more;
}

/* ---- Records ----------------------------------------------------------------------------- */

static const char *or_null(const char *s)
{
    return *s ? s : NULL;
}

/* A record's Tags are its topics, a '|' list as the export writes it (export/kumu.c). */
static int record_row(sheet *s)
{
    const char *year = cell(s, C_YEAR);
    eco_record r = {cell(s, C_RECORD),           or_null(cell(s, C_PATH)),
                    or_null(cell(s, C_FORMAT)),  or_null(cell(s, C_TITLE)),
                    or_null(cell(s, C_COUNTRY)), 0, NULL, 0};
    eco_i_strings topics = {0};
    long y = 0;
    int rc;

    if (!*r.id)
        return cell_error(s, C_RECORD, "record has no id%s", "");
    if (*year && eco_i_parse_long(year, 0, 9999, &y) < 0)
        return cell_error(s, C_YEAR, "year \"%s\" is not a whole number from 0 to 9999", year);
    r.year = (int)y;
    if (eco_i_list_each(cell(s, C_TAGS), 1, collect, &topics) < 0) {
        eco_i_strings_free(&topics);
        return oom(s);
    }
    r.topics = (const char *const *)topics.items;
    r.topic_count = topics.count;
    rc = eco_graph_add_record(NULL, s->g, &r) < 0 ? oom(s) : 0;
    eco_i_strings_free(&topics);
    return rc;
}

static int read_records(sheet *s)
{
    int rc, more;

    while ((more = next_row(s)) == 1)
        if ((rc = record_row(s)) < 0)
            return rc;
    return more;
}

/* ---- The file ---------------------------------------------------------------------------- */

static int table_of(const header *h, int detecting)
{
    const int *w = h->where;
    if (w[C_FROM] >= 0 && w[C_TO] >= 0)
        /* A From/To sheet that the CSV of ties reads whole is left to it when detecting. */
        return !detecting || w[C_DIRECTION] >= 0 || h->ties_unknown ? ECO_I_KUMU_CONNECTIONS : 0;
    if (w[C_RECORD] >= 0 && w[C_PATH] >= 0 && w[C_FORMAT] >= 0)
        return ECO_I_KUMU_RECORDS;
    if (h->label)
        return ECO_I_KUMU_ELEMENTS;
    return 0;
}

/* The cell of column c in the row just read, trimmed; "" when absent. */
static const char *row_cell(eco_i_csv *csv, const header *h, int c)
{
    int f = h->where[c];
    if (f < 0 || (size_t)f >= csv->count)
        return "";
    eco_i_csv_trim(csv->fields[f].text);
    return csv->fields[f].text;
}

/* Whether a From/To sheet of columns the CSV of ties knows (Kumu's own minimal sheet,
 * "From,To,Type,Strength", is one) says things in Kumu's words, which the CSV of ties
 * would refuse: a Type that is none of ecomap's kinds ("Personal", "Member of"), or a
 * Strength that is no number ("Strong").  Reads the rows of data, which detection bounds. */
static int kumu_words(const header *h, eco_i_csv *csv)
{
    eco_error err = {0};
    eco_tie_kind kind;
    double weight;

    while (eco_i_csv_row(csv, "", &err) > 0) {
        const char *type = row_cell(csv, h, C_TYPE), *weight_text = row_cell(csv, h, C_WEIGHT);
        if (*type && eco_tie_kind_from_name(&kind, type) < 0)
            return 1;
        if (*weight_text && eco_i_parse_double(weight_text, &weight) < 0)
            return 1;
    }
    return 0;
}

int eco_i_kumu_table(const char *data, size_t len)
{
    eco_i_csv csv;
    eco_error err = {0};
    header h;
    int table = 0, rc;

    eco_i_csv_init(&csv, data, len);
    if ((rc = eco_i_csv_row(&csv, "", &err)) == ECO_ENOMEM)
        eco_i_watch_note(); /* the importer asks after detecting */
    if (rc > 0) {
        read_header(&h, &csv);
        table = table_of(&h, 1);
        if (!table && h.where[C_FROM] >= 0 && h.where[C_TO] >= 0)
            table = kumu_words(&h, &csv) ? ECO_I_KUMU_CONNECTIONS : 0;
    }
    eco_i_csv_free(&csv);
    return table;
}

int eco_i_read_kumu(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    sheet s;
    int rc;

    memset(&s, 0, sizeof(s));
    s.g = g, s.in = in, s.err = err;
    eco_i_csv_init(&s.csv, in->data, in->len);
    do
        rc = eco_i_csv_row(&s.csv, in->source, err);
    while (rc > 0 && blank_row(&s.csv));
    if (rc == 0)
        rc = eco_error_set(err, ECO_EDATA, in->source, 0, 0, "file is empty");
    /* Each table ends at the end of the file (0) or at the header of the next (2). */
    while (rc > 0 && (rc = take_header(&s)) == 0) {
        switch (s.table) {
        case ECO_I_KUMU_ELEMENTS:
            rc = read_elements(&s);
            break;
        case ECO_I_KUMU_CONNECTIONS:
            rc = read_connections(&s);
            break;
        default:
            rc = read_records(&s);
            break;
        }
    }
    forget_header(&s);
    eco_i_csv_free(&s.csv);
    return rc < 0 ? rc : 0;
}

/* ---- The end of an import ---------------------------------------------------------------- */

typedef struct unclaimed {
    position at;      /* where a connection first named it; the source is the cache's */
    const char *name; /* pooled in g */
} unclaimed;

static int compare_unclaimed(const void *a, const void *b)
{
    const unclaimed *x = a, *y = b;
    int c = position_compare(&x->at, &y->at);
    return c ? c : strcmp(x->name, y->name);
}

/* Whether an input other than a Kumu sheet (a record, a CSV of ties) saw actor i: it names
 * the actor, as it would have had it been read before the connection. */
static int seen_elsewhere(const eco_graph *g, size_t i)
{
    const eco_actor *a = eco_graph_actor(g, i);
    size_t r;

    for (size_t k = 0; k < a->record_count; k++)
        if (eco_graph_find_record(&r, g, a->records[k]) == 0) {
            const char *format = eco_graph_record(g, r)->format;
            if (!format || strcmp(format, "kumu") != 0)
                return 1;
        }
    return 0;
}

int eco_i_kumu_stand_ins(eco_graph *g, eco_i_session *session, eco_error *err)
{
    eco_i_maps_cache *cache = session->maps;
    unclaimed *list = NULL;
    size_t count = 0, cap = 0;
    int named = 0, rc = 0;

    for (size_t i = 0; i < eco_graph_actor_count(g); i++) {
        stand_in *st = stand_in_at(cache, g, i);
        if (!st || seen_elsewhere(g, i)) {
            named = 1;
            if (st)
                st->active = 0;
            continue;
        }
        if (eco_i_reserve(&list, &cap, count + 1, sizeof(*list)) < 0) {
            rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
            goto cleanup;
        }
        list[count++] = (unclaimed){st->first, eco_graph_actor(g, i)->name};
        st->active = 0;
    }
    /* Connections alone (no element at all) make their elements, as Kumu does, unwarned. */
    if (!named || !count)
        goto cleanup;
    qsort(list, count, sizeof(*list), compare_unclaimed);
    for (size_t i = 0; i < count && rc == 0; i++)
        rc = eco_i_warn(session->opt, err, list[i].at.source, (int)list[i].at.line,
                        (int)list[i].at.column, "connection to \"%s\", which no element names",
                        list[i].name);
cleanup:
    free(list);
    return rc;
}
