/*
 * report_html.c - `rapport report --html FILE`: one self-contained page for
 * HR and training leads (report.h, rp_report_write_html).
 *
 * No network, no script: inline CSS and inline SVG only, so the file can be
 * mailed, archived and printed. Sections: the cohort summary, a card per
 * trainee (trend of overall across attempts, weakest skill), the item
 * analysis of each scenario (at each decision, how often each choice was
 * picked, coloured by its quality: where the cohort goes wrong) and the
 * list of sessions. Every string that comes from the records is escaped.
 */
#include "report.h"
#include "store_private.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- output helpers ------------------------------------------------------------ */

/* Writes s with &, <, >, " and ' escaped; control characters are dropped. */
static void esc(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t')
                fputc(*s, out);
        }
    }
}

static const char *quality_colour(const char *q)
{
    if (q == NULL) return "#a3adb8";
    if (strcmp(q, "best") == 0) return "#2f855a";
    if (strcmp(q, "good") == 0) return "#4f86b8";
    if (strcmp(q, "poor") == 0) return "#d49a2a";
    if (strcmp(q, "harmful") == 0) return "#c2413b";
    return "#a3adb8";
}

static const char *const dim_colour[RP_NSCORES] = { "#5b7db1", "#4c9a8f", "#8a74b5", "#34495e" };

static void score_cell(FILE *out, bool has, double v)
{
    if (has)
        fprintf(out, "<td class=\"num\">%.1f</td>", v);
    else
        fputs("<td class=\"num muted\">&ndash;</td>", out);
}

/* "2025-11-23T13:50:01.123Z" -> "2025-11-23 13:50" */
static void when(FILE *out, const char *iso)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
    esc(out, buf);
}

/* ---- the page ---------------------------------------------------------------------- */

