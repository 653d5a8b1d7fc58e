#!/bin/sh
# Records (DESIGN section 7), end to end through the command line:
# `run --record` of scripted sessions, two processes recording at once,
# kill -9 at random moments (50 times), report --csv/--json shapes, verify
# and forget, and a corrupt, locked, read-only and full records file, each
# of which must give a clear message and lose nothing.
# Ends with "records: N passed, N failed".
#
# The same checks run on PostgreSQL when RECORDS_PG is set (tests/suites/postgres.sh
# sets it): RECORDS_PG is the URL of the server without a database name
# (postgresql://USER@HOST:PORT/), RECORDS_PG_ADMIN a URL with which databases
# and roles may be created, RECORDS_PG_PASSWORD the password of every role the
# test makes (PGPASSFILE knows it). Each records file becomes a database of
# its own; what only a file can do (file modes, a corrupt, read-only or full
# file) is replaced by what the server can do (a foreign database, a busy
# writer, a user that may only read).
cd "$(dirname "$0")/../.." || exit 1
R=${RAPPORT_BIN:-./rapport}
case $R in /*) ;; *) R="$(pwd)/$R" ;; esac
EX="${RAPPORT_SHARED:-../shared}/examples/late_refund.lua"
case $EX in /*) ;; *) EX="$(pwd)/$EX" ;; esac
T=$(mktemp -d /tmp/rapport-records.XXXXXX) || exit 1
MOUNTED=""
cleanup() {
    for m in $MOUNTED; do umount "$m" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
unset RAPPORT_DB XDG_DATA_HOME
export RAPPORT_TRAINEE=tester
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /' | head -20; }
check() {   # name, then a command that must succeed
    name=$1; shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}
PG=${RECORDS_PG:-}
if [ -n "$PG" ]; then
    export XDG_CONFIG_HOME="$T/config"     # where the seal keys of the shared records go
    OWNER=$(echo "$PG" | sed 's|.*://\([^@]*\)@.*|\1|')
    admin() { psql -X -q -v ON_ERROR_STOP=1 -d "$RECORDS_PG_ADMIN" -c "SET client_min_messages = warning" "$@" >/dev/null; }
    newdb() {   # a new, empty database for one set of records: its URL
        admin -c "DROP DATABASE IF EXISTS records_$1" -c "CREATE DATABASE records_$1 OWNER $OWNER"
        echo "${PG}records_$1"
    }
    q() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }
    pg_key() { echo "$XDG_CONFIG_HOME/rapport/pg-$(echo "$PG" | sed 's|.*@\([^:/]*\):\([0-9]*\)/.*|\1-\2|')-${1##*/}.key"; }
    dbname() { echo "${1##*/}"; }
else
    newdb() { echo "$T/$1/records.db"; }
fi
# sqlite_sql pg_sql: runs the form for the backend under test
qq() { if [ -n "$PG" ]; then q "$2"; else q "$1"; fi; }
[ -n "$PG" ] || q() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }
DB=$(newdb main)
MAIN=$DB

# ---- scripted sessions -------------------------------------------------------------
out=$($R run "$EX" --choices 2,1,1,1 --trainee sam --cohort q4 --record --db "$DB" --json 2>"$T/err"); code=$?
if [ $code = 0 ] && grep -q "Recorded as session 1 in $DB" "$T/err"; then ok "run --record stores a session and says where"
else bad "run --record stores a session and says where" "exit $code: $(cat "$T/err")"; fi
overall=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["scores"]["overall"])')
check "the stored scores are the scorecard's" [ "$(q "SELECT overall FROM sessions WHERE id = 1")" = "$overall" ]
check "the stored decisions are the scorecard's" [ "$(qq "SELECT group_concat(choice) FROM (SELECT choice FROM decisions WHERE session_id = 1 ORDER BY idx)" \
    "SELECT string_agg(choice::text, ',' ORDER BY idx) FROM decisions WHERE session_id = 1")" = "2,1,1,1" ]
