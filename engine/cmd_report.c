/*
 * cmd_report.c - the HR commands: `rapport report` (table, CSV, JSON, HTML,
 * xAPI), `rapport verify` and `rapport forget` (DESIGN sections 5 and 7).
 *
 * Exit codes: 0 done (verify: intact); 1 usage; 2 the records could not be
 * read or the report written (the message says why and what to do);
 * verify: 3 some record was changed outside Rapport; forget: 3 no such trainee.
 */
#include "commands.h"
#include "report.h"
#include "store.h"
#include "util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_RECORDS = 2, EXIT_FOUND = 3 };

/* Flushes stdout and says so when the output could not be written (a full disk, a closed pipe). */
static int finish_output(const char *cmd)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "rapport %s: the output could not be written in full\n", cmd);
        return EXIT_RECORDS;
    }
    return RP_EXIT_OK;
}

/* ---- report ------------------------------------------------------------------- */

static void report_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport report [--db PATH] [--trainee NAME] [--scenario ID] [--cohort LABEL]\n"
            "                      [--since DATE] [--until DATE]\n"
            "                      [--csv [--decisions] | --json | --html FILE | --xapi [--pseudonymous]]\n"
            "  Stored scorecards for HR. Without a format: a table of sessions, then who needs\n"
            "  coaching on which skill. DATE is YYYY-MM-DD (UTC; --until includes that day).\n"
            "  --csv          a row per session (--decisions: a row per decision)\n"
            "  --json         sessions with their decisions, trainee summaries, cohort summary\n"
            "  --html FILE    a self-contained report with charts, to open, mail or print\n"
            "  --xapi         xAPI 1.0.3 statements (a JSON array) for a learning record store;\n"
            "                 --pseudonymous replaces names with a keyed hash; --xapi-base IRI\n"
            "                 (or RAPPORT_XAPI_BASE) sets the activity and extension IRIs;\n"
            "                 RAPPORT_XAPI_HOMEPAGE sets the actor account's homePage\n"
            "  The records file is --db PATH, else $RAPPORT_DB, else\n"
            "  $XDG_DATA_HOME/rapport/records.db (~/.local/share/rapport/records.db);\n"
            "  a shared database is a URL: --db postgresql://USER@HOST/DB (docs/deployment.md).\n"
            "  See docs/reports.md.\n");
}

