#!/usr/bin/env bash
# Runs the race detector corpus of this directory: racy (race_*.go) and race-free (norace_*.go)
# programs under `gopark run --race`, and checks each report against the expected racing
# pairs of source lines. With --go the same checks apply to Go's own detector (`go build
# -race`), which is how the expectations are validated. Conventions: README.md beside this file.
#
#   run.sh <gopark-binary> [--filter REGEX] [--jobs N] [--repeat N] [--timeout S]
#          [--flags 'GOPARK FLAGS'] [--go119]
#   run.sh [<gopark-binary>] --go [--filter REGEX] [--jobs N] [--repeat N] [--timeout S]
#   run.sh --parse NAME STDERR-FILE
#
#   --go            instead of gopark (a binary given is ignored), build each program with `go build -race` (GO111MODULE=off,
#                   binaries cached under $GOPARK_RACE_CACHE, default build/race-go/, keyed by a
#                   hash of the Go version and the source) and run the binary (so that exit
#                   status 66 survives; `go run` turns it into 1)
#   --filter REGEX  only programs whose base name (without .go) matches the extended REGEX
#   --jobs N        parallel runs (default: number of CPUs)
#   --repeat N      run every program N times; each run must pass (default 1)
#   --timeout S     per-run timeout in seconds (default 20; a timeout=N directive overrides it)
#   --flags F       extra flags for `gopark run`, before --race (e.g. '--mode sim --seed 7')
#   --go119         the "gopark" is really Go 1.19 (the self-test, testdata/selftest.sh): take
#                   <name>.go119.race where the program has one, and accept Go 1.19's stacks of
#                   sync/atomic calls, which never name the calling line (as --go does)
#   --parse         print the pairs the checker reads from a saved stderr of program NAME (one
#                   per line: "L1 L2", "? L" for a side whose stack is only sync/atomic
#                   frames, "ERROR ..." for a block it cannot read), then "blocks N" and
#                   "found N" or "found none"; for testing the parser and for writing expectations
#
# Each run is `cd tests/race && <gopark> run <flags> --race <name>.go` under the timeout, and
# passes when
#   - the set of racing pairs in stderr equals <name>.race (<name>.go119.race under Go 1.19 for
#     programs with the go119-race directive). A pair is the program's line in the first frame
#     of the "Read at"/"Write at" stack that is in <name>.go, and the same for the "Previous
#     read/write at" stack, smaller first. Paths may be absolute, ./<name>.go or <name>.go;
#   - the exit status is 66 when a race is expected and 0 otherwise (exit=N overrides);
#   - racy: every block is "==================" / "WARNING: DATA RACE" ... "==================",
#     and "Found N data race(s)" counts the blocks; race-free: no block and no "Found" line;
#   - stdout equals <name>.out (a missing file means: empty).
# Output: one FAIL line per failed run with the reasons, then "race: N passed, M failed[, K not
# supported yet (TODO)]" (a program passes when all its runs pass). Exit status 0 when nothing
# failed, 1 otherwise. Needs only bash, coreutils, awk, diff and xargs (and go for --go).
set -u
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
	sed -n '2,/^set -u/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
	exit 2
}

# ---------------------------------------------------------------------------------------------
# Directives: lines "// gopark: key[=value]" before the package clause.
#   exit=N  timeout=N  go119-race  todo=REASON
parse_directives() {
	local file=$1 line body
	d_exit="" d_timeout="" d_go119race=0 d_todo=""
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line == package* ]] && break
		[[ $line == "// gopark:"* ]] || continue
		body=${line#"// gopark:"}
		body=${body# }
		case $body in
		exit=*) d_exit=${body#exit=} ;;
		timeout=*) d_timeout=${body#timeout=} ;;
		go119-race) d_go119race=1 ;; # Go 1.19's pairs differ: they are in <name>.go119.race
		todo=*) d_todo=${body#todo=} ;;
		*) echo "run.sh: $file: unknown directive: $line" >&2 ;;
		esac
	done <"$file"
}

