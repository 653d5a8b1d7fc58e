/*
 * store.c - the record store (store.h), sealed with HMACs: the SQL and the
 * logic, shared by both backends (store_private.h): SQLite, one file
 * (store_sqlite.c), and PostgreSQL, a server shared by several PCs
 * (store_pg.c).
 *
 * SETTINGS
 *   RAPPORT_DB              the records file or postgresql:// URL, unless --db is given
 *   XDG_DATA_HOME, HOME     where the default records file lives
 *   RAPPORT_DB_TIMEOUT_MS   how long to wait for another writer's lock (10000)
 *
 * THE SCHEMA
 *   Versioned (SQLite: PRAGMA user_version; PostgreSQL: the rapport_schema
 *   table); each backend's `migrations` bring older records up to date in
 *   one transaction. Format 2 added the outbox of xAPI statements (sync.h).
 *
 * TAMPER EVIDENCE
 *   The key is 32 random bytes, hex, in a file (0600) made on first use:
 *   PATH.key beside an SQLite file; for PostgreSQL see store_pg.c.
 *   Each record carries HMAC-SHA-256 values computed over what was read back
 *   from the database (so writing and verifying share one canonical form):
 *     sessions.begin_mac   who, which scenario, when: written at begin
 *     decisions.mac        each decision, written with it
 *     sessions.seal        the whole session row and all its decisions,
 *                          including seal_seq and prev_seal: the chain. It is
 *                          written when the session is finished or abandoned.
 *     ledger               'key' (proves the key belongs to this file),
 *                          'last_id' (every id up to it must exist or be in
 *                          `forgotten`), 'head' (the newest seal).
 *   So an edit breaks a MAC, an insert lacks one, and a delete leaves a hole
 *   in the ids and in the chain. Unfinished sessions are not sealed yet;
 *   verify checks their begin MAC and decisions and calls them unfinished.
 */
#include "store.h"
#include "store_private.h"
#include "report.h"
#include "scorecard.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SCHEMA_VERSION RP_SCHEMA_VERSION
#define OLDEST_READABLE 1        /* reports can read records from format 1 on, without migrating them */
#define ZERO_SEAL "0000000000000000000000000000000000000000000000000000000000000000"

/* The columns each MAC covers, in this order. */
#define HEADER_COLS "id, uuid, trainee, cohort, scenario_id, title, audience, version, content_hash, " \
                    "started, pass_mark, mood_start, recorder"
#define SESSION_COLS "id, uuid, trainee, cohort, scenario_id, title, audience, version, content_hash, " \
                     "started, ended, status, ending, outcome, empathy, resolution, choices, overall, " \
                     "passed, pass_mark, mood_start, mood_end, recorder, begin_mac, seal_seq, prev_seal"
#define DECISION_COLS "session_id, idx, node, choice, option_index, text, quality, empathy, resolution, " \
                      "mood, feedback, response_ms, timed_out, best, options, recorded"
#define N_DECISION_COLS 16


/* ---- paths, time, identity -------------------------------------------------------- */

const char *rp_store_default_path(const char *flag)
{
    static char buf[PATH_MAX];
    const char *e;
    if (flag && *flag) {
        snprintf(buf, sizeof buf, "%s", flag);
    } else if ((e = getenv("RAPPORT_DB")) != NULL && *e) {
        snprintf(buf, sizeof buf, "%s", e);
    } else if ((e = getenv("XDG_DATA_HOME")) != NULL && e[0] == '/') {
        snprintf(buf, sizeof buf, "%s/rapport/records.db", e);   /* relative values are ignored */
    } else {
        e = getenv("HOME");
        snprintf(buf, sizeof buf, "%s/.local/share/rapport/records.db", e && *e ? e : ".");
    }
    return buf;
}

const char *rp_store_path(const rp_store *st)
{
    return st ? st->path : "";
}

void rp_store_now(char out[32])
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, ".%03dZ", (int)(ts.tv_nsec / 1000000) % 1000);
}

/* The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or 0. */
static unsigned long long process_start(long pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');           /* the command name may hold spaces */
    if (p == NULL)
        return 0;
    unsigned long long start = 0;
    int field = 2;
    char *save = NULL;
    for (char *tok = strtok_r(p + 1, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        if (++field == 22) {
            start = strtoull(tok, NULL, 10);
            break;
        }
    }
    return start;
}

static void make_recorder(char *out, size_t size)
{
    char host[128] = "localhost";
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    for (char *p = host; *p; p++)
        if (*p == ' ')
            *p = '_';
    long pid = (long)getpid();
    snprintf(out, size, "%s %ld %llu", host, pid, process_start(pid));
}

bool rp_store_recorder_alive(const rp_store *st, const char *recorder)
{
    char host[128], mine[128];
    long pid;
    unsigned long long start;
    if (st->be->recorder_alive) {
        int alive = st->be->recorder_alive(st, recorder);   /* PostgreSQL: is its connection still open? */
        if (alive >= 0)
            return alive == 1;
    }
    if (recorder == NULL || sscanf(recorder, "%127s %ld %llu", host, &pid, &start) != 3)
        return false;
    if (sscanf(st->recorder, "%127s", mine) != 1 || strcmp(host, mine) != 0)
        return true;                      /* another machine: it cannot be checked from here */
    if (pid == (long)getpid())
        return true;
    return start != 0 && process_start(pid) == start;
}

int rp_make_parent_dirs(const char *path)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    char *slash = strrchr(buf, '/');
    if (slash == NULL || slash == buf)
        return 0;
    *slash = '\0';
    struct stat sb;
    if (stat(buf, &sb) == 0)
        return S_ISDIR(sb.st_mode) ? 0 : (errno = ENOTDIR, -1);
    for (char *p = buf + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0700) != 0 && errno != EEXIST)
                return -1;
            *p = c;
            if (c == '\0')
                break;
        }
    }
    return 0;
}

/* ---- errors for people ----------------------------------------------------------------- */

bool rp_store_is_url(const char *path)
{
    return path && (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0);
}

void rp_store_error(const rp_store *st, int rc, const char *doing, char *err, size_t errsize)
{
    const rp_backend *be = st && st->be ? st->be : &rp_backend_sqlite;
    be->error(st, rc, doing, err, errsize);
}

/* ---- small SQL helpers ---------------------------------------------------------------------- */

static int exec(rp_store *st, const char *sql)
{
    return rp_db_exec(st, sql);
}

/* A transaction that writes: one writer at a time (SQLite: the file's lock; PostgreSQL: an advisory lock). */
static int tx_begin(rp_store *st)
{
    return st->be->begin(st, RP_TX_WRITE);
}

/* One consistent view of the records, for reading. */
static int tx_snapshot(rp_store *st)
{
    return st->be->begin(st, RP_TX_SNAPSHOT);
}

static int tx_commit(rp_store *st)
{
    int rc = exec(st, "COMMIT");
    if (rc != SQLITE_OK)
        exec(st, "ROLLBACK");
    return rc;
}

static void tx_rollback(rp_store *st)
{
    if (st->be->in_tx(st))
        exec(st, "ROLLBACK");
}

static int prepare(rp_store *st, rp_q **q, const char *sql)
{
    return rp_db_prepare(st, q, sql);
}

static void bind_text(rp_q *q, int i, const char *s)
{
    if (s)
        rp_q_bind_text(q, i, s);
    else
        rp_q_bind_null(q, i);
}

