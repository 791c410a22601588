"""Plain text of an article body, for its reading time, its search index entry and its descriptions."""

import math

from django.utils.html import strip_tags

from .footnotes import MARKER

WORDS_PER_MINUTE = 230


def plain_text_of_block(block_type: str, value) -> str:
    if block_type == "paragraph":
        return strip_tags(value.source if hasattr(value, "source") else str(value))
    if block_type == "heading":
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


def reading_minutes(stream_value) -> int:
    words = len(MARKER.sub("", plain_text(stream_value)).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
