/*
 * import/prose/tokens.c - words, their classes, and the tokenizer of sentences.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "prose.h"
#include "tokens.h"

/* ---- Word lists ------------------------------------------------------------------------- */


/* Head words of organisation names, folded; a plural marks a category, not a name. */
static const char *const heads[] = {
    "ministry", "ministerio", "ministere", "secretariat", "secretaria", "secretariado",
    "secretary", "undersecretariat", "subsecretaria", "agency", "agencia", "agence",
    "authority", "autoridad", "autoridade", "autorite", "university", "universidad",
    "universidade", "universite", "universita", "institute", "instituto", "institut", "foundation",
    "fundacion", "fundacao", "fondation", "lab", "laboratory", "laboratorio", "laboratoire",
    "network", "red", "rede", "reseau", "council", "consejo", "conselho", "conseil", "office",
    "oficina", "bureau", "company", "compania", "companhia", "empresa", "corporation",
    "association", "asociacion", "associacao", "commission", "comision", "comissao",
    "commissioner", "committee", "comite", "department", "departamento", "directorate",
    "direccion", "direcao", "centre", "center", "centro", "bank", "banco", "banque", "fund",
    "fondo", "fundo", "fonds", "school", "college", "academy", "municipality", "municipalidad",
    "municipio", "prefeitura", "alcaldia", "mairie", "ombudsman", "observatory", "observatorio",
    "observatoire", "union", "alliance", "alianza", "coalition", "chamber", "camara", "chambre",
    "board", "court", "tribunal", "parliament", "assembly", "asamblea", "senate", "cooperative",
    "cooperativa", "organization", "organizacion", "organizacao", "federation", "federacion",
    "trust", "society", "hub", "organisation", "incubator", "presidency", "presidencia",
    "movement", "movimiento", "ngo", "ong", "commissariat", "command", "unit",
    "unidad", "unidade", "unite",
    "polytechnic", "faculty", "facultad", "observatorio", "consortium", "consorcio", "cluster",
    "factory", "initiative", "corporacion", "escuela", "escola", "ecole", "hospital",
    "museum", "museo", "musee", "coordinadora", "colectivo", "collectif",
    "groupement", "sindicato", "syndicat", "confederacion", "confederation", "club", NULL};
static const char *const plural_heads[] = {
    "ministries", "ministerios", "ministeres", "secretariats", "agencies", "agencias",
    "authorities", "autoridades", "universities", "universidades", "institutes", "institutos",
    "foundations", "fundaciones", "labs", "laboratories", "laboratorios", "networks", "redes",
    "councils", "consejos", "offices", "companies", "empresas", "corporations", "associations",
    "asociaciones", "commissions", "committees", "departments", "centres", "centers", "centros",
    "banks", "bancos", "funds", "schools", "colleges", "municipalities", "municipios",
    "municipalidades", "unions", "alliances", "chambers", "boards", "courts", "cooperatives",
    "cooperativas", "organizations", "organisations", "organizaciones", "ngos", "ongs", "hubs",
    "movements", "entities", "institutions", "bodies", "agencies", "partners", "stakeholders",
    "governments", "administrations", "municipalites", "universites", "entreprises",
    "cooperatives", "communautes", "comunidades", "instituciones", "institutions", "units",
    "unidades", "clusters", "initiatives", "hospitals", "museums", "clubs",
    "groupements", "sindicatos", "syndicats", NULL};

/* Head words of French, Spanish and Portuguese, which come before a name's adjectives:
 * "Universidad Católica ...", "Agence Française de ...". */
static const char *const heads_before_adjectives[] = {
    "universidad", "universidade", "universite", "instituto", "institut", "ministerio",
    "ministere", "fundacion", "fundacao", "fondation", "agencia", "agence", "secretaria",
    "asociacion", "associacao", "centro", "banco", "banque", "consejo", "conselho", "conseil",
    "oficina", "corporacion", "camara", "chambre", "comision", "comissao", "federacion",
    "facultad", "laboratorio", "laboratoire", "observatorio", "observatoire", "autoridad",
    "autorite", "direccion", "direcao", "red", "rede", "reseau", "escuela", "empresa",
    "compania", "companhia", "alianza", "movimiento", "club", "coordinadora", "colectivo",
    "collectif", "groupement", "sindicato", "syndicat", "escola", "ecole", "museo", "musee",
    "confederacion", NULL};

/* Landforms, which end the names of places, not of bodies: "Union Island". */
static const char *const landforms[] = {"island", "islands", "valley", "river", "lake",
                                        "mountains", "bay", "beach", "desert", "peninsula",
                                        NULL};

