/*
 * core/fold.c - folding names so that the spellings of one organisation meet.
 *
 * "AMA – Administrative Modernisation Agency" and "AMA - Administrative Modernization
 * Agency" must fold to the same text; so must "Ombudsman’s Office" and "Ombudsman's
 * Office".  Folding works a word at a time: characters are mapped (by utf8proc: NFKC's
 * compatibility forms, case folded, accents stripped in every script; punctuation to
 * spaces), then each finished word gets its American spelling.
 * The hash of a folded name (eco_i_fold_hash) is the key every table of names uses.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* ---- Output with snprintf semantics ----------------------------------------------------- */

typedef struct sink {
    char *buf;  /* caller's buffer, may be NULL when n is 0 */
    size_t n;   /* its size */
    size_t len; /* bytes the whole result needs, NUL excluded */
} sink;

static void sink_put(sink *s, const char *p, size_t len)
{
    if (s->len + len < s->n) { /* it fits: what the loop below would write */
        memcpy(s->buf + s->len, p, len);
        s->len += len;
        return;
    }
    for (size_t i = 0; i < len; i++, s->len++)
        if (s->len + 1 < s->n)
            s->buf[s->len] = p[i];
}

static size_t sink_finish(sink *s)
{
    if (s->n)
        s->buf[s->len < s->n ? s->len : s->n - 1] = '\0';
    return s->len;
}

/* ---- Characters ------------------------------------------------------------------------- */

/* The size of what one code point folds to: utf8proc's longest compatibility decomposition
 * is 18 code points of up to 4 bytes. */
#define FOLDED_CHAR_MAX 80

typedef enum char_class { CHAR_TEXT, CHAR_SPACE, CHAR_DROP } char_class;

/* Latin letters that are not a base letter with a mark, so that Unicode does not decompose
 * them, written as the base letters readers take them for. */
static const char *latin_letter(utf8proc_int32_t c)
{
    switch (c) {
    case 0xE6: return "ae";  /* æ */
    case 0xF0: return "d";   /* ð */
    case 0xF8: return "o";   /* ø */
    case 0xFE: return "th";  /* þ */
    case 0x111: return "d";  /* đ */
    case 0x127: return "h";  /* ħ */
    case 0x131: return "i";  /* ı, Turkish dotless i */
    case 0x138: return "k";  /* ĸ */
    case 0x142: return "l";  /* ł */
    case 0x153: return "oe"; /* œ */
    case 0x167: return "t";  /* ŧ */
    default: return NULL;
    }
}

/* Whether code point c separates words: punctuation, symbols, spaces and controls. */
static int separates(utf8proc_int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 0;
    default:
        return 1;
    }
}

/* A mark that takes no space: an accent.  Spacing marks (Mc) stay, because in Indic scripts
 * they are vowels, not accents. */
static int is_accent(utf8proc_int32_t c)
{
    utf8proc_category_t category = utf8proc_category(c);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_ME;
}

/*
 * Maps one code point to the text it folds to, written to out: its compatibility
 * decomposition (NFKC's, so fullwidth and ligature forms meet their plain letters), case
 * folded, without the marks that take no space (accents, in every script utf8proc knows).
 * Returns CHAR_SPACE for separators, CHAR_DROP for apostrophes and lone marks, CHAR_TEXT
 * otherwise.
 */
static char_class fold_char(uint32_t c, char out[FOLDED_CHAR_MAX])
{
    utf8proc_int32_t parts[FOLDED_CHAR_MAX / 4];
    size_t len = 0;

    out[0] = '\0';
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out[0] = (char)c, out[1] = '\0';
            return CHAR_TEXT;
        }
        if (c == '\'' || c == '`')
            return CHAR_DROP;
        if (c == '&') {
            strcpy(out, "and");
            return CHAR_TEXT;
        }
        return CHAR_SPACE;
    }
    /* the apostrophes of "Ombudsman’s" and "N’Djaména", whatever their code point */
    if (c == 0xB4 || c == 0x2BC || c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032)
        return CHAR_DROP;
    if (separates((utf8proc_int32_t)c))
        return CHAR_SPACE;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        (utf8proc_int32_t)c, parts, FOLDED_CHAR_MAX / 4,
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD, NULL);
    if (n < 0 || n > FOLDED_CHAR_MAX / 4) /* not a character: it separates */
        return CHAR_SPACE;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        const char *latin = latin_letter(parts[i]);
        if (latin) {
            strcpy(out + len, latin);
            len += strlen(latin);
        } else if (!separates(parts[i]) && !is_accent(parts[i])) {
            len += eco_i_utf8_encode((uint32_t)parts[i], out + len);
        }
    }
    out[len] = '\0';
    return len ? CHAR_TEXT : CHAR_DROP;
}

