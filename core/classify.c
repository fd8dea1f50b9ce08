/*
 * core/classify.c - an actor's type from its name alone.
 *
 * A name is read as a list of folded words.  Each head word that names a kind of body
 * ("ministry", "universidad", "fondation", "lab", "red") votes for a type with a strength;
 * the strongest vote wins, and among equal votes the first word, the head of "X of Y" in
 * English, Spanish, Portuguese and French alike.  Some words change the meaning of another
 * ("public company" is government, "development bank" international).  A name with no
 * head word stays unknown: a guess presented as fact is worse than a gap.
 *
 * Then rules of whole names, which the importer applies to every name it meets for the
 * first time: a name that begins with a known body's takes its type, an institute named
 * for its nation is the state's, "UN ..." is international, and an international-sounding
 * body named for a country ("Development Bank of Mongolia") is that country's.  The words
 * themselves are core's vocabulary (core/vocabulary.c).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vocabulary.h"

#define MAX_WORDS 64

/* ---- Keywords by their first word ------------------------------------------------------- */

/* Comparing every word of a name with every keyword was most of the classifier's time; the
 * keywords are indexed once by their first word, each chain kept in table order so that
 * the first of equal votes still wins. */
static eco_i_map first_keyword;            /* hash of a first word -> first keyword with it */
static size_t next_keyword[ECO_I_NAME_KEYWORDS_MAX]; /* the next keyword with the same first word */
static int index_ok;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    size_t last[ECO_I_NAME_KEYWORDS_MAX] = {0};

    index_ok = 1;
    for (size_t k = 0; k < eco_i_name_keyword_count; k++) {
        uint64_t key = eco_i_hash(eco_i_name_keywords[k].words, strcspn(eco_i_name_keywords[k].words, " "));
        size_t first;
        next_keyword[k] = eco_i_name_keyword_count;
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
    for (size_t i = 0; eco_i_state_words[i]; i++)
        if (strcmp(w, eco_i_state_words[i]) == 0)
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

/* A copy of name with a space wherever a capital follows a small letter, so that "LabX"
 * and "MindLab" show their words, and without possessive endings: in buf when it is large
 * enough, else allocated.  NULL when memory runs out. */
static char *split_camel_case(const char *name, char *buf, size_t size)
{
    size_t len = strlen(name), n = 0;
    char *out = 2 * len + 1 <= size ? buf : malloc(2 * len + 1);

    if (!out)
        return NULL;
    for (size_t i = 0, word_end = 0, possessive = 0; i < len; i++) {
        if (i == 0 || name[i - 1] == ' ') { /* a word starts: "UNDP's Bureau" is "UNDP Bureau" */
            word_end = i + strcspn(name + i, " ");
            possessive = eco_i_possessive_length(name + i, word_end - i);
        }
        if (possessive && i == word_end - possessive) {
            i = word_end - 1;
            continue;
        }
        if (i > 0 && name[i] >= 'A' && name[i] <= 'Z' && name[i - 1] >= 'a' && name[i - 1] <= 'z')
            out[n++] = ' ';
        out[n++] = name[i];
    }
    out[n] = '\0';
    return out;
}

eco_actor_type eco_i_classify_words(const char *name)
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
            k = eco_i_name_keyword_count;
        for (; k < eco_i_name_keyword_count; k = indexed ? next_keyword[k] : k + 1) {
            if (eco_i_name_keywords[k].strength > best_strength &&
                match_at(words, count, at, eco_i_name_keywords[k].words)) {
                best = eco_i_name_keywords[k].type;
                best_strength = eco_i_name_keywords[k].strength;
            }
        }
        /* Labs often carry "lab" inside one word: Santalab, Openlab, GovLab. */
        size_t len = strlen(words[at]);
        if (best_strength < ECO_I_LAB - 10 && len > 4 &&
            (strcmp(words[at] + len - 3, "lab") == 0 || strcmp(words[at] + len - 4, "labs") == 0)) {
            best = ECO_TYPE_LAB;
            best_strength = ECO_I_LAB - 10;
        }
    }
    /* A public company or institute belongs to the state; a European body is international. */
    if ((best == ECO_TYPE_PRIVATE || (best == ECO_TYPE_ACADEMIA && best_strength < ECO_I_SCHOOL)) &&
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

/* ---- Rules of whole names --------------------------------------------------------------- */

/* The type of a known body whose name begins name: "Global Environment Facility Small
 * Grants Programme" is a programme of an international body, and of its kind.  The
 * gazetteer is asked first at each length, then known (may be NULL). */
static eco_actor_type owner_type(const char *name, const eco_i_lexicon *known)
{
    size_t len = strlen(name);

    for (size_t end = len; end > 0; end--) {
        if (name[end - 1] != ' ' || end < 4)
            continue;
        const eco_i_known *k = eco_i_lexicon_find(eco_i_gazetteer(), name, end - 1);
        if (!k && known)
            k = eco_i_lexicon_find(known, name, end - 1);
        if (k && k->type != ECO_TYPE_UNKNOWN)
            return k->type;
    }
    return ECO_TYPE_UNKNOWN;
}

/* "Portuguese Institute of Sport and Youth": an institute named for its nation is the
 * state's, not a university's. */
static int national_institute(const char *name)
{
    const char *space = strchr(name, ' ');
    char folded[256];
    if (!space || !eco_i_country_of_demonym(name, (size_t)(space - name)))
        return 0;
    eco_name_fold(folded, sizeof(folded), name);
    return (strstr(folded, "institut") != NULL) && !strstr(folded, "university") &&
           !strstr(folded, "research") && !strstr(folded, "school") && !strstr(folded, "college");
}

eco_actor_type eco_i_name_type(const char *name, eco_actor_type given, const eco_i_lexicon *known)
{
    int guessed = given == ECO_TYPE_UNKNOWN;
    eco_actor_type type;

    if (!name)
        return given;
    type = guessed ? eco_i_classify_words(name) : given;
    if (type == ECO_TYPE_UNKNOWN)
        type = owner_type(name, known);
    if (type == ECO_TYPE_ACADEMIA && national_institute(name))
        type = ECO_TYPE_GOVERNMENT;
    if (strncmp(name, "UN ", 3) == 0 && type != ECO_TYPE_UNKNOWN)
        type = ECO_TYPE_INTERNATIONAL; /* "UN Human Rights Council" */
    if (guessed && type == ECO_TYPE_INTERNATIONAL && eco_i_country_in_name(name))
        type = ECO_TYPE_GOVERNMENT; /* "Development Bank of Mongolia" is Mongolia's */
    return type;
}

eco_actor_type eco_name_classify(const char *name)
{
    return eco_i_name_type(name, ECO_TYPE_UNKNOWN, NULL);
}