RAPPORT_DB="$DB" $R run "$EX" --choices t,1,1,1 --trainee ana --cohort q4 --record >/dev/null 2>&1
$R run "$EX" --choices 1,1,1 --trainee ana --cohort q4 --record --db "$DB" >/dev/null 2>&1
$R run "$EX" --choices 3 --trainee kim --cohort q4 --record --db "$DB" >/dev/null 2>&1
check "RAPPORT_DB and --db name the same file; timed-out and lost runs kept" \
    [ "$(qq "SELECT group_concat(status || ':' || trainee) FROM sessions" \
            "SELECT string_agg(status || ':' || trainee, ',' ORDER BY id) FROM sessions")" = "complete:sam,complete:ana,complete:ana,complete:kim" ]
$R run "$EX" --choices 2 --trainee lee --record --db "$DB" >/dev/null 2>&1; code=$?
check "a run whose choices run out is kept as abandoned (exit 3)" \
    [ "$code" = 3 -a "$(q "SELECT status || ':' || (SELECT count(*) FROM decisions WHERE session_id = 5) FROM sessions WHERE id = 5")" = "abandoned:1" ]
printf '2\n# a comment\n\n1\n1\n1\n' | $R run "$EX" --trainee pia --record --db "$DB" >/dev/null 2>&1; code=$?
check "choices from standard input are recorded one by one" [ "$code" = 0 -a "$(q "SELECT count(*) FROM decisions WHERE session_id = 6")" = 4 ]
$R run "$EX" --choices 1,9 --trainee lee --record --db "$DB" >/dev/null 2>"$T/err"; code=$?
check "an out-of-range choice still exits 4 and abandons the record" \
    [ "$code" = 4 -a "$(q "SELECT status FROM sessions WHERE id = 7")" = abandoned ]
if [ -n "$PG" ]; then
    check "the seal key of the shared records is owner-only, in XDG_CONFIG_HOME" [ "$(stat -c %a "$(pg_key "$DB")")" = 600 ]
else
check "the records file and key are owner-only" \
    [ "$(stat -c %a "$DB")" = 600 -a "$(stat -c %a "$DB.key")" = 600 -a "$(stat -c %a "$T/main")" = 700 ]
check "the default records file is under XDG_DATA_HOME" \
    sh -c "XDG_DATA_HOME=$T/xdg $R run $EX --choices 1,1,1 --record >/dev/null 2>&1 && test -f $T/xdg/rapport/records.db"
fi

# ---- two processes recording at once -----------------------------------------------------
CDB=$(newdb conc)
( i=0; while [ $i -lt 12 ]; do $R run "$EX" --choices 2,1,1,1 --trainee conc-a --record --db "$CDB" >/dev/null 2>>"$T/conc-a.err" || echo "a$i failed" >>"$T/conc.fail"; i=$((i + 1)); done ) &
pa=$!
( i=0; while [ $i -lt 12 ]; do $R run "$EX" --choices 1,1,1 --trainee conc-b --record --db "$CDB" >/dev/null 2>>"$T/conc-b.err" || echo "b$i failed" >>"$T/conc.fail"; i=$((i + 1)); done ) &
pb=$!
wait $pa; wait $pb
n=$(DB=$CDB q "SELECT count(*) FROM sessions WHERE status = 'complete'")
if [ ! -s "$T/conc.fail" ] && [ "$n" = 24 ]; then ok "two processes recording at once: both kept (24 of 24)"
else bad "two processes recording at once: both kept" "complete: $n; $(cat "$T/conc.fail" "$T"/conc-*.err 2>/dev/null)"; fi
check "records made at once verify" sh -c "$R verify --db $CDB >/dev/null"

