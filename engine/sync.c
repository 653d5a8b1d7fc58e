/*
 * sync.c - delivering the outbox to a learning record store (sync.h).
 *
 * SETTINGS (the config file, then the environment, then --lrs)
 *   $XDG_CONFIG_HOME/rapport/lrs.conf (or ~/.config/rapport/lrs.conf), mode 600:
 *       url = https://lrs.example.com/xapi
 *       user = KEY            (or: auth = KEY:SECRET)
 *       password = SECRET
 *       pseudonymous = yes    xapi_base = IRI    homepage = IRI
 *       batch = 50  tries = 5  backoff_ms = 500  max_wait_ms = 30000  timeout = 60
 *   RAPPORT_LRS_URL, RAPPORT_LRS_USER, RAPPORT_LRS_PASSWORD, RAPPORT_LRS_AUTH=user:pass
 *
 * THE OUTBOX
 *   A row per statement: (statement id, session, kind, decision index),
 *   written by store.c in the transaction of the record it describes. The
 *   statement itself is built here, when it is sent, from the records, by
 *   report_xapi.c (the code behind `rapport report --xapi`), and carries the
 *   row's id.
 *
 * ONE FLUSH
 *   Pending rows, oldest first, in batches: POST URL/statements (a JSON array).
 *     200, 204   delivered: the rows are removed.
 *     409        the LRS holds a statement with one of these ids: each is
 *                fetched (GET URL/statements?statementId=ID); an equivalent one
 *                counts as delivered, a different one is set aside as a
 *                conflict, and the rest are sent again.
 *     400, 413   the batch is halved until the statements the LRS refuses are
 *                found; those are set aside as rejected, the others delivered.
 *     401, 403   the credentials were refused: stop.
 *     429, 5xx, no answer: the same request again after a pause (backoff_ms,
 *                doubled each time, or Retry-After), at most `tries` times; then
 *                stop, and the rest waits for the next flush.
 *   Nothing is held open while waiting for the LRS: each outcome is written in
 *   its own short transaction, so a flush killed at any moment loses nothing
 *   and, the ids being stable, sends nothing twice into the LRS.
 */
#include "sync.h"
#include "report.h"
#include "store.h"
#include "store_private.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dynlib_curl.h"      /* last: libcurl through the table dynlib.c fills */

#define MAX_BATCH 500
#define ERROR_BODY_LIMIT (64 * 1024)
#define STATEMENT_LIMIT (8 * 1024 * 1024)

/* ---- settings ------------------------------------------------------------------------------ */

const char *rp_sync_config_path(void)
{
    static _Thread_local char buf[1024];      /* a flush may run on a thread of its own */
    const char *e = getenv("XDG_CONFIG_HOME");
    if (e && e[0] == '/') {
        snprintf(buf, sizeof buf, "%s/rapport/lrs.conf", e);
    } else {
        e = getenv("HOME");
        snprintf(buf, sizeof buf, "%s/.config/rapport/lrs.conf", e && *e ? e : ".");
    }
    return buf;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static int set_text(char *dst, size_t size, const char *value, const char *what, const char *where,
                    char *err, size_t errsize)
{
    if (strlen(value) >= size) {
        snprintf(err, errsize, "%s: the %s is too long (at most %zu characters)", where, what, size - 1);
        return -1;
    }
    snprintf(dst, size, "%s", value);
    return 0;
}

static int split_auth(rp_sync_config *cfg, const char *auth, const char *where, char *err, size_t errsize)
{
    const char *colon = strchr(auth, ':');
    if (colon == NULL || colon == auth) {
        snprintf(err, errsize, "%s: the credentials must be KEY:SECRET (the LRS client's key and secret, "
                 "separated by a colon)", where);
        return -1;
    }
    char user[256];
    size_t n = (size_t)(colon - auth);
    if (n >= sizeof user) {
        snprintf(err, errsize, "%s: the key is too long", where);
        return -1;
    }
    memcpy(user, auth, n);
    user[n] = '\0';
    if (set_text(cfg->user, sizeof cfg->user, user, "key", where, err, errsize) != 0 ||
        set_text(cfg->password, sizeof cfg->password, colon + 1, "secret", where, err, errsize) != 0)
        return -1;
    cfg->has_credentials = true;
    return 0;
}

static int parse_int(const char *value, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (errno || end == value || *trim(end) != '\0' || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcasecmp(v, "on") || !strcmp(v, "1"))
        *out = true;
    else if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcasecmp(v, "off") || !strcmp(v, "0"))
        *out = false;
    else
        return -1;
    return 0;
}

