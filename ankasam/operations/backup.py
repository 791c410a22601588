"""`manage.py backup`: the database and the media files in one archive (docs/operations.md)."""

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from .archive import write_archive
from .databases import DUMP_FILE_NAMES, dump_database, require_supported, server_version
from .errors import BackupError
from .manifest import build_manifest
from .media import MediaFacts


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict
    media: MediaFacts
    vanished: list[str]


def archive_name(moment=None) -> str:
    return f"ankasam-{timezone.localtime(moment).strftime('%Y%m%d-%H%M%S')}.tar.gz"


def prepare_output(output_dir: Path, media_root: Path) -> None:
    if output_dir.resolve().is_relative_to(media_root.resolve()):
        # Each backup would then hold every earlier one, and be served as a public media file.
        raise BackupError(
            f"The backup directory {output_dir} is inside MEDIA_ROOT {media_root}; choose another."
        )
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"Cannot create the backup directory {output_dir}: {error}.") from None


def create_backup(connection, output_dir: Path, media_root: Path) -> BackupResult:
    """Dump the database, then write it with MEDIA_ROOT into `output_dir`/ankasam-<time>.tar.gz.

    The database is copied first: a media file added afterwards is harmless in the archive, while
    one referenced by the copy would already be on disk. The archive is written under a temporary
    name and renamed when complete, so a failed backup never leaves a plausible-looking archive.
    """
    vendor = require_supported(connection)
    prepare_output(output_dir, media_root)
    final = output_dir / archive_name()
    if final.exists():
        raise BackupError(f"{final} already exists; wait a second and run the backup again.")
    work = Path(tempfile.mkdtemp(prefix=".ankasam-backup-", dir=output_dir))
    try:
        database_file = work / DUMP_FILE_NAMES[vendor]
        facts = dump_database(connection, database_file)
        manifest = build_manifest(vendor, facts, database_file, server_version(connection))
        partial = work / final.name
        media, vanished = write_archive(partial, manifest, database_file, media_root)
        # The archive holds password hashes and unpublished drafts: readable by its owner only.
        os.chmod(partial, 0o600)
        partial.rename(final)
    except OSError as error:
        raise BackupError(f"The backup failed and was not written: {error}.") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupResult(path=final, manifest=manifest, media=media, vanished=vanished)
