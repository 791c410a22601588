"""Page routing by the slug of the request's language.

wagtail-modeltranslation routes by loading every child of a page and comparing slugs in Python,
which reads the whole article index on each article request. This looks the child up in the
database instead, with the same fallback rule: a page without a slug in the language is found
by its default-language slug.

A page may also answer sub-addresses of its own (an article's `pdf/`) through Wagtail's
`RoutablePageMixin`. wagtail-modeltranslation's route and ours are set on the class over the
mixin's, so the page's own routes are handed the path here, under the same live and expiry checks
as the page itself. Sub-address names are matched by Wagtail's serve pattern, which allows only
letters, digits, `_` and `-` in a segment (no dots).
"""

from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

from .languages import current_language, default_language, localized_field
from .visibility import has_expired


def localized_slug_q(slug: str, language: str | None = None) -> Q:
    """Pages whose slug in the language (the current one by default) is `slug`.

    A page without a slug in the language answers to its default-language slug.
    """
    language = language or current_language()
    slug_field = localized_field("slug", language)
    matches = Q(**{slug_field: slug})
    if language != default_language():
        untranslated = Q(**{f"{slug_field}__isnull": True}) | Q(**{slug_field: ""})
        matches |= untranslated & Q(**{localized_field("slug", default_language()): slug})
    return matches


def find_child_by_slug(page, slug: str):
    """The child with this slug in the current language, as its specific type."""
    child_types = page.specific_class.allowed_subpage_models()
    # With one possible type (an index of articles) the child is fetched as that type directly,
    # one query instead of two.
    single_type = len(child_types) == 1
    children = child_types[0].objects.child_of(page) if single_type else page.get_children()
    child = children.rewrite(False).filter(localized_slug_q(slug)).order_by("path").first()
    return child.specific if child is not None and not single_type else child


def answers_sub_address(page, path_components) -> bool:
    """Whether the path under the page is one of its own routes (`pdf/`), not a child's slug.

    A page's own route takes precedence over a child with the same slug, as in RoutablePageMixin,
    so a page type that has both must not give a child such a slug.
    """
    if not isinstance(page, RoutablePageMixin):
        return False
    try:
        page.resolve_subpage("/" + "".join(f"{component}/" for component in path_components))
    except Http404:
        return False
    return True


def route_by_localized_slug(self, request, path_components):
    if path_components and not answers_sub_address(self, path_components):
        child = find_child_by_slug(self, path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])
    if not self.live or has_expired(self):
        raise Http404
    if isinstance(self, RoutablePageMixin):
        return RoutablePageMixin.route(self, request, path_components)
    return RouteResult(self)


def fixed_sub_addresses(page) -> list[str]:
    """The page's own sub-addresses without parameters (`pdf/`, ...), relative to its address."""
    if not isinstance(page, RoutablePageMixin):
        return []
    addresses = []
    for route in page.get_subpage_urls():
        try:
            address = page.reverse_subpage(route.name)
        except NoReverseMatch:  # a route that takes arguments names no one address
            continue
        if address:
            addresses.append(address)
    return addresses
