/*
 * tests/faults/fail_alloc.c - out of memory at every allocation of an import and export.
 *
 * This program replaces malloc, calloc, realloc, free and the aligned allocators for the
 * whole process (glibc lets an executable define them; they forward to __libc_malloc and
 * its kin), counts the blocks that are live, and can fail exactly the Nth allocation of a
 * run.  A run goes through the public API only: one importer, with an alias file, takes a
 * UNDP plan, a node-link JSON, a CSV of ties and minutes in plain text from memory and a
 * folder holding a Kumu CSV pair, and finishes (reads and resolves) them into a map; a
 * native map is loaded and absorbed into it; then the run asks for the statistics,
 * betweenness (ecomap's own code) and harmonic centrality (igraph's), and exports to every
 * format but DOT, to files and once to memory.
 *
 * One clean run gives the reference, a second one the baseline: what igraph, jansson and
 * the C library keep for the process after their first use is not counted as a leak.
 * Then for N = 1, 2, ... until a run no longer reaches N, a run in a child process (so that
 * a crash is told as the finding of its N) fails the Nth allocation alone, and:
 *   - every call returns 0 or ECO_ENOMEM, with its eco_error saying the same; nothing
 *     crashes or aborts, and the calls after a failed one still work on what it left;
 *   - a run in which every call returned 0 gives what the clean run gave, byte for byte
 *     (a failure was absorbed without changing the result, not swallowed);
 *   - once everything is freed, as many blocks are live as before the run, and no
 *     temporary output file is left behind.
 *
 * Left out, because the dependency itself fails this test and ecomap cannot help it:
 *   - DOT export and rendering (eco_diagram_*, eco_report_write): Graphviz does not check
 *     its allocations.  cgraph crashes (in agopen, agnode) when one of them fails, as its
 *     memory discipline clears what malloc returned without looking, and gvc exits the
 *     process when memory runs out, by design.
 *   - Communities: igraph 0.10.2's Leiden leaks the storage of a vector list whose items it
 *     could not allocate (igraph_vector_int_list_init), and its Louvain crashes.  PageRank
 *     (PRPACK) leaks too.  Each still returns IGRAPH_ENOMEM where it does not crash, and
 *     ecomap makes that ECO_ENOMEM.
 *
 * Usage: fail_alloc [N].  With N, only the run that fails allocation N, in this process,
 * told call by call with the stack of the allocation that fails: to replay one finding.
 */
#define _GNU_SOURCE /* fmemopen, mkdtemp, and the prototypes of memalign, valloc, pvalloc */
#include <dirent.h>
#include <errno.h>
#include <execinfo.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ecomap.h"

/* ---- The allocator ---------------------------------------------------------------------- */

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

static atomic_long live;     /* blocks allocated and not yet freed */
static atomic_long counted;  /* allocations since the run was armed */
static atomic_long fail_at;  /* the allocation to fail, from 1; 0 for none */
static atomic_int armed;     /* 1 while the library is under test */
static atomic_int injected;  /* 1 once the Nth allocation has failed */
static int show_stack;       /* 1: print the stack of the allocation that fails */

/* Counts an allocation of the run, and says whether it is the one to fail. */
static int must_fail(void)
{
    if (!atomic_load(&armed))
        return 0;
    if (atomic_fetch_add(&counted, 1) + 1 != atomic_load(&fail_at))
        return 0;
    atomic_store(&injected, 1);
    if (show_stack) { /* backtrace allocates nothing once it has run: main calls it first */
        void *frames[64];
        fputs("  the failing allocation:\n", stderr);
        backtrace_symbols_fd(frames, backtrace(frames, 64), 2);
    }
    errno = ENOMEM;
    return 1;
}

static void *counted_block(void *p)
{
    if (p)
        atomic_fetch_add(&live, 1);
    return p;
}

void *malloc(size_t size)
{
    return must_fail() ? NULL : counted_block(__libc_malloc(size));
}

