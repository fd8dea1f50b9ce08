/*
 * import/maps/json_scan.c - JSON read in one pass over its text, without building a tree.
 *
 * jansson builds a tree of every value, an allocation and a hash table per object, before a
 * reader sees any of it: for a map of 86,000 ties that took a second and 180 MB.  The scanner
 * here hands a reader one token at a time instead, and is strict: it accepts only what
 * jansson accepts as the readers call it (RFC 8259, UTF-8, no NUL in strings, integers that
 * fit 64 bits, numbers that do not overflow), so that a text the scanner reads, jansson
 * would read to the same values.  It never explains a fault: it only says that there is one
 * (ECO_I_SCAN_DECLINED), and the reader then hands the text to jansson, whose error points
 * at the line and column.
 */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

/* ---- Characters ------------------------------------------------------------------------- */

/* 1 for the bytes a string holds as they are: printable ASCII but the quote and the
 * backslash.  Control characters, escapes and bytes above 0x7F take the slow way. */
static const unsigned char plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

void eco_i_json_scan_init(eco_i_json_scan *s, const char *text, size_t len)
{
    memset(s, 0, sizeof(*s));
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    s->at = text;
    s->end = text + len;
    /* strtod reads the decimal point of the locale; a program that set another leaves the
     * numbers with fractions to jansson, which converts them itself */
    s->dot_locale = localeconv()->decimal_point[0] == '.' && !localeconv()->decimal_point[1];
}

void eco_i_json_scan_free(eco_i_json_scan *s)
{
    free(s->string.text);
    memset(s, 0, sizeof(*s));
}

int eco_i_json_scan_peek(eco_i_json_scan *s)
{
    while (s->at < s->end && (*s->at == ' ' || *s->at == '\n' || *s->at == '\r' || *s->at == '\t'))
        s->at++;
    return s->at < s->end ? (unsigned char)*s->at : -1;
}

int eco_i_json_scan_char(eco_i_json_scan *s, char c)
{
    if (eco_i_json_scan_peek(s) != (unsigned char)c)
        return ECO_I_SCAN_DECLINED;
    s->at++;
    return 0;
}

int eco_i_json_scan_next(eco_i_json_scan *s, char close, int *more)
{
    int c = eco_i_json_scan_peek(s);

    if (c == (unsigned char)close) {
        s->at++;
        *more = 0;
        return 0;
    }
    *more = 1;
    return c == ',' ? (s->at++, 0) : ECO_I_SCAN_DECLINED;
}

/* ---- Strings ---------------------------------------------------------------------------- */

int eco_i_json_text_append(eco_i_json_text *t, const char *bytes, size_t n)
{
    if (t->len + n + 1 > t->cap && eco_i_reserve(&t->text, &t->cap, t->len + n + 1, 1) < 0)
        return ECO_ENOMEM;
    memcpy(t->text + t->len, bytes, n);
    t->len += n;
    t->text[t->len] = '\0';
    return 0;
}

static int hex4(const char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* Decodes the escape at *p (its backslash) into t.  A lone surrogate and \u0000 are faults
 * to jansson, as they are here. */
static int unescape(eco_i_json_text *t, const char **p, const char *end)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *at = *p + 1, *hit;
    uint32_t cp, low;
    char utf8[4];
    size_t n;

    if (at >= end)
        return ECO_I_SCAN_DECLINED;
    if (*at != 'u') {
        if (!*at || !(hit = strchr(from, *at)))
            return ECO_I_SCAN_DECLINED;
        *p = at + 1;
        return eco_i_json_text_append(t, &to[hit - from], 1);
    }
    if (end - at < 5 || hex4(at + 1, &cp) < 0)
        return ECO_I_SCAN_DECLINED;
    at += 5;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (end - at < 6 || at[0] != '\\' || at[1] != 'u' || hex4(at + 2, &low) < 0 ||
            low < 0xDC00 || low > 0xDFFF)
            return ECO_I_SCAN_DECLINED;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        at += 6;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return ECO_I_SCAN_DECLINED;
    }
    if (!(n = eco_i_utf8_encode(cp, utf8))) /* NUL */
        return ECO_I_SCAN_DECLINED;
    *p = at;
    return eco_i_json_text_append(t, utf8, n);
}

