"""The stack scripts/serve.sh starts (gunicorn, the kept-running db_worker, the scheduler) and the
CPU its processes use, from /proc."""

import contextlib
import multiprocessing
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .host import BIN, PROJECT, PYTHON
from .load import fetch

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# scripts/keep-running.sh starts the worker again when it stops, as scripts/serve.sh has it do.
KEEP_RUNNING = PROJECT / "scripts" / "keep-running.sh"
RESTARTED = "stopped; starting it again in 5 s"


def proc_stat(pid):
    """(parent pid, own CPU seconds, reaped children's CPU seconds), or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    own = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return int(fields[1]), own, (int(fields[13]) + int(fields[14])) / CLOCK_TICKS


def is_running(pid) -> bool:
    """Alive and not a zombie waiting for a parent that is not ours to reap it."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text[text.rindex(")") + 2] not in "ZX"


def children_of(pid) -> dict[int, float]:
    """The live child processes of `pid` and their CPU seconds."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            stat = proc_stat(entry.name)
            if stat and stat[0] == pid:
                found[int(entry.name)] = stat[1]
    return found


def tree_cpu(pid) -> float:
    """CPU seconds of `pid`, of the children it reaped and of those still running."""
    stat = proc_stat(pid) or (0, 0.0, 0.0)
    return stat[1] + stat[2] + sum(children_of(pid).values())


def command_line(pid) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@dataclass
class CpuSnapshot:
    workers: dict
    reaped: float  # CPU of workers the master has already waited for
    master: float
    others: float  # db_worker (every one it was restarted as) and the scheduler


class Stack:
    """gunicorn, db_worker and run_publish_scheduler, started as scripts/serve.sh starts them."""

    def __init__(self, state: Path, env: dict, port: int, name: str):
        self.state, self.env, self.port, self.name = state, env, port, name
        self.log_path = state / f"gunicorn-{name}.log"
        self.processes = {}

    def spawn(self, key, command):
        with open(self.state / f"{key}-{self.name}.log", "ab") as log:  # the child keeps its copy
            self.processes[key] = subprocess.Popen(
                command, cwd=PROJECT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip

    def start(self, timeout=240):
        # gunicorn 27 opens a control socket at one path per user ($HOME/.gunicorn/gunicorn.ctl):
        # a second gunicorn on the machine would take it from the first. This one gets its own.
        control = str(self.state / f"gunicorn-{self.name}.ctl")
        self.spawn(
            "gunicorn", [BIN / "gunicorn", "-c", "deploy/gunicorn.conf.py", "--control-socket", control]
        )
        worker = [PYTHON, "manage.py", "db_worker", "--interval", "0.5"]
        self.spawn("db_worker", [str(KEEP_RUNNING), *worker])
        self.spawn("scheduler", [PYTHON, "manage.py", "run_publish_scheduler"])
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

    def log(self, key) -> Path:
        return self.state / f"{key}-{self.name}.log"

    def healthy(self) -> bool:
        try:
            return fetch(self.port, "/healthz", timeout=5)[0] == 200
        except OSError:
            return False

    def require_running(self):
        """While starting, a db_worker that stopped (even if started again) is a failure too."""
        for key, process in self.processes.items():
            if process.poll() is not None:
                tail = self.log(key).read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{key} stopped (exit {process.returncode}):\n{tail}")
        worker_log = self.log("db_worker").read_text(errors="replace")
        if RESTARTED in worker_log:
            raise RuntimeError(f"db_worker stopped:\n{worker_log[-3000:]}")

    def db_workers(self) -> set[int]:
        """The db_worker processes keep-running.sh has running now (none while it waits to restart)."""
        keeper = self.processes["db_worker"].pid
        return {pid for pid in children_of(keeper) if b"db_worker" in command_line(pid)}

    def cpu(self) -> CpuSnapshot:
        master = proc_stat(self.master)
        others = tree_cpu(self.processes["db_worker"].pid) + tree_cpu(self.processes["scheduler"].pid)
        return CpuSnapshot(children_of(self.master), master[2], master[1], others)

    def stop(self):
        db_workers = self.db_workers() if self.processes["db_worker"].poll() is None else set()
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
        # scripts/keep-running.sh passes the TERM on to the worker and exits at once: wait for the worker too.
        wait_gone(db_workers, limit)


def wait_gone(pids, limit):
    """Wait until `pids` have ended, killing those still running at `limit` (monotonic)."""
    while any(is_running(pid) for pid in pids) and time.monotonic() < limit:
        time.sleep(0.1)
    for pid in pids:
        if is_running(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def worker_cpu(before: CpuSnapshot, after: CpuSnapshot) -> tuple[float, int]:
    """CPU seconds the workers used between two snapshots, and how many workers were replaced."""
    used = sum(after.workers.values()) + (after.reaped - before.reaped) - sum(before.workers.values())
    return used, len(set(after.workers) - set(before.workers))
