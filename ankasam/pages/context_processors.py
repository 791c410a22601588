from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .chrome import SiteIdentity, site_chrome


def chrome(request):
    """`site_sections` for the header, and the site identity for `settings.identity.SiteIdentity`,
    from the copy kept until the next publish (chrome.py)."""
    # The admin edits the site identity: it reads the setting itself, not the copy.
    if not request.path_info.startswith("/" + settings.WAGTAIL_ADMIN_PATH):
        # Where Wagtail's settings keep what they loaded for this request.
        identity = SimpleLazyObject(lambda: site_chrome(request).identity)
        setattr(request, SiteIdentity.get_cache_attr_name(), identity)
    return {"site_sections": SimpleLazyObject(lambda: site_chrome(request).sections)}
