"""`--outage`: restart the real PostgreSQL cluster under load the page cache cannot answer, and
report what readers saw and what became of the stack's processes."""

import random
import shutil
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlparse

from .host import require_loopback
from .load import LoadResult, request_bytes, run_load
from .processes import children_of, is_running


@dataclass
class Before:
    """What the outage should leave as it was, and where the logs stood."""

    master: int
    workers: set
    db_workers: set
    log_offset: int
    db_worker_log_offset: int


@dataclass
class Outage:
    result: LoadResult
    restart_at: float  # seconds since the load started
    back_at: float
    code: int
    output: str

    def seen(self, label) -> list[tuple[float, object]]:
        """(seconds since the load started, status or error) of the requests with this label."""
        return [(t, outcome) for t, name, outcome in self.result.timeline if name == label]


def cluster_port(cluster: str) -> int | None:
    version, name = cluster.split("/")
    listing = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        parts = line.split()
        if parts[:2] == [version, name]:
            return int(parts[2])
    return None


def restart_command(args, stack, checks) -> list[str] | None:
    """pg_ctlcluster's restart of the cluster DATABASE_URL names; None (and a failed check) if not."""
    url = urlparse(stack.env["DATABASE_URL"])
    require_loopback(url.hostname or "", "PostgreSQL")
    if shutil.which("pg_ctlcluster") is None:
        checks.append(("outage: pg_ctlcluster is available", False, "not found"))
        return None
    if cluster_port(args.pg_cluster) != (url.port or 5432):
        checks.append((f"outage: cluster {args.pg_cluster} is the one DATABASE_URL names", False, url.netloc))
        return None
    version, name = args.pg_cluster.split("/")
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"]


def outage_pick(port, targets):
    paths = [targets.article, targets.home, targets.listing]
    rng = random.Random(7)

    def pick():
        # Five page requests the cache cannot answer for every /healthz.
        if rng.random() < 1 / 6:
            return "healthz", request_bytes(port, "/healthz")
        return "page", request_bytes(port, rng.choice(paths), session=True)

    return pick


def load_during_restart(args, stack, targets, command) -> Outage | None:
    """The load, with the restart run in a thread after --outage-after s; None if it never returned."""
    moments = {}

    def restart():
        time.sleep(args.outage_after)
        moments["restart"] = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, text=True, timeout=180)
        moments["back"] = time.perf_counter()
        moments["output"] = (completed.returncode, (completed.stdout + completed.stderr).strip())

    thread = threading.Thread(target=restart, daemon=True)
    thread.start()
    result = run_load(
        stack.port, outage_pick(stack.port, targets), 8, args.outage_duration, timeout=20, timeline=True
    )
    thread.join(200)
    if "back" not in moments:
        return None
    code, output = moments["output"]
    return Outage(result, moments["restart"] - result.started, moments["back"] - result.started, code, output)


def report_answers(outage: Outage, args) -> float | None:
    """Print what pages and /healthz answered; return when pages answered 200 again (None: never)."""
    pages = outage.seen("page")
    failures = [t for t, outcome in pages if outcome != 200]
    print(
        f"  restart command: exit {outage.code} at +{outage.restart_at:.1f} s, "
        f"returned at +{outage.back_at:.1f} s {outage.output!r}"
    )
    if outage.back_at > args.outage_duration - 5:
        print("  (the restart returned near the end of the load: give a longer --outage-duration)")
    print(f"  pages: {dict(Counter(o for _t, o in pages))}; 503 without Retry-After: "
          f"{outage.result.no_retry_after['page']}")  # fmt: skip
    print(f"  /healthz: {dict(Counter(outcome for _t, outcome in outage.seen('healthz')))}")
    if not failures:
        return None
    last = max(failures)
    after = [t for t, outcome in pages if outcome == 200 and t > last]
    recovered = min(after) if after else None
    print(f"  pages failed from +{min(failures):.1f} s to +{last:.1f} s")
    if recovered is not None:
        print(
            f"  pages answered 200 again at +{recovered:.1f} s: {recovered - outage.back_at:.1f} s after the "
            f"restart command returned, {recovered - outage.restart_at:.1f} s after it started"
        )
    return recovered


