/*
 * test_store.c - the record store (DESIGN section 7) and the reports built
 * on it: schema and migrations, one transaction per decision, finish and
 * abandon, tamper evidence (edits, inserts and deletes made with plain
 * SQLite), forget, file modes, and clear errors for damaged, foreign and
 * read-only files.
 */
#include "test.h"
#include "helpers.h"
#include "report.h"
#include "store.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const SRC =
    "scenario { id = \"t-store\", title = \"Store test\", audience = \"internal\", pass_mark = 60,\n"
    "  customer = { name = \"Kai\", mood = -1 } }\n"
    "node \"a\" { say = \"Hi\", time_limit = 10, on_timeout = \"b\",\n"
    "  { \"Good one\", quality = \"best\", empathy = 2, resolution = 1, mood = 1, go = \"b\", feedback = \"nice\" },\n"
    "  { \"Bad one\", quality = \"poor\", empathy = -1, go = \"b\", feedback = \"meh\" } }\n"
    "node \"b\" { say = \"So?\",\n"
    "  { \"Fix it\", quality = \"best\", resolution = 2, go = \"c\", feedback = \"yes\" },\n"
    "  { \"Shrug\", quality = \"harmful\", resolution = -2, mood = -2, go = \"lost\", feedback = \"no\" } }\n"
    "node \"c\" { say = \"Thanks\",\n"
    "  { \"Bye, {customer}\", quality = \"good\", empathy = 1, go = \"done\", feedback = \"ok\" },\n"
    "  { \"Whatever\", quality = \"poor\", go = \"done\", feedback = \"cold\" } }\n"
    "ending \"done\" { outcome = \"resolved\" }\n"
    "ending \"lost\" { outcome = \"lost\", pass = false }\n";

/* A fresh folder for one test, removed by done(). */
typedef struct {
    char dir[64];
    char db[128];
    rp_scenario *sc;
    rp_diags d;
} fixture;

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/rapport-unit-XXXXXX");
    if (mkdtemp(f->dir) == NULL)
        abort();
    snprintf(f->db, sizeof f->db, "%s/data/records.db", f->dir);
    f->sc = load_str(SRC, &f->d);
    if (f->sc == NULL) {
        for (int i = 0; i < f->d.n; i++)
            fprintf(stderr, "  %s\n", f->d.items[i].message);
        abort();
    }
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)flag; (void)ftw;
    return remove(path);
}

static void done(fixture *f)
{
    nftw(f->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    rp_scenario_free(f->sc);
    rp_diags_free(&f->d);
}

/* Plays choices ("1,2,t") recording each decision as it is made; finishes or abandons when end. */
static long long record(rp_store *st, rp_scenario *sc, const char *trainee, const char *cohort,
                        const char *choices, bool end)
{
    char err[1024];
    rp_session *s = rp_session_new(sc, trainee);
    rp_session_start(s);
    long long id = rp_store_begin(st, s, cohort, err, sizeof err);
    if (id == 0) {
        fprintf(stderr, "  begin: %s\n", err);
        rp_session_free(s);
        return 0;
    }
    int written = 0;
    for (const char *p = choices; *p && rp_session_status(s) == RP_AT_DECISION; p++) {
        if (*p == ',')
            continue;
        if (*p == 't')
            rp_session_timeout(s);
        else
            rp_session_choose(s, *p - '0', 1500);
        if (rp_store_sync(st, id, s, &written, err, sizeof err) != 0)
            fprintf(stderr, "  sync: %s\n", err);
    }
    if (end && rp_store_end(st, id, s, err, sizeof err) != 0)
        fprintf(stderr, "  end: %s\n", err);
    rp_session_free(s);
    return id;
}

/* Runs SQL on the file with plain SQLite, as someone editing it by hand would. */
static int raw_exec(const char *db, const char *sql)
{
    sqlite3 *h;
    if (sqlite3_open(db, &h) != SQLITE_OK)
        return -1;
    sqlite3_busy_timeout(h, 2000);
    int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
    sqlite3_close(h);
    return rc;
}

/* The first column of the first row, as an integer (-1 when none). */
static long long raw_int(const char *db, const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *q;
    long long v = -1;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW)
            v = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    sqlite3_close(h);
    return v;
}

