#!/bin/sh
# Bad input of every kind: broken and hostile scenario files (tests/data/bad/),
# wrong command-line arguments for every command, missing assets, and a check
# that nothing is written outside the data directory. Each case runs under
# `timeout 10` (a hang fails) and asserts the exit code and that the message
# names the thing that is wrong and says what to do. A crash (a signal) fails.
#
#   RAPPORT_BIN        the program to test (default ./rapport)
#   RAPPORT_SANITIZED  set by `make test-sanitize`: skips the valgrind case
cd "$(dirname "$0")/../.." || exit 1
R=${RAPPORT_BIN:-./rapport}
EX="${RAPPORT_SHARED:-../shared}/examples/late_refund.lua"
B=tests/data/bad
pass=0; fail=0; skip=0

tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
# Every command runs with a private home: nothing may touch the real one.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config" \
       XDG_CACHE_HOME="$tmp/home/.cache" XDG_STATE_HOME="$tmp/home/.local/state" RAPPORT_TRAINEE=sam
unset RAPPORT_DB
mkdir -p "$HOME"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL bad_input $*"; }
skipped() { skip=$((skip + 1)); echo "skip bad_input $*"; }

# run_ NAME CMD...: runs CMD (stdin from /dev/null unless STDIN is set) with a
# 10 s timeout; sets $out and $rc; fails the case on a hang or a crash.
run_() {
    name=$1; shift
    if [ -n "${STDIN:-}" ]; then
        out=$(printf '%b' "$STDIN" | timeout 10 "$@" 2>&1); rc=$?
    else
        out=$(timeout 10 "$@" </dev/null 2>&1); rc=$?
    fi
    if [ "$rc" = 124 ]; then bad "$name: timed out after 10 s (a hang)"; return 1; fi
    if [ "$rc" -ge 128 ]; then bad "$name: crashed (exit $rc)"; printf '%s\n' "$out" | tail -5; return 1; fi
    return 0
}

# expect NAME CODE THING TODO CMD...: exit code CODE, and the output matches the
# extended regexps THING (what is wrong, where) and TODO (what to do).
expect() {
    name=$1; code=$2; thing=$3; todo=$4; shift 4
    run_ "$name" "$@" || return
    if [ "$rc" != "$code" ]; then
        bad "$name: exit $rc, expected $code"; printf '%s\n' "$out" | head -5; return
    fi
    if ! printf '%s\n' "$out" | grep -Eq -- "$thing"; then
        bad "$name: the message does not name the problem (/$thing/):"; printf '%s\n' "$out" | head -5; return
    fi
    if ! printf '%s\n' "$out" | grep -Eq -- "$todo"; then
        bad "$name: the message does not say what to do (/$todo/):"; printf '%s\n' "$out" | head -5; return
    fi
    ok
}

# ---- scenario files ------------------------------------------------------------------

expect syntax_error 2 "$B/syntax_error.lua:4: error:" "'}' expected" $R check $B/syntax_error.lua
expect wrong_types 2 "$B/wrong_types.lua:1: error: scenario 'title'" "should be text in quotes" \
    $R check $B/wrong_types.lua
expect wrong_types_choice 2 "$B/wrong_types.lua:4: error: choice 1 'empathy'" "should be a number" \
    $R check $B/wrong_types.lua
expect unknown_keys 0 "unknown_keys.lua:1: warning: unknown key 'tittle'" "did you mean 'title'" \
    $R check $B/unknown_keys.lua
expect missing_start 2 "missing_start.lua:1: error: start goes to 'openning'" "did you mean 'opening'" \
    $R run $B/missing_start.lua --choices 1
expect dangling_go 2 "dangling_go.lua:3: error: choice 1 goes to 'doen'" "did you mean 'done'" \
    $R run $B/dangling_go.lua --choices 1
expect duplicate_ids 2 "duplicate_ids.lua:3: error: duplicate id 'opening'" "needs its own id" \
    $R check $B/duplicate_ids.lua
expect no_ending 2 "no_ending.lua: error: the scenario has no ending" "add at least one" \
    $R run $B/no_ending.lua --choices 1
expect empty_file 2 "empty.lua: error: the file is empty" "a scenario starts with scenario" \
    $R run $B/empty.lua --choices 1
