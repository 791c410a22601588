"""Import a Word file (.docx) as a draft article, or into one language of an existing article.

Never publishes. Footnotes and endnotes become the article's notes; what could not be kept is
listed. docs/editorial-workflow.md ("Importing a Word file") tells what is kept and the limits.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.core.languages import localized_field, site_language_codes
from ankasam.people.models import PersonPage
from ankasam.wordfiles.importing import import_word_file
from ankasam.wordfiles.limits import WordFileRefused, max_upload_bytes


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .docx file.")
        parser.add_argument("--parent", type=int, help="Id of the article index for a new article.")
        parser.add_argument("--page", type=int, help="Id of an existing article: fill one language of it.")
        parser.add_argument(
            "--language", help="The text's language code (default: the language the file names)."
        )
        parser.add_argument(
            "--author", action="append", default=[], help="A person's slug; repeat for several authors."
        )

    def handle(self, *args, file, parent, page, language, author, **options):
        if (parent is None) == (page is None):
            raise CommandError("Give either --parent (a new article) or --page (an existing one).")
        if language is not None and language not in site_language_codes():
            raise CommandError(
                f"--language {language}: the site's languages are {', '.join(site_language_codes())}"
            )
        if not file.is_file():
            raise CommandError(f"{file} is not a file")
        if file.stat().st_size > max_upload_bytes():
            # Refused before the file is read into memory.
            raise CommandError(
                f"{file} is larger than the limit of {max_upload_bytes()} bytes; nothing imported"
            )
        index = article = None
        if parent is not None:
            index = ArticleIndexPage.objects.filter(pk=parent).first()
            if index is None:
                raise CommandError(f"--parent {parent} is not an article index")
        else:
            article = ArticlePage.objects.filter(pk=page).first()
            if article is None:
                raise CommandError(f"--page {page} is not an article")
        try:
            report = import_word_file(
                file.read_bytes(),
                filename=file.name,
                language=language,
                parent=index,
                page=article,
                authors=people_by_slug(author) if author else None,
            )
        except WordFileRefused as error:
            raise CommandError(f"{file.name} was not imported: {error}") from None
        verb = "Created the draft article" if report.created else "Saved a new draft revision of"
        self.stdout.write(f"{verb} {report.page.pk} ({report.language}): {report.page.title}")
        names = ", ".join(person.title for person in report.authors)
        if names:
            self.stdout.write(f"Authors: {names}")
        for line in report.warnings():
            self.stdout.write(f"  - {line}")


def people_by_slug(slugs: list[str]) -> list[PersonPage]:
    people = []
    for slug in slugs:
        query = Q()
        for column in dict.fromkeys(["slug", *(localized_field("slug", c) for c in site_language_codes())]):
            query |= Q(**{column: slug})
        person = PersonPage.objects.filter(query).first()
        if person is None:
            raise CommandError(f"--author {slug}: no person has this slug")
        people.append(person)
    return people
