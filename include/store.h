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

/* For the window: the trainee's best overall per scenario id (-1 when never finished). */
double rp_store_best_overall(rp_store *st, const char *trainee, const char *scenario_id);
/* For the sign-in screen: up to max recent trainee names, newest first. Returns the count. */
int rp_store_recent_trainees(rp_store *st, char names[][64], int max);

#endif