/* Runs a statement that returns no rows. */
static int step_done(rp_q *q)
{
    int rc = rp_q_step(q);
    rp_q_finalize(q);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- MACs ------------------------------------------------------------------------------------ */

typedef crypto_auth_hmacsha256_state mac_state;

static void mac_field(mac_state *m, char tag, const void *p, size_t n)
{
    unsigned char hdr[9];
    hdr[0] = (unsigned char)tag;
    for (int i = 0; i < 8; i++)
        hdr[1 + i] = (unsigned char)((unsigned long long)n >> (56 - 8 * i));
    crypto_auth_hmacsha256_update(m, hdr, sizeof hdr);
    if (n)
        crypto_auth_hmacsha256_update(m, p, n);
}

static void mac_text(mac_state *m, const char *s)
{
    if (s)
        mac_field(m, 'T', s, strlen(s));
    else
        mac_field(m, 'N', NULL, 0);
}

static void mac_start(const rp_store *st, mac_state *m, const char *domain)
{
    crypto_auth_hmacsha256_init(m, st->key, sizeof st->key);
    mac_text(m, domain);
}

/* Feeds columns [0, ncols) of the current row: type and canonical text of each. */
static void mac_row(mac_state *m, rp_q *q, int ncols)
{
    char num[64];
    mac_field(m, 'r', NULL, 0);
    for (int c = 0; c < ncols; c++) {
        switch (rp_q_type(q, c)) {
        case SQLITE_NULL:
            mac_field(m, 'N', NULL, 0);
            break;
        case SQLITE_INTEGER:
            snprintf(num, sizeof num, "%lld", (long long)rp_q_int64(q, c));
            mac_field(m, 'I', num, strlen(num));
            break;
        case SQLITE_FLOAT:
            snprintf(num, sizeof num, "%.17g", rp_q_double(q, c));
            mac_field(m, 'R', num, strlen(num));
            break;
        case SQLITE_TEXT:
            mac_field(m, 'T', rp_q_text(q, c), (size_t)rp_q_bytes(q, c));
            break;
        default:
            mac_field(m, 'B', rp_q_text(q, c), (size_t)rp_q_bytes(q, c));
            break;
        }
    }
}

static void mac_hex(mac_state *m, char out[65])
{
    unsigned char h[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(m, h);
    sodium_bin2hex(out, 65, h, sizeof h);
}

/* The MAC of a query's rows (bound to id), under a domain. */
static int mac_of_query(rp_store *st, const char *domain, const char *sql, long long id, char out[65])
{
    rp_q *q;
    int rc = prepare(st, &q, sql);
    if (rc != SQLITE_OK)
        return rc;
    rp_q_bind_int64(q, 1, id);
    mac_state m;
    mac_start(st, &m, domain);
    while ((rc = rp_q_step(q)) == SQLITE_ROW)
        mac_row(&m, q, rp_q_column_count(q));
    rp_q_finalize(q);
    if (rc != SQLITE_DONE)
        return rc;
    mac_hex(&m, out);
    return SQLITE_OK;
}

static int begin_mac_of(rp_store *st, long long id, char out[65])
{
    return mac_of_query(st, "rapport-begin-v1", "SELECT " HEADER_COLS " FROM sessions WHERE id = ?1", id, out);
}

/* The seal covers the session row (with its chain fields) and every decision with its MAC. */
static int seal_of(rp_store *st, long long id, char out[65])
{
    static const char *const sql[] = {
        "SELECT " SESSION_COLS " FROM sessions WHERE id = ?1",
        "SELECT count(*) FROM decisions WHERE session_id = ?1",
        "SELECT " DECISION_COLS ", mac FROM decisions WHERE session_id = ?1 ORDER BY idx",
    };
    mac_state m;
    mac_start(st, &m, "rapport-seal-v1");
    for (int i = 0; i < 3; i++) {
        rp_q *q;
        int rc = prepare(st, &q, sql[i]);
        if (rc != SQLITE_OK)
            return rc;
        rp_q_bind_int64(q, 1, id);
        while ((rc = rp_q_step(q)) == SQLITE_ROW)
            mac_row(&m, q, rp_q_column_count(q));
        rp_q_finalize(q);
        if (rc != SQLITE_DONE)
            return rc;
    }
    mac_hex(&m, out);
    return SQLITE_OK;
}

static void ledger_mac(const rp_store *st, const char *name, const char *value, char out[65])
{
    mac_state m;
    mac_start(st, &m, "rapport-ledger-v1");
    mac_text(&m, name);
    mac_text(&m, value);
    mac_hex(&m, out);
}

static void forgotten_mac(const rp_store *st, long long id, const char *at, char out[65])
{
    char num[32];
    snprintf(num, sizeof num, "%lld", id);
    mac_state m;
    mac_start(st, &m, "rapport-forgotten-v1");
    mac_text(&m, num);
    mac_text(&m, at);
    mac_hex(&m, out);
}

static int ledger_set(rp_store *st, const char *name, const char *value)
{
    char mac[65];
    ledger_mac(st, name, value, mac);
    rp_q *q;
    int rc = prepare(st, &q, "INSERT INTO ledger(name, value, mac) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT(name) DO UPDATE SET value = excluded.value, mac = excluded.mac");
    if (rc != SQLITE_OK)
        return rc;
    bind_text(q, 1, name);
    bind_text(q, 2, value);
    bind_text(q, 3, mac);
    return step_done(q);
}

/* Reads a ledger value into out (empty when absent); *mac_ok tells whether its MAC holds. */
static int ledger_get(rp_store *st, const char *name, char *out, size_t size, bool *present, bool *mac_ok)
{
    rp_q *q;
    int rc = prepare(st, &q, "SELECT value, mac FROM ledger WHERE name = ?1");
    if (rc != SQLITE_OK)
        return rc;
    bind_text(q, 1, name);
    out[0] = '\0';
    *present = false;
    if (mac_ok)
        *mac_ok = false;
    rc = rp_q_step(q);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)rp_q_text(q, 0);
        const char *m = (const char *)rp_q_text(q, 1);
        snprintf(out, size, "%s", v ? v : "");
        *present = true;
        if (mac_ok && v && m) {
            char want[65];
            ledger_mac(st, name, v, want);
            *mac_ok = strcmp(want, m) == 0;
        }
        rc = SQLITE_DONE;
    }
    rp_q_finalize(q);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- the outbox of xAPI statements (written here, sent by sync.c) -------------------------------- */

/*
 * Queues one statement of a session, inside the caller's transaction. The
 * row names the statement (its stable id, the session, the kind and the
 * decision index); sync.c builds the statement itself from the records when
 * it sends it, with report_xapi.c, as `rapport report --xapi` would.
 */
static int outbox_add(rp_store *st, long long id, const char *uuid, const char *kind, int idx)
{
    char sid[37], now[32];
    rp_xapi_statement_id(uuid, kind, idx, sid);
    rp_store_now(now);
    rp_q *q;
    int rc = prepare(st, &q, "INSERT INTO outbox (statement_id, session_id, kind, idx, queued) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (rc != SQLITE_OK)
        return rc;
    bind_text(q, 1, sid);
    rp_q_bind_int64(q, 2, id);
    bind_text(q, 3, kind);
    rp_q_bind_int64(q, 4, idx);
    bind_text(q, 5, now);
    return step_done(q);
}

/* The session's UUID, for its statement ids. */
static int session_uuid(rp_store *st, long long id, char out[40])
{
    rp_q *q;
    int rc = prepare(st, &q, "SELECT uuid FROM sessions WHERE id = ?1");
    if (rc != SQLITE_OK)
        return rc;
    rp_q_bind_int64(q, 1, id);
    rc = rp_q_step(q);
    if (rc == SQLITE_ROW) {
        const char *u = (const char *)rp_q_text(q, 0);
        snprintf(out, 40, "%s", u ? u : "");
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_NOTFOUND;
    }
    rp_q_finalize(q);
    return rc;
}

static int outbox_add_for(rp_store *st, long long id, const char *kind, int idx)
{
    char uuid[40];
    int rc = session_uuid(st, id, uuid);
    return rc == SQLITE_OK ? outbox_add(st, id, uuid, kind, idx) : rc;
}

/* The statements rp_report_xapi makes for a session once it is finished or abandoned. */
static int outbox_add_closing(rp_store *st, long long id, bool complete, bool passed)
{
    const char *kinds[2];
    int n = rp_xapi_closing_kinds(complete, passed, kinds), rc = SQLITE_OK;
    for (int k = 0; rc == SQLITE_OK && k < n; k++)
        rc = outbox_add_for(st, id, kinds[k], 0);
    return rc;
}

/* Migration to format 2: queues every statement of the records made before the outbox existed. */
static int backfill_outbox(rp_store *st)
{
    rp_q *q, *d;
    int rc = prepare(st, &q, "SELECT id, uuid, status, passed FROM sessions ORDER BY id");
    if (rc != SQLITE_OK)
        return rc;
    while (rc == SQLITE_OK && (rc = rp_q_step(q)) == SQLITE_ROW) {
        long long id = rp_q_int64(q, 0);
        char uuid[40], status[24];
        snprintf(uuid, sizeof uuid, "%s", rp_q_text(q, 1) ? (const char *)rp_q_text(q, 1) : "");
        snprintf(status, sizeof status, "%s", rp_q_text(q, 2) ? (const char *)rp_q_text(q, 2) : "");
        bool passed = rp_q_int(q, 3) == 1;
        if ((rc = outbox_add(st, id, uuid, "launched", 0)) != SQLITE_OK)
            break;
        if ((rc = prepare(st, &d, "SELECT idx FROM decisions WHERE session_id = ?1 ORDER BY idx")) != SQLITE_OK)
            break;
        rp_q_bind_int64(d, 1, id);
        while (rc == SQLITE_OK && (rc = rp_q_step(d)) == SQLITE_ROW)
            rc = outbox_add(st, id, uuid, "answered", rp_q_int(d, 0));
        rp_q_finalize(d);
        if (rc != SQLITE_DONE && rc != SQLITE_OK)
            break;
        const char *kinds[2];
        int n = rp_xapi_closing_kinds(strcmp(status, "complete") == 0, passed, kinds);
        rc = SQLITE_OK;
        for (int k = 0; rc == SQLITE_OK && k < n; k++)
            rc = outbox_add(st, id, uuid, kinds[k], 0);
    }
    rp_q_finalize(q);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- the key ------------------------------------------------------------------------------------- */

/* Reads the key file: 1 read, 0 absent, -1 unreadable or malformed (message in err). */
static int key_read(rp_store *st, char *err, size_t errsize)
{
    int fd = open(st->key_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, errsize, "cannot read the seal key %s (%s). It must be readable by the account "
                 "that runs Rapport", st->key_path, strerror(errno));
        return -1;
    }
    char hex[200];
    ssize_t n = read(fd, hex, sizeof hex - 1);
    close(fd);
    hex[n > 0 ? n : 0] = '\0';
    size_t bin_len = 0;
    if (n < 64 || sodium_hex2bin(st->key, sizeof st->key, hex, (size_t)n, " \r\n", &bin_len, NULL) != 0 ||
        bin_len != sizeof st->key) {
        snprintf(err, errsize, "the seal key %s is damaged (it should hold 64 hex digits). Restore it "
                 "from a backup", st->key_path);
        return -1;
    }
    st->has_key = true;
    return 1;
}

/*
 * Makes a new key file atomically: written in full to a temporary file,
 * then linked to its name, so a second process racing us either wins or
 * reads our complete key.
 */
static int key_create(rp_store *st, char *err, size_t errsize)
{
    unsigned char key[RP_KEY_BYTES];
    char hex[2 * RP_KEY_BYTES + 2];
    randombytes_buf(key, sizeof key);
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    strcat(hex, "\n");
    char tmp[PATH_MAX + 32];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", st->key_path, (long)getpid());
    if (st->be != &rp_backend_sqlite && rp_make_parent_dirs(st->key_path) != 0) {
        snprintf(err, errsize, "cannot create the folder for the seal key %s (%s)", st->key_path, strerror(errno));
        return -1;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(err, errsize, "cannot create the seal key %s (%s). Check that you may write in its folder",
                 st->key_path, strerror(errno));
        return -1;
    }
    size_t len = strlen(hex);
    int ok = write(fd, hex, len) == (ssize_t)len && fsync(fd) == 0;
    int saved = errno;
    close(fd);
    if (!ok) {
        unlink(tmp);
        snprintf(err, errsize, "cannot write the seal key %s (%s)", st->key_path, strerror(saved));
        return -1;
    }
    int linked = link(tmp, st->key_path);
    saved = errno;
    unlink(tmp);
    if (linked != 0 && saved != EEXIST) {
        snprintf(err, errsize, "cannot create the seal key %s (%s)", st->key_path, strerror(saved));
        return -1;
    }
    sodium_memzero(key, sizeof key);
    return key_read(st, err, errsize) == 1 ? 0 : -1;
}

/* For a store opened to write: loads or makes the key and checks it belongs to this file. */
static int key_setup(rp_store *st, char *err, size_t errsize)
{
    int r = key_read(st, err, errsize);
    if (r < 0)
        return -1;
    char value[128];
    bool present, ok;
    int rc = ledger_get(st, "key", value, sizeof value, &present, &ok);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "read the records", err, errsize);
        return -1;
    }
    bool created = false;
    if (r == 0) {
        if (present && st->be == &rp_backend_sqlite) {
            snprintf(err, errsize, "the seal key %s is missing, so the records in %s can be neither sealed "
                     "nor verified. Restore the key file from a backup (it lives beside the records file), "
                     "or move the records file aside to start new records", st->key_path, st->path);
            return -1;
        }
        if (present) {
            snprintf(err, errsize, "this computer does not have the seal key of the shared records %s, so it "
                     "cannot record into them. Copy the key file from a computer that records there (or from "
                     "your backup) to %s, readable only by the account that runs Rapport (chmod 600); see "
                     "docs/deployment.md", st->path, st->key_path);
            return -1;
        }
        if (key_create(st, err, errsize) != 0)
            return -1;
        created = true;
    }
    if (present) {
        if (!ok) {
            snprintf(err, errsize, "the seal key %s does not belong to %s (it was replaced, or comes from "
                     "other records). Restore the right key file; records cannot be sealed with this one",
                     st->key_path, st->path);
            return -1;
        }
        return 0;
    }
    /* a new file (or one whose key row is still to be written): claim it */
    if ((rc = tx_begin(st)) != SQLITE_OK) {
        rp_store_error(st, rc, "prepare the records file", err, errsize);
        return -1;
    }
    rc = ledger_get(st, "key", value, sizeof value, &present, &ok);
    if (rc == SQLITE_OK && !present) {
        unsigned char id[16];
        randombytes_buf(id, sizeof id);
        sodium_bin2hex(value, sizeof value, id, sizeof id);
        rc = ledger_set(st, "key", value);
    } else if (rc == SQLITE_OK && !ok) {
        tx_rollback(st);
        if (created && st->be != &rp_backend_sqlite) {
            /* another computer set up these shared records at the same moment: its key is the one */
            unlink(st->key_path);
            snprintf(err, errsize, "another computer set up the shared records %s at the same moment, with its "
                     "own seal key. Copy that computer's key file to %s (chmod 600) and try again",
                     st->path, st->key_path);
            return -1;
        }
        snprintf(err, errsize, "the seal key %s does not belong to %s. Restore the right key file",
                 st->key_path, st->path);
        return -1;
    }
    if (rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "prepare the records file", err, errsize);
        return -1;
    }
    return 0;
}

