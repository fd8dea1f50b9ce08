/*
 * core/watch.c - a thread's note that memory ran out where no error could be returned.
 *
 * jansson 2.14 reports most failed allocations while parsing as syntax errors ("invalid
 * token"), and its lexer drops a byte it could not append, so a parse can even succeed with
 * a string one byte short.  import/ and export/ make eco_i_watched_malloc jansson's
 * allocator, so that a failure is known whatever jansson makes of it.  Format detection,
 * which answers with a name, notes its own failures here too (eco_i_watch_note).
 */
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>

#include "internal.h"

static _Thread_local int failed; /* memory ran out on this thread since the last clear */

void *eco_i_watched_malloc(size_t size)
{
    void *p = malloc(size);
    if (!p)
        failed = 1;
    return p;
}

void eco_i_watched_free(void *p)
{
    free(p);
}

void eco_i_watch_note(void)
{
    failed = 1;
}

void eco_i_watch_clear(void)
{
    failed = 0;
}

int eco_i_watch_failed(void)
{
    return failed;
}

/* A host program that gave jansson allocators of its own keeps them. */
static void give_jansson_watched_allocator(void)
{
    json_malloc_t m;
    json_free_t f;

    json_get_alloc_funcs(&m, &f);
    if (m == malloc && f == free)
        json_set_alloc_funcs(eco_i_watched_malloc, eco_i_watched_free);
}

/* jansson's allocator is a global that every jansson call reads, so it is set once per
 * process, before any thread of ecomap first calls jansson: eco_graph_new asks for it,
 * and every use of jansson in ecomap has a graph made before it. */
void eco_i_watch_install(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    (void)pthread_once(&once, give_jansson_watched_allocator); /* fails only if misused */
}

void eco_i_watch_jansson(void)
{
    eco_i_watch_install();
    eco_i_watch_clear();
}
