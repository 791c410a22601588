"""Every address that shows an article, in every language: what a change to it must purge.

An article is shown by its own address (and its PDF, citations and share card), the home page,
the article indexes, the hubs and feeds of its topics, regions and type, the hub indexes, the
search page, the sitemap and robots.txt (the sitemap's address), its authors' pages and feeds,
and the articles that may list it under "Similar posts" (those sharing a topic or region, and
those whose editors picked it). Listings with filters (`/en/analyses/?topic=energy`) are purged
with their address: the edge drops every query string of an address it purges.

Where it was listed before this publish counts too (a topic taken off still lists it until
purged), so the terms and authors of the revision published before are added to the live
ones. When its address itself changed, the pages linking to it cannot be listed: None, and the
caller purges the whole site.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry, Site

from ankasam.articles.models import ArticleIndexPage, ArticlePage, ArticlePageRelated
from ankasam.articles.views import HUBS
from ankasam.core.languages import default_language, field_in, localized_field, site_language_codes
from ankasam.core.routing import fixed_sub_addresses
from ankasam.people.models import PersonPage
from ankasam.taxonomy.models import ArticleType, Region, Tag, Topic
from ankasam.taxonomy.slugs import term_slug_in


@dataclass(frozen=True)
class Listed:
    """What decides where an article is listed."""

    topic_ids: frozenset[int]
    region_ids: frozenset[int]
    type_ids: frozenset[int]
    author_ids: frozenset[int]
    tag_ids: frozenset[int] = frozenset()

    def __or__(self, other: "Listed") -> "Listed":
        return Listed(
            self.topic_ids | other.topic_ids,
            self.region_ids | other.region_ids,
            self.type_ids | other.type_ids,
            self.author_ids | other.author_ids,
            self.tag_ids | other.tag_ids,
        )


def listed_now(article: ArticlePage) -> Listed:
    # Read from the database, not the instance: a draft's values live in revisions only.
    return Listed(
        frozenset(article.topics.values_list("pk", flat=True)),
        frozenset(article.regions.values_list("pk", flat=True)),
        frozenset([article.article_type_id] if article.article_type_id else []),
        frozenset(article.article_authors.values_list("person_id", flat=True)),
        frozenset(article.tagged_items.values_list("tag_id", flat=True)),
    )


def listed_in(content: dict) -> Listed:
    return Listed(
        frozenset(content.get("topics") or []),
        frozenset(content.get("regions") or []),
        frozenset([content["article_type"]] if content.get("article_type") else []),
        frozenset(author["person"] for author in content.get("article_authors") or []),
        frozenset(item["tag"] for item in content.get("tagged_items") or []),
    )


def previously_published(article: ArticlePage) -> dict | None:
    """The content of the revision published before the live one, if any was."""
    entry = (
        PageLogEntry.objects.filter(page_id=article.pk, action__startswith="wagtail.publish")
        .exclude(revision_id=None)
        .exclude(revision_id=article.live_revision_id)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.content if entry is not None else None


def address_changed(article: ArticlePage, content: dict) -> bool:
    return any(
        content.get(localized_field("url_path", code), field_in(article, "url_path", code))
        != field_in(article, "url_path", code)
        for code in site_language_codes()
    )


def addresses_showing(article: ArticlePage) -> set[str] | None:
    listed = listed_now(article)
    previous = previously_published(article)
    if previous is not None:
        if address_changed(article, previous):
            return None
        listed |= listed_in(previous)
    addresses = page_addresses(list(pages_showing(article, listed)))
    for root_url in site_root_urls():
        addresses |= listing_addresses(root_url, article, listed)
    return addresses


def pages_showing(article: ArticlePage, listed: Listed):
    shared = Q(topics__in=listed.topic_ids) | Q(regions__in=listed.region_ids)
    picking = ArticlePageRelated.objects.filter(article=article).values("page_id")
    similar = ArticlePage.objects.live().filter(shared | Q(pk__in=picking)).exclude(pk=article.pk)
    yield article
    yield from similar.distinct()
    yield from PersonPage.objects.filter(pk__in=listed.author_ids)
    yield from ArticleIndexPage.objects.all()
    for site in Site.objects.select_related("root_page"):
        yield site.root_page


def page_addresses(pages) -> set[str]:
    """The pages' full addresses in each site language (a language one lacks answers 404 there)."""
    addresses = set()
    for code in site_language_codes():
        # Wagtail keeps the sites' root paths on the object given: one cache read per language.
        root_paths = SimpleNamespace()
        with translation.override(code):
            urls = [page.get_full_url(root_paths) for page in pages]
        for page, url in zip(pages, urls, strict=True):
            if url:
                addresses.add(url)
                addresses.update(f"{url}{sub_address}" for sub_address in fixed_sub_addresses(page))
    return addresses


def site_root_urls() -> list[str]:
    return [site.root_url for site in Site.objects.all()]


def listing_addresses(root_url: str, article: ArticlePage, listed: Listed) -> set[str]:
    """The addresses outside the page tree that list the article, on one site."""
    terms = {
        "topics": Topic.objects.filter(pk__in=listed.topic_ids),
        "regions": Region.objects.filter(pk__in=listed.region_ids),
        "types": ArticleType.objects.filter(pk__in=listed.type_ids),
        "tags": Tag.objects.filter(pk__in=listed.tag_ids),
    }
    terms = {kind: list(queryset) for kind, queryset in terms.items()}
    authors = list(PersonPage.objects.filter(pk__in=listed.author_ids))
    paths = {reverse("sitemap"), reverse("robots_txt")}
    for code in site_language_codes():
        with translation.override(code):
            paths.add(reverse("articles_feed"))
            paths.add(reverse("search"))
            paths.add(reverse("share_card", args=(article.pk,)))
            for kind in HUBS:
                paths.add(reverse("hub_index", args=(kind,)))
                paths.update(reverse("hub", args=(kind, term_slug_in(term, code))) for term in terms[kind])
            paths.update(reverse("topic_feed", args=(term_slug_in(t, code),)) for t in terms["topics"])
            paths.update(reverse("tag_feed", args=(term_slug_in(t, code),)) for t in terms["tags"])
            paths.update(reverse("author_feed", args=(slug_in(person, code),)) for person in authors)
    return {root_url + path for path in paths}


def slug_in(person: PersonPage, code: str) -> str:
    # The author feed's address takes the person's slug in its language, else the default one.
    return field_in(person, "slug", code) or field_in(person, "slug", default_language())