# race_report NAME STDERR: reads the race reports in STDERR of program NAME.go and prints one
# line per block ("L1 L2" with L1 <= L2, "? L" when one side's stack is only sync/atomic frames,
# or "ERROR <why>"), then "blocks N" and "found N" (or "found none").
#
# A block is the lines between "WARNING: DATA RACE" and the next "==================". In it, a
# line "Read at ..."/"Write at ..." opens the current access's stack, "Previous read at ..."/
# "Previous write at ..." the previous access's; any other unindented line (a "Goroutine N ...
# created at:" header) or a blank line closes the stack. A side's line is the first
# "<NAME>.go:LINE" (after a space or a slash, or at the start) in its stack.
race_report() {
	awk -v prog="$1.go" '
	function program_line(s,    m) {
		if (!match(s, pattern)) return ""
		m = substr(s, RSTART, RLENGTH)
		sub(/.*:/, "", m)
		return m
	}
	function close_block(    a, b, t) {
		if (current_line == "" && previous_line == "") {
			print "ERROR a block without the program line of either access"
		} else if (current_line == "" || previous_line == "") {
			a = current_line; b = previous_line
			if ((a == "" && current_atomic) || (b == "" && previous_atomic)) {
				print "? " (a == "" ? b : a)
			} else {
				print "ERROR a block without the program line of the " (a == "" ? "current" : "previous") " access"
			}
		} else {
			a = current_line + 0; b = previous_line + 0
			if (a > b) { t = a; a = b; b = t }
			print a " " b
		}
		if (!seen_current) print "ERROR a block without a \"Read at\"/\"Write at\" line"
		if (!seen_previous) print "ERROR a block without a \"Previous read/write at\" line"
		in_block = 0
	}
	BEGIN {
		prog_re = prog
		gsub(/\./, "\\.", prog_re)
		pattern = "(^|[[:space:]/])" prog_re ":[0-9]+"
		blocks = 0; found = "none"; in_block = 0; last = ""
	}
	{
		line = $0
		sub(/\r$/, "", line)
		if (line == "WARNING: DATA RACE") {
			if (in_block) print "ERROR a block that does not end with ================== before the next"
			if (last != "==================") print "ERROR a WARNING: DATA RACE line without ================== before it"
			blocks++
			in_block = 1; section = ""
			current_line = previous_line = ""
			current_atomic = previous_atomic = 0
			seen_current = seen_previous = 0
			first_frame = 0
		} else if (in_block && line == "==================") {
			close_block()
		} else if (in_block && line ~ /^(Read|Write)( of size [0-9]+)? at /) {
			section = "current"; seen_current = 1; first_frame = 1
		} else if (in_block && line ~ /^Previous (read|write)( of size [0-9]+)? at /) {
			section = "previous"; seen_previous = 1; first_frame = 1
		} else if (in_block && (line == "" || line ~ /^[^[:space:]]/)) {
			section = ""
		} else if (in_block && section != "") {
			# A frame: a function line, then (in Go) an indented file:line line.
			if (first_frame && line ~ /^[[:space:]]+sync\/atomic\./) {
				if (section == "current") current_atomic = 1; else previous_atomic = 1
			}
			first_frame = 0
			n = program_line(line)
			if (n != "") {
				if (section == "current" && current_line == "") current_line = n
				if (section == "previous" && previous_line == "") previous_line = n
			}
		}
		if (line ~ /^Found [0-9]+ data race\(s\)$/) {
			found = line
			sub(/^Found /, "", found)
			sub(/ .*/, "", found)
		}
		last = line
	}
	END {
		if (in_block) print "ERROR a block that does not end with =================="
		print "blocks " blocks
		print "found " found
	}' "$2"
}

# expected_pairs NAME: the file with the pairs expected in this configuration.
expected_pairs() {
	local name=$1
	if ((EXPECT_GO119 && d_go119race)) && [[ -f $here/$name.go119.race ]]; then
		echo "$here/$name.go119.race"
	else
		echo "$here/$name.race"
	fi
}

# check_pairs EXPECTED REPORT: compares the pairs of a race_report output with EXPECTED.
# Prints the reasons for a mismatch and returns 1; "? L" lines (allowed only when LENIENT=1)
# match any expected pair that contains L.
check_pairs() {
	local expected=$1 report=$2 bad=0 line a b
	local -A want=() got=() covered=()
	while IFS= read -r line || [[ -n $line ]]; do
		if ! [[ $line =~ ^([0-9]+)\ ([0-9]+)$ ]] || ((BASH_REMATCH[1] > BASH_REMATCH[2])); then
			echo "${expected##*/}: malformed line '$line' (want 'L1 L2' with L1 <= L2)"
			bad=1
			continue
		fi
		want[$line]=1
	done <"$expected"
	while IFS= read -r line; do
		case $line in
		blocks* | found*) ;;
		ERROR*) echo "report: ${line#ERROR }"; bad=1 ;;
		"? "*)
			if ((!LENIENT)); then
				echo "report: one side's stack names no line of the program (only sync/atomic frames); the other side is line ${line#? }"
				bad=1
				continue
			fi
			local hit=0 k
			for k in "${!want[@]}"; do
				a=${k% *} b=${k#* }
				if [[ $a == "${line#? }" || $b == "${line#? }" ]]; then hit=1; covered[$k]=1; fi
			done
			if ((!hit)); then echo "unexpected race: line ${line#? } with a sync/atomic call"; bad=1; fi
			;;
		*) got[$line]=1 ;;
		esac
	done <"$report"
	for line in "${!got[@]}"; do
		[[ -n ${want[$line]-} ]] || { echo "unexpected race: $line"; bad=1; }
	done
	for line in "${!want[@]}"; do
		[[ -n ${got[$line]-} || -n ${covered[$line]-} ]] || { echo "missed race: $line"; bad=1; }
	done
	return $bad
}

