"""The sitemap, through Wagtail's public API: `TranslatedSitemap.items()` lists the pages readers
may see, and each page's `get_sitemap_urls` (`TranslatedPageMixin`) gives `sitemap_entries`: one
entry per language the page is written in, each listing the others as alternates.

Django's i18n sitemap (`i18n`, `alternates`, `x_default`) is not used: its x-default is the
default language's address with the language prefix cut off (which redirects here), and it names
none for a piece not written in the default language.
"""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import get_page_models

from ankasam.core.languages import site_language_codes
from ankasam.core.visibility import visible_to_readers

from .alternates import page_versions, x_default
from .availability import existing_in, languages_of, required_fields


def languages_by_page() -> dict[int, list[str]]:
    """For page types that need fields written, each page's languages, without loading its text."""
    languages = {}
    for model in get_page_models():
        if model._meta.abstract or not required_fields(model):
            continue
        for code in site_language_codes():
            for pk in model.objects.filter(existing_in(model, code)).values_list("pk", flat=True):
                languages.setdefault(pk, []).append(code)
    return languages


def sitemap_languages(page, request=None) -> list[str]:
    """The languages the page is written in; for the sitemap's request, a few queries for every page.

    The sitemap's pages come without their stream fields, so `existing_in` answers for all of
    them at once and the answer is kept on the request.
    """
    if not required_fields(page):
        return site_language_codes()
    if request is None:
        return languages_of(page)
    if "_sitemap_languages" not in request.__dict__:
        request._sitemap_languages = languages_by_page()
    return request._sitemap_languages.get(page.pk, [])


def sitemap_entries(page, request=None) -> list[dict]:
    versions = page_versions(page, request, sitemap_languages(page, request))
    fallback = x_default(versions)
    alternates = [{"lang_code": v.code, "location": v.url} for v in versions]
    if fallback:
        alternates.append({"lang_code": "x-default", "location": fallback.url})
    lastmod = page.last_published_at or page.latest_revision_created_at
    return [{"location": v.url, "lastmod": lastmod, "alternates": alternates} for v in versions]


class TranslatedSitemap(Sitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return visible_to_readers(pages).order_by("path").defer_streamfields().specific()
