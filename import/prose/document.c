/*
 * import/prose/document.c - a record's text made readable and cut up: entities, tags, odd
 * spaces and line ends cleaned, the text cut into lines (a document) and prose into
 * sentences, white space squeezed, and a title cut at its separator.
 *
 * Cleaning works in place and never joins or splits lines, so that a line number found in
 * the cleaned text is the line number in the file: evidence must point at the source.
 */
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define SCAN16 /* look for bytes sixteen at a time (every x86-64 has SSE2) */
#endif

#include "prose.h"

/* ---- Entities --------------------------------------------------------------------------- */

typedef struct entity {
    const char *name; /* without '&' and ';' */
    const char *text; /* UTF-8 it stands for */
} entity;

static const entity entities[] = {
    {"amp", "&"},        {"lt", "<"},          {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},       {"nbsp", " "},        {"ndash", "\xE2\x80\x93"},
    {"mdash", "\xE2\x80\x94"}, {"rsquo", "\xE2\x80\x99"}, {"lsquo", "\xE2\x80\x98"},
    {"rdquo", "\xE2\x80\x9D"}, {"ldquo", "\xE2\x80\x9C"}, {"hellip", "..."},
    {"eacute", "\xC3\xA9"}, {"egrave", "\xC3\xA8"}, {"aacute", "\xC3\xA1"},
    {"agrave", "\xC3\xA0"}, {"oacute", "\xC3\xB3"}, {"iacute", "\xC3\xAD"},
    {"uacute", "\xC3\xBA"}, {"ntilde", "\xC3\xB1"}, {"ccedil", "\xC3\xA7"},
    {"atilde", "\xC3\xA3"}, {"otilde", "\xC3\xB5"}, {"ecirc", "\xC3\xAA"},
    {"Eacute", "\xC3\x89"}, {"copy", "(c)"}, {"reg", "(r)"}, {"bull", "\xE2\x80\xA2"},
    {NULL, NULL}};

/* Decodes the entity at s ('&' included, at most n bytes) into out; returns the bytes it
 * used, or 0 when s is no entity (a bare '&' stays as it is).  Entities never grow. */
static size_t decode_entity(const char *s, size_t n, char *out, size_t *out_len)
{
    const char *semi = memchr(s, ';', n < 12 ? n : 12);
    size_t name_len;

    if (!semi || semi == s + 1)
        return 0;
    name_len = (size_t)(semi - s - 1);
    if (s[1] == '#') {
        char digits[10], *end;
        int hex = name_len > 1 && (s[2] == 'x' || s[2] == 'X');
        size_t dl = name_len - 1 - (size_t)hex;
        if (dl == 0 || dl >= sizeof(digits))
            return 0;
        memcpy(digits, s + 2 + hex, dl);
        digits[dl] = '\0';
        unsigned long cp = strtoul(digits, &end, hex ? 16 : 10);
        if (*end || cp > 0x10FFFF)
            return 0;
        if (cp == 0xA0)
            cp = ' ';
        *out_len = eco_i_utf8_encode((uint32_t)cp, out);
        return *out_len && *out_len <= name_len + 2 ? name_len + 2 : 0;
    }
    for (const entity *e = entities; e->name; e++) {
        if (strlen(e->name) == name_len && memcmp(e->name, s + 1, name_len) == 0) {
            *out_len = strlen(e->text);
            memcpy(out, e->text, *out_len);
            return name_len + 2;
        }
    }
    return 0;
}

/* ---- Cleaning --------------------------------------------------------------------------- */

/* Length of the HTML tag at s (from '<' to '>', on one line), or 0 when s starts none. */
static size_t tag_length(const char *s, size_t n)
{
    size_t i = 1;
    if (n < 3 || !(s[1] == '/' || s[1] == '!' || (s[1] >= 'a' && s[1] <= 'z') ||
                   (s[1] >= 'A' && s[1] <= 'Z')))
        return 0;
    while (i < n && s[i] != '>' && s[i] != '\n' && s[i] != '<')
        i++;
    return i < n && s[i] == '>' ? i + 1 : 0;
}

/* A timestamp link, <a class="yt-timestamp" ...>[00:01:02]</a>, goes with its text. */
static size_t timestamp_link_length(const char *s, size_t n)
{
    size_t open = tag_length(s, n);
    if (!open || open > 200 || eco_i_memmem(s, open, "timestamp", 9) == NULL)
        return 0;
    const char *close = eco_i_memmem(s + open, n - open < 64 ? n - open : 64, "</a>", 4);
    return close ? (size_t)(close - s) + 4 : open;
}

/* A bare "[00:01:02]" timestamp. */
static size_t timestamp_length(const char *s, size_t n)
{
    size_t i = 1;
    if (n < 7 || s[0] != '[')
        return 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ':'))
        i++;
    return i >= 6 && i < n && s[i] == ']' ? i + 1 : 0;
}