/* ---- open and close ------------------------------------------------------------------------------------ */

void rp_store_close(rp_store *st)
{
    if (st == NULL)
        return;
    if (st->be)
        st->be->close(st);
    sodium_memzero(st->key, sizeof st->key);
    free(st->path);
    if (st->conninfo) {
        sodium_memzero(st->conninfo, strlen(st->conninfo));
        free(st->conninfo);
    }
    free(st->key_path);
    free(st);
}

static int count_rows(rp_store *st, const char *sql, long long *out)
{
    rp_q *q;
    int rc = prepare(st, &q, sql);
    if (rc != SQLITE_OK)
        return rc;
    rc = rp_q_step(q);
    if (rc == SQLITE_ROW) {
        *out = rp_q_int64(q, 0);
        rc = SQLITE_OK;
    }
    rp_q_finalize(q);
    return rc;
}

/* Brings the schema up to SCHEMA_VERSION (or checks it, read-only). */
static int migrate(rp_store *st, char *err, size_t errsize)
{
    long long version = 0, tables = 0;
    int rc = st->be->get_version(st, &version, &tables);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "open the records", err, errsize);
        return -1;
    }
    if (version > SCHEMA_VERSION) {
        snprintf(err, errsize, "%s was written by a newer Rapport (records format %lld; this Rapport "
                 "knows up to %d). Update Rapport to read it", st->path, version, SCHEMA_VERSION);
        return -1;
    }
    if (version == 0 && tables > 0) {
        if (st->be == &rp_backend_sqlite)
            snprintf(err, errsize, "%s is an SQLite database but not a Rapport records file. Rapport has not "
                     "changed it; choose another file with --db PATH", st->path);
        else
            snprintf(err, errsize, "the database %s already holds tables that are not Rapport's. Rapport has not "
                     "changed it; give Rapport a database of its own (docs/deployment.md)", st->path);
        return -1;
    }
    st->schema = (int)version;
    if (version == SCHEMA_VERSION || (st->read_only && version >= OLDEST_READABLE))
        return 0;
    if (st->read_only) {
        if (version == 0)
            snprintf(err, errsize, "%s holds no records yet. Record a session first (play in the window, "
                     "or rapport run FILE --record)", st->path);
        else
            snprintf(err, errsize, "%s was written by an older Rapport (records format %lld). Open it "
                     "once with write access (e.g. rapport run --record) to update it", st->path, version);
        return -1;
    }
    if ((rc = tx_begin(st)) != SQLITE_OK) {
        rp_store_error(st, rc, "prepare the records file", err, errsize);
        return -1;
    }
    rc = st->be->get_version(st, &version, &tables);           /* another process may have won */
    for (long long v = version; rc == SQLITE_OK && v < SCHEMA_VERSION; v++) {
        rc = exec(st, st->be->migrations[v]);
        if (rc == SQLITE_OK && v == 1)
            rc = backfill_outbox(st);
    }
    if (rc == SQLITE_OK && version < SCHEMA_VERSION)
        rc = st->be->set_version(st, SCHEMA_VERSION);
    if (rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "prepare the records file", err, errsize);
        return -1;
    }
    st->schema = SCHEMA_VERSION;
    return 0;
}

static rp_store *store_open(const char *path, bool read_only, char *err, size_t errsize)
{
    if (path == NULL || *path == '\0') {
        snprintf(err, errsize, "no records file given: use --db PATH or set RAPPORT_DB");
        return NULL;
    }
    rp_store *st = calloc(1, sizeof *st);
    if (st == NULL) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    st->be = rp_store_is_url(path) ? &rp_backend_pg : &rp_backend_sqlite;
    st->path = strdup(path);
    if (st->path == NULL) {
        snprintf(err, errsize, "out of memory");
        rp_store_close(st);
        return NULL;
    }
    st->read_only = read_only;
    const char *t = getenv("RAPPORT_DB_TIMEOUT_MS");
    st->busy_ms = t && *t ? atoi(t) : 10000;
    if (st->busy_ms < 0)
        st->busy_ms = 0;
    make_recorder(st->recorder, sizeof st->recorder);
    if (st->be->open(st, err, errsize) != 0) {
        rp_store_close(st);
        return NULL;
    }
    if (migrate(st, err, errsize) != 0) {
        rp_store_close(st);
        return NULL;
    }
    if (!read_only && st->be->check_writable && st->be->check_writable(st, err, errsize) != 0) {
        rp_store_close(st);
        return NULL;
    }
    if (read_only ? key_read(st, err, errsize) < 0 : key_setup(st, err, errsize) != 0) {
        rp_store_close(st);
        return NULL;
    }
    return st;
}

rp_store *rp_store_open(const char *path, char *err, size_t errsize)
{
    return store_open(path, false, err, errsize);
}

