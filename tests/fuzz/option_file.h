/*
 * tests/fuzz/option_file.h - the body of a fuzz target whose input is a file the importer
 * reads from a path an option names (fuzz_aliases.c: `--aliases`, fuzz_corrections.c:
 * `--fix`).  The target defines OPTION_FIELD (the eco_import_options member), OPTION_FILE
 * (a name for the file) and the two inputs imported with it, text_record and tie_table,
 * then includes this.  The input goes to an anonymous in-memory file (memfd) named by
 * /proc/self/fd: nothing is left on disk when a run stops, even by a crash.  The record is
 * told as text and the table as a CSV of ties, by their contents; the map is written back.
 * Anything but a clean success or a clean error is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ecomap.h"
#include "write_back.h"

static int option_fd = -1;
static char option_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (option_fd >= 0) /* tests/fuzz/replay.c calls this once per file */
        return 0;
    if ((option_fd = memfd_create(OPTION_FILE, 0)) < 0) {
        perror("memfd_create");
        exit(1);
    }
    snprintf(option_path, sizeof(option_path), "/proc/self/fd/%d", option_fd);
    return 0;
}

/* Replaces the content of the option's file with data. */
static int set_option_file(const uint8_t *data, size_t size)
{
    size_t done = 0;

    if (ftruncate(option_fd, 0) != 0)
        return -1;
    while (done < size) {
        ssize_t n = pwrite(option_fd, data + done, size - done, (off_t)done);
        if (n <= 0)
            return -1;
        done += (size_t)n;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_error err = {0};
    eco_importer *imp = NULL;
    eco_graph *g = NULL;

    if (option_fd < 0 || set_option_file(data, size) < 0)
        return 0;
    opt.OPTION_FIELD = option_path;
    if (eco_importer_new(&imp, &opt, &err) == 0 &&
        eco_importer_add_buffer(imp, text_record, sizeof(text_record) - 1, "record.md", &err) ==
            0 &&
        eco_importer_add_buffer(imp, tie_table, sizeof(tie_table) - 1, "ties.csv", &err) == 0 &&
        eco_importer_finish(imp, &g, &err) == 0)
        fuzz_write_back(g);
    eco_importer_free(imp);
    eco_graph_free(g);
    return 0;
}