expect blank_file 2 "blank.lua: error: the file is empty" "a scenario starts with scenario" \
    $R check $B/blank.lua
expect binary_garbage 2 "garbage.lua:[0-9]+: error: the file has the control byte" "save it as plain UTF-8 text" \
    $R run $B/garbage.lua --choices 1
expect nul_bytes 2 "nul_bytes.lua:1: error: .*0x00" "save it as plain UTF-8 text" $R check $B/nul_bytes.lua
expect invalid_utf8 2 "invalid_utf8.lua:1: error: scenario 'title' is not valid UTF-8" "save the file as UTF-8" \
    $R check $B/invalid_utf8.lua
expect bom_and_crlf_load 0 "Ending: done" "PASSED" $R run $B/bom_crlf.lua --choices 1
expect bom_and_crlf_check 0 "^$" "^$" $R check $B/bom_crlf.lua

# A 10 MB file: a valid scenario followed by 10 MB of comment.
{ cat $B/bom_crlf.lua; i=0; while [ $i -lt 160 ]; do printf -- '-- %065536d\n' 0; i=$((i + 1)); done; } > "$tmp/ten_mb.lua"
expect ten_mb_file 2 "ten_mb.lua: error: the file is larger than" "should be far smaller" \
    $R check "$tmp/ten_mb.lua"
expect ten_mb_string_at_load 0 "Ending: done" "PASSED" $R run $B/big_string.lua --choices 1
expect memory_hog 2 "memory_hog.lua: error: the script used more than 64 MB" "keep less data" \
    $R run $B/memory_hog.lua --choices 1
expect endless_loop_at_load 2 "endless_loop.lua:2: error: the script ran too long" "endless loop" \
    $R check $B/endless_loop.lua
expect when_loops 2 "when_loops.lua:3: the script ran too long" "endless loop" \
    $R run $B/when_loops.lua --choices 1
expect go_spins_for_ever 2 "run too long in total" "look for a loop" $R run $B/go_spins.lua --choices 1
rm -f /tmp/rapport-escaped
expect sandbox_escape 2 "escape.lua:2: error: 'os' is not available" "in scenarios" $R run $B/escape.lua --choices 1
[ -e /tmp/rapport-escaped ] && bad "sandbox_escape: /tmp/rapport-escaped was created"
expect explore_million_paths_and_a_loop 0 "LIMIT REACHED" "raise --limit" $R explore $B/wide_loop.lua
expect check_million_paths_and_a_loop 2 "wide_loop.lua:2: error: no path reaches an ending" "loops for ever" \
    $R check $B/wide_loop.lua
expect pattern_bomb 2 "pattern_bomb.lua:3: error: string.find: this pattern" "simplify the pattern" \
    $R check $B/pattern_bomb.lua
expect control_characters_in_text 2 "control_chars.lua:3: error: node 'say' contains the control character U\+001B" \
    "remove it" $R check $B/control_chars.lua
expect terminal_escapes 2 "terminal_escape.lua:2: error:" "pwned" $R check $B/terminal_escape.lua
if printf '%s' "$out" | od -An -c | grep -q '033'; then bad "terminal_escapes: an ESC byte reached the terminal"; fi
expect directory_as_file 2 "$B: is a directory" "give a .lua file" $R run $B --choices 1
expect directory_check 2 "$B: error: is a directory" "not a scenario file" $R check $B
expect missing_file 2 "nosuch.lua: no such scenario file" "bundled scenario id" $R run "$tmp/nosuch.lua" --choices 1

cp $B/bom_crlf.lua "$tmp/unreadable.lua"; chmod 000 "$tmp/unreadable.lua"
if [ -r "$tmp/unreadable.lua" ]; then
    skipped "unreadable_file: running as root, which can read a chmod 000 file anyway"
else
    expect unreadable_file 2 "unreadable.lua: error: cannot open" "Permission denied" $R check "$tmp/unreadable.lua"
fi

# ---- command-line arguments ---------------------------------------------------------

