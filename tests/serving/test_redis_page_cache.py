"""With REDIS_URL, the page cache lives in Redis (Django's own backend), shared by every server."""

import os
from urllib.parse import urlparse

import pytest
from django.core.cache import caches
from django.utils import translation

from ankasam.serving import page_cache

from ..articles.factories import create_article
from ..services import port_answers, require

pytestmark = pytest.mark.django_db

# A database number of its own, so the test never touches another user's keys.
REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


@pytest.fixture
def redis_pages(settings):
    address = urlparse(REDIS_TEST_URL)
    require(
        port_answers(address.hostname, address.port or 6379),
        f"Redis is not answering at {REDIS_TEST_URL}",
    )
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": "pages-test",
            "TIMEOUT": None,
        },
    }
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def test_pages_are_stored_in_redis_and_cleared_by_a_publish(
    client, article_index, redis_pages, django_capture_on_commit_callbacks
):
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(redis_pages, RedisCache)
    article = create_article(article_index, title="Trans-Caspian Cable")
    with translation.override("en"):
        address = article.get_url()

    assert client.get(address)["X-Cache"] == "MISS"
    assert client.get(address)["X-Cache"] == "HIT"
    assert redis_pages.get(page_cache.GENERATION_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert client.get(address)["X-Cache"] == "MISS"
    assert client.get("/healthz").status_code == 200


def test_readers_get_pages_while_redis_is_down_and_a_publish_still_succeeds(
    client, article_index, settings, caplog, django_capture_on_commit_callbacks
):
    # A port nothing listens on: every cache call fails as it does while Redis restarts.
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        },
    }
    settings.PAGE_CACHE_ENABLED = True
    article = create_article(article_index, title="Black Sea Ferries")
    with translation.override("en"):
        address = article.get_url()

    response = client.get(address)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert response.status_code == 200
    assert "Black Sea Ferries" in response.content.decode()
    assert "X-Cache" not in response
    assert client.get("/healthz").status_code == 503
    messages = [record.getMessage() for record in caplog.records if record.name.startswith("ankasam.serving")]
    assert any("Page cache unavailable, page rendered" in message for message in messages)
    assert any("not cleared" in message for message in messages)
