#!/usr/bin/env bash
# Installs what the build and the tests need, from Debian's packages only, and only what is missing.
# Idempotent: a second run installs and downloads nothing and takes well under a second.
#   cmake/deps.sh            everything `make test` needs
#   cmake/deps.sh --play     only what `make play` needs (the web playground)
#   cmake/deps.sh --desktop  only what `make desktop` needs (the native build and desktop app)
# As root it runs apt-get; otherwise it prints what to run as root and fails.
#
# Dear ImGui is compiled from source by both the desktop and the web build (Debian's libimgui-dev
# has only headers and a desktop .so). Its source comes from Debian's source package, unpacked
# into a cache outside the repository keyed by version (cmake/Imgui.cmake looks there):
#   ${GOPARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gopark}/imgui-1.86+ds/
# Source packages need a deb-src entry; if the machine has none, one is added next to
# debian.sources with the same archives and keyring. Debian's only patch to imgui adds a Makefile,
# so the upstream (.orig) tarball is all we unpack.
set -euo pipefail
source "$(dirname "$0")/debian_source.sh"

mode=${1:-}
want=(make cmake ninja-build clang libclang-rt-14-dev          # native build + sanitizers
      doctest-dev                                               # unit tests (every native build configures them)
      libsdl2-dev libgl-dev)                                    # the desktop app (SDL2 window, OpenGL 3)
if [[ $mode != --desktop ]]; then
  want+=(emscripten nodejs python3)                             # the web playground (and the engine's tests as
                                                                # wasm under node), its server
  # npm, for its npm parts: Debian's package, unless the node install already has its own (as
  # NodeSource's nodejs does, which conflicts with Debian's npm).
  command -v npm >/dev/null || want+=(npm)
fi
if [[ -z $mode ]]; then
  want+=(chromium                                               # the playground's browser tests
         golang-go                                              # benchmarks and differential tests
         lua5.4                                                 # interpreter benchmarks' reference
         time                                                   # the race benchmark's peak memory
         xvfb xauth imagemagick)                                # the desktop smoke test: a virtual X server
                                                                # (xvfb-run needs xauth), screenshot checks
fi

imgui_version=1.86+ds
cache=${GOPARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gopark}
imgui_dir=$cache/imgui-$imgui_version

# One dpkg-query for all packages keeps the already-installed case fast.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${want[@]}" 2>/dev/null || true)
missing=()
for pkg in "${want[@]}"; do
  grep -qx "$pkg install ok installed" <<<"$installed" || missing+=("$pkg")
done
need_imgui=0
[[ -f $imgui_dir/imgui.cpp && -f $imgui_dir/backends/imgui_impl_opengl3.cpp ]] || need_imgui=1

# The web playground's parts, after the Debian packages: SDL2 built for Emscripten from Debian's
# source (once, cached: cmake/sdl2_web.sh), and web/package.json's npm packages (coi-serviceworker,
# and for the tests playwright-core), installed into web/node_modules from the lock file.
web_parts() {
  [[ $mode == --desktop ]] && return 0
  # Run through sudo for the Debian packages: the cache and web/node_modules are the user's, so
  # leave them to the run without sudo that follows.
  if [[ $(id -u) -eq 0 && -n ${SUDO_USER:-} ]]; then
    echo "deps: now run $0${mode:+ $mode} again without sudo (SDL2 for the web, npm packages)" >&2
    return 0
  fi
  "$(dirname "$0")/sdl2_web.sh" >/dev/null
  local root
  root=$(cd "$(dirname "$0")/.." && pwd)
  if [[ ! -f $root/web/node_modules/.package-lock.json ]] || [[ $root/web/package-lock.json -nt $root/web/node_modules/.package-lock.json ]]; then
    echo "deps: npm packages for web/ (coi-serviceworker, playwright-core)" >&2
    (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}
# Debian's packages, and Dear ImGui's source.
debian_and_imgui() {
  [[ ${#missing[@]} -eq 0 && $need_imgui -eq 0 ]] && return 0

  have_deb_src() {  # any deb-src entry, one-line (.list) or deb822 (.sources) style
    grep -Eqs '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list && return 0
    grep -Eiqs '^Types:.*[[:space:]]deb-src([[:space:]]|$)' /etc/apt/sources.list.d/*.sources
  }
  imgui_source_known() { [[ -n $(apt-cache showsrc --only-source imgui 2>/dev/null) ]]; }

  if [[ $(id -u) -ne 0 ]]; then
    root_needed=0
    if [[ ${#missing[@]} -gt 0 ]]; then
      echo "gopark needs these Debian packages: ${missing[*]}" >&2
      root_needed=1
    fi
    if [[ $need_imgui -eq 1 ]] && ! imgui_source_known; then
      echo "gopark needs Dear ImGui's Debian source package, and apt has no deb-src entry for it" >&2
      root_needed=1
    fi
    if [[ $root_needed -eq 1 ]]; then
      echo "run:  sudo $0${mode:+ $mode}   (then $0${mode:+ $mode} again, to fetch Dear ImGui's source into $cache)" >&2
      exit 1
    fi
  fi

  export DEBIAN_FRONTEND=noninteractive
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "deps: installing ${missing[*]}" >&2
    # A fresh machine may have empty package lists; refresh them once if any wanted package is unknown.
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then apt-get update -qq; fi
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
  fi
  [[ $need_imgui -eq 0 ]] && return 0

  if ! imgui_source_known; then   # only root gets here (checked above)
    if ! have_deb_src; then
      if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
        src=/etc/apt/sources.list.d/debian-src.sources
        echo "deps: adding $src (Debian's source packages, for Dear ImGui)" >&2
        { echo "# Added by gopark's cmake/deps.sh: debian.sources' archives, for source packages."
          sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources; } >"$src"
      elif grep -Eqs '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list; then
        src=/etc/apt/sources.list.d/debian-src.list
        echo "deps: adding $src (Debian's source packages, for Dear ImGui)" >&2
        { echo "# Added by gopark's cmake/deps.sh: sources.list's archives, for source packages."
          sed -nE 's/^[[:space:]]*deb[[:space:]]/deb-src /p' /etc/apt/sources.list; } >"$src"
      else
        echo "deps: no Debian archive found in /etc/apt to add a deb-src entry for" >&2
        exit 1
      fi
    fi
    apt-get update -qq
  fi

  echo "deps: fetching Dear ImGui $imgui_version's source into $imgui_dir" >&2
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/.imgui-download.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  fetch_debian_source deps imgui "imgui_${imgui_version}.orig.tar.*" "$work" "$work/tree"
  rm -rf "$imgui_dir"
  mv "$work/tree" "$imgui_dir"   # whole tree in one rename: an interrupted run leaves no half tree
}

debian_and_imgui
web_parts
