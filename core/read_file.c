/*
 * core/read_file.c - a whole file into memory, for the files ecomap reads whole: the alias
 * and corrections files, the extractor's models.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int eco_i_read_file(const char *path, char **out, size_t *len, eco_error *err)
{
    FILE *fp = fopen(path, "rb");
    char *text = NULL;
    size_t n = 0, cap = 0, got;
    int rc = 0;

    if (!fp) /* fopen allocates: it can fail for want of memory too */
        return eco_error_set(err, errno == ENOMEM ? ECO_ENOMEM : ECO_ENOINPUT, path, 0, 0,
                             "cannot open: %s", strerror(errno));
    do {
        if (eco_i_reserve(&text, &cap, n + 4097, 1) < 0) {
            rc = eco_error_set(err, ECO_ENOMEM, path, 0, 0, "out of memory");
            break;
        }
        n += got = fread(text + n, 1, 4096, fp);
    } while (got > 0);
    if (rc == 0 && ferror(fp))
        rc = eco_error_set(err, ECO_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    fclose(fp);
    if (rc < 0) {
        free(text);
        return rc;
    }
    text[n] = '\0';
    *out = text;
    *len = n;
    return 0;
}
