/*
 * session.c - the run of a scenario (DESIGN section 3) and its scoring
 * (section 4). Pure C over the scenario model: no I/O of any kind.
 */
#include "session.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Plain steps in a row before the run is declared stuck in a loop. */
#define MAX_STEPS_WITHOUT_DECISION 10000

struct rp_session {
    rp_scenario *sc;
    char *trainee;
    rp_status status;
    char error[1024];
    int node;
    int ending;
    double mood, start_mood;
    rp_value *vars;
    unsigned char *visited;
    int *path, *path_via;
    int n_path, cap_path;
    int entering_via;               /* how the next node is entered */
    rp_decision *decisions;
    int n_decisions, cap_decisions;
    int *shown;
    int n_shown;
    double gained[RP_NDIMS], possible[RP_NDIMS];
};

static double clamp_mood(double m)
{
    return m < RP_MOOD_MIN ? RP_MOOD_MIN : m > RP_MOOD_MAX ? RP_MOOD_MAX : m;
}

rp_session *rp_session_new(rp_scenario *sc, const char *trainee)
{
    rp_session *s = calloc(1, sizeof *s);
    s->sc = sc;
    s->trainee = strdup(trainee ? trainee : "");
    s->status = RP_NOT_STARTED;
    s->ending = -1;
    s->node = -1;
    s->mood = s->start_mood = clamp_mood(sc->customer.mood);
    s->vars = calloc((size_t)sc->n_vars + 1, sizeof *s->vars);
    s->visited = calloc((size_t)sc->n_nodes + 1, 1);
    int max_choices = 1;
    for (int i = 0; i < sc->n_nodes; i++)
        if (sc->nodes[i].n_choices > max_choices)
            max_choices = sc->nodes[i].n_choices;
    s->shown = calloc((size_t)max_choices, sizeof *s->shown);
    return s;
}

void rp_session_free(rp_session *s)
{
    if (s == NULL)
        return;
    free(s->trainee);
    free(s->vars);
    free(s->visited);
    free(s->path);
    free(s->path_via);
    free(s->decisions);
    free(s->shown);
    free(s);
}

static void *dup_mem(const void *p, size_t size)
{
    void *q = malloc(size ? size : 1);
    if (size)
        memcpy(q, p, size);
    return q;
}

rp_session *rp_session_clone(const rp_session *s)
{
    rp_session *c = malloc(sizeof *c);
    *c = *s;
    const rp_scenario *sc = s->sc;
    int max_choices = 1;
    for (int i = 0; i < sc->n_nodes; i++)
        if (sc->nodes[i].n_choices > max_choices)
            max_choices = sc->nodes[i].n_choices;
    c->trainee = strdup(s->trainee);
    c->vars = dup_mem(s->vars, sizeof *s->vars * (size_t)sc->n_vars);
    c->visited = dup_mem(s->visited, (size_t)sc->n_nodes);
    c->path = dup_mem(s->path, sizeof *s->path * (size_t)s->cap_path);
    c->path_via = dup_mem(s->path_via, sizeof *s->path_via * (size_t)s->cap_path);
    c->decisions = dup_mem(s->decisions, sizeof *s->decisions * (size_t)s->cap_decisions);
    c->shown = dup_mem(s->shown, sizeof *s->shown * (size_t)max_choices);
    return c;
}

static rp_status fail(rp_session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static rp_status fail(rp_session *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->error, sizeof s->error, fmt, ap);
    va_end(ap);
    s->status = RP_FAILED;
    return s->status;
}

static void push_path(rp_session *s, int node)
{
    if (s->n_path == s->cap_path) {
        s->cap_path = s->cap_path ? s->cap_path * 2 : 16;
        s->path = realloc(s->path, sizeof *s->path * (size_t)s->cap_path);
        s->path_via = realloc(s->path_via, sizeof *s->path_via * (size_t)s->cap_path);
    }
    s->path_via[s->n_path] = s->entering_via;
    s->path[s->n_path++] = node;
    s->entering_via = RP_VIA_GO;
    s->visited[node] = 1;
}

