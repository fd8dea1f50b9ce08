/*
 * import/maps/graphml.c - GraphML: <key>s with their defaults, <node>s and <edge>s with their
 * <data>, read with the tokenizer of import/xml.c.
 *
 * ecomap's own GraphML (docs/FORMAT.md) comes back as it was written: "aliases" and
 * "records" are '|' lists, "evidence" is a list of "RECORD:LINE: TEXT" items, "directed"
 * says each edge's direction.  Another tool's file (NetworkX, igraph, Gephi, yEd) gives
 * its nodes' data as attributes, and each edge the file's line as evidence, with the edge's
 * other data as text.  Nested graphs are read flat; data holding markup (yEd's graphics)
 * is skipped.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "maps.h"

typedef struct key {
    char *id;       /* as <data key=...> names it */
    char *name;     /* attr.name, or the id when there is none */
    char *domain;   /* for: "node", "edge", "graph" or "all" */
    char *fallback; /* <default>, or NULL */
    size_t name_id; /* the index of the first key of this name */
} key;

typedef struct datum {
    size_t key;  /* index in keys */
    char *value; /* its text */
} datum;

/* A node or an edge, kept until the whole file is read: edges may come before their ends. */
typedef struct item {
    int is_edge;
    int line, column;           /* where its tag starts */
    char *id, *source, *target; /* owned; source and target for edges */
    int directed;               /* the edge's directed="..." attribute: 1, 0, or -1 when absent */
    datum *data;
    size_t data_count, data_cap;
} item;

typedef struct reader {
    const eco_i_input *in;
    eco_error *err;
    eco_i_xml xml;
    key *keys;
    size_t key_count, key_cap;
    eco_i_map key_of_id;   /* eco_i_hash of an id -> its first key */
    eco_i_map key_of_name; /* eco_i_hash of a name -> its first key (the name's id) */
    /* Built once the file is read, per domain (0 node, 1 edge), indexed by name id: */
    size_t *fallback_of[2]; /* the first key of the name with a default there, or NONE */
    unsigned char *declared[2]; /* 1 when a key of the name is for that domain */
    size_t *with_default[2];    /* the name ids with a default there, ascending */
    size_t default_count[2];
    size_t *seen;               /* per name id: the last item each_value met it in */
    const char **found;         /* per name id: its value in that item */
    size_t item_serial;         /* the item each_value reads */
    item *items;
    size_t item_count, item_cap;
    int directed; /* the graph's edgedefault is "directed" */
    eco_i_mapper m;
} reader;

static int oom(reader *r)
{
    return eco_error_set(r->err, ECO_ENOMEM, r->in->source, r->xml.line, 0, "out of memory");
}

static int error_at(reader *r, int line, int column, const char *fmt, const char *value)
{
    return eco_error_set(r->err, ECO_EDATA, r->in->source, line, column, fmt, value);
}

static void reader_free(reader *r)
{
    for (size_t i = 0; i < r->key_count; i++) {
        free(r->keys[i].id);
        free(r->keys[i].name);
        free(r->keys[i].domain);
        free(r->keys[i].fallback);
    }
    free(r->keys);
    eco_i_map_free(&r->key_of_id);
    eco_i_map_free(&r->key_of_name);
    for (int d = 0; d < 2; d++) {
        free(r->fallback_of[d]);
        free(r->declared[d]);
        free(r->with_default[d]);
    }
    free(r->seen);
    free(r->found);
    for (size_t i = 0; i < r->item_count; i++) {
        item *it = &r->items[i];
        for (size_t d = 0; d < it->data_count; d++)
            free(it->data[d].value);
        free(it->data);
        free(it->id);
        free(it->source);
        free(it->target);
    }
    free(r->items);
    eco_i_xml_free(&r->xml);
    eco_i_mapper_close(&r->m);
}

static char *copy_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* ---- Reading the XML -------------------------------------------------------------------- */

static int element_text(reader *r, char **out, int *has_markup)
{
    return eco_i_xml_element_text(&r->xml, r->in->source, out, has_markup, r->err);
}

