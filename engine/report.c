/*
 * report.c - see report.h: the queries, the summaries, and the terminal,
 * CSV and JSON writers. The HTML report is in report_html.c, xAPI in
 * report_xapi.c.
 */
#include "report.h"
#include "store_private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const rp_score_names[RP_NSCORES] = { "empathy", "resolution", "choices", "overall" };
const char *const rp_score_labels[RP_NSCORES] = { "Empathy", "Resolution", "Choices", "Overall" };

const char *rp_record_status_name(rp_record_status s)
{
    switch (s) {
    case RP_REC_IN_PROGRESS: return "in progress";
    case RP_REC_COMPLETE: return "complete";
    default: return "abandoned";
    }
}

/* ---- filters ------------------------------------------------------------------- */

/*
 * Turns a date or date-time into the stored form. A bare date is the start
 * of the day, or its end when end_of_day. 0, or -1 when it is not a date.
 */
static int normalise_date(const char *in, bool end_of_day, char out[32])
{
    int y, mo, d, h = 0, mi = 0, n = 0;
    double sec = 0;
    size_t len = strlen(in);
    if (sscanf(in, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        return -1;
    bool has_time = len > 10;
    if (has_time) {
        const char *t = in + 10;
        int m = 0;
        if ((*t != 'T' && *t != ' ') || sscanf(t + 1, "%2d:%2d%n", &h, &mi, &m) != 2 || m != 5)
            return -1;
        t += 1 + m;
        if (*t == ':') {
            char *end;
            sec = strtod(t + 1, &end);
            if (end == t + 1)
                return -1;
            t = end;
        }
        if (*t == 'Z' || *t == 'z')
            t++;
        if (*t != '\0')
            return -1;
    }
    struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi };
    time_t t = timegm(&tm);
    struct tm back;
    gmtime_r(&t, &back);
    if (back.tm_year != y - 1900 || back.tm_mon != mo - 1 || back.tm_mday != d || h > 23 || mi > 59 ||
        sec < 0 || sec >= 61)
        return -1;
    if (!has_time)
        snprintf(out, 32, "%04u-%02u-%02uT%s", (unsigned)y % 10000u, (unsigned)mo % 100u, (unsigned)d % 100u,
                 end_of_day ? "23:59:59.999Z" : "00:00:00.000Z");
    else
        snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%06.3fZ", (unsigned)y % 10000u, (unsigned)mo % 100u,
                 (unsigned)d % 100u, (unsigned)h % 100u, (unsigned)mi % 100u, sec);
    return 0;
}

int rp_filter_check(const rp_filter *f, char *err, size_t errsize)
{
    char a[32], b[32];
    if (f == NULL)
        return 0;
    if (f->since && normalise_date(f->since, false, a) != 0) {
        snprintf(err, errsize, "--since '%s' is not a date: give YYYY-MM-DD (e.g. 2025-10-01) or "
                 "YYYY-MM-DDTHH:MMZ in UTC", f->since);
        return -1;
    }
    if (f->until && normalise_date(f->until, true, b) != 0) {
        snprintf(err, errsize, "--until '%s' is not a date: give YYYY-MM-DD (e.g. 2025-12-31) or "
                 "YYYY-MM-DDTHH:MMZ in UTC", f->until);
        return -1;
    }
    if (f->since && f->until && strcmp(a, b) > 0) {
        snprintf(err, errsize, "--since %s is after --until %s: no session can match", f->since, f->until);
        return -1;
    }
    return 0;
}

/* ---- loading ------------------------------------------------------------------------ */

static char *col_dup(rp_q *q, int c)
{
    const char *s = rp_q_text(q, c);
    return s ? strdup((const char *)s) : NULL;
}

static void col_copy(rp_q *q, int c, char *out, size_t size)
{
    const char *s = rp_q_text(q, c);
    snprintf(out, size, "%s", s ? (const char *)s : "");
}

#define RECORD_COLS "id, uuid, trainee, cohort, scenario_id, title, audience, version, content_hash, " \
                    "started, ended, status, ending, outcome, empathy, resolution, choices, overall, " \
                    "passed, pass_mark, mood_start, mood_end, recorder, seal, " \
                    "(SELECT count(*) FROM decisions d WHERE d.session_id = sessions.id)"

