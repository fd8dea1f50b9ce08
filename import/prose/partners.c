/*
 * import/prose/partners.c - the answer to "name your partners", cut into organisations.
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
#include <strings.h>

#include <utf8proc.h>

#include "prose.h"
#include "tokens.h"

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
    const struct eco_i_span_context *spans; /* the models' view of the field, or NULL */
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

/* 1 for a word of 2 to 12 characters that starts with two capitals: "UNI-CV", "ISTU". */
static int is_acronym(const char *s, size_t n)
{
    return n >= 2 && n <= 12 && !memchr(s, ' ', n) && s[0] >= 'A' && s[0] <= 'Z' &&
           s[1] >= 'A' && s[1] <= 'Z';
}

/* "Colombia Fintech": two or three words, each with a capital, naming no country: a short
 * name a long one gives itself in brackets. */
static int is_short_name(const char *s, size_t n)
{
    size_t words = 1;

    if (n < 4 || n > 40 || s[0] < 'A' || s[0] > 'Z' || eco_i_country_name(s, n))
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == ' ') {
            if (s[i + 1] < 'A' || s[i + 1] > 'Z')
                return 0;
            words++;
        }
    return words >= 2 && words <= 3;
}

/* Whether the n bytes at in, in brackets after the name of len bytes at name, are that
 * name's short form: a short name with no head word of its own, or with the name's last
 * word ("Benue Agri-business Innovation Hub (BAI Hub)"); "Southern African Food Lab
 * (Stellenbosch University)" names the body that holds it. */
static int short_name_of(const char *name, size_t len, const char *in, size_t n)
{
    size_t last = len;

    while (last && name[last - 1] == ' ')
        len = --last;
    while (last && name[last - 1] != ' ')
        last--;
    if (len - last < 3 || !is_short_name(in, n))
        return 0;
    char shortened[48];
    memcpy(shortened, in, n);
    shortened[n] = '\0';
    if (eco_i_classify_words(shortened) == ECO_TYPE_UNKNOWN)
        return 1;
    return n > len - last && strncasecmp(in + n - (len - last), name + last, len - last) == 0 &&
           in[n - (len - last) - 1] == ' ';
}

/* 1 when no letter of the name is a capital: "community leaders", "among others",
 * "sélectionnés"; but a name that starts with a numeral run into letters is coined, not
 * small ("2scale"), and a script without capitals has no small letters either. */
static int all_small(const char *s, size_t n)
{
    if (n >= 2 && s[0] >= '0' && s[0] <= '9' && ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z'))
        return 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            if (s[i] >= 'A' && s[i] <= 'Z')
                return 0;
            i++;
            continue;
        }
        uint32_t c;
        size_t k = eco_i_utf8_decode(s + i, n - i, &c);
        if (k == 0)
            return 0; /* not UTF-8: nothing says it is small */
        utf8proc_category_t category = utf8proc_category((utf8proc_int32_t)c);
        if (category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT ||
            category == UTF8PROC_CATEGORY_LO)
            return 0;
        i += k;
    }
    return 1;
}

/* Whether the n bytes at w are a word that makes a clause, in small letters: a verb of
 * being or having, or a pronoun ("UN-TV have shared our Olympiad", "avons travaillé"). */
static int clause_word(const char *w, size_t n)
{
    static const char *const words[] = {"have", "has", "had", "is", "are", "was", "were",
                                        "will", "we", "our", "they", "their", "avons", "ont",
                                        "est", "sont", "hemos", "han", "es", "nuestro",
                                        "nuestra", "notre", NULL};
    if (n > 7) /* longer than "nuestro": most words of a partner field are */
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (eco_i_is_word(w, n, words[k]))
            return 1;
    return 0;
}

/* 1 when s holds a clause word: it says something of someone rather than names a body. */
static int says_something(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t start = i;
        while (i < n && s[i] != ' ')
            i++;
        if (clause_word(s + start, i - start))
            return 1;
        while (i < n && s[i] == ' ')
            i++;
    }
    return 0;
}

