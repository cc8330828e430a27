#!/usr/bin/env bash
# Refreshes the committed snapshot of the RustSec advisory database (supply-chain/advisory-db/)
# that scripts/supply-chain.sh checks Cargo.lock against offline (CI has no network to the
# database's git host). `scripts/refresh-advisories.sh SOURCE`, where SOURCE is a git clone or a
# bare mirror of https://github.com/rustsec/advisory-db (e.g. `git clone --bare` of it).
# Copies every crates.io advisory (crates/, about 1.3 MB: a dependency added later is covered
# too) and the database's licence, and records the commit and its date in SNAPSHOT; commit the
# result. docs/SECURITY.md, "Supply chain".
set -euo pipefail
cd "$(dirname "$0")/.."

src="${1:?usage: scripts/refresh-advisories.sh ADVISORY_DB_GIT_DIR}"
git_src=(git --git-dir "$src")
[ -d "$src/.git" ] && git_src=(git --git-dir "$src/.git")
commit="$("${git_src[@]}" rev-parse HEAD)"
date="$("${git_src[@]}" show -s --format=%cI HEAD)"

out=supply-chain/advisory-db
rm -rf "$out"
mkdir -p "$out"
"${git_src[@]}" archive --format=tar HEAD crates LICENSE.txt | tar -x -C "$out"
cat >"$out/SNAPSHOT" <<SNAP
source=https://github.com/rustsec/advisory-db
commit=$commit
date=$date
advisories=$(find "$out/crates" -name '*.md' | wc -l)
SNAP
cat "$out/SNAPSHOT"
