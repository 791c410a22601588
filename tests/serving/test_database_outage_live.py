"""PostgreSQL goes away under a real gunicorn: 503 with Retry-After, then 200, with no restart.

The acceptance check of the production issue, on what `make serve` runs: gunicorn with
`-c deploy/gunicorn.conf.py` (2 workers), production settings and scripts/serve.sh's environment.
The shared PostgreSQL server is never restarted: gunicorn reaches it through a TCP proxy in this
test, and the outage is the proxy refusing new connections and resetting the open ones, which is
what a restart looks like from the application (`bench/serve.py --outage` restarts a real cluster).

The page cache stays on, as in production. It answers a page it already holds during the outage
(checked: that is what it is for), so the requests that must fail carry a query string never
asked before: each is a page the cache does not hold, rendered from the database.

Fast enough for the suite: the database is a copy (CREATE DATABASE ... TEMPLATE) of one migrated
once with a two-language article in it, `ankasam_bench_serve_outage_template`, made again only
when a migration, the language list or the requirements change. Static files are not collected
(that takes minutes): STATIC_ROOT holds a manifest naming every file under static/ as itself,
which is all `{% static %}` needs to render the pages.

Runs when DATABASE_URL names PostgreSQL (the PostgreSQL pass of .ci/run); skipped otherwise, and
when that server does not answer, except under CI, where that is a failure.
"""

import hashlib
import http.client
import json
import os
import re
import secrets
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

from ankasam.core.management.commands.build_translations import compile_catalogues

from ..services import missing
from .servers import free_port, serve_environment

PROJECT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
HOST = "127.0.0.1"
DATABASE = "ankasam_bench_serve_outage"
TEMPLATE = f"{DATABASE}_template"
ARTICLE = "/en/analyses/outage-en/"
# Pages that need the database whatever is kept: a search never asked before.
SEARCH, SEARCH_TR = "/en/search/?q=", "/tr/ara/?q="
# Migrated, then an article index and one article in English and Turkish (tests' own factories).
BUILD_TEMPLATE = """
import contextlib, io
import django
django.setup()
from django.core.management import call_command
with contextlib.redirect_stdout(io.StringIO()):
    call_command("migrate", interactive=False, verbosity=0)
from wagtail.models import Site
from ankasam.articles.models import ArticleIndexPage
from tests.articles.factories import create_article, written_in
home = Site.objects.get(is_default_site=True).root_page.specific
index = ArticleIndexPage(title_en="Analyses", slug_en="analyses", title_tr="Analizler", slug_tr="analizler")
home.add_child(instance=index)
create_article(index, title="Outage", translations=written_in("Outage", "en", "tr"))
"""


@pytest.fixture(scope="module")
def server_url():
    """The PostgreSQL server DATABASE_URL names, as a URL of its `postgres` database."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("needs PostgreSQL: runs when DATABASE_URL names one (.ci/run's second pass)")
    import psycopg

    server = urlunparse(urlparse(url)._replace(path="/postgres"))
    try:
        psycopg.connect(server, connect_timeout=5).close()
    except psycopg.Error as error:
        missing(f"PostgreSQL at {urlparse(url).netloc} does not answer: {error}")
    return server


def fingerprint() -> str:
    """What the template's schema and content depend on."""
    digest = hashlib.sha256(BUILD_TEMPLATE.encode())
    sources = sorted(PROJECT.glob("ankasam/*/migrations/*.py")) + [
        PROJECT / "ankasam/settings/languages.toml",
        PROJECT / "requirements.txt",
        PROJECT / "tests/articles/factories.py",
    ]
    for path in sources:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:32]


