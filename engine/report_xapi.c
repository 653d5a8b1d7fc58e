/*
 * report_xapi.c - `rapport report --xapi`: xAPI 1.0.3 statements for an
 * LMS or learning record store (see report.h, rp_report_xapi).
 *
 * SETTINGS
 *   RAPPORT_XAPI_BASE       IRI base of activities and extensions
 *                           (default https://rapport.example/xapi)
 *   RAPPORT_XAPI_HOMEPAGE   the actor account's homePage (default https://rapport.example)
 *
 * Per session: launched; answered, one per decision; and when complete,
 * completed plus passed or failed. Ids are derived from the session's UUID,
 * the kind and the decision index (a BLAKE2b hash laid out as an RFC 9562
 * version 8 UUID), so sending the same records twice never duplicates a
 * statement. context.registration is the session's UUID.
 */
#include "report.h"
#include "store_private.h"

#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_BASE "https://rapport.example/xapi"
#define DEFAULT_HOMEPAGE "https://rapport.example"
#define ADL_VERB "http://adlnet.gov/expapi/verbs/"

typedef struct {
    char base[512];
    const char *homepage;
    bool pseudonymous;
    unsigned char pseudo_key[crypto_generichash_KEYBYTES];
} xapi_ctx;

void rp_xapi_statement_id(const char *session_uuid, const char *kind, int index, char out[37])
{
    char msg[160];
    unsigned char h[16];
    snprintf(msg, sizeof msg, "rapport-xapi-statement-v1|%s|%s|%d", session_uuid, kind, index);
    crypto_generichash(h, sizeof h, (const unsigned char *)msg, strlen(msg), NULL, 0);
    h[6] = (unsigned char)((h[6] & 0x0f) | 0x80);        /* version 8: custom, RFC 9562 */
    h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);        /* RFC variant */
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]);
}

/* Appends s to out as one IRI path segment (percent-encoding all but unreserved characters). */
static void append_segment(char *out, size_t size, const char *s)
{
    size_t n = strlen(out);
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 4 < size; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~')
            out[n++] = (char)*p;
        else
            n += (size_t)snprintf(out + n, size - n, "%%%02X", *p);
    }
    out[n] = '\0';
}

static void activity_iri(const xapi_ctx *x, const char *scenario, const char *node, char *out, size_t size)
{
    snprintf(out, size, "%s/scenarios/", x->base);
    append_segment(out, size, scenario);
    if (node) {
        snprintf(out + strlen(out), size - strlen(out), "/");
        append_segment(out, size, node);
    }
}

static void extension_iri(const xapi_ctx *x, const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s/extensions/%s", x->base, name);
}

/* ISO 8601 duration of ms milliseconds, to the hundredth of a second: PT12.5S, PT1M3S, PT1H0M2.25S. */
static void iso_duration(long long ms, char *out, size_t size)
{
    if (ms < 0)
        ms = 0;
    long long cs = (ms + 5) / 10;                 /* centiseconds */
    long long h = cs / 360000, m = (cs / 6000) % 60, s = (cs / 100) % 60, frac = cs % 100;
    size_t n = (size_t)snprintf(out, size, "PT");
    if (h)
        n += (size_t)snprintf(out + n, size - n, "%lldH", h);
    if (h || m)
        n += (size_t)snprintf(out + n, size - n, "%lldM", m);
    if (frac == 0)
        snprintf(out + n, size - n, "%lldS", s);
    else if (frac % 10 == 0)
        snprintf(out + n, size - n, "%lld.%lldS", s, frac / 10);
    else
        snprintf(out + n, size - n, "%lld.%02lldS", s, frac);
}

/* Milliseconds since the epoch of a stored time, or -1. */
static long long parse_ms(const char *iso)
{
    int y, mo, d, h, mi, s, ms = 0;
    if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &y, &mo, &d, &h, &mi, &s, &ms) < 6)
        return -1;
    struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_sec = s };
    return (long long)timegm(&tm) * 1000 + ms;
}

static cJSON *lang_map(const char *text)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "en-US", text ? text : "");
    return m;
}

