#!/bin/sh
# The shared PostgreSQL store (docs/deployment.md): starts a real PostgreSQL
# server from Debian's packages in a temporary folder, on 127.0.0.1 only (as
# the user nobody when run as root: initdb refuses root), then
#   - runs every record-store check of tests/suites/records.sh on it
#     (RECORDS_PG, see there);
#   - records the same sessions into an SQLite file and into PostgreSQL and
#     checks that every report comes out the same (less what differs by
#     nature: session UUIDs and times);
#   - a second PC: refused without the seal key, fine with a copy of it; two
#     PCs recording at once; an unfinished session on another connection;
#   - the password never shown; the outbox and `rapport sync` on PostgreSQL
#     (to a real LRS when tests/suites/lrs.sh has installed one);
#   - the server stopped: clear messages.
# The server is stopped at the end. Ends with "postgres: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
R=${RAPPORT_BIN:-./rapport}
case $R in /*) ;; *) R="$(pwd)/$R" ;; esac
EX="${RAPPORT_SHARED:-../shared}/examples/late_refund.lua"
case $EX in /*) ;; *) EX="$(pwd)/$EX" ;; esac
TOP=$(pwd)
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /' | head -20; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
finish() { echo "postgres: $pass passed, $fail failed"; [ "$fail" = 0 ]; exit $?; }

BIN=$(pg_config --bindir 2>/dev/null)
[ -x "$BIN/initdb" ] || BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ ! -x "$BIN/initdb" ] || ! command -v psql >/dev/null 2>&1; then
    bad "PostgreSQL's server and psql are needed (Debian: postgresql; make deps installs it)"; finish
fi

T=$(mktemp -d /tmp/rapport-pg.XXXXXX) || exit 1
chmod 755 "$T"
LRS_PID=""
AS=""
if [ "$(id -u)" = 0 ]; then
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"      # nobody: initdb refuses to run as root
fi
pg_ctl_() { $AS "$BIN/pg_ctl" -D "$T/data" "$@"; }
cleanup() {
    [ -n "$LRS_PID" ] && kill "$LRS_PID" 2>/dev/null && wait "$LRS_PID" 2>/dev/null
    [ -f "$T/data/postmaster.pid" ] && pg_ctl_ stop -m immediate >/dev/null 2>&1
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
unset RAPPORT_DB XDG_DATA_HOME PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD RAPPORT_KEY_FILE \
      RAPPORT_LRS_URL RAPPORT_LRS_USER RAPPORT_LRS_PASSWORD RAPPORT_LRS_AUTH
export RAPPORT_TRAINEE=tester
export XDG_CONFIG_HOME="$T/pc1"               # this "PC"'s settings: where its seal keys go

# ---- the server -------------------------------------------------------------------------------
PASS=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$T/data" "$T/sock"
printf '%s\n' "$PASS" >"$T/pw"
[ -n "$AS" ] && chown 65534:65534 "$T/data" "$T/sock" "$T/pw"
chmod 700 "$T/data"
if ! $AS "$BIN/initdb" -D "$T/data" -U rapport_admin --pwfile="$T/pw" --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C >"$T/initdb.log" 2>&1; then
    tail -5 "$T/initdb.log" | sed 's/^/     /'; bad "initdb made a database cluster"; finish
fi
rm -f "$T/pw"
if ! pg_ctl_ -l "$T/sock/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $T/sock -c fsync=off -c max_connections=60" start >/dev/null 2>&1; then
    tail -5 "$T/sock/server.log" | sed 's/^/     /'; bad "the PostgreSQL server started on 127.0.0.1:$PORT"; finish
fi
printf '127.0.0.1:%s:*:*:%s\n' "$PORT" "$PASS" >"$T/pgpass"
chmod 600 "$T/pgpass"
export PGPASSFILE="$T/pgpass"                 # libpq's password file, as ~/.pgpass would be
ADMIN=postgresql://rapport_admin@127.0.0.1:$PORT/postgres
admin() { psql -X -q -v ON_ERROR_STOP=1 -d "$ADMIN" -c "SET client_min_messages = warning" "$@" >/dev/null; }
admin -c "CREATE ROLE rapport LOGIN PASSWORD '$PASS'"
newdb() { admin -c "CREATE DATABASE $1 OWNER rapport"; echo "postgresql://rapport@127.0.0.1:$PORT/$1"; }
echo "     PostgreSQL $("$BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PORT (data in $T/data)"

# ---- every record-store check, on PostgreSQL ---------------------------------------------------------
out=$(RECORDS_PG="postgresql://rapport@127.0.0.1:$PORT/" RECORDS_PG_ADMIN="$ADMIN" RECORDS_PG_PASSWORD="$PASS" \
      RAPPORT_BIN="$R" sh tests/suites/records.sh 2>&1)
printf '%s\n' "$out" | grep -v '^records: ' | sed 's/^\(ok  \|FAIL\) /\1 records on PostgreSQL: /'
line=$(printf '%s\n' "$out" | grep -E '^records: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
p=$(echo "$line" | sed -n 's/^records: \([0-9]*\) passed.*/\1/p')
f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
[ -z "$line" ] && { p=0; f=1; echo "FAIL records on PostgreSQL: no result line"; }
pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))

