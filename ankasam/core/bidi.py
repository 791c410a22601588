"""Text in two directions: a note in an English piece that quotes a Persian title, and the reverse.

`dir="auto"` gives a paragraph the direction of its first strong letter, so a note beginning with
a Persian title became a right-to-left paragraph and its Latin source and date were reordered
around it. Instead a paragraph takes the direction of the page's language (unless none of its
letters is written in that direction), and each run written in the other direction is isolated in
a `<bdi>` that states its own direction: the runs then sit in the order they were typed. The
isolation is made when the text is rendered, never typed by editors, and is the same markup in the
page, its print view and footnote previews, and the PDF. docs/architecture.md ("Text in two
directions") says where it applies.
"""

import re
import unicodedata

from django.utils.safestring import SafeString, mark_safe

from .languages import SCRIPT_CHARACTERS

# Tags and character references: never cut by a run ("&lt;" holds Latin letters).
TAG_OR_REFERENCE = re.compile(r"(<[^>]*>|&#?\w+;)")
# Letters only Persian writes (پ چ ژ گ and the Persian kaf and yeh), and letters only Arabic
# writes (teh marbuta, the Arabic kaf and yeh, alef maksura): a run with neither is left unnamed.
PERSIAN_LETTERS = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
ARABIC_LETTERS = re.compile("[\u0629\u0643\u064a\u0649]")
# Unicode's categories of opening and closing brackets and quotation marks.
BRACKETS_AND_QUOTES = {"Ps", "Pe", "Pi", "Pf"}
# A web address, with its scheme or from its host ("example.org/fa/...", as MLA writes it),
# without the full stop or comma after it.
WEB_ADDRESS = re.compile(
    r"(?:https?://|(?<![\w/])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*/)[^\s<>\"«»“”]*[^\s<>\"«»“”.,;:!?)]"
)
# The typewriter, typographic and modifier-letter apostrophes.
APOSTROPHES = {"'", "\u2019", "\u02bc"}


def strong_direction(char: str) -> str | None:
    """ "ltr" or "rtl" for a letter with a strong direction; None for spaces, digits, punctuation."""
    kind = unicodedata.bidirectional(char)
    if kind == "L":
        return "ltr"
    if kind in ("R", "AL"):
        return "rtl"
    return None


def directions_in(text: str) -> set[str]:
    return {direction for direction in map(strong_direction, text) if direction}


def paragraph_direction(text: str, page_direction: str) -> str:
    """The page's direction, unless the text has no letter written that way but some the other way.

    A note wholly in Persian on an English page reads right to left; a note mixing both takes the
    page's direction and has its other runs isolated (`isolate_other_direction`).
    """
    found = directions_in(text)
    if page_direction in found or not found:
        return page_direction
    return found.pop()


def opposite(direction: str) -> str:
    return "ltr" if direction == "rtl" else "rtl"


def extends_run(char: str, run_direction: str) -> bool:
    """Whether a run written in `run_direction`, once begun by a letter, may end with this character.

    A right-to-left run also takes the Arabic script's own digits and punctuation (Arabic comma,
    Persian digits), and a left-to-right one the digits that follow its words ("Review 12").
    """
    if strong_direction(char) == run_direction:
        return True
    if run_direction == "ltr":
        return unicodedata.bidirectional(char) == "EN"
    return bool(SCRIPT_CHARACTERS["arabic"].match(char))


def ends_run(char: str) -> bool:
    """A letter of the other direction, a bracket or a quotation mark.

    Brackets and quotation marks belong to the paragraph around the run: inside it they would be
    mirrored and moved, and the pair typed around a Persian title would come apart.
    """
    return bool(strong_direction(char)) or char == '"' or unicodedata.category(char) in BRACKETS_AND_QUOTES


def apostrophe_within_word(text: str, index: int, run_direction: str) -> bool:
    """An apostrophe between two letters of the run, as in the transliterations `Amudar’ya` and
    `Ja'fari`: part of the word, although ’ is also a closing quotation mark."""
    return (
        text[index] in APOSTROPHES
        and 0 < index < len(text) - 1
        and strong_direction(text[index - 1]) == run_direction == strong_direction(text[index + 1])
    )


def run_spans(text: str, run_direction: str) -> list[tuple[int, int]]:
    """(start, end) of each run: from a letter of the run's direction to the last character that
    extends it before a letter of the other direction, a bracket or a quotation mark."""
    spans = []
    start = end = None
    url_end = 0
    for index, char in enumerate(text):
        if index < url_end:
            continue
        address = WEB_ADDRESS.match(text, index) if run_direction == "ltr" else None
        if address:
            # An address is read left to right whole: its slashes and dots would otherwise be
            # left outside the run and moved to its other side.
            start = index if start is None else start
            end = url_end = address.end()
            continue
        if strong_direction(char) == run_direction and start is None:
            start = index
        if start is not None and (
            extends_run(char, run_direction) or apostrophe_within_word(text, index, run_direction)
        ):
            end = index + 1
        elif ends_run(char) and start is not None:
            spans.append((start, end))
            start = None
    if start is not None:
        spans.append((start, end))
    return spans


def run_language(text: str) -> str:
    """The language of a right-to-left run, when its letters tell ("fa", "ar"); else ""."""
    if PERSIAN_LETTERS.search(text):
        return "fa"
    if ARABIC_LETTERS.search(text):
        return "ar"
    return ""


def isolated(run: str, direction: str) -> str:
    language = run_language(run) if direction == "rtl" else ""
    lang = f' lang="{language}"' if language else ""
    return f'<bdi dir="{direction}"{lang}>{run}</bdi>'


def isolate_in_text(text: str, run_direction: str) -> str:
    pieces = []
    position = 0
    for start, end in run_spans(text, run_direction):
        pieces += [text[position:start], isolated(text[start:end], run_direction)]
        position = end
    return "".join([*pieces, text[position:]])


def isolate_other_direction(html: str, paragraph: str) -> SafeString:
    """Safe HTML with each run written against the paragraph's direction in a `<bdi>`.

    Only text between tags is read, so a run inside a link is isolated inside it. A character
    reference ("&amp;", which the sanitiser writes for "&") ends a run and stays whole.
    """
    pieces = TAG_OR_REFERENCE.split(str(html))
    # split() with a capturing group alternates text and tags (or references).
    for index in range(0, len(pieces), 2):
        pieces[index] = isolate_in_text(pieces[index], opposite(paragraph))
    return mark_safe("".join(pieces))
