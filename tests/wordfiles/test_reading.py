"""Reading a Word file: what is kept, what is dropped and reported."""

import io
import zipfile

import pytest
from docx import Document

from ankasam.wordfiles.limits import WordFileRefused
from ankasam.wordfiles.reading import read_word_file
from ankasam.wordfiles.report import ImportReport

from .documents import FIELD_LINK, analysis_docx, docx_with_leftovers


def test_tracked_changes_are_accepted_and_comments_text_boxes_and_fields_reported():
    document = read_word_file(docx_with_leftovers())

    assert "The ministry agreed" in document.body_html
    assert "REMOVED WORDS" not in document.body_html
    assert "BOXED TEXT" not in document.body_html and "Beside a box." in document.body_html
    assert "Page 7" in document.body_html and "PAGE" not in document.body_html
    assert "Check this figure" not in document.body_html
    assert f'See <a href="{FIELD_LINK}">the field link</a>' in document.body_html
    assert document.images == []  # the picture in the table cell
    warnings = ImportReport(language="en", dropped=document.dropped).warnings()
    assert "1 comment was left out." in warnings
    assert "2 tracked changes were accepted (insertions kept, deletions left out)." in warnings
    assert "1 text box was left out, with its text." in warnings
    assert "Fields were replaced by the text they showed: PAGE ×1." in warnings
    assert "1 picture in a note or a table was left out: they hold text only." in warnings


def test_footnotes_and_endnotes_share_one_numbering_in_reading_order():
    document = read_word_file(analysis_docx())

    assert [note.label for note in document.notes] == [str(n) for n in range(1, 10)]
    assert document.body_html.count("[^2]") == 2  # cited twice, one note
    assert document.notes[-1].html == "<p>This paper was first given as a talk in Ankara.</p>"
    # Formatting and links in notes are kept.
    assert "<i>Statement</i>" in document.notes[0].html
    assert '<a href="https://example.org/report">the report</a>' in document.notes[2].html


def test_title_standfirst_authors_and_language_come_from_the_document():
    document = read_word_file(analysis_docx(author="Leyla Kazemi; Omar Said"))

    assert document.title == "Why Moscow Courts the Taliban"
    assert document.standfirst == "Four reasons behind a cautious courtship."
    assert document.authors == ["Leyla Kazemi", "Omar Said"]
    assert document.language == "en"
    assert "Why Moscow" not in document.body_html and "Four reasons behind" not in document.body_html


def test_entities_in_the_notes_part_are_not_expanded():
    """A "billion laughs" in footnotes.xml, the part python-docx leaves to us, is never expanded."""
    data = analysis_docx()
    archive = zipfile.ZipFile(io.BytesIO(data))
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)
    )
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w") as copy:
        for item in archive.infolist():
            content = archive.read(item)
            if item.filename == "word/footnotes.xml":
                declaration = b'<?xml version="1.0"?><!DOCTYPE w:footnotes [' + entities.encode() + b"]>"
                content = declaration + content.replace(b"Author's calculation.", b"&i;")
            copy.writestr(item, content)

    # The parser does not expand entities; libxml2 also refuses the amplification outright.
    try:
        document = read_word_file(rewritten.getvalue())
    except WordFileRefused as refused:
        assert "amplification" in str(refused)
    else:
        assert len(document.notes[7].html) < 100
        assert "aaaaaaaaaa" not in document.notes[7].html


def test_a_malformed_notes_part_is_refused_as_damaged():
    data = analysis_docx()
    archive = zipfile.ZipFile(io.BytesIO(data))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as copy:
        for item in archive.infolist():
            content = archive.read(item)
            copy.writestr(item, content[:-40] if item.filename == "word/footnotes.xml" else content)

    with pytest.raises(WordFileRefused, match="damaged"):
        read_word_file(broken.getvalue())


def test_without_title_and_subtitle_styles_the_first_heading_and_an_italic_first_paragraph_serve():
    document = Document()
    document.add_heading("Gas and Grain", level=1)
    document.add_paragraph().add_run("Two trades, one corridor.").italic = True
    document.add_paragraph("An ordinary paragraph.")
    document.add_paragraph().add_run("Italic further down stays in the text.").italic = True
    document.add_paragraph("First level", style="List Bullet")
    document.add_paragraph("Second level", style="List Bullet 2")
    document.add_paragraph("Back to the first", style="List Bullet")

    read = read_word_file(saved(document))

    assert read.title == "Gas and Grain" and read.standfirst == "Two trades, one corridor."
    assert "<p><i>Italic further down stays in the text.</i></p>" in read.body_html
    assert (
        "<ul><li>First level<ul><li>Second level</li></ul></li><li>Back to the first</li></ul>"
        in read.body_html
    )


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