/* Words that add nothing to tell one body from another. */
static const char *const generic_words[] = {
    "government", "public", "national", "local", "state", "federal", "regional", "municipal",
    "central", "sector", "private", "civil", "society", "international", "global", "new", "main",
    "first", "other", "several", "various", "innovation", "partner", "general", "the", "our",
    "their", "its", "this", "that", "these", "all", "community", "communities", "citizen",
    "citizens", "gobierno", "governo", "gouvernement", "administration", "entity", "institution",
    "organization", "body", "youth", "women", "social", "development", "project", "team", NULL};

/* Capitalised words that start sentences but never names. */
static const char *const stop_words[] = {
    "the", "this", "these", "that", "those", "in", "on", "at", "for", "from", "with", "by",
    "since", "among", "currently", "also", "however", "thus", "therefore", "and", "but", "or",
    "as", "after", "before", "during", "through", "our", "its", "it", "their", "we", "they",
    "he", "she", "a", "an", "all", "some", "many", "most", "other", "each", "every", "both",
    "yes", "no", "not", "if", "when", "while", "where", "what", "who", "how", "why", "which",
    "please", "le", "la", "les", "el", "los", "las", "un", "una", "une", "o", "os", "um", "uma",
    "des", "del", "du", "de", "lo", "al", "au", "aux", "en", "y", "et", "to", "then", "so",
    "ultimately", "overall", "additionally", "moreover", "furthermore", "finally", "presently",
    "recently", "today", "now", "here", "there", "over", "under", "about", "into", "via", "per",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mr", "mrs", "ms", "dr", "prof", "i", "you", "my", "your", "his",
    "her", "one", "two", "three", "four", "five", "following", "example", "for", "note",
    "nota", "also", "only", "such", "like", "including", "although", "because", "despite",
    "within", "without", "between", "against", "towards", "toward", "upon", "once", "again",
    "even", "just", "still", "yet", "any", "several", "various", "more", "less", "further",
    "its", "itself", "there", "thanks", "given", "based", "according", "regarding", "context",
    "background", "history", "purpose", "goal", "goals", "outcome", "outcomes", "results",
    "due", "none", "having", "being", "owing",
    /* French, Spanish and Portuguese words that start sentences */
    "avec", "pour", "dans", "sur", "par", "selon", "entre", "sous", "chez", "depuis", "ce",
    "cette", "ces", "nous", "ils", "elle", "il", "notre", "nos", "leur", "leurs", "con", "para",
    "segun", "desde", "hacia", "sobre", "bajo", "este", "esta", "estos", "estas", "nuestro",
    "nuestra", "com", "pelo", "pela", "durante", "apos", "nosso", "nossa", "tambien", "ademas",
    "aussi", "ainsi", "enfin", NULL};

/* Capitals that are not organisations: topics, units, technologies. */
static const char *const not_acronyms[] = {
    "ai", "ict", "icts", "stem", "sdg", "sdgs", "lgbt", "lgbtq", "lgbti", "lgbtqi", "lnob",
    "ndvi", "covid", "covid 19", "csr", "hr", "gis", "it", "iot", "ml", "api", "gdp", "kpi",
    "kpis", "msme", "msmes", "sme", "smes", "ngo", "ngos", "cso", "csos", "usd", "eur", "pdf",
    "url", "faq", "ceo", "cv", "qr", "sms", "gps", "id", "tv", "ppe", "wash", "esg", "ux", "ui",
    "rct", "mel", "merl", "gesi", "data", "field", "note", "test", "new", "na", "ok", "vr", "ar",
    "nb", "etc", "tbd", "ppp", "gbv", "vaw", "ewaste", "e", "co", "ngo s", "cbo", "cbos", "mou",
    "tor", "rfp", "q1", "q2", "q3", "q4", "dpg", "dpi", "llm", "gpt", "chatgpt", "bi", "ci",
    "sm", "nft", "pwd", "pwds", "idp", "idps", "ghg", "co2", "lpg", "solar", "pv", "iso",
    /* fields of development work and their jargon */
    "drr", "hiv", "aids", "fgm", "vawg", "srgbv", "tvet", "steam", "sti", "sids", "lac", "ndp",
    "swm", "mvp", "hcd", "swot", "gaap", "hq", "rse", "pet", "ras",
    /* "US$0.00": a country in a price, which ISO's table cannot hold since "us" is English */
    "us",
    /* file formats and air pollutants */
    "mp3", "mp4", "avi", "mov", "wav", "jpg", "jpeg", "png", "csv", "xls", "xlsx", "docx",
    "pm10", "pm25", "no2", "so2", "nox", "ch4", "o3", NULL};

