/*
 * gui_app.c - the trainee window: SDL setup, the event-driven loop, input
 * mapping (mouse, keyboard, gamepad), the flow of a session through its
 * beats, records, settings, hot reload and headless screenshots.
 *
 * The loop sleeps in SDL_WaitEvent when nothing moves. It wakes every
 * frame only while something animates (the typewriter, the mood easing,
 * a countdown), and redraws only when something changed.
 */
#include "gui.h"
#include "catalog.h"
#include "choices.h"
#include "commands.h"
#include "draw.h"
#include "store.h"
#include "sync.h"

#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dynlib_img.h"       /* last: SDL2_image is opened only when an image is needed */

#define TYPE_SPEED 55.0          /* characters per second */
#define MOOD_EASE_MS 600.0
#define REACTION_MS 700

/* ---- small helpers ------------------------------------------------------------ */

static char *fill_clean(const rp_session *s, const char *text)
{
    if (text == NULL)
        return NULL;
    char *filled = rp_session_fill(s, text);
    char *clean = rp_utf8_sanitize(filled, strlen(filled));
    free(filled);
    return clean;
}

char *fill_text(const app *a, const char *text)
{
    char *t = fill_clean(a->s, text);
    return t ? t : strdup("");
}

static void beat_clear(beat *b)
{
    free(b->narration);
    free(b->say);
    free(b->you_said);
    memset(b, 0, sizeof *b);
    b->path_index = -1;
}

void app_show_error(app *a, const char *msg)
{
    snprintf(a->error, sizeof a->error, "%s", msg);
    a->screen = SCR_ERROR;
    a->paused = false;
    a->focus = ID_ERROR_BACK;
    a->dirty = true;
}

static void banner(app *a, Uint32 ms, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void banner(app *a, Uint32 ms, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->banner, sizeof a->banner, fmt, ap);
    va_end(ap);
    a->banner_until = SDL_GetTicks() + ms;
    a->dirty = true;
    a->layer_valid = false;
}

bool app_timers_on(const app *a)
{
    return a->set.timers && !a->no_timers_flag && !a->headless;
}

static void sync_start(app *a);

/* ---- records ------------------------------------------------------------------- */

static void record_begin(app *a)
{
    a->record_id = 0;
    if (a->store == NULL)
        return;
    char err[512];
    a->record_id = rp_store_begin(a->store, a->s, a->cohort[0] ? a->cohort : NULL, err, sizeof err);
    if (a->record_id == 0)
        banner(a, 8000, "This session is not being recorded: %s", err);
}

/* The record begins once the first frame is up (or at the first decision, whichever is first). */
static void record_catch_up(app *a)
{
    if (!a->record_pending || a->s == NULL)
        return;
    a->record_pending = false;
    record_begin(a);
}

static void record_decisions(app *a, int from)
{
    record_catch_up(a);
    if (a->store == NULL || a->record_id == 0)
        return;
    int n;
    rp_session_decisions(a->s, &n);
    char err[512];
    for (int i = from; i < n; i++)
        if (rp_store_decision(a->store, a->record_id, a->s, i, err, sizeof err) != 0)
            banner(a, 8000, "A decision could not be recorded: %s", err);
}

static void record_end(app *a)
{
    record_catch_up(a);
    if (a->store == NULL || a->record_id == 0)
        return;
    char err[512];
    int rc = rp_session_status(a->s) == RP_ENDED
                 ? rp_store_finish(a->store, a->record_id, a->s, err, sizeof err)
                 : rp_store_abandon(a->store, a->record_id, err, sizeof err);
    if (rc != 0)
        banner(a, 8000, "The session could not be saved: %s", err);
    a->record_id = 0;
    sync_start(a);
}

/* ---- delivery to the LRS -------------------------------------------------------------------- */

typedef struct {
    app *a;
    rp_sync_config cfg;
    char db[PATH_MAX];
} sync_job;

static int sync_thread(void *data)
{
    sync_job *job = data;
    rp_sync_result res;
    char err[1024];
    int rc = rp_sync_flush(job->db, &job->cfg, &res, err, sizeof err);
    app *a = job->a;
    if (rc == 0)
        snprintf(a->sync_note, sizeof a->sync_note, "LRS: %d statement%s delivered; nothing waiting", res.sent,
                 res.sent == 1 ? "" : "s");
    else
        snprintf(a->sync_note, sizeof a->sync_note, "LRS: %d waiting, %d set aside: %s", res.pending, res.held, err);
    free(job);
    SDL_AtomicSet(&a->sync_done, 1);
    return 0;
}

/*
 * After a session is stored, its statements go to the organisation's LRS
 * on a thread, when one is configured (docs/deployment.md). The window
 * never waits for the network: what is not delivered stays queued.
 */
static void sync_start(app *a)
{
    if (a->headless || a->store == NULL)
        return;
    if (a->sync_thread) {
        a->sync_again = true;
        return;
    }
    sync_job *job = calloc(1, sizeof *job);
    char err[1024];
    if (rp_sync_config_load(&job->cfg, NULL, err, sizeof err) != 0 || job->cfg.url[0] == '\0') {
        if (job->cfg.url[0] != '\0' || err[0])
            snprintf(a->sync_note, sizeof a->sync_note, "LRS settings: %s", err);
        free(job);
        return;
    }
    job->a = a;
    job->cfg.cancel = &a->sync_cancel;
    snprintf(job->db, sizeof job->db, "%s", a->db_path);
    SDL_AtomicSet(&a->sync_done, 0);
    a->sync_thread = SDL_CreateThread(sync_thread, "rapport-sync", job);
    if (a->sync_thread == NULL)
        free(job);
}

/* Joins a finished delivery; starts the next one if sessions ended meanwhile. */
static void sync_poll(app *a, bool wait)
{
    if (a->sync_thread && (wait || SDL_AtomicGet(&a->sync_done))) {
        SDL_WaitThread(a->sync_thread, NULL);
        a->sync_thread = NULL;
        if (a->sync_again && !wait) {
            a->sync_again = false;
            sync_start(a);
        }
    }
}

