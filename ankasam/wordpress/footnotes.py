"""Footnotes in WordPress post content, turned into our `[^label]` markers and notes.

Handles WordPress core footnotes (block editor, 6.3+), hand-typed `[1]` / `<sup>1</sup>` markers
with a trailing list of notes, and the inline shortcodes of the common footnote plugins. Labels are
"1", "2", ... in the order a reader meets the references, as `ankasam.articles.footnotes` numbers
them on the page.

Everything here works on the source string by position, never by parsing and re-serialising it:
a parser would rewrite entities (`&nbsp;` becomes U+00A0), quoting and void tags, and notes must
come out exactly as written, Persian and Arabic included. Nothing is dropped: a marker without a
note stays as typed and a note without a marker is kept at the end, both reported in `problems`.
"""

import json
import re
from dataclasses import dataclass, field

from ankasam.articles.content import Note


@dataclass
class FootnoteResult:
    body_html: str
    notes: list[Note] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# A recognised marker is first swapped for a sentinel naming its note; labels are given only at
# the end, once every format has been read, so numbering follows the text and not the format.
SENTINEL = re.compile("\x00FN(\\d+)\x00")

CORE_MARKER = re.compile(
    r"<sup\b[^>]*?\bdata-fn\s*=\s*[\"']([^\"']+)[\"'][^>]*>.*?</sup>", re.IGNORECASE | re.DOTALL
)
# Note text is bounded so that stray unclosed `((` in a long post cannot make the search quadratic.
SHORTCODE = re.compile(
    r"\(\((?P<parens>.{1,4000}?)\)\)"
    r"|\[(?P<tag>ref|efn_note|footnote)(?:\s[^\]]*)?\](?P<content>.{0,4000}?)\[/(?P=tag)\]",
    re.IGNORECASE | re.DOTALL,
)
# `<sup>1</sup>`, `<sup>[1]</sup>` or `[1]`, optionally inside one link (Word and editors add it).
HAND_MARKER = re.compile(
    r"(?P<link><a\b[^>]*>\s*)?"
    r"(?:<sup\b[^>]*>\s*(?:\[(?P<sup_bracket>\d{1,3})\]|(?P<sup_plain>\d{1,3}))\s*</sup>"
    r"|\[(?P<bracket>\d{1,3})\])"
    r"(?(link)\s*</a>)",
    re.IGNORECASE,
)
# Tags are matched whole so that a `[1]` inside an attribute is stepped over, never replaced.
HAND_MARKER_OR_TAG = re.compile(rf"(?P<marker>{HAND_MARKER.pattern})|<[^>]*>", re.IGNORECASE)
NOTES_HEADINGS = {
    "notes",
    "footnotes",
    "references",
    "kaynakça",
    "dipnotlar",
    "notlar",
    "примечания",
    "сноски",
}
HEADING = re.compile(
    r"<h[1-6]\b[^>]*>(?P<h>.*?)</h[1-6]\s*>"
    r"|<p\b[^>]*>\s*<(?P<b>strong|b)\b[^>]*>(?P<bold>.*?)</(?P=b)\s*>\s*</p\s*>",
    re.IGNORECASE | re.DOTALL,
)
TAG = re.compile(r"<[^>]*>")
# `&nbsp;` is spelled out because the source keeps entities as typed; U+00A0 is there too.
SPACE = r"(?:\s|&nbsp;|&#160;|&#xa0;)"
# Whitespace and block-editor comments may sit between the blocks of a notes section.
GAP = re.compile(r"(?:\s|<!--.*?-->)*", re.DOTALL)
NOTE_PREFIX = re.compile(
    rf"^{SPACE}*(?P<open>(?:<(?:a|sup|span|strong|b)\b[^>]*>{SPACE}*)*)"
    rf"(?:\[(?P<bracket>\d{{1,3}})\]|(?P<dotted>\d{{1,3}})\.(?={SPACE}|<))"
    r"(?P<close>(?:\s*</(?:a|sup|span|strong|b)\s*>)*)",
    re.IGNORECASE,
)
LEADING_SPACE = re.compile(rf"^{SPACE}+")
TRAILING_SPACE = re.compile(r"[ \t\r\n]+$")


@dataclass
class _Collected:
    """Notes found so far, keyed by where they came from ("core:UUID", "hand:3", "inline:0")."""

    notes: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    def sentinel(self, key: str) -> str:
        self.keys.append(key)
        return f"\x00FN{len(self.keys) - 1}\x00"


