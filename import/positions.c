/*
 * import/positions.c - byte offsets to lines and columns, for messages.  One pass over the
 * text records the line and column at the start of every block of ECO_I_TEXT_BLOCK bytes;
 * an offset is then found from its block's start, so a question costs a block at most,
 * whatever the length of the text or of its lines (a JSON file on one line is common).
 */
#include <stdio.h>
#include <stdlib.h>

#include "input.h"

/* Moves (line, column) past one byte, as messages count them. */
static void step(unsigned char ch, int *line, int *column)
{
    if (ch == '\n')
        ++*line, *column = 1;
    else if ((ch & 0xC0) != 0x80)
        ++*column;
}

int eco_i_text_map_init(eco_i_text_map *map, const char *text, size_t len)
{
    int line = 1, column = 1;

    *map = (eco_i_text_map){text, len, 0, NULL, NULL, len / ECO_I_TEXT_BLOCK + 1};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        map->skip = 3;
    map->block_line = malloc(map->blocks * sizeof(int));
    map->block_column = malloc(map->blocks * sizeof(int));
    if (!map->block_line || !map->block_column) {
        eco_i_text_map_free(map);
        return ECO_ENOMEM;
    }
    for (size_t b = 0, at = 0; b < map->blocks; b++) {
        size_t end = (b + 1) * ECO_I_TEXT_BLOCK;
        map->block_line[b] = line;
        map->block_column[b] = column;
        for (; at < end && at < len; at++)
            if (at >= map->skip)
                step((unsigned char)text[at], &line, &column);
    }
    return 0;
}

void eco_i_text_map_free(eco_i_text_map *map)
{
    free(map->block_line);
    free(map->block_column);
    map->block_line = map->block_column = NULL;
    map->blocks = 0;
}

void eco_i_text_map_find(const eco_i_text_map *map, size_t offset, int *line, int *column)
{
    size_t b, at;

    if (offset > map->len)
        offset = map->len;
    b = offset / ECO_I_TEXT_BLOCK;
    if (b >= map->blocks)
        b = map->blocks - 1;
    *line = map->block_line[b];
    *column = map->block_column[b];
    for (at = b * ECO_I_TEXT_BLOCK; at < offset; at++)
        if (at >= map->skip)
            step((unsigned char)map->text[at], line, column);
}

/* ---- Lines of a text drawn from another file -------------------------------------------- */

void eco_i_origin_place(const eco_i_origin *origin, const char *source, int *line,
                        const char **where, char *buf, size_t size)
{
    size_t i;

    *where = source;
    if (!origin || origin->lines == 0 || *line <= 0)
        return;
    i = (size_t)*line - 1 < origin->lines ? (size_t)*line - 1 : origin->lines - 1;
    *line = origin->line[i];
    if (origin->page && snprintf(buf, size, "%s#page=%d", source, origin->page[i]) < (int)size)
        *where = buf;
}
