/*
 * fuzz_loader.c - a trainer's file, whatever its bytes: the loader, the
 * sandbox, the session and the explorer must neither crash nor hang.
 *
 * The input is loaded with rp_scenario_load_buffer(). When it fails there
 * must be an error with a message. When it loads, the model is checked
 * (every index in range), a few runs are played with choices taken from
 * the input's bytes (time-outs included), a small depth-first walk tries
 * every choice a few decisions deep, and small scenarios are also handed
 * to rp_explore() and turned into scorecards.
 */
#include "fuzz.h"
#include "explore.h"
#include "scorecard.h"
#include "session.h"

#include <sodium.h>
#include <string.h>

#define PLAYS 3
#define MAX_DECISIONS 64
#define WALK_DEPTH 12
#define WALK_PATHS 120

static void check_diags(const rp_diags *d)
{
    char small[48], big[1400];
    for (int i = 0; i < d->n; i++) {
        const rp_diag *g = &d->items[i];
        FUZZ_CHECK(g->file != NULL && g->message != NULL && g->message[0] != '\0');
        FUZZ_CHECK(g->line >= 0);
        rp_diag_format(g, small, sizeof small);
        rp_diag_format(g, big, sizeof big);
        FUZZ_CHECK(strlen(small) < sizeof small);
        /* messages are for a terminal: no control characters */
        for (const char *p = big; *p; p++)
            FUZZ_CHECK((unsigned char)*p >= 0x20 || *p == '\t');
    }
}

static void check_model(const rp_scenario *sc)
{
    FUZZ_CHECK(sc->n_nodes > 0);
    FUZZ_CHECK(sc->start >= 0 && sc->start < sc->n_nodes);
    FUZZ_CHECK(sc->id && sc->title && sc->audience && sc->setting && sc->customer.name);
    FUZZ_CHECK(sc->pass_mark >= 0 && sc->pass_mark <= 100);
    for (int i = 0; i < sc->n_nodes; i++) {
        const rp_node *nd = &sc->nodes[i];
        FUZZ_CHECK(nd->id && nd->id[0]);
        FUZZ_CHECK(rp_scenario_find_node(sc, nd->id) == i);
        FUZZ_CHECK(nd->go_node >= -1 && nd->go_node < sc->n_nodes);
        FUZZ_CHECK(nd->timeout_node >= -1 && nd->timeout_node < sc->n_nodes);
        FUZZ_CHECK(nd->n_choices >= 0);
        for (int k = 0; k < nd->n_choices; k++) {
            const rp_choice *c = &nd->choices[k];
            FUZZ_CHECK(c->text != NULL);
            FUZZ_CHECK(c->go_node >= -1 && c->go_node < sc->n_nodes);
            FUZZ_CHECK(c->quality >= RP_Q_HARMFUL && c->quality <= RP_Q_BEST);
            for (int a = 0; a < c->n_set; a++)
                FUZZ_CHECK(c->set[a].var >= 0 && c->set[a].var < sc->n_vars);
        }
    }
}

static void check_session(rp_session *s)
{
    rp_status st = rp_session_status(s);
    if (st == RP_FAILED) {
        const char *e = rp_session_error(s);
        FUZZ_CHECK(e != NULL && e[0] != '\0');
    }
    int n;
    const int *path = rp_session_path(s, &n);
    const rp_scenario *sc = rp_session_scenario(s);
    for (int i = 0; i < n; i++)
        FUZZ_CHECK(path[i] >= 0 && path[i] < sc->n_nodes);
    double m = rp_session_mood(s);
    FUZZ_CHECK(m >= RP_MOOD_MIN && m <= RP_MOOD_MAX);
    rp_scores sco;
    rp_session_scores(s, &sco);
    for (int d = 0; d < RP_NDIMS; d++)
        if (sco.tested[d])
            FUZZ_CHECK(sco.dim[d] >= -1e-9 && sco.dim[d] <= 100 + 1e-9);
    if (st == RP_AT_DECISION) {
        const rp_node *nd = &sc->nodes[rp_session_node(s)];
        char *text = rp_session_fill(s, nd->say);
        FUZZ_CHECK(text != NULL);
        free(text);
        int k;
        const int *shown = rp_session_shown(s, &k);
        FUZZ_CHECK(k >= 1 && k <= nd->n_choices);
        for (int i = 0; i < k; i++)
            FUZZ_CHECK(shown[i] >= 0 && shown[i] < nd->n_choices);
    }
}

