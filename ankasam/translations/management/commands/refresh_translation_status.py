from django.core.management.base import BaseCommand

from ankasam.translations.records import store_statuses_of_every_page


class Command(BaseCommand):
    help = "Recompute the translation status report from every tracked page's latest revision."

    def handle(self, *args, **options):
        count = store_statuses_of_every_page()
        self.stdout.write(f"Translation status refreshed for {count} page(s).")
