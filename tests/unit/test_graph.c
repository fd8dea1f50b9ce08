/* The graph: actors found by any name, countries kept apart, merges that carry ties along. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "internal.h"

static int setup(void **state)
{
    eco_graph *g;
    if (eco_graph_new(&g) < 0)
        return -1;
    *state = g;
    return 0;
}

static int teardown(void **state)
{
    eco_graph_free(*state);
    return 0;
}

static size_t add(eco_graph *g, const char *name, const char *country)
{
    size_t i;
    assert_int_equal(eco_graph_add_actor(&i, g, NULL, name, eco_name_classify(name), country), 0);
    return i;
}

static size_t find(const eco_graph *g, const char *name, const char *country)
{
    size_t i = SIZE_MAX;
    assert_int_equal(eco_graph_find_actor(&i, g, name, country), 0);
    return i;
}

static void an_actor_is_found_by_name_alias_and_spelling(void **state)
{
    eco_graph *g = *state;
    size_t ama = add(g, "AMA - Administrative Modernisation Agency", "Portugal");
    assert_int_equal(eco_graph_add_alias(g, ama, "Agency for Administrative Modernisation"), 0);
    assert_int_equal(eco_graph_add_alias(g, ama, "AMA"), 0);

    assert_int_equal(find(g, "AMA – Administrative Modernization Agency", NULL), ama);
    assert_int_equal(find(g, "agency for administrative modernization", "Portugal"), ama);
    assert_int_equal(find(g, "ama", NULL), ama);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Agency for Modernisation", NULL), ECO_ENOTFOUND);
    assert_string_equal(eco_graph_actor(g, ama)->id, "ama-administrative-modernisation-agency");
    assert_int_equal(eco_graph_actor(g, ama)->type, ECO_TYPE_GOVERNMENT);
}

static void aliases_keep_every_surface_form_once(void **state)
{
    eco_graph *g = *state;
    size_t a = add(g, "LabX", "Portugal");
    assert_int_equal(eco_graph_add_alias(g, a, "LabX – Centre for Innovation in the Public Sector"), 0);
    assert_int_equal(eco_graph_add_alias(g, a, "LabX - Center for Innovation in the Public Sector"), 0);
    assert_int_equal(eco_graph_add_alias(g, a, "LabX - Center for Innovation in the Public Sector"), 0);
    assert_int_equal(eco_graph_add_alias(g, a, "LabX"), 0);
    assert_int_equal(eco_graph_add_alias(g, a, ""), ECO_EUSAGE);

    const eco_actor *actor = eco_graph_actor(g, a);
    assert_int_equal(actor->alias_count, 2);
    assert_true(strcmp(actor->aliases[0], actor->aliases[1]) < 0); /* kept sorted */
}

static void the_same_generic_name_stays_apart_across_countries(void **state)
{
    eco_graph *g = *state;
    size_t pt = add(g, "Ministry of Education", "Portugal");
    size_t cl = add(g, "Ministry of Education", "Chile");

    assert_int_not_equal(pt, cl);
    assert_string_not_equal(eco_graph_actor(g, pt)->id, eco_graph_actor(g, cl)->id);
    assert_string_equal(eco_graph_actor(g, cl)->id, "ministry-of-education-chile");
    assert_int_equal(find(g, "Ministry of Education", "Chile"), cl);
    assert_int_equal(find(g, "Ministry of Education", "portugal"), pt);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Ministry of Education", "Peru"), ECO_ENOTFOUND);
    /* With no country to go by, the first one named wins. */
    assert_int_equal(find(g, "Ministry of Education", NULL), pt);
}

static void an_actor_without_country_matches_any(void **state)
{
    eco_graph *g = *state;
    size_t oecd = add(g, "OECD", NULL);
    size_t found;

    assert_int_equal(find(g, "OECD", "France"), oecd);
    assert_int_equal(eco_graph_resolve_actor(&found, g, "oecd", ECO_TYPE_UNKNOWN, NULL), 0);
    assert_int_equal(found, oecd);
    assert_int_equal(eco_graph_actor_count(g), 1);
}

static void resolve_adds_the_new_and_completes_the_known(void **state)
{
    eco_graph *g = *state;
    size_t a, b;

    assert_int_equal(eco_graph_resolve_actor(&a, g, "Thinkia", ECO_TYPE_UNKNOWN, NULL), 0);
    assert_int_equal(eco_graph_resolve_actor(&b, g, "THINKIA", ECO_TYPE_LAB, "Ecuador"), 0);
    assert_int_equal(a, b);
    assert_int_equal(eco_graph_actor(g, a)->type, ECO_TYPE_LAB);
    assert_string_equal(eco_graph_actor(g, a)->country, "Ecuador");
    assert_int_equal(eco_graph_actor(g, a)->alias_count, 1);
    assert_string_equal(eco_graph_actor(g, a)->aliases[0], "THINKIA");
}