/* A run with choices drawn from the input: byte b picks b % (shown + 1), 0 = time-out. */
static void play(rp_scenario *sc, const uint8_t *data, size_t size, unsigned seed)
{
    rp_session *s = rp_session_new(sc, "fuzz");
    rp_session_start(s);
    check_session(s);
    for (int i = 0; i < MAX_DECISIONS && rp_session_status(s) == RP_AT_DECISION; i++) {
        int n;
        rp_session_shown(s, &n);
        unsigned b = size ? data[(seed + (unsigned)i * 31u) % size] : 1;
        int k = (int)(b % (unsigned)(n + 1));
        if (k == 0 && rp_session_can_time_out(s))
            rp_session_timeout(s);
        else
            rp_session_choose(s, k == 0 ? n + 1 : k, -1);   /* n + 1: out of range, refused */
        check_session(s);
    }
    cJSON *card = rp_scorecard_json(s);
    FUZZ_CHECK(card != NULL);
    char *text = cJSON_PrintUnformatted(card);
    FUZZ_CHECK(text != NULL);
    cJSON_free(text);
    cJSON_Delete(card);
    rp_session_free(s);
}

typedef struct {
    int paths;
    int deep;              /* paths cut short by WALK_DEPTH */
} walk_stats;

static void walk(rp_session *s, int depth, walk_stats *w)
{
    if (w->paths >= WALK_PATHS)
        return;
    if (rp_session_status(s) != RP_AT_DECISION) {
        w->paths++;
        return;
    }
    if (depth >= WALK_DEPTH) {
        w->paths++;
        w->deep++;
        return;
    }
    int n;
    rp_session_shown(s, &n);
    for (int k = rp_session_can_time_out(s) ? 0 : 1; k <= n && w->paths < WALK_PATHS; k++) {
        rp_session *c = rp_session_clone(s);
        if (k == 0)
            rp_session_timeout(c);
        else
            rp_session_choose(c, k, -1);
        check_session(c);
        walk(c, depth + 1, w);
        rp_session_free(c);
    }
}

int rp_fuzz_loader(const uint8_t *data, size_t size)
{
    rp_diags d = { 0 };
    rp_scenario *sc = rp_scenario_load_buffer((const char *)data, size, "fuzz.lua", &d);
    check_diags(&d);
    if (sc == NULL) {
        FUZZ_CHECK(rp_diags_errors(&d) > 0);
        rp_diags_free(&d);
        return 0;
    }
    FUZZ_CHECK(rp_diags_errors(&d) == 0);
    rp_diags_free(&d);
    check_model(sc);

    unsigned seed = 0;
    for (size_t i = 0; i < size && i < 64; i++)
        seed = seed * 33u + data[i];
    for (unsigned p = 0; p < PLAYS; p++)
        play(sc, data, size, seed + p * 7919u);

    walk_stats w = { 0, 0 };
    rp_session *s = rp_session_new(sc, "fuzz");
    rp_session_start(s);
    walk(s, 0, &w);
    rp_session_free(s);

    /* Small, finite scenarios: the explorer walks them in full. */
    if (w.paths < WALK_PATHS && w.deep == 0) {
        rp_exploration x;
        rp_explore(sc, 1000, true, &x);
        FUZZ_CHECK(!x.capped);
        FUZZ_CHECK(x.paths == x.ended + x.failed + x.looped);
        FUZZ_CHECK(x.passed <= x.ended);
        char buf[256];
        if (x.best.found)
            rp_sequence_format(&x.best, buf, sizeof buf);
        rp_exploration_free(&x, sc);
    }
    rp_scenario_free(sc);
    return 0;
}

#ifndef RP_FUZZ_NO_MAIN
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return sodium_init() < 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rp_fuzz_loader(data, size);
}
#endif
