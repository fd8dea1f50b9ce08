/*
 * fuzz_aliases.c - libFuzzer target for the alias file reader (`--aliases FILE`, CSV
 * "alias,canonical[,type,country]", import/aliases.c): the input is the alias file.  A
 * fixed text record and CSV of ties, whose names the seeds in tests/fuzz/seeds-aliases use,
 * are imported with it, so that its names are recognised in text; then it is applied when
 * the import finishes, and the map is written back.  Anything but a clean success or a
 * clean error is a finding.
 */
#define _GNU_SOURCE
#define OPTION_FIELD aliases
#define OPTION_FILE "aliases.csv"

static const char text_record[] =
    "# Open Lab\n\n"
    "The Open Lab was created by the Administrative Modernisation Agency (AMA) with the\n"
    "Ministry of Education. It is funded by the UNDP and works in partnership with the\n"
    "University of Lisbon and Code for Portugal. Senescyt trained the team.\n";

static const char tie_table[] = "source,target,kind\n"
                                "AMA,Open Lab,hosting\n"
                                "Agency for Administrative Modernisation,UNDP,partnership\n"
                                "\"Ministry of Education\",Senescyt,related\n";

#include "option_file.h"
