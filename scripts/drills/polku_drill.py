#!/usr/bin/env python3
"""Fault drills for `polku serve` (issue 13, item 3). Python standard library only.

One program, five drills, each printing its figures and exiting non-zero when it fails:

  kill       kill -9 under write load (SQLite, or PostgreSQL on a private throw-away cluster,
             which is also restarted with an immediate shutdown); every write acknowledged
             with 2xx is read back and compared, `polku audit verify` must pass; prints
             `acknowledged N, lost 0`.
  disk-full  SQLite on a small tmpfs that is filled up: writes must answer 503 `storage_full`
             with Retry-After (API) and a clear page (browser), nothing refused may appear
             later, and writes resume by themselves when space returns.
  db-down    PostgreSQL (private cluster) stopped while requests flow: 503 with Retry-After,
             never 500, and recovery without restarting `serve`.
  flood      slowloris, oversized bodies and fields, sign-in and activation floods, while a
             well-behaved user measures latency; fails when its p95 exceeds the target.
  backup     `polku backup` (and on PostgreSQL `pg_basebackup` + `pg_verifybackup`) under
             write load, restored into a fresh location: integrity and audit chain pass,
             every write acknowledged before the backup started is there, an erasure made
             after it is applied again (R51).

The scripts `scripts/drill-*.sh` call this; see docs/SECURITY.md, "Drills".
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

PASSWORD = "kissa istuu ikkunalla 2026"
# The test data's canary mark (R32): the participants the drills write carry it in their family
# names, and scripts/canary-scan.py fails when it reaches a server log.
CANARY = "Xqzcanary"


def keep_logs(drill, *dirs):
    """Copies the server logs (serve-N.out/.err) and the private cluster's log under `dirs` to
    $POLKU_TEST_LOG_DIR, when set, for the canary scan (scripts/test.sh)."""
    keep = os.environ.get("POLKU_TEST_LOG_DIR")
    if not keep:
        return
    for d in dirs:
        if not d or not os.path.isdir(d):
            continue
        for root, _, names in os.walk(d):
            for n in names:
                if n.endswith((".out", ".err")) or n == "log":
                    rel = os.path.relpath(os.path.join(root, n), d).replace(os.sep, "-")
                    try:
                        shutil.copy(os.path.join(root, n), os.path.join(keep, f"drill-{drill}-{os.path.basename(d)}-{rel}"))
                    except OSError:
                        pass


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Fail(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# HTTP


class Client:
    """A tiny JSON client on one keep-alive connection (re-opened on any error)."""

    def __init__(self, port, timeout=30):
        self.port = port
        self.timeout = timeout
        self.conn = None
        self.token = None

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None

    def request(self, method, path, body=None, headers=None, raw=None):
        """Returns (status, headers dict lower-cased, body bytes). Raises OSError and
        http.client exceptions when the server is not there."""
        h = {"Origin": f"http://127.0.0.1:{self.port}"}
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if headers:
            h.update(headers)
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=data, headers=h)
            res = self.conn.getresponse()
            out = res.read()
            hdrs = {k.lower(): v for k, v in res.getheaders()}
            if hdrs.get("connection", "").lower() == "close":
                self.close()
            return res.status, hdrs, out
        except Exception:
            self.close()
            raise

    def sign_in(self, email):
        self.token = None
        st, _, out = self.request("POST", "/api/v1/sessions", {"email": email, "password": PASSWORD})
        if st != 201:
            raise Fail(f"sign-in answered {st}: {out[:200]!r}")
        self.token = json.loads(out)["token"]


# ---------------------------------------------------------------------------------------------
# The server under test


class Server:
    def __init__(self, binary, workdir, database_url, port=None, demo=True, extra_env=None, logdir=None):
        self.binary = os.path.abspath(binary)
        self.workdir = workdir
        self.logdir = logdir or workdir
        self.database_url = database_url
        self.port = port or free_port()
        self.demo = demo
        self.proc = None
        self.starts = 0
        self.env = dict(os.environ)
        self.env.update(
            {
                "POLKU_DATABASE_URL": database_url,
                "POLKU_KEYS_FILE": os.path.join(workdir, "polku-keys.toml"),
                "POLKU_LOG": "warn",
            }
        )
        if extra_env:
            self.env.update(extra_env)

    def start(self, wait_links=False, timeout=600):
        self.starts += 1
        args = [self.binary, "serve", "--listen", f"127.0.0.1:{self.port}"]
        if self.demo:
            args.append("--demo")
        if self.database_url.startswith("postgres"):
            args.append("--migrate")
        self.out_path = os.path.join(self.logdir, f"serve-{self.starts}.out")
        self.err_path = os.path.join(self.logdir, f"serve-{self.starts}.err")
        self.proc = subprocess.Popen(
            args,
            cwd=self.workdir,
            env=self.env,
            stdout=open(self.out_path, "w"),
            stderr=open(self.err_path, "w"),
        )
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise Fail(f"serve exited with {self.proc.returncode}: {self.stderr_tail()}")
            if wait_links:
                with open(self.out_path) as f:
                    text = f.read()
                if re.search(r"^  admin", text, re.M):
                    return time.monotonic() - t0
            elif self.ready():
                return time.monotonic() - t0
            time.sleep(0.1)
        raise Fail("serve did not come up in time")

    def seed(self, participants=20, employers=10):
        """A small demo (`serve --demo` would write 200 participants, a minute or two in a
        debug build); `serve --demo` then finds the database seeded and only prints links.
        On SQLite the seeded database and its key file are kept as a template beside the
        binary's build (keyed by the binary's size and time) and copied for the next drill."""
        t0 = time.monotonic()
        sqlite = self.database_url.startswith("sqlite://")
        st = os.stat(self.binary)
        cache = os.path.join(tempfile.gettempdir(),
                             f"polku-drill-template-{st.st_size}-{int(st.st_mtime)}-{participants}-{employers}")
        db = self.database_url[len("sqlite://"):] if sqlite else None
        keys = self.env["POLKU_KEYS_FILE"]
        if sqlite and os.path.exists(os.path.join(cache, "done")):
            try:
                shutil.copyfile(os.path.join(cache, "polku.db"), db)
                shutil.copyfile(os.path.join(cache, "polku-keys.toml"), keys)
                os.chmod(db, 0o600)
                os.chmod(keys, 0o600)
                return time.monotonic() - t0
            except OSError:
                # Removed meanwhile by another run: seed afresh.
                for f in (db, keys):
                    if os.path.exists(f):
                        os.remove(f)
        self.cli("demo", "--participants", str(participants), "--employers", str(employers))
        if sqlite:
            # A consistent copy: the WAL is folded into the file by a clean close (the demo
            # command has exited).
            tmp = tempfile.mkdtemp(prefix="polku-drill-template-")
            self.cli("backup", os.path.join(tmp, "polku.db"))
            shutil.copyfile(keys, os.path.join(tmp, "polku-keys.toml"))
            open(os.path.join(tmp, "done"), "w").close()
            # Templates of older binaries are of no more use: one is kept (about 60 MB).
            for old in os.listdir(tempfile.gettempdir()):
                if old.startswith("polku-drill-template-") and old != os.path.basename(tmp):
                    shutil.rmtree(os.path.join(tempfile.gettempdir(), old), ignore_errors=True)
            try:
                os.rename(tmp, cache)
            except OSError:
                shutil.rmtree(tmp, ignore_errors=True)
        return time.monotonic() - t0

    def ready(self):
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            c.request("GET", "/api/v1/openapi.json")
            r = c.getresponse()
            r.read()
            c.close()
            return r.status == 200
        except OSError:
            return False

    def links(self):
        """role -> (email, activation link) from the demo's printout."""
        out = {}
        with open(self.out_path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and line.startswith("  ") and "token=" in parts[2]:
                    out[parts[0]] = (parts[1], parts[2])
        return out

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def stderr_tail(self):
        try:
            with open(self.err_path) as f:
                return f.read()[-2000:]
        except OSError:
            return ""

    def cli(self, *args, check=True):
        r = subprocess.run(
            [self.binary, *args], cwd=self.workdir, env=self.env, capture_output=True, text=True
        )
        if check and r.returncode != 0:
            raise Fail(f"polku {' '.join(args)} exited {r.returncode}: {r.stdout} {r.stderr}")
        return r


def activate_coach(server):
    """Sets the demo coach's password through its one-time link; returns the e-mail."""
    email, link = server.links()["coach"]
    token = link.split("token=", 1)[1]
    body = urllib.parse.urlencode(
        {"token": token, "password": PASSWORD, "password_confirm": PASSWORD}
    ).encode()
    c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    c.request(
        "POST",
        "/activate",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{server.port}",
        },
    )
    r = c.getresponse()
    r.read()
    c.close()
    if r.status >= 400:
        raise Fail(f"activation answered {r.status}")
    return email