static void ids_are_unique_and_given_ids_are_kept(void **state)
{
    eco_graph *g = *state;
    size_t a, b, c;

    assert_int_equal(eco_graph_add_actor(&a, g, "custom-id", "Nesta", ECO_TYPE_UNKNOWN, NULL), 0);
    assert_int_equal(eco_graph_add_actor(NULL, g, "custom-id", "Other", ECO_TYPE_UNKNOWN, NULL), ECO_EDATA);
    assert_int_equal(eco_graph_add_actor(&b, g, NULL, "Datalat", ECO_TYPE_UNKNOWN, NULL), 0);
    assert_int_equal(eco_graph_add_actor(&c, g, NULL, "DATALAT", ECO_TYPE_UNKNOWN, NULL), 0);
    assert_string_equal(eco_graph_actor(g, a)->id, "custom-id");
    assert_string_equal(eco_graph_actor(g, b)->id, "datalat");
    assert_string_equal(eco_graph_actor(g, c)->id, "datalat-2");
    assert_int_equal(eco_graph_find_actor_by_id(&a, g, "datalat-2"), 0);
    assert_int_equal(a, c);
    assert_int_equal(eco_graph_add_actor(NULL, g, NULL, "", ECO_TYPE_UNKNOWN, NULL), ECO_EUSAGE);
}

static void ties_add_weight_once_per_new_evidence(void **state)
{
    eco_graph *g = *state;
    size_t labx = add(g, "LabX", "Portugal"), ama = add(g, "AMA", "Portugal"), t1, t2;
    eco_evidence first = {"plan.md", "records/plan.md", 4, "LabX is a unit of AMA."};
    eco_evidence second = {"case.md", "records/case.md", 9, "AMA hosts LabX."};

    assert_int_equal(eco_graph_add_tie(&t1, g, ama, labx, ECO_TIE_HOSTING, 1, 1, &first), 0);
    assert_int_equal(eco_graph_add_tie(&t2, g, ama, labx, ECO_TIE_HOSTING, 1, 1, &second), 0);
    assert_int_equal(t1, t2);
    assert_int_equal(eco_graph_add_tie(NULL, g, ama, labx, ECO_TIE_HOSTING, 1, 1, &first), 0);

    const eco_tie *t = eco_graph_tie(g, t1);
    assert_int_equal(eco_graph_tie_count(g), 1);
    assert_true(t->weight == 2.0);
    assert_int_equal(t->evidence_count, 2);
    assert_string_equal(t->evidence[0].record, "case.md"); /* sorted by record */
    assert_int_equal(t->evidence[1].line, 4);
}

static void weights_are_bounded_and_their_sums_stop_at_the_bound(void **state)
{
    eco_graph *g = *state;
    size_t labx = add(g, "LabX", "Portugal"), ama = add(g, "AMA", "Portugal"), t;
    eco_evidence first = {"plan.md", "records/plan.md", 4, "LabX is a unit of AMA."};
    eco_evidence second = {"case.md", "records/case.md", 9, "AMA hosts LabX."};

    assert_int_equal(eco_graph_add_tie(NULL, g, ama, labx, ECO_TIE_HOSTING, 1, 1e308, &first),
                     ECO_EUSAGE);
    assert_int_equal(eco_graph_add_tie(NULL, g, ama, labx, ECO_TIE_HOSTING, 1, -1, &first),
                     ECO_EUSAGE);
    double most = ECO_WEIGHT_MAX;
    assert_int_equal(eco_graph_add_tie(&t, g, ama, labx, ECO_TIE_HOSTING, 1, most, &first), 0);
    assert_int_equal(eco_graph_add_tie(&t, g, ama, labx, ECO_TIE_HOSTING, 1, most, &second), 0);
    assert_true(eco_graph_tie(g, t)->weight == ECO_WEIGHT_MAX); /* not 2e12, never infinity */
    assert_int_equal(eco_graph_set_tie_weight(g, t, 2 * ECO_WEIGHT_MAX), ECO_EUSAGE);
}

