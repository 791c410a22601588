"""Streaming reader for WordPress eXtended RSS (WXR 1.1 and 1.2) exports.

Exports of a think tank's archive run to hundreds of megabytes, so the file is read with
``iterparse`` and each author, term and item is released as soon as it has been turned into
a dataclass: memory stays flat however long the file is. The parser is defusedxml's, with
DTDs forbidden outright: a WordPress export never needs one, and refusing it is the simplest
way to refuse entity-expansion bombs and external entities.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from os import PathLike
from typing import BinaryIO

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse

from ankasam.core.text import html_to_text

__all__ = [
    "Author",
    "ExportError",
    "Item",
    "MalformedExport",
    "Term",
    "UnsafeExport",
    "export_version",
    "read_export",
]

# WordPress has written its namespaces with http and, in some exports (its own theme test data
# among them), https; both name the same format.
_WP_NAMESPACE = re.compile(r"https?://wordpress\.org/export/1\.[0-9]+/")
_CONTENT_NAMESPACE = re.compile(r"https?://purl\.org/rss/1\.0/modules/content/")
_DC_NAMESPACE = re.compile(r"https?://purl\.org/dc/elements/1\.1/")
_EXCERPT_NAMESPACE = re.compile(r"https?://wordpress\.org/export/1\.[0-9]+/excerpt/")
_POST_ID_IN_ADDRESS = re.compile(r"[?&]p=([0-9]+)(?:&|#|$)")
_ZERO_DATE = "0000-00-00 00:00:00"

Source = str | PathLike[str] | BinaryIO


class ExportError(Exception):
    """The export cannot be imported; the message says why in words an administrator can act on."""


class UnsafeExport(ExportError):
    """The export uses XML features (DTDs, entities) that could expand or leak data."""


class MalformedExport(ExportError):
    """The export is not well-formed XML or not a WordPress export."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Author:
    author_id: int | None
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    """A channel-level term: ``wp:category``, ``wp:tag`` and ``wp:term`` all become one of these."""

    taxonomy: str
    slug: str
    name: str
    parent: str  # the parent's slug, as WXR gives it; "" for a top-level term
    term_id: int | None
    description: str
    meta: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Item:
    post_id: int
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    post_name: str
    post_date: datetime | None  # site-local time, naive; None for never-published drafts
    post_date_gmt: datetime | None  # UTC, aware
    modified: datetime | None
    modified_gmt: datetime | None
    author_login: str
    content: str
    excerpt: str
    parent_id: int | None
    menu_order: int
    attachment_url: str
    password: str = ""  # wp:post_password; a post with one is readable only with it
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, nicename, name)
    postmeta: dict[str, list[str]] = field(default_factory=dict)


def read_export(source: Source) -> Iterator[Author | Term | Item]:
    """Yield the authors, terms and items of a WXR export in document order, streaming.

    Raises ``UnsafeExport`` for any DTD or entity declaration and ``MalformedExport`` for XML
    that is not well-formed or not a WordPress export, possibly after some records were yielded.
    """
    for element in _channel_children(source):
        tag = _local_name(element.tag)
        if tag == "item":
            yield _item(element)
        elif tag == "wp:author":
            yield _author(element)
        elif tag in TERM_ELEMENTS:
            yield _term(element, tag)


def export_version(source: Source) -> str:
    """Return the export's ``wp:wxr_version`` (e.g. "1.2"), reading only the channel header."""
    for element in _channel_children(source):
        if _local_name(element.tag) == "wp:wxr_version":
            return (element.text or "").strip()
    raise MalformedExport("The export has no wp:wxr_version; it does not look like a WordPress export.")


def export_blog_url(source: Source) -> str:
    """The exported blog's own address (``wp:base_blog_url``), read from the channel header.

    On a multisite it names the sub-site (``https://example.org/tr``); "" when the file lacks it.
    """
    for element in _channel_children(source):
        tag = _local_name(element.tag)
        if tag == "wp:base_blog_url":
            return (element.text or "").strip()
        if tag == "item":
            break
    return ""


def _channel_children(source: Source) -> Iterator[ET.Element]:
    """Yield each complete direct child of ``<channel>`` and then free it."""
    stream, close = (source, False) if hasattr(source, "read") else (open(source, "rb"), True)  # noqa: SIM115
    try:
        yield from _parse(stream)
    finally:
        if close:
            stream.close()


def _parse(stream: BinaryIO) -> Iterator[ET.Element]:
    events = iterparse(stream, events=("start", "end"), forbid_dtd=True)
    path: list[ET.Element] = []
    try:
        for event, element in events:
            if event == "start":
                if not path and element.tag != "rss":
                    raise MalformedExport(
                        f"The root element is <{element.tag}>, not <rss>; this is not a WordPress export."
                    )
                path.append(element)
                continue
            path.pop()
            if len(path) == 2 and path[1].tag == "channel":
                yield element
                # Detaching the element (not just clearing it) keeps <channel> from collecting
                # thousands of empty children.
                element.clear()
                path[1].remove(element)
    except ET.ParseError as error:
        line = error.position[0] if error.position else None
        raise MalformedExport(f"The export is not well-formed XML: {error}.", line=line) from error
    except EntitiesForbidden as error:
        raise UnsafeExport(
            f"The export declares entities (entity {error.name!r}); WordPress exports never do, and "
            "entities can expand a small file into gigabytes or read files from this server. "
            "Re-export the site from WordPress and import the untouched file."
        ) from error
    except ExternalReferenceForbidden as error:
        raise UnsafeExport(
            f"The export refers to an external resource ({error.sysid!r}); it was refused because "
            "external entities can read files from this server. Re-export the site from WordPress."
        ) from error
    except DTDForbidden as error:
        raise UnsafeExport(
            f"The export declares entities or a document type (<!DOCTYPE {error.name}>); WordPress "
            "exports never do, and such declarations can expand into gigabytes or read files from "
            "this server. Re-export the site from WordPress and import the untouched file."
        ) from error


