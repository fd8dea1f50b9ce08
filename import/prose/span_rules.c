/*
 * import/prose/span_rules.c - what the words around a span say of it, whatever the actor
 * model makes of the span's own features: "the Millicom company", "WaterAid, an
 * international organisation", "DG Research & Innovation" name bodies; "IT'S NOT ABOUT
 * PLASTIC USAGE" names none (import/prose/spans.c applies them).
 */
#include <ctype.h>
#include <string.h>

#include "span_rules.h"
#include "vocabulary.h"

/* Whether token k is a small "company", "firm" or "startup": the word for a company,
 * written beside its name. */
int eco_i_is_word_for_a_company(const eco_i_sentence *st, size_t k)
{
    static const char *const words[] = {"company", "companies", "firm",     "firms",
                                        "startup", "startups",  "start-up", "start-ups",
                                        NULL};

    if (k >= st->count || !st->tokens[k].word || st->tokens[k].cap)
        return 0;
    const eco_i_token *t = &st->tokens[k];
    for (size_t i = 0; words[i]; i++)
        if (eco_i_is_word(st->text + t->start, t->end - t->start, words[i]))
            return 1;
    return 0;
}

/* Whether token k is the word folded, in any case. */
static int is_word_at(const eco_i_sentence *st, size_t k, const char *folded)
{
    return k < st->count && st->tokens[k].word && strcmp(st->tokens[k].folded, folded) == 0;
}

/* Whether token k is "the" or "The". */
static int is_the(const eco_i_sentence *st, size_t k)
{
    return is_word_at(st, k, "the");
}

/* Whether tokens [a, b) hold a comma or an "and": a list, or more than one name. */
static int holds_a_list(const eco_i_sentence *st, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if ((!st->tokens[k].word && st->tokens[k].punct == ',') || eco_i_is_and(&st->tokens[k]))
            return 1;
    return 0;
}

/* Whether token t, a word of more than four letters, ends in "-ed": a verb in the past or a
 * participle ("provided", "based"). */
static int ends_in_ed(const eco_i_sentence *st, const eco_i_token *t)
{
    return t->end - t->start > 4 && st->text[t->end - 2] == 'e' && st->text[t->end - 1] == 'd';
}

/* Whether token k is a word for a kind of body, in small letters or in capitals: "company",
 * "non-profit", "organisation", "NGO", "start-up", "consultancy firm"'s "firm". */
static int is_word_for_a_body(const eco_i_sentence *st, size_t k)
{
    const eco_i_token *t = &st->tokens[k];
    char word[48], folded[48];
    size_t n = t->end - t->start;

    if (!t->word || (t->cap && !t->upper) || n >= sizeof(word))
        return 0;
    if (eco_i_is_word_for_a_company(st, k))
        return 1;
    memcpy(word, st->text + t->start, n);
    word[n] = '\0';
    if (eco_name_fold(folded, sizeof(folded), word) >= sizeof(folded))
        return 0;
    return eco_i_classify_words(word) != ECO_TYPE_UNKNOWN ||
           eco_i_sector_type(word, n) != ECO_TYPE_UNKNOWN ||
           strcmp(folded, "organization") == 0; /* folding spells both ways so */
}

/* Whether a noun phrase ends before token k: at punctuation, the sentence's end, a small
 * word that makes sentences ("that", "who", "in", "of", "was") or a participle
 * ("working", "founded"); not before another noun ("a university | city"). */
