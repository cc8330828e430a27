#!/usr/bin/env bash
# Drill: backup under write load (R51), on SQLite and on PostgreSQL (a private throw-away
# cluster). Writers create participants and plan steps through the API; meanwhile the writes
# acknowledged so far are recorded and `polku backup` runs (SQLite `VACUUM INTO`, PostgreSQL
# `pg_dump -Fc`), and on PostgreSQL also `pg_basebackup`, checked with `pg_verifybackup`. A
# participant acknowledged before the backup is then erased. Each backup is restored into a
# fresh location (`polku restore --live-unreadable` with a copy of the key file and its
# tombstone file; the base backup started as a cluster of its own), `polku integrity` and
# `polku audit verify` must pass, every write acknowledged before the backup started must read
# back, and the erased participant must stay erased. Exit 1 if anything fails.
# Usage: scripts/drill-backup.sh [--short] [path-to-polku-binary]   (full: 10 s of load first; short: 3 s)
source "$(dirname "$0")/drills/common.sh"
if [ "$short" = 1 ]; then args=(--warmup 3 --after 1 --threads 2); else args=(--warmup 10 --after 3); fi
status=0
"${drill[@]}" backup --db sqlite "${args[@]}" || status=1
"${drill[@]}" backup --db postgres "${args[@]}" || status=1
exit $status
