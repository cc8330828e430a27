"""PostgreSQL peer: participant -> top-20 openings with the engine's scoring in one SQL query.

Usage: python pg_peer.py DATA_DIR [--queries N] [--dsn DSN]
Loads the CSV files the benchmark exported into its own schema `polku_bench` (dropped at the
end), indexes them, runs the sampled participants' queries and prints one JSON line with p50/p99
latencies (measured from this client over the loopback) and how many top-20 lists agree with
the engine's. Written to be fast in PostgreSQL terms: openings indexed by municipality, the
person's acceptable municipalities joined first, hard limits as plain column comparisons, skill
coverage by joining the task-skill table with the person's skills once, everything in one
statement planned once (a prepared statement).
"""
import json
import sys
import time
from pathlib import Path

import psycopg2

DIMS = range(22)
SCHEMA = "polku_bench"


def ddl():
    cap = ", ".join(f"c{d} smallint" for d in DIMS)
    plus = ", ".join(f"p{d} smallint" for d in DIMS)
    dem = ", ".join(f"d{d} smallint" for d in DIMS)
    return f"""
    DROP SCHEMA IF EXISTS {SCHEMA} CASCADE;
    CREATE SCHEMA {SCHEMA};
    SET search_path = {SCHEMA};
    CREATE UNLOGGED TABLE people (id int PRIMARY KEY, hmin smallint, hmax smallint, days_max smallint,
        cannot smallint, l_fi smallint, l_sv smallint, l_en smallint, na int, {cap}, {plus});
    CREATE UNLOGGED TABLE accept (person int, municipality int);
    CREATE UNLOGGED TABLE person_skill (person int, skill int);
    CREATE UNLOGGED TABLE person_goal (person int, occupation int);
    CREATE UNLOGGED TABLE openings (id int PRIMARY KEY, municipality int, hours smallint, days smallint,
        sched smallint, l_fi smallint, l_sv smallint, l_en smallint, ready int, {dem});
    CREATE UNLOGGED TABLE opening_task (opening int, pos int, task int);
    CREATE UNLOGGED TABLE tasks (id int PRIMARY KEY, hours smallint, l_fi smallint, l_sv smallint,
        l_en smallint, learnable boolean, occupation int, demanded int, {dem});
    CREATE UNLOGGED TABLE task_skill (task int, skill int, essential boolean);
    """


INDEXES = f"""
    SET search_path = {SCHEMA};
    CREATE INDEX ON accept (person);
    CREATE INDEX ON person_skill (person);
    CREATE INDEX ON person_goal (person);
    CREATE INDEX ON openings (municipality);
    CREATE INDEX ON opening_task (opening);
    CREATE INDEX ON task_skill (task);
    ANALYZE;
"""


def acc_cost_sql(table):
    """Cheapest accommodation cost per dimension and gap, as CASE expressions (the benchmark's
    accommodations each relieve one dimension, so the cheapest cover is the sum)."""
    terms = []
    for d in DIMS:
        cases = " ".join(f"WHEN {g} THEN {c}" for g, c in enumerate(table[d]) if g > 0 and c >= 0)
        gap = f"GREATEST(o.d{d} - p.c{d}, 0)"
        terms.append(f"(CASE {gap} {cases} ELSE 0 END)" if cases else "0")
    return " + ".join(terms)