static int push(splitter *sp, const char *name, size_t n, const char *alias, size_t an,
                eco_actor_type type)
{
    eco_i_partner *p;

    trim(&name, &n);
    if (n == 0 || n > 200 || is_junk(name, n) || all_small(name, n) || says_something(name, n) ||
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

/* The items between commas of s when each starts with a capital (after an "and"), else 0. */
static size_t items_of_names(const char *s, size_t n)
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
    return items;
}

/* 1 when s is three or more items between commas that each start with a capital (after
 * an "and"): "Ministère de la Santé Publique, Airtel Tchad, Moov Africa, ENASS, L'ordre
 * des Médecins du Tchad" is a list however many words it has. */
static int is_list_of_names(const char *s, size_t n)
{
    return items_of_names(s, n) >= 3;
}

/* 1 when a piece reads as a sentence, not a list of names: many words, or mostly small
 * words among which the words sentences are made of ("Addis Ababa solid waste management
 * agency" is a name; "the partner is the ministry" is not). */
static int is_prose(const char *s, size_t n)
{
    static const char *const subjects[] = {"We ", "They ", "Nous ", "Ils ", "Elles ",
                                           "Nosotros ", "Hemos ", "Trabajamos ", NULL};
    if (is_list_of_names(s, n))
        return 0;
    /* "We worked with Science and Technology Park in Erdenet": a subject and its verb */
    for (size_t k = 0; subjects[k]; k++)
        if (n > strlen(subjects[k]) && memcmp(s, subjects[k], strlen(subjects[k])) == 0)
            return 1;
    static const char *const glue[] = {"with", "to",  "which", "that", "in",  "from", "on",
                                       "by",   "the", "for",   "que",  "qui", "son", NULL};
    size_t words = 0, small = 0, glued = 0, past = 0;
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
        /* one word that glues a clause is all the test below asks, and none is longer
         * than "which": most words need not be held against the lists */
        if (!glued)
            glued = clause_word(s + start, i - start);
        for (size_t k = 0; glue[k] && !glued && i - start <= 5; k++)
            glued = eco_i_is_word(s + start, i - start, glue[k]);
        /* "... in Iraq supported the UNDP Karbala Office": a verb in the past */
        past += s[start] >= 'a' && s[start] <= 'z' && i - start >= 5 && s[i - 2] == 'e' &&
                s[i - 1] == 'd';
    }
    return words > 14 || (words >= 6 && small * 2 > words && glued > 0) ||
           (words >= 6 && glued > 0 && past > 0);
}

/* A piece of a partner field, narrowed step by step to the text that names: what it holds
 * besides the names sets its type and alias. */
typedef struct span {
    const char *s;
    size_t n;
    eco_actor_type type;
    const char *alias;
    size_t alias_len;
} span;

/* "Yes  Addis Ababa ...", "NGO RADIAN": a lead word before the names; one that is a sector
 * label ("NGO") types them. */
static void drop_lead(span *p)
{
    static const char *const leads[] = {"Yes ", "No ", "Oui ", "S\xC3\xAD ", "Si ", "The ",
                                        "NGO ", "ONG ", "Our ", NULL};
    for (size_t i = 0; leads[i]; i++) {
        size_t l = strlen(leads[i]);
        if (p->n > l && memcmp(p->s, leads[i], l) == 0) {
            eco_actor_type sector = eco_i_sector_type(leads[i], l - 1);
            if (sector != ECO_TYPE_UNKNOWN)
                p->type = sector;
            p->s += l, p->n -= l;
            trim(&p->s, &p->n);
        }
    }
}

/* "Fundación Blockchain Argentina Fundación Blockchain Argentina": a name pasted twice. */
static void drop_repeat(span *p)
{
    size_t half = p->n / 2;
    if (p->n % 2 == 1 && half > 2 && p->s[half] == ' ' &&
        memcmp(p->s, p->s + half + 1, half) == 0)
        p->n = half;
}

