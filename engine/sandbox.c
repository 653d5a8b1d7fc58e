/*
 * sandbox.c - the Lua state scenarios run in.
 *
 * What scripts can reach: base functions without dofile/loadfile/require/
 * collectgarbage (only its "count" query), a text-only `load` that defaults
 * to the sandbox's globals, and the string, table, math, utf8 and coroutine
 * libraries, less string.dump. No io, os, debug or package.
 *
 * Limits:
 *   memory   an allocator that refuses past RP_LUA_MEMORY_CAP while a script
 *            runs; the engine keeps ENGINE_RESERVE above it for itself, so
 *            the C side never meets a memory error outside a protected call.
 *   CPU      a count hook that charges every thread (coroutines inherit the
 *            hook from the thread that created them) against one per-call
 *            budget, plus a wall-clock deadline per call, plus totals over
 *            every call into the state. Work done inside C functions is
 *            charged too: every byte allocated (BYTES_PER_INSTRUCTION), the
 *            time a pattern took, the elements table.insert/remove/move/
 *            unpack shift, the bytes load parses and utf8/byte/tonumber/pack
 *            scan, the values a coroutine passes, and the varargs a function
 *            copies around (sampled at each hook, whose interval is random so
 *            that no loop can be timed to dodge it). Once the budget is spent
 *            every further instruction fails.
 *   safety   setmetatable refuses __gc, since finalizers run with hooks off
 *            and could loop for ever; the string metatable is locked;
 *            string.rep of an empty string returns at once instead of
 *            looping; pattern functions refuse calls whose worst case
 *            (pattern_cost) would take more than a fraction of a second in
 *            a single C call, out of reach of the hook.
 *   hooks    the hook stops a script by raising an error, and Lua leaves
 *            hooks off on that thread until a pcall boundary restores them.
 *            Lua code that would run in that window (an xpcall message
 *            handler, our handler's __tostring, the __close variables of a
 *            coroutine that died) could loop for ever, so: xpcall handlers
 *            and __tostring are skipped once the call is stopped, and
 *            coroutine.close / coroutine.wrap never run the __close
 *            variables of a coroutine that died by an error.
 */
#include "sandbox.h"

#include <lauxlib.h>
#include <limits.h>
#include <lualib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_EVERY 1000               /* instructions between budget checks, on average */
#define BYTES_PER_INSTRUCTION 4       /* allocation charged against the budget */
#define SCAN_BYTES_PER_INSTRUCTION 8  /* bytes a C function scans, likewise */
#define FREE_VARARGS 16               /* varargs a function may have without extra charge */
#define VARARGS_PER_INSTRUCTION 4     /* values copied, charged as one instruction */
#define SHALLOW_STACK 200             /* call depth under which the hook interval is re-drawn */
#define ENGINE_RESERVE (1u << 20)     /* headroom above the cap for the engine's own pushes */
#define BIG_ALLOCATION 4096           /* refused at once when the call is out of budget or time */
#define PATTERN_LIMIT 1e8             /* worst-case matcher steps allowed in one call (~0.5 s) */
#define CAPTURE_STEPS 8               /* a capture costs that many simple steps */
#define SECONDS_PER_INSTRUCTION 5e-8  /* a call's deadline: its budget at 20M instructions/s */
#define INSTRUCTIONS_PER_SECOND 2e8   /* time spent in a C function, charged as instructions */
#define MIN_CALL_SECONDS 1.0
#define RESUME_COST 32                /* a resume and its yield, in instructions */
#define FREE_INSTRUCTIONS 1000        /* what a call may spend without counting towards the totals */
#define FREE_SECONDS 0.01

