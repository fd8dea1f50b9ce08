/*
 * import/aliases.c - the user's alias file (--aliases): CSV lines "alias,canonical[,type,
 * country]", read into a lexicon of known organisations (core/lexicon.c) once per import.
 * Each line is one row of the CSV reader (import/csv.c), so a quoted field ends on its line.
 * The records' readers recognise its names in text, as they do the gazetteer's, and
 * resolution merges and renames the actors its lines designate.
 */
#include <stdlib.h>
#include <string.h>

#include "hub.h"

/* ---- Names and what they stand for ------------------------------------------------------ */

/*
 * Every name an alias file writes is a node; a line "alias,canonical" makes alias a name of
 * canonical.  The nodes a name leads to, line after line, form a forest whose roots are the
 * bodies: a union-find with path halving finds a name's body in near-constant time, so a
 * chain of 20,000 lines costs 20,000 steps, not 200 million.  Names are the same node when
 * they fold alike (eco_name_fold); a name whose folded form is too long to hash is compared
 * as written, so two long names that share their first 255 bytes stay two.
 */
typedef struct alias_line {
    char *alias, *canonical, *country; /* as written (owned); alias "" when none */
    eco_actor_type type;               /* ECO_TYPE_UNKNOWN when not given */
    size_t alias_node, canonical_node; /* nodes of the two names */
} alias_line;

typedef struct alias_file {
    eco_i_map node_of;     /* name key -> node */
    size_t *parent;        /* union-find: towards the node's body */
    size_t *named;         /* the node a line made this one a name of; itself when none */
    int *named_on;         /* the line that did */
    const char **spelling; /* the node's latest spelling as a canonical name, else its first */
    size_t nodes, node_cap, named_cap, line_cap, spelling_cap;
    alias_line *lines; /* the lines with a name, in order */
    size_t line_count, lines_cap;
} alias_file;

static void alias_file_free(alias_file *f)
{
    for (size_t i = 0; i < f->line_count; i++) {
        free(f->lines[i].alias);
        free(f->lines[i].canonical);
        free(f->lines[i].country);
    }
    free(f->lines);
    free(f->parent);
    free(f->named);
    free(f->named_on);
    free(f->spelling);
    eco_i_map_free(&f->node_of);
}

static uint64_t name_key(const char *name)
{
    size_t len = strlen(name);
    uint64_t key = eco_i_fold_hash(name, len);
    /* folded too long (or to nothing): the bytes as written, in a key space of their own */
    return key ? key : eco_i_hash(name, len) ^ UINT64_C(0x9e3779b97f4a7c15);
}

/* The node of name (written, owned by the caller's line), made when new; ECO_I_NONE when
 * memory runs out. */
static size_t node_of(alias_file *f, const char *name)
{
    size_t node;
    int rc = eco_i_map_get_or_put(&f->node_of, name_key(name), f->nodes, &node);

    if (rc < 0)
        return ECO_I_NONE;
    if (rc == 1)
        return node;
    if (eco_i_reserve(&f->parent, &f->node_cap, f->nodes + 1, sizeof(*f->parent)) < 0 ||
        eco_i_reserve(&f->named, &f->named_cap, f->nodes + 1, sizeof(*f->named)) < 0 ||
        eco_i_reserve(&f->named_on, &f->line_cap, f->nodes + 1, sizeof(*f->named_on)) < 0 ||
        eco_i_reserve(&f->spelling, &f->spelling_cap, f->nodes + 1, sizeof(*f->spelling)) < 0)
        return ECO_I_NONE;
    f->parent[f->nodes] = f->named[f->nodes] = f->nodes;
    f->named_on[f->nodes] = 0;
    f->spelling[f->nodes] = name;
    return f->nodes++;
}

static size_t body_of(alias_file *f, size_t node)
{
    while (f->parent[node] != node)
        node = f->parent[node] = f->parent[f->parent[node]];
    return node;
}

