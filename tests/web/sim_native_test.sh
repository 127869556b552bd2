#!/usr/bin/env bash
# A simulated run is the same run in the browser's engine as natively: for a set of programs and
# seeds, `gopark run --mode sim` natively and the same engine built as WebAssembly for node
# (tests/bench/web/gopark_run_web.cpp) must print the same stdout and stderr, exit alike, and
# write the same Chrome trace, byte for byte (compared by hash); with --race, the same reports.
#   tests/web/sim_native_test.sh <native gopark> <gopark_run.js>
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
native=$1 web=$2
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
# As the web preset runs its tests (CMakePresets.json): Emscripten 3.1.6's loader predates node's fetch.
node=(node --no-experimental-fetch --experimental-wasm-return_call)
[[ -x $native ]] || { echo "sim_native: no native gopark at $native (the native preset builds it)"; exit 1; }
[[ -e $web ]] || { echo "sim_native: no $web"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Kept to about a minute and a half of node starts (a full set of 15 programs x 8 took 5 minutes
# and found nothing more).
programs=(
  examples/07_rare_lost_update.go examples/07_check_then_act_overdraft.go examples/07_lost_cond_wakeup.go
  examples/11_why_goroutines_wait.go examples/13_who_runs_first_x200.go
  tests/programs/channels_fan_in_out.go tests/programs/maps_keys.go tests/programs/time_timers.go
  tests/programs/rt_deadlock_many.go
  tests/programs/math_go_exact.go  # floating point: glibc's and musl's libm once differed here
)
# And with the race detector (issue 15): the same races, reported alike, from a seed.
race_programs=(tests/race/race_map_read_write.go tests/race/race_struct_copy_shares_slice.go
               tests/race/race_atomic_mixed_access.go tests/race/norace_chan_semaphore_limit.go)
pass=0 fail=0
for p in "${programs[@]}" "${race_programs[@]}"; do
  [[ -f $root/$p ]] || { echo "sim_native: missing $p"; fail=$((fail + 1)); continue; }
  race=()
  [[ $p == tests/race/* ]] && race=(--race)
  for seed in 1 54; do
    for procs in 1 4; do
      args=(--mode sim --seed "$seed" --procs "$procs" "${race[@]}")
      (cd "$root" && "$native" run "${args[@]}" --trace "$tmp/n.json" "$p") >"$tmp/n.out" 2>"$tmp/n.err"
      n_rc=$?
      (cd "$root" && "${node[@]}" "$web" "${args[@]}" --trace "$tmp/w.json" "$p") >"$tmp/w.out" 2>"$tmp/w.err"
      w_rc=$?
      what=""
      ((n_rc == w_rc)) || what+=" exit($n_rc/$w_rc)"
      cmp -s "$tmp/n.out" "$tmp/w.out" || what+=" stdout"
      cmp -s "$tmp/n.err" "$tmp/w.err" || what+=" stderr"
      [[ $(sha256sum <"$tmp/n.json") == $(sha256sum <"$tmp/w.json") ]] || what+=" trace"
      if [[ -n $what ]]; then
        echo "FAIL $p seed $seed procs $procs:$what"
        diff <(head -c 2000 "$tmp/n.err") <(head -c 2000 "$tmp/w.err") | head -6
        fail=$((fail + 1))
      else
        pass=$((pass + 1))
      fi
    done
  done
done
echo "sim_native: $pass passed, $fail failed"
((fail == 0))
