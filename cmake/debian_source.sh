# fetch_debian_source WHO PACKAGE ORIG_GLOB WORK INTO (sourced by deps.sh and sdl2_web.sh)
#
# Downloads Debian's source package PACKAGE into the directory WORK (this needs a deb-src entry;
# cmake/deps.sh adds one) and unpacks its upstream tarball, the file in WORK matching ORIG_GLOB
# (which names the version we expect), into the new directory INTO. On failure it says why, with
# WHO as the prefix, and exits.
fetch_debian_source() {
  local who=$1 package=$2 glob=$3 work=$4 into=$5 orig
  # Root downloads unsandboxed (apt's _apt user cannot write here) and says so; keep the log for errors.
  if ! (cd "$work" && apt-get source --download-only -qq "$package") >"$work/log" 2>&1; then
    cat "$work/log" >&2
    echo "$who: apt-get source $package failed (is there a deb-src entry? cmake/deps.sh adds one)" >&2
    exit 1
  fi
  orig=$(compgen -G "$work/$glob" || true)
  if [[ -z $orig ]]; then
    echo "$who: Debian's $package source is not the version expected ($glob): $(cd "$work" && echo *)" >&2
    exit 1
  fi
  mkdir "$into"
  tar -xf "$orig" -C "$into" --strip-components=1
}
