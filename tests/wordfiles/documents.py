"""Word files for the tests, built with python-docx; the footnotes and endnotes parts, which
python-docx does not model, are written as XML and added to the package here."""

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches
from PIL import Image

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
ENDNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"

# Two notes begin in Persian and go on in Latin script, as sources cited by their Persian titles do;
# the first holds a zero-width non-joiner (U+200C), which must survive.
PERSIAN_WORDS = "چرا مسکو با طالبان گفت\u200cوگو می\u200cکند"
PERSIAN_NOTE = f"«{PERSIAN_WORDS}», Etilaatroz, 14.03.2023."
SECOND_PERSIAN_WORDS = "سیاست روسیه در آسیای میانه"
SECOND_PERSIAN_NOTE = f"«{SECOND_PERSIAN_WORDS}», Radio Azadi, 02.11.2021."
ALT_TEXT = "Map of the Amu Darya border crossings"
CAPTION = "The northern border, 2022."
BODY_LINK = "https://example.org/statement"
FIELD_LINK = "https://example.org/field"

# Word's ids of the footnotes (ids 0 and -1 are Word's separators), in the order of the text.
NOTE_TEXTS = {
    1: [("Ministry of Foreign Affairs, ", {}), ("Statement", {"italic": True}), (", 2021.", {})],
    2: [(PERSIAN_NOTE, {"rtl": True})],
    3: [("See ", {}), ("the report", {"link": "https://example.org/report"}), (", p. 4.", {})],
    4: [("Interview with an official, ", {}), ("Kabul", {"bold": True}), (", 2022.", {})],
    5: [("Quoted in Rahimi 2020, p. 12.", {})],
    6: [(SECOND_PERSIAN_NOTE, {"rtl": True})],
    7: [("UN Security Council, S/2022/419.", {})],
    8: [("Author's calculation.", {})],
}
MC_AND_WPS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
ENDNOTE_TEXT = "This paper was first given as a talk in Ankara."


def run_xml(text: str, bold=False, italic=False, rtl=False, link=None, rel_id=None) -> str:
    properties = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + ("<w:rtl/>" if rtl else "")
    run = f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f'<w:hyperlink r:id="{rel_id}">{run}</w:hyperlink>' if link else run


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def note_part(document, kind: str, notes: dict[int, list]) -> Part:
    """A footnotes or endnotes part holding `notes` (id -> runs), related to the document."""
    uri, content_type, reltype = {
        "footnote": ("/word/footnotes.xml", FOOTNOTES_TYPE, RT.FOOTNOTES),
        "endnote": ("/word/endnotes.xml", ENDNOTES_TYPE, RT.ENDNOTES),
    }[kind]
    part = Part(PackURI(uri), content_type, b"", document.part.package)
    document.part.relate_to(part, reltype)
    bodies = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0">'
        f"<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>",
    ]
    for note_id, runs in notes.items():
        pieces = []
        rtl = any(options.get("rtl") for _text, options in runs)
        for text, options in runs:
            rel_id = (
                part.relate_to(options["link"], RT.HYPERLINK, is_external=True) if "link" in options else None
            )
            pieces.append(run_xml(text, rel_id=rel_id, **options))
        mark = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
        paragraph_properties = "<w:pPr><w:bidi/></w:pPr>" if rtl else ""
        bodies.append(
            f'<w:{kind} w:id="{note_id}"><w:p>{paragraph_properties}{mark}'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{"".join(pieces)}</w:p></w:{kind}>'
        )
    part._blob = f"<w:{kind}s {nsdecls('w', 'r')}>{''.join(bodies)}</w:{kind}s>".encode()
    return part


def reference(paragraph, kind: str, note_id: int) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
        )
    )


def hyperlink(paragraph, text: str, url: str) -> None:
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel_id}">{run_xml(text)}</w:hyperlink>')
    )


def bookmarked_reference(paragraph, note_id: int, bookmark: str) -> None:
    """A footnote reference inside a bookmark, as Word makes one for a cross-reference to it."""
    paragraph._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="90" w:name="{bookmark}"/>'))
    reference(paragraph, "footnote", note_id)
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="90"/>'))


