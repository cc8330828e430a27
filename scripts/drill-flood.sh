#!/usr/bin/env bash
# Drill: floods. Slowloris (connections sending headers byte by byte), oversized bodies and
# fields, and sign-in and activation floods, while a well-behaved user reads its caseload.
# Prints that user's p50/p95 latency without and with the flood; fails when the p95 during the
# flood exceeds the target (500 ms: docs/SECURITY.md, "Drills", says why) or any of its
# requests fails.
# Usage: scripts/drill-flood.sh [--short] [path-to-polku-binary]
source "$(dirname "$0")/drills/common.sh"
if [ "$short" = 1 ]; then args=(--seconds 8 --slow-conns 150); else args=(--seconds 60 --slow-conns 300); fi
"${drill[@]}" flood "${args[@]}"
