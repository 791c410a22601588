"""A page rendered while a change was committed is not handed to shared caches."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from ankasam.serving import page_cache
from ankasam.serving.middleware import PageCacheMiddleware


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    page_cache.page_cache().clear()


def render(during=None):
    def view(request):
        if during is not None:
            during()
        return HttpResponse("<p>the page</p>")

    return PageCacheMiddleware(view)(RequestFactory().get("/en/analyses/"))


def test_a_page_rendered_undisturbed_is_stored_and_shareable(db):
    response = render()

    assert "s-maxage=" in response["Cache-Control"]
    assert render().headers["X-Cache"] == "HIT"


def test_a_page_rendered_across_a_publish_is_neither_stored_nor_shareable(db):
    response = render(during=page_cache.forget_cached_pages)

    assert "s-maxage" not in response.get("Cache-Control", "")
    assert render().headers["X-Cache"] == "MISS"
