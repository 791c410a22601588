"""`manage.py backup` and `manage.py restore`: a site in three languages, with an image, its
renditions, a stored PDF and a share card, survives the round trip on SQLite and on PostgreSQL,
and a restore that must not happen changes nothing."""

import gzip
import io
import json
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation
from wagtail.models import Site

from ankasam.articles import pdf
from ankasam.articles.models import ArticlePage
from ankasam.operations import databases

from ..databases import load_snapshot
from .conftest import database_alias, require_postgresql_tools, serving_from
from .content import TEXTS, build_site

# Most tests only read an archive made once for the module; the round trips make their own.
pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_pdfs(monkeypatch):
    """PDFs are "rendered" instantly; the backup only cares about the file the storage keeps."""
    monkeypatch.setattr(pdf, "pdf_problem", lambda: None)
    monkeypatch.setattr(pdf, "render_article_pdf", lambda article: b"%PDF-1.7 stored copy")


@pytest.fixture
def article(database_as_migrated, stored_pdfs):
    return build_site()


def address(article, language: str, suffix: str = "") -> str:
    with translation.override(language):
        return f"{article.get_url()}{suffix}"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_site(client, article) -> dict[str, bytes]:
    """Every reader-facing answer the round trip must keep: the article in each language, its PDF
    and its share card (fetching them also writes the renditions, the PDF and the card to media)."""
    answers = {}
    for language in TEXTS:
        response = client.get(address(article, language))
        assert response.status_code == 200, (language, response.status_code)
        answers[language] = response.content
    for name, url in (
        ("pdf", address(article, "en", "pdf/")),
        ("card", f"/en/share-card/{article.pk}.png?v={article.live_revision_id}"),
    ):
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        answers[name] = body(response)
    return answers


def files_under(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def back_up(tmp_path) -> Path:
    output = tmp_path / "backups"
    call_command("backup", "--output", str(output), stdout=io.StringIO(), stderr=io.StringIO())
    (archive,) = output.glob("ankasam-*.tar.gz")
    return archive


def restore(archive, settings_dict, *options):
    with database_alias("restored", settings_dict):
        call_command("restore", str(archive), "--database", "restored", *options, stdout=io.StringIO())


def table_count(settings_dict) -> int:
    with database_alias("inspected", settings_dict) as target, target.cursor() as cursor:
        return len(target.introspection.table_names(cursor))


def check_round_trip(client, article, settings, monkeypatch, tmp_path, empty_database):
    original = read_site(client, article)
    original_media = files_under(Path(settings.MEDIA_ROOT))
    assert {"original_images", "images", "pdf", "share-cards"} <= {
        name.split("/")[0] for name in original_media
    }
    archive = back_up(tmp_path)
    # Should the site go on reading the test database, these titles would show.
    ArticlePage.objects.filter(pk=article.pk).update(**{f"title_{code}": "Changed" for code in TEXTS})

    settings.MEDIA_ROOT = tmp_path / "restored-media"
    restore(archive, empty_database)

    assert files_under(settings.MEDIA_ROOT) == original_media
    for cache in caches.all():
        cache.clear()
    with serving_from(empty_database):
        # A PDF made again would mean the stored one was not restored.
        monkeypatch.setattr(pdf, "render_article_pdf", lambda *args: pytest.fail("the stored PDF was lost"))
        restored = read_site(client, ArticlePage.objects.get(pk=article.pk))
        assert ArticlePage.objects.count() == 1
    for language, (title, _slug, claim, source) in TEXTS.items():
        html = restored[language].decode()
        assert "<h1" in html and title in html and claim in html and source in html, language
        assert '<li id="fn-1" class="footnote" value="1">' in html
        assert restored[language] == original[language], f"the {language} page differs"
    assert restored["pdf"] == original["pdf"] == b"%PDF-1.7 stored copy"
    assert restored["card"] == original["card"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="this run's database is PostgreSQL")
def test_round_trip_on_sqlite(client, article, settings, monkeypatch, tmp_path, empty_database):
    check_round_trip(client, article, settings, monkeypatch, tmp_path, empty_database)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="this run's database is SQLite; set DATABASE_URL to PostgreSQL (.ci/run does) for this test",
)
def test_round_trip_on_postgresql(client, article, settings, monkeypatch, tmp_path, empty_database):
    check_round_trip(client, article, settings, monkeypatch, tmp_path, empty_database)


@dataclass(frozen=True)
class Made:
    archive: Path
    media: dict[str, bytes]
    article_id: int