/* Reads the config file. 0 (also when there is none), or -1 with err. */
static int load_file(rp_sync_config *cfg, const char *path, char *err, size_t errsize)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, errsize, "cannot read the LRS settings %s (%s)", path, strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && (sb.st_mode & 077) != 0) {
        fclose(f);
        snprintf(err, errsize, "%s may be read by other users (mode %03o), and it holds the LRS password. "
                 "Nothing was sent. Make it private with: chmod 600 %s", path, (unsigned)(sb.st_mode & 0777), path);
        return -1;
    }
    if (fstat(fileno(f), &sb) == 0 && sb.st_uid != getuid()) {
        fclose(f);
        snprintf(err, errsize, "%s belongs to another user, so it cannot be trusted with the LRS password. "
                 "Nothing was sent. Make it yours (chown) or write your own", path);
        return -1;
    }
    char line[2048], where[1100];
    int lineno = 0, rc = 0;
    char *user = NULL, *password = NULL;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        snprintf(where, sizeof where, "%s:%d", path, lineno);
        char *p = trim(line);
        if (*p == '\0' || *p == '#' || *p == ';')
            continue;
        char *eq = strchr(p, '=');
        if (eq == NULL) {
            snprintf(err, errsize, "%s: expected 'name = value' (e.g. url = https://lrs.example.com/xapi)", where);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = trim(p), *value = trim(eq + 1);
        size_t vn = strlen(value);
        if (vn >= 2 && (value[0] == '"' || value[0] == '\'') && value[vn - 1] == value[0]) {
            value[vn - 1] = '\0';
            value++;
        }
        int iv;
        if (!strcmp(key, "url")) {
            rc = set_text(cfg->url, sizeof cfg->url, value, "URL", where, err, errsize);
        } else if (!strcmp(key, "user") || !strcmp(key, "key")) {
            free(user);
            user = strdup(value);
        } else if (!strcmp(key, "password") || !strcmp(key, "secret")) {
            free(password);
            password = strdup(value);
        } else if (!strcmp(key, "auth")) {
            rc = split_auth(cfg, value, where, err, errsize);
        } else if (!strcmp(key, "xapi_base")) {
            rc = set_text(cfg->xapi_base, sizeof cfg->xapi_base, value, "xAPI base", where, err, errsize);
        } else if (!strcmp(key, "homepage")) {
            rc = set_text(cfg->homepage, sizeof cfg->homepage, value, "homePage", where, err, errsize);
        } else if (!strcmp(key, "pseudonymous")) {
            if ((rc = parse_bool(value, &cfg->pseudonymous)) != 0)
                snprintf(err, errsize, "%s: pseudonymous is yes or no, not '%s'", where, value);
        } else if (!strcmp(key, "batch")) {
            if ((rc = parse_int(value, 1, MAX_BATCH, &cfg->batch)) != 0)
                snprintf(err, errsize, "%s: batch is a number of statements from 1 to %d", where, MAX_BATCH);
        } else if (!strcmp(key, "tries")) {
            if ((rc = parse_int(value, 1, 20, &cfg->tries)) != 0)
                snprintf(err, errsize, "%s: tries is a number from 1 to 20", where);
        } else if (!strcmp(key, "backoff_ms")) {
            if ((rc = parse_int(value, 0, 60000, &cfg->backoff_ms)) != 0)
                snprintf(err, errsize, "%s: backoff_ms is milliseconds from 0 to 60000", where);
        } else if (!strcmp(key, "max_wait_ms")) {
            if ((rc = parse_int(value, 0, 3600000, &cfg->max_wait_ms)) != 0)
                snprintf(err, errsize, "%s: max_wait_ms is milliseconds from 0 to 3600000", where);
        } else if (!strcmp(key, "timeout")) {
            if ((rc = parse_int(value, 1, 3600, &iv)) != 0)
                snprintf(err, errsize, "%s: timeout is seconds from 1 to 3600", where);
            else
                cfg->timeout_s = iv;
        } else {
            snprintf(err, errsize, "%s: unknown setting '%s' (known: url, user, password, auth, pseudonymous, "
                     "xapi_base, homepage, batch, tries, backoff_ms, max_wait_ms, timeout)", where, key);
            rc = -1;
        }
    }
    fclose(f);
    if (rc == 0 && (user || password)) {
        snprintf(where, sizeof where, "%s", path);
        if (user == NULL || password == NULL) {
            snprintf(err, errsize, "%s gives a %s but no %s: give both (user = KEY and password = SECRET)",
                     path, user ? "user" : "password", user ? "password" : "user");
            rc = -1;
        } else if ((rc = set_text(cfg->user, sizeof cfg->user, user, "user", where, err, errsize)) == 0 &&
                   (rc = set_text(cfg->password, sizeof cfg->password, password, "password", where, err,
                                  errsize)) == 0) {
            cfg->has_credentials = true;
        }
    }
    if (password)
        memset(password, 0, strlen(password));
    free(user);
    free(password);
    if (rc == 0)
        snprintf(cfg->source, sizeof cfg->source, "%s", path);
    return rc;
}

