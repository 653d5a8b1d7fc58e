#!/usr/bin/env python3
"""Window benchmark: rapport, the floor (bench/gui/floor.c) and LÖVE 11.4
draw the same scene (bench/gui/scene.lua). For each program, in one run:

  launch      seconds from exec to the first frame on screen
  frame CPU   CPU milliseconds per frame while the typewriter runs
  idle CPU    CPU seconds used over 10 idle seconds after the line is typed
  peak MB     peak resident memory (VmHWM)

Each program prints "first-frame" and "typed N frames" on stdout. Run with
DISPLAY set (Xvfb) and/or headless (SDL's dummy video driver; LÖVE needs
OpenGL, so it has no headless row). The median of REPEAT runs is shown.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def peak_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def read_until(proc, prefix, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            return None
        if line.startswith(prefix):
            return line
    return None


def measure(cmd, env, idle):
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        if read_until(proc, "first-frame", 30) is None:
            return None
        launch = time.monotonic() - t0
        c0 = cpu_seconds(proc.pid)
        typed = read_until(proc, "typed", 30)
        if typed is None:
            return None
        frames = int(typed.split()[1])
        c1 = cpu_seconds(proc.pid)
        time.sleep(idle)
        c2 = cpu_seconds(proc.pid)
        peak = peak_mb(proc.pid)
        return {"launch": launch, "frame_ms": 1000.0 * (c1 - c0) / max(frames - 1, 1),
                "frames": frames, "idle": c2 - c1, "peak": peak}
    finally:
        proc.kill()
        proc.wait()


def main():
    root = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(root))
    font = os.path.join(repo, "assets", "fonts", "DejaVuSans.ttf")
    floor = os.path.join(repo, "build", "bench", "floor")
    repeat = int(os.environ.get("REPEAT", "3"))
    idle = float(os.environ.get("IDLE_SECONDS", "10"))
    scene = os.path.join(root, "scene.lua")
    xdg = os.path.join(repo, "build", "bench", "xdg")
    os.makedirs(xdg, exist_ok=True)
    # LÖVE reads files only from its game folder: give it a copy with the font
    love_dir = os.path.join(repo, "build", "bench", "love")
    os.makedirs(love_dir, exist_ok=True)
    for name in ("main.lua", "conf.lua"):
        shutil.copy(os.path.join(root, "love", name), love_dir)
    shutil.copy(font, os.path.join(love_dir, "DejaVuSans.ttf"))
    base = dict(os.environ, XDG_CONFIG_HOME=xdg, XDG_DATA_HOME=xdg, RAPPORT_BENCH="1", BENCH_FONT="DejaVuSans.ttf")
    programs = [
        ("rapport", [os.path.join(repo, "rapport"), "play", scene, "--trainee", "bench", "--db",
                     os.path.join(xdg, "bench.db")]),
        ("floor (SDL2+SDL_ttf)", [floor, font]),
        ("LÖVE 11.4", ["love", love_dir]),
    ]
    modes = []
    if os.environ.get("DISPLAY"):
        modes.append(("Xvfb", {}))
    modes.append(("headless (dummy driver)", {"SDL_VIDEODRIVER": "dummy"}))
    print("%-24s %-22s %9s %12s %8s %14s %9s" % ("display", "program", "launch s", "frame CPU ms", "frames",
                                                  "idle CPU s/%gs" % idle, "peak MB"))
    results = {}
    for mode, extra in modes:
        for name, cmd in programs:
            if name.startswith("LÖVE") and "SDL_VIDEODRIVER" in extra:
                continue
            if not os.path.exists(cmd[0]) and subprocess.run(["which", cmd[0]], capture_output=True).returncode:
                print("%-24s %-22s not installed" % (mode, name))
                continue
            runs = [r for r in (measure(cmd, dict(base, **extra), idle) for _ in range(repeat)) if r]
            if not runs:
                print("%-24s %-22s did not start" % (mode, name))
                continue
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            results[(mode, name)] = med
            print("%-24s %-22s %9.3f %12.2f %8d %14.3f %9.1f" % (mode, name, med["launch"], med["frame_ms"],
                                                                med["frames"], med["idle"], med["peak"]))
    for mode, _ in modes:
        r, f, l = results.get((mode, "rapport")), results.get((mode, "floor (SDL2+SDL_ttf)")), results.get((mode, "LÖVE 11.4"))
        if r and f:
            print("%s: rapport/floor launch %.2fx (target <= 1.3), frame CPU %.2fx (<= 1.5), idle CPU %.2fx (<= 2),"
                  " memory +%.1f MB (<= 30)" % (mode, r["launch"] / f["launch"], r["frame_ms"] / max(f["frame_ms"], 1e-9),
                                              r["idle"] / max(f["idle"], 1e-9), r["peak"] - f["peak"]))
        if r and l:
            print("%s: LÖVE/rapport launch %.2fx (target >= 1.5)" % (mode, l["launch"] / r["launch"]))


if __name__ == "__main__":
    main()
