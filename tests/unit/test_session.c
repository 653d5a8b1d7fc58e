/* test_session.c - the rules of a run (DESIGN section 3). */
#include "test.h"
#include "helpers.h"

#include <stdlib.h>

#define HEAD "scenario { id = \"t\", title = \"T\", audience = \"external\", customer = { name = \"Dana\", mood = %s } }\n"

static rp_scenario *loadf(const char *fmt, const char *mood, rp_diags *d)
{
    char buf[8192];
    snprintf(buf, sizeof buf, fmt, mood);
    return load_str(buf, d);
}

static const char *path_str(const rp_session *s, char *buf, size_t size)
{
    int n;
    const int *p = rp_session_path(s, &n);
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        strncat(buf, i ? "," : "", size - strlen(buf) - 1);
        strncat(buf, rp_session_scenario(s)->nodes[p[i]].id, size - strlen(buf) - 1);
    }
    return buf;
}

TEST(session_start_defaults_to_first_declared_node)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"b\" { say = \"hi\", { \"x\", quality = \"good\", go = \"end\", feedback = \"f\" } }\n"
        "node \"a\" { go = \"b\" }\n"
        "ending \"end\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    char buf[256];
    CHECK_STR(path_str(s, buf, sizeof buf), "b,end");
    CHECK(rp_session_status(s) == RP_ENDED);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_plain_steps_are_not_decisions)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { say = \"one\", go = \"b\" }\n"
        "node \"b\" { say = \"two\", go = \"c\" }\n"
        "node \"c\" { { \"x\", quality = \"best\", go = \"end\", feedback = \"f\" },"
        "             { \"y\", quality = \"poor\", go = \"end\", feedback = \"f\" } }\n"
        "ending \"end\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "");
    CHECK(rp_session_status(s) == RP_AT_DECISION);
    CHECK(rp_session_node(s) == 2);
    int n;
    rp_session_decisions(s, &n);
    CHECK(n == 0);
    rp_session_choose(s, 2, -1);
    char buf[256];
    CHECK_STR(path_str(s, buf, sizeof buf), "a,b,c,end");
    rp_session_decisions(s, &n);
    CHECK(n == 1);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_when_filters_choices_and_indexes_are_among_shown)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" {\n"
        "  { \"hidden\", quality = \"best\", when = function(s) return s.vars.x end, go = \"h\", feedback = \"f\" },\n"
        "  { \"shown\", quality = \"poor\", go = \"s\", feedback = \"f\" } }\n"
        "ending \"h\" { }\nending \"s\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "");
    int n;
    const int *shown = rp_session_shown(s, &n);
    CHECK(n == 1);
    CHECK(shown[0] == 1);
    rp_session_choose(s, 1, -1);
    CHECK(rp_session_ending(s) == rp_scenario_find_node(sc, "s"));
    /* a single shown choice tests nothing: every score is null */
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK(!sco.tested[0] && !sco.tested[1] && !sco.tested[2] && !sco.has_overall);
    CHECK(!sco.passed);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_set_and_mood_apply_before_go_function)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" {\n"
        "  { \"x\", quality = \"best\", mood = 2, set = { flag = \"yes\" },\n"
        "    go = function(s) if s.vars.flag == \"yes\" and s.mood == 2 then return \"good\" end return \"bad\" end, feedback = \"f\" },\n"
        "  { \"y\", quality = \"poor\", go = \"bad\", feedback = \"f\" } }\n"
        "ending \"good\" { }\nending \"bad\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    CHECK(rp_session_ending(s) == rp_scenario_find_node(sc, "good"));
    CHECK_NEAR(rp_session_mood(s), 2, 0);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_choice_without_go_uses_node_go)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { go = \"e\", { \"x\", quality = \"best\", feedback = \"f\" }, { \"y\", quality = \"poor\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "2");
    CHECK(rp_session_status(s) == RP_ENDED);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_no_shown_choice_follows_node_go_or_dead_ends)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { go = \"b\", { \"x\", when = function(s) return false end, quality = \"best\", feedback = \"f\" } }\n"
        "node \"b\" { { \"y\", when = function(s) return false end, quality = \"best\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "");
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "t.lua:3: dead end: node 'b'");
    char buf[256];
    CHECK_STR(path_str(s, buf, sizeof buf), "a,b");
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_mood_is_clamped)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { { \"x\", quality = \"best\", mood = 5, go = \"b\", feedback = \"f\" }, { \"y\", mood = -9, go = \"b\", feedback = \"f\" } }\n"
        "node \"b\" { { \"x\", quality = \"best\", mood = -1, go = \"e\", feedback = \"f\" }, { \"y\", mood = -9, go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "2", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1,1");
    CHECK_NEAR(rp_session_mood(s), 2, 0);     /* 2+5 -> 3, then -1 */
    int n;
    const rp_decision *dec = rp_session_decisions(s, &n);
    CHECK_NEAR(dec[0].mood_change, 1, 0);
    rp_session_free(s);
    s = play(sc, "2,2");
    CHECK_NEAR(rp_session_mood(s), -3, 0);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_loops_are_allowed)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { say = \"again?\",\n"
        "  { \"loop\", quality = \"poor\", go = \"a\", feedback = \"f\" },\n"
        "  { \"leave\", quality = \"best\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1,1,1,2");
    char buf[256];
    CHECK_STR(path_str(s, buf, sizeof buf), "a,a,a,a,e");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK_NEAR(sco.dim[RP_DIM_CHOICES], 25, 1e-9);   /* 2 of 8 possible */
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_plain_step_loop_is_an_error_not_a_hang)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { go = \"b\" }\nnode \"b\" { go = \"a\" }\nending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "");
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "without a decision");
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_timeout_scores_minimum_and_drops_mood)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { time_limit = 10, on_timeout = \"late\",\n"
        "  { \"x\", quality = \"best\", empathy = 2, resolution = 1, go = \"e\", feedback = \"f\" },\n"
        "  { \"y\", quality = \"poor\", empathy = -1, resolution = 0, go = \"e\", feedback = \"f\" } }\n"
        "node \"late\" { { \"x\", quality = \"best\", empathy = 1, go = \"e\", feedback = \"f\" },"
        "               { \"y\", quality = \"good\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "t,1");
    CHECK(rp_session_status(s) == RP_ENDED);
    CHECK_NEAR(rp_session_mood(s), -1, 0);
    int n;
    const rp_decision *dec = rp_session_decisions(s, &n);
    REQUIRE(n == 2);
    CHECK(dec[0].timed_out);
    CHECK_NEAR(dec[0].value[RP_DIM_EMPATHY], -1, 0);
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK_NEAR(sco.dim[RP_DIM_EMPATHY], 100.0 * 1 / 4, 1e-9);      /* 0 of 3, then 1 of 1 */
    CHECK_NEAR(sco.dim[RP_DIM_RESOLUTION], 0, 1e-9);               /* 0 of 1 */
    CHECK_NEAR(sco.dim[RP_DIM_CHOICES], 100.0 * 1 / 3, 1e-9);      /* 0 of 2, 1 of 1 */
    rp_session_free(s);
    /* 't' at a node without a time limit changes nothing */
    s = play(sc, "1");
    CHECK(!rp_session_can_time_out(s));
    CHECK(rp_session_timeout(s) == RP_ENDED);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_out_of_range_choice_changes_nothing)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" }, { \"y\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "");
    CHECK(rp_session_choose(s, 3, -1) == RP_AT_DECISION);
    CHECK(rp_session_choose(s, 0, -1) == RP_AT_DECISION);
    int n;
    rp_session_decisions(s, &n);
    CHECK(n == 0);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_go_function_errors_name_the_line)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { { \"x\", quality = \"best\", go = function(s) return \"nowhere\" end, feedback = \"f\" },\n"
        "  { \"y\", go = function(s) error(\"boom\") end, feedback = \"f\" },\n"
        "  { \"z\", go = function(s) return 42 end, feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "t.lua:2: the go function returned 'nowhere'");
    rp_session_free(s);
    s = play(sc, "2");
    CHECK_CONTAINS(rp_session_error(s), "t.lua:3: boom");
    rp_session_free(s);
    s = play(sc, "3");
    CHECK_CONTAINS(rp_session_error(s), "t.lua:4: the go function returned number");
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_view_is_read_only_and_has_visited_and_trainee)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { go = \"b\" }\n"
        "node \"b\" { { \"x\", quality = \"best\", go = function(s) if s.visited(\"a\") and not s.visited(\"e\") and s.trainee == \"sam\" then return \"e\" end end, feedback = \"f\" },\n"
        "  { \"y\", go = function(s) s.vars.x = 1 return \"e\" end, feedback = \"f\" } }\n"
        "ending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    CHECK(rp_session_status(s) == RP_ENDED);
    rp_session_free(s);
    s = play(sc, "2");
    CHECK(rp_session_status(s) == RP_FAILED);
    CHECK_CONTAINS(rp_session_error(s), "read-only");
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_fill_placeholders)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { { \"x\", quality = \"best\", set = { order = 4471, vip = true }, go = \"b\", feedback = \"f\" }, { \"y\", go = \"b\", feedback = \"f\" } }\n"
        "node \"b\" { go = \"e\" }\nending \"e\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    char *t = rp_session_fill(s, "Hi {customer}, I'm {trainee}. Order {order} {vip}. {unknown} {");
    CHECK_STR(t, "Hi Dana, I'm sam. Order 4471 yes. {unknown} {");
    free(t);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(session_clone_is_independent)
{
    rp_diags d = { 0 };
    rp_scenario *sc = loadf(HEAD
        "node \"a\" { { \"x\", quality = \"best\", set = { k = 1 }, go = \"e\", feedback = \"f\" }, { \"y\", go = \"f\", feedback = \"f\" } }\n"
        "ending \"e\" { }\nending \"f\" { }\n", "0", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "");
    rp_session *c = rp_session_clone(s);
    rp_session_choose(c, 1, -1);
    rp_session_choose(s, 2, -1);
    CHECK(rp_session_ending(c) == 1);
    CHECK(rp_session_ending(s) == 2);
    CHECK(rp_session_var(c, 0)->kind == RP_VAL_NUMBER);
    CHECK(rp_session_var(s, 0)->kind == RP_VAL_NIL);
    rp_session_free(c);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}
