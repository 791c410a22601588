"""One database's run: prepare it, start the stack, measure each phase, judge the figures."""

import os
import time
from dataclasses import dataclass

from .host import free_port, load_average
from .load import LoadResult, fetch, fixed, run_load
from .outage import outage_run
from .preparing import (
    collect_static,
    postgresql_url,
    prepare_database,
    stack_environment,
    wait_for_task_queue,
)
from .processes import Stack, children_of, worker_cpu
from .report import HEADER, print_row
from .targets import Targets, check_cache_behaviour, discover, mixed_pick, warm_up

CACHED_SHARE_OF_STATIC = 0.5


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


def run_backend(args, backend, state, checks) -> list[Row]:
    port = free_port()
    database_url = f"sqlite:///{state / 'db.sqlite3'}" if backend == "sqlite" else postgresql_url(args)
    env = stack_environment(state, port, database_url, args.redis_url)
    collect_static(env)
    prepare_database(env, state, backend, port)
    stack = Stack(state, env, port, backend)
    rows = []
    try:
        targets = start_stack(stack, database_url)
        premise = check_cache_behaviour(port, targets.article) + check_cache_behaviour(port, targets.home)
        checks.append((f"{backend}: a second anonymous request is a HIT, a sessionid cookie renders "
                       "the anonymous page", not premise, "; ".join(premise) or "as expected"))  # fmt: skip
        warm_up(port, targets, args)
        rows = measure_phases(stack, backend, targets, args)
        judge(backend, rows, args, checks)
        if args.outage and backend == "postgresql":
            outage_run(args, stack, targets, checks)
    finally:
        stack.stop()
    if backend == "postgresql" and args.compare_conn_max_age:
        rows += compare_conn_max_age(args, state, env, targets)
    return rows


def start_stack(stack: Stack, database_url: str) -> Targets:
    """Start it, let the worker run what the demo queued, and find what to request."""
    print(
        f"Starting gunicorn -c deploy/gunicorn.conf.py, db_worker and the scheduler on port {stack.port}..."
    )
    started = time.monotonic()
    stack.start()
    workers = len(children_of(stack.master))
    print(f"  {workers} workers answered /healthz after {time.monotonic() - started:.0f} s")
    wait_for_task_queue(database_url)
    targets = discover(stack.port)
    print(
        f"  {len(targets.articles)} articles, {len(targets.homes)} homes, "
        f"{len(targets.listings)} listings and hubs, {len(targets.statics)} static files; "
        f"measuring {targets.article}"
    )
    return targets


def measure_phases(stack: Stack, backend: str, targets: Targets, args) -> list[Row]:
    port = stack.port
    print(f"\nload average {load_average()} ({os.cpu_count()} cores)")
    print(HEADER)
    phases = [
        ("static CSS", fixed(port, "static", targets.static_css)),
        ("article cached", fixed(port, "article", targets.article)),
        ("article bypassed", fixed(port, "article", targets.article, session=True)),
        ("home cached", fixed(port, "home", targets.home)),
        ("home bypassed", fixed(port, "home", targets.home, session=True)),
    ]
    rows = []
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
