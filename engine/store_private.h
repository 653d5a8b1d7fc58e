/*
 * store_private.h - what the record store shares with the report writers
 * (report.c, report_html.c, report_xapi.c) and nobody else. Callers outside
 * the store use store.h and report.h, never SQL.
 */
#ifndef RAPPORT_STORE_PRIVATE_H
#define RAPPORT_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include "store.h"
#include "sync.h"

#define RP_KEY_BYTES 32

struct rp_store {
    sqlite3 *db;
    char *path;
    char *key_path;                       /* path + ".key" */
    unsigned char key[RP_KEY_BYTES];
    bool has_key;
    bool read_only;
    int schema;                           /* the records format (user_version) as opened */
    char recorder[200];                   /* "host pid start-ticks" of this process */
    int busy_ms;
};

/*
 * A message for people about a failed SQLite call on the store: what is
 * wrong (locked, disk full, read-only, not a records file...) and what to
 * do. `doing` says what was attempted, e.g. "record the decision".
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
