"""A .docx read into what an article holds: title, standfirst, body HTML, notes, images, authors.

The body comes out as plain HTML (paragraphs, headings, lists, quotations, tables, figures) with
`[^label]` markers where Word had note references; `importing.py` hands it to the same converter
that turns WordPress posts into body blocks, so a Word file and a post become blocks alike.

Which paragraph is what (docs/editorial-workflow.md, "Importing a Word file"):
- title: the first paragraph in Word's Title style; without one, the first heading;
- standfirst: the first paragraph in the Subtitle style; without one, the first paragraph of the
  text when every word of it is in italics;
- headings: Heading 1, 2, 3 become the section heading and the two sub-heading levels;
- quotations: the Quote, Intense Quote and Block Text styles; a figure's caption: Caption.
Tracked changes are read as accepted: insertions kept, deletions left out.
"""

from dataclasses import dataclass, field
from io import BytesIO

import docx
from django.utils.translation import gettext as _
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from .inline import InlineReader, Reading, W, parsed_part
from .limits import WordFileRefused, checked_archive
from .notes import bookmarked_notes, read_notes, text_of
from .styles import QUOTE_STYLES, Styles

HEADING_TAGS = {1: "h2", 2: "h3", 3: "h4"}
TITLE_LENGTH = 255  # Wagtail's title column


@dataclass
class WordDocument:
    title: str = ""
    standfirst: str = ""
    body_html: str = ""
    notes: list = field(default_factory=list)  # articles.content.Note, labels "1", "2"... in order
    images: list[dict] = field(default_factory=list)  # number, blob, name, alt, caption
    authors: list[str] = field(default_factory=list)
    language: str = ""
    dropped: dict = field(default_factory=dict)


@dataclass
class Piece:
    kind: str  # title, subtitle, heading, p, item, quote, caption, table, figure
    html: str = ""
    level: int = 0
    numbered: bool = False
    italic: bool = False
    text: bool = True


def read_word_file(data: bytes) -> WordDocument:
    """Read a .docx; WordFileRefused when it is not one that can be imported safely."""
    checked_archive(data)
    try:
        return read_document(docx.Document(BytesIO(data)))
    except (PackageNotFoundError, etree.XMLSyntaxError, KeyError, ValueError, SyntaxError) as error:
        # A part missing or malformed inside an otherwise sound archive.
        raise WordFileRefused(
            _("The file is damaged: it cannot be opened as a Word document.") + f" ({error})"
        ) from None


def read_document(document) -> WordDocument:
    reading = Reading(bookmarked_notes=bookmarked_notes(document.element.body))
    styles = Styles(document)
    pieces = read_pieces(document, reading, styles)
    result = WordDocument()
    pieces = take_title_and_standfirst(pieces, result)
    result.body_html = body_html(pieces)
    result.notes = read_notes(document, reading, styles)
    for label in reading.unusable_labels:
        result.body_html = result.body_html.replace(f"[^{label}]", "")
    result.images = reading.images
    result.authors = author_names(document.core_properties.author or "")
    result.language = (document.core_properties.language or "").split("-")[0].lower()
    comments = count_comments(document)
    if comments:
        reading.dropped["comment"] = max(comments, reading.dropped["comment"])
    result.dropped = dict(reading.dropped)
    return result


def read_pieces(document, reading: Reading, styles: Styles) -> list[Piece]:
    pieces = []
    for element in block_elements(document.element.body):
        if element.tag == W + "tbl":
            pieces.append(Piece("table", table_html(element, document, reading, styles)))
            continue
        reader = InlineReader(reading, document.part, styles)
        html = reader.paragraph_html(element)
        names = styles.paragraph_style_names(element)
        if "<img" in html and not reader.has_text():
            pieces.append(Piece("figure", html, text=False))
            continue
        if not html.strip():
            continue
        pieces.append(paragraph_piece(element, html, names, styles, reader.only_italic()))
    return pieces


def block_elements(container):
    """Paragraphs and tables in reading order, through content controls and tracked insertions."""
    for child in container:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in (W + "sdt",):
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from block_elements(content)
        elif child.tag in (W + "customXml", W + "ins"):
            yield from block_elements(child)


def paragraph_piece(element, html: str, names: list[str], styles: Styles, italic: bool) -> Piece:
    if "title" in names[:1]:
        return Piece("title", html)
    if "subtitle" in names[:1]:
        return Piece("subtitle", html)
    if "caption" in names[:1]:
        return Piece("caption", html)
    level = styles.heading_level(names)
    if level is not None:
        return Piece("heading", html, level=level)
    if any(name in QUOTE_STYLES for name in names):
        return Piece("quote", html)
    item = styles.list_item(element, names)
    if item is not None:
        return Piece("item", html, level=item[1], numbered=item[0])
    return Piece("p", html, italic=italic)


