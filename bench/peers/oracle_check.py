"""Checks the engine's allocation objectives against OR-Tools on every instance of a manifest.

Usage: python oracle_check.py MANIFEST.json  — exits 1 on any mismatch.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from alloc_ortools import load, solve  # noqa: E402


def main():
    manifest = json.load(open(sys.argv[1]))
    bad = 0
    for case in manifest:
        got = solve(*load(case["file"]))
        if got["objective"] != case["objective"]:
            bad += 1
            print(f"MISMATCH {case['file']}: engine {case['objective']}, OR-Tools {got['objective']}")
    print(f"{len(manifest) - bad} passed, {bad} failed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
