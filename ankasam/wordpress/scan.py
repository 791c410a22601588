"""The first pass over an export: small facts about every record, never the posts' text.

What is kept per post is a few hundred bytes, so the index grows with the number of posts but
not with their length; the second pass streams the file again for the text.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .groups import PostFacts
from .phpserialize import PhpSerializeError, polylang_translation_group
from .sidecars import WpmlEntry, language_from_path
from .statuses import SKIPPED, status_label
from .wxr import Author, Item, Term, export_blog_url, read_export

IMPORTED_POST_TYPES = ("post", "page")  # pages become standard pages under the home page


IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$", re.IGNORECASE)


@dataclass
class AttachmentFacts:
    attachment_id: int
    file: str  # relative to wp-content/uploads, e.g. 2025/03/chart.png
    title: str
    caption: str
    alt: str
    language: str | None = None  # Polylang's, when media are translated
    group: str | None = None  # Polylang's post_translations group of the same image
    parent_id: int | None = None  # the post it was uploaded to, whose [gallery] shows it
    menu_order: int = 0


@dataclass
class ExportIndex:
    source: str = ""  # the old site's host: example.org
    site: str = ""  # what its records are keyed on: host and blog path, example.org/tr (`site_key`)
    authors: dict[str, Author] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    posts: dict[int, PostFacts] = field(default_factory=dict)
    paths: dict[int, str] = field(default_factory=dict)
    attachments: dict[int, AttachmentFacts] = field(default_factory=dict)
    attachment_files: dict[str, int] = field(default_factory=dict)  # 2025/03/map.png -> its id
    attached: dict[int, list[int]] = field(default_factory=dict)  # post id -> its images' ids
    polylang_groups: dict[str, dict[str, int]] = field(default_factory=dict)
    # Polylang's term translations: term id -> (language, group slug); and WPML's per post.
    term_languages: dict[int, tuple[str, str]] = field(default_factory=dict)
    guest_authors: dict[str, Item] = field(default_factory=dict)  # Co-Authors Plus, by login
    post_authors: dict[int, list[str]] = field(default_factory=dict)  # byline order, CAP first
    languages_from_addresses: Counter = field(default_factory=Counter)
    skipped_types: Counter = field(default_factory=Counter)
    item_types: Counter = field(default_factory=Counter)  # every item of the file, by type
    statuses: dict[int, str] = field(default_factory=dict)  # post id -> its row in the report
    # Posts never imported for their status (trash, auto-draft): (post id, language, status).
    skipped_posts: list[tuple[int, str, str]] = field(default_factory=list)
    # WordPress pages (post type `page`), skipped ones included: page id -> its parent's id or 0.
    pages: dict[int, int] = field(default_factory=dict)
    problems: list[tuple[int | None, str]] = field(default_factory=list)


def post_type_of(index: ExportIndex, post_id: int) -> str:
    """`page` or `post`: which table of the report counts it, and which page type it becomes."""
    return "page" if post_id in index.pages else "post"


def category(item: Item, domain: str) -> str | None:
    return next((nicename for item_domain, nicename, _name in item.categories if item_domain == domain), None)


def site_of(link: str) -> str:
    """The old site as imported records remember it: the host alone, so a second export made
    over https instead of http, or with www, still finds what the first one imported."""
    return urlsplit(link).netloc.lower().removeprefix("www.")


def site_key(blog_url: str) -> str:
    """The exported site: its blog's host and path, without scheme, `www.` or trailing slash.

    Two sub-sites of a multisite on one host (example.org/en and example.org/tr) are two sites.
    """
    parts = urlsplit(blog_url.strip())
    return site_of(blog_url) + parts.path.rstrip("/")


def old_path(link: str) -> str:
    """The post's address on the old site without scheme and host: what a redirect matches."""
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def scan_export(
    path, site_languages, default_language: str = "en", wpml: dict[int, WpmlEntry] | None = None
) -> ExportIndex:
    """The first pass. A post's language: Polylang's, else WPML's sidecar, else its address."""
    index = ExportIndex(site=site_key(export_blog_url(path)))
    for record in read_export(path):
        if isinstance(record, Author):
            index.authors[record.login] = record
        elif isinstance(record, Term):
            index.terms.append(record)
            if record.taxonomy == "post_translations":
                add_polylang_group(index, record, site_languages)
            elif record.taxonomy == "term_translations":
                add_term_translations(index, record, site_languages)
        else:
            index.item_types[record.post_type] += 1
            scan_item(index, record, site_languages, default_language, wpml)
    index.source = index.source or index.site.split("/", 1)[0]
    index.site = index.site or index.source
    if wpml is None and index.languages_from_addresses:
        counts = ", ".join(f"{n} in {code}" for code, n in sorted(index.languages_from_addresses.items()))
        index.problems.append((None, f"languages read from the posts' addresses: {counts}"))
    return index


