"""Import a WordPress export (WXR): each translation group becomes one article in its languages,
with footnotes, authors and topics; old addresses redirect. All or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ankasam.articles.models import ArticleIndexPage
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
        parser.add_argument("--dry-run", action="store_true", help="Read, map and report; write nothing.")

    def handle(self, export, parent, uploads, dry_run, **options):
        sidecars = {}
        for flag in SIDECAR_OPTIONS:
            name = flag.removeprefix("--").replace("-", "_")
            if options[name] is not None and not options[name].is_file():
                raise CommandError(f"{flag}: {options[name]} is not a file")
            sidecars[name] = options[name]
        if not export.is_file():
            raise CommandError(f"{export} is not a file")
        index = (
            ArticleIndexPage.objects.filter(pk=parent).first() if parent else ArticleIndexPage.objects.first()
        )
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"{uploads} is not a folder")
        if index is None:
            raise CommandError("No article index to import under: create one, or give --parent with its id")
        try:
            report = run_import(
                Options(path=export, parent=index, uploads=uploads, dry_run=dry_run, **sidecars)
            )
        except SidecarError as error:
            raise CommandError(f"A sidecar file cannot be read, nothing was imported: {error}") from error
        except ExportError as error:
            raise CommandError(f"The export cannot be read, nothing was imported: {error}") from error
        except (ImportFailed, NoPeopleIndex) as error:
            raise CommandError(f"The import stopped and nothing was kept: {error}") from error
        for line in report.lines():
            self.stdout.write(line)
