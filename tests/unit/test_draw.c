/*
 * test_draw.c - the drawn pictures (draw.h): rendered through a software
 * renderer into an SDL_Surface, no window and no SDL_Init needed.
 *
 * What a user relies on: the face stays inside its frame, shows the mood at
 * a glance, differs from customer to customer; every setting has its own
 * backdrop that covers the whole scene in quiet colours; high contrast is
 * dark and plain; the caller's renderer state survives; odd sizes are safe.
 */
#include "test.h"
#include "draw.h"

#include <math.h>
#include <stdlib.h>

#define BG 0x00FF00FFu           /* magenta: no drawing ever produces it */

typedef struct {
    SDL_Surface *s;
    SDL_Renderer *r;
} canvas;

static bool canvas_open(canvas *c, int w, int h)
{
    c->s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    c->r = c->s ? SDL_CreateSoftwareRenderer(c->s) : NULL;
    if (c->r == NULL)
        return false;
    SDL_FillRect(c->s, NULL, 0xFF000000u | BG);
    return true;
}

static void canvas_close(canvas *c)
{
    if (c->r)
        SDL_DestroyRenderer(c->r);
    if (c->s)
        SDL_FreeSurface(c->s);
}

static Uint32 px(const canvas *c, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)c->s->pixels + y * c->s->pitch))[x] & 0xFFFFFFu;
}

/* Pixels inside r (true) or outside it (false) that are not the background. */
static long drawn(const canvas *c, SDL_Rect r, bool inside)
{
    long n = 0;
    SDL_RenderFlush(c->r);
    for (int y = 0; y < c->s->h; y++)
        for (int x = 0; x < c->s->w; x++) {
            SDL_Point p = { x, y };
            if (SDL_PointInRect(&p, &r) == inside)
                n += px(c, x, y) != BG;
        }
    return n;
}

static long diff_in(const canvas *a, const canvas *b, SDL_Rect r)
{
    long n = 0;
    SDL_RenderFlush(a->r);
    SDL_RenderFlush(b->r);
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            n += px(a, x, y) != px(b, x, y);
    return n;
}

/* How much the pixels of r change, in summed channel steps. */
static long change_in(const canvas *a, const canvas *b, SDL_Rect r)
{
    long n = 0;
    SDL_RenderFlush(a->r);
    SDL_RenderFlush(b->r);
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            Uint32 p = px(a, x, y), q = px(b, x, y);
            for (int k = 0; k < 24; k += 8)
                n += labs((long)(p >> k & 255) - (long)(q >> k & 255));
        }
    return n;
}

static double luma(Uint32 c)
{
    return 0.299 * (c >> 16 & 255) + 0.587 * (c >> 8 & 255) + 0.114 * (c & 255);
}

/* A portrait alone on a 300x400 canvas (the board the face is designed on). */
static const SDL_Rect FULL = { 0, 0, 300, 400 };
/* Brows, eyes and mouth, for that canvas. */
static const SDL_Rect FACE = { 90, 140, 120, 110 };

static bool portrait(canvas *c, const rp_look *look, unsigned seed, double mood, double reaction, double blink)
{
    if (!canvas_open(c, FULL.w, FULL.h))
        return false;
    rp_draw_portrait(c->r, FULL, look, seed, mood, reaction, blink);
    SDL_RenderFlush(c->r);
    return true;
}

static const rp_look PLAIN = { "fair", "short", "brown", false, false };

TEST(draw_portrait_stays_inside_its_area)
{
    const SDL_Rect areas[] = { { 50, 60, 300, 330 }, { 10, 20, 120, 160 }, { 5, 5, 480, 640 }, { 30, 40, 400, 150 } };
    for (size_t i = 0; i < sizeof areas / sizeof *areas; i++) {
        SDL_Rect a = areas[i];
        canvas c;
        REQUIRE(canvas_open(&c, a.x + a.w + 40, a.y + a.h + 40));
        rp_draw_portrait(c.r, a, NULL, 42, -2, 0.5, 0);
        long in = drawn(&c, a, true), out = drawn(&c, a, false);
        /* A figure, not a speck: a good part of the 3:4 box it fits in. */
        long bw = a.w * 4 < a.h * 3 ? a.w : a.h * 3 / 4, bh = bw * 4 / 3;
        CHECK(in > bw * bh / 4);
        CHECK(out == 0);
        if (out != 0)
            fprintf(stderr, "  area %dx%d: %ld pixels outside\n", a.w, a.h, out);
        canvas_close(&c);
    }
}