rp_store *rp_store_open_readonly(const char *path, char *err, size_t errsize)
{
    return store_open(path, true, err, errsize);
}

/* ---- recording ---------------------------------------------------------------------------------------- */

static int need_writable(rp_store *st, char *err, size_t errsize)
{
    if (st == NULL) {
        snprintf(err, errsize, "no records file is open");
        return -1;
    }
    if (st->read_only || !st->has_key) {
        snprintf(err, errsize, "%s was opened for reading only", st->path);
        return -1;
    }
    return 0;
}

long long rp_store_begin(rp_store *st, const rp_session *s, const char *cohort, char *err, size_t errsize)
{
    if (need_writable(st, err, errsize) != 0)
        return 0;
    const rp_scenario *sc = rp_session_scenario(s);
    unsigned char u[16];
    char uuid[37], now[32];
    randombytes_buf(u, sizeof u);
    u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);        /* version 4 */
    u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);        /* RFC 4122 variant */
    snprintf(uuid, sizeof uuid, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
    rp_store_now(now);

    int rc = tx_begin(st);
    long long id = 0, next = 0;
    rp_q *q = NULL;
    if (rc == SQLITE_OK)
        rc = st->be->next_session_id(st, &next);
    if (rc == SQLITE_OK)
        rc = prepare(st, &q, "INSERT INTO sessions (id, uuid, trainee, cohort, scenario_id, title, audience, "
                             "version, content_hash, started, pass_mark, mood_start, recorder) "
                             "VALUES (?13, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id");
    if (rc == SQLITE_OK) {
        bind_text(q, 1, uuid);
        bind_text(q, 2, rp_session_trainee(s));
        bind_text(q, 3, cohort && *cohort ? cohort : NULL);
        bind_text(q, 4, sc->id);
        bind_text(q, 5, sc->title ? sc->title : sc->id);
        bind_text(q, 6, sc->audience ? sc->audience : "external");
        bind_text(q, 7, sc->version);
        bind_text(q, 8, rp_scenario_hash(sc));
        bind_text(q, 9, now);
        rp_q_bind_double(q, 10, sc->pass_mark);
        rp_q_bind_double(q, 11, rp_session_start_mood(s));
        bind_text(q, 12, st->recorder);
        if (next > 0)
            rp_q_bind_int64(q, 13, next);
        else
            rp_q_bind_null(q, 13);
        rc = rp_q_step(q);
        if (rc == SQLITE_ROW) {
            id = rp_q_int64(q, 0);
            rc = rp_q_step(q);
        }
        rp_q_finalize(q);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    char mac[65], num[32];
    if (rc == SQLITE_OK)
        rc = begin_mac_of(st, id, mac);
    if (rc == SQLITE_OK && (rc = prepare(st, &q, "UPDATE sessions SET begin_mac = ?1 WHERE id = ?2")) == SQLITE_OK) {
        bind_text(q, 1, mac);
        rp_q_bind_int64(q, 2, id);
        rc = step_done(q);
    }
    snprintf(num, sizeof num, "%lld", id);
    if (rc == SQLITE_OK)
        rc = ledger_set(st, "last_id", num);
    if (rc == SQLITE_OK)
        rc = outbox_add(st, id, uuid, "launched", 0);
    if (rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "start recording the session", err, errsize);
        return 0;
    }
    return id;
}

/* The session's status column: 1 in progress, 0 finished, -1 gone (message in err), or an SQLite error. */
static int check_in_progress(rp_store *st, long long id, int *rc_out, char *err, size_t errsize)
{
    rp_q *q;
    int rc = prepare(st, &q, "SELECT status FROM sessions WHERE id = ?1");
    *rc_out = rc;
    if (rc != SQLITE_OK)
        return -2;
    rp_q_bind_int64(q, 1, id);
    rc = rp_q_step(q);
    int result;
    if (rc == SQLITE_ROW) {
        const char *status = (const char *)rp_q_text(q, 0);
        result = status && strcmp(status, "in_progress") == 0;
        if (!result)
            snprintf(err, errsize, "session %lld in %s is already %s; nothing more can be recorded in it",
                     id, st->path, status ? status : "finished");
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        snprintf(err, errsize, "session %lld is no longer in %s (its trainee's records were removed with "
                 "'rapport forget'?); the rest of this session is not recorded", id, st->path);
        result = -1;
        rc = SQLITE_OK;
    } else {
        result = -2;
    }
    rp_q_finalize(q);
    *rc_out = rc;
    return result;
}

static void bind_json_text(rp_q *q, int i, const cJSON *item)
{
    bind_text(q, i, cJSON_IsString(item) ? item->valuestring : NULL);
}

static void bind_json_number(rp_q *q, int i, const cJSON *item)
{
    if (cJSON_IsNumber(item))
        rp_q_bind_double(q, i, item->valuedouble);
    else
        rp_q_bind_null(q, i);
}

/* The node's choices as shown to this trainee: [{"text": ..., "quality": ...}], malloc'd JSON. */
static char *options_json(const rp_session *s, const rp_node *nd)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < nd->n_choices; i++) {
        cJSON *o = cJSON_CreateObject();
        char *text = rp_session_fill(s, nd->choices[i].text);
        cJSON_AddStringToObject(o, "text", text ? text : "");
        free(text);
        cJSON_AddStringToObject(o, "quality", rp_quality_name(nd->choices[i].quality));
        cJSON_AddItemToArray(arr, o);
    }
    char *out = cJSON_PrintUnformatted(arr);
    cJSON_Delete(arr);
    return out;
}

/* Inserts decision idx (inside the caller's transaction) unless it is already there. */
static int insert_decision(rp_store *st, long long id, const rp_session *s, const cJSON *card, int idx)
{
    rp_q *q;
    int rc = prepare(st, &q, "SELECT 1 FROM decisions WHERE session_id = ?1 AND idx = ?2");
    if (rc != SQLITE_OK)
        return rc;
    rp_q_bind_int64(q, 1, id);
    rp_q_bind_int64(q, 2, idx);
    rc = rp_q_step(q);
    rp_q_finalize(q);
    if (rc == SQLITE_ROW)
        return SQLITE_OK;                 /* recorded before (e.g. replayed after a reload) */
    if (rc != SQLITE_DONE)
        return rc;

    int n;
    const rp_decision *dec = rp_session_decisions(s, &n);
    const rp_scenario *sc = rp_session_scenario(s);
    const cJSON *d = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(card, "decisions"), idx);
    if (d == NULL || idx >= n)
        return SQLITE_MISUSE;
    char now[32];
    rp_store_now(now);
    char *options = options_json(s, &sc->nodes[dec[idx].node]);
    rc = prepare(st, &q, "INSERT INTO decisions (" DECISION_COLS ") VALUES "
                         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    if (rc == SQLITE_OK) {
        rp_q_bind_int64(q, 1, id);
        rp_q_bind_int64(q, 2, idx);
        bind_json_text(q, 3, cJSON_GetObjectItemCaseSensitive(d, "node"));
        bind_json_number(q, 4, cJSON_GetObjectItemCaseSensitive(d, "choice"));
        if (dec[idx].choice_index >= 0)
            rp_q_bind_int64(q, 5, dec[idx].choice_index);
        else
            rp_q_bind_null(q, 5);
        bind_json_text(q, 6, cJSON_GetObjectItemCaseSensitive(d, "text"));
        bind_json_text(q, 7, cJSON_GetObjectItemCaseSensitive(d, "quality"));
        bind_json_number(q, 8, cJSON_GetObjectItemCaseSensitive(d, "empathy"));
        bind_json_number(q, 9, cJSON_GetObjectItemCaseSensitive(d, "resolution"));
        bind_json_number(q, 10, cJSON_GetObjectItemCaseSensitive(d, "mood"));
        bind_json_text(q, 11, cJSON_GetObjectItemCaseSensitive(d, "feedback"));
        if (dec[idx].response_ms >= 0)
            rp_q_bind_int64(q, 12, dec[idx].response_ms);
        else
            rp_q_bind_null(q, 12);
        rp_q_bind_int64(q, 13, dec[idx].timed_out ? 1 : 0);
        bind_json_text(q, 14, cJSON_GetObjectItemCaseSensitive(d, "best"));
        bind_text(q, 15, options);
        bind_text(q, 16, now);
        rc = step_done(q);
    }
    cJSON_free(options);
    if (rc != SQLITE_OK)
        return rc;
    /* its MAC, over the row as stored */
    rc = prepare(st, &q, "SELECT " DECISION_COLS " FROM decisions WHERE session_id = ?1 AND idx = ?2");
    if (rc != SQLITE_OK)
        return rc;
    rp_q_bind_int64(q, 1, id);
    rp_q_bind_int64(q, 2, idx);
    mac_state m;
    mac_start(st, &m, "rapport-decision-v1");
    rc = rp_q_step(q);
    if (rc == SQLITE_ROW)
        mac_row(&m, q, N_DECISION_COLS);
    rp_q_finalize(q);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? SQLITE_ERROR : rc;
    char mac[65];
    mac_hex(&m, mac);
    rc = prepare(st, &q, "UPDATE decisions SET mac = ?1 WHERE session_id = ?2 AND idx = ?3");
    if (rc != SQLITE_OK)
        return rc;
    bind_text(q, 1, mac);
    rp_q_bind_int64(q, 2, id);
    rp_q_bind_int64(q, 3, idx);
    if ((rc = step_done(q)) != SQLITE_OK)
        return rc;
    return outbox_add_for(st, id, "answered", idx);
}