void *calloc(size_t n, size_t size)
{
    return must_fail() ? NULL : counted_block(__libc_calloc(n, size));
}

void free(void *p)
{
    if (p)
        atomic_fetch_sub(&live, 1);
    __libc_free(p);
}

void *realloc(void *p, size_t size)
{
    if (!p)
        return malloc(size);
    if (size == 0) { /* glibc frees the block and returns NULL */
        free(p);
        return NULL;
    }
    return must_fail() ? NULL : __libc_realloc(p, size); /* on failure p stays, and live */
}

/* glibc's own reallocarray calls its realloc directly, past this one. */
void *reallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, n * size);
}

void *memalign(size_t alignment, size_t size)
{
    return must_fail() ? NULL : counted_block(__libc_memalign(alignment, size));
}

void *aligned_alloc(size_t alignment, size_t size)
{
    return memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size)
{
    void *p;
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    if (!(p = memalign(alignment, size)))
        return ENOMEM;
    *out = p;
    return 0;
}

void *valloc(size_t size)
{
    return must_fail() ? NULL : counted_block(__libc_valloc(size));
}

void *pvalloc(size_t size)
{
    return must_fail() ? NULL : counted_block(__libc_pvalloc(size));
}

/* ---- Reporting -------------------------------------------------------------------------- */

static long current_n; /* the allocation that fails in this run; 0 in a clean run */
static int verbose;    /* 1: tell each call's result */
static int in_child;   /* 1 in the process of one run: the folder is its parent's */

static char dir[256]; /* the run's folder */
static void remove_folder(void);

static _Noreturn void die(const char *fmt, ...)
{
    va_list ap;
    atomic_store(&armed, 0);
    fprintf(stderr, "fail_alloc: N=%ld: ", current_n);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (verbose)
        fprintf(stderr, "fail_alloc: what the run wrote is left in %s\n", dir);
    else if (dir[0] && !in_child)
        remove_folder();
    exit(1);
}

/* The harness's own work (reading files back, listing a folder) is neither counted nor
 * failed: only the library is under test. */
static int pause_faults(void)
{
    return atomic_exchange(&armed, 0);
}

static void resume_faults(int was)
{
    atomic_store(&armed, was);
}

/* ---- Inputs ----------------------------------------------------------------------------- */

static const char undp_plan[] =
    "# Thinkia Lab: water for everyone\r\n\r\n[[year:2022]]\r\n[[country:Dominican Republic]]\r\n"
    "## Partners\r\n\r\n"
    "<div class=\"group\">\r\n\r\n> Please state the name of the Parter:\r\n\r\n"
    "Ministry of Water &amp; Sanitation (national level)\r\n\r\n</div>\r\n"
    "<div class=\"group\">\r\n\r\n"
    "> Please provide a brief description of the collaboration.\r\n\r\n"
    "Thinkia is managed together with the Water Users Association, with funding from the "
    "Inter-American Development Bank (IDB).\r\n\r\n</div>\r\n"
    "<div class=\"group\">\r\n\r\n> Please state the name of the Parter:\r\n\r\n"
    "Datalat and OpenlabEC\r\n\r\n</div>\r\n";

static const char node_link[] =
    "{\"directed\": true, \"nodes\": [{\"id\": 1, \"label\": \"Ministry of Health\", \"size\": "
    "3.5, \"tags\": [\"a\", \"b|c\"], \"extra\": {\"k\": 1}}, {\"id\": \"x y\", \"name\": "
    "\"Acme\", \"type\": \"Company\"}], \"links\": [{\"source\": 1, \"target\": \"x y\", "
    "\"relation\": \"funds\", \"since\": 2019}, {\"source\": \"x y\", \"target\": 9}]}";

static const char kumu_elements[] =
    "\xEF\xBB\xBF"
    "Label,Type,Description,Tags,Website\r\n"
    "Ministério da Saúde,Ministry,\"Health, \"\"public\"\"\nsecond line\",a|b,https://x\r\n"
    "Acme,Company,,,\r\n"
    "Verde,Organização não governamental,,,\r\n";

