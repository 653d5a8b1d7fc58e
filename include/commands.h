/*
 * commands.h - the subcommands of `rapport` (DESIGN section 5). Each takes
 * argc/argv from its own name on and returns the process exit code.
 */
#ifndef RAPPORT_COMMANDS_H
#define RAPPORT_COMMANDS_H

#include "scenario.h"

/* Exit codes shared by the commands. */
enum {
    RP_EXIT_OK = 0,
    RP_EXIT_USAGE = 1,
    RP_EXIT_SCENARIO = 2,     /* failed to load or run */
    RP_EXIT_INCOMPLETE = 3,   /* choices ran out before an ending */
    RP_EXIT_RANGE = 4,        /* a choice index out of range */
    RP_EXIT_RECORD = 5,       /* run --record: the session could not be stored */
};

int rp_cmd_run(int argc, char **argv);
int rp_cmd_play(int argc, char **argv);
int rp_cmd_play_text(const char *path, const char *trainee);
int rp_cmd_check(int argc, char **argv);
int rp_cmd_explore(int argc, char **argv);
int rp_cmd_graph(int argc, char **argv);
int rp_cmd_new(int argc, char **argv);
int rp_cmd_window(int argc, char **argv);
int rp_cmd_passphrase(int argc, char **argv);
int rp_cmd_report(int argc, char **argv);    /* stored scorecards for HR (cmd_report.c) */
int rp_cmd_verify(int argc, char **argv);    /* checks the records' seals */
int rp_cmd_forget(int argc, char **argv);    /* removes one trainee's records */
int rp_cmd_sync(int argc, char **argv);      /* sends the records to an LRS (cmd_sync.c) */

/* Loads a scenario, printing every diagnostic to stderr; NULL on errors. */
rp_scenario *rp_load_or_report(const char *path, int show_warnings);
/* The trainee's name: the flag, else $RAPPORT_TRAINEE, else $USER, else "trainee". */
const char *rp_default_trainee(const char *flag);

#endif
