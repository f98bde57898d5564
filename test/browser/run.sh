#!/usr/bin/env bash
# Browser tests of the web UI against the built app (`npm run build` first): every
# test/browser/*.browser-test.mjs in turn, or the files given. Each prints its own
# `browser: N checks run, …` line; the last line sums them.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f dist/apps/api/src/main.js ] || [ ! -f apps/web/dist/index.html ]; then
  echo "browser: build missing, run npm run build first"
  echo "browser: 0 passed, 1 failed"
  exit 1
fi
if [ $# -gt 0 ]; then suites=("$@"); else suites=(test/browser/*.browser-test.mjs); fi
status=0
passed=0
failed=0
for suite in "${suites[@]}"; do
  echo "=== $suite"
  log=$(mktemp)
  node "$suite" | tee "$log"
  code=${PIPESTATUS[0]}
  line=$(grep -E '^browser: [0-9]+ checks run' "$log" | tail -1)
  p=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-1}))
  rm -f "$log"
  [ "$code" -ne 0 ] && status=1
done
echo "browser (all suites): $passed passed, $failed failed"
exit $status