# build_go NAME -> echo the path of the cached -race binary, or of the .builderr file when the
# build failed
build_go() {
	local name=$1 hash bin tmp
	hash=$( (go version; cat "$here/$name.go") | sha256sum | cut -c1-16)
	bin=$CACHE/$name-$hash
	if [[ -x $bin ]]; then echo "$bin"; return; fi
	if [[ -f $bin.builderr ]]; then echo "$bin.builderr"; return; fi
	tmp=$(mktemp "$CACHE/.build.XXXXXX")
	if (cd "$here" && GO111MODULE=off GOFLAGS='' go build -race -o "$tmp" "$name.go") 2>"$tmp.err"; then
		mv -f "$tmp" "$bin"
		rm -f "$tmp.err"
		echo "$bin"
	else
		mv -f "$tmp.err" "$bin.builderr"
		rm -f "$tmp"
		echo "$bin.builderr"
	fi
}

# run_task "NAME ITERATION": one run of one program; writes $RESULTS/NAME.ITERATION.{status,log}
run_task() {
	local name=${1%% *} iteration=${1#* }
	local src=$here/$name.go log=$RESULTS/$name.$iteration.log status=PASS
	local tmp rc timeout want_rc expected blocks found
	: >"$log"
	parse_directives "$src"
	timeout=${d_timeout:-$DEFAULT_TIMEOUT}
	tmp=$(mktemp -d "$RESULTS/.run.XXXXXX")
	if ((WITH_GO)); then
		local built
		built=$(build_go "$name")
		if [[ $built == *.builderr ]]; then
			echo "go build -race failed:" >>"$log"
			head -n 20 "$built" >>"$log"
			echo FAIL >"$RESULTS/$name.$iteration.status"
			rm -rf "$tmp"
			return
		fi
		(cd "$here" && exec timeout -k 5 "$timeout" "$built") >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
	else
		# shellcheck disable=SC2086
		(cd "$here" && exec timeout -k 5 "$timeout" "$GOPARK" run $GOPARK_FLAGS --race "$name.go") \
			>"$tmp/stdout" 2>"$tmp/stderr" </dev/null
	fi
	rc=$?

	expected=$(expected_pairs "$name")
	[[ -f $expected ]] || { echo "no ${expected##*/}" >>"$log"; expected=/dev/null; status=FAIL; }
	race_report "$name" "$tmp/stderr" >"$tmp/report"
	if ! check_pairs "$expected" "$tmp/report" >>"$log"; then
		status=FAIL
	fi
	blocks=$(sed -n 's/^blocks //p' "$tmp/report")
	found=$(sed -n 's/^found //p' "$tmp/report")
	if ((blocks > 0)) && [[ $found != "$blocks" ]]; then
		echo "\"Found N data race(s)\": $found, want $blocks (the number of reports)" >>"$log"
		status=FAIL
	elif ((blocks == 0)) && [[ $found != none ]]; then
		echo "\"Found $found data race(s)\" without any report" >>"$log"
		status=FAIL
	fi

	if [[ -s $expected ]]; then want_rc=66; else want_rc=0; fi
	want_rc=${d_exit:-$want_rc}
	if ((rc == 124 || rc == 137)); then
		echo "timed out after ${timeout}s" >>"$log"
		status=FAIL
	elif ((rc != want_rc)); then
		echo "exit status $rc, want $want_rc" >>"$log"
		status=FAIL
	fi
	local want_out=$here/$name.out
	[[ -f $want_out ]] || want_out=/dev/null
	if ! diff -u --label "$name.out (expected)" --label "stdout (got)" "$want_out" "$tmp/stdout" >"$tmp/diff"; then
		echo "stdout differs" >>"$log"
		head -n 40 "$tmp/diff" >>"$log"
		status=FAIL
	fi
	if [[ $status == FAIL ]] && [[ -s $tmp/stderr ]]; then
		echo "--- stderr (first 40 lines):" >>"$log"
		head -n 40 "$tmp/stderr" >>"$log"
	fi
	echo "$status" >"$RESULTS/$name.$iteration.status"
	rm -rf "$tmp"
}

# ---------------------------------------------------------------------------------------------
GOPARK="" WITH_GO=0 FILTER="" JOBS="" REPEAT=1 DEFAULT_TIMEOUT=20 GOPARK_FLAGS="" EXPECT_GO119=0
while (($#)); do
	case $1 in
	--go) WITH_GO=1 ;;
	--filter) FILTER=${2?}; shift ;;
	--jobs) JOBS=${2?}; shift ;;
	--repeat) REPEAT=${2?}; shift ;;
	--timeout) DEFAULT_TIMEOUT=${2?}; shift ;;
	--flags) GOPARK_FLAGS=${2?}; shift ;;
	--go119) EXPECT_GO119=1 ;;
	--parse)
		[[ $# -ge 3 ]] || usage
		race_report "${2%.go}" "$3"
		exit 0
		;;
	-h | --help) usage ;;
	-*) echo "run.sh: unknown option $1" >&2; usage ;;
	*)
		[[ -z $GOPARK ]] || { echo "run.sh: more than one gopark binary given" >&2; usage; }
		GOPARK=$1
		;;
	esac
	shift
