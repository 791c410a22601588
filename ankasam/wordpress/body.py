"""Turning the HTML of a WordPress post into our article body blocks (pure: no database, no network).

`convert_body` returns block tuples as `ankasam.articles.content` builds them, with one exception:
images come out as a placeholder the importer must resolve to a Wagtail image before saving:

    ("image", {"wordpress_attachment_id": int | None, "src": str, "caption": str, "alt": str})

Footnote markers are left as they are in the text, so footnote conversion can run before or after.
Links between posts are collected in `BodyResult.links`; once the posts have pages,
`links.rewrite_links` turns them into Wagtail page links.
"""

import re
import warnings
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, NavigableString, Tag

from ankasam.articles.content import heading, paragraph, quote

EMBED_SHORTCODE = re.compile(r"\[embed[^\]]*\]\s*(.*?)\s*\[/embed\]", re.DOTALL | re.IGNORECASE)
CAPTION_SHORTCODE = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
CAPTIONED_IMAGE = re.compile(
    r"\s*((?:<a\b[^>]*>)?\s*<img\b[^>]*>\s*(?:</a>)?)(.*)", re.DOTALL | re.IGNORECASE
)
ATTACHMENT_CLASS = re.compile(r"^wp-image-(\d+)$")
BLANK_LINE = re.compile(r"\n\s*\n")
BARE_URL = re.compile(r"^https?://\S+$")
UNSAFE_SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)

# Hosts whose URLs Wagtail's oEmbed finder can turn into an embed.
EMBED_HOSTS = (
    "youtube.com", "youtu.be", "vimeo.com", "twitter.com", "x.com", "soundcloud.com",
    "spotify.com", "slideshare.net", "youtube-nocookie.com",
    "flickr.com", "instagram.com", "tiktok.com", "ted.com",
    "dailymotion.com", "scribd.com", "speakerdeck.com", "facebook.com",
)  # fmt: skip
INLINE_KEPT = {"a", "b", "strong", "i", "em", "sup", "sub", "br", "ul", "ol", "li"}
DROPPED_WITH_CONTENT = {"script", "style", "noscript", "template", "object", "embed", "form", "iframe"}
CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside", "center"}
BLOCK_LEVEL = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "table", "img",
    "iframe", "hr", "pre", "div", "section", "article", "main", "header", "footer", "aside",
    "center", "dl", "address", "script", "style", "noscript", "form", "object", "embed", "template",
}  # fmt: skip


