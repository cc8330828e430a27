"""NumPy peer: participant -> top-20 openings with the engine's scoring, vectorised, and the same
explained answer as the engine's.

Usage: python numpy_peer.py DATA_DIR [--queries N]
Reads the arrays the benchmark exported (the same compiled dataset the engine indexed), runs the
sampled participants' queries and prints one JSON line:
- scores only (`p50_ms`, `p99_ms`, `agree`): the top 20 with their scores and parts; `agree`
  counts the top-20 lists (openings and scores, in order) equal to the engine's
  (`ours_person_results.json`);
- explained, as codes and figures (`*_codes`) and with English sentences (`*_text`): the same
  query, then the whole answer the engine gives (`{"participant", "results": [...]}` with every
  result's parts, explanation items and their figures, fits, to-check items, accommodations,
  their cost and subsidies, the pay subsidy, hours and tasks) built as Python objects and
  written with `json.dumps`, timed from the query to the text. `agree_*` counts the answers
  whose JSON equals the engine's (`ours_person_explained_{codes,text}.jsonl`, compared after
  `json.loads`), `same_bytes_*` those that are identical byte for byte.

Written to be fast in NumPy terms: openings are grouped by municipality (a query slices only the
municipalities the person accepts), every step is a vectorised array operation, per-task values
are aggregated per opening with bincount, and the top 20 come from argpartition. The score is the
engine's, part by part (docs/matching.md), including rounding to millionths. The explanation
reuses the per-task arrays of the scoring, sums the figures of the 20 results in one matrix
product, and takes everything that depends only on the dataset (ids, names, labels, the
accommodation table, the subsidy rules in force) from lookups built at load time; only the
answer's objects are built per query.
"""
import datetime
import json
import math
import sys
import time
from pathlib import Path
from typing import NamedTuple

import numpy as np

REPO = Path(__file__).resolve().parents[2]
PAID = ("job", "apprenticeship", "gig")  # kinds with a pay subsidy (not trials)
LANG_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
PART_NAMES = ("essential_skills", "optional_skills", "learnable_gaps", "language_margin",
              "functioning_margin", "accommodation_cost", "goal_fit", "employer_readiness")


def lang_name(code):
    return LANG_NAMES.get(code) or f"language {code}"


def round2(x):
    """Rounded to cents, halves away from zero (Rust's `f64::round`; x ≥ 0)."""
    y = x * 100.0
    f = math.floor(y)
    return (f + 1.0 if y - f >= 0.5 else f) / 100.0


