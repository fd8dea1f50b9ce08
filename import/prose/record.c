/*
 * import/prose/record.c - what every reader of documents shares: the record, its actors,
 * and the ties its prose states.
 *
 * A reader sets the record's facts (title, country, year), adds the actors its structure
 * names (the lab, the case, the institution, partner fields), and queues its prose.  When
 * the record is done, the prose is read in two passes: the first finds every name, so
 * that a phrase used anywhere as a common noun ("a Citizen Innovation Lab") is known to
 * be one; the second turns names into actors and sentences into ties.  A sentence with a
 * cue phrase ties the actor it is about (its first name, or the record's subject) to the
 * names the cue governs; a sentence without one ties the names it holds as "related".
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "prose.h"
#include "spans.h"
#include "ties.h"

/* The country office of a UNDP record, in its known names before it is made. */
#define OFFICE ((size_t)-2)
#define MAX_EVIDENCE 600

typedef struct passage {
    char *text;          /* cleaned prose (owned) */
    size_t len;
    int line;            /* line of its first byte */
    char *place;         /* the cell it is, as evidence's source; NULL for the file (owned) */
    size_t subject;      /* actor it is about, or ECO_I_NONE for the record's subject */
    const char *country; /* its country; NULL for the record's */
    eco_i_field field;   /* where it stands in the record */
    eco_actor_type sector; /* the sector the question it answers names, or UNKNOWN */
    size_t partner;      /* a description's partner: the one the field before named */
} passage;

typedef struct found_sentence {
    size_t passage;        /* index in passages */
    size_t offset, len;    /* where it is in the passage text */
    int line;              /* its line in the file */
    eco_i_mentions names;  /* what it names */
} found_sentence;

struct eco_i_record {
    eco_graph *g;
    const eco_i_input *in;
    eco_record view;          /* id, path, format, title, country, year */
    char *title;              /* owned copy */
    size_t subject;           /* the actor the prose is about, or ECO_I_NONE */
    size_t lab;               /* a UNDP record's lab, or ECO_I_NONE */
    size_t office;            /* its country office once named (office_actor), or ECO_I_NONE */
    const char *said;         /* the passage being read, evidence of the ties it implies */
    size_t said_len;
    int said_line;
    const char *said_place;   /* the passage's place, while its ties are made; else NULL */
    char *place;              /* where the passages queued next stand (owned), or NULL */
    eco_i_strings topics;     /* the record's topics, which view points at */
    eco_i_map known;          /* folded name -> actor */
    eco_i_map generic;        /* folded names used as common nouns */
    eco_i_map pasted;         /* hashes of passages queued */
    passage *passages;
    size_t passage_count, passage_cap;
    found_sentence *sentences;
    size_t sentence_count, sentence_cap;
    size_t *last_partners;    /* actors of the last partner field */
    size_t last_count, last_cap;
    eco_i_span_context spans; /* the models and observer; field and sector set per passage */
    const char *pooled_id;    /* view.id as the graph pools it, once evidence needs it */
    const char *pooled_path;  /* view.path, likewise */
};

int eco_i_record_new(eco_i_record **out, eco_graph *g, const eco_i_input *in, const char *format)
{
    eco_i_record *r = calloc(1, sizeof(*r));
    if (!r)
        return ECO_ENOMEM;
    r->g = g;
    r->in = in;
    r->view.id = in->record_id;
    r->view.path = in->source;
    r->view.format = in->origin ? in->origin->format : format; /* the file's, not its text's */
    r->subject = r->lab = r->office = ECO_I_NONE;
    r->spans.models = in->models;
    r->spans.observer = in->session->observer;
    r->spans.record = in->record_id;
    r->spans.format = format;
    r->spans.name_types = &in->session->prose->name_types;
    r->spans.places = &in->session->prose->places;
    r->spans.features = in->session->prose->features;
    r->spans.room = &in->session->prose->span_room;
    *out = r;
    return 0;
}

void eco_i_record_free(eco_i_record *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->passage_count; i++) {
        free(r->passages[i].text);
        free(r->passages[i].place);
    }
    free(r->passages);
    free(r->place);
    eco_i_strings_free(&r->topics);
    for (size_t i = 0; i < r->sentence_count; i++)
        eco_i_mentions_free(&r->sentences[i].names);
    free(r->sentences);
    free(r->last_partners);
    eco_i_map_free(&r->known);
    eco_i_map_free(&r->generic);
    eco_i_map_free(&r->pasted);
    free(r->title);
    free(r);
}

/* ---- Facts ------------------------------------------------------------------------------ */

int eco_i_record_set_title(eco_i_record *r, const char *title, size_t len)
{
    free(r->title);
    r->title = eco_i_squeeze(title, len);
    r->view.title = r->title && *r->title ? r->title : NULL;
    return r->title ? 0 : ECO_ENOMEM;
}

void eco_i_record_set_country(eco_i_record *r, const char *country, size_t len)
{
    const char *name = eco_i_country_name(country, len);
    if (name)
        r->view.country = name;
}

void eco_i_record_set_year(eco_i_record *r, int year) { r->view.year = year; }

int eco_i_record_add_topic(eco_i_record *r, const char *topic, size_t len)
{
    if (len == 0)
        return 0;
    if (eco_i_strings_add(&r->topics, topic, len) < 0)
        return ECO_ENOMEM;
    r->view.topics = (const char *const *)r->topics.items;
    r->view.topic_count = r->topics.count;
    return 0;
}

const char *eco_i_record_country(const eco_i_record *r) { return r->view.country; }

void eco_i_record_set_subject(eco_i_record *r, size_t actor) { r->subject = actor; }

eco_graph *eco_i_record_graph(eco_i_record *r) { return r->g; }

/* ---- Names the record knows ------------------------------------------------------------- */

static int know_key(eco_i_record *r, uint64_t key, size_t actor)
{
    return key ? eco_i_map_put(&r->known, key, actor) : 0;
}

int eco_i_record_know(eco_i_record *r, const char *name, size_t actor)
{
    return name ? know_key(r, eco_i_fold_hash(name, strlen(name)), actor) : 0;
}

static int known_key(const char *text, size_t len, uint64_t key, size_t *actor, void *ctx)
{
    const eco_i_record *r = ctx;
    (void)text, (void)len;
    return key && r->known.count && eco_i_map_get(&r->known, key, actor);
}

static int known_name(const char *text, size_t len, size_t *actor, void *ctx)
{
    const eco_i_record *r = ctx;
    return r->known.count && known_key(text, len, eco_i_fold_hash(text, len), actor, ctx);
}

/* "the Country Office" of a UNDP record, in the languages of the templates, or a part of
 * it: "Country office programmatic areas". */
static int is_country_office(const char *folded)
{
    static const char *const forms[] = {"country office", "undp country office", "undp co",
                                        "undp office", "oficina de pais", "oficina del pais",
                                        "bureau pays", "bureau de pays", "escritorio do pais",
                                        "escritorio de pais", NULL};
    if (strcmp(folded, "co") == 0)
        return 1;
    for (size_t i = 0; forms[i]; i++) {
        size_t n = strlen(forms[i]);
        if (strncmp(folded, forms[i], n) == 0 && (folded[n] == '\0' || folded[n] == ' '))
            return 1;
    }
    return 0;
}