int rp_sync_config_load(rp_sync_config *cfg, const char *url_flag, char *err, size_t errsize)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->batch = 50;
    cfg->tries = 5;
    cfg->backoff_ms = 500;
    cfg->max_wait_ms = 30000;
    cfg->timeout_s = 60;
    if (load_file(cfg, rp_sync_config_path(), err, errsize) != 0)
        return -1;
    const char *e = getenv("RAPPORT_LRS_URL");
    if (e && *e && set_text(cfg->url, sizeof cfg->url, e, "URL", "RAPPORT_LRS_URL", err, errsize) != 0)
        return -1;
    const char *user = getenv("RAPPORT_LRS_USER"), *pass = getenv("RAPPORT_LRS_PASSWORD");
    const char *auth = getenv("RAPPORT_LRS_AUTH");
    if ((user && *user) || (pass && *pass)) {
        if (!(user && *user) || !(pass && *pass)) {
            snprintf(err, errsize, "RAPPORT_LRS_%s is set but RAPPORT_LRS_%s is not: set both (the LRS "
                     "client's key and secret), or RAPPORT_LRS_AUTH=KEY:SECRET", user && *user ? "USER" : "PASSWORD",
                     user && *user ? "PASSWORD" : "USER");
            return -1;
        }
        if (set_text(cfg->user, sizeof cfg->user, user, "user", "RAPPORT_LRS_USER", err, errsize) != 0 ||
            set_text(cfg->password, sizeof cfg->password, pass, "password", "RAPPORT_LRS_PASSWORD", err,
                     errsize) != 0)
            return -1;
        cfg->has_credentials = true;
    } else if (auth && *auth) {
        if (split_auth(cfg, auth, "RAPPORT_LRS_AUTH", err, errsize) != 0)
            return -1;
    }
    if (url_flag && *url_flag &&
        set_text(cfg->url, sizeof cfg->url, url_flag, "URL", "--lrs", err, errsize) != 0)
        return -1;
    /* the endpoint: without a trailing slash or /statements */
    size_t n = strlen(cfg->url);
    while (n > 0 && cfg->url[n - 1] == '/')
        cfg->url[--n] = '\0';
    if (n >= 11 && strcmp(cfg->url + n - 11, "/statements") == 0)
        cfg->url[n - 11] = '\0';
    if (cfg->url[0] && strncasecmp(cfg->url, "http://", 7) != 0 && strncasecmp(cfg->url, "https://", 8) != 0) {
        snprintf(err, errsize, "the LRS address '%s' is not a web address: give the LRS's xAPI endpoint, "
                 "e.g. https://lrs.example.com/xapi", cfg->url);
        return -1;
    }
    return 0;
}

/* ---- HTTP ------------------------------------------------------------------------------------ */

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init_once(void)
{
    char err[256];
    if (rp_curl_load(err, sizeof err) == 0)
        curl_global_init(CURL_GLOBAL_DEFAULT);
}

void rp_sync_global_init(void)
{
    pthread_once(&curl_once, curl_init_once);
}

typedef struct {
    char *data;
    size_t len, limit;
    bool truncated;
} buffer;

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    buffer *b = ud;
    size_t len = size * n, take = len;
    if (b->len + take > b->limit) {
        take = b->limit > b->len ? b->limit - b->len : 0;
        b->truncated = true;
    }
    if (take) {
        char *d = realloc(b->data, b->len + take + 1);
        if (d == NULL)
            return 0;
        b->data = d;
        memcpy(b->data + b->len, p, take);
        b->len += take;
        b->data[b->len] = '\0';
    }
    return len;
}

typedef struct {
    const rp_sync_config *cfg;
    rp_store *st;
    CURL *curl;
    struct curl_slist *headers;
    char statements_url[1100];
    rp_sync_result *res;
    long retry_after_ms;          /* from the last answer; -1 when none */
    char msg[4096];               /* why the flush stopped or left something */
    bool stopped;
} sync_ctx;

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
    sync_ctx *c = ud;
    size_t len = size * n;
    if (len > 12 && strncasecmp(p, "Retry-After:", 12) == 0) {
        char v[128];
        size_t k = len - 12 < sizeof v - 1 ? len - 12 : sizeof v - 1;
        memcpy(v, p + 12, k);
        v[k] = '\0';
        char *t = trim(v), *end;
        long secs = strtol(t, &end, 10);
        if (end != t && *end == '\0' && secs >= 0) {
            c->retry_after_ms = secs * 1000;
        } else {
            time_t when = curl_getdate(t, NULL);
            if (when != (time_t)-1) {
                long d = (long)(when - time(NULL));
                c->retry_after_ms = d > 0 ? d * 1000 : 0;
            }
        }
    }
    return len;
}

/* One request. Returns the HTTP status, or 0 when there was no answer (neterr says why). */
static long http(sync_ctx *c, const char *url, const char *body, buffer *resp, char *neterr, size_t nsize)
{
    CURL *h = c->curl;
    c->retry_after_ms = -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    if (body) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
    } else {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, resp);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, c);
    char curl_err[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err);
    c->res->requests++;
    CURLcode rc = curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, NULL);
    if (rc != CURLE_OK) {
        snprintf(neterr, nsize, "%s", curl_err[0] ? curl_err : curl_easy_strerror(rc));
        c->res->last_http = 0;
        return 0;
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    c->res->last_http = (int)status;
    return status;
}

static bool cancelled(const sync_ctx *c)
{
    return c->cfg->cancel && atomic_load(c->cfg->cancel) != 0;
}

