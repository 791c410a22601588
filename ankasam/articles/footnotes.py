"""Footnotes typed as markers in the text and numbered when the article is rendered.

The text refers to a note by its label, `[^label]`; each language of an article holds its own
notes. Readers see the notes numbered in order of first reference; a note referred to twice keeps
its number and gets a link back to each reference. docs/decisions/footnotes.md explains the design.
"""

import re
from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ankasam.core.bidi import isolate_other_direction, paragraph_direction
from ankasam.core.text import html_to_text

from .sanitise import clean_note_html

# A note's label: what editors type between "[^" and "]" in the text, and in the note's label field.
LABEL = r"[\w.:-]{1,40}"
MARKER = re.compile(rf"\[\^({LABEL})\]")
HTML_TAG = re.compile(r"(<[^>]*>)")


@dataclass
class Footnote:
    number: int
    label: str
    html: SafeString
    reference_ids: list[str] = field(default_factory=list)
    # The note's paragraph direction (`set_note_directions`): the page's, unless it is wholly
    # written the other way.
    direction: str = "ltr"

    @property
    def anchor(self) -> str:
        return f"fn-{self.number}"


def markers_in(text: str) -> list[str]:
    """Labels referred to in `text`, in order, repeats included."""
    return MARKER.findall(text)


def footnote_problems(body_text: str, labels: list[str]) -> list[str]:
    """What an editor must fix before saving: unknown, duplicate or unused labels."""
    problems = []
    seen = set()
    for label in labels:
        if label in seen:
            problems.append(gettext("two notes have the label “%(label)s”") % {"label": label})
        seen.add(label)
    referenced = markers_in(body_text)
    for label in dict.fromkeys(referenced):
        if label not in seen:
            problems.append(gettext("[^%(label)s] refers to a note that does not exist") % {"label": label})
    for label in dict.fromkeys(labels):
        if label not in referenced:
            problems.append(gettext("the note “%(label)s” is not referred to in the text") % {"label": label})
    return problems


def number_footnotes(body_html: str, notes: list[tuple[str, str]]) -> tuple[SafeString, list[Footnote]]:
    """Replace markers in rendered body HTML by numbered references; return the body and its notes.

    `notes` holds (label, note HTML) pairs. Markers are replaced in text only, never inside tags.
    A marker without a note stays visible as typed; notes nobody refers to follow the referenced
    ones, so nothing an author wrote is lost.
    """
    note_html = {}
    for label, html in notes:
        note_html.setdefault(label, html)
    by_label: dict[str, Footnote] = {}

    def replace(match: re.Match) -> str:
        label = match.group(1)
        if label not in note_html:
            return match.group(0)
        note = by_label.get(label)
        if note is None:
            note = Footnote(len(by_label) + 1, label, clean_note_html(note_html[label]))
            by_label[label] = note
        ref_id = f"fnref-{note.number}" + (f"-{len(note.reference_ids) + 1}" if note.reference_ids else "")
        note.reference_ids.append(ref_id)
        return (
            f'<sup class="footnote-ref" id="{ref_id}">'
            f'<a href="#{note.anchor}" role="doc-noteref" aria-describedby="footnotes-heading">'
            f"{note.number}</a></sup>"
        )

    pieces = HTML_TAG.split(body_html)
    # split() with a capturing group alternates text and tags; only text is searched.
    for index in range(0, len(pieces), 2):
        pieces[index] = MARKER.sub(replace, pieces[index])

    footnotes = list(by_label.values())
    for label, html in note_html.items():
        if label not in by_label:
            footnotes.append(Footnote(len(footnotes) + 1, label, clean_note_html(html)))
    return mark_safe("".join(pieces)), footnotes


def set_note_directions(footnotes: list[Footnote], page_direction: str) -> list[Footnote]:
    """Give each note its paragraph direction and isolate the runs written the other way.

    A note beginning with a Persian title in an English piece stays a left-to-right paragraph, so
    its source and date keep the order they were typed in (core/bidi.py).
    """
    for note in footnotes:
        note.direction = paragraph_direction(html_to_text(note.html), page_direction)
        note.html = isolate_other_direction(note.html, note.direction)
    return footnotes
