/*
 * cmd_run.c - `rapport run FILE --choices 1,3,2 [--json] [--trainee NAME]`:
 * plays a scenario headlessly and prints its scorecard.
 */
#include "commands.h"
#include "catalog.h"
#include "choices.h"
#include "scorecard.h"
#include "session.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rp_scenario *rp_load_or_report(const char *path, int show_warnings)
{
    rp_diags diags = { 0 };
    rp_scenario *sc = rp_scenario_load_file(path, &diags);
    char line[1400];
    for (int i = 0; i < diags.n; i++)
        if (diags.items[i].severity == RP_ERROR || show_warnings)
            fprintf(stderr, "%s\n", rp_diag_format(&diags.items[i], line, sizeof line));
    rp_diags_free(&diags);
    return sc;
}

const char *rp_default_trainee(const char *flag)
{
    if (flag && *flag) return flag;
    const char *e = getenv("RAPPORT_TRAINEE");
    if (e && *e) return e;
    e = getenv("USER");
    if (e && *e) return e;
    return "trainee";
}

static void run_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport run FILE|ID [--choices 1,3,2] [--json] [--trainee NAME]\n"
            "  Plays the scenario headlessly. Choices are 1-based indexes into the\n"
            "  choices shown at each decision, 't' for a time-out; without --choices\n"
            "  they are read one per line from standard input.\n"
            "  Exit: 0 ended, 1 usage, 2 scenario error, 3 choices ran out, 4 choice out of range.\n");
}

int rp_cmd_run(int argc, char **argv)
{
    static const struct option opts[] = {
        { "choices", required_argument, 0, 'c' },
        { "json", no_argument, 0, 'j' },
        { "trainee", required_argument, 0, 't' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 }
    };
    const char *choices = NULL, *trainee = NULL;
    int json = 0, opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "c:jt:h", opts, NULL)) != -1) {
        switch (opt) {
        case 'c': choices = optarg; break;
        case 'j': json = 1; break;
        case 't': trainee = optarg; break;
        case 'h': run_usage(stdout); return RP_EXIT_OK;
        default:
            fprintf(stderr, "rapport run: unknown option or missing value: '%s'\n", argv[optind - 1]);
            run_usage(stderr);
            return RP_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "rapport run: give exactly one scenario file\n");
        run_usage(stderr);
        return RP_EXIT_USAGE;
    }
    rp_choice_list list = { 0 };
    char err[256];
    int rc = choices ? rp_choices_parse(&list, choices, err, sizeof err)
                     : rp_choices_read(&list, stdin, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "rapport run: %s\n", err);
        rp_choices_free(&list);
        return RP_EXIT_USAGE;
    }
    char *path = rp_resolve_scenario(argv[optind]);
    if (path == NULL) {
        fprintf(stderr, "%s: no such scenario file or bundled scenario id\n", argv[optind]);
        rp_choices_free(&list);
        return RP_EXIT_SCENARIO;
    }
    rp_scenario *sc = rp_load_or_report(path, 0);
    free(path);
    if (sc == NULL) {
        rp_choices_free(&list);
        return RP_EXIT_SCENARIO;
    }
    rp_session *s = rp_session_new(sc, rp_default_trainee(trainee));
    rp_status st = rp_session_start(s);
    int exit_code = RP_EXIT_OK, used = 0;
    for (; used < list.n && st == RP_AT_DECISION; used++) {
        int k = list.items[used], n_shown;
        rp_session_shown(s, &n_shown);
        const rp_node *nd = &sc->nodes[rp_session_node(s)];
        if (k == RP_CHOICE_TIMEOUT && !rp_session_can_time_out(s)) {
            fprintf(stderr, "%s:%d: decision %d (node '%s') has no time limit, so 't' is not allowed; "
                    "choose 1 to %d\n", sc->path, nd->line, used + 1, nd->id, n_shown);
            exit_code = RP_EXIT_RANGE;
            break;
        }
        if (k > n_shown) {
            fprintf(stderr, "%s:%d: decision %d (node '%s'): choice %d is out of range; choose 1 to %d\n",
                    sc->path, nd->line, used + 1, nd->id, k, n_shown);
            exit_code = RP_EXIT_RANGE;
            break;
        }
        st = k == RP_CHOICE_TIMEOUT ? rp_session_timeout(s) : rp_session_choose(s, k, -1);
    }
    if (exit_code == RP_EXIT_OK) {
        if (st == RP_FAILED) {
            fprintf(stderr, "%s\n", rp_session_error(s));
            exit_code = RP_EXIT_SCENARIO;
        } else {
            if (st == RP_AT_DECISION) {
                const rp_node *nd = &sc->nodes[rp_session_node(s)];
                fprintf(stderr, "%s: the choices ran out at decision %d (node '%s') before an ending\n",
                        sc->path, used + 1, nd->id);
                exit_code = RP_EXIT_INCOMPLETE;
            } else if (used < list.n) {
                fprintf(stderr, "%s: the run ended after %d decision%s; %d more choice%s ignored\n", sc->path,
                        used, used == 1 ? "" : "s", list.n - used, list.n - used == 1 ? " was" : "s were");
            }
            if (json) {
                cJSON *card = rp_scorecard_json(s);
                char *text = cJSON_Print(card);
                printf("%s\n", text);
                cJSON_free(text);
                cJSON_Delete(card);
            } else {
                rp_scorecard_print_summary(s, stdout);
            }
        }
    }
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_choices_free(&list);
    return exit_code;
}
