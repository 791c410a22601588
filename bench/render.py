"""CPU per rendered page, in-process, and the queries each page makes; against another commit too.

    .venv/bin/python bench/render.py                          # this checkout
    .venv/bin/python bench/render.py --baseline main          # and main's, in the same run, with ratios
    .venv/bin/python bench/render.py --renders 20 --warmup 3  # a quicker run

For each checkout (this one, and with --baseline a `git worktree` of that ref in a temporary
directory, removed afterwards) a child process, run with this checkout's Python (.venv) but the
other checkout's code, prepares a throwaway SQLite database as `make site` does
(build_translations, migrate, load_demo_content, rebuild_search_index) and then requests each page
through django.test.Client, so the whole middleware stack runs, with the development settings at
DEBUG=false and the page cache off (PAGE_CACHE_ENABLED=false: every request is rendered, as for a
signed-in editor or the first reader after a publish, without the session lookup).

Each page is requested --warmup times (renditions, the site root paths, cached values), then
--renders times; the figure is the median process CPU time (time.process_time) of one request.
Pages are rendered round-robin, so that a busy moment of the machine spreads over all of them.
The queries are those of one warm request (CaptureQueriesContext). Both checkouts are measured
in alternating rounds (--rounds) when --baseline is given, so that both see the same load.
--profile-dir DIR profiles this checkout's pages after its last round (DIR/<page>.prof, for pstats).
--postgresql URL measures this checkout a second time on PostgreSQL at that server (database
ankasam_bench_render, made afresh; connections kept open as in production) in the same rounds, and
prints its figures beside SQLite's with the ratio.

docs/performance.md has the figures and how to read them.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PAGES = {
    "article": "/en/analyses/trans-caspian-gas-after-2030/",
    "home": "/en/",
    "listing": "/en/analyses/",
    "hub": "/en/topics/energy/",
    "author": "/en/experts/elif-aydin/",
    "search": "/en/search/?q=gas",
}
PREPARE_COMMANDS = [
    ["build_translations"],
    ["migrate", "--noinput"],
    ["load_demo_content"],
    ["rebuild_search_index"],
]


def arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", help="a git ref to measure side by side (from a worktree of it)")
    parser.add_argument("--renders", type=int, default=60, help="measured renders per page and round (60)")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured renders per page first (5)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per checkout (2)")
    parser.add_argument("--pages", help=f"comma-separated, of {', '.join(PAGES)} (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument(
        "--postgresql",
        metavar="URL",
        help="also this checkout on PostgreSQL at URL's server (database ankasam_bench_render, recreated)",
    )
    parser.add_argument(
        "--profile-dir",
        type=Path,
        help="profile --renders more renders per page of this checkout into DIR/<page>.prof",
    )
    # The child process's side: prepare the database, or measure in it.
    parser.add_argument("--child", choices=["prepare", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.pages = [p.strip() for p in args.pages.split(",")] if args.pages else list(PAGES)
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown page(s): {', '.join(sorted(unknown))}")
    return args


# ---- the child: runs inside the checkout being measured ----------------------------------------


def child_prepare():
    import django
    from django.core.management import call_command

    django.setup()
    for command in PREPARE_COMMANDS:
        started = time.monotonic()
        call_command(*command, verbosity=0)
        print(f"  == {command[0]}: {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)


def child_measure(args):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    for _ in range(args.warmup):
        for name in args.pages:
            response = client.get(PAGES[name])
            if response.status_code != 200:
                sys.exit(f"{PAGES[name]} answered {response.status_code}")
    queries = {}
    for name in args.pages:
        with CaptureQueriesContext(connection) as captured:
            client.get(PAGES[name])
        queries[name] = len(captured)
    cpu = {name: [] for name in args.pages}
    for _ in range(args.renders):
        for name in args.pages:
            started = time.process_time()
            client.get(PAGES[name])
            cpu[name].append((time.process_time() - started) * 1000)
    Path(args.output).write_text(json.dumps({"cpu_ms": cpu, "queries": queries}))
    if args.profile_dir:
        profile_pages(client, args)


def profile_pages(client, args):
    """cProfile of --renders renders per page, one file each, apart from the measured renders."""
    import cProfile

    args.profile_dir.mkdir(parents=True, exist_ok=True)
    for name in args.pages:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.renders):
            client.get(PAGES[name])
        profile.disable()
        profile.dump_stats(args.profile_dir / f"{name}.prof")


# ---- the parent ----------------------------------------------------------------------------------


PG_DATABASE = "ankasam_bench_render"


class Checkout:
    def __init__(self, label: str, root: Path, state: Path, database_url: str | None = None):
        self.label, self.root = label, root
        (state / "static").mkdir(parents=True, exist_ok=True)
        self.state = state
        self.database_url = database_url or f"sqlite:///{state / 'db.sqlite3'}"
        self.cpu: dict[str, list[float]] = {}
        self.queries: dict[str, int] = {}

    def environment(self) -> dict:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="ankasam.settings.dev",
            DATABASE_URL=self.database_url,
            # As production keeps them (settings/production.py); SQLite's are kept anyway.
            DATABASE_CONN_MAX_AGE="600",
            DEBUG="false",
            PAGE_CACHE_ENABLED="false",
            PAGE_CACHE_DIR=str(self.state / "page-cache"),
            MEDIA_ROOT=str(self.state / "media"),
            # WhiteNoise warns about a missing STATIC_ROOT; nothing here serves static files.
            STATIC_ROOT=str(self.state / "static"),
            ALLOWED_HOSTS="localhost,testserver",
            # The checkout's own code, not this one's.
            PYTHONPATH=str(self.root),
        )
        env.pop("REDIS_URL", None)
        return env

    def run_child(self, *extra: str, quiet: bool = False):
        command = [sys.executable, str(Path(__file__).resolve()), *extra]
        # Preparing, migrate prints wagtail-modeltranslation's column changes: only the timings
        # (on stderr) are shown.
        output = subprocess.DEVNULL if quiet else None
        subprocess.run(command, cwd=self.root, env=self.environment(), check=True, stdout=output)

    def prepare(self):
        print(f"Preparing {self.label} ({self.root}):", flush=True)
        started = time.monotonic()
        self.run_child("--child", "prepare", quiet=True)
        print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)

    def measure(self, args, profile_dir: Path | None = None):
        output = self.state / "result.json"
        profile = ["--profile-dir", str(profile_dir.resolve())] if profile_dir else []
        self.run_child(
            "--child", "measure", "--output", str(output), "--renders", str(args.renders),
            "--warmup", str(args.warmup), "--pages", ",".join(args.pages), *profile,
        )  # fmt: skip
        result = json.loads(output.read_text())
        for name, values in result["cpu_ms"].items():
            self.cpu.setdefault(name, []).extend(values)
        self.queries = result["queries"]

    def median(self, name: str) -> float:
        return statistics.median(self.cpu[name])


def add_worktree(ref: str, path: Path) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"],
        cwd=PROJECT, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(path), commit], cwd=PROJECT, check=True
    )
    return commit


def recreate_postgresql_database(url: str) -> str:
    """The URL of a new, empty ankasam_bench_render on URL's server."""
    from urllib.parse import urlparse, urlunparse

    import psycopg

    parts = urlparse(url)
    server = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {PG_DATABASE}")
    return urlunparse(parts._replace(path=f"/{PG_DATABASE}"))