def extract_footnotes(html: str, meta_footnotes: str | None) -> FootnoteResult:
    """Turn every footnote format in `html` into `[^n]` markers and return the body and its notes.

    `meta_footnotes` is the post meta `footnotes` (JSON) that WordPress core footnotes keep.
    """
    collected = _Collected()
    body = _replace_core_markers(html, meta_footnotes, collected)
    body = _replace_shortcodes(body, collected)
    body, hand_notes = _remove_notes_section(body)
    for number, note_html in hand_notes:
        key = f"hand:{number}"
        if key in collected.notes:
            collected.problems.append(f"two notes are numbered {number}; the second is kept at the end")
            key = f"hand:{number}:{len(collected.notes)}"
        collected.notes[key] = note_html
        collected.names[key] = f"note {number}"
    body = _replace_hand_markers(body, collected)
    return _number(body, collected)


def _replace_core_markers(html: str, meta_footnotes: str | None, collected: _Collected) -> str:
    for note_id, content in _core_notes(meta_footnotes, collected.problems):
        collected.notes[f"core:{note_id}"] = content
        collected.names[f"core:{note_id}"] = f"note {note_id}"

    def replace(match: re.Match) -> str:
        key = f"core:{match.group(1)}"
        if key not in collected.notes:
            collected.problems.append(f"footnote {match.group(1)} has no note in the post meta; kept as text")
            return match.group(0)
        return collected.sentinel(key)

    return CORE_MARKER.sub(replace, html)


def _core_notes(meta_footnotes: str | None, problems: list[str]) -> list[tuple[str, str]]:
    if not meta_footnotes or not meta_footnotes.strip():
        return []
    try:
        entries = json.loads(meta_footnotes)
    except json.JSONDecodeError as error:
        problems.append(f"the footnotes post meta is not valid JSON ({error.msg}); its notes were not read")
        return []
    if not isinstance(entries, list):
        problems.append("the footnotes post meta is not a list; its notes were not read")
        return []
    notes = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(f"entry {position} of the footnotes post meta has no id; skipped")
            continue
        content = entry.get("content")
        notes.append((entry["id"], content if isinstance(content, str) else ""))
    return notes


def _replace_shortcodes(html: str, collected: _Collected) -> str:
    def replace(match: re.Match) -> str:
        content = match.group("parens") if match.group("parens") is not None else match.group("content")
        key = f"inline:{len(collected.notes)}"
        collected.notes[key] = content.strip(" \t\r\n")
        collected.names[key] = f"inline note “{_excerpt(content)}”"
        return collected.sentinel(key)

    return SHORTCODE.sub(replace, html)


def _replace_hand_markers(html: str, collected: _Collected) -> str:
    has_hand_notes = any(key.startswith("hand:") for key in collected.notes)

    def replace(match: re.Match) -> str:
        if match.group("marker") is None:
            return match.group(0)
        number = match.group("sup_bracket") or match.group("sup_plain") or match.group("bracket")
        key = f"hand:{int(number)}"
        if key not in collected.notes and match.group("sup_plain") and not has_hand_notes:
            return match.group(0)  # a bare superscript number in a post without notes is m², not a note
        if key not in collected.notes:
            shown = f"<sup>{number}</sup>" if match.group("sup_plain") else f"[{number}]"
            collected.problems.append(f"marker {shown} has no note; kept as text")
            return match.group(0)
        return collected.sentinel(key)

    return HAND_MARKER_OR_TAG.sub(replace, html)


def _number(body: str, collected: _Collected) -> FootnoteResult:
    labels: dict[str, str] = {}

    def replace(match: re.Match) -> str:
        key = collected.keys[int(match.group(1))]
        labels.setdefault(key, str(len(labels) + 1))
        return f"[^{labels[key]}]"

    body = SENTINEL.sub(replace, body)
    notes = [Note(label, collected.notes[key]) for key, label in labels.items()]
    for key, note_html in collected.notes.items():
        if key not in labels:
            label = str(len(notes) + 1)
            notes.append(Note(label, note_html))
            collected.problems.append(
                f"{collected.names[key]} is never referred to; kept at the end as note {label}"
            )
    return FootnoteResult(body_html=body, notes=notes, problems=collected.problems)


def _remove_notes_section(html: str) -> tuple[str, list[tuple[int, str]]]:
    """Find the trailing list of hand-typed notes, cut it out, and return its (number, html) pairs."""
    heading = _last_notes_heading(html)
    if heading is not None:
        after = GAP.match(html, heading.end()).end()
        ordered_list = _element_at(html, after, "ol")
        if ordered_list is not None:
            start_attr = re.search(r"\bstart\s*=\s*[\"']?(\d+)", html[after : ordered_list[1]], re.I)
            first = int(start_attr.group(1)) if start_attr else 1
            items = _children(html, ordered_list[1], ordered_list[2], "li")
            notes = [
                (first + n, _trim(html[inner_start:inner_end]))
                for n, (inner_start, inner_end) in enumerate(items)
            ]
            return _cut(html, heading.start(), ordered_list[3]), notes
        paragraphs = _prefixed_paragraphs_from(html, after)
        if paragraphs:
            return _cut(html, heading.start(), paragraphs[-1][0]), [note for _, note in paragraphs]
    return _remove_trailing_note_paragraphs(html)


