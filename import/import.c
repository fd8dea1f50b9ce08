/*
 * import/import.c - from paths to readers: reading files and folders, detecting each
 * input's format from its content, and handing it to the reader of that format.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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
    return opt->aliases ? eco_i_lexicon_load(&s->user, opt->aliases, err) : 0;
}

static void session_close(eco_i_session *s)
{
    for (size_t i = 0; i < s->held_count; i++)
        free(s->held[i]);
    free(s->held);
    eco_i_lexicon_free(s->user);
    eco_i_map_free(&s->actor_of);
    eco_i_map_free(&s->actor_name);
    eco_i_map_free(&s->prompts);
    free(s->buffer);
}

static int import_lines(eco_graph *g, const char *data, size_t len, const char *source,
                        eco_i_session *session, eco_error *err);

/*
 * Reads data in the format given or detected.  Lines ending in a carriage return alone (as
 * spreadsheets on old Macs save CSV) are read as if they ended in a line feed: every
 * reader splits lines at '\n', and positions stay where they were, one byte for one.
 */
static int import_buffer(eco_graph *g, const char *data, size_t len, const char *source,
                         eco_i_session *session, eco_error *err)
{
    char *copy;
    int rc;

    if (!memchr(data, '\r', len) || memchr(data, '\n', len))
        return import_lines(g, data, len, source, session, err);
    if (!(copy = malloc(len + 1)))
        return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory reading the file");
    for (size_t i = 0; i < len; i++)
        copy[i] = data[i] == '\r' ? '\n' : data[i];
    copy[len] = '\0';
    rc = import_lines(g, copy, len, source, session, err);
    free(copy);
    return rc;
}

static int import_lines(eco_graph *g, const char *data, size_t len, const char *source,
                        eco_i_session *session, eco_error *err)
{
    const eco_import_options *o = session->opt;
    const char *name;
    const format *f;
    eco_i_input in = {data, len, source, base_name(source), o, session->user, session};

    eco_i_watch_clear();
    name = o->format ? o->format : eco_import_detect(data, len);
    if (eco_i_watch_failed()) /* detecting parses JSON and CSV headers */
        return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory");
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
        rc = import_buffer(g, data, len, source, &session, err);
    session_close(&session);
    return rc;
}

/* Reads all of fp into the session's buffer, NUL-terminated; the buffer is reused from file
 * to file, as a folder of records is thousands of small files. */
static int read_stream(eco_i_session *session, FILE *fp, char **out, size_t *len)
{
    size_t n = 0;

    for (;;) {
        if (session->buffer_cap - n < 4096 &&
            eco_i_reserve(&session->buffer, &session->buffer_cap,
                          session->buffer_cap < 65536 ? 65536 : session->buffer_cap * 2, 1) < 0)
            return ECO_ENOMEM;
        size_t got = fread(session->buffer + n, 1, session->buffer_cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp))
        return ECO_EIO;
    session->buffer[n] = '\0';
    *out = session->buffer;
    *len = n;
    return 0;
}

/* Whether data is a Kumu sheet that starts with connections: in a folder it is read after
 * every other file, so that its elements, wherever they sort, come first (a folder of
 * ecomap's own Kumu export holds map.connections.csv before map.elements.csv). */
static int is_kumu_connections(const char *data, size_t len, const char *forced)
{
    const char *p = skip_bom_and_space(data, data + len);
    size_t rest = (size_t)(data + len - p);

    /* As eco_import_detect would tell it: a header, before any other format's test. */
    if ((forced && strcmp(forced, "kumu") != 0) || memchr(data, '\0', len))
        return 0;
    return eco_i_kumu_table(p, rest < 65536 ? rest : 65536) == ECO_I_KUMU_CONNECTIONS;
}

