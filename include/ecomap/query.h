/*
 * ecomap/query.h - what a graph says: counts, structure and the actors that hold it
 * together.  Queries read a graph and never change it.
 */
#ifndef ECOMAP_QUERY_H
#define ECOMAP_QUERY_H

#include <stddef.h>

#include "ecomap/common.h"
#include "ecomap/error.h"
#include "ecomap/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct eco_stats {
    size_t actors;                              /* actors in the graph */
    size_t ties;                                /* ties in the graph */
    size_t records;                             /* records the graph was built from */
    size_t actors_by_type[ECO_ACTOR_TYPE_COUNT]; /* indexed by eco_actor_type */
    size_t ties_by_kind[ECO_TIE_KIND_COUNT];    /* indexed by eco_tie_kind */
    size_t evidence;                            /* evidence passages over all ties */
    size_t components;                          /* connected components, ties undirected */
    size_t largest_component;                   /* actors in the largest component */
    size_t isolates;                            /* actors with no tie */
    double density;                             /* linked pairs / all pairs; 0 below 2 actors */
} eco_stats;

/*
 * Counts actors by type and ties by kind, and finds the connected components (ties taken
 * as undirected, parallel ties of different kinds as one link) and the density: the share
 * of actor pairs that are linked, n(n-1)/2 pairs for n actors.  O(actors + ties).
 */
ECO_EXPORT int eco_query_stats(eco_stats *out, const eco_graph *g, eco_error *err);

/* ---- How a query reads the map ---------------------------------------------------------- */

/* Options start from ECO_QUERY_OPTIONS_INIT, which sets their version: a query refuses
 * options of a version it does not know with ECO_EUSAGE (ecomap/common.h).  The same holds
 * for eco_approx_options and eco_filter below. */
#define ECO_QUERY_OPTIONS_VERSION 1

typedef struct eco_query_options {
    unsigned int version;     /* ECO_QUERY_OPTIONS_VERSION */
    int directed;             /* 1: ties keep their direction, undirected ones count both ways;
                                 0: every tie is undirected (the default) */
    int weighted;             /* 1: tie weights count (see eco_measure); 0: every tie is 1 */
    unsigned kinds;           /* tie kinds to use, a bit (1u << kind) each; 0 for all kinds */
    eco_progress_fn progress; /* NULL for no progress reports; called from the calling
                                 thread only */
    void *progress_context;   /* handed to progress */
    int threads;              /* threads for betweenness; 0 for one per core */
} eco_query_options;

#define ECO_QUERY_OPTIONS_INIT {ECO_QUERY_OPTIONS_VERSION, 0, 0, 0, NULL, NULL, 0}

/*
 * Every query reads the map as a simple graph: several ties between two actors (of
 * different kinds, or both ways when undirected) are one link whose weight is the sum of
 * theirs.  Self-ties do not exist in a map.
 */

/* ---- Centralities and Burt's structural holes ------------------------------------------- */

typedef enum eco_measure {
    ECO_MEASURE_DEGREE = 0,        /* number of linked actors (in + out when directed) */
    ECO_MEASURE_STRENGTH,          /* sum of link weights, whatever `weighted` says */
    ECO_MEASURE_BETWEENNESS,       /* raw: shortest paths between other pairs through the
                                      actor; undirected pairs counted once */
    ECO_MEASURE_BETWEENNESS_NORM,  /* raw * 2/((n-1)(n-2)) undirected, 1/((n-1)(n-2))
                                      directed, as NetworkX normalises */
    ECO_MEASURE_HARMONIC,          /* sum over others of 1/distance from them (0 if none);
                                      defined on disconnected maps */
    ECO_MEASURE_CLOSENESS,         /* (r-1) / sum of distances from the r-1 actors that
                                      reach it: within its component, no Wasserman-Faust
                                      scaling; NaN when none reaches it */
    ECO_MEASURE_EIGENVECTOR,       /* leading eigenvector, unit Euclidean length; in-links
                                      when directed */
    ECO_MEASURE_PAGERANK,          /* damping 0.85, dangling actors spread evenly */
    ECO_MEASURE_CORENESS,          /* k of the deepest k-core holding the actor, on total
                                      degree */
    ECO_MEASURE_CLUSTERING,        /* share of linked neighbour pairs, on the undirected,
                                      unweighted map; 0 below two neighbours */
    ECO_MEASURE_CONSTRAINT,        /* Burt: how much the actor's contacts tie it in */
    ECO_MEASURE_EFFECTIVE_SIZE,    /* Burt: contacts minus their redundancy */
    ECO_MEASURE_EFFICIENCY,        /* Burt: effective size / number of contacts */
    ECO_MEASURE_HIERARCHY          /* Burt: how much the constraint rests on one contact;
                                      NaN below two contacts */
} eco_measure;