def rules_in_force(today):
    """The subsidy rules in force on `today` by key (data/subsidy-rules.json, as the engine)."""
    rules = json.loads((REPO / "data" / "subsidy-rules.json").read_text())["rules"]
    out = {}
    for r in rules:
        start = datetime.date.fromisoformat(r["valid_from"])
        end = r["valid_to"] and datetime.date.fromisoformat(r["valid_to"])
        if start <= today and (end is None or today <= end) and r["key"] not in out:
            out[r["key"]] = r
    return out


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
        if (d / "people_id.json").exists():
            self.load_explain(d, f)

    def load_explain(self, d, f):
        """What the explained answer prints, and lookups that depend only on the dataset."""
        m = self.meta
        strings = lambda name: json.loads((d / name).read_text())  # noqa: E731
        self.people_id = strings("people_id.json")
        self.open_id = strings("open_id.json")
        self.open_title = strings("open_title.json")
        self.employer_id = strings("employer_id.json")
        self.task_id = strings("task_id.json")
        self.task_title = strings("task_title.json")
        self.task_hours = f("task_hours.u8", np.uint8).tolist()
        self.p_reduced = f("people_reduced.u8", np.uint8).astype(bool)
        self.o_kind = f("open_kind.u8", np.uint8)
        self.o_muni = f("open_muni.u32", np.uint32)
        self.o_wage = f("open_wage.u32", np.uint32)
        self.e_mentor = f("employer_mentor.u8", np.uint8).astype(bool)
        self.e_trials = f("employer_trials.u8", np.uint8).astype(bool)
        self.kinds = m["kinds"]
        self.paid_kind = np.array([k in PAID for k in self.kinds])
        self.muni_names = m["municipality_names"]
        self.languages = m["languages"]
        self.cefr = m["cefr"]
        self.dim_keys = m["dimensions"]
        self.max_points = [w / 1e6 for w in m["weights"]]
        self.today = datetime.date.fromisoformat(m["today"])
        rules = rules_in_force(self.today)
        # Accommodations: the cheapest one per (dimension, gap), lowest index on ties, as the
        # engine's cover when each accommodation relieves one dimension (the benchmark's do).
        accs = m["accommodations"]
        relieves = np.array([a["relieves"] for a in accs], dtype=np.int64).reshape(-1, 22)
        if ((relieves > 0).sum(1) > 1).any():
            raise SystemExit("numpy peer: an accommodation relieves several dimensions")
        self.acc_ids = [a["id"] for a in accs]
        pick = np.full((22, 5), -1, dtype=np.int64)
        for dim in range(22):
            for g in range(1, 5):
                best = [(a["cost_eur"], i) for i, a in enumerate(accs) if a["relieves"][dim] >= g]
                if best:
                    pick[dim, g] = min(best)[1]
        self.acc_pick = pick
        self.acc_subsidy = []
        for a in accs:
            key = a["subsidy"]
            rule = rules.get(key) if key is not None else None
            self.acc_subsidy.append(None if key is None else {
                "accommodation": a["id"], "cost_eur": a["cost_eur"], "subsidy": key,
                "label": rule["label"]["en"] if rule else None,
                "cap_eur_total": rule["cap_eur_total"] if rule else None,
                "in_force": rule is not None,
            })
        # Pay subsidy by "reduced work ability": rule key and the rule in force (or None).
        self.pay_rule = []
        for key in ("palkkatuki.general", "palkkatuki.reduced_capacity"):
            self.pay_rule.append((key, rules.get(key)))
        # English labels of the dimensions (as they are and in lower case), for the sentences.
        cat = {x["key"]: x["label"]["en"]
               for x in json.loads((REPO / "data" / "functioning-dimensions.json").read_text())}
        self.dim_label = [cat.get(k, k) for k in self.dim_keys]
        self.dim_lower = [x.lower() for x in self.dim_label]


def segments(off, lens, rows):
    """Flattened positions of the CSR rows `rows` and the row number of each position."""
    l = lens[rows]
    owner = np.repeat(np.arange(len(rows)), l)
    start = np.repeat(off[rows] - (np.cumsum(l) - l), l)
    return start + np.arange(l.sum()), owner, l


class Scored(NamedTuple):
    """A query's top `k` and the arrays behind it: per candidate opening (`c`, `score`,
    `micro`: the parts, `gaps`, `cost`: accommodation cost) and per task of the candidates
    (`owner`: the candidate's row, `tk`: the task, `th`: hours, `eh`/`el`, `oh`/`ol`: essential
    and optional skills had / asked, `req`: language ranks, `dem`: demands, `goal`), and the
    person's `cap` and `assessed` dimensions."""

    top: np.ndarray
    c: np.ndarray
    score: np.ndarray
    micro: np.ndarray
    gaps: np.ndarray
    cost: np.ndarray
    owner: np.ndarray
    tk: np.ndarray
    th: np.ndarray
    eh: np.ndarray
    el: np.ndarray
    oh: np.ndarray
    ol: np.ndarray
    req: np.ndarray
    dem: np.ndarray
    goal: np.ndarray
    cap: np.ndarray
    assessed: np.ndarray


