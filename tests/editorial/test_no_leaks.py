"""Nothing a reader should not see reaches any public page, in any language.

Each hidden piece has a word of its own in its title in each language. Every public address
(the sitemap's, plus listings, feeds and another article's similar posts) is fetched in every language
and searched for those words. New public surfaces (topic hubs, tag pages, search) belong in
`public_addresses`.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, Workflow

from ankasam.articles.models import ArticlePage
from ankasam.taxonomy.models import Tag, Topic

from ..articles.factories import create_article, text_with_notes

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "tr", "ru")
HIDDEN_STATES = ("draft", "review", "scheduled", "expired", "private", "pendingedit")


def word(state: str, language: str) -> str:
    return f"Zq{state}{language}word"


def translations(title_for) -> dict:
    result = {}
    for language in LANGUAGES:
        blocks, notes = text_with_notes(1, prefix=f"Text {language}")
        result[language] = {"title": title_for(language), "blocks": blocks, "notes": notes}
    return result


@pytest.fixture
def world(article_index, people_index, team):
    from ..people.factories import PersonPageFactory

    article_index.title_ru, article_index.slug_ru = "Аналитика", "analitika"
    article_index.save_revision().publish()
    article_index.refresh_from_db()
    topic = Topic.objects.create(name_en="Energy", slug="energy")
    pipelines = Tag.objects.create(name_en="Pipelines", slug="pipelines")
    author = PersonPageFactory(parent=people_index)

    def write(state, live, **fields):
        # Each hidden piece also has a tag of its own, named with its word: a tag only hidden
        # pieces carry is listed nowhere.
        own_tag = Tag.objects.create(name_en=f"Tag {word(state, 'en')}", slug=f"only-{state}")
        return create_article(
            article_index,
            translations=translations(lambda language: f"Gas {word(state, language)}"),
            authors=[author],
            topics=[topic],
            tags=[pipelines, own_tag],
            live=live,
            owner=team["contributor"],
            **fields,
        )

    hidden = {
        "draft": write("draft", live=False),
        "review": write("review", live=False),
        "scheduled": write("scheduled", live=False),
        "expired": write("expired", live=True),
        "private": write("private", live=True),
        "pendingedit": create_article(
            article_index,
            translations=translations(lambda language: f"Published pipeline {language}"),
            authors=[author],
            topics=[topic],
            tags=[pipelines],
            live=True,
        ),
    }
    Workflow.objects.get(name="Editorial review").start(hidden["review"], team["contributor"])
    scheduled = hidden["scheduled"]
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()
    ArticlePage.objects.filter(pk=hidden["expired"].pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    PageViewRestriction.objects.create(
        page=hidden["private"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    pending = ArticlePage.objects.get(pk=hidden["pendingedit"].pk)
    for language in LANGUAGES:
        setattr(pending, f"title_{language}", f"Gas {word('pendingedit', language)}")
    pending.save_revision()

    host = create_article(
        article_index,
        title="Host",
        translations=translations(lambda language: f"Host article {language}"),
        authors=[author],
        topics=[topic],
        tags=[pipelines],
        related=[ArticlePage.objects.get(pk=page.pk) for page in hidden.values()],
    )
    return {"hidden": hidden, "host": host, "author": author, "index": article_index}


def address(page, language: str) -> str:
    """The page's path in a language (page URLs follow the active language)."""
    with translation.override(language):
        return page.get_url_parts()[2]


