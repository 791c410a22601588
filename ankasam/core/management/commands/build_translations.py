"""Compile the interface catalogues (locale/*/LC_MESSAGES/*.po) into the .mo files Django reads.

Django's `compilemessages` needs GNU gettext's `msgfmt`, which a laptop may lack; polib is pure
Python, so `make run` and `make test` build the catalogues everywhere.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogues(locale_dirs) -> list[Path]:
    built = []
    for locale_dir in locale_dirs:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                built.append(mo_path)
    return built


class Command(BaseCommand):
    help = "Compile the interface translations (.po) into .mo files, where they are out of date."

    def handle(self, *args, **options):
        built = compile_catalogues(settings.LOCALE_PATHS)
        self.stdout.write(f"Interface translations: {len(built)} catalogue(s) compiled.")