static void direction_and_kind_tell_ties_apart(void **state)
{
    eco_graph *g = *state;
    size_t a = add(g, "Funder Foundation", NULL), b = add(g, "Citizen Lab", NULL), t, u;

    assert_int_equal(eco_graph_add_tie(&t, g, a, b, ECO_TIE_FUNDING, 1, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(&u, g, b, a, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    assert_int_not_equal(t, u);
    assert_int_equal(eco_graph_find_tie(&u, g, a, b, ECO_TIE_PARTNERSHIP), 0); /* either way */
    assert_int_equal(eco_graph_find_tie(NULL, g, b, a, ECO_TIE_FUNDING), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_tie(NULL, g, a, b, ECO_TIE_FUNDING), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, a, a, ECO_TIE_RELATED, 0, 1, NULL), ECO_EUSAGE);
    assert_int_equal(eco_graph_add_tie(NULL, g, a, b, ECO_TIE_RELATED, 0, -1, NULL), ECO_EUSAGE);
    assert_true(eco_tie_kind_is_directed(ECO_TIE_FUNDING));
    assert_false(eco_tie_kind_is_directed(ECO_TIE_RELATED));
}

static void merging_carries_names_ties_and_evidence(void **state)
{
    eco_graph *g = *state;
    size_t senescyt = add(g, "Senescyt", "Ecuador");
    size_t long_name = add(g, "Secretariat of Higher Education, Science, Technology and Innovation", NULL);
    size_t thinkia = add(g, "Thinkia", "Ecuador");
    size_t undp = add(g, "UNDP", NULL);
    eco_evidence e1 = {"a.md", NULL, 1, "Thinkia is an initiative of Senescyt."};
    eco_evidence e2 = {"b.md", NULL, 2, "Thinkia, of the Secretariat of Higher Education..."};
    size_t kept;

    assert_int_equal(eco_graph_set_attribute(g, long_name, "website", "senescyt.gob.ec"), 0);
    assert_int_equal(eco_graph_add_actor_record(g, long_name, "b.md"), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, senescyt, thinkia, ECO_TIE_HOSTING, 1, 1, &e1), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, long_name, thinkia, ECO_TIE_HOSTING, 1, 1, &e2), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, long_name, undp, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, long_name, senescyt, ECO_TIE_RELATED, 0, 1, NULL), 0);

    assert_int_equal(eco_graph_merge_actors(&kept, g, senescyt, long_name), 0);
    assert_int_equal(kept, 0);
    assert_int_equal(eco_graph_actor_count(g), 3);
    /* The absorbed actor's names find the kept one, its attributes and records came along. */
    assert_int_equal(find(g, "Secretariat of Higher Education, Science, Technology and Innovation", NULL), kept);
    assert_string_equal(eco_graph_attribute(g, kept, "website"), "senescyt.gob.ec");
    assert_int_equal(eco_graph_actor(g, kept)->record_count, 1);
    /* The two hosting ties became one with both sentences; the tie between them vanished. */
    assert_int_equal(eco_graph_tie_count(g), 2);
    size_t t;
    assert_int_equal(eco_graph_find_tie(&t, g, kept, find(g, "Thinkia", NULL), ECO_TIE_HOSTING), 0);
    assert_true(eco_graph_tie(g, t)->weight == 2.0);
    assert_int_equal(eco_graph_tie(g, t)->evidence_count, 2);
    assert_int_equal(eco_graph_find_tie(NULL, g, kept, find(g, "UNDP", NULL), ECO_TIE_PARTNERSHIP), 0);
    assert_int_equal(eco_graph_merge_actors(NULL, g, kept, kept), ECO_EUSAGE);
}

/* ---- Many merges at once, as one after another ------------------------------------------ */

static uint64_t next_random(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return *state >> 33;
}

/* A map of 40 actors, some with attributes and records, and 150 ties with evidence. */
static void random_map(eco_graph *g, uint64_t seed)
{
    static const char *const countries[] = {"Chile", "Ecuador", "Portugal", NULL};
    uint64_t state = seed;

    for (size_t i = 0; i < 40; i++) {
        char name[32], value[16], record[16];
        snprintf(name, sizeof(name), "Body %zu", i);
        assert_int_equal(eco_graph_add_actor(NULL, g, NULL, name,
                                             (eco_actor_type)(next_random(&state) % 4),
                                             countries[next_random(&state) % 4]),
                         0);
        snprintf(value, sizeof(value), "%zu", i);
        snprintf(record, sizeof(record), "r%llu.md", (unsigned long long)next_random(&state) % 9);
        if (next_random(&state) % 2)
            assert_int_equal(eco_graph_set_attribute(g, i, i % 3 ? "website" : "lead", value), 0);
        assert_int_equal(eco_graph_add_actor_record(g, i, record), 0);
    }
    for (size_t k = 0; k < 150; k++) {
        size_t a = next_random(&state) % 40, b = next_random(&state) % 40;
        eco_tie_kind kind = (eco_tie_kind)(next_random(&state) % 3);
        char text[32];
        snprintf(text, sizeof(text), "sentence %llu", (unsigned long long)next_random(&state) % 50);
        eco_evidence ev = {"r1.md", NULL, (int)k + 1, text};
        if (a != b)
            assert_int_equal(
                eco_graph_add_tie(NULL, g, a, b, kind, eco_tie_kind_is_directed(kind), 1, &ev), 0);
    }
}

