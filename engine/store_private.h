/*
 * store_private.h - what the record store shares with its backends
 * (store_sqlite.c, store_pg.c), the report writers (report.c, report_html.c,
 * report_xapi.c) and the LRS delivery (sync.c), and nobody else. Callers
 * outside the store use store.h, report.h and sync.h, never SQL.
 */
#ifndef RAPPORT_STORE_PRIVATE_H
#define RAPPORT_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include "store.h"
#include "sync.h"

#define RP_KEY_BYTES 32
#define RP_SCHEMA_VERSION 2               /* the records format this Rapport writes */

/*
 * THE BACKENDS
 *
 * The records live in SQLite (a file; store_sqlite.c) or PostgreSQL (a
 * shared server; store_pg.c). store.c and report.c hold all the SQL, and
 * run it through the calls below, which both backends implement; the SQL is
 * the same for both except the schema (each backend's `migrations`) and
 * what each backend's hooks do. Placeholders are written ?1, ?2, ... and
 * result codes are SQLite's (SQLITE_OK, SQLITE_ROW, SQLITE_DONE,
 * SQLITE_BUSY, ...): the PostgreSQL backend maps its errors onto them.
 */
typedef struct rp_q rp_q;                 /* a prepared statement and its current row */
typedef struct rp_backend rp_backend;

struct rp_q {
    const rp_backend *be;                 /* each backend's own statement struct begins with this */
};

enum { RP_TX_WRITE, RP_TX_SNAPSHOT };

struct rp_backend {
    const char *name;                     /* "SQLite", "PostgreSQL" */
    /* connection: open sets up st->conn for st->path (st->read_only honoured); err for people */
    int (*open)(rp_store *st, char *err, size_t errsize);
    void (*close)(rp_store *st);
    int (*exec)(rp_store *st, const char *sql);               /* one or more statements, no rows */
    int (*prepare)(rp_store *st, rp_q **q, const char *sql);
    int (*changes)(rp_store *st);                             /* rows changed by the last statement */
    bool (*in_tx)(rp_store *st);
    /*
     * RP_TX_WRITE: a transaction that writes, serialised with every other
     * writer of the same records (so a seal chain is extended by one writer
     * at a time); RP_TX_SNAPSHOT: one consistent view for reading.
     * On failure no transaction is left open.
     */
    int (*begin)(rp_store *st, int kind);
    /* statements */
    void (*bind_text)(rp_q *q, int i, const char *s);
    void (*bind_int64)(rp_q *q, int i, long long v);
    void (*bind_double)(rp_q *q, int i, double v);
    void (*bind_null)(rp_q *q, int i);
    int (*step)(rp_q *q);                                    /* SQLITE_ROW, SQLITE_DONE or an error */
    int (*column_count)(rp_q *q);
    int (*column_type)(rp_q *q, int c);                      /* SQLITE_NULL, _INTEGER, _FLOAT, _TEXT */
    long long (*column_int64)(rp_q *q, int c);
    double (*column_double)(rp_q *q, int c);
    const char *(*column_text)(rp_q *q, int c);             /* NULL for NULL */
    int (*column_bytes)(rp_q *q, int c);
    void (*finalize)(rp_q *q);
    /* the schema: migrations[v] brings format v to v + 1 */
    const char *const *migrations;
    /* the records format and the number of tables there (0, 0 for an empty database) */
    int (*get_version)(rp_store *st, long long *version, long long *tables);
    int (*set_version)(rp_store *st, int version);           /* inside the migration's transaction */
    /* the id for a new session, or 0 to let the database choose (SQLite's AUTOINCREMENT) */
    int (*next_session_id)(rp_store *st, long long *id);
    /* whether the recorder of an unfinished session is still at work: 1, 0, or -1 (unknown: may be NULL) */
    int (*recorder_alive)(const rp_store *st, const char *recorder);
    /* for a store opened to write, once its tables exist: 0, or -1 when this user may not write (err) */
    int (*check_writable)(rp_store *st, char *err, size_t errsize);
    /* the storage itself is sound: 0, or 1 with what is wrong in `what`; may be NULL */
    int (*check_integrity)(rp_store *st, char *what, size_t size);
    /* after forget: make the removed rows unrecoverable from the storage where it can (best effort) */
    void (*after_forget)(rp_store *st);
    /* a message for people about a failed call (rp_store_error) */
    void (*error)(const rp_store *st, int rc, const char *doing, char *err, size_t errsize);
};

extern const rp_backend rp_backend_sqlite;
extern const rp_backend rp_backend_pg;

/* Whether a records location is a PostgreSQL URL (postgresql://... or postgres://...) rather than a file. */
bool rp_store_is_url(const char *path);

