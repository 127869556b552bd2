#!/usr/bin/env bash
# desktop_smoke: the desktop app end to end under a virtual X server (Xvfb, Mesa's software GL).
# Opens an example, presses Run, and once the run has finished takes a screenshot and quits,
# printing the program's output. Passes when
#   (a) gopark exits with status 0,
#   (b) the screenshot has the window's size and is not blank (ImageMagick's standard deviation of
#       its pixels above a small threshold: a window that drew nothing is one flat colour),
#   (c) the printed output holds the first line of the example's expected output.
#
#   tests/dashboard/desktop_smoke.sh path/to/gopark
#   GOPARK_SMOKE_SKIP_OUTPUT=1   skip (c), for a dashboard that does not run programs yet
#   GOPARK_SMOKE_KEEP=dir        keep the screenshot and logs in dir
set -euo pipefail
gopark=$(realpath "${1:?usage: desktop_smoke.sh path/to/gopark}")
cd "$(dirname "$0")/../.."
example=examples/10_go_keyword.go
expected=tests/examples/10_go_keyword.out
min_deviation=0.02

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A fresh config directory: the default window size and layout, and the user's are left alone.
export XDG_CONFIG_HOME=$tmp/config
# Under ASan: libdbus and Mesa leak by design (TOOLCHAIN.md); later options win, so append.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

fail() {
  echo "desktop_smoke: FAIL: $*"
  echo "--- gopark's stderr:"; cat "$tmp/stderr" 2>/dev/null || true
  echo "--- gopark's stdout:"; cat "$tmp/stdout" 2>/dev/null || true
  echo "--- Xvfb:"; cat "$tmp/xvfb.log" 2>/dev/null || true
  [[ -z ${GOPARK_SMOKE_KEEP:-} ]] || cp -r "$tmp/." "$GOPARK_SMOKE_KEEP/"
  exit 1
}

for tool in xvfb-run xauth /usr/bin/convert; do
  command -v "$tool" >/dev/null || fail "$tool is missing (cmake/deps.sh installs xvfb, xauth, imagemagick)"
done

# (a) the run: timeout guards against a dashboard that never reports the run finished.
status=0
timeout 240 xvfb-run -a -e "$tmp/xvfb.log" -s "-screen 0 1280x800x24" \
  "$gopark" open "$example" --run --screenshot "$tmp/shot.ppm" --print-output \
  >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
[[ $status -eq 0 ]] || fail "gopark open exited with status $status"

# (b) the screenshot: the size gopark reported for its window, and not one flat colour.
[[ -s $tmp/shot.ppm ]] || fail "no screenshot written"
reported=$(sed -nE 's/^gopark: screenshot ([0-9]+x[0-9]+) written to .*/\1/p' "$tmp/stderr" | tail -1)
read -r width height deviation < <(/usr/bin/convert "$tmp/shot.ppm" -format '%w %h %[fx:standard_deviation]\n' info:)
[[ -n $reported && "${width}x${height}" == "$reported" ]] \
  || fail "screenshot is ${width}x${height}, the window is ${reported:-of unreported size}"
awk -v d="$deviation" -v min="$min_deviation" 'BEGIN { exit !(d > min) }' \
  || fail "screenshot looks blank (standard deviation $deviation, want > $min_deviation)"

# (c) the program's output, as the dashboard shows it.
if [[ -z ${GOPARK_SMOKE_SKIP_OUTPUT:-} ]]; then
  first=$(head -n 1 "$expected")
  grep -qF -- "$first" "$tmp/stdout" || fail "the output lacks the line: $first"
else
  echo "desktop_smoke: output check skipped (GOPARK_SMOKE_SKIP_OUTPUT)"
fi

[[ -z ${GOPARK_SMOKE_KEEP:-} ]] || cp -r "$tmp/." "$GOPARK_SMOKE_KEEP/"
echo "desktop_smoke: ok (${width}x${height}, standard deviation $deviation)"
