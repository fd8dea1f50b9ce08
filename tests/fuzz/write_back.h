/* tests/fuzz/write_back.h - what every import target does with the graph it read: writes
 * it back as a native map and as node-link, into memory, so that the writers meet whatever
 * the readers let through. */
#ifndef ECOMAP_FUZZ_WRITE_BACK_H
#define ECOMAP_FUZZ_WRITE_BACK_H

#include <stdio.h>
#include <stdlib.h>

#include "ecomap.h"

static inline void fuzz_write_back(const eco_graph *g)
{
    eco_error err = {0};
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);

    if (!fp)
        return;
    eco_export_stream(g, ECO_EXPORT_JSON, NULL, fp, "fuzz", &err);
    eco_export_stream(g, ECO_EXPORT_NODE_LINK, NULL, fp, "fuzz", &err);
    fclose(fp);
    free(text);
}

#endif
