/*
 * import/prose/cues.c - the phrases that say how two organisations in a sentence are tied.
 *
 * "funded by" is funding, "managed by" and "unit of" hosting, "trained" and "technical
 * assistance" support, "member of" membership, "in partnership with" partnership.  A cue
 * also says which side acts: in "X is funded by Y" the actor after the phrase funds, in
 * "X funds Y" the one before.  The phrases are core's vocabulary (core/vocabulary.c); here
 * they are found in a sentence, at word starts, the first that matches at a word winning.
 */
#include <pthread.h>
#include <string.h>

#include "prose.h"

static int is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80 || c == '-';
}

/* Phrases by their first byte, in table order, so that a word is compared only with the
 * phrases that can start it. */
static unsigned char by_first[256][48];
static unsigned char first_count[256];
static size_t phrase_len[ECO_I_CUE_PHRASES_MAX];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    for (size_t i = 0; i < eco_i_cue_phrase_count; i++) {
        unsigned char c = (unsigned char)eco_i_cue_phrases[i].text[0];
        phrase_len[i] = strlen(eco_i_cue_phrases[i].text);
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
    /* a sentence wrapped over lines: "technical\nassistance" is "technical assistance" */
    for (char *nl = memchr(lower, '\n', n); nl; nl = memchr(nl + 1, '\n', n - (size_t)(nl + 1 - lower)))
        *nl = ' ';
    for (size_t at = 0; at < n && count < max;) {
        if (!is_word_byte(lower[at])) {
            at++;
            continue;
        }
        /* at starts a word: a phrase may start here */
        size_t used = 0;
        unsigned char c0 = (unsigned char)lower[at];
        for (size_t k = 0; k < first_count[c0]; k++) {
            const eco_i_cue_phrase *p = &eco_i_cue_phrases[by_first[c0][k]];
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
