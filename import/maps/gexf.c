/*
 * import/maps/gexf.c - GEXF 1.2 and 1.3, as Gephi writes them: <attributes> declared per
 * class with their defaults, <node>s and <edge>s with their <attvalues>, and Gephi's
 * viz:color and viz:size, read with the tokenizer of import/maps/xml.c.
 *
 * Each node and edge is made when its tag closes (GEXF puts every node before the edges),
 * from its values by name (import/maps/named.c): the attributes' titles, its label, weight
 * and kind, and its colour ("#rrggbb") and size.  ecomap's own GEXF (its <creator> says so)
 * comes back as it was written: its colours, sizes and degrees are the exporter's drawing,
 * not data, and are left out.  Spells, positions and shapes are left out of every file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

typedef struct declared {
    char *id;       /* as <attvalue for=...> names it */
    char *title;    /* its name; the id when there is none */
    char *fallback; /* <default>, or NULL */
} declared;

typedef struct element {
    int open; /* 1 while a node or edge is being read */
    int is_edge;
    int line, column;                                          /* where its tag starts */
    char *id, *label, *source, *target, *type, *weight, *kind; /* its tag's attributes */
    char **values; /* per declared attribute of its class: its attvalue, or NULL */
    char color[8]; /* viz:color as "#rrggbb", or "" */
    char *size;    /* viz:size, or NULL */
} element;

typedef struct reader {
    const eco_i_input *in;
    eco_error *err;
    eco_i_xml xml;
    declared *decl[2]; /* per class (0 node, 1 edge): the attributes declared */
    size_t count[2], cap[2];
    eco_i_map decl_of[2]; /* eco_i_hash of an id -> its first declaration */
    int class;            /* the class of the <attributes> being read */
    int directed;         /* the graph's defaultedgetype is "directed" */
    int ours;             /* the file's <creator> is ecomap */
    element e;
    eco_i_mapper m;
} reader;

static int oom(reader *r)
{
    return eco_error_set(r->err, ECO_ENOMEM, r->in->source, r->xml.line, 0, "out of memory");
}

static int error_here(reader *r, const char *fmt, const char *value)
{
    return eco_error_set(r->err, ECO_EDATA, r->in->source, r->xml.token_line, r->xml.token_column,
                         fmt, value);
}

static char *copy(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void element_clear(reader *r)
{
    element *e = &r->e;
    char **fields[] = {&e->id,   &e->label,  &e->source, &e->target,
                       &e->type, &e->weight, &e->kind,   &e->size};
    for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++) {
        free(*fields[i]);
        *fields[i] = NULL;
    }
    if (e->values)
        for (size_t i = 0; i < r->count[e->is_edge]; i++)
            free(e->values[i]);
    free(e->values);
    e->values = NULL;
    e->open = 0;
    e->color[0] = '\0';
}

static void reader_free(reader *r)
{
    element_clear(r);
    for (int c = 0; c < 2; c++) {
        for (size_t i = 0; i < r->count[c]; i++) {
            free(r->decl[c][i].id);
            free(r->decl[c][i].title);
            free(r->decl[c][i].fallback);
        }
        free(r->decl[c]);
        eco_i_map_free(&r->decl_of[c]);
    }
    eco_i_xml_free(&r->xml);
    eco_i_mapper_close(&r->m);
}

/* The text of the element just opened, up to its close. */
static int element_text(reader *r, char **out)
{
    int markup;
    return eco_i_xml_element_text(&r->xml, r->in->source, out, &markup, r->err);
}

/* ---- Declarations ----------------------------------------------------------------------- */

static int read_attribute(reader *r)
{
    const char *id = eco_i_xml_attribute(&r->xml, "id");
    const char *title = eco_i_xml_attribute(&r->xml, "title");
    size_t depth = r->xml.depth, first;
    int c = r->class, token;
    declared *d;

    if (!id || !*id)
        return error_here(r, "<attribute> has no id%s", "");
    if (r->e.open)
        return error_here(r, "<attribute> inside a <node> or <edge>%s", "");
    if (eco_i_reserve(&r->decl[c], &r->cap[c], r->count[c] + 1, sizeof(declared)) < 0)
        return oom(r);
    d = &r->decl[c][r->count[c]++];
    *d = (declared){strdup(id), strdup(title && *title ? title : id), NULL};
    if (!d->id || !d->title ||
        eco_i_map_get_or_put(&r->decl_of[c], eco_i_hash(id, strlen(id)), r->count[c] - 1, &first) <
            0)
        return oom(r);
    while ((token = eco_i_xml_next(&r->xml, r->in->source, r->err)) > 0) {
        if (token == ECO_I_XML_CLOSE && r->xml.depth < depth)
            return 0;
        if (token == ECO_I_XML_OPEN && strcmp(eco_i_xml_local(r->xml.name), "default") == 0) {
            free(d->fallback);
            d->fallback = NULL;
            if ((token = element_text(r, &d->fallback)) < 0)
                return token;
        }
    }
    return token;
}