static const char kumu_connections[] = "From,To,Type,Direction,Strength,Description\n"
                                       "Ministério da Saúde,Acme,Funding,,3,Yearly grant\n"
                                       "Acme,Ghost,Member of,,,\n"
                                       "Verde,Acme,Mentoring,mutual,,\n";

/* Two records' worth of a native map: a name in two countries, aliases, attributes, and
 * evidence with and without a record. */
static const char native_map[] =
    "{\"format\": \"ecomap\", \"version\": 1,\n"
    " \"records\": [{\"id\": \"003_case.txt\", \"path\": \"records/003_case.txt\", \"format\": "
    "\"opsi\", \"title\": \"LabX, \\\"the lab\\\"\", \"country\": \"Portugal\", \"year\": 2019}],\n"
    " \"actors\": [\n"
    "  {\"id\": \"ama\", \"name\": \"AMA \u2013 Ag\u00eancia para a Moderniza\u00e7\u00e3o "
    "Administrativa\", \"type\": \"government\", \"country\": \"Portugal\", \"aliases\": "
    "[\"AMA\", \"Agency for Administrative Modernisation\"], \"attributes\": {\"website\": "
    "\"https://ama.gov.pt/?a=1&b=<2>\"}, \"records\": [\"003_case.txt\"]},\n"
    "  {\"id\": \"labx\", \"name\": \"LabX\", \"type\": \"lab\", \"country\": \"Portugal\", "
    "\"aliases\": [\"Laborat\u00f3rio de Experimenta\u00e7\u00e3o\"], \"attributes\": "
    "{\"founded\": \"2017\"}, \"records\": [\"003_case.txt\"]},\n"
    "  {\"id\": \"edu-cl\", \"name\": \"Ministry of Education\", \"type\": \"government\", "
    "\"country\": \"Chile\", \"aliases\": [], \"attributes\": {}, \"records\": []},\n"
    "  {\"id\": \"edu-pt\", \"name\": \"Ministry of Education\", \"type\": \"government\", "
    "\"country\": \"Portugal\", \"aliases\": [], \"attributes\": {}, \"records\": []}],\n"
    " \"ties\": [\n"
    "  {\"source\": \"ama\", \"target\": \"labx\", \"kind\": \"hosting\", \"directed\": true, "
    "\"weight\": 2, \"evidence\": [{\"record\": \"003_case.txt\", \"source\": "
    "\"records/003_case.txt\", \"line\": 12, \"text\": \"LabX is a unit of AMA.\"}, {\"record\": "
    "null, \"source\": null, \"line\": null, \"text\": \"AMA | LabX; \\\"hosting\\\"\\nacross "
    "lines\"}]},\n"
    "  {\"source\": \"edu-pt\", \"target\": \"labx\", \"kind\": \"partnership\", \"directed\": "
    "false, \"weight\": 1, \"evidence\": []}]}\n";

static const char ties_csv[] =
    "source,target,kind,weight,evidence,source_country,target_country\n"
    "LabX,AMA - Administrative Modernisation Agency,hosting,1,\"LabX is hosted by AMA, the "
    "agency.\",Portugal,Portugal\n"
    "Ministry of Education,Ministerio de Educaci\u00f3n,related,1,,Portugal,Chile\n";

static const char minutes[] =
    "Minutes of the board.\n\nThe Agency for Digital Government (AGD) and the Ministry of "
    "Finance agreed to fund the Civic Innovation Lab, a member of the Network of Public "
    "Innovation Labs.\n";

static const char alias_file[] = "alias,canonical\n"
                                 "Datalat,OpenlabEC\n";

/* ---- What a run gives ------------------------------------------------------------------- */

#define MAX_ACTORS 256
#define MAX_OUTPUTS 16
#define MEMORY_SIZE (1 << 20)

