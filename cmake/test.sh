#!/usr/bin/env bash
# make test: builds every configuration and runs its tests, then prints one summary line.
#   native  the engine's unit tests (doctest, one CTest test per test case)
#   asan    the same under AddressSanitizer + UBSan
#   tsan    the same under ThreadSanitizer
#   web     the engine's tests built with Emscripten, run under node on real wasm threads, and the
#           playground in headless chromium (tests/web)
# A configuration that fails to build counts as one failed test, and the others still run.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

passed=0
failed=0
failures=()

run_suite() {  # run_suite <preset> [env assignments...]
  local preset=$1
  shift
  echo "== $preset: build"
  if ! { cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset" -j "$jobs"; } >"build/$preset.build.log" 2>&1; then
    tail -30 "build/$preset.build.log"
    echo "== $preset: BUILD FAILED (build/$preset.build.log)"
    failed=$((failed + 1))
    failures+=("$preset: build")
    return
  fi
  echo "== $preset: test"
  local log="build/$preset.test.log"
  env "$@" ctest --preset "$preset" -j "$jobs" --timeout 900 2>&1 | tee "$log" | grep -E "tests passed|\*\*\*|Failed|Timeout" || true
  local line total bad
  line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -1)
  if [[ -z $line ]]; then
    echo "== $preset: ctest printed no summary"
    failed=$((failed + 1))
    failures+=("$preset: no summary")
    return
  fi
  bad=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
  ((bad == 0)) || { failures+=("$preset: $bad failed"); failure_lines "$preset"; }
}

# What the failing tests themselves said (doctest's ERROR/FATAL lines and what follows them, a
# sanitizer's first lines), so that a CI log that keeps only the end of the output still shows why.
failure_lines() {  # failure_lines <preset>
  local last="build/$1/Testing/Temporary/LastTest.log"
  [[ -f $last ]] || return 0
  echo "== $1: what the failing tests printed"
  grep -E -A4 "ERROR:|FATAL|Assertion|Sanitizer|terminate called|Aborted" "$last" | head -60
}

mkdir -p build
run_suite native
run_suite asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 GOPARK_STRESS=0.3
run_suite tsan TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" GOPARK_STRESS=0.3
run_suite web

for f in "${failures[@]+"${failures[@]}"}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