static void read_record(rp_store *st, rp_q *q, rp_record *r)
{
    memset(r, 0, sizeof *r);
    r->id = rp_q_int64(q, 0);
    col_copy(q, 1, r->uuid, sizeof r->uuid);
    r->trainee = col_dup(q, 2);
    r->cohort = col_dup(q, 3);
    r->scenario_id = col_dup(q, 4);
    r->title = col_dup(q, 5);
    r->audience = col_dup(q, 6);
    r->version = col_dup(q, 7);
    r->content_hash = col_dup(q, 8);
    col_copy(q, 9, r->started, sizeof r->started);
    col_copy(q, 10, r->ended, sizeof r->ended);
    const char *status = (const char *)rp_q_text(q, 11);
    if (status && strcmp(status, "complete") == 0) {
        r->status = RP_REC_COMPLETE;
    } else if (status && strcmp(status, "abandoned") == 0) {
        r->status = RP_REC_ABANDONED;
    } else {
        const char *recorder = (const char *)rp_q_text(q, 22);
        r->interrupted = !rp_store_recorder_alive(st, recorder);
        r->status = r->interrupted ? RP_REC_ABANDONED : RP_REC_IN_PROGRESS;
    }
    r->ending = col_dup(q, 12);
    r->outcome = col_dup(q, 13);
    for (int k = 0; k < RP_NSCORES; k++) {
        r->has_score[k] = rp_q_type(q, 14 + k) != SQLITE_NULL;
        r->score[k] = rp_q_double(q, 14 + k);
    }
    r->passed = rp_q_int(q, 18) == 1;
    r->pass_mark = rp_q_double(q, 19);
    r->mood_start = rp_q_double(q, 20);
    r->has_mood_end = rp_q_type(q, 21) != SQLITE_NULL;
    r->mood_end = rp_q_double(q, 21);
    r->sealed = rp_q_type(q, 23) != SQLITE_NULL;
    r->n_decisions = rp_q_int(q, 24);
}

static void parse_options(rp_record_decision *d, const char *json)
{
    cJSON *arr = json ? cJSON_Parse(json) : NULL;
    int n = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;
    if (n > 0 && (d->options = calloc((size_t)n, sizeof *d->options)) != NULL) {
        for (int i = 0; i < n; i++) {
            const cJSON *o = cJSON_GetArrayItem(arr, i);
            const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "text");
            const cJSON *qu = cJSON_GetObjectItemCaseSensitive(o, "quality");
            d->options[i].text = strdup(cJSON_IsString(t) ? t->valuestring : "");
            d->options[i].quality = strdup(cJSON_IsString(qu) ? qu->valuestring : "good");
        }
        d->n_options = n;
    }
    cJSON_Delete(arr);
}

