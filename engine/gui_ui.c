/*
 * gui_ui.c - drawing primitives for the window: themes, rounded panels
 * drawn with SDL_RenderGeometry, fonts opened per pixel size, and a cache
 * of rendered text textures so that drawing the same text again costs one
 * texture copy and no TTF call.
 */
#include "gui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_LIMIT 700          /* textures kept; least recently used go first */

struct ui_text_entry {
    ui_text_entry *next;
    unsigned hash;
    ui_face face;
    int px;
    SDL_Color c;
    char *s;
    SDL_Texture *tex;
    int w, h;
    int *xs;                     /* x after each character (typewriter), lazily */
    int n_xs;
    unsigned used;
};

static const ui_theme light = {
    .bg = { 0xF3, 0xF0, 0xEA, 255 }, .surface = { 0xFF, 0xFF, 0xFF, 255 },
    .surface_alt = { 0xEC, 0xF2, 0xF3, 255 }, .text = { 0x1D, 0x29, 0x31, 255 },
    .muted = { 0x56, 0x63, 0x6C, 255 }, .primary = { 0x1B, 0x66, 0x6E, 255 },
    .primary_text = { 0xFF, 0xFF, 0xFF, 255 }, .focus = { 0xE0, 0x8A, 0x1E, 255 },
    .border = { 0xD5, 0xDB, 0xDE, 255 }, .shadow = { 0x10, 0x20, 0x28, 40 },
    .overlay = { 0x14, 0x1E, 0x24, 170 }, .bubble = { 0xFF, 0xFF, 0xFF, 245 },
    .bubble_text = { 0x1D, 0x29, 0x31, 255 }, .you = { 0xDD, 0xEE, 0xEC, 250 },
    .quality = { { 0xB3, 0x26, 0x1E, 255 }, { 0xA8, 0x5A, 0x00, 255 },
                 { 0x1F, 0x5F, 0xAE, 255 }, { 0x1E, 0x7A, 0x3A, 255 } },
    .pass = { 0x1E, 0x7A, 0x3A, 255 }, .fail = { 0xB3, 0x26, 0x1E, 255 },
    .timer = { 0xD0, 0x6A, 0x12, 255 },
};

static const ui_theme contrast = {
    .bg = { 0, 0, 0, 255 }, .surface = { 0, 0, 0, 255 }, .surface_alt = { 0x1A, 0x1A, 0x1A, 255 },
    .text = { 255, 255, 255, 255 }, .muted = { 0xE6, 0xE6, 0xE6, 255 },
    .primary = { 0xFF, 0xE0, 0x00, 255 }, .primary_text = { 0, 0, 0, 255 },
    .focus = { 0x00, 0xE5, 0xFF, 255 }, .border = { 255, 255, 255, 255 },
    .shadow = { 0, 0, 0, 0 }, .overlay = { 0, 0, 0, 225 }, .bubble = { 0, 0, 0, 255 },
    .bubble_text = { 255, 255, 255, 255 }, .you = { 0x10, 0x10, 0x10, 255 },
    .quality = { { 0xFF, 0x7B, 0x7B, 255 }, { 0xFF, 0xC2, 0x4D, 255 },
                 { 0x8C, 0xC8, 0xFF, 255 }, { 0x7D, 0xF0, 0x8C, 255 } },
    .pass = { 0x7D, 0xF0, 0x8C, 255 }, .fail = { 0xFF, 0x7B, 0x7B, 255 },
    .timer = { 0xFF, 0xE0, 0x00, 255 },
};

int U(const ui *u, float units)
{
    return (int)lroundf(units * u->scale);
}

SDL_Rect R(const ui *u, float x, float y, float w, float h)
{
    return (SDL_Rect){ U(u, x), U(u, y), U(u, w), U(u, h) };
}

