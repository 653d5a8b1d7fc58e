/*
 * cmd_sync.c - `rapport sync`: sends the queued xAPI statements to a
 * learning record store (sync.h); `--status` lists the queue.
 *
 * Exit codes: 0 everything was delivered (or there was nothing to send);
 * 1 usage, or the LRS settings are missing or wrong; 2 the records could
 * not be read or written; 6 something is left: statements stay queued (the
 * LRS could not be reached, was busy, or refused the credentials) or were
 * set aside for review. `--status`, `--retry` and `--drop`: 0 done, 2 records error.
 */
#include "commands.h"
#include "store.h"
#include "sync.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { EXIT_RECORDS = 2, EXIT_LEFT = 6 };

static void sync_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport sync [--lrs URL] [--db PATH] [--batch N]\n"
            "       rapport sync --status | --retry | --drop [--db PATH]\n"
            "  Sends the recorded sessions to a learning record store (LRS) as xAPI 1.0.3\n"
            "  statements (the ones 'rapport report --xapi' prints), each exactly once.\n"
            "  URL is the LRS's xAPI endpoint (statements are posted to URL/statements);\n"
            "  also RAPPORT_LRS_URL, or url = ... in %s.\n"
            "  Credentials (the LRS client's key and secret) come from RAPPORT_LRS_USER and\n"
            "  RAPPORT_LRS_PASSWORD, or RAPPORT_LRS_AUTH=KEY:SECRET, or user = and password =\n"
            "  in that file (mode 600); never from the command line.\n"
            "  --batch N   statements per request (default 50)\n"
            "  --status    what is queued, what was set aside for review and why, the last error\n"
            "  --retry     put the statements set aside back in the queue\n"
            "  --drop      remove the statements set aside from the queue (the records stay)\n"
            "  Exit: 0 all sent, 1 usage or settings, 2 records error, 6 some left queued or set aside.\n"
            "  See docs/deployment.md.\n", rp_sync_config_path());
}

/* A plain-http address that is not this machine: the credentials would cross the network in clear. */
static bool clear_text_remote(const char *url)
{
    if (strncasecmp(url, "http://", 7) != 0)
        return false;
    const char *host = url + 7;
    return strncmp(host, "127.", 4) != 0 && strncasecmp(host, "localhost", 9) != 0 && strncmp(host, "[::1]", 5) != 0;
}

static int show_status(const char *db)
{
    rp_sync_summary s;
    char err[1024];
    if (rp_sync_status(db, &s, err, sizeof err) != 0) {
        fprintf(stderr, "rapport sync: %s\n", err);
        return EXIT_RECORDS;
    }
    printf("%s: statements for the LRS\n", db);
    if (s.pending)
        printf("  queued:     %d (the oldest since %s)\n", s.pending, s.oldest);
    else
        printf("  queued:     none\n");
    if (s.rejected + s.conflict)
        printf("  set aside:  %d (%d refused by the LRS, %d in conflict with what it holds)\n", s.rejected + s.conflict,
               s.rejected, s.conflict);
    else
        printf("  set aside:  none\n");
    if (s.last_attempt[0])
        printf("  last sync:  %s to %s\n", s.last_attempt, s.last_lrs[0] ? s.last_lrs : "?");
    else
        printf("  last sync:  never\n");
    if (s.last_error[0] && s.last_success[0])
        printf("  last complete delivery: %s\n", s.last_success);
    if (s.last_error[0])
        printf("  last error: %s\n", s.last_error);
    if (s.n_held) {
        printf("\nSet aside for review:\n");
        for (int i = 0; i < s.n_held; i++) {
            const rp_sync_item *it = &s.held[i];
            char what[48];
            if (strcmp(it->kind, "answered") == 0)
                snprintf(what, sizeof what, "answered (decision %d)", it->index + 1);
            else
                snprintf(what, sizeof what, "%s", it->kind);
            printf("  %s  session %lld (%s, %s), %s: %s: %s\n", it->statement_id, it->session,
                   it->trainee[0] ? it->trainee : "?", it->scenario[0] ? it->scenario : "?", what, it->status,
                   it->error[0] ? it->error : "no reason recorded");
        }
        printf("Once the cause is fixed, send them again with 'rapport sync --retry' then 'rapport sync';\n"
               "or remove them from the queue with 'rapport sync --drop' (the records stay).\n");
    }
    rp_sync_summary_free(&s);
    return RP_EXIT_OK;
}