def print_server_errors(server, limit=12):
    """The server's distinct 5xx log lines, for a failed drill."""
    seen = []
    for n in range(1, server.starts + 1):
        try:
            with open(os.path.join(server.logdir, f"serve-{n}.err")) as f:
                for line in f:
                    if "internal" in line or "storage" in line or "ERROR" in line:
                        key = re.sub(r"request_id=\S+|^\S+", "", line)[:400]
                        if key not in seen:
                            seen.append(key)
        except OSError:
            pass
    for line in seen[:limit]:
        print(f"  server: {line.strip()}")


# ---------------------------------------------------------------------------------------------
# A private PostgreSQL cluster (never the shared one on 5432)


class PgCluster:
    def __init__(self):
        bins = sorted(
            d for d in os.listdir("/usr/lib/postgresql") if os.path.isdir(f"/usr/lib/postgresql/{d}/bin")
        )
        if not bins:
            raise Fail("no PostgreSQL server binaries under /usr/lib/postgresql")
        self.bin = f"/usr/lib/postgresql/{bins[-1]}/bin"
        self.dir = tempfile.mkdtemp(prefix="polku-drill-pg-")
        os.chmod(self.dir, 0o755)
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        self.as_user = os.geteuid() == 0
        if self.as_user:
            shutil.chown(self.dir, "postgres", "postgres")
        self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        with open(self.run_path("postgresql.conf"), "a") as f:
            pass
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/polku"

    def run_path(self, name):
        return os.path.join(self.data, name)

    def run(self, tool, *args, check=True):
        cmd = [f"{self.bin}/{tool}", *args]
        if self.as_user:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if check and r.returncode != 0:
            raise Fail(f"{tool} failed: {r.stdout}{r.stderr}")
        return r

    def start(self):
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=40"
        self.run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-o", opts, "-w", "start")

    def stop(self, mode="immediate"):
        self.run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop", check=False)

    def create_db(self):
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "polku")

    def destroy(self):
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Write load


