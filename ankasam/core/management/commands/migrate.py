"""`migrate` that leaves the translated page tree consistent.

wagtail-modeltranslation's `migrate` adds the page translation columns (`title_xx`,
`url_path_xx`, ...) after Django's migrations, but pages created before those columns existed
(the root page, the home page made by a data migration) keep them empty, and new pages then get
a `url_path` without its leading slash. Doing the repair here means every `migrate`, including
the one that builds the test database, ends with a usable tree. It also indexes each language's
slug column, which those columns lack (see `ankasam.core.slugs`).
"""

from django.core.management import call_command
from django.db.models import Q
from wagtail.models import Page
from wagtail_modeltranslation.management.commands.migrate_translation import (
    Command as TranslationMigrateCommand,
)

from ankasam.core.languages import localized_field, site_language_codes
from ankasam.core.slugs import create_localized_slug_indexes


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        verbosity = options["verbosity"]
        call_command("update_translation_fields", verbosity=max(verbosity - 1, 0))
        if self._pages_missing_url_paths():
            call_command("set_translation_url_paths", verbosity=max(verbosity - 1, 0))
        for index in create_localized_slug_indexes():
            if verbosity:
                self.stdout.write(f"Created index {index}")

    @staticmethod
    def _pages_missing_url_paths() -> bool:
        missing = Q()
        for code in site_language_codes():
            missing |= Q(**{f"{localized_field('url_path', code)}__isnull": True})
        return Page.objects.rewrite(False).filter(missing).exists()