TEST(draw_portrait_mood_shows_in_brows_eyes_and_mouth)
{
    canvas furious, neutral, delighted;
    REQUIRE(portrait(&furious, &PLAIN, 1, -3, 0, 0));
    REQUIRE(portrait(&neutral, &PLAIN, 1, 0, 0, 0));
    REQUIRE(portrait(&delighted, &PLAIN, 1, 3, 0, 0));
    long fn = diff_in(&furious, &neutral, FACE), nd = diff_in(&neutral, &delighted, FACE);
    long fd = diff_in(&furious, &delighted, FACE);
    CHECK(fn > 300);
    CHECK(nd > 300);
    CHECK(fd > 300);
    /* Only the face changes: the shoulders stay put. */
    SDL_Rect body = { 0, 330, 300, 70 };
    CHECK(diff_in(&furious, &delighted, body) == 0);
    canvas_close(&furious);
    canvas_close(&neutral);
    canvas_close(&delighted);
}

TEST(draw_portrait_every_whole_mood_is_distinct)
{
    canvas c[7];
    for (int m = 0; m < 7; m++)
        REQUIRE(portrait(&c[m], &PLAIN, 3, m - 3, 0, 0));
    for (int m = 0; m + 1 < 7; m++) {
        long d = diff_in(&c[m], &c[m + 1], FACE);
        CHECK(d > 60);
        if (d <= 60)
            fprintf(stderr, "  moods %d and %d differ in %ld pixels\n", m - 3, m - 2, d);
    }
    for (int m = 0; m < 7; m++)
        canvas_close(&c[m]);
}

TEST(draw_portrait_fractional_mood_is_in_between)
{
    canvas a, half, b, tiny;
    REQUIRE(portrait(&a, &PLAIN, 5, 0, 0, 0));
    REQUIRE(portrait(&half, &PLAIN, 5, 0.5, 0, 0));
    REQUIRE(portrait(&b, &PLAIN, 5, 1, 0, 0));
    REQUIRE(portrait(&tiny, &PLAIN, 5, 0.05, 0, 0));
    long ab = change_in(&a, &b, FACE);
    CHECK(change_in(&a, &half, FACE) > 0);
    CHECK(change_in(&half, &b, FACE) > 0);
    CHECK(change_in(&a, &half, FACE) < ab);
    CHECK(change_in(&half, &b, FACE) < ab);
    CHECK(change_in(&a, &tiny, FACE) < ab / 4);    /* smooth: a small step moves little */
    canvas_close(&a);
    canvas_close(&half);
    canvas_close(&b);
    canvas_close(&tiny);
}

TEST(draw_portrait_out_of_range_mood_is_clamped)
{
    canvas a, b, c, d;
    REQUIRE(portrait(&a, &PLAIN, 5, 3, 0, 0));
    REQUIRE(portrait(&b, &PLAIN, 5, 9, 0, 0));
    REQUIRE(portrait(&c, &PLAIN, 5, -3, 0, 0));
    REQUIRE(portrait(&d, &PLAIN, 5, -20, 0, 0));
    CHECK(diff_in(&a, &b, FULL) == 0);
    CHECK(diff_in(&c, &d, FULL) == 0);
    canvas_close(&a);
    canvas_close(&b);
    canvas_close(&c);
    canvas_close(&d);
}

TEST(draw_portrait_blink_and_reaction_change_the_face)
{
    canvas open, shut, still, moved;
    REQUIRE(portrait(&open, &PLAIN, 2, 0, 0, 0));
    REQUIRE(portrait(&shut, &PLAIN, 2, 0, 0, 1));
    REQUIRE(portrait(&still, &PLAIN, 2, -2, 0, 0));
    REQUIRE(portrait(&moved, &PLAIN, 2, -2, 1, 0));
    SDL_Rect eyes = { 105, 176, 90, 24 };
    CHECK(diff_in(&open, &shut, eyes) > 50);
    /* Closed eyes show less of the dark iris. */
    long dark_open = 0, dark_shut = 0;
    for (int y = eyes.y; y < eyes.y + eyes.h; y++)
        for (int x = eyes.x; x < eyes.x + eyes.w; x++) {
            dark_open += luma(px(&open, x, y)) < 60;
            dark_shut += luma(px(&shut, x, y)) < 60;
        }
    CHECK(dark_shut < dark_open / 2);
    CHECK(diff_in(&still, &moved, FULL) > 500);
    canvas_close(&open);
    canvas_close(&shut);
    canvas_close(&still);
    canvas_close(&moved);
}

