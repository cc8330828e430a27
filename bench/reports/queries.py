"""Random report filters over a gen.py dataset, for the report oracle.

Usage: python queries.py MANIFEST_JSON SEED  — prints a JSON list of queries for
`polku report bench --queries` and duck.py: the whole period nationally, a random year and a
single month, every project over a random year, an organisation, a region, a municipality
alone and inside its region, a municipality outside the chosen region, a period before any
data and a period half after it.
"""
import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main():
    m = json.load(open(sys.argv[1]))
    rng = random.Random(int(sys.argv[2]))
    first, last = int(m["from"][:4]), int(m["to"][:4])
    region_of = {}
    with open(ROOT / "data" / "municipalities.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            region_of[r["municipality_code"]] = r["region_code"]

    def year():
        y = rng.randint(first, last)
        a, b = sorted(rng.sample(range(1, 13), 2))
        return f"{y}-{a:02d}-{rng.randint(1, 28):02d}", f"{y}-{b:02d}-{rng.randint(1, 28):02d}"

    q = [{"name": "national, whole period", "from": m["from"], "to": m["to"]}]
    f, t = year()
    q.append({"name": "national, part of a year", "from": f, "to": t})
    y, mo = rng.randint(first, last), rng.randint(1, 12)
    q.append({"name": "national, one month", "from": f"{y}-{mo:02d}-01", "to": f"{y}-{mo:02d}-28"})
    for code in m["projects"]:
        y = rng.randint(first, last)
        q.append({"name": f"{code}, {y}", "from": f"{y}-01-01", "to": f"{y}-12-31", "project": code})
    org = rng.choice(m["organisations"])
    q.append({"name": "an organisation", "from": m["from"], "to": m["to"], "organisation": org})
    region = rng.choice(m["regions"])
    q.append({"name": "a region", "from": m["from"], "to": m["to"], "region": region})
    muni = rng.choice(m["municipalities"])
    q.append({"name": "a municipality", "from": m["from"], "to": m["to"], "municipality": muni})
    q.append({"name": "a municipality in its region", "from": m["from"], "to": m["to"],
              "municipality": muni, "region": region_of[muni]})
    other = next((r for r in m["regions"] if r != region_of[muni]), "FI1C3")
    q.append({"name": "a municipality outside the region", "from": m["from"], "to": m["to"],
              "municipality": muni, "region": other})
    q.append({"name": "a project and an organisation", "from": m["from"], "to": m["to"],
              "project": rng.choice(m["projects"]), "organisation": org})
    q.append({"name": "before any data", "from": f"{first - 1}-01-01", "to": f"{first - 1}-12-31"})
    q.append({"name": "half after the data", "from": f"{last}-07-01", "to": f"{last + 1}-06-30",
              "project": m["projects"][-1]})
    # A partner organisation: it counts the participants and employers of its own staff. Each
    # query has its own name (duck.py finds the product's answer by name).
    for i, org in enumerate(m.get("partner_organisations", [])[:2]):
        q.append({"name": f"a partner organisation {i + 1}", "from": m["from"], "to": m["to"],
                  "organisation": org})
    print(json.dumps(q, indent=1))


if __name__ == "__main__":
    main()
