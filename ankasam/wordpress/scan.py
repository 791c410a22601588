"""The first pass over an export: small facts about every record, never the posts' text.

What is kept per post is a few hundred bytes, so the index grows with the number of posts but
not with their length; the second pass streams the file again for the text.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .groups import PostFacts
from .phpserialize import PhpSerializeError, polylang_translation_group
from .wxr import Author, Item, Term, read_export

IMPORTED_POST_TYPES = ("post",)


@dataclass
class AttachmentFacts:
    attachment_id: int
    file: str  # relative to wp-content/uploads, e.g. 2025/03/chart.png
    title: str
    caption: str
    alt: str


@dataclass
class ExportIndex:
    source: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    posts: dict[int, PostFacts] = field(default_factory=dict)
    paths: dict[int, str] = field(default_factory=dict)
    attachments: dict[int, AttachmentFacts] = field(default_factory=dict)
    polylang_groups: dict[str, dict[str, int]] = field(default_factory=dict)
    skipped_types: Counter = field(default_factory=Counter)
    problems: list[tuple[int | None, str]] = field(default_factory=list)


def category(item: Item, domain: str) -> str | None:
    return next((nicename for item_domain, nicename, _name in item.categories if item_domain == domain), None)


def old_path(link: str) -> str:
    """The post's address on the old site without scheme and host: what a redirect matches."""
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def scan_export(path, site_languages) -> ExportIndex:
    index = ExportIndex()
    for record in read_export(path):
        if isinstance(record, Author):
            index.authors[record.login] = record
        elif isinstance(record, Term):
            index.terms.append(record)
            if record.taxonomy == "post_translations":
                add_polylang_group(index, record, site_languages)
        elif record.post_type == "attachment":
            index.attachments[record.post_id] = attachment_facts(record)
        elif record.post_type in IMPORTED_POST_TYPES:
            if not index.source and record.link:
                parts = urlsplit(record.link)
                index.source = f"{parts.scheme}://{parts.netloc}"
            index.posts[record.post_id] = PostFacts(
                record.post_id, category(record, "language"), category(record, "post_translations")
            )
            index.paths[record.post_id] = old_path(record.link)
        else:
            index.skipped_types[record.post_type] += 1
    return index


def add_polylang_group(index: ExportIndex, term: Term, site_languages):
    try:
        group = polylang_translation_group(term.description, site_languages)
    except PhpSerializeError as error:
        index.problems.append(
            (None, f"translation group {term.slug} cannot be read ({error}); its posts stay apart")
        )
        return
    index.polylang_groups[term.slug] = group.members


def attachment_facts(item: Item) -> AttachmentFacts:
    first = lambda key: (item.postmeta.get(key) or [""])[0]  # noqa: E731
    return AttachmentFacts(
        attachment_id=item.post_id,
        file=first("_wp_attached_file"),
        title=item.title,
        caption=item.excerpt.strip(),
        alt=first("_wp_attachment_image_alt"),
    )
