/*
 * scenario_load.c - turns a trainer's Lua file into an rp_scenario.
 *
 * The file runs once, inside the sandbox, with three functions in scope:
 * `scenario { ... }`, `node "id" { ... }` and `ending "id" { ... }`, which
 * only collect their tables. The tables are then read (raw access only, so
 * no script code runs) into the C model, checking every field, and every
 * problem becomes a diagnostic with the line the source map found for it.
 * Functions (`when`, `go`) stay in the Lua state as registry references.
 */
#include "scenario.h"
#include "session.h"
#include "sandbox.h"
#include "source_map.h"
#include "util.h"

#include <lauxlib.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RP_MAX_FILE (1u << 20)      /* 1 MB: scenarios are a few KB */

const char *const rp_dim_names[RP_NDIMS] = { "empathy", "resolution", "choices" };

static const char *const quality_names[] = { "harmful", "poor", "good", "best" };

const char *rp_quality_name(rp_quality q)
{
    return (q >= RP_Q_HARMFUL && q <= RP_Q_BEST) ? quality_names[q] : "good";
}

int rp_quality_parse(const char *s, rp_quality *out)
{
    for (int q = RP_Q_HARMFUL; q <= RP_Q_BEST; q++)
        if (strcmp(s, quality_names[q]) == 0) {
            *out = (rp_quality)q;
            return 0;
        }
    return -1;
}

bool rp_value_equal(const rp_value *a, const rp_value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case RP_VAL_NIL: return true;
    case RP_VAL_BOOL: return a->b == b->b;
    case RP_VAL_NUMBER: return a->n == b->n;
    case RP_VAL_STRING: return strcmp(a->s, b->s) == 0;
    }
    return false;
}

/* ---- diagnostics ---------------------------------------------------- */

void rp_diags_add(rp_diags *d, rp_severity sev, const char *file, int line, const char *fmt, ...)
{
    if (d == NULL)
        return;
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->items = realloc(d->items, sizeof *d->items * (size_t)d->cap);
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rp_diag *g = &d->items[d->n++];
    g->severity = sev;
    g->file = strdup(file ? file : "?");
    g->line = line;
    g->message = strdup(msg);
    rp_lua_printable(g->file);             /* both end up on a terminal */
    rp_lua_printable(g->message);
}

int rp_diags_errors(const rp_diags *d)
{
    int n = 0;
    for (int i = 0; d && i < d->n; i++)
        n += d->items[i].severity == RP_ERROR;
    return n;
}

