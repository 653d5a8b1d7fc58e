/*
 * gui_screens.c - what each screen of the window shows, and what each
 * input does there: sign-in, the scenario list, the scene, the pause menu,
 * the debrief and the error screen. Geometry is in units of a 1280x720
 * design (U()); everything a screen can be clicked on is registered as a
 * hit region while drawing, so mouse and keyboard reach the same things.
 */
#include "gui.h"
#include "draw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BODY 19.0f
#define SMALL 15.0f
#define SPEECH 22.0f


static SDL_Color alpha(SDL_Color c, Uint8 a)
{
    c.a = a;
    return c;
}

static SDL_Color mix(SDL_Color a, SDL_Color b, float t)
{
    return (SDL_Color){ (Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t),
                        (Uint8)(a.b + (b.b - a.b) * t), (Uint8)(a.a + (b.a - a.a) * t) };
}

/* A button: focus and hover are shown by a border and a fill, never colour alone. */
static void button(app *a, SDL_Rect r, const char *label, int id, bool primary)
{
    ui *u = &a->u;
    bool focused = a->focus == id, hovered = a->hover == id;
    SDL_Color fill = primary ? u->th.primary : u->th.surface;
    SDL_Color fg = primary ? u->th.primary_text : u->th.text;
    if (hovered && !primary)
        fill = u->th.surface_alt;
    if (hovered && primary)
        fill = mix(u->th.primary, u->th.text, 0.15f);
    ui_panel(u, r, U(u, 10), fill);
    if (!primary)
        ui_outline(u, r, U(u, 10), U(u, 1) > 0 ? U(u, 1) : 1, u->th.border);
    if (focused) {
        SDL_Rect f = { r.x - U(u, 4), r.y - U(u, 4), r.w + U(u, 8), r.h + U(u, 8) };
        ui_outline(u, f, U(u, 13), U(u, 3), u->th.focus);
    }
    int tw = ui_text_width(u, FACE_BOLD, 17, label);
    int th = ui_line_height(u, FACE_BOLD, 17);
    ui_text(u, FACE_BOLD, 17, fg, r.x + (r.w - tw) / 2, r.y + (r.h - th) / 2, label);
    ui_hit_add(u, r, id);
}

static void top_bar(app *a, const char *centre)
{
    ui *u = &a->u;
    SDL_Rect bar = { 0, 0, u->w, U(u, 56) };
    ui_fill(u, bar, u->th.surface);
    ui_fill(u, (SDL_Rect){ 0, bar.h - 1, u->w, 1 }, u->th.border);
    /* the wordmark: a speech-bubble dot and the name */
    ui_round(u, R(u, 28, 16, 24, 24), U(u, 12), u->th.primary);
    ui_round(u, R(u, 34, 34, 8, 8), U(u, 2), u->th.primary);
    ui_text(u, FACE_BOLD, 21, u->th.text, U(u, 62), U(u, 14), "Rapport");
    if (centre) {
        int w = ui_text_width(u, FACE_BOLD, 17, centre);
        ui_text(u, FACE_BOLD, 17, u->th.muted, (u->w - w) / 2, U(u, 17), centre);
    }
    if (a->trainee[0] && a->screen != SCR_SIGNIN) {
        char who[160];
        snprintf(who, sizeof who, "%s%s%s", a->trainee, a->cohort[0] ? " · " : "", a->cohort);
        int w = ui_text_width(u, FACE_REGULAR, SMALL, who);
        ui_text(u, FACE_REGULAR, SMALL, u->th.muted, u->w - w - U(u, 28), U(u, 19), who);
    }
}

static void hint_bar(app *a, const char *hints)
{
    ui *u = &a->u;
    int h = U(u, 30);
    ui_fill(u, (SDL_Rect){ 0, u->h - h, u->w, h }, u->th.surface);   /* opaque: no ghost of the hints beneath */
    int lh = ui_line_height(u, FACE_REGULAR, 13);
    ui_text(u, FACE_REGULAR, 13, u->th.muted, U(u, 28), u->h - h + (h - lh) / 2, hints);
}

static void draw_banner(app *a)
{
    ui *u = &a->u;
    if (!a->banner[0])
        return;
    int w = U(u, 900);
    int th = ui_text_wrapped_height(u, FACE_REGULAR, SMALL, w - U(u, 32), a->banner);
    SDL_Rect r = { (u->w - w) / 2, u->h - U(u, 44) - th - U(u, 20), w, th + U(u, 20) };
    ui_panel(u, r, U(u, 8), u->high_contrast ? u->th.surface : (SDL_Color){ 0x24, 0x33, 0x3B, 240 });
    SDL_Color fg = u->high_contrast ? u->th.text : (SDL_Color){ 255, 255, 255, 255 };
    ui_text_wrapped(u, FACE_REGULAR, SMALL, fg, r.x + U(u, 16), r.y + U(u, 10), w - U(u, 32), a->banner, 0, -1);
}

/* ---- sign-in ----------------------------------------------------------------------- */