/* 'Start-up "Groupe Service Universel"': a kind, then the name in quotes. */
static void take_quoted_name(span *p)
{
    const char *s = p->s, *quote = memchr(s, '"', p->n), *unquote = NULL;
    size_t n = p->n;

    if (quote) /* trimming took the closing quote when the piece ends with it */
        unquote = memchr(quote + 1, '"', n - (size_t)(quote + 1 - s));
    if (quote && !unquote)
        unquote = s + n;
    if (!quote || unquote <= quote + 1 || quote == s)
        return;
    eco_actor_type kind = eco_i_sector_type(s, (size_t)(quote - s));
    const char *after = unquote < s + n ? unquote + 1 : s + n;
    while (after < s + n && (*after == ' ' || *after == ';' || *after == ','))
        after++;
    if (kind == ECO_TYPE_UNKNOWN || after != s + n)
        return;
    if (p->type == ECO_TYPE_UNKNOWN)
        p->type = kind;
    p->n = (size_t)(unquote - quote - 1);
    p->s = quote + 1;
}

/* "ESOs like Makers Asylum, ...", "... etc.": what the examples are, and that there are
 * more, name no one. */
static void drop_kind_and_etc(span *p)
{
    static const char *const examples[] = {" such as ", " like ", " including ", NULL};
    static const char *const more[] = {" etc.", " etc", ", among others", " among others", NULL};

    for (size_t i = 0; more[i]; i++) {
        size_t m = strlen(more[i]);
        if (p->n > m && memcmp(p->s + p->n - m, more[i], m) == 0)
            p->n -= m;
    }
    for (size_t i = 0; examples[i]; i++) {
        const char *at = eco_i_memmem(p->s, p->n, examples[i], strlen(examples[i]));
        char head[64];
        size_t hn = at ? (size_t)(at - p->s) : 0;
        if (!at || hn >= sizeof(head))
            continue;
        memcpy(head, p->s, hn);
        head[hn] = '\0';
        if (eco_i_classify_words(head) == ECO_TYPE_UNKNOWN) {
            p->n -= hn + strlen(examples[i]);
            p->s = at + strlen(examples[i]);
            return;
        }
    }
}

/* Where a colon or a dash (-, en or em dash) stands at i of s: its length, or 0. */
static size_t separator_at(const char *s, size_t n, size_t i)
{
    if (s[i] == ':')
        return 1;
    if (s[i] == '-' && i > 0 && (s[i - 1] == ' ' || s[i + 1] == ' '))
        return 1;
    if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return 3;
    return 0;
}

/* The piece is the names after a label, of the label's type where it has none. */
static int names_after_label(span *p, const char *r, size_t rn, eco_actor_type type)
{
    p->s = r, p->n = rn;
    if (p->type == ECO_TYPE_UNKNOWN)
        p->type = type;
    return 1;
}

/*
 * "Municipality of Las Terrenas: key partner", "Ministère ... - Secteur Gouvernemental":
 * keeps the side of a colon or dash that names, taking a type or an alias from the other.
 * Returns 1 when the piece was cut there, 0 when the separator is inside the name.
 */
