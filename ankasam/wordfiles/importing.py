"""A read Word file written into an article as a draft: a new article, or one language of one.

Nothing is published: a new article is created as a draft with its first revision, and filling a
language of an existing article saves a new draft revision in which only that language's title,
slug, standfirst, body and notes differ from the latest revision. Everything runs in one
transaction; images written to storage are deleted again if the import fails.
"""

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import override
from PIL import Image as PILImage
from wagtail.images import get_image_model

from ankasam.articles.content import ascii_slug, write_article_translation
from ankasam.articles.models import ArticlePage, ArticlePageAuthor
from ankasam.core.languages import field_in, is_site_language, localized_field, site_language_codes
from ankasam.people.models import PersonPage
from ankasam.wordpress.body import convert_body
from ankasam.wordpress.naming import free_slug

from .limits import WordFileRefused
from .reading import WordDocument, read_word_file
from .report import ImportReport

PLACEHOLDER = "wordpress_attachment_id"
LIBRARY_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


@dataclass
class Written:
    files: list[str] = field(default_factory=list)


def import_word_file(
    data: bytes,
    *,
    filename: str,
    language: str | None,
    parent=None,
    page: ArticlePage | None = None,
    authors: list[PersonPage] | None = None,
    user=None,
) -> ImportReport:
    """Import the file as a draft under `parent`, or into `language` of `page`; WordFileRefused
    (and nothing saved) when the file, its language or the resulting article is refused."""
    document = read_word_file(data)
    language = language or document.language
    if not language or not is_site_language(language):
        raise WordFileRefused(
            _("Choose the language of the text: the file names none the site has (%(found)s).")
            % {"found": document.language or "-"}
        )
    report = ImportReport(language=language, dropped=document.dropped)
    written = Written()
    try:
        with transaction.atomic(), override(language):
            blocks = body_blocks(document, language, report, written)
            # An existing article keeps its byline unless authors are given.
            if authors or page is not None:
                people = authors or []
            else:
                people = matched_authors(document.authors, report)
            report.authors = people
            title = document.title or PurePath(filename).stem or _("Untitled")
            if not document.title:
                report.problems.append(
                    _("The file has no title (Title style or heading); its name was used.")
                )
            if page is None:
                report.page = create_article(parent, language, title, document, blocks, people, user)
                report.created = True
            else:
                report.page = fill_language(page, language, title, document, blocks, people, user)
    except ValidationError as error:
        remove_files(written.files)
        raise WordFileRefused(" ".join(error.messages)) from None
    except BaseException:
        remove_files(written.files)
        raise
    return report


def body_blocks(document: WordDocument, language: str, report: ImportReport, written: Written) -> list:
    converted = convert_body(document.body_html)
    report.problems += converted.problems
    # Only pictures that became image blocks go to the library: one in a note or a table cell,
    # which hold text only, would be an orphan there.
    found_images = {found["number"]: found for found in document.images}
    blocks = []
    for block in converted.blocks:
        if block[0] == "image" and PLACEHOLDER in block[1]:
            found = found_images.get(block[1][PLACEHOLDER])
            image = library_image(found, language, report, written) if found else None
            if image is None:
                continue
            caption = block[1]["caption"]
            if caption:
                setattr(image, localized_field("caption", language), caption[:500])
                image.save()
            block = ("image", {"image": image, "caption": caption})
        blocks.append(block)
    return blocks


def library_image(found: dict, language: str, report: ImportReport, written: Written):
    """The picture saved in the image library with its alt text; None (reported) if it is no image
    the library can hold (Word's own vector formats, EMF and WMF, are not)."""
    try:
        with PILImage.open(BytesIO(found["blob"])) as picture:
            kind = picture.format
            picture.verify()
    except (OSError, ValueError, SyntaxError):
        kind = None
    if kind not in LIBRARY_FORMATS:
        report.problems.append(
            _("An image (%(name)s) was left out: the image library holds JPEG, PNG, GIF and WebP pictures.")
            % {"name": found["name"]}
        )
        return None
    image = get_image_model()(title=(found["alt"] or PurePath(found["name"]).stem)[:255])
    setattr(image, localized_field("description", language), found["alt"])
    image.file = ImageFile(BytesIO(found["blob"]), name=found["name"])
    image.save()
    written.files.append(image.file.name)
    report.images.append(image)
    return image


def create_article(parent, language, title, document, blocks, people, user) -> ArticlePage:
    page = ArticlePage(live=False, has_unpublished_changes=True, original_language=language, owner=user)
    write_article_translation(
        page,
        language,
        title=title,
        slug=free_slug(parent, ascii_slug(title) or "article", None),
        standfirst=document.standfirst,
        blocks=blocks,
        notes=document.notes,
    )
    # Every language's slug column is filled as Wagtail's own form does for a new page.
    page.slug = getattr(page, localized_field("slug", language))
    page.article_authors = [ArticlePageAuthor(person=p, sort_order=n) for n, p in enumerate(people)]
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def fill_language(page, language, title, document, blocks, people, user) -> ArticlePage:
    """The latest revision with `language` replaced, saved as a new draft revision."""
    draft = page.get_latest_revision_as_object()
    slug = field_in(draft, "slug", language, default="") or free_slug(
        page.get_parent(), ascii_slug(title) or "article", page.pk
    )
    write_article_translation(
        draft,
        language,
        title=title,
        slug=slug,
        standfirst=document.standfirst,
        blocks=blocks,
        notes=document.notes,
    )
    if people:
        draft.article_authors = [ArticlePageAuthor(person=p, sort_order=n) for n, p in enumerate(people)]
    draft.full_clean()
    draft.save_revision(user=user, log_action=True)
    return page


def matched_authors(names: list[str], report: ImportReport) -> list[PersonPage]:
    """People whose name, in any language, is one of the document's authors; the others reported."""
    people = []
    for name in names:
        query = Q()
        for column in dict.fromkeys(["title", *(localized_field("title", c) for c in site_language_codes())]):
            query |= Q(**{f"{column}__iexact": " ".join(name.split())})
        person = PersonPage.objects.filter(query).order_by("pk").first()
        if person is None:
            report.unknown_authors.append(name)
        elif person not in people:
            people.append(person)
    return people


def remove_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)
