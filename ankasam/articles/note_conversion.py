"""Pasted notes of an article's languages: offered after a save, converted into a new draft.

The detection and the conversion themselves are plain functions in pasted_notes.py; this module
reads them from a page and writes the result as the editor's next draft revision.
"""

from ankasam.core.languages import field_in, localized_field, site_language_codes

from .content import footnote_blocks, paragraph
from .pasted_notes import PastedNotes, convert_pasted_notes, pasted_notes_in


def body_as_html(page, language: str) -> list[tuple]:
    """The language's body as (block type, value), a paragraph's value as its HTML."""
    stream = field_in(page, "body", language) or []
    return [
        (block.block_type, block.value.source if block.block_type == "paragraph" else block.value)
        for block in stream
    ]


def pasted_notes_by_language(page) -> dict[str, PastedNotes]:
    """The languages whose text holds notes pasted as [1]..[n] and a numbered run at the end."""
    found = {}
    for language in site_language_codes():
        notes = field_in(page, "footnotes", language) or []
        pasted = pasted_notes_in(body_as_html(page, language), existing_notes=len(notes))
        if pasted:
            found[language] = pasted
    return found


def convert_pasted_notes_in_draft(page, language: str, user) -> int:
    """Convert `language`'s pasted notes in the latest revision, saved as a new draft revision;
    the number of notes made (0 when there is nothing to convert any more)."""
    draft = page.get_latest_revision_as_object()
    pasted = pasted_notes_by_language(draft).get(language)
    if pasted is None:
        return 0
    blocks, notes = convert_pasted_notes(body_as_html(draft, language), pasted)
    body = [paragraph(value) if kind == "paragraph" else (kind, value) for kind, value in blocks]
    setattr(draft, localized_field("body", language), body)
    setattr(draft, localized_field("footnotes", language), footnote_blocks(notes))
    # A draft: another language's unfinished notes must not stop this one's conversion.
    draft.footnotes_may_be_inconsistent = True
    draft.save_revision(user=user, log_action=True)
    return len(notes)