/* Sleeps ms milliseconds, in slices, unless the flush is cancelled. */
static void pause_ms(const sync_ctx *c, long ms)
{
    while (ms > 0 && !cancelled(c)) {
        long slice = ms > 100 ? 100 : ms;
        struct timespec ts = { .tv_sec = 0, .tv_nsec = slice * 1000000L };
        nanosleep(&ts, NULL);
        ms -= slice;
    }
}

/* What an LRS said in an error answer, on one line, for people. */
static void lrs_says(const buffer *b, char *out, size_t size)
{
    out[0] = '\0';
    if (b->data == NULL || b->len == 0)
        return;
    cJSON *j = cJSON_Parse(b->data);
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(j, "message");
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(j, "warnings");
    const char *text = b->data;
    char *joined = NULL;
    if (cJSON_IsArray(w) && cJSON_GetArraySize(w) > 0) {
        joined = cJSON_PrintUnformatted(w);
        text = joined;
    } else if (cJSON_IsString(m)) {
        text = m->valuestring;
    }
    size_t k = 0;
    for (const char *p = text; *p && k + 4 < size; p++)
        out[k++] = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
    out[k] = '\0';
    if (strlen(text) >= size - 4 && size > 4)
        strcpy(out + size - 4, "...");
    free(joined);
    cJSON_Delete(j);
}

enum { SENT = 0, STOP = 1, RECORDS = -1 };

/*
 * A request with the retries of a transient failure (no answer, 429, 5xx).
 * Returns the final status (> 0), or 0 when the flush must stop (c->msg says why).
 */
static long request(sync_ctx *c, const char *url, const char *body, buffer *resp)
{
    long wait = c->cfg->backoff_ms;
    char neterr[CURL_ERROR_SIZE + 64];
    for (int attempt = 1; ; attempt++) {
        if (cancelled(c)) {
            snprintf(c->msg, sizeof c->msg, "the delivery was stopped before the end");
            return 0;
        }
        free(resp->data);
        resp->data = NULL;
        resp->len = 0;
        resp->truncated = false;
        long status = http(c, url, body, resp, neterr, sizeof neterr);
        bool transient = status == 0 || status == 429 || (status >= 500 && status <= 599);
        if (!transient)
            return status;
        if (status == 0)
            snprintf(c->msg, sizeof c->msg, "the LRS at %s could not be reached (%s)", c->cfg->url, neterr);
        else
            snprintf(c->msg, sizeof c->msg, "the LRS at %s answered HTTP %ld (%s)", c->cfg->url, status,
                     status == 429 ? "too many requests" : "a server error");
        if (attempt >= c->cfg->tries) {
            size_t k = strlen(c->msg);
            snprintf(c->msg + k, sizeof c->msg - k, " %d time%s in a row", attempt, attempt == 1 ? "" : "s");
            return 0;
        }
        long pause = wait;
        if (c->retry_after_ms >= 0) {
            if (c->retry_after_ms > c->cfg->max_wait_ms) {
                size_t k = strlen(c->msg);
                snprintf(c->msg + k, sizeof c->msg - k, " and asked to wait %ld s before trying again",
                         (c->retry_after_ms + 999) / 1000);
                return 0;
            }
            pause = c->retry_after_ms > wait ? c->retry_after_ms : wait;
        }
        pause_ms(c, pause);
        wait = wait * 2 > 60000 ? 60000 : wait * 2;
    }
}

/* ---- statements ------------------------------------------------------------------------------------ */

typedef struct {
    rp_outbox_row row;
    cJSON *stmt;                  /* owned */
} item;

static bool looks_uuid(const char *s)
{
    if (strlen(s) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
            return false;
    }
    return true;
}

static bool same_json(const cJSON *a, const cJSON *b, int depth);

/* Whether member m of one object may be missing from the other: null, or a default objectType. */
static bool ignorable(const cJSON *m)
{
    if (cJSON_IsNull(m))
        return true;
    return m->string && strcmp(m->string, "objectType") == 0 && cJSON_IsString(m) &&
           (strcmp(m->valuestring, "Activity") == 0 || strcmp(m->valuestring, "Agent") == 0);
}

static const cJSON *member(const cJSON *o, const char *key)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, key);
    return m ? m : cJSON_GetObjectItem(o, key);          /* language tags compare case-insensitively */
}

/* An ISO 8601 time as seconds since the epoch (with its fraction); false when it is not one. */
static bool instant(const char *s, double *out)
{
    int y, mo, d, h, mi, n = 0;
    double sec;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%lf%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6)
        return false;
    const char *z = s + n;
    int off = 0, oh, om;
    if (*z == 'Z' || *z == 'z') {
        z++;
    } else if ((*z == '+' || *z == '-') && (sscanf(z + 1, "%2d:%2d", &oh, &om) == 2 ||
                                            sscanf(z + 1, "%2d%2d", &oh, &om) == 2)) {
        off = (*z == '-' ? -1 : 1) * (oh * 60 + om);
        z += strlen(z);
    }
    if (*z != '\0')
        return false;
    struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi };
    *out = (double)timegm(&tm) + sec - off * 60.0;
    return true;
}