static void draw_signin(app *a)
{
    ui *u = &a->u;
    top_bar(a, NULL);
    SDL_Rect card = R(u, 340, 110, 600, 500);
    ui_panel(u, card, U(u, 18), u->th.surface);
    int x = card.x + U(u, 48), w = card.w - U(u, 96), y = card.y + U(u, 40);
    ui_text(u, FACE_BOLD, 28, u->th.text, x, y, "Welcome to Rapport");
    y += U(u, 44);
    y += ui_text_wrapped(u, FACE_REGULAR, BODY - 2, u->th.muted, x, y, w,
                         "Practise real conversations with customers and colleagues. "
                         "Every answer you pick is scored and explained at the end.", 0, -1);
    y += U(u, 22);
    static const char *const labels[2] = { "Your name or trainee ID", "Group or cohort (optional)" };
    char *values[2] = { a->trainee, a->cohort };
    for (int f = 0; f < 2; f++) {
        ui_text(u, FACE_BOLD, SMALL, u->th.text, x, y, labels[f]);
        y += U(u, 24);
        SDL_Rect box = { x, y, w, U(u, 46) };
        int id = f == 0 ? ID_SIGNIN_NAME : ID_SIGNIN_COHORT;
        ui_round(u, box, U(u, 8), u->th.surface_alt);
        bool on = a->signin_field == f;
        ui_outline(u, box, U(u, 8), on ? U(u, 3) : 1, on ? u->th.focus : u->th.border);
        int tw = ui_text(u, FACE_REGULAR, BODY, u->th.text, box.x + U(u, 14),
                         box.y + (box.h - ui_line_height(u, FACE_REGULAR, BODY)) / 2, values[f]);
        if (on)  /* the caret */
            ui_fill(u, (SDL_Rect){ box.x + U(u, 15) + tw, box.y + U(u, 10), U(u, 2) > 0 ? U(u, 2) : 1, box.h - U(u, 20) },
                    u->th.text);
        ui_hit_add(u, box, id);
        y += box.h + U(u, 18);
    }
    if (a->n_recent > 0) {
        ui_text(u, FACE_REGULAR, 14, u->th.muted, x, y, "Recent:");
        int cx = x + U(u, 70);
        for (int i = 0; i < a->n_recent; i++) {
            int tw = ui_text_width(u, FACE_REGULAR, 14, a->recent[i]);
            SDL_Rect chip = { cx, y - U(u, 4), tw + U(u, 20), U(u, 26) };
            if (chip.x + chip.w > x + w)
                break;
            ui_round(u, chip, U(u, 13), a->hover == ID_RECENT + i ? u->th.border : u->th.surface_alt);
            ui_text(u, FACE_REGULAR, 14, u->th.text, chip.x + U(u, 10), chip.y + U(u, 4), a->recent[i]);
            ui_hit_add(u, chip, ID_RECENT + i);
            cx += chip.w + U(u, 8);
        }
    }
    SDL_Rect start = { x, card.y + card.h - U(u, 76), w, U(u, 50) };
    button(a, start, a->trainee[0] ? "Start" : "Type your name to start", ID_SIGNIN_START, a->trainee[0] != 0);
    /* HR and training leads: the stored records, behind a passphrase */
    const char *hr = "HR review (F9)";
    int hw = ui_text_width(u, FACE_BOLD, 14, hr);
    SDL_Rect link = { card.x + card.w - hw - U(u, 24), card.y + card.h + U(u, 14), hw, U(u, 22) };
    ui_text(u, FACE_BOLD, 14, a->hover == ID_HR_LINK ? u->th.text : u->th.primary, link.x, link.y, hr);
    ui_fill(u, (SDL_Rect){ link.x, link.y + U(u, 20), hw, 1 }, u->th.primary);
    ui_hit_add(u, link, ID_HR_LINK);
    hint_bar(a, "Tab: next field    Enter: start    F9: HR review    Ctrl +/-: text size    F11: full screen");
}

static void signin_start(app *a)
{
    /* trim spaces around the name */
    char *t = a->trainee;
    while (*t == ' ') memmove(t, t + 1, strlen(t));
    size_t n = strlen(t);
    while (n > 0 && t[n - 1] == ' ') t[--n] = '\0';
    if (n == 0)
        return;
    SDL_StopTextInput();
    if (a->single_file)
        app_start_scenario(a, a->single_file);
    else
        app_open_list(a);
}

void screens_text_input(app *a, const char *utf8)
{
    if (a->screen != SCR_SIGNIN) {
        hr_text_input(a, utf8);
        return;
    }
    char *field = a->signin_field == 0 ? a->trainee : a->cohort;
    size_t size = a->signin_field == 0 ? sizeof a->trainee : sizeof a->cohort;
    if (strlen(field) + strlen(utf8) < size - 1)
        strcat(field, utf8);
    a->dirty = true;
}

void screens_backspace(app *a)
{
    if (a->screen != SCR_SIGNIN) {
        hr_backspace(a);
        return;
    }
    char *field = a->signin_field == 0 ? a->trainee : a->cohort;
    size_t n = strlen(field);
    while (n > 0 && ((unsigned char)field[n - 1] & 0xC0) == 0x80)
        n--;                                   /* a whole UTF-8 character */
    if (n > 0)
        n--;
    field[n] = '\0';
    a->dirty = true;
}

static void signin_input(app *a, action act, int arg)
{
    switch (act) {
    case ACT_TAB: case ACT_DOWN: case ACT_UP:
        a->signin_field = !a->signin_field;
        break;
    case ACT_CONFIRM:
        signin_start(a);
        break;
    case ACT_BACK:
        a->quit = true;
        break;
    case ACT_CLICK:
        if (arg == ID_SIGNIN_NAME) a->signin_field = 0;
        else if (arg == ID_SIGNIN_COHORT) a->signin_field = 1;
        else if (arg == ID_SIGNIN_START) signin_start(a);
        else if (arg == ID_HR_LINK) hr_open(a);
        else if (arg >= ID_RECENT && arg < ID_RECENT + a->n_recent) {
            snprintf(a->trainee, sizeof a->trainee, "%s", a->recent[arg - ID_RECENT]);
            a->signin_field = 1;
        }
        break;
    default:
        break;
    }
    a->dirty = true;
}

/* ---- the scenario list -------------------------------------------------------------------- */

static bool entry_visible(const app *a, int i)
{
    const list_entry *e = &a->entries[i];
    if (a->filter == 1) return strcmp(e->audience, "external") == 0;
    if (a->filter == 2) return strcmp(e->audience, "internal") == 0;
    return true;
}

/* Visible entries in order: fills idx, returns the count. */
static int visible_entries(const app *a, int *idx)
{
    int n = 0;
    for (int i = 0; i < a->n_entries; i++)
        if (entry_visible(a, i))
            idx[n++] = i;
    return n;
}

#define COLS 3

static void badge(ui *u, int x, int y, const char *text, SDL_Color c)
{
    int tw = ui_text_width(u, FACE_BOLD, 12, text);
    SDL_Rect r = { x, y, tw + U(u, 16), U(u, 22) };
    ui_round(u, r, U(u, 11), u->high_contrast ? u->th.surface : alpha(c, 34));
    if (u->high_contrast)
        ui_outline(u, r, U(u, 11), 1, c);
    ui_text(u, FACE_BOLD, 12, c, x + U(u, 8), y + U(u, 3), text);
}