def outage_environment(tmp: Path, port: int, database_url: str) -> dict:
    """scripts/serve.sh's environment, with this test's port, database, media, cache and files."""
    static_root = tmp / "static"
    if not static_root.exists():
        static_root.mkdir()
        names = [p.relative_to(PROJECT / "static").as_posix() for p in (PROJECT / "static").rglob("*")]
        paths = {name: name for name in names if (PROJECT / "static" / name).is_file()}
        (static_root / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1"}))
    env = serve_environment(tmp, port, database_url)
    env.update(WEB_CONCURRENCY="2", STATIC_ROOT=str(static_root))
    return env


def database_url(server: str, name: str, port: int | None = None) -> str:
    parts = urlparse(server)
    netloc = parts.netloc
    if port is not None:
        netloc = netloc.rsplit("@", 1)[0] + f"@{HOST}:{port}" if "@" in netloc else f"{HOST}:{port}"
    return urlunparse(parts._replace(netloc=netloc, path=f"/{name}"))


@pytest.fixture(scope="module")
def outage_database(server_url, tmp_path_factory):
    """A fresh copy of the template (which is built first when missing or out of date)."""
    import psycopg

    tmp = tmp_path_factory.mktemp("outage-template")
    wanted = fingerprint()
    with psycopg.connect(server_url, autocommit=True) as admin:
        # One test session at a time builds the template or copies it (copying needs it unused).
        admin.execute("SELECT pg_advisory_lock(hashtext(%s))", [TEMPLATE])
        found = admin.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [TEMPLATE]
        ).fetchone()
        if found is None or found[0] != wanted:
            admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{TEMPLATE}"')
            env = outage_environment(tmp, 8000, database_url(server_url, TEMPLATE))
            built = subprocess.run(
                [sys.executable, "-c", BUILD_TEMPLATE], cwd=PROJECT, env=env, capture_output=True, text=True
            )
            if built.returncode:
                admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
                pytest.fail(f"building {TEMPLATE} failed:\n{built.stderr[-3000:]}")
            admin.execute(f"COMMENT ON DATABASE \"{TEMPLATE}\" IS '{wanted}'")
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE "{TEMPLATE}"')
        admin.execute("SELECT pg_advisory_unlock(hashtext(%s))", [TEMPLATE])
    yield DATABASE
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