static bool same_members(const cJSON *a, const cJSON *b, int depth)
{
    const cJSON *m;
    cJSON_ArrayForEach(m, a) {
        /* assigned by the LRS as it stores a statement */
        if (depth == 0 && (!strcmp(m->string, "authority") || !strcmp(m->string, "stored") ||
                           !strcmp(m->string, "version")))
            continue;
        const cJSON *o = member(b, m->string);
        double ta, tb;
        if (depth == 0 && o && !strcmp(m->string, "timestamp") && cJSON_IsString(m) && cJSON_IsString(o) &&
            instant(m->valuestring, &ta) && instant(o->valuestring, &tb)) {
            if (fabs(ta - tb) > 0.0005)       /* the same moment, in any time zone */
                return false;
            continue;
        }
        if (o == NULL ? !ignorable(m) : !same_json(m, o, depth + 1))
            return false;
    }
    return true;
}

/*
 * Statement comparison (xAPI 1.0.3, part 2, 2.3.1): differences an LRS may
 * make when it stores a statement are ignored (authority, stored and version
 * assigned; the timestamp in another time zone; null members dropped, a
 * default objectType added; the case of UUIDs and language tags); any other
 * difference counts.
 */
static bool same_json(const cJSON *a, const cJSON *b, int depth)
{
    if (depth > 64)
        return false;
    if (cJSON_IsNumber(a) && cJSON_IsNumber(b))
        return fabs(a->valuedouble - b->valuedouble) <= 1e-9 * fmax(1, fabs(a->valuedouble));
    if (cJSON_IsString(a) && cJSON_IsString(b))
        return strcmp(a->valuestring, b->valuestring) == 0 ||
               (looks_uuid(a->valuestring) && strcasecmp(a->valuestring, b->valuestring) == 0);
    if (cJSON_IsBool(a) && cJSON_IsBool(b))
        return cJSON_IsTrue(a) == cJSON_IsTrue(b);
    if (cJSON_IsNull(a) && cJSON_IsNull(b))
        return true;
    if (cJSON_IsArray(a) && cJSON_IsArray(b)) {
        if (cJSON_GetArraySize(a) != cJSON_GetArraySize(b))
            return false;
        for (const cJSON *x = a->child, *y = b->child; x && y; x = x->next, y = y->next)
            if (!same_json(x, y, depth + 1))
                return false;
        return true;
    }
    if (cJSON_IsObject(a) && cJSON_IsObject(b))
        return same_members(a, b, depth) && same_members(b, a, depth);
    return false;
}

/* ---- one flush --------------------------------------------------------------------------------------- */

static void note_failed(sync_ctx *c, item *it, int n)
{
    long long *seqs = malloc(sizeof *seqs * (size_t)(n > 0 ? n : 1));
    char err[512];
    if (seqs == NULL)
        return;
    for (int i = 0; i < n; i++)
        seqs[i] = it[i].row.seq;
    rp_outbox_failed(c->st, seqs, n, c->msg, err, sizeof err);       /* best effort: the rows stay pending */
    free(seqs);
}

static int delivered(sync_ctx *c, item *it, int n, char *err, size_t errsize)
{
    long long *seqs = malloc(sizeof *seqs * (size_t)(n > 0 ? n : 1));
    if (seqs == NULL) {
        snprintf(err, errsize, "out of memory");
        return RECORDS;
    }
    for (int i = 0; i < n; i++)
        seqs[i] = it[i].row.seq;
    int rc = rp_outbox_delete(c->st, seqs, n, err, errsize);
    free(seqs);
    if (rc != 0)
        return RECORDS;
    c->res->sent += n;
    return SENT;
}

static int set_aside(sync_ctx *c, item *it, const char *status, const char *why, char *err, size_t errsize)
{
    if (rp_outbox_set_aside(c->st, it->row.seq, status, why, err, errsize) != 0)
        return RECORDS;
    c->res->set_aside++;
    return SENT;
}

static int stop_for_status(sync_ctx *c, long status, const buffer *resp, item *it, int n)
{
    char says[300];
    lrs_says(resp, says, sizeof says);
    if (status == 401 || status == 403) {
        c->res->auth_failed = true;
        snprintf(c->msg, sizeof c->msg, "the LRS at %s refused the credentials (HTTP %ld%s%s%s). Check the key "
                 "and secret (RAPPORT_LRS_USER and RAPPORT_LRS_PASSWORD, or %s)%s", c->cfg->url, status,
                 says[0] ? ": " : "", says, "", rp_sync_config_path(),
                 status == 403 ? ", and that the LRS lets this client write statements" : "");
    } else if (status >= 300 && status < 400) {
        char *where = NULL;
        curl_easy_getinfo(c->curl, CURLINFO_REDIRECT_URL, &where);
        snprintf(c->msg, sizeof c->msg, "the LRS address %s redirects (HTTP %ld%s%s): use the address it "
                 "redirects to", c->cfg->url, status, where ? " to " : "", where ? where : "");
    } else if (status == 404 || status == 405) {
        snprintf(c->msg, sizeof c->msg, "%s is not an xAPI statements endpoint (HTTP %ld). Check the LRS address: "
                 "it is the LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi", c->statements_url, status);
    } else {
        snprintf(c->msg, sizeof c->msg, "the LRS at %s answered HTTP %ld%s%s", c->cfg->url, status,
                 says[0] ? ": " : "", says);
    }
    note_failed(c, it, n);
    c->stopped = true;
    return STOP;
}

