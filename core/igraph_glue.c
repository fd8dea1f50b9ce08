/*
 * core/igraph_glue.c - igraph's errors as ecomap errors.
 *
 * igraph's default handler aborts the process; a library must never end its caller, so
 * ecomap installs a handler that keeps the message and lets the call return its code.
 */
#include <stdio.h>

#include "internal.h"

static _Thread_local char last_reason[200];

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

void eco_i_igraph_init(void)
{
    static int installed;
    if (!installed) {
        igraph_set_error_handler(keep_reason);
        igraph_set_warning_handler(igraph_warning_handler_ignore);
        installed = 1;
    }
}

int eco_i_igraph_error(igraph_error_t code, eco_error *err)
{
    int rc = code == IGRAPH_ENOMEM ? ECO_ENOMEM : ECO_EINTERNAL;
    eco_error_set(err, rc, NULL, 0, 0, "graph computation failed: %s",
                  last_reason[0] ? last_reason : igraph_strerror(code));
    last_reason[0] = '\0'; /* said: the next error starts afresh */
    return rc;
}
