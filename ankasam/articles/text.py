"""An article body's text as a reader reads it: its blocks as plain text, footnote markers left
out, its reading time. Descriptions, the search index and reading time take its words from here.
"""

import math

from ankasam.core.text import html_to_text, word_count

from .footnotes import MARKER

WORDS_PER_MINUTE = 230


def without_markers(text: str) -> str:
    """The text without its footnote markers ([^kazemi-2023]): labels for editors, not words."""
    return MARKER.sub("", text)


def plain_text_of_block(block_type: str, value) -> str:
    if block_type == "paragraph":
        return html_to_text(value.source if hasattr(value, "source") else value)
    if block_type in ("heading", "code"):
        return str(value)
    if block_type == "quote":
        return f"{value['quote']} {value.get('attribution') or ''}"
    if block_type == "table" and value:
        rows = value.get("data") or []
        return " ".join(str(cell) for row in rows for cell in row if cell)
    return ""


def plain_text(stream_value) -> str:
    """The body's words, footnote markers included (they say where each note is referred to)."""
    if not stream_value:
        return ""
    return " ".join(plain_text_of_block(block.block_type, block.value) for block in stream_value)


def reader_text(stream_value) -> str:
    """The body's words as readers read them: without footnote markers."""
    return without_markers(plain_text(stream_value))


def reading_minutes(stream_value) -> int:
    words = word_count(reader_text(stream_value))
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
