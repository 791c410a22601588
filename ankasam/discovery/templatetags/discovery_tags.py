"""The head's discovery tags: description, canonical link, OpenGraph/Twitter and JSON-LD."""

from django import template

from ankasam.articles.presentation import article_authors
from ankasam.core.languages import current_language
from ankasam.discovery import meta, scholarly
from ankasam.discovery.structured_data import page_structured_data

register = template.Library()


def is_page(page) -> bool:
    # Views that are not pages may put something else (a paginator page) in `page`.
    return hasattr(page, "get_full_url") and hasattr(page, "live_revision_id")


def from_context(context, name):
    """A value of the template context; the article's are computed when first read (a callable)."""
    value = context.get(name)
    return value() if callable(value) else value


def listed_in(context, page) -> dict:
    """An article's authors, topics and tags as its own template context holds them already."""
    if page.og_type != "article":
        return {}
    authors = from_context(context, "authors")
    return {
        "authors": article_authors(page) if authors is None else authors,
        "topics": from_context(context, "topics"),
        "tags": from_context(context, "tags"),
    }


@register.simple_tag
def meta_description(page):
    return meta.meta_description(page, current_language()) if is_page(page) else ""


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    return meta.canonical_url(page, context.get("request")) if is_page(page) else ""


@register.simple_tag(takes_context=True)
def social_meta(context, page):
    """OpenGraph values, and JSON-LD for page types whose template does not add its own."""
    if not is_page(page):
        return None
    request, language = context.get("request"), current_language()
    listed = listed_in(context, page)
    social = meta.social_meta(page, request, language, **listed)
    if not page.json_ld_in_template:
        social["structured_data"] = page_structured_data(page, request, language, **listed)
    return social


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The JSON-LD of a page whose own template places it (`json_ld_in_template`)."""
    return page_structured_data(page, context.get("request"), current_language(), **listed_in(context, page))


@register.simple_tag(takes_context=True)
def scholarly_meta(context, page):
    """Highwire Press and Dublin Core (name, content) pairs for an article's head."""
    if not is_page(page) or page.og_type != "article":
        return []
    request, language = context.get("request"), current_language()
    listed = listed_in(context, page)
    pdf_url = from_context(context, "pdf_url")
    pairs = scholarly.highwire_tags(
        page, request, language, listed["authors"], listed["topics"], listed["tags"], pdf_url
    )
    return pairs + scholarly.dublin_core_tags(page, request, language, listed["authors"])
