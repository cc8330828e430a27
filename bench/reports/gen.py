"""Seeded dataset of the report benchmark and the report oracle (issue 12 items 7 and 8).

Usage: python gen.py OUT_DIR [--participants N] [--projects P] [--seed S] [--years Y]

Writes one CSV file per table of the product's schema that the reports read (organisations,
projects, project_partners, users, user_roles, participants, esf, employers, needs, placements,
follow_ups) with a header row, plus `specials.csv` (the special-category answers in clear, for
`polku report bench-seal` to seal with the deployment's keys and for DuckDB to count) and
`manifest.json` (counts, the period, the project codes, the municipalities used).

Distributions are plausible for Finnish supported-employment projects: project sizes are
skewed (a few large projects, many small ones), every project works in one region, answers
include "declined" and "not known" apart, 4 in 5 participants leave with a result, the
six-month follow-up is done for most of those whose follow-up is due, placements go from the
proposal to their end (declined and withdrawn ones included), jobs get follow-ups at 1, 3, 6
and 12 months, and employers report needs, some never advertised (hidden jobs). Small datasets
(the oracle) also get edge cases: participants without any placement, leavers without a
follow-up, enrolments a few seconds after midnight UTC, a project with nobody in it.
"""
import argparse
import csv
import datetime as dt
import json
import random
import uuid
from pathlib import Path

START = dt.date(2021, 1, 1)
TODAY = dt.date(2026, 6, 30)  # the follow-ups are recorded up to this day


def add_months(d, n):
    m0 = d.month - 1 + n
    year = d.year + m0 // 12
    month = m0 % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31,
            30, 31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(d.day, last))


def pick(rng, weighted):
    r = rng.random() * sum(w for _, w in weighted)
    for v, w in weighted:
        r -= w
        if r < 0:
            return v
    return weighted[-1][0]


GENDER = [("woman", 46), ("man", 48), ("non_binary", 1), ("declined", 2), ("not_known", 3)]
STATUS = [("unemployed", 42), ("long_term_unemployed", 30), ("inactive", 16), ("employed", 5),
          ("self_employed", 1), ("declined", 3), ("not_known", 3)]
EDUCATION = [("primary_or_less", 6), ("basic", 24), ("upper_secondary", 30),
             ("specialist_vocational", 8), ("college", 5), ("bachelor", 12), ("master", 6),
             ("doctoral", 1), ("declined", 4), ("not_known", 4)]
YES_NO = lambda yes: [("yes", yes), ("no", 100 - yes - 8), ("declined", 4), ("not_known", 4)]
RESULT = [("employed", 30), ("self_employed", 2), ("in_education", 15), ("job_searching", 35),
          ("other", 18)]
KIND = [("work_trial", 45), ("job", 25), ("education_trial", 12), ("apprenticeship", 8),
        ("gig", 10)]
STAGES = ["enrolled", "assessment", "coaching", "trial", "job_or_education", "retention"]
DEPTH = [("contacted", 50), ("engaged", 35), ("deeper", 15)]


