/*
 * import/partners.c - the answer to "name your partners", cut into organisations.
 *
 * People fill partner fields every way there is: numbered lists, bullets, one per line,
 * commas, "and", "&", "/", wide gaps, a description after a colon or a dash, qualifiers in
 * brackets.  Pieces are cut at the separators that never occur inside a name (lines,
 * numbers, bullets, ";", wide gaps); each piece loses its description and brackets, and is
 * then read as a list of names by the name extractor, which keeps "Ministry of Housing
 * and Municipal Services" whole and cuts "Datalat and OpenlabEC" in two.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

#define MAX_PIECE 600

static const char *const junk[] = {
    "n a", "na", "none", "nil", "not applicable", "no", "yes", "tbd", "tbc", "other", "others",
    "etc", "various", "n d", "nd", "aucun", "ninguno", "ninguna", "nenhum", "non", "oui", "si",
    "sim", "not yet", "to be defined", "to be determined", "pending", "unknown", "x", "yes no",
    "not applicable yet", "no partners", "no partner", "internal", "only internal partners", NULL};

static int is_space(char c) { return c == ' ' || c == '\t'; }

static void trim(const char **s, size_t *n)
{
    while (*n && (is_space(**s) || **s == '-' || **s == '*' || **s == ',' || **s == '.' ||
                  **s == '"'))
        (*s)++, (*n)--;
    while (*n && (is_space((*s)[*n - 1]) || (*s)[*n - 1] == ',' || (*s)[*n - 1] == '.' ||
                  (*s)[*n - 1] == ':' || (*s)[*n - 1] == '"' || (*s)[*n - 1] == '-'))
        (*n)--;
}

/* Length of a list marker at s: "1.", "2)", "3-", "-", "*", "•", "·". */
static size_t marker_length(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xB7)
        return 2;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xA2)
        return 3;
    if (n >= 1 && (s[0] == '-' || s[0] == '*') && (n == 1 || s[1] == ' '))
        return 1;
    while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > 0 && i < n && (s[i] == '.' || s[i] == ')' || s[i] == '-') &&
        (i + 1 == n || s[i + 1] == ' ' || (s[i] != '.' && !(s[i + 1] >= '0' && s[i + 1] <= '9'))))
        return i + 1;
    return 0;
}

typedef struct splitter {
    eco_i_partner *items;
    size_t count, cap;
    eco_i_map seen; /* hash of a name -> its item: a field of thousands of lines stays linear */
} splitter;

/* Whether the n bytes of name are already an item. */
static int seen_before(const splitter *sp, const char *name, size_t n)
{
    size_t at;
    if (!eco_i_map_get(&sp->seen, eco_i_hash(name, n), &at))
        return 0;
    if (strlen(sp->items[at].name) == n && memcmp(sp->items[at].name, name, n) == 0)
        return 1;
    for (size_t i = 0; i < sp->count; i++) /* two names of one hash: compare them all */
        if (strlen(sp->items[i].name) == n && memcmp(sp->items[i].name, name, n) == 0)
            return 1;
    return 0;
}

static eco_i_map junk_set;
static int junk_set_ok;
static pthread_once_t junk_set_once = PTHREAD_ONCE_INIT;

static void build_junk_set(void)
{
    junk_set_ok = 1;
    for (size_t i = 0; junk[i]; i++)
        if (eco_i_map_put(&junk_set, eco_i_fold_hash(junk[i], strlen(junk[i])), 1) < 0)
            junk_set_ok = 0;
}

/* "N/A", "none", "yes": an answer that names no one. */
static int is_junk(const char *s, size_t n)
{
    size_t found;
    uint64_t key;
    if (n == 0 || n >= 128 || pthread_once(&junk_set_once, build_junk_set) != 0 || !junk_set_ok ||
        (key = eco_i_fold_hash(s, n)) == 0)
        return 0;
    return eco_i_map_get(&junk_set, key, &found);
}

/* 1 when no letter of the name is a capital: "community leaders", "among others". */
static int all_small(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0xC3)
            return 0;
    return 1;
}