/* Nouns of work products: "Study for ...", "... Regulations" name no organisation. */
static const char *const work_nouns[] = {
    "study", "report", "project", "programme", "program", "plan", "strategy", "survey", "guide",
    "toolkit", "challenge", "campaign", "prize", "award", "awards", "conference", "summit",
    "workshop", "event", "policy", "law", "act", "regulations", "regulation", "framework",
    "agenda", "model", "index", "tool", "platform", "app", "portal", "website", "course",
    "hackathon", "competition", "roadmap", "assessment", "evaluation", "declaration", "vision",
    "goals", "week", "day", "festival", "map", "dashboard", "methodology", "approach",
    /* and their plurals: "our Innovation Challenges" are no body either */
    "reports", "projects", "programmes", "programs", "surveys", "toolkits", "challenges",
    "campaigns", "prizes", "conferences", "summits", "workshops", "events", "frameworks",
    "tools", "platforms", "apps", "portals", "websites", "hackathons", "competitions",
    "assessments", "evaluations", "festivals", "dashboards",
    /* not "studies" nor "policies": "Center for Technology Studies" is a body */
    NULL};

/* Areas a state divides itself into, which end a name as a head word does: "Waterburg
 * District | World Wide Fund for Nature" are two names. */
static const char *const areas[] = {"district", "province", "county", "governorate",
                                    "prefecture", "region", NULL};

/* Legal forms of companies, written after a company's name and often after a comma:
 * "PrimeBotics, Lda", "Acme, Inc.". */
static const char *const legal_forms[] = {"lda", "ltda", "ltd", "inc", "llc", "plc",
                                          "gmbh", "sarl", "sarlu", "suarl", "sas", "srl",
                                          "pty", "pvt", "corp", NULL};

/* Adjectives of regions: part of names ("European Commission"), never one alone. */
static const char *const region_words[] = {"european", "african", "asian", "latin", "american",
                                           "arab", "caribbean", "pacific", "nordic", "balkan",
                                           "andean", "ibero", "iberoamerican", "global", NULL};

/* Lower-case words that join the words of one name ("charge": "Ministère en charge de
 * l'Agriculture"). */
static const char *const connectors[] = {
    "of", "for", "the", "and", "de", "del", "della", "di", "da", "do", "das", "dos", "des",
    "du", "la", "le", "les", "los", "las", "y", "e", "et", "on", "fur", "van", "von", "und",
    "al", "au", "aux", "en", "d", "l", "charge", NULL};

static const char *const and_words[] = {"and", "y", "et", "e", "und", NULL};

/* Words before a name that make it a common noun: "a citizen lab", "the first Lab". */
static const char *const generic_markers[] = {
    "a", "an", "first", "one", "another", "any", "each", "every", "such", "similar", "un",
    "una", "une", "um", "uma", "new", "own", "second", "third", NULL};

/* A person's post before "of", "for" or "to": "Member of Parliament for ...". */
static const char *const roles[] = {"member",     "advisor", "adviser",   "consultant",
                                    "specialist", "expert",  "professor", "researcher",
                                    "fellow",     "analyst", "economist", "deputy",
                                    NULL};

/* ---- Word classes ----------------------------------------------------------------------- */



static eco_i_map word_classes;
static int word_classes_ok;
static pthread_once_t word_classes_once = PTHREAD_ONCE_INIT;

/* A bit for each listed word's hash, by its top 15 bits: most words are on no list, and a
 * clear bit says so from 4 KiB that stay in the cache, where the map (64 KiB) missed it. */
#define FILTER_BITS 32768
static uint64_t word_filter[FILTER_BITS / 64];

static size_t filter_bit(uint64_t key)
{
    return (size_t)(key >> 49); /* the map places keys by other bits (eco_i_map_put) */
}

static void add_class(const char *const *list, unsigned bit)
{
    for (size_t i = 0; list[i]; i++) {
        uint64_t key = eco_i_hash(list[i], strlen(list[i]));
        size_t bits = 0;
        word_filter[filter_bit(key) / 64] |= 1ULL << (filter_bit(key) % 64);
        eco_i_map_get(&word_classes, key, &bits);
        if (eco_i_map_put(&word_classes, key, bits | bit) < 0)
            word_classes_ok = -1;
    }
}