static void draw_list(app *a)
{
    ui *u = &a->u;
    top_bar(a, NULL);
    ui_text(u, FACE_BOLD, 26, u->th.text, U(u, 48), U(u, 76), "Choose a conversation");
    static const char *const tabs[3] = { "All", "External customers", "Internal customers" };
    int tx = U(u, 48);
    for (int t = 0; t < 3; t++) {
        int tw = ui_text_width(u, FACE_BOLD, SMALL, tabs[t]);
        SDL_Rect r = { tx, U(u, 118), tw + U(u, 28), U(u, 34) };
        bool on = a->filter == t;
        ui_round(u, r, U(u, 17), on ? u->th.primary : (a->hover == ID_FILTER + t ? u->th.border : u->th.surface));
        if (!on)
            ui_outline(u, r, U(u, 17), 1, u->th.border);
        if (a->focus == ID_FILTER + t)
            ui_outline(u, (SDL_Rect){ r.x - U(u, 3), r.y - U(u, 3), r.w + U(u, 6), r.h + U(u, 6) }, U(u, 20), U(u, 3), u->th.focus);
        ui_text(u, FACE_BOLD, SMALL, on ? u->th.primary_text : u->th.text, r.x + U(u, 14), r.y + U(u, 8), tabs[t]);
        ui_hit_add(u, r, ID_FILTER + t);
        tx += r.w + U(u, 10);
    }
    int *idx = calloc((size_t)a->n_entries + 1, sizeof *idx);
    int n = visible_entries(a, idx);
    if (n == 0) {
        ui_text(u, FACE_REGULAR, BODY, u->th.muted, U(u, 48), U(u, 190),
                a->n_entries == 0 ? "No scenarios found. Put scenario files in the scenarios folder."
                                  : "No scenarios for this audience.");
    }
    float cw = (1280 - 96 - 2 * 24) / 3.0f, ch = 206;
    int top = U(u, 170), bottom = u->h - U(u, 34);
    SDL_Rect clip = { 0, top - U(u, 8), u->w, bottom - top + U(u, 8) };
    SDL_RenderSetClipRect(u->r, &clip);
    for (int k = 0; k < n; k++) {
        const list_entry *e = &a->entries[idx[k]];
        int row = k / COLS, col = k % COLS;
        SDL_Rect card = { U(u, 48 + col * (cw + 24)), top + U(u, row * (ch + 20)) - a->list_scroll,
                          U(u, cw), U(u, ch) };
        if (card.y + card.h < top || card.y > bottom)
            continue;
        int id = ID_CARD + k;
        ui_panel(u, card, U(u, 14), a->hover == id ? u->th.surface_alt : u->th.surface);
        if (e->error)
            ui_outline(u, card, U(u, 14), U(u, 2), u->th.fail);
        if (a->focus == id)
            ui_outline(u, (SDL_Rect){ card.x - U(u, 4), card.y - U(u, 4), card.w + U(u, 8), card.h + U(u, 8) },
                       U(u, 17), U(u, 3), u->th.focus);
        int x = card.x + U(u, 20), y = card.y + U(u, 18), w = card.w - U(u, 40);
        bool internal = strcmp(e->audience, "internal") == 0;
        if (e->error) {
            badge(u, x, y, "CANNOT BE PLAYED", u->th.fail);
        } else {
            badge(u, x, y, internal ? "INTERNAL · COLLEAGUE" : "EXTERNAL · CUSTOMER",
                  internal ? (SDL_Color){ 0x6A, 0x3F, 0xA0, 255 } : u->th.primary);
        }
        y += U(u, 32);
        y += ui_text_wrapped(u, FACE_BOLD, 19, u->th.text, x, y, w, e->title, U(u, 52), -1) + U(u, 6);
        const char *summary = e->error ? e->error : (e->summary ? e->summary : "");
        ui_text_wrapped(u, FACE_REGULAR, 14, e->error ? u->th.fail : u->th.muted, x, y, w, summary,
                        card.y + card.h - U(u, 44) - y, -1);
        if (!e->error) {
            char meta[96];
            static const char *const level[4] = { "", "Easy", "Moderate", "Hard" };
            int d = e->difficulty >= 1 && e->difficulty <= 3 ? e->difficulty : 1;
            int used = snprintf(meta, sizeof meta, "%s%s%s  %s", d >= 1 ? "●" : "○", d >= 2 ? "●" : "○",
                             d >= 3 ? "●" : "○", level[d]);
            if (e->minutes > 0)
                snprintf(meta + used, sizeof meta - (size_t)used, " · %d min", e->minutes);
            int fy = card.y + card.h - U(u, 34);
            ui_text(u, FACE_REGULAR, 14, u->th.muted, x, fy, meta);
            char best[64];
            SDL_Color bc = u->th.muted;
            if (e->best >= 0) {
                snprintf(best, sizeof best, "Your best: %.0f", e->best);
                bc = u->th.text;
            } else {
                snprintf(best, sizeof best, "Not played yet");
            }
            int bw = ui_text_width(u, FACE_BOLD, 14, best);
            ui_text(u, FACE_BOLD, 14, bc, card.x + card.w - U(u, 20) - bw, fy, best);
        }
        ui_hit_add(u, card, id);
    }
    SDL_RenderSetClipRect(u->r, NULL);
    free(idx);
    hint_bar(a, "Arrows: move    Enter: play    Tab: audience    Esc: sign out    Ctrl +/-: text size    F11: full screen");
}

static void list_keep_visible(app *a)
{
    ui *u = &a->u;
    if (a->focus < ID_CARD)
        return;
    int k = a->focus - ID_CARD, row = k / COLS;
    int card_top = U(u, row * (206 + 20)), card_h = U(u, 206);
    int view = u->h - U(u, 34) - U(u, 170);
    if (card_top - a->list_scroll < 0)
        a->list_scroll = card_top;
    if (card_top + card_h - a->list_scroll > view)
        a->list_scroll = card_top + card_h - view;
}

static void list_input(app *a, action act, int arg)
{
    int *idx = calloc((size_t)a->n_entries + 1, sizeof *idx);
    int n = visible_entries(a, idx);
    int k = a->focus >= ID_CARD ? a->focus - ID_CARD : -1;
    switch (act) {
    case ACT_LEFT: if (k > 0) k--; else if (k < 0) k = 0; break;
    case ACT_RIGHT: if (k < n - 1) k++; break;
    case ACT_UP: if (k >= COLS) k -= COLS; else if (k < 0) k = 0; break;
    case ACT_DOWN: if (k < 0) k = 0; else if (k + COLS < n) k += COLS; else k = n - 1; break;
    case ACT_TAB:
        a->filter = (a->filter + (arg < 0 ? 2 : 1)) % 3;
        k = 0;
        a->list_scroll = 0;
        break;
    case ACT_SCROLL:
        a->list_scroll += arg * U(&a->u, 40);
        if (a->list_scroll < 0) a->list_scroll = 0;
        break;
    case ACT_CONFIRM:
        if (k >= 0 && k < n && !a->entries[idx[k]].error) {
            char *path = strdup(a->entries[idx[k]].path);
            app_start_scenario(a, path);
            free(path);
            free(idx);
            return;
        }
        break;
    case ACT_CLICK:
        if (arg >= ID_FILTER && arg < ID_FILTER + 3) {
            a->filter = arg - ID_FILTER;
            k = 0;
            a->list_scroll = 0;
        } else if (arg >= ID_CARD && arg - ID_CARD < n) {
            k = arg - ID_CARD;
            if (!a->entries[idx[k]].error) {
                char *path = strdup(a->entries[idx[k]].path);
                app_start_scenario(a, path);
                free(path);
                free(idx);
                return;
            }
        }
        break;
    case ACT_BACK:
        a->screen = SCR_SIGNIN;
        a->signin_field = 0;
        a->focus = ID_SIGNIN_NAME;
        break;
    default:
        break;
    }
    free(idx);
    if (n > 0 && k >= 0) {
        a->focus = ID_CARD + (k < n ? k : n - 1);
        if (act != ACT_SCROLL)
            list_keep_visible(a);
    }
    a->dirty = true;
}

/* ---- the scene ------------------------------------------------------------------------------- */

