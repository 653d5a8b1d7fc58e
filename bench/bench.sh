#!/bin/sh
# bench.sh - Rapport's benchmarks, run by `make bench`.
#
# A benchmark, not a test: it prints numbers and their targets and always
# exits 0 unless something could not be built or run at all. Method and
# past results: docs/benchmarks.md.
#
#   1  load + full headless run of a 1,000-node scenario, in-process
#      (bench/bench_engine.c, linked against the engine objects)  target < 20 ms
#   2  `rapport run late_refund.lua --choices 2,1,1,1`, wall time
#      (hyperfine when installed, else a loop)                     target < 5 ms
#   3  `rapport explore --json --limit 1000000` on the 3^12 scenario,
#      decision steps per second                                   target >= 1,000,000/s
#   4  random replays of a 20-decision, 3-choice story: the ink runtime
#      (inkjs from npm, installed into build/npm) beside Rapport's session
#
# Settings (environment): RAPPORT_SHARED (default ../shared, for the
# example scenario), BENCH_RUNS (runs for benchmark 2, default 300),
# BENCH_SECONDS (seconds for each replay measure, default 2).
cd "$(dirname "$0")/.." || exit 1
: "${RAPPORT_SHARED:=../shared}"
: "${BENCH_RUNS:=300}"
: "${BENCH_SECONDS:=2}"
OUT=bench/out
NPM_PREFIX=build/npm
mkdir -p "$OUT"

die() { echo "bench: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
now_ns() { date +%s%N; }
# value KEY FILE: the number on the line "KEY number ..."
value() { awk -v k="$1" '$1 == k { print $2; exit }' "$2"; }

[ -x ./rapport ] || die "./rapport is missing; run 'make' first (make bench builds it)"
have python3 || die "python3 is needed to generate the benchmark scenarios"

echo "Rapport benchmarks (numbers, not pass/fail)"
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
echo "machine: ${cpu:-unknown cpu}, $(nproc 2>/dev/null || echo '?') cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo

# ---- the scenarios --------------------------------------------------------
python3 bench/gen_scenario.py "$OUT" >/dev/null || die "bench/gen_scenario.py failed"
CHAIN=$OUT/chain1000.lua
TREE=$OUT/tree3x12.lua
WIDE=$OUT/wide20.lua
EXAMPLE=$RAPPORT_SHARED/examples/late_refund.lua
[ -f "$EXAMPLE" ] || die "$EXAMPLE not found (set RAPPORT_SHARED)"

# ---- 1 (and the in-process explore and replay): bench_engine ----------------
# The same compiler, flags and libraries as the Makefile, and the engine
# objects the unit tests link (the Makefile's OBJS less main.o).
settings=$(make --no-print-directory -s echo) || die "make echo failed"
cc=$(echo "$settings" | sed -n 's/^CC *= //p')
cflags=$(echo "$settings" | sed -n 's/^CFLAGS *= //p')
ldlibs=$(echo "$settings" | sed -n 's/^LDLIBS *= //p')
objs=$(echo "$settings" | sed -n 's/^OBJS *= //p' | tr ' ' '\n' | grep -vE '/(window_)?main\.o$' | tr '\n' ' ')
# shellcheck disable=SC2086
${cc:-cc} $cflags -o "$OUT/bench_engine" bench/bench_engine.c $objs $ldlibs ||
    die "could not build bench/bench_engine.c"
echo "running the engine benchmarks (about 20 s)..."
"$OUT/bench_engine" "$CHAIN" "$TREE" "$WIDE" > "$OUT/engine.txt" || die "bench_engine failed"

# ---- 2: rapport run, wall time ----------------------------------------------
RUN_CMD="./rapport run $EXAMPLE --choices 2,1,1,1"
./rapport run "$EXAMPLE" --choices 2,1,1,1 >/dev/null || die "'$RUN_CMD' failed"
if ! have hyperfine && [ "$(id -u)" = 0 ] && have apt-get; then
    echo "installing hyperfine (apt-get install -y hyperfine)..."
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || echo "  (not installed; timing with a shell loop)"
fi
if have hyperfine; then
    run_tool="hyperfine, $BENCH_RUNS runs"
    hyperfine -N --warmup 20 --runs "$BENCH_RUNS" --export-json "$OUT/run.json" "$RUN_CMD" >/dev/null 2>&1 ||
        die "hyperfine failed"
    run_ms=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.2f %.2f %.2f' % (r['mean']*1e3, r['median']*1e3, r['min']*1e3))" "$OUT/run.json")
else
    run_tool="shell loop, $BENCH_RUNS runs, includes the loop's own fork"
    t0=$(now_ns)
    i=0
    while [ $i -lt "$BENCH_RUNS" ]; do
        ./rapport run "$EXAMPLE" --choices 2,1,1,1 >/dev/null
        i=$((i + 1))
    done
    t1=$(now_ns)
    run_ms=$(awk -v a="$t0" -v b="$t1" -v n="$BENCH_RUNS" 'BEGIN { m = (b - a) / n / 1e6; printf "%.2f - -", m }')
fi
run_mean=$(echo "$run_ms" | cut -d' ' -f1)
run_median=$(echo "$run_ms" | cut -d' ' -f2)
run_min=$(echo "$run_ms" | cut -d' ' -f3)

# ---- 3: rapport explore on 3^12 ---------------------------------------------
./rapport explore "$TREE" --json --limit 1000000 > "$OUT/explore.json" || die "rapport explore failed"
ex_steps=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['decisions'])" "$OUT/explore.json")
ex_paths=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('{:,} paths, {}'.format(d['paths'], 'capped' if d['capped'] else 'exhaustive'))" "$OUT/explore.json")
best_ns=
for i in 1 2 3 4 5; do
    t0=$(now_ns)
    ./rapport explore "$TREE" --json --limit 1000000 >/dev/null
    t1=$(now_ns)
    d=$((t1 - t0))
    if [ -z "$best_ns" ] || [ "$d" -lt "$best_ns" ]; then best_ns=$d; fi
