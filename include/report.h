/*
 * report.h - stored scorecards for HR (DESIGN sections 1 and 7): queries
 * that return plain C structs (for `rapport report` and the window's HR
 * review screen: no SQL in callers), summaries, and the report writers.
 *
 * Typical use:
 *
 *     rp_filter f = { .cohort = "2025-q4", .since = "2025-10-01" };
 *     rp_record_list l;
 *     if (rp_report_list(st, &f, false, &l, err, sizeof err) == 0) {
 *         for (int i = 0; i < l.n; i++) ... l.items[i].trainee ...
 *         rp_record_list_free(&l);
 *     }
 *
 * Times are ISO 8601 UTC strings, e.g. "2025-11-23T13:50:01.123Z".
 */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "store.h"

/* Which sessions: every field may be NULL (no restriction). */
typedef struct {
    const char *trainee;          /* exact name */
    const char *scenario;         /* scenario id */
    const char *cohort;           /* exact label */
    const char *since;            /* YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]Z, inclusive */
    const char *until;            /* likewise; a bare date means to the end of that day */
} rp_filter;

/* Checks the filter's dates. 0, or -1 with a message for people. */
int rp_filter_check(const rp_filter *f, char *err, size_t errsize);

/* The three dimensions, then overall: the order of every score array below. */
enum { RP_SCORE_EMPATHY, RP_SCORE_RESOLUTION, RP_SCORE_CHOICES, RP_SCORE_OVERALL, RP_NSCORES };
extern const char *const rp_score_names[RP_NSCORES];    /* "empathy", ..., "overall" */
extern const char *const rp_score_labels[RP_NSCORES];   /* "Empathy", "Resolution", "Choices", "Overall" */

/* A session as shown: an interrupted one (its recorder is gone) shows as abandoned. */
typedef enum { RP_REC_IN_PROGRESS, RP_REC_COMPLETE, RP_REC_ABANDONED } rp_record_status;
const char *rp_record_status_name(rp_record_status s);  /* "in progress", "complete", "abandoned" */

/* One of the node's choices, as the trainee could see it. */
typedef struct {
    char *text;
    char *quality;                /* "best", "good", "poor", "harmful" */
} rp_record_option;

typedef struct {
    int index;                    /* 0-based, in the order met */
    char *node;
    int choice;                   /* 1-based among the choices shown; 0 when timed out */
    int option;                   /* index into the node's choices; -1 when timed out */
    char *text, *quality;         /* NULL when timed out */
    char *feedback;               /* may be NULL */
    char *best;                   /* the best choice's text when another was picked, else NULL */
    double empathy, resolution, mood;
    long response_ms;             /* -1 where no clock applies */
    bool timed_out;
    char recorded[32];
    rp_record_option *options;    /* the node's choices (may be NULL in old records) */
    int n_options;
} rp_record_decision;

typedef struct {
    long long id;                 /* the record id, as `rapport verify` names it */
    char uuid[40];                /* stable per session (xAPI registration) */
    char *trainee, *cohort;       /* cohort may be NULL */
    char *scenario_id, *title, *audience;
    char *version;                /* may be NULL */
    char *content_hash;           /* SHA-256 of the scenario file as played */
    char started[32], ended[32];  /* ended is "" while unfinished */
    rp_record_status status;
    bool interrupted;             /* stored as in progress, but its recording process is gone */
    char *ending, *outcome;       /* NULL unless complete */
    bool has_score[RP_NSCORES];   /* false: not measured (null) */
    double score[RP_NSCORES];     /* as reported: one decimal */
    bool passed;
    double pass_mark;
    double mood_start;
    bool has_mood_end;
    double mood_end;
    bool sealed;
    int n_decisions;
    rp_record_decision *decisions;   /* NULL unless asked for */
} rp_record;

typedef struct {
    rp_record *items;
    int n;
} rp_record_list;

/*
 * The sessions that match f, oldest first; with_decisions also loads each
 * one's decisions. 0, or -1 with err. Free with rp_record_list_free.
 */