typedef struct output {
    char path[512];  /* a file of the run; "" for the export to memory */
    char *bytes;     /* what the clean run wrote */
    size_t len;      /* its length */
} output;

typedef struct results {
    eco_stats stats;                   /* eco_query_stats */
    size_t actors;                     /* actors after resolution */
    double betweenness[MAX_ACTORS];    /* eco_query_measure: our own code */
    double harmonic[MAX_ACTORS];       /* eco_query_measure: igraph's */
} results;

static char map_path[512];           /* the native map it loads */
static char alias_path[600];         /* the alias file */
static char kumu_dir[600];           /* a folder of Kumu tables */
static output outputs[MAX_OUTPUTS];  /* files and memory written, in the run's order */
static size_t output_count;          /* entries in outputs */
static char memory[MEMORY_SIZE];     /* the export to memory */
static results reference;            /* what the clean run gave */

static int warnings; /* warnings given: the path that formats them runs too */

static void count_warning(const eco_error *w, void *context)
{
    (void)w;
    (void)context;
    warnings++;
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0)
        die("cannot write %s", path);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *bytes = NULL;
    long size;

    if (!fp || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
        fseek(fp, 0, SEEK_SET) != 0 || !(bytes = malloc((size_t)size + 1)) ||
        fread(bytes, 1, (size_t)size, fp) != (size_t)size)
        die("cannot read %s", path);
    fclose(fp);
    *len = (size_t)size;
    return bytes;
}

/* ---- One run ---------------------------------------------------------------------------- */

typedef struct run {
    int failed_calls; /* calls that returned ECO_ENOMEM */
    size_t written;   /* outputs written so far */
} run;

/* A call's result must be 0, or ECO_ENOMEM once the failure has been injected; err, when
 * the call takes one, must say the same.  Returns 1 when the call succeeded. */
static int check(run *r, int rc, const eco_error *err, const char *call)
{
    static long before; /* allocations before the call */
    if (verbose) {
        long now = atomic_load(&counted);
        fprintf(stderr, "  %5ld allocations  %s: %d%s%s\n", now - before, call, rc,
                err && err->code ? ", " : "", err && err->code ? err->text : "");
        before = now;
    }
    if (rc == 0 && (!err || err->code == 0))
        return 1;
    if (rc == ECO_ENOMEM && atomic_load(&injected) && (!err || err->code == ECO_ENOMEM)) {
        r->failed_calls++;
        return 0;
    }
    if (rc == 0)
        die("%s returned 0 but its error says %d: %s", call, err->code, err->text);
    die("%s returned %d, error %d: %s", call, rc, err ? err->code : 0, err ? err->text : "");
    return 0;
}

#define CALL(r, err, expr) (eco_error_clear(err), check(r, (expr), (err), #expr))
#define CALL_NO_ERR(r, expr) check(r, (expr), NULL, #expr)

static void note_output(run *r, const char *path)
{
    if (r->written >= MAX_OUTPUTS)
        die("more than %d outputs", MAX_OUTPUTS);
    if (current_n == 0) {
        snprintf(outputs[r->written].path, sizeof(outputs[r->written].path), "%s", path);
        output_count = r->written + 1;
    }
    r->written++;
}

