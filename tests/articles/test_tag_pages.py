"""Tag pages (/<lang>/tags/<slug>/), the `?tag=` listing filter and the tag feeds."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from ..taxonomy.factories import TagFactory
from .cards import listed_titles
from .factories import create_article, written_in

pytestmark = pytest.mark.django_db


def tag_path(language: str, slug: str | None = None, feed: bool = False) -> str:
    """The address in the language's own words: /tr/etiketler/railways/, /ru/lenta/tegi/railways/."""
    with override(language):
        if feed:
            return reverse("tag_feed", args=[slug])
        return reverse("hub", args=["tags", slug]) if slug else reverse("hub_index", args=["tags"])


@pytest.fixture
def tagged(article_index):
    railways = TagFactory(name_en="Railways", name_tr="Demiryolları", slug="railways")
    ports = TagFactory(name_en="Ports", slug="ports")
    return {
        "corridor": create_article(
            article_index, translations=written_in("Corridor", "en", "tr", "ru"), tags=[railways]
        ),
        "harbour": create_article(
            article_index, translations=written_in("Harbour", "en"), tags=[railways, ports]
        ),
        "draft": create_article(
            article_index, translations=written_in("Draft", "en"), tags=[railways], live=False
        ),
        "untagged": create_article(article_index, translations=written_in("Untagged", "en", "tr")),
    }


@pytest.mark.parametrize(
    ("language", "expected", "heading"),
    [
        ("en", ["Harbour en", "Corridor en"], "<h1>Railways</h1>"),
        ("tr", ["Corridor tr"], "<h1>Demiryolları</h1>"),
        ("ru", ["Corridor ru"], '<h1 lang="en" dir="ltr">Railways</h1>'),
    ],
)
def test_a_tag_page_lists_the_published_pieces_with_the_tag_in_the_readers_language(
    client, tagged, language, expected, heading
):
    response = client.get(tag_path(language, "railways"))

    assert response.status_code == 200
    assert listed_titles(response) == expected
    html = response.content.decode()
    assert heading in html
    railways = tag_path(language, "railways")
    assert f'<link rel="canonical" href="http://testserver{railways}">' in html
    for code in ("en", "tr", "ru"):
        alternate = tag_path(code, "railways")
        assert f'hreflang="{code}" href="http://testserver{alternate}"' in html
    assert 'name="tag"' not in html  # the page fixes the tag
    assert f'href="{tag_path(language, "railways", feed=True)}"' in html


def test_the_index_of_tags_counts_what_readers_of_the_language_can_read(client, tagged):
    english = client.get("/en/tags/")
    turkish = client.get(tag_path("tr"))

    assert [(t.slug, t.article_count) for t in english.context["terms"]] == [("ports", 1), ("railways", 2)]
    assert [(t.slug, t.article_count) for t in turkish.context["terms"]] == [("railways", 1)]


@pytest.mark.parametrize(
    "address",
    ["/en/tags/no-such-tag/", "/en/analyses/?tag=no-such-tag", "/en/feed/tags/no-such-tag/"],
)
def test_an_unknown_tag_is_a_404(client, tagged, address):
    assert client.get(address).status_code == 404


def test_the_article_index_filters_by_tag_and_keeps_the_tag_in_its_form(client, tagged):
    response = client.get("/en/analyses/?tag=ports")

    assert listed_titles(response) == ["Harbour en"]
    html = response.content.decode()
    assert '<input type="hidden" name="tag" value="ports"' in html
    assert 'name="tag"' not in client.get("/en/analyses/").content.decode()


def test_an_empty_tag_choice_is_dropped_from_the_address(client, tagged):
    response = client.get("/en/analyses/?tag=&year=")

    assert response.status_code == 302
    assert response["Location"] == "/en/analyses/"


def test_a_tag_feed_holds_the_pieces_with_the_tag_in_the_feeds_language(client, tagged):
    english = client.get("/en/feed/tags/railways/").content.decode()
    turkish = client.get(tag_path("tr", "railways", feed=True)).content.decode()

    assert "Harbour en" in english and "Corridor en" in english and "Draft" not in english
    assert "Corridor tr" in turkish and "Harbour" not in turkish
    assert "Demiryolları" in turkish


def test_articles_link_their_tags_to_tag_pages(client, tagged):
    html = client.get(tagged["harbour"].url).content.decode()

    assert 'href="/en/tags/railways/"' in html
    assert 'href="/en/tags/ports/"' in html
