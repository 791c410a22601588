from django.core.management.base import BaseCommand

from ankasam.demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Create the demo site (taxonomy, experts, articles in three languages); safe to run again."

    def handle(self, *args, **options):
        report = load_demo_content()
        if not report:
            self.stdout.write("Demo content already loaded; nothing to add.")
            return
        summary = ", ".join(f"{count} {name}" for name, count in sorted(report.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
