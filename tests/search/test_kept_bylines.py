"""A result's authors and date, kept until the next publish (articles/kept_parts.bylines_html)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import text

pytestmark = pytest.mark.django_db


def searched(client, query) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode(), [entry["sql"] for entry in queries]


def reading_authors(queries: list[str]) -> bool:
    return any('FROM "articles_articlepageauthor"' in sql for sql in queries)


def test_a_second_search_shows_the_same_byline_without_reading_the_authors(
    client, write, published_values_cached
):
    write(en=text("Pipeline politics", "The Zangezur pipeline."))
    first, first_queries = searched(client, "zangezur")

    second, second_queries = searched(client, "pipeline")

    for html in (first, second):
        assert "<span>Leyla Demir</span>" in html
    assert reading_authors(first_queries) and not reading_authors(second_queries)


def test_an_author_renamed_since_is_named_at_once(
    client, write, author, published_values_cached, django_capture_on_commit_callbacks
):
    write(en=text("Pipeline politics", "The Zangezur pipeline."))
    searched(client, "zangezur")

    author.title_en = "Leyla Demir Kaya"
    with django_capture_on_commit_callbacks(execute=True):
        author.save_revision().publish()

    assert "<span>Leyla Demir Kaya</span>" in searched(client, "zangezur")[0]
