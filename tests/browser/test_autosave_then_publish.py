"""Issue 19, item 4: Wagtail 8's autosave creates the page while the editor is still typing; the
editor's "Publish" must then publish that page, not post a second copy that clashes with it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from ankasam.articles.models import ArticlePage
from tests.people.factories import PersonPageFactory

from . import wagtail_admin as admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-known-password-for-tests"
TITLE = "Gas Prices in the South Caucasus"


@pytest.fixture
def newsroom(database_as_migrated, live_server, settings, article_index, people_index):
    # Autosave on, as in production (Wagtail's default interval, said here so the test does not
    # depend on another test's settings).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    call_command("set_site_address", live_server.url)
    PersonPageFactory(parent=people_index, title_en="Selin Kaya")
    get_user_model().objects.create_superuser("murat", "murat@example.org", PASSWORD)
    return live_server.url, article_index


def test_an_article_autosaved_while_typing_is_published_as_one_page(page, newsroom):
    base_url, index = newsroom
    admin.log_in(page, base_url, "murat", PASSWORD)
    admin.start_article(page, base_url, index.pk)
    admin.fill_title(page, TITLE)
    admin.add_author(page, "Selin Kaya")
    admin.add_paragraph(page, "Tariffs rose twice this winter.[^1]")
    admin.add_footnote(page, "1", "Regulator's decision of 12 January.")

    # The form is valid: autosave creates the page in the background, the editor still typing.
    admin.wait_for_autosave(page)
    assert ArticlePage.objects.count() == 1
    admin.add_paragraph(page, "Households pay the difference.")
    admin.publish(page)

    (article,) = ArticlePage.objects.all()
    assert article.live and article.title_en == TITLE


def test_publish_clicked_while_the_first_autosave_is_on_its_way_publishes_that_page(page, newsroom):
    """The issue's clash: the autosave has created the page, its answer has not reached the
    browser, and the editor clicks Publish. The answer is held here until after the click."""
    base_url, index = newsroom
    held = []

    def is_autosave(request):
        return request.method == "POST" and "application/json" in (request.headers.get("accept") or "")

    def hold_the_first_autosave_answer(route):
        if held or not is_autosave(route.request):
            route.continue_()
            return
        held.append((route, route.fetch()))  # the server has created the page

    admin.log_in(page, base_url, "murat", PASSWORD)
    admin.start_article(page, base_url, index.pk)
    page.route("**/pages/add/**", hold_the_first_autosave_answer)
    with page.expect_request(is_autosave, timeout=30_000):
        admin.fill_title(page, TITLE)
        admin.add_author(page, "Selin Kaya")
        admin.add_paragraph(page, "Tariffs rose twice this winter.[^1]")
        admin.add_footnote(page, "1", "Regulator's decision of 12 January.")
    # Each round trip to the browser lets Playwright run the route handler; no sleeping.
    for _ in range(10_000):
        if held:
            break
        page.evaluate("0")
    assert held and ArticlePage.objects.count() == 1

    admin.click_publish(page)
    route, answer = held[0]
    route.fulfill(response=answer)

    expect(page.locator(".messages li.success").first).to_contain_text("published", timeout=15_000)
    (article,) = ArticlePage.objects.all()
    assert article.live and article.title_en == TITLE


def test_a_new_article_left_unsaved_is_listed_as_the_editors_own_draft(page, newsroom, screenshot):
    """Issue 19, item 4: autosave has made the abandoned form a page; it must not be lost among
    other people's pages, so the dashboard lists it, as a draft, under the editor's own edits."""
    base_url, index = newsroom
    admin.log_in(page, base_url, "murat", PASSWORD)
    admin.start_article(page, base_url, index.pk)
    admin.fill_title(page, TITLE)
    admin.add_author(page, "Selin Kaya")
    admin.add_paragraph(page, "Tariffs rose twice this winter.")
    admin.wait_for_autosave(page)

    page.goto(admin.admin_url(base_url, "wagtailadmin_home"))  # away, without saving
    mine = page.get_by_role("region", name="Your unpublished drafts")
    row = mine.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))
    expect(row).to_contain_text(re.compile(r"\bdraft\b", re.IGNORECASE))
    screenshot("workflow-unpublished-drafts")
    row.get_by_role("link", name=TITLE, exact=True).click()
    expect(page).to_have_url(
        admin.admin_url(base_url, "wagtailadmin_pages:edit", ArticlePage.objects.get().pk)
    )
    (article,) = ArticlePage.objects.all()
    assert article.owner.username == "murat" and not article.live