void rp_diags_free(rp_diags *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

char *rp_diag_format(const rp_diag *g, char *buf, size_t size)
{
    const char *sev = g->severity == RP_ERROR ? "error" : "warning";
    if (g->line > 0)
        snprintf(buf, size, "%s:%d: %s: %s", g->file, g->line, sev, g->message);
    else
        snprintf(buf, size, "%s: %s: %s", g->file, sev, g->message);
    return buf;
}

/* ---- the loader's state ---------------------------------------------- */

typedef struct {
    rp_scenario *sc;
    rp_arena *arena;
    rp_diags *diags;
    rp_diags own;                 /* used when the caller passed none */
    const char *file;
    rp_srcmap map;
    lua_State *L;
    int collector;                /* stack index of the collector table */
    int n_errors;
} loader;

static void diag(loader *ld, rp_severity sev, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void diag(loader *ld, rp_severity sev, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rp_diags_add(ld->diags, sev, ld->file, line, "%s", msg);
    if (sev == RP_ERROR)
        ld->n_errors++;
}

/*
 * Splits a Lua message "file:line: text" into a diagnostic. Lua shortens
 * long chunk names to "...tail", so a tail of the file name counts too.
 */
static void diag_lua(loader *ld, const char *msg)
{
    if (msg == NULL)
        msg = "the script failed with an error that is not text";
    size_t fl = strlen(ld->file), prefix = 0;
    if (strncmp(msg, ld->file, fl) == 0 && msg[fl] == ':') {
        prefix = fl;
    } else if (strncmp(msg, "...", 3) == 0) {
        const char *colon = strchr(msg + 3, ':');
        size_t tail = colon ? (size_t)(colon - msg - 3) : 0;
        if (tail > 0 && tail <= fl && strncmp(ld->file + fl - tail, msg + 3, tail) == 0)
            prefix = tail + 3;
    }
    if (prefix > 0) {
        char *end;
        long line = strtol(msg + prefix + 1, &end, 10);
        if (end != msg + prefix + 1 && end[0] == ':' && end[1] == ' ' && line >= 0 && line < INT_MAX) {
            diag(ld, RP_ERROR, (int)line, "%s", end + 2);
            return;
        }
    }
    diag(ld, RP_ERROR, 0, "%s", msg);
}

/* ---- the functions a scenario file calls ------------------------------ */

static int current_line(lua_State *L)
{
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
        return ar.currentline;
    return 0;
}

/* collector = { scenario = tbl, scenario_line = n, decls = { {kind, id, tbl, line}... } } */
static int f_scenario(lua_State *L)
{
    if (!lua_istable(L, 1))
        return luaL_error(L, "scenario needs a table: scenario { id = \"...\", title = \"...\" }");
    lua_getfield(L, lua_upvalueindex(1), "scenario_line");
    if (!lua_isnil(L, -1))
        return luaL_error(L, "scenario is declared twice (first at line %d); one scenario per file",
                          (int)lua_tointeger(L, -1));
    lua_pushinteger(L, current_line(L));
    lua_setfield(L, lua_upvalueindex(1), "scenario_line");
    lua_pushvalue(L, 1);
    lua_setfield(L, lua_upvalueindex(1), "scenario");
    return 0;
}

static int f_decl_body(lua_State *L)
{
    const char *kind = lua_tostring(L, lua_upvalueindex(2));
    const char *id = lua_tostring(L, lua_upvalueindex(3));
    if (!lua_istable(L, 1))
        return luaL_error(L, "%s \"%s\" needs a table: %s \"%s\" { ... }", kind, id, kind, id);
    lua_getfield(L, lua_upvalueindex(1), "decls");
    lua_createtable(L, 4, 0);
    lua_pushvalue(L, lua_upvalueindex(2)); lua_rawseti(L, -2, 1);
    lua_pushvalue(L, lua_upvalueindex(3)); lua_rawseti(L, -2, 2);
    lua_pushvalue(L, 1);                   lua_rawseti(L, -2, 3);
    lua_pushvalue(L, lua_upvalueindex(4)); lua_rawseti(L, -2, 4);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    /* no longer pending */
    lua_getfield(L, lua_upvalueindex(1), "pending");
    lua_pushnil(L);
    lua_rawseti(L, -2, lua_tointeger(L, lua_upvalueindex(5)));
    return 0;
}

static int f_decl(lua_State *L)
{
    const char *kind = lua_tostring(L, lua_upvalueindex(2));
    if (lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, "%s needs an id in quotes: %s \"greeting\" { ... }", kind, kind);
    size_t idlen;
    const char *idtext = lua_tolstring(L, 1, &idlen);
    if (idlen == 0)
        return luaL_error(L, "%s id is empty; give it a name such as %s \"greeting\"", kind, kind);
    /* Ids end up in C strings, messages, graphs and records: plain text only. */
    for (size_t i = 0; i < idlen; i++)
        if ((unsigned char)idtext[i] < 0x20 || idtext[i] == 0x7F)
            return luaL_error(L, "%s id has a control character (byte %d); use letters, digits and '-'",
                              kind, (int)(unsigned char)idtext[i]);
    if (rp_utf8_invalid_at(idtext, idlen) >= 0)
        return luaL_error(L, "%s id is not valid UTF-8; use letters, digits and '-'", kind);
    int line = current_line(L);
    /* Remember it as pending until its body arrives. */
    lua_getfield(L, lua_upvalueindex(1), "pending");
    lua_Integer slot = (lua_Integer)lua_rawlen(L, -1) + 1;
    luaL_where(L, 1);
    lua_pushfstring(L, "%s \"%s\" has no body: write %s \"%s\" { ... }",
                    kind, lua_tostring(L, 1), kind, lua_tostring(L, 1));
    lua_concat(L, 2);
    lua_rawseti(L, -2, slot);
    lua_pop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushvalue(L, 1);
    lua_pushinteger(L, line);
    lua_pushinteger(L, slot);
    lua_pushcclosure(L, f_decl_body, 5);
    return 1;
}

/* Reading an undefined global is almost always a typo: say so. */
static int f_env_index(lua_State *L)
{
    const char *name = lua_tostring(L, 2);
    static const char *const known[] = { "scenario", "node", "ending", "string", "table",
                                         "math", "pairs", "ipairs", "tostring", "tonumber" };
    const char *near = name ? rp_did_you_mean(name, known, (int)(sizeof known / sizeof *known)) : NULL;
    if (name && (strcmp(name, "io") == 0 || strcmp(name, "os") == 0 ||
                 strcmp(name, "debug") == 0 || strcmp(name, "package") == 0 ||
                 strcmp(name, "require") == 0 || strcmp(name, "dofile") == 0 ||
                 strcmp(name, "loadfile") == 0))
        return luaL_error(L, "'%s' is not available in scenarios (they run in a sandbox)", name);
    if (near)
        return luaL_error(L, "'%s' is not defined (did you mean '%s'?)", name, near);
    return luaL_error(L, "'%s' is not defined", name ? name : "?");
}

/* ---- reading tables into the model -------------------------------------- */

static const char *type_words(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: return "text";
    case LUA_TNUMBER: return "a number";
    case LUA_TBOOLEAN: return "true/false";
    case LUA_TTABLE: return "a table";
    case LUA_TFUNCTION: return "a function";
    case LUA_TNIL: return "nil";
    default: return lua_typename(L, lua_type(L, idx));
    }
}

/* Pushes t[key] (raw). */
static int rawfield(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, t < 0 ? t - 1 : t);
}

static bool is_known(const char *key, const char *const *known)
{
    for (int i = 0; known[i]; i++)
        if (strcmp(key, known[i]) == 0)
            return true;
    return false;
}

/* Warns about string keys that are not in `known`; integer keys are allowed when allow_array. */
static void check_keys(loader *ld, int t, int src, const char *what, const char *const *known,
                       int fallback_line, bool allow_array)
{
    lua_State *L = ld->L;
    int n_known = 0;
    while (known[n_known]) n_known++;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *key = lua_tostring(L, -1);
            if (!is_known(key, known)) {
                int line = rp_srcmap_key_line(&ld->map, src, key, fallback_line);
                const char *near = rp_did_you_mean(key, known, n_known);
                if (near)
                    diag(ld, RP_WARNING, line, "unknown key '%s' in %s (did you mean '%s'?)", key, what, near);
                else
                    diag(ld, RP_WARNING, line, "unknown key '%s' in %s; it is ignored", key, what);
            }
        } else if (!(allow_array && lua_isinteger(L, -1))) {
            diag(ld, RP_WARNING, fallback_line, "a key that is %s in %s is ignored; keys are names",
                 type_words(L, -1), what);
        }
    }
}

/*
 * Reads an optional text field. Returns the arena copy, or NULL when absent
 * or wrong (wrong is reported).
 */
/*
 * The offset of the first control character in valid UTF-8 text s (C0 but
 * tab, newline and carriage return; DEL; C1, U+0080..U+009F), or -1. Text is
 * shown in a terminal by `play --text` and `run`: an escape sequence there
 * would drive the trainee's terminal.
 */
static long control_at(const char *s, size_t len, unsigned *code)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r') || u[i] == 0x7F) {
            *code = u[i];
            return (long)i;
        }
        if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F) {
            *code = u[i + 1];
            return (long)i;
        }
    }
    return -1;
}

