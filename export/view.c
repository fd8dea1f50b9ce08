/*
 * export/view.c - the interactive map: one HTML file that works offline.
 *
 * Graphviz places every actor beforehand (sfdp above 2,000 actors, neato below), and the page
 * carries the map as JSON in a data block, the project's own small script (export/view.js)
 * and its style (export/view.css), both inline.  Its Content-Security-Policy allows that
 * one script and that one style by their SHA-256 hashes, and nothing else: no other
 * script, no fetch, no image.  The JSON is written with <, > and & as \u escapes, so no
 * record text can close the data block, and the script shows text only as text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <jansson.h>

#include "diagram_internal.h"
#include "internal.h"

/* export/view.js and export/view.css, and their SHA-256 in hex, compiled in by CMake. */
extern const unsigned char eco_i_view_script[], eco_i_view_style[];
extern const size_t eco_i_view_script_len, eco_i_view_style_len;
extern const char eco_i_view_script_sha256[], eco_i_view_style_sha256[];

#define NEATO_LIMIT 2000 /* actors up to which neato's stress layout is quick enough */

/* ---- Places ----------------------------------------------------------------------------- */

/* Lays every actor out as a point and keeps its place, in points, in xy (2 per actor). */
static int place_actors(double *xy, const eco_graph *g, eco_error *err)
{
    size_t n = eco_graph_actor_count(g);
    Agnode_t **node = calloc(n + 1, sizeof(*node));
    Agraph_t *graph = agopen("view", Agundirected, NULL);
    char name[32];
    int rc = ECO_ENOMEM;

    if (!node || !graph)
        goto cleanup;
    if (eco_i_diagram_set(graph, "overlap", n <= NEATO_LIMIT ? "prism" : "true") < 0 ||
        eco_i_diagram_set(graph, "pack", n <= NEATO_LIMIT ? "true" : "false") < 0 || !agattr(graph, AGNODE, "shape", "point") ||
        !agattr(graph, AGNODE, "width", "0.1"))
        goto cleanup;
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof(name), "a%zu", i);
        if (!(node[i] = agnode(graph, name, 1)))
            goto cleanup;
    }
    for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (!agedge(graph, node[t->source], node[t->target], NULL, 1))
            goto cleanup;
    }
    if ((rc = eco_i_graphviz_lay_out(graph, n <= NEATO_LIMIT ? "neato" : "sfdp", err)) < 0)
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        xy[2 * i] = ND_coord(node[i]).x, xy[2 * i + 1] = ND_coord(node[i]).y;
    eco_i_graphviz_unlay(graph);
    rc = 0;
cleanup:
    if (graph)
        agclose(graph);
    free(node);
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, NULL, 0, 0, "out of memory laying out the map");
    return rc;
}

/* ---- The data --------------------------------------------------------------------------- */

/* Appends v to array, taking its reference; 0 or -1. */
static int push(json_t *array, json_t *v)
{
    return v ? json_array_append_new(array, v) : -1;
}

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static int record_index(const eco_graph *g, const char *id)
{
    size_t r;
    return id && eco_graph_find_record(&r, g, id) == 0 ? (int)r : -1;
}

static json_t *actor_json(const eco_graph *g, size_t i, const double *xy, double size,
                          double max_size)
{
    const eco_actor *a = eco_graph_actor(g, i);
    json_t *aliases = json_array(), *records = json_array();
    int failed = !aliases || !records;

    for (size_t k = 0; !failed && k < a->alias_count; k++)
        failed = push(aliases, json_string(a->aliases[k])) < 0;
    for (size_t k = 0; !failed && k < a->record_count; k++)
        failed = push(records, json_integer(record_index(g, a->records[k]))) < 0;
    if (failed) {
        json_decref(aliases);
        json_decref(records);
        return NULL;
    }
    double share = max_size > 0 && size == size && size > 0 ? sqrt(size / max_size) : 0;
    return json_pack("[s s i o f f f o o f]", a->id, a->name, (int)a->type,
                     string_or_null(a->country), round(xy[2 * i]), round(xy[2 * i + 1]),
                     size == size ? size : 0, aliases, records, share);
}

static json_t *tie_json(const eco_graph *g, const eco_tie *t)
{
    json_t *evidence = json_array();
    int failed = !evidence;

    for (size_t e = 0; !failed && e < t->evidence_count; e++) {
        const eco_evidence *ev = &t->evidence[e];
        failed = push(evidence, json_pack("[i i o]", record_index(g, ev->record), ev->line,
                                          string_or_null(ev->text))) < 0;
    }
    if (failed) {
        json_decref(evidence);
        return NULL;
    }
    return json_pack("[I I i b f o]", (json_int_t)t->source, (json_int_t)t->target,
                     (int)t->kind, t->directed, t->weight, evidence);
}