static void assert_same_strings(const char *const *x, const char *const *y, size_t n)
{
    for (size_t k = 0; k < n; k++)
        assert_string_equal(x[k], y[k]);
}

static void assert_same_maps(const eco_graph *x, const eco_graph *y)
{
    assert_int_equal(eco_graph_actor_count(x), eco_graph_actor_count(y));
    for (size_t i = 0; i < eco_graph_actor_count(x); i++) {
        const eco_actor *a = eco_graph_actor(x, i), *b = eco_graph_actor(y, i);
        assert_string_equal(a->id, b->id);
        assert_int_equal(a->type, b->type);
        assert_true(a->country == b->country || strcmp(a->country, b->country) == 0);
        assert_int_equal(a->alias_count, b->alias_count);
        assert_same_strings(a->aliases, b->aliases, a->alias_count);
        assert_int_equal(a->record_count, b->record_count);
        assert_same_strings(a->records, b->records, a->record_count);
        assert_int_equal(a->attribute_count, b->attribute_count);
        for (size_t k = 0; k < a->attribute_count; k++)
            assert_string_equal(a->attributes[k].value, b->attributes[k].value);
    }
    assert_int_equal(eco_graph_tie_count(x), eco_graph_tie_count(y));
    for (size_t i = 0; i < eco_graph_tie_count(x); i++) {
        const eco_tie *s = eco_graph_tie(x, i), *t = eco_graph_tie(y, i);
        assert_int_equal(s->source, t->source);
        assert_int_equal(s->target, t->target);
        assert_int_equal(s->kind, t->kind);
        assert_true(s->weight == t->weight);
        assert_int_equal(s->evidence_count, t->evidence_count);
        for (size_t k = 0; k < s->evidence_count; k++)
            assert_string_equal(s->evidence[k].text, t->evidence[k].text);
    }
}

static void merging_many_pairs_at_once_equals_merging_them_one_by_one(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        eco_graph *one_by_one, *at_once;
        size_t kept[25], absorbed[25];
        uint64_t rnd = seed * 7919;
        assert_int_equal(eco_graph_new(&one_by_one), 0);
        assert_int_equal(eco_graph_new(&at_once), 0);
        random_map(one_by_one, seed);
        random_map(at_once, seed);
        /* Chains (a into b, then b into c), repeats and pairs of an absorbed actor among them. */
        for (size_t p = 0; p < 25; p++) {
            kept[p] = next_random(&rnd) % 40;
            absorbed[p] = next_random(&rnd) % 40;
        }
        for (size_t p = 0; p < 25; p++) {
            char kept_id[64], absorbed_id[64];
            size_t k, a;
            snprintf(kept_id, sizeof(kept_id), "%s", eco_graph_actor(at_once, kept[p])->id);
            snprintf(absorbed_id, sizeof(absorbed_id), "%s", eco_graph_actor(at_once, absorbed[p])->id);
            if (eco_graph_find_actor_by_id(&k, one_by_one, kept_id) == 0 &&
                eco_graph_find_actor_by_id(&a, one_by_one, absorbed_id) == 0 && k != a)
                assert_int_equal(eco_graph_merge_actors(NULL, one_by_one, k, a), 0);
        }
        assert_int_equal(eco_i_graph_merge_pairs(at_once, kept, absorbed, 25), 0);
        assert_true(eco_graph_actor_count(at_once) < 40);
        assert_same_maps(one_by_one, at_once);
        eco_graph_free(one_by_one);
        eco_graph_free(at_once);
    }
}