static int push(splitter *sp, const char *name, size_t n, const char *alias, size_t an,
                eco_actor_type type)
{
    eco_i_partner *p;

    trim(&name, &n);
    if (n == 0 || n > 200 || is_junk(name, n) || all_small(name, n) ||
        eco_i_sector_type(name, n) != ECO_TYPE_UNKNOWN)
        return 0;
    if (seen_before(sp, name, n))
        return 0;
    if (eco_i_reserve(&sp->items, &sp->cap, sp->count + 1, sizeof(*p)) < 0 ||
        eco_i_map_put(&sp->seen, eco_i_hash(name, n), sp->count) < 0)
        return ECO_ENOMEM;
    p = &sp->items[sp->count];
    memset(p, 0, sizeof(*p));
    if (!(p->name = eco_i_squeeze(name, n)) || (alias && !(p->alias = eco_i_squeeze(alias, an)))) {
        free(p->name);
        return ECO_ENOMEM;
    }
    p->type = type;
    sp->count++;
    return 0;
}

/* 1 when s is three or more items between commas that each start with a capital (after
 * an "and"): "Ministère de la Santé Publique, Airtel Tchad, Moov Africa, ENASS, L'ordre
 * des Médecins du Tchad" is a list however many words it has. */
static int is_list_of_names(const char *s, size_t n)
{
    static const char *const ands[] = {"and ", "et ", "y ", "e ", NULL};
    size_t items = 0;

    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i++;
        if (i >= n)
            break;
        for (size_t k = 0; ands[k]; k++)
            if (n - i > strlen(ands[k]) && strncmp(s + i, ands[k], strlen(ands[k])) == 0)
                i += strlen(ands[k]);
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC3))
            return 0;
        items++;
        while (i < n && s[i] != ',')
            i++;
    }
    return items >= 3;
}

/* 1 when a piece reads as a sentence, not a list of names: many words, or mostly small
 * words among which the words sentences are made of ("Addis Ababa solid waste management
 * agency" is a name; "the partner is the ministry" is not). */
static int is_prose(const char *s, size_t n)
{
    if (is_list_of_names(s, n))
        return 0;
    static const char *const glue[] = {"is", "are", "was", "were", "we", "they", "with", "to",
                                       "have", "has", "had", "will", "which", "that", "our", "in",
                                       "from", "on", "by", "the", "for",
                                       "est", "sont", "es", "son", "que", "qui", NULL};
    size_t words = 0, small = 0, glued = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t start = i;
        words++;
        small += s[i] >= 'a' && s[i] <= 'z';
        while (i < n && s[i] != ' ')
            i++;
        for (size_t k = 0; glue[k]; k++)
            glued += strlen(glue[k]) == i - start && strncmp(s + start, glue[k], i - start) == 0;
    }
    return words > 14 || (words >= 6 && small * 2 > words && glued > 0);
}