static int load_decisions(rp_store *st, rp_record *r)
{
    rp_q *q;
    int rc = rp_db_prepare(st, &q, "SELECT idx, node, choice, option_index, text, quality, feedback, best, "
                                        "empathy, resolution, mood, response_ms, timed_out, recorded, options "
                                        "FROM decisions WHERE session_id = ?1 ORDER BY idx");
    if (rc != SQLITE_OK)
        return rc;
    rp_q_bind_int64(q, 1, r->id);
    int cap = r->n_decisions > 0 ? r->n_decisions : 4;
    r->decisions = calloc((size_t)cap, sizeof *r->decisions);
    r->n_decisions = 0;
    while (r->decisions && (rc = rp_q_step(q)) == SQLITE_ROW) {
        if (r->n_decisions == cap) {
            rp_record_decision *p = realloc(r->decisions, sizeof *p * (size_t)cap * 2);
            if (p == NULL)
                break;
            r->decisions = p;
            cap *= 2;
        }
        rp_record_decision *d = &r->decisions[r->n_decisions++];
        memset(d, 0, sizeof *d);
        d->index = rp_q_int(q, 0);
        d->node = col_dup(q, 1);
        d->choice = rp_q_int(q, 2);
        d->option = rp_q_type(q, 3) == SQLITE_NULL ? -1 : rp_q_int(q, 3);
        d->text = col_dup(q, 4);
        d->quality = col_dup(q, 5);
        d->feedback = col_dup(q, 6);
        d->best = col_dup(q, 7);
        d->empathy = rp_q_double(q, 8);
        d->resolution = rp_q_double(q, 9);
        d->mood = rp_q_double(q, 10);
        d->response_ms = rp_q_type(q, 11) == SQLITE_NULL ? -1 : (long)rp_q_int64(q, 11);
        d->timed_out = rp_q_int(q, 12) != 0;
        col_copy(q, 13, d->recorded, sizeof d->recorded);
        parse_options(d, (const char *)rp_q_text(q, 14));
    }
    rp_q_finalize(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

void rp_record_free(rp_record *r)
{
    if (r == NULL)
        return;
    free(r->trainee); free(r->cohort); free(r->scenario_id); free(r->title);
    free(r->audience); free(r->version); free(r->content_hash);
    free(r->ending); free(r->outcome);
    for (int i = 0; r->decisions && i < r->n_decisions; i++) {
        rp_record_decision *d = &r->decisions[i];
        free(d->node); free(d->text); free(d->quality); free(d->feedback); free(d->best);
        for (int k = 0; k < d->n_options; k++) {
            free(d->options[k].text);
            free(d->options[k].quality);
        }
        free(d->options);
    }
    free(r->decisions);
    memset(r, 0, sizeof *r);
}

void rp_record_list_free(rp_record_list *l)
{
    for (int i = 0; i < l->n; i++)
        rp_record_free(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

int rp_report_list(rp_store *st, const rp_filter *f, bool with_decisions, rp_record_list *out,
                   char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    rp_filter none = { 0 };
    if (f == NULL)
        f = &none;
    if (rp_filter_check(f, err, errsize) != 0)
        return -1;
    char since[32], until[32];
    if (f->since)
        normalise_date(f->since, false, since);
    if (f->until)
        normalise_date(f->until, true, until);
    rp_q *q;
    int rc = rp_db_prepare(st, &q, "SELECT " RECORD_COLS " FROM sessions "
                                        "WHERE (CAST(?1 AS TEXT) IS NULL OR trainee = ?1) "
                                        "AND (CAST(?2 AS TEXT) IS NULL OR scenario_id = ?2) "
                                        "AND (CAST(?3 AS TEXT) IS NULL OR cohort = ?3) "
                                        "AND (CAST(?4 AS TEXT) IS NULL OR started >= ?4) "
                                        "AND (CAST(?5 AS TEXT) IS NULL OR started <= ?5) ORDER BY started, id");
    if (rc == SQLITE_OK) {
        const char *vals[5] = { f->trainee, f->scenario, f->cohort, f->since ? since : NULL,
                                f->until ? until : NULL };
        for (int i = 0; i < 5; i++)
            if (vals[i])
                rp_q_bind_text(q, i + 1, vals[i]);
        int cap = 0;
        while ((rc = rp_q_step(q)) == SQLITE_ROW) {
            if (out->n == cap) {
                int ncap = cap ? cap * 2 : 32;
                rp_record *p = realloc(out->items, sizeof *p * (size_t)ncap);
                if (p == NULL) {
                    rc = SQLITE_NOMEM;
                    break;
                }
                out->items = p;
                cap = ncap;
            }
            read_record(st, q, &out->items[out->n++]);
        }
        rp_q_finalize(q);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    for (int i = 0; rc == SQLITE_OK && with_decisions && i < out->n; i++)
        rc = load_decisions(st, &out->items[i]);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "read the records", err, errsize);
        rp_record_list_free(out);
        return -1;
    }
    return 0;
}

int rp_report_load(rp_store *st, long long id, rp_record *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    rp_q *q;
    int rc = rp_db_prepare(st, &q, "SELECT " RECORD_COLS " FROM sessions WHERE id = ?1");
    if (rc == SQLITE_OK) {
        rp_q_bind_int64(q, 1, id);
        rc = rp_q_step(q);
        if (rc == SQLITE_ROW) {
            read_record(st, q, out);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rp_q_finalize(q);
            snprintf(err, errsize, "there is no session %lld in %s", id, rp_store_path(st));
            return -2;
        }
        rp_q_finalize(q);
    }
    if (rc == SQLITE_OK)
        rc = load_decisions(st, out);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "read the session", err, errsize);
        rp_record_free(out);
        return -1;
    }
    return 0;
}

/* ---- summaries ---------------------------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(((const rp_trainee_summary *)a)->trainee, ((const rp_trainee_summary *)b)->trainee);
}

static void summarise_trainee(const rp_record_list *l, rp_trainee_summary *t)
{
    double sum[RP_NSCORES] = { 0 }, marks = 0;
    int cnt[RP_NSCORES] = { 0 }, n_latest = 0;
    t->trend = calloc((size_t)l->n + 1, sizeof *t->trend);
    for (int i = 0; i < l->n; i++) {
        const rp_record *r = &l->items[i];
        if (strcmp(r->trainee, t->trainee) != 0)
            continue;
        t->sessions++;
        free(t->cohort);
        t->cohort = r->cohort ? strdup(r->cohort) : NULL;
        if (r->status == RP_REC_ABANDONED)
            t->abandoned++;
        if (r->status != RP_REC_COMPLETE)
            continue;
        t->complete++;
        t->passed += r->passed;
        if (r->has_score[RP_SCORE_OVERALL] && t->trend)
            t->trend[t->n_trend++] = r->score[RP_SCORE_OVERALL];
        /* the latest complete attempt at this scenario? */
        bool later = false;
        for (int j = i + 1; j < l->n && !later; j++)
            later = l->items[j].status == RP_REC_COMPLETE && strcmp(l->items[j].trainee, t->trainee) == 0 &&
                    strcmp(l->items[j].scenario_id, r->scenario_id) == 0;
        if (later)
            continue;
        n_latest++;
        marks += r->pass_mark;
        for (int k = 0; k < RP_NSCORES; k++)
            if (r->has_score[k]) {
                sum[k] += r->score[k];
                cnt[k]++;
            }
    }
    t->pass_mark = n_latest ? marks / n_latest : 70;
    t->weakest = -1;
    for (int k = 0; k < RP_NSCORES; k++) {
        t->has_mean[k] = cnt[k] > 0;
        t->mean[k] = cnt[k] ? sum[k] / cnt[k] : 0;
        if (k != RP_SCORE_OVERALL && t->has_mean[k] && (t->weakest < 0 || t->mean[k] < t->mean[t->weakest]))
            t->weakest = k;
    }
    t->needs_coaching = t->weakest >= 0 && rp_round1(t->mean[t->weakest]) < t->pass_mark;
}

