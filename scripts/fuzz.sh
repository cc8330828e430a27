#!/usr/bin/env bash
# Runs every fuzz target (fuzz/, cargo-fuzz + libFuzzer) for a bounded time on its committed
# corpus: `scripts/fuzz.sh [SECONDS_PER_TARGET]` (default 20). The test command runs it; a
# crash, a failed invariant or an input slower than 10 s fails it, and the input that did it is
# kept under fuzz/artifacts/TARGET/ (docs/SECURITY.md, "Fuzzing", says how to replay it).
#
# Only stable Rust is installed: RUSTC_BOOTSTRAP=1 lets it take the nightly flags cargo-fuzz
# passes (-Zsanitizer=address, coverage instrumentation). Installs cargo-fuzz when missing.
# New inputs found here go to a scratch directory: the committed corpus changes only when a
# person minimises a long run into it (`cargo fuzz cmin`, docs/SECURITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-20}"
targets=(ids engine esco_csv form)
export RUSTC_BOOTSTRAP=1

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# One build of all targets (release, debug assertions and overflow checks on), in fuzz/target.
cargo fuzz build --debug-assertions

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=0
passed=0
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t" "fuzz/artifacts/$t"
  log="$scratch/$t.log"
  echo "fuzz: $t for ${secs} s"
  if cargo fuzz run --debug-assertions "$t" "$scratch/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 >"$log" 2>&1; then
    passed=$((passed + 1))
    # The closing figures: runs, coverage, corpus.
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/  $t: /" || true
    grep -E '#[0-9]+ +DONE' "$log" | tail -1 | sed "s/^/  $t: /" || true
  else
    failed=$((failed + 1))
    echo "fuzz: $t FAILED; the last lines of its log:" >&2
    tail -40 "$log" >&2
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