static int send_items(sync_ctx *c, item *it, int n, char *err, size_t errsize);

/* After a 409: fetch each statement the LRS may already hold, and compare. */
static int resolve_conflict(sync_ctx *c, item *it, int n, char *err, size_t errsize)
{
    item *rest = malloc(sizeof *rest * (size_t)n);
    if (rest == NULL) {
        snprintf(err, errsize, "out of memory");
        return RECORDS;
    }
    int n_rest = 0, rc = SENT;
    buffer resp = { .limit = STATEMENT_LIMIT };
    for (int i = 0; rc == SENT && i < n; i++) {
        char *esc = curl_easy_escape(c->curl, it[i].row.statement_id, 0);
        char url[1300];
        snprintf(url, sizeof url, "%s?statementId=%s", c->statements_url, esc ? esc : "");
        curl_free(esc);
        long status = request(c, url, NULL, &resp);
        if (status == 0) {
            note_failed(c, it + i, n - i);
            c->stopped = true;
            rc = STOP;
        } else if (status == 200) {
            cJSON *theirs = resp.data ? cJSON_Parse(resp.data) : NULL;
            if (theirs && same_json(it[i].stmt, theirs, 0)) {
                rc = delivered(c, it + i, 1, err, errsize);
                c->res->already++;
            } else {
                rc = set_aside(c, it + i, "conflict", theirs ? "the LRS already holds a different statement with "
                               "this id (HTTP 409 Conflict)" : "the LRS answered 409 Conflict, and its copy of the "
                               "statement could not be read", err, errsize);
            }
            cJSON_Delete(theirs);
        } else if (status == 401 || status == 403) {
            rc = stop_for_status(c, status, &resp, it + i, n - i);
        } else {
            rest[n_rest++] = it[i];       /* not there (404), or not fetchable: send it again */
        }
    }
    free(resp.data);
    if (rc == SENT && n_rest > 0) {
        if (n_rest < n) {
            rc = send_items(c, rest, n_rest, err, errsize);
        } else if (n == 1) {
            rc = set_aside(c, it, "conflict", "the LRS answered 409 Conflict, but holds no statement with this id",
                           err, errsize);
        } else {
            int half = n / 2;               /* none of them is there: find the one it objects to */
            rc = send_items(c, it, half, err, errsize);
            if (rc == SENT)
                rc = send_items(c, it + half, n - half, err, errsize);
        }
    }
    free(rest);
    return rc;
}

/* Sends n statements in one request, and deals with the answer. */
static int send_items(sync_ctx *c, item *it, int n, char *err, size_t errsize)
{
    if (n <= 0)
        return SENT;
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < n; i++)
        cJSON_AddItemReferenceToArray(arr, it[i].stmt);
    char *body = cJSON_PrintUnformatted(arr);
    cJSON_Delete(arr);
    if (body == NULL) {
        snprintf(err, errsize, "out of memory");
        return RECORDS;
    }
    buffer resp = { .limit = ERROR_BODY_LIMIT };
    long status = request(c, c->statements_url, body, &resp);
    cJSON_free(body);
    int rc;
    if (status == 0) {
        note_failed(c, it, n);
        c->stopped = true;
        rc = STOP;
    } else if (status == 200 || status == 204) {
        rc = delivered(c, it, n, err, errsize);
    } else if (status == 409) {
        rc = resolve_conflict(c, it, n, err, errsize);
    } else if (status == 400 || status == 413) {
        if (n == 1) {
            char says[300], why[400];
            lrs_says(&resp, says, sizeof says);
            snprintf(why, sizeof why, "the LRS refused it (HTTP %ld%s%s)", status, says[0] ? ": " : "", says);
            rc = set_aside(c, it, "rejected", why, err, errsize);
        } else {
            int half = n / 2;
            rc = send_items(c, it, half, err, errsize);
            if (rc == SENT)
                rc = send_items(c, it + half, n - half, err, errsize);
        }
    } else {
        rc = stop_for_status(c, status, &resp, it, n);
    }
    free(resp.data);
    return rc;
}

/* The session's statements, built as `rapport report --xapi` builds them. NULL with err. */
static cJSON *session_statements(sync_ctx *c, long long id, rp_record *rec, int *missing, char *err, size_t errsize)
{
    *missing = 0;
    int rc = rp_report_load(c->st, id, rec, err, errsize);
    if (rc == -2) {
        *missing = 1;
        return NULL;
    }
    if (rc != 0)
        return NULL;
    rp_record_list l = { .items = rec, .n = 1 };
    rp_xapi_options o = { .base = c->cfg->xapi_base, .homepage = c->cfg->homepage,
                          .pseudonymous = c->cfg->pseudonymous };
    return rp_report_xapi(c->st, &l, &o, err, errsize);
}

