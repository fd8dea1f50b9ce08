/*
 * import/inputs.c - listing an import's inputs: files, folders walked in name order,
 * standard input and buffers, each read once and kept until it is imported.
 *
 * Every file is listed before any is read into the graph, and then read in the order of its
 * contents: by a hash of its bytes, then its length, then its path.  What each record adds
 * can depend on what came before it (the first spelling of a name, a name without a country
 * that matches one with), so an order of reading that depends on neither the order of the
 * paths given, nor folders against files, nor readdir, nor the files' names, makes the map
 * depend on the set of inputs only.  The hash (content_hash) is the same on every machine.
 * Kumu's sheets are the exception: elements, then records, then connections (input_rank).
 * Listing reads each file whole, to tell its format and to hash it; the bytes are kept (see
 * Bytes), so that no file is read twice.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, which POSIX leaves out */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub.h"

#define MAX_FOLDER_DEPTH 64

/* ---- Contents --------------------------------------------------------------------------- */

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

/* 1 when data's lines end in a carriage return alone. */
static int lone_carriage_returns(const char *data, size_t len)
{
    return memchr(data, '\r', len) && !memchr(data, '\n', len);
}

/* ---- Bytes ------------------------------------------------------------------------------
 *
 * An import holds each input from the time it is listed to the time it is read, so that no
 * file is read twice.  Files' bytes are kept one after another in blocks of memory mapped
 * for them, on huge pages where the system has them: fresh memory costs a fault a page to
 * touch, and 100 MB of records on small pages cost as much time as reading them again.  A
 * block is given back once every file in it has been read, the last one too.  Past
 * KEEP_LIMIT bytes of files, a file's bytes are let go once it is listed and read again
 * when its turn comes, so that an import of many gigabytes keeps its memory bounded.
 * Standard input cannot be read again, and a buffer is a copy of the caller's: theirs are
 * malloc'd, and kept whatever their size.
 */

#define KEEP_LIMIT ((size_t)512 << 20)
#define BLOCK_SIZE ((size_t)32 << 20)

/* n bytes of a new block for files' bytes, at *out; 0 or ECO_ENOMEM. */
static int block_take(eco_i_inputs *list, size_t n, eco_i_bytes *out)
{
    eco_i_block *b = list->block_count ? &list->blocks[list->block_count - 1] : NULL;

    n = (n + 15) & ~(size_t)15;
    if (!b || !b->base || b->size - b->used < n) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        char *base;
        if (eco_i_reserve(&list->blocks, &list->block_cap, list->block_count + 1,
                          sizeof(*list->blocks)) < 0)
            return ECO_ENOMEM;
        base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (base == MAP_FAILED)
            return ECO_ENOMEM;
#ifdef MADV_HUGEPAGE
        (void)madvise(base, size, MADV_HUGEPAGE); /* a hint: small pages work too */
#endif
        b = &list->blocks[list->block_count++];
        *b = (eco_i_block){base, size, 0, 0};
    }
    out->data = b->base + b->used;
    out->block = (size_t)(b - list->blocks) + 1;
    b->used += n;
    b->live++;
    return 0;
}

static void bytes_free(eco_i_inputs *list, eco_i_bytes *b)
{
    if (b->block) {
        eco_i_block *k = &list->blocks[b->block - 1];
        /* a block goes once its files are read, the last one too: a file listed later
         * takes a new block (block_take) */
        if (--k->live == 0) {
            munmap(k->base, k->size);
            k->base = NULL;
        }
    } else {
        free(b->data);
    }
    b->data = NULL;
    b->block = 0;
}

/* Reads all of fd into b, NUL-terminated: a regular file's bytes in a block when keep, others
 * malloc'd.  A regular file's size is known beforehand: it takes one read, and one more to
 * see its end; a file that grew meanwhile moves to malloc'd bytes. */
