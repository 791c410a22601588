"""An article in one language as the API shows it: plain data, built from the reader site's own
functions so that the API and the pages never disagree.

Called with that language active (the views wrap each request in `translation.override`), so
URLs, modeltranslation's fields and ordering are those of the language asked for. An author whose
page readers may not open is given by name only, as the byline does.
"""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.api.utils import get_full_url

from ankasam.articles.pdf import pdf_available
from ankasam.articles.presentation import render_body_with_footnotes
from ankasam.core.languages import default_language, field_in
from ankasam.translations.alternates import page_versions
from ankasam.translations.secondary import LocalizedText, text_in_language

# The article's own routes (ArticlePage's @path names) the API gives addresses for.
CITATION_ROUTES = {"bibtex": "cite-bibtex", "ris": "cite-ris"}


def localized(text: LocalizedText) -> dict:
    """A secondary text with the language it is written in, which may be the fallback's."""
    return {"value": str(text), "language": text.language}


def term(term, language: str) -> dict | None:
    if term is None:
        return None
    return {"slug": term.slug, "name": localized(text_in_language(term, "name", language))}


def author(person, readable: bool, language: str, request) -> dict:
    name = localized(text_in_language(person, "title", language))
    if not readable:
        # Named in the byline, but their page (and so their bio) is not published.
        return {"name": name, "url": None, "role": None, "short_bio": None, "bio": None}
    return {
        "name": name,
        "url": person.get_full_url(request),
        "role": localized(text_in_language(person, "role", language)),
        "short_bio": localized(text_in_language(person, "short_bio", language)),
        "bio": localized(text_in_language(person, "bio", language)),
    }


def slug_in(page, language: str) -> str:
    # Routing's rule: a page without a slug in the language answers to its default-language one.
    return field_in(page, "slug", language) or field_in(page, "slug", default_language())


def detail_url(article, language: str, request) -> str:
    path = reverse("wagtailapi:articles:detail", args=(article.pk,))
    # On the site's address, like the pages' own `detail_url` and `html_url`.
    return get_full_url(request, f"{path}?{urlencode({'lang': language})}")


def article_summary(article, language: str, request, readable_people: set[int]) -> dict:
    """What a listing shows of an article: everything but the text itself."""
    return {
        "id": article.pk,
        "meta": {
            "type": "articles.ArticlePage",
            "detail_url": detail_url(article, language, request),
            "html_url": article.get_full_url(request),
            "language": language,
            "original_language": article.original_language,
            "languages": [{"language": v.code, "url": v.url} for v in page_versions(article, request)],
        },
        "title": field_in(article, "title", language),
        "slug": slug_in(article, language),
        "standfirst": field_in(article, "standfirst", language) or "",
        "publication_date": article.publication_date.isoformat(),
        "first_published_at": article.first_published_at.isoformat() if article.first_published_at else None,
        "last_published_at": article.last_published_at.isoformat() if article.last_published_at else None,
        "authors": [
            author(link.person, link.person_id in readable_people, language, request)
            for link in article.article_authors.all()
        ],
        "type": term(article.article_type, language),
        "topics": [term(topic, language) for topic in article.topics.all()],
        "regions": [term(region, language) for region in article.regions.all()],
        "tags": sorted((term(tag, language) for tag in article.tags.all()), key=lambda t: t["slug"]),
        "reading_minutes": article.reading_minutes.get(language, 0),
        **action_urls(article, request),
    }


def action_urls(article, request) -> dict:
    page_url = article.get_full_url(request)
    citations = {kind: page_url + article.reverse_subpage(route) for kind, route in CITATION_ROUTES.items()}
    # Without WeasyPrint's libraries the reader site hides the link; the address answers 503.
    pdf_url = page_url + article.reverse_subpage("pdf") if pdf_available() else None
    return {"pdf_url": pdf_url, "citation_urls": citations}


def footnote(note) -> dict:
    return {
        "number": note.number,
        "label": note.label,
        "html": str(note.html),
        # The note's paragraph direction as the page sets it (core/bidi.py): the page's, unless
        # the note has no letter written that way; runs the other way are isolated in `html`.
        "direction": note.direction,
    }


def article_detail(article, language: str, request, readable_people: set[int]) -> dict:
    """An article's summary with its text: the body as HTML and as blocks, and its notes."""
    body_html, notes = render_body_with_footnotes(article, {"page": article, "request": request})
    body = field_in(article, "body", language)
    return {
        **article_summary(article, language, request, readable_people),
        "body_html": str(body_html),
        "body": body.stream_block.get_api_representation(body, {"request": request}) if body else [],
        "footnotes": [footnote(note) for note in notes],
    }
