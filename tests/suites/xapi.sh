#!/bin/sh
# xAPI statements (`rapport report --xapi`): every statement is checked with
# Learning Locker's validator (@learninglocker/xapi-validation, installed
# from npm into build/npm on first use), then the things a learning record
# store relies on: stable, unique ids; one registration per session; the
# verbs and activities of each session; scores, durations, pseudonyms.
# Ends with "xapi: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
R=${RAPPORT_BIN:-./rapport}
case $R in /*) ;; *) R="$(pwd)/$R" ;; esac
EX="${RAPPORT_SHARED:-../shared}/examples/late_refund.lua"
NPM_DIR=$(pwd)/build/npm
VALIDATOR=$NPM_DIR/node_modules/@learninglocker/xapi-validation
T=$(mktemp -d /tmp/rapport-xapi.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT
unset RAPPORT_DB XDG_DATA_HOME RAPPORT_XAPI_BASE RAPPORT_XAPI_HOMEPAGE

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "FAIL node and npm are needed (make deps installs them)"
    echo "xapi: 0 passed, 1 failed"
    exit 1
fi
if [ ! -f "$VALIDATOR/package.json" ]; then
    mkdir -p "$NPM_DIR"
    if ! npm install --prefix "$NPM_DIR" --no-audit --no-fund --loglevel=error \
            @learninglocker/xapi-validation@3 >"$T/npm.log" 2>&1; then
        sed 's/^/     /' "$T/npm.log" | tail -5
        echo "FAIL could not install @learninglocker/xapi-validation from npm"
        echo "xapi: 0 passed, 1 failed"
        exit 1
    fi
fi

# Sessions of every kind: passed, failed, lost, timed out, abandoned, interrupted.
DB=$T/records.db
rec() { $R run "$EX" --record --db "$DB" "$@" >/dev/null 2>&1; }
rec --choices 2,1,1,1 --trainee sam --cohort q4
rec --choices 1,1,1 --trainee sam --cohort q4
rec --choices t,1,1,1 --trainee 'Ana María' --cohort q4
rec --choices 3 --trainee kim
rec --choices 2 --trainee lee
mkfifo "$T/fifo"                    # a recording killed after its first decision
$R run "$EX" --record --db "$DB" --trainee 'crash test' <"$T/fifo" >/dev/null 2>&1 &
pid=$!
exec 3>"$T/fifo"
echo 1 >&3
sleep 0.3
kill -9 $pid 2>/dev/null
exec 3>&-
wait $pid 2>/dev/null
printf '2\n1\n2\n' | rec --trainee 'O"Neil <&>'

$R report --db "$DB" --xapi >"$T/a.json" || echo "report --xapi failed" >"$T/fail"
$R report --db "$DB" --xapi >"$T/b.json"
$R report --db "$DB" --xapi --pseudonymous --xapi-base https://lms.example.org/rapport/ >"$T/p.json"
RAPPORT_XAPI_HOMEPAGE=https://hr.example.com $R report --db "$DB" --xapi >"$T/h.json"
$R report --db "$DB" --json >"$T/r.json"
$R report --db "$DB" --xapi --xapi-base 'not an iri' >/dev/null 2>"$T/bad.err"; bad_code=$?

cat >"$T/check.js" <<'EOF'
const fs = require("fs");
const validate = require(process.env.VALIDATOR).default;
const dir = process.argv[2];
const read = (f) => JSON.parse(fs.readFileSync(dir + "/" + f, "utf8"));
let pass = 0, fail = 0;
const ok = (cond, name, detail) => {
    if (cond) { pass++; console.log("ok   " + name); }
    else { fail++; console.log("FAIL " + name + (detail ? "\n     " + detail : "")); }
};
const a = read("a.json"), b = read("b.json"), p = read("p.json"), h = read("h.json"), rep = read("r.json");

// every statement, of every variant, through the validator
for (const [file, list] of [["a.json", a], ["p.json", p], ["h.json", h]]) {
    let bad = [];
    list.forEach((s, i) => {                 // one count per statement validated
        const w = validate(s);
        if (w.length === 0) { pass++; return; }
        fail++;
        bad.push(`#${i} ${s.verb.display["en-US"]}: ` +
                 w.map((x) => x.path.join(".") + " " + x.constructor.name).join(", "));
    });
    console.log((bad.length ? "FAIL " : "ok   ") + `${file}: ${list.length - bad.length} of ${list.length} ` +
                "statements are valid xAPI 1.0.3" + (bad.length ? "\n     " + bad.slice(0, 5).join("\n     ") : ""));
}

const verb = (s) => s.verb.id.replace("http://adlnet.gov/expapi/verbs/", "");
ok(JSON.stringify(a) === JSON.stringify(b), "a second export is identical (ids never duplicate)");
ok(new Set(a.map((s) => s.id)).size === a.length, "statement ids are unique");
ok(a.every((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(s.id)), "ids are RFC 9562 UUIDs");
ok(a.every((s) => s.verb.id.startsWith("http://adlnet.gov/expapi/verbs/")), "verbs are ADL verbs");

// per session: launched, answered per decision, completed + passed/failed when complete
let shape = [];
for (const sess of rep.sessions) {
    const mine = a.filter((s) => s.context.registration === sess.uuid);
    const verbs = mine.map(verb);
    const want = ["launched", ...sess.decisions.map(() => "answered")];
    if (sess.status === "complete") want.push("completed", sess.passed ? "passed" : "failed");
    if (JSON.stringify(verbs) !== JSON.stringify(want)) shape.push(`${sess.id}: ${verbs} != ${want}`);
    if (!mine.every((s) => s.actor.account.name === sess.trainee)) shape.push(`${sess.id}: actor`);
    for (const s of mine.filter((x) => ["completed", "passed", "failed"].includes(verb(x)))) {
        const r = s.result;
        if (Math.abs(r.score.scaled - sess.scores.overall / 100) > 1e-9) shape.push(`${sess.id}: scaled`);
        if (r.success !== sess.passed || r.completion !== true) shape.push(`${sess.id}: success`);
        for (const d of ["empathy", "resolution", "choices"])
            if (r.extensions["https://rapport.example/xapi/extensions/" + d] !== sess.scores[d]) shape.push(`${sess.id}: ${d}`);
        if (!/^PT(\d+H)?(\d+M)?\d+(\.\d+)?S$/.test(r.duration)) shape.push(`${sess.id}: duration ${r.duration}`);
    }
    mine.filter((s) => verb(s) === "answered").forEach((s, i) => {
        const d = sess.decisions[i];
        const def = s.object.definition;
        if (s.object.id !== `https://rapport.example/xapi/scenarios/${sess.scenario.id}/${d.node}`) shape.push(`${sess.id}: object ${s.object.id}`);
        if (def.interactionType !== "choice" || !def.choices || !def.choices.length) shape.push(`${sess.id}: interaction`);
        const want = d.option ? "option-" + d.option : "";
        if (s.result.response !== want) shape.push(`${sess.id}: response ${s.result.response} != ${want}`);
        if (d.timed_out !== s.result.extensions["https://rapport.example/xapi/extensions/timed-out"]) shape.push(`${sess.id}: timed-out`);
        if (d.text && !def.choices.some((c) => c.id === want && c.description["en-US"] === d.text)) shape.push(`${sess.id}: choice text`);
    });
}
ok(shape.length === 0, "each session: launched, answered per decision, completed and passed/failed when complete", shape.slice(0, 6).join("\n     "));
ok(a.filter((s) => verb(s) === "launched").length === rep.sessions.length, "one registration per session");
const timed = a.find((s) => verb(s) === "answered" && s.result.response === "");
ok(timed && timed.result.duration === "PT20S", "a time-out answers nothing and lasted the time limit (PT20S)");
ok(a.some((s) => s.actor.account.name === 'O"Neil <&>'), "names are carried as they are (JSON-escaped)");
ok(a.every((s) => s.actor.account.homePage === "https://rapport.example"), "default homePage");
ok(h.every((s) => s.actor.account.homePage === "https://hr.example.com"), "RAPPORT_XAPI_HOMEPAGE sets the homePage");
const names = new Set(rep.sessions.map((s) => s.trainee));
ok(p.every((s) => !names.has(s.actor.account.name) && !s.actor.name && /^[0-9a-f]{32}$/.test(s.actor.account.name)),
   "--pseudonymous: no name, a keyed hash instead");
ok(new Set(p.filter((s) => verb(s) === "launched").map((s) => s.actor.account.name)).size === names.size,
   "--pseudonymous: one stable pseudonym per trainee");
ok(p.every((s) => s.object.id.startsWith("https://lms.example.org/rapport/scenarios/")), "--xapi-base sets the activity IRIs");
ok(p.map((s) => s.id).join() === a.map((s) => s.id).join(), "statement ids do not depend on the options");
console.log(`xapi: ${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
EOF
out=$(VALIDATOR=$VALIDATOR node "$T/check.js" "$T" 2>&1); code=$?
if [ -s "$T/fail" ] || [ "$bad_code" != 1 ] || ! grep -q "is not an IRI" "$T/bad.err"; then
    # fold the shell's own checks into the node result line
    p=$(printf '%s\n' "$out" | sed -n 's/^xapi: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(printf '%s\n' "$out" | sed -n 's/^xapi: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    out=$(printf '%s\n' "$out" | grep -v '^xapi: ')
    printf '%s\n' "$out"
    echo "FAIL report --xapi ran and refused a bad --xapi-base with exit 1 ($(cat "$T/fail" "$T/bad.err" 2>/dev/null))"
    echo "xapi: ${p:-0} passed, $(( ${f:-0} + 1 )) failed"
    exit 1
fi
printf '%s\n' "$out"
exit $code
