/*
 * window_main.c - `rapport-window`, the trainee window. `rapport` runs it
 * for the window commands (`rapport`, `rapport play FILE|ID`), so that the
 * command-line tools never load SDL and start in a millisecond or two.
 */
#include "commands.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (sodium_init() < 0) {
        fprintf(stderr, "rapport: the crypto library failed to start\n");
        return 1;
    }
    if (argc > 1 && strcmp(argv[1], "play") == 0)
        return rp_cmd_play(argc - 1, argv + 1);
    return rp_cmd_window(argc, argv);
}