static const char *text_field(loader *ld, int t, int src, const char *key, const char *what, int fallback)
{
    lua_State *L = ld->L;
    const char *out = NULL;
    int type = rawfield(L, t, key);
    const char *problem = NULL;         /* the line is looked up only for a message: most fields are fine */
    char msg[160];
    if (type == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        long bad;
        unsigned code;
        if (strlen(s) != len) {
            problem = "contains a NUL byte (\\0); remove it";
        } else if ((bad = rp_utf8_invalid_at(s, len)) >= 0) {
            snprintf(msg, sizeof msg, "is not valid UTF-8 (byte 0x%02X at offset %ld); save the file as UTF-8",
                     (unsigned char)s[bad], bad);
            problem = msg;
        } else if ((bad = control_at(s, len, &code)) >= 0) {
            snprintf(msg, sizeof msg, "contains the control character U+%04X at offset %ld; remove it "
                     "(write line breaks as \\n)", code, bad);
            problem = msg;
        } else {
            out = rp_arena_strndup(ld->arena, s, len);
        }
    } else if (type != LUA_TNIL) {
        snprintf(msg, sizeof msg, "should be text in quotes, not %s", type_words(L, -1));
        problem = msg;
    }
    if (problem)
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, key, fallback), "%s '%s' %s", what, key, problem);
    lua_pop(L, 1);
    return out;
}

/* Reads an optional number field into *out; returns true when present and valid. */
static bool number_field(loader *ld, int t, int src, const char *key, const char *what,
                         int fallback, double *out)
{
    lua_State *L = ld->L;
    int type = rawfield(L, t, key);
    bool ok = false;
    if (type == LUA_TNUMBER) {
        double v = lua_tonumber(L, -1);
        if (isfinite(v)) {
            *out = v;
            ok = true;
        } else {
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, key, fallback),
                 "%s '%s' must be a finite number", what, key);
        }
    } else if (type != LUA_TNIL) {
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, key, fallback),
             "%s '%s' should be a number, not %s", what, key, type_words(L, -1));
    }
    lua_pop(L, 1);
    return ok;
}

/* go = "id" | function: fills *name / *ref. */
static void go_field(loader *ld, int t, int src, const char *key, const char *what, int fallback,
                     const char **name, int *ref)
{
    lua_State *L = ld->L;
    int type = rawfield(L, t, key);
    *name = NULL;
    *ref = RP_NO_REF;
    if (type == LUA_TFUNCTION) {
        *ref = luaL_ref(L, LUA_REGISTRYINDEX);
        return;
    }
    if (type == LUA_TSTRING)
        *name = rp_arena_strdup(ld->arena, lua_tostring(L, -1));
    else if (type != LUA_TNIL)
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, key, fallback),
             "%s '%s' should be a node id in quotes or a function, not %s", what, key, type_words(L, -1));
    lua_pop(L, 1);
}

/* ---- node ids ----------------------------------------------------------- */

static unsigned hash_str(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The id index: open addressing, sized for every declaration, filled as nodes are added. */
static void index_init(loader *ld, int capacity)
{
    rp_scenario *sc = ld->sc;
    sc->n_node_slots = 16;
    while (sc->n_node_slots < capacity * 2)
        sc->n_node_slots *= 2;
    sc->node_slots = malloc(sizeof(int) * (size_t)sc->n_node_slots);
    for (int i = 0; i < sc->n_node_slots; i++)
        sc->node_slots[i] = -1;
}

static void index_add(loader *ld, int i)
{
    rp_scenario *sc = ld->sc;
    unsigned mask = (unsigned)(sc->n_node_slots - 1);
    unsigned h = hash_str(sc->nodes[i].id) & mask;
    while (sc->node_slots[h] >= 0)
        h = (h + 1) & mask;
    sc->node_slots[h] = i;
}

int rp_scenario_find_node(const rp_scenario *sc, const char *id)
{
    if (sc->n_node_slots == 0)
        return -1;
    unsigned mask = (unsigned)(sc->n_node_slots - 1);
    for (unsigned h = hash_str(id) & mask; sc->node_slots[h] >= 0; h = (h + 1) & mask)
        if (strcmp(sc->nodes[sc->node_slots[h]].id, id) == 0)
            return sc->node_slots[h];
    return -1;
}

static void sha256_hex(const char *buf, size_t len, char out[65]);

const char *rp_scenario_hash(const rp_scenario *sc)
{
    rp_scenario *m = (rp_scenario *)sc;      /* a cache, filled once */
    if (m->hash[0] == '\0' && m->source) {
        sha256_hex(m->source, m->source_len, m->hash);
        free(m->source);
        m->source = NULL;
    }
    return m->hash;
}

int rp_scenario_find_var(const rp_scenario *sc, const char *name)
{
    for (int i = 0; i < sc->n_vars; i++)
        if (strcmp(sc->vars[i], name) == 0)
            return i;
    return -1;
}

static int intern_var(loader *ld, const char *name)
{
    rp_scenario *sc = ld->sc;
    int i = rp_scenario_find_var(sc, name);
    if (i >= 0)
        return i;
    sc->vars = realloc(sc->vars, sizeof *sc->vars * (size_t)(sc->n_vars + 1));
    sc->vars[sc->n_vars] = rp_arena_strdup(ld->arena, name);
    return sc->n_vars++;
}

/* Resolves a static target, reporting unknown ids with a suggestion. */
static int resolve(loader *ld, const char *target, int line, const char *what)
{
    if (target == NULL)
        return -1;
    int i = rp_scenario_find_node(ld->sc, target);
    if (i >= 0)
        return i;
    const char **ids = malloc(sizeof *ids * (size_t)(ld->sc->n_nodes + 1));
    for (int k = 0; k < ld->sc->n_nodes; k++)
        ids[k] = ld->sc->nodes[k].id;
    const char *near = rp_did_you_mean(target, ids, ld->sc->n_nodes);
    if (near)
        diag(ld, RP_ERROR, line, "%s goes to '%s', which is not a node or ending (did you mean '%s'?)",
             what, target, near);
    else
        diag(ld, RP_ERROR, line, "%s goes to '%s', which is not a node or ending", what, target);
    free(ids);
    return -1;
}

/* ---- scenario header ----------------------------------------------------- */

static const char *const scenario_keys[] = {
    "id", "title", "audience", "summary", "setting", "difficulty", "minutes", "pass_mark",
    "weights", "customer", "start", "version", NULL
};
static const char *const customer_keys[] = {
    "name", "role", "department", "mood", "portrait", "look", NULL
};
static const char *const look_keys[] = {
    "skin", "hair", "hair_colour", "hair_color", "glasses", "beard", NULL
};
static const char *const weight_keys[] = { "empathy", "resolution", "choices", NULL };
static const char *const node_keys[] = { "narration", "say", "go", "time_limit", "on_timeout", NULL };
static const char *const ending_keys[] = { "say", "narration", "outcome", "debrief", "pass", NULL };
static const char *const choice_keys[] = {
    "go", "quality", "empathy", "resolution", "mood", "set", "when", "feedback", NULL
};

static bool valid_id(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

static bool bool_field(loader *ld, int t, int src, const char *key, const char *what, int fallback, bool *out)
{
    lua_State *L = ld->L;
    int type = rawfield(L, t, key);
    bool present = false;
    if (type == LUA_TBOOLEAN) {
        *out = lua_toboolean(L, -1);
        present = true;
    } else if (type != LUA_TNIL) {
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, key, fallback),
             "%s '%s' should be true or false, not %s", what, key, type_words(L, -1));
    }
    lua_pop(L, 1);
    return present;
}

