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

Which page an address leads to changes only on publish, move or delete: it is kept until then
(core/published.py), and so is the page's row as served, so a warm request for an article reads
no row at all instead of one per level of the tree. The page found is still checked (live, not
expired) on every request; addresses that lead nowhere are not kept.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

from .languages import current_language, default_language, localized_field
from .published import cached_until_published
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
    children = with_served_related(child_types[0]).child_of(page) if single_type else page.get_children()
    child = children.rewrite(False).filter(localized_slug_q(slug)).order_by("path").first()
    if child is None or single_type or child.specific_class is None:
        return child
    # As `.specific` (one query), but with what the type always shows: the page is kept as found.
    return served_page(child.specific_class, pk=child.pk)


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


def served_page(model, **lookup):
    """The page as its own type, with what the type says it always shows."""
    return with_served_related(model).filter(**lookup).first()


def kept_served_page(content_type_id: int, pk: int, found=None):
    """The page as served (`served_page`), kept until the next publish; `found` if just read.

    What a reader sees of a page's row changes only on a publishing event (an unpublish, a move,
    the next expiry included), so a warm request reads no row: the page is unpickled from the
    kept value instead, about a fifteenth of the cost of its query. Only the editors' state of
    the row (a lock, a newer draft) may be older than the database's: the admin reads its own.
    """

    def fetch():
        if found is not None:
            return found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return served_page(model, pk=pk) if model is not None else None

    return cached_until_published(f"served-page:{pk}", fetch)


def with_served_related(model):
    """The type's pages with what the type says it always shows (`serve_select_related`)."""
    related = getattr(model, "serve_select_related", ())
    return model.objects.select_related(*related) if related else model.objects.all()


def routes_by_localized_slug(page) -> bool:
    return getattr(type(page), "route", None) is route_by_localized_slug


def descend_by_slugs(page, path_components, found: dict) -> tuple[int, int, int]:
    """(content type id, id) of the page the slugs lead to, and how many components they are.

    Stops at a page with a route of its own (not a translated type), which routes the rest.
    """
    consumed = 0
    while (
        consumed < len(path_components)
        and routes_by_localized_slug(page)
        and not answers_sub_address(page, path_components[consumed:])
    ):
        page = find_child_by_slug(page, path_components[consumed])
        if page is None:
            raise Http404
        consumed += 1
    found["page"] = page
    return page.content_type_id, page.pk, consumed


def route_by_localized_slug(self, request, path_components):
    if path_components and not answers_sub_address(self, path_components):
        # What the slugs lead to, in the reader's language, kept until the next publish.
        name = f"route:{self.pk}:{current_language()}:{'/'.join(path_components)}"
        found = {}
        content_type_id, pk, consumed = cached_until_published(
            name, lambda: descend_by_slugs(self, path_components, found)
        )
        page = kept_served_page(content_type_id, pk, found.get("page"))
        if page is None:  # gone since (its deletion clears the cache once committed)
            raise Http404
        if not routes_by_localized_slug(page):
            return page.route(request, path_components[consumed:])
        return route_here(page, request, path_components[consumed:])
    return route_here(self, request, path_components)


def route_here(page, request, path_components):
    """The page itself, or one of its own sub-addresses: never a child's."""
    if not page.live or has_expired(page):
        raise Http404
    if isinstance(page, RoutablePageMixin):
        return RoutablePageMixin.route(page, request, path_components)
    if path_components:
        raise Http404
    return RouteResult(page)


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