@pytest.fixture(scope="module")
def made(database_left_as_found, django_db_blocker, tmp_path_factory) -> Made:
    """One archive for the tests that only read it: the site is made, backed up into BACKUP_DIR,
    and taken out of the test database again."""
    if connection.vendor == "postgresql":
        require_postgresql_tools()
    folder = tmp_path_factory.mktemp("made")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=folder / "media", BACKUP_DIR=folder / "backups"),
    ):
        try:
            article = build_site()
            call_command("backup", stdout=io.StringIO())
        finally:
            load_snapshot(database_left_as_found)
    (archive,) = (folder / "backups").iterdir()
    return Made(archive=archive, media=files_under(folder / "media"), article_id=article.pk)


@pytest.fixture
def archive(made, tmp_path) -> Path:
    """A copy of the module's archive, free to damage."""
    copy = tmp_path / made.archive.name
    copy.write_bytes(made.archive.read_bytes())
    return copy


def leftovers(tmp_path) -> list[Path]:
    return list(tmp_path.glob(".*-restore-*"))


def test_backup_writes_one_private_archive_into_backup_dir_manifest_first(made):
    assert made.archive.parent.name == "backups"
    assert made.archive.name.startswith("ankasam-") and made.archive.name.endswith(".tar.gz")
    assert made.archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(made.archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[0] == "manifest.json" and names[-1] == "media-files.json"
    assert "media/original_images/pipeline.png" in names
    assert manifest["format"] == "ankasam-backup" and manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"]["articles"] == 1 and manifest["counts"]["images"] == 1
    assert {"django", "wagtail"} <= set(manifest["versions"]) and manifest["created"]


def test_backup_refuses_to_write_inside_media_root(settings):
    with pytest.raises(CommandError, match="inside MEDIA_ROOT"):
        call_command("backup", "--output", str(settings.MEDIA_ROOT / "backups"), stdout=io.StringIO())
    assert not (settings.MEDIA_ROOT / "backups").exists()


def test_restore_refuses_a_database_that_already_holds_tables(archive, settings, tmp_path):
    (settings.MEDIA_ROOT / "keep.txt").parent.mkdir(parents=True)
    (settings.MEDIA_ROOT / "keep.txt").write_bytes(b"mine")
    pages = list(Site.objects.get(is_default_site=True).root_page.get_descendants(inclusive=True))

    with pytest.raises(CommandError, match=r"already holds \d+ tables .* pass --force"):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert list(Site.objects.get(is_default_site=True).root_page.get_descendants(inclusive=True)) == pages
    assert files_under(settings.MEDIA_ROOT) == {"keep.txt": b"mine"}
    assert leftovers(tmp_path) == []


def test_restore_refuses_a_media_root_that_holds_files(archive, settings, tmp_path, empty_database):
    settings.MEDIA_ROOT = tmp_path / "other-media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "keep.txt").write_bytes(b"mine")

    with pytest.raises(CommandError, match="already holds files"):
        restore(archive, empty_database)

    assert table_count(empty_database) == 0
    assert files_under(settings.MEDIA_ROOT) == {"keep.txt": b"mine"}


def cut_in_half(archive: Path) -> None:
    content = archive.read_bytes()
    archive.write_bytes(content[: len(content) // 2])


def flip_a_byte(archive: Path) -> None:
    content = bytearray(archive.read_bytes())
    content[len(content) * 2 // 3] ^= 0xFF
    archive.write_bytes(bytes(content))


def rot_a_media_byte(archive: Path) -> None:
    """A byte of the image changes; only gzip's checksum at the very end of the stream tells."""
    stored = bytearray(gzip.compress(gzip.decompress(archive.read_bytes()), compresslevel=0))
    stored[stored.rindex(b"IEND")] ^= 0x20
    archive.write_bytes(bytes(stored))


def replace_with_text(archive: Path) -> None:
    archive.write_text("manifest.json, honestly")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (cut_in_half, "cut short"),
        (flip_a_byte, "damaged"),
        (rot_a_media_byte, "damaged"),
        (replace_with_text, "not a readable backup archive"),
        (Path.unlink, "does not exist"),
    ],
)
def test_restore_refuses_a_damaged_archive_and_changes_nothing(
    archive, damage, message, settings, tmp_path, empty_database
):
    damage(archive)
    settings.MEDIA_ROOT = tmp_path / "restored-media"

    with pytest.raises(CommandError, match=message):
        restore(archive, empty_database)

    assert table_count(empty_database) == 0
    assert not settings.MEDIA_ROOT.exists()
    assert leftovers(tmp_path) == []


def rewritten(archive: Path, manifest_change=None, extra: tarfile.TarInfo | None = None) -> Path:
    """A copy of the archive with its manifest changed by `manifest_change`, or `extra` appended."""
    copy = archive.with_name("rewritten.tar.gz")
    with tarfile.open(archive) as source, tarfile.open(copy, "w:gz") as target:
        for member in source:
            content = source.extractfile(member).read() if member.isfile() else b""
            if member.name == "manifest.json" and manifest_change:
                manifest = json.loads(content)
                manifest_change(manifest)
                content = json.dumps(manifest).encode()
                member.size = len(content)
            target.addfile(member, io.BytesIO(content))
        if extra is not None:
            target.addfile(extra, io.BytesIO(b"x" * extra.size))
    return copy


def other_vendor(manifest):
    manifest["database"]["vendor"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"


def entry(name: str, kind=tarfile.REGTYPE) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.size, info.linkname = kind, 1 if kind == tarfile.REGTYPE else 0, "/etc/passwd"
    return info


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"manifest_change": other_vendor}, "database, but the target database is"),
        ({"manifest_change": lambda m: m.update(format_version=2)}, "backup format 2"),
        ({"manifest_change": lambda m: m.update(format="other")}, "not an ANKASAM backup"),
        ({"manifest_change": lambda m: m["migrations"].append("articles.9999_future")}, "newer code"),
        ({"manifest_change": lambda m: m.pop("counts")}, "manifest is incomplete"),
        ({"extra": entry("media/../../escaped.txt")}, "unexpected entry"),
        ({"extra": entry("media/link", tarfile.SYMTYPE)}, "unexpected entry"),
        ({"extra": entry("media/original_images/pipeline.png")}, "twice"),
    ],
)
def test_restore_refuses_a_mismatched_or_foreign_archive(
    archive, change, message, settings, tmp_path, empty_database
):
    settings.MEDIA_ROOT = tmp_path / "restored-media"

    with pytest.raises(CommandError, match=message):
        restore(rewritten(archive, **change), empty_database)

    assert table_count(empty_database) == 0
    assert not settings.MEDIA_ROOT.exists()
    assert not (tmp_path / "escaped.txt").exists()
    assert leftovers(tmp_path) == []


