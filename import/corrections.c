/*
 * import/corrections.c - reading the analyst's corrections file (--fix FILE).
 *
 * A line is a verb and its operands, separated by spaces: `join "UNDP" "United Nations
 * Development Programme"`.  An operand with a space in it is quoted with ", a quote inside
 * doubled.  Blank lines and lines that start with # are skipped.  Every position comes from
 * the one map of positions every reader uses (eco_i_text_map, import/input.h), so an error
 * anywhere on a line names its column at a bounded cost.
 * Lines that contradict each other (join A B and apart A B; two types for one name) are
 * found here, by a table keyed by what a line is about, so that the file is refused before
 * any map is read.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corrections.h"

/* ---- Verbs ------------------------------------------------------------------------------ */

static const struct {
    const char *name;
    size_t fewest, most; /* operands */
    const char *takes;   /* for the message when the count is wrong */
} verbs[ECO_FIX_VERB_COUNT] = {
    [ECO_FIX_JOIN] = {"join", 2, 2, "two actors"},
    [ECO_FIX_APART] = {"apart", 2, 2, "two actors"},
    [ECO_FIX_NOT_ACTOR] = {"not-actor", 1, 1, "one name"},
    [ECO_FIX_TYPE] = {"type", 2, 2, "an actor and a type"},
    [ECO_FIX_COUNTRY] = {"country", 2, 2, "an actor and a country"},
    [ECO_FIX_NAME] = {"name", 2, 2, "an actor and its new name"},
    [ECO_FIX_DROP_TIE] = {"drop-tie", 2, 3, "two actors and perhaps a kind"},
    [ECO_FIX_KIND] = {"kind", 3, 3, "two actors and a kind"},
    [ECO_FIX_DIRECTION] = {"direction", 3, 3, "two actors and directed or undirected"},
};

static int find_verb(const char *word)
{
    for (int v = 0; v < ECO_FIX_VERB_COUNT; v++)
        if (strcasecmp(word, verbs[v].name) == 0)
            return v;
    return -1;
}

/* ---- One line into words ---------------------------------------------------------------- */

typedef struct reader {
    eco_i_corrections *fix;
    const char *text;    /* the whole file */
    eco_i_text_map map;  /* its positions */
    eco_i_map seen;      /* what lines are about (conflict_key) -> index of the line */
    eco_error *err;
} reader;

