/*
 * cmd_text.c - `rapport play --text`: the whole scenario as plain text in
 * the terminal. It is also the front end for screen-reader users, so it
 * prints lines in reading order and uses no cursor tricks or colours.
 */
#include "commands.h"
#include "scorecard.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 78

/* Prints text word-wrapped at WIDTH columns (counting UTF-8 characters). */
static void wrap(FILE *out, const char *indent, const char *text)
{
    size_t ind = strlen(indent);
    const char *p = text;
    while (*p) {
        const char *line_start = p, *brk = NULL;
        size_t cols = ind;
        const char *q = p;
        while (*q && *q != '\n') {
            if (*q == ' ')
                brk = q;
            if (((unsigned char)*q & 0xC0) != 0x80)
                cols++;
            if (cols > WIDTH && brk)
                break;
            q++;
        }
        const char *end = (*q == '\0' || *q == '\n') ? q : brk;
        fprintf(out, "%s%.*s\n", indent, (int)(end - line_start), line_start);
        p = end;
        while (*p == ' ' || *p == '\n')
            p++;
    }
}

static void show_node(FILE *out, const rp_session *s, const rp_node *nd)
{
    const rp_scenario *sc = rp_session_scenario(s);
    if (nd->narration) {
        char *t = rp_session_fill(s, nd->narration);
        fprintf(out, "\n");
        wrap(out, "", t);
        free(t);
    }
    if (nd->say) {
        char *t = rp_session_fill(s, nd->say);
        char *line = malloc(strlen(t) + strlen(sc->customer.name) + 8);
        sprintf(line, "%s: \"%s\"", sc->customer.name, t);
        fprintf(out, "\n");
        wrap(out, "", line);
        free(line);
        free(t);
    }
}

static void debrief(FILE *out, const rp_session *s)
{
    const rp_scenario *sc = rp_session_scenario(s);
    rp_scores sco;
    rp_session_scores(s, &sco);
    const rp_node *end = &sc->nodes[rp_session_ending(s)];
    fprintf(out, "\n==== Debrief ====\n");
    fprintf(out, "Outcome: %s. %s\n", end->outcome,
            sco.passed ? "You passed." : "Not passed this time.");
    if (end->debrief) {
        char *t = rp_session_fill(s, end->debrief);
        wrap(out, "", t);
        free(t);
    }
    fprintf(out, "\nScores (pass mark %g):\n", sc->pass_mark);
    static const char *const labels[] = { "Empathy", "Conflict resolution", "Response quality" };
    if (sco.has_overall)
        fprintf(out, "  Overall: %.1f\n", rp_round1(sco.overall));
    for (int d = 0; d < RP_NDIMS; d++) {
        if (sco.tested[d])
            fprintf(out, "  %s: %.1f\n", labels[d], rp_round1(sco.dim[d]));
        else
            fprintf(out, "  %s: not tested in this conversation\n", labels[d]);
    }
    fprintf(out, "  %s's mood: %s at the start, %s at the end\n", sc->customer.name,
            rp_mood_word(rp_session_start_mood(s)), rp_mood_word(rp_session_mood(s)));
    int n;
    const rp_decision *dec = rp_session_decisions(s, &n);
    fprintf(out, "\nYour choices:\n");
    for (int i = 0; i < n; i++) {
        const rp_node *nd = &sc->nodes[dec[i].node];
        fprintf(out, "\nDecision %d.\n", i + 1);
        if (dec[i].timed_out) {
            fprintf(out, "You ran out of time and said nothing.\n");
        } else {
            const rp_choice *c = &nd->choices[dec[i].choice_index];
            char *t = rp_session_fill(s, c->text);
            char *line = malloc(strlen(t) + 32);
            sprintf(line, "You said: \"%s\" (%s)", t, rp_quality_name(c->quality));
            wrap(out, "", line);
            free(line);
            free(t);
            if (c->feedback) {
                char *f = rp_session_fill(s, c->feedback);
                wrap(out, "   ", f);
                free(f);
            }
        }
        if (dec[i].best_index != dec[i].choice_index) {
            char *b = rp_session_fill(s, nd->choices[dec[i].best_index].text);
            char *line = malloc(strlen(b) + 32);
            sprintf(line, "Best on offer: \"%s\"", b);
            wrap(out, "   ", line);
            free(line);
            free(b);
        }
    }
}

int rp_cmd_play_text(const char *path, const char *trainee)
{
    rp_scenario *sc = rp_load_or_report(path, 0);
    if (sc == NULL)
        return RP_EXIT_SCENARIO;
    FILE *out = stdout;
    rp_session *s = rp_session_new(sc, trainee);
    fprintf(out, "==== %s ====\n", sc->title);
    if (sc->summary)
        wrap(out, "", sc->summary);
    fprintf(out, "You are talking with %s%s%s%s%s.\n", sc->customer.name,
            sc->customer.role ? ", " : "", sc->customer.role ? sc->customer.role : "",
            sc->customer.department ? ", " : "", sc->customer.department ? sc->customer.department : "");
    rp_status st = rp_session_start(s);
    int shown_upto = 0;
    int code = RP_EXIT_OK;
    for (;;) {
        int n_path;
        const int *path_nodes = rp_session_path(s, &n_path);
        for (; shown_upto < n_path; shown_upto++)
            show_node(out, s, &sc->nodes[path_nodes[shown_upto]]);
        if (st != RP_AT_DECISION)
            break;
        int n;
        const int *shown = rp_session_shown(s, &n);
        const rp_node *nd = &sc->nodes[rp_session_node(s)];
        fprintf(out, "\n(%s is %s.)\n", sc->customer.name, rp_mood_word(rp_session_mood(s)));
        for (int k = 0; k < n; k++) {
            char *t = rp_session_fill(s, nd->choices[shown[k]].text);
            char label[16];
            snprintf(label, sizeof label, "  %d. ", k + 1);
            char *line = malloc(strlen(t) + 16);
            sprintf(line, "%s%s", label, t);
            wrap(out, "", line);
            free(line);
            free(t);
        }
        int pick = 0;
        while (pick == 0) {
            fprintf(out, "Your answer (1-%d, or q to stop): ", n);
            fflush(out);
            char buf[64];
            if (fgets(buf, sizeof buf, stdin) == NULL || buf[0] == 'q' || buf[0] == 'Q') {
                fprintf(out, "\nSession stopped before the end; nothing was scored.\n");
                rp_session_free(s);
                rp_scenario_free(sc);
                return RP_EXIT_INCOMPLETE;
            }
            char *end;
            long v = strtol(buf, &end, 10);
            if (end != buf && v >= 1 && v <= n)
                pick = (int)v;
            else
                fprintf(out, "Please type a number from 1 to %d.\n", n);
        }
        st = rp_session_choose(s, pick, -1);
    }
    if (st == RP_FAILED) {
        fprintf(stderr, "%s\n", rp_session_error(s));
        code = RP_EXIT_SCENARIO;
    } else {
        debrief(out, s);
    }
    rp_session_free(s);
    rp_scenario_free(sc);
    return code;
}
