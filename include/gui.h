/*
 * gui.h - the trainee window's internals, shared by engine/gui_*.c.
 *
 *   gui_ui.c       drawing primitives, fonts, the text-texture cache, themes
 *   gui_app.c      the window, the event-driven loop, input, records,
 *                  settings, hot reload, headless screenshots
 *   gui_screens.c  what each screen draws and what its input does
 *
 * Layout is in "units" of a 1280x720 design, scaled to the real output
 * size (so HiDPI and fullscreen stay sharp); text is further scaled by the
 * trainee's text size. Nothing here scores anything: the session does.
 */
#ifndef RAPPORT_GUI_H
#define RAPPORT_GUI_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "layout.h"
#include "session.h"
#include "settings.h"

struct rp_store;

/* ---- drawing ---------------------------------------------------------------- */

typedef enum { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_COUNT } ui_face;

typedef struct {
    SDL_Color bg, surface, surface_alt, text, muted, primary, primary_text,
              focus, border, shadow, overlay, bubble, bubble_text, you;
    SDL_Color quality[4];        /* indexed by rp_quality: harmful, poor, good, best */
    SDL_Color pass, fail, timer;
} ui_theme;

typedef struct ui_text_entry ui_text_entry;

/* A clickable region registered while drawing; input is matched against the last frame's. */
typedef struct {
    SDL_Rect rect;
    int id;
} ui_hit;

#define UI_MAX_HITS 128
#define UI_CACHE_BUCKETS 1024

typedef struct {
    SDL_Renderer *r;
    int w, h;                    /* output pixels */
    float scale;                 /* pixels per unit */
    int text_scale;              /* percent */
    bool high_contrast;
    ui_theme th;
    char font_path[FACE_COUNT][PATH_MAX];
    struct { int px; ui_face face; TTF_Font *font; } fonts[32];
    int n_fonts;
    ui_text_entry *cache[UI_CACHE_BUCKETS];
    int cache_count;
    unsigned frame;
    ui_hit hits[UI_MAX_HITS];
    int n_hits;
    long ttf_calls;              /* TTF renders and measures, for the bench and tests */
} ui;

int ui_init(ui *u, SDL_Renderer *r, const char *assets_dir, char *err, size_t errsize);
void ui_free(ui *u);
/* Call when the output size, text scale or theme changed. */
void ui_resize(ui *u, int w, int h);
void ui_set_theme(ui *u, bool high_contrast);
/* Frees every cached texture (before the renderer that made them goes). */
void ui_drop_textures(ui *u);
void ui_begin_frame(ui *u);

int U(const ui *u, float units);                 /* units -> pixels */
SDL_Rect R(const ui *u, float x, float y, float w, float h);   /* a rectangle in units */
TTF_Font *ui_font(ui *u, ui_face face, float size_units);
int ui_line_height(ui *u, ui_face face, float size);

void ui_fill(ui *u, SDL_Rect r, SDL_Color c);
void ui_round(ui *u, SDL_Rect r, int radius, SDL_Color c);
void ui_outline(ui *u, SDL_Rect r, int radius, int thickness, SDL_Color c);
void ui_panel(ui *u, SDL_Rect r, int radius, SDL_Color fill);   /* with a soft shadow */
void ui_hit_add(ui *u, SDL_Rect r, int id);
int ui_hit_at(const ui *u, int x, int y);        /* the id under (x, y), or -1 */

/* Single-line text; returns its width. Text must be valid UTF-8. */
int ui_text(ui *u, ui_face face, float size, SDL_Color c, int x, int y, const char *s);
int ui_text_width(ui *u, ui_face face, float size, const char *s);
/*
 * Wrapped text inside width w, at most max_h pixels tall (0: no limit);
 * reveal < 0 shows everything, else only the first `reveal` characters
 * (the typewriter). Returns the height used. Lines are cached textures: a
 * frame that reveals one more character calls no TTF function.
 */
int ui_text_wrapped(ui *u, ui_face face, float size, SDL_Color c, int x, int y, int w,
                    const char *s, int max_h, long reveal);
int ui_text_wrapped_height(ui *u, ui_face face, float size, int w, const char *s);
/* The largest size <= size (down to min) at which s fits in w x h. */
float ui_fit_size(ui *u, ui_face face, float size, float min, int w, int h, const char *s);

/* ---- the application ----------------------------------------------------------- */

typedef enum { SCR_SIGNIN, SCR_LIST, SCR_SCENE, SCR_DEBRIEF, SCR_ERROR,
               SCR_HR_LOGIN, SCR_HR_LIST, SCR_HR_SESSION } screen_id;

typedef struct {
    char *path;
    char *id, *title, *audience, *summary, *setting;
    int difficulty, minutes;
    char *error;                 /* "file:line: message" when it does not load */
    double best;                 /* this trainee's best overall, -1 none */
} list_entry;

/* What the scene is showing: one node of the path at a time. */
typedef struct {
    int path_index;              /* index into the session's path */
    char *narration, *say;       /* filled and sanitized */
    char *you_said;              /* the trainee's line that led here, or NULL */
    long chars;                  /* characters in say */
    double typed;                /* characters revealed so far */
} beat;