static const char *const css =
    ":root{--ink:#1f2933;--muted:#5f6b7a;--line:#e3e7ec;--bg:#f5f7fa;--card:#fff;--accent:#34506e;}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 \"Inter\",\"Segoe UI\",\"Helvetica Neue\","
    "\"Liberation Sans\",Arial,\"DejaVu Sans\",sans-serif}\n"
    ".page{max-width:1120px;margin:0 auto;padding:36px 40px 48px}\n"
    "header.top{border-bottom:3px solid var(--accent);padding-bottom:18px;margin-bottom:28px}\n"
    ".brand{font-size:12px;letter-spacing:.14em;text-transform:uppercase;color:var(--accent);font-weight:700}\n"
    "h1{font-size:30px;line-height:1.2;margin:6px 0 6px;font-weight:700}\n"
    "h2{font-size:20px;margin:38px 0 6px;font-weight:700;color:var(--accent)}\n"
    "h3{font-size:17px;margin:0;font-weight:650}\n"
    "h4{font-size:14px;margin:0;font-weight:650}\n"
    ".meta,.lede{color:var(--muted);margin:0 0 14px}\n"
    ".muted{color:var(--muted)}\n"
    ".tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;margin:16px 0}\n"
    ".tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}\n"
    ".tile .k{font-size:12px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted)}\n"
    ".tile .v{font-size:28px;font-weight:700;line-height:1.2;margin-top:2px}\n"
    ".tile .s{font-size:13px;color:var(--muted)}\n"
    ".panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:16px;font-size:13px;color:var(--muted);margin:8px 0 14px}\n"
    ".legend span{display:inline-flex;align-items:center;gap:6px}\n"
    ".sw{display:inline-block;width:12px;height:12px;border-radius:3px}\n"
    ".dash{display:inline-block;width:18px;border-top:2px dashed #9aa5b1}\n"
    ".cards{display:grid;grid-template-columns:repeat(3,1fr);gap:14px}\n"
    ".card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;"
    "break-inside:avoid}\n"
    ".card .name{font-weight:700;font-size:16px;overflow-wrap:anywhere}\n"
    ".card .sub{font-size:13px;color:var(--muted);margin-bottom:6px}\n"
    ".badge{display:inline-block;font-size:12px;font-weight:600;border-radius:999px;padding:2px 10px;margin-top:6px}\n"
    ".badge.warn{background:#fdf1dc;color:#8a5a00}\n"
    ".badge.ok{background:#e3f3ea;color:#22643f}\n"
    ".badge.none{background:#eef1f4;color:var(--muted)}\n"
    ".mini{display:grid;grid-template-columns:78px 1fr 36px;gap:2px 8px;align-items:center;font-size:12px;"
    "margin-top:8px;color:var(--muted)}\n"
    ".mini .n{text-align:right;color:var(--ink)}\n"
    ".scenario{margin-top:16px;break-inside:avoid-page}\n"
    ".scenario h3 small{font-weight:400;color:var(--muted);font-size:13px;margin-left:8px}\n"
    ".node{border-top:1px solid var(--line);padding:12px 0 6px}\n"
    ".node:first-of-type{border-top:0}\n"
    ".node h4 small{font-weight:400;color:var(--muted);margin-left:8px}\n"
    ".flag{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.06em;"
    "color:#9b2c2c;background:#fbe7e6;border-radius:4px;padding:1px 6px;margin-left:8px;vertical-align:1px}\n"
    ".say{font-size:13px;color:var(--muted);margin:2px 0 8px;font-style:italic}\n"
    ".row{display:grid;grid-template-columns:minmax(0,1fr) 78px 240px 74px;gap:10px;align-items:center;"
    "font-size:13px;padding:3px 0;break-inside:avoid}\n"
    ".row .t{overflow-wrap:anywhere}\n"
    ".q{font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;border-radius:4px;"
    "padding:1px 6px;color:#fff;text-align:center}\n"
    ".row .pct{text-align:right;font-variant-numeric:tabular-nums}\n"
    "table{width:100%;border-collapse:collapse;font-size:13px;background:var(--card);border:1px solid var(--line)}\n"
    "th,td{padding:6px 9px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\n"
    "td.nw{white-space:nowrap}\n"
    "tbody tr:nth-child(even){background:#fafbfc}\n"
    "th{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);background:#fafbfc}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tr{break-inside:avoid}\n"
    ".yes{color:#22643f;font-weight:600}.no{color:#9b2c2c;font-weight:600}\n"
    "footer{margin-top:36px;padding-top:14px;border-top:1px solid var(--line);font-size:12px;color:var(--muted)}\n"
    "@media (max-width:900px){.tiles{grid-template-columns:repeat(2,1fr)}.cards{grid-template-columns:1fr 1fr}"
    ".row{grid-template-columns:1fr 60px 140px 64px}}\n"
    "@media print{body{background:#fff;font-size:12px}.page{padding:0;max-width:none}"
    ".tile,.card,.panel{border-color:#cfd6de}h2{break-after:avoid}.cards{grid-template-columns:repeat(3,1fr)}"
    ".tiles{grid-template-columns:repeat(4,1fr)}.row{grid-template-columns:minmax(0,1fr) 70px 170px 64px}"
    "@page{margin:14mm}}\n";

static void legend_quality(FILE *out)
{
    static const char *const qs[] = { "best", "good", "poor", "harmful" };
    fputs("<div class=\"legend\" role=\"list\">", out);
    for (int i = 0; i < 4; i++)
        fprintf(out, "<span role=\"listitem\"><i class=\"sw\" style=\"background:%s\"></i>%s response</span>",
                quality_colour(qs[i]), qs[i]);
    fprintf(out, "<span role=\"listitem\"><i class=\"sw\" style=\"background:%s\"></i>no answer (time ran out)"
                 "</span></div>\n", quality_colour(NULL));
}

