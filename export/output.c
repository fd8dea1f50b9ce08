/*
 * export/output.c - files that appear whole or not at all.
 *
 * Output goes to a temporary file in the destination's folder (so that the final rename
 * stays on one file system and is atomic), is flushed to disk, and only then renamed over
 * the destination.  A run that fails or is killed half way leaves the old file untouched.
 * The temporary file is ".NAME.XXXXXX" beside NAME (mkstemp fills in the X's); a program
 * that calls eco_export_catch_signals has it removed when SIGINT, SIGTERM or SIGHUP ends
 * the run, and only SIGKILL (or a crash) can leave one behind.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_internal.h"

/* ---- Temporary files removed on a signal ------------------------------------------------ */

/*
 * The temporary files being written, kept where a signal handler may read them: static
 * buffers, each claimed and released through a lock-free atomic state, since a handler may
 * neither lock nor allocate.  A file beyond the table's size, or with a longer path, is
 * still written safely; only a signal would leave it behind.
 */
enum { LIVE_MAX = 16, LIVE_PATH = 4096 };
enum { SLOT_FREE, SLOT_FILLING, SLOT_LIVE };
static char live_path[LIVE_MAX][LIVE_PATH];
static atomic_int live_state[LIVE_MAX];

/* Remembers path as a temporary file to remove on a signal: the slot plus one, or 0. */
static int live_add(const char *path)
{
    size_t len = strlen(path);

    if (len >= LIVE_PATH)
        return 0;
    for (int i = 0; i < LIVE_MAX; i++) {
        int expected = SLOT_FREE;
        if (atomic_compare_exchange_strong(&live_state[i], &expected, SLOT_FILLING)) {
            memcpy(live_path[i], path, len + 1);
            atomic_store(&live_state[i], SLOT_LIVE);
            return i + 1;
        }
    }
    return 0;
}

/* Forgets a temporary file, once it is renamed or removed. */
static void live_forget(eco_i_output *out)
{
    if (out->live > 0)
        atomic_store(&live_state[out->live - 1], SLOT_FREE);
    out->live = 0;
}

/* Removes every temporary file being written, then lets the signal end the process as it
 * would have: SA_RESETHAND has restored its default action, and SA_NODEFER lets it act at
 * once.  Only async-signal-safe calls: unlink and raise. */
static void remove_temporaries(int signal_number)
{
    for (int i = 0; i < LIVE_MAX; i++)
        if (atomic_load(&live_state[i]) == SLOT_LIVE)
            unlink(live_path[i]);
    raise(signal_number);
}

int eco_export_catch_crashes(void)
{
    static const int signals[] = {SIGABRT, SIGTRAP, SIGSEGV, SIGBUS};
    struct sigaction action;

    memset(&action, 0, sizeof(action));
    action.sa_handler = remove_temporaries;
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    if (sigemptyset(&action.sa_mask) != 0)
        return ECO_EINTERNAL;
    for (size_t i = 0; i < sizeof(signals) / sizeof(*signals); i++)
        if (sigaction(signals[i], &action, NULL) != 0)
            return ECO_EINTERNAL;
    return 0;
}

int eco_export_catch_signals(void)
{
    static const int signals[] = {SIGHUP, SIGINT, SIGTERM};
    struct sigaction action, old;

    memset(&action, 0, sizeof(action));
    action.sa_handler = remove_temporaries;
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    if (sigemptyset(&action.sa_mask) != 0)
        return ECO_EINTERNAL;
    for (size_t i = 0; i < sizeof(signals) / sizeof(*signals); i++) {
        /* A signal the program's caller ignores (nohup, a background job) stays ignored. */
        if (sigaction(signals[i], NULL, &old) != 0)
            return ECO_EINTERNAL;
        if (old.sa_handler != SIG_IGN && sigaction(signals[i], &action, NULL) != 0)
            return ECO_EINTERNAL;
    }
    return 0;
}

/* ---- Output files ----------------------------------------------------------------------- */

int eco_i_output_open(eco_i_output *out, const char *path, eco_error *err)
{
    const char *slash;
    struct stat st;
    size_t len;
    int fd;

    memset(out, 0, sizeof(*out));
    if (!path || !*path)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "empty output path");
    if (strcmp(path, "-") == 0) {
        out->fp = stdout;
        out->name = "<stdout>";
        return 0;
    }
    out->name = path;
    /* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a
     * file over it would replace it, and for /dev/null as root that breaks the system. */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            return eco_error_set(err, ECO_ECANTCREAT, path, 0, 0, "cannot create: %s",
                                 strerror(EISDIR));
        if (!(out->path = strdup(path)) || !(out->fp = fopen(path, "wb"))) {
            int saved = errno;
            free(out->path);
            out->path = NULL;
            return eco_error_set(err, saved == ENOMEM ? ECO_ENOMEM : ECO_ECANTCREAT, path, 0, 0,
                                 "cannot write: %s", strerror(saved));
        }
        return 0;
    }
    /* Renaming over a read-only file would replace it: its mode says it is not to be
     * written, whatever the folder allows. */
    if (stat(path, &st) == 0 && (access(path, W_OK) != 0 || !(st.st_mode & 0222)))
        return eco_error_set(err, ECO_ECANTCREAT, path, 0, 0,
                             "cannot write: the file is read-only");
    slash = strrchr(path, '/');
    len = strlen(path) + 16;
    out->path = strdup(path);
    out->temp_path = malloc(len);
    if (!out->path || !out->temp_path) {
        eco_i_output_abort(out);
        return eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
    }
    /* ".NAME.XXXXXX" beside NAME: hidden, and on the same file system. */
    snprintf(out->temp_path, len, "%.*s.%s.XXXXXX", slash ? (int)(slash - path + 1) : 0, path,
             slash ? slash + 1 : path);
    if ((fd = mkstemp(out->temp_path)) < 0) {
        int saved = errno;
        free(out->temp_path);
        out->temp_path = NULL;
        eco_i_output_abort(out);
        return eco_error_set(err, ECO_ECANTCREAT, path, 0, 0, "cannot create: %s",
                             strerror(saved));
    }
    out->live = live_add(out->temp_path);
    if (!(out->fp = fdopen(fd, "wb"))) { /* fdopen allocates the stream */
        int saved = errno;
        close(fd);
        eco_i_output_abort(out);
        return eco_error_set(err, saved == ENOMEM ? ECO_ENOMEM : ECO_ECANTCREAT, path, 0, 0,
                             "cannot create: %s", strerror(saved));
    }
    return 0;
}