static void read_customer(loader *ld, int t, int src, int line)
{
    lua_State *L = ld->L;
    rp_scenario *sc = ld->sc;
    check_keys(ld, t, src, "customer", customer_keys, line, false);
    sc->customer.name = text_field(ld, t, src, "name", "customer", line);
    sc->customer.role = text_field(ld, t, src, "role", "customer", line);
    sc->customer.department = text_field(ld, t, src, "department", "customer", line);
    sc->customer.portrait = text_field(ld, t, src, "portrait", "customer", line);
    if (sc->customer.name == NULL) {
        diag(ld, RP_WARNING, line, "the customer has no name; the window will say \"Customer\"");
        sc->customer.name = "Customer";
    }
    double mood = 0;
    if (number_field(ld, t, src, "mood", "customer", line, &mood)) {
        if (mood < RP_MOOD_MIN || mood > RP_MOOD_MAX) {
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "mood", line),
                 "customer 'mood' is %g; it runs from -3 (furious) to 3 (delighted)", mood);
            mood = mood < RP_MOOD_MIN ? RP_MOOD_MIN : RP_MOOD_MAX;
        }
    }
    sc->customer.mood = mood;
    if (rawfield(L, t, "look") == LUA_TTABLE) {
        int lt = lua_gettop(L);
        int lsrc = rp_srcmap_key_table(&ld->map, src, "look");
        int lline = rp_srcmap_key_line(&ld->map, src, "look", line);
        check_keys(ld, lt, lsrc, "look", look_keys, lline, false);
        rp_look *lk = &sc->customer.look;
        lk->skin = text_field(ld, lt, lsrc, "skin", "look", lline);
        lk->hair = text_field(ld, lt, lsrc, "hair", "look", lline);
        lk->hair_colour = text_field(ld, lt, lsrc, "hair_colour", "look", lline);
        if (lk->hair_colour == NULL)
            lk->hair_colour = text_field(ld, lt, lsrc, "hair_color", "look", lline);
        bool_field(ld, lt, lsrc, "glasses", "look", lline, &lk->glasses);
        bool_field(ld, lt, lsrc, "beard", "look", lline, &lk->beard);
        sc->customer.has_look = true;
    } else if (!lua_isnil(L, -1)) {
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "look", line),
             "customer 'look' should be a table, e.g. look = { hair = \"short\" }");
    }
    lua_pop(L, 1);
}

