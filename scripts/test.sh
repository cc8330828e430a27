#!/usr/bin/env bash
# The test command (README, .ci/run): every crate's tests on SQLite, and on PostgreSQL when
# POLKU_TEST_POSTGRES_URL is set, then the oracle scripts that compare us with independent
# peers. Installs what it needs (npm packages for the identity-code oracle, a Python venv with
# OR-Tools for the allocation oracle) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${POLKU_TEST_POSTGRES_URL:-}" ]; then
  echo "note: POLKU_TEST_POSTGRES_URL is not set; the PostgreSQL half of the store story will not run" >&2
fi

# The identity-code oracle's npm packages (pinned by package-lock.json).
if [ ! -d scripts/oracle-ids/node_modules ]; then
  npm ci --prefix scripts/oracle-ids --no-audit --no-fund >/dev/null
fi

# R32, the canary scan: the test data carries canaries in its health, CV, identity-code and name
# fields. Every test's captured stdout and stderr (nextest's JUnit report, .config/nextest.toml),
# the doc tests' output, and the server logs of the drills and the browser suite are collected
# here and scanned after the browser suite: one hit fails the run (scripts/canary-scan.py).
captured=$(mktemp -d)
trap 'rm -rf "$captured"' EXIT
export POLKU_TEST_LOG_DIR="$captured"

if command -v cargo-nextest >/dev/null 2>&1; then
  status=0
  cargo nextest run --workspace --no-fail-fast --test-threads 2 --profile canary || status=$?
  cp "${CARGO_TARGET_DIR:-target}/nextest/canary/junit.xml" "$captured/nextest-junit.xml"
  if [ "$status" != 0 ]; then exit "$status"; fi
  cargo test --workspace --doc --quiet 2>&1 | tee "$captured/doctests.log"
else
  cargo test --workspace --no-fail-fast -- --test-threads 2 --show-output 2>&1 | tee "$captured/cargo-test.log"
fi

cargo build -q -p polku-cli && for d in kill disk-full db-down flood; do scripts/drill-$d.sh --short "${CARGO_TARGET_DIR:-target}/debug/polku"; done  # fault drills, short forms (docs/SECURITY.md, Drills)

if [ -x scripts/test-matching-oracle.sh ]; then
  scripts/test-matching-oracle.sh
fi

# Every report figure against DuckDB on two random datasets (and PostgreSQL when set).
if [ -x scripts/test-reports-oracle.sh ]; then
  scripts/test-reports-oracle.sh 2
fi

# The Europass XML CV against the vendored v3.4.0 XSD (installs xmlschema in a venv).
scripts/europass-xsd.sh

# The browser suite (installs Debian's chromium and the npm packages on first use).
scripts/e2e.sh

# R32: no canary and no identity code in anything captured above.
scripts/canary-scan.py "$captured"

# Property-based API checks against the served OpenAPI document, as each role and without a
# token (R54).
scripts/api-fuzz.sh

# Every cargo-fuzz target for 20 s on its committed corpus (R55; installs cargo-fuzz).
scripts/fuzz.sh