static int read_key(reader *r)
{
    const char *id = eco_i_xml_attribute(&r->xml, "id");
    const char *name = eco_i_xml_attribute(&r->xml, "attr.name");
    const char *domain = eco_i_xml_attribute(&r->xml, "for");
    size_t depth = r->xml.depth;
    key *k;
    int token;

    if (!id || !*id)
        return error_at(r, r->xml.token_line, r->xml.token_column, "<key> has no id%s", "");
    if (eco_i_reserve(&r->keys, &r->key_cap, r->key_count + 1, sizeof(*r->keys)) < 0)
        return oom(r);
    k = &r->keys[r->key_count++];
    memset(k, 0, sizeof(*k));
    if (!(k->id = strdup(id)) || !(k->name = strdup(name && *name ? name : id)) ||
        !(k->domain = strdup(domain ? domain : "all")))
        return oom(r);
    /* hashed, so that a file of 100,000 keys costs 100,000 probes, not a scan per <data> */
    size_t first;
    k->name_id = r->key_count - 1;
    if (eco_i_map_get_or_put(&r->key_of_id, eco_i_hash(id, strlen(id)), r->key_count - 1,
                             &first) < 0 ||
        eco_i_map_get_or_put(&r->key_of_name, eco_i_hash(k->name, strlen(k->name)),
                             r->key_count - 1, &k->name_id) < 0)
        return oom(r);
    if (strcmp(r->keys[k->name_id].name, k->name) != 0)
        k->name_id = r->key_count - 1; /* two names of one hash: told apart, not merged */
    /* <default> is the only child that matters. */
    while ((token = eco_i_xml_next(&r->xml, r->in->source, r->err)) > 0) {
        if (token == ECO_I_XML_CLOSE && r->xml.depth < depth)
            return 0;
        if (token == ECO_I_XML_OPEN && strcmp(eco_i_xml_local(r->xml.name), "default") == 0) {
            int markup;
            free(k->fallback);
            k->fallback = NULL;
            if ((token = element_text(r, &k->fallback, &markup)) < 0)
                return token;
        }
    }
    return token;
}

static int find_key(const reader *r, const char *id, size_t *out)
{
    return eco_i_map_get(&r->key_of_id, eco_i_hash(id, strlen(id)), out) &&
           strcmp(r->keys[*out].id, id) == 0;
}

static int read_data(reader *r, item *it)
{
    const char *id = eco_i_xml_attribute(&r->xml, "key");
    int line = r->xml.token_line, column = r->xml.token_column, markup, rc;
    size_t k;
    char *text;

    char *wanted = id ? strdup(id) : NULL; /* the tag's attributes go with the next token */

    if (id && !wanted)
        return oom(r);
    /* The text first, so that what breaks inside it is reported before what it names. */
    if ((rc = element_text(r, &text, &markup)) < 0) {
        free(wanted);
        return rc;
    }
    if (!wanted || !find_key(r, wanted, &k)) {
        free(text);
        rc = error_at(r, line, column, "<data> names no <key> declared before it: \"%s\"",
                      wanted ? wanted : "");
        free(wanted);
        return rc;
    }
    free(wanted);
    if (markup) {
        free(text);
        return 0;
    }
    if (eco_i_reserve(&it->data, &it->data_cap, it->data_count + 1, sizeof(*it->data)) < 0) {
        free(text);
        return oom(r);
    }
    it->data[it->data_count++] = (datum){k, text};
    return 0;
}

/* Reads a <node> or <edge> and its <data>, up to its close.  Elements inside (a nested
 * <graph>'s nodes) are read as items of their own. */
static int read_item(reader *r, int is_edge);

static int read_children(reader *r, item *owner, size_t index, size_t depth)
{
    int token;

    while ((token = eco_i_xml_next(&r->xml, r->in->source, r->err)) > 0) {
        if (token == ECO_I_XML_CLOSE && r->xml.depth < depth)
            return 0;
        if (token != ECO_I_XML_OPEN)
            continue;
        const char *name = eco_i_xml_local(r->xml.name);
        if (owner && strcmp(name, "data") == 0) {
            if ((token = read_data(r, &r->items[index])) < 0)
                return token;
        } else if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
            if ((token = read_item(r, name[0] == 'e')) < 0)
                return token;
        } else if (strcmp(name, "key") == 0) {
            if ((token = read_key(r)) < 0)
                return token;
        } else if (strcmp(name, "hyperedge") == 0) {
            /* a tie of three or more ends has no place in a map of pairs: said, not dropped
             * without a word */
            if ((token = eco_i_warn(r->in->opt, r->err, r->in->source, r->xml.token_line,
                                    r->xml.token_column,
                                    "<hyperedge> left out: a map's ties join two actors")) < 0)
                return token;
        } else if (strcmp(name, "graph") == 0) {
            const char *d = eco_i_xml_attribute(&r->xml, "edgedefault");
            if (d) /* a nested graph without one keeps its parent's */
                r->directed = strcmp(d, "directed") == 0;
        }
        owner = index == (size_t)-1 ? NULL : &r->items[index];
    }
    return token;
}