expect unknown_command 1 "unknown command 'frobnicate'" "usage:" $R frobnicate
expect run_unknown_option 1 "'--frob'" "usage: rapport run" $R run "$EX" --frob
expect run_choices_missing_value 1 "'--choices'" "usage: rapport run" $R run "$EX" --choices
expect run_trainee_missing_value 1 "'--trainee'" "usage: rapport run" $R run "$EX" --trainee
expect run_no_file 1 "give exactly one scenario file" "usage: rapport run" $R run --choices 1
expect run_two_files 1 "give exactly one scenario file" "usage: rapport run" $R run "$EX" "$EX" --choices 1
expect run_choices_garbage 1 "choice 1 is 'garbage'" "give a number from 1" $R run "$EX" --choices garbage
expect run_choices_zero 1 "choice 1 is '0'" "give a number from 1" $R run "$EX" --choices 0
expect run_choices_empty_item 1 "choice 2 is ''" "give a number from 1" $R run "$EX" --choices 1,,2
expect run_choices_huge 1 "choice 1 is '99999999999999999999'" "give a number from 1" \
    $R run "$EX" --choices 99999999999999999999
STDIN='2\nfrog\n'; expect run_stdin_garbage 1 "choice 2 is 'frog'" "give a number from 1" $R run "$EX"; STDIN=
expect run_choice_out_of_range 4 "decision 1 \\(node 'opening'\\): choice 7 is out of range" "choose 1 to 3" \
    $R run "$EX" --choices 7
long=$(i=0; while [ $i -lt 20000 ]; do printf '1,'; i=$((i + 1)); done; printf 1)
expect run_very_long_choice_list 0 "more choices were ignored" "Ending:" $R run "$EX" --choices "$long"
expect check_unknown_option 1 "unknown option '--frob'" "rapport check --help" $R check --frob "$EX"
expect check_no_file 1 "usage: rapport check" "FILE" $R check
expect explore_limit_zero 1 "--limit" "1 or more" $R explore "$EX" --limit 0
expect explore_limit_garbage 1 "--limit" "1 or more" $R explore "$EX" --limit lots
expect explore_limit_missing 1 "'--limit'" "usage|--limit" $R explore "$EX" --limit
expect explore_unknown_option 1 "'--frob'" "usage|--frob" $R explore "$EX" --frob
expect explore_no_file 1 "usage: rapport explore" "FILE" $R explore
expect graph_bad_format 1 "--format is 'pdf'" "use dot or svg" $R graph "$EX" --format pdf
expect graph_format_missing 1 "--format needs a value" "--format dot" $R graph "$EX" --format
expect graph_unknown_option 1 "unknown option '--frob'" "graph" $R graph "$EX" --frob
expect new_no_id 1 "usage: rapport new ID" "lowercase letters" $R new
expect new_bad_id 1 "'Bad ID' is not a valid id" "use lowercase letters" $R new "Bad ID"
expect play_unknown_option 1 "'--frob'" "usage: rapport play" $R play --frob
expect play_missing_scenario 2 "nosuch-id: no such scenario" "bundled scenario id" $R play nosuch-id --text
expect play_screenshot_without_choices 1 "--choices and --screenshot go together" "--choices" \
    $R play "$EX" --screenshot "$tmp/shots"
expect report_bad_date 1 "--since 'notadate' is not a date" "give YYYY-MM-DD" $R report --since notadate
expect report_unknown_option 1 "'--frob'" "usage: rapport report" $R report --frob
expect verify_db_missing_value 1 "'--db'" "usage: rapport verify" $R verify --db
expect forget_no_trainee 1 "name the trainee" "--trainee NAME" $R forget
expect forget_trainee_missing_value 1 "'--trainee'" "usage: rapport forget" $R forget --trainee
expect sync_bad_address 1 "'notaurl' is not a web address" "give the LRS" $R sync --lrs notaurl
expect sync_unknown_option 1 "'--frob'" "usage: rapport sync" $R sync --frob
expect passphrase_unknown_option 1 "unknown option '--frob'" "passphrase" $R passphrase --frob

# ---- assets: the window's headless screenshots with no fonts or a corrupt portrait ---