typedef struct app {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Surface *surface;        /* headless: the software renderer's target */
    bool headless;
    ui u;
    rp_settings set;
    bool no_timers_flag;
    screen_id screen;
    bool paused;
    int focus;                   /* keyboard focus id on the current screen */
    int hover;                   /* mouse hover id */
    bool dirty;
    bool quit;
    Uint32 now, last_tick;

    /* sign-in */
    char trainee[64];
    char cohort[64];
    int signin_field;            /* 0 name, 1 cohort */
    char recent[6][64];
    int n_recent;

    /* scenario list */
    list_entry *entries;
    int n_entries;
    int filter;                  /* 0 all, 1 external, 2 internal */
    int list_scroll;
    const char *single_file;     /* `rapport play FILE`: go straight to it */

    /* scene */
    char *scenario_path;
    rp_scenario *sc;
    rp_session *s;
    beat cur;
    int choice_scroll;
    Uint32 decision_started;     /* ticks when the choices appeared */
    double shown_mood;           /* animates towards the session's mood */
    Uint32 reaction_started;
    char banner[512];            /* a notice over the scene (reload, records) */
    Uint32 banner_until;
    time_t file_mtime;

    /* the scenario's own portrait image, when it names one (else a drawn face) */
    SDL_Surface *portrait_img;
    SDL_Texture *portrait_tex;

    /* debrief */
    int debrief_scroll;

    /* error */
    char error[2048];

    /* HR review (behind the passphrase) */
    char hr_pass[128];
    char hr_message[1400];
    char hr_filter[64];
    char hr_outbox[600];         /* the LRS outbox, read when HR review opens */
    int hr_status;               /* 0 all, 1 passed, 2 not passed, 3 abandoned or unfinished */
    struct hr_state *hr;         /* the loaded records: gui_hr.c */
    int hr_scroll;
    char db_path[PATH_MAX];

    /* delivery to the organisation's LRS, in the background after each session */
    SDL_Thread *sync_thread;
    SDL_atomic_t sync_done;      /* the thread has finished; join it */
    bool sync_again;             /* another session ended while it ran */
    atomic_int sync_cancel;      /* set on quit: the delivery stops after its current request */
    char sync_note[1200];        /* what the last delivery did, for HR review */

    /* records */
    struct rp_store *store;
    long long record_id;
    bool record_pending;         /* begun after the first frame, so the window shows first */
    char store_error[1024];

    /* hot reload */
    SDL_Thread *watcher;
    int inotify_fd;
    Uint32 reload_event;
    SDL_atomic_t watcher_stop;

    /* headless screenshots */
    const char *shot_dir;
    int shot_count;

    /*
     * While only the typewriter moves, everything else on screen is drawn
     * once into `layer` and each frame copies it and draws the line.
     */
    SDL_Texture *layer;
    bool layer_valid;
    bool drawing_layer;          /* screens: leave the speech text out */
    struct { SDL_Rect r; float size; bool set; } speech;

    /* benchmarks (RAPPORT_BENCH): frame counts and markers on stdout */
    bool bench;
    long frames;
    bool bench_typed_reported;

    /* gamepads */
    SDL_GameController *pads[4];
} app;

/* Screens: draw everything for the current state; handle one input action. */
typedef enum {
    ACT_NONE, ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_CONFIRM, ACT_BACK,
    ACT_NUMBER,                  /* with a 1-based number */
    ACT_CLICK,                   /* with a hit id */
    ACT_SCROLL,                  /* with a signed amount */
    ACT_TAB,
} action;

void screens_draw(app *a);
/* HR review: gui_hr.c */
void hr_draw(app *a);
void hr_input(app *a, action act, int arg);
void hr_text_input(app *a, const char *utf8);
void hr_backspace(app *a);
void hr_open(app *a);                /* the passphrase screen */
void hr_close(app *a);               /* back to sign-in; forgets what was loaded */
void hr_submit(app *a);              /* checks the typed passphrase */
void app_sync_status(app *a, char *buf, size_t size);   /* the LRS outbox in one line, "" without an LRS */
bool screen_takes_text(screen_id s);
void screens_draw_speech(app *a);    /* just the customer's line, as laid out by the last screens_draw */
void screens_input(app *a, action act, int arg);
/* Text typed on the sign-in screen. */
void screens_text_input(app *a, const char *utf8);
void screens_backspace(app *a);

/* App operations the screens call. */
char *fill_text(const app *a, const char *text);     /* placeholders filled, clean UTF-8; free it */
void app_open_list(app *a);
bool app_start_scenario(app *a, const char *path);   /* false: the error screen is shown */
void app_choose(app *a, int k);                      /* k: 1-based among the shown choices */
void app_timeout(app *a);
void app_continue(app *a);                           /* past a plain step or the ending line */
void app_leave_scene(app *a, screen_id to);          /* abandons an unfinished session */
void app_restart(app *a);
void app_reload(app *a, bool keep_place);
void app_show_error(app *a, const char *msg);
SDL_Texture *app_portrait(app *a);                   /* the portrait image's texture, or NULL */
void app_toggle(app *a, int which);                  /* 0 contrast, 1 timers, 2 motion, 3 fullscreen */
void app_text_scale(app *a, int delta);
bool app_animating(const app *a);
double app_time_left(const app *a);                  /* seconds, < 0 when no timer runs */
bool app_timers_on(const app *a);

/* Focus ids shared by screens and the app. */
enum {
    ID_NONE = -1,
    ID_CHOICE = 100,            /* + index among shown */
    ID_CONTINUE = 200,
    ID_CARD = 1000,             /* + list index */
    ID_FILTER = 300,            /* + 0..2 */
    ID_SIGNIN_NAME = 400, ID_SIGNIN_COHORT, ID_SIGNIN_START, ID_RECENT = 410,
    ID_PAUSE = 500,             /* + item */
    ID_RETRY = 600, ID_ANOTHER, ID_ERROR_BACK, ID_DEBRIEF_SCROLL,
    ID_HR_LINK = 700, ID_HR_PASS, ID_HR_ENTER, ID_HR_FILTER, ID_HR_EXPORT, ID_HR_BACK,
    ID_HR_STATUS = 720,          /* + 0..3 */
    ID_HR_ROW = 2000,            /* + row */
};

#endif
