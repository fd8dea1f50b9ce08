/* The scans every imported sentence goes through give the answers of the plain byte-by-byte
 * tests, eight bytes at a time; records an actor gathers come out in order however they
 * arrived. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hub.h"

static int is_capital(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Every byte value in every one of the eight places, among neighbours of every kind. */
static void each_byte_is_tested_alone(void **state)
{
    (void)state;
    for (int b = 0; b < 256; b++)
        for (int at = 0; at < 8; at++)
            for (int other = 0; other < 256; other += 15) {
                unsigned char bytes[8];
                uint64_t w, capitals, leads;
                memset(bytes, other, sizeof(bytes));
                bytes[at] = (unsigned char)b;
                memcpy(&w, bytes, 8);
                capitals = eco_i_capitals8(w);
                leads = eco_i_lead_bytes8(w);
                for (int k = 0; k < 8; k++) {
                    unsigned char c = ((unsigned char *)&capitals)[k],
                                  l = ((unsigned char *)&leads)[k];
                    assert_int_equal(c, is_capital(bytes[k]) ? 0x80 : 0);
                    assert_int_equal(l, bytes[k] >= 0xC3 ? 0x80 : 0);
                }
            }
}

static void lowering_touches_only_capitals(void **state)
{
    const char *text = "UNDP Accelerator Lab [Côte d'Ivoire] & ÉCOLE @Z`";
    char out[64];
    (void)state;
    eco_i_lower_ascii(out, text, strlen(text) + 1);
    assert_string_equal(out, "undp accelerator lab [côte d'ivoire] & École @z`");
}

static void words_are_whole_and_prefixes_start(void **state)
{
    (void)state;
    assert_true(eco_i_is_word("partners such", 8, "partners"));
    assert_false(eco_i_is_word("partners such", 7, "partners"));
    assert_false(eco_i_is_word("partner", 7, "partners"));
    assert_false(eco_i_is_word("pa\0", 3, "pan"));
    assert_true(eco_i_starts("UNDP Accelerator Lab", "UNDP "));
    assert_false(eco_i_starts("UND", "UNDP"));
    assert_true(eco_i_starts("anything", ""));
}

static void records_appended_in_any_order_are_sorted_once(void **state)
{
    eco_graph *g;
    size_t a;
    (void)state;
    assert_int_equal(eco_graph_new(&g), 0);
    assert_int_equal(eco_graph_add_actor(&a, g, NULL, "Nesta", ECO_TYPE_UNKNOWN, NULL), 0);
    assert_int_equal(eco_i_graph_append_actor_record(g, a, "r3"), 0);
    assert_int_equal(eco_i_graph_append_actor_record(g, a, "r1"), 0);
    assert_int_equal(eco_i_graph_append_actor_record(g, a, "r3"), 0);
    assert_int_equal(eco_i_graph_append_actor_record(g, a, "r2"), 0);
    /* a record added in order first puts the appended ones in order */
    assert_int_equal(eco_graph_add_actor_record(g, a, "r0"), 0);
    assert_int_equal(eco_i_graph_append_actor_record(g, a, "r1"), 0);
    eco_i_graph_sort_records(g);
    const eco_actor *actor = eco_graph_actor(g, a);
    assert_int_equal(actor->record_count, 4);
    for (size_t k = 0; k < 4; k++) {
        char id[3] = {'r', (char)('0' + k), '\0'};
        assert_string_equal(actor->records[k], id);
    }
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_byte_is_tested_alone),
        cmocka_unit_test(lowering_touches_only_capitals),
        cmocka_unit_test(words_are_whole_and_prefixes_start),
        cmocka_unit_test(records_appended_in_any_order_are_sorted_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