# ---- the same sessions, the same reports ---------------------------------------------------------------
LITE=$T/lite/records.db
PGDB=$(newdb same)
for db in "$LITE" "$PGDB"; do
    rec() { $R run "$EX" --record --db "$db" "$@" >/dev/null 2>&1; }
    rec --choices 2,1,1,1 --trainee sam --cohort q4
    rec --choices 1,1,1 --trainee sam --cohort q4
    rec --choices t,1,1,1 --trainee 'Ana María' --cohort q4
    rec --choices 3 --trainee kim --cohort 'Support, "Q4"'
    rec --choices 2 --trainee lee
    rec --choices 1,2,1 --trainee '=cmd|x' --cohort q4
    printf '2\n1\n2\n' | rec --trainee 'O"Neil <&>'
done
same_report() {   # name, then the report's options; normalised by the python below
    name=$1; shift
    $R report --db "$LITE" "$@" >"$T/a.out" 2>&1; ca=$?
    $R report --db "$PGDB" "$@" >"$T/b.out" 2>&1; cb=$?
    if python3 - "$T/a.out" "$T/b.out" "$*" <<'EOF'
import csv, io, json, re, sys
a, b, how = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3]
VOLATILE = {"uuid", "session_uuid", "started", "ended", "recorded", "generated", "records", "timestamp",
            "registration", "duration", "id_"}
def scrub(x):
    if isinstance(x, dict):
        return {k: scrub(v) for k, v in x.items() if k not in VOLATILE}
    if isinstance(x, list):
        return [scrub(v) for v in x]
    return x
def norm(text):
    if "--csv" in how:
        rows = list(csv.reader(io.StringIO(text)))
        keep = [i for i, h in enumerate(rows[0]) if h not in VOLATILE]
        return [[r[i] for i in keep] for r in rows]
    if "--json" in how:
        return scrub(json.loads(text))
    if "--xapi" in how:
        return [scrub({k: v for k, v in s.items() if k != "id"}) for s in json.loads(text)]
    # the table: without its date column
    return [line[18:] if re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d  ", line) else line for line in text.splitlines()]
na, nb = norm(a), norm(b)
if na != nb:
    print(json.dumps(na)[:600]); print(json.dumps(nb)[:600]); sys.exit(1)
EOF
    then
        [ $ca = 0 ] && [ $cb = 0 ] && ok "$name" || bad "$name" "exit $ca and $cb"
    else bad "$name" "$(head -c 1500 "$T/a.out")"; fi
}
same_report "SQLite and PostgreSQL: the same report --csv (less UUIDs and times)" --csv
same_report "SQLite and PostgreSQL: the same report --csv --decisions" --csv --decisions
same_report "SQLite and PostgreSQL: the same report --json" --json
same_report "SQLite and PostgreSQL: the same table, and who needs coaching" --cohort q4
same_report "SQLite and PostgreSQL: the same xAPI statements (less ids and times)" --xapi
va=$($R verify --db "$LITE" | sed 's/^.*: \([0-9]* sessions checked\)/\1/'); vb=$($R verify --db "$PGDB" | sed 's/^.*: \([0-9]* sessions checked\)/\1/')
check "SQLite and PostgreSQL: verify finds both intact, with the same counts" \
    sh -c "[ \"\$1\" = \"\$2\" ] && printf '%s' \"\$1\" | grep -q '^7 sessions checked (7 sealed'" _ "$va" "$vb"

