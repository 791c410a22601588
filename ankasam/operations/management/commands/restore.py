from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from ankasam.operations.errors import BackupError
from ankasam.operations.manifest import describe
from ankasam.operations.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` into an EMPTY database and MEDIA_ROOT (docs/operations.md). "
        "Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .tar.gz made by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "DESTRUCTIVE: restore even though the database already holds tables, replacing the "
                "contents the archive has (SQLite: the whole file; PostgreSQL: every object in the "
                "dump). Media files already in MEDIA_ROOT are moved aside, not deleted."
            ),
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias to restore into.")

    def handle(self, *args, **options):
        try:
            result = restore_backup(
                options["archive"],
                connections[options["database"]],
                Path(settings.MEDIA_ROOT),
                replace=options["force"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(f"The target database could not be used: {error}") from None
        self.stdout.write(
            f"Restored {options['archive']}: {describe(result.manifest)}; {result.media.files} media files."
        )
        if result.media_kept_at:
            self.stdout.write(f"The media files that were in MEDIA_ROOT are kept in {result.media_kept_at}.")
        self.stdout.write(
            "Next: `manage.py migrate --noinput`, then restart the site's processes (docs/operations.md)."
        )
