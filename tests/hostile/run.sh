#!/usr/bin/env bash
# The hostile-input suite (issue 13: no program can take the machine or the page down): runs every
# tests/hostile/NAME.go under the real CLI and checks that it ends as Go ends, in bounded time and
# memory. tests/web/hostile_test.mjs runs the same files in the page.
#
#   run.sh GOPARK_BINARY [--asan] [--filter REGEX] [--jobs N]
#
#   --asan          the binary is an ASan build: no RSS cap (shadow memory counts), `within` x5
#   --filter REGEX  only cases whose name (without .go) matches the extended REGEX
#   --jobs N        cases run at once (default 2)
#
# A case opens with comment lines before `package` (any other comment line there is ignored):
#   // hostile: WHAT            what the case does and how it must end (printed with its result)
#   // flags: --memory 256MiB   CLI flags (the page applies the same as settings)
#   // exit: N | killed         exit status; killed: still running at `within`, and the runner ends it
#   // stderr: TEXT             TEXT occurs in stderr; several occur in this order (also `stdout:`)
#   // stdout-lines: N          stdout has exactly N lines
#   // within: 60s              wall-clock cap: a hang detector, not a benchmark
#   // rss: 600MiB              cap on the process's largest resident set (/usr/bin/time's %M)
#   // expand: WORD TEXT COUNT  WORD in the program stands for TEXT repeated COUNT times (huge
#                               sources stay small in git)
#   // page: skip WHY           the page does not run this case (the CLI does)
#   // known: WHY               a reported engine bug: printed `not ok ... # TODO known`, not failed
#   // page-stderr:, page-stdout:, page-known:   the page's own (tests/web/hostile_test.mjs)
# The case runs as `cd DIR && GOPARK run FLAGS NAME.go` with DIR a scratch copy of this directory's
# file, expanded. Output: one `ok`/`not ok` line per case, then "hostile: N passed, M failed, K known";
# the exit status is non-zero when a case failed.
set -u
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
	sed -n '2,/^set -u/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
	exit 2
}

# header_values FILE KEY: the values of `// KEY: value` lines before the package clause, one a line.
header_values() {
	awk -v key="// $2: " 'index($0, "package ") == 1 { exit } index($0, key) == 1 { print substr($0, length(key) + 1) }' "$1"
}

# seconds 60s -> 60; bytes 600MiB -> 629145600 (also KiB, GiB, plain bytes).
seconds() { local v=${1%s}; echo "${v:-0}"; }
kibibytes() {
	local v=$1
	case $v in
	*GiB) echo $((${v%GiB} * 1024 * 1024)) ;;
	*MiB) echo $((${v%MiB} * 1024)) ;;
	*KiB) echo "${v%KiB}" ;;
	*) echo $((v / 1024)) ;;
	esac
}

# expand SOURCE DEST: writes SOURCE with each `expand:` WORD replaced by its repeated TEXT.
expand_source() {
	python3 - "$1" "$2" <<'EOF'
import sys
source, dest = sys.argv[1], sys.argv[2]
text = open(source, encoding='utf-8').read()
head, sep, body = text.partition('\npackage ')
for line in head.split('\n'):
    if line.startswith('// expand: '):
        word, piece, count = line[len('// expand: '):].split(' ')
        body = body.replace(word, piece * int(count))
open(dest, 'w', encoding='utf-8').write(head + sep + body)
EOF
}

# in_order FILE TEXT...: each TEXT occurs in FILE, after the previous one. Prints the first missing.
in_order() {
	python3 - "$@" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
at = 0
for want in sys.argv[2:]:
    found = data.find(want, at)
    if found < 0:
        print('lacks (in order) ' + repr(want))
        sys.exit(1)
    at = found + len(want)
EOF
}

