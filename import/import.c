/*
 * import/import.c - from paths to readers: reading files and folders, detecting each
 * input's format from its content, and handing it to the reader of that format.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import_internal.h"
#include "internal.h"

#define MAX_FOLDER_DEPTH 64

typedef struct format {
    const char *name;    /* as given to --format and returned by eco_import_detect */
    eco_i_reader read;   /* its reader */
} format;

static const format formats[] = {
    {"json", eco_i_read_native},         {"csv", eco_i_read_ties_csv},
    {"undp", eco_i_read_undp},           {"unpsa", eco_i_read_unpsa},
    {"participedia", eco_i_read_participedia}, {"opsi", eco_i_read_opsi},
    {"video", eco_i_read_video},         {"text", eco_i_read_text},
    {"kumu", eco_i_read_kumu},           {"kumu-json", eco_i_read_kumu_json},
    {"node-link", eco_i_read_node_link}, {"cytoscape", eco_i_read_cytoscape},
    {"graphml", eco_i_read_graphml},     {"participedia-csv", eco_i_read_participedia_csv},
    {NULL, NULL}};

const char *const *eco_import_formats(void)
{
    static const char *const names[] = {
        "json",      "csv",       "undp",      "unpsa",   "participedia",     "opsi", "video",
        "text",      "kumu",      "kumu-json", "node-link", "cytoscape", "graphml",
        "participedia-csv", NULL};
    return names;
}

int eco_i_warn(const eco_import_options *opt, eco_error *err, const char *source, int line,
               int column, const char *fmt, ...)
{
    eco_error warning = {0};
    va_list ap;

    va_start(ap, fmt);
    if (opt->strict) {
        eco_error_setv(err, ECO_EDATA, source, line, column, fmt, ap);
        va_end(ap);
        return ECO_EDATA;
    }
    eco_error_setv(&warning, ECO_EDATA, source, line, column, fmt, ap);
    va_end(ap);
    if (opt->warn)
        opt->warn(&warning, opt->warn_context);
    return 0;
}

/* ---- Detection -------------------------------------------------------------------------- */

static const char *skip_bom_and_space(const char *p, const char *end)
{
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* Whether the header field [p, end) names a column, quotes and spaces aside, any case. */
static int field_is(const char *p, const char *end, const char *name)
{
    size_t len = strlen(name);
    while (p < end && (*p == ' ' || *p == '"'))
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '"' || end[-1] == '\r'))
        end--;
    return (size_t)(end - p) == len && strncasecmp(p, name, len) == 0;
}

/* A CSV of ties names its source and target columns in its first line, however long. */
static int looks_like_ties_csv(const char *p, const char *end)
{
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    int has_source = 0, has_target = 0, fields = 0;

    end = eol ? eol : end;
    for (const char *field = p; field <= end; fields++) {
        const char *stop = field;
        while (stop < end && *stop != ',' && *stop != ';' && *stop != '\t')
            stop++;
        has_source |= field_is(field, stop, "source") || field_is(field, stop, "from");
        has_target |= field_is(field, stop, "target") || field_is(field, stop, "to");
        field = stop + 1;
    }
    return fields > 1 && has_source && has_target;
}

/* 1 when the first limit bytes of data hold needle. */
static int holds(const char *data, size_t len, size_t limit, const char *needle)
{
    return eco_i_memmem(data, len < limit ? len : limit, needle, strlen(needle)) != NULL;
}

/* Lines of the first part of data that equal a label of Participedia's facet block. */
static int participedia_labels(const char *data, size_t len)
{
    char line[80];
    int found = 0;
    for (size_t at = 0, lines = 0; at < len && lines < 200; lines++) {
        const char *eol = memchr(data + at, '\n', len - at);
        size_t n = (size_t)((eol ? eol : data + len) - (data + at));
        while (n && data[at + n - 1] == '\r')
            n--;
        if (n < sizeof(line)) {
            memcpy(line, data + at, n);
            line[n] = '\0';
            found += eco_i_participedia_label(line);
        }
        at = eol ? (size_t)(eol - data) + 1 : len;
    }
    return found;
}