def scored(d: Data, p: int, k: int = 20):
    """The top `k` feasible openings of person `p` (rows of `c`, best first) with the arrays
    behind their scores, or None when nothing is feasible."""
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
        return None
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
    goal = np.isin(d.t_occ[tk], goals)
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
    # Every candidate at least as good as the k-th, so ties at the cut go to the lower opening
    # index as in the engine, then the first k in rank order.
    kth = np.partition(key, len(c) - kk)[len(c) - kk]
    top = np.flatnonzero(key >= kth)
    order = np.lexsort((c[top], -key[top]))
    top = top[order[:kk]]
    return Scored(top, c, score, micro, gaps, cost, owner, tk, th, eh, el, oh, ol, req, dem, goal, cap, assessed)


def query(d: Data, p: int, k: int = 20):
    """Scores only: (opening, score, parts in millionths) of the top `k`."""
    s = scored(d, p, k)
    if s is None:
        return []
    top, c, score, micro = s.top, s.c, s.score, s.micro
    return [(int(c[i]), int(score[i]), micro[i].tolist()) for i in top]


def answer(d: Data, p: int, words: bool, k: int = 20) -> str:
    """The engine's explained answer for person `p` as JSON text (with the English sentences
    when `words`)."""
    s = scored(d, p, k)
    pid = d.people_id[p]
    if s is None:
        return dumps({"participant": pid, "results": []})
    top, c, score, micro, gaps, cost, owner, tk, th, eh, el, oh, ol, req, dem, goal, cap, assessed = s
    k = len(top)
    o = c[top]
    # The results' tasks, grouped by rank, each opening's in its order.
    rank = np.full(len(c), -1)
    rank[top] = np.arange(k)
    tr = rank[owner]
    sel = np.flatnonzero(tr >= 0)
    sel = sel[np.argsort(tr[sel], kind="stable")]
    rt = tr[sel]
    ns = len(sel)
    # Figures summed over each result's tasks in one product: essential and optional skills
    # (have, of), learnable missing skills, goal hours, demands, not assessed, spare capacity.
    dem_s = dem[sel]
    demanded = dem_s > 0
    eh_s, el_s = eh[sel], el[sel]
    feats = np.column_stack((
        eh_s, el_s, oh[sel], ol[sel],
        np.where(d.t_learn[tk[sel]], el_s - eh_s, 0),
        np.where(goal[sel], th[sel], 0),
        demanded.sum(1),
        (demanded & ~assessed).sum(1),
        (demanded & assessed & (cap > dem_s)).sum(1),
    ))
    onehot = np.zeros((k, ns))
    onehot[rt, np.arange(ns)] = 1.0
    figs = (onehot @ feats).astype(np.int64).tolist()
    # Lowest language margin of each result: the first (task, slot) in order with the lowest
    # margin over the required languages (a few dozen pairs: a plain loop beats a sort).
    req_s = req[sel]
    ti, slot = np.nonzero(req_s > 0)
    lowest = [None] * k
    r = req_s[ti, slot]
    margin = np.maximum(d.plang[p, slot].astype(np.int16) - r, 0)
    for i, mg, sl, rq in zip(rt[ti].tolist(), margin.tolist(), slot.tolist(), r.tolist()):
        low = lowest[i]
        if low is None or mg < low[0]:
            lowest[i] = (mg, sl, rq)
    lowest = [low and (low[0], d.languages[low[1]], d.cefr[low[2]]) for low in lowest]
    # Opening-level figures.
    points = (micro[top] / 1e6).tolist()
    scores = (score[top] / 1e6).tolist()
    costs = cost[top].tolist()
    emp = d.o_employer[o]
    emp_l = emp.tolist()
    mentor = d.e_mentor[emp].tolist()
    trials = d.e_trials[emp].tolist()
    kinds = d.o_kind[o].tolist()
    paid = (d.paid_kind[d.o_kind[o]] & (d.o_wage[o] != 0xFFFFFFFF)).tolist()
    wages = d.o_wage[o].tolist()
    o_hours = d.o_hours[o].tolist()
    o_days = d.o_days[o].tolist()
    munis = d.o_muni[o].tolist()
    o_l = o.tolist()
    lo, hi = d.hours[p].tolist()
    days_max = int(d.days[p])
    # Dimension items: demands of each result by kind.
    dem_o = d.o_demand[o].astype(np.int16)
    g = gaps[top]
    dem_ok = dem_o > 0
    managed = dem_ok & assessed & (cap >= dem_o)
    accommodated = g > 0
    check = dem_ok & ~assessed
    cap_l = cap.tolist()
    fits_acc = [[] for _ in range(k)]
    cover = [[] for _ in range(k)]
    ri, di = np.nonzero(accommodated)
    picks = d.acc_pick[di, g[ri, di]]
    for r, i, a, need in zip(ri.tolist(), di.tolist(), picks.tolist(), dem_o[ri, di].tolist()):
        # Each accommodation relieves one dimension: the one chosen for this gap closes it.
        cover[r].append(a)
        item = {"code": "accommodated", "dimension": d.dim_keys[i], "demand": need,
                "capacity": cap_l[i], "accommodations": [d.acc_ids[a]]}
        if words:
            item["text"] = (f"{d.dim_label[i]}: the work needs {need}, the person manages {cap_l[i]}; "
                            f"{d.acc_ids[a]} closes the gap.")
        fits_acc[r].append(item)
    fits_fun = [[] for _ in range(k)]
    fun_words = [[] for _ in range(k)]
    ri, di = np.nonzero(managed)
    for r, i, need in zip(ri.tolist(), di.tolist(), dem_o[ri, di].tolist()):
        fits_fun[r].append({"dimension": d.dim_keys[i], "demand": need, "capacity": cap_l[i]})
        if words:
            fun_words[r].append(f"{d.dim_lower[i]} {cap_l[i]} for {need}")
    checks = [[] for _ in range(k)]
    ri, di = np.nonzero(check)
    for r, i, need in zip(ri.tolist(), di.tolist(), dem_o[ri, di].tolist()):
        item = {"dimension": d.dim_keys[i], "demand": need}
        if words:
            item["text"] = f"{d.dim_label[i]} has not been assessed; the work needs level {need}. Check before proposing."
        checks[r].append(item)
    langs = [[] for _ in range(k)]
    has = d.plang[p].tolist()
    ri, si = np.nonzero(d.o_lang[o])
    for r, sl, rq in zip(ri.tolist(), si.tolist(), d.o_lang[o][ri, si].tolist()):
        item = {"code": "language", "language": d.languages[sl], "required": d.cefr[rq], "has": d.cefr[has[sl]]}
        if words:
            item["text"] = f"{lang_name(d.languages[sl])}: has {d.cefr[has[sl]]}, the work needs {d.cefr[rq]}."
        langs[r].append(item)
    starts = np.searchsorted(rt, np.arange(k + 1)).tolist()
    tks = tk[sel].tolist()
    pay_key, rule = d.pay_rule[int(d.p_reduced[p])]
    mp = d.max_points
    results = []
    for r in range(k):
        pt = points[r]
        eh_, et, oh_, ot, learnable, goal_hours, demands, unknown, spare = figs[r]
        low = lowest[r]
        acc_cost = costs[r]
        e = emp_l[r]
        explanation = [
            {"part": "essential_skills", "points": pt[0], "max": mp[0], "have": eh_, "of": et},
            {"part": "optional_skills", "points": pt[1], "max": mp[1], "have": oh_, "of": ot},
            {"part": "learnable_gaps", "points": pt[2], "max": mp[2], "missing": et - eh_, "learnable_on_job": learnable},
            {"part": "language_margin", "points": pt[3], "max": mp[3]} if low is None else
            {"part": "language_margin", "points": pt[3], "max": mp[3], "language": low[1], "required": low[2], "levels_above": low[0]},
            {"part": "functioning_margin", "points": pt[4], "max": mp[4], "demands": demands, "spare": spare, "not_assessed": unknown},
            {"part": "accommodation_cost", "points": pt[5], "max": mp[5], "cost_eur": acc_cost},
            {"part": "goal_fit", "points": pt[6], "max": mp[6], "goal_hours": goal_hours},
            {"part": "employer_readiness", "points": pt[7], "max": mp[7], "mentor": mentor[r], "trial_places": trials[r]},
        ]
        muni = d.muni_names[munis[r]]
        fits = [
            {"code": "hours", "hours_per_week": o_hours[r], "min": lo, "max": hi},
            {"code": "days", "days_per_week": o_days[r], "max": days_max},
            {"code": "municipality", "municipality": muni},
        ]
        fits += langs[r]
        fits += fits_acc[r]
        if fits_fun[r]:
            fits.append({"code": "functioning", "dimensions": fits_fun[r]})
        accs = sorted(cover[r])
        subsidy = None
        if paid[r]:
            subsidy = pay_subsidy(pay_key, rule, wages[r], o_hours[r])
        if words:
            explanation_text(explanation, low, et - eh_)
            fits[0]["text"] = f"{o_hours[r]} hours a week is within the person's {lo}–{hi}."
            fits[1]["text"] = f"{o_days[r]} days a week, at most {days_max} possible."
            fits[2]["text"] = f"Located in municipality {muni}, which the person can reach."
            if fits_fun[r]:
                fits[-1]["text"] = ("Manages what the work demands (level managed for level needed): "
                                    + ", ".join(fun_words[r]) + ".")
            if subsidy is not None:
                subsidy["text"] = pay_text(subsidy, rule, d.today)
        result = {"participant": pid, "opening": d.open_id[o_l[r]], "employer": d.employer_id[e],
                  "kind": d.kinds[kinds[r]]}
        title = d.open_title[o_l[r]]
        if title is not None:
            result["title"] = title
        result["score"] = scores[r]
        result["parts"] = dict(zip(PART_NAMES, pt))
        result["explanation"] = explanation
        result["fits"] = fits
        result["to_check"] = checks[r]
        result["accommodations"] = [d.acc_ids[a] for a in accs]
        result["accommodation_cost_eur"] = acc_cost
        result["accommodation_subsidies"] = [d.acc_subsidy[a] for a in accs if d.acc_subsidy[a] is not None]
        result["subsidy"] = subsidy
        result["hours_per_week"] = o_hours[r]
        result["tasks"] = [{"id": d.task_id[t], "title": d.task_title[t], "hours_per_week": d.task_hours[t]}
                           for t in tks[starts[r]:starts[r + 1]]]
        results.append(result)
    return dumps({"participant": pid, "results": results})


