"""Tag pages in the sitemap: each tag in each language in which readers can find a piece with it.

Tag pages are views, not Wagtail pages, so they have no `get_sitemap_urls`; their entries are
built here in the same shape as the pages' (`translations.sitemap.sitemap_entries`): one per
language, each naming the others and the default language's as x-default. A tag whose pieces are
all hidden, or a language none of them is written in, is left out: such a page lists nothing.
"""

from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import override
from wagtail.contrib.sitemaps import Sitemap

from ankasam.articles.queries import published_articles
from ankasam.core.languages import site_language_codes
from ankasam.taxonomy.models import Tag
from ankasam.translations.alternates import LanguageVersion, x_default


def latest_by_tag(language: str) -> dict[int, object]:
    """Tag id -> when the last piece with it readable in the language was published."""
    rows = (
        published_articles(language)
        .filter(tags__isnull=False)
        .values("tags")
        .annotate(latest=Max("last_published_at"))
        .order_by()
    )
    return {row["tags"]: row["latest"] for row in rows}


def tag_page_entries(tag, languages: dict[str, dict], request) -> list[dict]:
    versions = []
    for code in site_language_codes():
        if tag.pk in languages[code]:
            with override(code):
                path = reverse("hub", kwargs={"kind": "tags", "slug": tag.slug})
            versions.append(LanguageVersion(code, request.build_absolute_uri(path)))
    alternates = [{"lang_code": v.code, "location": v.url} for v in versions]
    fallback = x_default(versions)
    if fallback:
        alternates.append({"lang_code": "x-default", "location": fallback.url})
    return [
        {"location": v.url, "lastmod": languages[v.code][tag.pk], "alternates": alternates} for v in versions
    ]


class TagSitemap(Sitemap):
    @cached_property
    def latest_by_language(self) -> dict[str, dict]:
        return {code: latest_by_tag(code) for code in site_language_codes()}

    def items(self):
        found = set().union(*self.latest_by_language.values())
        return Tag.objects.filter(pk__in=found).order_by("slug")

    def _urls(self, page, protocol, domain):
        tags, latest = self.paginator.page(page).object_list, self.latest_by_language
        urls = [entry for tag in tags for entry in tag_page_entries(tag, latest, self.request)]
        dates = [url["lastmod"] for url in urls if url["lastmod"]]
        if dates:
            self.latest_lastmod = max(dates)
        return urls
