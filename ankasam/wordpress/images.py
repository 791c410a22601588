"""WordPress attachments as images, read from a local copy of wp-content/uploads (never downloaded).

A missing file is a warning. Files are written to storage as the import goes; the database
forgets them if the import rolls back, so `remove_written_files` deletes them again.
"""

from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from ankasam.core.languages import default_language, localized_field

from .models import ImportedAttachment


def import_attachments(index, uploads: Path | None, report, written: list[str]) -> dict:
    images = {}
    missing_folder = []
    for attachment in index.attachments.values():
        record = (
            ImportedAttachment.objects.filter(source=index.source, attachment_id=attachment.attachment_id)
            .select_related("image")
            .first()
        )
        if record:
            images[attachment.attachment_id] = record.image
            continue
        if uploads is None:
            missing_folder.append(attachment.attachment_id)
            continue
        path = uploads / attachment.file
        if not attachment.file or not path.is_file():
            report.warn(
                attachment.attachment_id,
                f"image file '{attachment.file}' is not under {uploads}; not imported",
            )
            continue
        image = get_image_model()(title=attachment.title or path.stem)
        setattr(image, localized_field("caption", default_language()), attachment.caption[:500])
        setattr(image, localized_field("description", default_language()), attachment.alt)
        with path.open("rb") as handle:
            image.file = ImageFile(handle, name=path.name)
            image.save()
        written.append(image.file.name)
        ImportedAttachment.objects.create(
            source=index.source, attachment_id=attachment.attachment_id, image=image
        )
        report.created["image"] += 1
        images[attachment.attachment_id] = image
    if missing_folder:
        report.warn(
            None, f"{len(missing_folder)} image(s) not imported: give the uploads folder with --uploads"
        )
    return images


def remove_written_files(names: list[str]):
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)


def resolve_image_blocks(blocks, images: dict, post_id: int, report) -> list:
    """Image placeholders from `body.convert_body` as image blocks, or left out with a warning."""
    resolved = []
    for block in blocks:
        if block[0] == "image" and "wordpress_attachment_id" in block[1]:
            image = images.get(block[1]["wordpress_attachment_id"])
            if image is None:
                report.warn(
                    post_id, f"image {block[1]['src']} is not among the imported attachments; left out"
                )
                continue
            block = ("image", {"image": image, "caption": block[1]["caption"]})
        resolved.append(block)
    return resolved
