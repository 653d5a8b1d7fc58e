/*
 * test_gui.c - the window, rendered headlessly: the screenshots that
 * `rapport play --screenshot` saves, the text cache, and text that must
 * never overflow its panel.
 */
#include "test.h"
#include "commands.h"
#include "gui.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *example(void)
{
    static char path[512];
    const char *root = getenv("RAPPORT_SHARED");
    snprintf(path, sizeof path, "%s/examples/late_refund.lua", root ? root : "../shared");
    return path;
}

static char shots[256];

/* Plays the example 2,1,1,1 headlessly once; the tests below read its PNGs. */
static int make_shots(void)
{
    if (shots[0])
        return 0;
    snprintf(shots, sizeof shots, "/tmp/rapport-test-shots-%d", (int)getpid());
    char *argv[] = { "play", (char *)example(), "--choices", "2,1,1,1", "--screenshot", shots,
                     "--trainee", "sam", NULL };
    return rp_cmd_play(8, argv);
}

static SDL_Surface *shot(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", shots, name);
    SDL_Surface *s = IMG_Load(path);
    if (s == NULL)
        return NULL;
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    return c;
}

static Uint32 px(const SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
}

/* Pixels that differ between two surfaces inside r. */
static long diff_in(const SDL_Surface *a, const SDL_Surface *b, SDL_Rect r)
{
    long n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            n += px(a, x, y) != px(b, x, y);
    return n;
}

/* Distinct colours inside r: a drawn area has many, an empty one few. */
static int colours_in(const SDL_Surface *s, SDL_Rect r)
{
    Uint32 seen[64];
    int n = 0;
    for (int y = r.y; y < r.y + r.h; y += 2)
        for (int x = r.x; x < r.x + r.w; x += 2) {
            Uint32 c = px(s, x, y);
            int k = 0;
            while (k < n && seen[k] != c) k++;
            if (k == n && n < 64) seen[n++] = c;
        }
    return n;
}

/* Dark pixels (text) inside r. */
static long dark_in(const SDL_Surface *s, SDL_Rect r)
{
    long n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            Uint32 c = px(s, x, y);
            n += ((c >> 16 & 255) + (c >> 8 & 255) + (c & 255)) < 250;
        }
    return n;
}

TEST(gui_screenshots_one_per_screen_in_order)
{
    REQUIRE(make_shots() == 0);
    const char *names[] = { "001-decision-opening.png", "002-choose-opening-2.png", "003-decision-policy.png",
                            "005-decision-lookup.png", "007-decision-wrap-up.png", "009-scene-resolved.png",
                            "010-debrief.png" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        SDL_Surface *s = shot(names[i]);
        if (s == NULL) {
            fprintf(stderr, "  missing %s\n", names[i]);
            test_failures++;
            continue;
        }
        CHECK(s->w == 1280 && s->h == 720);
        SDL_FreeSurface(s);
    }
}

TEST(gui_portrait_is_drawn_and_follows_mood)
{
    REQUIRE(make_shots() == 0);
    SDL_Surface *angry = shot("001-decision-opening.png");     /* mood -2 */
    SDL_Surface *furious = shot("003-decision-policy.png");    /* mood -3 */
    SDL_Surface *calm = shot("009-scene-resolved.png");        /* mood 0 */
    REQUIRE(angry && furious && calm);
    SDL_Rect portrait = { 60, 92, 300, 330 };
    CHECK(colours_in(angry, portrait) > 8);                    /* a face, not a flat box */
    CHECK(diff_in(angry, calm, portrait) > 500);
    CHECK(diff_in(angry, furious, portrait) > 100);
    /* the mood meter moved too */
    SDL_Rect meter = { 60, 540, 300, 40 };
    CHECK(diff_in(angry, calm, meter) > 50);
    SDL_FreeSurface(angry);
    SDL_FreeSurface(furious);
    SDL_FreeSurface(calm);
}

TEST(gui_text_regions_are_not_empty)
{
    REQUIRE(make_shots() == 0);
    SDL_Surface *s = shot("001-decision-opening.png");
    REQUIRE(s != NULL);
    CHECK(dark_in(s, (SDL_Rect){ 440, 160, 700, 40 }) > 300);     /* the customer's line */
    CHECK(dark_in(s, (SDL_Rect){ 480, 240, 700, 30 }) > 300);     /* choice 1 */
    CHECK(dark_in(s, (SDL_Rect){ 60, 436, 250, 30 }) > 200);      /* the name plate */
    SDL_FreeSurface(s);
}

TEST(gui_highlighted_choice_differs)
{
    REQUIRE(make_shots() == 0);
    SDL_Surface *before = shot("001-decision-opening.png");
    SDL_Surface *picked = shot("002-choose-opening-2.png");
    REQUIRE(before && picked);
    CHECK(diff_in(before, picked, (SDL_Rect){ 410, 290, 840, 60 }) > 1000);   /* choice 2 */
    CHECK(diff_in(before, picked, (SDL_Rect){ 60, 92, 300, 330 }) == 0);      /* nothing else */
    SDL_FreeSurface(before);
    SDL_FreeSurface(picked);
}

