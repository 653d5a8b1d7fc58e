/*
 * cmd_explore.c - `rapport explore FILE [--json] [--limit N]`: every path
 * through a scenario, summed up for the trainer who wrote it.
 */
#include "commands.h"
#include "explore.h"

#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cJSON *range_json(const rp_range *r)
{
    cJSON *o = cJSON_CreateObject();
    if (r->n == 0) {
        cJSON_AddNullToObject(o, "min");
        cJSON_AddNullToObject(o, "mean");
        cJSON_AddNullToObject(o, "max");
    } else {
        cJSON_AddNumberToObject(o, "min", rp_round1(r->min));
        cJSON_AddNumberToObject(o, "mean", rp_round1(r->sum / (double)r->n));
        cJSON_AddNumberToObject(o, "max", rp_round1(r->max));
    }
    return o;
}

static cJSON *sequence_json(const rp_scenario *sc, const rp_sequence *q)
{
    if (!q->found)
        return cJSON_CreateNull();
    char buf[8192];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "choices", rp_sequence_format(q, buf, sizeof buf));
    if (q->overall >= 0)
        cJSON_AddNumberToObject(o, "overall", rp_round1(q->overall));
    else
        cJSON_AddNullToObject(o, "overall");
    cJSON_AddBoolToObject(o, "passed", q->passed);
    cJSON_AddStringToObject(o, "ending", sc->nodes[q->ending].id);
    return o;
}

static void print_json(const rp_scenario *sc, const rp_exploration *x)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "scenario", sc->id);
    cJSON_AddNumberToObject(root, "paths", (double)x->paths);
    cJSON_AddNumberToObject(root, "decisions", (double)x->steps);
    cJSON_AddBoolToObject(root, "capped", x->capped);
    cJSON_AddNumberToObject(root, "sampled", (double)x->sampled);
    cJSON_AddNumberToObject(root, "looped", (double)x->looped);
    cJSON *ends = cJSON_AddArrayToObject(root, "endings");
    for (int i = 0; i < sc->n_nodes; i++) {
        if (!sc->nodes[i].is_ending)
            continue;
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "id", sc->nodes[i].id);
        cJSON_AddStringToObject(e, "outcome", sc->nodes[i].outcome);
        cJSON_AddBoolToObject(e, "can_pass", !sc->nodes[i].fails);
        cJSON_AddNumberToObject(e, "paths", (double)x->ending_paths[i]);
        cJSON_AddItemToArray(ends, e);
    }
    cJSON *scores = cJSON_AddObjectToObject(root, "scores");
    for (int d = 0; d < RP_NDIMS; d++)
        cJSON_AddItemToObject(scores, rp_dim_names[d], range_json(&x->score[d]));
    cJSON_AddItemToObject(scores, "overall", range_json(&x->overall));
    cJSON_AddItemToObject(root, "best", sequence_json(sc, &x->best));
    cJSON_AddItemToObject(root, "worst", sequence_json(sc, &x->worst));
    cJSON_AddNumberToObject(root, "pass_mark", sc->pass_mark);
    cJSON_AddBoolToObject(root, "pass_reachable", x->passed > 0);
    cJSON_AddBoolToObject(root, "every_path_passes", x->passed == x->paths && x->paths > 0);
    cJSON_AddNumberToObject(root, "passing_paths", (double)x->passed);
    cJSON *unreached = cJSON_AddArrayToObject(root, "unreachable");
    cJSON *never = cJSON_AddArrayToObject(root, "never_shown");
    for (int i = 0; i < sc->n_nodes && !x->capped; i++) {
        if (!x->reached[i]) {
            cJSON_AddItemToArray(unreached, cJSON_CreateString(sc->nodes[i].id));
            continue;
        }
        for (int k = 0; k < sc->nodes[i].n_choices; k++)
            if (!x->shown[i][k]) {
                cJSON *c = cJSON_CreateObject();
                cJSON_AddStringToObject(c, "node", sc->nodes[i].id);
                cJSON_AddNumberToObject(c, "choice", k + 1);
                cJSON_AddNumberToObject(c, "line", sc->nodes[i].choices[k].line);
                cJSON_AddItemToArray(never, c);
            }
    }
    cJSON *dead = cJSON_AddArrayToObject(root, "dead_ends");
    for (int i = 0; i < x->n_errors; i++)
        cJSON_AddItemToArray(dead, cJSON_CreateString(x->errors[i]));
    char *text = cJSON_Print(root);
    printf("%s\n", text);
    cJSON_free(text);
    cJSON_Delete(root);
}

static void print_range(const char *label, const rp_range *r)
{
    if (r->n == 0)
        printf("  %-12s %7s %7s %7s\n", label, "-", "-", "-");
    else
        printf("  %-12s %7.1f %7.1f %7.1f\n", label, rp_round1(r->min),
               rp_round1(r->sum / (double)r->n), rp_round1(r->max));
}

