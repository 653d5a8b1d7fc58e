/*
 * catalog.h - where Rapport finds its bundled scenarios and assets, and
 * how `play ID` finds a scenario by its id.
 *
 * Scenarios: $RAPPORT_SCENARIOS, else `scenarios/` beside the executable,
 * else $(datadir)/rapport/scenarios. Assets likewise with RAPPORT_ASSETS.
 */
#ifndef RAPPORT_CATALOG_H
#define RAPPORT_CATALOG_H

#include <stddef.h>

const char *rp_scenarios_dir(void);
const char *rp_assets_dir(void);

/* The .lua files of a directory, sorted; free with rp_paths_free. */
typedef struct {
    char **paths;
    int n;
} rp_paths;
rp_paths rp_list_scenarios(const char *dir);
void rp_paths_free(rp_paths *p);

/*
 * Resolves FILE|ID: an existing path is returned as is; otherwise the
 * bundled scenario with that id (or file name). Returns a malloc'd path,
 * or NULL.
 */
char *rp_resolve_scenario(const char *file_or_id);

#endif
