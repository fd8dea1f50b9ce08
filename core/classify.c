/*
 * core/classify.c - an actor's type from its name alone.
 *
 * A name is read as a list of folded words.  Each head word that names a kind of body
 * ("ministry", "universidad", "fondation", "lab", "red") votes for a type with a strength;
 * the strongest vote wins, and among equal votes the first word, the head of "X of Y" in
 * English, Spanish, Portuguese and French alike.  Some words change the meaning of another
 * ("public company" is government, "development bank" international).  A name with no
 * head word stays unknown: a guess presented as fact is worse than a gap.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct keyword {
    const char *words;   /* folded words, space separated */
    eco_actor_type type; /* the type it votes for */
    int strength;        /* how sure the vote is */
} keyword;

enum { WEAK = 20, HEAD = 50, SCHOOL = 55, LAB = 60, INTERNATIONAL = 100 };

static const keyword keywords[] = {
    /* International bodies are named for themselves, whatever head word follows. */
    {"united nations", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"nations unies", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"naciones unidas", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"nacoes unidas", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"undp", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"pnud", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"unicef", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"unesco", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"unhcr", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"unfpa", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"unops", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"unido", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"unep", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"un women", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"un habitat", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"oecd", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"ocde", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"world bank", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"banco mundial", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"banque mondiale", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"development bank", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"european commission", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"european union", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"world health organization", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"food and agriculture organization", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"international labor organization", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    {"international monetary fund", ECO_TYPE_INTERNATIONAL, INTERNATIONAL},
    /* Labs. */
    {"lab", ECO_TYPE_LAB, LAB},
    {"labs", ECO_TYPE_LAB, LAB},
    {"laboratory", ECO_TYPE_LAB, LAB},
    {"laboratories", ECO_TYPE_LAB, LAB},
    {"laboratorio", ECO_TYPE_LAB, LAB},
    {"laboratoire", ECO_TYPE_LAB, LAB},
    {"living lab", ECO_TYPE_LAB, LAB},
    {"innovation hub", ECO_TYPE_LAB, HEAD},
    /* Academia. */
    {"university", ECO_TYPE_ACADEMIA, SCHOOL},
    {"universidad", ECO_TYPE_ACADEMIA, SCHOOL},
    {"universidade", ECO_TYPE_ACADEMIA, SCHOOL},
    {"universite", ECO_TYPE_ACADEMIA, SCHOOL},
    {"universita", ECO_TYPE_ACADEMIA, SCHOOL},
    {"universitat", ECO_TYPE_ACADEMIA, SCHOOL},
    {"college", ECO_TYPE_ACADEMIA, SCHOOL},
    {"school", ECO_TYPE_ACADEMIA, SCHOOL},
    {"escuela", ECO_TYPE_ACADEMIA, SCHOOL},
    {"escola", ECO_TYPE_ACADEMIA, SCHOOL},
    {"ecole", ECO_TYPE_ACADEMIA, SCHOOL},
    {"faculty", ECO_TYPE_ACADEMIA, SCHOOL},
    {"facultad", ECO_TYPE_ACADEMIA, SCHOOL},
    {"faculdade", ECO_TYPE_ACADEMIA, SCHOOL},
    {"faculte", ECO_TYPE_ACADEMIA, SCHOOL},
    {"academy", ECO_TYPE_ACADEMIA, SCHOOL},
    {"academia", ECO_TYPE_ACADEMIA, SCHOOL},
    {"academie", ECO_TYPE_ACADEMIA, SCHOOL},
    {"polytechnic", ECO_TYPE_ACADEMIA, SCHOOL},
    {"politecnico", ECO_TYPE_ACADEMIA, SCHOOL},
    {"research center", ECO_TYPE_ACADEMIA, SCHOOL},
    {"research institute", ECO_TYPE_ACADEMIA, SCHOOL},
    {"institute", ECO_TYPE_ACADEMIA, HEAD - 5},
    {"instituto", ECO_TYPE_ACADEMIA, HEAD - 5},
    {"institut", ECO_TYPE_ACADEMIA, HEAD - 5},
    {"think tank", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"observatory", ECO_TYPE_ACADEMIA, HEAD - 10},
    {"observatorio", ECO_TYPE_ACADEMIA, HEAD - 10},
    {"observatoire", ECO_TYPE_ACADEMIA, HEAD - 10},
    {"research centre", ECO_TYPE_ACADEMIA, SCHOOL},
    {"centro de investigacion", ECO_TYPE_ACADEMIA, SCHOOL},
    {"centre de recherche", ECO_TYPE_ACADEMIA, SCHOOL},
    /* Government. */
    {"ministry", ECO_TYPE_GOVERNMENT, HEAD},
    {"ministries", ECO_TYPE_GOVERNMENT, HEAD},
    {"minister", ECO_TYPE_GOVERNMENT, HEAD},
    {"ministerio", ECO_TYPE_GOVERNMENT, HEAD},
    {"ministere", ECO_TYPE_GOVERNMENT, HEAD},
    {"secretariat", ECO_TYPE_GOVERNMENT, HEAD},
    {"secretaria", ECO_TYPE_GOVERNMENT, HEAD},
    {"secretariado", ECO_TYPE_GOVERNMENT, HEAD},
    {"secretary", ECO_TYPE_GOVERNMENT, HEAD},
    {"secretario", ECO_TYPE_GOVERNMENT, HEAD},
    {"secretariat general", ECO_TYPE_GOVERNMENT, HEAD},
    {"undersecretariat", ECO_TYPE_GOVERNMENT, HEAD},
    {"subsecretariat", ECO_TYPE_GOVERNMENT, HEAD},
    {"subsecretaria", ECO_TYPE_GOVERNMENT, HEAD},
    {"public service", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"agency", ECO_TYPE_GOVERNMENT, HEAD},
    {"agencia", ECO_TYPE_GOVERNMENT, HEAD},
    {"agence", ECO_TYPE_GOVERNMENT, HEAD},
    {"authority", ECO_TYPE_GOVERNMENT, HEAD},
    {"autoridad", ECO_TYPE_GOVERNMENT, HEAD},
    {"autoridade", ECO_TYPE_GOVERNMENT, HEAD},
    {"autorite", ECO_TYPE_GOVERNMENT, HEAD},
    {"municipality", ECO_TYPE_GOVERNMENT, HEAD},
    {"municipalities", ECO_TYPE_GOVERNMENT, HEAD},
    {"municipalidad", ECO_TYPE_GOVERNMENT, HEAD},
    {"municipio", ECO_TYPE_GOVERNMENT, HEAD},
    {"municipalite", ECO_TYPE_GOVERNMENT, HEAD},
    {"mairie", ECO_TYPE_GOVERNMENT, HEAD},
    {"prefeitura", ECO_TYPE_GOVERNMENT, HEAD},
    {"alcaldia", ECO_TYPE_GOVERNMENT, HEAD},
    {"ayuntamiento", ECO_TYPE_GOVERNMENT, HEAD},
    {"city hall", ECO_TYPE_GOVERNMENT, HEAD},
    {"city council", ECO_TYPE_GOVERNMENT, HEAD},
    {"camara municipal", ECO_TYPE_GOVERNMENT, HEAD},
    {"ombudsman", ECO_TYPE_GOVERNMENT, HEAD},
    {"ombudsperson", ECO_TYPE_GOVERNMENT, HEAD},
    {"defensoria", ECO_TYPE_GOVERNMENT, HEAD},
    {"presidency", ECO_TYPE_GOVERNMENT, HEAD},
    {"presidencia", ECO_TYPE_GOVERNMENT, HEAD},
    {"prime minister", ECO_TYPE_GOVERNMENT, HEAD},
    {"parliament", ECO_TYPE_GOVERNMENT, HEAD},
    {"congress", ECO_TYPE_GOVERNMENT, HEAD},
    {"senate", ECO_TYPE_GOVERNMENT, HEAD},
    {"commission", ECO_TYPE_GOVERNMENT, HEAD - 5},
    {"comision", ECO_TYPE_GOVERNMENT, HEAD - 5},
    {"comissao", ECO_TYPE_GOVERNMENT, HEAD - 5},
    {"commissioner", ECO_TYPE_GOVERNMENT, HEAD},
    {"directorate", ECO_TYPE_GOVERNMENT, HEAD},
    {"direccion", ECO_TYPE_GOVERNMENT, HEAD - 5},
    {"direcao", ECO_TYPE_GOVERNMENT, HEAD - 5},
    {"department", ECO_TYPE_GOVERNMENT, HEAD - 5},
    {"governorate", ECO_TYPE_GOVERNMENT, HEAD},
    {"prefecture", ECO_TYPE_GOVERNMENT, HEAD},
    {"council", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"committee", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"comite", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"consejo", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"conselho", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"conseil", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"office", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"court", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"mission", ECO_TYPE_GOVERNMENT, HEAD - 15},
    {"center national", ECO_TYPE_GOVERNMENT, HEAD}, /* "centre" folds to "center" */
    {"centro nacional", ECO_TYPE_GOVERNMENT, HEAD},
    {"national center", ECO_TYPE_GOVERNMENT, HEAD},
    {"board", ECO_TYPE_GOVERNMENT, HEAD - 15},
    {"bureau", ECO_TYPE_GOVERNMENT, HEAD - 15},
    {"national program", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"programa nacional", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"programme national", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"social security", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"seguridad social", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"securite sociale", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"tribunal", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"police", ECO_TYPE_GOVERNMENT, HEAD - 10},
    {"government", ECO_TYPE_GOVERNMENT, WEAK},
    {"gobierno", ECO_TYPE_GOVERNMENT, WEAK},
    {"governo", ECO_TYPE_GOVERNMENT, WEAK},
    {"gouvernement", ECO_TYPE_GOVERNMENT, WEAK},
    {"administration", ECO_TYPE_GOVERNMENT, WEAK},
    {"municipal", ECO_TYPE_GOVERNMENT, WEAK},
    /* Civil society. */
    {"ngo", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"ong", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"foundation", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"fundacion", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"fundacao", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"fondation", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"association", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"asociacion", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"associacao", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"charity", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"red cross", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"red crescent", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"collective", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"colectivo", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"coletivo", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"movement", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"movimiento", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"movimento", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"cooperative", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"cooperativa", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"union", ECO_TYPE_CIVIL_SOCIETY, HEAD - 15},
    {"trade union", ECO_TYPE_CIVIL_SOCIETY, HEAD},
    {"ordre des", ECO_TYPE_CIVIL_SOCIETY, HEAD - 10},
    {"colegio de", ECO_TYPE_CIVIL_SOCIETY, HEAD - 10},
    {"sindicato", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"syndicat", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    {"federation", ECO_TYPE_CIVIL_SOCIETY, HEAD - 10},
    {"federacion", ECO_TYPE_CIVIL_SOCIETY, HEAD - 10},
    {"trust", ECO_TYPE_CIVIL_SOCIETY, HEAD - 10},
    {"society", ECO_TYPE_CIVIL_SOCIETY, HEAD - 15},
    {"club", ECO_TYPE_CIVIL_SOCIETY, HEAD - 10},
    {"chamber of commerce", ECO_TYPE_PRIVATE, HEAD},
    {"camara de comercio", ECO_TYPE_PRIVATE, HEAD},
    {"chambre de commerce", ECO_TYPE_PRIVATE, HEAD},
    {"civil society", ECO_TYPE_CIVIL_SOCIETY, HEAD - 5},
    /* Private sector. */
    {"company", ECO_TYPE_PRIVATE, HEAD},
    {"companies", ECO_TYPE_PRIVATE, HEAD},
    {"corporation", ECO_TYPE_PRIVATE, HEAD},
    {"corp", ECO_TYPE_PRIVATE, HEAD},
    {"inc", ECO_TYPE_PRIVATE, HEAD},
    {"ltd", ECO_TYPE_PRIVATE, HEAD},
    {"ltda", ECO_TYPE_PRIVATE, HEAD},
    {"llc", ECO_TYPE_PRIVATE, HEAD},
    {"plc", ECO_TYPE_PRIVATE, HEAD},
    {"gmbh", ECO_TYPE_PRIVATE, HEAD},
    {"empresa", ECO_TYPE_PRIVATE, HEAD},
    {"entreprise", ECO_TYPE_PRIVATE, HEAD},
    {"enterprise", ECO_TYPE_PRIVATE, HEAD - 5},
    {"bank", ECO_TYPE_PRIVATE, HEAD - 5},
    {"banco", ECO_TYPE_PRIVATE, HEAD - 5},
    {"banque", ECO_TYPE_PRIVATE, HEAD - 5},
    {"startup", ECO_TYPE_PRIVATE, HEAD - 5},
    {"consulting", ECO_TYPE_PRIVATE, HEAD - 5},
    {"consultancy", ECO_TYPE_PRIVATE, HEAD - 5},
    {"technologies", ECO_TYPE_PRIVATE, HEAD - 10},
    {"incubator", ECO_TYPE_PRIVATE, HEAD - 10},
    {"incubadora", ECO_TYPE_PRIVATE, HEAD - 10},
    {"incubateur", ECO_TYPE_PRIVATE, HEAD - 10},
    {"sarl", ECO_TYPE_PRIVATE, HEAD},
    {"sas", ECO_TYPE_PRIVATE, HEAD},
    {"s a", ECO_TYPE_PRIVATE, HEAD - 10},
    {"telecom", ECO_TYPE_PRIVATE, HEAD - 10},
    /* Networks. */
    {"network", ECO_TYPE_NETWORK, HEAD},
    {"networks", ECO_TYPE_NETWORK, HEAD},
    {"red", ECO_TYPE_NETWORK, HEAD},
    {"rede", ECO_TYPE_NETWORK, HEAD},
    {"reseau", ECO_TYPE_NETWORK, HEAD},
    {"community of practice", ECO_TYPE_NETWORK, HEAD},
    {"coalition", ECO_TYPE_NETWORK, HEAD - 5},
    {"alliance", ECO_TYPE_NETWORK, HEAD - 5},
    {"alianza", ECO_TYPE_NETWORK, HEAD - 5},
    {"cluster", ECO_TYPE_NETWORK, HEAD - 10},
    {"forum", ECO_TYPE_NETWORK, HEAD - 15},
    {"consortium", ECO_TYPE_NETWORK, HEAD - 10},
    {"consorcio", ECO_TYPE_NETWORK, HEAD - 10},
    {"partnership", ECO_TYPE_NETWORK, HEAD - 15},
    {NULL, ECO_TYPE_UNKNOWN, 0}};

/* Words that make a company, bank or institute part of the state. */
static const char *const state_words[] = {"public",  "municipal", "state",   "national",
                                          "federal", "publica",   "publico", "estatal",
                                          "nacional", "central", NULL};

#define MAX_WORDS 64
#define KEYWORD_COUNT (sizeof(keywords) / sizeof(keywords[0]) - 1)

/* ---- Keywords by their first word ------------------------------------------------------- */

/* Comparing every word of a name with every keyword was most of the classifier's time; the
 * keywords are indexed once by their first word, each chain kept in table order so that
 * the first of equal votes still wins. */
static eco_i_map first_keyword;            /* hash of a first word -> first keyword with it */
static size_t next_keyword[KEYWORD_COUNT]; /* the next keyword with the same first word */
static int index_ok;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    size_t last[KEYWORD_COUNT] = {0};

    index_ok = 1;
    for (size_t k = 0; k < KEYWORD_COUNT; k++) {
        uint64_t key = eco_i_hash(keywords[k].words, strcspn(keywords[k].words, " "));
        size_t first;
        next_keyword[k] = KEYWORD_COUNT;
        if (eco_i_map_get(&first_keyword, key, &first)) {
            next_keyword[last[first]] = k;
            last[first] = k;
        } else if (eco_i_map_put(&first_keyword, key, k) < 0) {
            index_ok = 0;
        } else {
            last[k] = k;
        }
    }
}

/* Splits folded text in place into at most MAX_WORDS words; returns how many. */
static size_t split_words(char *text, char *words[MAX_WORDS])
{
    size_t n = 0;
    for (char *p = text; *p && n < MAX_WORDS;) {
        words[n++] = p;
        p += strcspn(p, " ");
        if (*p)
            *p++ = '\0';
    }
    return n;
}

/* How many words the keyword spans when it starts at words[at], or 0 if it does not. */
static size_t match_at(char *const *words, size_t count, size_t at, const char *phrase)
{
    size_t used = 0;
    while (*phrase) {
        size_t len = strcspn(phrase, " ");
        if (at + used >= count || strlen(words[at + used]) != len ||
            memcmp(words[at + used], phrase, len) != 0)
            return 0;
        used++;
        phrase += len;
        phrase += *phrase == ' ';
    }
    return used;
}

static int is_state_word(const char *w)
{
    for (size_t i = 0; state_words[i]; i++)
        if (strcmp(w, state_words[i]) == 0)
            return 1;
    return 0;
}

static int has_state_word(char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (is_state_word(words[i]))
            return 1;
    return 0;
}

/* The bytes of the possessive ending at name + i ("'s", "’s" before a space or the end),
 * or 0: "UNDP's Bureau" is read as "UNDP Bureau", whose first word is known. */
static size_t possessive_at(const char *name, size_t i)
{
    size_t mark = name[i] == '\'' ? 1 : strncmp(name + i, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
    if (!mark || i == 0 || name[i + mark] != 's' || (name[i + mark + 1] && name[i + mark + 1] != ' '))
        return 0;
    return mark + 1;
}

/* A copy of name with a space wherever a capital follows a small letter, so that "LabX"
 * and "MindLab" show their words, and without possessive endings: in buf when it is large
 * enough, else allocated.  NULL when memory runs out. */
static char *split_camel_case(const char *name, char *buf, size_t size)
{
    size_t len = strlen(name), n = 0;
    char *out = 2 * len + 1 <= size ? buf : malloc(2 * len + 1);

    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        size_t possessive = possessive_at(name, i);
        if (possessive) {
            i += possessive - 1;
            continue;
        }
        if (i > 0 && name[i] >= 'A' && name[i] <= 'Z' && name[i - 1] >= 'a' && name[i - 1] <= 'z')
            out[n++] = ' ';
        out[n++] = name[i];
    }
    out[n] = '\0';
    return out;
}

eco_actor_type eco_name_classify(const char *name)
{
    char small[512], camel[512], *text = small, *words[MAX_WORDS];
    size_t need;
    eco_actor_type best = ECO_TYPE_UNKNOWN;
    int best_strength = 0;
    char *split;

    if (!name || !(split = split_camel_case(name, camel, sizeof(camel))))
        return ECO_TYPE_UNKNOWN;
    need = eco_name_fold(small, sizeof(small), split);
    if (need >= sizeof(small)) { /* a rare long name: fold it again at its length */
        if (!(text = malloc(need + 1))) {
            if (split != camel)
                free(split);
            return ECO_TYPE_UNKNOWN;
        }
        eco_name_fold(text, need + 1, split);
    }
    if (split != camel)
        free(split);
    size_t count = split_words(text, words);

    int indexed = pthread_once(&index_once, build_index) == 0 && index_ok;
    for (size_t at = 0; at < count; at++) {
        size_t k = 0;
        if (indexed && !eco_i_map_get(&first_keyword, eco_i_hash(words[at], strlen(words[at])), &k))
            k = KEYWORD_COUNT;
        for (; k < KEYWORD_COUNT; k = indexed ? next_keyword[k] : k + 1) {
            if (keywords[k].strength > best_strength &&
                match_at(words, count, at, keywords[k].words)) {
                best = keywords[k].type;
                best_strength = keywords[k].strength;
            }
        }
        /* Labs often carry "lab" inside one word: Santalab, Openlab, GovLab. */
        size_t len = strlen(words[at]);
        if (best_strength < LAB - 10 && len > 4 &&
            (strcmp(words[at] + len - 3, "lab") == 0 || strcmp(words[at] + len - 4, "labs") == 0)) {
            best = ECO_TYPE_LAB;
            best_strength = LAB - 10;
        }
    }
    /* A public company or institute belongs to the state; a European body is international. */
    if ((best == ECO_TYPE_PRIVATE || (best == ECO_TYPE_ACADEMIA && best_strength < SCHOOL)) &&
        has_state_word(words, count))
        best = ECO_TYPE_GOVERNMENT;
    /* "International Renewable Energy Agency": an agency of many states */
    if (count > 2 && strcmp(words[0], "international") == 0 && best == ECO_TYPE_GOVERNMENT)
        best = ECO_TYPE_INTERNATIONAL;
    if (count > 1 && strcmp(words[0], "european") == 0 && best != ECO_TYPE_UNKNOWN &&
        best != ECO_TYPE_LAB)
        best = ECO_TYPE_INTERNATIONAL;
    if (text != small)
        free(text);
    return best;
}