# run_case NAME: runs one case; writes $RESULTS/NAME.result: first line PASS, FAIL or KNOWN, then why.
run_case() {
	local name=$1 src=$here/$1.go dir out why=() rc within rss_cap rss want_exit known
	local -a flags stdout_want stderr_want
	dir=$(mktemp -d "$RESULTS/$name.XXXXXX")
	out=$RESULTS/$name.result
	if grep -q '^// expand: ' "$src"; then expand_source "$src" "$dir/$name.go"; else cp "$src" "$dir/$name.go"; fi
	read -r -a flags <<<"$(header_values "$src" flags)"
	want_exit=$(header_values "$src" exit)
	within=$(seconds "$(header_values "$src" within)")
	((within > 0)) || within=60
	((ASAN)) && within=$((within * 5))
	rss_cap=$(header_values "$src" rss)
	known=$(header_values "$src" known)
	mapfile -t stdout_want < <(header_values "$src" stdout)
	mapfile -t stderr_want < <(header_values "$src" stderr)

	local start=$SECONDS
	(cd "$dir" && exec /usr/bin/time -f %M -o "$dir/rss" timeout -k 5 "$within" "$GOPARK" run "${flags[@]}" "$name.go") \
		>"$dir/stdout" 2>"$dir/stderr" </dev/null
	rc=$?
	local took=$((SECONDS - start))

	if [[ $want_exit == killed ]]; then
		((rc == 124)) || why+=("exit status $rc after ${took}s; want it still running at ${within}s")
	elif ((rc == 124 || rc == 137)); then
		why+=("still running at ${within}s (hung?)")
	elif [[ $rc != "$want_exit" ]]; then
		why+=("exit status $rc, want $want_exit")
	fi
	if ((${#stdout_want[@]})) && ! m=$(in_order "$dir/stdout" "${stdout_want[@]}"); then why+=("stdout $m"); fi
	if ((${#stderr_want[@]})) && ! m=$(in_order "$dir/stderr" "${stderr_want[@]}"); then why+=("stderr $m"); fi
	local lines
	lines=$(header_values "$src" stdout-lines)
	if [[ -n $lines ]]; then
		local have
		have=$(wc -l <"$dir/stdout")
		((have == lines)) || why+=("stdout has $have lines, want $lines")
	fi
	rss=$(tail -n 1 "$dir/rss" 2>/dev/null)
	if [[ -n $rss_cap ]] && ((!ASAN)) && [[ $rss =~ ^[0-9]+$ ]]; then
		((rss <= $(kibibytes "$rss_cap"))) || why+=("max RSS $((rss / 1024)) MiB, cap $rss_cap")
	fi
	{
		if ((${#why[@]} == 0)); then echo PASS; elif [[ -n $known ]]; then echo "KNOWN $known"; else echo FAIL; fi
		echo "${took}s, max RSS $((${rss:-0} / 1024)) MiB"
		printf '%s\n' "${why[@]+"${why[@]}"}"
		if ((${#why[@]})); then
			echo "--- stderr (first 12 lines):"
			head -n 12 "$dir/stderr" | cut -c1-200
		fi
	} >"$out"
	rm -rf "$dir"
}

# ---------------------------------------------------------------------------------------------
GOPARK="" ASAN=0 FILTER="" JOBS=2
while (($#)); do
	case $1 in
	--asan) ASAN=1 ;;
	--filter) FILTER=${2?}; shift ;;
	--jobs) JOBS=${2?}; shift ;;
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
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time is missing (Debian's package time)" >&2; exit 2; }

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/gopark-hostile.XXXXXX")
trap 'rm -rf "$RESULTS"' EXIT
export RESULTS GOPARK ASAN here
export -f header_values seconds kibibytes expand_source in_order run_case

names=()
for f in "$here"/*.go; do
	name=$(basename "$f" .go)
	if [[ -n $FILTER ]] && ! grep -Eq -- "$FILTER" <<<"$name"; then continue; fi
	names+=("$name")
done
# shellcheck disable=SC2016
printf '%s\n' "${names[@]}" | xargs -P "$JOBS" -d '\n' -n 1 bash -c 'run_case "$1"' _

passed=0 failed=0 known=0 n=0
echo "1..${#names[@]}"
for name in "${names[@]}"; do
	((n++))
	what=$(header_values "$here/$name.go" hostile)
	result=$RESULTS/$name.result
	if [[ ! -f $result ]]; then
		((failed++))
		echo "not ok $n - $name: no result (the runner's worker died)"
		continue
	fi
	status=$(head -n 1 "$result")
	case $status in
	PASS)
		((passed++))
		echo "ok $n - $name ($(sed -n 2p "$result")): $what"
		;;
	KNOWN*)
		((known++))
		echo "not ok $n - $name ($(sed -n 2p "$result")) # TODO known: ${status#KNOWN }"
		tail -n +3 "$result" | sed 's/^/#   /'
		;;
	*)
		((failed++))
		echo "not ok $n - $name ($(sed -n 2p "$result")): $what"
		tail -n +3 "$result" | sed 's/^/#   /'
		;;
	esac
done
echo "hostile: $passed passed, $failed failed, $known known"
((failed == 0))
