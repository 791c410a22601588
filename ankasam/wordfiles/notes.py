"""Word's footnotes and endnotes as the article's notes, labelled "1", "2"... in reading order.

Word keeps each kind in a part of its own (word/footnotes.xml, word/endnotes.xml), which
python-docx does not model: the parts are read here from the package. Footnotes and endnotes share
one numbering, the order in which the text first refers to them, as readers see our notes. A note
cited a second time is, in Word, a cross-reference (a NOTEREF field) to a bookmark around the
first reference, or a second reference to the same note: either way it stays one note.
"""

import re
from html import unescape

from ankasam.articles.content import Note

from .inline import NOTE_REFERENCES, InlineReader, Reading, W, parsed_part

PART_TYPES = {"footnote": "/footnotes", "endnote": "/endnotes"}
SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
TAG = re.compile(r"<[^>]*>")


def bookmarked_notes(body) -> dict[str, tuple[str, str]]:
    """Bookmark name -> (kind, id) of the first note reference inside the bookmark."""
    open_marks: dict[str, str] = {}
    found: dict[str, tuple[str, str]] = {}
    for element in body.iter(W + "bookmarkStart", W + "bookmarkEnd", *NOTE_REFERENCES):
        if element.tag == W + "bookmarkStart":
            open_marks[element.get(W + "id")] = element.get(W + "name")
        elif element.tag == W + "bookmarkEnd":
            open_marks.pop(element.get(W + "id"), None)
        else:
            for name in open_marks.values():
                found.setdefault(name, (NOTE_REFERENCES[element.tag], element.get(W + "id")))
    return found


def note_parts(document) -> dict[str, object]:
    parts = {}
    for rel in document.part.rels.values():
        for kind, ending in PART_TYPES.items():
            if rel.reltype.endswith(ending) and not rel.is_external:
                parts[kind] = rel.target_part
    return parts


def read_notes(document, reading: Reading, styles) -> list[Note]:
    """The notes the text refers to, in order. Notes nobody refers to, and references to notes that
    are missing or empty, are counted in `reading.dropped` (and the markers of the latter removed
    by `importing`, through `Reading.unusable_labels`)."""
    parts = note_parts(document)
    elements = {}
    for kind, part in parts.items():
        for note in parsed_part(part).findall(W + kind):
            if note.get(W + "type") not in SEPARATORS:
                elements[(kind, note.get(W + "id"))] = (note, part)
    notes = []
    done = 0
    # A note may cite another note, which then gets the next label: the list grows as it is read.
    while done < len(reading.note_labels):
        key, label = list(reading.note_labels.items())[done]
        done += 1
        html = ""
        if key in elements:
            note, part = elements[key]
            html = note_html(note, part, reading, styles)
        if not TAG.sub("", html).strip():
            reading.unusable_labels.append(label)
            reading.dropped["missing note"] += 1
            continue
        notes.append(Note(label, html))
    reading.dropped["unreferenced note"] += len(set(elements) - set(reading.note_labels))
    return notes


def note_html(note, part, reading: Reading, styles) -> str:
    paragraphs = []
    for paragraph in note.iter(W + "p"):
        html = InlineReader(reading, part, styles, holds_pictures=False).paragraph_html(paragraph).strip()
        if html:
            paragraphs.append(f"<p>{html}</p>")
    return "".join(paragraphs)


def text_of(html: str) -> str:
    """Plain text of inline HTML, for the title and standfirst (entities read back)."""
    return " ".join(unescape(TAG.sub("", html.replace("<br/>", " "))).split())
