#!/usr/bin/env bash
# The runner's self-test: a stand-in for `gopark run --race` that runs programs under Go's own
# race detector (the installed Go, 1.19 here).
#   fake_gopark.sh run [--mode M] [--procs N] [--seed S] --race prog.go
# --procs N becomes GOMAXPROCS=N; --mode and --seed are ignored. The program is built with
# `go build -race` (cached in $GOPARK_RACE_CACHE, default build/race-go/, keyed by a hash of the
# Go version and the source, as run.sh --go does) and executed, so its exit status (66 after a
# race) is its own. A build error is printed and the status is 1. Used by selftest.sh only.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ ${1-} == run ]] || { echo "usage: fake_gopark.sh run [flags] --race prog.go" >&2; exit 2; }
shift
procs="" race=0
while (($#)); do
	case $1 in
	--mode | --seed) shift 2 ;;
	--procs) procs=$2; shift 2 ;;
	--race) race=1; shift ;;
	--*) echo "fake_gopark: unknown flag $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
((race)) || { echo "fake_gopark: only run --race is faked" >&2; exit 2; }
prog=${1:?program}
cache=${GOPARK_RACE_CACHE:-$here/../../../build/race-go}
mkdir -p "$cache"
export GO111MODULE=off GOFLAGS=''
export GOCACHE=${GOCACHE:-$cache/gocache} GOPATH=${GOPATH:-$cache/gopath}
hash=$( (go version; cat "$prog") | sha256sum | cut -c1-16)
bin=$cache/$(basename "$prog" .go)-$hash
if [[ ! -x $bin ]]; then
	tmp=$(mktemp "$cache/.build.XXXXXX")
	if ! go build -race -o "$tmp" "$prog" 2>"$tmp.err"; then
		cat "$tmp.err" >&2
		rm -f "$tmp" "$tmp.err"
		exit 1
	fi
	mv -f "$tmp" "$bin"
	rm -f "$tmp.err"
fi
if [[ -n $procs ]]; then export GOMAXPROCS=$procs; fi
exec "$bin"