/* "[[target | alias]]" gives "alias"; "[[target]]" gives "target".  "[[key:value]]" tags
 * of UNDP records are left for their reader.  Writes the kept text to out. */
static size_t wiki_link(const char *s, size_t n, char *out, size_t *out_len)
{
    const char *close = n > 4 ? eco_i_memmem(s + 2, n - 2 < 300 ? n - 2 : 300, "]]", 2) : NULL;
    const char *inner = s + 2, *bar;
    size_t inner_len;

    if (!close || memchr(inner, '\n', (size_t)(close - inner)))
        return 0;
    inner_len = (size_t)(close - inner);
    bar = memchr(inner, '|', inner_len);
    /* "[[country:Saudi Arabia]]": a tag, its key a lower-case identifier before ':' */
    size_t key = 0;
    while (key < inner_len && ((inner[key] >= 'a' && inner[key] <= 'z') || inner[key] == '_'))
        key++;
    if (!bar && key > 0 && key < inner_len && inner[key] == ':')
        return 0;
    if (bar) {
        inner_len -= (size_t)(bar + 1 - inner);
        inner = bar + 1;
    }
    while (inner_len && *inner == ' ')
        inner++, inner_len--;
    while (inner_len && inner[inner_len - 1] == ' ')
        inner_len--;
    memmove(out, inner, inner_len);
    *out_len = inner_len;
    return (size_t)(close + 2 - s);
}

/* Bytes that cleaning leaves as they are: printable ASCII but for the starts of entities,
 * tags and links. */
static const unsigned char plain[256] = {
    ['\n'] = 1, [' '] = 1, ['!'] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['\''] = 1,
    ['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1, ['@'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['a'] = 1,
    ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
    ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1,
    ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1,
    ['z'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1};

/* Cleans the character at text + r, which is no plain byte and starts no markup, writing
 * it at text + *w: spaces of every width become ' ', zero-width marks and control bytes
 * go, a byte that is not UTF-8 becomes ' ' (one byte lost, the line kept).  Returns the
 * bytes read. */
static size_t clean_char(char *text, size_t len, size_t r, size_t *w)
{
    unsigned char c = (unsigned char)text[r];
    uint32_t cp;
    size_t n;

    if (c < 0x80) {
        text[(*w)++] = (char)(c == '\t' || c == '\f' || c == '\v' || c == 0 ? ' ' : c);
        return 1;
    }
    if ((n = eco_i_utf8_decode(text + r, len - r, &cp)) == 0) {
        text[(*w)++] = ' ';
        return 1;
    }
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2007 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x3000) {
        text[(*w)++] = ' ';
    } else if (!(cp == 0x200B || cp == 0xFEFF || cp == 0x200E || cp == 0x200F)) {
        memmove(text + *w, text + r, n);
        *w += n;
    }
    return n;
}

/* The end of the run of plain bytes that starts at text + r.  Runs are most of a record, and
 * a byte at a time they were most of the cost of cleaning it. */
static size_t plain_run_end(const char *text, size_t r, size_t len)
{
#ifdef SCAN16
    const __m128i space = _mm_set1_epi8(' '), line_feed = _mm_set1_epi8('\n');
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<');
    const __m128i bracket = _mm_set1_epi8('['), del = _mm_set1_epi8(0x7F);
    for (; r + 16 <= len; r += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(text + r));
        /* compared as signed: below ' ' are the control bytes and every byte of 0x80 up */
        __m128i odd = _mm_andnot_si128(_mm_cmpeq_epi8(v, line_feed), _mm_cmplt_epi8(v, space));
        odd = _mm_or_si128(odd, _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)));
        odd = _mm_or_si128(odd, _mm_or_si128(_mm_cmpeq_epi8(v, bracket), _mm_cmpeq_epi8(v, del)));
        int mask = _mm_movemask_epi8(odd);
        if (mask)
            return r + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    while (r < len && plain[(unsigned char)text[r]])
        r++;
    return r;
}