def municipalities(root):
    out = {}
    with open(root / "data" / "municipalities.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.setdefault(r["region_code"], []).append(r["municipality_code"])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--participants", type=int, default=300_000)
    ap.add_argument("--projects", type=int, default=120)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    root = Path(__file__).resolve().parents[2]
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    small = a.participants <= 5000
    end = dt.date(START.year + a.years - 1, 12, 31)
    span = (end - START).days + 1

    def uid():
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def ts(day, seconds=None):
        s = rng.randrange(86400) if seconds is None else seconds
        t = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=s)
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(10**6):06d}Z"

    files = {}

    def writer(name, header):
        f = open(out / f"{name}.csv", "w", newline="", encoding="utf-8")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        files[name] = f
        return w

    regions = municipalities(root)
    region_codes = sorted(regions)
    n_orgs = max(2, a.projects // 3)
    orgs = [uid() for _ in range(n_orgs)]
    w = writer("organisations", ["id", "name", "business_id", "created_at"])
    for i, o in enumerate(orgs):
        w.writerow([o, f"Bench organisation {i + 1}", f"{1000000 + i}-{i % 10}", ts(START)])
    users = writer("users", ["id", "email", "display_name", "active", "created_at"])
    roles = writer("user_roles", ["user_id", "role", "project_id"])
    partners = writer("project_partners", ["project_id", "organisation_id"])
    w = writer("projects", ["id", "organisation_id", "code", "name", "regions", "target_groups",
                            "starts_on", "ends_on", "municipalities"])
    projects = []
    for i in range(a.projects):
        region = region_codes[i % len(region_codes)]
        munis = rng.sample(regions[region], min(len(regions[region]), rng.randint(1, 6)))
        p = {"id": uid(), "org": orgs[i % n_orgs], "code": f"BENCH-{i + 1:03d}", "region": region,
             "munis": munis, "coaches": []}
        w.writerow([p["id"], p["org"], p["code"], f"Bench project {i + 1}", "[]", "[]",
                    START.isoformat(), add_months(end, 12).isoformat(), json.dumps(munis)])
        if rng.random() < 0.3:
            partners.writerow([p["id"], orgs[(i + 1) % n_orgs]])
            p["partner"] = orgs[(i + 1) % n_orgs]
        for c in range(2 if small else 4):
            u = uid()
            users.writerow([u, f"coach{i + 1}-{c + 1}@bench.example", f"Coach {i + 1}/{c + 1}",
                            "true", ts(START)])
            roles.writerow([u, "coach", p["id"]])
            p["coaches"].append(u)
        projects.append(p)
    # Which organisation each coach works for (the organisation filter, docs/ESF.md): none, the
    # lead, the partner, or one outside the project (which counts as the lead). A separate
    # generator, so the rest of the data stays what the seed gave before.
    srng = random.Random(a.seed * 7919 + 17)
    staff = writer("staff_organisations", ["user_id", "organisation_id"])
    for p in projects:
        for u in p["coaches"]:
            r = srng.random()
            if r < 0.3:
                continue
            if r < 0.5:
                org = p["org"]
            elif r < 0.85 and p.get("partner"):
                org = p["partner"]
            else:
                org = srng.choice(orgs)
            staff.writerow([u, org])
    # Skewed sizes; in a small dataset the last project stays empty (an edge case).
    weights = [rng.lognormvariate(0, 0.8) for _ in projects]
    if small and len(projects) > 2:
        weights[-1] = 0.0
    total_w = sum(weights)

    emp = writer("employers", ["id", "project_id", "business_id", "name", "industry_tol", "size",
                               "municipalities", "cooperation", "mentor_available", "version",
                               "coordinator_id"])
    needs = writer("needs", ["id", "employer_id", "description", "hidden", "heard_at"])
    n_employers = 0
    for i, p in enumerate(projects):
        share = a.participants * weights[i] / total_w
        p["employers"] = []
        for j in range(max(1 if weights[i] else 0, int(share / 8))):
            e = uid()
            munis = rng.sample(p["munis"], rng.randint(1, len(p["munis"])))
            if rng.random() < 0.05:  # also works outside the project's area
                other = regions[rng.choice(region_codes)]
                munis.append(rng.choice(other))
                munis = sorted(set(munis))
            emp.writerow([e, p["id"], f"{2000000 + n_employers}-{j % 10}", f"Employer {n_employers}",
                          rng.choice(["47111", "56101", "81210", "88101", "10710", "49410"]),
                          rng.choice(["micro", "small", "medium", "large"]), json.dumps(munis),
                          pick(rng, DEPTH), "false", 1,
                          srng.choice(p["coaches"]) if srng.random() < 0.7 else ""])
            p["employers"].append(e)
            n_employers += 1
            for _ in range(rng.randint(0, 6)):
                needs.writerow([uid(), e, "need", str(rng.random() < 0.4).lower(),
                                (START + dt.timedelta(days=rng.randrange(span))).isoformat()])

    part = writer("participants", ["id", "project_id", "coach_id", "family_name", "given_name",
                                   "home_municipality", "stage", "waiting_since", "personal_json",
                                   "version", "created_at", "updated_at"])
    esf = writer("esf", ["participant_id", "entered_on", "gender", "labour_status", "education",
                         "age_at_entry", "municipality", "rural", "third_country",
                         "foreign_background", "homeless", "left_on", "leaving_result",
                         "qualification", "follow_up_due", "six_checked_on", "six_employed",
                         "six_improved", "version", "updated_at"])
    specials = writer("specials", ["participant_id", "version", "disability", "minority"])
    plc = writer("placements", ["id", "project_id", "participant_id", "employer_id", "kind",
                                "pay_subsidy", "state", "tasks_json", "starts_on", "ends_on",
                                "hours_per_day", "days_per_week", "coach_id", "proposed_by",
                                "proposed_at", "categories_json", "ended_on", "created_at",
                                "version"])
    fu = writer("follow_ups", ["id", "placement_id", "participant_id", "checkpoint", "due_on",
                               "done_on", "still_working", "hours_per_week", "needs_recrafting",
                               "version"])
    counts = {"participants": 0, "placements": 0, "follow_ups": 0}
    cum = []
    acc = 0.0
    for wgt in weights:
        acc += wgt
        cum.append(acc)
    import bisect
    for n in range(a.participants):
        i = min(bisect.bisect_right(cum, rng.random() * total_w), len(projects) - 1)
        while weights[i] == 0:
            i = (i + 1) % len(projects)
        p = projects[i]
        pid = uid()
        enrolled = START + dt.timedelta(days=rng.randrange(span))
        seconds = rng.choice([0, 1, 86399]) if small and rng.random() < 0.05 else None
        created = ts(enrolled, seconds)
        home = rng.choice(p["munis"])
        entered = enrolled if rng.random() < 0.9 else enrolled + dt.timedelta(days=rng.randint(1, 20))
        left = None
        if rng.random() < 0.8:
            left = entered + dt.timedelta(days=rng.randint(30, 540))
            if left > TODAY:
                left = None
        age = rng.choice([rng.randint(16, 17), rng.randint(18, 29), rng.randint(18, 29),
                          rng.randint(30, 54), rng.randint(30, 54), rng.randint(30, 54),
                          rng.randint(55, 64)])
        if rng.random() < 0.03:
            age = ""
        gender = pick(rng, GENDER)
        row = [pid, entered.isoformat(), gender, pick(rng, STATUS), pick(rng, EDUCATION), age,
               home if rng.random() < 0.95 else rng.choice(regions[p["region"]]), "not_known",
               pick(rng, YES_NO(10)), pick(rng, YES_NO(18)), pick(rng, YES_NO(4))]
        if left:
            due = add_months(left, 6)
            row += [left.isoformat(), pick(rng, RESULT), "yes" if rng.random() < 0.1 else "no",
                    due.isoformat()]
            if due <= TODAY and rng.random() < 0.85:
                checked = min(due + dt.timedelta(days=rng.randint(0, 30)), TODAY)
                row += [checked.isoformat(), pick(rng, YES_NO(40)), pick(rng, YES_NO(55))]
            else:
                row += ["", "", ""]
        else:
            row += ["", "", "", "", "", "", ""]
        row += [1, ts(entered)]
        esf.writerow(row)
        specials.writerow([pid, 1, pick(rng, YES_NO(25)), pick(rng, YES_NO(8))])
        coach = rng.choice(p["coaches"])
        part.writerow([pid, p["id"], coach, "Bench", f"P{n}", home,
                       "exited" if left else rng.choice(STAGES), enrolled.isoformat(), "{}", 1,
                       created, created])
        counts["participants"] += 1
        p["n"] = p.get("n", 0) + 1
        if not p["employers"] or rng.random() < 0.25:
            continue
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            kind = pick(rng, KIND)
            proposed = enrolled + dt.timedelta(days=rng.randint(0, 150))
            starts = proposed + dt.timedelta(days=rng.randint(7, 30))
            state = pick(rng, [("prepared", 3), ("proposed", 4), ("agreed", 3), ("declined", 10),
                               ("withdrawn", 5), ("active", 20), ("completed", 40),
                               ("interrupted", 15)])
            long_ = kind in ("job", "apprenticeship")
            ended = None
            if state in ("completed", "interrupted"):
                ended = starts + dt.timedelta(days=rng.randint(30, 360 if long_ else 90))
                if ended > TODAY:
                    ended, state = None, "active"
            if starts > TODAY and state in ("active", "completed", "interrupted"):
                state = "agreed"
            plid = uid()
            plc.writerow([plid, p["id"], pid, rng.choice(p["employers"]), kind,
                          str(rng.random() < 0.3).lower(), state, "[]", starts.isoformat(),
                          (starts + dt.timedelta(days=90)).isoformat() if not long_ else "",
                          rng.randint(4, 8), rng.randint(3, 5), coach, coach,
                          "" if state == "prepared" else ts(proposed), "[]",
                          ended.isoformat() if ended else "", ts(proposed), 1])
            counts["placements"] += 1
            started = state in ("active", "completed", "interrupted")
            checkpoints = []
            if started and long_:
                checkpoints = [("1m", 1), ("3m", 3), ("6m", 6), ("12m", 12)]
            elif state == "completed" and kind == "work_trial":
                checkpoints = [("1m", None)]
            for cp, months in checkpoints:
                due = add_months(starts, months) if months else add_months(ended, 1)
                done = ""
                working = ""
                hours = ""
                if due <= TODAY and rng.random() < 0.8:
                    done = min(due + dt.timedelta(days=rng.randint(0, 20)), TODAY).isoformat()
                    working = pick(rng, [("same_employer", 60), ("other_employer", 15),
                                         ("not_working", 25)])
                    hours = rng.randint(0, 40)
                fu.writerow([uid(), plid, pid, cp, due.isoformat(), done, working, hours, "false", 1])
                counts["follow_ups"] += 1
    for f in files.values():
        f.close()
    manifest = {
        "seed": a.seed, "from": START.isoformat(), "to": end.isoformat(),
        "projects": [p["code"] for p in projects],
        "project_sizes": {p["code"]: p.get("n", 0) for p in projects},
        "organisations": orgs,
        "partner_organisations": sorted({p["partner"] for p in projects if p.get("partner")}),
        "regions": sorted({p["region"] for p in projects}),
        "municipalities": sorted({m for p in projects for m in p["munis"]}),
        "employers": n_employers, **counts,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
