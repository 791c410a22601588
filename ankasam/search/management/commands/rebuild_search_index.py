import time

from django.core.management.base import BaseCommand

from ankasam.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the readers' search index from every article readers may see, in every language."

    def handle(self, *args, **options):
        started = time.monotonic()
        written = rebuild_index()
        elapsed = time.monotonic() - started
        self.stdout.write(f"Indexed {written} search entries in {elapsed:.1f} s.")
