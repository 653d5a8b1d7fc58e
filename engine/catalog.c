/* catalog.c - see catalog.h. */
#include "catalog.h"
#include "scenario.h"

#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RP_DATADIR
#define RP_DATADIR "/usr/local/share/rapport"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *find_dir(char *cache, size_t size, const char *env, const char *name)
{
    if (cache[0])
        return cache;
    const char *e = getenv(env);
    if (e && *e) {
        snprintf(cache, size, "%s", e);
        return cache;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *dir = dirname(exe);
        snprintf(cache, size, "%s/%s", dir, name);
        if (is_dir(cache))
            return cache;
    }
    snprintf(cache, size, "%s/%s", RP_DATADIR, name);
    return cache;
}

const char *rp_scenarios_dir(void)
{
    static char dir[PATH_MAX];
    return find_dir(dir, sizeof dir, "RAPPORT_SCENARIOS", "scenarios");
}

const char *rp_assets_dir(void)
{
    static char dir[PATH_MAX];
    return find_dir(dir, sizeof dir, "RAPPORT_ASSETS", "assets");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

rp_paths rp_list_scenarios(const char *dir)
{
    rp_paths p = { 0 };
    DIR *d = opendir(dir);
    if (d == NULL)
        return p;
    struct dirent *e;
    int cap = 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || e->d_name[0] == '.' || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        if (p.n == cap) {
            cap = cap ? cap * 2 : 16;
            p.paths = realloc(p.paths, sizeof *p.paths * (size_t)cap);
        }
        size_t size = strlen(dir) + len + 2;
        p.paths[p.n] = malloc(size);
        snprintf(p.paths[p.n], size, "%s/%s", dir, e->d_name);
        p.n++;
    }
    closedir(d);
    if (p.n > 1)
        qsort(p.paths, (size_t)p.n, sizeof *p.paths, cmp_str);
    return p;
}

void rp_paths_free(rp_paths *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->paths[i]);
    free(p->paths);
    p->paths = NULL;
    p->n = 0;
}

char *rp_resolve_scenario(const char *arg)
{
    struct stat st;
    if (stat(arg, &st) == 0 && S_ISREG(st.st_mode))
        return strdup(arg);
    if (strchr(arg, '/'))
        return NULL;
    /* by file name: late-refund -> late_refund.lua */
    const char *dir = rp_scenarios_dir();
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s.lua", dir, arg);
    for (char *c = path + strlen(dir) + 1; *c; c++)
        if (*c == '-') *c = '_';
    if (stat(path, &st) == 0)
        return strdup(path);
    /* by id: load each bundled scenario's header */
    rp_paths all = rp_list_scenarios(dir);
    char *found = NULL;
    for (int i = 0; i < all.n && !found; i++) {
        rp_scenario *sc = rp_scenario_load_file(all.paths[i], NULL);
        if (sc && strcmp(sc->id, arg) == 0)
            found = strdup(all.paths[i]);
        rp_scenario_free(sc);
    }
    rp_paths_free(&all);
    return found;
}