static int read_fd(eco_i_inputs *list, int fd, eco_i_bytes *b, size_t *len, int keep)
{
    struct stat st;
    size_t n = 0, cap = 0;
    int rc = 0;

    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        cap = (size_t)st.st_size + 2;
        rc = keep ? block_take(list, cap, b) : eco_i_reserve(&b->data, &(size_t){0}, cap, 1);
    }
    while (rc == 0) {
        if (cap - n < 2) {
            size_t want = cap < 65536 ? 65536 : cap * 2, room = b->block ? 0 : cap;
            char *kept = b->block ? b->data : NULL;
            if (kept) /* out of its block: into memory that can grow */
                b->data = NULL;
            if ((rc = eco_i_reserve(&b->data, &room, want, 1)) < 0) {
                b->data = kept;
                break;
            }
            if (kept) {
                eco_i_bytes old = {kept, b->block};
                memcpy(b->data, kept, n);
                b->block = 0;
                bytes_free(list, &old);
            }
            cap = room;
        }
        ssize_t got = read(fd, b->data + n, cap - n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            rc = ECO_EIO;
        else if (got == 0)
            break;
        else
            n += (size_t)got;
    }
    if (rc < 0) {
        bytes_free(list, b);
        return rc;
    }
    b->data[n] = '\0';
    *len = n;
    return 0;
}

/* Reads path ("-": standard input) whole into b, keeping a file's bytes in a block when keep. */
static int read_input(eco_i_inputs *list, const char *path, eco_i_bytes *b, size_t *len,
                      int keep, eco_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *source = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC), rc;

    if (fd < 0)
        return eco_error_set(err, ECO_ENOINPUT, source, 0, 0, "cannot open: %s", strerror(errno));
    rc = read_fd(list, fd, b, len, keep && !is_stdin);
    if (rc == ECO_EIO)
        rc = eco_error_set(err, rc, source, 0, 0, "cannot read: %s", strerror(errno));
    else if (rc < 0)
        rc = eco_error_set(err, rc, source, 0, 0, "out of memory reading the file");
    if (!is_stdin)
        close(fd);
    return rc;
}

/* Reads lines that end in a carriage return alone (as spreadsheets on old Macs save CSV) as
 * if they ended in a line feed: every reader splits lines at '\n', and positions stay where
 * they were, one byte for one. */
static void line_feeds(char *data, size_t len)
{
    if (lone_carriage_returns(data, len))
        for (size_t i = 0; i < len; i++)
            data[i] = data[i] == '\r' ? '\n' : data[i];
}

int eco_i_listed_bytes(eco_i_inputs *list, eco_i_listed *f, eco_error *err)
{
    size_t listed = f->len;
    int rc;

    if (f->bytes.data)
        return 0;
    if ((rc = read_input(list, f->path, &f->bytes, &f->len, 0, err)) < 0)
        return rc;
    line_feeds(f->bytes.data, f->len);
    /* Read again past the memory limit: bytes that changed since the listing would go to
     * the reader detected for other bytes, in an order decided by other bytes. */
    if (f->len != listed || content_hash(f->bytes.data, f->len) != f->hash) {
        eco_i_listed_release(list, f);
        f->len = listed;
        return eco_error_set(err, ECO_EIO, f->source, 0, 0,
                             "changed while it was being imported; import it again");
    }
    return 0;
}

void eco_i_listed_release(eco_i_inputs *list, eco_i_listed *f)
{
    if (f->bytes.data)
        bytes_free(list, &f->bytes);
}

/* ---- Listing ---------------------------------------------------------------------------- */

/*
 * Lists b (taken), len bytes read from path: detects its format, and leaves out, with a
 * warning, a file of a folder that no reader claims (an error for a file named).  *kept is
 * incremented when it is listed.  Takes path.
 */
