/* scorecard.c - see scorecard.h. */
#include "scorecard.h"

#include <math.h>
#include <stdlib.h>

const char *rp_mood_word(double mood)
{
    static const char *const words[] = {
        "furious", "angry", "annoyed", "neutral", "calm", "pleased", "delighted"
    };
    int i = (int)lround(mood) + 3;
    return words[i < 0 ? 0 : i > 6 ? 6 : i];
}

static void add_score(cJSON *obj, const char *key, bool present, double v)
{
    if (present)
        cJSON_AddNumberToObject(obj, key, rp_round1(v));
    else
        cJSON_AddNullToObject(obj, key);
}

static void add_filled(cJSON *obj, const char *key, const rp_session *s, const char *text)
{
    if (text == NULL) {
        cJSON_AddNullToObject(obj, key);
        return;
    }
    char *filled = rp_session_fill(s, text);
    cJSON_AddStringToObject(obj, key, filled);
    free(filled);
}

cJSON *rp_scorecard_json(const rp_session *s)
{
    const rp_scenario *sc = rp_session_scenario(s);
    rp_scores sco;
    rp_session_scores(s, &sco);
    cJSON *root = cJSON_CreateObject();

    cJSON *scen = cJSON_AddObjectToObject(root, "scenario");
    cJSON_AddStringToObject(scen, "id", sc->id);
    cJSON_AddStringToObject(scen, "title", sc->title);
    cJSON_AddStringToObject(scen, "audience", sc->audience);
    if (sc->version)
        cJSON_AddStringToObject(scen, "version", sc->version);
    cJSON_AddStringToObject(scen, "hash", rp_scenario_hash(sc));

    cJSON_AddStringToObject(root, "trainee", rp_session_trainee(s));
    cJSON_AddBoolToObject(root, "complete", rp_session_status(s) == RP_ENDED);
    int end = rp_session_ending(s);
    if (end >= 0) {
        cJSON_AddStringToObject(root, "ending", sc->nodes[end].id);
        cJSON_AddStringToObject(root, "outcome", sc->nodes[end].outcome);
    } else {
        cJSON_AddNullToObject(root, "ending");
        cJSON_AddNullToObject(root, "outcome");
    }
    int n_path;
    const int *path = rp_session_path(s, &n_path);
    cJSON *jp = cJSON_AddArrayToObject(root, "path");
    for (int i = 0; i < n_path; i++)
        cJSON_AddItemToArray(jp, cJSON_CreateString(sc->nodes[path[i]].id));

    cJSON *js = cJSON_AddObjectToObject(root, "scores");
    for (int d = 0; d < RP_NDIMS; d++)
        add_score(js, rp_dim_names[d], sco.tested[d], sco.dim[d]);
    add_score(js, "overall", sco.has_overall, sco.overall);
    cJSON_AddNumberToObject(root, "pass_mark", sc->pass_mark);
    cJSON_AddBoolToObject(root, "passed", sco.passed);
    cJSON *jm = cJSON_AddObjectToObject(root, "mood");
    cJSON_AddNumberToObject(jm, "start", rp_session_start_mood(s));
    cJSON_AddNumberToObject(jm, "end", rp_session_mood(s));

    int n_dec;
    const rp_decision *dec = rp_session_decisions(s, &n_dec);
    cJSON *jd = cJSON_AddArrayToObject(root, "decisions");
    for (int i = 0; i < n_dec; i++) {
        const rp_node *nd = &sc->nodes[dec[i].node];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "node", nd->id);
        if (dec[i].timed_out) {
            cJSON_AddNullToObject(o, "choice");
            cJSON_AddNullToObject(o, "text");
            cJSON_AddNullToObject(o, "quality");
            cJSON_AddNumberToObject(o, "empathy", dec[i].value[RP_DIM_EMPATHY]);
            cJSON_AddNumberToObject(o, "resolution", dec[i].value[RP_DIM_RESOLUTION]);
            cJSON_AddNumberToObject(o, "mood", -1);
            cJSON_AddNullToObject(o, "feedback");
        } else {
            const rp_choice *c = &nd->choices[dec[i].choice_index];
            cJSON_AddNumberToObject(o, "choice", dec[i].choice);
            add_filled(o, "text", s, c->text);
            cJSON_AddStringToObject(o, "quality", rp_quality_name(c->quality));
            cJSON_AddNumberToObject(o, "empathy", c->empathy);
            cJSON_AddNumberToObject(o, "resolution", c->resolution);
            cJSON_AddNumberToObject(o, "mood", c->mood);
            add_filled(o, "feedback", s, c->feedback);
        }
        if (dec[i].response_ms >= 0)
            cJSON_AddNumberToObject(o, "response_ms", (double)dec[i].response_ms);
        else
            cJSON_AddNullToObject(o, "response_ms");
        cJSON_AddBoolToObject(o, "timed_out", dec[i].timed_out);
        if (dec[i].best_index != dec[i].choice_index)
            add_filled(o, "best", s, nd->choices[dec[i].best_index].text);
        else
            cJSON_AddNullToObject(o, "best");
        cJSON_AddItemToArray(jd, o);
    }
    return root;
}

static void print_score(FILE *out, const char *label, bool present, double v)
{
    if (present)
        fprintf(out, "%s %.1f", label, rp_round1(v));
    else
        fprintf(out, "%s -", label);
}

void rp_scorecard_print_summary(const rp_session *s, FILE *out)
{
    const rp_scenario *sc = rp_session_scenario(s);
    rp_scores sco;
    rp_session_scores(s, &sco);
    fprintf(out, "%s (%s), trainee %s\n", sc->title, sc->id, rp_session_trainee(s));
    int end = rp_session_ending(s);
    if (end >= 0)
        fprintf(out, "Ending: %s (outcome: %s)\n", sc->nodes[end].id, sc->nodes[end].outcome);
    else
        fprintf(out, "Not finished: the choices ran out before an ending\n");
    fprintf(out, "Result: %s (pass mark %g)\n", sco.passed ? "PASSED" : "NOT PASSED", sc->pass_mark);
    print_score(out, "Overall", sco.has_overall, sco.overall);
    for (int d = 0; d < RP_NDIMS; d++) {
        static const char *const labels[] = { "  Empathy", "  Resolution", "  Choices" };
        print_score(out, labels[d], sco.tested[d], sco.dim[d]);
    }
    fprintf(out, "\nMood: %s (%g) -> %s (%g)\n", rp_mood_word(rp_session_start_mood(s)),
            rp_session_start_mood(s), rp_mood_word(rp_session_mood(s)), rp_session_mood(s));
    int n_path;
    const int *path = rp_session_path(s, &n_path);
    fprintf(out, "Path:");
    for (int i = 0; i < n_path; i++)
        fprintf(out, "%s%s", i ? " > " : " ", sc->nodes[path[i]].id);
    fprintf(out, "\n");
}
