/*
 * session.h - one trainee's run through a scenario: the state machine of
 * DESIGN section 3 and the scoring rule of section 4.
 *
 * The session knows nothing of windows, terminals, files or databases. A
 * front end creates it, calls rp_session_start(), and while the status is
 * RP_AT_DECISION shows rp_session_shown() and answers with
 * rp_session_choose() or rp_session_timeout(). Every node entered is in
 * rp_session_path(), so a front end can show plain steps in order.
 */
#ifndef RAPPORT_SESSION_H
#define RAPPORT_SESSION_H

#include "scenario.h"

typedef enum {
    RP_NOT_STARTED,
    RP_AT_DECISION,   /* waiting for the trainee */
    RP_ENDED,         /* an ending was reached */
    RP_FAILED,        /* a runtime error: see rp_session_error() */
} rp_status;

/* One decision the trainee met, as recorded and reported. */
typedef struct {
    int node;                 /* node index */
    int choice;               /* 1-based index among the shown choices; 0 = timed out */
    int choice_index;         /* index into node->choices, -1 when timed out */
    bool timed_out;
    double value[RP_NDIMS];   /* what was scored on each dimension */
    double mood_change;       /* the effect applied, after clamping */
    double gained[RP_NDIMS], possible[RP_NDIMS];
    int best_index;           /* the best shown choice (index into node->choices) */
    int n_shown;
    long response_ms;         /* -1 when no clock applies */
} rp_decision;

typedef struct {
    bool tested[RP_NDIMS];        /* false: possible == 0, the score is null */
    double dim[RP_NDIMS];         /* unrounded, 0..100 */
    bool has_overall;
    double overall;               /* unrounded */
    bool passed;
} rp_scores;

typedef struct rp_session rp_session;

/* The session borrows `sc`, which must outlive it. `trainee` is copied. */
rp_session *rp_session_new(rp_scenario *sc, const char *trainee);
void rp_session_free(rp_session *s);
/* An independent copy (for exploring branches). */
rp_session *rp_session_clone(const rp_session *s);

rp_status rp_session_start(rp_session *s);
rp_status rp_session_status(const rp_session *s);
const char *rp_session_error(const rp_session *s);   /* "file:line: message" */

/* The choices shown at the current decision, as indexes into the node's choices. */
const int *rp_session_shown(const rp_session *s, int *n);
int rp_session_node(const rp_session *s);            /* current node index */

/*
 * Picks the k-th shown choice (1-based). response_ms is the time the trainee
 * took, or -1. Returns the new status; an out-of-range k changes nothing and
 * returns RP_AT_DECISION with rp_session_last_refusal() set.
 */
rp_status rp_session_choose(rp_session *s, int k, long response_ms);
/* The current node's time ran out (only at a node with time_limit and on_timeout). */
rp_status rp_session_timeout(rp_session *s);
/* Whether the current decision can time out. */
bool rp_session_can_time_out(const rp_session *s);

const int *rp_session_path(const rp_session *s, int *n);
/*
 * How each path entry was entered: RP_VIA_START, RP_VIA_GO (the previous
 * node's go), RP_VIA_TIMEOUT, or the index of the choice picked at the
 * previous node.
 */
enum { RP_VIA_START = -1, RP_VIA_GO = -2, RP_VIA_TIMEOUT = -3 };
const int *rp_session_path_via(const rp_session *s, int *n);
const rp_decision *rp_session_decisions(const rp_session *s, int *n);
double rp_session_mood(const rp_session *s);
double rp_session_start_mood(const rp_session *s);
const char *rp_session_trainee(const rp_session *s);
const rp_scenario *rp_session_scenario(const rp_session *s);
const rp_value *rp_session_var(const rp_session *s, int var);
bool rp_session_visited(const rp_session *s, int node);
int rp_session_ending(const rp_session *s);          /* node index, -1 if none */

/* Scores of the run so far (DESIGN section 4). */
void rp_session_scores(const rp_session *s, rp_scores *out);
/* Rounds a score as reported: one decimal, half away from zero. */
double rp_round1(double x);

/*
 * Fills {trainee}, {customer} and {var} placeholders. Returns a malloc'd
 * string the caller frees.
 */
char *rp_session_fill(const rp_session *s, const char *text);

#endif