static bool problem_names(const rp_verify_result *v, long long session, const char *needle)
{
    for (int i = 0; i < v->n_problems; i++)
        if (v->problems[i].session == session && strstr(v->problems[i].what, needle))
            return true;
    return false;
}

static void dump_problems(const rp_verify_result *v)
{
    for (int i = 0; i < v->n_problems; i++)
        fprintf(stderr, "    problem: session %lld: %s\n", v->problems[i].session, v->problems[i].what);
}

/* Opens, records three finished sessions (ids 1..3) and closes. */
static void three_sessions(fixture *f)
{
    char err[1024];
    rp_store *st = rp_store_open(f->db, err, sizeof err);
    if (st == NULL) {
        fprintf(stderr, "  %s\n", err);
        abort();
    }
    record(st, f->sc, "sam", "q4", "1,1,1", true);
    record(st, f->sc, "ana", "q4", "2,1,2", true);
    record(st, f->sc, "kim", NULL, "1,2", true);
    rp_store_close(st);
}

static int verify_file(const char *db, rp_verify_result *v)
{
    char err[1024];
    rp_store *st = rp_store_open_readonly(db, err, sizeof err);
    if (st == NULL) {
        fprintf(stderr, "  %s\n", err);
        return -1;
    }
    int rc = rp_store_verify(st, v, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "  %s\n", err);
    rp_store_close(st);
    return rc;
}

/* ---- schema and files ---------------------------------------------------------- */

TEST(store_creates_versioned_wal_schema_owner_only)
{
    fixture f;
    setup(&f);
    char err[1024], key[160], dir[96];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    CHECK(raw_int(f.db, "PRAGMA user_version") == 2);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                        "('sessions', 'decisions', 'ledger', 'forgotten')") == 4);
    sqlite3 *h;
    sqlite3_stmt *q;
    REQUIRE(sqlite3_open(f.db, &h) == SQLITE_OK);
    REQUIRE(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &q, NULL) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(q, 0), "wal");
    sqlite3_finalize(q);
    sqlite3_close(h);
    record(st, f.sc, "sam", NULL, "1", false);      /* makes the -wal and -shm files */
    struct stat sb;
    snprintf(key, sizeof key, "%s.key", f.db);
    snprintf(dir, sizeof dir, "%s/data", f.dir);
    REQUIRE(stat(f.db, &sb) == 0);
    CHECK((sb.st_mode & 0777) == 0600);
    REQUIRE(stat(key, &sb) == 0);
    CHECK((sb.st_mode & 0777) == 0600);
    CHECK(sb.st_size == 65);                        /* 64 hex digits and a newline */
    REQUIRE(stat(dir, &sb) == 0);
    CHECK((sb.st_mode & 0777) == 0700);
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", f.db);
    if (stat(wal, &sb) == 0)
        CHECK((sb.st_mode & 0077) == 0);
    rp_store_close(st);
    /* reopening is a no-op migration */
    st = rp_store_open(f.db, err, sizeof err);
    CHECK(st != NULL);
    rp_store_close(st);
    CHECK(raw_int(f.db, "PRAGMA user_version") == 2);
    done(&f);
}

TEST(store_default_path_follows_flag_env_and_xdg)
{
    char *old_db = getenv("RAPPORT_DB") ? strdup(getenv("RAPPORT_DB")) : NULL;
    char *old_xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
    unsetenv("RAPPORT_DB");
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    CHECK_STR(rp_store_default_path(NULL), "/srv/data/rapport/records.db");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", getenv("HOME") ? getenv("HOME") : "/root", 1);
    CHECK_CONTAINS(rp_store_default_path(NULL), "/.local/share/rapport/records.db");
    setenv("RAPPORT_DB", "/tmp/env.db", 1);
    CHECK_STR(rp_store_default_path(NULL), "/tmp/env.db");
    CHECK_STR(rp_store_default_path("/tmp/flag.db"), "/tmp/flag.db");
    if (old_db) setenv("RAPPORT_DB", old_db, 1); else unsetenv("RAPPORT_DB");
    if (old_xdg) setenv("XDG_DATA_HOME", old_xdg, 1); else unsetenv("XDG_DATA_HOME");
    free(old_db);
    free(old_xdg);
}

/* ---- recording ------------------------------------------------------------------- */

