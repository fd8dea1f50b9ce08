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

/* Up to four bytes at s as a word, zeros past n: the same value for a phrase and a text. */
static uint32_t prefix_of(const char *s, size_t n)
{
    uint32_t w = 0;
    memcpy(&w, s, n < 4 ? n : 4);
    return w;
}

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
/* Each phrase's first four bytes (fewer for a shorter one) as a word, and the mask of
 * those bytes: a word start is told from most of the phrases of its first byte by one
 * comparison, where the lengths and second bytes took eight instructions a phrase. */
static uint32_t phrase_prefix[ECO_I_CUE_PHRASES_MAX], prefix_mask[ECO_I_CUE_PHRASES_MAX];
static unsigned char word_byte[256]; /* is_word_byte of each byte */
/* A bit for the first four bytes of each phrase, by their hash: most words start no phrase,
 * and are passed over by one test where each was compared with every phrase of its first
 * byte (a tenth of tying a sentence's names).  A phrase shorter than four bytes would leave
 * its first byte's words unfiltered. */
static uint64_t prefix_seen[64];
static unsigned char unfiltered[256];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static unsigned prefix_bit(uint32_t prefix)
{
    return (prefix * 0x9E3779B1u) >> 20; /* 12 bits: 4096, of which some 100 are set */
}

static void build_index(void)
{
    for (size_t i = 0; i < eco_i_cue_phrase_count; i++) {
        unsigned char c = (unsigned char)eco_i_cue_phrases[i].text[0];
        phrase_len[i] = strlen(eco_i_cue_phrases[i].text);
        phrase_prefix[i] = prefix_of(eco_i_cue_phrases[i].text, phrase_len[i]);
        prefix_mask[i] = prefix_of("\xFF\xFF\xFF\xFF", phrase_len[i]);
        unsigned bit = prefix_bit(phrase_prefix[i]);
        if (phrase_len[i] >= 4)
            prefix_seen[bit / 64] |= 1ULL << (bit % 64);
        else
            unfiltered[c] = 1;
        if (first_count[c] < sizeof(by_first[c]))
            by_first[c][first_count[c]++] = (unsigned char)i;
    }
    for (size_t c = 0; c < 256; c++)
        word_byte[c] = (unsigned char)is_word_byte((char)c);
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
        if (!word_byte[(unsigned char)lower[at]]) {
            at++;
            continue;
        }
        /* at starts a word: a phrase may start here */
        size_t used = 0;
        unsigned char c0 = (unsigned char)lower[at];
        uint32_t start = prefix_of(lower + at, n - at);
        unsigned bit = prefix_bit(start);
        int may_start = unfiltered[c0] || (prefix_seen[bit / 64] >> (bit % 64) & 1);
        for (size_t k = 0; may_start && k < first_count[c0]; k++) {
            size_t i = by_first[c0][k], pl = phrase_len[i];
            /* the first four bytes first: most candidates differ there, and memcmp is a call */
            if ((start & prefix_mask[i]) == phrase_prefix[i] && pl <= n - at &&
                memcmp(lower + at, eco_i_cue_phrases[i].text, pl) == 0 &&
                (at + pl == n || !word_byte[(unsigned char)lower[at + pl]])) {
                const eco_i_cue_phrase *p = &eco_i_cue_phrases[i];
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
            while (at < n && word_byte[(unsigned char)lower[at]])
                at++;
    }
    return count;
}
