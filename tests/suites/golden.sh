#!/bin/sh
# Golden runs of the command line: the output and exit code of each case must
# match tests/golden/NAME.out and NAME.code exactly. UPDATE=1 rewrites them
# (read the diff before committing).
cd "$(dirname "$0")/../.." || exit 1
EX="${RAPPORT_SHARED:-../shared}/examples/late_refund.lua"
G=tests/golden
pass=0; fail=0
case_() {   # name, then the command (run through sh -c, stdout+stderr captured)
    name=$1; shift
    out=$(sh -c "$*" 2>&1 | sed "s#${EX}#EXAMPLE#g"); code=$?
    code=$(sh -c "$* >/dev/null 2>&1; echo \$?")
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$out" > "$G/$name.out"; echo "$code" > "$G/$name.code"
    fi
    if [ "$out" = "$(cat "$G/$name.out" 2>/dev/null)" ] && [ "$code" = "$(cat "$G/$name.code" 2>/dev/null)" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL golden $name (exit $code, expected $(cat "$G/$name.code" 2>/dev/null))"
        printf '%s\n' "$out" | diff "$G/$name.out" - | head -20
    fi
}
R=${RAPPORT_BIN:-./rapport}
case_ contract_2111_json   "$R run $EX --choices 2,1,1,1 --json --trainee sam"
case_ best_path_json       "$R run $EX --choices 1,1,1 --json --trainee sam"
case_ timeout_path_json    "$R run $EX --choices t,1,1,1 --json --trainee sam"
case_ summary_text         "$R run $EX --choices 2,1,1,1 --trainee sam"
case_ stdin_choices        "printf '2\n1\n\n1\n1\n' | $R run $EX --json --trainee sam"
case_ incomplete_exit3     "$R run $EX --choices 1 --json --trainee sam"
case_ out_of_range_exit4   "$R run $EX --choices 1,5 --trainee sam"
case_ timeout_not_allowed  "$R run $EX --choices 1,t --trainee sam"
case_ bad_choice_list      "$R run $EX --choices 1,x --trainee sam"
case_ no_file              "$R run --choices 1"
case_ missing_file         "$R run /nonexistent.lua --choices 1"
case_ broken_scenario      "$R run tests/data/broken_go.lua --choices 1"
case_ extra_choices        "$R run $EX --choices 1,1,1,2,2 --trainee sam"
case_ explore_example      "$R explore $EX"
case_ check_example        "$R check $EX"
case_ check_broken         "$R check tests/data/broken_go.lua tests/data/typos.lua"
case_ graph_example        "$R graph $EX"
case_ play_text            "printf '2\n1\n1\n1\n' | $R play --text $EX --trainee sam"
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
