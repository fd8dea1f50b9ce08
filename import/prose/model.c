/*
 * import/prose/model.c - reading and applying the extractor's linear models.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define MAX_FEATURE_TEXT 120

struct eco_i_model {
    char *name;                       /* what it decides ("actor", "type") */
    char *classes[ECO_I_MAX_CLASSES]; /* class names, in the file's order */
    size_t class_count;
    size_t columns;                 /* 1 for two classes, else class_count */
    double bias[ECO_I_MAX_CLASSES]; /* one a column */
    double *weights;                /* columns per feature, in the file's order */
    size_t feature_count, feature_cap;
    eco_i_map feature_of; /* eco_i_hash of a feature's text -> its index */
    eco_i_map names;      /* eco_i_hash of each name that has a weight */
};

/* ---- Features --------------------------------------------------------------------------- */

void eco_i_features_reset(eco_i_features *f)
{
    f->count = 0;
    f->row_count = 0;
    f->names_len = 0;
    f->failed = 0;
}

void eco_i_features_use(eco_i_features *f, const eco_i_model *m, int keep_names)
{
    eco_i_features_reset(f);
    f->keep_names = keep_names;
    if (f->reader != m) {
        f->reader = m;
        memset(f->constants, 0, sizeof(f->constants)); /* what they weigh was another's */
        memset(f->remembered, 0, sizeof(f->remembered));
    }
}

void eco_i_features_free(eco_i_features *f)
{
    free(f->names);
    f->names = NULL;
    f->names_cap = f->names_len = f->count = 0;
}

/* The key of feature "name=value" (value NULL: "name"): the hashes of its two halves
 * combined, so that importing, which only needs keys, never builds the text; reading a model
 * splits each text at its first '=' to make the same key. */
static uint64_t combine(uint64_t name_key, uint64_t value_hash)
{
    return name_key ^ (value_hash * 0x9E3779B97F4A7C15ULL + 1);
}

static uint64_t feature_key(const char *name, size_t name_len, const char *value, size_t n)
{
    uint64_t key = eco_i_hash(name, name_len);
    return value ? combine(key, eco_i_hash(value, n)) : key;
}

static int weighs(const eco_i_model *m, uint64_t name_key);

/* The slot of a string that never changes at its address, holding its length and hash (and
 * whether the reader weighs a feature of that name) since it was met last. */
static size_t constant_slot(eco_i_features *f, const char *s)
{
    size_t slot = (size_t)(((uintptr_t)s * 0x9E3779B97F4A7C15ULL) >> 56) % ECO_I_CONSTANT_SLOTS;

    if (f->constants[slot].text != s) {
        f->constants[slot].text = s;
        f->constants[slot].len = strlen(s);
        f->constants[slot].key = eco_i_hash(s, f->constants[slot].len);
        f->constants[slot].weighs = !f->reader || weighs(f->reader, f->constants[slot].key);
    }
    return slot;
}

static void keep_text(eco_i_features *f, const char *name, size_t name_len, const char *value,
                      size_t n)
{
    size_t len = name_len + (value ? n + 1 : 0);

    if (eco_i_reserve(&f->names, &f->names_cap, f->names_len + len + 1, 1) < 0) {
        f->failed = 1;
        return;
    }
    char *text = f->names + f->names_len;
    memcpy(text, name, name_len);
    if (value) {
        text[name_len] = '=';
        memcpy(text + name_len + 1, value, n);
    }
    text[len] = '\0';
    /* a tab or a line break would end the feature's line in the model file */
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\t' || text[i] == '\n' || text[i] == '\r')
            text[i] = ' ';
    f->names_len += len + 1;
}

/* The key of name when the reader weighs a feature of that name, else 0. */
static uint64_t weighed_name_key(eco_i_features *f, const char *name, size_t *name_len)
{
    size_t slot = constant_slot(f, name);
    *name_len = f->constants[slot].len;
    return f->constants[slot].weighs ? f->constants[slot].key : 0;
}

