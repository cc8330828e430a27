#!/usr/bin/env bash
# R54: schemathesis (PyPI, pinned, in its own virtual environment) against the OpenAPI document
# served by `polku serve --demo` on loopback, once for each role and once without a token.
# Roles: the demo's coach, coordinator, manager, admin, employer user, mentor and school
# (institution) user, plus a participant account added with `polku user add` (the demo has none).
# Generation mode "all": valid and invalid (negative) data.
# Checks, for every run: no server error; documented status codes and content types; responses
# match their schemas; invalid data is refused with a 4xx (negative_data_rejection); and the
# custom check in scripts/api_roles_check.py against the matrix scripts/api-roles.json: no 2xx
# on an operation the role may not call, no other project's or employer's data, and 401 for
# every non-public operation without a token.
# Fixed seed and example counts (bounded per role to keep CI time in check), so a run is
# repeatable.
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
# The server runs in its own directory: a relative binary path must not depend on that.
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
work=$(mktemp -d)
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
(cd "$work" && exec "$bin" serve --demo --listen "127.0.0.1:$port" >"$work/out" 2>"$work/err") &
server=$!
for _ in $(seq 1 600); do grep -q "^  admin" "$work/out" 2>/dev/null && break; sleep 0.5; done
grep -q "^  admin" "$work/out" || { echo "the demo server did not start:" >&2; cat "$work/err" >&2; exit 1; }
pw="kissa istuu ikkunalla 2026"
project=$(awk '$1 == "coach" {print $2}' "$work/out" | sed 's/^[^.]*\.\([^@]*\)@.*/\1/' | tr '[:lower:]' '[:upper:]')
# The roles the demo has no account for, in the same project as the demo's users.
for role in institution participant; do
  grep -q "^  $role " "$work/out" && continue  # the demo prints a school (institution) user
  (cd "$work" && "$bin" user add --email "$role.fuzz@demo.polku.fi" --role "$role" --project "DEMO-$project") >"$work/add-$role"
  printf '  %-12s %-34s %s/activate?token=%s\n' "$role" "$role.fuzz@demo.polku.fi" "$base" "$(tail -1 "$work/add-$role")" >>"$work/out"
done
# Signs in the demo user of a role: activate with the one-time link, then a session token.
token_of() {
  local link email
  link=$(awk -v r="$1" '$1 == r {print $3; exit}' "$work/out")
  email=$(awk -v r="$1" '$1 == r {print $2; exit}' "$work/out")
  curl -sf -o /dev/null -H "Origin: $base" --data-urlencode "token=${link#*token=}" \
    --data-urlencode "password=$pw" --data-urlencode "password_confirm=$pw" "$base/activate" || true
  curl -sf -H 'content-type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"$pw\"}" "$base/api/v1/sessions" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])'
}
export SCHEMATHESIS_HOOKS=api_roles_check PYTHONPATH="$root/scripts" POLKU_FUZZ_MATRIX="$root/scripts/api-roles.json"
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection,polku_role_matrix
status=0
# One worker: with two, hypothesis parses lambda sources with `ast.parse` from two threads at once,
# and CPython 3.11 can then fail with "AST constructor recursion depth mismatch" (cpython#106905),
# a tool error that failed CI once.
# Signing out would end the token for the rest of the run: leave that operation out.
fuzz() { # role max-examples [extra schemathesis arguments]
  local role=$1 n=$2
  shift 2
  echo "=== api-fuzz as $role ($n examples per operation; projects: ${POLKU_FUZZ_PROJECTS:-none}; employers represented: ${POLKU_FUZZ_EMPLOYERS:-none})"
  POLKU_FUZZ_ROLE=$role "$venv/bin/schemathesis" --config-file "$root/scripts/schemathesis.toml" \
    run "$base/api/v1/openapi.json" "$@" \
    --exclude-path /api/v1/sessions/current \
    --checks "$checks" \
    --phases examples,coverage,fuzzing --max-examples "$n" --seed 20261127 --generation-deterministic \
    --workers 1 --warnings off || status=1
}
# The coach reaches most operations: the most examples. The other roles mostly meet 403.
for role in coach coordinator manager admin employer mentor institution participant; do
  token=$(token_of "$role")
  me=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/me")
  uid=$(python3 -c 'import sys, json; print(json.loads(sys.argv[1])["id"])' "$me")
  export POLKU_FUZZ_PROJECTS=$(python3 -c 'import sys, json; print(",".join(g["project"] for g in json.loads(sys.argv[1])["roles"] if g["project"]))' "$me")
  # The employers an employer user represents, from the database (read-only).
  POLKU_FUZZ_EMPLOYERS=$(python3 -c 'import sqlite3, sys, uuid
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = db.execute("SELECT employer_id FROM employer_users WHERE user_id = ?", (uuid.UUID(sys.argv[2]).bytes,))
print(",".join(str(uuid.UUID(bytes=bytes(r[0]))) for r in rows))' "$work/polku.db" "$uid")
  export POLKU_FUZZ_EMPLOYERS
  case $role in coach) n=20 ;; *) n=6 ;; esac
  fuzz "$role" "$n" -H "Authorization: Bearer $token"
done
export POLKU_FUZZ_PROJECTS='' POLKU_FUZZ_EMPLOYERS=''
fuzz anonymous 4
exit $status