class Writer:
    """Writes participants and plan steps through the API from several threads; keeps every
    write acknowledged with 2xx (id and content) and counts the other answers."""

    def __init__(self, port, email, threads=2):
        self.port = port
        self.email = email
        self.threads = threads
        self.acked = []  # (kind, id, parent, content)
        self.lock = threading.Lock()
        self.stop_flag = threading.Event()
        self.statuses = {}
        self.errors = 0
        self.workers = []

    def count(self, key):
        with self.lock:
            self.statuses[key] = self.statuses.get(key, 0) + 1

    def run(self, n):
        c = Client(self.port, timeout=30)
        participants = []
        seq = 0
        while not self.stop_flag.is_set():
            seq += 1
            try:
                if c.token is None:
                    c.sign_in(self.email)
                if participants and seq % 2 == 0:
                    pid = random.choice(participants)
                    text = f"drill step {uuid.uuid4().hex}"
                    st, _, out = c.request(
                        "POST", f"/api/v1/participants/{pid}/plan", {"text": text, "due": "2027-01-31"}
                    )
                    if 200 <= st < 300:
                        with self.lock:
                            self.acked.append(("plan", json.loads(out)["id"], pid, text))
                else:
                    tag = uuid.uuid4().hex[:12]
                    body = {
                        "personal": {
                            "given_name": f"Drill{n}",
                            "family_name": f"{CANARY}K{tag}",
                            "email": f"d{tag}@example.fi",
                            "languages": {"fi": "B2"},
                            "mobility": {"home": "398", "acceptable": ["091"]},
                            "availability": {"hours_per_week": {"min": 10, "max": 25}, "days_per_week_max": 4},
                        },
                        "waiting_since": "2026-01-15",
                    }
                    st, _, out = c.request("POST", "/api/v1/participants", body)
                    if 200 <= st < 300:
                        pid = json.loads(out)["id"]
                        participants.append(pid)
                        with self.lock:
                            self.acked.append(("participant", pid, None, f"{CANARY}K{tag}"))
                self.count(st)
                if st == 401:
                    c.token = None
                elif st >= 500:
                    time.sleep(0.2)
            except Fail:
                self.count("signin-failed")
                time.sleep(0.3)
            except (OSError, http.client.HTTPException):
                self.count("no-answer")
                time.sleep(0.1)

    def start(self):
        for n in range(self.threads):
            t = threading.Thread(target=self.run, args=(n,), daemon=True)
            t.start()
            self.workers.append(t)

    def stop(self):
        self.stop_flag.set()
        for t in self.workers:
            t.join(timeout=60)


def verify_acked(port, email, acked):
    """Reads back every acknowledged write; returns the list of lost ones."""
    c = Client(port, timeout=60)
    c.sign_in(email)
    lost = []
    plans = {}
    for kind, oid, parent, content in acked:
        if kind == "participant":
            st, _, out = c.request("GET", f"/api/v1/participants/{oid}")
            if st != 200 or json.loads(out)["personal"]["family_name"] != content:
                lost.append((kind, oid, st))
        else:
            if parent not in plans:
                st, _, out = c.request("GET", f"/api/v1/participants/{parent}/plan")
                body = json.loads(out) if st == 200 else {}
                items = body.get("items", body) if isinstance(body, dict) else body
                plans[parent] = {i["id"]: i.get("text") for i in items} if st == 200 else {}
            if plans[parent].get(oid) != content:
                lost.append((kind, oid, "missing or changed"))
    return lost


# ---------------------------------------------------------------------------------------------
# Drill: kill -9 under write load


def drill_kill(a):
    work = tempfile.mkdtemp(prefix="polku-drill-kill-")
    pg = None
    server = None
    try:
        if a.db == "postgres":
            pg = PgCluster()
            pg.start()
            pg.create_db()
            url = pg.url
        else:
            url = f"sqlite://{work}/polku.db"
        server = Server(a.binary, work, url)
        server.seed()
        took = server.start(wait_links=True)
        log(f"{a.db}: demo server up in {took:.1f} s")
        email = activate_coach(server)
        writer = Writer(server.port, email, threads=a.threads)
        writer.start()
        kills = 0
        pg_restarts = 0
        restart_times = []
        while kills < a.kills:
            time.sleep(random.uniform(a.min_gap, a.max_gap))
            if pg is not None and kills % 3 == 2:
                # The database dies too: an immediate shutdown (no checkpoint, crash recovery
                # at the next start), while the server is writing.
                pg.stop("immediate")
                pg_restarts += 1
                time.sleep(random.uniform(0.1, 0.8))
                server.kill9()
                pg.start()
            else:
                server.kill9()
            kills += 1
            t0 = time.monotonic()
            server.start()
            restart_times.append(time.monotonic() - t0)
            with writer.lock:
                n = len(writer.acked)
            log(f"kill {kills}/{a.kills}: restarted in {restart_times[-1]:.1f} s, {n} acknowledged so far")
        time.sleep(a.min_gap)
        writer.stop()
        acked = list(writer.acked)
        lost = verify_acked(server.port, email, acked)
        server.stop()
        audit = server.cli("audit", "verify", check=False)
        log(f"answers during the drill: {dict(sorted(writer.statuses.items(), key=str))}")
        log(f"kills {kills}, database immediate restarts {pg_restarts}, "
            f"serve restart p50 {sorted(restart_times)[len(restart_times) // 2]:.1f} s")
        log(f"audit verify: exit {audit.returncode}: {audit.stdout.strip()[-300:]}")
        participants = sum(1 for x in acked if x[0] == "participant")
        print(f"{a.db}: {participants} participants and {len(acked) - participants} plan steps written")
        print(f"acknowledged {len(acked)}, lost {len(lost)}", flush=True)
        if lost:
            for x in lost[:20]:
                print(f"  lost: {x}")
        if lost or audit.returncode != 0 or not acked or kills < a.kills:
            return 1
        return 0
    finally:
        if server:
            server.kill9()
        keep_logs(f"kill-{a.db}", work, pg.dir if pg else None)
        if pg:
            pg.destroy()
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Drill: disk full