def query_sql(table):
    hard = " AND ".join(f"o.d{d} <= p.p{d}" for d in DIMS)
    func_num = " + ".join(
        f"(CASE WHEN t.d{d} > 0 AND (p.na >> {d}) & 1 = 0 THEN "
        f"(CASE WHEN p.c{d} >= t.d{d} THEN LEAST(4, 2 + p.c{d} - t.d{d}) ELSE 1 END) ELSE 0 END)"
        for d in DIMS
    )
    ndem = " + ".join(f"(t.d{d} > 0)::int" for d in DIMS)
    lang = ", ".join(
        f"CASE WHEN t.l_{l} > 0 THEN LEAST(1.0, 0.5 + 0.25 * GREATEST(p.l_{l} - t.l_{l}, 0)) ELSE 1.0 END"
        for l in ("fi", "sv", "en")
    )
    to_check = " + ".join(f"(o.d{d} > 0 AND (p.na >> {d}) & 1 = 1)::int" for d in DIMS)
    return f"""
    PREPARE top20(int) AS
    WITH p AS (SELECT * FROM people WHERE id = $1),
    cand AS (
        SELECT o.*, ({acc_cost_sql(table)}) AS cost, ({to_check}) AS to_check
        FROM p JOIN accept a ON a.person = p.id JOIN openings o ON o.municipality = a.municipality
        WHERE o.hours BETWEEN p.hmin AND p.hmax AND o.days <= p.days_max AND (o.sched & p.cannot) = 0
          AND o.l_fi <= p.l_fi AND o.l_sv <= p.l_sv AND o.l_en <= p.l_en AND {hard}),
    ct AS (SELECT c.id AS opening, ot.pos, ot.task FROM cand c JOIN opening_task ot ON ot.opening = c.id),
    sk AS (
        SELECT ct.task,
               count(*) FILTER (WHERE s.essential) AS e_tot,
               count(ps.skill) FILTER (WHERE s.essential) AS e_has,
               count(*) FILTER (WHERE NOT s.essential) AS o_tot,
               count(ps.skill) FILTER (WHERE NOT s.essential) AS o_has
        FROM ct JOIN task_skill s ON s.task = ct.task
        LEFT JOIN person_skill ps ON ps.person = $1 AND ps.skill = s.skill
        GROUP BY ct.task),
    tf AS (
        SELECT ct.opening, ct.pos, t.hours::float8 AS h, t.learnable,
               CASE WHEN coalesce(sk.e_tot, 0) = 0 THEN 1.0 ELSE sk.e_has::float8 / sk.e_tot END AS ess,
               CASE WHEN coalesce(sk.o_tot, 0) = 0 THEN 1.0 ELSE sk.o_has::float8 / sk.o_tot END AS opt,
               LEAST({lang}) AS lang,
               CASE WHEN ({ndem}) = 0 THEN 1.0 ELSE (({func_num})::float8 / 4.0) / ({ndem}) END AS func,
               (t.occupation IN (SELECT occupation FROM person_goal WHERE person = $1))::int::float8 AS goal
        FROM ct JOIN tasks t ON t.id = ct.task CROSS JOIN p LEFT JOIN sk ON sk.task = ct.task),
    agg AS (
        SELECT opening,
               greatest(sum(h ORDER BY pos), 1.0) AS th,
               sum(h * ess ORDER BY pos) AS s0, sum(h * opt ORDER BY pos) AS s1,
               sum(h * CASE WHEN learnable THEN 1.0 ELSE ess END ORDER BY pos) AS s2,
               sum(h * lang ORDER BY pos) AS s3, sum(h * func ORDER BY pos) AS s4,
               sum(h * goal ORDER BY pos) AS s6
        FROM tf GROUP BY opening)
    SELECT c.id,
           floor(300000 * s0 / th + 0.5)::bigint + floor(100000 * s1 / th + 0.5)::bigint
         + floor(100000 * s2 / th + 0.5)::bigint + floor(100000 * s3 / th + 0.5)::bigint
         + floor(150000 * s4 / th + 0.5)::bigint + (100000000 / (1000 + c.cost))::bigint
         + floor(100000 * s6 / th + 0.5)::bigint + c.ready AS score,
           c.to_check
    FROM cand c JOIN agg ON agg.opening = c.id
    ORDER BY score DESC, to_check ASC, c.id ASC
    LIMIT 20;
    """


def load(cur, d: Path):
    for table, name in [
        ("people", "pg_people.csv"), ("accept", "pg_accept.csv"), ("person_skill", "pg_person_skill.csv"),
        ("person_goal", "pg_person_goal.csv"), ("openings", "pg_openings.csv"),
        ("opening_task", "pg_opening_task.csv"), ("tasks", "pg_tasks.csv"), ("task_skill", "pg_task_skill.csv"),
    ]:
        with open(d / name) as f:
            cur.copy_expert(f"COPY {SCHEMA}.{table} FROM STDIN WITH (FORMAT csv)", f)


def main():
    d = Path(sys.argv[1])
    nq = int(sys.argv[sys.argv.index("--queries") + 1]) if "--queries" in sys.argv else 200
    dsn = sys.argv[sys.argv.index("--dsn") + 1] if "--dsn" in sys.argv else "host=127.0.0.1 port=5432 user=postgres dbname=test"
    meta = json.loads((d / "meta.json").read_text())
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    cur = conn.cursor()
    try:
        t0 = time.perf_counter()
        cur.execute(ddl())
        load(cur, d)
        cur.execute(INDEXES)
        load_s = time.perf_counter() - t0
        cur.execute(f"SET search_path = {SCHEMA}; SET jit = off;")
        cur.execute(query_sql(meta["acc_cost"]))
        ours = json.loads((d / "ours_person_results.json").read_text())[:nq]
        times, agree = [], 0
        for r in ours:
            t = time.perf_counter()
            cur.execute("EXECUTE top20(%s)", (r["person"],))
            rows = cur.fetchall()
            times.append(time.perf_counter() - t)
            if [int(s) for _, s, _ in rows] == [s for _, s in r["top"]]:
                agree += 1
        times.sort()
        print(json.dumps({
            "peer": "postgresql", "queries": len(times), "load_seconds": load_s,
            "p50_ms": times[len(times) // 2] * 1e3,
            "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))] * 1e3,
            "agree": agree,
        }))
    finally:
        cur.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        conn.close()


if __name__ == "__main__":
    main()