/* What the fast path of folding makes of a byte: a small letter or digit, or one of these. */
enum { FAST_SPACE, FAST_DROP, FAST_AND, FAST_NOT_ASCII };

#define FAST_BYTE(c)                                                                           \
    ((c) >= 'A' && (c) <= 'Z'                                 ? (unsigned char)((c) + 32)      \
     : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c)                           \
     : (c) == '\'' || (c) == '`'                               ? FAST_DROP                      \
     : (c) == '&'                                              ? FAST_AND                       \
     : (c) >= 0x80                                             ? FAST_NOT_ASCII                 \
                                                               : FAST_SPACE)
#define FAST_4(c) FAST_BYTE(c), FAST_BYTE((c) + 1), FAST_BYTE((c) + 2), FAST_BYTE((c) + 3)
#define FAST_16(c) FAST_4(c), FAST_4((c) + 4), FAST_4((c) + 8), FAST_4((c) + 12)
#define FAST_64(c) FAST_16(c), FAST_16((c) + 16), FAST_16((c) + 32), FAST_16((c) + 48)

/* One look-up a byte, where tests of ranges took eighteen instructions a byte of every name
 * the importer hashes (eco_i_fold_hash) or folds (fold's runs of letters). */
static const unsigned char fast_fold[256] = {FAST_64(0), FAST_64(64), FAST_64(128),
                                              FAST_64(192)};

/* ---- Words ------------------------------------------------------------------------------ */

static int ends_with(const char *w, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(w + len - n, suffix, n) == 0;
}

/* Stems whose British "our" loses its "u" in every derived word (labourers, behavioural). */
static const char *const our_stems[] = {
    "labour", "behaviour", "colour", "favour", "honour", "neighbour", "harbour", "humour",
    "rumour", "endeavour", "flavour", "vigour", "armour", "parlour", NULL};

/* Whole British words with no rule to derive them. */
static const char *const british_words[][2] = {
    {"programme", "program"}, {"programmes", "programs"}, {"defence", "defense"},
    {"licence", "license"},   {"offence", "offense"},     {"catalogue", "catalog"},
    {"dialogue", "dialog"},   {"analogue", "analog"},     {NULL, NULL}};

enum { PAIR_OU = 1, PAIR_IS = 2 };

/* Which of the pairs of letters the spelling rules need the word w of len bytes holds:
 * PAIR_OU for "ou", PAIR_IS for "is" or "ys".  One pass, where a pass a pair took three. */
static unsigned pairs_in(const char *w, size_t len)
{
    unsigned pairs = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (w[i] == 'o' && w[i + 1] == 'u')
            pairs |= PAIR_OU;
        else if ((w[i] == 'i' || w[i] == 'y') && w[i + 1] == 's')
            pairs |= PAIR_IS;
    }
    return pairs;
}

/*
 * Rewrites the word w of *len bytes (w has room for 48) in its American spelling.  Most
 * words need no rewriting, and every name lookup folds its words, so cheap tests come
 * first: no rule applies below five letters, the whole words end in "e" or "s", the stems
 * hold "our", and the -ise endings "is" or "ys".
 */
