"""The media files' side of a backup: MEDIA_ROOT into the archive, and a staged copy back into place."""

import datetime
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import BackupError

ARCHIVE_DIRECTORY = "media"


@dataclass(frozen=True)
class MediaFacts:
    files: int
    bytes: int


def media_files(root: Path) -> Iterator[Path]:
    """Regular files under `root`, in a stable order; symbolic links are not followed."""
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path


def add_media(tar, root: Path) -> tuple[MediaFacts, list[str]]:
    """Add every file under `root` as `media/<relative path>`; returns what was added and what vanished.

    Publishing deletes superseded PDFs and share cards while the backup runs; a file gone before it
    is opened is left out and named. Once open, its content is read whole even if it is deleted.
    """
    files = size = 0
    vanished = []
    if not root.is_dir():
        return MediaFacts(0, 0), vanished
    for path in media_files(root):
        relative = path.relative_to(root).as_posix()
        try:
            stream = path.open("rb")
        except FileNotFoundError:
            vanished.append(relative)
            continue
        with stream:
            info = tar.gettarinfo(arcname=f"{ARCHIVE_DIRECTORY}/{relative}", fileobj=stream)
            try:
                tar.addfile(info, stream)
            except OSError as error:
                raise BackupError(
                    f"The media file {path} changed while it was read ({error}); run the backup again."
                ) from None
        files += 1
        size += info.size
    return MediaFacts(files, size), vanished


def tree_facts(root: Path) -> MediaFacts:
    files = size = 0
    for path in media_files(root):
        files += 1
        size += path.stat().st_size
    return MediaFacts(files, size)


def is_empty(root: Path) -> bool:
    return not root.exists() or not any(root.iterdir())


def check_replaceable(root: Path) -> None:
    """Refuse, before anything changes, a MEDIA_ROOT the final rename could not replace."""
    if root.exists() and not root.is_dir():
        raise BackupError(f"MEDIA_ROOT {root} is not a directory.")
    if root.exists() and os.path.ismount(root):
        raise BackupError(
            f"MEDIA_ROOT {root} is a mount point; the restore moves a whole directory into its place. "
            "Mount the volume one level up and point MEDIA_ROOT at a directory inside it."
        )


def staging_directory(root: Path) -> Path:
    """A private directory beside MEDIA_ROOT, on the same file system, so moving in is a rename."""
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{root.name}-restore-", dir=root.parent))
    except OSError as error:
        raise BackupError(f"Cannot make a staging directory beside MEDIA_ROOT {root}: {error}.") from None


def put_in_place(staged: Path, root: Path) -> Path | None:
    """Move the staged media to MEDIA_ROOT; files already there are kept aside, never deleted.

    Returns where the previous files were kept, if there were any.
    """
    kept = None
    existed = root.exists()
    if existed:
        if any(root.iterdir()):
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = root.with_name(f"{root.name}.before-restore-{stamp}")
            root.rename(kept)
        else:
            root.rmdir()
    try:
        staged.rename(root)
    except OSError:
        if kept is not None:
            kept.rename(root)
        elif existed:
            root.mkdir()
        raise
    return kept
