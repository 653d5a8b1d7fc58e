#!/usr/bin/env python3
"""An independent model of DESIGN sections 3 and 4, checked against `rapport run`.

It generates random scenarios that use every rule of a run (plain steps,
`when`, `set` before `go`, `go` functions, time-outs, loops, mood clamping,
dead ends, weights, pass marks, failing endings), plays each with random
choices in this model, runs the same choices through `rapport run --json`,
and compares the path, decisions, mood, scores, pass and exit code.

usage: reference_model.py RAPPORT [COUNT] [SEED]
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

QUALITY = {"best": 3, "good": 2, "poor": 1, "harmful": 0}
DIMS = ("empathy", "resolution", "choices")


def round1(x):
    r = x * 10.0
    f = math.floor(r)
    return (f + 1 if r - f >= 0.5 else f) / 10.0


# ---- conditions: one tree, rendered to Lua and evaluated here -------------

def gen_cond(rng, vars_, nodes):
    k = rng.randrange(4)
    if k == 0:
        name, val = rng.choice(vars_)
        return ("var_eq", name, val)
    if k == 1:
        return ("mood_ge", rng.randint(-3, 3))
    if k == 2:
        return ("visited", rng.choice(nodes))
    return ("not", gen_cond(rng, vars_, nodes))


def lua_val(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"%s"' % v
    return repr(v)


def cond_lua(c):
    if c[0] == "var_eq":
        return "s.vars.%s == %s" % (c[1], lua_val(c[2]))
    if c[0] == "mood_ge":
        return "s.mood >= %d" % c[1]
    if c[0] == "visited":
        return 's.visited("%s")' % c[1]
    return "not (%s)" % cond_lua(c[1])


def cond_eval(c, st):
    if c[0] == "var_eq":
        v = st["vars"].get(c[1])
        return v is not None and type(v) == type(c[2]) and v == c[2]
    if c[0] == "mood_ge":
        return st["mood"] >= c[1]
    if c[0] == "visited":
        return c[1] in st["visited"]
    return not cond_eval(c[1], st)


def gen_go(rng, targets, vars_, nodes):
    """A static target, or a function: if cond then A else B."""
    if rng.random() < 0.3:
        return ("fn", gen_cond(rng, vars_, nodes), rng.choice(targets), rng.choice(targets))
    return ("static", rng.choice(targets))


def go_lua(g):
    if g[0] == "static":
        return '"%s"' % g[1]
    return 'function(s) if %s then return "%s" else return "%s" end end' % (cond_lua(g[1]), g[2], g[3])


def go_eval(g, st):
    if g[0] == "static":
        return g[1]
    return g[2] if cond_eval(g[1], st) else g[3]


# ---- scenario generation ------------------------------------------------------

def gen_scenario(rng):
    n_nodes = rng.randint(2, 8)
    n_end = rng.randint(1, 3)
    nodes = ["n%d" % i for i in range(n_nodes)]
    endings = ["e%d" % i for i in range(n_end)]
    ids = nodes + endings
    vars_ = [("v%d" % i, rng.choice([True, False, rng.randint(0, 3), "x%d" % rng.randint(0, 2)]))
             for i in range(rng.randint(1, 3))]
    sc = {
        "mood": rng.randint(-3, 3),
        "pass_mark": rng.choice([0, 50, 70, 70, 90, 66.7]),
        "weights": {d: rng.choice([1, 1, 1, 0, 2, 0.5]) for d in DIMS if rng.random() < 0.5},
        "nodes": {}, "order": ids,
        "endings": {e: {"outcome": rng.choice(["resolved", "lost", "escalated"]),
                        "fails": rng.random() < 0.3} for e in endings},
    }
    for n in nodes:
        node = {"choices": [], "go": None, "time_limit": None}
        kind = rng.random()
        if kind < 0.2:                               # plain step
            node["go"] = gen_go(rng, ids, vars_, ids)
        else:
            for _ in range(rng.randint(1, 4)):
                c = {
                    "quality": rng.choice(list(QUALITY) + [None]),
                    "empathy": rng.randint(-2, 2), "resolution": rng.randint(-2, 2),
                    "mood": rng.randint(-3, 3),
                    "set": dict(rng.sample(vars_, rng.randint(0, len(vars_)))) if rng.random() < 0.4 else {},
                    "when": gen_cond(rng, vars_, ids) if rng.random() < 0.3 else None,
                    "go": gen_go(rng, ids, vars_, ids) if rng.random() < 0.85 else None,
                }
                node["choices"].append(c)
            if rng.random() < 0.5 or any(c["go"] is None for c in node["choices"]):
                node["go"] = gen_go(rng, ids, vars_, ids) if rng.random() < 0.9 else None
            if any(c["go"] is None for c in node["choices"]) and node["go"] is None:
                node["go"] = ("static", rng.choice(ids))
            if rng.random() < 0.25:
                node["time_limit"] = rng.randint(5, 30)
                node["on_timeout"] = rng.choice(ids)
        sc["nodes"][n] = node
    return sc


def to_lua(sc):
    out = ['scenario { id = "gen", title = "Generated", audience = "external",',
           '  pass_mark = %s,' % repr(sc["pass_mark"]),
           '  weights = { %s },' % ", ".join("%s = %s" % (d, repr(w)) for d, w in sc["weights"].items()),
           '  customer = { name = "Gen", mood = %d },' % sc["mood"], '}']
    for nid in sc["order"]:
        if nid in sc["endings"]:
            e = sc["endings"][nid]
            out.append('ending "%s" { outcome = "%s"%s }' % (nid, e["outcome"], ", pass = false" if e["fails"] else ""))
            continue
        nd = sc["nodes"][nid]
        out.append('node "%s" {' % nid)
        out.append('  say = "line of %s",' % nid)
        if nd["go"]:
            out.append("  go = %s," % go_lua(nd["go"]))
        if nd["time_limit"]:
            out.append('  time_limit = %d, on_timeout = "%s",' % (nd["time_limit"], nd["on_timeout"]))
        for i, c in enumerate(nd["choices"]):
            parts = ['"choice %d of %s"' % (i + 1, nid)]
            if c["quality"]:
                parts.append('quality = "%s"' % c["quality"])
            for k in ("empathy", "resolution", "mood"):
                parts.append("%s = %d" % (k, c[k]))
            if c["set"]:
                parts.append("set = { %s }" % ", ".join("%s = %s" % (k, lua_val(v)) for k, v in c["set"].items()))
            if c["when"]:
                parts.append("when = function(s) return %s end" % cond_lua(c["when"]))
            if c["go"]:
                parts.append("go = %s" % go_lua(c["go"]))
            parts.append('feedback = "fb"')
            out.append("  { %s }," % ", ".join(parts))
        out.append("}")
    return "\n".join(out) + "\n"


# ---- the model of a run ---------------------------------------------------------

class DeadEnd(Exception):
    pass


def value(c, d):
    if d == "choices":
        return QUALITY[c["quality"] or "good"]
    return c[d]


def clamp(m):
    return max(-3, min(3, m))


def simulate(sc, rng, max_decisions):
    """Plays randomly; returns (choices, expected result)."""
    st = {"vars": {}, "mood": clamp(sc["mood"]), "visited": set()}
    path, decisions, choices = [], [], []
    gained = {d: 0.0 for d in DIMS}
    possible = {d: 0.0 for d in DIMS}

    def enter(target):
        steps = 0
        while True:
            steps += 1
            if steps > 10001:
                raise DeadEnd("loop")
            path.append(target)
            st["visited"].add(target)
            if target in sc["endings"]:
                return target, None
            nd = sc["nodes"][target]
            shown = [c for c in nd["choices"] if c["when"] is None or cond_eval(c["when"], st)]
            if shown:
                return target, shown
            if nd["go"] is None:
                raise DeadEnd("dead end")
            target = go_eval(nd["go"], st)

    status = "error"
    ending = None
    try:
        node, shown = enter(sc["order"][0])
        while shown is not None and len(choices) < max_decisions:
            nd = sc["nodes"][node]
            lo = {d: min(value(c, d) for c in shown) for d in DIMS}
            hi = {d: max(value(c, d) for c in shown) for d in DIMS}
            timeout = nd["time_limit"] and rng.random() < 0.2
            if timeout:
                choices.append("t")
                for d in DIMS:
                    possible[d] += hi[d] - lo[d]
                st["mood"] = clamp(st["mood"] - 1)
                decisions.append({"node": node, "choice": None, "timed_out": True})
                node, shown = enter(nd["on_timeout"])
                continue
            k = rng.randrange(len(shown))
            c = shown[k]
            choices.append(str(k + 1))
            for d in DIMS:
                gained[d] += value(c, d) - lo[d]
                possible[d] += hi[d] - lo[d]
            st["vars"].update(c["set"])
            st["mood"] = clamp(st["mood"] + c["mood"])
            decisions.append({"node": node, "choice": k + 1, "timed_out": False,
                              "quality": c["quality"] or "good", "empathy": c["empathy"],
                              "resolution": c["resolution"], "mood": c["mood"]})
            g = c["go"] or nd["go"]
            node, shown = enter(go_eval(g, st))
        if shown is None:
            status, ending = "ended", node
        else:
            status = "incomplete"
    except DeadEnd:
        status = "error"
    scores = {}
    for d in DIMS:
        scores[d] = 100.0 * gained[d] / possible[d] if possible[d] > 0 else None
    num = den = 0.0
    for d in DIMS:
        w = sc["weights"].get(d, 1)
        if scores[d] is not None and w > 0:
            num += w * scores[d]
            den += w
    overall = num / den if den > 0 else None
    passed = (status == "ended" and overall is not None and round1(overall) >= sc["pass_mark"]
              and not sc["endings"][ending]["fails"])
    return choices, {
        "status": status, "path": path, "decisions": decisions, "ending": ending,
        "mood_start": clamp(sc["mood"]), "mood_end": st["mood"],
        "scores": {d: (round1(scores[d]) if scores[d] is not None else None) for d in DIMS},
        "overall": round1(overall) if overall is not None else None, "passed": passed,
    }


def compare(exp, card, code):
    want_code = {"ended": 0, "incomplete": 3, "error": 2}[exp["status"]]
    if code != want_code:
        return "exit %d, expected %d" % (code, want_code)
    if code == 2:
        return None
    if card["path"] != exp["path"]:
        return "path %s, expected %s" % (card["path"], exp["path"])
    if card["complete"] != (exp["status"] == "ended") or card["ending"] != exp["ending"]:
        return "ending %s, expected %s" % (card["ending"], exp["ending"])
    if card["mood"]["start"] != exp["mood_start"] or card["mood"]["end"] != exp["mood_end"]:
        return "mood %s, expected %s..%s" % (card["mood"], exp["mood_start"], exp["mood_end"])
    if len(card["decisions"]) != len(exp["decisions"]):
        return "%d decisions, expected %d" % (len(card["decisions"]), len(exp["decisions"]))
    for got, want in zip(card["decisions"], exp["decisions"]):
        for k, v in want.items():
            if got.get(k) != v:
                return "decision at %s: %s = %r, expected %r" % (want["node"], k, got.get(k), v)
    for d in DIMS:
        if card["scores"][d] != exp["scores"][d]:
            return "%s %r, expected %r" % (d, card["scores"][d], exp["scores"][d])
    o, eo = card["scores"]["overall"], exp["overall"]
    if (o is None) != (eo is None) or (o is not None and abs(o - eo) > 0.05):
        return "overall %r, expected %r" % (o, eo)
    if card["passed"] != exp["passed"]:
        return "passed %r, expected %r" % (card["passed"], exp["passed"])
    return None


def main():
    rapport = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261123
    rng = random.Random(seed)
    passed = failed = 0
    kinds = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            sc = gen_scenario(rng)
            path = os.path.join(tmp, "gen%d.lua" % i)
            with open(path, "w") as f:
                f.write(to_lua(sc))
            choices, exp = simulate(sc, rng, rng.randint(1, 25))
            if not choices:
                choices = ["1"]          # the run needs a list; unused when there is no decision
                if exp["status"] == "incomplete":
                    continue
            kinds[exp["status"]] = kinds.get(exp["status"], 0) + 1
            proc = subprocess.run([rapport, "run", path, "--json", "--choices", ",".join(choices)],
                                  capture_output=True, text=True, timeout=30)
            card = json.loads(proc.stdout) if proc.stdout.strip() else None
            problem = compare(exp, card, proc.returncode) if (card or proc.returncode == 2) else \
                "no scorecard (exit %d): %s" % (proc.returncode, proc.stderr.strip())
            if problem:
                failed += 1
                keep = os.path.join(os.environ.get("TMPDIR", "/tmp"), "rapport-reference-fail-%d.lua" % i)
                with open(keep, "w") as f:
                    f.write(to_lua(sc))
                print("FAIL scenario %d (--choices %s, kept as %s): %s" % (i, ",".join(choices), keep, problem))
            else:
                passed += 1
    print("runs by outcome: %s" % ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("reference: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
