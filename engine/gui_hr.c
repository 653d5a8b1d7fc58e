/*
 * gui_hr.c - HR review in the window, behind the passphrase that
 * `rapport passphrase` sets: the list of stored sessions (filtered as
 * typed, and by result), one session's scorecard with its whole decision
 * log, and an export of the HTML cohort report.
 */
#include "gui.h"
#include "passphrase.h"
#include "report.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct hr_state {
    rp_record_list all;
    int *rows;                   /* indexes into all, after filtering */
    int n_rows;
    rp_record one;               /* the open session, with decisions */
    bool has_one;
};

#define ROW_H 44.0f


bool screen_takes_text(screen_id s)
{
    return s == SCR_SIGNIN || s == SCR_HR_LOGIN || s == SCR_HR_LIST;
}

static void hr_free(app *a)
{
    if (a->hr == NULL)
        return;
    rp_record_list_free(&a->hr->all);
    free(a->hr->rows);
    if (a->hr->has_one)
        rp_record_free(&a->hr->one);
    free(a->hr);
    a->hr = NULL;
}

void hr_open(app *a)
{
    a->screen = SCR_HR_LOGIN;
    a->hr_pass[0] = '\0';
    a->hr_message[0] = '\0';
    a->focus = ID_HR_PASS;
    a->dirty = true;
}

void hr_close(app *a)
{
    hr_free(a);
    memset(a->hr_pass, 0, sizeof a->hr_pass);
    a->screen = SCR_SIGNIN;
    a->focus = ID_SIGNIN_NAME;
    a->dirty = true;
}