int rp_report_list(rp_store *st, const rp_filter *f, bool with_decisions, rp_record_list *out,
                   char *err, size_t errsize);
void rp_record_list_free(rp_record_list *l);
/*
 * One session with its decisions. 0; -2 with err when there is no such
 * session; -1 with err when the records cannot be read. Free with rp_record_free.
 */
int rp_report_load(rp_store *st, long long id, rp_record *out, char *err, size_t errsize);
void rp_record_free(rp_record *r);

/* One trainee at a glance. */
typedef struct {
    char *trainee;
    char *cohort;                 /* of their latest session; may be NULL */
    int sessions, complete, passed, abandoned;
    double *trend;                /* overall of each complete session, oldest first */
    int n_trend;
    /* over the latest complete attempt at each scenario (their current standing): */
    bool has_mean[RP_NSCORES];
    double mean[RP_NSCORES];
    double pass_mark;             /* mean pass mark of those attempts */
    int weakest;                  /* RP_SCORE_EMPATHY..CHOICES, or -1 when nothing was measured */
    bool needs_coaching;          /* the weakest dimension is under the pass mark */
} rp_trainee_summary;

typedef struct {
    int sessions, complete, abandoned, in_progress, passed;
    bool has_mean[RP_NSCORES];    /* over complete sessions */
    double mean[RP_NSCORES];
    double pass_mark;             /* mean over complete sessions (70 when none) */
    rp_trainee_summary *trainees; /* sorted by name */
    int n_trainees;
} rp_cohort_summary;

void rp_report_summarise(const rp_record_list *l, rp_cohort_summary *out);
void rp_cohort_summary_free(rp_cohort_summary *s);

/* The terminal table: a row per session, then who needs coaching on what. */
void rp_report_write_table(const rp_record_list *l, const char *db_path, FILE *out);
/* CSV (RFC 4180 quoting): a row per session, or per decision (l loaded with decisions). */
void rp_report_write_csv(const rp_record_list *l, bool per_decision, FILE *out);
/* Sessions (with decisions, if loaded), trainee summaries and the cohort summary. Caller frees. */
cJSON *rp_report_json(const rp_record_list *l, const rp_filter *f, const char *db_path);

/*
 * Writes the self-contained HTML report (cohort summary, a card per
 * trainee, item analysis per scenario) for the sessions that match f.
 * The file is replaced atomically and created owner-only. 0, or -1 with err.
 */
int rp_report_write_html(rp_store *st, const rp_filter *f, const char *path, char *err, size_t errsize);

typedef struct {
    const char *base;             /* IRI base for activities and extensions; default https://rapport.example/xapi */
    const char *homepage;         /* actor account homePage; default $RAPPORT_XAPI_HOMEPAGE or https://rapport.example */
    bool pseudonymous;            /* actor name = keyed hash of the trainee (needs the seal key) */
} rp_xapi_options;

/*
 * xAPI 1.0.3 statements for the sessions in l (loaded with decisions), as a
 * JSON array: launched, answered (one per decision), completed and passed or
 * failed (when complete). Statement ids are stable across runs. NULL with
 * err when the options cannot be honoured. Caller frees.
 */
cJSON *rp_report_xapi(rp_store *st, const rp_record_list *l, const rp_xapi_options *o,
                      char *err, size_t errsize);

/*
 * The id of a session's statement: a stable UUID derived from the session's
 * UUID, the kind ("launched", "answered", "completed", "passed", "failed")
 * and the decision index (0 for all but "answered").
 */
void rp_xapi_statement_id(const char *session_uuid, const char *kind, int index, char out[37]);
/*
 * The statements that close a session, after launched and its answers: for
 * a complete one "completed" and "passed" or "failed"; none for an
 * abandoned or unfinished one. Returns how many were put in kinds.
 */
int rp_xapi_closing_kinds(bool complete, bool passed, const char *kinds[2]);

#endif
