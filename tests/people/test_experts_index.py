"""The experts page and what readers see of a person beyond their own page."""

import pytest
from django.utils.translation import override

from ..articles.cards import listed_titles
from ..articles.factories import ArticlePageFactory
from .factories import PersonPageFactory

pytestmark = pytest.mark.django_db


def names_on(client, address: str) -> list[str]:
    return [person.title for person in client.get(address).context["people"]]


def test_the_experts_page_lists_people_alphabetically_a_page_at_a_time(client, people_index, settings):
    settings.ARTICLES_PER_PAGE = 2
    for name in ("Zeynep Kaya", "Ahmet Demir", "Murat Kaplan"):
        PersonPageFactory(parent=people_index, title_en=name)

    assert names_on(client, "/en/experts/") == ["Ahmet Demir", "Murat Kaplan"]
    assert names_on(client, "/en/experts/?page=2") == ["Zeynep Kaya"]
    assert client.get("/en/experts/?page=3").status_code == 404


def test_a_person_is_named_as_written_in_the_readers_language(client, people_index):
    person = PersonPageFactory(parent=people_index, title_en="Anna Sokolova", title_ru="Анна Соколова")

    assert "Анна Соколова" in client.get("/ru/experts/").content.decode()
    with override("ru"):
        assert person.name == "Анна Соколова"
    with override("tr"):
        assert person.name == "Anna Sokolova"


def test_an_unpublished_person_has_no_page_for_readers(client, people_index):
    person = PersonPageFactory(parent=people_index, title_en="Not Yet Public", slug_en="not-yet-public")
    assert client.get("/en/experts/not-yet-public/").status_code == 200

    person.unpublish()

    assert client.get("/en/experts/not-yet-public/").status_code == 404


def test_a_co_written_piece_is_listed_on_each_authors_page_with_a_feed_of_their_own(
    client, people_index, article_index
):
    first = PersonPageFactory(parent=people_index, title_en="Elif Aydin", slug_en="elif-aydin")
    second = PersonPageFactory(parent=people_index, title_en="Murat Kaplan", slug_en="murat-kaplan")
    ArticlePageFactory(parent=article_index, title="Together", authors=[first, second])
    ArticlePageFactory(parent=article_index, title="Alone", authors=[first])

    elif_page = client.get("/en/experts/elif-aydin/")
    murat_page = client.get("/en/experts/murat-kaplan/")

    assert listed_titles(elif_page) == ["Alone", "Together"]
    assert listed_titles(murat_page) == ["Together"]
    assert 'href="/en/feed/authors/murat-kaplan/"' in murat_page.content.decode()