TEST(store_writes_each_decision_in_its_own_transaction)
{
    fixture f;
    setup(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    rp_session *s = rp_session_new(f.sc, "sam");
    rp_session_start(s);
    long long id = rp_store_begin(st, s, "q4", err, sizeof err);
    REQUIRE(id > 0);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sessions WHERE status = 'in_progress'") == 1);
    const int picks[] = { 2, 1, 1 };
    for (int i = 0; i < 3; i++) {
        rp_session_choose(s, picks[i], 800 + i);
        CHECK(rp_store_decision(st, id, s, i, err, sizeof err) == 0);
        /* a second connection sees it at once: it was committed on its own */
        CHECK(raw_int(f.db, "SELECT count(*) FROM decisions") == i + 1);
        CHECK(raw_int(f.db, "SELECT count(*) FROM sessions WHERE status = 'complete'") == 0);
    }
    CHECK(raw_int(f.db, "SELECT response_ms FROM decisions WHERE idx = 2") == 802);
    CHECK(raw_int(f.db, "SELECT choice FROM decisions WHERE idx = 0") == 2);
    CHECK(raw_int(f.db, "SELECT option_index FROM decisions WHERE idx = 0") == 1);
    /* writing the same decision again (a replay after a reload) changes nothing */
    CHECK(rp_store_decision(st, id, s, 1, err, sizeof err) == 0);
    CHECK(raw_int(f.db, "SELECT count(*) FROM decisions") == 3);
    CHECK(rp_store_decision(st, id, s, 7, err, sizeof err) != 0);
    rp_session_free(s);
    rp_store_close(st);
    done(&f);
}

TEST(store_finish_marks_complete_with_the_scorecard)
{
    fixture f;
    setup(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    long long id = record(st, f.sc, "sam", "q4", "2,1,1", true);
    REQUIRE(id > 0);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sessions WHERE status = 'complete' AND seal IS NOT NULL") == 1);
    rp_record r;
    REQUIRE(rp_report_load(st, id, &r, err, sizeof err) == 0);
    rp_session *s = play(f.sc, "2,1,1");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK(r.status == RP_REC_COMPLETE);
    CHECK_STR(r.ending, "done");
    CHECK_STR(r.outcome, "resolved");
    CHECK_STR(r.cohort, "q4");
    CHECK_STR(r.content_hash, f.sc->hash);
    CHECK_NEAR(r.score[RP_SCORE_OVERALL], rp_round1(sco.overall), 1e-9);
    CHECK_NEAR(r.score[RP_SCORE_EMPATHY], rp_round1(sco.dim[RP_DIM_EMPATHY]), 1e-9);
    CHECK(r.passed == sco.passed);
    CHECK(r.n_decisions == 3);
    CHECK_STR(r.decisions[2].text, "Bye, Kai");     /* as the trainee saw it */
    CHECK(r.decisions[0].n_options == 2);
    CHECK_STR(r.decisions[0].best, "Good one");
    CHECK(r.sealed);
    CHECK(r.ended[0] != '\0');
    /* nothing more can be written into a finished session */
    CHECK(rp_store_abandon(st, id, err, sizeof err) != 0);
    CHECK_CONTAINS(err, "already complete");
    rp_record_free(&r);
    rp_session_free(s);
    rp_store_close(st);
    done(&f);
}

TEST(store_finish_writes_decisions_the_front_end_missed)
{
    fixture f;
    setup(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    rp_session *s = play(f.sc, "1,1,1");
    long long id = rp_store_begin(st, s, NULL, err, sizeof err);
    REQUIRE(id > 0);
    CHECK(rp_store_finish(st, id, s, err, sizeof err) == 0);
    CHECK(raw_int(f.db, "SELECT count(*) FROM decisions") == 3);
    rp_session_free(s);
    rp_store_close(st);
    rp_verify_result v;
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(v.n_problems == 0);
    rp_verify_result_free(&v);
    done(&f);
}

TEST(store_abandon_keeps_the_decisions_and_seals)
{
    fixture f;
    setup(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    long long id = record(st, f.sc, "ana", NULL, "t", true);    /* a time-out, then left */
    REQUIRE(id > 0);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sessions WHERE status = 'abandoned' AND passed = 0 "
                        "AND seal IS NOT NULL AND overall IS NULL") == 1);
    CHECK(raw_int(f.db, "SELECT timed_out FROM decisions") == 1);
    rp_record r;
    REQUIRE(rp_report_load(st, id, &r, err, sizeof err) == 0);
    CHECK(r.status == RP_REC_ABANDONED);
    CHECK(!r.interrupted);
    CHECK(r.n_decisions == 1 && r.decisions[0].timed_out && r.decisions[0].option == -1);
    rp_record_free(&r);
    rp_store_close(st);
    rp_verify_result v;
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(v.n_problems == 0 && v.sealed == 1);
    rp_verify_result_free(&v);
    done(&f);
}

TEST(store_two_connections_record_interleaved)
{
    fixture f;
    setup(&f);
    char err[1024];
    rp_store *a = rp_store_open(f.db, err, sizeof err);
    rp_store *b = rp_store_open(f.db, err, sizeof err);
    REQUIRE(a != NULL && b != NULL);
    rp_session *sa = rp_session_new(f.sc, "a"), *sb = rp_session_new(f.sc, "b");
    rp_session_start(sa);
    rp_session_start(sb);
    long long ia = rp_store_begin(a, sa, NULL, err, sizeof err);
    long long ib = rp_store_begin(b, sb, NULL, err, sizeof err);
    int wa = 0, wb = 0;
    for (int i = 0; i < 3; i++) {
        rp_session_choose(sa, 1, -1);
        rp_session_choose(sb, 2, -1);
        CHECK(rp_store_sync(a, ia, sa, &wa, err, sizeof err) == 0);
        CHECK(rp_store_sync(b, ib, sb, &wb, err, sizeof err) == 0);
    }
    CHECK(rp_store_end(b, ib, sb, err, sizeof err) == 0);
    CHECK(rp_store_end(a, ia, sa, err, sizeof err) == 0);
    rp_session_free(sa);
    rp_session_free(sb);
    rp_store_close(a);
    rp_store_close(b);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sessions WHERE seal IS NOT NULL") == 2);
    rp_verify_result v;
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(v.n_problems == 0);
    dump_problems(&v);
    rp_verify_result_free(&v);
    done(&f);
}

/* ---- tamper evidence -------------------------------------------------------------------- */

TEST(store_verify_passes_untouched_records_and_calls_open_ones_unfinished)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    record(st, f.sc, "lee", NULL, "1", false);           /* still in progress */
    rp_verify_result v;
    REQUIRE(rp_store_verify(st, &v, err, sizeof err) == 0);
    CHECK(v.n_problems == 0);
    dump_problems(&v);
    CHECK(v.sessions == 4 && v.sealed == 3 && v.unfinished == 1);
    rp_verify_result_free(&v);
    rp_store_close(st);
    done(&f);
}

TEST(store_verify_detects_an_update)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    REQUIRE(raw_exec(f.db, "UPDATE sessions SET overall = 100, passed = 1 WHERE id = 2") == SQLITE_OK);
    rp_verify_result v;
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(v.n_problems == 1);
    CHECK(problem_names(&v, 2, "edited outside Rapport"));
    rp_verify_result_free(&v);
    /* a decision's text, and a trainee's name */
    REQUIRE(raw_exec(f.db, "UPDATE decisions SET quality = 'best' WHERE session_id = 3 AND idx = 1") == SQLITE_OK);
    REQUIRE(raw_exec(f.db, "UPDATE sessions SET trainee = 'someone' WHERE id = 1") == SQLITE_OK);
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(problem_names(&v, 3, "decision 2 was edited"));
    CHECK(problem_names(&v, 1, "trainee"));
    rp_verify_result_free(&v);
    done(&f);
}