#define ECO_MEASURE_COUNT 14

/* "degree", "strength", "betweenness", "betweenness_norm", "harmonic", "closeness",
 * "eigenvector", "pagerank", "coreness", "clustering", "constraint", "effective_size",
 * "efficiency", "hierarchy"; NULL out of range. */
ECO_EXPORT const char *eco_measure_name(eco_measure measure);

/* Parses a measure's name (and "weighted_degree" for strength).  ECO_EUSAGE if unknown. */
ECO_EXPORT int eco_measure_from_name(eco_measure *out, const char *name);

/*
 * Computes measure for every actor into out (eco_graph_actor_count(g) values).  With
 * opt->weighted, path lengths are the sum of 1/weight over the links taken (a link of
 * weight 2 is twice as short), eigenvector and PageRank take weights as strengths, and
 * Burt's measures use them as NetworkX's weight argument does; NaN marks an undefined
 * value (Burt's measures of an isolated actor).  Betweenness is Brandes' algorithm with the
 * sources shared among opt->threads threads; it equals igraph_betweenness to rounding, and
 * the same map and options give the same bits whatever the number of threads and however
 * they are scheduled (each block of sixty-four sources is summed on its own, and the blocks
 * are added in block order).  Time: O(n + m) for degree, strength, coreness; O(n m)
 * unweighted and O(n m + n^2 log n) weighted for betweenness (divided among the threads),
 * harmonic and closeness; O(m * iterations) for eigenvector and PageRank; O(sum of
 * degree^2) for clustering; O(n + m + triangles) for Burt's measures, each triangle of
 * linked actors found once from its corner of least degree, O(m sqrt m) at worst, so that
 * an actor tied to half the map costs its ties, not their square.
 */
ECO_EXPORT int eco_query_measure(double *out, const eco_graph *g, eco_measure measure,
                                 const eco_query_options *opt, eco_error *err);

/*
 * Keeps the costly measures computed on g (betweenness, harmonic and closeness, exact or
 * estimated) in folder, one file each, and reads them from there instead of computing
 * them again, in this run or a later one on the same map: a file is named by a hash of what
 * the measures read (the number of actors; every tie's ends, kind, direction and weight, in
 * order) and of the measure and options, so that any change to the map or the options
 * reads another file, and a file is checked whole before it is believed
 * (docs/FORMAT.md, "The measure cache").  The folder is made when a measure is first kept
 * and is missing; nothing else is ever written anywhere.  A folder that cannot be read or
 * written costs the time of computing and nothing else.  NULL stops keeping them.  Every
 * measure, costly or not, is also kept on g itself until g changes, so that one run
 * computes it once.  0, or ECO_EUSAGE for an empty name, or ECO_ENOMEM.  O(1).
 */
ECO_EXPORT int eco_query_cache_folder(eco_graph *g, const char *folder, eco_error *err);

/* ---- Approximate betweenness ----------------------------------------------------------- */

#define ECO_APPROX_OPTIONS_VERSION 1

typedef struct eco_approx_options {
    unsigned int version; /* ECO_APPROX_OPTIONS_VERSION */
    double epsilon;       /* the largest absolute error allowed on normalised betweenness,
                             above 0 and below 1 */
    double delta;         /* the chance allowed that some actor's error is larger, above 0
                             and below 1 */
    unsigned long seed;   /* the same seed, map and options give the same estimate, whatever
                             the number of threads */
} eco_approx_options;

#define ECO_APPROX_OPTIONS_INIT {ECO_APPROX_OPTIONS_VERSION, 0.01, 0.1, 1}