int rp_store_decision(rp_store *st, long long id, const rp_session *s, int index, char *err, size_t errsize)
{
    if (need_writable(st, err, errsize) != 0)
        return -1;
    int n;
    rp_session_decisions(s, &n);
    if (index < 0 || index >= n) {
        snprintf(err, errsize, "decision %d does not exist (the session has %d)", index + 1, n);
        return -1;
    }
    cJSON *card = rp_scorecard_json(s);
    int rc = tx_begin(st);
    int live = rc == SQLITE_OK ? check_in_progress(st, id, &rc, err, errsize) : -2;
    if (live == 1)
        rc = insert_decision(st, id, s, card, index);
    cJSON_Delete(card);
    if (live == 1 && rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (live == 0 || live == -1)
        return -1;
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "record the decision", err, errsize);
        return -1;
    }
    return 0;
}

/* Chains the session onto the newest seal and seals it (inside the caller's transaction). */
static int seal_session(rp_store *st, long long id)
{
    char head[128], prev[65] = ZERO_SEAL;
    bool present;
    long long head_seq = 0, max_seq = 0;
    int rc = ledger_get(st, "head", head, sizeof head, &present, NULL);
    if (rc != SQLITE_OK)
        return rc;
    if (present)
        head_seq = atoll(head);
    rp_q *q;
    rc = prepare(st, &q, "SELECT seal_seq, seal FROM sessions WHERE seal_seq IS NOT NULL "
                         "ORDER BY seal_seq DESC LIMIT 1");
    if (rc != SQLITE_OK)
        return rc;
    rc = rp_q_step(q);
    if (rc == SQLITE_ROW) {
        max_seq = rp_q_int64(q, 0);
        const char *s = (const char *)rp_q_text(q, 1);
        snprintf(prev, sizeof prev, "%s", s ? s : ZERO_SEAL);
        rc = SQLITE_DONE;
    }
    rp_q_finalize(q);
    if (rc != SQLITE_DONE)
        return rc;
    /* never reuse a number, even if the newest sealed records were removed behind our back */
    long long seq = (head_seq > max_seq ? head_seq : max_seq) + 1;
    rc = prepare(st, &q, "UPDATE sessions SET seal_seq = ?1, prev_seal = ?2 WHERE id = ?3");
    if (rc != SQLITE_OK)
        return rc;
    rp_q_bind_int64(q, 1, seq);
    bind_text(q, 2, prev);
    rp_q_bind_int64(q, 3, id);
    if ((rc = step_done(q)) != SQLITE_OK)
        return rc;
    char seal[65];
    if ((rc = seal_of(st, id, seal)) != SQLITE_OK)
        return rc;
    rc = prepare(st, &q, "UPDATE sessions SET seal = ?1 WHERE id = ?2");
    if (rc != SQLITE_OK)
        return rc;
    bind_text(q, 1, seal);
    rp_q_bind_int64(q, 2, id);
    if ((rc = step_done(q)) != SQLITE_OK)
        return rc;
    snprintf(head, sizeof head, "%lld:%s", seq, seal);
    return ledger_set(st, "head", head);
}

int rp_store_finish(rp_store *st, long long id, const rp_session *s, char *err, size_t errsize)
{
    if (need_writable(st, err, errsize) != 0)
        return -1;
    if (rp_session_status(s) != RP_ENDED) {
        snprintf(err, errsize, "the session has not reached an ending, so it cannot be finished");
        return -1;
    }
    cJSON *card = rp_scorecard_json(s);
    char now[32];
    rp_store_now(now);
    int rc = tx_begin(st);
    int live = rc == SQLITE_OK ? check_in_progress(st, id, &rc, err, errsize) : -2;
    int n;
    rp_session_decisions(s, &n);
    for (int i = 0; live == 1 && rc == SQLITE_OK && i < n; i++)
        rc = insert_decision(st, id, s, card, i);      /* any the front end did not write yet */
    rp_q *q = NULL;
    if (live == 1 && rc == SQLITE_OK)
        rc = prepare(st, &q, "UPDATE sessions SET status = 'complete', ended = ?1, ending = ?2, outcome = ?3, "
                             "empathy = ?4, resolution = ?5, choices = ?6, overall = ?7, passed = ?8, "
                             "mood_end = ?9 WHERE id = ?10");
    if (live == 1 && rc == SQLITE_OK) {
        const cJSON *scores = cJSON_GetObjectItemCaseSensitive(card, "scores");
        bind_text(q, 1, now);
        bind_json_text(q, 2, cJSON_GetObjectItemCaseSensitive(card, "ending"));
        bind_json_text(q, 3, cJSON_GetObjectItemCaseSensitive(card, "outcome"));
        bind_json_number(q, 4, cJSON_GetObjectItemCaseSensitive(scores, "empathy"));
        bind_json_number(q, 5, cJSON_GetObjectItemCaseSensitive(scores, "resolution"));
        bind_json_number(q, 6, cJSON_GetObjectItemCaseSensitive(scores, "choices"));
        bind_json_number(q, 7, cJSON_GetObjectItemCaseSensitive(scores, "overall"));
        rp_q_bind_int64(q, 8, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(card, "passed")));
        rp_q_bind_double(q, 9, rp_session_mood(s));
        rp_q_bind_int64(q, 10, id);
        rc = step_done(q);
    }
    if (live == 1 && rc == SQLITE_OK)
        rc = seal_session(st, id);
    if (live == 1 && rc == SQLITE_OK)
        rc = outbox_add_closing(st, id, true, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(card, "passed")));
    cJSON_Delete(card);
    if (live == 1 && rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (live == 0 || live == -1)
        return -1;
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "save the finished session", err, errsize);
        return -1;
    }
    return 0;
}

int rp_store_abandon(rp_store *st, long long id, char *err, size_t errsize)
{
    if (need_writable(st, err, errsize) != 0)
        return -1;
    char now[32];
    rp_store_now(now);
    int rc = tx_begin(st);
    int live = rc == SQLITE_OK ? check_in_progress(st, id, &rc, err, errsize) : -2;
    rp_q *q = NULL;
    if (live == 1 && rc == SQLITE_OK)
        rc = prepare(st, &q, "UPDATE sessions SET status = 'abandoned', ended = ?1, passed = 0 WHERE id = ?2");
    if (live == 1 && rc == SQLITE_OK) {
        bind_text(q, 1, now);
        rp_q_bind_int64(q, 2, id);
        rc = step_done(q);
    }
    if (live == 1 && rc == SQLITE_OK)
        rc = seal_session(st, id);
    if (live == 1 && rc == SQLITE_OK)
        rc = outbox_add_closing(st, id, false, false);
    if (live == 1 && rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (live == 0 || live == -1)
        return -1;
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "save the abandoned session", err, errsize);
        return -1;
    }
    return 0;
}

int rp_store_sync(rp_store *st, long long id, const rp_session *s, int *written, char *err, size_t errsize)
{
    int n;
    rp_session_decisions(s, &n);
    for (; *written < n; (*written)++)
        if (rp_store_decision(st, id, s, *written, err, errsize) != 0)
            return -1;
    return 0;
}

int rp_store_end(rp_store *st, long long id, const rp_session *s, char *err, size_t errsize)
{
    return rp_session_status(s) == RP_ENDED ? rp_store_finish(st, id, s, err, errsize)
                                            : rp_store_abandon(st, id, err, errsize);
}

/* ---- for the window -------------------------------------------------------------------------------------- */

double rp_store_best_overall(rp_store *st, const char *trainee, const char *scenario_id)
{
    if (st == NULL || trainee == NULL || scenario_id == NULL)
        return -1;
    rp_q *q;
    if (prepare(st, &q, "SELECT max(overall) FROM sessions WHERE trainee = ?1 AND scenario_id = ?2 "
                        "AND status = 'complete'") != SQLITE_OK)
        return -1;
    bind_text(q, 1, trainee);
    bind_text(q, 2, scenario_id);
    double best = -1;
    if (rp_q_step(q) == SQLITE_ROW && rp_q_type(q, 0) != SQLITE_NULL)
        best = rp_q_double(q, 0);
    rp_q_finalize(q);
    return best;
}

int rp_store_recent_trainees(rp_store *st, char names[][64], int max)
{
    if (st == NULL || max <= 0)
        return 0;
    rp_q *q;
    if (prepare(st, &q, "SELECT trainee FROM sessions GROUP BY trainee ORDER BY max(started) DESC LIMIT ?1")
        != SQLITE_OK)
        return 0;
    rp_q_bind_int64(q, 1, max);
    int n = 0;
    while (n < max && rp_q_step(q) == SQLITE_ROW) {
        const char *t = (const char *)rp_q_text(q, 0);
        snprintf(names[n++], 64, "%s", t ? t : "");
    }
    rp_q_finalize(q);
    return n;
}

/* ---- verify ------------------------------------------------------------------------------------------------ */

static void problem(rp_verify_result *r, long long session, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(rp_verify_result *r, long long session, const char *fmt, ...)
{
    rp_problem *p = realloc(r->problems, sizeof *p * (size_t)(r->n_problems + 1));
    if (p == NULL)
        return;
    r->problems = p;
    p = &r->problems[r->n_problems++];
    p->session = session;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->what, sizeof p->what, fmt, ap);
    va_end(ap);
}