static cJSON *actor_json(const xapi_ctx *x, const char *trainee)
{
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "objectType", "Agent");
    cJSON *acc = cJSON_AddObjectToObject(a, "account");
    cJSON_AddStringToObject(acc, "homePage", x->homepage);
    if (x->pseudonymous) {
        unsigned char h[16];
        char hex[33];
        crypto_generichash(h, sizeof h, (const unsigned char *)trainee, strlen(trainee), x->pseudo_key,
                           sizeof x->pseudo_key);
        sodium_bin2hex(hex, sizeof hex, h, sizeof h);
        cJSON_AddStringToObject(acc, "name", hex);
    } else {
        cJSON_AddStringToObject(acc, "name", trainee);
        cJSON_AddStringToObject(a, "name", trainee);
    }
    return a;
}

static cJSON *verb_json(const char *verb)
{
    char iri[128];
    snprintf(iri, sizeof iri, ADL_VERB "%s", verb);
    cJSON *v = cJSON_CreateObject();
    cJSON_AddStringToObject(v, "id", iri);
    cJSON_AddItemToObject(v, "display", lang_map(verb));
    return v;
}

static cJSON *scenario_activity(const xapi_ctx *x, const rp_record *r)
{
    char iri[1024];
    activity_iri(x, r->scenario_id, NULL, iri, sizeof iri);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "objectType", "Activity");
    cJSON_AddStringToObject(o, "id", iri);
    cJSON *def = cJSON_AddObjectToObject(o, "definition");
    cJSON_AddItemToObject(def, "name", lang_map(r->title));
    cJSON_AddStringToObject(def, "type", "http://adlnet.gov/expapi/activities/simulation");
    return o;
}

static cJSON *context_json(const xapi_ctx *x, const rp_record *r, bool with_parent)
{
    char iri[1024];
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "registration", r->uuid);
    cJSON_AddStringToObject(c, "platform", "Rapport");
    if (with_parent) {
        cJSON *ca = cJSON_AddObjectToObject(c, "contextActivities");
        cJSON *parent = cJSON_AddArrayToObject(ca, "parent");
        cJSON *p = cJSON_CreateObject();
        activity_iri(x, r->scenario_id, NULL, iri, sizeof iri);
        cJSON_AddStringToObject(p, "objectType", "Activity");
        cJSON_AddStringToObject(p, "id", iri);
        cJSON_AddItemToArray(parent, p);
    }
    cJSON *ext = cJSON_AddObjectToObject(c, "extensions");
    extension_iri(x, "content-hash", iri, sizeof iri);
    cJSON_AddStringToObject(ext, iri, r->content_hash);
    if (r->cohort) {
        extension_iri(x, "cohort", iri, sizeof iri);
        cJSON_AddStringToObject(ext, iri, r->cohort);
    }
    if (r->version) {
        extension_iri(x, "scenario-version", iri, sizeof iri);
        cJSON_AddStringToObject(ext, iri, r->version);
    }
    return c;
}

static cJSON *statement(const xapi_ctx *x, const rp_record *r, const char *kind, int index, const char *verb,
                        const char *timestamp)
{
    char id[37];
    rp_xapi_statement_id(r->uuid, kind, index, id);
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "id", id);
    cJSON_AddItemToObject(s, "actor", actor_json(x, r->trainee));
    cJSON_AddItemToObject(s, "verb", verb_json(verb));
    cJSON_AddStringToObject(s, "timestamp", timestamp);
    cJSON_AddStringToObject(s, "version", "1.0.3");
    return s;
}

