/*
 * store_pg.c - the PostgreSQL backend of the record store (store_private.h):
 * one database shared by every PC of a training room, through libpq.
 *
 * THE DATABASE
 *   --db postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=...] (or RAPPORT_DB).
 *   The password comes the usual libpq ways: ~/.pgpass (or PGPASSFILE), or
 *   PGPASSWORD; one written in the URL works but is never shown in messages.
 *   The tables are those of the SQLite file, in the connection's current
 *   schema, with the format in the rapport_schema table. The first Rapport
 *   to open an empty database for recording creates them.
 *
 * WRITERS
 *   Every transaction that writes first takes one advisory lock
 *   (pg_advisory_xact_lock), held until it commits: writers from all the PCs
 *   take turns, exactly as the processes sharing an SQLite file do, so the
 *   chain of seals is extended by one writer at a time. A writer waits up to
 *   RAPPORT_DB_TIMEOUT_MS (lock_timeout) for its turn. Session ids are given
 *   under that lock as one more than any id ever used (never reused, and
 *   never skipped: a sequence would leave a gap, which verify would call a
 *   deletion, whenever a transaction rolls back).
 *
 * THE SEAL KEY
 *   Never stored in the database (whoever could read it there could forge
 *   seals). It is a file on each PC: $RAPPORT_KEY_FILE, else
 *   $XDG_CONFIG_HOME/rapport/pg-HOST-PORT-DBNAME.key (~/.config/rapport/...),
 *   mode 600. The first PC to record makes it; every other PC needs a copy of
 *   that same file (docs/deployment.md), and refuses to record without it.
 *
 * RECORDERS
 *   A session being recorded names its recorder with the connection's server
 *   process (" pg:PID:START"): another PC tells an interrupted session (its
 *   connection is gone) from one still being played from pg_stat_activity.
 */
#include "store_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dynlib_pq.h"        /* last: libpq through the table dynlib.c fills */

#define WRITE_LOCK 0x52617070L            /* "Rapp": the advisory lock every writer takes */

/* type oids (pg_type.h is a server header) */
#define OID_BOOL 16
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_TEXT 25
#define OID_OID 26
#define OID_FLOAT4 700
#define OID_FLOAT8 701
#define OID_NUMERIC 1700

typedef struct {
    PGconn *conn;
    int changes;
    char sqlstate[6];
    char message[600];
} pg_state;

static pg_state *P(const rp_store *st)
{
    return (pg_state *)st->pg;
}

/* ---- errors ----------------------------------------------------------------------------------- */

static void copy_message(char *out, size_t size, const char *msg)
{
    size_t k = 0;
    for (const char *p = msg ? msg : ""; *p && k + 1 < size; p++) {
        char c = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
        if (c != ' ' || (k > 0 && out[k - 1] != ' '))
            out[k++] = c;                 /* one space for any run of them */
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
}

/* Notes a failed call and maps it onto an SQLite result code. */
static int failed(rp_store *st, const PGresult *res)
{
    pg_state *p = P(st);
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    copy_message(p->message, sizeof p->message, msg ? msg : PQerrorMessage(p->conn));
    snprintf(p->sqlstate, sizeof p->sqlstate, "%s", state ? state : "");
    if (PQstatus(p->conn) != CONNECTION_OK)
        return SQLITE_IOERR;
    if (state == NULL)
        return SQLITE_ERROR;
    if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03") || !strcmp(state, "57014"))
        return SQLITE_BUSY;
    if (!strncmp(state, "23", 2))
        return SQLITE_CONSTRAINT;
    if (!strcmp(state, "53100"))
        return SQLITE_FULL;
    if (!strcmp(state, "53200"))
        return SQLITE_NOMEM;
    if (!strcmp(state, "42501") || !strcmp(state, "25006"))
        return SQLITE_READONLY;
    if (!strncmp(state, "08", 2) || !strncmp(state, "57P", 3))
        return SQLITE_IOERR;
    if (!strncmp(state, "XX", 2))
        return SQLITE_CORRUPT;
    return SQLITE_ERROR;
}

static void pg_error(const rp_store *st, int rc, const char *doing, char *err, size_t errsize)
{
    const char *path = st && st->path ? st->path : "the records database";
    const char *detail = st && st->pg && P(st)->message[0] ? P(st)->message : "no details";
    int wait_s = st ? (st->busy_ms + 999) / 1000 : 10;
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        snprintf(err, errsize, "could not %s: the shared records %s are busy: another computer is saving into "
                 "them (waited %d s). Try again; if it keeps happening, ask the database administrator to look "
                 "for a stuck connection", doing, path, wait_s);
        break;
    case SQLITE_FULL:
        snprintf(err, errsize, "could not %s: the database server of %s is out of disk space (%s). Nothing "
                 "already recorded was lost. Ask the database administrator to free some space", doing, path,
                 detail);
        break;
    case SQLITE_READONLY:
        snprintf(err, errsize, "could not %s: the database user may not change the records in %s (%s). Ask "
                 "the database administrator for write access (docs/deployment.md), or record elsewhere "
                 "with --db PATH", doing, path, detail);
        break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        snprintf(err, errsize, "could not %s: lost the connection to the database server of %s (%s). Nothing "
                 "already recorded was lost. Check the network and that the server is running, then try again",
                 doing, path, detail);
        break;
    case SQLITE_CONSTRAINT:
        snprintf(err, errsize, "could not %s: the records in %s are inconsistent (%s). Run "
                 "'rapport verify' to see what is wrong", doing, path, detail);
        break;
    case SQLITE_CORRUPT:
        snprintf(err, errsize, "could not %s: the database server reports damaged data in %s (%s). Ask the "
                 "database administrator to restore it from a backup", doing, path, detail);
        break;
    default:
        snprintf(err, errsize, "could not %s in %s: %s", doing, path, detail);
        break;
    }
}

