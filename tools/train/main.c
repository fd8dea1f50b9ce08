/*
 * tools/train/main.c - train-extractor: the extractor's models, learned from the labelled
 * records of ../shared, and their cross-validated maps.
 *
 * usage: train-extractor [--shared DIR] [--out DIR] [--cross-validate K] [--cost C]
 *                        [--negative-weight W] [--dump FILE]
 *
 * Every record a gold file names is read once with the rules alone, and the importer shows
 * each span and pair it weighs; a span whose folded text is a name of one of the record's
 * gold actors is an organisation (of the gold type), and one that is not is none when the
 * record is fully labelled (annotated-24, the seeds).  undp-alp-train lists partners only:
 * it gives positives and types, never negatives.  By default the models learned from every
 * record are written to --out (data/model).  With --cross-validate K, records are cut into
 * K folds by a hash of their file name, one assignment for every gold file; the models of
 * fold k learn from the other folds and go to OUT/fold-k/; then the records of each gold
 * file are imported into one map, each with the models of its own fold, and the map is
 * written as OUT/NAME.json (NetworkX node-link) for tools/score-extraction.
 *
 * Beside the models goes common.words, the words records write in small letters (words.h),
 * learned from the text of every record of ../shared/records and, for a fold, of every
 * record not in it.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"
#include "ecomap.h"
#include "gold.h"
#include "learning.h"
#include "words.h"

typedef struct options {
    const char *shared; /* ../shared */
    const char *out;    /* where the models, or the cross-validated maps, go */
    int folds;          /* 0: train on all */
    double cost;        /* LIBLINEAR's C */
    const char *dump;   /* where to write every example, or NULL */
} options;

static const struct gold_set {
    const char *name;   /* the gold file's name without .json */
    int fully_labelled; /* every organisation of its records is listed */
} sets[] = {{"annotated-24", 1}, {"seeds", 1}, {"undp-alp-train", 0}};

#define SET_COUNT (sizeof(sets) / sizeof(sets[0]))

static int usage(void)
{
    fprintf(
        stderr,
        "usage: train-extractor [--shared DIR] [--out DIR] [--cross-validate K] [--cost C]\n"
        "                       [--negative-weight W] [--dump FILE]\n"
        "  --shared DIR          the labelled records: DIR/gold/*.json, DIR/records (../shared)\n"
        "  --out DIR             where the models go (data/model), or with --cross-validate\n"
        "                        the folds' models and the maps of each gold file\n"
        "  --cross-validate K    K folds of records: each record read with the models that\n"
        "                        did not learn from it (bench/extraction scores the maps)\n"
        "  --cost C              LIBLINEAR's cost of errors against the weights' size (0.3)\n"
        "  --negative-weight W   how much a span that is no name weighs against one that is (1)\n"
        "  --dump FILE           every example with its label and features, a line each\n");
    return 64;
}

static int parse_args(options *o, int argc, char **argv)
{
    *o = (options){"../shared", "data/model", 0, 0.3, NULL};
    for (int i = 1; i < argc; i++) {
        char *end = NULL;
        if (i + 1 >= argc) /* every option takes a value; --help and strays end here */
            return -1;
        if (strcmp(argv[i], "--shared") == 0)
            o->shared = argv[++i];
        else if (strcmp(argv[i], "--dump") == 0)
            o->dump = argv[++i];
        else if (strcmp(argv[i], "--out") == 0)
            o->out = argv[++i];
        else if (strcmp(argv[i], "--cross-validate") == 0) {
            long k = strtol(argv[++i], &end, 10);
            if (*end || k < 2 || k > 50)
                return -1;
            o->folds = (int)k;
        } else if (strcmp(argv[i], "--negative-weight") == 0) {
            double w = strtod(argv[++i], &end);
            if (*end || !(w > 0))
                return -1;
            corpus_set_negative_weight(w);
        } else if (strcmp(argv[i], "--cost") == 0) {
            o->cost = strtod(argv[++i], &end);
            if (*end || !(o->cost > 0))
                return -1;
        } else
            return -1;
    }
    return 0;
}

/* The fold of a record: a hash of its file name that is the same on every machine. */
static int fold_of(const char *record, int folds)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    for (const unsigned char *p = (const unsigned char *)record; *p; p++)
        h = (h ^ *p) * 0x100000001B3ULL;
    return (int)(h % (uint64_t)folds);
}

/* The file of a record: DIR/records/ANY/NAME.  0 with path filled, or -1. */
static int find_record(const char *shared, const char *name, char *path, size_t n)
{
    char dir[4096];
    struct dirent **entries = NULL;
    struct stat st;
    int count, found = -1;

    snprintf(dir, sizeof(dir), "%s/records", shared);
    if ((count = scandir(dir, &entries, NULL, alphasort)) < 0)
        return -1;
    for (int i = 0; i < count; i++) {
        if (found < 0 && entries[i]->d_name[0] != '.') {
            snprintf(path, n, "%s/%s/%s", dir, entries[i]->d_name, name);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
                found = 0;
        }
        free(entries[i]);
    }
    free(entries);
    return found;
}

int main(int argc, char **argv)
{
    options o;
    gold_file gold[SET_COUNT];
    corpus *c = NULL;
    words *w = NULL;
    eco_error err = {0};
    char line[800];
    int rc = 0;

    if (parse_args(&o, argc, argv) < 0)
        return usage();
    memset(gold, 0, sizeof(gold));
    for (size_t s = 0; s < SET_COUNT && rc == 0; s++) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/gold/%s.json", o.shared, sets[s].name);
        rc = gold_load(&gold[s], path, sets[s].fully_labelled, &err);
    }
    if (rc == 0)
        rc = corpus_read(&c, gold, SET_COUNT, o.shared, find_record, &err);
    if (rc == 0 && o.dump)
        rc = corpus_dump(c, o.dump, &err);
    if (rc == 0)
        rc = words_read(&w, o.shared, &err);
    if (rc == 0 && o.folds == 0 && (rc = corpus_train(c, NULL, 0, 0, o.cost, o.out, &err)) == 0)
        rc = words_write(w, NULL, 0, 0, o.out, &err);
    for (int k = 0; rc == 0 && k < o.folds; k++) {
        char dir[4096];
        snprintf(dir, sizeof(dir), "%s/fold-%d", o.out, k);
        if ((rc = corpus_train(c, fold_of, k, o.folds, o.cost, dir, &err)) == 0)
            rc = words_write(w, fold_of, k, o.folds, dir, &err);
    }
    if (rc == 0 && o.folds)
        rc = corpus_cross_maps(c, gold, SET_COUNT, fold_of, o.folds, o.out, &err);
    if (rc < 0)
        fprintf(stderr, "%s\n", eco_error_format(&err, "error", line, sizeof(line)));
    corpus_free(c);
    words_free(w);
    for (size_t s = 0; s < SET_COUNT; s++)
        gold_free(&gold[s]);
    return rc < 0 ? eco_error_exit_status(rc) : 0;
}
