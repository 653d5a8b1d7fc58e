/* test_loader.c - every loader error and warning, with its line. */
#include "test.h"
#include "helpers.h"

#include <stdlib.h>

#define HEAD "scenario { id = \"t\", title = \"T\", audience = \"external\", customer = { name = \"D\" } }\n"
#define OK_NODE "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" }, { \"y\", quality = \"poor\", go = \"e\", feedback = \"f\" } }\n"
#define OK_END "ending \"e\" { }\n"

/* Loads src expecting failure with an error containing `needle` at `line`. */
static void expect_error(const char *src, int line, const char *needle)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(src, &d);
    CHECK(sc == NULL);
    const rp_diag *g = find_diag(&d, RP_ERROR, needle);
    if (g == NULL) {
        fprintf(stderr, "  no error containing \"%s\"; got:\n", needle);
        char buf[1400];
        for (int i = 0; i < d.n; i++)
            fprintf(stderr, "    %s\n", rp_diag_format(&d.items[i], buf, sizeof buf));
        test_failures++;
    } else if (g->line != line) {
        fprintf(stderr, "  error \"%s\" at line %d, expected %d\n", g->message, g->line, line);
        test_failures++;
    }
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

static void expect_warning(const char *src, int line, const char *needle)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(src, &d);
    CHECK(sc != NULL);
    const rp_diag *g = find_diag(&d, RP_WARNING, needle);
    if (g == NULL) {
        fprintf(stderr, "  no warning containing \"%s\"\n", needle);
        test_failures++;
    } else if (g->line != line) {
        fprintf(stderr, "  warning \"%s\" at line %d, expected %d\n", g->message, g->line, line);
        test_failures++;
    }
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(loader_valid_minimal_scenario_has_no_diagnostics)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD OK_NODE OK_END, &d);
    REQUIRE(sc != NULL);
    CHECK(d.n == 0);
    CHECK_STR(sc->id, "t");
    CHECK(sc->n_nodes == 2);
    CHECK(sc->nodes[0].choices[1].line == 2);
    CHECK_NEAR(sc->pass_mark, 70, 0);
    CHECK(strlen(rp_scenario_hash(sc)) == 64);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(loader_syntax_error)
{
    expect_error(HEAD "node \"a\" { say = \"x\" \n\n go = }\n", 4, "'}' expected (to close '{' at line 2) near 'go'");
}

TEST(loader_empty_file)
{
    expect_error("", 0, "the file is empty");
    expect_error("  \n\n", 0, "the file is empty");
}

TEST(loader_binary_chunk_refused)
{
    expect_error("\x1bLua\x54\x00\x19\x93\r\n\x1a\n", 0, "bytecode");
}

TEST(loader_missing_scenario_block)
{
    expect_error(OK_NODE OK_END, 0, "no scenario { ... } block");
}

TEST(loader_scenario_twice)
{
    expect_error(HEAD OK_NODE HEAD OK_END, 3, "declared twice");
}

TEST(loader_missing_id_and_bad_id)
{
    expect_error("scenario { title = \"T\" }\n" OK_NODE OK_END, 1, "no 'id'");
    expect_error("scenario {\n id = \"Bad Id\" }\n" OK_NODE OK_END, 2, "lowercase letters");
}

TEST(loader_wrong_types_name_the_key_line)
{
    expect_error("scenario { id = \"t\",\n title = 42 }\n" OK_NODE OK_END, 2, "'title' should be text");
    expect_error("scenario { id = \"t\",\n difficulty = 7 }\n" OK_NODE OK_END, 2, "difficulty is 7");
    expect_error("scenario { id = \"t\",\n pass_mark = 170 }\n" OK_NODE OK_END, 2, "pass_mark is 170");
    expect_error("scenario { id = \"t\",\n audience = \"everyone\" }\n" OK_NODE OK_END, 2, "audience is 'everyone'");
    expect_error("scenario { id = \"t\", customer = {\n mood = 9 } }\n" OK_NODE OK_END, 2, "mood' is 9");
    expect_error("scenario { id = \"t\", weights = {\n empathy = -1 } }\n" OK_NODE OK_END, 2, "weight 'empathy'");
}

