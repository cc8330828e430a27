"""Prints the report benchmark's table: the product's times (the report, i.e. the ESF+ indicators
and the project figures computed at once as the report pages do, and each part alone) per
database next to DuckDB's, the ratios, the target (p95 <= 1 s) and whether every
figure was equal. Usage: python summary.py OUT_DIR PRODUCT_JSON [PRODUCT_JSON ...]
"""
import json
import sys
from pathlib import Path

TARGET_MS = 1000.0


def main():
    out = Path(sys.argv[1])
    duck = json.load(open(out / "duckdb.json"))
    products = [json.load(open(p)) for p in sys.argv[2:]]
    dq = {q["name"]: q for q in duck["queries"]}
    head = (f"{'report':<28} {'database':<9} {'ESF+ alone p50/p95':>18} {'figures alone':>16} "
            f"{'report p50/p95':>16} {'p95<=1s':>7} {'DuckDB p50/p95':>15} {'ratio p50':>9}")
    print(head)
    print("-" * len(head))
    ok = True
    for q in duck["queries"]:
        for p in products:
            r = next(x for x in p["queries"] if x["name"] == q["name"])
            e, f, t = r["esf_ms"], r["figures_ms"], r["total_ms"]
            d = dq[q["name"]]["total_ms"]
            meets = t["p95"] <= TARGET_MS
            ok &= meets
            print(f"{q['name']:<28} {p['backend']:<9} {e['p50']:>9.1f}/{e['p95']:<8.1f} "
                  f"{f['p50']:>7.1f}/{f['p95']:<8.1f} {t['p50']:>7.1f}/{t['p95']:<8.1f} "
                  f"{'yes' if meets else 'NO':>7} {d['p50']:>7.1f}/{d['p95']:<7.1f} "
                  f"{t['p50'] / d['p50']:>8.2f}x")
    runs = products[0]["queries"][0]["runs"] if products else 0
    print(f"\n{runs} warm runs each after one warm-up; 'report' is one report as the pages compute "
          f"it: the ESF+ indicators and the project figures at once (the target applies to it); "
          f"each part alone is timed after it, for where the time goes. DuckDB loaded the CSV export in {duck['load_seconds']} s "
          f"(not in its times).")
    firsts = [f"{r['name']} {p['backend']} {r['first_ms']:.0f} ms"
              for p in products for r in p["queries"] if "first_ms" in r]
    if firsts:
        print("First (cold) run, not in the statistics: " + "; ".join(firsts) + ".")
    if duck["mismatches"]:
        print(f"FIGURES DIFFER ({len(duck['mismatches'])}):")
        for m in duck["mismatches"][:40]:
            print("  " + m)
    else:
        print("Every figure is equal: the ESF+ indicators by gender and the project figures "
              "(before suppression) of every report, on every database and in DuckDB.")
    import os
    print("Load average when printed (1/5/15 min): %.1f %.1f %.1f on %d cores"
          % (*os.getloadavg(), os.cpu_count()))
    print("Target p95 <= 1 s: " + ("met by every report" if ok else "NOT met by every report"))


if __name__ == "__main__":
    main()