/* The cohort's mean of each dimension as horizontal bars, with the pass mark. */
static void means_chart(FILE *out, const rp_cohort_summary *s)
{
    const int w = 1000, left = 120, right = 60, row = 34, top = 26;
    int h = top + RP_NSCORES * row + 26;
    double span = w - left - right;
    fprintf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
                 "aria-label=\"Mean score of each dimension\" xmlns=\"http://www.w3.org/2000/svg\" "
                 "font-family=\"inherit\" font-size=\"14\">\n", w, h);
    for (int tick = 0; tick <= 100; tick += 25) {
        double x = left + span * tick / 100;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e7ec\"/>"
                     "<text x=\"%.1f\" y=\"%d\" fill=\"#5f6b7a\" font-size=\"12\" text-anchor=\"middle\">%d</text>\n",
                x, top - 4, x, top + RP_NSCORES * row, x, h - 6, tick);
    }
    for (int k = 0; k < RP_NSCORES; k++) {
        int y = top + k * row;
        fprintf(out, "<text x=\"%d\" y=\"%d\" fill=\"#1f2933\" font-weight=\"%d\">%s</text>\n", 0, y + 21,
                k == RP_SCORE_OVERALL ? 700 : 400, rp_score_labels[k]);
        fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" rx=\"4\" fill=\"#eef1f4\"/>\n",
                left, y + 6, span);
        if (s->has_mean[k]) {
            double v = fmin(fmax(s->mean[k], 0), 100);
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" rx=\"4\" fill=\"%s\"/>"
                         "<text x=\"%.1f\" y=\"%d\" fill=\"#1f2933\" font-weight=\"600\">%.1f</text>\n",
                    left, y + 6, span * v / 100, dim_colour[k], left + span * v / 100 + 8, y + 21, rp_round1(s->mean[k]));
        } else {
            fprintf(out, "<text x=\"%d\" y=\"%d\" fill=\"#5f6b7a\">not measured</text>\n", left + 8, y + 21);
        }
    }
    double px = left + span * fmin(fmax(s->pass_mark, 0), 100) / 100;
    fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#7b8794\" stroke-width=\"2\" "
                 "stroke-dasharray=\"5 4\"/>\n", px, top - 6, px, top + RP_NSCORES * row);
    fprintf(out, "<text x=\"%.1f\" y=\"%d\" fill=\"#5f6b7a\" font-size=\"12\" text-anchor=\"middle\">pass mark "
                 "%g</text>\n</svg>\n", px, top - 10, rp_round1(s->pass_mark));
}

/* A trainee's overall score across attempts. */
static void sparkline(FILE *out, const rp_trainee_summary *t)
{
    const double w = 300, h = 74, pad_l = 26, pad_r = 34, pad_t = 8, pad_b = 10;
    double iw = w - pad_l - pad_r, ih = h - pad_t - pad_b;
    fprintf(out, "<svg class=\"spark\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" role=\"img\" "
                 "aria-label=\"Overall score of each finished attempt, oldest first\" "
                 "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\" font-family=\"inherit\">\n", w, h);
    for (int v = 0; v <= 100; v += 50) {
        double y = pad_t + ih * (1 - v / 100.0);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eef1f4\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" fill=\"#9aa5b1\" text-anchor=\"end\">%d</text>\n",
                pad_l, y, pad_l + iw, y, pad_l - 5, y + 4, v);
    }
    if (t->n_trend == 0) {
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#5f6b7a\" text-anchor=\"middle\">no finished attempt "
                     "yet</text>\n", pad_l + iw / 2, pad_t + ih / 2 + 4);
    } else {
        double py = pad_t + ih * (1 - fmin(fmax(t->pass_mark, 0), 100) / 100.0);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9aa5b1\" "
                     "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n", pad_l, py, pad_l + iw, py);
        double step = t->n_trend > 1 ? iw / (t->n_trend - 1) : 0;
        fputs("<polyline fill=\"none\" stroke=\"#34506e\" stroke-width=\"2.2\" stroke-linejoin=\"round\" points=\"", out);
        for (int i = 0; i < t->n_trend; i++) {
            double x = t->n_trend > 1 ? pad_l + step * i : pad_l + iw / 2;
            fprintf(out, "%s%.1f,%.1f", i ? " " : "", x, pad_t + ih * (1 - fmin(fmax(t->trend[i], 0), 100) / 100.0));
        }
        fputs("\"/>\n", out);
        for (int i = 0; i < t->n_trend; i++) {
            double x = t->n_trend > 1 ? pad_l + step * i : pad_l + iw / 2;
            double y = pad_t + ih * (1 - fmin(fmax(t->trend[i], 0), 100) / 100.0);
            bool above = rp_round1(t->trend[i]) >= t->pass_mark;
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.6\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.2\">"
                         "<title>attempt %d: %.1f</title></circle>\n", x, y, above ? "#2f855a" : "#c2413b", i + 1,
                    rp_round1(t->trend[i]));
        }
        double last = t->trend[t->n_trend - 1];
        double lx = t->n_trend > 1 ? pad_l + iw : pad_l + iw / 2;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#1f2933\" font-weight=\"700\">%.0f</text>\n", lx + 7,
                pad_t + ih * (1 - fmin(fmax(last, 0), 100) / 100.0) + 4, rp_round1(last));
    }
    fputs("</svg>\n", out);
}