static void americanise(char *w, size_t *len)
{
    static const char *const ise[][2] = {
        {"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"},
        {"ises", "izes"},       {"ising", "izing"},       {"iser", "izer"}, {"isers", "izers"},
        {"yse", "yze"},         {"ysed", "yzed"},         {"ysing", "yzing"}, {NULL, NULL}};
    char last;
    unsigned pairs;

    if (*len < 5)
        return;
    w[*len] = '\0';
    last = w[*len - 1];
    if (last == 'e' || last == 's') {
        for (size_t i = 0; british_words[i][0]; i++) {
            if (w[0] == british_words[i][0][0] && strcmp(w, british_words[i][0]) == 0) {
                strcpy(w, british_words[i][1]);
                *len = strlen(w);
                return;
            }
        }
    }
    pairs = pairs_in(w, *len);
    if (pairs & PAIR_OU) {
        for (size_t i = 0; our_stems[i]; i++) {
            if (w[0] != our_stems[i][0]) /* the first letter rules out most, without a call */
                continue;
            size_t n = strlen(our_stems[i]);
            if (*len >= n && memcmp(w, our_stems[i], n) == 0) {
                memmove(w + n - 2, w + n - 1, *len - n + 2); /* drop the "u" of "our" */
                (*len)--;
                return;
            }
        }
    }
    /* Short words such as "rise" or "wise" have no -ize twin. */
    if (*len >= 6 && (pairs & PAIR_IS)) {
        for (size_t i = 0; ise[i][0]; i++) {
            if (ends_with(w, *len, ise[i][0])) {
                memcpy(w + *len - strlen(ise[i][0]), ise[i][1], strlen(ise[i][1]));
                return;
            }
        }
    }
    if (ends_with(w, *len, "tre") || ends_with(w, *len, "tres")) {
        char *t = w + *len - (last == 's' ? 4 : 3);
        t[1] = 'e', t[2] = 'r'; /* centre -> center */
    }
}

/* ---- Folding ---------------------------------------------------------------------------- */

enum { FOLD_SPELLING = 1, FOLD_SLUG = 2 };

typedef struct folder {
    sink out;
    int flags;
    char word[48];   /* the word being built, while it is short enough for spelling rules */
    size_t word_len; /* bytes in word, or past it once the word is too long */
    int word_long;   /* the word outgrew word[] and went out directly */
    size_t words;    /* words emitted so far */
    int held_the;    /* a leading "the" waits to see whether more words follow */
} folder;

static void emit_separator(folder *f)
{
    if (f->words > 0)
        sink_put(&f->out, f->flags & FOLD_SLUG ? "-" : " ", 1);
}

static void word_end(folder *f)
{
    if (f->word_len == 0 && !f->word_long)
        return;
    if (!f->word_long) {
        if (f->words == 0 && !f->held_the && f->word_len == 3 && memcmp(f->word, "the", 3) == 0) {
            f->held_the = 1;
            f->word_len = 0;
            return;
        }
        if (f->flags & FOLD_SPELLING)
            americanise(f->word, &f->word_len);
        emit_separator(f);
        sink_put(&f->out, f->word, f->word_len);
    }
    f->words++;
    f->word_len = 0;
    f->word_long = 0;
}

static void word_add(folder *f, const char *text)
{
    size_t n = strlen(text);
    if (!f->word_long && f->word_len + n < sizeof(f->word) - 8) {
        memcpy(f->word + f->word_len, text, n);
        f->word_len += n;
        return;
    }
    if (!f->word_long) {
        emit_separator(f);
        sink_put(&f->out, f->word, f->word_len);
        f->word_long = 1;
    }
    sink_put(&f->out, text, n);
}

static void word_add_char(folder *f, char c)
{
    if (!f->word_long && f->word_len + 1 < sizeof(f->word) - 8)
        f->word[f->word_len++] = c;
    else
        word_add(f, (char[2]){c, '\0'});
}

/* Adds the run of ASCII letters and digits at name + i to the word, lowered; returns its
 * end.  A run that fits the word goes in at once, as word_add_char would add it byte by
 * byte (the common case, without decoding). */
static size_t word_add_run(folder *f, const char *name, size_t len, size_t i)
{
    size_t end = i + 1;

    while (end < len && fast_fold[(unsigned char)name[end]] > FAST_NOT_ASCII)
        end++;
    if (!f->word_long && f->word_len + (end - i) < sizeof(f->word) - 8) {
        for (; i < end; i++)
            f->word[f->word_len++] = (char)fast_fold[(unsigned char)name[i]];
        return end;
    }
    for (; i < end; i++)
        word_add_char(f, (char)fast_fold[(unsigned char)name[i]]);
    return end;
}

