"""The head's discovery tags: description, canonical link, OpenGraph/Twitter and JSON-LD."""

from django import template

from ankasam.articles.models import ArticlePage
from ankasam.articles.presentation import article_authors
from ankasam.articles.structured_data import page_structured_data
from ankasam.core import discovery
from ankasam.core.languages import current_language

register = template.Library()


def is_page(page) -> bool:
    # Views that are not pages may put something else (a paginator page) in `page`.
    return hasattr(page, "get_full_url") and hasattr(page, "live_revision_id")


@register.simple_tag
def meta_description(page):
    return discovery.meta_description(page, current_language()) if is_page(page) else ""


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    return discovery.canonical_url(page, context.get("request")) if is_page(page) else ""


@register.simple_tag(takes_context=True)
def social_meta(context, page):
    """OpenGraph values, and JSON-LD for page types whose template does not add its own."""
    if not is_page(page):
        return None
    request, language = context.get("request"), current_language()
    listed = {}
    if isinstance(page, ArticlePage):
        # The article's own template context holds its authors, topics and tags already.
        authors = context.get("authors")
        listed = {
            "authors": article_authors(page) if authors is None else authors,
            "topics": context.get("topics"),
            "tags": context.get("tags"),
        }
    meta = discovery.social_meta(page, request, language, **listed)
    meta["structured_data"] = page_structured_data(page, request, language)
    return meta
