/* core/error.c - the caller-owned error record and its exit codes. */
#include <stdio.h>
#include <string.h>

#include "ecomap/error.h"
#include "ecomap/version.h"
#include "internal.h"

void eco_error_clear(eco_error *err)
{
    if (err)
        memset(err, 0, sizeof(*err));
}

int eco_error_setv(eco_error *err, int code, const char *source, int line, int column,
                   const char *fmt, va_list ap)
{
    if (!err || err->code != 0)
        return code;
    err->code = code;
    err->line = line > 0 ? line : 0;
    err->column = column > 0 ? column : 0;
    snprintf(err->source, sizeof(err->source), "%s", source ? source : "ecomap");
    vsnprintf(err->text, sizeof(err->text), fmt, ap);
    /* The message is one line whatever the input put into it. */
    for (unsigned char *p = (unsigned char *)err->text; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            *p = ' ';
    return code;
}

int eco_error_set(eco_error *err, int code, const char *source, int line, int column,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    code = eco_error_setv(err, code, source, line, column, fmt, ap);
    va_end(ap);
    return code;
}

const char *eco_error_format(const eco_error *err, const char *severity, char *buf, size_t n)
{
    const char *source = err->source[0] ? err->source : "ecomap";
    const char *text = err->text[0] ? err->text : "unknown error";

    if (err->line > 0 && err->column > 0)
        snprintf(buf, n, "%s:%d:%d: %s: %s", source, err->line, err->column, severity, text);
    else if (err->line > 0)
        snprintf(buf, n, "%s:%d: %s: %s", source, err->line, severity, text);
    else
        snprintf(buf, n, "%s: %s: %s", source, severity, text);
    return buf;
}

int eco_error_exit_status(int code)
{
    switch (code) {
    case ECO_OK:
        return 0;
    case ECO_EUSAGE:
        return 64; /* EX_USAGE */
    case ECO_EDATA:
    case ECO_ENOTFOUND:
        return 65; /* EX_DATAERR */
    case ECO_ENOINPUT:
        return 66; /* EX_NOINPUT */
    case ECO_ECANTCREAT:
        return 73; /* EX_CANTCREAT */
    case ECO_EIO:
        return 74; /* EX_IOERR */
    case ECO_ENOMEM:
        return 71; /* EX_OSERR: the system could not give what was needed */
    default:
        return 70; /* EX_SOFTWARE */
    }
}

const char *eco_version(void)
{
    return ECOMAP_VERSION;
}

int eco_i_options_check(const void *opt, unsigned int current, const char *type, eco_error *err)
{
    /* version is the first member, and a pointer to a struct points to its first member. */
    unsigned int version = opt ? *(const unsigned int *)opt : current;

    if (version >= 1 && version <= current)
        return 0;
    return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "%s of version %u; this library knows %u",
                         type, version, current);
}
