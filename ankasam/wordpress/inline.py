"""Inline markup of a WordPress post reduced to what the body's rich text holds (see
`ankasam.articles.blocks.PARAGRAPH_FEATURES`), and the small HTML helpers the body converter uses.
"""

import re
import warnings

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, NavigableString, Tag

UNSAFE_SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
INLINE_KEPT = {"a", "b", "strong", "i", "em", "sup", "sub", "br", "ul", "ol", "li", "code", "s", "ins"}
# Older or rarer spellings of marks the rich text has: struck-out text is <s>, typed text <code>.
RENAMED = {"del": "s", "strike": "s", "tt": "code", "kbd": "code", "samp": "code"}
MEDIA = {"audio", "video"}
DROPPED_WITH_CONTENT = {"script", "style", "noscript", "template", "object", "embed", "form", "iframe"}
BLOCK_LEVEL = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "table", "img",
    "iframe", "hr", "pre", "div", "section", "article", "main", "header", "footer", "aside",
    "center", "dl", "address", "script", "style", "noscript", "form", "object", "embed", "template",
    "audio", "video",
}  # fmt: skip


class InlineMarkup:
    """Cleaning inline markup; mixed into the body converter, whose `report`, `add_iframe`,
    `add_media` and `result` it uses."""

    def collect_links(self, tag: Tag) -> list[tuple[str, str]]:
        """The links of a part whose block holds no links (a table, an image's caption): their
        text and address, for `add_links_paragraph` to keep under the block."""
        found = []
        for link in tag.find_all("a", href=True):
            href = str(link["href"]).strip()
            if href and not UNSAFE_SCHEME.match(href):
                self.result.links.append(href)
                found.append((link.get_text(" ", strip=True) or href, href))
        return found

    def clean_inline(self, tag: Tag) -> Tag:
        """Reduce to what a paragraph's rich text holds, reporting what had to go."""
        if any(attr.lower().startswith("on") for attr in tag.attrs):
            self.report("Removed event-handler attributes (onclick and the like).")
        tag.attrs = kept_attributes(tag)
        for element in tag.find_all(True):
            if not element.decomposed:
                self.clean_element(element)
        for comment in tag.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        return tag

    def clean_element(self, element: Tag) -> None:
        name = element.name
        if name in DROPPED_WITH_CONTENT or name in MEDIA:
            if name == "iframe":
                self.add_iframe(element)  # an embed block, or a reported removal
            elif name in MEDIA:
                self.add_media(element)
            else:
                self.report(f"Removed <{name}> and its content.")
            element.decompose()
            return
        if any(attr.lower().startswith("on") for attr in element.attrs):
            self.report("Removed event-handler attributes (onclick and the like).")
        if "wp-block-file__button" in (element.get("class") or []):
            element.decompose()  # the file block's "Download" button repeats the link before it
            return
        if name in RENAMED:
            element.name = RENAMED[name]
            element.attrs = {}
        elif name == "a":
            self.clean_link(element)
        elif name not in INLINE_KEPT:
            if name not in ("p", "div"):  # a <p> in a list item is normal, and loses nothing
                self.report(f"Unwrapped <{name}> to its text: the body's rich text cannot hold it.")
            # Unwrapped blocks (<p>, <dd>...) keep a line break, or their words would run together.
            if (name in BLOCK_LEVEL or name in ("dt", "dd")) and element.next_sibling is not None:
                element.insert_after(fragment("<br/>").br)
            element.unwrap()
        else:
            element.attrs = kept_attributes(element)

    def clean_link(self, link: Tag) -> None:
        href = str(link.get("href") or "").strip()
        if UNSAFE_SCHEME.match(href):
            self.report("Removed a javascript: or data: link, keeping its text.")
            link.unwrap()
        elif not href:
            link.unwrap()  # an anchor target (<a name>) is not a link
        else:
            self.result.links.append(href)
            link.attrs = {"href": href}


def kept_attributes(tag: Tag) -> dict:
    # A list that continues an earlier one (WordPress's "start" setting) keeps its numbering.
    start = str(tag.get("start") or "").strip()
    if tag.name == "ol" and start.isdigit() and start != "1":
        return {"start": start}
    return {}


def fragment(html: str) -> BeautifulSoup:
    # A paragraph that is only a URL is ordinary content here, not a mistaken call to fetch it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def plain_text(tag: Tag | None) -> str:
    if tag is None:
        return ""
    # No separator between strings: "<b>NATO</b>'s" is one word. Line breaks and cells do separate.
    pieces = []
    for node in tag.descendants:
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            pieces.append(str(node))
        elif node.name in ("br", "p", "li", "td", "th", "div"):
            pieces.append(" ")
    return " ".join("".join(pieces).split())


def preformatted_text(tag: Tag) -> str:
    """The text of a <pre> as typed: its line breaks, written as newlines or <br>, kept."""
    for br in tag.find_all("br"):
        br.replace_with("\n")
    return tag.get_text().strip("\n")


def text_with_breaks(text: str) -> str:
    return "<p>" + "<br>".join(escape(line) for line in text.split("\n")) + "</p>"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
