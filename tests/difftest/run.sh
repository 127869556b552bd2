#!/usr/bin/env bash
# run.sh: differential testing of gopark against Go on random programs (tests/difftest/gen.py).
#
#   run.sh GOPARK_BINARY [--seed N] [--seconds S] [--keep DIR] [--functions N] [--keep-going]
#          [--lines]
#
# From seed N (default 1) on, one seed per program: gen.py writes the program, `go build` builds
# it (without the optimiser: found/005), and the Go binary and `gopark run` run it (10 s each).
# gopark runs each program twice: once with the default settings and once in a set-up picked by
# the seed (--procs 1, --procs 4, --mode threads, --mode coroutines). Compared: stdout, the exit status, and stderr's panic lines
# (`panic: ...`, the tab-indented `panic: ...` of a nested panic, `fatal error: ...`; stack traces
# differ in paths and addresses, so they are left out).
#
# On a mismatch: the program and both outputs go to the keep dir (default: a fresh directory under
# ${TMPDIR:-/tmp}), the program is reduced (test functions dropped one at a time while a mismatch
# remains, the same set-up re-run; --lines: then statements and blocks too, with reduce.py, into
# reduced/min.go: minutes), the reduced program and its diff are printed, and run.sh exits 1
# (--keep-going: goes on with the next seed, and exits 1 at the end). A program that Go itself
# rejects is a generator bug: reported the same way.
# When the time (default 60 s) is up with no mismatch: prints how many programs and test functions
# were compared, exits 0. Go's build cache lives in $GOPARK_GO_CACHE when set.
set -u
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
	sed -n '2,/^set -u/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
	exit 2
}

GOPARK="" SEED=1 SECONDS_LIMIT=60 KEEP="" FUNCTIONS=30 KEEP_GOING=0 LINES=0 TIMEOUT=10
while (($#)); do
	case $1 in
	--seed) SEED=${2?}; shift ;;
	--seconds) SECONDS_LIMIT=${2?}; shift ;;
	--keep) KEEP=${2?}; shift ;;
	--functions) FUNCTIONS=${2?}; shift ;;
	--keep-going) KEEP_GOING=1 ;;
	--lines) LINES=1 ;;
	-h | --help) usage ;;
	-*) echo "run.sh: unknown option $1" >&2; usage ;;
	*)
		[[ -z $GOPARK ]] || { echo "run.sh: more than one gopark binary given" >&2; usage; }
		GOPARK=$1
		;;
	esac
	shift
