#!/usr/bin/env bash
# make bench, explore: how fast `gopark explore` searches simulated schedules, against running the
# real Go binary again and again, and how soon it finds the rare bugs of examples/07_*.go.
#   tests/bench/explore/run.sh <gopark> [--build DIR] [--go-runs N]
# Prints two tables. Speed is reported, never asserted.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
gopark=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
build=$root/build/native
go_runs=1000
while (($#)); do
  case $1 in
  --build) build=$2; shift ;;
  --go-runs) go_runs=$2; shift ;;
  *) echo "explore bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
cpus=$(nproc)
have_go=0
command -v go >/dev/null && have_go=1
gobin=$build/go/explore
mkdir -p "$gobin"

go_build() {  # go_build <file.go> -> path of the binary
  local name
  name=$(basename "$1" .go)
  (cd "$(dirname "$1")" && GOCACHE="$build/go/cache" GOPATH="$build/go/path" GO111MODULE=off \
    go build -o "$gobin/$name" "$(basename "$1")")
  echo "$gobin/$name"
}

# go_many <binary> <pattern>: runs it go_runs times; prints "<seconds> <runs whose stdout matched>"
go_many() {
  local bin=$1 pattern=$2 hits=0 start end i
  start=$(date +%s.%N)
  for ((i = 0; i < go_runs; i++)); do
    if "$bin" | grep -Eq "$pattern"; then hits=$((hits + 1)); fi
  done
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') $hits"
}

# rate <gopark explore args...>: runs/s from explore's first line
rate() { "$gopark" explore "$@" | head -1 | grep -oP '\(\K[0-9]+(?= runs/s)'; }

echo
counter=$root/examples/07_rare_lost_update.go  # two goroutines, n++ once each
echo "Explore: simulated runs a second, $cpus CPUs (examples/07_rare_lost_update.go: two goroutines, n++ once)"
one=$(rate --runs 4000 --jobs 1 "$counter")
all=$(rate --runs 8000 "$counter")
printf '%-40s %12s\n' "gopark explore, 1 thread" "$one runs/s"
printf '%-40s %12s\n' "gopark explore, $cpus threads" "$all runs/s"
if ((have_go)); then
  read -r secs _ < <(go_many "$(go_build "$counter")" 'x^')
  go_rate=$(awk -v n="$go_runs" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
  printf '%-40s %12s   (%s runs in %s s)\n' "Go binary, run again and again" "$go_rate runs/s" "$go_runs" "$secs"
  printf '%-40s %12s\n' "ratio, gopark 1 thread / Go" "$(awk -v a="$one" -v b="$go_rate" 'BEGIN { printf "%.1fx", a / b }')"
fi

echo
echo "Rare bugs (examples/07_*.go): runs showing the bug, real Go vs gopark explore (seeds 1 to 20000)"
printf '%-32s %14s %18s %16s %14s\n' example "Go: bug in" "explore: bug in" "first at seed" "found after"
for entry in "07_rare_lost_update:lost" "07_rare_lock_order_deadlock:stuck" \
  "07_check_then_act_overdraft:overdrawn" "07_lost_cond_wakeup:lost wake-up"; do
  name=${entry%%:*} pattern=${entry#*:}
  src=$root/examples/$name.go
  go_col="-"
  if ((have_go)); then
    read -r _ hits < <(go_many "$(go_build "$src")" "$pattern")
    go_col="$hits/$go_runs"
  fi
  json=$("$gopark" explore --runs 20000 --json "$src")
  r=$(rate --runs 4000 "$src")
  bad=$(grep -F "$pattern" <<<"$json" || true)
  count=$(grep -oP '"count":\K[0-9]+' <<<"$bad" | paste -sd+ | bc 2>/dev/null || echo 0)
  first=$(grep -oP '"seed":"\K[0-9]+' <<<"$bad" | sort -n | head -1)
  if [[ -z $first ]]; then
    printf '%-32s %14s %18s %16s %14s\n' "$name" "$go_col" "0/20000" "-" "-"
  else
    printf '%-32s %14s %18s %16s %14s\n' "$name" "$go_col" "$count/20000" "$first" \
      "$(awk -v s="$first" -v r="$r" 'BEGIN { printf "%.3f s", s / r }')"
  fi
done
echo "(\"found after\": the first seed that shows the bug, over explore's rate on all CPUs)"

echo
echo "Seek: a simulated run replayed to a step (tests/bench/explore/pingpong.go, two goroutines"
echo "handing a counter back and forth); \`gopark run --step K\`, wall time of the whole process"
printf '%-44s %10s\n' step "time"
for k in 1000 100000 1000000; do
  start=$(date +%s.%N)
  "$gopark" run --mode sim --step "$k" "$here/pingpong.go" >/dev/null 2>&1
  end=$(date +%s.%N)
  printf '%-44s %10s\n' "$k" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f ms", (b - a) * 1000 }')"
done
if [[ -x $build/tests/bench/seek_bench ]]; then
  echo
  "$build/tests/bench/seek_bench" "$here/pingpong.go"
fi
echo "(goal: any step of a run of up to 1,000,000 steps in under 100 ms)"