if $R play --help 2>&1 | grep -q -- '--screenshot'; then
    mkdir -p "$tmp/shots"
    run_ missing_assets env RAPPORT_ASSETS=/nonexistent $R play "$EX" --choices 2,1,1,1 --screenshot "$tmp/shots" &&
    if [ "$rc" = 0 ] && ls "$tmp/shots"/*.png >/dev/null 2>&1; then ok
    elif [ "$rc" != 0 ] && printf '%s\n' "$out" | grep -q 'RAPPORT_ASSETS'; then ok
    else bad "missing_assets: exit $rc, no screenshots and no message naming RAPPORT_ASSETS"; printf '%s\n' "$out" | head -3
    fi
    mkdir -p "$tmp/portrait" "$tmp/shots2"
    sed 's/customer = { name = "Dana" }/customer = { name = "Dana", portrait = "corrupt.png" }/' \
        $B/bom_crlf.lua > "$tmp/portrait/scenario.lua"
    cp $B/corrupt.png "$tmp/portrait/"
    run_ corrupt_portrait $R play "$tmp/portrait/scenario.lua" --choices 1 --screenshot "$tmp/shots2" &&
    if [ "$rc" = 0 ] && ls "$tmp/shots2"/*.png >/dev/null 2>&1; then ok
    else bad "corrupt_portrait: exit $rc"; printf '%s\n' "$out" | head -3
    fi
else
    skipped "missing_assets, corrupt_portrait: this build has no 'play --screenshot'"
fi

# ---- nothing written outside the data directory ---------------------------------------

# The places a stray write would land: the working directory, the scenario folders,
# and the real home's Rapport folders. Only $XDG_DATA_HOME/rapport may gain files.
snapshot() {
    { find . -maxdepth 1 -type f ! -name rapport ! -name rapport-window -printf '%p %s %T@\n'
      find $B scenarios tests/data -type f -printf '%p %s %T@\n'
      ls -la "$REAL_HOME/.local/share/rapport" "$REAL_HOME/.config/rapport" 2>/dev/null; } | sort
}
REAL_HOME=$(getent passwd "$(id -u)" | cut -d: -f6)
before=$(snapshot)
find "$tmp/home" -type f > "$tmp/home-before"
db_default=1
for c in "run $EX --choices 2,1,1,1" "run $EX --choices 2,1,1,1 --json" "check $EX" "explore $EX" \
         "graph $EX" "new my-scenario" "run $EX --choices 1,1,1 --record" "report" "verify"; do
    # shellcheck disable=SC2086
    run_ "writes: $c" $R $c || db_default=0
done
after=$(snapshot)
if [ "$before" != "$after" ]; then
    bad "nothing_written_outside: files changed outside the data directory:"
    printf '%s\n' "$before" > "$tmp/b"; printf '%s\n' "$after" > "$tmp/a"; diff "$tmp/b" "$tmp/a" | head -10
else
    stray=$(find "$tmp/home" -type f | grep -v "^$XDG_DATA_HOME/rapport/")
    if [ -n "$stray" ]; then bad "nothing_written_outside: files outside \$XDG_DATA_HOME/rapport: $stray"
    elif [ "$db_default" = 1 ] && ! ls "$XDG_DATA_HOME/rapport/" >/dev/null 2>&1; then
        bad "nothing_written_outside: 'run --record' stored nothing under \$XDG_DATA_HOME/rapport"
    else ok
    fi
fi

# ---- a headless run is clean under valgrind ------------------------------------------

if [ -n "${RAPPORT_SANITIZED:-}" ]; then
    skipped "valgrind: the program is built with sanitizers (make test-sanitize), which valgrind cannot run"
elif ! command -v valgrind >/dev/null; then
    skipped "valgrind: not installed (make deps installs it)"
else
    vout=$(timeout 120 valgrind --error-exitcode=1 --leak-check=full $R run "$EX" --choices 2,1,1,1 2>&1); vrc=$?
    if [ "$vrc" = 0 ] && printf '%s\n' "$vout" | grep -q "ERROR SUMMARY: 0 errors"; then ok
    else bad "valgrind: exit $vrc"; printf '%s\n' "$vout" | grep -E "==[0-9]+== (Invalid|Conditional|.*lost)" | head -10
    fi
fi

[ "$skip" -gt 0 ] && echo "bad_input: $skip skipped (see above)"
echo "bad_input: $pass passed, $fail failed"
[ "$fail" = 0 ]
