#!/usr/bin/env bash
# Runs the Go program corpus of this directory under gopark and compares with the expected
# results; with --go also under the real Go toolchain (a differential test).
# Conventions (directives, .out/.err files): README.md beside this file.
#
#   run.sh <gopark-binary> [--go] [--filter REGEX] [--jobs N] [--modes LIST] [--expect-go119]
#          [--dir DIR] [--expected DIR]
#
#   --go            also build each deterministic program that Go 1.19 accepts (no go1.22 directive)
#                   with `go build` (binaries cached under $GOPARK_GO_CACHE, default
#                   build/programs-go/, keyed by a hash of the source) and require the same stdout
#                   and exit status as expected. Skipped, with a note, when `go` is not on PATH.
#   --filter REGEX  only programs whose base name (without .go) matches the extended REGEX
#   --jobs N        parallel runs (default: number of CPUs)
#   --modes LIST    comma-separated subset of the gopark configurations mn1,mn4,threads,coroutines,sim
#   --expect-go119  the "gopark" is really Go 1.19 (the self-test, testdata/selftest.sh): skip the
#                   go1.22 programs and use <name>.go119.err where it exists
#   --timeout S     default per-run timeout in seconds (default 10; a directive overrides it)
#   --dir DIR       run the programs of DIR instead of this directory (e.g. --dir examples)
#   --expected DIR  read <name>.out / <name>.err / <name>.go119.err from DIR instead of the programs'
#                   directory (e.g. --expected tests/examples)
#
# Each program runs once per scheduler configuration it allows:
#   mn1 = --mode mn --procs 1, mn4 = --mode mn --procs 4, threads = --mode threads,
#   coroutines = --mode coroutines, sim = --mode sim --seed 7 (run twice: the second run's stdout,
#   stderr, exit status and Chrome trace must equal the first's, byte for byte)
# as `cd tests/programs && <gopark> run <flags> <name>.go <args>` (cd DIR with --dir).
# Output: one FAIL line per failed run (with a unified diff or the reason), then
# "programs: N passed, M failed[, K skipped]". Exit status 0 when nothing failed, 1 otherwise.
# Needs only bash, coreutils, diff, xargs.
set -u
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
	sed -n '2,/^set -u/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
	exit 2
}

# ---------------------------------------------------------------------------------------------
# Directives: lines "// gopark: key[=value]" before the package clause.
#   exit=N  nondeterministic  nodiff  go1.22  go119-err  args=...  modes=a,b  timeout=N
# Sets: d_exit d_nondet d_go122 d_modes d_timeout d_args (array)
parse_directives() {
	local file=$1 line body
	d_exit=0 d_nondet=0 d_nodiff=0 d_go122=0 d_modes="" d_timeout="" d_args=() d_todo=
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line == package* ]] && break
		[[ $line == "// gopark:"* ]] || continue
		body=${line#"// gopark:"}
		body=${body# }
		case $body in
		exit=*) d_exit=${body#exit=} ;;
		nondeterministic) d_nondet=1 ;;
		nodiff) d_nodiff=1 ;; # go run's own scheduler may now and then print otherwise: no --go run
		go1.22) d_go122=1 ;;
		go119-err) ;; # informative: the Go 1.19 stderr is in <name>.go119.err
		todo=*) d_todo=${body#todo=} ;; # gopark cannot run it yet: reported, not run
		modes=*) d_modes=${body#modes=} ;;
		timeout=*) d_timeout=${body#timeout=} ;;
		args=*) eval "d_args=(${body#args=})" ;; # shell quoting rules; the corpus is trusted
		*) echo "run.sh: $file: unknown directive: $line" >&2 ;;
		esac
	done <"$file"
}

# The configurations a program runs in: its modes directive expanded (mn -> mn1 mn4).
configs_for() {
	local modes=${d_modes:-mn,threads,coroutines,sim} m out=""
	for m in ${modes//,/ }; do
		case $m in
		mn) out+=" mn1 mn4" ;;
		mn1 | mn4 | threads | coroutines | sim) out+=" $m" ;;
		*) echo "run.sh: unknown mode '$m'" >&2 ;;
		esac
	done
	echo "$out"
}