int eco_i_json_scan_string_into(eco_i_json_scan *s, eco_i_json_text *t)
{
    const char *p, *end = s->end;
    int rc;

    if (eco_i_json_scan_peek(s) != '"')
        return ECO_I_SCAN_DECLINED;
    t->len = 0;
    if (t->text)
        t->text[0] = '\0';
    p = s->at + 1;
    for (;;) {
        const char *run = p;
        while (p < end && plain[(unsigned char)*p])
            p++;
        if (p > run && (rc = eco_i_json_text_append(t, run, (size_t)(p - run))) < 0)
            return rc;
        if (p >= end)
            return ECO_I_SCAN_DECLINED;
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            break;
        if (c == '\\') {
            if ((rc = unescape(t, &p, end)) != 0)
                return rc;
        } else {
            uint32_t cp;
            size_t n = c >= 0x80 ? eco_i_utf8_decode(p, (size_t)(end - p), &cp) : 0;
            if (!n) /* a control character, or a byte that is not UTF-8 */
                return ECO_I_SCAN_DECLINED;
            if ((rc = eco_i_json_text_append(t, p, n)) < 0)
                return rc;
            p += n;
        }
    }
    if (!t->text && (rc = eco_i_json_text_append(t, "", 0)) < 0)
        return rc;
    s->at = p + 1;
    return 0;
}

int eco_i_json_scan_string(eco_i_json_scan *s)
{
    return eco_i_json_scan_string_into(s, &s->string);
}

/* ---- Numbers and literals --------------------------------------------------------------- */

int eco_i_json_scan_number(eco_i_json_scan *s, eco_i_json_number *out)
{
    const char *p, *start, *end = s->end;
    int negative = 0;
    unsigned long long whole = 0;
    size_t digits = 0;

    if (eco_i_json_scan_peek(s) < 0)
        return ECO_I_SCAN_DECLINED;
    p = start = s->at;
    if (*p == '-')
        negative = 1, p++;
    if (p >= end || *p < '0' || *p > '9' || (*p == '0' && p + 1 < end && p[1] >= '0' && p[1] <= '9'))
        return ECO_I_SCAN_DECLINED;
    for (; p < end && *p >= '0' && *p <= '9'; p++, digits++)
        whole = whole * 10 + (unsigned long long)(*p - '0');
    out->integer = 1;
    if (p < end && *p == '.') {
        out->integer = 0;
        if (++p >= end || *p < '0' || *p > '9')
            return ECO_I_SCAN_DECLINED;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        out->integer = 0;
        if (++p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || *p < '0' || *p > '9')
            return ECO_I_SCAN_DECLINED;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (out->integer) {
        /* 18 digits always fit; longer ones may not, and jansson refuses what does not */
        if (digits > 18)
            return ECO_I_SCAN_DECLINED;
        out->whole = negative ? -(long long)whole : (long long)whole;
        out->value = (double)out->whole;
    } else {
        char *stop;
        if (!s->dot_locale)
            return ECO_I_SCAN_DECLINED;
        errno = 0;
        /* the text ends in a NUL, and a number is followed by what strtod stops at */
        out->value = strtod(start, &stop);
        if (errno == ERANGE || stop != p)
            return ECO_I_SCAN_DECLINED;
        out->whole = 0;
    }
    s->at = p;
    return 0;
}

int eco_i_json_scan_literal(eco_i_json_scan *s, int *out)
{
    static const char *const words[] = {"null", "false", "true"};
    int c = eco_i_json_scan_peek(s);

    for (int k = 0; k < 3; k++) {
        size_t n = strlen(words[k]);
        if (c == words[k][0] && (size_t)(s->end - s->at) >= n && memcmp(s->at, words[k], n) == 0) {
            s->at += n;
            *out = k - 1; /* -1 null, 0 false, 1 true */
            return 0;
        }
    }
    return ECO_I_SCAN_DECLINED;
}

int eco_i_json_scan_end(eco_i_json_scan *s)
{
    return eco_i_json_scan_peek(s) < 0 ? 0 : ECO_I_SCAN_DECLINED;
}