static void build_word_classes(void)
{
    word_classes_ok = 1;
    add_class(heads, W_HEAD);
    add_class(plural_heads, W_PLURAL);
    add_class(generic_words, W_GENERIC);
    add_class(stop_words, W_STOP);
    add_class(connectors, W_CONN);
    add_class(and_words, W_AND);
    add_class(generic_markers, W_MARKER);
    add_class(region_words, W_REGION);
    add_class(not_acronyms, W_NOT_ACRONYM);
    add_class(work_nouns, W_WORK);
    add_class(heads_before_adjectives, W_ADJECTIVES_AFTER);
    add_class(landforms, W_LANDFORM);
    add_class(areas, W_AREA);
    add_class(legal_forms, W_LEGAL_FORM);
    add_class(roles, W_ROLE);
    add_class(eco_i_small_bodies, W_BODY_SMALL);
    add_class(eco_i_remits, W_REMIT);
    add_class(eco_i_remit_connectors, W_REMIT_CONNECTOR);
    /* every word of every sentence is looked up, most of them in none of the lists */
    if (eco_i_map_reserve(&word_classes, word_classes.count) < 0)
        word_classes_ok = -1;
}

unsigned eco_i_word_class(const char *folded)
{
    return eco_i_word_class_n(folded, strlen(folded));
}

/* Whether the classes are built, building them the first time: after that an acquire load
 * a word, where pthread_once was a call into the C library for every word of a record. */
static int word_classes_built(void)
{
    static atomic_int ready;

    if (atomic_load_explicit(&ready, memory_order_acquire))
        return 1;
    if (pthread_once(&word_classes_once, build_word_classes) != 0 || word_classes_ok < 0)
        return 0;
    atomic_store_explicit(&ready, 1, memory_order_release);
    return 1;
}

unsigned eco_i_word_class_n(const char *w, size_t n)
{
    size_t bits = 0;
    if (!n || !word_classes_built())
        return 0;
    uint64_t key = eco_i_hash(w, n);
    if (word_filter[filter_bit(key) / 64] & (1ULL << (filter_bit(key) % 64)))
        eco_i_map_get(&word_classes, key, &bits);
    return (unsigned)bits;
}

/* ---- Tokens ----------------------------------------------------------------------------- */

/* What an ASCII byte is to a word, as bits: most of a record is ASCII, and one look-up a
 * byte replaces the decoding and the tests of ranges that other characters take. */
enum { ASCII_ALNUM = 1, ASCII_ALPHA = 2, ASCII_UPPER = 4, ASCII_FOLDS_LOWER = 8 };

/* ASCII_FOLDS_LOWER: a word of such bytes folds to its lower case (fold_word). */
#define ASCII_KIND(c)                                                                          \
    (((c) >= 'A' && (c) <= 'Z'   ? ASCII_ALNUM | ASCII_ALPHA | ASCII_UPPER                     \
      : (c) >= 'a' && (c) <= 'z' ? ASCII_ALNUM | ASCII_ALPHA                                   \
      : (c) >= '0' && (c) <= '9' ? ASCII_ALNUM                                                 \
                                 : 0) |                                                        \
     ((c) != '\'' && (c) != '-' && (c) != '.' ? ASCII_FOLDS_LOWER : 0))
#define ASCII_KIND_4(c) ASCII_KIND(c), ASCII_KIND((c) + 1), ASCII_KIND((c) + 2), ASCII_KIND((c) + 3)
#define ASCII_KIND_16(c)                                                                       \
    ASCII_KIND_4(c), ASCII_KIND_4((c) + 4), ASCII_KIND_4((c) + 8), ASCII_KIND_4((c) + 12)
#define ASCII_KIND_64(c)                                                                       \
    ASCII_KIND_16(c), ASCII_KIND_16((c) + 16), ASCII_KIND_16((c) + 32), ASCII_KIND_16((c) + 48)

static const unsigned char ascii_kind[256] = {ASCII_KIND_64(0), ASCII_KIND_64(64)}; /* 0 above */

/* Decodes the character at s; non-UTF-8 bytes count as one-byte symbols. */
static inline size_t char_at(const char *s, size_t n, uint32_t *cp)
{
    if ((unsigned char)*s < 0x80) {
        *cp = (unsigned char)*s;
        return 1;
    }
    size_t k = eco_i_utf8_decode(s, n, cp);
    if (k == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return k;
}

static inline int is_letter(uint32_t c)
{
    if (c < 0x80) /* most text is ASCII */
        return (c | 0x20) - 'a' < 26 || c - '0' < 10;
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x52F) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x600 && c <= 0x6FF);
}

static inline int is_upper(uint32_t c)
{
    if (c < 0x80)
        return c - 'A' < 26;
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x100 && c <= 0x17F && c % 2 == 0) || (c >= 0x391 && c <= 0x3A9) ||
           (c >= 0x400 && c <= 0x42F);
}

static int is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019 || c == 0xB4 || c == '`'; }