void rp_report_summarise(const rp_record_list *l, rp_cohort_summary *out)
{
    memset(out, 0, sizeof *out);
    double sum[RP_NSCORES] = { 0 }, marks = 0;
    int cnt[RP_NSCORES] = { 0 };
    out->trainees = calloc((size_t)l->n + 1, sizeof *out->trainees);
    for (int i = 0; i < l->n; i++) {
        const rp_record *r = &l->items[i];
        out->sessions++;
        if (r->status == RP_REC_ABANDONED)
            out->abandoned++;
        else if (r->status == RP_REC_IN_PROGRESS)
            out->in_progress++;
        else {
            out->complete++;
            out->passed += r->passed;
            marks += r->pass_mark;
            for (int k = 0; k < RP_NSCORES; k++)
                if (r->has_score[k]) {
                    sum[k] += r->score[k];
                    cnt[k]++;
                }
        }
        bool seen = false;
        for (int k = 0; k < out->n_trainees && !seen; k++)
            seen = strcmp(out->trainees[k].trainee, r->trainee) == 0;
        if (!seen && out->trainees)
            out->trainees[out->n_trainees++].trainee = strdup(r->trainee);
    }
    for (int k = 0; k < RP_NSCORES; k++) {
        out->has_mean[k] = cnt[k] > 0;
        out->mean[k] = cnt[k] ? sum[k] / cnt[k] : 0;
    }
    out->pass_mark = out->complete ? marks / out->complete : 70;
    if (out->n_trainees)
        qsort(out->trainees, (size_t)out->n_trainees, sizeof *out->trainees, by_name);
    for (int k = 0; k < out->n_trainees; k++)
        summarise_trainee(l, &out->trainees[k]);
}

void rp_cohort_summary_free(rp_cohort_summary *s)
{
    for (int i = 0; i < s->n_trainees; i++) {
        free(s->trainees[i].trainee);
        free(s->trainees[i].cohort);
        free(s->trainees[i].trend);
    }
    free(s->trainees);
    memset(s, 0, sizeof *s);
}

/* ---- the terminal table ------------------------------------------------------------------------ */

/* Columns on screen taken by UTF-8 text (one per code point; good enough for names). */
static int text_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xc0) != 0x80;
    return w;
}