done
ex_s=$(awk -v n="$best_ns" 'BEGIN { printf "%.3f", n / 1e9 }')
ex_rate=$(awk -v s="$ex_steps" -v n="$best_ns" 'BEGIN { printf "%.0f", s / (n / 1e9) }')

# ---- 4: ink ----------------------------------------------------------------------
ink_rate=
ink_note=
if have node && have npm; then
    if [ ! -f "$NPM_PREFIX/node_modules/inkjs/package.json" ]; then
        echo "installing inkjs (npm install --prefix $NPM_PREFIX inkjs)..."
        npm install --prefix "$NPM_PREFIX" --no-audit --no-fund inkjs >/dev/null 2>&1 ||
            ink_note="npm install inkjs failed"
    fi
    if [ -f "$NPM_PREFIX/node_modules/inkjs/package.json" ]; then
        if node bench/ink_bench.js "$NPM_PREFIX" bench/story.ink "$BENCH_SECONDS" > "$OUT/ink.txt"; then
            ink_rate=$(value ink_rate "$OUT/ink.txt")
            ink_note="inkjs $(value ink_version "$OUT/ink.txt"), node $(node --version)"
        else
            ink_note="bench/ink_bench.js failed"
        fi
    fi
else
    ink_note="node/npm not installed"
fi

# ---- the table --------------------------------------------------------------------
E=$OUT/engine.txt
lr=$(value load_run_median "$E")
ld=$(value load_median "$E")
rn=$(value run_median "$E")
ex_in=$(value explore_rate "$E")
rp_rate=$(value replay_rate "$E")
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {
    ok = (op == "<") ? (v < t) : (v >= t); print ok ? "met" : "NOT met" }'; }
fmt() { awk -v v="$1" 'BEGIN { s = sprintf("%.0f", v); out = "";
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    print s out }'; }

echo
echo "| # | benchmark | measured | target | |"
echo "|---|---|---|---|---|"
echo "| 1 | load + full run, 1,000-node scenario ($(value load_run_decisions "$E") decisions), in-process, median of 200 | $lr ms (load $ld ms, run $rn ms) | < 20 ms | $(verdict "$lr" 20 '<') |"
echo "| 2 | \`rapport run late_refund.lua --choices 2,1,1,1\`, wall time ($run_tool) | mean $run_mean ms (median $run_median, min $run_min) | < 5 ms | $(verdict "$run_mean" 5 '<') |"
echo "| 3 | \`rapport explore --json --limit 1000000\`, 3^12 scenario ($ex_paths, $(fmt "$ex_steps") steps), best of 5 | $(fmt "$ex_rate") steps/s ($ex_s s; in-process $(fmt "$ex_in") steps/s) | >= 1,000,000/s | $(verdict "$ex_rate" 1000000 '>=') |"
if [ -n "$ink_rate" ]; then
    echo "| 4 | ink runtime: random replays of bench/story.ink, 20 decisions x 3 choices ($ink_note) | $(fmt "$ink_rate") choice steps/s | orientation ~23,000/s | |"
else
    echo "| 4 | ink runtime: random replays of bench/story.ink | not measured ($ink_note) | orientation ~23,000/s | |"
fi
echo "| 4b | Rapport session: random replays of the same shape (bench/out/wide20.lua), in-process | $(fmt "$rp_rate") choice steps/s | (for comparison) | |"
echo
echo "Details: $OUT/engine.txt, $OUT/run.json, $OUT/explore.json, $OUT/ink.txt"

# ---- 5: the window, beside the floor (SDL2 + SDL_ttf) and LOVE 11.4 ----------------
echo
echo "The window (bench/gui/measure.py): the same scene in rapport, a minimal SDL2 + SDL_ttf"
echo "program with cached textures (the floor) and LOVE 11.4; medians of 3 runs."
[ "$(id -u)" = 0 ] && ! command -v love >/dev/null && apt-get install -y -qq love >/dev/null 2>&1
mkdir -p build/bench
${cc:-cc} -O2 bench/gui/floor.c $(pkg-config --cflags --libs sdl2 SDL2_ttf) -o build/bench/floor ||
    die "could not build bench/gui/floor.c"
[ -x ./rapport-window ] || make --no-print-directory -s rapport-window
if command -v Xvfb >/dev/null; then
    disp=:$((70 + $$ % 20))
    Xvfb $disp -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=$disp python3 bench/gui/measure.py
    kill $xvfb 2>/dev/null
else
    python3 bench/gui/measure.py
fi
# long headless runs stay flat: 2,000 full redraws, memory at the first and the last
flat=$(SDL_VIDEODRIVER=dummy XDG_CONFIG_HOME=build/bench/xdg XDG_DATA_HOME=build/bench/xdg RAPPORT_BENCH=1 \
       RAPPORT_BENCH_FRAMES=2000 ./rapport play bench/gui/scene.lua --trainee bench --db build/bench/xdg/flat.db |
       awk '/^frame/ { printf "%s%s kB after frame %s", sep, $4, $2; sep = ", " }')
echo "headless memory over 2,000 full redraws (software renderer, dummy driver): $flat"
exit 0