static json_t *records_json(const eco_graph *g, int years[2])
{
    json_t *records = json_array();

    years[0] = years[1] = 0;
    for (size_t r = 0; records && r < eco_graph_record_count(g); r++) {
        const eco_record *rec = eco_graph_record(g, r);
        if (push(records, json_pack("[s o o o i o]", rec->id, string_or_null(rec->path),
                                    string_or_null(rec->format), string_or_null(rec->country),
                                    rec->year, string_or_null(rec->title))) < 0) {
            json_decref(records);
            return NULL;
        }
        if (rec->year && (!years[0] || rec->year < years[0]))
            years[0] = rec->year;
        if (rec->year > years[1])
            years[1] = rec->year;
    }
    return records;
}

/* The legend's names and colours, indexed as types and kinds are. */
static json_t *legend_json(void)
{
    json_t *out = json_object(), *types = json_array(), *fills = json_array();
    json_t *kinds = json_array(), *colors = json_array(), *read = json_array();
    int failed = !out || !types || !fills || !kinds || !colors || !read;

    for (int t = 0; !failed && t < ECO_ACTOR_TYPE_COUNT; t++)
        failed = push(types, json_string(t ? eco_actor_type_name((eco_actor_type)t) : "type unknown")) < 0 ||
                 push(fills, json_string(eco_i_type_fill((eco_actor_type)t))) < 0;
    for (int k = 0; !failed && k < ECO_TIE_KIND_COUNT; k++)
        failed = push(kinds, json_string(eco_tie_kind_name((eco_tie_kind)k))) < 0 ||
                 push(colors, json_string(eco_i_kind_color((eco_tie_kind)k))) < 0 ||
                 push(read, json_string(eco_i_kind_reading((eco_tie_kind)k))) < 0;
    failed = failed || json_object_set(out, "types", types) < 0 ||
             json_object_set(out, "typeColors", fills) < 0 ||
             json_object_set(out, "kinds", kinds) < 0 ||
             json_object_set(out, "kindColors", colors) < 0 ||
             json_object_set(out, "kindReadings", read) < 0 ||
             json_object_set_new(out, "related", json_integer(ECO_TIE_RELATED)) < 0;
    json_decref(types), json_decref(fills), json_decref(kinds), json_decref(colors);
    json_decref(read);
    if (failed) {
        json_decref(out);
        return NULL;
    }
    return out;
}