/* Text: UTF-8 (or nearly: a few stray bytes), with letters and few control characters. */
static int looks_like_text(const char *p, const char *end)
{
    size_t bad = 0, letters = 0, n = (size_t)(end - p) < 65536 ? (size_t)(end - p) : 65536;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        unsigned char c = (unsigned char)p[i];
        size_t k = c < 0x80 ? 1 : eco_i_utf8_decode(p + i, n - i, &cp);
        if (k == 0) {
            bad++, i++;
            continue;
        }
        letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        bad += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
        i += k;
    }
    return letters >= 20 && bad * 100 < n;
}

const char *eco_import_detect(const char *data, size_t len)
{
    const char *end = data + len;
    const char *p = skip_bom_and_space(data, end);
    size_t rest = (size_t)(end - p);

    if (p == end || memchr(data, '\0', len))
        return NULL; /* empty or binary */
    if (*p == '{' || (*p == '[' && !(rest > 1 && p[1] == '[')))
        return eco_i_json_kind(p, rest);
    if (*p == '<' && holds(p, rest, 4096, "<graphml"))
        return "graphml";
    /* Sheets are known by their header, which no real sheet makes longer than this. */
    if (eco_i_kumu_table(p, rest < 65536 ? rest : 65536))
        return "kumu";
    if (eco_i_is_participedia_csv(p, rest < 65536 ? rest : 65536))
        return "participedia-csv";
    if (looks_like_ties_csv(p, end))
        return "csv";
    if (holds(p, rest, 8192, "[[country:") || holds(p, rest, 8192, "[[focal_point:") ||
        holds(p, rest, 8192, "[[type:learningplan]]") || holds(p, rest, 8192, "[[type:experiment]]"))
        return "undp";
    if (holds(p, rest, 8192, "\xE6\x9C\xBA\xE6\x9E\x84\xE5\x90\x8D\xE7\xA7\xB0") ||
        holds(p, rest, 8192, "\xE8\x81\x94\xE5\x90\x88\xE5\x9B\xBD\xE6\x88\x90\xE5\x91\x98\xE5\x9B\xBD") ||
        (holds(p, rest, 65536, "Nomination form") && holds(p, rest, 65536, "Questions/Answers")))
        return "unpsa";
    if (participedia_labels(p, rest) >= 6)
        return "participedia";
    if (holds(p, rest, 4096, "\nOrganisation name ") || holds(p, rest, 4096, "\nOrganization name "))
        return "opsi";
    if ((rest > 4 && memcmp(p, "---", 3) == 0 && holds(p, rest, 2048, "videoId:")) ||
        holds(p, rest, 4096, "yt-timestamp") || holds(p, rest, 4096, "\nFrom: [["))
        return "video";
    if (looks_like_text(p, end))
        return "text";
    return NULL;
}

/* Why data matches no format, in words for the user. */
static const char *unrecognised(const char *data, size_t len)
{
    if (len == 0)
        return "file is empty";
    if (len >= 4 && (memcmp(data, "\xFF\xFE\0\0", 4) == 0 || memcmp(data, "\0\0\xFE\xFF", 4) == 0))
        return "file is UTF-32: ecomap reads UTF-8; convert it (iconv -f UTF-32 -t UTF-8)";
    if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0))
        return "file is UTF-16: ecomap reads UTF-8; convert it (iconv -f UTF-16 -t UTF-8)";
    if (memchr(data, '\0', len))
        return "file holds binary data, not a map or records";
    return "format not recognised: expected an ecomap JSON map, a CSV of ties with source "
           "and target columns, or records in text";
}