static int fail_at(reader *r, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An error at the byte at offset. */
static int fail_at(reader *r, size_t offset, const char *fmt, ...)
{
    va_list ap;
    int line, column;

    eco_i_text_map_find(&r->map, offset, &line, &column);
    va_start(ap, fmt);
    eco_error_setv(r->err, ECO_EDATA, r->fix->source, line, column, fmt, ap);
    va_end(ap);
    return ECO_EDATA;
}

/* The word at *at (before end), unquoted, malloc'd into *out; *at moves past it. */
static int read_word(reader *r, size_t *at, size_t end, char **out)
{
    const char *t = r->text;
    size_t start = *at, n = 0;
    char *word = malloc(end - start + 1);

    if (!word)
        return ECO_ENOMEM;
    if (t[start] != '"') {
        while (*at < end && t[*at] != ' ' && t[*at] != '\t')
            word[n++] = t[(*at)++];
    } else {
        for ((*at)++;; (*at)++) {
            if (*at >= end) {
                free(word);
                return fail_at(r, start, "quote not closed on this line");
            }
            if (t[*at] == '"' && (*at + 1 >= end || t[*at + 1] != '"'))
                break;
            word[n++] = t[*at];
            *at += t[*at] == '"'; /* a doubled quote is one */
        }
        (*at)++;
        if (*at < end && t[*at] != ' ' && t[*at] != '\t') {
            free(word);
            return fail_at(r, *at, "text right after a closing quote: put a space first");
        }
    }
    word[n] = '\0';
    *out = word;
    return 0;
}

/* Splits the line from start to end into words; at most 5 are kept (a verb, three
 * operands, and one that is too many). */
static int split_line(reader *r, size_t start, size_t end, char *words[5], size_t at[5],
                      size_t *count)
{
    int rc = 0;

    *count = 0;
    for (size_t i = start; i < end && *count < 5 && rc == 0;) {
        if (r->text[i] == ' ' || r->text[i] == '\t') {
            i++;
            continue;
        }
        at[*count] = i;
        if ((rc = read_word(r, &i, end, &words[*count])) == 0)
            (*count)++;
    }
    return rc;
}

/* ---- Operands --------------------------------------------------------------------------- */

/* The value an operand past the names says: a type, a kind, a direction, a country. */
static int read_value(reader *r, eco_i_fix_line *l, size_t offset)
{
    const char *word = l->operand[l->operands - 1];
    eco_actor_type type;
    eco_tie_kind kind;

    switch (l->verb) {
    case ECO_FIX_TYPE:
        if (strcasecmp(word, "unknown") == 0 || strcasecmp(word, "none") == 0)
            type = ECO_TYPE_UNKNOWN;
        else if (eco_actor_type_from_name(&type, word) < 0)
            return fail_at(r, offset, "unknown actor type \"%s\" (government, lab, academia, "
                           "civil_society, international, private, network or unknown)", word);
        l->value = (int)type;
        return 0;
    case ECO_FIX_COUNTRY:
        if (strcasecmp(word, "none") != 0 && !(l->country = eco_i_country_name(word, strlen(word))))
            l->country = word; /* a place the table does not know stays as written */
        return 0;
    case ECO_FIX_DROP_TIE:
    case ECO_FIX_KIND:
        if (l->operands < 3)
            return 0;
        if (eco_tie_kind_from_name(&kind, word) < 0)
            return fail_at(r, offset, "unknown tie kind \"%s\" (partnership, funding, hosting, "
                           "support, membership or related)", word);
        l->value = (int)kind + (l->verb == ECO_FIX_DROP_TIE);
        return 0;
    case ECO_FIX_DIRECTION:
        if (strcasecmp(word, "directed") != 0 && strcasecmp(word, "undirected") != 0)
            return fail_at(r, offset, "\"%s\" is no direction: directed (from the first actor "
                           "to the second) or undirected", word);
        l->value = strcasecmp(word, "directed") == 0;
        return 0;
    default:
        return 0;
    }
}

/* ---- Lines that contradict each other --------------------------------------------------- */

static uint64_t name_key(const char *name)
{
    uint64_t h = eco_i_fold_hash(name, strlen(name));
    return h ? h : eco_i_hash(name, strlen(name)); /* a name too long to fold */
}

/* What a line is about, as a key: its verb's group and its names, a pair in either order. */
static uint64_t about(int group, const eco_i_fix_line *l, size_t names)
{
    uint64_t a = name_key(l->operand[0]), b = names > 1 ? name_key(l->operand[1]) : 0;
    uint64_t low = a < b ? a : b, high = a < b ? b : a;
    return ((uint64_t)group + 1) * 0x9E3779B97F4A7C15ULL ^ low * 0xBF58476D1CE4E5B9ULL ^
           (high * 0x94D049BB133111EBULL >> 1);
}

enum { PAIR, TYPE, COUNTRY, NAME, KIND, DIRECTION, NOT_ACTOR, JOINED };

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether line l says otherwise than the earlier line e about the same thing. */
static int contradicts(int group, const eco_i_fix_line *e, const eco_i_fix_line *l)
{
    switch (group) {
    case PAIR:
        return e->verb != l->verb;
    case TYPE:
    case KIND:
        return e->value != l->value;
    case COUNTRY:
        return !same_text(e->country, l->country);
    case NAME:
        return strcmp(e->operand[1], l->operand[1]) != 0;
    case DIRECTION: /* directed both ways, or one way and none */
        return e->value != l->value ||
               (l->value && name_key(e->operand[0]) != name_key(l->operand[0]));
    default: /* not-actor twice is once; against a join, a name cannot be both */
        return e->verb != l->verb;
    }
}

static const char *const conflicts[] = {
    [PAIR] = "line %d says otherwise of these two actors: join and apart contradict",
    [TYPE] = "line %d gives this actor another type: an actor has one",
    [COUNTRY] = "line %d gives this actor another country: an actor has one",
    [NAME] = "line %d gives this actor another name: an actor has one",
    [KIND] = "line %d gives this tie another kind",
    [DIRECTION] = "line %d gives this tie another direction",
    [NOT_ACTOR] = "line %d says this name is no actor: it cannot be joined",
    [JOINED] = "line %d joins this name to another: it cannot be no actor too",
};

/* Notes what line l (the last read) is about under group, or fails when an earlier line
 * (under look, usually group) says otherwise. */
static int note(reader *r, int group, int look, uint64_t key, uint64_t look_key)
{
    eco_i_fix_line *l = &r->fix->lines[r->fix->count - 1];
    size_t earlier;

    if (eco_i_map_get(&r->seen, look_key, &earlier) &&
        contradicts(look, &r->fix->lines[earlier], l)) {
        int line = r->fix->lines[earlier].line;
        return eco_error_set(r->err, ECO_EDATA, r->fix->source, l->line, l->column[0],
                             conflicts[look], line);
    }
    if (group < 0 || eco_i_map_get(&r->seen, key, NULL))
        return 0;
    return eco_i_map_put(&r->seen, key, r->fix->count - 1);
}

static int check_conflicts(reader *r, const eco_i_fix_line *l)
{
    static const int group_of[ECO_FIX_VERB_COUNT] = {
        [ECO_FIX_JOIN] = PAIR,  [ECO_FIX_APART] = PAIR,        [ECO_FIX_NOT_ACTOR] = NOT_ACTOR,
        [ECO_FIX_TYPE] = TYPE,  [ECO_FIX_COUNTRY] = COUNTRY,   [ECO_FIX_NAME] = NAME,
        [ECO_FIX_KIND] = KIND,  [ECO_FIX_DIRECTION] = DIRECTION, [ECO_FIX_DROP_TIE] = -1};
    int group = group_of[l->verb], rc = 0;
    size_t names = group == PAIR || group == KIND || group == DIRECTION ? 2 : 1;

    if (group < 0)
        return 0;
    uint64_t key = about(group, l, names);
    if ((rc = note(r, group, group, key, key)) < 0)
        return rc;
    if (l->verb == ECO_FIX_NOT_ACTOR) /* a name joined earlier */
        return note(r, -1, JOINED, 0, about(JOINED, l, 1));
    if (l->verb != ECO_FIX_JOIN)
        return 0;
    for (size_t i = 0; i < 2 && rc == 0; i++) {
        eco_i_fix_line one = *l; /* each name of the join, alone */
        one.operand[0] = l->operand[i];
        if ((rc = note(r, -1, NOT_ACTOR, 0, about(NOT_ACTOR, &one, 1))) == 0 &&
            !eco_i_map_get(&r->seen, about(JOINED, &one, 1), NULL))
            rc = eco_i_map_put(&r->seen, about(JOINED, &one, 1), r->fix->count - 1);
    }
    return rc;
}

/* ---- Lines ------------------------------------------------------------------------------ */

/* Takes the words of one line as a correction, which it then owns. */
static int take_line(reader *r, char *words[5], const size_t at[5], size_t n, size_t end)
{
    eco_i_corrections *fix = r->fix;
    int verb = find_verb(words[0]), rc;

    if (verb < 0)
        return fail_at(r, at[0], "unknown correction \"%s\" (join, apart, not-actor, type, "
                       "country, name, drop-tie, kind, direction)", words[0]);
    if (n - 1 < verbs[verb].fewest)
        return fail_at(r, end, "missing operand: %s", verbs[verb].takes);
    if (n - 1 > verbs[verb].most)
        return fail_at(r, at[verbs[verb].most + 1], "one operand too many: %s; quote a name "
                       "that has spaces", verbs[verb].takes);
    if (eco_i_reserve(&fix->lines, &fix->cap, fix->count + 1, sizeof(*fix->lines)) < 0)
        return ECO_ENOMEM;
    eco_i_fix_line *l = &fix->lines[fix->count++];
    memset(l, 0, sizeof(*l));
    l->verb = (eco_i_fix_verb)verb;
    l->operands = n - 1;
    for (size_t i = 0; i < n; i++) {
        int line;
        eco_i_text_map_find(&r->map, at[i], &line, &l->column[i]);
        l->line = line;
        if (i > 0) {
            l->operand[i - 1] = words[i];
            words[i] = NULL;
            if (!*l->operand[i - 1])
                return fail_at(r, at[i], "an empty operand");
        }
    }
    if ((rc = read_value(r, l, at[n - 1])) < 0)
        return rc;
    return check_conflicts(r, l);
}

static int read_line(reader *r, size_t start, size_t end)
{
    char *words[5] = {NULL};
    size_t at[5], n = 0;
    int rc;

    while (end > start && (r->text[end - 1] == '\r' || r->text[end - 1] == ' ' ||
                           r->text[end - 1] == '\t'))
        end--;
    while (start < end && (r->text[start] == ' ' || r->text[start] == '\t'))
        start++;
    if (start < end && r->text[start] == '#')
        return 0; /* a comment may hold anything, a lone quote too */
    rc = split_line(r, start, end, words, at, &n);
    if (rc == 0 && n > 0)
        rc = take_line(r, words, at, n, end);
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    return rc;
}

/* Text is UTF-8 without NUL: anything else is a binary file or another encoding. */
static int check_text(reader *r, size_t len)
{
    for (size_t at = 0; at < len;) {
        uint32_t cp;
        size_t n = eco_i_utf8_decode(r->text + at, len - at, &cp);
        if (n == 0 || cp == 0)
            return fail_at(r, at, "not text: a corrections file is UTF-8 without NUL bytes");
        at += n;
    }
    return 0;
}

static void fix_free_lines(eco_i_corrections *fix)
{
    for (size_t i = 0; i < fix->count; i++)
        for (size_t k = 0; k < 3; k++)
            free(fix->lines[i].operand[k]);
    free(fix->lines);
}

void eco_i_corrections_free(eco_i_corrections *fix)
{
    if (!fix)
        return;
    fix_free_lines(fix);
    free(fix->designated);
    free(fix->source);
    free(fix);
}

int eco_i_corrections_parse(eco_i_corrections **out, const char *text, size_t len,
                            const char *source, const eco_import_options *opt, eco_error *err)
{
    reader r = {calloc(1, sizeof(*r.fix)), text, {0}, {0}, err};
    size_t at = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* no column */
    int rc = 0;
    if (!r.fix || !(r.fix->source = strdup(source ? source : "<corrections>")) ||
        eco_i_text_map_init(&r.map, text, len) < 0) {
        rc = ECO_ENOMEM;
        goto cleanup;
    }
    r.fix->opt = opt;
    if ((rc = check_text(&r, len)) < 0)
        goto cleanup;
    while (at < len && rc == 0) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        rc = read_line(&r, at, end);
        at = end + 1;
    }
cleanup:
    if (rc == ECO_ENOMEM)
        eco_error_set(err, rc, source, 0, 0, "out of memory");
    if (rc == 0) {
        *out = r.fix;
        r.fix = NULL;
    }
    eco_i_corrections_free(r.fix);
    eco_i_text_map_free(&r.map);
    eco_i_map_free(&r.seen);
    return rc;
}

int eco_i_corrections_load(eco_i_corrections **out, const char *path,
                           const eco_import_options *opt, eco_error *err)
{
    char *text = NULL;
    size_t len = 0;
    int rc = eco_i_read_file(path, &text, &len, err);

    if (rc == 0)
        rc = eco_i_corrections_parse(out, text, len, path, opt, err);
    free(text);
    return rc;
}
