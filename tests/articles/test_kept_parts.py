"""The body with its notes and the similar posts, kept until the next publish (articles/kept_parts.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..taxonomy.factories import TopicFactory
from .factories import create_article, paragraph

pytestmark = pytest.mark.django_db


def publish(page, callbacks):
    with callbacks(execute=True):
        page.save_revision().publish()


def served(client, article) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_reader_gets_the_same_body_notes_and_similar_posts_with_fewer_queries(
    client, article_index, published_values_cached
):
    topic = TopicFactory()
    create_article(article_index, title="Grain corridors", topics=[topic])
    article = create_article(article_index, title="Gas routes", topics=[topic])

    first, first_queries = served(client, article)
    second, second_queries = served(client, article)

    for part in (
        "<p>Claim 1 rests on a source.",
        'id="fnref-1"',
        'id="fn-2"',
        "Similar posts",
        "Grain corridors",
    ):
        assert part in first and part in second
    assert second_queries < first_queries


def test_an_article_published_since_shows_among_the_similar_posts(
    client, article_index, published_values_cached, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    article = create_article(article_index, title="Gas routes", topics=[topic])
    assert "Similar posts" not in served(client, article)[0]

    newer = create_article(article_index, title="Grain corridors", topics=[topic], live=False)
    publish(newer, django_capture_on_commit_callbacks)

    assert "Grain corridors" in served(client, article)[0]


def test_a_republished_body_shows_at_once(
    client, article_index, published_values_cached, django_capture_on_commit_callbacks
):
    article = create_article(article_index, title="Gas routes")
    assert "Claim 1 rests on a source." in served(client, article)[0]

    article.body_en = [paragraph("<p>Rewritten claim.[^1]</p>"), paragraph("<p>Second.[^2]</p>")]
    publish(article, django_capture_on_commit_callbacks)

    html = served(client, article)[0]
    assert "Rewritten claim." in html
    assert "Claim 1 rests on a source." not in html
