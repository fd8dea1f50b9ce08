/*
 * import/cues.c - the phrases that say how two organisations in a sentence are tied.
 *
 * "funded by" is funding, "managed by" and "unit of" hosting, "trained" and "technical
 * assistance" support, "member of" membership, "in partnership with" partnership.  A cue
 * also says which side acts: in "X is funded by Y" the actor after the phrase funds, in
 * "X funds Y" the one before.  Longer phrases are tried first, so that "co-led" is not
 * read as "led".
 */
#include <pthread.h>
#include <string.h>

#include "import_internal.h"

typedef struct cue_phrase {
    const char *text;    /* lower case; matched at word boundaries */
    eco_tie_kind kind;
    eco_i_cue_role role;
} cue_phrase;

#define P ECO_TIE_PARTNERSHIP
#define F ECO_TIE_FUNDING
#define H ECO_TIE_HOSTING
#define S ECO_TIE_SUPPORT
#define M ECO_TIE_MEMBERSHIP
#define MUTUAL ECO_I_CUE_MUTUAL
#define AGENT ECO_I_CUE_AGENT
#define PATIENT ECO_I_CUE_PATIENT
#define NOUN ECO_I_CUE_NOUN

static const cue_phrase phrases[] = {
    /* funding */
    {"co-funded by", F, PATIENT}, {"cofunded by", F, PATIENT}, {"funded by", F, PATIENT},
    {"financed by", F, PATIENT}, {"sponsored by", F, PATIENT}, {"funding from", F, PATIENT},
    {"funds from", F, PATIENT}, {"grant from", F, PATIENT}, {"financial support", F, NOUN},
    {"financing from", F, PATIENT}, {"financiado por", F, PATIENT}, {"financiada por", F, PATIENT},
    {"financiado pelo", F, PATIENT}, {"financiado pela", F, PATIENT}, {"finance par", F, PATIENT},
    {"financee par", F, PATIENT}, {"financé par", F, PATIENT}, {"financée par", F, PATIENT},
    {"funds", F, AGENT}, {"funded", F, AGENT}, {"financed", F, AGENT}, {"finances", F, AGENT},
    /* hosting */
    {"managed by", H, PATIENT}, {"run by", H, PATIENT}, {"hosted by", H, PATIENT},
    {"housed in", H, PATIENT}, {"supervised by", H, PATIENT}, {"under the head of", H, PATIENT},
    {"under the responsibility of", H, PATIENT}, {"under the umbrella of", H, PATIENT},
    {"under", H, PATIENT}, {"unit of", H, PATIENT}, {"units of", H, PATIENT},
    {"organic unit", H, PATIENT}, {"integrated in", H, PATIENT}, {"integrated into", H, PATIENT},
    {"attached to", H, PATIENT}, {"initiative of", H, PATIENT}, {"created by", H, PATIENT},
    {"established by", H, PATIENT}, {"set up by", H, PATIENT}, {"launched by", H, PATIENT},
    {"led by", H, PATIENT}, {"coordinated by", H, PATIENT}, {"reports to", H, PATIENT},
    {"part of", H, PATIENT}, {"belongs to", H, PATIENT}, {"dependiente de", H, PATIENT},
    {"adscrito a", H, PATIENT}, {"adscrita a", H, PATIENT}, {"sous la tutelle", H, PATIENT},
    {"rattache a", H, PATIENT}, {"liderado por", H, PATIENT}, {"dirigido por", H, PATIENT},
    {"hosts", H, AGENT}, {"manages", H, AGENT}, {"supervises", H, AGENT}, {"oversees", H, AGENT},
    {"coordinator of", H, AGENT}, {"launched", H, AGENT}, {"set up", H, AGENT},
    {"created", H, AGENT}, {"established", H, AGENT}, {"to lead", H, AGENT}, {"leads", H, AGENT},
    {"lead", H, AGENT}, {"runs", H, AGENT},
    /* support */
    {"technical assistance", S, NOUN}, {"technical support", S, NOUN},
    {"capacity building", S, NOUN}, {"supported by", S, PATIENT}, {"support from", S, PATIENT},
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
    {"co-organized", P, MUTUAL}, {"co-organised", P, MUTUAL}, {NULL, P, MUTUAL}};

static int is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80 || c == '-';
}

/* Phrases by their first byte, in table order, so that a word is compared only with the
 * phrases that can start it. */
#define PHRASE_COUNT (sizeof(phrases) / sizeof(phrases[0]) - 1)
static unsigned char by_first[256][48];
static unsigned char first_count[256];
static size_t phrase_len[PHRASE_COUNT];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    for (size_t i = 0; i < PHRASE_COUNT; i++) {
        unsigned char c = (unsigned char)phrases[i].text[0];
        phrase_len[i] = strlen(phrases[i].text);
        if (first_count[c] < sizeof(by_first[c]))
            by_first[c][first_count[c]++] = (unsigned char)i;
    }
}

size_t eco_i_find_cues(eco_i_cue *out, size_t max, const char *sentence, size_t len)
{
    if (pthread_once(&index_once, build_index) != 0)
        return 0;
    char lower[1024];
    size_t n = len < sizeof(lower) - 1 ? len : sizeof(lower) - 1, count = 0;

    eco_i_lower_ascii(lower, sentence, n);
    lower[n] = '\0';
    for (size_t at = 0; at < n && count < max;) {
        if (!is_word_byte(lower[at])) {
            at++;
            continue;
        }
        /* at starts a word: a phrase may start here */
        size_t used = 0;
        unsigned char c0 = (unsigned char)lower[at];
        for (size_t k = 0; k < first_count[c0]; k++) {
            const cue_phrase *p = &phrases[by_first[c0][k]];
            size_t pl = phrase_len[by_first[c0][k]];
            /* the second byte first: most candidates differ there, and memcmp is a call */
            if (pl <= n - at && (pl < 2 || lower[at + 1] == p->text[1]) &&
                memcmp(lower + at, p->text, pl) == 0 &&
                (at + pl == n || !is_word_byte(lower[at + pl]))) {
                out[count].start = at;
                out[count].end = at + pl;
                out[count].kind = p->kind;
                out[count].role = p->role;
                count++;
                used = pl;
                break;
            }
        }
        if (used)
            at += used;
        else
            while (at < n && is_word_byte(lower[at]))
                at++;
    }
    return count;
}