/* Prints s in exactly width columns, cut with an ellipsis when longer; control characters shown as '?'. */
static void put_cell(FILE *out, const char *s, int width, bool right)
{
    int w = text_width(s);
    if (right)
        for (int i = w; i < width; i++)
            fputc(' ', out);
    int used = 0;
    for (const char *p = s; *p; ) {
        int len = 1;
        unsigned char c = (unsigned char)*p;
        if (c >= 0xc0)
            while ((p[len] & 0xc0) == 0x80)
                len++;
        if (w > width && used == width - 1) {
            fputs("\xe2\x80\xa6", out);
            used++;
            break;
        }
        if (used == width)
            break;
        if (c < 0x20 || c == 0x7f)
            fputc('?', out);
        else
            fwrite(p, 1, (size_t)len, out);
        used++;
        p += len;
    }
    if (!right)
        for (int i = used; i < width; i++)
            fputc(' ', out);
}

static void fmt_score(char *buf, size_t size, bool has, double v)
{
    if (has)
        snprintf(buf, size, "%.1f", v);
    else
        snprintf(buf, size, "-");
}

/* "2025-11-23T13:50:01.123Z" -> "2025-11-23 13:50" */
static void fmt_when(char *buf, size_t size, const char *iso)
{
    snprintf(buf, size, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
}

static int clamp_width(int w, int lo, int hi)
{
    return w < lo ? lo : w > hi ? hi : w;
}

void rp_report_write_table(const rp_record_list *l, const char *db_path, FILE *out)
{
    if (l->n == 0) {
        fprintf(out, "No sessions match in %s.\n", db_path);
        return;
    }
    int wt = 7, wc = 6, ws = 8, wo = 7, interrupted = 0;
    for (int i = 0; i < l->n; i++) {
        const rp_record *r = &l->items[i];
        wt = clamp_width(text_width(r->trainee), wt, 20);
        wc = clamp_width(r->cohort ? text_width(r->cohort) : 1, wc, 14);
        ws = clamp_width(text_width(r->scenario_id), ws, 24);
        wo = clamp_width(r->outcome ? text_width(r->outcome) : 1, wo, 12);
        interrupted += r->interrupted;
    }
    static const char *const heads[] = { "Overall", "Empathy", "Resolution", "Choices" };
    static const int score_order[] = { RP_SCORE_OVERALL, RP_SCORE_EMPATHY, RP_SCORE_RESOLUTION, RP_SCORE_CHOICES };
    fprintf(out, "%-16s  ", "Date (UTC)");
    put_cell(out, "Trainee", wt, false); fputs("  ", out);
    put_cell(out, "Cohort", wc, false); fputs("  ", out);
    put_cell(out, "Scenario", ws, false); fputs("  ", out);
    fprintf(out, "%-11s  ", "Status");
    put_cell(out, "Outcome", wo, false);
    for (int k = 0; k < 4; k++)
        fprintf(out, "  %*s", k == 2 ? 10 : 7, heads[k]);
    fprintf(out, "  Passed\n");
    for (int i = 0; i < l->n; i++) {
        const rp_record *r = &l->items[i];
        char when[40], buf[32], status[24];
        fmt_when(when, sizeof when, r->started);
        fprintf(out, "%-16s  ", when);
        put_cell(out, r->trainee, wt, false); fputs("  ", out);
        put_cell(out, r->cohort ? r->cohort : "-", wc, false); fputs("  ", out);
        put_cell(out, r->scenario_id, ws, false); fputs("  ", out);
        snprintf(status, sizeof status, "%s%s", rp_record_status_name(r->status), r->interrupted ? "*" : "");
        fprintf(out, "%-11s  ", status);
        put_cell(out, r->outcome ? r->outcome : "-", wo, false);
        for (int k = 0; k < 4; k++) {
            fmt_score(buf, sizeof buf, r->has_score[score_order[k]], r->score[score_order[k]]);
            fprintf(out, "  %*s", k == 2 ? 10 : 7, buf);
        }
        fprintf(out, "  %s\n", r->status == RP_REC_COMPLETE ? (r->passed ? "yes" : "no") : "-");
    }
    if (interrupted)
        fprintf(out, "* interrupted: the recording stopped before the end (the program was closed, crashed or "
                     "was killed)\n");

    rp_cohort_summary sum;
    rp_report_summarise(l, &sum);
    fprintf(out, "\n%d session%s, %d trainee%s; %d complete, %d passed", sum.sessions, sum.sessions == 1 ? "" : "s",
            sum.n_trainees, sum.n_trainees == 1 ? "" : "s", sum.complete, sum.passed);
    if (sum.complete)
        fprintf(out, " (pass rate %.0f%%)", 100.0 * sum.passed / sum.complete);
    fprintf(out, ".\n\nWho needs coaching (each trainee's latest finished attempt at each scenario):\n");
    int wn = 7;
    for (int i = 0; i < sum.n_trainees; i++)
        wn = clamp_width(text_width(sum.trainees[i].trainee), wn, 20);
    for (int i = 0; i < sum.n_trainees; i++) {
        const rp_trainee_summary *t = &sum.trainees[i];
        char counts[96];
        snprintf(counts, sizeof counts, "%d session%s, %d complete, %d passed", t->sessions,
                 t->sessions == 1 ? "" : "s", t->complete, t->passed);
        fputs("  ", out);
        put_cell(out, t->trainee, wn, false);
        fprintf(out, "  %-36s  ", counts);
        if (t->complete == 0)
            fprintf(out, "no finished session yet\n");
        else if (t->weakest < 0)
            fprintf(out, "no dimension measured yet\n");
        else if (t->needs_coaching)
            fprintf(out, "needs coaching on %s (%.1f, pass mark %g)\n", rp_score_names[t->weakest],
                    rp_round1(t->mean[t->weakest]), t->pass_mark);
        else
            fprintf(out, "on track (weakest: %s %.1f)\n", rp_score_names[t->weakest], rp_round1(t->mean[t->weakest]));
    }
    rp_cohort_summary_free(&sum);
}

/* ---- CSV ---------------------------------------------------------------------------------------------- */

/*
 * One text field, RFC 4180: quoted when it holds a comma, quote or line
 * break. A value a spreadsheet would run as a formula (= + - @ at the
 * start) gets a leading apostrophe, so a trainee name cannot become one.
 */
static void csv_text(FILE *out, const char *s, bool last)
{
    if (s) {
        bool formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
        bool quote = formula || strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ';
        if (quote)
            fputc('"', out);
        if (formula)
            fputc('\'', out);
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        if (quote)
            fputc('"', out);
    }
    fputc(last ? '\n' : ',', out);
}

static void csv_num(FILE *out, bool has, double v, bool last)
{
    if (has)
        fprintf(out, "%.1f", v);
    fputc(last ? '\n' : ',', out);
}

static void csv_int(FILE *out, bool has, long long v, bool last)
{
    if (has)
        fprintf(out, "%lld", v);
    fputc(last ? '\n' : ',', out);
}

static const char *status_word(const rp_record *r)
{
    return r->status == RP_REC_IN_PROGRESS ? "in_progress" : r->status == RP_REC_COMPLETE ? "complete" : "abandoned";
}

void rp_report_write_csv(const rp_record_list *l, bool per_decision, FILE *out)
{
    if (!per_decision) {
        fputs("id,uuid,started,ended,trainee,cohort,scenario_id,title,audience,version,content_hash,status,"
              "interrupted,ending,outcome,empathy,resolution,choices,overall,passed,pass_mark,mood_start,"
              "mood_end,decisions,sealed\n", out);
        for (int i = 0; i < l->n; i++) {
            const rp_record *r = &l->items[i];
            csv_int(out, true, r->id, false);
            csv_text(out, r->uuid, false);
            csv_text(out, r->started, false);
            csv_text(out, r->ended[0] ? r->ended : NULL, false);
            csv_text(out, r->trainee, false);
            csv_text(out, r->cohort, false);
            csv_text(out, r->scenario_id, false);
            csv_text(out, r->title, false);
            csv_text(out, r->audience, false);
            csv_text(out, r->version, false);
            csv_text(out, r->content_hash, false);
            csv_text(out, status_word(r), false);
            csv_text(out, r->interrupted ? "yes" : "no", false);
            csv_text(out, r->ending, false);
            csv_text(out, r->outcome, false);
            for (int k = 0; k < RP_NSCORES; k++)
                csv_num(out, r->has_score[k], r->score[k], false);
            csv_text(out, r->status == RP_REC_COMPLETE ? (r->passed ? "yes" : "no") : NULL, false);
            fprintf(out, "%g,%g,", r->pass_mark, r->mood_start);
            if (r->has_mood_end)
                fprintf(out, "%g", r->mood_end);
            fputc(',', out);
            csv_int(out, true, r->n_decisions, false);
            csv_text(out, r->sealed ? "yes" : "no", true);
        }
        return;
    }
    fputs("session_id,session_uuid,trainee,cohort,scenario_id,started,decision,node,choice,option,text,quality,"
          "empathy,resolution,mood,feedback,response_ms,timed_out,best,recorded\n", out);
    for (int i = 0; i < l->n; i++) {
        const rp_record *r = &l->items[i];
        for (int j = 0; r->decisions && j < r->n_decisions; j++) {
            const rp_record_decision *d = &r->decisions[j];
            csv_int(out, true, r->id, false);
            csv_text(out, r->uuid, false);
            csv_text(out, r->trainee, false);
            csv_text(out, r->cohort, false);
            csv_text(out, r->scenario_id, false);
            csv_text(out, r->started, false);
            csv_int(out, true, d->index + 1, false);
            csv_text(out, d->node, false);
            csv_int(out, !d->timed_out, d->choice, false);
            csv_int(out, d->option >= 0, d->option + 1, false);
            csv_text(out, d->text, false);
            csv_text(out, d->quality, false);
            fprintf(out, "%g,%g,%g,", d->empathy, d->resolution, d->mood);
            csv_text(out, d->feedback, false);
            csv_int(out, d->response_ms >= 0, d->response_ms, false);
            csv_text(out, d->timed_out ? "yes" : "no", false);
            csv_text(out, d->best, false);
            csv_text(out, d->recorded, true);
        }
    }
}

/* ---- JSON --------------------------------------------------------------------------------------------- */

static void add_str_or_null(cJSON *o, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, key, s);
    else
        cJSON_AddNullToObject(o, key);
}

