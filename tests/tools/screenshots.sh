#!/bin/sh
# Regenerates the screenshots in docs/ (make screenshots): the window drawn
# headlessly by the same code and renderer as on screen.
set -e
cd "$(dirname "$0")/../.."
out=docs/screens
tmp=$(mktemp -d)
mkdir -p "$out" "$tmp/config/rapport" "$tmp/hc/rapport"
export XDG_DATA_HOME="$tmp/data"
W=./rapport-window
XDG_CONFIG_HOME="$tmp/config" $W --screenshot "$tmp/tour" --trainee "Sam Okafor" --cohort "November intake"
cp "$tmp/tour/001-signin.png" "$out/signin.png"
cp "$tmp/tour/002-list.png" "$out/list.png"
# a mixed run through an external scenario: an early mistake, then recovery
XDG_CONFIG_HOME="$tmp/config" $W play scenarios/late_delivery.lua --choices 1,3,2,3,3,3,2 \
    --screenshot "$tmp/delivery" --trainee "Sam Okafor"
cp "$(ls "$tmp"/delivery/*-decision-* | head -n 1)" "$out/scene.png"
cp "$(ls "$tmp"/delivery/*-choose-* | sed -n 2p)" "$out/scene-choice.png"
cp "$tmp/delivery/"*-debrief.png "$out/debrief.png"
# an internal colleague, in high contrast at 150% text
printf '{"high_contrast": true, "text_scale": 150}\n' > "$tmp/hc/rapport/settings.json"
XDG_CONFIG_HOME="$tmp/hc" $W play scenarios/warehouse_handoff.lua --choices 2,3,2,2,3,1,3 \
    --screenshot "$tmp/hc-shots" --trainee "Sam Okafor"
cp "$(ls "$tmp"/hc-shots/*-decision-* | sed -n 2p)" "$out/high-contrast.png"
# HR review: a small cohort's records, behind a passphrase
db="$tmp/records.db"
rec() { ./rapport run "$1" --choices "$2" --record --db "$db" --trainee "$3" --cohort "November intake" >/dev/null 2>&1; }
rec scenarios/late_delivery.lua 2,3,2,3,3,3,2 "Ana Ruiz"
rec scenarios/late_delivery.lua 1,3,2,3,3,3,2 "Sam Okafor"
rec scenarios/warehouse_handoff.lua 2,3,2,2,3,1,3 "Sam Okafor"
rec scenarios/warehouse_handoff.lua 3,2 "Lee Chen"
rec scenarios/peer_feedback.lua 3,4,1,2,1,3,2 "Ana Ruiz"
printf 'screenshots only\nscreenshots only\n' | ./rapport passphrase --db "$db" 2>/dev/null
RAPPORT_TOUR_HR_PASSPHRASE="screenshots only" XDG_CONFIG_HOME="$tmp/config" $W --screenshot "$tmp/hr" --db "$db" --trainee x
cp "$tmp/hr/"*-hr-list.png "$out/hr-list.png"
cp "$tmp/hr/"*-hr-session.png "$out/hr-session.png"
rm -rf "$tmp"
# the HTML cohort report, as Chromium shows it
command -v chromium >/dev/null && REPORT_PNG=docs/report.png sh tests/suites/html_report.sh >/dev/null
ls -1 "$out"