TEST(store_verify_detects_an_insert)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    REQUIRE(raw_exec(f.db,
        "INSERT INTO sessions (uuid, trainee, scenario_id, title, audience, content_hash, started, status, "
        "overall, passed, pass_mark, mood_start, recorder) VALUES ('fake', 'eve', 't-store', 'Store test', "
        "'internal', 'x', '2025-01-01T00:00:00.000Z', 'complete', 100, 1, 60, 0, 'x')") == SQLITE_OK);
    REQUIRE(raw_exec(f.db,
        "INSERT INTO decisions (session_id, idx, node, choice, text, quality, empathy, resolution, mood, "
        "timed_out, recorded) VALUES (2, 3, 'c', 1, 'extra', 'best', 1, 1, 0, 0, 'now')") == SQLITE_OK);
    rp_verify_result v;
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(problem_names(&v, 4, "inserted outside Rapport"));
    CHECK(problem_names(&v, 2, "decision 4 was inserted"));
    rp_verify_result_free(&v);
    done(&f);
}

TEST(store_verify_detects_a_delete)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    /* plain sqlite3 does not cascade: delete like a careless hand would */
    REQUIRE(raw_exec(f.db, "DELETE FROM sessions WHERE id = 2") == SQLITE_OK);
    rp_verify_result v;
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(problem_names(&v, 2, "deleted outside Rapport"));
    CHECK(v.n_problems == 1);
    rp_verify_result_free(&v);
    /* the newest one, and a single decision */
    REQUIRE(raw_exec(f.db, "DELETE FROM decisions WHERE session_id = 3; DELETE FROM sessions WHERE id = 3;"
                           "DELETE FROM decisions WHERE session_id = 1 AND idx = 1") == SQLITE_OK);
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(problem_names(&v, 3, "deleted outside Rapport"));
    CHECK(problem_names(&v, 1, "decision 2 is missing"));
    rp_verify_result_free(&v);
    done(&f);
}

