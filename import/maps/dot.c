/*
 * import/maps/dot.c - Graphviz DOT, parsed by cgraph (which ecomap links for drawing):
 * every node and edge of the first graph in the file, subgraphs read flat, with their
 * attributes by name (import/maps/named.c).  An edge drawn with dir=none is undirected,
 * whatever the graph; one of a digraph is directed.  ecomap's own DOT (a graph named
 * "ecomap") keeps its data in attributes of their own (name, type, country; kind,
 * evidence), and its drawing attributes are left out.
 *
 * cgraph reports errors through a process-wide handler, and its parser is not reentrant: it
 * runs under the lock that every use of Graphviz takes (eco_i_dependencies_lock).  It gives no
 * positions for nodes and edges, so their evidence has no line; a syntax error names its line, and
 * the column of the token it stopped at is found in that line.
 */
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

static char parser_message[512]; /* what cgraph said while the lock was held */

/* cgraph hands a message over in pieces ("Error", ": ", the text): they are put together. */
static int keep_message(char *piece)
{
    size_t len = strlen(parser_message);
    snprintf(parser_message + len, sizeof(parser_message) - len, "%s", piece);
    return 0;
}

/* A syntax error as "line N near 'TOKEN'": where it is, and a message to act on. */
static int syntax_error(const eco_i_input *in, eco_error *err)
{
    const char *at = strstr(parser_message, "in line ");
    const char *near = strstr(parser_message, "near '");
    long line = at ? strtol(at + 8, NULL, 10) : 0;
    int column = 0;
    char token[64] = "";

    if (near && sscanf(near + 6, "%63[^']", token) != 1)
        token[0] = '\0';
    if (line > 0 && line < 1L << 30) {
        const char *p = in->data;
        for (long l = 1; l < line && p; l++)
            if ((p = strchr(p, '\n')))
                p++;
        const char *eol = p ? strchr(p, '\n') : NULL;
        const char *hit = p && *token ? eco_i_memmem(p, (size_t)(eol ? eol - p : (long)strlen(p)),
                                                     token, strlen(token))
                                      : NULL;
        column = hit ? 1 + (int)(hit - p) : p ? 1 : 0;
    }
    if (*token)
        return eco_error_set(err, ECO_EDATA, in->source, (int)line, column,
                             "DOT syntax error at '%s'", token);
    return eco_error_set(err, ECO_EDATA, in->source, (int)line, column,
                         "not a DOT graph cgraph can read (an unterminated string or brace?)");
}

/* ---- Nodes and edges -------------------------------------------------------------------- */

/* ecomap's own drawing attributes: a style, not data. */
static const char *const drawing[] = {"color",  "fillcolor", "fontcolor", "fontname",  "fontsize",
                                      "height", "width",     "margin",    "pos",       "shape",
                                      "style",  "tooltip",   "arrowhead", "arrowsize", "dir",
                                      "len",    "penwidth",  "id",        "lp",        "xlabel",
                                      "xlp",    "label",     "minlen",    "fixedsize", NULL};

typedef struct values {
    const char **names, **values;
    size_t count, name_cap, value_cap;
} values;

/* The object's attributes of kind that it sets: those with a value that is not empty.
 * "\N", the default label of a node, names the node: no value. */
static int collect(values *v, Agraph_t *g, void *obj, int kind)
{
    v->count = 0;
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym; sym = agnxtattr(g, kind, sym)) {
        char *value = agxget(obj, sym);
        if (!value || !*value || strcmp(value, "\\N") == 0)
            continue;
        if (eco_i_reserve(&v->names, &v->name_cap, v->count + 1, sizeof(char *)) < 0 ||
            eco_i_reserve(&v->values, &v->value_cap, v->count + 1, sizeof(char *)) < 0)
            return ECO_ENOMEM;
        v->names[v->count] = sym->name;
        v->values[v->count++] = value;
    }
    return 0;
}

static int no_evidence(values *v)
{
    if (eco_i_reserve(&v->names, &v->name_cap, v->count + 1, sizeof(char *)) < 0 ||
        eco_i_reserve(&v->values, &v->value_cap, v->count + 1, sizeof(char *)) < 0)
        return ECO_ENOMEM;
    v->names[v->count] = "evidence";
    v->values[v->count++] = "";
    return 0;
}

static int read_graph(eco_i_mapper *m, Agraph_t *g, eco_error *err)
{
    int ours = strcmp(agnameof(g), "ecomap") == 0, rc = 0;
    const char *const *skip = ours ? drawing : NULL;
    values v = {0};

    for (Agnode_t *n = agfstnode(g); n && rc == 0; n = agnxtnode(g, n)) {
        if ((rc = collect(&v, g, n, AGNODE)) < 0)
            break;
        eco_i_named named = {v.names, v.values, v.count, 0, 0};
        rc = eco_i_named_node(m, agnameof(n), NULL, &named, skip, err);
    }
    for (Agnode_t *n = agfstnode(g); n && rc == 0; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e && rc == 0; e = agnxtout(g, e)) {
            const char *dir = agget(e, (char *)"dir");
            int directed = dir && strcmp(dir, "none") == 0 ? 0 : agisdirected(g) ? 1 : -1;
            if ((rc = collect(&v, g, e, AGEDGE)) < 0)
                break;
            eco_i_named set = {v.names, v.values, v.count, 0, 0};
            /* ecomap writes an empty list as evidence="": a tie with none, not the file */
            if (ours && !eco_i_named_value(&set, "evidence") && (rc = no_evidence(&v)) < 0)
                break;
            eco_i_named named = {v.names, v.values, v.count, 0, 0};
            rc = eco_i_named_edge(m, agnameof(agtail(e)), agnameof(aghead(e)), directed, &named,
                                  skip, err);
        }
    free(v.names);
    free(v.values);
    if (rc == ECO_ENOMEM && err->code == 0)
        rc = eco_error_set(err, ECO_ENOMEM, m->in->source, 0, 0, "out of memory");
    return rc;
}

int eco_i_read_dot(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    eco_i_mapper m;
    Agraph_t *graph = NULL;
    int rc;

    if ((rc = eco_i_mapper_open(&m, in, "dot", err)) < 0)
        goto cleanup;
    if ((rc = eco_i_dependencies_lock(err)) < 0)
        goto cleanup;
    parser_message[0] = '\0';
    agreseterrors();
    agusererrf previous = agseterrf(keep_message);
    graph = agmemread(in->data);
    if (!graph || agerrors() > 0)
        rc = syntax_error(in, err);
    agseterrf(previous);
    eco_i_dependencies_unlock();
    if (rc < 0 || (rc = read_graph(&m, graph, err)) < 0)
        goto cleanup;
    rc = eco_i_mapper_finish(&m, g, err);
cleanup:
    if (graph)
        agclose(graph);
    eco_i_mapper_close(&m);
    return rc;
}