TEST(draw_portrait_is_deterministic)
{
    canvas a, b;
    REQUIRE(portrait(&a, NULL, 1234, -1, 0.3, 0.2));
    REQUIRE(portrait(&b, NULL, 1234, -1, 0.3, 0.2));
    CHECK(diff_in(&a, &b, FULL) == 0);
    canvas_close(&a);
    canvas_close(&b);
}

TEST(draw_portrait_seed_picks_different_faces)
{
    /* Without a look, customers with different names look different. */
    canvas c[6];
    for (int i = 0; i < 6; i++)
        REQUIRE(portrait(&c[i], NULL, (unsigned)i * 2654435761u, 0, 0, 0));
    int distinct_pairs = 0, pairs = 0;
    for (int i = 0; i < 6; i++)
        for (int j = i + 1; j < 6; j++) {
            pairs++;
            distinct_pairs += diff_in(&c[i], &c[j], FULL) > 2000;
        }
    CHECK(distinct_pairs == pairs);
    for (int i = 0; i < 6; i++)
        canvas_close(&c[i]);
}

TEST(draw_portrait_look_fields_each_change_the_face)
{
    const rp_look variants[] = {
        { "fair", "short", "brown", false, false },  /* the base */
        { "dark", "short", "brown", false, false },
        { "light", "short", "brown", false, false },
        { "tan", "short", "brown", false, false },
        { "brown", "short", "brown", false, false },
        { "fair", "long", "brown", false, false },
        { "fair", "curly", "brown", false, false },
        { "fair", "bun", "brown", false, false },
        { "fair", "bald", "brown", false, false },
        { "fair", "short", "black", false, false },
        { "fair", "short", "blonde", false, false },
        { "fair", "short", "red", false, false },
        { "fair", "short", "grey", false, false },
        { "fair", "short", "brown", true, false },
        { "fair", "short", "brown", false, true },
    };
    const int n = (int)(sizeof variants / sizeof *variants);
    canvas base;
    REQUIRE(portrait(&base, &variants[0], 9, 0, 0, 0));
    for (int i = 1; i < n; i++) {
        canvas v;
        REQUIRE(portrait(&v, &variants[i], 9, 0, 0, 0));
        long d = diff_in(&base, &v, FULL);
        CHECK(d > 300);
        if (d <= 300)
            fprintf(stderr, "  variant %d (%s %s %s%s%s) differs in %ld pixels\n", i, variants[i].skin,
                    variants[i].hair, variants[i].hair_colour, variants[i].glasses ? " glasses" : "",
                    variants[i].beard ? " beard" : "", d);
        canvas_close(&v);
    }
    canvas_close(&base);
}

TEST(draw_portrait_missing_look_fields_come_from_the_seed)
{
    /* A partial look keeps what it names and fills in the rest, the same way
       every time; unknown names are treated as missing. */
    rp_look partial = { NULL, "bald", NULL, false, false };
    rp_look unknown = { "green", "bald", "purple", false, false };
    canvas a, b, c;
    REQUIRE(portrait(&a, &partial, 77, 0, 0, 0));
    REQUIRE(portrait(&b, &partial, 77, 0, 0, 0));
    REQUIRE(portrait(&c, &unknown, 77, 0, 0, 0));
    CHECK(drawn(&a, FULL, true) > FULL.w * FULL.h / 6);
    CHECK(diff_in(&a, &b, FULL) == 0);
    CHECK(diff_in(&a, &c, FULL) == 0);
    canvas_close(&a);
    canvas_close(&b);
    canvas_close(&c);
}

/* The caller's draw colour, blend mode and clip rect survive, and the
   caller's clip is honoured. */