static void trainee_card(FILE *out, const rp_trainee_summary *t)
{
    fputs("<article class=\"card\"><div class=\"name\">", out);
    esc(out, t->trainee);
    fputs("</div><div class=\"sub\">", out);
    if (t->cohort) {
        esc(out, t->cohort);
        fputs(" &middot; ", out);
    }
    fprintf(out, "%d session%s &middot; %d complete &middot; %d passed</div>\n", t->sessions,
            t->sessions == 1 ? "" : "s", t->complete, t->passed);
    sparkline(out, t);
    if (t->complete == 0)
        fputs("<span class=\"badge none\">No finished session yet</span>\n", out);
    else if (t->weakest < 0)
        fputs("<span class=\"badge none\">Nothing measured yet</span>\n", out);
    else if (t->needs_coaching)
        fprintf(out, "<span class=\"badge warn\">Coach on %s &middot; %.1f</span>\n", rp_score_names[t->weakest],
                rp_round1(t->mean[t->weakest]));
    else
        fprintf(out, "<span class=\"badge ok\">On track &middot; weakest: %s %.1f</span>\n",
                rp_score_names[t->weakest], rp_round1(t->mean[t->weakest]));
    if (t->complete > 0) {
        fputs("<div class=\"mini\">", out);
        for (int k = 0; k < RP_SCORE_OVERALL; k++) {
            fprintf(out, "<span>%s</span>", rp_score_labels[k]);
            double v = t->has_mean[k] ? fmin(fmax(t->mean[k], 0), 100) : 0;
            fprintf(out, "<svg viewBox=\"0 0 100 8\" width=\"100%%\" height=\"8\" preserveAspectRatio=\"none\" "
                         "aria-hidden=\"true\"><rect width=\"100\" height=\"8\" rx=\"2\" fill=\"#eef1f4\"/>"
                         "<rect width=\"%.1f\" height=\"8\" rx=\"2\" fill=\"%s\"/></svg>", v,
                    k == t->weakest && t->needs_coaching ? "#d49a2a" : dim_colour[k]);
            if (t->has_mean[k])
                fprintf(out, "<span class=\"n\">%.0f</span>", rp_round1(t->mean[k]));
            else
                fputs("<span class=\"n\">&ndash;</span>", out);
        }
        fputs("</div>\n", out);
    }
    fputs("</article>\n", out);
}

/* ---- item analysis ------------------------------------------------------------------------ */

typedef struct {
    char *text, *quality;
    int count;
} opt_stat;

typedef struct {
    const char *node;
    double first;                 /* mean position among decisions, for ordering */
    int n_seen;
    int total, timed_out;
    opt_stat *opts;
    int n_opts;
} node_stat;

typedef struct {
    const char *id, *title;
    int sessions;
    node_stat *nodes;
    int n_nodes;
} scen_stat;

static char *dup0(const char *s)
{
    return strdup(s ? s : "");
}

