/*
 * import/prose/defined.c - acronyms a text defines as things, not bodies.
 *
 * "the free, prior, and informed consent (FPIC) process": the words before the bracket
 * spell the acronym, are written as common nouns are, in lower case, and none of them is a
 * word that names an organisation (eco_i_classify_words).  The acronym then names a
 * process, a method or a measure wherever the record uses it, never an actor.  Words in
 * capitals are a name, which may be a body's though no head word says so ("Programme
 * Alimentaire Mondial (PAM)"), and an acronym the words before it do not spell is left to
 * the other rules.  So are words in capitals headed by a noun of a study or a document, in
 * English at their end or before their "of", in French, Spanish and Portuguese at their start:
 * "Country Programme Document (CPD)", "Essais Contrôlés Randomisés (ECR)", and a name of
 * one before the bracket makes it a thing even when it does not spell it.  An acronym may
 * join two parts with a hyphen ("AGVSAN-SA").
 */
#include <string.h>
#include <strings.h>

#include "prose.h"
#include "tokens.h"
#include "vocabulary.h"

#define MAX_ACRONYM 8

/* Whether the n bytes at s are an acronym: 2 to MAX_ACRONYM capitals, two parts of which
 * a hyphen may join. */
static int acronym_at(const char *s, size_t n)
{
    size_t hyphens = 0;

    if (n < 2 || n > MAX_ACRONYM + 1)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '-' && i > 0 && i + 1 < n && s[i - 1] != '-')
            hyphens++;
        else if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return hyphens <= 1 && n - hyphens >= 2 && n - hyphens <= MAX_ACRONYM;
}

static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Small words an acronym's letters may pass over: "free, prior, and informed consent". */
static int is_passed_over(const char *w, size_t n)
{
    static const char *const small[] = {"and", "of", "the", "for", "de", "des", "du", "la",
                                        "le", "et", "y", "del", "el", "on", "in", "to", NULL};
    for (size_t i = 0; small[i]; i++)
        if (strlen(small[i]) == n && strncasecmp(w, small[i], n) == 0)
            return 1;
    return 0;
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Where the words that end at end and spell acronym's letters start, or NULL; *common is
 * set when one of them is written in lower case, as a common noun is. */
static const char *spelled_from(const char *text, const char *end, const char *acronym,
                                size_t n, int *common)
{
    const char *p = end;
    size_t letter = n;

    while (letter > 0) {
        if (acronym[letter - 1] == '-') {
            letter--;
            continue;
        }
        while (p > text && !is_letter((unsigned char)p[-1]))
            if (p[-1] == '.' || p[-1] == ':' || p[-1] == ';' || p[-1] == ')' || p[-1] == '(')
                return NULL; /* the words are of another sentence or bracket */
            else
                p--;
        const char *word_end = p;
        while (p > text && (is_letter((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '\''))
            p--;
        if (p == word_end)
            return NULL;
        if (lower(*p) == lower(acronym[letter - 1])) {
            letter--;
            *common |= *p >= 'a' && *p <= 'z';
        } else if (!is_passed_over(p, (size_t)(word_end - p))) {
            return NULL;
        }
    }
    return p;
}

/* Nouns of studies and documents, folded. */
static const char *const works[] = {
    "study", "studies", "survey", "surveys", "analysis", "assessment", "assessments",
    "evaluation", "evaluations", "review", "reviews", "report", "reports", "index", "trial",
    "trials", "document", "documents", "census", "analyse", "analyses", "essai", "essais",
    "etude", "etudes", "enquete", "enquetes", "rapport", "estudio", "estudios", "encuesta",
    "encuestas", "informe", "evaluacion", "indice", "estudo", "estudos", "pesquisa",
    "avaliacao", "relatorio", NULL};

static int is_a_work(const eco_i_token *t)
{
    for (size_t i = 0; works[i]; i++)
        if (strcmp(t->folded, works[i]) == 0)
            return 1;
    return 0;
}

/* Whether the n bytes at s, the words that spell an acronym, are headed by a noun of a study
 * or a document: the first word, the last, or the one before the first "of" or "for". */
static int headed_by_a_work(const char *s, size_t n)
{
    eco_i_sentence st;
    size_t first = ECO_I_NONE, last = ECO_I_NONE, before_of = ECO_I_NONE;

    eco_i_tokenize(&st, s, n, 0);
    for (size_t k = 0; k < st.count; k++) {
        if (!st.tokens[k].word)
            continue;
        if (first == ECO_I_NONE)
            first = k;
        else if (before_of == ECO_I_NONE && (strcmp(st.tokens[k].folded, "of") == 0 ||
                                             strcmp(st.tokens[k].folded, "for") == 0))
            before_of = last;
        last = k;
    }
    return (first != ECO_I_NONE && is_a_work(&st.tokens[first])) ||
           (last != ECO_I_NONE && is_a_work(&st.tokens[last])) ||
           (before_of != ECO_I_NONE && is_a_work(&st.tokens[before_of]));
}

/* Where the run of capitalised words that ends at end starts ("in the framework of the
 * Progress Assessment of the ESF Support to Public Administration"), with the small words a
 * name holds passed over inside it; NULL when it holds fewer than two capitalised words. */
static const char *capitalised_run_before(const char *text, const char *end)
{
    const char *p = end, *start = NULL;
    size_t capitalised = 0;

    while (p > text) {
        while (p > text && p[-1] == ' ')
            p--;
        if (p > text && !is_letter((unsigned char)p[-1]))
            break; /* punctuation ends the run */
        const char *word_end = p;
        while (p > text && (is_letter((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '\''))
            p--;
        if (p == word_end)
            break;
        if (*p >= 'A' && *p <= 'Z') {
            start = p;
            capitalised++;
        } else if (!is_passed_over(p, (size_t)(word_end - p))) {
            break;
        }
    }
    return capitalised >= 2 ? start : NULL;
}

/* Whether the acronym of n bytes in the bracket at open names a thing: the words before it
 * spell it in lower case and name no body, or a study's or a document's name ends right
 * before it, spelling it or not ("Progress Assessment of the ESF Support to Public
 * Administration (PAPA)"). */
static int names_a_thing(const char *text, const char *open, size_t n)
{
    char expansion[256];
    const char *end = open;
    int common = 0;

    while (end > text && end[-1] == ' ')
        end--;
    const char *from = spelled_from(text, end, open + 1, n, &common);
    if (!from) {
        from = capitalised_run_before(text, end);
        common = 0; /* what a failed spelling saw says nothing */
    }
    if (!from || (size_t)(end - from) >= sizeof(expansion))
        return 0;
    if (headed_by_a_work(from, (size_t)(end - from)))
        return 1;
    memcpy(expansion, from, (size_t)(end - from));
    expansion[end - from] = '\0';
    return common && eco_i_classify_words(expansion) == ECO_TYPE_UNKNOWN;
}

int eco_i_note_thing_acronyms(const char *text, size_t len, eco_i_map *things)
{
    for (const char *open = memchr(text, '(', len); open;
         open = memchr(open + 1, '(', len - (size_t)(open + 1 - text))) {
        const char *close = memchr(open, ')', len - (size_t)(open - text));
        if (!close || !acronym_at(open + 1, (size_t)(close - open - 1)))
            continue;
        size_t n = (size_t)(close - open - 1);
        if (names_a_thing(text, open, n) &&
            eco_i_map_put(things, eco_i_fold_hash(open + 1, n), 1) < 0)
            return ECO_ENOMEM;
    }
    return 0;
}
