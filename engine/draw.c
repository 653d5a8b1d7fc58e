/*
 * draw.c - the customer portrait and the scene backdrops (see draw.h).
 *
 * Everything is flat vector shapes sent to SDL_RenderGeometry as triangle
 * lists: no art files, any size, and the same picture on a window's GPU
 * renderer and on a software renderer over an SDL_Surface (screenshots,
 * tests).
 *
 * Layout:
 *   - The portrait is designed on a BOARD_W x BOARD_H (300 x 400) board,
 *     scaled uniformly into `area`, centred horizontally and standing on the
 *     area's bottom edge, so it fits any aspect ratio. The head is drawn in
 *     its own units (face centred at 150,172) and placed on the board at
 *     HEAD_SCALE with its chin at CHIN_Y.
 *   - Expressions are a table of parameters keyed at each whole mood
 *     (EXPR_KEYS) and interpolated, so fractional moods animate smoothly.
 *   - Backdrops are laid out in fractions of the area, with sizes taken from
 *     its height so that nothing stretches on a wide window; each stays
 *     around 300 triangles.
 *
 * Every shape is built in design units and mapped to the screen by a small
 * affine pen, which is also how the head tilts and squashes on a reaction.
 * Edges get a one-pixel alpha ramp (pen.feather) because the renderers
 * themselves do not anti-alias.
 *
 * There is no state between calls: each public function saves and restores
 * the renderer's draw colour, blend mode and clip rectangle, and clips its
 * drawing to `area` (inside any clip the caller set).
 */
#include "draw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- basics */

typedef struct { float x, y; } pt;

/* Board units -> screen pixels: (a x + b y + tx, c x + d y + ty). */
typedef struct {
    SDL_Renderer *r;
    float a, b, c, d, tx, ty;
    float scale;                 /* pixels per unit, to pick segment counts */
    float feather;               /* anti-aliasing ramp in units (one pixel), 0 = off */
} pen;

#define BATCH 384                /* vertices per SDL_RenderGeometry call (multiple of 3) */
#define MAXPTS 200               /* points in one outline */

typedef struct {
    const pen *p;
    SDL_Vertex v[BATCH];
    int n;
} batch;

static const float PI_F = 3.14159265f;

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static float lerpf(float a, float b, float t)
{
    return a + (b - a) * t;
}

/* Signed power: keeps the sign, bends the magnitude (squircles). */
static float spow(float v, float e)
{
    return v < 0 ? -powf(-v, e) : powf(v, e);
}

static pt P(float x, float y)
{
    return (pt){ x, y };
}

static SDL_Color rgba(int r, int g, int b, int a)
{
    return (SDL_Color){ (Uint8)r, (Uint8)g, (Uint8)b, (Uint8)a };
}

static SDL_Color mixc(SDL_Color a, SDL_Color b, float t)
{
    t = clampf(t, 0, 1);
    return rgba((int)lroundf(lerpf(a.r, b.r, t)), (int)lroundf(lerpf(a.g, b.g, t)),
                (int)lroundf(lerpf(a.b, b.b, t)), (int)lroundf(lerpf(a.a, b.a, t)));
}

/* Darker (f < 1) keeping the hue; used for shadows and outlines of a colour. */
static SDL_Color darker(SDL_Color c, float f)
{
    return rgba((int)(c.r * f), (int)(c.g * f), (int)(c.b * f), c.a);
}

static SDL_Color lighter(SDL_Color c, float t)
{
    return mixc(c, rgba(255, 255, 255, c.a), t);
}

static SDL_Color with_alpha(SDL_Color c, float a)
{
    c.a = (Uint8)lroundf(clampf(a, 0, 1) * 255);
    return c;
}

static void flush(batch *b)
{
    if (b->n >= 3)
        SDL_RenderGeometry(b->p->r, NULL, b->v, b->n - b->n % 3, NULL, 0);
    b->n = 0;
}

static void put(batch *b, pt q, SDL_Color c)
{
    const pen *p = b->p;
    SDL_Vertex *v = &b->v[b->n++];
    v->position.x = p->a * q.x + p->b * q.y + p->tx;
    v->position.y = p->c * q.x + p->d * q.y + p->ty;
    v->color = c;
    v->tex_coord.x = v->tex_coord.y = 0;
}

static void tri_c(batch *b, pt p0, SDL_Color c0, pt p1, SDL_Color c1, pt p2, SDL_Color c2)
{
    if (b->n + 3 > BATCH)
        flush(b);
    put(b, p0, c0);
    put(b, p1, c1);
    put(b, p2, c2);
}

static void tri(batch *b, pt p0, pt p1, pt p2, SDL_Color c)
{
    tri_c(b, p0, c, p1, c, p2, c);
}

/* Segments for a curve of radius r (units): about a third of a pixel of error. */
static int segs(const pen *p, float r, int lo)
{
    int n = (int)ceilf(sqrtf(fmaxf(r * p->scale, 0.0f)) * 4.0f);
    return n < lo ? lo : n > 96 ? 96 : n;
}

/* ------------------------------------------------------------- outlines */

/* Points on an ellipse from angle t0 to t1 inclusive (y grows downwards). */
static int arc_pts(pt *out, int n, float cx, float cy, float rx, float ry, float t0, float t1)
{
    for (int i = 0; i < n; i++) {
        float t = t0 + (t1 - t0) * (float)i / (float)(n - 1);
        out[i] = P(cx + rx * cosf(t), cy + ry * sinf(t));
    }
    return n;
}

/* Points on a cubic Bezier, p0 and p3 included. */
static int bez_pts(pt *out, int n, pt p0, pt p1, pt p2, pt p3)
{
    for (int i = 0; i < n; i++) {
        float t = (float)i / (float)(n - 1), u = 1 - t;
        float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
        out[i] = P(w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x,
                   w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y);
    }
    return n;
}

/* Outline of a rounded rectangle, clockwise, `k` points per corner. */
static int rrect_pts(pt *out, float x, float y, float w, float h, float rad, int k)
{
    rad = fminf(rad, fminf(w, h) / 2);
    const float cx[4] = { x + w - rad, x + w - rad, x + rad, x + rad };
    const float cy[4] = { y + rad, y + h - rad, y + h - rad, y + rad };
    int n = 0;
    for (int c = 0; c < 4; c++)
        for (int i = 0; i < k; i++) {
            float t = -PI_F / 2 + (float)c * PI_F / 2 + (PI_F / 2) * (float)i / (float)(k - 1);
            out[n++] = P(cx[c] + rad * cosf(t), cy[c] + rad * sinf(t));
        }
    return n;
}

/* --------------------------------------------------------------- shapes */

/*
 * Anti-aliasing: a one-pixel ramp of alpha across an edge (a -> c), fading
 * out on the side away from `inside`. Opaque shapes ramp from half a pixel
 * inside; translucent ones from the edge itself, so that nothing is blended
 * twice. Without it the software renderer's edges are visibly stepped.
 */
static void feather(batch *b, pt a, pt c, pt inside, SDL_Color col)
{
    float w = b->p->feather;
    if (w <= 0 || col.a == 0)
        return;
    float dx = c.x - a.x, dy = c.y - a.y, len = sqrtf(dx * dx + dy * dy);
    if (len < 1e-4f)
        return;
    float nx = -dy / len, ny = dx / len;
    if (nx * ((a.x + c.x) / 2 - inside.x) + ny * ((a.y + c.y) / 2 - inside.y) < 0) {
        nx = -nx;
        ny = -ny;
    }
    float in = col.a == 255 ? w * 0.5f : 0.0f, out = col.a == 255 ? w * 0.5f : w * 0.7f;
    SDL_Color clear = col;
    clear.a = 0;
    pt a0 = P(a.x - nx * in, a.y - ny * in), c0 = P(c.x - nx * in, c.y - ny * in);
    pt a1 = P(a.x + nx * out, a.y + ny * out), c1 = P(c.x + nx * out, c.y + ny * out);
    tri_c(b, a0, col, c0, col, c1, clear);
    tri_c(b, a0, col, c1, clear, a1, clear);
}

/* A polygon that every point of which can see `c` (convex, or star-shaped). */
static void fan(const pen *p, pt c, const pt *q, int n, bool closed, SDL_Color col)
{
    batch b = { .p = p };
    for (int i = 0; i + 1 < n; i++)
        tri(&b, c, q[i], q[i + 1], col);
    if (closed && n > 2)
        tri(&b, c, q[n - 1], q[0], col);
    for (int i = 0; i + 1 < n; i++)
        feather(&b, q[i], q[i + 1], c, col);
    if (closed && n > 2)
        feather(&b, q[n - 1], q[0], c, col);
    flush(&b);
}

static pt centroid(const pt *q, int n)
{
    pt c = { 0, 0 };
    for (int i = 0; i < n; i++) {
        c.x += q[i].x;
        c.y += q[i].y;
    }
    return P(c.x / (float)n, c.y / (float)n);
}

static void poly(const pen *p, const pt *q, int n, SDL_Color col)
{
    fan(p, centroid(q, n), q, n, true, col);
}