static size_t fold(char *buf, size_t n, const char *name, int flags)
{
    folder f = {.out = {buf, n, 0}, .flags = flags};
    size_t len = name ? strlen(name) : 0;

    for (size_t i = 0; i < len;) {
        uint32_t c;
        char text[FOLDED_CHAR_MAX];
        if (fast_fold[(unsigned char)name[i]] > FAST_NOT_ASCII) {
            i = word_add_run(&f, name, len, i);
            continue;
        }
        size_t step = eco_i_utf8_decode(name + i, len - i, &c);
        if (step == 0) { /* a stray byte separates words; it carries no letter */
            word_end(&f);
            i++;
            continue;
        }
        i += step;
        switch (fold_char(c, text)) {
        case CHAR_DROP:
            break;
        case CHAR_SPACE:
            word_end(&f);
            break;
        case CHAR_TEXT:
            if (text[0] && (flags & FOLD_SLUG) && (unsigned char)text[0] >= 0x80) {
                word_end(&f); /* ids keep to ASCII */
                break;
            }
            /* "&" stands alone as "and" even in "R&D". */
            if (strcmp(text, "and") == 0 && c == '&') {
                word_end(&f);
                word_add(&f, text);
                word_end(&f);
            } else {
                word_add(&f, text);
            }
            break;
        }
    }
    word_end(&f);
    if (f.held_the && f.words == 0) {
        memcpy(f.word, "the", 3);
        f.word_len = 3;
        f.held_the = 2; /* now a word like any other */
        word_end(&f);
    }
    return sink_finish(&f.out);
}

size_t eco_name_fold(char *buf, size_t n, const char *name)
{
    return fold(buf, n, name, FOLD_SPELLING);
}

size_t eco_name_slug(char *buf, size_t n, const char *name)
{
    return fold(buf, n, name, FOLD_SLUG);
}

/* ---- Distance between names ------------------------------------------------------------ */

/* Levenshtein distance, with one row of memory. */
size_t eco_name_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *row = malloc((lb + 1) * sizeof(*row));
    size_t result;

    if (!row)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    result = row[lb];
    free(row);
    return result;
}

/* ---- Hashes of folded text --------------------------------------------------------------- */

/* The fast path of folding, for text in ASCII: small letters and digits, apostrophes
 * dropped, "&" as "and", other marks as one space, a leading "the" dropped.  What it
 * cannot do (accents, British spellings) it leaves to eco_name_fold: 0 when the text is not
 * ASCII.  Both give the same hash for text where both apply, except for spelling, which
 * names meet on later in the graph.  checked: out's room is tested at each byte written;
 * a constant, so that the compiler makes a loop without the tests for short texts. */
static inline size_t fold_ascii_in(char *out, size_t n, const char *text, size_t len,
                                   int checked)
{
    size_t w = 0;
    int space = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned char f = fast_fold[(unsigned char)text[i]];
        if (f > FAST_NOT_ASCII) { /* a small letter or a digit */
            if (checked && w + 2 >= n)
                return 0;
            out[w++] = (char)f;
            space = 0;
        } else if (f == FAST_SPACE) {
            if (!space) {
                out[w++] = ' ';
                space = 1;
            }
        } else if (f == FAST_NOT_ASCII) {
            return 0;
        } else if (f == FAST_AND) {
            if (checked && w + 6 >= n)
                return 0;
            if (!space)
                out[w++] = ' ';
            memcpy(out + w, "and ", 4);
            w += 4;
            space = 1;
        }
    }
    while (w && out[w - 1] == ' ')
        w--;
    if (w > 4 && memcmp(out, "the ", 4) == 0) {
        memmove(out, out + 4, w - 4);
        w -= 4;
    }
    out[w] = '\0';
    return w;
}

/* A byte of text writes five bytes at most (" and "): a text of len bytes with 5 * len + 8
 * to spare can never fail the tests of room, and most names are that short. */
static size_t fold_ascii(char *out, size_t n, const char *text, size_t len)
{
    return len < (n - 8) / 5 ? fold_ascii_in(out, n, text, len, 0)
                             : fold_ascii_in(out, n, text, len, 1);
}

uint64_t eco_i_fold_hash(const char *text, size_t len)
{
    char buf[256], folded[256];
    size_t n;

    if (len >= sizeof(buf))
        return 0;
    if ((n = fold_ascii(folded, sizeof(folded), text, len)) > 0)
        return eco_i_hash(folded, n);
    memcpy(buf, text, len);
    buf[len] = '\0';
    n = eco_name_fold(folded, sizeof(folded), buf);
    return n == 0 || n >= sizeof(folded) ? 0 : eco_i_hash(folded, n);
}