static int is_dash(uint32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012; }

/* Whether the "lab" at byte at of the word w (n bytes) reads as a lab's name: at the start
 * or the end of the word, or set off by a capital or a digit: "LabX", "Santalab", "GovLab",
 * "OpenlabEC", "Lab4Dev". */
static int lab_stands_out(const char *w, size_t at, size_t n)
{
    char after = at + 3 < n ? w[at + 3] : '\0';
    return at == 0 || at + 3 >= n || w[at] == 'L' || (after >= 'A' && after <= 'Z') ||
           (after >= '0' && after <= '9');
}

/* Sets t's cap (starts with a capital, or is a numeral-led name like "3M") and upper (all
 * capitals, as acronyms are), from the n bytes of the word at w. */
static void word_case(eco_i_token *t, const char *w, size_t n)
{
    size_t letters = 0, uppers = 0;
    uint32_t c;

    char_at(w, n, &c);
    t->cap = is_upper(c) || (c >= '0' && c <= '9' && n > 1 && !(w[n - 1] >= '0' && w[n - 1] <= '9'));
    /* "l'Agriculture", "d'Ivoire": the capital follows the elision */
    if (!t->cap && n > 2 && (w[0] == 'l' || w[0] == 'd') && (w[1] == '\'')) {
        char_at(w + 2, n - 2, &c);
        t->cap = is_upper(c);
    }
    /* a small letter settles it: letters then always outnumber capitals */
    for (size_t i = 0; i < n && uppers == letters;) {
        if ((unsigned char)w[i] < 0x80) {
            letters += (ascii_kind[(unsigned char)w[i]] & ASCII_ALPHA) != 0;
            uppers += (ascii_kind[(unsigned char)w[i]] & ASCII_UPPER) != 0;
            i++;
            continue;
        }
        size_t k = char_at(w + i, n - i, &c);
        if (is_letter(c) && !(c >= '0' && c <= '9')) {
            letters++;
            uppers += is_upper(c);
        }
        i += k;
    }
    t->upper = letters >= 2 && uppers == letters;
}

/* Fills t->folded with the n bytes at w folded; empty when they do not fit.  Returns the
 * folded length, which the word's tests need next. */
static size_t fold_word(eco_i_token *t, const char *w, size_t n)
{
    char buf[48];
    size_t k = 0;

    t->folded[0] = '\0';
    if (n >= sizeof(buf))
        return 0;
    /* most words are ASCII: lower them here, and leave accents to eco_name_fold */
    while (k < n && (ascii_kind[(unsigned char)w[k]] & ASCII_FOLDS_LOWER))
        k++;
    if (k == n) {
        eco_i_lower_ascii(t->folded, w, n);
        t->folded[n] = '\0';
        return n;
    }
    memcpy(buf, w, n);
    buf[n] = '\0';
    if ((k = eco_name_fold(t->folded, sizeof(t->folded), buf)) >= sizeof(t->folded)) {
        t->folded[0] = '\0';
        return 0;
    }
    return k;
}

/* Whether a capitalised word that is no head holds "lab" as a lab's name does: LabX,
 * Santalab, GovLab, OpenlabEC; not "Available", "Labour" or "Laboratory". */
static int coins_lab(const eco_i_token *t, const char *w, size_t n, size_t fl)
{
    if (!t->cap || t->head || fl <= 3 || strchr(t->folded, ' '))
        return 0;
    const char *lab = strstr(t->folded, "lab");
    int plural = fl >= 4 && strcmp(t->folded + fl - 4, "labs") == 0;
    if (lab && fl == n && !lab_stands_out(w, (size_t)(lab - t->folded), n))
        lab = NULL; /* "Available", "Syllabus": letters, not a lab */
    return lab && !plural && strcmp(t->folded, "labour") != 0 && strcmp(t->folded, "labor") != 0 &&
           strncmp(t->folded, "label", 5) != 0 && strncmp(t->folded, "collab", 6) != 0 &&
           strncmp(t->folded, "elabor", 6) != 0 && strncmp(t->folded, "labrador", 8) != 0 &&
           strstr(t->folded, "laborat") == NULL;
}

/* "EDUCATION", "INTEGRITY", "SCALING": a long word in capitals that ends as English nouns of
 * ideas do is a word shouted, not an acronym; so is "SDG7", a goal by its number. */
