/*
 * store_sqlite.c - the SQLite backend of the record store (store_private.h):
 * one file, the default.
 *
 * THE FILE
 *   One SQLite database in WAL mode (readers never block the recorder),
 *   synchronous=FULL (a committed decision survives a power cut),
 *   foreign keys on, secure_delete on (forgotten records are overwritten).
 *   The schema is versioned with PRAGMA user_version; a writer takes the
 *   file's write lock at the start of each transaction (BEGIN IMMEDIATE),
 *   waiting up to RAPPORT_DB_TIMEOUT_MS for another process's.
 *   The seal key is PATH.key beside it.
 */
#include "store_private.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void lite_error(const rp_store *st, int rc, const char *doing, char *err, size_t errsize);

/* ---- the schema ----------------------------------------------------------------------------- */

static const char *const sqlite_migrations[RP_SCHEMA_VERSION] = {
    /* 0 -> 1 */
    "CREATE TABLE sessions ("
    "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid         TEXT NOT NULL UNIQUE,"
    "  trainee      TEXT NOT NULL,"
    "  cohort       TEXT,"
    "  scenario_id  TEXT NOT NULL,"
    "  title        TEXT NOT NULL,"
    "  audience     TEXT NOT NULL,"
    "  version      TEXT,"
    "  content_hash TEXT NOT NULL,"
    "  started      TEXT NOT NULL,"
    "  ended        TEXT,"
    "  status       TEXT NOT NULL DEFAULT 'in_progress'"
    "               CHECK (status IN ('in_progress', 'complete', 'abandoned')),"
    "  ending       TEXT,"
    "  outcome      TEXT,"
    "  empathy      REAL,"
    "  resolution   REAL,"
    "  choices      REAL,"
    "  overall      REAL,"
    "  passed       INTEGER CHECK (passed IN (0, 1)),"
    "  pass_mark    REAL NOT NULL,"
    "  mood_start   REAL NOT NULL,"
    "  mood_end     REAL,"
    "  recorder     TEXT NOT NULL,"
    "  begin_mac    TEXT NOT NULL DEFAULT '',"
    "  seal_seq     INTEGER UNIQUE,"
    "  prev_seal    TEXT,"
    "  seal         TEXT"
    ");"
    "CREATE INDEX sessions_by_trainee ON sessions(trainee, scenario_id);"
    "CREATE INDEX sessions_by_started ON sessions(started);"
    "CREATE TABLE decisions ("
    "  session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  idx          INTEGER NOT NULL CHECK (idx >= 0),"
    "  node         TEXT NOT NULL,"
    "  choice       INTEGER,"
    "  option_index INTEGER,"
    "  text         TEXT,"
    "  quality      TEXT,"
    "  empathy      REAL NOT NULL,"
    "  resolution   REAL NOT NULL,"
    "  mood         REAL NOT NULL,"
    "  feedback     TEXT,"
    "  response_ms  INTEGER,"
    "  timed_out    INTEGER NOT NULL CHECK (timed_out IN (0, 1)),"
    "  best         TEXT,"
    "  options      TEXT,"
    "  recorded     TEXT NOT NULL,"
    "  mac          TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (session_id, idx)"
    ") WITHOUT ROWID;"
    "CREATE TABLE ledger (name TEXT PRIMARY KEY, value TEXT NOT NULL, mac TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE forgotten (id INTEGER PRIMARY KEY, at TEXT NOT NULL, mac TEXT NOT NULL);",
    /* 1 -> 2: the outbox of xAPI statements for `rapport sync` (sync.h); filled by backfill_outbox */
    "CREATE TABLE outbox ("
    "  seq          INTEGER PRIMARY KEY,"
    "  statement_id TEXT NOT NULL,"
    "  session_id   INTEGER NOT NULL,"
    "  kind         TEXT NOT NULL,"
    "  idx          INTEGER NOT NULL,"
    "  queued       TEXT NOT NULL,"
    "  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected', 'conflict')),"
    "  tries        INTEGER NOT NULL DEFAULT 0,"
    "  last_try     TEXT,"
    "  last_error   TEXT"
    ");"
    "CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
};

