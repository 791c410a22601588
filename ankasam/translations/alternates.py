"""A page's addresses in the languages it exists in.

The page's `<link rel="alternate" hreflang>` tags, its sitemap entry and its "also available in"
list are all built from `page_versions`, so the three always name the same set.
"""

from dataclasses import dataclass

from django.utils.translation import override

from ankasam.core.languages import default_language, native_name, site_language_codes, text_direction

from .availability import languages_of


@dataclass(frozen=True)
class LanguageVersion:
    """The page in one of its languages: the language switcher's and hreflang's entry."""

    code: str
    url: str

    @property
    def name(self) -> str:
        return native_name(self.code)

    @property
    def direction(self) -> str:
        return text_direction(self.code)


def page_versions(page, request=None, languages=None) -> list[LanguageVersion]:
    """The page's full URL in each language it exists in (or in `languages`, when already known).

    A page's head, its "also available in" list and the switcher all ask during one request; the
    answer is kept on the request.
    """
    if request is not None and languages is None:
        cache = request.__dict__.setdefault("_page_versions", {})
        if page.pk not in cache:
            cache[page.pk] = _page_versions(page, request, None)
        return cache[page.pk]
    return _page_versions(page, request, languages)


def _page_versions(page, request, languages) -> list[LanguageVersion]:
    versions = []
    for code in languages_of(page) if languages is None else languages:
        with override(code):
            url = page.get_full_url(request)
        if url:
            versions.append(LanguageVersion(code, url))
    return versions


def x_default(versions: list[LanguageVersion]) -> LanguageVersion | None:
    """The version for readers whose language is not among them: the default language's, else the first."""
    for version in versions:
        if version.code == default_language():
            return version
    return versions[0] if versions else None


def switcher_targets(page, request=None) -> list[LanguageVersion]:
    """Where each site language takes the reader: this page in it if it exists, else its home page."""
    existing = {version.code: version.url for version in page_versions(page, request)} if page else {}
    return [LanguageVersion(code, existing.get(code, f"/{code}/")) for code in site_language_codes()]