/* ---- statements ---------------------------------------------------------------------------------- */

typedef struct {
    rp_q base;
    rp_store *st;
    char *sql;                            /* with $1, $2, ... */
    int nparams;
    char **values;
    Oid *types;
    PGresult *res;
    int row, nrows;
    bool done;
} pg_q;

static pg_q *Q(rp_q *q)
{
    return (pg_q *)q;
}

/* ?N -> $N outside quoted text; the highest N in *nparams. */
static char *convert_placeholders(const char *sql, int *nparams)
{
    size_t n = strlen(sql);
    char *out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    char quote = 0;
    *nparams = 0;
    for (size_t i = 0; i < n; i++) {
        char c = sql[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            int num = atoi(sql + i + 1);
            if (num > *nparams)
                *nparams = num;
            c = '$';                          /* the digits follow as they are */
        }
        out[i] = c;
    }
    out[n] = '\0';
    return out;
}

static void set_param(rp_q *q, int i, char *value, Oid type)
{
    pg_q *p = Q(q);
    if (i < 1 || i > p->nparams) {
        free(value);
        return;
    }
    free(p->values[i - 1]);
    p->values[i - 1] = value;
    p->types[i - 1] = type;
}

static void pg_bind_text(rp_q *q, int i, const char *s)
{
    set_param(q, i, s ? strdup(s) : NULL, s ? OID_TEXT : 0);
}

static void pg_bind_int64(rp_q *q, int i, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    set_param(q, i, strdup(buf), OID_INT8);
}

static void pg_bind_double(rp_q *q, int i, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    set_param(q, i, strdup(buf), OID_FLOAT8);
}

static void pg_bind_null(rp_q *q, int i)
{
    set_param(q, i, NULL, 0);             /* typed by where it goes */
}

static int pg_step(rp_q *q)
{
    pg_q *p = Q(q);
    pg_state *ps = P(p->st);
    if (p->done)
        return SQLITE_DONE;
    if (p->res == NULL) {
        p->res = PQexecParams(ps->conn, p->sql, p->nparams, p->types, (const char *const *)p->values, NULL, NULL, 0);
        ExecStatusType s = PQresultStatus(p->res);
        if (s == PGRES_TUPLES_OK) {
            p->nrows = PQntuples(p->res);
            p->row = -1;
        } else if (s == PGRES_COMMAND_OK) {
            ps->changes = atoi(PQcmdTuples(p->res));
            p->done = true;
            return SQLITE_DONE;
        } else {
            int rc = failed(p->st, p->res);
            PQclear(p->res);
            p->res = NULL;
            p->done = true;
            return rc;
        }
    }
    if (++p->row < p->nrows)
        return SQLITE_ROW;
    ps->changes = atoi(PQcmdTuples(p->res));
    p->done = true;
    return SQLITE_DONE;
}

