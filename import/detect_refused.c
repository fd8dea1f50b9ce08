/*
 * import/detect_refused.c - structured files that no reader reads, told apart so that they
 * are never read as prose.
 *
 * Every file that looks like text used to go to the prose reader: an SVG drawing, a
 * Graphviz graph or ecomap's own Neo4j export came back as hundreds of made-up actors.
 * What is structured but of no format ecomap reads is named here instead, and the file is
 * left out with a warning that says what it looks like (an error under --strict, or when
 * the file was named alone).  JSON is not judged here: the native reader says what a JSON
 * file that is no map lacks, and where.  GEXF, DOT and web pages have readers, detected
 * before this is asked (import/detect.c); ecomap's own report and view page are web pages
 * that detection asks here first, since they hold no records.
 */
#include <string.h>

#include "hub.h"

/* 1 when the first limit bytes of data hold needle. */
static int holds(const char *data, size_t len, size_t limit, const char *needle)
{
    return eco_i_memmem(data, len < limit ? len : limit, needle, strlen(needle)) != NULL;
}

static const char *skip_space(const char *p, const char *end)
{
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && strchr(" \t\r\n", *p))
        p++;
    return p;
}

const char *eco_i_own_page(const char *p, size_t n)
{
    if (holds(p, n, 65536, "id=\"imported\">What was imported<"))
        return "looks like ecomap's own HTML report, not records: import the records it was "
               "made from";
    if (holds(p, n, 65536, "placeholder=\"Name or alias\""))
        return "looks like ecomap's own interactive view, not records: import the map it was "
               "made from";
    return NULL;
}

/* Markup of no kind ecomap reads: its own pages, SVG, and XML of other kinds. */
static const char *markup(const char *p, size_t n)
{
    const char *own = eco_i_own_page(p, n);
    if (own)
        return own;
    if (holds(p, n, 4096, "<svg"))
        return "looks like an SVG drawing, not a map or records ecomap reads";
    return "looks like XML of a kind ecomap does not read (expected GraphML or GEXF)";
}

/* A table: its first rows (up to 5; at least a header and a row) cut by the CSV reader into
 * one number of cells, 3 or more.  Prose cut at its commas is never so even. */
static int is_table(const char *p, size_t n)
{
    eco_i_csv csv;
    eco_error err = {0};
    size_t cells = 0, rows = 0;
    int even = 1, rc;

    eco_i_csv_init(&csv, p, n < 65536 ? n : 65536);
    while (even && rows < 5 && (rc = eco_i_csv_row(&csv, "", &err)) > 0) {
        if (rows++ == 0)
            cells = csv.count;
        even = csv.count == cells;
    }
    if (rc == ECO_ENOMEM)
        eco_i_watch_note(); /* the importer asks after detecting */
    eco_i_csv_free(&csv);
    return even && rows >= 2 && cells >= 3;
}

const char *eco_i_refused(const char *data, size_t len)
{
    const char *end = data + len, *p = skip_space(data, end);
    size_t n = (size_t)(end - p);

    if (p == end)
        return NULL;
    if (*p == '<' && !holds(p, n, 4096, "<graphml") && !holds(p, n, 4096, "<gexf"))
        return markup(p, n);
    const char *eol = memchr(p, '\n', n);
    size_t first = eol ? (size_t)(eol - p) : n;
    if (holds(p, first, first, ":ID") || holds(p, first, first, ":START_ID"))
        return "looks like a Neo4j bulk-import CSV (as ecomap export --format neo4j writes), "
               "not records: import the map it was written from";
    if (holds(p, n, 4096, "](#what-was-imported)"))
        return "looks like ecomap's own Markdown report, not records: import the records it "
               "was made from";
    if (is_table(p, n))
        return "looks like a table whose columns ecomap does not know: name its id, text and "
               "organisation columns in a --columns file (docs/FORMAT.md)";
    return NULL;
}
