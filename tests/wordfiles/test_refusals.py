"""Files that are not imported: refused with a message that says why, and nothing saved."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model

from ankasam.articles.models import ArticlePage
from ankasam.wordfiles.limits import MAX_ENTRIES, WordFileRefused, checked_archive, refuse_oversized_contents

from .documents import analysis_docx, png_bytes

pytestmark = pytest.mark.django_db


def refused(tmp_path, data: bytes | None, parent, size: int | None = None) -> str:
    path = tmp_path / "upload.docx"
    if data is not None:
        path.write_bytes(data)
    else:
        with path.open("wb") as handle:
            handle.truncate(size)  # a sparse file: its size without writing it
    with pytest.raises(CommandError) as error:
        call_command("import_docx", str(path), "--parent", str(parent.pk), "--language", "en")
    assert ArticlePage.objects.count() == 0
    assert get_image_model().objects.count() == 0
    return str(error.value)


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_corrupt_file_is_refused(tmp_path, article_index):
    whole = analysis_docx()
    assert "damaged" in refused(tmp_path, whole[: len(whole) // 2], article_index)


def test_an_encrypted_file_is_refused(tmp_path, article_index):
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(4096)
    assert "password-protected (encrypted)" in refused(tmp_path, ole, article_index)


def test_files_that_are_not_word_documents_are_refused(tmp_path, article_index):
    assert "not a Word document" in refused(tmp_path, png_bytes(), article_index)
    spreadsheet = zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert "not a Word document" in refused(tmp_path, spreadsheet, article_index)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path, article_index):
    message = refused(tmp_path, None, article_index, size=50 * 1024 * 1024)
    assert "larger than the limit" in message


def test_the_size_limit_is_a_setting(settings):
    settings.WORDFILES_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(WordFileRefused, match="up to 0 MB"):
        checked_archive(analysis_docx())


def test_a_zip_bomb_disguised_as_a_docx_is_refused_without_unpacking(tmp_path, article_index):
    # 30 MB of one repeated byte packs into some 30 kB: a thousand to one.
    bomb = zip_of(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document>" + b"A" * (30 * 1024 * 1024) + b"</w:document>",
        }
    )
    assert len(bomb) < 100_000
    assert "unpacks to more than" in refused(tmp_path, bomb, article_index)


def test_an_archive_of_too_many_parts_is_refused(tmp_path, article_index):
    crowded = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
    crowded.update({f"word/media/x{n}.bin": b"" for n in range(MAX_ENTRIES)})
    assert "unpacks to more than" in refused(tmp_path, zip_of(crowded), article_index)


def test_an_archive_that_unpacks_past_the_total_is_refused():
    parts = []
    for number in range(3):
        info = zipfile.ZipInfo(f"word/media/image{number}.png")
        info.file_size, info.compress_size = 90 * 1024 * 1024, 89 * 1024 * 1024
        parts.append(info)
    with pytest.raises(WordFileRefused, match="unpacks to more than"):
        refuse_oversized_contents(parts)
    refuse_oversized_contents(parts[:2])  # 180 MB in all, each barely compressed: a real file could


def test_a_file_whose_language_is_not_the_sites_is_refused(tmp_path, article_index):
    path = tmp_path / "german.docx"
    path.write_bytes(analysis_docx())
    with pytest.raises(CommandError, match="--language de"):
        call_command("import_docx", str(path), "--parent", str(article_index.pk), "--language", "de")
    assert ArticlePage.objects.count() == 0
