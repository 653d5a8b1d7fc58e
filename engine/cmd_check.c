/*
 * cmd_check.c - `rapport check FILE...`: everything a trainer should hear
 * about a scenario before a trainee sees it, as file:line: error|warning.
 *
 * Loading finds what is wrong in the file itself (types, ids, targets,
 * typos). Exploring every path then finds what is wrong with the story:
 * dead ends, nodes nobody reaches, choices never shown, endings nobody
 * reaches and a pass mark no path can reach.
 */
#include "commands.h"
#include "explore.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_EXPLORE_LIMIT 50000
#define SAY_MAX 320          /* characters that fit the speech panel at 100% */
#define CHOICE_MAX 160
#define NARRATION_MAX 240

static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void check_text(rp_diags *d, const rp_scenario *sc, int line, const char *what,
                       const char *text, size_t max)
{
    if (text == NULL)
        return;
    size_t n = utf8_len(text);
    if (n > max)
        rp_diags_add(d, RP_WARNING, sc->path, line,
                     "%s is %zu characters; more than %zu will not fit the window at larger text sizes",
                     what, n, max);
    for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        if (close == NULL || close - p > 40)
            break;
        char name[48];
        snprintf(name, sizeof name, "%.*s", (int)(close - p - 1), p + 1);
        bool ok = strcmp(name, "trainee") == 0 || strcmp(name, "customer") == 0 ||
                  rp_scenario_find_var(sc, name) >= 0;
        bool looks_like = name[0] && strspn(name, "abcdefghijklmnopqrstuvwxyz_0123456789") == strlen(name);
        if (!ok && looks_like)
            rp_diags_add(d, RP_WARNING, sc->path, line,
                         "%s uses {%s}, which is not {trainee}, {customer} or a variable that 'set' writes",
                         what, name);
    }
}

/* Splits "file:line: message" from a runtime error into a diagnostic. */
static void add_runtime_error(rp_diags *d, const rp_scenario *sc, const char *msg)
{
    size_t fl = strlen(sc->path);
    if (strncmp(msg, sc->path, fl) == 0 && msg[fl] == ':') {
        char *end;
        long line = strtol(msg + fl + 1, &end, 10);
        if (end[0] == ':' && end[1] == ' ') {
            rp_diags_add(d, RP_ERROR, sc->path, (int)line, "%s", end + 2);
            return;
        }
    }
    rp_diags_add(d, RP_ERROR, sc->path, 0, "%s", msg);
}

/* The portrait image must be where the window will look for it: beside the scenario. */
static void check_portrait(rp_diags *d, const rp_scenario *sc)
{
    const char *rel = sc->customer.portrait;
    if (rel == NULL)
        return;
    char path[PATH_MAX], dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", sc->path);
    if (rel[0] == '/')
        snprintf(path, sizeof path, "%s", rel);
    else
        snprintf(path, sizeof path, "%s/%s", dirname(dir), rel);
    if (access(path, R_OK) != 0)
        rp_diags_add(d, RP_WARNING, sc->path, sc->line,
                     "customer portrait '%s' cannot be read (%s); the window will draw a face instead", rel,
                     strerror(errno));
}

static void check_static(rp_diags *d, const rp_scenario *sc)
{
    check_portrait(d, sc);
    static const char *const drawn[] = { "counter", "phone", "chat", "office", "meeting", "warehouse" };
    bool known = false;
    for (size_t i = 0; i < sizeof drawn / sizeof *drawn; i++)
        known |= strcmp(sc->setting, drawn[i]) == 0;
    if (!known)
        rp_diags_add(d, RP_WARNING, sc->path, sc->line,
                     "setting '%s' has no drawn backdrop, so the office is shown; drawn settings are "
                     "counter, phone, chat, office, meeting and warehouse", sc->setting);
    for (int i = 0; i < sc->n_nodes; i++) {
        const rp_node *nd = &sc->nodes[i];
        check_text(d, sc, nd->line, "the line", nd->say, SAY_MAX);
        check_text(d, sc, nd->line, "the narration", nd->narration, NARRATION_MAX);
        check_text(d, sc, nd->line, "the debrief", nd->debrief, 2000);
        if (nd->n_choices > 9)
            rp_diags_add(d, RP_WARNING, sc->path, nd->line,
                         "node '%s' has %d choices; only 9 have number keys and more will not fit",
                         nd->id, nd->n_choices);
        bool all_same = nd->n_choices >= 2;
        for (int k = 0; k < nd->n_choices; k++) {
            const rp_choice *c = &nd->choices[k];
            check_text(d, sc, c->line, "the choice text", c->text, CHOICE_MAX);
            check_text(d, sc, c->line, "the feedback", c->feedback, 400);
            const rp_choice *a = &nd->choices[0];
            if (c->empathy != a->empathy || c->resolution != a->resolution || c->quality != a->quality)
                all_same = false;
        }
        if (all_same)
            rp_diags_add(d, RP_WARNING, sc->path, nd->line,
                         "every choice of node '%s' scores the same on every dimension; the decision "
                         "measures nothing", nd->id);
    }
}