/*
 * Makes line's alias a name of its canonical name, or refuses: a line that would make alias
 * a name of canonical when canonical already is, by earlier lines, a name of alias ("A,B"
 * then "B,A" leaves no name to call the body by), or an alias already given to another
 * body (which would silently make the two bodies one).
 */
static int link_names(alias_file *f, const alias_line *l, const char *source, int line_no,
                      eco_error *err)
{
    size_t a = l->alias_node, c = l->canonical_node;

    if (a == c)
        return 0; /* a body named by itself */
    if (f->named[a] != a && body_of(f, a) == body_of(f, c))
        return 0; /* said before, or through other lines */
    if (f->named[a] != a)
        return eco_error_set(err, ECO_EDATA, source, line_no, 1,
                             "\"%s\" is already a name of \"%s\" (line %d); keep one of the "
                             "two lines",
                             l->alias, f->spelling[f->named[a]], f->named_on[a]);
    if (body_of(f, c) == a)
        return eco_error_set(err, ECO_EDATA, source, line_no, 1,
                             "aliases go round in a circle: \"%s\" is already a name of "
                             "\"%s\"; keep one of the two lines",
                             l->canonical, l->alias);
    f->parent[a] = body_of(f, c);
    f->named[a] = c;
    f->named_on[a] = line_no;
    return 0;
}

/* Reads the n bytes of line as one CSV row, into csv: a quoted field ends on its line.  0,
 * or ECO_EDATA or ECO_ENOMEM with err naming the line. */
static int read_row(eco_i_csv *csv, const char *line, size_t n, const char *source, int line_no,
                    eco_error *err)
{
    eco_error row_err = {0};
    int rc;

    eco_i_csv_init(csv, line, n);
    csv->delimiter = ','; /* whatever the line holds most of */
    if ((rc = eco_i_csv_row(csv, source, &row_err)) > 0)
        return 0;
    if (rc == ECO_ENOMEM)
        return eco_error_set(err, rc, source, line_no, 0, "out of memory");
    if (strstr(row_err.text, "never closed"))
        return eco_error_set(err, ECO_EDATA, source, line_no, 1, "quote not closed on this line");
    return eco_error_set(err, ECO_EDATA, source, line_no, row_err.column, "%s", row_err.text);
}

/* One line "alias,canonical[,type,country]" of an alias file, kept in f and linked; fields
 * past the fourth are left out. */
static int parse_line(alias_file *f, const char *line, size_t len, const char *source, int line_no,
                      eco_error *err)
{
    eco_i_csv csv;
    const char *field[4] = {"", "", "", ""};
    alias_line *l;
    int rc;

    if ((rc = read_row(&csv, line, len, source, line_no, err)) < 0)
        goto cleanup;
    for (size_t i = 0; i < csv.count && i < 4; i++)
        field[i] = csv.fields[i].text;
    const char *canonical = *field[1] ? field[1] : field[0];
    if (!*canonical) {
        rc = eco_error_set(err, ECO_EDATA, source, line_no, 1, "alias line has no name");
        goto cleanup;
    }
    if (eco_i_reserve(&f->lines, &f->lines_cap, f->line_count + 1, sizeof(*f->lines)) < 0)
        goto oom;
    l = memset(&f->lines[f->line_count++], 0, sizeof(*l));
    l->type = ECO_TYPE_UNKNOWN;
    if (*field[2] && strcmp(field[2], "-") != 0 &&
        eco_actor_type_from_name(&l->type, field[2]) < 0) {
        rc = eco_error_set(err, ECO_EDATA, source, line_no, 1, "unknown actor type \"%s\"",
                           field[2]);
        goto cleanup;
    }
    if (!(l->alias = strdup(field[0])) || !(l->canonical = strdup(canonical)) ||
        (*field[3] && strcmp(field[3], "-") != 0 && !(l->country = strdup(field[3]))))
        goto oom;
    if ((l->canonical_node = node_of(f, l->canonical)) == ECO_I_NONE ||
        (l->alias_node = *l->alias ? node_of(f, l->alias) : l->canonical_node) == ECO_I_NONE)
        goto oom;
    f->spelling[l->canonical_node] = l->canonical;
    rc = link_names(f, l, source, line_no, err);
    goto cleanup;
oom:
    rc = eco_error_set(err, ECO_ENOMEM, source, line_no, 0, "out of memory");
cleanup:
    eco_i_csv_free(&csv);
    return rc;
}

