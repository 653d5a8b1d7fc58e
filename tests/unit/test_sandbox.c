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

/* ---- the hardening audit: one test per way out, each bounded in time ---------------- */

/* Loading `code` (before a valid scenario) must succeed, quickly. */
static void allowed(const char *code)
{
    char src[8192];
    snprintf(src, sizeof src, "%s\n" HEAD BODY, code);
    rp_diags d = { 0 };
    double t0 = now();
    rp_scenario *sc = load_str(src, &d);
    double took = now() - t0;
    if (sc == NULL) {
        char buf[1400];
        fprintf(stderr, "  [%s] did not load:\n", code);
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

/*
 * A scenario whose only choice has `when = function(s) <body> end`: the
 * run must fail (never show the choice) with `needle`, quickly.
 */
static void when_fails(const char *prelude, const char *body, const char *needle)
{
    char src[8192];
    snprintf(src, sizeof src, "%s\n" HEAD
             "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\",\n"
             "  when = function(s) %s end } }\nending \"e\" { }\n", prelude, body);
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(src, &d);
    if (sc == NULL) {
        fprintf(stderr, "  [%s] did not load: %s\n", body, d.n ? d.items[0].message : "?");
        test_failures++;
        rp_diags_free(&d);
        return;
    }
    double t0 = now();
    rp_session *s = play(sc, "");
    double took = now() - t0;
    if (rp_session_status(s) != RP_FAILED || !strstr(rp_session_error(s), needle)) {
        fprintf(stderr, "  [%s]: status %d, error \"%s\", expected one containing \"%s\"\n", body,
                (int)rp_session_status(s), rp_session_error(s) ? rp_session_error(s) : "", needle);
        test_failures++;
    }
    if (took > 3) {
        fprintf(stderr, "  [%s] took %.1f s\n", body, took);
        test_failures++;
    }
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(sandbox_escape_routes_are_absent_in_functions_too)
{
    when_fails("", "return io ~= nil", "'io' is not available");
    when_fails("", "return os.time() > 0", "'os' is not available");
    when_fails("", "return debug.getinfo(1) ~= nil", "'debug' is not available");
    when_fails("", "return require('io') ~= nil", "'require' is not available");
    when_fails("", "return package.loaded ~= nil", "'package' is not available");
    when_fails("", "return dofile('/etc/passwd')", "'dofile' is not available");
    when_fails("", "return loadfile('/etc/passwd')", "'loadfile' is not available");
    /* nothing reachable leads back to the real globals */
    when_fails("", "return _G.io or rawget(_G, 'os') or string.dump or load('return io')()",
               "'io' is not available");
    refused("local mt = getmetatable('') mt.__index = nil", "attempt to index");
    refused("for k, v in pairs(_G) do if type(v) == 'table' then for k2 in pairs(v) do "
            "if k2 == 'dump' or k2 == 'loadlib' or k2 == 'execute' then error('found ' .. k2) end end end end "
            "error('clean')", "clean");
}

TEST(sandbox_binary_chunks_refused_everywhere)
{
    refused("load(string.char(27, 76, 117, 97, 84, 0))()", "attempt to call a nil value");
    refused("assert(load(string.char(27) .. 'LuaT', 'x', 'bt'))", "only text chunks");
    refused("assert(load(function() return nil end))", "bad argument");
    when_fails("", "return load(string.char(27) .. 'Lua')() ", "attempt to call a nil value");
    /* a file that is bytecode is refused before Lua sees it */
    rp_diags d = { 0 };
    rp_scenario *sc = rp_scenario_load_buffer("\x1bLuaT\0\x19\x93\r\n", 11, "t.lua", &d);
    CHECK(sc == NULL);
    CHECK(find_diag(&d, RP_ERROR, "compiled Lua bytecode") != NULL);
    rp_diags_free(&d);
}

TEST(sandbox_collectgarbage_tricks_refused)
{
    const char *opts[] = { "collect", "stop", "restart", "step", "setpause", "setstepmul",
                           "incremental", "generational", "isrunning" };
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
        char code[128];
        snprintf(code, sizeof code, "collectgarbage('%s', 1)", opts[i]);
        refused(code, "not available");
    }
    refused("collectgarbage()", "not available");
    allowed("assert(type(collectgarbage('count')) == 'number')");
}

TEST(sandbox_coroutine_made_at_load_and_resumed_later_is_bounded)
{
    /* created while loading (it inherits the hook then), resumed from a when function */
    when_fails("co = coroutine.create(function() while true do end end)",
               "coroutine.resume(co) return true", "ran too long");
    when_fails("w = coroutine.wrap(function() coroutine.yield() while true do end end) w()",
               "w() return true", "ran too long");
    when_fails("co = coroutine.wrap(function() while true do end end)", "co() return true", "ran too long");
    /* the same from a go function */
    {
        rp_diags d = { 0 };
        rp_scenario *sc = load_str("co = coroutine.create(function() coroutine.yield() while true do end end)\n"
                                   "coroutine.resume(co)\n" HEAD
                                   "node \"a\" { { \"x\", quality = \"best\", feedback = \"f\",\n"
                                   "  go = function(s) coroutine.resume(co) return \"e\" end } }\n"
                                   "ending \"e\" { }\n", &d);
        REQUIRE(sc != NULL);
        double t0 = now();
        rp_session *s = play(sc, "1");
        CHECK(now() - t0 < 3);
        CHECK(rp_session_status(s) == RP_FAILED);
        CHECK_CONTAINS(rp_session_error(s), "ran too long");
        rp_session_free(s);
        rp_scenario_free(sc);
        rp_diags_free(&d);
    }
    /* a coroutine that yields for ever, resumed in a loop */
    when_fails("co = coroutine.wrap(function() while true do coroutine.yield() end end)",
               "while true do co() end", "ran too long");
    /* the coroutine is stopped, its resumer returns at once: the call still fails */
    when_fails("", "local co = coroutine.create(function() while true do end end) coroutine.resume(co) return true",
               "ran too long");
}

TEST(sandbox_stopped_coroutines_and_handlers_run_no_more_code)
{
    /* Lua runs these with hooks off after the hook raised: each used to hang for ever */
    refused("xpcall(function() while true do end end, function() while true do end end)", "ran too long");
    refused("while true do xpcall(function() while true do end end, function() while true do end end) end",
            "ran too long");
    refused("local f = coroutine.wrap(function() local x <close> = setmetatable({}, "
            "{ __close = function() while true do end end }) while true do end end) f()", "ran too long");
    refused("local co = coroutine.create(function() local x <close> = setmetatable({}, "
            "{ __close = function() while true do end end }) while true do end end) "
            "coroutine.resume(co) coroutine.close(co)", "ran too long");
    refused("local co = coroutine.create(function() xpcall(function() while true do end end, "
            "function() while true do end end) end) coroutine.resume(co)", "ran too long");
    refused("error(setmetatable({}, { __tostring = function() while true do end end }))", "ran too long");
    /* a coroutine stopped in one call and closed in the next */
    when_fails("co = coroutine.create(function() local x <close> = setmetatable({}, "
               "{ __close = function() while true do end end }) while true do end end) n = 0",
               "n = n + 1 if n == 1 then coroutine.resume(co) return true end coroutine.close(co) "
               "while true do end", "ran too long");
    /* ordinary xpcall still works */
    allowed("local ok, msg = xpcall(error, function(m) return 'handled ' .. m end, 'x') "
            "assert(not ok and msg == 'handled x')");
    allowed("local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) "
            "assert(co(1) == 2 and co(5) == 10)");
}

TEST(sandbox_string_metatable_tampering_stays_in_its_scenario)
{
    /* A tampers with everything it can reach; B, loaded at the same time, must not notice */
    rp_diags d = { 0 };
    rp_scenario *a = load_str(
        "string.upper = function() return 'hacked' end\n"
        "string.rep = nil\n"
        "assert(getmetatable('') == false)\n"
        "assert(not pcall(setmetatable, '', {}))\n"
        "tostring = function() return 'hacked' end\n"
        "error = function() end\n"
        "pcall = nil\n"
        "assert(('abc'):upper() == 'hacked')\n" HEAD BODY, &d);
    CHECK(a != NULL);
    rp_scenario *b = load_str(HEAD
        "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\",\n"
        "  when = function(s) return ('abc'):upper() == 'ABC' and string.rep('x', 2) == 'xx' "
        "and tostring(1) == '1' and pcall(error, 'e') == false end } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(b != NULL);
    rp_session *s = play(b, "1");
    CHECK(rp_session_status(s) == RP_ENDED);
    rp_session_free(s);
    /* and the engine still reads A's model and reports its errors with file:line */
    if (a) {
        s = play(a, "1");
        CHECK(rp_session_status(s) == RP_ENDED);
        rp_session_free(s);
    }
    rp_scenario_free(a);
    rp_scenario_free(b);
    rp_diags_free(&d);
    when_fails("string.find = function() return true end error = nil",
               "return ('x'):find('y') and s.nope", "s.nope does not exist");
}

TEST(sandbox_deep_recursion_of_every_kind_is_an_error)
{
    refused("local t = setmetatable({}, { __index = function(t, k) return t[k] end }) local x = t.a",
            "stack overflow");
    refused("local function f(s) return (s:gsub('.', f)) end f('ab')", "stack overflow");
    refused("local function f(...) return f(1, ...) end f()", "");
    refused("local t = {} t = setmetatable(t, { __index = t }) local x = t.missing", "'__index' chain too long");
    /* in a when function the budget may run out before the stack does: either way, an error */
    when_fails("", "local function f(n) return f(n + 1) + 1 end return f(1)", "t.lua:4: ");
}

TEST(sandbox_when_and_go_functions_that_loop_or_fail)
{
    when_fails("", "while true do end", "t.lua:4: the script ran too long");
    when_fails("", "error('the customer is not in the mood')", "t.lua:4: the customer is not in the mood");
    when_fails("", "error({})", "error object is a table value");
    when_fails("", "return s.vars.x.y", "attempt to index");
    /* a go function that loops, and one that fails */
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD
        "node \"a\" { { \"x\", quality = \"best\", go = function(s) while true do end end, feedback = \"f\" },\n"
        "             { \"y\", quality = \"poor\", go = function(s) return nil .. 1 end, feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    double t0 = now();
    rp_session *s = play(sc, "1");
    CHECK(now() - t0 < 3);
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "ran too long");
    CHECK_CONTAINS(rp_session_error(s), "in the 'go' function at t.lua:2");
    rp_session_free(s);
    s = play(sc, "2");
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "t.lua:3: attempt to concatenate a nil value");
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
    /* an id with a NUL byte is not the id before it */
    sc = load_str(HEAD "node \"a\" { { \"x\", quality = \"best\", go = function(s) return \"e\\0x\" end, "
                  "feedback = \"f\" } }\nending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    s = play(sc, "1");
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "NUL byte");
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(sandbox_many_slow_calls_share_one_total)
{
    /* a plain step whose go function burns most of its budget and leads back to itself */
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD
        "node \"a\" { go = function(s) local x = 0 for i = 1, 2.4e6 do x = x + i end return \"a\" end }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    double t0 = now();
    rp_session *s = play(sc, "");
    double took = now() - t0;
    CHECK(took < 8);
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "run too long in total");
    rp_session_free(s);
    /* and from then on every call fails at once */
    t0 = now();
    s = play(sc, "");
    CHECK(now() - t0 < 0.5);
    CHECK_CONTAINS(rp_session_error(s), "run too long in total");
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(sandbox_gc_metamethods_never_run)
{
    refused("setmetatable({}, setmetatable({}, { __index = function() return print end }))", "__gc");
    /* __gc added after setmetatable is never called: Lua marks objects when the metatable is set */
    double t0 = now();
    allowed("local mt = {} keep = setmetatable({}, mt) mt.__gc = function() while true do end end");
    CHECK(now() - t0 < 2);
}

TEST(sandbox_patterns_that_explode_are_refused_quickly)
{
    const char *nasty[] = {
        "string.rep('a', 1e6):find('.-b')",                       /* one repetition, every start */
        "string.rep('a', 1e5):find('a*a*b')",
        "string.rep('(', 3e5):find('%b()')",                      /* no repetition at all */
        "string.rep('a', 2e6):find(string.rep('a', 4000) .. '.b')",
        "string.rep('a', 2e7):find(string.rep('a', 4000) .. 'b', 1, true)",
        "string.rep('a', 1e4):match(string.rep('a?', 40) .. string.rep('a', 40) .. 'b')",
        "for w in string.rep('a', 1e5):gmatch('a*a*b') do end",
        "string.rep('a', 1e5):gsub('(a*)%1b', 'x')",
        "string.rep('a', 1e5):find(string.rep('(', 30) .. 'a*' .. string.rep(')', 30) .. 'b')",
    };
    for (size_t i = 0; i < sizeof nasty / sizeof *nasty; i++)
        refused(nasty[i], "could take minutes");
    /* the same functions on scenario-sized text still work */
    allowed("local s = string.rep('word ', 2000) assert(select(2, s:gsub('%s+', ' ')) == 2000)\n"
            "assert(('Sam Lee'):match('^(%S+)') == 'Sam')\n"
            "assert(('order 4471'):find('%d+') == 7)\n"
            "assert(('(a(b)c)'):match('%b()') == '(a(b)c)')\n"
            "local n = 0 for w in ('a b c'):gmatch('%a') do n = n + 1 end assert(n == 3)");
}

TEST(sandbox_string_rep_and_format_cannot_blow_up)
{
    double t0 = now();
    allowed("assert(string.rep('', 2^53) == '' and string.rep('', 2^53, '') == '')");
    CHECK(now() - t0 < 1);
    refused("local s = string.rep('x', 1e8)", "memory");
    refused("local s = string.rep('ab', 2^40, ',')", "too large");
    when_fails("", "for i = 1, 1e9 do local s = string.rep('x', 2e7) end", "ran too long");
    when_fails("big = string.rep('x', 1e7)", "for i = 1, 1e9 do local t = big .. big end", "ran too long");
    refused("string.format('%099999d', 1)", "invalid conversion");
    refused("string.format('%5000s', 'x')", "invalid conversion");
    refused("string.format('%.999f', 1)", "invalid conversion");
    allowed("assert(#string.format('%99.99f', -1e308) > 300)");
    when_fails("big = string.rep('x', 1e7)", "for i = 1, 1e9 do local t = string.format('%s%s', big, big) end",
               "ran too long");
}

TEST(sandbox_work_inside_c_functions_is_charged)
{
    refused("table.move({}, 1, 2^53, 2)", "ran too long");
    refused("table.insert(setmetatable({}, { __len = function() return 2^53 end }), 1, 'x')", "ran too long");
    refused("table.remove(setmetatable({}, { __len = function() return 2^53 end }), 1)", "ran too long");
    /* loops that spend little in instructions and much in C: each stops within its call's budget */
    when_fails("t = {} for i = 1, 999000 do t[i] = i end", "local function g(...) return 1 end "
               "for i = 1, 1e9 do g(table.unpack(t)) end", "ran too long");
    when_fails("", "local function f(n, ...) if n == 0 then return select('#', ...) end "
               "return f(n - 1, 1, ...) end return f(1e6)", "ran too long");
    when_fails("big = string.rep('x', 3e7)", "for i = 1, 1e9 do utf8.len(big) end", "ran too long");
    when_fails("big = string.rep(' ', 3e7)", "for i = 1, 1e9 do load(big) end", "ran too long");
    when_fails("t = {} for i = 1, 1e6 do t[i] = -i end", "for i = 1, 1e9 do table.sort(t) end", "ran too long");
    when_fails("big = string.rep('a', 1e5)", "for i = 1, 1e9 do big:gsub('a', 'b') end", "ran too long");
    /* a coroutine that hands back 100000 values at every resume */
    when_fails("t = {} for i = 1, 1e5 do t[i] = i end "
               "co = coroutine.wrap(function() while true do coroutine.yield(table.unpack(t)) end end)",
               "while true do co() end", "ran too long");
    when_fails("fmt = string.rep('i1', 1e5) data = string.rep('x', 1e5)",
               "while true do string.unpack(fmt, data) end", "ran too long");
    /* the real functions keep their meaning */
    allowed("local t = {1, 2, 3} table.insert(t, 1, 0) assert(table.concat(t, ',') == '0,1,2,3')\n"
            "assert(table.remove(t, 1) == 0 and #t == 3 and table.remove(t) == 3)\n"
            "assert(select('#', table.unpack({1, 2, nil, 4}, 1, 4)) == 4)\n"
            "local m = table.move({1, 2, 3}, 1, 3, 2) assert(m[1] == 1 and m[4] == 3)");
}

TEST(sandbox_pcall_cannot_outlive_the_budget)
{
    /* once the budget is spent every further instruction fails: `return true` must never run */
    when_fails("", "pcall(function() while true do end end) return true", "ran too long");
    when_fails("", "for i = 1, 3 do pcall(function() while true do end end) end return true", "ran too long");
    when_fails("", "local ok = pcall(string.rep, 'x', 1e7) while not ok do ok = pcall(string.rep, 'x', 1e7) end "
               "return true", "ran too long");
    when_fails("", "local n = 0 while true do n = n + 1 pcall(error) end", "ran too long");
}

TEST(sandbox_memory_cap_is_per_scenario)
{
    /* each state may hold 25 MB: three of them together exceed one cap, so the cap is not shared */
    const char *big = "keep = string.rep('x', 25 * 1024 * 1024)\n" HEAD BODY;
    rp_diags d = { 0 };
    rp_scenario *a = load_str(big, &d);
    rp_scenario *b = load_str(big, &d);
    rp_scenario *b2 = load_str(big, &d);
    CHECK(a != NULL && b != NULL && b2 != NULL);
    rp_scenario_free(b2);
    /* one that goes over its own cap fails alone, and the others keep working */
    rp_scenario *c = load_str("t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end\n" HEAD BODY, &d);
    CHECK(c == NULL);
    CHECK(find_diag(&d, RP_ERROR, "more than 64 MB of memory") != NULL);
    if (a) {
        rp_session *s = play(a, "1");
        CHECK(rp_session_status(s) == RP_ENDED);
        rp_session_free(s);
    }
    rp_scenario_free(a);
    rp_scenario_free(b);
    rp_diags_free(&d);
    /* a state filled to its cap at load still answers its when functions */
    a = load_str("t = {} pcall(function() while true do t[#t + 1] = string.rep('y', 4096) .. #t end end) t[#t] = nil\n"
                 HEAD "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\",\n"
                 "  when = function(s) return s.vars.nothing == nil end } }\nending \"e\" { }\n", &d);
    if (a) {
        rp_session *s = play(a, "1");
        CHECK(rp_session_status(s) == RP_ENDED || rp_session_status(s) == RP_FAILED);
        rp_session_free(s);
    }
    rp_scenario_free(a);
    rp_diags_free(&d);
}

TEST(sandbox_messages_are_safe_for_a_terminal)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str("x = \"abc\x1b[2J\n" HEAD BODY, &d);
    CHECK(sc == NULL);
    for (int i = 0; i < d.n; i++)
        for (const char *p = d.items[i].message; *p; p++)
            CHECK((unsigned char)*p >= 0x20 || *p == '\t');
    rp_diags_free(&d);
    when_fails("", "error('\\27]0;owned\\7 \\155 \\255')", "?]0;owned? ? ?");
    /* text the terminal player prints may hold no control characters (C0, DEL or C1) */
    const char *texts[] = {
        "node \"a\" { say = \"x\\27[2J\", { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" } }",
        "node \"a\" { { \"x\\7\", quality = \"best\", go = \"e\", feedback = \"f\" } }",
        "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"\\194\\155[2J\" } }",
        "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\", set = { v = \"\\27\" } } }",
        "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\", set = { v = \"a\\0b\" } } }",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char src[1024];
        snprintf(src, sizeof src, HEAD "%s\nending \"e\" { }\n", texts[i]);
        sc = load_str(src, &d);
        if (sc != NULL || (find_diag(&d, RP_ERROR, "control character") == NULL &&
                           find_diag(&d, RP_ERROR, "not plain UTF-8 text") == NULL)) {
            fprintf(stderr, "  accepted: %s\n", texts[i]);
            test_failures++;
        }
        rp_scenario_free(sc);
        rp_diags_free(&d);
    }
    /* tabs and line breaks are text */
    allowed("x = 1 --[[ \t ]]");
    sc = load_str(HEAD "node \"a\" { say = \"one\\ntwo\\tthree\\r\", { \"x\", quality = \"best\", go = \"e\", "
                  "feedback = \"f\" } }\nending \"e\" { }\n", &d);
    CHECK(sc != NULL);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}
