"""Turning the HTML of a WordPress post into our article body blocks (pure: no database, no network).

`convert_body` returns block tuples as `ankasam.articles.content` builds them, with one exception:
images come out as a placeholder the importer must resolve to a Wagtail image before saving:

    ("image", {"wordpress_attachment_id": int | None, "src": str, "caption": str, "alt": str})

Footnote markers are left as they are in the text, so footnote conversion can run before or after.
Links between posts are collected in `BodyResult.links`; once the posts have pages,
`links.rewrite_links` turns them into Wagtail page links.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import Comment, Tag

from ankasam.articles.content import heading, paragraph, quote

from .inline import (
    BLOCK_LEVEL,
    DROPPED_WITH_CONTENT,
    UNSAFE_SCHEME,
    InlineMarkup,
    escape,
    fragment,
    plain_text,
    preformatted_text,
    text_with_breaks,
)
from .shortcodes import expand_shortcodes

ATTACHMENT_CLASS = re.compile(r"^wp-image-(\d+)$")
BLANK_LINE = re.compile(r"\n\s*\n")
BARE_URL = re.compile(r"^https?://\S+$")

# Hosts whose URLs Wagtail's oEmbed finder can turn into an embed.
EMBED_HOSTS = (
    "youtube.com", "youtu.be", "vimeo.com", "twitter.com", "x.com", "soundcloud.com",
    "spotify.com", "slideshare.net", "youtube-nocookie.com",
    "flickr.com", "instagram.com", "tiktok.com", "ted.com",
    "dailymotion.com", "scribd.com", "speakerdeck.com", "facebook.com",
)  # fmt: skip
CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside", "center"}
# The body's heading block is the section heading (h2); lower levels are rich-text headings.
HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
RICH_BLOCKS = ("p", "ul", "ol", "h2", "h3", "h4", "blockquote")


@dataclass
class BodyResult:
    blocks: list[tuple] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Converter(InlineMarkup):
    def __init__(self):
        self.result = BodyResult()
        self.reported: Counter = Counter()

    def report(self, message: str) -> None:
        # Counted, and listed once: a post with 200 spans needs one line in the report, not 200.
        self.reported[message] += 1

    def finish(self) -> BodyResult:
        self.result.problems += [
            message if count == 1 else f"{message} (×{count})" for message, count in self.reported.items()
        ]
        return self.result

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
                self.add_p(fragment(chunk.strip().replace("\n", "<br>\n")))

    def convert_block(self, tag: Tag) -> None:
        name = tag.name
        if name == "iframe":
            self.add_iframe(tag)
        elif name in DROPPED_WITH_CONTENT:
            self.report(f"Removed <{name}> and its content.")
        elif name in HEADING_LEVELS:
            self.add_heading(tag)
        elif name in ("audio", "video"):
            self.add_media(tag)
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
            self.add_preformatted(tag)
        elif name == "p":
            self.add_p(tag)
        elif name in CONTAINERS:
            self.convert_children(tag)
        else:
            self.report(f"<{name}> has no matching block; its text became paragraphs.")
            self.convert_children(tag)

    # --- blocks ----------------------------------------------------------------------------

    def add_p(self, tag: Tag) -> None:
        text = plain_text(tag)
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
        if plain_text(tag):
            html = tag.decode_contents() if tag.name == "[document]" else str(tag)
            if tag.name not in RICH_BLOCKS:
                html = f"<p>{html}</p>"
            # An iframe found inside the text has already added its embed; the text comes first.
            self.result.blocks.insert(embeds_before, paragraph(html))
        for img in images:
            self.add_image(img, caption="")

    def add_heading(self, tag: Tag) -> None:
        level = HEADING_LEVELS[tag.name]
        if level == 2 and not tag.find("a", href=True):
            text = plain_text(tag)
            if text:
                self.result.blocks.append(heading(text))
            return
        # Lower levels, and a heading with a link, are rich text, which keeps both.
        tag.name = f"h{level}"
        self.add_paragraph(tag)

    def add_preformatted(self, tag: Tag) -> None:
        text = preformatted_text(tag)
        if not text.strip():
            return
        if "wp-block-verse" in (tag.get("class") or []):
            # A poem keeps its lines; it is not code and needs no monospacing.
            self.add_paragraph(fragment(text_with_breaks(text)))
        else:
            self.result.blocks.append(("code", text))

    def add_media(self, tag: Tag) -> None:
        """An <audio> or <video> player: an embed where oEmbed knows the site, else a link."""
        source = tag.find("source", src=True)
        src = str(tag.get("src") or (source["src"] if source else "")).strip()
        if not BARE_URL.match(src):
            self.report(f"Removed a <{tag.name}> player without a usable web address.")
        elif _is_embed_host(src):
            self.result.blocks.append(("embed", src))
        else:
            self.add_link_paragraph(src, PurePosixPath(unquote(urlsplit(src).path)).name or src)
            self.report(
                "Audio and video files became links to their old address; copy them and change the links."
            )

    def add_link_paragraph(self, url: str, text: str) -> None:
        self.result.blocks.append(paragraph(f'<p><a href="{html_escape(url)}">{escape(text)}</a></p>'))

    def add_quote(self, tag: Tag) -> None:
        cites = [cite.extract() for cite in tag.find_all(["cite", "footer"])]
        if tag.find("a", href=True) or any(cite.find("a", href=True) for cite in cites):
            self.add_linked_quote(tag, cites)
            return
        attribution = " ".join(filter(None, (plain_text(cite) for cite in cites)))
        paragraphs = [plain_text(p) for p in tag.find_all("p")] or [plain_text(tag)]
        rest = [t for t in paragraphs if t]
        if rest or attribution:
            self.result.blocks.append(quote("\n\n".join(rest), attribution))

    def add_linked_quote(self, tag: Tag, cites: list[Tag]) -> None:
        # The quote block holds plain text; rich text's quotation keeps the links, its source's too.
        html = ""
        for part in tag.find_all("p") or [tag]:
            part.name = "blockquote"
            part = self.clean_inline(part)
            if plain_text(part):
                html += str(part)
        for cite in cites:
            cite.name = "p"
            cite = self.clean_inline(cite)
            if plain_text(cite):
                html += str(cite)
        if html:
            self.result.blocks.append(paragraph(html))

    def add_figure(self, tag: Tag) -> None:
        figcaption = tag.find("figcaption")
        caption = plain_text(figcaption) if figcaption else ""
        if figcaption:
            figcaption.extract()
        classes = tag.get("class") or []
        if "wp-block-embed" in classes or tag.find("iframe"):
            wrapper = tag.find(class_="wp-block-embed__wrapper")
            url = plain_text(wrapper or tag)
            if BARE_URL.match(url) and _is_embed_host(url):
                self.result.blocks.append(("embed", url))
            elif BARE_URL.match(url):
                # An embed nobody can play here would show nothing: a link keeps the way to it.
                self.add_link_paragraph(url, url)
                self.report("Embeds from sites without a known player became links.")
            elif tag.find("iframe"):
                self.add_iframe(tag.find("iframe"))
            else:
                self.convert_children(tag)
            self.add_caption_paragraph(caption, figcaption)
        elif tag.find("table"):
            self.add_table(tag.find("table"), caption=caption, caption_links=self.links_of(figcaption))
        elif tag.find("img") and len(tag.find_all("img")) == 1 and "wp-block-gallery" not in classes:
            self.add_image(tag.find("img"), caption=caption)
            self.add_links_paragraph(self.links_of(figcaption), where="a caption")
        elif tag.find("img"):
            for img in tag.find_all("img"):
                self.add_image(img, caption="")
            self.add_caption_paragraph(caption, figcaption)
        else:
            # A pull quote is a figure around a blockquote, and so on: convert what is inside.
            self.convert_children(tag)
            self.add_caption_paragraph(caption, figcaption)

    def add_caption_paragraph(self, caption: str, figcaption: Tag | None = None) -> None:
        # Embeds and galleries have nowhere to keep a caption; a paragraph keeps its words, and
        # the figure's caption its links and marks too.
        if caption and figcaption is not None:
            figcaption.name = "p"
            figcaption.attrs = {}
            self.add_paragraph(figcaption)
        elif caption:
            self.add_paragraph(fragment(f"<p>{escape(caption)}</p>"))

    def links_of(self, figcaption: Tag | None) -> list[tuple[str, str]]:
        return self.collect_links(figcaption) if figcaption is not None else []

    def add_links_paragraph(self, links: list[tuple[str, str]], where: str) -> None:
        """Under a block that holds no links, a paragraph with the links it had, as links."""
        if not links:
            return
        html = " · ".join(f'<a href="{html_escape(href)}">{escape(text)}</a>' for text, href in links)
        self.result.blocks.append(paragraph(f"<p>{html}</p>"))
        self.report(
            f"Links in {where} were listed, as links, in a paragraph under it (the block holds none)."
        )

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

    def add_table(self, table: Tag, caption: str, caption_links=()) -> None:
        links = [*caption_links, *self.collect_links(table)]
        caption_tag = table.find("caption")
        if caption_tag:
            caption = " ".join(filter(None, [caption, plain_text(caption_tag)]))
            caption_tag.extract()
        rows = [[plain_text(cell) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
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
        self.add_links_paragraph(links, where="a table")


def convert_body(html: str, attached_ids: Sequence[int] = ()) -> BodyResult:
    """Convert one post's content (Gutenberg or classic editor) into body blocks.

    Gutenberg's block comments (`<!-- wp:... -->`) need no pass of their own: they parse as comments,
    and comments are skipped everywhere. Shortcodes are expanded first (`shortcodes.py`);
    `attached_ids` are the images attached to the post, which a `[gallery]` without ids shows.
    """
    expanded = expand_shortcodes(html, attached_ids)
    converter = _Converter()
    converter.result.problems += expanded.problems
    converter.convert_children(fragment(expanded.html))
    return converter.finish()


# --- helpers -------------------------------------------------------------------------------


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