static int list_bytes(eco_i_inputs *list, char *path, eco_i_bytes b, size_t len, int is_buffer,
                      int in_folder, const eco_import_options *opt, size_t *kept, eco_error *err)
{
    const char *source = !is_buffer && strcmp(path, "-") == 0 ? "<stdin>" : path;
    const char *format_name;
    eco_i_listed *f;
    int rc;

    line_feeds(b.data, len);
    eco_i_watch_clear(); /* telling formats apart parses headers and JSON, which allocates */
    format_name = opt->format ? eco_i_format_name(opt->format)
                              : eco_i_detect(b.data, len, list->columns);
    if (eco_i_watch_failed()) {
        rc = eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory");
        goto cleanup;
    }
    if (opt->format && !format_name) {
        rc = eco_error_set(err, ECO_EUSAGE, source, 0, 0, "unknown input format \"%s\"",
                           opt->format);
        goto cleanup;
    }
    if (!format_name) {
        /* A folder of records holds other files too: say which were left out, and go on. */
        rc = in_folder ? eco_i_warn(opt, err, source, 0, 0, "%s", eco_i_unrecognised(b.data, len))
                       : eco_error_set(err, ECO_EDATA, source, len ? 1 : 0, len ? 1 : 0, "%s",
                                       eco_i_unrecognised(b.data, len));
        goto cleanup;
    }
    if (eco_i_reserve(&list->items, &list->cap, list->count + 1, sizeof(*list->items)) < 0) {
        rc = eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory listing the inputs");
        goto cleanup;
    }
    f = &list->items[list->count++];
    *f = (eco_i_listed){path,      source,    content_hash(b.data, len),
                        len,       b,         input_rank(format_name, b.data, len),
                        is_buffer, format_name,
                        list->models, in_folder, NULL};
    if (b.block)
        list->kept += len;
    else if (!is_buffer && strcmp(path, "-") != 0)
        eco_i_listed_release(list, f); /* past the limit: read again when its turn comes */
    (*kept)++;
    return 0;
cleanup:
    free(path);
    bytes_free(list, &b);
    return rc;
}

/* Lists one file: read whole, to hash it and tell its format.  Takes path. */
static int gather_file(eco_i_inputs *list, char *path, const eco_import_options *opt,
                       int in_folder, size_t *kept, eco_error *err)
{
    eco_i_bytes b = {NULL, 0};
    size_t len = 0;
    int rc, keep = list->kept < KEEP_LIMIT;

    eco_error failed = {0};

    if ((rc = read_input(list, path, &b, &len, keep, &failed)) < 0) {
        /* a file of a folder that cannot be opened or read is skipped, as one no reader
         * claims is: one unreadable file does not sink a whole folder (--strict: it does) */
        if (in_folder && (rc == ECO_ENOINPUT || rc == ECO_EIO))
            rc = eco_i_warn(opt, err, path, 0, 0, "skipped: %s", failed.text);
        else
            eco_error_set(err, rc, failed.source, failed.line, failed.column, "%s", failed.text);
        free(path);
        return rc;
    }
    return list_bytes(list, path, b, len, 0, in_folder, opt, kept, err);
}

/* The folders a walk is inside, innermost first: a link back to one of them is a loop. */
typedef struct folder_trail {
    dev_t device;
    ino_t inode;
    int depth; /* 0 for a folder named on the command line */
    const struct folder_trail *outer;
} folder_trail;

static int gather_any(eco_i_inputs *list, char *path, const eco_import_options *opt,
                      const folder_trail *outer, size_t *kept, eco_error *err);

/* A name a folder holds, with what readdir says it is. */
typedef struct entry_name {
    char *path;         /* the folder's path and the name (owned) */
    unsigned char type; /* d_type: DT_REG, DT_DIR ..., DT_UNKNOWN when the file system is mute */
} entry_name;

static int compare_names(const void *a, const void *b)
{
    return strcmp(((const entry_name *)a)->path, ((const entry_name *)b)->path);
}

/* Lists one name of a folder.  A regular file, as readdir says, is read without a stat
 * first: opening it tells whether it can be read, and its size comes with the read (a stat
 * a file was 1 % of importing 10,000 records); links, folders and the rest are stat'ed. */
static int gather_entry(eco_i_inputs *list, entry_name name, const eco_import_options *opt,
                        const folder_trail *here, size_t *kept, eco_error *err)
{
    if (name.type == DT_REG)
        return gather_file(list, name.path, opt, 1, kept, err);
    return gather_any(list, name.path, opt, here, kept, err);
}

