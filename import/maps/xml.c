/*
 * import/maps/xml.c - a small, strict XML tokenizer: what GraphML needs and no more.
 *
 * ecomap keeps its dependencies to igraph, jansson and Graphviz, so GraphML is read with
 * this reader instead of libxml2.  It is strict where a lenient reader would misread: tags
 * must nest, attribute values must be quoted, '&' must start a known entity, and text
 * outside the root element must be blank.  It does not validate, resolve namespaces or
 * read a DTD's entity declarations (GraphML has none).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"

#define XML_MAX_DEPTH 1000

void eco_i_xml_init(eco_i_xml *x, const char *data, size_t len)
{
    memset(x, 0, sizeof(*x));
    x->at = data;
    x->end = data + len;
    x->line = 1;
    x->column = 1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        x->at += 3;
}

static void clear_tag(eco_i_xml *x)
{
    free(x->name);
    x->name = NULL;
    for (size_t i = 0; i < 2 * x->attribute_count; i++)
        free(x->attributes[i]);
    x->attribute_count = 0;
}

void eco_i_xml_free(eco_i_xml *x)
{
    clear_tag(x);
    free(x->attributes);
    free(x->text);
    for (size_t i = 0; i < x->depth; i++)
        free(x->open[i]);
    free(x->open);
}

const char *eco_i_xml_attribute(const eco_i_xml *x, const char *name)
{
    for (size_t i = 0; i < x->attribute_count; i++)
        if (strcmp(x->attributes[2 * i], name) == 0)
            return x->attributes[2 * i + 1];
    return NULL;
}

const char *eco_i_xml_local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

/* ---- Moving through the text ------------------------------------------------------------ */

static void step(eco_i_xml *x)
{
    unsigned char c = (unsigned char)*x->at++;
    if (c == '\n') {
        x->line++;
        x->column = 1;
    } else if ((c & 0xC0) != 0x80) {
        x->column++;
    }
}

static void skip(eco_i_xml *x, size_t n)
{
    while (n-- && x->at < x->end)
        step(x);
}