/* Puts each line into lex with every name of a body a name of the body's own entry, so that
 * a name found in text, or applied by resolution, leads to the body in one step however
 * long the chain of lines that named it. */
static int fill_lexicon(eco_i_lexicon *lex, alias_file *f)
{
    size_t entry;
    int rc = 0;

    for (size_t i = 0; i < f->line_count && rc == 0; i++) {
        const alias_line *l = &f->lines[i];
        const char *body = f->spelling[body_of(f, l->canonical_node)];
        const char *country =
            l->country ? eco_i_country_name(l->country, strlen(l->country)) : NULL;
        if ((rc = eco_i_lexicon_add_entry(lex, &entry, body, l->type,
                                          country ? country : l->country)) < 0)
            break;
        if (strcmp(l->canonical, body) != 0)
            rc = eco_i_lexicon_add_form(lex, l->canonical, strlen(l->canonical), entry);
        if (rc == 0)
            rc = eco_i_lexicon_add_form(lex, l->alias, strlen(l->alias), entry);
    }
    return rc;
}

int eco_i_aliases_parse(eco_i_lexicon *lex, const char *text, size_t len, const char *source,
                        eco_error *err)
{
    alias_file f = {0};
    size_t at = 0;
    int line_no = 0, rc = 0;

    while (at < len && rc == 0) {
        const char *line = text + at, *eol = memchr(line, '\n', len - at);
        size_t n = (size_t)((eol ? eol : text + len) - line);
        line_no++;
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            n--;
        at = eol ? (size_t)(eol - text) + 1 : len;
        if (n > 0 && line[0] != '#' && !(line_no == 1 && n >= 6 && strncmp(line, "alias,", 6) == 0))
            rc = parse_line(&f, line, n, source, line_no, err);
    }
    if (rc == 0 && (rc = fill_lexicon(lex, &f)) < 0)
        eco_error_set(err, rc, source, 0, 0, "out of memory");
    alias_file_free(&f);
    return rc;
}

/* ---- Files ------------------------------------------------------------------------------ */

int eco_i_aliases_load(eco_i_lexicon **out, const char *path, eco_error *err)
{
    eco_i_lexicon *lex = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc;

    if ((rc = eco_i_read_file(path, &text, &len, err)) < 0)
        return rc;
    if ((rc = eco_i_lexicon_new(&lex)) < 0)
        eco_error_set(err, rc, path, 0, 0, "out of memory");
    else if ((rc = eco_i_aliases_parse(lex, text, len, path, err)) == 0) {
        *out = lex;
        lex = NULL;
    }
    eco_i_lexicon_free(lex);
    free(text);
    return rc;
}

/* ---- Applying the file to a map --------------------------------------------------------- */

/*
 * Resolution applies the file's lines in order, each merging the actors its alias and
 * canonical name designate.  Merging one pair at a time rebuilt the whole map's ties and
 * indices per line; here the merges are planned first, in a union-find over the actors, and
 * carried out together, then each line names, types and places the actor it ended in.
 */
typedef struct applying {
    eco_graph *g;
    size_t *group;     /* union-find over the actors as they were before any merge */
    eco_i_map renamed; /* entry -> the actor a line gave the entry's name */
    size_t *absorbed;  /* actors merged into another */
    size_t absorbed_count, absorbed_cap;
    struct applied {
        const char *alias;       /* the line's alias */
        const eco_i_known *body; /* its entry */
        size_t actor;            /* the actor it designates, before merging */
    } * lines;
    size_t line_count, line_cap;
} applying;

static size_t group_of(applying *ap, size_t actor)
{
    while (ap->group[actor] != actor)
        actor = ap->group[actor] = ap->group[ap->group[actor]];
    return actor;
}

/* Plans one line: the actor of its canonical name (or of a name an earlier line renamed),
 * the actor of its alias, and the merge of the second into the first. */
