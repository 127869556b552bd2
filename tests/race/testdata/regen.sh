#!/usr/bin/env bash
# Maintainer tool: (re)writes <name>.out and <name>.race from one run of the real Go detector
# (`go build -race`, the installed Go, 1.19 here) for the named programs, or for all of them.
# For a program with the go119-race directive it writes <name>.go119.race instead and leaves
# <name>.race (gopark's, current Go's semantics) to be written by hand.
#
# Go 1.19 never names the caller of a sync/atomic function in a race report. Such a pair keeps
# the line from the existing expectation file when one of its pairs contains the known line;
# otherwise it is written as "? L", which run.sh rejects until the atomic call's line is filled
# in by hand. Review every change with git diff, then validate: ../run.sh --go --repeat 5.
#   testdata/regen.sh [name ...]
set -u
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GO111MODULE=off GOFLAGS='' GOCACHE=${GOCACHE:-$work/gocache} GOPATH=${GOPATH:-$work/gopath}
if (($#)); then names=("$@"); else names=(); for f in *.go; do names+=("${f%.go}"); done; fi
status=0
for name in "${names[@]}"; do
	name=${name%.go}
	target=$name.race
	grep -q '^// gopark: go119-race' "$name.go" && target=$name.go119.race
	if ! go build -race -o "$work/bin" "$name.go" 2>"$work/build"; then
		echo "$name: go build -race failed:" >&2
		cat "$work/build" >&2
		status=1
		continue
	fi
	timeout 20 "$work/bin" >"$work/stdout" 2>"$work/stderr" </dev/null
	rc=$?
	cp "$work/stdout" "$name.out"
	"$here/run.sh" --parse "$name" "$work/stderr" >"$work/report"
	if grep -q '^ERROR' "$work/report"; then
		echo "$name: unreadable race report:" >&2
		grep '^ERROR' "$work/report" >&2
		status=1
	fi
	: >"$work/pairs"
	while IFS= read -r line; do
		case $line in
		blocks* | found* | ERROR*) ;;
		"? "*)
			known=${line#? }
			old=$(grep -E "(^| )$known( |$)" "$target" 2>/dev/null | head -n 1)
			if [[ -n $old ]]; then
				echo "$old" >>"$work/pairs"
			else
				echo "$name: line $known races with a sync/atomic call whose line Go does not print: fix '? $known' in $target" >&2
				echo "? $known" >>"$work/pairs"
				status=1
			fi
			;;
		*) echo "$line" >>"$work/pairs" ;;
		esac
	done <"$work/report"
	sort -u -n -k1,1 -k2,2 "$work/pairs" >"$target"
	want=0
	[[ -s $target ]] && want=66
	((rc == want)) || { echo "$name: exit status $rc, want $want" >&2; status=1; }
	echo "$name: $(wc -l <"$target") pair(s) -> $target"
done
exit $status