static const char *mood_word(double m)
{
    static const char *const w[] = { "furious", "angry", "annoyed", "neutral", "calm", "pleased", "delighted" };
    int i = (int)lround(m) + 3;
    return w[i < 0 ? 0 : i > 6 ? 6 : i];
}

static SDL_Color mood_colour(const ui *u, double m)
{
    SDL_Color red = u->th.quality[RP_Q_HARMFUL], amber = u->th.quality[RP_Q_POOR];
    SDL_Color grey = u->high_contrast ? u->th.text : (SDL_Color){ 0x8A, 0x96, 0x9C, 255 };
    SDL_Color green = u->th.quality[RP_Q_BEST];
    if (m <= -1.5) return mix(red, amber, (float)((m + 3) / 1.5));
    if (m <= 0) return mix(amber, grey, (float)((m + 1.5) / 1.5));
    return mix(grey, green, (float)(m / 3));
}

/* Height of the mood meter at the current text size. */
static int mood_meter_height(ui *u)
{
    return ui_line_height(u, FACE_BOLD, 14) + U(u, 18) + ui_line_height(u, FACE_REGULAR, 12);
}

/* The mood meter with its top at y: a label, seven segments, the two extremes. */
static void draw_mood_meter(app *a, int x, int y, int w)
{
    ui *u = &a->u;
    char label[64];
    snprintf(label, sizeof label, "Mood: %s", mood_word(a->shown_mood));
    ui_text(u, FACE_BOLD, 14, u->th.text, x, y, label);
    y += ui_line_height(u, FACE_BOLD, 14) + U(u, 4);
    int seg_w = (w - U(u, 6) * 6) / 7;
    for (int i = 0; i < 7; i++) {
        double m = i - 3;
        SDL_Rect s = { x + i * (seg_w + U(u, 6)), y, seg_w, U(u, 10) };
        bool lit = fabs(a->shown_mood - m) < 0.5;
        ui_round(u, s, U(u, 5), lit ? mood_colour(u, m) : alpha(u->th.border, 255));
        if (lit)
            ui_outline(u, (SDL_Rect){ s.x - U(u, 2), s.y - U(u, 2), s.w + U(u, 4), s.h + U(u, 4) }, U(u, 7), U(u, 2),
                       u->th.text);
    }
    y += U(u, 14);
    ui_text(u, FACE_REGULAR, 12, u->th.muted, x, y, "furious");
    int dw = ui_text_width(u, FACE_REGULAR, 12, "delighted");
    ui_text(u, FACE_REGULAR, 12, u->th.muted, x + w - dw, y, "delighted");
}