/* Reads one piece: drops its description and brackets, then lists its names. */
static int piece(splitter *sp, const char *s, size_t n)
{
    char clean[MAX_PIECE];
    size_t w = 0;
    const char *alias = NULL;
    size_t alias_len = 0;
    eco_actor_type type = ECO_TYPE_UNKNOWN;
    eco_i_mentions found = {0};
    eco_i_extractor x = {{eco_i_gazetteer(), NULL}, NULL, NULL, 1};
    int rc = 0;

    trim(&s, &n);
    if (is_junk(s, n))
        return 0;
    /* a link says where, not who */
    for (size_t i = 0; i + 4 < n; i++)
        if ((s[i] == 'h' && strncmp(s + i, "http", 4) == 0) || strncmp(s + i, "www.", 4) == 0) {
            n = i;
            trim(&s, &n);
            break;
        }
    if (n == 0)
        return 0;
    /* "Yes  Addis Ababa ...", "NGO RADIAN" */
    static const char *const leads[] = {"Yes ", "No ", "Oui ", "Sí ", "Si ", "The ", "NGO ",
                                        "ONG ", "Our ", NULL};
    for (size_t i = 0; leads[i]; i++) {
        size_t l = strlen(leads[i]);
        if (n > l && memcmp(s, leads[i], l) == 0) {
            if (leads[i][0] == 'N' || leads[i][0] == 'O')
                type = leads[i][1] == 'G' || leads[i][1] == 'N' ? ECO_TYPE_CIVIL_SOCIETY : type;
            s += l, n -= l;
            trim(&s, &n);
        }
    }
    /* 'Start-up "Groupe Service Universel"': a kind, then the name in quotes */
    const char *quote = memchr(s, '"', n), *unquote = NULL;
    if (quote) /* trimming took the closing quote when the piece ends with it */
        unquote = memchr(quote + 1, '"', n - (size_t)(quote + 1 - s));
    if (quote && !unquote)
        unquote = s + n;
    if (quote && unquote > quote + 1 && quote > s) {
        eco_actor_type kind = eco_i_sector_type(s, (size_t)(quote - s));
        const char *after = unquote < s + n ? unquote + 1 : s + n;
        while (after < s + n && (*after == ' ' || *after == ';' || *after == ','))
            after++;
        if (kind != ECO_TYPE_UNKNOWN && after == s + n) {
            if (type == ECO_TYPE_UNKNOWN)
                type = kind;
            n = (size_t)(unquote - quote - 1);
            s = quote + 1;
        }
    }
    /* "ESOs like Makers Asylum, ...", "... etc.": what the examples are, and that there are
     * more, name no one */
    static const char *const examples[] = {" such as ", " like ", " including ", NULL};
    static const char *const more[] = {" etc.", " etc", ", among others", " among others", NULL};
    for (size_t i = 0; more[i]; i++) {
        size_t m = strlen(more[i]);
        if (n > m && memcmp(s + n - m, more[i], m) == 0)
            n -= m;
    }
    for (size_t i = 0; examples[i]; i++) {
        const char *at = eco_i_memmem(s, n, examples[i], strlen(examples[i]));
        char head[64];
        size_t hn = at ? (size_t)(at - s) : 0;
        if (!at || hn >= sizeof(head))
            continue;
        memcpy(head, s, hn);
        head[hn] = '\0';
        if (eco_name_classify(head) == ECO_TYPE_UNKNOWN) {
            n -= hn + strlen(examples[i]);
            s = at + strlen(examples[i]);
            break;
        }
    }
    /* "Municipality of Las Terrenas: key partner", "Ministère ... - Secteur Gouvernemental" */
    for (size_t i = 0; i + 1 < n; i++) {
        int colon = s[i] == ':';
        int dash = (s[i] == '-' && i > 0 && (s[i - 1] == ' ' || s[i + 1] == ' ')) ||
                   ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94));
        if (!colon && !dash)
            continue;
        size_t skip = dash && (unsigned char)s[i] == 0xE2 ? 3 : 1;
        const char *r = s + i + skip;
        size_t rn = n - i - skip, ln = i;
        trim(&r, &rn);
        const char *l = s;
        trim(&l, &ln);
        size_t label = 0; /* "Secteur Gouvernemental : Le MA est ..." */
        while (label < rn && !strchr(":,.;(", r[label]))
            label++;
        while (label && r[label - 1] == ' ')
            label--;
        eco_actor_type t = eco_i_sector_type(r, label);
        char lf[64];
        size_t m = ln < sizeof(lf) - 1 ? ln : sizeof(lf) - 1;
        memcpy(lf, l, m);
        lf[m] = '\0';
        if (colon && eco_i_sector_type(l, ln) == ECO_TYPE_UNKNOWN && ln < 30 &&
            m > 0 && !strchr(lf, ' ') && (lf[m - 1] == 's' || lf[m - 1] == 'S') && rn > 0) {
            s = r, n = rn; /* "Municipalities: Kumanovo, Centar" names follow the label */
            if (type == ECO_TYPE_UNKNOWN)
                type = eco_name_classify(lf);
            break;
        }
        /* "Range of partners - ESOs like Makers Asylum, ...": a label in small words, then
         * the names */
        if (ln > 1 && all_small(l + 1, ln - 1) && eco_name_classify(lf) == ECO_TYPE_UNKNOWN &&
            rn > 0 && !all_small(r, rn)) {
            s = r, n = rn;
            break;
        }
        if (rn > 0 && rn <= 12 && !memchr(r, ' ', rn) && rn >= 2 && r[0] >= 'A' && r[0] <= 'Z' &&
            r[1] >= 'A' && r[1] <= 'Z') {
            alias = r, alias_len = rn; /* "Universidade de Cabo Verde - UNI-CV" */
        } else if (t != ECO_TYPE_UNKNOWN) {
            type = t;
        } else if (!(colon || is_prose(r, rn) || rn > 40)) {
            continue; /* "LxLEM – Experimentation Lab": a dash inside a name */
        }
        n = ln;
        break;
    }
    /* brackets: an acronym is an alias, a sector a type, anything else a qualifier */
    for (size_t i = 0; i < n && w < sizeof(clean) - 1; i++) {
        if (s[i] != '(') {
            clean[w++] = s[i];
            continue;
        }
        const char *close = memchr(s + i, ')', n - i);
        if (!close)
            break;
        const char *in = s + i + 1;
        size_t in_len = (size_t)(close - in);
        const char *after = close + 1;
        size_t after_len = n - (size_t)(after - s);
        while (after_len && *after == ' ')
            after++, after_len--;
        if (after_len > 2 && after[0] >= 'A' && after[0] <= 'Z' && !alias) {
            if ((rc = piece(sp, s, (size_t)(close + 1 - s))) < 0)
                return rc;
            return piece(sp, after, after_len);
        }
        eco_actor_type t = eco_i_sector_type(in, in_len);
        if (t != ECO_TYPE_UNKNOWN)
            type = t;
        else if (!alias && in_len >= 2 && in_len <= 12 && !memchr(in, ' ', in_len) &&
                 in[0] >= 'A' && in[0] <= 'Z' && in[1] >= 'A' && in[1] <= 'Z')
            alias = in, alias_len = in_len;
        i = (size_t)(close - s);
    }
    clean[w] = '\0';
    if (is_prose(clean, w)) {
        x.names_only = 0;
        alias = NULL;
    }
    if ((rc = eco_i_find_mentions(&found, &x, clean, w)) < 0)
        goto cleanup;
    for (size_t i = 0; i < found.count && rc == 0; i++) {
        const eco_i_mention *m = &found.items[i];
        const char *a = found.count == 1 ? alias : NULL;
        if (m->generic || (!x.names_only && !m->known && m->type == ECO_TYPE_UNKNOWN &&
                           eco_name_classify(m->name) == ECO_TYPE_UNKNOWN && !m->alias))
            continue;
        if (!a && m->alias && m->acronym_defined)
            a = m->alias;
        rc = push(sp, m->name, strlen(m->name), a, a ? (a == alias ? alias_len : strlen(a)) : 0,
                  m->type != ECO_TYPE_UNKNOWN ? m->type : type);
    }
