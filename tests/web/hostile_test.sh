#!/usr/bin/env bash
# The hostile-input suite in the page (ctest: web_hostile): serves the build with COOP/COEP and runs
# hostile_test.mjs over tests/hostile in Debian's headless chromium.
#   tests/web/hostile_test.sh BUILD_WEB_DIR [FILTER_REGEX]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[[ $# -ge 1 && -f $1/index.wasm ]] || { echo "usage: $0 BUILD_WEB_DIR [FILTER_REGEX] (the web preset's web/ with index.wasm)"; exit 2; }
[[ -x /usr/bin/chromium ]] || { echo "hostile_test: /usr/bin/chromium is missing (cmake/deps.sh)"; exit 1; }
[[ -d $root/web/node_modules/playwright-core ]] || { echo "hostile_test: playwright-core is missing (cmake/deps.sh)"; exit 1; }
source "$root/tests/web/serve_build.sh"
serve_build "$1"
node "$root/tests/web/hostile_test.mjs" "http://127.0.0.1:$port/" "$root/tests/hostile" "${2:-}"
