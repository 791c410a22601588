"""Plain text out of stored HTML, for texts that leave the page (descriptions, previews)."""

import re
from html import unescape

from django.utils.html import strip_tags

# After a word of three letters or more, so that "Dr. Aydın" is not taken for two sentences.
SENTENCE_END = re.compile(r"(?<=\w\w\w[.!?؟])\s+")


def html_to_text(html) -> str:
    return " ".join(unescape(strip_tags(str(html or ""))).split())


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text else ""