/*
 * Enters `target` and follows plain steps until a decision, an ending or an
 * error. Choices are filtered by `when`, in the order written.
 */
static rp_status advance(rp_session *s, int target)
{
    rp_scenario *sc = s->sc;
    for (int steps = 0; ; steps++) {
        if (steps > MAX_STEPS_WITHOUT_DECISION)
            return fail(s, "%s:%d: the run went round %d nodes without a decision; node '%s' is in a loop "
                        "with no way out", sc->path, sc->nodes[target].line, MAX_STEPS_WITHOUT_DECISION,
                        sc->nodes[target].id);
        const rp_node *nd = &sc->nodes[target];
        s->node = target;
        push_path(s, target);
        if (nd->is_ending) {
            s->ending = target;
            s->n_shown = 0;
            return s->status = RP_ENDED;
        }
        s->n_shown = 0;
        for (int k = 0; k < nd->n_choices; k++) {
            const rp_choice *c = &nd->choices[k];
            int shown = 1;
            if (c->when_ref != RP_NO_REF) {
                shown = rp_scenario_call_when(sc, c, s, s->error, sizeof s->error);
                if (shown < 0)
                    return s->status = RP_FAILED;
            }
            if (shown)
                s->shown[s->n_shown++] = k;
        }
        if (s->n_shown > 0)
            return s->status = RP_AT_DECISION;
        int next = nd->go_node;
        if (nd->go_ref != RP_NO_REF) {
            next = rp_scenario_call_go(sc, nd->go_ref, nd->line, s, s->error, sizeof s->error);
            if (next < 0)
                return s->status = RP_FAILED;
        }
        if (next < 0)
            return fail(s, "%s:%d: dead end: node '%s' has no choice to show and no 'go', so the run "
                        "cannot go on", sc->path, nd->line, nd->id);
        target = next;
    }
}

rp_status rp_session_start(rp_session *s)
{
    if (s->status != RP_NOT_STARTED)
        return s->status;
    if (s->sc->start < 0)
        return fail(s, "%s: the scenario has no start node", s->sc->path);
    s->entering_via = RP_VIA_START;
    return advance(s, s->sc->start);
}

static double value_of(const rp_choice *c, int d)
{
    switch (d) {
    case RP_DIM_EMPATHY: return c->empathy;
    case RP_DIM_RESOLUTION: return c->resolution;
    default: return (double)c->quality;
    }
}

/* Min and max of each dimension over the shown choices. */
static void bounds(const rp_session *s, double lo[RP_NDIMS], double hi[RP_NDIMS])
{
    const rp_node *nd = &s->sc->nodes[s->node];
    for (int d = 0; d < RP_NDIMS; d++) {
        lo[d] = INFINITY;
        hi[d] = -INFINITY;
        for (int k = 0; k < s->n_shown; k++) {
            double v = value_of(&nd->choices[s->shown[k]], d);
            if (v < lo[d]) lo[d] = v;
            if (v > hi[d]) hi[d] = v;
        }
    }
}

/* The shown choice that gains most, weighting dimensions as the scenario does. */
static int best_choice(const rp_session *s, const double lo[RP_NDIMS], const double hi[RP_NDIMS])
{
    const rp_node *nd = &s->sc->nodes[s->node];
    int best = s->shown[0];
    double best_v = -INFINITY;
    for (int k = 0; k < s->n_shown; k++) {
        const rp_choice *c = &nd->choices[s->shown[k]];
        double v = 0;
        for (int d = 0; d < RP_NDIMS; d++)
            if (hi[d] > lo[d])
                v += s->sc->weights[d] * (value_of(c, d) - lo[d]) / (hi[d] - lo[d]);
        if (v > best_v + 1e-9) {
            best_v = v;
            best = s->shown[k];
        }
    }
    return best;
}