static int cut_at_separator(span *p, size_t i, size_t skip)
{
    const char *r = p->s + i + skip, *l = p->s;
    size_t rn = p->n - i - skip, ln = i, label = 0, m;
    int colon = p->s[i] == ':';
    char lf[64];

    trim(&r, &rn);
    trim(&l, &ln);
    while (label < rn && !strchr(":,.;(", r[label])) /* "Secteur Gouvernemental : Le MA est" */
        label++;
    while (label && r[label - 1] == ' ')
        label--;
    eco_actor_type t = eco_i_sector_type(r, label), sector = eco_i_sector_type(l, ln);
    m = ln < sizeof(lf) - 1 ? ln : sizeof(lf) - 1;
    memcpy(lf, l, m);
    lf[m] = '\0';
    /* "Municipalities: Kumanovo, Centar": a kind of body in the plural, then its names */
    if (colon && sector == ECO_TYPE_UNKNOWN && ln < 30 && m > 0 && !strchr(lf, ' ') &&
        (lf[m - 1] == 's' || lf[m - 1] == 'S') && rn > 0)
        return names_after_label(p, r, rn, eco_i_classify_words(lf));
    /* "Local Government - Local Council 1", "Private Sector: Tigo": a sector, then the name */
    if (sector != ECO_TYPE_UNKNOWN && rn > 0 && r[0] >= 'A' && r[0] <= 'Z')
        return names_after_label(p, r, rn, sector);
    /* "Range of partners - ESOs like Makers Asylum, ...": a label in small words, the names
     * after it; but "Everimpact- partner listed in ..." is one name, then what it is */
    if (ln > 1 && memchr(l, ' ', ln) && all_small(l + 1, ln - 1) &&
        eco_i_classify_words(lf) == ECO_TYPE_UNKNOWN && rn > 0 && !all_small(r, rn))
        return names_after_label(p, r, rn, ECO_TYPE_UNKNOWN);
    if (is_acronym(r, rn))
        p->alias = r, p->alias_len = rn; /* "Universidade de Cabo Verde - UNI-CV" */
    else if (t != ECO_TYPE_UNKNOWN)
        p->type = t;
    else if (!(colon || is_prose(r, rn) || rn > 40 ||
               (r[0] >= 'a' && r[0] <= 'z' && memchr(r, ' ', rn))))
        return 0; /* "LxLEM – Experimentation Lab": a dash inside a name; but "American
                   * University of Central Asia - official partner of ..." says what it is */
    p->n = ln;
    return 1;
}

/*
 * "Tigo. Tigo is the commercial brand of ...": a piece whose first sentence is a short name
 * and whose next says what it is keeps the name.  A word of one or two letters before the
 * full stop ("Dr. Lee", "Pr. Ki Zerbo") is an abbreviation, not a sentence's end.
 */
static int cut_at_sentence(span *p)
{
    for (size_t i = 1; i + 2 < p->n && i <= 80; i++) {
        if (p->s[i] != '.' || p->s[i + 1] != ' ' || p->s[i + 2] < 'A' || p->s[i + 2] > 'Z')
            continue;
        size_t word = i;
        while (word > 0 && p->s[word - 1] != ' ' && p->s[word - 1] != '.')
            word--;
        if (i - word <= 2 || p->s[0] < 'A' || p->s[0] > 'Z' || is_prose(p->s, i) ||
            says_something(p->s, i))
            return 0;
        p->n = i;
        return 1;
    }
    return 0;
}

static void cut_description(span *p)
{
    for (size_t i = 0, skip; i + 1 < p->n; i++)
        if ((skip = separator_at(p->s, p->n, i)) && cut_at_separator(p, i, skip))
            return;
    cut_at_sentence(p);
}

static int piece(splitter *sp, const char *s, size_t n);

/*
 * "ISTU (Salvadoran Institute of Tourism). ISTU is ...": an acronym the gazetteer does not
 * know, first in the piece and glossed by the name in the brackets after it, is that name's
 * alias, whether or not its letters are the name's initials (they are often those of the
 * name in another language).  The name is listed with it, and the acronym leaves clean, so
 * that the rest of the piece is read as before.
 */
static int take_glossed_acronym(splitter *sp, const span *p, const char *gloss, size_t gloss_len,
                                size_t before_gloss, char *clean)
{
    const char *a = clean;
    size_t n = before_gloss;

    trim(&a, &n);
    if (!gloss || p->alias || !is_acronym(a, n) || gloss_len > 80 || gloss[0] < 'A' ||
        gloss[0] > 'Z' || !memchr(gloss, ' ', gloss_len) || is_prose(gloss, gloss_len) ||
        eco_i_lexicon_find(eco_i_gazetteer(), a, n))
        return 0;
    memset(clean, ' ', before_gloss);
    return push(sp, gloss, gloss_len, p->s + (a - clean), n, p->type);
}

/* Whether the bracket in[0, n), at byte open of s, lists the bodies the noun before it
 * announces, a head word or its plural: "individuals/companies (Riversdale Dairy, Habitats
 * for Ocean Life, ...)", "Associations (FALCON, Regeneration Mauritius, ...)"; not places
 * ("two cities (Lima, Quito)") nor a name's other names ("Ministry of Health (MINSA)"). */