TEST(draw_restores_renderer_state_and_honours_the_clip)
{
    canvas c;
    REQUIRE(canvas_open(&c, 400, 400));
    SDL_Rect clip = { 0, 0, 150, 400 };
    SDL_SetRenderDrawColor(c.r, 1, 2, 3, 4);
    SDL_SetRenderDrawBlendMode(c.r, SDL_BLENDMODE_ADD);
    SDL_RenderSetClipRect(c.r, &clip);
    rp_draw_portrait(c.r, (SDL_Rect){ 0, 0, 300, 400 }, NULL, 1, 0, 0, 0);
    rp_draw_backdrop(c.r, (SDL_Rect){ 0, 0, 400, 400 }, "office", false);
    Uint8 r, g, b, a;
    SDL_BlendMode mode;
    SDL_Rect now;
    SDL_GetRenderDrawColor(c.r, &r, &g, &b, &a);
    SDL_GetRenderDrawBlendMode(c.r, &mode);
    SDL_RenderGetClipRect(c.r, &now);
    CHECK(r == 1 && g == 2 && b == 3 && a == 4);
    CHECK(mode == SDL_BLENDMODE_ADD);
    CHECK(SDL_RenderIsClipEnabled(c.r));
    CHECK(SDL_RectEquals(&now, &clip));
    CHECK(drawn(&c, clip, true) == (long)clip.w * clip.h);
    CHECK(drawn(&c, clip, false) == 0);

    /* Without a clip, none is left behind. */
    SDL_RenderSetClipRect(c.r, NULL);
    rp_draw_portrait(c.r, (SDL_Rect){ 10, 10, 120, 160 }, NULL, 1, 0, 0, 0);
    rp_draw_backdrop(c.r, (SDL_Rect){ 10, 10, 100, 100 }, "chat", true);
    CHECK(!SDL_RenderIsClipEnabled(c.r));
    canvas_close(&c);
}

static const char *const SETTINGS[] = { "counter", "phone", "chat", "office", "meeting", "warehouse" };
#define NSETTINGS ((int)(sizeof SETTINGS / sizeof *SETTINGS))

static bool backdrop(canvas *c, SDL_Rect area, const char *setting, bool hc)
{
    if (!canvas_open(c, area.x + area.w + 16, area.y + area.h + 16))
        return false;
    rp_draw_backdrop(c->r, area, setting, hc);
    SDL_RenderFlush(c->r);
    return true;
}

TEST(draw_backdrop_fills_exactly_its_area)
{
    const SDL_Rect areas[] = { { 0, 56, 1280, 664 }, { 7, 9, 333, 211 }, { 3, 3, 640, 900 } };
    for (size_t k = 0; k < sizeof areas / sizeof *areas; k++)
        for (int i = 0; i <= NSETTINGS; i++) {
            for (int hc = 0; hc <= 1; hc++) {
                canvas c;
                SDL_Rect a = areas[k];
                REQUIRE(backdrop(&c, a, i < NSETTINGS ? SETTINGS[i] : NULL, hc));
                long in = drawn(&c, a, true), out = drawn(&c, a, false);
                CHECK(in == (long)a.w * a.h);
                CHECK(out == 0);
                if (in != (long)a.w * a.h || out != 0)
                    fprintf(stderr, "  %s%s %dx%d: %ld of %ld inside, %ld outside\n",
                            i < NSETTINGS ? SETTINGS[i] : "NULL", hc ? " (high contrast)" : "", a.w, a.h, in,
                            (long)a.w * a.h, out);
                canvas_close(&c);
            }
        }
}

TEST(draw_backdrop_each_setting_has_its_own_scene)
{
    SDL_Rect a = { 0, 0, 640, 360 };
    canvas c[NSETTINGS];
    for (int i = 0; i < NSETTINGS; i++)
        REQUIRE(backdrop(&c[i], a, SETTINGS[i], false));
    for (int i = 0; i < NSETTINGS; i++)
        for (int j = i + 1; j < NSETTINGS; j++) {
            long d = diff_in(&c[i], &c[j], a);
            CHECK(d > (long)a.w * a.h / 20);
            if (d <= (long)a.w * a.h / 20)
                fprintf(stderr, "  %s and %s differ in only %ld pixels\n", SETTINGS[i], SETTINGS[j], d);
        }
    /* Unknown or missing settings get the neutral office. */
    canvas unknown, none;
    REQUIRE(backdrop(&unknown, a, "space-station", false));
    REQUIRE(backdrop(&none, a, NULL, false));
    CHECK(diff_in(&unknown, &c[3], a) == 0);
    CHECK(diff_in(&none, &c[3], a) == 0);
    canvas_close(&unknown);
    canvas_close(&none);
    for (int i = 0; i < NSETTINGS; i++)
        canvas_close(&c[i]);
}

