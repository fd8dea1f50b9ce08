/* Measures computed once per map content: kept on the graph until it changes, and in the
 * folder the user names, read back only when whole and for the same map and options. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "internal.h"
#include "random_map.h"

static const shape map_shape = {400, 1500, 0, 0, 1};

static double *betweenness(const eco_graph *g)
{
    double *out = malloc(eco_graph_actor_count(g) * sizeof(double));
    eco_error err = {0};

    assert_non_null(out);
    assert_int_equal(eco_query_measure(out, g, ECO_MEASURE_BETWEENNESS, NULL, &err), 0);
    return out;
}

/* The names of the files in folder, sorted: *count of them, the caller frees the list. */
static size_t measure_files(const char *folder, char names[8][1024])
{
    DIR *d = opendir(folder);
    struct dirent *e;
    size_t count = 0;

    if (!d)
        return 0;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && count < 8)
            snprintf(names[count++], 1024, "%s/%s", folder, e->d_name);
    closedir(d);
    return count;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *b;

    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    *len = (size_t)ftell(fp);
    fseek(fp, 0, SEEK_SET);
    assert_non_null(b = malloc(*len));
    assert_int_equal(fread(b, 1, *len, fp), *len);
    fclose(fp);
    return b;
}

static void spill(const char *path, const unsigned char *b, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(b, 1, len, fp), len);
    fclose(fp);
}

static uint64_t get64(const unsigned char *at)
{
    uint64_t v = 0;
    for (int k = 7; k >= 0; k--)
        v = (v << 8) | at[k];
    return v;
}

/* The file's checksum as docs/FORMAT.md gives it, written into its last word. */
static void seal(unsigned char *b, size_t len)
{
    eco_i_hasher h;
    uint64_t sum;

    eco_i_hasher_init(&h);
    for (size_t at = 0; at + 8 < len; at += 8)
        eco_i_hasher_add(&h, get64(b + at));
    sum = h.a ^ h.b;
    for (int k = 0; k < 8; k++)
        b[len - 8 + k] = (unsigned char)(sum >> (8 * k));
}

static void a_run_computes_each_measure_once(void **state)
{
    eco_graph *g = random_map(&map_shape, 3);
    double *first, *second, *fresh;
    eco_graph *same = random_map(&map_shape, 3);

    (void)state;
    first = betweenness(g);
    second = betweenness(g);
    assert_memory_equal(first, second, eco_graph_actor_count(g) * sizeof(double));
    /* a change of weight is a change: the kept result is forgotten */
    assert_int_equal(eco_graph_set_tie_weight(g, 0, 8), 0);
    assert_int_equal(eco_graph_set_tie_weight(same, 0, 8), 0);
    free(second);
    second = betweenness(g);
    fresh = betweenness(same);
    assert_memory_equal(second, fresh, eco_graph_actor_count(g) * sizeof(double));
    free(first);
    free(second);
    free(fresh);
    eco_graph_free(g);
    eco_graph_free(same);
}

static void a_folder_keeps_them_across_runs(void **state)
{
    char root[] = "/tmp/ecomap-measures-XXXXXX", folder[600], names[8][1024];
    eco_graph *g = random_map(&map_shape, 5), *later;
    eco_error err = {0};
    double *truth, *read;
    unsigned char *bytes, *original;
    size_t len, original_len, n = eco_graph_actor_count(g), at;

    (void)state;
    assert_non_null(mkdtemp(root));
    snprintf(folder, sizeof(folder), "%s/missing", root); /* made when first needed */
    assert_int_equal(eco_query_cache_folder(g, folder, &err), 0);
    truth = betweenness(g);
    assert_int_equal(measure_files(folder, names), 1);
    original = slurp(names[0], &original_len);

    /* a later run on the same map reads the file: a value changed in it, sealed again,
     * comes back */
    bytes = slurp(names[0], &len);
    for (at = 0; at + 8 <= len; at += 8)
        if (memcmp(bytes + at, &truth[0], 8) == 0) /* the first value, little-endian here */
            break;
    assert_true(at + 8 < len);
    double planted = truth[0] + 1000;
    memcpy(bytes + at, &planted, 8);
    seal(bytes, len);
    spill(names[0], bytes, len);
    later = random_map(&map_shape, 5);
    assert_int_equal(eco_query_cache_folder(later, folder, &err), 0);
    read = betweenness(later);
    assert_true(read[0] == planted);
    assert_memory_equal(read + 1, truth + 1, (n - 1) * sizeof(double));
    free(read);
    eco_graph_free(later);

    /* a file spoilt by one byte is not believed: computed again, and written whole again */
    bytes[len / 2] ^= 0x40;
    spill(names[0], bytes, len);
    later = random_map(&map_shape, 5);
    assert_int_equal(eco_query_cache_folder(later, folder, &err), 0);
    read = betweenness(later);
    assert_memory_equal(read, truth, n * sizeof(double));
    free(bytes);
    bytes = slurp(names[0], &len);
    assert_int_equal(len, original_len);
    assert_memory_equal(bytes, original, len);
    free(read);

    /* another map, even by one weight, is another file, and the first is not read for it */
    assert_int_equal(eco_graph_set_tie_weight(later, 0, 4), 0);
    read = betweenness(later);
    assert_int_equal(measure_files(folder, names), 2);
    for (size_t k = 0; k < 2; k++)
        unlink(names[k]);
    rmdir(folder);
    rmdir(root);
    free(read);
    free(bytes);
    free(original);
    free(truth);
    eco_graph_free(later);
    eco_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_run_computes_each_measure_once),
        cmocka_unit_test(a_folder_keeps_them_across_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