# ---- kill -9 at random moments --------------------------------------------------------------------
# Each run reads its choices from a pipe this script writes one at a time,
# with random pauses, and is killed at a random moment: before, between,
# during or after its decisions are written.
KDB=$(newdb kill)
mkdir -p "$T/kill"
$R run "$EX" --choices 1,1,1 --trainee warmup --record --db "$KDB" >/dev/null 2>&1
rand() { od -An -N2 -tu2 /dev/urandom | tr -d ' '; }
pause() {   # none, a short or a longer random pause
    case $(($(rand) % 4)) in
    0) ;;
    1) sleep 0.00$(($(rand) % 9 + 1)) ;;
    2) sleep 0.0$(($(rand) % 5 + 1)) ;;
    3) sleep 0.1 ;;
    esac
}
start=$(date +%s.%N)
i=1
while [ $i -le 50 ]; do
    fifo=$T/kill/fifo.$i
    mkfifo "$fifo"
    k=$(($(rand) % 5))                  # how many of the four choices to send
    $R run "$EX" --trainee "kill-$i" --record --db "$KDB" <"$fifo" >/dev/null 2>"$T/kill/err.$i" &
    pid=$!
    exec 3>"$fifo"
    j=0
    for c in 2 1 1 1; do
        [ $j -ge $k ] && break
        echo $c >&3
        j=$((j + 1))
        pause
    done
    pause
    kill -9 $pid 2>/dev/null
    exec 3>&-
    wait $pid 2>/dev/null
    echo "$i $k" >>"$T/kill/sent"
    rm -f "$fifo"
    i=$((i + 1))
done
end=$(date +%s.%N)
secs=$(echo "$start $end" | awk '{ printf "%.1f", $2 - $1 }')
echo "     kill -9: 50 runs killed in ${secs} s"
DB=$KDB
if [ -n "$PG" ]; then
    check "after 50 kills: no transaction is left open on the server" \
        [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")" = 0 ]
else
check "after 50 kills: PRAGMA integrity_check is ok" [ "$(q "PRAGMA integrity_check")" = ok ]
fi
missing=""; wrong=""
while read -r i k; do
    if grep -q "Recorded as session" "$T/kill/err.$i"; then
        # the process said it saved the session: it must be there, complete, with 4 decisions
        [ "$(q "SELECT status || (SELECT count(*) FROM decisions d WHERE d.session_id = s.id) FROM sessions s WHERE trainee = 'kill-$i'")" = complete4 ] || missing="$missing $i"
    fi
    if [ "$k" -lt 4 ]; then
        # never reached an ending: must not be complete, and no more decisions than were sent
        [ "$(q "SELECT count(*) FROM sessions WHERE trainee = 'kill-$i' AND status = 'complete'")" = 0 ] || wrong="$wrong $i"
        [ "$(q "SELECT count(*) FROM decisions d JOIN sessions s ON s.id = d.session_id WHERE s.trainee = 'kill-$i'")" -le "$k" ] || wrong="$wrong $i"
    fi
