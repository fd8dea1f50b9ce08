/*
 * core/vocabulary.c - the words ecomap reads actor types and tie kinds from, in one place.
 *
 * The words of a name that vote for its type, and those that make a body the state's
 * (core/classify.c weighs them); types and relations in free text, as other tools' maps
 * write them ("Ministry", "Universidad", "Member of"); and sector labels, as forms and
 * partner fields give them ("Private Sector", "ONG"); and the cue phrases that say how two
 * organisations in a sentence are tied ("funded by").  The public classifier and every
 * reader of the importer look types up here, so that one word means one type everywhere.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vocabulary.h"

/* ---- Words of names --------------------------------------------------------------------- */

const eco_i_keyword eco_i_name_keywords[] = {
    /* International bodies are named for themselves, whatever head word follows. */
    {"united nations", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"nations unies", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"naciones unidas", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"nacoes unidas", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"undp", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"pnud", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"unicef", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"unesco", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"unhcr", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"unfpa", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"unops", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"unido", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"unep", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"un women", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"un habitat", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"oecd", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"ocde", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"world bank", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"banco mundial", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"banque mondiale", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"development bank", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"european commission", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"european union", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"world health organization", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"food and agriculture organization", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"international labor organization", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    {"international monetary fund", ECO_TYPE_INTERNATIONAL, ECO_I_OWN_NAME},
    /* Labs. */
    {"lab", ECO_TYPE_LAB, ECO_I_LAB},
    {"labs", ECO_TYPE_LAB, ECO_I_LAB},
    {"laboratory", ECO_TYPE_LAB, ECO_I_LAB},
    {"laboratories", ECO_TYPE_LAB, ECO_I_LAB},
    {"laboratorio", ECO_TYPE_LAB, ECO_I_LAB},
    {"laboratoire", ECO_TYPE_LAB, ECO_I_LAB},
    {"living lab", ECO_TYPE_LAB, ECO_I_LAB},
    {"innovation hub", ECO_TYPE_LAB, ECO_I_HEAD},
    /* Academia. */
    {"university", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"universidad", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"universidade", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"universite", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"universita", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"universitat", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"college", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"school", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"escuela", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"escola", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"ecole", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"faculty", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"facultad", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"faculdade", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"faculte", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"academy", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"academia", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"academie", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"polytechnic", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"politecnico", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"research center", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"research institute", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"institute", ECO_TYPE_ACADEMIA, ECO_I_HEAD - 5},
    {"instituto", ECO_TYPE_ACADEMIA, ECO_I_HEAD - 5},
    {"institut", ECO_TYPE_ACADEMIA, ECO_I_HEAD - 5},
    {"think tank", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"observatory", ECO_TYPE_ACADEMIA, ECO_I_HEAD - 10},
    {"observatorio", ECO_TYPE_ACADEMIA, ECO_I_HEAD - 10},
    {"observatoire", ECO_TYPE_ACADEMIA, ECO_I_HEAD - 10},
    {"research centre", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"centro de investigacion", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    {"centre de recherche", ECO_TYPE_ACADEMIA, ECO_I_SCHOOL},
    /* Government. */
    {"ministry", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"ministries", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"minister", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"ministerio", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"ministere", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"secretariat", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"secretaria", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"secretariado", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"secretary", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"secretario", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"secretariat general", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"undersecretariat", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"subsecretariat", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"subsecretaria", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"public service", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"agency", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"agencia", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"agence", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"authority", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"autoridad", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"autoridade", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"autorite", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"municipality", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"municipalities", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"municipalidad", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"municipio", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"municipalite", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"mairie", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"prefeitura", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"alcaldia", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"ayuntamiento", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"city hall", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"city council", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"camara municipal", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"ombudsman", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"ombudsperson", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"defensoria", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"presidency", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"presidencia", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"prime minister", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"parliament", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"congress", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"senate", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"commission", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 5},
    {"comision", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 5},
    {"comissao", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 5},
    {"commissioner", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"directorate", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"direccion", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 5},
    {"direcao", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 5},
    {"department", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 5},
    {"governorate", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"prefecture", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"council", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"committee", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"comite", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"consejo", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"conselho", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"conseil", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"office", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"court", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"mission", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 15},
    {"center national", ECO_TYPE_GOVERNMENT, ECO_I_HEAD}, /* "centre" folds to "center" */
    {"centro nacional", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"national center", ECO_TYPE_GOVERNMENT, ECO_I_HEAD},
    {"board", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 15},
    {"bureau", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 15},
    {"national program", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"programa nacional", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"programme national", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"social security", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"seguridad social", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"securite sociale", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"tribunal", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"police", ECO_TYPE_GOVERNMENT, ECO_I_HEAD - 10},
    {"government", ECO_TYPE_GOVERNMENT, ECO_I_WEAK},
    {"gobierno", ECO_TYPE_GOVERNMENT, ECO_I_WEAK},
    {"governo", ECO_TYPE_GOVERNMENT, ECO_I_WEAK},
    {"gouvernement", ECO_TYPE_GOVERNMENT, ECO_I_WEAK},
    {"administration", ECO_TYPE_GOVERNMENT, ECO_I_WEAK},
    {"municipal", ECO_TYPE_GOVERNMENT, ECO_I_WEAK},
    /* Civil society. */
    {"ngo", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"ong", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"foundation", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"fundacion", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"fundacao", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"fondation", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"association", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"asociacion", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"associacao", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"charity", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"red cross", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"red crescent", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"collective", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"colectivo", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"coletivo", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"movement", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"movimiento", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"movimento", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"cooperative", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"cooperativa", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"union", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 15},
    {"trade union", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD},
    {"ordre des", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 10},
    {"colegio de", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 10},
    {"sindicato", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"syndicat", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    {"federation", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 10},
    {"federacion", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 10},
    {"trust", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 10},
    {"society", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 15},
    {"club", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 10},
    {"chamber of commerce", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"camara de comercio", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"chambre de commerce", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"civil society", ECO_TYPE_CIVIL_SOCIETY, ECO_I_HEAD - 5},
    /* Private sector. */
    {"company", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"companies", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"corporation", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"corp", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"inc", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"ltd", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"ltda", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"llc", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"plc", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"gmbh", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"empresa", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"entreprise", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"enterprise", ECO_TYPE_PRIVATE, ECO_I_HEAD - 5},
    {"bank", ECO_TYPE_PRIVATE, ECO_I_HEAD - 5},
    {"banco", ECO_TYPE_PRIVATE, ECO_I_HEAD - 5},
    {"banque", ECO_TYPE_PRIVATE, ECO_I_HEAD - 5},
    {"startup", ECO_TYPE_PRIVATE, ECO_I_HEAD - 5},
    {"consulting", ECO_TYPE_PRIVATE, ECO_I_HEAD - 5},
    {"consultancy", ECO_TYPE_PRIVATE, ECO_I_HEAD - 5},
    {"technologies", ECO_TYPE_PRIVATE, ECO_I_HEAD - 10},
    {"incubator", ECO_TYPE_PRIVATE, ECO_I_HEAD - 10},
    {"incubadora", ECO_TYPE_PRIVATE, ECO_I_HEAD - 10},
    {"incubateur", ECO_TYPE_PRIVATE, ECO_I_HEAD - 10},
    {"sarl", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"sas", ECO_TYPE_PRIVATE, ECO_I_HEAD},
    {"s a", ECO_TYPE_PRIVATE, ECO_I_HEAD - 10},
    {"telecom", ECO_TYPE_PRIVATE, ECO_I_HEAD - 10},
    /* Networks. */
    {"network", ECO_TYPE_NETWORK, ECO_I_HEAD},
    {"networks", ECO_TYPE_NETWORK, ECO_I_HEAD},
    {"red", ECO_TYPE_NETWORK, ECO_I_HEAD},
    {"rede", ECO_TYPE_NETWORK, ECO_I_HEAD},
    {"reseau", ECO_TYPE_NETWORK, ECO_I_HEAD},
    {"community of practice", ECO_TYPE_NETWORK, ECO_I_HEAD},
    {"coalition", ECO_TYPE_NETWORK, ECO_I_HEAD - 5},
    {"alliance", ECO_TYPE_NETWORK, ECO_I_HEAD - 5},
    {"alianza", ECO_TYPE_NETWORK, ECO_I_HEAD - 5},
    {"cluster", ECO_TYPE_NETWORK, ECO_I_HEAD - 10},
    {"forum", ECO_TYPE_NETWORK, ECO_I_HEAD - 15},
    {"consortium", ECO_TYPE_NETWORK, ECO_I_HEAD - 10},
    {"consorcio", ECO_TYPE_NETWORK, ECO_I_HEAD - 10},
    {"partnership", ECO_TYPE_NETWORK, ECO_I_HEAD - 15},
    {NULL, ECO_TYPE_UNKNOWN, 0}};

_Static_assert(sizeof(eco_i_name_keywords) / sizeof(eco_i_name_keywords[0]) - 1 <=
                   ECO_I_NAME_KEYWORDS_MAX,
               "core/classify.c indexes at most ECO_I_NAME_KEYWORDS_MAX keywords");

const size_t eco_i_name_keyword_count =
    sizeof(eco_i_name_keywords) / sizeof(eco_i_name_keywords[0]) - 1;

/* Words that make a company, bank or institute part of the state. */
const char *const eco_i_state_words[] = {"public",  "municipal", "state",   "national",
                                          "federal", "publica",   "publico", "estatal",
                                          "nacional", "central", NULL};


/* ---- Cue phrases ----------------------------------------------------------------------- */

/* In order: among phrases that start a word alike, the first that matches decides, so a
 * longer phrase comes before a shorter one it starts with ("funds from" before "funds"). */
/* clang-format off */
#define P ECO_TIE_PARTNERSHIP
#define F ECO_TIE_FUNDING
#define H ECO_TIE_HOSTING
#define S ECO_TIE_SUPPORT
#define M ECO_TIE_MEMBERSHIP
#define MUTUAL ECO_I_CUE_MUTUAL
#define AGENT ECO_I_CUE_AGENT
#define PATIENT ECO_I_CUE_PATIENT
#define NOUN ECO_I_CUE_NOUN

const eco_i_cue_phrase eco_i_cue_phrases[] = {
    /* funding */
    {"co-funded by", F, PATIENT}, {"cofunded by", F, PATIENT}, {"funded by", F, PATIENT},
    {"financed by", F, PATIENT}, {"sponsored by", F, PATIENT}, {"funding from", F, PATIENT},
    {"funds from", F, PATIENT}, {"grant from", F, PATIENT},
    {"financial support from", F, PATIENT}, {"financial support", F, NOUN},
    {"financing from", F, PATIENT}, {"financiado por", F, PATIENT}, {"financiada por", F, PATIENT},
    {"financiado pelo", F, PATIENT}, {"financiado pela", F, PATIENT}, {"finance par", F, PATIENT},
    {"financee par", F, PATIENT}, {"financé par", F, PATIENT}, {"financée par", F, PATIENT},
    {"funds", F, AGENT}, {"funded", F, AGENT}, {"financed", F, AGENT}, {"finances", F, AGENT},
    {"hired", F, AGENT}, {"contracted", F, AGENT}, {"commissioned", F, AGENT},
    /* hosting */
    {"managed by", H, PATIENT}, {"run by", H, PATIENT}, {"hosted by", H, PATIENT},
    {"housed in", H, PATIENT}, {"supervised by", H, PATIENT}, {"under the head of", H, PATIENT},
    {"under the responsibility of", H, PATIENT}, {"under the umbrella of", H, PATIENT},
    {"under", H, PATIENT}, {"unit of", H, PATIENT}, {"units of", H, PATIENT},
    {"organic unit", H, PATIENT}, {"integrated in", H, PATIENT}, {"integrated into", H, PATIENT},
    {"attached to", H, PATIENT}, {"initiative of", H, PATIENT}, {"created by", H, PATIENT},
    {"established by", H, PATIENT}, {"set up by", H, PATIENT}, {"launched by", H, PATIENT},
    {"led by", H, PATIENT}, {"coordinated by", H, PATIENT}, {"reports to", H, PATIENT},
    {"part of", H, PATIENT}, {"belongs to", H, PATIENT}, {"brand of", H, PATIENT},
    {"subsidiary of", H, PATIENT}, {"division of", H, PATIENT}, {"dependiente de", H, PATIENT},
    {"adscrito a", H, PATIENT}, {"adscrita a", H, PATIENT}, {"sous la tutelle", H, PATIENT},
    {"rattache a", H, PATIENT}, {"liderado por", H, PATIENT}, {"dirigido por", H, PATIENT},
    {"nested in", H, PATIENT}, {"nested within", H, PATIENT}, {"within", H, PATIENT},
    {"au sein du", H, PATIENT}, {"au sein de", H, PATIENT}, {"dentro del", H, PATIENT},
    {"hosts", H, AGENT}, {"manages", H, AGENT}, {"supervises", H, AGENT}, {"oversees", H, AGENT},
    {"coordinator of", H, AGENT}, {"to lead", H, AGENT}, {"leads", H, AGENT},
    {"lead", H, AGENT}, {"runs", H, AGENT},
    /* support */
    {"technical assistance from", S, PATIENT}, {"technical support from", S, PATIENT},
    {"technical assistance", S, NOUN}, {"technical support", S, NOUN},
    {"capacity building", S, NOUN}, {"supported by", S, PATIENT}, {"support from", S, PATIENT},
    {"backed by", S, PATIENT}, {"with the help of", S, PATIENT}, {"avec l'appui de", S, PATIENT},
    {"avec l\xE2\x80\x99" "appui de", S, PATIENT}, {"avec l'appui du", S, PATIENT},
    {"avec l\xE2\x80\x99" "appui du", S, PATIENT}, {"con el apoyo del", S, PATIENT},
    {"contributed to", S, AGENT}, {"supported", S, AGENT}, {"helped", S, AGENT},
    {"with the support of", S, PATIENT}, {"mentored by", S, PATIENT}, {"trained by", S, PATIENT},
    {"promoted by", S, PATIENT}, {"con el apoyo de", S, PATIENT}, {"avec le soutien de", S, PATIENT},
    {"com o apoio", S, PATIENT}, {"asistencia tecnica", S, AGENT}, {"assistance technique", S, AGENT},
    {"trained", S, AGENT}, {"training", S, NOUN}, {"mentored", S, AGENT}, {"mentoring", S, NOUN},
    {"mentors", S, AGENT}, {"coaching", S, NOUN}, {"coached", S, AGENT}, {"assists", S, AGENT},
    {"assisted", S, AGENT}, {"advised", S, AGENT}, {"supports", S, AGENT},
    /* membership */
    {"member of", M, AGENT}, {"members of", M, AGENT}, {"joined", M, AGENT},
    {"miembro de", M, AGENT}, {"membre de", M, AGENT}, {"membro de", M, AGENT},
    /* partnership */
    {"in partnership with", P, MUTUAL}, {"partnership with", P, MUTUAL},
    {"partnered with", P, MUTUAL}, {"in collaboration with", P, MUTUAL},
    {"collaboration with", P, MUTUAL}, {"collaboration of", P, MUTUAL},
    {"collaborated with", P, MUTUAL}, {"collaborates with", P, MUTUAL},
    {"cooperation with", P, MUTUAL}, {"cooperated with", P, MUTUAL}, {"together with", P, MUTUAL},
    {"worked with", P, MUTUAL}, {"working with", P, MUTUAL}, {"works with", P, MUTUAL},
    {"work with", P, MUTUAL}, {"jointly with", P, MUTUAL}, {"co-leads", P, MUTUAL},
    {"co-led", P, MUTUAL}, {"co-lead", P, MUTUAL}, {"agreement with", P, MUTUAL},
    {"alliance with", P, MUTUAL}, {"partners with", P, MUTUAL}, {"partners", P, MUTUAL},
    {"partner", P, MUTUAL}, {"en alianza con", P, MUTUAL}, {"en colaboracion con", P, MUTUAL},
    {"en colaboración con", P, MUTUAL}, {"junto con", P, MUTUAL},
    {"en partenariat avec", P, MUTUAL}, {"en collaboration avec", P, MUTUAL},
    {"em parceria com", P, MUTUAL}, {"em colaboracao com", P, MUTUAL},
    {"em colaboração com", P, MUTUAL}, {"co-created with", P, MUTUAL},
    {"co-organized", P, MUTUAL}, {"co-organised", P, MUTUAL}, {NULL, P, MUTUAL}};/* clang-format on */
#undef P
#undef F
#undef H
#undef S
#undef M
#undef MUTUAL
#undef AGENT
#undef PATIENT
#undef NOUN

_Static_assert(sizeof(eco_i_cue_phrases) / sizeof(eco_i_cue_phrases[0]) - 1 <= ECO_I_CUE_PHRASES_MAX,
               "import/prose/cues.c indexes at most ECO_I_CUE_PHRASES_MAX phrases");

const size_t eco_i_cue_phrase_count =
    sizeof(eco_i_cue_phrases) / sizeof(eco_i_cue_phrases[0]) - 1;

/* ---- Possessives ----------------------------------------------------------------------- */

size_t eco_i_possessive_length(const char *w, size_t n)
{
    const unsigned char *p;

    if (n <= 2 || (w[n - 1] != 's' && w[n - 1] != 'S'))
        return 0;
    p = (const unsigned char *)w + n - 1;
    return p[-1] == '\''                                                ? 2
           : n >= 3 && p[-1] == 0xB4 && p[-2] == 0xC2                   ? 3
           : n >= 4 && p[-1] == 0x99 && p[-2] == 0x80 && p[-3] == 0xE2 ? 4
                                                                        : 0;
}

/* ---- Free-text types and relations ------------------------------------------------------ */

typedef struct word_type {
    const char *words; /* a folded phrase, matched on word boundaries */
    int value;         /* eco_actor_type or eco_tie_kind */
} word_type;

/* In order: the first phrase found decides, so "non governmental" comes before
 * "governmental" and "international organisation" before anything about organisations. */
/* clang-format off */
static const word_type type_words[] = {
    {"non governmental", ECO_TYPE_CIVIL_SOCIETY}, {"nongovernmental", ECO_TYPE_CIVIL_SOCIETY},
    {"non gov", ECO_TYPE_CIVIL_SOCIETY},    {"nao governamental", ECO_TYPE_CIVIL_SOCIETY},
    {"no gubernamental", ECO_TYPE_CIVIL_SOCIETY}, {"non gouvernementale", ECO_TYPE_CIVIL_SOCIETY},
    {"sin fines de lucro", ECO_TYPE_CIVIL_SOCIETY}, {"sem fins lucrativos", ECO_TYPE_CIVIL_SOCIETY},
    {"sans but lucratif", ECO_TYPE_CIVIL_SOCIETY},    {"non profit", ECO_TYPE_CIVIL_SOCIETY},
    {"nonprofit", ECO_TYPE_CIVIL_SOCIETY},  {"not for profit", ECO_TYPE_CIVIL_SOCIETY},
    {"ngo", ECO_TYPE_CIVIL_SOCIETY},        {"ngos", ECO_TYPE_CIVIL_SOCIETY},
    {"ong", ECO_TYPE_CIVIL_SOCIETY},        {"osc", ECO_TYPE_CIVIL_SOCIETY},
    {"international", ECO_TYPE_INTERNATIONAL}, {"internacional", ECO_TYPE_INTERNATIONAL},
    {"multilateral", ECO_TYPE_INTERNATIONAL}, {"intergovernmental", ECO_TYPE_INTERNATIONAL},
    {"un agency", ECO_TYPE_INTERNATIONAL},  {"development bank", ECO_TYPE_INTERNATIONAL},
    {"donor agency", ECO_TYPE_INTERNATIONAL},
    {"lab", ECO_TYPE_LAB},                  {"labs", ECO_TYPE_LAB},
    {"laboratory", ECO_TYPE_LAB},           {"laboratorio", ECO_TYPE_LAB},
    {"laboratorio de gobierno", ECO_TYPE_LAB}, {"laboratoire", ECO_TYPE_LAB},
    {"innovation unit", ECO_TYPE_LAB},      {"living lab", ECO_TYPE_LAB},
    {"university", ECO_TYPE_ACADEMIA},      {"universities", ECO_TYPE_ACADEMIA},
    {"universidad", ECO_TYPE_ACADEMIA},     {"universidade", ECO_TYPE_ACADEMIA},
    {"universite", ECO_TYPE_ACADEMIA},      {"academia", ECO_TYPE_ACADEMIA},
    {"academic", ECO_TYPE_ACADEMIA},        {"academy", ECO_TYPE_ACADEMIA},
    {"higher ed", ECO_TYPE_ACADEMIA},       {"higher education", ECO_TYPE_ACADEMIA},
    {"research", ECO_TYPE_ACADEMIA},        {"think tank", ECO_TYPE_ACADEMIA},
    {"school", ECO_TYPE_ACADEMIA},          {"college", ECO_TYPE_ACADEMIA},
    {"government", ECO_TYPE_GOVERNMENT},    {"governmental", ECO_TYPE_GOVERNMENT},
    {"governmentowned", ECO_TYPE_GOVERNMENT}, {"gobierno", ECO_TYPE_GOVERNMENT},
    {"governo", ECO_TYPE_GOVERNMENT},       {"gouvernement", ECO_TYPE_GOVERNMENT},
    {"ministry", ECO_TYPE_GOVERNMENT},      {"ministerio", ECO_TYPE_GOVERNMENT},
    {"ministere", ECO_TYPE_GOVERNMENT},     {"agency", ECO_TYPE_GOVERNMENT},
    {"public sector", ECO_TYPE_GOVERNMENT}, {"public administration", ECO_TYPE_GOVERNMENT},
    {"arms length body", ECO_TYPE_GOVERNMENT}, {"non departmental public body", ECO_TYPE_GOVERNMENT},
    {"executive agency", ECO_TYPE_GOVERNMENT}, {"advisory committee", ECO_TYPE_GOVERNMENT},
    {"municipality", ECO_TYPE_GOVERNMENT},  {"municipal", ECO_TYPE_GOVERNMENT},
    {"local", ECO_TYPE_GOVERNMENT},         {"national", ECO_TYPE_GOVERNMENT},
    {"regional", ECO_TYPE_GOVERNMENT},      {"state", ECO_TYPE_GOVERNMENT},
    {"public", ECO_TYPE_GOVERNMENT},        {"publico", ECO_TYPE_GOVERNMENT},
    {"company", ECO_TYPE_PRIVATE},          {"companies", ECO_TYPE_PRIVATE},
    {"business", ECO_TYPE_PRIVATE},         {"private", ECO_TYPE_PRIVATE},
    {"private sector", ECO_TYPE_PRIVATE},   {"for profit", ECO_TYPE_PRIVATE},
    {"forprofit", ECO_TYPE_PRIVATE},        {"corporation", ECO_TYPE_PRIVATE},
    {"corporate", ECO_TYPE_PRIVATE},        {"empresa", ECO_TYPE_PRIVATE},
    {"entreprise", ECO_TYPE_PRIVATE},       {"startup", ECO_TYPE_PRIVATE},
    {"start up", ECO_TYPE_PRIVATE},         {"firm", ECO_TYPE_PRIVATE},
    {"bank", ECO_TYPE_PRIVATE},             {"privado", ECO_TYPE_PRIVATE},
    {"network", ECO_TYPE_NETWORK},          {"networks", ECO_TYPE_NETWORK},
    {"red", ECO_TYPE_NETWORK},              {"rede", ECO_TYPE_NETWORK},
    {"reseau", ECO_TYPE_NETWORK},           {"coalition", ECO_TYPE_NETWORK},
    {"community of practice", ECO_TYPE_NETWORK}, {"activist", ECO_TYPE_NETWORK},
    {"social movement", ECO_TYPE_NETWORK},
    {"civil society", ECO_TYPE_CIVIL_SOCIETY}, {"sociedad civil", ECO_TYPE_CIVIL_SOCIETY},
    {"sociedade civil", ECO_TYPE_CIVIL_SOCIETY}, {"societe civile", ECO_TYPE_CIVIL_SOCIETY},
    {"foundation", ECO_TYPE_CIVIL_SOCIETY}, {"fundacion", ECO_TYPE_CIVIL_SOCIETY},
    {"fundacao", ECO_TYPE_CIVIL_SOCIETY},   {"fondation", ECO_TYPE_CIVIL_SOCIETY},
    {"association", ECO_TYPE_CIVIL_SOCIETY}, {"asociacion", ECO_TYPE_CIVIL_SOCIETY},
    {"associacao", ECO_TYPE_CIVIL_SOCIETY}, {"charity", ECO_TYPE_CIVIL_SOCIETY},
    {"philanthropic", ECO_TYPE_CIVIL_SOCIETY}, {"philanthropy", ECO_TYPE_CIVIL_SOCIETY},
    {"community", ECO_TYPE_CIVIL_SOCIETY},  {"faithbased", ECO_TYPE_CIVIL_SOCIETY},
    {"faith based", ECO_TYPE_CIVIL_SOCIETY}, {"labortrade", ECO_TYPE_CIVIL_SOCIETY},
    {"trade union", ECO_TYPE_CIVIL_SOCIETY}, {"union", ECO_TYPE_CIVIL_SOCIETY},
    {"civic tech", ECO_TYPE_CIVIL_SOCIETY}, {NULL, 0}};

static const word_type kind_words[] = {
    {"member", ECO_TIE_MEMBERSHIP},       {"members", ECO_TIE_MEMBERSHIP},
    {"member of", ECO_TIE_MEMBERSHIP},    {"membership", ECO_TIE_MEMBERSHIP},
    {"miembro", ECO_TIE_MEMBERSHIP},      {"membro", ECO_TIE_MEMBERSHIP},
    {"membre", ECO_TIE_MEMBERSHIP},       {"belongs to", ECO_TIE_MEMBERSHIP},
    {"fund", ECO_TIE_FUNDING},            {"funds", ECO_TIE_FUNDING},
    {"funding", ECO_TIE_FUNDING},         {"funded", ECO_TIE_FUNDING},
    {"funder", ECO_TIE_FUNDING},          {"financing", ECO_TIE_FUNDING},
    {"finance", ECO_TIE_FUNDING},         {"financial", ECO_TIE_FUNDING},
    {"grant", ECO_TIE_FUNDING},           {"grants", ECO_TIE_FUNDING},
    {"donor", ECO_TIE_FUNDING},           {"donation", ECO_TIE_FUNDING},
    {"sponsor", ECO_TIE_FUNDING},         {"sponsorship", ECO_TIE_FUNDING},
    {"investment", ECO_TIE_FUNDING},      {"financiamiento", ECO_TIE_FUNDING},
    {"financiacion", ECO_TIE_FUNDING},    {"financiamento", ECO_TIE_FUNDING},
    {"financement", ECO_TIE_FUNDING},     {"subvencion", ECO_TIE_FUNDING},
    {"host", ECO_TIE_HOSTING},            {"hosts", ECO_TIE_HOSTING},
    {"hosting", ECO_TIE_HOSTING},         {"hosted", ECO_TIE_HOSTING},
    {"parent", ECO_TIE_HOSTING},          {"part of", ECO_TIE_HOSTING},
    {"unit of", ECO_TIE_HOSTING},         {"manages", ECO_TIE_HOSTING},
    {"supervises", ECO_TIE_HOSTING},      {"subsidiary", ECO_TIE_HOSTING},
    {"support", ECO_TIE_SUPPORT},         {"supports", ECO_TIE_SUPPORT},
    {"mentoring", ECO_TIE_SUPPORT},       {"mentorship", ECO_TIE_SUPPORT},
    {"training", ECO_TIE_SUPPORT},        {"advice", ECO_TIE_SUPPORT},
    {"advisory", ECO_TIE_SUPPORT},        {"technical assistance", ECO_TIE_SUPPORT},
    {"capacity building", ECO_TIE_SUPPORT}, {"coaching", ECO_TIE_SUPPORT},
    {"apoyo", ECO_TIE_SUPPORT},           {"apoio", ECO_TIE_SUPPORT},
    {"soutien", ECO_TIE_SUPPORT},         {"assistance", ECO_TIE_SUPPORT},
    {"partner", ECO_TIE_PARTNERSHIP},     {"partners", ECO_TIE_PARTNERSHIP},
    {"partnership", ECO_TIE_PARTNERSHIP}, {"collaboration", ECO_TIE_PARTNERSHIP},
    {"collaborates", ECO_TIE_PARTNERSHIP}, {"cooperation", ECO_TIE_PARTNERSHIP},
    {"alliance", ECO_TIE_PARTNERSHIP},    {"joint", ECO_TIE_PARTNERSHIP},
    {"socio", ECO_TIE_PARTNERSHIP},       {"alianza", ECO_TIE_PARTNERSHIP},
    {"colaboracion", ECO_TIE_PARTNERSHIP}, {"parceria", ECO_TIE_PARTNERSHIP},
    {"parceiro", ECO_TIE_PARTNERSHIP},    {"partenaire", ECO_TIE_PARTNERSHIP},
    {"partenariat", ECO_TIE_PARTNERSHIP}, {"related", ECO_TIE_RELATED},
    {NULL, 0}};
/* clang-format on */

/* The value of the first phrase of table found in text; -1 when none is. */
static int find_words(const word_type *table, const char *text)
{
    char folded[512], padded[516], phrase[80];
    size_t n = eco_name_fold(folded, sizeof(folded), text);

    if (n == 0 || n >= sizeof(folded))
        return -1;
    /* Underscores join Participedia's codes ("non_profit_non_gov"): read them as spaces. */
    for (char *p = folded; *p; p++)
        if (*p == '_')
            *p = ' ';
    snprintf(padded, sizeof(padded), " %s ", folded);
    for (const word_type *w = table; w->words; w++) {
        snprintf(phrase, sizeof(phrase), " %s ", w->words);
        if (strstr(padded, phrase))
            return w->value;
    }
    return -1;
}

eco_actor_type eco_i_type_from_text(const char *text)
{
    eco_actor_type type;
    int found;

    if (!text || !*text)
        return ECO_TYPE_UNKNOWN;
    if (eco_actor_type_from_name(&type, text) == 0)
        return type;
    if ((found = find_words(type_words, text)) >= 0)
        return (eco_actor_type)found;
    if ((type = eco_i_sector_type(text, strlen(text))) != ECO_TYPE_UNKNOWN)
        return type;
    return eco_i_classify_words(text);
}

int eco_i_kind_from_text(eco_tie_kind *out, const char *text)
{
    int found;

    if (!text || !*text)
        return 0;
    if (eco_tie_kind_from_name(out, text) == 0)
        return 1;
    if ((found = find_words(kind_words, text)) < 0)
        return 0;
    *out = (eco_tie_kind)found;
    return 1;
}

/* ---- Sector labels ---------------------------------------------------------------------- */

static const struct sector_label {
    const char *label;
    eco_actor_type type;
} labels[] = {
    {"government", ECO_TYPE_GOVERNMENT}, {"public sector", ECO_TYPE_GOVERNMENT},
    {"public", ECO_TYPE_GOVERNMENT}, {"gobierno", ECO_TYPE_GOVERNMENT},
    {"sector publico", ECO_TYPE_GOVERNMENT}, {"secteur public", ECO_TYPE_GOVERNMENT},
    {"secteur gouvernemental", ECO_TYPE_GOVERNMENT}, {"gouvernement", ECO_TYPE_GOVERNMENT},
    {"setor publico", ECO_TYPE_GOVERNMENT}, {"governo", ECO_TYPE_GOVERNMENT},
    {"local government", ECO_TYPE_GOVERNMENT}, {"national government", ECO_TYPE_GOVERNMENT},
    {"private sector", ECO_TYPE_PRIVATE}, {"private", ECO_TYPE_PRIVATE},
    {"private partner", ECO_TYPE_PRIVATE}, {"sector privado", ECO_TYPE_PRIVATE},
    {"secteur prive", ECO_TYPE_PRIVATE}, {"setor privado", ECO_TYPE_PRIVATE},
    {"business", ECO_TYPE_PRIVATE}, {"company", ECO_TYPE_PRIVATE},
    {"civil society", ECO_TYPE_CIVIL_SOCIETY}, {"civil society organisation", ECO_TYPE_CIVIL_SOCIETY},
    {"civil society organization", ECO_TYPE_CIVIL_SOCIETY}, {"cso", ECO_TYPE_CIVIL_SOCIETY},
    {"ngo", ECO_TYPE_CIVIL_SOCIETY}, {"ong", ECO_TYPE_CIVIL_SOCIETY},
    {"sociedad civil", ECO_TYPE_CIVIL_SOCIETY}, {"societe civile", ECO_TYPE_CIVIL_SOCIETY},
    {"sociedade civil", ECO_TYPE_CIVIL_SOCIETY}, {"non profit", ECO_TYPE_CIVIL_SOCIETY},
    {"nonprofit", ECO_TYPE_CIVIL_SOCIETY}, {"academia", ECO_TYPE_ACADEMIA},
    {"academic", ECO_TYPE_ACADEMIA}, {"academic sector", ECO_TYPE_ACADEMIA},
    {"university", ECO_TYPE_ACADEMIA}, {"research", ECO_TYPE_ACADEMIA},
    {"universidad", ECO_TYPE_ACADEMIA}, {"universite", ECO_TYPE_ACADEMIA},
    {"academie", ECO_TYPE_ACADEMIA}, {"un agency", ECO_TYPE_INTERNATIONAL},
    {"united nations", ECO_TYPE_INTERNATIONAL}, {"un", ECO_TYPE_INTERNATIONAL},
    {"international organisation", ECO_TYPE_INTERNATIONAL},
    {"international organization", ECO_TYPE_INTERNATIONAL},
    {"development partner", ECO_TYPE_INTERNATIONAL}, {"donor", ECO_TYPE_INTERNATIONAL},
    {"multilateral", ECO_TYPE_INTERNATIONAL}, {"intergovernmental", ECO_TYPE_INTERNATIONAL},
    {"state owned enterprise", ECO_TYPE_GOVERNMENT}, {"network", ECO_TYPE_NETWORK},
    {"academia research", ECO_TYPE_ACADEMIA}, {"research institution", ECO_TYPE_ACADEMIA},
    {"academic institution", ECO_TYPE_ACADEMIA}, {"private company", ECO_TYPE_PRIVATE},
    {"international organisations", ECO_TYPE_INTERNATIONAL},
    {"multilateral organisation", ECO_TYPE_INTERNATIONAL},
    {"multilateral organization", ECO_TYPE_INTERNATIONAL}, {"un", ECO_TYPE_INTERNATIONAL},
    {"government public sector", ECO_TYPE_GOVERNMENT}, {"public institution", ECO_TYPE_GOVERNMENT},
    {"local authority", ECO_TYPE_GOVERNMENT}, {"ngo cso", ECO_TYPE_CIVIL_SOCIETY},
    {"civil society organisations", ECO_TYPE_CIVIL_SOCIETY},
    {"start up", ECO_TYPE_PRIVATE}, {"startup", ECO_TYPE_PRIVATE}, {"entreprise", ECO_TYPE_PRIVATE},
    {NULL, ECO_TYPE_UNKNOWN}};

/* Labels are looked up by the hash of their folded form, built once. */
static eco_i_map sector_labels;
static int sector_labels_ok;
static pthread_once_t sector_labels_once = PTHREAD_ONCE_INIT;

static void build_sector_labels(void)
{
    sector_labels_ok = 1;
    for (size_t i = 0; labels[i].label; i++)
        if (eco_i_map_put(&sector_labels, eco_i_fold_hash(labels[i].label, strlen(labels[i].label)),
                          (size_t)labels[i].type) < 0)
            sector_labels_ok = 0;
}

eco_actor_type eco_i_sector_type(const char *text, size_t len)
{
    size_t type;
    uint64_t key;

    while (len && (*text == ' ' || *text == '-' || *text == '*'))
        text++, len--;
    while (len && text[len - 1] == ' ')
        len--;
    if (len == 0 || len >= 64 || pthread_once(&sector_labels_once, build_sector_labels) != 0 ||
        !sector_labels_ok || (key = eco_i_fold_hash(text, len)) == 0)
        return ECO_TYPE_UNKNOWN;
    return eco_i_map_get(&sector_labels, key, &type) ? (eco_actor_type)type : ECO_TYPE_UNKNOWN;
}

/* ---- Words across languages ------------------------------------------------------------- */

/* The words of bodies' names in Spanish, French and Portuguese (and the abbreviation "lab"),
 * folded, with the English word, sorted by the first for a binary search.  Only words whose
 * English differs in its first six letters are here: doubts.c compares words by those, so
 * "ministerio" and "ministry", "productiva" and "productive" meet on their own. */
static const struct translation {
    const char *word, *english;
} translations[] = {
    {"agence", "agency"},                 {"agencia", "agency"},
    {"agricola", "agriculture"},          {"agricole", "agriculture"},
    {"aguas", "water"},                   {"alcaldia", "mayor"},
    {"ambiente", "environment"},          {"asociacion", "association"},
    {"banco", "bank"},                    {"banque", "bank"},
    {"camara", "chamber"},                {"centre", "center"},
    {"centro", "center"},                 {"chambre", "chamber"},
    {"ciencia", "science"},               {"ciencias", "science"},
    {"comercio", "commerce"},             {"comision", "commission"},
    {"comissao", "commission"},           {"comite", "committee"},
    {"conseil", "council"},               {"consejo", "council"},
    {"conselho", "council"},              {"defensoria", "ombudsman"},
    {"desarrollo", "development"},        {"desenvolvimento", "development"},
    {"direcao", "directorate"},           {"direccion", "directorate"},
    {"educacao", "education"},            {"educacion", "education"},
    {"empleo", "employment"},             {"emploi", "employment"},
    {"empresas", "enterprises"},          {"energia", "energy"},
    {"energie", "energy"},                {"entreprises", "enterprises"},
    {"escuela", "school"},                {"estadistica", "statistics"},
    {"estadisticas", "statistics"},       {"estatistica", "statistics"},
    {"fondation", "foundation"},          {"fondo", "fund"},
    {"fonds", "fund"},                    {"fundacao", "foundation"},
    {"fundacion", "foundation"},          {"fundo", "fund"},
    {"gobierno", "government"},           {"gouvernement", "government"},
    {"hacienda", "finance"},              {"impots", "taxes"},
    {"impuestos", "taxes"},               {"inovacao", "innovation"},
    {"juventud", "youth"},                {"juventude", "youth"},
    {"lab", "laboratory"},                {"medio", "environment"},
    {"nacional", "national"},             {"oficina", "office"},
    {"peche", "fisheries"},               {"pesca", "fisheries"},
    {"planificacion", "planning"},        {"procuraduria", "attorney"},
    {"recherche", "research"},            {"salud", "health"},
    {"sante", "health"},                  {"saude", "health"},
    {"seguridad", "security"},            {"tecnologia", "technology"},
    {"trabajo", "labour"},                {"trabalho", "labour"},
    {"travail", "labour"},                {"turismo", "tourism"},
    {"vicepresidencia", "vice presidency"},
};

static int by_word(const void *key, const void *entry)
{
    return strcmp(key, ((const struct translation *)entry)->word);
}

const char *eco_i_english_word(const char *folded)
{
    const struct translation *t = bsearch(folded, translations,
                                          sizeof(translations) / sizeof(translations[0]),
                                          sizeof(translations[0]), by_word);
    return t ? t->english : folded;
}
