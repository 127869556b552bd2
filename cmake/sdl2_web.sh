#!/usr/bin/env bash
# Builds SDL2 for the web (Emscripten, static, with threads) from Debian's libsdl2 source package,
# once, into a cache outside the repository keyed by version; the `web` preset finds it there
# (cmake/Imgui.cmake: SDL2_DIR). Emscripten's own SDL2 port cannot be used: it downloads from
# the internet (TOOLCHAIN.md).
#   cmake/sdl2_web.sh        build it if the cache has no complete install; print its prefix
#
# Configuring SDL2 under emcc takes about 5 minutes (each of ~170 checks runs emcc), the build
# under a minute; a second run finds the install and takes well under a second. The install is
# written next to its final place and renamed into it, so an interrupted build leaves nothing
# half done. Needs: emscripten, ninja, cmake, and a deb-src entry (cmake/deps.sh adds one).
set -euo pipefail
source "$(dirname "$0")/debian_source.sh"

sdl2_version=2.26.5
cache=${GOPARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gopark}
prefix=$cache/sdl2-web-$sdl2_version
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

if [[ -f $prefix/lib/libSDL2.a && -f $prefix/lib/cmake/SDL2/SDL2Config.cmake ]]; then
  echo "$prefix"
  exit 0
fi

command -v emcmake >/dev/null || { echo "sdl2_web: emscripten is not installed (cmake/deps.sh)" >&2; exit 1; }
mkdir -p "$cache"
work=$(mktemp -d "$cache/.sdl2-web.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "sdl2_web: fetching Debian's libsdl2 $sdl2_version source" >&2
fetch_debian_source sdl2_web libsdl2 "libsdl2_${sdl2_version}+dfsg.orig.tar.*" "$work" "$work/src"

echo "sdl2_web: configuring SDL2 for Emscripten (about 5 minutes, once)" >&2
# Only what the dashboard uses: video (WebGL through SDL's GL context), events, threads. Static,
# and -pthread on every object (shared memory). Not CMAKE_TRY_COMPILE_TARGET_TYPE=STATIC_LIBRARY:
# faster, but it misdetects pthread_setname_np.
emcmake cmake -S "$work/src" -B "$work/build" -G Ninja >"$work/configure.log" 2>&1 \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$work/prefix" -DCMAKE_C_FLAGS=-pthread \
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=ON -DSDL_PTHREADS=ON \
  -DSDL_AUDIO=OFF || { tail -30 "$work/configure.log" >&2; echo "sdl2_web: configure failed" >&2; exit 1; }
cmake --build "$work/build" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; echo "sdl2_web: build failed" >&2; exit 1; }
cmake --install "$work/build" >/dev/null
rm -rf "$prefix"
mv "$work/prefix" "$prefix"
echo "sdl2_web: installed into $prefix" >&2
echo "$prefix"
