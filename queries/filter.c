/* queries/filter.c - views of a map: the part that passes a filter, and projections. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "queries_internal.h"

static int kind_kept(unsigned kinds, eco_tie_kind kind)
{
    return !kinds || (kinds & (1u << kind));
}

/* Copies g's records into dst. */
static int copy_records(eco_graph *dst, const eco_graph *g)
{
    for (size_t r = 0; r < eco_graph_record_count(g); r++)
        if (eco_graph_add_record(NULL, dst, eco_graph_record(g, r)) < 0)
            return ECO_ENOMEM;
    return 0;
}

/* Copies the kept actors into dst; to[i] receives actor i's index there. */
static int copy_actors(eco_graph *dst, const eco_graph *g, const unsigned char *keep, size_t *to)
{
    for (size_t i = 0; i < eco_graph_actor_count(g); i++)
        if (keep[i] && eco_i_graph_copy_actor(&to[i], dst, g, i) < 0)
            return ECO_ENOMEM;
    return 0;
}

int eco_i_subgraph(eco_graph **out, const eco_graph *g, const unsigned char *keep, unsigned kinds,
                   double min_weight, eco_error *err)
{
    size_t *to = malloc((eco_graph_actor_count(g) + 1) * sizeof(*to));
    eco_graph *sub = NULL;
    int rc = ECO_ENOMEM;

    if (!to || eco_graph_new(&sub) < 0 || copy_records(sub, g) < 0 || copy_actors(sub, g, keep, to) < 0)
        goto fail;
    for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (keep[t->source] && keep[t->target] && kind_kept(kinds, t->kind) &&
            t->weight >= min_weight && eco_i_graph_copy_tie(sub, g, i, to[t->source], to[t->target]) < 0)
            goto fail;
    }
    free(to);
    *out = sub;
    return 0;
fail:
    free(to);
    eco_graph_free(sub);
    return eco_error_set(err, rc, NULL, 0, 0, "out of memory copying part of the map");
}

/* ---- Filters ---------------------------------------------------------------------------- */

/* The topic the filter asks for; a filter of version 1 has no such field. */
static const char *wanted_topic(const eco_filter *f)
{
    return f->version >= 2 ? f->topic : NULL;
}

/* 1 when the filter chooses records (by year or by topic), so that what it keeps is what
 * the chosen records support. */
static int chooses_records(const eco_filter *f)
{
    return f->year_from || f->year_to || wanted_topic(f);
}

/* 1 when one of the record's topics folds (eco_name_fold) to the same text as topic, so
 * that "Human rights" finds "human rights" and "urbanisation" finds "urbanization". */
static int about(const eco_record *rec, const char *topic)
{
    char want[1024], has[1024];

    eco_name_fold(want, sizeof(want), topic);
    for (size_t k = 0; k < rec->topic_count; k++)
        if (eco_name_fold(has, sizeof(has), rec->topics[k]) && strcmp(want, has) == 0)
            return 1;
    return 0;
}

/* 1 when the record the filter names passes its year range and its topic. */
static int record_chosen(const eco_graph *g, const char *record_id, const eco_filter *f)
{
    const eco_record *rec;
    size_t r;

    if (!record_id || eco_graph_find_record(&r, g, record_id) < 0)
        return 0;
    rec = eco_graph_record(g, r);
    if ((f->year_from || f->year_to) &&
        (rec->year == 0 || (f->year_from && rec->year < f->year_from) ||
         (f->year_to && rec->year > f->year_to)))
        return 0;
    return !wanted_topic(f) || about(rec, wanted_topic(f));
}

/* 1 when country is one of the countries of list: the whole text, or one of its
 * comma-separated items ("Peru,Chile"), folded alike. */
static int country_listed(const char *list, const char *country)
{
    char want[256], has[256];

    eco_name_fold(has, sizeof(has), country);
    eco_name_fold(want, sizeof(want), list);
    if (strcmp(want, has) == 0)
        return 1; /* a country whose name holds a comma */
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        char item[256];
        if (n < sizeof(item)) {
            memcpy(item, p, n);
            item[n] = '\0';
            eco_name_fold(want, sizeof(want), item);
            if (*want && strcmp(want, has) == 0)
                return 1;
        }
        p += n + (p[n] == ',');
    }
    return 0;
}

static int actor_passes(const eco_graph *g, size_t i, const eco_filter *f)
{
    const eco_actor *a = eco_graph_actor(g, i);

    if (f->types && !(f->types & (1u << a->type)))
        return 0;
    if (f->country && (!a->country || !country_listed(f->country, a->country)))
        return 0;
    if (chooses_records(f)) {
        for (size_t k = 0; k < a->record_count; k++)
            if (record_chosen(g, a->records[k], f))
                return 1;
        return 0;
    }
    return 1;
}