# ---- a second PC ---------------------------------------------------------------------------------------
KEY1=$T/pc1/rapport/pg-127.0.0.1-$PORT-same.key
out=$(XDG_CONFIG_HOME=$T/pc2 $R run "$EX" --choices 2,1,1,1 --trainee pc2 --record --db "$PGDB" 2>&1); code=$?
if [ $code = 5 ] && printf '%s' "$out" | grep -q "does not have the seal key of the shared records" &&
   printf '%s' "$out" | grep -q "$T/pc2/rapport/pg-127.0.0.1-$PORT-same.key"; then
    ok "a second PC without the seal key: refuses to record (exit 5), says where to copy the key"
else bad "a second PC without the seal key: refuses to record (exit 5), says where to copy the key" "exit $code: $out"; fi
mkdir -p "$T/pc2/rapport"; cp "$KEY1" "$T/pc2/rapport/"; chmod 600 "$T/pc2/rapport/"*.key
out=$(XDG_CONFIG_HOME=$T/pc2 $R run "$EX" --choices 2,1,1,1 --trainee pc2 --record --db "$PGDB" 2>&1); code=$?
check "a second PC with a copy of the key: records (exit 0)" [ $code = 0 ]
out=$(RAPPORT_KEY_FILE=$KEY1 XDG_CONFIG_HOME=$T/pc3 $R run "$EX" --choices 1,1,1 --trainee pc3 --record --db "$PGDB" 2>&1); code=$?
check "RAPPORT_KEY_FILE names the key file" [ $code = 0 ]
( i=0; while [ $i -lt 8 ]; do $R run "$EX" --choices 2,1,1,1 --trainee both-1 --record --db "$PGDB" >/dev/null 2>&1 || echo "pc1 $i" >>"$T/both.fail"; i=$((i + 1)); done ) &
p1=$!
( i=0; while [ $i -lt 8 ]; do XDG_CONFIG_HOME=$T/pc2 $R run "$EX" --choices 1,1,1 --trainee both-2 --record --db "$PGDB" >/dev/null 2>&1 || echo "pc2 $i" >>"$T/both.fail"; i=$((i + 1)); done ) &
p2=$!
wait $p1; wait $p2
n=$(psql -X -A -t -d "$PGDB" -c "SELECT count(*) FROM sessions WHERE trainee LIKE 'both-%' AND status = 'complete'")
check "two PCs recording at once: all 16 sessions kept" sh -c "[ ! -s $T/both.fail ] && [ $n = 16 ]"
out=$(XDG_CONFIG_HOME=$T/pc2 $R verify --db "$PGDB" 2>&1); code=$?
check "after two PCs: verify from the second PC finds the records intact (one chain of seals)" [ $code = 0 ]
mkfifo "$T/fifo"
$R run "$EX" --record --db "$PGDB" --trainee elsewhere <"$T/fifo" >/dev/null 2>&1 &
rp=$!
exec 3>"$T/fifo"; echo 2 >&3; sleep 0.5
st1=$($R report --db "$PGDB" --trainee elsewhere --csv | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin))[0]; print(r["status"], r["interrupted"])')
kill -9 $rp 2>/dev/null; exec 3>&-; wait $rp 2>/dev/null; sleep 0.3
st2=$($R report --db "$PGDB" --trainee elsewhere --csv | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin))[0]; print(r["status"], r["interrupted"])')
check "a session being recorded shows as in progress while its connection is open ($st1), interrupted once it is gone ($st2)" \
    [ "$st1" = "in_progress no" -a "$st2" = "abandoned yes" ]

# ---- the password, the outbox --------------------------------------------------------------------------
out=$($R run "$EX" --choices 1,1,1 --trainee pw --record --db "postgresql://rapport:$PASS@127.0.0.1:$PORT/same" 2>&1); code=$?
out2=$($R report --db "postgresql://rapport:$PASS@127.0.0.1:$PORT/nosuchdb" 2>&1)
if [ $code = 0 ] && ! printf '%s\n%s' "$out" "$out2" | grep -q "$PASS" && printf '%s' "$out" | grep -q "in postgresql://rapport@127.0.0.1:$PORT/same" &&
   printf '%s' "$out2" | grep -q "cannot connect to the records database postgresql://rapport@"; then
    ok "a password in the URL works and is never shown, not even in error messages"