done <"$T/kill/sent"
check "after 50 kills: no finished session is missing${missing:+ (missing:$missing)}" [ -z "$missing" ]
check "after 50 kills: no unfinished session is marked complete${wrong:+ (wrong:$wrong)}" [ -z "$wrong" ]
out=$($R verify --db "$KDB" 2>&1); code=$?
if [ $code = 0 ]; then ok "after 50 kills: rapport verify passes"; else bad "after 50 kills: rapport verify passes" "$out"; fi
stored_open=$(q "SELECT count(*) FROM sessions WHERE status = 'in_progress'")
shown=$($R report --db "$KDB" --csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(sum(1 for r in rows if r["interrupted"] == "yes" and r["status"] == "abandoned"))')
check "killed sessions are shown as abandoned, not rewritten ($stored_open of them)" [ "$shown" = "$stored_open" ]
echo "     kill -9: $(q "SELECT count(*) FROM sessions WHERE status = 'complete'") complete, $stored_open interrupted, $(q "SELECT count(*) FROM decisions") decisions"

# ---- report shapes ----------------------------------------------------------------------------------
DB=$MAIN
$R run "$EX" --choices 1,1,1 --trainee 'O"Neil, Jo' --cohort '=1+1' --record --db "$DB" >/dev/null 2>&1
$R report --db "$DB" --csv >"$T/s.csv"; c1=$?
$R report --db "$DB" --csv --decisions >"$T/d.csv"; c2=$?
if [ $c1 = 0 ] && [ $c2 = 0 ] && python3 - "$T/s.csv" "$T/d.csv" "$(q "SELECT count(*) FROM sessions")" \
        "$(q "SELECT count(*) FROM decisions")" <<'EOF'
import csv, sys
s = list(csv.reader(open(sys.argv[1], newline="")))
d = list(csv.reader(open(sys.argv[2], newline="")))
n_s, n_d = int(sys.argv[3]), int(sys.argv[4])
assert s[0][:5] == ["id", "uuid", "started", "ended", "trainee"], s[0]
assert all(len(r) == len(s[0]) for r in s), "ragged session rows"
assert all(len(r) == len(d[0]) for r in d), "ragged decision rows"
assert len(s) - 1 == n_s and len(d) - 1 == n_d, (len(s), n_s, len(d), n_d)
jo = [r for r in s if r[4] == 'O"Neil, Jo']
assert jo and jo[0][5] == "'=1+1", jo
h = s[0]
for r in s[1:]:
    assert r[h.index("status")] in ("complete", "abandoned", "in_progress")
    if r[h.index("status")] == "complete":
        assert 0 <= float(r[h.index("overall")]) <= 100
EOF
then ok "report --csv: a row per session and per decision, quoted, no formulas"; else bad "report --csv shape"; fi
$R report --db "$DB" --json >"$T/r.json"; code=$?
if [ $code = 0 ] && python3 - "$T/r.json" "$(q "SELECT count(*) FROM sessions")" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
assert set(r) >= {"records", "generated", "filters", "summary", "trainees", "sessions"}
assert len(r["sessions"]) == int(sys.argv[2])
for s in r["sessions"]:
    assert set(s["scores"]) == {"empathy", "resolution", "choices", "overall"}
    assert len(s["decisions"]) == s["n_decisions"]
    assert s["status"] in ("complete", "abandoned", "in_progress")
    for d in s["decisions"]:
        assert {"node", "choice", "text", "quality", "empathy", "resolution", "mood", "feedback",
                "response_ms", "timed_out", "best"} <= set(d)
t = {x["trainee"]: x for x in r["trainees"]}
assert t["kim"]["needs_coaching"] and t["kim"]["weakest"] in ("empathy", "resolution", "choices")
assert r["summary"]["sessions"] == len(r["sessions"])
EOF
then ok "report --json: sessions with decisions, trainees, summary"; else bad "report --json shape"; fi
out=$($R report --db "$DB" --trainee kim)
if printf '%s' "$out" | grep -q "kim .*needs coaching on" && ! printf '%s' "$out" | grep -q " sam "; then
    ok "report table: filtered by trainee, says who needs coaching on what"
else bad "report table: filtered by trainee, says who needs coaching on what" "$out"; fi
n=$($R report --db "$DB" --since 2999-01-01 --csv | wc -l)
check "report --since in the future: only the header" [ "$n" = 1 ]
$R report --db "$DB" --since yesterday >/dev/null 2>"$T/err"; code=$?
check "report with a bad date: exit 1 and says the format" sh -c "[ $code = 1 ] && grep -q YYYY-MM-DD $T/err"

# ---- verify and forget --------------------------------------------------------------------------------
check "verify: intact records exit 0" sh -c "$R verify --db $DB >/dev/null"
if [ -n "$PG" ]; then
    admin -c "DROP DATABASE IF EXISTS records_pristine" -c "CREATE DATABASE records_pristine TEMPLATE $(dbname "$DB") OWNER $OWNER"
    q "UPDATE sessions SET overall = 100, passed = 1 WHERE id = 4"
    q "DELETE FROM sessions WHERE id = 2"
    q "INSERT INTO sessions (id, uuid, trainee, scenario_id, title, audience, content_hash, started, status, pass_mark, mood_start, recorder) VALUES ((SELECT max(id) + 1 FROM sessions), 'u', 'eve', 'x', 'x', 'external', 'x', '2025-01-01', 'complete', 70, 0, 'x')"
else
cp "$DB" "$T/pristine.db"; cp "$DB.key" "$T/pristine.db.key"
sqlite3 "$DB" "UPDATE sessions SET overall = 100, passed = 1 WHERE id = 4"
sqlite3 "$DB" "DELETE FROM sessions WHERE id = 2"
sqlite3 "$DB" "INSERT INTO sessions (uuid, trainee, scenario_id, title, audience, content_hash, started, status, pass_mark, mood_start, recorder) VALUES ('u', 'eve', 'x', 'x', 'external', 'x', '2025-01-01', 'complete', 70, 0, 'x')"
fi
out=$($R verify --db "$DB"); code=$?
if [ $code = 3 ] && printf '%s' "$out" | grep -q "^session 4: edited" && printf '%s' "$out" | grep -q "^session 2: deleted" &&
   printf '%s' "$out" | grep -q "inserted outside Rapport"; then
    ok "verify: an edit, a delete and an insert made with sqlite3 are each named (exit 3)"
else bad "verify: an edit, a delete and an insert made with sqlite3 are each named" "exit $code: $out"; fi
if [ -n "$PG" ]; then
    admin -c "DROP DATABASE $(dbname "$DB")" -c "CREATE DATABASE $(dbname "$DB") TEMPLATE records_pristine OWNER $OWNER"
else
cp "$T/pristine.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
fi
$R run "$EX" --choices 2,1,1,1 --trainee Quintessa-Forgettable --record --db "$DB" >/dev/null 2>&1
$R run "$EX" --choices 1,1,1 --trainee Quintessa-Forgettable --record --db "$DB" >/dev/null 2>&1
out=$($R forget --db "$DB" --trainee Quintessa-Forgettable); code=$?
left=$(q "SELECT count(*) FROM sessions WHERE trainee = 'Quintessa-Forgettable'")
check "forget removes a trainee's sessions" [ $code = 0 -a "$left" = 0 ]
check "after forget, verify passes" sh -c "$R verify --db $DB >/dev/null"
if [ -n "$PG" ]; then
    check "after forget, the name is nowhere in the database (pg_dump)" sh -c "! pg_dump -d '$DB' | grep -q 'Quintessa'"
else
check "after forget, the name is nowhere in the file" sh -c "! cat $DB $DB-wal 2>/dev/null | grep -a -q 'Quintessa'"
fi
$R forget --db "$DB" --trainee sma >/dev/null 2>"$T/err"; code=$?
check "forget of an unknown name: exit 3, suggests the near one" sh -c "[ $code = 3 ] && grep -q \"did you mean 'sam'\" $T/err"

if [ -n "$PG" ]; then
# ---- a database that is not Rapport's; a busy writer; a user that may only read ---------------------------
FDB=$(newdb foreign)
DB=$FDB q "CREATE TABLE accounts (id INTEGER); INSERT INTO accounts VALUES (7)"
out=$($R run "$EX" --choices 1,1,1 --record --db "$FDB" 2>&1); code=$?
if [ $code = 5 ] && printf '%s' "$out" | grep -q "holds tables that are not Rapport's" && [ "$(DB=$FDB q "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")" = 1 ]; then
    ok "a database of another program: run --record exits 5 with a clear message, database untouched"
else bad "a database of another program: run --record exits 5 with a clear message, database untouched" "exit $code: $out"; fi
out=$($R report --db "$FDB" 2>&1); code=$?
check "a database of another program: report exits 2" [ $code = 2 ]
DB=$MAIN
before=$(q "SELECT count(*) FROM sessions")
psql -X -q -d "$DB" -c "BEGIN; SELECT pg_advisory_xact_lock(1382117488); SELECT pg_sleep(3); COMMIT" >/dev/null 2>&1 &
lk=$!
sleep 0.5
out=$(RAPPORT_DB_TIMEOUT_MS=500 $R run "$EX" --choices 1,1,1 --trainee locked --record --db "$DB" 2>&1); code=$?
if [ $code = 5 ] && printf '%s' "$out" | grep -q "busy: another computer is saving" && printf '%s' "$out" | grep -q "Overall"; then
    ok "another writer holding the records: run --record exits 5, says they are busy, still prints the scorecard"
else bad "another writer holding the records: run --record exits 5, says they are busy, still prints the scorecard" "exit $code: $out"; fi
out=$(RAPPORT_DB_TIMEOUT_MS=8000 $R run "$EX" --choices 1,1,1 --trainee waited --record --db "$DB" 2>&1); code=$?
check "another writer: a run that can wait for its turn is recorded" [ $code = 0 ]
wait $lk
after=$(q "SELECT count(*) FROM sessions")
check "another writer: nothing lost" sh -c "[ $after = $((before + 1)) ] && $R verify --db $DB >/dev/null"
admin -c "DROP ROLE IF EXISTS records_reader" 2>/dev/null
admin -c "CREATE ROLE records_reader LOGIN PASSWORD '$RECORDS_PG_PASSWORD'"
DB=$MAIN q "GRANT SELECT ON ALL TABLES IN SCHEMA public TO records_reader"
RDB=$(echo "$MAIN" | sed 's|://[^@]*@|://records_reader@|')
out=$($R run "$EX" --choices 1,1,1 --trainee ro2 --record --db "$RDB" 2>&1); code=$?
if [ $code = 5 ] && printf '%s' "$out" | grep -q "may read the records .* but not record into them"; then
    ok "a user that may only read: run --record exits 5 and says so"
else bad "a user that may only read: run --record exits 5 and says so" "exit $code: $out"; fi
out=$($R report --db "$RDB" --csv 2>&1); code=$?
check "a user that may only read: reports still work" sh -c "[ $code = 0 ] && printf '%s' \"\$1\" | grep -q ',sam,'" _ "$out"
else
# ---- a corrupt records file ---------------------------------------------------------------------------
mkdir -p "$T/bad"
head -c 20000 /dev/urandom >"$T/bad/records.db"
sum=$(md5sum <"$T/bad/records.db")
out=$($R run "$EX" --choices 1,1,1 --record --db "$T/bad/records.db" 2>&1); code=$?
if [ $code = 5 ] && printf '%s' "$out" | grep -q "not a Rapport records file" && [ "$(md5sum <"$T/bad/records.db")" = "$sum" ]; then
    ok "corrupt file: run --record exits 5 with a clear message, file untouched"
else bad "corrupt file: run --record exits 5 with a clear message, file untouched" "exit $code: $out"; fi
out=$($R report --db "$T/bad/records.db" 2>&1); code=$?
check "corrupt file: report exits 2 and says what to do" sh -c "[ $code = 2 ] && printf '%s' \"$out\" | grep -q 'Restore it from a backup'"

# ---- a locked records file ------------------------------------------------------------------------------
before=$(q "SELECT count(*) FROM sessions")
( echo "BEGIN IMMEDIATE; UPDATE ledger SET value = value WHERE name = 'zzz';"; sleep 3; echo "ROLLBACK;" ) | sqlite3 "$DB" &
lk=$!
sleep 0.5
out=$(RAPPORT_DB_TIMEOUT_MS=500 $R run "$EX" --choices 1,1,1 --trainee locked --record --db "$DB" 2>&1); code=$?
if [ $code = 5 ] && printf '%s' "$out" | grep -q "locked by another program" && printf '%s' "$out" | grep -q "Overall"; then
    ok "locked file: run --record exits 5, says it is locked, still prints the scorecard"
else bad "locked file: run --record exits 5, says it is locked, still prints the scorecard" "exit $code: $out"; fi
out=$(RAPPORT_DB_TIMEOUT_MS=8000 $R run "$EX" --choices 1,1,1 --trainee waited --record --db "$DB" 2>&1); code=$?
check "locked file: a run that can wait for the lock is recorded" [ $code = 0 ]
wait $lk
check "locked file: nothing lost" sh -c "[ \"\$(sqlite3 $DB 'SELECT count(*) FROM sessions')\" = $((before + 1)) ] && $R verify --db $DB >/dev/null"

# ---- a read-only records file ------------------------------------------------------------------------------
mkdir -p "$T/ro"
$R run "$EX" --choices 1,1,1 --trainee ro --record --db "$T/ro/records.db" >/dev/null 2>&1
chmod 755 "$T"; chmod 755 "$T/ro"; chmod 644 "$T/ro/records.db" "$T/ro/records.db.key"
# the program and the scenario where any user can read them
cp "$R" "$T/rapport-ro" && cp "$EX" "$T/ex.lua" && chmod 755 "$T/rapport-ro" && chmod 644 "$T/ex.lua"
if [ "$(id -u)" = 0 ]; then
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"     # root may write anything: be nobody
else
    AS=""; chmod 444 "$T/ro/records.db"; chmod 555 "$T/ro"
fi
out=$($AS "$T/rapport-ro" run "$T/ex.lua" --choices 1,1,1 --trainee ro2 --record --db "$T/ro/records.db" 2>&1); code=$?
if [ $code = 5 ] && printf '%s' "$out" | grep -q "read-only for this user"; then
    ok "read-only file: run --record exits 5 and says so"
else bad "read-only file: run --record exits 5 and says so" "exit $code: $out"; fi
out=$($AS "$T/rapport-ro" report --db "$T/ro/records.db" --csv 2>&1); code=$?
check "read-only file: reports still work" sh -c "[ $code = 0 ] && printf '%s' '$out' | grep -q ',ro,'"
chmod 700 "$T/ro"; chmod 600 "$T/ro/records.db"
check "read-only file: nothing lost" [ "$(sqlite3 "$T/ro/records.db" "SELECT count(*) FROM sessions")" = 1 ]

# ---- a full disk ------------------------------------------------------------------------------------------------
mkdir -p "$T/full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=256k tmpfs "$T/full" 2>/dev/null; then
    MOUNTED="$T/full"
    FDB=$T/full/records.db
    $R run "$EX" --choices 2,1,1,1 --trainee full-1 --record --db "$FDB" >/dev/null 2>&1
    $R run "$EX" --choices 1,1,1 --trainee full-2 --record --db "$FDB" >/dev/null 2>&1
    dd if=/dev/zero of="$T/full/filler" bs=1k 2>/dev/null     # fills the disk
    full_fail=""
    i=0
    while [ $i -lt 5 ]; do
        out=$($R run "$EX" --choices 1,1,1 --trainee "full-x$i" --record --db "$FDB" 2>&1); code=$?
        if [ $code = 0 ]; then i=$((i + 1)); continue; fi
        [ $code = 5 ] && printf '%s' "$out" | grep -q "is full" || full_fail="exit $code: $out"
        break
    done
    if [ $i -lt 5 ] && [ -z "$full_fail" ]; then ok "full disk: run --record exits 5 and says the disk is full"
    else bad "full disk: run --record exits 5 and says the disk is full" "${full_fail:-it never filled up}"; fi
    rm -f "$T/full/filler"
    check "full disk: nothing lost (integrity ok, verify passes)" sh -c \
        "[ \"\$(sqlite3 $FDB 'PRAGMA integrity_check')\" = ok ] && [ \"\$(sqlite3 $FDB \"SELECT count(*) FROM sessions WHERE trainee IN ('full-1','full-2') AND status = 'complete'\")\" = 2 ] && $R verify --db $FDB >/dev/null"
    check "full disk: recording works again once there is room" sh -c "$R run $EX --choices 1,1,1 --trainee full-after --record --db $FDB >/dev/null 2>&1"
    umount "$T/full"; MOUNTED=""
else
    echo "skipped: full disk (needs root and permission to mount a small tmpfs)"
fi
fi   # SQLite only

echo "records: $pass passed, $fail failed"
[ "$fail" = 0 ]
