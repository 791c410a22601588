"""The home page: the editors' featured pieces, the latest ones and a block per main topic."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ankasam.home.models import LATEST_ARTICLES_ON_HOME

from ..articles.factories import ArticlePageFactory, written_in
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TopicFactory
from .factories import HomePageFactory

pytestmark = pytest.mark.django_db


def test_featured_pieces_come_first_in_the_editors_order_and_are_not_repeated(
    client, home_page, article_index
):
    old, newer, newest = (
        ArticlePageFactory(parent=article_index, title=name) for name in ("Old", "Newer", "Newest")
    )
    HomePageFactory(featured=[old, newest])

    response = client.get("/en/")

    assert [a.title for a in response.context["featured_articles"]] == ["Old", "Newest"]
    assert [a.title for a in response.context["latest_articles"]] == ["Newer"]
    html = response.content.decode()
    assert html.index("Old") < html.index("Newest") < html.index("Newer")


def test_a_featured_piece_not_in_the_readers_language_or_unpublished_is_left_out(
    client, home_page, article_index
):
    english_only = ArticlePageFactory(parent=article_index, title="English only")
    both = ArticlePageFactory(parent=article_index, translations=written_in("Both", "en", "tr"))
    withdrawn = ArticlePageFactory(parent=article_index, title="Withdrawn")
    withdrawn.unpublish()
    HomePageFactory(featured=[english_only, both, withdrawn])

    assert [a.title for a in client.get("/tr/").context["featured_articles"]] == ["Both tr"]
    assert [a.title for a in client.get("/en/").context["featured_articles"]] == ["English only", "Both en"]


def test_each_main_topic_gets_a_block_with_its_latest_pieces_and_a_link_to_its_hub(
    client, home_page, article_index
):
    energy = TopicFactory(slug="energy", name_en="Energy", name_tr="Enerji")
    security = TopicFactory(slug="security", name_en="Security")
    for n in range(4):
        ArticlePageFactory(parent=article_index, title=f"Energy {n}", topics=[energy])
    ArticlePageFactory(parent=article_index, title="Security only in English", topics=[security])
    ArticlePageFactory(parent=article_index, translations=written_in("Enerji", "en", "tr"), topics=[energy])
    HomePageFactory(topics=[security, energy])

    english = client.get("/en/")
    blocks = english.context["topic_blocks"]
    assert [block.topic.slug for block in blocks] == ["security", "energy"]
    assert [a.title for a in blocks[1].articles] == ["Enerji en", "Energy 3", "Energy 2"]
    assert 'href="/en/topics/energy/"' in english.content.decode()

    turkish = client.get("/tr/")
    # In Turkish, security has nothing to read: no empty block.
    assert [block.topic.slug for block in turkish.context["topic_blocks"]] == ["energy"]
    assert "Enerji" in turkish.content.decode()


def test_the_home_page_says_so_when_nothing_is_published(client, home_page):
    assert "No articles have been published yet." in client.get("/en/").content.decode()


def test_home_page_queries_do_not_grow_with_the_number_of_cards(
    client, home_page, article_index, people_index
):
    topic = TopicFactory(slug="energy")
    author = PersonPageFactory(parent=people_index)

    def queries_for_home():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/").status_code == 200
        return len(queries)

    # One card in each section (featured, latest, the topic block), then several in each.
    first, second = (
        ArticlePageFactory(parent=article_index, topics=[topic], authors=[author]) for _ in range(2)
    )
    HomePageFactory(featured=[first], topics=[topic])
    few = queries_for_home()
    more = [ArticlePageFactory(parent=article_index, topics=[topic], authors=[author]) for _ in range(8)]
    HomePageFactory(featured=[first, *more[:2]], topics=[topic])
    many = queries_for_home()

    assert many == few


def test_the_latest_section_shows_the_newest_pieces_first_and_no_more_than_it_has_room_for(
    client, home_page, article_index
):
    titles = [f"Piece {n}" for n in range(LATEST_ARTICLES_ON_HOME + 2)]
    for title in titles:  # each a day newer than the one before
        ArticlePageFactory(parent=article_index, title=title)

    latest = client.get("/en/").context["latest_articles"]

    assert [a.title for a in latest] == titles[::-1][:LATEST_ARTICLES_ON_HOME]


def test_a_featured_piece_is_not_repeated_in_its_topic_block_nor_shown_twice_when_picked_twice(
    client, home_page, article_index
):
    energy = TopicFactory(slug="energy")
    lead = ArticlePageFactory(parent=article_index, title="Lead", topics=[energy])
    ArticlePageFactory(parent=article_index, title="Other", topics=[energy])
    HomePageFactory(featured=[lead, lead], topics=[energy])

    response = client.get("/en/")

    assert [a.title for a in response.context["featured_articles"]] == ["Lead"]
    assert [a.title for a in response.context["topic_blocks"][0].articles] == ["Other"]


def test_the_introduction_is_shown_in_the_readers_language(client, home_page):
    HomePageFactory(intro_en="Research on the region.", intro_tr="Bölge üzerine araştırmalar.")

    assert "Bölge üzerine araştırmalar." in client.get("/tr/").content.decode()
    assert "Research on the region." in client.get("/en/").content.decode()


def test_a_deleted_topic_loses_its_block_and_the_home_page_still_answers(client, home_page, article_index):
    energy, water = TopicFactory(slug="energy"), TopicFactory(slug="water")
    ArticlePageFactory(parent=article_index, topics=[energy, water])
    HomePageFactory(topics=[energy, water])

    energy.delete()
    response = client.get("/en/")

    assert response.status_code == 200
    assert [block.topic.slug for block in response.context["topic_blocks"]] == ["water"]