static void read_header(loader *ld, int t, int line)
{
    lua_State *L = ld->L;
    rp_scenario *sc = ld->sc;
    int src = rp_srcmap_call(&ld->map, "scenario", NULL, 0);
    check_keys(ld, t, src, "scenario", scenario_keys, line, false);

    sc->id = text_field(ld, t, src, "id", "scenario", line);
    if (sc->id == NULL) {
        diag(ld, RP_ERROR, line, "the scenario has no 'id' (e.g. id = \"late-refund\")");
        sc->id = "";
    } else if (!valid_id(sc->id)) {
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "id", line),
             "scenario id '%s' may use only lowercase letters, digits and '-'", sc->id);
    }
    sc->title = text_field(ld, t, src, "title", "scenario", line);
    bool has_title = rawfield(L, t, "title") != LUA_TNIL;
    lua_pop(L, 1);
    if (sc->title == NULL && has_title) {
        sc->title = sc->id;                  /* the error about it is already said */
    } else if (sc->title == NULL) {
        diag(ld, RP_WARNING, line, "the scenario has no 'title'; the list will show its id");
        sc->title = sc->id;
    }
    sc->summary = text_field(ld, t, src, "summary", "scenario", line);
    sc->setting = text_field(ld, t, src, "setting", "scenario", line);
    if (sc->setting == NULL)
        sc->setting = "office";
    sc->audience = text_field(ld, t, src, "audience", "scenario", line);
    if (sc->audience == NULL) {
        diag(ld, RP_WARNING, line, "the scenario has no 'audience'; taken as \"external\"");
        sc->audience = "external";
    } else if (strcmp(sc->audience, "external") != 0 && strcmp(sc->audience, "internal") != 0) {
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "audience", line),
             "audience is '%s'; it must be \"external\" or \"internal\"", sc->audience);
    }
    /* version: text or a number, stored with every record */
    int vt = rawfield(L, t, "version");
    if (vt == LUA_TNUMBER || vt == LUA_TSTRING)
        sc->version = rp_arena_strdup(ld->arena, lua_tostring(L, -1));
    else if (vt != LUA_TNIL)
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "version", line),
             "scenario 'version' should be a number or text");
    lua_pop(L, 1);

    double v;
    sc->difficulty = 1;
    if (number_field(ld, t, src, "difficulty", "scenario", line, &v)) {
        if (v != 1 && v != 2 && v != 3)
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "difficulty", line),
                 "difficulty is %g; use 1 (easy), 2 or 3 (hard)", v);
        else
            sc->difficulty = (int)v;
    }
    sc->minutes = 0;
    if (number_field(ld, t, src, "minutes", "scenario", line, &v)) {
        if (v <= 0 || v > 600 || v != floor(v))
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "minutes", line),
                 "minutes is %g; give a whole number of minutes, 1 or more", v);
        else
            sc->minutes = (int)v;
    }
    sc->pass_mark = 70;
    sc->line = line;
    sc->pass_mark_line = rp_srcmap_key_line(&ld->map, src, "pass_mark", line);
    if (number_field(ld, t, src, "pass_mark", "scenario", line, &v)) {
        if (v < 0 || v > 100)
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "pass_mark", line),
                 "pass_mark is %g; it is a score from 0 to 100", v);
        else
            sc->pass_mark = v;
    }
    for (int d = 0; d < RP_NDIMS; d++)
        sc->weights[d] = 1;
    int wt = rawfield(L, t, "weights");
    if (wt == LUA_TTABLE) {
        int wi = lua_gettop(L);
        int wsrc = rp_srcmap_key_table(&ld->map, src, "weights");
        int wline = rp_srcmap_key_line(&ld->map, src, "weights", line);
        check_keys(ld, wi, wsrc, "weights", weight_keys, wline, false);
        for (int d = 0; d < RP_NDIMS; d++)
            if (number_field(ld, wi, wsrc, rp_dim_names[d], "weights", wline, &v)) {
                if (v < 0)
                    diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, wsrc, rp_dim_names[d], wline),
                         "weight '%s' is %g; weights are 0 or more (0 leaves the dimension out)",
                         rp_dim_names[d], v);
                else
                    sc->weights[d] = v;
            }
    } else if (wt != LUA_TNIL) {
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "weights", line),
             "'weights' should be a table, e.g. weights = { empathy = 2 }");
    }
    lua_pop(L, 1);

    int ct = rawfield(L, t, "customer");
    if (ct == LUA_TTABLE) {
        read_customer(ld, lua_gettop(L), rp_srcmap_key_table(&ld->map, src, "customer"),
                      rp_srcmap_key_line(&ld->map, src, "customer", line));
    } else {
        if (ct != LUA_TNIL)
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "customer", line),
                 "'customer' should be a table, e.g. customer = { name = \"Dana\" }");
        else
            diag(ld, RP_WARNING, line, "the scenario has no 'customer'; add customer = { name = \"...\" }");
        sc->customer.name = "Customer";
    }
    lua_pop(L, 1);
}

/* ---- nodes and choices ------------------------------------------------------ */

static void read_set(loader *ld, rp_choice *c, int t, int src, int line)
{
    lua_State *L = ld->L;
    int type = rawfield(L, t, "set");
    int sline = rp_srcmap_key_line(&ld->map, src, "set", line);
    if (type == LUA_TTABLE) {
        int st = lua_gettop(L);
        int n = 0;
        lua_pushnil(L);
        while (lua_next(L, st) != 0) { n++; lua_pop(L, 1); }
        c->set = calloc((size_t)n + 1, sizeof *c->set);
        lua_pushnil(L);
        while (lua_next(L, st) != 0) {
            if (lua_type(L, -2) != LUA_TSTRING) {
                diag(ld, RP_ERROR, sline, "'set' takes names: set = { refund_released = true }");
                lua_pop(L, 1);
                continue;
            }
            rp_assign *a = &c->set[c->n_set];
            a->var = intern_var(ld, lua_tostring(L, -2));
            switch (lua_type(L, -1)) {
            case LUA_TBOOLEAN: a->value.kind = RP_VAL_BOOL; a->value.b = lua_toboolean(L, -1); break;
            case LUA_TNUMBER: a->value.kind = RP_VAL_NUMBER; a->value.n = lua_tonumber(L, -1); break;
            case LUA_TSTRING: {
                /* {name} puts the value into text: it must be text too */
                size_t len;
                const char *v = lua_tolstring(L, -1, &len);
                unsigned code;
                if (strlen(v) != len || rp_utf8_invalid_at(v, len) >= 0 || control_at(v, len, &code) >= 0) {
                    diag(ld, RP_ERROR, sline, "set '%s' is not plain UTF-8 text (a NUL byte, a control character "
                         "or a bad byte); use letters, digits and punctuation", lua_tostring(L, -2));
                    lua_pop(L, 1);
                    continue;
                }
                a->value.kind = RP_VAL_STRING;
                a->value.s = rp_arena_strndup(ld->arena, v, len);
                break;
            }
            default:
                diag(ld, RP_ERROR, sline, "set '%s' to true/false, a number or text, not %s",
                     lua_tostring(L, -2), type_words(L, -1));
                lua_pop(L, 1);
                continue;
            }
            c->n_set++;
            lua_pop(L, 1);
        }
    } else if (type != LUA_TNIL) {
        diag(ld, RP_ERROR, sline, "'set' should be a table, e.g. set = { apologised = true }");
    }
    lua_pop(L, 1);
}

