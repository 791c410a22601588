"""A note beginning with a Persian title, on English, Russian and Turkish pages, measured in Chromium.

The note is a left-to-right paragraph with its Persian run isolated (ankasam/core/bidi.py): the
Latin source sits to the right of the Persian title on its line, and the date ends the note (on
the same line at 1280 px in English; the longer Russian note wraps before it, as Latin text does).
"""

import pytest
from django.core.management import call_command
from django.utils.translation import override

from tests.articles.factories import ACCESS_DATE, PERSIAN_TITLE, article_with_mixed_direction_note
from tests.browser import wagtail_admin as admin

SOURCE = "Hasht-e Subh"
PASSWORD = "notes-in-two-directions"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The boxes of the Persian run, the source and the date, and where the note's last line ends.
MEASURE = """
([note, texts]) => {
    function boxesOf(text) {
        const walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const start = node.data.indexOf(text);
            if (start >= 0) {
                const range = document.createRange();
                range.setStart(node, start);
                range.setEnd(node, start + text.length);
                return Array.from(range.getClientRects(), r => ({left: r.left, right: r.right, top: r.top}));
            }
        }
        return [];
    }
    const all = document.createRange();
    all.selectNodeContents(note);
    const rects = Array.from(all.getClientRects());
    const lastTop = Math.max(...rects.map(r => r.top));
    return {
        boxes: texts.map(boxesOf),
        lines: new Set(rects.map(r => Math.round(r.top))).size,
        lastTop: lastTop,
        lastLineRight: Math.max(...rects.filter(r => r.top > lastTop - 2).map(r => r.right)),
        direction: getComputedStyle(note).direction,
    };
}
"""


@pytest.fixture(autouse=True)
def default_site(database_as_migrated):
    """Each test here starts from the database as migrated (default site, home page)."""


@pytest.fixture
def mixed_note_article(live_server, article_index):
    call_command("set_site_address", live_server.url)
    return article_with_mixed_direction_note(article_index)


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_the_date_follows_the_persian_title_on_its_line(
    live_server, mixed_note_article, page, screenshot, language
):
    with override(language):
        page.goto(live_server.url + mixed_note_article.get_url())
    note = page.locator("#fn-1 .footnote__text")

    measured = page.evaluate(MEASURE, [note.element_handle(), [PERSIAN_TITLE, SOURCE, ACCESS_DATE]])
    screenshot(f"mixed-direction-note-{language}")

    assert measured["direction"] == "ltr"
    assert note.locator("bdi").get_attribute("dir") == "rtl"
    assert note.locator("bdi").get_attribute("lang") == "fa"
    [title], [source], date = measured["boxes"]
    assert abs(source["top"] - title["top"]) < 2, "the source stays on the Persian title's line"
    assert source["left"] > title["right"], "the source is to the right of the Persian title"
    assert abs(date[-1]["top"] - measured["lastTop"]) < 2, "the date is on the note's last line"
    assert date[-1]["right"] == pytest.approx(measured["lastLineRight"], abs=1), "the date ends the note"
    if abs(date[0]["top"] - title["top"]) < 2:
        assert date[0]["left"] > source["right"], "on the title's line, the date is to its right"
    if language == "en":
        assert measured["lines"] == 1, "the English note fits one line at 1280 px"


def test_the_editor_keeps_each_notes_field_in_its_languages_direction(
    live_server, mixed_note_article, page, screenshot, django_user_model, no_autosave
):
    # Draft.js would turn the note right to left from its first letter (translations/editor_direction.py).
    django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    admin.log_in(page, live_server.url, "chief", PASSWORD)
    admin.open_edit_view(page, live_server.url, mixed_note_article.pk)
    notes = {
        language: page.locator(
            f'[data-contentpath="footnotes_{language}"] .public-DraftStyleDefault-block', has_text=SOURCE
        )
        for language in ["en", "ru", "tr"]
    }
    notes["en"].scroll_into_view_if_needed()

    measured = page.evaluate(MEASURE, [notes["en"].element_handle(), [PERSIAN_TITLE, SOURCE, ACCESS_DATE]])
    screenshot("mixed-direction-note-editor")

    # Draft.js marks the paragraph as right to left; the field's language overrides it.
    assert "public-DraftStyleDefault-rtl" in notes["en"].get_attribute("class")
    [title], [source], date = measured["boxes"]
    assert abs(source["top"] - title["top"]) < 2, "the source stays on the Persian title's line"
    assert source["left"] > title["right"], "the source is to the right of the Persian title"
    assert date[-1]["right"] == pytest.approx(measured["lastLineRight"], abs=1), "the date ends the note"
    directions = {
        language: note.evaluate("n => getComputedStyle(n).direction") for language, note in notes.items()
    }
    assert directions == {"en": "ltr", "ru": "ltr", "tr": "ltr"}