static void removing_an_actor_removes_its_ties_and_shifts_indices(void **state)
{
    eco_graph *g = *state;
    size_t a = add(g, "Alpha Lab", NULL), b = add(g, "Beta Agency", NULL), c = add(g, "Gamma Network", NULL);

    assert_int_equal(eco_graph_add_tie(NULL, g, a, b, ECO_TIE_PARTNERSHIP, 0, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, b, c, ECO_TIE_MEMBERSHIP, 1, 1, NULL), 0);
    assert_int_equal(eco_graph_add_tie(NULL, g, a, c, ECO_TIE_MEMBERSHIP, 1, 1, NULL), 0);
    assert_int_equal(eco_graph_remove_actor(g, b), 0);
    assert_int_equal(eco_graph_actor_count(g), 2);
    assert_int_equal(eco_graph_tie_count(g), 1);
    assert_int_equal(find(g, "Gamma Network", NULL), 1);
    assert_int_equal(eco_graph_find_actor(NULL, g, "Beta Agency", NULL), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_actor_by_id(NULL, g, "beta-agency"), ECO_ENOTFOUND);
    assert_int_equal(eco_graph_find_tie(NULL, g, 0, 1, ECO_TIE_MEMBERSHIP), 0);
    assert_int_equal(eco_graph_remove_tie(g, 0), 0);
    assert_int_equal(eco_graph_tie_count(g), 0);
    assert_int_equal(eco_graph_find_tie(NULL, g, 0, 1, ECO_TIE_MEMBERSHIP), ECO_ENOTFOUND);
}

static void renaming_keeps_the_id_and_the_old_name(void **state)
{
    eco_graph *g = *state;
    size_t a = add(g, "Lab of Government", "Chile");

    assert_int_equal(eco_graph_set_actor_name(g, a, "Government Laboratory of Chile"), 0);
    assert_string_equal(eco_graph_actor(g, a)->id, "lab-of-government");
    assert_int_equal(find(g, "Lab of Government", NULL), a);
    assert_int_equal(find(g, "Government Laboratory of Chile", NULL), a);
}

static void records_are_added_once(void **state)
{
    eco_graph *g = *state;
    eco_record r = {"plan.md", "records/plan.md", "undp", "A plan", "Ecuador", 2022, NULL, 0};
    size_t i, j;

    assert_int_equal(eco_graph_add_record(&i, g, &r), 0);
    assert_int_equal(eco_graph_add_record(&j, g, &r), 0);
    assert_int_equal(i, j);
    assert_int_equal(eco_graph_record_count(g), 1);
    assert_int_equal(eco_graph_record(g, i)->year, 2022);
    assert_int_equal(eco_graph_find_record(NULL, g, "nope.md"), ECO_ENOTFOUND);
}

/* A record keeps its topics as written, each once, and a copy of them: the caller's array
 * may go. */
static void records_keep_their_topics_once(void **state)
{
    eco_graph *g = *state;
    char water[] = "water";
    const char *topics[] = {water, "health", "", water, NULL, "Health"};
    eco_record r = {"case.json#1", "case.json", "table-json", NULL, NULL, 0, topics, 6};
    const eco_record *kept;
    size_t i;

    assert_int_equal(eco_graph_add_record(&i, g, &r), 0);
    water[0] = 'W';
    kept = eco_graph_record(g, i);
    assert_int_equal(kept->topic_count, 3);
    assert_string_equal(kept->topics[0], "water");
    assert_string_equal(kept->topics[1], "health");
    assert_string_equal(kept->topics[2], "Health");
}

static void absorbing_a_map_resolves_by_name(void **state)
{
    eco_graph *g = *state, *other;
    eco_error err = {0};
    size_t a = add(g, "Administrative Modernisation Agency", "Portugal"), b;

    assert_int_equal(eco_graph_new(&other), 0);
    size_t x = add(other, "Administrative Modernization Agency", NULL);
    size_t y = add(other, "LabX", "Portugal");
    assert_int_equal(eco_graph_add_tie(NULL, other, x, y, ECO_TIE_HOSTING, 1, 2, NULL), 0);
    assert_int_equal(eco_graph_absorb(g, other, &err), 0);
    assert_int_equal(eco_graph_absorb(g, other, &err), 0);
    eco_graph_free(other);

    assert_int_equal(eco_graph_actor_count(g), 2);
    b = find(g, "LabX", NULL);
    size_t t;
    assert_int_equal(eco_graph_find_tie(&t, g, a, b, ECO_TIE_HOSTING), 0);
    assert_true(eco_graph_tie(g, t)->weight == 4.0); /* weights add */
}

