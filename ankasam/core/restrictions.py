"""A page's view restrictions from a list kept until the next publish, not two queries per page.

Wagtail checks them before serving any page: one query for the page's ancestors (to resolve
aliases), one for the restrictions on them. The site has few restrictions, and adding or removing
one clears the cache (ankasam/serving/invalidation.py), so the paths of the restricted pages, and
of the alias pages, are kept (core/published.py) and a page's restrictions are found by its
path: a page under no restriction needs no query at all.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page, PageViewRestriction

from .published import cached_until_published


@dataclass(frozen=True)
class RestrictedPaths:
    restriction_ids_by_path: dict[str, tuple[int, ...]]
    alias_paths: frozenset[str]


def read_restricted_paths() -> RestrictedPaths:
    by_path: dict[str, list[int]] = {}
    for path, restriction_id in PageViewRestriction.objects.values_list("page__path", "pk"):
        by_path.setdefault(path, []).append(restriction_id)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return RestrictedPaths({path: tuple(ids) for path, ids in by_path.items()}, frozenset(aliases))


def ancestry_paths(page) -> list[str]:
    """The paths of the page and of each of its ancestors (Wagtail's tree paths are prefixes)."""
    step = Page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


class CachedViewRestrictionsMixin:
    def get_view_restrictions(self):
        if not settings.PUBLISHED_VALUES_CACHED or not self.path:
            return super().get_view_restrictions()
        known = cached_until_published("view-restrictions", read_restricted_paths)
        paths = ancestry_paths(self)
        # An alias has its source's restrictions: Wagtail's own lookup resolves them.
        if any(path in known.alias_paths for path in paths):
            return super().get_view_restrictions()
        ids = [pk for path in paths for pk in known.restriction_ids_by_path.get(path, ())]
        # With no id, Django answers without asking the database.
        return PageViewRestriction.objects.filter(pk__in=ids)