def public_addresses(client, world) -> set[str]:
    sitemap = client.get("/sitemap.xml").content.decode()
    addresses = {re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    for language in LANGUAGES:
        for page in (world["index"], world["author"], world["host"], world["author"].get_parent()):
            addresses.add(address(page.specific, language))
        addresses.update(feeds(world, language))
        addresses.update(listings(world, language))
        addresses.update(tag_listings(world, language))
        addresses.update(searches(language))
        addresses.update(api_addresses(world, language))
        # The host's citation downloads (its PDF is compressed, so not searchable for words).
        host = address(world["host"], language)
        addresses.update((f"{host}cite-bibtex/", f"{host}cite-ris/"))
        addresses.add(f"/{language}/")
    return addresses


def api_addresses(world, language: str) -> list[str]:
    """The read API's listings, filtered and searched, and the host's detail (docs/api.md)."""
    with translation.override(language):
        author_slug = world["author"].slug
    articles = f"/api/v2/articles/?lang={language}"
    return [
        articles,
        f"{articles}&topic=energy&tag=pipelines&author={author_slug}",
        f"{articles}&search=Gas",
        f"/api/v2/articles/{world['host'].pk}/?lang={language}",
        f"/api/v2/pages/?lang={language}&type=articles.ArticlePage",
    ]


def searches(language: str) -> list[str]:
    """Search results for a word every piece's title holds, hidden or not."""
    with translation.override(language):
        return [f"{reverse('search')}?q=Gas", f"{reverse('search')}?q=Gas&topic=energy"]


def listings(world, language: str) -> list[str]:
    """The topic's hub, the index of topics, and the article index filtered by topic and author."""
    with translation.override(language):
        author_slug = world["author"].slug
        return [
            reverse("hub", args=("topics", "energy")),
            reverse("hub_index", args=("topics",)),
            f"{address(world['index'], language)}?topic=energy&author={author_slug}",
        ]


def tag_listings(world, language: str) -> list[str]:
    """The tag's page, the article index filtered by the tag, and the index of tags."""
    with translation.override(language):
        return [
            reverse("hub", args=("tags", "pipelines")),
            f"{address(world['index'], language)}?tag=pipelines",
            reverse("hub_index", args=("tags",)),
        ]


def feeds(world, language: str) -> list[str]:
    """The language's feed, the topic's, the tag's and the author's."""
    with translation.override(language):
        return [
            reverse("articles_feed"),
            reverse("topic_feed", args=("energy",)),
            reverse("tag_feed", args=("pipelines",)),
            reverse("author_feed", args=(world["author"].slug,)),
        ]


def crawl(client, world) -> dict[str, str]:
    pages = {"/sitemap.xml": client.get("/sitemap.xml").content.decode()}
    for path in sorted(public_addresses(client, world)):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        pages[path] = response.content.decode()
    return pages


def leaks(pages: dict[str, str], states) -> list[tuple[str, str]]:
    """Where a hidden piece's word shows, in any case: a leaked address carries it in its slug."""
    return [
        (path, word(state, language))
        for path, html in pages.items()
        for state in states
        for language in LANGUAGES
        if word(state, language).lower() in html.lower()
    ]


def test_no_hidden_piece_appears_on_any_public_page(client, world):
    pages = crawl(client, world)

    assert len(pages) > 12
    assert leaks(pages, HIDDEN_STATES) == []
    # The crawl did reach the pages where a leak would show: the host's similar posts and the
    # author's list hold the published pieces.
    host_tr = pages[address(world["host"], "tr")]
    assert "Published pipeline tr" in host_tr
    # Tag pages are in the sitemap, except those of tags only hidden pieces carry.
    sitemap_paths = re.findall(r"<loc>https?://[^/]+([^<]+)</loc>", pages["/sitemap.xml"])
    assert {"/en/tags/pipelines/", "/tr/etiketler/pipelines/", "/ru/tegi/pipelines/"} <= set(sitemap_paths)
    assert not [path for path in sitemap_paths if "/tags/only-" in path]


def test_hidden_pieces_own_addresses_show_nothing(client, world):
    for state, page in world["hidden"].items():
        if state == "pendingedit":
            continue
        for language in LANGUAGES:
            for action in ("", "pdf/", "cite-bibtex/", "cite-ris/"):
                path = address(page, language) + action
                response = client.get(path)
                assert word(state, language) not in response.content.decode(), (state, language, path)


def test_a_published_piece_appears_everywhere_it_should(client, world):
    draft = ArticlePage.objects.get(pk=world["hidden"]["draft"].pk)
    draft.get_latest_revision().publish()

    pages = crawl(client, world)

    for language in LANGUAGES:
        expected_on = [
            f"/{language}/",
            address(world["index"], language),
            address(world["author"], language),
            address(world["host"], language),
            *feeds(world, language),
            *listings(world, language)[::2],
            *tag_listings(world, language)[:2],
            *searches(language),
            *api_addresses(world, language)[:3],
        ]
        for path in expected_on:
            assert word("draft", language) in pages[path], (language, path)
    sitemap_paths = re.findall(r"<loc>https?://[^/]+([^<]+)</loc>", pages["/sitemap.xml"])
    assert {address(draft, language) for language in LANGUAGES} <= set(sitemap_paths)
    with_draft_tag = set()
    for language in LANGUAGES:
        with translation.override(language):
            with_draft_tag.add(reverse("hub", args=("tags", "only-draft")))
    assert with_draft_tag <= set(sitemap_paths)
    assert leaks(pages, [s for s in HIDDEN_STATES if s != "draft"]) == []


# The same promises with the page cache on: every page below was first stored by a crawl, then
# the piece changed. What readers get must follow the change at once, in every language.


def cached_crawl(client, world) -> dict[str, str]:
    """Crawl twice; the second crawl must come from the cache, or the test would prove nothing."""
    crawl(client, world)
    answers = {path: client.get(path) for path in sorted(public_addresses(client, world))}
    served_from_cache = [path for path, response in answers.items() if response.get("X-Cache") == "HIT"]
    assert len(served_from_cache) == len(answers), set(answers) - set(served_from_cache)
    return {path: response.content.decode() for path, response in answers.items()}


def visible_piece(world, state: str, **fields) -> ArticlePage:
    return create_article(
        world["index"],
        translations=translations(lambda language: f"Gas {word(state, language)}"),
        authors=[world["author"]],
        topics=list(world["host"].topics.all()),
        **fields,
    )


def test_with_the_cache_an_unpublished_piece_disappears_everywhere(
    client, world, page_cache_on, django_capture_on_commit_callbacks
):
    piece = visible_piece(world, "unpublished")
    before = cached_crawl(client, world)
    assert leaks(before, ["unpublished"]), "the piece was not on any cached page to begin with"

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=piece.pk).unpublish()

    assert leaks(crawl(client, world), ["unpublished"]) == []
    for language in LANGUAGES:
        assert word("unpublished", language) not in client.get(address(piece, language)).content.decode()


def test_with_the_cache_an_expired_piece_disappears_everywhere_at_its_time(
    client, world, page_cache_on, monkeypatch
):
    visible_piece(world, "expiring", expire_at=timezone.now() + datetime.timedelta(hours=1))
    before = cached_crawl(client, world)
    assert leaks(before, ["expiring"]), "the piece was not on any cached page to begin with"

    # No timer runs and no signal fires: the expiry alone must take the piece off every page.
    later = timezone.now() + datetime.timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert leaks(crawl(client, world), ["expiring"]) == []


def test_with_the_cache_a_published_piece_appears_everywhere(
    client, world, page_cache_on, django_capture_on_commit_callbacks
):
    cached_crawl(client, world)
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=world["hidden"]["draft"].pk).get_latest_revision().publish()

    pages = crawl(client, world)

    for language in LANGUAGES:
        for path in (f"/{language}/", address(world["index"], language), *feeds(world, language)):
            assert word("draft", language) in pages[path], (language, path)
    assert leaks(pages, [s for s in HIDDEN_STATES if s != "draft"]) == []
