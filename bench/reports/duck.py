"""The independent implementation of the report figures: DuckDB SQL over the CSV export of a
gen.py dataset (the same rows the product's database holds).

Usage: python duck.py DATA_DIR QUERIES_JSON PRODUCT_JSON [PRODUCT_JSON ...] [--runs N]

For every query of QUERIES_JSON (the filters `polku report bench` ran) it computes every ESF+
indicator in force (output and result, by gender; the sealed ones from the answers in clear)
and the project figures before suppression (results on leaving, trials started and completed,
hidden and advertised needs by month; retention at 3, 6 and 12 months; employers by depth of
cooperation; days from enrolment to the first employer contact and to the first placement;
enrolments), times it (`--runs`, after one warm-up run), and compares it with each product
output (`polku report bench` JSON): every figure must be equal. Written from the definitions in
docs/ESF.md and docs/REPORTS.md, not from the product's code. Prints one JSON document (times
and mismatches) and exits 1 on any mismatch.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]

# Indicator measure -> condition on the ESF+ record `e` (and `s`, the special answers).
OUTPUT = {
    "total": "TRUE",
    "unemployed": "e.labour_status IN ('unemployed', 'long_term_unemployed')",
    "long_term_unemployed": "e.labour_status = 'long_term_unemployed'",
    "inactive": "e.labour_status = 'inactive'",
    "employed": "e.labour_status IN ('employed', 'self_employed')",
    "under_18": "e.age_at_entry < 18",
    "age_18_29": "e.age_at_entry BETWEEN 18 AND 29",
    "age_55_plus": "e.age_at_entry >= 55",
    # ISCED 0-2: primary or less (1), basic (2); 3-4: upper secondary, specialist vocational;
    # 5-8: college, bachelor, master, doctoral.
    "isced_0_2": "e.education IN ('primary_or_less', 'basic')",
    "isced_3_4": "e.education IN ('upper_secondary', 'specialist_vocational')",
    "isced_5_8": "e.education IN ('college', 'bachelor', 'master', 'doctoral')",
    "disability": "s.disability = 'yes'",
    "third_country_national": "e.third_country = 'yes'",
    "foreign_background": "e.foreign_background = 'yes'",
    "minority": "s.minority = 'yes'",
    "homeless": "e.homeless = 'yes'",
}
LEFT = {
    "job_searching_on_leaving": "e.leaving_result = 'job_searching'",
    "in_education_on_leaving": "e.leaving_result = 'in_education'",
    "qualification_on_leaving": "e.qualification = 'yes'",
    "employed_on_leaving": "e.leaving_result IN ('employed', 'self_employed')",
}
SIX = {
    "employed_six_months": "e.six_employed = 'yes'",
    "improved_six_months": "e.six_improved = 'yes'",
}
NOT_KNOWN = {"rural"}  # no classification of municipalities: reported as not known


def connect(data):
    con = duckdb.connect()
    d = str(data)
    con.execute(f"CREATE TABLE projects AS SELECT * FROM read_csv_auto('{d}/projects.csv', all_varchar=true)")
    con.execute(f"CREATE TABLE partners AS SELECT * FROM read_csv('{d}/project_partners.csv', header=true, all_varchar=true, columns={{'project_id': 'VARCHAR', 'organisation_id': 'VARCHAR'}})")
    con.execute(f"CREATE TABLE staff AS SELECT * FROM read_csv('{d}/staff_organisations.csv', header=true, all_varchar=true, columns={{'user_id': 'VARCHAR', 'organisation_id': 'VARCHAR'}})")
    # The organisation a person or employer counts for (docs/ESF.md, "The organisation
    # filter"): the staff member's organisation when it works in the project (lead or partner),
    # otherwise the project's lead.
    works_for = lambda who, proj: f"""COALESCE((SELECT s.organisation_id FROM staff s
        WHERE s.user_id = {who} AND (s.organisation_id = (SELECT organisation_id FROM projects
        WHERE id = {proj}) OR EXISTS (SELECT 1 FROM partners pp WHERE pp.project_id = {proj}
        AND pp.organisation_id = s.organisation_id))),
        (SELECT organisation_id FROM projects WHERE id = {proj}))"""
    con.execute(f"""CREATE TABLE participants AS SELECT id, project_id, home_municipality,
        CAST(CAST(created_at AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS enrolled_on,
        {works_for('x.coach_id', 'x.project_id')} AS org
        FROM read_csv('{d}/participants.csv', header=true, all_varchar=true) x""")
    con.execute(f"""CREATE TABLE esf AS SELECT * FROM read_csv('{d}/esf.csv', header=true,
        types={{'entered_on': 'DATE', 'left_on': 'DATE', 'follow_up_due': 'DATE',
                'six_checked_on': 'DATE', 'age_at_entry': 'INTEGER'}})""")
    con.execute(f"CREATE TABLE specials AS SELECT * FROM read_csv('{d}/specials.csv', header=true, all_varchar=true)")
    con.execute(f"""CREATE TABLE placements AS SELECT id, project_id, participant_id, kind, state,
        CAST(starts_on AS DATE) AS starts_on, CAST(ended_on AS DATE) AS ended_on,
        CAST(CAST(proposed_at AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS proposed_on
        FROM read_csv('{d}/placements.csv', header=true, all_varchar=true)""")
    con.execute(f"""CREATE TABLE follow_ups AS SELECT placement_id, participant_id, checkpoint,
        CAST(done_on AS DATE) AS done_on, still_working
        FROM read_csv('{d}/follow_ups.csv', header=true, all_varchar=true)""")
    con.execute(f"""CREATE TABLE employers AS SELECT id, project_id, cooperation,
        CAST(json_extract_string(municipalities, '$[*]') AS VARCHAR[]) AS munis,
        {works_for('x.coordinator_id', 'x.project_id')} AS org
        FROM read_csv('{d}/employers.csv', header=true, all_varchar=true) x""")
    con.execute(f"""CREATE TABLE needs AS SELECT employer_id, hidden = 'true' AS hidden,
        CAST(heard_at AS DATE) AS heard_at
        FROM read_csv('{d}/needs.csv', header=true, all_varchar=true)""")
    con.execute(f"""CREATE TABLE municipalities AS SELECT municipality_code AS code, region_code
        FROM read_csv('{ROOT}/data/municipalities.csv', header=true, all_varchar=true)""")
    return con


def month_start(d):
    return d[:8] + "01"


def month_end(d):
    import datetime as dt
    y, m = int(d[:4]), int(d[5:7])
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).isoformat()


def months(frm, to):
    out = []
    y, m = int(frm[:4]), int(frm[5:7])
    while f"{y:04d}-{m:02d}-01" <= to:
        out.append(f"{y:04d}-{m:02d}-01")
        y, m = y + (m == 12), m % 12 + 1
    return out


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def scope_projects(con, q):
    where = ["TRUE"]
    if q.get("project"):
        where.append(f"code = {lit(q['project'])}")
    return where


def indicators(con, q, defs):
    frm, to = q["from"], q["to"]
    proj = ["TRUE"]
    if q.get("project"):
        proj.append(f"j.code = {lit(q['project'])}")
    if q.get("organisation"):
        proj.append(f"p.org = {lit(q['organisation'])}")
    # The ESF+ scope: the municipality of the record; a municipality wins over a region.
    if q.get("municipality"):
        proj.append(f"e.municipality = {lit(q['municipality'])}")
    elif q.get("region"):
        proj.append(f"e.municipality IN (SELECT code FROM municipalities WHERE region_code = {lit(q['region'])})")
    base = f"""FROM esf e JOIN participants p ON p.id = e.participant_id
        JOIN projects j ON j.id = p.project_id JOIN specials s ON s.participant_id = e.participant_id
        WHERE {' AND '.join(proj)}"""
    rows, not_known = [], []
    for d in defs:
        if d["valid_from"] > to or (d.get("valid_to") and d["valid_to"] < frm):
            continue
        m = d["measure"]
        if m in NOT_KNOWN:
            not_known.append(d["code"])
            continue
        if m in OUTPUT:
            cond, col = OUTPUT[m], "entered_on"
        elif m in LEFT:
            cond, col = LEFT[m], "left_on"
        else:
            cond, col = SIX[m], "follow_up_due"
        r = con.execute(f"""SELECT
              count(*) FILTER (WHERE e.gender = 'woman'),
              count(*) FILTER (WHERE e.gender = 'man'),
              count(*) FILTER (WHERE e.gender = 'non_binary'),
              count(*)
            {base} AND e.{col} BETWEEN DATE '{frm}' AND DATE '{to}' AND ({cond})""").fetchone()
        rows.append({"code": d["code"], "kind": d["kind"], "women": r[0], "men": r[1],
                     "non_binary": r[2], "total": r[3]})
    return rows, not_known


def figures(con, q):
    frm, to = month_start(q["from"]), month_end(q["to"])
    ms = months(frm, to)
    proj = ["TRUE"]
    if q.get("project"):
        proj.append(f"code = {lit(q['project'])}")
    org = f" AND org = {lit(q['organisation'])}" if q.get("organisation") else ""
    def in_area(col):
        cond = ["TRUE"]
        if q.get("municipality"):
            cond.append(f"{col} = {lit(q['municipality'])}")
        if q.get("region"):
            cond.append(f"{col} IN (SELECT code FROM municipalities WHERE region_code = {lit(q['region'])})")
        return " AND ".join(cond)
    any_area = bool(q.get("municipality") or q.get("region"))
    con.execute(f"""CREATE OR REPLACE TEMP TABLE people AS SELECT p.* FROM participants p
        WHERE p.project_id IN (SELECT id FROM projects WHERE {' AND '.join(proj)})
        AND {in_area('p.home_municipality')}{org}""")
    period = lambda col: f"{col} BETWEEN DATE '{frm}' AND DATE '{to}'"
    month = lambda col: f"strftime(date_trunc('month', {col}), '%Y-%m-%d')"
    grid = lambda n: {m: [0] * n for m in ms}

    results = grid(3)
    for mo, g, n in con.execute(f"""SELECT {month('e.left_on')},
            CASE WHEN e.leaving_result IN ('employed', 'self_employed') THEN 0
                 WHEN e.leaving_result = 'in_education' THEN 1 ELSE 2 END, count(*)
            FROM esf e JOIN people p ON p.id = e.participant_id
            WHERE {period('e.left_on')} GROUP BY ALL""").fetchall():
        results[mo][g] += n
    own = "JOIN people p ON p.id = pl.participant_id AND p.project_id = pl.project_id"
    trials = grid(2)
    for mo, n in con.execute(f"""SELECT {month('pl.starts_on')}, count(*) FROM placements pl {own}
            WHERE pl.kind IN ('work_trial', 'education_trial')
            AND pl.state IN ('active', 'completed', 'interrupted') AND {period('pl.starts_on')}
            GROUP BY ALL""").fetchall():
        trials[mo][0] += n
    for mo, n in con.execute(f"""SELECT {month('pl.ended_on')}, count(*) FROM placements pl {own}
            WHERE pl.kind IN ('work_trial', 'education_trial') AND pl.state = 'completed'
            AND {period('pl.ended_on')} GROUP BY ALL""").fetchall():
        trials[mo][1] += n
    retention = [[0, 0] for _ in range(3)]
    for cp, not_working, n in con.execute(f"""SELECT f.checkpoint, f.still_working = 'not_working',
            count(*) FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id
            JOIN people p ON p.id = f.participant_id AND p.project_id = pl.project_id
            WHERE f.checkpoint IN ('3m', '6m', '12m') AND f.still_working IS NOT NULL
            AND {period('f.done_on')} GROUP BY ALL""").fetchall():
        retention[["3m", "6m", "12m"].index(cp)][int(not_working)] += n
    emp_area = "TRUE" if not any_area else \
        f"e.id IN (SELECT id FROM (SELECT id, unnest(munis) AS c FROM employers) WHERE {in_area('c')})"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE emps AS SELECT e.* FROM employers e
        WHERE e.project_id IN (SELECT id FROM projects WHERE {' AND '.join(proj)}) AND {emp_area}{org}""")
    depths = [0, 0, 0]
    for dep, n in con.execute("SELECT cooperation, count(*) FROM emps GROUP BY ALL").fetchall():
        depths[["contacted", "engaged", "deeper"].index(dep)] += n
    hidden = grid(2)
    for mo, h, n in con.execute(f"""SELECT {month('n.heard_at')}, n.hidden, count(*)
            FROM needs n JOIN emps e ON e.id = n.employer_id WHERE {period('n.heard_at')}
            GROUP BY ALL""").fetchall():
        hidden[mo][0 if h else 1] += n

    def measured(first):
        days = [r[0] for r in con.execute(f"""SELECT greatest(date_diff('day', p.enrolled_on, f.d), 0)
            FROM people p JOIN (SELECT pl.participant_id, pl.project_id, {first} AS d
                FROM placements pl GROUP BY ALL) f
              ON f.participant_id = p.id AND f.project_id = p.project_id
            WHERE f.d IS NOT NULL AND {period('p.enrolled_on')} ORDER BY 1""").fetchall()]
        n = len(days)
        med = None if n == 0 else (days[n // 2] if n % 2 else (days[n // 2 - 1] + days[n // 2]) // 2)
        return {"n": n, "sum_days": sum(days), "median_days": med}

    enrolled = con.execute(f"SELECT count(*) FROM people p WHERE {period('p.enrolled_on')}").fetchone()[0]
    return {
        "months": ms,
        "results": [results[m] for m in ms],
        "trials": [trials[m] for m in ms],
        "hidden_jobs": [hidden[m] for m in ms],
        "retention": retention,
        "employers_by_depth": depths,
        "to_first_contact": measured("min(pl.proposed_on)"),
        "to_first_placement": measured(
            "min(pl.starts_on) FILTER (WHERE pl.state IN ('active', 'completed', 'interrupted'))"),
        "enrolled": enrolled,
    }


def diff(path, a, b, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            diff(f"{path}.{k}", a.get(k), b.get(k), out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            diff(f"{path}[{i}]", x, y, out)
    elif a != b:
        out.append(f"{path}: product {a!r}, duckdb {b!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("queries")
    ap.add_argument("products", nargs="+")
    ap.add_argument("--runs", type=int, default=20)
    a = ap.parse_args()
    defs = json.load(open(ROOT / "data" / "esf-indicators.json"))["indicators"]
    queries = json.load(open(a.queries))
    # The product's answers are found by name: two queries of one name would compare the second
    # with the first one's answer (seed 7 reported 463 such mismatches).
    names = [q["name"] for q in queries]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        sys.exit(f"duck.py: query names must be unique, repeated: {', '.join(dup)}")
    t = time.monotonic()
    con = connect(Path(a.data))
    load_s = time.monotonic() - t
    products = [json.load(open(p)) for p in a.products]
    out = {"load_seconds": round(load_s, 2), "queries": [], "mismatches": []}
    for q in queries:
        times = []
        for run in range(a.runs + 1):
            t0 = time.monotonic()
            rows, not_known = indicators(con, q, defs)
            fig = figures(con, q)
            if run:
                times.append((time.monotonic() - t0) * 1e3)
        times.sort()
        rank = lambda p: times[max(1, -(-len(times) * p // 100)) - 1] if times else None
        out["queries"].append({"name": q["name"], "total_ms": {"p50": rank(50), "p95": rank(95)}})
        for prod in products:
            same = [r for r in prod["queries"] if r["name"] == q["name"]]
            got = same[0] if len(same) == 1 else None
            where = f"{prod['backend']}:{q['name']}"
            if got is None:
                out["mismatches"].append(f"{where}: {'missing' if not same else 'answered twice'}")
                continue
            errs = []
            diff("esf", got["esf"], rows, errs)
            diff("not_known", got["not_known"], not_known, errs)
            if "tally" in got:
                diff("figures", got["tally"], fig, errs)
            else:
                errs.append("figures: the product printed no tally (an older polku)")
            out["mismatches"] += [f"{where}: {e}" for e in errs]
    print(json.dumps(out, indent=1))
    sys.exit(1 if out["mismatches"] else 0)


if __name__ == "__main__":
    main()
