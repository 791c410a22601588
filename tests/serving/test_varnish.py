"""A real Varnish with deploy/varnish/default.vcl in front of the site.

The site is pytest-django's live server: it runs in a thread of this process, so it reads the
test's database and settings (the page cache switched on, the edge purge pointed at this
Varnish), and a publish made here purges Varnish exactly as the admin's would. Two separate
application servers are shown in test_two_servers.py.
"""

import http.client
import time
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.utils import translation

from .conftest import LANGUAGES, rename_in_every_language, serve_site_at
from .servers import LOOPBACK, OUTSIDER, start_varnish

pytestmark = pytest.mark.django_db(transaction=True)

# A publish must reach readers this fast.
WITHIN_SECONDS = 1.0


@pytest.fixture(scope="module")
def varnish(varnishd, live_server, tmp_path_factory):
    server = start_varnish([urlsplit(live_server.url).port], tmp_path_factory.mktemp("varnish"))
    yield server
    server.stop()


@pytest.fixture
def behind_varnish(varnish, settings, database_as_migrated):
    serve_site_at(LOOPBACK, varnish.port)
    settings.PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "ankasam.serving.edge_backends.VarnishBackend", "LOCATION": varnish.url}
    }
    return varnish


def fetch(varnish, path: str, **headers) -> requests.Response:
    return requests.get(f"{varnish.url}{path}", headers=headers, allow_redirects=False, timeout=10)


def addresses(article) -> list[str]:
    """The piece, its section and the home page, in every language."""
    paths = []
    for code in LANGUAGES:
        with translation.override(code):
            paths += [article.url, article.get_parent().url, f"/{code}/"]
    return paths


def test_varnish_keeps_pages_and_a_publish_purges_them_in_every_language(behind_varnish, piece):
    watched = [*addresses(piece), "/en/analyses/?year=2026"]
    for path in watched:
        assert fetch(behind_varnish, path).status_code == 200
        second = fetch(behind_varnish, path)
        assert second.headers["X-Varnish-Cache"] == "HIT", path
        assert f"Pipeline {language_of(path)}" in second.text, path

    started = time.monotonic()
    rename_in_every_language(piece, "Renamed").publish()
    published = time.monotonic()

    for path in watched:
        # The purge is sent before publish() returns: the first fetch after it must show the change.
        fresh = fetch(behind_varnish, path)
        assert f"Renamed {language_of(path)}" in fresh.text, path
        # Purged, not expired: the fetch went to the application.
        assert fresh.headers["X-Varnish-Cache"] == "MISS", path
    assert published - started < WITHIN_SECONDS


def language_of(path: str) -> str:
    return path.split("/")[1]


def test_editors_the_admin_and_the_language_redirect_pass_and_only_purgers_purge(
    behind_varnish, piece, client
):
    path = addresses(piece)[0]
    fetch(behind_varnish, path)
    assert fetch(behind_varnish, path).headers["X-Varnish-Cache"] == "HIT"
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long passphrase 42")
    client.force_login(editor)
    cookie = django_settings.SESSION_COOKIE_NAME
    session = {"Cookie": f"{cookie}={client.cookies[cookie].value}"}

    for _ in range(2):
        signed_in = fetch(behind_varnish, path, **session)
        assert signed_in.headers["X-Varnish-Cache"] == "PASS"
        # The editor's own page: Wagtail's user bar, which the shared copy never has.
        assert "wagtail-userbar" in signed_in.text
    assert "wagtail-userbar" not in fetch(behind_varnish, path).text
    for never_kept in ["/", "/admin/login/", "/documents/1/report.pdf"]:
        for _ in range(2):
            assert fetch(behind_varnish, never_kept).headers["X-Varnish-Cache"] == "PASS", never_kept
    # Other cookies are dropped: the language cookie does not split the cache.
    with_cookies = fetch(behind_varnish, path, Cookie="django_language=tr; csrftoken=x")
    assert with_cookies.headers["X-Varnish-Cache"] == "HIT"

    # Only the purgers ACL may purge.
    assert purge_from(OUTSIDER, behind_varnish, path) == 405
    assert fetch(behind_varnish, path).headers["X-Varnish-Cache"] == "HIT"
    assert purge_from(LOOPBACK, behind_varnish, path) == 200
    assert fetch(behind_varnish, path).headers["X-Varnish-Cache"] == "MISS"


def purge_from(source: str, varnish, path: str) -> int:
    connection = http.client.HTTPConnection(LOOPBACK, varnish.port, timeout=10, source_address=(source, 0))
    try:
        connection.request("PURGE", path, headers={"Host": f"{LOOPBACK}:{varnish.port}"})
        return connection.getresponse().status
    finally:
        connection.close()