static void exports(run *r, const eco_graph *g)
{
    const char *const *names = eco_export_formats();
    eco_error err;

    for (size_t i = 0; names[i]; i++) {
        eco_export_format format;
        char path[512];

        if (eco_export_format_from_name(&format, names[i]) < 0)
            die("export format %s has no value", names[i]);
        if (format == ECO_EXPORT_DOT) /* Graphviz: see the top of this file */
            continue;
        snprintf(path, sizeof(path), "%s/out-%s.%s", dir, names[i],
                 format == ECO_EXPORT_KUMU || format == ECO_EXPORT_NEO4J ? "csv" : "out");
        if (CALL(r, &err, eco_export_file(g, format, NULL, path, &err)) == 0)
            continue;
        if (format == ECO_EXPORT_KUMU) {
            static const char *const tables[] = {"elements", "connections", "records"};
            for (size_t k = 0; k < 3; k++) {
                snprintf(path, sizeof(path), "%s/out-kumu.%s.csv", dir, tables[k]);
                note_output(r, path);
            }
        } else if (format == ECO_EXPORT_NEO4J) {
            snprintf(path, sizeof(path), "%s/out-neo4j.nodes.csv", dir);
            note_output(r, path);
            snprintf(path, sizeof(path), "%s/out-neo4j.relationships.csv", dir);
            note_output(r, path);
        } else {
            note_output(r, path);
        }
    }
}

/* The Kumu tables one after another into memory.  The stream is opened and closed outside
 * the faults, as a caller's own stream would be. */
static void export_to_memory(run *r, const eco_graph *g, size_t *len)
{
    int was = pause_faults();
    FILE *fp = fmemopen(memory, sizeof(memory), "w");
    eco_error err;
    int ok;

    if (!fp)
        die("cannot open a stream in memory");
    resume_faults(was);
    ok = CALL(r, &err, eco_export_stream(g, ECO_EXPORT_KUMU, NULL, fp, "<memory>", &err));
    was = pause_faults();
    if (fflush(fp) != 0)
        die("the stream in memory is full");
    *len = ok ? (size_t)ftell(fp) : 0;
    fclose(fp);
    resume_faults(was);
}

/* One run through the API.  Returns 1 when every call succeeded, with what it found in
 * *found. */
static int run_once(run *r, results *found, size_t *memory_len)
{
    eco_import_options opt = ECO_IMPORT_OPTIONS_INIT;
    eco_query_options query = ECO_QUERY_OPTIONS_INIT;
    eco_importer *imp = NULL;
    eco_graph *g = NULL, *map = NULL;
    eco_error err;

    opt.warn = count_warning;
    opt.aliases = alias_path;
    query.threads = 1; /* a thread's stack and TLS belong to the C library, not to ecomap */
    memset(found, 0, sizeof(*found));
    if (!CALL(r, &err, eco_importer_new(&imp, &opt, &err)))
        return 0;
    /* an input that could not be listed is left out, and the import goes on without it */
    CALL(r, &err, eco_importer_add_buffer(imp, undp_plan, sizeof(undp_plan) - 1, "plan.md", &err));
    CALL(r, &err, eco_importer_add_buffer(imp, node_link, sizeof(node_link) - 1, "g.json", &err));
    CALL(r, &err, eco_importer_add_path(imp, kumu_dir, &err));
    CALL(r, &err, eco_importer_add_buffer(imp, ties_csv, sizeof(ties_csv) - 1, "ties.csv", &err));
    CALL(r, &err, eco_importer_add_buffer(imp, minutes, sizeof(minutes) - 1, "minutes.txt", &err));
    CALL(r, &err, eco_importer_finish(imp, &g, &err));
    eco_importer_free(imp);
    if (!g)
        return 0;
    if (CALL(r, &err, eco_graph_load(&map, map_path, &err)))
        CALL(r, &err, eco_graph_absorb(g, map, &err));
    eco_graph_free(map);

    found->actors = eco_graph_actor_count(g);
    if (found->actors > MAX_ACTORS)
        die("%zu actors: MAX_ACTORS is too small", found->actors);
    CALL(r, &err, eco_query_stats(&found->stats, g, &err));
    CALL(r, &err, eco_query_measure(found->betweenness, g, ECO_MEASURE_BETWEENNESS, &query, &err));
    CALL(r, &err, eco_query_measure(found->harmonic, g, ECO_MEASURE_HARMONIC, &query, &err));

    exports(r, g);
    export_to_memory(r, g, memory_len);
    eco_graph_free(g);
    return r->failed_calls == 0;
}

/* ---- Checks after a run ----------------------------------------------------------------- */

