#!/usr/bin/env bash
# Checks the matching engine's exact allocation against an independent solver: OR-Tools'
# min-cost flow (PyPI `ortools`, installed in a virtual environment by bench/venv.sh).
# Usage: scripts/test-matching-oracle.sh [COUNT] [SEED]   — exits non-zero on any mismatch.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-300}"
seed="${2:-$RANDOM}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
venv="$("$root/bench/venv.sh")"
out="$(mktemp -d "${TMPDIR:-/tmp}/polku-oracle.XXXXXX")"
trap 'rm -rf "$out"' EXIT
echo "oracle: $count random instances, seed $seed"
cargo run --quiet --release -j 2 -p polku-matching --example alloc_instances -- "$out" "$count" "$seed"
"$venv/bin/python" "$root/bench/peers/oracle_check.py" "$out/manifest.json"