done
[[ -n $GOPARK ]] || usage
[[ $GOPARK == /* ]] || GOPARK=$PWD/$GOPARK
[[ -x $GOPARK ]] || { echo "run.sh: gopark binary '$GOPARK' is not executable" >&2; exit 2; }
command -v go >/dev/null || { echo "run.sh: go is not on PATH" >&2; exit 2; }
command -v python3 >/dev/null || { echo "run.sh: python3 is not on PATH" >&2; exit 2; }
# The interpreter itself, not a version manager's shim in front of it (pyenv's costs 0.5 s a call).
PYTHON=$(python3 -c 'import sys; print(sys.executable)')

cache=${GOPARK_GO_CACHE:-$here/../../build/difftest-go}
mkdir -p "$cache"
export GOCACHE=${GOCACHE:-$cache/gocache} GOPATH=${GOPATH:-$cache/gopath} GO111MODULE=off GOFLAGS=
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gopark-difftest.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM # through the EXIT trap
# The keep dir is made at the first mismatch only.
keep_dir() {
	if [[ -z $KEEP ]]; then KEEP=$(mktemp -d "${TMPDIR:-/tmp}/gopark-difftest-found.XXXXXX"); fi
	mkdir -p "$KEEP"
}

# The second gopark set-up of a seed's program (the first is the default).
setup_for() {
	case $(($1 % 4)) in
	0) echo "--procs 1" ;;
	1) echo "--procs 4" ;;
	2) echo "--mode threads" ;;
	3) echo "--mode coroutines" ;;
	esac
}

# What is compared of a run: its stdout, then its status and stderr's panic lines.
# outcome DIR NAME: reads DIR/NAME.{out,err,rc}, writes DIR/NAME.cmp.
outcome() {
	local dir=$1 name=$2
	{
		cat "$dir/$name.out"
		echo "--- exit status $(<"$dir/$name.rc")"
		grep -aE '^(panic: |	panic: |fatal error: )' "$dir/$name.err"
		# gopark's own failures, which Go never prints
		grep -aE '^(gopark internal error|gopark: )' "$dir/$name.err"
		# a compile error: gopark's first diagnostics (file:line:col) say why it rejected it;
		# `exit status N` is what gopark, like `go run`, adds after os.Exit(N)
		if [[ $(<"$dir/$name.rc") == 1 ]]; then grep -av '^exit status [0-9]*$' "$dir/$name.err" | head -n 3; fi
	} >"$dir/$name.cmp"
}

# build DIR: go build DIR/main.go -> DIR/prog. Fails (status 1) when Go rejects the program.
# Without Go's optimiser: the reference must be right, and Go 1.19's was not (found/005).
build() {
	(cd "$1" && go build -gcflags='-N -l' -o prog main.go) >"$1/build.err" 2>&1
}

# run_go DIR, run_gopark DIR NAME FLAGS...: one run each, compared form in DIR/NAME.cmp.
run_go() {
	(cd "$1" && exec timeout -k 5 "$TIMEOUT" ./prog) >"$1/go.out" 2>"$1/go.err" </dev/null
	echo $? >"$1/go.rc"
	outcome "$1" go
}
run_gopark() {
	local dir=$1 name=$2
	shift 2
	(cd "$dir" && exec timeout -k 5 "$TIMEOUT" "$GOPARK" run "$@" main.go) \
		>"$dir/$name.out" 2>"$dir/$name.err" </dev/null
	echo $? >"$dir/$name.rc"
	outcome "$dir" "$name"
}

# check DIR SEED ONLY TAIL SETUP: generate (the functions in ONLY, "" = all), build, run under
# Go and gopark (default set-up, and SETUP unless it is "-"). Status 0: same; 1: a mismatch,
# described in DIR/why; 2: Go rejects the program (a generator bug, in DIR/build.err).
check() {
	local dir=$1 seed=$2 only=$3 tail=$4 setup=$5 args=()
	rm -rf "$dir" && mkdir -p "$dir"
	args=("$seed" --functions "$FUNCTIONS")
	[[ -n $only ]] && args+=(--only "$only")
	((tail)) || args+=(--no-tail)
	"$PYTHON" "$here/gen.py" "${args[@]}" >"$dir/main.go" || { echo "gen.py failed" >"$dir/why"; return 2; }
	build "$dir" || { echo "go build rejects the program" >"$dir/why"; return 2; }
	run_go "$dir"
	run_gopark "$dir" default
	if ! cmp -s "$dir/go.cmp" "$dir/default.cmp"; then
		echo "gopark run main.go" >"$dir/why"
		diff -a -u --label go --label gopark "$dir/go.cmp" "$dir/default.cmp" >"$dir/diff"
		return 1
	fi
	if [[ $setup != - ]]; then
		# shellcheck disable=SC2086
		run_gopark "$dir" setup $setup
		if ! cmp -s "$dir/go.cmp" "$dir/setup.cmp"; then
			echo "gopark run $setup main.go" >"$dir/why"
			diff -a -u --label go --label "gopark $setup" "$dir/go.cmp" "$dir/setup.cmp" >"$dir/diff"
			return 1
		fi
	fi
	return 0
}

# reduce SEED SETUP: drops test functions (and the tail) one at a time while check still finds a
# mismatch; prints the indices kept and the tail flag as "ONLY TAIL".
reduce() {
	local seed=$1 setup=$2 keep=() i j trial tail=1
	for ((i = 0; i < FUNCTIONS; i++)); do keep+=("$i"); done
	joined() { local IFS=,; echo "$*"; }
	# First halves (cheap when the cause is one function), then one at a time.
	local changed=1
	while ((changed)); do
		changed=0
		local n=${#keep[@]} chunk
		for chunk in $((n / 2)) $((n / 4)) 1; do
			((chunk >= 1)) || continue
			for ((j = 0; j < ${#keep[@]}; j += chunk)); do
				trial=("${keep[@]:0:j}" "${keep[@]:j+chunk}")
				((${#trial[@]})) || continue
				check "$WORK/reduce" "$seed" "$(joined "${trial[@]}")" "$tail" "$setup"
				if (($? == 1)); then
					keep=("${trial[@]}")
					changed=1
					((j -= chunk))
				fi
			done
		done
	done
	if ((tail)); then
		check "$WORK/reduce" "$seed" "$(joined "${keep[@]}")" 0 "$setup"
		(($? == 1)) && tail=0
	fi
	echo "$(joined "${keep[@]}") $tail"
}

programs=0 functions=0 found=0
start=$(date +%s)
seed=$SEED
while (($(date +%s) - start < SECONDS_LIMIT)); do
	setup=$(setup_for "$seed")
	check "$WORK/run" "$seed" "" 1 "$setup"
	status=$?
	if ((status == 0)); then
		((programs++))
		functions=$((functions + FUNCTIONS))
		((programs % 100 == 0)) && echo "... $programs programs, seed $seed, $(($(date +%s) - start)) s"
		((seed++))
		continue
	fi
	((found++))
	keep_dir
	out=$KEEP/seed-$seed
	rm -rf "$out" && cp -r "$WORK/run" "$out"
	rm -f "$out/prog"
	echo "MISMATCH seed $seed: $(<"$out/why") (all in $out)"
	if ((status == 2)); then
		head -n 20 "$out/build.err"
	else
		read -r only tail < <(reduce "$seed" "$setup")
		if check "$WORK/reduce" "$seed" "$only" "$tail" "$setup"; then
			# gopark differed once and not again: a schedule-dependent bug (or program)
			echo "the mismatch did not come back while reducing; the first diff:"
			cat "$out/diff"
			((KEEP_GOING)) || exit 1
			((seed++))
			continue
		fi
		rm -rf "$out/reduced" && cp -r "$WORK/reduce" "$out/reduced"
		rm -f "$out/reduced/prog"
		echo "reduced: gen.py $seed --functions $FUNCTIONS --only $only$( ((tail)) || echo ' --no-tail'), run as: $(<"$out/reduced/why")"
		if ((LINES)); then
			# shellcheck disable=SC2086
			"$PYTHON" "$here/reduce.py" "$out/reduced/main.go" "$GOPARK" $(sed -n 's/^gopark run \(.*\)main.go$/\1/p' "$out/reduced/why") \
				>"$out/reduced/min.go" && cp "$out/reduced/min.go" "$out/reduced/main.go"
		fi
		sed -n '/^func t[0-9]/,$p' "$out/reduced/main.go"
		cat "$out/reduced/diff"
	fi
	((KEEP_GOING)) || exit 1
	((seed++))
done
echo "difftest: $programs programs ($functions test functions) compared in $(($(date +%s) - start)) s, seeds $SEED..$((seed - 1)), $found mismatching"
((found == 0))
