#!/bin/sh
# Delivery to a learning record store (`rapport sync`, docs/deployment.md),
# against a real one: Learning Locker's xAPI statement service (npm
# xapi-statements, installed into build/npm on first use), run by
# tests/tools/lrs_start.js on 127.0.0.1 with its data in memory (so a
# restart empties it: each check below counts what the LRS holds since its
# last start). Checks: every statement arrives exactly once; a session
# recorded while the LRS is down arrives once it is back; the LRS killed
# and restarted in the middle of a flush; the flush itself killed with
# kill -9 in the middle and run again; 401 and 403; a statement the LRS
# refuses (400) set aside; 409 with an equivalent and with a different
# statement; 503 with Retry-After; the settings file; records from before
# the outbox; forget.
# Ends with "lrs: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
R=${RAPPORT_BIN:-./rapport}
case $R in /*) ;; *) R="$(pwd)/$R" ;; esac
EX="${RAPPORT_SHARED:-../shared}/examples/late_refund.lua"
case $EX in /*) ;; *) EX="$(pwd)/$EX" ;; esac
NPM_DIR=$(pwd)/build/npm
XS=$NPM_DIR/node_modules/xapi-statements
START=$(pwd)/tests/tools/lrs_start.js
T=$(mktemp -d /tmp/rapport-lrs.XXXXXX) || exit 1
LRS_PID=""
SYNC_PID=""
cleanup() {
    [ -n "$SYNC_PID" ] && kill -9 "$SYNC_PID" 2>/dev/null
    [ -n "$LRS_PID" ] && kill "$LRS_PID" 2>/dev/null && wait "$LRS_PID" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
unset RAPPORT_DB XDG_DATA_HOME RAPPORT_LRS_URL RAPPORT_LRS_USER RAPPORT_LRS_PASSWORD RAPPORT_LRS_AUTH \
      RAPPORT_XAPI_BASE RAPPORT_XAPI_HOMEPAGE
export XDG_CONFIG_HOME="$T/config"           # never the settings of whoever runs the tests
export RAPPORT_TRAINEE=tester
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /' | head -20; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
finish() { echo "lrs: $pass passed, $fail failed"; [ "$fail" = 0 ]; exit $?; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    bad "node and npm are needed (make deps installs them)"; finish
fi
if [ ! -f "$XS/dist/index.js" ]; then
    mkdir -p "$NPM_DIR"
    if ! npm install --prefix "$NPM_DIR" --no-audit --no-fund --loglevel=error xapi-statements@5 >"$T/npm.log" 2>&1; then
        sed 's/^/     /' "$T/npm.log" | tail -5
        bad "could not install Learning Locker's xapi-statements from npm"; finish
    fi
fi

# ---- the LRS ---------------------------------------------------------------------------------
PORT=0
start_lrs() {   # [FAIL_FIRST RETRY_AFTER]: starts the LRS on $PORT (a free one the first time)
    rm -f "$T/port"
    MODELS_REPO=memory STORAGE_REPO=memory AUTH_REPO=fetch EVENTS_REPO=test WINSTON_CONSOLE_LEVEL=error \
        FS_LOCAL_STORAGE_DIR="$T/lrs-files" EXPRESS_MORGAN_DIRECTORY="$T/lrs-log" \
        node "$START" "$XS" "$PORT" "$T/port" key secret "${1:-0}" "${2:-1}" >>"$T/lrs.out" 2>&1 &
    LRS_PID=$!
    i=0
    while [ ! -s "$T/port" ] && [ $i -lt 300 ]; do
        kill -0 "$LRS_PID" 2>/dev/null || break
        sleep 0.1; i=$((i + 1))
    done
    if [ ! -s "$T/port" ]; then
        tail -5 "$T/lrs.out" | sed 's/^/     /'
        bad "the LRS (xapi-statements) started on 127.0.0.1"; finish
    fi
    PORT=$(cat "$T/port")
    URL=http://127.0.0.1:$PORT/xAPI
}
stop_lrs() {    # [-9]
    [ -n "$LRS_PID" ] || return
    kill ${1:-} "$LRS_PID" 2>/dev/null
    wait "$LRS_PID" 2>/dev/null
    LRS_PID=""
}
# The ids of every statement the LRS holds, one per line (all pages); "ERROR ..." when it cannot say.
# lrs_ids [ids|full] [RECORDS]: with RECORDS, only the statements of that file's sessions.
lrs_ids() {
    regs=""
    [ -n "${2:-}" ] && regs=$(sqlite3 "$2" "SELECT uuid FROM sessions" | tr '\n' ',')
    python3 - "$URL" "${1:-ids}" "$regs" <<'EOF'
import base64, json, sys, urllib.parse, urllib.request
url, what, regs = sys.argv[1], sys.argv[2], set(filter(None, sys.argv[3].split(",")))
auth = "Basic " + base64.b64encode(b"key:secret").decode()
out, nxt = [], url + "/statements?limit=100"
try:
    while nxt:
        req = urllib.request.Request(nxt, headers={"Authorization": auth, "X-Experience-API-Version": "1.0.3"})
        d = json.load(urllib.request.urlopen(req, timeout=30))
        out += d["statements"]
        nxt = urllib.parse.urljoin(url, d["more"]) if d.get("more") else None
except Exception as e:
    print("ERROR", e); sys.exit(1)
if regs:
    out = [s for s in out if s.get("context", {}).get("registration") in regs]
if what == "ids":
    print("\n".join(s["id"] for s in out))
else:
    json.dump(out, sys.stdout)
EOF
}
# The ids `rapport report --xapi` makes for a records file (optionally one trainee), one per line.
report_ids() {
    $R report --db "$1" --xapi ${2:+--trainee "$2"} | python3 -c 'import json,sys; print("\n".join(s["id"] for s in json.load(sys.stdin)))'
}
q() { sqlite3 -cmd ".timeout 5000" "$1" "$2"; }
# exactly_once WANT_FILE [RECORDS]: the LRS holds each id of the file exactly once, and nothing
# else (with RECORDS: nothing else of that file's sessions).
exactly_once() {
    lrs_ids ids "${2:-}" >"$T/have" || { cat "$T/have"; return 1; }
    dups=$(sort "$T/have" | uniq -d | head -3)
    [ -z "$dups" ] || { echo "     duplicated in the LRS: $dups"; return 1; }
    sort -u "$1" >"$T/want.s"; sort "$T/have" >"$T/have.s"
    if ! cmp -s "$T/want.s" "$T/have.s"; then
        echo "     LRS holds $(wc -l <"$T/have.s"), expected $(wc -l <"$T/want.s"); missing: $(comm -23 "$T/want.s" "$T/have.s" | head -3 | tr '\n' ' ') extra: $(comm -13 "$T/want.s" "$T/have.s" | head -3 | tr '\n' ' ')"
        return 1
    fi
}
rec() { db=$1; shift; $R run "$EX" --record --db "$db" "$@" >/dev/null 2>&1; }
many() {        # db prefix n: n sessions of four decisions each
    i=0; while [ $i -lt "$3" ]; do rec "$1" --choices 2,1,1,1 --trainee "$2-$i" --cohort bulk; i=$((i + 1)); done
}

start_lrs

# ---- every statement, exactly once ------------------------------------------------------------------
DB=$T/a/records.db
rec "$DB" --choices 2,1,1,1 --trainee sam --cohort q4
rec "$DB" --choices 1,1,1 --trainee sam --cohort q4
rec "$DB" --choices t,1,1,1 --trainee 'Ana María' --cohort q4
rec "$DB" --choices 3 --trainee kim
rec "$DB" --choices 2 --trainee lee                       # abandoned
mkfifo "$T/fifo"                                           # interrupted by kill -9 after one decision
$R run "$EX" --record --db "$DB" --trainee 'crash test' <"$T/fifo" >/dev/null 2>&1 &
pid=$!
exec 3>"$T/fifo"; echo 1 >&3; sleep 0.3; kill -9 $pid 2>/dev/null; exec 3>&-; wait $pid 2>/dev/null
report_ids "$DB" >"$T/a.ids"
n_all=$(wc -l <"$T/a.ids")
q "$DB" "SELECT statement_id FROM outbox ORDER BY seq" >"$T/a.queued"
check "the outbox holds every statement 'report --xapi' makes ($n_all), queued as they were recorded" \
    sh -c "[ $n_all -gt 20 ] && [ \"\$(sort $T/a.ids)\" = \"\$(sort $T/a.queued)\" ]"
out=$(RAPPORT_LRS_AUTH=key:secret $R sync --db "$DB" --lrs "$URL" 2>&1); code=$?
if [ $code = 0 ] && printf '%s' "$out" | grep -q "Sent $n_all statements"; then ok "sync sends them all (exit 0)"
else bad "sync sends them all (exit 0)" "exit $code: $out"; fi
if exactly_once "$T/a.ids"; then ok "the LRS holds every statement exactly once"; else bad "the LRS holds every statement exactly once"; fi
lrs_ids full >"$T/a.lrs.json"
$R report --db "$DB" --xapi >"$T/a.report.json"
if python3 - "$T/a.lrs.json" "$T/a.report.json" <<'EOF'
import json, sys
lrs = {s["id"]: s for s in json.load(open(sys.argv[1]))}
rep = json.load(open(sys.argv[2]))
for s in rep:
    got = dict(lrs[s["id"]])
    for k in ("stored", "authority"):
        got.pop(k, None)
    assert got == s, (s["id"], got, s)
EOF
then ok "what the LRS holds is what 'report --xapi' prints"; else bad "what the LRS holds is what 'report --xapi' prints"; fi
out=$(RAPPORT_LRS_AUTH=key:secret $R sync --db "$DB" --lrs "$URL" 2>&1); code=$?
check "a second sync sends nothing (exit 0) and the LRS still holds each once" \
    sh -c "[ $code = 0 ] && printf '%s' '$out' | grep -q 'Nothing to send'"
exactly_once "$T/a.ids" || bad "after a second sync, still exactly once"
out=$($R sync --status --db "$DB"); code=$?
check "sync --status: nothing queued, nothing set aside, when and where" \
    sh -c "[ $code = 0 ] && printf '%s' \"\$1\" | grep -q 'queued:     none' && printf '%s' \"\$1\" | grep -q 'set aside:  none' && printf '%s' \"\$1\" | grep -q 'last sync: .* to $URL'" _ "$out"

# ---- the settings file --------------------------------------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/rapport"
CONF=$XDG_CONFIG_HOME/rapport/lrs.conf
cat >"$CONF" <<EOF
# the test LRS
url = $URL
user = key
password = secret
backoff_ms = 100
tries = 4
EOF
chmod 644 "$CONF"
out=$($R sync --db "$DB" 2>&1); code=$?
check "a settings file others may read is refused (exit 1, says chmod 600)" \
    sh -c "[ $code = 1 ] && printf '%s' \"\$1\" | grep -q 'chmod 600' && printf '%s' \"\$1\" | grep -q 'Nothing was sent'" _ "$out"
chmod 600 "$CONF"
out=$($R sync --db "$DB" 2>&1); code=$?
check "with the file private: its URL and credentials are used (exit 0)" sh -c "[ $code = 0 ]"
out=$($R sync --db "$DB" --password secret 2>&1); code=$?
check "credentials on the command line are refused, with where to put them (exit 1)" \
    sh -c "[ $code = 1 ] && printf '%s' \"\$1\" | grep -q 'never taken from the command line'" _ "$out"
out=$(XDG_CONFIG_HOME=$T/none $R sync --db "$DB" 2>&1); code=$?
check "no LRS configured: exit 1 and says how to give one" sh -c "[ $code = 1 ] && printf '%s' \"\$1\" | grep -q -- '--lrs URL'" _ "$out"
out=$(XDG_CONFIG_HOME=$T/none $R sync --db "$DB" --lrs "$URL" 2>&1); code=$?
check "no credentials: exit 1 and says where they go" sh -c "[ $code = 1 ] && printf '%s' \"\$1\" | grep -q 'RAPPORT_LRS_USER'" _ "$out"
out=$($R sync --db "$T/nowhere/records.db" 2>&1); code=$?
check "no records: exit 2" sh -c "[ $code = 2 ] && printf '%s' \"\$1\" | grep -q 'no records at'" _ "$out"

# ---- recorded while the LRS is down ------------------------------------------------------------------------
stop_lrs
DB=$T/b/records.db
rec "$DB" --choices 2,1,1,1 --trainee offline
report_ids "$DB" >"$T/b.ids"
start=$(date +%s)
out=$($R sync --db "$DB" 2>&1); code=$?
secs=$(( $(date +%s) - start ))
if [ $code = 6 ] && printf '%s' "$out" | grep -q "could not be reached" && printf '%s' "$out" | grep -q "7 statements stay queued"; then
    ok "LRS down: sync exits 6, says it could not be reached and what stays queued (${secs} s)"
else bad "LRS down: sync exits 6, says it could not be reached and what stays queued" "exit $code: $out"; fi
out=$($R sync --status --db "$DB")
check "LRS down: --status shows the queue and the last error" \
    sh -c "printf '%s' \"\$1\" | grep -q 'queued:     7' && printf '%s' \"\$1\" | grep -q 'last error: .*could not be reached'" _ "$out"
start_lrs
out=$($R sync --db "$DB" 2>&1); code=$?
check "LRS back: sync exits 0" [ $code = 0 ]
if exactly_once "$T/b.ids"; then ok "LRS back: the session recorded while it was down arrived exactly once"
else bad "LRS back: the session recorded while it was down arrived exactly once"; fi

# ---- the LRS killed and restarted in the middle of a flush ----------------------------------------------------------
DB=$T/c/records.db
many "$DB" restart 25
q "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
mkdir -p "$T/d"; cp "$DB" "$T/d/records.db"; cp "$DB.key" "$T/d/records.db.key"    # for the next check
total=$(q "$DB" "SELECT count(*) FROM outbox")
cat >"$CONF" <<EOF
url = $URL
auth = key:secret
backoff_ms = 200
tries = 8
EOF
chmod 600 "$CONF"
stop_lrs; start_lrs                                  # an empty LRS
$R sync --db "$DB" --batch 1 >"$T/c.out" 2>&1 &
SYNC_PID=$!
i=0
while [ $i -lt 400 ]; do
    left=$(q "$DB" "SELECT count(*) FROM outbox")
    [ "$left" -lt $((total - 10)) ] && break
    sleep 0.02; i=$((i + 1))
done
stop_lrs -9                                          # the LRS crashes mid-flush
sleep 0.4                                            # the request in flight fails; the flush backs off
q "$DB" "SELECT statement_id FROM outbox" >"$T/c.left"
n_left=$(wc -l <"$T/c.left")
start_lrs                                            # back on the same port, empty
wait $SYNC_PID; code=$?; SYNC_PID=""
echo "     LRS killed mid-flush with $n_left of $total statements still queued"
if [ $code = 0 ] && [ "$n_left" -gt 0 ] && [ "$n_left" -lt "$total" ]; then
    ok "LRS killed and restarted mid-flush: the flush backs off, retries and completes (exit 0)"
else bad "LRS killed and restarted mid-flush: the flush backs off, retries and completes (exit 0)" "exit $code, $n_left of $total left: $(cat "$T/c.out")"; fi
if exactly_once "$T/c.left"; then ok "LRS restarted: every statement queued when it went down arrived exactly once"
else bad "LRS restarted: every statement queued when it went down arrived exactly once"; fi

# ---- the flush killed with kill -9 in the middle, then run again -----------------------------------------------------
DB=$T/d/records.db
report_ids "$DB" >"$T/d.ids"
stop_lrs; start_lrs
$R sync --db "$DB" --batch 2 >"$T/d.out" 2>&1 &
SYNC_PID=$!
i=0
while [ $i -lt 400 ]; do
    left=$(q "$DB" "SELECT count(*) FROM outbox")
    [ "$left" -lt $((total / 2)) ] && break
    sleep 0.02; i=$((i + 1))
done
kill -9 $SYNC_PID 2>/dev/null; wait $SYNC_PID 2>/dev/null; SYNC_PID=""
left=$(q "$DB" "SELECT count(*) FROM outbox")
echo "     sync killed with kill -9 with $left of $total statements still queued"
out=$($R sync --db "$DB" 2>&1); code=$?
check "sync killed mid-flush, then run again: exit 0, nothing left" \
    sh -c "[ $code = 0 ] && [ $left -gt 0 ] && [ $left -lt $total ] && [ \"\$(sqlite3 $DB 'SELECT count(*) FROM outbox')\" = 0 ]"
if exactly_once "$T/d.ids"; then ok "sync killed mid-flush: every statement is in the LRS exactly once"
else bad "sync killed mid-flush: every statement is in the LRS exactly once"; fi
check "the records still verify (the outbox is not part of the sealed records)" sh -c "$R verify --db $DB >/dev/null"

# ---- credentials refused ----------------------------------------------------------------------------------------------------
DB=$T/e/records.db
rec "$DB" --choices 2,1,1,1 --trainee creds
out=$(RAPPORT_LRS_AUTH=key:wrong $R sync --db "$DB" 2>&1); code=$?
if [ $code = 6 ] && printf '%s' "$out" | grep -q "refused the credentials (HTTP 401" && [ "$(q "$DB" "SELECT count(*) FROM outbox")" = 7 ]; then
    ok "wrong credentials: exit 6, says the LRS refused them (401), nothing lost"
else bad "wrong credentials: exit 6, says the LRS refused them (401), nothing lost" "exit $code: $out"; fi
out=$(RAPPORT_LRS_USER=readonly RAPPORT_LRS_PASSWORD=readonly $R sync --db "$DB" 2>&1); code=$?
check "a client that may not write: exit 6, says so (403)" \
    sh -c "[ $code = 6 ] && printf '%s' \"\$1\" | grep -q 'HTTP 403' && printf '%s' \"\$1\" | grep -q 'write statements'" _ "$out"

# ---- a statement the LRS refuses (400) ----------------------------------------------------------------------------------------
DB=$T/f/records.db
rec "$DB" --choices 2,1,1,1 --trainee refused
report_ids "$DB" >"$T/f.ids"
bad_id=$(q "$DB" "SELECT statement_id FROM outbox ORDER BY seq LIMIT 1 OFFSET 2")
q "$DB" "UPDATE outbox SET statement_id = 'not-a-uuid' WHERE statement_id = '$bad_id'"
out=$($R sync --db "$DB" 2>&1); code=$?
if [ $code = 6 ] && printf '%s' "$out" | grep -q "Sent 6 statements" && printf '%s' "$out" | grep -q "Set aside 1 statement"; then
    ok "a statement the LRS refuses (400) is found in its batch and set aside; the 6 others are sent (exit 6)"
else bad "a statement the LRS refuses (400) is found in its batch and set aside; the 6 others are sent (exit 6)" "exit $code: $out"; fi
grep -v "$bad_id" "$T/f.ids" >"$T/f.good"
exactly_once "$T/f.good" "$DB" || bad "400: the LRS holds the 6 others exactly once"
out=$($R sync --status --db "$DB")
check "sync --status lists it: refused by the LRS, with what the LRS said" \
    sh -c "printf '%s' \"\$1\" | grep -q 'not-a-uuid  session 1 (refused, late-refund), answered (decision 2): rejected: the LRS refused it (HTTP 400'" _ "$out"
$R sync --retry --db "$DB" >/dev/null; out=$($R sync --db "$DB" 2>&1); code=$?
check "--retry sends it again; still refused, set aside again (exit 6)" [ $code = 6 ]
out=$($R sync --drop --db "$DB"); code=$?
out2=$($R sync --db "$DB" 2>&1); code2=$?
check "--drop removes it from the queue; the next sync exits 0" \
    sh -c "[ $code = 0 ] && printf '%s' '$out' | grep -q '1 statement set aside was removed' && [ $code2 = 0 ]"

# ---- 409: the LRS already holds a statement with one of the ids ---------------------------------------------------------------
DB=$T/g/records.db
rec "$DB" --choices 2,1,1,1 --trainee conflicted
report_ids "$DB" >"$T/g.ids"
$R report --db "$DB" --xapi >"$T/g.json"
python3 - "$URL" "$T/g.json" <<'EOF'
import base64, json, sys, urllib.request
url, stmts = sys.argv[1], json.load(open(sys.argv[2]))
same = dict(stmts[1]); same["timestamp"] = same["timestamp"].replace("Z", "+00:00")   # the same moment
other = json.loads(json.dumps(stmts[2])); other["result"]["response"] = "option-9"       # a different answer
for s in (same, other):
    req = urllib.request.Request(url + "/statements", data=json.dumps([s]).encode(), method="POST", headers={
        "Authorization": "Basic " + base64.b64encode(b"key:secret").decode(),
        "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"})
    urllib.request.urlopen(req)
EOF
conflict_id=$(sed -n 3p "$T/g.ids")
out=$($R sync --db "$DB" 2>&1); code=$?
if [ $code = 6 ] && printf '%s' "$out" | grep -q "Sent 6 statements to .* (1 of them it already had)" && printf '%s' "$out" | grep -q "Set aside 1"; then
    ok "409: an equivalent copy counts as delivered, a different one is set aside (exit 6)"
else bad "409: an equivalent copy counts as delivered, a different one is set aside (exit 6)" "exit $code: $out"; fi
exactly_once "$T/g.ids" "$DB" || bad "409: the LRS holds each id once"
out=$($R sync --status --db "$DB")
check "sync --status names the conflict" sh -c "printf '%s' \"\$1\" | grep -q '$conflict_id .*conflict: the LRS already holds a different statement'" _ "$out"

# ---- 503 with Retry-After ---------------------------------------------------------------------------------------------------------
stop_lrs; start_lrs 2 1
DB=$T/h/records.db
rec "$DB" --choices 2,1,1,1 --trainee busy
report_ids "$DB" >"$T/h.ids"
start=$(date +%s.%N)
out=$($R sync --db "$DB" 2>&1); code=$?
secs=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
check "503 twice with Retry-After: 1: waits as asked (${secs} s), then delivers (exit 0)" \
    sh -c "[ $code = 0 ] && awk 'BEGIN { exit !($secs >= 2.0) }'"
exactly_once "$T/h.ids" || bad "503: the LRS holds each statement once"
stop_lrs; start_lrs 1 120
rec "$DB" --choices 1,1,1 --trainee busy2
out=$($R sync --db "$DB" 2>&1); code=$?
check "503 with Retry-After: 120 (longer than a flush waits): exit 6 at once, says so" \
    sh -c "[ $code = 6 ] && printf '%s' \"\$1\" | grep -q 'asked to wait 120 s'" _ "$out"
stop_lrs; start_lrs

# ---- records from before the outbox ---------------------------------------------------------------------------------------------
DB=$T/j/records.db
rec "$DB" --choices 2,1,1,1 --trainee old1
rec "$DB" --choices 3 --trainee old2
report_ids "$DB" >"$T/j.ids"
q "$DB" "DROP TABLE outbox; DROP TABLE sync_state; PRAGMA user_version = 1" >/dev/null
out=$($R report --db "$DB" --csv 2>&1); code=$?
check "a records file of format 1: reports read it as it is" sh -c "[ $code = 0 ] && [ \"\$(sqlite3 $DB 'PRAGMA user_version')\" = 1 ]"
out=$($R sync --db "$DB" 2>&1); code=$?
check "format 1: sync updates it and sends every statement of its sessions" sh -c "[ $code = 0 ] && [ \"\$(sqlite3 $DB 'PRAGMA user_version')\" = 2 ]"
exactly_once "$T/j.ids" "$DB" || bad "format 1: each statement exactly once"
check "format 1: the records still verify" sh -c "$R verify --db $DB >/dev/null"

# ---- forget -------------------------------------------------------------------------------------------------------------------------
DB=$T/k/records.db
rec "$DB" --choices 2,1,1,1 --trainee keep
rec "$DB" --choices 2,1,1,1 --trainee 'Forget Me'
$R forget --db "$DB" --trainee 'Forget Me' >/dev/null
check "forget removes the trainee's queued statements too" \
    sh -c "[ \"\$(sqlite3 $DB \"SELECT count(*) FROM outbox WHERE session_id = 2\")\" = 0 ] && [ \"\$(sqlite3 $DB 'SELECT count(*) FROM outbox')\" = 7 ]"

# ---- the window delivers in the background when a session ends ----------------------------------------------------------------
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    stop_lrs; start_lrs                                  # an empty LRS
    DB=$T/w/records.db; mkdir -p "$T/w" "$XDG_CONFIG_HOME/rapport"
    printf '{"reduced_motion": true}\n' > "$XDG_CONFIG_HOME/rapport/settings.json"
    disp=:$((80 + $$ % 9))
    Xvfb $disp -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 & xv=$!
    sleep 1
    DISPLAY=$disp RAPPORT_LRS_URL=$URL RAPPORT_LRS_AUTH=key:secret SDL_VIDEODRIVER=x11 \
        timeout 60 $R play "$EX" --trainee window --db "$DB" >"$T/w.log" 2>&1 &
    wpid=$!
    win=$(DISPLAY=$disp timeout 20 xdotool search --sync --name '^Rapport$' 2>/dev/null | head -n 1)
    sleep 1
    for k in 2 1 1 1 Return; do DISPLAY=$disp xdotool key --window "$win" $k; sleep 0.4; done
    sleep 3                                              # the delivery runs while the debrief is read
    DISPLAY=$disp xdotool key --window "$win" Escape
    wait $wpid
    kill $xv 2>/dev/null
    report_ids "$DB" > "$T/w.ids"
    check "the window sends a finished session to the LRS in the background" sh -c "[ -s $T/w.ids ]"
    exactly_once "$T/w.ids" "$DB" && ok "the window's delivery: every statement exactly once" ||
        bad "the window's delivery: every statement exactly once" "$(cat "$T/w.log")"
fi

stop_lrs
finish