/* The key of name when a feature of that name can count, else 0. */
static uint64_t wanted_key(eco_i_features *f, const char *name, size_t *name_len)
{
    return f->count < ECO_I_MAX_FEATURES ? weighed_name_key(f, name, name_len) : 0;
}

int eco_i_feature_wanted(eco_i_features *f, const char *name)
{
    size_t len;
    return wanted_key(f, name, &len) != 0;
}

/* 1 + the reader's row of weights for key, or 0 when it has none (or f has no reader). */
static size_t reader_row(const eco_i_features *f, uint64_t key)
{
    size_t at;
    return f->reader && eco_i_map_get(&f->reader->feature_of, key, &at) ? at + 1 : 0;
}

static void add_key(eco_i_features *f, uint64_t key, size_t row)
{
    f->keys[f->count++] = key;
    if (row)
        f->rows[f->row_count++] = row - 1;
}

static void add(eco_i_features *f, uint64_t name_key, const char *name, size_t name_len,
                const char *value, uint64_t value_hash, size_t n)
{
    uint64_t key = value ? combine(name_key, value_hash) : name_key;
    add_key(f, key, reader_row(f, key));
    if (f->keep_names && !f->failed)
        keep_text(f, name, name_len, value, n);
}

void eco_i_feature(eco_i_features *f, const char *name, const char *value, size_t n)
{
    size_t name_len;
    uint64_t key = wanted_key(f, name, &name_len);

    if (!key)
        return;
    if (value && n > MAX_FEATURE_TEXT)
        n = MAX_FEATURE_TEXT;
    add(f, key, name, name_len, value, value ? eco_i_hash(value, n) : 0, n);
}

static void feature_c(eco_i_features *f, const char *name, const char *constant)
{
    size_t name_len, n = 0;
    uint64_t key = wanted_key(f, name, &name_len), value_hash = 0;

    if (!key)
        return;
    if (constant) {
        size_t slot = constant_slot(f, constant);
        value_hash = f->constants[slot].key;
        n = f->constants[slot].len;
        if (n > MAX_FEATURE_TEXT) { /* cut as eco_i_feature cuts it */
            eco_i_feature(f, name, constant, n);
            return;
        }
    }
    add(f, key, name, name_len, constant, value_hash, n);
}

/* "a<sep>b" into value, cut to MAX_FEATURE_TEXT bytes as a feature's value is cut; returns
 * its length. */
static size_t join(char value[MAX_FEATURE_TEXT], const char *a, char sep, const char *b)
{
    size_t an = strlen(a), bn = strlen(b);
    if (an + 1 + bn > MAX_FEATURE_TEXT)
        bn = an + 1 < MAX_FEATURE_TEXT ? MAX_FEATURE_TEXT - an - 1 : 0;
    if (an >= MAX_FEATURE_TEXT)
        an = MAX_FEATURE_TEXT - 1;
    memcpy(value, a, an);
    value[an] = sep;
    memcpy(value + an + 1, b, bn);
    return an + 1 + bn;
}

static void feature_pair(eco_i_features *f, const char *name, const char *a, char sep,
                         const char *b)
{
    char value[MAX_FEATURE_TEXT];
    size_t name_len;

    if (wanted_key(f, name, &name_len))
        eco_i_feature(f, name, value, join(value, a, sep, b));
}

/*
 * Remembered features: a constant name with a constant value (eco_i_feature_c: a, no b) or
 * two joined (eco_i_feature_pair: a, sep, b), by their addresses, with the key, whether the
 * reader weighs the name and the reader's row.  Most features are such, and each then costs
 * a comparison of addresses, where it cost hashing its text and looking it up.  Importing
 * only: training keeps the features' texts, and reads every feature.
 */

static size_t remembered_slot(const char *name, const char *a, char sep, const char *b)
{
    uint64_t h = (uintptr_t)name * 0x9E3779B97F4A7C15ULL ^ (uintptr_t)a * 0xBF58476D1CE4E5B9ULL ^
                 ((uintptr_t)b + (unsigned char)sep) * 0x94D049BB133111EBULL;
    return (size_t)(h >> 56) % ECO_I_REMEMBERED_SLOTS;
}