static const format *format_named(const char *name)
{
    for (const format *f = formats; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

/* ---- Reading inputs --------------------------------------------------------------------- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* ---- Sessions -------------------------------------------------------------------------- */

static int session_open(eco_i_session *s, const eco_import_options *opt, eco_error *err)
{
    memset(s, 0, sizeof(*s));
    s->opt = opt;
    return opt->aliases ? eco_i_aliases_load(&s->user, opt->aliases, err) : 0;
}

static void session_close(eco_i_session *s)
{
    eco_i_lexicon_free(s->user);
    eco_i_map_free(&s->actor_of);
    eco_i_map_free(&s->actor_name);
    eco_i_map_free(&s->prompts);
    free(s->buffer);
}

static int import_lines(eco_graph *g, const char *data, size_t len, const char *source,
                        const char *name, eco_i_session *session, eco_error *err);

/* 1 when data's lines end in a carriage return alone. */
static int lone_carriage_returns(const char *data, size_t len)
{
    return memchr(data, '\r', len) && !memchr(data, '\n', len);
}

/*
 * Reads data in format name (NULL: opt->format, or else the detected one).  Lines ending in
 * a carriage return alone (as spreadsheets on old Macs save CSV) are read as if they ended
 * in a line feed: every reader splits lines at '\n', and positions stay where they were,
 * one byte for one.
 */
static int import_buffer(eco_graph *g, const char *data, size_t len, const char *source,
                         const char *name, eco_i_session *session, eco_error *err)
{
    char *copy;
    int rc;

    if (!lone_carriage_returns(data, len))
        return import_lines(g, data, len, source, name, session, err);
    if (!(copy = malloc(len + 1)))
        return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory reading the file");
    for (size_t i = 0; i < len; i++)
        copy[i] = data[i] == '\r' ? '\n' : data[i];
    copy[len] = '\0';
    rc = import_lines(g, copy, len, source, name, session, err);
    free(copy);
    return rc;
}

static int import_lines(eco_graph *g, const char *data, size_t len, const char *source,
                        const char *name, eco_i_session *session, eco_error *err)
{
    const eco_import_options *o = session->opt;
    const format *f;
    eco_i_input in = {data, len, source, base_name(source), o, session->user, session};

    if (!name) {
        eco_i_watch_clear();
        name = o->format ? o->format : eco_import_detect(data, len);
        if (eco_i_watch_failed()) /* detecting parses JSON and CSV headers */
            return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory");
    }
    f = name ? format_named(name) : NULL;

    if (o->format && !f)
        return eco_error_set(err, ECO_EUSAGE, source, 0, 0, "unknown input format \"%s\"",
                             o->format);
    if (!f)
        return eco_error_set(err, ECO_EDATA, source, len ? 1 : 0, len ? 1 : 0, "%s",
                             unrecognised(data, len));
    return f->read(g, &in, err);
}

int eco_import_buffer(eco_graph *g, const char *data, size_t len, const char *source,
                      const eco_import_options *opt, eco_error *err)
{
    static const eco_import_options defaults = ECO_IMPORT_OPTIONS_INIT;
    eco_i_session session;
    int rc;

    if ((rc = session_open(&session, opt ? opt : &defaults, err)) == 0)
        rc = import_buffer(g, data, len, source, NULL, &session, err);
    eco_i_graph_sort_records(g);
    session_close(&session);
    return rc;
}

/* Reads all of fd into the session's buffer, NUL-terminated; the buffer is reused from file
 * to file, as a folder of records is thousands of small files.  A regular file's size is
 * known beforehand: it takes one read, and one more to see its end. */
static int read_fd(eco_i_session *session, int fd, char **out, size_t *len)
{
    struct stat st;
    size_t n = 0;

    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        eco_i_reserve(&session->buffer, &session->buffer_cap, (size_t)st.st_size + 2, 1) < 0)
        return ECO_ENOMEM;
    for (;;) {
        if (session->buffer_cap - n < 2 &&
            eco_i_reserve(&session->buffer, &session->buffer_cap,
                          session->buffer_cap < 65536 ? 65536 : session->buffer_cap * 2, 1) < 0)
            return ECO_ENOMEM;
        ssize_t got = read(fd, session->buffer + n, session->buffer_cap - n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return ECO_EIO;
        if (got == 0)
            break;
        n += (size_t)got;
    }
    session->buffer[n] = '\0';
    *out = session->buffer;
    *len = n;
    return 0;
}

/* ---- Gathering inputs ------------------------------------------------------------------ */
/*
 * Every file is listed before any is read into the graph, and then read in the order of its
 * contents: by a hash of its bytes, then its length, then its path.  What each record adds
 * can depend on what came before it (the first spelling of a name, a name without a country
 * that matches one with), so an order of reading that depends on neither the order of the
 * paths given, nor folders against files, nor readdir, nor the files' names, makes the map
 * depend on the set of inputs only.  The hash (content_hash) is the same on every machine.
 * Kumu's sheets are the exception: elements, then records, then connections (input_rank).
 */

typedef struct input_file {
    char *path;         /* as given, or a folder's path joined to an entry's name (owned) */
    uint64_t hash;      /* content_hash of its bytes */
    size_t len;         /* its length in bytes */
    char *data;         /* standard input's bytes, read once (owned); NULL for a file */
    int rank;           /* read before inputs of a higher rank (input_rank) */
    const char *format; /* its format's name, as detected when it was listed (static) */
} input_file;

typedef struct input_list {
    input_file *items; /* every input found so far */
    size_t count, cap;
} input_list;

/* FNV-1a over 64-bit words read little-endian whatever the machine, then over the bytes
 * left: eight times fewer steps than a byte at a time, the same value everywhere. */
static uint64_t content_hash(const char *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data;
    uint64_t h = 0xCBF29CE484222325ULL;
    size_t i = 0;

    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        h = (h ^ w) * 0x100000001B3ULL;
        h ^= h >> 32;
    }
    for (; i < len; i++)
        h = (h ^ p[i]) * 0x100000001B3ULL;
    return h;
}

static void inputs_free(input_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].path);
        free(list->items[i].data);
    }
    free(list->items);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const input_file *)a)->path, ((const input_file *)b)->path);
}