/* The names of a UNDP record's own lab, and of its country office, in the templates'
 * languages; "%s" stands for the record's country. */
static const char *const lab_forms[] = {
    "Acc Lab", "AccLab", "Accelerator Lab", "UNDP Accelerator Lab", "UNDP Acc Lab",
    "UNDP's Acc Lab", "UNDP's Accelerator Lab", "UNDP AccLab", "UNDP Accelerator Labs",
    "UNDP Accelerator Lab Network", "Laboratorio de Aceleración", "Laboratoire d'Accélération",
    "PNUD Laboratorio de Aceleración", "AccLabs", "Acc Labs", "AcceleratorLab",
    "Accelerator Labs", "Accélérateur Lab", "Laboratoire d'Accélération du PNUD",
    "Laboratorio de Aceleración del PNUD", "AccLab del PNUD", "Acc Lab team", "Lab team",
    "Accelerator Lab team", "UNDP Accelerator Lab %s", "Accelerator Lab %s", "Acc Lab %s",
    "UNDP %s Accelerator Lab", "UNDP %s Acc Lab", "AccLab %s", NULL};
static const char *const office_forms[] = {
    "UNDP CO", "UNDP Country Office", "UNDP office", "Country Office", "CO", "UNDP %s",
    "PNUD %s", "UNDP %s office", "UNDP %s Country Office", "%s Country Office",
    "UNDP Country Office in %s", "Oficina de País", "Bureau pays", "Bureau de pays", NULL};

#define LAB_FORMS (sizeof(lab_forms) / sizeof(*lab_forms))
#define OFFICE_FORMS (sizeof(office_forms) / sizeof(*office_forms))

/* The keys of the forms without a country, the same in every record: folded and hashed
 * once, where every record hashing them all again took a fiftieth of an import.  0 for a
 * form with a country. */
static uint64_t lab_form_keys[LAB_FORMS], office_form_keys[OFFICE_FORMS];
static pthread_once_t form_keys_once = PTHREAD_ONCE_INIT;

static void hash_forms_of(const char *const *forms, uint64_t *keys)
{
    for (size_t i = 0; forms[i]; i++)
        keys[i] = strstr(forms[i], "%s") ? 0 : eco_i_fold_hash(forms[i], strlen(forms[i]));
}

static void hash_forms(void)
{
    hash_forms_of(lab_forms, lab_form_keys);
    hash_forms_of(office_forms, office_form_keys);
}

/* form with its "%s" (one) replaced by country, cut to n - 1 bytes as snprintf cuts it:
 * snprintf's reading of the format cost more than the hash of the name it made. */
static void fill_form(char *buf, size_t n, const char *form, const char *country)
{
    const char *at = strstr(form, "%s");
    const char *pieces[3] = {form, country, at + 2};
    size_t lengths[3] = {(size_t)(at - form), strlen(country), strlen(at + 2)}, w = 0;

    for (size_t k = 0; k < 3; k++) {
        size_t take = lengths[k] < n - 1 - w ? lengths[k] : n - 1 - w;
        memcpy(buf + w, pieces[k], take);
        w += take;
    }
    buf[w] = '\0';
}

/* Each form of forms, with the record's country where it asks for one, stands for actor;
 * keys holds the forms' keys (hash_forms). */
static int know_forms(eco_i_record *r, const char *const *forms, const uint64_t *keys,
                      size_t actor)
{
    char buf[200];
    int rc = 0;

    if (pthread_once(&form_keys_once, hash_forms) != 0)
        return ECO_ENOMEM;
    for (size_t i = 0; forms[i] && rc == 0; i++) {
        if (keys[i] || !strstr(forms[i], "%s"))
            rc = know_key(r, keys[i], actor);
        else if (r->view.country) {
            fill_form(buf, sizeof(buf), forms[i], r->view.country);
            rc = eco_i_record_know(r, buf, actor);
        }
    }
    return rc;
}

int eco_i_record_set_lab(eco_i_record *r, size_t actor)
{
    int rc;

    r->lab = actor;
    if ((rc = know_forms(r, lab_forms, lab_form_keys, actor)) < 0)
        return rc;
    /* the office is made when the record first names it (office_actor) */
    return r->view.country ? know_forms(r, office_forms, office_form_keys, OFFICE) : 0;
}

/* The record's country office, "UNDP <country>", which hosts its lab: made the first time
 * the record names it, with the hosting tie and the passage that named it as evidence. */
static int office_actor(eco_i_record *r, size_t *out)
{
    char name[200], short_name[200];
    int rc;

    if (r->office == ECO_I_NONE) {
        snprintf(short_name, sizeof(short_name), "UNDP %s", r->view.country);
        snprintf(name, sizeof(name), "UNDP %s Country Office", r->view.country);
        /* made here, not by eco_i_record_actor, which reads "UNDP <country>" as this office */
        if ((rc = eco_graph_resolve_actor(&r->office, r->g, name, ECO_TYPE_INTERNATIONAL,
                                          r->view.country)) < 0 ||
            (rc = eco_graph_add_alias(r->g, r->office, short_name)) < 0 ||
            (rc = eco_i_graph_append_actor_record(r->g, r->office, r->view.id)) < 0 ||
            (rc = eco_i_vote(&r->in->session->votes, name, r->view.id)) < 0 ||
            (rc = know_forms(r, office_forms, office_form_keys, r->office)) < 0 ||
            (rc = eco_i_record_tie(r, r->office, r->lab, ECO_TIE_HOSTING, r->said_line, r->said,
                                   r->said_len)) < 0)
            return rc;
    }
    *out = r->office;
    return 0;
}

/* The actor a name the record knows stands for: the country office is made when first named. */
static int known_actor(eco_i_record *r, size_t *actor)
{
    return *actor == OFFICE ? office_actor(r, actor) : 0;
}

/* ---- Actors ----------------------------------------------------------------------------- */

/* A quick look for the words undp_form reads, so that other names are not folded.  They
 * all start words ("UNDP's", "l'UNDP", "AccLab"), so only word starts are looked at. */