static void set_opt(opt_stat *o, const char *text, const char *quality)
{
    free(o->text);
    free(o->quality);
    o->text = dup0(text);
    o->quality = quality ? strdup(quality) : NULL;
}

/* The option slot for decision d at node n (grows the list as needed); -1 when none fits. */
static int opt_slot(node_stat *n, const rp_record_decision *d)
{
    if (d->option >= 0 && d->n_options > 0) {
        if (d->n_options > n->n_opts) {
            opt_stat *p = realloc(n->opts, sizeof *p * (size_t)d->n_options);
            if (p == NULL)
                return -1;
            memset(p + n->n_opts, 0, sizeof *p * (size_t)(d->n_options - n->n_opts));
            n->opts = p;
            n->n_opts = d->n_options;
        }
        for (int k = 0; k < d->n_options; k++)       /* the newest wording wins */
            set_opt(&n->opts[k], d->options[k].text, d->options[k].quality);
        return d->option < n->n_opts ? d->option : -1;
    }
    /* older records without the list: group by text */
    for (int k = 0; k < n->n_opts; k++)
        if (n->opts[k].text && d->text && strcmp(n->opts[k].text, d->text) == 0)
            return k;
    opt_stat *p = realloc(n->opts, sizeof *p * (size_t)(n->n_opts + 1));
    if (p == NULL)
        return -1;
    n->opts = p;
    memset(&p[n->n_opts], 0, sizeof *p);
    set_opt(&p[n->n_opts], d->text, d->quality);
    return n->n_opts++;
}

static int by_title(const void *a, const void *b)
{
    const scen_stat *x = a, *y = b;
    int c = strcmp(x->title, y->title);
    return c ? c : strcmp(x->id, y->id);
}

static int by_first(const void *a, const void *b)
{
    const node_stat *x = a, *y = b;
    double fx = x->first / x->n_seen, fy = y->first / y->n_seen;
    return fx < fy ? -1 : fx > fy ? 1 : strcmp(x->node, y->node);
}

static scen_stat *item_analysis(const rp_record_list *l, int *n_out)
{
    scen_stat *sc = calloc((size_t)l->n + 1, sizeof *sc);
    int n = 0;
    for (int i = 0; sc && i < l->n; i++) {
        const rp_record *r = &l->items[i];
        scen_stat *s = NULL;
        for (int k = 0; k < n && !s; k++)
            if (strcmp(sc[k].id, r->scenario_id) == 0)
                s = &sc[k];
        if (s == NULL) {
            s = &sc[n++];
            s->id = r->scenario_id;
        }
        s->title = r->title;             /* the newest title */
        s->sessions++;
        for (int j = 0; r->decisions && j < r->n_decisions; j++) {
            const rp_record_decision *d = &r->decisions[j];
            node_stat *nd = NULL;
            for (int k = 0; k < s->n_nodes && !nd; k++)
                if (strcmp(s->nodes[k].node, d->node) == 0)
                    nd = &s->nodes[k];
            if (nd == NULL) {
                node_stat *p = realloc(s->nodes, sizeof *p * (size_t)(s->n_nodes + 1));
                if (p == NULL)
                    continue;
                s->nodes = p;
                nd = &p[s->n_nodes++];
                memset(nd, 0, sizeof *nd);
                nd->node = d->node;
            }
            nd->first += d->index;
            nd->n_seen++;
            nd->total++;
            if (d->timed_out) {
                nd->timed_out++;
                continue;
            }
            int slot = opt_slot(nd, d);
            if (slot >= 0)
                nd->opts[slot].count++;
        }
    }
    if (n > 1)
        qsort(sc, (size_t)n, sizeof *sc, by_title);
    for (int k = 0; k < n; k++)
        if (sc[k].n_nodes > 1)
            qsort(sc[k].nodes, (size_t)sc[k].n_nodes, sizeof *sc[k].nodes, by_first);
    *n_out = n;
    return sc;
}

