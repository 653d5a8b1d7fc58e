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

#define RP_KEY_BYTES 32

struct rp_store {
    sqlite3 *db;
    char *path;
    char *key_path;                       /* path + ".key" */
    unsigned char key[RP_KEY_BYTES];
    bool has_key;
    bool read_only;
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

#endif
