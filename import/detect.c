/*
 * import/detect.c - the formats the importer reads, and telling them apart by content.
 *
 * Each input's format is detected from its bytes, never from its name: maps of other tools
 * by their structure (JSON keys, a GraphML root, a sheet's header), records by the marks
 * their sources leave (UNDP's "[[country:...]]" tags, Participedia's facet labels).  What
 * only one wing knows how to recognise (a Kumu header, Participedia's columns) it answers
 * through its header.
 */
#include <string.h>
#include <strings.h>

#include "hub.h"

typedef struct format {
    const char *name;    /* as given to --format and returned by eco_import_detect */
    eco_i_reader read;   /* its reader */
} format;

static const format formats[] = {
    {"json", eco_i_read_native},         {"csv", eco_i_read_ties_csv},
    {"undp", eco_i_read_undp},           {"unpsa", eco_i_read_unpsa},
    {"participedia", eco_i_read_participedia}, {"opsi", eco_i_read_opsi},
    {"video", eco_i_read_video},         {"text", eco_i_read_text},
    {"kumu", eco_i_read_kumu},           {"kumu-json", eco_i_read_kumu_json},
    {"node-link", eco_i_read_node_link}, {"cytoscape", eco_i_read_cytoscape},
    {"graphml", eco_i_read_graphml},     {"participedia-csv", eco_i_read_participedia_csv},
    {"table", eco_i_read_table_csv},     {"table-json", eco_i_read_table_json},
    {"gexf", eco_i_read_gexf},           {"dot", eco_i_read_dot},
    {"html", eco_i_read_html},           {"pdf", eco_i_read_pdf},
    {NULL, NULL}};

const char *const *eco_import_formats(void)
{
    static const char *const names[] = {
        "json",      "csv",       "undp",      "unpsa",   "participedia",     "opsi", "video",
        "text",      "kumu",      "kumu-json", "node-link", "cytoscape", "graphml",
        "participedia-csv", "table", "table-json", "gexf", "dot", "html", "pdf", NULL};
    return names;
}

eco_i_reader eco_i_format_reader(const char *name)
{
    for (const format *f = formats; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f->read;
    return NULL;
}

const char *eco_i_format_name(const char *name)
{
    for (const format *f = formats; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f->name;
    return NULL;
}

/* ---- Detection -------------------------------------------------------------------------- */

static const char *skip_bom_and_space(const char *p, const char *end)
{
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* Whether the header field [p, end) names a column, quotes and spaces aside, any case. */
static int field_is(const char *p, const char *end, const char *name)
{
    size_t len = strlen(name);
    while (p < end && (*p == ' ' || *p == '"'))
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '"' || end[-1] == '\r'))
        end--;
    return (size_t)(end - p) == len && strncasecmp(p, name, len) == 0;
}

/* A CSV of ties names its source and target columns in its first line, however long. */
static int looks_like_ties_csv(const char *p, const char *end)
{
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    int has_source = 0, has_target = 0, fields = 0;

    end = eol ? eol : end;
    for (const char *field = p; field <= end; fields++) {
        const char *stop = field;
        while (stop < end && *stop != ',' && *stop != ';' && *stop != '\t')
            stop++;
        has_source |= field_is(field, stop, "source") || field_is(field, stop, "from");
        has_target |= field_is(field, stop, "target") || field_is(field, stop, "to");
        field = stop + 1;
    }
    return fields > 1 && has_source && has_target;
}

/* 1 when the first limit bytes of data hold needle. */
static int holds(const char *data, size_t len, size_t limit, const char *needle)
{
    return eco_i_memmem(data, len < limit ? len : limit, needle, strlen(needle)) != NULL;
}

/* Lines of the first part of data that equal a label of Participedia's facet block. */
static int participedia_labels(const char *data, size_t len)
{
    char line[80];
    int found = 0;
    for (size_t at = 0, lines = 0; at < len && lines < 200; lines++) {
        const char *eol = memchr(data + at, '\n', len - at);
        size_t n = (size_t)((eol ? eol : data + len) - (data + at));
        while (n && data[at + n - 1] == '\r')
            n--;
        if (n < sizeof(line)) {
            memcpy(line, data + at, n);
            line[n] = '\0';
            found += eco_i_participedia_label(line);
        }
        at = eol ? (size_t)(eol - data) + 1 : len;
    }
    return found;
}

/* Text: UTF-8 (or nearly: a few stray bytes), with letters and few control characters. */
static int looks_like_text(const char *p, const char *end)
{
    size_t bad = 0, letters = 0, n = (size_t)(end - p) < 65536 ? (size_t)(end - p) : 65536;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        unsigned char c = (unsigned char)p[i];
        size_t k = c < 0x80 ? 1 : eco_i_utf8_decode(p + i, n - i, &cp);
        if (k == 0) {
            bad++, i++;
            continue;
        }
        letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        bad += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
        i += k;
    }
    return letters >= 20 && bad * 100 < n;
}

/* A PDF starts with its version, "%PDF-1.7", and holds binary data after it. */
static int looks_like_pdf(const char *data, size_t len)
{
    return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

/* GEXF's root element, after the XML declaration and any comment. */
static int looks_like_gexf(const char *p, size_t rest)
{
    return *p == '<' && holds(p, rest, 4096, "<gexf");
}

/* Skips what may stand before a DOT graph: white space, C and C++ comments, and lines that
 * start with '#' (the output of a C preprocessor). */
static const char *skip_dot_comments(const char *p, const char *end)
{
    for (;;) {
        p = skip_bom_and_space(p, end);
        if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
            const char *close = eco_i_memmem(p + 2, (size_t)(end - p - 2), "*/", 2);
            p = close ? close + 2 : end;
        } else if ((end - p >= 2 && p[0] == '/' && p[1] == '/') || (p < end && *p == '#')) {
            const char *eol = memchr(p, '\n', (size_t)(end - p));
            p = eol ? eol : end;
        } else
            return p;
    }
}