def remove_worktree(path: Path):
    subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=PROJECT, check=False)


def head_description() -> str:
    describe = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=PROJECT, capture_output=True, text=True
    )
    return describe.stdout.strip() or "?"


def print_table(args, current: Checkout, baseline: Checkout | None, postgresql: Checkout | None):
    header = f"{'page':<9} {'address':<45} {'CPU ms':>8} {'queries':>8}"
    if baseline:
        header += f" {'baseline ms':>12} {'queries':>8} {'CPU ratio':>10}"
    if postgresql:
        header += f" {'PostgreSQL ms':>14} {'PG/SQLite':>10}"
    print("\n" + header)
    print("-" * len(header))
    for name in args.pages:
        row = f"{name:<9} {PAGES[name]:<45} {current.median(name):>8.1f} {current.queries[name]:>8}"
        if baseline:
            ratio = current.median(name) / baseline.median(name)
            row += f" {baseline.median(name):>12.1f} {baseline.queries[name]:>8} {ratio:>10.2f}"
        if postgresql:
            ratio = postgresql.median(name) / current.median(name)
            row += f" {postgresql.median(name):>14.1f} {ratio:>10.2f}"
        print(row)
    samples = args.renders * args.rounds
    print(f"\nMedian of {samples} renders per page and checkout; queries of one warm request.")


def load_average() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def main():
    args = arguments()
    if args.child == "prepare":
        return child_prepare()
    if args.child == "measure":
        return child_measure(args)
    sys.stdout.reconfigure(line_buffering=True)
    print(f"bench/render.py: {os.cpu_count()} cores, load average {load_average()}")
    state = Path(tempfile.mkdtemp(prefix="ankasam-bench-render-"))

    def stop_on_term(signum, frame):
        raise KeyboardInterrupt  # so that the baseline's worktree is removed below

    signal.signal(signal.SIGTERM, stop_on_term)
    worktree = state / "baseline-checkout"
    baseline = postgresql = None
    try:
        current = Checkout(f"this checkout ({head_description()})", PROJECT, state / "current")
        checkouts = [current]
        if args.baseline:
            commit = add_worktree(args.baseline, worktree)
            baseline = Checkout(f"baseline {args.baseline} ({commit[:10]})", worktree, state / "baseline")
            checkouts.append(baseline)
        if args.postgresql:
            url = recreate_postgresql_database(args.postgresql)
            postgresql = Checkout("this checkout on PostgreSQL", PROJECT, state / "postgresql", url)
            checkouts.append(postgresql)
        for checkout in checkouts:
            checkout.prepare()
        for round_number in range(args.rounds):
            for checkout in checkouts if round_number % 2 == 0 else reversed(checkouts):
                print(f"Round {round_number + 1}: {checkout.label}", flush=True)
                last_round = round_number == args.rounds - 1
                checkout.measure(args, args.profile_dir if checkout is current and last_round else None)
        print_table(args, current, baseline, postgresql)
        print(f"Load average at the end: {load_average()}")
    finally:
        if args.baseline:
            remove_worktree(worktree)
        if args.keep:
            print(f"Kept {state}")
        else:
            shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    main()
