"""Share cards: the 1200×630 picture a link preview shows when a page has no image of its own.

Drawn with Pillow in the shipped fonts (static/fonts), so Turkish, Cyrillic and Persian titles
render the same on every machine. Each card is drawn once and kept in the default storage under
a name made of the page, the language, the live revision and a digest of what the card says.
"""

import hashlib
import io
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

from ankasam.core.languages import text_direction, written_in

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# Raise when the drawing changes, so that cards already stored are drawn again.
DESIGN_VERSION = 2

PAPER = (250, 248, 244)
INK = (29, 35, 43)
MUTED = (96, 106, 118)
ACCENT = (158, 59, 38)

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
STORAGE_DIR = "share-cards"
# The publisher logo in JSON-LD, a static file drawn by scripts/draw_logo.py.
LOGO_PATH = "img/logo.png"
LOGO_SIZE = 512
MARK_SIZE = 64


@dataclass(frozen=True)
class ShareCard:
    """What a card says, each text in `language` (the title's language sets the layout's direction)."""

    title: str
    language: str
    site_name: str
    kicker: str = ""
    byline: str = ""
    # The editors' logo (Settings → Site identity), a file in storage; the site's mark without one.
    logo: str = ""

    def digest(self) -> str:
        text = "\x1f".join([str(DESIGN_VERSION), *astuple(self)])
        return hashlib.sha256(text.encode()).hexdigest()[:12]


@cache
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / name), size)


def has_arabic_script(text: str) -> bool:
    return written_in("arabic", text)


def font_for(word: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Vazirmatn for a word in Arabic script (Persian, Arabic), DejaVu Sans for everything else."""
    if has_arabic_script(word):
        return font("Vazirmatn-Bold.ttf" if bold else "Vazirmatn-Regular.ttf", size)
    return font("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", size)


def word_direction(word: str) -> str:
    return "rtl" if has_arabic_script(word) else "ltr"


def word_width(word: str, size: int, bold: bool) -> float:
    return font_for(word, size, bold).getlength(word, direction=word_direction(word))


def space_width(size: int, bold: bool) -> float:
    return font_for(" ", size, bold).getlength(" ")


def wrap(text: str, size: int, bold: bool, max_width: float) -> list[list[str]]:
    """Words in lines no wider than max_width; a single word wider than that gets a line of its own."""
    lines, line, width = [], [], 0.0
    for word in text.split():
        needed = word_width(word, size, bold) + (space_width(size, bold) if line else 0)
        if line and width + needed > max_width:
            lines.append(line)
            line, width = [], 0.0
            needed = word_width(word, size, bold)
        line.append(word)
        width += needed
    if line:
        lines.append(line)
    return lines


def visual_order(words: list[str], base_direction: str) -> list[str]:
    """Words from left to right: a run of words against the line's direction keeps its own order.

    A word-level version of the Unicode bidi algorithm, enough for titles: a Persian phrase inside
    an English title reads right to left, an English name inside a Persian title left to right.
    """
    runs = []
    for word in words:
        direction = word_direction(word)
        if runs and runs[-1][0] == direction:
            runs[-1][1].append(word)
        else:
            runs.append((direction, [word]))
    ordered = [list(reversed(ws)) if direction == "rtl" else ws for direction, ws in runs]
    if base_direction == "rtl":
        ordered.reverse()
    return [word for run in ordered for word in run]


def line_width(words: list[str], size: int, bold: bool) -> float:
    return sum(word_width(w, size, bold) for w in words) + space_width(size, bold) * (len(words) - 1)


def draw_line(draw, words, *, y, size, bold, fill, direction):
    """One line on its baseline y, from the left margin (or the right one in a right-to-left layout)."""
    width = line_width(words, size, bold)
    x = WIDTH - MARGIN - width if direction == "rtl" else MARGIN
    for word in visual_order(words, direction):
        draw.text(
            (x, y),
            word,
            font=font_for(word, size, bold),
            fill=fill,
            anchor="ls",
            direction=word_direction(word),
        )
        x += word_width(word, size, bold) + space_width(size, bold)


def shorten(words: list[str], size: int, bold: bool, max_width: float) -> list[str]:
    """The line with words dropped from its end until it fits with an ellipsis after it (text was cut)."""
    words = list(words)
    while len(words) > 1 and line_width([*words[:-1], words[-1] + "…"], size, bold) > max_width:
        words.pop()
    return [*words[:-1], words[-1].rstrip(",;:") + "…"]


def fit_title(title: str, max_width: float, max_height: float) -> tuple[int, list[list[str]]]:
    """The largest font size (64 down to 40 px) at which the title fits; at 40 px, cut to fit."""
    for size in range(64, 39, -4):
        lines = wrap(title, size, True, max_width)
        if len(lines) * size * 1.25 <= max_height:
            return size, lines
    size = 40
    lines = wrap(title, size, True, max_width)
    max_lines = int(max_height // (size * 1.25))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten(lines[-1], size, True, max_width)
    return size, lines


def one_line(text: str, size: int, max_width: float) -> list[str]:
    """The text's words on one line, cut with an ellipsis when they do not fit."""
    lines = wrap(text, size, False, max_width)
    return lines[0] if len(lines) == 1 else shorten(lines[0], size, False, max_width)


def draw_muted_line(draw, text: str, *, size: int, y: int, direction: str) -> None:
    words = one_line(text, size, WIDTH - 2 * MARGIN)
    draw_line(draw, words, y=y, size=size, bold=False, fill=MUTED, direction=direction)


def draw_share_card(card: ShareCard) -> bytes:
    """The card as PNG bytes."""
    direction = (
        "rtl" if text_direction(card.language) == "rtl" or has_arabic_script(card.title[:1]) else "ltr"
    )
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 12], fill=ACCENT)
    draw_logo_or_mark(image, draw, card.logo, direction)
    draw_line(draw, card.site_name.split(), y=110, size=34, bold=True, fill=ACCENT, direction=direction)
    if card.kicker:
        draw_muted_line(draw, card.kicker, size=28, y=165, direction=direction)

    top, bottom = 200, 500
    size, lines = fit_title(card.title, WIDTH - 2 * MARGIN, bottom - top)
    y = top + size
    for line in lines:
        draw_line(draw, line, y=y, size=size, bold=True, fill=INK, direction=direction)
        y += size * 1.25

    if card.byline:
        draw_muted_line(draw, card.byline, size=30, y=565, direction=direction)
    draw.rectangle([0, HEIGHT - 6, WIDTH, HEIGHT], fill=ACCENT)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def draw_mark(draw, left: float, top: float, size: float) -> None:
    """The site's mark (templates/includes/mark.svg, drawn on a 32-unit square) at the given box."""
    unit = size / 32

    def at(x, y):
        return (left + x * unit, top + y * unit)

    draw.rounded_rectangle([at(0, 0), at(32, 32)], radius=6 * unit, fill=ACCENT)
    draw.line([at(8.5, 25), at(16, 7.5), at(23.5, 25)], fill=PAPER, width=round(3 * unit), joint="curve")
    draw.line([at(4.5, 19.5), at(27.5, 19.5)], fill=PAPER, width=round(2 * unit))