/* No hidden temporary file (".NAME.XXXXXX") is left in the run's folder. */
static void check_no_temporary_files(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d)
        die("cannot list %s", dir);
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            die("a temporary file is left behind: %s/%s", dir, e->d_name);
    closedir(d);
}

static void remove_outputs(void)
{
    for (size_t i = 0; i < output_count; i++)
        unlink(outputs[i].path);
}

/* A run whose every call succeeded must give what the clean run gave. */
static void compare_with_reference(const results *found, size_t memory_len)
{
    if (memcmp(&found->stats, &reference.stats, sizeof(found->stats)) != 0)
        die("the statistics differ from the clean run's");
    if (found->actors != reference.actors ||
        memcmp(found->betweenness, reference.betweenness, sizeof(found->betweenness)) != 0)
        die("betweenness differs from the clean run's");
    if (memcmp(found->harmonic, reference.harmonic, sizeof(found->harmonic)) != 0)
        die("Harmonic centrality differs from the clean run's");
    for (size_t i = 0; i < output_count; i++) {
        size_t len;
        char *bytes = outputs[i].path[0] ? read_file(outputs[i].path, &len) : NULL;
        if (!bytes) {
            bytes = malloc(memory_len ? memory_len : 1);
            memcpy(bytes, memory, memory_len);
            len = memory_len;
        }
        if (len != outputs[i].len || memcmp(bytes, outputs[i].bytes, len) != 0) {
            if (verbose && outputs[i].path[0]) { /* kept for a diff */
                char path[600];
                FILE *fp;
                snprintf(path, sizeof(path), "%s.expected", outputs[i].path);
                if ((fp = fopen(path, "wb"))) {
                    fwrite(outputs[i].bytes, 1, outputs[i].len, fp);
                    fclose(fp);
                }
            }
            die("%s differs from the clean run's", outputs[i].path[0] ? outputs[i].path
                                                                       : "the export to memory");
        }
        free(bytes);
    }
}

/* Runs once with allocation n failing (0: none).  Returns 1 when the run reached n. */
static int run_failing(long n, long *allocations)
{
    results found;
    size_t memory_len = 0;
    run r = {0, 0};
    long before;
    int clean;

    remove_outputs();
    current_n = n;
    before = atomic_load(&live);
    atomic_store(&counted, 0);
    atomic_store(&injected, 0);
    atomic_store(&fail_at, n);
    atomic_store(&armed, 1);
    clean = run_once(&r, &found, &memory_len);
    atomic_store(&armed, 0);
    *allocations = atomic_load(&counted);
    if (atomic_load(&live) != before)
        die("%ld blocks leaked (%ld live before the run, %ld after)", atomic_load(&live) - before,
            before, atomic_load(&live));
    check_no_temporary_files();
    if (n > 0 && !atomic_load(&injected) && !clean)
        die("a call failed though no allocation did");
    if (n > 0 && clean)
        compare_with_reference(&found, memory_len);
    if (verbose)
        fprintf(stderr, "  %ld allocations, %d calls out of memory\n", *allocations,
                r.failed_calls);
    return atomic_load(&injected);
}

/* The clean run: the reference results and outputs. */
static void run_reference(void)
{
    size_t memory_len = 0;
    run r = {0, 0};

    current_n = 0;
    if (!run_once(&r, &reference, &memory_len))
        die("the clean run failed");
    note_output(&r, ""); /* the export to memory comes last */
    output_count = r.written;
    for (size_t i = 0; i < output_count; i++) {
        if (outputs[i].path[0]) {
            outputs[i].bytes = read_file(outputs[i].path, &outputs[i].len);
        } else {
            outputs[i].bytes = malloc(memory_len ? memory_len : 1);
            memcpy(outputs[i].bytes, memory, memory_len);
            outputs[i].len = memory_len;
        }
    }
}