static void item_analysis_free(scen_stat *sc, int n)
{
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < sc[i].n_nodes; k++) {
            for (int o = 0; o < sc[i].nodes[k].n_opts; o++) {
                free(sc[i].nodes[k].opts[o].text);
                free(sc[i].nodes[k].opts[o].quality);
            }
            free(sc[i].nodes[k].opts);
        }
        free(sc[i].nodes);
    }
    free(sc);
}

static void bar_row(FILE *out, const char *text, const char *quality, int count, int total)
{
    double pct = total ? 100.0 * count / total : 0;
    fputs("<div class=\"row\"><span class=\"t\">", out);
    esc(out, text);
    fprintf(out, "</span><span class=\"q\" style=\"background:%s\">", quality_colour(quality));
    esc(out, quality ? quality : "none");
    fprintf(out, "</span><svg viewBox=\"0 0 240 14\" width=\"100%%\" height=\"14\" role=\"img\" "
                 "aria-label=\"%.0f percent\"><rect width=\"240\" height=\"14\" rx=\"3\" fill=\"#eef1f4\"/>"
                 "<rect width=\"%.1f\" height=\"14\" rx=\"3\" fill=\"%s\"/></svg>"
                 "<span class=\"pct\">%d &middot; %.0f%%</span></div>\n",
            pct, 240 * pct / 100, quality_colour(quality), count, pct);
}

static void item_section(FILE *out, const rp_record_list *l)
{
    int n;
    scen_stat *sc = item_analysis(l, &n);
    fputs("<section id=\"items\"><h2>Where the cohort goes wrong</h2>\n"
          "<p class=\"lede\">At each decision of each scenario: how often each response was chosen. Bars are "
          "coloured by the response's quality; a decision is flagged when, over three or more decisions, "
          "fewer than half chose the best response.</p>\n", out);
    legend_quality(out);
    if (n == 0 || sc == NULL)
        fputs("<p class=\"muted\">No decisions recorded yet.</p>\n", out);
    for (int i = 0; sc && i < n; i++) {
        const scen_stat *s = &sc[i];
        fputs("<div class=\"panel scenario\"><h3>", out);
        esc(out, s->title);
        fputs("<small>", out);
        esc(out, s->id);
        fprintf(out, " &middot; %d session%s</small></h3>\n", s->sessions, s->sessions == 1 ? "" : "s");
        if (s->n_nodes == 0)
            fputs("<p class=\"muted\">No decision recorded yet.</p>\n", out);
        for (int k = 0; k < s->n_nodes; k++) {
            const node_stat *nd = &s->nodes[k];
            int best = 0;
            for (int o = 0; o < nd->n_opts; o++)
                if (nd->opts[o].quality && strcmp(nd->opts[o].quality, "best") == 0)
                    best += nd->opts[o].count;
            double best_pct = nd->total ? 100.0 * best / nd->total : 0;
            fputs("<div class=\"node\"><h4>", out);
            esc(out, nd->node);
            fprintf(out, "<small>%d decision%s &middot; %.0f%% chose the best response</small>", nd->total,
                    nd->total == 1 ? "" : "s", best_pct);
            if (nd->total >= 3 && best_pct < 50)
                fputs("<span class=\"flag\">needs attention</span>", out);
            fputs("</h4>\n", out);
            for (int o = 0; o < nd->n_opts; o++)
                bar_row(out, nd->opts[o].text, nd->opts[o].quality, nd->opts[o].count, nd->total);
            if (nd->timed_out)
                bar_row(out, "No answer: the time ran out", NULL, nd->timed_out, nd->total);
            fputs("</div>\n", out);
        }
        fputs("</div>\n", out);
    }
    fputs("</section>\n", out);
    item_analysis_free(sc, n);
}

/* ---- sections ------------------------------------------------------------------------------------ */