static const char ran_too_long[] = "the script ran too long (an endless loop?)";

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int out_of_time(const rp_lua *lua)
{
    return lua->budget <= 0 || now_seconds() > lua->deadline;
}

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    rp_lua *lua = ud;
    if (ptr == NULL)
        osize = 0;
    if (nsize == 0) {
        free(ptr);
        lua->used -= osize;
        return NULL;
    }
    if (nsize > osize) {
        size_t grow = nsize - osize;
        size_t limit = lua->cap + (lua->running ? 0 : ENGINE_RESERVE);
        if (lua->used > limit || grow > limit - lua->used)
            return NULL;                   /* Lua raises "not enough memory" */
        if (lua->running) {
            /* A big block when the call is out of budget or time: stop now, not at the next hook. */
            if (grow >= BIG_ALLOCATION && out_of_time(lua))
                return NULL;
            lua->budget -= (long)(grow / BYTES_PER_INSTRUCTION);
        }
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL)
        lua->used = lua->used - osize + nsize;
    return p;
}

rp_lua *rp_lua_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

static void budget_hook(lua_State *L, lua_Debug *ar);

/* The call is over its budget or deadline: from now on every instruction of this thread fails. */
static int stop_script(lua_State *L)
{
    rp_lua *lua = rp_lua_of(L);
    if (lua->budget > 0)
        lua->budget = 0;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    if (L != lua->L)                       /* a coroutine: its resumer stops at once too */
        lua_sethook(lua->L, budget_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", ran_too_long);
}

/* The number of varargs of the function running at `ar`: each OP_VARARG copies them all. */
static long count_varargs(lua_State *L, lua_Debug *ar)
{
    long lo = 0, hi = 1;                   /* lo varargs exist; hi is the first probe */
    while (hi < (1L << 30) && lua_getlocal(L, ar, (int)-hi) != NULL) {
        lua_pop(L, 1);
        lo = hi;
        hi *= 2;
    }
    while (hi - lo > 1) {                  /* lo exists, hi does not */
        long mid = lo + (hi - lo) / 2;
        if (lua_getlocal(L, ar, (int)-mid) != NULL) {
            lua_pop(L, 1);
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    rp_lua *lua = rp_lua_of(L);
    int count = lua_gethookcount(L);
    long spent = count;
    /* A function with many varargs may copy them all at every instruction: charge as if it did. */
    if (lua_getinfo(L, "u", ar) && ar->isvararg) {
        long k = count_varargs(L, ar);
        if (k > FREE_VARARGS)
            spent += (long)count * (k / VARARGS_PER_INSTRUCTION);
    }
    lua->budget -= spent;
    if (out_of_time(lua))
        stop_script(L);
    /*
     * The next check comes after a random number of instructions (mean
     * HOOK_EVERY). lua_sethook walks the whole call stack, so only re-arm
     * when it is shallow; deep down, the deadline still holds.
     */
    lua_Debug deep;
    if (!lua_getstack(L, SHALLOW_STACK, &deep)) {
        lua->rng ^= lua->rng << 13;
        lua->rng ^= lua->rng >> 17;
        lua->rng ^= lua->rng << 5;
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY / 2 + (int)(lua->rng % HOOK_EVERY));
    }
}

/*
 * Charges work done in C against the budget, and stops the script when
 * it is spent. [-0, +0, v]
 */
static void charge(lua_State *L, double work)
{
    rp_lua *lua = rp_lua_of(L);
    if (work >= (double)lua->budget || now_seconds() > lua->deadline) {
        stop_script(L);
        return;
    }
    lua->budget -= (long)work;
}

/* Calls the original library function `name` of the table in upvalue 1 with every argument. */
static int call_original(lua_State *L, const char *name)
{
    lua_getfield(L, lua_upvalueindex(1), name);
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* ---- base functions --------------------------------------------------------- */

static int sb_collectgarbage(lua_State *L)
{
    const char *opt = luaL_optstring(L, 1, "collect");
    if (strcmp(opt, "count") == 0) {
        lua_pushnumber(L, (lua_Number)rp_lua_of(L)->used / 1024.0);
        return 1;
    }
    return luaL_error(L, "collectgarbage(\"%s\") is not available in scenarios", opt);
}

static int sb_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        if (lua_getfield(L, 2, "__gc") != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in scenarios");
        lua_pop(L, 1);
    }
    lua_getglobal(L, "\1setmetatable");    /* the original, kept in the real _G */
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int sb_load(lua_State *L)
{
    size_t len;
    const char *chunk = luaL_checklstring(L, 1, &len);  /* no reader functions */
    const char *name = luaL_optstring(L, 2, "=(load)");
    const char *mode = luaL_optstring(L, 3, "t");
    if (strcmp(mode, "t") != 0)
        return luaL_error(L, "load: only text chunks can be loaded in scenarios");
    charge(L, (double)len / SCAN_BYTES_PER_INSTRUCTION);
    if (luaL_loadbufferx(L, chunk, len, name, "t") != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    /* The chunk's _ENV: the given table, or the sandbox's globals. */
    if (!lua_isnoneornil(L, 4))
        lua_pushvalue(L, 4);
    else
        rp_lua_push_env(rp_lua_of(L));
    if (lua_setupvalue(L, -2, 1) == NULL)
        lua_pop(L, 1);
    return 1;
}

static int sb_print(lua_State *L)
{
    (void)L;        /* scenarios have no console; printing is a no-op */
    return 0;
}

/* Functions that scan their string arguments without allocating: charged by length. */
static int scanned(lua_State *L, const char *name)
{
    double bytes = 0;
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += (double)lua_rawlen(L, i);
    charge(L, 1 + bytes / SCAN_BYTES_PER_INSTRUCTION);
    int results = call_original(L, name);
    charge(L, results);                    /* string.byte, utf8.codepoint: one per value pushed */
    return results;
}
static int sb_tonumber(lua_State *L) { return scanned(L, "tonumber"); }
static int sb_byte(lua_State *L) { return scanned(L, "byte"); }
static int sb_utf8_len(lua_State *L) { return scanned(L, "len"); }
static int sb_utf8_offset(lua_State *L) { return scanned(L, "offset"); }
static int sb_utf8_codepoint(lua_State *L) { return scanned(L, "codepoint"); }
static int sb_pack(lua_State *L) { return scanned(L, "pack"); }
static int sb_unpack_string(lua_State *L) { return scanned(L, "unpack"); }
static int sb_packsize(lua_State *L) { return scanned(L, "packsize"); }

/* xpcall's message handler runs while the error is raised: skipped once the call is stopped. */
static int sb_xpcall_handler(lua_State *L)
{
    if (out_of_time(rp_lua_of(L)))
        return 1;                          /* the error as it is */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int finish_call(lua_State *L, int status, lua_KContext ctx)
{
    (void)status;
    (void)ctx;
    return lua_gettop(L);
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, sb_xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1)); /* the original xpcall */
    lua_insert(L, 1);
    lua_callk(L, n, LUA_MULTRET, 0, finish_call);   /* may yield, as xpcall may */
    return finish_call(L, LUA_OK, 0);
}

/* ---- coroutines ------------------------------------------------------------------ */

/* A coroutine that died by an error: its to-be-closed variables are never run. */
static int died(lua_State *co)
{
    int st = lua_status(co);
    return st != LUA_OK && st != LUA_YIELD;
}

static int sb_coclose(lua_State *L)
{
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "coroutine");
    if (!died(co))
        return call_original(L, "close");
    lua_pushboolean(L, 0);
    if (lua_gettop(co) > 0 && lua_checkstack(co, 1)) {
        lua_pushvalue(co, -1);             /* its error */
        lua_xmove(co, L, 1);
    } else {
        lua_pushnil(L);
    }
    return 2;
}

/* The function coroutine.wrap returns: resumes, and raises the coroutine's error without closing it. */
static int sb_wrapped(lua_State *L)
{
    int n = lua_gettop(L);
    charge(L, RESUME_COST);
    lua_pushvalue(L, lua_upvalueindex(2)); /* the original coroutine.resume */
    lua_pushvalue(L, lua_upvalueindex(1)); /* the coroutine */
    lua_rotate(L, 1, 2);
    lua_call(L, n + 1, LUA_MULTRET);
    charge(L, lua_gettop(L));              /* the values it passed back */
    if (lua_toboolean(L, 1))
        return lua_gettop(L) - 1;          /* what it yielded or returned */
    lua_settop(L, 2);
    if (lua_type(L, 2) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int sb_coresume(lua_State *L)
{
    charge(L, RESUME_COST + lua_gettop(L));
    int n = call_original(L, "resume");
    charge(L, n);                          /* the values it passed back */
    return n;
}

static int sb_cowrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_getfield(L, lua_upvalueindex(1), "resume");
    lua_pushcclosure(L, sb_wrapped, 2);
    return 1;
}

/* ---- strings ------------------------------------------------------------------ */

/* string.rep: Lua's loops n times even when each copy is empty, so answer that at once. */
static int sb_rep(lua_State *L)
{
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    return call_original(L, "rep");        /* the result's bytes are charged as allocated */
}

/* Where the character class starting at p[i] ends, as Lua's matcher reads it. */
static size_t class_end(const char *p, size_t plen, size_t i)
{
    if (p[i] == '%')
        return i + 2 <= plen ? i + 2 : plen;
    if (p[i] != '[')
        return i + 1;
    i++;
    if (i < plen && p[i] == '^')
        i++;
    do {                                   /* the first ']' is a member */
        if (i >= plen)
            return plen;
        if (p[i++] == '%' && i < plen)
            i++;
    } while (i < plen && p[i] != ']');
    return i < plen ? i + 1 : plen;
}

/* One item of a pattern, as Lua's matcher steps through it. */
typedef struct {
    char quant;          /* 0, or the repetition that follows: * + - ? */
    double step;         /* cost of testing it once */
    int can_fail;        /* whether it may fail, so that what comes before is retried */
} pattern_item;

/*
 * An upper bound on the steps Lua's matcher may take for pattern p on a
 * subject of n bytes. A repetition (* + - ?) is only retried when
 * something after it can fail, so only those before the last item that
 * can fail multiply the work; one after it scans only once the match has
 * succeeded, and the matches of gsub and gmatch never overlap, so those
 * scans add up to n per item at most. Two bounds, and the smaller is used:
 *
 *   splits     k retried repetitions (plus the start position, when the
 *              pattern is not anchored) split n bytes in C(n + k, k)
 *              ways, each costing at most every item once;
 *   per item   walking back from the end, a retried repetition tries the
 *              rest of the pattern up to n + 1 times.
 *
 * A ? doubles the work; %b and back-references rescan the subject; a set
 * costs its length on every test; a capture is a recursive call. Measured
 * against Lua 5.4 on patterns built to be slow, the real time is at most
 * about 5 ns per step counted here.
 */
static double pattern_cost(size_t n, const char *p, size_t plen, int may_anchor)
{
    double N = (double)n + 1;
    size_t i = 0;
    int anchored = 0;
    if (may_anchor && plen > 0 && p[0] == '^') {
        anchored = 1;
        i = 1;
    }
    pattern_item *item = malloc(sizeof *item * (plen + 1));
    if (item == NULL)
        return 1e30;
    int m = 0;
    while (i < plen) {
        pattern_item x = { 0, 1, 1 };
        char c = p[i];
        if (c == '(' || c == ')') {
            x.step = CAPTURE_STEPS;
            x.can_fail = 0;
            i++;
        } else if (c == '%' && i + 1 < plen && p[i + 1] == 'b') {
            x.step = N;
            i += 4;
        } else if (c == '%' && i + 1 < plen && p[i + 1] == 'f') {
            size_t e = i + 2 < plen ? class_end(p, plen, i + 2) : plen;
            x.step = (double)(e - i);
            i = e;
        } else if (c == '%' && i + 1 < plen && p[i + 1] >= '0' && p[i + 1] <= '9') {
            x.step = N;
            i += 2;
        } else {
            size_t e = class_end(p, plen, i);
            x.step = c == '[' ? (double)(e - i) : 1;
            i = e;
            if (i < plen && (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?')) {
                x.quant = p[i++];
                x.can_fail = x.quant == '+';
            }
        }
        item[m++] = x;
    }
    int last = -1;
    for (int j = 0; j < m; j++)
        if (item[j].can_fail)
            last = j;

    int k = anchored ? 0 : 1, optional = 0;
    double every = 1, scans = 0;
    for (int j = 0; j < m; j++) {
        every += item[j].step;
        if (j < last && item[j].quant == '?')
            optional++;
        else if (j < last && item[j].quant)
            k++;
        else if (item[j].quant && item[j].quant != '?')
            scans += N * item[j].step;     /* after the last retry: scans on success only */
    }
    double splits = 1;
    for (int j = 1; j <= k && splits < 1e30; j++)
        splits = splits * ((double)n + j) / j;
    splits *= (k + 1) * every;
    for (int j = 0; j < optional && splits < 1e30; j++)
        splits *= 2;
    splits += scans;

    double rest = 1;                       /* the cost of matching item j.. at one position */
    for (int j = m - 1; j >= 0 && rest < 1e30; j--) {
        const pattern_item *x = &item[j];
        if (x->quant == 0)
            rest = x->step + rest;
        else if (x->quant == '?')
            rest = x->step + (j < last ? 2 : 1) * rest;
        else if (j < last)
            rest = N * (x->step + rest);
        else
            rest = x->step + rest;
    }
    double per_item = (anchored ? 1 : N) * rest + scans;
    free(item);
    return splits < per_item ? splits : per_item;
}

/* Whether string.find would treat p as plain text (Lua's nospecials). */
static int is_plain(const char *p, size_t plen)
{
    for (size_t i = 0; i < plen; i++)
        if (strchr("^$*+?.([%-", p[i]) != NULL)
            return 0;
    return 1;
}

static int guarded(lua_State *L, const char *fname)
{
    size_t slen = 0, plen = 0;
    luaL_checklstring(L, 1, &slen);
    const char *p = luaL_checklstring(L, 2, &plen);
    double cost;
    if (strcmp(fname, "find") == 0 && (lua_toboolean(L, 4) || is_plain(p, plen)))
        cost = ((double)slen + 1) * (1 + (double)plen / 8);        /* memchr + memcmp */
    else
        cost = pattern_cost(slen, p, plen, strcmp(fname, "gmatch") != 0);
    if (cost > PATTERN_LIMIT)
        return luaL_error(L, "string.%s: this pattern on a %d-byte string could take minutes; "
                          "simplify the pattern (fewer *, +, - and ?) or search a shorter string",
                          fname, (int)(slen > INT_MAX ? INT_MAX : slen));
    /* Charged by the time it really took: the bound above is often far too high. */
    double t0 = now_seconds();
    lua_getfield(L, lua_upvalueindex(1), fname);
    lua_insert(L, 1);
    int rc = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    charge(L, (now_seconds() - t0) * INSTRUCTIONS_PER_SECOND);
    if (rc != LUA_OK)
        return lua_error(L);               /* e.g. a malformed pattern, or a gsub callback's error */
    return lua_gettop(L);
}
static int sb_find(lua_State *L) { return guarded(L, "find"); }
static int sb_match(lua_State *L) { return guarded(L, "match"); }
static int sb_gmatch(lua_State *L) { return guarded(L, "gmatch"); }
static int sb_gsub(lua_State *L) { return guarded(L, "gsub"); }

/* ---- tables --------------------------------------------------------------------- */

/*
 * table.insert, remove and unpack as in Lua 5.4, but charged per element
 * moved. They are rewritten rather than wrapped because they ask the
 * table for its length (#t, which a __len metamethod can answer): a
 * wrapper that asked first could be told 1 and the original 2^53.
 */
static int sb_insert(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer e = luaL_len(L, 1);
    if (e == LUA_MAXINTEGER)
        return luaL_error(L, "table.insert: the table is too long");
    e++;                                   /* first empty element */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        charge(L, (double)e - (double)pos);
        for (lua_Integer i = e; i > pos; i--) {
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);             /* t[i] = t[i - 1] */
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);                   /* t[pos] = v */
    return 0;
}

static int sb_remove(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer size = luaL_len(L, 1);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_geti(L, 1, pos);                   /* result = t[pos] */
    if (pos < size)
        charge(L, (double)size - (double)pos);
    for (; pos < size; pos++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);               /* t[pos] = t[pos + 1] */
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);                   /* remove entry t[pos] */
    return 1;
}

static int sb_unpack(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = luaL_opt(L, luaL_checkinteger, 3, luaL_len(L, 1));
    if (i > e)
        return 0;
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i;
    if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    charge(L, (double)n);
    for (; i < e; i++)
        lua_geti(L, 1, i);
    lua_geti(L, 1, e);
    return (int)n;
}

static int sb_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    luaL_checkinteger(L, 4);
    if (e >= f)
        charge(L, (double)e - (double)f + 1);
    return call_original(L, "move");
}

static int sb_concat(lua_State *L)
{
    if (lua_isinteger(L, 3) && lua_isinteger(L, 4)) {
        lua_Integer i = lua_tointeger(L, 3), j = lua_tointeger(L, 4);
        if (j >= i)
            charge(L, (double)j - (double)i + 1);
    }
    return call_original(L, "concat");     /* the result's bytes are charged as allocated */
}

static int sb_sort(lua_State *L)
{
    double n = lua_type(L, 1) == LUA_TTABLE ? (double)lua_rawlen(L, 1) : 0;
    charge(L, n > 1 ? n * log2(n) : 1);
    return call_original(L, "sort");
}

/* ---- the state ------------------------------------------------------------------- */

static const char *const safe_base[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
    "rawequal", "rawget", "rawlen", "rawset", "select", "tostring", "type",
    "_VERSION", NULL
};

/* Copies library `name` from the real globals into env, without `drop`. */
static void copy_lib(lua_State *L, int env, const char *name, const char *drop)
{
    lua_getglobal(L, name);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, -3) != 0) {
        if (drop != NULL && lua_type(L, -2) == LUA_TSTRING &&
            strcmp(lua_tostring(L, -2), drop) == 0) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_setfield(L, env, name);
    lua_pop(L, 1);
}