def dumps(answer):
    """Compact JSON text, as the engine writes it (the answer is a tree: no cycle check)."""
    return json.dumps(answer, separators=(",", ":"), ensure_ascii=False, check_circular=False)


def pay_subsidy(key, rule, wage, hours):
    """The pay-subsidy estimate (the engine's `subsidy::pay_estimate`), without its sentence."""
    if rule is None:
        return {"rule": key, "available": False}
    rate = rule["rate"] or 0.0
    estimate = rate * wage
    if rule["cap_eur_month"] is not None:
        estimate = min(estimate, float(rule["cap_eur_month"]))
    out = {"rule": key, "available": True, "label": rule["label"]["en"], "rate": rate}
    if rule["cap_eur_month"] is not None:
        out["cap_eur_month"] = rule["cap_eur_month"]
    if rule["max_months"] is not None:
        out["max_months"] = rule["max_months"]
    out["monthly_wage_eur"] = round2(float(wage))
    out["hours_per_week"] = hours
    out["estimate_eur_month"] = round2(estimate)
    return out


def pay_text(s, rule, today):
    if rule is None:
        return f"No pay-subsidy rule {s['rule']} is in force on {today.isoformat()}."
    text = (f"Pay subsidy may cover {s['rate'] * 100.0:.0f} % of the wage: "
            f"about €{s['estimate_eur_month']:.0f} a month")
    if rule["max_months"] is not None:
        text += f" for up to {rule['max_months']} months"
    return text + "."