static int names_what_it_follows(const char *s, size_t open, const char *in, size_t n)
{
    size_t start = open;
    char word[32];

    while (start > 0 && s[start - 1] == ' ')
        start--;
    size_t end = start;
    while (start > 0 && !strchr(" /(,", s[start - 1]))
        start--;
    if (end == start || end - start >= sizeof(word) || items_of_names(in, n) < 2)
        return 0;
    eco_i_lower_ascii(word, s + start, end - start);
    word[end - start] = '\0';
    return (eco_i_word_class(word) & (W_PLURAL | W_HEAD)) != 0;
}

/* Reads each item between the commas of s as a piece of its own. */
static int each_item(splitter *sp, const char *s, size_t n)
{
    int rc = 0;

    for (size_t start = 0, i = 0; i <= n && rc == 0; i++)
        if (i == n || s[i] == ',') {
            rc = piece(sp, s + start, i - start);
            start = i + 1;
        }
    return rc;
}

/* Copies p's text into clean without brackets: an acronym in them, or a short name after a
 * long one ("Asociación Colombiana de Empresas de ... (Colombia Fintech)"), is an alias, a
 * sector a type, anything else a qualifier.  A name after a closing bracket is another piece: then
 * both are read here and *done is set. */
static int drop_brackets(splitter *sp, span *p, char *clean, size_t size, size_t *w, int *done)
{
    const char *s = p->s, *gloss = NULL;
    size_t n = p->n, gloss_len = 0, before_gloss = 0;

    for (size_t i = 0; i < n && *w < size - 1; i++) {
        if (s[i] != '(') {
            clean[(*w)++] = s[i];
            continue;
        }
        const char *close = memchr(s + i, ')', n - i);
        if (!close)
            break;
        const char *in = s + i + 1, *after = close + 1;
        size_t in_len = (size_t)(close - in), after_len = n - (size_t)(after - s);
        int rc;
        while (after_len && *after == ' ')
            after++, after_len--;
        if (after_len > 2 && after[0] >= 'A' && after[0] <= 'Z' && !p->alias) {
            *done = 1;
            if ((rc = piece(sp, s, (size_t)(close + 1 - s))) < 0)
                return rc;
            return piece(sp, after, after_len);
        }
        if (names_what_it_follows(s, i, in, in_len)) {
            if ((rc = each_item(sp, in, in_len)) < 0)
                return rc;
            i = (size_t)(close - s);
            continue;
        }
        eco_actor_type t = eco_i_sector_type(in, in_len);
        if (t != ECO_TYPE_UNKNOWN)
            p->type = t;
        else if (!p->alias && (is_acronym(in, in_len) || short_name_of(s, i, in, in_len)) &&
                 !eco_i_lexicon_find(eco_i_gazetteer(), in, in_len))
            p->alias = in, p->alias_len = in_len; /* but "Regional Innovation Centre (UNDP)"
                                                   * names the body it belongs to */
        else if (*w == i) /* the first bracket: clean and s agree up to it */
            gloss = in, gloss_len = in_len, before_gloss = *w;
        i = (size_t)(close - s);
    }
    clean[*w] = '\0';
    return take_glossed_acronym(sp, p, gloss, gloss_len, before_gloss, clean);
}

/* Reads one piece: drops its description and brackets, then lists its names. */
/* The word [*start, end) before byte end of s, past spaces; 0 when there is none. */
static int word_before(const char *s, size_t end, size_t *start, size_t *stop)
{
    while (end && s[end - 1] == ' ')
        end--;
    *stop = end;
    while (end && s[end - 1] != ' ')
        end--;
    *start = end;
    return *stop > *start;
}

/* A list's separator at s[i]: ", ", " and ", " & ", " et ", " y ", " e "; its length. */
static size_t list_separator(const char *s, size_t n, size_t i)
{
    static const char *const seps[] = {", and ", ", ", " and ", " & ", " et ", " y ", " e ", NULL};
    for (size_t k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        if (i + l <= n && memcmp(s + i, seps[k], l) == 0)
            return l;
    }
    return 0;
}