static bool contains(const char *hay, const char *needle)
{
    if (hay == NULL)
        return false;
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

static void hr_refilter(app *a)
{
    struct hr_state *h = a->hr;
    h->n_rows = 0;
    for (int i = h->all.n - 1; i >= 0; i--) {          /* newest first */
        const rp_record *r = &h->all.items[i];
        const char *f = a->hr_filter;
        if (f[0] && !contains(r->trainee, f) && !contains(r->cohort, f) && !contains(r->scenario_id, f) &&
            !contains(r->title, f))
            continue;
        bool done = r->status == RP_REC_COMPLETE;
        if (a->hr_status == 1 && !(done && r->passed)) continue;
        if (a->hr_status == 2 && !(done && !r->passed)) continue;
        if (a->hr_status == 3 && done) continue;
        h->rows[h->n_rows++] = i;
    }
    a->hr_scroll = 0;
    a->dirty = true;
}

static void hr_load(app *a)
{
    hr_free(a);
    a->hr = calloc(1, sizeof *a->hr);
    char err[512];
    rp_filter none = { 0 };
    if (a->store == NULL || rp_report_list(a->store, &none, false, &a->hr->all, err, sizeof err) != 0) {
        snprintf(a->hr_message, sizeof a->hr_message, "The records cannot be read: %s",
                 a->store ? err : a->store_error);
        a->hr->all.n = 0;
    }
    a->hr->rows = calloc((size_t)a->hr->all.n + 1, sizeof *a->hr->rows);
    app_sync_status(a, a->hr_outbox, sizeof a->hr_outbox);
    hr_refilter(a);
}

void hr_submit(app *a)
{
    char err[512];
    int ok = rp_passphrase_check(a->db_path, a->hr_pass, err, sizeof err);
    memset(a->hr_pass, 0, sizeof a->hr_pass);
    if (ok == 1) {
        a->screen = SCR_HR_LIST;
        a->focus = ID_HR_FILTER;
        a->hr_message[0] = '\0';
        hr_load(a);
    } else if (ok == 0) {
        snprintf(a->hr_message, sizeof a->hr_message, "That passphrase is not right.");
    } else {
        snprintf(a->hr_message, sizeof a->hr_message, "%s", err);
    }
    a->dirty = true;
}

void hr_text_input(app *a, const char *utf8)
{
    char *field = a->screen == SCR_HR_LOGIN ? a->hr_pass : a->hr_filter;
    size_t size = a->screen == SCR_HR_LOGIN ? sizeof a->hr_pass : sizeof a->hr_filter;
    if (strlen(field) + strlen(utf8) < size - 1)
        strcat(field, utf8);
    if (a->screen == SCR_HR_LIST)
        hr_refilter(a);
    a->dirty = true;
}

void hr_backspace(app *a)
{
    char *field = a->screen == SCR_HR_LOGIN ? a->hr_pass : a->hr_filter;
    size_t n = strlen(field);
    while (n > 0 && ((unsigned char)field[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    field[n] = '\0';
    if (a->screen == SCR_HR_LIST)
        hr_refilter(a);
    a->dirty = true;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static void small_button(app *a, SDL_Rect r, const char *label, int id, bool primary)
{
    ui *u = &a->u;
    SDL_Color fill = primary ? u->th.primary : (a->hover == id ? u->th.surface_alt : u->th.surface);
    ui_panel(u, r, U(u, 8), fill);
    if (!primary)
        ui_outline(u, r, U(u, 8), 1, u->th.border);
    if (a->focus == id)
        ui_outline(u, (SDL_Rect){ r.x - U(u, 3), r.y - U(u, 3), r.w + U(u, 6), r.h + U(u, 6) }, U(u, 10), U(u, 3),
                   u->th.focus);
    int tw = ui_text_width(u, FACE_BOLD, 15, label);
    ui_text(u, FACE_BOLD, 15, primary ? u->th.primary_text : u->th.text, r.x + (r.w - tw) / 2,
            r.y + (r.h - ui_line_height(u, FACE_BOLD, 15)) / 2, label);
    ui_hit_add(u, r, id);
}

static void header(app *a, const char *title)
{
    ui *u = &a->u;
    SDL_Rect bar = { 0, 0, u->w, U(u, 56) };
    ui_fill(u, bar, u->th.surface);
    ui_fill(u, (SDL_Rect){ 0, bar.h - 1, u->w, 1 }, u->th.border);
    ui_text(u, FACE_BOLD, 21, u->th.text, U(u, 28), U(u, 14), "Rapport");
    int w = ui_text_width(u, FACE_BOLD, 17, title);
    ui_text(u, FACE_BOLD, 17, u->th.muted, (u->w - w) / 2, U(u, 17), title);
    const char *tag = "HR review";
    int tw = ui_text_width(u, FACE_BOLD, 13, tag);
    SDL_Rect chip = { u->w - tw - U(u, 52), U(u, 15), tw + U(u, 24), U(u, 26) };
    ui_round(u, chip, U(u, 13), u->th.primary);
    ui_text(u, FACE_BOLD, 13, u->th.primary_text, chip.x + U(u, 12), chip.y + U(u, 5), tag);
}

static void footer(app *a, const char *hints)
{
    ui *u = &a->u;
    int h = U(u, 30);
    ui_fill(u, (SDL_Rect){ 0, u->h - h, u->w, h }, u->th.surface);
    ui_text(u, FACE_REGULAR, 13, u->th.muted, U(u, 28), u->h - h + (h - ui_line_height(u, FACE_REGULAR, 13)) / 2,
            hints);
}

static void draw_login(app *a)
{
    ui *u = &a->u;
    header(a, "Records");
    SDL_Rect card = R(u, 390, 150, 500, 340);
    ui_panel(u, card, U(u, 18), u->th.surface);
    int x = card.x + U(u, 40), w = card.w - U(u, 80), y = card.y + U(u, 34);
    ui_text(u, FACE_BOLD, 24, u->th.text, x, y, "HR review");
    y += U(u, 40);
    y += ui_text_wrapped(u, FACE_REGULAR, 15, u->th.muted, x, y, w,
                         "Stored sessions and scorecards. Enter the passphrase your administrator set "
                         "with 'rapport passphrase'.", 0, -1) + U(u, 16);
    SDL_Rect box = { x, y, w, U(u, 46) };
    ui_round(u, box, U(u, 8), u->th.surface_alt);
    ui_outline(u, box, U(u, 8), U(u, 3), u->th.focus);
    char dots[128] = "";
    size_t n = rp_utf8_count(a->hr_pass);
    for (size_t i = 0; i < n && i < 40; i++)
        strcat(dots, "•");
    int tw = ui_text(u, FACE_REGULAR, 19, u->th.text, box.x + U(u, 14),
                     box.y + (box.h - ui_line_height(u, FACE_REGULAR, 19)) / 2, dots);
    ui_fill(u, (SDL_Rect){ box.x + U(u, 15) + tw, box.y + U(u, 10), U(u, 2), box.h - U(u, 20) }, u->th.text);
    ui_hit_add(u, box, ID_HR_PASS);
    y += box.h + U(u, 14);
    if (a->hr_message[0])
        ui_text_wrapped(u, FACE_BOLD, 14, u->th.fail, x, y, w, a->hr_message, U(u, 40), -1);
    SDL_Rect back = { x, card.y + card.h - U(u, 70), U(u, 130), U(u, 44) };
    SDL_Rect open = { x + w - U(u, 190), back.y, U(u, 190), U(u, 44) };
    small_button(a, back, "Back", ID_HR_BACK, false);
    small_button(a, open, "Open records", ID_HR_ENTER, true);
    footer(a, "Enter: open    Esc: back to sign-in");
}

static const char *short_time(const char *iso, char *buf, size_t size)
{
    /* "2026-11-23T14:02:11Z" -> "2026-11-23 14:02" */
    snprintf(buf, size, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
    return buf;
}

static void draw_list(app *a)
{
    ui *u = &a->u;
    struct hr_state *h = a->hr;
    header(a, "Session records");
    int x = U(u, 40), w = u->w - U(u, 80), y = U(u, 74);
    SDL_Rect box = { x, y, U(u, 420), U(u, 40) };
    ui_round(u, box, U(u, 8), u->th.surface);
    ui_outline(u, box, U(u, 8), a->focus == ID_HR_FILTER ? U(u, 3) : 1,
               a->focus == ID_HR_FILTER ? u->th.focus : u->th.border);
    const char *shown = a->hr_filter[0] ? a->hr_filter : "Filter by trainee, cohort or scenario";
    int tw = ui_text(u, FACE_REGULAR, 16, a->hr_filter[0] ? u->th.text : u->th.muted, box.x + U(u, 12),
                     box.y + (box.h - ui_line_height(u, FACE_REGULAR, 16)) / 2, shown);
    if (a->focus == ID_HR_FILTER)
        ui_fill(u, (SDL_Rect){ box.x + U(u, 13) + (a->hr_filter[0] ? tw : 0), box.y + U(u, 9), U(u, 2), box.h - U(u, 18) },
                u->th.text);
    ui_hit_add(u, box, ID_HR_FILTER);
    static const char *const st[4] = { "All", "Passed", "Not passed", "Abandoned" };
    int cx = box.x + box.w + U(u, 16);
    for (int i = 0; i < 4; i++) {
        int cw = ui_text_width(u, FACE_BOLD, 14, st[i]) + U(u, 26);
        SDL_Rect chip = { cx, y + U(u, 4), cw, U(u, 32) };
        bool on = a->hr_status == i;
        ui_round(u, chip, U(u, 16), on ? u->th.primary : u->th.surface);
        if (!on) ui_outline(u, chip, U(u, 16), 1, u->th.border);
        ui_text(u, FACE_BOLD, 14, on ? u->th.primary_text : u->th.text, chip.x + U(u, 13), chip.y + U(u, 7), st[i]);
        ui_hit_add(u, chip, ID_HR_STATUS + i);
        cx += cw + U(u, 8);
    }
    SDL_Rect exp = { x + w - U(u, 220), y, U(u, 220), U(u, 40) };
    small_button(a, exp, "Export HTML report", ID_HR_EXPORT, false);
    y += U(u, 56);
    /* the table */
    static const float cols[] = { 0, 170, 330, 470, 800, 960, 1060 };
    static const char *const heads[] = { "Started", "Trainee", "Cohort", "Scenario", "Status", "Overall", "Result" };
    for (int c = 0; c < 7; c++)
        ui_text(u, FACE_BOLD, 13, u->th.muted, x + U(u, 12 + cols[c]), y, heads[c]);
    y += U(u, 24);
    int top = y, bottom = u->h - U(u, 36);
    SDL_Rect clip = { 0, top, u->w, bottom - top };
    SDL_RenderSetClipRect(u->r, &clip);
    if (h->n_rows == 0)
        ui_text(u, FACE_REGULAR, 16, u->th.muted, x + U(u, 12), y + U(u, 12),
                a->hr_message[0] ? a->hr_message : "No sessions match.");
    for (int k = 0; k < h->n_rows; k++) {
        int ry = top + U(u, k * (ROW_H + 6)) - a->hr_scroll;
        if (ry + U(u, ROW_H) < top || ry > bottom)
            continue;
        const rp_record *r = &h->all.items[h->rows[k]];
        int id = ID_HR_ROW + k;
        SDL_Rect row = { x, ry, w, U(u, ROW_H) };
        ui_round(u, row, U(u, 8), a->hover == id || a->focus == id ? u->th.surface_alt : u->th.surface);
        if (a->focus == id)
            ui_outline(u, row, U(u, 8), U(u, 3), u->th.focus);
        int ty = ry + (row.h - ui_line_height(u, FACE_REGULAR, 15)) / 2;
        char buf[64];
        const char *cells[7];
        cells[0] = short_time(r->started, buf, sizeof buf);
        cells[1] = r->trainee;
        cells[2] = r->cohort ? r->cohort : "–";
        cells[3] = r->title;
        cells[4] = r->status == RP_REC_COMPLETE ? (r->outcome ? r->outcome : "complete")
                 : r->interrupted ? "interrupted" : rp_record_status_name(r->status);
        char overall[16];
        snprintf(overall, sizeof overall, r->has_score[RP_SCORE_OVERALL] ? "%.1f" : "–", r->score[RP_SCORE_OVERALL]);
        cells[5] = overall;
        cells[6] = r->status != RP_REC_COMPLETE ? "" : r->passed ? "✓ passed" : "✗ not passed";
        for (int c = 0; c < 7; c++) {
            float right = c < 6 ? cols[c + 1] : (float)(w / u->scale) - 12;
            SDL_Rect cell = { x + U(u, 12 + cols[c]), ry, U(u, right - cols[c] - 10), row.h };
            SDL_Rect inter;
            SDL_IntersectRect(&cell, &clip, &inter);
            SDL_RenderSetClipRect(u->r, &inter);
            SDL_Color col = c == 6 ? (r->passed ? u->th.pass : u->th.fail) : u->th.text;
            ui_text(u, c == 1 || c == 6 ? FACE_BOLD : FACE_REGULAR, 15, col, cell.x, ty, cells[c]);
            SDL_RenderSetClipRect(u->r, &clip);
        }
        SDL_Rect hit;
        SDL_IntersectRect(&row, &clip, &hit);
        ui_hit_add(u, hit, id);
    }
    SDL_RenderSetClipRect(u->r, NULL);
    if (a->hr_message[0] && h->n_rows > 0) {
        int mw = ui_text_width(u, FACE_REGULAR, 14, a->hr_message);
        SDL_Rect m = { (u->w - mw) / 2 - U(u, 14), u->h - U(u, 80), mw + U(u, 28), U(u, 34) };
        ui_panel(u, m, U(u, 8), (SDL_Color){ 0x24, 0x33, 0x3B, 240 });
        ui_text(u, FACE_REGULAR, 14, (SDL_Color){ 255, 255, 255, 255 }, m.x + U(u, 14), m.y + U(u, 8), a->hr_message);
    }
    /* where the records stand with the organisation's LRS */
    const char *outbox = a->sync_note[0] ? a->sync_note : a->hr_outbox;
    if (outbox[0]) {
        SDL_Rect strip = { 0, u->h - U(u, 58), u->w, U(u, 28) };
        ui_fill(u, strip, u->th.surface_alt);
        ui_text(u, FACE_REGULAR, 13, u->th.text, U(u, 28), strip.y + U(u, 6), outbox);
    }
    char count[160];
    snprintf(count, sizeof count, "%d of %d sessions    Up/Down: move    Enter: open    Tab: result filter    Esc: leave HR review",
             h->n_rows, h->all.n);
    footer(a, count);
}

static void draw_session(app *a)
{
    ui *u = &a->u;
    const rp_record *r = &a->hr->one;
    header(a, r->title);
    SDL_Rect left = R(u, 40, 76, 400, 600);
    ui_panel(u, left, U(u, 18), u->th.surface);
    int x = left.x + U(u, 26), w = left.w - U(u, 52), y = left.y + U(u, 22);
    ui_text(u, FACE_BOLD, 22, u->th.text, x, y, r->trainee);
    y += U(u, 32);
    char line[256], t1[64];
    snprintf(line, sizeof line, "%s%s%s", r->cohort ? r->cohort : "", r->cohort ? " · " : "",
             short_time(r->started, t1, sizeof t1));
    ui_text(u, FACE_REGULAR, 14, u->th.muted, x, y, line);
    y += U(u, 26);
    const char *status = r->status == RP_REC_COMPLETE ? (r->passed ? "Passed" : "Not passed")
                        : r->interrupted ? "Interrupted (not finished)" : "Abandoned (not finished)";
    ui_text(u, FACE_BOLD, 20, r->status == RP_REC_COMPLETE && r->passed ? u->th.pass : u->th.fail, x, y, status);
    y += U(u, 32);
    if (r->outcome) {
        snprintf(line, sizeof line, "Outcome: %s    Pass mark %g", r->outcome, r->pass_mark);
        ui_text(u, FACE_REGULAR, 14, u->th.muted, x, y, line);
        y += U(u, 30);
    }
    for (int d = 0; d < RP_NSCORES; d++) {
        int idx = d == 0 ? RP_SCORE_OVERALL : d - 1;
        snprintf(line, sizeof line, r->has_score[idx] ? "%.1f" : "–", r->score[idx]);
        ui_text(u, d == 0 ? FACE_BOLD : FACE_REGULAR, d == 0 ? 18 : 15, u->th.text, x, y, rp_score_labels[idx]);
        int nw = ui_text_width(u, FACE_BOLD, d == 0 ? 18 : 15, line);
        ui_text(u, FACE_BOLD, d == 0 ? 18 : 15, u->th.text, x + w - nw, y, line);
        y += U(u, 8) + ui_line_height(u, FACE_REGULAR, d == 0 ? 18 : 15);
        if (r->has_score[idx]) {
            SDL_Rect bar = { x, y, w, U(u, 8) };
            ui_round(u, bar, U(u, 4), u->th.surface_alt);
            bar.w = (int)(w * r->score[idx] / 100.0);
            ui_round(u, bar, U(u, 4), r->score[idx] >= r->pass_mark ? u->th.pass : u->th.quality[RP_Q_POOR]);
            y += U(u, 18);
        }
    }
    y += U(u, 8);
    snprintf(line, sizeof line, "Record %lld · %s · scenario version %s", r->id, r->sealed ? "sealed" : "not sealed yet",
             r->version ? r->version : "–");
    ui_text_wrapped(u, FACE_REGULAR, 12, u->th.muted, x, y, w, line, 0, -1);
    SDL_Rect back = { x, left.y + left.h - U(u, 64), w, U(u, 44) };
    small_button(a, back, "Back to the records", ID_HR_BACK, true);

    /* the decision log */
    int rx = U(u, 460), rw = U(u, 780), top = U(u, 76), bottom = u->h - U(u, 36);
    ui_text(u, FACE_BOLD, 20, u->th.text, rx, top, "Decision log");
    top += U(u, 38);
    SDL_Rect clip = { rx - U(u, 4), top, rw + U(u, 8), bottom - top };
    SDL_RenderSetClipRect(u->r, &clip);
    int cy = top - a->hr_scroll;
    for (int i = 0; i < r->n_decisions; i++) {
        const rp_record_decision *d = &r->decisions[i];
        char said[1400], meta[160];
        if (d->timed_out)
            snprintf(said, sizeof said, "Ran out of time and said nothing.");
        else
            snprintf(said, sizeof said, "“%s”", d->text ? d->text : "");
        if (d->response_ms >= 0)
            snprintf(meta, sizeof meta, "Decision %d · node %s · choice %d · %.1f s · %s", i + 1, d->node,
                     d->choice, d->response_ms / 1000.0, d->timed_out ? "timed out" : d->quality);
        else
            snprintf(meta, sizeof meta, "Decision %d · node %s · choice %d · %s", i + 1, d->node, d->choice,
                     d->timed_out ? "timed out" : d->quality);
        int tw = rw - U(u, 36);
        int hgt = U(u, 48) + ui_text_wrapped_height(u, FACE_BOLD, 15, tw, said);
        if (d->feedback) hgt += ui_text_wrapped_height(u, FACE_REGULAR, 14, tw, d->feedback) + U(u, 4);
        char best[1400] = "";
        if (d->best) {
            snprintf(best, sizeof best, "Best on offer: “%s”", d->best);
            hgt += ui_text_wrapped_height(u, FACE_ITALIC, 14, tw, best) + U(u, 4);
        }
        if (cy < bottom && cy + hgt > top) {
            SDL_Rect card = { rx, cy, rw, hgt };
            ui_panel(u, card, U(u, 10), u->th.surface);
            int qx = d->timed_out || d->quality == NULL ? RP_Q_HARMFUL
                   : strcmp(d->quality, "best") == 0 ? RP_Q_BEST : strcmp(d->quality, "good") == 0 ? RP_Q_GOOD
                   : strcmp(d->quality, "poor") == 0 ? RP_Q_POOR : RP_Q_HARMFUL;
            ui_fill(u, (SDL_Rect){ rx, cy + U(u, 8), U(u, 4), hgt - U(u, 16) }, u->th.quality[qx]);
            int ty = cy + U(u, 12);
            ui_text(u, FACE_BOLD, 12, u->th.quality[qx], rx + U(u, 18), ty, meta);
            ty += U(u, 24);
            ty += ui_text_wrapped(u, FACE_BOLD, 15, u->th.text, rx + U(u, 18), ty, tw, said, 0, -1) + U(u, 4);
            if (d->feedback)
                ty += ui_text_wrapped(u, FACE_REGULAR, 14, u->th.text, rx + U(u, 18), ty, tw, d->feedback, 0, -1) + U(u, 4);
            if (best[0])
                ui_text_wrapped(u, FACE_ITALIC, 14, u->th.quality[RP_Q_BEST], rx + U(u, 18), ty, tw, best, 0, -1);
        }
        cy += hgt + U(u, 10);
    }
    if (r->n_decisions == 0)
        ui_text(u, FACE_REGULAR, 15, u->th.muted, rx, top + U(u, 8), "No decision was made in this session.");
    SDL_RenderSetClipRect(u->r, NULL);
    footer(a, "Up/Down or wheel: read    Esc: back to the records");
}

void hr_draw(app *a)
{
    switch (a->screen) {
    case SCR_HR_LOGIN: draw_login(a); break;
    case SCR_HR_LIST: if (a->hr) draw_list(a); break;
    case SCR_HR_SESSION: if (a->hr && a->hr->has_one) draw_session(a); break;
    default: break;
    }
}

/* ---- input ----------------------------------------------------------------------------------- */

static void open_row(app *a, int k)
{
    struct hr_state *h = a->hr;
    if (k < 0 || k >= h->n_rows)
        return;
    if (h->has_one)
        rp_record_free(&h->one);
    h->has_one = false;
    char err[512];
    if (rp_report_load(a->store, h->all.items[h->rows[k]].id, &h->one, err, sizeof err) != 0) {
        snprintf(a->hr_message, sizeof a->hr_message, "That session cannot be read: %s", err);
        return;
    }
    h->has_one = true;
    a->screen = SCR_HR_SESSION;
    a->hr_scroll = 0;
    a->focus = ID_HR_BACK;
}

static void export_report(app *a)
{
    char path[1024], err[256], day[16];
    time_t now = time(NULL);
    strftime(day, sizeof day, "%Y-%m-%d", localtime(&now));
    const char *home = getenv("HOME");
    snprintf(path, sizeof path, "%s/rapport-report-%s.html", home && *home ? home : ".", day);
    rp_filter none = { 0 };
    if (a->store && rp_report_write_html(a->store, &none, path, err, sizeof err) == 0)
        snprintf(a->hr_message, sizeof a->hr_message, "Saved the cohort report to %s", path);
    else
        snprintf(a->hr_message, sizeof a->hr_message, "The report could not be saved: %s",
                 a->store ? err : a->store_error);
}

static void keep_row_visible(app *a)
{
    if (a->focus < ID_HR_ROW)
        return;
    ui *u = &a->u;
    int k = a->focus - ID_HR_ROW;
    int row_top = U(u, k * (ROW_H + 6)), view = u->h - U(u, 36) - U(u, 154);
    if (row_top < a->hr_scroll) a->hr_scroll = row_top;
    if (row_top + U(u, ROW_H) > a->hr_scroll + view) a->hr_scroll = row_top + U(u, ROW_H) - view;
}

void hr_input(app *a, action act, int arg)
{
    a->dirty = true;
    if (a->screen == SCR_HR_LOGIN) {
        if (act == ACT_CONFIRM || (act == ACT_CLICK && arg == ID_HR_ENTER)) hr_submit(a);
        else if (act == ACT_BACK || (act == ACT_CLICK && arg == ID_HR_BACK)) hr_close(a);
        return;
    }
    if (a->screen == SCR_HR_SESSION) {
        if (act == ACT_BACK || act == ACT_CONFIRM || (act == ACT_CLICK && arg == ID_HR_BACK)) {
            a->screen = SCR_HR_LIST;
            a->focus = ID_HR_FILTER;
            a->hr_scroll = 0;
        } else if (act == ACT_UP || act == ACT_DOWN || act == ACT_SCROLL) {
            int step = act == ACT_SCROLL ? arg * U(&a->u, 30) : (act == ACT_UP ? -1 : 1) * U(&a->u, 60);
            a->hr_scroll += step;
            if (a->hr_scroll < 0) a->hr_scroll = 0;
        }
        return;
    }
    struct hr_state *h = a->hr;
    int k = a->focus >= ID_HR_ROW ? a->focus - ID_HR_ROW : -1;
    switch (act) {
    case ACT_BACK: hr_close(a); return;
    case ACT_DOWN: k = k < h->n_rows - 1 ? k + 1 : k; break;
    case ACT_UP:
        if (k <= 0) { a->focus = ID_HR_FILTER; return; }
        k--;
        break;
    case ACT_TAB:
        a->hr_status = (a->hr_status + (arg < 0 ? 3 : 1)) % 4;
        hr_refilter(a);
        return;
    case ACT_CONFIRM:
        if (k >= 0) open_row(a, k);
        else if (h->n_rows > 0) a->focus = ID_HR_ROW;
        return;
    case ACT_SCROLL:
        a->hr_scroll += arg * U(&a->u, 30);
        if (a->hr_scroll < 0) a->hr_scroll = 0;
        return;
    case ACT_CLICK:
        if (arg >= ID_HR_ROW) open_row(a, arg - ID_HR_ROW);
        else if (arg >= ID_HR_STATUS && arg < ID_HR_STATUS + 4) { a->hr_status = arg - ID_HR_STATUS; hr_refilter(a); }
        else if (arg == ID_HR_EXPORT) export_report(a);
        else if (arg == ID_HR_FILTER) a->focus = ID_HR_FILTER;
        return;
    default:
        return;
    }
    if (k >= 0 && k < h->n_rows) {
        a->focus = ID_HR_ROW + k;
        keep_row_visible(a);
    }
}