static int find_declared(const reader *r, int c, const char *id, size_t *out)
{
    return eco_i_map_get(&r->decl_of[c], eco_i_hash(id, strlen(id)), out) &&
           strcmp(r->decl[c][*out].id, id) == 0;
}

/* ---- Nodes and edges -------------------------------------------------------------------- */

static int begin(reader *r, int is_edge)
{
    element *e = &r->e;
    const char *id = eco_i_xml_attribute(&r->xml, "id");
    const char *source = eco_i_xml_attribute(&r->xml, "source");
    const char *target = eco_i_xml_attribute(&r->xml, "target");

    if (!is_edge && (!id || !*id))
        return error_here(r, "<node> has no id%s", "");
    if (is_edge && (!source || !*source || !target || !*target))
        return error_here(r, "<edge> needs a source and a target%s", "");
    e->open = 1;
    e->is_edge = is_edge;
    e->line = r->xml.token_line;
    e->column = r->xml.token_column;
    e->id = copy(id);
    e->source = copy(source);
    e->target = copy(target);
    e->label = copy(eco_i_xml_attribute(&r->xml, "label"));
    e->type = copy(eco_i_xml_attribute(&r->xml, "type"));
    e->weight = copy(eco_i_xml_attribute(&r->xml, "weight"));
    e->kind = copy(eco_i_xml_attribute(&r->xml, "kind"));
    e->values = calloc(r->count[is_edge] + 1, sizeof(char *));
    if (!e->values || (id && !e->id) || (source && !e->source) || (target && !e->target))
        return oom(r);
    return 0;
}

static int read_attvalue(reader *r)
{
    /* GEXF 1.1 named the attribute with "id"; 1.2 and 1.3 with "for" */
    const char *id = eco_i_xml_attribute(&r->xml, "for");
    const char *value = eco_i_xml_attribute(&r->xml, "value");
    size_t k;

    if (!id)
        id = eco_i_xml_attribute(&r->xml, "id");
    if (!r->e.open)
        return 0;
    if (!id || !find_declared(r, r->e.is_edge, id, &k))
        return error_here(r, "<attvalue> names no <attribute> declared before it: \"%s\"",
                          id ? id : "");
    free(r->e.values[k]);
    r->e.values[k] = copy(value ? value : "");
    return value && !r->e.values[k] ? oom(r) : 0;
}

static int read_viz(reader *r, const char *name)
{
    if (!r->e.open)
        return 0;
    if (strcmp(name, "color") == 0) {
        const char *rgb[3] = {eco_i_xml_attribute(&r->xml, "r"), eco_i_xml_attribute(&r->xml, "g"),
                              eco_i_xml_attribute(&r->xml, "b")};
        const char *hex = eco_i_xml_attribute(&r->xml, "hex"); /* GEXF 1.3's other form */
        long c[3];
        char *end;
        if (hex && strlen(hex) < sizeof(r->e.color)) {
            strcpy(r->e.color, hex);
            return 0;
        }
        for (int i = 0; i < 3; i++)
            if (!rgb[i] || (c[i] = strtol(rgb[i], &end, 10)) < 0 || c[i] > 255 || *end ||
                end == rgb[i])
                return error_here(r, "<viz:color> needs r, g and b from 0 to 255%s", "");
        snprintf(r->e.color, sizeof(r->e.color), "#%02lx%02lx%02lx", c[0], c[1], c[2]);
    } else if (strcmp(name, "size") == 0) {
        free(r->e.size);
        if (!(r->e.size = copy(eco_i_xml_attribute(&r->xml, "value"))) &&
            eco_i_xml_attribute(&r->xml, "value"))
            return oom(r);
    }
    return 0;
}