class Proxy:
    """127.0.0.1:<port> to PostgreSQL, byte for byte; `cut()` is the database going away."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream, self.port, self.listener = upstream, 0, None
        self.pairs, self.lock = set(), threading.Lock()
        self.restore()

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, self.port))
        listener.listen(64)
        self.port, self.listener = listener.getsockname()[1], listener
        threading.Thread(target=self.accept, args=(listener,), daemon=True).start()

    def cut(self):
        """Refuse new connections (nothing listens) and reset every open one."""
        listener, self.listener = self.listener, None
        listener.shutdown(socket.SHUT_RDWR)  # wakes accept() on Linux
        listener.close()
        with self.lock:
            pairs, self.pairs = list(self.pairs), set()
        for pair in pairs:
            self.drop(pair)

    def accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            pair = (client, server)
            with self.lock:
                self.pairs.add(pair)
            threading.Thread(target=self.pump, args=(client, server, pair), daemon=True).start()
            threading.Thread(target=self.pump, args=(server, client, pair), daemon=True).start()

    def pump(self, source, target, pair):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        with self.lock:
            self.pairs.discard(pair)
        self.drop(pair)

    @staticmethod
    def drop(pair):
        for sock in pair:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = RST
                sock.shutdown(socket.SHUT_RDWR)  # wakes the other direction's recv()
            except OSError:
                pass
            sock.close()


def get(port: int, path: str, headers=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=20)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read().decode()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, body
    finally:
        connection.close()


def workers_of(master: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == master:
                found.add(int(entry.name))
    return found


def wait_until(condition, seconds: float, what: str):
    limit = time.monotonic() + seconds
    while time.monotonic() < limit:
        if value := condition():
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {seconds} s")


@pytest.fixture
def stack(server_url, outage_database, tmp_path):
    """gunicorn as `make serve` starts it, reaching PostgreSQL through the proxy."""
    compile_catalogues([PROJECT / "locale"])  # the Turkish outage page reads locale/tr's .mo
    upstream = urlparse(server_url)
    proxy = Proxy((upstream.hostname or HOST, upstream.port or 5432))
    port = free_port()
    env = outage_environment(tmp_path, port, database_url(server_url, outage_database, proxy.port))
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "wb") as log:
        gunicorn = subprocess.Popen(
            # gunicorn 27's control socket is one per user unless named: this one gets its own.
            [GUNICORN, "-c", "deploy/gunicorn.conf.py", "--control-socket", tmp_path / "gunicorn.ctl"],
            cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def answers():
        if gunicorn.poll() is not None:
            pytest.fail(f"gunicorn stopped:\n{log_path.read_text()[-3000:]}")
        try:
            return get(port, "/healthz")[0] == 200 and len(workers_of(gunicorn.pid)) == 2
        except OSError:
            return False

    try:
        wait_until(answers, 90, "gunicorn answering /healthz with 2 workers")
        yield {"port": port, "proxy": proxy, "gunicorn": gunicorn, "log": log_path}
    finally:
        gunicorn.send_signal(signal.SIGINT)  # quick shutdown: a graceful one waits for idle workers
        try:
            gunicorn.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(gunicorn.pid, signal.SIGKILL)
            gunicorn.wait()
        if proxy.listener is not None:
            proxy.cut()


def log_since(stack, offset: int) -> str:
    return stack["log"].read_bytes()[offset:].decode(errors="replace")


def test_pages_answer_503_while_postgresql_is_away_and_200_once_it_is_back(stack):
    port, proxy, gunicorn = stack["port"], stack["proxy"], stack["gunicorn"]
    first = get(port, ARTICLE)
    assert (first[0], first[1]["x-cache"]) == (200, "MISS")
    assert get(port, ARTICLE)[1]["x-cache"] == "HIT"
    assert get(port, "/healthz")[0] == 200
    for n in range(6):  # rendered pages, so that the workers hold persistent connections
        assert get(port, f"{ARTICLE}?before={n}")[0] == 200
    master, workers = gunicorn.pid, workers_of(gunicorn.pid)
    offset = stack["log"].stat().st_size

    proxy.cut()
    failed_pages = failed_health = 0
    for n in range(3):
        status, headers, body = get(port, f"{SEARCH}during{n}")
        assert status == 503
        assert int(headers["retry-after"]) > 0
        assert "Back in a moment" in body
        status, headers, body = get(port, f"{SEARCH_TR}sirasinda{n}")
        assert status == 503
        assert int(headers["retry-after"]) > 0
        assert "Birazdan döneceğiz" in body and '<html lang="tr"' in body
        # A session cookie (a signed-in editor) skips the page cache, even for a page it holds.
        status, headers, _body = get(port, ARTICLE, {"Cookie": f"sessionid={secrets.token_hex(16)}"})
        assert status == 503 and int(headers["retry-after"]) > 0
        failed_pages += 3
        status, _headers, body = get(port, "/healthz")
        assert (status, body) == (503, "unavailable: database\n")
        failed_health += 1
    # A page the cache holds is still served: readers of it never notice.
    cached = get(port, ARTICLE)
    assert (cached[0], cached[1]["x-cache"]) == (200, "HIT")
    # So is an article rendered since its last publish, even past the page cache: its route, row
    # and parts are kept (core/routing.py, core/templatetags/core_tags.py).
    rendered = get(port, f"{ARTICLE}?during=kept")
    assert (rendered[0], rendered[1]["x-cache"]) == (200, "MISS")
    assert "Back in a moment" not in rendered[2]

    # One line per failed request, and nothing else: no traceback.
    def outage_lines():
        lines = log_since(stack, offset).splitlines()
        return lines if len(lines) >= failed_pages + failed_health else None

    lines = wait_until(outage_lines, 10, "a log line for every failed request")
    pages = [line for line in lines if "Database unavailable, answered 503: GET /" in line]
    health = [line for line in lines if re.search(r"Service Unavailable: /healthz$", line)]
    assert (len(pages), len(health)) == (failed_pages, failed_health)
    assert len(lines) == failed_pages + failed_health, "\n".join(lines)

    proxy.restore()
    restored = time.monotonic()

    def serving_again():
        n = int((time.monotonic() - restored) * 1000)
        return get(port, f"{SEARCH}after{n}")[0] == 200 and get(port, "/healthz")[0] == 200

    wait_until(serving_again, 20, "pages and /healthz answering 200 after the database came back")
    for n in range(6):  # every worker, whatever connection it held, serves again
        assert get(port, f"{SEARCH_TR}sonra{n}")[0] == 200
    assert get(port, "/healthz")[0] == 200

    assert gunicorn.poll() is None and gunicorn.pid == master
    assert workers_of(master) == workers, "a worker was restarted"
    assert "Traceback" not in log_since(stack, offset)
