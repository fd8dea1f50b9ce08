/*
 * queries/measure_cache.c - measures computed once per map content: kept on the graph for
 * the rest of the run (core's eco_i_graph_keep), and, when the user names a folder, in a
 * file there that the next run on the same map reads instead of computing again.
 *
 * A file is named by a hash of what the measures read (the number of actors, every tie's
 * ends, kind, direction and weight, in order: eco_i_graph_content_hash) and a hash of what
 * was computed (the measure and the options that change it), so that any change to the map
 * makes another name, and an old file is never read for a new map.  A file is checked whole
 * before it is believed (docs/FORMAT.md, "The measure cache"): anything amiss, and the
 * measure is computed as if there were none, and written again.  Nothing here ever fails a
 * query: a folder that cannot be read or written only costs the time of computing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "queries_internal.h"

enum { FILE_VERSION = 1 };
static const char magic[8] = {'e', 'c', 'o', 'm', 'a', 'p', 'm', '\n'};

int eco_query_cache_folder(eco_graph *g, const char *folder, eco_error *err)
{
    if (folder && !*folder)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "the measure cache needs a folder name");
    if (eco_i_graph_set_measure_folder(g, folder) < 0)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory");
    return 0;
}

void eco_i_measure_what(char *buf, size_t size, const char *what, const eco_query_options *opt)
{
    unsigned all = (1u << ECO_TIE_KIND_COUNT) - 1, kinds = opt && opt->kinds ? opt->kinds & all : all;

    snprintf(buf, size, "%s directed=%d weighted=%d kinds=%u", what, opt && opt->directed ? 1 : 0,
             opt && opt->weighted ? 1 : 0, kinds);
}

/* ---- Files ------------------------------------------------------------------------------ */

/* Bytes in little-endian order, whatever the machine's, so that a folder of measures moves
 * between machines. */
static void put64(unsigned char *at, uint64_t v)
{
    for (int k = 0; k < 8; k++)
        at[k] = (unsigned char)(v >> (8 * k));
}

static uint64_t get64(const unsigned char *at)
{
    uint64_t v = 0;
    for (int k = 7; k >= 0; k--)
        v = (v << 8) | at[k];
    return v;
}

/* The checksum of len bytes (a multiple of 8). */
static uint64_t checksum(const unsigned char *bytes, size_t len)
{
    eco_i_hasher h;
    eco_i_hasher_init(&h);
    for (size_t at = 0; at + 8 <= len; at += 8)
        eco_i_hasher_add(&h, get64(bytes + at));
    return h.a ^ h.b;
}

/*
 * The file's layout, 8-byte words: magic, version, the content hash (2 words), actors,
 * ties, values, what's length in bytes, what padded with NULs to whole words, the values as
 * IEEE doubles, the checksum of everything before it.
 */
enum { HEADER_WORDS = 8 };

static size_t what_words(const char *what)
{
    return (strlen(what) + 8) / 8; /* at least one NUL */
}

/* The path of the file for what in folder (malloc'd), and the content hash it holds. */
static char *file_path(const eco_graph *g, const char *folder, const char *what, uint64_t hash[2])
{
    size_t size = strlen(folder) + 80;
    char *path = malloc(size);

    if (!path)
        return NULL;
    eco_i_graph_content_hash(g, hash);
    snprintf(path, size, "%s/ecomap-%016llx%016llx-%016llx.measure", folder,
             (unsigned long long)hash[0], (unsigned long long)hash[1],
             (unsigned long long)eco_i_hash(what, strlen(what)));
    return path;
}

/* The file's bytes as they must be for these values (zeros for NULL): malloc'd, *len its
 * length. */
static unsigned char *file_bytes(const eco_graph *g, const uint64_t hash[2], const char *what,
                                 const double *values, size_t count, size_t *len)
{
    size_t words = HEADER_WORDS + what_words(what) + count + 1;
    unsigned char *b = calloc(words, 8);

    if (!b)
        return NULL;
    memcpy(b, magic, 8);
    put64(b + 8, FILE_VERSION);
    put64(b + 16, hash[0]);
    put64(b + 24, hash[1]);
    put64(b + 32, eco_graph_actor_count(g));
    put64(b + 40, eco_graph_tie_count(g));
    put64(b + 48, count);
    put64(b + 56, strlen(what));
    memcpy(b + 64, what, strlen(what));
    for (size_t k = 0; values && k < count; k++) {
        uint64_t bits;
        memcpy(&bits, &values[k], 8);
        put64(b + 8 * (HEADER_WORDS + what_words(what) + k), bits);
    }
    put64(b + 8 * (words - 1), checksum(b, 8 * (words - 1)));
    *len = 8 * words;
    return b;
}