TEST(store_verify_detects_a_replaced_key)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    char key[160], err[1024];
    snprintf(key, sizeof key, "%s.key", f.db);
    FILE *k = fopen(key, "w");
    REQUIRE(k != NULL);
    fputs("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", k);
    fclose(k);
    rp_verify_result v;
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(problem_names(&v, 0, "does not match"));
    rp_verify_result_free(&v);
    rp_store *st = rp_store_open(f.db, err, sizeof err);     /* and nothing is sealed with it */
    CHECK(st == NULL);
    CHECK_CONTAINS(err, "does not belong");
    rp_store_close(st);
    unlink(key);
    st = rp_store_open(f.db, err, sizeof err);
    CHECK(st == NULL);
    CHECK_CONTAINS(err, "is missing");
    rp_store_close(st);
    done(&f);
}

TEST(store_forget_removes_a_trainee_and_reseals)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    record(st, f.sc, "ana", "q4", "1,1,1", true);          /* ana has sessions 2 and 4 */
    int removed = -1;
    CHECK(rp_store_forget(st, "ana", false, &removed, err, sizeof err) == 0);
    CHECK(removed == 2);
    CHECK(rp_store_forget(st, "nobody", false, &removed, err, sizeof err) == 0 && removed == 0);
    rp_verify_result v;
    REQUIRE(rp_store_verify(st, &v, err, sizeof err) == 0);
    CHECK(v.n_problems == 0);
    dump_problems(&v);
    CHECK(v.sessions == 2 && v.forgotten == 2);
    rp_verify_result_free(&v);
    record(st, f.sc, "zed", NULL, "1,1,1", true);          /* the chain goes on */
    rp_store_close(st);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sessions WHERE trainee = 'ana'") == 0);
    CHECK(raw_int(f.db, "SELECT count(*) FROM decisions WHERE session_id IN (2, 4)") == 0);
    REQUIRE(verify_file(f.db, &v) == 0);
    CHECK(v.n_problems == 0);
    rp_verify_result_free(&v);
    /* a tampered store is not resealed without --force */
    REQUIRE(raw_exec(f.db, "UPDATE sessions SET overall = 1 WHERE id = 1") == SQLITE_OK);
    st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    CHECK(rp_store_forget(st, "kim", false, &removed, err, sizeof err) != 0);
    CHECK_CONTAINS(err, "do not verify");
    CHECK(rp_store_forget(st, "kim", true, &removed, err, sizeof err) == 0 && removed == 1);
    rp_store_close(st);
    done(&f);
}

/* ---- files that are not right ------------------------------------------------------------------ */

