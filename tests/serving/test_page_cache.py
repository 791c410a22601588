"""The page cache answers anonymous readers, and nobody else, with what they may see now."""

import datetime

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from ankasam.articles.content import write_article_translation
from ankasam.articles.models import ArticlePage
from ankasam.serving import page_cache

from ..articles.factories import create_article, text_with_notes, written_in
from ..editorial.conftest import make_user

pytestmark = pytest.mark.django_db


def path_of(page, language="en"):
    with translation.override(language):
        return page.get_url()


@pytest.fixture
def article(article_index, page_cache_on):
    return create_article(article_index, title="Caspian Gas Routes")


def test_the_second_anonymous_request_is_answered_from_the_cache(client, article, django_assert_num_queries):
    first = client.get(path_of(article))
    with django_assert_num_queries(0):
        second = client.get(path_of(article))

    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Caspian Gas Routes" in second.content.decode()


def test_cached_answers_tell_shared_caches_how_long_to_keep_them(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get(path_of(article))
    response = client.get(path_of(article))

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0"} <= directives
    s_maxage = next(int(d.split("=")[1]) for d in directives if d.startswith("s-maxage="))
    assert 0 < s_maxage <= 300


def test_head_is_answered_from_what_get_stored(client, article):
    client.get(path_of(article))
    assert client.head(path_of(article))["X-Cache"] == "HIT"


def test_each_query_string_is_its_own_page(client, article, article_index):
    index = path_of(article_index)
    client.get(index + "?year=2026")

    assert client.get(index + "?year=2025")["X-Cache"] == "MISS"
    assert client.get(index + "?year=2026")["X-Cache"] == "HIT"


def test_a_signed_in_editor_is_never_served_nor_stored(client, article, team):
    client.force_login(team["editor"])
    editor_view = client.get(path_of(article))
    assert "X-Cache" not in editor_view
    assert client.get(path_of(article)).get("X-Cache") is None

    client.logout()
    # The editor's page was not stored: the first anonymous request renders its own.
    assert client.get(path_of(article))["X-Cache"] == "MISS"
    client.force_login(team["editor"])
    assert client.get(path_of(article)).get("X-Cache") is None


def test_posts_and_the_admin_are_never_cached(client, article, team):
    assert client.post(path_of(article)).get("X-Cache") is None
    assert client.get("/admin/login/").get("X-Cache") is None
    assert client.get("/admin/login/").get("X-Cache") is None


def test_a_password_protected_page_is_never_stored(client, article):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    client.get(path_of(article))
    second = client.get(path_of(article))

    assert second["X-Cache"] == "MISS"
    assert "s3cret" not in second.content.decode()
    assert "private" in second["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_not_stored():
    from django.http import HttpResponse

    response = HttpResponse("hello")
    response.set_cookie("django_language", "tr")

    assert not page_cache.response_is_cacheable(response)
    assert page_cache.response_is_cacheable(HttpResponse("hello"))


def test_a_request_carrying_a_session_is_not_served_from_the_cache(settings, page_cache_on):
    request = RequestFactory().get("/en/")
    assert page_cache.request_is_cacheable(request)
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert not page_cache.request_is_cacheable(request)


def test_the_not_in_this_language_page_is_cached_until_the_language_is_published(
    client, article_index, page_cache_on, django_capture_on_commit_callbacks
):
    article = create_article(article_index, translations=written_in("Baku", "en"))
    turkish_address = path_of(article, "tr")
    assert client.get(turkish_address).status_code == 404
    assert client.get(turkish_address)["X-Cache"] == "HIT"

    page = ArticlePage.objects.get(pk=article.pk)
    blocks, notes = text_with_notes(1)
    write_article_translation(page, "tr", title="Bakü Boru Hattı", blocks=blocks, notes=notes)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert client.get(turkish_address).get("X-Cache") != "HIT"
    page.refresh_from_db()
    response = client.get(path_of(page, "tr"))
    assert response.status_code == 200
    assert response["X-Cache"] == "MISS"
    assert "Bakü Boru Hattı" in response.content.decode()


def test_a_page_rendered_before_a_publish_is_never_served_after_it(article, rf):
    request = rf.get(path_of(article))
    generation, _ = page_cache.lookup(request)
    rendered_from_old_data = page_cache.HttpResponse(b"old")
    page_cache.forget_cached_pages()  # a publish commits while the page renders
    page_cache.store(request, rendered_from_old_data, generation)

    assert page_cache.lookup(request)[1] is None


def test_a_stored_page_is_not_kept_past_the_next_expiry(client, article_index, page_cache_on, monkeypatch):
    expiring = create_article(
        article_index, title="Short-lived", expire_at=timezone.now() + datetime.timedelta(seconds=90)
    )
    response = client.get(path_of(article_index))
    assert "Short-lived" in response.content.decode()
    s_maxage = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert s_maxage <= 90

    later = timezone.now() + datetime.timedelta(seconds=91)
    monkeypatch.setattr(timezone, "now", lambda: later)
    after_expiry = client.get(path_of(article_index))
    assert after_expiry["X-Cache"] == "MISS"
    assert "Short-lived" not in after_expiry.content.decode()
    assert expiring.pk


def test_an_emptied_cache_starts_a_new_generation(article, client):
    client.get(path_of(article))
    caches["pages"].delete(page_cache.GENERATION_KEY)

    assert client.get(path_of(article))["X-Cache"] == "MISS"
    assert client.get(path_of(article))["X-Cache"] == "HIT"


def test_off_by_setting(client, article, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(path_of(article))
    assert "X-Cache" not in client.get(path_of(article))


@pytest.fixture
def team(db):
    from ankasam.core.roles import EDITORS

    return {"editor": make_user("editor", EDITORS)}


def test_an_answer_in_the_readers_language_outside_a_prefix_is_not_stored(client, page_cache_on):
    client.get("/feed.xml", HTTP_ACCEPT_LANGUAGE="tr")
    response = client.get("/feed.xml", HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 404
    assert response["X-Cache"] == "MISS"
    assert "Accept-Language" in response["Vary"]
