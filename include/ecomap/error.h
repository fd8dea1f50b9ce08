/*
 * ecomap/error.h - errors that point at the input.
 *
 * Every fallible ecomap function returns 0 on success or one of the ECO_E* codes below
 * (all negative), and fills a caller-owned eco_error.  The first error wins: once an
 * eco_error holds a code, later calls leave it alone, so the message the user sees names
 * the cause and not a consequence.
 */
#ifndef ECOMAP_ERROR_H
#define ECOMAP_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#include "ecomap/common.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    ECO_OK = 0,
    ECO_ENOMEM = -1,     /* an allocation failed */
    ECO_EUSAGE = -2,     /* the caller asked for something that makes no sense */
    ECO_EDATA = -3,      /* the input is malformed */
    ECO_ENOINPUT = -4,   /* an input path does not exist or cannot be read */
    ECO_ECANTCREAT = -5, /* an output file cannot be created */
    ECO_EIO = -6,        /* reading or writing failed half way */
    ECO_ENOTFOUND = -7,  /* a named actor, record or tie is not in the map */
    ECO_EINTERNAL = -8   /* a dependency reported an error it should not have */
};

typedef struct eco_error {
    int code;         /* 0, or an ECO_E* value below zero */
    int line, column; /* 1-based; 0 when not known */
    char source[256]; /* path, "<stdin>", or the program's name when no input is to blame */
    char text[256];   /* one line, no trailing period */
} eco_error;

/* Empties err so that it can take a new error.  NULL-safe. */
ECO_EXPORT void eco_error_clear(eco_error *err);

/*
 * Records an error unless err already holds one (the first error wins) and returns code,
 * so that callers can write `return eco_error_set(err, ECO_EDATA, path, 3, 1, "...")`.
 * source may be NULL; line and column are 1-based, 0 when unknown.  err may be NULL.
 */
ECO_EXPORT int eco_error_set(eco_error *err, int code, const char *source, int line, int column,
                             const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* The same, with a va_list. */
ECO_EXPORT int eco_error_setv(eco_error *err, int code, const char *source, int line, int column,
                              const char *fmt, va_list ap);

/*
 * Formats err as the one line the user reads, "SOURCE:LINE:COLUMN: error: TEXT" (LINE and
 * COLUMN left out when unknown), into buf of size n.  Returns buf.
 */
ECO_EXPORT const char *eco_error_format(const eco_error *err, const char *severity, char *buf,
                                        size_t n);

/* The exit status of sysexits.h that suits code: 64 usage, 65 data, 66 no input, 73 cannot
 * create, 74 I/O, 70 internal; 0 for ECO_OK. */
ECO_EXPORT int eco_error_exit_status(int code);

#ifdef __cplusplus
}
#endif

#endif
