/*
 * portrait_sheet.c - renders the drawn pictures to PNGs for review:
 *
 *   sheet OUTDIR
 *
 * writes
 *   portraits.png        the seven moods across (-3..3), one look per row
 *   portraits_large.png  four faces at the size a documentation shot shows
 *   portrait_sizes.png   480x640, 300x330 and 120x160 areas, a wide area,
 *                        blink and reaction steps, and quarter-step moods
 *   seeds.png            forty faces chosen from seeds alone (no look)
 *   backdrop_<s>.png     each setting at 1280x664 under a mock of the trainee
 *                        window's card and panel, to judge the contrast;
 *                        "mystery" is an unknown setting (the office), and
 *                        backdrop_high_contrast.png the high-contrast theme.
 * Everything goes through a software renderer: no window is opened.
 *
 * Build by hand (it is not part of `make`):
 *   cc -std=c11 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags sdl2 SDL2_image) \
 *      tests/tools/portrait_sheet.c engine/draw.c -o /tmp/sheet \
 *      $(pkg-config --libs sdl2 SDL2_image) -lm
 */
#include "draw.h"

#include <SDL_image.h>
#include <stdio.h>

/* The card colour the trainee window puts behind the portrait. */
static const SDL_Color CARD = { 0xE4, 0xEC, 0xEE, 255 };

typedef struct {
    SDL_Surface *s;
    SDL_Renderer *r;
} canvas;

static int canvas_open(canvas *c, int w, int h, SDL_Color bg)
{
    c->s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (c->s == NULL)
        return -1;
    c->r = SDL_CreateSoftwareRenderer(c->s);
    if (c->r == NULL) {
        SDL_FreeSurface(c->s);
        return -1;
    }
    SDL_SetRenderDrawColor(c->r, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(c->r);
    return 0;
}

static int canvas_save(canvas *c, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    SDL_RenderPresent(c->r);
    int rc = IMG_SavePNG(c->s, path);
    if (rc != 0)
        fprintf(stderr, "sheet: %s: %s\n", path, SDL_GetError());
    else
        printf("%s\n", path);
    SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->s);
    return rc;
}

static void card(canvas *c, SDL_Rect r)
{
    SDL_SetRenderDrawColor(c->r, CARD.r, CARD.g, CARD.b, 255);
    SDL_RenderFillRect(c->r, &r);
}

static const rp_look LOOKS[] = {
    { "fair", "short", "brown", false, false },
    { "light", "long", "blonde", false, false },
    { "brown", "curly", "black", true, false },
    { "tan", "bun", "black", false, false },
    { "dark", "bald", "black", false, true },
    { "light", "short", "red", true, true },
    { "fair", "long", "brown", true, false },
    { "dark", "curly", "black", false, false },
    { "tan", "short", "grey", true, false },
    { "light", "bun", "grey", true, false },
};
#define NLOOKS ((int)(sizeof LOOKS / sizeof LOOKS[0]))

static int moods_sheet(const char *dir)
{
    const int cw = 150, ch = 200, gap = 8;
    canvas c;
    if (canvas_open(&c, 7 * (cw + gap) + gap, NLOOKS * (ch + gap) + gap, (SDL_Color){ 250, 250, 250, 255 }))
        return -1;
    for (int row = 0; row < NLOOKS; row++)
        for (int m = -3; m <= 3; m++) {
            SDL_Rect a = { gap + (m + 3) * (cw + gap), gap + row * (ch + gap), cw, ch };
            card(&c, a);
            rp_draw_portrait(c.r, a, &LOOKS[row], (unsigned)row * 7919u, m, 0, 0);
        }
    return canvas_save(&c, dir, "portraits.png");
}

static int seeds_sheet(const char *dir)
{
    const int cw = 120, ch = 160, gap = 6, cols = 10, rows = 4;
    canvas c;
    if (canvas_open(&c, cols * (cw + gap) + gap, rows * (ch + gap) + gap, (SDL_Color){ 250, 250, 250, 255 }))
        return -1;
    for (int i = 0; i < cols * rows; i++) {
        SDL_Rect a = { gap + (i % cols) * (cw + gap), gap + (i / cols) * (ch + gap), cw, ch };
        card(&c, a);
        rp_draw_portrait(c.r, a, NULL, (unsigned)i * 2654435761u + 17u, (i % 7) - 3, 0, 0);
    }
    return canvas_save(&c, dir, "seeds.png");
}