static void print_sequence(const char *label, const rp_scenario *sc, const rp_sequence *q)
{
    char buf[8192];
    if (!q->found) {
        printf("%s: no path reaches an ending\n", label);
        return;
    }
    printf("%s: --choices %s  overall %s%.1f, %s, ending '%s'\n", label, rp_sequence_format(q, buf, sizeof buf),
           q->overall < 0 ? "null " : "", q->overall < 0 ? 0.0 : rp_round1(q->overall),
           q->passed ? "passes" : "does not pass", sc->nodes[q->ending].id);
}

static void print_text(const rp_scenario *sc, const rp_exploration *x)
{
    printf("%s (%s)\n", sc->title, sc->path);
    printf("%ld path%s, %ld decision%s explored", x->paths, x->paths == 1 ? "" : "s", x->steps,
           x->steps == 1 ? "" : "s");
    if (x->looped)
        printf(", %ld ending in a loop", x->looped);
    printf("\n");
    if (x->capped)
        printf("LIMIT REACHED: walked the first %ld paths in full, then %ld random paths; "
               "the figures below are not exhaustive (raise --limit)\n", x->paths - x->sampled, x->sampled);
    printf("\nEndings:\n");
    for (int i = 0; i < sc->n_nodes; i++)
        if (sc->nodes[i].is_ending)
            printf("  %-22s outcome %-12s %8ld path%s%s\n", sc->nodes[i].id, sc->nodes[i].outcome,
                   x->ending_paths[i], x->ending_paths[i] == 1 ? "" : "s",
                   sc->nodes[i].fails ? "  (never passes)" : "");
    printf("\nScores over all paths:\n  %-12s %7s %7s %7s\n", "", "min", "mean", "max");
    for (int d = 0; d < RP_NDIMS; d++)
        print_range(rp_dim_names[d], &x->score[d]);
    print_range("overall", &x->overall);
    printf("\n");
    print_sequence("Best ", sc, &x->best);
    print_sequence("Worst", sc, &x->worst);
    printf("\nPass mark %g: %s; %ld of %ld path%s pass\n", sc->pass_mark,
           x->passed > 0 ? "reachable" : "NOT reachable", x->passed, x->paths, x->paths == 1 ? "" : "s");
    if (!x->capped) {
        int n = 0;
        for (int i = 0; i < sc->n_nodes; i++)
            if (!x->reached[i])
                printf("%s %s '%s' (line %d)", n++ ? "," : "Unreachable:",
                       sc->nodes[i].is_ending ? "ending" : "node", sc->nodes[i].id, sc->nodes[i].line);
        printf(n ? "\n" : "Unreachable: none\n");
        n = 0;
        for (int i = 0; i < sc->n_nodes; i++)
            for (int k = 0; x->reached[i] && k < sc->nodes[i].n_choices; k++)
                if (!x->shown[i][k])
                    printf("%s '%s' choice %d (line %d)", n++ ? "," : "Never shown:", sc->nodes[i].id, k + 1,
                           sc->nodes[i].choices[k].line);
        printf(n ? "\n" : "Never shown: none\n");
    }
    if (x->n_errors == 0)
        printf("Dead ends: none\n");
    for (int i = 0; i < x->n_errors; i++)
        printf("Dead end: %s\n", x->errors[i]);
}

int rp_cmd_explore(int argc, char **argv)
{
    static const struct option opts[] = {
        { "json", no_argument, 0, 'j' },
        { "limit", required_argument, 0, 'l' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 }
    };
    int json = 0, opt;
    long limit = RP_EXPLORE_DEFAULT_LIMIT;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "jl:h", opts, NULL)) != -1) {
        switch (opt) {
        case 'j': json = 1; break;
        case 'l':
            limit = strtol(optarg, NULL, 10);
            if (limit < 1) {
                fprintf(stderr, "rapport explore: --limit takes a number of paths, 1 or more\n");
                return RP_EXIT_USAGE;
            }
            break;
        case 'h':
            printf("usage: rapport explore FILE [--json] [--limit N]\n"
                   "  Walks every path (up to N, default %d, then samples) and reports endings,\n"
                   "  score ranges, the best and worst choice sequences, unreachable nodes,\n"
                   "  choices never shown and dead ends.\n", RP_EXPLORE_DEFAULT_LIMIT);
            return RP_EXIT_OK;
        default:
            fprintf(stderr, "rapport explore: unknown option or missing value: '%s'\n", argv[optind - 1]);
            return RP_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "usage: rapport explore FILE [--json] [--limit N]\n");
        return RP_EXIT_USAGE;
    }
    rp_scenario *sc = rp_load_or_report(argv[optind], 0);
    if (sc == NULL)
        return RP_EXIT_SCENARIO;
    rp_exploration x;
    rp_explore(sc, limit, false, &x);
    if (json)
        print_json(sc, &x);
    else
        print_text(sc, &x);
    rp_exploration_free(&x, sc);
    rp_scenario_free(sc);
    return RP_EXIT_OK;
}