static rp_decision *new_decision(rp_session *s)
{
    if (s->n_decisions == s->cap_decisions) {
        s->cap_decisions = s->cap_decisions ? s->cap_decisions * 2 : 16;
        s->decisions = realloc(s->decisions, sizeof *s->decisions * (size_t)s->cap_decisions);
    }
    rp_decision *dec = &s->decisions[s->n_decisions++];
    memset(dec, 0, sizeof *dec);
    dec->node = s->node;
    dec->n_shown = s->n_shown;
    return dec;
}

rp_status rp_session_choose(rp_session *s, int k, long response_ms)
{
    if (s->status != RP_AT_DECISION || k < 1 || k > s->n_shown)
        return s->status;
    rp_scenario *sc = s->sc;
    const rp_node *nd = &sc->nodes[s->node];
    const rp_choice *c = &nd->choices[s->shown[k - 1]];
    double lo[RP_NDIMS], hi[RP_NDIMS];
    bounds(s, lo, hi);

    rp_decision *dec = new_decision(s);
    dec->choice = k;
    dec->choice_index = s->shown[k - 1];
    dec->best_index = best_choice(s, lo, hi);
    dec->response_ms = response_ms;
    for (int d = 0; d < RP_NDIMS; d++) {
        dec->value[d] = value_of(c, d);
        dec->gained[d] = dec->value[d] - lo[d];
        dec->possible[d] = hi[d] - lo[d];
        s->gained[d] += dec->gained[d];
        s->possible[d] += dec->possible[d];
    }
    /* set and mood first, then go on the updated session */
    for (int i = 0; i < c->n_set; i++)
        s->vars[c->set[i].var] = c->set[i].value;
    double before = s->mood;
    s->mood = clamp_mood(s->mood + c->mood);
    dec->mood_change = s->mood - before;

    int next;
    if (c->go_ref != RP_NO_REF)
        next = rp_scenario_call_go(sc, c->go_ref, c->line, s, s->error, sizeof s->error);
    else if (c->go_node >= 0)
        next = c->go_node;
    else if (nd->go_ref != RP_NO_REF)
        next = rp_scenario_call_go(sc, nd->go_ref, nd->line, s, s->error, sizeof s->error);
    else
        next = nd->go_node;
    if (next < 0) {
        if (s->status == RP_AT_DECISION && (c->go_ref != RP_NO_REF || nd->go_ref != RP_NO_REF))
            return s->status = RP_FAILED;
        return fail(s, "%s:%d: choice %d of node '%s' leads nowhere", sc->path, c->line, k, nd->id);
    }
    s->entering_via = dec->choice_index;
    return advance(s, next);
}

bool rp_session_can_time_out(const rp_session *s)
{
    if (s->status != RP_AT_DECISION)
        return false;
    const rp_node *nd = &s->sc->nodes[s->node];
    return nd->time_limit > 0 && nd->timeout_node >= 0;
}

rp_status rp_session_timeout(rp_session *s)
{
    if (!rp_session_can_time_out(s))
        return s->status;
    const rp_node *nd = &s->sc->nodes[s->node];
    double lo[RP_NDIMS], hi[RP_NDIMS];
    bounds(s, lo, hi);
    rp_decision *dec = new_decision(s);
    dec->choice = 0;
    dec->choice_index = -1;
    dec->timed_out = true;
    dec->best_index = best_choice(s, lo, hi);
    dec->response_ms = (long)(nd->time_limit * 1000);
    for (int d = 0; d < RP_NDIMS; d++) {
        dec->value[d] = lo[d];                 /* the minimum on every dimension */
        dec->gained[d] = 0;
        dec->possible[d] = hi[d] - lo[d];
        s->possible[d] += dec->possible[d];
    }
    double before = s->mood;
    s->mood = clamp_mood(s->mood - 1);
    dec->mood_change = s->mood - before;
    s->entering_via = RP_VIA_TIMEOUT;
    return advance(s, nd->timeout_node);
}

/* ---- reading the session ---------------------------------------------------- */

