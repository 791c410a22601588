"""Import a WordPress export (WXR): each translation group becomes one article in its languages,
with footnotes, authors and topics; old addresses redirect. All or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from ankasam.articles.models import ArticleIndexPage
from ankasam.wordpress.archives import ArchiveBases, BadArchiveBase
from ankasam.wordpress.importer import ImportFailed, Options, run_import
from ankasam.wordpress.people import NoPeopleIndex
from ankasam.wordpress.sidecars import SidecarError
from ankasam.wordpress.wxr import ExportError

# Files exported from WordPress's plugins or written by hand, beside the WXR export.
SIDECAR_OPTIONS = {
    "--wpml-translations": "WPML's icl_translations table as CSV: posts' languages and translation groups.",
    "--author-bios": "JSON of authors' names, roles and bios per language.",
    "--taxonomy-mapping": "TOML (or JSON) sending chosen categories to regions, types, tags or nowhere.",
}


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WXR file from Tools > Export > All content.")
        parser.add_argument(
            "--parent", type=int, help="Id of the article index to import under (default: the first)."
        )
        parser.add_argument(
            "--uploads", type=Path, help="A local copy of wp-content/uploads; images are never downloaded."
        )
        for flag, help_text in SIDECAR_OPTIONS.items():
            parser.add_argument(flag, type=Path, help=help_text)
        for name in ("category", "tag", "author"):
            parser.add_argument(
                f"--{name}-base",
                help=f"The {name} archives' base, if the site changed it in Settings > Permalinks "
                f"(default: {name}); its archives redirect from there.",
            )
        parser.add_argument("--dry-run", action="store_true", help="Read, map and report; write nothing.")

    def handle(self, *args, **options):
        try:
            return self.import_export(*args, **options)
        except CommandError:
            raise
        except DatabaseError as error:
            raise CommandError(database_message(error)) from error

    def import_export(self, export, parent, uploads, dry_run, **options):
        sidecars = {}
        for flag in SIDECAR_OPTIONS:
            name = flag.removeprefix("--").replace("-", "_")
            if options[name] is not None and not options[name].is_file():
                raise CommandError(f"{flag}: {options[name]} is not a file")
            sidecars[name] = options[name]
        if not export.is_file():
            raise CommandError(f"{export} is not a file")
        try:
            bases = ArchiveBases.given(
                category=options["category_base"], tag=options["tag_base"], author=options["author_base"]
            )
        except BadArchiveBase as error:
            raise CommandError(str(error)) from error
        require_migrated_database()
        index = (
            ArticleIndexPage.objects.filter(pk=parent).first() if parent else ArticleIndexPage.objects.first()
        )
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"{uploads} is not a folder")
        if index is None:
            raise CommandError("No article index to import under: create one, or give --parent with its id")
        try:
            report = run_import(
                Options(
                    path=export,
                    parent=index,
                    uploads=uploads,
                    dry_run=dry_run,
                    archive_bases=bases,
                    **sidecars,
                )
            )
        except SidecarError as error:
            raise CommandError(f"A sidecar file cannot be read, nothing was imported: {error}") from error
        except ExportError as error:
            raise CommandError(f"The export cannot be read, nothing was imported: {error}") from error
        except (ImportFailed, NoPeopleIndex) as error:
            cause = database_error(error)
            if cause is not None:
                raise CommandError(database_message(cause)) from error
            raise CommandError(f"The import stopped and nothing was kept: {error}") from error
        for line in report.lines(every_warning=options["verbosity"] >= 2):
            self.stdout.write(line)


def require_migrated_database():
    """Refuse to start on a database that is unreachable or not migrated, in one line each."""
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        first = plan[0][0]
        raise CommandError(
            f"The database is not set up: {len(plan)} migration(s) not applied (the first is "
            f"{first.app_label}.{first.name}). Run `manage.py migrate --noinput`, then the import again."
        )


# Words the database uses when a table or column the code expects is not there.
MISSING_SCHEMA = ("no such table", "no such column", "does not exist", "undefinedtable", "undefinedcolumn")


def database_error(error: BaseException) -> DatabaseError | None:
    """The database error an import failure comes from, if it comes from one."""
    while error is not None:
        if isinstance(error, DatabaseError):
            return error
        error = error.__cause__
    return None


def database_message(error: DatabaseError) -> str:
    """One line an administrator can act on, never the traceback; the run kept nothing either way."""
    detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if any(words in detail.lower() for words in MISSING_SCHEMA):
        return (
            f"The database is not set up ({detail}): run `manage.py migrate --noinput`, "
            "then the import again. Nothing was imported."
        )
    return (
        f"The database could not be reached or dropped the connection ({detail}). Nothing was "
        "imported: the run is one transaction. Check the database (DATABASE_URL) and run it again."
    )