void rp_verify_result_free(rp_verify_result *r)
{
    free(r->problems);
    memset(r, 0, sizeof *r);
}

typedef struct {
    long long id, seq;
    char prev[65], seal[65];
    bool seal_bad;
} chain_link;

static int by_seq(const void *a, const void *b)
{
    const chain_link *x = a, *y = b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int by_session(const void *a, const void *b)
{
    const rp_problem *x = a, *y = b;
    if (x->session != y->session)
        return x->session < y->session ? -1 : 1;
    return x < y ? -1 : x > y;            /* keep the order found within a session */
}

static bool contains(const long long *ids, int n, long long id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ids[mid] == id)
            return true;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}

static void push_id(long long **ids, int *n, long long id)
{
    long long *p = realloc(*ids, sizeof *p * (size_t)(*n + 1));
    if (p) {
        *ids = p;
        p[(*n)++] = id;
    }
}

/* Checks the decisions of one session. Returns the number of problems found. */
static int verify_decisions(rp_store *st, rp_verify_result *r, long long id, int *rc)
{
    rp_q *q;
    *rc = prepare(st, &q, "SELECT " DECISION_COLS ", mac FROM decisions WHERE session_id = ?1 ORDER BY idx");
    if (*rc != SQLITE_OK)
        return 0;
    rp_q_bind_int64(q, 1, id);
    int found = 0;
    long long expect = 0;
    while ((*rc = rp_q_step(q)) == SQLITE_ROW) {
        long long idx = rp_q_int64(q, 1);
        if (idx > expect) {
            if (idx == expect + 1)
                problem(r, id, "decision %lld is missing: deleted outside Rapport", expect + 1);
            else
                problem(r, id, "decisions %lld to %lld are missing: deleted outside Rapport", expect + 1, idx);
            found++;
        }
        expect = idx + 1;
        mac_state m;
        mac_start(st, &m, "rapport-decision-v1");
        mac_row(&m, q, N_DECISION_COLS);
        char want[65];
        mac_hex(&m, want);
        const char *have = (const char *)rp_q_text(q, N_DECISION_COLS);
        if (have == NULL || strcmp(have, want) != 0) {
            problem(r, id, "decision %lld was %s outside Rapport", idx + 1,
                    have && *have ? "edited" : "inserted");
            found++;
        }
    }
    rp_q_finalize(q);
    *rc = *rc == SQLITE_DONE ? SQLITE_OK : *rc;
    return found;
}

int rp_store_verify(rp_store *st, rp_verify_result *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    if (st == NULL || !st->has_key) {
        snprintf(err, errsize, "cannot verify %s: its seal key %s is missing. Restore the key file from a "
                 "backup (%s)", st ? st->path : "the records", st ? st->key_path : "",
                 st && st->be != &rp_backend_sqlite ?
                 "or copy it from a computer that records into these shared records; see docs/deployment.md" :
                 "it lives beside the records file");
        return -1;
    }
    long long *present = NULL, *forgotten = NULL;
    int n_present = 0, n_forgotten = 0, n_chain = 0;
    chain_link *chain = NULL;
    rp_q *q = NULL;
    int rc = tx_snapshot(st);                   /* one snapshot for the whole check */

    /* the storage itself */
    char damaged[300];
    if (rc == SQLITE_OK && st->be->check_integrity && st->be->check_integrity(st, damaged, sizeof damaged))
        problem(out, 0, "%s", damaged);

    /* the ledger */
    long long n_sessions = 0;
    if (rc == SQLITE_OK)
        rc = count_rows(st, "SELECT count(*) FROM sessions", &n_sessions);
    char value[160];
    bool has, ok;
    long long last_id = -1, head_seq = 0;
    char head_seal[65] = ZERO_SEAL;
    bool head_known = false;
    if (rc == SQLITE_OK && (rc = ledger_get(st, "key", value, sizeof value, &has, &ok)) == SQLITE_OK) {
        if (has && !ok)
            problem(out, 0, "the seal key %s does not match these records (the key file was replaced, or "
                    "the ledger was edited outside Rapport); every check below is unreliable", st->key_path);
        else if (!has)
            problem(out, 0, "the ledger entry tying the seal key to these records was deleted outside Rapport");
    }
    if (rc == SQLITE_OK && (rc = ledger_get(st, "last_id", value, sizeof value, &has, &ok)) == SQLITE_OK) {
        if (has && ok)
            last_id = atoll(value);
        else if (has)
            problem(out, 0, "the ledger of session ids was edited outside Rapport");
        else if (n_sessions > 0)
            problem(out, 0, "the ledger of session ids was deleted outside Rapport");
    }
    if (rc == SQLITE_OK && (rc = ledger_get(st, "head", value, sizeof value, &has, &ok)) == SQLITE_OK) {
        char *colon = strchr(value, ':');
        if (has && ok && colon) {
            head_seq = atoll(value);
            snprintf(head_seal, sizeof head_seal, "%s", colon + 1);
            head_known = true;
        } else if (has) {
            problem(out, 0, "the ledger's newest seal was edited outside Rapport");
        }
    }
    if (rc == SQLITE_OK && (rc = prepare(st, &q, "SELECT name FROM ledger WHERE name NOT IN "
                                                 "('key', 'last_id', 'head')")) == SQLITE_OK) {
        while (rp_q_step(q) == SQLITE_ROW)
            problem(out, 0, "a ledger entry '%s' was inserted outside Rapport", rp_q_text(q, 0));
        rp_q_finalize(q);
    }

    /* forgotten sessions */
    if (rc == SQLITE_OK && (rc = prepare(st, &q, "SELECT id, at, mac FROM forgotten ORDER BY id")) == SQLITE_OK) {
        while (rp_q_step(q) == SQLITE_ROW) {
            long long id = rp_q_int64(q, 0);
            char want[65];
            const char *at = (const char *)rp_q_text(q, 1);
            const char *mac = (const char *)rp_q_text(q, 2);
            forgotten_mac(st, id, at, want);
            if (mac == NULL || strcmp(mac, want) != 0)
                problem(out, id, "it is listed as forgotten, but that entry was made outside Rapport");
            else
                push_id(&forgotten, &n_forgotten, id);
        }
        rp_q_finalize(q);
    }
    out->forgotten = n_forgotten;

    /* every session */
    if (rc == SQLITE_OK)
        rc = prepare(st, &q, "SELECT id, status, seal, begin_mac, seal_seq, prev_seal FROM sessions ORDER BY id");
    while (rc == SQLITE_OK && rp_q_step(q) == SQLITE_ROW) {
        long long id = rp_q_int64(q, 0);
        const char *status = (const char *)rp_q_text(q, 1);
        const char *seal = (const char *)rp_q_text(q, 2);
        const char *bmac = (const char *)rp_q_text(q, 3);
        bool has_seq = rp_q_type(q, 4) != SQLITE_NULL;
        long long seq = rp_q_int64(q, 4);
        const char *prev = (const char *)rp_q_text(q, 5);
        out->sessions++;
        push_id(&present, &n_present, id);
        int before = out->n_problems;
        bool inserted = false;
        if (last_id >= 0 && id > last_id) {
            problem(out, id, "inserted outside Rapport (Rapport never began a session with this id)");
            inserted = true;
        } else if (contains(forgotten, n_forgotten, id)) {
            problem(out, id, "inserted outside Rapport (this id belongs to a forgotten session)");
            inserted = true;
        }
        char want[65];
        if ((rc = begin_mac_of(st, id, want)) != SQLITE_OK)
            break;
        if (!inserted && (bmac == NULL || strcmp(bmac, want) != 0))
            problem(out, id, bmac && *bmac ? "edited outside Rapport: its trainee, cohort, scenario or start "
                                             "time no longer match what was recorded"
                                           : "inserted outside Rapport (it was never begun by Rapport)");
        verify_decisions(st, out, id, &rc);
        if (rc != SQLITE_OK)
            break;
        bool explained = out->n_problems > before;
        bool finished = status && strcmp(status, "in_progress") != 0;
        if (!finished && seal == NULL && !has_seq) {
            out->unfinished++;
            continue;
        }
        if (!finished) {
            problem(out, id, "marked unfinished outside Rapport, although Rapport had sealed it");
            continue;
        }
        if (seal == NULL) {
            if (!explained)
                problem(out, id, "marked %s outside Rapport (Rapport never sealed it)", status);
            continue;
        }
        out->sealed++;
        if ((rc = seal_of(st, id, want)) != SQLITE_OK)
            break;
        bool seal_bad = strcmp(seal, want) != 0;
        if (seal_bad && !explained)
            problem(out, id, "edited outside Rapport: its status, ending, scores or decisions no longer match "
                    "its seal");
        if (has_seq) {
            chain_link *c = realloc(chain, sizeof *c * (size_t)(n_chain + 1));
            if (c) {
                chain = c;
                c = &chain[n_chain++];
                c->id = id;
                c->seq = seq;
                snprintf(c->prev, sizeof c->prev, "%s", prev ? prev : "");
                snprintf(c->seal, sizeof c->seal, "%s", seal);
                c->seal_bad = seal_bad || explained;
            }
        }
    }
    if (q)
        rp_q_finalize(q);
    q = NULL;

    /* sessions deleted: every id up to the ledger's last one exists or was forgotten */
    int missing = 0;
    if (rc == SQLITE_OK) {
        long long upto = last_id >= 0 ? last_id : (n_present ? present[n_present - 1] : 0);
        for (long long id = 1; id <= upto; id++) {
            if (contains(present, n_present, id) || contains(forgotten, n_forgotten, id))
                continue;
            long long end = id;
            while (end + 1 <= upto && !contains(present, n_present, end + 1) &&
                   !contains(forgotten, n_forgotten, end + 1))
                end++;
            if (end - id < 10)
                for (long long k = id; k <= end; k++)
                    problem(out, k, "deleted outside Rapport (it is missing, and was not removed with "
                            "'rapport forget')");
            else
                problem(out, id, "sessions %lld to %lld deleted outside Rapport (they are missing, and were "
                        "not removed with 'rapport forget')", id, end);
            missing += (int)(end - id + 1);
            id = end;
        }
    }

    /* decisions whose session is gone (plain sqlite3 does not enforce foreign keys) */
    if (rc == SQLITE_OK && (rc = prepare(st, &q, "SELECT DISTINCT session_id FROM decisions WHERE session_id "
                                                 "NOT IN (SELECT id FROM sessions) ORDER BY 1")) == SQLITE_OK) {
        while (rp_q_step(q) == SQLITE_ROW) {
            long long id = rp_q_int64(q, 0);
            long long upto = last_id >= 0 ? last_id : 0;
            if (id > upto || contains(forgotten, n_forgotten, id))
                problem(out, id, "decisions of a session that does not exist: inserted outside Rapport");
        }
        rp_q_finalize(q);
    }

    /* the chain of seals */
    if (rc == SQLITE_OK) {
        if (n_chain > 1)
            qsort(chain, (size_t)n_chain, sizeof *chain, by_seq);
        long long expect = 1;
        const char *prev = ZERO_SEAL;
        for (int i = 0; i < n_chain; i++) {
            chain_link *c = &chain[i];
            if (c->seq > expect) {
                if (missing == 0)
                    problem(out, c->id, "%lld sealed session%s before it in the chain %s missing: deleted "
                            "outside Rapport", c->seq - expect, c->seq - expect == 1 ? "" : "s",
                            c->seq - expect == 1 ? "is" : "are");
            } else if (strcmp(c->prev, prev) != 0 && !c->seal_bad) {
                problem(out, c->id, "the chain of seals is broken just before it: a sealed session was "
                        "replaced outside Rapport");
            }
            expect = c->seq + 1;
            prev = c->seal;
        }
        long long last_seq = n_chain ? chain[n_chain - 1].seq : 0;
        if (head_known) {
            if (head_seq > last_seq) {
                if (missing == 0)
                    problem(out, 0, "the newest %lld sealed session%s %s missing: deleted outside Rapport",
                            head_seq - last_seq, head_seq - last_seq == 1 ? "" : "s",
                            head_seq - last_seq == 1 ? "is" : "are");
            } else if (head_seq < last_seq)
                problem(out, chain[n_chain - 1].id, "sealed after the newest seal Rapport wrote: inserted "
                        "outside Rapport");
            else if (n_chain && strcmp(head_seal, prev) != 0 && !chain[n_chain - 1].seal_bad)
                problem(out, chain[n_chain - 1].id, "its seal is not the one Rapport wrote: edited outside "
                        "Rapport");
        } else if (n_chain > 0 && !has) {
            problem(out, 0, "the ledger's newest seal was deleted outside Rapport");
        }
    }
    exec(st, "COMMIT");
    free(present);
    free(forgotten);
    free(chain);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "verify the records", err, errsize);
        rp_verify_result_free(out);
        return -1;
    }
    if (out->n_problems > 1)
        qsort(out->problems, (size_t)out->n_problems, sizeof *out->problems, by_session);
    return 0;
}

