/* cli/render.h - what the diagram commands (render, report) share. */
#ifndef ECOMAP_CLI_RENDER_H
#define ECOMAP_CLI_RENDER_H

#include "cli.h"
#include "ecomap/diagram.h"

extern const cli_command cli_render, cli_report, cli_view;

/* Long options for eco_diagram_options; cli_diagram_option handles them, returning 1 when
 * it took c, 0 when c is not one of them, -1 after a usage error. */
#define CLI_DIAGRAM_OPTIONS                                                                       \
    {"title", required_argument, NULL, 'T'}, {"size-by", required_argument, NULL, 's'},            \
        {"cluster", required_argument, NULL, 'c'}, {"top", required_argument, NULL, 't'},          \
        {"focus", required_argument, NULL, 'F'}, {"hops", required_argument, NULL, 'H'},           \
        {"layout", required_argument, NULL, 'L'}, {"no-related", no_argument, NULL, 'R'},       \
        {"page", required_argument, NULL, 'P'}, {"label-size", required_argument, NULL, 'Z'},      \
        {"all", no_argument, NULL, 'Y'}, {"overview", required_argument, NULL, 'O'}
#define CLI_DIAGRAM_HELP                                                                          \
    "      --title TEXT         a title above the legend\n"                                       \
    "      --size-by MEASURE    what node size shows (default betweenness; see 'ecomap help\n"    \
    "                           rank')\n"                                                          \
    "      --cluster BY         boxes around each type, country or community\n"                   \
    "      --top N              draw the N actors that rank highest by --size-by, the actors\n"  \
    "                           on the shortest paths that join them, and the ties among them\n"\
    "      --page SIZE          a4 (the default), letter, a3, or any (fits A4 and letter),\n"   \
    "                           with ,landscape or ,portrait (else the way it fits best): the\n"\
    "                           drawing fits the page with no label below --label-size, and\n"  \
    "                           draws fewer actors (never fewer than the 50 most central)\n"     \
    "                           until it does; none draws everything at its natural size\n"    \
    "      --label-size POINTS  the smallest label on the page (default 8)\n"                    \
    "      --all                draw isolated actors and pairs too (left out by default and\n"  \
    "                           counted in the caption)\n"                                       \
    "      --overview BY        one node per type, country or community, ties summed: for\n"   \
    "                           maps too big to draw actor by actor\n"                           \
    "      --focus ACTOR        draw ACTOR and its neighbours (--hops N, default 1)\n"            \
    "      --layout ENGINE      a Graphviz layout engine: dot, neato, fdp, sfdp, circo, twopi\n"  \
    "      --no-related         leave out related ties\n"

int cli_diagram_option(eco_diagram_options *d, const char *command, int c, const char *arg);

#endif