static int has_undp_word(const char *name)
{
    for (const char *p = name; *p; p++) {
        char c = (char)(*p | 0x20), before = p > name ? (char)(p[-1] | 0x20) : ' ';
        if ((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9'))
            continue;
        if ((c == 'u' && strncasecmp(p, "undp", 4) == 0) ||
            (c == 'p' && strncasecmp(p, "pnud", 4) == 0) ||
            (c == 'a' && strncasecmp(p, "acc", 3) == 0) ||
            (c == 'l' && (strncasecmp(p, "lab team", 8) == 0 || strncasecmp(p, "laborat", 7) == 0)) ||
            (c == 'c' && (strncasecmp(p, "country office", 14) == 0 || strcasecmp(p, "co") == 0)) ||
            (c == 'o' && strncasecmp(p, "oficina d", 9) == 0) ||
            (c == 'b' && strncasecmp(p, "bureau", 6) == 0) || (c == 'e' && strncasecmp(p, "escrit", 6) == 0) ||
            (c == 'c' && strncasecmp(p, "chief ", 6) == 0))
            return 1;
    }
    return 0;
}

/* What a name is in a UNDP record. */
enum { NOT_UNDP, OWN_LAB, OTHER_LAB, OWN_OFFICE, OTHER_OFFICE, HEADQUARTERS_UNIT };

/* An office named after the post that leads it, "Chief Digital Office" (the office of
 * UNDP's Chief Digital Officer), written in a UNDP record alone or with UNDP ("UNDP Chief
 * Digital Office", "Chief Digital Office of UNDP"): a unit of UNDP's headquarters, which is
 * the office the post leads, "UNDP Digital Office".  Country offices have no chief
 * officers, so the record's country does not place it.  Returns 1 and that name in
 * canonical, or 0. */
static int post_named_unit(const char *name, char *canonical, size_t n)
{
    static const char *const owners[] = {"UNDP's ", "UNDP\xE2\x80\x99s ", "UNDP ", NULL};
    size_t len = strlen(name);

    for (size_t i = 0; owners[i]; i++)
        if (strncasecmp(name, owners[i], strlen(owners[i])) == 0) {
            name += strlen(owners[i]);
            len -= strlen(owners[i]);
            break;
        }
    if (len > 8 && strcasecmp(name + len - 8, " of UNDP") == 0)
        len -= 8;
    else if (len > 5 && strcasecmp(name + len - 5, " UNDP") == 0)
        len -= 5;
    if (len < 14 || strncmp(name, "Chief ", 6) != 0 || strncmp(name + len - 7, " Office", 7) != 0)
        return 0;
    snprintf(canonical, n, "UNDP %.*s", (int)(len - 6), name + 6);
    return 1;
}

/* In a UNDP record: "Accelerator Lab Niger" is the lab of Niger, the record's own or
 * another's, as ecomap names labs ("UNDP Accelerator Lab Niger"); "UNDP Niger", "PNUD
 * Niger" and "the Country Office" are a country office, which hosts that country's lab.
 * Any other name with "UNDP" in it ("UNDP Istanbul Regional Hub", "Gender Unit of UNDP")
 * is a body of its own, but for an office named after its post (post_named_unit).  Returns a
 * value of the enum above; for another country's lab or office, or a unit of UNDP's
 * headquarters, canonical receives its name and *other its country (ECO_I_NO_COUNTRY). */
static int undp_form(const eco_i_record *r, const char *name, char *canonical, size_t n,
                     const char **other)
{
    static const char *const labs[] = {"undp accelerator lab ", "accelerator lab ", "acc lab ",
                                       "acclab ", "accelerateur lab ",
                                       "laboratoire d acceleration ",
                                       "laboratorio de aceleracion ", NULL};
    static const char *const offices[] = {"undp ", "pnud ", NULL};
    const char *const *lists[] = {labs, offices};
    char folded[256];
    const char *country;

    if (r->lab == ECO_I_NONE || !has_undp_word(name))
        return NOT_UNDP;
    if (post_named_unit(name, canonical, n)) {
        *other = ECO_I_NO_COUNTRY;
        return HEADQUARTERS_UNIT;
    }
    eco_name_fold(folded, sizeof(folded), name);
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; lists[l][i]; i++) {
            size_t pl = strlen(lists[l][i]), cn = strlen(folded + pl);
            if (strncmp(folded, lists[l][i], pl) != 0)
                continue;
            if (l == 1 && cn > 7 && strcmp(folded + pl + cn - 7, " office") == 0)
                cn -= cn > 15 && strncmp(folded + pl + cn - 15, " country", 8) == 0 ? 15 : 7;
            if (!(country = eco_i_country_name(folded + pl, cn)))
                continue;
            if (r->view.country && strcmp(country, r->view.country) == 0)
                return l == 0 ? OWN_LAB : OWN_OFFICE;
            snprintf(canonical, n, l == 0 ? "UNDP Accelerator Lab %s" : "UNDP %s", country);
            *other = country;
            return l == 0 ? OTHER_LAB : OTHER_OFFICE;
        }
    /* "Saudi AccLab", "Saudi Accelerator Lab": the lab under its country's adjective */
    const char *space = strchr(folded, ' ');
    if (space && r->view.country &&
        (strcmp(space + 1, "accelerator lab") == 0 || strcmp(space + 1, "acclab") == 0 ||
         strcmp(space + 1, "acc lab") == 0) &&
        (country = eco_i_country_of_demonym(folded, (size_t)(space - folded))) &&
        strcmp(country, r->view.country) == 0)
        return OWN_LAB;
    return is_country_office(folded) && r->view.country ? OWN_OFFICE : NOT_UNDP;
}

/* Whether name is one of UNDP's bodies as a UNDP record names them (undp_form). */
static int names_a_body_of_undp(const eco_i_record *r, const char *name)
{
    char unit[200];
    const char *country;
    return undp_form(r, name, unit, sizeof(unit), &country) != NOT_UNDP;
}

/* An actor's country: the given one or the record's.  Bodies known to have none (the
 * gazetteer's) are given ECO_I_NO_COUNTRY; a body merely typed international keeps the
 * record's, so that "Ministry of Health", typed so in an answer about UN partners, is never
 * found as another country's ministry. */
static const char *country_for(const eco_i_record *r, const char *country)
{
    if (country && !*country)
        return NULL; /* ECO_I_NO_COUNTRY */
    return country ? country : r->view.country;
}

/* The country to file a known body under: its own; none for the gazetteer's, which work
 * beyond one country (UN agencies, development banks and agencies, global companies and
 * NGOs: GIZ in a record about Niger is no body of Niger), or for an international one; else
 * (an alias file's entry that gives none) otherwise. */
static const char *known_country(const eco_i_known *k, const char *otherwise)
{
    if (k->country)
        return k->country;
    return k->worldwide || k->type == ECO_TYPE_INTERNATIONAL ? ECO_I_NO_COUNTRY : otherwise;
}

/* Finds "Portuguese X" as "X" in Portugal, where the record already knows X. */
static int find_without_demonym(const eco_i_record *r, size_t *out, const char *name,
                                const char *country)
{
    const char *space = strchr(name, ' ');
    const char *of;
    if (!space || !country || !(of = eco_i_country_of_demonym(name, (size_t)(space - name))) ||
        strcmp(of, country) != 0)
        return 0;
    return eco_graph_find_actor(out, r->g, space + 1, country) == 0;
}

int eco_i_prose_cache_new(eco_i_prose_cache **out)
{
    return (*out = calloc(1, sizeof(**out))) ? 0 : ECO_ENOMEM;
}

void eco_i_prose_cache_free(eco_i_prose_cache *c)
{
    if (!c)
        return;
    eco_i_map_free(&c->actor_of);
    eco_i_map_free(&c->actor_name);
    eco_i_map_free(&c->prompts);
    eco_i_map_free(&c->name_types);
    eco_i_map_free(&c->places);
    for (size_t i = 0; i < ECO_I_FEATURE_SETS; i++)
        eco_i_features_free(&c->features[i]);
    free(c->span_room);
    free(c);
}

/* The import's memory of which actor a name and country were resolved to.  A hit is
 * trusted only while that index still holds the actor it held (same pooled name). */
static uint64_t cache_key(uint64_t name_key, const char *country)
{
    return name_key ? name_key ^ (country ? eco_i_hash(country, strlen(country)) *
                                                0x9E3779B97F4A7C15ULL
                                          : 0)
                    : 0;
}

static int cache_get(const eco_i_record *r, uint64_t key, size_t *out)
{
    size_t i, name;
    if (!key || !eco_i_map_get(&r->in->session->prose->actor_of, key, &i) ||
        !eco_i_map_get(&r->in->session->prose->actor_name, key, &name) ||
        i >= eco_graph_actor_count(r->g))
        return 0;
    if ((uintptr_t)eco_graph_actor(r->g, i)->name != (uintptr_t)name)
        return 0;
    *out = i;
    return 1;
}

static int cache_put(const eco_i_record *r, uint64_t key, size_t i)
{
    if (!key)
        return 0;
    if (eco_i_map_put(&r->in->session->prose->actor_of, key, i) < 0 ||
        eco_i_map_put(&r->in->session->prose->actor_name, key,
                      (size_t)(uintptr_t)eco_graph_actor(r->g, i)->name) < 0)
        return ECO_ENOMEM;
    return 0;
}

/* The type and country of a name met for the first time: the type given, else what the name
 * says; the country the name names, else the one given or the record's, but none for a body
 * that works worldwide or a unit of one, which the record's country does not place. */
static void place_new_name(const eco_i_record *r, const char *name, eco_actor_type *type,
                           const char **country)
{
    const char *named = eco_i_country_in_name(name);

    *type = eco_i_name_type(name, *type, r->in->user);
    if (named)
        *country = named;
    else if (!*country && eco_i_works_worldwide(name))
        *country = ECO_I_NO_COUNTRY;
    *country = country_for(r, *country);
}

/* eco_i_record_actor for a name whose eco_i_fold_hash is name_key: a mention has it. */
static int keyed_actor(eco_i_record *r, size_t *out, const char *name, uint64_t name_key,
                       eco_actor_type type, const char *country)
{
    char unit[200];
    const char *unit_country = NULL;
    size_t i;
    int rc, form = undp_form(r, name, unit, sizeof(unit), &unit_country);
    uint64_t key = cache_key(name_key, country_for(r, country));

    if (form == OWN_LAB || form == OWN_OFFICE) {
        if (form == OWN_LAB)
            i = r->lab;
        else if ((rc = office_actor(r, &i)) < 0)
            return rc;
        *out = i;
        return eco_graph_add_alias(r->g, i, name);
    }
    if (form == OTHER_LAB || form == OTHER_OFFICE || form == HEADQUARTERS_UNIT) {
        if ((rc = eco_graph_resolve_actor(&i, r->g, unit, ECO_TYPE_INTERNATIONAL,
                                          country_for(r, unit_country))) < 0 ||
            (rc = eco_graph_add_alias(r->g, i, name)) < 0 ||
            (rc = eco_i_graph_append_actor_record(r->g, i, r->view.id)) < 0 ||
            (rc = eco_i_vote(&r->in->session->votes, unit, r->view.id)) < 0)
            return rc;
        *out = i;
        return know_key(r, name_key, i);
    }
    /* most names are met again: find them before classifying them */
    if (type != ECO_TYPE_INTERNATIONAL &&
        (cache_get(r, key, &i) ||
         eco_graph_find_actor(&i, r->g, name, country_for(r, country)) == 0)) {
        const eco_actor *a = eco_graph_actor(r->g, i);
        if (strcmp(a->name, name) != 0 && (rc = eco_graph_add_alias(r->g, i, name)) < 0)
            return rc;
        if (a->type == ECO_TYPE_UNKNOWN && type != ECO_TYPE_UNKNOWN &&
            (rc = eco_graph_set_actor_type(r->g, i, type)) < 0)
            return rc;
        goto found;
    }
    place_new_name(r, name, &type, &country);
    if (find_without_demonym(r, &i, name, country)) {
        if ((rc = eco_graph_add_alias(r->g, i, name)) < 0)
            return rc;
    } else if ((rc = eco_graph_resolve_actor(&i, r->g, name, type, country)) < 0) {
        return rc;
    }
found:
    if ((rc = cache_put(r, key, i)) < 0 ||
        (rc = eco_i_graph_append_actor_record(r->g, i, r->view.id)) < 0 ||
        (rc = eco_i_vote(&r->in->session->votes, name, r->view.id)) < 0 ||
        (rc = know_key(r, name_key, i)) < 0)
        return rc;
    *out = i;
    return 0;
}

int eco_i_record_actor(eco_i_record *r, size_t *out, const char *name, eco_actor_type type,
                       const char *country)
{
    return keyed_actor(r, out, name, eco_i_fold_hash(name, strlen(name)), type, country);
}

/* ---- Ties ------------------------------------------------------------------------------- */

/* The record's id, pooled once for all its evidence. */
static const char *pooled_id(eco_i_record *r, int *rc)
{
    if (!r->pooled_id)
        r->pooled_id = eco_i_graph_intern(r->g, r->view.id, rc);
    return r->pooled_id;
}

/* Where evidence was read, pooled: the record's path once for all its evidence. */
static const char *pooled_source(eco_i_record *r, const char *source, int *rc)
{
    if (source != r->view.path)
        return eco_i_graph_intern(r->g, source, rc);
    if (!r->pooled_path)
        r->pooled_path = eco_i_graph_intern(r->g, r->view.path, rc);
    return r->pooled_path;
}

/* A passage as ties keep it, pooled: cut, its spaces squeezed. */
static const char *pooled_said(eco_i_record *r, const char *text, size_t len, int *rc)
{
    char squeezed[MAX_EVIDENCE + 1]; /* a malloc a sentence, where it is pooled once */

    eco_i_squeeze_into(squeezed, text, len > MAX_EVIDENCE ? MAX_EVIDENCE : len);
    return eco_i_graph_intern(r->g, squeezed, rc);
}

/* The length of the acronym a name starts with, before more words: 4 for "UNDP Accelerator
 * Lab Peru"; 0 for none.  A name in words may start another body's ("Global Fund for Coral
 * Reefs"); an acronym that starts a name makes it its body's office, lab or unit. */
static size_t leading_acronym(const char *name)
{
    size_t n = 0;
    while (name[n] >= 'A' && name[n] <= 'Z')
        n++;
    return n >= 2 && name[n] == ' ' ? n : 0;
}

/* Whether actor unit is named as a unit of actor body: its name starts with body's acronym
 * ("UNDP Accelerator Lab Peru" of UNDP, "WWF Pakistan" of WWF).  It runs for every
 * partnership said: most names leave at their first word, and the rest look the acronym up
 * in the graph's pool, where a body's name and aliases are, so that the body's aliases are
 * compared as pointers, not read. */
static int named_as_its_unit(eco_graph *g, size_t unit, size_t body)
{
    const eco_actor *u = eco_graph_actor(g, unit), *o = eco_graph_actor(g, body);
    size_t n = leading_acronym(u->name);
    char acronym[32];

    if (n == 0 || n >= sizeof(acronym))
        return 0;
    memcpy(acronym, u->name, n);
    acronym[n] = '\0';
    const char *form = eco_i_pool_find(eco_i_graph_pool(g), acronym);
    if (!form)
        return 0; /* no actor has it for a name */
    if (o->name == form)
        return 1;
    for (size_t k = 0; k < o->alias_count; k++)
        if (o->aliases[k] == form)
            return 1;
    return 0;
}

int eco_i_record_tie_said(eco_i_record *r, size_t a, size_t b, eco_tie_kind kind, int line,
                          const char *text, size_t len, const char **said)
{
    eco_evidence ev = {NULL, r->view.path, line, NULL};
    char where[1100];
    int rc = 0;

    if (a == b || a == ECO_I_NONE || b == ECO_I_NONE)
        return 0;
    /* a body and its own unit are one organisation, not partners: the lab a UNDP record
     * is about and the UNDP a sentence of it names */
    if (kind == ECO_TIE_PARTNERSHIP &&
        (named_as_its_unit(r->g, a, b) || named_as_its_unit(r->g, b, a)))
        return 0;
    if (r->said_place)
        ev.source = r->said_place; /* a table's cell: its line is already the file's */
    else
        eco_i_origin_place(r->in->origin, r->view.path, &ev.line, &ev.source, where,
                           sizeof(where));
    if (!*said)
        *said = pooled_said(r, text, len, &rc);
    ev.text = *said;
    ev.record = pooled_id(r, &rc);
    ev.source = pooled_source(r, ev.source, &rc);
    if (rc < 0)
        return rc;
    return eco_i_graph_add_said_tie(r->g, a, b, kind, &ev);
}

int eco_i_record_tie(eco_i_record *r, size_t a, size_t b, eco_tie_kind kind, int line,
                     const char *text, size_t len)
{
    const char *said = NULL;
    return eco_i_record_tie_said(r, a, b, kind, line, text, len, &said);
}

/* ---- Prose ------------------------------------------------------------------------------ */

int eco_i_record_set_place(eco_i_record *r, const char *place)
{
    char *copy = NULL;

    if (place && !(copy = strdup(place)))
        return ECO_ENOMEM;
    free(r->place);
    r->place = copy;
    return 0;
}

int eco_i_record_prose(eco_i_record *r, const char *text, size_t len, int line, size_t subject,
                       const char *country, eco_i_field field, eco_actor_type sector)
{
    passage *p;
    uint64_t key;
    size_t seen;

    while (len && (*text == ' ' || *text == '\n'))
        text++, len--;
    if (len == 0)
        return 0;
    key = eco_i_hash(text, len);
    if (eco_i_map_get(&r->pasted, key, &seen))
        return 0; /* the same text pasted into another answer */
    if (eco_i_map_put(&r->pasted, key, 1) < 0 ||
        eco_i_reserve(&r->passages, &r->passage_cap, r->passage_count + 1, sizeof(*p)) < 0)
        return ECO_ENOMEM;
    p = &r->passages[r->passage_count];
    if (!(p->text = malloc(len + 1)))
        return ECO_ENOMEM;
    if (!r->place)
        p->place = NULL;
    else if (!(p->place = strdup(r->place))) {
        free(p->text);
        return ECO_ENOMEM;
    }
    memcpy(p->text, text, len);
    p->text[len] = '\0';
    p->len = len;
    p->line = line;
    p->subject = subject;
    p->country = country;
    p->field = field;
    p->sector = sector;
    p->partner = field == ECO_I_FIELD_DESCRIPTION && r->last_count == 1 ? r->last_partners[0]
                                                                        : ECO_I_NONE;
    r->passage_count++;
    return 0;
}

typedef struct first_pass {
    eco_i_record *r;
    size_t passage;
    eco_i_extractor x;
    eco_i_span_context spans; /* the record's, with the passage's field and sector */
    size_t counted;  /* bytes of the passage whose line ends are counted ... */
    int line;        /* ... and the line at that offset */
} first_pass;

/* The line of offset in the passage.  Sentences come in order, so counting goes on from
 * the last one: one pass over a passage however long and however many sentences it has. */
static int line_of(first_pass *fp, const passage *p, size_t offset)
{
    if (offset < fp->counted) {
        fp->counted = 0;
        fp->line = p->line;
    }
    for (const char *s = p->text + fp->counted, *end = p->text + offset;
         (s = memchr(s, '\n', (size_t)(end - s))); s++)
        fp->line++;
    fp->counted = offset;
    return fp->line;
}

/* Length of a list bullet and a bold label at the start of a line: "*   **Training:** " */
static size_t label_length(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && (text[i] == '*' || text[i] == '-' || text[i] == ' '))
        i++;
    if (i == 0 || i < 2 || strncmp(text + i - 2, "**", 2) != 0)
        return 0;
    const char *close = eco_i_memmem(text + i, len - i < 80 ? len - i : 80, "**", 2);
    if (!close || (close[-1] != ':' && !(close + 2 < text + len && close[2] == ':')))
        return 0;
    /* "**Network Building:**" is a topic; "**OECD and the Slovenian Presidency:**" names */
    size_t words = 1;
    for (const char *p = text + i; p < close; p++)
        words += *p == ' ';
    if (words > 3)
        return 0;
    return (size_t)(close - text) + 2 + (close[-1] != ':');
}