cleanup:
    eco_i_mentions_free(&found);
    return rc;
}

int eco_i_split_partners(eco_i_partner **out, size_t *count, const char *text, size_t len)
{
    splitter sp = {NULL, 0, 0, {0}};
    size_t start = 0;
    int rc = 0;

    for (size_t i = 0; i <= len && rc == 0; i++) {
        int cut = i == len || text[i] == '\n' || text[i] == ';';
        size_t skip = 1;
        /* wide gaps and numbers inside a line: "Labour  2. Bhutan Board" */
        if (!cut && i + 2 < len && is_space(text[i]) && is_space(text[i + 1]))
            cut = 1;
        if (!cut && i > start && is_space(text[i]) && i + 1 < len && text[i + 1] >= '0' &&
            text[i + 1] <= '9' && marker_length(text + i + 1, len - i - 1) > 1)
            cut = 1;
        if (!cut)
            continue;
        const char *s = text + start;
        size_t n = i - start, m;
        while (n && is_space(*s))
            s++, n--;
        while ((m = marker_length(s, n)) > 0) {
            s += m, n -= m;
            while (n && is_space(*s))
                s++, n--;
        }
        if (n > 0 && n < MAX_PIECE)
            rc = piece(&sp, s, n);
        start = i + skip;
    }
    eco_i_map_free(&sp.seen);
    if (rc < 0) {
        eco_i_partners_free(sp.items, sp.count);
        return rc;
    }
    *out = sp.items;
    *count = sp.count;
    return 0;
}

void eco_i_partners_free(eco_i_partner *p, size_t count)
{
    for (size_t i = 0; p && i < count; i++) {
        free(p[i].name);
        free(p[i].alias);
    }
    free(p);
}