/*
 * Estimates betweenness (measure ECO_MEASURE_BETWEENNESS or ECO_MEASURE_BETWEENNESS_NORM)
 * of every actor into out by sampling shortest paths, after Riondato and Kornaropoulos
 * (2016): r pairs of actors drawn at random, one shortest path drawn at random between each,
 * and each actor's estimate the share of paths through it.  With probability at least
 * 1 - approx->delta, every actor's estimate of normalised betweenness is within
 * approx->epsilon of the exact value (raw values: within epsilon times the normalising
 * factor's inverse).  r = (0.5 / e^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta)), where e is
 * epsilon scaled from NetworkX's normalisation to the paper's and VD bounds the actors on a
 * shortest path: twice the largest eccentricity found from one actor of each component,
 * plus one, on an undirected unweighted map; the largest component's size otherwise.
 * *samples, when not NULL, receives r.  ECO_EUSAGE for epsilon or delta out of range.
 * Time: O(n + m) for the bound, then r searches sharing opt->threads threads, each a
 * bidirectional breadth-first search (unweighted) or a Dijkstra search stopped at its
 * target (weighted): O(m) at worst, far less on maps with short paths; r does not grow
 * with the map.
 */
ECO_EXPORT int eco_query_betweenness_approx(double *out, size_t *samples, const eco_graph *g,
                                            eco_measure measure, const eco_approx_options *approx,
                                            const eco_query_options *opt, eco_error *err);

/* What eco_query_betweenness_top drew, and what it promises about the k largest. */
typedef struct eco_top_promise {
    size_t samples;      /* shortest paths drawn */
    double top_floor;    /* the k-th highest lower end: the exact k-th largest value is at
                            least this, so every actor of the exact top k has an upper end
                            at or above it */
    size_t candidates;   /* actors with an upper end at or above top_floor: the exact top k
                            are among them; k when the k largest are told apart */
    double rest_ceiling; /* the (k+1)-th highest upper end (-1 when k covers every actor):
                            an actor whose lower end is above it is in the exact top k */
    size_t sure;         /* actors with a lower end above rest_ceiling, at most k */
    int capped;          /* 1 when drawing stopped before the k largest were told apart:
                            at the cost cap, or at 64 r */
} eco_top_promise;

/*
 * The estimate of eco_query_betweenness_approx with a promise about the k largest values,
 * after Riondato and Upfal's ABRA-k and Borassi and Natale's KADABRA: an interval for every
 * actor and, from the intervals, the actors that may be in the exact top k and those that
 * surely are.
 *
 * With probability at least 1 - approx->delta, every actor's exact value lies in
 * [lower, upper], all actors at once; then the exact top k are among the
 * promise->candidates actors whose upper end reaches promise->top_floor (at least k actors
 * have a value at or above their lower end, so the exact k-th value is at least
 * top_floor, and a top-k actor's upper end is at least its value), and an actor whose lower
 * end is above promise->rest_ceiling is in the exact top k (only the k others with the
 * highest upper ends could be above it).  Ties at the k-th value do not matter: every actor
 * with a value at least the exact k-th is among the candidates.
 *
 * Samples are the sequence eco_query_betweenness_approx draws for approx->epsilon (r of
 * them), drawn in rounds of r/64, r/32, ..., r, then 2r, 4r, ..., 64r; drawing stops after
 * the first round where the candidates are only k (the k largest told apart), or before a
 * round beyond r whose links scanned would pass the cost cap, a quarter of the links exact
 * betweenness's n searches scan (promise->capped), so that the estimate costs a fraction of
 * the exact computation.  An actor seen on a share p of s paths gets the values q with
 * s KL(p || q) <= ln(2 n R / delta), KL the relative entropy of two Bernoulli laws
 * (Chernoff's bound, united over the n actors, both ends and the R = 13 rounds, so that
 * the intervals hold whichever round drawing stops at).  Lower and upper ends rise with the
 * estimate, so the candidates are the highest estimates and the sure ones the first of
 * them.  The answer is the same bits whatever the number of threads (the cap counts links,
 * not time).
 *
 * out, lower and upper hold one value per actor (lower and upper may be NULL); *promise
 * (if not NULL) what was drawn and promised, in the units of out.  k above the actor count
 * is taken as the actor count, 0 as 1.  ECO_EUSAGE for epsilon or delta out of range.
 * Time: O(n + m) for the bound, then up to 64 r searches as in eco_query_betweenness_approx
 * (never more links than the cap beyond the first r), plus O(n log n) a round.
 */