TEST(loader_unknown_start_with_suggestion)
{
    expect_error("scenario { id = \"t\",\n start = \"opennig\" }\n"
                 "node \"opening\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" } }\n" OK_END,
                 2, "did you mean 'opening'");
}

TEST(loader_dangling_go_with_suggestion)
{
    expect_error(HEAD "node \"a\" {\n { \"x\", quality = \"best\", go = \"lokup\", feedback = \"f\" } }\n"
                 "node \"lookup\" { go = \"e\" }\n" OK_END, 3, "'lokup', which is not a node or ending (did you mean 'lookup'?)");
    expect_error(HEAD "node \"a\" {\n go = \"nowhere\" }\n" OK_END, 3, "'nowhere'");
    expect_error(HEAD "node \"a\" { time_limit = 5,\n on_timeout = \"nowhere\",\n"
                 " { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" } }\n" OK_END, 3, "on_timeout goes to 'nowhere'");
}

TEST(loader_duplicate_ids)
{
    expect_error(HEAD OK_NODE OK_END "ending \"a\" { }\n", 4, "duplicate id 'a' (first declared at line 2)");
}

TEST(loader_no_ending)
{
    expect_error(HEAD "node \"a\" { go = \"a\" }\n", 0, "no ending");
}

TEST(loader_no_nodes)
{
    expect_error(HEAD, 0, "no nodes");
}

TEST(loader_node_without_choices_or_go)
{
    expect_error(HEAD "node \"a\" { say = \"hello\" }\n" OK_END, 2, "neither choices nor 'go'");
}

TEST(loader_choice_without_text)
{
    expect_error(HEAD "node \"a\" {\n { quality = \"best\", go = \"e\", feedback = \"f\" } }\n" OK_END, 3, "has no text");
}

TEST(loader_bare_string_choice)
{
    expect_error(HEAD "node \"a\" {\n \"hello\" }\n" OK_END, 3, "bare text");
}

TEST(loader_unknown_quality_with_suggestion)
{
    expect_error(HEAD "node \"a\" {\n { \"x\",\n quality = \"bset\", go = \"e\", feedback = \"f\" } }\n" OK_END, 4,
                 "did you mean 'best'");
}

TEST(loader_choice_without_any_go)
{
    expect_error(HEAD "node \"a\" {\n { \"x\", quality = \"best\", feedback = \"f\" } }\n" OK_END, 3, "has no 'go'");
}

TEST(loader_node_without_body)
{
    expect_error(HEAD OK_NODE OK_END "node \"b\"\n", 4, "has no body");
}

TEST(loader_node_without_id)
{
    expect_error(HEAD "node { }\n" OK_END, 2, "needs an id in quotes");
}

TEST(loader_ending_with_choices)
{
    expect_error(HEAD OK_NODE "ending \"e\" { { \"x\" } }\n", 3, "has choices");
}

TEST(loader_undefined_global_is_named)
{
    expect_error(HEAD "Node \"a\" { go = \"e\" }\n" OK_END, 2, "'Node' is not defined (did you mean 'node'?)");
}

TEST(loader_set_with_bad_value)
{
    expect_error(HEAD "node \"a\" {\n { \"x\", quality = \"best\", go = \"e\", feedback = \"f\", set = { x = {} } } }\n" OK_END,
                 3, "set 'x'");
}

TEST(loader_invalid_utf8_and_nul_in_text)
{
    expect_error(HEAD "node \"a\" {\n say = \"caf\\xe9\", go = \"e\" }\n" OK_END, 3, "not valid UTF-8");
    expect_error(HEAD "node \"a\" {\n say = \"a\\0b\", go = \"e\" }\n" OK_END, 3, "NUL byte");
}

