"""Content-Security-Policy and Permissions-Policy on public pages, the admin and cached pages.

What each policy lets the browser do is checked in Chromium (tests/browser/test_content_security_policy.py);
these tests check which answers carry which policy.
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from ankasam.serving.security import ContentSecurityPolicyMiddleware, permissions_policy_header
from tests.articles.factories import create_article

ROOT = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def assert_public_policy(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"][0] == "'self'"
    assert not any(source.startswith("'unsafe") for sources in policy.values() for source in sources)
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def assert_admin_policy(response):
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def assert_permissions_policy(response):
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()", feature


@pytest.fixture
def article(article_index):
    return create_article(article_index, title="Caspian Gas")


def test_a_public_article_has_the_strict_policy_and_the_permissions_policy(client, article):
    response = client.get(article.url)

    assert response.status_code == 200
    assert_public_policy(response)
    assert_permissions_policy(response)


def test_the_not_found_page_has_them_too(client, home_page):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert_public_policy(response)
    assert_permissions_policy(response)


def test_the_admin_has_its_own_policy_signed_in_or_not(client, django_user_model):
    sign_in_page = client.get(reverse("wagtailadmin_login"))
    assert sign_in_page.status_code == 200
    assert_admin_policy(sign_in_page)
    assert_permissions_policy(sign_in_page)

    client.force_login(django_user_model.objects.create_superuser("chief", "chief@example.org", "pw"))
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert_admin_policy(dashboard)
    assert_permissions_policy(dashboard)


def test_a_page_answered_from_the_page_cache_has_them(client, article, settings):
    settings.PAGE_CACHE_ENABLED = True

    rendered = client.get(article.url)
    cached = client.get(article.url)

    assert (rendered["X-Cache"], cached["X-Cache"]) == ("MISS", "HIT")
    assert_public_policy(cached)
    assert_permissions_policy(cached)
    assert cached["Content-Security-Policy"] == rendered["Content-Security-Policy"]
    assert cached["Permissions-Policy"] == rendered["Permissions-Policy"]


def test_a_cached_page_gets_todays_policy_not_the_one_it_was_stored_with(client, article, settings):
    settings.PAGE_CACHE_ENABLED = True
    client.get(article.url)

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    cached = client.get(article.url)

    assert cached["X-Cache"] == "HIT"
    assert cached["Content-Security-Policy"] == "default-src 'none'"


def test_the_admin_policy_follows_the_admin_path(settings):
    settings.WAGTAIL_ADMIN_PATH = "editors/"
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("ok"))

    moved_admin = middleware(RequestFactory().get("/editors/pages/"))
    old_admin = middleware(RequestFactory().get("/admin/pages/"))

    assert_admin_policy(moved_admin)
    assert_public_policy(old_admin)


def test_a_preview_leaves_the_policy_to_the_admin_view_that_shows_it(home_page):
    """Wagtail runs a preview's dummy request for the page's public address through the middleware.

    Given the public policy there, the preview could not be shown in the admin's preview panel
    (frame-ancestors 'none'); the admin view around it answers with the admin's policy.
    """
    admin_request = RequestFactory().get(f"/{settings.WAGTAIL_ADMIN_PATH}pages/{home_page.pk}/edit/preview/")

    preview = home_page.make_preview_request(admin_request)

    assert preview.status_code == 200
    assert "Content-Security-Policy" not in preview


def test_the_server_error_page_style_is_allowed_by_its_hash():
    template = (ROOT / "templates" / "500.html").read_text()
    styles = re.findall(r"<style>(.*?)</style>", template, re.DOTALL)
    digests = [base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() for style in styles]

    public_styles = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    assert digests, "templates/500.html has no <style> left: drop SERVER_ERROR_STYLE_HASH"
    assert [f"'sha256-{digest}'" for digest in digests] == [settings.SERVER_ERROR_STYLE_HASH]
    assert settings.SERVER_ERROR_STYLE_HASH in public_styles


def test_permissions_policy_header_lists_each_feature_with_its_origins():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == "camera=(), fullscreen=(self)"


PRINT_FRAME_SOURCES = """
import json
from django.conf import settings
print(json.dumps([
    settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"],
    settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"],
]))
"""


def frame_sources(**env) -> list[list[str]]:
    inherited = {k: v for k, v in os.environ.items() if k != "CSP_FRAME_SRC"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_FRAME_SOURCES, "--settings=ankasam.settings.test"],
        cwd=ROOT,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embed_players_come_from_csp_frame_src():
    public, admin = frame_sources()
    assert public == [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]
    assert admin == ["'self'", *public]

    public, admin = frame_sources(CSP_FRAME_SRC="https://player.vimeo.com")
    assert public == ["https://player.vimeo.com"]
    assert admin == ["'self'", "https://player.vimeo.com"]

    public, admin = frame_sources(CSP_FRAME_SRC="")
    assert public == ["'none'"]
    assert admin == ["'self'"]