else bad "a password in the URL works and is never shown, not even in error messages" "$out $out2"; fi
mkdir -p "$T/pc1/rapport"
printf 'tries = 2\nbackoff_ms = 50\n' >"$T/pc1/rapport/lrs.conf"; chmod 600 "$T/pc1/rapport/lrs.conf"
$R report --db "$PGDB" --xapi | python3 -c 'import json,sys; print("\n".join(s["id"] for s in json.load(sys.stdin)))' | sort >"$T/want"
psql -X -A -t -d "$PGDB" -c "SELECT statement_id FROM outbox" | sort >"$T/queued"
check "the outbox of the shared records holds every statement 'report --xapi' makes ($(wc -l <"$T/want"))" cmp -s "$T/want" "$T/queued"
out=$(RAPPORT_LRS_AUTH=k:s $R sync --db "$PGDB" --lrs http://127.0.0.1:9/xAPI 2>&1); code=$?
check "sync from the shared records, LRS unreachable: exit 6, every statement stays queued" \
    sh -c "[ $code = 6 ] && [ \"\$(psql -X -A -t -d '$PGDB' -c 'SELECT count(*) FROM outbox')\" = $(wc -l <"$T/want") ]"
XS=$TOP/build/npm/node_modules/xapi-statements
if command -v node >/dev/null 2>&1 && [ -f "$XS/dist/index.js" ]; then
    MODELS_REPO=memory STORAGE_REPO=memory AUTH_REPO=fetch EVENTS_REPO=test WINSTON_CONSOLE_LEVEL=error \
        FS_LOCAL_STORAGE_DIR="$T/lrs-files" EXPRESS_MORGAN_DIRECTORY="$T/lrs-log" \
        node "$TOP/tests/tools/lrs_start.js" "$XS" 0 "$T/lrs.port" key secret >"$T/lrs.out" 2>&1 &
    LRS_PID=$!
    i=0; while [ ! -s "$T/lrs.port" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    URL=http://127.0.0.1:$(cat "$T/lrs.port" 2>/dev/null)/xAPI
    out=$(RAPPORT_LRS_AUTH=key:secret $R sync --db "$PGDB" --lrs "$URL" --batch 20 2>&1); code=$?
    python3 - "$URL" >"$T/have" <<'EOF'
import base64, json, sys, urllib.parse, urllib.request
url, out, nxt = sys.argv[1], [], sys.argv[1] + "/statements?limit=100"
while nxt:
    req = urllib.request.Request(nxt, headers={"X-Experience-API-Version": "1.0.3",
                                 "Authorization": "Basic " + base64.b64encode(b"key:secret").decode()})
    d = json.load(urllib.request.urlopen(req, timeout=30))
    out += [s["id"] for s in d["statements"]]
    nxt = urllib.parse.urljoin(url, d["more"]) if d.get("more") else None
print("\n".join(sorted(out)))
EOF
    check "sync from the shared records to a real LRS: every statement arrives exactly once" \
        sh -c "[ $code = 0 ] && cmp -s $T/want $T/have && [ \"\$(psql -X -A -t -d '$PGDB' -c 'SELECT count(*) FROM outbox')\" = 0 ]"
    kill "$LRS_PID" 2>/dev/null; wait "$LRS_PID" 2>/dev/null; LRS_PID=""
else
    echo "skipped: sync to a real LRS (tests/suites/lrs.sh installs it into build/npm)"
fi

# ---- the server stopped ---------------------------------------------------------------------------------
pg_ctl_ stop -m fast >/dev/null 2>&1
out=$($R run "$EX" --choices 1,1,1 --trainee down --record --db "$PGDB" 2>&1); code=$?
check "server stopped: run --record exits 5 and says it cannot connect" \
    sh -c "[ $code = 5 ] && printf '%s' \"\$1\" | grep -q 'cannot connect to the records database'" _ "$out"
out=$($R report --db "$PGDB" 2>&1); code=$?
check "server stopped: report exits 2 and says what to check" \
    sh -c "[ $code = 2 ] && printf '%s' \"\$1\" | grep -q 'Check that the database server is running'" _ "$out"
finish
