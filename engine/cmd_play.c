/*
 * cmd_play.c - `rapport play [FILE|ID] [--text]` and plain `rapport`.
 */
#include "commands.h"
#include "catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rp_cmd_play(int argc, char **argv)
{
    const char *target = NULL, *trainee = NULL;
    int text = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--text") == 0) text = 1;
        else if (strcmp(argv[i], "--trainee") == 0 && i + 1 < argc) trainee = argv[++i];
        else if (argv[i][0] != '-') target = argv[i];
    }
    (void)text;
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

int rp_cmd_window(int argc, char **argv)
{
    (void)argc; (void)argv;
    return 0;
}
