/*
 * import/maps/lists.c - the '|' lists and "RECORD:LINE: TEXT" evidence items of
 * docs/FORMAT.md, which ecomap writes into other tools' formats (Kumu sheets, GraphML,
 * node-link) where a value cannot be a list, and which their readers split again.
 */
#include <stdlib.h>
#include <string.h>

#include "maps.h"

int eco_i_list_each(const char *text, int escaped, eco_i_item_fn fn, void *ctx)
{
    size_t len = strlen(text), w = 0;
    char *item;
    int rc = 0;

    if (len == 0)
        return 0;
    if (!(item = malloc(len + 1)))
        return ECO_ENOMEM;
    for (size_t i = 0; i <= len && rc >= 0; i++) {
        if (i == len || text[i] == '|') {
            item[w] = '\0';
            rc = fn(item, ctx);
            w = 0;
        } else if (escaped && text[i] == '\\' && i + 1 < len) {
            item[w++] = text[++i];
        } else {
            item[w++] = text[i];
        }
    }
    free(item);
    return rc < 0 ? rc : 0;
}

void eco_i_evidence_parse(eco_evidence *ev, char *item)
{
    memset(ev, 0, sizeof(*ev));
    /* The first ":DIGITS" followed by ": " or the end gives the line. */
    for (char *colon = strchr(item, ':'); colon; colon = strchr(colon + 1, ':')) {
        size_t digits = strspn(colon + 1, "0123456789");
        char *after = colon + 1 + digits;
        long line;
        if (digits == 0 || digits > 9 || (*after && strncmp(after, ": ", 2) != 0))
            continue;
        char saved = *after;
        *after = '\0';
        if (eco_i_parse_long(colon + 1, 1, 1000000000L, &line) == 0) {
            *colon = '\0';
            ev->record = *item ? item : NULL;
            ev->line = (int)line;
            ev->text = saved ? after + 2 : NULL;
            return;
        }
        *after = saved;
    }
    char *sep = strstr(item, ": ");
    if (sep) {
        *sep = '\0';
        ev->record = *item ? item : NULL;
        ev->text = sep[2] ? sep + 2 : NULL;
    } else if (strchr(item, ' ')) {
        ev->text = *item ? item : NULL;
    } else {
        ev->record = *item ? item : NULL;
    }
}

typedef struct list_ctx {
    eco_graph *g;
    size_t actor;
    int (*add)(eco_graph *, size_t, const char *);
} list_ctx;

static int add_to_actor(const char *value, void *ctx)
{
    list_ctx *l = ctx;
    return *value ? l->add(l->g, l->actor, value) : 0;
}

int eco_i_list_add(eco_graph *g, size_t actor, int (*add)(eco_graph *, size_t, const char *),
                   const char *text)
{
    list_ctx l = {g, actor, add};
    return eco_i_list_each(text, 1, add_to_actor, &l);
}
