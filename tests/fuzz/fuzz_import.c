/*
 * fuzz_import.c - libFuzzer target for every reader: the input is imported as the format
 * named by ECOMAP_FUZZ_FORMAT (detected when unset), resolved, and written back as a native
 * map and as node-link JSON.  Anything but a clean success or a clean error is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecomap.h"
#include "write_back.h"

static const char *format;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (getenv("ECOMAP_FUZZ_LIST")) { /* tests/fuzz/run asks which formats there are */
        for (const char *const *name = eco_import_formats(); *name; name++)
            printf("%s\n", *name);
        exit(0);
    }
    format = getenv("ECOMAP_FUZZ_FORMAT");
    if (format && !*format)
        format = NULL;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_error err = {0};
    eco_graph *g = NULL;
    char *text = malloc(size + 1);

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    opt.format = format;
    if (eco_import_buffer(&g, text, size, "fuzz", &opt, &err) == 0)
        fuzz_write_back(g);
    eco_graph_free(g);
    free(text);
    return 0;
}
