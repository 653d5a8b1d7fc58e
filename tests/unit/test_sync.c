/*
 * test_sync.c - the outbox of xAPI statements and the LRS settings (sync.h):
 * each statement queued with the record it describes, under the id
 * `report --xapi` gives it; the settings file refused when others may read
 * it; the environment over the file; a flush with nowhere to send.
 * (Delivery to a real LRS is tests/suites/lrs.sh.)
 */
#include "test.h"
#include "helpers.h"
#include "report.h"
#include "store.h"
#include "sync.h"

#include <ftw.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const SRC =
    "scenario { id = \"t-sync\", title = \"Sync test\", pass_mark = 60,\n"
    "  customer = { name = \"Kai\", mood = -1 } }\n"
    "node \"a\" { say = \"Hi\",\n"
    "  { \"Good\", quality = \"best\", empathy = 2, resolution = 1, go = \"b\" },\n"
    "  { \"Bad\", quality = \"harmful\", empathy = -2, resolution = -2, go = \"lost\" } }\n"
    "node \"b\" { say = \"So?\",\n"
    "  { \"Fix it\", quality = \"best\", resolution = 2, go = \"done\" },\n"
    "  { \"Shrug\", quality = \"poor\", go = \"done\" } }\n"
    "ending \"done\" { outcome = \"resolved\" }\n"
    "ending \"lost\" { outcome = \"lost\", pass = false }\n";

typedef struct {
    char dir[64], db[128];
    rp_scenario *sc;
    rp_diags d;
} fixture;

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/rapport-sync-XXXXXX");
    if (mkdtemp(f->dir) == NULL)
        abort();
    snprintf(f->db, sizeof f->db, "%s/records.db", f->dir);
    f->sc = load_str(SRC, &f->d);
    if (f->sc == NULL)
        abort();
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

/* Records one session (choices as "1,2"); end: finish or abandon it. Returns its id. */
static long long record(rp_store *st, rp_scenario *sc, const char *choices, bool end)
{
    char err[1024];
    rp_session *s = rp_session_new(sc, "sam");
    rp_session_start(s);
    long long id = rp_store_begin(st, s, "q4", err, sizeof err);
    int written = 0;
    for (const char *p = choices; id && *p && rp_session_status(s) == RP_AT_DECISION; p++)
        if (*p != ',') {
            rp_session_choose(s, *p - '0', -1);
            rp_store_sync(st, id, s, &written, err, sizeof err);
        }
    if (id && end)
        rp_store_end(st, id, s, err, sizeof err);
    rp_session_free(s);
    return id;
}

/* The outbox rows of a session as "kind:idx kind:idx ...", and whether their ids are the xAPI ones. */
static void outbox_of(const char *db, long long id, char *out, size_t size, bool *ids_ok)
{
    sqlite3 *h;
    sqlite3_stmt *q;
    out[0] = '\0';
    *ids_ok = true;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return;
    char uuid[40] = "";
    if (sqlite3_prepare_v2(h, "SELECT uuid FROM sessions WHERE id = ?1", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, id);
        if (sqlite3_step(q) == SQLITE_ROW)
            snprintf(uuid, sizeof uuid, "%s", (const char *)sqlite3_column_text(q, 0));
        sqlite3_finalize(q);
    }
    if (sqlite3_prepare_v2(h, "SELECT kind, idx, statement_id FROM outbox WHERE session_id = ?1 ORDER BY seq", -1,
                           &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, id);
        while (sqlite3_step(q) == SQLITE_ROW) {
            const char *kind = (const char *)sqlite3_column_text(q, 0);
            int idx = sqlite3_column_int(q, 1);
            char want[37];
            rp_xapi_statement_id(uuid, kind, idx, want);
            if (strcmp(want, (const char *)sqlite3_column_text(q, 2)) != 0)
                *ids_ok = false;
            size_t n = strlen(out);
            snprintf(out + n, size - n, "%s%s:%d", n ? " " : "", kind, idx);
        }
        sqlite3_finalize(q);
    }
    sqlite3_close(h);
}

TEST(sync_outbox_queues_each_statement_with_its_record)
{
    fixture f;
    setup(&f);
    char err[1024], got[512];
    bool ids_ok;
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    long long passed = record(st, f.sc, "1,1", true);
    long long failed = record(st, f.sc, "2", true);
    long long left = record(st, f.sc, "1", true);           /* abandoned after one decision */
    long long open = record(st, f.sc, "1", false);          /* still being played */
    outbox_of(f.db, passed, got, sizeof got, &ids_ok);
    CHECK_STR(got, "launched:0 answered:0 answered:1 completed:0 passed:0");
    CHECK(ids_ok);
    outbox_of(f.db, failed, got, sizeof got, &ids_ok);
    CHECK_STR(got, "launched:0 answered:0 completed:0 failed:0");
    outbox_of(f.db, left, got, sizeof got, &ids_ok);
    CHECK_STR(got, "launched:0 answered:0");
    outbox_of(f.db, open, got, sizeof got, &ids_ok);
    CHECK_STR(got, "launched:0 answered:0");
    /* the same set as report --xapi */
    rp_record_list l;
    REQUIRE(rp_report_list(st, NULL, true, &l, err, sizeof err) == 0);
    cJSON *all = rp_report_xapi(st, &l, NULL, err, sizeof err);
    REQUIRE(all != NULL);
    CHECK(cJSON_GetArraySize(all) == 5 + 4 + 2 + 2);
    rp_sync_summary sum;
    REQUIRE(rp_sync_status(f.db, &sum, err, sizeof err) == 0);
    CHECK(sum.pending == cJSON_GetArraySize(all));
    CHECK(sum.rejected == 0 && sum.conflict == 0 && sum.last_attempt[0] == '\0');
    rp_sync_summary_free(&sum);
    cJSON_Delete(all);
    rp_record_list_free(&l);
    /* forget takes the trainee's queued statements too */
    int removed;
    REQUIRE(rp_store_forget(st, "sam", true, &removed, err, sizeof err) == 0);
    REQUIRE(rp_sync_status(f.db, &sum, err, sizeof err) == 0);
    CHECK(sum.pending == 0);
    rp_sync_summary_free(&sum);
    rp_store_close(st);
    done(&f);
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs(text, fp);
        fclose(fp);
    }
    chmod(path, mode);
}

