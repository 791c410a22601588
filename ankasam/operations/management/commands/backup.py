from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.template.defaultfilters import filesizeformat

from ankasam.operations.backup import create_backup
from ankasam.operations.errors import BackupError
from ankasam.operations.manifest import describe


class Command(BaseCommand):
    help = (
        "Save the database and MEDIA_ROOT into one archive, ankasam-YYYYmmdd-HHMMSS.tar.gz in "
        "BACKUP_DIR (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Directory to write the archive into (default: BACKUP_DIR, or backups/ in the project).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias to back up.")

    def handle(self, *args, **options):
        output = options["output"] or Path(settings.BACKUP_DIR)
        try:
            result = create_backup(connections[options["database"]], output, Path(settings.MEDIA_ROOT))
        except BackupError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(f"The database could not be read: {error}") from None
        for name in result.vanished:
            self.stderr.write(f"Left out {name}: deleted while the backup ran.")
        self.stdout.write(
            f"Wrote {result.path} ({filesizeformat(result.path.stat().st_size)}): "
            f"{describe(result.manifest)}; {result.media.files} media files."
        )