static int shouted_noun(const eco_i_token *t, size_t n, size_t fl)
{
    static const char *const endings[] = {"tion", "sion", "ment", "ness", "ity", "ism", "ing",
                                          NULL};

    if (t->upper && fl == n && n >= 4 && n <= 5 && memcmp(t->folded, "sdg", 3) == 0 &&
        t->folded[3] >= '0' && t->folded[3] <= '9' && t->folded[n - 1] >= '0' && t->folded[n - 1] <= '9')
        return 1;
    if (!t->upper || n < 7 || fl != n)
        return 0;
    for (size_t i = 0; endings[i]; i++) {
        size_t el = strlen(endings[i]);
        if (memcmp(t->folded + fl - el, endings[i], el) == 0)
            return 1;
    }
    return 0;
}

/* Fills the word properties of t from its text: possessive, folded form, word class, head
 * word, coined lab name. */
static void classify_word(eco_i_token *t, const char *w, size_t n)
{
    t->poss = (unsigned char)eco_i_possessive_length(w, n);
    n -= t->poss;
    size_t folded = fold_word(t, w, n);
    t->cls = eco_i_word_class_n(t->folded, folded);
    if (shouted_noun(t, n, folded))
        t->cls |= W_NOT_ACRONYM;
    if (t->cls & (W_HEAD | W_LEGAL_FORM))
        t->head = 1;
    else if (t->cls & W_PLURAL)
        t->head = 2;
    t->coined = coins_lab(t, w, n, folded);
}

static void describe_word(eco_i_token *t, const char *s, int names_only)
{
    size_t n = t->end - t->start;
    const char *w = s + t->start;

    word_case(t, w, n);
    /* a long small word in prose is no connector, marker or head that matters here */
    if (!t->cap && !names_only && n > 8) {
        t->folded[0] = '\0';
        return;
    }
    classify_word(t, w, n);
}

/* The length of the web address at s ("https://...", "www...."), up to the next space; 0
 * when s starts none. */
static size_t url_length(const char *s, size_t n)
{
    size_t k = 0;
    if (!((n > 8 && memcmp(s, "https://", 8) == 0) || (n > 7 && memcmp(s, "http://", 7) == 0) ||
          (n > 4 && memcmp(s, "www.", 4) == 0)))
        return 0;
    while (k < n && s[k] != ' ' && s[k] != '\n' && s[k] != '\t')
        k++;
    return k;
}

/* The mark a punctuation character plays in a chain of names. */
static char punct_of(uint32_t c)
{
    if (c == ',' || c == '&' || c == '/' || c == '(' || c == ')' || c == ':' || c == '+')
        return (char)c;
    if (is_dash(c))
        return '-';
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0xAB ||
        c == 0xBB || c == '\'')
        return '"';
    return c == '[' ? '(' : c == ']' ? ')' : '.';
}

/* The length of an elided article at text + i, apostrophe included, when it is a word of its
 * own: "L'Accélérateur", "d'Ivoire", "l'agriculture", and "de L' Environnement", typed with
 * a space before the capital.  0 when there is none. */
static size_t elided_article(const char *text, size_t len, size_t i)
{
    uint32_t ap, after;
    char first = (char)(text[i] | 0x20);

    if (i + 2 >= len || (first != 'l' && first != 'd'))
        return 0;
    size_t ak = char_at(text + i + 1, len - i - 1, &ap);
    if (!is_apostrophe(ap) || i + 1 + ak >= len)
        return 0;
    size_t next = i + 1 + ak;
    if (text[next] == ' ' && next + 1 < len) {
        char_at(text + next + 1, len - next - 1, &after);
        return is_upper(after) ? 1 + ak : 0;
    }
    char_at(text + next, len - next, &after);
    return is_upper(after) || (after >= 'a' && after <= 'z' && first == 'l') ? 1 + ak : 0;
}

/* Whether the dot at text + i, between two letters, is part of a word: an initial's dot
 * ("U.N.D.P") or a web name's ("Safavvy.org", "Nemolchi.uz"); not two sentences run
 * together ("de las Artes.They"). */
static int dot_in_word(const char *text, size_t len, size_t i, size_t word_start)
{
    char before = text[i - 1], after = i + 1 < len ? text[i + 1] : '\0';
    size_t tail = 0;

    if (after >= 'A' && after <= 'Z')
        return i - word_start == 1 || (before >= 'A' && before <= 'Z');
    while (i + 1 + tail < len && text[i + 1 + tail] >= 'a' && text[i + 1 + tail] <= 'z')
        tail++;
    if (i + 1 + tail < len && is_letter((unsigned char)text[i + 1 + tail]))
        return 0;
    return i - word_start >= 3 && (tail == 2 || tail == 3) &&
           !(i + 1 + tail < len && text[i + 1 + tail] == '.' && i + 2 + tail < len &&
             is_letter((unsigned char)text[i + 2 + tail]));
}

