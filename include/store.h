/*
 * store.h - the record store (DESIGN section 7): every session played in
 * the window, and `rapport run --record`, kept in one SQLite file.
 *
 * Each decision is written in its own transaction as it is made, so a crash
 * loses at most the decision in progress; a session is marked complete only
 * in the transaction that writes its ending. Every finished or abandoned
 * session is sealed with an HMAC chained to the previous seal (the key is a
 * file beside the database), so `rapport verify` can tell an edit, insert or
 * delete made outside Rapport.
 *
 * The default file is $XDG_DATA_HOME/rapport/records.db (or
 * ~/.local/share/rapport/records.db); --db PATH and RAPPORT_DB override.
 */
#ifndef RAPPORT_STORE_H
#define RAPPORT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include "session.h"

typedef struct rp_store rp_store;

/* The database path: flag, else $RAPPORT_DB, else the XDG default. Static buffer. */
const char *rp_store_default_path(const char *flag);

/*
 * Opens (creating and migrating as needed) the store at path. Returns NULL
 * with a message for people in err (what is wrong and what to do).
 */
rp_store *rp_store_open(const char *path, char *err, size_t errsize);
void rp_store_close(rp_store *st);

/*
 * Starts recording a session that has just been started (rp_session_start).
 * cohort may be NULL. Returns the session's record id (> 0), or 0 with err.
 */
long long rp_store_begin(rp_store *st, const rp_session *s, const char *cohort,
                         char *err, size_t errsize);
/* Writes decision `index` (0-based, as in rp_session_decisions) of the session. */
int rp_store_decision(rp_store *st, long long id, const rp_session *s, int index,
                      char *err, size_t errsize);
/* Writes the ending, the scores and the seal: the session is complete. */
int rp_store_finish(rp_store *st, long long id, const rp_session *s, char *err, size_t errsize);
/* Marks a session left before its ending (quit, back to the list) and seals it. */
int rp_store_abandon(rp_store *st, long long id, char *err, size_t errsize);

/*
 * For front ends that record as they go: writes the decisions of s from
 * *written on (each in its own transaction) and advances *written.
 */
int rp_store_sync(rp_store *st, long long id, const rp_session *s, int *written,
                  char *err, size_t errsize);
/* Finishes the record when s reached an ending, else abandons it. */
int rp_store_end(rp_store *st, long long id, const rp_session *s, char *err, size_t errsize);

/*
 * Opens an existing store for reading only (reports, verify): never creates,
 * migrates or writes. Returns NULL with a message when there is no store.
 */
rp_store *rp_store_open_readonly(const char *path, char *err, size_t errsize);
/* The path the store was opened with. Valid until rp_store_close. */
const char *rp_store_path(const rp_store *st);

/* One thing `rapport verify` found wrong. */
typedef struct {
    long long session;        /* the session's record id; 0 for the store as a whole */
    char what[300];           /* for people: what is wrong */
} rp_problem;

typedef struct {
    int sessions;             /* records checked */
    int sealed;               /* finished or abandoned, sealed */
    int unfinished;           /* in progress, not sealed yet (or interrupted) */
    int forgotten;            /* removed with `rapport forget` */
    rp_problem *problems;
    int n_problems;
} rp_verify_result;

/*
 * Checks every record against its seal, the chain of seals and the ledger
 * of record ids. Returns 0 when the check ran (the store is intact when
 * out->n_problems is 0), -1 with err when it could not run (no key file).
 * Free with rp_verify_result_free.
 */
int rp_store_verify(rp_store *st, rp_verify_result *out, char *err, size_t errsize);
void rp_verify_result_free(rp_verify_result *r);

/*
 * Removes every record of a trainee and reseals the chain, in one
 * transaction. Refuses when the store does not verify, unless force (which
 * reseals over the problems: they can no longer be detected). Sets *removed.
 */
int rp_store_forget(rp_store *st, const char *trainee, bool force, int *removed,
                    char *err, size_t errsize);

/* For the window: the trainee's best overall per scenario id (-1 when never finished). */
double rp_store_best_overall(rp_store *st, const char *trainee, const char *scenario_id);
/* For the sign-in screen: up to max recent trainee names, newest first. Returns the count. */
int rp_store_recent_trainees(rp_store *st, char names[][64], int max);

#endif
