"""Allocation peer and oracle: OR-Tools' min-cost flow on an instance written by the engine.

Usage: python alloc_ortools.py INSTANCE.bin [--expect OBJECTIVE]
Prints one JSON line: {"objective", "seconds" (solve only), "build_seconds", "assigned", "status"}.

The instance (little-endian u64/i64): people n, openings m, arcs k; capacities[m];
starts[n+1]; heads[k]; weights[k]. Network: every person supplies one unit that flows either to
an opening (cost -weight) or straight to the sink (stays unassigned, cost 0); every opening sends
up to its capacity to the sink. The maximum total weight is minus the minimum cost.
"""
import json
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def load(path):
    raw = np.fromfile(path, dtype="<i8")
    n, m, k = (int(x) for x in raw[:3])
    at = 3
    caps = raw[at : at + m]; at += m
    starts = raw[at : at + n + 1]; at += n + 1
    heads = raw[at : at + k]; at += k
    weights = raw[at : at + k]
    return n, m, caps, starts, heads, weights


def solve(n, m, caps, starts, heads, weights):
    t0 = time.perf_counter()
    sink = n + m
    tails = np.repeat(np.arange(n, dtype=np.int64), np.diff(starts))
    people = np.arange(n, dtype=np.int64)
    openings = np.arange(m, dtype=np.int64)
    tail = np.concatenate([tails, people, n + openings])
    head = np.concatenate([n + heads, np.full(n, sink), np.full(m, sink)])
    cap = np.concatenate([np.ones(len(heads), dtype=np.int64), np.ones(n, dtype=np.int64), caps])
    cost = np.concatenate([-weights, np.zeros(n, dtype=np.int64), np.zeros(m, dtype=np.int64)])
    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(tail, head, cap, cost)
    supplies = np.zeros(n + m + 1, dtype=np.int64)
    supplies[:n] = 1
    supplies[sink] = -n
    smcf.set_nodes_supplies(np.arange(n + m + 1, dtype=np.int64), supplies)
    t1 = time.perf_counter()
    status = smcf.solve()
    t2 = time.perf_counter()
    flows = smcf.flows(np.arange(len(heads), dtype=np.int64))
    return {
        "objective": -int(smcf.optimal_cost()) if status == smcf.OPTIMAL else None,
        "seconds": t2 - t1,
        "build_seconds": t1 - t0,
        "assigned": int(flows.sum()),
        "status": int(status),
    }


def main():
    path = sys.argv[1]
    out = solve(*load(path))
    if "--expect" in sys.argv:
        expect = int(sys.argv[sys.argv.index("--expect") + 1])
        out["expected"] = expect
        out["match"] = out["objective"] == expect
    print(json.dumps(out))
    if out.get("match") is False:
        sys.exit(1)


if __name__ == "__main__":
    main()