/* Whether the dot at text + i ends an initial inside a name, the word at start being one
 * capital after a word and before a capitalised one: "Intellysis D. Corp", "John F.
 * Kennedy".  The initial keeps its dot, so that the name runs on past it. */
static int is_initial_in_name(const char *text, size_t len, size_t start, size_t i)
{
    return i == start + 1 && text[start] >= 'A' && text[start] <= 'Z' && start >= 2 &&
           text[start - 1] == ' ' && is_letter((unsigned char)text[start - 2]) &&
           i + 2 < len && text[i + 1] == ' ' && text[i + 2] >= 'A' && text[i + 2] <= 'Z';
}

/* The end of the word that starts at text + i: letters, with an apostrophe, a hyphen or a
 * dot between letters kept in it ("O'Brien", "Co-Lab", "U.N.D.P", "Safavvy.org"). */
static size_t word_end_from(const char *text, size_t len, size_t i)
{
    size_t start = i;
    uint32_t c;

    while (i < len) {
        if (ascii_kind[(unsigned char)text[i]] & ASCII_ALNUM) {
            i++;
            continue;
        }
        size_t k = char_at(text + i, len - i, &c);
        if (is_letter(c)) {
            i += k;
            continue;
        }
        uint32_t next = 0;
        if (i + k < len)
            char_at(text + i + k, len - i - k, &next);
        if ((is_apostrophe(c) || c == '-' || c == '.') && is_letter(next) &&
            !(c == '.' && !dot_in_word(text, len, i, start))) {
            i += k;
            continue;
        }
        if (c == '.' && is_initial_in_name(text, len, start, i)) {
            i += k;
            break;
        }
        /* "Seychelles Farmers' Association": a plural's possessive before a capital */
        if (is_apostrophe(c) && i > start && text[i - 1] == 's' && next == ' ' &&
            i + k + 1 < len && text[i + k + 1] >= 'A' && text[i + k + 1] <= 'Z')
            i += k;
        break;
    }
    return i;
}

/* Prepositions, which a name written in mixed case keeps in small letters. */
static int is_small_word(const char *folded)
{
    static const char *const small[] = {"in", "at", "on", "for", "from", "with", "by", "to",
                                        "en", "au", "aux", "a", NULL};

    for (size_t i = 0; small[i]; i++)
        if (strcmp(folded, small[i]) == 0)
            return 1;
    return 0;
}

unsigned eco_i_class_of(const eco_i_sentence *st, size_t k)
{
    const eco_i_token *t = &st->tokens[k];
    char folded[48];
    size_t n = t->end - t->start;

    if (!t->word || t->folded[0] || n >= sizeof(folded))
        return t->cls;
    eco_i_lower_ascii(folded, st->text + t->start, n);
    folded[n] = '\0';
    return eco_i_word_class(folded);
}

int eco_i_takes_a_capital(const eco_i_sentence *st, size_t a)
{
    const eco_i_token *t = &st->tokens[a];
    char first = st->text[t->start];

    if (!t->word || first < 'a' || first > 'z')
        return 0;
    return (a > 0 && st->tokens[a - 1].word && st->tokens[a - 1].end == t->start) ||
           (t->cap && t->head == 1);
}

int eco_i_article_opens_a_name(const eco_i_sentence *st, size_t k)
{
    const eco_i_token *t = &st->tokens[k];

    return k > 0 && t->word && t->cap && !t->upper && strcmp(t->folded, "the") == 0 &&
           st->tokens[k - 1].word && (st->tokens[k - 1].cap || st->tokens[k - 1].upper) &&
           !(st->tokens[k - 1].cls & W_CONN);
}

void eco_i_raise_word(eco_i_sentence *st, size_t k)
{
    eco_i_token *t = &st->tokens[k];

    t->cap = 1;
    classify_word(t, st->text + t->start, t->end - t->start);
}

/* "MOHAMMED V UNIVERSITY IN RABAT": in a text written all in capitals, the connectors and
 * "and" are the small words they would be in a name written in mixed case. */
static void lower_shouted_connectors(eco_i_sentence *st)
{
    size_t words = 0;

    for (size_t k = 0; k < st->count; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (t->word && !t->upper && !(t->cap && t->end - t->start == 1))
            return;
        words += t->word;
    }
    if (words < 3)
        return;
    for (size_t k = 0; k < st->count; k++) {
        eco_i_token *t = &st->tokens[k];
        if (t->word && ((t->cls & (W_CONN | W_AND)) || is_small_word(t->folded)))
            t->cap = t->upper = 0;
    }
}