/* The band between two polylines of equal length (hair, lids, rings). */
static void band(const pen *p, const pt *a, const pt *bb, int n, bool closed, SDL_Color col)
{
    batch b = { .p = p };
    for (int i = 0; i + 1 < n; i++) {
        tri(&b, a[i], bb[i], a[i + 1], col);
        tri(&b, a[i + 1], bb[i], bb[i + 1], col);
    }
    if (closed && n > 2) {
        tri(&b, a[n - 1], bb[n - 1], a[0], col);
        tri(&b, a[0], bb[n - 1], bb[0], col);
    }
    for (int i = 0; i + 1 < n || (closed && i < n); i++) {
        int j = (i + 1) % n;
        pt ma = P((a[i].x + a[j].x) / 2, (a[i].y + a[j].y) / 2);
        pt mb = P((bb[i].x + bb[j].x) / 2, (bb[i].y + bb[j].y) / 2);
        if (fabsf(ma.x - mb.x) + fabsf(ma.y - mb.y) < 1e-3f)
            continue;
        feather(&b, a[i], a[j], mb, col);
        feather(&b, bb[i], bb[j], ma, col);
    }
    flush(&b);
}

static void ellipse(const pen *p, float cx, float cy, float rx, float ry, SDL_Color col)
{
    pt q[MAXPTS];
    int n = segs(p, fmaxf(rx, ry), 12);
    arc_pts(q, n + 1, cx, cy, rx, ry, 0, 2 * PI_F);
    fan(p, P(cx, cy), q, n + 1, false, col);
}

static void circle(const pen *p, float cx, float cy, float rad, SDL_Color col)
{
    ellipse(p, cx, cy, rad, rad, col);
}

static void rrect(const pen *p, float x, float y, float w, float h, float rad, SDL_Color col)
{
    if (w <= 0 || h <= 0)
        return;
    pt q[MAXPTS];
    int k = rad > 0 ? segs(p, rad, 4) / 4 + 1 : 1;
    if (k > MAXPTS / 4)
        k = MAXPTS / 4;
    int n = rrect_pts(q, x, y, w, h, rad, k);
    fan(p, P(x + w / 2, y + h / 2), q, n, true, col);
}

static void quad(const pen *p, pt a, pt b2, pt c, pt d, SDL_Color col)
{
    batch b = { .p = p };
    tri(&b, a, b2, c, col);
    tri(&b, a, c, d, col);
    flush(&b);
}

/* A thick polyline with round ends (brows, mouth lines, frames, cables). */
static void stroke(const pen *p, const pt *q, int n, float w, SDL_Color col)
{
    if (n < 2)
        return;
    pt l[MAXPTS], r[MAXPTS];
    if (n > MAXPTS)
        n = MAXPTS;
    for (int i = 0; i < n; i++) {
        pt a = q[i > 0 ? i - 1 : 0], c = q[i + 1 < n ? i + 1 : n - 1];
        float dx = c.x - a.x, dy = c.y - a.y, len = sqrtf(dx * dx + dy * dy);
        if (len < 1e-6f)
            len = 1;
        float nx = -dy / len * w / 2, ny = dx / len * w / 2;
        l[i] = P(q[i].x + nx, q[i].y + ny);
        r[i] = P(q[i].x - nx, q[i].y - ny);
    }
    band(p, l, r, n, false, col);
    /* Round ends: half discs, fanned from the end points. */
    pt cap[MAXPTS];
    int m = segs(p, w / 2, 6) / 2 + 2;
    for (int end = 0; end < 2; end++) {
        pt c = end ? q[n - 1] : q[0];
        pt from = end ? l[n - 1] : r[0];
        float a0 = atan2f(from.y - c.y, from.x - c.x);
        for (int i = 0; i < m; i++) {
            float t = a0 - PI_F * (float)i / (float)(m - 1);
            cap[i] = P(c.x + cosf(t) * w / 2, c.y + sinf(t) * w / 2);
        }
        fan(p, c, cap, m, false, col);
    }
}

static void line(const pen *p, pt a, pt b, float w, SDL_Color col)
{
    pt q[2] = { a, b };
    stroke(p, q, 2, w, col);
}

/* ------------------------------------------------------ renderer state */

typedef struct {
    Uint8 r, g, b, a;
    SDL_BlendMode blend;
    bool clipped;
    SDL_Rect clip;
} saved_state;

/*
 * Saves the renderer state and clips to `area` (inside any clip the caller
 * already set). Returns false when nothing of `area` is visible.
 */
static bool begin(SDL_Renderer *r, SDL_Rect area, saved_state *s)
{
    SDL_GetRenderDrawColor(r, &s->r, &s->g, &s->b, &s->a);
    SDL_GetRenderDrawBlendMode(r, &s->blend);
    s->clipped = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &s->clip);
    SDL_Rect vis = area;
    if (s->clipped && !SDL_IntersectRect(&area, &s->clip, &vis))
        return false;
    if (vis.w <= 0 || vis.h <= 0)
        return false;
    SDL_RenderSetClipRect(r, &vis);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return true;
}

static void end(SDL_Renderer *r, const saved_state *s)
{
    SDL_RenderSetClipRect(r, s->clipped ? &s->clip : NULL);
    SDL_SetRenderDrawBlendMode(r, s->blend);
    SDL_SetRenderDrawColor(r, s->r, s->g, s->b, s->a);
}

/* =============================================================== portrait */

#define BOARD_W 300.0f
#define BOARD_H 400.0f
#define HEAD_SCALE 1.12f       /* head units -> board units */
#define CHIN_Y 264.0f          /* where the chin sits on the board */

/* The head, in board units. The face is a squircle above and an egg below. */
typedef struct {
    float hx, hy, rx, ryu, ryd;
} head;

static pt face_pt(const head *h, float t, float sx, float sy)
{
    float c = cosf(t), s = sinf(t);
    float x, y;
    if (s < 0) {
        x = h->rx * spow(c, 0.8f);
        y = h->ryu * s;
    } else {
        x = h->rx * spow(c, 0.9f) * (1.0f - 0.08f * s);
        y = h->ryd * spow(s, 1.1f);
    }
    return P(h->hx + x * sx, h->hy + y * sy);
}

/* Expression parameters, keyed at each whole mood and interpolated. */
enum {
    E_BROW_RAISE, E_BROW_TILT, E_BROW_ARCH,
    E_EYE_OPEN, E_LID_SLANT, E_EYE_SMILE,
    E_MOUTH_CURVE, E_MOUTH_HALF, E_MOUTH_OPEN, E_TEETH,
    E_FLUSH, E_BLUSH, E_CREASE, NEXPR
};

static const float EXPR_KEYS[7][NEXPR] = {
    /* raise tilt arch | open slant smile | curve half open teeth | flush blush crease */
    { -4.5f, 9.0f, 0.0f,  0.62f, 0.42f, 0.00f,  -1.00f, 15.0f, 0.50f, 1.0f,  1.00f, 0.0f, 1.0f }, /* -3 furious */
    { -3.5f, 6.5f, 0.5f,  0.72f, 0.28f, 0.00f,  -0.80f, 13.0f, 0.00f, 0.0f,  0.65f, 0.0f, 0.8f }, /* -2 angry */
    { -1.5f, 3.0f, 1.0f,  0.86f, 0.12f, 0.00f,  -0.40f, 12.0f, 0.00f, 0.0f,  0.25f, 0.0f, 0.2f }, /* -1 annoyed */
    {  0.0f, 0.0f, 2.0f,  1.00f, 0.00f, 0.00f,   0.05f, 12.0f, 0.00f, 0.0f,  0.00f, 0.0f, 0.0f }, /*  0 neutral */
    {  1.5f, -0.5f, 2.5f, 1.00f, 0.00f, 0.12f,   0.45f, 14.0f, 0.00f, 0.0f,  0.00f, 0.25f, 0.0f }, /*  1 calm */
    {  3.0f, -1.0f, 3.5f, 0.96f, 0.00f, 0.35f,   0.80f, 16.5f, 0.35f, 1.0f,  0.00f, 0.5f, 0.0f }, /*  2 pleased */
    {  5.0f, -1.0f, 4.0f, 0.92f, 0.00f, 0.70f,   1.00f, 18.5f, 0.95f, 1.0f,  0.00f, 0.8f, 0.0f }, /*  3 delighted */
};

static void expression(double mood, float *e)
{
    float m = clampf((float)mood, RP_MOOD_MIN, RP_MOOD_MAX) - RP_MOOD_MIN;
    int i = (int)floorf(m);
    if (i >= 6)
        i = 5;
    float t = m - (float)i;
    for (int k = 0; k < NEXPR; k++)
        e[k] = lerpf(EXPR_KEYS[i][k], EXPR_KEYS[i + 1][k], t);
}

/* ---- the look */

static const char *const SKIN_NAMES[] = { "light", "fair", "tan", "brown", "dark" };
static const char *const HAIR_NAMES[] = { "short", "long", "curly", "bun", "bald" };
static const char *const HAIR_COLOUR_NAMES[] = { "black", "brown", "blonde", "red", "grey" };
enum { H_SHORT, H_LONG, H_CURLY, H_BUN, H_BALD };

typedef struct {
    SDL_Color skin, hair, brow, eye, mouth;
    int hair_style;
    bool glasses, beard;
    int outfit;                  /* 0 blazer and shirt, 1 sweater, 2 open-collar shirt */
    SDL_Color cloth, shirt, frame;
} figure;