static json_t *view_json(const eco_graph *g, const double *xy, const double *size,
                         eco_measure measure)
{
    json_t *root = legend_json(), *actors = json_array(), *ties = json_array(), *years;
    double max_size = 0;
    int span[2], failed = !root || !actors || !ties;

    for (size_t i = 0; i < eco_graph_actor_count(g); i++)
        if (size[i] == size[i] && size[i] > max_size)
            max_size = size[i];
    for (size_t i = 0; !failed && i < eco_graph_actor_count(g); i++)
        failed = push(actors, actor_json(g, i, xy, size[i], max_size)) < 0;
    for (size_t i = 0; !failed && i < eco_graph_tie_count(g); i++)
        failed = push(ties, tie_json(g, eco_graph_tie(g, i))) < 0;
    json_t *records = failed ? NULL : records_json(g, span);
    years = records ? json_pack("[i i]", span[0], span[1]) : NULL;
    failed = failed || !records || !years || json_object_set_new(root, "records", records) < 0 ||
             json_object_set_new(root, "years", years) < 0 ||
             json_object_set_new(root, "actors", actors) < 0 ||
             json_object_set_new(root, "ties", ties) < 0 ||
             json_object_set_new(root, "measure", json_string(eco_measure_name(measure))) < 0;
    if (failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* ---- The page --------------------------------------------------------------------------- */

/* The base64 of the digest whose hex is given: what a CSP source names. */
static void hash_source(char out[48], const char *hex)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char bytes[33] = {0};
    size_t o = 0;

    for (size_t i = 0; i < 32; i++)
        bytes[i] = (unsigned char)strtoul((char[]){hex[2 * i], hex[2 * i + 1], 0}, NULL, 16);
    for (size_t i = 0; i < 32; i += 3) {
        unsigned v = (unsigned)bytes[i] << 16 | (unsigned)bytes[i + 1] << 8 | bytes[i + 2];
        out[o++] = digits[v >> 18 & 63];
        out[o++] = digits[v >> 12 & 63];
        out[o++] = i + 1 < 32 ? digits[v >> 6 & 63] : '=';
        out[o++] = i + 2 < 32 ? digits[v & 63] : '=';
    }
    out[o] = '\0';
}

/* Writes the JSON text with <, > and & as \u escapes, which only strings can hold, so that
 * nothing in it can end the data block or start markup. */
static int write_data(FILE *fp, const char *text)
{
    for (; *text; text++) {
        int failed = *text == '<'   ? fputs("\\u003c", fp) == EOF
                     : *text == '>' ? fputs("\\u003e", fp) == EOF
                     : *text == '&' ? fputs("\\u0026", fp) == EOF
                                    : fputc(*text, fp) == EOF;
        if (failed)
            return -1;
    }
    return 0;
}

static const char body_top[] =
    "<nav><h2>Search</h2><input id=\"search\" type=\"search\" placeholder=\"Name or alias\" "
    "autocomplete=\"off\"><ul id=\"results\"></ul>\n"
    "<div id=\"zoom\"><button id=\"zoom-in\">+</button> <button id=\"zoom-out\">&#8722;</button> "
    "<button id=\"zoom-fit\">Fit</button></div>\n"
    "<h2>Actor types</h2><div id=\"types\"></div><h2>Tie kinds</h2><div id=\"kinds\"></div>\n"
    "<h2>Country</h2><select id=\"country\"><option value=\"\">All countries</option></select>\n"
    "<h2>Years</h2><select id=\"from\"></select> to <select id=\"to\"></select>\n"
    "<p>Drag to pan, scroll to zoom, click an actor to read its ties and the evidence.</p>"
    "</nav>\n<main><canvas id=\"map\"></canvas></main>\n"
    "<aside id=\"panel\"><p>Click an actor, or search for one, to see its ties, the sentences "
    "that state them and the records they come from.</p></aside>\n";

static int write_page(FILE *fp, const char *title, const char *data)
{
    char script_hash[48], style_hash[48];
    int failed;

    hash_source(script_hash, eco_i_view_script_sha256);
    hash_source(style_hash, eco_i_view_style_sha256);
    failed = fprintf(fp, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                         "'none'; script-src 'sha256-%s'; style-src 'sha256-%s'\">\n<title>",
                     script_hash, style_hash) < 0;
    failed |= eco_i_xml_text(fp, title, 0) < 0;
    failed |= fputs("</title>\n<style>", fp) == EOF;
    failed |= fwrite(eco_i_view_style, 1, eco_i_view_style_len, fp) != eco_i_view_style_len;
    failed |= fputs("</style>\n</head><body>\n<header><h1>", fp) == EOF;
    failed |= eco_i_xml_text(fp, title, 0) < 0;
    failed |= fputs("</h1><span id=\"status\"></span></header>\n", fp) == EOF;
    failed |= fputs(body_top, fp) == EOF;
    failed |= fputs("<script type=\"application/json\" id=\"ecomap-data\">", fp) == EOF;
    failed |= write_data(fp, data) < 0;
    failed |= fputs("</script>\n<script>", fp) == EOF;
    failed |= fwrite(eco_i_view_script, 1, eco_i_view_script_len, fp) != eco_i_view_script_len;
    failed |= fputs("</script>\n</body></html>\n", fp) == EOF;
    return failed ? -1 : 0;
}

static int view_write(const eco_graph *g, const eco_view_options *opt, const char *path,
                      eco_error *err)
{
    size_t n = eco_graph_actor_count(g);
    double *xy = malloc((2 * n + 2) * sizeof(double)), *size = malloc((n + 1) * sizeof(double));
    eco_measure measure = opt ? opt->size_by : ECO_MEASURE_BETWEENNESS;
    json_t *root = NULL;
    char *text = NULL;
    eco_i_output out;
    int rc;

    eco_i_graphviz_begin();
    if (!xy || !size) {
        rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory writing the view");
        goto cleanup;
    }
    int estimated;
    if ((rc = eco_i_size_measure(size, &estimated, g, measure, err)) < 0 ||
        (rc = place_actors(xy, g, err)) < 0)
        goto cleanup;
    if (!(root = view_json(g, xy, size, measure)) || !(text = json_dumps(root, JSON_COMPACT))) {
        rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory writing the view");
        goto cleanup;
    }
    if ((rc = eco_i_output_open(&out, path, err)) < 0)
        goto cleanup;
    if (write_page(out.fp, opt && opt->title ? opt->title : "Ecosystem map", text) < 0) {
        eco_i_output_abort(&out);
        rc = eco_error_set(err, ECO_EIO, path, 0, 0, "cannot write the view");
    } else {
        rc = eco_i_output_commit(&out, err);
    }
cleanup:
    free(text);
    json_decref(root);
    free(xy);
    free(size);
    return rc;
}

int eco_view_write(const eco_graph *g, const eco_view_options *opt, const char *path,
                   eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_VIEW_OPTIONS_VERSION, "eco_view_options", err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = view_write(g, opt, path, err);
    eco_i_dependencies_unlock();
    return rc;
}
