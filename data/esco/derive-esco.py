#!/usr/bin/env python3
"""Derives the ESCO reference data Polku ships (data/esco/) from the shared ESCO folder.

Usage: python3 data/esco/derive-esco.py SHARED_ESCO_DIR [OUT_DIR]
       (SHARED_ESCO_DIR is e.g. ../shared/data/esco; OUT_DIR defaults to this script's folder)

Standard library only. Deterministic: the same input gives the same output, byte for byte
(rows in a fixed order, "\n" line ends, UTF-8, no timestamps).

What it writes (see data/README.md):
- skills.csv             `id,preferredLabel`: every skill with an English preferred label, sorted
                         by URI; `id` is the UUID after http://data.europa.eu/esco/skill/. Other
                         files refer to a skill by its 0-based row number here ("skill index").
- occupations_en.csv     every occupation in the official layout, reduced to the columns Polku
                         uses: conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,code
                         (alt labels newline-separated inside quotes, as in the official file).
- occupation-skills.csv  `occupation,essential,optional`: one row per occupation that has skills;
                         `occupation` is its 0-based row number in occupations_en.csv, the other
                         two are space-separated skill indexes.
- skill-broader.csv      `concept,broader`: the skills pillar hierarchy.
- skill-relations.csv    `skill,relationType,related`: skill-to-skill relations.
In the last two a concept is a skill index when it is a labelled skill, otherwise its URI without
the http://data.europa.eu/esco/ prefix (skill groups, e.g. "skill/S1.2" or "isced-f/0011").
"""
import csv
import os
import sys

PREFIX = "http://data.europa.eu/esco/"
SKILL = PREFIX + "skill/"


def read(src, name):
    with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def writer(out, name):
    f = open(os.path.join(out, name), "w", encoding="utf-8", newline="")
    return f, csv.writer(f, lineterminator="\n")


def main(src, out):
    skills = sorted((r["conceptUri"], r["preferredLabel"]) for r in read(src, "skills_en.csv"))
    index = {uri: i for i, (uri, _) in enumerate(skills)}
    f, w = writer(out, "skills.csv")
    w.writerow(["id", "preferredLabel"])
    for uri, label in skills:
        assert uri.startswith(SKILL), uri
        w.writerow([uri[len(SKILL):], label])
    f.close()

    occs = read(src, "occupations_en.csv")
    cols = ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "code"]
    occ_index = {}
    f, w = writer(out, "occupations_en.csv")
    w.writerow(cols)
    for i, r in enumerate(occs):
        occ_index[r["conceptUri"]] = i
        w.writerow([r[c].replace("\r\n", "\n").strip() for c in cols])
    f.close()

    rel = {}
    for r in read(src, "occupationSkillRelations_en.csv"):
        o = occ_index[r["occupationUri"]]
        kind = r["relationType"]
        assert kind in ("essential", "optional"), kind
        rel.setdefault(o, {"essential": [], "optional": []})[kind].append(str(index[r["skillUri"]]))
    f, w = writer(out, "occupation-skills.csv")
    w.writerow(["occupation", "essential", "optional"])
    for o in sorted(rel):
        w.writerow([o, " ".join(rel[o]["essential"]), " ".join(rel[o]["optional"])])
    f.close()

    def token(uri):
        if uri in index:
            return str(index[uri])
        assert uri.startswith(PREFIX), uri
        return uri[len(PREFIX):]

    f, w = writer(out, "skill-broader.csv")
    w.writerow(["concept", "broader"])
    for r in read(src, "broaderRelationsSkillPillar_en.csv"):
        w.writerow([token(r["conceptUri"]), token(r["broaderUri"])])
    f.close()

    f, w = writer(out, "skill-relations.csv")
    w.writerow(["skill", "relationType", "related"])
    for r in read(src, "skillSkillRelations_en.csv"):
        w.writerow([token(r["originalSkillUri"]), r["relationType"], token(r["relatedSkillUri"])])
    f.close()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__)))
