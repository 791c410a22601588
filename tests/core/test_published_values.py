"""Values kept until the next publish (core/published.py): the header and footer, the routes and
the view restrictions show every publishing event at once, as the page cache does."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ankasam.core.published import (
    many_cached_until_published,
    seconds_until_next_expiry,
    start_new_generation,
)
from ankasam.identity.models import SiteIdentity

from ..articles.factories import create_article
from ..pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def publish(page, callbacks):
    with callbacks(execute=True):
        page.save_revision().publish()


def test_a_section_published_since_shows_in_the_header_and_the_footer(
    client, home_page, published_values_cached, django_capture_on_commit_callbacks
):
    assert "Our partners" not in client.get("/en/").content.decode()
    section = StandardPageFactory(parent=home_page, title="Our partners", slug="partners", live=False)
    section.show_in_menus = True
    section.show_in_footer = True

    publish(section, django_capture_on_commit_callbacks)

    html = client.get("/en/").content.decode()
    assert html.count('href="/en/partners/"') == 2  # the header's and the footer's link


def test_a_new_tagline_shows_once_saved(
    client, home_page, published_values_cached, django_capture_on_commit_callbacks
):
    client.get("/en/")
    identity = SiteIdentity.load()
    identity.tagline = "Kept until changed."
    with django_capture_on_commit_callbacks(execute=True):
        identity.save()

    assert "Kept until changed." in client.get("/en/").content.decode()


def test_a_renamed_address_answers_and_the_old_one_redirects_to_it(
    client, article_index, published_values_cached, django_capture_on_commit_callbacks
):
    article = create_article(article_index, title="Old name")
    old_address = article.url
    assert client.get(old_address).status_code == 200

    article.slug = "new-name"
    publish(article, django_capture_on_commit_callbacks)

    old = client.get(old_address)  # Wagtail's redirect, made on the rename, not the route kept before
    assert (old.status_code, old["Location"]) == (301, "/en/analyses/new-name/")
    assert client.get("/en/analyses/new-name/").status_code == 200


def test_an_unpublished_page_is_gone_at_once(
    client, article_index, published_values_cached, django_capture_on_commit_callbacks
):
    article = create_article(article_index)
    assert client.get(article.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert client.get(article.url).status_code == 404


def test_a_new_version_of_a_kept_page_is_served_at_once(
    client, article_index, published_values_cached, django_capture_on_commit_callbacks
):
    article = create_article(article_index, title="First version")
    assert "First version" in client.get(article.url).content.decode()

    article.title = "Second version"
    publish(article, django_capture_on_commit_callbacks)

    html = client.get(article.url).content.decode()
    assert "Second version" in html
    assert "First version" not in html


def test_the_home_page_published_since_shows_at_once(
    client, home_page, published_values_cached, django_capture_on_commit_callbacks
):
    client.get("/en/")  # the site kept, with its home page
    home_page.intro = "A newer introduction."
    publish(home_page, django_capture_on_commit_callbacks)

    assert "A newer introduction." in client.get("/en/").content.decode()


def test_a_kept_page_is_gone_once_its_expiry_passes(
    client, article_index, published_values_cached, monkeypatch
):
    expiry = timezone.now() + datetime.timedelta(seconds=90)
    article = create_article(article_index, expire_at=expiry)
    assert client.get(article.url).status_code == 200

    # Before the timer that unpublishes it (a new generation) has run.
    monkeypatch.setattr(timezone, "now", lambda: expiry + datetime.timedelta(seconds=1))
    assert client.get(article.url).status_code == 404


def test_a_restriction_added_since_applies_at_once(
    client, article_index, published_values_cached, django_capture_on_commit_callbacks
):
    article = create_article(article_index, title="Soon private")
    assert "Soon private" in client.get(article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=article_index, restriction_type="password", password="x")

    html = client.get(article.url).content.decode()
    assert "Soon private" not in html
    assert 'name="password"' in html


def test_many_values_are_read_in_one_go_and_only_the_missing_computed(published_values_cached):
    asked = []

    def compute(indexes):
        asked.append(list(indexes))
        return [f"value {index}" for index in indexes]

    assert many_cached_until_published(["a", "b"], compute) == ["value 0", "value 1"]
    assert many_cached_until_published(["b", "c", "a"], compute) == ["value 1", "value 1", "value 0"]
    assert asked == [[0, 1], [1]]

    start_new_generation()
    assert many_cached_until_published(["a"], compute) == ["value 0"]
    assert asked[-1] == [0]


def test_the_next_expiry_is_asked_once_per_generation(
    article_index, published_values_cached, django_assert_num_queries, settings
):
    create_article(article_index, expire_at=timezone.now() + datetime.timedelta(seconds=90))
    first = seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS)
    assert 0 < first <= 90

    with django_assert_num_queries(0):
        assert 0 < seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS) <= first


def test_a_kept_expiry_that_has_passed_is_asked_again(
    article_index, published_values_cached, monkeypatch, settings
):
    soon, later = (timezone.now() + datetime.timedelta(seconds=s) for s in (90, 300))
    create_article(article_index, expire_at=soon)
    create_article(article_index, expire_at=later)
    assert seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS) <= 90

    # The first page has expired, and the timer that unpublishes it (a new generation) is late.
    monkeypatch.setattr(timezone, "now", lambda: soon + datetime.timedelta(seconds=1))
    assert 90 < seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS) <= 209


def test_an_expiry_published_since_counts_at_once(
    article_index, published_values_cached, django_capture_on_commit_callbacks, settings
):
    article = create_article(article_index)
    assert seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS) == settings.PAGE_CACHE_SECONDS

    article.expire_at = timezone.now() + datetime.timedelta(seconds=60)
    publish(article, django_capture_on_commit_callbacks)

    assert seconds_until_next_expiry(settings.PAGE_CACHE_SECONDS) <= 60
