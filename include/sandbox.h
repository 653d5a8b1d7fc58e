/*
 * sandbox.h - a Lua 5.4 state fit for running scripts nobody reviewed.
 *
 * Only the safe parts of the standard library are open; `load` takes text
 * chunks only and runs them inside the sandbox; memory is capped per state
 * and CPU is capped per call (rp_lua_pcall), coroutines included. Once a
 * call's budget is spent every further instruction fails, so `pcall` cannot
 * swallow the error and go on looping.
 *
 * The budget counts Lua instructions, and also the work done inside the
 * library's C functions (bytes allocated, elements moved, the worst case
 * of a string pattern), so that no single instruction can hide minutes of
 * work. A wall-clock deadline per call backs it up, and all the calls into
 * one state share a total (RP_LUA_TOTAL_*) of what each spends beyond a
 * small allowance, so that thousands of slow calls (a plain step whose go
 * function spins and leads back to itself) still end.
 */
#ifndef RAPPORT_SANDBOX_H
#define RAPPORT_SANDBOX_H

#include <stddef.h>
#include <lua.h>

#define RP_LUA_MEMORY_CAP (64u << 20)        /* bytes per scenario state */
#define RP_LUA_LOAD_BUDGET 50000000L         /* instructions to load a file */
#define RP_LUA_CALL_BUDGET 5000000L          /* instructions per when/go call */
#define RP_LUA_TOTAL_BUDGET 400000000LL      /* instructions over every call into one state */
#define RP_LUA_TOTAL_SECONDS 4.0             /* seconds over every call into one state */

typedef struct rp_lua {
    lua_State *L;
    size_t used, cap;             /* bytes allocated, and the cap */
    long budget;                  /* instructions left in the current call */
    int env_ref;                  /* the sandbox's global table */
    int s_ref;                    /* the read-only session view `s` */
    const void *session;          /* the session that `s` shows during a call */
    /* private to sandbox.c */
    int running;                  /* a script call is under way (the cap is strict) */
    double deadline;              /* CLOCK_MONOTONIC time at which the call is stopped */
    long long total_instructions; /* spent by every call so far */
    double total_seconds;
    unsigned rng;                 /* spaces the budget checks at random */
} rp_lua;

/* Creates a sandboxed state, or NULL when out of memory. */
rp_lua *rp_lua_new(void);
void rp_lua_free(rp_lua *lua);
/* The rp_lua that owns L. */
rp_lua *rp_lua_of(lua_State *L);

/*
 * Like lua_pcall, with `budget` instructions and a message that names the
 * script's file and line. [-(nargs+1), +(nresults|1), -]
 */
int rp_lua_pcall(rp_lua *lua, int nargs, int nresults, long budget);

/* Pushes the sandbox's global table. [-0, +1, -] */
void rp_lua_push_env(rp_lua *lua);

/*
 * Makes a message safe to print on a terminal, in place: control
 * characters become '?', and so does every byte of invalid UTF-8. Script
 * errors and Lua's syntax errors quote the scenario's own bytes.
 */
void rp_lua_printable(char *msg);

#endif