ECO_EXPORT int eco_query_betweenness_top(double *out, double *lower, double *upper,
                                         eco_top_promise *promise, const eco_graph *g,
                                         eco_measure measure, size_t k,
                                         const eco_approx_options *approx,
                                         const eco_query_options *opt, eco_error *err);

/* ---- Brokerage roles (Gould and Fernandez) ----------------------------------------------- */

typedef enum eco_role {
    ECO_ROLE_COORDINATOR = 0, /* a -> v -> b, all three of one group */
    ECO_ROLE_ITINERANT,       /* a and b of one group, v of another (also "consultant") */
    ECO_ROLE_REPRESENTATIVE,  /* a and v of one group, b of another: v speaks for its group */
    ECO_ROLE_GATEKEEPER,      /* v and b of one group, a of another: v lets others in */
    ECO_ROLE_LIAISON,         /* three different groups */
    ECO_ROLE_TOTAL            /* the sum of the five */
} eco_role;

#define ECO_ROLE_COUNT 6

/* "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total". */
ECO_EXPORT const char *eco_role_name(eco_role role);

typedef struct eco_brokerage {
    size_t actor_count; /* rows of the tables below, one per actor */
    size_t group_count; /* distinct groups */
    const char **group; /* each actor's group: its type, country or attribute ("" if none) */
    double *count;      /* actor_count x ECO_ROLE_COUNT: a -> v -> b two-paths with no
                           a -> b link, by role, row-major */
    double *expected;   /* the same shape: expected counts under sna::brokerage's model */
    double *z;          /* (count - expected) / sd; NaN where sd is 0 */
} eco_brokerage;

/*
 * Counts the brokerage roles of every actor, with groups taken from group_by: "type",
 * "country", or the name of an attribute (an actor without it forms the group "").
 * Undirected ties count in both directions, as sna::brokerage counts a symmetric matrix:
 * on an undirected map each path a - v - b is read as a -> v -> b and b -> v -> a, so a
 * coordinator, itinerant or liaison path counts twice, and a path with two groups counts
 * once as representative and once as gatekeeper.  Expected counts and z-scores follow
 * R's sna::brokerage exactly (density d = links / (n (n - 1)), links counted per
 * direction).  *out belongs to the caller: free it with eco_brokerage_free.
 * O(n + m + triangles) to count, as for Burt's measures, whatever the number of groups: a
 * broker's roles come from counts of its contacts by group, less the two-paths that a
 * triangle closes; the expected counts cost O(n + groups).
 */
ECO_EXPORT int eco_query_brokerage(eco_brokerage **out, const eco_graph *g, const char *group_by,
                                   const eco_query_options *opt, eco_error *err);

ECO_EXPORT void eco_brokerage_free(eco_brokerage *b);

/* ---- Cut-points and bridges ------------------------------------------------------------- */

typedef struct eco_cuts {
    size_t cut_point_count; /* actors whose removal splits their component */
    size_t *cut_points;     /* their indices, highest `separated` first */
    size_t *separated;      /* for each cut-point, the actors it alone connects to the rest:
                               those cut off from the largest part left without it */
    size_t bridge_count;    /* links whose removal splits their component */
    size_t *bridges;        /* 2 actor indices a bridge (lower first), in the order of the
                               map's ties */
} eco_cuts;

/* Finds articulation points and bridges of the undirected map.  *out belongs to the caller
 * (eco_cuts_free).  O(n + m) for the search, O(cut-points * (n + m)) for `separated`. */
ECO_EXPORT int eco_query_cuts(eco_cuts **out, const eco_graph *g, const eco_query_options *opt,
                              eco_error *err);

ECO_EXPORT void eco_cuts_free(eco_cuts *cuts);

/* ---- Paths and ego networks ------------------------------------------------------------- */

typedef struct eco_path {
    size_t length;  /* hops */
    size_t *actors; /* length + 1 actor indices, from the first to the last */
    double cost;    /* the sum of link lengths (hops, or 1/weight when weighted) */
} eco_path;

/*
 * The k shortest simple paths from actor `from` to actor `to` (Yen's algorithm), shortest
 * first; fewer when fewer exist, none when `to` cannot be reached.  *out receives an array
 * of *count paths that belongs to the caller (eco_paths_free).  Each hop of a path is one or
 * more ties: eco_graph_find_tie gives their evidence.  O(k n (m + n log n)).
 */
