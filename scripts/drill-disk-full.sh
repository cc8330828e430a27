#!/usr/bin/env bash
# Drill: disk full. SQLite on a tmpfs with a size limit (needs root to mount); the filesystem is
# filled while the server runs. Writes must answer 503 `storage_full` with Retry-After (API) and
# a page saying nothing was saved (browser); nothing refused may appear later; writes resume by
# themselves when the filler is removed; `polku integrity` and `polku audit verify` pass.
# Usage: scripts/drill-disk-full.sh [--short] [path-to-polku-binary]
source "$(dirname "$0")/drills/common.sh"
if [ "$short" = 1 ]; then writes=10; else writes=100; fi
"${drill[@]}" disk-full --writes "$writes"