/* Kumu's sheets are read elements first, connections last, whatever their contents: a
 * connection to an actor no elements sheet names is then always the same warning. */
static int input_rank(const char *format_name, const char *data, size_t len)
{
    if (!format_name || strcmp(format_name, "kumu") != 0)
        return 0;
    switch (eco_i_kumu_table(data, len < 65536 ? len : 65536)) {
    case ECO_I_KUMU_ELEMENTS:
        return 1;
    case ECO_I_KUMU_RECORDS:
        return 2;
    default:
        return 3;
    }
}

static int by_content(const void *a, const void *b)
{
    const input_file *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return strcmp(x->path, y->path);
}

/* Reads path ("-": standard input) whole into the session's buffer. */
static int read_input(eco_i_session *session, const char *path, char **data, size_t *len,
                      eco_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *source = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC), rc;

    if (fd < 0)
        return eco_error_set(err, ECO_ENOINPUT, source, 0, 0, "cannot open: %s", strerror(errno));
    rc = read_fd(session, fd, data, len);
    if (rc == ECO_EIO)
        rc = eco_error_set(err, rc, source, 0, 0, "cannot read: %s", strerror(errno));
    else if (rc < 0)
        rc = eco_error_set(err, rc, source, 0, 0, "out of memory reading the file");
    if (!is_stdin)
        close(fd);
    return rc;
}

/* Lists one file: read to hash it, and to leave out, with a warning, a file of a folder
 * that no reader claims.  *kept is incremented when it is listed.  Takes path. */
static int gather_file(input_list *list, char *path, eco_i_session *session, int in_folder,
                       size_t *kept, eco_error *err)
{
    const eco_import_options *opt = session->opt;
    int is_stdin = strcmp(path, "-") == 0;
    const char *source = is_stdin ? "<stdin>" : path;
    char *data = NULL;
    size_t len = 0;
    int rc;

    if ((rc = read_input(session, path, &data, &len, err)) < 0)
        goto cleanup;
    if (lone_carriage_returns(data, len)) /* detected and hashed as import_buffer reads it */
        for (size_t i = 0; i < len; i++)
            data[i] = data[i] == '\r' ? '\n' : data[i];
    eco_i_watch_clear(); /* telling formats apart parses headers and JSON, which allocates */
    const char *format_name = opt->format ? opt->format : eco_import_detect(data, len);
    if (eco_i_watch_failed()) {
        rc = eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory");
        goto cleanup;
    }
    if (!format_name) {
        /* A folder of records holds other files too: say which were left out, and go on. */
        rc = in_folder ? eco_i_warn(opt, err, source, 0, 0, "%s", unrecognised(data, len))
                       : eco_error_set(err, ECO_EDATA, source, len ? 1 : 0, len ? 1 : 0, "%s",
                                       unrecognised(data, len));
        goto cleanup;
    }
    if (eco_i_reserve(&list->items, &list->cap, list->count + 1, sizeof(*list->items)) < 0)
        goto oom;
    input_file *f = &list->items[list->count];
    *f = (input_file){
        path, content_hash(data, len), len, NULL, input_rank(format_name, data, len), format_name};
    if (is_stdin) {
        if (!(f->data = malloc(len + 1)))
            goto oom;
        memcpy(f->data, data, len + 1);
    }
    list->count++;
    (*kept)++;
    return 0;
oom:
    rc = eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory listing the inputs");
cleanup:
    free(path);
    return rc;
}

