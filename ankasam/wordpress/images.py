"""WordPress attachments as images, read from a local copy of wp-content/uploads (never downloaded).

A missing file is a warning. Files are written to storage as the import goes; the database
forgets them if the import rolls back, so `remove_written_files` deletes them again.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from ankasam.core.languages import default_language, localized_field, site_language_codes

from .models import ImportedAttachment


def import_attachments(index, uploads: Path | None, report, written: list[str]) -> dict:
    """Attachment id -> image. Polylang's translations of one attachment share one image."""
    images = {}
    missing_folder = []
    for members in attachment_groups(index.attachments.values()):
        image = find_imported(index.site, members)
        created = image is None
        if created:
            if uploads is None:
                missing_folder.extend(member.attachment_id for member in members)
                continue
            image = new_image(members, uploads, report, written)
            if image is None:
                continue
        changed = [set_caption_and_alt(image, member) for member in members]
        if created or any(changed):
            image.save()
        for member in members:
            ImportedAttachment.objects.get_or_create(
                site=index.site, attachment_id=member.attachment_id, defaults={"image": image}
            )
            images[member.attachment_id] = image
        report.created["image"] += created
        report.updated["image"] += not created and any(changed)
        report.unchanged["image"] += not created and not any(changed)
    if missing_folder:
        report.warn(
            None, f"{len(missing_folder)} image(s) not imported: give the uploads folder with --uploads"
        )
    return images


def attachment_groups(attachments) -> list[list]:
    groups: dict[object, list] = {}
    for attachment in attachments:
        key = ("group", attachment.group) if attachment.group else ("alone", attachment.attachment_id)
        groups.setdefault(key, []).append(attachment)
    return list(groups.values())


def find_imported(site: str, members):
    record = (
        ImportedAttachment.objects.filter(
            site=site, attachment_id__in=[member.attachment_id for member in members]
        )
        .select_related("image")
        .first()
    )
    return record.image if record else None


def new_image(members, uploads: Path, report, written: list[str]):
    """The image from the first member whose file is in the uploads copy; None if none is."""
    for attachment in members:
        path = uploads / attachment.file
        if attachment.file and path.is_file():
            image = get_image_model()(title=attachment.title or path.stem)
            with path.open("rb") as handle:
                image.file = ImageFile(handle, name=path.name)
                image.save()
            written.append(image.file.name)
            return image
    for attachment in members:
        report.warn(
            attachment.attachment_id,
            f"image file '{attachment.file}' is not under {uploads}; not imported",
            "image file missing from the uploads folder",
        )
    return None


def set_caption_and_alt(image, attachment) -> bool:
    """Write the attachment's caption and alt text in its language; True if either changed."""
    language = attachment.language if attachment.language in site_language_codes() else default_language()
    values = {
        localized_field("caption", language): attachment.caption[:500],
        localized_field("description", language): attachment.alt,
    }
    changed = any(getattr(image, column) != value for column, value in values.items())
    for column, value in values.items():
        setattr(image, column, value)
    return changed


def remove_written_files(names: list[str]):
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)


def resolve_image_blocks(blocks, images: dict, post_id: int, report, attachment_files=None) -> list:
    """Image placeholders from `body.convert_body` as image blocks, or left out with a warning.

    An image without WordPress's `wp-image-N` class is found by its file under uploads
    (`attachment_files`, file -> attachment id; a resized copy, `chart-300x200.png`, counts as
    `chart.png`).
    """
    by_file = attachment_files or {}
    resolved = []
    missing = []
    for block in blocks:
        if block[0] == "image" and "wordpress_attachment_id" in block[1]:
            number = block[1]["wordpress_attachment_id"] or by_file.get(uploaded_file(block[1]["src"]))
            image = images.get(number)
            if image is None:
                missing.append(block[1]["src"] or f"attachment {number}")
                continue
            block = ("image", {"image": image, "caption": block[1]["caption"]})
        resolved.append(block)
    if missing:
        # One line per post: a gallery of forty missing images is one problem, not forty.
        different = list(dict.fromkeys(missing))
        shown = ", ".join(different[:3]) + (f" and {len(different) - 3} more" if len(different) > 3 else "")
        report.warn(
            post_id,
            f"{len(missing)} image(s) not among the imported attachments were left out: {shown}",
            "images in the text left out (not among the imported attachments)",
        )
    return resolved


RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")


def uploaded_file(src: str) -> str:
    """`https://old.example/wp-content/uploads/2025/03/map-300x200.png` -> `2025/03/map.png`."""
    path = unquote(urlsplit(src).path)
    _before, found, after = path.partition("/wp-content/uploads/")
    return RESIZED.sub("", after) if found else ""
