#!/usr/bin/env bash
# Interpreter benchmarks: classic workloads, each written once in Go (<name>.go) and, for the sequential
# ones, in Lua 5.4 (<name>.lua), run by `gopark run`, as compiled Go (the upper bound) and by lua5.4.
#   tests/bench/lang/run.sh <gopark-binary-or-empty> [--reps N] [--build DIR]
# Times each best of N runs (default 3) of wall time, process start included, and prints a table with
# the ratios gopark/Go and gopark/Lua (below 1.00: gopark is faster). The gopark column shows '-' when the
# binary is missing or `gopark run` fails (the reason is printed under the table). Every run's output
# must equal compiled Go's, byte for byte: any difference is printed and the script exits 1.
# Go's binaries and build cache go to DIR/go (default build/native, as for tests/bench/run.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
gopark=
if [[ $# -gt 0 && $1 != --* ]]; then gopark=$1; shift; fi
reps=3
build=$root/build/native
while [[ $# -gt 0 ]]; do
  case $1 in
    --reps) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; reps=$2; shift 2 ;;
    --build) [[ -n ${2:-} ]] || usage; build=$2; shift 2 ;;
    *) usage ;;
  esac
done
limit=300  # seconds per run: a hung interpreter shows as a failure, not as a hung `make bench`

workloads=(fib loops sieve maps strings binarytrees spectralnorm pipeline)
declare -A has_lua=([fib]=1 [loops]=1 [sieve]=1 [maps]=1 [strings]=1 [binarytrees]=1 [spectralnorm]=1)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
notes=()   # printed under the table
wrong=0    # outputs that differ from the reference

have_gopark=0
if [[ -z $gopark ]]; then
  notes+=("gopark: no binary given, column skipped")
elif [[ ! -x $gopark ]]; then
  notes+=("gopark: $gopark is missing, column skipped")
else
  have_gopark=1
fi

have_go=0
if command -v go >/dev/null; then
  have_go=1
  mkdir -p "$build/go/lang"
  build=$(cd "$build" && pwd)
  # Go's build cache lives in the build tree: CI machines may have no writable $HOME.
  for w in "${workloads[@]}"; do
    (cd "$here" && GOCACHE="$build/go/cache" GOPATH="$build/go/path" GO111MODULE=off \
       go build -o "$build/go/lang/$w" "$w.go")
  done
else
  notes+=("Go is not installed (cmake/deps.sh installs golang-go): outputs are checked against Lua's")
fi
have_lua=0
if command -v lua5.4 >/dev/null; then have_lua=1; else notes+=("lua5.4 is not installed (Debian: lua5.4)"); fi

# bench <label> <workload> <command...>: runs the command $reps times and sets $best to the fastest wall
# time in microseconds, or to '-' when a run fails, or to 'wrong' when its output differs from
# $tmp/<workload>.ref (which the first successful runner, compiled Go, writes when it does not exist yet).
bench() {
  local label=$1 w=$2 i start end us
  shift 2
  best=
  for ((i = 0; i < reps; i++)); do
    start=$(date +%s%N)
    if timeout "$limit" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; then :; else
      local rc=$?
      [[ $rc == 124 ]] && notes+=("$label: $w: timed out after ${limit} s") \
        || notes+=("$label: $w: exit status $rc: $(head -n 1 "$tmp/err" | cut -c 1-200 || true)")
      best=-
      return
    fi
    end=$(date +%s%N)
    [[ -e $tmp/$w.ref ]] || cp "$tmp/out" "$tmp/$w.ref"
    if ! cmp -s "$tmp/out" "$tmp/$w.ref"; then
      notes+=("$label: $w: output differs from the reference (< expected, > $label):"
              "$(diff "$tmp/$w.ref" "$tmp/out" | head -n 10 || true)")
      wrong=$((wrong + 1))
      best=wrong
      return
    fi
    us=$(((end - start) / 1000))
    if [[ -z $best || $us -lt $best ]]; then best=$us; fi
  done
}
ms() { [[ $1 =~ ^[0-9]+$ ]] && printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)) || printf '%s' "$1"; }
ratio() { [[ $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || printf -; }

declare -A t_gopark t_go t_lua
for w in "${workloads[@]}"; do
  t_go[$w]=-; t_lua[$w]=-; t_gopark[$w]=-
  if [[ $have_go == 1 ]]; then bench Go "$w" "$build/go/lang/$w"; t_go[$w]=$best; fi
  if [[ $have_lua == 1 && -n ${has_lua[$w]:-} ]]; then bench Lua "$w" lua5.4 "$here/$w.lua"; t_lua[$w]=$best; fi
  if [[ $have_gopark == 1 ]]; then bench gopark "$w" "$gopark" run "$here/$w.go"; t_gopark[$w]=$best; fi
done

go_version=$(go version 2>/dev/null | awk '{print $3}' || true)
lua_version=$(lua5.4 -v 2>/dev/null | awk '{print $1, $2}' || true)
printf '\nInterpreter benchmarks: best of %s runs, wall time in ms, %s, %s, %s CPUs\n' "$reps" \
  "${go_version:-no Go}" "${lua_version:-no Lua}" "$(nproc)"
fmt='%-13s %10s %10s %10s %10s %11s\n'
printf "$fmt" workload "gopark ms" "Go ms" "Lua ms" gopark/Go gopark/Lua
for w in "${workloads[@]}"; do
  printf "$fmt" "$w" "$(ms "${t_gopark[$w]}")" "$(ms "${t_go[$w]}")" "$(ms "${t_lua[$w]}")" \
    "$(ratio "${t_gopark[$w]}" "${t_go[$w]}")" "$(ratio "${t_gopark[$w]}" "${t_lua[$w]}")"
done
echo "(goal: gopark/Lua below 1.00 on every sequential workload, gopark/Go at most 30)"
for n in "${notes[@]+"${notes[@]}"}"; do echo "$n"; done
if [[ $wrong -gt 0 ]]; then
  echo "lang bench: $wrong run(s) printed a different output than the reference" >&2
  exit 1
fi