size_t eco_i_text_clean(char *text, size_t len)
{
    size_t r = 0, w = 0;

    while (r < len) {
        unsigned char c = (unsigned char)text[r];
        size_t used = 0, out_len = 0;
        char out[8];

        if (plain[c]) {
            /* most of a record: copy the run of plain bytes at once */
            size_t run = plain_run_end(text, r + 1, len);
            if (w != r)
                memmove(text + w, text + r, run - r);
            w += run - r;
            r = run;
            continue;
        }
        if (c == '\r') {
            text[w++] = '\n';
            r += r + 1 < len && text[r + 1] == '\n' ? 2 : 1;
            continue;
        }
        if (c == '&' && (used = decode_entity(text + r, len - r, out, &out_len))) {
            memcpy(text + w, out, out_len);
            w += out_len;
            r += used;
            continue;
        }
        if (c == '<' && ((used = timestamp_link_length(text + r, len - r)) ||
                         (used = tag_length(text + r, len - r)))) {
            text[w++] = ' ';
            r += used;
            continue;
        }
        if (c == '[' && r + 1 < len && text[r + 1] == '[' &&
            (used = wiki_link(text + r, len - r, text + w, &out_len))) {
            w += out_len;
            r += used;
            continue;
        }
        if (c == '[' && (used = timestamp_length(text + r, len - r))) {
            r += used;
            continue;
        }
        r += clean_char(text, len, r, &w);
    }
    text[w] = '\0';
    return w;
}

/* ---- Sentences -------------------------------------------------------------------------- */

/* 1 when the '.' at i ends an abbreviation or an initial rather than a sentence. */
static int is_abbreviation(const char *text, size_t i)
{
    size_t start = i;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' && text[start - 1] != '(')
        start--;
    size_t n = i - start;
    if (n == 1)
        return 1; /* "A. Smith", "e.g." inner dot */
    if (n == 3 && text[start + 1] == '.')
        return 1; /* "e.g", "i.e" */
    static const char *const words[] = {"etc", "Dr", "Mr", "Mrs", "Ms", "St", "No", "Nr",
                                        "vs", "Prof", "Inc", "Ltd", "Co", "Jr", "Sr", NULL};
    for (size_t k = 0; words[k]; k++)
        if (eco_i_is_word(text + start, n, words[k]))
            return 1;
    return 0;
}

static const unsigned char may_end_sentence[256] = {
    ['\n'] = 1, [';'] = 1, ['.'] = 1, ['?'] = 1, ['!'] = 1};

/* The first byte at or after i that may end a sentence, or len. */
static size_t next_stop(const char *text, size_t i, size_t len)
{
#ifdef SCAN16
    const __m128i line_feed = _mm_set1_epi8('\n'), semicolon = _mm_set1_epi8(';');
    const __m128i stop = _mm_set1_epi8('.'), ask = _mm_set1_epi8('?'), bang = _mm_set1_epi8('!');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(text + i));
        __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(v, line_feed), _mm_cmpeq_epi8(v, semicolon));
        ends = _mm_or_si128(ends, _mm_or_si128(_mm_cmpeq_epi8(v, stop),
                                               _mm_or_si128(_mm_cmpeq_epi8(v, ask),
                                                            _mm_cmpeq_epi8(v, bang))));
        int mask = _mm_movemask_epi8(ends);
        if (mask)
            return i + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    while (i < len && !may_end_sentence[(unsigned char)text[i]])
        i++;
    return i;
}

/* Whether the line break at i of text only wraps a sentence: the line ends on a letter, a
 * digit or a comma, and the next line that is not blank starts in small letters, as forms
 * pasted with hard line breaks do ("offering technical\n\nassistance and guidance"). */
static int wraps(const char *text, size_t len, size_t i)
{
    size_t k = i + 1;
    char before = i > 0 ? text[i - 1] : '\0';

    if (!((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
          (before >= '0' && before <= '9') || before == ','))
        return 0;
    while (k < len && (text[k] == '\n' || text[k] == ' '))
        k++;
    return k < len && text[k] >= 'a' && text[k] <= 'z';
}

int eco_i_sentences(const char *text, size_t len, eco_i_sentence_fn fn, void *ctx)
{
    size_t start = 0;
    int rc;

    for (size_t i = 0; i <= len; i++) {
        i = next_stop(text, i, len);
        int end = i == len || (text[i] == '\n' && !wraps(text, len, i)) || text[i] == ';';
        size_t stop = i;
        if (!end && (text[i] == '.' || text[i] == '?' || text[i] == '!') && i + 1 < len &&
            (text[i + 1] == ' ' || text[i + 1] == '\n') &&
            !(text[i] == '.' && is_abbreviation(text, i))) {
            end = 1;
            stop = i + 1;
        }
        if (!end)
            continue;
        while (start < stop && (text[start] == ' ' || text[start] == '\n'))
            start++;
        size_t e = stop;
        while (e > start && text[e - 1] == ' ')
            e--;
        if (e > start && (rc = fn(text + start, e - start, start, ctx)) < 0)
            return rc;
        start = i + 1;
    }
    return 0;
}

char *eco_i_squeeze(const char *text, size_t len)
{
    char *out = malloc(len + 1);

    if (out)
        eco_i_squeeze_into(out, text, len);
    return out;
}

/* Squeezes len bytes of text onto out + w; returns the new w. */
static size_t squeeze_bytes(char *out, size_t w, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = text[i] == '\n' || text[i] == '\t' ? ' ' : text[i];
        if (c == ' ' && (w == 0 || out[w - 1] == ' '))
            continue;
        out[w++] = c;
    }
    return w;
}

