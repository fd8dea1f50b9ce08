/* export/render.c - laying out and rendering diagrams with Graphviz's gvc. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "diagram_internal.h"
#include "internal.h"

static const char *const render_formats[] = {"svg", "png", "pdf", "dot", "gv", NULL};

/* The format named, or the one path's extension names; NULL when neither is known. */
static const char *format_for(const char *format, const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *want = format ? format : dot ? dot + 1 : NULL;

    for (size_t i = 0; want && render_formats[i]; i++)
        if (strcasecmp(want, render_formats[i]) == 0)
            return render_formats[i];
    return NULL;
}

/*
 * One Graphviz context for the process, made on first use and kept, and used under the
 * dependencies' lock (eco_i_dependencies_lock) like the rest of Graphviz.  A context per
 * layout read freed memory from the second one on: Graphviz 2.42's pango plugin keeps the
 * last font's name as a pointer into the context that measured it, and freeing that
 * context frees the name.  Keeping one also spares loading the plugins for every diagram.
 */
static GVC_t *context;

int eco_i_graphviz_lay_out(Agraph_t *graph, const char *engine, eco_error *err)
{
    if (!context && !(context = gvContext()))
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "cannot start Graphviz");
    if (gvLayout(context, graph, engine) != 0)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "layout \"%s\" failed: %s", engine,
                             eco_i_graphviz_message());
    return 0;
}

void eco_i_graphviz_unlay(Agraph_t *graph)
{
    gvFreeLayout(context, graph);
}

int eco_i_diagram_lay_out(eco_i_diagram *d, eco_error *err)
{
    int rc = eco_i_graphviz_lay_out(d->graph, d->engine, err);
    d->laid_out = rc == 0;
    return rc;
}

void eco_i_diagram_unlay(eco_i_diagram *d)
{
    if (d->laid_out)
        eco_i_graphviz_unlay(d->graph);
    d->laid_out = 0;
}

void eco_i_diagram_unbuild(eco_i_diagram *d)
{
    if (!d || !d->graph)
        return;
    eco_i_diagram_unlay(d);
    agclose(d->graph);
    d->graph = NULL;
}

/*
 * SVG and PNG are the drawing alone, at its size, to be placed in a document: a label of
 * 8 points is 8 points on paper when the picture is placed at 100%.  A PDF is the sheet.  PNG is at 144 dots per
 * inch, twice a screen's, so that small type stays sharp in a document.
 */
static int page_setup(eco_i_diagram *d, const char *format, eco_error *err)
{
    char value[64];
    int rc = 0;

    /* Graphviz reads the resolution and the size when it lays out: the layout is made again
     * (from the places found, when reshape() or the clusters set them), also because the
     * page may have been turned since the graph was laid out. */
    if (strcmp(format, "png") == 0)
        rc |= eco_i_diagram_set(d->graph, "dpi", "144");
    if (d->page_width) {
        snprintf(value, sizeof(value), "%.3f,%.3f", d->page_width / 72, d->page_height / 72);
        rc |= eco_i_diagram_set(d->graph, "size", value);
    }
    if (rc < 0)
        return eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map");
    if (strcmp(format, "png") == 0 || d->page_width) {
        eco_i_diagram_unlay(d);
        if ((rc = eco_i_diagram_lay_out(d, err)) < 0)
            return rc;
    }
    if (!d->page_width)
        return 0;
    /* A PDF is the whole sheet, the drawing centred on it, so that it prints at 100%:
     * Graphviz makes the page the drawing plus the graph's margin, so the margin is what
     * the sheet has round the drawing as Graphviz will scale it (the bounding box and the
     * pad, shrunk to fit `size`). */
    if (strcmp(format, "pdf") == 0) {
        double w, h, scale = 1;
        eco_i_diagram_extent(d, &w, &h);
        if (w > d->page_width || h > d->page_height)
            scale = d->page_width / w < d->page_height / h ? d->page_width / w : d->page_height / h;
        double mx = (d->page_paper[0] - w * scale) / 2, my = (d->page_paper[1] - h * scale) / 2;
        snprintf(value, sizeof(value), "%.4f,%.4f", (mx > 0 ? mx : 0) / 72, (my > 0 ? my : 0) / 72);
        rc |= eco_i_diagram_set(d->graph, "margin", value);
    }
    return rc ? eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory drawing the map") : 0;
}