def draw_logo_or_mark(image, draw, logo: str, direction: str) -> None:
    """The editors' logo, else the site's mark, in the top corner the text does not start from."""
    top = 62
    if logo and default_storage.exists(logo):
        with default_storage.open(logo, "rb") as stored:
            picture = Image.open(stored).convert("RGBA")
            picture.thumbnail((MARK_SIZE * 5, MARK_SIZE))
        left = WIDTH - MARGIN - picture.width if direction == "ltr" else MARGIN
        image.paste(picture, (left, top), picture)
        return
    draw_mark(draw, WIDTH - MARGIN - MARK_SIZE if direction == "ltr" else MARGIN, top, MARK_SIZE)


def draw_logo(site_name: str, size: int = 512) -> bytes:
    """A square logo for publishers' JSON-LD: the site's mark (the name is the JSON-LD's own)."""
    image = Image.new("RGB", (size, size), PAPER)
    draw_mark(ImageDraw.Draw(image), 0, 0, size)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def stored_share_card(page_id: int, revision_id, card: ShareCard) -> bytes:
    """The card's PNG, drawn and stored on first use; older cards of the page in that language go."""
    folder = f"{STORAGE_DIR}/{page_id}"
    prefix = f"{card.language}-"
    name = f"{folder}/{prefix}{revision_id or 0}-{card.digest()}.png"
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    png = draw_share_card(card)
    saved = default_storage.save(name, ContentFile(png))
    _, files = default_storage.listdir(folder)
    for stale in files:
        if stale.startswith(prefix) and f"{folder}/{stale}" != saved:
            default_storage.delete(f"{folder}/{stale}")
    return png
