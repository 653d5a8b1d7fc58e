/*
 * explore.h - every path through a scenario.
 *
 * A depth-first walk over the session state machine: at each decision it
 * tries every shown choice (and the time-out, where there is one). A path
 * ends at an ending, at a runtime error (a dead end) or when it comes back
 * to a state it was already in (same node, variables, mood and visited
 * nodes), which is a loop. Past `limit` paths the walk stops and samples
 * random paths instead, and says so; after 5 seconds it stops either way
 * (also reported as `capped`), so that no scenario keeps it busy for long.
 */
#ifndef RAPPORT_EXPLORE_H
#define RAPPORT_EXPLORE_H

#include <stdbool.h>
#include "session.h"

typedef struct {
    double min, max, sum;
    long n;                       /* paths where the score was not null */
} rp_range;

typedef struct {
    int *choices;                 /* 1-based, RP_CHOICE_TIMEOUT (0) for 't' */
    int n;
    double overall;
    bool passed;
    int ending;
    bool found;
} rp_sequence;

typedef struct {
    long paths;                   /* complete paths walked (any end) */
    long steps;                   /* decisions taken */
    long ended, failed, looped;   /* how paths ended */
    long passed;
    long *ending_paths;           /* per node index: paths ending there */
    rp_range score[RP_NDIMS], overall;
    rp_sequence best, worst;
    unsigned char *reached;       /* per node */
    unsigned char **shown;        /* per node, per choice: ever shown */
    char **errors;                /* distinct runtime errors (dead ends) */
    int n_errors;
    /* with want_edges: per node, the transitions seen (via as in session.h) */
    struct rp_edge { int via, to; } **edges;
    int *n_edges;
    bool capped;                  /* the limit was hit: the rest was sampled */
    long sampled;                 /* random paths walked after the cap */
} rp_exploration;

#define RP_EXPLORE_DEFAULT_LIMIT 200000

/* Explores sc. limit: how many paths to walk exhaustively before sampling. */
void rp_explore(rp_scenario *sc, long limit, bool want_edges, rp_exploration *out);
void rp_exploration_free(rp_exploration *x, const rp_scenario *sc);
/* "1,3,t,2" into buf. */
char *rp_sequence_format(const rp_sequence *q, char *buf, size_t size);

#endif