void app_sync_status(app *a, char *buf, size_t size)
{
    buf[0] = '\0';
    rp_sync_summary sum;
    char err[512];
    if (a->store == NULL || rp_sync_status(a->db_path, &sum, err, sizeof err) != 0)
        return;
    rp_sync_config cfg;
    bool configured = rp_sync_config_load(&cfg, NULL, err, sizeof err) == 0 && cfg.url[0];
    if (configured || sum.pending || sum.rejected || sum.conflict)
        snprintf(buf, size, "LRS outbox: %d waiting, %d set aside for review%s%s%s", sum.pending,
                 sum.rejected + sum.conflict, sum.last_success[0] ? "; last delivered " : "",
                 sum.last_success, configured ? "" : " (no LRS configured)");
    rp_sync_summary_free(&sum);
}

/* ---- the scenario list ------------------------------------------------------------- */

static void entries_free(app *a)
{
    for (int i = 0; i < a->n_entries; i++) {
        list_entry *e = &a->entries[i];
        free(e->path); free(e->id); free(e->title); free(e->audience);
        free(e->summary); free(e->setting); free(e->error);
    }
    free(a->entries);
    a->entries = NULL;
    a->n_entries = 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Loads every bundled scenario's header; broken ones are listed with their error. */
static void entries_load(app *a)
{
    entries_free(a);
    rp_paths paths = rp_list_scenarios(rp_scenarios_dir());
    a->entries = calloc((size_t)paths.n + 1, sizeof *a->entries);
    for (int i = 0; i < paths.n; i++) {
        list_entry *e = &a->entries[a->n_entries++];
        e->path = strdup(paths.paths[i]);
        e->best = -1;
        rp_diags d = { 0 };
        rp_scenario *sc = rp_scenario_load_file(paths.paths[i], &d);
        if (sc) {
            e->id = strdup(sc->id);
            e->title = strdup(sc->title);
            e->audience = strdup(sc->audience);
            e->summary = dup_or_null(sc->summary);
            e->setting = dup_or_null(sc->setting);
            e->difficulty = sc->difficulty;
            e->minutes = sc->minutes;
            if (a->store)
                e->best = rp_store_best_overall(a->store, a->trainee, sc->id);
        } else {
            char buf[1400] = "this file does not load";
            for (int k = 0; k < d.n; k++)
                if (d.items[k].severity == RP_ERROR) {
                    rp_diag_format(&d.items[k], buf, sizeof buf);
                    break;
                }
            const char *slash = strrchr(paths.paths[i], '/');
            e->title = strdup(slash ? slash + 1 : paths.paths[i]);
            e->audience = strdup("external");
            e->error = strdup(buf);
        }
        rp_scenario_free(sc);
        rp_diags_free(&d);
    }
    rp_paths_free(&paths);
}

void app_open_list(app *a)
{
    if (a->single_file) {          /* `rapport play FILE`: the list is that file */
        a->quit = true;
        return;
    }
    entries_load(a);
    a->screen = SCR_LIST;
    a->paused = false;
    a->focus = a->n_entries > 0 ? ID_CARD : ID_FILTER;
    a->dirty = true;
}

/* ---- hot reload ------------------------------------------------------------------- */

static int watch_thread(void *data)
{
    app *a = data;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    const char *base = strrchr(a->scenario_path, '/');
    base = base ? base + 1 : a->scenario_path;
    char name[256];
    snprintf(name, sizeof name, "%s", base);
    while (!SDL_AtomicGet(&a->watcher_stop)) {
        struct pollfd p = { a->inotify_fd, POLLIN, 0 };
        if (poll(&p, 1, 250) <= 0)
            continue;
        ssize_t n = read(a->inotify_fd, buf, sizeof buf);
        for (char *q = buf; n > 0 && q < buf + n;) {
            struct inotify_event *ev = (struct inotify_event *)q;
            if (ev->len > 0 && strcmp(ev->name, name) == 0) {
                SDL_Event e = { 0 };
                e.type = a->reload_event;
                SDL_PushEvent(&e);
            }
            q += sizeof *ev + ev->len;
        }
    }
    return 0;
}

static void watch_stop(app *a)
{
    if (a->watcher) {
        SDL_AtomicSet(&a->watcher_stop, 1);
        SDL_WaitThread(a->watcher, NULL);
        a->watcher = NULL;
    }
    if (a->inotify_fd >= 0) {
        close(a->inotify_fd);
        a->inotify_fd = -1;
    }
}

/* Watches the scenario's folder (editors often replace the file rather than write it). */
static void watch_start(app *a)
{
    watch_stop(a);
    if (a->headless || a->reload_event == (Uint32)-1)
        return;
    a->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (a->inotify_fd < 0)
        return;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", a->scenario_path);
    if (inotify_add_watch(a->inotify_fd, dirname(dir), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0) {
        close(a->inotify_fd);
        a->inotify_fd = -1;
        return;
    }
    SDL_AtomicSet(&a->watcher_stop, 0);
    a->watcher = SDL_CreateThread(watch_thread, "rapport-watch", a);
}

/* ---- the scene ------------------------------------------------------------------------ */

static bool node_has_words(const rp_node *nd)
{
    return (nd->say && *nd->say) || (nd->narration && *nd->narration);
}

/* Shows path entry i: the narration, the line, and what the trainee said to get here. */
static void show_beat(app *a, int i)
{
    int n;
    const int *path = rp_session_path(a->s, &n);
    const int *via = rp_session_path_via(a->s, &n);
    char *you = NULL;
    if (a->cur.path_index >= 0 && a->cur.you_said && i == a->cur.path_index)
        you = strdup(a->cur.you_said);
    /* the trainee's words stay on screen through the plain steps that follow */
    for (int k = i; k > 0 && you == NULL; k--) {
        if (via[k] >= 0) {
            const rp_node *prev = &a->sc->nodes[path[k - 1]];
            you = fill_clean(a->s, prev->choices[via[k]].text);
        } else if (via[k] == RP_VIA_TIMEOUT) {
            you = strdup("(You said nothing in time.)");
        }
        if (via[k] != RP_VIA_GO)
            break;
    }
    beat_clear(&a->cur);
    const rp_node *nd = &a->sc->nodes[path[i]];
    a->cur.path_index = i;
    a->cur.narration = fill_clean(a->s, nd->narration);
    a->cur.say = fill_clean(a->s, nd->say);
    a->cur.you_said = you;
    a->cur.chars = a->cur.say ? (long)rp_utf8_count(a->cur.say) : 0;
    a->cur.typed = a->set.reduced_motion || a->headless ? (double)a->cur.chars : 0;
    a->choice_scroll = 0;
    a->focus = ID_NONE;
    a->decision_started = 0;
    a->dirty = true;
}

static bool at_decision_beat(const app *a)
{
    int n;
    rp_session_path(a->s, &n);
    return rp_session_status(a->s) == RP_AT_DECISION && a->cur.path_index == n - 1;
}

/* Moves to the next path entry worth showing, or to the debrief. */
void app_continue(app *a)
{
    int n;
    const int *path = rp_session_path(a->s, &n);
    int i = a->cur.path_index + 1;
    while (i < n - 1 && !node_has_words(&a->sc->nodes[path[i]]))
        i++;                               /* silent routing steps are not shown */
    if (i < n) {
        show_beat(a, i);
        return;
    }
    if (rp_session_status(a->s) == RP_ENDED) {
        record_end(a);
        a->screen = SCR_DEBRIEF;
        a->debrief_scroll = 0;
        a->focus = ID_ANOTHER;
        a->dirty = true;
    }
}

static void after_step(app *a, int decisions_before, int path_before)
{
    record_decisions(a, decisions_before);
    if (rp_session_status(a->s) == RP_FAILED) {
        char msg[1200];
        snprintf(msg, sizeof msg, "%s", rp_session_error(a->s));
        record_end(a);
        app_show_error(a, msg);
        return;
    }
    a->reaction_started = SDL_GetTicks();
    if (a->set.reduced_motion)
        a->shown_mood = rp_session_mood(a->s);
    /* show the first new entry (skipping silent ones unless it is the last) */
    int n;
    const int *path = rp_session_path(a->s, &n);
    int i = path_before;
    while (i < n - 1 && !node_has_words(&a->sc->nodes[path[i]]))
        i++;
    show_beat(a, i);
}

static long response_ms(const app *a)
{
    if (a->headless || a->decision_started == 0)
        return -1;
    return (long)(SDL_GetTicks() - a->decision_started);
}

void app_choose(app *a, int k)
{
    if (!at_decision_beat(a))
        return;
    int n_shown, n_dec, n_path;
    rp_session_shown(a->s, &n_shown);
    if (k < 1 || k > n_shown)
        return;
    rp_session_decisions(a->s, &n_dec);
    rp_session_path(a->s, &n_path);
    rp_session_choose(a->s, k, response_ms(a));
    after_step(a, n_dec, n_path);
}

void app_timeout(app *a)
{
    if (!at_decision_beat(a) || !rp_session_can_time_out(a->s))
        return;
    int n_dec, n_path;
    rp_session_decisions(a->s, &n_dec);
    rp_session_path(a->s, &n_path);
    rp_session_timeout(a->s);
    after_step(a, n_dec, n_path);
}

double app_time_left(const app *a)
{
    if (a->screen != SCR_SCENE || !app_timers_on(a) || !at_decision_beat(a) ||
        !rp_session_can_time_out(a->s) || a->decision_started == 0)
        return -1;
    const rp_node *nd = &a->sc->nodes[rp_session_node(a->s)];
    Uint32 now = a->paused ? a->now : SDL_GetTicks();
    double left = nd->time_limit - (double)(now - a->decision_started) / 1000.0;
    return left < 0 ? 0 : left;
}

static void scene_reset(app *a)
{
    beat_clear(&a->cur);
    rp_session_free(a->s);
    a->s = NULL;
}

static void portrait_drop(app *a)
{
    if (a->portrait_tex)
        SDL_DestroyTexture(a->portrait_tex);
    if (a->portrait_img)
        SDL_FreeSurface(a->portrait_img);
    a->portrait_tex = NULL;
    a->portrait_img = NULL;
}

/* Loads customer.portrait (relative to the scenario file); a bad image falls back to a drawn face. */
static void portrait_load(app *a)
{
    portrait_drop(a);
    const char *rel = a->sc->customer.portrait;
    if (rel == NULL)
        return;
    char path[PATH_MAX], dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", a->scenario_path);
    if (rel[0] == '/')
        snprintf(path, sizeof path, "%s", rel);
    else
        snprintf(path, sizeof path, "%s/%s", dirname(dir), rel);
    char err[256];
    if (rp_img_load(err, sizeof err) != 0) {
        banner(a, 10000, "The portrait %s could not be shown (%s); a drawn face is used instead", rel, err);
        return;
    }
    a->portrait_img = IMG_Load(path);
    if (a->portrait_img == NULL)
        banner(a, 10000, "The portrait %s could not be shown (%s); a drawn face is used instead", rel,
               SDL_GetError());
}

SDL_Texture *app_portrait(app *a)
{
    if (a->portrait_tex == NULL && a->portrait_img)
        a->portrait_tex = SDL_CreateTextureFromSurface(a->ren, a->portrait_img);
    return a->portrait_tex;
}

static void scene_close(app *a)
{
    portrait_drop(a);
    scene_reset(a);
    rp_scenario_free(a->sc);
    a->sc = NULL;
    watch_stop(a);
    free(a->scenario_path);
    a->scenario_path = NULL;
}

static bool begin_session(app *a)
{
    a->s = rp_session_new(a->sc, a->trainee[0] ? a->trainee : "trainee");
    rp_status st = rp_session_start(a->s);
    a->shown_mood = rp_session_mood(a->s);
    a->reaction_started = 0;
    a->record_id = 0;
    a->record_pending = true;
    if (st == RP_FAILED) {
        char msg[1200];
        snprintf(msg, sizeof msg, "%s", rp_session_error(a->s));
        record_end(a);
        app_show_error(a, msg);
        return false;
    }
    a->screen = SCR_SCENE;
    a->paused = false;
    a->cur.path_index = -1;
    int n;
    const int *path = rp_session_path(a->s, &n);
    int i = 0;
    while (i < n - 1 && !node_has_words(&a->sc->nodes[path[i]]))
        i++;
    show_beat(a, i);
    return true;
}

static char *first_error(const rp_diags *d, const char *fallback)
{
    char buf[1400];
    for (int k = 0; k < d->n; k++)
        if (d->items[k].severity == RP_ERROR)
            return strdup(rp_diag_format(&d->items[k], buf, sizeof buf));
    return strdup(fallback);
}

bool app_start_scenario(app *a, const char *path)
{
    scene_close(a);
    rp_diags d = { 0 };
    a->sc = rp_scenario_load_file(path, &d);
    if (a->sc == NULL) {
        char *msg = first_error(&d, "the scenario could not be loaded");
        app_show_error(a, msg);
        free(msg);
        rp_diags_free(&d);
        return false;
    }
    rp_diags_free(&d);
    a->scenario_path = strdup(path);
    portrait_load(a);
    watch_start(a);
    return begin_session(a);
}

void app_leave_scene(app *a, screen_id to)
{
    if (a->s)
        record_end(a);                     /* abandoned unless it ended */
    scene_close(a);
    if (to == SCR_LIST)
        app_open_list(a);
    else
        a->screen = to;
    a->paused = false;
    a->dirty = true;
}

void app_restart(app *a)
{
    if (a->sc == NULL)
        return;
    if (a->s)
        record_end(a);
    scene_reset(a);
    begin_session(a);
}

/*
 * Reloads the scenario file. A broken edit keeps the last good version
 * running and says why; a good one replays the trainee's decisions so far
 * when the same nodes still come up, and starts over otherwise.
 */
void app_reload(app *a, bool keep_place)
{
    if (a->scenario_path == NULL || a->sc == NULL)
        return;
    rp_diags d = { 0 };
    rp_scenario *fresh = rp_scenario_load_file(a->scenario_path, &d);
    if (fresh == NULL) {
        char *msg = first_error(&d, "the edited file does not load");
        banner(a, 15000, "Not reloaded, the edit has an error: %s", msg);
        free(msg);
        rp_diags_free(&d);
        return;
    }
    rp_diags_free(&d);
    /* what the trainee did so far */
    int n_old = 0;
    const rp_decision *old = a->s ? rp_session_decisions(a->s, &n_old) : NULL;
    int *picks = calloc((size_t)n_old + 1, sizeof *picks);
    char **nodes = calloc((size_t)n_old + 1, sizeof *nodes);
    for (int i = 0; i < n_old; i++) {
        picks[i] = old[i].timed_out ? 0 : old[i].choice;
        nodes[i] = strdup(a->sc->nodes[old[i].node].id);
    }
    bool was_debrief = a->screen == SCR_DEBRIEF;
    if (a->s)
        record_end(a);
    scene_reset(a);
    rp_scenario_free(a->sc);
    a->sc = fresh;
    portrait_load(a);
    bool ok = begin_session(a);
    bool kept = true;
    for (int i = 0; ok && keep_place && i < n_old; i++) {
        if (rp_session_status(a->s) != RP_AT_DECISION ||
            strcmp(a->sc->nodes[rp_session_node(a->s)].id, nodes[i]) != 0) {
            kept = false;
            break;
        }
        int n_shown;
        rp_session_shown(a->s, &n_shown);
        if (picks[i] > n_shown || (picks[i] == 0 && !rp_session_can_time_out(a->s))) {
            kept = false;
            break;
        }
        if (picks[i] == 0)
            rp_session_timeout(a->s);
        else
            rp_session_choose(a->s, picks[i], -1);
    }
    if (ok && kept && rp_session_status(a->s) != RP_FAILED) {
        record_decisions(a, 0);
        int n;
        rp_session_path(a->s, &n);
        if (n_old > 0)
            show_beat(a, n - 1);
        if (was_debrief && rp_session_status(a->s) == RP_ENDED)
            app_continue(a);
        banner(a, 4000, "Reloaded %s", a->sc->path);
    } else if (ok) {
        if (a->s)
            record_end(a);
        scene_reset(a);
        begin_session(a);
        banner(a, 8000, "Reloaded; the edit changed the path you were on, so the scenario starts again");
    }
    for (int i = 0; i < n_old; i++)
        free(nodes[i]);
    free(nodes);
    free(picks);
}

/* ---- settings ----------------------------------------------------------------------- */

static void apply_settings(app *a)
{
    ui_set_theme(&a->u, a->set.high_contrast);
    a->u.text_scale = a->set.text_scale;
    int w = 1280, h = 720;
    if (a->surface) {
        w = a->surface->w;
        h = a->surface->h;
    }
    ui_resize(&a->u, w, h);
    a->dirty = true;
}

void app_toggle(app *a, int which)
{
    switch (which) {
    case 0: a->set.high_contrast = !a->set.high_contrast; break;
    case 1: a->set.timers = !a->set.timers; break;
    case 2:
        a->set.reduced_motion = !a->set.reduced_motion;
        if (a->set.reduced_motion)
            a->cur.typed = (double)a->cur.chars;
        break;
    case 3:
        a->set.fullscreen = !a->set.fullscreen;
        if (a->win)
            SDL_SetWindowFullscreen(a->win, a->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        break;
    }
    if (!a->headless)
        rp_settings_save(&a->set);
    apply_settings(a);
}

void app_text_scale(app *a, int delta)
{
    int t = a->set.text_scale + delta;
    if (t < RP_TEXT_SCALE_MIN) t = RP_TEXT_SCALE_MIN;
    if (t > RP_TEXT_SCALE_MAX) t = RP_TEXT_SCALE_MAX;
    if (t == a->set.text_scale)
        return;
    a->set.text_scale = t;
    if (!a->headless)
        rp_settings_save(&a->set);
    apply_settings(a);
    banner(a, 1500, "Text size %d%%", t);
}

/* ---- time ------------------------------------------------------------------------------ */

bool app_animating(const app *a)
{
    if (a->screen != SCR_SCENE || a->paused || a->s == NULL)
        return false;
    if (a->cur.typed < (double)a->cur.chars)
        return true;
    if (fabs(a->shown_mood - rp_session_mood(a->s)) > 0.001)
        return true;
    if (a->reaction_started && SDL_GetTicks() - a->reaction_started < REACTION_MS)
        return true;
    return app_time_left(a) > 0;
}

/* Advances animations to `now`; marks the frame dirty when anything moved. */
static void tick(app *a)
{
    Uint32 now = SDL_GetTicks();
    double dt = (double)(now - a->last_tick) / 1000.0;
    a->last_tick = now;
    if (dt > 0.25)
        dt = 0.25;
    if (a->banner[0] && now >= a->banner_until) {
        a->banner[0] = '\0';
        a->dirty = true;
        a->layer_valid = false;
    }
    if (a->screen != SCR_SCENE || a->paused || a->s == NULL)
        return;
    if (a->cur.typed < (double)a->cur.chars) {
        a->cur.typed += dt * TYPE_SPEED;
        if (a->cur.typed > (double)a->cur.chars)
            a->cur.typed = (double)a->cur.chars;
        a->dirty = true;
    }
    double target = rp_session_mood(a->s);
    if (fabs(a->shown_mood - target) > 0.001) {
        double step = dt * 1000.0 / MOOD_EASE_MS * 3.0;
        if (a->set.reduced_motion || fabs(target - a->shown_mood) <= step)
            a->shown_mood = target;
        else
            a->shown_mood += target > a->shown_mood ? step : -step;
        a->dirty = true;
    }
    if (a->reaction_started && now - a->reaction_started < REACTION_MS + 100)
        a->dirty = true;
    /* the countdown starts when the choices can be read */
    if (at_decision_beat(a) && a->cur.typed >= (double)a->cur.chars && a->decision_started == 0) {
        a->decision_started = now;
        a->dirty = true;
    }
    double left = app_time_left(a);
    if (left == 0) {
        app_timeout(a);
    } else if (left > 0) {
        a->dirty = true;
    }
}

/*
 * The window is drawn by SDL's software renderer into the window's own
 * surface, exactly as headless screenshots are, and presented with
 * SDL_UpdateWindowSurfaceRects: a typewriter frame sends only the speech
 * bubble to the display. On the GPU-less PCs of a training room this is
 * cheaper than software OpenGL, which must redraw and texture the whole
 * frame every time.
 */
static void attach_renderer(app *a)
{
    if (a->ren) {
        ui_drop_textures(&a->u);
        if (a->portrait_tex)
            SDL_DestroyTexture(a->portrait_tex);
        a->portrait_tex = NULL;
        if (a->layer)
            SDL_DestroyTexture(a->layer);
        SDL_DestroyRenderer(a->ren);
    }
    a->ren = NULL;
    a->layer = NULL;
    a->layer_valid = false;
    a->surface = SDL_GetWindowSurface(a->win);
    if (a->surface)
        a->ren = SDL_CreateSoftwareRenderer(a->surface);
    if (a->ren && a->u.r)
        a->u.r = a->ren;
}

/* ---- rendering --------------------------------------------------------------------------- */

/* Only the typewriter moves: the rest of the frame can come from the layer. */
static bool typing_only(const app *a)
{
    return a->screen == SCR_SCENE && !a->paused && a->s && a->cur.typed < (double)a->cur.chars &&
           fabs(a->shown_mood - rp_session_mood(a->s)) <= 0.001 &&
           (a->reaction_started == 0 || SDL_GetTicks() - a->reaction_started >= REACTION_MS);
}

static void draw_all(app *a)
{
    ui_begin_frame(&a->u);
    SDL_Color bg = a->u.th.bg;
    SDL_SetRenderDrawColor(a->ren, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(a->ren);
    screens_draw(a);
}

static void render(app *a)
{
    SDL_Rect changed = { 0, 0, a->u.w, a->u.h };
    if (!typing_only(a) || !SDL_RenderTargetSupported(a->ren)) {
        a->layer_valid = false;
        draw_all(a);
    } else {
        int w = a->u.w, h = a->u.h, lw = 0, lh = 0;
        if (a->layer)
            SDL_QueryTexture(a->layer, NULL, NULL, &lw, &lh);
        if (a->layer == NULL || lw != w || lh != h) {
            if (a->layer)
                SDL_DestroyTexture(a->layer);
            a->layer = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
            if (a->layer) {      /* an opaque copy: blending a whole frame is slow on software GL */
                SDL_SetTextureBlendMode(a->layer, SDL_BLENDMODE_NONE);
                SDL_SetTextureScaleMode(a->layer, SDL_ScaleModeNearest);
            }
            a->layer_valid = false;
        }
        if (!a->layer_valid && a->layer) {
            SDL_SetRenderTarget(a->ren, a->layer);
            a->drawing_layer = true;
            draw_all(a);
            a->drawing_layer = false;
            SDL_SetRenderTarget(a->ren, NULL);
            a->layer_valid = true;
        }
        if (a->layer && a->speech.set) {
            /* restore the bubble under the line, then draw the line further */
            changed = a->speech.r;
            SDL_RenderCopy(a->ren, a->layer, &changed, &changed);
            screens_draw_speech(a);
        } else if (a->layer) {
            SDL_RenderCopy(a->ren, a->layer, NULL, NULL);
        } else {
            draw_all(a);
        }
    }
    SDL_RenderFlush(a->ren);
    if (!a->headless)
        SDL_UpdateWindowSurfaceRects(a->win, &changed, 1);
    a->dirty = false;
    if (a->bench) {
        /* markers for bench/gui: the first frame, and the end of the first line's typing */
        if (a->frames++ == 0)
            printf("first-frame\n");
        if (!a->bench_typed_reported && a->screen == SCR_SCENE && a->cur.typed >= (double)a->cur.chars) {
            a->bench_typed_reported = true;
            printf("typed %ld frames\n", a->frames);
        }
        fflush(stdout);
    }
}

static int save_shot(app *a, const char *what)
{
    render(a);
    char path[PATH_MAX];
    a->shot_count++;
    snprintf(path, sizeof path, "%s/%03d-%s.png", a->shot_dir, a->shot_count, what);
    char err[256];
    if (rp_img_load(err, sizeof err) != 0) {
        fprintf(stderr, "rapport: cannot save screenshots: %s\n", err);
        return -1;
    }
    if (IMG_SavePNG(a->surface, path) != 0) {
        fprintf(stderr, "rapport: cannot write the screenshot %s: %s\n", path, SDL_GetError());
        return -1;
    }
    return 0;
}

/* ---- input ------------------------------------------------------------------------------- */

static void to_output_coords(app *a, int *x, int *y)
{
    int ww, wh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    if (ww > 0 && wh > 0) {
        *x = *x * a->u.w / ww;
        *y = *y * a->u.h / wh;
    }
}

static void handle_key(app *a, const SDL_KeyboardEvent *k)
{
    SDL_Keycode key = k->keysym.sym;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    if (ctrl && (key == SDLK_EQUALS || key == SDLK_PLUS || key == SDLK_KP_PLUS)) {
        app_text_scale(a, 25);
        return;
    }
    if (ctrl && (key == SDLK_MINUS || key == SDLK_KP_MINUS)) {
        app_text_scale(a, -25);
        return;
    }
    if (key == SDLK_F11) { app_toggle(a, 3); return; }
    if (key == SDLK_F5 && a->sc) { app_reload(a, true); return; }
    if (key == SDLK_F9 && a->screen == SCR_SIGNIN) { hr_open(a); return; }
    bool typing = screen_takes_text(a->screen);
    switch (key) {
    case SDLK_ESCAPE: screens_input(a, ACT_BACK, 0); return;
    case SDLK_UP: screens_input(a, ACT_UP, 0); return;
    case SDLK_DOWN: screens_input(a, ACT_DOWN, 0); return;
    case SDLK_LEFT: if (!typing) screens_input(a, ACT_LEFT, 0); return;
    case SDLK_RIGHT: if (!typing) screens_input(a, ACT_RIGHT, 0); return;
    case SDLK_TAB: screens_input(a, ACT_TAB, (k->keysym.mod & KMOD_SHIFT) ? -1 : 1); return;
    case SDLK_RETURN: case SDLK_KP_ENTER: screens_input(a, ACT_CONFIRM, 0); return;
    case SDLK_SPACE: if (!typing) screens_input(a, ACT_CONFIRM, 0); return;
    case SDLK_BACKSPACE: if (typing) screens_backspace(a); return;
    case SDLK_PAGEUP: screens_input(a, ACT_SCROLL, -5); return;
    case SDLK_PAGEDOWN: screens_input(a, ACT_SCROLL, 5); return;
    default: break;
    }
    if (!typing && key >= SDLK_1 && key <= SDLK_9)
        screens_input(a, ACT_NUMBER, (int)(key - SDLK_0));
    else if (!typing && key >= SDLK_KP_1 && key <= SDLK_KP_9)
        screens_input(a, ACT_NUMBER, (int)(key - SDLK_KP_1) + 1);
    else if (!typing && a->screen == SCR_SCENE)
        screens_input(a, ACT_NONE, 0);      /* any other key completes the typewriter */
}

static void handle_event(app *a, const SDL_Event *ev)
{
    a->layer_valid = false;          /* anything may change what is on screen */
    switch (ev->type) {
    case SDL_QUIT:
        if (a->s)
            record_end(a);
        a->quit = true;
        break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            attach_renderer(a);           /* the window surface was replaced */
            apply_settings(a);
        } else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
            a->dirty = true;
        }
        break;
    case SDL_KEYDOWN:
        handle_key(a, &ev->key);
        break;
    case SDL_TEXTINPUT:
        if (screen_takes_text(a->screen))
            screens_text_input(a, ev->text.text);
        break;
    case SDL_MOUSEMOTION: {
        int x = ev->motion.x, y = ev->motion.y;
        to_output_coords(a, &x, &y);
        int h = ui_hit_at(&a->u, x, y);
        if (h != a->hover) {
            a->hover = h;
            a->dirty = true;
        }
        break;
    }
    case SDL_MOUSEBUTTONUP:
        if (ev->button.button == SDL_BUTTON_LEFT) {
            int x = ev->button.x, y = ev->button.y;
            to_output_coords(a, &x, &y);
            screens_input(a, ACT_CLICK, ui_hit_at(&a->u, x, y));
        }
        break;
    case SDL_MOUSEWHEEL:
        screens_input(a, ACT_SCROLL, ev->wheel.y > 0 ? -2 : 2);
        break;
    case SDL_CONTROLLERDEVICEADDED:
        for (int i = 0; i < 4; i++)
            if (a->pads[i] == NULL) {
                a->pads[i] = SDL_GameControllerOpen(ev->cdevice.which);
                break;
            }
        break;
    case SDL_CONTROLLERBUTTONDOWN:
        switch (ev->cbutton.button) {
        case SDL_CONTROLLER_BUTTON_DPAD_UP: screens_input(a, ACT_UP, 0); break;
        case SDL_CONTROLLER_BUTTON_DPAD_DOWN: screens_input(a, ACT_DOWN, 0); break;
        case SDL_CONTROLLER_BUTTON_DPAD_LEFT: screens_input(a, ACT_LEFT, 0); break;
        case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: screens_input(a, ACT_RIGHT, 0); break;
        case SDL_CONTROLLER_BUTTON_A: screens_input(a, ACT_CONFIRM, 0); break;
        case SDL_CONTROLLER_BUTTON_B: case SDL_CONTROLLER_BUTTON_START: screens_input(a, ACT_BACK, 0); break;
        default: break;
        }
        break;
    default:
        if (ev->type == a->reload_event && a->screen != SCR_ERROR)
            app_reload(a, true);
        break;
    }
    /* text input only while the sign-in screen is up, so keys 1-9 stay shortcuts elsewhere */
    if (!a->headless) {
        if (screen_takes_text(a->screen) && !SDL_IsTextInputActive())
            SDL_StartTextInput();
        else if (!screen_takes_text(a->screen) && SDL_IsTextInputActive())
            SDL_StopTextInput();
    }
}

/* How long the loop may sleep before something on screen changes. */
static int wait_ms(const app *a)
{
    if (app_animating(a))
        return 16;
    if (a->banner[0]) {
        Uint32 now = SDL_GetTicks();
        return a->banner_until > now ? (int)(a->banner_until - now) + 1 : 0;
    }
    return -1;
}

/* ---- start-up ----------------------------------------------------------------------------- */

typedef struct {
    const char *file;            /* NULL: the list */
    const char *trainee, *cohort, *db;
    const char *choices, *shot_dir;
    int width, height;
    bool no_timers;
} gui_options;

static void load_recent(app *a)
{
    if (a->store)
        a->n_recent = rp_store_recent_trainees(a->store, a->recent, 6);
}

static int run_headless(app *a, const gui_options *o)
{
    rp_choice_list list = { 0 };
    char err[256];
    if (rp_choices_parse(&list, o->choices, err, sizeof err) != 0) {
        fprintf(stderr, "rapport play: %s\n", err);
        return RP_EXIT_USAGE;
    }
    int code = RP_EXIT_OK;
    if (!app_start_scenario(a, o->file)) {
        save_shot(a, "error");
        fprintf(stderr, "%s\n", a->error);
        rp_choices_free(&list);
        return RP_EXIT_SCENARIO;
    }
    int used = 0, guard = 0;
    while (!a->quit && guard++ < 100000) {
        char what[96];
        if (a->screen == SCR_DEBRIEF) {
            save_shot(a, "debrief");
            break;
        }
        if (a->screen == SCR_ERROR) {
            save_shot(a, "error");
            fprintf(stderr, "%s\n", a->error);
            code = RP_EXIT_SCENARIO;
            break;
        }
        const char *node = a->sc->nodes[rp_session_path(a->s, &(int){ 0 })[a->cur.path_index]].id;
        if (!at_decision_beat(a)) {
            snprintf(what, sizeof what, "scene-%.60s", node);
            save_shot(a, what);
            app_continue(a);
            continue;
        }
        a->decision_started = 1;
        snprintf(what, sizeof what, "decision-%.60s", node);
        save_shot(a, what);
        if (used >= list.n) {
            fprintf(stderr, "rapport play: the choices ran out at node '%s' before an ending\n", node);
            code = RP_EXIT_INCOMPLETE;
            break;
        }
        int k = list.items[used++], n_shown;
        rp_session_shown(a->s, &n_shown);
        if (k == RP_CHOICE_TIMEOUT) {
            if (!rp_session_can_time_out(a->s)) {
                fprintf(stderr, "rapport play: node '%s' has no time limit, so 't' is not allowed\n", node);
                code = RP_EXIT_RANGE;
                break;
            }
            app_timeout(a);
            continue;
        }
        if (k > n_shown) {
            fprintf(stderr, "rapport play: decision %d (node '%s'): choice %d is out of range; choose 1 to %d\n",
                    used, node, k, n_shown);
            code = RP_EXIT_RANGE;
            break;
        }
        a->focus = ID_CHOICE + k - 1;       /* the picked button, highlighted */
        snprintf(what, sizeof what, "choose-%.60s-%d", node, k);
        save_shot(a, what);
        app_choose(a, k);
    }
    rp_choices_free(&list);
    return code;
}

static int gui_run(const gui_options *o)
{

    app *a = calloc(1, sizeof *a);
    a->inotify_fd = -1;
    a->hover = -1;
    a->cur.path_index = -1;
    a->headless = o->shot_dir != NULL;
    a->shot_dir = o->shot_dir;
    a->no_timers_flag = o->no_timers;
    a->single_file = o->file;
    a->bench = getenv("RAPPORT_BENCH") != NULL;
    if (!a->headless)
        rp_sync_global_init();            /* before any delivery thread */
    rp_settings_load(&a->set);
    if (a->headless)
        a->set.reduced_motion = true;
    snprintf(a->trainee, sizeof a->trainee, "%s", o->trainee ? o->trainee : "");
    snprintf(a->cohort, sizeof a->cohort, "%s", o->cohort ? o->cohort : "");
    int code = RP_EXIT_OK;

    /* gamepads are looked for after the first frame: scanning devices takes longer than drawing it */
    Uint32 sdl_flags = a->headless ? 0 : SDL_INIT_VIDEO;
    if (SDL_Init(sdl_flags) != 0) {
        fprintf(stderr, "rapport: cannot open a window: %s\n"
                "  (no display? use 'rapport play FILE --text' in a terminal)\n", SDL_GetError());
        free(a);
        return RP_EXIT_USAGE;
    }
    /* With no display SDL falls back to an invisible offscreen window: say so instead of waiting there. */
    const char *driver = a->headless ? NULL : SDL_GetCurrentVideoDriver();
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) &&
        !(asked && strcmp(asked, driver) == 0)) {
        fprintf(stderr, "rapport: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                "  Run it on the desktop, or play in this terminal: rapport play ID --text\n");
        SDL_Quit();
        free(a);
        return RP_EXIT_USAGE;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "rapport: cannot start the font engine: %s\n", TTF_GetError());
        SDL_Quit();
        free(a);
        return RP_EXIT_USAGE;
    }

    if (a->headless) {
        int w = o->width > 0 ? o->width : 1280, h = o->height > 0 ? o->height : 720;
        a->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        a->ren = a->surface ? SDL_CreateSoftwareRenderer(a->surface) : NULL;
    } else {
        Uint32 wf = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
        if (a->set.fullscreen)
            wf |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        /* present the surface natively (X11 shared memory), not through software OpenGL */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        a->win = SDL_CreateWindow("Rapport", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                  o->width > 0 ? o->width : 1280, o->height > 0 ? o->height : 720, wf);
        if (a->win) {
            SDL_SetWindowMinimumSize(a->win, 800, 450);
            attach_renderer(a);
        }
        a->reload_event = SDL_RegisterEvents(1);
    }
    char err[1024];
    if (a->ren == NULL) {
        fprintf(stderr, "rapport: cannot create the window: %s\n", SDL_GetError());
        code = RP_EXIT_USAGE;
        goto out;
    }
    if (ui_init(&a->u, a->ren, rp_assets_dir(), err, sizeof err) != 0) {
        fprintf(stderr, "rapport: %s\n", err);
        code = RP_EXIT_USAGE;
        goto out;
    }
    apply_settings(a);

    snprintf(a->db_path, sizeof a->db_path, "%s", rp_store_default_path(o->db));
    if (!a->headless || o->db) {
        a->store = rp_store_open(a->db_path, err, sizeof err);
        if (a->store == NULL)
            snprintf(a->store_error, sizeof a->store_error, "%s", err);
    }
    load_recent(a);

    if (a->headless && o->file == NULL) {
        /* `rapport --screenshot DIR`: the sign-in screen and the list, for the docs */
        a->screen = SCR_SIGNIN;
        a->focus = ID_SIGNIN_NAME;
        save_shot(a, "signin");
        if (a->trainee[0] == '\0')
            snprintf(a->trainee, sizeof a->trainee, "%s", rp_default_trainee(NULL));
        app_open_list(a);
        save_shot(a, "list");
        a->filter = 2;
        a->focus = ID_CARD + 1;
        save_shot(a, "list-internal");
        const char *pass = getenv("RAPPORT_TOUR_HR_PASSPHRASE");   /* docs and tests: HR review */
        if (pass) {
            hr_open(a);
            snprintf(a->hr_pass, sizeof a->hr_pass, "%s", pass);
            hr_submit(a);
            save_shot(a, a->screen == SCR_HR_LIST ? "hr-list" : "hr-login");
            if (a->screen == SCR_HR_LIST) {
                screens_input(a, ACT_CONFIRM, 0);     /* focus the first row */
                screens_input(a, ACT_CONFIRM, 0);     /* open it */
                save_shot(a, a->screen == SCR_HR_SESSION ? "hr-session" : "hr-list-error");
            }
        }
        goto out;
    }
    if (a->headless) {
        if (a->trainee[0] == '\0')
            snprintf(a->trainee, sizeof a->trainee, "%s", rp_default_trainee(NULL));
        code = run_headless(a, o);
        goto out;
    }
    if (a->store == NULL)
        banner(a, 12000, "Sessions are not being recorded: %s", a->store_error);
    if (o->file && a->trainee[0]) {
        app_start_scenario(a, o->file);
    } else {
        a->screen = SCR_SIGNIN;
        a->focus = ID_SIGNIN_NAME;
        SDL_StartTextInput();
    }
    a->last_tick = SDL_GetTicks();
    a->dirty = true;
    /* RAPPORT_BENCH_FRAMES=N: redraw the whole scene N times as fast as possible, then quit
       (the bench checks that memory stays flat over long runs) */
    long forced = getenv("RAPPORT_BENCH_FRAMES") ? atol(getenv("RAPPORT_BENCH_FRAMES")) : 0;
    while (!a->quit) {
        SDL_Event ev;
        if (forced > 0) {
            a->dirty = true;
            a->layer_valid = false;
            a->cur.typed = (double)a->cur.chars;
            if (a->frames == 1 || a->frames == forced) {
                FILE *f = fopen("/proc/self/status", "r");
                char line[128];
                while (f && fgets(line, sizeof line, f))
                    if (strncmp(line, "VmRSS:", 6) == 0)
                        printf("frame %ld rss %s", a->frames, line + 6);
                if (f) fclose(f);
                fflush(stdout);
            }
            if (a->frames >= forced)
                a->quit = true;
            render(a);
            continue;
        }
        int ms = wait_ms(a);
        int got = ms < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, ms);
        if (got) {
            handle_event(a, &ev);
            while (!a->quit && SDL_PollEvent(&ev))
                handle_event(a, &ev);
        }
        tick(a);
        if (a->dirty && !a->quit)
            render(a);
        record_catch_up(a);
        sync_poll(a, false);
        if (!SDL_WasInit(SDL_INIT_GAMECONTROLLER))
            SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER);   /* connected pads arrive as events */
    }
