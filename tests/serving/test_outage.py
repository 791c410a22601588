"""While the database is away readers get a translated 503 and the log one line per request."""

import logging

import pytest
from django.db import OperationalError
from django.test import Client
from wagtail.models import Site

from ankasam.serving import views

pytestmark = pytest.mark.django_db


def database_down(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@pytest.fixture
def reader():
    # As a real server does: an exception becomes the error page instead of reaching the test.
    return Client(raise_request_exception=False)


@pytest.fixture
def outage(monkeypatch, home_page):
    monkeypatch.setattr(Site, "find_for_request", database_down)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/", "Back in a moment"),
        ("/tr/", "Birazdan döneceğiz"),
        ("/ru/", "Скоро вернёмся"),
    ],
)
def test_readers_get_a_translated_503_with_retry_after(reader, outage, path, text):
    response = reader.get(path)

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert text in html
    assert f'lang="{path.strip("/")}"' in html


def test_each_failed_request_logs_one_line(reader, outage, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        reader.get("/en/")

    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    assert records[0].exc_info is None
    message = records[0].getMessage()
    assert "Database unavailable" in message and "GET /en/" in message
    assert "\n" not in message


def test_other_errors_stay_500_with_their_traceback(reader, monkeypatch, home_page, caplog):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(Site, "find_for_request", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = reader.get("/en/")

    assert response.status_code == 500
    assert caplog.records[-1].exc_info is not None


def test_an_outage_is_not_stored_by_the_page_cache(reader, outage, page_cache_on, monkeypatch):
    reader.get("/en/")
    monkeypatch.undo()

    assert reader.get("/en/").status_code == 200


def test_health_answers_200_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_without_the_database(client, monkeypatch):
    monkeypatch.setattr(views, "database_answers", lambda: False)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"database" in response.content


def test_health_answers_503_without_the_cache(client, monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(views, "current_generation", refused)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"cache" in response.content


def test_health_really_asks_the_database(client, monkeypatch):
    from django.db import connection

    monkeypatch.setattr(connection, "cursor", database_down)

    assert client.get("/healthz").status_code == 503
