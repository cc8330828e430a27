#!/usr/bin/env bash
# Drill: the database goes down under load. PostgreSQL (a private throw-away cluster, never the
# shared one) is stopped with an immediate shutdown while readers and writers call the API:
# answers must be 503 with Retry-After (never 500), and the service must recover without a
# restart of `polku serve` when the database is back. Prints the answers and recovery times.
# Usage: scripts/drill-db-down.sh [--short] [path-to-polku-binary]
source "$(dirname "$0")/drills/common.sh"
# The short form keeps the database down longer than the pool's 15 s wait for a connection, so
# requests sent meanwhile must end in 503 rather than wait it out.
if [ "$short" = 1 ]; then args=(--rounds 1 --up 3 --down 20); else args=(--rounds 3 --up 10 --down 30); fi
"${drill[@]}" db-down "${args[@]}"