static int diagram_render(const eco_graph *g, const eco_diagram_options *opt, const char *format,
                          const char *path, eco_error *err)
{
    const char *chosen = format_for(format, path);
    eco_i_diagram d;
    eco_i_output out;
    int rc;

    if (!chosen)
        return eco_error_set(err, ECO_EUSAGE, path, 0, 0,
                             "cannot tell the image format: name it with --format svg, png, pdf "
                             "or dot, or end the file name with .svg, .png, .pdf or .dot");
    if (strcmp(chosen, "dot") == 0 || strcmp(chosen, "gv") == 0) {
        if ((rc = eco_i_output_open(&out, path, err)) < 0)
            return rc;
        if ((rc = eco_diagram_dot(g, opt, out.fp, out.name, err)) < 0) {
            eco_i_output_abort(&out);
            return rc;
        }
        return eco_i_output_commit(&out, err);
    }
    if ((rc = eco_i_diagram_fit(&d, g, opt, err)) < 0)
        goto cleanup;
    if ((rc = page_setup(&d, chosen, err)) < 0)
        goto cleanup;
    if ((rc = eco_i_output_open(&out, path, err)) < 0)
        goto cleanup;
    if (gvRender(context, d.graph, chosen, out.fp) != 0) {
        eco_i_output_abort(&out);
        rc = eco_error_set(err, ECO_EIO, path, 0, 0, "cannot render %s: %s", chosen,
                           eco_i_graphviz_message());
    } else {
        rc = eco_i_output_commit(&out, err);
    }
cleanup:
    eco_i_diagram_close(&d);
    return rc;
}

int eco_diagram_render(const eco_graph *g, const eco_diagram_options *opt, const char *format,
                       const char *path, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_DIAGRAM_OPTIONS_VERSION, "eco_diagram_options",
                                  err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = diagram_render(g, opt, format, path, err);
    eco_i_dependencies_unlock();
    return rc;
}

static int diagram_render_data(char **out, size_t *len, const eco_graph *g,
                               const eco_diagram_options *opt, const char *format, eco_error *err)
{
    const char *chosen = format_for(format, NULL);
    eco_i_diagram d;
    char *data = NULL;
    unsigned int length = 0;
    int rc;

    if (!chosen)
        return eco_error_set(err, ECO_EUSAGE, NULL, 0, 0, "unknown image format");
    if ((rc = eco_i_diagram_fit(&d, g, opt, err)) < 0)
        goto cleanup;
    if (gvRenderData(context, d.graph, chosen, &data, &length) != 0 || !data) {
        rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "cannot render %s: %s", chosen,
                           eco_i_graphviz_message());
    } else if (!(*out = malloc((size_t)length + 1))) {
        rc = eco_error_set(err, ECO_ENOMEM, NULL, 0, 0, "out of memory rendering");
    } else {
        /* Graphviz's buffer is freed by Graphviz; ours by the caller's free(). */
        memcpy(*out, data, length);
        (*out)[length] = '\0';
        *len = length;
    }
    if (data)
        gvFreeRenderData(data);
cleanup:
    eco_i_diagram_close(&d);
    return rc;
}

int eco_diagram_render_data(char **out, size_t *len, const eco_graph *g,
                            const eco_diagram_options *opt, const char *format, eco_error *err)
{
    int rc;

    if ((rc = eco_i_options_check(opt, ECO_DIAGRAM_OPTIONS_VERSION, "eco_diagram_options",
                                  err)) < 0 ||
        (rc = eco_i_dependencies_lock(err)) < 0)
        return rc;
    rc = diagram_render_data(out, len, g, opt, format, err);
    eco_i_dependencies_unlock();
    return rc;
}
