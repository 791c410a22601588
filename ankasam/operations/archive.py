"""The archive file: one .tar.gz holding, in this order,

- `manifest.json`: what the archive holds (ankasam/operations/manifest.py), first so that it can
  be read without unpacking the rest;
- `database.sqlite3` or `database.pgdump`: the database;
- `media/...`: every file under MEDIA_ROOT;
- `media-files.json`: how many media files and bytes were written, last, because files may
  vanish while the backup runs; an archive without it is incomplete.

Reading never trusts the archive: only those names, only plain files and directories, nothing
outside the staging directory, and every size and digest checked against the manifest.
"""

import gzip
import io
import json
import shutil
import tarfile
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .databases import DUMP_FILE_NAMES
from .errors import BackupError
from .manifest import file_digest
from .media import ARCHIVE_DIRECTORY, MediaFacts, add_media, tree_facts

MANIFEST_NAME = "manifest.json"
MEDIA_LIST_NAME = "media-files.json"
MANIFEST_MAX_BYTES = 10 * 1024 * 1024
# Media is mostly already-compressed images and PDFs: harder work would gain little.
COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Unpacked:
    database_file: Path
    media_directory: Path
    media: MediaFacts


def add_bytes(tar, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(time.time())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(content))


def write_archive(
    path: Path, manifest: dict, database_file: Path, media_root: Path
) -> tuple[MediaFacts, list[str]]:
    """Write the archive; returns the media written and the files that vanished before they were read."""
    with tarfile.open(path, "w:gz", compresslevel=COMPRESS_LEVEL) as tar:
        add_bytes(tar, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
        tar.add(database_file, arcname=database_file.name, recursive=False)
        media, vanished = add_media(tar, media_root)
        add_bytes(tar, MEDIA_LIST_NAME, json.dumps({"files": media.files, "bytes": media.bytes}).encode())
    return media, vanished


@contextmanager
def open_archive(path: Path):
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    try:
        with tarfile.open(path, "r:gz") as tar:
            yield tar
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(
            f"{path} is not a readable backup archive (damaged, cut short or not a .tar.gz): {error}."
        ) from None


def read_manifest(path: Path) -> dict:
    with open_archive(path) as tar:
        first = tar.next()
        if first is None or first.name != MANIFEST_NAME or not first.isfile():
            raise BackupError(f"{path} is not an ANKASAM backup: it does not start with {MANIFEST_NAME}.")
        if first.size > MANIFEST_MAX_BYTES:
            raise BackupError(f"{path} is not an ANKASAM backup: its manifest is {first.size} bytes long.")
        content = tar.extractfile(first).read()
    try:
        return json.loads(content)
    except ValueError:
        raise BackupError(f"{path} is not an ANKASAM backup: its manifest is not JSON.") from None


def destination_of(member: tarfile.TarInfo, staging: Path, database_name: str) -> Path:
    """Where a member goes under `staging`, or BackupError for anything backup would not have written."""
    name = PurePosixPath(member.name)
    safe = (member.isfile() or member.isdir()) and not name.is_absolute() and ".." not in name.parts
    if safe and member.isfile() and str(name) in (database_name, MEDIA_LIST_NAME):
        return staging / str(name)
    if safe and name.parts and name.parts[0] == ARCHIVE_DIRECTORY:
        return staging.joinpath(*name.parts)
    raise BackupError(
        f"The archive holds an unexpected entry {member.name!r}; it was not made by `manage.py backup`."
    )


def extract_members(tar, staging: Path, database_name: str) -> None:
    for index, member in enumerate(tar):
        if index == 0:
            continue  # the manifest, already read
        destination = destination_of(member, staging, database_name)
        if member.isdir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            with tar.extractfile(member) as source, destination.open("xb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        except FileExistsError:
            raise BackupError(
                f"The archive holds {member.name!r} twice; it was not made by `manage.py backup`."
            ) from None
    # gzip checks its CRC only at the end of the stream, past tar's last block: read up to there.
    while tar.fileobj.read(1 << 20):
        pass


def unpack(path: Path, staging: Path, manifest: dict) -> Unpacked:
    """Unpack into `staging` and check everything against the manifest; nothing else is touched."""
    database_name = manifest["database"]["file"]
    if database_name != DUMP_FILE_NAMES[manifest["database"]["vendor"]]:
        raise BackupError(f"The archive's manifest names an unexpected database file {database_name!r}.")
    media_directory = staging / ARCHIVE_DIRECTORY
    media_directory.mkdir()
    with open_archive(path) as tar:
        extract_members(tar, staging, database_name)
    database_file = staging / database_name
    if not database_file.is_file():
        raise BackupError(f"The archive holds no database ({database_name} is missing).")
    if file_digest(database_file) != manifest["database"]["sha256"]:
        raise BackupError(
            "The archive's database does not match its manifest's digest: the archive is damaged."
        )
    media_list = staging / MEDIA_LIST_NAME
    if not media_list.is_file():
        raise BackupError(f"The archive is incomplete: it ends before {MEDIA_LIST_NAME}.")
    media = tree_facts(media_directory)
    try:
        listed = json.loads(media_list.read_text())
        expected = MediaFacts(int(listed["files"]), int(listed["bytes"]))
    except (ValueError, KeyError, TypeError):
        raise BackupError(f"The archive's {MEDIA_LIST_NAME} is unreadable: the archive is damaged.") from None
    if media != expected:
        raise BackupError(
            f"The archive lists {expected.files} media files ({expected.bytes} bytes) but holds "
            f"{media.files} ({media.bytes} bytes): the archive is damaged."
        )
    return Unpacked(database_file=database_file, media_directory=media_directory, media=media)
