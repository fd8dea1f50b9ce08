/*
 * replay.c - runs a fuzz target over saved inputs without libFuzzer, so that every finding
 * stays a regression case of the ordinary test build.  A file named "import-FORMAT-..." is
 * imported as FORMAT, "import-detect-..." with detection; others are passed as they are.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sets ECOMAP_FUZZ_FORMAT from the file name, as tests/fuzz/run named the finding. */
static void format_from_name(const char *path)
{
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char format[64] = "";

    if (strncmp(name, "import-", 7) == 0) {
        size_t len = strcspn(name + 7, "-");
        if (len < sizeof(format) && strncmp(name + 7, "detect", len) != 0)
            memcpy(format, name + 7, len), format[len] = '\0';
    }
    setenv("ECOMAP_FUZZ_FORMAT", format, 1);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        char *data = NULL;
        long size;

        if (!fp || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
            fseek(fp, 0, SEEK_SET) != 0 || !(data = malloc((size_t)size + 1)) ||
            fread(data, 1, (size_t)size, fp) != (size_t)size) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 66;
        }
        fclose(fp);
        format_from_name(argv[i]);
        if (LLVMFuzzerInitialize)
            LLVMFuzzerInitialize(&argc, &argv);
        LLVMFuzzerTestOneInput((const uint8_t *)data, (size_t)size);
        free(data);
        printf("%s: ok\n", argv[i]);
    }
    return 0;
}