static void summary_section(FILE *out, const rp_cohort_summary *s)
{
    fputs("<section id=\"summary\"><h2>Cohort summary</h2>\n<div class=\"tiles\">\n", out);
    fprintf(out, "<div class=\"tile\"><div class=\"k\">Sessions</div><div class=\"v\">%d</div>"
                 "<div class=\"s\">%d complete &middot; %d abandoned%s</div></div>\n", s->sessions, s->complete,
            s->abandoned, s->in_progress ? " &middot; some in progress" : "");
    fprintf(out, "<div class=\"tile\"><div class=\"k\">Trainees</div><div class=\"v\">%d</div>"
                 "<div class=\"s\">", s->n_trainees);
    int coach = 0;
    for (int i = 0; i < s->n_trainees; i++)
        coach += s->trainees[i].needs_coaching;
    fprintf(out, "%d need%s coaching</div></div>\n", coach, coach == 1 ? "s" : "");
    if (s->complete)
        fprintf(out, "<div class=\"tile\"><div class=\"k\">Pass rate</div><div class=\"v\">%.0f%%</div>"
                     "<div class=\"s\">%d of %d complete sessions</div></div>\n",
                100.0 * s->passed / s->complete, s->passed, s->complete);
    else
        fputs("<div class=\"tile\"><div class=\"k\">Pass rate</div><div class=\"v\">&ndash;</div>"
              "<div class=\"s\">no complete session</div></div>\n", out);
    fprintf(out, "<div class=\"tile\"><div class=\"k\">Mean overall</div><div class=\"v\">");
    if (s->has_mean[RP_SCORE_OVERALL])
        fprintf(out, "%.1f", rp_round1(s->mean[RP_SCORE_OVERALL]));
    else
        fputs("&ndash;", out);
    fprintf(out, "</div><div class=\"s\">pass mark %g</div></div>\n</div>\n", rp_round1(s->pass_mark));
    fputs("<div class=\"panel\"><h3>Mean score of each dimension</h3>\n<div class=\"legend\">", out);
    for (int k = 0; k < RP_NSCORES; k++)
        fprintf(out, "<span><i class=\"sw\" style=\"background:%s\"></i>%s</span>", dim_colour[k], rp_score_labels[k]);
    fputs("<span><i class=\"dash\"></i>pass mark</span></div>\n", out);
    means_chart(out, s);
    fputs("<p class=\"lede\" style=\"margin:8px 0 0\">Over complete sessions, 0&ndash;100. Empathy and "
          "resolution measure each choice against the best and worst the trainee could have picked at that "
          "moment; choices is the quality of the responses; overall is their weighted mean.</p></div>\n"
          "</section>\n", out);
}

static void trainee_section(FILE *out, const rp_cohort_summary *s)
{
    fputs("<section id=\"trainees\"><h2>Trainees</h2>\n<p class=\"lede\">The line is the overall score of "
          "each finished attempt, oldest first. The skill to coach is the weakest dimension over each "
          "trainee's latest finished attempt at each scenario, when it is under the pass mark.</p>\n"
          "<div class=\"legend\"><span><i class=\"sw\" style=\"background:#34506e\"></i>overall per attempt</span>"
          "<span><i class=\"sw\" style=\"background:#2f855a;border-radius:50%\"></i>at or above the pass mark</span>"
          "<span><i class=\"sw\" style=\"background:#c2413b;border-radius:50%\"></i>below</span>"
          "<span><i class=\"dash\"></i>pass mark</span></div>\n<div class=\"cards\">\n", out);
    for (int i = 0; i < s->n_trainees; i++)
        trainee_card(out, &s->trainees[i]);
    fputs("</div></section>\n", out);
}

