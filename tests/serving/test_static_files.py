"""Static files as production serves them: hashed names, compressed copies, a year of caching."""

import pytest
from django.core.management import call_command
from django.test import Client

from ankasam.serving.static import A_YEAR


@pytest.fixture
def collected(settings, tmp_path):
    """collectstatic with production's storage, over one small stylesheet (the real set takes 20 s)."""
    source = tmp_path / "static"
    (source / "css").mkdir(parents=True)
    (source / "css" / "tiny.css").write_text("body { color: #1d232b; }\n" * 50)
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    hashed = next(
        path.name
        for path in (settings.STATIC_ROOT / "css").iterdir()
        if path.name.startswith("tiny.") and path.suffix == ".css" and path.name != "tiny.css"
    )
    return f"/static/css/{hashed}"


def test_a_hashed_stylesheet_is_kept_a_year_and_sent_compressed(collected):
    client = Client()  # a new client loads the middleware, which reads STATIC_ROOT once

    brotli = client.get(collected, HTTP_ACCEPT_ENCODING="br, gzip")
    gzip = client.get(collected, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(collected)

    assert brotli.status_code == 200
    assert brotli["Content-Encoding"] == "br"
    assert gzip["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert brotli["Cache-Control"] == f"max-age={A_YEAR}, public, immutable"
    assert int(brotli["Content-Length"]) < int(plain["Content-Length"])


def test_the_unhashed_name_is_not_kept_long(collected):
    response = Client().get("/static/css/tiny.css")

    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
