/*
 * import/line_map.h - positions in a text: the offset of a byte as its line and column, for
 * readers that find their errors by offset (the corrections file, import/corrections.c).
 * The starts of lines are found once, so each lookup is a binary search instead of a count
 * of the lines before it.
 */
#ifndef ECOMAP_IMPORT_LINE_MAP_H
#define ECOMAP_IMPORT_LINE_MAP_H

#include <stddef.h>

typedef struct eco_i_line_map {
    const char *text; /* the text mapped (not owned) */
    size_t len;       /* its bytes */
    size_t *starts;   /* the offset each line starts at, rising; starts[0] is 0 */
    size_t lines;     /* entries in starts */
} eco_i_line_map;

/* Maps the len bytes of text, which must outlive the map.  0 or ECO_ENOMEM.  O(len). */
int eco_i_line_map_init(eco_i_line_map *map, const char *text, size_t len);

void eco_i_line_map_free(eco_i_line_map *map); /* NULL-safe */

/* The 1-based line and column of the byte at offset (len for the end of the text); the
 * column counts UTF-8 characters, as every error of ecomap does.  O(log lines + column). */
void eco_i_line_map_position(const eco_i_line_map *map, size_t offset, int *line, int *column);

#endif