static void read_choice(loader *ld, rp_node *nd, int k, int t, int src, int line)
{
    lua_State *L = ld->L;
    rp_choice *c = &nd->choices[k];
    c->line = line;
    c->go_ref = c->when_ref = RP_NO_REF;
    c->go_node = -1;
    c->quality = RP_Q_GOOD;
    char what[64];
    snprintf(what, sizeof what, "choice %d", k + 1);

    check_keys(ld, t, src, what, choice_keys, line, true);
    int type = lua_rawgeti(L, t, 1);
    if (type == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        long bad;
        unsigned code;
        if (strlen(s) != len)
            diag(ld, RP_ERROR, line, "%s: the text contains a NUL byte (\\0); remove it", what);
        else if ((bad = rp_utf8_invalid_at(s, len)) >= 0)
            diag(ld, RP_ERROR, line, "%s: the text is not valid UTF-8 (byte 0x%02X at offset %ld); save the file as UTF-8",
                 what, (unsigned char)s[bad], bad);
        else if ((bad = control_at(s, len, &code)) >= 0)
            diag(ld, RP_ERROR, line, "%s: the text contains the control character U+%04X at offset %ld; remove it",
                 what, code, bad);
        else if (len == 0)
            diag(ld, RP_ERROR, line, "%s of node '%s' has empty text", what, nd->id);
        c->text = rp_arena_strndup(ld->arena, s, len);
    } else if (type == LUA_TNIL) {
        diag(ld, RP_ERROR, line, "%s of node '%s' has no text; put it first: { \"What the trainee says\", ... }",
             what, nd->id);
        c->text = "";
    } else {
        diag(ld, RP_ERROR, line, "%s: the text should be in quotes, not %s", what, type_words(L, -1));
        c->text = "";
    }
    lua_pop(L, 1);
    for (lua_Integer extra = 2; lua_rawgeti(L, t, extra) != LUA_TNIL; extra++) {
        diag(ld, RP_WARNING, line, "%s has more than one text (item %d); only the first is used",
             what, (int)extra);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    const char *q = text_field(ld, t, src, "quality", what, line);
    if (q == NULL) {
        lua_pushstring(L, "quality");
        if (lua_rawget(L, t) == LUA_TNIL)
            diag(ld, RP_WARNING, line, "%s of node '%s' has no quality; it counts as \"good\"", what, nd->id);
        lua_pop(L, 1);
    } else if (rp_quality_parse(q, &c->quality) == 0) {
        c->has_quality = true;
    } else {
        const char *near = rp_did_you_mean(q, quality_names, 4);
        diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "quality", line),
             "quality '%s' is not one of best, good, poor, harmful%s%s%s", q,
             near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    }
    number_field(ld, t, src, "empathy", what, line, &c->empathy);
    number_field(ld, t, src, "resolution", what, line, &c->resolution);
    number_field(ld, t, src, "mood", what, line, &c->mood);
    c->feedback = text_field(ld, t, src, "feedback", what, line);
    if (c->feedback == NULL)
        diag(ld, RP_WARNING, line, "%s of node '%s' has no feedback; the debrief will have nothing to teach",
             what, nd->id);
    go_field(ld, t, src, "go", what, line, &c->go, &c->go_ref);
    int wt = rawfield(L, t, "when");
    if (wt == LUA_TFUNCTION) {
        c->when_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else {
        if (wt != LUA_TNIL)
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "when", line),
                 "%s 'when' should be a function, e.g. when = function(s) return s.vars.x end", what);
        lua_pop(L, 1);
    }
    read_set(ld, c, t, src, line);
}

static void read_node(loader *ld, rp_node *nd, int t, int src)
{
    lua_State *L = ld->L;
    int line = nd->line;
    const char *what = nd->is_ending ? "ending" : "node";
    nd->go_ref = RP_NO_REF;
    nd->go_node = nd->timeout_node = -1;
    check_keys(ld, t, src, what, nd->is_ending ? ending_keys : node_keys, line, !nd->is_ending);
    nd->narration = text_field(ld, t, src, "narration", what, line);
    nd->say = text_field(ld, t, src, "say", what, line);
    if (nd->is_ending) {
        nd->outcome = text_field(ld, t, src, "outcome", what, line);
        if (nd->outcome == NULL)
            nd->outcome = nd->id;
        nd->debrief = text_field(ld, t, src, "debrief", what, line);
        bool pass = true;
        bool_field(ld, t, src, "pass", what, line, &pass);
        nd->fails = !pass;
        if (lua_rawlen(L, t) > 0)
            diag(ld, RP_ERROR, line, "ending '%s' has choices; an ending closes the conversation "
                 "(use node \"%s\" for a decision)", nd->id, nd->id);
        return;
    }
    go_field(ld, t, src, "go", what, line, &nd->go, &nd->go_ref);
    double tl = 0;
    if (number_field(ld, t, src, "time_limit", what, line, &tl)) {
        if (tl <= 0)
            diag(ld, RP_ERROR, rp_srcmap_key_line(&ld->map, src, "time_limit", line),
                 "time_limit is %g; give the seconds the trainee has, more than 0", tl);
        else
            nd->time_limit = tl;
    }
    nd->on_timeout = text_field(ld, t, src, "on_timeout", what, line);
    if (nd->time_limit > 0 && nd->on_timeout == NULL) {
        diag(ld, RP_WARNING, rp_srcmap_key_line(&ld->map, src, "time_limit", line),
             "node '%s' has a time_limit but no on_timeout; the timer is ignored", nd->id);
        nd->time_limit = 0;
    }
    if (nd->on_timeout && nd->time_limit == 0 && rawfield(L, t, "time_limit") == LUA_TNIL) {
        diag(ld, RP_WARNING, rp_srcmap_key_line(&ld->map, src, "on_timeout", line),
             "node '%s' has on_timeout but no time_limit; it never times out", nd->id);
        lua_pop(L, 1);
    } else if (nd->on_timeout && nd->time_limit == 0) {
        lua_pop(L, 1);
    }
    int n = (int)lua_rawlen(L, t);
    nd->choices = calloc((size_t)n + 1, sizeof *nd->choices);
    nd->n_choices = n;
    for (int k = 0; k < n; k++) {
        int ctype = lua_rawgeti(L, t, k + 1);
        int cline = rp_srcmap_pos_line(&ld->map, src, k + 1, line);
        if (ctype == LUA_TTABLE) {
            read_choice(ld, nd, k, lua_gettop(L), rp_srcmap_pos_table(&ld->map, src, k + 1), cline);
        } else {
            nd->choices[k].go_ref = nd->choices[k].when_ref = RP_NO_REF;
            nd->choices[k].go_node = -1;
            nd->choices[k].line = cline;
            nd->choices[k].text = NULL;         /* already reported: no further checks */
            if (ctype == LUA_TSTRING)
                diag(ld, RP_ERROR, cline, "choice %d of node '%s' is bare text; wrap it in braces with its "
                     "effects: { \"%s\", quality = \"good\", go = \"...\" }", k + 1, nd->id,
                     lua_tostring(L, -1));
            else
                diag(ld, RP_ERROR, cline, "choice %d of node '%s' should be a table, not %s",
                     k + 1, nd->id, type_words(L, -1));
        }
        lua_pop(L, 1);
    }
    if (n == 0 && nd->go == NULL && nd->go_ref == RP_NO_REF)
        diag(ld, RP_ERROR, line, "node '%s' has neither choices nor 'go'; the conversation would stop here "
             "(make it an ending, or add go = \"...\")", nd->id);
}

