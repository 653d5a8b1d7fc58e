/*
 * bench_engine.c - in-process timings of the engine for `make bench`.
 *
 *   bench_engine CHAIN.lua TREE.lua WIDE.lua
 *
 * Linked against the engine objects (the Makefile's OBJS less main.o), like
 * build/unit_tests. Prints one result per line as
 *
 *   key value unit  # comment
 *
 * which bench/bench.sh turns into its table. It measures:
 *
 *   load_run   rp_scenario_load_file + a full headless run of CHAIN.lua
 *              (choice 1 at every decision until the ending), per repetition;
 *              also split into load alone and run alone.
 *   explore    rp_explore over TREE.lua with a limit above its path count
 *              (exhaustive), decision steps per second, no process start-up
 *              or JSON.
 *   replay     random playthroughs of WIDE.lua (rp_session_start, then at
 *              every decision the customer's line filled in and a random
 *              shown choice), choice steps per second: the same measure as
 *              the ink runtime row.
 *
 * Times come from clock_gettime(CLOCK_MONOTONIC). Nothing here fails on
 * speed: it is a benchmark, not a test.
 */
#include "explore.h"
#include "scenario.h"
#include "session.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static rp_scenario *load_or_die(const char *path)
{
    rp_diags d = { 0 };
    rp_scenario *sc = rp_scenario_load_file(path, &d);
    if (sc == NULL) {
        char line[1400];
        for (int i = 0; i < d.n; i++)
            fprintf(stderr, "%s\n", rp_diag_format(&d.items[i], line, sizeof line));
        exit(2);
    }
    rp_diags_free(&d);
    return sc;
}

/* Plays choice 1 at every decision; returns the number of decisions. */
static int run_first_choices(rp_scenario *sc)
{
    rp_session *s = rp_session_new(sc, "bench");
    rp_status st = rp_session_start(s);
    int decisions = 0;
    while (st == RP_AT_DECISION) {
        st = rp_session_choose(s, 1, -1);
        decisions++;
    }
    if (st != RP_ENDED) {
        fprintf(stderr, "bench: the run did not end: %s\n", rp_session_error(s) ? rp_session_error(s) : "?");
        exit(2);
    }
    rp_scores sco;
    rp_session_scores(s, &sco);
    rp_session_free(s);
    return decisions;
}

static void summary(const char *key, double *t, int n, const char *what)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += t[i];
    printf("%s_median %.3f ms  # %s, median of %d\n", key, t[n / 2] * 1e3, what, n);
    printf("%s_min %.3f ms\n", key, t[0] * 1e3);
    printf("%s_mean %.3f ms\n", key, sum / n * 1e3);
    printf("%s_p95 %.3f ms\n", key, t[(int)(n * 0.95)] * 1e3);
}

static void bench_load_run(const char *path)
{
    enum { REPS = 200 };
    static double t_all[REPS], t_load[REPS], t_run[REPS];
    int decisions = 0, nodes = 0;
    /* warm the file cache and the allocator */
    for (int i = 0; i < 3; i++) {
        rp_scenario *sc = load_or_die(path);
        run_first_choices(sc);
        rp_scenario_free(sc);
    }
    for (int i = 0; i < REPS; i++) {
        double t0 = now_s();
        rp_scenario *sc = rp_scenario_load_file(path, NULL);
        double t1 = now_s();
        if (sc == NULL) {
            fprintf(stderr, "bench: %s failed to load\n", path);
            exit(2);
        }
        decisions = run_first_choices(sc);
        double t2 = now_s();
        nodes = sc->n_nodes;
        rp_scenario_free(sc);
        t_load[i] = t1 - t0;
        t_run[i] = t2 - t1;
        t_all[i] = t2 - t0;
    }
    printf("load_run_nodes %d nodes\n", nodes);
    printf("load_run_decisions %d decisions\n", decisions);
    summary("load_run", t_all, REPS, "load + full run");
    summary("load", t_load, REPS, "rp_scenario_load_file alone");
    summary("run", t_run, REPS, "the run alone");
}

static void bench_explore(const char *path)
{
    rp_scenario *sc = load_or_die(path);
    double best = 0;
    long steps = 0, paths = 0;
    for (int rep = 0; rep < 3; rep++) {
        rp_exploration x;
        double t0 = now_s();
        rp_explore(sc, 1000000, false, &x);
        double t = now_s() - t0;
        steps = x.steps;
        paths = x.paths;
        if (x.capped) {
            fprintf(stderr, "bench: exploring %s hit the limit\n", path);
            exit(2);
        }
        rp_exploration_free(&x, sc);
        double rate = (double)steps / t;
        if (rate > best)
            best = rate;
        printf("explore_time_%d %.3f s\n", rep + 1, t);
    }
    printf("explore_paths %ld paths\n", paths);
    printf("explore_steps %ld steps\n", steps);
    printf("explore_rate %.0f steps/s  # best of 3, in-process\n", best);
    rp_scenario_free(sc);
}

static unsigned xorshift(unsigned *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void bench_replay(const char *path)
{
    rp_scenario *sc = load_or_die(path);
    unsigned rng = 12345u;
    long steps = 0, runs = 0;
    double t0 = now_s(), t = 0;
    while ((t = now_s() - t0) < 2.0) {
        for (int r = 0; r < 100; r++) {
            rp_session *s = rp_session_new(sc, "bench");
            rp_status st = rp_session_start(s);
            while (st == RP_AT_DECISION) {
                int n;
                rp_session_shown(s, &n);
                /* produce the line shown, as ink's ContinueMaximally() does */
                free(rp_session_fill(s, sc->nodes[rp_session_node(s)].say));
                st = rp_session_choose(s, (int)(xorshift(&rng) % (unsigned)n) + 1, -1);
                steps++;
            }
            rp_scores sco;
            rp_session_scores(s, &sco);
            rp_session_free(s);
            runs++;
        }
    }
    printf("replay_runs %ld playthroughs\n", runs);
    printf("replay_rate %.0f steps/s  # random choices, new session per playthrough\n", (double)steps / t);
    rp_scenario_free(sc);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_engine CHAIN.lua TREE.lua WIDE.lua\n");
        return 1;
    }
    if (sodium_init() < 0)
        return 1;
    bench_load_run(argv[1]);
    fflush(stdout);
    bench_explore(argv[2]);
    fflush(stdout);
    bench_replay(argv[3]);
    return 0;
}
