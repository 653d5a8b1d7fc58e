/* explore.c - see explore.h. */
#include "explore.h"
#include "choices.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SAMPLES_AFTER_CAP 20000
#define SAMPLE_STEPS_MAX 2000000L    /* keeps sampling interactive when paths are very long */
#define MAX_DEPTH 4096
#define MAX_SECONDS 5.0             /* past this the walk stops, as when the limit is hit */

typedef struct {
    rp_scenario *sc;
    rp_exploration *x;
    long limit;
    int seq[MAX_DEPTH];
    rp_session *stack[MAX_DEPTH];   /* the session at each decision on this path */
    unsigned rng;
    double deadline;                /* CLOCK_MONOTONIC seconds */
    unsigned ticks;
    bool expired;
} walker;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Whether exploring has taken too long: a scenario with millions of paths
 * and long loops (or slow when/go functions) must not keep `check` busy for
 * minutes. Looks at the clock every 256 calls.
 */
static bool out_of_time(walker *w)
{
    if (!w->expired && (++w->ticks & 255) == 0)
        w->expired = now_seconds() > w->deadline;
    return w->expired;
}

static void range_add(rp_range *r, double v)
{
    if (r->n == 0 || v < r->min) r->min = v;
    if (r->n == 0 || v > r->max) r->max = v;
    r->sum += v;
    r->n++;
}

static void keep_sequence(rp_sequence *q, const int *seq, int n, double overall, bool passed, int ending)
{
    q->choices = realloc(q->choices, sizeof *q->choices * (size_t)(n ? n : 1));
    memcpy(q->choices, seq, sizeof *seq * (size_t)n);
    q->n = n;
    q->overall = overall;
    q->passed = passed;
    q->ending = ending;
    q->found = true;
}

static void add_edge(rp_exploration *x, int from, int via, int to)
{
    for (int i = 0; i < x->n_edges[from]; i++)
        if (x->edges[from][i].via == via && x->edges[from][i].to == to)
            return;
    x->edges[from] = realloc(x->edges[from], sizeof **x->edges * (size_t)(x->n_edges[from] + 1));
    x->edges[from][x->n_edges[from]++] = (struct rp_edge){ via, to };
}

static void mark_path(walker *w, const rp_session *s)
{
    int n;
    const int *path = rp_session_path(s, &n);
    const int *via = rp_session_path_via(s, &n);
    for (int i = 0; i < n; i++) {
        w->x->reached[path[i]] = 1;
        if (w->x->edges && i > 0)
            add_edge(w->x, path[i - 1], via[i], path[i]);
    }
}

static void add_error(rp_exploration *x, const char *msg)
{
    for (int i = 0; i < x->n_errors; i++)
        if (strcmp(x->errors[i], msg) == 0)
            return;
    x->errors = realloc(x->errors, sizeof *x->errors * (size_t)(x->n_errors + 1));
    x->errors[x->n_errors++] = strdup(msg);
}

/* Records a path that reached an end of any kind. */
static void finish(walker *w, const rp_session *s, int depth)
{
    rp_exploration *x = w->x;
    x->paths++;
    mark_path(w, s);
    rp_status st = rp_session_status(s);
    if (st == RP_FAILED) {
        x->failed++;
        add_error(x, rp_session_error(s));
        return;
    }
    if (st != RP_ENDED) {
        x->looped++;
        return;
    }
    x->ended++;
    rp_scores sco;
    rp_session_scores(s, &sco);
    int end = rp_session_ending(s);
    x->ending_paths[end]++;
    if (sco.passed)
        x->passed++;
    for (int d = 0; d < RP_NDIMS; d++)
        if (sco.tested[d])
            range_add(&x->score[d], sco.dim[d]);
    double overall = sco.has_overall ? sco.overall : -1;
    if (sco.has_overall)
        range_add(&x->overall, sco.overall);
    if (!x->best.found || overall > x->best.overall + 1e-9)
        keep_sequence(&x->best, w->seq, depth, overall, sco.passed, end);
    if (!x->worst.found || overall < x->worst.overall - 1e-9)
        keep_sequence(&x->worst, w->seq, depth, overall, sco.passed, end);
}

/* Same node, mood, variables and visited nodes: a loop. */
static bool same_state(const rp_session *a, const rp_session *b)
{
    const rp_scenario *sc = rp_session_scenario(a);
    if (rp_session_node(a) != rp_session_node(b) || rp_session_mood(a) != rp_session_mood(b))
        return false;
    for (int v = 0; v < sc->n_vars; v++)
        if (!rp_value_equal(rp_session_var(a, v), rp_session_var(b, v)))
            return false;
    for (int i = 0; i < sc->n_nodes; i++)
        if (rp_session_visited(a, i) != rp_session_visited(b, i))
            return false;
    return true;
}