@dataclass
class BodyResult:
    blocks: list[tuple] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Converter:
    def __init__(self):
        self.result = BodyResult()
        self._reported: set[str] = set()

    def report(self, message: str) -> None:
        # Once per kind: a post with 200 spans needs one line in the report, not 200.
        if message not in self._reported:
            self._reported.add(message)
            self.result.problems.append(message)

    # --- top level -------------------------------------------------------------------------

    def convert_children(self, parent: Tag) -> None:
        loose: list = []
        for node in list(parent.children):
            if isinstance(node, Comment):
                continue
            if isinstance(node, Tag) and node.name in BLOCK_LEVEL:
                self.flush_loose(loose)
                loose = []
                self.convert_block(node)
            else:
                loose.append(node)
        self.flush_loose(loose)

    def flush_loose(self, nodes: list) -> None:
        """Text and inline markup outside any <p>: WordPress's wpautop makes paragraphs of them."""
        html = "".join(str(node) for node in nodes)
        for chunk in BLANK_LINE.split(html):
            if chunk.strip():
                self.add_p(_fragment(chunk.strip().replace("\n", "<br>\n")))

    def convert_block(self, tag: Tag) -> None:
        name = tag.name
        if name == "iframe":
            self.add_iframe(tag)
        elif name in DROPPED_WITH_CONTENT:
            self.report(f"Removed <{name}> and its content.")
        elif name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.collect_links(tag, where="a heading")
            text = _plain_text(tag)
            if text:
                self.result.blocks.append(heading(text))
        elif name in ("ul", "ol"):
            self.add_paragraph(tag)
        elif name == "blockquote":
            self.add_quote(tag)
        elif name == "figure":
            self.add_figure(tag)
        elif name == "img":
            self.add_image(tag, caption="")
        elif name == "table":
            self.add_table(tag, caption="")
        elif name == "hr":
            pass  # a rule carries no text, and the body has no separator block
        elif name == "pre":
            self.report("Preformatted text (<pre>) became a paragraph; its monospacing is lost.")
            self.add_paragraph(_fragment(_text_with_breaks(tag)))
        elif name == "p":
            self.add_p(tag)
        elif name in CONTAINERS:
            self.convert_children(tag)
        else:
            self.report(f"<{name}> has no matching block; its text became paragraphs.")
            self.convert_children(tag)

    # --- blocks ----------------------------------------------------------------------------

    def add_p(self, tag: Tag) -> None:
        text = _plain_text(tag)
        embed_url = _known_embed_url(text)
        if embed_url and not tag.find("img"):
            self.result.blocks.append(("embed", embed_url))
        else:
            self.add_paragraph(tag)

    def add_paragraph(self, tag: Tag) -> None:
        # Classic posts put images inside paragraphs; the body holds them as blocks of their own.
        images = [img.extract() for img in tag.find_all("img")]
        embeds_before = len(self.result.blocks)
        tag = self.clean_inline(tag)
        if _plain_text(tag):
            html = tag.decode_contents() if tag.name == "[document]" else str(tag)
            if tag.name not in ("p", "ul", "ol"):
                html = f"<p>{html}</p>"
            # An iframe found inside the text has already added its embed; the text comes first.
            self.result.blocks.insert(embeds_before, paragraph(html))
        for img in images:
            self.add_image(img, caption="")

    def add_quote(self, tag: Tag) -> None:
        self.collect_links(tag, where="a quote")
        attribution = ""
        for cite in tag.find_all(["cite", "footer"]):
            attribution = " ".join(filter(None, [attribution, _plain_text(cite)]))
            cite.extract()
        paragraphs = [_plain_text(p) for p in tag.find_all("p")] or [_plain_text(tag)]
        rest = [t for t in paragraphs if t]
        if rest or attribution:
            self.result.blocks.append(quote("\n\n".join(rest), attribution))

    def add_figure(self, tag: Tag) -> None:
        figcaption = tag.find("figcaption")
        caption = _plain_text(figcaption) if figcaption else ""
        if figcaption:
            self.collect_links(figcaption, where="a caption")
            figcaption.extract()
        classes = tag.get("class") or []
        if "wp-block-embed" in classes or tag.find("iframe"):
            wrapper = tag.find(class_="wp-block-embed__wrapper")
            url = _plain_text(wrapper or tag)
            if BARE_URL.match(url):
                self.result.blocks.append(("embed", url))
            elif tag.find("iframe"):
                self.add_iframe(tag.find("iframe"))
            else:
                self.convert_children(tag)
            self.add_caption_paragraph(caption)
        elif tag.find("table"):
            self.add_table(tag.find("table"), caption=caption)
        elif tag.find("img") and len(tag.find_all("img")) == 1 and "wp-block-gallery" not in classes:
            self.add_image(tag.find("img"), caption=caption)
        elif tag.find("img"):
            for img in tag.find_all("img"):
                self.add_image(img, caption="")
            self.add_caption_paragraph(caption)
        else:
            # A pull quote is a figure around a blockquote, and so on: convert what is inside.
            self.convert_children(tag)
            self.add_caption_paragraph(caption)

    def add_caption_paragraph(self, caption: str) -> None:
        # Embeds and galleries have nowhere to keep a caption; a paragraph keeps its words.
        if caption:
            self.add_paragraph(_fragment(f"<p>{_escape(caption)}</p>"))

    def add_image(self, img: Tag, caption: str) -> None:
        attachment_id = None
        for css_class in img.get("class") or []:
            match = ATTACHMENT_CLASS.match(css_class)
            if match:
                attachment_id = int(match.group(1))
        src = str(img.get("src") or "")
        if src.startswith("data:"):
            # Lazy-loading plugins put a tiny data: placeholder in src and the real address aside.
            src = str(img.get("data-src") or img.get("data-lazy-src") or src)
        if UNSAFE_SCHEME.match(src):
            self.report("Removed an image whose source was a data: or javascript: URL.")
            self.add_caption_paragraph(caption)
            return
        if attachment_id is None:
            self.report(f"An image without a wp-image-N class will be matched by its address: {src}")
        self.result.blocks.append(
            (
                "image",
                {
                    "wordpress_attachment_id": attachment_id,
                    "src": src,
                    "caption": caption,
                    "alt": str(img.get("alt") or ""),
                },
            )
        )

    def add_iframe(self, iframe: Tag) -> None:
        url = _embed_url_from_iframe(str(iframe.get("src") or ""))
        if url:
            self.result.blocks.append(("embed", url))
        else:
            self.report(f"Removed an <iframe> from an unrecognised source: {iframe.get('src') or '(none)'}")

    def add_table(self, table: Tag, caption: str) -> None:
        caption_tag = table.find("caption")
        if caption_tag:
            caption = " ".join(filter(None, [caption, _plain_text(caption_tag)]))
            caption_tag.extract()
        self.collect_links(table, where="a table")
        rows = [[_plain_text(cell) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        first_row = table.find("tr")
        header = bool(table.find("thead")) or all(
            cell.name == "th" for cell in first_row.find_all(["th", "td"])
        )
        if any(cell.get("rowspan") or cell.get("colspan") for cell in table.find_all(["th", "td"])):
            self.report("A table had merged cells; they were split, so check its layout.")
        self.result.blocks.append(
            (
                "table",
                {
                    "data": [row + [""] * (width - len(row)) for row in rows],
                    "first_row_is_table_header": header,
                    "first_col_is_header": False,
                    "table_header_choice": "row" if header else "neither",
                    "table_caption": caption,
                    "cell": [],
                    "mergeCells": [],
                },
            )
        )

    # --- inline markup ---------------------------------------------------------------------

    def collect_links(self, tag: Tag, where: str) -> None:
        for link in tag.find_all("a", href=True):
            href = str(link["href"]).strip()
            if href and not UNSAFE_SCHEME.match(href):
                self.result.links.append(href)
                self.report(f"A link in {where} was kept as text only (the block holds no links): {href}")

    def clean_inline(self, tag: Tag) -> Tag:
        """Reduce to what a paragraph's rich text holds, reporting what had to go."""
        if any(attr.lower().startswith("on") for attr in tag.attrs):
            self.report("Removed event-handler attributes (onclick and the like).")
        tag.attrs = {}
        for element in tag.find_all(True):
            if element.decomposed:
                continue
            name = element.name
            if name in DROPPED_WITH_CONTENT:
                if name == "iframe":
                    self.add_iframe(element)  # an embed block, or a reported removal
                else:
                    self.report(f"Removed <{name}> and its content.")
                element.decompose()
                continue
            if any(attr.lower().startswith("on") for attr in element.attrs):
                self.report("Removed event-handler attributes (onclick and the like).")
            if name == "a":
                self.clean_link(element)
            elif name not in INLINE_KEPT:
                if name not in ("p", "div"):  # a <p> in a list item is normal, and loses nothing
                    self.report(f"Unwrapped <{name}> to its text: the body's rich text cannot hold it.")
                # Unwrapped blocks (<p>, <dd>...) keep a line break, or their words would run together.
                if (name in BLOCK_LEVEL or name in ("dt", "dd")) and element.next_sibling is not None:
                    element.insert_after(_fragment("<br/>").br)
                element.unwrap()
            else:
                element.attrs = {}
        for comment in tag.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        return tag

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


def convert_body(html: str) -> BodyResult:
    """Convert one post's content (Gutenberg or classic editor) into body blocks.

    Gutenberg's block comments (`<!-- wp:... -->`) need no pass of their own: they parse as comments,
    and comments are skipped everywhere.
    """
    html = EMBED_SHORTCODE.sub(lambda m: f'<figure class="wp-block-embed">{m.group(1)}</figure>', html)
    html = CAPTION_SHORTCODE.sub(_caption_shortcode_to_figure, html)
    converter = _Converter()
    converter.convert_children(_fragment(html))
    return converter.result


# --- helpers -------------------------------------------------------------------------------


def _fragment(html: str) -> BeautifulSoup:
    # A paragraph that is only a URL is ordinary content here, not a mistaken call to fetch it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def _plain_text(tag: Tag | None) -> str:
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


def _text_with_breaks(tag: Tag) -> str:
    return "<p>" + "<br>".join(_escape(line) for line in tag.get_text().strip("\n").split("\n")) + "</p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bare_host(netloc: str) -> str:
    host = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")


def _is_embed_host(url: str) -> bool:
    host = bare_host(urlsplit(url).netloc)
    return any(host == known or host.endswith("." + known) for known in EMBED_HOSTS)


def _known_embed_url(text: str) -> str | None:
    return text if BARE_URL.match(text) and _is_embed_host(text) else None


def _embed_url_from_iframe(src: str) -> str | None:
    """The page URL oEmbed understands, from a player's iframe address."""
    if src.startswith("//"):
        src = "https:" + src
    if not BARE_URL.match(src) or not _is_embed_host(src):
        return None
    youtube = re.match(r"^https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", src)
    if youtube:
        return f"https://www.youtube.com/watch?v={youtube.group(1)}"
    vimeo = re.match(r"^https?://player\.vimeo\.com/video/(\d+)", src)
    if vimeo:
        return f"https://vimeo.com/{vimeo.group(1)}"
    return src


def _caption_shortcode_to_figure(match: re.Match) -> str:
    inner = CAPTIONED_IMAGE.match(match.group(1))
    if not inner:
        return match.group(1)
    image_html, caption = inner.group(1), inner.group(2).strip()
    return f'<figure class="wp-caption">{image_html}<figcaption>{caption}</figcaption></figure>'
