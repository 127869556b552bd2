#!/usr/bin/env bash
# Maintainer tool: (re)generates <name>.out and <name>.err (or <name>.go119.err for programs with
# the go119-err directive) from the real output of Go 1.19 for the named programs, or for all
# programs that Go 1.19 accepts. Programs marked go1.22 are never touched: their expected files
# are written by hand. Review every change with git diff: the .err files of panics keep only the
# lines gopark can reproduce (panic/fatal messages, "goroutine 1 [...]:", frames without
# arguments), and a go119-err program's .err (current Go's messages) must be updated by hand.
#   testdata/regen.sh [name ...]
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GO111MODULE=off GOFLAGS= GOCACHE=${GOCACHE:-$work/gocache} GOPATH=${GOPATH:-$work/gopath}
if (($#)); then names=("$@"); else names=(); for f in *.go; do names+=("${f%.go}"); done; fi
for name in "${names[@]}"; do
	name=${name%.go}
	src=$name.go
	grep -q '^// gopark: go1.22' "$src" && { echo "skip $name (go1.22)"; continue; }
	exit_want=$(sed -n 's#^// gopark: exit=##p' "$src")
	exit_want=${exit_want:-0}
	args=()
	a=$(sed -n 's#^// gopark: args=##p' "$src")
	[[ -n $a ]] && eval "args=($a)"
	errfile=$name.err
	grep -q '^// gopark: go119-err' "$src" && errfile=$name.go119.err
	if go build -o "$work/bin" "$src" 2>"$work/build"; then
		timeout 20 "$work/bin" "${args[@]}" >"$work/stdout" 2>"$work/stderr" </dev/null
		rc=$?
		if ((rc != 0)); then
			# keep what gopark can reproduce of a panic or fatal error
			grep -E '^(panic: |	panic: |fatal error: |goroutine 1 \[|main\.[A-Za-z0-9_.]+\(\)$)' \
				"$work/stderr" >"$work/err"
		else
			cp "$work/stderr" "$work/err"
		fi
	else
		rc=1
		: >"$work/stdout"
		grep -v '^# command-line-arguments' "$work/build" | sed -E 's#(^|[[:space:]])\./#\1#g' >"$work/err"
	fi
	((rc == exit_want)) || echo "WARNING $name: exit status $rc, directive says $exit_want"
	if grep -q '^// gopark: nondeterministic' "$src"; then rm -f "$name.out"; else cp "$work/stdout" "$name.out"; fi
	if [[ -s $work/err ]]; then cp "$work/err" "$errfile"; else rm -f "$errfile"; fi
	echo "done $name (exit $rc)"
done