out:
    hr_close(a);
    if (a->s)
        record_end(a);
    atomic_store(&a->sync_cancel, 1);     /* a delivery under way stops after its current request */
    sync_poll(a, true);
    scene_close(a);
    entries_free(a);
    beat_clear(&a->cur);
    if (a->store)
        rp_store_close(a->store);
    if (a->layer)
        SDL_DestroyTexture(a->layer);
    portrait_drop(a);
    ui_free(&a->u);
    for (int i = 0; i < 4; i++)
        if (a->pads[i])
            SDL_GameControllerClose(a->pads[i]);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->surface && a->headless)
        SDL_FreeSurface(a->surface);        /* a window's surface belongs to the window */
    if (a->win)
        SDL_DestroyWindow(a->win);
    TTF_Quit();
    SDL_Quit();
    free(a);
    return code;
}

/* ---- commands ----------------------------------------------------------------------------- */

/* mkdir -p: the screenshot folder and its parents. */
static int make_dirs(const char *path)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(buf, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

static int parse_common(int argc, char **argv, gui_options *o, const char **target, bool *text)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--text") == 0 && text) *text = true;
        else if (strcmp(arg, "--no-timers") == 0) o->no_timers = true;
        else if (strcmp(arg, "--trainee") == 0 && val) { o->trainee = val; i++; }
        else if (strcmp(arg, "--cohort") == 0 && val) { o->cohort = val; i++; }
        else if (strcmp(arg, "--db") == 0 && val) { o->db = val; i++; }
        else if (strcmp(arg, "--choices") == 0 && val) { o->choices = val; i++; }
        else if (strcmp(arg, "--screenshot") == 0 && val) { o->shot_dir = val; i++; }
        else if (strcmp(arg, "--size") == 0 && val && sscanf(val, "%dx%d", &o->width, &o->height) == 2 &&
                 o->width >= 320 && o->height >= 240 && o->width <= 8192 && o->height <= 8192) { i++; }
        else if (arg[0] != '-' && target && *target == NULL) *target = arg;
        else {
            fprintf(stderr, "rapport: unknown option or missing value: '%s'\n", arg);
            return -1;
        }
    }
    return 0;
}