TEST(sync_settings_come_from_a_private_file_then_the_environment)
{
    fixture f;
    setup(&f);
    char *old_cfg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
    const char *vars[] = { "RAPPORT_LRS_URL", "RAPPORT_LRS_USER", "RAPPORT_LRS_PASSWORD", "RAPPORT_LRS_AUTH" };
    for (int i = 0; i < 4; i++)
        unsetenv(vars[i]);
    setenv("XDG_CONFIG_HOME", f.dir, 1);
    char dir[128], path[160], err[1024];
    snprintf(dir, sizeof dir, "%s/rapport", f.dir);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/lrs.conf", dir);
    CHECK_STR(rp_sync_config_path(), path);
    rp_sync_config c;
    /* none at all: no error, no LRS */
    CHECK(rp_sync_config_load(&c, NULL, err, sizeof err) == 0);
    CHECK(c.url[0] == '\0' && !c.has_credentials && c.batch == 50 && c.tries == 5);
    write_file(path, "# the LRS\nurl = https://lrs.example.com/xapi/statements/\nuser = key\npassword = 's e'\n"
                     "pseudonymous = yes\nbatch = 7\n", 0644);
    CHECK(rp_sync_config_load(&c, NULL, err, sizeof err) == -1);
    CHECK_CONTAINS(err, "chmod 600");
    chmod(path, 0600);
    REQUIRE(rp_sync_config_load(&c, NULL, err, sizeof err) == 0);
    CHECK_STR(c.url, "https://lrs.example.com/xapi");
    CHECK_STR(c.user, "key");
    CHECK_STR(c.password, "s e");
    CHECK(c.has_credentials && c.pseudonymous && c.batch == 7);
    /* the environment over the file, --lrs over both */
    setenv("RAPPORT_LRS_AUTH", "envkey:env:secret", 1);
    setenv("RAPPORT_LRS_URL", "http://127.0.0.1:9/xapi", 1);
    REQUIRE(rp_sync_config_load(&c, NULL, err, sizeof err) == 0);
    CHECK_STR(c.user, "envkey");
    CHECK_STR(c.password, "env:secret");
    CHECK_STR(c.url, "http://127.0.0.1:9/xapi");
    REQUIRE(rp_sync_config_load(&c, "https://other.example/lrs/", err, sizeof err) == 0);
    CHECK_STR(c.url, "https://other.example/lrs");
    setenv("RAPPORT_LRS_USER", "only-user", 1);
    CHECK(rp_sync_config_load(&c, NULL, err, sizeof err) == -1);
    CHECK_CONTAINS(err, "RAPPORT_LRS_PASSWORD");
    unsetenv("RAPPORT_LRS_USER");
    CHECK(rp_sync_config_load(&c, "ftp://x", err, sizeof err) == -1);
    CHECK_CONTAINS(err, "not a web address");
    /* a mistake in the file names its line */
    write_file(path, "url = https://x.example\nbatsh = 3\n", 0600);
    CHECK(rp_sync_config_load(&c, NULL, err, sizeof err) == -1);
    CHECK_CONTAINS(err, "lrs.conf:2: unknown setting 'batsh'");
    /* a flush with nowhere to send: nothing is lost, the reason is kept */
    unlink(path);
    unsetenv("RAPPORT_LRS_URL");
    setenv("RAPPORT_LRS_AUTH", "k:s", 1);
    rp_store *st = rp_store_open(f.db, err, sizeof err);
    REQUIRE(st != NULL);
    record(st, f.sc, "1,1", true);
    rp_store_close(st);
    REQUIRE(rp_sync_config_load(&c, NULL, err, sizeof err) == 0);
    rp_sync_result res;
    CHECK(rp_sync_flush(f.db, &c, &res, err, sizeof err) == -2);      /* no URL */
    CHECK_CONTAINS(err, "no LRS is configured");
    snprintf(c.url, sizeof c.url, "http://127.0.0.1:9/xapi");
    c.tries = 2;
    c.backoff_ms = 10;
    CHECK(rp_sync_flush(f.db, &c, &res, err, sizeof err) == 1);
    CHECK_CONTAINS(err, "could not be reached");
    CHECK(res.sent == 0 && res.pending == 5 && res.requests == 2);
    rp_sync_summary sum;
    REQUIRE(rp_sync_status(f.db, &sum, err, sizeof err) == 0);
    CHECK(sum.pending == 5);
    CHECK_CONTAINS(sum.last_error, "could not be reached");
    CHECK_STR(sum.last_lrs, "http://127.0.0.1:9/xapi");
    rp_sync_summary_free(&sum);
    for (int i = 0; i < 4; i++)
        unsetenv(vars[i]);
    if (old_cfg) {
        setenv("XDG_CONFIG_HOME", old_cfg, 1);
        free(old_cfg);
    } else {
        unsetenv("XDG_CONFIG_HOME");
    }
    done(&f);
}