def explanation_text(ex, low, missing):
    """Adds the English sentence to each part of an explanation."""
    e, o, l, lm, fm, ac, gf, er = ex
    e["text"] = f"Has {e['have']} of the {e['of']} essential skills."
    o["text"] = ("The work asks for no extra skills." if o["of"] == 0
                 else f"Has {o['have']} of the {o['of']} useful extra skills.")
    l["text"] = ("No essential skill is missing." if missing == 0
                 else f"{l['learnable_on_job']} of the {missing} missing skills can be learnt on the job.")
    if low is None:
        lm["text"] = "The tasks need no particular language."
    elif low[0] == 0:
        lm["text"] = f"{lang_name(low[1])} is exactly at the level the work needs ({low[2]})."
    else:
        lm["text"] = f"{lang_name(low[1])} is {low[0]} level(s) above what the work needs ({low[2]})."
    fm["text"] = ("The work makes no particular physical, cognitive or social demands." if fm["demands"] == 0
                  else f"Capacity to spare on {fm['spare']} of {fm['demands']} demands; {fm['not_assessed']} not assessed.")
    ac["text"] = ("No accommodations are needed." if ac["cost_eur"] == 0
                  else f"Accommodations cost about €{ac['cost_eur']}.")
    gf["text"] = ("The work is not among the person's goals." if gf["goal_hours"] == 0
                  else f"{gf['goal_hours']} hours a week are in work the person has set as a goal.")
    er["text"] = READINESS_TEXT[(er["mentor"], er["trial_places"])]


