"""Real servers for the serving tests: Varnish with the committed VCL, gunicorn, and waiting on them."""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
VARNISHD = "/usr/sbin/varnishd"
# The readers' side listens here; the purging side of the tests binds another loopback address,
# so the purge ACL can be seen refusing it.
LOOPBACK = "127.0.0.1"
OUTSIDER = "127.0.0.2"


def varnishd_path() -> str | None:
    return VARNISHD if Path(VARNISHD).exists() else shutil.which("varnishd")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def serve_environment(files: Path, port: int, database_url: str) -> dict:
    """scripts/serve.sh's environment on loopback, with this port, database and these files.

    Shared by the tests that start gunicorn and by bench/serve.py, so they run what `make serve` runs.
    """
    decided_here = {"REDIS_URL", "BIND", "PAGE_CACHE_ENABLED", "DATABASE_CONN_MAX_AGE", "GUNICORN_ACCESS_LOG"}
    env = {name: value for name, value in os.environ.items() if name not in decided_here}
    env.update(
        PORT=str(port),
        BIND=f"{LOOPBACK}:{port}",
        DJANGO_SETTINGS_MODULE="ankasam.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(files / "mail"),
        SERVE_MEDIA="true",
        WAGTAILADMIN_BASE_URL=f"http://{LOOPBACK}:{port}",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(files / "media"),
        PAGE_CACHE_DIR=str(files / "pages"),
        PYTHONUNBUFFERED="1",
    )
    return env


def wait_until(check, timeout: float, what: str, interval: float = 0.05):
    """Call `check` until it returns something true, for at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = check()
        except (requests.ConnectionError, OSError) as error:
            last_error, result = error, None
        if result:
            return result
        # Polling, not sleeping a guess: the loop ends as soon as the server answers.
        time.sleep(interval)
    raise AssertionError(f"{what} not within {timeout} s (last error: {last_error})")


def app_servers_vcl(backend_ports: list[int]) -> str:
    """The deploy's app-servers.vcl for these ports: one backend each, round robin, loopback purges."""
    backends = "\n".join(
        f'backend app{n} {{ .host = "{LOOPBACK}"; .port = "{port}"; }}'
        for n, port in enumerate(backend_ports, start=1)
    )
    members = "\n".join(f"    app.add_backend(app{n});" for n in range(1, len(backend_ports) + 1))
    return f"""vcl 4.1;
import directors;
{backends}
sub vcl_init {{
    new app = directors.round_robin();
{members}
}}
acl purgers {{ "{LOOPBACK}"; }}
"""


@dataclass
class Varnish:
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def stop(self) -> None:
        stop(self.process)


def start_varnish(backend_ports: list[int], workdir: Path, port: int | None = None) -> Varnish:
    """varnishd in the foreground on loopback, with deploy/varnish/default.vcl."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "app-servers.vcl").write_text(app_servers_vcl(backend_ports))
    port = port or free_port()
    log = workdir / "varnishd.log"
    command = [
        varnishd_path(),
        "-F",
        "-a",
        f"{LOOPBACK}:{port}",
        "-f",
        str(VCL),
        "-n",
        str(workdir / "instance"),
        "-s",
        "malloc,32m",
        # No separate unprivileged user: the test's temporary directories are its own.
        "-j",
        "none",
        # The test's app-servers.vcl is found first, before the committed one's directory.
        "-p",
        f"vcl_path={workdir}:{VCL.parent}:/usr/share/varnish/vcl",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    varnish = Varnish(port, process, log)
    try:
        wait_until(lambda: answers(varnish), 30, f"varnishd on port {port} ({log})")
    except AssertionError:
        varnish.stop()
        raise
    return varnish


def answers(varnish: Varnish) -> bool:
    if varnish.process.poll() is not None:
        raise AssertionError(f"varnishd exited: {varnish.log.read_text()[-2000:]}")
    with socket.create_connection((LOOPBACK, varnish.port), timeout=1):
        return True


@dataclass
class AppServer:
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"


def start_app_server(env: dict, log: Path) -> AppServer:
    """gunicorn serving the site on a free loopback port (not yet ready: see wait_for_app_servers)."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "ankasam.wsgi:application",
        "--bind", f"{LOOPBACK}:{port}", "--workers", "1", "--chdir", str(ROOT),
        # gunicorn 27 opens a control socket at one fixed path per user: two servers (or anyone
        # else's on this machine) would take it from each other.
        "--no-control-socket",
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    return AppServer(port, process, log)


def wait_for_app_servers(servers: list[AppServer], timeout: float = 90) -> None:
    """Until each answers a page: started side by side, they import Django at the same time."""
    for server in servers:
        wait_until(lambda server=server: app_server_answers(server), timeout, f"gunicorn ({server.log})")


def app_server_answers(server: AppServer) -> bool:
    if server.process.poll() is not None:
        raise AssertionError(f"gunicorn exited: {server.log.read_text()[-3000:]}")
    return requests.get(f"{server.url}/robots.txt", timeout=5).status_code == 200


def stop(*processes: subprocess.Popen) -> None:
    """Ask them all to stop, then wait: one after the other, gunicorn's shutdowns add up."""
    for process in processes:
        if process.poll() is None:
            # gunicorn's quick shutdown (SIGTERM waits out its graceful timeout); varnishd's usual.
            process.send_signal(signal.SIGINT)
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
