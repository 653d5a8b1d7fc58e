/* helpers.h - loading scenarios from strings and playing them in tests. */
#ifndef RAPPORT_TEST_HELPERS_H
#define RAPPORT_TEST_HELPERS_H

#include "scenario.h"
#include "session.h"

/* Loads src as "t.lua"; diagnostics go to *d (which the caller frees). */
rp_scenario *load_str(const char *src, rp_diags *d);
/* The first diagnostic of that severity whose message contains `needle`, or NULL. */
const rp_diag *find_diag(const rp_diags *d, rp_severity sev, const char *needle);
/* Plays "1,2,t" from the start; returns the session (caller frees). */
rp_session *play(rp_scenario *sc, const char *choices);

#endif