/* Where the bar's fill colour ends on row y (the pass-mark tick may cross it). */
static int bar_fill(const SDL_Surface *s, int x0, int x1, int y)
{
    Uint32 c = px(s, x0 + 2, y);
    int last = x0;
    for (int x = x0 + 2; x < x1; x++)
        if (px(s, x, y) == c)
            last = x + 1;
    return last - x0;
}

TEST(gui_debrief_shows_the_scores)
{
    REQUIRE(make_shots() == 0);
    SDL_Surface *s = shot("010-debrief.png");
    REQUIRE(s != NULL);
    /* bars span x 68..432; their fill is proportional to 57.1, 87.5 and 77.8 */
    double want[3] = { 57.1, 87.5, 77.8 };
    int rows[3] = { 274, 328, 382 };
    for (int d = 0; d < 3; d++) {
        int fill = bar_fill(s, 68, 432, rows[d]);
        double pct = 100.0 * fill / (432 - 68);
        if (pct < want[d] - 3 || pct > want[d] + 3) {
            fprintf(stderr, "  bar %d filled %.1f%%, expected %.1f%%\n", d, pct, want[d]);
            test_failures++;
        }
    }
    CHECK(dark_in(s, (SDL_Rect){ 68, 170, 120, 50 }) > 400);       /* the overall number */
    CHECK(dark_in(s, (SDL_Rect){ 500, 130, 700, 450 }) > 3000);     /* the decision cards */
    SDL_FreeSurface(s);
}

/* ---- the text cache ------------------------------------------------------------------ */

static int with_ui(ui *u, SDL_Surface **surf)
{
    if (TTF_WasInit() == 0 && TTF_Init() != 0)
        return -1;
    *surf = SDL_CreateRGBSurfaceWithFormat(0, 640, 360, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(*surf);
    char err[512];
    const char *assets = getenv("RAPPORT_ASSETS");
    if (ui_init(u, r, assets ? assets : "assets", err, sizeof err) != 0) {
        fprintf(stderr, "  %s\n", err);
        return -1;
    }
    ui_resize(u, 640, 360);
    return 0;
}

static void without_ui(ui *u, SDL_Surface *surf)
{
    SDL_Renderer *r = u->r;
    ui_free(u);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
}

TEST(gui_unchanged_frame_calls_no_ttf)
{
    ui u;
    SDL_Surface *surf;
    REQUIRE(with_ui(&u, &surf) == 0);
    const char *line = "I'm sorry you've waited so long, Dana. Let me pull up your order now and see "
                       "exactly where the refund is stuck.";
    ui_begin_frame(&u);
    ui_text_wrapped(&u, FACE_REGULAR, 22, u.th.text, 10, 10, 300, line, 0, 10);
    ui_text(&u, FACE_BOLD, 17, u.th.text, 10, 300, "Continue");
    long after_first = u.ttf_calls;
    CHECK(after_first > 0);
    /* the typewriter reveals more characters: no new TTF work */
    for (long reveal = 11; reveal < 120; reveal += 3) {
        ui_begin_frame(&u);
        ui_text_wrapped(&u, FACE_REGULAR, 22, u.th.text, 10, 10, 300, line, 0, reveal);
        ui_text(&u, FACE_BOLD, 17, u.th.text, 10, 300, "Continue");
    }
    ui_begin_frame(&u);
    ui_text_wrapped(&u, FACE_REGULAR, 22, u.th.text, 10, 10, 300, line, 0, -1);
    CHECK(u.ttf_calls == after_first);
    without_ui(&u, surf);
}

/* ---- text never overflows ------------------------------------------------------------- */

TEST(gui_utf8_stress_lines_stay_inside_their_panel)
{
    const char *root = getenv("RAPPORT_SHARED");
    char path[512];
    snprintf(path, sizeof path, "%s/testdata/UTF-8-test.txt", root ? root : "../shared");
    FILE *f = fopen(path, "rb");
    REQUIRE(f != NULL);
    ui u;
    SDL_Surface *surf;
    REQUIRE(with_ui(&u, &surf) == 0);
    SDL_Rect panel = { 100, 60, 420, 200 };
    char line[4096];
    int lines = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        char *clean = rp_utf8_sanitize(line, len);
        SDL_SetRenderDrawColor(u.r, 0, 0, 0, 255);
        SDL_RenderClear(u.r);
        ui_begin_frame(&u);
        float size = ui_fit_size(&u, FACE_REGULAR, 22, 12, panel.w, panel.h, clean);
        ui_text_wrapped(&u, FACE_REGULAR, size, (SDL_Color){ 255, 255, 255, 255 }, panel.x, panel.y,
                        panel.w, clean, panel.h, -1);
        /* no clipping: wrapping and the height limit alone keep the text inside */
        for (int y = 0; y < surf->h; y++)
            for (int x = 0; x < surf->w; x++) {
                SDL_Point p = { x, y };
                if (!SDL_PointInRect(&p, &panel) && px(surf, x, y) != 0) {
                    bad++;
                    y = surf->h;
                    break;
                }
            }
        free(clean);
        lines++;
    }
    fclose(f);
    CHECK(lines > 200);
    CHECK(bad == 0);
    without_ui(&u, surf);
}