TEST(store_refuses_a_corrupt_file_without_touching_it)
{
    fixture f;
    setup(&f);
    char dir[96], err[1024];
    snprintf(dir, sizeof dir, "%s/data", f.dir);
    mkdir(dir, 0700);
    unsigned char junk[8192];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 7919u + 13u);
    FILE *out = fopen(f.db, "wb");
    REQUIRE(out != NULL);
    fwrite(junk, 1, sizeof junk, out);
    fclose(out);
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    CHECK(st == NULL);
    CHECK_CONTAINS(err, "not a Rapport records file");
    CHECK_CONTAINS(err, "Restore it from a backup");
    st = rp_store_open_readonly(f.db, err, sizeof err);
    CHECK(st == NULL);
    CHECK_CONTAINS(err, "not a Rapport records file");
    size_t len;
    char rerr[128];
    char *back = rp_read_file(f.db, 1u << 24, &len, rerr, sizeof rerr);
    CHECK(back && len == sizeof junk && memcmp(back, junk, len) == 0);
    free(back);
    /* a database of some other program is not taken over either */
    unlink(f.db);
    REQUIRE(raw_exec(f.db, "CREATE TABLE accounts (id INTEGER)") == SQLITE_OK);
    st = rp_store_open(f.db, err, sizeof err);
    CHECK(st == NULL);
    CHECK_CONTAINS(err, "not a Rapport records file");
    CHECK(raw_int(f.db, "SELECT count(*) FROM sqlite_schema") == 1);
    /* nor one from a newer Rapport */
    unlink(f.db);
    three_sessions(&f);
    REQUIRE(raw_exec(f.db, "PRAGMA user_version = 99") == SQLITE_OK);
    st = rp_store_open(f.db, err, sizeof err);
    CHECK(st == NULL);
    CHECK_CONTAINS(err, "newer Rapport");
    done(&f);
}

TEST(store_read_only_file_gives_a_clear_error)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    char dir[96];
    snprintf(dir, sizeof dir, "%s/data", f.dir);
    /* readable by everyone, writable by nobody but its owner (root, when tests run as root) */
    chmod(f.dir, 0755);
    chmod(dir, 0755);
    chmod(f.db, 0644);
    char key[160];
    snprintf(key, sizeof key, "%s.key", f.db);
    chmod(key, 0644);
    raw_exec(f.db, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (getuid() != 0) {
        chmod(f.db, 0444);
        chmod(dir, 0555);
    }
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(100);
        char err[1024], msg[2200];
        rp_store *st = rp_store_open(f.db, err, sizeof err);
        int bits = st == NULL ? 1 : 0;
        rp_store_close(st);
        /* reading still works */
        char rerr[1024] = "";
        rp_store *ro = rp_store_open_readonly(f.db, rerr, sizeof rerr);
        rp_record_list l = { 0 };
        if (ro && rp_report_list(ro, NULL, false, &l, rerr, sizeof rerr) == 0 && l.n == 3)
            bits |= 2;
        rp_record_list_free(&l);
        rp_store_close(ro);
        snprintf(msg, sizeof msg, "%s|%s", err, rerr);
        if (write(fds[1], msg, strlen(msg)) < 0)
            bits |= 64;
        _exit(bits);
    }
    close(fds[1]);
    char msg[2200] = "";
    ssize_t n = read(fds[0], msg, sizeof msg - 1);
    msg[n > 0 ? n : 0] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) != 100);
    CHECK(WEXITSTATUS(status) & 1);
    CHECK_CONTAINS(msg, "read-only for this user");
    CHECK_CONTAINS(msg, "--db PATH");
    CHECK(WEXITSTATUS(status) & 2);
    if (!(WEXITSTATUS(status) & 2))
        fprintf(stderr, "  child said: %s\n", msg);
    chmod(dir, 0700);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sessions") == 3);
    done(&f);
}

TEST(store_readonly_open_never_creates_a_file)
{
    fixture f;
    setup(&f);
    char err[1024];
    rp_store *st = rp_store_open_readonly(f.db, err, sizeof err);
    CHECK(st == NULL);
    CHECK_CONTAINS(err, "no records at");
    CHECK(access(f.db, F_OK) != 0);
    done(&f);
}

/* ---- reports --------------------------------------------------------------------------------- */

