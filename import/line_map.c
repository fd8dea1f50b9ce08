/* import/line_map.c - offsets to lines and columns (line_map.h). */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "line_map.h"

int eco_i_line_map_init(eco_i_line_map *map, const char *text, size_t len)
{
    size_t cap = 0;

    memset(map, 0, sizeof(*map));
    map->text = text;
    map->len = len;
    for (size_t at = 0;;) {
        if (eco_i_reserve(&map->starts, &cap, map->lines + 1, sizeof(*map->starts)) < 0) {
            eco_i_line_map_free(map);
            return ECO_ENOMEM;
        }
        map->starts[map->lines++] = at;
        const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
        if (!nl)
            return 0;
        at = (size_t)(nl - text) + 1;
    }
}

void eco_i_line_map_free(eco_i_line_map *map)
{
    if (!map)
        return;
    free(map->starts);
    map->starts = NULL;
    map->lines = 0;
}

void eco_i_line_map_position(const eco_i_line_map *map, size_t offset, int *line, int *column)
{
    size_t low = 0, high = map->lines; /* the line is the last start at or before offset */

    if (offset > map->len)
        offset = map->len;
    while (high - low > 1) {
        size_t mid = low + (high - low) / 2;
        if (map->starts[mid] <= offset)
            low = mid;
        else
            high = mid;
    }
    size_t characters = 1;
    for (size_t at = map->starts[low]; at < offset; at++)
        characters += ((unsigned char)map->text[at] & 0xC0) != 0x80;
    *line = low + 1 > (size_t)INT32_MAX ? INT32_MAX : (int)(low + 1);
    *column = characters > (size_t)INT32_MAX ? INT32_MAX : (int)characters;
}