rp_status rp_session_status(const rp_session *s) { return s->status; }
const char *rp_session_error(const rp_session *s) { return s->status == RP_FAILED ? s->error : NULL; }
int rp_session_node(const rp_session *s) { return s->node; }
double rp_session_mood(const rp_session *s) { return s->mood; }
double rp_session_start_mood(const rp_session *s) { return s->start_mood; }
const char *rp_session_trainee(const rp_session *s) { return s->trainee; }
const rp_scenario *rp_session_scenario(const rp_session *s) { return s->sc; }
int rp_session_ending(const rp_session *s) { return s->ending; }

const int *rp_session_shown(const rp_session *s, int *n)
{
    *n = s->status == RP_AT_DECISION ? s->n_shown : 0;
    return s->shown;
}

const int *rp_session_path(const rp_session *s, int *n)
{
    *n = s->n_path;
    return s->path;
}

const int *rp_session_path_via(const rp_session *s, int *n)
{
    *n = s->n_path;
    return s->path_via;
}

const rp_decision *rp_session_decisions(const rp_session *s, int *n)
{
    *n = s->n_decisions;
    return s->decisions;
}

const rp_value *rp_session_var(const rp_session *s, int var)
{
    return (var >= 0 && var < s->sc->n_vars) ? &s->vars[var] : NULL;
}

bool rp_session_visited(const rp_session *s, int node)
{
    return node >= 0 && node < s->sc->n_nodes && s->visited[node];
}

double rp_round1(double x)
{
    return round(x * 10.0) / 10.0;     /* round() goes half away from zero */
}

void rp_session_scores(const rp_session *s, rp_scores *out)
{
    memset(out, 0, sizeof *out);
    double sum = 0, wsum = 0;
    for (int d = 0; d < RP_NDIMS; d++) {
        if (s->possible[d] > 0) {
            out->tested[d] = true;
            out->dim[d] = 100.0 * s->gained[d] / s->possible[d];
            double w = s->sc->weights[d];
            if (w > 0) {
                sum += w * out->dim[d];
                wsum += w;
            }
        }
    }
    if (wsum > 0) {
        out->has_overall = true;
        out->overall = sum / wsum;
    }
    out->passed = s->status == RP_ENDED && out->has_overall &&
                  rp_round1(out->overall) >= s->sc->pass_mark &&
                  !s->sc->nodes[s->ending].fails;
}

/* ---- text ------------------------------------------------------------------------ */

static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        while (*len + n + 1 > *cap)
            *cap = *cap ? *cap * 2 : 64;
        *buf = realloc(*buf, *cap);
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
}

char *rp_session_fill(const rp_session *s, const char *text)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    append(&buf, &len, &cap, "", 0);
    if (text == NULL)
        return buf;
    const char *p = text;
    while (*p) {
        const char *open = strchr(p, '{');
        if (open == NULL) {
            append(&buf, &len, &cap, p, strlen(p));
            break;
        }
        append(&buf, &len, &cap, p, (size_t)(open - p));
        const char *close = strchr(open + 1, '}');
        if (close == NULL || close - open - 1 > 63) {
            append(&buf, &len, &cap, open, 1);
            p = open + 1;
            continue;
        }
        char name[64];
        memcpy(name, open + 1, (size_t)(close - open - 1));
        name[close - open - 1] = '\0';
        const char *value = NULL;
        char num[64];
        int var;
        if (strcmp(name, "trainee") == 0) {
            value = s->trainee;
        } else if (strcmp(name, "customer") == 0) {
            value = s->sc->customer.name;
        } else if ((var = rp_scenario_find_var(s->sc, name)) >= 0) {
            const rp_value *v = &s->vars[var];
            switch (v->kind) {
            case RP_VAL_NIL: value = ""; break;
            case RP_VAL_BOOL: value = v->b ? "yes" : "no"; break;
            case RP_VAL_NUMBER: snprintf(num, sizeof num, "%g", v->n); value = num; break;
            case RP_VAL_STRING: value = v->s; break;
            }
        }
        if (value) {
            append(&buf, &len, &cap, value, strlen(value));
            p = close + 1;
        } else {
            append(&buf, &len, &cap, open, 1);     /* not a placeholder: keep it */
            p = open + 1;
        }
    }
    return buf;
}
