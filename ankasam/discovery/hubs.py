"""The hubs in the sitemap: each kind's index and each term's hub, in every language that has
pieces under them, each entry naming the others as alternates (as pages' entries do).

Hubs are not pages, so they are listed by a sitemap of their own next to the pages': each
language's address is the one `reverse()` gives in that language, in its words and with the
term's slug in it (/tr/konular/enerji/). A hub's lastmod is its newest piece's publication.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.translation import override
from wagtail.contrib.sitemaps import Sitemap

from ankasam.articles.queries import published_articles
from ankasam.articles.views import HUBS
from ankasam.core.languages import default_language, site_language_codes
from ankasam.taxonomy.slugs import term_slug_in

from .meta import site_root_url


@dataclass
class Hub:
    """One hub address (an index when `term` is None), with its newest piece in each language."""

    kind: str
    term: object = None
    newest: dict[str, datetime | None] = field(default_factory=dict)

    def path_in(self, language: str) -> str:
        with override(language):
            if self.term is None:
                return reverse("hub_index", kwargs={"kind": self.kind})
            return reverse("hub", kwargs={"kind": self.kind, "slug": term_slug_in(self.term, language)})


def terms_with_pieces(kind: str) -> list[Hub]:
    """The kind's terms with pieces in some language, with each language's newest piece."""
    model, article_field, _filter, _heading = HUBS[kind]
    hubs = {}
    for code in site_language_codes():
        readable = published_articles(code).values("pk")
        pieces = Q(articles__in=readable)
        counted = model.objects.annotate(
            pieces=Count("articles", filter=pieces, distinct=True),
            newest=Max("articles__last_published_at", filter=pieces),
        )
        for term in counted.filter(pieces__gt=0).order_by("pk"):
            hubs.setdefault(term.pk, Hub(kind, term)).newest[code] = term.newest
    return list(hubs.values())


def hubs_with_pieces() -> list[Hub]:
    hubs = []
    for kind in HUBS:
        terms = terms_with_pieces(kind)
        if not terms:
            continue
        index = Hub(kind)
        for term in terms:
            for code, newest in term.newest.items():
                known = index.newest.get(code)
                index.newest[code] = max(filter(None, (newest, known)), default=None)
        hubs += [index, *terms]
    return hubs


def hub_entries(hub: Hub, root_url: str) -> list[dict]:
    languages = [code for code in site_language_codes() if code in hub.newest]
    locations = {code: root_url + hub.path_in(code) for code in languages}
    alternates = [{"lang_code": code, "location": url} for code, url in locations.items()]
    fallback = locations.get(default_language()) or next(iter(locations.values()))
    alternates.append({"lang_code": "x-default", "location": fallback})
    return [
        {"location": url, "lastmod": hub.newest[code], "alternates": alternates}
        for code, url in locations.items()
    ]


class HubSitemap(Sitemap):
    def items(self):
        return hubs_with_pieces()

    def _urls(self, page, protocol, domain):
        root_url = site_root_url(self.request)
        urls = []
        for hub in self.paginator.page(page).object_list:
            urls += hub_entries(hub, root_url)
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods, default=None)
        return urls