done
if ((WITH_GO)); then
	command -v go >/dev/null 2>&1 || { echo "run.sh: --go needs go on PATH" >&2; exit 2; }
	# The installed Go's language version decides the loop variable semantics (GOPATH mode).
	minor=$(go env GOVERSION | sed -nE 's/^go1\.([0-9]+).*/\1/p')
	((${minor:-0} < 22)) && EXPECT_GO119=1
	CACHE=${GOPARK_RACE_CACHE:-$here/../../build/race-go}
	mkdir -p "$CACHE"
	CACHE=$(cd "$CACHE" && pwd)
	export GOCACHE=${GOCACHE:-$CACHE/gocache} GOPATH=${GOPATH:-$CACHE/gopath}
else
	[[ -n $GOPARK ]] || usage
	if [[ $GOPARK != /* ]]; then
		if [[ $GOPARK == */* ]]; then GOPARK=$PWD/$GOPARK; else GOPARK=$(command -v "$GOPARK" || echo "$GOPARK"); fi
	fi
	[[ -x $GOPARK ]] || { echo "run.sh: gopark binary '$GOPARK' is not executable" >&2; exit 2; }
	CACHE=""
fi
# Go 1.19 (with --go, or standing in for gopark) never names the caller of a sync/atomic
# function in a race report: such a side matches any expected pair containing the other line.
LENIENT=$EXPECT_GO119
((WITH_GO)) && LENIENT=1
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --repeat wants a positive number" >&2; exit 2; }

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/gopark-race.XXXXXX")
trap 'rm -rf "$RESULTS"' EXIT
export RESULTS GOPARK GOPARK_FLAGS WITH_GO EXPECT_GO119 LENIENT DEFAULT_TIMEOUT CACHE here
export -f parse_directives race_report expected_pairs check_pairs build_go run_task

programs=()
for f in "$here"/*.go; do
	[[ -e $f ]] || continue
	name=$(basename "$f" .go)
	if [[ -n $FILTER ]] && ! grep -Eq -- "$FILTER" <<<"$name"; then continue; fi
	programs+=("$name")
done
tasks=$RESULTS/tasks
: >"$tasks"
todos=()
todo_names=" "
for name in "${programs[@]}"; do
	parse_directives "$here/$name.go"
	if [[ -n $d_todo ]] && ((!WITH_GO && !EXPECT_GO119)); then
		todos+=("$name: $d_todo")
		todo_names+="$name "
		continue
	fi
	for ((i = 1; i <= REPEAT; i++)); do echo "$name $i" >>"$tasks"; done
done

if ((WITH_GO)) && [[ -s $tasks ]]; then
	# Build each program once before the runs share the binaries.
	# shellcheck disable=SC2016
	cut -d' ' -f1 "$tasks" | sort -u | xargs -P "$JOBS" -n 1 bash -c 'build_go "$1" >/dev/null' _
fi
if [[ -s $tasks ]]; then
	# shellcheck disable=SC2016
	xargs -P "$JOBS" -d '\n' -n 1 bash -c 'run_task "$1"' _ <"$tasks"
fi

passed=0 failed=0
for name in "${programs[@]}"; do
	[[ $todo_names == *" $name "* ]] && continue
	bad=0
	for ((i = 1; i <= REPEAT; i++)); do
		st=$RESULTS/$name.$i.status
		run=""
		((REPEAT > 1)) && run=" (run $i)"
		if [[ ! -f $st ]]; then
			bad=1
			echo "FAIL $name$run: no result (the runner's worker died)"
		elif [[ $(<"$st") != PASS ]]; then
			bad=1
			echo "FAIL $name$run: $(head -n 1 "$RESULTS/$name.$i.log")"
			tail -n +2 "$RESULTS/$name.$i.log" | sed 's/^/    /'
		fi
	done
	if ((bad)); then ((failed++)); else ((passed++)); fi
done
for t in "${todos[@]+"${todos[@]}"}"; do echo "TODO $t"; done
summary="race: $passed passed, $failed failed"
((${#todos[@]})) && summary+=", ${#todos[@]} not supported yet (TODO)"
echo "$summary"
((failed == 0))