static int read_item(reader *r, int is_edge)
{
    const char *id = eco_i_xml_attribute(&r->xml, "id");
    const char *source = eco_i_xml_attribute(&r->xml, "source");
    const char *target = eco_i_xml_attribute(&r->xml, "target");
    const char *directed = eco_i_xml_attribute(&r->xml, "directed");
    size_t index = r->item_count;
    item *it;

    if (!is_edge && (!id || !*id))
        return error_at(r, r->xml.token_line, r->xml.token_column, "<node> has no id%s", "");
    if (is_edge && (!source || !target))
        return error_at(r, r->xml.token_line, r->xml.token_column,
                        "<edge> needs a source and a target%s", "");
    if (eco_i_reserve(&r->items, &r->item_cap, r->item_count + 1, sizeof(*r->items)) < 0)
        return oom(r);
    it = &r->items[r->item_count++];
    memset(it, 0, sizeof(*it));
    *it = (item){is_edge,
                 r->xml.token_line,
                 r->xml.token_column,
                 copy_or_null(id),
                 copy_or_null(source),
                 copy_or_null(target),
                 directed ? strcmp(directed, "true") == 0 || strcmp(directed, "1") == 0 : -1,
                 NULL,
                 0,
                 0};
    if ((id && !it->id) || (source && !it->source) || (target && !it->target))
        return oom(r);
    return read_children(r, it, index, r->xml.depth);
}

/* ---- Nodes and edges into the map ------------------------------------------------------- */

static const char *const node_fields[] = {"id",      "name",    "type", "country", "country_code",
                                          "aliases", "records", NULL};

/* ---- Keys by name, per domain ---------------------------------------------------------- */

#define NO_KEY ((size_t)-1)

static int in_domain(const key *k, int domain)
{
    return strcmp(k->domain, domain ? "edge" : "node") == 0 || strcmp(k->domain, "all") == 0;
}

/* Once every key is read: for each domain, each name's first key with a default there,
 * whether any key of the name is for it, and the names with a default, so that reading an
 * item costs its own data and the defaults, never a scan of every key. */
static int index_keys(reader *r)
{
    size_t n = r->key_count ? r->key_count : 1;

    if (!(r->seen = malloc(n * sizeof(*r->seen))) || !(r->found = malloc(n * sizeof(*r->found))))
        return oom(r);
    for (size_t i = 0; i < r->key_count; i++)
        r->seen[i] = NO_KEY;
    for (int d = 0; d < 2; d++) {
        if (!(r->fallback_of[d] = malloc(n * sizeof(size_t))) ||
            !(r->declared[d] = calloc(n, 1)) || !(r->with_default[d] = malloc(n * sizeof(size_t))))
            return oom(r);
        for (size_t i = 0; i < r->key_count; i++)
            r->fallback_of[d][i] = NO_KEY;
        for (size_t i = 0; i < r->key_count; i++) {
            const key *k = &r->keys[i];
            if (!in_domain(k, d))
                continue;
            r->declared[d][k->name_id] = 1;
            if (k->fallback && r->fallback_of[d][k->name_id] == NO_KEY) {
                r->fallback_of[d][k->name_id] = i;
                r->with_default[d][r->default_count[d]++] = k->name_id;
            }
        }
    }
    return 0;
}

/* The name id of name, or NO_KEY when no key has that name. */
static size_t name_id(const reader *r, const char *name)
{
    size_t id;
    if (!eco_i_map_get(&r->key_of_name, eco_i_hash(name, strlen(name)), &id) ||
        strcmp(r->keys[id].name, name) != 0)
        return NO_KEY;
    return id;
}

/* The value of the data of name id in it, its key's default when absent; NULL when none. */
static const char *value_of_id(const reader *r, const item *it, size_t id)
{
    size_t k;
    if (id == NO_KEY)
        return NULL;
    for (size_t d = 0; d < it->data_count; d++)
        if (r->keys[it->data[d].key].name_id == id)
            return it->data[d].value;
    k = r->fallback_of[it->is_edge][id];
    return k == NO_KEY ? NULL : r->keys[k].fallback;
}

