/*
 * fuzz_corrections.c - libFuzzer target for the analyst's corrections file (`--fix FILE`,
 * import/corrections.c and corrections_apply.c): the input is the corrections file.  A
 * fixed text record and CSV of ties, whose names the seeds in tests/fuzz/seeds-corrections
 * use, are imported with it, so that its lines are read, veto resolution's merges (URECA
 * LLC and URECA), and are applied when the import finishes; then the map is written back.
 * Anything but a clean success or a clean error is a finding.  Modelled on fuzz_aliases.c.
 *
 * The importer reads corrections from a path, so the input goes to an anonymous in-memory file
 * (memfd) named by /proc/self/fd: nothing is left on disk when a run stops, even by a crash.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ecomap.h"
#include "write_back.h"

static const char text_record[] =
    "# Open Lab\n\n"
    "The Open Lab was created by the Administrative Modernisation Agency (AMA) with the\n"
    "Ministry of Education. It is funded by the UNDP and works in partnership with the\n"
    "University of Lisbon and Code for Portugal. Senescyt trained the team. URECA LLC\n"
    "supports it.\n";

static const char tie_table[] = "source,target,kind\n"
                                "AMA,Open Lab,hosting\n"
                                "Agency for Administrative Modernisation,UNDP,partnership\n"
                                "\"Ministry of Education\",Senescyt,related\n"
                                "URECA,Open Lab,funding\n";

static int fix_fd = -1;
static char fix_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (fix_fd >= 0) /* tests/fuzz/replay.c calls this once per file */
        return 0;
    if ((fix_fd = memfd_create("fix.txt", 0)) < 0) {
        perror("memfd_create");
        exit(1);
    }
    snprintf(fix_path, sizeof(fix_path), "/proc/self/fd/%d", fix_fd);
    return 0;
}

/* Replaces the content of the corrections file with data. */
static int set_corrections(const uint8_t *data, size_t size)
{
    size_t done = 0;

    if (ftruncate(fix_fd, 0) != 0)
        return -1;
    while (done < size) {
        ssize_t n = pwrite(fix_fd, data + done, size - done, (off_t)done);
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

    if (fix_fd < 0 || set_corrections(data, size) < 0)
        return 0;
    opt.fix = fix_path;
    /* the record is told as text and the table as a CSV of ties, by their contents */
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
