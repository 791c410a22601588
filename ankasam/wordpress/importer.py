"""Importing a WordPress export: one page per translation group, all or nothing.

The plan is in docs/decisions/wordpress-import.md: a first pass collects small facts, a second
streams the posts into their group's page, then each group is published or left a draft and its
old addresses redirected. Everything runs in one transaction; a dry run rolls it back at the end.
"""

import gc
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.db import transaction
from django.utils.translation import override
from wagtail.models import Page

from ankasam.core.languages import default_language, localized_field, site_language_codes

from .archives import ArchiveBases, redirect_archives
from .bios import read_author_bios
from .body import convert_body
from .changes import fingerprint
from .footnotes import extract_footnotes
from .groups import Group, group_posts
from .images import import_attachments, remove_written_files, resolve_image_blocks
from .indexing import index_saved, search_indexing_deferred
from .links import rewrite_links
from .models import ImportedPost
from .origins import adopt_host_records
from .pages import destination, home_page, page_footnotes, waits_for_parent, write_into_standard_page
from .people import NoPeopleIndex, import_authors
from .posts import plan_post, post_action, targets_of, write_into_page
from .publishing import finish_group, page_of_group
from .report import Report
from .scan import attached_images, post_type_of, scan_export
from .sidecars import read_taxonomy_mapping, read_wpml_translations, wpml_groups
from .statuses import status_label, status_warning
from .terms import import_categories
from .wxr import Item, read_export


class ImportFailed(Exception):
    """Which part of the export stopped the run ("post 104", "authors") and why."""

    def __init__(self, where: str, reason):
        super().__init__(f"{where}: {reason}")
        self.where = where


def step(where: str, function, *args):
    """Run one phase of the import; an error names the phase (the transaction undoes all)."""
    try:
        return function(*args)
    except NoPeopleIndex:
        raise
    except Exception as error:  # named in the report, undone by the transaction
        raise ImportFailed(where, error) from error