static void mark_shown(walker *w, const rp_session *s)
{
    int n;
    const int *shown = rp_session_shown(s, &n);
    unsigned char *row = w->x->shown[rp_session_node(s)];
    for (int k = 0; k < n; k++)
        row[shown[k]] = 1;
}

static bool walk(walker *w, rp_session *s, int depth)
{
    rp_exploration *x = w->x;
    if (rp_session_status(s) != RP_AT_DECISION || depth >= MAX_DEPTH) {
        finish(w, s, depth);
        return true;
    }
    for (int i = 0; i < depth; i++)
        if (rp_session_node(w->stack[i]) == rp_session_node(s) && same_state(w->stack[i], s)) {
            finish(w, s, depth);
            return true;
        }
    mark_shown(w, s);
    w->stack[depth] = s;
    int n;
    rp_session_shown(s, &n);
    bool timeout = rp_session_can_time_out(s);
    for (int k = timeout ? 0 : 1; k <= n; k++) {
        if (x->paths >= w->limit || out_of_time(w)) {
            x->capped = true;
            return false;
        }
        rp_session *c = rp_session_clone(s);
        if (k == 0)
            rp_session_timeout(c);
        else
            rp_session_choose(c, k, -1);
        x->steps++;
        w->seq[depth] = k;
        bool go_on = walk(w, c, depth + 1);
        rp_session_free(c);
        if (!go_on)
            return false;
    }
    return true;
}

static unsigned next_rand(unsigned *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

/* One random path from the start, for the statistics after the cap. */
static void sample(walker *w)
{
    rp_session *s = rp_session_new(w->sc, "explorer");
    rp_session_start(s);
    int depth = 0;
    while (rp_session_status(s) == RP_AT_DECISION && depth < MAX_DEPTH && !out_of_time(w)) {
        mark_shown(w, s);
        int n;
        rp_session_shown(s, &n);
        int options = n + (rp_session_can_time_out(s) ? 1 : 0);
        int k = (int)(next_rand(&w->rng) % (unsigned)options) + 1;
        if (k > n) {
            rp_session_timeout(s);
            k = RP_CHOICE_TIMEOUT;
        } else {
            rp_session_choose(s, k, -1);
        }
        w->seq[depth++] = k;
        w->x->steps++;
    }
    finish(w, s, depth);
    rp_session_free(s);
}

void rp_explore(rp_scenario *sc, long limit, bool want_edges, rp_exploration *x)
{
    memset(x, 0, sizeof *x);
    if (want_edges) {
        x->edges = calloc((size_t)sc->n_nodes + 1, sizeof *x->edges);
        x->n_edges = calloc((size_t)sc->n_nodes + 1, sizeof *x->n_edges);
    }
    x->ending_paths = calloc((size_t)sc->n_nodes + 1, sizeof *x->ending_paths);
    x->reached = calloc((size_t)sc->n_nodes + 1, 1);
    x->shown = calloc((size_t)sc->n_nodes + 1, sizeof *x->shown);
    for (int i = 0; i < sc->n_nodes; i++)
        x->shown[i] = calloc((size_t)sc->nodes[i].n_choices + 1, 1);
    walker *w = calloc(1, sizeof *w);
    w->sc = sc;
    w->x = x;
    w->limit = limit > 0 ? limit : RP_EXPLORE_DEFAULT_LIMIT;
    w->rng = 2463534242u;
    w->deadline = now_seconds() + MAX_SECONDS;
    rp_session *s = rp_session_new(sc, "explorer");
    rp_session_start(s);
    walk(w, s, 0);
    rp_session_free(s);
    if (x->capped) {
        long before = x->paths;
        for (int i = 0; i < SAMPLES_AFTER_CAP && !out_of_time(w); i++)
            sample(w);
        x->sampled = x->paths - before;
    }
    free(w);
}

void rp_exploration_free(rp_exploration *x, const rp_scenario *sc)
{
    for (int i = 0; i < sc->n_nodes; i++) {
        free(x->shown[i]);
        if (x->edges)
            free(x->edges[i]);
    }
    free(x->shown);
    free(x->edges);
    free(x->n_edges);
    free(x->reached);
    free(x->ending_paths);
    for (int i = 0; i < x->n_errors; i++)
        free(x->errors[i]);
    free(x->errors);
    free(x->best.choices);
    free(x->worst.choices);
    memset(x, 0, sizeof *x);
}

char *rp_sequence_format(const rp_sequence *q, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < q->n && used + 12 < size; i++) {
        if (q->choices[i] == RP_CHOICE_TIMEOUT)
            used += (size_t)snprintf(buf + used, size - used, "%st", i ? "," : "");
        else
            used += (size_t)snprintf(buf + used, size - used, "%s%d", i ? "," : "", q->choices[i]);
    }
    return buf;
}
