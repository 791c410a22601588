"""What a change purges from the edge cache, in every language (ankasam/serving/edge.py)."""

import logging
import re

import pytest
from django.utils import translation
from wagtail.models import Site

from ankasam.articles.models import ArticleIndexPage
from ankasam.core.addresses import address_word
from ankasam.serving import edge
from ankasam.serving.edge_addresses import page_addresses

from ..articles.factories import ArticleIndexPageFactory, create_article, written_in
from ..people.factories import PeopleIndexPageFactory, PersonPageFactory
from ..taxonomy.factories import ArticleTypeFactory, RegionFactory, TopicFactory
from .conftest import LANGUAGES
from .recording import RecordingBackend

pytestmark = pytest.mark.django_db

SITE = "http://localhost"
RECORDING = {"recording": {"BACKEND": "tests.serving.recording.RecordingBackend"}}


@pytest.fixture
def recorder(settings):
    settings.WAGTAILFRONTENDCACHE = RECORDING
    RecordingBackend.forget()
    yield RecordingBackend
    RecordingBackend.forget()


@pytest.fixture
def newsroom(home_page):
    """A piece with a topic, a region, a type and an author, and the articles around it."""
    index = ArticleIndexPageFactory(parent=home_page, title_ru="Аналитика", slug_ru="analitika")
    people = PeopleIndexPageFactory(
        parent=home_page, title_tr="Uzmanlar", slug_tr="uzmanlar", title_ru="Эксперты", slug_ru="eksperty"
    )
    author = PersonPageFactory(
        parent=people, title_en="Elif Aydin", slug_en="elif-aydin",
        title_ru="Элиф Айдын", slug_ru="elif-aydyn",
    )  # fmt: skip
    energy, economy, water = (TopicFactory(slug=slug) for slug in ("energy", "economy", "water"))
    caucasus = RegionFactory(slug="caucasus")
    analysis = ArticleTypeFactory(slug="analysis")
    piece = create_article(
        index,
        translations=written_in("Pipeline", *LANGUAGES),
        topics=[energy, economy],
        regions=[caucasus],
        article_type=analysis,
        authors=[author],
    )
    return {
        "piece": piece,
        "same_topic": create_article(index, translations=written_in("Gas", "en"), topics=[energy]),
        "old_topic": create_article(index, translations=written_in("Trade", "en"), topics=[economy]),
        "same_region": create_article(
            index, translations=written_in("Border", "en", "tr"), regions=[caucasus]
        ),
        "picking": create_article(index, translations=written_in("Picks", "en"), related=[piece]),
        "unrelated": create_article(index, translations=written_in("Rivers", "en"), topics=[water]),
        "economy": economy,
        "author": author,
    }