/* ---- forget ---------------------------------------------------------------------------------------------- */

/* Renumbers the chain 1..n in its order and seals every sealed session again. */
static int reseal_all(rp_store *st)
{
    int rc = exec(st, "UPDATE sessions SET seal_seq = -seal_seq WHERE seal_seq IS NOT NULL");
    if (rc != SQLITE_OK)
        return rc;
    rp_q *q;
    rc = prepare(st, &q, "SELECT id FROM sessions WHERE seal_seq IS NOT NULL ORDER BY seal_seq DESC");
    if (rc != SQLITE_OK)
        return rc;
    long long *ids = NULL;
    int n = 0;
    while ((rc = rp_q_step(q)) == SQLITE_ROW)
        push_id(&ids, &n, rp_q_int64(q, 0));
    rp_q_finalize(q);
    if (rc != SQLITE_DONE) {
        free(ids);
        return rc;
    }
    char prev[65] = ZERO_SEAL, seal[65];
    rc = SQLITE_OK;
    for (int i = 0; rc == SQLITE_OK && i < n; i++) {
        rc = prepare(st, &q, "UPDATE sessions SET seal_seq = ?1, prev_seal = ?2 WHERE id = ?3");
        if (rc != SQLITE_OK)
            break;
        rp_q_bind_int64(q, 1, i + 1);
        bind_text(q, 2, prev);
        rp_q_bind_int64(q, 3, ids[i]);
        if ((rc = step_done(q)) != SQLITE_OK || (rc = seal_of(st, ids[i], seal)) != SQLITE_OK)
            break;
        if ((rc = prepare(st, &q, "UPDATE sessions SET seal = ?1 WHERE id = ?2")) != SQLITE_OK)
            break;
        bind_text(q, 1, seal);
        rp_q_bind_int64(q, 2, ids[i]);
        rc = step_done(q);
        memcpy(prev, seal, sizeof prev);
    }
    if (rc == SQLITE_OK) {
        char head[128];
        snprintf(head, sizeof head, "%d:%s", n, prev);
        rc = ledger_set(st, "head", head);
    }
    free(ids);
    return rc;
}

int rp_store_forget(rp_store *st, const char *trainee, bool force, int *removed, char *err, size_t errsize)
{
    *removed = 0;
    if (need_writable(st, err, errsize) != 0)
        return -1;
    if (!force) {
        rp_verify_result v;
        if (rp_store_verify(st, &v, err, errsize) != 0)
            return -1;
        int n = v.n_problems;
        rp_verify_result_free(&v);
        if (n > 0) {
            snprintf(err, errsize, "the records in %s do not verify (%d problem%s; 'rapport verify --db %s' "
                     "lists them). Forgetting now would reseal over them and hide them: resolve them first, "
                     "or add --force to forget anyway", st->path, n, n == 1 ? "" : "s", st->path);
            return -1;
        }
    }
    int rc = tx_begin(st);
    rp_q *q = NULL;
    long long *ids = NULL;
    int n = 0;
    if (rc == SQLITE_OK && (rc = prepare(st, &q, "SELECT id FROM sessions WHERE trainee = ?1")) == SQLITE_OK) {
        bind_text(q, 1, trainee);
        while ((rc = rp_q_step(q)) == SQLITE_ROW)
            push_id(&ids, &n, rp_q_int64(q, 0));
        rp_q_finalize(q);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    char now[32], mac[65];
    rp_store_now(now);
    for (int i = 0; rc == SQLITE_OK && i < n; i++) {
        forgotten_mac(st, ids[i], now, mac);
        if ((rc = prepare(st, &q, "INSERT INTO forgotten (id, at, mac) VALUES (?1, ?2, ?3)")) != SQLITE_OK)
            break;
        rp_q_bind_int64(q, 1, ids[i]);
        bind_text(q, 2, now);
        bind_text(q, 3, mac);
        if ((rc = step_done(q)) != SQLITE_OK)
            break;
        if ((rc = prepare(st, &q, "DELETE FROM outbox WHERE session_id = ?1")) != SQLITE_OK)
            break;
        rp_q_bind_int64(q, 1, ids[i]);
        if ((rc = step_done(q)) != SQLITE_OK)
            break;
        if ((rc = prepare(st, &q, "DELETE FROM decisions WHERE session_id = ?1")) != SQLITE_OK)
            break;
        rp_q_bind_int64(q, 1, ids[i]);
        if ((rc = step_done(q)) != SQLITE_OK)
            break;
        if ((rc = prepare(st, &q, "DELETE FROM sessions WHERE id = ?1")) != SQLITE_OK)
            break;
        rp_q_bind_int64(q, 1, ids[i]);
        rc = step_done(q);
    }
    if (rc == SQLITE_OK && n > 0)
        rc = reseal_all(st);
    free(ids);
    if (rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "forget the trainee's records", err, errsize);
        return -1;
    }
    /* SQLite: move the change into the main file, so no old copy of a page stays in the log */
    if (n > 0 && st->be->after_forget)
        st->be->after_forget(st);
    *removed = n;
    return 0;
}

/* ---- the outbox, for sync.c ---------------------------------------------------------------------------------- */

static int outbox_need(rp_store *st, char *err, size_t errsize)
{
    if (st->schema >= 2)
        return 0;
    snprintf(err, errsize, "%s was written by an older Rapport (records format %d) and has no outbox yet. "
             "Run 'rapport sync' (or record a session) with write access to it once to update it",
             st->path, st->schema);
    return -1;
}

