#!/usr/bin/env bash
# The race detector's cost (issue 15): each workload run plain and with the detector, by gopark
# (`gopark run` / `gopark run --race`) and by Go (`go build` / `go build -race`, then the binary),
# best of N for time and the peak RSS of that run. Printed as ratios race/plain for each, and the
# ratio of the two slowdowns (below 1.00: gopark's detector costs it less than Go's costs Go).
#   tests/bench/race/run.sh <gopark-binary> [--reps N] [--build DIR]
# Workloads: the interpreter benchmarks (tests/bench/lang, race-free) and workers.go here
# (goroutines, channels, a mutex). Every run must print what plain Go prints, and no run may
# report a race (they are race-free): anything else is printed and the script exits 1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
gopark=${1:?usage: run.sh <gopark-binary> [--reps N] [--build DIR]}
shift
reps=3
build=$root/build/native
while [[ $# -gt 0 ]]; do
  case $1 in
    --reps) reps=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "race bench: needs /usr/bin/time (Debian: time)"; exit 1; }
have_go=0
command -v go >/dev/null && have_go=1
build=$(mkdir -p "$build" && cd "$build" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A src=([workers]=$here/workers.go)
for w in fib loops sieve maps strings binarytrees spectralnorm pipeline; do src[$w]=$root/tests/bench/lang/$w.go; done
order=(fib loops sieve maps strings binarytrees spectralnorm pipeline workers)
bad=0

# measure <name> <command...>: best wall time (s) and that run's peak RSS (KiB) into $secs $kib;
# the output must be $tmp/<name>.ref's (written by the first run) and stderr free of race reports.
measure() {
  local name=$1
  shift
  secs= kib=
  for ((i = 0; i < reps; i++)); do
    if ! /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; then
      echo "  $name: $* failed: $(head -c 300 "$tmp/err")"; bad=1; secs=- kib=-; return
    fi
    [[ -e $tmp/$name.ref ]] || cp "$tmp/out" "$tmp/$name.ref"
    cmp -s "$tmp/out" "$tmp/$name.ref" || { echo "  $name: $* printed something else"; bad=1; }
    ! grep -q "DATA RACE" "$tmp/err" || { echo "  $name: $* reported a race"; bad=1; }
    read -r s k <"$tmp/time"
    if [[ -z $secs ]] || awk -v a="$s" -v b="$secs" 'BEGIN { exit !(a < b) }'; then secs=$s kib=$k; fi
  done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }

printf '\nRace detector cost: best of %s, time (s) and peak RSS (MiB), race/plain ratios\n' "$reps"
printf '%-13s %8s %8s %7s %7s | %8s %8s %7s %7s | %9s\n' workload gopark +race time mem Go +race time mem slowdown
for w in "${order[@]}"; do
  if [[ $have_go == 1 ]]; then
    mkdir -p "$build/go/race"
    (cd "$(dirname "${src[$w]}")" && GOCACHE="$build/go/cache" GOPATH="$build/go/path" GO111MODULE=off \
       go build -o "$build/go/race/$w" "${src[$w]}" && GOCACHE="$build/go/cache" GOPATH="$build/go/path" \
       GO111MODULE=off go build -race -o "$build/go/race/$w.race" "${src[$w]}")
    measure "$w" "$build/go/race/$w"; go_t=$secs go_m=$kib
    measure "$w" "$build/go/race/$w.race"; gor_t=$secs gor_m=$kib
  else
    go_t=- go_m=- gor_t=- gor_m=-
  fi
  measure "$w" "$gopark" run "${src[$w]}"; gp_t=$secs gp_m=$kib
  measure "$w" "$gopark" run --race "${src[$w]}"; gpr_t=$secs gpr_m=$kib
  gp_slow=$(ratio "$gpr_t" "$gp_t") go_slow=$(ratio "$gor_t" "$go_t")
  printf '%-13s %8s %8s %7s %7s | %8s %8s %7s %7s | %9s\n' "$w" "$gp_t" "$gpr_t" "$gp_slow" \
    "$(ratio "$gpr_m" "$gp_m")" "$go_t" "$gor_t" "$go_slow" "$(ratio "$gor_m" "$go_m")" "$(ratio "$gp_slow" "$go_slow")"
done
echo "(time, mem: race/plain for gopark and for Go; slowdown: gopark's time ratio over Go's)"
exit $bad