static void add_num_or_null(cJSON *o, const char *key, bool has, double v)
{
    if (has)
        cJSON_AddNumberToObject(o, key, rp_round1(v));
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *session_json(const rp_record *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", (double)r->id);
    cJSON_AddStringToObject(o, "uuid", r->uuid);
    cJSON_AddStringToObject(o, "trainee", r->trainee);
    add_str_or_null(o, "cohort", r->cohort);
    cJSON *sc = cJSON_AddObjectToObject(o, "scenario");
    cJSON_AddStringToObject(sc, "id", r->scenario_id);
    cJSON_AddStringToObject(sc, "title", r->title);
    cJSON_AddStringToObject(sc, "audience", r->audience);
    add_str_or_null(sc, "version", r->version);
    cJSON_AddStringToObject(sc, "hash", r->content_hash);
    cJSON_AddStringToObject(o, "started", r->started);
    add_str_or_null(o, "ended", r->ended[0] ? r->ended : NULL);
    cJSON_AddStringToObject(o, "status", status_word(r));
    cJSON_AddBoolToObject(o, "interrupted", r->interrupted);
    cJSON_AddBoolToObject(o, "complete", r->status == RP_REC_COMPLETE);
    add_str_or_null(o, "ending", r->ending);
    add_str_or_null(o, "outcome", r->outcome);
    cJSON *js = cJSON_AddObjectToObject(o, "scores");
    for (int k = 0; k < RP_NSCORES; k++)
        add_num_or_null(js, rp_score_names[k], r->has_score[k], r->score[k]);
    cJSON_AddNumberToObject(o, "pass_mark", r->pass_mark);
    cJSON_AddBoolToObject(o, "passed", r->status == RP_REC_COMPLETE && r->passed);
    cJSON *jm = cJSON_AddObjectToObject(o, "mood");
    cJSON_AddNumberToObject(jm, "start", r->mood_start);
    if (r->has_mood_end)
        cJSON_AddNumberToObject(jm, "end", r->mood_end);
    else
        cJSON_AddNullToObject(jm, "end");
    cJSON_AddBoolToObject(o, "sealed", r->sealed);
    cJSON_AddNumberToObject(o, "n_decisions", r->n_decisions);
    if (r->decisions) {
        cJSON *jd = cJSON_AddArrayToObject(o, "decisions");
        for (int j = 0; j < r->n_decisions; j++) {
            const rp_record_decision *d = &r->decisions[j];
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "node", d->node);
            if (d->timed_out)
                cJSON_AddNullToObject(x, "choice");
            else
                cJSON_AddNumberToObject(x, "choice", d->choice);
            add_str_or_null(x, "text", d->text);
            add_str_or_null(x, "quality", d->quality);
            cJSON_AddNumberToObject(x, "empathy", d->empathy);
            cJSON_AddNumberToObject(x, "resolution", d->resolution);
            cJSON_AddNumberToObject(x, "mood", d->mood);
            add_str_or_null(x, "feedback", d->feedback);
            if (d->response_ms >= 0)
                cJSON_AddNumberToObject(x, "response_ms", (double)d->response_ms);
            else
                cJSON_AddNullToObject(x, "response_ms");
            cJSON_AddBoolToObject(x, "timed_out", d->timed_out);
            add_str_or_null(x, "best", d->best);
            if (d->option >= 0)
                cJSON_AddNumberToObject(x, "option", d->option + 1);
            else
                cJSON_AddNullToObject(x, "option");
            cJSON_AddStringToObject(x, "recorded", d->recorded);
            cJSON_AddItemToArray(jd, x);
        }
    }
    return o;
}