static int starts(const eco_i_xml *x, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(x->end - x->at) >= n && memcmp(x->at, s, n) == 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_space(eco_i_xml *x)
{
    while (x->at < x->end && is_space(*x->at))
        step(x);
}

static int fail(eco_i_xml *x, const char *source, eco_error *err, int line, int column,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eco_error_setv(err, ECO_EDATA, source, line, column, fmt, ap);
    va_end(ap);
    (void)x;
    return ECO_EDATA;
}

static int oom(eco_i_xml *x, const char *source, eco_error *err)
{
    return eco_error_set(err, ECO_ENOMEM, source, x->line, x->column, "out of memory reading XML");
}

/* Skips past the end marker; ECO_EDATA when the document ends first. */
static int skip_past(eco_i_xml *x, const char *marker, const char *what, const char *source,
                     eco_error *err)
{
    int line = x->line, column = x->column;
    const char *found = eco_i_memmem(x->at, (size_t)(x->end - x->at), marker, strlen(marker));
    if (!found)
        return fail(x, source, err, line, column, "%s is never closed: \"%s\" is missing", what,
                    marker);
    skip(x, (size_t)(found - x->at) + strlen(marker));
    return 0;
}

/* ---- Text and entities ------------------------------------------------------------------ */

static int put(eco_i_xml *x, const char *s, size_t n)
{
    if (eco_i_reserve(&x->text, &x->text_cap, x->text_len + n + 1, 1) < 0)
        return ECO_ENOMEM;
    memcpy(x->text + x->text_len, s, n);
    x->text_len += n;
    x->text[x->text_len] = '\0';
    return 0;
}

/* Decodes the entity or character reference at x->at ('&') into the text. */
static int entity(eco_i_xml *x, const char *source, eco_error *err)
{
    static const char *const names[][2] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    int line = x->line, column = x->column;
    const char *semi =
        memchr(x->at, ';', (size_t)(x->end - x->at) < 12 ? (size_t)(x->end - x->at) : 12);
    char ref[12], bytes[4];
    size_t n;

    if (!semi)
        return fail(x, source, err, line, column,
                    "'&' starts no entity: write \"&amp;\" for an ampersand");
    n = (size_t)(semi - x->at) - 1;
    memcpy(ref, x->at + 1, n);
    ref[n] = '\0';
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(ref, names[i][0]) == 0) {
            skip(x, n + 2);
            return put(x, names[i][1], 1) < 0 ? oom(x, source, err) : 0;
        }
    if (ref[0] == '#') {
        int hex = ref[1] == 'x';
        char *end;
        unsigned long cp = strtoul(ref + 1 + hex, &end, hex ? 16 : 10);
        if (end != ref + 1 + hex && *end == '\0' && cp > 0 && cp <= 0x10FFFF &&
            !(cp >= 0xD800 && cp <= 0xDFFF) &&
            (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r')) {
            skip(x, n + 2);
            return put(x, bytes, eco_i_utf8_encode((uint32_t)cp, bytes)) < 0 ? oom(x, source, err) : 0;
        }
        return fail(x, source, err, line, column,
                    "character reference \"&%s;\" names no "
                    "character XML allows",
                    ref);
    }
    return fail(x, source, err, line, column, "unknown entity \"&%s;\"", ref);
}

/* Character data up to the next '<', with CRLF read as LF. */
static int read_text(eco_i_xml *x, const char *source, eco_error *err)
{
    while (x->at < x->end && *x->at != '<') {
        if (*x->at == '&') {
            int rc = entity(x, source, err);
            if (rc < 0)
                return rc;
            continue;
        }
        if (!(*x->at == '\r' && x->at + 1 < x->end && x->at[1] == '\n') && put(x, x->at, 1) < 0)
            return oom(x, source, err);
        step(x);
    }
    return 0;
}

static int read_cdata(eco_i_xml *x, const char *source, eco_error *err)
{
    const char *start, *found;

    skip(x, 9); /* <![CDATA[ */
    start = x->at;
    found = eco_i_memmem(x->at, (size_t)(x->end - x->at), "]]>", 3);
    if (!found)
        return fail(x, source, err, x->token_line, x->token_column,
                    "CDATA section is never closed: \"]]>\" is missing");
    if (put(x, start, (size_t)(found - start)) < 0)
        return oom(x, source, err);
    skip(x, (size_t)(found - start) + 3);
    return 0;
}

/* ---- Tags ------------------------------------------------------------------------------- */

static int name_char(unsigned char c, int first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80 ||
           (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

/* Reads a name at x->at into a new string. */
static int read_name(eco_i_xml *x, char **out, const char *source, eco_error *err)
{
    const char *start = x->at;

    if (x->at >= x->end || !name_char((unsigned char)*x->at, 1))
        return fail(x, source, err, x->line, x->column, "a name is expected here");
    while (x->at < x->end && name_char((unsigned char)*x->at, 0))
        step(x);
    if (!(*out = strndup(start, (size_t)(x->at - start))))
        return oom(x, source, err);
    return 0;
}

/* Reads name="value" (or 'value') into the attribute list.  A name the tag has already is
 * an error, as XML says (which of the two values counts would be a guess), and so is a tag
 * of more than ECO_I_XML_MAX_ATTRIBUTES, which would make that check cost its square. */
static int read_attribute(eco_i_xml *x, const char *source, eco_error *err)
{
    char *name = NULL, quote;
    int rc, line = x->line, column = x->column;

    if (x->attribute_count >= ECO_I_XML_MAX_ATTRIBUTES)
        return fail(x, source, err, line, column, "a tag with more than 1000 attributes");
    if ((rc = read_name(x, &name, source, err)) < 0)
        return rc;
    if (eco_i_xml_attribute(x, name)) {
        rc = fail(x, source, err, line, column, "attribute \"%s\" appears twice in one tag", name);
        free(name);
        return rc;
    }
    skip_space(x);
    if (x->at >= x->end || *x->at != '=') {
        rc = fail(x, source, err, x->line, x->column, "attribute \"%s\" has no value", name);
        free(name);
        return rc;
    }
    step(x);
    skip_space(x);
    line = x->line, column = x->column;
    if (x->at >= x->end || (*x->at != '"' && *x->at != '\'')) {
        free(name);
        return fail(x, source, err, line, column, "an attribute value must be quoted");
    }
    quote = *x->at;
    step(x);
    x->text_len = 0;
    if (put(x, "", 0) < 0)
        rc = oom(x, source, err);
    while (rc == 0 && x->at < x->end && *x->at != quote) {
        if (*x->at == '<')
            rc = fail(x, source, err, x->line, x->column, "'<' inside an attribute value");
        else if (*x->at == '&')
            rc = entity(x, source, err);
        else if (put(x, is_space(*x->at) ? " " : x->at, 1) < 0) /* normalised, as XML says */
            rc = oom(x, source, err);
        else
            step(x);
    }
    if (rc == 0 && x->at >= x->end)
        rc = fail(x, source, err, line, column, "attribute value is never closed: a %c is missing",
                  quote);
    if (rc == 0 && eco_i_reserve(&x->attributes, &x->attribute_cap, 2 * x->attribute_count + 2,
                                 sizeof(*x->attributes)) < 0)
        rc = oom(x, source, err);
    if (rc < 0) {
        free(name);
        return rc;
    }
    step(x);
    x->attributes[2 * x->attribute_count] = name;
    if (!(x->attributes[2 * x->attribute_count + 1] = strdup(x->text))) {
        free(name);
        return oom(x, source, err);
    }
    x->attribute_count++;
    return 0;
}

static int read_open(eco_i_xml *x, const char *source, eco_error *err)
{
    int rc;

    step(x); /* < */
    if ((rc = read_name(x, &x->name, source, err)) < 0)
        return rc;
    if (x->depth == 0 && x->seen_root)
        return fail(x, source, err, x->token_line, x->token_column,
                    "a second root element <%s>: an XML document has one", x->name);
    /* Readers walk nested graphs by recursion; real files nest a few levels, not thousands. */
    if (x->depth >= XML_MAX_DEPTH)
        return fail(x, source, err, x->token_line, x->token_column,
                    "elements nested more than %d deep", XML_MAX_DEPTH);
    for (;;) {
        int had_space = x->at < x->end && is_space(*x->at);
        skip_space(x);
        if (x->at >= x->end)
            return fail(x, source, err, x->token_line, x->token_column,
                        "tag <%s> is never closed: a '>' is missing", x->name);
        if (*x->at == '>' || starts(x, "/>")) {
            x->close_pending = *x->at == '/';
            skip(x, x->close_pending ? 2 : 1);
            break;
        }
        if (!had_space)
            return fail(x, source, err, x->line, x->column, "a space must come between attributes");
        if ((rc = read_attribute(x, source, err)) < 0)
            return rc;
    }
    if (eco_i_reserve(&x->open, &x->open_cap, x->depth + 1, sizeof(*x->open)) < 0 ||
        !(x->open[x->depth] = strdup(x->name)))
        return oom(x, source, err);
    x->depth++;
    x->seen_root = 1;
    return ECO_I_XML_OPEN;
}

static int read_close(eco_i_xml *x, const char *source, eco_error *err)
{
    int rc;

    skip(x, 2); /* </ */
    if ((rc = read_name(x, &x->name, source, err)) < 0)
        return rc;
    skip_space(x);
    if (x->at >= x->end || *x->at != '>')
        return fail(x, source, err, x->line, x->column, "'>' expected to end </%s", x->name);
    step(x);
    if (x->depth == 0)
        return fail(x, source, err, x->token_line, x->token_column,
                    "closing tag </%s> closes nothing", x->name);
    if (strcmp(x->open[x->depth - 1], x->name) != 0)
        return fail(x, source, err, x->token_line, x->token_column,
                    "closing tag </%s> does not match <%s>", x->name, x->open[x->depth - 1]);
    free(x->open[--x->depth]);
    return ECO_I_XML_CLOSE;
}

/* ---- Tokens ----------------------------------------------------------------------------- */

/* Skips what is not content: comments, processing instructions, a DOCTYPE.  1 when it did. */
static int skip_markup(eco_i_xml *x, const char *source, eco_error *err, int *rc)
{
    if (starts(x, "<!--"))
        *rc = skip_past(x, "-->", "comment", source, err);
    else if (starts(x, "<?"))
        *rc = skip_past(x, "?>", "processing instruction", source, err);
    else if (starts(x, "<!DOCTYPE")) {
        const char *bracket = memchr(x->at, '[', (size_t)(x->end - x->at));
        const char *gt = memchr(x->at, '>', (size_t)(x->end - x->at));
        *rc = bracket && gt && bracket < gt ? skip_past(x, "]>", "DOCTYPE", source, err)
                                            : skip_past(x, ">", "DOCTYPE", source, err);
    } else
        return 0;
    return 1;
}

int eco_i_xml_next(eco_i_xml *x, const char *source, eco_error *err)
{
    int rc = 0;

    clear_tag(x);
    if (x->close_pending) {
        x->close_pending = 0;
        if (!(x->name = strdup(x->open[x->depth - 1])))
            return oom(x, source, err);
        free(x->open[--x->depth]);
        return ECO_I_XML_CLOSE;
    }
    x->text_len = 0;
    for (;;) {
        x->token_line = x->line, x->token_column = x->column;
        if (x->at >= x->end) {
            if (x->depth)
                return fail(x, source, err, x->line, x->column, "element <%s> is never closed",
                            x->open[x->depth - 1]);
            if (!x->seen_root)
                return fail(x, source, err, x->line, x->column, "the document has no element");
            return ECO_I_XML_END;
        }
        if (skip_markup(x, source, err, &rc)) {
            if (rc < 0)
                return rc;
            continue;
        }
        if (starts(x, "<![CDATA[")) {
            if ((rc = read_cdata(x, source, err)) < 0)
                return rc;
            break;
        }
        if (starts(x, "</"))
            return read_close(x, source, err);
        if (*x->at == '<')
            return read_open(x, source, err);
        if ((rc = read_text(x, source, err)) < 0)
            return rc;
        if (x->depth > 0)
            break;
        /* Outside the root only blanks may stand, between the prolog's parts. */
        if (x->text[strspn(x->text, " \t\r\n")])
            return fail(x, source, err, x->token_line, x->token_column,
                        "text outside the root element");
        x->text_len = 0;
    }
    return ECO_I_XML_TEXT;
}

int eco_i_xml_element_text(eco_i_xml *x, const char *source, char **out, int *has_markup,
                           eco_error *err)
{
    size_t len = 0, cap = 0, depth = x->depth;
    char *text = NULL;
    int token;

    *has_markup = 0;
    while ((token = eco_i_xml_next(x, source, err)) > 0) {
        if (token == ECO_I_XML_CLOSE && x->depth < depth)
            break;
        *has_markup |= token == ECO_I_XML_OPEN;
        if (token != ECO_I_XML_TEXT)
            continue;
        if (eco_i_reserve(&text, &cap, len + x->text_len + 1, 1) < 0) {
            token = ECO_ENOMEM;
            break;
        }
        memcpy(text + len, x->text, x->text_len);
        len += x->text_len;
    }
    if (token >= 0 && !text && !(text = malloc(1))) /* an element with no text holds "" */
        token = ECO_ENOMEM;
    if (token == ECO_ENOMEM)
        eco_error_set(err, ECO_ENOMEM, source, x->line, 0, "out of memory");
    if (token < 0) {
        free(text);
        return token;
    }
    text[len] = '\0';
    *out = text;
    return 0;
}
