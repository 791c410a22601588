"""Purging the edge cache (Varnish or a CDN, `wagtail.contrib.frontend_cache`) after a change.

Configured from the environment (settings: WAGTAILFRONTENDCACHE); with nothing configured every
function here does nothing. The page cache is cleared separately (page_cache.py).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)


def edge_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def addresses_in_every_language(page) -> set[str]:
    """The page's full address in each site language (a language it lacks answers 404 there)."""
    addresses = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = page.get_full_url()
        if url:
            addresses.add(url)
    return addresses


def listing_addresses(site_root: str) -> set[str]:
    """Each language's home page and the sitemap, which list every published page."""
    addresses = {site_root + reverse("sitemap")}
    for code, _name in settings.LANGUAGES:
        addresses.add(f"{site_root}/{code}/")
    return addresses


def addresses_to_purge(page_ids) -> set[str]:
    addresses = set()
    for page in Page.objects.filter(pk__in=page_ids).specific():
        addresses |= addresses_in_every_language(page)
    for site in Site.objects.all():
        addresses |= listing_addresses(site.root_url)
    return addresses


def purge(addresses) -> None:
    """Send the purges now: they are a few small requests, and a reader must see the change."""
    for name, backend in get_backends().items():
        try:
            backend.purge_batch(sorted(addresses))
        except Exception:
            # The page cache is already cleared; the edge cache expires the pages by itself.
            logger.warning("Purging %d addresses from the %s edge cache failed", len(addresses), name)


def purge_pages(page_ids) -> None:
    if edge_cache_configured():
        purge(addresses_to_purge(page_ids))


def purge_site_on_commit() -> None:
    if edge_cache_configured():
        transaction.on_commit(lambda: purge(addresses_to_purge([])))
