/*
 * main.c - `rapport` and its subcommands (DESIGN section 5).
 */
#include "commands.h"

#include "catalog.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * The window is a program of its own (rapport-window, beside this one), so
 * that the command-line tools never load SDL. Only returns on failure.
 */
static int exec_window(char **argv)
{
    char self[PATH_MAX], path[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        self[n] = '\0';
        snprintf(path, sizeof path, "%s/rapport-window", dirname(self));
        argv[0] = path;
        execv(path, argv);
    }
    argv[0] = "rapport-window";
    execvp("rapport-window", argv);
    fprintf(stderr, "rapport: cannot start the window program rapport-window (%s); it belongs beside "
            "rapport: run 'make' again, or reinstall Rapport\n", strerror(errno));
    return 1;
}

/* `rapport play` opens the window unless --text asks for the terminal. */
static int play(int argc, char **argv)
{
    const char *target = NULL, *trainee = NULL;
    int text = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--text") == 0) text = 1;
        else if (strcmp(argv[i], "--trainee") == 0 && i + 1 < argc) trainee = argv[++i];
        else if (argv[i][0] == '-' && i + 1 < argc && argv[i + 1][0] != '-' &&
                 strcmp(argv[i], "--no-timers") != 0) i++;       /* another option's value */
        else if (argv[i][0] != '-' && target == NULL) target = argv[i];
    }
    if (!text)
        return exec_window(argv);
    if (target == NULL) {
        fprintf(stderr, "usage: rapport play FILE|ID --text\n");
        return RP_EXIT_USAGE;
    }
    char *path = rp_resolve_scenario(target);
    if (path == NULL) {
        fprintf(stderr, "%s: no such scenario file or bundled scenario id\n", target);
        return RP_EXIT_SCENARIO;
    }
    int rc = rp_cmd_play_text(path, rp_default_trainee(trainee));
    free(path);
    return rc;
}

static void usage(FILE *out)
{
    fprintf(out,
            "Rapport - customer-service conversation training\n\n"
            "usage:\n"
            "  rapport                           open the trainee window on the bundled scenarios\n"
            "  rapport play [FILE|ID] [--text]   play one scenario (in the window, or --text in the terminal)\n"
            "  rapport run FILE --choices 1,3,2 [--json]   play headlessly and print the scorecard\n"
            "  rapport check FILE...             check scenarios: file:line: error|warning: message\n"
            "  rapport explore FILE [--json]     every path: endings, best and worst, score ranges\n"
            "  rapport graph FILE                the branch graph in Graphviz DOT\n"
            "  rapport new ID                    print a commented starter scenario\n"
            "  rapport passphrase [--db PATH]    set the passphrase that opens HR review in the window\n"
            "  rapport report [--csv|--json|--html FILE|--xapi]   stored scorecards for HR\n"
            "  rapport verify                    check that no record was changed outside Rapport\n"
            "  rapport forget --trainee NAME     remove one trainee's records\n"
            "  rapport sync [--lrs URL]          send the records to a learning record store (xAPI)\n"
            "\nRun 'rapport COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0) {
        fprintf(stderr, "rapport: the crypto library failed to start\n");
        return 1;
    }
    if (argc < 2)
        return exec_window(argv);
    const char *cmd = argv[1];
    if (strcmp(cmd, "run") == 0) return rp_cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "play") == 0) return play(argc, argv);
    if (strcmp(cmd, "check") == 0) return rp_cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "explore") == 0) return rp_cmd_explore(argc - 1, argv + 1);
    if (strcmp(cmd, "graph") == 0) return rp_cmd_graph(argc - 1, argv + 1);
    if (strcmp(cmd, "new") == 0) return rp_cmd_new(argc - 1, argv + 1);
    if (strcmp(cmd, "passphrase") == 0) return rp_cmd_passphrase(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0) return rp_cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "verify") == 0) return rp_cmd_verify(argc - 1, argv + 1);
    if (strcmp(cmd, "forget") == 0) return rp_cmd_forget(argc - 1, argv + 1);
    if (strcmp(cmd, "sync") == 0) return rp_cmd_sync(argc - 1, argv + 1);
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (cmd[0] == '-')
        return exec_window(argv);              /* window options, e.g. --no-timers */
    fprintf(stderr, "rapport: unknown command '%s'\n\n", cmd);
    usage(stderr);
    return 1;
}
