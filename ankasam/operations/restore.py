"""`manage.py restore FILE`: an archive back into an empty database and MEDIA_ROOT (docs/operations.md).

Order matters, so that a failure at any step leaves things as they were: the archive is read and
checked in full in a staging directory beside MEDIA_ROOT, then the database is restored in one
transaction, and only then are the media files moved into place.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

from wagtail.models import Site

from ankasam.serving.page_cache import forget_cached_pages

from . import media as media_files
from .archive import read_manifest, unpack
from .databases import (
    current_facts,
    describe_target,
    require_supported,
    restore_database,
    table_names,
)
from .errors import BackupError
from .manifest import check_manifest
from .media import MediaFacts


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict
    media: MediaFacts
    media_kept_at: Path | None


def check_targets(connection, media_root: Path, replace: bool) -> None:
    """Refuse a database that holds tables, or a MEDIA_ROOT that holds files, unless told to replace."""
    if replace:
        return
    tables = table_names(connection)
    if tables:
        raise BackupError(
            f"The {describe_target(connection)} already holds {len(tables)} tables "
            f"({', '.join(sorted(tables)[:3])}, ...). restore only fills an empty database: create a "
            "new, empty one and point DATABASE_URL at it, or pass --force to replace this database's "
            "contents (destructive)."
        )
    if not media_files.is_empty(media_root):
        raise BackupError(
            f"MEDIA_ROOT {media_root} already holds files. Point MEDIA_ROOT at an empty or missing "
            "directory, or pass --force (the files there are then moved aside, not deleted)."
        )


def restore_checked_database(connection, unpacked, manifest: dict, replace: bool) -> None:
    try:
        restore_database(connection, unpacked.database_file, replace)
    except BackupError as error:
        raise BackupError(
            f"The database restore failed, so the {describe_target(connection)} is as it was and the "
            f"media files were not touched. {error}"
        ) from None
    restored = current_facts(connection).counts
    if restored != manifest["counts"]:
        raise BackupError(
            f"The restored database's row counts {restored} differ from the archive's "
            f"{manifest['counts']}; the media files were not touched."
        )


def restore_backup(archive: Path, connection, media_root: Path, replace: bool = False) -> RestoreResult:
    vendor = require_supported(connection)
    manifest = read_manifest(archive)
    check_manifest(manifest, vendor)
    check_targets(connection, media_root, replace)
    media_files.check_replaceable(media_root)
    staging = media_files.staging_directory(media_root)
    keep_staging = False
    try:
        unpacked = unpack(archive, staging, manifest)
        restore_checked_database(connection, unpacked, manifest, replace)
        try:
            kept = media_files.put_in_place(unpacked.media_directory, media_root)
        except OSError as error:
            keep_staging = True
            raise BackupError(
                f"The database was restored, but moving the media files into {media_root} failed "
                f"({error}). They are complete in {unpacked.media_directory}: move that directory to "
                "MEDIA_ROOT by hand."
            ) from None
    except OSError as error:
        raise BackupError(f"The restore failed and changed nothing: {error}.") from None
    finally:
        if not keep_staging:
            shutil.rmtree(staging, ignore_errors=True)
    # Pages cached before the restore describe another database.
    forget_cached_pages()
    Site.clear_site_root_paths_cache()
    return RestoreResult(manifest=manifest, media=unpacked.media, media_kept_at=kept)
