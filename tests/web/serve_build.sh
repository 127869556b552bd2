# Sourced by the page's tests (browser_test.sh, hostile_test.sh): serves a web build on free ports
# and stops the servers when the sourcing script exits.
#   serve_build BUILD_WEB_DIR   sets port (the build with the COOP/COEP headers: cross-origin
#                               isolated) and plain_port (the same files without them, as a static
#                               host would serve them); exits 1 when a server does not come up.
# Needs $root (the repository) set by the caller.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
serve_build() {
  local dir=$1 p up
  port=$(free_port)
  plain_port=$(free_port)
  python3 "$root/web/serve.py" "$dir" --port "$port" >/dev/null 2>&1 &
  server=$!
  python3 "$root/web/serve.py" "$dir" --port "$plain_port" --plain >/dev/null 2>&1 &
  plain_server=$!
  trap 'kill $server $plain_server 2>/dev/null || true' EXIT
  for p in "$port" "$plain_port"; do
    up=0
    for _ in $(seq 100); do
      if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$p/')" 2>/dev/null; then up=1; break; fi
      sleep 0.1
    done
    ((up)) || { echo "$(basename "$0"): the server on port $p did not start"; exit 1; }
  done
}
