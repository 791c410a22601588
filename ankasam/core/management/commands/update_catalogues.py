"""Extract the interface strings into the catalogue of every non-default site language.

Django's `makemessages --all` only refreshes catalogues that already exist; this creates the
missing ones too (a newly added language) and skips what is not the project's own code.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from ankasam.core.languages import default_language, site_language_codes

NOT_OURS = [".venv", "tests", "bench", "node_modules", "staticfiles", "media", "test-artifacts"]


class Command(BaseCommand):
    help = "Update locale/<language>/LC_MESSAGES/django.po for every site language but the default."

    def handle(self, *args, **options):
        languages = [code for code in site_language_codes() if code != default_language()]
        call_command(
            "makemessages",
            locale=languages,
            domain="django",
            ignore_patterns=NOT_OURS,
            add_location="file",
            no_obsolete=True,
            verbosity=options["verbosity"],
        )