def answer_checks(outage: Outage, recovered: float | None) -> list:
    result = outage.result
    outcomes = Counter(outcome for _t, outcome in outage.seen("page"))
    health = outage.seen("healthz")
    health_503 = [t for t, outcome in health if outcome == 503]
    return [
        ("outage: the restart command succeeded", outage.code == 0, outage.output[-200:] or "exit 0"),
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
    ]


def log_checks(log: str, outage: Outage) -> list:
    unavailable = log.count("Database unavailable, answered 503")
    answered_503 = sum(1 for _t, outcome in outage.seen("page") if outcome == 503)
    print(f"  gunicorn log meanwhile: {len(log.splitlines())} lines, {unavailable} 'Database unavailable', "
          f"{log.count('Traceback')} tracebacks, {log.count('Booting worker')} workers booted")  # fmt: skip
    return [
        (
            "outage: one 'Database unavailable' log line per page answered 503",
            unavailable == answered_503,
            f"{unavailable} lines, {answered_503} answers",
        ),
        ("outage: no traceback in the gunicorn log", "Traceback" not in log, f"{log.count('Traceback')}"),
    ]


def running_db_worker(stack, timeout=20) -> int | None:
    """A db_worker keep-running.sh started that has stayed up 3 s (one failing at start-up has not)."""
    limit = time.monotonic() + timeout
    while time.monotonic() < limit:
        for pid in stack.db_workers():
            time.sleep(3)
            if is_running(pid):
                return pid
        time.sleep(0.5)
    return None


def process_checks(stack, before: Before, log: str) -> list:
    alive = {key: process.poll() is None for key, process in stack.processes.items()}
    workers_after = set(children_of(stack.master))
    # A worker that reached max_requests is replaced, outage or not; any other replacement is not.
    recycled = log.count("Autorestarting worker after current request")
    unexplained = len(before.workers - workers_after) - recycled
    db_worker = running_db_worker(stack)
    worker_log = stack.log("db_worker").read_text(errors="replace")[before.db_worker_log_offset :]
    restarted = worker_log.count("stopped; starting it again")
    return [
        (
            "outage: the same gunicorn master, no worker replaced but by max_requests (no restart)",
            alive["gunicorn"] and stack.master == before.master and unexplained <= 0 and "TIMEOUT" not in log,
            f"master {before.master}; workers {sorted(before.workers)} -> {sorted(workers_after)}, "
            f"{recycled} recycled by max_requests",
        ),
        (
            # scripts/serve.sh stops the whole stack when any one of its three stops; keep-running.sh
            # starts db_worker again when the database's going away stops it, so it does not. The
            # scheduler is never started again: alive means the same process.
            "outage: the same scheduler, db_worker running again (a new one is fine), the site kept serving",
            all(alive.values()) and db_worker is not None,
            f"scheduler {stack.processes['scheduler'].pid}; db_worker {sorted(before.db_workers)} -> "
            f"{db_worker}, {restarted} restarts; still running: {alive}",
        ),
    ]


def outage_run(args, stack, targets, checks):
    """Restart the PostgreSQL cluster under load the cache cannot answer; report what readers saw."""
    command = restart_command(args, stack, checks)
    if command is None:
        return
    before = Before(
        stack.master, set(children_of(stack.master)), stack.db_workers(),
        stack.log_path.stat().st_size, stack.log("db_worker").stat().st_size,
    )  # fmt: skip
    print(f"\nOutage: `{' '.join(command)}` after {args.outage_after:g} s of {args.outage_duration:g} s")
    outage = load_during_restart(args, stack, targets, command)
    if outage is None:
        checks.append(("outage: the restart command returned", False, "still running"))
        return
    recovered = report_answers(outage, args)
    time.sleep(1)  # the last log lines
    log = stack.log_path.read_text(errors="replace")[before.log_offset :]
    checks += answer_checks(outage, recovered) + log_checks(log, outage) + process_checks(stack, before, log)
