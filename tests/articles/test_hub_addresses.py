"""Hub, search and feed addresses in the reader's words (languages.toml `addresses`), terms by
their slug in the reader's language, and the old English addresses moved there for good."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from ..people.factories import PeopleIndexPageFactory
from ..taxonomy.factories import RegionFactory, TopicFactory
from .cards import listed_titles
from .factories import create_article, written_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def energy(article_index):
    """A topic with a Turkish and a Russian slug, a region with none, and a piece in all three."""
    topic = TopicFactory(slug_en="energy", slug_tr="enerji", slug_ru="energetika", name_en="Energy")
    region = RegionFactory(slug_en="caucasus", name_en="Caucasus")
    create_article(
        article_index, translations=written_in("Gas", "en", "tr", "ru"), topics=[topic], regions=[region]
    )
    return topic


def chain(client, address):
    response = client.get(address, follow=True)
    return [(url, status) for url, status in response.redirect_chain], response.status_code


@pytest.mark.parametrize(
    "address",
    [
        "/en/topics/",
        "/tr/konular/",
        "/ru/temy/",
        "/tr/bolgeler/",
        "/ru/tipy/",
        "/en/topics/energy/",
        "/tr/konular/enerji/",
        "/ru/temy/energetika/",
        "/tr/bolgeler/caucasus/",  # no Turkish slug: the default-language one
        "/tr/ara/?q=gas",
        "/ru/poisk/",
        "/tr/akis/",
        "/tr/akis/konular/enerji/",
        "/ru/lenta/temy/energy/",  # a feed takes the default-language slug too
    ],
)
def test_each_language_has_its_own_words(client, energy, address):
    assert client.get(address).status_code == 200


@pytest.mark.parametrize(
    ("address", "moved_to"),
    [
        ("/en/konular/", "/en/topics/"),
        ("/tr/temy/", "/tr/konular/"),
        ("/ru/search/?q=gas", "/ru/poisk/?q=gas"),
        ("/tr/feed/", "/tr/akis/"),
        ("/tr/feed/topics/enerji/", "/tr/akis/konular/enerji/"),
        ("/ru/regions/caucasus/?year=2025", "/ru/regiony/caucasus/?year=2025"),
    ],
)
def test_another_languages_words_move_for_good_keeping_the_query(client, energy, address, moved_to):
    response = client.get(address)

    assert response.status_code == 301
    assert response["Location"] == moved_to


def test_an_english_hub_address_reaches_the_turkish_one_with_its_query(client, energy):
    redirects, status = chain(client, "/tr/topics/energy/?year=2025")

    assert redirects == [("/tr/konular/energy/?year=2025", 301), ("/tr/konular/enerji/?year=2025", 301)]
    assert status == 404  # no piece of 2025: the query was kept, and it names nothing


def test_the_default_language_slug_moves_to_the_languages_own(client, energy):
    response = client.get("/ru/temy/energy/?page=1")

    assert response.status_code == 301
    assert response["Location"] == "/ru/temy/energetika/?page=1"


@pytest.mark.parametrize(
    "address",
    [
        "/tr/konularr/",
        "/tr/konular/no-such-topic/",
        "/tr/konular/energetika/",  # the Russian slug is not Turkish
        "/tr/topics/no-such-topic/",  # moved to /tr/konular/no-such-topic/, which names nothing
        "/en/kinds/energy/",
        "/ru/poisk/extra/",
    ],
)
def test_what_names_nothing_is_a_404(client, energy, address):
    assert client.get(address, follow=True).status_code == 404


def test_a_page_whose_slug_is_another_languages_word_is_not_shadowed(client, home_page):
    # The people page's English slug is Russian for "topics": in English it is the page, not a redirect.
    PeopleIndexPageFactory(parent=home_page, slug_en="temy")

    response = client.get("/en/temy/")

    assert response.status_code == 200
    assert response.context["page"].slug_en == "temy"


def test_reverse_gives_the_active_languages_words(energy):
    with override("tr"):
        assert reverse("hub_index", args=("topics",)) == "/tr/konular/"
        assert reverse("hub", kwargs={"kind": "regions", "slug": "caucasus"}) == "/tr/bolgeler/caucasus/"
        assert reverse("search") == "/tr/ara/"
        assert reverse("topic_feed", args=(energy.slug,)) == "/tr/akis/konular/enerji/"
    with override("ru"):
        assert reverse("hub_index", args=("types",)) == "/ru/tipy/"
        assert reverse("articles_feed") == "/ru/lenta/"
    with override("en"):
        assert reverse("hub", args=("topics", energy.slug)) == "/en/topics/energy/"


def test_a_term_hub_names_each_languages_own_address(client, energy):
    html = client.get("/tr/konular/enerji/").content.decode()

    assert 'hreflang="ru" href="http://testserver/ru/temy/energetika/"' in html
    assert 'hreflang="en" href="http://testserver/en/topics/energy/"' in html
    assert 'href="http://testserver/ru/temy/energetika/" hreflang="ru"' in html  # the switcher
    assert 'href="/tr/konular/" aria-current="page"' in html  # the menu, in Turkish words


def test_pieces_link_their_topic_by_its_slug_in_the_readers_language(client, energy):
    html = client.get("/tr/konular/enerji/").content.decode()
    piece = client.get("/tr/analizler/gas-tr/").content.decode()

    assert 'href="/tr/akis/konular/enerji/"' in html
    assert 'href="/tr/konular/enerji/"' in piece


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/tr/analizler/?topic=enerji", 200),
        ("/tr/analizler/?topic=energy", 200),  # the default-language slug still filters
        ("/tr/analizler/?topic=energetika", 404),
        ("/ru/poisk/?q=gas&topic=energetika", 200),
    ],
)
def test_filters_take_the_readers_slug_or_the_default_one(client, energy, address, status):
    response = client.get(address)

    assert response.status_code == status
    if status == 200 and "analizler" in address:
        assert listed_titles(response) == ["Gas tr"]