def _local_name(tag: str) -> str:
    """Turn ``{namespace}name`` into the prefix the WXR format documents (``wp:``, ``content:``…)."""
    if not tag.startswith("{"):
        return tag
    namespace, _, name = tag[1:].partition("}")
    if _WP_NAMESPACE.fullmatch(namespace):
        return f"wp:{name}"
    if _EXCERPT_NAMESPACE.fullmatch(namespace):
        return f"excerpt:{name}"
    if _CONTENT_NAMESPACE.fullmatch(namespace):
        return f"content:{name}"
    if _DC_NAMESPACE.fullmatch(namespace):
        return f"dc:{name}"
    return f"{{{namespace}}}{name}"


def _fields(element: ET.Element) -> dict[str, str]:
    """Map each child's name to its raw text; the first occurrence wins for repeated names."""
    values: dict[str, str] = {}
    for child in element:
        values.setdefault(_local_name(child.tag), child.text or "")
    return values


def _meta(element: ET.Element, tag: str) -> dict[str, list[str]]:
    """Collect ``wp:postmeta``/``wp:termmeta`` pairs; a key may legitimately repeat."""
    meta: dict[str, list[str]] = {}
    for child in element:
        if _local_name(child.tag) != tag:
            continue
        pair = _fields(child)
        meta.setdefault(pair.get("wp:meta_key", "").strip(), []).append(pair.get("wp:meta_value", ""))
    return meta


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _date(value: str | None, *, utc: bool) -> datetime | None:
    text = (value or "").strip()
    if not text or text == _ZERO_DATE:
        return None
    try:
        moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if utc else moment


def _author(element: ET.Element) -> Author:
    values = _fields(element)
    return Author(
        author_id=_int(values.get("wp:author_id")),
        login=values.get("wp:author_login", "").strip(),
        email=values.get("wp:author_email", "").strip(),
        display_name=values.get("wp:author_display_name", "").strip(),
        first_name=values.get("wp:author_first_name", "").strip(),
        last_name=values.get("wp:author_last_name", "").strip(),
    )


# Which child elements hold a term's taxonomy, slug, name, parent and description: WXR spells them
# differently for categories, tags and every other taxonomy.
TERM_ELEMENTS = {
    "wp:category": (
        "category",
        "wp:category_nicename",
        "wp:cat_name",
        "wp:category_parent",
        "wp:category_description",
    ),
    "wp:tag": ("post_tag", "wp:tag_slug", "wp:tag_name", None, "wp:tag_description"),
    "wp:term": (None, "wp:term_slug", "wp:term_name", "wp:term_parent", "wp:term_description"),
}


def _term(element: ET.Element, tag: str) -> Term:
    values = _fields(element)
    taxonomy, slug, name, parent, description = TERM_ELEMENTS[tag]
    return Term(
        taxonomy=taxonomy or values.get("wp:term_taxonomy", "").strip(),
        slug=values.get(slug, "").strip(),
        name=values.get(name, "").strip(),
        parent=values.get(parent, "").strip() if parent else "",
        term_id=_int(values.get("wp:term_id")),
        description=values.get(description, ""),
        meta=_meta(element, "wp:termmeta"),
    )


def _item(element: ET.Element) -> Item:
    values = _fields(element)
    post_id = _post_id(values)
    categories = [
        (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
        for child in element
        if child.tag == "category"
    ]
    # Content and excerpt are kept byte-for-byte (footnotes in Persian must survive); only
    # identifiers and single-line fields are stripped.
    return Item(
        post_id=post_id,
        post_type=values.get("wp:post_type", "").strip(),
        status=values.get("wp:status", "").strip(),
        title=plain_title(values.get("title", "")),
        link=values.get("link", "").strip(),
        guid=values.get("guid", "").strip(),
        post_name=values.get("wp:post_name", "").strip(),
        post_date=_date(values.get("wp:post_date"), utc=False),
        post_date_gmt=_date(values.get("wp:post_date_gmt"), utc=True),
        modified=_date(values.get("wp:post_modified"), utc=False),
        modified_gmt=_date(values.get("wp:post_modified_gmt"), utc=True),
        author_login=values.get("dc:creator", "").strip(),
        content=values.get("content:encoded", ""),
        excerpt=values.get("excerpt:encoded", ""),
        parent_id=_int(values.get("wp:post_parent")) or None,
        menu_order=_int(values.get("wp:menu_order")) or 0,
        attachment_url=values.get("wp:attachment_url", "").strip(),
        password=values.get("wp:post_password", ""),
        categories=categories,
        postmeta=_meta(element, "wp:postmeta"),
    )


def plain_title(title: str) -> str:
    """A title as text: WordPress shows titles as HTML (`Title <em>With</em>`); ours are text."""
    if "<" in title or "&" in title:
        title = html_to_text(title)
    return " ".join(title.split())


def _post_id(values: dict[str, str]) -> int:
    """The item's wp:post_id, else the `?p=` id WordPress puts in a post's guid or plain link."""
    post_id = _int(values.get("wp:post_id"))
    if post_id is not None:
        return post_id
    for address in (values.get("guid", ""), values.get("link", "")):
        found = _POST_ID_IN_ADDRESS.search(address.strip())
        if found:
            return int(found.group(1))
    raise MalformedExport(
        f"An item titled {values.get('title', '').strip()!r} has no numeric wp:post_id and no "
        "?p= id in its guid or link, so it cannot be told apart from the other posts."
    )