static void play_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport play [FILE|ID] [--trainee NAME] [--cohort LABEL] [--no-timers] [--db PATH]\n"
            "       rapport play FILE|ID --text\n"
            "       rapport play FILE|ID --choices 1,2 --screenshot DIR [--size 1280x720]\n"
            "  Opens one scenario in the window; --text plays it in the terminal; with --screenshot\n"
            "  it plays the choices headlessly and saves a PNG of each screen in DIR.\n");
}

int rp_cmd_play(int argc, char **argv)
{
    gui_options o = { 0 };
    const char *target = NULL;
    bool text = false;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0) {
            play_usage(stdout);
            return RP_EXIT_OK;
        }
    if (parse_common(argc, argv, &o, &target, &text) != 0) {
        play_usage(stderr);
        return RP_EXIT_USAGE;
    }
    if (target == NULL)
        return rp_cmd_window(argc, argv);
    char *path = rp_resolve_scenario(target);
    if (path == NULL) {
        fprintf(stderr, "%s: no such scenario file or bundled scenario id\n", target);
        return RP_EXIT_SCENARIO;
    }
    int rc;
    if (text) {
        rc = rp_cmd_play_text(path, rp_default_trainee(o.trainee));
    } else if (o.shot_dir || o.choices) {
        if (!o.shot_dir || !o.choices) {
            fprintf(stderr, "rapport play: --choices and --screenshot go together\n");
            free(path);
            return RP_EXIT_USAGE;
        }
        struct stat st;
        if (stat(o.shot_dir, &st) != 0 && make_dirs(o.shot_dir) != 0) {
            fprintf(stderr, "rapport play: cannot create %s: %s\n", o.shot_dir, strerror(errno));
            free(path);
            return RP_EXIT_USAGE;
        }
        o.file = path;
        rc = gui_run(&o);
    } else {
        o.file = path;
        rc = gui_run(&o);
    }
    free(path);
    return rc;
}

int rp_cmd_window(int argc, char **argv)
{
    gui_options o = { 0 };
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rapport [--trainee NAME] [--cohort LABEL] [--no-timers] [--db PATH]\n"
                   "  Opens the trainee window on the bundled scenarios.\n");
            return RP_EXIT_OK;
        }
    if (parse_common(argc, argv, &o, NULL, NULL) != 0)
        return RP_EXIT_USAGE;
    if (o.shot_dir) {
        struct stat st;
        if (stat(o.shot_dir, &st) != 0 && make_dirs(o.shot_dir) != 0) {
            fprintf(stderr, "rapport: cannot create %s: %s\n", o.shot_dir, strerror(errno));
            return RP_EXIT_USAGE;
        }
    }
    return gui_run(&o);
}