/*
 * Builds the statements of rows[0..n) into items. Rows whose session is gone
 * are removed (dropped); rows that cannot be built are set aside. Returns the
 * number of items, or -1 with err.
 */
static int build_items(sync_ctx *c, const rp_outbox_row *rows, int n, item *items, char *err, size_t errsize)
{
    int n_items = 0;
    bool *done = calloc((size_t)n, sizeof *done);
    if (done == NULL) {
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (done[i])
            continue;
        rp_record rec;
        int missing;
        cJSON *all = session_statements(c, rows[i].session_id, &rec, &missing, err, errsize);
        if (all == NULL && !missing) {
            rp_record_free(&rec);
            for (int k = 0; k < n_items; k++)
                cJSON_Delete(items[k].stmt);
            free(done);
            return -1;
        }
        for (int j = i; j < n; j++) {
            if (done[j] || rows[j].session_id != rows[i].session_id)
                continue;
            done[j] = true;
            if (missing) {
                if (rp_outbox_delete(c->st, &rows[j].seq, 1, err, errsize) != 0)
                    goto records_error;
                c->res->dropped++;
                continue;
            }
            char want[37];
            rp_xapi_statement_id(rec.uuid, rows[j].kind, rows[j].index, want);
            cJSON *s, *found = NULL;
            cJSON_ArrayForEach(s, all) {
                const cJSON *id = cJSON_GetObjectItemCaseSensitive(s, "id");
                if (cJSON_IsString(id) && strcmp(id->valuestring, want) == 0) {
                    found = s;
                    break;
                }
            }
            if (found == NULL) {
                char why[300];
                snprintf(why, sizeof why, "the records of session %lld hold no '%s' statement #%d to send (the "
                         "outbox row does not match the records)", rows[j].session_id, rows[j].kind,
                         rows[j].index + 1);
                if (set_aside(c, &(item){ .row = rows[j] }, "rejected", why, err, errsize) != SENT)
                    goto records_error;
                continue;
            }
            cJSON *copy = cJSON_Duplicate(found, 1);
            cJSON_ReplaceItemInObjectCaseSensitive(copy, "id", cJSON_CreateString(rows[j].statement_id));
            items[n_items].row = rows[j];
            items[n_items].stmt = copy;
            n_items++;
        }
        cJSON_Delete(all);
        rp_record_free(&rec);
        continue;
    records_error:
        cJSON_Delete(all);
        rp_record_free(&rec);
        for (int k = 0; k < n_items; k++)
            cJSON_Delete(items[k].stmt);
        free(done);
        return -1;
    }
    free(done);
    /* back in queue order: launched before its answers */
    for (int a = 1; a < n_items; a++)
        for (int b = a; b > 0 && items[b - 1].row.seq > items[b].row.seq; b--) {
            item t = items[b];
            items[b] = items[b - 1];
            items[b - 1] = t;
        }
    return n_items;
}

static int open_records(const char *db_path, bool writable, rp_store **st, char *err, size_t errsize)
{
    if (db_path == NULL || *db_path == '\0') {
        snprintf(err, errsize, "no records file given: use --db PATH or set RAPPORT_DB");
        return -1;
    }
    if (!rp_store_is_url(db_path) && access(db_path, F_OK) != 0) {
        snprintf(err, errsize, "there are no records at %s (%s). Record a session first, or name the records "
                 "file with --db PATH or RAPPORT_DB", db_path, strerror(errno));
        return -1;
    }
    *st = writable ? rp_store_open(db_path, err, errsize) : rp_store_open_readonly(db_path, err, errsize);
    return *st ? 0 : -1;
}

