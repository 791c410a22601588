"""Serving speed of the `make serve` stack: static files, cached and rendered pages, and 64 readers.

    .venv/bin/python bench/serve.py                       # SQLite (and PostgreSQL if DATABASE_URL names it)
    .venv/bin/python bench/serve.py --backends sqlite,postgresql
    .venv/bin/python bench/serve.py --duration 2 --mixed-duration 5    # a smoke run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/serve.py --outage

For each database it prepares a database of its own with `make site`'s commands (build_translations,
migrate --noinput, set_site_address, load_demo_content, rebuild_search_index; not the admin and
demo accounts, which nothing here signs in with),
then starts what scripts/serve.sh starts, with the same settings and environment:
`gunicorn -c deploy/gunicorn.conf.py` (production settings, WEB_CONCURRENCY or 2 x cores + 1 sync
workers), `manage.py db_worker` (started again when it stops, by scripts/keep-running.sh) and
`manage.py run_publish_scheduler`, on a free loopback port.
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
generator's own CPU per request. The load generator (bench/serving/load.py) is non-blocking
sockets in one thread, loopback only, a fixed duration and number of connections; a line warns
when it used most of a core, so it may have been the limit.

Checks (exit 1 if any fails): cached article req/s >= 50 % of static CSS req/s in the same run;
no non-2xx answer and no connection error in the mixed run; cached phases answered by the cache
and bypassed phases rendered for an anonymous reader.

`--outage` (PostgreSQL only; it restarts the real cluster, so never on a server others use):
during --outage-duration s of requests the cache cannot answer (and /healthz every 0.1 s) it runs
`pg_ctlcluster --skip-systemctl-redirect 15 main restart` (--pg-cluster) and reports how many
200, 503 (with and without Retry-After) and other answers it saw, when PostgreSQL was back, how
long after that pages answered 200 again, the gunicorn log lines written meanwhile, whether the
gunicorn master, its workers and the scheduler are the same processes after it, and whether a
db_worker runs again (the one the restart stopped, started again by scripts/keep-running.sh).

docs/performance.md has the figures and how to read them.
"""

import argparse
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.serving.host import load_average, require_loopback  # noqa: E402
from bench.serving.phases import run_backend  # noqa: E402
from bench.serving.report import print_summary  # noqa: E402


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
    if not print_summary(rows, checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
