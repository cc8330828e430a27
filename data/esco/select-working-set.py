#!/usr/bin/env python3
"""Chooses the ESCO concepts Polku gives its own fi/sv working labels: the occupations of the
source projects' sectors (by ISCO-08 unit group) and the skills those occupations need most.

Usage: python3 data/esco/select-working-set.py SHARED_ESCO_DIR OUT_CSV [crates/demo/src/esco_table.rs]
Deterministic: the same input gives the same output, byte for byte.
"""
import csv, collections, re, sys

# ISCO-08 unit groups per sector of the source projects, in priority order within a sector.
SECTORS = {
    "cleaning": ["9112", "9111", "9122", "9123", "9129", "5153", "9121", "5151", "9613"],
    "kitchen": ["9412", "9411", "5120", "5131", "5246", "5132", "7512"],
    "warehouse": ["4321", "9333", "8344", "9321", "4323", "8343", "9622"],
    "retail": ["5223", "5230", "9334", "5222", "5249", "5242", "9520"],
    "care": ["5322", "5321", "5311", "5312", "5329", "5162"],
    "green": ["9214", "6113", "9215", "6112", "9211", "6121"],
    "construction": ["9313", "9312", "7131", "7132", "7115", "7126", "7124", "7119", "7133"],
    "manufacturing": ["9329", "8219", "8211", "8212", "8189", "7522", "8160", "8141", "7223"],
    "office": ["4110", "4132", "4226", "4222", "4415", "4416", "4311", "4131"],
    "transport": ["8322", "8332", "8331", "9621", "9331", "8341", "4412"],
}
N_OCC = 220
N_SKILL = 900

def main(src, out):
    occs = {r["conceptUri"]: r for r in csv.DictReader(open(f"{src}/occupations_en.csv", encoding="utf-8"))}
    skills = {r["conceptUri"]: r["preferredLabel"] for r in csv.DictReader(open(f"{src}/skills_en.csv", encoding="utf-8"))}
    rel = collections.defaultdict(list)
    for r in csv.DictReader(open(f"{src}/occupationSkillRelations_en.csv", encoding="utf-8")):
        rel[r["occupationUri"]].append((r["relationType"], r["skillUri"]))
    by_group = collections.defaultdict(list)
    for uri, r in occs.items():
        g = r["iscoGroup"].strip()
        by_group[g].append(uri)
    # Round-robin over sectors, and within a sector over its groups, so every sector is covered.
    queues = {}
    for sector, groups in SECTORS.items():
        q = []
        for g in groups:
            q.extend(sorted(by_group.get(g, []), key=lambda u: occs[u]["preferredLabel"]))
        queues[sector] = q
    chosen = []  # (sector, uri)
    seen = set()
    # The demo data's occupations come first (crates/demo/src/esco_table.rs).
    demo_text = open(sys.argv[3], encoding="utf-8").read() if len(sys.argv) > 3 else ""
    for m in re.finditer(r'Sector::(\w+), "([0-9a-f-]{36})"', demo_text):
        uri = "http://data.europa.eu/esco/occupation/" + m.group(2)
        if uri in occs and uri not in seen:
            seen.add(uri)
            chosen.append((m.group(1).lower(), uri))
    while len(chosen) < N_OCC and any(queues.values()):
        for sector in SECTORS:
            q = queues[sector]
            while q and q[0] in seen:
                q.pop(0)
            if q and len(chosen) < N_OCC:
                u = q.pop(0)
                seen.add(u)
                chosen.append((sector, u))
    # Skills: weight essential 3, optional 1, summed over the chosen occupations.
    score = collections.Counter()
    sector_of = {}
    for sector, o in chosen:
        for kind, s in rel.get(o, []):
            if s not in skills:
                continue
            score[s] += 3 if kind == "essential" else 1
            sector_of.setdefault(s, sector)
    # The demo data's own skills always belong to the set (crates/demo/src/esco_table.rs).
    demo = []
    if len(sys.argv) > 3:
        for m in re.finditer(r'Sector::(\w+), "([0-9a-f-]{36})"', demo_text):
            uri = "http://data.europa.eu/esco/skill/" + m.group(2)
            if uri in skills:
                demo.append(uri)
                sector_of.setdefault(uri, m.group(1).lower())
    top = [s for s in demo]
    for s in sorted(score, key=lambda s: (-score[s], skills[s])):
        if len(top) >= N_SKILL:
            break
        if s not in top:
            top.append(s)
    w = csv.writer(open(out, "w", encoding="utf-8", newline=""), lineterminator="\n")
    w.writerow(["conceptUri", "kind", "sector", "preferredLabel_en"])
    for sector, o in chosen:
        w.writerow([o, "occupation", sector, occs[o]["preferredLabel"]])
    for s in sorted(top, key=lambda s: (sector_of[s], skills[s])):
        w.writerow([s, "skill", sector_of[s], skills[s]])

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