int rp_sync_flush(const char *db_path, const rp_sync_config *cfg, rp_sync_result *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    if (rp_curl_load(err, errsize) != 0)
        return -2;
    if (cfg == NULL || cfg->url[0] == '\0') {
        snprintf(err, errsize, "no LRS is configured: give --lrs URL, set RAPPORT_LRS_URL, or write url = ... in %s",
                 rp_sync_config_path());
        return -2;
    }
    if (!cfg->has_credentials) {
        snprintf(err, errsize, "no credentials for the LRS: set RAPPORT_LRS_USER and RAPPORT_LRS_PASSWORD (or "
                 "RAPPORT_LRS_AUTH=KEY:SECRET), or write user and password in %s (mode 600)",
                 rp_sync_config_path());
        return -2;
    }
    rp_sync_global_init();
    sync_ctx c = { .cfg = cfg, .res = out };
    if (open_records(db_path, true, &c.st, err, errsize) != 0)
        return -1;
    rp_record_list none = { 0 };
    rp_xapi_options o = { .base = cfg->xapi_base, .homepage = cfg->homepage, .pseudonymous = cfg->pseudonymous };
    cJSON *probe = rp_report_xapi(c.st, &none, &o, err, errsize);      /* can the settings be honoured? */
    if (probe == NULL) {
        rp_store_close(c.st);
        return -2;
    }
    cJSON_Delete(probe);
    int batch = cfg->batch > 0 && cfg->batch <= MAX_BATCH ? cfg->batch : 50;
    rp_outbox_row *rows = calloc((size_t)batch, sizeof *rows);
    item *items = calloc((size_t)batch, sizeof *items);
    c.curl = curl_easy_init();
    if (rows == NULL || items == NULL || c.curl == NULL) {
        snprintf(err, errsize, "out of memory");
        free(rows);
        free(items);
        if (c.curl)
            curl_easy_cleanup(c.curl);
        rp_store_close(c.st);
        return -1;
    }
    snprintf(c.statements_url, sizeof c.statements_url, "%s/statements", cfg->url);
    c.headers = curl_slist_append(NULL, "X-Experience-API-Version: 1.0.3");
    c.headers = curl_slist_append(c.headers, "Content-Type: application/json");
    c.headers = curl_slist_append(c.headers, "Accept: application/json");
    curl_easy_setopt(c.curl, CURLOPT_HTTPHEADER, c.headers);
    curl_easy_setopt(c.curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(c.curl, CURLOPT_USERNAME, cfg->user);
    curl_easy_setopt(c.curl, CURLOPT_PASSWORD, cfg->password);
    curl_easy_setopt(c.curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c.curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c.curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c.curl, CURLOPT_TIMEOUT, cfg->timeout_s > 0 ? cfg->timeout_s : 60L);
    curl_easy_setopt(c.curl, CURLOPT_USERAGENT, "Rapport (xAPI sync)");
    curl_easy_setopt(c.curl, CURLOPT_FOLLOWLOCATION, 0L);

    char now[32];
    rp_store_now(now);
    rp_sync_state_set(c.st, "last_attempt", now);
    rp_sync_state_set(c.st, "last_lrs", cfg->url);
    int rc = SENT;
    long long after = 0;
    while (rc == SENT && !c.stopped) {
        int n = rp_outbox_pending(c.st, after, rows, batch, err, errsize);
        if (n < 0) {
            rc = RECORDS;
            break;
        }
        if (n == 0)
            break;
        after = rows[n - 1].seq;
        int n_items = build_items(&c, rows, n, items, err, errsize);
        if (n_items < 0) {
            rc = RECORDS;
            break;
        }
        rc = send_items(&c, items, n_items, err, errsize);
        for (int i = 0; i < n_items; i++)
            cJSON_Delete(items[i].stmt);
        if (rc == STOP) {
            rc = SENT;
            break;
        }
    }
    curl_slist_free_all(c.headers);
    curl_easy_cleanup(c.curl);
    free(rows);
    free(items);
    if (rc == RECORDS) {
        rp_sync_state_set(c.st, "last_error", err);
        rp_store_close(c.st);
        return -1;
    }
    rp_sync_summary sum;
    char serr[512];
    if (rp_outbox_summary(c.st, &sum, serr, sizeof serr) == 0) {
        out->pending = sum.pending;
        out->held = sum.rejected + sum.conflict;
        rp_sync_summary_free(&sum);
    }
    int result = 0;
    if (c.stopped) {
        snprintf(err, errsize, "%s. %d statement%s stay%s queued for the next 'rapport sync'", c.msg, out->pending,
                 out->pending == 1 ? "" : "s", out->pending == 1 ? "s" : "");
        result = 1;
    } else if (out->pending > 0) {
        snprintf(err, errsize, "%d statement%s could not be sent and stay%s queued", out->pending,
                 out->pending == 1 ? "" : "s", out->pending == 1 ? "s" : "");
        result = 1;
    } else if (out->held > 0) {
        snprintf(err, errsize, "%d statement%s set aside for review ('rapport sync --status' lists them and what "
                 "the LRS said)", out->held, out->held == 1 ? " is" : "s are");
        result = 1;
    }
    rp_store_now(now);
    if (result == 0 || (out->pending == 0 && !c.stopped))
        rp_sync_state_set(c.st, "last_success", now);
    rp_sync_state_set(c.st, "last_error", result ? err : "");
    rp_store_close(c.st);
    return result;
}

int rp_sync_status(const char *db_path, rp_sync_summary *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    rp_store *st;
    if (open_records(db_path, false, &st, err, errsize) != 0)
        return -1;
    int rc = rp_outbox_summary(st, out, err, errsize);
    rp_store_close(st);
    return rc;
}

int rp_sync_requeue(const char *db_path, int *n, char *err, size_t errsize)
{
    *n = 0;
    rp_store *st;
    if (open_records(db_path, true, &st, err, errsize) != 0)
        return -1;
    int rc = rp_outbox_requeue(st, n, err, errsize);
    rp_store_close(st);
    return rc;
}

int rp_sync_drop(const char *db_path, int *n, char *err, size_t errsize)
{
    *n = 0;
    rp_store *st;
    if (open_records(db_path, true, &st, err, errsize) != 0)
        return -1;
    int rc = rp_outbox_drop(st, n, err, errsize);
    rp_store_close(st);
    return rc;
}