def cross_reference(paragraph, bookmark: str, shown: str) -> None:
    """Word's "Insert cross-reference > Footnote number": a NOTEREF field showing the number."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> NOTEREF {bookmark} \\f \\h </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{shown}</w:t></w:r>',
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def analysis_docx(title="Why Moscow Courts the Taliban", author="Leyla Kazemi", extra_paragraph="") -> bytes:
    """An analysis as an analyst writes it: every element the import handles, 8 footnotes (two
    Persian-first, one cited twice) and an endnote."""
    document = Document()
    document.core_properties.author = author
    document.core_properties.language = "en-GB"
    document.add_paragraph(title, style="Title")
    document.add_paragraph("Four reasons behind a cautious courtship.", style="Subtitle")

    document.add_heading("Background", level=1)
    intro = document.add_paragraph("Moscow has ")
    intro.add_run("never").bold = True
    intro.add_run(" recognised the ")
    intro.add_run("Islamic Emirate").italic = True
    intro.add_run(" formally.")
    reference(intro, "footnote", 1)
    intro.add_run(" Its ")
    hyperlink(intro, "statement", BODY_LINK)
    intro.add_run(" was brief.")
    sourced = document.add_paragraph("Persian-language press has followed the talks closely.")
    bookmarked_reference(sourced, 2, "_Ref1001")
    sourced.add_run(" The ministry said so in writing.")
    reference(sourced, "footnote", 3)

    document.add_heading("Four reasons", level=2)
    document.add_paragraph("Security on the southern border.", style="List Bullet")
    document.add_paragraph("Trade through Central Asia.", style="List Bullet")
    numbered = document.add_paragraph("Talks first, recognition later.", style="List Number")
    reference(numbered, "footnote", 4)
    document.add_paragraph("A seat at every table.", style="List Number")

    document.add_heading("The figures", level=3)
    table = document.add_table(rows=3, cols=2)
    for row, cells in enumerate([("Year", "Trade (m USD)"), ("2021", "180"), ("2022", "290")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_picture(io.BytesIO(png_bytes()), width=Inches(2))
    picture = document.element.body.findall(".//{*}docPr")[-1]
    picture.set("descr", ALT_TEXT)
    document.add_paragraph(CAPTION, style="Caption")

    quoted = document.add_paragraph("We talk to whoever holds Kabul.", style="Quote")
    reference(quoted, "footnote", 5)
    closing = document.add_paragraph("Regional outlets framed it otherwise.")
    reference(closing, "footnote", 6)
    closing.add_run(" The Council listed the sanctions")
    reference(closing, "footnote", 7)
    closing.add_run(", and the numbers add up")
    reference(closing, "footnote", 8)
    closing.add_run(". The Persian press said as much again.")
    cross_reference(closing, "_Ref1001", "2")
    if extra_paragraph:
        document.add_paragraph(extra_paragraph)
    last = document.add_paragraph("Thanks are due to the discussants.")
    reference(last, "endnote", 1)

    note_part(document, "footnote", NOTE_TEXTS)
    note_part(document, "endnote", {1: [(ENDNOTE_TEXT, {})]})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def field(paragraph, instruction: str, shown: str) -> None:
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{shown}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))


def docx_with_leftovers() -> bytes:
    """A short text with what an article cannot hold: a comment, tracked changes, a text box, a
    page-number field and a picture in a table; and a link made by a field, which is kept."""
    document = Document()
    document.add_paragraph("Leftovers", style="Title")
    commented = document.add_paragraph("Kept text with a comment.")
    document.add_comment(commented.runs[0], text="Check this figure", author="Editor")
    changed = document.add_paragraph("The ministry ")
    changed._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:delText>REMOVED WORDS </w:delText></w:r></w:del>"
        )
    )
    changed._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t>agreed</w:t></w:r></w:ins>"
        )
    )
    boxed = document.add_paragraph("Beside a box.")
    boxed._p.append(
        parse_xml(
            f"<w:r {nsdecls('w', 'wp', 'a')} {MC_AND_WPS}>"
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            '<wp:docPr id="5" name="Box"/><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
            "<w:txbxContent><w:p><w:r><w:t>BOXED TEXT</w:t></w:r></w:p></w:txbxContent>"
            "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            "</mc:Choice></mc:AlternateContent></w:r>"
        )
    )
    field(document.add_paragraph("Page "), "PAGE", "7")
    field(document.add_paragraph("See "), f'HYPERLINK "{FIELD_LINK}"', "the field link")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run().add_picture(io.BytesIO(png_bytes()))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