/* ---- statements ----------------------------------------------------------------------------- */

typedef struct {
    rp_q base;
    sqlite3_stmt *s;
} lite_q;

static sqlite3_stmt *S(rp_q *q)
{
    return ((lite_q *)q)->s;
}

static void lite_bind_text(rp_q *q, int i, const char *s)
{
    sqlite3_bind_text(S(q), i, s, -1, SQLITE_TRANSIENT);
}

static void lite_bind_int64(rp_q *q, int i, long long v)
{
    sqlite3_bind_int64(S(q), i, v);
}

static void lite_bind_double(rp_q *q, int i, double v)
{
    sqlite3_bind_double(S(q), i, v);
}

static void lite_bind_null(rp_q *q, int i)
{
    sqlite3_bind_null(S(q), i);
}

static int lite_step(rp_q *q)
{
    return sqlite3_step(S(q));
}

static int lite_column_count(rp_q *q)
{
    return sqlite3_column_count(S(q));
}

static int lite_column_type(rp_q *q, int c)
{
    return sqlite3_column_type(S(q), c);
}

static long long lite_column_int64(rp_q *q, int c)
{
    return (long long)sqlite3_column_int64(S(q), c);
}

static double lite_column_double(rp_q *q, int c)
{
    return sqlite3_column_double(S(q), c);
}

static const char *lite_column_text(rp_q *q, int c)
{
    return (const char *)sqlite3_column_text(S(q), c);
}

static int lite_column_bytes(rp_q *q, int c)
{
    return sqlite3_column_bytes(S(q), c);
}

static void lite_finalize(rp_q *q)
{
    sqlite3_finalize(S(q));
    free(q);
}

static int lite_prepare(rp_store *st, rp_q **out, const char *sql)
{
    *out = NULL;
    lite_q *q = calloc(1, sizeof *q);
    if (q == NULL)
        return SQLITE_NOMEM;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &q->s, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(q->s);
        free(q);
        return rc;
    }
    q->base.be = &rp_backend_sqlite;
    *out = &q->base;
    return SQLITE_OK;
}

/* ---- the connection ------------------------------------------------------------------------------ */

static int lite_exec(rp_store *st, const char *sql)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static int lite_changes(rp_store *st)
{
    return sqlite3_changes(st->db);
}

static bool lite_in_tx(rp_store *st)
{
    return st->db && !sqlite3_get_autocommit(st->db);
}

static int lite_begin(rp_store *st, int kind)
{
    return lite_exec(st, kind == RP_TX_WRITE ? "BEGIN IMMEDIATE" : "BEGIN");
}

static int count_rows(rp_store *st, const char *sql, long long *out)
{
    sqlite3_stmt *q;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(q, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(q);
    return rc;
}

static int lite_get_version(rp_store *st, long long *version, long long *tables)
{
    int rc = count_rows(st, "PRAGMA user_version", version);
    if (rc == SQLITE_OK)
        rc = count_rows(st, "SELECT count(*) FROM sqlite_schema", tables);
    return rc;
}

static int lite_set_version(rp_store *st, int version)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
    return lite_exec(st, sql);
}

static int lite_next_session_id(rp_store *st, long long *id)
{
    (void)st;
    *id = 0;                              /* INTEGER PRIMARY KEY AUTOINCREMENT: never reused */
    return SQLITE_OK;
}

static int lite_check_integrity(rp_store *st, char *what, size_t size)
{
    sqlite3_stmt *q;
    int bad = 0;
    if (sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) {
            const char *res = (const char *)sqlite3_column_text(q, 0);
            if (res == NULL || strcmp(res, "ok") != 0) {
                snprintf(what, size, "the database file is damaged (%s). Restore it from a backup", res ? res : "?");
                bad = 1;
            }
        }
        sqlite3_finalize(q);
    }
    return bad;
}