/* ---- the whole file ----------------------------------------------------------- */

/* Runs inside lua_pcall so that a memory error cannot escape. */
static int build_model(lua_State *L)
{
    loader *ld = lua_touserdata(L, 1);
    rp_scenario *sc = ld->sc;
    ld->collector = 2;

    lua_getfield(L, 2, "pending");
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        diag_lua(ld, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    int sline = 0;
    lua_getfield(L, 2, "scenario_line");
    sline = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);

    /* Nodes first: the header's `start` and every go need their ids. */
    lua_getfield(L, 2, "decls");
    int decls = lua_gettop(L);
    int n = (int)lua_rawlen(L, decls);
    sc->nodes = calloc((size_t)n + 1, sizeof *sc->nodes);
    int *src = calloc((size_t)n + 1, sizeof(int));
    int *tables = calloc((size_t)n + 1, sizeof(int));
    int cursor = 0;
    index_init(ld, n);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, decls, i);
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        lua_rawgeti(L, -3, 4);
        const char *kind = lua_tostring(L, -3);
        const char *id = lua_tostring(L, -2);
        int line = (int)lua_tointeger(L, -1);
        int dup = rp_scenario_find_node(sc, id);
        int nth = 0;
        for (int k = 0; dup >= 0 && k < i - 1; k++) {    /* only a duplicate has an earlier twin */
            lua_rawgeti(L, decls, k + 1);
            lua_rawgeti(L, -1, 1);
            lua_rawgeti(L, -2, 2);
            if (strcmp(lua_tostring(L, -2), kind) == 0 && strcmp(lua_tostring(L, -1), id) == 0)
                nth++;
            lua_pop(L, 3);
        }
        int s = -1;
        /* declarations usually run in file order: try the next call in the map first */
        while (cursor < ld->map.n_calls && strcmp(ld->map.calls[cursor].kind, "scenario") == 0)
            cursor++;
        if (nth == 0 && cursor < ld->map.n_calls && strcmp(ld->map.calls[cursor].kind, kind) == 0 &&
            ld->map.calls[cursor].id && strcmp(ld->map.calls[cursor].id, id) == 0)
            s = ld->map.calls[cursor++].table;
        else
            s = rp_srcmap_call(&ld->map, kind, id, nth);
        if (dup >= 0) {
            diag(ld, RP_ERROR, line, "duplicate id '%s' (first declared at line %d); every node and ending "
                 "needs its own id", id, sc->nodes[dup].line);
        } else {
            rp_node *nd = &sc->nodes[sc->n_nodes];
            nd->id = rp_arena_strdup(ld->arena, id);
            nd->line = line;
            nd->is_ending = strcmp(kind, "ending") == 0;
            src[sc->n_nodes] = s;
            tables[sc->n_nodes] = i;
            index_add(ld, sc->n_nodes);
            sc->n_nodes++;
        }
        lua_pop(L, 4);
    }

    lua_getfield(L, 2, "scenario");
    if (lua_istable(L, -1)) {
        read_header(ld, lua_gettop(L), sline);
    } else {
        diag(ld, RP_ERROR, 0, "the file has no scenario { ... } block; start with "
             "scenario { id = \"my-scenario\", title = \"...\" }");
        sc->id = sc->title = "";
        sc->audience = "external";
        sc->setting = "office";
        sc->customer.name = "Customer";
        for (int d = 0; d < RP_NDIMS; d++) sc->weights[d] = 1;
        sc->pass_mark = 70;
    }
    int head = lua_gettop(L);

    for (int i = 0; i < sc->n_nodes; i++) {
        lua_rawgeti(L, decls, tables[i]);
        lua_rawgeti(L, -1, 3);
        read_node(ld, &sc->nodes[i], lua_gettop(L), src[i]);
        lua_pop(L, 2);
    }

    /* Resolve targets now that every id is known. */
    bool has_ending = false;
    for (int i = 0; i < sc->n_nodes; i++) {
        rp_node *nd = &sc->nodes[i];
        has_ending |= nd->is_ending;
        nd->go_node = resolve(ld, nd->go, rp_srcmap_key_line(&ld->map, src[i], "go", nd->line),
                              "node's go");
        nd->timeout_node = resolve(ld, nd->on_timeout,
                                   rp_srcmap_key_line(&ld->map, src[i], "on_timeout", nd->line), "on_timeout");
        for (int k = 0; k < nd->n_choices; k++) {
            rp_choice *c = &nd->choices[k];
            char what[48];
            snprintf(what, sizeof what, "choice %d", k + 1);
            c->go_node = resolve(ld, c->go, c->line, what);
            if (c->text != NULL && c->go == NULL && c->go_ref == RP_NO_REF && nd->go == NULL && nd->go_ref == RP_NO_REF)
                diag(ld, RP_ERROR, c->line, "choice %d of node '%s' has no 'go', and the node has none either",
                     k + 1, nd->id);
        }
    }
    if (!has_ending && sc->n_nodes > 0)
        diag(ld, RP_ERROR, 0, "the scenario has no ending; add at least one: ending \"resolved\" { outcome = \"resolved\" }");
    if (sc->n_nodes == 0)
        diag(ld, RP_ERROR, 0, "the scenario has no nodes; add node \"opening\" { say = \"...\", ... }");

    /* start: named, or the first declared */
    lua_settop(L, head);
    sc->start = sc->n_nodes > 0 ? 0 : -1;
    if (lua_istable(L, head)) {
        int ssrc = rp_srcmap_call(&ld->map, "scenario", NULL, 0);
        const char *start = text_field(ld, head, ssrc, "start", "scenario", sline);
        if (start) {
            int line = rp_srcmap_key_line(&ld->map, ssrc, "start", sline);
            int i = rp_scenario_find_node(sc, start);
            if (i < 0)
                resolve(ld, start, line, "start");
            else
                sc->start = i;
        }
    }
    free(src);
    free(tables);
    return 0;
}

