"""Edge cache backends (`WAGTAILFRONTENDCACHE`), each able to purge a batch and a whole site.

Wagtail's own HTTP backend sends one PURGE per address without a timeout and logs each failure;
here a batch is one request per host and a failure raises, so that ankasam/serving/edge.py logs
one line and publishing goes on. `purge_site` drops everything a site has at the edge, for the
changes whose pages cannot be listed (a term renamed, a page deleted or moved).
"""

import re
import uuid
from urllib.parse import urlsplit

import requests
from django.utils.encoding import iri_to_uri
from wagtail.contrib.frontend_cache.backends import BaseBackend, CloudflareBackend, CloudfrontBackend

# Varnish refuses a request header past 8 KB (http_req_hdr_len); a batch's pattern stays below.
LONGEST_BAN_PATTERN = 6000


def host_and_path(url: str) -> tuple[str, str]:
    """The Host header a reader sends for the URL, and its path as browsers encode it."""
    parts = urlsplit(iri_to_uri(url))
    return parts.netloc.lower(), parts.path or "/"


def ban_patterns(paths) -> list[str]:
    """Anchored alternations of the paths, each short enough for one request header."""
    patterns, current = [], []
    for path in sorted(set(paths)):
        literal = re.escape(path)
        if current and sum(len(p) + 1 for p in current) + len(literal) > LONGEST_BAN_PATTERN:
            patterns.append("^(" + "|".join(current) + ")$")
            current = []
        current.append(literal)
    if current:
        patterns.append("^(" + "|".join(current) + ")$")
    return patterns


def paths_by_host(urls) -> dict[str, set[str]]:
    grouped = {}
    for url in urls:
        host, path = host_and_path(url)
        grouped.setdefault(host, set()).add(path)
    return grouped


class VarnishBackend(BaseBackend):
    """Bans through deploy/varnish/default.vcl: an address goes with all its query strings."""

    def __init__(self, params):
        super().__init__(params)
        self.location = params["LOCATION"].rstrip("/")
        self.timeout = params.get("TIMEOUT", 5)

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        with requests.Session() as session:
            for host, paths in paths_by_host(urls).items():
                for pattern in ban_patterns(paths):
                    self.ban(session, host, {"X-Ban-Path": pattern})

    def purge_site(self, root_urls) -> None:
        with requests.Session() as session:
            for host in paths_by_host(root_urls):
                self.ban(session, host, {})

    def ban(self, session, host: str, headers: dict) -> None:
        response = session.request(
            "BAN", f"{self.location}/", headers={"Host": host, **headers}, timeout=self.timeout
        )
        if response.status_code != 200:
            raise RuntimeError(f"Varnish answered {response.status_code} {response.reason}")


class CloudflareSiteBackend(CloudflareBackend):
    """Wagtail's Cloudflare backend, failing loudly, and purging a whole zone when asked."""

    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", 5)
        super().__init__(params)

    def _purge_urls(self, urls) -> None:
        self.post({"files": [iri_to_uri(url) for url in urls]})

    def purge_site(self, root_urls) -> None:
        self.post({"purge_everything": True})

    def post(self, payload: dict) -> None:
        response = requests.post(
            self.cloudflare_purge_endpoint_url,
            json=payload,
            headers={"Authorization": f"Bearer {self.cloudflare_token}"},
            timeout=self.timeout,
        )
        if response.status_code != 200 or not response.json().get("success"):
            raise RuntimeError(f"Cloudflare answered {response.status_code}: {response.text[:200]}")


class CloudfrontSiteBackend(CloudfrontBackend):
    """Wagtail's CloudFront backend, failing loudly; a whole site is one `/*` invalidation.

    Paths are invalidated as they are, without a wildcard each: CloudFront allows only 15
    wildcard paths in progress at a time, against 3 000 plain ones.
    """

    def purge_batch(self, urls) -> None:
        self.invalidate(sorted({host_and_path(url)[1] for url in urls}))

    def purge_site(self, root_urls) -> None:
        self.invalidate(["/*"])

    def invalidate(self, paths: list[str]) -> None:
        self.client.create_invalidation(
            DistributionId=self.cloudfront_distribution_id,
            InvalidationBatch={
                "Paths": {"Quantity": len(paths), "Items": paths},
                "CallerReference": str(uuid.uuid4()),
            },
        )
