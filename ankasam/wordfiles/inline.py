"""A Word paragraph's runs as the inline HTML of our rich text: bold, italic, links, notes, images.

Text is copied from the file as it is, only `&`, `<` and `>` escaped, so right-to-left runs
(Persian, Arabic) arrive byte for byte. Word's direction marks are properties of runs, not
characters, and the page's own direction handling (core/bidi.py) places them when shown.
What has no place in an article (comments, text boxes, equations, embedded objects, the
instructions of fields) is counted in `Reading.dropped` for the report, never silently lost.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape as html_escape

from docx.oxml.ns import qn
from lxml import etree

from ankasam.wordpress.inline import UNSAFE_SCHEME, escape

# Parts python-docx does not read (notes, comments) are parsed here as it parses its own: entities
# are not expanded, so a part defining one entity by another a billion times over stays small.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
R_ID = qn("r:id")
R_EMBED = qn("r:embed")
FALSE_VALUES = {"0", "false", "off", "none"}
# Elements whose children are read as if they stood in their place.
TRANSPARENT = {
    W + "ins", W + "moveTo", W + "smartTag", W + "customXml", W + "bdo", W + "dir", W + "sdtContent",
}  # fmt: skip
TRACKED_REMOVALS = {W + "del", W + "moveFrom"}
NOTE_REFERENCES = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}
NOTEREF_FIELD = re.compile(r"^\s*NOTEREF\s+(\S+)", re.IGNORECASE)
HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)


@dataclass
class Formatting:
    bold: bool = False
    italic: bool = False
    struck: bool = False
    vertical: str = ""  # "sup" or "sub"

    def tags(self) -> list[str]:
        marks = [("b", self.bold), ("i", self.italic), ("s", self.struck)]
        return [tag for tag, on in marks if on] + ([self.vertical] if self.vertical else [])


@dataclass
class Segment:
    html: str
    formatting: Formatting | None  # None: a note marker or an image, which carry no marks
    link: str = ""


@dataclass
class Reading:
    """What reading a document collects beside its blocks; shared by the body and its notes."""

    # (kind, Word's id) -> label, in the order the text refers to the notes.
    note_labels: dict[tuple[str, str], str] = field(default_factory=dict)
    # Bookmark name -> the note it marks, for NOTEREF cross-references (a note cited twice).
    bookmarked_notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    images: list[dict] = field(default_factory=list)
    unusable_labels: list[str] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)

    def marker(self, kind: str, note_id: str) -> str:
        label = self.note_labels.setdefault((kind, note_id), str(len(self.note_labels) + 1))
        return f"[^{label}]"


class InlineReader:
    """Reads the runs of one paragraph. `part` is the package part the paragraph lives in, whose
    relationships name its links and images (the body's, or the footnotes' own)."""

    def __init__(self, reading: Reading, part, styles, holds_pictures: bool = True):
        self.reading = reading
        self.part = part
        self.styles = styles
        # Notes and table cells hold text only: a picture there is reported, not imported.
        self.holds_pictures = holds_pictures
        self.segments: list[Segment] = []
        self.fields: list[dict] = []
        self.link = ""

    def paragraph_html(self, paragraph) -> str:
        self.segments = []
        self.fields = []
        self.read_children(paragraph)
        return joined(self.segments)

    def only_italic(self) -> bool:
        texts = [s for s in self.segments if s.html.strip()]
        return bool(texts) and all(s.formatting is not None and s.formatting.italic for s in texts)

    def has_text(self) -> bool:
        return any(s.formatting is not None and s.html.strip() for s in self.segments)

    def read_children(self, element) -> None:
        for child in element:
            self.read(child)

    def read(self, element) -> None:
        tag = element.tag
        if tag == W + "r":
            self.read_run(element)
        elif tag == W + "hyperlink":
            self.read_hyperlink(element)
        elif tag in TRANSPARENT:
            if tag in (W + "ins", W + "moveTo"):
                self.reading.dropped["tracked"] += 1
            self.read_children(element)
        elif tag == W + "sdt":
            self.read_children(element.find(W + "sdtContent") or [])
        elif tag in TRACKED_REMOVALS:
            self.reading.dropped["tracked"] += 1
        elif tag == W + "fldSimple":
            self.read_simple_field(element)
        elif tag in (W + "commentRangeStart", W + "commentReference"):
            self.reading.dropped["comment"] += tag == W + "commentRangeStart"
        elif tag in (M + "oMath", M + "oMathPara"):
            self.reading.dropped["equation"] += 1
        elif tag == MC + "AlternateContent":
            self.read_alternate(element)

    def read_hyperlink(self, element) -> None:
        target = ""
        rel_id = element.get(R_ID)
        if rel_id and rel_id in self.part.rels and self.part.rels[rel_id].is_external:
            target = self.part.rels[rel_id].target_ref
        if UNSAFE_SCHEME.match(target):
            target = ""
        outer, self.link = self.link, target or self.link
        self.read_children(element)
        self.link = outer

    def read_simple_field(self, element) -> None:
        instruction = element.get(W + "instr") or ""
        noteref = NOTEREF_FIELD.match(instruction)
        if noteref:
            self.add_noteref(noteref.group(1))
            return
        self.count_field(instruction)
        self.read_children(element)

    def read_alternate(self, element) -> None:
        if element.find(f".//{W}txbxContent") is not None:
            self.reading.dropped["text box"] += 1
            return
        choice = element.find(MC + "Choice")
        fallback = element.find(MC + "Fallback")
        for chosen in (choice, fallback):
            if chosen is not None and len(chosen):
                self.read_children(chosen)
                return

    # --- runs ------------------------------------------------------------------------------

    def read_run(self, run) -> None:
        formatting = self.styles.run_formatting(run)
        for child in run:
            tag = child.tag
            if tag == W + "fldChar":
                self.field_char(child)
            elif tag == W + "instrText":
                if self.fields and not self.fields[-1]["shown"]:
                    self.fields[-1]["instruction"] += child.text or ""
            elif self.hidden_by_field():
                continue
            elif tag == W + "t":
                self.add_text(child.text or "", formatting)
            elif tag == W + "tab":
                self.add_text("\t", formatting)
            elif tag in (W + "br", W + "cr") and child.get(W + "type") not in ("page", "column"):
                self.segments.append(Segment("<br/>", formatting, self.current_link()))
            elif tag == W + "noBreakHyphen":
                self.add_text("\u2011", formatting)
            elif tag in NOTE_REFERENCES:
                marker = self.reading.marker(NOTE_REFERENCES[tag], child.get(W + "id"))
                self.segments.append(Segment(marker, None))
            elif tag in (W + "drawing", W + "pict"):
                self.read_drawing(child)
            elif tag == W + "object":
                self.reading.dropped["object"] += 1
            elif tag == MC + "AlternateContent":
                self.read_alternate(child)

    def add_text(self, text: str, formatting: Formatting) -> None:
        if text:
            self.segments.append(Segment(escape(text), formatting, self.current_link()))

    def read_drawing(self, drawing) -> None:
        if drawing.find(f".//{W}txbxContent") is not None:
            self.reading.dropped["text box"] += 1
            return
        blip = drawing.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
        rel_id = blip.get(R_EMBED) if blip is not None else None
        if rel_id is None:
            imagedata = drawing.find(".//{urn:schemas-microsoft-com:vml}imagedata")
            rel_id = imagedata.get(R_ID) if imagedata is not None else None
        part = self.part.related_parts.get(rel_id) if rel_id else None
        if part is None:
            self.reading.dropped["drawing"] += 1
            return
        if not self.holds_pictures:
            self.reading.dropped["picture in a note or table"] += 1
            return
        properties = drawing.find(
            ".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
        alt = ""
        if properties is not None:
            alt = properties.get("descr") or properties.get("title") or ""
        number = len(self.reading.images) + 1
        name = part.partname.split("/")[-1]
        self.reading.images.append({"number": number, "blob": part.blob, "name": name, "alt": alt})
        # The class is the body converter's way of naming an image (`wordpress.body`); the number
        # is the image's place in `Reading.images`.
        self.segments.append(
            Segment(f'<img class="wp-image-{number}" alt="{html_escape(alt)}" src=""/>', None)
        )

    # --- fields ----------------------------------------------------------------------------

    def field_char(self, char) -> None:
        kind = char.get(W + "fldCharType")
        if kind == "begin":
            self.fields.append({"instruction": "", "shown": False, "noteref": False})
        elif kind == "separate" and self.fields:
            current = self.fields[-1]
            current["shown"] = True
            noteref = NOTEREF_FIELD.match(current["instruction"])
            if noteref:
                current["noteref"] = True
                self.add_noteref(noteref.group(1))
            else:
                self.count_field(current["instruction"])
                hyperlink = HYPERLINK_FIELD.match(current["instruction"])
                if hyperlink and not UNSAFE_SCHEME.match(hyperlink.group(1)):
                    current["link"] = hyperlink.group(1)
        elif kind == "end" and self.fields:
            self.fields.pop()

    def hidden_by_field(self) -> bool:
        # The instruction is never text; a cross-reference's shown number gives way to its marker.
        return any(not f["shown"] or f["noteref"] for f in self.fields)

    def current_link(self) -> str:
        for f in reversed(self.fields):
            if f.get("link"):
                return f["link"]
        return self.link

    def add_noteref(self, bookmark: str) -> None:
        note = self.reading.bookmarked_notes.get(bookmark)
        if note is None:
            self.reading.dropped["cross-reference"] += 1
            return
        self.segments.append(Segment(self.reading.marker(*note), None))

    def count_field(self, instruction: str) -> None:
        name = (instruction.split() or ["?"])[0].upper()
        if name != "HYPERLINK":
            self.reading.dropped[f"field {name}"] += 1


def joined(segments: list[Segment]) -> str:
    """Segments as HTML, neighbours with the same marks and link sharing one set of tags."""
    html = []
    index = 0
    while index < len(segments):
        segment = segments[index]
        if segment.formatting is None:
            html.append(segment.html)
            index += 1
            continue
        text = segment.html
        index += 1
        while (
            index < len(segments)
            and segments[index].formatting == segment.formatting
            and segments[index].link == segment.link
        ):
            text += segments[index].html
            index += 1
        for tag in reversed(segment.formatting.tags()):
            text = f"<{tag}>{text}</{tag}>"
        if segment.link:
            text = f'<a href="{html_escape(segment.link)}">{text}</a>'
        html.append(text)
    return "".join(html)


def on(element) -> bool:
    """A Word on/off property: present and not switched off."""
    return element is not None and (element.get(W + "val") or "true").lower() not in FALSE_VALUES


def parsed_part(part):
    return etree.fromstring(part.blob, PARSER)
