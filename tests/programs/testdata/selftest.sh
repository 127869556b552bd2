#!/usr/bin/env bash
# Self-test of run.sh: runs the whole corpus with fake_gopark.sh (Go 1.19 standing in for
# gopark) plus the differential run. Programs marked go1.22 are skipped (1.19 cannot build them);
# <name>.go119.err replaces <name>.err where Go 1.19's messages differ from current Go's.
#   testdata/selftest.sh [run.sh options...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec "$here/../run.sh" "$here/fake_gopark.sh" --go --expect-go119 "$@"