static int gather_folder(eco_i_inputs *list, const char *path, const eco_import_options *opt,
                         const folder_trail *here, size_t *kept, eco_error *err)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    entry_name *names = NULL;
    size_t count = 0, cap = 0, next = 0;
    int rc = 0;

    if (!dir && errno != ENOMEM && here->depth > 0)
        return eco_i_warn(opt, err, path, 0, 0, "skipped: cannot open folder: %s", strerror(errno));
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
        names[count++] = (entry_name){full, entry->d_type};
    }
    /* in name order, so that warnings come in an order that does not depend on readdir */
    if (count > 1)
        qsort(names, count, sizeof(*names), compare_names);
    while (next < count && rc == 0) {
        entry_name name = names[next++];
        rc = gather_entry(list, name, opt, here, kept, err);
    }
cleanup:
    for (size_t i = next; i < count; i++)
        free(names[i].path);
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
 * for a path named by the caller).  Takes path. */
static int gather_any(eco_i_inputs *list, char *path, const eco_import_options *opt,
                      const folder_trail *outer, size_t *kept, eco_error *err)
{
    int depth = outer ? outer->depth + 1 : 0;
    struct stat st;
    int rc;

    if (strcmp(path, "-") == 0)
        return gather_file(list, path, opt, 0, kept, err);
    if (stat(path, &st) != 0) /* in a folder: a path too long, a link to nothing */
        rc = depth > 0 ? eco_i_warn(opt, err, path, 0, 0, "skipped: cannot open: %s",
                                    strerror(errno))
                       : eco_error_set(err, ECO_ENOINPUT, path, 0, 0, "cannot open: %s",
                                       strerror(errno));
    else if (S_ISDIR(st.st_mode) && depth >= MAX_FOLDER_DEPTH)
        rc = eco_i_warn(opt, err, path, 0, 0, "skipped: folders nested too deep");
    else if (S_ISDIR(st.st_mode) && loop_back(outer, &st))
        rc = eco_i_warn(opt, err, path, 0, 0, "skipped: a link back to a folder it is in");
    else if (S_ISDIR(st.st_mode)) {
        folder_trail here = {st.st_dev, st.st_ino, depth, outer};
        rc = gather_folder(list, path, opt, &here, kept, err);
    }
    else if (!S_ISREG(st.st_mode))
        rc = depth > 0 ? eco_i_warn(opt, err, path, 0, 0, "skipped: not a regular file")
                       : eco_error_set(err, ECO_ENOINPUT, path, 0, 0, "not a regular file");
    else
        return gather_file(list, path, opt, depth > 0, kept, err);
    free(path);
    return rc;
}

int eco_i_inputs_add_path(eco_i_inputs *list, const char *path, const eco_import_options *opt,
                          eco_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    size_t kept = 0;
    char *copy;
    int rc;

    if (is_stdin && list->read_stdin)
        return 0; /* standard input is read once, however often it is named */
    if (!(copy = malloc(strlen(path) + 1)))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory listing the inputs");
    strcpy(copy, path);
    list->read_stdin |= is_stdin;
    if ((rc = gather_any(list, copy, opt, NULL, &kept, err)) < 0)
        return rc;
    /* A folder that gave nothing is a mistake to say, not an empty map to write. */
    if (kept == 0 && !is_stdin)
        return eco_error_set(err, ECO_EDATA, path, 0, 0,
                             "holds no map or records that ecomap reads");
    return 0;
}

int eco_i_inputs_add_buffer(eco_i_inputs *list, const char *data, size_t len, const char *source,
                            const eco_import_options *opt, eco_error *err)
{
    eco_i_bytes b = {malloc(len + 1), 0}; /* the caller's copy: never read again */
    char *name = malloc(strlen(source) + 1);
    size_t kept = 0;

    if (!b.data || !name) {
        free(b.data);
        free(name);
        return eco_error_set(err, ECO_ENOMEM, source, 0, 0, "out of memory reading the file");
    }
    memcpy(b.data, data, len);
    b.data[len] = '\0';
    strcpy(name, source);
    return list_bytes(list, name, b, len, 1, 0, opt, &kept, err);
}

/* ---- Order ------------------------------------------------------------------------------ */