int ui_init(ui *u, SDL_Renderer *r, const char *assets_dir, char *err, size_t errsize)
{
    memset(u, 0, sizeof *u);
    u->r = r;
    u->text_scale = 100;
    u->th = light;
    static const char *const files[FACE_COUNT] = {
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"
    };
    static const char *const system_dirs[] = {
        "/usr/share/fonts/truetype/dejavu", "/usr/local/share/fonts", NULL
    };
    for (int f = 0; f < FACE_COUNT; f++) {
        snprintf(u->font_path[f], sizeof u->font_path[f], "%s/fonts/%s", assets_dir, files[f]);
        TTF_Font *probe = TTF_OpenFont(u->font_path[f], 12);
        /* A missing or damaged bundled font: fall back to the system's copy. */
        for (int d = 0; probe == NULL && system_dirs[d]; d++) {
            snprintf(u->font_path[f], sizeof u->font_path[f], "%s/%s", system_dirs[d], files[f]);
            probe = TTF_OpenFont(u->font_path[f], 12);
        }
        if (probe == NULL && f > 0) {
            snprintf(u->font_path[f], sizeof u->font_path[f], "%s", u->font_path[0]);
            probe = TTF_OpenFont(u->font_path[f], 12);
        }
        if (probe == NULL) {
            snprintf(err, errsize, "cannot open the font %s/fonts/%s (%s); reinstall Rapport's assets "
                     "or set RAPPORT_ASSETS to the folder that holds fonts/", assets_dir, files[f], TTF_GetError());
            return -1;
        }
        TTF_CloseFont(probe);
    }
    return 0;
}

static void cache_clear(ui *u)
{
    for (int b = 0; b < UI_CACHE_BUCKETS; b++) {
        for (ui_text_entry *e = u->cache[b], *n; e; e = n) {
            n = e->next;
            SDL_DestroyTexture(e->tex);
            free(e->s);
            free(e->xs);
            free(e);
        }
        u->cache[b] = NULL;
    }
    u->cache_count = 0;
}

static void fonts_clear(ui *u)
{
    for (int i = 0; i < u->n_fonts; i++)
        TTF_CloseFont(u->fonts[i].font);
    u->n_fonts = 0;
}

void ui_free(ui *u)
{
    cache_clear(u);
    fonts_clear(u);
}

void ui_resize(ui *u, int w, int h)
{
    u->w = w;
    u->h = h;
    float sx = (float)w / 1280.0f, sy = (float)h / 720.0f;
    u->scale = sx < sy ? sx : sy;
    if (u->scale < 0.3f)
        u->scale = 0.3f;
    cache_clear(u);            /* sizes changed: every texture is stale */
    fonts_clear(u);
}

void ui_drop_textures(ui *u)
{
    cache_clear(u);
}

void ui_set_theme(ui *u, bool high_contrast)
{
    u->high_contrast = high_contrast;
    u->th = high_contrast ? contrast : light;
}

void ui_begin_frame(ui *u)
{
    u->frame++;
    u->n_hits = 0;
}

TTF_Font *ui_font(ui *u, ui_face face, float size)
{
    int px = (int)lroundf(size * u->scale * (float)u->text_scale / 100.0f);
    if (px < 6)
        px = 6;
    for (int i = 0; i < u->n_fonts; i++)
        if (u->fonts[i].px == px && u->fonts[i].face == face)
            return u->fonts[i].font;
    if (u->n_fonts == (int)(sizeof u->fonts / sizeof u->fonts[0]))
        fonts_clear(u);        /* rare: many sizes after resizing; start over */
    TTF_Font *f = TTF_OpenFont(u->font_path[face], px);
    if (f == NULL)
        f = TTF_OpenFont(u->font_path[FACE_REGULAR], px);
    if (f == NULL)
        return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    u->fonts[u->n_fonts].px = px;
    u->fonts[u->n_fonts].face = face;
    u->fonts[u->n_fonts].font = f;
    u->n_fonts++;
    return f;
}

