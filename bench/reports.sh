#!/usr/bin/env bash
# The reports at national scale (issue 12 item 7), in one run:
#   1. generates a seeded national dataset (bench/reports/gen.py: 300,000 participants over
#      five years in 120 projects, with their ESF+ entry data, results on leaving, six-month
#      follow-ups, placements and trials, retention follow-ups, employers and their needs);
#   2. creates a SQLite database and a PostgreSQL database (polku_bench_reports on
#      127.0.0.1:5432, dropped at the end) with `polku migrate`, seals the special-category
#      answers with the deployment's keys (`polku report bench-seal`) and bulk-loads the data
#      (bench/reports/load.py: COPY on PostgreSQL, batched transactions on SQLite);
#   3. times the real report use cases (`polku report bench`: the ESF+ indicators and the
#      project figures, warm, --runs runs after one warm-up) for one project over one year,
#      the national aggregate over one year and over the five years;
#   4. computes the same figures with DuckDB from the CSV export (bench/reports/duck.py),
#      checks that every figure is equal and prints the times side by side with the target.
# Exits non-zero when a figure differs.
# Usage: bench/reports.sh [--participants N] [--projects N] [--runs N] [--seed S] [--no-pg]
#                         [--polku BIN] [--keep] [--reuse] [--five-years] [--release]
# --release builds and times an optimised polku (the release profile), as a deployment runs it;
# without it the debug build is timed.
# --five-years also times the national aggregate over the whole five years.
# --keep leaves the data, the SQLite file and the PostgreSQL database in place; --reuse times
# what an earlier --keep run left (e.g. another build of polku on the same data).
# Needs: cargo; python3 (a venv with duckdb and psycopg2-binary is created by
# bench/venv-reports.sh); PostgreSQL on 127.0.0.1:5432, user postgres, trust auth.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
participants=300000; projects=120; runs=20; seed=1; pg=1; polku=""; keep=0; reuse=0; five=0
profile=debug
while [ $# -gt 0 ]; do
  case "$1" in
    --participants) participants="$2"; shift 2;;
    --projects) projects="$2"; shift 2;;
    --runs) runs="$2"; shift 2;;
    --seed) seed="$2"; shift 2;;
    --no-pg) pg=0; shift;;
    --polku) polku="$2"; shift 2;;
    --keep) keep=1; shift;;
    --five-years) five=1; shift;;
    --reuse) reuse=1; keep=1; shift;;
    --release) profile=release; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
out="${POLKU_BENCH_OUT:-$CARGO_TARGET_DIR/bench-reports}"
pg_admin="${POLKU_BENCH_PG_ADMIN:-postgres://postgres@127.0.0.1:5432/postgres}"
pg_db=polku_bench_reports
pg_url="${pg_admin%/*}/$pg_db"
venv="$("$root/bench/venv-reports.sh")"
py="$venv/bin/python"
if [ -z "$polku" ]; then
  echo "== building polku" >&2
  if [ "$profile" = release ]; then
    (cd "$root" && cargo build --release -j 2 -p polku-cli >&2)
  else
    (cd "$root" && cargo build -j 2 -p polku-cli >&2)
  fi
  polku="$CARGO_TARGET_DIR/$profile/polku"
fi
[ "$reuse" = 1 ] || { rm -rf "$out"; mkdir -p "$out"; }
cleanup() {
  [ "$keep" = 1 ] && return
  if [ "$pg" = 1 ]; then psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true; fi
  rm -rf "$out/data" "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
}
trap cleanup EXIT
export POLKU_KEYS_FILE="$out/keys.toml" POLKU_LOG=warn PGOPTIONS="--client-min-messages=warning"
t0=$SECONDS
if [ "$reuse" = 0 ]; then
echo "== generating $participants participants (seed $seed)" >&2
"$py" "$root/bench/reports/gen.py" "$out/data" --participants "$participants" --projects "$projects" --seed "$seed" >&2
echo "   $((SECONDS - t0)) s" >&2
POLKU_DATABASE_URL="sqlite://$out/bench.db" "$polku" migrate >&2
echo "== sealing the special-category answers" >&2
POLKU_DATABASE_URL="sqlite://$out/bench.db" "$polku" report bench-seal --in "$out/data/specials.csv" --out "$out/data/sealed.csv"
echo "== loading SQLite" >&2
"$py" "$root/bench/reports/load.py" "$out/data" "sqlite://$out/bench.db" | tee "$out/load-sqlite.json" >&2
if [ "$pg" = 1 ]; then
  echo "== loading PostgreSQL ($pg_db)" >&2
  psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $pg_db" -c "CREATE DATABASE $pg_db" >/dev/null
  POLKU_DATABASE_URL="$pg_url" "$polku" migrate >&2
  "$py" "$root/bench/reports/load.py" "$out/data" "$pg_url" | tee "$out/load-pg.json" >&2
fi
echo "   generated, sealed and loaded in $((SECONDS - t0)) s" >&2
else
  # The schema of this polku (a newer build may add migrations).
  POLKU_DATABASE_URL="sqlite://$out/bench.db" "$polku" migrate >&2
  [ "$pg" = 0 ] || POLKU_DATABASE_URL="$pg_url" "$polku" migrate >&2
fi
# The largest project over one year, the national aggregate over one year and over five.
"$py" - "$out/data/manifest.json" "$five" > "$out/queries.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
five = sys.argv[2] == "1"
big = max(m["project_sizes"], key=m["project_sizes"].get)
last = m["to"][:4]
print(json.dumps([
    {"name": f"project {big}, {last}", "from": f"{last}-01-01", "to": f"{last}-12-31", "project": big},
    {"name": f"national, {last}", "from": f"{last}-01-01", "to": f"{last}-12-31"},
] + ([{"name": f"national, {m['from'][:4]}-{last}", "from": m["from"], "to": m["to"]}]
      if five else []), indent=1))
PY
products=()
echo "== timing SQLite ($runs runs)" >&2
POLKU_DATABASE_URL="sqlite://$out/bench.db" "$polku" report bench --queries "$out/queries.json" --runs "$runs" > "$out/sqlite.json"
products+=("$out/sqlite.json")
if [ "$pg" = 1 ]; then
  echo "== timing PostgreSQL ($runs runs)" >&2
  POLKU_DATABASE_URL="$pg_url" "$polku" report bench --queries "$out/queries.json" --runs "$runs" > "$out/pg.json"
  products+=("$out/pg.json")
fi
echo "== DuckDB ($runs runs) and the comparison" >&2
status=0
"$py" "$root/bench/reports/duck.py" "$out/data" "$out/queries.json" "${products[@]}" --runs "$runs" > "$out/duckdb.json" || status=$?
"$py" "$root/bench/reports/summary.py" "$out" "${products[@]}"
exit $status
