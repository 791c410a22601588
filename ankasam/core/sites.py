"""Which Wagtail site a host name is, kept until the next publish instead of a query per request.

Every request to a page asks (`Site.find_for_request`); sites change rarely, and saving or deleting
one clears the page cache and with it this value (ankasam/serving/invalidation.py), as does any
publish (the site carries its root page, the home page as its own type).
"""

from wagtail.models import sites

from .published import cached_until_published

# Captured when ankasam.patches first imports this module, before it puts ours in its place.
upstream_site_for_hostname = sites.get_site_for_hostname


def site_for_hostname(hostname, port):
    return cached_until_published(
        f"site:{hostname}:{port}", lambda: with_specific_root(upstream_site_for_hostname(hostname, port))
    )


def with_specific_root(site):
    """The site with its root page as its own type (the home page), as Wagtail routes from it.

    Wagtail starts every page request at `site.root_page.localized.specific`: kept specific with
    the site, the home page's row is not read again on each request.
    """
    if site is not None:
        site.root_page = site.root_page.specific
    return site
