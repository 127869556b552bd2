#!/usr/bin/env bash
# The runner's self-test: a stand-in for gopark that runs programs with the real Go toolchain.
#   fake_gopark.sh run [--mode M] [--procs N] [--seed S] [--trace F] prog.go [args...]
# --procs N becomes GOMAXPROCS=N; the other gopark flags are ignored. The program is built with
# `go build` (cached in $GOPARK_GO_CACHE, default build/programs-go/, keyed by a hash of the
# source) and executed, so exit statuses are the program's own (`go run` would turn them into 1).
# A compile error prints the compiler's messages and exits 1, as gopark (and current Go's
# `go run`) do. Used by selftest.sh; never by the real test.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ ${1-} == run ]] || { echo "usage: fake_gopark.sh run [flags] prog.go [args]" >&2; exit 2; }
shift
procs=""
while (($#)); do
	case $1 in
	--mode | --seed | --trace) shift 2 ;;
	--procs) procs=$2; shift 2 ;;
	--*) echo "fake_gopark: unknown flag $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
prog=${1:?program}
shift
cache=${GOPARK_GO_CACHE:-$here/../../../build/programs-go}
mkdir -p "$cache"
export GO111MODULE=off GOFLAGS=
export GOCACHE=${GOCACHE:-$cache/gocache} GOPATH=${GOPATH:-$cache/gopath}
hash=$( (go version; cat "$prog") | sha256sum | cut -c1-16)
bin=$cache/$(basename "$prog" .go)-$hash
if [[ ! -x $bin ]]; then
	tmp=$(mktemp "$cache/.build.XXXXXX")
	if ! go build -o "$tmp" "$prog" 2>"$tmp.err"; then
		grep -v '^# command-line-arguments' "$tmp.err" >&2
		rm -f "$tmp" "$tmp.err"
		exit 1
	fi
	mv -f "$tmp" "$bin"
	rm -f "$tmp.err"
fi
if [[ -n $procs ]]; then export GOMAXPROCS=$procs; fi
exec "$bin" "$@"