static void sessions_section(FILE *out, const rp_record_list *l)
{
    fputs("<section id=\"sessions\"><h2>All sessions</h2>\n<table><thead><tr><th>Date (UTC)</th><th>Trainee</th>"
          "<th>Cohort</th><th>Scenario</th><th>Status</th><th>Outcome</th><th class=\"num\">Overall</th>"
          "<th class=\"num\">Empathy</th><th class=\"num\">Resolution</th><th class=\"num\">Choices</th>"
          "<th>Passed</th></tr></thead><tbody>\n", out);
    for (int i = 0; i < l->n; i++) {
        const rp_record *r = &l->items[i];
        fputs("<tr><td class=\"nw\">", out);
        when(out, r->started);
        fputs("</td><td class=\"nw\">", out);
        esc(out, r->trainee);
        fputs("</td><td class=\"nw\">", out);
        esc(out, r->cohort ? r->cohort : "");
        fputs("</td><td>", out);
        esc(out, r->title);
        fputs("</td><td>", out);
        fputs(rp_record_status_name(r->status), out);
        if (r->interrupted)
            fputs(" <span class=\"muted\">(interrupted)</span>", out);
        fputs("</td><td>", out);
        esc(out, r->outcome ? r->outcome : "");
        fputs("</td>", out);
        score_cell(out, r->has_score[RP_SCORE_OVERALL], r->score[RP_SCORE_OVERALL]);
        for (int k = 0; k < RP_SCORE_OVERALL; k++)
            score_cell(out, r->has_score[k], r->score[k]);
        if (r->status == RP_REC_COMPLETE)
            fprintf(out, "<td class=\"%s\">%s</td></tr>\n", r->passed ? "yes" : "no", r->passed ? "yes" : "no");
        else
            fputs("<td class=\"muted\">&ndash;</td></tr>\n", out);
    }
    fputs("</tbody></table></section>\n", out);
}

static void write_page(FILE *out, const rp_record_list *l, const rp_filter *f, const char *db_path)
{
    rp_cohort_summary sum;
    rp_report_summarise(l, &sum);
    char now[32];
    rp_store_now(now);
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "img-src data:\">\n<title>Rapport training report</title>\n<style>\n", out);
    fputs(css, out);
    fputs("</style></head>\n<body><div class=\"page\">\n<header class=\"top\"><div class=\"brand\">Rapport</div>"
          "<h1>Training report</h1><p class=\"meta\">", out);
    const char *labels[] = { "Trainee", "Scenario", "Cohort", "From", "To" };
    const char *vals[] = { f->trainee, f->scenario, f->cohort, f->since, f->until };
    bool any = false;
    for (int i = 0; i < 5; i++)
        if (vals[i]) {
            fprintf(out, "%s%s: <strong>", any ? " &middot; " : "", labels[i]);
            esc(out, vals[i]);
            fputs("</strong>", out);
            any = true;
        }
    if (!any)
        fputs("All recorded sessions", out);
    fputs(" &middot; generated ", out);
    when(out, now);
    fputs(" UTC</p></header>\n", out);
    summary_section(out, &sum);
    trainee_section(out, &sum);
    item_section(out, l);
    sessions_section(out, l);
    fputs("<footer>Made by Rapport from ", out);
    esc(out, db_path);
    fputs(". Scores are 0&ndash;100 and rounded to one decimal. Run <code>rapport verify</code> to check that "
          "no record was changed outside Rapport. This report holds personal data: share it only with the "
          "people who need it.</footer>\n</div></body></html>\n", out);
    rp_cohort_summary_free(&sum);
}

int rp_report_write_html(rp_store *st, const rp_filter *f, const char *path, char *err, size_t errsize)
{
    rp_filter none = { 0 };
    if (f == NULL)
        f = &none;
    rp_record_list l;
    if (rp_report_list(st, f, true, &l, err, errsize) != 0)
        return -1;
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (tmp == NULL) {
        rp_record_list_free(&l);
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    snprintf(tmp, n, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);                     /* 0600: the report holds personal data */
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (out == NULL) {
        snprintf(err, errsize, "cannot write %s (%s). Check that the folder exists and that you may write there",
                 path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        rp_record_list_free(&l);
        return -1;
    }
    write_page(out, &l, f, rp_store_path(st));
    rp_record_list_free(&l);
    int bad = ferror(out) | fflush(out) | fsync(fileno(out));
    int e = errno;
    bad |= fclose(out);
    if (bad || rename(tmp, path) != 0) {
        if (!bad)
            e = errno;
        unlink(tmp);
        snprintf(err, errsize, "cannot write %s (%s)%s", path, strerror(e),
                 e == ENOSPC ? ": the disk is full" : "");
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}