static void check_paths(rp_diags *d, rp_scenario *sc)
{
    rp_exploration x;
    rp_explore(sc, CHECK_EXPLORE_LIMIT, false, &x);
    for (int i = 0; i < x.n_errors; i++)
        add_runtime_error(d, sc, x.errors[i]);
    if (x.ended == 0 && x.n_errors == 0)
        rp_diags_add(d, RP_ERROR, sc->path, sc->line, "no path reaches an ending; every run loops for ever");
    if (x.capped)
        rp_diags_add(d, RP_WARNING, sc->path, sc->line,
                     "the scenario has more than %d paths, so unreachable nodes and choices never shown were "
                     "not checked; run 'rapport explore --limit N' with a larger N", CHECK_EXPLORE_LIMIT);
    /* after a runtime error the paths it stopped make everything beyond look unreachable: say the error only */
    if (!x.capped && x.n_errors == 0) {
        for (int i = 0; i < sc->n_nodes; i++) {
            const rp_node *nd = &sc->nodes[i];
            if (!x.reached[i]) {
                rp_diags_add(d, RP_WARNING, sc->path, nd->line, "%s '%s' is never reached from the start",
                             nd->is_ending ? "ending" : "node", nd->id);
                continue;
            }
            for (int k = 0; k < nd->n_choices; k++)
                if (!x.shown[i][k])
                    rp_diags_add(d, RP_WARNING, sc->path, nd->choices[k].line,
                                 "choice %d of node '%s' is never shown: its 'when' is false on every path",
                                 k + 1, nd->id);
        }
    }
    if (x.ended > 0 && x.passed == 0) {
        const char *which = x.capped ? "explored path" : "path";
        if (x.overall.n > 0 && rp_round1(x.overall.max) < sc->pass_mark)
            rp_diags_add(d, RP_WARNING, sc->path, sc->pass_mark_line,
                         "no %s can reach the pass mark of %g: the best overall score is %.1f",
                         which, sc->pass_mark, rp_round1(x.overall.max));
        else if (x.overall.n == 0)
            rp_diags_add(d, RP_WARNING, sc->path, sc->pass_mark_line,
                         "no %s can pass: no run is scored, because every decision's choices score the same",
                         which);
        else
            rp_diags_add(d, RP_WARNING, sc->path, sc->pass_mark_line,
                         "no %s passes: every run that scores %g or more ends in an ending with pass = false",
                         which, sc->pass_mark);
    }
    rp_exploration_free(&x, sc);
}

/* Orders diagnostics by line, keeping the order of those on one line. */
static void sort_by_line(rp_diags *d)
{
    for (int i = 1; i < d->n; i++) {
        rp_diag g = d->items[i];
        int j = i;
        for (; j > 0 && d->items[j - 1].line > g.line; j--)
            d->items[j] = d->items[j - 1];
        d->items[j] = g;
    }
}

int rp_cmd_check(int argc, char **argv)
{
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rapport check [--errors-only] FILE...\n"
                   "  Prints file:line: error|warning: message for every problem found;\n"
                   "  exits 0 when no file has an error, 2 otherwise.\n");
            return RP_EXIT_OK;
        }
        if (strcmp(argv[i], "--errors-only") == 0)
            quiet = 1;
        else if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "rapport check: unknown option '%s'; see rapport check --help\n", argv[i]);
            return RP_EXIT_USAGE;
        }
    }
    int files = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] == '-')
            continue;
        files++;
        rp_diags d = { 0 };
        rp_scenario *sc = rp_scenario_load_file(argv[i], &d);
        if (sc) {
            check_static(&d, sc);
            check_paths(&d, sc);
        }
        sort_by_line(&d);
        char line[1400];
        for (int k = 0; k < d.n; k++)
            if (!quiet || d.items[k].severity == RP_ERROR)
                printf("%s\n", rp_diag_format(&d.items[k], line, sizeof line));
        if (sc == NULL || rp_diags_errors(&d) > 0)
            failed++;
        rp_diags_free(&d);
        rp_scenario_free(sc);
    }
    if (files == 0) {
        fprintf(stderr, "usage: rapport check FILE...\n");
        return RP_EXIT_USAGE;
    }
    return failed ? RP_EXIT_SCENARIO : RP_EXIT_OK;
}
