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

if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast --test-threads 2
  cargo test --workspace --doc --quiet
else
  cargo test --workspace --no-fail-fast -- --test-threads 2
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

# Property-based API checks against the served OpenAPI document, as each role and without a
# token (R54).
scripts/api-fuzz.sh

# Every cargo-fuzz target for 20 s on its committed corpus (R55; installs cargo-fuzz).
scripts/fuzz.sh
