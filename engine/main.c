/*
 * main.c - `rapport` and its subcommands (DESIGN section 5).
 */
#include "commands.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

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
            "  rapport report [--csv|--json|--html FILE|--xapi]   stored scorecards for HR\n"
            "  rapport verify                    check that no record was changed outside Rapport\n"
            "  rapport forget --trainee NAME     remove one trainee's records\n"
            "\nRun 'rapport COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0) {
        fprintf(stderr, "rapport: the crypto library failed to start\n");
        return 1;
    }
    if (argc < 2)
        return rp_cmd_window(argc, argv);
    const char *cmd = argv[1];
    if (strcmp(cmd, "run") == 0) return rp_cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "play") == 0) return rp_cmd_play(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0) return rp_cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "explore") == 0) return rp_cmd_explore(argc - 1, argv + 1);
    if (strcmp(cmd, "graph") == 0) return rp_cmd_graph(argc - 1, argv + 1);
    if (strcmp(cmd, "new") == 0) return rp_cmd_new(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0) return rp_cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "verify") == 0) return rp_cmd_verify(argc - 1, argv + 1);
    if (strcmp(cmd, "forget") == 0) return rp_cmd_forget(argc - 1, argv + 1);
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (cmd[0] == '-')
        return rp_cmd_window(argc, argv);      /* window options, e.g. --no-timers */
    fprintf(stderr, "rapport: unknown command '%s'\n\n", cmd);
    usage(stderr);
    return 1;
}