/* Files by path, buffers after them: a file listed twice is found next to itself. */
static int by_path(const void *a, const void *b)
{
    const eco_i_listed *x = a, *y = b;
    if (x->is_buffer != y->is_buffer)
        return x->is_buffer - y->is_buffer;
    return strcmp(x->path, y->path);
}

static int by_content(const void *a, const void *b)
{
    const eco_i_listed *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return strcmp(x->path, y->path);
}

void eco_i_inputs_order(eco_i_inputs *list)
{
    size_t unique = 0;

    if (list->count > 1)
        qsort(list->items, list->count, sizeof(*list->items), by_path);
    for (size_t i = 0; i < list->count; i++) {
        const eco_i_listed *last = unique ? &list->items[unique - 1] : NULL;
        if (last && !last->is_buffer && !list->items[i].is_buffer &&
            strcmp(last->path, list->items[i].path) == 0) {
            free(list->items[i].path);
            eco_i_listed_release(list, &list->items[i]);
            continue;
        }
        list->items[unique++] = list->items[i];
    }
    list->count = unique;
    if (list->count > 1)
        qsort(list->items, list->count, sizeof(*list->items), by_content);
}

/* ---- Record ids ------------------------------------------------------------------------- */

/* The last `parts` components of path ("b/plan.md" for 2 of "records/b/plan.md"); the
 * whole path when it has no more. */
static const char *path_tail(const char *path, size_t parts)
{
    const char *end = path + strlen(path), *p = end;
    while (end > path && end[-1] == '/')
        end--;
    for (p = end; p > path; p--)
        if (p[-1] == '/' && --parts == 0)
            return p;
    return path;
}

static int by_record_id(const void *a, const void *b)
{
    const eco_i_listed *x = *(eco_i_listed *const *)a, *y = *(eco_i_listed *const *)b;
    int order = strcmp(x->record_id, y->record_id);
    return order ? order : strcmp(x->source, y->source);
}

/* Lengthens the ids of the n inputs of group, which share one, by a folder at a time until
 * they differ; 1 when they never do (the same file under two paths, two buffers of one
 * source). */
static int lengthen_ids(eco_i_listed **group, size_t n)
{
    for (size_t parts = 2; parts < 256; parts++) {
        int same = 0, longer = 0;
        for (size_t i = 0; i < n; i++) {
            const char *tail = path_tail(group[i]->source, parts);
            longer |= tail != group[i]->record_id;
            group[i]->record_id = tail;
        }
        for (size_t i = 0; i < n && !same; i++)
            for (size_t k = i + 1; k < n && !same; k++)
                same = strcmp(group[i]->record_id, group[k]->record_id) == 0;
        if (!same)
            return 0;
        if (!longer)
            return 1;
    }
    return 1;
}

int eco_i_inputs_name_records(eco_i_inputs *list, const eco_import_options *opt, eco_error *err)
{
    eco_i_listed **sorted = malloc((list->count + 1) * sizeof(*sorted));
    int rc = 0;

    if (!sorted)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory listing the inputs");
    for (size_t i = 0; i < list->count; i++) {
        sorted[i] = &list->items[i];
        sorted[i]->record_id = path_tail(sorted[i]->source, 1);
    }
    qsort(sorted, list->count, sizeof(*sorted), by_record_id);
    for (size_t i = 0, next; i < list->count && rc == 0; i = next) {
        for (next = i + 1;
             next < list->count && strcmp(sorted[next]->record_id, sorted[i]->record_id) == 0;)
            next++;
        if (next - i > 1 && lengthen_ids(sorted + i, next - i))
            rc = eco_i_warn(opt, err, sorted[i + 1]->source, 0, 0,
                            "has the name of %s, and no folder tells them apart: read as "
                            "one record", sorted[i]->source);
    }
    free(sorted);
    return rc;
}

void eco_i_inputs_free(eco_i_inputs *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].path);
        eco_i_listed_release(list, &list->items[i]);
    }
    for (size_t i = 0; i < list->block_count; i++)
        if (list->blocks[i].base)
            munmap(list->blocks[i].base, list->blocks[i].size);
    free(list->blocks);
    free(list->items);
    memset(list, 0, sizeof(*list));
}
