#!/usr/bin/env python3
"""The canary scan (R32): the test data carries canaries in its health, CV, identity-code and
name fields, and none may reach captured output or a log. Reads every file given (directories
recursively: the test suite's captured stdout and stderr, the servers' logs of the browser suite
and the drills) and fails on

- the canary mark (`Xqzcanary`, any case), which the fixtures put in names, functional notes,
  CV notes and other free text (crates/store-tests/src/fixtures.rs, e2e/flows.mjs, the drills);
- any valid Finnish identity code (date, century sign, individual number and check character
  all valid): every identity code in the test data is one, wherever it was generated.

A hit is reported by file, line and kind, never by its value, so the report is no leak itself.
Usage: scripts/canary-scan.py PATH...   (exit 1 on a hit, 2 when a path is missing)
"""
import os
import re
import sys

MARK = "xqzcanary"
CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
# DDMMYY, a century sign, NNN, the check character; not inside a longer word or number.
HETU = re.compile(r"(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+ABCDEFUVWXY])(\d{3})([0-9A-Y])(?![0-9A-Za-z])")


def identity_code(m):
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    individual = int(m.group(5))
    if individual < 2:
        return False
    return CHECK[int(m.group(1) + m.group(2) + m.group(3) + m.group(5)) % 31] == m.group(6)


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    yield os.path.join(root, n)
        elif os.path.exists(p):
            yield p
        else:
            print(f"canary scan: {p} does not exist", file=sys.stderr)
            sys.exit(2)


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    hits, scanned, size = 0, 0, 0
    for path in files(paths):
        scanned += 1
        with open(path, "rb") as f:
            data = f.read()
        size += len(data)
        text = data.decode("utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            kinds = []
            if MARK in line.lower():
                kinds.append("the canary mark")
            if any(identity_code(m) for m in HETU.finditer(line)):
                kinds.append("an identity code")
            for kind in kinds:
                hits += 1
                if hits <= 50:
                    print(f"canary scan: {kind} at {path}:{n}", file=sys.stderr)
    if hits:
        print(f"canary scan: {hits} hit(s) in {scanned} file(s) (R32: no personal data in output or logs)", file=sys.stderr)
        return 1
    print(f"canary scan: no canary and no identity code in {scanned} file(s), {size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