/* Reads the whole of a file no longer than `expected` bytes; NULL when it cannot. */
static unsigned char *read_file(const char *path, size_t expected, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    unsigned char *b = NULL;
    struct stat st;
    ssize_t got = 0;

    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == expected &&
        (b = malloc(expected ? expected : 1))) {
        size_t done = 0;
        while (done < expected && (got = read(fd, b + done, expected - done)) > 0)
            done += (size_t)got;
        if (done != expected) {
            free(b);
            b = NULL;
        }
        *len = done;
    }
    close(fd);
    return b;
}

/* 1 with out filled when the folder holds what for this map, whole and checked. */
static int read_kept(const eco_graph *g, const char *folder, const char *what, double *out,
                     size_t count)
{
    uint64_t hash[2];
    size_t len = 0, want = 0;
    char *path = file_path(g, folder, what, hash);
    unsigned char *expected = NULL, *found = NULL;
    int ok = 0;

    /* the bytes the file must hold but for the values and the checksum: they are compared
     * whole, so that a file of another map, measure or version is never believed */
    if (path && (expected = file_bytes(g, hash, what, NULL, count, &want)) &&
        (found = read_file(path, want, &len))) {
        size_t values_at = 8 * (HEADER_WORDS + what_words(what));
        ok = memcmp(found, expected, values_at) == 0 &&
             get64(found + len - 8) == checksum(found, len - 8);
        for (size_t k = 0; ok && k < count; k++) {
            uint64_t bits = get64(found + values_at + 8 * k);
            memcpy(&out[k], &bits, 8);
        }
    }
    free(path);
    free(expected);
    free(found);
    return ok;
}

/* Writes what's values into the folder, made if it is missing, through a hidden temporary
 * file renamed into place when whole, so that a run that stops half way leaves no file
 * that could be read.  Failures are ignored: the measure is only computed again. */
static void write_kept(const eco_graph *g, const char *folder, const char *what,
                       const double *values, size_t count)
{
    uint64_t hash[2];
    size_t len = 0, done = 0;
    char *path = file_path(g, folder, what, hash), *temporary = NULL;
    unsigned char *bytes = path ? file_bytes(g, hash, what, values, count, &len) : NULL;
    int fd = -1;

    if (!bytes || !(temporary = malloc(strlen(folder) + 32)))
        goto cleanup;
    if (mkdir(folder, 0777) < 0 && errno != EEXIST)
        goto cleanup;
    sprintf(temporary, "%s/.ecomap-measure-XXXXXX", folder);
    if ((fd = mkstemp(temporary)) < 0)
        goto cleanup;
    while (done < len) {
        ssize_t wrote = write(fd, bytes + done, len - done);
        if (wrote <= 0)
            break;
        done += (size_t)wrote;
    }
    if (close(fd) < 0 || done != len || rename(temporary, path) < 0)
        unlink(temporary);
    fd = -1;
cleanup:
    if (fd >= 0) {
        close(fd);
        unlink(temporary);
    }
    free(path);
    free(temporary);
    free(bytes);
}

/* ---- Recall and keep -------------------------------------------------------------------- */

int eco_i_measure_recall(const eco_graph *g, const char *what, double *out, size_t count,
                         int on_disk)
{
    const char *folder = eco_i_graph_measure_folder(g);

    if (eco_i_graph_recall(g, what, out, count))
        return 1;
    if (!on_disk || !folder || !read_kept(g, folder, what, out, count))
        return 0;
    eco_i_graph_keep(g, what, out, count); /* read once a run; out of memory only costs that */
    return 1;
}

int eco_i_measure_keep(const eco_graph *g, const char *what, const double *values, size_t count,
                       int on_disk)
{
    const char *folder = eco_i_graph_measure_folder(g);

    if (on_disk && folder)
        write_kept(g, folder, what, values, count);
    return eco_i_graph_keep(g, what, values, count);
}
