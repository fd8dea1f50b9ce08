/*
 * core/fold.c - folding names so that the spellings of one organisation meet.
 *
 * "AMA – Administrative Modernisation Agency" and "AMA - Administrative Modernization
 * Agency" must fold to the same text; so must "Ombudsman’s Office" and "Ombudsman's
 * Office".  Folding works a word at a time: characters are mapped (accents dropped, case
 * lowered, punctuation to spaces), then each finished word gets its American spelling.
 * The hash of a folded name (eco_i_fold_hash) is the key every table of names uses.
 */
#include <string.h>

#include "internal.h"

/* ---- Output with snprintf semantics ----------------------------------------------------- */

typedef struct sink {
    char *buf;  /* caller's buffer, may be NULL when n is 0 */
    size_t n;   /* its size */
    size_t len; /* bytes the whole result needs, NUL excluded */
} sink;

static void sink_put(sink *s, const char *p, size_t len)
{
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

/* Latin-1 letters U+00C0..U+00FF, lowered and without accents; "" for × and ÷. */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

/* Latin Extended-A, U+0100..U+017F, one base letter each; '2' marks the ligatures. */
static const char latin_ext_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii22jjkkk"
                                  "lllllllllllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuu"
                                  "uuwwyyyzzzzzzs";

typedef enum char_class { CHAR_TEXT, CHAR_SPACE, CHAR_DROP } char_class;

/*
 * Maps one code point to the text it folds to, written to out (at most 4 bytes plus NUL).
 * Returns CHAR_SPACE for separators, CHAR_DROP for marks that vanish (apostrophes,
 * combining accents), CHAR_TEXT otherwise.
 */
static char_class fold_char(uint32_t c, char out[8])
{
    out[0] = '\0';
    if (c >= 0xFF01 && c <= 0xFF5E) /* fullwidth forms, common in CJK documents */
        c -= 0xFEE0;
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
    if (c == 0xB4 || c == 0x2BC || c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032)
        return CHAR_DROP;
    if (c >= 0x300 && c <= 0x36F)
        return CHAR_DROP;
    if (c < 0xC0 || (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
        c == 0x2212 || c == 0xFEFF)
        return CHAR_SPACE;
    if (c <= 0xFF) {
        strcpy(out, latin1[c - 0xC0]);
        return out[0] ? CHAR_TEXT : CHAR_SPACE;
    }
    if (c <= 0x17F) {
        char base = latin_ext_a[c - 0x100];
        if (base == '2')
            strcpy(out, c < 0x140 ? "ij" : "oe");
        else
            out[0] = base, out[1] = '\0';
        return CHAR_TEXT;
    }
    if (c == 0x218 || c == 0x219 || c == 0x15E || c == 0x15F) {
        strcpy(out, "s");
        return CHAR_TEXT;
    }
    if (c == 0x21A || c == 0x21B) {
        strcpy(out, "t");
        return CHAR_TEXT;
    }
    /* Greek and Cyrillic capitals to small letters; other scripts stay as they are. */
    if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F))
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    out[eco_i_utf8_encode(c, out)] = '\0';
    return CHAR_TEXT;
}

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

/* Whether the word w of len bytes holds the two bytes of pair. */
static int has_pair(const char *w, size_t len, char first, char second)
{
    for (size_t i = 0; i + 1 < len; i++)
        if (w[i] == first && w[i + 1] == second)
            return 1;
    return 0;
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

    if (*len < 5)
        return;
    w[*len] = '\0';
    last = w[*len - 1];
    if (last == 'e' || last == 's') {
        for (size_t i = 0; british_words[i][0]; i++) {
            if (strcmp(w, british_words[i][0]) == 0) {
                strcpy(w, british_words[i][1]);
                *len = strlen(w);
                return;
            }
        }
    }
    if (has_pair(w, *len, 'o', 'u')) {
        for (size_t i = 0; our_stems[i]; i++) {
            size_t n = strlen(our_stems[i]);
            if (*len >= n && memcmp(w, our_stems[i], n) == 0) {
                memmove(w + n - 2, w + n - 1, *len - n + 2); /* drop the "u" of "our" */
                (*len)--;
                return;
            }
        }
    }
    /* Short words such as "rise" or "wise" have no -ize twin. */
    if (*len >= 6 && (has_pair(w, *len, 'i', 's') || has_pair(w, *len, 'y', 's'))) {
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

static size_t fold(char *buf, size_t n, const char *name, int flags)
{
    folder f = {.out = {buf, n, 0}, .flags = flags};
    size_t len = name ? strlen(name) : 0;

    for (size_t i = 0; i < len;) {
        uint32_t c;
        char text[8];
        unsigned char byte = (unsigned char)name[i];
        if (((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') || (byte >= '0' && byte <= '9')) {
            word_add_char(&f, (char)(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
            i++;
            continue; /* the common case, without decoding */
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

/* ---- Hashes of folded text --------------------------------------------------------------- */

/* The fast path of folding, for text in ASCII: small letters and digits, apostrophes
 * dropped, "&" as "and", other marks as one space, a leading "the" dropped.  What it
 * cannot do (accents, British spellings) it leaves to eco_name_fold: 0 when the text is not
 * ASCII.  Both give the same hash for text where both apply, except for spelling, which
 * names meet on later in the graph. */
static size_t fold_ascii(char *out, size_t n, const char *text, size_t len)
{
    size_t w = 0;
    int space = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80)
            return 0;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (w + 2 >= n)
                return 0;
            out[w++] = (char)c;
            space = 0;
        } else if (c == '\'' || c == '`') {
            continue;
        } else if (c == '&') {
            if (w + 6 >= n)
                return 0;
            if (!space)
                out[w++] = ' ';
            memcpy(out + w, "and ", 4);
            w += 4;
            space = 1;
        } else if (!space) {
            out[w++] = ' ';
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