/* ---- a trainer's portrait image ---------------------------------------------------------- */

static SDL_Surface *first_shot(const char *scenario, const char *dir)
{
    char *argv[] = { "play", (char *)scenario, "--choices", "1", "--screenshot", (char *)dir,
                     "--trainee", "sam", NULL };
    if (rp_cmd_play(8, argv) != 0)
        return NULL;
    char path[512];
    snprintf(path, sizeof path, "%s/001-decision-opening.png", dir);
    SDL_Surface *s = IMG_Load(path);
    SDL_Surface *c = s ? SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    SDL_FreeSurface(s);
    return c;
}

TEST(gui_portrait_image_replaces_the_drawn_face)
{
    char dir[128];
    snprintf(dir, sizeof dir, "/tmp/rapport-test-photo-%d", (int)getpid());
    SDL_Surface *s = first_shot("tests/data/portrait/with_photo.lua", dir);
    REQUIRE(s != NULL);
    /* the image (magenta with a blue band) fills the portrait frame */
    CHECK(px(s, 210, 120) == 0xC02080);
    CHECK(px(s, 210, 257) == 0x2040C0);
    SDL_FreeSurface(s);
}

TEST(gui_missing_portrait_image_falls_back_to_a_drawn_face)
{
    char dir[128];
    snprintf(dir, sizeof dir, "/tmp/rapport-test-nophoto-%d", (int)getpid());
    SDL_Surface *s = first_shot("tests/data/portrait/missing_photo.lua", dir);
    REQUIRE(s != NULL);
    CHECK(colours_in(s, (SDL_Rect){ 60, 92, 300, 330 }) > 8);
    SDL_FreeSurface(s);
}

/* ---- HR review behind the passphrase --------------------------------------------------------- */

#include "passphrase.h"

static int exists(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

TEST(gui_hr_review_opens_only_with_the_passphrase)
{
    char dir[128], db[160], shots_ok[160], shots_bad[160], err[256];
    snprintf(dir, sizeof dir, "/tmp/rapport-test-hr-%d", (int)getpid());
    mkdir(dir, 0700);
    snprintf(db, sizeof db, "%s/records.db", dir);
    snprintf(shots_ok, sizeof shots_ok, "%s/ok", dir);
    snprintf(shots_bad, sizeof shots_bad, "%s/bad", dir);
    char *run[] = { "run", (char *)example(), "--choices", "2,1,1,1", "--record", "--db", db,
                    "--trainee", "sam", NULL };
    FILE *saved = stdout;
    stdout = fopen("/dev/null", "w");
    int rc = rp_cmd_run(9, run);
    fclose(stdout);
    stdout = saved;
    REQUIRE(rc == 0);
    CHECK(rp_passphrase_check(db, "whatever", err, sizeof err) == -1);      /* not set up yet */
    CHECK(strstr(err, "rapport passphrase") != NULL);
    CHECK(rp_passphrase_set(db, "short", err, sizeof err) == -1);
    REQUIRE(rp_passphrase_set(db, "correct horse", err, sizeof err) == 0);
    char hr[200];
    snprintf(hr, sizeof hr, "%s.hr", db);
    struct stat st;
    REQUIRE(stat(hr, &st) == 0);
    CHECK((st.st_mode & 077) == 0);                                         /* owner only */
    CHECK(rp_passphrase_check(db, "correct horse", err, sizeof err) == 1);
    CHECK(rp_passphrase_check(db, "Correct horse", err, sizeof err) == 0);

    char *tour_ok[] = { "rapport", "--screenshot", shots_ok, "--db", db, "--trainee", "x", NULL };
    setenv("RAPPORT_TOUR_HR_PASSPHRASE", "correct horse", 1);
    CHECK(rp_cmd_window(7, tour_ok) == 0);
    CHECK(exists(shots_ok, "004-hr-list.png"));
    CHECK(exists(shots_ok, "005-hr-session.png"));
    char *tour_bad[] = { "rapport", "--screenshot", shots_bad, "--db", db, "--trainee", "x", NULL };
    setenv("RAPPORT_TOUR_HR_PASSPHRASE", "wrong guess", 1);
    CHECK(rp_cmd_window(7, tour_bad) == 0);
    CHECK(exists(shots_bad, "004-hr-login.png"));
    CHECK(!exists(shots_bad, "005-hr-session.png"));
    unsetenv("RAPPORT_TOUR_HR_PASSPHRASE");
}
