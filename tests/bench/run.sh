#!/usr/bin/env bash
# make bench: runs gopark's runtime benchmarks and the same workloads in Go, side by side.
#   tests/bench/run.sh [build-dir] [extra args for both binaries, e.g. --procs 4]
# Prints a table with the ratio gopark/Go for each workload (below 1.00: gopark is faster or smaller).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd)
shift || true
gopark_bin=$build/tests/bench/runtime_bench
[[ -x $gopark_bin ]] || { echo "bench: $gopark_bin is missing (make bench builds it)" >&2; exit 1; }

declare -A gp go unit
# Memory per goroutine is measured as a growth of RSS, so it runs first in a process of its own.
run_all() {  # run_all <binary> <flag prefix> args...
  local bin=$1 dash=$2
  shift 2
  "$bin" "${dash}only" blocked_mem "$@"
  for w in spawn pingpong buffered mutex4 select4; do "$bin" "${dash}only" "$w" "$@"; done
}
while IFS=$'\t' read -r name value u; do gp[$name]=$value; unit[$name]=$u; done < <(run_all "$gopark_bin" -- "$@")

have_go=0
if command -v go >/dev/null; then
  have_go=1
  mkdir -p "$build/go"
  # Go's build cache lives in the build tree: CI machines may have no writable $HOME.
  (cd "$root/tests/bench/go" && GOCACHE="$build/go/cache" GOPATH="$build/go/path" GO111MODULE=off \
     go build -o "$build/go/runtime_bench" runtime_bench.go)
  go_args=()
  for a in "$@"; do go_args+=("${a/#--/-}"); done
  while IFS=$'\t' read -r name value u; do go[$name]=$value; done < <(run_all "$build/go/runtime_bench" - "${go_args[@]+"${go_args[@]}"}")
fi

procs=$(echo "$@" | grep -oP '(?<=--procs )\d+' || nproc)
reps=$(echo "$@" | grep -oP '(?<=--reps )\d+' || echo 3)
printf '\nRuntime benchmarks: GOMAXPROCS=%s, best of %s runs, %s, %s\n' "$procs" "$reps" \
  "$(go version 2>/dev/null | awk '{print $3}' || echo 'no Go')" "$(nproc) CPUs"
printf '%-12s %-16s %12s %12s %10s\n' workload unit gopark Go gopark/Go
for name in spawn pingpong buffered mutex4 select4 blocked_mem; do
  [[ -n ${gp[$name]:-} ]] || continue
  if [[ $have_go == 1 && -n ${go[$name]:-} ]]; then
    ratio=$(awk -v a="${gp[$name]}" -v b="${go[$name]}" 'BEGIN { printf "%.2f", a / b }')
    printf '%-12s %-16s %12s %12s %10s\n' "$name" "${unit[$name]}" "${gp[$name]}" "${go[$name]}" "$ratio"
  else
    printf '%-12s %-16s %12s %12s %10s\n' "$name" "${unit[$name]}" "${gp[$name]}" "-" "-"
  fi
done
[[ $have_go == 1 ]] || echo "(Go is not installed: cmake/deps.sh installs golang-go for the comparison)"

# Then the interpreter benchmarks: `gopark run` on classic workloads beside compiled Go and Lua 5.4.
"$root/tests/bench/lang/run.sh" "$build/native/gopark" --reps "$reps" --build "$build"

# And explore: simulated schedules a second against real Go run again and again, and how soon the
# rare bugs of examples/07_*.go are found.
"$root/tests/bench/explore/run.sh" "$build/native/gopark" --build "$build"

# And the race detector's cost (gopark run --race) beside Go's (go build -race), on the same programs.
"$root/tests/bench/race/run.sh" "$build/native/gopark" --reps "$reps" --build "$build" || true

# And the dashboard's frame time from recorded-style snapshots (when the build has the dashboard).
if [[ -x $build/tests/bench/dashboard_bench ]]; then
  echo
  "$build/tests/bench/dashboard_bench"
fi

# And live, in a real window: the desktop app under Xvfb running 1,000 goroutines on 100
# channels for 300 frames. Under Xvfb, OpenGL is Mesa's software rasterizer sharing the CPUs
# with the program, so the wall time overstates a machine with a GPU; the UI thread's CPU time
# is the dashboard's own cost.
if [[ -x $build/native/gopark ]] && command -v xvfb-run >/dev/null \
   && "$build/native/gopark" version | grep -q "with the desktop"; then
  echo
  echo "Dashboard live, 1,000 goroutines and 100 channels (tests/bench/dashboard/busy_1000.go), under Xvfb:"
  XDG_CONFIG_HOME=$(mktemp -d) xvfb-run -a -s "-screen 0 1280x800x24" \
    "$build/native/gopark" open "$root/tests/bench/dashboard/busy_1000.go" --run --frames 300 --frame-stats 2>&1 \
    | grep 'frames,' || echo "  (the desktop app did not start)"
fi

# And the web build against the native one (runtime and interpreter under node), when both exist.
if [[ -e $root/build/web/tests/bench/gopark_run.js && -e $build/native/gopark ]]; then
  "$root/tests/bench/web.sh" "$build" "$root/build/web" --reps "$reps"
fi