/* A legal form after a comma is the end of the company's name before it, not a list's next
 * item: "PrimeBotics, Lda" is one name, tokens "PrimeBotics" and "Lda" as "Acme Ltd" is.  The
 * comma stays in the name's bytes; only its token goes. */
static void join_legal_form(eco_i_sentence *st)
{
    size_t n = st->count;
    const eco_i_token *t = &st->tokens[n - 1];

    if (n < 3 || !(t->cls & W_LEGAL_FORM) || !t->cap || st->tokens[n - 2].punct != ',' ||
        !st->tokens[n - 3].word || !(st->tokens[n - 3].cap || st->tokens[n - 3].upper))
        return;
    st->tokens[n - 2] = *t;
    st->count--;
}

void eco_i_tokenize(eco_i_sentence *st, const char *text, size_t len, int names_only)
{
    size_t i = 0, skip;
    uint32_t c;

    st->text = text;
    st->len = len;
    st->count = 0;
    while (i < len && st->count < ECO_I_MAX_TOKENS) {
        size_t k = char_at(text + i, len - i, &c);
        eco_i_token *t = &st->tokens[st->count];
        if (c == ' ' || c == '\n' || c == '\t') {
            i += k;
            continue;
        }
        /* a web address names no organisation, however its path is spelt */
        if ((c == 'h' || c == 'w') && (skip = url_length(text + i, len - i))) {
            i += skip;
            continue;
        }
        memset(t, 0, sizeof(*t));
        t->start = i;
        st->count++;
        if (!is_letter(c)) {
            t->end = i += k;
            t->punct = punct_of(c);
        } else if ((skip = elided_article(text, len, i))) {
            t->end = i += skip;
            t->word = 1;
            t->folded[0] = (char)(text[t->start] | 0x20);
            t->folded[1] = '\0';
            t->cls = eco_i_word_class(t->folded);
        } else {
            t->end = i = word_end_from(text, len, i);
            t->word = 1;
            describe_word(t, text, names_only);
            join_legal_form(st);
        }
    }
    lower_shouted_connectors(st);
    eco_i_read_small_letters(st);
}

int eco_i_is_post(const eco_i_sentence *st, size_t a, size_t b)
{
    const eco_i_token *t = &st->tokens[a], *next = &st->tokens[a + 1];
    if (b - a < 3 || !t->word || !next->word ||
        !(strcmp(next->folded, "of") == 0 || strcmp(next->folded, "for") == 0 ||
          strcmp(next->folded, "to") == 0))
        return 0;
    return (t->cls & W_ROLE) != 0; /* its folded form's class: one look-up, not twelve strcmp */
}

int eco_i_campus_in(const eco_i_sentence *st, size_t k)
{
    if (k < 2 || k + 1 >= st->count)
        return 0;
    const eco_i_token *in = &st->tokens[k], *head = &st->tokens[k - 1];
    const eco_i_token *name = &st->tokens[k - 2], *city = &st->tokens[k + 1];
    return in->word && strcmp(in->folded, "in") == 0 && head->head == 1 &&
           strncmp(head->folded, "universi", 8) == 0 && name->word && (name->cap || name->upper) &&
           !(name->cls & (W_STOP | W_CONN)) && city->word && (city->cap || city->upper);
}

int eco_i_is_landform(const eco_i_sentence *st, size_t a, size_t b)
{
    return b - a >= 2 && st->tokens[b - 1].word && (st->tokens[b - 1].cls & W_LANDFORM);
}

/* Whether token t is a word in -ing of at least n bytes. */
static int ends_in_ing(const eco_i_sentence *st, const eco_i_token *t, size_t n)
{
    return t->word && t->end - t->start >= n && memcmp(st->text + t->end - 3, "ing", 3) == 0;
}

int eco_i_is_activity(const eco_i_sentence *st, size_t a, size_t b)
{
    if (b - a >= 2 && st->tokens[b - 2].head == 1 && ends_in_ing(st, &st->tokens[b - 1], 5))
        return 1;
    /* "Signing MOUs", "Restoring the Ecosystem": a verb in -ing and what it acts on, with
     * no head word ("Training Centre", "Mining Company" name bodies) and no acronym after
     * it ("Engineering Insitute of Zambia (EIZ)", its head word misspelt, is a name) */
    if (b - a < 2 || !st->tokens[a].cap || st->tokens[a].upper ||
        !ends_in_ing(st, &st->tokens[a], 6))
        return 0;
    if (b + 2 < st->count && st->tokens[b].punct == '(' && st->tokens[b + 1].upper &&
        st->tokens[b + 2].punct == ')')
        return 0;
    for (size_t k = a; k < b; k++)
        if (st->tokens[k].head)
            return 0;
    return 1;
}
