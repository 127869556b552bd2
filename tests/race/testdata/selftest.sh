#!/usr/bin/env bash
# Self-test of run.sh, in two parts:
#  1. the report parser: each testdata/parse/<case>.stderr (reports of a program named prog.go,
#     in Go's format and in the shapes gopark may print) must give testdata/parse/<case>.want;
#  2. the corpus with fake_gopark.sh (Go 1.19's detector) standing in for gopark, with --go119:
#     <name>.go119.race where it exists, Go 1.19's stacks of sync/atomic calls accepted.
#   testdata/selftest.sh [run.sh options...]
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
failed=0
for f in "$here"/parse/*.stderr; do
	case=${f%.stderr}
	if ! "$here/../run.sh" --parse prog "$f" | diff -u --label "${case##*/}.want" --label "parsed" "$case.want" -; then
		echo "FAIL parser: ${case##*/}"
		failed=1
	fi
done
cases=("$here"/parse/*.stderr)
((failed)) || echo "parser: ${#cases[@]} cases passed"
"$here/../run.sh" "$here/fake_gopark.sh" --go119 "$@" || failed=1
exit $failed