def test_restore_refuses_an_archive_without_a_manifest(tmp_path, settings, empty_database):
    foreign = tmp_path / "site.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        tar.addfile(entry("notes.txt"), io.BytesIO(b"x"))

    with pytest.raises(CommandError, match="does not start with manifest.json"):
        restore(foreign, empty_database)

    assert table_count(empty_database) == 0


def test_force_replaces_the_database_and_keeps_the_media_it_found(
    made, archive, settings, tmp_path, empty_database
):
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    restore(archive, empty_database)
    (settings.MEDIA_ROOT / "uploaded-since.txt").write_bytes(b"new")
    edit = "UPDATE wagtailcore_page SET title_en = 'Edited since' WHERE id = %s"
    with database_alias("edited", empty_database) as target, target.cursor() as cursor:
        cursor.execute(edit, [made.article_id])

    with pytest.raises(CommandError, match="already holds"):
        restore(archive, empty_database)
    restore(archive, empty_database, "--force")

    with database_alias("inspected", empty_database) as target, target.cursor() as cursor:
        cursor.execute("SELECT title_en FROM wagtailcore_page WHERE id = %s", [made.article_id])
        assert cursor.fetchone() == (TEXTS["en"][0],)
    assert files_under(settings.MEDIA_ROOT) == made.media
    (kept,) = tmp_path.glob("restored-media.before-restore-*")
    assert files_under(kept) == {**made.media, "uploaded-since.txt": b"new"}


def test_the_postgresql_password_goes_to_pg_restore_in_its_environment_not_its_arguments(monkeypatch):
    calls = []

    def run(args, env, **kwargs):
        calls.append((args, env))
        return subprocess.CompletedProcess(args, 0, stdout="", stderr="")

    monkeypatch.setattr(databases.subprocess, "run", run)
    monkeypatch.setattr(databases.shutil, "which", lambda name: f"/usr/bin/{name}")
    target = SimpleNamespace(
        settings_dict={
            "NAME": "ankasam",
            "USER": "ankasam",
            "PASSWORD": "s3cret",
            "HOST": "db.internal",
            "PORT": "5432",
            "OPTIONS": {"sslmode": "require"},
        },
        close=lambda: None,
    )

    databases.restore_postgresql(target, Path("database.pgdump"), replace=False)

    (listing, _), (restoring, env) = calls
    assert listing[1:] == ["--list", "database.pgdump"]
    assert not any("s3cret" in argument for argument in listing + restoring)
    assert {"--no-owner", "--single-transaction", "--exit-on-error", "--dbname=ankasam"} <= set(restoring)
    assert "--clean" not in restoring
    assert (env["PGPASSWORD"], env["PGHOST"], env["PGUSER"], env["PGSSLMODE"]) == (
        "s3cret",
        "db.internal",
        "ankasam",
        "require",
    )