/*
 * The process's umask.  umask() reads it only by setting it, and a file that another thread
 * creates between the two calls would get mode 0666, so Linux's /proc/self/status is read
 * instead.  Where it cannot be, umask() is set and put back under a lock of this file, which
 * keeps ecomap's own threads apart but not others of the program.
 */
static mode_t current_umask(void)
{
    static pthread_mutex_t guard = PTHREAD_MUTEX_INITIALIZER;
    FILE *fp = fopen("/proc/self/status", "r");
    char line[256], *end;
    long value;
    mode_t mask;

    if (fp) {
        while (fgets(line, sizeof(line), fp)) {
            if (strncmp(line, "Umask:", 6) != 0)
                continue;
            value = strtol(line + 6, &end, 8);
            if (end != line + 6 && (*end == '\n' || *end == '\0') && value >= 0 && value <= 0777) {
                fclose(fp);
                return (mode_t)value;
            }
            break;
        }
        fclose(fp);
    }
    if (pthread_mutex_lock(&guard) != 0)
        return 022; /* the usual mask: never a file writable by all */
    mask = umask(0);
    umask(mask);
    (void)pthread_mutex_unlock(&guard); /* held by this thread: cannot fail */
    return mask;
}

/* The mode the file gets: the old file's, or what a new file would get under the umask. */
static mode_t final_mode(const char *path)
{
    struct stat st;

    if (stat(path, &st) == 0)
        return st.st_mode & 07777;
    return 0666 & ~current_umask();
}

/* Everything but the rename: flushed, synced, given its mode and closed.  Standard output is
 * only flushed. */
static int prepare(eco_i_output *out, eco_error *err)
{
    int failed, saved;

    if (!out->temp_path) { /* standard output, or a device written in place */
        failed = fflush(out->fp) != 0 || ferror(out->fp);
        saved = errno;
        if (out->fp != stdout && fclose(out->fp) != 0 && !failed)
            failed = 1, saved = errno;
        if (out->fp != stdout)
            out->fp = NULL;
        if (failed)
            return eco_error_set(err, ECO_EIO, out->name, 0, 0, "cannot write: %s",
                                 strerror(saved));
        return 0;
    }
    failed = fflush(out->fp) != 0 || ferror(out->fp) || fsync(fileno(out->fp)) != 0 ||
             fchmod(fileno(out->fp), final_mode(out->path)) != 0;
    saved = errno;
    if (fclose(out->fp) != 0 && !failed)
        failed = 1, saved = errno;
    out->fp = NULL;
    if (failed)
        return eco_error_set(err, ECO_EIO, out->name, 0, 0, "cannot write: %s", strerror(saved));
    return 0;
}

/* Renames a prepared temporary file over its destination and forgets it. */
static int finish(eco_i_output *out, eco_error *err)
{
    if (out->temp_path && rename(out->temp_path, out->path) != 0)
        return eco_error_set(err, ECO_EIO, out->name, 0, 0, "cannot write: %s",
                             strerror(errno));
    live_forget(out);
    free(out->temp_path);
    free(out->path);
    memset(out, 0, sizeof(*out));
    return 0;
}

int eco_i_output_commit(eco_i_output *out, eco_error *err)
{
    return eco_i_output_commit_all(out, 1, err);
}

int eco_i_output_commit_all(eco_i_output *outs, size_t n, eco_error *err)
{
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++)
        rc = prepare(&outs[i], err);
    /* A folder in a destination's place would fail only at its rename, after the files
     * before it were replaced: find it first. */
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (outs[i].path && stat(outs[i].path, &st) == 0 && S_ISDIR(st.st_mode))
            rc = eco_error_set(err, ECO_ECANTCREAT, outs[i].name, 0, 0,
                               "cannot create: %s", strerror(EISDIR));
    }
    /* Renames come last, when every file is whole on disk.  A rename within one folder
     * fails only when the folder itself goes wrong; files renamed before it stay, whole,
     * and the rest are removed. */
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = finish(&outs[i], err);
    if (rc < 0)
        for (size_t i = 0; i < n; i++)
            eco_i_output_abort(&outs[i]);
    return rc;
}

void eco_i_output_abort(eco_i_output *out)
{
    if (!out)
        return;
    if (out->fp && out->fp != stdout)
        fclose(out->fp);
    if (out->temp_path)
        unlink(out->temp_path);
    live_forget(out);
    free(out->temp_path);
    free(out->path);
    memset(out, 0, sizeof(*out));
}