TEST(loader_warnings_unknown_keys_with_suggestions)
{
    expect_warning(HEAD "node \"a\" {\n sya = \"hi\", go = \"e\" }\n" OK_END, 3, "unknown key 'sya' in node (did you mean 'say'?)");
    expect_warning("scenario { id = \"t\", title = \"T\", audience = \"external\", customer = { name = \"D\" },\n"
                   " pasmark = 80 }\n" OK_NODE OK_END, 2, "did you mean 'pass_mark'");
    expect_warning(HEAD "node \"a\" {\n { \"x\", quality = \"best\", go = \"e\", feedback = \"f\",\n emapthy = 2 } }\n" OK_END,
                   4, "did you mean 'empathy'");
}

TEST(loader_warnings_missing_feedback_and_quality)
{
    expect_warning(HEAD "node \"a\" {\n { \"x\", quality = \"best\", go = \"e\" } }\n" OK_END, 3, "no feedback");
    expect_warning(HEAD "node \"a\" {\n { \"x\", go = \"e\", feedback = \"f\" } }\n" OK_END, 3, "no quality");
}

TEST(loader_warning_time_limit_without_on_timeout)
{
    expect_warning(HEAD "node \"a\" {\n time_limit = 10,\n { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" } }\n" OK_END,
                   3, "no on_timeout");
}

TEST(loader_bom_and_crlf_accepted)
{
    rp_diags d = { 0 };
    const char *src = "\xEF\xBB\xBFscenario { id = \"t\", title = \"T\", audience = \"external\", customer = { name = \"D\" } }\r\n"
                      "node \"a\" {\r\n { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" } }\r\nending \"e\" { }\r\n";
    rp_scenario *sc = load_str(src, &d);
    REQUIRE(sc != NULL);
    CHECK(d.n == 0);
    CHECK(sc->nodes[0].choices[0].line == 3);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(loader_file_errors)
{
    rp_diags d = { 0 };
    CHECK(rp_scenario_load_file("/nonexistent/x.lua", &d) == NULL);
    CHECK(find_diag(&d, RP_ERROR, "cannot open") != NULL);
    CHECK(rp_scenario_load_file("/tmp", &d) == NULL);
    CHECK(find_diag(&d, RP_ERROR, "directory") != NULL);
    rp_diags_free(&d);
}

TEST(loader_defaults)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str("scenario { id = \"t\" }\n" OK_NODE OK_END, &d);
    REQUIRE(sc != NULL);
    CHECK_STR(sc->title, "t");
    CHECK_STR(sc->audience, "external");
    CHECK_STR(sc->customer.name, "Customer");
    CHECK_NEAR(sc->pass_mark, 70, 0);
    CHECK_NEAR(sc->weights[0] + sc->weights[1] + sc->weights[2], 3, 0);
    CHECK_STR(sc->nodes[1].outcome, "e");
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(loader_functions_may_use_helpers_and_locals)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD
        "local function calm(s) return s.mood >= 0 end\n"
        "for i = 1, 3 do node (\"n\" .. i) { go = (i < 3) and (\"n\" .. (i + 1)) or \"e\" } end\n"
        "node \"a\" { { \"x\", quality = \"best\", when = calm, go = \"n1\", feedback = \"f\" }, { \"y\", quality = \"poor\", go = \"e\", feedback = \"f\" } }\n"
        OK_END, &d);
    REQUIRE(sc != NULL);
    CHECK(sc->n_nodes == 5);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(loader_choice_lines_survive_functions_with_blocks)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD
        "node \"a\" {\n"
        " { \"x\", quality = \"best\", go = \"e\", feedback = \"f\",\n"
        "   when = function(s) local n, t = 0, {1, 2} repeat n = n + 1 until n > 2\n"
        "     for i, v in ipairs(t) do if v then n = n + v end end\n"
        "     while false do end return n > 0 end },\n"
        " { \"y\", quality = \"poor\", go = \"e\", feedback = \"f\" },\n"
        "}\n" OK_END, &d);
    REQUIRE(sc != NULL);
    CHECK(sc->nodes[0].choices[0].line == 3);
    CHECK(sc->nodes[0].choices[1].line == 7);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}
