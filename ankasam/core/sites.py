"""Which Wagtail site a host name is, kept until the next publish instead of a query per request.

Every request to a page asks (`Site.find_for_request`); sites change rarely, and saving or deleting
one clears the page cache and with it this value (ankasam/serving/invalidation.py), as does any
publish (the site carries its root page).
"""

from wagtail.models import sites

from .published import cached_until_published

# Captured when ankasam.patches first imports this module, before it puts ours in its place.
upstream_site_for_hostname = sites.get_site_for_hostname


def site_for_hostname(hostname, port):
    return cached_until_published(
        f"site:{hostname}:{port}", lambda: upstream_site_for_hostname(hostname, port)
    )