TEST(report_shows_an_interrupted_session_as_abandoned_without_rewriting_it)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    pid_t pid = fork();                     /* a recorder that dies mid-session */
    REQUIRE(pid >= 0);
    if (pid == 0) {
        char err[1024];
        rp_store *st = rp_store_open(f.db, err, sizeof err);
        if (st)
            record(st, f.sc, "crash", NULL, "1", false);
        _exit(0);                           /* no close, no abandon */
    }
    int status;
    waitpid(pid, &status, 0);
    char err[1024];
    rp_store *st = rp_store_open_readonly(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    rp_filter flt = { .trainee = "crash" };
    rp_record_list l;
    REQUIRE(rp_report_list(st, &flt, false, &l, err, sizeof err) == 0);
    REQUIRE(l.n == 1);
    CHECK(l.items[0].status == RP_REC_ABANDONED);
    CHECK(l.items[0].interrupted);
    CHECK(l.items[0].n_decisions == 1);
    rp_record_list_free(&l);
    rp_store_close(st);
    CHECK(raw_int(f.db, "SELECT count(*) FROM sessions WHERE trainee = 'crash' AND status = 'in_progress'") == 1);
    done(&f);
}

TEST(report_filters_and_summary_name_the_weakest_skill)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    record(st, f.sc, "ana", "q1", "1,1,1", true);         /* ana improves */
    rp_record_list l;
    rp_filter by_cohort = { .cohort = "q4" };
    REQUIRE(rp_report_list(st, &by_cohort, false, &l, err, sizeof err) == 0);
    CHECK(l.n == 2);
    rp_record_list_free(&l);
    rp_filter future = { .since = "2999-01-01" };
    REQUIRE(rp_report_list(st, &future, false, &l, err, sizeof err) == 0);
    CHECK(l.n == 0);
    rp_record_list_free(&l);
    rp_filter today = { .until = "2999-12-31", .since = "2000-01-01T00:00Z" };
    REQUIRE(rp_report_list(st, &today, false, &l, err, sizeof err) == 0);
    CHECK(l.n == 4);
    rp_record_list_free(&l);
    rp_filter bad = { .since = "last week" };
    CHECK(rp_report_list(st, &bad, false, &l, err, sizeof err) != 0);
    CHECK_CONTAINS(err, "YYYY-MM-DD");
    rp_filter swapped = { .since = "2025-02-01", .until = "2025-01-01" };
    CHECK(rp_filter_check(&swapped, err, sizeof err) != 0);

    REQUIRE(rp_report_list(st, NULL, false, &l, err, sizeof err) == 0);
    rp_cohort_summary sum;
    rp_report_summarise(&l, &sum);
    CHECK(sum.sessions == 4 && sum.complete == 4 && sum.n_trainees == 3);
    const rp_trainee_summary *ana = NULL, *kim = NULL;
    for (int i = 0; i < sum.n_trainees; i++) {
        if (strcmp(sum.trainees[i].trainee, "ana") == 0) ana = &sum.trainees[i];
        if (strcmp(sum.trainees[i].trainee, "kim") == 0) kim = &sum.trainees[i];
    }
    REQUIRE(ana && kim);
    CHECK(ana->n_trend == 2 && ana->trend[1] > ana->trend[0]);
    CHECK(!ana->needs_coaching);                  /* judged on the latest attempt: perfect */
    CHECK_STR(ana->cohort, "q1");
    /* kim: best first answer, then shrugged: empathy full, resolution poor */
    CHECK(kim->needs_coaching);
    CHECK(kim->weakest == RP_SCORE_RESOLUTION || kim->weakest == RP_SCORE_CHOICES);
    CHECK(kim->mean[kim->weakest] < 60);
    rp_cohort_summary_free(&sum);
    rp_record_list_free(&l);
    rp_store_close(st);
    done(&f);
}