/* The folders a walk is inside, innermost first: a link back to one of them is a loop. */
typedef struct folder_trail {
    dev_t device;
    ino_t inode;
    int depth; /* 0 for a folder named on the command line */
    const struct folder_trail *outer;
} folder_trail;

static int gather_any(input_list *list, char *path, eco_i_session *session,
                      const folder_trail *outer, size_t *kept, eco_error *err);

static int gather_folder(input_list *list, const char *path, eco_i_session *session,
                         const folder_trail *here, size_t *kept, eco_error *err)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    char **names = NULL;
    size_t count = 0, cap = 0, next = 0;
    int rc = 0;

    if (!dir)
        return eco_error_set(err, errno == ENOMEM ? ECO_ENOMEM : ECO_ENOINPUT, path, 0, 0,
                             "cannot open folder: %s", strerror(errno));
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.')
            continue; /* ., .. and hidden files such as .DS_Store or .git */
        size_t len = strlen(path) + strlen(entry->d_name) + 2;
        char *full = malloc(len);
        if (!full || eco_i_reserve(&names, &cap, count + 1, sizeof(*names)) < 0) {
            free(full);
            rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory listing the folder");
            goto cleanup;
        }
        snprintf(full, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                 entry->d_name);
        names[count++] = full;
    }
    /* in name order, so that warnings come in an order that does not depend on readdir */
    if (count > 1)
        qsort(names, count, sizeof(*names), compare_names);
    while (next < count && rc == 0) {
        char *name = names[next++];
        rc = gather_any(list, name, session, here, kept, err);
    }
cleanup:
    for (size_t i = next; i < count; i++)
        free(names[i]);
    free(names);
    closedir(dir);
    return rc;
}

/* The folder of trail that st is, if any. */
static const folder_trail *loop_back(const folder_trail *trail, const struct stat *st)
{
    for (; trail; trail = trail->outer)
        if (trail->device == st->st_dev && trail->inode == st->st_ino)
            return trail;
    return NULL;
}

/* Lists path and, for a folder, every file below it; outer is the folder path is in (NULL
 * for a path named on the command line).  Takes path. */
