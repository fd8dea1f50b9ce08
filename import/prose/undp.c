/*
 * import/prose/undp.c - UNDP Accelerator Lab records: learning plans, experiments, solutions.
 *
 * A record is Markdown made from a form: "[[key:value]]" tags (country, year, type,
 * partnering_sector), "## Section" headings, "> question" prompts, and answers, often
 * inside <div class="group"> blocks whose own prompt is an empty "> ".  The record belongs
 * to the lab of its country, "UNDP Accelerator Lab <country>"; its partners come from the
 * prompts that ask for them (the yearly templates word them differently, in English,
 * French and Spanish), and its other answers are prose.
 */
#include <stdlib.h>
#include <string.h>

#include "prose.h"

/* What a prompt asks for. */
typedef enum ask {
    ASK_PROSE,        /* an answer to read as prose */
    ASK_SKIP,         /* a date, a person, a yes/no, a number */
    ASK_PARTNER_NAME, /* the name(s) of partners */
    ASK_PARTNER_SECTOR, /* the sector of the partner just named */
    ASK_SECTORS,      /* a checklist of the sectors partnered with */
    ASK_DESCRIPTION   /* what was done together: prose, pasted into every group */
} ask;

typedef struct prompt_rule {
    const char *phrase;  /* folded words the prompt contains */
    ask what;
    eco_actor_type sector; /* for partner prompts that name the sector */
} prompt_rule;

