/*
 * fuzz_corrections.c - libFuzzer target for the analyst's corrections file (`--fix FILE`,
 * import/corrections.c and corrections_apply.c): the input is the corrections file.  A
 * fixed text record and CSV of ties, whose names the seeds in tests/fuzz/seeds-corrections
 * use, are imported with it, so that its lines are read, veto resolution's merges (URECA
 * LLC and URECA), and are applied when the import finishes; then the map is written back.
 * Anything but a clean success or a clean error is a finding (tests/fuzz/option_file.h).
 */
#define _GNU_SOURCE
#define OPTION_FIELD fix
#define OPTION_FILE "fix.txt"

static const char text_record[] =
    "# Open Lab\n\n"
    "The Open Lab was created by the Administrative Modernisation Agency (AMA) with the\n"
    "Ministry of Education. It is funded by the UNDP and works in partnership with the\n"
    "University of Lisbon and Code for Portugal. Senescyt trained the team. URECA LLC\n"
    "supports it.\n";

static const char tie_table[] = "source,target,kind\n"
                                "AMA,Open Lab,hosting\n"
                                "Agency for Administrative Modernisation,UNDP,partnership\n"
                                "\"Ministry of Education\",Senescyt,related\n"
                                "URECA,Open Lab,funding\n";

#include "option_file.h"
