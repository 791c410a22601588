"""The sitemap: one entry per page and language it exists in, each listing the others as alternates."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import get_page_models

from ankasam.core.languages import site_language_codes
from ankasam.core.visibility import visible_to_readers

from .alternates import page_versions, x_default
from .availability import existing_in, required_fields


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


def sitemap_entries(page, request, languages) -> list[dict]:
    versions = page_versions(page, request, languages)
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

    def _urls(self, page, protocol, domain):
        known = languages_by_page()
        every_language = site_language_codes()
        urls = []
        for item in self.paginator.page(page).object_list:
            languages = known.get(item.pk, []) if required_fields(item) else every_language
            urls.extend(sitemap_entries(item, self.request, languages))
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