static int gather_any(input_list *list, char *path, eco_i_session *session,
                      const folder_trail *outer, size_t *kept, eco_error *err)
{
    const eco_import_options *opt = session->opt;
    int depth = outer ? outer->depth + 1 : 0;
    struct stat st;
    int rc;

    if (strcmp(path, "-") == 0)
        return gather_file(list, path, session, 0, kept, err);
    if (stat(path, &st) != 0)
        rc = eco_error_set(err, ECO_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
    else if (S_ISDIR(st.st_mode) && depth >= MAX_FOLDER_DEPTH)
        rc = eco_i_warn(opt, err, path, 0, 0, "skipped: folders nested too deep");
    else if (S_ISDIR(st.st_mode) && loop_back(outer, &st))
        rc = eco_i_warn(opt, err, path, 0, 0, "skipped: a link back to a folder it is in");
    else if (S_ISDIR(st.st_mode)) {
        folder_trail here = {st.st_dev, st.st_ino, depth, outer};
        rc = gather_folder(list, path, session, &here, kept, err);
    }
    else if (!S_ISREG(st.st_mode))
        rc = depth > 0 ? eco_i_warn(opt, err, path, 0, 0, "skipped: not a regular file")
                       : eco_error_set(err, ECO_ENOINPUT, path, 0, 0, "not a regular file");
    else
        return gather_file(list, path, session, depth > 0, kept, err);
    free(path);
    return rc;
}

/* ---- Importing ------------------------------------------------------------------------- */

static int import_listed(eco_graph *g, const input_file *f, eco_i_session *session, eco_error *err)
{
    const char *source = strcmp(f->path, "-") == 0 ? "<stdin>" : f->path;
    char *data = f->data;
    size_t len = f->len;
    int rc;

    if (!data && (rc = read_input(session, f->path, &data, &len, err)) < 0)
        return rc;
    if ((rc = import_buffer(g, data, len, source, f->format, session, err)) == 0)
        session->files_read++;
    return rc;
}

/* Imports every listed input, telling opt->progress the share of bytes read as it grows
 * by a whole percent: by files, a folder of a few large records would jump. */
static int import_list(eco_graph *g, const input_list *list, eco_i_session *session,
                       eco_error *err)
{
    const eco_import_options *opt = session->opt;
    double total = 0, done = 0;
    int shown = -1, rc = 0;

    for (size_t i = 0; i < list->count; i++)
        total += (double)list->items[i].len + 1;
    for (size_t i = 0; i < list->count && rc == 0; i++) {
        int percent = (int)(100 * done / total);
        if (opt->progress && percent != shown)
            opt->progress(shown = percent, opt->progress_context);
        rc = import_listed(g, &list->items[i], session, err);
        done += (double)list->items[i].len + 1;
    }
    if (opt->progress && rc == 0 && list->count)
        opt->progress(100, opt->progress_context);
    return rc;
}

/* Lists every file below each of the n paths (sorted, repeats skipped). */
static int list_given(input_list *list, const char **given, size_t n, eco_i_session *session,
                      eco_error *err)
{
    int rc;

    for (size_t i = 0; i < n; i++) {
        size_t kept = 0;
        char *copy;
        if (i > 0 && strcmp(given[i], given[i - 1]) == 0)
            continue;
        if (!(copy = malloc(strlen(given[i]) + 1)))
            return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory listing the inputs");
        strcpy(copy, given[i]);
        if ((rc = gather_any(list, copy, session, NULL, &kept, err)) < 0)
            return rc;
        /* A folder that gave nothing is a mistake to say, not an empty map to write. */
        if (kept == 0 && strcmp(given[i], "-") != 0)
            return eco_error_set(err, ECO_EDATA, given[i], 0, 0,
                                 "holds no map or records that ecomap reads");
    }
    return 0;
}

/* Drops the second listing of a file named and also below a folder named, then puts the
 * inputs in the order they are read: by their contents, not their names. */
static void order_inputs(input_list *list)
{
    size_t unique = 0;

    if (list->count > 1)
        qsort(list->items, list->count, sizeof(*list->items), by_path);
    for (size_t i = 0; i < list->count; i++) {
        if (unique && strcmp(list->items[unique - 1].path, list->items[i].path) == 0) {
            free(list->items[i].path);
            free(list->items[i].data);
            continue;
        }
        list->items[unique++] = list->items[i];
    }
    list->count = unique;
    if (list->count > 1)
        qsort(list->items, list->count, sizeof(*list->items), by_content);
}

int eco_import_paths(eco_graph *g, const char *const *paths, size_t n,
                     const eco_import_options *opt, eco_error *err)
{
    static const eco_import_options defaults = ECO_IMPORT_OPTIONS_INIT;
    eco_i_session session;
    input_list list = {NULL, 0, 0};
    const char **given = NULL;
    int rc;

    if ((rc = session_open(&session, opt ? opt : &defaults, err)) < 0)
        goto cleanup;
    opt = session.opt;
    if (opt->format && !format_named(opt->format)) {
        rc = eco_error_set(err, ECO_EUSAGE, n ? paths[0] : NULL, 0, 0,
                           "unknown input format \"%s\"", opt->format);
        goto cleanup;
    }
    if (n && !(given = malloc(n * sizeof(*given)))) {
        rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory listing the inputs");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        if (!paths[i] || !*paths[i]) {
            rc = eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "empty input path");
            goto cleanup;
        }
        given[i] = paths[i];
    }
    /* in name order, so that the first error does not depend on the order of the paths */
    if (n > 1)
        qsort(given, n, sizeof(*given), compare_names);
    if ((rc = list_given(&list, given, n, &session, err)) < 0)
        goto cleanup;
    order_inputs(&list);
    rc = import_list(g, &list, &session, err);
    eco_i_graph_sort_records(g);
cleanup:
    free(given);
    inputs_free(&list);
    session_close(&session);
    return rc;
}

int eco_import_path(eco_graph *g, const char *path, const eco_import_options *opt, eco_error *err)
{
    if (!path || !*path)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "empty input path");
    return eco_import_paths(g, &path, 1, opt, err);
}

int eco_graph_load(eco_graph **out, const char *path, eco_error *err)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_graph *g = NULL;
    int rc;

    opt.format = "json";
    if ((rc = eco_graph_new(&g)) < 0)
        return eco_error_set(err, rc, path, 0, 0, "out of memory");
    if ((rc = eco_import_path(g, path, &opt, err)) < 0) {
        eco_graph_free(g);
        return rc;
    }
    *out = g;
    return 0;
}
