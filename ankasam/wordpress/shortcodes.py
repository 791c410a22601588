"""WordPress shortcodes turned into markup the body converter understands (pure: no database).

WordPress expands shortcodes when a post is shown, so the export holds them as typed:
`[gallery ids="769,767"]`, `[audio src="..."]`, `[caption ...]<img ...> text[/caption]`.
`expand_shortcodes` replaces the ones we know by HTML (`<figure>`, `<img class="wp-image-N">`,
`<audio>`, `<video>`) that `body.convert_body` then makes into blocks, and strips the others,
counting them by name, so no raw shortcode reaches a page.

Square brackets are also ordinary writing ("[sic]", "coracles [simple boat]"): an unknown bracket
counts as a shortcode only when it has `name="value"` attributes, a closing `[/name]`, a
self-closing slash, or stands alone in its paragraph.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

# WordPress's own shortcode grammar (get_shortcode_regex), for any name: an escaped `[[x]]`, the
# name, its attributes, then `/]` or `]` with an optional body up to the matching `[/name]`.
SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])((?:[^\]/]|/(?!\]))*?)(?:(/)\]|\](?:(.*?)\[/\2\])?)(\]?)",
    re.DOTALL,
)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)"""
)
# Code shows shortcodes as text (a post about writing shortcodes): leave it as it is.
CODE_SPAN = re.compile(r"(<(pre|code)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
PARAGRAPH_AROUND_FIGURE = re.compile(
    r"<p>\s*(<figure class=\"wp-shortcode[^\"]*\">.*?</figure>)\s*</p>", re.DOTALL
)
CAPTIONED_IMAGE = re.compile(
    r"\s*((?:<a\b[^>]*>)?\s*<img\b[^>]*>\s*(?:</a>)?)(.*)", re.DOTALL | re.IGNORECASE
)
URL = re.compile(r"^https?://\S+$")
# Where a paragraph starts and ends, in wpautop's text (blank lines) or in markup.
ALONE_BEFORE = re.compile(r"(?:\A|\n|<(?:p|div|li|td|figure)\b[^>]*>)\Z")
ALONE_AFTER = re.compile(r"\Z|\n|</(?:p|div|li|td|figure)>")

AUDIO_SOURCES = ("src", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac")
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov")
KNOWN = {"gallery", "audio", "video", "playlist", "embed", "caption", "wp_caption"}


@dataclass
class Shortcode:
    name: str
    named: dict[str, str] = field(default_factory=dict)
    positional: list[str] = field(default_factory=list)
    content: str | None = None


@dataclass
class Expanded:
    html: str
    problems: list[str] = field(default_factory=list)


def expand_shortcodes(html: str, attached_ids: Sequence[int] = ()) -> Expanded:
    """Known shortcodes as markup, unknown ones stripped (their enclosed text kept) and counted.

    `attached_ids`: the images attached to the post, in order, which a `[gallery]` without `ids`
    shows.
    """
    expander = _Expander(list(attached_ids))
    pieces = CODE_SPAN.split(html)
    # split() with two groups gives text, code, tag name, text, ...: expand the text only.
    out = [expander.expand(piece) if i % 3 == 0 else piece for i, piece in enumerate(pieces) if i % 3 != 2]
    expanded = PARAGRAPH_AROUND_FIGURE.sub(r"\1", "".join(out))
    return Expanded(expanded, expander.problems())


class _Expander:
    def __init__(self, attached_ids: list[int]):
        self.attached_ids = attached_ids
        self.unknown: Counter = Counter()
        self.removed: Counter = Counter()  # known shortcodes with nothing we can show
        self.media_links = 0

    def expand(self, html: str) -> str:
        return SHORTCODE.sub(lambda match: self.replace(match, html), html)

    def replace(self, match: re.Match, html: str) -> str:
        if match.group(1) == "[" and match.group(6) == "]":
            return match.group(0)[1:-1]  # `[[gallery]]` is how WordPress writes the text "[gallery]"
        code = parse(match)
        if code.name not in KNOWN and not _looks_like_shortcode(code, match, html):
            return match.group(0)
        handler = {
            "gallery": self.gallery,
            "audio": lambda c: self.media(c, "audio", AUDIO_SOURCES),
            "video": lambda c: self.media(c, "video", VIDEO_SOURCES),
            "embed": self.embed,
            "caption": self.caption,
            "wp_caption": self.caption,
        }.get(code.name)
        if handler is not None:
            return handler(code)
        if code.name == "playlist":
            self.removed["playlist"] += 1
            return ""
        self.unknown[code.name] += 1
        return self.expand(code.content or "")

    def gallery(self, code: Shortcode) -> str:
        ids = [int(n) for n in re.findall(r"\d+", code.named.get("ids") or code.named.get("include") or "")]
        ids = ids or self.attached_ids
        if not ids:
            self.removed["gallery"] += 1
            return ""
        images = "".join(f'<img class="wp-image-{number}" src="" alt="">' for number in ids)
        return f'<figure class="wp-shortcode wp-block-gallery">{images}</figure>'

    def media(self, code: Shortcode, element: str, sources: tuple[str, ...]) -> str:
        url = next((code.named[key] for key in sources if code.named.get(key)), None)
        url = url or next((word for word in code.positional if URL.match(word)), None)
        if not url:
            self.removed[code.name] += 1
            return ""
        player = f'<{element} src="{escape(url)}"></{element}>'
        return f'<figure class="wp-shortcode wp-block-{element}">{player}</figure>'

    def embed(self, code: Shortcode) -> str:
        url = (code.content or "").strip() or code.named.get("src", "")
        return f'<figure class="wp-shortcode wp-block-embed">{escape(url)}</figure>' if url else ""

    def caption(self, code: Shortcode) -> str:
        inner = CAPTIONED_IMAGE.match(self.expand(code.content or ""))
        if not inner:
            return code.content or ""
        image_html, caption = inner.group(1), inner.group(2).strip() or code.named.get("caption", "")
        return (
            f'<figure class="wp-shortcode wp-caption">{image_html}<figcaption>{caption}</figcaption></figure>'
        )

    def problems(self) -> list[str]:
        problems = []
        if self.unknown:
            names = ", ".join(f"[{name}] ×{count}" for name, count in sorted(self.unknown.items()))
            problems.append(
                f"Removed shortcodes this site cannot show (any text they enclosed is kept): {names}"
            )
        if self.removed:
            names = ", ".join(f"[{name}] ×{count}" for name, count in sorted(self.removed.items()))
            problems.append(
                f"Removed shortcodes with nothing to show (no ids, address or attached images): {names}"
            )
        return problems


def parse(match: re.Match) -> Shortcode:
    code = Shortcode(name=match.group(2).lower(), content=match.group(5))
    for attribute in ATTRIBUTE.finditer(match.group(3)):
        groups = attribute.groups()
        for key, value in (groups[0:2], groups[2:4], groups[4:6]):
            if key:
                code.named[key.lower()] = value
        code.positional += [value for value in groups[6:9] if value is not None]
    return code


def _looks_like_shortcode(code: Shortcode, match: re.Match, html: str) -> bool:
    if code.named or code.content is not None or match.group(4):
        return True
    before = html[: match.start()].rstrip(" \t")
    after = html[match.end() :].lstrip(" \t")
    return bool(ALONE_BEFORE.search(before) and ALONE_AFTER.match(after))
