/*
 * scenario_call.c - calls from the session into a trainer's functions.
 *
 * Functions receive `s`, a read-only view of the session: s.vars, s.mood,
 * s.trainee and s.visited(id). The view is one proxy table per scenario
 * whose metamethods read whichever session is calling (rp_lua.session), so
 * a call costs no allocation. Writing to it is an error that tells the
 * trainer to use `set` instead.
 */
#include "scenario.h"
#include "session.h"
#include "sandbox.h"

#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

static const rp_session *calling(lua_State *L)
{
    const rp_session *s = rp_lua_of(L)->session;
    if (s == NULL)
        luaL_error(L, "the session view 's' can only be read inside when/go functions");
    return s;
}

static int vars_index(lua_State *L)
{
    const rp_session *s = calling(L);
    const char *name = lua_tostring(L, 2);
    int i = name ? rp_scenario_find_var(rp_session_scenario(s), name) : -1;
    const rp_value *v = i >= 0 ? rp_session_var(s, i) : NULL;
    if (v == NULL || v->kind == RP_VAL_NIL) lua_pushnil(L);
    else if (v->kind == RP_VAL_BOOL) lua_pushboolean(L, v->b);
    else if (v->kind == RP_VAL_NUMBER) lua_pushnumber(L, v->n);
    else lua_pushstring(L, v->s);
    return 1;
}

static int read_only(lua_State *L)
{
    return luaL_error(L, "the session is read-only in scenario functions; change variables with set = { ... }");
}

static int f_visited(lua_State *L)
{
    const rp_session *s = calling(L);
    const char *id = luaL_checkstring(L, 1);
    int i = rp_scenario_find_node(rp_session_scenario(s), id);
    lua_pushboolean(L, i >= 0 && rp_session_visited(s, i));
    return 1;
}

static int s_index(lua_State *L)
{
    const rp_session *s = calling(L);
    const char *key = lua_tostring(L, 2);
    if (key == NULL)
        return 0;
    if (strcmp(key, "mood") == 0)
        lua_pushnumber(L, rp_session_mood(s));
    else if (strcmp(key, "trainee") == 0)
        lua_pushstring(L, rp_session_trainee(s));
    else if (strcmp(key, "vars") == 0)
        lua_rawgeti(L, lua_upvalueindex(1), 1);
    else if (strcmp(key, "visited") == 0)
        lua_rawgeti(L, lua_upvalueindex(1), 2);
    else
        return luaL_error(L, "s.%s does not exist; a function can read s.vars, s.mood, s.trainee and s.visited(id)", key);
    /* s.mood is an integer in the common case: keep it one for tostring */
    if (strcmp(key, "mood") == 0 && lua_tonumber(L, -1) == (lua_Integer)lua_tonumber(L, -1)) {
        lua_Integer m = (lua_Integer)lua_tonumber(L, -1);
        lua_pop(L, 1);
        lua_pushinteger(L, m);
    }
    return 1;
}

/* Creates the view once per scenario state. [-0, +1, m] */
static void push_view(rp_lua *lua)
{
    lua_State *L = lua->L;
    if (lua->s_ref != LUA_NOREF) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, lua->s_ref);
        return;
    }
    lua_createtable(L, 2, 0);              /* parts: [1] vars, [2] visited */
    int parts = lua_gettop(L);
    lua_newtable(L);                       /* vars proxy */
    lua_newtable(L);
    lua_pushcfunction(L, vars_index); lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, read_only);  lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);            lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_rawseti(L, parts, 1);
    lua_pushcfunction(L, f_visited);
    lua_rawseti(L, parts, 2);

    lua_newtable(L);                       /* s */
    lua_newtable(L);
    lua_pushvalue(L, parts);
    lua_pushcclosure(L, s_index, 1);  lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, read_only);  lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);            lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_remove(L, parts);
    lua_pushvalue(L, -1);
    lua->s_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* The error on top of the stack, as text (rp_lua_pcall always leaves a string). */
static const char *error_text(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    return msg ? msg : "the script failed with an error that is not text";
}

/* Calls function `ref` with s; leaves one result. Returns LUA_OK or an error code. */
static int call_fn(rp_scenario *sc, int ref, const rp_session *s)
{
    rp_lua *lua = sc->lua;
    lua_State *L = lua->L;
    lua->session = s;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    push_view(lua);
    int rc = rp_lua_pcall(lua, 1, 1, RP_LUA_CALL_BUDGET);
    lua->session = NULL;
    return rc;
}

int rp_scenario_call_when(rp_scenario *sc, const rp_choice *c, const rp_session *s,
                          char *err, size_t errsize)
{
    lua_State *L = sc->lua->L;
    if (call_fn(sc, c->when_ref, s) != LUA_OK) {
        snprintf(err, errsize, "%s (in the 'when' of the choice at %s:%d)",
                 error_text(L), sc->path, c->line);
        rp_lua_printable(err);
        lua_pop(L, 1);
        return -1;
    }
    int shown = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return shown;
}

int rp_scenario_call_go(rp_scenario *sc, int go_ref, int line, const rp_session *s,
                        char *err, size_t errsize)
{
    lua_State *L = sc->lua->L;
    if (call_fn(sc, go_ref, s) != LUA_OK) {
        snprintf(err, errsize, "%s (in the 'go' function at %s:%d)", error_text(L), sc->path, line);
        rp_lua_printable(err);
        lua_pop(L, 1);
        return -1;
    }
    int node = -1;
    if (lua_type(L, -1) == LUA_TSTRING && strlen(lua_tostring(L, -1)) != lua_rawlen(L, -1)) {
        snprintf(err, errsize, "%s:%d: the go function returned an id with a NUL byte (\\0) in it; "
                 "return a node id such as \"%s\"", sc->path, line, sc->n_nodes > 0 ? sc->nodes[0].id : "opening");
        rp_lua_printable(err);
    } else if (lua_type(L, -1) == LUA_TSTRING) {
        node = rp_scenario_find_node(sc, lua_tostring(L, -1));
        if (node < 0) {
            snprintf(err, errsize, "%s:%d: the go function returned '%s', which is not a node or ending",
                     sc->path, line, lua_tostring(L, -1));
            rp_lua_printable(err);
        }
    } else {
        snprintf(err, errsize, "%s:%d: the go function returned %s; it must return a node id such as \"%s\"",
                 sc->path, line, lua_isnil(L, -1) ? "nothing" : luaL_typename(L, -1),
                 sc->n_nodes > 0 ? sc->nodes[0].id : "opening");
    }
    lua_pop(L, 1);
    return node;
}
