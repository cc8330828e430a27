"""Bulk-loads a dataset of gen.py (and the sealed answers of `polku report bench-seal`) into a
database that `polku migrate` created: COPY on PostgreSQL, batched transactions on SQLite.

Usage: python load.py DATA_DIR postgres://USER@HOST:PORT/DB | sqlite://FILE

The product's own schema, no API: the tables the reports read, with every NOT NULL column
filled (ESF+ records and follow-ups also carry their participant's project, migration 0039,
taken from participants.csv). Foreign keys are not checked during the load (PostgreSQL: session_replication_role =
replica; SQLite: foreign_keys off) because gen.py writes parents first; ANALYZE (PostgreSQL:
VACUUM (ANALYZE), as autovacuum would after a load this size) runs at the end.
Prints one JSON line: rows per table and seconds.
"""
import csv
import io
import json
import sqlite3
import sys
import time
from pathlib import Path

csv.field_size_limit(1 << 30)

# (table, file, extra columns filled here)
TABLES = [
    ("organisations", "organisations"),
    ("projects", "projects"),
    ("project_partners", "project_partners"),
    ("users", "users"),
    ("staff_organisations", "staff_organisations"),
    ("user_roles", "user_roles"),
    ("participants", "participants"),
    ("participant_keys", None),
    ("esf_records", "esf"),
    ("employers", "employers"),
    ("employer_needs", "needs"),
    ("placements", "placements"),
    ("follow_ups", "follow_ups"),
]
BOOLS = {"active", "mentor_available", "hidden", "pay_subsidy", "needs_recrafting"}
BYTES = {"wrapped_key", "special_sealed", "sensitive_sealed"}


def is_uuid(col):
    return col == "id" or (col.endswith("_id") and col != "business_id") or col == "proposed_by"


def projects_of(data):
    """Each participant's project, from participants.csv: ESF+ records and follow-ups carry
    their participant's project (migration 0039), which gen.py does not repeat in their files."""
    with open(data / "participants.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        cols = next(r)
        i, j = cols.index("id"), cols.index("project_id")
        return {row[i]: row[j] for row in r}


def rows(data, table, file, project_of):
    """(columns, iterator of rows as strings, "" for NULL)."""
    if table == "participant_keys":
        f = open(data / "sealed.csv", newline="")
        r = csv.reader(f)
        next(r)
        return ["participant_id", "wrapped_key", "created_at"], (
            [pid, wrapped, "2021-01-01T00:00:00Z"] for pid, wrapped, _ in r)
    f = open(data / f"{file}.csv", newline="", encoding="utf-8")
    r = csv.reader(f)
    cols = next(r)
    if table == "participants":
        return cols + ["sensitive_sealed"], (row + ["00"] for row in r)
    if table == "esf_records":
        s = open(data / "sealed.csv", newline="")
        sr = csv.reader(s)
        next(sr)

        def joined():
            for row, (pid, _, sealed) in zip(r, sr):
                if row[0] != pid:
                    raise SystemExit("sealed.csv is not in the order of esf.csv")
                yield row + [sealed, project_of[pid]]
        return cols + ["special_sealed", "project_id"], joined()
    if table == "follow_ups":
        p = cols.index("participant_id")
        return cols + ["project_id"], (row + [project_of[row[p]]] for row in r)
    return cols, r


def load_pg(dsn, data):
    import psycopg2
    counts = {}
    con = psycopg2.connect(dsn)
    cur = con.cursor()
    cur.execute("SET session_replication_role = replica")
    cur.execute("SET synchronous_commit = off")
    cur.execute("SET maintenance_work_mem = '256MB'")
    project_of = projects_of(data)
    for table, file in TABLES:
        cols, it = rows(data, table, file, project_of)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        n = 0
        for row in it:
            w.writerow([("\\x" + v) if c in BYTES else v for c, v in zip(cols, row)])
            n += 1
        buf.seek(0)
        cur.copy_expert(f"COPY {table} ({', '.join(cols)}) FROM STDIN WITH (FORMAT csv)", buf)
        counts[table] = n
    con.commit()
    con.autocommit = True
    # VACUUM as autovacuum would soon after a load of this size: it sets the visibility map,
    # without which no scan of the covering indexes (migration 0037) is index-only.
    cur.execute("VACUUM (ANALYZE)")
    con.close()
    return counts


def load_sqlite(path, data):
    counts = {}
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("PRAGMA synchronous = OFF")
    # Random UUID keys: a large page cache keeps the indexes' B-trees in memory while loading.
    con.execute("PRAGMA cache_size = -400000")

    def conv(c, v):
        if v == "":
            return None
        if c in BYTES:
            return bytes.fromhex(v)
        if is_uuid(c):
            return bytes.fromhex(v.replace("-", ""))
        if c in BOOLS:
            return 1 if v == "true" else 0
        return v

    project_of = projects_of(data)
    for table, file in TABLES:
        cols, it = rows(data, table, file, project_of)
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        n = 0
        batch = []
        for row in it:
            batch.append([conv(c, v) for c, v in zip(cols, row)])
            if len(batch) == 50_000:
                con.executemany(sql, batch)
                con.commit()
                n += len(batch)
                batch = []
        con.executemany(sql, batch)
        con.commit()
        counts[table] = n + len(batch)
    con.execute("ANALYZE")
    con.commit()
    con.close()
    return counts


def main():
    data, url = Path(sys.argv[1]), sys.argv[2]
    t = time.monotonic()
    if url.startswith("postgres"):
        counts = load_pg(url, data)
    elif url.startswith("sqlite://"):
        counts = load_sqlite(url[len("sqlite://"):], data)
    else:
        raise SystemExit(f"not a database URL: {url}")
    print(json.dumps({"url": url, "rows": counts, "seconds": round(time.monotonic() - t, 1)}))


if __name__ == "__main__":
    main()
