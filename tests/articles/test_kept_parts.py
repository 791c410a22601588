"""The body with its notes and the similar posts, kept until the next publish (articles/kept_parts.py)."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ankasam.articles.models import ArticlePage
from ankasam.articles.queries import ArticleIds, article_cards

from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TopicFactory
from .factories import create_article, paragraph, written_in

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


def listed(client, address) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def reading_authors(queries: list[str]) -> bool:
    return any('FROM "articles_articlepageauthor"' in sql for sql in queries)


def test_cards_kept_from_one_list_serve_another_with_their_bylines(
    client, article_index, people_index, published_values_cached
):
    author = PersonPageFactory(parent=people_index, title_en="Elif Aydin", slug_en="elif-aydin")
    topic = TopicFactory(slug="energy")
    create_article(article_index, title="Gas routes", topics=[topic], authors=[author])
    first, first_queries = listed(client, "/en/analyses/")

    filtered, filtered_queries = listed(client, "/en/analyses/?topic=energy")
    on_their_page, their_page_queries = listed(client, "/en/experts/elif-aydin/")

    assert reading_authors(first_queries)
    for html in (first, filtered):
        assert "Gas routes" in html and "<span>Elif Aydin</span>" in html
    assert not reading_authors(filtered_queries)
    # The author's page lists it at a heading level of its own, a card of its own.
    assert "Gas routes" in on_their_page and reading_authors(their_page_queries)
    assert not reading_authors(listed(client, "/en/experts/elif-aydin/")[1])


def reading_card_rows(queries: list[str]) -> bool:
    return any('"articles_articlepage"."standfirst_en"' in sql for sql in queries)


LISTS = ["/en/analyses/", "/en/analyses/?topic=energy", "/en/experts/elif-aydin/"]


@pytest.mark.parametrize("address", LISTS)
def test_a_list_whose_cards_are_kept_reads_which_articles_not_their_rows(
    client, article_index, people_index, published_values_cached, address
):
    author = PersonPageFactory(parent=people_index, title_en="Elif Aydin", slug_en="elif-aydin")
    topic = TopicFactory(slug="energy")
    for title in ("Gas routes", "Pipeline politics"):
        create_article(article_index, title=title, topics=[topic], authors=[author])
    first_html, first_queries = listed(client, address)

    html, queries = listed(client, address)

    assert reading_card_rows(first_queries) and not reading_card_rows(queries)
    assert html == first_html
    assert html.index("Pipeline politics") < html.index("Gas routes")  # newest first, as before


def test_an_article_gone_between_a_lists_ids_and_its_rows_is_left_out(article_index, rf):
    shown = create_article(article_index, title="Still here")
    gone = create_article(article_index, title="Just unpublished")
    page = Paginator([gone.pk, shown.pk], 10).page(1)
    page.object_list = ArticleIds(page.object_list, article_cards(ArticlePage.objects.exclude(pk=gone.pk)))
    request = rf.get("/en/analyses/")

    html = Template("{% load card_tags %}{% card_items articles %}").render(
        Context({"articles": page, "request": request})
    )

    assert html.count("<li>") == 1 and "Still here" in html


def test_a_renamed_article_shows_its_new_title_on_its_card_at_once(
    client, article_index, published_values_cached, django_capture_on_commit_callbacks
):
    article = create_article(article_index, title="Gas routes")
    assert "Gas routes" in listed(client, "/en/analyses/")[0]

    article.title_en = "Gas routes revisited"
    publish(article, django_capture_on_commit_callbacks)

    assert "Gas routes revisited" in listed(client, "/en/analyses/")[0]


def test_a_card_is_kept_per_language(client, article_index, published_values_cached):
    create_article(article_index, translations=written_in("Gas", "en", "tr"))
    listed(client, "/en/analyses/")

    html = listed(client, "/tr/analizler/")[0]

    assert "Gas tr" in html and "Gas en" not in html


def test_an_article_kept_in_one_language_is_served_whole_in_another(
    client, article_index, published_values_cached
):
    article = create_article(article_index, translations=written_in("Gas", "en", "tr"))
    with translation.override("en"):
        english = served(client, article)[0]
    with translation.override("tr"):
        turkish_address = article.get_url()

    turkish = client.get(turkish_address).content.decode()

    assert '<h1 class="article__title">Gas en</h1>' in english
    assert '<h1 class="article__title">Gas tr</h1>' in turkish and "Gas en</h1>" not in turkish
    assert '<html lang="tr"' in turkish


def test_an_author_republished_with_a_new_bio_shows_on_the_article_at_once(
    client, article_index, people_index, published_values_cached, django_capture_on_commit_callbacks
):
    author = PersonPageFactory(parent=people_index, title_en="Elif Aydin", slug_en="elif-aydin")
    article = create_article(article_index, title="Gas routes", authors=[author])
    served(client, article)

    author.title_en = "Elif Aydın Kaya"
    publish(author, django_capture_on_commit_callbacks)

    html, queries = served(client, article)
    assert "Elif Aydın Kaya" in html and "Elif Aydin<" not in html