/*
 * "CECI and IES Foundations", "Brahin and Khoiniki executive committees": short names listed
 * before a head word in the plural share it, with the small words before it; each is
 * written with them, the head in the singular ("CECI Foundation and IES Foundation").
 */
static void share_plural_head(char *clean, size_t *w, size_t size)
{
    char head[32], one[32], out[MAX_PIECE];
    size_t hs, he, ts, ps, pe, o = 0, start = 0, items = 0;

    if (!word_before(clean, *w, &hs, &he) || he - hs < 4 || he - hs >= sizeof(head))
        return;
    eco_i_lower_ascii(head, clean + hs, he - hs);
    head[he - hs] = '\0';
    size_t hl = he - hs, sl = hl - 1;
    memcpy(one, head, hl + 1);
    if (hl > 4 && strcmp(head + hl - 3, "ies") == 0)
        strcpy(one + hl - 3, "y"), sl = hl - 2;
    else
        one[sl] = '\0';
    if (!(eco_i_word_class(head) & W_PLURAL) || !(eco_i_word_class(one) & W_HEAD))
        return;
    for (ts = hs; ts > 0 && hs - ts < 40 && word_before(clean, ts, &ps, &pe) &&
                  clean[ps] >= 'a' && clean[ps] <= 'z' && !list_separator(clean, *w, pe);)
        ts = ps; /* the small words the names share: "executive" */
    /* the names: short, capitalised, apart by separators, the last one's before ts */
    for (size_t i = 0; i <= ts && o < sizeof(out) - 80; i++) {
        size_t sep = i < ts ? list_separator(clean, ts, i) : 0;
        if (i < ts && !sep)
            continue;
        size_t end = i;
        while (end > start && clean[end - 1] == ' ')
            end--;
        if (end <= start || clean[start] < 'A' || clean[start] > 'Z' || end - start > 40 ||
            o + (end - start) + (he - ts) + 8 >= sizeof(out))
            return;
        memcpy(out + o, clean + start, end - start);
        o += end - start;
        out[o++] = ' ';
        memcpy(out + o, clean + ts, hs - ts); /* the shared small words, as written */
        o += hs - ts;
        memcpy(out + o, clean + hs, sl);      /* the head in the singular */
        if (clean[hs + sl - 1] == 'i' && one[sl - 1] == 'y')
            out[o + sl - 1] = 'y';
        o += sl;
        items++;
        if (i == ts)
            break;
        memcpy(out + o, ", ", 2);
        o += 2;
        start = i + sep;
        i = start - 1;
    }
    if (items < 2 || o >= size)
        return;
    memcpy(clean, out, o);
    clean[o] = '\0';
    *w = o;
}

/* Whether a name is a unit's: a lab, a department, a team, a campus ... of a body. */
static int names_a_unit(const char *name)
{
    static const char *const units[] = {"lab", "laboratory", "laboratorio", "laboratoire",
                                        "department", "departamento", "departement", "faculty",
                                        "facultad", "faculte", "centre", "center", "centro",
                                        "unit", "unidad", "unite", "team", "campus", "division",
                                        NULL};
    char word[16];

    for (const char *w = name; *w;) {
        size_t n = strcspn(w, " ,-/");
        if (n < sizeof(word)) {
            eco_i_lower_ascii(word, w, n);
            for (size_t k = 0; units[k]; k++)
                if (eco_i_is_word(word, n, units[k]))
                    return 1;
        }
        w += n;
        w += strspn(w, " ,-/");
    }
    return 0;
}

/* The item of the two a piece named from before on that is a unit of the other, the body
 * it belongs to ("Rights Lab, University of Nottingham", "University of Nigeria, Nsuka
 * Campus"); ECO_I_NONE when the piece named other than two, or not one unit and a body. */
static size_t unit_of_its_parent(const splitter *sp, size_t before)
{
    if (sp->count != before + 2)
        return ECO_I_NONE;
    int first = names_a_unit(sp->items[before].name);
    int second = names_a_unit(sp->items[before + 1].name);
    return first == second ? ECO_I_NONE : first ? before : before + 1;
}

