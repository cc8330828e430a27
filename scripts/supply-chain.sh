#!/usr/bin/env bash
# Supply-chain checks (R58, docs/SECURITY.md "Supply chain"): `cargo deny` on the workspace's and
# the fuzz targets' Cargo.lock with deny.toml: advisories, licences, bans (duplicate versions
# warn), sources (crates.io only). Offline: the advisories come from the committed snapshot
# supply-chain/advisory-db/ (refreshed by scripts/refresh-advisories.sh), whose commit and date
# are printed; nothing is fetched. Installs cargo-deny when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

deny_version=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q "$deny_version"; then
  cargo install cargo-deny --locked --version "$deny_version"
fi

snap=supply-chain/advisory-db
# shellcheck disable=SC1091
. "$snap/SNAPSHOT" 2>/dev/null || { echo "supply-chain: $snap/SNAPSHOT is missing" >&2; exit 1; }
age_days=$(( ($(date +%s) - $(date -d "$date" +%s)) / 86400 ))
echo "supply-chain: advisory database snapshot $commit of $date ($advisories advisories, $age_days days old)"
if [ "$age_days" -gt 90 ]; then
  echo "supply-chain: WARNING: the snapshot is over 90 days old; refresh it (docs/SECURITY.md, Supply chain)." >&2
fi

# cargo-deny reads a database only from a git checkout in its db-path, under a name derived
# from the URL in deny.toml (cargo-deny 0.20: `advisory-db-` and a hash of the URL). The
# checkout is made from the snapshot, dated as the snapshot: its fetch time is the snapshot's
# date, so cargo-deny's own staleness limit (deny.toml, maximum-db-staleness) applies to it.
export POLKU_ADVISORY_DBS
POLKU_ADVISORY_DBS="$(mktemp -d)"
trap 'rm -rf "$POLKU_ADVISORY_DBS"' EXIT
db="$POLKU_ADVISORY_DBS/advisory-db-3157b0e258782691"
mkdir -p "$db"
cp -r "$snap/crates" "$db/"
(
  cd "$db"
  git init -q
  git add crates
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
    git -c user.name=snapshot -c user.email=snapshot@localhost commit -q -m "advisory-db $commit"
  touch -d "$date" .git/HEAD
)

for manifest in Cargo.toml fuzz/Cargo.toml; do
  echo "supply-chain: cargo deny on $manifest"
  # `--offline` also keeps cargo metadata off the network: have the locked crates (crates.io is
  # reachable; on a fresh machine this runs before any build has downloaded them).
  cargo fetch --locked --manifest-path "$manifest" --quiet
  cargo deny --offline --manifest-path "$manifest" check \
    advisories licenses bans sources
done
echo "supply-chain: advisories, licences, bans and sources ok"