flags_for() {
	case $1 in
	mn1) echo "--mode mn --procs 1" ;;
	mn4) echo "--mode mn --procs 4" ;;
	threads) echo "--mode threads" ;;
	coroutines) echo "--mode coroutines" ;;
	sim) echo "--mode sim --seed 7" ;;
	esac
}

# Compile errors name files as ./name.go:L:C with `go`; the expectations use name.go:L:C.
normalise_stderr() {
	sed -E 's#(^|[[:space:]])\./([A-Za-z0-9_]+\.go:)#\1\2#g' "$1"
}

# check_err EXPECTED ACTUAL: every line of EXPECTED occurs in ACTUAL, in order (a subsequence of
# whole lines). Prints the first missing line on failure.
check_err() {
	local -a want have
	mapfile -t want <"$1"
	mapfile -t have <"$2"
	local i=0 j=0
	while ((i < ${#want[@]} && j < ${#have[@]})); do
		[[ ${have[j]} == "${want[i]}" ]] && ((i++))
		((j++))
	done
	if ((i < ${#want[@]})); then
		printf 'stderr lacks (in order) the line: %s\n' "${want[i]}"
		return 1
	fi
	return 0
}

# check_out_re PATTERNS ACTUAL: ACTUAL has as many lines as PATTERNS, and each line matches its
# pattern (an extended regular expression, anchored at both ends).
check_out_re() {
	local -a want have
	mapfile -t want <"$1"
	mapfile -t have <"$2"
	if ((${#want[@]} != ${#have[@]})); then
		printf 'stdout has %d lines, want %d (patterns in %s)\n' "${#have[@]}" "${#want[@]}" "${1##*/}"
		printf '%s\n' "${have[@]:0:20}"
		return 1
	fi
	local i
	for ((i = 0; i < ${#want[@]}; i++)); do
		if ! [[ ${have[i]} =~ ^(${want[i]})$ ]]; then
			printf 'stdout line %d does not match /%s/: %s\n' "$((i + 1))" "${want[i]}" "${have[i]}"
			return 1
		fi
	done
	return 0
}

# build_go NAME DIR -> echo path of cached binary, or of the .builderr file when it failed
build_go() {
	local name=$1 dir=$2 hash cache bin tmp
	cache=${GOPARK_GO_CACHE:-$here/../../build/programs-go}
	mkdir -p "$cache"
	hash=$( (go version; cat "$dir/$name.go") | sha256sum | cut -c1-16)
	bin=$cache/$name-$hash
	if [[ -x $bin ]]; then echo "$bin"; return; fi
	if [[ -f $bin.builderr ]]; then echo "$bin.builderr"; return; fi
	tmp=$(mktemp "$cache/.build.XXXXXX")
	if (cd "$dir" && GO111MODULE=off GOFLAGS= go build -o "$tmp" "$name.go") 2>"$tmp.err"; then
		mv -f "$tmp" "$bin"
		rm -f "$tmp.err"
		echo "$bin"
	else
		grep -v '^# command-line-arguments' "$tmp.err" >"$bin.builderr"
		rm -f "$tmp" "$tmp.err"
		echo "$bin.builderr"
	fi
}

# run_task "NAME CONFIG": runs one program in one configuration; writes
# $RESULTS/NAME.CONFIG.{status,log}.
run_task() {
	local name=${1%% *} config=${1#* } dir=$PROG_DIR exp=$EXP_DIR
	local src=$dir/$name.go status=PASS log=$RESULTS/$name.$config.log
	local tmp rc rc2 timeout flags expected_err
	: >"$log"
	parse_directives "$src"
	timeout=${d_timeout:-$DEFAULT_TIMEOUT}
	tmp=$(mktemp -d "$RESULTS/.run.XXXXXX")

	if [[ $config == go ]]; then
		local built
		built=$(build_go "$name" "$dir")
		if [[ $built == *.builderr ]]; then
			: >"$tmp/stdout"
			cp "$built" "$tmp/stderr"
			rc=1 # a compile error: what `go run` of current Go and gopark report
		else
			(cd "$dir" && exec timeout -k 5 "$timeout" "$built" "${d_args[@]}") \
				>"$tmp/stdout" 2>"$tmp/stderr" </dev/null
			rc=$?
		fi
	else
		flags=$(flags_for "$config")
		if [[ $config == sim ]]; then
			flags+=" --trace $tmp/trace.json"
		fi
		# shellcheck disable=SC2086
		(cd "$dir" && exec timeout -k 5 "$timeout" "$GOPARK" run $flags "$name.go" "${d_args[@]}") \
			>"$tmp/stdout" 2>"$tmp/stderr" </dev/null
		rc=$?
		if [[ $config == sim ]] && ((rc != 124 && rc != 137)); then
			# A simulated run is its seed: run it again, and every byte must be the same.
			# shellcheck disable=SC2086
			(cd "$dir" && exec timeout -k 5 "$timeout" "$GOPARK" run ${flags/trace.json/trace2.json} "$name.go" \
				"${d_args[@]}") >"$tmp/stdout2" 2>"$tmp/stderr2" </dev/null
			rc2=$?
			if ((rc2 != rc)); then
				status=FAIL
				echo "sim replay: exit status $rc2, the first run's $rc" >>"$log"
			fi
			for f in stdout stderr trace; do
				local a=$tmp/$f b=$tmp/${f}2
				[[ $f == trace ]] && a=$tmp/trace.json b=$tmp/trace2.json
				[[ -e $a || -e $b ]] || continue # no trace: it did not compile
				if ! cmp -s "$a" "$b"; then
					status=FAIL
					echo "sim replay: $f differs from the first run's" >>"$log"
				fi
			done
		fi
	fi

	if ((rc == 124 || rc == 137)) && ((d_exit != 124 && d_exit != 137)); then
		status=FAIL
		echo "timed out after ${timeout}s" >>"$log"
	elif ((rc != d_exit)); then
		status=FAIL
		echo "exit status $rc, want $d_exit" >>"$log"
	fi
	if ((d_nondet)) && [[ -f $exp/$name.out.re ]]; then
		if ! check_out_re "$exp/$name.out.re" "$tmp/stdout" >>"$log"; then
			status=FAIL
		fi
	elif ((!d_nondet)); then
		local want=$exp/$name.out
		[[ -f $want ]] || want=/dev/null
		if ! diff -u --label "$name.out (expected)" --label "stdout (got)" "$want" "$tmp/stdout" >"$tmp/diff"; then
			status=FAIL
			echo "stdout differs" >>"$log"
			head -n 60 "$tmp/diff" >>"$log"
		fi
	fi
	if [[ $config != go ]]; then
		expected_err=$exp/$name.err
		if ((EXPECT_GO119)) && [[ -f $exp/$name.go119.err ]]; then
			expected_err=$exp/$name.go119.err
		fi
		if [[ -f $expected_err ]]; then
			normalise_stderr "$tmp/stderr" >"$tmp/stderr.norm"
			if ! check_err "$expected_err" "$tmp/stderr.norm" >>"$log"; then
				status=FAIL
			fi
		fi
	fi
	if [[ $status == FAIL ]] && [[ -s $tmp/stderr ]]; then
		echo "--- stderr (first 20 lines):" >>"$log"
		head -n 20 "$tmp/stderr" >>"$log"
	fi
	echo "$status" >"$RESULTS/$name.$config.status"
	rm -rf "$tmp"
}

# ---------------------------------------------------------------------------------------------
GOPARK="" WITH_GO=0 FILTER="" JOBS="" MODES="" EXPECT_GO119=0 DEFAULT_TIMEOUT=10
PROG_DIR=$here EXP_DIR=""
while (($#)); do
	case $1 in
	--go) WITH_GO=1 ;;
	--filter) FILTER=${2?}; shift ;;
	--jobs) JOBS=${2?}; shift ;;
	--modes) MODES=${2?}; shift ;;
	--timeout) DEFAULT_TIMEOUT=${2?}; shift ;;
	--expect-go119) EXPECT_GO119=1 ;;
	--dir) PROG_DIR=${2?}; shift ;;
	--expected) EXP_DIR=${2?}; shift ;;
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
if [[ $GOPARK != /* ]]; then
	if [[ $GOPARK == */* ]]; then GOPARK=$PWD/$GOPARK; else GOPARK=$(command -v "$GOPARK" || echo "$GOPARK"); fi
fi
[[ -x $GOPARK ]] || { echo "run.sh: gopark binary '$GOPARK' is not executable" >&2; exit 2; }
[[ -d $PROG_DIR ]] || { echo "run.sh: no directory '$PROG_DIR'" >&2; exit 2; }
PROG_DIR=$(cd "$PROG_DIR" && pwd)
EXP_DIR=${EXP_DIR:-$PROG_DIR}
[[ -d $EXP_DIR ]] || { echo "run.sh: no directory '$EXP_DIR'" >&2; exit 2; }
EXP_DIR=$(cd "$EXP_DIR" && pwd)
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
if ((WITH_GO)) && ! command -v go >/dev/null 2>&1; then
	echo "run.sh: note: go is not on PATH; the differential run (--go) is skipped"
	WITH_GO=0
fi
if ((WITH_GO)); then
	cache=${GOPARK_GO_CACHE:-$here/../../build/programs-go}
	mkdir -p "$cache"
	export GOCACHE=${GOCACHE:-$cache/gocache} GOPATH=${GOPATH:-$cache/gopath}
	export GOPARK_GO_CACHE=$cache
fi

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/gopark-programs.XXXXXX")
trap 'rm -rf "$RESULTS"' EXIT
export RESULTS GOPARK EXPECT_GO119 DEFAULT_TIMEOUT here PROG_DIR EXP_DIR
export -f parse_directives flags_for normalise_stderr check_err check_out_re build_go run_task

# The task list: "name config" per line.
programs=()
for f in "$PROG_DIR"/*.go; do
	[[ -e $f ]] || continue
	name=$(basename "$f" .go)
	if [[ -n $FILTER ]] && ! grep -Eq -- "$FILTER" <<<"$name"; then continue; fi
	programs+=("$name")
done
tasks=$RESULTS/tasks
: >"$tasks"
todos=()
todo_names=""
for name in "${programs[@]}"; do
	parse_directives "$PROG_DIR/$name.go"
	if ((EXPECT_GO119 && d_go122)); then
		continue
	fi
	if [[ -n $d_todo ]] && ((!EXPECT_GO119)); then
		todos+=("$name: $d_todo")
		todo_names+=" $name "
		continue
	fi
	for c in $(configs_for); do
		if [[ -n $MODES ]] && [[ ",$MODES," != *",$c,"* ]]; then continue; fi
		echo "$name $c" >>"$tasks"
	done
	# Go's output is compared too, exactly or (nondeterministic programs) against the patterns.
	if ((WITH_GO && !d_go122 && !d_nodiff)) && { ((!d_nondet)) || [[ -f $EXP_DIR/$name.out.re ]]; }; then
		echo "$name go" >>"$tasks"
	fi
done

if [[ -s $tasks ]]; then
	# shellcheck disable=SC2016
	xargs -P "$JOBS" -d '\n' -n 1 bash -c 'run_task "$1"' _ <"$tasks"
fi

passed=0 failed=0 skipped=0
for name in "${programs[@]}"; do
	[[ $todo_names == *" $name "* ]] && continue
	mapfile -t mine < <(grep "^$name " "$tasks" | cut -d' ' -f2)
	if ((${#mine[@]} == 0)); then
		# every configuration was filtered out, or the program is go1.22-only under --expect-go119
		((skipped++))
		continue
	fi
	bad=0
	for config in "${mine[@]}"; do
		st=$RESULTS/$name.$config.status
		if [[ ! -f $st ]]; then
			bad=1
			echo "FAIL $name [$config]: no result (the runner's worker died)"
		elif [[ $(<"$st") != PASS ]]; then
			bad=1
			echo "FAIL $name [$config]: $(head -n 1 "$RESULTS/$name.$config.log")"
			tail -n +2 "$RESULTS/$name.$config.log" | sed 's/^/    /'
		fi
	done
	if ((bad)); then ((failed++)); else ((passed++)); fi
done
for t in "${todos[@]+"${todos[@]}"}"; do echo "TODO $t"; done
summary="programs: $passed passed, $failed failed"
((skipped)) && summary+=", $skipped skipped"
((${#todos[@]})) && summary+=", ${#todos[@]} not supported yet (TODO)"
echo "$summary"
((failed == 0))