int rp_cmd_sync(int argc, char **argv)
{
    static const struct option opts[] = {
        { "lrs", required_argument, 0, 'l' },
        { "db", required_argument, 0, 'd' },
        { "batch", required_argument, 0, 'b' },
        { "status", no_argument, 0, 's' },
        { "retry", no_argument, 0, 'r' },
        { "drop", no_argument, 0, 'D' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 }
    };
    const char *url = NULL, *db = NULL, *batch = NULL;
    int status = 0, retry = 0, drop = 0, opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'l': url = optarg; break;
        case 'd': db = optarg; break;
        case 'b': batch = optarg; break;
        case 's': status = 1; break;
        case 'r': retry = 1; break;
        case 'D': drop = 1; break;
        case 'h': sync_usage(stdout); return RP_EXIT_OK;
        default:
            if (optopt == 0 && argv[optind - 1] && (strncmp(argv[optind - 1], "--user", 6) == 0 ||
                                                    strncmp(argv[optind - 1], "--pass", 6) == 0 ||
                                                    strncmp(argv[optind - 1], "--auth", 6) == 0))
                fprintf(stderr, "rapport sync: credentials are never taken from the command line (other users "
                        "could see them): set RAPPORT_LRS_USER and RAPPORT_LRS_PASSWORD, or write them in %s\n",
                        rp_sync_config_path());
            else
                fprintf(stderr, "rapport sync: unknown option or missing value: '%s'\n", argv[optind - 1]);
            sync_usage(stderr);
            return RP_EXIT_USAGE;
        }
    }
    const char *problem = NULL;
    if (optind < argc)
        problem = "unexpected argument; the LRS address goes with --lrs URL";
    else if (status + retry + drop > 1)
        problem = "choose one of --status, --retry and --drop";
    else if ((status || retry || drop) && (url || batch))
        problem = "--status, --retry and --drop do not send anything: leave out --lrs and --batch";
    if (problem) {
        fprintf(stderr, "rapport sync: %s\n", problem);
        sync_usage(stderr);
        return RP_EXIT_USAGE;
    }
    const char *path = rp_store_default_path(db);
    char err[4096];
    if (status)
        return show_status(path);
    if (retry || drop) {
        int n = 0;
        if ((retry ? rp_sync_requeue(path, &n, err, sizeof err) : rp_sync_drop(path, &n, err, sizeof err)) != 0) {
            fprintf(stderr, "rapport sync: %s\n", err);
            return EXIT_RECORDS;
        }
        if (retry)
            printf("%d statement%s set aside %s back in the queue; 'rapport sync' sends %s.\n", n, n == 1 ? "" : "s",
                   n == 1 ? "is" : "are", n == 1 ? "it" : "them");
        else
            printf("%d statement%s set aside %s removed from the queue; the records are unchanged.\n", n,
                   n == 1 ? "" : "s", n == 1 ? "was" : "were");
        return RP_EXIT_OK;
    }

    rp_sync_config cfg;
    if (rp_sync_config_load(&cfg, url, err, sizeof err) != 0) {
        fprintf(stderr, "rapport sync: %s\n", err);
        return RP_EXIT_USAGE;
    }
    if (batch) {
        char *end;
        long b = strtol(batch, &end, 10);
        if (*end || b < 1 || b > 500) {
            fprintf(stderr, "rapport sync: --batch is a number of statements from 1 to 500\n");
            return RP_EXIT_USAGE;
        }
        cfg.batch = (int)b;
    }
    if (cfg.url[0] == '\0') {
        fprintf(stderr, "rapport sync: no LRS given: use --lrs URL (the LRS's xAPI endpoint, e.g. "
                "https://lrs.example.com/xapi), set RAPPORT_LRS_URL, or write url = ... in %s\n",
                rp_sync_config_path());
        return RP_EXIT_USAGE;
    }
    if (clear_text_remote(cfg.url))
        fprintf(stderr, "rapport sync: warning: %s is not encrypted (http://), so the LRS password and the "
                "records cross the network readable; use https:// if the LRS offers it\n", cfg.url);
    rp_sync_result res;
    int rc = rp_sync_flush(path, &cfg, &res, err, sizeof err);
    memset(cfg.password, 0, sizeof cfg.password);
    if (rc == -2) {
        fprintf(stderr, "rapport sync: %s\n", err);
        return RP_EXIT_USAGE;
    }
    if (rc == -1) {
        fprintf(stderr, "rapport sync: %s\n", err);
        return EXIT_RECORDS;
    }
    if (res.sent == 0 && res.set_aside == 0 && rc == 0)
        printf("Nothing to send: the LRS at %s has every statement of %s.\n", cfg.url, path);
    else if (res.sent || res.set_aside || res.dropped) {
        char already[64] = "";
        if (res.already)
            snprintf(already, sizeof already, " (%d of them it already had)", res.already);
        printf("Sent %d statement%s to %s%s.\n", res.sent, res.sent == 1 ? "" : "s", cfg.url, already);
    }
    if (res.dropped)
        printf("Removed %d queued statement%s of sessions no longer in the records (forgotten).\n", res.dropped,
               res.dropped == 1 ? "" : "s");
    if (res.set_aside)
        printf("Set aside %d statement%s for review: 'rapport sync --status' lists them and what the LRS said.\n",
               res.set_aside, res.set_aside == 1 ? "" : "s");
    if (rc != 0) {
        fprintf(stderr, "rapport sync: %s\n", err);
        return EXIT_LEFT;
    }
    if (fflush(stdout) != 0)
        return EXIT_RECORDS;
    return RP_EXIT_OK;
}