int rp_outbox_pending(rp_store *st, long long after, rp_outbox_row *rows, int max, char *err, size_t errsize)
{
    if (outbox_need(st, err, errsize) != 0)
        return -1;
    rp_q *q;
    int rc = prepare(st, &q, "SELECT seq, statement_id, session_id, kind, idx FROM outbox "
                             "WHERE status = 'pending' AND seq > ?1 ORDER BY seq LIMIT ?2");
    int n = 0;
    if (rc == SQLITE_OK) {
        rp_q_bind_int64(q, 1, after);
        rp_q_bind_int64(q, 2, max);
        while (n < max && (rc = rp_q_step(q)) == SQLITE_ROW) {
            rp_outbox_row *r = &rows[n++];
            const char *sid = (const char *)rp_q_text(q, 1);
            const char *kind = (const char *)rp_q_text(q, 3);
            r->seq = rp_q_int64(q, 0);
            snprintf(r->statement_id, sizeof r->statement_id, "%s", sid ? sid : "");
            r->session_id = rp_q_int64(q, 2);
            snprintf(r->kind, sizeof r->kind, "%s", kind ? kind : "");
            r->index = rp_q_int(q, 4);
        }
        rp_q_finalize(q);
        rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "read the outbox", err, errsize);
        return -1;
    }
    return n;
}

/* Runs one statement per row (bound: ?1 the row's seq, ?2 and ?3 the texts) in one transaction. */
static int outbox_update(rp_store *st, const char *sql, int nparams, const long long *seqs, int n, const char *a,
                         const char *b, const char *doing, char *err, size_t errsize)
{
    if (n <= 0)
        return 0;
    int rc = tx_begin(st);
    for (int i = 0; rc == SQLITE_OK && i < n; i++) {
        rp_q *q;
        if ((rc = prepare(st, &q, sql)) != SQLITE_OK)
            break;
        rp_q_bind_int64(q, 1, seqs[i]);
        if (nparams >= 2)
            bind_text(q, 2, a);
        if (nparams >= 3)
            bind_text(q, 3, b);
        rc = step_done(q);
    }
    if (rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, doing, err, errsize);
        return -1;
    }
    return 0;
}

int rp_outbox_delete(rp_store *st, const long long *seqs, int n, char *err, size_t errsize)
{
    return outbox_update(st, "DELETE FROM outbox WHERE seq = ?1", 1, seqs, n, NULL, NULL,
                         "note the statements as delivered", err, errsize);
}

int rp_outbox_set_aside(rp_store *st, long long seq, const char *status, const char *why, char *err, size_t errsize)
{
    char now[32];
    rp_store_now(now);
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE outbox SET status = '%s', tries = tries + 1, last_try = ?2, "
             "last_error = ?3 WHERE seq = ?1", strcmp(status, "conflict") == 0 ? "conflict" : "rejected");
    return outbox_update(st, sql, 3, &seq, 1, now, why, "set the statement aside", err, errsize);
}

int rp_outbox_failed(rp_store *st, const long long *seqs, int n, const char *why, char *err, size_t errsize)
{
    char now[32];
    rp_store_now(now);
    return outbox_update(st, "UPDATE outbox SET tries = tries + 1, last_try = ?2, last_error = ?3 WHERE seq = ?1",
                         3, seqs, n, now, why, "note the failed delivery", err, errsize);
}

/* Runs one statement on the set-aside rows in a transaction; *n is how many it changed. */
static int outbox_set_aside(rp_store *st, const char *sql, const char *doing, int *n, char *err, size_t errsize)
{
    *n = 0;
    if (outbox_need(st, err, errsize) != 0)
        return -1;
    int rc = tx_begin(st);
    if (rc == SQLITE_OK)
        rc = exec(st, sql);
    if (rc == SQLITE_OK)
        *n = rp_db_changes(st);
    if (rc == SQLITE_OK)
        rc = tx_commit(st);
    else
        tx_rollback(st);
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, doing, err, errsize);
        return -1;
    }
    return 0;
}

int rp_outbox_requeue(rp_store *st, int *n, char *err, size_t errsize)
{
    return outbox_set_aside(st, "UPDATE outbox SET status = 'pending', tries = 0 WHERE status <> 'pending'",
                            "put the set-aside statements back in the queue", n, err, errsize);
}

int rp_outbox_drop(rp_store *st, int *n, char *err, size_t errsize)
{
    return outbox_set_aside(st, "DELETE FROM outbox WHERE status <> 'pending'",
                            "remove the set-aside statements", n, err, errsize);
}

int rp_sync_state_set(rp_store *st, const char *name, const char *value)
{
    if (st->schema < 2 || st->read_only)
        return SQLITE_OK;
    rp_q *q;
    int rc = prepare(st, &q, "INSERT INTO sync_state (name, value) VALUES (?1, ?2) "
                             "ON CONFLICT(name) DO UPDATE SET value = excluded.value");
    if (rc != SQLITE_OK)
        return rc;
    bind_text(q, 1, name);
    bind_text(q, 2, value ? value : "");
    return step_done(q);
}

static void state_get(rp_store *st, const char *name, char *out, size_t size)
{
    rp_q *q;
    out[0] = '\0';
    if (prepare(st, &q, "SELECT value FROM sync_state WHERE name = ?1") != SQLITE_OK)
        return;
    bind_text(q, 1, name);
    if (rp_q_step(q) == SQLITE_ROW && rp_q_text(q, 0))
        snprintf(out, size, "%s", (const char *)rp_q_text(q, 0));
    rp_q_finalize(q);
}

int rp_outbox_summary(rp_store *st, rp_sync_summary *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    if (outbox_need(st, err, errsize) != 0)
        return -1;
    rp_q *q;
    int rc = tx_snapshot(st);                      /* one snapshot */
    if (rc == SQLITE_OK && (rc = prepare(st, &q, "SELECT status, count(*), min(queued) FROM outbox GROUP BY status"))
        == SQLITE_OK) {
        while ((rc = rp_q_step(q)) == SQLITE_ROW) {
            const char *status = (const char *)rp_q_text(q, 0);
            int n = rp_q_int(q, 1);
            if (status && strcmp(status, "pending") == 0) {
                out->pending = n;
                const char *oldest = (const char *)rp_q_text(q, 2);
                snprintf(out->oldest, sizeof out->oldest, "%s", oldest ? oldest : "");
            } else if (status && strcmp(status, "conflict") == 0) {
                out->conflict = n;
            } else {
                out->rejected += n;
            }
        }
        rp_q_finalize(q);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (rc == SQLITE_OK && (rc = prepare(st, &q, "SELECT o.statement_id, o.session_id, o.kind, o.idx, o.status, "
                                                 "s.trainee, s.scenario_id, o.last_try, o.last_error, o.tries "
                                                 "FROM outbox o LEFT JOIN sessions s ON s.id = o.session_id "
                                                 "WHERE o.status <> 'pending' ORDER BY o.seq")) == SQLITE_OK) {
        int cap = 0;
        while ((rc = rp_q_step(q)) == SQLITE_ROW) {
            if (out->n_held == cap) {
                int ncap = cap ? cap * 2 : 16;
                rp_sync_item *p = realloc(out->held, sizeof *p * (size_t)ncap);
                if (p == NULL) {
                    rc = SQLITE_NOMEM;
                    break;
                }
                out->held = p;
                cap = ncap;
            }
            rp_sync_item *it = &out->held[out->n_held++];
            memset(it, 0, sizeof *it);
            const char *t[9];
            for (int c = 0; c < 9; c++)
                t[c] = (const char *)rp_q_text(q, c);
            snprintf(it->statement_id, sizeof it->statement_id, "%s", t[0] ? t[0] : "");
            it->session = rp_q_int64(q, 1);
            snprintf(it->kind, sizeof it->kind, "%s", t[2] ? t[2] : "");
            it->index = rp_q_int(q, 3);
            snprintf(it->status, sizeof it->status, "%s", t[4] ? t[4] : "");
            snprintf(it->trainee, sizeof it->trainee, "%s", t[5] ? t[5] : "");
            snprintf(it->scenario, sizeof it->scenario, "%s", t[6] ? t[6] : "");
            snprintf(it->last_try, sizeof it->last_try, "%s", t[7] ? t[7] : "");
            snprintf(it->error, sizeof it->error, "%s", t[8] ? t[8] : "");
            it->tries = rp_q_int(q, 9);
        }
        rp_q_finalize(q);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (rc == SQLITE_OK) {
        state_get(st, "last_attempt", out->last_attempt, sizeof out->last_attempt);
        state_get(st, "last_success", out->last_success, sizeof out->last_success);
        state_get(st, "last_error", out->last_error, sizeof out->last_error);
        state_get(st, "last_lrs", out->last_lrs, sizeof out->last_lrs);
    }
    exec(st, "COMMIT");
    if (rc != SQLITE_OK) {
        rp_store_error(st, rc, "read the outbox", err, errsize);
        rp_sync_summary_free(out);
        return -1;
    }
    return 0;
}

void rp_sync_summary_free(rp_sync_summary *s)
{
    free(s->held);
    s->held = NULL;
    s->n_held = 0;
}
