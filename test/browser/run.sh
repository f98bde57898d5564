#!/usr/bin/env bash
# Browser test of the web UI against the built app: `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f dist/apps/api/src/main.js ] || [ ! -f apps/web/dist/index.html ]; then
  echo "browser: build missing, run npm run build first"
  echo "browser: 0 passed, 1 failed"
  exit 1
fi
exec node test/browser/ui.browser-test.mjs "$@"