/* The slot that remembers the feature, filled when it held another; ECO_I_REMEMBERED_SLOTS
 * for a constant value too long to keep whole, which eco_i_feature cuts. */
static size_t remembered(eco_i_features *f, const char *name, const char *a, char sep,
                         const char *b)
{
    size_t slot = remembered_slot(name, a, sep, b), name_len, n = 0;
    uint64_t value_hash = 0;

    if (f->remembered[slot].name == name && f->remembered[slot].a == a &&
        f->remembered[slot].b == b && f->remembered[slot].sep == sep)
        return slot;
    if (b) {
        char value[MAX_FEATURE_TEXT];
        value_hash = eco_i_hash(value, join(value, a, sep, b));
    } else if (a) { /* read before name's slot, which may take the constant's */
        size_t c = constant_slot(f, a);
        value_hash = f->constants[c].key;
        n = f->constants[c].len;
    }
    if (n > MAX_FEATURE_TEXT)
        return ECO_I_REMEMBERED_SLOTS;
    uint64_t name_key = weighed_name_key(f, name, &name_len);
    uint64_t key = a ? combine(name_key, value_hash) : name_key;
    f->remembered[slot].name = name;
    f->remembered[slot].a = a;
    f->remembered[slot].b = b;
    f->remembered[slot].sep = sep;
    f->remembered[slot].weighs = name_key != 0;
    f->remembered[slot].key = key;
    f->remembered[slot].row = name_key ? reader_row(f, key) : 0;
    return slot;
}

/* Adds the remembered feature, as eco_i_feature would: 1, or 0 when it is not remembered. */
static int add_remembered(eco_i_features *f, const char *name, const char *a, char sep,
                          const char *b)
{
    size_t slot;

    if (!f->reader || f->keep_names ||
        (slot = remembered(f, name, a, sep, b)) == ECO_I_REMEMBERED_SLOTS)
        return 0;
    if (f->count < ECO_I_MAX_FEATURES && f->remembered[slot].weighs)
        add_key(f, f->remembered[slot].key, f->remembered[slot].row);
    return 1;
}

void eco_i_feature_c(eco_i_features *f, const char *name, const char *constant)
{
    if (!add_remembered(f, name, constant, '\0', NULL))
        feature_c(f, name, constant);
}

void eco_i_feature_pair(eco_i_features *f, const char *name, const char *a, char sep, const char *b)
{
    if (!add_remembered(f, name, a, sep, b))
        feature_pair(f, name, a, sep, b);
}

void eco_i_feature_s(eco_i_features *f, const char *name, const char *value)
{
    eco_i_feature(f, name, value, value ? strlen(value) : 0);
}

/* ---- Reading ---------------------------------------------------------------------------- */

typedef struct reader {
    const char *at, *end; /* what is left of the text */
    const char *line;     /* start of the line being read */
    int number;           /* its number, 1-based */
    const char *source;
    eco_error *err;
} reader;

/* The next line, without its '\n' (and '\r'); 0 at the end of the text. */
static int next_line(reader *r, const char **s, size_t *n)
{
    const char *eol;

    if (r->at >= r->end)
        return 0;
    eol = memchr(r->at, '\n', (size_t)(r->end - r->at));
    r->line = r->at;
    r->number++;
    *s = r->at;
    *n = (size_t)((eol ? eol : r->end) - r->at);
    r->at = eol ? eol + 1 : r->end;
    if (*n && (*s)[*n - 1] == '\r')
        (*n)--;
    return 1;
}

static int fail(reader *r, const char *at, const char *what)
{
    int column = at ? (int)(at - r->line) + 1 : 1;
    return eco_error_set(r->err, ECO_EDATA, r->source, r->number, column, "%s", what);
}