static bool has_row(pg_q *p, int c)
{
    return p->res && p->row >= 0 && p->row < p->nrows && c >= 0 && c < PQnfields(p->res);
}

static int pg_column_count(rp_q *q)
{
    return Q(q)->res ? PQnfields(Q(q)->res) : 0;
}

static int pg_column_type(rp_q *q, int c)
{
    pg_q *p = Q(q);
    if (!has_row(p, c) || PQgetisnull(p->res, p->row, c))
        return SQLITE_NULL;
    switch (PQftype(p->res, c)) {
    case OID_INT8: case OID_INT2: case OID_INT4: case OID_OID: case OID_BOOL:
        return SQLITE_INTEGER;
    case OID_FLOAT4: case OID_FLOAT8: case OID_NUMERIC:
        return SQLITE_FLOAT;
    default:
        return SQLITE_TEXT;
    }
}

static const char *pg_column_text(rp_q *q, int c)
{
    pg_q *p = Q(q);
    if (!has_row(p, c) || PQgetisnull(p->res, p->row, c))
        return NULL;
    return PQgetvalue(p->res, p->row, c);
}

static long long pg_column_int64(rp_q *q, int c)
{
    const char *v = pg_column_text(q, c);
    if (v == NULL)
        return 0;
    if (PQftype(Q(q)->res, c) == OID_BOOL)
        return v[0] == 't';
    return strtoll(v, NULL, 10);
}

static double pg_column_double(rp_q *q, int c)
{
    const char *v = pg_column_text(q, c);
    return v ? strtod(v, NULL) : 0;
}

static int pg_column_bytes(rp_q *q, int c)
{
    pg_q *p = Q(q);
    return has_row(p, c) ? PQgetlength(p->res, p->row, c) : 0;
}

static void pg_finalize(rp_q *q)
{
    pg_q *p = Q(q);
    if (p->res)
        PQclear(p->res);
    for (int i = 0; i < p->nparams; i++)
        free(p->values[i]);
    free(p->values);
    free(p->types);
    free(p->sql);
    free(p);
}

static int pg_prepare(rp_store *st, rp_q **out, const char *sql)
{
    *out = NULL;
    pg_q *p = calloc(1, sizeof *p);
    if (p == NULL)
        return SQLITE_NOMEM;
    p->base.be = &rp_backend_pg;
    p->st = st;
    p->sql = convert_placeholders(sql, &p->nparams);
    p->values = calloc((size_t)(p->nparams ? p->nparams : 1), sizeof *p->values);
    p->types = calloc((size_t)(p->nparams ? p->nparams : 1), sizeof *p->types);
    if (p->sql == NULL || p->values == NULL || p->types == NULL) {
        pg_finalize(&p->base);
        return SQLITE_NOMEM;
    }
    *out = &p->base;
    return SQLITE_OK;
}

/* ---- the connection ------------------------------------------------------------------------------- */

static int pg_exec(rp_store *st, const char *sql)
{
    pg_state *p = P(st);
    PGresult *res = PQexec(p->conn, sql);
    ExecStatusType s = PQresultStatus(res);
    int rc = SQLITE_OK;
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
        p->changes = atoi(PQcmdTuples(res));
    else
        rc = failed(st, res);
    PQclear(res);
    return rc;
}

static int pg_changes(rp_store *st)
{
    return P(st)->changes;
}