/* "X stands for Y", "X, also known as Y": Y is X's other name. */
static void note_same_names(const char *text, eco_i_mentions *names)
{
    static const char *const links[] = {"stands for", "also known as", "short for",
                                        "formerly known as", "known as", NULL};
    for (size_t i = 1; i < names->count; i++) {
        const eco_i_mention *a = &names->items[i - 1], *b = &names->items[i];
        size_t gap = b->start - a->end;
        if (b->start < a->end || gap > 24)
            continue;
        for (size_t k = 0; links[k]; k++)
            if (eco_i_memmem(text + a->end, gap, links[k], strlen(links[k])))
                names->items[i].same_as = i;
    }
}

/* The bytes of the country named at text[0..len), longest first, up to four words; 0 when
 * none is.  *country receives its name. */
static size_t country_at(const char *text, size_t len, const char **country)
{
    size_t ends[4], words = 0, i = 0;

    while (i < len && words < 4 && text[i] >= 'A' && text[i] <= 'Z') {
        while (i < len && text[i] != ' ' && text[i] != ',' && text[i] != '.' && text[i] != ';')
            i++;
        ends[words++] = i;
        if (i + 1 < len && text[i] == ' ')
            i++;
        else
            break;
    }
    while (words > 0) {
        if ((*country = eco_i_country_name(text, ends[words - 1])))
            return ends[words - 1];
        words--;
    }
    return 0;
}

