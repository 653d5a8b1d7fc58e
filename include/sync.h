/*
 * sync.h - delivering the records to a learning record store (LRS) as
 * xAPI 1.0.3 statements: `rapport sync`, and the window's background
 * delivery when a session ends.
 *
 * Every statement `rapport report --xapi` would make is queued in the
 * records' outbox in the same transaction as the record it describes
 * (launched when a session begins, answered with each decision, completed
 * and passed or failed with the ending). A flush sends the queue in batches
 * with POST URL/statements and removes what the LRS accepted. Statement ids
 * are stable, so a statement sent twice (a flush killed after the LRS
 * answered, two flushes at once) is still one statement in the LRS.
 *
 * Thread use: rp_sync_flush and rp_sync_status open their own connection
 * to the records, so the window may run a flush on a thread of its own
 * while it goes on recording; call rp_sync_global_init() once from the main
 * thread before starting such a thread.
 *
 * Typical use (the window, when a session ends):
 *
 *     rp_sync_config cfg;
 *     char err[1024];
 *     if (rp_sync_config_load(&cfg, NULL, err, sizeof err) == 0 && cfg.url[0]) {
 *         ... on a thread: ...
 *         rp_sync_result res;
 *         int rc = rp_sync_flush(db_path, &cfg, &res, err, sizeof err);
 *         // rc 0: everything delivered; 1: some left for later (err says why); -1: records error
 *     }
 */
#ifndef RAPPORT_SYNC_H
#define RAPPORT_SYNC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char url[1024];           /* the LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi; statements go to URL/statements */
    char user[256];           /* HTTP Basic credentials (the LRS client's key and secret) */
    char password[256];
    bool has_credentials;
    char xapi_base[512];      /* as rp_xapi_options: "" for the default */
    char homepage[512];
    bool pseudonymous;
    int batch;                /* statements per request (50) */
    int tries;                /* attempts of one request in one run before giving up until the next run (5) */
    int backoff_ms;           /* first pause between attempts, doubled each time (500) */
    int max_wait_ms;          /* longest Retry-After honoured within a run (30000); longer: stop, try next run */
    long timeout_s;           /* per request (60) */
    const atomic_int *cancel; /* optional: when it becomes non-zero the flush stops after the current request */
    char source[600];         /* where the settings came from, for messages */
} rp_sync_config;

/*
 * Fills cfg with the defaults, then the config file ($XDG_CONFIG_HOME/rapport/lrs.conf,
 * or ~/.config/rapport/lrs.conf; refused when group or others may read it), then the
 * environment (RAPPORT_LRS_URL, RAPPORT_LRS_USER and RAPPORT_LRS_PASSWORD, or
 * RAPPORT_LRS_AUTH=user:pass), then url_flag when not NULL. Credentials never come
 * from the command line. 0, or -1 with a message for people. A missing file is no
 * error; cfg->url stays "" when no LRS is configured anywhere.
 */
int rp_sync_config_load(rp_sync_config *cfg, const char *url_flag, char *err, size_t errsize);
/* The config file's path (a buffer of the calling thread). */
const char *rp_sync_config_path(void);

typedef struct {
    int sent;                 /* statements delivered in this run (including those the LRS already had) */
    int already;              /* of which the LRS already had an identical copy */
    int set_aside;            /* set aside in this run (rejected by the LRS, or conflicting) */
    int dropped;              /* queued for sessions that no longer exist (forgotten): removed */
    int pending;              /* still queued after the run */
    int held;                 /* set aside in total, waiting for review */
    int requests;             /* HTTP requests made */
    bool auth_failed;         /* the LRS refused the credentials (401/403): nothing more was tried */
    int last_http;            /* the last HTTP status; 0 when the LRS could not be reached */
} rp_sync_result;

/*
 * Sends the pending statements of the records at db_path (opened on a
 * connection of its own) to cfg->url. Returns 0 when nothing is left
 * pending or set aside; 1 when something is (err says why: the LRS is
 * unreachable or busy, the credentials were refused, statements were set
 * aside for review); -1 when the records cannot be read or written (err);
 * -2 when the settings are incomplete or wrong (no URL, no credentials, a
 * base that is not an IRI: err).
 */
int rp_sync_flush(const char *db_path, const rp_sync_config *cfg, rp_sync_result *out, char *err,
                  size_t errsize);

/* A statement set aside for review. */
typedef struct {
    char statement_id[64];
    long long session;
    char kind[16];            /* launched, answered, completed, passed, failed */
    int index;                /* the decision, 0-based (answered) */
    char status[16];          /* "rejected" (the LRS said 400) or "conflict" (it holds another statement with this id) */
    char trainee[64], scenario[64];
    char last_try[32];
    int tries;
    char error[400];          /* what the LRS said */
} rp_sync_item;

typedef struct {
    int pending, rejected, conflict;
    char oldest[32];          /* when the oldest pending statement was queued; "" when none */
    char last_attempt[32];    /* the last flush; "" when never */
    char last_success[32];    /* the last flush that left nothing pending */
    char last_error[400];     /* why the last flush left something; "" when it did not */
    char last_lrs[1024];      /* the LRS of the last flush */
    rp_sync_item *held;       /* the set-aside statements, oldest first */
    int n_held;
} rp_sync_summary;

/* The outbox at db_path, opened read-only. 0, or -1 with err. Free with rp_sync_summary_free. */
int rp_sync_status(const char *db_path, rp_sync_summary *out, char *err, size_t errsize);
void rp_sync_summary_free(rp_sync_summary *s);

/* Puts every set-aside statement back in the queue (after the LRS or the records were fixed). 0, or -1 with err. */
int rp_sync_requeue(const char *db_path, int *n, char *err, size_t errsize);
/* Removes the set-aside statements from the outbox (the records stay): they will not be sent. */
int rp_sync_drop(const char *db_path, int *n, char *err, size_t errsize);

/* Initialises the HTTP library; call once from the main thread before any flush on another thread. */
void rp_sync_global_init(void);

#endif
