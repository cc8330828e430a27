#!/usr/bin/env bash
# Creates (once) the Python virtual environment of the report benchmark and the report oracle
# and prints its path. Packages: duckdb (the independent implementation of the figures),
# psycopg2-binary (COPY into PostgreSQL). Override the location with POLKU_REPORTS_VENV.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${POLKU_REPORTS_VENV:-$root/target/bench-reports-venv}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import duckdb, psycopg2' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check duckdb psycopg2-binary >&2
fi
echo "$venv"