/* "the Accelerator Labs in Ghana and Togo": the labs of a UNDP record, in the plural, with
 * the countries they are in, are the lab of each country, one mention each, named as
 * ecomap names labs ("UNDP Accelerator Lab Togo"); the record's own among them is its lab. */
static int labs_of_countries(const char *text, size_t len, eco_i_mentions *names)
{
    static const char *const joins[] = {", and ", " and ", ", ", " et ", " y ", NULL};

    for (size_t i = 0; i < names->count; i++) {
        eco_i_mention *m = &names->items[i];
        size_t n = strlen(m->name), at = m->end, count = 0;
        const char *countries[8];
        size_t starts[8], ends[8];
        if (n < 4 || strcasecmp(m->name + n - 4, "labs") != 0 || !m->is_actor ||
            at + 4 >= len || (strncmp(text + at, " in ", 4) != 0 && strncmp(text + at, " of ", 4) != 0))
            continue;
        at += 4;
        while (count < 8) {
            size_t c = country_at(text + at, len - at, &countries[count]);
            if (!c)
                break;
            starts[count] = at;
            ends[count++] = at + c;
            at += c;
            size_t k = 0;
            while (joins[k] && strncmp(text + at, joins[k], strlen(joins[k])) != 0)
                k++;
            if (!joins[k])
                break;
            at += strlen(joins[k]);
        }
        if (count == 0 || (i + 1 < names->count && names->items[i + 1].start < ends[count - 1]))
            continue;
        if (eco_i_reserve(&names->items, &names->cap, names->count + count - 1,
                          sizeof(*names->items)) < 0)
            return ECO_ENOMEM;
        memmove(&names->items[i + count], &names->items[i + 1],
                (names->count - i - 1) * sizeof(*names->items));
        names->count += count - 1;
        for (size_t k = 0; k < count; k++) {
            eco_i_mention *lab = &names->items[i + k];
            char name[200];
            if (k > 0) {
                memset(lab, 0, sizeof(*lab));
                lab->start = starts[k];
            } else {
                lab->alias = NULL;
                lab->is_actor = 0;
                lab->same_as = 0;
            }
            snprintf(name, sizeof(name), "Accelerator Lab %s", countries[k]);
            lab->end = ends[k];
            lab->type = ECO_TYPE_INTERNATIONAL;
            if (!(lab->name = eco_i_mentions_squeeze(names, name, strlen(name))))
                return ECO_ENOMEM;
            lab->key = eco_i_fold_hash(lab->name, strlen(lab->name));
        }
        i += count - 1;
    }
    return 0;
}