/* Removes the files of folder path, and the folder. */
static void remove_files(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char file[1024];

    while (d && (e = readdir(d))) {
        snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(file);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

static void remove_folder(void)
{
    if (kumu_dir[0])
        remove_files(kumu_dir);
    remove_files(dir);
}

/* Removes what a failed run left in the folder: its temporary files and its outputs. */
static void tidy_folder(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char file[1024];

    while (d && (e = readdir(d))) {
        snprintf(file, sizeof(file), "%s/%s", dir, e->d_name);
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(file);
    }
    if (d)
        closedir(d);
    remove_outputs();
}

enum { PASSED = 0, FAILED = 1, NOT_REACHED = 2 };

/* Runs with allocation n failing in a child process, so that a crash is told as a finding
 * of that N and the runs after it still happen.  PASSED, FAILED or NOT_REACHED. */
static int run_in_child(long n)
{
    long allocations;
    int status;
    pid_t pid;

    fflush(stdout);
    fflush(stderr);
    if ((pid = fork()) < 0)
        die("cannot fork");
    if (pid == 0) {
        in_child = 1;
        exit(run_failing(n, &allocations) ? PASSED : NOT_REACHED);
    }
    if (waitpid(pid, &status, 0) != pid)
        die("cannot wait for the run");
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "fail_alloc: N=%ld: the run was killed by signal %d (%s)\n", n,
                WTERMSIG(status), strsignal(WTERMSIG(status)));
        return FAILED;
    }
    return WEXITSTATUS(status) == PASSED || WEXITSTATUS(status) == NOT_REACHED
               ? WEXITSTATUS(status)
               : FAILED;
}

int main(int argc, char **argv)
{
    const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    struct timespec start, end;
    long allocations = 0, n, only = 0, failures = 0;
    char path[700];
    int status;

    if (argc > 2) {
        fprintf(stderr, "usage: fail_alloc [N]\n");
        return 64;
    }
    if (argc == 2 && ((only = strtol(argv[1], NULL, 10)) <= 0))
        die("N must be a positive number");
    /* A folder in memory when there is one: every export syncs its file to disk. */
    snprintf(dir, sizeof(dir), "%s/ecomap-fail-alloc-XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        die("cannot create a folder in %s", tmp ? tmp : "/tmp");
    snprintf(map_path, sizeof(map_path), "%s/map.json", dir);
    write_file(map_path, native_map);
    snprintf(alias_path, sizeof(alias_path), "%s/aliases.csv", dir);
    write_file(alias_path, alias_file);
    snprintf(kumu_dir, sizeof(kumu_dir), "%s/kumu", dir);
    if (mkdir(kumu_dir, 0700) != 0)
        die("cannot create %s", kumu_dir);
    snprintf(path, sizeof(path), "%s/1-elements.csv", kumu_dir);
    write_file(path, kumu_elements);
    snprintf(path, sizeof(path), "%s/2-connections.csv", kumu_dir);
    write_file(path, kumu_connections);

    run_reference();
    /* A second clean run: what the first left for the process must not count as a leak. */
    run_failing(0, &allocations);
    if (only) {
        void *frame;
        backtrace(&frame, 1); /* loads what it needs now, not in the run */
        verbose = show_stack = 1;
        fprintf(stderr, "N=%ld of %ld allocations:\n", only, allocations);
        run_failing(only, &allocations);
        remove_folder();
        return 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (n = 1; (status = run_in_child(n)) != NOT_REACHED; n++) {
        if (status == FAILED) {
            tidy_folder();
            if (++failures == 20) {
                fprintf(stderr, "fail_alloc: stopping after %ld findings\n", failures);
                break;
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("fail_alloc: %ld allocations in a run; %ld runs, each failing one of them, in %.1f s: "
           "%ld found wanting\n",
           allocations, n - 1,
           (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9,
           failures);
    for (size_t i = 0; i < output_count; i++)
        free(outputs[i].bytes);
    remove_folder();
    return failures ? 1 : 0;
}
