"""What readers may see: the one rule every public query and page shares.

A page is visible when it is live, has not passed its expiry date and is not in a private
section. Expiry is checked here as well as by `publish_scheduled`, so that a page is gone at its
expiry time even when the timer that unpublishes it runs late.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def in_private_section() -> Exists:
    """True for pages under a view restriction (their own or an ancestor's), inside the query.

    Wagtail's `.public()` first fetches every restriction in a query of its own.
    """
    restricted_ancestor_or_self = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Exists(restricted_ancestor_or_self)


def not_expired() -> Q:
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def visible_to_readers(queryset):
    """Live, not expired and not in a private section."""
    return queryset.live().filter(not_expired()).exclude(in_private_section())


def has_expired(page) -> bool:
    return page.expire_at is not None and page.expire_at <= timezone.now()


def next_expiry():
    """When the next live page expires, or None: what readers see changes then."""
    return (
        Page.objects.live()
        .filter(expire_at__gt=timezone.now())
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
