#!/usr/bin/env bash
# Browser tests: installs Debian's Chromium and the npm packages if missing, serves a fresh demo
# database on a free loopback port, and runs e2e/run.mjs (flows, axe-core, CSP, keyboard, no-JS,
# cross-site). Usage: scripts/e2e.sh [path-to-polku-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e: installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d e2e/node_modules/playwright-core ] || [ ! -d e2e/node_modules/axe-core ]; then
  (cd e2e && npm ci --no-audit --no-fund --silent)
fi

bin=${1:-}
if [ -z "$bin" ]; then
  cargo build -q -p polku-cli
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/polku"
fi

work=$(mktemp -d)
cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  # The server's logs for the canary scan (R32, scripts/test.sh), when it asks for them.
  if [ -n "${POLKU_TEST_LOG_DIR:-}" ]; then
    for f in serve.out serve.err; do cp "$work/$f" "$POLKU_TEST_LOG_DIR/e2e-$f" 2>/dev/null || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec "$bin" serve --demo --listen "127.0.0.1:$port" >"$work/serve.out" 2>"$work/serve.err") &
server=$!
for _ in $(seq 1 600); do
  if grep -q "activate?token=" "$work/serve.out" 2>/dev/null && grep -q "^  admin" "$work/serve.out"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/serve.err"; echo "e2e: server died"; exit 1; fi
  sleep 0.5
done
BASE="http://127.0.0.1:$port" LINKS="$work/serve.out" node e2e/run.mjs