int rp_cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        { "db", required_argument, 0, 'd' },
        { "trainee", required_argument, 0, 't' },
        { "scenario", required_argument, 0, 's' },
        { "cohort", required_argument, 0, 'c' },
        { "since", required_argument, 0, 'S' },
        { "until", required_argument, 0, 'U' },
        { "csv", no_argument, 0, 'C' },
        { "decisions", no_argument, 0, 'D' },
        { "json", no_argument, 0, 'j' },
        { "html", required_argument, 0, 'H' },
        { "xapi", no_argument, 0, 'x' },
        { "pseudonymous", no_argument, 0, 'p' },
        { "xapi-base", required_argument, 0, 'b' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 }
    };
    rp_filter f = { 0 };
    const char *db = NULL, *html = NULL, *base = NULL;
    int csv = 0, decisions = 0, json = 0, xapi = 0, pseudo = 0, opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'd': db = optarg; break;
        case 't': f.trainee = optarg; break;
        case 's': f.scenario = optarg; break;
        case 'c': f.cohort = optarg; break;
        case 'S': f.since = optarg; break;
        case 'U': f.until = optarg; break;
        case 'C': csv = 1; break;
        case 'D': decisions = 1; break;
        case 'j': json = 1; break;
        case 'H': html = optarg; break;
        case 'x': xapi = 1; break;
        case 'p': pseudo = 1; break;
        case 'b': base = optarg; break;
        case 'h': report_usage(stdout); return RP_EXIT_OK;
        default:
            fprintf(stderr, "rapport report: unknown option or missing value: '%s'\n", argv[optind - 1]);
            report_usage(stderr);
            return RP_EXIT_USAGE;
        }
    }
    const char *problem = NULL;
    if (optind < argc)
        problem = "unexpected argument; filters are options, e.g. --trainee NAME";
    else if (csv + json + xapi + (html != NULL) > 1)
        problem = "choose one format: --csv, --json, --html FILE or --xapi";
    else if (decisions && !csv)
        problem = "--decisions goes with --csv (JSON always includes the decisions)";
    else if ((pseudo || base) && !xapi)
        problem = "--pseudonymous and --xapi-base go with --xapi";
    if (problem) {
        fprintf(stderr, "rapport report: %s\n", problem);
        report_usage(stderr);
        return RP_EXIT_USAGE;
    }
    char err[1024];
    if (rp_filter_check(&f, err, sizeof err) != 0) {
        fprintf(stderr, "rapport report: %s\n", err);
        return RP_EXIT_USAGE;
    }
    rp_store *st = rp_store_open_readonly(rp_store_default_path(db), err, sizeof err);
    if (st == NULL) {
        fprintf(stderr, "rapport report: %s\n", err);
        return EXIT_RECORDS;
    }
    int code = RP_EXIT_OK;
    if (html) {
        if (rp_report_write_html(st, &f, html, err, sizeof err) != 0) {
            fprintf(stderr, "rapport report: %s\n", err);
            code = EXIT_RECORDS;
        } else {
            rp_record_list l;
            if (rp_report_list(st, &f, false, &l, err, sizeof err) == 0) {
                printf("Wrote %s (%d session%s). Open it in a browser, or print it.\n", html, l.n,
                       l.n == 1 ? "" : "s");
                rp_record_list_free(&l);
            }
            code = finish_output("report");
        }
        rp_store_close(st);
        return code;
    }
    rp_record_list l;
    if (rp_report_list(st, &f, json || xapi || decisions, &l, err, sizeof err) != 0) {
        fprintf(stderr, "rapport report: %s\n", err);
        rp_store_close(st);
        return EXIT_RECORDS;
    }
    if (csv) {
        rp_report_write_csv(&l, decisions, stdout);
    } else if (json || xapi) {
        cJSON *doc;
        if (json) {
            doc = rp_report_json(&l, &f, rp_store_path(st));
        } else {
            rp_xapi_options xo = { .base = base, .pseudonymous = pseudo };
            doc = rp_report_xapi(st, &l, &xo, err, sizeof err);
        }
        if (doc == NULL) {
            fprintf(stderr, "rapport report: %s\n", err);
            code = RP_EXIT_USAGE;
        } else {
            char *text = cJSON_Print(doc);
            if (text)
                printf("%s\n", text);
            cJSON_free(text);
            cJSON_Delete(doc);
        }
    } else {
        rp_report_write_table(&l, rp_store_path(st), stdout);
    }
    rp_record_list_free(&l);
    rp_store_close(st);
    return code != RP_EXIT_OK ? code : finish_output("report");
}

/* ---- verify --------------------------------------------------------------------- */

static void verify_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport verify [--db PATH]\n"
            "  Checks that no stored record was edited, inserted or deleted outside Rapport.\n"
            "  Lists each problem by session id. Sessions still being recorded (or whose\n"
            "  recording stopped before the end) are listed as unfinished, which is not a fault.\n"
            "  Exit: 0 intact, 1 usage, 2 the check could not run, 3 records were changed.\n");
}