/* Moves the change into the main file, so no old copy of a page stays in the log. */
static void lite_after_forget(rp_store *st)
{
    sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

static void lite_close(rp_store *st)
{
    if (st->db)
        sqlite3_close(st->db);
    st->db = NULL;
}

/* Opens st->path read-only as an immutable file (no locks, no -shm). */
static int open_immutable(rp_store *st)
{
    size_t n = strlen(st->path) * 3 + 32;
    char *uri = malloc(n);
    if (uri == NULL)
        return SQLITE_NOMEM;
    size_t k = (size_t)snprintf(uri, n, "file:");
    for (const unsigned char *p = (const unsigned char *)st->path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p))
            uri[k++] = (char)*p;
        else
            k += (size_t)snprintf(uri + k, n - k, "%%%02X", *p);
    }
    snprintf(uri + k, n - k, "?immutable=1");
    int rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    free(uri);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(st->db, 1);
        sqlite3_busy_timeout(st->db, st->busy_ms);
    }
    return rc;
}

static int lite_open(rp_store *st, char *err, size_t errsize)
{
    const char *path = st->path;
    bool read_only = st->read_only;
    size_t klen = strlen(path) + 5;
    st->key_path = malloc(klen);
    if (st->key_path == NULL) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    snprintf(st->key_path, klen, "%s.key", path);

    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        snprintf(err, errsize, "%s is a folder, not a records file. Name a file, e.g. --db %s/records.db",
                 path, path);
        return -1;
    }
    if (read_only) {
        if (stat(path, &sb) != 0) {
            snprintf(err, errsize, "there are no records at %s (%s). Record a session first (play in the "
                     "window, or rapport run FILE --record), or name the records file with --db PATH or "
                     "RAPPORT_DB", path, strerror(errno));
            return -1;
        }
    } else {
        if (rp_make_parent_dirs(path) != 0) {
            snprintf(err, errsize, "cannot create the folder for %s (%s). Choose a place you can write "
                     "with --db PATH or RAPPORT_DB", path, strerror(errno));
            return -1;
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);   /* owner-only from birth */
        if (fd >= 0) {
            close(fd);
        } else if (errno != EEXIST) {
            int e = errno;
            if (e == ENOSPC || e == EDQUOT)
                snprintf(err, errsize, "cannot create %s: the disk is full. Free some space and try again",
                         path);
            else
                snprintf(err, errsize, "cannot create %s (%s). Choose a place you can write with --db PATH "
                         "or RAPPORT_DB", path, strerror(e));
            return -1;
        }
    }
    int rc = sqlite3_open_v2(path, &st->db, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(st->db, 1);
        sqlite3_busy_timeout(st->db, st->busy_ms);
    }
    if (rc == SQLITE_OK && !read_only && sqlite3_db_readonly(st->db, "main") == 1) {
        snprintf(err, errsize, "%s is read-only for this user, so sessions cannot be recorded. Ask for write "
                 "access to it and its folder, or record elsewhere with --db PATH", path);
        return -1;
    }
    long long probe;
    if (rc == SQLITE_OK)
        rc = count_rows(st, "SELECT count(*) FROM sqlite_schema", &probe);   /* reads the header */
    if (read_only && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)) {
        /*
         * A WAL file whose -shm cannot be made (a reader without write access
         * to the folder). With no -wal left, everything is in the main file:
         * read it as immutable.
         */
        sqlite3_close(st->db);
        st->db = NULL;
        rc = open_immutable(st);
        if (rc == SQLITE_OK)
            rc = count_rows(st, "SELECT count(*) FROM sqlite_schema", &probe);
    }
    if (rc == SQLITE_OK && !read_only) {
        rc = count_rows(st, "PRAGMA journal_mode = WAL", &probe);
        if (rc == SQLITE_OK)
            rc = lite_exec(st, "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON");
    }
    if (rc == SQLITE_OK)
        rc = lite_exec(st, read_only ? "PRAGMA foreign_keys = ON; PRAGMA query_only = ON" : "PRAGMA foreign_keys = ON");
    if (rc != SQLITE_OK) {
        lite_error(st, rc, "open the records", err, errsize);
        return -1;
    }
    return 0;
}