static int tie_passes(const eco_graph *g, const eco_tie *t, const eco_filter *f)
{
    if (!kind_kept(f->kinds, t->kind) || t->weight < f->min_weight)
        return 0;
    if (chooses_records(f)) {
        for (size_t k = 0; k < t->evidence_count; k++)
            if (record_chosen(g, t->evidence[k].record, f))
                return 1;
        return 0;
    }
    return 1;
}

static int query_filter(eco_graph **out, const eco_graph *g, const eco_filter *filter,
                        eco_error *err)
{
    size_t n = eco_graph_actor_count(g);
    unsigned char *keep = calloc(n + 1, 1), *linked = calloc(n + 1, 1);
    eco_graph *sub = NULL;
    size_t *to = malloc((n + 1) * sizeof(*to));
    int rc = ECO_ENOMEM;

    if (!keep || !linked || !to)
        goto done;
    for (size_t i = 0; i < n; i++)
        keep[i] = (unsigned char)actor_passes(g, i, filter);
    for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (keep[t->source] && keep[t->target] && tie_passes(g, t, filter))
            linked[t->source] = linked[t->target] = 1;
    }
    if (filter->drop_isolates)
        for (size_t i = 0; i < n; i++)
            keep[i] &= linked[i];
    if (eco_graph_new(&sub) < 0 || copy_records(sub, g) < 0 || copy_actors(sub, g, keep, to) < 0)
        goto done;
    for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
        const eco_tie *t = eco_graph_tie(g, i);
        if (keep[t->source] && keep[t->target] && tie_passes(g, t, filter) &&
            eco_i_graph_copy_tie(sub, g, i, to[t->source], to[t->target]) < 0)
            goto done;
    }
    *out = sub;
    sub = NULL;
    rc = 0;
done:
    free(keep);
    free(linked);
    free(to);
    eco_graph_free(sub);
    return rc < 0 ? eco_error_set(err, rc, NULL, 0, 0, "out of memory filtering the map") : 0;
}

int eco_query_filter(eco_graph **out, const eco_graph *g, const eco_filter *filter, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(filter, ECO_FILTER_VERSION, "eco_filter", err)) < 0)
        return rc;
    return query_filter(out, g, filter, err);
}

/* ---- The top actors -------------------------------------------------------------------- */

static int query_top(eco_graph **out, const eco_graph *g, eco_measure measure, size_t n,
                     const eco_query_options *opt, eco_error *err)
{
    size_t count = eco_graph_actor_count(g);
    double *values = malloc((count + 1) * sizeof(*values));
    eco_i_scored *order = malloc((count + 1) * sizeof(*order));
    unsigned char *keep = calloc(count + 1, 1);
    int rc = ECO_ENOMEM;

    if (!values || !order || !keep) {
        rc = eco_error_set(err, rc, NULL, 0, 0, "out of memory choosing the top actors");
        goto done;
    }
    if ((rc = eco_query_measure(values, g, measure, opt, err)) < 0)
        goto done;
    for (size_t i = 0; i < count; i++)
        order[i] = (eco_i_scored){i, values[i]}; /* NaN sorts last */
    qsort(order, count, sizeof(*order), eco_i_by_falling_score);
    for (size_t i = 0; i < count && (n == 0 || i < n); i++)
        keep[order[i].actor] = 1;
    rc = eco_i_subgraph(out, g, keep, 0, 0, err);
done:
    free(values);
    free(order);
    free(keep);
    return rc;
}

int eco_query_top(eco_graph **out, const eco_graph *g, eco_measure measure, size_t n,
                  const eco_query_options *opt, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_QUERY_OPTIONS_VERSION, "eco_query_options", err)) < 0)
        return rc;
    return query_top(out, g, measure, n, opt, err);
}

/* ---- Projections ------------------------------------------------------------------------ */

/* Whether actor i is an initiative as `through` ("KEY=VALUE" or "type=TYPE") says. */
static int is_initiative(const eco_graph *g, size_t i, const char *key, const char *value)
{
    const eco_actor *a = eco_graph_actor(g, i);
    const char *has;

    if (strcasecmp(key, "type") == 0)
        has = eco_actor_type_name(a->type);
    else
        has = eco_graph_attribute(g, i, key);
    return has && strcasecmp(has, value) == 0;
}

