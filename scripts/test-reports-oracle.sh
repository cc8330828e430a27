#!/usr/bin/env bash
# Checks every report figure against an independent implementation (issue 12 item 8): on
# several seeded random datasets (bench/reports/gen.py, 200-2000 participants with the edge
# cases it writes) loaded into SQLite (and into PostgreSQL when POLKU_TEST_POSTGRES_URL is set),
# `polku report bench --runs 1` computes every ESF+ indicator by gender and the project figures
# over many filters (national, per project, per organisation, region, municipality, a region
# without the municipality, a single month, periods with no data and periods half outside the
# data) and bench/reports/duck.py recomputes them in DuckDB SQL and compares them exactly. A
# figure changed on purpose must then be caught (the comparison can fail).
# Usage: scripts/test-reports-oracle.sh [DATASETS] [SEED]   — exits non-zero on any mismatch.
# DuckDB is installed once in a virtual environment by bench/venv-reports.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
datasets="${1:-3}"
seed="${2:-$RANDOM}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
venv="$("$root/bench/venv-reports.sh")"
py="$venv/bin/python"
(cd "$root" && cargo build --quiet -j 2 -p polku-cli)
polku="$CARGO_TARGET_DIR/debug/polku"
out="$(mktemp -d "${TMPDIR:-/tmp}/polku-reports-oracle.XXXXXX")"
pg_admin="${POLKU_TEST_POSTGRES_URL:-}"
pg_db="polku_reports_oracle_$$"
cleanup() {
  [ -z "$pg_admin" ] || psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT
export POLKU_LOG=warn PGOPTIONS="--client-min-messages=warning"
echo "reports oracle: $datasets random datasets, seed $seed"
for i in $(seq 1 "$datasets"); do
  s=$((seed + i))
  n=$(( (s * 7919) % 1801 + 200 ))
  p=$(( s % 5 + 3 ))
  d="$out/$i"
  mkdir -p "$d"
  export POLKU_KEYS_FILE="$d/keys.toml"
  "$py" "$root/bench/reports/gen.py" "$d/data" --participants "$n" --projects "$p" --seed "$s"
  POLKU_DATABASE_URL="sqlite://$d/db" "$polku" migrate >/dev/null 2>&1
  POLKU_DATABASE_URL="sqlite://$d/db" "$polku" report bench-seal --in "$d/data/specials.csv" --out "$d/data/sealed.csv"
  "$py" "$root/bench/reports/load.py" "$d/data" "sqlite://$d/db" >/dev/null
  "$py" "$root/bench/reports/queries.py" "$d/data/manifest.json" "$s" > "$d/queries.json"
  POLKU_DATABASE_URL="sqlite://$d/db" "$polku" report bench --queries "$d/queries.json" --runs 1 > "$d/sqlite.json"
  products=("$d/sqlite.json")
  if [ -n "$pg_admin" ]; then
    pg_url="${pg_admin%/*}/$pg_db"
    psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $pg_db" -c "CREATE DATABASE $pg_db" >/dev/null
    POLKU_DATABASE_URL="$pg_url" "$polku" migrate >/dev/null 2>&1
    "$py" "$root/bench/reports/load.py" "$d/data" "$pg_url" >/dev/null
    POLKU_DATABASE_URL="$pg_url" "$polku" report bench --queries "$d/queries.json" --runs 1 > "$d/pg.json"
    products+=("$d/pg.json")
  fi
  if ! "$py" "$root/bench/reports/duck.py" "$d/data" "$d/queries.json" "${products[@]}" --runs 0 > "$d/duck.json"; then
    cat "$d/duck.json"
    echo "reports oracle: dataset $i (seed $s, $n participants, $p projects) DIFFERS" >&2
    exit 1
  fi
  echo "  dataset $i: $n participants, $p projects, $(grep -c '"name"' "$d/queries.json") filters x ${#products[@]} database(s): every figure equal"
done
# The comparison must be able to fail: change one figure and expect a mismatch.
"$py" - "$d/sqlite.json" "$d/mutated.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["queries"][0]["esf"][0]["women"] += 1
doc["queries"][0]["tally"]["employers_by_depth"][0] += 1
json.dump(doc, open(sys.argv[2], "w"))
PY
if "$py" "$root/bench/reports/duck.py" "$d/data" "$d/queries.json" "$d/mutated.json" --runs 0 > "$d/mutated.out"; then
  echo "reports oracle: a changed figure was not caught" >&2
  exit 1
fi
echo "reports oracle: a changed figure is caught ($(grep -c 'product' "$d/mutated.out") mismatches reported)"
