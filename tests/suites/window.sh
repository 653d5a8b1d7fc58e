#!/bin/sh
# A real window under Xvfb, played by synthesized input (xdotool): one run
# by keyboard, one by mouse. Each must end in a stored, complete scorecard
# with the contract's numbers, and the window must close cleanly.
cd "$(dirname "$0")/../.." || exit 1
R=${RAPPORT_BIN:-./rapport}
EX="${RAPPORT_SHARED:-../shared}/examples/late_refund.lua"
pass=0; fail=0
for tool in Xvfb xdotool sqlite3; do
    command -v $tool >/dev/null || { echo "window: $tool is missing (make deps installs it)"; echo "window: 0 passed, 1 failed"; exit 1; }
done
tmp=$(mktemp -d)
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
mkdir -p "$XDG_CONFIG_HOME/rapport"
# reduced motion: no typewriter, so every key is an answer
printf '{"reduced_motion": true}\n' > "$XDG_CONFIG_HOME/rapport/settings.json"
disp=:$((90 + $$ % 9))
Xvfb $disp -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$disp
sleep 1

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL window: $*"; }

# play(name, how): starts the window, waits for it, runs "how", checks the record
play() {
    name=$1; how=$2
    db="$tmp/$name.db"
    SDL_VIDEODRIVER=x11 timeout 60 $R play "$EX" --trainee sam --db "$db" >"$tmp/$name.log" 2>&1 &
    pid=$!
    win=$(timeout 20 xdotool search --sync --name '^Rapport$' 2>/dev/null | head -n 1)
    if [ -z "$win" ]; then bad "$name: no window appeared"; kill $pid 2>/dev/null; cat "$tmp/$name.log"; return; fi
    # the first frame: wait until the window shows something other than black
    sleep 1
    eval "$how"
    i=0
    while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.2; i=$((i + 1)); done
    if kill -0 $pid 2>/dev/null; then bad "$name: the window did not close"; kill $pid; return; fi
    wait $pid; rc=$?
    [ "$rc" = 0 ] && ok || bad "$name: exit $rc: $(cat "$tmp/$name.log")"
    row=$(sqlite3 "$db" "select status, ending, round(overall,1), passed from sessions" 2>&1)
    [ "$row" = "complete|resolved|74.1|1" ] && ok || bad "$name: stored record is '$row'"
}

key() { xdotool key --window "$win" "$@"; sleep 0.4; }
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; sleep 0.4; }

# keyboard only: 2,1,1,1, Enter past the ending's line, Esc leaves the debrief
play keyboard 'key 2; key 1; key Down Return; key 1; key Return; sleep 0.3; import -window root "$tmp/debrief.png" 2>/dev/null; key Escape'
# mouse only: the choice buttons are at fixed places in a 1280x720 window
# (the first decision has a time limit: its countdown bar moves the choices down)
play mouse 'click 700 355; click 700 255; click 700 255; click 700 255; click 1110 255; click 250 632'

# hot reload: an edit while playing reloads and keeps the trainee's place; a
# broken edit keeps the last good version running
cp "$EX" "$tmp/edit.lua"
db="$tmp/reload.db"
SDL_VIDEODRIVER=x11 timeout 60 $R play "$tmp/edit.lua" --trainee sam --db "$db" >"$tmp/reload.log" 2>&1 &
pid=$!
win=$(timeout 20 xdotool search --sync --name '^Rapport$' 2>/dev/null | head -n 1)
if [ -n "$win" ]; then
    sleep 1
    key 2
    sed -i "s/Fine. It's order 4471./Fine. The order is 4471./" "$tmp/edit.lua"
    good=$(sha256sum "$tmp/edit.lua" | cut -d' ' -f1)
    sleep 1.5
    echo 'node "broken" {' >> "$tmp/edit.lua"
    sleep 1.5
    key 1; key 1; key 1; key Return; key Escape
    i=0; while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.2; i=$((i + 1)); done
    kill $pid 2>/dev/null
    rows=$(sqlite3 "$db" "select status || '|' || (content_hash = '$good') || '|' || ifnull(round(overall,1),'-') from sessions order by id" | tr '\n' ' ')
    [ "$rows" = "abandoned|0|- complete|1|74.1 " ] && ok || bad "reload: records are '$rows'"
else
    bad "reload: no window appeared"
    kill $pid 2>/dev/null
fi

kill $xvfb 2>/dev/null
mkdir -p tests/out && cp "$tmp"/*.png tests/out/ 2>/dev/null
rm -rf "$tmp"
echo "window: $pass passed, $fail failed"
[ "$fail" = 0 ]