/* The session's result: scores, success, completion, duration. */
static cJSON *session_result(const xapi_ctx *x, const rp_record *r)
{
    char iri[1024], dur[48];
    cJSON *res = cJSON_CreateObject();
    if (r->has_score[RP_SCORE_OVERALL]) {
        cJSON *sc = cJSON_AddObjectToObject(res, "score");
        double overall = r->score[RP_SCORE_OVERALL];
        cJSON_AddNumberToObject(sc, "scaled", round(fmin(fmax(overall, 0), 100) * 10) / 1000.0);
        cJSON_AddNumberToObject(sc, "raw", overall);
        cJSON_AddNumberToObject(sc, "min", 0);
        cJSON_AddNumberToObject(sc, "max", 100);
    }
    cJSON_AddBoolToObject(res, "success", r->passed);
    cJSON_AddBoolToObject(res, "completion", true);
    long long a = parse_ms(r->started), b = parse_ms(r->ended);
    if (a >= 0 && b >= a) {
        iso_duration(b - a, dur, sizeof dur);
        cJSON_AddStringToObject(res, "duration", dur);
    }
    cJSON *ext = cJSON_AddObjectToObject(res, "extensions");
    for (int k = 0; k < RP_SCORE_OVERALL; k++) {
        extension_iri(x, rp_score_names[k], iri, sizeof iri);
        if (r->has_score[k])
            cJSON_AddNumberToObject(ext, iri, r->score[k]);
        else
            cJSON_AddNullToObject(ext, iri);
    }
    extension_iri(x, "outcome", iri, sizeof iri);
    if (r->outcome)
        cJSON_AddStringToObject(ext, iri, r->outcome);
    return res;
}

static cJSON *answered(const xapi_ctx *x, const rp_record *r, const rp_record_decision *d)
{
    char iri[1024], name[512], opt[32], dur[48];
    cJSON *s = statement(x, r, "answered", d->index, "answered", d->recorded[0] ? d->recorded : r->started);
    cJSON *o = cJSON_AddObjectToObject(s, "object");
    activity_iri(x, r->scenario_id, d->node, iri, sizeof iri);
    cJSON_AddStringToObject(o, "objectType", "Activity");
    cJSON_AddStringToObject(o, "id", iri);
    cJSON *def = cJSON_AddObjectToObject(o, "definition");
    snprintf(name, sizeof name, "%s: %s", r->title, d->node);
    cJSON_AddItemToObject(def, "name", lang_map(name));
    cJSON_AddStringToObject(def, "type", "http://adlnet.gov/expapi/activities/cmi.interaction");
    cJSON_AddStringToObject(def, "interactionType", "choice");
    if (d->n_options > 0) {
        cJSON *choices = cJSON_AddArrayToObject(def, "choices");
        cJSON *correct = cJSON_CreateArray();
        for (int k = 0; k < d->n_options; k++) {
            cJSON *c = cJSON_CreateObject();
            snprintf(opt, sizeof opt, "option-%d", k + 1);
            cJSON_AddStringToObject(c, "id", opt);
            cJSON_AddItemToObject(c, "description", lang_map(d->options[k].text));
            cJSON_AddItemToArray(choices, c);
            if (strcmp(d->options[k].quality, "best") == 0)
                cJSON_AddItemToArray(correct, cJSON_CreateString(opt));
        }
        if (cJSON_GetArraySize(correct) > 0)
            cJSON_AddItemToObject(def, "correctResponsesPattern", correct);
        else
            cJSON_Delete(correct);
    }
    cJSON *res = cJSON_AddObjectToObject(s, "result");
    if (d->option >= 0)
        snprintf(opt, sizeof opt, "option-%d", d->option + 1);
    else
        opt[0] = '\0';                    /* timed out: no answer */
    cJSON_AddStringToObject(res, "response", opt);
    if (d->quality)
        cJSON_AddBoolToObject(res, "success", strcmp(d->quality, "best") == 0);
    if (d->response_ms >= 0) {
        iso_duration(d->response_ms, dur, sizeof dur);
        cJSON_AddStringToObject(res, "duration", dur);
    }
    cJSON *ext = cJSON_AddObjectToObject(res, "extensions");
    extension_iri(x, "quality", iri, sizeof iri);
    if (d->quality)
        cJSON_AddStringToObject(ext, iri, d->quality);
    else
        cJSON_AddNullToObject(ext, iri);
    extension_iri(x, "empathy-effect", iri, sizeof iri);
    cJSON_AddNumberToObject(ext, iri, d->empathy);
    extension_iri(x, "resolution-effect", iri, sizeof iri);
    cJSON_AddNumberToObject(ext, iri, d->resolution);
    extension_iri(x, "mood-effect", iri, sizeof iri);
    cJSON_AddNumberToObject(ext, iri, d->mood);
    extension_iri(x, "timed-out", iri, sizeof iri);
    cJSON_AddBoolToObject(ext, iri, d->timed_out);
    cJSON_AddItemToObject(s, "context", context_json(x, r, true));
    return s;
}