/* The lexicons' entry for len bytes of text: the gazetteer's, else the user's. */
static const eco_i_known *lexicon_entry(const eco_i_extractor *x, const char *text, size_t len)
{
    const eco_i_known *k = NULL;
    for (size_t i = 0; i < 2 && !k; i++)
        k = x->lexicons[i] ? eco_i_lexicon_find(x->lexicons[i], text, len) : NULL;
    return k;
}

/* "The OECD's Observatory of Public Sector Innovation": a known name written with the
 * possessive of another known body ("OECD's"), whose rest is that name again ("Observatory of
 * Public Sector Innovation"), names two bodies, the possessor and what it holds; ties.c
 * makes the first the host of the second, as for any "X's Y". */
static int possessors_apart(const eco_i_extractor *x, const char *text, eco_i_mentions *names)
{
    for (size_t i = 0; i < names->count; i++) {
        eco_i_mention *m = &names->items[i];
        const eco_i_known *owner;
        size_t q = m->start, mark = 0;
        if (!m->known || m->is_actor)
            continue;
        for (; q + 4 < m->end && !mark; q++)
            mark = strncmp(text + q, "'s ", 3) == 0                ? 3
                   : strncmp(text + q, "\xE2\x80\x99s ", 5) == 0 ? 5
                                                                   : 0;
        if (!mark || --q == m->start)
            continue;
        size_t rest = q + mark;
        if (!(owner = lexicon_entry(x, text + m->start, q - m->start)) || owner == m->known ||
            lexicon_entry(x, text + rest, m->end - rest) != m->known)
            continue;
        if (eco_i_reserve(&names->items, &names->cap, names->count + 1, sizeof(*names->items)) < 0)
            return ECO_ENOMEM;
        m = &names->items[i];
        memmove(m + 2, m + 1, (names->count - i - 1) * sizeof(*m));
        names->count++;
        eco_i_mention *held = m + 1;
        memset(held, 0, sizeof(*held));
        held->start = rest;
        held->end = m->end;
        held->known = m->known;
        held->type = m->known->type;
        if (!(held->name = eco_i_mentions_squeeze(names, text + rest, held->end - rest)) ||
            !(m->name = eco_i_mentions_squeeze(names, text + m->start, q - m->start)))
            return ECO_ENOMEM;
        held->key = eco_i_fold_hash(held->name, strlen(held->name));
        m->key = eco_i_fold_hash(m->name, strlen(m->name));
        m->end = q;
        m->known = owner;
        m->type = owner->type;
        i++;
    }
    return 0;
}

static int find_in_sentence(const char *text, size_t len, size_t offset, void *ctx)
{
    first_pass *fp = ctx;
    eco_i_record *r = fp->r;
    found_sentence *s;
    size_t label = label_length(text, len);
    int rc;

    text += label, len -= label, offset += label;
    if (eco_i_note_thing_acronyms(text, len, &r->generic) < 0 ||
        eco_i_reserve(&r->sentences, &r->sentence_cap, r->sentence_count + 1, sizeof(*s)) < 0)
        return ECO_ENOMEM;
    s = &r->sentences[r->sentence_count];
    memset(s, 0, sizeof(*s));
    if ((rc = eco_i_find_mentions(&s->names, &fp->x, text, len)) < 0) {
        eco_i_mentions_free(&s->names);
        return rc;
    }
    /* a sentence that names no one ties no one, but in the description of a partnership,
     * which is about the partner ("We provided technical assistance") */
    if (s->names.count == 0 && r->passages[fp->passage].field != ECO_I_FIELD_DESCRIPTION) {
        eco_i_mentions_free(&s->names);
        return 0;
    }
    note_same_names(text, &s->names);
    if ((rc = possessors_apart(&fp->x, text, &s->names)) < 0 ||
        (r->lab != ECO_I_NONE && (rc = labs_of_countries(text, len, &s->names)) < 0)) {
        eco_i_mentions_free(&s->names);
        return rc;
    }
    s->passage = fp->passage;
    s->offset = offset;
    s->len = len;
    s->line = line_of(fp, &r->passages[fp->passage], offset);
    r->sentence_count++;
    for (size_t i = 0; i < s->names.count; i++) {
        const eco_i_mention *m = &s->names.items[i];
        if (m->generic && !m->known && !m->is_actor && m->key &&
            eco_i_map_put(&r->generic, m->key, 1) < 0)
            return ECO_ENOMEM;
    }
    return 0;
}