/* ---- errors for people ----------------------------------------------------------------- */

static void lite_error(const rp_store *st, int rc, const char *doing, char *err, size_t errsize)
{
    const char *path = st && st->path ? st->path : "the records file";
    int sys = st && st->db ? sqlite3_system_errno(st->db) : 0;
    const char *detail = st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
    int wait_s = st ? (st->busy_ms + 999) / 1000 : 10;
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        snprintf(err, errsize, "could not %s: %s is locked by another program (waited %d s). "
                 "Close any program that has it open (an sqlite3 shell, a backup or sync tool) and try again",
                 doing, path, wait_s);
        break;
    case SQLITE_FULL:
        snprintf(err, errsize, "could not %s: the disk holding %s is full. Nothing already recorded "
                 "was lost. Free some space and try again", doing, path);
        break;
    case SQLITE_READONLY:
        snprintf(err, errsize, "could not %s: %s is read-only for this user. Ask for write access to it "
                 "and its folder, or record elsewhere with --db PATH", doing, path);
        break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        snprintf(err, errsize, "could not %s: %s is not a Rapport records file, or it is damaged (%s). "
                 "Rapport has not changed it. Restore it from a backup, or move it aside and Rapport "
                 "will start a new one", doing, path, detail);
        break;
    case SQLITE_CANTOPEN:
        snprintf(err, errsize, "could not %s: cannot open %s (%s). Check that its folder exists and that "
                 "you may read and write there, or choose another file with --db PATH", doing, path,
                 sys ? strerror(sys) : detail);
        break;
    case SQLITE_IOERR:
        if (sys == ENOSPC || sys == EDQUOT)
            snprintf(err, errsize, "could not %s: the disk holding %s is full. Nothing already recorded "
                     "was lost. Free some space and try again", doing, path);
        else
            snprintf(err, errsize, "could not %s: reading or writing %s failed (%s). Check the disk, "
                     "then try again", doing, path, sys ? strerror(sys) : detail);
        break;
    case SQLITE_CONSTRAINT:
        snprintf(err, errsize, "could not %s: the records in %s are inconsistent (%s). Run "
                 "'rapport verify' to see what is wrong", doing, path, detail);
        break;
    default:
        snprintf(err, errsize, "could not %s in %s: %s", doing, path, detail);
        break;
    }
}

const rp_backend rp_backend_sqlite = {
    .name = "SQLite",
    .open = lite_open,
    .close = lite_close,
    .exec = lite_exec,
    .prepare = lite_prepare,
    .changes = lite_changes,
    .in_tx = lite_in_tx,
    .begin = lite_begin,
    .bind_text = lite_bind_text,
    .bind_int64 = lite_bind_int64,
    .bind_double = lite_bind_double,
    .bind_null = lite_bind_null,
    .step = lite_step,
    .column_count = lite_column_count,
    .column_type = lite_column_type,
    .column_int64 = lite_column_int64,
    .column_double = lite_column_double,
    .column_text = lite_column_text,
    .column_bytes = lite_column_bytes,
    .finalize = lite_finalize,
    .migrations = sqlite_migrations,
    .get_version = lite_get_version,
    .set_version = lite_set_version,
    .next_session_id = lite_next_session_id,
    .recorder_alive = NULL,
    .check_writable = NULL,               /* lite_open checks the file */
    .check_integrity = lite_check_integrity,
    .after_forget = lite_after_forget,
    .error = lite_error,
};