static int ends_a_noun_phrase(const eco_i_sentence *st, size_t k)
{
    static const char *const verbs[] = {"is",   "are", "was", "were", "has",
                                        "have", "had", "set", NULL};

    if (k >= st->count || !st->tokens[k].word)
        return 1;
    const eco_i_token *t = &st->tokens[k];
    const char *w = st->text + t->start;
    size_t n = t->end - t->start;
    if (t->cap || (t->cls & (W_CONN | W_STOP | W_AND)))
        return 1;
    for (size_t i = 0; verbs[i]; i++)
        if (eco_i_is_word(w, n, verbs[i]))
            return 1;
    return n > 4 && ((w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g') ||
                     (w[n - 2] == 'e' && w[n - 1] == 'd'));
}

/* Whether token k is a word, in small letters or an acronym, for the kind of body that
 * is set right beside its name: "data analytics company", "the research organization",
 * "consulting companies", "the NGO".  Narrower than is_word_for_a_body: "Istanbul
 * municipality", "Wi-Fi network" and "GIS technologies" name no body by "Istanbul", "Wi-Fi"
 * or "GIS". */
static int is_kind_beside_a_name(const eco_i_sentence *st, size_t k)
{
    static const char *const kinds[] = {
        "organisation", "organisations", "organization", "organizations", "ngo", "ngos",
        "non-profit", "nonprofit", "charity", "foundation", "cooperative", "cooperatives",
        "association", "enterprise", "enterprises", "consultancy", "incubator",
        "accelerator", "institute", NULL};
    const eco_i_token *t = &st->tokens[k];

    if (k >= st->count || !t->word || (t->cap && !t->upper))
        return 0;
    if (eco_i_is_word_for_a_company(st, k))
        return 1;
    for (size_t i = 0; kinds[i]; i++)
        if (eco_i_is_word(st->text + t->start, t->end - t->start, kinds[i]))
            return 1;
    return 0;
}

/* Whether token k is a small word that may describe a body before its kind ("data
 * analytics", "consulting", "public policy research"): no word that makes sentences, and
 * no participle in -ed ("a Nairobi based company" says where, not who). */
static int describes_a_kind(const eco_i_sentence *st, size_t k)
{
    const eco_i_token *t = &st->tokens[k];

    return t->word && !t->cap && !(t->cls & (W_CONN | W_STOP | W_AND)) && !ends_in_ed(st, t);
}

/* "a private company Watergunz", "the public policy research organization Analytica MK":
 * the kind of body right before the name, after an article and at most three words. */
static int kind_comes_before(const eco_i_sentence *st, size_t a)
{
    if (a == 0)
        return 0;
    if (eco_i_is_word_for_a_company(st, a - 1))
        return 1; /* "a private company Watergunz", "with company Watergunz": no article owed */
    if (!is_kind_beside_a_name(st, a - 1))
        return 0;
    for (size_t k = a - 1; k-- > 0 && a - 1 - k <= 4;) {
        if (is_word_at(st, k, "the") || is_word_at(st, k, "a") || is_word_at(st, k, "an"))
            return 1;
        if (!describes_a_kind(st, k))
            return 0;
    }
    return 0;
}

/* Whether token k may stand before a name the kind of body follows: nothing, punctuation
 * or a small word that makes sentences ("with", "the"), not a word of the same noun phrase
 * ("a government owned SME development company"). */
static int opens_a_noun_phrase(const eco_i_sentence *st, size_t a)
{
    return a == 0 || !st->tokens[a - 1].word ||
           (eco_i_class_of(st, a - 1) & (W_CONN | W_STOP | W_AND));
}

/* "the Millicom company", "Pikasa Analytics data analytics company", "UNITER, ASER,
 * FBK-Bel consulting companies": the kind of body after the name, with at most three words
 * between.  A plural kind follows a list of names, not one ("Climatech startups" are a
 * group), and an owner's possessive is not the name of the kind ("Panama's largest
 * recycling companies"). */
static int kind_comes_after(const eco_i_sentence *st, size_t a, size_t b)
{
    if (st->tokens[b - 1].poss || !opens_a_noun_phrase(st, a))
        return 0;
    if (holds_a_list(st, a, b))
        return 0;
    int after_a_list = a > 0 && (st->tokens[a - 1].punct == ',' || eco_i_is_and(&st->tokens[a - 1]));
    for (size_t k = b; k < st->count && k <= b + 3; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (is_kind_beside_a_name(st, k) && ends_a_noun_phrase(st, k + 1))
            return after_a_list || (st->text[t->end - 1] != 's' && st->text[t->end - 1] != 'S');
        if (!describes_a_kind(st, k) || (eco_i_class_of(st, k) & W_GENERIC))
            return 0; /* "CONCREE | Civil society organizations" */
    }
    return 0;
}

/* "the Millicom company", "a private company Watergunz", "the public policy research
 * organization Analytica MK", "Pikasa Analytics data analytics company": capitals set
 * right beside a small word for the kind of body they are name that body, whatever the
 * model makes of one unknown word.  Places are not named so ("the Lebanese feminist
 * coalition"). */
int eco_i_named_beside_its_kind(const eco_i_sentence *st, size_t a, size_t b)
{
    const eco_i_token *first = &st->tokens[a], *last = &st->tokens[b - 1];
    size_t n = last->end - last->poss - first->start;

    if (!first->cap || !last->cap || !(kind_comes_before(st, a) || kind_comes_after(st, a, b)))
        return 0; /* the words beside first: most candidates have no kind beside them */
    return !eco_i_country_name(st->text + first->start, n) &&
           !(b - a == 1 && eco_i_country_of_demonym(st->text + first->start, n));
}

/* Whether the words from token k on are "a" or "an" ("the" too when the_too), at most three
 * words, and a word for a body: ", an international organisation working ...", "- a
 * non-profit that ...", "(the incubator)".  "Regardless, the consulting firm ..." says
 * nothing of "Regardless": after a comma, "the" goes on with the sentence. */
static int describes_a_body_from(const eco_i_sentence *st, size_t k, int the_too)
{
    if (k >= st->count || st->tokens[k].cap ||
        !(is_word_at(st, k, "a") || is_word_at(st, k, "an") || (the_too && is_the(st, k))))
        return 0;
    for (size_t j = k + 1; j < st->count && j <= k + 4; j++) { /* "an Indonesian CSO" */
        if (is_word_for_a_body(st, j) && ends_a_noun_phrase(st, j + 1))
            return 1;
        if (!(st->tokens[j].word || st->tokens[j].punct == '/' || st->tokens[j].punct == '-') ||
            (st->tokens[j].cls & (W_CONN | W_STOP | W_AND))) /* "a city | with a university" */
            return 0;
    }
    return 0;
}

/* "WaterAid, an international organisation", "Rikolto - a non-profit", "a local recycling
 * company, Recimetal", "Sotonoba is an urban design firm": a whole name (no capital runs on
 * from it, no comma or "and" in it) set beside what kind of body it is. */
int eco_i_described_as_a_body(const eco_i_sentence *st, size_t a, size_t b)
{
    if ((a > 0 && st->tokens[a - 1].word && st->tokens[a - 1].cap) ||
        (b < st->count && st->tokens[b].word && st->tokens[b].cap) ||
        (b - a == 1 && st->tokens[a].head)) /* "PrimeBotics, Lda, a company" */
        return 0;
    if (holds_a_list(st, a, b)) /* "LinkedIn and Elempleo.com (the most popular ...)" */
        return 0;
    if (b + 1 < st->count && !st->tokens[b].word && strchr(",-(", st->tokens[b].punct) &&
        describes_a_body_from(st, b + 1, st->tokens[b].punct == '('))
        return 1;
    if ((is_word_at(st, b, "is") || is_word_at(st, b, "was")) &&
        describes_a_body_from(st, b + 1, 0)) /* "Sotonoba is an urban design firm" */
        return 1;
    if (a < 3 || st->tokens[a - 1].word || st->tokens[a - 1].punct != ',' ||
        !is_word_for_a_body(st, a - 2))
        return 0;
    for (size_t k = a - 2; k-- > 0 && a - 2 - k <= 4;)
        if (describes_a_body_from(st, k, 0))
            return 1;
    return 0;
}

/* "DG Research & Innovation", "DG ECHO": the European Commission's directorates-general are
 * written "DG" and their remit in capitals; "the DG of WHO" is a post, and has no capital
 * after it. */
int eco_i_names_a_directorate_general(const eco_i_sentence *st, size_t a, size_t b)
{
    const eco_i_token *dg = &st->tokens[a];

    return b - a >= 2 && dg->word && dg->upper && strcmp(dg->folded, "dg") == 0 &&
           st->tokens[a + 1].word && st->tokens[a + 1].cap && st->tokens[b - 1].cap;
}

/* Whether the name [a, b) opens its sentence, after "The" at most, and is of two words
 * or more that ends on no small word (but in capitals: "CODIFY IT"), plural, generic word,
 * work noun or number, and is not cut short before "in" or "of" and a capital ("British
 * University | in Egypt"): what the sentence is about, named. */
int eco_i_opens_the_sentence(const eco_i_sentence *st, size_t a, size_t b)
{
    const eco_i_token *last = &st->tokens[b - 1];

    if (!(a == 0 || (a == 1 && is_the(st, 0))))
        return 0;
    if (b + 1 < st->count && (eco_i_class_of(st, b) & W_CONN) && st->tokens[b + 1].cap)
        return 0;
    return b - a >= 2 && last->word && !isdigit((unsigned char)st->text[last->start]) &&
           !(eco_i_class_of(st, b - 1) & (W_PLURAL | W_GENERIC | W_WORK)) &&
           (last->upper || !(eco_i_class_of(st, b - 1) & (W_CONN | W_STOP | W_AND)));
}

/* Whether token k is a verb in the past, or a relative pronoun, in small letters: what a
 * subject is followed by when the sentence tells what it did ("provided", "got", "which
 * uses"). */
static int tells_what_it_did(const eco_i_sentence *st, size_t k)
{
    static const char *const verbs[] = {"got",  "took", "gave", "made", "led",     "ran",
                                        "met",  "held", "sent", "built", "brought", "taught",
                                        "won",  "which", "who", NULL};
    if (k >= st->count) /* the name ends its sentence: no verb after it */
        return 0;
    const eco_i_token *t = &st->tokens[k];
    if (!t->word || t->cap || t->upper)
        return 0;
    if (ends_in_ed(st, t))
        return 1;
    for (size_t i = 0; verbs[i]; i++)
        if (eco_i_is_word(st->text + t->start, t->end - t->start, verbs[i]))
            return 1;
    return 0;
}

/* Whether the name [a, b) opens its sentence, after "The" at most, and the sentence goes on
 * to tell what it did: "Open-Seneca provided mobile sensors", "Viamo which uses ...". */
int eco_i_acts_in_the_sentence(const eco_i_sentence *st, size_t a, size_t b)
{
    const eco_i_token *last = &st->tokens[b - 1];

    /* "Tested the | developed curriculum": a name ends on a capital, not a small word */
    if (!(a == 0 || (a == 1 && is_the(st, 0))) || !last->word || !(last->cap || last->upper) ||
        ((last->cls & (W_STOP | W_CONN)) && !last->upper)) /* but "PAHO/WHO got ..." */
        return 0;
    return !holds_a_list(st, a, b) && /* "PUCMM, Pontificia Universidad ...": no list */
           tells_what_it_did(st, b);
}

/* Whether the span [a, b) is the whole of its sentence, after "The" at most, and ends on a
 * head word, in any case: "Lasta woreda Justice and Prosecutor's Office", "The Culture
 * and tourism office" - an answer that names one body and says nothing else.  A head
 * before "and" starts a second name ("Dispatchers Association and Lusófona Student
 * Association"), and a comma or a dash holds a list or a gloss. */
int eco_i_names_one_body_alone(const eco_i_sentence *st, size_t a, size_t b)
{
    int seen_head = 0;

    for (size_t k = 0; k < st->count; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (k < a || k >= b) {
            if (t->word && !(k == 0 && is_the(st, 0)))
                return 0;
            continue;
        }
        if (!t->word && (t->punct == ',' || t->punct == '-'))
            return 0;
        if (seen_head && (eco_i_is_and(t) || t->punct == '&'))
            return 0;
        if (t->head == 1 && k + 1 < b && st->tokens[k + 1].word && st->tokens[k + 1].cap)
            return 0; /* "Maroc Numeric Cluster | FIWARE ..." runs two names together */
        seen_head |= t->head != 0;
    }
    return st->tokens[b - 1].head == 1;
}

/* Whether the span [a, b) is a phrase shouted in capitals, not a name: words in capitals, two
 * of them words that make sentences rather than names ("IT'S NOT ABOUT PLASTIC USAGE",
 * "RECOGNIZING EACH OTHER IS A BASIC STEP"); "WHO" alone or "DOCTORS WITHOUT BORDERS"
 * stay names. */
int eco_i_is_shouted(const eco_i_sentence *st, size_t a, size_t b)
{
    size_t function_words = 0;

    for (size_t k = a; k < b; k++) {
        const eco_i_token *t = &st->tokens[k];
        if (!t->word)
            continue;
        if (!t->upper && !(t->cls & (W_CONN | W_AND)) && !(t->cap && t->end - t->start == 1))
            return 0;
        function_words += t->upper && (t->cls & W_STOP) != 0;
    }
    return function_words >= 2;
}
