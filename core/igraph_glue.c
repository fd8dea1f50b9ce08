/*
 * core/igraph_glue.c - igraph's errors as ecomap errors, and the lock that lets igraph and
 * Graphviz run in one thread at a time.
 *
 * igraph's default handler aborts the process; a library must never end its caller, so
 * ecomap installs a handler that keeps the message and lets the call return its code.
 */
#include <pthread.h>
#include <stdio.h>

#include "internal.h"

/* ---- igraph's errors -------------------------------------------------------------------- */

static _Thread_local char last_reason[200];
static _Thread_local int handlers_installed; /* igraph's may be per thread (below) */

static void keep_reason(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    /* IGRAPH_CHECK passes an error up with an empty reason: keep the one that said what
     * failed ("Cannot initialize vector."), not " (Out of memory)". */
    if (reason && *reason)
        snprintf(last_reason, sizeof(last_reason), "%s (%s)", reason, igraph_strerror(code));
    else if (!last_reason[0])
        snprintf(last_reason, sizeof(last_reason), "%s", igraph_strerror(code));
    IGRAPH_FINALLY_FREE(); /* what igraph_error_handler_ignore does: free igraph's temporaries */
}

/* With the lock held.  An igraph built thread-safe keeps its handlers per thread, one built
 * without (Debian 12's) per process: installing them once per thread suits both. */
static void install_handlers(void)
{
    if (handlers_installed)
        return;
    igraph_set_error_handler(keep_reason);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    handlers_installed = 1;
}

void eco_i_igraph_init(void)
{
    if (!handlers_installed && eco_i_dependencies_lock(NULL) == 0)
        eco_i_dependencies_unlock();
}

int eco_i_igraph_error(igraph_error_t code, eco_error *err)
{
    int rc = code == IGRAPH_ENOMEM ? ECO_ENOMEM : ECO_EINTERNAL;
    eco_error_set(err, rc, NULL, 0, 0, "graph computation failed: %s",
                  last_reason[0] ? last_reason : igraph_strerror(code));
    last_reason[0] = '\0'; /* said: the next error starts afresh */
    return rc;
}

/* ---- One thread at a time in igraph and Graphviz ---------------------------------------- */

/* Recursive, so that a function holding it may call another that takes it: a report draws
 * a diagram, which ranks actors.  POSIX has no static initialiser for a recursive mutex. */
static pthread_mutex_t dependencies;
static pthread_once_t dependencies_once = PTHREAD_ONCE_INIT;
static int dependencies_ready;

static void make_lock(void)
{
    pthread_mutexattr_t attr;

    if (pthread_mutexattr_init(&attr) != 0)
        return;
    if (pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE) == 0 &&
        pthread_mutex_init(&dependencies, &attr) == 0)
        dependencies_ready = 1;
    pthread_mutexattr_destroy(&attr);
}

int eco_i_dependencies_lock(eco_error *err)
{
    if (pthread_once(&dependencies_once, make_lock) != 0 || !dependencies_ready ||
        pthread_mutex_lock(&dependencies) != 0)
        return eco_error_set(err, ECO_EINTERNAL, NULL, 0, 0,
                             "cannot take the lock that igraph and Graphviz are used under");
    install_handlers();
    return 0;
}

void eco_i_dependencies_unlock(void)
{
    /* Fails only for a thread that does not hold it, which the callers' pairing rules out. */
    (void)pthread_mutex_unlock(&dependencies);
}