static int plan_alias(const char *alias, const eco_i_known *entry, void *ctx)
{
    applying *ap = ctx;
    size_t canonical, other;
    int have_canonical = eco_graph_find_actor(&canonical, ap->g, entry->name, entry->country) == 0;
    int have_alias = eco_graph_find_actor(&other, ap->g, alias, entry->country) == 0;

    if (!have_canonical)
        have_canonical = eco_i_map_get(&ap->renamed, eco_i_ptr_key(entry), &canonical);
    if (!have_alias && !have_canonical)
        return 0;
    if (!have_canonical) {
        canonical = other;
        if (eco_i_map_put(&ap->renamed, eco_i_ptr_key(entry), other) < 0)
            return ECO_ENOMEM;
    }
    canonical = group_of(ap, canonical);
    if (have_alias && (other = group_of(ap, other)) != canonical) {
        if (eco_i_reserve(&ap->absorbed, &ap->absorbed_cap, ap->absorbed_count + 1,
                          sizeof(*ap->absorbed)) < 0)
            return ECO_ENOMEM;
        ap->group[other] = canonical;
        ap->absorbed[ap->absorbed_count++] = other;
    }
    if (eco_i_reserve(&ap->lines, &ap->line_cap, ap->line_count + 1, sizeof(*ap->lines)) < 0)
        return ECO_ENOMEM;
    ap->lines[ap->line_count++] = (struct applied){alias, entry, canonical};
    return 0;
}

/* Merges every planned pair at once, then gives each line's actor its name, alias, type
 * and country, in the order of the lines, so that the last line about a body has the last
 * word, as when lines were applied one by one. */
static int carry_out_aliases(applying *ap)
{
    size_t n = ap->absorbed_count, actor;
    size_t *kept = malloc((n ? n : 1) * sizeof(*kept));
    const char **ids = malloc((ap->line_count ? ap->line_count : 1) * sizeof(*ids));
    int rc = 0;

    if (!kept || !ids) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        kept[i] = group_of(ap, ap->absorbed[i]);
    /* a merge keeps the kept actor's id, which names it again once indices have shifted */
    for (size_t i = 0; i < ap->line_count; i++)
        ids[i] = eco_graph_actor(ap->g, group_of(ap, ap->lines[i].actor))->id;
    if ((rc = eco_i_graph_merge_pairs(ap->g, kept, ap->absorbed, n)) < 0)
        goto cleanup;
    for (size_t i = 0; i < ap->line_count && rc == 0; i++) {
        const struct applied *l = &ap->lines[i];
        if (eco_graph_find_actor_by_id(&actor, ap->g, ids[i]) != 0)
            continue;
        if ((rc = eco_graph_set_actor_name(ap->g, actor, l->body->name)) < 0 ||
            (rc = eco_graph_add_alias(ap->g, actor, l->alias)) < 0)
            break;
        if (l->body->type != ECO_TYPE_UNKNOWN)
            rc = eco_graph_set_actor_type(ap->g, actor, l->body->type);
        if (rc == 0 && l->body->country)
            rc = eco_graph_set_actor_country(ap->g, actor, l->body->country);
    }
cleanup:
    free(kept);
    free(ids);
    return rc;
}

int eco_i_aliases_apply(eco_graph *g, const eco_i_lexicon *lex)
{
    applying ap = {g, NULL, {0}, NULL, 0, 0, NULL, 0, 0};
    size_t actors = eco_graph_actor_count(g);
    int rc = ECO_ENOMEM;

    if (!(ap.group = malloc((actors ? actors : 1) * sizeof(*ap.group))))
        goto cleanup;
    for (size_t i = 0; i < actors; i++)
        ap.group[i] = i;
    if ((rc = eco_i_lexicon_each(lex, plan_alias, &ap)) == 0)
        rc = carry_out_aliases(&ap);
cleanup:
    free(ap.group);
    free(ap.absorbed);
    free(ap.lines);
    eco_i_map_free(&ap.renamed);
    return rc;
}
