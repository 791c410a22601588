"""What a Word file must be before anything reads it: a .docx of a bounded size, whole, not encrypted.

A .docx is a zip archive. The checks look at the archive's directory only (sizes, names, count of
entries) before a byte of it is decompressed, so a small file that unpacks to gigabytes (a "zip
bomb") is refused without being unpacked. docs/editorial-workflow.md ("Importing a Word file")
lists the limits; the file size limit is the setting WORDFILES_MAX_UPLOAD_BYTES.
"""

import zipfile
from io import BytesIO

from django.conf import settings
from django.utils.translation import gettext as _

# An encrypted .docx (and an old .doc) is an OLE compound file, not a zip: it starts with these bytes.
OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_HEADER = b"PK\x03\x04"
# A long report with many images stays far below these; a crafted archive does not.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 2000
# XML compresses well (20 to 1 is common), and nothing real reaches 200 to 1 beyond a megabyte.
MAX_RATIO = 200
RATIO_CHECKED_FROM = 1024 * 1024
REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")


class WordFileRefused(Exception):
    """The file is not imported; the message says why, in words an editor can act on."""


def max_upload_bytes() -> int:
    return settings.WORDFILES_MAX_UPLOAD_BYTES


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def checked_archive(data: bytes) -> zipfile.ZipFile:
    """The file's zip archive, once it has passed every check; WordFileRefused otherwise."""
    if len(data) > max_upload_bytes():
        raise WordFileRefused(
            _("The file is %(size)s MB; Word files of up to %(limit)s MB can be imported.")
            % {"size": megabytes(len(data)), "limit": megabytes(max_upload_bytes())}
        )
    if data.startswith(OLE_HEADER):
        raise WordFileRefused(
            _(
                "The file is password-protected (encrypted) or an old Word 97–2003 .doc file. "
                "Remove the password, or save it as a .docx document, and import it again."
            )
        )
    if not data.startswith(ZIP_HEADER):
        raise WordFileRefused(_("The file is not a Word document (.docx)."))
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise WordFileRefused(_("The file is damaged: it cannot be opened as a Word document.")) from None
    refuse_oversized_contents(entries)
    names = {entry.filename for entry in entries}
    if not all(part in names for part in REQUIRED_PARTS):
        raise WordFileRefused(_("The file is not a Word document (.docx)."))
    try:
        broken = archive.testzip()  # reads every entry, now known to be of a bounded size
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError):
        broken = True
    if broken:
        raise WordFileRefused(_("The file is damaged: it cannot be opened as a Word document."))
    return archive


def refuse_oversized_contents(entries: list[zipfile.ZipInfo]) -> None:
    too_big = WordFileRefused(
        _(
            "The file unpacks to more than Word documents ever hold (%(limit)s MB, %(entries)s parts); "
            "it is not imported."
        )
        % {"limit": megabytes(MAX_UNPACKED_BYTES), "entries": MAX_ENTRIES}
    )
    if len(entries) > MAX_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise too_big
    for entry in entries:
        if entry.file_size > RATIO_CHECKED_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise too_big
