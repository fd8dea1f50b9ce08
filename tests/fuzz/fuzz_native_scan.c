/*
 * fuzz_native_scan.c - libFuzzer target that holds the one-pass reader of native maps
 * (import/maps/native_scan.c) to jansson's reading (native.c): whatever the scan reads, the
 * checking reader must read too, to the same actors and ties in the same order and the same
 * map written back.  A scan that reads what jansson refuses, or reads it otherwise, is a
 * finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecomap.h"
#include "hub.h"

/* The native map of g, malloc'd, or NULL. */
static char *written(const eco_graph *g, size_t *len)
{
    eco_error err = {0};
    char *text = NULL;
    FILE *fp = open_memstream(&text, len);

    if (!fp)
        return NULL;
    eco_export_stream(g, ECO_EXPORT_JSON, NULL, fp, "fuzz", &err);
    fclose(fp);
    return text;
}

static void compare(const eco_graph *a, const eco_graph *b)
{
    size_t la = 0, lb = 0;
    char *ta, *tb;

    if (eco_graph_actor_count(a) != eco_graph_actor_count(b) ||
        eco_graph_tie_count(a) != eco_graph_tie_count(b))
        abort();
    for (size_t i = 0; i < eco_graph_actor_count(a); i++)
        if (strcmp(eco_graph_actor(a, i)->id, eco_graph_actor(b, i)->id) != 0)
            abort();
    for (size_t i = 0; i < eco_graph_tie_count(a); i++)
        if (eco_graph_tie(a, i)->source != eco_graph_tie(b, i)->source ||
            eco_graph_tie(a, i)->target != eco_graph_tie(b, i)->target ||
            eco_graph_tie(a, i)->kind != eco_graph_tie(b, i)->kind)
            abort();
    ta = written(a, &la);
    tb = written(b, &lb);
    if (ta && tb && (la != lb || memcmp(ta, tb, la) != 0))
        abort();
    free(ta);
    free(tb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_i_session session = {&opt, NULL, {0}, NULL, NULL, NULL, NULL};
    eco_graph *scanned = NULL, *checked = NULL;
    eco_error err = {0};
    char *text = malloc(size + 1);

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    eco_i_input in = {text, size, "fuzz", "fuzz", &opt, NULL, &session, NULL, NULL, NULL};
    if (eco_graph_new(&scanned) == 0 && eco_graph_new(&checked) == 0 &&
        eco_i_native_scan(scanned, &in, &err) == 0) {
        if (eco_i_read_native_checked(checked, &in, &err) != 0)
            abort(); /* the scan read a map jansson refuses */
        compare(scanned, checked);
    }
    eco_graph_free(scanned);
    eco_graph_free(checked);
    free(text);
    return 0;
}