def publish(page, django_capture_on_commit_callbacks, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_a_publish_purges_the_piece_and_every_listing_in_every_language(
    newsroom, recorder, django_capture_on_commit_callbacks
):
    publish(newsroom["piece"], django_capture_on_commit_callbacks, title_en="Pipeline, revised")

    purged = recorder.purged()
    assert recorder.sites == []
    for slug, code in (("analyses", "en"), ("analizler", "tr"), ("analitika", "ru")):
        piece = f"{SITE}/{code}/{slug}/pipeline-{code}/"
        assert {piece, f"{piece}pdf/", f"{piece}cite-bibtex/", f"{piece}cite-ris/"} <= purged
        assert {f"{SITE}/{code}/", f"{SITE}/{code}/{slug}/"} <= purged
    expected_everywhere = [
        "topics/", "regions/", "types/", "topics/energy/", "topics/economy/", "regions/caucasus/",
        "types/analysis/", "feed/", "feed/topics/energy/", "feed/topics/economy/", "search/",
        f"share-card/{newsroom['piece'].pk}.png",
    ]  # fmt: skip
    for code in LANGUAGES:
        # In each language's words (languages.toml `addresses`): /tr/konular/energy/, /ru/poisk/.
        words = {key: address_word(key, code) for key in ("topics", "regions", "types", "feed", "search")}
        localized = {"/".join(words.get(part, part) for part in p.split("/")) for p in expected_everywhere}
        assert {f"{SITE}/{code}/{path}" for path in localized} <= purged
    assert {f"{SITE}/tr/konular/energy/", f"{SITE}/ru/lenta/temy/economy/", f"{SITE}/tr/ara/"} <= purged
    # The author, under each language's slug (Turkish has none of its own and falls back).
    assert {
        f"{SITE}/en/experts/elif-aydin/",
        f"{SITE}/tr/uzmanlar/elif-aydin/",
        f"{SITE}/ru/eksperty/elif-aydyn/",
        f"{SITE}/en/feed/authors/elif-aydin/",
        f"{SITE}/tr/akis/authors/elif-aydin/",
        f"{SITE}/ru/lenta/authors/elif-aydyn/",
    } <= purged
    assert {f"{SITE}/sitemap.xml", f"{SITE}/robots.txt"} <= purged
    # Articles whose "Similar posts" may show it: sharing a topic or a region, or picking it.
    assert f"{SITE}/en/analyses/gas-en/" in purged
    assert f"{SITE}/tr/analizler/border-tr/" in purged
    assert f"{SITE}/en/analyses/picks-en/" in purged
    assert f"{SITE}/en/analyses/rivers-en/" not in purged


def test_the_purged_sub_addresses_of_a_piece_are_its_routes(newsroom):
    piece = newsroom["piece"]
    routes = {piece.reverse_subpage(route.name) for route in piece.get_subpage_urls()}

    purged = page_addresses([piece])

    assert routes == {"", "pdf/", "cite-bibtex/", "cite-ris/"}
    for code in LANGUAGES:
        with translation.override(code):
            url = piece.get_full_url()
        assert {address.removeprefix(url) for address in purged if address.startswith(url)} == routes


def test_where_the_piece_was_listed_before_is_purged_too(
    newsroom, recorder, django_capture_on_commit_callbacks
):
    piece = newsroom["piece"]
    piece.topics = [t for t in piece.topics.all() if t != newsroom["economy"]]
    publish(piece, django_capture_on_commit_callbacks)

    purged = recorder.purged()
    assert f"{SITE}/tr/konular/economy/" in purged
    assert f"{SITE}/ru/lenta/temy/economy/" in purged
    assert f"{SITE}/en/analyses/trade-en/" in purged


def test_a_new_address_purges_the_whole_site(newsroom, recorder, django_capture_on_commit_callbacks):
    publish(newsroom["piece"], django_capture_on_commit_callbacks, slug_tr="boru-hatti")

    assert recorder.sites == [[SITE]]
    assert recorder.batches == []


@pytest.mark.parametrize("which", ["author", "home"])
def test_a_page_shown_on_every_page_purges_the_whole_site(
    which, newsroom, home_page, recorder, django_capture_on_commit_callbacks
):
    page = newsroom["author"] if which == "author" else home_page
    publish(page, django_capture_on_commit_callbacks, title_en="Renamed")

    assert recorder.sites == [[SITE]]
    assert recorder.batches == []


def rename_a_term(newsroom):
    newsroom["economy"].name_en = "Economics"
    newsroom["economy"].save()


def another_section():
    section = ArticleIndexPage(title_en="Commentary", slug_en="commentary")
    return Site.objects.get(is_default_site=True).root_page.add_child(instance=section)


def delete_a_page(newsroom):
    # Not an article: deleting a live one leaves search entries behind (tests/search/test_indexing.py).
    another_section().delete()


def move_a_page(newsroom):
    newsroom["same_topic"].move(another_section(), pos="last-child")


@pytest.mark.parametrize("change", [rename_a_term, delete_a_page, move_a_page])
def test_changes_that_cannot_be_traced_to_pages_purge_the_whole_site(
    change, newsroom, recorder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change(newsroom)

    assert recorder.sites and all(roots == [SITE] for roots in recorder.sites)
    assert recorder.batches == []


def test_a_failing_edge_logs_one_line_and_the_publish_stands(
    newsroom, settings, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "tests.serving.recording.FailingBackend"}}
    piece = newsroom["piece"]

    with caplog.at_level(logging.WARNING):
        publish(piece, django_capture_on_commit_callbacks, title_en="Still published")
        with django_capture_on_commit_callbacks(execute=True):
            edge.purge_site()

    piece.refresh_from_db()
    assert piece.title_en == "Still published" and piece.live
    lines = [record for record in caplog.records if record.name == "ankasam.serving.edge"]
    assert len(lines) == 2
    assert re.fullmatch(
        r"Purging \d+ addresses from the varnish edge cache failed: Connection refused", lines[0].getMessage()
    )
    assert lines[1].getMessage() == (
        "Purging the whole site from the varnish edge cache failed: Connection refused"
    )
    assert all(record.exc_info is None for record in lines)
