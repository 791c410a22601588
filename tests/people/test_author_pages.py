"""Author pages and the experts index, as readers see them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext, override

from ..articles.cards import listed_titles
from ..articles.factories import ArticlePageFactory, create_article, written_in
from .factories import PersonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(people_index):
    return PersonPageFactory(
        parent=people_index,
        title_en="Anna Sokolova",
        slug_en="anna-sokolova",
        title_ru="Анна Соколова",
        slug_ru="anna-sokolova",
        role_en="Senior Fellow, Energy",
        role_ru="Старший научный сотрудник",
        bio_en="<p>Anna Sokolova studies gas markets.</p>",
        bio_ru="<p>Анна Соколова изучает газовые рынки.</p>",
        email="anna@example.org",
        links=[("link", {"label": "ORCID", "url": "https://orcid.org/0000-0002-1825-0097"})],
    )


def test_the_author_page_introduces_the_person_in_the_readers_language(client, author):
    html = client.get("/ru/experts/anna-sokolova/").content.decode()

    assert "Анна Соколова" in html
    assert "Старший научный сотрудник" in html
    assert "Анна Соколова изучает газовые рынки." in html
    assert 'href="https://orcid.org/0000-0002-1825-0097" rel="me"' in html
    assert 'href="mailto:anna@example.org"' in html


def test_it_lists_the_persons_live_pieces_in_this_language_only(client, author, article_index):
    ArticlePageFactory(parent=article_index, title="English only", authors=[author])
    ArticlePageFactory(parent=article_index, translations=written_in("Both", "en", "ru"), authors=[author])
    ArticlePageFactory(parent=article_index, title="Unpublished", authors=[author], live=False)

    english = listed_titles(client.get("/en/experts/anna-sokolova/"))
    russian = client.get("/ru/experts/anna-sokolova/")

    assert english == ["Both en", "English only"]
    assert listed_titles(russian) == ["Both ru"]


def test_with_nothing_in_the_language_it_says_so(client, author, article_index):
    ArticlePageFactory(parent=article_index, title="English only", authors=[author])

    html = client.get("/ru/experts/anna-sokolova/").content.decode()

    with override("ru"):
        assert gettext("Nothing by this author has been published in this language yet.") in html


def test_the_list_is_paginated_and_a_page_beyond_it_is_a_404(client, author, article_index, settings):
    settings.ARTICLES_PER_PAGE = 2
    for n in range(3):
        ArticlePageFactory(parent=article_index, title=f"Piece {n}", authors=[author])

    assert listed_titles(client.get("/en/experts/anna-sokolova/?page=2")) == ["Piece 0"]
    assert client.get("/en/experts/anna-sokolova/?page=3").status_code == 404
    assert client.get("/en/experts/anna-sokolova/?page=%27").status_code == 404


def test_the_experts_index_lists_people_readers_may_see(client, author, people_index):
    hidden = PersonPageFactory(parent=people_index, title_en="Not Yet Public")
    hidden.unpublish()

    html = client.get("/en/experts/").content.decode()

    assert 'href="/en/experts/anna-sokolova/"' in html
    assert "Not Yet Public" not in html


def test_author_page_queries_do_not_grow_with_the_number_of_pieces(
    client, author, article_index, people_index
):
    co_author = PersonPageFactory(parent=people_index)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/experts/anna-sokolova/").status_code == 200
        return len(captured)

    ArticlePageFactory(parent=article_index, authors=[author, co_author])
    queries()  # warms the caches a previous test may or may not have left (site root paths)
    one = queries()
    for _ in range(5):
        ArticlePageFactory(parent=article_index, authors=[author, co_author])

    assert queries() == one


def test_a_later_page_of_an_authors_list_keeps_its_own_canonical_address_when_heads_are_kept(
    client, article_index, people_index, published_values_cached, settings
):
    settings.ARTICLES_PER_PAGE = 1
    author = PersonPageFactory(parent=people_index, title_en="Elif Aydin", slug_en="elif-aydin")
    for title in ("Gas routes", "Grain corridors"):
        create_article(article_index, title=title, authors=[author])

    first = client.get("/en/experts/elif-aydin/").content.decode()
    second = client.get("/en/experts/elif-aydin/?page=2").content.decode()
    first_again = client.get("/en/experts/elif-aydin/").content.decode()

    assert canonical(first).endswith("/en/experts/elif-aydin/")
    assert canonical(second).endswith("/en/experts/elif-aydin/?page=2")
    assert first_again == first


def canonical(html: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
