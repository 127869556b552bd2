#!/usr/bin/env bash
# Installs what the build and the tests need, from Debian's packages only, and only what is missing.
# Idempotent: a second run installs nothing and takes well under a second.
#   cmake/deps.sh            everything `make test` needs
#   cmake/deps.sh --play     only what `make play` needs
# As root it runs apt-get; otherwise it prints the one `sudo apt-get install ...` line to run and fails.
set -euo pipefail

want=(make cmake ninja-build clang libclang-rt-14-dev          # native build + sanitizers
      doctest-dev)                                              # unit tests (every native build configures them)
if [[ "${1:-}" != "--play" ]]; then
  want+=(emscripten nodejs                                      # engine tests as wasm under node (Debian's
                                                                # node 18 needs --experimental-wasm-return_call)
         golang-go                                              # benchmarks and differential tests
         lua5.4)                                                # interpreter benchmarks' reference
fi

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "gopark needs these Debian packages: ${missing[*]}" >&2
  echo "run:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have empty package lists; refresh them once if any wanted package is unknown.
if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then apt-get update -qq; fi
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