ECO_EXPORT int eco_query_paths(eco_path **out, size_t *count, const eco_graph *g, size_t from,
                               size_t to, size_t k, const eco_query_options *opt, eco_error *err);

ECO_EXPORT void eco_paths_free(eco_path *paths, size_t count);

/*
 * The ego network of actor `center`: it, every actor within `hops` links of it (links read
 * as undirected), and every tie among them, as a new graph with the same ids that belongs
 * to the caller.  O(n + m).
 */
ECO_EXPORT int eco_query_ego(eco_graph **out, const eco_graph *g, size_t center, size_t hops,
                             const eco_query_options *opt, eco_error *err);

/* The actors whose names are closest to name (by edit distance between folded names and
 * aliases), best first: at most max of them into out; returns how many.  O(n * name^2). */
ECO_EXPORT size_t eco_query_similar_names(size_t *out, size_t max, const eco_graph *g,
                                          const char *name);

/* ---- Doubts ----------------------------------------------------------------------------- */

/* What an analyst should look at again in a map, each with the lines of a corrections file
 * that settle it (ecomap check). */
typedef enum eco_doubt_kind {
    ECO_DOUBT_SAME_NAME = 0, /* two actors whose names fold alike, of one country or none */
    ECO_DOUBT_VARIANT,       /* names alike but for a possessive or a plural */
    ECO_DOUBT_ACRONYM,       /* an actor named by an acronym that spells another's initials */
    ECO_DOUBT_WEAK_MERGE,    /* an actor that holds a bare acronym that is not its initials */
    ECO_DOUBT_WORD_ORDER,    /* the same words in another order */
    ECO_DOUBT_FRAGMENT,      /* a name that looks cut: one lower-case word, a final "of" */
    ECO_DOUBT_NO_TYPE,       /* an actor of no known type */
    ECO_DOUBT_NO_COUNTRY,    /* an actor of no country, other than international bodies and
                                networks */
    ECO_DOUBT_TRANSLATION    /* the same name in two languages ("Camara de Comercio de
                                Bogota", "Bogota Chamber of Commerce"); ranked between
                                word order and fragments */
} eco_doubt_kind;

#define ECO_DOUBT_KIND_COUNT 9

typedef struct eco_doubt {
    eco_doubt_kind kind; /* what is doubted */
    size_t actor;        /* the actor in doubt; of a pair, the one to join the other (fewer
                            records, else an acronym, else the longer name) */
    size_t other;        /* the other actor of a pair; (size_t)-1 when there is none */
    const char *form;    /* the name in doubt (the graph's): of a weak merge, the acronym; of
                            two actors of one name, a form of the first that the other shares
                            when folded; else NULL */
    double score;        /* how much it matters: the kind's weight, and the records behind it */
} eco_doubt;

/* "same-name", "variant", "acronym", "weak-merge", "word-order", "fragment", "no-type",
 * "no-country"; NULL for a value out of range. */
ECO_EXPORT const char *eco_doubt_kind_name(eco_doubt_kind kind);

/*
 * The doubts about g's actors, most serious first (by kind, then by the records of the
 * actors concerned, then by index).  Pairs are found through keys of their names (the
 * folded name; each word without a plural or possessive ending; the words sorted; the
 * initials), never by comparing every pair, and a pair is listed once, under its most
 * serious kind.  Actors of two different countries are never a pair.  *out receives an
 * array of *count doubts that belongs to the caller (eco_doubts_free).  0 or ECO_ENOMEM.
 * Expected O(names * length + doubts log doubts), the same key shared by k actors adding k.
 */
ECO_EXPORT int eco_query_doubts(eco_doubt **out, size_t *count, const eco_graph *g,
                                eco_error *err);

ECO_EXPORT void eco_doubts_free(eco_doubt *doubts);

/* The line of a corrections file (ecomap import --fix) that accepts doubt d (accept 1: the
 * doubt is right) or rejects it (0: the map is), as `ecomap check` prints it; TYPE and
 * COUNTRY stand where the analyst must fill in.  A string that belongs to the caller (free),
 * or NULL when memory ran out.  O(the names' length). */
