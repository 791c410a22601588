"""Notes pasted as plain text turned into footnotes.

Text pasted from Word, a PDF or a web page carries its references as `[1]`, `[2]` (sometimes in
superscript) and its notes as a numbered run at the end: an ordered list, or paragraphs starting
"1.", "[1]" or "1)". `pasted_notes_in` finds them; `convert_pasted_notes` gives the body with
`[^1]`..`[^n]` markers and the notes as `Note`s, exactly what typing them would have given, so the
editor confirms once instead of retyping every note (docs/decisions/footnotes.md).

Bodies are lists of (block type, value) with a paragraph's value as its HTML; other blocks pass
through untouched.
"""

import re
from dataclasses import dataclass

from ankasam.core.text import html_to_text

from .content import Note
from .footnotes import HTML_TAG, MARKER

PLAIN_MARKER = re.compile(r"\[(\d{1,3})\]")
SUPERSCRIPT_MARKER = re.compile(r"<sup>\s*\[?(\d{1,3})\]?\s*</sup>")
# A paragraph block's top-level elements, as the rich-text editor stores them.
ELEMENT = re.compile(r"<(p|h[1-6]|ol|ul|blockquote)\b[^>]*>.*?</\1>", re.S)
LIST_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.S)
NUMBER_PREFIX = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s*")
INNER = re.compile(r"^<(\w+)\b[^>]*>(.*)</\1>$", re.S)
# A heading over the notes, left behind if kept: its words in the site's languages.
NOTES_HEADINGS = {
    "notes", "footnotes", "endnotes", "references", "sources",
    "notlar", "dipnotlar", "kaynaklar", "kaynakça",
    "примечания", "сноски", "источники",
}  # fmt: skip


@dataclass(frozen=True)
class PastedNotes:
    """Where the pasted notes are: element positions (block, element) from `first` to the end."""

    notes: list[Note]
    first: tuple[int, int]


def elements_of(blocks: list[tuple]) -> list[tuple[int, int, str]]:
    """(block index, element index, HTML) of each paragraph element; other blocks as one element
    whose HTML is empty (never a note), a heading block as an <h2> (it may title the notes)."""
    found = []
    for index, (block_type, value) in enumerate(blocks):
        if block_type == "paragraph":
            for position, match in enumerate(ELEMENT.finditer(value)):
                found.append((index, position, match.group(0)))
        elif block_type == "heading":
            found.append((index, 0, f"<h2>{value}</h2>"))
        else:
            found.append((index, 0, ""))
    return found


def inner_html(element: str) -> str:
    match = INNER.match(element.strip())
    return match.group(2).strip() if match else ""


def numbered_paragraph(element: str) -> tuple[int, str | None]:
    """A paragraph starting "1.", "[1]" or "1)": its number and the note's HTML without it."""
    if not element.startswith("<p"):
        return 0, None
    inner = inner_html(element)
    match = NUMBER_PREFIX.match(inner)
    rest = inner[match.end() :].strip() if match else ""
    if not rest:
        return 0, None
    return int(match.group(1) or match.group(2)), f"<p>{rest}</p>"


def without_own_number(item: str, number: int) -> str:
    """A list item's text without a typed "1." or "[1]" repeating its place in the list."""
    match = NUMBER_PREFIX.match(item)
    if match and int(match.group(1) or match.group(2)) == number:
        return item[match.end() :].strip()
    return item


def trailing_notes(elements: list[tuple[int, int, str]]) -> tuple[list[str], int] | None:
    """The notes' HTML, in order, and the index of the first element holding them."""
    if not elements:
        return None
    last = elements[-1][2]
    if last.startswith("<ol"):
        items = [
            without_own_number(item.strip(), number)
            for number, item in enumerate(LIST_ITEM.findall(last), start=1)
        ]
        return ([f"<p>{item}</p>" for item in items], len(elements) - 1) if all(items) and items else None
    # Paragraphs numbered n, n-1, ... 1, read from the end.
    found: list[str] = []
    expected = None
    for position in range(len(elements) - 1, -1, -1):
        number, note = numbered_paragraph(elements[position][2])
        if note is None or (expected is not None and number != expected):
            return None
        found.insert(0, note)
        if number == 1:
            return found, position
        expected = number - 1
    return None


def with_markers(html: str) -> str:
    """`[1]` and superscript 1 or [1] written as `[^1]`, in text only, never inside a tag."""
    html = SUPERSCRIPT_MARKER.sub(r"[^\1]", html)
    pieces = HTML_TAG.split(html)
    for index in range(0, len(pieces), 2):
        pieces[index] = PLAIN_MARKER.sub(r"[^\1]", pieces[index])
    return "".join(pieces)


def plain_marker_numbers(html: str) -> set[int]:
    html = SUPERSCRIPT_MARKER.sub(r"[\1]", html)
    text = "".join(HTML_TAG.split(html)[0::2])
    return {int(number) for number in PLAIN_MARKER.findall(text)}


def pasted_notes_in(blocks: list[tuple], existing_notes: int = 0) -> PastedNotes | None:
    """The pasted notes of a body whose language has no notes yet, when the text refers to each of
    them as [1]..[n] and to no other; None otherwise (nothing to offer)."""
    if existing_notes:
        return None
    elements = elements_of(blocks)
    found = trailing_notes(elements)
    if not found:
        return None
    notes_html, first = found
    if first > 0 and html_to_text(elements[first - 1][2]).strip(" :").lower() in NOTES_HEADINGS:
        first -= 1
    text_before = "".join(element for _, _, element in elements[:first])
    if MARKER.search(text_before):
        return None
    if plain_marker_numbers(text_before) != set(range(1, len(notes_html) + 1)):
        return None
    notes = [Note(str(number), html) for number, html in enumerate(notes_html, start=1)]
    return PastedNotes(notes=notes, first=elements[first][:2])


def convert_pasted_notes(blocks: list[tuple], pasted: PastedNotes) -> tuple[list[tuple], list[Note]]:
    """The body with `[^n]` markers and without the pasted notes (and their heading), and the notes."""
    first_block, first_element = pasted.first
    converted = []
    for index, (block_type, value) in enumerate(blocks[: first_block + 1]):
        if index == first_block:
            if block_type != "paragraph":
                break
            value = "".join(match.group(0) for match in list(ELEMENT.finditer(value))[:first_element])
            if not value:
                break
        if block_type == "paragraph":
            value = with_markers(value)
        converted.append((block_type, value))
    return converted, list(pasted.notes)