READINESS_TEXT = {
    (True, True): "The employer offers a mentor (0.03) and trial places (0.02).",
    (True, False): "The employer offers a mentor (0.03) but no trial places.",
    (False, True): "The employer offers trial places (0.02) but no mentor.",
    (False, False): "The employer offers neither a mentor nor trial places.",
}


def first_difference(a, b, path="$"):
    """Where two JSON values first differ (for the report on stderr), or None."""
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return f"{path}: {a!r} vs {b!r}"
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{path}: keys {list(a)} vs {list(b)}"
        for key in a:
            diff = first_difference(a[key], b[key], f"{path}.{key}")
            if diff:
                return diff
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            diff = first_difference(x, y, f"{path}[{i}]")
            if diff:
                return diff
        return None
    return None if a == b else f"{path}: {a!r} vs {b!r}"


def percentiles(times):
    times = sorted(times)
    return times[len(times) // 2] * 1e3, times[min(len(times) - 1, int(len(times) * 0.99))] * 1e3


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
        if [[o, s] for o, s, _ in top] == r["top"]:
            agree += 1
    p50, p99 = percentiles(times)
    out = {"peer": "numpy", "queries": len(times), "p50_ms": p50, "p99_ms": p99, "agree": agree}
    for words, name in ((False, "codes"), (True, "text")):
        path = d / f"ours_person_explained_{name}.jsonl"
        if not hasattr(data, "people_id") or not path.exists():
            continue
        theirs = path.read_text(encoding="utf-8").splitlines()[: len(ours)]
        times, texts = [], []
        for r in ours[: len(theirs)]:
            t = time.perf_counter()
            text = answer(data, r["person"], words)
            times.append(time.perf_counter() - t)
            texts.append(text)
        same = sum(a == b for a, b in zip(texts, theirs))
        agree, shown = 0, 0
        for r, a, b in zip(ours, texts, theirs):
            a, b = json.loads(a), json.loads(b)
            if a == b:
                agree += 1
            elif shown < 3:
                shown += 1
                print(f"numpy peer ({name}): person {r['person']} differs at {first_difference(a, b)}", file=sys.stderr)
        p50, p99 = percentiles(times)
        out.update({f"queries_{name}": len(times), f"p50_ms_{name}": p50, f"p99_ms_{name}": p99,
                    f"agree_{name}": agree, f"same_bytes_{name}": same,
                    f"mean_json_bytes_{name}": sum(len(x.encode()) for x in texts) // max(1, len(texts))})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