static int import_file(eco_graph *g, const char *path, eco_i_session *session, int in_folder,
                       eco_error *err)
{
    const eco_import_options *opt = session->opt;
    int is_stdin = strcmp(path, "-") == 0;
    const char *source = is_stdin ? "<stdin>" : path;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    char *data = NULL;
    size_t len = 0;
    int rc;

    if (!fp) /* fopen allocates: it can fail for want of memory too */
        return eco_error_set(err, errno == ENOMEM ? ECO_ENOMEM : ECO_ENOINPUT, source, 0, 0,
                             "cannot open: %s", strerror(errno));
    rc = read_stream(session, fp, &data, &len);
    if (!is_stdin)
        fclose(fp);
    if (rc == ECO_EIO)
        return eco_error_set(err, rc, source, 0, 0, "cannot read: %s", strerror(errno));
    if (rc < 0)
        return eco_error_set(err, rc, source, 0, 0, "out of memory reading the file");
    eco_i_watch_clear(); /* telling formats apart parses headers and JSON, which allocates */
    if (session->hold_connections && is_kumu_connections(data, len, opt->format)) {
        char *copy = strdup(path);
        if (!copy || eco_i_reserve(&session->held, &session->held_cap, session->held_count + 1,
                                   sizeof(*session->held)) < 0) {
            free(copy);
            return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory");
        }
        session->held[session->held_count++] = copy;
        return 0;
    }
    if (in_folder && !opt->format && !eco_import_detect(data, len) && !eco_i_watch_failed()) {
        /* A folder of records holds other files too: say which were left out, and go on. */
        return eco_i_warn(opt, err, source, 0, 0, "%s", unrecognised(data, len));
    }
    if (eco_i_watch_failed())
        return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory");
    if ((rc = import_buffer(g, data, len, source, session, err)) == 0)
        session->files_read++;
    return rc;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int import_any(eco_graph *g, const char *path, eco_i_session *session, int depth,
                      eco_error *err);

static int import_folder(eco_graph *g, const char *path, eco_i_session *session, int depth,
                         eco_error *err)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    char **names = NULL;
    size_t count = 0, cap = 0;
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
    if (count > 1)
        qsort(names, count, sizeof(*names), compare_names);
    for (size_t i = 0; i < count && rc == 0; i++)
        rc = import_any(g, names[i], session, depth + 1, err);
cleanup:
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    closedir(dir);
    return rc;
}

static int import_any(eco_graph *g, const char *path, eco_i_session *session, int depth,
                      eco_error *err)
{
    const eco_import_options *opt = session->opt;
    struct stat st;

    if (strcmp(path, "-") == 0)
        return import_file(g, path, session, 0, err);
    if (stat(path, &st) != 0)
        return eco_error_set(err, ECO_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        int rc;
        if (depth >= MAX_FOLDER_DEPTH)
            return eco_i_warn(opt, err, path, 0, 0, "skipped: folders nested too deep");
        if (depth > 0)
            return import_folder(g, path, session, depth, err);
        /* The folder's Kumu connection sheets wait for every other file (its elements). */
        session->hold_connections = 1;
        rc = import_folder(g, path, session, depth, err);
        session->hold_connections = 0;
        for (size_t i = 0; i < session->held_count && rc == 0; i++)
            rc = import_file(g, session->held[i], session, 1, err);
        return rc;
    }
    if (!S_ISREG(st.st_mode))
        return depth > 0 ? eco_i_warn(opt, err, path, 0, 0, "skipped: not a regular file")
                         : eco_error_set(err, ECO_ENOINPUT, path, 0, 0, "not a regular file");
    return import_file(g, path, session, depth > 0, err);
}

int eco_import_path(eco_graph *g, const char *path, const eco_import_options *opt, eco_error *err)
{
    static const eco_import_options defaults = ECO_IMPORT_OPTIONS_INIT;
    eco_i_session session;
    int rc;

    if (!path || !*path)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "empty input path");
    if ((rc = session_open(&session, opt ? opt : &defaults, err)) == 0)
        rc = import_any(g, path, &session, 0, err);
    /* A folder that gave nothing is a mistake to say, not an empty map to write. */
    if (rc == 0 && session.files_read == 0 && strcmp(path, "-") != 0)
        rc = eco_error_set(err, ECO_EDATA, path, 0, 0,
                           "holds no map or records that ecomap reads");
    session_close(&session);
    return rc;
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
