"""The edge backends' requests and the settings that configure them, without a network."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from ankasam.serving import edge_backends
from ankasam.serving.edge_backends import LONGEST_BAN_PATTERN, CloudflareSiteBackend, ban_patterns

from .conftest import base_settings


def test_a_batch_pattern_matches_its_paths_exactly():
    paths = ["/en/analyses/", "/en/share-card/12.png", "/tr/a(b)+c*$[x]/"]

    (pattern,) = ban_patterns(paths)

    for path in paths:
        assert re.fullmatch(pattern, path)
    for other in ["/en/analyses/x/", "/en/share-card/12xpng", "/en/", "/tr/a(b)+c*$[x]/y"]:
        assert not re.fullmatch(pattern, other)


def test_a_large_batch_is_split_into_patterns_a_request_header_can_carry():
    paths = [f"/ru/analitika/{'long-slug-' * 8}{n}/" for n in range(400)]

    patterns = ban_patterns(paths)

    assert len(patterns) > 1
    assert all(len(pattern) <= LONGEST_BAN_PATTERN + 4 for pattern in patterns)
    assert all(sum(bool(re.fullmatch(p, path)) for p in patterns) == 1 for path in paths)


def test_non_ascii_addresses_are_purged_as_browsers_request_them():
    assert edge_backends.host_and_path("https://Example.org/tr/analizler/boru-hattı/") == (
        "example.org",
        "/tr/analizler/boru-hatt%C4%B1/",
    )


class FakeResponse:
    def __init__(self, status_code=200, success=True):
        self.status_code, self.text = status_code, "{}"
        self._json = {"success": success}

    def json(self):
        return self._json


@pytest.fixture
def cloudflare_posts(monkeypatch):
    posts = []

    def post(url, json, headers, timeout):
        posts.append({"url": url, "json": json, "headers": headers})
        return FakeResponse()

    monkeypatch.setattr(edge_backends.requests, "post", post)
    return posts


def cloudflare():
    return CloudflareSiteBackend({"ZONEID": "zone1", "BEARER_TOKEN": "secret", "TIMEOUT": 3})


def test_cloudflare_purges_addresses_thirty_at_a_time_and_a_whole_zone_in_one_call(cloudflare_posts):
    cloudflare().purge_batch([f"https://example.org/en/{n}/" for n in range(45)])
    cloudflare().purge_site(["https://example.org"])

    assert [len(post["json"].get("files", [])) for post in cloudflare_posts] == [30, 15, 0]
    assert cloudflare_posts[-1]["json"] == {"purge_everything": True}
    assert {post["url"] for post in cloudflare_posts} == {
        "https://api.cloudflare.com/client/v4/zones/zone1/purge_cache"
    }
    assert all(post["headers"] == {"Authorization": "Bearer secret"} for post in cloudflare_posts)


def test_a_refused_cloudflare_purge_raises_for_the_caller_to_log(monkeypatch):
    monkeypatch.setattr(edge_backends.requests, "post", lambda *a, **k: FakeResponse(403, success=False))

    with pytest.raises(RuntimeError, match="Cloudflare answered 403"):
        cloudflare().purge_site(["https://example.org"])


def test_no_edge_configured_means_no_backend(monkeypatch):
    assert base_settings(monkeypatch)["WAGTAILFRONTENDCACHE"] == {}


def test_each_edge_is_configured_by_its_own_variables(monkeypatch):
    configured = base_settings(
        monkeypatch,
        VARNISH_PURGE_URL="http://10.0.0.5:6081, http://10.0.0.6:6081",
        CLOUDFLARE_ZONE_ID="zone1",
        CLOUDFLARE_BEARER_TOKEN="secret",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
        EDGE_PURGE_TIMEOUT="3",
    )["WAGTAILFRONTENDCACHE"]

    assert configured == {
        "varnish1": {
            "BACKEND": "ankasam.serving.edge_backends.VarnishBackend",
            "LOCATION": "http://10.0.0.5:6081",
            "TIMEOUT": 3,
        },
        "varnish2": {
            "BACKEND": "ankasam.serving.edge_backends.VarnishBackend",
            "LOCATION": "http://10.0.0.6:6081",
            "TIMEOUT": 3,
        },
        "cloudflare": {
            "BACKEND": "ankasam.serving.edge_backends.CloudflareSiteBackend",
            "ZONEID": "zone1",
            "BEARER_TOKEN": "secret",
            "TIMEOUT": 3,
        },
        "cloudfront": {
            "BACKEND": "ankasam.serving.edge_backends.CloudfrontSiteBackend",
            "DISTRIBUTION_ID": "E123",
        },
    }


def test_a_cloudflare_zone_without_its_token_stops_start_up(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_BEARER_TOKEN"):
        base_settings(monkeypatch, CLOUDFLARE_ZONE_ID="zone1")
