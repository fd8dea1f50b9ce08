/*
 * import/prose/prose.h - the wing of the importer that reads records written for people:
 * UNDP forms, case entries and studies, award nominations, summaries, any text, and
 * Participedia's CSV export.  What its files share: documents cut into lines and sentences,
 * the names in a sentence, cue phrases, partner fields, and the record builder that turns
 * them into actors, ties and evidence.  Only the hub (import/) and this wing see it; the
 * maps wing never does.
 */
#ifndef ECOMAP_IMPORT_PROSE_H
#define ECOMAP_IMPORT_PROSE_H

#include "input.h"
#include "model.h"

/* ---- What the hub calls ----------------------------------------------------------------- */

/* The readers of records in prose: UNDP Accelerator Lab forms (import/prose/undp.c),
 * Participedia entries, OPSI case studies and UNPSA nominations (cases.c), video and
 * meeting summaries and any other text (summaries.c), and Participedia's CSV export, whose
 * rows are entries and whose funders are free text (participedia_csv.c). */
int eco_i_read_undp(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_participedia(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_opsi(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_unpsa(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_video(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_text(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_participedia_csv(eco_graph *g, const eco_i_input *in, eco_error *err);

/* The prose readers' memory across the inputs of one import, made and freed by the
 * importer: which actor a name and country were resolved to (checked against the graph on
 * every use, so that a graph changed in between is never misread), and what each prompt of
 * a UNDP form asks (import/prose/undp.c). */
typedef struct eco_i_prose_cache {
    eco_i_map actor_of;   /* hash of folded name and country -> actor index */
    eco_i_map actor_name; /* same key -> the actor's pooled name when cached */
    eco_i_map prompts;    /* hash of a form's prompt -> what it asks (import/prose/undp.c) */
    eco_i_map name_types; /* eco_i_fold_hash of a name -> its eco_i_name_type (spans.c) */
    eco_i_map places;     /* eco_i_hash of a word -> whether it names a country (spans.c) */
    eco_i_features features[ECO_I_FEATURE_SETS]; /* made once, not once a sentence */
    struct eco_i_span_room *span_room; /* one sentence's candidate spans (spans.c), made on
                                          first use and kept, not made once a sentence */
} eco_i_prose_cache;

int eco_i_prose_cache_new(eco_i_prose_cache **out); /* 0 or ECO_ENOMEM */
void eco_i_prose_cache_free(eco_i_prose_cache *c);  /* NULL-safe */

/* Tables of records (import/prose/table.c, table_json.c, table_columns.c): a CSV or a
 * JSON array of objects whose rows are records, one record a row. */
int eco_i_read_table_csv(eco_graph *g, const eco_i_input *in, eco_error *err);
int eco_i_read_table_json(eco_graph *g, const eco_i_input *in, eco_error *err);

/* A --columns file: which column of a table is the id, the title, the text, an
 * organisation and its type... (docs/FORMAT.md).  Read from path, or parsed from len bytes
 * of text; a bad line is ECO_EDATA with err at its line and column.  *out belongs to the
 * caller, freed with the NULL-safe eco_i_column_map_free.  O(length of the file). */
typedef struct eco_i_column_map eco_i_column_map;
int eco_i_column_map_load(eco_i_column_map **out, const char *path, eco_error *err);
int eco_i_column_map_parse(eco_i_column_map **out, const char *text, size_t len, const char *source,
                        eco_error *err);
void eco_i_column_map_free(eco_i_column_map *cols);

/* 1 when cols (may be NULL) names one of the count columns called names as text or as an
 * organisation.  O(count * lines of cols). */
int eco_i_column_map_names_any(const eco_i_column_map *cols, const char *const *names, size_t count);

/* 1 when the first line of a CSV, or the keys of a JSON array of objects, are those of a
 * table of records, by their names or because cols names them.  O(len). */
int eco_i_is_table_csv(const char *data, size_t len, const eco_i_column_map *cols);
int eco_i_is_table_json(const char *data, size_t len, const eco_i_column_map *cols);

/* 1 when a CSV header is Participedia's export of cases, methods or organizations
 * (import/prose/participedia_csv.c). */
int eco_i_is_participedia_csv(const char *data, size_t len);

/* 1 when line is one of the labels of a Participedia entry's facet block
 * (import/prose/cases.c). */
int eco_i_participedia_label(const char *line);

/* ---- Documents (import/prose/document.c) -------------------------------------------------- */

/*
 * Cleans raw record text in place, line by line, so that line numbers stay those of the
 * file: CRLF and lone CR become LF, HTML entities are decoded, non-breaking and other odd
 * spaces become plain spaces, HTML tags are dropped (timestamp links with their text),
 * "[[target | alias]]" becomes "alias" and "[[target]]" "target".  Bytes that are not
 * UTF-8 become spaces.  Returns the new length.  O(len).
 */
size_t eco_i_text_clean(char *text, size_t len);

/* Splits text into sentences; calls fn for each with its 0-based offset from text.
 * Sentences end at ". ", "? ", "! ", ";" and line ends, but for a line that breaks a
 * sentence before a word in small letters; "e.g." and initials do not end them.  Stops and returns what fn returns when below 0.  O(len). */
typedef int (*eco_i_sentence_fn)(const char *sentence, size_t len, size_t offset, void *ctx);
int eco_i_sentences(const char *text, size_t len, eco_i_sentence_fn fn, void *ctx);

/* A malloc'd copy of text with runs of white space as one space and no space at the ends;
 * NULL when memory runs out.  O(len). */
char *eco_i_squeeze(const char *text, size_t len);

/* The same into out, which has room for len + 1 bytes; returns the copy's length. */
size_t eco_i_squeeze_into(char *out, const char *text, size_t len);

typedef struct eco_i_record eco_i_record;

/* A record's text, cleaned, cut into lines (1-based numbers are index + 1). */
typedef struct eco_i_doc {
    char *text;   /* cleaned: in's spare bytes, or a copy of its data */
    size_t len;   /* bytes in text */
    char **lines; /* each NUL-terminated, trailing spaces removed (owned array) */
    size_t count; /* lines */
    char *copy;   /* text when it is a copy (owned), else NULL */
} eco_i_doc;

/* Cleans in's bytes (eco_i_text_clean) and cuts them into lines, the buttons a scraped page
 * left at their ends cut off: in place when in has them to spare, else in a copy.  0 or
 * ECO_ENOMEM.  O(len). */
int eco_i_doc_open(eco_i_doc *doc, const eco_i_input *in);
void eco_i_doc_close(eco_i_doc *doc);

/* 1 when line starts with prefix.  Inline, and without strlen: the readers test every
 * line against lists of prefixes. */
static inline int eco_i_starts(const char *line, const char *prefix)
{
    while (*prefix && *line == *prefix)
        line++, prefix++;
    return *prefix == '\0';
}

/* 1 when the n bytes at s are word, whole.  For lists of words tested against every word
 * of a text: a first byte that differs costs one comparison, and no strlen. */
static inline int eco_i_is_word(const char *s, size_t n, const char *word)
{
    size_t k = 0;
    while (k < n && word[k] && word[k] == s[k])
        k++;
    return k == n && word[n] == '\0';
}

/* Eight bytes at a time, for the scans every sentence goes through.  Each byte of w is
 * tested alone (w | high keeps a subtraction from borrowing across bytes); the result has
 * 0x80 in each byte that passes.  capitals: 'A' to 'Z'; lead bytes: 0xC3 and above, which
 * start the accented letters of the Latin, Greek and Cyrillic alphabets. */
#define ECO_I_HIGH8 0x8080808080808080ULL
#define ECO_I_BYTES8(b) (0x0101010101010101ULL * (b))

static inline uint64_t eco_i_capitals8(uint64_t w)
{
    return ((w | ECO_I_HIGH8) - ECO_I_BYTES8(0x41)) & ~((w | ECO_I_HIGH8) - ECO_I_BYTES8(0x5B)) &
           ~w & ECO_I_HIGH8;
}

static inline uint64_t eco_i_lead_bytes8(uint64_t w)
{
    return ((w | ECO_I_HIGH8) - ECO_I_BYTES8(0x43)) & w & ECO_I_HIGH8;
}

/* Copies n bytes of s to out with 'A' to 'Z' lowered; other bytes stay. */
static inline void eco_i_lower_ascii(char *out, const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        w |= eco_i_capitals8(w) >> 2; /* 0x80 >> 2 is the 0x20 between 'A' and 'a' */
        memcpy(out + i, &w, 8);
    }
    for (; i < n; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
}

/* A constant phrase and its length, for lists matched against the end of a text. */
typedef struct eco_i_phrase {
    const char *text; /* the phrase */
    size_t len;       /* its bytes */
} eco_i_phrase;

#define ECO_I_PHRASE(s) {s, sizeof(s) - 1}

/* Splits "X: Y", "X – Y" or "X - Y" once; 1 when it did, with X and Y trimmed. */
int eco_i_split_title(const char *title, const char **x, size_t *xn, const char **y, size_t *yn);

/* Where in a record a sentence stands: the learned models read it (import/prose/spans.h). */
typedef enum eco_i_field {
    ECO_I_FIELD_PROSE,       /* an answer, a case study's text, a summary */
    ECO_I_FIELD_TITLE,       /* a title or a heading */
    ECO_I_FIELD_PARTNERS,    /* the answer to "name your partners" */
    ECO_I_FIELD_SECTOR,      /* the answer to "which government partners did you work with" */
    ECO_I_FIELD_DESCRIPTION, /* what was done with a partner */
    ECO_I_FIELD_COUNT
} eco_i_field;

/* ---- Names in text (import/prose/names.c) ------------------------------------------------ */

/* Decides whether a span of text is an organisation the caller already knows: a name of
 * the record, or a form that stands for the record's own lab.  key is the span's
 * eco_i_fold_hash, which the caller has already made.  Returns 1 and fills *actor when it
 * is, 0 when not. */
typedef int (*eco_i_known_fn)(const char *text, size_t len, uint64_t key, size_t *actor,
                              void *ctx);

typedef struct eco_i_mention {
    size_t start, end;      /* where the name is in the sentence, in bytes */
    char *name;             /* the name as written, cleaned of qualifiers (the list's) */
    uint64_t key;           /* eco_i_fold_hash of name, made once: every step looks it up */
    char *alias;            /* another form given with it: acronym or appositive; or NULL
                               (the list's) */
    eco_actor_type type;    /* from a sector label or a known entry; else UNKNOWN */
    const eco_i_known *known; /* gazetteer or alias-file entry; or NULL */
    size_t actor;           /* the record's actor when is_actor */
    int is_actor;           /* 1: a name the caller's known_fn recognised */
    int generic;            /* 1: used as a common noun ("a Citizen Lab"), not a name */
    int acronym_defined;    /* 1: alias is an acronym the text defines, "Name (ACR)" */
    size_t same_as;         /* 1 + index of an earlier mention of the sentence that this one
                               names again ("LabX stands for ..."); 0 when none */
} eco_i_mention;

typedef struct eco_i_mentions {
    eco_i_mention *items;           /* in order of start */
    size_t count, cap;              /* mentions; room in items */
    struct eco_i_name_block *names; /* where the items' names and aliases are, the newest
                                       block first (owned) */
} eco_i_mentions;

void eco_i_mentions_clear(eco_i_mentions *m); /* forgets the mentions, keeps the memory */
void eco_i_mentions_free(eco_i_mentions *m);

/* A name or alias for a mention of list: the len bytes at text squeezed (eco_i_squeeze), kept
 * as long as list's names are.  A malloc a name was 3 % of importing 10,000 plans: the names
 * of a list are in blocks of its own, given back all at once.  NULL when memory ran out. */
char *eco_i_mentions_squeeze(eco_i_mentions *list, const char *text, size_t len);

typedef struct eco_i_extractor {
    const eco_i_lexicon *lexicons[2]; /* gazetteer, then the user's; either may be NULL */
    eco_i_known_fn known;             /* the caller's names; may be NULL */
    void *known_ctx;                  /* handed to known */
    int names_only;                   /* 1: the text is a list of names (a partner field) */
    const struct eco_i_span_context *spans; /* the learned models' view of the sentence; NULL
                                               for the rules alone (import/prose/spans.h) */
} eco_i_extractor;

/* Whether tokens [open, open + 3) of st are an acronym in brackets that the lexicons of x
 * do not know, "(IBAP)", "(MoHESR)": after a name, the name's other name; "(UNDP)" names its
 * owner. */
struct eco_i_sentence;
int eco_i_bracketed_acronym(const eco_i_extractor *x, const struct eco_i_sentence *st,
                            size_t open);

/* "UNDP's Crowdfunding Academy": a name, tokens [a, b) of st, that opens on the possessive
 * of a body the lexicons know is written as others write it, "UNDP Crowdfunding Academy",
 * the form as written its alias.  Changes m->name and m->key; m is one of list's mentions.  0,
 * or ECO_ENOMEM. */
int eco_i_owner_without_possessive(eco_i_mentions *list, eco_i_mention *m, const eco_i_extractor *x,
                                   const struct eco_i_sentence *st, size_t a, size_t b);

/*
 * Finds the organisations named in one sentence: capitalised spans with an organisation's
 * head word (Ministry of ..., ... Agency, Fundación ..., ... Lab), names the lexicons or
 * the caller know, names coined like "LabX" or "Santalab", acronyms listed with other names
 * or defined in the text ("Tax and Customs Authority (AT)"), and, right after a phrase that
 * announces organisations ("in partnership with", "funded by"), any capitalised name.
 * Generic phrases ("the government", "public entities", "a citizen lab") are left out or
 * marked generic.  Appends to out.  0 or ECO_ENOMEM.  O(length of sentence).
 */
int eco_i_find_mentions(eco_i_mentions *out, const eco_i_extractor *x, const char *sentence,
                        size_t len);

/* ---- Acronyms defined as things (import/prose/defined.c) ---------------------------------- */

/* Puts into things the eco_i_fold_hash of every acronym text defines by words that spell it
 * and name no organisation ("informed consent (FPIC)"): a record's names that are never its
 * actors.  0 or ECO_ENOMEM.  O(len). */
int eco_i_note_thing_acronyms(const char *text, size_t len, eco_i_map *things);

/* ---- Cue phrases (import/prose/cues.c) --------------------------------------------------- */

typedef struct eco_i_cue {
    size_t start, end;   /* where the phrase is in the sentence */
    eco_tie_kind kind;   /* what tie it states */
    eco_i_cue_role role; /* which side acts */
} eco_i_cue;

/* Finds the cue phrases of a sentence (core's vocabulary, eco_i_cue_phrases), in order, at
 * most max; returns how many.  O(length of sentence * phrases that start with one byte). */
size_t eco_i_find_cues(eco_i_cue *out, size_t max, const char *sentence, size_t len);

/* ---- Partner fields (import/prose/partners.c) -------------------------------------------- */

typedef struct eco_i_partner {
    char *name;          /* one organisation (owned) */
    char *alias;         /* its acronym or other-language name, or NULL (owned) */
    char *written;       /* the piece of the field that named it alone or with the body it
                            is a unit of, as written, or NULL (owned) */
    eco_actor_type type; /* from a sector label written with it, else UNKNOWN */
} eco_i_partner;

/*
 * Splits the answer to "name your partners" into organisations: numbered and bulleted
 * lists, lines, ";", ",", "and", "&", "/" and wide gaps separate names, except inside a
 * name ("Ministry of Housing and Municipal Services"); qualifiers in brackets are
 * dropped ("(national level)") or kept as aliases ("(IPDJ)") or types ("(academia)"); a
 * description after ":" or " - " is dropped; "N/A", "none", "yes" and generic phrases
 * yield nothing.  spans, when not NULL, lets the learned models decide which names stand
 * (import/prose/spans.h).  *out (owned by the caller, freed with eco_i_partners_free)
 * receives the names.  0 or ECO_ENOMEM.  O(length of text).
 */
int eco_i_split_partners(eco_i_partner **out, size_t *count, const char *text, size_t len,
                         const struct eco_i_span_context *spans);
void eco_i_partners_free(eco_i_partner *p, size_t count);

/* ---- Records (import/prose/record.c) ---------------------------------------------------- */

/*
 * What every reader of documents shares: the record being read, its actors, and the
 * passages of prose whose organisations and ties are extracted when the record is done.
 */
int eco_i_record_new(eco_i_record **out, eco_graph *g, const eco_i_input *in, const char *format);
void eco_i_record_free(eco_i_record *r);

/* Sets the record's title (0 or ECO_ENOMEM), country (any form: it is normalised) and year. */
int eco_i_record_set_title(eco_i_record *r, const char *title, size_t len);
void eco_i_record_set_country(eco_i_record *r, const char *country, size_t len);
void eco_i_record_set_year(eco_i_record *r, int year);
const char *eco_i_record_country(const eco_i_record *r);

/* Adds a topic to the record, its len bytes copied, as eco_i_table_topics_each found it
 * (import/prose/table.h); an empty one is none, and a repeat is kept once when the record is
 * added.  0 or ECO_ENOMEM. */
int eco_i_record_add_topic(eco_i_record *r, const char *topic, size_t len);

/* Adds (or finds) an actor named in the record, with the record's country unless it is
 * international or country is given; *out receives its index.  The name becomes known in
 * the record, so that prose naming it again finds it. */
int eco_i_record_actor(eco_i_record *r, size_t *out, const char *name, eco_actor_type type,
                       const char *country);

/* Makes name (and alias, if not NULL) stand for actor in the record's prose. */
int eco_i_record_know(eco_i_record *r, const char *name, size_t actor);

/* The record's subject: the actor its prose is about when no other is named. */
void eco_i_record_set_subject(eco_i_record *r, size_t actor);

/* Adds a tie with evidence from this record (line, text). */
int eco_i_record_tie(eco_i_record *r, size_t a, size_t b, eco_tie_kind kind, int line,
                     const char *text, size_t len);

/* The same for the ties of one sentence, which share its evidence: *said (NULL at first) is
 * the passage as ties keep it (cut, its spaces squeezed, pooled in the record's graph), made
 * by the first tie and kept by the caller for the next, so that the passage is squeezed and
 * pooled once however many ties it states. */
int eco_i_record_tie_said(eco_i_record *r, size_t a, size_t b, eco_tie_kind kind, int line,
                          const char *text, size_t len, const char **said);

/* Country to pass to eco_i_record_actor for an actor of no country at all, such as another
 * case a page links to. */
#define ECO_I_NO_COUNTRY ""

/* Queues a passage of prose from line on; subject is the actor it is about (ECO_I_NONE for
 * the record's subject), country its country (NULL for the record's), field where it stands
 * in the record and sector the sector its question names (import/prose/spans.h).  A passage equal to
 * one already queued is skipped: text pasted into several answers is one piece of evidence. */
int eco_i_record_prose(eco_i_record *r, const char *text, size_t len, int line, size_t subject,
                       const char *country, eco_i_field field, eco_actor_type sector);

/* Where the passages queued from now on stand, for the evidence of the ties they state: a
 * source with a fragment that names a table's cell ("x.csv#cell=2,8", "x.json#/0/body"),
 * copied, in place of the record's path; NULL for the path again.  The line stays the
 * file's.  0 or ECO_ENOMEM. */
int eco_i_record_set_place(eco_i_record *r, const char *place);

/* Reads a partner field: each name it holds becomes an actor tied to partner_of (a
 * partnership), typed by sector when its name does not say; evidence is the field. */
int eco_i_record_partners(eco_i_record *r, const char *text, size_t len, int line,
                          size_t partner_of, eco_actor_type sector);

/* Gives the partners of the last partner field the type a sector answer names, where their
 * names did not tell. */
int eco_i_record_type_last_partners(eco_i_record *r, eco_actor_type type);

/* Extracts the queued prose and adds the record to the graph.  0 or an ECO_E* code with err
 * set. */
int eco_i_record_finish(eco_i_record *r, eco_error *err);

/* The UNDP record's lab: forms such as "UNDP", "Acc Lab" and "Accelerator Lab" in its prose
 * stand for it. */
int eco_i_record_set_lab(eco_i_record *r, size_t actor);

/* The graph the record is read into. */
eco_graph *eco_i_record_graph(eco_i_record *r);

/* Adds the actor a title or heading names, when it names one: "Thinkia: citizen lab",
 * "LabX – experimentation laboratory", "Medo Innovation Lab".  *out is ECO_I_NONE when
 * the title names no organisation. */
int eco_i_record_title_actor(eco_i_record *r, size_t *out, const char *title, const char *country);

#endif