TEST(report_csv_quotes_and_defuses_formulas)
{
    fixture f;
    setup(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    record(st, f.sc, "O'Brien, \"Pat\"", "=HYPERLINK(\"x\")", "1,1,1", true);
    rp_record_list l;
    REQUIRE(rp_report_list(st, NULL, true, &l, err, sizeof err) == 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    rp_report_write_csv(&l, false, m);
    fclose(m);
    CHECK_CONTAINS(buf, ",\"O'Brien, \"\"Pat\"\"\",\"'=HYPERLINK(\"\"x\"\")\",t-store,");
    free(buf);
    m = open_memstream(&buf, &len);
    rp_report_write_csv(&l, true, m);
    fclose(m);
    int lines = 0;
    for (char *p = buf; *p; p++)
        lines += *p == '\n';
    CHECK(lines == 4);                           /* header and three decisions */
    CHECK_CONTAINS(buf, "\"Bye, Kai\"");
    free(buf);
    rp_record_list_free(&l);
    rp_store_close(st);
    done(&f);
}

TEST(report_html_escapes_everything_from_the_records)
{
    fixture f;
    setup(&f);
    char err[1024], path[160];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    record(st, f.sc, "<script>alert(1)</script>", "a&b", "1,1,1", true);
    snprintf(path, sizeof path, "%s/report.html", f.dir);
    REQUIRE(rp_report_write_html(st, NULL, path, err, sizeof err) == 0);
    size_t len;
    char rerr[128];
    char *html = rp_read_file(path, 1u << 24, &len, rerr, sizeof rerr);
    REQUIRE(html != NULL);
    CHECK(strstr(html, "<script") == NULL);
    CHECK_CONTAINS(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK_CONTAINS(html, "a&amp;b");
    CHECK_CONTAINS(html, "<svg");
    CHECK(strstr(html, "http://") == NULL || strstr(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    struct stat sb;
    REQUIRE(stat(path, &sb) == 0);
    CHECK((sb.st_mode & 0777) == 0600);
    free(html);
    CHECK(rp_report_write_html(st, NULL, "/nonexistent-dir/r.html", err, sizeof err) != 0);
    CHECK_CONTAINS(err, "cannot write");
    rp_store_close(st);
    done(&f);
}

TEST(report_xapi_ids_are_stable_and_names_can_be_hidden)
{
    fixture f;
    setup(&f);
    three_sessions(&f);
    char err[1024];
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    record(st, f.sc, "lee", NULL, "1", true);             /* abandoned: launched + answered only */
    rp_record_list l;
    REQUIRE(rp_report_list(st, NULL, true, &l, err, sizeof err) == 0);
    rp_xapi_options o = { 0 };
    cJSON *a = rp_report_xapi(st, &l, &o, err, sizeof err);
    cJSON *b = rp_report_xapi(st, &l, &o, err, sizeof err);
    REQUIRE(a && b);
    /* 3 complete sessions: launched + answers + completed + passed/failed; lee: launched + 1 answer */
    CHECK(cJSON_GetArraySize(a) == (1 + 3 + 2) + (1 + 3 + 2) + (1 + 2 + 2) + (1 + 1));
    bool same = true;
    for (int i = 0; i < cJSON_GetArraySize(a); i++) {
        const char *ia = cJSON_GetObjectItem(cJSON_GetArrayItem(a, i), "id")->valuestring;
        const char *ib = cJSON_GetObjectItem(cJSON_GetArrayItem(b, i), "id")->valuestring;
        same = same && strcmp(ia, ib) == 0 && strlen(ia) == 36 && ia[14] == '8';
        for (int j = 0; j < i; j++)
            same = same && strcmp(ia, cJSON_GetObjectItem(cJSON_GetArrayItem(a, j), "id")->valuestring) != 0;
    }
    CHECK(same);
    char *text = cJSON_PrintUnformatted(a);
    CHECK_CONTAINS(text, "\"name\":\"sam\"");
    CHECK_CONTAINS(text, "http://adlnet.gov/expapi/verbs/answered");
    CHECK_CONTAINS(text, "\"scaled\":1");
    CHECK_CONTAINS(text, "\"duration\":\"PT1.5S\"");
    free(text);
    o.pseudonymous = true;
    o.base = "https://lms.example.org/rapport/";
    cJSON *p = rp_report_xapi(st, &l, &o, err, sizeof err);
    REQUIRE(p != NULL);
    text = cJSON_PrintUnformatted(p);
    CHECK(strstr(text, "\"sam\"") == NULL);
    CHECK_CONTAINS(text, "https://lms.example.org/rapport/scenarios/t-store");
    free(text);
    o.base = "not an iri";
    CHECK(rp_report_xapi(st, &l, &o, err, sizeof err) == NULL);
    cJSON_Delete(a);
    cJSON_Delete(b);
    cJSON_Delete(p);
    rp_record_list_free(&l);
    rp_store_close(st);
    done(&f);
}