/* Reads count numbers separated by spaces from [*s, end); *s moves past them. */
static int read_numbers(reader *r, const char **s, const char *end, double *out, size_t count)
{
    char buf[64];

    for (size_t k = 0; k < count; k++) {
        const char *p = *s, *q;
        while (p < end && *p == ' ')
            p++;
        q = p;
        while (q < end && *q != ' ' && *q != '\t')
            q++;
        if (q == p || (size_t)(q - p) >= sizeof(buf))
            return fail(r, p, "expected a weight for each column");
        memcpy(buf, p, (size_t)(q - p));
        buf[q - p] = '\0';
        char *stop;
        errno = 0;
        out[k] = strtod(buf, &stop);
        if (*stop || errno || !isfinite(out[k]))
            return fail(r, p, "weight is not a finite number");
        *s = q;
    }
    return 0;
}

static char *copy_n(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

/* "ecomap-model 1 NAME" */
static int read_header(reader *r, eco_i_model *m)
{
    static const char magic[] = "ecomap-model ";
    const char *s = NULL;
    size_t n = 0;
    char *stop;

    while (next_line(r, &s, &n) && (n == 0 || s[0] == '#'))
        ;
    if (r->number == 0 || n < sizeof(magic) || memcmp(s, magic, sizeof(magic) - 1) != 0)
        return fail(r, s, "not an ecomap model: the first line must be \"ecomap-model 1 NAME\"");
    long version = strtol(s + sizeof(magic) - 1, &stop, 10);
    if (version != ECO_I_MODEL_VERSION || stop >= s + n || *stop != ' ')
        return fail(r, s + sizeof(magic) - 1,
                    "model of a version this ecomap does not read (it reads 1)");
    stop++;
    if (!(m->name = copy_n(stop, (size_t)(s + n - stop))))
        return ECO_ENOMEM;
    return 0;
}

/* "classes A B ..." */
static int read_classes(reader *r, eco_i_model *m)
{
    const char *s = NULL, *end;
    size_t n = 0;

    if (!next_line(r, &s, &n) || n < 8 || memcmp(s, "classes ", 8) != 0)
        return fail(r, r->number ? s : NULL, "expected \"classes\" and the names of the classes");
    end = s + n;
    for (const char *p = s + 8; p < end;) {
        const char *q = memchr(p, ' ', (size_t)(end - p));
        q = q ? q : end;
        if (q > p) {
            if (m->class_count == ECO_I_MAX_CLASSES)
                return fail(r, p, "too many classes");
            if (!(m->classes[m->class_count++] = copy_n(p, (size_t)(q - p))))
                return ECO_ENOMEM;
        }
        p = q + 1;
    }
    if (m->class_count < 2)
        return fail(r, s, "a model needs two classes or more");
    m->columns = m->class_count == 2 ? 1 : m->class_count;
    return 0;
}

static int read_weights(reader *r, eco_i_model *m)
{
    const char *s = NULL;
    size_t n = 0;
    int rc;

    if (!next_line(r, &s, &n) || n < 5 || memcmp(s, "bias ", 5) != 0)
        return fail(r, r->number ? s : NULL, "expected \"bias\" and one weight a column");
    const char *p = s + 5;
    if ((rc = read_numbers(r, &p, s + n, m->bias, m->columns)) < 0)
        return rc;
    while (next_line(r, &s, &n)) {
        if (n == 0 || s[0] == '#')
            continue;
        const char *tab = memchr(s, '\t', n);
        if (!tab || tab + 1 == s + n)
            return fail(r, tab ? tab : s, "expected the weights, a tab and the feature");
        if (eco_i_reserve(&m->weights, &m->feature_cap, (m->feature_count + 1) * m->columns,
                          sizeof(double)) < 0)
            return ECO_ENOMEM;
        p = s;
        if ((rc = read_numbers(r, &p, tab, m->weights + m->feature_count * m->columns,
                               m->columns)) < 0)
            return rc;
        const char *text = tab + 1, *eq = memchr(text, '=', (size_t)(s + n - text));
        uint64_t key = eq ? feature_key(text, (size_t)(eq - text), eq + 1, (size_t)(s + n - eq - 1))
                          : feature_key(text, (size_t)(s + n - text), NULL, 0);
        size_t seen;
        if (eco_i_map_get(&m->feature_of, key, &seen))
            return fail(r, tab + 1, "feature given twice");
        if (eco_i_map_put(&m->feature_of, key, m->feature_count++) < 0 ||
            eco_i_map_put(&m->names,
                          eco_i_hash(text, eq ? (size_t)(eq - text) : (size_t)(s + n - text)),
                          1) < 0)
            return ECO_ENOMEM;
    }
    /* every candidate looks up its features, most of which the model lacks */
    return eco_i_map_reserve(&m->feature_of, m->feature_count);
}

int eco_i_model_parse(eco_i_model **out, const char *text, size_t len, const char *source,
                      eco_error *err)
{
    reader r = {text, text + len, text, 0, source, err};
    eco_i_model *m = calloc(1, sizeof(*m));
    int rc;

    *out = NULL;
    if (!m)
        return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory reading the model");
    if ((rc = read_header(&r, m)) < 0 || (rc = read_classes(&r, m)) < 0 ||
        (rc = read_weights(&r, m)) < 0) {
        if (rc == ECO_ENOMEM)
            eco_error_set(err, rc, source, 0, 0, "out of memory reading the model");
        eco_i_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void eco_i_model_free(eco_i_model *m)
{
    if (!m)
        return;
    free(m->name);
    for (size_t k = 0; k < m->class_count; k++)
        free(m->classes[k]);
    free(m->weights);
    eco_i_map_free(&m->feature_of);
    eco_i_map_free(&m->names);
    free(m);
}

/* ---- Predicting ------------------------------------------------------------------------- */

const char *eco_i_model_name(const eco_i_model *m)
{
    return m->name;
}

size_t eco_i_model_class_count(const eco_i_model *m)
{
    return m->class_count;
}

const char *eco_i_model_class(const eco_i_model *m, size_t k)
{
    return k < m->class_count ? m->classes[k] : NULL;
}

int eco_i_model_class_index(const eco_i_model *m, const char *name)
{
    for (size_t k = 0; k < m->class_count; k++)
        if (strcmp(m->classes[k], name) == 0)
            return (int)k;
    return -1;
}

static int weighs(const eco_i_model *m, uint64_t name_key)
{
    return eco_i_map_get(&m->names, name_key, NULL);
}

static void decision_values(const eco_i_model *m, const eco_i_features *f, double *d)
{
    memcpy(d, m->bias, m->columns * sizeof(*d));
    if (f->reader == m) { /* the rows of the features m weighs, found as they were added */
        for (size_t i = 0; i < f->row_count; i++)
            for (size_t c = 0; c < m->columns; c++)
                d[c] += m->weights[f->rows[i] * m->columns + c];
        return;
    }
    for (size_t i = 0; i < f->count; i++) {
        size_t at;
        if (!eco_i_map_get(&m->feature_of, f->keys[i], &at))
            continue;
        for (size_t c = 0; c < m->columns; c++)
            d[c] += m->weights[at * m->columns + c];
    }
}

void eco_i_model_predict(const eco_i_model *m, const eco_i_features *f, double *p)
{
    double d[ECO_I_MAX_CLASSES], top, sum = 0;

    decision_values(m, f, d);
    if (m->columns == 1) {
        p[1] = 1 / (1 + exp(-d[0]));
        p[0] = 1 - p[1];
        return;
    }
    top = d[0];
    for (size_t c = 1; c < m->columns; c++)
        top = d[c] > top ? d[c] : top;
    for (size_t c = 0; c < m->columns; c++)
        sum += p[c] = exp(d[c] - top);
    for (size_t c = 0; c < m->columns; c++)
        p[c] /= sum;
}

double eco_i_model_yes(const eco_i_model *m, const eco_i_features *f)
{
    double p[ECO_I_MAX_CLASSES];
    eco_i_model_predict(m, f, p);
    return p[1];
}