static void absorbing_keeps_one_id_of_two_countries_apart(void **state)
{
    eco_graph *g = *state, *other;
    eco_error err = {0};
    size_t pt = add(g, "Ministry of Education", "Portugal");

    assert_int_equal(eco_graph_new(&other), 0);
    add(other, "Ministry of Education", "Chile"); /* the same id, ministry-of-education */
    add(other, "Thinkia", NULL);
    assert_int_equal(eco_graph_absorb(g, other, &err), 0);
    eco_graph_free(other);

    assert_int_equal(eco_graph_actor_count(g), 3);
    assert_int_equal(find(g, "Ministry of Education", "Portugal"), pt);
    size_t cl = find(g, "Ministry of Education", "Chile");
    assert_int_not_equal(cl, pt);
    assert_string_equal(eco_graph_actor(g, cl)->id, "ministry-of-education-chile");
}

static void strings_that_are_not_utf8_are_repaired(void **state)
{
    eco_graph *g = *state;
    eco_evidence ev = {"r\xC3", NULL, 1, "said \xFF\xFE so"};
    size_t a = add(g, "Lab\xFFX", NULL), b = add(g, "Agency", NULL), t;

    assert_string_equal(eco_graph_actor(g, a)->name, "Lab\xEF\xBF\xBDX");
    assert_int_equal(eco_graph_add_alias(g, a, "Caf\xE9"), 0); /* Latin-1, not UTF-8 */
    assert_string_equal(eco_graph_actor(g, a)->aliases[0], "Caf\xEF\xBF\xBD");
    assert_int_equal(eco_graph_add_tie(&t, g, a, b, ECO_TIE_RELATED, 0, 1, &ev), 0);
    assert_string_equal(eco_graph_tie(g, t)->evidence[0].text, "said \xEF\xBF\xBD\xEF\xBF\xBD so");
    assert_string_equal(eco_graph_tie(g, t)->evidence[0].record, "r\xEF\xBF\xBD");
    /* Valid text is kept byte for byte. */
    assert_string_equal(eco_graph_actor(g, add(g, "Ministério", NULL))->name, "Ministério");
}

static void errors_keep_the_first_cause(void **state)
{
    eco_error err = {0};
    char line[600];
    (void)state;

    assert_int_equal(eco_error_set(&err, ECO_EDATA, "ties.csv", 3, 7, "tie has an empty %s", "source"),
                     ECO_EDATA);
    eco_error_set(&err, ECO_EIO, "other", 1, 1, "later trouble");
    assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)),
                        "ties.csv:3:7: error: tie has an empty source");
    assert_int_equal(eco_error_exit_status(err.code), 65);
    assert_int_equal(eco_error_exit_status(ECO_ENOINPUT), 66);
    assert_int_equal(eco_error_exit_status(ECO_ECANTCREAT), 73);
    eco_error_clear(&err);
    eco_error_set(&err, ECO_ENOINPUT, "gone.md", 0, 0, "cannot open:\nNo such file");
    assert_string_equal(eco_error_format(&err, "error", line, sizeof(line)),
                        "gone.md: error: cannot open: No such file");
}

#define GRAPH_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        GRAPH_TEST(an_actor_is_found_by_name_alias_and_spelling),
        GRAPH_TEST(aliases_keep_every_surface_form_once),
        GRAPH_TEST(the_same_generic_name_stays_apart_across_countries),
        GRAPH_TEST(an_actor_without_country_matches_any),
        GRAPH_TEST(resolve_adds_the_new_and_completes_the_known),
        GRAPH_TEST(ids_are_unique_and_given_ids_are_kept),
        GRAPH_TEST(ties_add_weight_once_per_new_evidence),
        GRAPH_TEST(weights_are_bounded_and_their_sums_stop_at_the_bound),
        GRAPH_TEST(direction_and_kind_tell_ties_apart),
        GRAPH_TEST(merging_carries_names_ties_and_evidence),
        GRAPH_TEST(merging_many_pairs_at_once_equals_merging_them_one_by_one),
        GRAPH_TEST(removing_an_actor_removes_its_ties_and_shifts_indices),
        GRAPH_TEST(renaming_keeps_the_id_and_the_old_name),
        GRAPH_TEST(records_are_added_once),
        GRAPH_TEST(records_keep_their_topics_once),
        GRAPH_TEST(absorbing_a_map_resolves_by_name),
        GRAPH_TEST(absorbing_keeps_one_id_of_two_countries_apart),
        GRAPH_TEST(strings_that_are_not_utf8_are_repaired),
        cmocka_unit_test(errors_keep_the_first_cause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
