#!/usr/bin/env bash
# Load test of the participant suggestions page (issue 4): `polku serve --demo` (release build)
# on loopback, a signed-in coach, and wrk holding about 200 requests per second (20
# connections, each pausing 100 ms after each answer, so about 200 requests a second) for 30 s. Prints wrk's latency
# distribution; the target is p99 <= 50 ms.
# Usage: bench/load.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${1:-30}
command -v wrk >/dev/null || { echo "installing wrk"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
cargo build -q --release -p polku-cli
bin="${CARGO_TARGET_DIR:-$root/target}/release/polku"
work=$(mktemp -d)
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
(cd "$work" && exec "$bin" serve --demo --listen "127.0.0.1:$port" >"$work/out" 2>"$work/err") &
server=$!
for _ in $(seq 1 600); do grep -q "^  admin" "$work/out" 2>/dev/null && break; sleep 0.5; done
link=$(awk '$1 == "coach" {print $3}' "$work/out")
token=${link#*token=}
pw="kissa istuu ikkunalla 2026"
cookie=$(curl -s -D - -o /dev/null -H "Origin: $base" --data-urlencode "token=$token" \
  --data-urlencode "password=$pw" --data-urlencode "password_confirm=$pw" "$base/activate" \
  | tr -d '\r' | awk -F'[ ;]' 'tolower($1) == "set-cookie:" {print $2}')
[ -n "$cookie" ] || { echo "sign-in failed"; exit 1; }
participant=$(curl -s -H "Cookie: $cookie" "$base/participants" | grep -o '/participants/[0-9a-f-]\{36\}' | head -1)
[ -n "$participant" ] || { echo "no participant on the coach's caseload"; exit 1; }
url="$base$participant/suggestions"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")
[ "$status" = 200 ] || { echo "suggestions page answered $status"; exit 1; }
cat >"$work/pace.lua" <<'LUA'
-- 22 connections, each waiting 100 ms after an answer of ~8 ms: about 200 requests per second.
function delay() return 100 end
LUA
echo "wrk: $url (cookie auth), ~200 req/s for ${secs}s"
wrk -t2 -c22 -d"${secs}s" --latency -s "$work/pace.lua" -H "Cookie: $cookie" "$url"
