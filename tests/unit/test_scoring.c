/* test_scoring.c - the scoring rule (DESIGN section 4). */
#include "test.h"
#include "helpers.h"

#include <stdlib.h>

static const char *example_path(void)
{
    static char path[512];
    const char *root = getenv("RAPPORT_SHARED");
    snprintf(path, sizeof path, "%s/examples/late_refund.lua", root ? root : "../shared");
    return path;
}

TEST(scoring_contract_example_2111)
{
    rp_diags d = { 0 };
    rp_scenario *sc = rp_scenario_load_file(example_path(), &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "2,1,1,1");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK(rp_session_status(s) == RP_ENDED);
    CHECK_NEAR(rp_round1(sco.dim[RP_DIM_EMPATHY]), 57.1, 1e-9);
    CHECK_NEAR(rp_round1(sco.dim[RP_DIM_RESOLUTION]), 87.5, 1e-9);
    CHECK_NEAR(rp_round1(sco.dim[RP_DIM_CHOICES]), 77.8, 1e-9);
    CHECK_NEAR(rp_round1(sco.overall), 74.1, 1e-9);
    CHECK(sco.passed);
    CHECK_NEAR(rp_session_start_mood(s), -2, 0);
    CHECK_NEAR(rp_session_mood(s), 0, 0);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

#define HEAD(extra) "scenario { id = \"t\", title = \"T\", audience = \"external\", customer = { name = \"D\" }" extra " }\n"

TEST(scoring_untested_dimension_is_null_and_left_out_of_overall)
{
    rp_diags d = { 0 };
    /* empathy equal everywhere: never tested */
    rp_scenario *sc = load_str(HEAD("")
        "node \"a\" { { \"x\", quality = \"best\", resolution = 2, go = \"e\", feedback = \"f\" },"
        "             { \"y\", quality = \"poor\", resolution = 0, go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "2");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK(!sco.tested[RP_DIM_EMPATHY]);
    CHECK(sco.tested[RP_DIM_RESOLUTION] && sco.tested[RP_DIM_CHOICES]);
    CHECK_NEAR(sco.overall, 0, 1e-9);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(scoring_weights_and_weight_zero)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD(", weights = { empathy = 3, resolution = 0 }")
        "node \"a\" { { \"x\", quality = \"poor\", empathy = 2, resolution = 0, go = \"e\", feedback = \"f\" },"
        "             { \"y\", quality = \"best\", empathy = 0, resolution = 5, go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    rp_scores sco;
    rp_session_scores(s, &sco);
    /* empathy 100 (w 3), resolution 0 (w 0: left out), choices 0 (w 1) */
    CHECK_NEAR(sco.dim[RP_DIM_RESOLUTION], 0, 1e-9);
    CHECK_NEAR(sco.overall, 75, 1e-9);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(scoring_all_weights_zero_gives_null_overall_and_no_pass)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD(", pass_mark = 0, weights = { empathy = 0, resolution = 0, choices = 0 }")
        "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" }, { \"y\", quality = \"poor\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK(!sco.has_overall);
    CHECK(!sco.passed);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(scoring_pass_mark_compares_rounded_overall)
{
    rp_diags d = { 0 };
    /* choices only: picks worth 2 of 3 -> 66.666..., reported 66.7 */
    rp_scenario *sc = load_str(HEAD(", pass_mark = 66.7")
        "node \"a\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" }, { \"y\", quality = \"good\", go = \"e\", feedback = \"f\" },"
        "             { \"z\", quality = \"harmful\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "2");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK_NEAR(sco.overall, 200.0 / 3.0, 1e-9);
    CHECK(sco.passed);        /* 66.7 >= 66.7 although 66.666 < 66.7 */
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(scoring_rounding_is_half_away_from_zero)
{
    CHECK_NEAR(rp_round1(0.25), 0.3, 1e-12);
    CHECK_NEAR(rp_round1(87.45), 87.5, 1e-9);
    CHECK_NEAR(rp_round1(57.142857), 57.1, 1e-12);
    CHECK_NEAR(rp_round1(100), 100, 0);
}

TEST(scoring_failing_ending_never_passes)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD("")
        "node \"a\" { { \"x\", quality = \"best\", go = \"lost\", feedback = \"f\" }, { \"y\", quality = \"poor\", go = \"lost\", feedback = \"f\" } }\n"
        "ending \"lost\" { pass = false }\n", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK_NEAR(sco.overall, 100, 1e-9);
    CHECK(!sco.passed);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(scoring_incomplete_run_never_passes)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD("")
        "node \"a\" { { \"x\", quality = \"best\", go = \"b\", feedback = \"f\" }, { \"y\", quality = \"poor\", go = \"b\", feedback = \"f\" } }\n"
        "node \"b\" { { \"x\", quality = \"best\", go = \"e\", feedback = \"f\" }, { \"y\", quality = \"poor\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK_NEAR(sco.overall, 100, 1e-9);
    CHECK(!sco.passed);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(scoring_missing_quality_counts_as_good)
{
    rp_diags d = { 0 };
    rp_scenario *sc = load_str(HEAD("")
        "node \"a\" { { \"x\", go = \"e\", feedback = \"f\" }, { \"y\", quality = \"best\", go = \"e\", feedback = \"f\" },"
        "             { \"z\", quality = \"poor\", go = \"e\", feedback = \"f\" } }\n"
        "ending \"e\" { }\n", &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "1");
    rp_scores sco;
    rp_session_scores(s, &sco);
    CHECK_NEAR(sco.dim[RP_DIM_CHOICES], 50, 1e-9);    /* (2-1)/(3-1) */
    CHECK(find_diag(&d, RP_WARNING, "no quality") != NULL);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}

TEST(scoring_best_choice_is_reported)
{
    rp_diags d = { 0 };
    rp_scenario *sc = rp_scenario_load_file(example_path(), &d);
    REQUIRE(sc != NULL);
    rp_session *s = play(sc, "2,1,1,1");
    int n;
    const rp_decision *dec = rp_session_decisions(s, &n);
    REQUIRE(n == 4);
    CHECK(dec[0].best_index == 0);
    CHECK(dec[0].choice_index == 1);
    CHECK(dec[3].best_index == dec[3].choice_index);
    rp_session_free(s);
    rp_scenario_free(sc);
    rp_diags_free(&d);
}
