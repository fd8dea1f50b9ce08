/*
 * import/prose/cases.c - case entries and case studies: Participedia entries, OECD OPSI
 * case studies, and UN Public Service Awards nominations.
 *
 * Each is a page made for reading: a few labelled facts (title, country, the organisation)
 * and prose.  The organisation or case the page is about becomes the record's subject, so
 * that "developed in partnership with the Ministry of Education" ties the ministry to it.
 */
#include <stdlib.h>
#include <string.h>

#include "prose.h"

static size_t word_count(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++)
        n += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return n;
}

/* A line of running prose rather than a label or a value. */
static int is_prose_line(const char *line) { return word_count(line) >= 8; }

typedef int (*case_fn)(eco_i_record *r, const eco_i_doc *doc);

static int read_case(eco_graph *g, const eco_i_input *in, const char *format, case_fn fn,
                     eco_error *err)
{
    eco_i_record *r = NULL;
    eco_i_doc doc;
    int rc;

    memset(&doc, 0, sizeof(doc));
    if ((rc = eco_i_record_new(&r, g, in, format)) < 0 || (rc = eco_i_doc_open(&doc, in)) < 0 ||
        (rc = fn(r, &doc)) < 0) {
        eco_error_set(err, rc, in->source, 0, 0, "out of memory reading the record");
        goto cleanup;
    }
    rc = eco_i_record_finish(r, err);
cleanup:
    eco_i_doc_close(&doc);
    eco_i_record_free(r);
    return rc;
}

/* ---- Participedia ----------------------------------------------------------------------- */

/* Labels of Participedia's facet block; the value lines follow each. */
static const char *const participedia_labels[] = {
    "General Issues", "Specific Topics", "Collections", "Location", "Scope of Influence",
    "Links", "Videos", "Start Date", "End Date", "Ongoing", "Time Limited or Repeated?",
    "Purpose/Goal", "Approach", "Spectrum of Public Participation",
    "Open to All or Limited to Some?", "General Types of Methods",
    "General Types of Tools/Techniques", "Specific Methods, Tools & Techniques", "Legality",
    "Facilitators", "Facilitator Training", "Face-to-Face, Online, or Both",
    "Types of Interaction Among Participants", "Decision Methods",
    "Type of Organizer/Manager", "Type of Funder", "Staff", "Volunteers", "Evidence of Impact",
    "Types of Change", "Implementers of Change", "Targeted Demographics", "Number of Participants",
    "Recruitment Method", "Files", "Total Budget", "Average Annual Budget", NULL};

static const char *const participedia_skipped[] = {"References", "External Links", "Notes", NULL};

int eco_i_participedia_label(const char *line)
{
    for (size_t i = 0; participedia_labels[i]; i++)
        if (strcmp(line, participedia_labels[i]) == 0)
            return 1;
    return 0;
}

static int in_set(const char *const *set, const char *line)
{
    for (size_t i = 0; set[i]; i++)
        if (strcmp(line, set[i]) == 0)
            return 1;
    return 0;
}

static int participedia(eco_i_record *r, const eco_i_doc *doc)
{
    size_t subject = ECO_I_NONE, i, prose_from = doc->count;
    int rc = 0, see_also = 0, skipping = 0;

    for (i = 0; i + 1 < doc->count; i++)
        if (strcmp(doc->lines[i], "Location") == 0) {
            eco_i_record_set_country(r, doc->lines[i + 1], strlen(doc->lines[i + 1]));
            break;
        }
    for (i = 0; i + 1 < doc->count; i++) {
        if (strcmp(doc->lines[i], "CASE") != 0 && strcmp(doc->lines[i], "ORGANIZATION") != 0)
            continue;
        size_t t = i + 1;
        while (t < doc->count && !*doc->lines[t])
            t++;
        if (t < doc->count) {
            if ((rc = eco_i_record_set_title(r, doc->lines[t], strlen(doc->lines[t]))) < 0 ||
                (rc = eco_i_record_title_actor(r, &subject, doc->lines[t], NULL)) < 0)
                return rc;
            eco_i_record_set_subject(r, subject);
        }
        /* the prose starts with the first long line after the repeated facet block */
        for (t = t + 1; t < doc->count && !(is_prose_line(doc->lines[t]) &&
                                            !eco_i_participedia_label(doc->lines[t]));
             t++)
            ;
        prose_from = t;
        break;
    }
    for (i = prose_from; i < doc->count && rc == 0; i++) {
        const char *line = doc->lines[i];
        if (in_set(participedia_skipped, line)) {
            skipping = 1, see_also = 0;
            continue;
        }
        if (strcmp(line, "See Also") == 0) {
            see_also = 1, skipping = 0;
            continue;
        }
        if (skipping || !*line)
            continue;
        if (see_also) {
            /* another case: named, and related, but not of this case's country */
            size_t other;
            if ((rc = eco_i_record_title_actor(r, &other, line, ECO_I_NO_COUNTRY)) == 0 &&
                other != ECO_I_NONE)
                rc = eco_i_record_tie(r, subject, other, ECO_TIE_RELATED, (int)i + 1, line,
                                      strlen(line));
            continue;
        }
        if (is_prose_line(line))
            rc = eco_i_record_prose(r, line, strlen(line), (int)i + 1, ECO_I_NONE, NULL,
                                    ECO_I_FIELD_PROSE, ECO_TYPE_UNKNOWN);
    }
    return rc;
}

int eco_i_read_participedia(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    return read_case(g, in, "participedia", participedia, err);
}

