"""What an archive says about itself, and whether this installation can take it back.

The manifest is the archive's first member, so a restore can refuse a foreign or mismatched
archive after reading a few hundred bytes, before it unpacks gigabytes of media.
"""

import datetime
import hashlib
import platform
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from .errors import BackupError

FORMAT = "ankasam-backup"
FORMAT_VERSION = 1
SUPPORTED_VENDORS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# Rows counted when the archive is made and checked again once it is restored.
COUNTED_MODELS = {
    "pages": "wagtailcore.Page",
    "articles": "articles.ArticlePage",
    "people": "people.PersonPage",
    "revisions": "wagtailcore.Revision",
    "images": "images.CustomImage",
    "renditions": "images.CustomRendition",
    "documents": "wagtaildocs.Document",
    "users": settings.AUTH_USER_MODEL,
}


@dataclass(frozen=True)
class DatabaseFacts:
    counts: dict[str, int]
    migrations: list[str]


def read_facts(cursor) -> DatabaseFacts:
    """Row counts and applied migrations, through any DB-API cursor (Django's or sqlite3's)."""
    counts = {}
    for name, label in COUNTED_MODELS.items():
        cursor.execute(f'SELECT COUNT(*) FROM "{apps.get_model(label)._meta.db_table}"')
        counts[name] = cursor.fetchone()[0]
    cursor.execute("SELECT app, name FROM django_migrations")
    migrations = sorted(f"{app}.{name}" for app, name in cursor.fetchall())
    return DatabaseFacts(counts=counts, migrations=migrations)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def build_manifest(vendor: str, facts: DatabaseFacts, database_file: Path, server_version: str = "") -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": {
            "vendor": vendor,
            "server_version": server_version,
            "file": database_file.name,
            "bytes": database_file.stat().st_size,
            "sha256": file_digest(database_file),
        },
        "versions": {
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "python": platform.python_version(),
        },
        "languages": list(settings.SITE_LANGUAGE_CODES),
        "counts": facts.counts,
        "migrations": facts.migrations,
    }


def check_manifest(manifest: dict, vendor: str) -> None:
    """Refuse an archive this installation cannot restore into a `vendor` database."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("This file is not an ANKASAM backup (its manifest does not name the format).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This archive is in backup format {manifest.get('format_version')!r}; this version of "
            f"ANKASAM reads format {FORMAT_VERSION} only. Restore it with the version that made it."
        )
    try:
        database = manifest["database"]
        archived_vendor, _file, _digest = database["vendor"], database["file"], database["sha256"]
        versions, applied = dict(manifest["versions"]), list(manifest["migrations"])
        dict(manifest["counts"])
    except (KeyError, TypeError, ValueError) as missing:
        raise BackupError(
            f"The archive's manifest is incomplete ({missing!r}); it cannot be trusted."
        ) from None
    if archived_vendor != vendor:
        raise BackupError(
            f"This archive holds a {SUPPORTED_VENDORS.get(archived_vendor, archived_vendor)} database, "
            f"but the target database is {SUPPORTED_VENDORS.get(vendor, vendor)}. Restore it into a "
            f"{SUPPORTED_VENDORS.get(archived_vendor, archived_vendor)} database (see docs/operations.md)."
        )
    unknown = unknown_migrations(applied)
    if unknown:
        raise BackupError(
            f"This archive comes from newer code: its database has {len(unknown)} migration(s) this "
            f"code does not have ({', '.join(unknown[:5])}{', ...' if len(unknown) > 5 else ''}). It was "
            f"made with Django {versions.get('django')} and Wagtail {versions.get('wagtail')}; this is "
            f"Django {django.get_version()} and Wagtail {wagtail.__version__}. Deploy the code that made "
            "it, then restore."
        )


def unknown_migrations(applied: list[str]) -> list[str]:
    """Applied migrations of installed apps that this code neither has nor has squashed away.

    Rows of uninstalled apps, and of migrations replaced by a squashed one, are what a database
    keeps after ordinary upgrades; only a migration nobody here knows means newer code.
    """
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    installed = {config.label for config in apps.get_app_configs()}
    unknown = []
    for entry in applied:
        app, _dot, name = str(entry).partition(".")
        if app in installed and (app, name) not in known:
            unknown.append(entry)
    return unknown


def describe(manifest: dict) -> str:
    """One line for the operator: what, from when and from which versions."""
    counts = manifest["counts"]
    versions = manifest["versions"]
    vendor = SUPPORTED_VENDORS.get(manifest["database"]["vendor"], manifest["database"]["vendor"])
    return (
        f"{vendor} database of {manifest.get('created')} (Django {versions.get('django')}, Wagtail "
        f"{versions.get('wagtail')}): {counts.get('pages')} pages of which {counts.get('articles')} "
        f"articles, {counts.get('images')} images, {counts.get('documents')} documents, "
        f"{counts.get('users')} users"
    )