int rp_xapi_closing_kinds(bool complete, bool passed, const char *kinds[2])
{
    if (!complete)
        return 0;                         /* abandoned or unfinished: launched and answered only */
    kinds[0] = "completed";
    kinds[1] = passed ? "passed" : "failed";
    return 2;
}

cJSON *rp_report_xapi(rp_store *st, const rp_record_list *l, const rp_xapi_options *o, char *err, size_t errsize)
{
    xapi_ctx x = { 0 };
    rp_xapi_options none = { 0 };
    if (o == NULL)
        o = &none;
    const char *base = o->base && *o->base ? o->base : getenv("RAPPORT_XAPI_BASE");
    if (base == NULL || *base == '\0')
        base = DEFAULT_BASE;
    x.homepage = o->homepage && *o->homepage ? o->homepage : getenv("RAPPORT_XAPI_HOMEPAGE");
    if (x.homepage == NULL || *x.homepage == '\0')
        x.homepage = DEFAULT_HOMEPAGE;
    const char *checks[2] = { base, x.homepage };
    for (int i = 0; i < 2; i++) {
        const char *p = checks[i];
        size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
        if (n == 0 || p[n] != ':' || strpbrk(p, " \t\r\n\"<>") != NULL) {
            snprintf(err, errsize, "%s '%s' is not an IRI: give one like https://lms.example.com/rapport",
                     i == 0 ? "the xAPI base" : "the xAPI homePage (RAPPORT_XAPI_HOMEPAGE)", p);
            return NULL;
        }
    }
    snprintf(x.base, sizeof x.base, "%s", base);
    for (size_t n = strlen(x.base); n > 0 && x.base[n - 1] == '/'; n--)
        x.base[n - 1] = '\0';
    x.pseudonymous = o->pseudonymous;
    if (x.pseudonymous) {
        if (st == NULL || !st->has_key) {
            snprintf(err, errsize, "--pseudonymous needs the seal key %s (names are hashed with it, so "
                     "they stay stable but cannot be reversed); restore it, or leave out --pseudonymous",
                     st ? st->key_path : "beside the records file");
            return NULL;
        }
        crypto_auth_hmacsha256_state m;
        unsigned char k[crypto_auth_hmacsha256_BYTES];
        crypto_auth_hmacsha256_init(&m, st->key, sizeof st->key);
        crypto_auth_hmacsha256_update(&m, (const unsigned char *)"rapport-xapi-pseudonym-v1", 25);
        crypto_auth_hmacsha256_final(&m, k);
        memcpy(x.pseudo_key, k, sizeof x.pseudo_key);
        sodium_memzero(k, sizeof k);
    }

    cJSON *all = cJSON_CreateArray();
    for (int i = 0; i < l->n; i++) {
        const rp_record *r = &l->items[i];
        cJSON *s = statement(&x, r, "launched", 0, "launched", r->started);
        cJSON_AddItemToObject(s, "object", scenario_activity(&x, r));
        cJSON_AddItemToObject(s, "context", context_json(&x, r, false));
        cJSON_AddItemToArray(all, s);
        for (int j = 0; r->decisions && j < r->n_decisions; j++)
            cJSON_AddItemToArray(all, answered(&x, r, &r->decisions[j]));
        const char *kinds[2];
        int n_kinds = rp_xapi_closing_kinds(r->status == RP_REC_COMPLETE, r->passed, kinds);
        const char *ended = r->ended[0] ? r->ended : r->started;
        for (int k = 0; k < n_kinds; k++) {
            s = statement(&x, r, kinds[k], 0, kinds[k], ended);
            cJSON_AddItemToObject(s, "object", scenario_activity(&x, r));
            cJSON_AddItemToObject(s, "result", session_result(&x, r));
            cJSON_AddItemToObject(s, "context", context_json(&x, r, false));
            cJSON_AddItemToArray(all, s);
        }
    }
    sodium_memzero(x.pseudo_key, sizeof x.pseudo_key);
    return all;
}