static const prompt_rule rules[] = {
    {"name of the parter", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"name of the partner", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"names of partners", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"names of the partners", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"what partners you have actually worked with", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"nom du partenaire", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"noms des partenaires", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"nombre del socio", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"nombre del aliado", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"nombres de los socios", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"nome do parceiro", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN},
    {"government partners", ASK_PARTNER_NAME, ECO_TYPE_GOVERNMENT},
    {"civil society organisations did you", ASK_PARTNER_NAME, ECO_TYPE_CIVIL_SOCIETY},
    {"civil society organizations did you", ASK_PARTNER_NAME, ECO_TYPE_CIVIL_SOCIETY},
    {"academic partners", ASK_PARTNER_NAME, ECO_TYPE_ACADEMIA},
    {"private sector partners", ASK_PARTNER_NAME, ECO_TYPE_PRIVATE},
    {"un internal partners", ASK_PARTNER_NAME, ECO_TYPE_INTERNATIONAL},
    {"partenaires gouvernementaux", ASK_PARTNER_NAME, ECO_TYPE_GOVERNMENT},
    {"socios gubernamentales", ASK_PARTNER_NAME, ECO_TYPE_GOVERNMENT},
    {"sector does our partner belong", ASK_PARTNER_SECTOR, ECO_TYPE_UNKNOWN},
    {"sector does your partner belong", ASK_PARTNER_SECTOR, ECO_TYPE_UNKNOWN},
    {"secteur appartient", ASK_PARTNER_SECTOR, ECO_TYPE_UNKNOWN},
    {"sector pertenece", ASK_PARTNER_SECTOR, ECO_TYPE_UNKNOWN},
    {"which sector are you partnering with", ASK_SECTORS, ECO_TYPE_UNKNOWN},
    {"choose what sector they belong", ASK_SECTORS, ECO_TYPE_UNKNOWN},
    {"description of the collaboration", ASK_DESCRIPTION, ECO_TYPE_UNKNOWN},
    {"description of the partnership", ASK_DESCRIPTION, ECO_TYPE_UNKNOWN},
    {"description de la collaboration", ASK_DESCRIPTION, ECO_TYPE_UNKNOWN},
    {"descripcion de la colaboracion", ASK_DESCRIPTION, ECO_TYPE_UNKNOWN},
    {"new and unusual partner", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"prepared by", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"on date", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"name of the innovator", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"name of the experimenter", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"estimated sample size", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"monetary resources", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"please upload", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"supporting images", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"supporting links", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"paste the link", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"paste any link", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {"age", ASK_SKIP, ECO_TYPE_UNKNOWN},
    {NULL, ASK_PROSE, ECO_TYPE_UNKNOWN}};

static const prompt_rule prose_rule = {NULL, ASK_PROSE, ECO_TYPE_UNKNOWN};

static int has_word(const char *folded, const char *word)
{
    size_t wl = strlen(word);
    for (const char *at = strstr(folded, word); at; at = strstr(at + 1, word))
        if ((at == folded || at[-1] == ' ') && (at[wl] == '\0' || at[wl] == ' '))
            return 1;
    return 0;
}

static int has_any(const char *folded, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (has_word(folded, words[i]))
            return 1;
    return 0;
}

static const prompt_rule *match_prompt(const char *prompt)
{
    static const char *const partner[] = {"partner", "partners", "parter", "partenaire",
                                          "partenaires", "socio", "socios", "aliado", "aliados",
                                          "parceiro", "parceiros", "contraparte", NULL};
    static const char *const name[] = {"name", "names", "nom", "noms", "nombre", "nombres",
                                       "nome", "nomes", "list", "liste", "lista", NULL};
    static const char *const sector[] = {"sector", "secteur", "setor", NULL};
    static const prompt_rule named = {"", ASK_PARTNER_NAME, ECO_TYPE_UNKNOWN};
    static const prompt_rule sectored = {"", ASK_PARTNER_SECTOR, ECO_TYPE_UNKNOWN};
    char folded[1024];
    size_t n = eco_name_fold(folded, sizeof(folded), prompt);

    if (n >= sizeof(folded))
        folded[sizeof(folded) - 1] = '\0';
    for (const prompt_rule *r = rules; r->phrase; r++)
        if (has_word(folded, r->phrase))
            return r;
    /* templates not listed above, in any of the four languages: "Veuillez indiquer le nom
     * du partenaire", "Indique el nombre del socio", "Setor do parceiro" */
    if (has_any(folded, partner) && has_any(folded, name) && n < 300)
        return &named;
    if (has_any(folded, partner) && has_any(folded, sector) && n < 300)
        return &sectored;
    return &prose_rule;
}

/* What a prompt asks; the same few prompts recur in every record, so the import keeps
 * the answer: the rule, which lives as long as the program.  The templates match_prompt
 * tells by their words are kept too, where each cost a fold and forty searches a record. */
static const prompt_rule *classify_prompt(eco_i_prose_cache *cache, const char *prompt)
{
    uint64_t key = eco_i_hash(prompt, strlen(prompt));
    size_t known;
    const prompt_rule *r;

    if (eco_i_map_get(&cache->prompts, key, &known))
        return (const prompt_rule *)(uintptr_t)known;
    r = match_prompt(prompt);
    /* a cache that cannot grow costs time, not correctness: its failure is ignored */
    (void)eco_i_map_put(&cache->prompts, key, (size_t)(uintptr_t)r);
    return r;
}

/* ---- Reading ---------------------------------------------------------------------------- */

typedef struct undp {
    eco_i_record *r;
    eco_i_prose_cache *cache; /* the import's, for what its prompts ask */
    eco_i_doc doc;
    size_t lab;
    eco_actor_type sectors;  /* the one sector checked in a checklist, or UNKNOWN */
    int sector_count;        /* sectors checked */
    const prompt_rule *rule; /* the prompt being answered */
    size_t answer_start;     /* first line of its answer */
} undp;

/* A line that is part of no answer: an empty group prompt, images, separators. */
static int is_noise(const char *line)
{
    return *line == '\0' || strcmp(line, ">") == 0 || eco_i_starts(line, "![") ||
           eco_i_starts(line, "****") || eco_i_starts(line, "**") || eco_i_starts(line, "http") ||
           eco_i_starts(line, "[http");
}

/* The answer from line a to b (exclusive) as one text, lines joined by '\n'. */
static char *answer_text(const undp *u, size_t a, size_t b, size_t *len, size_t *first)
{
    size_t cap = 1, n = 0;
    char *out;

    for (size_t i = a; i < b; i++)
        cap += strlen(u->doc.lines[i]) + 1;
    if (!(out = malloc(cap)))
        return NULL;
    *first = 0;
    for (size_t i = a; i < b; i++) {
        const char *line = u->doc.lines[i];
        if (is_noise(line))
            continue;
        if (eco_i_starts(line, "> "))
            line += 2;
        if (!*first)
            *first = i + 1;
        size_t l = strlen(line);
        memcpy(out + n, line, l);
        n += l;
        out[n++] = '\n';
    }
    out[n] = '\0';
    *len = n;
    return out;
}

/* Handles the answer of the prompt in u->rule, lines [a, b). */
static int answer(undp *u, size_t a, size_t b)
{
    size_t len = 0, first = 0;
    char *text = answer_text(u, a, b, &len, &first);
    int rc = 0;

    if (!text)
        return ECO_ENOMEM;
    if (len == 0 || !u->rule) {
        free(text);
        return 0;
    }
    switch (u->rule->what) {
    case ASK_PARTNER_NAME: {
        eco_actor_type sector = u->rule->sector;
        if (sector == ECO_TYPE_UNKNOWN && u->sector_count == 1)
            sector = u->sectors;
        rc = eco_i_record_partners(u->r, text, len, (int)first, u->lab, sector);
        if (rc == 0 && u->rule->sector != ECO_TYPE_UNKNOWN)
            rc = eco_i_record_prose(u->r, text, len, (int)first, ECO_I_NONE, NULL,
                                    ECO_I_FIELD_SECTOR, sector);
        break;
    }
    case ASK_PARTNER_SECTOR: {
        /* "Private Sector", "- Academia": the sector of the partner just named */
        size_t n = strcspn(text, "\n");
        rc = eco_i_record_type_last_partners(u->r, eco_i_sector_type(text, n));
        break;
    }
    case ASK_SECTORS:
        for (char *line = text; *line;) {
            char *eol = strchr(line, '\n');
            size_t n = eol ? (size_t)(eol - line) : strlen(line);
            eco_actor_type t = eco_i_sector_type(line, n);
            if (t != ECO_TYPE_UNKNOWN) {
                u->sector_count += u->sectors != t;
                u->sectors = t;
            }
            line += n + (eol != NULL);
        }
        break;
    case ASK_PROSE:
    case ASK_DESCRIPTION:
        rc = eco_i_record_prose(u->r, text, len, (int)first, ECO_I_NONE, NULL,
                                u->rule->what == ASK_PROSE ? ECO_I_FIELD_PROSE
                                                           : ECO_I_FIELD_DESCRIPTION,
                                ECO_TYPE_UNKNOWN);
        break;
    default:
        break;
    }
    free(text);
    return rc;
}

/* "[[key:value]]" */
static int tag(undp *u, const char *line)
{
    const char *colon = strchr(line, ':'), *end = strstr(line, "]]");
    char *stop;
    if (!colon || !end || colon > end)
        return 0;
    size_t kn = (size_t)(colon - line - 2), vn = (size_t)(end - colon - 1);
    const char *key = line + 2, *value = colon + 1;
    if (kn == 7 && memcmp(key, "country", 7) == 0)
        eco_i_record_set_country(u->r, value, vn);
    else if (kn == 4 && memcmp(key, "year", 4) == 0) {
        long year = strtol(value, &stop, 10);
        if (stop == value + vn && year > 1900 && year < 2200)
            eco_i_record_set_year(u->r, (int)year);
    } else if (kn == 16 && memcmp(key, "partnering_sector", 16) == 0) {
        eco_actor_type t = eco_i_sector_type(value, vn);
        if (t != ECO_TYPE_UNKNOWN) {
            u->sector_count += u->sectors != t;
            u->sectors = t;
        }
    }
    return 0;
}

static int read_lines(undp *u)
{
    int rc = 0;
    for (size_t i = 0; i <= u->doc.count && rc == 0; i++) {
        const char *line = i < u->doc.count ? u->doc.lines[i] : "## ";
        int is_prompt = eco_i_starts(line, "> ") && line[2] != '\0';
        int is_heading = eco_i_starts(line, "#");
        if (!is_prompt && !is_heading)
            continue;
        if (u->rule)
            rc = answer(u, u->answer_start, i);
        u->rule = NULL;
        if (is_prompt) {
            u->rule = classify_prompt(u->cache, line + 2);
            u->answer_start = i + 1;
        }
    }
    return rc;
}

int eco_i_read_undp(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    undp u;
    const char *title = NULL;
    char lab_name[200];
    size_t initiative;
    int rc;

    memset(&u, 0, sizeof(u));
    u.cache = in->session->prose;
    if ((rc = eco_i_record_new(&u.r, g, in, "undp")) < 0)
        return eco_error_set(err, rc, in->source, 0, 0, "out of memory");
    if ((rc = eco_i_doc_open(&u.doc, in)) < 0)
        goto cleanup;
    for (size_t i = 0; i < u.doc.count; i++) {
        const char *line = u.doc.lines[i];
        if (eco_i_starts(line, "[["))
            tag(&u, line);
        else if (!title && eco_i_starts(line, "# "))
            title = line + 2;
    }
    if (title && (rc = eco_i_record_set_title(u.r, title, strlen(title))) < 0)
        goto cleanup;
    if (eco_i_record_country(u.r))
        snprintf(lab_name, sizeof(lab_name), "UNDP Accelerator Lab %s", eco_i_record_country(u.r));
    else
        snprintf(lab_name, sizeof(lab_name), "UNDP Accelerator Lab");
    if ((rc = eco_i_record_actor(u.r, &u.lab, lab_name, ECO_TYPE_INTERNATIONAL,
                                 eco_i_record_country(u.r))) < 0 ||
        (rc = eco_i_record_set_lab(u.r, u.lab)) < 0)
        goto cleanup;
    eco_i_record_set_subject(u.r, u.lab);
    /* "Thinkia: citizen lab" - a plan named for the lab or network it builds */
    if (title && (rc = eco_i_record_title_actor(u.r, &initiative, title, NULL)) < 0)
        goto cleanup;
    if ((rc = read_lines(&u)) < 0)
        goto cleanup;
    rc = eco_i_record_finish(u.r, err);
cleanup:
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, in->source, 0, 0, "out of memory reading the record");
    eco_i_doc_close(&u.doc);
    eco_i_record_free(u.r);
    return rc;
}
