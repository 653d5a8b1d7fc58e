#!/bin/sh
# The HTML report (`rapport report --html FILE`): built from recorded
# sessions, checked as a file (self-contained, escaped, owner-only), then
# rendered in headless Chromium: no console errors, the charts are there in
# the rendered page, and a screenshot is saved (tests/out/report.png).
# Ends with "html: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
R=${RAPPORT_BIN:-./rapport}
case $R in /*) ;; *) R="$(pwd)/$R" ;; esac
SHARED=${RAPPORT_SHARED:-../shared}
case $SHARED in /*) ;; *) SHARED="$(pwd)/$SHARED" ;; esac
EX=$SHARED/examples/late_refund.lua
T=$(mktemp -d /tmp/rapport-html.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT
unset RAPPORT_DB XDG_DATA_HOME
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /' | head -15; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }

# A small cohort: four trainees, two scenarios, several attempts each.
DB=$T/records.db
rec() { $R run "$1" --record --db "$DB" --cohort "Support Q4" --choices "$2" --trainee "$3" >/dev/null 2>&1; }
OUT=scenarios/service_outage.lua
rec "$EX" 3 "Kim Nguyen"
rec "$EX" 2,2 "Kim Nguyen"
rec "$EX" 2,1,1,2 "Kim Nguyen"
rec "$EX" 2,1,1,1 "Sam Okafor"
rec "$EX" 1,1,1 "Sam Okafor"
rec "$EX" t,1,1,1 "Ana Lima"
rec "$EX" 1,1,2 "Ana Lima"
rec "$EX" 1,1,1 "Ana Lima"
rec "$EX" 2,1,1,1 '<b>Lee</b> & "Co"'
rec "$EX" 2 "Pia Jensen"
if [ -f "$OUT" ]; then
    rec "$OUT" 1,1,1,1,1,1 "Sam Okafor"
    rec "$OUT" 2,2,2,2,2,2 "Kim Nguyen"
    rec "$OUT" 3,1,2,1,1,1 "Ana Lima"
fi
trainees=$(sqlite3 "$DB" "SELECT count(DISTINCT trainee) FROM sessions")

HTML=$T/report.html
out=$($R report --db "$DB" --html "$HTML" 2>&1); code=$?
if [ $code = 0 ] && [ -s "$HTML" ]; then ok "report --html writes the file"; else bad "report --html writes the file" "exit $code: $out"; fi
check "the report is owner-only (it holds personal data)" [ "$(stat -c %a "$HTML")" = 600 ]
check "it is self-contained: no script, no link, no external resource" \
    sh -c "! grep -E -i '<script|<link|<img|<iframe|@import|url\\(|src=|href=' '$HTML' >/dev/null"
check "names from the records are HTML-escaped" \
    sh -c "grep -q '&lt;b&gt;Lee&lt;/b&gt; &amp; &quot;Co&quot;' '$HTML' && ! grep -q '<b>Lee' '$HTML'"
check "it has a cohort summary, trainee cards, item analysis and a legend" \
    sh -c "grep -q 'Cohort summary' '$HTML' && grep -q 'class=\"card\"' '$HTML' && grep -q 'Where the cohort goes wrong' '$HTML' && grep -q 'class=\"legend\"' '$HTML'"
check "it names who needs coaching on what" grep -q 'Coach on [a-z]* ' "$HTML"
check "it has print styles" grep -q '@media print' "$HTML"
$R report --db "$DB" --trainee "Ana Lima" --html "$T/ana.html" >/dev/null 2>&1
check "filters apply to the HTML report" sh -c "grep -q 'Trainee: <strong>Ana Lima' '$T/ana.html' && ! grep -q 'Sam Okafor' '$T/ana.html'"
out=$($R report --db "$DB" --html /nonexistent/dir/report.html 2>&1); code=$?
check "an unwritable destination: exit 2 and a clear message" sh -c "[ $code = 2 ] && printf '%s' \"$out\" | grep -q 'cannot write /nonexistent/dir/report.html'"

# Render it.
CHROME=""
for c in chromium chromium-browser google-chrome; do
    command -v $c >/dev/null 2>&1 && { CHROME=$c; break; }
done
if [ -z "$CHROME" ]; then
    bad "headless Chromium is needed to render the report (make deps installs the chromium package)"
    echo "html: $pass passed, $fail failed"
    exit 1
fi
chrome() {
    timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$T/profile" "$@"
}
chrome --enable-logging=stderr --v=0 --dump-dom "file://$HTML" >"$T/dom.html" 2>"$T/console.log"; code=$?
check "Chromium renders the report" sh -c "[ $code = 0 ] && grep -q '</html>' '$T/dom.html'"
errs=$(grep -E -i 'Uncaught|CONSOLE\(|Refused to|Failed to load|net::ERR' "$T/console.log" | grep -v -i 'dbus' | head -5)
if [ -z "$errs" ]; then ok "no console errors, nothing refused or failed to load"; else bad "no console errors" "$errs"; fi
svgs=$(grep -o '<svg' "$T/dom.html" | wc -l)
sparks=$(grep -o 'class="spark"' "$T/dom.html" | wc -l)
charts=$(grep -o 'class="chart"' "$T/dom.html" | wc -l)
check "the rendered page has its SVG charts ($svgs svg: 1 summary chart, $sparks trend lines for $trainees trainees)" \
    [ "$charts" = 1 -a "$sparks" = "$trainees" -a "$svgs" -gt $((trainees * 2)) ]
check "the rendered page has item-analysis bars with their quality" \
    sh -c "grep -q 'class=\"row\"' '$T/dom.html' && grep -q '>best<' '$T/dom.html' && grep -q '>harmful<' '$T/dom.html'"

# the screenshot goes to tests/out/ (make screenshots puts it in docs/ with REPORT_PNG)
shot=${REPORT_PNG:-tests/out/report.png}
mkdir -p "$(dirname "$shot")"
chrome --screenshot="$T/report.png" --window-size=1280,2000 "file://$HTML" >/dev/null 2>&1
if [ -s "$T/report.png" ] && [ "$(head -c 8 "$T/report.png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]; then
    cp "$T/report.png" "$shot"
    ok "screenshot saved to $shot"
else
    bad "screenshot saved to $shot"
fi
chrome --no-pdf-header-footer --print-to-pdf="$T/report.pdf" "file://$HTML" >/dev/null 2>&1
check "it prints (Chromium makes a PDF of it)" sh -c "[ \"\$(head -c 5 '$T/report.pdf')\" = '%PDF-' ] && [ \$(wc -c <'$T/report.pdf') -gt 20000 ]"

echo "html: $pass passed, $fail failed"
[ "$fail" = 0 ]
