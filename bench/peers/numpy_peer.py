"""NumPy peer: participant -> top-20 openings with the engine's scoring, vectorised.

Usage: python numpy_peer.py DATA_DIR [--queries N]
Reads the arrays the benchmark exported (the same compiled dataset the engine indexed), runs the
sampled participants' queries and prints one JSON line with p50/p99 latencies and how many
top-20 lists agree with the engine's (`ours_person_results.json`).

Written to be fast in NumPy terms: openings are grouped by municipality (a query slices only the
municipalities the person accepts), every step is a vectorised array operation, per-task values
are aggregated per opening with bincount, and the top 20 come from argpartition. The score is the
engine's, part by part (docs/matching.md), including rounding to millionths.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np


class Data:
    def __init__(self, d: Path):
        f = lambda name, dt: np.fromfile(d / name, dtype=dt)  # noqa: E731
        self.meta = json.loads((d / "meta.json").read_text())
        self.w = np.array(self.meta["weights"], dtype=np.float64)
        acc = np.array(self.meta["acc_cost"], dtype=np.int64)  # [22][5], -1: none
        self.acc = np.where(acc < 0, 0, acc)
        self.cap = f("people_cap.u8", np.uint8).reshape(-1, 22).astype(np.int16)
        self.capplus = f("people_capplus.u8", np.uint8).reshape(-1, 22)
        self.na = f("people_na.u32", np.uint32)
        self.hours = f("people_hours.u8", np.uint8).reshape(-1, 2)
        self.days = f("people_days.u8", np.uint8)
        self.cannot = f("people_cannot.u8", np.uint8)
        self.plang = f("people_lang.u8", np.uint8).reshape(-1, 3)
        self.pskill_off, self.pskill = f("people_skill_off.u32", np.uint32), f("people_skill.u32", np.uint32)
        self.pgoal_off, self.pgoal = f("people_goal_off.u32", np.uint32), f("people_goal.u32", np.uint32)
        self.pacc_off, self.pacc = f("people_accept_off.u32", np.uint32), f("people_accept.u32", np.uint32)
        self.by_muni = f("open_by_muni.u32", np.uint32).astype(np.int64)
        self.o_hours = f("open_hours.u16", np.uint16)
        self.o_days = f("open_days.u8", np.uint8)
        self.o_sched = f("open_sched.u8", np.uint8)
        self.o_lang = f("open_lang.u8", np.uint8).reshape(-1, 3)
        self.o_demand = f("open_demand.u8", np.uint8).reshape(-1, 22)
        self.o_employer = f("open_employer.u32", np.uint32)
        self.o_task_off = f("open_task_off.u32", np.uint32).astype(np.int64)
        self.o_task = f("open_task.u32", np.uint32).astype(np.int64)
        self.ready = f("employer_ready.u32", np.uint32).astype(np.int64)
        self.t_hours = f("task_hours.u8", np.uint8).astype(np.float64)
        self.t_lang = f("task_lang.u8", np.uint8).reshape(-1, 3).astype(np.int16)
        self.t_demand = f("task_demand.u8", np.uint8).reshape(-1, 22).astype(np.int16)
        self.t_learn = f("task_learnable.u8", np.uint8).astype(bool)
        self.t_occ = f("task_occ.u32", np.uint32)
        self.ess_off = f("task_ess_off.u32", np.uint32).astype(np.int64)
        self.ess = f("task_ess.u32", np.uint32)
        self.opt_off = f("task_opt_off.u32", np.uint32).astype(np.int64)
        self.opt = f("task_opt.u32", np.uint32)
        self.ess_len = np.diff(self.ess_off)
        self.opt_len = np.diff(self.opt_off)
        self.t_ndem = (self.t_demand > 0).sum(1)
        self.nskills = int(self.meta["skills"])
        self.dims = np.arange(22)


def segments(off, lens, rows):
    """Flattened positions of the CSR rows `rows` and the row number of each position."""
    l = lens[rows]
    owner = np.repeat(np.arange(len(rows)), l)
    start = np.repeat(off[rows] - (np.cumsum(l) - l), l)
    return start + np.arange(l.sum()), owner, l


def query(d: Data, p: int, k: int = 20):
    ms = d.pacc[d.pacc_off[p] : d.pacc_off[p + 1]]
    cand = np.concatenate([np.arange(d.by_muni[m], d.by_muni[m + 1]) for m in ms])
    h = d.o_hours[cand]
    ok = (
        (h >= d.hours[p, 0])
        & (h <= d.hours[p, 1])
        & (d.o_days[cand] <= d.days[p])
        & ((d.o_sched[cand] & d.cannot[p]) == 0)
        & (d.o_lang[cand] <= d.plang[p]).all(1)
        & (d.o_demand[cand] <= d.capplus[p]).all(1)
    )
    c = cand[ok]
    if len(c) == 0:
        return []
    cap = d.cap[p]
    assessed = ((int(d.na[p]) >> d.dims) & 1) == 0
    gaps = np.maximum(d.o_demand[c].astype(np.int16) - cap, 0)
    cost = d.acc[d.dims, gaps].sum(1)
    # Tasks of the candidate openings.
    cnt = d.o_task_off[c + 1] - d.o_task_off[c]
    owner = np.repeat(np.arange(len(c)), cnt)
    pos = np.repeat(d.o_task_off[c] - (np.cumsum(cnt) - cnt), cnt) + np.arange(cnt.sum())
    tk = d.o_task[pos]
    th = d.t_hours[tk]
    mask = np.zeros(d.nskills, dtype=np.float64)
    mask[d.pskill[d.pskill_off[p] : d.pskill_off[p + 1]]] = 1.0
    nt = len(tk)
    epos, eown, el = segments(d.ess_off, d.ess_len, tk)
    eh = np.bincount(eown, weights=mask[d.ess[epos]], minlength=nt)
    opos, oown, ol = segments(d.opt_off, d.opt_len, tk)
    oh = np.bincount(oown, weights=mask[d.opt[opos]], minlength=nt)
    ess = np.where(el == 0, 1.0, eh / np.maximum(el, 1))
    opt = np.where(ol == 0, 1.0, oh / np.maximum(ol, 1))
    learn = np.where(d.t_learn[tk], 1.0, ess)
    req = d.t_lang[tk]
    credit = np.minimum(1.0, 0.5 + 0.25 * np.maximum(d.plang[p].astype(np.int16) - req, 0))
    lang = np.where(req > 0, credit, 1.0).min(1)
    dem = d.t_demand[tk]
    quarters = np.where(
        (dem > 0) & assessed, np.where(cap >= dem, np.minimum(4, 2 + (cap - dem)), 1), 0
    ).sum(1)
    n = d.t_ndem[tk]
    func = np.where(n == 0, 1.0, (quarters / 4.0) / np.maximum(n, 1))
    goals = d.pgoal[d.pgoal_off[p] : d.pgoal_off[p + 1]]
    goal = np.isin(d.t_occ[tk], goals).astype(np.float64)
    hours = np.maximum(np.bincount(owner, weights=th, minlength=len(c)), 1.0)
    micro = np.zeros((len(c), 8), dtype=np.int64)
    for j, x in enumerate((ess, opt, learn, lang, func)):
        micro[:, j] = np.floor(d.w[j] * np.bincount(owner, weights=th * x, minlength=len(c)) / hours + 0.5)
    micro[:, 5] = (int(d.w[5]) * 1000) // (1000 + cost)
    micro[:, 6] = np.floor(d.w[6] * np.bincount(owner, weights=th * goal, minlength=len(c)) / hours + 0.5)
    micro[:, 7] = d.ready[d.o_employer[c]]
    score = micro.sum(1)
    to_check = ((d.o_demand[c] > 0) & ~assessed).sum(1)
    key = score * 256 + (255 - to_check)
    kk = min(k, len(c))
    top = np.argpartition(-key, kk - 1)[:kk]
    order = np.lexsort((c[top], -key[top]))
    top = top[order]
    return [(int(c[i]), int(score[i]), micro[i].tolist()) for i in top]


def main():
    d = Path(sys.argv[1])
    nq = int(sys.argv[sys.argv.index("--queries") + 1]) if "--queries" in sys.argv else 500
    data = Data(d)
    ours = json.loads((d / "ours_person_results.json").read_text())[:nq]
    times, agree = [], 0
    for r in ours:
        t = time.perf_counter()
        top = query(data, r["person"])
        times.append(time.perf_counter() - t)
        if [s for _, s, _ in top] == [s for _, s in r["top"]]:
            agree += 1
    times.sort()
    print(json.dumps({
        "peer": "numpy", "queries": len(times),
        "p50_ms": times[len(times) // 2] * 1e3,
        "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))] * 1e3,
        "agree": agree,
    }))


if __name__ == "__main__":
    main()