def _remove_trailing_note_paragraphs(html: str) -> tuple[str, list[tuple[int, str]]]:
    # Without a heading, only a run of numbered paragraphs that ends the post counts, and it must
    # count 1, 2, 3... and the text must refer to one of them: otherwise a closing paragraph such
    # as "1. Conclusion" would be moved into the notes.
    for start in _paragraph_starts(html):
        paragraphs = _prefixed_paragraphs_from(html, start)
        if not paragraphs or GAP.match(html, paragraphs[-1][0]).end() != len(html):
            continue
        numbers = [number for _, (number, _) in paragraphs]
        if numbers == list(range(1, len(numbers) + 1)) and _refers_to_any(html[:start], numbers):
            return _cut(html, start, len(html)), [note for _, note in paragraphs]
    return html, []


def _refers_to_any(html: str, numbers: list[int]) -> bool:
    for match in HAND_MARKER_OR_TAG.finditer(html):
        if match.group("marker") is None:
            continue
        number = match.group("sup_bracket") or match.group("sup_plain") or match.group("bracket")
        if int(number) in numbers:
            return True
    return False


def _paragraph_starts(html: str) -> list[int]:
    return [match.start() for match in re.finditer(r"<p\b", html, re.IGNORECASE)]


def _prefixed_paragraphs_from(html: str, position: int) -> list[tuple[int, tuple[int, str]]]:
    """Consecutive paragraphs from `position` that start with `[n]` or `n.`: (end, (n, note html))."""
    found = []
    while True:
        element = _element_at(html, position, "p")
        if element is None:
            return found
        _, inner_start, inner_end, end = element
        inner = html[inner_start:inner_end]
        prefix = NOTE_PREFIX.match(inner)
        if prefix is None or (prefix.group("open") and not prefix.group("close")):
            return found
        number = int(prefix.group("bracket") or prefix.group("dotted"))
        found.append((end, (number, _trim(LEADING_SPACE.sub("", inner[prefix.end() :])))))
        position = GAP.match(html, end).end()


def _last_notes_heading(html: str) -> re.Match | None:
    last = None
    for match in HEADING.finditer(html):
        text = TAG.sub("", match.group("h") if match.group("h") is not None else match.group("bold"))
        text = re.sub(r"&nbsp;|&#160;|&#xa0;", " ", text, flags=re.IGNORECASE)
        if text.strip(" \t\r\n:\xa0").casefold() in NOTES_HEADINGS:
            last = match
    return last


def _element_at(html: str, position: int, tag: str) -> tuple[int, int, int, int] | None:
    """The `tag` element starting exactly at `position`: (start, inner start, inner end, end)."""
    opening = re.compile(rf"<{tag}\b[^>]*>", re.IGNORECASE).match(html, position)
    if opening is None:
        return None
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE).finditer(html, opening.end()):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return position, opening.end(), match.start(), match.end()
    return None


def _children(html: str, start: int, end: int, tag: str) -> list[tuple[int, int]]:
    """Inner spans of the top-level `tag` elements between `start` and `end`."""
    spans = []
    opening = re.compile(rf"<{tag}\b", re.IGNORECASE)
    position = start
    while (match := opening.search(html, position, end)) is not None:
        element = _element_at(html, match.start(), tag)
        if element is None or element[3] > end:
            break
        spans.append((element[1], element[2]))
        position = element[3]
    return spans


def _cut(html: str, start: int, end: int) -> str:
    # Take the block editor's comments that wrapped the removed blocks with them.
    opening = re.search(r"(?:<!--\s*wp:[^>]*-->\s*)+$", html[:start])
    if opening:
        start = opening.start()
    closing = re.compile(r"(?:\s*<!--\s*/wp:[^>]*-->)+").match(html, end)
    if closing:
        end = closing.end()
    return TRAILING_SPACE.sub("", html[:start]) + html[end:]


def _trim(html: str) -> str:
    return html.strip(" \t\r\n")


def _text(html: str) -> str:
    return TAG.sub("", html).strip()


def _excerpt(html: str) -> str:
    text = _text(html)
    return text if len(text) <= 40 else text[:39] + "…"
