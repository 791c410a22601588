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