static const char *value_of(const reader *r, const item *it, const char *name)
{
    return value_of_id(r, it, name_id(r, name));
}

/* 1 when the file declares a key named name for the item's kind: ecomap's own GraphML
 * declares "records" and "evidence", and leaves out a <data> whose list is empty. */
static int declares(const reader *r, const item *it, const char *name)
{
    size_t id = name_id(r, name);
    return id != NO_KEY && r->declared[it->is_edge][id];
}

/* Keys of the item's domain with a default, and the data it has: each name once, in the
 * order the names were first declared. */
typedef int (*pair_fn)(reader *r, const char *name, const char *value, void *ctx);

static int by_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int each_value(reader *r, const item *it, pair_fn fn, void *ctx)
{
    size_t serial = r->item_serial++, n = 0, *ids;
    size_t defaults = r->default_count[it->is_edge];
    int rc = 0;

    if (!(ids = malloc((it->data_count + defaults + 1) * sizeof(*ids))))
        return oom(r);
    for (size_t d = 0; d < it->data_count; d++) {
        const key *k = &r->keys[it->data[d].key];
        if (in_domain(k, it->is_edge) && r->seen[k->name_id] != serial) {
            r->seen[k->name_id] = serial;
            r->found[k->name_id] = it->data[d].value; /* the first datum of a name wins */
            ids[n++] = k->name_id;
        }
    }
    for (size_t d = 0; d < defaults; d++) {
        size_t id = r->with_default[it->is_edge][d];
        if (r->seen[id] != serial) {
            r->seen[id] = serial;
            r->found[id] = r->keys[r->fallback_of[it->is_edge][id]].fallback;
            ids[n++] = id;
        }
    }
    qsort(ids, n, sizeof(*ids), by_index);
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = fn(r, r->keys[ids[i]].name, r->found[ids[i]], ctx);
    free(ids);
    return rc;
}

typedef struct node_ctx {
    size_t actor;
    const char *name_key; /* the key the name was taken from */
} node_ctx;

static int node_attribute(reader *r, const char *name, const char *value, void *ctx)
{
    node_ctx *n = ctx;
    for (size_t i = 0; node_fields[i]; i++)
        if (strcmp(name, node_fields[i]) == 0)
            return 0;
    if (n->name_key && strcmp(name, n->name_key) == 0)
        return 0;
    return eco_i_mapper_attribute(&r->m, n->actor, name, value, node_fields) < 0 ? oom(r) : 0;
}

static int make_node(reader *r, const item *it)
{
    static const char *const name_keys[] = {"name", "label", "Label", "title", "Name", NULL};
    const char *type_text = value_of(r, it, "type"), *records = value_of(r, it, "records");
    node_ctx n = {0, NULL};
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    const char *name = NULL, *country;
    int rc;

    for (size_t i = 0; name_keys[i] && !name; i++)
        if ((name = value_of(r, it, name_keys[i])) && !*name)
            name = NULL;
        else if (name)
            n.name_key = name_keys[i];
    if (type_text && *type_text && eco_actor_type_from_name(&type, type_text) < 0)
        type = eco_i_type_from_text(type_text);
    else
        type_text = NULL;
    country = value_of(r, it, "country");
    rc = eco_i_mapper_node(&r->m, &n.actor, it->id, name, type,
                           country && *country ? country : value_of(r, it, "country_code"));
    if (rc == ECO_EDATA)
        return error_at(r, it->line, it->column, "node id \"%s\" appears twice", it->id);
    if (rc < 0)
        return oom(r);
    const char *alias_text = value_of(r, it, "aliases");
    if ((alias_text && eco_i_list_add(r->m.map, n.actor, eco_graph_add_alias, alias_text) < 0) ||
        (records ? eco_i_list_add(r->m.map, n.actor, eco_graph_add_actor_record, records)
         : declares(r, it, "records") ? 0
                                      : eco_i_mapper_seen(&r->m, n.actor)) < 0 ||
        (type_text && eco_graph_set_attribute(r->m.map, n.actor, "type", type_text) < 0))
        return oom(r);
    return each_value(r, it, node_attribute, &n);
}

static const char *const edge_fields[] = {"kind", "directed", "weight", "evidence", NULL};

typedef struct text_ctx {
    char *buf;
    size_t len, cap;
} text_ctx;