/* Links every pair of members with a related tie of the given weight and evidence. */
static int link_members(eco_graph *dst, const size_t *members, size_t count,
                        eco_projection_weight weighting, const eco_evidence *ev)
{
    double weight = weighting == ECO_PROJECT_NEWMAN ? 1.0 / (double)(count - 1) : 1.0;
    for (size_t a = 0; a < count; a++)
        for (size_t b = a + 1; b < count; b++)
            if (eco_graph_add_tie(NULL, dst, members[a], members[b], ECO_TIE_RELATED, 0, weight, ev) < 0)
                return ECO_ENOMEM;
    return 0;
}

/* Projection through records: the actors seen in each record. */
static int project_records(eco_graph *dst, const eco_graph *g, const size_t *to,
                           eco_projection_weight weighting, size_t *members)
{
    for (size_t r = 0; r < eco_graph_record_count(g); r++) {
        const eco_record *rec = eco_graph_record(g, r);
        size_t count = 0;
        for (size_t i = 0; i < eco_graph_actor_count(g); i++) {
            const eco_actor *a = eco_graph_actor(g, i);
            for (size_t k = 0; k < a->record_count; k++)
                if (strcmp(a->records[k], rec->id) == 0)
                    members[count++] = to[i];
        }
        char text[600];
        snprintf(text, sizeof(text), "named together in %s", rec->title ? rec->title : rec->id);
        eco_evidence ev = {rec->id, rec->path, 0, text};
        if (count > 1 && link_members(dst, members, count, weighting, &ev) < 0)
            return ECO_ENOMEM;
    }
    return 0;
}

/* Projection through initiative actors: the actors tied to each. */
static int project_initiatives(eco_graph *dst, const eco_graph *g, const unsigned char *initiative,
                               const size_t *to, eco_projection_weight weighting, size_t *members)
{
    unsigned char *seen = calloc(eco_graph_actor_count(g) + 1, 1);
    if (!seen)
        return ECO_ENOMEM;
    for (size_t p = 0; p < eco_graph_actor_count(g); p++) {
        size_t count = 0;
        if (!initiative[p])
            continue;
        for (size_t i = 0; i < eco_graph_tie_count(g); i++) {
            const eco_tie *t = eco_graph_tie(g, i);
            size_t other = t->source == p ? t->target : t->target == p ? t->source : (size_t)-1;
            if (other != (size_t)-1 && !initiative[other] && !seen[other]) {
                seen[other] = 1;
                members[count++] = other;
            }
        }
        for (size_t k = 0; k < count; k++) {
            seen[members[k]] = 0;
            members[k] = to[members[k]];
        }
        char text[600];
        snprintf(text, sizeof(text), "both in %s", eco_graph_actor(g, p)->name);
        eco_evidence ev = {NULL, NULL, 0, text};
        if (count > 1 && link_members(dst, members, count, weighting, &ev) < 0) {
            free(seen);
            return ECO_ENOMEM;
        }
    }
    free(seen);
    return 0;
}

int eco_query_project(eco_graph **out, const eco_graph *g, const char *through,
                      eco_projection_weight weighting, eco_error *err)
{
    size_t n = eco_graph_actor_count(g);
    unsigned char *initiative = calloc(n + 1, 1), *keep = calloc(n + 1, 1);
    size_t *to = malloc((n + 1) * sizeof(*to)), *members = malloc((n + 1) * sizeof(*members));
    char key[256];
    const char *value = NULL;
    eco_graph *dst = NULL;
    int rc = ECO_ENOMEM;

    if (through && (!(value = strchr(through, '=')) || value == through || !value[1] ||
                    (size_t)(value - through) >= sizeof(key))) {
        rc = eco_error_set(err, ECO_EUSAGE, NULL, 0, 0,
                           "project through \"%s\": write KEY=VALUE, such as type=network", through);
        goto done;
    }
    if (!initiative || !keep || !to || !members)
        goto done;
    if (through) {
        memcpy(key, through, (size_t)(value - through));
        key[value - through] = '\0';
        value++;
    }
    for (size_t i = 0; i < n; i++) {
        initiative[i] = (unsigned char)(through && is_initiative(g, i, key, value));
        keep[i] = !initiative[i];
    }
    if (eco_graph_new(&dst) < 0 || copy_records(dst, g) < 0 || copy_actors(dst, g, keep, to) < 0)
        goto done;
    if ((through ? project_initiatives(dst, g, initiative, to, weighting, members)
                 : project_records(dst, g, to, weighting, members)) < 0)
        goto done;
    *out = dst;
    dst = NULL;
    rc = 0;
done:
    free(initiative);
    free(keep);
    free(to);
    free(members);
    eco_graph_free(dst);
    return rc == ECO_ENOMEM ? eco_error_set(err, rc, NULL, 0, 0, "out of memory projecting the map")
                            : rc;
}
