"""What every page shows around its content: the site identity, the header's sections and the
footer's pages, read once per publish (core/published.py) instead of three queries per page."""

from dataclasses import dataclass

from ankasam.core.context_processors import menu_sections
from ankasam.core.languages import current_language
from ankasam.core.published import cached_until_published
from ankasam.identity.models import SiteIdentity

from .navigation import footer_pages


@dataclass(frozen=True)
class PageLink:
    """What a link to a page needs: its address, title, and what tells whether a page is it or in it."""

    pk: int
    path: str
    title: str
    url: str


@dataclass(frozen=True)
class SiteChrome:
    identity: SiteIdentity
    sections: tuple[PageLink, ...]
    footer_pages: tuple[PageLink, ...]


def links_to(pages, request) -> tuple[PageLink, ...]:
    return tuple(PageLink(page.pk, page.path, str(page.title), page.get_url(request)) for page in pages)


def read_site_chrome(request, language: str) -> SiteChrome:
    return SiteChrome(
        identity=SiteIdentity.load(),
        sections=links_to(menu_sections(), request),
        footer_pages=links_to(footer_pages(language), request),
    )


def site_chrome(request) -> SiteChrome:
    """The reader's language's chrome, once per request and per publish."""
    chrome = getattr(request, "_site_chrome", None)
    if chrome is None:
        language = current_language()
        # Addresses are relative to the site the request is for, so one copy per host name.
        name = f"site-chrome:{request.get_host()}:{language}"
        chrome = cached_until_published(name, lambda: read_site_chrome(request, language))
        request._site_chrome = chrome
    return chrome