static bool pg_in_tx(rp_store *st)
{
    if (st->pg == NULL || P(st)->conn == NULL)
        return false;
    PGTransactionStatusType t = PQtransactionStatus(P(st)->conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

static int pg_begin(rp_store *st, int kind)
{
    if (kind == RP_TX_SNAPSHOT)
        return pg_exec(st, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    int rc = pg_exec(st, "BEGIN");
    if (rc == SQLITE_OK) {
        char sql[80];
        snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%ld)", WRITE_LOCK);
        rc = pg_exec(st, sql);
        if (rc != SQLITE_OK) {
            pg_state *p = P(st);
            char keep[sizeof p->message], state[6];
            memcpy(keep, p->message, sizeof keep);
            memcpy(state, p->sqlstate, sizeof state);
            pg_exec(st, "ROLLBACK");
            memcpy(p->message, keep, sizeof keep);
            memcpy(p->sqlstate, state, sizeof state);
        }
    }
    return rc;
}

static int one_number(rp_store *st, const char *sql, long long *out)
{
    rp_q *q;
    int rc = pg_prepare(st, &q, sql);
    if (rc != SQLITE_OK)
        return rc;
    rc = pg_step(q);
    if (rc == SQLITE_ROW) {
        *out = pg_column_int64(q, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        *out = 0;
        rc = SQLITE_OK;
    }
    pg_finalize(q);
    return rc;
}

static int pg_get_version(rp_store *st, long long *version, long long *tables)
{
    long long has = 0;
    *version = 0;
    int rc = one_number(st, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
                        tables);
    if (rc == SQLITE_OK)
        rc = one_number(st, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                            "AND table_name = 'rapport_schema'", &has);
    if (rc == SQLITE_OK && has)
        rc = one_number(st, "SELECT max(version) FROM rapport_schema", version);
    return rc;
}

static int pg_set_version(rp_store *st, int version)
{
    char sql[200];
    snprintf(sql, sizeof sql, "CREATE TABLE IF NOT EXISTS rapport_schema (version INTEGER NOT NULL); "
             "DELETE FROM rapport_schema; INSERT INTO rapport_schema (version) VALUES (%d)", version);
    return pg_exec(st, sql);
}

static int pg_next_session_id(rp_store *st, long long *id)
{
    long long n = 0;
    int rc = one_number(st, "SELECT GREATEST((SELECT coalesce(max(id), 0) FROM sessions), "
                            "(SELECT coalesce(max(id), 0) FROM forgotten), "
                            "(SELECT coalesce(max(CASE WHEN value ~ '^[0-9]{1,18}$' THEN value::bigint END), 0) "
                            " FROM ledger WHERE name = 'last_id'))", &n);
    *id = n + 1;
    return rc;
}

/*
 * After forget: rewrites the tables without the removed rows, when this
 * database user owns them and nobody is using them (best effort; otherwise
 * PostgreSQL reuses the space in time).
 */
static void pg_after_forget(rp_store *st)
{
    pg_exec(st, "VACUUM (FULL) sessions, decisions, outbox");
}

/* Whether the recording connection named in a recorder (" pg:PID:START") is still open: 1, 0, or -1 unknown. */
static int pg_recorder_alive(const rp_store *cst, const char *recorder)
{
    const char *tag = recorder ? strstr(recorder, " pg:") : NULL;
    long long pid, start;
    if (tag == NULL || sscanf(tag, " pg:%lld:%lld", &pid, &start) != 2)
        return -1;
    rp_store *st = (rp_store *)cst;
    rp_q *q;
    /* another database user's connections show without their start time: then it cannot be told */
    if (pg_prepare(st, &q, "SELECT floor(extract(epoch FROM backend_start))::bigint FROM pg_stat_activity "
                           "WHERE pid = ?1") != SQLITE_OK)
        return -1;
    pg_bind_int64(q, 1, pid);
    int alive, rc = pg_step(q);
    if (rc == SQLITE_DONE)
        alive = 0;                        /* that connection is gone */
    else if (rc != SQLITE_ROW || pg_column_type(q, 0) == SQLITE_NULL)
        alive = -1;
    else
        alive = pg_column_int64(q, 0) == start;     /* or the number now belongs to another connection */
    pg_finalize(q);
    return alive;
}

static int pg_check_writable(rp_store *st, char *err, size_t errsize)
{
    long long ok = 0;
    int rc = one_number(st, "SELECT (has_table_privilege('sessions', 'INSERT, UPDATE') AND "
                            "has_table_privilege('decisions', 'INSERT, UPDATE') AND "
                            "has_table_privilege('ledger', 'INSERT, UPDATE') AND "
                            "has_table_privilege('outbox', 'INSERT, UPDATE, DELETE'))::int", &ok);
    if (rc != SQLITE_OK) {
        pg_error(st, rc, "open the records", err, errsize);
        return -1;
    }
    if (!ok) {
        snprintf(err, errsize, "the database user %s may read the records in %s but not record into them, so "
                 "sessions cannot be recorded. Ask the database administrator for write access "
                 "(docs/deployment.md), or record elsewhere with --db PATH", PQuser(P(st)->conn), st->path);
        return -1;
    }
    return 0;
}

static void pg_close(rp_store *st)
{
    pg_state *p = P(st);
    if (p == NULL)
        return;
    if (p->conn)
        PQfinish(p->conn);
    free(p);
    st->pg = NULL;
}

static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;                        /* NOTICEs are not for trainees */
}

/* The URL as shown to people: without a password, in the user part or the parameters. */
static char *without_password(const char *url)
{
    char *out = strdup(url);
    if (out == NULL)
        return NULL;
    char *scheme = strstr(out, "://");
    if (scheme) {
        char *user = scheme + 3;
        char *end = user + strcspn(user, "/?#");
        char *at = memchr(user, '@', (size_t)(end - user));
        char *colon = at ? memchr(user, ':', (size_t)(at - user)) : NULL;
        if (colon)
            memmove(colon, at, strlen(at) + 1);
    }
    for (char *p = strstr(out, "password="); p; p = strstr(p, "password=")) {
        if (p > out && (p[-1] == '?' || p[-1] == '&')) {
            char *v = p + 9, *e = v + strcspn(v, "&#");
            memmove(v, e, strlen(e) + 1);
            p = v;
        } else {
            p += 9;
        }
    }
    return out;
}

static void sanitise(char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '.' ||
              *s == '-' || *s == '_'))
            *s = '_';
}

