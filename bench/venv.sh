#!/usr/bin/env bash
# Creates (once) the Python virtual environment of the benchmark peers and the OR-Tools oracle
# and prints its path. Packages: numpy (peer), ortools (oracle and allocation peer),
# psycopg2-binary (PostgreSQL peer client). Override the location with POLKU_BENCH_VENV.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${POLKU_BENCH_VENV:-$root/target/bench-venv}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import numpy, ortools, psycopg2' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check numpy ortools psycopg2-binary >&2
fi
echo "$venv"
