#!/usr/bin/env bash
# The review page (check --format html) in a real browser: Debian's chromium, headless. For the
# samples and for a hostile document the page must load with no console message at all (errors,
# exceptions and Content-Security-Policy violations all land there), its script must run to the
# end (it sets data-ready on <body>), the highlights must exist, and nothing the hostile document
# holds may become an element or run as script.
# Usage: tests/browser_test.sh GALLEY_BINARY SOURCE_DIR
set -euo pipefail
galley=$1
source_dir=$2
chromium=$(command -v chromium || true)
if [[ -z $chromium ]]; then
  echo "browser_test: chromium is not installed (scripts/install-deps installs the test group)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "browser_test: $*" >&2
  failures=$((failures + 1))
}

browser() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$work")" \
    --enable-logging=stderr --v=0 "$@"
}

# Loads PAGE, leaves the DOM in PAGE.dom, and checks what every review page must satisfy.
load() {
  local page=$1
  browser --dump-dom "file://$page" >"$page.dom" 2>"$page.log" || fail "$page: chromium failed"
  if grep -q ':CONSOLE' "$page.log"; then
    fail "$page: console messages:"
    grep ':CONSOLE' "$page.log" >&2
  fi
  grep -q '<body data-ready="1"' "$page.dom" || fail "$page: the script did not run to its end"
  grep -q '<title>galley review</title>' "$page.dom" || fail "$page: the title changed"
  [[ $(grep -o '<script' "$page.dom" | wc -l) -eq 1 ]] || fail "$page: a <script> element was injected"
}

cd "$source_dir"
"$galley" check --jobs 1 --format html -o "$work/samples.html" samples || [[ $? -eq 1 ]]
load "$work/samples.html"
marks=$(grep -o '<mark class="f sev-' "$work/samples.html.dom" | wc -l)
[[ $marks -ge 10 ]] || fail "samples: only $marks highlighted findings in the DOM"
grep -q 'class="rel"' "$work/samples.html.dom" || fail "samples: no related span (other copy) linked"

# A hostile document: markup, script, attribute breakers, a closing style tag, invalid UTF-8 and
# control characters, in every input format. (A NUL would make galley skip the file as binary;
# the unit tests give the page writer NUL directly.)
hostile='<script>document.title="pwned"</script> The the "onload="document.title=1" x'"'"'y
</style></textarea><!-- <img src=x onerror="document.title=2"> <svg onload=alert(1)>
\xff\xfe bad bytes, \x01 and \x1b[31m and \xe2\x80\xae reversed]]> <marquee>&amp;lt;b&amp;gt;.\r\n'
for ext in txt md html; do
  printf "$hostile" >"$work/hostile.$ext"
done
"$galley" check --jobs 1 --format html -o "$work/hostile.html.report.html" \
  "$work/hostile.txt" "$work/hostile.md" "$work/hostile.html" || [[ $? -eq 1 ]]
load "$work/hostile.html.report.html"
dom="$work/hostile.html.report.html.dom"
for element in '<img' '<svg' '<textarea' '<marquee' '<!--'; do
  grep -qF "$element" "$dom" && fail "hostile: '$element' became markup"
done
grep -qF 'pwned' "$dom" || fail "hostile: the document's text is missing"
[[ $(grep -o '<mark class="f sev-' "$dom" | wc -l) -ge 3 ]] || fail "hostile: findings not highlighted"

if [[ $failures -gt 0 ]]; then
  echo "browser_test: $failures failure(s)" >&2
  exit 1
fi
echo "browser_test: review pages load cleanly; hostile content stays text"
