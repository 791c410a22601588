"""Past one machine: two application servers, one PostgreSQL, one Redis, one Varnish in front.

Two gunicorn processes with production settings (tests/serving/production_like_settings.py) on
free loopback ports share the test's PostgreSQL database and one Redis (the page cache and
Django's cache, under a key prefix of this run), behind one Varnish whose VCL is the deploy's
with both servers in a round-robin director. An editor publishes through server A's admin;
readers going through Varnish, and straight to server B, see the change at once.

It needs the suite to run on PostgreSQL: on the SQLite leg it is skipped (the PostgreSQL leg,
which CI always runs, runs it). A missing Redis or Varnish is a skip, and a failure under CI.
"""

import os
import re
import time
import uuid

import pytest
import redis
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import translation

from ..services import missing
from .conftest import LANGUAGES, rename_in_every_language, serve_site_at
from .servers import LOOPBACK, free_port, start_app_server, start_varnish, stop, wait_for_app_servers

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the servers share the test database: runs on PostgreSQL (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True),
]

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture
def database_url(database_as_migrated):
    db = connection.settings_dict
    return f"postgresql://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def redis_prefix():
    """A key prefix of this run's own in the shared Redis; its keys are deleted afterwards."""
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        missing(f"Redis does not answer at {REDIS_URL} ({error}); set TEST_REDIS_URL")
    prefix = f"ankasam-test-{uuid.uuid4().hex[:12]}"
    yield prefix
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)


@pytest.fixture
def editor_cookie(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long passphrase 42")
    client.force_login(editor)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


@pytest.fixture
def cluster(varnishd, database_url, redis_prefix, piece, editor_cookie, tmp_path):
    """Varnish in front of servers A and B; the site's address is Varnish's, as in production."""
    varnish_port = free_port()
    serve_site_at(LOOPBACK, varnish_port)
    (tmp_path / "static").mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.serving.production_like_settings",
        "SECRET_KEY": settings.SECRET_KEY,  # the editor's session was signed with it
        "ALLOWED_HOSTS": LOOPBACK,
        "EMAIL_HOST": "localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "TEST_CACHE_KEY_PREFIX": redis_prefix,
        "PAGE_CACHE_ENABLED": "true",
        "VARNISH_PURGE_URL": f"http://{LOOPBACK}:{varnish_port}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    servers = [start_app_server(env, tmp_path / f"gunicorn-{name}.log") for name in "ab"]
    varnish = None
    try:
        wait_for_app_servers(servers)
        varnish = start_varnish([s.port for s in servers], tmp_path / "varnish", port=varnish_port)
        yield {"a": servers[0], "b": servers[1], "varnish": varnish, "editor": editor_cookie}
    finally:
        stop(*(s.process for s in [*servers, varnish] if s is not None))


def fetch(base_url: str, path: str, host: str, **headers) -> requests.Response:
    """A reader's request; straight to a server, it names the site's host as Varnish passes it on."""
    headers = {"Host": host, **headers}
    return requests.get(f"{base_url}{path}", headers=headers, allow_redirects=False, timeout=10)


def publish_through_admin(server, page, cookie: str) -> requests.Response:
    """The bulk "Publish" action of Wagtail's admin, on server A, as an editor's browser sends it."""
    address = f"{server.url}/{settings.WAGTAIL_ADMIN_PATH}bulk/wagtailcore/page/publish/?id={page.pk}"
    form = requests.get(address, headers={"Cookie": cookie}, timeout=30)
    assert form.status_code == 200, form.text[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    csrf_cookie = f"{settings.CSRF_COOKIE_NAME}={form.cookies[settings.CSRF_COOKIE_NAME]}"
    return requests.post(
        address,
        data={"csrfmiddlewaretoken": token},
        headers={"Cookie": f"{cookie}; {csrf_cookie}"},
        allow_redirects=False,
        timeout=30,
    )


def test_a_publish_through_one_server_is_seen_through_varnish_and_the_other_server(cluster, piece):
    a, b, varnish = cluster["a"], cluster["b"], cluster["varnish"]
    host = f"{LOOPBACK}:{varnish.port}"
    watched = []
    for code in LANGUAGES:
        with translation.override(code):
            watched += [(code, piece.url), (code, piece.get_parent().url), (code, f"/{code}/")]

    for code, path in watched:
        fetch(varnish.url, path, host)
        kept = fetch(varnish.url, path, host)
        assert kept.headers["X-Varnish-Cache"] == "HIT", path
        assert f"Pipeline {code}" in kept.text, path
    # Whichever server rendered a page stored it in Redis: the other one answers from there.
    article = watched[0][1]
    assert fetch(a.url, article, host).headers["X-Cache"] == "HIT"
    assert fetch(b.url, article, host).headers["X-Cache"] == "HIT"

    rename_in_every_language(piece, "Renamed")  # a draft, saved as an editor's "Save draft" would
    published = publish_through_admin(a, piece, cluster["editor"])
    answered = time.monotonic()
    assert published.status_code == 302, published.text[:500]

    # The purges and the page cache's new generation are done when A answers the editor.
    from_b = fetch(b.url, article, host)
    assert from_b.headers["X-Cache"] == "MISS" and "Renamed en" in from_b.text
    for code, path in watched:
        fresh = fetch(varnish.url, path, host)
        assert fresh.headers["X-Varnish-Cache"] == "MISS", path
        assert f"Renamed {code}" in fresh.text, path
        if path == article:
            assert time.monotonic() - answered < 1.0
