"""The API's answers to wrong requests, its query counts, and how it is served (cache, limits, CORS)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ankasam.articles.models import ArticlePage
from ankasam.core.languages import site_language_codes

from ..articles.factories import create_article, written_in
from .conftest import get_json

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/articles/?lang=xx",
        "/api/v2/articles/?lang=",
        "/api/v2/pages/?lang=de",
        "/api/v2/images/?lang=EN",
        "/api/v2/documents/?lang=xx",
    ],
)
def test_an_unknown_language_is_a_400_naming_the_choices(client, article, path):
    data = get_json(client, path, status=400)
    assert "not a language of this site" in data["message"]
    assert ", ".join(site_language_codes()) in data["message"]


def test_an_unknown_language_on_a_detail_is_a_400_too(client, article):
    get_json(client, f"/api/v2/articles/{article.pk}/?lang=xx", status=400)


@pytest.mark.parametrize(
    "query",
    [
        "topic=nothing",
        "region=nowhere",
        "type=nokind",
        "author=nobody",
        "year=1990",
        "year=abc",
        "offset=-1",
        "offset=x",
        "limit=abc",
        "limit=1000",
        "order=sideways",
        "search=",
        "search=gas&order=title",
        "colour=blue",
    ],
)
def test_malformed_filters_are_400_not_500(client, article, query):
    data = get_json(client, f"/api/v2/articles/?{query}", status=400)
    assert data["message"]


def test_pages_search_points_at_the_articles_search(client, article):
    data = get_json(client, "/api/v2/pages/?search=gas", status=400)
    assert "/api/v2/articles/?search=" in data["message"]


def test_an_unknown_id_is_a_404_not_a_redirect(client, article):
    for path in ("/api/v2/articles/999999/", "/api/v2/pages/999999/", "/api/v2/images/999999/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["message"]


def test_filters_ordering_and_pagination(client, article, taxonomy, authors):
    index = article.get_parent().specific
    for number in range(3):
        create_article(index, translations=written_in(f"Extra{number}", "en", "tr"), authors=authors[:1])

    everything = get_json(client, "/api/v2/articles/?lang=tr")
    on_topic = get_json(client, "/api/v2/articles/?lang=tr&topic=energy&author=ayla-demir-tr")
    second_page = get_json(client, "/api/v2/articles/?lang=tr&limit=2&offset=2")
    by_title = get_json(client, "/api/v2/articles/?lang=tr&order=title")
    oldest_first = get_json(client, "/api/v2/articles/?lang=tr&order=publication_date")

    assert everything["meta"]["total_count"] == 4
    assert [i["id"] for i in on_topic["items"]] == [article.pk]
    assert second_page["meta"]["total_count"] == 4
    assert [i["id"] for i in second_page["items"]] == [i["id"] for i in everything["items"][2:4]]
    titles = [i["title"] for i in by_title["items"]]
    assert titles == sorted(titles)
    dates = [i["publication_date"] for i in oldest_first["items"]]
    assert dates == sorted(dates) and dates != sorted(dates, reverse=True)


def test_search_uses_the_languages_own_search(client, article):
    found = get_json(client, "/api/v2/articles/?lang=ru&search=politics&topic=energy")
    not_found = get_json(client, "/api/v2/articles/?lang=ru&search=nonexistentword")

    assert [i["title"] for i in found["items"]] == ["Pipeline politics ru"]
    assert found["meta"]["total_count"] == 1
    assert not_found == {"meta": {"total_count": 0}, "items": []}


def queries_for(client, path) -> int:
    client.get(path)  # warm the caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/articles/?lang=tr",
        "/api/v2/articles/?lang=tr&topic=energy&author=ayla-demir-tr",
        "/api/v2/articles/?lang=tr&search=politics",
        "/api/v2/pages/?lang=tr&type=articles.ArticlePage",
    ],
)
def test_listings_take_as_many_queries_for_twenty_articles_as_for_one(
    client, article, authors, taxonomy, path
):
    one = queries_for(client, path)
    index = article.get_parent().specific
    for number in range(19):
        more = create_article(
            index,
            translations=written_in(f"Politics{number}", "en", "tr"),
            authors=authors,
            topics=[taxonomy["topic"]],
            regions=[taxonomy["region"]],
            article_type=taxonomy["type"],
        )
        more.tags.add("gas", f"tag{number}")
        more.save_revision().publish()

    twenty = queries_for(client, path)

    assert get_json(client, path)["meta"]["total_count"] == 20
    assert twenty == one


def test_the_page_cache_keeps_api_answers_and_a_publish_clears_them(
    client, article, page_cache_on, django_capture_on_commit_callbacks
):
    path = "/api/v2/articles/?lang=tr"
    first, second = client.get(path), client.get(path)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert "accept-language" not in second.get("Vary", "").lower()
    # Shared caches are not purged for API addresses: they keep nothing.
    assert "s-maxage=0" in second["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePage.objects.get(pk=article.pk)
        page.title_tr = "Boru hattı siyaseti"
        page.save_revision().publish()

    after = client.get(path)
    assert after["X-Cache"] == "MISS"
    assert after.json()["items"][0]["title"] == "Boru hattı siyaseti"


def test_the_rate_limit_answers_429_with_retry_after_per_address(client, article, settings):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_LIMIT_WINDOW = 60
    from django.core.cache import caches

    caches["default"].clear()
    statuses = [client.get("/api/v2/articles/", REMOTE_ADDR="10.0.0.1").status_code for _ in range(4)]
    other = client.get("/api/v2/articles/", REMOTE_ADDR="10.0.0.2")
    limited = client.get("/api/v2/articles/", REMOTE_ADDR="10.0.0.1")

    assert statuses == [200, 200, 200, 429]
    assert other.status_code == 200
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "Too many requests" in limited.json()["message"]
    # The reader site is not counted.
    assert client.get("/en/", REMOTE_ADDR="10.0.0.1").status_code == 200


def test_cors_allows_get_from_the_configured_origins_only(client, article, settings):
    settings.API_CORS_ALLOWED_ORIGINS = ["https://partner.example"]

    allowed = client.get("/api/v2/articles/", HTTP_ORIGIN="https://partner.example")
    refused = client.get("/api/v2/articles/", HTTP_ORIGIN="https://elsewhere.example")
    preflight = client.options(
        "/api/v2/articles/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "origin" in allowed["Vary"].lower()
    assert "Access-Control-Allow-Origin" not in refused
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Origin" not in client.get("/en/", HTTP_ORIGIN="https://partner.example")


def test_cors_for_any_origin(client, article, settings):
    settings.API_CORS_ALLOWED_ORIGINS = ["*"]
    response = client.get("/api/v2/articles/", HTTP_ORIGIN="https://anyone.example")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_without_configured_origins_no_cors_header(client, article, settings):
    settings.API_CORS_ALLOWED_ORIGINS = []
    response = client.get("/api/v2/articles/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response


def test_answers_name_their_language_and_answer_head(client, article):
    assert client.get("/api/v2/articles/?lang=ru")["Content-Language"] == "ru"
    assert client.get("/api/v2/pages/")["Content-Language"] == "en"
    # Accept-Language changes nothing: the address alone chooses.
    turkish_reader = client.get("/api/v2/articles/", HTTP_ACCEPT_LANGUAGE="tr")
    assert turkish_reader.json()["items"][0]["title"] == "Pipeline politics en"
    assert client.head(f"/api/v2/articles/{article.pk}/?lang=tr").status_code == 200