size_t eco_i_squeeze_into(char *out, const char *text, size_t len)
{
    size_t w = 0, i = 0;

#ifdef SCAN16
    /* Most of a sentence needs no squeezing: sixteen bytes with no line break, no tab and
     * no space after a space (or at the start) are copied as they are.  Every passage of
     * evidence is squeezed, and a byte at a time that was 2 % of an import. */
    const __m128i space = _mm_set1_epi8(' '), line_feed = _mm_set1_epi8('\n');
    const __m128i tab = _mm_set1_epi8('\t');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(text + i));
        unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, space));
        unsigned breaks = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, line_feed), _mm_cmpeq_epi8(v, tab)));
        unsigned after_space = w == 0 || out[w - 1] == ' ';
        if (breaks || (spaces & (spaces << 1 | after_space))) {
            w = squeeze_bytes(out, w, text + i, 16);
            continue;
        }
        _mm_storeu_si128((__m128i *)(out + w), v);
        w += 16;
    }
#endif
    w = squeeze_bytes(out, w, text + i, len - i);
    while (w && out[w - 1] == ' ')
        w--;
    out[w] = '\0';
    return w;
}

/* ---- Documents -------------------------------------------------------------------------- */

/* Records copied from web pages keep the labels of their buttons at the end of a line:
 * "Happy Smala See less".  Cuts them off; returns the line's new length. */
static size_t drop_page_controls(char *line, size_t len)
{
    static const eco_i_phrase controls[] = {
        ECO_I_PHRASE(" See less"),  ECO_I_PHRASE(" See more"),  ECO_I_PHRASE(" Read more"),
        ECO_I_PHRASE(" Show more"), ECO_I_PHRASE(" Show less"), ECO_I_PHRASE(" Voir plus"),
        ECO_I_PHRASE(" Ver m\xC3\xA1s")};
    for (size_t i = 0; i < sizeof(controls) / sizeof(controls[0]); i++) {
        size_t n = controls[i].len;
        if (len > n && memcmp(line + len - n, controls[i].text, n) == 0) {
            len -= n;
            line[len] = '\0';
            break;
        }
    }
    return len;
}

int eco_i_doc_open(eco_i_doc *doc, const eco_i_input *in)
{
    size_t cap = 0, n = in->len;

    memset(doc, 0, sizeof(*doc));
    /* a copy of each record cost a malloc, a copy and fresh pages (2 % of importing 10,000
     * plans), for bytes that the import lets go once they are read */
    if (in->spare) {
        doc->text = in->spare;
    } else {
        if (!(doc->text = doc->copy = malloc(n + 1)))
            return ECO_ENOMEM;
        memcpy(doc->text, in->data, n);
    }
    if (n >= 3 && memcmp(doc->text, "\xEF\xBB\xBF", 3) == 0)
        memset(doc->text, ' ', 3);
    doc->len = eco_i_text_clean(doc->text, n);
    for (char *s = doc->text;;) {
        char *eol = strchr(s, '\n');
        if (eco_i_reserve(&doc->lines, &cap, doc->count + 1, sizeof(*doc->lines)) < 0) {
            eco_i_doc_close(doc);
            return ECO_ENOMEM;
        }
        if (eol)
            *eol = '\0';
        /* strchr stops at a NUL, so a line break found ends the line's bytes */
        size_t l = eol ? (size_t)(eol - s) : strlen(s);
        while (l && s[l - 1] == ' ')
            s[--l] = '\0';
        l = drop_page_controls(s, l);
        doc->lines[doc->count++] = s;
        if (!eol)
            break;
        s = eol + 1;
    }
    return 0;
}

void eco_i_doc_close(eco_i_doc *doc)
{
    free(doc->copy);
    free(doc->lines);
    memset(doc, 0, sizeof(*doc));
}

int eco_i_split_title(const char *title, const char **x, size_t *xn, const char **y, size_t *yn)
{
    static const char *const seps[] = {": ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ",
                                       " \xE2\x80\x93", " -", "\xE2\x80\x94 ", "- ", NULL};
    for (size_t i = 0; seps[i]; i++) {
        const char *at = strstr(title, seps[i]);
        if (!at || at == title)
            continue;
        *x = title;
        *xn = (size_t)(at - title);
        *y = at + strlen(seps[i]);
        *yn = strlen(*y);
        while (*xn && (*x)[*xn - 1] == ' ')
            (*xn)--;
        while (*yn && **y == ' ')
            (*y)++, (*yn)--;
        return *xn > 0 && *yn > 0;
    }
    return 0;
}
