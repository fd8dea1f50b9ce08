/* export/export.c - choosing a writer, the shared order of actors and ties, and files. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ecomap/diagram.h"
#include "export_internal.h"
#include "internal.h"

/* DOT with the diagram's default style (`ecomap render` draws with more choices), but the
 * whole map: an export is read back (import/maps/dot.c), so no actor is left out for want of
 * room on a page. */
static int write_dot(const eco_graph *g, const eco_export_options *opt, FILE *fp,
                     const char *destination, eco_error *err)
{
    eco_diagram_options whole = ECO_DIAGRAM_OPTIONS_INIT;

    (void)opt;
    whole.page = "none";
    whole.keep_small = 1;
    return eco_diagram_dot(g, &whole, fp, destination, err);
}

/* A format is written by one writer to one file, or, when tables is set, as several files
 * (one per table) that are committed together. */
static const struct {
    const char *name;
    eco_export_format format;
    eco_i_writer write;        /* one file; NULL when tables is set */
    const eco_i_table *tables; /* several files; NULL when write is set */
} writers[] = {
    {"json", ECO_EXPORT_JSON, eco_i_write_native, NULL},
    {"node-link", ECO_EXPORT_NODE_LINK, eco_i_write_node_link, NULL},
    {"cytoscape", ECO_EXPORT_CYTOSCAPE, eco_i_write_cytoscape, NULL},
    {"graphml", ECO_EXPORT_GRAPHML, eco_i_write_graphml, NULL},
    {"gexf", ECO_EXPORT_GEXF, eco_i_write_gexf, NULL},
    {"kumu", ECO_EXPORT_KUMU, NULL, eco_i_kumu_tables},
    {"neo4j", ECO_EXPORT_NEO4J, NULL, eco_i_neo4j_tables},
    {"dot", ECO_EXPORT_DOT, write_dot, NULL},
};

#define WRITER_COUNT (sizeof(writers) / sizeof(writers[0]))
#define MAX_TABLES 4

static const char *format_names[WRITER_COUNT + 1];

static void list_format_names(void)
{
    for (size_t i = 0; i < WRITER_COUNT; i++) /* the table's names, in its order */
        format_names[i] = writers[i].name;
}

const char *const *eco_export_formats(void)
{
    /* Once: threads may ask at the same time, and one must not read while another fills.
     * pthread_once fails only when misused; the list would then be empty, still a list. */
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    (void)pthread_once(&once, list_format_names);
    return format_names;
}

int eco_export_format_from_name(eco_export_format *out, const char *name)
{
    for (size_t i = 0; name && i < WRITER_COUNT; i++) {
        if (strcmp(writers[i].name, name) == 0) {
            *out = writers[i].format;
            return 0;
        }
    }
    return ECO_EUSAGE;
}

static int find_writer(size_t *out, eco_export_format format, const char *destination,
                       eco_error *err)
{
    for (size_t i = 0; i < WRITER_COUNT; i++) {
        if (writers[i].format == format) {
            *out = i;
            return 0;
        }
    }
    return eco_error_set(err, ECO_EUSAGE, destination, 0, 0, "unknown export format");
}

int eco_export_stream(const eco_graph *g, eco_export_format format, const eco_export_options *opt,
                      FILE *out, const char *destination, eco_error *err)
{
    static const eco_export_options defaults = ECO_EXPORT_OPTIONS_INIT;
    const eco_i_table *tables;
    size_t w = 0; /* set by find_writer; GCC -O2 cannot tell that it always is */
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_EXPORT_OPTIONS_VERSION, "eco_export_options", err)) < 0 ||
        (rc = find_writer(&w, format, destination, err)) < 0)
        return rc;
    opt = opt ? opt : &defaults;
    if (writers[w].write)
        return writers[w].write(g, opt, out, destination, err);
    /* Several tables in one stream follow each other after two empty rows: the layout
     * Kumu reads as sections of one sheet. */
    tables = writers[w].tables;
    for (size_t i = 0; tables[i].suffix; i++) {
        if (i && fputs("\r\n\r\n", out) == EOF)
            return eco_error_set(err, ECO_EIO, destination, 0, 0, "cannot write");
        if ((rc = tables[i].write(g, opt, out, destination, err)) < 0)
            return rc;
    }
    return 0;
}

/* path with a final ".csv" cut off and suffix appended: "map.csv" -> "map.nodes.csv". */
static char *table_path(const char *path, const char *suffix)
{
    size_t len = strlen(path);
    char *joined;

    if (len >= 4 && strcmp(path + len - 4, ".csv") == 0)
        len -= 4;
    if (!(joined = malloc(len + strlen(suffix) + 1)))
        return NULL;
    memcpy(joined, path, len);
    strcpy(joined + len, suffix);
    return joined;
}