ECO_EXPORT char *eco_doubt_settle(const eco_graph *g, const eco_doubt *d, int accept);

/* Doubt d in words: the actors concerned, with id, country and records, and why they are
 * in doubt.  A string that belongs to the caller (free), or NULL when memory ran out. */
ECO_EXPORT char *eco_doubt_describe(const eco_graph *g, const eco_doubt *d);

/* ---- Communities ------------------------------------------------------------------------ */

typedef enum eco_community_method {
    ECO_COMMUNITY_LEIDEN = 0, /* Leiden, optimising modularity at resolution 1 */
    ECO_COMMUNITY_LOUVAIN     /* Louvain (igraph's multilevel) */
} eco_community_method;

typedef struct eco_communities {
    size_t actor_count;  /* entries in membership */
    size_t *membership;  /* each actor's community, 0 for the largest, then by size */
    size_t count;        /* communities */
    double modularity;   /* Newman's modularity of the partition on the undirected map */
} eco_communities;

/* Finds communities on the undirected map (weighted when opt->weighted), with a fixed seed
 * so that runs repeat.  *out belongs to the caller (eco_communities_free). */
ECO_EXPORT int eco_query_communities(eco_communities **out, const eco_graph *g,
                                     eco_community_method method, const eco_query_options *opt,
                                     eco_error *err);

ECO_EXPORT void eco_communities_free(eco_communities *c);

/* ---- Filters and projections ------------------------------------------------------------ */

/* 2 added topic; a filter of version 1 is still read, as choosing no topic. */
#define ECO_FILTER_VERSION 2

typedef struct eco_filter {
    unsigned int version;   /* ECO_FILTER_VERSION */
    unsigned types;         /* actor types to keep, a bit (1u << type) each; 0 for all */
    const char *country;    /* keep actors of these countries only: one, or several separated
                               by commas ("Peru,Chile"); folded match; NULL for all */
    int year_from, year_to; /* keep what records of these years (inclusive) support; 0 for
                               no bound.  A tie is kept when one of its evidence records
                               falls in the range, an actor when one of its records does */
    unsigned kinds;         /* tie kinds to keep; 0 for all */
    double min_weight;      /* keep ties at least this heavy */
    int drop_isolates;      /* 1: drop actors left without ties */
    const char *topic;      /* keep what records about this topic support (one of a
                               record's topics folds, as eco_name_fold does, to the same
                               text), as year_from and year_to do and together with them;
                               NULL for any (version 2) */
} eco_filter;

#define ECO_FILTER_INIT {ECO_FILTER_VERSION, 0, NULL, 0, 0, 0, 0, 0, NULL}

/* A new graph with what passes filter: actors, then the ties whose ends both stayed.
 * Records are kept.  The result belongs to the caller.  O(n + m + evidence). */
ECO_EXPORT int eco_query_filter(eco_graph **out, const eco_graph *g, const eco_filter *filter,
                                eco_error *err);

/* A new graph with the n actors that rank highest by measure (ties broken by index) and
 * the ties among them; all of g when n is 0 or at least the number of actors.  The result
 * belongs to the caller.  The measure's time, then O(n log n + m). */
ECO_EXPORT int eco_query_top(eco_graph **out, const eco_graph *g, eco_measure measure, size_t n,
                             const eco_query_options *opt, eco_error *err);

typedef enum eco_projection_weight {
    ECO_PROJECT_COUNT = 0, /* weight: the number of shared initiatives */
    ECO_PROJECT_NEWMAN     /* weight: sum over shared initiatives of 1 / (members - 1) */
} eco_projection_weight;

/*
 * Projects an actor-initiative map onto actors.  The initiatives are the records when
 * through is NULL (two actors seen in one record are linked), or else the actors that
 * through selects, written "KEY=VALUE" for an attribute or "type=TYPE" (two actors tied to
 * one initiative are linked, and the initiatives are left out).  Each link is a `related`
 * tie weighted as asked, with the initiative's name as evidence.  The result belongs to
 * the caller.  O(sum over initiatives of members^2).
 */
ECO_EXPORT int eco_query_project(eco_graph **out, const eco_graph *g, const char *through,
                                 eco_projection_weight weighting, eco_error *err);

#ifdef __cplusplus
}
#endif

#endif
