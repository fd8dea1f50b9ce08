/* Positions in a text: byte offsets to lines and columns (import/positions.c), counted
 * once per input and asked at a bounded cost, as every warning about a JSON input does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ecomap.h"
#include "hub.h"

/* The line and column of offset in text, counted by hand, byte after byte. */
static void count_by_hand(const char *text, size_t offset, int *line, int *column)
{
    size_t start = strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    *line = *column = 1;
    for (size_t i = start; i < offset; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n')
            ++*line, *column = 1;
        else if ((ch & 0xC0) != 0x80)
            ++*column;
    }
}

static void lines_and_columns_count_characters_not_bytes(void **state)
{
    const char *text = "ab\n\xC3\xA9t\xC3\xA9\nz"; /* "été": the t is the 2nd character */
    eco_i_text_map map;
    int line, column;
    (void)state;

    assert_int_equal(eco_i_text_map_init(&map, text, strlen(text)), 0);
    eco_i_text_map_find(&map, 0, &line, &column);
    assert_int_equal(line, 1);
    assert_int_equal(column, 1);
    eco_i_text_map_find(&map, 5, &line, &column); /* the t */
    assert_int_equal(line, 2);
    assert_int_equal(column, 2);
    eco_i_text_map_find(&map, strlen(text) - 1, &line, &column); /* the z */
    assert_int_equal(line, 3);
    assert_int_equal(column, 1);
    eco_i_text_map_free(&map);
}

static void a_byte_order_mark_takes_no_column(void **state)
{
    const char *text = "\xEF\xBB\xBF{\"a\": 1}";
    eco_i_text_map map;
    int line, column;
    (void)state;

    assert_int_equal(eco_i_text_map_init(&map, text, strlen(text)), 0);
    eco_i_text_map_find(&map, 4, &line, &column); /* the quote after '{' */
    assert_int_equal(line, 1);
    assert_int_equal(column, 2);
    eco_i_text_map_free(&map);
}

/* Across many blocks, on one long line and on many short ones, every offset gives what
 * counting from the start gives; an offset past the end is the end. */
static void every_offset_agrees_with_counting_from_the_start(void **state)
{
    size_t len = 5 * ECO_I_TEXT_BLOCK + 17;
    char *text = malloc(len + 1);
    eco_i_text_map map;
    (void)state;

    assert_non_null(text);
    for (int layout = 0; layout < 2; layout++) {
        for (size_t i = 0; i < len; i++) /* layout 0: one line; 1: a line break every 97 */
            text[i] = layout && i % 97 == 96 ? '\n'
                      : i % 5 == 0           ? '\xC3'
                      : i % 5 == 1           ? '\xA9'
                                             : 'x';
        text[len] = '\0';
        assert_int_equal(eco_i_text_map_init(&map, text, len), 0);
        for (size_t offset = 0; offset <= len + 3; offset += 61) {
            int line, column, want_line, want_column;
            eco_i_text_map_find(&map, offset, &line, &column);
            count_by_hand(text, offset < len ? offset : len, &want_line, &want_column);
            assert_int_equal(line, want_line);
            assert_int_equal(column, want_column);
        }
        eco_i_text_map_free(&map);
    }
    free(text);
}

/* Items of an array are found through its index: the i-th edge's line without walking the
 * edges before it, and a member the item lacks at the item itself. */
static void json_items_are_found_through_the_index_of_their_array(void **state)
{
    const char *text =
        "{\"nodes\": [],\n \"edges\": [\n  {\"source\": \"a\"},\n  {\"source\": \"b\"}\n]}";
    eco_i_json_where where;
    eco_i_json_step path[3] = {{"edges", 0}, {NULL, 1}, {"source", 0}};
    int line, column;
    (void)state;

    eco_i_json_where_init(&where, text, strlen(text));
    eco_i_json_where_find(&where, path, 3, &line, &column);
    assert_int_equal(line, 4);
    assert_int_equal(column, 14);
    path[1].index = 0;
    eco_i_json_where_find(&where, path, 3, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 14);
    path[2].key = "target"; /* not there: the edge that lacks it */
    eco_i_json_where_find(&where, path, 3, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 3);
    path[1].index = 7; /* no such edge: the array */
    eco_i_json_where_find(&where, path, 2, &line, &column);
    assert_int_equal(line, 2);
    assert_int_equal(column, 11);
    eco_i_json_where_end(&where);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_and_columns_count_characters_not_bytes),
        cmocka_unit_test(a_byte_order_mark_takes_no_column),
        cmocka_unit_test(every_offset_agrees_with_counting_from_the_start),
        cmocka_unit_test(json_items_are_found_through_the_index_of_their_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
