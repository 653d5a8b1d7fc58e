/* test_sandbox.c - nothing a scenario does may escape, hang or exhaust the process. */
#include "test.h"
#include "helpers.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define HEAD "scenario { id = \"t\", title = \"T\", audience = \"external\", customer = { name = \"D\" } }\n"
#define BODY "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" } }\nending \"e\" { }\n"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Loading `code` (before a valid scenario) must fail with `needle`, quickly. */
static void refused(const char *code, const char *needle)
{
    char src[4096];
    snprintf(src, sizeof src, "%s\n" HEAD BODY, code);
    rp_diags d = { 0 };
    double t0 = now();
    rp_scenario *sc = load_str(src, &d);
    double took = now() - t0;
    CHECK(sc == NULL);
    if (find_diag(&d, RP_ERROR, needle) == NULL) {
        fprintf(stderr, "  for [%s] no error containing \"%s\"; got:\n", code, needle);
        char buf[1400];
        for (int i = 0; i < d.n; i++)
            fprintf(stderr, "    %s\n", rp_diag_format(&d.items[i], buf, sizeof buf));
        test_failures++;
    }
    if (took > 5) {
        fprintf(stderr, "  [%s] took %.1f s\n", code, took);
        test_failures++;
    }
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(sandbox_no_io_os_debug_package)
{
    refused("io.open('/tmp/x', 'w')", "'io' is not available");
    refused("os.execute('touch /tmp/rapport-escaped')", "'os' is not available");
    refused("debug.sethook()", "'debug' is not available");
    refused("package.loadlib('x', 'y')", "'package' is not available");
    refused("require('os')", "'require' is not available");
    refused("dofile('/etc/passwd')", "'dofile' is not available");
    refused("loadfile('/etc/passwd')", "'loadfile' is not available");
    CHECK(access("/tmp/rapport-escaped", F_OK) != 0);
}

TEST(sandbox_no_binary_chunks_or_dump)
{
    refused("string.dump(function() end)", "attempt to call a nil value");
    refused("assert(load('\\27Lua'))", "binary chunk");
    refused("load('return 1', 'x', 'b')", "only text chunks");
    refused("local f = load(\"\\27LuaT\\0\") assert(f)", "assertion failed");
}

TEST(sandbox_text_load_stays_inside)
{
    /* a loaded chunk sees the sandbox's globals, not the real ones */
    refused("local f = load('return io') if f() == nil then error('still sandboxed') end", "'io' is not available");
}

TEST(sandbox_endless_loops_end)
{
    refused("while true do end", "ran too long");
    refused("local co = coroutine.wrap(function() while true do end end) co()", "ran too long");
    refused("while true do pcall(function() while true do end end) end", "ran too long");
    refused("local function f() return f() end f()", "ran too long");
}

TEST(sandbox_deep_recursion_is_an_error)
{
    refused("local function f(n) return 1 + f(n + 1) end f(1)", "stack overflow");
}

TEST(sandbox_memory_is_capped)
{
    refused("local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end", "memory");
    refused("local s = string.rep('x', 2^31)", "too large");
    refused("local s = string.rep('x', 2^27)", "memory");
}

TEST(sandbox_gc_metamethod_refused)
{
    refused("setmetatable({}, { __gc = function() while true do end end })", "__gc");
}

TEST(sandbox_collectgarbage_limited)
{
    refused("collectgarbage('stop')", "not available");
    rp_diags d = { 0 };
    rp_scenario *sc = load_str("assert(collectgarbage('count') > 0)\n" HEAD BODY, &d);
    CHECK(sc != NULL);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(sandbox_string_metatable_locked)
{
    refused("getmetatable('').__index = {}", "attempt to index");
    refused("setmetatable('', {})", "bad argument");
}

TEST(sandbox_pathological_patterns_bounded)
{
    refused("string.find(string.rep('a', 100000), string.rep('a*', 20) .. 'b')", "could take minutes");
    refused("local s = string.rep('a', 100000) s:match(string.rep('.-', 10) .. 'x')", "could take minutes");
}

TEST(sandbox_when_function_that_loops_stops_the_run)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD
        "node \"a\" { { \"x\", quality = \"best\", when = function(s) while true do end end, go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    double t0 = now();
    rp_session *s = play(sc, "");
    CHECK(now() - t0 < 5);
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "t.lua:2: the script ran too long");
    /* the scenario's state is still usable for the next call */
    rp_session *s2 = play(sc, "");
    CHECK(rp_session_status(s2) == RP_FAILED);
    rp_session_free(s2);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(sandbox_close_metamethod_loop_is_bounded)
{
    refused("do local x <close> = setmetatable({}, { __close = function() while true do end end }) end",
            "ran too long");
}