def take_title_and_standfirst(pieces: list[Piece], result: WordDocument) -> list[Piece]:
    title = next((p for p in pieces if p.kind == "title"), None)
    title = title or next((p for p in pieces if p.kind == "heading"), None)
    if title is not None:
        result.title = text_of(title.html)
        if len(result.title) > TITLE_LENGTH:
            result.title = result.title[: TITLE_LENGTH - 1] + "…"
        pieces = [p for p in pieces if p is not title]
    standfirst = next((p for p in pieces if p.kind == "subtitle"), None)
    first_text = next((p for p in pieces if p.kind != "figure"), None)
    if standfirst is None and first_text is not None and first_text.kind == "p" and first_text.italic:
        standfirst = first_text
    if standfirst is not None:
        result.standfirst = text_of(standfirst.html)
        pieces = [p for p in pieces if p is not standfirst]
    # A second Title or Subtitle paragraph is ordinary text.
    for piece in pieces:
        if piece.kind in ("title", "subtitle"):
            piece.kind = "p"
    return pieces


def body_html(pieces: list[Piece]) -> str:
    html = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if piece.kind == "item":
            end = index
            while end < len(pieces) and pieces[end].kind == "item":
                end += 1
            html.append(list_html(pieces[index:end]))
            index = end
            continue
        if piece.kind == "quote":
            end = index
            while end < len(pieces) and pieces[end].kind == "quote":
                end += 1
            html.append(
                "<blockquote>" + "".join(f"<p>{p.html}</p>" for p in pieces[index:end]) + "</blockquote>"
            )
            index = end
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if piece.kind == "figure" and following is not None and following.kind == "caption":
            html.append(f"<figure>{piece.html}<figcaption>{following.html}</figcaption></figure>")
            index += 2
            continue
        if piece.kind == "heading":
            tag = HEADING_TAGS.get(piece.level, "h4")
            html.append(f"<{tag}>{piece.html}</{tag}>")
        elif piece.kind == "table":
            html.append(piece.html)
        else:
            html.append(f"<p>{piece.html}</p>")
        index += 1
    return "\n".join(html)


def list_html(items: list[Piece]) -> str:
    """Consecutive list paragraphs as nested lists, Word's levels as depth."""
    html = ""
    open_lists: list[str] = []
    for item in items:
        tag = "ol" if item.numbered else "ul"
        while len(open_lists) > item.level + 1:
            html += f"</li></{open_lists.pop()}>"
        if len(open_lists) == item.level + 1 and open_lists[-1] != tag:
            html += f"</li></{open_lists.pop()}>"
        if len(open_lists) == item.level + 1:
            html += "</li>"
        while len(open_lists) < item.level + 1:
            html += f"<{tag}>"
            open_lists.append(tag)
        html += f"<li>{item.html}"
    while open_lists:
        html += f"</li></{open_lists.pop()}>"
    return html


def table_html(table, document, reading: Reading, styles: Styles) -> str:
    rows = []
    for row_number, row in enumerate(table.findall(W + "tr")):
        header = row.find(f"{W}trPr/{W}tblHeader") is not None or (
            row_number == 0 and first_row_header(table)
        )
        cells = []
        for cell in row.findall(W + "tc"):
            texts = []
            for paragraph in cell.iter(W + "p"):
                reader = InlineReader(reading, document.part, styles, holds_pictures=False)
                texts.append(reader.paragraph_html(paragraph))
            tag = "th" if header else "td"
            cells.append(f"<{tag}>{'<br/>'.join(t for t in texts if t)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def first_row_header(table) -> bool:
    look = table.find(f"{W}tblPr/{W}tblLook")
    if look is None:
        return False
    if look.get(W + "firstRow") is not None:
        return look.get(W + "firstRow") in ("1", "true", "on")
    return bool(int(look.get(W + "val") or "0", 16) & 0x0020)


def author_names(text: str) -> list[str]:
    """Word keeps the authors as one text; several are separated by semicolons."""
    return [name.strip() for name in text.replace("\n", ";").split(";") if name.strip()]


def count_comments(document) -> int:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/comments") and not rel.is_external:
            return len(parsed_part(rel.target_part).findall(W + "comment"))
    return 0