/* Turns a mention into an actor of the graph; ECO_I_NONE in *out when it is no actor. */
static int mention_actor(eco_i_record *r, size_t *out, const eco_i_mention *m, const char *country)
{
    size_t i, flag;
    uint64_t key = m->key;
    int rc;

    *out = ECO_I_NONE;
    if (m->is_actor) {
        i = m->actor;
        if ((rc = known_actor(r, &i)) < 0 ||
            (m->type != ECO_TYPE_UNKNOWN && (rc = eco_graph_set_actor_type(r->g, i, m->type)) < 0))
            return rc;
        *out = i;
        return eco_graph_add_alias(r->g, i, m->name);
    }
    if (m->known && known_key(m->name, 0, m->key, &i, r)) {
        if ((rc = known_actor(r, &i)) < 0)
            return rc;
        *out = i;
        return eco_i_graph_append_actor_record(r->g, i, r->view.id);
    }
    if (m->known) {
        const char *c = known_country(m->known, country);
        if ((rc = eco_i_record_actor(r, &i, m->known->name, m->known->type, c)) < 0 ||
            (rc = eco_graph_add_alias(r->g, i, m->name)) < 0 ||
            (m->known->type != ECO_TYPE_UNKNOWN &&
             (rc = eco_graph_set_actor_type(r->g, i, m->known->type)) < 0))
            return rc;
        *out = i;
        return eco_i_record_know(r, m->name, i);
    }
    if (key && eco_i_map_get(&r->generic, key, &flag))
        return 0;
    if (known_key(m->name, 0, m->key, &i, r)) {
        if ((rc = known_actor(r, &i)) < 0)
            return rc;
        *out = i;
        return m->type != ECO_TYPE_UNKNOWN ? eco_graph_set_actor_type(r->g, i, m->type) : 0;
    }
    /* "Agency for Administrative Modernisation (AMA)" where AMA is already known */
    if (m->alias && m->acronym_defined &&
        ((known_name(m->alias, strlen(m->alias), &i, r) && (rc = known_actor(r, &i)) == 0) ||
         eco_graph_find_actor(&i, r->g, m->alias, country_for(r, country)) == 0)) {
        if ((rc = eco_graph_add_alias(r->g, i, m->name)) < 0 ||
            (rc = eco_i_graph_append_actor_record(r->g, i, r->view.id)) < 0)
            return rc;
    } else if ((rc = keyed_actor(r, &i, m->name, m->key, m->type, country)) < 0) {
        return rc;
    }
    /* a lab, an office or a unit of UNDP keeps the type UNDP's bodies have */
    if (m->type != ECO_TYPE_UNKNOWN && !names_a_body_of_undp(r, m->name) &&
        (rc = eco_graph_set_actor_type(r->g, i, m->type)) < 0)
        return rc;
    if (m->alias && ((rc = eco_graph_add_alias(r->g, i, m->alias)) < 0 ||
                     (rc = eco_i_record_know(r, m->alias, i)) < 0))
        return rc;
    if (m->key && (rc = eco_i_map_put(&r->known, m->key, i)) < 0)
        return rc;
    *out = i;
    return 0;
}

static int second_pass(eco_i_record *r)
{
    size_t *actors = NULL, cap = 0;
    int rc = 0;

    for (size_t k = 0; k < r->sentence_count && rc == 0; k++) {
        const found_sentence *s = &r->sentences[k];
        const passage *p = &r->passages[s->passage];
        size_t subject = p->subject != ECO_I_NONE ? p->subject : r->subject;
        r->said = p->text + s->offset;
        r->said_len = s->len;
        r->said_line = s->line;
        r->said_place = p->place;
        if (eco_i_reserve(&actors, &cap, s->names.count, sizeof(*actors)) < 0) {
            rc = ECO_ENOMEM;
            break;
        }
        for (size_t i = 0; i < s->names.count && rc == 0; i++) {
            const eco_i_mention *m = &s->names.items[i];
            if (m->same_as && actors[m->same_as - 1] != ECO_I_NONE) {
                /* "LabX stands for 'Experimentation Laboratory of ...'" */
                actors[i] = actors[m->same_as - 1];
                if ((rc = eco_graph_add_alias(r->g, actors[i], m->name)) == 0)
                    rc = eco_i_record_know(r, m->name, actors[i]);
                continue;
            }
            rc = mention_actor(r, &actors[i], m, p->country); /* NULL: the record's */
        }
        /* a description whose field named no partner is about the first body it names */
        if (p->field == ECO_I_FIELD_DESCRIPTION && p->partner == ECO_I_NONE)
            for (size_t i = 0; i < s->names.count && rc == 0; i++)
                if (actors[i] != ECO_I_NONE && actors[i] != r->lab && p->partner == ECO_I_NONE)
                    r->passages[s->passage].partner = actors[i];
        eco_i_said said = {p->text + s->offset, s->len,  s->line, &s->names, actors,
                           subject,             r->lab, p->partner, p->field};
        eco_i_span_context spans = r->spans;
        spans.field = p->field;
        spans.sector = p->sector;
        if (rc == 0)
            rc = eco_i_tie_sentence(r, &said, &spans);
    }
    r->said_place = NULL;
    free(actors);
    return rc;
}

/* ---- Partner fields --------------------------------------------------------------------- */

static const char under_the[] = " under the ";
#define UNDER_THE_LEN (sizeof(under_the) - 1)

/* "Center for Economic Research and Reforms under the Administration of the President":
 * a partner named after the body it answers to names both, each of two words or more, the
 * second with a capital after "under the".  The offset of " under the " in the len bytes
 * of name, or 0. */
static size_t under_its_host(const char *name, size_t len)
{
    const size_t n = UNDER_THE_LEN;
    const char *at = eco_i_memmem(name, len, under_the, n);
    size_t cut = at ? (size_t)(at - name) : 0, rest = cut + n;

    if (!at || !memchr(name, ' ', cut) || rest >= len || !isupper((unsigned char)name[rest]) ||
        !memchr(name + rest, ' ', len - rest))
        return 0;
    return cut;
}

/* A partner named under its host (under_its_host) is the body before "under the", the
 * name as written its alias, and the body after it hosts it.  *actor receives the first. */
static int partner_under_host(eco_i_record *r, size_t *actor, const char *name, size_t cut,
                              eco_actor_type type)
{
    const char *after = name + cut + UNDER_THE_LEN;
    char *body = eco_i_squeeze(name, cut), *host_name = eco_i_squeeze(after, strlen(after));
    size_t host;
    int rc = body && host_name ? 0 : ECO_ENOMEM;

    if (rc == 0 && (rc = eco_i_record_actor(r, actor, body, type, NULL)) == 0 &&
        (rc = eco_graph_add_alias(r->g, *actor, name)) == 0 &&
        (rc = eco_i_record_actor(r, &host, host_name, eco_i_classify_words(host_name), NULL)) == 0)
        rc = eco_i_record_tie(r, host, *actor, ECO_TIE_HOSTING, r->said_line, r->said, r->said_len);
    free(body);
    free(host_name);
    return rc;
}