static unsigned mix32(unsigned x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

/* A deterministic choice in 0..n-1 from the seed; `salt` separates features. */
static int pick(unsigned seed, unsigned salt, int n)
{
    return (int)(mix32(seed ^ mix32(salt * 0x9e3779b9U)) % (unsigned)n);
}

/* Index of `s` in names (any case, and the US spellings "blond"/"gray"), or -1. */
static int find_name(const char *s, const char *const *names, int n)
{
    if (s && SDL_strcasecmp(s, "blond") == 0)
        s = "blonde";
    else if (s && SDL_strcasecmp(s, "gray") == 0)
        s = "grey";
    for (int i = 0; s && i < n; i++)
        if (SDL_strcasecmp(s, names[i]) == 0)
            return i;
    return -1;
}

static figure make_figure(const rp_look *look, unsigned seed)
{
    static const SDL_Color skins[5] = {
        { 248, 222, 204, 255 }, { 238, 197, 166, 255 }, { 214, 160, 118, 255 },
        { 164, 110, 76, 255 }, { 104, 68, 48, 255 },
    };
    static const SDL_Color hairs[5] = {
        { 44, 38, 42, 255 }, { 102, 68, 46, 255 }, { 224, 184, 118, 255 },
        { 178, 86, 48, 255 }, { 176, 176, 178, 255 },
    };
    static const SDL_Color jackets[6] = {
        { 56, 74, 108, 255 }, { 74, 78, 90, 255 }, { 42, 100, 108, 255 },
        { 120, 56, 68, 255 }, { 170, 132, 92, 255 }, { 104, 112, 82, 255 },
    };
    static const SDL_Color sweaters[6] = {
        { 204, 156, 74, 255 }, { 126, 152, 124, 255 }, { 194, 112, 88, 255 },
        { 104, 136, 170, 255 }, { 122, 86, 112, 255 }, { 86, 118, 126, 255 },
    };
    static const SDL_Color shirts[4] = {
        { 245, 245, 242, 255 }, { 208, 224, 240, 255 }, { 240, 222, 220, 255 }, { 226, 234, 222, 255 },
    };
    figure f;
    memset(&f, 0, sizeof f);
    int skin = find_name(look ? look->skin : NULL, SKIN_NAMES, 5);
    int hair = find_name(look ? look->hair : NULL, HAIR_NAMES, 5);
    int hcol = find_name(look ? look->hair_colour : NULL, HAIR_COLOUR_NAMES, 5);
    if (skin < 0)
        skin = pick(seed, 1, 5);
    if (hair < 0) {
        static const int styles[8] = { H_SHORT, H_SHORT, H_LONG, H_LONG, H_CURLY, H_BUN, H_BUN, H_BALD };
        hair = styles[pick(seed, 2, 8)];
    }
    if (hcol < 0) {
        /* Darker skins get darker hair more often, as in life. */
        static const int light_hair[8] = { 0, 1, 1, 2, 2, 3, 4, 1 };
        static const int dark_hair[8] = { 0, 0, 0, 1, 1, 0, 4, 0 };
        hcol = skin >= 2 ? dark_hair[pick(seed, 3, 8)] : light_hair[pick(seed, 3, 8)];
    }
    f.skin = skins[skin];
    f.hair = hairs[hcol];
    f.brow = hcol == 2 ? darker(hairs[hcol], 0.62f) : hcol == 4 ? darker(hairs[hcol], 0.7f)
                                                                : darker(hairs[hcol], 0.9f);
    f.hair_style = hair;
    if (look) {
        f.glasses = look->glasses;
        f.beard = look->beard;
    } else {
        f.glasses = pick(seed, 4, 10) < 3;
        f.beard = (hair == H_SHORT || hair == H_BALD || hair == H_CURLY) && pick(seed, 5, 10) < 3;
    }
    /* Features darken on darker skin so that the expression stays legible. */
    f.eye = skin >= 3 ? rgba(28, 22, 26, 255) : rgba(46, 40, 44, 255);
    f.mouth = skin >= 3 ? rgba(78, 26, 34, 255) : rgba(118, 48, 56, 255);
    f.outfit = pick(seed, 6, 3);
    f.cloth = f.outfit == 1 ? sweaters[pick(seed, 7, 6)] : jackets[pick(seed, 7, 6)];
    f.shirt = shirts[pick(seed, 8, 4)];
    if (f.outfit == 2)
        f.cloth = shirts[pick(seed, 8, 4) == 0 ? 1 : pick(seed, 8, 4)];
    f.frame = pick(seed, 9, 3) == 0 ? rgba(122, 76, 48, 255) : rgba(40, 40, 48, 255);
    return f;
}

/* ---- body */

static void draw_body(const pen *p, const figure *f)
{
    const float cx = 150, top = 284;
    SDL_Color neck = darker(f->skin, 0.88f);

    /* Neck, in the shade of the chin; its top hides under the head. */
    rrect(p, cx - 25, 215, 50, top - 205, 12, neck);

    /* Torso: shoulders rounded, sides to the bottom of the board. */
    pt q[MAXPTS];
    int n = 0;
    n += bez_pts(q + n, 16, P(cx - 138, 420), P(cx - 138, top + 40), P(cx - 128, top + 8), P(cx - 46, top));
    n += bez_pts(q + n, 16, P(cx + 46, top), P(cx + 128, top + 8), P(cx + 138, top + 40), P(cx + 138, 420));
    SDL_Color cloth = f->cloth;
    poly(p, q, n, cloth);

    if (f->outfit == 0) {
        /* Blazer over a shirt: shirt V, skin V, collar, lapels. */
        poly(p, (pt[]){ P(cx - 34, top - 2), P(cx + 34, top - 2), P(cx, top + 84) }, 3, f->shirt);
        poly(p, (pt[]){ P(cx - 22, top - 4), P(cx + 22, top - 4), P(cx, top + 26) }, 3, neck);
        SDL_Color collar = darker(f->shirt, 0.93f);
        poly(p, (pt[]){ P(cx - 25, top - 9), P(cx - 2, top + 28), P(cx - 19, top + 32), P(cx - 38, top + 10) }, 4, collar);
        poly(p, (pt[]){ P(cx + 25, top - 9), P(cx + 2, top + 28), P(cx + 19, top + 32), P(cx + 38, top + 10) }, 4, collar);
        SDL_Color lapel = darker(cloth, 0.84f);
        poly(p, (pt[]){ P(cx - 36, top - 1), P(cx - 3, top + 86), P(cx - 30, top + 64), P(cx - 54, top + 30) }, 4, lapel);
        poly(p, (pt[]){ P(cx + 36, top - 1), P(cx + 3, top + 86), P(cx + 30, top + 64), P(cx + 54, top + 30) }, 4, lapel);
    } else if (f->outfit == 1) {
        /* Crew-neck sweater: the neck meets a ribbed collar. */
        pt outer[40], inner[40];
        int m = 20;
        arc_pts(outer, m, cx, top - 4, 34, 20, 0, PI_F);
        arc_pts(inner, m, cx, top - 4, 25, 13, 0, PI_F);
        ellipse(p, cx, top - 4, 25, 13, neck);
        band(p, outer, inner, m, false, darker(cloth, 0.86f));
    } else {
        /* Open-collar shirt with a placket. */
        poly(p, (pt[]){ P(cx - 22, top - 4), P(cx + 22, top - 4), P(cx, top + 30) }, 3, neck);
        SDL_Color collar = lighter(cloth, 0.35f);
        poly(p, (pt[]){ P(cx - 26, top - 10), P(cx - 1, top + 32), P(cx - 23, top + 36), P(cx - 42, top + 10) }, 4, collar);
        poly(p, (pt[]){ P(cx + 26, top - 10), P(cx + 1, top + 32), P(cx + 23, top + 36), P(cx + 42, top + 10) }, 4, collar);
        line(p, P(cx, top + 34), P(cx, 420), 2.0f, darker(cloth, 0.88f));
        circle(p, cx + 5, top + 58, 2.2f, darker(cloth, 0.8f));
        circle(p, cx + 5, top + 92, 2.2f, darker(cloth, 0.8f));
    }
}

/* ---- hair */

/* Hair behind the head: long hair, curly volume, a bun. */
static void draw_hair_back(const pen *p, const figure *f, const head *h)
{
    float cx = h->hx, cy = h->hy, rx = h->rx;
    SDL_Color c = darker(f->hair, 0.9f);
    pt q[MAXPTS];
    int n = 0;
    switch (f->hair_style) {
    case H_LONG: {
        int m = segs(p, rx, 16);
        for (int i = 0; i < m; i++)
            q[n++] = face_pt(h, PI_F + PI_F * (float)i / (float)(m - 1), 1.12f, 1.12f);
        n--;
        n += bez_pts(q + n, 12, P(cx + rx * 1.12f, cy), P(cx + rx * 1.16f, cy + 50),
                     P(cx + rx * 1.32f, cy + 92), P(cx + rx * 1.0f, cy + 114));
        n--;
        n += bez_pts(q + n, 12, P(cx + rx * 1.0f, cy + 114), P(cx + rx * 0.5f, cy + 124),
                     P(cx - rx * 0.5f, cy + 124), P(cx - rx * 1.0f, cy + 114));
        n--;
        n += bez_pts(q + n, 12, P(cx - rx * 1.0f, cy + 114), P(cx - rx * 1.32f, cy + 92),
                     P(cx - rx * 1.16f, cy + 50), P(cx - rx * 1.12f, cy));
        fan(p, P(cx, cy + 20), q, n, true, c);
        break;
    }
    case H_CURLY: {
        ellipse(p, cx, cy - 6, rx * 1.18f, h->ryu * 1.12f, c);
        int m = 13;
        for (int i = 0; i < m; i++) {
            float t = PI_F - 0.75f + (PI_F + 1.5f) * (float)i / (float)(m - 1);
            pt o = face_pt(h, t, 1.12f, 1.1f);
            circle(p, o.x, o.y, rx * 0.3f, c);
        }
        break;
    }
    case H_BUN:
        circle(p, cx, cy - h->ryu - 14, 25, f->hair);
        ellipse(p, cx - 8, cy - h->ryu - 24, 9, 5, with_alpha(lighter(f->hair, 0.3f), 0.35f));
        break;
    default:
        break;
    }
}

/* Hair over the head: the cap and the hairline. */
static void draw_hair_front(const pen *p, const figure *f, const head *h)
{
    float cx = h->hx, cy = h->hy, rx = h->rx;
    pt outer[MAXPTS], inner[MAXPTS];
    int n = segs(p, rx, 20) + 8;
    if (n > 90)
        n = 90;
    SDL_Color c = f->hair;
    switch (f->hair_style) {
    case H_SHORT: {
        /* Volume on top, short at the sides, a side parting whose fringe
           sweeps across the forehead. */
        pt a[MAXPTS], b[MAXPTS];
        int na = n / 3, nb = n - na + 1;
        pt end = face_pt(h, PI_F - 0.02f, 1.045f, 1.0f);
        bez_pts(a, na, end, P(cx - rx * 0.93f, cy - 26),
                P(cx - rx * 0.78f, cy - 44), P(cx - rx * 0.42f, cy - 50));
        bez_pts(b, nb, P(cx - rx * 0.42f, cy - 50), P(cx + rx * 0.05f, cy - 40),
                P(cx + rx * 0.80f, cy - 44), P(2 * cx - end.x, end.y));
        memcpy(inner, a, sizeof(pt) * (size_t)na);
        memcpy(inner + na, b + 1, sizeof(pt) * (size_t)(nb - 1));
        for (int i = 0; i < n; i++) {
            float s = (float)i / (float)(n - 1);
            float t = PI_F - 0.02f + (PI_F + 0.04f) * s;
            float top = fmaxf(0.0f, -sinf(t));
            outer[i] = face_pt(h, t, 1.045f, 1.04f);
            outer[i].y -= 9.0f * sqrtf(top);
            outer[i].y -= 5.0f * expf(-(s - 0.68f) * (s - 0.68f) / 0.03f);
        }
        band(p, outer, inner, n, false, c);
        break;
    }
    case H_BUN:
        /* Pulled back into the bun: a smooth, high hairline. */
        for (int i = 0; i < n; i++) {
            float s = (float)i / (float)(n - 1), u = 2 * s - 1;
            outer[i] = face_pt(h, PI_F - 0.1f + (PI_F + 0.2f) * s, 1.05f, 1.07f);
            float y = cy - 46 + 52 * powf(fabsf(u), 3.2f);
            inner[i] = P(cx + rx * 0.92f * u, y);
        }
        band(p, outer, inner, n, false, c);
        break;
    case H_LONG: {
        /* A parting left of centre, and curtains that frame the face down to
           the jaw (the length itself is drawn behind the head). */
        float sp = 0.4f;
        pt a[MAXPTS], b[MAXPTS];
        int na = (int)((float)n * sp), nb = n - na + 1;
        bez_pts(a, na, P(cx - rx * 0.80f, cy + 42), P(cx - rx * 0.86f, cy - 30),
                P(cx - rx * 0.55f, cy - 50), P(cx - rx * 0.22f, cy - 54));
        bez_pts(b, nb, P(cx - rx * 0.22f, cy - 54), P(cx + rx * 0.35f, cy - 46),
                P(cx + rx * 0.92f, cy - 26), P(cx + rx * 0.80f, cy + 42));
        memcpy(inner, a, sizeof(pt) * (size_t)na);
        memcpy(inner + na, b + 1, sizeof(pt) * (size_t)(nb - 1));
        for (int i = 0; i < n; i++) {
            float s = (float)i / (float)(n - 1);
            outer[i] = face_pt(h, PI_F - 0.62f + (PI_F + 1.24f) * s, 1.1f, 1.12f);
        }
        band(p, outer, inner, n, false, c);
        break;
    }
    case H_CURLY: {
        /* A cap whose edges break into curls: small ones along the hairline,
           larger ones around the crown. */
        for (int i = 0; i < n; i++) {
            float s = (float)i / (float)(n - 1), u = 2 * s - 1;
            outer[i] = face_pt(h, PI_F - 0.2f + (PI_F + 0.4f) * s, 1.08f, 1.12f);
            inner[i] = P(cx + rx * 0.9f * u, cy - 36 + 44 * powf(fabsf(u), 3.5f));
        }
        band(p, outer, inner, n, false, c);
        int m = 9;
        for (int i = 0; i < m; i++) {
            float u = -0.9f + 1.8f * (float)i / (float)(m - 1);
            circle(p, cx + rx * 0.9f * u, cy - 36 + 44 * powf(fabsf(u), 3.5f), rx * 0.15f, c);
        }
        m = 11;
        for (int i = 0; i < m; i++) {
            float t = PI_F - 0.1f + (PI_F + 0.2f) * (float)i / (float)(m - 1);
            pt o = face_pt(h, t, 1.1f, 1.14f);
            circle(p, o.x, o.y, rx * 0.22f, c);
        }
        break;
    }
    case H_BALD: {
        /* A crescent of hair above each ear, and the shine of the scalp. */
        for (int side = -1; side <= 1; side += 2) {
            int m = 14;
            for (int i = 0; i < m; i++) {
                float s = (float)i / (float)(m - 1);
                float t = side < 0 ? PI_F + 0.42f - 0.78f * s : -0.42f + 0.78f * s;
                float w = sinf(PI_F * s);
                outer[i] = face_pt(h, t, 1.035f, 1.035f);
                inner[i] = face_pt(h, t, 1.035f - 0.11f * w, 1.0f);
            }
            band(p, outer, inner, m, false, c);
        }
        ellipse(p, cx - rx * 0.32f, cy - h->ryu * 0.74f, 15, 7, with_alpha(rgba(255, 255, 255, 255), 0.16f));
        break;
    }
    default:
        break;
    }
}

/* ---- face */

/* One eye, as the part of an oval between the upper and lower lids. */
static void draw_eye(const pen *p, const figure *f, float ex, float ey, float side, const float *e,
                     double blink)
{
    const float rx = 6.2f, ry = 8.0f;
    float open = e[E_EYE_OPEN] * (1.0f - (float)clampf((float)blink, 0, 1));
    float lid0 = ey - ry + (1.0f - open) * 2.0f * ry * 0.92f;
    float slant = e[E_LID_SLANT], smile = e[E_EYE_SMILE];
    int n = segs(p, ry, 10);
    pt top[MAXPTS], bot[MAXPTS];
    for (int i = 0; i < n; i++) {
        float phi = PI_F - PI_F * (float)i / (float)(n - 1);
        float u = cosf(phi), hh = sinf(phi) * ry;
        float x = ex + rx * u;
        float inward = u * side;   /* +1 at the inner corner */
        float lid = lid0 + slant * rx * inward * 1.4f + slant * rx * 0.4f;
        /* Smiling pushes the lower lid up until the eye is an arch. */
        float low = lerpf(ey + hh, ey - 0.72f * hh + 3.4f, smile);
        float t0 = fmaxf(ey - hh, lid), b0 = fminf(ey + hh, low);
        float minh = 2.4f * powf(1.0f - u * u, 0.35f);
        if (b0 - t0 < minh) {
            float mid = (b0 - t0 < 0) ? fminf(t0, ey + hh) : (t0 + b0) / 2;
            mid = clampf(mid, ey - hh, ey + hh);
            t0 = mid - minh / 2;
            b0 = mid + minh / 2;
        }
        top[i] = P(x, t0);
        bot[i] = P(x, b0);
    }
    band(p, top, bot, n, false, f->eye);
    /* A catch-light while the eye is open enough to hold one. */
    float hl_y = ey - ry * 0.35f, hl_x = ex + rx * 0.3f;
    float lid_at = lid0 + slant * rx * 0.3f * side * 1.4f + slant * rx * 0.4f;
    float low_at = lerpf(ey + ry, ey - 0.72f * ry + 3.4f, smile);
    if (hl_y - 2 > lid_at && hl_y + 2 < low_at && smile < 0.5f)
        circle(p, hl_x, hl_y, 1.8f, rgba(255, 255, 255, 230));
}

static void draw_mouth(const pen *p, const figure *f, const head *h, const float *e)
{
    float mx = h->hx, my = h->hy + 47;
    float half = e[E_MOUTH_HALF], curve = e[E_MOUTH_CURVE], open = e[E_MOUTH_OPEN];
    const float amp = 7.0f, thick = 3.6f, depth = 17.0f;
    int n = segs(p, half, 16);
    pt up[MAXPTS], lo[MAXPTS], tb[MAXPTS], tg[MAXPTS], tl[MAXPTS];
    float gaps[MAXPTS];
    /* An open smile drops its lower lip; an open frown (shouting) lifts the
       upper one more. Blended, so that nothing jumps as the mood moves. */
    float upper_share = lerpf(0.35f, 0.15f, clampf((curve + 0.2f) / 0.4f, 0, 1));
    for (int i = 0; i < n; i++) {
        float t = -1.0f + 2.0f * (float)i / (float)(n - 1);
        float w = 1.0f - t * t;
        float yc = my + curve * amp * (w - 0.5f);
        float th = thick * powf(w, 0.22f);
        float gap = open * depth * powf(w, 0.75f);
        float x = mx + half * t;
        up[i] = P(x, yc - th / 2 - gap * upper_share);
        lo[i] = P(x, yc + th / 2 + gap * (1.0f - upper_share));
        gaps[i] = lo[i].y - up[i].y;
    }
    band(p, up, lo, n, false, f->mouth);
    if (open > 0.05f && e[E_TEETH] > 0.01f) {
        /* Teeth under the upper lip, a tongue at the bottom of a wide smile. */
        SDL_Color teeth = with_alpha(rgba(252, 250, 246, 255), clampf((open - 0.05f) * 5, 0, 1) * e[E_TEETH]);
        for (int i = 0; i < n; i++) {
            float t = -1.0f + 2.0f * (float)i / (float)(n - 1);
            float inset = 0.8f;
            float hgt = fmaxf(0, gaps[i] - thick) * 0.42f * (1.0f - powf(fabsf(t), 6.0f));
            tb[i] = P(up[i].x, up[i].y + inset);
            tl[i] = P(up[i].x, up[i].y + inset + hgt);
            tg[i] = P(lo[i].x, lo[i].y - fmaxf(0, gaps[i] - thick) * 0.32f * (1.0f - t * t));
        }
        band(p, tb, tl, n, false, teeth);
        if (curve > 0.3f && open > 0.4f)
            band(p, tg, lo, n, false, with_alpha(rgba(214, 104, 104, 255), clampf(open - 0.4f, 0, 0.6f) / 0.6f));
    }
}

static void draw_face(const pen *p, const figure *f, const head *h, const float *e, double blink)
{
    float cx = h->hx, cy = h->hy, rx = h->rx;
    SDL_Color skin = mixc(f->skin, rgba(222, 96, 84, 255), 0.10f * e[E_FLUSH]);
    SDL_Color shade = darker(f->skin, 0.86f);

    /* Ears, then the face over them. */
    for (int side = -1; side <= 1; side += 2) {
        ellipse(p, cx + side * (rx - 1), cy + 8, 10, 14, skin);
        ellipse(p, cx + side * (rx + 1), cy + 9, 5, 8, shade);
    }
    pt q[MAXPTS];
    int n = segs(p, h->ryu, 24) * 2;
    if (n > MAXPTS - 1)
        n = MAXPTS - 1;
    for (int i = 0; i < n; i++)
        q[i] = face_pt(h, 2 * PI_F * (float)i / (float)n, 1, 1);
    fan(p, P(cx, cy), q, n, true, skin);

    /* Cheeks: red when angry, a soft blush when pleased. */
    for (int side = -1; side <= 1; side += 2) {
        if (e[E_FLUSH] > 0.01f)
            ellipse(p, cx + side * 36, cy + 27, 13, 8, with_alpha(rgba(226, 76, 70, 255), 0.42f * e[E_FLUSH]));
        if (e[E_BLUSH] > 0.01f)
            ellipse(p, cx + side * 37, cy + 28, 12, 7, with_alpha(rgba(240, 128, 120, 255), 0.30f * e[E_BLUSH]));
    }

    /* Nose: the shadow under its tip, as a crescent. */
    ellipse(p, cx, cy + 27, 7.5f, 5.0f, shade);
    ellipse(p, cx, cy + 24.6f, 8.0f, 5.0f, skin);

    if (f->beard) {
        /* A full beard along the jaw, open around the mouth, and a moustache. */
        float mb = cy + 47 + 7 + e[E_MOUTH_OPEN] * 15;
        pt outer[MAXPTS], inner[MAXPTS], half[MAXPTS];
        int m = 24, hn = m / 2;
        for (int i = 0; i < m; i++) {
            float s = (float)i / (float)(m - 1);
            outer[i] = face_pt(h, 0.16f + (PI_F - 0.32f) * s, 1.035f, 1.04f);
        }
        int a = bez_pts(half, hn / 2 + 1, P(cx + rx * 0.98f, cy + 12), P(cx + rx * 0.78f, cy + 22),
                        P(cx + rx * 0.45f, cy + 30), P(cx + rx * 0.40f, mb - 6));
        bez_pts(half + a - 1, hn - a + 1, P(cx + rx * 0.40f, mb - 6), P(cx + rx * 0.34f, mb + 4),
                P(cx + rx * 0.12f, mb + 4), P(cx + 1, mb + 4));
        for (int i = 0; i < hn; i++) {
            inner[i] = half[i];
            inner[m - 1 - i] = P(2 * cx - half[i].x, half[i].y);
        }
        band(p, outer, inner, m, false, f->hair);
        pt ms[24];
        int k = bez_pts(ms, 20, P(cx - 25, cy + 50), P(cx - 20, cy + 34), P(cx + 20, cy + 34),
                        P(cx + 25, cy + 50));
        stroke(p, ms, k, 7.5f, f->hair);
    }

    draw_mouth(p, f, h, e);

    draw_eye(p, f, cx - 23, cy + 6, +1, e, blink);
    draw_eye(p, f, cx + 23, cy + 6, -1, e, blink);

    if (f->glasses) {
        SDL_Color fr = f->frame;
        for (int side = -1; side <= 1; side += 2) {
            pt o[MAXPTS], in[MAXPTS];
            float gx = cx + side * 23 - 15, gy = cy - 5;
            int m = rrect_pts(o, gx, gy, 30, 23, 9, 6);
            rrect_pts(in, gx + 2.6f, gy + 2.6f, 30 - 5.2f, 23 - 5.2f, 6.4f, 6);
            poly(p, in, m, rgba(255, 255, 255, 40));
            band(p, o, in, m, true, fr);
            line(p, P(cx + side * 38, cy + 2), P(cx + side * (rx - 2), cy), 2.6f, fr);
        }
        pt br[8];
        int b = bez_pts(br, 8, P(cx - 8, cy + 1), P(cx - 4, cy - 3), P(cx + 4, cy - 3), P(cx + 8, cy + 1));
        stroke(p, br, b, 2.6f, fr);
    }
}

static void draw_brows(const pen *p, const figure *f, const head *h, const float *e)
{
    float cx = h->hx, by = h->hy - 15 - e[E_BROW_RAISE];
    for (int side = -1; side <= 1; side += 2) {
        pt q[24];
        float inner_x = cx + side * 11, outer_x = cx + side * 36;
        float iy = by + e[E_BROW_TILT] * 0.9f, oy = by - e[E_BROW_TILT] * 0.45f + 2;
        float arch = e[E_BROW_ARCH];
        int n = bez_pts(q, 16, P(inner_x, iy), P(lerpf(inner_x, outer_x, 0.35f), lerpf(iy, oy, 0.35f) - arch),
                        P(lerpf(inner_x, outer_x, 0.7f), lerpf(iy, oy, 0.7f) - arch), P(outer_x, oy));
        stroke(p, q, n, 5.4f, f->brow);
    }
    /* A frown line between the brows. */
    if (e[E_CREASE] > 0.05f) {
        SDL_Color c = with_alpha(darker(f->skin, 0.7f), 0.8f * e[E_CREASE]);
        line(p, P(cx - 3, by + 2), P(cx - 2, by + 9), 1.6f, c);
        line(p, P(cx + 3, by + 2), P(cx + 2, by + 9), 1.6f, c);
    }
}

void rp_draw_portrait(SDL_Renderer *r, SDL_Rect area, const rp_look *look, unsigned seed,
                      double mood, double reaction, double blink)
{
    if (r == NULL || area.w <= 0 || area.h <= 0)
        return;
    saved_state st;
    if (!begin(r, area, &st)) {
        end(r, &st);
        return;
    }
    float k = fminf((float)area.w / BOARD_W, (float)area.h / BOARD_H);
    float ox = (float)area.x + ((float)area.w - BOARD_W * k) / 2;
    float oy = (float)area.y + (float)area.h - BOARD_H * k;
    pen body = { r, k, 0, 0, k, ox, oy, k, 1.0f / k };

    /* Nonsense numbers draw a calm, still face rather than nothing. */
    if (isnan(mood))
        mood = 0;
    if (!(reaction >= 0))
        reaction = 0;
    if (!(blink >= 0))
        blink = 0;
    figure f = make_figure(look, seed);
    head h = { 150, 172, 62, 78, 74 };
    float e[NEXPR];
    expression(mood, e);

    /* The head is drawn at its own size (HEAD_SCALE) with the chin on the
       board at CHIN_Y. The reaction recoils it (up, tilted back) when unhappy
       and nods it when pleased, with a slight squash, about the chin. */
    float re = clampf((float)reaction, 0, 1);
    float m = clampf((float)mood, RP_MOOD_MIN, RP_MOOD_MAX);
    float ang = re * (m < 0 ? -0.07f : 0.05f);
    float dy = re * (m < 0 ? -5.0f : 4.0f);
    float sx = HEAD_SCALE * (1 + 0.02f * re), sy = HEAD_SCALE * (1 - 0.035f * re);
    float px = h.hx, py = h.hy + h.ryd;
    float ca = cosf(ang), sa = sinf(ang);
    /* board(x) = (150, CHIN_Y + dy) + R * S * (x - pivot) */
    float ha = ca * sx, hb = -sa * sy, hc = sa * sx, hd = ca * sy;
    float htx = 150 - ha * px - hb * py, hty = CHIN_Y + dy - hc * px - hd * py;
    pen hp = { r, k * ha, k * hb, k * hc, k * hd, k * htx + ox, k * hty + oy, k * HEAD_SCALE, 1.0f / (k * HEAD_SCALE) };

    draw_hair_back(&hp, &f, &h);
    draw_body(&body, &f);
    draw_face(&hp, &f, &h, e, blink);
    draw_hair_front(&hp, &f, &h);
    draw_brows(&hp, &f, &h, e);
    end(r, &st);
}

/* =============================================================== backdrops */

/*
 * Scenes are quiet on purpose: text panels sit on top of them, so colours
 * stay within a narrow, warm-grey range and shapes are few and large. Sizes
 * come from the area's height (U units = 1% of it), positions from fractions
 * of its width, so a wide window gets the same objects spread further apart.
 * Each scene is well under 300 triangles: straight edges skip the
 * anti-aliasing ramp, which only curved props use.
 */

typedef struct {
    pen flat;                    /* no anti-aliasing: rectangles, gradients */
    pen soft;                    /* anti-aliased: curved props */
    float W, H, U, F;            /* size, 1% of height, floor line */
} scene;

static void rect(const pen *p, float x, float y, float w, float h, SDL_Color c)
{
    quad(p, P(x, y), P(x + w, y), P(x + w, y + h), P(x, y + h), c);
}

/* A vertical gradient as flat bands, one per step of colour: as smooth as a
   shaded quad, and far cheaper on the software renderer. */
static void bands(const pen *p, float x, float y, float w, float h, SDL_Color top, SDL_Color bottom)
{
    int d = abs(top.r - bottom.r);
    if (abs(top.g - bottom.g) > d)
        d = abs(top.g - bottom.g);
    if (abs(top.b - bottom.b) > d)
        d = abs(top.b - bottom.b);
    int n = d / 2 + 1 > 10 ? 10 : d / 2 + 1;
    if ((float)n > h / 2)
        n = h >= 2 ? (int)(h / 2) : 1;
    /* Band edges on whole pixels, so that neighbours neither gap nor overlap. */
    for (int i = 0; i < n; i++) {
        float y0 = roundf(y + h * (float)i / (float)n), y1 = roundf(y + h * (float)(i + 1) / (float)n);
        rect(p, x, y0, w, y1 - y0, mixc(top, bottom, n > 1 ? (float)i / (float)(n - 1) : 0));
    }
}

static void room(const scene *s, SDL_Color wall_top, SDL_Color wall_bottom, SDL_Color floor_top,
                 SDL_Color floor_bottom)
{
    bands(&s->flat, 0, 0, s->W, s->F, wall_top, wall_bottom);
    bands(&s->flat, 0, s->F, s->W, s->H - s->F, floor_top, floor_bottom);
    rect(&s->flat, 0, s->F - s->U * 0.8f, s->W, s->U * 0.8f, darker(wall_bottom, 0.94f));   /* skirting */
}

/* A window with a soft sky, distant buildings and a cross of mullions. */
static void window_view(const scene *s, float x, float y, float w, float h)
{
    const pen *p = &s->flat;
    float U = s->U, fr = U * 1.2f;
    rect(p, x - fr, y - fr, w + 2 * fr, h + 2 * fr, rgba(246, 244, 240, 255));
    bands(p, x, y, w, h, rgba(200, 218, 228, 255), rgba(226, 234, 236, 255));
    /* Distant buildings, barely darker than the sky. */
    SDL_Color bld = rgba(190, 204, 212, 255);
    for (int i = 0; i < 5; i++) {
        float bw = w * (0.14f + 0.05f * (float)pick((unsigned)i, 21, 3));
        float bh = h * (0.18f + 0.08f * (float)pick((unsigned)i, 22, 4));
        float bx = x + w * (float)i / 5.0f + w * 0.02f;
        rect(p, bx, y + h - bh, fminf(bw, x + w - bx), bh, bld);
    }
    rect(p, x + w / 2 - fr / 2, y, fr, h, rgba(246, 244, 240, 255));
    rect(p, x, y + h * 0.42f, w, fr, rgba(246, 244, 240, 255));
    rect(p, x - fr * 2, y + h + fr, w + fr * 4, U * 1.4f, rgba(236, 232, 226, 255));   /* sill */
}

/* A desk top seen from the front: the slab and its shadow. */
static void desk(const scene *s, float x, float y, float w, SDL_Color wood)
{
    float U = s->U;
    rect(&s->flat, x, y, w, U * 2.2f, wood);
    rect(&s->flat, x, y + U * 2.2f, w, U * 0.9f, darker(wood, 0.86f));
    rect(&s->flat, x + U * 3, y + U * 3.1f, U * 1.6f, s->H - y, darker(wood, 0.8f));
    rect(&s->flat, x + w - U * 4.6f, y + U * 3.1f, U * 1.6f, s->H - y, darker(wood, 0.8f));
}

/* A leaf as a pointed lens from `base` towards `ang` (radians, 0 = right). */
static void leaf(const pen *p, pt base, float ang, float len, float wid, SDL_Color c)
{
    float dx = cosf(ang), dy = sinf(ang), nx = -dy, ny = dx;
    pt tip = P(base.x + dx * len, base.y + dy * len);
    pt q[24];
    int n = bez_pts(q, 5, base, P(base.x + dx * len * 0.3f + nx * wid, base.y + dy * len * 0.3f + ny * wid),
                    P(base.x + dx * len * 0.75f + nx * wid * 0.7f, base.y + dy * len * 0.75f + ny * wid * 0.7f), tip);
    n--;
    n += bez_pts(q + n, 5, tip,
                 P(base.x + dx * len * 0.75f - nx * wid * 0.7f, base.y + dy * len * 0.75f - ny * wid * 0.7f),
                 P(base.x + dx * len * 0.3f - nx * wid, base.y + dy * len * 0.3f - ny * wid), base);
    fan(p, P(base.x + dx * len * 0.45f, base.y + dy * len * 0.45f), q, n - 1, true, c);
}

static void plant(const scene *s, float x, float floor_y, float size)
{
    float u = size / 30.0f;
    static const SDL_Color greens[3] = { { 122, 152, 124, 255 }, { 142, 170, 134, 255 }, { 106, 138, 114, 255 } };
    static const float angles[7] = { -2.55f, -2.2f, -1.85f, -1.57f, -1.3f, -0.95f, -0.6f };
    static const float lens[7] = { 15, 19, 22, 24, 21, 19, 15 };
    pt base = P(x, floor_y - 14 * u);
    for (int i = 0; i < 7; i++)
        leaf(&s->soft, base, angles[i], lens[i] * u, 4.2f * u, greens[i % 3]);
    /* The pot: a tapered trapezoid with a rim. */
    SDL_Color pot = rgba(196, 160, 136, 255);
    quad(&s->soft, P(x - 8 * u, floor_y - 14 * u), P(x + 8 * u, floor_y - 14 * u), P(x + 6 * u, floor_y),
         P(x - 6 * u, floor_y), pot);
    rect(&s->flat, x - 9 * u, floor_y - 16 * u, 18 * u, 3 * u, darker(pot, 0.92f));
}

static void scene_counter(const scene *s)
{
    const pen *p = &s->flat;
    float W = s->W, U = s->U;
    /* No floor: the counter fills the lower part of the scene. */
    float cy = roundf(s->H * 0.72f);
    bands(p, 0, 0, W, cy, rgba(238, 233, 224, 255), rgba(228, 221, 210, 255));
    /* Shelving along the back wall, three bays of goods. */
    float top = s->H * 0.10f, bottom = s->H * 0.70f;
    rect(p, W * 0.04f, top, W * 0.92f, bottom - top, rgba(228, 220, 208, 255));
    static const SDL_Color goods[6] = {
        { 178, 198, 194, 255 }, { 216, 194, 164, 255 }, { 192, 174, 188, 255 },
        { 172, 188, 206, 255 }, { 222, 208, 174, 255 }, { 202, 166, 154, 255 },
    };
    SDL_Color wood = rgba(210, 190, 162, 255);
    for (int shelf = 0; shelf < 3; shelf++) {
        float sy = top + (bottom - top) * (0.30f + 0.30f * (float)shelf);
        float x = W * 0.05f;
        unsigned k = (unsigned)shelf * 97u;
        /* Goods stand in small runs of the same product: boxes, jars, bottles. */
        while (x < W * 0.93f) {
            int kind = pick(k, 31, 3), count = 2 + pick(k, 32, 2);
            SDL_Color c = goods[pick(k, 33, 6)];
            float w = U * (kind == 0 ? 7.5f : kind == 1 ? 4.6f : 3.0f);
            float h = U * (kind == 0 ? 7.0f + (float)pick(k, 34, 3) : kind == 1 ? 5.8f : 8.5f);
            for (int i = 0; i < count && x + w < W * 0.93f; i++) {
                if (kind == 0) {
                    rect(p, x, sy - h, w, h, c);
                    rect(p, x, sy - h * 0.62f, w, h * 0.22f, lighter(c, 0.35f));
                } else if (kind == 1) {
                    rect(p, x, sy - h, w, h, c);
                    rect(p, x + U * 0.3f, sy - h - U * 1.2f, w - U * 0.6f, U * 1.2f, darker(c, 0.85f));
                } else {
                    rect(p, x, sy - h, w, h, c);
                    rect(p, x + w * 0.3f, sy - h - U * 2.2f, w * 0.4f, U * 2.2f, c);
                }
                x += w + U * 0.6f;
            }
            x += U * (3.0f + 2.5f * (float)pick(k, 35, 3));
            k++;
        }
        rect(p, W * 0.04f, sy, W * 0.92f, U * 1.3f, wood);
        rect(p, W * 0.04f, sy + U * 1.3f, W * 0.92f, U * 0.6f, rgba(0, 0, 0, 18));
    }
    for (int i = 0; i < 4; i++)
        rect(p, W * (0.04f + 0.30f * (float)i) - U * 0.6f, top, U * 1.2f, bottom - top, darker(wood, 0.92f));
    /* The counter: a pale top and a panelled front. */
    SDL_Color front = rgba(170, 186, 182, 255);
    rect(p, 0, cy, W, s->H - cy, front);
    rect(p, 0, cy - U * 2.4f, W, U * 2.4f, rgba(236, 230, 220, 255));
    rect(p, 0, cy, W, U * 1.0f, rgba(0, 0, 0, 22));
    for (int i = 1; i < 6; i++)
        rect(p, W * (float)i / 6.0f, cy + U * 3, U * 0.4f, s->H - cy - U * 3, darker(front, 0.94f));
    /* A card terminal by the till. */
    rrect(&s->soft, W * 0.86f, cy - U * 9.4f, U * 5.2f, U * 7.4f, U * 1.0f, rgba(92, 98, 106, 255));
    rrect(&s->soft, W * 0.86f + U * 0.9f, cy - U * 8.4f, U * 3.4f, U * 2.6f, U * 0.4f, rgba(176, 204, 200, 255));
}

static void scene_phone(const scene *s)
{
    float W = s->W, U = s->U;
    room(s, rgba(234, 234, 229, 255), rgba(222, 221, 214, 255), rgba(204, 198, 190, 255), rgba(194, 188, 180, 255));
    window_view(s, W * 0.66f, s->H * 0.12f, W * 0.26f, s->H * 0.44f);
    float dy = s->H * 0.76f;
    /* Headset resting on the desk. */
    const pen *p = &s->soft;
    float hx = W * 0.56f, r = U * 6.5f;
    SDL_Color grey = rgba(98, 104, 112, 255);
    pt arc[40];
    int n = arc_pts(arc, 14, hx, dy - U * 2.6f, r, r * 1.05f, PI_F, 2 * PI_F);
    stroke(p, arc, n, U * 1.3f, grey);
    ellipse(p, hx - r, dy - U * 2.8f, U * 1.9f, U * 2.8f, grey);
    ellipse(p, hx + r, dy - U * 2.8f, U * 1.9f, U * 2.8f, grey);
    pt boom[16];
    n = bez_pts(boom, 6, P(hx - r, dy - U * 1.4f), P(hx - r + U * 2, dy - U * 0.2f),
                P(hx - U * 1.0f, dy - U * 0.6f), P(hx + U * 0.2f, dy - U * 1.4f));
    stroke(p, boom, n, U * 0.6f, grey);
    circle(&s->flat, hx + U * 0.4f, dy - U * 1.5f, U * 0.9f, darker(grey, 0.8f));
    /* A desk phone with its handset and keypad. */
    float px = W * 0.80f;
    SDL_Color body = rgba(116, 122, 130, 255);
    quad(p, P(px - U * 6.5f, dy - U * 6), P(px + U * 6.5f, dy - U * 6), P(px + U * 8, dy), P(px - U * 8, dy), body);
    rrect(p, px - U * 8.5f, dy - U * 8.6f, U * 17, U * 2.8f, U * 1.4f, darker(body, 0.85f));
    for (int row = 0; row < 2; row++)
        for (int col = 0; col < 4; col++)
            rect(&s->flat, px - U * 4.2f + (float)col * U * 2.3f, dy - U * 4.6f + (float)row * U * 2.0f, U * 1.4f,
                 U * 1.1f, rgba(206, 210, 214, 255));
    desk(s, 0, dy, W, rgba(214, 198, 176, 255));
}

static void scene_chat(const scene *s)
{
    float W = s->W, U = s->U;
    room(s, rgba(236, 233, 228, 255), rgba(224, 220, 213, 255), rgba(206, 200, 192, 255), rgba(196, 190, 182, 255));
    /* A floating shelf with a few books. */
    const pen *p = &s->flat;
    float sx = W * 0.70f, sy = s->H * 0.28f;
    static const SDL_Color books[5] = {
        { 176, 196, 194, 255 }, { 206, 184, 160, 255 }, { 160, 176, 196, 255 },
        { 214, 200, 170, 255 }, { 190, 170, 180, 255 },
    };
    float bx = sx + U * 2;
    for (int i = 0; i < 5; i++) {
        float bh = U * (7 + (float)pick((unsigned)i, 41, 3));
        rect(p, bx, sy - bh, U * 2.2f, bh, books[i]);
        bx += U * 2.5f;
    }
    rect(p, sx, sy, W * 0.2f, U * 1.2f, rgba(214, 198, 176, 255));
    /* The laptop: screen with a conversation, and its deck. */
    float dy = s->H * 0.78f, lx = W * 0.80f, sw = U * 34, sh = U * 22;
    const pen *q = &s->soft;
    rrect(q, lx - sw / 2, dy - sh - U * 1.2f, sw, sh, U * 1.4f, rgba(92, 98, 108, 255));
    rect(p, lx - sw / 2 + U * 1.2f, dy - sh, sw - U * 2.4f, sh - U * 3.4f, rgba(244, 246, 247, 255));
    static const float bw[4] = { 0.55f, 0.42f, 0.62f, 0.36f };
    for (int i = 0; i < 4; i++) {
        bool mine = i % 2 == 1;
        float w = (sw - U * 6) * bw[i], h = U * 3.2f;
        float x = mine ? lx + sw / 2 - U * 2.6f - w : lx - sw / 2 + U * 4.6f;
        float y = dy - sh + U * 1.6f + (float)i * U * 4.2f;
        rrect(p, x, y, w, h, U * 1.4f, mine ? rgba(172, 208, 202, 255) : rgba(222, 228, 232, 255));
        if (!mine)
            circle(p, lx - sw / 2 + U * 2.8f, y + h / 2, U * 1.1f, rgba(200, 206, 212, 255));
    }
    quad(q, P(lx - sw / 2 - U * 3, dy - U * 1.2f), P(lx + sw / 2 + U * 3, dy - U * 1.2f), P(lx + sw / 2 + U * 4.5f, dy),
         P(lx - sw / 2 - U * 4.5f, dy), rgba(196, 200, 206, 255));
    /* A mug. */
    float mx = W * 0.60f;
    rrect(q, mx, dy - U * 5.6f, U * 4.2f, U * 5.6f, U * 0.8f, rgba(226, 170, 140, 255));
    pt handle[16];
    int n = arc_pts(handle, 7, mx + U * 4.2f, dy - U * 3.0f, U * 1.5f, U * 1.6f, -PI_F / 2, PI_F / 2);
    stroke(q, handle, n, U * 0.7f, rgba(226, 170, 140, 255));
    desk(s, 0, dy, W, rgba(216, 202, 182, 255));
}

static void scene_office(const scene *s)
{
    float W = s->W, U = s->U;
    room(s, rgba(235, 231, 223, 255), rgba(223, 217, 207, 255), rgba(206, 198, 187, 255), rgba(196, 188, 177, 255));
    window_view(s, W * 0.58f, s->H * 0.12f, W * 0.24f, s->H * 0.42f);
    /* A framed print. */
    const pen *p = &s->flat;
    float fx = W * 0.38f, fy = s->H * 0.18f, fw = U * 20, fh = U * 15;
    rect(p, fx, fy, fw, fh, rgba(214, 206, 194, 255));
    rect(p, fx + U, fy + U, fw - 2 * U, fh - 2 * U, rgba(244, 240, 234, 255));
    circle(&s->soft, fx + fw * 0.38f, fy + fh * 0.45f, U * 3.4f, rgba(222, 190, 160, 255));
    quad(&s->soft, P(fx + U * 2, fy + fh - U * 2), P(fx + fw * 0.55f, fy + fh * 0.5f), P(fx + fw * 0.75f, fy + fh * 0.7f),
         P(fx + fw - U * 2, fy + fh - U * 2), rgba(168, 190, 184, 255));
    /* The desk with a lamp, and a plant on the floor. */
    float dy = s->H * 0.78f;
    SDL_Color lamp = rgba(120, 132, 140, 255);
    line(&s->soft, P(W * 0.74f, dy), P(W * 0.72f, dy - U * 10), U * 0.8f, lamp);
    line(&s->soft, P(W * 0.72f, dy - U * 10), P(W * 0.76f, dy - U * 14), U * 0.8f, lamp);
    quad(&s->soft, P(W * 0.76f - U * 2, dy - U * 16), P(W * 0.76f + U * 2.5f, dy - U * 15), P(W * 0.76f + U * 4.5f, dy - U * 10.5f),
         P(W * 0.76f - U * 3.5f, dy - U * 12.5f), lamp);
    rect(p, W * 0.74f - U * 3, dy - U * 0.8f, U * 6, U * 0.8f, lamp);
    desk(s, W * 0.34f, dy, W * 0.52f, rgba(212, 194, 168, 255));
    plant(s, W * 0.93f, s->H * 0.97f, s->H * 0.38f);
}

static void scene_meeting(const scene *s)
{
    float W = s->W, U = s->U;
    room(s, rgba(233, 233, 229, 255), rgba(221, 220, 214, 255), rgba(200, 196, 190, 255), rgba(190, 186, 180, 255));
    /* The whiteboard with a bar chart, notes and a line of writing. */
    const pen *p = &s->flat;
    float bx = W * 0.44f, by = s->H * 0.12f, bw = W * 0.38f, bh = s->H * 0.38f;
    rect(p, bx - U, by - U, bw + 2 * U, bh + 2 * U, rgba(200, 204, 208, 255));
    rect(p, bx, by, bw, bh, rgba(249, 249, 247, 255));
    rect(p, bx + bw * 0.1f, by + bh + U, bw * 0.8f, U * 1.2f, rgba(188, 192, 196, 255));
    static const float bars[4] = { 0.35f, 0.55f, 0.45f, 0.75f };
    static const SDL_Color bar_c[4] = {
        { 168, 196, 206, 255 }, { 168, 196, 206, 255 }, { 168, 196, 206, 255 }, { 150, 190, 170, 255 },
    };
    float base = by + bh * 0.85f;
    for (int i = 0; i < 4; i++)
        rect(p, bx + bw * (0.08f + 0.09f * (float)i), base - bh * 0.6f * bars[i], bw * 0.06f, bh * 0.6f * bars[i], bar_c[i]);
    rect(p, bx + bw * 0.06f, base, bw * 0.4f, U * 0.4f, rgba(150, 156, 164, 255));
    static const SDL_Color notes[3] = { { 242, 224, 160, 255 }, { 236, 196, 190, 255 }, { 196, 220, 232, 255 } };
    for (int i = 0; i < 3; i++)
        rect(p, bx + bw * (0.56f + 0.13f * (float)i), by + bh * (0.14f + 0.1f * (float)(i % 2)), U * 6, U * 6, notes[i]);
    pt wave[24];
    int n = 0;
    for (int i = 0; i < 9; i++) {
        float t = (float)i / 8.0f;
        wave[n++] = P(bx + bw * (0.56f + 0.36f * t), by + bh * 0.66f + sinf(t * 14) * U * 0.6f);
    }
    stroke(&s->soft, wave, n, U * 0.45f, rgba(150, 160, 176, 255));
    for (int i = 0; i < 5; i++)
        wave[i] = P(bx + bw * (0.56f + 0.055f * (float)i), by + bh * 0.78f + sinf((float)i * 2.1f) * U * 0.5f);
    stroke(&s->soft, wave, 5, U * 0.45f, rgba(150, 160, 176, 255));
    /* Chair backs behind a long table seen slightly from above. */
    float ty = s->H * 0.70f;
    SDL_Color chair = rgba(128, 142, 156, 255);
    for (int i = 0; i < 4; i++)
        rrect(&s->soft, W * (0.34f + 0.17f * (float)i), ty - U * 12, U * 11, U * 13, U * 2.4f, chair);
    SDL_Color wood = rgba(206, 184, 156, 255);
    quad(&s->soft, P(W * 0.22f, ty), P(W * 1.02f, ty), P(W * 1.10f, ty + U * 9), P(W * 0.12f, ty + U * 9), wood);
    rect(p, W * 0.12f, ty + U * 9, W * 0.98f, U * 2.2f, darker(wood, 0.86f));
}

static void scene_warehouse(const scene *s)
{
    float W = s->W, U = s->U;
    room(s, rgba(222, 224, 223, 255), rgba(210, 212, 211, 255), rgba(194, 194, 190, 255), rgba(182, 182, 178, 255));
    const pen *p = &s->flat;
    /* High windows. */
    for (int i = 0; i < 5; i++)
        rect(p, W * (0.08f + 0.19f * (float)i), s->H * 0.04f, W * 0.12f, U * 5, rgba(232, 238, 240, 255));
    /* Racking: steel uprights, orange beams, cartons. */
    SDL_Color steel = rgba(122, 140, 160, 255), beam = rgba(208, 152, 102, 255);
    static const SDL_Color carton[3] = { { 204, 174, 134, 255 }, { 190, 160, 120, 255 }, { 214, 188, 150, 255 } };
    float top = s->H * 0.14f;
    const float levels[3] = { 0.34f, 0.52f, 0.70f };
    int bays = 4;
    for (int b = 0; b < bays; b++) {
        float x0 = W * (0.06f + 0.225f * (float)b), x1 = x0 + W * 0.215f;
        for (int l = 0; l < 3; l++) {
            float ly = s->H * levels[l];
            float x = x0 + U * 2.2f;
            for (int k = 0; k < 3; k++) {
                unsigned id = (unsigned)(b * 9 + l * 3 + k);
                float cw = (x1 - x0 - U * 6) / 3.0f - U * 0.4f * (float)pick(id, 51, 3);
                float ch = U * (8.0f + 2.0f * (float)pick(id, 52, 3));
                SDL_Color c = carton[pick(id, 53, 3)];
                rect(p, x, ly - ch, cw, ch, c);
                rect(p, x + cw * 0.42f, ly - ch, cw * 0.16f, ch * 0.5f, lighter(c, 0.25f));
                x += cw + U * 1.0f;
            }
            rect(p, x0, ly, x1 - x0, U * 1.6f, beam);
        }
        rect(p, x0 - U * 0.8f, top, U * 1.6f, s->F - top, steel);
        rect(p, x1 - U * 0.8f, top, U * 1.6f, s->F - top, steel);
    }
    /* A pallet with cartons, and the painted walkway line. */
    rect(p, 0, s->H * 0.86f, W, U * 1.0f, rgba(214, 196, 128, 255));
    float px = W * 0.78f, py = s->H * 0.95f, pw = U * 26;
    SDL_Color slat = rgba(184, 158, 124, 255);
    rect(p, px, py - U * 1.2f, pw, U * 1.2f, slat);
    for (int i = 0; i < 3; i++)
        rect(p, px + (pw - U * 3) * (float)i / 2.0f, py, U * 3, U * 1.6f, darker(slat, 0.85f));
    rect(p, px, py + U * 1.6f, pw, U * 1.0f, slat);
    rect(p, px + U, py - U * 11, U * 12, U * 9.8f, carton[0]);
    rect(p, px + U * 13.5f, py - U * 11, U * 11.5f, U * 9.8f, carton[1]);
    rect(p, px + U * 6, py - U * 19, U * 12, U * 8, carton[2]);
}

void rp_draw_backdrop(SDL_Renderer *r, SDL_Rect area, const char *setting, bool high_contrast)
{
    if (r == NULL || area.w <= 0 || area.h <= 0)
        return;
    saved_state st;
    if (!begin(r, area, &st)) {
        end(r, &st);
        return;
    }
    scene s;
    s.flat = (pen){ r, 1, 0, 0, 1, (float)area.x, (float)area.y, 1, 0 };
    s.soft = s.flat;
    s.soft.feather = 1;
    s.soft.scale = 0.3f;         /* coarser curves: props are small and quiet */
    s.W = (float)area.w;
    s.H = (float)area.h;
    s.U = s.H / 100.0f;
    s.F = roundf(s.H * 0.80f);
    if (high_contrast) {
        /* Nearly flat and dark, so that any theme colour reads on top. */
        bands(&s.flat, 0, 0, s.W, s.H, rgba(20, 22, 26, 255), rgba(12, 13, 16, 255));
        rect(&s.flat, 0, s.F, s.W, fmaxf(1, s.U * 0.3f), rgba(44, 47, 52, 255));
    } else if (setting && strcmp(setting, "counter") == 0) {
        scene_counter(&s);
    } else if (setting && strcmp(setting, "phone") == 0) {
        scene_phone(&s);
    } else if (setting && strcmp(setting, "chat") == 0) {
        scene_chat(&s);
    } else if (setting && strcmp(setting, "meeting") == 0) {
        scene_meeting(&s);
    } else if (setting && strcmp(setting, "warehouse") == 0) {
        scene_warehouse(&s);
    } else {
        scene_office(&s);
    }
    end(r, &st);
}