/* Whether alias is name written after an elided article: "l'université de N'Djaména" for
 * "Université de N'Djaména", "l'OMS" for "OMS". */
static int with_article(const char *alias, const char *name)
{
    size_t an = strlen(alias), nn = strlen(name);
    for (size_t k = 2; k <= 4 && k < an; k++) /* "l'" or "d'", with ' or ’ */
        if (an - k == nn && strcasecmp(alias + k, name) == 0)
            return alias[k - 1] == '\'' || (unsigned char)alias[k - 1] == 0x99;
    return 0;
}

static int piece(splitter *sp, const char *s, size_t n)
{
    char clean[MAX_PIECE];
    size_t w = 0;
    span p = {s, n, ECO_TYPE_UNKNOWN, NULL, 0};
    eco_i_mentions found = {0};
    eco_i_extractor x = {{eco_i_gazetteer(), NULL}, NULL, NULL, 1, sp->spans};
    size_t before = sp->count;
    int rc, done = 0;

    trim(&p.s, &p.n);
    if (is_junk(p.s, p.n))
        return 0;
    const char *written = p.s;
    size_t written_len = p.n;
    for (size_t i = 0; i + 4 < p.n; i++) { /* a link says where, not who */
        if ((p.s[i] == 'h' && strncmp(p.s + i, "http", 4) == 0) || strncmp(p.s + i, "www.", 4) == 0) {
            p.n = i;
            trim(&p.s, &p.n);
            break;
        }
    }
    if (p.n == 0)
        return 0;
    drop_lead(&p);
    drop_repeat(&p);
    take_quoted_name(&p);
    drop_kind_and_etc(&p);
    cut_description(&p);
    written_len = (size_t)(p.s + p.n - written); /* as written, without what it says of it */
    if ((rc = drop_brackets(sp, &p, clean, sizeof(clean), &w, &done)) < 0 || done)
        return rc;
    share_plural_head(clean, &w, sizeof(clean));
    if (is_prose(clean, w)) {
        x.names_only = 0;
        p.alias = NULL;
    }
    if ((rc = eco_i_find_mentions(&found, &x, clean, w)) < 0)
        goto cleanup;
    for (size_t i = 0; i < found.count && rc == 0; i++) {
        const eco_i_mention *m = &found.items[i];
        const char *a = found.count == 1 ? p.alias : NULL;
        /* in a sentence, the rules keep only names that say what they are; the models,
         * which know the field, decide for themselves */
        if (m->generic || (!x.names_only && !sp->spans && !m->known &&
                           m->type == ECO_TYPE_UNKNOWN &&
                           eco_i_classify_words(m->name) == ECO_TYPE_UNKNOWN && !m->alias))
            continue;
        if (!a && m->alias && (m->acronym_defined || with_article(m->alias, m->name)))
            a = m->alias;
        rc = push(sp, m->name, strlen(m->name), a, a ? (a == p.alias ? p.alias_len : strlen(a)) : 0,
                  m->type != ECO_TYPE_UNKNOWN ? m->type : p.type);
    }
    /* "NGO Natura", "Zero Extreme Poverty (ZEP) 2030 Philippines": a piece that names one
     * organisation is also a name of it, as the record wrote it, unless it is a sentence;
     * "Rights Lab, University of Nottingham" is so a name of the unit in it */
    size_t named = sp->count == before + 1 ? before : unit_of_its_parent(sp, before);
    if (rc == 0 && named != ECO_I_NONE && written_len <= 200 && !is_prose(written, written_len) &&
        !(sp->items[named].written = eco_i_squeeze(written, written_len)))
        rc = ECO_ENOMEM;
cleanup:
    eco_i_mentions_free(&found);
    return rc;
}

int eco_i_split_partners(eco_i_partner **out, size_t *count, const char *text, size_t len,
                         const struct eco_i_span_context *spans)
{
    splitter sp = {NULL, 0, 0, spans, {0}};
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
        free(p[i].written);
    }
    free(p);
}
