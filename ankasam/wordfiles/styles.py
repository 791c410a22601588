"""Word's styles and list numbering, read so that a paragraph can say what it is.

A paragraph is a heading, a quotation or a list item by its style (Word's built-in names, in
English whatever the interface language, as python-docx reports them), and a list is numbered or
bulleted by its numbering definition.
"""

from docx.styles import BabelFish

from .inline import Formatting, W, on

QUOTE_STYLES = {"quote", "intense quote", "block text"}
BULLET_STYLES = {"list bullet", "list bullet 2", "list bullet 3"}
NUMBER_STYLES = {"list number", "list number 2", "list number 3"}


class Styles:
    def __init__(self, document):
        self.by_id = {}
        for style in document.styles.element.findall(W + "style"):
            style_id = style.get(W + "styleId")
            name = style.find(W + "name")
            based = style.find(W + "basedOn")
            self.by_id[style_id] = {
                "name": BabelFish.internal2ui(name.get(W + "val")) if name is not None else style_id,
                "based_on": based.get(W + "val") if based is not None else None,
                "element": style,
            }
        self.formats = self.numbering_formats(document)

    def chain(self, style_id: str | None) -> list[dict]:
        """The style and the ones it is based on, nearest first."""
        found = []
        while style_id in self.by_id and len(found) < 10:
            found.append(self.by_id[style_id])
            style_id = found[-1]["based_on"]
        return found

    def paragraph_style_names(self, paragraph) -> list[str]:
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(W + "val") if style is not None else None
        return [s["name"].lower() for s in self.chain(style_id)]

    def heading_level(self, names: list[str]) -> int | None:
        for name in names:
            if name.startswith("heading ") and name[8:].isdigit():
                return int(name[8:])
        return None

    def list_item(self, paragraph, names: list[str]) -> tuple[bool, int] | None:
        """(numbered, level) for a list item, None for any other paragraph."""
        number = paragraph.find(f"{W}pPr/{W}numPr")
        if number is None:
            style = paragraph.find(f"{W}pPr/{W}pStyle")
            for found in self.chain(style.get(W + "val") if style is not None else None):
                number = found["element"].find(f"{W}pPr/{W}numPr")
                if number is not None:
                    break
        if number is None:
            return None
        num_id = value(number.find(W + "numId"))
        level = int(value(number.find(W + "ilvl")) or 0)
        if num_id in (None, "0"):
            return None  # numbering switched off for this paragraph
        numbered = self.formats.get((num_id, level))
        if numbered is None:
            numbered = not any(name in BULLET_STYLES for name in names)
        # Word's "List Bullet 2" and "List Number 3" are second and third levels by their own
        # numbering's first level: the style's number says the depth.
        for name in names:
            if name in BULLET_STYLES | NUMBER_STYLES and name[-1] in "23":
                level = max(level, int(name[-1]) - 1)
        return numbered, min(level, 3)

    def numbering_formats(self, document) -> dict[tuple[str, int], bool]:
        """(numId, level) -> whether that list level is numbered (rather than bulleted)."""
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return {}
        abstract = {}
        for definition in numbering.findall(W + "abstractNum"):
            levels = {}
            for level in definition.findall(W + "lvl"):
                number_format = value(level.find(W + "numFmt")) or "decimal"
                levels[int(level.get(W + "ilvl") or 0)] = number_format not in ("bullet", "none")
            abstract[definition.get(W + "abstractNumId")] = levels
        formats = {}
        for instance in numbering.findall(W + "num"):
            levels = abstract.get(value(instance.find(W + "abstractNumId")), {})
            for level, numbered in levels.items():
                formats[(instance.get(W + "numId"), level)] = numbered
        return formats

    def run_formatting(self, run) -> Formatting:
        properties = []
        style = run.find(f"{W}rPr/{W}rStyle")
        for found in reversed(self.chain(style.get(W + "val") if style is not None else None)):
            properties.append(found["element"].find(W + "rPr"))
        properties.append(run.find(W + "rPr"))
        formatting = Formatting()
        for rpr in properties:
            if rpr is None:
                continue
            # Right-to-left text is set in bold and italics by Word's complex-script properties.
            for names, attribute in (
                ((W + "b", W + "bCs"), "bold"),
                ((W + "i", W + "iCs"), "italic"),
                ((W + "strike", W + "dstrike"), "struck"),
            ):
                for name in names:
                    element = rpr.find(name)
                    complex_script = name.endswith("Cs")
                    if element is not None and (not complex_script or rpr.find(W + "rtl") is not None):
                        setattr(formatting, attribute, on(element))
            vertical = value(rpr.find(W + "vertAlign"))
            if vertical in ("superscript", "subscript"):
                formatting.vertical = "sup" if vertical == "superscript" else "sub"
            elif vertical == "baseline":
                formatting.vertical = ""
        return formatting


def value(element) -> str | None:
    return element.get(W + "val") if element is not None else None