static void sha256_hex(const char *buf, size_t len, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)buf, len);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", h[i]);
}

rp_scenario *rp_scenario_load_buffer(const char *buf, size_t len, const char *name, rp_diags *diags)
{
    loader ld = { 0 };
    ld.diags = diags ? diags : &ld.own;
    ld.file = name;
    int errors_before = rp_diags_errors(ld.diags);

    rp_scenario *sc = calloc(1, sizeof *sc);
    ld.sc = sc;
    ld.arena = sc->arena = rp_arena_new();
    sc->start = -1;
    sc->path = rp_arena_strdup(ld.arena, name);
    /* the hash is computed when a record or scorecard first asks for it */
    sc->source = malloc(len + 1);
    memcpy(sc->source, buf, len);
    sc->source_len = len;

    const char *src = buf;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {   /* UTF-8 byte-order mark */
        src += 3;
        len -= 3;
    }
    size_t blank = 0;                      /* buf need not end in a NUL: no strspn */
    while (blank < len && (src[blank] == ' ' || src[blank] == '\t' || src[blank] == '\r' || src[blank] == '\n'))
        blank++;
    if (blank == len) {
        diag(&ld, RP_ERROR, 0, "the file is empty; a scenario starts with scenario { id = \"...\", title = \"...\" }");
        goto fail_early;
    }
    if (src[0] == '\x1b') {
        diag(&ld, RP_ERROR, 0, "this is compiled Lua bytecode; scenarios must be plain Lua text");
        goto fail_early;
    }
    /* A control byte (a NUL, say) means this is not a text file: say so before Lua does. */
    int line = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        line += c == '\n' || (c == '\r' && (i + 1 == len || src[i + 1] != '\n'));   /* as Lua counts */
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) {
            diag(&ld, RP_ERROR, line, "the file has the control byte 0x%02X here, so it is not a text file; "
                 "check that this is the right file, or save it as plain UTF-8 text", c);
            goto fail_early;
        }
    }
    rp_srcmap_build(&ld.map, src, len);

    sc->lua = rp_lua_new();
    if (sc->lua == NULL) {
        diag(&ld, RP_ERROR, 0, "out of memory starting the script sandbox");
        goto fail;
    }
    lua_State *L = ld.L = sc->lua->L;

    /* The collector and the three declaration functions. */
    lua_newtable(L);
    int collector = lua_gettop(L);
    lua_newtable(L); lua_setfield(L, collector, "decls");
    lua_newtable(L); lua_setfield(L, collector, "pending");
    rp_lua_push_env(sc->lua);
    int env = lua_gettop(L);
    lua_pushvalue(L, collector);
    lua_pushcclosure(L, f_scenario, 1);
    lua_setfield(L, env, "scenario");
    static const char *const kinds[] = { "node", "ending" };
    for (int i = 0; i < 2; i++) {
        lua_pushvalue(L, collector);
        lua_pushstring(L, kinds[i]);
        lua_pushcclosure(L, f_decl, 2);
        lua_setfield(L, env, kinds[i]);
    }
    lua_newtable(L);
    lua_pushcfunction(L, f_env_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, env);

    char chunkname[1024];
    snprintf(chunkname, sizeof chunkname, "@%s", name);
    if (luaL_loadbufferx(L, src, len, chunkname, "t") != LUA_OK) {
        diag_lua(&ld, lua_tostring(L, -1));
        goto fail;
    }
    lua_pushvalue(L, env);
    lua_setupvalue(L, -2, 1);              /* _ENV = the sandbox */
    if (rp_lua_pcall(sc->lua, 0, 0, RP_LUA_LOAD_BUDGET) != LUA_OK) {
        diag_lua(&ld, lua_tostring(L, -1));
        goto fail;
    }

    lua_pushcfunction(L, build_model);
    lua_pushlightuserdata(L, &ld);
    lua_pushvalue(L, collector);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        diag(&ld, RP_ERROR, 0, "%s", lua_tostring(L, -1));
        goto fail;
    }
    lua_settop(L, 0);
    rp_srcmap_free(&ld.map);
    if (rp_diags_errors(ld.diags) > errors_before)
        goto fail_late;
    rp_diags_free(&ld.own);
    return sc;

fail:
    rp_srcmap_free(&ld.map);
fail_early:
fail_late:
    rp_scenario_free(sc);
    rp_diags_free(&ld.own);
    return NULL;
}

rp_scenario *rp_scenario_load_file(const char *path, rp_diags *diags)
{
    char err[256];
    size_t len;
    char *buf = rp_read_file(path, RP_MAX_FILE, &len, err, sizeof err);
    if (buf == NULL) {
        rp_diags_add(diags, RP_ERROR, path, 0, "%s", err);
        return NULL;
    }
    rp_scenario *sc = rp_scenario_load_buffer(buf, len, path, diags);
    free(buf);
    return sc;
}

void rp_scenario_free(rp_scenario *sc)
{
    if (sc == NULL)
        return;
    for (int i = 0; i < sc->n_nodes; i++) {
        for (int k = 0; k < sc->nodes[i].n_choices; k++)
            free(sc->nodes[i].choices[k].set);
        free(sc->nodes[i].choices);
    }
    free(sc->nodes);
    free(sc->vars);
    free(sc->node_slots);
    free(sc->source);
    rp_lua_free(sc->lua);
    rp_arena_free(sc->arena);
    free(sc);
}
