"""The stack's environment, its static files and its database, prepared as `make site` does, and
the wait for the tasks the demo queued."""

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from tests.serving.servers import serve_environment

from .host import HOST, PROJECT, PYTHON

DEFAULT_POSTGRESQL = "postgres://postgres@127.0.0.1:5432/postgres"
# `make site` (Makefile) without ensure_admin and ensure_demo_team: nothing here signs in. As there,
# the demo is loaded through the development settings: production's do not install ankasam.demo.
DEMO_SETTINGS = "ankasam.settings.dev"
SITE_STEPS = [
    (None, [["build_translations"], ["migrate", "--noinput"], ["set_site_address", "{site}"]]),
    (DEMO_SETTINGS, [["load_demo_content"]]),
    (None, [["rebuild_search_index"]]),
]
# Run in a child process with the stack's environment: one Django start-up for each step's commands.
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


def stack_environment(state: Path, port: int, database_url: str, redis_url: str | None) -> dict:
    """scripts/serve.sh's environment, on loopback, with this run's database, media and cache."""
    env = serve_environment(state, port, database_url)
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


def run_step(env: dict, settings: str | None, commands: list, log) -> int:
    """One child process running `commands` (under `settings` when named); its exit status."""
    step_env = {**env, "DJANGO_SETTINGS_MODULE": settings} if settings else env
    command = [PYTHON, "-c", PREPARE, json.dumps(commands)]
    return subprocess.run(command, cwd=PROJECT, env=step_env, stdout=log, stderr=log).returncode


def prepare_database(env: dict, state: Path, name: str, port: int):
    plan = [
        (settings, [[part.format(site=f"http://{HOST}:{port}") for part in command] for command in commands])
        for settings, commands in SITE_STEPS
    ]
    print(f"Preparing the {name} database ({', '.join(c[0] for _, commands in plan for c in commands)})...")
    started = time.monotonic()
    log_path = state / f"prepare-{name}.log"
    with open(log_path, "wb") as log:
        failed = any(run_step(env, settings, commands, log) for settings, commands in plan)
    if failed:
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
