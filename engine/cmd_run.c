/*
 * cmd_run.c - `rapport run FILE --choices 1,3,2 [--json] [--trainee NAME]`:
 * plays a scenario headlessly and prints its scorecard.
 */
#include "commands.h"
#include "catalog.h"
#include "choices.h"
#include "scorecard.h"
#include "session.h"
#include "store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static void run_record_usage(FILE *out)
{
    fprintf(out,
            "  --record [--db PATH] [--cohort LABEL]: stores the session like one played in the\n"
            "  window, each decision as it is made (choices from standard input are applied\n"
            "  as each line arrives). Exit 5: the session could not be recorded.\n");
}

/*
 * --record with choices on standard input: reads lines until one more
 * choice is listed, so each is applied and recorded as it arrives.
 * Returns 1 (got one), 0 (end of input) or -1 (a bad line; message in err).
 */
static int read_next_choice(rp_choice_list *list, char *err, size_t errsize)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int before = list->n, rc = 0;
    while (rc == 0 && list->n == before && (len = getline(&line, &cap, stdin)) > 0) {
        FILE *f = fmemopen(line, (size_t)len, "r");
        if (f == NULL)
            break;
        rc = rp_choices_read(list, f, err, errsize);
        fclose(f);
    }
    free(line);
    return rc != 0 ? -1 : list->n > before;
}

int rp_cmd_run(int argc, char **argv)
{
    static const struct option opts[] = {
        { "choices", required_argument, 0, 'c' },
        { "json", no_argument, 0, 'j' },
        { "trainee", required_argument, 0, 't' },
        { "record", no_argument, 0, 'r' },
        { "db", required_argument, 0, 'd' },
        { "cohort", required_argument, 0, 'C' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 }
    };
    const char *choices = NULL, *trainee = NULL, *db = NULL, *cohort = NULL;
    int json = 0, record = 0, opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "c:jt:h", opts, NULL)) != -1) {
        switch (opt) {
        case 'c': choices = optarg; break;
        case 'j': json = 1; break;
        case 't': trainee = optarg; break;
        case 'r': record = 1; break;
        case 'd': db = optarg; break;
        case 'C': cohort = optarg; break;
        case 'h': run_usage(stdout); run_record_usage(stdout); return RP_EXIT_OK;
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
    char err[256], rerr[1024];
    int lazy = record && choices == NULL;   /* --record: apply and record each line as it arrives */
    int rc = choices ? rp_choices_parse(&list, choices, err, sizeof err)
                     : lazy ? 0 : rp_choices_read(&list, stdin, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "rapport run: %s\n", err);
        rp_choices_free(&list);
        return RP_EXIT_USAGE;
    }
    char *path = rp_resolve_scenario(argv[optind]);
    if (path == NULL) {
        struct stat st;
        if (stat(argv[optind], &st) == 0)
            fprintf(stderr, "%s: is %s, not a scenario file; give a .lua file\n", argv[optind],
                    S_ISDIR(st.st_mode) ? "a directory" : "not a regular file");
        else
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
    rp_store *store = NULL;
    long long rec = 0;
    int written = 0, record_failed = 0;
    if (record && (store = rp_store_open(rp_store_default_path(db), rerr, sizeof rerr)) == NULL) {
        fprintf(stderr, "rapport run: the session cannot be recorded: %s\n", rerr);
        rp_scenario_free(sc);
        rp_choices_free(&list);
        return RP_EXIT_RECORD;
    }
    rp_session *s = rp_session_new(sc, rp_default_trainee(trainee));
    rp_status st = rp_session_start(s);
    if (store && (rec = rp_store_begin(store, s, cohort, rerr, sizeof rerr)) == 0) {
        fprintf(stderr, "rapport run: the session cannot be recorded: %s\n", rerr);
        record_failed = 1;
    }
    int exit_code = RP_EXIT_OK, used = 0;
    for (; st == RP_AT_DECISION; used++) {
        if (used == list.n) {
            int got = lazy ? read_next_choice(&list, err, sizeof err) : 0;
            if (got < 0) {
                fprintf(stderr, "rapport run: %s\n", err);
                exit_code = RP_EXIT_USAGE;
            }
            if (got <= 0)
                break;
        }
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
        if (rec && rp_store_sync(store, rec, s, &written, rerr, sizeof rerr) != 0) {
            fprintf(stderr, "rapport run: a decision could not be recorded: %s\n", rerr);
            record_failed = 1;
        }
    }
    if (rec) {
        if (rp_store_end(store, rec, s, rerr, sizeof rerr) != 0) {
            fprintf(stderr, "rapport run: the session could not be recorded: %s\n", rerr);
            record_failed = 1;
        } else if (!record_failed) {
            fprintf(stderr, "Recorded as session %lld%s in %s\n", rec,
                    st == RP_ENDED ? "" : " (abandoned: no ending was reached)", rp_store_path(store));
        }
    }
    if (lazy && exit_code == RP_EXIT_OK && st != RP_AT_DECISION)
        rp_choices_read(&list, stdin, err, sizeof err);   /* count what was left, as without --record */
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
    if (record_failed && exit_code == RP_EXIT_OK)
        exit_code = RP_EXIT_RECORD;
    rp_store_close(store);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_choices_free(&list);
    return exit_code;
}