static int pg_open(rp_store *st, char *err, size_t errsize)
{
    if (rp_pq_load(err, errsize) != 0)
        return -1;
    pg_state *p = calloc(1, sizeof *p);
    st->conninfo = strdup(st->path);
    char *shown = without_password(st->path);
    if (p == NULL || st->conninfo == NULL || shown == NULL) {
        free(p);
        free(shown);
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    st->pg = p;
    free(st->path);
    st->path = shown;
    const char *const keys[] = { "connect_timeout", "application_name", "client_encoding", "dbname", NULL };
    const char *const vals[] = { "10", "rapport", "UTF8", st->conninfo, NULL };
    p->conn = PQconnectdbParams(keys, vals, 1);
    if (p->conn == NULL || PQstatus(p->conn) != CONNECTION_OK) {
        char why[600];
        copy_message(why, sizeof why, p->conn ? PQerrorMessage(p->conn) : "out of memory");
        snprintf(err, errsize, "cannot connect to the records database %s (%s). Check that the database server "
                 "is running and reachable, and that the user, the password (in ~/.pgpass) and the database "
                 "name are right; see docs/deployment.md", st->path, why);
        return -1;
    }
    PQsetNoticeProcessor(p->conn, quiet, NULL);
    char sql[160];
    snprintf(sql, sizeof sql, "SET lock_timeout = %d", st->busy_ms > 0 ? st->busy_ms : 1);
    int rc = pg_exec(st, sql);
    if (rc == SQLITE_OK && st->read_only)
        rc = pg_exec(st, "SET default_transaction_read_only = on");
    /* this connection's server process names our recordings (see RECORDERS above) */
    rp_q *q = NULL;
    if (rc == SQLITE_OK && (rc = pg_prepare(st, &q, "SELECT pg_backend_pid(), floor(extract(epoch FROM "
                                                    "backend_start))::bigint FROM pg_stat_activity WHERE pid = "
                                                    "pg_backend_pid()")) == SQLITE_OK) {
        if ((rc = pg_step(q)) == SQLITE_ROW) {
            size_t n = strlen(st->recorder);
            snprintf(st->recorder + n, sizeof st->recorder - n, " pg:%lld:%lld", pg_column_int64(q, 0),
                     pg_column_int64(q, 1));
        }
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
        pg_finalize(q);
    }
    if (rc != SQLITE_OK) {
        pg_error(st, rc, "open the records", err, errsize);
        return -1;
    }
    /* the seal key's file */
    const char *kf = getenv("RAPPORT_KEY_FILE");
    char buf[1200];
    if (kf && *kf) {
        snprintf(buf, sizeof buf, "%s", kf);
    } else {
        char name[400];
        const char *host = PQhost(p->conn), *port = PQport(p->conn), *db = PQdb(p->conn);
        snprintf(name, sizeof name, "pg-%s-%s-%s", host && *host ? host : "localhost", port && *port ? port : "5432",
                 db ? db : "");
        sanitise(name);
        const char *cfg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
        if (cfg && cfg[0] == '/')
            snprintf(buf, sizeof buf, "%s/rapport/%s.key", cfg, name);
        else
            snprintf(buf, sizeof buf, "%s/.config/rapport/%s.key", home && *home ? home : ".", name);
    }
    st->key_path = strdup(buf);
    if (st->key_path == NULL) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    return 0;
}

/* ---- the schema: the SQLite schema in PostgreSQL's types ---------------------------------------------- */

static const char *const pg_migrations[RP_SCHEMA_VERSION] = {
    /* 0 -> 1 */
    "CREATE TABLE sessions ("
    "  id           BIGINT PRIMARY KEY,"
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
    "  empathy      DOUBLE PRECISION,"
    "  resolution   DOUBLE PRECISION,"
    "  choices      DOUBLE PRECISION,"
    "  overall      DOUBLE PRECISION,"
    "  passed       INTEGER CHECK (passed IN (0, 1)),"
    "  pass_mark    DOUBLE PRECISION NOT NULL,"
    "  mood_start   DOUBLE PRECISION NOT NULL,"
    "  mood_end     DOUBLE PRECISION,"
    "  recorder     TEXT NOT NULL,"
    "  begin_mac    TEXT NOT NULL DEFAULT '',"
    "  seal_seq     BIGINT UNIQUE,"
    "  prev_seal    TEXT,"
    "  seal         TEXT"
    ");"
    "CREATE INDEX sessions_by_trainee ON sessions(trainee, scenario_id);"
    "CREATE INDEX sessions_by_started ON sessions(started);"
    "CREATE TABLE decisions ("
    "  session_id   BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  idx          INTEGER NOT NULL CHECK (idx >= 0),"
    "  node         TEXT NOT NULL,"
    "  choice       INTEGER,"
    "  option_index INTEGER,"
    "  text         TEXT,"
    "  quality      TEXT,"
    "  empathy      DOUBLE PRECISION NOT NULL,"
    "  resolution   DOUBLE PRECISION NOT NULL,"
    "  mood         DOUBLE PRECISION NOT NULL,"
    "  feedback     TEXT,"
    "  response_ms  BIGINT,"
    "  timed_out    INTEGER NOT NULL CHECK (timed_out IN (0, 1)),"
    "  best         TEXT,"
    "  options      TEXT,"
    "  recorded     TEXT NOT NULL,"
    "  mac          TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (session_id, idx)"
    ");"
    "CREATE TABLE ledger (name TEXT PRIMARY KEY, value TEXT NOT NULL, mac TEXT NOT NULL);"
    "CREATE TABLE forgotten (id BIGINT PRIMARY KEY, at TEXT NOT NULL, mac TEXT NOT NULL);",
    /* 1 -> 2: the outbox of xAPI statements (sync.h) */
    "CREATE TABLE outbox ("
    "  seq          BIGSERIAL PRIMARY KEY,"
    "  statement_id TEXT NOT NULL,"
    "  session_id   BIGINT NOT NULL,"
    "  kind         TEXT NOT NULL,"
    "  idx          INTEGER NOT NULL,"
    "  queued       TEXT NOT NULL,"
    "  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected', 'conflict')),"
    "  tries        INTEGER NOT NULL DEFAULT 0,"
    "  last_try     TEXT,"
    "  last_error   TEXT"
    ");"
    "CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);",
};

const rp_backend rp_backend_pg = {
    .name = "PostgreSQL",
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .prepare = pg_prepare,
    .changes = pg_changes,
    .in_tx = pg_in_tx,
    .begin = pg_begin,
    .bind_text = pg_bind_text,
    .bind_int64 = pg_bind_int64,
    .bind_double = pg_bind_double,
    .bind_null = pg_bind_null,
    .step = pg_step,
    .column_count = pg_column_count,
    .column_type = pg_column_type,
    .column_int64 = pg_column_int64,
    .column_double = pg_column_double,
    .column_text = pg_column_text,
    .column_bytes = pg_column_bytes,
    .finalize = pg_finalize,
    .migrations = pg_migrations,
    .get_version = pg_get_version,
    .set_version = pg_set_version,
    .next_session_id = pg_next_session_id,
    .check_integrity = NULL,
    .after_forget = pg_after_forget,
    .recorder_alive = pg_recorder_alive,
    .check_writable = pg_check_writable,
    .error = pg_error,
};
