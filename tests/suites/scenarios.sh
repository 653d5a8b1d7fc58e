#!/bin/sh
# The bundled library: every scenario checks clean, and the best and worst
# sequences that `explore` prints, replayed with `run`, pass and fail with
# the scores explore reported.
cd "$(dirname "$0")/../.." || exit 1
exec python3 - <<'PY'
import glob, json, os, subprocess
R = os.environ.get("RAPPORT_BIN", "./rapport")
passed = failed = 0
ids, internal = set(), 0
def fail(msg):
    global failed
    failed += 1
    print("FAIL " + msg)
files = sorted(glob.glob("scenarios/*.lua"))
for f in files:
    chk = subprocess.run([R, "check", f], capture_output=True, text=True)
    if chk.returncode != 0 or chk.stdout.strip():
        fail("%s: check is not clean:\n%s" % (f, chk.stdout))
        continue
    x = json.loads(subprocess.run([R, "explore", "--json", f], capture_output=True, text=True).stdout)
    ok = not x["capped"] and not x["dead_ends"] and not x["unreachable"] and len(x["endings"]) >= 3
    outcomes = {e["outcome"] for e in x["endings"]}
    ok = ok and len(outcomes) >= 3
    for kind, want in (("best", True), ("worst", False)):
        seq = x[kind]
        run = subprocess.run([R, "run", f, "--json", "--choices", seq["choices"]],
                             capture_output=True, text=True)
        card = json.loads(run.stdout)
        if run.returncode != 0 or card["passed"] != want or card["scores"]["overall"] != seq["overall"]:
            fail("%s: %s path %s gave passed=%s overall=%s, explore said %s" % (
                f, kind, seq["choices"], card["passed"], card["scores"]["overall"], seq["overall"]))
            ok = False
        if kind == "best" and len(card["decisions"]) < 6:
            fail("%s: the best path has only %d decisions" % (f, len(card["decisions"])))
            ok = False
        if kind == "best":
            sid = card["scenario"]["id"]
            if sid in ids:
                fail("%s: duplicate id %s" % (f, sid)); ok = False
            ids.add(sid)
            internal += card["scenario"]["audience"] == "internal"
    if ok:
        passed += 1
    else:
        fail("%s: endings %d (outcomes %s), unreachable %s, dead ends %s" % (
            f, len(x["endings"]), sorted(outcomes), x["unreachable"], x["dead_ends"]))
if len(files) < 12 or internal < 5:
    fail("the library has %d scenarios, %d internal (want 12 and 5)" % (len(files), internal))
print("scenarios: %d passed, %d failed" % (passed, failed))
raise SystemExit(1 if failed else 0)
PY
