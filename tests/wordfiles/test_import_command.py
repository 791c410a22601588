"""`manage.py import_docx`: a Word file with footnotes becomes a draft article with its notes."""

import re

import pytest
from django.core.management import call_command

from ankasam.articles.models import ArticlePage

from .documents import (
    ALT_TEXT,
    BODY_LINK,
    CAPTION,
    ENDNOTE_TEXT,
    PERSIAN_NOTE,
    PERSIAN_WORDS,
    SECOND_PERSIAN_NOTE,
    SECOND_PERSIAN_WORDS,
    analysis_docx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def docx_file(tmp_path):
    path = tmp_path / "analysis.docx"
    path.write_bytes(analysis_docx())
    return path


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_docx", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_command_makes_a_draft_with_every_element_and_nine_notes(
    docx_file, article_index, kazemi, preview_of
):
    output = run(docx_file, "--parent", article_index.pk, "--language", "en")

    page = ArticlePage.objects.get()
    assert "Created the draft article" in output and "Leyla Kazemi" in output
    assert not page.live and page.has_unpublished_changes
    assert page.title_en == "Why Moscow Courts the Taliban"
    assert page.standfirst_en == "Four reasons behind a cautious courtship."
    assert [link.person for link in page.article_authors.all()] == [kazemi]
    draft = page.get_latest_revision_as_object()
    # Heading 1 is the section heading block; Heading 2 and 3, and lists, are rich text.
    assert [block.block_type for block in draft.body_en] == [
        "heading", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph",
        "table", "image", "quote", "paragraph", "paragraph",
    ]  # fmt: skip
    assert [block.value["label"] for block in draft.footnotes_en] == [str(n) for n in range(1, 10)]
    image = draft.body_en[8].value["image"]
    assert image.description_en == ALT_TEXT and draft.body_en[8].value["caption"] == CAPTION

    html = preview_of(page, "en")
    for text in (
        "<h2", "Background", "<h3>Four reasons</h3>", "<h4>The figures</h4>", "<b>never</b>",
        "<i>Islamic Emirate</i>", "<li>Security on the southern border.</li>", "<ol>", "<table",
        "Trade (m USD)", f'alt="{ALT_TEXT}"', CAPTION, "We talk to whoever holds Kabul.",
        'href="https://example.org/report"', ENDNOTE_TEXT, f'<a href="{BODY_LINK}">statement</a>',
    ):  # fmt: skip
        assert text in html, text
    # Notes numbered 1..9 in the order of the text, each linked to and back.
    numbers = [int(n) for n in re.findall(r'<a href="#fn-(\d+)" role="doc-noteref"', html)]
    assert numbers == [1, 2, 3, 4, 5, 6, 7, 8, 2, 9]
    for number in range(1, 10):
        assert f'id="fn-{number}"' in html and f'href="#fnref-{number}"' in html
    # The note cited twice is one note with a way back to each citation.
    assert 'id="fnref-2-2"' in html and 'href="#fnref-2-2"' in html
    # The Persian words arrive byte for byte; the page isolates them (<bdi>) in a left-to-right note.
    assert f'<bdi dir="rtl" lang="fa">{PERSIAN_WORDS}</bdi>», Etilaatroz, 14.03.2023.' in html
    assert f'<bdi dir="rtl" lang="fa">{SECOND_PERSIAN_WORDS}</bdi>», Radio Azadi' in html
    assert draft.footnotes_en[1].value["text"].source == f"<p>{PERSIAN_NOTE}</p>"
    assert SECOND_PERSIAN_NOTE in draft.footnotes_en[5].value["text"].source


def test_authors_not_on_the_site_are_reported_and_slugs_choose_them(docx_file, article_index, people_index):
    from ..people.factories import PersonPageFactory

    said = PersonPageFactory(parent=people_index, title_en="Omar Said", slug_en="omar-said")

    output = run(docx_file, "--parent", article_index.pk)

    assert "No person on the site is named “Leyla Kazemi”" in output
    assert ArticlePage.objects.get().article_authors.count() == 0
    assert ArticlePage.objects.get().title_en == "Why Moscow Courts the Taliban"  # English, from the file

    run(docx_file, "--parent", article_index.pk, "--language", "en", "--author", "omar-said")

    second = ArticlePage.objects.order_by("pk").last()
    assert [link.person for link in second.article_authors.all()] == [said]
    assert second.slug_en == "why-moscow-courts-the-taliban-2"
    assert not second.live