static int sizes_sheet(const char *dir)
{
    canvas c;
    if (canvas_open(&c, 1400, 680, (SDL_Color){ 250, 250, 250, 255 }))
        return -1;
    const rp_look *l = &LOOKS[0];
    SDL_Rect big = { 10, 10, 480, 640 }, mid = { 500, 10, 300, 330 }, small = { 500, 350, 120, 160 };
    card(&c, big);
    card(&c, mid);
    card(&c, small);
    rp_draw_portrait(c.r, big, l, 1, 2, 0, 0);
    rp_draw_portrait(c.r, mid, &LOOKS[1], 2, -2, 0, 0);
    rp_draw_portrait(c.r, small, &LOOKS[2], 3, 1, 0, 0);
    /* Blink and reaction steps. */
    for (int i = 0; i < 4; i++) {
        SDL_Rect a = { 820 + i * 140, 10, 130, 170 };
        card(&c, a);
        rp_draw_portrait(c.r, a, &LOOKS[3], 4, 0, 0, i / 3.0);
        SDL_Rect b = { 820 + i * 140, 190, 130, 170 };
        card(&c, b);
        rp_draw_portrait(c.r, b, &LOOKS[4], 5, -2, i / 3.0, 0);
        SDL_Rect d = { 820 + i * 140, 370, 130, 170 };
        card(&c, d);
        rp_draw_portrait(c.r, d, &LOOKS[5], 6, 2, i / 3.0, 0);
    }
    /* Fractional moods. */
    for (int i = 0; i < 9; i++) {
        SDL_Rect a = { 640 + i * 84, 550, 80, 110 };
        card(&c, a);
        rp_draw_portrait(c.r, a, &LOOKS[6], 7, -3 + i * 0.75, 0, 0);
    }
    /* A wide area: the figure stays centred. */
    SDL_Rect w = { 630, 350, 180, 160 };
    card(&c, w);
    rp_draw_portrait(c.r, w, &LOOKS[7], 8, 3, 0, 0);
    return canvas_save(&c, dir, "portrait_sizes.png");
}

/* Four large faces, the size a documentation screenshot shows. */
static int large_sheet(const char *dir)
{
    canvas c;
    const int w = 360, h = 480, gap = 12;
    if (canvas_open(&c, 4 * (w + gap) + gap, h + 2 * gap, (SDL_Color){ 250, 250, 250, 255 }))
        return -1;
    const double moods[4] = { -3, -1, 1, 3 };
    const int looks[4] = { 3, 6, 4, 2 };
    for (int i = 0; i < 4; i++) {
        SDL_Rect a = { gap + i * (w + gap), gap, w, h };
        card(&c, a);
        rp_draw_portrait(c.r, a, &LOOKS[looks[i]], 11u + (unsigned)i, moods[i], 0, 0);
    }
    return canvas_save(&c, dir, "portraits_large.png");
}

static int backdrop(const char *dir, const char *setting, bool hc, const char *name)
{
    canvas c;
    if (canvas_open(&c, 1280, 720, (SDL_Color){ 255, 0, 255, 255 }))
        return -1;
    rp_draw_backdrop(c.r, (SDL_Rect){ 0, 56, 1280, 664 }, setting, hc);
    /* Where the trainee window puts the customer card, for judging contrast. */
    SDL_SetRenderDrawBlendMode(c.r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(c.r, hc ? 0 : 255, hc ? 0 : 255, hc ? 0 : 255, hc ? 255 : 238);
    SDL_RenderFillRect(c.r, &(SDL_Rect){ 40, 76, 340, 520 });
    SDL_Rect pr = { 60, 92, 300, 330 };
    SDL_SetRenderDrawColor(c.r, hc ? 26 : CARD.r, hc ? 26 : CARD.g, hc ? 26 : CARD.b, 255);
    SDL_RenderFillRect(c.r, &pr);
    rp_draw_portrait(c.r, pr, NULL, 12345, -1, 0, 0);
    SDL_SetRenderDrawColor(c.r, hc ? 0 : 255, hc ? 0 : 255, hc ? 0 : 255, hc ? 255 : 245);
    SDL_RenderFillRect(c.r, &(SDL_Rect){ 420, 80, 820, 120 });
    SDL_SetRenderDrawColor(c.r, 0, 0, 0, 255);
    SDL_RenderFillRect(c.r, &(SDL_Rect){ 0, 0, 1280, 56 });
    return canvas_save(&c, dir, name);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 1;
    }
    const char *dir = argv[1];
    int rc = 0;
    rc |= moods_sheet(dir);
    rc |= seeds_sheet(dir);
    rc |= sizes_sheet(dir);
    rc |= large_sheet(dir);
    static const char *const settings[] = { "counter", "phone", "chat", "office", "meeting", "warehouse", "mystery" };
    for (int i = 0; i < 7; i++) {
        char name[64];
        snprintf(name, sizeof name, "backdrop_%s.png", settings[i]);
        rc |= backdrop(dir, settings[i], false, name);
    }
    rc |= backdrop(dir, "office", true, "backdrop_high_contrast.png");
    return rc ? 1 : 0;
}
