/*
 * sandbox.c - the Lua state scenarios run in.
 *
 * What scripts can reach: base functions without dofile/loadfile/require/
 * collectgarbage (only its "count" query), a text-only `load` that defaults
 * to the sandbox's globals, and the string, table, math, utf8 and coroutine
 * libraries, less string.dump. No io, os, debug or package.
 *
 * Limits: an allocator that refuses past RP_LUA_MEMORY_CAP; a count hook
 * that charges every thread (coroutines inherit the hook from the thread
 * that created them) against one per-call budget; setmetatable refuses
 * __gc, since finalizers run with hooks off and could loop for ever; the
 * string metatable is locked; string pattern functions refuse subjects and
 * patterns whose backtracking could run for minutes in a single C call.
 */
#include "sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#define HOOK_EVERY 1000    /* instructions between budget checks */

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
    if (nsize > osize && lua->used + (nsize - osize) > lua->cap)
        return NULL;                       /* Lua raises "not enough memory" */
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

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    rp_lua *lua = rp_lua_of(L);
    lua->budget -= lua_gethookcount(L);
    if (lua->budget <= 0) {
        /* From now on every instruction fails, so a pcall cannot resume. */
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
        luaL_error(L, "the script ran too long (an endless loop?)");
    }
}

/* Hooks are per thread: arm the main thread and every coroutine it made. */
static void arm_hook(lua_State *L, int every)
{
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, every);
}

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

/*
 * Lua's matcher backtracks inside one C call, out of reach of the count
 * hook. Its cost grows with the subject's length to the power of the
 * pattern's repeated items, so refuse the combinations that can explode.
 */
static int pattern_is_safe(size_t slen, const char *p, size_t plen)
{
    int repeats = 0;
    for (size_t i = 0; i < plen; i++) {
        char c = p[i];
        if (c == '%') { i++; continue; }
        if (c == '*' || c == '+' || c == '-' || c == '?')
            repeats++;
    }
    if (plen > 4096)
        return 0;
    if (repeats <= 2)
        return 1;
    /* roughly slen^repeats steps; allow up to about 10^8 */
    double cost = 1;
    for (int i = 0; i < repeats && cost < 1e9; i++)
        cost *= (double)(slen + 1);
    return cost <= 1e8;
}

static int guarded(lua_State *L, const char *fname)
{
    size_t slen = 0, plen = 0;
    const char *s = luaL_checklstring(L, 1, &slen);
    const char *p = luaL_checklstring(L, 2, &plen);
    (void)s;
    if (!pattern_is_safe(slen, p, plen))
        return luaL_error(L, "string.%s: this pattern on a %d-byte string could take "
                          "minutes; simplify the pattern", fname, (int)slen);
    lua_getfield(L, lua_upvalueindex(1), fname);
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}
static int sb_find(lua_State *L) { return guarded(L, "find"); }
static int sb_match(lua_State *L) { return guarded(L, "match"); }
static int sb_gmatch(lua_State *L) { return guarded(L, "gmatch"); }
static int sb_gsub(lua_State *L) { return guarded(L, "gsub"); }

static const char *const safe_base[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
    "rawequal", "rawget", "rawlen", "rawset", "select", "tonumber",
    "tostring", "type", "xpcall", "_VERSION", NULL
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
    copy_lib(L, env, LUA_STRLIBNAME, "dump");
    copy_lib(L, env, LUA_TABLIBNAME, NULL);
    copy_lib(L, env, LUA_MATHLIBNAME, NULL);
    copy_lib(L, env, LUA_UTF8LIBNAME, NULL);
    copy_lib(L, env, LUA_COLIBNAME, NULL);
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");

    /* Guarded pattern functions in the sandbox's string table, and as string methods. */
    static const luaL_Reg guards[] = {
        {"find", sb_find}, {"match", sb_match}, {"gmatch", sb_gmatch}, {"gsub", sb_gsub},
        {NULL, NULL}
    };
    lua_getfield(L, env, LUA_STRLIBNAME);
    lua_getglobal(L, LUA_STRLIBNAME);      /* originals, as upvalue */
    luaL_setfuncs(L, guards, 1);
    /* The string metatable: __index is the sandbox's string table; locked. */
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

/* Adds "file:line:" context from the innermost script frame when missing. */
static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
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

int rp_lua_pcall(rp_lua *lua, int nargs, int nresults, long budget)
{
    lua_State *L = lua->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    lua->budget = budget;
    arm_hook(L, HOOK_EVERY);
    int rc = lua_pcall(L, nargs, nresults, base);
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    if (rc == LUA_ERRMEM) {
        lua_pop(L, 1);
        lua_pushfstring(L, "the script used more than %d MB of memory",
                        (int)(lua->cap >> 20));
    }
    return rc;
}
