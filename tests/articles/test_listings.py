"""The article index and the topic, region and type hubs: filters, clean addresses, pagination."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..images.factories import saved_image
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import ArticleTypeFactory, RegionFactory, TopicFactory
from .cards import listed_titles
from .factories import create_article, written_in

pytestmark = pytest.mark.django_db


def day(year, month=1, n=1):
    return datetime.date(year, month, n)


def hero_image(name):
    return saved_image(name, file_name=f"{name}.png")


@pytest.fixture
def library(article_index, people_index):
    """Four pieces across two topics, two regions, two types, two authors and two years."""
    energy, security = TopicFactory(slug="energy"), TopicFactory(slug="security")
    caucasus, gulf = RegionFactory(slug="caucasus"), RegionFactory(slug="gulf")
    analysis, commentary = ArticleTypeFactory(slug="analysis"), ArticleTypeFactory(slug="commentary")
    aydin = PersonPageFactory(
        parent=people_index, title_en="Elif Aydin", slug_en="elif-aydin", slug_ru="elif-aydyn"
    )
    murat = PersonPageFactory(parent=people_index, title_en="Murat Kaplan", slug_en="murat-kaplan")
    pieces = {
        "pipeline": {
            "topics": [energy],
            "regions": [caucasus],
            "article_type": analysis,
            "authors": [aydin],
            "publication_date": day(2025, 5),
        },
        "gas": {
            "topics": [energy],
            "regions": [gulf],
            "article_type": commentary,
            "authors": [murat],
            "publication_date": day(2026, 2),
        },
        "navy": {
            "topics": [security],
            "regions": [gulf],
            "article_type": analysis,
            "authors": [aydin, murat],
            "publication_date": day(2026, 3),
        },
        "border": {
            "topics": [security],
            "regions": [caucasus],
            "article_type": commentary,
            "authors": [murat],
            "publication_date": day(2025, 7),
        },
    }
    return {
        name: create_article(article_index, title=name.title(), **fields) for name, fields in pieces.items()
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Navy", "Gas", "Border", "Pipeline"]),
        ("topic=energy", ["Gas", "Pipeline"]),
        ("region=gulf", ["Navy", "Gas"]),
        ("type=commentary", ["Gas", "Border"]),
        ("author=elif-aydin", ["Navy", "Pipeline"]),
        ("year=2025", ["Border", "Pipeline"]),
        ("topic=security&region=caucasus", ["Border"]),
        ("topic=energy&type=analysis&year=2025&author=elif-aydin", ["Pipeline"]),
    ],
)
def test_filters_combine_on_the_article_index(client, library, query, expected):
    response = client.get(f"/en/analyses/?{query}")

    assert response.status_code == 200
    assert listed_titles(response) == expected


def test_a_valid_combination_with_nothing_in_it_says_so(client, library):
    response = client.get("/en/analyses/?topic=energy&region=gulf&type=analysis")

    assert response.status_code == 200
    assert listed_titles(response) == []
    assert "No analyses match these filters." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "topic=nuclear",
        "region=%3Cscript%3E",
        "type=1",
        "author=nobody",
        "year=1999",
        "year=abc",
        "page=0",
        "page=999999",
        "page=x",
    ],
)
def test_a_value_that_names_nothing_is_a_404(client, library, query):
    assert client.get(f"/en/analyses/?{query}").status_code == 404


def test_the_author_filter_takes_the_slug_of_the_readers_language(client, library):
    library["navy"]  # Elif's pieces exist only in English, so the Russian list is empty but valid.

    assert client.get("/ru/analyses/?author=elif-aydyn").status_code == 200
    assert client.get("/ru/analyses/?author=elif-aydin").status_code == 404


def test_empty_choices_are_dropped_from_the_address(client, library):
    response = client.get("/en/analyses/?topic=energy&region=&type=&page=1")

    assert response.status_code == 302
    assert response["Location"] == "/en/analyses/?topic=energy"


def test_pagination_keeps_the_filters(client, library, settings, article_index):
    for n in range(3):
        create_article(article_index, title=f"Extra {n}", topics=list(library["gas"].topics.all()))
    settings.ARTICLES_PER_PAGE = 2

    first = client.get("/en/analyses/?topic=energy").content.decode()
    second = client.get("/en/analyses/?topic=energy&page=2")

    assert 'href="?topic=energy&amp;page=2"' in first
    assert second.status_code == 200
    assert 'href="?topic=energy"' in second.content.decode()  # back to page one: no ?page=1


def test_listing_queries_do_not_grow_with_the_number_of_cards(client, article_index, people_index):
    topic = TopicFactory(slug="energy")
    authors = [PersonPageFactory(parent=people_index) for _ in range(2)]

    def queries_for_listing():
        client.get("/en/analyses/?topic=energy")  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/analyses/?topic=energy").status_code == 200
        return len(queries)

    create_article(article_index, topics=[topic], authors=authors, hero_image=hero_image("first"))
    one_card = queries_for_listing()
    for n in range(7):
        create_article(article_index, topics=[topic], authors=authors, hero_image=hero_image(f"more-{n}"))
    eight_cards = queries_for_listing()

    assert eight_cards == one_card


def test_a_piece_missing_in_the_readers_language_is_not_listed(client, article_index):
    topic = TopicFactory(slug="energy")
    create_article(article_index, title="English only", topics=[topic])
    everywhere = written_in("Everywhere", "en", "tr", "ru")
    create_article(article_index, title="Everywhere", translations=everywhere, topics=[topic])

    assert listed_titles(client.get("/tr/analizler/")) == ["Everywhere tr"]
    assert listed_titles(client.get("/tr/konular/energy/")) == ["Everywhere tr"]


class TestHubs:
    def test_a_topic_hub_lists_its_pieces_and_filters_the_rest(self, client, library):
        response = client.get("/en/topics/security/?region=caucasus")

        assert response.status_code == 200
        assert listed_titles(response) == ["Border"]
        html = response.content.decode()
        assert 'name="topic"' not in html  # the hub fixes the topic
        assert 'href="/en/feed/topics/security/"' in html

    @pytest.mark.parametrize(
        ("address", "expected"),
        [("/en/regions/gulf/", ["Navy", "Gas"]), ("/en/types/analysis/", ["Navy", "Pipeline"])],
    )
    def test_region_and_type_hubs(self, client, library, address, expected):
        assert listed_titles(client.get(address)) == expected

    @pytest.mark.parametrize(
        "address",
        [
            "/en/topics/no-such-topic/",
            "/en/topics/energy/?year=1900",
            "/en/kinds/energy/",
            "/en/topics/energy/?page=9",
        ],
    )
    def test_what_names_nothing_is_a_404(self, client, library, address):
        assert client.get(address).status_code == 404

    def test_the_index_of_topics_counts_what_readers_of_the_language_can_read(self, client, article_index):
        energy, empty = TopicFactory(slug="energy", name_en="Energy"), TopicFactory(slug="empty")
        create_article(article_index, topics=[energy])
        create_article(article_index, topics=[energy], translations=written_in("Both", "en", "tr", "ru"))
        create_article(article_index, topics=[energy], live=False)

        english = client.get("/en/topics/")
        turkish = client.get("/tr/konular/")

        assert [(t.slug, t.article_count) for t in english.context["terms"]] == [("energy", 2)]
        assert [(t.slug, t.article_count) for t in turkish.context["terms"]] == [("energy", 1)]
        assert empty.slug not in english.content.decode()

    def test_hubs_name_their_address_in_every_language(self, client, library):
        html = client.get("/tr/konular/energy/").content.decode()

        assert 'hreflang="ru" href="http://testserver/ru/temy/energy/"' in html
        assert 'href="http://testserver/en/topics/energy/" hreflang="en"' in html  # the switcher

    def test_articles_link_their_topics_region_and_type_to_hubs(self, client, library):
        html = client.get(library["pipeline"].url).content.decode()

        for hub in ("/en/topics/energy/", "/en/regions/caucasus/", "/en/types/analysis/"):
            assert f'href="{hub}"' in html


def test_the_menu_and_footer_lead_to_the_hub_indexes(client, library):
    home = client.get("/tr/").content.decode()
    hub = client.get("/tr/konular/energy/").content.decode()

    assert 'href="/tr/konular/"' in home and 'href="/tr/bolgeler/"' in home and 'href="/tr/turler/"' in home
    assert 'href="/tr/konular/" aria-current="page"' in hub
    assert 'href="/tr/konular/" aria-current="page"' not in home


def test_pagination_numbers_the_pages_with_the_first_and_last_always_shown(client, article_index, settings):
    settings.ARTICLES_PER_PAGE = 1
    for n in range(9):
        create_article(article_index, title=f"Piece {n}")

    html = client.get("/en/analyses/?page=5").content.decode()
    bar = re.search(r'<nav class="pagination".*?</nav>', html, re.S).group(0)

    shown = re.findall(r'class="pagination__page"(?: aria-current="page")? href="([^"]*)">.*?(\d+)</a>', bar)
    assert [number for _href, number in shown] == ["1", "4", "5", "6", "9"]
    assert shown[0][0] == "?"  # page one has no ?page
    assert 'aria-current="page" href="?page=5"' in bar
    assert bar.count('class="pagination__gap"') == 2
    assert 'rel="prev" href="?page=4"' in bar and 'rel="next" href="?page=6"' in bar


def test_the_filters_fold_behind_one_control_that_counts_those_in_use(client, library):
    unfiltered = client.get("/en/analyses/").content.decode()
    filtered = client.get("/en/analyses/?topic=energy&year=2026").content.decode()

    toggle = re.compile(r'<summary class="filters-panel__toggle">(.*?)</summary>', re.S)
    assert toggle.search(unfiltered).group(1) == "Filter"
    assert "2 active" in toggle.search(filtered).group(1)
    assert filtered.index('<details class="filters-panel">') < filtered.index('<form class="filters"')
