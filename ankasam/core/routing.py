"""Page routing by the slug of the request's language.

wagtail-modeltranslation routes by loading every child of a page and comparing slugs in Python,
which reads the whole article index on each article request. This looks the child up in the
database instead, with the same fallback rule: a page without a slug in the language is found
by its default-language slug.

A page class may also answer a few one-segment sub-addresses of its own, its `reader_actions`
(an article's `pdf/`); the page is then served with `action=<name>`, under the same live and
expiry checks as the page itself. Names are single URL segments matched by Wagtail's serve
pattern, which allows only letters, digits, `_` and `-` (no dots).
"""

from django.db.models import Q
from django.http import Http404
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


def reader_action(page, path_components) -> str | None:
    """The action a one-segment address under the page names (`pdf` in `.../<slug>/pdf/`), if any.

    A page class lists its actions in `reader_actions`; an action takes precedence over a child
    with the same slug, so a page type that has both must not give a child such a slug.
    """
    if len(path_components) == 1 and path_components[0] in getattr(page, "reader_actions", ()):
        return path_components[0]
    return None


def route_by_localized_slug(self, request, path_components):
    action = reader_action(self, path_components)
    if path_components and action is None:
        child = find_child_by_slug(self, path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])
    if self.live and not has_expired(self):
        return RouteResult(self, kwargs={"action": action} if action else None)
    raise Http404