int ui_line_height(ui *u, ui_face face, float size)
{
    TTF_Font *f = ui_font(u, face, size);
    return f ? TTF_FontLineSkip(f) : U(u, size * 1.3f);
}

/* ---- shapes -------------------------------------------------------------------- */

void ui_fill(ui *u, SDL_Rect r, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(u->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(u->r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(u->r, &r);
}

#define CORNER_SEGMENTS 8

/* Adds a quarter-circle fan around (cx, cy) from angle a0 (radians). */
static int fan(SDL_Vertex *v, int n, float cx, float cy, float rad, float a0, SDL_Color c)
{
    SDL_FPoint centre = { cx, cy };
    for (int i = 0; i < CORNER_SEGMENTS; i++) {
        float t0 = a0 + (float)M_PI / 2 * (float)i / CORNER_SEGMENTS;
        float t1 = a0 + (float)M_PI / 2 * (float)(i + 1) / CORNER_SEGMENTS;
        v[n++] = (SDL_Vertex){ centre, c, { 0, 0 } };
        v[n++] = (SDL_Vertex){ { cx + rad * cosf(t0), cy + rad * sinf(t0) }, c, { 0, 0 } };
        v[n++] = (SDL_Vertex){ { cx + rad * cosf(t1), cy + rad * sinf(t1) }, c, { 0, 0 } };
    }
    return n;
}

static int quad(SDL_Vertex *v, int n, float x, float y, float w, float h, SDL_Color c)
{
    SDL_FPoint p[4] = { { x, y }, { x + w, y }, { x + w, y + h }, { x, y + h } };
    static const int idx[6] = { 0, 1, 2, 0, 2, 3 };
    for (int i = 0; i < 6; i++)
        v[n++] = (SDL_Vertex){ p[idx[i]], c, { 0, 0 } };
    return n;
}

void ui_round(ui *u, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    if (radius * 2 > r.w) radius = r.w / 2;
    if (radius * 2 > r.h) radius = r.h / 2;
    if (radius <= 0) {
        ui_fill(u, r, c);
        return;
    }
    SDL_Vertex v[4 * CORNER_SEGMENTS * 3 + 3 * 6];
    int n = 0;
    float x = (float)r.x, y = (float)r.y, w = (float)r.w, h = (float)r.h, rd = (float)radius;
    n = quad(v, n, x + rd, y, w - 2 * rd, h, c);
    n = quad(v, n, x, y + rd, rd, h - 2 * rd, c);
    n = quad(v, n, x + w - rd, y + rd, rd, h - 2 * rd, c);
    n = fan(v, n, x + rd, y + rd, rd, (float)M_PI, c);
    n = fan(v, n, x + w - rd, y + rd, rd, (float)M_PI * 1.5f, c);
    n = fan(v, n, x + w - rd, y + h - rd, rd, 0, c);
    n = fan(v, n, x + rd, y + h - rd, rd, (float)M_PI * 0.5f, c);
    SDL_SetRenderDrawBlendMode(u->r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(u->r, NULL, v, n, NULL, 0);
}

void ui_outline(ui *u, SDL_Rect r, int radius, int t, SDL_Color c)
{
    if (t <= 0)
        return;
    /* an outline is a rounded rect with the inside drawn again: do it with four bands */
    SDL_Rect top = { r.x + radius, r.y, r.w - 2 * radius, t };
    SDL_Rect bottom = { r.x + radius, r.y + r.h - t, r.w - 2 * radius, t };
    SDL_Rect left = { r.x, r.y + radius, t, r.h - 2 * radius };
    SDL_Rect right = { r.x + r.w - t, r.y + radius, t, r.h - 2 * radius };
    ui_fill(u, top, c);
    ui_fill(u, bottom, c);
    ui_fill(u, left, c);
    ui_fill(u, right, c);
    /* corners: arcs as thin fans of quads */
    SDL_Vertex v[4 * CORNER_SEGMENTS * 6];
    int n = 0;
    float cx[4] = { (float)(r.x + radius), (float)(r.x + r.w - radius), (float)(r.x + r.w - radius), (float)(r.x + radius) };
    float cy[4] = { (float)(r.y + radius), (float)(r.y + radius), (float)(r.y + r.h - radius), (float)(r.y + r.h - radius) };
    float a0[4] = { (float)M_PI, (float)M_PI * 1.5f, 0, (float)M_PI * 0.5f };
    float ro = (float)radius, ri = (float)(radius - t);
    if (ri < 0) ri = 0;
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < CORNER_SEGMENTS; i++) {
            float t0 = a0[k] + (float)M_PI / 2 * (float)i / CORNER_SEGMENTS;
            float t1 = a0[k] + (float)M_PI / 2 * (float)(i + 1) / CORNER_SEGMENTS;
            SDL_FPoint p0 = { cx[k] + ro * cosf(t0), cy[k] + ro * sinf(t0) };
            SDL_FPoint p1 = { cx[k] + ro * cosf(t1), cy[k] + ro * sinf(t1) };
            SDL_FPoint p2 = { cx[k] + ri * cosf(t1), cy[k] + ri * sinf(t1) };
            SDL_FPoint p3 = { cx[k] + ri * cosf(t0), cy[k] + ri * sinf(t0) };
            SDL_FPoint q[6] = { p0, p1, p2, p0, p2, p3 };
            for (int j = 0; j < 6; j++)
                v[n++] = (SDL_Vertex){ q[j], c, { 0, 0 } };
        }
    SDL_SetRenderDrawBlendMode(u->r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(u->r, NULL, v, n, NULL, 0);
}

void ui_panel(ui *u, SDL_Rect r, int radius, SDL_Color fill)
{
    if (!u->high_contrast) {
        SDL_Rect sh = { r.x, r.y + U(u, 3), r.w, r.h };
        ui_round(u, sh, radius, u->th.shadow);
        ui_round(u, r, radius, fill);
    } else {
        ui_round(u, r, radius, fill);
        ui_outline(u, r, radius, U(u, 2) > 1 ? U(u, 2) : 1, u->th.border);
    }
}

void ui_hit_add(ui *u, SDL_Rect r, int id)
{
    if (u->n_hits < UI_MAX_HITS)
        u->hits[u->n_hits++] = (ui_hit){ r, id };
}

int ui_hit_at(const ui *u, int x, int y)
{
    SDL_Point p = { x, y };
    for (int i = u->n_hits - 1; i >= 0; i--)      /* last drawn is on top */
        if (SDL_PointInRect(&p, &u->hits[i].rect))
            return u->hits[i].id;
    return -1;
}

/* ---- text ----------------------------------------------------------------------- */

static unsigned hash_key(ui_face face, int px, SDL_Color c, const char *s)
{
    unsigned h = 2166136261u ^ (unsigned)face ^ ((unsigned)px << 8) ^
                 ((unsigned)c.r << 16) ^ ((unsigned)c.g << 24) ^ ((unsigned)c.b * 131u) ^ ((unsigned)c.a * 7u);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void evict_oldest(ui *u)
{
    ui_text_entry **oldest = NULL;
    for (int b = 0; b < UI_CACHE_BUCKETS; b++)
        for (ui_text_entry **e = &u->cache[b]; *e; e = &(*e)->next)
            if (oldest == NULL || (*e)->used < (*oldest)->used)
                oldest = e;
    if (oldest) {
        ui_text_entry *dead = *oldest;
        *oldest = dead->next;
        SDL_DestroyTexture(dead->tex);
        free(dead->s);
        free(dead->xs);
        free(dead);
        u->cache_count--;
    }
}

/* The cached texture of s, rendering it on a miss. NULL for empty text. */
static ui_text_entry *text_entry(ui *u, ui_face face, float size, SDL_Color c, const char *s, size_t len)
{
    if (len == 0)
        return NULL;
    char stack[512];
    char *key = len < sizeof stack ? stack : malloc(len + 1);
    memcpy(key, s, len);
    key[len] = '\0';
    TTF_Font *font = ui_font(u, face, size);
    int px = (int)lroundf(size * u->scale * (float)u->text_scale / 100.0f);
    unsigned h = hash_key(face, px, c, key);
    ui_text_entry *e;
    for (e = u->cache[h % UI_CACHE_BUCKETS]; e; e = e->next)
        if (e->hash == h && e->face == face && e->px == px && e->c.r == c.r && e->c.g == c.g &&
            e->c.b == c.b && e->c.a == c.a && strcmp(e->s, key) == 0)
            break;
    if (e == NULL && font != NULL) {
        u->ttf_calls++;
        SDL_Surface *surf = TTF_RenderUTF8_Blended(font, key, c);
        if (surf != NULL) {
            if (u->cache_count >= CACHE_LIMIT)
                evict_oldest(u);
            e = calloc(1, sizeof *e);
            e->hash = h;
            e->face = face;
            e->px = px;
            e->c = c;
            e->s = strdup(key);
            e->tex = SDL_CreateTextureFromSurface(u->r, surf);
            e->w = surf->w;
            e->h = surf->h;
            SDL_FreeSurface(surf);
            e->next = u->cache[h % UI_CACHE_BUCKETS];
            u->cache[h % UI_CACHE_BUCKETS] = e;
            u->cache_count++;
        }
    }
    if (e)
        e->used = u->frame;
    if (key != stack)
        free(key);
    return e;
}

static int measure(void *ctx, const char *s, size_t len)
{
    void **p = ctx;
    ui *u = p[0];
    TTF_Font *f = p[1];
    char stack[512];
    char *buf = len < sizeof stack ? stack : malloc(len + 1);
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w = 0, h = 0;
    u->ttf_calls++;
    if (f)
        TTF_SizeUTF8(f, buf, &w, &h);
    if (buf != stack)
        free(buf);
    return w;
}

int ui_text_width(ui *u, ui_face face, float size, const char *s)
{
    ui_text_entry *e = text_entry(u, face, size, u->th.text, s, strlen(s));
    return e ? e->w : 0;
}

int ui_text(ui *u, ui_face face, float size, SDL_Color c, int x, int y, const char *s)
{
    ui_text_entry *e = text_entry(u, face, size, c, s, strlen(s));
    if (e == NULL)
        return 0;
    SDL_Rect dst = { x, y, e->w, e->h };
    SDL_RenderCopy(u->r, e->tex, NULL, &dst);
    return e->w;
}

/*
 * Wrapping measures text with TTF, so results are cached per (text, width,
 * font): the scene redraws its lines every animation frame.
 */
typedef struct wrap_memo {
    struct wrap_memo *next;
    char *s;
    int w, px;
    ui_face face;
    int n;
    rp_line *lines;
} wrap_memo;
static wrap_memo *memos;
static int n_memos;

static const wrap_memo *wrapped(ui *u, ui_face face, float size, int w, const char *s)
{
    int px = (int)lroundf(size * u->scale * (float)u->text_scale / 100.0f);
    for (wrap_memo *m = memos; m; m = m->next)
        if (m->w == w && m->px == px && m->face == face && strcmp(m->s, s) == 0)
            return m;
    if (n_memos > 256) {                      /* drop them all: cheap to rebuild */
        for (wrap_memo *m = memos, *n; m; m = n) {
            n = m->next;
            free(m->s);
            free(m->lines);
            free(m);
        }
        memos = NULL;
        n_memos = 0;
    }
    void *ctx[2] = { u, ui_font(u, face, size) };
    int n = rp_wrap(s, w, measure, ctx, NULL, 0);
    wrap_memo *m = calloc(1, sizeof *m);
    m->lines = calloc((size_t)(n > 0 ? n : 1), sizeof *m->lines);
    m->n = rp_wrap(s, w, measure, ctx, m->lines, n);
    m->s = strdup(s);
    m->w = w;
    m->px = px;
    m->face = face;
    m->next = memos;
    memos = m;
    n_memos++;
    return m;
}

int ui_text_wrapped_height(ui *u, ui_face face, float size, int w, const char *s)
{
    if (s == NULL || *s == '\0')
        return 0;
    return wrapped(u, face, size, w, s)->n * ui_line_height(u, face, size);
}

float ui_fit_size(ui *u, ui_face face, float size, float min, int w, int h, const char *s)
{
    while (size > min && ui_text_wrapped_height(u, face, size, w, s) > h)
        size -= 1;
    return size;
}

/* Decodes one UTF-8 character (the text is already clean). */
static Uint32 next_cp(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    Uint32 c = s[0];
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    c &= n == 0 ? 0x7F : n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07;
    for (int i = 1; i <= n && s[i]; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *p += 1 + n;
    return c;
}

/*
 * x offsets after each character of an entry, for the typewriter: one pass
 * over glyph advances and kerning, computed once per line.
 */
static void entry_offsets(ui *u, ui_face face, float size, ui_text_entry *e)
{
    if (e->xs)
        return;
    size_t n = rp_utf8_count(e->s);
    e->xs = calloc(n + 1, sizeof *e->xs);
    e->n_xs = (int)n;
    TTF_Font *f = ui_font(u, face, size);
    const char *p = e->s;
    Uint32 prev = 0;
    int x = 0;
    u->ttf_calls++;
    for (size_t i = 0; i < n && f; i++) {
        Uint32 cp = next_cp(&p);
        int adv = 0;
        if (TTF_GlyphMetrics32(f, cp, NULL, NULL, NULL, NULL, &adv) == 0) {
            if (prev)
                x += TTF_GetFontKerningSizeGlyphs32(f, prev, cp);
            x += adv;
        }
        e->xs[i] = x < e->w ? x : e->w;
        prev = cp;
    }
}

int ui_text_wrapped(ui *u, ui_face face, float size, SDL_Color c, int x, int y, int w,
                    const char *s, int max_h, long reveal)
{
    if (s == NULL || *s == '\0')
        return 0;
    const wrap_memo *m = wrapped(u, face, size, w, s);
    int lh = ui_line_height(u, face, size);
    int used = 0;
    long left = reveal;
    if (reveal >= 0)      /* the typewriter's first frame measures every line, once */
        for (int i = 0; i < m->n; i++) {
            ui_text_entry *e = text_entry(u, face, size, c, s + m->lines[i].start, m->lines[i].len);
            if (e)
                entry_offsets(u, face, size, e);
        }
    for (int i = 0; i < m->n; i++) {
        if (max_h > 0 && used + lh > max_h)
            break;
        const rp_line *ln = &m->lines[i];
        ui_text_entry *e = text_entry(u, face, size, c, s + ln->start, ln->len);
        if (e) {
            long chars = (long)e->n_xs;
            if (e->xs == NULL)
                chars = (long)rp_utf8_count(e->s);
            SDL_Rect src = { 0, 0, e->w, e->h };
            if (reveal >= 0 && left < chars) {
                if (left <= 0)
                    break;
                entry_offsets(u, face, size, e);
                src.w = e->xs[left - 1];
            }
            SDL_Rect dst = { x, y + used, src.w, e->h };
            SDL_RenderCopy(u->r, e->tex, &src, &dst);
            if (reveal >= 0)
                left -= chars;
        }
        used += lh;
        if (reveal >= 0) {
            left -= 1;                         /* the space or newline between lines */
            if (left < 0)
                break;
        }
    }
    return used;
}