def fill(path, chunk=1 << 20):
    """Writes a filler file until the filesystem is full; returns bytes written."""
    n = 0
    buf = b"\0" * chunk
    with open(path, "wb", buffering=0) as f:
        while True:
            try:
                n += f.write(buf)
            except OSError:
                if chunk > 4096:
                    chunk //= 16
                    buf = b"\0" * chunk
                    continue
                break
        try:
            os.fsync(f.fileno())
        except OSError:
            pass
    return n


def page_sign_in(port, email):
    """Signs in through the sign-in form (demo mode: no second factor); returns the cookie."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode({"email": email, "password": PASSWORD}).encode()
    c.request(
        "POST",
        "/sign-in",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{port}"},
    )
    r = c.getresponse()
    r.read()
    cookies = [v.split(";", 1)[0] for k, v in r.getheaders() if k.lower() == "set-cookie"]
    c.close()
    return "; ".join(cookies)


def drill_disk_full(a):
    mnt = tempfile.mkdtemp(prefix="polku-drill-full-")
    mounted = False
    server = None
    try:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={a.size_mb}m,mode=0700", "tmpfs", mnt],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise Fail(f"cannot mount a tmpfs here ({r.stderr.strip()}); run as root")
        mounted = True
        logs = tempfile.mkdtemp(prefix="polku-drill-full-logs-")
        server = Server(a.binary, mnt, f"sqlite://{mnt}/polku.db", logdir=logs)
        server.seed()
        took = server.start(wait_links=True)
        email = activate_coach(server)
        usage = shutil.disk_usage(mnt)
        log(f"tmpfs of {a.size_mb} MiB at {mnt}; demo up in {took:.1f} s; {usage.used >> 20} MiB used")
        c = Client(server.port)
        c.sign_in(email)
        cookie = page_sign_in(server.port, email)
        good = []

        def write(tag):
            body = {
                "personal": {"given_name": "Full", "family_name": f"{CANARY}F{tag}", "languages": {"fi": "B2"},
                             "mobility": {"home": "398", "acceptable": []},
                             "availability": {"hours_per_week": {"min": 10, "max": 25}, "days_per_week_max": 4}},
                "waiting_since": "2026-01-15",
            }
            return c.request("POST", "/api/v1/participants", body)

        for i in range(5):
            st, _, out = write(f"before{i}")
            if st != 201:
                raise Fail(f"write before filling the disk answered {st}")
            good.append(json.loads(out)["id"])
        filler = os.path.join(mnt, "filler")
        filled = fill(filler)
        log(f"filled the filesystem with {filled >> 20} MiB; {shutil.disk_usage(mnt).free} bytes free")
        refused = []
        statuses = {}
        codes = {}
        retry_after = set()
        for i in range(a.writes):
            tag = f"refused{i}-{uuid.uuid4().hex[:8]}"
            st, h, out = write(tag)
            statuses[st] = statuses.get(st, 0) + 1
            if st == 201:
                good.append(json.loads(out)["id"])
                continue
            refused.append(tag)
            try:
                err = json.loads(out)["error"]
                codes[err["code"]] = err["message"]
            except (ValueError, KeyError):
                codes["(no envelope)"] = out[:100]
            if "retry-after" in h:
                retry_after.add(h["retry-after"])
        log(f"writes while full: {statuses}; codes {list(codes)}; Retry-After {sorted(retry_after)}")
        for code, msg in codes.items():
            log(f"  {code}: {msg}")
        # The browser's view of a save while the disk is full: a form post of a plan step.
        pid = good[0]
        pc = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        form = urllib.parse.urlencode({"text": "full disk step", "due": "2027-01-31"}).encode()
        pc.request("POST", f"/participants/{pid}/plan", body=form,
                   headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                            "Origin": f"http://127.0.0.1:{server.port}", "Accept-Language": "fi"})
        pr = pc.getresponse()
        page = pr.read().decode("utf-8", "replace")
        pc.close()
        page_ok = pr.status == 503 and "tallennustila on täynnä" in page
        log(f"page (fi) form post while full: {pr.status}, clear message shown: {page_ok}")
        alive = server.proc.poll() is None
        os.remove(filler)
        log("space returned (filler removed)")
        t0 = time.monotonic()
        resumed = None
        while time.monotonic() - t0 < 60:
            st, _, out = write(f"after-{uuid.uuid4().hex[:8]}")
            if st == 201:
                resumed = time.monotonic() - t0
                good.append(json.loads(out)["id"])
                break
            time.sleep(0.5)
        # Nothing refused may exist; everything acknowledged must.
        names = set()
        cursor = None
        while True:
            q = "/api/v1/participants?limit=100" + (f"&cursor={cursor}" if cursor else "")
            st, _, out = c.request("GET", q)
            if st != 200:
                raise Fail(f"listing answered {st}")
            body = json.loads(out)
            names.update(p.get("family_name") for p in body["items"])
            ids = {p["id"] for p in body["items"]}
            good = [g for g in good if g not in ids]
            cursor = body.get("next_cursor")
            if not cursor:
                break
        half = [t for t in refused if f"F{t}" in names]
        server.stop()
        integrity = server.cli("integrity", check=False)
        audit = server.cli("audit", "verify", check=False)
        ok_503 = statuses.get(503, 0) > 0 and set(statuses) <= {201, 503} and "storage_full" in codes
        print(f"writes while full: {sum(statuses.values())}, answered 503 storage_full: "
              f"{statuses.get(503, 0)}, other: {sum(v for k, v in statuses.items() if k != 503)}")
        print(f"server alive while full: {alive}; page shows the message: {page_ok}")
        print(f"resumed by itself after space returned: "
              f"{'yes, in %.1f s' % resumed if resumed is not None else 'NO'}")
        print(f"refused writes found afterwards: {len(half)}; acknowledged writes missing: {len(good)}")
        print(f"integrity: exit {integrity.returncode}; audit verify: exit {audit.returncode}")
        fails = not (ok_503 and alive and page_ok and resumed is not None and not half and not good
                     and integrity.returncode == 0 and audit.returncode == 0 and retry_after)
        if fails:
            print_server_errors(server)
        print("disk-full drill: " + ("FAILED" if fails else "passed"), flush=True)
        return 1 if fails else 0
    finally:
        if server:
            server.kill9()
        if mounted:
            subprocess.run(["umount", "-l", mnt])
        if server:
            keep_logs("disk-full", server.logdir)
            if not os.environ.get("POLKU_DRILL_KEEP"):
                shutil.rmtree(server.logdir, ignore_errors=True)
        shutil.rmtree(mnt, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Drill: database down under load


def drill_db_down(a):
    work = tempfile.mkdtemp(prefix="polku-drill-down-")
    pg = PgCluster()
    server = None
    try:
        pg.start()
        pg.create_db()
        server = Server(a.binary, work, pg.url)
        server.seed()
        took = server.start(wait_links=True)
        email = activate_coach(server)
        log(f"postgres demo up in {took:.1f} s")
        stop = threading.Event()
        events = []  # (time, status, retry-after or None, code)
        lock = threading.Lock()

        def reader(n):
            c = Client(server.port, timeout=70)
            while not stop.is_set():
                t = time.monotonic()
                try:
                    if c.token is None:
                        c.sign_in(email)
                    if n % 2:
                        st, h, out = c.request("GET", "/api/v1/participants?limit=5")
                    else:
                        st, h, out = c.request("POST", "/api/v1/participants", {
                            "personal": {"given_name": "Down", "family_name": f"{CANARY}D{uuid.uuid4().hex[:8]}",
                                         "languages": {"fi": "B2"}, "mobility": {"home": "398", "acceptable": []},
                                         "availability": {"hours_per_week": {"min": 10, "max": 25},
                                                          "days_per_week_max": 4}},
                            "waiting_since": "2026-01-15"})
                    code = None
                    if st >= 400:
                        try:
                            code = json.loads(out)["error"]["code"]
                        except (ValueError, KeyError):
                            code = "?"
                    with lock:
                        events.append((t, time.monotonic(), st, h.get("retry-after"), code))
                    if st == 401:
                        c.token = None
                    if st >= 500:
                        time.sleep(0.2)
                except Fail:
                    with lock:
                        events.append((t, time.monotonic(), "signin-failed", None, None))
                    time.sleep(0.3)
                except (OSError, http.client.HTTPException):
                    with lock:
                        events.append((t, time.monotonic(), "no-answer", None, None))
                    time.sleep(0.2)
                time.sleep(0.05)

        threads = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(a.threads)]
        for t in threads:
            t.start()
        outages = []
        for round_ in range(a.rounds):
            time.sleep(a.up)
            t_down = time.monotonic()
            pg.stop(a.mode)
            log(f"round {round_ + 1}: PostgreSQL stopped ({a.mode})")
            time.sleep(a.down)
            pg.start()
            t_up = time.monotonic()
            log(f"round {round_ + 1}: PostgreSQL started again")
            # Recovered: the first 2xx of a request *sent* after the database is back.
            t_ok = None
            while time.monotonic() - t_up < 60:
                time.sleep(0.2)
                with lock:
                    ok = [e for e in events if e[0] >= t_up and isinstance(e[2], int) and e[2] < 300]
                if ok:
                    t_ok = min(e[1] for e in ok)
                    break
            outages.append((t_down, t_up, t_ok))
            if t_ok is None:
                break
        time.sleep(1)
        stop.set()
        for t in threads:
            t.join(timeout=90)
        alive = server.proc.poll() is None
        # Requests sent while the database was down (some wait for the pool and end after it is
        # back: they count with the answer they got).
        during = [e for e in events for (d, u, _) in outages if d <= e[0] <= u]
        st_during = {}
        for e in during:
            key = f"{e[2]} {e[4]}" if e[4] else str(e[2])
            st_during[key] = st_during.get(key, 0) + 1
        five_hundreds = [e for e in events if e[2] == 500]
        no_retry = [e for e in events if e[2] == 503 and not e[3]]
        slowest_503 = max((e[1] - e[0] for e in events if e[2] == 503), default=0)
        slowest_down = max((e[1] - e[0] for e in during), default=0)
        recover = [o[2] - o[1] for o in outages if o[2] is not None]
        server.stop()
        audit = server.cli("audit", "verify", check=False)
        print(f"rounds {len(outages)}, database down {a.down:.0f} s each ({a.mode} shutdown)")
        print(f"answers to requests sent while the database was down: {st_during}; "
              f"slowest answer {slowest_down:.1f} s")
        print(f"500 answers: {len(five_hundreds)}; 503 without Retry-After: {len(no_retry)}; "
              f"slowest 503: {slowest_503:.1f} s")
        print("recovered without restarting serve: "
              + ", ".join(f"{r:.1f} s" for r in recover) + f" after the database was back; serve alive: {alive}")
        print(f"audit verify: exit {audit.returncode}")
        n503 = sum(1 for e in during if e[2] == 503)
        fails = (len(recover) != a.rounds or five_hundreds or no_retry or not alive or n503 == 0
                 or audit.returncode != 0)
        if fails:
            print_server_errors(server)
        print("db-down drill: " + ("FAILED" if fails else "passed"), flush=True)
        return 1 if fails else 0
    finally:
        if server:
            server.kill9()
        keep_logs("db-down", work, pg.dir)
        pg.destroy()
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Drill: floods


def percentile(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def drill_flood(a):
    work = tempfile.mkdtemp(prefix="polku-drill-flood-")
    server = None
    try:
        server = Server(a.binary, work, f"sqlite://{work}/polku.db")
        server.seed()
        server.start(wait_links=True)
        links = server.links()
        email = activate_coach(server)
        port = server.port

        # The well-behaved user signs in once, before the flood: the flood comes from the same
        # loopback address, and its failed sign-ins would (rightly) throttle a sign-in from it.
        user = Client(port, timeout=30)
        user.sign_in(email)

        def normal_user(seconds, out, failures):
            c = user
            paths = ["/api/v1/me", "/api/v1/participants?limit=20"]
            end = time.monotonic() + seconds
            i = 0
            while time.monotonic() < end:
                t = time.monotonic()
                try:
                    st, _, _ = c.request("GET", paths[i % 2])
                    if st != 200:
                        failures.append(st)
                except (OSError, http.client.HTTPException) as e:
                    failures.append(type(e).__name__)
                out.append((time.monotonic() - t) * 1000)
                i += 1
                time.sleep(0.1)

        base, base_fail = [], []
        normal_user(a.seconds, base, base_fail)
        stop = threading.Event()
        counts = {}
        clock = threading.Lock()

        def bump(k):
            with clock:
                counts[k] = counts.get(k, 0) + 1

        def slowloris():
            socks = []
            while not stop.is_set():
                while len(socks) < a.slow_conns and not stop.is_set():
                    try:
                        s = socket.create_connection(("127.0.0.1", port), timeout=5)
                        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
                        socks.append(s)
                        bump("slowloris opened")
                    except OSError:
                        bump("slowloris refused")
                        break
                alive = []
                for s in socks:
                    try:
                        s.sendall(b"X")
                        alive.append(s)
                    except OSError:
                        bump("slowloris closed by server")
                        s.close()
                socks = alive
                time.sleep(1)
            for s in socks:
                s.close()

        big = b"{" + b'"x":"' + b"a" * (8 << 20) + b'"}'

        def oversized():
            c = Client(port, timeout=30)
            c.sign_in(email)
            field = {"personal": {"given_name": "a" * 200_000, "family_name": "b"}, "waiting_since": "2026-01-15"}
            many = {"personal": {"given_name": "x", "family_name": "y",
                                 "languages": {f"l{i}": "B2" for i in range(5000)}}}
            while not stop.is_set():
                for what, kw in (("body 8 MiB", {"raw": big, "headers": {"Content-Type": "application/json"}}),
                                 ("field 200 kB", {"body": field}), ("5000 keys", {"body": many})):
                    try:
                        st, _, _ = c.request("POST", "/api/v1/participants", **kw)
                        bump(f"oversized {what}: {st}")
                    except (OSError, http.client.HTTPException):
                        bump(f"oversized {what}: connection closed")

        def sign_in_flood(n):
            c = Client(port, timeout=30)
            victims = [e for e, _ in links.values()] + [f"nobody{i}@example.fi" for i in range(20)]
            while not stop.is_set():
                try:
                    st, _, _ = c.request("POST", "/api/v1/sessions",
                                         {"email": random.choice(victims), "password": f"wrong {random.random()}"})
                    bump(f"sign-in flood: {st}")
                except (OSError, http.client.HTTPException):
                    bump("sign-in flood: no answer")

        def activation_flood():
            c = Client(port, timeout=30)
            while not stop.is_set():
                body = urllib.parse.urlencode({"token": uuid.uuid4().hex * 2, "password": "x" * 100,
                                               "password_confirm": "x" * 100}).encode()
                try:
                    st, _, _ = c.request("POST", "/activate", raw=body,
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
                    bump(f"activation flood: {st}")
                except (OSError, http.client.HTTPException):
                    bump("activation flood: no answer")

        attackers = [threading.Thread(target=slowloris, daemon=True),
                     threading.Thread(target=oversized, daemon=True),
                     threading.Thread(target=activation_flood, daemon=True)]
        attackers += [threading.Thread(target=sign_in_flood, args=(n,), daemon=True) for n in range(2)]
        for t in attackers:
            t.start()
        time.sleep(2)
        flood, flood_fail = [], []
        normal_user(a.seconds, flood, flood_fail)
        stop.set()
        for t in attackers:
            t.join(timeout=30)
        alive = server.proc.poll() is None
        after, after_fail = [], []
        normal_user(2, after, after_fail)
        print(f"normal user without flood: {len(base)} requests, p50 {percentile(base, 50):.0f} ms, "
              f"p95 {percentile(base, 95):.0f} ms, failures {len(base_fail)}")
        print(f"normal user during flood:  {len(flood)} requests, p50 {percentile(flood, 50):.0f} ms, "
              f"p95 {percentile(flood, 95):.0f} ms, failures {len(flood_fail)} {sorted(set(map(str, flood_fail)))}")
        for k in sorted(counts):
            print(f"  {k}: {counts[k]}")
        p95 = percentile(flood, 95)
        fails = (p95 > a.target_ms or flood_fail or base_fail or after_fail or not alive
                 or not any(k.startswith("oversized body 8 MiB: 413") or k == "oversized body 8 MiB: connection closed"
                            for k in counts))
        print(f"target: p95 during flood <= {a.target_ms:.0f} ms; server alive: {alive}")
        print("flood drill: " + ("FAILED" if fails else "passed"), flush=True)
        return 1 if fails else 0
    finally:
        if server:
            server.kill9()
        keep_logs("flood", work)
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Drill: backup under write load, restore into a fresh location


def cutoff(writer):
    """Every write acknowledged until now: the backup started after each of them."""
    with writer.lock:
        return list(writer.acked)


def fresh_env(server, fresh, url):
    """The environment of a fresh location: its own database and a copy of the key file and
    its tombstone file (what the operator keeps apart from the database backups)."""
    for name in ("polku-keys.toml", "polku-keys.toml.erasures"):
        src = os.path.join(server.workdir, name)
        if os.path.exists(src):
            shutil.copyfile(src, os.path.join(fresh, name))
            os.chmod(os.path.join(fresh, name), 0o600)
    return {"POLKU_DATABASE_URL": url, "POLKU_KEYS_FILE": os.path.join(fresh, "polku-keys.toml")}


def check_copy(a, label, binary, fresh, url, email, before, erased, logdir):
    """Starts `serve` on a restored copy and checks it: `polku integrity` and `polku audit
    verify` pass, every write acknowledged before the backup started reads back, and the
    participant erased after the backup (if any) is gone. Returns a list of failures."""
    failures = []
    copy = Server(binary, fresh, url, extra_env={"POLKU_KEYS_FILE": os.path.join(fresh, "polku-keys.toml")},
                  logdir=logdir)
    for cmd in (["integrity"], ["audit", "verify"]):
        r = copy.cli(*cmd, check=False)
        log(f"{label}: polku {' '.join(cmd)}: exit {r.returncode}: {(r.stdout + r.stderr).strip()[-200:]}")
        if r.returncode != 0:
            failures.append(f"polku {' '.join(cmd)} exit {r.returncode}")
    try:
        copy.start(wait_links=True)
        expected = [x for x in before if erased is None or erased not in (x[1], x[2])]
        lost = verify_acked(copy.port, email, expected)
        print(f"{label}: acknowledged before the backup started {len(expected)}, lost {len(lost)}", flush=True)
        for x in lost[:20]:
            print(f"  lost: {x}")
        if lost:
            failures.append(f"{label}: {len(lost)} acknowledged writes missing")
        if not expected:
            failures.append(f"{label}: nothing was acknowledged before the backup")
        if erased:
            c = Client(copy.port, timeout=60)
            c.sign_in(email)
            st, _, _ = c.request("GET", f"/api/v1/participants/{erased}")
            print(f"{label}: participant erased after the backup answers {st} in the copy", flush=True)
            if st != 404:
                failures.append(f"{label}: erased participant answered {st}, not 404")
    finally:
        copy.stop()
    return failures


def drill_backup(a):
    work = tempfile.mkdtemp(prefix="polku-drill-backup-")
    os.chmod(work, 0o755)
    pg = None
    server = None
    failures = []
    try:
        if a.db == "postgres":
            pg = PgCluster()
            pg.start()
            pg.create_db()
            url = pg.url
        else:
            url = f"sqlite://{work}/polku.db"
        server = Server(a.binary, work, url)
        server.seed()
        server.start(wait_links=True)
        email = activate_coach(server)
        writer = Writer(server.port, email, threads=a.threads)
        writer.start()
        time.sleep(a.warmup)
        # The product's online backup (`VACUUM INTO` / `pg_dump -Fc`) while the writers write.
        dump = os.path.join(work, "backup.db" if pg is None else "backup.dump")
        before = cutoff(writer)
        t0 = time.monotonic()
        server.cli("backup", dump)
        took = time.monotonic() - t0
        during = len(cutoff(writer)) - len(before)
        log(f"{a.db}: polku backup took {took:.1f} s; {len(before)} writes acknowledged before it started, "
            f"{during} while it ran")
        base_before = None
        if pg is not None:
            # A base backup of the whole cluster under the same load, verified against its
            # manifest.
            base = os.path.join(pg.dir, "base")
            base_before = cutoff(writer)
            t0 = time.monotonic()
            pg.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres", "-D", base,
                   "-X", "stream", "-c", "fast", "--no-sync")
            took = time.monotonic() - t0
            log(f"postgres: pg_basebackup took {took:.1f} s; {len(base_before)} writes acknowledged before it "
                f"started, {len(cutoff(writer)) - len(base_before)} while it ran")
            r = pg.run("pg_verifybackup", base, check=False)
            log(f"postgres: pg_verifybackup: exit {r.returncode}: {(r.stdout + r.stderr).strip()[-200:]}")
            if r.returncode != 0:
                failures.append(f"pg_verifybackup exit {r.returncode}")
        # Erased after the backup: a restore must not bring the person back (R40).
        erased = next((x[1] for x in before if x[0] == "participant"), None)
        if erased is None:
            raise Fail("no participant was acknowledged before the backup")
        server.cli("subject", "erase", "--participant", erased)
        time.sleep(a.after)
        writer.stop()
        log(f"{a.db}: answers during the drill: {dict(sorted(writer.statuses.items(), key=str))}")
        server.stop()

        # Restore into a fresh location: the live database counts as lost (`--live-unreadable`),
        # so only the key file and its tombstone file are carried over.
        fresh = tempfile.mkdtemp(prefix="polku-drill-restored-", dir=work)
        if pg is None:
            furl = f"sqlite://{fresh}/polku.db"
        else:
            pg.run("createdb", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres", "polku_restored")
            furl = f"postgres://postgres@127.0.0.1:{pg.port}/polku_restored"
        env = dict(os.environ)
        env.update(fresh_env(server, fresh, furl))
        r = subprocess.run([os.path.abspath(a.binary), "restore", "--live-unreadable", dump], cwd=fresh, env=env,
                           capture_output=True, text=True)
        log(f"{a.db}: polku restore: exit {r.returncode}: {r.stdout.strip()}")
        if r.returncode != 0:
            raise Fail(f"polku restore exited {r.returncode}: {r.stderr.strip()[-500:]}")
        if "1 erasure(s) applied again" not in r.stdout:
            failures.append("restore did not apply the erasure again")
        failures += check_copy(a, f"{a.db} polku backup", a.binary, fresh, furl, email, before, erased, work)

        if pg is not None:
            # The base backup started as a cluster of its own on another port.
            copy_port = free_port()
            opts = f"-p {copy_port} -k {pg.dir} -c listen_addresses=127.0.0.1 -c max_connections=40"
            pg.run("pg_ctl", "-D", base, "-l", os.path.join(pg.dir, "log-copy"), "-o", opts, "-w", "start")
            try:
                bfresh = tempfile.mkdtemp(prefix="polku-drill-base-", dir=work)
                burl = f"postgres://postgres@127.0.0.1:{copy_port}/polku"
                fresh_env(server, bfresh, burl)
                # A cluster copy is the database as it was: the erasure made after it is not in
                # it, and `polku restore` (which applies tombstones again) takes a dump; the
                # copy is checked for the acknowledged writes, the integrity and the chain.
                failures += check_copy(a, "postgres pg_basebackup", a.binary, bfresh, burl, email, base_before,
                                       None, work)
            finally:
                pg.run("pg_ctl", "-D", base, "-m", "immediate", "-w", "stop", check=False)
        for f in failures:
            print(f"  failed: {f}")
        print(f"{a.db}: backup drill {'failed' if failures else 'passed'}", flush=True)
        return 1 if failures else 0
    finally:
        if server:
            server.kill9()
        if pg:
            pg.destroy()
        shutil.rmtree(work, ignore_errors=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", required=True)
    sub = p.add_subparsers(dest="drill", required=True)
    k = sub.add_parser("kill")
    k.add_argument("--db", choices=["sqlite", "postgres"], required=True)
    k.add_argument("--kills", type=int, default=20)
    k.add_argument("--threads", type=int, default=3)
    k.add_argument("--min-gap", type=float, default=0.5)
    k.add_argument("--max-gap", type=float, default=3.0)
    d = sub.add_parser("disk-full")
    d.add_argument("--size-mb", type=int, default=256)
    d.add_argument("--writes", type=int, default=40)
    b = sub.add_parser("db-down")
    b.add_argument("--rounds", type=int, default=3)
    b.add_argument("--up", type=float, default=5)
    b.add_argument("--down", type=float, default=20)
    b.add_argument("--threads", type=int, default=4)
    b.add_argument("--mode", default="immediate", choices=["fast", "immediate"])
    f = sub.add_parser("flood")
    f.add_argument("--seconds", type=float, default=30)
    f.add_argument("--slow-conns", type=int, default=300)
    f.add_argument("--target-ms", type=float, default=500)
    u = sub.add_parser("backup")
    u.add_argument("--db", choices=["sqlite", "postgres"], required=True)
    u.add_argument("--threads", type=int, default=3)
    u.add_argument("--warmup", type=float, default=10)
    u.add_argument("--after", type=float, default=3)
    a = p.parse_args()
    try:
        return {"kill": drill_kill, "disk-full": drill_disk_full, "db-down": drill_db_down,
                "flood": drill_flood, "backup": drill_backup}[a.drill](a)
    except Fail as e:
        print(f"drill failed: {e}", flush=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
