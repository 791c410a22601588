"""The RSS feeds: valid RSS 2.0, in the request's language, holding only what readers may see."""

from html import unescape

import pytest
from defusedxml import ElementTree
from django.urls import reverse
from django.utils import translation

from ankasam.taxonomy.models import Topic

from ..people.factories import PersonPageFactory
from .factories import create_article, text_with_notes

pytestmark = pytest.mark.django_db


def feed_items(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    return channel, [item.findtext("title") for item in channel.findall("item")]


def bilingual(title_en, title_tr):
    blocks, notes = text_with_notes(1)
    return {
        "en": {"title": title_en, "blocks": blocks, "notes": notes, "standfirst": "In short."},
        "tr": {"title": title_tr, "blocks": blocks, "notes": notes, "standfirst": "Kısaca."},
    }


@pytest.fixture
def pieces(article_index, people_index):
    energy = Topic.objects.create(name_en="Energy", name_tr="Enerji", slug="energy")
    water = Topic.objects.create(name_en="Water", slug="water")
    author = PersonPageFactory(parent=people_index, title_en="Leyla Demir", slug_en="leyla-demir")
    other = PersonPageFactory(parent=people_index)
    return {
        "gas": create_article(
            article_index, translations=bilingual("Gas", "Gaz"), topics=[energy], authors=[author]
        ),
        "dams": create_article(article_index, title="Dams", topics=[water], authors=[other]),
        "draft": create_article(
            article_index,
            translations=bilingual("Draft", "Taslak"),
            topics=[energy],
            authors=[author],
            live=False,
        ),
        "author": author,
    }


def test_the_language_feed_holds_that_languages_pieces(client, pieces):
    channel, titles = feed_items(client, "/en/feed/")
    assert titles == ["Dams", "Gas"]
    assert channel.findtext("language") == "en"

    channel, titles = feed_items(client, "/tr/akis/")
    assert titles == ["Gaz"]
    assert channel.findtext("language") == "tr"
    (item,) = channel.findall("item")
    assert item.findtext("link").startswith("http://testserver/tr/analizler/")
    assert item.findtext("description") == "Kısaca."
    assert "Leyla Demir" in item.findtext("{http://purl.org/dc/elements/1.1/}creator")


def test_a_topic_feed_and_an_author_feed(client, pieces):
    assert feed_items(client, "/en/feed/topics/energy/")[1] == ["Gas"]
    assert feed_items(client, "/en/feed/topics/water/")[1] == ["Dams"]
    assert feed_items(client, "/en/feed/authors/leyla-demir/")[1] == ["Gas"]


@pytest.mark.parametrize(
    "path", ["/en/feed/topics/no-such-topic/", "/en/feed/authors/nobody/", "/en/feed/topics/%ff/"]
)
def test_unknown_topics_and_authors_are_404(client, pieces, path):
    assert client.get(path).status_code == 404


def test_pages_announce_their_feeds(client, pieces):
    home = client.get("/en/").content.decode()
    assert f'<link rel="alternate" type="application/rss+xml" href="{reverse("articles_feed")}"' in home

    with translation.override("en"):
        person = client.get(pieces["author"].get_url()).content.decode()
        article = client.get(pieces["gas"].get_url()).content.decode()
    assert 'href="/en/feed/authors/leyla-demir/"' in person
    assert 'href="/en/feed/topics/energy/"' in article


def test_a_feed_costs_the_same_queries_however_many_items(client, pieces, article_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_feed():
        client.get("/en/feed/")  # warm the site and routing caches
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/feed/")
        return len(captured)

    before = queries_for_feed()
    for number in range(3):
        create_article(article_index, title=f"More {number}", authors=[pieces["author"]])
    assert queries_for_feed() == before


def test_plain_text_is_escaped_before_it_goes_into_an_html_description(client, article_index):
    blocks, notes = text_with_notes(1)
    standfirst = "<script>alert(1)</script> and a < b"
    topic = Topic.objects.create(name_en="Oil & <b>gas</b>", slug="oil")
    create_article(
        article_index,
        translations={"en": {"title": "Tags", "blocks": blocks, "notes": notes, "standfirst": standfirst}},
        topics=[topic],
    )

    all_pieces, _titles = feed_items(client, "/en/feed/")
    one_topic, _titles = feed_items(client, "/en/feed/topics/oil/")

    # What a feed reader gets once the XML is read: HTML whose text is what the editor typed.
    description = all_pieces.find("item").findtext("description")
    assert description == "&lt;script&gt;alert(1)&lt;/script&gt; and a &lt; b"
    assert unescape(description) == standfirst
    assert one_topic.findtext("description").endswith(": Oil &amp; &lt;b&gt;gas&lt;/b&gt;")
    assert [category.text for category in one_topic.find("item").findall("category")] == ["Oil & <b>gas</b>"]