cJSON *rp_report_json(const rp_record_list *l, const rp_filter *f, const char *db_path)
{
    cJSON *root = cJSON_CreateObject();
    char now[32];
    rp_store_now(now);
    cJSON_AddStringToObject(root, "records", db_path ? db_path : "");
    cJSON_AddStringToObject(root, "generated", now);
    cJSON *jf = cJSON_AddObjectToObject(root, "filters");
    rp_filter none = { 0 };
    if (f == NULL)
        f = &none;
    add_str_or_null(jf, "trainee", f->trainee);
    add_str_or_null(jf, "scenario", f->scenario);
    add_str_or_null(jf, "cohort", f->cohort);
    add_str_or_null(jf, "since", f->since);
    add_str_or_null(jf, "until", f->until);

    rp_cohort_summary sum;
    rp_report_summarise(l, &sum);
    cJSON *js = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(js, "sessions", sum.sessions);
    cJSON_AddNumberToObject(js, "trainees", sum.n_trainees);
    cJSON_AddNumberToObject(js, "complete", sum.complete);
    cJSON_AddNumberToObject(js, "abandoned", sum.abandoned);
    cJSON_AddNumberToObject(js, "in_progress", sum.in_progress);
    cJSON_AddNumberToObject(js, "passed", sum.passed);
    if (sum.complete)
        cJSON_AddNumberToObject(js, "pass_rate", round(1000.0 * sum.passed / sum.complete) / 1000.0);
    else
        cJSON_AddNullToObject(js, "pass_rate");
    cJSON *jmean = cJSON_AddObjectToObject(js, "means");
    for (int k = 0; k < RP_NSCORES; k++)
        add_num_or_null(jmean, rp_score_names[k], sum.has_mean[k], sum.mean[k]);

    cJSON *jt = cJSON_AddArrayToObject(root, "trainees");
    for (int i = 0; i < sum.n_trainees; i++) {
        const rp_trainee_summary *t = &sum.trainees[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "trainee", t->trainee);
        add_str_or_null(o, "cohort", t->cohort);
        cJSON_AddNumberToObject(o, "sessions", t->sessions);
        cJSON_AddNumberToObject(o, "complete", t->complete);
        cJSON_AddNumberToObject(o, "passed", t->passed);
        cJSON_AddNumberToObject(o, "abandoned", t->abandoned);
        cJSON *m = cJSON_AddObjectToObject(o, "scores");
        for (int k = 0; k < RP_NSCORES; k++)
            add_num_or_null(m, rp_score_names[k], t->has_mean[k], t->mean[k]);
        cJSON_AddNumberToObject(o, "pass_mark", t->pass_mark);
        add_str_or_null(o, "weakest", t->weakest >= 0 ? rp_score_names[t->weakest] : NULL);
        cJSON_AddBoolToObject(o, "needs_coaching", t->needs_coaching);
        cJSON *tr = cJSON_AddArrayToObject(o, "trend");
        for (int k = 0; k < t->n_trend; k++)
            cJSON_AddItemToArray(tr, cJSON_CreateNumber(rp_round1(t->trend[k])));
        cJSON_AddItemToArray(jt, o);
    }
    rp_cohort_summary_free(&sum);

    cJSON *jss = cJSON_AddArrayToObject(root, "sessions");
    for (int i = 0; i < l->n; i++)
        cJSON_AddItemToArray(jss, session_json(&l->items[i]));
    return root;
}
