#!/usr/bin/env bash
# National-scale benchmark of the matching engine against its peers, in one run:
#   1. builds the engine's benchmark (release), which measures the machine's memory bandwidth,
#      generates the seeded dataset (13,939 ESCO skills, 309 municipalities in 19 regions,
#      100,000 employers, 200,000 openings, 1,000,000 tasks, 300,000 participants), indexes
#      it and measures every figure of issue 3, and exports the compiled dataset;
#   2. runs the NumPy peer (the same explained answers, checked against the engine's, and scores
#      only) and the PostgreSQL peer on the same participants' queries;
#   3. runs OR-Tools' min-cost flow on the same allocation instances;
#   4. prints a table with the targets and the ratios.
# Usage: bench/compare.sh [--scale F] [--queries N] [--pg-queries N] [--no-pg]
# Needs: cargo; python3 (a venv with numpy, ortools, psycopg2-binary is created by bench/venv.sh);
# PostgreSQL on 127.0.0.1:5432, user postgres, database test (schema polku_bench, dropped after).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale=1; queries=2000; pg_queries=200; pg=1
numpy_queries=500
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2;;
    --queries) queries="$2"; shift 2;;
    --pg-queries) pg_queries="$2"; shift 2;;
    --no-pg) pg=0; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
out="${POLKU_BENCH_OUT:-$CARGO_TARGET_DIR/bench-national}"
mkdir -p "$out"
venv="$("$root/bench/venv.sh")"
echo "== building the engine benchmark (release)" >&2
(cd "$root" && cargo bench -j 2 -p polku-matching --bench national --no-run >&2)
bin="$(cd "$root" && cargo bench -j 2 -p polku-matching --bench national --no-run --message-format=json 2>/dev/null \
  | "$venv/bin/python" -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "national":
        print(m["executable"])')"
echo "== engine ($bin)" >&2
flags=()
[ "$pg" = 1 ] || flags+=(--no-pg)
"$bin" --scale "$scale" --queries "$queries" --explained "$numpy_queries" --out "$out" "${flags[@]}" > "$out/ours.stdout"
echo "== NumPy peer" >&2
"$venv/bin/python" "$root/bench/peers/numpy_peer.py" "$out" --queries "$numpy_queries" > "$out/numpy.json"
if [ "$pg" = 1 ]; then
  echo "== PostgreSQL peer" >&2
  "$venv/bin/python" "$root/bench/peers/pg_peer.py" "$out" --queries "$pg_queries" > "$out/pg.json"
fi
echo "== OR-Tools min-cost flow" >&2
for n in 10000 100000; do
  expect="$("$venv/bin/python" -c "import json; print(json.load(open('$out/ours.json'))['alloc_$n']['objective'])")"
  "$venv/bin/python" "$root/bench/peers/alloc_ortools.py" "$out/alloc_$n.bin" --expect "$expect" > "$out/ortools_$n.json" || true
done
"$venv/bin/python" "$root/bench/report.py" "$out"