static int text_add(text_ctx *t, const char *s)
{
    size_t n = strlen(s);
    if (eco_i_reserve(&t->buf, &t->cap, t->len + n + 1, 1) < 0)
        return ECO_ENOMEM;
    memcpy(t->buf + t->len, s, n + 1);
    t->len += n;
    return 0;
}

/* Another tool's edge data, as the text of its evidence: "name: value; ...". */
static int edge_attribute(reader *r, const char *name, const char *value, void *ctx)
{
    text_ctx *t = ctx;
    for (size_t i = 0; edge_fields[i]; i++)
        if (strcmp(name, edge_fields[i]) == 0)
            return 0;
    if ((t->len && text_add(t, "; ") < 0) || text_add(t, name) < 0 || text_add(t, ": ") < 0 ||
        text_add(t, value) < 0)
        return oom(r);
    return 0;
}

static int edge_kind(const reader *r, const item *it, eco_tie_kind *out, const char **said)
{
    static const char *const keys[] = {"kind",        "type",  "relation", "relationship",
                                       "interaction", "label", NULL};
    const char *text = NULL;
    *out = ECO_TIE_PARTNERSHIP;
    *said = NULL;
    for (size_t i = 0; keys[i] && !text; i++)
        if ((text = value_of(r, it, keys[i])) && !*text)
            text = NULL;
    if (!text || eco_tie_kind_from_name(out, text) == 0)
        return 0;
    if (!eco_i_kind_from_text(out, text))
        *out = ECO_TIE_RELATED;
    *said = text;
    return 0;
}

static int make_edge(reader *r, const item *it)
{
    const char *weight_text = value_of(r, it, "weight"), *directed = value_of(r, it, "directed");
    const char *evidence = value_of(r, it, "evidence"), *said;
    eco_tie t = {0};
    int rc;

    edge_kind(r, it, &t.kind, &said);
    t.directed = it->directed >= 0 ? it->directed
                 : r->directed     ? 1
                                   : eco_tie_kind_is_directed(t.kind);
    if (directed && *directed)
        t.directed = strcasecmp(directed, "true") == 0 || strcmp(directed, "1") == 0;
    t.weight = 1;
    if (weight_text && *weight_text &&
        (eco_i_parse_double(weight_text, &t.weight) < 0 || !eco_i_weight_ok(t.weight)))
        return error_at(r, it->line, it->column, "weight \"%s\" is not " ECO_I_WEIGHT_RANGE,
                        weight_text);
    if ((rc = eco_i_mapper_end(&r->m, &t.source, it->source, it->line, it->column, r->err)) < 0 ||
        (rc = eco_i_mapper_end(&r->m, &t.target, it->target, it->line, it->column, r->err)) < 0)
        return rc;
    if (t.source == t.target)
        return eco_i_warn(r->in->opt, r->err, r->in->source, it->line, it->column,
                          "edge from \"%s\" to itself ignored", it->source);
    if (evidence || declares(r, it, "evidence"))
        return eco_i_mapper_tie_items(&r->m, &t, evidence ? evidence : "") < 0 ? oom(r) : 0;
    text_ctx text = {0};
    eco_evidence ev;
    if ((rc = each_value(r, it, edge_attribute, &text)) == 0 &&
        (eco_i_mapper_evidence(&r->m, &ev, it->line, text.buf ? text.buf : said) < 0 ||
         eco_graph_add_tie(NULL, r->m.map, t.source, t.target, t.kind, t.directed, t.weight,
                           &ev) < 0))
        rc = oom(r);
    free(text.buf);
    return rc;
}

int eco_i_read_graphml(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    reader r = {0};
    int rc;

    r.in = in;
    r.err = err;
    eco_i_xml_init(&r.xml, in->data, in->len);
    if ((rc = eco_i_mapper_open(&r.m, in, "graphml", err)) < 0)
        goto cleanup;
    if ((rc = read_children(&r, NULL, (size_t)-1, 0)) < 0 || (rc = index_keys(&r)) < 0)
        goto cleanup;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < r.item_count; i++)
            if (r.items[i].is_edge == pass &&
                (rc = pass ? make_edge(&r, &r.items[i]) : make_node(&r, &r.items[i])) < 0)
                goto cleanup;
    rc = eco_i_mapper_finish(&r.m, g, err);
cleanup:
    reader_free(&r);
    return rc;
}