/* Text panels go on top: the scene is light and low in contrast. */
TEST(draw_backdrop_is_quiet_enough_for_text_on_top)
{
    SDL_Rect a = { 0, 0, 640, 360 };
    for (int i = 0; i < NSETTINGS; i++) {
        canvas c;
        REQUIRE(backdrop(&c, a, SETTINGS[i], false));
        long quiet = 0, n = 0;
        double sum = 0;
        for (int y = 0; y < a.h; y += 2)
            for (int x = 0; x < a.w; x += 2) {
                double l = luma(px(&c, x, y));
                sum += l;
                quiet += l > 120;
                n++;
            }
        CHECK(sum / (double)n > 170);
        CHECK(quiet > n * 95 / 100);
        canvas_close(&c);
    }
}

TEST(draw_backdrop_high_contrast_is_dark_and_plain)
{
    SDL_Rect a = { 0, 0, 640, 360 };
    for (int i = 0; i < NSETTINGS; i++) {
        canvas hc, normal;
        REQUIRE(backdrop(&hc, a, SETTINGS[i], true));
        REQUIRE(backdrop(&normal, a, SETTINGS[i], false));
        CHECK(diff_in(&hc, &normal, a) > (long)a.w * a.h / 2);
        double max = 0;
        for (int y = 0; y < a.h; y++)
            for (int x = 0; x < a.w; x++) {
                double l = luma(px(&hc, x, y));
                if (l > max)
                    max = l;
            }
        CHECK(max < 60);
        canvas_close(&hc);
        canvas_close(&normal);
    }
}

TEST(draw_tiny_and_degenerate_areas_are_safe)
{
    canvas c;
    REQUIRE(canvas_open(&c, 64, 64));
    const SDL_Rect areas[] = { { 2, 2, 10, 10 }, { 5, 5, 1, 1 }, { 5, 5, 0, 0 }, { 5, 5, -10, 20 },
                               { 50, 50, 100, 100 }, { -40, -40, 60, 60 }, { 1000, 1000, 30, 40 } };
    for (size_t i = 0; i < sizeof areas / sizeof *areas; i++) {
        for (int m = -3; m <= 3; m += 3)
            rp_draw_portrait(c.r, areas[i], NULL, (unsigned)i, m, 1, 1);
        rp_draw_backdrop(c.r, areas[i], "warehouse", false);
        rp_draw_backdrop(c.r, areas[i], "counter", true);
    }
    /* Empty areas draw nothing at all. */
    canvas e;
    REQUIRE(canvas_open(&e, 32, 32));
    rp_draw_portrait(e.r, (SDL_Rect){ 5, 5, 0, 0 }, NULL, 1, 0, 0, 0);
    rp_draw_backdrop(e.r, (SDL_Rect){ 5, 5, 0, 10 }, "office", false);
    CHECK(drawn(&e, (SDL_Rect){ 0, 0, 32, 32 }, true) == 0);
    /* A 10x10 backdrop still covers its 100 pixels. */
    rp_draw_backdrop(e.r, (SDL_Rect){ 3, 4, 10, 10 }, "meeting", false);
    CHECK(drawn(&e, (SDL_Rect){ 3, 4, 10, 10 }, true) == 100);
    CHECK(drawn(&e, (SDL_Rect){ 3, 4, 10, 10 }, false) == 0);
    /* Nonsense numbers do not crash either. */
    rp_draw_portrait(e.r, (SDL_Rect){ 0, 0, 32, 32 }, NULL, 1, NAN, -5, 7);
    rp_draw_portrait(NULL, (SDL_Rect){ 0, 0, 32, 32 }, NULL, 1, 0, 0, 0);
    rp_draw_backdrop(NULL, (SDL_Rect){ 0, 0, 32, 32 }, "office", false);
    canvas_close(&e);
    canvas_close(&c);
}