GUEST_AUTHOR = "guest-author"  # Co-Authors Plus


def scan_item(index: ExportIndex, record: Item, site_languages, default_language: str, wpml):
    if record.post_type == "attachment":
        facts = attachment_facts(record)
        index.attachments[record.post_id] = facts
        if facts.file:
            index.attachment_files.setdefault(facts.file, record.post_id)
        if facts.parent_id and IMAGE_FILE.search(facts.file or urlsplit(record.attachment_url).path):
            index.attached.setdefault(facts.parent_id, []).append(record.post_id)
    elif record.post_type == GUEST_AUTHOR:
        login = (record.postmeta.get("cap-user_login") or [record.post_name])[0]
        index.guest_authors[login] = record
    elif record.post_type in IMPORTED_POST_TYPES:
        scan_post(index, record, site_languages, default_language, wpml)
    else:
        index.skipped_types[record.post_type] += 1


def scan_post(index: ExportIndex, record: Item, site_languages, default_language: str, wpml):
    if not index.source and record.link:
        index.source = site_of(record.link)
    if record.post_type == "page":
        index.pages[record.post_id] = record.parent_id or 0
    label = status_label(record.status, record.password)
    if label in SKIPPED:
        # Its language only names its row in the report: read without warnings or counts.
        wpml_language = wpml[record.post_id].language if wpml and record.post_id in wpml else None
        language = category(record, "language") or wpml_language
        language = language or language_from_path(record.link, site_languages) or default_language
        index.skipped_posts.append((record.post_id, language, label))
        return
    index.statuses[record.post_id] = label
    index.posts[record.post_id] = PostFacts(
        record.post_id,
        post_language(index, record, site_languages, default_language, wpml),
        category(record, "post_translations"),
    )
    index.paths[record.post_id] = old_path(record.link)
    index.post_authors[record.post_id] = byline(record)


def post_language(index, item: Item, site_languages, default_language: str, wpml) -> str | None:
    language = category(item, "language")
    if language:
        return language
    if wpml is not None:
        if item.post_id in wpml:
            return wpml[item.post_id].language
        index.problems.append((item.post_id, "not in the WPML translations file; language from its address"))
    language = language_from_path(item.link, site_languages) or prefixed_language(item.link)
    language = language or default_language
    index.languages_from_addresses[language] += 1
    return language


def prefixed_language(link: str) -> str | None:
    """A two-letter first path segment (`/de/...`) names a language the site may not have."""
    segments = [segment for segment in urlsplit(link).path.split("/") if segment]
    first = segments[0] if segments else ""
    return first if len(first) == 2 and first.isalpha() and first.islower() else None


def byline(item: Item) -> list[str]:
    """Co-Authors Plus lists the byline as `author` terms (`cap-<login>`); else the post's author."""
    terms = [(slug, name) for domain, slug, name in item.categories if domain == "author"]
    logins = [name or slug.removeprefix("cap-") for slug, name in terms]
    return logins or ([item.author_login] if item.author_login else [])


def add_polylang_group(index: ExportIndex, term: Term, site_languages):
    try:
        group = polylang_translation_group(term.description, site_languages)
    except PhpSerializeError as error:
        index.problems.append(
            (None, f"translation group {term.slug} cannot be read ({error}); its posts stay apart")
        )
        return
    index.polylang_groups[term.slug] = group.members


def add_term_translations(index: ExportIndex, term: Term, site_languages):
    """Polylang keeps a category's translations as a group term: language -> term id."""
    try:
        group = polylang_translation_group(term.description, site_languages)
    except PhpSerializeError as error:
        index.problems.append((None, f"term translations {term.slug} cannot be read ({error})"))
        return
    for language, term_id in group.members.items():
        index.term_languages[term_id] = (language, term.slug)


def attachment_facts(item: Item) -> AttachmentFacts:
    first = lambda key: (item.postmeta.get(key) or [""])[0]  # noqa: E731
    return AttachmentFacts(
        attachment_id=item.post_id,
        file=first("_wp_attached_file"),
        title=item.title,
        caption=item.excerpt.strip(),
        alt=first("_wp_attachment_image_alt"),
        language=category(item, "language"),
        group=category(item, "post_translations"),
        parent_id=item.parent_id,
        menu_order=item.menu_order,
    )


def attached_images(index: ExportIndex, post_id: int) -> list[int]:
    """The images uploaded to a post, in WordPress's gallery order: what `[gallery]` without ids shows."""
    attached = [index.attachments[number] for number in index.attached.get(post_id, [])]
    return [facts.attachment_id for facts in sorted(attached, key=lambda f: (f.menu_order, f.attachment_id))]
