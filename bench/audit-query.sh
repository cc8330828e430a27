#!/usr/bin/env bash
# R45 breach support, measured: builds a SQLite database with about 100,000 audit entries (demo
# data, then caseload listings, which log one entry per participant listed) and times
# `polku audit query` by subject, by actor and by time window. Prints entries found and seconds.
# Usage: bench/audit-query.sh [path-to-polku-binary] [participants]   (default 10000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin=${1:-}
if [ -z "$bin" ]; then
  (cd "$root" && cargo build -q --release -p polku-cli)
  bin="${CARGO_TARGET_DIR:-$root/target}/release/polku"
fi
n=${2:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
p() { "$bin" --database "sqlite://$work/polku.db" --keys-file "$work/keys.toml" "$@"; }
p migrate >/dev/null 2>&1
p demo --participants "$n" --employers 200 >/dev/null
projects=$(p list projects | cut -f1)
rounds=0
count() { p audit query --from 2000-01-01 --limit 100000 2>&1 >/dev/null | cut -d' ' -f1; }
while [ "$(count)" -lt 100000 ] && [ $rounds -lt 40 ]; do
  for code in $projects; do p list participants --project "$code" >/dev/null; done
  rounds=$((rounds + 1))
done
entries=$(count)
subject=$(p list participants --project "$(echo "$projects" | head -1)" | head -1 | cut -f1)
time_it() {
  local label=$1; shift
  local start end found
  start=$(date +%s%N)
  found=$(p audit query "$@" 2>&1 >/dev/null | cut -d' ' -f1)
  end=$(date +%s%N)
  printf '%-44s %8s entries  %6d ms (whole command: start, query, print)\n' "$label" "$found" $(((end - start) / 1000000))
}
echo "audit log: $entries entries or more ($n participants)"
time_it "who accessed one participant" --subject "$subject"
time_it "whom one actor accessed (all of it)" --actor system:list
time_it "everything in a one-hour window" --from "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" --to "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)"
