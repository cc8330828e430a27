#!/usr/bin/env bash
# R54: schemathesis (PyPI, pinned, in its own virtual environment) against the OpenAPI document
# served by `polku serve --demo` on loopback, signed in as a demo coach with a bearer token.
# Checks: no server error, documented status codes and content types, responses match their
# schemas. Fixed seed and example count, so a run is repeatable.
# Usage: scripts/api-fuzz.sh [path-to-polku-binary]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${POLKU_FUZZ_VENV:-${CARGO_TARGET_DIR:-$root/target}/fuzz-venv}"
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5' 'hypothesis==6.170.17'
fi
bin=${1:-}
if [ -z "$bin" ]; then
  cargo build -q -p polku-cli
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/polku"
fi
work=$(mktemp -d)
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
(cd "$work" && exec "$bin" serve --demo --listen "127.0.0.1:$port" >"$work/out" 2>"$work/err") &
server=$!
for _ in $(seq 1 600); do grep -q "^  admin" "$work/out" 2>/dev/null && break; sleep 0.5; done
link=$(awk '$1 == "coach" {print $3}' "$work/out")
email=$(awk '$1 == "coach" {print $2}' "$work/out")
pw="kissa istuu ikkunalla 2026"
curl -sf -o /dev/null -H "Origin: $base" --data-urlencode "token=${link#*token=}" \
  --data-urlencode "password=$pw" --data-urlencode "password_confirm=$pw" "$base/activate" || true
token=$(curl -sf -H 'content-type: application/json' \
  -d "{\"email\": \"$email\", \"password\": \"$pw\"}" "$base/api/v1/sessions" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
# One worker: with two, hypothesis parses lambda sources with `ast.parse` from two threads at once,
# and CPython 3.11 can then fail with "AST constructor recursion depth mismatch" (cpython#106905),
# a tool error that failed CI once.
# Signing out would end the token for the rest of the run: leave that operation out.
"$venv/bin/schemathesis" run "$base/api/v1/openapi.json" \
  -H "Authorization: Bearer $token" \
  --exclude-path /api/v1/sessions/current \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing --max-examples 60 --seed 20261127 --generation-deterministic \
  --workers 1 --warnings off