static unsigned name_seed(const char *s)
{
    unsigned h = 5381;
    for (; s && *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static void draw_customer(app *a)
{
    ui *u = &a->u;
    const rp_scenario *sc = a->sc;
    SDL_Rect card = R(u, 40, 76, 340, 520);
    ui_panel(u, card, U(u, 18), alpha(u->th.surface, u->high_contrast ? 255 : 238));
    SDL_Rect portrait = R(u, 60, 92, 300, 330);
    double reaction = 0;
    if (a->reaction_started && !a->set.reduced_motion) {
        Uint32 t = SDL_GetTicks() - a->reaction_started;
        if (t < 700)
            reaction = sin((double)t / 700.0 * M_PI);
    }
    SDL_RenderSetClipRect(u->r, &portrait);
    ui_round(u, portrait, U(u, 12), u->high_contrast ? u->th.surface_alt : (SDL_Color){ 0xE4, 0xEC, 0xEE, 255 });
    SDL_Texture *img = app_portrait(a);
    if (img) {
        /* a photo or drawing from the trainer: fill the frame, keep its proportions */
        int iw, ih;
        SDL_QueryTexture(img, NULL, NULL, &iw, &ih);
        double k = fmax((double)portrait.w / iw, (double)portrait.h / ih);
        int dw = (int)(iw * k), dh = (int)(ih * k);
        SDL_Rect dst = { portrait.x + (portrait.w - dw) / 2, portrait.y + (portrait.h - dh) / 2, dw, dh };
        SDL_RenderCopy(u->r, img, NULL, &dst);
    } else {
        rp_draw_portrait(u->r, portrait, sc->customer.has_look ? &sc->customer.look : NULL,
                         name_seed(sc->customer.name), a->shown_mood, reaction, 0);
    }
    SDL_RenderSetClipRect(u->r, NULL);
    int x = card.x + U(u, 20), y = U(u, 436), w = card.w - U(u, 40);
    int meter_top = card.y + card.h - U(u, 14) - mood_meter_height(u);
    /* the name plate shrinks to fit above the mood meter at any text size */
    float name_size = ui_fit_size(u, FACE_BOLD, 21, 12, w, U(u, 34), sc->customer.name);
    y += ui_text_wrapped(u, FACE_BOLD, name_size, u->th.text, x, y, w, sc->customer.name, U(u, 34), -1) + U(u, 2);
    char role[256];
    snprintf(role, sizeof role, "%s%s%s", sc->customer.role ? sc->customer.role : "",
             sc->customer.role && sc->customer.department ? " · " : "",
             sc->customer.department ? sc->customer.department : "");
    if (role[0] && meter_top - y > 0) {
        float role_size = ui_fit_size(u, FACE_REGULAR, 14, 7, w, meter_top - y, role);
        ui_text_wrapped(u, FACE_REGULAR, role_size, u->th.muted, x, y, w, role, meter_top - y, -1);
    }
    draw_mood_meter(a, x, meter_top, w);
}

/* The speech bubble with a tail towards the portrait. */
static void bubble(ui *u, SDL_Rect r, SDL_Color fill, bool tail_left)
{
    ui_panel(u, r, U(u, 16), fill);
    if (tail_left) {
        float x = (float)r.x, y = (float)(r.y + U(u, 34));
        SDL_Vertex v[3] = {
            { { x + 1, y - (float)U(u, 12) }, fill, { 0, 0 } },
            { { x - (float)U(u, 16), y + (float)U(u, 2) }, fill, { 0, 0 } },
            { { x + 1, y + (float)U(u, 12) }, fill, { 0, 0 } },
        };
        SDL_RenderGeometry(u->r, NULL, v, 3, NULL, 0);
    }
}

static int choice_height(ui *u, int w, const char *text)
{
    int th = ui_text_wrapped_height(u, FACE_REGULAR, BODY - 1, w - U(u, 84), text);
    int min = U(u, 52);
    return th + U(u, 26) > min ? th + U(u, 26) : min;
}

static void draw_scene(app *a)
{
    ui *u = &a->u;
    const rp_scenario *sc = a->sc;
    SDL_Rect area = { 0, U(u, 56), u->w, u->h - U(u, 56) };
    rp_draw_backdrop(u->r, area, sc->setting, u->high_contrast);
    top_bar(a, sc->title);
    draw_customer(a);

    int x = U(u, 420), w = U(u, 820), y = U(u, 80);
    int bottom = u->h - U(u, 40);
    bool deciding = rp_session_status(a->s) == RP_AT_DECISION;
    int n_path;
    rp_session_path(a->s, &n_path);
    bool last = a->cur.path_index == n_path - 1;
    bool typed = a->cur.typed >= (double)a->cur.chars;

    if (a->cur.narration) {
        /* at large text sizes the narration shrinks rather than losing words */
        float ns = ui_fit_size(u, FACE_ITALIC, 16, 9, w - U(u, 32), U(u, 80), a->cur.narration);
        int nh = ui_text_wrapped_height(u, FACE_ITALIC, ns, w - U(u, 32), a->cur.narration);
        if (nh > U(u, 80)) nh = U(u, 80);
        SDL_Rect nr = { x, y, w, nh + U(u, 18) };
        ui_round(u, nr, U(u, 10), alpha(u->th.surface, u->high_contrast ? 255 : 200));
        ui_text_wrapped(u, FACE_ITALIC, ns, u->th.muted, x + U(u, 16), y + U(u, 9), w - U(u, 32),
                        a->cur.narration, U(u, 80), -1);
        y += nr.h + U(u, 12);
    }
    if (a->cur.you_said) {
        char line[1200];
        snprintf(line, sizeof line, "You: %s", a->cur.you_said);
        int yw = U(u, 620);
        float ys = ui_fit_size(u, FACE_REGULAR, 16, 9, yw - U(u, 32), U(u, 66), line);
        int yh = ui_text_wrapped_height(u, FACE_REGULAR, ys, yw - U(u, 32), line);
        if (yh > U(u, 66)) yh = U(u, 66);
        SDL_Rect yr = { x + w - yw, y, yw, yh + U(u, 18) };
        ui_panel(u, yr, U(u, 14), u->th.you);
        ui_text_wrapped(u, FACE_REGULAR, ys, u->th.text, yr.x + U(u, 16), yr.y + U(u, 9), yw - U(u, 32), line,
                        U(u, 66), -1);
        y += yr.h + U(u, 12);
    }
    if (a->cur.say) {
        char *say = a->cur.say;
        float size = ui_fit_size(u, FACE_REGULAR, SPEECH, 15, w - U(u, 56), U(u, 190), say);
        int sh = ui_text_wrapped_height(u, FACE_REGULAR, size, w - U(u, 56), say);
        if (sh > U(u, 190)) sh = U(u, 190);
        SDL_Rect sr = { x, y, w, sh + U(u, 58) };
        bubble(u, sr, u->th.bubble, true);
        ui_text(u, FACE_BOLD, 14, u->th.primary, sr.x + U(u, 28), sr.y + U(u, 12), sc->customer.name);
        a->speech.r = (SDL_Rect){ sr.x + U(u, 28), sr.y + U(u, 38), w - U(u, 56), U(u, 190) };
        a->speech.size = size;
        a->speech.set = true;
        if (!a->drawing_layer)
            screens_draw_speech(a);
        ui_hit_add(u, sr, ID_CONTINUE + 1);        /* a click completes the typewriter */
        y += sr.h + U(u, 18);
    }

    if (!typed) {
        hint_bar(a, "Any key or click: show the whole line    Esc: pause");
        return;
    }
    if (deciding && last) {
        double left = app_time_left(a);
        if (left >= 0) {
            const rp_node *nd = &sc->nodes[rp_session_node(a->s)];
            SDL_Rect bar = { x, y, w, U(u, 8) };
            ui_round(u, bar, U(u, 4), alpha(u->th.surface, 220));
            SDL_Rect fill = bar;
            fill.w = (int)(bar.w * (left / nd->time_limit));
            ui_round(u, fill, U(u, 4), left < 5 ? u->th.fail : u->th.timer);
            char secs[32];
            snprintf(secs, sizeof secs, "%.0f s to answer", ceil(left));
            int tw = ui_text_width(u, FACE_BOLD, 13, secs);
            SDL_Rect lr = { x + w - tw - U(u, 12), y + U(u, 12), tw + U(u, 12), U(u, 22) };
            ui_round(u, lr, U(u, 6), alpha(u->th.surface, 220));
            ui_text(u, FACE_BOLD, 13, u->th.text, lr.x + U(u, 6), lr.y + U(u, 3), secs);
            y += U(u, 38);
        }
        int n;
        const int *shown = rp_session_shown(a->s, &n);
        const rp_node *nd = &sc->nodes[rp_session_node(a->s)];
        int total = 0;
        for (int k = 0; k < n; k++) {
            char *text = fill_text(a, nd->choices[shown[k]].text);
            total += choice_height(u, w, text) + U(u, 10);
            free(text);
        }
        SDL_Rect clip = { x - U(u, 8), y - U(u, 6), w + U(u, 16), bottom - y + U(u, 6) };
        int view = clip.h - U(u, 6);
        if (a->choice_scroll > total - view) a->choice_scroll = total - view > 0 ? total - view : 0;
        SDL_RenderSetClipRect(u->r, &clip);
        int cy = y - a->choice_scroll;
        for (int k = 0; k < n; k++) {
            char *text = fill_text(a, nd->choices[shown[k]].text);
            int h = choice_height(u, w, text);
            SDL_Rect b = { x, cy, w, h };
            int id = ID_CHOICE + k;
            bool focused = a->focus == id, hovered = a->hover == id;
            ui_panel(u, b, U(u, 12), hovered || focused ? u->th.surface_alt : alpha(u->th.surface, 246));
            if (focused)
                ui_outline(u, b, U(u, 12), U(u, 3), u->th.focus);
            else if (u->high_contrast)
                ui_outline(u, b, U(u, 12), 1, u->th.border);
            int d = U(u, 34), dl = ui_line_height(u, FACE_BOLD, 16) + U(u, 6);
            if (dl > d) d = dl;                     /* the digit's circle grows with the text */
            SDL_Rect num = { b.x + U(u, 14), b.y + (h - d) / 2, d, d };
            ui_round(u, num, d / 2, focused ? u->th.focus : u->th.primary);
            char digit[16];
            snprintf(digit, sizeof digit, "%d", k + 1);
            int dw = ui_text_width(u, FACE_BOLD, 16, digit);
            ui_text(u, FACE_BOLD, 16, u->th.primary_text, num.x + (num.w - dw) / 2,
                    num.y + (num.h - ui_line_height(u, FACE_BOLD, 16)) / 2, digit);
            ui_text_wrapped(u, FACE_REGULAR, BODY - 1, u->th.text, b.x + U(u, 64), b.y + U(u, 13), w - U(u, 84),
                            text, 0, -1);
            free(text);
            SDL_Rect hit = b;
            SDL_IntersectRect(&b, &clip, &hit);
            ui_hit_add(u, hit, id);
            cy += h + U(u, 10);
        }
        SDL_RenderSetClipRect(u->r, NULL);
        hint_bar(a, n > 1 ? "1-9 or click: answer    Up/Down + Enter: choose    Esc: pause    F5: reload"
                          : "1 or click: answer    Esc: pause");
    } else {
        bool ending = rp_session_status(a->s) == RP_ENDED && last;
        SDL_Rect b = { x + w - U(u, 260), y, U(u, 260), U(u, 50) };
        if (a->focus == ID_NONE)
            a->focus = ID_CONTINUE;
        button(a, b, ending ? "See your debrief  ▸" : "Continue  ▸", ID_CONTINUE, true);
        hint_bar(a, "Enter, Space or click: continue    Esc: pause");
    }
}

static void scene_input(app *a, action act, int arg)
{
    if (act == ACT_BACK) {
        a->paused = true;
        a->now = SDL_GetTicks();
        a->focus = ID_PAUSE;
        a->dirty = true;
        return;
    }
    /* the first key or click completes the line being typed */
    if (a->cur.typed < (double)a->cur.chars) {
        a->cur.typed = (double)a->cur.chars;
        a->dirty = true;
        return;
    }
    int n_path;
    rp_session_path(a->s, &n_path);
    bool deciding = rp_session_status(a->s) == RP_AT_DECISION && a->cur.path_index == n_path - 1;
    if (!deciding) {
        if (act == ACT_CONFIRM || (act == ACT_CLICK && (arg == ID_CONTINUE || arg == ID_CONTINUE + 1)))
            app_continue(a);
        a->dirty = true;
        return;
    }
    int n;
    rp_session_shown(a->s, &n);
    int k = a->focus >= ID_CHOICE && a->focus < ID_CHOICE + n ? a->focus - ID_CHOICE : -1;
    switch (act) {
    case ACT_UP: k = k <= 0 ? n - 1 : k - 1; break;
    case ACT_DOWN: case ACT_TAB: k = k < 0 || k >= n - 1 ? 0 : k + 1; break;
    case ACT_NUMBER:
        if (arg >= 1 && arg <= n) { app_choose(a, arg); return; }
        break;
    case ACT_CONFIRM:
        if (k >= 0) { app_choose(a, k + 1); return; }
        k = 0;
        break;
    case ACT_CLICK:
        if (arg >= ID_CHOICE && arg < ID_CHOICE + n) { app_choose(a, arg - ID_CHOICE + 1); return; }
        break;
    case ACT_SCROLL:
        a->choice_scroll += arg * U(&a->u, 30);
        if (a->choice_scroll < 0) a->choice_scroll = 0;
        break;
    default:
        break;
    }
    if (k >= 0)
        a->focus = ID_CHOICE + k;
    a->dirty = true;
}

/* ---- pause menu -------------------------------------------------------------------------------- */

enum { P_RESUME, P_RESTART, P_LIST, P_TEXT, P_CONTRAST, P_TIMERS, P_MOTION, P_QUIT, P_COUNT };

static void draw_pause(app *a)
{
    ui *u = &a->u;
    ui_fill(u, (SDL_Rect){ 0, 0, u->w, u->h }, u->th.overlay);
    SDL_Rect card = R(u, 430, 96, 420, 540);
    ui_panel(u, card, U(u, 18), u->th.surface);
    ui_text(u, FACE_BOLD, 24, u->th.text, card.x + U(u, 32), card.y + U(u, 26), "Paused");
    char items[P_COUNT][64];
    snprintf(items[P_RESUME], 64, "Resume");
    snprintf(items[P_RESTART], 64, "Restart this scenario");
    snprintf(items[P_LIST], 64, "Back to the list");
    snprintf(items[P_TEXT], 64, "Text size: %d%%   (- / +)", a->set.text_scale);
    snprintf(items[P_CONTRAST], 64, "High contrast: %s", a->set.high_contrast ? "on" : "off");
    snprintf(items[P_TIMERS], 64, "Time limits: %s", app_timers_on(a) ? "on" : "off");
    snprintf(items[P_MOTION], 64, "Reduced motion: %s", a->set.reduced_motion ? "on" : "off");
    snprintf(items[P_QUIT], 64, "Quit Rapport");
    int y = card.y + U(u, 76);
    for (int i = 0; i < P_COUNT; i++) {
        SDL_Rect b = { card.x + U(u, 32), y, card.w - U(u, 64), U(u, 46) };
        button(a, b, items[i], ID_PAUSE + i, i == P_RESUME);
        y += U(u, 56);
    }
    hint_bar(a, "Up/Down: move    Enter: select    Left/Right: text size    Esc: resume");
}

static void pause_select(app *a, int item, int dir)
{
    switch (item) {
    case P_RESUME:
        a->paused = false;
        if (a->decision_started)
            a->decision_started += SDL_GetTicks() - a->now;   /* the pause does not count */
        a->focus = ID_NONE;
        break;
    case P_RESTART: app_restart(a); break;
    case P_LIST: app_leave_scene(a, SCR_LIST); break;
    case P_TEXT: app_text_scale(a, dir < 0 ? -25 : 25); break;
    case P_CONTRAST: app_toggle(a, 0); break;
    case P_TIMERS:
        if (a->no_timers_flag)
            a->no_timers_flag = false;
        else
            app_toggle(a, 1);
        break;
    case P_MOTION: app_toggle(a, 2); break;
    case P_QUIT:
        app_leave_scene(a, SCR_SIGNIN);
        a->quit = true;
        break;
    }
    a->dirty = true;
}

static void pause_input(app *a, action act, int arg)
{
    int k = a->focus >= ID_PAUSE && a->focus < ID_PAUSE + P_COUNT ? a->focus - ID_PAUSE : 0;
    switch (act) {
    case ACT_UP: k = (k + P_COUNT - 1) % P_COUNT; break;
    case ACT_DOWN: case ACT_TAB: k = (k + 1) % P_COUNT; break;
    case ACT_LEFT: if (k == P_TEXT) pause_select(a, k, -1); break;
    case ACT_RIGHT: if (k == P_TEXT) pause_select(a, k, 1); break;
    case ACT_CONFIRM: pause_select(a, k, 1); return;
    case ACT_BACK: pause_select(a, P_RESUME, 0); return;
    case ACT_CLICK:
        if (arg >= ID_PAUSE && arg < ID_PAUSE + P_COUNT) { pause_select(a, arg - ID_PAUSE, 1); return; }
        break;
    default: break;
    }
    a->focus = ID_PAUSE + k;
    a->dirty = true;
}

/* ---- debrief ---------------------------------------------------------------------------------- */

static void score_bar(app *a, int x, int y, int w, const char *label, bool tested, double v)
{
    ui *u = &a->u;
    ui_text(u, FACE_BOLD, 15, u->th.text, x, y, label);
    char num[32];
    if (tested)
        snprintf(num, sizeof num, "%.1f", rp_round1(v));
    else
        snprintf(num, sizeof num, "not tested");
    int nw = ui_text_width(u, FACE_BOLD, 15, num);
    ui_text(u, FACE_BOLD, 15, tested ? u->th.text : u->th.muted, x + w - nw, y, num);
    SDL_Rect bar = { x, y + U(u, 26), w, U(u, 12) };
    ui_round(u, bar, U(u, 6), u->th.surface_alt);
    if (u->high_contrast)
        ui_outline(u, bar, U(u, 6), 1, u->th.border);
    if (tested) {
        SDL_Rect f = bar;
        f.w = (int)(bar.w * v / 100.0);
        ui_round(u, f, U(u, 6), v >= a->sc->pass_mark ? u->th.pass : u->th.quality[RP_Q_POOR]);
    }
    int mark = bar.x + (int)(bar.w * a->sc->pass_mark / 100.0);
    ui_fill(u, (SDL_Rect){ mark - 1, bar.y - U(u, 4), U(u, 2) > 1 ? U(u, 2) : 1, bar.h + U(u, 8) }, u->th.text);
}

static int decision_card(app *a, int x, int y, int w, int i, const rp_decision *d, bool draw)
{
    ui *u = &a->u;
    const rp_node *nd = &a->sc->nodes[d->node];
    char said[1400], best[1400];
    const char *feedback = NULL;
    rp_quality q = RP_Q_HARMFUL;
    char *tmp;
    if (d->timed_out) {
        snprintf(said, sizeof said, "You ran out of time and said nothing.");
    } else {
        const rp_choice *c = &nd->choices[d->choice_index];
        tmp = fill_text(a, c->text);
        snprintf(said, sizeof said, "You said: “%s”", tmp);
        free(tmp);
        feedback = c->feedback;
        q = c->quality;
    }
    best[0] = '\0';
    if (d->best_index != d->choice_index) {
        tmp = fill_text(a, nd->choices[d->best_index].text);
        snprintf(best, sizeof best, "Best on offer: “%s”", tmp);
        free(tmp);
    }
    char *fb = feedback ? fill_text(a, feedback) : NULL;
    int tw = w - U(u, 40);
    int h = U(u, 16) + U(u, 28) + ui_text_wrapped_height(u, FACE_BOLD, 16, tw, said) + U(u, 6);
    if (fb) h += ui_text_wrapped_height(u, FACE_REGULAR, 15, tw, fb) + U(u, 6);
    if (best[0]) h += ui_text_wrapped_height(u, FACE_ITALIC, 15, tw, best) + U(u, 6);
    h += U(u, 10);
    if (draw) {
        SDL_Rect card = { x, y, w, h };
        ui_panel(u, card, U(u, 12), u->th.surface);
        int cx = x + U(u, 20), cy = y + U(u, 14);
        char head[64];
        snprintf(head, sizeof head, "Decision %d", i + 1);
        int hw = ui_text(u, FACE_BOLD, 13, u->th.muted, cx, cy + U(u, 3), head);
        const char *qword = d->timed_out ? "TIMED OUT" : rp_quality_name(q);
        char qlabel[32];
        snprintf(qlabel, sizeof qlabel, "%s", qword);
        for (char *p = qlabel; *p; p++) if (*p >= 'a' && *p <= 'z') *p -= 32;
        badge(u, cx + hw + U(u, 12), cy, qlabel, u->th.quality[d->timed_out ? RP_Q_HARMFUL : q]);
        cy += U(u, 30);
        cy += ui_text_wrapped(u, FACE_BOLD, 16, u->th.text, cx, cy, tw, said, 0, -1) + U(u, 6);
        if (fb)
            cy += ui_text_wrapped(u, FACE_REGULAR, 15, u->th.text, cx, cy, tw, fb, 0, -1) + U(u, 6);
        if (best[0])
            ui_text_wrapped(u, FACE_ITALIC, 15, u->th.quality[RP_Q_BEST], cx, cy, tw, best, 0, -1);
    }
    free(fb);
    return h;
}

static void draw_debrief(app *a)
{
    ui *u = &a->u;
    const rp_scenario *sc = a->sc;
    top_bar(a, sc->title);
    rp_scores s;
    rp_session_scores(a->s, &s);
    const rp_node *end = &sc->nodes[rp_session_ending(a->s)];

    SDL_Rect left = R(u, 40, 76, 420, 600);
    ui_panel(u, left, U(u, 18), u->th.surface);
    int x = left.x + U(u, 28), w = left.w - U(u, 56), y = left.y + U(u, 24);
    SDL_Color rc = s.passed ? u->th.pass : u->th.fail;
    SDL_Rect mark = { x, y, U(u, 44), U(u, 44) };
    ui_round(u, mark, U(u, 22), rc);
    const char *sym = s.passed ? "✓" : "✗";
    int sw = ui_text_width(u, FACE_BOLD, 24, sym);
    ui_text(u, FACE_BOLD, 24, u->high_contrast ? u->th.primary_text : (SDL_Color){ 255, 255, 255, 255 },
            mark.x + (mark.w - sw) / 2, mark.y + (mark.h - ui_line_height(u, FACE_BOLD, 24)) / 2, sym);
    ui_text(u, FACE_BOLD, 26, rc, x + U(u, 58), y + U(u, 2), s.passed ? "Passed" : "Not passed yet");
    char outcome[160];
    snprintf(outcome, sizeof outcome, "Outcome: %s", end->outcome);
    ui_text(u, FACE_REGULAR, 15, u->th.muted, x + U(u, 58), y + U(u, 34), outcome);
    y += U(u, 70);
    char big[32];
    if (s.has_overall)
        snprintf(big, sizeof big, "%.1f", rp_round1(s.overall));
    else
        snprintf(big, sizeof big, "–");
    int bw = ui_text(u, FACE_BOLD, 44, u->th.text, x, y, big);
    char pm[64];
    snprintf(pm, sizeof pm, "overall · pass mark %g", sc->pass_mark);
    ui_text(u, FACE_REGULAR, 15, u->th.muted, x + bw + U(u, 12), y + U(u, 26), pm);
    y += U(u, 72);
    static const char *const labels[RP_NDIMS] = { "Empathy", "Conflict resolution", "Response quality" };
    for (int d = 0; d < RP_NDIMS; d++) {
        score_bar(a, x, y, w, labels[d], s.tested[d], s.dim[d]);
        y += U(u, 54);
    }
    char mood[160];
    snprintf(mood, sizeof mood, "%s's mood: %s → %s", sc->customer.name, mood_word(rp_session_start_mood(a->s)),
             mood_word(rp_session_mood(a->s)));
    y += ui_text_wrapped(u, FACE_REGULAR, 15, u->th.text, x, y, w, mood, 0, -1) + U(u, 8);
    if (end->debrief) {
        char *db = fill_text(a, end->debrief);
        int room = left.y + left.h - U(u, 150) - y;
        float size = ui_fit_size(u, FACE_ITALIC, 15, 12, w, room, db);
        ui_text_wrapped(u, FACE_ITALIC, size, u->th.muted, x, y, w, db, room, -1);
        free(db);
    }
    SDL_Rect retry = { x, left.y + left.h - U(u, 128), w, U(u, 48) };
    SDL_Rect another = { x, left.y + left.h - U(u, 68), w, U(u, 48) };
    button(a, retry, "Try again", ID_RETRY, false);
    button(a, another, a->single_file ? "Close" : "Another scenario", ID_ANOTHER, true);

    /* the decisions, scrollable */
    int rx = U(u, 480), rw = U(u, 760), top = U(u, 76);
    ui_text(u, FACE_BOLD, 20, u->th.text, rx, top, "Your conversation, decision by decision");
    top += U(u, 40);
    int bottom = u->h - U(u, 36);
    int n;
    const rp_decision *dec = rp_session_decisions(a->s, &n);
    int total = 0;
    for (int i = 0; i < n; i++)
        total += decision_card(a, rx, 0, rw, i, &dec[i], false) + U(u, 12);
    int view = bottom - top;
    if (a->debrief_scroll > total - view) a->debrief_scroll = total - view > 0 ? total - view : 0;
    if (a->debrief_scroll < 0) a->debrief_scroll = 0;
    SDL_Rect clip = { rx - U(u, 6), top, rw + U(u, 12), view };
    SDL_RenderSetClipRect(u->r, &clip);
    int cy = top - a->debrief_scroll;
    for (int i = 0; i < n; i++) {
        int h = decision_card(a, rx, cy, rw, i, &dec[i], cy < bottom && cy > top - U(u, 600));
        cy += h + U(u, 12);
    }
    SDL_RenderSetClipRect(u->r, NULL);
    ui_hit_add(u, clip, ID_DEBRIEF_SCROLL);
    if (total > view) {   /* a scroll indicator */
        int th = view * view / total;
        int ty = top + (view - th) * a->debrief_scroll / (total - view);
        ui_round(u, (SDL_Rect){ rx + rw + U(u, 10), ty, U(u, 6), th }, U(u, 3), u->th.border);
    }
    hint_bar(a, "Up/Down or wheel: read the decisions    Tab: switch button    Enter: select");
}

static void debrief_input(app *a, action act, int arg)
{
    switch (act) {
    case ACT_UP: a->debrief_scroll -= U(&a->u, 60); break;
    case ACT_DOWN: a->debrief_scroll += U(&a->u, 60); break;
    case ACT_SCROLL: a->debrief_scroll += arg * U(&a->u, 30); break;
    case ACT_LEFT: case ACT_RIGHT: case ACT_TAB:
        a->focus = a->focus == ID_RETRY ? ID_ANOTHER : ID_RETRY;
        break;
    case ACT_CONFIRM:
        if (a->focus == ID_RETRY) app_restart(a);
        else app_leave_scene(a, SCR_LIST);
        return;
    case ACT_BACK:
        app_leave_scene(a, SCR_LIST);
        return;
    case ACT_CLICK:
        if (arg == ID_RETRY) { app_restart(a); return; }
        if (arg == ID_ANOTHER) { app_leave_scene(a, SCR_LIST); return; }
        break;
    default: break;
    }
    a->dirty = true;
}

/* ---- error ------------------------------------------------------------------------------------- */

static void draw_error(app *a)
{
    ui *u = &a->u;
    top_bar(a, NULL);
    SDL_Rect card = R(u, 240, 130, 800, 420);
    ui_panel(u, card, U(u, 18), u->th.surface);
    ui_outline(u, card, U(u, 18), U(u, 2), u->th.fail);
    int x = card.x + U(u, 40), w = card.w - U(u, 80), y = card.y + U(u, 34);
    ui_text(u, FACE_BOLD, 24, u->th.fail, x, y, "This scenario can't be played");
    y += U(u, 44);
    y += ui_text_wrapped(u, FACE_REGULAR, 16, u->th.text, x, y, w,
                         "The scenario file has a problem that its author needs to fix. "
                         "Nothing you did caused it, and no record was lost. Tell your trainer:", 0, -1) + U(u, 14);
    SDL_Rect msg = { x, y, w, U(u, 150) };
    ui_round(u, msg, U(u, 8), u->th.surface_alt);
    char *clean = rp_utf8_sanitize(a->error, strlen(a->error));
    ui_text_wrapped(u, FACE_REGULAR, 15, u->th.text, x + U(u, 16), y + U(u, 12), w - U(u, 32), clean,
                    msg.h - U(u, 24), -1);
    free(clean);
    SDL_Rect b = { card.x + card.w - U(u, 300), card.y + card.h - U(u, 80), U(u, 260), U(u, 50) };
    a->focus = ID_ERROR_BACK;
    button(a, b, a->single_file ? "Close" : "Back to the list", ID_ERROR_BACK, true);
    hint_bar(a, "Enter or Esc: back");
}

void screens_draw_speech(app *a)
{
    if (!a->speech.set || a->cur.say == NULL)
        return;
    bool typed = a->cur.typed >= (double)a->cur.chars;
    ui_text_wrapped(&a->u, FACE_REGULAR, a->speech.size, a->u.th.bubble_text, a->speech.r.x, a->speech.r.y,
                    a->speech.r.w, a->cur.say, a->speech.r.h, typed ? -1 : (long)a->cur.typed);
}

/* ---- dispatch --------------------------------------------------------------------------------- */

void screens_draw(app *a)
{
    a->speech.set = false;
    switch (a->screen) {
    case SCR_SIGNIN: draw_signin(a); break;
    case SCR_LIST: draw_list(a); break;
    case SCR_SCENE:
        draw_scene(a);
        if (a->paused)
            draw_pause(a);
        break;
    case SCR_DEBRIEF: draw_debrief(a); break;
    case SCR_ERROR: draw_error(a); break;
    case SCR_HR_LOGIN: case SCR_HR_LIST: case SCR_HR_SESSION: hr_draw(a); break;
    }
    draw_banner(a);
}

void screens_input(app *a, action act, int arg)
{
    switch (a->screen) {
    case SCR_SIGNIN: signin_input(a, act, arg); break;
    case SCR_LIST: list_input(a, act, arg); break;
    case SCR_SCENE:
        if (a->paused) pause_input(a, act, arg);
        else scene_input(a, act, arg);
        break;
    case SCR_DEBRIEF: debrief_input(a, act, arg); break;
    case SCR_HR_LOGIN: case SCR_HR_LIST: case SCR_HR_SESSION:
        hr_input(a, act, arg);
        break;
    case SCR_ERROR:
        if (act == ACT_CONFIRM || act == ACT_BACK || (act == ACT_CLICK && arg == ID_ERROR_BACK))
            app_leave_scene(a, SCR_LIST);
        break;
    }
}