class DryRunFinished(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass(frozen=True)
class Written:
    """What publishing needs of a post once written: never its text, so memory stays flat."""

    status: str  # what the import does with it (`statuses.treatment`): publish, future or draft
    post_date_gmt: object
    modified_gmt: object = None
    has_links: bool = True  # whether its body links anywhere (else there is nothing to rewrite)
    password: str = ""  # WordPress's post password: the page gets a password restriction
    label: str = "publish"  # its WordPress status, as the report's table names it
    changed: bool = True  # written in this run; False when the page already held exactly this


@dataclass
class Options:
    path: Path
    parent: object  # the ArticleIndexPage the pieces go under
    uploads: Path | None = None  # a local copy of wp-content/uploads
    dry_run: bool = False
    wpml_translations: Path | None = None  # WPML's icl_translations table as CSV
    author_bios: Path | None = None
    taxonomy_mapping: Path | None = None
    archive_bases: ArchiveBases = field(default_factory=ArchiveBases)  # Settings > Permalinks


def run_import(options: Options) -> Report:
    report = Report(dry_run=options.dry_run)
    sidecars = read_sidecars(options)
    wpml = sidecars["wpml"]
    index = scan_export(options.path, site_language_codes(), default_language(), wpml)
    report.skipped_types = index.skipped_types
    report.items = index.item_types
    for post_id, message in index.problems:
        report.warn(post_id, message)
    grouping = group_posts(
        index.posts.values(),
        site_language_codes(),
        default_language(),
        index.polylang_groups,
        wpml_groups(wpml) if wpml else None,
    )
    for post_id, message in grouping.problems:
        report.warn(post_id, message)
    group_of = {post_id: group for group in grouping.groups for post_id in group.members.values()}
    count_skipped_posts(index, group_of, report)
    written = []
    try:
        with transaction.atomic():
            with search_indexing_deferred() as saved:
                adopt_host_records(index, report)
                people = step("authors", import_authors, index, report, sidecars["bios"])
                topics = step("categories", import_categories, index, report, sidecars["mapping"])
                images = step("images", import_attachments, index, options.uploads, report, written)
                statuses = write_posts(options, index, group_of, (people, topics, images), report)
                step("links between posts", rewrite_links_between_posts, index, statuses, report)
                for number, group in enumerate(grouping.groups, start=1):
                    where = f"post {min(group.members.values())}"
                    step(where, finish_group, group, statuses, index, report)
                    collect_garbage_now_and_then(number)
                archives = (index, statuses, topics, people, options.parent, report, options.archive_bases)
                step("archive redirects", redirect_archives, *archives)
            step("search index", index_saved, saved)
            if options.dry_run:
                raise DryRunFinished
    except DryRunFinished:
        remove_written_files(written)
    except Exception:
        remove_written_files(written)
        raise
    return report


def write_posts(options: Options, index, group_of: dict, imported_before: tuple, report: Report) -> dict:
    """The second pass: each post (and page) written into its group's page, in file order.

    A WordPress page that comes before its parent page waits until the parent is written.
    """
    people, topics, images = imported_before
    statuses = {}
    home = home_page(options.parent)
    imported = set(group_of)

    def write(item):
        group = group_of[item.post_id]

        def place_and_write():
            parent = destination(item, group, options.parent, home, index, report)
            return write_post(item, group, parent, index, people, topics, images, report)

        statuses[item.post_id] = step(f"post {item.post_id}", place_and_write)
        collect_garbage_now_and_then(len(statuses))

    waiting = []
    for item in read_export(options.path):
        if isinstance(item, Item) and item.post_id in group_of:
            if waits_for_parent(index, item.post_id, imported, statuses):
                waiting.append(item)
            else:
                write(item)
    write_waiting_pages(waiting, write, index, imported, statuses)
    return statuses


def write_waiting_pages(waiting: list, write, index, imported: set, written: dict):
    """The pages held back for their parent, each once its parent is written (parents first).

    Only pages wait, and a site has tens of them, so holding their text is cheap. A loop of
    parents (which WordPress does not allow, but a damaged export may hold) is written as it is.
    """
    while waiting:
        ready = [item for item in waiting if not waits_for_parent(index, item.post_id, imported, written)]
        for item in ready or waiting[:1]:
            write(item)
            waiting.remove(item)


GARBAGE_EVERY = 100  # posts or groups


def collect_garbage_now_and_then(done: int):
    """Free the page objects of the last hundred posts, so memory stays flat however long the run.

    A saved page leaves reference cycles behind (Wagtail's and modelcluster's objects point back
    at it); Python frees cycles only now and then, and less often the more objects a long run
    has made, so without this the memory of a large import grows with the number of posts.
    """
    if done % GARBAGE_EVERY == 0:
        gc.collect()


def read_sidecars(options: Options) -> dict:
    """Every sidecar file read before anything is written: a bad one stops the run at once."""
    return {
        "wpml": read_wpml_translations(options.wpml_translations) if options.wpml_translations else None,
        "bios": read_author_bios(options.author_bios, site_language_codes()) if options.author_bios else {},
        "mapping": read_taxonomy_mapping(options.taxonomy_mapping) if options.taxonomy_mapping else None,
    }


def count_skipped_posts(index, group_of: dict, report: Report):
    """The posts not imported, in the table: trash and auto-drafts, and languages the site lacks."""
    earlier = set(
        ImportedPost.objects.filter(
            site=index.site, post_id__in=[post_id for post_id, _language, _label in index.skipped_posts]
        ).values_list("post_id", flat=True)
    )
    for post_id, language, label in index.skipped_posts:
        report.count_post(language, label, "skipped", post_type_of(index, post_id))
        kind, message = status_warning(label, None, "skip")
        if post_id in earlier:
            # Nothing is deleted by an import; the editors decide what becomes of the page.
            message += "; the page an earlier run made of it is left as it is (unpublish it in the admin)"
        report.warn(post_id, message, kind)
    for post_id, facts in index.posts.items():
        if post_id not in group_of:
            language = facts.language or default_language()
            report.count_post(language, index.statuses[post_id], "skipped", post_type_of(index, post_id))


def write_post(item: Item, group: Group, parent, index, people, topics, images, report: Report) -> Written:
    """Write the post into its group's page, unless the page already holds exactly what it would."""
    language = next(code for code, post_id in group.members.items() if post_id == item.post_id)
    label = status_label(item.status, item.password)
    is_page = item.post_type == "page"
    if is_page:
        notes = page_footnotes(item, report)
    else:
        notes = extract_footnotes(item.content, (item.postmeta.get("footnotes") or [None])[0])
    body = convert_body(notes.body_html, attached_images(index, item.post_id))
    for problem in notes.problems + body.problems:
        report.warn(item.post_id, problem)
    blocks = resolve_image_blocks(body.blocks, images, item.post_id, report, index.attachment_files)
    page = page_of_group(group, index.site)
    planned = plan_post(
        item, language, blocks, notes.notes, page, parent, index, people, topics, images, report
    )
    action = post_action(item, label, blocks, report)
    terms = [(target.kind, getattr(target.term, "pk", None)) for target in targets_of(item, topics)]
    dates = (item.post_date, item.post_date_gmt, item.modified_gmt)
    digest = fingerprint(language, label, action, planned.parts(), terms, item.password, dates)
    record = ImportedPost.objects.filter(site=index.site, post_id=item.post_id).first()
    changed = record is None or record.fingerprint != digest or page is None or record.page_id != page.pk
    kind = "standard page" if is_page else "page"
    if changed:
        created = page is None
        if is_page:
            page = write_into_standard_page(page, language, planned, parent)
        else:
            page = write_into_page(page, item, language, planned, parent, topics)
        remember_origin(record, index, item.post_id, page, language, digest)
        report.created[kind] += created
        report.updated[kind] += not created and record is not None
    else:
        report.unchanged[kind] += 1
    outcome = "created" if record is None else "updated" if changed else "unchanged"
    report.count_post(language, label, outcome, item.post_type)
    report.footnotes += len(notes.notes)
    return Written(
        action, item.post_date_gmt, item.modified_gmt, bool(body.links), item.password, label, changed
    )


def remember_origin(record, index, post_id: int, page, language: str, digest: str):
    """Create or update the post's origin record (`record`: the one already read, or None)."""
    values = {
        "page": page,
        "language": language,
        "old_path": index.paths.get(post_id, ""),
        "fingerprint": digest,
    }
    if record is None:
        ImportedPost.objects.create(site=index.site, post_id=post_id, **values)
        return
    for name, value in values.items():
        setattr(record, name, value)
    record.save()


def rewrite_links_between_posts(index, written: dict, report: Report):
    """Links to other imported posts, by old address or `?p=<id>`, become page links.

    Run once every post has its page, before publishing, so the published revision holds them.
    """
    records = list(ImportedPost.objects.filter(site=index.site))
    page_ids = {f"/?p={record.post_id}": record.page_id for record in records}
    page_ids.update({record.old_path: record.page_id for record in records if record.old_path})
    hosts = [index.source, f"www.{index.source}"]
    for record in records:
        post = written.get(record.post_id)
        if post is None or not post.has_links:
            continue
        page = Page.objects.get(pk=record.page_id).specific
        field = localized_field("body", record.language)
        blocks = [(block.block_type, block.value) for block in getattr(page, field)]
        rewritten = rewrite_links(blocks, page_ids, hosts)
        if any(new is not old for new, old in zip(rewritten, blocks, strict=True)):
            setattr(page, field, rewritten)
            with override(getattr(page, "original_language", "") or record.language):
                page.save()
            report.updated["links between posts"] += 1
            if not post.changed:
                # Unchanged itself, but a post it links to is new: its page is published again.
                written[record.post_id] = replace(post, changed=True)
                post_type = post_type_of(index, record.post_id)
                report.recount_post(record.language, post.label, "unchanged", "updated", post_type)
