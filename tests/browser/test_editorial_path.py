"""The whole editorial path in a real browser: write, submit, request changes, fix, approve, read.

Each person has a browser context of their own, as they would have a computer of their own.
Screenshots of each step land in test-artifacts/ (docs/editorial-workflow.md uses them).
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from ankasam.articles.models import ArticlePage
from ankasam.core.roles import CONTRIBUTORS, EDITORS
from tests.people.factories import PersonPageFactory

from . import wagtail_admin as admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-known-password-for-tests"
TITLE = "Caspian Trade Routes after the Sanctions"
FIRST_DRAFT = "Transit through the corridor doubled in 2025.[^1] Freight rates followed.[^2]"
FIX = "Transit through the corridor doubled in 2025, by customs count.[^1] Freight rates followed.[^2]"
COMMENT = "Please say whose count the 2025 figure is."


@pytest.fixture
def newsroom(live_server, no_autosave, article_index, people_index, django_user_model):
    call_command("set_site_address", live_server.url)
    bios = {
        "Selin Kaya": "<p>Selin Kaya follows transport corridors across the Caspian.</p>",
        "Ivan Petrov": "<p>Ivan Petrov writes on Russian and Central Asian trade policy.</p>",
    }
    for name, bio in bios.items():
        # No short bio: the article ends with the first sentence of the bio.
        PersonPageFactory(parent=people_index, title_en=name, bio_en=bio, short_bio_en="")
    people = {}
    for username, group in (("selin", CONTRIBUTORS), ("murat", EDITORS)):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=username.title()
        )
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    return live_server.url, article_index


@pytest.fixture
def session(browser):
    """A fresh browser (context) per person; closed at the end of the test."""
    contexts = []

    def open_as(username=None):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


def test_from_draft_to_published(newsroom, session, screenshot_of):
    base_url, index = newsroom

    # The contributor writes the piece with two footnotes and a co-author, and submits it.
    contributor = session()
    admin.log_in(contributor, base_url, "selin", PASSWORD)
    admin.start_article(contributor, base_url, index.pk)
    admin.fill_title(contributor, TITLE)
    admin.fill_standfirst(contributor, "Who gains when Caspian freight moves south.")
    admin.add_paragraph(contributor, FIRST_DRAFT)
    admin.add_footnote(contributor, "1", "Customs statistics, 2025 yearbook, table 4.")
    admin.add_footnote(contributor, "2", "Ibid., table 9.")
    screenshot_of(contributor, "workflow-1-contributor-draft")
    admin.add_author(contributor, "Selin Kaya")
    admin.add_author(contributor, "Ivan Petrov")
    screenshot_of(contributor, "workflow-1b-co-author")
    admin.save_draft(contributor)
    article_id = admin.edited_page_id(contributor)
    admin.submit_for_review(contributor)
    article = ArticlePage.objects.get(pk=article_id)
    assert article.workflow_in_progress and not article.live

    # The editor finds it on the dashboard and requests a change.
    editor = session()
    admin.log_in(editor, base_url, "murat", PASSWORD)
    assert TITLE in admin.awaiting_review(editor, base_url)
    screenshot_of(editor, "workflow-2-editor-dashboard")
    mail.outbox.clear()
    admin.open_edit_view(editor, base_url, article_id)
    admin.request_changes(
        editor, COMMENT, on_dialog=lambda: screenshot_of(editor, "workflow-3-request-changes")
    )
    (notice,) = [m for m in mail.outbox if "selin@example.org" in m.to]
    assert COMMENT in notice.body

    # The contributor sees the comment, fixes the text and resubmits.
    admin.open_edit_view(contributor, base_url, article_id)
    expect(contributor.get_by_text(COMMENT).first).to_be_attached()
    admin.replace_paragraph(contributor, FIX)
    admin.submit_for_review(contributor)

    # The editor approves, which publishes.
    admin.open_edit_view(editor, base_url, article_id)
    admin.approve_and_publish(editor)
    article = ArticlePage.objects.get(pk=article_id)
    assert article.live

    # A reader with no account reads it: numbered footnotes, both authors introduced.
    reader = session()
    reader.goto(base_url + article.get_url())
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader.locator("main")).to_contain_text("by customs count")
    expect(reader.locator("#fnref-1 a")).to_have_text("1")
    expect(reader.locator("#fnref-2 a")).to_have_text("2")
    expect(reader.locator("#fn-2")).to_contain_text("Ibid., table 9.")
    bios = reader.locator(".author-bios")
    expect(bios).to_contain_text("follows transport corridors")
    expect(bios).to_contain_text("Russian and Central Asian trade policy")
    expect(reader.locator(".byline")).to_contain_text(re.compile("Selin Kaya.+Ivan Petrov"))
    screenshot_of(reader, "workflow-4-published", full_page=True)
