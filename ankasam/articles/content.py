"""Writing an article's text in one language from code.

The demo loader, the tests and the WordPress importer all build bodies through this module, so
a body with footnote references and its notes is made the same way everywhere.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.rich_text import RichText

from ankasam.core.languages import localized_field

from .sanitise import clean_stored_rich_text


@dataclass(frozen=True)
class Note:
    label: str
    html: str


def paragraph(html: str) -> tuple[str, RichText]:
    return ("paragraph", RichText(clean_stored_rich_text(html)))


def heading(text: str) -> tuple[str, str]:
    return ("heading", text)


def quote(text: str, attribution: str = "") -> tuple[str, dict]:
    return ("quote", {"quote": text, "attribution": attribution})


def image(image, caption: str = "") -> tuple[str, dict]:
    return ("image", {"image": image, "caption": caption})


def footnote_blocks(notes: Iterable[Note]) -> list[tuple[str, dict]]:
    return [
        ("footnote", {"label": note.label, "text": RichText(clean_stored_rich_text(note.html))})
        for note in notes
    ]


def ascii_slug(text: str) -> str:
    return slugify(anyascii(text))[:255]


def write_article_translation(
    article,
    language: str,
    *,
    title: str,
    blocks: Iterable[tuple],
    notes: Iterable[Note] = (),
    standfirst: str = "",
    slug: str | None = None,
):
    """Set the article's title, slug, standfirst, body and notes in `language` (not saved)."""
    values = {
        "title": title,
        "slug": slug or ascii_slug(title),
        "standfirst": standfirst,
        "body": list(blocks),
        "footnotes": footnote_blocks(notes),
    }
    for field_name, value in values.items():
        setattr(article, localized_field(field_name, language), value)
    return article
