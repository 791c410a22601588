"""Publish and expire scheduled pages every minute, for `make run`.

Production runs Wagtail's `publish_scheduled` from a timer instead (docs/scheduled-publishing.md):
a loop inside the web server would stop with it and run once per worker.
"""

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run publish_scheduled every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (60).")
        parser.add_argument("--times", type=int, default=0, help="Stop after this many runs (0: never).")

    def handle(self, *args, interval, times, **options):
        runs = 0
        while True:
            try:
                call_command("publish_scheduled", verbosity=0)
            except Exception:
                # A database that is briefly away must not end the loop; the next run catches up.
                logger.exception("publish_scheduled failed; trying again in %s s", interval)
            runs += 1
            if times and runs >= times:
                return
            time.sleep(interval)