/* Replaces functions of the sandbox's copy of library `lib` by guards over the originals. */
static void guard_lib(lua_State *L, int env, const char *lib, const luaL_Reg *guards)
{
    lua_getfield(L, env, lib);
    lua_getglobal(L, lib);                 /* the originals, as upvalue */
    luaL_setfuncs(L, guards, 1);
    lua_pop(L, 1);
}

static int open_sandbox(lua_State *L)
{
    rp_lua *lua = lua_touserdata(L, 1);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    lua_settop(L, 1);

    lua_getglobal(L, "setmetatable");
    lua_setglobal(L, "\1setmetatable");

    lua_newtable(L);                       /* the scenario's globals */
    int env = lua_gettop(L);
    for (int i = 0; safe_base[i]; i++) {
        lua_getglobal(L, safe_base[i]);
        lua_setfield(L, env, safe_base[i]);
    }
    lua_pushcfunction(L, sb_collectgarbage); lua_setfield(L, env, "collectgarbage");
    lua_pushcfunction(L, sb_setmetatable);   lua_setfield(L, env, "setmetatable");
    lua_pushcfunction(L, sb_load);           lua_setfield(L, env, "load");
    lua_pushcfunction(L, sb_print);          lua_setfield(L, env, "print");
    lua_pushglobaltable(L);                  /* tonumber's original, as upvalue */
    lua_pushcclosure(L, sb_tonumber, 1);     lua_setfield(L, env, "tonumber");
    lua_getglobal(L, "xpcall");
    lua_pushcclosure(L, sb_xpcall, 1);       lua_setfield(L, env, "xpcall");
    copy_lib(L, env, LUA_STRLIBNAME, "dump");
    copy_lib(L, env, LUA_TABLIBNAME, NULL);
    copy_lib(L, env, LUA_MATHLIBNAME, NULL);
    copy_lib(L, env, LUA_UTF8LIBNAME, NULL);
    copy_lib(L, env, LUA_COLIBNAME, NULL);
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");

    static const luaL_Reg string_guards[] = {
        {"find", sb_find}, {"match", sb_match}, {"gmatch", sb_gmatch}, {"gsub", sb_gsub},
        {"rep", sb_rep}, {"byte", sb_byte}, {"pack", sb_pack}, {"unpack", sb_unpack_string},
        {"packsize", sb_packsize}, {NULL, NULL}
    };
    static const luaL_Reg table_guards[] = {
        {"insert", sb_insert}, {"remove", sb_remove}, {"unpack", sb_unpack},
        {"move", sb_move}, {"concat", sb_concat}, {"sort", sb_sort}, {NULL, NULL}
    };
    static const luaL_Reg coroutine_guards[] = {
        {"close", sb_coclose}, {"wrap", sb_cowrap}, {"resume", sb_coresume}, {NULL, NULL}
    };
    static const luaL_Reg utf8_guards[] = {
        {"len", sb_utf8_len}, {"offset", sb_utf8_offset}, {"codepoint", sb_utf8_codepoint},
        {NULL, NULL}
    };
    guard_lib(L, env, LUA_STRLIBNAME, string_guards);
    guard_lib(L, env, LUA_TABLIBNAME, table_guards);
    guard_lib(L, env, LUA_UTF8LIBNAME, utf8_guards);
    guard_lib(L, env, LUA_COLIBNAME, coroutine_guards);

    /* The string metatable: __index is the sandbox's string table; locked. */
    lua_getfield(L, env, LUA_STRLIBNAME);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 3);

    lua->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