struct rp_store {
    const rp_backend *be;
    sqlite3 *db;                          /* SQLite */
    void *pg;                             /* PostgreSQL: its connection state (store_pg.c) */
    char *path;                           /* as shown to people: a file, or the URL without its password */
    char *conninfo;                       /* PostgreSQL: the URL as given */
    char *key_path;                       /* SQLite: path + ".key"; PostgreSQL: see store_pg.c */
    unsigned char key[RP_KEY_BYTES];
    bool has_key;
    bool read_only;
    int schema;                           /* the records format (user_version) as opened */
    char recorder[200];                   /* "host pid start-ticks" of this process */
    int busy_ms;
};

/* The calls, for store.c and report.c. */
static inline int rp_db_exec(rp_store *st, const char *sql) { return st->be->exec(st, sql); }
static inline int rp_db_prepare(rp_store *st, rp_q **q, const char *sql) { return st->be->prepare(st, q, sql); }
static inline int rp_db_changes(rp_store *st) { return st->be->changes(st); }
static inline void rp_q_bind_text(rp_q *q, int i, const char *s) { q->be->bind_text(q, i, s); }
static inline void rp_q_bind_int64(rp_q *q, int i, long long v) { q->be->bind_int64(q, i, v); }
static inline void rp_q_bind_double(rp_q *q, int i, double v) { q->be->bind_double(q, i, v); }
static inline void rp_q_bind_null(rp_q *q, int i) { q->be->bind_null(q, i); }
static inline int rp_q_step(rp_q *q) { return q->be->step(q); }
static inline int rp_q_column_count(rp_q *q) { return q->be->column_count(q); }
static inline int rp_q_type(rp_q *q, int c) { return q->be->column_type(q, c); }
static inline long long rp_q_int64(rp_q *q, int c) { return q->be->column_int64(q, c); }
static inline int rp_q_int(rp_q *q, int c) { return (int)q->be->column_int64(q, c); }
static inline double rp_q_double(rp_q *q, int c) { return q->be->column_double(q, c); }
static inline const char *rp_q_text(rp_q *q, int c) { return q->be->column_text(q, c); }
static inline int rp_q_bytes(rp_q *q, int c) { return q->be->column_bytes(q, c); }
static inline void rp_q_finalize(rp_q *q) { if (q) q->be->finalize(q); }

/* Creates the folders of path's parent, each owner-only. 0, or -1 with errno. */
int rp_make_parent_dirs(const char *path);

/*
 * A message for people about a failed call on the store: what is wrong
 * (locked, disk full, read-only, not a records file, the server cannot be
 * reached...) and what to do. `doing` says what was attempted, e.g.
 * "record the decision".
 */
void rp_store_error(const rp_store *st, int rc, const char *doing, char *err, size_t errsize);

/* Whether the process named by a session's recorder column is still running. */
bool rp_store_recorder_alive(const rp_store *st, const char *recorder);

/* The current time as ISO 8601 UTC with milliseconds: 2025-11-23T13:50:01.123Z. */
void rp_store_now(char out[32]);

/* ---- the outbox of xAPI statements (store.c), for sync.c -------------------------- */

typedef struct {
    long long seq;                        /* queue order */
    char statement_id[64];
    long long session_id;
    char kind[16];                        /* launched, answered, completed, passed, failed */
    int index;                            /* the decision (answered), else 0 */
} rp_outbox_row;

/* Up to max pending rows queued after seq `after`, oldest first: the count, or -1 with err. */
int rp_outbox_pending(rp_store *st, long long after, rp_outbox_row *rows, int max, char *err, size_t errsize);
/* Removes delivered rows (one transaction). 0, or -1 with err. */
int rp_outbox_delete(rp_store *st, const long long *seqs, int n, char *err, size_t errsize);
/* Sets a row aside for review: status "rejected" or "conflict", with what the LRS said. */
int rp_outbox_set_aside(rp_store *st, long long seq, const char *status, const char *why, char *err, size_t errsize);
/* Notes a failed attempt on rows that stay pending (tries, last_try, last_error). */
int rp_outbox_failed(rp_store *st, const long long *seqs, int n, const char *why, char *err, size_t errsize);
/* Puts every set-aside row back to pending; *n how many. */
int rp_outbox_requeue(rp_store *st, int *n, char *err, size_t errsize);
/* Removes every set-aside row; *n how many. */
int rp_outbox_drop(rp_store *st, int *n, char *err, size_t errsize);
/* The outbox at a glance (sync.h). */
int rp_outbox_summary(rp_store *st, rp_sync_summary *out, char *err, size_t errsize);
/* Remembers a fact about the last flush (last_attempt, last_success, last_error, last_lrs). */
int rp_sync_state_set(rp_store *st, const char *name, const char *value);

#endif
