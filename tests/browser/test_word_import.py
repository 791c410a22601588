"""An editor turns an analyst's Word file into a draft through the admin, in a real browser.

Its screenshots land in test-artifacts/ (docs/editorial-workflow.md, "Importing a Word file",
shows them from docs/screenshots/).
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect

from ankasam.articles.models import ArticlePage
from ankasam.core.roles import EDITORS
from tests.people.factories import PersonPageFactory
from tests.wordfiles.documents import PERSIAN_WORDS, analysis_docx

from . import wagtail_admin as admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-known-password-for-tests"


@pytest.fixture
def newsroom(
    database_as_migrated, live_server, no_autosave, article_index, people_index, django_user_model, tmp_path
):
    call_command("set_site_address", live_server.url)
    PersonPageFactory(parent=people_index, title_en="Leyla Kazemi", slug_en="leyla-kazemi")
    editor = django_user_model.objects.create_user("murat", "murat@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    word_file = tmp_path / "analysis.docx"
    word_file.write_bytes(analysis_docx())
    return live_server.url, article_index, word_file


def test_new_article_from_a_word_file(newsroom, page, screenshot):
    base_url, index, word_file = newsroom
    admin.log_in(page, base_url, "murat", PASSWORD)

    page.goto(admin.admin_url(base_url, "wagtailadmin_explore", index.pk))
    page.locator("header").get_by_role("button", name=re.compile("actions", re.IGNORECASE)).first.click()
    page.get_by_role("link", name="New article from a Word file").click()
    expect(page.locator("#header-title")).to_have_text("New article from a Word file")
    page.get_by_label("Word file (.docx)").set_input_files(str(word_file))
    page.get_by_label("Language of the text").select_option("en")
    screenshot("workflow-word-import-form")
    page.get_by_role("button", name="Import as a draft").click()

    article = ArticlePage.objects.get()
    expect(page).to_have_url(admin.admin_url(base_url, "wagtailadmin_pages:edit", article.pk))
    expect(page.get_by_text("was created from the Word file as a draft")).to_be_visible()
    assert page.locator("#id_title_en").input_value() == "Why Moscow Courts the Taliban"
    screenshot("workflow-word-import-draft")
    assert not article.live

    page.goto("about:blank")
    draft = article.get_latest_revision_as_object()
    assert len(draft.footnotes_en) == 9
    assert PERSIAN_WORDS in draft.footnotes_en[1].value["text"].source