/* ---- OECD OPSI case studies ------------------------------------------------------------- */

static int opsi(eco_i_record *r, const eco_i_doc *doc)
{
    size_t title_line = 0, subject = ECO_I_NONE, org = ECO_I_NONE, end = doc->count;
    int rc = 0;

    while (title_line < doc->count && !*doc->lines[title_line])
        title_line++;
    for (size_t i = 0; i < doc->count; i++) {
        const char *line = doc->lines[i];
        if (strcmp(line, "Countries") == 0 || strcmp(line, "Country") == 0) {
            for (size_t k = i + 1; k < doc->count && k < i + 4; k++)
                if (*doc->lines[k]) {
                    eco_i_record_set_country(r, doc->lines[k], strlen(doc->lines[k]));
                    break;
                }
        } else if (eco_i_starts(line, "No results found") || eco_i_starts(line, "Also interesting")) {
            end = i < end ? i : end;
        }
    }
    if (title_line < doc->count) {
        const char *title = doc->lines[title_line];
        if ((rc = eco_i_record_set_title(r, title, strlen(title))) < 0 ||
            (rc = eco_i_record_title_actor(r, &subject, title, NULL)) < 0)
            return rc;
    }
    for (size_t i = 0; i < doc->count; i++) {
        const char *line = doc->lines[i];
        if (eco_i_starts(line, "Organisation name ") || eco_i_starts(line, "Organization name ")) {
            if ((rc = eco_i_record_title_actor(r, &org, line + 18, NULL)) < 0)
                return rc;
            if (org == ECO_I_NONE) {
                eco_actor_type t = eco_i_classify_words(line + 18);
                if ((rc = eco_i_record_actor(r, &org, line + 18, t, NULL)) < 0)
                    return rc;
            }
            if (subject != ECO_I_NONE &&
                (rc = eco_i_record_tie(r, org, subject, ECO_TIE_HOSTING, (int)i + 1, line,
                                       strlen(line))) < 0)
                return rc;
        }
    }
    eco_i_record_set_subject(r, subject != ECO_I_NONE ? subject : org);
    for (size_t i = title_line + 1; i < end && rc == 0; i++) {
        const char *line = doc->lines[i];
        if (eco_i_starts(line, "Contact person") || eco_i_starts(line, "Share this") ||
            eco_i_starts(line, "Organisation name"))
            continue;
        if (is_prose_line(line) || strchr(line, '.'))
            rc = eco_i_record_prose(r, line, strlen(line), (int)i + 1, ECO_I_NONE, NULL,
                                    ECO_I_FIELD_PROSE, ECO_TYPE_UNKNOWN);
    }
    return rc;
}

int eco_i_read_opsi(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    return read_case(g, in, "opsi", opsi, err);
}

/* ---- UN Public Service Awards nominations ----------------------------------------------- */

/* The value after a Chinese label on the same line: "机构名称 AMA - ..." */
static const char *labelled(const char *line, const char *label)
{
    size_t n = strlen(label);
    if (strncmp(line, label, n) != 0)
        return NULL;
    line += n;
    while (*line == ' ' || *line == ':' || !strncmp(line, "\xEF\xBC\x9A", 3))
        line += *line == ' ' || *line == ':' ? 1 : 3;
    return *line ? line : NULL;
}

static int unpsa(eco_i_record *r, const eco_i_doc *doc)
{
    size_t institution = ECO_I_NONE, project = ECO_I_NONE;
    int institution_line = 0, rc = 0;
    const char *v;

    for (size_t i = 0; i < doc->count && rc == 0; i++) {
        const char *line = doc->lines[i];
        if ((v = labelled(line, "联合国成员国")) || (v = labelled(line, "Member State")))
            eco_i_record_set_country(r, v, strlen(v));
    }
    for (size_t i = 0; i < doc->count && rc == 0; i++) {
        const char *line = doc->lines[i];
        if ((v = labelled(line, "机构名称")) || (v = labelled(line, "Institution Name"))) {
            institution_line = (int)i + 1;
            rc = eco_i_record_title_actor(r, &institution, v, NULL);
            if (rc == 0 && institution == ECO_I_NONE)
                rc = eco_i_record_actor(r, &institution, v, ECO_TYPE_UNKNOWN, NULL);
        } else if ((v = labelled(line, "项目名称")) || (v = labelled(line, "Initiative Name"))) {
            if ((rc = eco_i_record_set_title(r, v, strlen(v))) == 0)
                rc = eco_i_record_title_actor(r, &project, v, NULL);
        }
    }
    if (rc == 0 && institution != ECO_I_NONE && project != ECO_I_NONE)
        rc = eco_i_record_tie(r, institution, project, ECO_TIE_HOSTING, institution_line,
                              doc->lines[institution_line - 1],
                              strlen(doc->lines[institution_line - 1]));
    eco_i_record_set_subject(r, project != ECO_I_NONE ? project : institution);
    for (size_t i = 0; i < doc->count && rc == 0; i++) {
        const char *line = doc->lines[i];
        /* the answers are in English; the questions are not */
        if (is_prose_line(line) && (unsigned char)line[0] < 0x80)
            rc = eco_i_record_prose(r, line, strlen(line), (int)i + 1, ECO_I_NONE, NULL,
                                    ECO_I_FIELD_PROSE, ECO_TYPE_UNKNOWN);
    }
    return rc;
}

int eco_i_read_unpsa(eco_graph *g, const eco_i_input *in, eco_error *err)
{
    return read_case(g, in, "unpsa", unpsa, err);
}
