"""Purging the edge cache (Varnish or a CDN) after a change, once it is committed.

Configured from the environment (settings: WAGTAILFRONTENDCACHE, built in settings/base.py from
VARNISH_PURGE_URL, CLOUDFLARE_* and CLOUDFRONT_DISTRIBUTION_ID); with nothing configured every
function here does nothing. The page cache is cleared separately and first (page_cache.py), so
what the edge fetches again is the new state.

An article's change purges every address showing it, in every language (edge_addresses.py).
Any other page (the home page, an index, a person) is shown on every page, in the menu or in
bylines, and a deletion or a change to a term, an image, a redirect or a site cannot be traced
to its pages: those purge the whole site, which the edge does in one request per host.

Purges are sent at once, not queued for the task worker: a few small requests, and an editor
who publishes expects readers to see it. A failing purge logs one line and publishing goes on;
the edge then serves the old page until its s-maxage (PAGE_CACHE_SECONDS) runs out.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page

from .edge_addresses import addresses_showing, site_root_urls

logger = logging.getLogger(__name__)


def edge_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_pages(page_ids) -> None:
    """Purge what shows these pages; the whole site when that cannot be listed."""
    if not edge_cache_configured():
        return
    try:
        addresses = addresses_showing_pages(page_ids)
    except Exception:
        logger.exception("Listing the addresses showing pages %s failed; purging the whole site", page_ids)
        addresses = None
    if addresses is None:
        purge_site()
    else:
        purge(addresses)


def addresses_showing_pages(page_ids) -> set[str] | None:
    addresses = set()
    for page in Page.objects.filter(pk__in=page_ids).specific():
        listed = getattr(page, "edge_addresses_listed", False)
        shown = addresses_showing(page) if listed else None
        if shown is None:
            return None
        addresses |= shown
    return addresses


def purge_site_on_commit() -> None:
    if edge_cache_configured():
        transaction.on_commit(purge_site)


def backends() -> dict:
    try:
        return get_backends()
    except Exception as error:
        # A backend that cannot be built (boto3 missing for CloudFront) must not stop a publish.
        logger.warning("The edge cache backends cannot be loaded: %s", error)
        return {}


def purge(addresses) -> None:
    addresses = sorted(addresses)
    for name, backend in backends().items():
        wanted = [url for url in addresses if backend.invalidates_hostname(host_of(url))]
        if not wanted:
            continue
        try:
            backend.purge_batch(wanted)
        except Exception as error:
            logger.warning("Purging %d addresses from the %s edge cache failed: %s", len(wanted), name, error)


def purge_site() -> None:
    root_urls = site_root_urls()
    for name, backend in backends().items():
        if not hasattr(backend, "purge_site"):
            logger.warning("The %s edge cache cannot purge a whole site; it expires by itself", name)
            continue
        wanted = [url for url in root_urls if backend.invalidates_hostname(host_of(url))]
        try:
            backend.purge_site(wanted)
        except Exception as error:
            logger.warning("Purging the whole site from the %s edge cache failed: %s", name, error)


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""