/* Writes each table to its own file; all appear together or none does. */
static int export_tables(const eco_graph *g, const eco_i_table *tables,
                         const eco_export_options *opt, const char *path, eco_error *err)
{
    eco_i_output outs[MAX_TABLES] = {0};
    char *paths[MAX_TABLES] = {0};
    size_t n = 0;
    int rc = 0;

    for (; n < MAX_TABLES && tables[n].suffix && rc == 0; n++) {
        if (!(paths[n] = table_path(path, tables[n].suffix)))
            rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
        else if ((rc = eco_i_output_open(&outs[n], paths[n], err)) == 0)
            rc = tables[n].write(g, opt, outs[n].fp, outs[n].name, err);
    }
    if (rc == 0)
        rc = eco_i_output_commit_all(outs, n, err);
    for (size_t i = 0; i < n; i++) {
        eco_i_output_abort(&outs[i]); /* nothing left to remove after a commit */
        free(paths[i]);
    }
    return rc;
}

static int is_special_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

int eco_export_file(const eco_graph *g, eco_export_format format, const eco_export_options *opt,
                    const char *path, eco_error *err)
{
    static const eco_export_options defaults = ECO_EXPORT_OPTIONS_INIT;
    eco_i_output out;
    size_t w = 0; /* set by find_writer; GCC -O2 cannot tell that it always is */
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_EXPORT_OPTIONS_VERSION, "eco_export_options", err)) < 0 ||
        (rc = find_writer(&w, format, path, err)) < 0)
        return rc;
    /* Several tables go to files of their own, unless the path is standard output or a
     * device (/dev/null): those take the tables one after another, as a stream does. */
    if (writers[w].tables && path && strcmp(path, "-") != 0 && !is_special_file(path))
        return export_tables(g, writers[w].tables, opt ? opt : &defaults, path, err);
    if ((rc = eco_i_output_open(&out, path, err)) < 0)
        return rc;
    if ((rc = eco_export_stream(g, format, opt, out.fp, out.name, err)) < 0) {
        eco_i_output_abort(&out);
        return rc;
    }
    return eco_i_output_commit(&out, err);
}

int eco_graph_save(const eco_graph *g, const char *path, eco_error *err)
{
    return eco_export_file(g, ECO_EXPORT_JSON, NULL, path, err);
}

/* ---- Order ------------------------------------------------------------------------------ */
/* Sort keys are copied out of the graph, as qsort has no context argument in C11. */

typedef struct sort_key {
    const char *first, *second; /* actor id; or a tie's source and target ids */
    int kind, directed;         /* ties only */
    size_t index;               /* the actor or tie */
} sort_key;

static int compare_keys(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    int c;

    if ((c = strcmp(x->first, y->first)) != 0)
        return c;
    if (x->second && (c = strcmp(x->second, y->second)) != 0)
        return c;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->directed - y->directed;
}

static int sort_indices(sort_key *keys, size_t n, size_t **out)
{
    size_t *order = malloc((n ? n : 1) * sizeof(*order));

    if (!keys || !order) {
        free(keys);
        free(order);
        return ECO_ENOMEM;
    }
    qsort(keys, n, sizeof(*keys), compare_keys);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].index;
    free(keys);
    *out = order;
    return 0;
}

int eco_i_sorted_actors(const eco_graph *g, size_t **out)
{
    size_t n = eco_graph_actor_count(g);
    sort_key *keys = malloc((n ? n : 1) * sizeof(*keys));

    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (sort_key){eco_graph_actor(g, i)->id, NULL, 0, 0, i};
    return sort_indices(keys, n, out);
}

int eco_i_sorted_records(const eco_graph *g, size_t **out)
{
    size_t n = eco_graph_record_count(g);
    sort_key *keys = malloc((n ? n : 1) * sizeof(*keys));

    for (size_t i = 0; keys && i < n; i++)
        keys[i] = (sort_key){eco_graph_record(g, i)->id, NULL, 0, 0, i};
    return sort_indices(keys, n, out);
}

int eco_i_sorted_ties(const eco_graph *g, size_t **out)
{
    size_t n = eco_graph_tie_count(g);
    sort_key *keys = malloc((n ? n : 1) * sizeof(*keys));

    for (size_t i = 0; keys && i < n; i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        keys[i] = (sort_key){eco_graph_actor(g, t->source)->id, eco_graph_actor(g, t->target)->id,
                             (int)t->kind, t->directed, i};
    }
    return sort_indices(keys, n, out);
}