/* What ecomap's own GEXF adds for drawing, not data. */
static const char *const drawing[] = {"degree", NULL};

static int finish(reader *r)
{
    element *e = &r->e;
    size_t n = r->count[e->is_edge], count = 0;
    const char **names = malloc((n + 6) * sizeof(char *));
    const char **values = malloc((n + 6) * sizeof(char *));
    int rc;

    if (!names || !values) {
        free(names);
        free(values);
        return oom(r);
    }
    /* attvalues first, then their defaults, then the tag's own: the first value of a name wins */
    for (size_t i = 0; i < n; i++) {
        const declared *d = &r->decl[e->is_edge][i];
        names[count] = d->title;
        values[count++] = e->values[i] ? e->values[i] : d->fallback;
        /* ecomap leaves out an empty list: its node was seen in no record, its edge has no
         * evidence, and neither is the file */
        if (r->ours && !values[count - 1] &&
            (strcmp(d->title, "records") == 0 || strcmp(d->title, "evidence") == 0))
            values[count - 1] = "";
    }
    /* a node's label is its name; an edge's may say its relation */
    const char *tag[][2] = {{"label", e->is_edge ? e->label : NULL},
                            {"weight", e->weight},
                            {"kind", e->kind},
                            {"color", r->ours || !*e->color ? NULL : e->color},
                            {"size", r->ours ? NULL : e->size}};
    for (size_t i = 0; i < sizeof(tag) / sizeof(*tag); i++)
        names[count] = tag[i][0], values[count++] = tag[i][1];
    eco_i_named v = {names, values, count, e->line, e->column};
    int directed = !e->type ? (r->directed ? 1 : -1) : strcmp(e->type, "directed") == 0;
    rc = e->is_edge
             ? eco_i_named_edge(&r->m, e->source, e->target, directed, &v, r->ours ? drawing : NULL,
                                r->err)
             : eco_i_named_node(&r->m, e->id, e->label, &v, r->ours ? drawing : NULL, r->err);
    free(names);
    free(values);
    element_clear(r);
    return rc;
}

/* ---- The document ----------------------------------------------------------------------- */

static int open_tag(reader *r, const char *name)
{
    int rc;
    if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
        /* a node nested in a node (a hierarchy) is read flat: its parent is made first */
        if (r->e.open && (rc = finish(r)) < 0)
            return rc;
        return begin(r, name[0] == 'e');
    }
    if (strcmp(name, "attvalue") == 0)
        return read_attvalue(r);
    if (strcmp(name, "attribute") == 0)
        return read_attribute(r);
    if (strcmp(name, "attributes") == 0) {
        const char *c = eco_i_xml_attribute(&r->xml, "class");
        r->class = c && strcmp(c, "edge") == 0;
        return 0;
    }
    if (strcmp(name, "graph") == 0) {
        const char *d = eco_i_xml_attribute(&r->xml, "defaultedgetype");
        r->directed = d && strcmp(d, "directed") == 0;
        return 0;
    }
    if (strcmp(name, "creator") == 0) {
        char *text;
        if ((rc = element_text(r, &text)) < 0)
            return rc;
        r->ours = strcmp(text, "ecomap") == 0;
        free(text);
        return 0;
    }
    if (strcmp(name, "color") == 0 || strcmp(name, "size") == 0)
        return read_viz(r, name);
    return 0;
}

int eco_i_read_gexf(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    reader r;
    int rc, token;

    memset(&r, 0, sizeof(r));
    r.in = in;
    r.err = err;
    eco_i_xml_init(&r.xml, in->data, in->len);
    if ((rc = eco_i_mapper_open(&r.m, in, "gexf", err)) < 0)
        goto cleanup;
    while ((token = eco_i_xml_next(&r.xml, in->source, err)) > 0) {
        const char *name = token == ECO_I_XML_TEXT ? "" : eco_i_xml_local(r.xml.name);
        if (token == ECO_I_XML_OPEN)
            rc = open_tag(&r, name);
        else if (token == ECO_I_XML_CLOSE && r.e.open &&
                 strcmp(name, r.e.is_edge ? "edge" : "node") == 0)
            rc = finish(&r);
        if (rc < 0)
            goto cleanup;
    }
    if ((rc = token) < 0)
        goto cleanup;
    rc = eco_i_mapper_finish(&r.m, g, err);
cleanup:
    reader_free(&r);
    return rc;
}
