#!/usr/bin/env bash
# The web build against the native one (part of make bench): the runtime benchmarks and the
# interpreter workloads, run as WebAssembly with pthreads under node (the engine the playground
# runs in the browser) and natively, best of N each, with the ratio web/native (the goal: 1.5 or
# less).
#   tests/bench/web.sh [native-build-dir] [web-build-dir] [--reps N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
native=${1:-$root/build/native}
web=${2:-$root/build/web}
reps=3
[[ ${3:-} == --reps && -n ${4:-} ]] && reps=$4
node=(node --no-experimental-fetch --experimental-wasm-return_call)
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

for f in "$native/tests/bench/runtime_bench" "$native/native/gopark" "$web/tests/bench/runtime_bench.js" \
         "$web/tests/bench/gopark_run.js"; do
  [[ -e $f ]] || { echo "web bench: $f is missing (make native; make web)"; exit 1; }
done

best_wall() {  # best_wall <command...>: the best of $reps wall times, in ms
  local best=
  for _ in $(seq "$reps"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    local ms=$(((t1 - t0) / 1000000))
    [[ -z $best || $ms -lt $best ]] && best=$ms
  done
  echo "$best"
}

printf '\nWeb (wasm + pthreads under node %s) against native, best of %s, %s CPUs\n' "$(node --version)" "$reps" "$(nproc)"
printf '%-14s %-14s %12s %12s %10s\n' workload unit native web web/native
for w in spawn pingpong buffered mutex4 select4; do
  n=$("$native/tests/bench/runtime_bench" --only "$w" --reps "$reps" | cut -f2,3)
  b=$("${node[@]}" "$web/tests/bench/runtime_bench.js" --only "$w" --reps "$reps" | cut -f2)
  printf '%-14s %-14s %12s %12s %10s\n' "$w" "$(cut -f2 <<<"$n")" "$(cut -f1 <<<"$n")" "$b" \
    "$(awk -v a="$b" -v b="$(cut -f1 <<<"$n")" 'BEGIN { printf "%.2f", a / b }')"
done
# The interpreter: native times are the process's wall time less an empty program's (9 ms or so);
# web times are taken inside the wasm (node's start and the module's compilation are paid once per
# page, not per run). "first" is a fresh module's first run: V8 starts every function in its
# baseline compiler and swaps in optimised code while the program runs. "warm" is the best later
# run in the same process, as a page's second Run.
empty=$(mktemp --suffix=.go)
trap 'rm -f "$empty"' EXIT
printf 'package main\n\nfunc main() {\n}\n' >"$empty"
n0=$(best_wall "$native/native/gopark" run "$empty")
printf '\n%-14s %10s %10s %10s %10s %10s\n' program "native ms" "web first" first/nat "web warm" warm/nat
for w in fib loops sieve maps strings binarytrees spectralnorm pipeline; do
  prog=$root/tests/bench/lang/$w.go
  n=$(($(best_wall "$native/native/gopark" run "$prog") - n0))
  first= warm=
  for _ in $(seq "$reps"); do
    times=$("${node[@]}" "$web/tests/bench/gopark_run.js" --repeat 3 --time "$prog" 2>&1 >/dev/null | awk '/^run [0-9]+:/ { print $2, $3 }')
    f=$(awk '$1 == "1:" { printf "%d", $2 }' <<<"$times")
    m=$(awk '$1 != "1:" { printf "%d\n", $2 }' <<<"$times" | sort -n | head -1)
    [[ -z $first || $f -lt $first ]] && first=$f
    [[ -z $warm || $m -lt $warm ]] && warm=$m
  done
  printf '%-14s %10s %10s %10s %10s %10s\n' "$w" "$n" "$first" "$(awk -v a="$first" -v b="$n" 'BEGIN { printf "%.2f", a / b }')" \
    "$warm" "$(awk -v a="$warm" -v b="$n" 'BEGIN { printf "%.2f", a / b }')"
done
