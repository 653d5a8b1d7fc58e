#!/bin/sh
# Runs every test suite and ends with one "N passed, N failed" line.
# Suites: C unit tests, golden runs of the command line, the reference-model
# comparison, and (when present) the window tests.
cd "$(dirname "$0")/.." || exit 1
: "${RAPPORT_SHARED:=../shared}"
export RAPPORT_SHARED
total_pass=0
total_fail=0
status=0
run_suite() {
    name=$1; shift
    echo "== $name"
    out=$("$@" 2>&1)
    rc=$?
    echo "$out" | grep -v '^ok ' 
    line=$(echo "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    [ -z "$line" ] && { p=0; f=1; echo "$name: no result line (exit $rc)"; }
    [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    [ "$rc" != 0 ] && status=1
}
# RAPPORT_BIN and UNIT_BIN choose the programs (make test-sanitize sets them).
run_suite "unit tests" "${UNIT_BIN:-./build/unit_tests}"
for s in tests/suites/*.sh; do
    [ -f "$s" ] && run_suite "$(basename "$s" .sh)" sh "$s"
done
echo "all: $total_pass passed, $total_fail failed"
exit $status