int eco_i_record_partners(eco_i_record *r, const char *text, size_t len, int line,
                          size_t partner_of, eco_actor_type sector)
{
    eco_i_span_context spans = r->spans;
    eco_i_partner *parts = NULL;
    size_t count = 0, actor, known;
    int rc;

    spans.field = sector != ECO_TYPE_UNKNOWN ? ECO_I_FIELD_SECTOR : ECO_I_FIELD_PARTNERS;
    r->said = text;
    r->said_len = len;
    r->said_line = line;
    r->said_place = NULL; /* a partner field is no passage: its place is the file's */
    spans.sector = sector;
    if ((rc = eco_i_split_partners(&parts, &count, text, len, &spans)) < 0)
        return rc;
    r->last_count = 0;
    for (size_t i = 0; i < count && rc == 0; i++) {
        const eco_i_partner *pt = &parts[i];
        const eco_i_known *k = eco_i_lexicon_find(eco_i_gazetteer(), pt->name, strlen(pt->name));
        if (!k && r->in->user)
            k = eco_i_lexicon_find(r->in->user, pt->name, strlen(pt->name));
        if (known_name(pt->name, strlen(pt->name), &known, r)) {
            actor = known;
            if ((rc = known_actor(r, &actor)) == 0)
                rc = eco_graph_add_alias(r->g, actor, pt->name);
        } else if (k) {
            rc = eco_i_record_actor(r, &actor, k->name, k->type,
                                    known_country(k, NULL));
            if (rc == 0)
                rc = eco_graph_add_alias(r->g, actor, pt->name);
        } else {
            /* the type model's answer, when it gave one, weighed the name and the sector */
            eco_actor_type type = r->spans.models ? pt->type : eco_i_classify_words(pt->name);
            size_t under = under_its_host(pt->name, strlen(pt->name));
            if (type == ECO_TYPE_UNKNOWN)
                type = pt->type != ECO_TYPE_UNKNOWN ? pt->type : sector;
            rc = under ? partner_under_host(r, &actor, pt->name, under, type)
                       : eco_i_record_actor(r, &actor, pt->name, type, NULL);
        }
        if (rc == 0 && pt->alias && (rc = eco_graph_add_alias(r->g, actor, pt->alias)) == 0)
            rc = eco_i_record_know(r, pt->alias, actor);
        if (rc == 0 && pt->written && strcmp(pt->written, pt->name) != 0 &&
            (rc = eco_graph_add_alias(r->g, actor, pt->written)) == 0)
            rc = eco_i_record_know(r, pt->written, actor);
        if (rc == 0)
            rc = eco_i_record_tie(r, partner_of, actor, ECO_TIE_PARTNERSHIP, line, text, len);
        if (rc == 0 && actor != partner_of) {
            if (eco_i_reserve(&r->last_partners, &r->last_cap, r->last_count + 1, sizeof(size_t)) < 0)
                rc = ECO_ENOMEM;
            else
                r->last_partners[r->last_count++] = actor;
        }
    }
    eco_i_partners_free(parts, count);
    return rc;
}

int eco_i_record_type_last_partners(eco_i_record *r, eco_actor_type type)
{
    int rc = 0;
    for (size_t i = 0; i < r->last_count && rc == 0 && type != ECO_TYPE_UNKNOWN; i++)
        if (eco_graph_actor(r->g, r->last_partners[i])->type == ECO_TYPE_UNKNOWN)
            rc = eco_graph_set_actor_type(r->g, r->last_partners[i], type);
    return rc;
}

/* ---- Finishing -------------------------------------------------------------------------- */

int eco_i_record_finish(eco_i_record *r, eco_error *err)
{
    first_pass fp = {r, 0, {{eco_i_gazetteer(), r->in->user}, known_key, r, 0, NULL}, r->spans,
                     0, 0};
    int rc = 0;

    fp.x.spans = &fp.spans;
    for (fp.passage = 0; fp.passage < r->passage_count && rc == 0; fp.passage++) {
        passage *p = &r->passages[fp.passage];
        fp.spans.field = p->field;
        fp.spans.sector = p->sector;
        fp.counted = 0;
        fp.line = p->line;
        rc = eco_i_sentences(p->text, p->len, find_in_sentence, &fp);
    }
    if (rc == 0)
        rc = second_pass(r);
    if (rc == 0)
        rc = eco_graph_add_record(NULL, r->g, &r->view);
    if (rc < 0)
        return eco_error_set(err, rc, r->in->source, 0, 0,
                             rc == ECO_ENOMEM ? "out of memory reading the record"
                                              : "record cannot be added to the map");
    return 0;
}

/* ---- Titles ----------------------------------------------------------------------------- */

static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

static int all_capitals(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        letters += s[i] >= 'A' && s[i] <= 'Z';
    }
    return letters >= 2 && n <= 10;
}

/* 1 when the extractor reads all of text as one organisation's name, as it would in prose:
 * "Medo Innovation Lab" is one, "OECD Innovation Facets Model" is not.  0 when it does
 * not, ECO_ENOMEM when memory ran out. */
static int is_whole_name(eco_i_record *r, const char *text)
{
    eco_i_extractor x = {{eco_i_gazetteer(), r->in->user}, known_key, r, 0, NULL};
    eco_i_mentions m = {0};
    size_t len = strlen(text);
    int whole = eco_i_find_mentions(&m, &x, text, len);

    if (whole == 0 && m.count == 1 && !m.items[0].generic && m.items[0].start <= 4 &&
        m.items[0].end + 1 >= len)
        whole = 1;
    eco_i_mentions_free(&m);
    return whole;
}

int eco_i_record_title_actor(eco_i_record *r, size_t *out, const char *title, const char *country)
{
    const char *x, *y;
    size_t xn, yn;
    char *name = NULL, *alias = NULL;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    int rc = 0, whole = 0;

    *out = ECO_I_NONE;
    if (eco_i_starts(title, "The ") || eco_i_starts(title, "the "))
        title += 4;
    if (eco_i_split_title(title, &x, &xn, &y, &yn) && count_words(x, xn) <= 4 &&
        ((x[0] >= 'A' && x[0] <= 'Z') || (unsigned char)x[0] >= 0xC0)) {
        char *xs = eco_i_squeeze(x, xn), *ys = eco_i_squeeze(y, yn);
        if (!xs || !ys) {
            free(xs);
            free(ys);
            return ECO_ENOMEM;
        }
        eco_actor_type tx = eco_i_classify_words(xs), ty = eco_i_classify_words(ys);
        if (all_capitals(x, xn) && ty != ECO_TYPE_UNKNOWN) {
            name = ys, alias = xs, type = ty; /* "AMA – Administrative Modernisation Agency" */
        } else if ((tx != ECO_TYPE_UNKNOWN && (whole = is_whole_name(r, xs)) > 0) ||
                   (whole == 0 && ty != ECO_TYPE_UNKNOWN && count_words(y, yn) <= 8)) {
            name = xs, type = tx != ECO_TYPE_UNKNOWN ? tx : ty;
            free(ys);
        } else {
            free(xs);
            free(ys);
            return whole < 0 ? whole : 0;
        }
    } else {
        size_t n = strlen(title);
        name = eco_i_squeeze(title, n);
        if (!name)
            return ECO_ENOMEM;
        type = eco_i_classify_words(name);
        if (type == ECO_TYPE_UNKNOWN || count_words(title, n) > 10 ||
            (rc = is_whole_name(r, name)) <= 0) {
            free(name);
            return rc;
        }
    }
    if ((rc = eco_i_record_actor(r, out, name, type, country)) == 0 && alias)
        rc = eco_graph_add_alias(r->g, *out, alias);
    if (rc == 0 && alias)
        rc = eco_i_record_know(r, alias, *out);
    if (rc == 0 && strcmp(title, name) != 0 && (rc = eco_graph_add_alias(r->g, *out, title)) == 0)
        rc = eco_i_record_know(r, title, *out);
    free(name);
    free(alias);
    return rc;
}
