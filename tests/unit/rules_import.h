/*
 * tests/unit/rules_import.h - an import read by the rules alone, without the learned models:
 * for the tests that specify the rules (cue phrases, record layouts), whose outcome must not
 * move when the models are trained again.
 */
#ifndef ECOMAP_TESTS_RULES_IMPORT_H
#define ECOMAP_TESTS_RULES_IMPORT_H

#include "learning.h"

static inline int import_by_rules(eco_graph **out, const char *text, size_t len,
                                  const char *source, eco_error *err)
{
    eco_importer *imp = NULL;
    int rc = eco_i_importer_new_untrained(&imp, NULL, err);
    if (rc == 0 && (rc = eco_importer_add_buffer(imp, text, len, source, err)) == 0)
        rc = eco_importer_finish(imp, out, err);
    eco_importer_free(imp);
    return rc;
}

#endif
