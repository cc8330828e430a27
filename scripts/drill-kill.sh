#!/usr/bin/env bash
# Drill: kill -9 under write load, on SQLite and on PostgreSQL (a private throw-away cluster on
# a free port, never the shared one; restarted with an immediate shutdown every third kill).
# Writers create participants and plan steps through the API; `polku serve` is killed with
# SIGKILL at random moments and restarted on the same database; then every write acknowledged
# with 2xx is read back and compared, `polku audit verify` must pass, and it prints
# `acknowledged N, lost 0` for each database (exit 1 if anything is lost).
# Usage: scripts/drill-kill.sh [--short] [path-to-polku-binary]   (full: 20 kills; short: 3)
source "$(dirname "$0")/drills/common.sh"
if [ "$short" = 1 ]; then kills=3; gap=(--min-gap 0.5 --max-gap 1.5); else kills=20; gap=(--min-gap 0.5 --max-gap 3); fi
status=0
"${drill[@]}" kill --db sqlite --kills "$kills" "${gap[@]}" || status=1
"${drill[@]}" kill --db postgres --kills "$kills" "${gap[@]}" || status=1
exit $status