int rp_cmd_verify(int argc, char **argv)
{
    static const struct option opts[] = {
        { "db", required_argument, 0, 'd' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 }
    };
    const char *db = NULL;
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'd': db = optarg; break;
        case 'h': verify_usage(stdout); return RP_EXIT_OK;
        default:
            fprintf(stderr, "rapport verify: unknown option or missing value: '%s'\n", argv[optind - 1]);
            verify_usage(stderr);
            return RP_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "rapport verify: unexpected argument '%s'; name the records file with --db PATH\n",
                argv[optind]);
        return RP_EXIT_USAGE;
    }
    char err[1024];
    rp_store *st = rp_store_open_readonly(rp_store_default_path(db), err, sizeof err);
    if (st == NULL) {
        fprintf(stderr, "rapport verify: %s\n", err);
        return EXIT_RECORDS;
    }
    rp_verify_result v;
    if (rp_store_verify(st, &v, err, sizeof err) != 0) {
        fprintf(stderr, "rapport verify: %s\n", err);
        rp_store_close(st);
        return EXIT_RECORDS;
    }
    printf("%s: %d session%s checked (%d sealed, %d unfinished", rp_store_path(st), v.sessions,
           v.sessions == 1 ? "" : "s", v.sealed, v.unfinished);
    if (v.forgotten)
        printf(", %d forgotten on request", v.forgotten);
    printf(")\n");
    for (int i = 0; i < v.n_problems; i++) {
        if (v.problems[i].session)
            printf("session %lld: %s\n", v.problems[i].session, v.problems[i].what);
        else
            printf("records: %s\n", v.problems[i].what);
    }
    if (v.unfinished) {
        rp_record_list l;
        if (rp_report_list(st, NULL, false, &l, err, sizeof err) == 0) {
            for (int i = 0; i < l.n; i++) {
                const rp_record *r = &l.items[i];
                if (r->status == RP_REC_IN_PROGRESS)
                    printf("session %lld: unfinished (still being recorded)\n", r->id);
                else if (r->interrupted)
                    printf("session %lld: unfinished (the recording stopped before the end; reports show "
                           "it as abandoned)\n", r->id);
            }
            rp_record_list_free(&l);
        }
    }
    int code;
    if (v.n_problems == 0) {
        printf("Intact: no record was edited, inserted or deleted outside Rapport.\n");
        code = RP_EXIT_OK;
    } else {
        printf("NOT INTACT: %d problem%s. The records above were changed outside Rapport (or the seal key "
               "was replaced). Compare with a backup before trusting them.\n", v.n_problems,
               v.n_problems == 1 ? "" : "s");
        code = EXIT_FOUND;
    }
    rp_verify_result_free(&v);
    rp_store_close(st);
    int out = finish_output("verify");
    return out != RP_EXIT_OK ? out : code;
}

/* ---- forget -------------------------------------------------------------------------- */

static void forget_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport forget --trainee NAME [--db PATH] [--force]\n"
            "  Removes every record of one trainee (for a data-protection request) and\n"
            "  reseals the remaining records, so 'rapport verify' still passes. It refuses\n"
            "  when the records do not verify; --force forgets anyway (and reseals over the\n"
            "  problems). Exit: 0 done, 1 usage, 2 records error, 3 no such trainee.\n");
}

int rp_cmd_forget(int argc, char **argv)
{
    static const struct option opts[] = {
        { "db", required_argument, 0, 'd' },
        { "trainee", required_argument, 0, 't' },
        { "force", no_argument, 0, 'f' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 }
    };
    const char *db = NULL, *trainee = NULL;
    int force = 0, opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'd': db = optarg; break;
        case 't': trainee = optarg; break;
        case 'f': force = 1; break;
        case 'h': forget_usage(stdout); return RP_EXIT_OK;
        default:
            fprintf(stderr, "rapport forget: unknown option or missing value: '%s'\n", argv[optind - 1]);
            forget_usage(stderr);
            return RP_EXIT_USAGE;
        }
    }
    if (trainee == NULL || *trainee == '\0' || optind < argc) {
        fprintf(stderr, "rapport forget: name the trainee with --trainee NAME\n");
        forget_usage(stderr);
        return RP_EXIT_USAGE;
    }
    char err[1024];
    rp_store *st = rp_store_open(rp_store_default_path(db), err, sizeof err);
    if (st == NULL) {
        fprintf(stderr, "rapport forget: %s\n", err);
        return EXIT_RECORDS;
    }
    int removed = 0;
    int code = RP_EXIT_OK;
    if (rp_store_forget(st, trainee, force, &removed, err, sizeof err) != 0) {
        fprintf(stderr, "rapport forget: %s\n", err);
        code = EXIT_RECORDS;
    } else if (removed == 0) {
        char names[256][64];
        int n = rp_store_recent_trainees(st, names, 256);
        const char *list[256];
        for (int i = 0; i < n; i++)
            list[i] = names[i];
        const char *near = rp_did_you_mean(trainee, list, n);
        fprintf(stderr, "rapport forget: there are no records of '%s' in %s%s%s%s; nothing was changed\n",
                trainee, rp_store_path(st), near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
        code = EXIT_FOUND;
    } else {
        printf("Forgot '%s': removed %d session%s and their decisions from %s, and resealed the remaining "
               "records.\n", trainee, removed, removed == 1 ? "" : "s", rp_store_path(st));
        printf("Reports made before today may still name them: delete those copies too.\n");
    }
    rp_store_close(st);
    int out = finish_output("forget");
    return out != RP_EXIT_OK ? out : code;
}
