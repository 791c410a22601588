"""Issue 19, items 2 and 3, with the real editor: a footnote added from the body's toolbar, and
notes pasted as [1]-style text converted into footnotes; both give what typing [^1] gives.

Screenshots land in test-artifacts/ (docs/editorial-workflow.md shows them from docs/screenshots/).
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from ankasam.articles.models import ArticlePage
from tests.people.factories import PersonPageFactory

from . import wagtail_admin as admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-known-password-for-tests"
FIRST_NOTE = "Regulator's decision no. 14, 12 January 2026."
SECOND_NOTE = "«گزارش سالانه گاز» (Tehran, 2025), p. 4."


@pytest.fixture
def newsroom(database_as_migrated, live_server, no_autosave, article_index, people_index):
    call_command("set_site_address", live_server.url)
    PersonPageFactory(parent=people_index, title_en="Selin Kaya")
    get_user_model().objects.create_superuser("murat", "murat@example.org", PASSWORD)
    return live_server.url, article_index


def start(page, newsroom, title):
    base_url, index = newsroom
    # Wagtail's editor with its minimap open needs more than 1280 px: narrower, focusing a field
    # scrolls the form sideways under the sidebar.
    page.set_viewport_size({"width": 1440, "height": 900})
    admin.log_in(page, base_url, "murat", PASSWORD)
    admin.start_article(page, base_url, index.pk)
    admin.fill_title(page, title)
    admin.add_author(page, "Selin Kaya")


def stored(html: str) -> str:
    """The markup and text, parsed: Draftail tags each paragraph with a random block key, and
    writes an apostrophe as it is where the converter writes &#x27;."""
    return str(BeautifulSoup(re.sub(r' data-block-key="[^"]*"', "", html), "html.parser"))


def notes_of(article) -> tuple[list, list]:
    """The draft's English paragraphs and notes, as stored."""
    draft = article.get_latest_revision_as_object()
    body = [stored(block.value.source) for block in draft.body_en if block.block_type == "paragraph"]
    notes = [(block.value["label"], stored(block.value["text"].source)) for block in draft.footnotes_en]
    return body, notes


def add_note_at_the_end(page, paragraph, note_text, *, by, on_menu=None):
    """Put the cursor at the paragraph's end and add a note there `by` the "/" menu, or by the
    toolbar (which shows over selected words: the reference goes after them)."""
    editor = paragraph.locator("[data-draftail-editor]").get_by_role("textbox")
    editor.click()
    page.keyboard.press("End")
    if by == "command":
        page.keyboard.type("/footn")
        option = page.get_by_role("option", name="Footnote")
        expect(option).to_be_visible()
        if on_menu:
            on_menu()
        option.click()
    else:
        page.keyboard.press("Shift+ArrowLeft")
        page.get_by_role("toolbar").get_by_role("button", name="Footnote").click()
    notes = page.locator(
        '[data-contentpath="footnotes_en"] [data-contentpath="text"] [contenteditable="true"]'
    )
    expect(notes.last).to_be_focused()
    page.keyboard.type(note_text)
    expect(notes.last).to_have_text(note_text)
    admin._expect_stored(
        page.locator('[data-contentpath="footnotes_en"] [data-streamfield-child]').last, note_text
    )


def test_the_toolbar_adds_a_reference_and_its_note(page, newsroom, screenshot):
    start(page, newsroom, "Gas Tariffs in the South Caucasus")
    admin.add_paragraph(page, "Tariffs rose twice this winter.")
    paragraphs = page.locator('[data-contentpath="body_en"] [data-streamfield-child]')
    add_note_at_the_end(
        page, paragraphs.first, FIRST_NOTE, by="command", on_menu=lambda: screenshot("workflow-note-command")
    )
    screenshot("workflow-note-added")

    admin.add_paragraph(page, "Households pay the difference.")
    add_note_at_the_end(page, paragraphs.last, SECOND_NOTE, by="toolbar")
    expect(paragraphs.first.get_by_role("textbox")).to_have_text("Tariffs rose twice this winter.[^1]")
    expect(paragraphs.last.get_by_role("textbox")).to_have_text("Households pay the difference.[^2]")
    labels = page.locator('[data-contentpath="footnotes_en"] [data-contentpath="label"] input')
    assert [labels.nth(i).input_value() for i in range(labels.count())] == ["1", "2"]
    admin.save_draft(page)

    body, notes = notes_of(ArticlePage.objects.get())
    assert body == [
        "<p>Tariffs rose twice this winter.[^1]</p>",
        "<p>Households pay the difference.[^2]</p>",
    ]
    # The Persian note is kept byte for byte.
    assert notes == [("1", f"<p>{FIRST_NOTE}</p>"), ("2", f"<p>{SECOND_NOTE}</p>")]


def paste(page, editor, html: str, text: str) -> None:
    """What the browser does on Ctrl+V: a paste event carrying the clipboard's HTML and text."""
    editor.click()
    editor.evaluate(
        """(element, [html, text]) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', text);
            const event = { clipboardData: data, bubbles: true, cancelable: true };
            element.dispatchEvent(new ClipboardEvent('paste', event));
        }""",
        [html, text],
    )


PASTED_HTML = (
    "<p>Tariffs rose twice this winter.[1] Households pay the difference.[2]</p>"
    "<p>Notes</p>"
    f"<p>1. {FIRST_NOTE}</p>"
    f"<p>2. {SECOND_NOTE}</p>"
)
PASTED_TEXT = (
    "Tariffs rose twice this winter.[1] Households pay the difference.[2]\n\nNotes\n\n"
    f"1. {FIRST_NOTE}\n\n2. {SECOND_NOTE}"
)


def test_pasted_notes_converted_are_the_notes_typed(page, newsroom, screenshot):
    # Typed: the markers and the notes by hand.
    start(page, newsroom, "Typed by hand")
    admin.add_paragraph(page, "Tariffs rose twice this winter.[^1] Households pay the difference.[^2]")
    admin.add_footnote(page, "1", FIRST_NOTE)
    admin.add_footnote(page, "2", SECOND_NOTE)
    admin.save_draft(page)
    typed = ArticlePage.objects.get(title_en="Typed by hand")

    # Pasted from a word processor, then converted.
    base_url, index = newsroom
    admin.start_article(page, base_url, index.pk)
    admin.fill_title(page, "Pasted from Word")
    admin.add_author(page, "Selin Kaya")
    block = admin._append_block(page, "body", "Paragraph")
    editor = block.locator("[data-draftail-editor]").get_by_role("textbox")
    paste(page, editor, PASTED_HTML, PASTED_TEXT)
    expect(editor).to_contain_text(SECOND_NOTE)
    admin._expect_stored(block, "Households pay the difference.[2]")
    admin.save_draft(page)

    offer = page.locator(".messages li", has_text="2 notes found at the end of the EN text")
    expect(offer).to_be_visible()
    screenshot("workflow-pasted-notes-offer")
    offer.get_by_role("link", name="Convert pasted notes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Convert pasted notes")
    screenshot("workflow-pasted-notes-confirm")
    page.get_by_role("button", name="Convert pasted notes").click()
    admin.expect_success_message(page, "2 notes of the EN text are now footnotes")

    pasted = ArticlePage.objects.get(title_en="Pasted from Word")
    assert notes_of(pasted) == notes_of(typed)
