"""Plain text out of stored HTML, as a reader reads it: descriptions, previews, search, the PDF.

An article body's text (its blocks, without footnote markers, and its reading time) is built on
these in `articles/text.py`.
"""

import re
from html import unescape

from django.utils.html import strip_tags

# After a word of three letters or more, so that "Dr. Aydın" is not taken for two sentences.
SENTENCE_END = re.compile(r"(?<=\w\w\w[.!?؟])\s+")


def html_to_text(html) -> str:
    """Markup as a reader reads it: no tags, entities decoded (`&amp;` is `&`)."""
    # Tags first: decoded text may hold a "<" the author typed, which is a word, not a tag.
    return unescape(strip_tags(str(html or "")))


def word_count(text: str) -> int:
    return len(text.split())


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text else ""
