"""Serving speed of the `make serve` stack: static files, cached and rendered pages, and 64 readers.

    .venv/bin/python bench/serve.py                       # SQLite (and PostgreSQL if DATABASE_URL names it)
    .venv/bin/python bench/serve.py --backends sqlite,postgresql
    .venv/bin/python bench/serve.py --duration 2 --mixed-duration 5    # a smoke run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/serve.py --outage

For each database it prepares a database of its own with `make site`'s commands (build_translations,
migrate --noinput, set_site_address, load_demo_content, rebuild_search_index,
refresh_translation_status; not the admin and demo accounts, which nothing here signs in with),
then starts what scripts/serve.sh starts, with the same settings and environment:
`gunicorn -c deploy/gunicorn.conf.py` (production settings, WEB_CONCURRENCY or 2 x cores + 1 sync
workers), `manage.py db_worker` and `manage.py run_publish_scheduler`, on a free loopback port.
SQLite lives in a temporary directory; PostgreSQL uses `ankasam_bench_serve` on the server
DATABASE_URL names (or 127.0.0.1:5432 as postgres), created when missing, dropped first with
`--fresh`, and refused without "bench" in its name. Static files are collected into STATIC_ROOT
(default `staticfiles/`) when missing or older than `static/`, as scripts/serve.sh does. The page
cache is files in the temporary directory, or Redis with `--redis-url` (that Redis database is
emptied first: give one nothing else uses).

Once the background worker has run the tasks the demo queued, each phase runs --duration seconds
at --concurrency connections (one request per connection: gunicorn's sync workers close each one):

  static CSS        the hashed site.css, as WhiteNoise serves it (brotli, a year of caching)
  article cached    an article for anonymous readers, from the page cache (checked: X-Cache HIT)
  article bypassed  the same article with a `sessionid` cookie of random value: the page cache
                    skips any request with a session cookie, so the page is rendered each time, and
                    since no such session exists it is rendered for an anonymous reader (checked:
                    no X-Cache, and the same bytes as the cached page). This is the cost of a page
                    the cache cannot answer, plus the session lookup a signed-in editor also pays;
                    a unique query string per request would also bypass, but each one would be
                    stored, growing the cache (and, with the file cache, listing its directory on
                    every store), so the figure would include that too.
  home cached / home bypassed   the same for /en/
  mixed             --mixed-duration s at --mixed-concurrency connections: articles, homes and
                    listings in every language (anonymous, so mostly from the cache), the static
                    files an article loads, and one request in twenty bypassing the cache

For each: requests per second, p50 and p99 latency (connect to last byte), non-2xx answers and
connection errors, what the page cache said, the gunicorn workers' CPU per request (utime + stime
from /proc, before and after, of every worker and of those the master reaped meanwhile, divided
by the requests; workers replaced by max_requests are counted, and shown) and the load
generator's own CPU per request. The load generator is in this file: non-blocking sockets in one
thread, loopback only, a fixed duration and number of connections; a line warns when it used
most of a core, so it may have been the limit.

Checks (exit 1 if any fails): cached article req/s >= 50 % of static CSS req/s in the same run;
no non-2xx answer and no connection error in the mixed run; cached phases answered by the cache
and bypassed phases rendered for an anonymous reader.

`--outage` (PostgreSQL only; it restarts the real cluster, so never on a server others use):
during --outage-duration s of requests the cache cannot answer (and /healthz every 0.1 s) it runs
`pg_ctlcluster --skip-systemctl-redirect 15 main restart` (--pg-cluster) and reports how many
200, 503 (with and without Retry-After) and other answers it saw, when PostgreSQL was back, how
long after that pages answered 200 again, the gunicorn log lines written meanwhile, and whether
the gunicorn master, its workers, the db_worker and the scheduler are the same processes after it.

docs/performance.md has the figures and how to read them.
"""

import argparse
import errno
import heapq
import http.client
import ipaddress
import itertools
import json
import multiprocessing
import os
import random
import re
import secrets
import selectors
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse, urlunparse

PROJECT = Path(__file__).resolve().parent.parent
BIN = PROJECT / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
DEFAULT_POSTGRESQL = "postgres://postgres@127.0.0.1:5432/postgres"
# The article measured alone when the demo has it (it has notes, authors and similar posts).
PREFERRED_ARTICLE = "/en/analyses/trans-caspian-gas-after-2030/"
CACHED_SHARE_OF_STATIC = 0.5
# The load generator's CPU over the run's length above which it may have been the limit.
CLIENT_BUSY = 0.8
# `make site` (Makefile) without ensure_admin and ensure_demo_team: nothing here signs in.
SITE_COMMANDS = [
    ["build_translations"],
    ["migrate", "--noinput"],
    ["set_site_address", "{site}"],
    ["load_demo_content"],
    ["rebuild_search_index"],
    ["refresh_translation_status"],
]
# Run in a child process with the stack's environment: one Django start-up for every command.
PREPARE = r"""
import json, sys, time
import django
django.setup()
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
for command in json.loads(sys.argv[1]):
    started = time.monotonic()
    call_command(*command)
    print(f"== {' '.join(command)}: {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
if settings.REDIS_URL:
    caches["default"].clear()  # FLUSHDB: pages and site paths of an earlier run must not answer
"""
TASK_TABLE = "django_tasks_database_dbtaskresult"  # django_tasks_db's queue


def arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--backends", help="comma-separated, of sqlite and postgresql (default: sqlite, and postgresql "
        "when DATABASE_URL names it)"
    )  # fmt: skip
    parser.add_argument("--duration", type=float, default=10, help="seconds per phase (default 10)")
    parser.add_argument("--concurrency", type=int, default=16, help="connections per phase (default 16)")
    parser.add_argument("--mixed-duration", type=float, default=30, help="seconds of the mixed run (30)")
    parser.add_argument("--mixed-concurrency", type=int, default=64, help="connections of the mixed run (64)")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of warm-up before measuring (3)")
    parser.add_argument("--database", default="ankasam_bench_serve", help="PostgreSQL database name")
    parser.add_argument(
        "--any-database", action="store_true", help="allow a database without 'bench' in its name"
    )
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the PostgreSQL database")
    parser.add_argument("--redis-url", help="page cache in this Redis database (loopback; it is emptied)")
    parser.add_argument(
        "--compare-conn-max-age", action="store_true",
        help="on PostgreSQL, run the bypassed phases again with DATABASE_CONN_MAX_AGE=0",
    )  # fmt: skip
    parser.add_argument(
        "--outage", action="store_true",
        help="restart the real PostgreSQL cluster during load (never on a shared server)",
    )  # fmt: skip
    parser.add_argument("--outage-duration", type=float, default=40, help="seconds of load around it (40)")
    parser.add_argument("--outage-after", type=float, default=5, help="seconds of load before it (5)")
    parser.add_argument("--pg-cluster", default="15/main", help="version/name for pg_ctlcluster (15/main)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs)")
    args = parser.parse_args()
    if args.backends:
        args.backends = [name.strip() for name in args.backends.split(",") if name.strip()]
    else:
        url = os.environ.get("DATABASE_URL", "")
        args.backends = ["sqlite"] + (["postgresql"] if url.startswith("postgres") else [])
    unknown = set(args.backends) - {"sqlite", "postgresql"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")
    if args.outage and "postgresql" not in args.backends:
        parser.error("--outage restarts PostgreSQL: give a PostgreSQL DATABASE_URL or --backends postgresql")
    if args.redis_url:
        require_loopback(urlparse(args.redis_url).hostname or "", "Redis")
    return args


def require_loopback(host: str, what: str = "load") -> None:
    """The load generator and the stack only ever talk to this machine."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        sys.exit(f"Refusing a non-loopback {what} target {host!r}: this benchmark stays on 127.0.0.1.")


# -- The load generator --------------------------------------------------------------------------


@dataclass
class LoadResult:
    started: float = 0.0
    elapsed: float = 0.0
    client_cpu: float = 0.0
    latencies: list = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    by_label: Counter = field(default_factory=Counter)  # (label, status or error) -> count
    errors: Counter = field(default_factory=Counter)
    cache: Counter = field(default_factory=Counter)  # X-Cache value, "-" when absent
    no_retry_after: Counter = field(default_factory=Counter)  # label -> 503 answers without Retry-After
    timeline: list | None = None  # (seconds since start, label, status or error name)

    @property
    def answers(self) -> int:
        return sum(self.statuses.values())

    @property
    def non_2xx(self) -> int:
        return sum(count for status, count in self.statuses.items() if not 200 <= status < 300)

    def rate(self) -> float:
        return self.answers / self.elapsed if self.elapsed else 0.0

    def percentile(self, fraction: float) -> float:
        """Nearest rank, in milliseconds."""
        if not self.latencies:
            return float("nan")
        values = sorted(self.latencies)
        rank = max(0, min(len(values) - 1, int(fraction * len(values) + 0.999999) - 1))
        return values[rank] * 1000


class Exchange:
    """One request on one connection, from connect to the last byte of the answer."""

    __slots__ = ("sock", "label", "payload", "sent", "started", "head", "body", "length", "status", "headers")

    def __init__(self, sock, label, payload, started):
        self.sock, self.label, self.payload, self.started = sock, label, payload, started
        self.sent, self.head, self.body, self.length, self.status, self.headers = 0, b"", 0, None, None, {}


WANTED_HEADERS = ("content-length", "x-cache", "retry-after")


def run_load(port, pick, concurrency, duration, *, timeout=30.0, timeline=False) -> LoadResult:
    """`concurrency` connections to 127.0.0.1:`port` for `duration` seconds, one request each.

    `pick()` returns (label, request bytes). Requests in flight at the end are waited for (up to
    `timeout`), so every request sent is counted; the rate is answers over the time until the last.
    """
    require_loopback(HOST)
    selector = selectors.DefaultSelector()
    result = LoadResult(timeline=[] if timeline else None)
    cpu_before = time.process_time()
    result.started = started = time.perf_counter()
    deadline = started + duration
    to_open, retry_at, last_sweep, last_done = concurrency, [], started, started

    def done(exchange, outcome):
        nonlocal to_open, last_done
        selector.unregister(exchange.sock)
        exchange.sock.close()
        now = last_done = time.perf_counter()
        if isinstance(outcome, int):
            result.statuses[outcome] += 1
            result.latencies.append(now - exchange.started)
            result.cache[exchange.headers.get("x-cache", "-")] += 1
            if outcome == 503 and "retry-after" not in exchange.headers:
                result.no_retry_after[exchange.label] += 1
            if now < deadline:
                to_open += 1
        else:
            result.errors[outcome] += 1
            if now < deadline:  # a short pause, so a refusing server is not hammered in a loop
                heapq.heappush(retry_at, now + 0.01)
        result.by_label[(exchange.label, outcome)] += 1
        if result.timeline is not None:
            result.timeline.append((now - started, exchange.label, outcome))

    def open_one():
        label, payload = pick()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        exchange = Exchange(sock, label, payload, time.perf_counter())
        code = sock.connect_ex((HOST, port))
        selector.register(sock, selectors.EVENT_WRITE, exchange)
        if code not in (0, errno.EINPROGRESS):
            done(exchange, errno.errorcode.get(code, str(code)))

    def writable(exchange):
        code = exchange.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            return done(exchange, errno.errorcode.get(code, str(code)))
        try:
            exchange.sent += exchange.sock.send(exchange.payload[exchange.sent :])
        except BlockingIOError:
            return
        except OSError as error:
            return done(exchange, errno.errorcode.get(error.errno, type(error).__name__))
        if exchange.sent == len(exchange.payload):
            selector.modify(exchange.sock, selectors.EVENT_READ, exchange)

    def readable(exchange):
        try:
            chunk = exchange.sock.recv(262_144)
        except BlockingIOError:
            return
        except OSError as error:
            return done(exchange, errno.errorcode.get(error.errno, type(error).__name__))
        if not chunk:  # the server closed: the end of an answer without Content-Length, or a failure
            if exchange.status is not None and exchange.length is None:
                return done(exchange, exchange.status)
            return done(exchange, "closed early")
        if exchange.status is None:
            exchange.head += chunk
            end = exchange.head.find(b"\r\n\r\n")
            if end < 0:
                return
            lines = exchange.head[:end].decode("latin-1").split("\r\n")
            try:
                exchange.status = int(lines[0].split(" ", 2)[1])
            except (IndexError, ValueError):
                return done(exchange, "bad status line")
            for line in lines[1:]:
                name, _, value = line.partition(":")
                name = name.strip().lower()
                if name in WANTED_HEADERS:
                    exchange.headers[name] = value.strip()
            if "content-length" in exchange.headers:
                exchange.length = int(exchange.headers["content-length"])
            exchange.body = len(exchange.head) - end - 4
        else:
            exchange.body += len(chunk)
        if exchange.length is not None and exchange.body >= exchange.length:
            done(exchange, exchange.status)

    while True:
        now = time.perf_counter()
        if now < deadline:
            while retry_at and retry_at[0] <= now:
                heapq.heappop(retry_at)
                to_open += 1
            while to_open:
                to_open -= 1
                open_one()
        elif not selector.get_map():
            break
        if now - last_sweep > 0.25:
            last_sweep = now
            for key in list(selector.get_map().values()):
                if now - key.data.started > timeout:
                    done(key.data, "timeout")
        for key, mask in selector.select(0.05):
            if mask & selectors.EVENT_WRITE:
                writable(key.data)
            else:
                readable(key.data)
    selector.close()
    result.elapsed = max(last_done - started, 1e-9)
    result.client_cpu = time.process_time() - cpu_before
    return result


def request_bytes(port: int, path: str, *, session: bool = False) -> bytes:
    """A browser-like GET; with `session`, a `sessionid` cookie of random value (no such session)."""
    cookie = f"Cookie: sessionid={secrets.token_hex(16)}\r\n" if session else ""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: ankasam-bench-serve\r\n"
        "Accept: */*\r\nAccept-Encoding: gzip, br\r\nAccept-Language: en\r\n"
        f"{cookie}Connection: close\r\n\r\n"
    ).encode()


def fixed(port, label, path, *, session=False):
    """A `pick` for one address (a new random session cookie per request when `session`)."""
    if session:
        return lambda: (label, request_bytes(port, path, session=True))
    payload = request_bytes(port, path)
    return lambda: (label, payload)


def fetch(port, path, *, session=False, timeout=30):
    """One request with http.client: (status, headers with lower-case names, body)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Accept-Encoding": "gzip, br", "Accept-Language": "en"}
        if session:
            headers["Cookie"] = f"sessionid={secrets.token_hex(16)}"
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, body
    finally:
        connection.close()


# -- Processes and their CPU ---------------------------------------------------------------------


def proc_stat(pid):
    """(parent pid, own CPU seconds, reaped children's CPU seconds), or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    own = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return int(fields[1]), own, (int(fields[13]) + int(fields[14])) / CLOCK_TICKS


def children_of(pid) -> dict[int, float]:
    """The live child processes of `pid` and their CPU seconds."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            stat = proc_stat(entry.name)
            if stat and stat[0] == pid:
                found[int(entry.name)] = stat[1]
    return found


@dataclass
class CpuSnapshot:
    workers: dict
    reaped: float  # CPU of workers the master has already waited for
    master: float
    others: float  # db_worker and the scheduler


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Stack:
    """gunicorn, db_worker and run_publish_scheduler, started as scripts/serve.sh starts them."""

    def __init__(self, state: Path, env: dict, port: int, name: str):
        self.state, self.env, self.port, self.name = state, env, port, name
        self.log_path = state / f"gunicorn-{name}.log"
        self.processes = {}

    def start(self, timeout=240):
        def spawn(key, command):
            with open(self.state / f"{key}-{self.name}.log", "ab") as log:  # the child keeps its copy
                self.processes[key] = subprocess.Popen(
                    command, cwd=PROJECT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip

        # gunicorn 27 opens a control socket at one path per user ($HOME/.gunicorn/gunicorn.ctl):
        # a second gunicorn on the machine would take it from the first. This one gets its own.
        control = str(self.state / f"gunicorn-{self.name}.ctl")
        spawn("gunicorn", [BIN / "gunicorn", "-c", "deploy/gunicorn.conf.py", "--control-socket", control])
        spawn("db_worker", [PYTHON, "manage.py", "db_worker", "--interval", "0.5"])
        spawn("scheduler", [PYTHON, "manage.py", "run_publish_scheduler"])
        expected = int(self.env.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
        self.expected_workers = expected
        limit = time.monotonic() + timeout
        while time.monotonic() < limit:
            self.require_running()
            if len(children_of(self.master)) >= expected and self.healthy():
                return
            time.sleep(0.5)
        raise RuntimeError(f"the stack did not answer /healthz within {timeout} s; see {self.log_path}")

    @property
    def master(self) -> int:
        return self.processes["gunicorn"].pid

    def healthy(self) -> bool:
        try:
            return fetch(self.port, "/healthz", timeout=5)[0] == 200
        except OSError:
            return False

    def require_running(self):
        for key, process in self.processes.items():
            if process.poll() is not None:
                tail = (self.state / f"{key}-{self.name}.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{key} stopped (exit {process.returncode}):\n{tail}")

    def cpu(self) -> CpuSnapshot:
        master = proc_stat(self.master)
        others = sum(
            (proc_stat(process.pid) or (0, 0.0, 0.0))[1]
            for key, process in self.processes.items()
            if key != "gunicorn"
        )
        return CpuSnapshot(children_of(self.master), master[2], master[1], others)

    def stop(self):
        for key, process in self.processes.items():
            if process.poll() is None:
                # gunicorn's quick shutdown: a graceful one waits seconds for idle workers.
                process.send_signal(signal.SIGINT if key == "gunicorn" else signal.SIGTERM)
        limit = time.monotonic() + 30  # gunicorn's graceful_timeout is 20 s
        for process in self.processes.values():
            try:
                process.wait(max(0.1, limit - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # its own session: only what it started
                process.wait()


def worker_cpu(before: CpuSnapshot, after: CpuSnapshot) -> tuple[float, int]:
    """CPU seconds the workers used between two snapshots, and how many workers were replaced."""
    used = sum(after.workers.values()) + (after.reaped - before.reaped) - sum(before.workers.values())
    return used, len(set(after.workers) - set(before.workers))


# -- Preparing ---------------------------------------------------------------------------------


def stack_environment(state: Path, port: int, database_url: str, redis_url: str | None) -> dict:
    """scripts/serve.sh's environment, on loopback, with this run's database, media and cache."""
    env = dict(os.environ)
    # What the bench decides; everything else (WEB_CONCURRENCY, GUNICORN_*, LOG_LEVEL) passes through.
    for name in ("REDIS_URL", "BIND", "PAGE_CACHE_ENABLED", "GUNICORN_ACCESS_LOG", "DATABASE_CONN_MAX_AGE"):
        env.pop(name, None)
    env.update(
        PORT=str(port),
        BIND=f"{HOST}:{port}",
        DJANGO_SETTINGS_MODULE="ankasam.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(state / "mail"),
        SERVE_MEDIA="true",
        WAGTAILADMIN_BASE_URL=f"http://{HOST}:{port}",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(state / "media"),
        PAGE_CACHE_DIR=str(state / "pages"),
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def static_root() -> Path:
    return Path(os.environ.get("STATIC_ROOT") or PROJECT / "staticfiles")


def collect_static(env: dict):
    """As scripts/serve.sh: only when the manifest is missing or something under static/ changed."""
    manifest = static_root() / "staticfiles.json"
    sources = [PROJECT / "static", PROJECT / ".venv" / ".installed"]
    if manifest.exists():
        built = manifest.stat().st_mtime
        newer = any(
            path.stat().st_mtime > built
            for source in sources
            if source.exists()
            for path in ([source] if source.is_file() else source.rglob("*"))
        )
        if not newer:
            return
    print(f"Collecting static files into {static_root()} (hashed and compressed; slow once)...")
    started = time.monotonic()
    command = [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"]
    subprocess.run(command, cwd=PROJECT, env=env, check=True)
    print(f"  done in {time.monotonic() - started:.0f} s")


def postgresql_url(args) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = DEFAULT_POSTGRESQL
    if "bench" not in args.database and not args.any_database:
        sys.exit(f"Refusing {args.database!r}: name a database with 'bench' in it, or pass --any-database.")
    import psycopg

    parts = urlparse(url)
    server = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True, connect_timeout=10) as admin:
        if args.fresh:
            admin.execute(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.database]).fetchone():
            admin.execute(f'CREATE DATABASE "{args.database}"')
    return urlunparse(parts._replace(path=f"/{args.database}"))


def prepare_database(env: dict, state: Path, name: str, port: int):
    commands = [[part.format(site=f"http://{HOST}:{port}") for part in command] for command in SITE_COMMANDS]
    print(f"Preparing the {name} database ({', '.join(c[0] for c in commands)})...")
    started = time.monotonic()
    log_path = state / f"prepare-{name}.log"
    with open(log_path, "wb") as log:
        completed = subprocess.run(
            [PYTHON, "-c", PREPARE, json.dumps(commands)], cwd=PROJECT, env=env, stdout=log, stderr=log
        )
    if completed.returncode:
        sys.exit(f"Preparing the {name} database failed:\n{log_path.read_text(errors='replace')[-4000:]}")
    steps = re.findall(r"^== (.*)$", log_path.read_text(errors="replace"), re.MULTILINE)
    print(f"  done in {time.monotonic() - started:.0f} s ({'; '.join(steps)})")


def queued_tasks(database_url: str) -> int | None:
    """Tasks the demo queued that the background worker has not run yet (None: cannot tell)."""
    query = f"SELECT count(*) FROM {TASK_TABLE} WHERE status IN ('READY', 'RUNNING')"
    try:
        if database_url.startswith("sqlite"):
            path = database_url.removeprefix("sqlite:///")
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
                return connection.execute(query).fetchone()[0]
        import psycopg

        with psycopg.connect(database_url, connect_timeout=5) as connection:
            return connection.execute(query).fetchone()[0]
    except Exception as error:
        print(f"  (cannot count queued tasks: {error})")
        return None


def wait_for_task_queue(database_url: str, timeout=300):
    limit, reported = time.monotonic() + timeout, None
    while time.monotonic() < limit:
        count = queued_tasks(database_url)
        if not count:
            return
        if count != reported:
            print(f"  waiting for the background worker: {count} queued tasks")
            reported = count
        time.sleep(2)
    print(f"  WARNING: tasks still queued after {timeout} s; measuring anyway")


# -- What to request ---------------------------------------------------------------------------

HREF = re.compile(r'href="(/[^"#?]*)"')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"')
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')


@dataclass
class Targets:
    article: str
    home: str
    listing: str
    static_css: str
    articles: list
    homes: list
    listings: list
    statics: list


def discover(port: int) -> Targets:
    """Addresses from the running site: its articles in every language, their listings, static files."""
    status, _headers, body = fetch(port, "/en/analyses/")
    if status != 200:
        raise RuntimeError(f"/en/analyses/ answered {status}")
    english = sorted(set(re.findall(r'href="(/en/analyses/[^"/]+/)"', body.decode())))
    if not english:
        raise RuntimeError("no article is linked from /en/analyses/")
    article = PREFERRED_ARTICLE if PREFERRED_ARTICLE in english else english[0]
    articles, homes, listings, statics = set(), {"/en/"}, {"/en/analyses/"}, set()
    for path in english:
        html = fetch(port, path)[2].decode()
        articles.add(path)
        statics.update(ASSET.findall(html))
        for language, address in ALTERNATE.findall(html):
            local = urlparse(address).path
            if language != "x-default" and local.startswith(f"/{language}/"):
                articles.add(local)
                homes.add(f"/{language}/")
                listings.add(local.rstrip("/").rsplit("/", 1)[0] + "/")
    for home in sorted(homes):
        listings.update(
            path for path in HREF.findall(fetch(port, home)[2].decode())
            if re.fullmatch(r"/[a-z]{2}/(topics|regions|types)/[^/]+/", path)
        )  # fmt: skip
    manifest = json.loads((static_root() / "staticfiles.json").read_text())
    static_css = "/static/" + manifest["paths"]["css/site.css"]
    if static_css not in statics:
        raise RuntimeError(f"the article does not load {static_css}: is STATIC_ROOT the stack's?")
    return Targets(
        article, "/en/", "/en/analyses/", static_css,
        sorted(articles), sorted(homes), sorted(listings), sorted(statics),
    )  # fmt: skip


def mixed_pick(port: int, targets: Targets):
    """Readers: 45 % articles, 15 % homes, 15 % listings and hubs, 20 % static files (anonymous),
    5 % articles with a session cookie (rendered, as for a signed-in editor)."""
    groups = [
        ("article", [request_bytes(port, p) for p in targets.articles], 45),
        ("home", [request_bytes(port, p) for p in targets.homes], 15),
        ("listing", [request_bytes(port, p) for p in targets.listings], 15),
        ("static", [request_bytes(port, p) for p in targets.statics], 20),
        ("bypassed", None, 5),
    ]
    rng = random.Random(2026)
    cumulative = list(itertools.accumulate(weight for _l, _r, weight in groups))

    def pick():
        draw = rng.random() * cumulative[-1]
        label, requests, _weight = groups[next(i for i, c in enumerate(cumulative) if draw < c)]
        if requests is None:
            return label, request_bytes(port, rng.choice(targets.articles), session=True)
        return label, rng.choice(requests)

    return pick


def warm_up(port: int, targets: Targets, args):
    """Every page once (so the mixed run finds the site's pages cached, as readers mostly do), then
    --warmup seconds of the mixed load, so that every worker has loaded its templates and catalogues."""
    for path in targets.articles + targets.homes + targets.listings + targets.statics:
        fetch(port, path)
    run_load(port, mixed_pick(port, targets), min(16, args.concurrency * 2), args.warmup)


def check_cache_behaviour(port: int, path: str) -> list[str]:
    """Problems with the premise of a cached/bypassed pair of phases (empty when all is well)."""
    problems = []
    first = fetch(port, path)
    cached = fetch(port, path)
    bypassed = fetch(port, path, session=True)
    if first[0] != 200 or cached[0] != 200 or bypassed[0] != 200:
        problems.append(f"{path}: answered {first[0]}, {cached[0]}, {bypassed[0]}")
    if cached[1].get("x-cache") != "HIT":
        said = cached[1].get("x-cache")
        problems.append(f"{path}: the second anonymous request was not a page-cache HIT ({said})")
    if "x-cache" in bypassed[1]:
        problems.append(f"{path}: a sessionid cookie did not bypass the page cache")
    if bypassed[2] != cached[2]:
        problems.append(f"{path}: with a sessionid cookie the page differs from the anonymous one")
    return problems


# -- Measuring -----------------------------------------------------------------------------------


@dataclass
class Row:
    backend: str
    phase: str
    concurrency: int
    result: LoadResult
    worker_cpu: float
    restarts: int
    others_cpu: float


def measure(stack, backend, phase, pick, concurrency, duration) -> Row:
    before = stack.cpu()
    result = run_load(stack.port, pick, concurrency, duration)
    after = stack.cpu()
    used, restarts = worker_cpu(before, after)
    row = Row(backend, phase, concurrency, result, used, restarts, after.others - before.others)
    print_row(row)
    return row


HEADER = (
    f"{'backend':<11}{'phase':<18}{'conn':>5}{'answers':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    f"{'non-2xx':>8}{'errors':>7}{'cache':>12}{'worker CPU':>11}{'client CPU':>11}{'restarts':>9}"
)


def cache_summary(result: LoadResult) -> str:
    """The share of HIT among the answers that went through the page cache (X-Cache HIT or MISS)."""
    hits, misses = result.cache.get("HIT", 0), result.cache.get("MISS", 0)
    if not hits + misses:
        return "none"
    return f"HIT {100 * hits / (hits + misses):.0f}%"


def print_row(row: Row):
    r = row.result
    per = max(r.answers, 1)
    print(
        f"{row.backend:<11}{row.phase:<18}{row.concurrency:>5}{r.answers:>9}{r.rate():>9.0f}"
        f"{r.percentile(0.5):>9.1f}{r.percentile(0.99):>9.1f}{r.non_2xx:>8}{sum(r.errors.values()):>7}"
        f"{cache_summary(r):>12}{1000 * row.worker_cpu / per:>8.2f} ms{1000 * r.client_cpu / per:>8.2f} ms"
        f"{row.restarts:>9}",
        flush=True,
    )
    if r.client_cpu / r.elapsed > CLIENT_BUSY:
        busy = 100 * r.client_cpu / r.elapsed
        print(f"{'':<11}  (the load generator used {busy:.0f}% of a core: it may be the limit)")
    if r.errors:
        print(f"{'':<11}  errors: {dict(r.errors)}")
    if r.non_2xx:
        print(f"{'':<11}  answers: {dict(r.statuses)}")


def run_backend(args, backend, state, checks) -> list[Row]:
    port = free_port()
    database_url = f"sqlite:///{state / 'db.sqlite3'}" if backend == "sqlite" else postgresql_url(args)
    env = stack_environment(state, port, database_url, args.redis_url)
    collect_static(env)
    prepare_database(env, state, backend, port)
    stack = Stack(state, env, port, backend)
    rows = []
    try:
        print(f"Starting gunicorn -c deploy/gunicorn.conf.py, db_worker and the scheduler on port {port}...")
        started = time.monotonic()
        stack.start()
        workers = len(children_of(stack.master))
        print(f"  {workers} workers answered /healthz after {time.monotonic() - started:.0f} s")
        wait_for_task_queue(database_url)
        targets = discover(port)
        print(
            f"  {len(targets.articles)} articles, {len(targets.homes)} homes, "
            f"{len(targets.listings)} listings and hubs, {len(targets.statics)} static files; "
            f"measuring {targets.article}"
        )
        premise = check_cache_behaviour(port, targets.article) + check_cache_behaviour(port, targets.home)
        checks.append((f"{backend}: a second anonymous request is a HIT, a sessionid cookie renders "
                       "the anonymous page", not premise, "; ".join(premise) or "as expected"))  # fmt: skip
        warm_up(port, targets, args)
        print(f"\nload average {load_average()} ({os.cpu_count()} cores)")
        print(HEADER)
        phases = [
            ("static CSS", fixed(port, "static", targets.static_css)),
            ("article cached", fixed(port, "article", targets.article)),
            ("article bypassed", fixed(port, "article", targets.article, session=True)),
            ("home cached", fixed(port, "home", targets.home)),
            ("home bypassed", fixed(port, "home", targets.home, session=True)),
        ]
        for phase, pick in phases:
            if "cached" in phase:
                fetch(port, targets.article if phase.startswith("article") else targets.home)
            rows.append(measure(stack, backend, phase, pick, args.concurrency, args.duration))
        mixed = mixed_pick(port, targets)
        rows.append(measure(stack, backend, "mixed", mixed, args.mixed_concurrency, args.mixed_duration))
        background = sum(row.others_cpu for row in rows)
        measured = sum(row.result.elapsed for row in rows)
        print(f"db_worker and scheduler: {background:.1f} CPU-s in {measured:.0f} s of measuring")
        print(f"load average {load_average()}")
        judge(backend, rows, args, checks)
        if args.outage and backend == "postgresql":
            outage_run(args, stack, targets, checks)
    finally:
        stack.stop()
    if backend == "postgresql" and args.compare_conn_max_age:
        rows += compare_conn_max_age(args, state, env, targets)
    return rows


def judge(backend, rows, args, checks):
    by_phase = {row.phase: row for row in rows}
    static, cached = by_phase["static CSS"].result, by_phase["article cached"].result
    share = cached.rate() / static.rate() if static.rate() else 0.0
    checks.append((
        f"{backend}: cached article req/s >= {CACHED_SHARE_OF_STATIC:.0%} of static CSS req/s",
        share >= CACHED_SHARE_OF_STATIC,
        f"{cached.rate():.0f} / {static.rate():.0f} = {share:.0%}",
    ))  # fmt: skip
    mixed = by_phase["mixed"].result
    bad = mixed.non_2xx + sum(mixed.errors.values())
    checks.append((
        f"{backend}: 0 non-2xx at {args.mixed_concurrency} connections for {args.mixed_duration:g} s",
        bad == 0,
        f"{mixed.answers} answers, {mixed.non_2xx} non-2xx, {sum(mixed.errors.values())} errors",
    ))  # fmt: skip
    for row in rows:
        expected = "HIT" if "cached" in row.phase else ("-" if "bypassed" in row.phase else None)
        if expected and row.result.cache.get(expected, 0) != row.result.answers:
            said = f"X-Cache: {dict(row.result.cache)}"
            checks.append((f"{backend}: {row.phase} answered as intended", False, said))


def compare_conn_max_age(args, state, env, targets) -> list[Row]:
    """The bypassed phases again with a new PostgreSQL connection per request (same port and site)."""
    port = int(env["PORT"])
    stack = Stack(state, dict(env, DATABASE_CONN_MAX_AGE="0"), port, "postgresql-conn0")
    rows = []
    try:
        stack.start()
        warm_up(port, targets, args)
        print("\nPostgreSQL with DATABASE_CONN_MAX_AGE=0 (a new connection for every request):")
        print(HEADER)
        for phase, path in (("article bypassed", targets.article), ("home bypassed", targets.home)):
            pick = fixed(port, "page", path, session=True)
            rows.append(measure(stack, "pg conn 0", phase, pick, args.concurrency, args.duration))
    finally:
        stack.stop()
    return rows


# -- The outage run ----------------------------------------------------------------------------


def cluster_port(cluster: str) -> int | None:
    version, name = cluster.split("/")
    listing = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        parts = line.split()
        if parts[:2] == [version, name]:
            return int(parts[2])
    return None


def outage_run(args, stack, targets, checks):
    """Restart the PostgreSQL cluster under load the cache cannot answer; report what readers saw."""
    url = urlparse(stack.env["DATABASE_URL"])
    require_loopback(url.hostname or "", "PostgreSQL")
    if shutil.which("pg_ctlcluster") is None:
        checks.append(("outage: pg_ctlcluster is available", False, "not found"))
        return
    if cluster_port(args.pg_cluster) != (url.port or 5432):
        checks.append((f"outage: cluster {args.pg_cluster} is the one DATABASE_URL names", False, url.netloc))
        return
    version, name = args.pg_cluster.split("/")
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"]
    port = stack.port
    paths = [targets.article, targets.home, targets.listing]
    rng = random.Random(7)

    def pick():
        # Five page requests the cache cannot answer for every /healthz.
        if rng.random() < 1 / 6:
            return "healthz", request_bytes(port, "/healthz")
        return "page", request_bytes(port, rng.choice(paths), session=True)

    workers_before = set(children_of(stack.master))
    master_before = stack.master
    log_offset = stack.log_path.stat().st_size
    moments = {}

    def restart():
        time.sleep(args.outage_after)
        moments["restart"] = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, text=True, timeout=180)
        moments["back"] = time.perf_counter()
        moments["output"] = (completed.returncode, (completed.stdout + completed.stderr).strip())

    print(f"\nOutage: `{' '.join(command)}` after {args.outage_after:g} s of {args.outage_duration:g} s")
    thread = threading.Thread(target=restart, daemon=True)
    thread.start()
    result = run_load(port, pick, 8, args.outage_duration, timeout=20, timeline=True)
    thread.join(200)
    if "back" not in moments:
        checks.append(("outage: the restart command returned", False, "still running"))
        return
    code, output = moments["output"]
    restart_at, back_at = moments["restart"] - result.started, moments["back"] - result.started
    pages = [(t, outcome) for t, label, outcome in result.timeline if label == "page"]
    health = [(t, outcome) for t, label, outcome in result.timeline if label == "healthz"]
    failures = [t for t, outcome in pages if outcome != 200]
    outcomes = Counter(outcome for _t, outcome in pages)
    print(f"  restart command: exit {code} at +{restart_at:.1f} s, returned at +{back_at:.1f} s {output!r}")
    if back_at > args.outage_duration - 5:
        print("  (the restart returned near the end of the load: give a longer --outage-duration)")
    print(f"  pages: {dict(outcomes)}; 503 without Retry-After: {result.no_retry_after['page']}")
    print(f"  /healthz: {dict(Counter(outcome for _t, outcome in health))}")
    recovered = None
    if failures:
        last = max(failures)
        after = [t for t, outcome in pages if outcome == 200 and t > last]
        recovered = min(after) if after else None
        print(f"  pages failed from +{min(failures):.1f} s to +{last:.1f} s")
        if recovered is not None:
            print(
                f"  pages answered 200 again at +{recovered:.1f} s: {recovered - back_at:.1f} s after the "
                f"restart command returned, {recovered - restart_at:.1f} s after it started"
            )
    time.sleep(1)  # the last log lines
    log = stack.log_path.read_text(errors="replace")[log_offset:]
    unavailable = log.count("Database unavailable, answered 503")
    print(f"  gunicorn log meanwhile: {len(log.splitlines())} lines, {unavailable} 'Database unavailable', "
          f"{log.count('Traceback')} tracebacks, {log.count('Booting worker')} workers booted")  # fmt: skip
    alive = {key: process.poll() is None for key, process in stack.processes.items()}
    workers_after = set(children_of(stack.master))
    # A worker that reached max_requests is replaced, outage or not; any other replacement is not.
    recycled = log.count("Autorestarting worker after current request")
    unexplained = len(workers_before - workers_after) - recycled
    health_503 = [t for t, outcome in health if outcome == 503]
    checks += [
        ("outage: the restart command succeeded", code == 0, output[-200:] or "exit 0"),
        ("outage: pages answered 503 while PostgreSQL was away", outcomes.get(503, 0) > 0, str(outcomes)),
        (
            "outage: every page answered 503 had Retry-After",
            result.no_retry_after["page"] == 0,
            f"{result.no_retry_after['page']} without",
        ),
        (
            "outage: no answer but 200 and 503, no connection error",
            set(outcomes) <= {200, 503} and not result.errors,
            f"{dict(outcomes)} {dict(result.errors)}",
        ),
        (
            "outage: pages answered 200 again",
            recovered is not None,
            f"at +{recovered:.1f} s" if recovered is not None else "no",
        ),
        (
            "outage: /healthz answered 503, then 200",
            bool(health_503) and any(o == 200 and t > max(health_503) for t, o in health),
            f"{dict(Counter(o for _t, o in health))}",
        ),
        (
            "outage: one 'Database unavailable' log line per page answered 503",
            unavailable == outcomes.get(503, 0),
            f"{unavailable} lines, {outcomes.get(503, 0)} answers",
        ),
        ("outage: no traceback in the gunicorn log", "Traceback" not in log, f"{log.count('Traceback')}"),
        (
            "outage: the same gunicorn master, no worker replaced but by max_requests (no restart)",
            alive["gunicorn"] and stack.master == master_before and unexplained <= 0 and "TIMEOUT" not in log,
            f"master {master_before}; workers {sorted(workers_before)} -> {sorted(workers_after)}, "
            f"{recycled} recycled by max_requests",
        ),
        (
            # scripts/serve.sh stops the whole stack when any one of them stops.
            "outage: db_worker and the scheduler still run",
            alive["db_worker"] and alive["scheduler"],
            f"{alive}",
        ),
    ]


# -- Main ----------------------------------------------------------------------------------------


def main():
    sys.stdout.reconfigure(line_buffering=True)
    args = arguments()
    if args.outage:
        print("WARNING: --outage restarts the PostgreSQL cluster: its other clients lose their connections.")
    print(
        f"bench/serve.py: {os.cpu_count()} cores, load average {load_average()}; "
        f"phases {args.duration:g} s at {args.concurrency} connections, mixed {args.mixed_duration:g} s at "
        f"{args.mixed_concurrency}; page cache in {'Redis' if args.redis_url else 'files'}"
    )
    state = Path(tempfile.mkdtemp(prefix="ankasam-bench-serve-"))
    checks, rows = [], []
    interrupted, keep = False, args.keep

    def stop_on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_term)
    try:
        for backend in args.backends:
            print(f"\n=== {backend}")
            leg = state / backend
            leg.mkdir()
            rows += run_backend(args, backend, leg, checks)
    except KeyboardInterrupt:
        interrupted = True
    except BaseException:
        keep = True  # the logs tell what went wrong
        raise
    finally:
        if keep or interrupted:
            print(f"\nLogs and databases kept in {state}")
        else:
            shutil.rmtree(state, ignore_errors=True)
    if interrupted:
        sys.exit(130)
    print("\nSummary (worker CPU and client CPU are per request):")
    print(HEADER)
    for row in rows:
        print_row(row)
    print()
    for name, passed, detail in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")
    failed = [name for name, passed, _detail in checks if not passed]
    if failed:
        sys.exit(1)
    print(f"\nAll {len(checks)} checks passed; load average {load_average()}.")


if __name__ == "__main__":
    main()
