#!/usr/bin/env bash
# The web playground's browser tests (ctest: web_browser): serves the build with COOP/COEP on a
# free port, runs browser_test.mjs in Debian's headless chromium, checks the screenshot is not
# one flat colour, and stops the server.
#   tests/web/browser_test.sh BUILD_WEB_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[[ $# -eq 1 && -f $1/index.wasm ]] || { echo "usage: $0 BUILD_WEB_DIR (the web preset's web/ with index.wasm)"; exit 2; }
dir=$1
[[ -x /usr/bin/chromium ]] || { echo "browser_test: /usr/bin/chromium is missing (cmake/deps.sh)"; exit 1; }
[[ -d $root/web/node_modules/playwright-core ]] || { echo "browser_test: playwright-core is missing (cmake/deps.sh)"; exit 1; }
source "$root/tests/web/serve_build.sh"
serve_build "$dir"
shot=$(mktemp --suffix=.png)
status=0
# The native CLI, when built, for comparing the page's explore with it (make test builds it first).
GOPARK_NATIVE=$root/build/native/native/gopark node "$root/tests/web/browser_test.mjs" "http://127.0.0.1:$port/" \
  "$root/examples" "$root/tests/examples" "$shot" "http://127.0.0.1:$plain_port/" || status=$?
if [[ -s $shot ]]; then
  deviation=$(/usr/bin/convert "$shot" -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
  if awk -v d="$deviation" 'BEGIN { exit !(d > 0.02) }'; then
    echo "ok - the screenshot has contrast (standard deviation $deviation)"
  else
    echo "not ok - the screenshot looks blank (standard deviation $deviation)"
    status=1
  fi
fi
rm -f "$shot"
exit "$status"