rp_lua *rp_lua_new(void)
{
    rp_lua *lua = calloc(1, sizeof *lua);
    if (lua == NULL)
        return NULL;
    lua->cap = RP_LUA_MEMORY_CAP;
    lua->rng = 2463534242u;
    lua->env_ref = LUA_NOREF;
    lua->s_ref = LUA_NOREF;
    lua->L = lua_newstate(capped_alloc, lua);
    if (lua->L == NULL) {
        free(lua);
        return NULL;
    }
    lua_gc(lua->L, LUA_GCGEN, 0, 0);
    lua_pushcfunction(lua->L, open_sandbox);
    lua_pushlightuserdata(lua->L, lua);
    if (lua_pcall(lua->L, 1, 0, 0) != LUA_OK) {
        rp_lua_free(lua);
        return NULL;
    }
    return lua;
}

void rp_lua_free(rp_lua *lua)
{
    if (lua == NULL)
        return;
    if (lua->L)
        lua_close(lua->L);   /* no __gc can exist: setmetatable refused them */
    free(lua);
}

void rp_lua_push_env(rp_lua *lua)
{
    lua_rawgeti(lua->L, LUA_REGISTRYINDEX, lua->env_ref);
}

void rp_lua_printable(char *msg)
{
    if (msg == NULL)
        return;
    size_t len = strlen(msg);
    unsigned char *s = (unsigned char *)msg;
    for (size_t i = 0; i < len; ) {
        unsigned c = s[i];
        size_t need = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 :
                      (c & 0xF8) == 0xF0 ? 3 : 9;
        if (need == 0) {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                s[i] = '?';
            i++;
            continue;
        }
        int ok = need < 9 && i + need < len;
        unsigned cp = c & (0x3F >> need);
        for (size_t k = 1; ok && k <= need; k++) {
            ok = (s[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        static const unsigned least[] = { 0, 0x80, 0x800, 0x10000 };
        if (ok && (cp < least[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
                   (cp >= 0x80 && cp < 0xA0)))  /* C1 controls are terminal escapes too */
            ok = 0;
        if (!ok) {
            s[i++] = '?';
            continue;
        }
        i += need + 1;
    }
}

/* Adds "file:line:" context from the innermost script frame when missing. */
static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        /* Once the call is stopped, hooks may be off here: run no script code. */
        if (!out_of_time(rp_lua_of(L)) && luaL_callmeta(L, 1, "__tostring") &&
            lua_type(L, -1) == LUA_TSTRING)
            return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    /* Messages from C functions (e.g. the budget hook) carry no position. */
    if (strstr(msg, ".lua:") == NULL) {
        lua_Debug ar;
        for (int level = 0; lua_getstack(L, level, &ar); level++) {
            lua_getinfo(L, "Sl", &ar);
            if (ar.currentline > 0 && ar.source[0] == '@') {
                lua_pushfstring(L, "%s:%d: %s", ar.source + 1, ar.currentline, msg);
                return 1;
            }
        }
    }
    lua_pushstring(L, msg);
    return 1;
}

static void push_totals_message(rp_lua *lua)
{
    lua_pushfstring(lua->L, "the scenario's functions have run too long in total (%d s, %d million "
                    "instructions since it was loaded); 'when' and 'go' functions should be quick "
                    "checks: look for a loop", (int)lua->total_seconds,
                    (int)(lua->total_instructions / 1000000));
}

int rp_lua_pcall(rp_lua *lua, int nargs, int nresults, long budget)
{
    lua_State *L = lua->L;
    double start = now_seconds();
    /* Every call shares the state's totals: once they are spent, nothing runs any more. */
    long long instr_left = RP_LUA_TOTAL_BUDGET - lua->total_instructions;
    double seconds_left = RP_LUA_TOTAL_SECONDS - lua->total_seconds;
    double seconds = (double)budget * SECONDS_PER_INSTRUCTION;
    if (seconds < MIN_CALL_SECONDS)
        seconds = MIN_CALL_SECONDS;
    int clamped = 0;                       /* the totals, not the call's own limits, bind */
    if (instr_left < budget) {
        budget = (long)(instr_left > 0 ? instr_left : 0);
        clamped = 1;
    }
    if (seconds_left < seconds) {
        seconds = seconds_left;
        clamped = 1;
    }
    if (budget <= 0 || seconds <= 0) {
        lua_pop(L, nargs + 1);
        push_totals_message(lua);
        return LUA_ERRRUN;
    }

    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    lua->budget = budget;
    lua->deadline = start + seconds;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
    lua->running = 1;
    int rc = lua_pcall(L, nargs, nresults, base);
    lua->running = 0;
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);

    /*
     * The totals count what a call spends beyond a small allowance, so that
     * the millions of quick calls the explorer makes never add up, while a
     * call that spins counts almost in full.
     */
    long used = budget - (lua->budget > 0 ? lua->budget : 0);
    double took = now_seconds() - start;
    if (used > FREE_INSTRUCTIONS)
        lua->total_instructions += used - FREE_INSTRUCTIONS;
    if (took > FREE_SECONDS)
        lua->total_seconds += took - FREE_SECONDS;
    int stopped = lua->budget <= 0 || now_seconds() > lua->deadline;
    if (rc == LUA_OK && stopped) {
        /* e.g. a coroutine was stopped and its resumer returned before its next check */
        lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1 : nresults);
        lua_pushstring(L, ran_too_long);
        rc = LUA_ERRRUN;
    }
    if (rc == LUA_ERRMEM) {
        lua_pop(L, 1);
        if (stopped)
            lua_pushstring(L, ran_too_long);
        else
            lua_pushfstring(L, "the script used more than %d MB of memory; keep less data in "
                            "tables and strings (a loop that keeps adding to one?)", (int)(lua->cap >> 20));
    } else if (rc == LUA_ERRERR) {
        lua_pop(L, 1);
        lua_pushstring(L, stopped ? ran_too_long
                                  : "the script's error could not be reported: its error value's "
                                    "__tostring failed; raise errors with a text message");
    }
    /* Stopped because the state's totals ran out, not this call's own budget: say so, and stay so. */
    if (rc != LUA_OK && stopped && clamped) {
        lua_pop(L, 1);
        push_totals_message(lua);
        lua->total_instructions = RP_LUA_TOTAL_BUDGET;
        lua->total_seconds = RP_LUA_TOTAL_SECONDS;
    }
    return rc;
}
