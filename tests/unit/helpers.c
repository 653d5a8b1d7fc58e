/* helpers.c - see helpers.h. */
#include "helpers.h"
#include "choices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rp_scenario *load_str(const char *src, rp_diags *d)
{
    return rp_scenario_load_buffer(src, strlen(src), "t.lua", d);
}

const rp_diag *find_diag(const rp_diags *d, rp_severity sev, const char *needle)
{
    for (int i = 0; i < d->n; i++)
        if (d->items[i].severity == sev && strstr(d->items[i].message, needle))
            return &d->items[i];
    return NULL;
}

rp_session *play(rp_scenario *sc, const char *choices)
{
    rp_session *s = rp_session_new(sc, "sam");
    rp_session_start(s);
    if (choices && *choices) {
        rp_choice_list l = { 0 };
        char err[128];
        if (rp_choices_parse(&l, choices, err, sizeof err) != 0) {
            fprintf(stderr, "bad choices in test: %s\n", err);
            abort();
        }
        for (int i = 0; i < l.n && rp_session_status(s) == RP_AT_DECISION; i++) {
            if (l.items[i] == RP_CHOICE_TIMEOUT)
                rp_session_timeout(s);
            else
                rp_session_choose(s, l.items[i], -1);
        }
        rp_choices_free(&l);
    }
    return s;
}