/* A DOT file starts "[strict] (graph|digraph) [ID] {": the keywords in any case. */
static int looks_like_dot(const char *p, const char *end)
{
    p = skip_dot_comments(p, end);
    if (end - p >= 6 && strncasecmp(p, "strict", 6) == 0)
        p = skip_bom_and_space(p + 6, end);
    if (end - p >= 7 && strncasecmp(p, "digraph", 7) == 0)
        p += 7;
    else if (end - p >= 5 && strncasecmp(p, "graph", 5) == 0)
        p += 5;
    else
        return 0;
    if (p < end && *p != '{' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        return 0; /* "graphs are..." is prose */
    for (size_t n = 0; p < end && *p != '{' && *p != '\n' && n < 1024; n++)
        p++;
    p = skip_bom_and_space(p, end);
    return p < end && *p == '{';
}

/* A web page: a doctype or an <html> root before 1 KB, any case, past comments. */
static int looks_like_html(const char *p, size_t rest)
{
    const char *end = p + (rest < 1024 ? rest : 1024);
    if (*p != '<')
        return 0;
    for (const char *at = p; at; at = memchr(at + 1, '<', (size_t)(end - at - 1))) {
        size_t left = (size_t)(end - at);
        if ((left >= 14 && strncasecmp(at, "<!doctype html", 14) == 0) ||
            (left >= 5 && strncasecmp(at, "<html", 5) == 0))
            return 1;
        if (left < 2)
            break;
    }
    return 0;
}

const char *eco_import_detect(const char *data, size_t len)
{
    return eco_i_detect(data, len, NULL);
}

/* The kind of JSON data holds: a map, or a table of records; any other JSON goes to the
 * native reader, which says what it lacks and where. */
static const char *json_kind(const char *p, size_t rest, const eco_i_column_map *cols)
{
    /* an array is a table of records or Cytoscape's elements: a table asked first is
     * parsed once in detecting, not twice */
    if (*p == '[' && eco_i_is_table_json(p, rest, cols))
        return "table-json";
    return eco_i_json_kind(p, rest);
}

const char *eco_i_detect(const char *data, size_t len, const eco_i_column_map *cols)
{
    const char *end = data + len;
    const char *p = skip_bom_and_space(data, end);
    size_t rest = (size_t)(end - p);

    if (looks_like_pdf(data, len))
        return "pdf";
    if (p == end || memchr(data, '\0', len))
        return NULL; /* empty or binary */
    if (*p == '{' || (*p == '[' && !(rest > 1 && p[1] == '[')))
        return json_kind(p, rest, cols);
    if (*p == '<' && holds(p, rest, 4096, "<graphml"))
        return "graphml";
    if (looks_like_gexf(p, rest))
        return "gexf";
    if (looks_like_html(p, rest) && !eco_i_own_page(p, rest))
        return "html"; /* but not ecomap's own report or view page */
    if (looks_like_dot(p, end))
        return "dot";
    /* Sheets are known by their header, which no real sheet makes longer than this. */
    if (eco_i_kumu_table(p, rest < 65536 ? rest : 65536))
        return "kumu";
    if (eco_i_is_participedia_csv(p, rest < 65536 ? rest : 65536))
        return "participedia-csv";
    if (looks_like_ties_csv(p, end))
        return "csv";
    if (eco_i_is_table_csv(p, rest < 65536 ? rest : 65536, cols))
        return "table";
    if (eco_i_refused(p, rest))
        return NULL;
    if (holds(p, rest, 8192, "[[country:") || holds(p, rest, 8192, "[[focal_point:") ||
        holds(p, rest, 8192, "[[type:learningplan]]") || holds(p, rest, 8192, "[[type:experiment]]"))
        return "undp";
    if (holds(p, rest, 8192, "\xE6\x9C\xBA\xE6\x9E\x84\xE5\x90\x8D\xE7\xA7\xB0") ||
        holds(p, rest, 8192, "\xE8\x81\x94\xE5\x90\x88\xE5\x9B\xBD\xE6\x88\x90\xE5\x91\x98\xE5\x9B\xBD") ||
        (holds(p, rest, 65536, "Nomination form") && holds(p, rest, 65536, "Questions/Answers")))
        return "unpsa";
    if (participedia_labels(p, rest) >= 6)
        return "participedia";
    if (holds(p, rest, 4096, "\nOrganisation name ") || holds(p, rest, 4096, "\nOrganization name "))
        return "opsi";
    if ((rest > 4 && memcmp(p, "---", 3) == 0 && holds(p, rest, 2048, "videoId:")) ||
        holds(p, rest, 4096, "yt-timestamp") || holds(p, rest, 4096, "\nFrom: [["))
        return "video";
    if (looks_like_text(p, end))
        return "text";
    return NULL;
}

const char *eco_i_unrecognised(const char *data, size_t len)
{
    const char *refused;

    if (len == 0)
        return "file is empty";
    if (len >= 4 && (memcmp(data, "\xFF\xFE\0\0", 4) == 0 || memcmp(data, "\0\0\xFE\xFF", 4) == 0))
        return "file is UTF-32: ecomap reads UTF-8; convert it (iconv -f UTF-32 -t UTF-8)";
    if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0))
        return "file is UTF-16: ecomap reads UTF-8; convert it (iconv -f UTF-16 -t UTF-8)";
    if (memchr(data, '\0', len))
        return "file holds binary data, not a map or records";
    if ((refused = eco_i_refused(data, len)))
        return refused;
    return "format not recognised: expected an ecomap JSON map, a CSV of ties with source "
           "and target columns, or records in text";
}
